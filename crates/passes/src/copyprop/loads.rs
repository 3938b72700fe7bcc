//! Redundant loads (a local slice of gc's memory-SSA forwarding): a `load` from an
//! address that was stored to or loaded from earlier on the only path to it (in its
//! block, or in the chain of single-predecessor blocks that leads to it), with
//! nothing in between that may have written there, reads the value stored or loaded,
//! and its result becomes a copy of that value. After inlining, `p.SetX(p.X() + dx); sum += p.X()`
//! loads `p.x` right after storing it; the load goes and the sum adds the stored
//! value (no store-to-load round trip through memory in the loop).
//!
//! What may write memory between the two: a `store` to an address not provably
//! disjoint from the remembered one (it forgets that one; it remembers its own), and
//! any instruction that is not in [`reads_only`] (calls, runtime calls, allocations,
//! defers), which forgets everything. Two addresses are the *same* when they are one
//! value or are computed alike from the same operands (`field_addr` of the same base
//! and field, `index_addr` of the same base, index and element type, recursively);
//! they are *disjoint* when they are different fields of the same base (so a store to
//! `p.y` keeps what is known of `p.x`). Anything else may overlap. A load is replaced
//! only by a value of its own type. The subset has no goroutines, so only the
//! function's own code (and what it calls) writes memory while it runs.

use ir::dominance::ControlFlowGraph;
use ir::{Block, Function, Imm, Inst, Opcode, SecondaryMap, Value, ValueDef};

/// Makes each redundant load's result a copy (in `alias`) of the value it would read;
/// returns whether it found one.
/// `rpo` is the reachable blocks in reverse postorder, so a block's only predecessor,
/// unless it is a back edge (the block itself), is visited before it.
pub(super) fn forward(
    f: &Function,
    rpo: &[Block],
    alias: &mut SecondaryMap<Value, Option<Value>>,
) -> bool {
    let cfg = ControlFlowGraph::compute(f);
    let mut changed = false;
    // What is known at the end of each visited block: (address, the value memory
    // holds there).
    let mut out: SecondaryMap<Block, Option<Vec<(Value, Value)>>> = SecondaryMap::new();
    let mut reachable: SecondaryMap<Block, bool> = SecondaryMap::new();
    for &b in rpo {
        reachable[b] = true;
    }
    for &b in rpo {
        // A block unreachable now (its branch folded) is no predecessor.
        let mut preds = cfg.preds[b].iter().filter(|&&p| reachable[p]);
        let mut known: Vec<(Value, Value)> = match (preds.next(), preds.next()) {
            (Some(&p), None) if p != b => out[p].clone().unwrap_or_default(),
            _ => Vec::new(),
        };
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            match d.opcode {
                Opcode::Load => {
                    let (p, r) = (d.args[0], f.dfg.first_result(i));
                    if alias[r].is_some() {
                        continue;
                    }
                    let ty = f.dfg.value_type(r);
                    let hit = known
                        .iter()
                        .find(|&&(a, v)| same(f, a, p) && f.dfg.value_type(v) == ty);
                    match hit {
                        Some(&(_, v)) => {
                            alias[r] = Some(v);
                            changed = true;
                        }
                        None => known.push((p, r)),
                    }
                }
                Opcode::Store => {
                    let (p, v) = (d.args[0], d.args[1]);
                    known.retain(|&(a, _)| disjoint(f, a, p));
                    known.push((p, v));
                }
                op if reads_only(op) => {}
                _ => known.clear(),
            }
        }
        out[b] = Some(known);
    }
    changed
}

/// Removes the stores that change nothing: one that writes the value its address is
/// known to hold (what was stored or loaded there on the only path to it, as in
/// [`forward`]), and one overwritten later by a store to the same address, in its
/// block or in the chain of blocks it jumps on to (each the only successor of the one
/// before, and its only predecessor), with nothing in between that may read it (a load of an address that may
/// overlap, or anything that is not a plain computation: a call, a check, whose
/// panic runs deferred calls that may read it). Returns whether it removed one.
pub(super) fn dead_stores(
    f: &mut Function,
    rpo: &[Block],
    alias: &SecondaryMap<Value, Option<Value>>,
) -> bool {
    let res = |v: Value| super::resolve(alias, v);
    let cfg = ControlFlowGraph::compute(f);
    let mut reachable: SecondaryMap<Block, bool> = SecondaryMap::new();
    for &b in rpo {
        reachable[b] = true;
    }
    let mut out: SecondaryMap<Block, Option<Vec<(Value, Value)>>> = SecondaryMap::new();
    // Stores nothing has read yet at the end of a block that jumps on (its only
    // successor runs next, whatever happens).
    let mut out_unread: SecondaryMap<Block, Option<Vec<Unread>>> = SecondaryMap::new();
    let mut dead: Vec<(Block, Inst)> = Vec::new();
    for &b in rpo {
        let mut preds = cfg.preds[b].iter().filter(|&&p| reachable[p]);
        let only = match (preds.next(), preds.next()) {
            (Some(&p), None) if p != b => Some(p),
            _ => None,
        };
        let mut known: Vec<(Value, Value)> = only.and_then(|p| out[p].clone()).unwrap_or_default();
        let mut unread: Vec<(Block, Value, Inst)> =
            only.and_then(|p| out_unread[p].clone()).unwrap_or_default();
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            match d.opcode {
                Opcode::Load => {
                    // A load already found redundant reads nothing that matters: its
                    // result is a copy and the load itself is left for `dce`.
                    let r = f.dfg.first_result(i);
                    if alias[r].is_some() {
                        continue;
                    }
                    let p = d.args[0];
                    unread.retain(|&(_, a, _)| disjoint(f, a, p));
                    known.push((p, r));
                }
                Opcode::Store => {
                    let (p, v) = (res(d.args[0]), res(d.args[1]));
                    if known.iter().any(|&(a, w)| same(f, a, p) && res(w) == v) {
                        dead.push((b, i));
                        continue;
                    }
                    // Only a store of the same width covers the earlier one.
                    let ty = f.dfg.value_type(v);
                    let covers = |&(_, a, si): &Unread| {
                        same(f, a, p) && f.dfg.value_type(f.dfg.insts[si].args[1]) == ty
                    };
                    if let Some(k) = unread.iter().position(covers) {
                        let (sb, _, si) = unread.remove(k);
                        dead.push((sb, si));
                    }
                    unread.push((b, p, i));
                    known.retain(|&(a, _)| disjoint(f, a, p));
                    known.push((p, v));
                }
                Opcode::Jump => {}
                op if computes_only(op) => {}
                op => {
                    unread.clear();
                    if !reads_only(op) {
                        known.clear();
                    }
                }
            }
        }
        let jumps = f
            .terminator(b)
            .is_some_and(|t| f.dfg.insts[t].opcode == Opcode::Jump);
        out_unread[b] = jumps.then_some(unread);
        out[b] = Some(known);
    }
    for &(b, i) in &dead {
        f.remove_inst(b, i);
    }
    !dead.is_empty()
}

