//! Floating point: constants, arithmetic, comparisons and the conversions between
//! floats and integers, with the results gc gives on amd64 where Go leaves them to the
//! implementation (a NaN or out-of-range float converted to an integer).

use super::FnTx;
use crate::CodegenError;
use cranelift_codegen::ir::condcodes::FloatCC;
use cranelift_codegen::ir::types::{F32, F64, I32, I64};
use cranelift_codegen::ir::{self as cl, InstBuilder};
use ir::{Imm, IntCC, Opcode};

/// `2^63` as an `f64`.
const TWO63: f64 = 9_223_372_036_854_775_808.0;

fn fcond(cc: IntCC) -> FloatCC {
    match cc {
        IntCC::Eq => FloatCC::Equal,
        IntCC::Ne => FloatCC::NotEqual,
        IntCC::Slt | IntCC::Ult => FloatCC::LessThan,
        IntCC::Sle | IntCC::Ule => FloatCC::LessThanOrEqual,
        IntCC::Sgt | IntCC::Ugt => FloatCC::GreaterThan,
        IntCC::Sge | IntCC::Uge => FloatCC::GreaterThanOrEqual,
    }
}

impl FnTx<'_, '_, '_, '_> {
    pub(super) fn translate_float(&mut self, inst: ir::Inst) -> Result<(), CodegenError> {
        let d = self.func.dfg.insts[inst].clone();
        let args = &d.args;
        let r = match d.opcode {
            Opcode::Fconst => {
                let ty = self.ctrl_ty(inst)?;
                let Imm::Int(bits) = d.imm else {
                    return Err(self.err("fconst needs its bits"));
                };
                if self.cx.flat.types(ty)[0] == F32 {
                    self.b.ins().f32const(f32::from_bits(bits as u32))
                } else {
                    self.b.ins().f64const(f64::from_bits(bits as u64))
                }
            }
            Opcode::Fadd | Opcode::Fsub | Opcode::Fmul | Opcode::Fdiv => {
                let (x, y) = (self.word(args[0])?, self.word(args[1])?);
                let ins = self.b.ins();
                match d.opcode {
                    Opcode::Fadd => ins.fadd(x, y),
                    Opcode::Fsub => ins.fsub(x, y),
                    Opcode::Fmul => ins.fmul(x, y),
                    _ => ins.fdiv(x, y),
                }
            }
            Opcode::Fneg => {
                let x = self.word(args[0])?;
                self.b.ins().fneg(x)
            }
            Opcode::Fcmp => {
                let Imm::Cond(cc) = d.imm else {
                    return Err(self.err("fcmp needs a condition"));
                };
                let (x, y) = (self.word(args[0])?, self.word(args[1])?);
                self.b.ins().fcmp(fcond(cc), x, y)
            }
            Opcode::Fpromote => {
                let x = self.word(args[0])?;
                self.b.ins().fpromote(F64, x)
            }
            Opcode::Fdemote => {
                let x = self.word(args[0])?;
                self.b.ins().fdemote(F32, x)
            }
            Opcode::FcvtFromSint | Opcode::FcvtFromUint => {
                let ty = self.ctrl_ty(inst)?;
                let to = self.cx.flat.types(ty)[0];
                let x = self.word(args[0])?;
                if d.opcode == Opcode::FcvtFromSint {
                    self.b.ins().fcvt_from_sint(to, x)
                } else {
                    self.b.ins().fcvt_from_uint(to, x)
                }
            }
            Opcode::FcvtToSint | Opcode::FcvtToUint => {
                let ty = self.ctrl_ty(inst)?;
                let to = self.cx.flat.types(ty)[0];
                let x = self.word(args[0])?;
                self.float_to_int(x, to, d.opcode == Opcode::FcvtToUint)
            }
            _ => return Err(self.err("not a float opcode")),
        };
        self.define1(inst, vec![r]);
        Ok(())
    }

    /// amd64's `CVTTSD2SQ`/`CVTTSD2SL`: truncation toward zero, and the "integer
    /// indefinite" value (the lowest integer of the width) for NaN and out of range.
    fn cvtt(&mut self, x: cl::Value, width: cl::Type) -> cl::Value {
        let lim = if width == I64 { TWO63 } else { 2_147_483_648.0 };
        let lo = self.b.ins().f64const(-lim);
        let hi = self.b.ins().f64const(lim);
        let ge = self.b.ins().fcmp(FloatCC::GreaterThanOrEqual, x, lo);
        let lt = self.b.ins().fcmp(FloatCC::LessThan, x, hi);
        let inside = self.b.ins().band(ge, lt);
        let sat = self.b.ins().fcvt_to_sint_sat(width, x);
        let min = if width == I64 {
            i64::MIN
        } else {
            i64::from(i32::MIN)
        };
        let indefinite = self.iconst(width, min);
        self.b.ins().select(inside, sat, indefinite)
    }

    /// gc's conversion of a float (`x: f64`) to an integer of type `to` on amd64
    /// (`ssagen`'s `fpConvOpToSSA` table): the widths below 32 bits and `uint32`
    /// convert through `CVTTSD2SL`/`CVTTSD2SQ` and truncate; `uint64` is gc's branch
    /// (`x < 2^63 ? int64(x) : int64(x - 2^63) | MinInt64`).
    fn float_to_int(&mut self, x: cl::Value, to: cl::Type, unsigned: bool) -> cl::Value {
        let wide = if to == I64 {
            if unsigned {
                let hi = self.b.ins().f64const(TWO63);
                let small = self.b.ins().fcmp(FloatCC::LessThan, x, hi);
                let a = self.cvtt(x, I64);
                let y = self.b.ins().fsub(x, hi);
                let b = self.cvtt(y, I64);
                let b = self.b.ins().bor_imm_s(b, i64::MIN);
                return self.b.ins().select(small, a, b);
            }
            return self.cvtt(x, I64);
        } else if to == I32 && unsigned {
            self.cvtt(x, I64)
        } else {
            self.cvtt(x, I32)
        };
        if self.b.func.dfg.value_type(wide) == to {
            wide
        } else {
            self.b.ins().ireduce(to, wide)
        }
    }
}
