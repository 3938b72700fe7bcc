//! `CallGraph` fixture tests: each `callgraph/<name>.ir` module's rendered graph (edges,
//! then the components bottom-up) is snapshotted next to it (see `fixture/mod.rs`).

mod fixture;

use ir::callgraph::CallGraph;

fn check(name: &str) {
    let m = fixture::module("callgraph", name);
    let g = CallGraph::new(&m);
    fixture::snapshot("callgraph", name, &g.render(&m));
}

/// Calls, function values and deferred calls, no cycle; independent functions come out
/// in `FuncId` order.
#[test]
fn acyclic() {
    check("acyclic");
}

/// Self-recursion, mutual recursion, a cycle through a closure value, and a caller of
/// a cycle.
#[test]
fn recursion() {
    check("recursion");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(fixture::names("callgraph"), ["acyclic", "recursion"]);
}
