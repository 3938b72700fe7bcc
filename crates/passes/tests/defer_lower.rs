//! `defer_lower` fixture tests: each `defer_lower/*.ir` is parsed, verified, lowered
//! (the manager verifies before and after, with no `defer`/`run_defers` allowed after),
//! and the unified diff of the module text plus the remarks is snapshotted next to the
//! fixture (`defer_lower/<name>.snap`), as rustc's mir-opt `.diff` files are.

use ir::parse::parse_module;
use ir::write::write_module;
use ir::{DeferStrategy, Module};
use std::path::Path;

fn lower(name: &str, text: &str) -> (Module, String) {
    let mut m = match parse_module(text) {
        Ok(m) => m,
        Err(e) => panic!("{name}: parse error\n{}", e.render(text)),
    };
    let before = write_module(&m);
    let report = match passes::run_pass(&mut m, "defer_lower") {
        Ok(r) => r,
        Err(e) => panic!("{name}: {e}"),
    };
    let after = write_module(&m);
    let diff = similar::TextDiff::from_lines(&before, &after);
    let mut out = diff
        .unified_diff()
        .context_radius(3)
        .header("before", "after")
        .to_string();
    out.push_str("\nremarks:\n");
    for r in &report.remarks {
        out.push_str(&format!("  {} {}: {}\n", r.func, r.loc, r.message));
    }
    (m, out)
}

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/defer_lower");
    let text = std::fs::read_to_string(dir.join(format!("{name}.ir"))).expect("fixture");
    let (_, diff) = lower(name, &text);
    insta::with_settings!({
        snapshot_path => "defer_lower",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, diff);
    });
}

#[test]
fn frame_record() {
    check("frame_record");
}

#[test]
fn chain_record() {
    check("chain_record");
}

#[test]
fn mixed() {
    check("mixed");
}

#[test]
fn no_defer() {
    check("no_defer");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/defer_lower");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixture directory")
        .filter_map(|e| {
            let p = e.expect("entry").path();
            (p.extension()? == "ir")
                .then(|| p.file_stem().map(|s| s.to_string_lossy().into_owned()))?
        })
        .collect();
    names.sort();
    assert_eq!(names, ["chain_record", "frame_record", "mixed", "no_defer"]);
}

#[test]
fn strategy_depends_on_cycles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/defer_lower");
    let text = std::fs::read_to_string(dir.join("mixed.ir")).expect("fixture");
    let (m, _) = lower("mixed", &text);
    let f = &m.funcs[m.func_by_name("mixed").expect("mixed")];
    let strategies: Vec<Option<DeferStrategy>> = f.defers.values().map(|d| d.strategy).collect();
    assert_eq!(
        strategies,
        [
            Some(DeferStrategy::FrameRecord),
            Some(DeferStrategy::ChainRecord),
            Some(DeferStrategy::FrameRecord),
        ]
    );
}
