//! `copyprop`: folds integer and boolean operations on constants, forwards every use of
//! a copy to the value it copies, folds `panicking` and `defer_enter` where the panic
//! flag is known to be clear, removes checks that cannot fail, and turns a `brif` on a
//! constant into a `jump`.
//!
//! **Requires:** a verified function.
//!
//! **Establishes:** no placed instruction reads a value that is a copy (an identity
//! operation such as `iadd x, 0` or `select c, x, x`, or a block parameter that receives
//! the same value on every reachable edge; such parameters are removed with the branch
//! arguments that fed them); every foldable operation on constants is an `iconst` with
//! its result value unchanged; no `brif` tests a constant; no `check_div` or
//! `check_shift` tests a constant that cannot fail, and no `check_nil` tests the
//! address of an object just made (`stack_alloc`, `alloc`, closures, `global_addr`);
//! no `panicking` is read where no instruction that may panic
//! (`ir::panicflag::may_panic`: a call of a `nopanic` function cannot) can have run
//! since the flag was last known clear (it is `iconst.bool 0`, so its branch to the
//! panic path goes), and no `defer_enter` either (it is `iconst.i64 0`: the token of no
//! panic; an open-coded call at an exit only normal paths reach pays for neither).
//! With token 0, `recover` is `zero.iface` (only a panic's own token recovers) and
//! `defer_exit` is removed, unless it stands in for the panic test of the instruction
//! before it (which may panic, in its block or before a jump to it). The type word of
//! a nil interface is null, and `icmp` of two `zero`s is a constant, so `recover() !=
//! nil` with token 0 is `false`. No `load` reads what its block last stored to, or
//! loaded from, the same address with nothing in between that may write there
//! (`loads.rs`: its result is a copy of that value); no `store` writes the value its
//! address is known to hold, or is overwritten in its block before anything may read
//! it. Instructions left without uses
//! stay in place for `dce`; blocks left without predecessors stay for `simplify_cfg`.
//!
//! **Remarks:** `removed check_div: the divisor is the constant N`, `removed
//! check_shift: the shift count is the constant N` (a check that cannot fail).
//!
//! Semantics are Go's, so folding never changes what a program does: arithmetic wraps at
//! the width of the instruction's type (`int32` overflow wraps at 32 bits), shifts by a
//! count of at least the width give 0 (or the sign for `sshr`), and `MinInt / -1` is
//! `MinInt` with remainder 0 (Go's spec; no panic). Nothing that may panic is folded:
//! a division by the constant zero stays a division behind its `check_div`, which stays
//! too and panics at run time, as does a `check_shift` of a negative constant.
//!
//! Constants are the results of `iconst` and of `zero` of an integer or `bool` type,
//! held as their value sign-extended from the type's width (a `bool` is 0 or 1; an
//! `iconst.bool` with any other immediate is not treated as a constant). A folded
//! instruction is rewritten in place into `iconst.T n`, so its result keeps its name
//! and later dumps line up.
//!
//! The panic flag is clear when a function starts, stays clear until an instruction
//! that may panic runs, is cleared by `defer_enter`, and is clear on the `else` edge of
//! the `brif` that tests it (`flag_clear`, a forward must-analysis). So the test left
//! after a `check_div` of a nonzero constant went, or after a call whose block was
//! merged away, folds too.
//!
//! The algorithm visits the reachable blocks in reverse postorder, so every operand
//! defined by an instruction is seen before its users, rewriting each instruction's
//! operands through the copies found so far and then simplifying it. Block parameters
//! are then checked against their incoming arguments on reachable edges. Both steps
//! repeat until nothing changes, because folding a `brif` removes an edge, which can
//! make a parameter a copy, which can make another `brif` constant.

mod loads;
mod panic_edges;

use crate::PassContext;
use ir::dominance::DomTree;
use ir::panicflag::{flag_after, flag_clear, may_panic};
use ir::{Block, FuncId, Function, Imm, Inst, InstData, IntCC, Module, Opcode, SecondaryMap};
use ir::{Type, Value, ValueDef};

