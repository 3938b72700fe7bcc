//! Parse errors carry a line and column and a message, rendered with the source line
//! and a caret.

use ir::parse::parse_module;

fn check(input: &str, expected: &str) {
    let err = parse_module(input).expect_err("the input is malformed");
    assert_eq!(err.render(input), expected);
}

#[test]
fn unknown_opcode() {
    check(
        "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    v2 = frob.i64 v1\n    ret\n}\n",
        "3:10: unknown opcode `frob`\n    v2 = frob.i64 v1\n         ^",
    );
}

#[test]
fn unknown_function() {
    check(
        "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    call @g(v0, v1)\n    ret\n}\n",
        "3:10: unknown function @g\n    call @g(v0, v1)\n         ^",
    );
}

#[test]
fn value_defined_twice() {
    check(
        "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    v1 = iconst.i64 1\n    ret\n}\n",
        "3:5: v1 is defined twice\n    v1 = iconst.i64 1\n    ^",
    );
}

#[test]
fn result_types_cannot_be_inferred() {
    check(
        "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    v2 = load v0\n    ret\n}\n",
        "3:5: cannot infer the result types of this load (write them as `vN: type`)\n    v2 = load v0\n    ^",
    );
}

#[test]
fn unterminated_string() {
    check(
        "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    v2 = sconst \"abc\n}\n",
        "3:17: unterminated string\n    v2 = sconst \"abc\n                ^",
    );
}

#[test]
fn unclosed_function() {
    check(
        "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    ret\n",
        "1:1: function body is not closed with `}`\nfunc @f(ptr, i64) { ; 1:1\n^",
    );
}

#[test]
fn explicit_result_types_round_trip() {
    // A result whose type disagrees with the typing rules is printed with its type.
    let text = "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    v2: i32 = iadd.i64 v1, v1\n    ret\n}\n";
    let m = parse_module(text).expect("parses");
    assert_eq!(ir::write::write_module(&m), format!("\n{text}"));
    assert!(ir::verify::verify_module(&m).is_err());
}
