//! `deferlab build -m` as users run it: gc's `-m` shows what the inliner can inline and
//! the calls it inlined; `-m=2` adds the costs and the reasons it cannot.

use std::process::Command;

const PROG: &str = "testsuite/remarks/inline.go";

fn build(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_deferlab"))
        .arg("build")
        .args(args)
        .arg(PROG)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn m_levels() {
    let m1 = build(&["-m"]);
    assert!(
        m1.contains("inline.go:24:6: can inline unlockLike\n"),
        "{m1}"
    );
    assert!(m1.contains("inlining call to unlockLike: migrated 1 defer into twoLevels\n"));
    assert!(!m1.contains("cannot inline"), "{m1}");
    assert!(!m1.contains("with cost"), "{m1}");

    let m2 = build(&["-m=2"]);
    assert!(
        m2.contains("inline.go:24:6: can inline unlockLike with cost "),
        "{m2}"
    );
    assert!(m2.contains("inline.go:11:6: cannot inline work: marked go:noinline\n"));
    assert!(m2.contains("inline.go:34:6: cannot inline fact: recursive\n"));
    assert!(m2.contains("cannot inline big: function too complex: cost "));

    let off = build(&[
        "-m",
        "--disable-pass",
        "inline",
        "--disable-pass",
        "inline_defers",
    ]);
    assert!(
        !off.contains("can inline") && !off.contains("inlining"),
        "{off}"
    );
}