pub fn run(m: &mut Module, cx: &mut PassContext) {
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        // The function is taken out while it changes; the module keeps a stand-in
        // with its `nopanic` mark for the flag analysis of its recursive calls.
        let f = &m.funcs[id];
        let mut stand_in = Function::new(f.name.clone(), f.sig.clone());
        stand_in.nopanic = f.nopanic;
        let mut f = std::mem::replace(&mut m.funcs[id], stand_in);
        run_function(m, &mut f, cx);
        m.funcs[id] = f;
    }
}

fn run_function(m: &Module, f: &mut Function, cx: &mut PassContext) {
    let mut st = State {
        alias: SecondaryMap::new(),
        consts: SecondaryMap::new(),
    };
    let mut removed_params: Vec<Value> = Vec::new();
    loop {
        let mut changed = false;
        let dt = DomTree::compute(f);
        let clear_in = flag_clear(m, f, &dt);
        for &b in dt.rpo() {
            let mut clear = clear_in[b];
            for inst in f.layout.insts[b].clone() {
                let alias = &st.alias;
                f.dfg.map_uses(inst, |v| resolve(alias, v));
                // Where the flag is known clear, `panicking` reads false and
                // `defer_enter` returns token 0 (no panic is running; clearing the flag
                // changes nothing), so the `defer_exit` of that token does nothing.
                let op = f.dfg.insts[inst].opcode;
                if clear && matches!(op, Opcode::Panicking | Opcode::DeferEnter) {
                    let r = f.dfg.first_result(inst);
                    let ty = if op == Opcode::Panicking {
                        Type::Bool
                    } else {
                        Type::I64
                    };
                    f.dfg.insts[inst] = InstData::new(Opcode::Iconst).ty(ty).imm(Imm::Int(0));
                    st.consts[r] = Some(0);
                    changed = true;
                    continue;
                }
                clear = flag_after(m, &f.dfg.insts[inst], clear);
                changed |= st.simplify(m, f, b, inst, cx);
            }
        }
        changed |= loads::forward(f, dt.rpo(), &mut st.alias);
        changed |= loads::dead_stores(f, dt.rpo(), &st.alias);
        changed |= st.copy_params(f, &dt, &mut removed_params);
        changed |= panic_edges::redundant_checks(f, &dt);
        changed |= panic_edges::thread_panicking(f);
        if !changed {
            break;
        }
    }
    let alias = &st.alias;
    f.map_all_uses(|v| resolve(alias, v));
    // Remove the parameters that turned out to be copies (now unused), highest index
    // first within each block so the indices of the others stay valid.
    let mut params: Vec<(Block, usize)> = removed_params
        .iter()
        .map(|&p| match f.dfg.values[p].def {
            ValueDef::Param(b, k) => (b, k as usize),
            ValueDef::Result(..) => unreachable!("only parameters are collected"),
        })
        .collect();
    params.sort_by(|a, b| b.cmp(a));
    for (b, k) in params {
        f.remove_block_param(b, k);
    }
}

/// Whether `inst` (a `defer_exit`) is where a panic of the instruction before it is
/// taken: what precedes it in its block may panic, or, when it starts its block, what
/// precedes a jump to it.
fn tests_panic(m: &Module, f: &Function, b: Block, inst: Inst) -> bool {
    let before_last =
        |blk: Block, k: usize| k > 0 && may_panic(m, &f.dfg.insts[f.layout.insts[blk][k - 1]]);
    match f.layout.insts[b].iter().position(|&i| i == inst) {
        None => true,
        Some(0) => f.layout.blocks.iter().any(|&p| {
            let insts = &f.layout.insts[p];
            insts.last().is_some_and(|&t| {
                let d = &f.dfg.insts[t];
                d.opcode == Opcode::Jump
                    && d.targets[0].block == b
                    && before_last(p, insts.len() - 1)
            })
        }),
        Some(k) => before_last(b, k),
    }
}

/// Whether `v` is the address of an object just made (which is never nil).
fn is_object(f: &Function, v: Value) -> bool {
    use Opcode::*;
    matches!(f.dfg.values[v].def,
        ValueDef::Result(i, _) if matches!(f.dfg.insts[i].opcode,
            StackAlloc | Alloc | AllocArray | StackClosure | Closure | FuncRef | GlobalAddr))
}

/// Whether `v` is the result of a `zero` (of any type).
fn is_zero(f: &Function, v: Value) -> bool {
    matches!(f.dfg.values[v].def,
        ValueDef::Result(i, _) if f.dfg.insts[i].opcode == Opcode::Zero)
}

