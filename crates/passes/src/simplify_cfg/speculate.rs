//! `simplify_cfg`'s if-conversion (gc's `branchelim`): an arm of a two-way branch that
//! only computes a value or two, and joins the other arm, is executed before the branch
//! instead of after it, so both sides of the branch go to the join block with
//! different arguments: `brif c, J(x), J(y)`, which codegen emits as a conditional move
//! per differing word and no branch at all. `abs(x)` (`if x < 0 { return -x }`), a
//! clamp, a sign: an unpredictable test in a loop costs a mispredicted branch a time
//! (half of them on random data) where a `cmov` costs a cycle.
//!
//! The shape: `P` ends `brif c, A(..), B(..)` with `A != B`. An arm `S` (`A` or `B`)
//! is *speculable* when `P` is its only predecessor, it has no parameters, and it holds
//! at most [`MAX_INSTS`] instructions before its `jump J(..)`, each pure and unable to
//! trap (`speculable_op`) with a scalar result. The arm may be of another defer scope
//! than `P` (an inlined `abs`'s `return -x`): it neither defers nor runs deferred
//! calls, so the edge `P -> J` leaves scopes with exactly what was pending on the
//! edges `P -> S -> J`, which the verifier already accepted.
//! Then either (triangle) one arm is speculable and jumps to the other arm, or
//! (diamond) both are and jump to one block `J`. `J`'s parameters may differ
//! between the two edges in at most [`MAX_SELECTS`] places, each a scalar (a
//! conditional move per place); `J` must not be `P` (a loop of one block).
//!
//! A branch whose two sides go to one block, `brif c, J(x..), J(y..)` (made so, or
//! written so by the lowering of `min`, `max` and the like), becomes a `select` per
//! differing argument and a `jump`; the select is speculable in turn, so a chain of
//! them (a clamp) becomes straight-line code.
//!
//! The rewrite moves the speculable arms' instructions to the end of `P`, before the
//! `brif`, and points the `brif`'s sides at `J` with the arms' jump arguments. The arms
//! are left without predecessors, and `remove_unreachable` drops them. What runs
//! differs only in the moved instructions, which have no effect and cannot trap, so the
//! program's behaviour is unchanged. The moved values stay dominated by their
//! definitions (they read only values that dominate `P`, or each other), and every
//! use of them was in the arm (which `P` alone enters, so no other block it does not
//! dominate can read them) or its jump, now `P`'s branch.
//!
//! **Remarks:** none (the dump's diff shows the branch becoming one to `J`).

use ir::dominance::ControlFlowGraph;
use ir::{Block, BlockCall, Function, InstData, Opcode, Type, Value};

/// gc's `maxfuseinsts`: the most instructions an arm may run whose result is thrown
/// away on the other path.
const MAX_INSTS: usize = 2;

/// The most conditional moves one branch may become (gc's amd64 cost model allows one
/// per diamond; a triangle's `abs` and a clamp's two bounds need up to two).
const MAX_SELECTS: usize = 2;

/// If-converts every branch of the shape above; returns whether it changed one.
pub(super) fn speculate(f: &mut Function) -> bool {
    let cfg = ControlFlowGraph::compute(f);
    let mut changed = false;
    let blocks: Vec<Block> = f.layout.blocks.clone();
    for p in blocks {
        if let Some(plan) = shape(f, &cfg, p) {
            rewrite(f, p, plan);
            changed = true;
        }
        changed |= select_twins(f, p);
    }
    changed
}

/// `brif c, J(x..), J(y..)` becomes `v = select c, x, y` for each argument that differs
/// and `jump J(v..)`: the branch is gone from the IR as it would be from the code, and
/// a block computing a select is itself an arm that can be speculated (a clamp's two
/// bounds: `max(lo, min(x, hi))` is two selects in a row).
fn select_twins(f: &mut Function, p: Block) -> bool {
    let Some(t) = f.terminator(p) else {
        return false;
    };
    let d = &f.dfg.insts[t];
    if d.opcode != Opcode::Brif || d.targets[0].block != d.targets[1].block {
        return false;
    }
    let c = d.args[0];
    let j = d.targets[0].block;
    let pairs: Vec<(Value, Value)> = d.targets[0]
        .args
        .iter()
        .copied()
        .zip(d.targets[1].args.iter().copied())
        .collect();
    let loc = f.srclocs[t];
    f.layout.insts[p].pop();
    let mut args = Vec::with_capacity(pairs.len());
    for (k, (x, y)) in pairs.into_iter().enumerate() {
        if x == y {
            args.push(x);
            continue;
        }
        let ty = f.dfg.value_type(f.dfg.block_params(j)[k]);
        let data = InstData::new(Opcode::Select).ty(ty).args(&[c, x, y]);
        let i = f.dfg.make_inst(data, &[ty]);
        f.srclocs[i] = loc;
        f.layout.insts[p].push(i);
        args.push(f.dfg.first_result(i));
    }
    let jump = InstData::new(Opcode::Jump).targets(vec![Function::target(j, &args)]);
    let i = f.dfg.make_inst(jump, &[]);
    f.srclocs[i] = loc;
    f.layout.insts[p].push(i);
    true
}

