//! `simplify_cfg`: removes unreachable blocks, merges a block into its only predecessor
//! when that predecessor jumps to it unconditionally, and threads branches through
//! blocks that do nothing but jump on.
//!
//! **Requires:** a verified function.
//!
//! **Establishes:** every block in the layout is reachable from the entry; no block
//! ends in a `jump` to a block whose only incoming edge that is; no branch targets a
//! block that holds nothing but a `jump` (except on a cycle of such blocks, an infinite
//! loop, and a block whose parameters are read beyond its own `jump`); no `brif` has
//! two identical targets; no arm of a `brif` is a speculable arm (`speculate.rs`).
//! Block order is otherwise kept, so dumps stay comparable.
//!
//! A branch one of whose arms only computes a value or two for the other is
//! if-converted (`speculate.rs`: the arm runs before the branch, whose two sides then
//! differ only in the arguments they pass, and codegen makes them conditional moves).
//!
//! Once none of those applies, a loop whose header only computes its condition is
//! rotated (`rotate.rs`: the test moves to the end of the loop's two predecessors).
//!
//! **Remarks:** none (the diff of the dump shows every change).
//!
//! The four rewrites repeat until none applies, since each can enable the others
//! (threading leaves a block without predecessors; removing a block leaves a single
//! predecessor to merge with).
//!
//! Block parameters: merging block `b` into its predecessor replaces each of `b`'s
//! parameters by the argument the `jump` passed. Threading a branch `p -> e(x) -> t(y)`
//! substitutes `e`'s parameters in `y` by the branch's arguments `x`, so `p` branches to
//! `t` directly (following a chain of such blocks to its end; a chain that forms a
//! cycle is an infinite loop and stays); the other values in `y` are defined in blocks
//! that strictly dominate `e` and hence `p`, so the result still verifies. A block whose parameters are read
//! outside its own `jump` is not threaded through: the readers (in blocks `e`
//! dominates) would lose their definition.

mod rotate;
mod speculate;

use crate::PassContext;
use ir::dominance::{ControlFlowGraph, DomTree};
use ir::{
    Block, BlockCall, FuncId, Function, InstData, Module, Opcode, SecondaryMap, Value, ValueDef,
};

pub fn run(m: &mut Module, _cx: &mut PassContext) {
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        run_function(&mut m.funcs[id]);
    }
}

fn run_function(f: &mut Function) {
    // Rotations are bounded: each leaves its loop's body with two predecessors, which
    // no later rotation takes as a header's sole successor; the cap is a guard.
    let mut rotations = 0;
    loop {
        let mut changed = remove_unreachable(f);
        changed |= fold_twin_brif(f);
        changed |= merge_blocks(f);
        changed |= thread_jumps(f);
        changed |= speculate::speculate(f);
        if !changed && rotations < 64 && rotate::rotate_one(f) {
            rotations += 1;
            changed = true;
        }
        if !changed {
            break;
        }
    }
}

/// Removes every block the entry cannot reach (branches from them go with them).
fn remove_unreachable(f: &mut Function) -> bool {
    let dt = DomTree::compute(f);
    let dead: Vec<Block> = f
        .layout
        .blocks
        .iter()
        .copied()
        .filter(|&b| !dt.is_reachable(b))
        .collect();
    for &b in &dead {
        f.remove_block(b);
    }
    !dead.is_empty()
}

/// `brif c, b(x), b(x)` becomes `jump b(x)`.
fn fold_twin_brif(f: &mut Function) -> bool {
    let mut changed = false;
    for &b in &f.layout.blocks {
        let Some(t) = f.terminator(b) else { continue };
        let d = &f.dfg.insts[t];
        if d.opcode == Opcode::Brif && d.targets[0] == d.targets[1] {
            let target = d.targets[0].clone();
            f.dfg.insts[t] = InstData::new(Opcode::Jump).targets(vec![target]);
            changed = true;
        }
    }
    changed
}

