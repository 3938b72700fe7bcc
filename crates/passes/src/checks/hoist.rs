//! `checks`' hoist: a nil check at the head of a loop, of a value the loop does not
//! change, is made once, on entry to the loop.
//!
//! **Requires:** lowered defers (every panic edge explicit), and `mem2reg` before it: a
//! local's value must be an SSA value defined before the loop, not a load in it.
//!
//! **Establishes:** for a loop header `H` whose code starts with `check_nil v`, its
//! `panicking` test and the branch ending `H` (nothing before the check has an effect or
//! may panic), where `v` is defined in a block that strictly dominates `H`, and `H` has
//! one predecessor `P` outside the loop, in the same defer scope, ending `jump H(..)`:
//! `P` now ends with the same check and test, to the same panic target (when every
//! value the target's code uses from outside its dominator subtree is defined above
//! where the new edge's path and the old ones meet), whose passing side is a new
//! block `C` that jumps to `H` as `P` did. `C` dominates `H`, so
//! `copyprop`'s `redundant_checks` removes the check in `H` (run it after).
//!
//! Why it is right: between `P`'s jump and the check in `H` nothing observable happens
//! (block parameters take their values, pure instructions compute), so the copy in `P`
//! fails exactly when the first iteration's check would have, with the same runtime
//! error on the same panic path; every later iteration checks a value defined before
//! the loop, which has not changed. The panic flag is clear at the end of `P` because it
//! is clear at `H`'s check, and nothing lies between.
//!
//! The shape it exists for is every benchmark loop, `for i := 0; i < b.N; i++`: `b.N`
//! loads through `b`, and the loop condition is the header. gc never pays for this
//! check in the loop: its nil checks are implicit (a load from page zero faults) and its
//! `nilcheckelim` removes the ones a dominating check covers; ours are explicit, so the
//! check leaves the loop instead.

use ir::dominance::{ControlFlowGraph, DomTree};
use ir::{Block, Function, Inst, InstData, Opcode, SecondaryMap, Value, ValueDef};

pub(super) fn run(f: &mut Function) {
    // Hoists are independent: each splits its own preheader (which ends with a jump,
    // so is no header with a leading check) and changes no dominance fact another
    // relies on.
    for x in candidates(f) {
        hoist(f, x);
    }
}

/// One loop header to hoist from, with everything `hoist` needs.
struct Hoist {
    pre: Block,
    /// The header's `check_nil` and the `brif` on its `panicking` test.
    check: Inst,
    br: Inst,
}

