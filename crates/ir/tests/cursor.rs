//! `FuncCursor` fixture tests (see `fixture/mod.rs`): a walk over a fixture's layout
//! with the cursor's moves, rendered; and a small rewrite made through the cursor
//! (multiplications by a power of two become shifts), verified and snapshotted as a
//! diff.

mod fixture;

use ir::write::write_module;
use ir::{FuncCursor, Imm, InstData, Module, Opcode, Type};
use std::fmt::Write;

/// Every block (`next_block`), its instructions forward (`next_inst`) to the end, then
/// back (`prev_inst`) to the top.
fn walk(m: &Module) -> String {
    let mut out = String::new();
    let ids: Vec<_> = m.funcs.keys().collect();
    for id in ids {
        let mut f = m.funcs[id].clone();
        let _ = writeln!(out, "{}:", f.name);
        let mut c = FuncCursor::new(&mut f);
        while let Some(b) = c.next_block() {
            let mut fwd = Vec::new();
            let name = |f: &ir::Function, i: ir::Inst| format!("{i}({})", f.dfg.insts[i].opcode);
            if let Some(i) = c.current_inst() {
                fwd.push(name(c.func, i));
            }
            while let Some(i) = c.next_inst() {
                fwd.push(name(c.func, i));
            }
            let _ = writeln!(out, "  {b} forward: {} {:?}", fwd.join(" "), c.position());
            let mut back = Vec::new();
            while let Some(i) = c.prev_inst() {
                back.push(name(c.func, i));
            }
            let _ = writeln!(out, "  {b} back: {} {:?}", back.join(" "), c.position());
        }
        let _ = writeln!(out, "  after the last block: {:?}", c.position());
    }
    out
}

/// `imul.T x, c` with `c` an `iconst` power of two becomes `ishl.T x, k`, built before
/// the multiplication with its source location; the multiplication is removed.
fn strength_reduce(m: &mut Module) {
    let ids: Vec<_> = m.funcs.keys().collect();
    for id in ids {
        let f = &mut m.funcs[id];
        let consts: Vec<Option<i64>> = f
            .dfg
            .values
            .keys()
            .map(|v| match f.dfg.values[v].def {
                ir::ValueDef::Result(i, 0) => match (&f.dfg.insts[i].opcode, &f.dfg.insts[i].imm) {
                    (Opcode::Iconst, Imm::Int(n)) => Some(*n),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let mut c = FuncCursor::new(f);
        while c.next_block().is_some() {
            while let Some(inst) = c.current_inst() {
                let d = c.func.dfg.insts[inst].clone();
                let k = d.args.get(1).and_then(|v| consts[v.as_u32() as usize]);
                match (d.opcode, k) {
                    (Opcode::Imul, Some(n)) if n > 0 && n & (n - 1) == 0 => {
                        let ty = d.ty.unwrap_or(Type::I64);
                        c.set_srcloc(c.func.srclocs[inst]);
                        let shift = c.iconst(ty, i64::from(n.trailing_zeros()));
                        let shl = InstData::new(Opcode::Ishl).ty(ty).args(&[d.args[0], shift]);
                        let v = c.ins1(shl, ty);
                        let old = c.func.dfg.first_result(inst);
                        c.func.replace_uses(old, v);
                        assert_eq!(c.remove_inst(), inst);
                    }
                    _ => {
                        c.next_inst();
                    }
                }
            }
        }
    }
}

#[test]
fn walk_positions() {
    let m = fixture::module("cursor", "walk");
    fixture::snapshot("cursor", "walk", &walk(&m));
}

#[test]
fn strength_reduction() {
    let mut m = fixture::module("cursor", "strength_reduce");
    let before = write_module(&m);
    strength_reduce(&mut m);
    if let Err(e) = ir::verify::verify_module(&m) {
        panic!("the rewrite does not verify\n{e}");
    }
    let after = write_module(&m);
    fixture::snapshot("cursor", "strength_reduce", &fixture::diff(&before, &after));
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(fixture::names("cursor"), ["strength_reduce", "walk"]);
}
