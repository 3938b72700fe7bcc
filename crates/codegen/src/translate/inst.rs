//! Constants, integer arithmetic with Go semantics (division and shifts never trap),
//! comparisons, conversions, aggregates and interface values.

use super::FnTx;
use crate::flat::is_direct;
use crate::runtime::Internal;
use crate::CodegenError;
use cranelift_codegen::ir::condcodes::IntCC as CC;
use cranelift_codegen::ir::types::{F32, F64, I32, I64};
use cranelift_codegen::ir::{self as cl, InstBuilder, MemFlagsData};
use ir::{GoKind, Imm, IntCC, Opcode, Type};

fn cond(cc: IntCC) -> CC {
    match cc {
        IntCC::Eq => CC::Equal,
        IntCC::Ne => CC::NotEqual,
        IntCC::Slt => CC::SignedLessThan,
        IntCC::Sle => CC::SignedLessThanOrEqual,
        IntCC::Sgt => CC::SignedGreaterThan,
        IntCC::Sge => CC::SignedGreaterThanOrEqual,
        IntCC::Ult => CC::UnsignedLessThan,
        IntCC::Ule => CC::UnsignedLessThanOrEqual,
        IntCC::Ugt => CC::UnsignedGreaterThan,
        IntCC::Uge => CC::UnsignedGreaterThanOrEqual,
    }
}

impl FnTx<'_, '_, '_, '_> {
    /// An integer constant of a Cranelift type, truncated to its width.
    pub fn iconst(&mut self, ty: cl::Type, v: i64) -> cl::Value {
        let bits = ty.bits();
        let v = if bits >= 64 {
            v
        } else {
            v & ((1i64 << bits) - 1)
        };
        self.b.ins().iconst(ty, v)
    }

    pub fn zero_of(&mut self, ty: Type) -> Vec<cl::Value> {
        let tys = self.cx.flat.types(ty);
        tys.into_iter()
            .map(|t| match t {
                F32 => self.b.ins().f32const(0.0),
                F64 => self.b.ins().f64const(0.0),
                t => self.b.ins().iconst(t, 0),
            })
            .collect()
    }

