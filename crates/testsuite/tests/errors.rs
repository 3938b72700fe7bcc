//! Bad input: every program under `testsuite/errors` is rejected with status 1 and a
//! `file:line:col: message` diagnostic with the source line and a caret. The rendered
//! diagnostics are snapshots; for programs outside the subset the `.expect` file (what
//! we promise) must match the first line exactly.

use std::path::Path;

fn compile_error(path: &Path) -> String {
    let src = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let cfg = deferlab::Config::default();
    match deferlab::compile(&name, &src, deferlab::Mode::Run, &cfg) {
        Ok(_) => format!("(accepted: {name} compiled without error)"),
        Err(msg) => msg,
    }
}

#[test]
fn rejected_with_a_diagnostic() {
    insta::glob!("../../../testsuite/errors", "*.go", |path| {
        let msg = compile_error(path);
        insta::assert_snapshot!(msg);
    });
}

#[test]
fn unsupported_constructs_are_named() {
    let mut failures = Vec::new();
    for path in testsuite::go_files("errors") {
        let expect = path.with_extension("expect");
        let Ok(want) = std::fs::read_to_string(&expect) else {
            continue;
        };
        let got = compile_error(&path);
        let first = got.lines().next().unwrap_or("");
        if first != want.trim_end() {
            failures.push(format!(
                "{}:\n  want {}\n  got  {first}",
                path.display(),
                want.trim_end()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
