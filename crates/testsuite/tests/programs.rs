//! Every sample program under `testsuite/programs`, under every pass configuration,
//! against the goldens real Go produced: stdout byte for byte, stderr up to Go's
//! goroutine dump (normalised the same way on both sides), and the exit status.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::PathBuf;
use testsuite::{config_name, go_files, normalise_stderr};

fn check(path: PathBuf, disabled: Vec<String>) -> Result<(), Failed> {
    let src = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let golden = |ext: &str| std::fs::read(path.with_extension(ext)).unwrap_or_default();
    let want_out = golden("out");
    let want_err = golden("err");
    let want_code: i32 = String::from_utf8_lossy(&golden("code"))
        .trim()
        .parse()
        .unwrap_or(0);
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let cfg = deferlab::Config {
        disabled,
        verify_each: true,
        record_snapshots: false,
    };
    let r = deferlab::run_source(&name, &src, &cfg, true);
    let got_err = normalise_stderr(&r.stderr);
    let mut problems = Vec::new();
    if r.status != want_code {
        problems.push(format!("exit status {} (want {want_code})", r.status));
    }
    if r.stdout != want_out {
        problems.push(format!("stdout differs:\n{}", diff(&want_out, &r.stdout)));
    }
    if got_err != want_err {
        problems.push(format!("stderr differs:\n{}", diff(&want_err, &got_err)));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn diff(want: &[u8], got: &[u8]) -> String {
    let (w, g) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    similar::TextDiff::from_lines(w.as_ref(), g.as_ref())
        .unified_diff()
        .header("go", "deferlab")
        .to_string()
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for disabled in passes::configurations() {
        for path in go_files("programs") {
            let rel = path
                .strip_prefix(testsuite::repo_root().join("testsuite/programs"))
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let name = format!("{}::{rel}", config_name(&disabled));
            let d = disabled.clone();
            trials.push(Trial::test(name, move || check(path, d)));
        }
    }
    // The runtime runs one guest at a time; in-process trials share it.
    let mut args = args;
    args.test_threads = Some(1);
    libtest_mimic::run(&args, trials).exit();
}
