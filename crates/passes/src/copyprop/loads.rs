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
use ir::{Block, Function, Imm, Opcode, SecondaryMap, Value, ValueDef};

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
