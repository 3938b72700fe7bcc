//! Parser tests: every Go file in the test suite parses, a few AST shapes, gc's syntax
//! error messages, and robustness against mangled input (no panic, no hang).

use frontend::ast::*;
use frontend::diag::render_short;
use frontend::lexer::tokenize;
use frontend::parser::parse_file;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// All `.go` files under `dir`, sorted, recursively.
fn go_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(go_files(&path));
        } else if path.extension().is_some_and(|e| e == "go") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The Go files that must parse: the program suite, the out-of-subset and semantic
/// error programs, and this crate's own grammar samples.
fn valid_files() -> Vec<PathBuf> {
    let root = repo_root();
    let mut files = go_files(&root.join("testsuite/programs"));
    files.extend(go_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parse"),
    ));
    for f in go_files(&root.join("testsuite/errors")) {
        let gc = f.with_extension("gc");
        let syntax = std::fs::read_to_string(&gc).is_ok_and(|t| t.contains("syntax error"));
        let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
        if !syntax && !GRAMMAR_GAPS.iter().any(|(g, _)| *g == stem) {
            files.push(f);
        }
    }
    files
}

/// Valid Go our grammar cannot read, with why; the parser names each as unsupported
/// (their `.expect` files say how).
const GRAMMAR_GAPS: &[(&str, &str)] = &[(
    "slice_to_array_pointer",
    "`(*[2]int)(s)`: a pointer to a type literal in parentheses is no expression our LR(1) \
     grammar can tell from a unary `*` before a composite literal",
)];

fn parse_ok(src: &str) -> File {
    match parse_file(src) {
        Ok(f) => f,
        Err(d) => panic!("unexpected errors:\n{}", render_short("prog.go", src, &d)),
    }
}

#[test]
fn all_valid_files_parse() {
    let files = valid_files();
    assert!(files.len() >= 2, "no test programs found");
    let mut failures = String::new();
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        if let Err(d) = parse_file(&src) {
            let name = path.file_name().unwrap().to_string_lossy();
            failures.push_str(&render_short(&name, &src, &d));
        }
    }
    assert!(failures.is_empty(), "parse failures:\n{failures}");
}

