//! gogen's programs are inside the subset: deferlab compiles the first hundred seeds'
//! programs, with and without the optional shapes (a program it rejected would be a
//! generator bug or a checker bug, and real Go is not needed to see it).
//! `scripts/difftest.sh` then compares them with real Go.

#[test]
fn generated_programs_are_accepted() {
    let mut cfg = gogen::Config::default();
    cfg.enable("nested_defer_recover").unwrap();
    let mut failures = Vec::new();
    for seed in 0..100 {
        for cfg in [gogen::Config::default(), cfg.clone()] {
            let p = gogen::generate(seed, &cfg);
            let dl = deferlab::Config::default();
            if let Err(msg) = deferlab::compile("main.go", &p.source, deferlab::Mode::Run, &dl) {
                failures.push(format!("seed {seed}:\n{msg}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
