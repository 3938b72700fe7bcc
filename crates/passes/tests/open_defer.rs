//! `open_defer` fixture tests (see `fixture/mod.rs`): each `open_defer/*.ir` runs through
//! the pass and its diff and remarks are snapshotted; then `defer_lower` and `mem2reg`
//! run too, to check that what `open_defer` leaves lowers and promotes.

mod fixture;

use ir::DeferStrategy;

fn check(name: &str) {
    fixture::check("open_defer", name);
}

#[test]
fn mixed() {
    check("mixed");
}

#[test]
fn conditional() {
    check("conditional");
}

#[test]
fn scopes() {
    check("scopes");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("open_defer"),
        ["conditional", "mixed", "scopes"]
    );
}

#[test]
fn strategy_per_defer() {
    let text = fixture::read("open_defer", "mixed");
    let (m, _) = fixture::run("open_defer", "mixed", &text);
    let f = &m.funcs[m.func_by_name("mixed").expect("mixed")];
    let strategies: Vec<Option<DeferStrategy>> = f.defers.values().map(|d| d.strategy).collect();
    // d1 (in the loop) and d2 (after it) are left to defer_lower.
    assert_eq!(strategies, [Some(DeferStrategy::OpenCoded), None, None]);
}

/// What `open_defer` leaves still lowers and verifies through the rest of the pipeline.
#[test]
fn lowers_after() {
    fixture::lowers_after("open_defer");
}