/// Follows the copy chain from `v` to the value it copies.
fn resolve(alias: &SecondaryMap<Value, Option<Value>>, mut v: Value) -> Value {
    // A chain is acyclic (each link points to a value whose definition strictly
    // dominates the copy), but bound the walk anyway.
    for _ in 0..1_000_000 {
        match alias[v] {
            Some(w) => v = w,
            None => return v,
        }
    }
    v
}

struct State {
    /// `alias[v] = Some(w)`: `v` is a copy of `w`.
    alias: SecondaryMap<Value, Option<Value>>,
    /// The value of each constant, sign-extended from its type's width.
    consts: SecondaryMap<Value, Option<i64>>,
}

/// The result of simplifying an instruction.
enum Simple {
    Const(i64),
    Copy(Value),
}

impl State {
    fn konst(&self, v: Value) -> Option<i64> {
        self.consts[v]
    }

    /// Simplifies one instruction whose operands are already resolved; returns whether
    /// it changed anything.
    fn simplify(
        &mut self,
        m: &Module,
        f: &mut Function,
        b: Block,
        inst: Inst,
        cx: &mut PassContext,
    ) -> bool {
        let d = &f.dfg.insts[inst];
        match d.opcode {
            Opcode::Iconst | Opcode::Zero => {
                let r = f.dfg.first_result(inst);
                let ty = f.dfg.value_type(r);
                let n = match (d.opcode, &d.imm) {
                    (Opcode::Iconst, &Imm::Int(n)) => n,
                    (Opcode::Zero, _) => 0,
                    _ => return false,
                };
                if self.consts[r].is_none() && (ty.is_int() || (ty == Type::Bool && n & 1 == n)) {
                    self.consts[r] = Some(norm(ty, n));
                }
                false
            }
            Opcode::Brif => {
                let Some(c) = self.konst(d.args[0]) else {
                    return false;
                };
                let taken = d.targets[if c != 0 { 0 } else { 1 }].clone();
                f.dfg.insts[inst] = InstData::new(Opcode::Jump).targets(vec![taken]);
                true
            }
            // `recover 0` is nil (token 0 is the token of no panic), and `defer_exit 0`
            // does nothing (the deferred call ran with no panic in flight). It stays
            // where it stands in for the panic test of the call before it (which may
            // panic, or jumps to it).
            Opcode::Recover if self.konst(d.args[0]) == Some(0) => {
                f.dfg.insts[inst] = InstData::new(Opcode::Zero).ty(Type::Iface);
                true
            }
            Opcode::DeferExit
                if self.konst(d.args[0]) == Some(0) && !tests_panic(m, f, b, inst) =>
            {
                f.remove_inst(b, inst);
                true
            }
            // Frame slots, heap objects, closures and globals are never nil.
            Opcode::CheckNil if is_object(f, d.args[0]) => {
                f.remove_inst(b, inst);
                true
            }
            // The type word of a nil interface is null, and null equals null.
            Opcode::IfaceType if is_zero(f, d.args[0]) => {
                f.dfg.insts[inst] = InstData::new(Opcode::Zero).ty(Type::Ptr);
                true
            }
            Opcode::Icmp if is_zero(f, d.args[0]) && is_zero(f, d.args[1]) => {
                let Imm::Cond(cc) = d.imm else { return false };
                let r = f.dfg.first_result(inst);
                let n = i64::from(matches!(
                    cc,
                    IntCC::Eq | IntCC::Sle | IntCC::Sge | IntCC::Ule | IntCC::Uge
                ));
                f.dfg.insts[inst] = InstData::new(Opcode::Iconst)
                    .ty(Type::Bool)
                    .imm(Imm::Int(n));
                self.consts[r] = Some(n);
                true
            }
            Opcode::CheckDiv | Opcode::CheckShift => {
                let arg = d.args[0];
                let Some(n) = self.konst(arg) else {
                    return false;
                };
                let op = d.opcode;
                let (fails, what) = match op {
                    Opcode::CheckDiv => (n == 0, "the divisor"),
                    _ => (n < 0, "the shift count"),
                };
                if fails {
                    return false;
                }
                f.remove_inst(b, inst);
                let loc = f.srclocs[inst];
                cx.remark(
                    &f.name,
                    loc,
                    format!("removed {op}: {what} is the constant {n}"),
                );
                true
            }
            _ => {
                let [r] = f.dfg.inst_results(inst) else {
                    return false;
                };
                let r = *r;
                if self.alias[r].is_some() || self.consts[r].is_some() {
                    return false;
                }
                let ty = f.dfg.value_type(r);
                match self.fold(f, inst, ty) {
                    None => false,
                    Some(Simple::Copy(v)) => {
                        self.alias[r] = Some(v);
                        true
                    }
                    Some(Simple::Const(n)) => {
                        let n = norm(ty, n);
                        f.dfg.insts[inst] = InstData::new(Opcode::Iconst).ty(ty).imm(Imm::Int(n));
                        self.consts[r] = Some(n);
                        true
                    }
                }
            }
        }
    }

