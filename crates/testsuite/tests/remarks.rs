//! Remarks: what `deferlab build -m` prints for every program under
//! `testsuite/remarks` (`file:line:col: message`, in gc's words where gc has them) is
//! a snapshot, with every pass on; and under every pass configuration each `defer`
//! statement gets exactly one remark saying how that defer is carried out.

use std::path::Path;

fn remarks(path: &Path, disabled: &[String]) -> String {
    remarks_at(path, disabled, 1)
}

fn remarks_at(path: &Path, disabled: &[String], level: u8) -> String {
    let src = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let cfg = deferlab::Config {
        disabled: disabled.to_vec(),
        ..Default::default()
    };
    match deferlab::compile(&name, &src, deferlab::Mode::Run, &cfg) {
        Ok(c) => deferlab::remarks_text_at(&name, &c.report, level),
        Err(msg) => panic!("{name} does not compile:\n{msg}"),
    }
}

#[test]
fn remarks_with_every_pass_on() {
    insta::glob!("../../../testsuite/remarks", "*.go", |path| {
        insta::assert_snapshot!(remarks(path, &[]));
    });
}

/// The inliner's program at `-m=2`: its costs and its reasons for not inlining, in
/// gc's words (compared by hand with `go build -gcflags=-m=2`).
#[test]
fn inline_remarks_at_m2() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testsuite/remarks/inline.go");
    insta::assert_snapshot!("inline_m2", remarks_at(&path, &[], 2));
}

/// The escape pass's program at `-m=2`: why each object escapes, in gc's words where
/// our graph can say it (compared by hand with `go build -gcflags=-m=2`).
#[test]
fn escape_remarks_at_m2() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testsuite/remarks/escape_values.go");
    insta::assert_snapshot!("escape_values_m2", remarks_at(&path, &[], 2));
}

#[test]
fn every_configuration_remarks_on_defers() {
    for path in testsuite::go_files("remarks") {
        let src = std::fs::read_to_string(&path).unwrap();
        let statements: Vec<usize> = src
            .lines()
            .enumerate()
            .filter(|(_, l)| l.trim_start().starts_with("defer "))
            .map(|(k, _)| k + 1)
            .collect();
        for cfg in passes::configurations() {
            let text = remarks(&path, &cfg);
            // The line of every remark on how a defer is carried out. A defer of a
            // function that was inlined is carried out once per copy (the function's
            // own and each inlined body's), perhaps differently (a copy in a loop).
            let mut lines: Vec<usize> = text
                .lines()
                .filter(|l| l.ends_with("-allocated defer") || l.ends_with("open-coded defer"))
                .map(|l| l.split(':').nth(1).unwrap().parse().unwrap())
                .collect();
            let inlining = !cfg.iter().any(|p| p == "inline");
            if !inlining {
                assert_eq!(
                    lines.len(),
                    statements.len(),
                    "{} under {cfg:?}: one defer remark per defer statement\n{text}",
                    path.display()
                );
            }
            lines.dedup();
            assert_eq!(
                lines,
                statements,
                "{} under {cfg:?}: every defer statement, and nothing else, has a remark on \
                 how it is carried out\n{text}",
                path.display()
            );
        }
    }
}
