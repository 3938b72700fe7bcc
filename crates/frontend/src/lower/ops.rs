//! Operators: binary arithmetic with Go's checks (division, shifts), comparisons and
//! equality of every comparable type.

use super::func::FuncCx;
use crate::ast::BinOp;
use crate::hir::{ConstValue, Expr, ExprKind};
use crate::types::{Basic, TypeId, TypeKind};
use ir::{Imm, InstData, IntCC, Opcode, RtFunc, Type, Value};

impl FuncCx<'_, '_> {
    pub(super) fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr) -> Value {
        match op {
            BinOp::LogAnd | BinOp::LogOr => {
                let a = self.expr(l);
                let rhs_b = self.f.append_block();
                let join = self.f.append_block();
                let res = self.f.dfg.append_block_param(join, Type::Bool);
                let (t, f) = if op == BinOp::LogAnd {
                    (rhs_b, join)
                } else {
                    (join, rhs_b)
                };
                self.ins(
                    InstData::new(Opcode::Brif).args(&[a]).targets(vec![
                        ir::BlockCall {
                            block: t,
                            args: if t == join { vec![a] } else { vec![] },
                        },
                        ir::BlockCall {
                            block: f,
                            args: if f == join { vec![a] } else { vec![] },
                        },
                    ]),
                    &[],
                );
                self.cur = Some(rhs_b);
                let b = self.expr(r);
                self.jump(join, &[b]);
                self.cur = Some(join);
                res
            }
            BinOp::Eq | BinOp::Ne
                if self.m.prog.types.is_interface(l.ty)
                    && [l, r]
                        .iter()
                        .any(|e| matches!(e.kind, ExprKind::Const(ConstValue::Nil))) =>
            {
                // `x == nil` for an interface tests its type word: a nil interface is
                // the one with no dynamic type (gc's walk does the same). Unlike a
                // comparison of two interfaces it cannot panic.
                let x = if matches!(l.kind, ExprKind::Const(ConstValue::Nil)) {
                    r
                } else {
                    l
                };
                let x = self.expr(x);
                let t = self.ins1(InstData::new(Opcode::IfaceType).args(&[x]), Type::Ptr);
                let z = self.zero(Type::Ptr);
                let cc = if op == BinOp::Eq {
                    IntCC::Eq
                } else {
                    IntCC::Ne
                };
                self.icmp(Type::Ptr, cc, t, z)
            }
            _ => {
                let a = self.expr(l);
                let b = self.expr(r);
                self.binary_values(op, a, b, l.ty, r.ty)
            }
        }
    }
    /// A binary operator over lowered operands of Go types `lt` and `rt`.
    pub fn binary_values(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        lt: TypeId,
        rt: TypeId,
    ) -> Value {
        let ty = self.m.ir_type(lt);
        if ty.is_float() {
            return self.float_binary(op, a, b, ty);
        }
        let types = &self.m.prog.types;
        let unsigned = types.is_unsigned(lt);
        let is_str = types.basic_of(lt) == Some(Basic::String);
        let is_iface = types.is_interface(lt);
        let is_struct = matches!(
            types.under_kind(lt),
            TypeKind::Struct(_) | TypeKind::Array(..)
        );
        let cmp = |cc_s: IntCC, cc_u: IntCC| if unsigned { cc_u } else { cc_s };
        let cond = match op {
            BinOp::Eq => Some(IntCC::Eq),
            BinOp::Ne => Some(IntCC::Ne),
            BinOp::Lt => Some(cmp(IntCC::Slt, IntCC::Ult)),
            BinOp::Le => Some(cmp(IntCC::Sle, IntCC::Ule)),
            BinOp::Gt => Some(cmp(IntCC::Sgt, IntCC::Ugt)),
            BinOp::Ge => Some(cmp(IntCC::Sge, IntCC::Uge)),
            _ => None,
        };
        if let Some(cc) = cond {
            if is_str {
                let c = self.rt(RtFunc::StrCmp, &[a, b])[0];
                let z = self.iconst(Type::I64, 0);
                let scc = match cc {
                    IntCC::Ult => IntCC::Slt,
                    IntCC::Ule => IntCC::Sle,
                    IntCC::Ugt => IntCC::Sgt,
                    IntCC::Uge => IntCC::Sge,
                    c => c,
                };
                return self.icmp(Type::I64, scc, c, z);
            }
            if is_iface || is_struct || matches!(ty, Type::Slice | Type::Str) {
                let eq = self.equal(a, b, lt);
                return if cc == IntCC::Ne {
                    self.ins1(
                        InstData::new(Opcode::Not).ty(Type::Bool).args(&[eq]),
                        Type::Bool,
                    )
                } else {
                    eq
                };
            }
            return self.icmp(ty, cc, a, b);
        }
        if is_str && op == BinOp::Add {
            return self.rt(RtFunc::StrConcat, &[a, b])[0];
        }
        let opc = match op {
            BinOp::Add => Opcode::Iadd,
            BinOp::Sub => Opcode::Isub,
            BinOp::Mul => Opcode::Imul,
            BinOp::Div | BinOp::Rem => {
                self.ins_checked(InstData::new(Opcode::CheckDiv).args(&[b]), &[]);
                match (op, unsigned) {
                    (BinOp::Div, false) => Opcode::Sdiv,
                    (BinOp::Div, true) => Opcode::Udiv,
                    (_, false) => Opcode::Srem,
                    (_, true) => Opcode::Urem,
                }
            }
            BinOp::And => Opcode::Band,
            BinOp::Or => Opcode::Bor,
            BinOp::Xor => Opcode::Bxor,
            BinOp::AndNot => Opcode::BandNot,
            BinOp::Shl | BinOp::Shr => {
                let count_unsigned = self.m.prog.types.is_unsigned(rt);
                if !count_unsigned {
                    self.ins_checked(InstData::new(Opcode::CheckShift).args(&[b]), &[]);
                }
                let cty = self.m.ir_type(rt);
                let c = self.widen(b, cty, count_unsigned);
                let opc = match (op, unsigned) {
                    (BinOp::Shl, _) => Opcode::Ishl,
                    (_, true) => Opcode::Ushr,
                    (_, false) => Opcode::Sshr,
                };
                return self.ins1(InstData::new(opc).ty(ty).args(&[a, c]), ty);
            }
            _ => Opcode::Iadd,
        };
        self.ins1(InstData::new(opc).ty(ty).args(&[a, b]), ty)
    }
    pub(super) fn icmp(&mut self, ty: Type, cc: IntCC, a: Value, b: Value) -> Value {
        self.ins1(
            InstData::new(Opcode::Icmp)
                .ty(ty)
                .args(&[a, b])
                .imm(Imm::Cond(cc)),
            Type::Bool,
        )
    }
    /// Go's `==` for values of Go type `t`.
    pub(super) fn equal(&mut self, a: Value, b: Value, t: TypeId) -> Value {
        let types = &self.m.prog.types;
        if types.is_interface(t) {
            return self.rt(RtFunc::IfaceEq, &[a, b])[0];
        }
        match types.under_kind(t).clone() {
            TypeKind::Struct(fields) => {
                // Go compares the non-blank fields in source order and stops at the
                // first difference, so a later interface field holding an uncomparable
                // value does not panic.
                let parts: Vec<(u32, TypeId)> = fields
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.name != "_")
                    .map(|(i, f)| (i as u32, f.ty))
                    .collect();
                self.equal_parts(a, b, &parts)
            }
            TypeKind::Array(e, n) => self.array_equal(a, b, e, n),
            TypeKind::Basic(Basic::String) => {
                let c = self.rt(RtFunc::StrCmp, &[a, b])[0];
                let z = self.iconst(Type::I64, 0);
                self.icmp(Type::I64, IntCC::Eq, c, z)
            }
            TypeKind::Slice(_) => {
                // Only comparison against nil is legal: compare data pointers.
                let pa = self.ins1(InstData::new(Opcode::SlicePtr).args(&[a]), Type::Ptr);
                let pb = self.ins1(InstData::new(Opcode::SlicePtr).args(&[b]), Type::Ptr);
                self.icmp(Type::Ptr, IntCC::Eq, pa, pb)
            }
            _ => {
                let ty = self.m.ir_type(t);
                if ty.is_float() {
                    return self.float_binary(BinOp::Eq, a, b, ty);
                }
                self.icmp(ty, IntCC::Eq, a, b)
            }
        }
    }
}
