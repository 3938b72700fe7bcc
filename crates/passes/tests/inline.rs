//! `inline` fixture tests (see `fixture/mod.rs`): each `inline/*.ir` runs through the
//! pass and its diff and remarks are snapshotted. The fixtures were lowered from small
//! Go programs (`deferlab ir --after start`); then the rest of the pipeline runs too, to
//! check that what the inliner leaves (scopes with migrated defers) open-codes, lowers
//! and verifies.

mod fixture;

use ir::write::write_module;

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
    check_after("loop", &["inline"], "open_defer", "loop_open_defer");
}

/// `inline_defers`: the deferred `unlock` that open_defer calls at scope1's exit is
/// inlined there, its `tok` the `defer_enter` token.
#[test]
fn open_coded_deferred_call_is_inlined() {
    check_after(
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
    check_after(
        "recover",
        &["inline", "open_defer"],
        "inline_defers",
        "recover_inline_defers",
    );
}

/// Runs `first` over fixture `name`, then snapshots `pass`'s diff and remarks.
fn check_after(name: &str, first: &[&str], pass: &str, snap: &str) {
    let text = fixture::read("inline", name);
    let mut m = ir::parse::parse_module(&text).expect("fixture parses");
    for p in first {
        passes::run_pass(&mut m, p).expect("pass");
    }
    let before = write_module(&m);
    let report = passes::run_pass(&mut m, pass).expect("pass");
    let mut out = fixture_diff(&before, &write_module(&m));
    out.push_str("\nremarks:\n");
    for r in &report.remarks {
        out.push_str(&format!("  {} {}: {}\n", r.func, r.loc, r.message));
    }
    insta::with_settings!({
        snapshot_path => fixture::dir("inline"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(snap, out);
    });
}

fn fixture_diff(before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header("before", "after")
        .to_string()
}

/// What the inliner leaves goes through the rest of the pipeline and verifies.
#[test]
fn lowers_after() {
    for name in fixture::names("inline") {
        let text = fixture::read("inline", &name);
        let mut m = ir::parse::parse_module(&text).expect("fixture parses");
        for pass in [
            "inline",
            "open_defer",
            "inline_defers",
            "defer_lower",
            "mem2reg",
            "copyprop",
            "dce",
            "simplify_cfg",
        ] {
            if let Err(e) = passes::run_pass(&mut m, pass) {
                panic!("{name}: {pass}: {e}");
            }
        }
    }
}
