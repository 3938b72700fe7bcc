//! `escape` fixture tests (see `fixture/mod.rs`): each `escape/*.ir` runs through the
//! pass and its diff and remarks are snapshotted; then the rest of the pipeline runs, to
//! check that the frame forms it leaves lower, promote and verify.

mod fixture;

use ir::Opcode;

fn check(name: &str) {
    fixture::check("escape", name);
}

#[test]
fn deferred() {
    check("deferred");
}

#[test]
fn calls() {
    check("calls");
}

#[test]
fn loop_() {
    check("loop");
}

#[test]
fn maps() {
    check("maps");
}

#[test]
fn arrays() {
    check("arrays");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("escape"),
        ["arrays", "calls", "deferred", "loop", "maps"]
    );
}

fn count(m: &ir::Module, func: &str, op: Opcode) -> usize {
    let f = &m.funcs[m.func_by_name(func).expect("function")];
    f.layout
        .blocks
        .iter()
        .flat_map(|&b| f.layout.insts[b].iter())
        .filter(|&&i| f.dfg.insts[i].opcode == op)
        .count()
}

/// The decisions, independent of the snapshots' text.
#[test]
fn decisions() {
    let (m, _) = fixture::run("escape", "deferred", &fixture::read("escape", "deferred"));
    assert_eq!(count(&m, "named", Opcode::Alloc), 0);
    assert_eq!(count(&m, "named", Opcode::Closure), 0);
    assert_eq!(count(&m, "named", Opcode::StackClosure), 1);
    let (m, _) = fixture::run("escape", "calls", &fixture::read("escape", "calls"));
    // a stays in the frame, b goes to the heap.
    assert_eq!(count(&m, "calls", Opcode::Alloc), 1);
    let (m, _) = fixture::run("escape", "loop", &fixture::read("escape", "loop"));
    assert_eq!(count(&m, "loop", Opcode::Alloc), 0);
    assert_eq!(count(&m, "loop", Opcode::StackClosure), 1);
    assert_eq!(count(&m, "kept", Opcode::Alloc), 1);
    assert_eq!(count(&m, "kept", Opcode::Closure), 1);
    let (m, _) = fixture::run("escape", "arrays", &fixture::read("escape", "arrays"));
    assert_eq!(count(&m, "scratch", Opcode::StackAllocArray), 1);
    assert_eq!(count(&m, "kept", Opcode::AllocArray), 1);
    assert_eq!(count(&m, "kept", Opcode::StackAllocArray), 0);
    assert_eq!(count(&m, "escaping", Opcode::StackAllocArray), 0);
}

/// What `escape` leaves still lowers and verifies through the rest of the pipeline.
#[test]
fn lowers_after() {
    fixture::lowers_after("escape");
}
