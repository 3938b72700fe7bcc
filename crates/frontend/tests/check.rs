//! Data-driven tests of the type checker.
//!
//! - Every `.go` file under `testsuite/programs/` must parse and check (`_test.go` files
//!   as benchmark files).
//! - Every `testsuite/errors/NAME.go` must be rejected, and the first diagnostic must
//!   equal the first line of `NAME.gc` (gc's own output) or `NAME.expect` (the
//!   "not supported" message), except for the short, explained `DIFFERS` list.
//! - `tests/check/err/NAME.go` + `NAME.err`: our own rejected cases; the `.err` file
//!   holds every diagnostic, rendered short.
//! - `tests/check/hir/NAME.go` + `NAME.hir`: a summary of the checked program (function
//!   names, parents, captures, addressed locals, initialisation order).
//!
//! Set `UPDATE_EXPECT=1` to rewrite the `.err` and `.hir` files from the current output.

use frontend::check::{check_file_all_errors, Mode};
use frontend::diag::{render_short, Diagnostic};
use frontend::hir::{LocalKind, Program};
use frontend::parser::parse_file;
use std::path::{Path, PathBuf};

/// Error programs where we deliberately print something else than gc's first line,
/// with the reason. They must still be rejected.
const DIFFERS: &[(&str, &str)] = &[
    (
        "missing_main",
        "gc reports this at link time, without a position; we point at the package clause",
    ),
    (
        "unexpected_token",
        "a syntax error: the parser's wording, not the checker's",
    ),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Parses and checks; the diagnostics rendered short on failure.
fn run(path: &Path) -> Result<Program, String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = file_name(path);
    let render = |d: &[Diagnostic]| render_short(&name, &src, d);
    let file = parse_file(&src).map_err(|d| render(&d))?;
    let bench = name.ends_with("_test.go");
    // These files pack many errors each: all of them, not gc's first ten.
    let mode = if bench { Mode::Bench } else { Mode::Run };
    let r = check_file_all_errors(&file, &src, mode);
    r.map_err(|d| render(&d))
}

#[test]
fn sample_programs_check() {
    let mut files = Vec::new();
    go_files(&root().join("testsuite/programs"), &mut files);
    let mut failures = String::new();
    for f in &files {
        if let Err(e) = run(f) {
            failures += &format!("{}:\n{e}\n", f.display());
        }
    }
    assert!(failures.is_empty(), "programs rejected:\n{failures}");
}

#[test]
fn error_programs_match_gc() {
    let dir = root().join("testsuite/errors");
    let mut files = Vec::new();
    go_files(&dir, &mut files);
    let mut failures = String::new();
    for f in &files {
        let name = file_name(f);
        let stem = name.trim_end_matches(".go");
        let want = ["gc", "expect"]
            .iter()
            .find_map(|ext| std::fs::read_to_string(dir.join(format!("{stem}.{ext}"))).ok());
        let Some(want) = want else {
            continue;
        };
        let want = want.lines().next().unwrap_or("").to_string();
        let got = match run(f) {
            Ok(_) => {
                failures += &format!("{name}: accepted, want `{want}`\n");
                continue;
            }
            Err(e) => e.lines().next().unwrap_or("").to_string(),
        };
        let ok = DIFFERS.iter().any(|(n, _)| *n == stem) || got == want;
        if !ok {
            failures += &format!("{name}:\n   got: {got}\n  want: {want}\n");
        }
    }
    assert!(failures.is_empty(), "mismatches:\n{failures}");
}

fn expect_dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/check")
        .join(sub)
}

/// Compares `got` with the file `expected`, or rewrites it under `UPDATE_EXPECT=1`.
fn compare(expected: &Path, got: &str, failures: &mut String) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let _ = std::fs::write(expected, got);
        return;
    }
    let want = std::fs::read_to_string(expected).unwrap_or_default();
    if want != got {
        *failures += &format!("{}:\n--- want\n{want}--- got\n{got}\n", expected.display());
    }
}

#[test]
fn own_error_cases() {
    let dir = expect_dir("err");
    let mut files = Vec::new();
    go_files(&dir, &mut files);
    let mut failures = String::new();
    for f in &files {
        let got = match run(f) {
            Ok(_) => "accepted\n".to_string(),
            Err(e) => e,
        };
        compare(&f.with_extension("err"), &got, &mut failures);
    }
    assert!(failures.is_empty(), "{failures}");
}

#[test]
fn hir_summaries() {
    let dir = expect_dir("hir");
    let mut files = Vec::new();
    go_files(&dir, &mut files);
    let mut failures = String::new();
    for f in &files {
        let got = match run(f) {
            Ok(p) => summary(&p),
            Err(e) => e,
        };
        compare(&f.with_extension("hir"), &got, &mut failures);
    }
    assert!(failures.is_empty(), "{failures}");
}

/// One line per function (name, type, parent, captures, flags, addressed locals), then
/// the initialisation order of package variables, then main and the benchmarks.
fn summary(p: &Program) -> String {
    let mut out = String::new();
    for f in &p.funcs {
        out += &format!("func {}: {}", f.name, p.types.display(f.ty));
        if let Some(parent) = f.parent {
            let pn = p
                .funcs
                .get(parent.0 as usize)
                .map(|x| x.name.as_str())
                .unwrap_or("?");
            out += &format!(" parent={pn}");
        }
        if !f.captures.is_empty() {
            let parent = f.parent.and_then(|x| p.funcs.get(x.0 as usize));
            let names: Vec<String> = f
                .captures
                .iter()
                .map(|l| {
                    parent
                        .and_then(|pf| pf.locals.get(l.0 as usize))
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| "?".into())
                })
                .collect();
            out += &format!(" captures=[{}]", names.join(" "));
        }
        if f.is_method {
            out += " method";
        }
        if f.named_results {
            out += " named_results";
        }
        if f.noinline {
            out += " noinline";
        }
        let addressed: Vec<&str> = f
            .locals
            .iter()
            .filter(|l| l.addressed && !matches!(l.kind, LocalKind::Capture(_)))
            .map(|l| l.name.as_str())
            .collect();
        if !addressed.is_empty() {
            out += &format!(" addressed=[{}]", addressed.join(" "));
        }
        out += "\n";
    }
    for init in &p.inits {
        let names: Vec<&str> = init
            .targets
            .iter()
            .map(|t| match t {
                Some(g) => p
                    .globals
                    .get(g.0 as usize)
                    .map(|g| g.name.as_str())
                    .unwrap_or("?"),
                None => "_",
            })
            .collect();
        out += &format!("init {}\n", names.join(", "));
    }
    if let Some(m) = p.main {
        out += &format!("main = {}\n", p.funcs[m.0 as usize].name);
    }
    for b in &p.benchmarks {
        out += &format!("benchmark {}\n", p.funcs[b.0 as usize].name);
    }
    out
}
