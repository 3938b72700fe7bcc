//! `simplify_cfg`'s loop rotation (gc's `loopRotate`, done here on the CFG rather than
//! on the block order): a loop header that only computes its condition is copied into
//! the end of its two predecessors, so each iteration ends with the test and one branch
//! back to the body, instead of a jump back to a header that tests and branches again
//! (two taken branches per iteration, which Cranelift lays out as they come).
//!
//! The shape: a header `H(x..)` whose predecessors are `P` outside the loop and one
//! latch `L` inside it, both ending `jump H(..)` (or `P` branching to `H` on one side
//! of a `brif`, whose edge then gets a block of its own); `H`'s instructions have no effect
//! (`Opcode::has_side_effects`: none may panic, store or call) and end with
//! `brif c, B(..), E(..)`, where `B` and `E` are other blocks whose only predecessor is
//! `H`; all five blocks in one defer scope. Then `P` and `L` each end with a copy of
//! `H`'s instructions (its parameters replaced by the jump's arguments) and the branch,
//! and `H` is left without predecessors (removed). The values of `H` (parameters and
//! results) that code under `B` or `E` reads become parameters of `B` or `E`, passed by
//! both copies; a loop whose header values are read in a block under neither (one both
//! reach) is left alone. The same instructions run in the same order as before:
//! rotation only moves where they are written.
//!
//! After rotation `B` has two predecessors, so a rotated loop is never rotated again.

use ir::dominance::{ControlFlowGraph, DomTree};
use ir::{Block, Function, InstData, Opcode, Value};
use std::collections::HashMap;

/// Rotates the first loop of the shape above; returns whether it rotated one.
pub(super) fn rotate_one(f: &mut Function) -> bool {
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    for &h in dt.rpo() {
        if let Some(r) = shape(f, &cfg, &dt, h) {
            rotate(f, &dt, h, r);
            return true;
        }
    }
    false
}

struct Rotation {
    preds: [Block; 2],
    body: Block,
    exit: Block,
    /// The values of `H`: its parameters and its instructions' results.
    own: Vec<Value>,
}

fn shape(f: &Function, cfg: &ControlFlowGraph, dt: &DomTree, h: Block) -> Option<Rotation> {
    let [a, b] = cfg.preds[h].as_slice() else {
        return None;
    };
    let (pre, latch) = match (dt.dominates(h, *a), dt.dominates(h, *b)) {
        (false, true) => (*a, *b),
        (true, false) => (*b, *a),
        _ => return None,
    };
    if latch == h || pre == h || h == f.layout.blocks[0] {
        return None;
    }
    let jumps_to_h = |p: Block| {
        f.terminator(p).is_some_and(|t| {
            let d = &f.dfg.insts[t];
            d.opcode == Opcode::Jump && d.targets[0].block == h
        })
    };
    // `P` may also branch to `H` on one side (a check hoisted before the loop ends
    // with its test): that edge gets a block of its own to hold the copy.
    let pre_branches = f.terminator(pre).is_some_and(|t| {
        let d = &f.dfg.insts[t];
        d.opcode == Opcode::Brif && (d.targets[0].block == h) != (d.targets[1].block == h)
    });
    if !jumps_to_h(latch) || !(jumps_to_h(pre) || pre_branches) {
        return None;
    }
    let insts = &f.layout.insts[h];
    let (&br, body) = insts.split_last()?;
    let bd = &f.dfg.insts[br];
    if bd.opcode != Opcode::Brif
        || body
            .iter()
            .any(|&i| f.dfg.insts[i].opcode.has_side_effects())
    {
        return None;
    }
    let (t, e) = (bd.targets[0].block, bd.targets[1].block);
    if t == e
        || t == h
        || e == h
        || cfg.preds[t].as_slice() != [h]
        || cfg.preds[e].as_slice() != [h]
    {
        return None;
    }
    let scope = f.dfg.blocks[h].scope;
    if [pre, latch, t, e]
        .iter()
        .any(|&x| f.dfg.blocks[x].scope != scope)
    {
        return None;
    }
    // Every read of a value of `H` must be under `B` or `E`, where it becomes a
    // parameter: a block both reach (the defers run on a panic from the body and after
    // the loop) would be left reading a value of the removed `H`.
    let mut own: Vec<Value> = f.dfg.block_params(h).to_vec();
    for &i in insts {
        own.extend(f.dfg.inst_results(i).iter().copied());
    }
    let stranded = f.layout.blocks.iter().any(|&x| {
        x != h
            && !dt.dominates(t, x)
            && !dt.dominates(e, x)
            && f.layout.insts[x].iter().any(|&i| {
                let d = &f.dfg.insts[i];
                d.args
                    .iter()
                    .chain(d.targets.iter().flat_map(|tg| tg.args.iter()))
                    .any(|v| own.contains(v))
            })
    });
    if stranded {
        return None;
    }
    Some(Rotation {
        preds: [pre, latch],
        body: t,
        exit: e,
        own,
    })
}