/// A store nothing has read yet: its block, its address, the store.
type Unread = (Block, Value, Inst);

/// Opcodes that neither touch memory nor can panic: they cannot observe a store.
fn computes_only(op: Opcode) -> bool {
    reads_only(op)
        && !matches!(
            op,
            Opcode::Load
                | Opcode::Unbox
                | Opcode::TypeIs
                | Opcode::EnvGet
                | Opcode::IfaceType
                | Opcode::Sdiv
                | Opcode::Udiv
                | Opcode::Srem
                | Opcode::Urem
                | Opcode::CheckNil
                | Opcode::CheckIndex
                | Opcode::CheckSlice
                | Opcode::CheckSlice3
                | Opcode::CheckDiv
                | Opcode::CheckShift
        )
}

/// Whether `a` and `b` are the same address.
fn same(f: &Function, a: Value, b: Value) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (def(f, a), def(f, b)) else {
        return false;
    };
    let (dx, dy) = (&f.dfg.insts[x], &f.dfg.insts[y]);
    match (dx.opcode, dy.opcode) {
        (Opcode::FieldAddr, Opcode::FieldAddr) => {
            dx.imm == dy.imm && same(f, dx.args[0], dy.args[0])
        }
        (Opcode::IndexAddr, Opcode::IndexAddr) => {
            dx.ty == dy.ty && dx.args[1] == dy.args[1] && same(f, dx.args[0], dy.args[0])
        }
        _ => false,
    }
}

/// Whether `a` and `b` cannot overlap: different fields of the same base.
fn disjoint(f: &Function, a: Value, b: Value) -> bool {
    let (Some(x), Some(y)) = (def(f, a), def(f, b)) else {
        return false;
    };
    let (dx, dy) = (&f.dfg.insts[x], &f.dfg.insts[y]);
    matches!(
        (dx.opcode, dy.opcode, &dx.imm, &dy.imm),
        (Opcode::FieldAddr, Opcode::FieldAddr, Imm::Field(s, i), Imm::Field(t, j))
            if s == t && i != j
    ) && same(f, dx.args[0], dy.args[0])
}

fn def(f: &Function, v: Value) -> Option<ir::Inst> {
    match f.dfg.values[v].def {
        ValueDef::Result(i, _) => Some(i),
        ValueDef::Param(..) => None,
    }
}

/// Opcodes that write no memory the function can read: pure operations, address
/// arithmetic, loads, the panic flag's test, the checks (which only panic) and the
/// branches.
fn reads_only(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        Iconst
            | Sconst
            | Zero
            | FuncRef
            | GlobalAddr
            | TypeDesc
            | Iadd
            | Isub
            | Imul
            | Sdiv
            | Udiv
            | Srem
            | Urem
            | Band
            | Bor
            | Bxor
            | BandNot
            | Ishl
            | Ushr
            | Sshr
            | Ineg
            | Bnot
            | Not
            | Icmp
            | Select
            | Sext
            | Uext
            | Trunc
            | Fconst
            | Fadd
            | Fsub
            | Fmul
            | Fdiv
            | Fneg
            | Fcmp
            | FcvtFromSint
            | FcvtFromUint
            | FcvtToSint
            | FcvtToUint
            | Fpromote
            | Fdemote
            | Load
            | FieldAddr
            | IndexAddr
            | StructNew
            | StructGet
            | StructSet
            | StrNew
            | StrPtr
            | StrLen
            | SliceNew
            | SlicePtr
            | SliceLen
            | SliceCap
            | IfaceType
            | Unbox
            | TypeIs
            | EnvGet
            | Panicking
            | CheckNil
            | CheckIndex
            | CheckSlice
            | CheckSlice3
            | CheckDiv
            | CheckShift
            | Jump
            | Brif
    )
}
