//! Conversions between Go types and type assertions.

use super::func::FuncCx;
use crate::hir::Expr;
use crate::types::{Basic, TypeId, TypeKind};
use ir::{Imm, InstData, Opcode, RtFunc, Type, Value};

impl FuncCx<'_, '_> {
    pub(super) fn convert(&mut self, x: &Expr, to: TypeId) -> Value {
        let v = self.expr(x);
        let types = &self.m.prog.types;
        let from_t = x.ty;
        let (fk, tk) = (
            types.under_kind(from_t).clone(),
            types.under_kind(to).clone(),
        );
        match (&fk, &tk) {
            (TypeKind::Basic(Basic::String), TypeKind::Slice(_)) => {
                self.rt(RtFunc::BytesFromStr, &[v])[0]
            }
            (TypeKind::Slice(_), TypeKind::Basic(Basic::String)) => {
                self.rt(RtFunc::StrFromBytes, &[v])[0]
            }
            (_, TypeKind::Basic(Basic::String)) if types.is_integer(from_t) => {
                let ft = self.m.ir_type(from_t);
                let unsigned = self.m.prog.types.is_unsigned(from_t);
                let w = self.widen(v, ft, unsigned);
                self.rt(RtFunc::StrFromRune, &[w])[0]
            }
            _ if types.is_numeric(from_t)
                && types.is_numeric(to)
                && (types.is_float(from_t) || types.is_float(to)) =>
            {
                self.convert_float(v, from_t, to)
            }
            _ if types.is_integer(from_t) && types.is_integer(to) => {
                let ft = self.m.ir_type(from_t);
                let tt = self.m.ir_type(to);
                let unsigned = self.m.prog.types.is_unsigned(from_t);
                if ft.bits() == tt.bits() {
                    v
                } else if ft.bits() > tt.bits() {
                    self.ins1(InstData::new(Opcode::Trunc).ty(tt).args(&[v]), tt)
                } else {
                    let op = if unsigned { Opcode::Uext } else { Opcode::Sext };
                    self.ins1(InstData::new(op).ty(tt).args(&[v]), tt)
                }
            }
            _ if types.is_interface(to) => self.box_iface(v, from_t),
            _ => v,
        }
    }
    pub(super) fn type_assert(&mut self, x: &Expr, target: TypeId, comma_ok: bool) -> Vec<Value> {
        let xv = self.expr(x);
        let ok = self.type_test(xv, Some(target));
        let ty = self.m.ir_type(target);
        let target_iface = self.m.prog.types.is_interface(target);
        let yes = self.f.append_block();
        let no = self.f.append_block();
        let join = self.f.append_block();
        let res = self.f.dfg.append_block_param(join, ty);
        let okp = self.f.dfg.append_block_param(join, Type::Bool);
        self.brif(ok, yes, no);
        self.cur = Some(yes);
        let v = if target_iface {
            xv
        } else {
            self.ins1(InstData::new(Opcode::Unbox).ty(ty).args(&[xv]), ty)
        };
        let t = self.iconst(Type::Bool, 1);
        self.jump(join, &[v, t]);
        self.cur = Some(no);
        if !comma_ok {
            let gt = if matches!(self.m.prog.types.under_kind(target), TypeKind::Interface(_)) {
                self.m.go_type(target)
            } else if target_iface {
                self.m.error_type()
            } else {
                self.m.go_type(target)
            };
            let d = self.ins1(
                InstData::new(Opcode::TypeDesc).imm(Imm::GoType(gt)),
                Type::Ptr,
            );
            if matches!(self.m.prog.types.under_kind(x.ty), TypeKind::Interface(_)) {
                let st = self.m.go_type(x.ty);
                let s = self.ins1(
                    InstData::new(Opcode::TypeDesc).imm(Imm::GoType(st)),
                    Type::Ptr,
                );
                self.rt(RtFunc::PanicAssertIface, &[xv, d, s]);
            } else {
                let src_is_error = matches!(self.m.prog.types.under_kind(x.ty), TypeKind::Error);
                let flag = self.iconst(Type::Bool, src_is_error as i64);
                self.rt(RtFunc::PanicAssert, &[xv, d, flag]);
            }
        }
        let z = self.zero(ty);
        let f = self.iconst(Type::Bool, 0);
        self.jump(join, &[z, f]);
        self.cur = Some(join);
        if comma_ok {
            vec![res, okp]
        } else {
            vec![res]
        }
    }
}
