//! The IR of every sample program, built and after the pipeline: it verifies, and its
//! text form round-trips (`write(parse(write(m))) == write(m)`).

#[test]
fn every_program_round_trips_and_verifies() {
    let mut failures = Vec::new();
    for path in testsuite::go_files("programs") {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let compiled =
            match deferlab::compile(&name, &src, deferlab::Mode::Run, &Default::default()) {
                Ok(c) => c,
                Err(e) => {
                    failures.push(format!("{name}: does not compile:\n{e}"));
                    continue;
                }
            };
        if let Err(e) = ir::verify::verify_module(&compiled.built) {
            failures.push(format!("{name}: built IR does not verify:\n{e}"));
        }
        for (stage, m) in [("built", &compiled.built), ("lowered", &compiled.module)] {
            let text = ir::write::write_module(m);
            match ir::parse::parse_module(&text) {
                Ok(back) => {
                    let again = ir::write::write_module(&back);
                    if again != text {
                        let d = similar::TextDiff::from_lines(&text, &again)
                            .unified_diff()
                            .to_string();
                        failures.push(format!("{name} ({stage}): round trip differs:\n{d}"));
                    }
                }
                Err(e) => failures.push(format!("{name} ({stage}): does not parse back: {e}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// In the built IR, a `panicking` test directly follows every instruction that may
/// panic (`InstData::may_panic`), unless a `ret` does (a method value's wrapper passes
/// the panic on to its caller, which tests), and nothing else: none after an `rtcall`
/// of a runtime function that cannot panic.
#[test]
fn panic_tests_follow_exactly_what_may_panic() {
    let mut failures = Vec::new();
    for path in testsuite::go_files("programs") {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(compiled) = deferlab::compile(&name, &src, deferlab::Mode::Run, &Default::default())
        else {
            continue; // reported by the test above
        };
        let m = &compiled.built;
        for (_, f) in m.funcs.iter() {
            for &b in &f.layout.blocks {
                let insts = &f.layout.insts[b];
                for (k, &i) in insts.iter().enumerate() {
                    let d = &f.dfg.insts[i];
                    let next = insts.get(k + 1).map(|&n| f.dfg.insts[n].opcode);
                    let next_tests = next == Some(ir::Opcode::Panicking);
                    let next_returns = next == Some(ir::Opcode::Ret);
                    if d.may_panic() != next_tests && !(d.may_panic() && next_returns) {
                        failures.push(format!(
                            "{name}: {}: {} {}",
                            f.name,
                            ir::write::write_inst(m, f, i),
                            if next_tests {
                                "cannot panic but is tested"
                            } else {
                                "may panic but is not tested"
                            }
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
