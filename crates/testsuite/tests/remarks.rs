//! Remarks: what `deferlab build -m` prints for every program under
//! `testsuite/remarks` (`file:line:col: message`, in gc's words where gc has them) is
//! a snapshot, with every pass on; and under every pass configuration each `defer`
//! statement gets exactly one remark saying how that defer is carried out.

use std::path::Path;

fn remarks(path: &Path, disabled: &[String]) -> String {
    let src = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let cfg = deferlab::Config {
        disabled: disabled.to_vec(),
        ..Default::default()
    };
    match deferlab::compile(&name, &src, deferlab::Mode::Run, &cfg) {
        Ok(c) => deferlab::remarks_text(&name, &c.report),
        Err(msg) => panic!("{name} does not compile:\n{msg}"),
    }
}

#[test]
fn remarks_with_every_pass_on() {
    insta::glob!("../../../testsuite/remarks", "*.go", |path| {
        insta::assert_snapshot!(remarks(path, &[]));
    });
}

#[test]
fn every_configuration_remarks_on_defers() {
    for path in testsuite::go_files("remarks") {
        for cfg in passes::configurations() {
            let text = remarks(&path, &cfg);
            let defers = text
                .lines()
                .filter(|l| l.ends_with("-allocated defer") || l.ends_with("open-coded defer"))
                .count();
            let src = std::fs::read_to_string(&path).unwrap();
            let statements = src
                .lines()
                .filter(|l| l.trim_start().starts_with("defer "))
                .count();
            assert_eq!(
                defers,
                statements,
                "{} under {cfg:?}: one defer remark per defer statement\n{text}",
                path.display()
            );
        }
    }
}
