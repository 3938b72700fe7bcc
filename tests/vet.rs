//! `deferlab vet`'s analyzers on `testsuite/vet/*.go`, in the style of Go's
//! `analysistest`: a comment `// want "regexp"` (or a back-quoted regexp; several per
//! line allowed) on a line expects one finding there whose message matches. A finding
//! no `want` expects fails the test (false positives are bugs), and so does a `want`
//! no finding matched. Every analyzer runs on every file.

use deferlab::vet;
use regex::Regex;
use std::path::{Path, PathBuf};

fn vet_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testsuite/vet")
}

/// The `want` patterns of each line (1-based).
fn wants(src: &str) -> Vec<(u32, Regex)> {
    let quoted = Regex::new(r#""((?:[^"\\]|\\.)*)"|`([^`]*)`"#).unwrap();
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let Some(at) = line.find("// want ") else {
            continue;
        };
        for c in quoted.captures_iter(&line[at + "// want ".len()..]) {
            let pat = match (c.get(1), c.get(2)) {
                // A Go interpreted string: `\\` and `\"` are the escapes used here.
                (Some(s), _) => s.as_str().replace("\\\\", "\\").replace("\\\"", "\""),
                (_, Some(r)) => r.as_str().to_string(),
                _ => unreachable!(),
            };
            let re = Regex::new(&pat).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
            out.push((i as u32 + 1, re));
        }
    }
    out
}

/// Vets one file with every analyzer; returns the mismatches, one per line.
fn check(path: &Path) -> Vec<String> {
    let src = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let opts = vet::Options {
        enabled: vet::select(&[]),
        ..Default::default()
    };
    let report = match vet::vet(&name, &src, &opts) {
        Ok(r) => r,
        Err(msg) => return vec![format!("does not compile:\n{msg}")],
    };
    let index = frontend::diag::LineIndex::new(&src);
    let mut expected = wants(&src);
    let mut problems = Vec::new();
    for f in &report.findings {
        let (line, col) = index.line_col(f.span.lo);
        match expected
            .iter()
            .position(|(l, re)| *l == line && re.is_match(&f.message))
        {
            Some(i) => {
                expected.remove(i);
            }
            None => problems.push(format!(
                "{name}:{line}:{col}: unexpected finding [{}]: {}",
                f.analyzer, f.message
            )),
        }
        assert!(
            !f.fix.is_empty(),
            "{name}:{line}: {} has no fix",
            f.analyzer
        );
    }
    for (line, re) in expected {
        problems.push(format!(
            "{name}:{line}: no finding matched {:?}",
            re.as_str()
        ));
    }
    problems
}

#[test]
fn analyzers_on_testsuite_vet() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vet_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "{files:?}");
    let problems: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Every analyzer has a test file, and a clean one that it reports nothing on.
#[test]
fn every_analyzer_is_exercised() {
    let all: String = std::fs::read_dir(vet_dir())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect();
    for a in vet::ANALYZERS {
        assert!(
            all.contains(&format!("// {}:", a.name)),
            "no test file documents {}",
            a.name
        );
    }
}
