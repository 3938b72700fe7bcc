//! `dce` fixture tests (see `fixture/mod.rs`).

mod fixture;

fn check(name: &str) {
    fixture::check("dce", name);
}

#[test]
fn dead_values() {
    check("dead_values");
}

#[test]
fn dead_params() {
    check("dead_params");
}

#[test]
fn effects_stay() {
    check("effects_stay");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("dce"),
        ["dead_params", "dead_values", "effects_stay"]
    );
}