/// What to do with one branch: for each side, the arm to hoist (if any) and the jump
/// into `J` that side becomes.
struct Plan {
    hoist: Vec<Block>,
    sides: [BlockCall; 2],
}

fn shape(f: &Function, cfg: &ControlFlowGraph, p: Block) -> Option<Plan> {
    let t = f.terminator(p)?;
    let d = &f.dfg.insts[t];
    if d.opcode != Opcode::Brif || d.targets[0].block == d.targets[1].block {
        return None;
    }
    // Each side: where it ends up if its block is a speculable arm.
    let arm = |call: &BlockCall| -> Option<BlockCall> {
        let s = call.block;
        if cfg.preds[s].as_slice() != [p] || !f.dfg.block_params(s).is_empty() {
            return None;
        }
        let (&jump, body) = f.layout.insts[s].split_last()?;
        let jd = &f.dfg.insts[jump];
        if jd.opcode != Opcode::Jump || body.len() > MAX_INSTS {
            return None;
        }
        let pure = body.iter().all(|&i| {
            let d = &f.dfg.insts[i];
            speculable_op(d.opcode)
                && f.dfg
                    .inst_results(i)
                    .iter()
                    .all(|&v| scalar(f.dfg.value_type(v)))
        });
        pure.then(|| jd.targets[0].clone())
    };
    let (a, b) = (&d.targets[0], &d.targets[1]);
    let (hoist, sides) = match (arm(a), arm(b)) {
        (Some(x), Some(y)) if x.block == y.block => (vec![a.block, b.block], [x, y]),
        (Some(x), _) if x.block == b.block => (vec![a.block], [x, b.clone()]),
        (_, Some(y)) if y.block == a.block => (vec![b.block], [a.clone(), y]),
        _ => return None,
    };
    let j = sides[0].block;
    if j == p {
        return None;
    }
    let params = f.dfg.block_params(j);
    let mut selects = 0;
    for (k, (x, y)) in sides[0].args.iter().zip(&sides[1].args).enumerate() {
        if x != y {
            if !scalar(f.dfg.value_type(params[k])) {
                return None;
            }
            selects += 1;
        }
    }
    (selects <= MAX_SELECTS).then_some(Plan { hoist, sides })
}

fn rewrite(f: &mut Function, p: Block, plan: Plan) {
    let t = f.layout.insts[p].pop().expect("p ends in its brif");
    for s in plan.hoist {
        let insts = std::mem::take(&mut f.layout.insts[s]);
        let (&jump, body) = insts.split_last().expect("an arm ends in its jump");
        f.layout.insts[p].extend_from_slice(body);
        // The arm keeps its jump until it is removed, so it stays well formed.
        f.layout.insts[s].push(jump);
    }
    f.layout.insts[p].push(t);
    let [x, y] = plan.sides;
    f.dfg.insts[t].targets = vec![x, y];
}

/// Opcodes that have no effect, cannot trap and cost about one cycle: safe and cheap to
/// run on a path that throws their result away.
fn speculable_op(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::Iconst
            | Opcode::Iadd
            | Opcode::Isub
            | Opcode::Ineg
            | Opcode::Band
            | Opcode::Bor
            | Opcode::Bxor
            | Opcode::BandNot
            | Opcode::Bnot
            | Opcode::Not
            | Opcode::Icmp
            | Opcode::Select
            | Opcode::Sext
            | Opcode::Uext
            | Opcode::Trunc
    )
}

/// A value one register holds (a conditional move moves it whole).
fn scalar(ty: Type) -> bool {
    matches!(
        ty,
        Type::Bool | Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::Ptr
    )
}
