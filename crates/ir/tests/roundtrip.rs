//! Round trip of the textual IR: every fixture parses, verifies, and prints back to
//! exactly its own text (fixtures are written in the printer's canonical form), and
//! printing what was parsed from a print gives the same print again.

use ir::parse::parse_module;
use ir::verify::verify_module;
use ir::write::write_module;
use std::path::{Path, PathBuf};

/// Checks one IR text: parse, verify, print, compare; then print(parse(print)) again.
pub fn check_roundtrip(name: &str, text: &str) {
    let m = match parse_module(text) {
        Ok(m) => m,
        Err(e) => panic!("{name}: parse error\n{}", e.render(text)),
    };
    if let Err(e) = verify_module(&m) {
        panic!("{name}: does not verify\n{e}");
    }
    let printed = write_module(&m);
    if printed != text {
        let diff = similar::TextDiff::from_lines(text, &printed);
        panic!(
            "{name}: printing the parsed module changes the text\n{}",
            diff.unified_diff().header("fixture", "printed")
        );
    }
    let again = parse_module(&printed).expect("a printed module parses");
    assert_eq!(write_module(&again), printed, "{name}: second round trip");
}

fn fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ir"))
        .collect();
    files.sort();
    files
}

#[test]
fn fixtures_round_trip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = fixtures(&dir);
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        check_roundtrip(&path.display().to_string(), &text);
    }
}
