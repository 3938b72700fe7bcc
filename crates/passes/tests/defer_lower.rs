//! `defer_lower` fixture tests (see `fixture/mod.rs`): each `defer_lower/*.ir` is
//! lowered, with no `defer`/`run_defers` allowed after, and its diff snapshotted.

mod fixture;

use ir::DeferStrategy;

fn check(name: &str) {
    fixture::check("defer_lower", name);
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
fn many_sites() {
    check("many_sites");
}

#[test]
fn no_defer() {
    check("no_defer");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("defer_lower"),
        [
            "chain_record",
            "frame_record",
            "many_sites",
            "mixed",
            "no_defer"
        ]
    );
}

#[test]
fn strategy_depends_on_cycles() {
    let text = fixture::read("defer_lower", "mixed");
    let (m, _) = fixture::run("defer_lower", "mixed", &text);
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
