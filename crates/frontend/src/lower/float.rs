//! Floats: constants, arithmetic and comparisons (`fadd`, `fcmp`, ...), and the
//! conversions between floats and integers and between the two float sizes.

use super::func::FuncCx;
use crate::ast::BinOp;
use crate::check::float_bits;
use crate::hir::ConstValue;
use crate::types::TypeId;
use ir::{Imm, InstData, IntCC, Opcode, Type, Value};

impl FuncCx<'_, '_> {
    /// A float constant of IR type `ty` (`f32`/`f64`) with the (already rounded) value
    /// of an integer or float constant.
    pub(super) fn fconst(&mut self, ty: Type, c: &ConstValue) -> Value {
        let bits = float_bits(c, ty == Type::F32);
        self.ins1(InstData::new(Opcode::Fconst).ty(ty).imm(Imm::Int(bits)), ty)
    }

    /// `a op b` on floats of IR type `ty`: arithmetic or a comparison (`==` is false
    /// and `!=` true when either is NaN, as every ordering is false).
    pub(super) fn float_binary(&mut self, op: BinOp, a: Value, b: Value, ty: Type) -> Value {
        let cc = match op {
            BinOp::Eq => Some(IntCC::Eq),
            BinOp::Ne => Some(IntCC::Ne),
            BinOp::Lt => Some(IntCC::Slt),
            BinOp::Le => Some(IntCC::Sle),
            BinOp::Gt => Some(IntCC::Sgt),
            BinOp::Ge => Some(IntCC::Sge),
            _ => None,
        };
        if let Some(cc) = cc {
            return self.ins1(
                InstData::new(Opcode::Fcmp)
                    .ty(ty)
                    .args(&[a, b])
                    .imm(Imm::Cond(cc)),
                Type::Bool,
            );
        }
        let opc = match op {
            BinOp::Add => Opcode::Fadd,
            BinOp::Sub => Opcode::Fsub,
            BinOp::Mul => Opcode::Fmul,
            _ => Opcode::Fdiv,
        };
        self.ins1(InstData::new(opc).ty(ty).args(&[a, b]), ty)
    }

    pub(super) fn fneg(&mut self, v: Value, ty: Type) -> Value {
        self.ins1(InstData::new(Opcode::Fneg).ty(ty).args(&[v]), ty)
    }

    /// A numeric conversion where at least one side is a float.
    pub(super) fn convert_float(&mut self, v: Value, from: TypeId, to: TypeId) -> Value {
        let ft = self.m.ir_type(from);
        let tt = self.m.ir_type(to);
        match (ft.is_float(), tt.is_float()) {
            (true, true) => match (ft, tt) {
                (Type::F32, Type::F64) => self.unop(Opcode::Fpromote, v, Type::F64),
                (Type::F64, Type::F32) => self.unop(Opcode::Fdemote, v, Type::F32),
                _ => v,
            },
            (false, true) => {
                let unsigned = self.m.prog.types.is_unsigned(from);
                let w = self.widen(v, ft, unsigned);
                // A 64-bit unsigned value needs the unsigned conversion; narrower
                // unsigned values were zero-extended and convert as signed.
                let op = if unsigned && ft == Type::I64 {
                    Opcode::FcvtFromUint
                } else {
                    Opcode::FcvtFromSint
                };
                self.unop(op, w, tt)
            }
            _ => {
                let x = if ft == Type::F32 {
                    self.unop(Opcode::Fpromote, v, Type::F64)
                } else {
                    v
                };
                let op = if self.m.prog.types.is_unsigned(to) {
                    Opcode::FcvtToUint
                } else {
                    Opcode::FcvtToSint
                };
                self.unop(op, x, tt)
            }
        }
    }

    /// One step of `min`/`max` on floats with Go's rules: a NaN operand wins, and
    /// `min(-0.0, 0.0)` is `-0.0` (`max` gives `0.0`), told apart by their reciprocals.
    pub(super) fn float_min_max(&mut self, is_min: bool, acc: Value, v: Value, t: TypeId) -> Value {
        let ty = self.m.ir_type(t);
        let (before, recip_cc) = if is_min {
            (BinOp::Lt, BinOp::Lt)
        } else {
            (BinOp::Gt, BinOp::Gt)
        };
        let better = self.float_binary(before, v, acc, ty);
        let v_nan = self.float_binary(BinOp::Ne, v, v, ty);
        let acc_ok = self.float_binary(BinOp::Eq, acc, acc, ty);
        let eq = self.float_binary(BinOp::Eq, v, acc, ty);
        let one = self.fconst(ty, &ConstValue::Int(1));
        let rv = self.float_binary(BinOp::Div, one, v, ty);
        let racc = self.float_binary(BinOp::Div, one, acc, ty);
        let signed = self.float_binary(recip_cc, rv, racc, ty);
        let zero_pick = self.band(eq, signed);
        let take = self.bor(better, v_nan);
        let take = self.bor(take, zero_pick);
        let take = self.band(acc_ok, take);
        self.ins1(
            InstData::new(Opcode::Select).ty(ty).args(&[take, v, acc]),
            ty,
        )
    }

    fn band(&mut self, a: Value, b: Value) -> Value {
        self.ins1(
            InstData::new(Opcode::Band).ty(Type::Bool).args(&[a, b]),
            Type::Bool,
        )
    }

    fn bor(&mut self, a: Value, b: Value) -> Value {
        self.ins1(
            InstData::new(Opcode::Bor).ty(Type::Bool).args(&[a, b]),
            Type::Bool,
        )
    }

    fn unop(&mut self, op: Opcode, v: Value, ty: Type) -> Value {
        self.ins1(InstData::new(op).ty(ty).args(&[v]), ty)
    }
}
