//! Every sample program under `testsuite/programs`, under every pass configuration,
//! against the goldens real Go produced: stdout byte for byte, stderr up to Go's
//! goroutine dump (normalised the same way on both sides), and the exit status.
//!
//! Then again with the garbage collector stressed (`gc-stress::` trials): `GOGC=1`
//! without a minimum heap (`DEFERLAB_GC_STRESS`), so a small heap collects at nearly
//! every allocation, and freed memory poisoned (`DEFERLAB_GC_POISON`), so a wrong
//! free changes the output, and an object allocated without a layout is fatal
//! (`DEFERLAB_GC_PRECISE`), so every object is scanned precisely. The programs under `gc/` (each keeps objects alive only
//! through one unusual root) run so under every pass configuration; the others with
//! all passes on (about 2.5 minutes on two cores for all passes on and off together,
//! too much for CI). The allocation-heavy programs (`HEAVY`) run with poisoning at the
//! default pacing only: stressed, they would collect millions of times.

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use testsuite::{config_name, go_files, normalise_stderr};

/// The environment of the stressed-collector trials.
/// Both also make an object allocated without a layout fatal (`DEFERLAB_GC_PRECISE`):
/// every object a sample allocates is scanned by its pointer mask.
const GC_STRESS_ENV: &[(&str, &str)] = &[
    ("GOGC", "1"),
    ("DEFERLAB_GC_STRESS", "1"),
    ("DEFERLAB_GC_POISON", "1"),
    ("DEFERLAB_GC_PRECISE", "1"),
];
const GC_POISON_ENV: &[(&str, &str)] = &[("DEFERLAB_GC_POISON", "1"), ("DEFERLAB_GC_PRECISE", "1")];

/// Programs too allocation-heavy for the stressed collector (over a minute each).
fn heavy(rel: &str) -> bool {
    rel.starts_with("gc/heavy_") || rel == "core/recursion_deep.go"
}

fn check(
    path: PathBuf,
    disabled: Vec<String>,
    env: &'static [(&'static str, &'static str)],
) -> Result<(), Failed> {
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
    let _ = (&name, &src, &cfg);
    let r = run_child(&path, &cfg.disabled, env)?;
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

/// Runs the program in a child process (this test binary, re-executed in child mode),
/// so that a crash of generated code fails one trial instead of the whole run.
fn run_child(path: &Path, disabled: &[String], env: &[(&str, &str)]) -> Result<Output, Failed> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut child = Command::new(exe)
        .env_remove("GOGC")
        .env_remove("GODEBUG")
        .env_remove("DEFERLAB_GC_STRESS")
        .env_remove("DEFERLAB_GC_POISON")
        .env_remove("DEFERLAB_GC_PRECISE")
        .envs(env.iter().copied())
        .env(CHILD_PATH, path)
        .env(CHILD_DISABLED, disabled.join(","))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let deadline = Instant::now() + Duration::from_secs(60);
    // Drain the pipes on threads so a chatty program cannot block on a full pipe.
    let mut out = child.stdout.take().ok_or("no stdout")?;
    let mut err = child.stderr.take().ok_or("no stderr")?;
    let t_out = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let t_err = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err("timed out after 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let code = match status.code() {
        Some(c) => c,
        None => return Err(format!("killed by a signal: {status:?}").into()),
    };
    Ok(Output {
        status: code,
        stdout: t_out.join().unwrap_or_default(),
        stderr: t_err.join().unwrap_or_default(),
    })
}

struct Output {
    status: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

const CHILD_PATH: &str = "DEFERLAB_TEST_CHILD";
const CHILD_DISABLED: &str = "DEFERLAB_TEST_DISABLED";

/// Child mode: the program, shown by its file name.
fn child(path: &str) -> ! {
    let name = Path::new(path)
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    testsuite::run_child(path, &name, CHILD_DISABLED)
}

/// The programs listed in `testsuite/programs/KNOWN_FAILURES` (with their reasons).
fn known_failures() -> Vec<String> {
    let text =
        std::fs::read_to_string(testsuite::repo_root().join("testsuite/programs/KNOWN_FAILURES"))
            .unwrap_or_default();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('|').next().unwrap_or("").trim().to_string())
        .collect()
}

fn diff(want: &[u8], got: &[u8]) -> String {
    let (w, g) = (String::from_utf8_lossy(want), String::from_utf8_lossy(got));
    similar::TextDiff::from_lines(w.as_ref(), g.as_ref())
        .unified_diff()
        .header("go", "deferlab")
        .to_string()
}

fn main() {
    if let Ok(path) = std::env::var(CHILD_PATH) {
        child(&path);
    }
    let args = Arguments::from_args();
    let known = known_failures();
    let mut trials = Vec::new();
    let configs = passes::configurations();
    for disabled in &configs {
        for path in go_files("programs") {
            let rel = path
                .strip_prefix(testsuite::repo_root().join("testsuite/programs"))
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let ignored = known.contains(&rel);
            let name = format!("{}::{rel}", config_name(disabled));
            let (p, d) = (path.clone(), disabled.clone());
            trials.push(Trial::test(name, move || check(p, d, &[])).with_ignored_flag(ignored));
            let gc_sample = rel.starts_with("gc/");
            if !gc_sample && !disabled.is_empty() {
                continue;
            }
            let env = if heavy(&rel) {
                GC_POISON_ENV
            } else {
                GC_STRESS_ENV
            };
            let name = format!("gc-stress::{}::{rel}", config_name(disabled));
            let d = disabled.clone();
            trials.push(Trial::test(name, move || check(path, d, env)).with_ignored_flag(ignored));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
