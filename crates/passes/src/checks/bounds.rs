//! `checks`' bounds proofs: a `check_index i, len` that a dominating branch proves can
//! never fail is removed, as gc's `prove` removes it.
//!
//! A fact `i < n` holds in a block `T` that is the sole successor-by-the-true-side of a
//! `brif (icmp slt|ult i, n)` (or `sgt|ugt n, i`) and has no other predecessor; a
//! `check_index i, n` establishes `0 <= i < n` unsigned in the passing side of its test,
//! when that block has no other predecessor. A `check_index i, len` in a block such a
//! fact's block dominates goes when `len` and `n` are the same length (the same value,
//! or `slice_len`/`str_len` of the same SSA value, which cannot change) and, for a
//! signed fact, `i >= 0`:
//!
//! - a constant `>= 0`, a `slice_len` or `str_len`; or
//! - a loop counter: a block parameter whose every incoming value is a constant
//!   `>= 0` or `iadd i, 1` of itself computed where `i < n` holds for some `n` (signed,
//!   or unsigned with `n` a length, so `i + 1 <= n <= i64::MAX` cannot wrap).
//!
//! Facts are about SSA values, so they hold wherever their block dominates: a path
//! that redefines `i` (the next iteration) and reaches the check must pass the fact's
//! block again, since the definition strictly dominates that block.
//!
//! A `check_nil` of `index_addr (slice_ptr s), i` (elements with a size) where
//! `i < slice_len s` is proven goes too: the address of an element is never nil.

use ir::dominance::{ControlFlowGraph, DomTree};
use ir::{Block, Function, Inst, IntCC, Opcode, Value, ValueDef};
use std::collections::HashSet;

/// `i < n` holds in `at` (and every block it dominates); `unsigned` when `i >= 0` is
/// part of the fact.
struct Fact {
    i: Value,
    n: Value,
    at: Block,
    unsigned: bool,
}

pub(super) fn run(f: &mut Function, sized: &HashSet<Inst>) {
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    let facts = facts(f, &cfg);
    let mut dead: Vec<(Block, Inst)> = Vec::new();
    for &b in dt.rpo() {
        for &inst in &f.layout.insts[b] {
            let d = &f.dfg.insts[inst];
            let proven = match d.opcode {
                Opcode::CheckIndex => in_bounds(f, &dt, &facts, b, d.args[0], d.args[1]),
                Opcode::CheckNil => element_of_checked(f, &dt, &facts, b, d.args[0], sized),
                _ => false,
            };
            if proven {
                dead.push((b, inst));
            }
        }
    }
    for (b, i) in dead {
        f.remove_inst(b, i);
    }
}

fn facts(f: &Function, cfg: &ControlFlowGraph) -> Vec<Fact> {
    let mut out = Vec::new();
    let sole_pred = |t: Block, from: Block| cfg.preds[t].as_slice() == [from];
    for &b in &f.layout.blocks {
        let insts = &f.layout.insts[b];
        let Some(&br) = insts.last() else { continue };
        let bd = &f.dfg.insts[br];
        if bd.opcode != Opcode::Brif || bd.targets[0].block == bd.targets[1].block {
            continue;
        }
        let (t, e) = (bd.targets[0].block, bd.targets[1].block);
        let cond = bd.args[0];
        // A branch on a compare: the true side knows it.
        if let Some(cmp) = def_inst(f, cond) {
            let cd = &f.dfg.insts[cmp];
            if cd.opcode == Opcode::Icmp && sole_pred(t, b) {
                let (x, y) = (cd.args[0], cd.args[1]);
                let fact = match cd.imm {
                    ir::Imm::Cond(IntCC::Slt) => Some((x, y, false)),
                    ir::Imm::Cond(IntCC::Ult) => Some((x, y, true)),
                    ir::Imm::Cond(IntCC::Sgt) => Some((y, x, false)),
                    ir::Imm::Cond(IntCC::Ugt) => Some((y, x, true)),
                    _ => None,
                };
                if let Some((i, n, unsigned)) = fact {
                    out.push(Fact {
                        i,
                        n,
                        at: t,
                        unsigned,
                    });
                }
            }
        }
        // `check_index i, n; v = panicking; brif v, P, E`: E knows `0 <= i < n`.
        if let [.., check, test, _] = insts.as_slice() {
            let (kd, td) = (&f.dfg.insts[*check], &f.dfg.insts[*test]);
            if kd.opcode == Opcode::CheckIndex
                && td.opcode == Opcode::Panicking
                && cond == f.dfg.first_result(*test)
                && sole_pred(e, b)
            {
                out.push(Fact {
                    i: kd.args[0],
                    n: kd.args[1],
                    at: e,
                    unsigned: true,
                });
            }
        }
    }
    out
}

fn def_inst(f: &Function, v: Value) -> Option<Inst> {
    match f.dfg.values[v].def {
        ValueDef::Result(i, _) => Some(i),
        ValueDef::Param(..) => None,
    }
}

