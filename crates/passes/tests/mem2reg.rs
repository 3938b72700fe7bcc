//! `mem2reg` fixture tests (see `fixture/mod.rs`).

mod fixture;

fn check(name: &str) {
    fixture::check("mem2reg", name);
}

#[test]
fn straight_line() {
    check("straight_line");
}

#[test]
fn if_else() {
    check("if_else");
}

#[test]
fn loops() {
    check("loops");
}

#[test]
fn escapes() {
    check("escapes");
}

#[test]
fn zero_reads() {
    check("zero_reads");
}

#[test]
fn unreachable() {
    check("unreachable");
}

#[test]
fn panic_path() {
    check("panic_path");
}

#[test]
fn captures() {
    check("captures");
}

#[test]
fn sroa() {
    check("sroa");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(
        fixture::names("mem2reg"),
        [
            "captures",
            "escapes",
            "if_else",
            "loops",
            "panic_path",
            "sroa",
            "straight_line",
            "unreachable",
            "zero_reads"
        ]
    );
}