    /// What an instruction with one result of type `ty` simplifies to, if anything.
    fn fold(&self, f: &Function, inst: Inst, ty: Type) -> Option<Simple> {
        use Opcode::*;
        let d = &f.dfg.insts[inst];
        let arg_ty = |i: usize| f.dfg.value_type(d.args[i]);
        let k = |i: usize| self.konst(d.args[i]);
        let numeric = ty.is_int() || ty == Type::Bool;
        match d.opcode {
            Iadd | Isub | Imul | Sdiv | Udiv | Srem | Urem | Band | Bor | Bxor | BandNot
                if numeric =>
            {
                let (x, y) = (d.args[0], d.args[1]);
                if let (Some(a), Some(b)) = (k(0), k(1)) {
                    return binary(d.opcode, ty, a, b).map(Simple::Const);
                }
                // `(x + c) - c` and `(x - c) + c` are `x` (wrapping both ways): a
                // counter incremented by an inlined lock and decremented by its unlock.
                if let (Some(c), ValueDef::Result(inner, 0)) = (k(1), f.dfg.values[x].def) {
                    let id = &f.dfg.insts[inner];
                    let undoes = matches!((d.opcode, id.opcode), (Iadd, Isub) | (Isub, Iadd));
                    if undoes && id.ty == d.ty && self.konst(id.args[1]) == Some(c) {
                        return Some(Simple::Copy(self.resolved(id.args[0])));
                    }
                }
                binary_identity(d.opcode, ty, x, y, k(0), k(1))
            }
            Ishl | Ushr | Sshr if ty.is_int() => match (k(0), k(1)) {
                (Some(a), Some(c)) => Some(Simple::Const(shift(
                    d.opcode,
                    ty,
                    a,
                    unsigned(arg_ty(1), c),
                ))),
                (_, Some(0)) => Some(Simple::Copy(d.args[0])),
                _ => None,
            },
            Ineg | Bnot | Not => {
                if let Some(a) = k(0) {
                    return Some(Simple::Const(match d.opcode {
                        Ineg => a.wrapping_neg(),
                        Bnot => !a,
                        _ => 1 - a,
                    }));
                }
                // A double negation or complement is the original value.
                let ValueDef::Result(inner, 0) = f.dfg.values[d.args[0]].def else {
                    return None;
                };
                let id = &f.dfg.insts[inner];
                (id.opcode == d.opcode).then(|| Simple::Copy(self.resolved(id.args[0])))
            }
            Icmp => {
                let Imm::Cond(cc) = d.imm else { return None };
                let t = arg_ty(0);
                if d.args[0] == d.args[1] {
                    let same = matches!(
                        cc,
                        IntCC::Eq | IntCC::Sle | IntCC::Sge | IntCC::Ule | IntCC::Uge
                    );
                    return Some(Simple::Const(same as i64));
                }
                let (a, b) = (k(0)?, k(1)?);
                Some(Simple::Const(compare(cc, t, a, b) as i64))
            }
            Select => {
                let (c, x, y) = (d.args[0], d.args[1], d.args[2]);
                if x == y {
                    return Some(Simple::Copy(x));
                }
                let c = self.konst(c)?;
                Some(Simple::Copy(if c != 0 { x } else { y }))
            }
            Sext | Uext | Trunc => {
                let from = arg_ty(0);
                if from == ty {
                    return Some(Simple::Copy(d.args[0]));
                }
                let a = k(0)?;
                Some(Simple::Const(match d.opcode {
                    Uext => unsigned(from, a) as i64,
                    _ => a, // already sign-extended; `norm` truncates to `ty`
                }))
            }
            _ => None,
        }
    }

