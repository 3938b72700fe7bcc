//! `simplify_cfg` fixture tests (see `fixture/mod.rs`).

mod fixture;

fn check(name: &str) {
    fixture::check("simplify_cfg", name);
}

#[test]
fn unreachable() {
    check("unreachable");
}

#[test]
fn merge() {
    check("merge");
}

#[test]
fn thread() {
    check("thread");
}

#[test]
fn rotate() {
    check("rotate");
}

#[test]
fn speculate() {
    check("speculate");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("simplify_cfg"),
        ["merge", "rotate", "speculate", "thread", "unreachable"]
    );
}
