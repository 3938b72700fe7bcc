//! Slicing (`s[lo:hi:max]` of slices, arrays and strings, with Go's bound checks) and
//! slices built from values.

use super::func::FuncCx;
use crate::hir::Expr;
use crate::types::{Basic, TypeId, TypeKind};
use ir::{BoundKind, Imm, InstData, Opcode, Type, Value};

impl FuncCx<'_, '_> {
    pub(super) fn slice_expr(
        &mut self,
        base: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
    ) -> Value {
        if self.array_parts(base.ty).is_some() {
            return self.slice_array(base, lo, hi, max);
        }
        let s = self.expr(base);
        let is_str = self.m.prog.types.basic_of(base.ty) == Some(Basic::String);
        let lo = match lo {
            Some(e) => self.index_value(e),
            None => self.iconst(Type::I64, 0),
        };
        let hi_v = hi.as_ref().map(|e| self.index_value(e));
        if is_str {
            let len = self.ins1(InstData::new(Opcode::StrLen).args(&[s]), Type::I64);
            let hi = hi_v.unwrap_or(len);
            self.ins_checked(
                InstData::new(Opcode::CheckSlice)
                    .args(&[lo, hi, len])
                    .imm(Imm::Bound(BoundKind::Len)),
                &[],
            );
            let p = self.ins1(InstData::new(Opcode::StrPtr).args(&[s]), Type::Ptr);
            let np = self.ins1(
                InstData::new(Opcode::IndexAddr).ty(Type::I8).args(&[p, lo]),
                Type::Ptr,
            );
            let n = self.ins1(
                InstData::new(Opcode::Isub).ty(Type::I64).args(&[hi, lo]),
                Type::I64,
            );
            return self.ins1(InstData::new(Opcode::StrNew).args(&[np, n]), Type::Str);
        }
        let len = self.ins1(InstData::new(Opcode::SliceLen).args(&[s]), Type::I64);
        let cap = self.ins1(InstData::new(Opcode::SliceCap).args(&[s]), Type::I64);
        let TypeKind::Slice(et) = self.m.prog.types.under_kind(base.ty).clone() else {
            return s;
        };
        let p = self.ins1(InstData::new(Opcode::SlicePtr).args(&[s]), Type::Ptr);
        self.reslice(p, len, cap, et, lo, hi_v, max, BoundKind::Cap)
    }

    /// `a[lo:hi:max]` of a pointer to an array (the checker's form of slicing an array).
    fn slice_array(
        &mut self,
        base: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
    ) -> Value {
        let Some((et, _)) = self.array_parts(base.ty) else {
            return self.zero(Type::Slice);
        };
        let (p, len, cap) = self.array_as_slice(base);
        let lo = match lo {
            Some(e) => self.index_value(e),
            None => self.iconst(Type::I64, 0),
        };
        let hi_v = hi.as_ref().map(|e| self.index_value(e));
        // gc names an array's bound its length.
        self.reslice(p, len, cap, et, lo, hi_v, max, BoundKind::Len)
    }

    /// The slice `[lo:hi:max]` of the elements of type `et` at `p` with the given
    /// length and capacity, with Go's bound checks (`hi` defaults to `len`, `max` to
    /// `cap`).
    #[allow(clippy::too_many_arguments)]
    fn reslice(
        &mut self,
        p: Value,
        len: Value,
        cap: Value,
        et: TypeId,
        lo: Value,
        hi_v: Option<Value>,
        max: &Option<Box<Expr>>,
        bound: BoundKind,
    ) -> Value {
        let hi = hi_v.unwrap_or(len);
        let max = match max {
            Some(m) => {
                let m = self.index_value(m);
                let mut check = InstData::new(Opcode::CheckSlice3).args(&[lo, hi, m, cap]);
                if bound == BoundKind::Len {
                    check = check.imm(Imm::Bound(bound));
                }
                self.ins_checked(check, &[]);
                m
            }
            None => {
                self.ins_checked(
                    InstData::new(Opcode::CheckSlice)
                        .args(&[lo, hi, cap])
                        .imm(Imm::Bound(bound)),
                    &[],
                );
                cap
            }
        };
        let ety = self.m.ir_type(et);
        let np = self.ins1(
            InstData::new(Opcode::IndexAddr).ty(ety).args(&[p, lo]),
            Type::Ptr,
        );
        let n = self.ins1(
            InstData::new(Opcode::Isub).ty(Type::I64).args(&[hi, lo]),
            Type::I64,
        );
        let c = self.ins1(
            InstData::new(Opcode::Isub).ty(Type::I64).args(&[max, lo]),
            Type::I64,
        );
        self.ins1(
            InstData::new(Opcode::SliceNew).args(&[np, n, c]),
            Type::Slice,
        )
    }
    /// A new slice of element Go type `et` holding `vals`.
    pub fn slice_of(&mut self, et: TypeId, vals: &[Value]) -> Value {
        let ety = self.m.ir_type(et);
        let n = self.iconst(Type::I64, vals.len() as i64);
        let p = self.ins1(
            InstData::new(Opcode::AllocArray).ty(ety).args(&[n]),
            Type::Ptr,
        );
        for (i, &v) in vals.iter().enumerate() {
            let iv = self.iconst(Type::I64, i as i64);
            let a = self.ins1(
                InstData::new(Opcode::IndexAddr).ty(ety).args(&[p, iv]),
                Type::Ptr,
            );
            self.store(a, v);
        }
        self.ins1(
            InstData::new(Opcode::SliceNew).args(&[p, n, n]),
            Type::Slice,
        )
    }
}
