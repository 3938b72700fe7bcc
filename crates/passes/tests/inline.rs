//! `inline` fixture tests (see `fixture/mod.rs`): each `inline/*.ir` runs through the
//! pass and its diff and remarks are snapshotted. The fixtures were lowered from small
//! Go programs (`deferlab ir --after start`); then the rest of the pipeline runs too, to
//! check that what the inliner leaves (scopes with migrated defers) open-codes, lowers
//! and verifies.

mod fixture;

fn check(name: &str) {
    fixture::check("inline", name);
}

/// A method that locks and defers the unlock, inlined (with the lock it inlined first)
/// into a function with its own defer.
#[test]
fn defer() {
    check("defer");
}

/// A callee whose deferred closure recovers and sets its named result.
#[test]
fn recover() {
    check("recover");
}

/// A callee with a defer inlined into a loop.
#[test]
fn loop_() {
    check("loop");
}

/// noinline, recursion and cost: nothing changes but the remarks.
#[test]
fn refused() {
    check("refused");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("inline"),
        ["defer", "loop", "recover", "refused"]
    );
}

/// After inlining into a loop, the migrated defer is still pushed once per activation
/// of its scope (scope1 is left, running it, every iteration): open_defer open-codes
/// it, and says so at the callee's `defer` statement.
#[test]
fn loop_defer_is_open_coded_after_inlining() {
    fixture::check_after(
        "inline",
        "loop",
        &["inline"],
        "open_defer",
        "loop_open_defer",
    );
}

/// `inline_defers`: the deferred `unlock` that open_defer calls at scope1's exit is
/// inlined there, its `tok` the `defer_enter` token.
#[test]
fn open_coded_deferred_call_is_inlined() {
    fixture::check_after(
        "inline",
        "defer",
        &["inline", "open_defer"],
        "inline_defers",
        "defer_inline_defers",
    );
}

/// A deferred closure that recovers, inlined at the exit: its `recover` reads the
/// `defer_enter` token, so it still stops the panic (and only on the panic path).
#[test]
fn open_coded_recovering_closure_is_inlined() {
    fixture::check_after(
        "inline",
        "recover",
        &["inline", "open_defer"],
        "inline_defers",
        "recover_inline_defers",
    );
}

/// What the inliner leaves goes through the rest of the pipeline and verifies.
#[test]
fn lowers_after() {
    fixture::lowers_after("inline");
}