/// Whether `0 <= i < len` holds in block `b`.
fn in_bounds(f: &Function, dt: &DomTree, facts: &[Fact], b: Block, i: Value, len: Value) -> bool {
    facts.iter().any(|x| {
        x.i == i
            && same_length(f, x.n, len)
            && dt.dominates(x.at, b)
            && (x.unsigned || non_negative(f, dt, facts, i))
    })
}

/// Two values that are the same length: the same value, or the length of the same
/// slice or string value.
fn same_length(f: &Function, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let len_of = |v: Value| {
        let d = &f.dfg.insts[def_inst(f, v)?];
        matches!(d.opcode, Opcode::SliceLen | Opcode::StrLen).then(|| (d.opcode, d.args[0]))
    };
    matches!((len_of(a), len_of(b)), (Some(x), Some(y)) if x == y)
}

fn non_negative(f: &Function, dt: &DomTree, facts: &[Fact], v: Value) -> bool {
    match f.dfg.values[v].def {
        ValueDef::Result(i, _) => {
            let d = &f.dfg.insts[i];
            match d.opcode {
                Opcode::Iconst => matches!(d.imm, ir::Imm::Int(n) if n >= 0),
                Opcode::SliceLen | Opcode::StrLen => true,
                _ => false,
            }
        }
        ValueDef::Param(h, k) => {
            let mut incoming = Vec::new();
            for &b in &f.layout.blocks {
                let Some(t) = f.terminator(b) else { continue };
                for c in &f.dfg.insts[t].targets {
                    if c.block == h {
                        incoming.push(c.args[k as usize]);
                    }
                }
            }
            !incoming.is_empty()
                && incoming
                    .iter()
                    .all(|&a| counter_step(f, dt, facts, v, a) || constant_non_negative(f, a))
        }
    }
}

fn constant_non_negative(f: &Function, v: Value) -> bool {
    def_inst(f, v).is_some_and(|i| {
        let d = &f.dfg.insts[i];
        d.opcode == Opcode::Iconst && matches!(d.imm, ir::Imm::Int(n) if n >= 0)
    })
}

/// `a` is `iadd p, 1` (either order) computed in a block where `p < n` holds for some
/// `n`: it cannot wrap, and it is `>= 0` when `p` is.
fn counter_step(f: &Function, dt: &DomTree, facts: &[Fact], p: Value, a: Value) -> bool {
    let Some(i) = def_inst(f, a) else {
        return false;
    };
    let d = &f.dfg.insts[i];
    if d.opcode != Opcode::Iadd || d.ty != Some(ir::Type::I64) {
        return false;
    }
    let one = |v: Value| {
        def_inst(f, v).is_some_and(|c| {
            let cd = &f.dfg.insts[c];
            cd.opcode == Opcode::Iconst && matches!(cd.imm, ir::Imm::Int(1))
        })
    };
    let steps = (d.args[0] == p && one(d.args[1])) || (d.args[1] == p && one(d.args[0]));
    let Some(at) = block_of(f, i) else {
        return false;
    };
    // An unsigned `p < n` bounds `p + 1` only when `n` is a length (`<= i64::MAX`).
    steps
        && facts
            .iter()
            .any(|x| x.i == p && dt.dominates(x.at, at) && (!x.unsigned || is_length(f, x.n)))
}

fn is_length(f: &Function, v: Value) -> bool {
    def_inst(f, v)
        .is_some_and(|i| matches!(f.dfg.insts[i].opcode, Opcode::SliceLen | Opcode::StrLen))
}

fn block_of(f: &Function, inst: Inst) -> Option<Block> {
    f.layout
        .blocks
        .iter()
        .copied()
        .find(|&b| f.layout.insts[b].contains(&inst))
}

/// `v` is `index_addr (slice_ptr s), i` of a sized element with `i < slice_len s`
/// proven in `b`.
fn element_of_checked(
    f: &Function,
    dt: &DomTree,
    facts: &[Fact],
    b: Block,
    v: Value,
    sized: &HashSet<Inst>,
) -> bool {
    let Some(ia) = def_inst(f, v) else {
        return false;
    };
    let d = &f.dfg.insts[ia];
    if d.opcode != Opcode::IndexAddr || !sized.contains(&ia) {
        return false;
    }
    let (p, i) = (d.args[0], d.args[1]);
    let Some(pi) = def_inst(f, p) else {
        return false;
    };
    let pd = &f.dfg.insts[pi];
    if pd.opcode != Opcode::SlicePtr {
        return false;
    }
    let s = pd.args[0];
    facts.iter().any(|x| {
        x.i == i
            && dt.dominates(x.at, b)
            && def_inst(f, x.n).is_some_and(|n| {
                let nd = &f.dfg.insts[n];
                nd.opcode == Opcode::SliceLen && nd.args[0] == s
            })
            && (x.unsigned || non_negative(f, dt, facts, i))
    })
}