fn candidates(f: &Function) -> Vec<Hoist> {
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    let mut block_of: SecondaryMap<Inst, Option<Block>> = SecondaryMap::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            block_of[i] = Some(b);
        }
    }
    let mut out = Vec::new();
    for &h in dt.rpo() {
        let preds = &cfg.preds[h];
        let (back, outside): (Vec<Block>, Vec<Block>) =
            preds.iter().partition(|&&p| dt.dominates(h, p));
        let [pre] = outside.as_slice() else {
            continue;
        };
        if back.is_empty() || *pre == h || f.dfg.blocks[*pre].scope != f.dfg.blocks[h].scope {
            continue;
        }
        let Some(jump) = f.terminator(*pre) else {
            continue;
        };
        let jd = &f.dfg.insts[jump];
        if jd.opcode != Opcode::Jump || jd.targets[0].block != h {
            continue;
        }
        let Some((check, br)) = leading_check(f, h) else {
            continue;
        };
        // The checked value and the panic target's arguments exist at the end of `pre`.
        let before_loop = |v: Value| {
            let b = match f.dfg.values[v].def {
                ValueDef::Param(b, _) => b,
                ValueDef::Result(i, _) => match block_of[i] {
                    Some(b) => b,
                    None => return false,
                },
            };
            b != h && dt.dominates(b, h)
        };
        let bd = &f.dfg.insts[br];
        if !f.dfg.insts[check].args.iter().all(|&v| before_loop(v))
            || !bd.targets[0].args.iter().all(|&v| before_loop(v))
        {
            continue;
        }
        // The new edge into the panic target moves its dominator up to where `pre`'s
        // and its old one's paths meet: every value the target's code (its dominator
        // subtree) uses from outside it must still be defined above that (a panic path
        // of the header may read the header's parameters).
        let target = bd.targets[0].block;
        let Some(new_idom) = dt.idom(target).map(|d| common_dominator(&dt, d, *pre)) else {
            continue;
        };
        let def_block = |v: Value| match f.dfg.values[v].def {
            ValueDef::Param(b, _) => Some(b),
            ValueDef::Result(i, _) => block_of[i],
        };
        let still_dominated = dt
            .rpo()
            .iter()
            .filter(|&&b| dt.dominates(target, b))
            .all(|&b| {
                f.layout.insts[b].iter().all(|&i| {
                    let d = &f.dfg.insts[i];
                    d.args
                        .iter()
                        .chain(d.targets.iter().flat_map(|t| t.args.iter()))
                        .all(|&v| match def_block(v) {
                            Some(db) => dt.dominates(target, db) || dt.dominates(db, new_idom),
                            None => false,
                        })
                })
            });
        if !still_dominated {
            continue;
        }
        out.push(Hoist {
            pre: *pre,
            check,
            br,
        });
    }
    out
}

/// The nearest block that dominates both `a` and `b`.
fn common_dominator(dt: &DomTree, a: Block, b: Block) -> Block {
    let mut x = a;
    while !dt.dominates(x, b) {
        match dt.idom(x) {
            Some(up) => x = up,
            None => break,
        }
    }
    x
}

/// `check_nil v; t = panicking; brif t, T, E` ending `h`, with nothing before the check
/// that has an effect or may panic.
fn leading_check(f: &Function, h: Block) -> Option<(Inst, Inst)> {
    let insts = &f.layout.insts[h];
    let k = insts
        .iter()
        .position(|&i| f.dfg.insts[i].opcode.has_side_effects())?;
    let (check, test, br) = (insts[k], *insts.get(k + 1)?, *insts.get(k + 2)?);
    let (cd, td, bd) = (&f.dfg.insts[check], &f.dfg.insts[test], &f.dfg.insts[br]);
    let shape = cd.opcode == Opcode::CheckNil
        && td.opcode == Opcode::Panicking
        && bd.opcode == Opcode::Brif
        && bd.args.first() == Some(&f.dfg.first_result(test))
        && k + 3 == insts.len()
        && bd.targets[1].block != h;
    shape.then_some((check, br))
}

fn hoist(f: &mut Function, x: Hoist) {
    let jump = f.terminator(x.pre).expect("checked by find");
    // `C`: the passing side, which takes over `pre`'s jump.
    let c = f.dfg.make_block();
    f.dfg.blocks[c].scope = f.dfg.blocks[x.pre].scope;
    let at = f
        .layout
        .blocks
        .iter()
        .position(|&b| b == x.pre)
        .expect("laid out");
    f.layout.blocks.insert(at + 1, c);
    f.layout.insts[x.pre].pop();
    f.layout.insts[c].push(jump);
    // The check, its test and the branch at the end of `pre`.
    let loc = f.srclocs[x.check];
    let check = f.dfg.make_inst(f.dfg.insts[x.check].clone(), &[]);
    let test = f
        .dfg
        .make_inst(InstData::new(Opcode::Panicking), &[ir::Type::Bool]);
    let t = f.dfg.first_result(test);
    let mut br = f.dfg.insts[x.br].clone();
    br.args = vec![t];
    br.targets[1] = Function::target(c, &[]);
    let br = f.dfg.make_inst(br, &[]);
    for i in [check, test, br] {
        f.srclocs[i] = loc;
        f.layout.insts[x.pre].push(i);
    }
}
