//! Arrays `[N]T`. An array's IR type is a struct of N fields of `T`'s IR type (the
//! same memory layout as N consecutive `T`s), so arrays are values like structs:
//! literals are `struct_new`, copies are whole loads and stores, `==` compares element
//! by element. An element is reached through memory (`index_addr` on the array's
//! address after a `check_index` against the constant length; an array that is not a
//! place is spilled to a frame cell first), so an array indexed by a variable stays in
//! memory (`mem2reg` promotes only cells loaded and stored whole), as gc keeps arrays
//! of more than one element in memory. Why values and not memory only: the struct
//! machinery (calls, results, defer arguments, boxing, frame cells) then carries
//! arrays through every pass unchanged; the cost is code size for large arrays, which
//! the checker bounds (`check/array.rs`, `MAX_ARRAY_WORDS`).

use super::func::FuncCx;
use crate::hir::Expr;
use crate::types::{TypeId, TypeKind};
use ir::{Function, Imm, InstData, Opcode, Type, Value};

impl FuncCx<'_, '_> {
    /// `[N]T` or `*[N]T`: the element type and the length.
    pub(super) fn array_parts(&self, t: TypeId) -> Option<(TypeId, u64)> {
        let types = &self.m.prog.types;
        match types.under_kind(t) {
            TypeKind::Array(e, n) => Some((*e, *n)),
            TypeKind::Pointer(p) => match types.under_kind(*p) {
                TypeKind::Array(e, n) => Some((*e, *n)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The address of `base[index]` where `base` is an array (the checker turned `p[i]`
    /// into `(*p)[i]`).
    pub(super) fn array_index_addr(&mut self, base: &Expr, index: &Expr, elem: TypeId) -> Value {
        let n = self.array_parts(base.ty).map_or(0, |(_, n)| n);
        let a = self.place_addr(base);
        let i = self.index_value(index);
        let len = self.iconst(Type::I64, n as i64);
        self.ins_checked(InstData::new(Opcode::CheckIndex).args(&[i, len]), &[]);
        let et = self.m.ir_type(elem);
        self.ins1(
            InstData::new(Opcode::IndexAddr).ty(et).args(&[a, i]),
            Type::Ptr,
        )
    }

    /// The pointer, length and capacity of the slice `p[:]` of a pointer to an array
    /// (nil-checked).
    pub(super) fn array_as_slice(&mut self, base: &Expr) -> (Value, Value, Value) {
        let n = self.array_parts(base.ty).map_or(0, |(_, n)| n);
        let p = self.expr(base);
        self.ins_checked(InstData::new(Opcode::CheckNil).args(&[p]), &[]);
        let len = self.iconst(Type::I64, n as i64);
        (p, len, len)
    }

    /// `len`/`cap` of an array the checker could not fold (its operand calls a
    /// function): the operand is evaluated, the result is the length.
    pub(super) fn array_len(&mut self, arg: &Expr) -> Option<Value> {
        let (_, n) = self.array_parts(arg.ty)?;
        let _ = self.expr(arg);
        Some(self.iconst(Type::I64, n as i64))
    }

    /// Go's `==` on two arrays: element by element, stopping at the first difference.
    pub(super) fn array_equal(&mut self, a: Value, b: Value, elem: TypeId, n: u64) -> Value {
        let parts: Vec<(u32, TypeId)> = (0..n).map(|i| (i as u32, elem)).collect();
        self.equal_parts(a, b, &parts)
    }

    /// `==` of two struct-shaped values (structs, arrays) over the given parts (index,
    /// Go type), in order, stopping at the first difference: a later interface part
    /// holding an uncomparable value then does not panic, as in Go.
    pub(super) fn equal_parts(&mut self, a: Value, b: Value, parts: &[(u32, TypeId)]) -> Value {
        let join = self.f.append_block();
        let res = self.f.dfg.append_block_param(join, Type::Bool);
        let no = self.iconst(Type::Bool, 0);
        for &(i, t) in parts {
            let it = self.m.ir_type(t);
            let get = |v: Value| {
                InstData::new(Opcode::StructGet)
                    .args(&[v])
                    .imm(Imm::Index(i))
            };
            let pa = self.ins1(get(a), it);
            let pb = self.ins1(get(b), it);
            let e = self.equal(pa, pb, t);
            let next = self.f.append_block();
            let targets = vec![Function::target(next, &[]), Function::target(join, &[no])];
            self.ins(InstData::new(Opcode::Brif).args(&[e]).targets(targets), &[]);
            self.cur = Some(next);
        }
        let yes = self.iconst(Type::Bool, 1);
        self.jump(join, &[yes]);
        self.cur = Some(join);
        res
    }
}