/// Merges each block whose only incoming edge is an unconditional `jump` into the
/// block that jumps.
fn merge_blocks(f: &mut Function) -> bool {
    let mut cfg = ControlFlowGraph::compute(f);
    let mut changed = false;
    let blocks: Vec<Block> = f.layout.blocks.iter().skip(1).copied().collect();
    for b in blocks {
        let &[p] = cfg.preds[b].as_slice() else {
            continue;
        };
        if p == b {
            continue;
        }
        let Some(jump) = f.terminator(p) else {
            continue;
        };
        if f.dfg.insts[jump].opcode != Opcode::Jump {
            continue;
        }
        let args = f.dfg.insts[jump].targets[0].args.clone();
        let params = f.dfg.block_params(b).to_vec();
        if !params.is_empty() {
            f.map_all_uses(|v| match params.iter().position(|&q| q == v) {
                Some(k) => args[k],
                None => v,
            });
        }
        f.remove_inst(p, jump);
        let moved = std::mem::take(&mut f.layout.insts[b]);
        f.layout.insts[p].extend(moved);
        f.remove_block(b);
        // `p` now ends with `b`'s terminator: its successors' predecessor is `p`.
        let succs = std::mem::take(&mut cfg.succs[b]);
        for &s in &succs {
            for q in cfg.preds[s].iter_mut() {
                if *q == b {
                    *q = p;
                }
            }
        }
        cfg.succs[p] = succs;
        changed = true;
    }
    changed
}

/// Retargets every branch to a block that only jumps on (`e: jump t(y)`) to `t`.
fn thread_jumps(f: &mut Function) -> bool {
    // The uses of each block parameter outside its own block's terminator. Threading
    // only rewrites terminators, with values that were already in terminators, so these
    // counts stay true during the sweep.
    let mut outside: SecondaryMap<Value, u32> = SecondaryMap::new();
    for &b in &f.layout.blocks {
        let term = f.terminator(b);
        for &i in &f.layout.insts[b] {
            for v in f.dfg.inst_uses(i) {
                if let ValueDef::Param(pb, _) = f.dfg.values[v].def {
                    if !(pb == b && term == Some(i)) {
                        outside[v] += 1;
                    }
                }
            }
        }
    }
    let entry = f.entry();
    // Each forwarding block with where it goes.
    let mut forward: SecondaryMap<Block, Option<BlockCall>> = SecondaryMap::new();
    for &e in &f.layout.blocks {
        let insts = &f.layout.insts[e];
        let &[only] = insts.as_slice() else { continue };
        let d = &f.dfg.insts[only];
        if Some(e) == entry || d.opcode != Opcode::Jump {
            continue;
        }
        if f.dfg.block_params(e).iter().any(|&p| outside[p] > 0) {
            continue;
        }
        forward[e] = Some(d.targets[0].clone());
    }
    let mut changed = false;
    for &b in &f.layout.blocks {
        let Some(t) = f.terminator(b) else { continue };
        for k in 0..f.dfg.insts[t].targets.len() {
            let call = &f.dfg.insts[t].targets[k];
            if let Some(dest) = destination(f, &forward, call) {
                f.dfg.insts[t].targets[k] = dest;
                changed = true;
            }
        }
    }
    changed
}

/// Where a branch to `call` ends up after the chain of forwarding blocks it starts, with
/// the arguments substituted along the way; `None` if `call` does not target a
/// forwarding block or the chain is a cycle (an infinite loop of jumps stays as it is).
fn destination(
    f: &Function,
    forward: &SecondaryMap<Block, Option<BlockCall>>,
    call: &BlockCall,
) -> Option<BlockCall> {
    let mut cur = call.clone();
    let mut seen: Vec<Block> = Vec::new();
    while let Some(next) = &forward[cur.block] {
        if seen.contains(&cur.block) {
            return None;
        }
        seen.push(cur.block);
        let params = f.dfg.block_params(cur.block);
        let args = next
            .args
            .iter()
            .map(|&v| match params.iter().position(|&q| q == v) {
                Some(i) => cur.args[i],
                None => v,
            })
            .collect();
        cur = BlockCall {
            block: next.block,
            args,
        };
    }
    (!seen.is_empty()).then_some(cur)
}