fn rotate(f: &mut Function, dt: &DomTree, h: Block, r: Rotation) {
    let own = &r.own;
    // For each successor, the values of `H` its region reads, which become its new
    // parameters (uses in that region renamed).
    let mut extra: [Vec<Value>; 2] = [Vec::new(), Vec::new()];
    for (side, &s) in [r.body, r.exit].iter().enumerate() {
        let region: Vec<Block> = f
            .layout
            .blocks
            .iter()
            .copied()
            .filter(|&x| dt.dominates(s, x))
            .collect();
        let mut rename: HashMap<Value, Value> = HashMap::new();
        for &x in &region {
            for &i in &f.layout.insts[x] {
                let d = &f.dfg.insts[i];
                let used: Vec<Value> = d
                    .args
                    .iter()
                    .chain(d.targets.iter().flat_map(|t| t.args.iter()))
                    .copied()
                    .collect();
                for v in used {
                    if own.contains(&v) && !rename.contains_key(&v) {
                        let ty = f.dfg.value_type(v);
                        let p = f.dfg.append_block_param(s, ty);
                        rename.insert(v, p);
                        extra[side].push(v);
                    }
                }
            }
        }
        for &x in &region {
            for k in 0..f.layout.insts[x].len() {
                let i = f.layout.insts[x][k];
                let d = &mut f.dfg.insts[i];
                for v in d.args.iter_mut() {
                    if let Some(&n) = rename.get(v) {
                        *v = n;
                    }
                }
                for t in d.targets.iter_mut() {
                    for v in t.args.iter_mut() {
                        if let Some(&n) = rename.get(v) {
                            *v = n;
                        }
                    }
                }
            }
        }
    }
    let params = f.dfg.block_params(h).to_vec();
    let insts = f.layout.insts[h].clone();
    let mut preds = r.preds;
    let pre = preds[0];
    let t = f.terminator(pre).expect("checked");
    if f.dfg.insts[t].opcode == Opcode::Brif {
        // A block of its own for the edge into the loop.
        let k = usize::from(f.dfg.insts[t].targets[1].block == h);
        let into = std::mem::replace(&mut f.dfg.insts[t].targets[k], Function::target(h, &[]));
        let c = f.dfg.make_block();
        f.dfg.blocks[c].scope = f.dfg.blocks[pre].scope;
        let at = f
            .layout
            .blocks
            .iter()
            .position(|&b| b == pre)
            .expect("laid out");
        f.layout.blocks.insert(at + 1, c);
        f.dfg.insts[t].targets[k] = Function::target(c, &[]);
        let j = f
            .dfg
            .make_inst(InstData::new(Opcode::Jump).targets(vec![into]), &[]);
        f.srclocs[j] = f.srclocs[t];
        f.layout.insts[c].push(j);
        preds[0] = c;
    }
    for p in preds {
        let jump = f.terminator(p).expect("checked");
        let args = f.dfg.insts[jump].targets[0].args.clone();
        let mut map: HashMap<Value, Value> = params.iter().copied().zip(args).collect();
        f.layout.insts[p].pop();
        let sub = |map: &HashMap<Value, Value>, v: Value| map.get(&v).copied().unwrap_or(v);
        for &i in &insts {
            let mut d: InstData = f.dfg.insts[i].clone();
            d.args = d.args.iter().map(|&v| sub(&map, v)).collect();
            for t in d.targets.iter_mut() {
                t.args = t.args.iter().map(|&v| sub(&map, v)).collect();
            }
            let is_br = d.opcode == Opcode::Brif;
            if is_br {
                for (side, t) in d.targets.iter_mut().enumerate() {
                    t.args.extend(extra[side].iter().map(|&v| sub(&map, v)));
                }
            }
            let types: Vec<ir::Type> = f
                .dfg
                .inst_results(i)
                .iter()
                .map(|&v| f.dfg.value_type(v))
                .collect();
            let n = f.dfg.make_inst(d, &types);
            f.srclocs[n] = f.srclocs[i];
            for (&old, &new) in f
                .dfg
                .inst_results(i)
                .to_vec()
                .iter()
                .zip(f.dfg.inst_results(n))
            {
                map.insert(old, new);
            }
            f.layout.insts[p].push(n);
        }
    }
    // `H` has no predecessors left; `remove_unreachable` takes it.
}
