//! Panics: the `panicking` flag (one load), `raise`, `recover`, the defer protocol
//! calls, and the explicit checks, each an inline compare with a cold call into the
//! runtime that records Go's runtime error.

use super::FnTx;
use crate::runtime::Internal;
use crate::CodegenError;
use cranelift_codegen::ir::condcodes::IntCC as CC;
use cranelift_codegen::ir::types::{I64, I8};
use cranelift_codegen::ir::{BlockArg, InstBuilder, MemFlagsData};
use ir::{BoundKind, Imm, Opcode};

impl FnTx<'_, '_, '_, '_> {
    pub(super) fn translate_check(&mut self, inst: ir::Inst) -> Result<(), CodegenError> {
        let d = self.func.dfg.insts[inst].clone();
        match d.opcode {
            Opcode::Panicking => {
                let a = self.addr_const(&crate::runtime::panic::PANICKING as *const _ as u64);
                let v = self.b.ins().load(I8, MemFlagsData::trusted(), a, 0);
                self.define1(inst, vec![v]);
            }
            Opcode::Raise => {
                let x = self.val(d.args[0])?;
                self.call_internal(Internal::Raise, &x);
            }
            Opcode::Recover => {
                // Inline fast path: token 0 (no panic's deferred call) recovers nothing.
                let tok = self.word64(d.args[0])?;
                let slow = self.b.create_block();
                let join = self.b.create_block();
                let words: Vec<_> = self
                    .cx
                    .flat
                    .types(ir::Type::Iface)
                    .into_iter()
                    .map(|t| self.b.append_block_param(join, t))
                    .collect();
                let nil: Vec<BlockArg> = words
                    .iter()
                    .map(|&w| {
                        let t = self.b.func.dfg.value_type(w);
                        BlockArg::Value(self.b.ins().iconst(t, 0))
                    })
                    .collect();
                self.b.set_cold_block(slow);
                self.b.ins().brif(tok, slow, &[], join, &nil);
                self.b.switch_to_block(slow);
                let r = self.call_internal(Internal::Recover, &[tok]);
                let r: Vec<BlockArg> = r.into_iter().map(BlockArg::Value).collect();
                self.b.ins().jump(join, &r);
                self.b.switch_to_block(join);
                self.define1(inst, words);
            }
            Opcode::DeferEnter => {
                // Inline fast path: no panic propagating means token 0.
                let a = self.addr_const(&crate::runtime::panic::PANICKING as *const _ as u64);
                let flag = self.b.ins().load(I8, MemFlagsData::trusted(), a, 0);
                let slow = self.b.create_block();
                let join = self.b.create_block();
                let tok = self.b.append_block_param(join, I64);
                let zero = self.b.ins().iconst(I64, 0);
                self.b.set_cold_block(slow);
                self.b
                    .ins()
                    .brif(flag, slow, &[], join, &[BlockArg::Value(zero)]);
                self.b.switch_to_block(slow);
                let r = self.call_internal(Internal::DeferEnter, &[])[0];
                self.b.ins().jump(join, &[BlockArg::Value(r)]);
                self.b.switch_to_block(join);
                self.define1(inst, vec![tok]);
            }
            Opcode::DeferExit => {
                // Token 0 (the call ran without a panic): nothing to do.
                let tok = self.word64(d.args[0])?;
                let some = self.b.ins().icmp_imm_s(CC::NotEqual, tok, 0);
                self.cold_call_if(some, Internal::DeferExit, &[tok]);
            }
            Opcode::CheckNil => {
                let p = self.word(d.args[0])?;
                let bad = self.b.ins().icmp_imm_s(CC::Equal, p, 0);
                self.cold_call_if(bad, Internal::PanicNil, &[]);
            }
            Opcode::CheckDiv => {
                let x = self.word(d.args[0])?;
                let bad = self.b.ins().icmp_imm_s(CC::Equal, x, 0);
                self.cold_call_if(bad, Internal::PanicDivide, &[]);
            }
            Opcode::CheckShift => {
                let x = self.word(d.args[0])?;
                let bad = self.b.ins().icmp_imm_s(CC::SignedLessThan, x, 0);
                self.cold_call_if(bad, Internal::PanicShift, &[]);
            }
            Opcode::CheckIndex => {
                let i = self.word64(d.args[0])?;
                let n = self.word64(d.args[1])?;
                let bad = self.b.ins().icmp(CC::UnsignedGreaterThanOrEqual, i, n);
                self.cold_call_if(bad, Internal::PanicIndex, &[i, n]);
            }
            Opcode::CheckSlice => {
                let kind = match d.imm {
                    Imm::Bound(BoundKind::Len) => 1,
                    _ => 0,
                };
                let lo = self.word64(d.args[0])?;
                let hi = self.word64(d.args[1])?;
                let bound = self.word64(d.args[2])?;
                let b1 = self.b.ins().icmp(CC::UnsignedGreaterThan, hi, bound);
                let b2 = self.b.ins().icmp(CC::UnsignedGreaterThan, lo, hi);
                let bad = self.b.ins().bor(b1, b2);
                let kind = self.b.ins().iconst(I64, kind);
                self.cold_call_if(bad, Internal::PanicSlice, &[kind, lo, hi, bound]);
            }
            Opcode::CheckSlice3 => {
                let lo = self.word64(d.args[0])?;
                let hi = self.word64(d.args[1])?;
                let max = self.word64(d.args[2])?;
                let cap = self.word64(d.args[3])?;
                let kind = match d.imm {
                    Imm::Bound(BoundKind::Len) => 1,
                    _ => 0,
                };
                let b1 = self.b.ins().icmp(CC::UnsignedGreaterThan, max, cap);
                let b2 = self.b.ins().icmp(CC::UnsignedGreaterThan, hi, max);
                let b3 = self.b.ins().icmp(CC::UnsignedGreaterThan, lo, hi);
                let b12 = self.b.ins().bor(b1, b2);
                let bad = self.b.ins().bor(b12, b3);
                let kind = self.b.ins().iconst(I64, kind);
                self.cold_call_if(bad, Internal::PanicSlice3, &[lo, hi, max, cap, kind]);
            }
            other => return Err(self.err(format!("not a panic opcode: {other}"))),
        }
        Ok(())
    }
}
