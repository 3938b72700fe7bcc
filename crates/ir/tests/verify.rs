//! Verifier tests: each `verify/*.ir` fixture is deliberately broken; the rendered
//! report (the function with `; error: ...` beside the offending lines) is
//! snapshotted next to it. Well-formed IR is covered by the round-trip fixtures.

use ir::parse::parse_module;
use ir::verify::{verify_module, verify_module_lowered};
use std::path::Path;

fn fixture(name: &str) -> ir::Module {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/verify/{name}.ir"));
    let text = std::fs::read_to_string(path).expect("fixture");
    match parse_module(&text) {
        Ok(m) => m,
        Err(e) => panic!("{name}: parse error\n{}", e.render(&text)),
    }
}

fn check(name: &str, lowered: bool) {
    let m = fixture(name);
    let result = if lowered {
        verify_module_lowered(&m)
    } else {
        verify_module(&m)
    };
    let errors = result.expect_err("the fixture is broken on purpose");
    let snap = if lowered {
        format!("{name}_lowered")
    } else {
        name.to_string()
    };
    insta::with_settings!({
        snapshot_path => "verify",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(snap, errors.rendered);
    });
}

#[test]
fn cfg() {
    check("cfg", false);
}

#[test]
fn dominance() {
    check("dominance", false);
}

#[test]
fn floats() {
    check("floats", false);
}

#[test]
fn types() {
    check("types", false);
}

#[test]
fn defers() {
    check("defers", false);
}

#[test]
fn defers_after_lowering() {
    check("defers", true);
}

/// The rendered report still parses (errors are comments).
#[test]
fn report_parses() {
    let m = fixture("types");
    let errors = verify_module(&m).expect_err("broken");
    let f = m.func_by_name("f").expect("f");
    let text = errors
        .rendered
        .split("\n\n")
        .find(|t| t.starts_with("func @f("))
        .expect("f is reported");
    let again = ir::parse::parse_function(&m, text).expect("the report parses");
    assert_eq!(
        ir::write::write_function(&m, &again),
        ir::write::write_function(&m, &m.funcs[f])
    );
}

#[test]
fn scope_exit() {
    check("scope_exit", false);
}

#[test]
fn scope_placement() {
    check("scope_placement", false);
}

#[test]
fn scope_structure() {
    check("scope_structure", false);
}

#[test]
fn frame() {
    check("frame", false);
}

#[test]
fn panic_tests() {
    check("panic_tests", false);
}