    fn resolved(&self, v: Value) -> Value {
        resolve(&self.alias, v)
    }

    /// Finds block parameters that receive the same value (or themselves) on every
    /// reachable edge, records them as copies and collects them for removal.
    fn copy_params(&mut self, f: &Function, dt: &DomTree, removed: &mut Vec<Value>) -> bool {
        // The resolved incoming arguments of each parameter, over reachable edges.
        let mut incoming: SecondaryMap<Block, Vec<Vec<Value>>> = SecondaryMap::new();
        for &b in dt.rpo() {
            let Some(t) = f.terminator(b) else { continue };
            for call in &f.dfg.insts[t].targets {
                let args: Vec<Value> = call.args.iter().map(|&v| self.resolved(v)).collect();
                incoming[call.block].push(args);
            }
        }
        let mut changed = false;
        for &b in dt.rpo().iter().skip(1) {
            for (k, &p) in f.dfg.block_params(b).iter().enumerate() {
                if self.alias[p].is_some() {
                    continue;
                }
                let mut source: Option<Value> = None;
                let mut unique = true;
                for args in &incoming[b] {
                    let Some(&a) = args.get(k) else {
                        unique = false;
                        break;
                    };
                    if a == p || source == Some(a) {
                        continue;
                    }
                    if source.is_some() {
                        unique = false;
                        break;
                    }
                    source = Some(a);
                }
                if let (true, Some(v)) = (unique, source) {
                    self.alias[p] = Some(v);
                    removed.push(p);
                    changed = true;
                }
            }
        }
        changed
    }
}

/// `n` truncated to the width of `ty` and sign-extended back (a `bool` keeps its low
/// bit).
fn norm(ty: Type, n: i64) -> i64 {
    match ty {
        Type::Bool => n & 1,
        _ => {
            let shift = 64 - ty.bits();
            (n << shift) >> shift
        }
    }
}

/// The unsigned value of a constant of type `ty` (held sign-extended).
fn unsigned(ty: Type, n: i64) -> u64 {
    match ty.bits() {
        64 => n as u64,
        w => (n as u64) & ((1u64 << w) - 1),
    }
}

/// `a op b` at the width of `ty`, or `None` where the operation is not folded (a
/// division by zero, which panics at run time behind its `check_div`).
fn binary(op: Opcode, ty: Type, a: i64, b: i64) -> Option<i64> {
    use Opcode::*;
    let (ua, ub) = (unsigned(ty, a), unsigned(ty, b));
    if matches!(op, Sdiv | Srem | Udiv | Urem) && ub == 0 {
        return None;
    }
    Some(match op {
        Iadd => a.wrapping_add(b),
        Isub => a.wrapping_sub(b),
        Imul => a.wrapping_mul(b),
        // Operands are sign-extended, so below 64 bits these cannot overflow and `norm`
        // wraps the result; at 64 bits `wrapping_*` gives Go's `MinInt / -1 == MinInt`
        // and `MinInt % -1 == 0`.
        Sdiv => a.wrapping_div(b),
        Srem => a.wrapping_rem(b),
        Udiv => (ua / ub) as i64,
        Urem => (ua % ub) as i64,
        Band => a & b,
        Bor => a | b,
        Bxor => a ^ b,
        BandNot => a & !b,
        _ => return None,
    })
}

/// Identities of a binary operation with at most one constant operand.
fn binary_identity(
    op: Opcode,
    ty: Type,
    x: Value,
    y: Value,
    kx: Option<i64>,
    ky: Option<i64>,
) -> Option<Simple> {
    use Opcode::*;
    let ones = norm(ty, -1);
    let copy = |v| Some(Simple::Copy(v));
    let konst = |n| Some(Simple::Const(n));
    match (op, kx, ky) {
        (Iadd | Bor | Bxor, Some(0), _) => copy(y),
        (Iadd | Isub | Bor | Bxor | BandNot, _, Some(0)) => copy(x),
        (Imul, Some(1), _) => copy(y),
        (Imul | Sdiv | Udiv, _, Some(1)) => copy(x),
        (Band, Some(n), _) if n == ones => copy(y),
        (Band, _, Some(n)) if n == ones => copy(x),
        (Imul | Band, Some(0), _) | (Imul | Band, _, Some(0)) => konst(0),
        (Bor, Some(n), _) | (Bor, _, Some(n)) if n == ones => konst(ones),
        (Urem, _, Some(1)) => konst(0),
        (Srem, _, Some(n)) if n == 1 || n == -1 => konst(0),
        (Band | Bor, _, _) if x == y => copy(x),
        (Isub | Bxor | BandNot, _, _) if x == y => konst(0),
        _ => None,
    }
}