/// The first line gc prints for each syntax-error program in the suite.
#[test]
fn gc_syntax_error_goldens() {
    let dir = repo_root().join("testsuite/errors");
    let mut checked = 0;
    let mut failures = String::new();
    for path in go_files(&dir) {
        let Ok(gc) = std::fs::read_to_string(path.with_extension("gc")) else {
            continue;
        };
        if !gc.contains("syntax error") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let want = gc.lines().next().unwrap_or("");
        let got = match parse_file(&src) {
            Ok(_) => "parsed without error".to_string(),
            Err(d) => render_short(&name, &src, &d),
        };
        if got.lines().next() != Some(want) {
            failures.push_str(&format!("{name}:\n  want {want}\n  got  {got}\n"));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{failures}");
    let _ = checked;
}

// ---------------------------------------------------------------------------------------
// AST shapes

fn main_body(file: &File) -> &[Stmt] {
    for d in &file.decls {
        if let Decl::Func(f) = d {
            if f.name.name == "main" {
                return &f.body.as_ref().unwrap().stmts;
            }
        }
    }
    panic!("no main");
}

fn in_main(body: &str) -> File {
    parse_ok(&format!("package main\n\nfunc main() {{\n{body}\n}}\n"))
}

#[test]
fn file_structure() {
    let f = parse_ok(
        "package main\n\nimport (\n\t\"fmt\"\n\tf \"os\"\n)\n\nvar x = 1\nconst (\n\tA = iota\n\tB\n\tC\n)\ntype T struct{ a, b int }\n\n//go:noinline\nfunc g() {}\nfunc main() {}\n",
    );
    assert_eq!(f.package.name, "main");
    assert_eq!(f.imports.len(), 2);
    assert_eq!(f.imports[0].path, "fmt");
    assert_eq!(f.imports[1].alias.as_ref().unwrap().name, "f");
    assert_eq!(f.decls.len(), 5);
    let Decl::Const(specs) = &f.decls[1] else {
        panic!("not const")
    };
    assert_eq!(specs.len(), 3);
    assert_eq!(specs[1].iota, 1);
    assert_eq!(specs[2].iota, 2);
    assert!(specs[2].values.is_empty());
    let Decl::Type(ts) = &f.decls[2] else {
        panic!("not type")
    };
    let TypeExprKind::Struct(fields) = &ts[0].ty.kind else {
        panic!("not struct")
    };
    assert_eq!(fields[0].names.len(), 2);
    let Decl::Func(g) = &f.decls[3] else {
        panic!("not func")
    };
    assert_eq!(g.pragmas, vec!["go:noinline".to_string()]);
    let Decl::Func(m) = &f.decls[4] else {
        panic!("not func")
    };
    assert!(m.pragmas.is_empty());
}

#[test]
fn condition_loop_is_not_a_composite_literal() {
    let f = in_main("i, n := 0, 3\nfor i < n {\n\ti++\n}");
    let StmtKind::For {
        init, cond, post, ..
    } = &main_body(&f)[1].kind
    else {
        panic!("not a for loop");
    };
    assert!(init.is_none() && post.is_none());
    let Some(Expr {
        kind: ExprKind::Binary(BinOp::Lt, _, rhs),
        ..
    }) = cond
    else {
        panic!("condition is not i < n");
    };
    assert!(matches!(&rhs.kind, ExprKind::Ident(n) if n == "n"));
}

#[test]
fn header_composite_literals_of_type_literals() {
    let f = in_main("for _, v := range []int{1, 2} {\n\t_ = v\n}\nif x := (T{}); x.a == 0 {\n}");
    let body = main_body(&f);
    let StmtKind::ForRange { range, define, .. } = &body[0].kind else {
        panic!("not a range loop");
    };
    assert!(*define);
    assert!(matches!(&range.kind, ExprKind::Composite { elems, .. } if elems.len() == 2));
}

#[test]
fn params_grouping() {
    let f = parse_ok("package p\nfunc f(a, b int, c ...string) (x int, err error) { return }\nfunc g(int, string) {}\n");
    let Decl::Func(fd) = &f.decls[0] else {
        panic!()
    };
    let names: Vec<_> = fd
        .sig
        .params
        .iter()
        .map(|p| p.name.as_ref().unwrap().name.clone())
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
    assert!(matches!(&fd.sig.params[0].ty.kind, TypeExprKind::Name(n) if n.name == "int"));
    assert!(fd.sig.params[2].variadic);
    assert_eq!(fd.sig.results.len(), 2);
    let Decl::Func(g) = &f.decls[1] else { panic!() };
    assert!(g.sig.params.iter().all(|p| p.name.is_none()));
}

#[test]
fn type_switch_and_precedence() {
    let f = in_main(
        "switch x := v.(type) {\ncase int, *T:\ndefault:\n}\ny := 1 + 2*3 << 1 == 7 && !b || c",
    );
    let body = main_body(&f);
    let StmtKind::TypeSwitch { bind, cases, .. } = &body[0].kind else {
        panic!("not a type switch");
    };
    assert_eq!(bind.as_ref().unwrap().name, "x");
    assert_eq!(cases.len(), 2);
    assert!(cases[1].is_default);
    let StmtKind::Define { rhs, .. } = &body[1].kind else {
        panic!()
    };
    // ((1 + ((2*3) << 1)) == 7 && !b) || c
    let ExprKind::Binary(BinOp::LogOr, l, _) = &rhs[0].kind else {
        panic!("top is not ||")
    };
    let ExprKind::Binary(BinOp::LogAnd, l, _) = &l.kind else {
        panic!("not &&")
    };
    let ExprKind::Binary(BinOp::Eq, l, _) = &l.kind else {
        panic!("not ==")
    };
    let ExprKind::Binary(BinOp::Add, _, r) = &l.kind else {
        panic!("not +")
    };
    assert!(matches!(&r.kind, ExprKind::Binary(BinOp::Shl, ..)));
}

#[test]
fn literals_decoded() {
    let f = in_main("s := \"a\\tb\\u00e9\"\nr := '\\n'\nn := 0x_ff");
    let body = main_body(&f);
    let get = |i: usize| match &body[i].kind {
        StmtKind::Define { rhs, .. } => rhs[0].kind.clone(),
        _ => panic!(),
    };
    assert!(matches!(get(0), ExprKind::Str(b) if b == "a\tbé".as_bytes()));
    assert!(matches!(get(1), ExprKind::Rune(10)));
    assert!(matches!(get(2), ExprKind::Int(s) if s == "0x_ff"));
}

// ---------------------------------------------------------------------------------------
// Syntax errors, as `file:line:col: message` (the first diagnostic)

fn check_err(src: &str, want: &str) {
    let got = match parse_file(src) {
        Ok(_) => "parsed without error".to_string(),
        Err(d) => render_short("prog.go", src, &d),
    };
    assert_eq!(got.lines().next().unwrap_or(""), want, "source:\n{src}");
}

#[test]
fn syntax_errors() {
    check_err(
        "package main\n\nx := 1\n",
        "prog.go:3:1: syntax error: non-declaration statement outside function body",
    );
    check_err(
        "package main\n\nfunc main()\n{\n}\n",
        "prog.go:4:1: syntax error: unexpected semicolon or newline before {",
    );
    check_err(
        "package main\n\nfunc main() {\n\tx := 5 3\n}\n",
        "prog.go:4:9: syntax error: unexpected literal 3 at end of statement",
    );
    check_err(
        "package main\n\nfunc main() {\n\tf(1, 2\n}\n",
        "prog.go:4:8: syntax error: unexpected newline in argument list; possibly missing comma or )",
    );
    check_err(
        "package main\n\nfunc main() {\n\tif x == {\n\t}\n}\n",
        "prog.go:4:10: syntax error: unexpected {, expected expression",
    );
    check_err(
        "package main\n\nfunc main() {\n\tfor {\n}\n",
        "prog.go:6:1: syntax error: unexpected EOF, expected }",
    );
    check_err(
        "package main\n\nfunc main() {\n\tx := []int{1, 2\n\t}\n}\n",
        "prog.go:4:17: syntax error: unexpected newline in composite literal; possibly missing comma or }",
    );
    check_err(
        "package main\n\nfunc f(a int, string) {}\n",
        "prog.go:3:15: syntax error: mixed named and unnamed parameters",
    );
    check_err(
        "package main\n\nfunc main() {\n\tif x := 0 {\n\t}\n}\n",
        "prog.go:4:7: syntax error: cannot use assignment x := 0 as value",
    );
    check_err(
        "package main\n\nfunc main() {\n\tif x; {\n\t}\n}\n",
        "prog.go:4:6: syntax error: missing condition in if statement",
    );
    check_err(
        "package main\n\nfunc main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}\n",
        "prog.go:4:23: syntax error: cannot declare in post statement of for loop",
    );
    check_err(
        "package main\n\nfunc main() {\n\tx := 1 @ 2\n}\n",
        "prog.go:4:9: invalid character U+0040 '@'",
    );
    check_err(
        "package main\n\nfunc main() {\n\ts := \"abc\n}\n",
        "prog.go:4:11: newline in string",
    );
    check_err(
        "package main\n\nvar s = `abc\n",
        "prog.go:3:9: raw string literal not terminated",
    );
    check_err(
        "package main\n\nfunc main() {\n\tx := 'ab'\n}\n",
        "prog.go:4:7: more than one character in rune literal",
    );
    check_err(
        "package main\n\nfunc main() {\n\tx := 0b102\n}\n",
        "prog.go:4:11: invalid digit '2' in binary literal",
    );
    check_err(
        "package main\n\nfunc main() {}\nimport \"fmt\"\n",
        "prog.go:4:1: syntax error: imports must appear before other declarations",
    );
    check_err(
        "package main\n\nfunc main() {\n\tx = v.(type)\n}\n",
        "prog.go:4:6: use of .(type) outside type switch",
    );
    check_err(
        "package main\n\nfunc main() {\n\tfor x\n\t{\n\t}\n}\n",
        "prog.go:5:2: syntax error: unexpected {, expected for loop condition",
    );
    check_err(
        "package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++\n\t{\n\t}\n}\n",
        "prog.go:4:24: syntax error: unexpected newline, expected { after for clause",
    );
    check_err(
        "package main\n\nfunc main() {\n\tif x {\n\t} else y {\n\t}\n}\n",
        "prog.go:5:9: syntax error: else must be followed by if or statement block",
    );
    check_err(
        "package main\n\nfunc main() {\n\tswitch x {\n\tcase 1\n\t}\n}\n",
        "prog.go:5:8: syntax error: unexpected newline, expected :",
    );
    check_err(
        "package main\n\ntype T struct {\n\ta int b\n}\n",
        "prog.go:4:8: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }",
    );
    check_err(
        "package main\n\nfunc main() {\n\ta[1:2:] = 3\n}\n",
        "prog.go:4:8: final index required in 3-index slice",
    );
    check_err(
        "func main() {}\n",
        "prog.go:1:1: syntax error: package statement must be first",
    );
    check_err(
        "package main\n\nfunc main() {\n\tif x\n\t{\n\t}\n}\n",
        "prog.go:4:6: unexpected newline, expected { after if clause",
    );
}

// ---------------------------------------------------------------------------------------
// Robustness: mangled inputs return Ok or Err, never panic or hang

/// Variants of `src`: truncations, single-token deletions and adjacent-token swaps,
/// each sampled so that a file yields at most about `budget` of each kind.
fn mangled(src: &str, budget: usize) -> Vec<String> {
    let mut out = Vec::new();
    let step = (src.len() / budget).max(7);
    let mut cut = 0;
    while cut < src.len() {
        if src.is_char_boundary(cut) {
            out.push(src[..cut].to_string());
        }
        cut += step;
    }
    let toks: Vec<(usize, usize)> = tokenize(src)
        .0
        .iter()
        .map(|t| (t.0, t.2))
        .filter(|&(lo, hi)| hi > lo && hi <= src.len())
        .collect();
    let tstep = (toks.len() / budget).max(1);
    for i in (0..toks.len()).step_by(tstep) {
        let (lo, hi) = toks[i];
        out.push(format!("{}{}", &src[..lo], &src[hi..]));
        if let Some(&(lo2, hi2)) = toks.get(i + 1) {
            if lo2 >= hi {
                out.push(format!(
                    "{}{}{}{}{}",
                    &src[..lo],
                    &src[lo2..hi2],
                    &src[hi..lo2],
                    &src[lo..hi],
                    &src[hi2..]
                ));
            }
        }
    }
    out
}

#[test]
fn robustness_no_panic_no_hang() {
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut files = valid_files();
        let root = repo_root();
        files.extend(go_files(&root.join("testsuite/errors")));
        let start = Instant::now();
        let mut panics = Vec::new();
        let mut count = 0;
        // About 24,000 parses in all (some 12 s in a debug build), however many files
        // the suite grows to.
        let budget = (8000 / files.len().max(1)).clamp(5, 40);
        for path in &files {
            let src = std::fs::read_to_string(path).unwrap();
            for variant in mangled(&src, budget) {
                count += 1;
                let result = std::panic::catch_unwind(|| parse_file(&variant).is_ok());
                if result.is_err() {
                    panics.push(format!("{}:\n{variant}", path.display()));
                }
            }
        }
        let _ = done_tx.send((panics, count, start.elapsed()));
    });
    match done_rx.recv_timeout(Duration::from_secs(60)) {
        Ok((panics, count, elapsed)) => {
            assert!(
                panics.is_empty(),
                "{} of {count} mangled inputs panicked; first:\n{}",
                panics.len(),
                panics[0]
            );
            eprintln!("{count} mangled inputs in {elapsed:?}");
        }
        Err(_) => panic!("parsing mangled inputs took over 60 s (a hang?)"),
    }
}
