//! `nopanic` fixture tests (see `fixture/mod.rs`).

mod fixture;

#[test]
fn summaries() {
    fixture::check("nopanic", "summaries");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(fixture::names("nopanic"), ["summaries"]);
}