/// A shift at the width of `ty` by an unsigned count, with Go's semantics for counts
/// of at least the width.
fn shift(op: Opcode, ty: Type, a: i64, count: u64) -> i64 {
    let w = u64::from(ty.bits());
    match op {
        Opcode::Ishl if count < w => a << count,
        Opcode::Ushr if count < w => (unsigned(ty, a) >> count) as i64,
        // `a` is sign-extended, so shifting the 64-bit value shifts in the sign.
        Opcode::Sshr => a >> count.min(w - 1),
        _ => 0,
    }
}

fn compare(cc: IntCC, ty: Type, a: i64, b: i64) -> bool {
    let (ua, ub) = (unsigned(ty, a), unsigned(ty, b));
    match cc {
        IntCC::Eq => a == b,
        IntCC::Ne => a != b,
        IntCC::Slt => a < b,
        IntCC::Sle => a <= b,
        IntCC::Sgt => a > b,
        IntCC::Sge => a >= b,
        IntCC::Ult => ua < ub,
        IntCC::Ule => ua <= ub,
        IntCC::Ugt => ua > ub,
        IntCC::Uge => ua >= ub,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_wraps_at_the_type_width() {
        assert_eq!(
            norm(Type::I32, i64::from(i32::MAX) + 1),
            i64::from(i32::MIN)
        );
        assert_eq!(norm(Type::I8, 255), -1);
        let min = i64::MIN;
        assert_eq!(binary(Opcode::Sdiv, Type::I64, min, -1), Some(min));
        assert_eq!(binary(Opcode::Srem, Type::I64, min, -1), Some(0));
        let min32 = i64::from(i32::MIN);
        let q = binary(Opcode::Sdiv, Type::I32, min32, -1).map(|n| norm(Type::I32, n));
        assert_eq!(q, Some(min32));
        assert_eq!(binary(Opcode::Sdiv, Type::I64, 7, 0), None);
        assert_eq!(binary(Opcode::Srem, Type::I64, 7, 0), None);
        assert_eq!(binary(Opcode::Udiv, Type::I64, 7, 0), None);
        assert_eq!(binary(Opcode::Urem, Type::I8, 7, 0), None);
        assert_eq!(binary(Opcode::Udiv, Type::I8, -1, 2), Some(127));
        assert_eq!(binary(Opcode::Sdiv, Type::I64, -7, 2), Some(-3));
        assert_eq!(binary(Opcode::Srem, Type::I64, -7, 2), Some(-1));
    }

    #[test]
    fn shifts_follow_go() {
        assert_eq!(norm(Type::I8, shift(Opcode::Ishl, Type::I8, 1, 7)), -128);
        assert_eq!(shift(Opcode::Ishl, Type::I8, 1, 8), 0);
        assert_eq!(shift(Opcode::Ushr, Type::I8, -1, 4), 15);
        assert_eq!(shift(Opcode::Ushr, Type::I64, -1, 64), 0);
        assert_eq!(shift(Opcode::Sshr, Type::I32, -8, 100), -1);
        assert_eq!(shift(Opcode::Sshr, Type::I32, 8, 100), 0);
        assert_eq!(shift(Opcode::Ishl, Type::I64, 1, u64::MAX), 0);
    }

    #[test]
    fn unsigned_comparisons_use_the_width() {
        assert!(compare(IntCC::Ugt, Type::I8, -1, 1));
        assert!(!compare(IntCC::Sgt, Type::I8, -1, 1));
        assert!(compare(IntCC::Ult, Type::I32, 1, i64::from(i32::MIN)));
    }
}
