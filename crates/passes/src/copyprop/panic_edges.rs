//! `copyprop`'s rewrites of panic edges: an explicit check dominated by the same check
//! on its passing side cannot fail (`redundant_checks`), and a path known to be
//! panicking goes straight to the panic side of the next test (`thread_panicking`).
//! Both leave `panicking` reads for the flag analysis to fold on the next round.

use ir::dominance::DomTree;
use ir::{Block, BlockCall, Function, Inst, Opcode, Value, ValueDef};
use std::collections::HashMap;

/// Removes each `check_nil` and `check_index` whose operands were already checked by
/// the same check on every path to it, on that check's passing side: the `else` block
/// of the test right after the earlier check dominates the later one. (Dominance alone
/// is not enough: a block reached only through the earlier check's panic path, such as
/// a deferred call at the exit, must check again, and panics again.) Returns whether it
/// removed any.
pub(super) fn redundant_checks(f: &mut Function, dt: &DomTree) -> bool {
    // For each check (opcode and operands): the passing-side blocks of the checks seen.
    let mut passed: HashMap<(Opcode, Vec<Value>), Vec<Block>> = HashMap::new();
    let mut dead: Vec<(Block, Inst)> = Vec::new();
    for &b in dt.rpo() {
        let insts = &f.layout.insts[b];
        for (k, &i) in insts.iter().enumerate() {
            let d = &f.dfg.insts[i];
            if !matches!(d.opcode, Opcode::CheckNil | Opcode::CheckIndex) {
                continue;
            }
            let key = (d.opcode, d.args.clone());
            let seen = passed.entry(key).or_default();
            if seen.iter().any(|&e| dt.dominates(e, b)) {
                dead.push((b, i));
                continue;
            }
            if let Some(e) = passing_side(f, insts, k) {
                seen.push(e);
            }
        }
    }
    for &(b, i) in &dead {
        f.remove_inst(b, i);
    }
    !dead.is_empty()
}

/// The block a check at `insts[k]` continues to when it passes: the `else` target of
/// `v = panicking; brif v, T, E` right after it, ending the block.
fn passing_side(f: &Function, insts: &[Inst], k: usize) -> Option<Block> {
    let (&t, &br) = (insts.get(k + 1)?, insts.get(k + 2)?);
    let (td, bd) = (&f.dfg.insts[t], &f.dfg.insts[br]);
    let tests = td.opcode == Opcode::Panicking
        && bd.opcode == Opcode::Brif
        && bd.args.first() == Some(&f.dfg.first_result(t))
        && k + 3 == insts.len();
    tests.then(|| bd.targets[1].block)
}

/// A block `P` entered only by the panic side of a test (`v = panicking; brif v, P, _`)
/// that does nothing with an effect and jumps to a block `B` that is only `w =
/// panicking; brif w, T, E` goes straight to `T`: the flag is still set there. This is
/// the shape an inlined callee's panic exit leaves (`ret zero` became `jump cont(zero)`,
/// and `cont` starts with the call's test). Returns whether it retargeted any jump.
pub(super) fn thread_panicking(f: &mut Function) -> bool {
    let mut preds: HashMap<Block, Vec<Block>> = HashMap::new();
    for &b in &f.layout.blocks {
        if let Some(t) = f.terminator(b) {
            for c in &f.dfg.insts[t].targets {
                preds.entry(c.block).or_default().push(b);
            }
        }
    }
    let mut changed = false;
    for p in f.layout.blocks.clone() {
        let Some(jump) = f.terminator(p) else {
            continue;
        };
        let jd = &f.dfg.insts[jump];
        if jd.opcode != Opcode::Jump {
            continue;
        }
        let target = jd.targets[0].clone();
        let Some(to) = panic_side(f, target.block) else {
            continue;
        };
        let effects = f.layout.insts[p]
            .iter()
            .any(|&i| i != jump && f.dfg.insts[i].opcode.has_side_effects());
        let entered_panicking = match preds.get(&p).map(Vec::as_slice) {
            Some(&[q]) => enters_by_panic_side(f, q, p),
            _ => false,
        };
        if effects || !entered_panicking {
            continue;
        }
        // `T`'s arguments may name `B`'s parameters: `P` passes their values.
        let params = f.dfg.block_params(target.block).to_vec();
        let subst = |v: Value| match params.iter().position(|&x| x == v) {
            Some(k) => target.args[k],
            None => v,
        };
        let args: Vec<Value> = to.args.iter().map(|&v| subst(v)).collect();
        f.dfg.insts[jump].targets[0] = BlockCall {
            block: to.block,
            args,
        };
        changed = true;
    }
    changed
}

/// `T` of a block that is exactly `w = panicking; brif w, T, E`, when `T`'s arguments
/// name nothing defined in the block but its parameters.
fn panic_side(f: &Function, b: Block) -> Option<BlockCall> {
    let insts = &f.layout.insts[b];
    let [t, br] = insts.as_slice() else {
        return None;
    };
    let (td, bd) = (&f.dfg.insts[*t], &f.dfg.insts[*br]);
    if td.opcode != Opcode::Panicking
        || bd.opcode != Opcode::Brif
        || bd.args[0] != f.dfg.first_result(*t)
    {
        return None;
    }
    let then = bd.targets[0].clone();
    let local = |v: &Value| match f.dfg.values[*v].def {
        ValueDef::Result(i, _) => i == *t,
        ValueDef::Param(..) => false,
    };
    (!then.args.iter().any(local)).then_some(then)
}

/// Whether `q` ends with `v = panicking; brif v, p, X` (`X` not `p`), so the flag is
/// set whenever `p` is entered from `q`.
fn enters_by_panic_side(f: &Function, q: Block, p: Block) -> bool {
    let insts = &f.layout.insts[q];
    let [.., t, br] = insts.as_slice() else {
        return false;
    };
    let (td, bd) = (&f.dfg.insts[*t], &f.dfg.insts[*br]);
    td.opcode == Opcode::Panicking
        && bd.opcode == Opcode::Brif
        && bd.args[0] == f.dfg.first_result(*t)
        && bd.targets[0].block == p
        && bd.targets[1].block != p
}