    pub(super) fn translate_simple(&mut self, inst: ir::Inst) -> Result<(), CodegenError> {
        let d = self.func.dfg.insts[inst].clone();
        let args = &d.args;
        match d.opcode {
            Opcode::Iconst => {
                let ty = self.ctrl_ty(inst)?;
                let Imm::Int(v) = d.imm else {
                    return Err(self.err("iconst needs an integer"));
                };
                let t = self.cx.flat.types(ty)[0];
                let c = self.iconst(t, v);
                self.define1(inst, vec![c]);
            }
            Opcode::Fconst
            | Opcode::Fadd
            | Opcode::Fsub
            | Opcode::Fmul
            | Opcode::Fdiv
            | Opcode::Fneg
            | Opcode::Fcmp
            | Opcode::Fpromote
            | Opcode::Fdemote
            | Opcode::FcvtFromSint
            | Opcode::FcvtFromUint
            | Opcode::FcvtToSint
            | Opcode::FcvtToUint => self.translate_float(inst)?,
            Opcode::Sconst => {
                let Imm::Str(bytes) = &d.imm else {
                    return Err(self.err("sconst needs a string"));
                };
                let addr = self.cx.statics.string_addr(bytes);
                let p = self.addr_const(addr);
                let n = self.b.ins().iconst(I64, bytes.len() as i64);
                self.define1(inst, vec![p, n]);
            }
            Opcode::Zero => {
                let ty = self.ctrl_ty(inst)?;
                let z = self.zero_of(ty);
                self.define1(inst, z);
            }
            Opcode::TypeDesc => {
                let Imm::GoType(t) = d.imm else {
                    return Err(self.err("typedesc needs a type"));
                };
                let a = self.cx.statics.type_addr(t);
                let v = self.addr_const(a);
                self.define1(inst, vec![v]);
            }
            Opcode::Iadd
            | Opcode::Isub
            | Opcode::Imul
            | Opcode::Band
            | Opcode::Bor
            | Opcode::Bxor
            | Opcode::BandNot => {
                let (x, y) = (self.word(args[0])?, self.word(args[1])?);
                let ins = self.b.ins();
                let r = match d.opcode {
                    Opcode::Iadd => ins.iadd(x, y),
                    Opcode::Isub => ins.isub(x, y),
                    Opcode::Imul => ins.imul(x, y),
                    Opcode::Band => ins.band(x, y),
                    Opcode::Bor => ins.bor(x, y),
                    Opcode::Bxor => ins.bxor(x, y),
                    _ => ins.band_not(x, y),
                };
                self.define1(inst, vec![r]);
            }
            Opcode::Sdiv | Opcode::Srem | Opcode::Udiv | Opcode::Urem => {
                let (x, y) = (self.word(args[0])?, self.word(args[1])?);
                let r = self.divide(d.opcode, x, y);
                self.define1(inst, vec![r]);
            }
            Opcode::Ishl | Opcode::Ushr | Opcode::Sshr => {
                let (x, c) = (self.word(args[0])?, self.word(args[1])?);
                let r = self.shift(d.opcode, x, c);
                self.define1(inst, vec![r]);
            }
            Opcode::Ineg => {
                let x = self.word(args[0])?;
                let r = self.b.ins().ineg(x);
                self.define1(inst, vec![r]);
            }
            Opcode::Bnot => {
                let x = self.word(args[0])?;
                let r = self.b.ins().bnot(x);
                self.define1(inst, vec![r]);
            }
            Opcode::Not => {
                let x = self.word(args[0])?;
                let r = self.b.ins().bxor_imm_u(x, 1);
                self.define1(inst, vec![r]);
            }
            Opcode::Icmp => {
                let Imm::Cond(cc) = d.imm else {
                    return Err(self.err("icmp needs a condition"));
                };
                let (x, y) = (self.word(args[0])?, self.word(args[1])?);
                let r = self.b.ins().icmp(cond(cc), x, y);
                self.define1(inst, vec![r]);
            }
            Opcode::Select => {
                let c = self.word(args[0])?;
                let (a, b) = (self.val(args[1])?, self.val(args[2])?);
                let r = a
                    .iter()
                    .zip(&b)
                    .map(|(&x, &y)| self.b.ins().select(c, x, y))
                    .collect();
                self.define1(inst, r);
            }
            Opcode::Sext | Opcode::Uext | Opcode::Trunc => {
                let ty = self.ctrl_ty(inst)?;
                let to = self.cx.flat.types(ty)[0];
                let x = self.word(args[0])?;
                let from = self.b.func.dfg.value_type(x);
                let r = if from.bits() == to.bits() {
                    x
                } else if from.bits() > to.bits() {
                    self.b.ins().ireduce(to, x)
                } else if d.opcode == Opcode::Sext {
                    self.b.ins().sextend(to, x)
                } else {
                    self.b.ins().uextend(to, x)
                };
                self.define1(inst, vec![r]);
            }
            Opcode::StructNew | Opcode::StrNew | Opcode::SliceNew => {
                let words = self.flat_args(args)?;
                self.define1(inst, words);
            }
            Opcode::StructGet | Opcode::StructSet => {
                let Type::Struct(s) = self.func.dfg.value_type(args[0]) else {
                    return Err(self.err("not a struct"));
                };
                let Imm::Index(i) = d.imm else {
                    return Err(self.err("needs a field index"));
                };
                let range = self.cx.flat.field_range(s, i as usize);
                let mut words = self.val(args[0])?;
                if d.opcode == Opcode::StructGet {
                    self.define1(inst, words[range].to_vec());
                } else {
                    let new = self.val(args[1])?;
                    words.splice(range, new);
                    self.define1(inst, words);
                }
            }
            Opcode::StrPtr | Opcode::SlicePtr | Opcode::IfaceType => self.pick(inst, 0)?,
            Opcode::StrLen | Opcode::SliceLen => self.pick(inst, 1)?,
            Opcode::SliceCap => self.pick(inst, 2)?,
            Opcode::Box | Opcode::BoxStatic | Opcode::StackBox => self.box_value(inst)?,
            Opcode::Unbox => {
                let ty = self.ctrl_ty(inst)?;
                let word = self.val(args[0])?[1];
                let r = self.unbox(ty, word);
                self.define1(inst, r);
            }
            Opcode::TypeIs => {
                let Imm::GoType(t) = d.imm else {
                    return Err(self.err("type_is needs a type"));
                };
                let typ = self.val(args[0])?[0];
                let r = if self.cx.module.error_type == Some(t) {
                    self.call_internal(Internal::ImplementsError, &[typ])[0]
                } else if self.cx.module.go_types[t].kind == ir::GoKind::Interface {
                    let a = self.cx.statics.type_addr(t);
                    let a = self.addr_const(a);
                    self.call_internal(Internal::ImplementsIface, &[typ, a])[0]
                } else {
                    let a = self.cx.statics.type_addr(t);
                    let a = self.addr_const(a);
                    self.b.ins().icmp(CC::Equal, typ, a)
                };
                self.define1(inst, vec![r]);
            }
            other => return Err(self.err(format!("unsupported opcode {other}"))),
        }
        Ok(())
    }

    fn pick(&mut self, inst: ir::Inst, i: usize) -> Result<(), CodegenError> {
        let a = self.func.dfg.insts[inst].args[0];
        let w = self.val(a)?[i];
        self.define1(inst, vec![w]);
        Ok(())
    }

