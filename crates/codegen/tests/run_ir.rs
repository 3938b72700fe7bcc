//! Runs every IR fixture in `tests/run/`: `X.ir` is parsed, compiled with the
//! Cranelift verifier on, and run in capture mode; stdout must equal `X.out`, stderr up
//! to Go's goroutine dump must equal `X.err`, and the exit status `X.code` (missing
//! files mean empty output and status 0). The goldens are what real Go prints for the
//! equivalent program.

use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/run");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/run exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ir"))
        .collect();
    files.sort();
    files
}

/// stderr up to the blank line before Go's `goroutine 1 [running]:`.
fn stderr_head(s: &[u8]) -> String {
    let s = String::from_utf8_lossy(s);
    match s.find("\ngoroutine 1 [running]:") {
        Some(i) => s[..i].to_string(),
        None => s.into_owned(),
    }
}

fn check(path: &Path) -> Result<(), String> {
    let golden = |ext: &str| std::fs::read_to_string(path.with_extension(ext)).unwrap_or_default();
    let text = golden("ir");
    let module = ir::parse::parse_module(&text).map_err(|e| e.render(&text))?;
    let opts = codegen::Options {
        verify: true,
        opt: true,
    };
    let program = codegen::compile(&module, &opts).map_err(|e| e.to_string())?;
    let out = program.run_main_captured();
    let want_code: i32 = golden("code").trim().parse().unwrap_or(0);
    let got = (
        out.status,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr_head(&out.stderr),
    );
    let want = (want_code, golden("out"), golden("err"));
    if got == want {
        Ok(())
    } else {
        Err(format!("want {want:?}\n got {got:?}"))
    }
}

#[test]
fn ir_fixtures_run_like_go() {
    let mut failures = Vec::new();
    for path in fixtures() {
        if let Err(e) = check(&path) {
            failures.push(format!("{}: {e}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
