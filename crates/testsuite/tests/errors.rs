//! Bad input: every program under `testsuite/errors` is rejected with status 1 and a
//! `file:line:col: message` diagnostic with the source line and a caret. The rendered
//! diagnostics are snapshots; for programs outside the subset the `.expect` file (what
//! we promise) must match the first line exactly, and be the only diagnostic: an
//! unsupported construct is reported first and alone.

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
        // Reported first and alone: no second `file:line:col:` line.
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let positions = got
            .lines()
            .filter(|l| l.starts_with(&format!("{name}:")))
            .count();
        if positions != 1 {
            failures.push(format!(
                "{}: {positions} diagnostics, want the unsupported one alone:\n{got}",
                path.display()
            ));
        } else if first != want.trim_end() {
            failures.push(format!(
                "{}:\n  want {}\n  got  {first}",
                path.display(),
                want.trim_end()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// gc's lines alone (`render_short`): the parser's errors, else the checker's.
fn gc_lines(name: &str, src: &str) -> String {
    use frontend::diag::render_short;
    match frontend::parser::parse_file(src) {
        Err(d) => render_short(name, src, &d),
        Ok(file) => match frontend::check::check_file(&file, src) {
            Err(d) => render_short(name, src, &d),
            Ok(_) => "(accepted)\n".to_string(),
        },
    }
}

/// Where we knowingly print something other than gc, and why.
const GC_DIFFERENCES: &[(&str, &str)] = &[
    (
        "missing_main",
        "gc's linker reports it without a position; we give the package clause's",
    ),
    (
        "missing_operand",
        "gc's parser recovers and reports later syntax errors too; we stop at the first",
    ),
];

#[test]
fn invalid_go_gets_gcs_messages() {
    let mut failures = Vec::new();
    for path in testsuite::go_files("errors") {
        let Ok(want) = std::fs::read_to_string(path.with_extension("gc")) else {
            continue;
        };
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path).unwrap();
        let got = gc_lines(&name, &src);
        let known = GC_DIFFERENCES.iter().any(|(n, _)| *n == stem);
        if known {
            // The first line's position is still the minimum.
            let pos = |s: &str| {
                s.lines()
                    .next()
                    .unwrap_or("")
                    .split(": ")
                    .next()
                    .map(str::to_string)
            };
            if got == want {
                failures.push(format!(
                    "{name}: matches gc now; drop it from GC_DIFFERENCES"
                ));
            } else if stem != "missing_main" && pos(&got) != pos(&want) {
                failures.push(format!("{name}:\n--- gc\n{want}--- ours\n{got}"));
            }
        } else if got != want {
            failures.push(format!("{name}:\n--- gc\n{want}--- ours\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