    /// Go's `/` and `%`: `MinInt / -1` wraps and `MinInt % -1` is 0 without trapping;
    /// a zero divisor (excluded by `check_div`) is replaced by 1 so nothing traps.
    fn divide(&mut self, op: Opcode, x: cl::Value, y: cl::Value) -> cl::Value {
        let ty = self.b.func.dfg.value_type(x);
        let one = self.b.ins().iconst(ty, 1);
        let zero = self.b.ins().icmp_imm_s(CC::Equal, y, 0);
        match op {
            Opcode::Udiv | Opcode::Urem => {
                let safe = self.b.ins().select(zero, one, y);
                if op == Opcode::Udiv {
                    self.b.ins().udiv(x, safe)
                } else {
                    self.b.ins().urem(x, safe)
                }
            }
            _ => {
                let minus1 = self.iconst(ty, -1);
                let m1 = self.b.ins().icmp(CC::Equal, y, minus1);
                let bad = self.b.ins().bor(zero, m1);
                let safe = self.b.ins().select(bad, one, y);
                if op == Opcode::Sdiv {
                    let q = self.b.ins().sdiv(x, safe);
                    let neg = self.b.ins().ineg(x);
                    self.b.ins().select(m1, neg, q)
                } else {
                    // x % 1 == 0, which is also Go's x % -1.
                    self.b.ins().srem(x, safe)
                }
            }
        }
    }

    /// Go's shifts: the count is unsigned and may reach the width.
    fn shift(&mut self, op: Opcode, x: cl::Value, c: cl::Value) -> cl::Value {
        let ty = self.b.func.dfg.value_type(x);
        let width = i64::from(ty.bits());
        let big = self
            .b
            .ins()
            .icmp_imm_s(CC::UnsignedGreaterThanOrEqual, c, width);
        match op {
            Opcode::Sshr => {
                let cty = self.b.func.dfg.value_type(c);
                let max = self.b.ins().iconst(cty, width - 1);
                let count = self.b.ins().select(big, max, c);
                self.b.ins().sshr(x, count)
            }
            _ => {
                let r = if op == Opcode::Ishl {
                    self.b.ins().ishl(x, c)
                } else {
                    self.b.ins().ushr(x, c)
                };
                let zero = self.b.ins().iconst(ty, 0);
                self.b.ins().select(big, zero, r)
            }
        }
    }

    /// `box x, t` (or `stack_box`): the descriptor address and the data word.
    fn box_value(&mut self, inst: ir::Inst) -> Result<(), CodegenError> {
        let d = self.func.dfg.insts[inst].clone();
        let Imm::GoType(t) = d.imm else {
            return Err(self.err("box needs a type"));
        };
        let x = d.args[0];
        let ty = self.func.dfg.value_type(x);
        let words = self.val(x)?;
        let static_bytes = match self.func.dfg.values[x].def {
            ir::ValueDef::Result(def, _) if d.opcode == Opcode::BoxStatic => {
                match &self.func.dfg.insts[def].imm {
                    Imm::Str(bytes) if self.func.dfg.insts[def].opcode == Opcode::Sconst => {
                        Some(bytes.clone())
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let word = if let Some(bytes) = static_bytes {
            let a = self.cx.statics.string_box_addr(&bytes);
            self.addr_const(a)
        } else if is_direct(ty) {
            let w = match self.b.func.dfg.value_type(words[0]) {
                F64 => self.b.ins().bitcast(I64, MemFlagsData::new(), words[0]),
                F32 => self.b.ins().bitcast(I32, MemFlagsData::new(), words[0]),
                _ => words[0],
            };
            let signed = match self.cx.module.go_types[t].kind {
                GoKind::Int { signed, .. } => signed,
                _ => false,
            };
            if signed {
                self.sext64(w)
            } else {
                self.uext64(w)
            }
        } else {
            let (size, align) = ir::types::layout(self.cx.module, ty);
            let p = if d.opcode == Opcode::StackBox {
                // Zeroed, so padding compares equal as in a heap box.
                self.zeroed_slot(size, align)
            } else {
                self.alloc_typed(ty)
            };
            self.store_leaves(ty, p, &words);
            p
        };
        let a = self.cx.statics.type_addr(t);
        let typ = self.addr_const(a);
        self.define1(inst, vec![typ, word]);
        Ok(())
    }

    /// The `T` held in an interface's data word.
    pub fn unbox(&mut self, ty: Type, word: cl::Value) -> Vec<cl::Value> {
        if is_direct(ty) {
            let t = self.cx.flat.types(ty)[0];
            if t == I64 {
                vec![word]
            } else if t == F64 {
                vec![self.b.ins().bitcast(F64, MemFlagsData::new(), word)]
            } else if t == F32 {
                let w = self.b.ins().ireduce(I32, word);
                vec![self.b.ins().bitcast(F32, MemFlagsData::new(), w)]
            } else {
                vec![self.b.ins().ireduce(t, word)]
            }
        } else {
            self.load_leaves(ty, word)
        }
    }

    pub fn load_leaves(&mut self, ty: Type, p: cl::Value) -> Vec<cl::Value> {
        let leaves = self.cx.flat.leaves(ty).to_vec();
        leaves
            .iter()
            .map(|l| {
                self.b
                    .ins()
                    .load(l.ty, MemFlagsData::new(), p, l.offset as i32)
            })
            .collect()
    }

    pub fn store_leaves(&mut self, ty: Type, p: cl::Value, words: &[cl::Value]) {
        let leaves = self.cx.flat.leaves(ty).to_vec();
        for (l, &w) in leaves.iter().zip(words) {
            self.b
                .ins()
                .store(MemFlagsData::new(), w, p, l.offset as i32);
        }
    }
}
