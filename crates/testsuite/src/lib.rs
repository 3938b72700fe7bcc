//! Shared helpers of the test suite: locating the sample programs and normalising
//! output the way `scripts/goldens.sh` normalises real Go's.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.go` file below `testsuite/<dir>`, sorted.
pub fn go_files(dir: &str) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(p) else { return };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "go") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&repo_root().join("testsuite").join(dir), &mut out);
    out.sort();
    out
}

/// The normalisation of stderr that the goldens went through (`normalise_stderr` in
/// `scripts/goldens.sh`): drop lines starting with `[signal ` or `runtime: `, then cut
/// at the first blank line directly followed by a line starting with `goroutine ` or
/// `runtime stack:`.
pub fn normalise_stderr(s: &[u8]) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        lines.push(&rest[..end]);
        rest = &rest[end..];
    }
    lines.retain(|l| !l.starts_with(b"[signal ") && !l.starts_with(b"runtime: "));
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if *l == b"\n" {
            if let Some(next) = lines.get(i + 1) {
                if next.starts_with(b"goroutine ") || next.starts_with(b"runtime stack:") {
                    break;
                }
            }
        }
        out.extend_from_slice(l);
    }
    out
}

/// A label for a pass configuration: `all` or `no-a,b`.
pub fn config_name(disabled: &[String]) -> String {
    if disabled.is_empty() {
        "all".to_string()
    } else {
        format!("no-{}", disabled.join(","))
    }
}

/// The child side of the harnesses that run each program in a process of its own (so
/// an exit, a crash or a hang cannot take the harness down): compiles and runs `path`
/// with the process's own streams as `deferlab run` does, named `name` in messages,
/// verifying after every pass, with the passes listed (comma-separated) in the
/// environment variable `disabled_var` disabled; exits with the program's status.
pub fn run_child(path: &str, name: &str, disabled_var: &str) -> ! {
    use std::io::Write;
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let disabled = std::env::var(disabled_var)
        .unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let cfg = deferlab::Config {
        disabled,
        verify_each: true,
        record_snapshots: false,
    };
    let r = deferlab::run_source(name, &src, &cfg, false);
    let _ = std::io::stderr().write_all(&r.stderr);
    std::process::exit(r.status)
}
