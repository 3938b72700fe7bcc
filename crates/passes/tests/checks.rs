//! `checks` fixture tests (see `fixture/mod.rs`).

mod fixture;

#[test]
fn loops() {
    fixture::check("checks", "loops");
}

#[test]
fn bounds() {
    fixture::check("checks", "bounds");
}

/// After the hoist, `copyprop` removes the header's check: the benchmark loop has one
/// nil check, before the loop.
#[test]
fn copyprop_removes_the_header_check() {
    let text = fixture::read("checks", "loops");
    let (m, _) = fixture::run_after(&["checks"], "copyprop", "loops", &text);
    let f = m.funcs.values().find(|f| f.name == "bench").expect("bench");
    let checks = f
        .layout
        .blocks
        .iter()
        .flat_map(|&b| f.layout.insts[b].iter())
        .filter(|&&i| f.dfg.insts[i].opcode == ir::Opcode::CheckNil)
        .count();
    assert_eq!(checks, 1, "{}", ir::write::write_function(&m, f));
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(fixture::names("checks"), ["bounds", "loops"]);
}
