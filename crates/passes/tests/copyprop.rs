//! `copyprop` fixture tests (see `fixture/mod.rs`).

mod fixture;

fn check(name: &str) {
    fixture::check("copyprop", name);
}

#[test]
fn fold_arith() {
    check("fold_arith");
}

#[test]
fn division() {
    check("division");
}

#[test]
fn identities() {
    check("identities");
}

#[test]
fn branches() {
    check("branches");
}

#[test]
fn panic_flag() {
    check("panic_flag");
}

#[test]
fn panic_edges() {
    check("panic_edges");
}

#[test]
fn nopanic_calls() {
    check("nopanic_calls");
}

#[test]
fn loads() {
    check("loads");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("copyprop"),
        [
            "branches",
            "division",
            "fold_arith",
            "identities",
            "loads",
            "nopanic_calls",
            "panic_edges",
            "panic_flag"
        ]
    );
}
