//! Memory: loads and stores of flattened values, addresses, heap allocation through
//! the runtime (each site passing its type's layout descriptor, so the collector
//! scans the object by its pointer mask), and zeroed stack slots.

use super::FnTx;
use crate::runtime::Internal;
use crate::CodegenError;
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{self as cl, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind};
use ir::{Imm, Opcode};

/// Stack slots up to this size are zeroed with inline stores; larger ones by `memset`.
const INLINE_ZERO_BYTES: u32 = 256;

impl FnTx<'_, '_, '_, '_> {
    pub(super) fn translate_memory(&mut self, inst: ir::Inst) -> Result<(), CodegenError> {
        let d = self.func.dfg.insts[inst].clone();
        match d.opcode {
            Opcode::Load => {
                let ty = self.ctrl_ty(inst)?;
                let p = self.word(d.args[0])?;
                let words = self.load_leaves(ty, p);
                self.define1(inst, words);
            }
            Opcode::Store => {
                let p = self.word(d.args[0])?;
                let ty = self.func.dfg.value_type(d.args[1]);
                let words = self.val(d.args[1])?;
                self.store_leaves(ty, p, &words);
            }
            Opcode::FieldAddr => {
                let Imm::Field(s, i) = d.imm else {
                    return Err(self.err("field_addr needs a field"));
                };
                let off = ir::types::field_offset(self.cx.module, s, i as usize);
                let p = self.word(d.args[0])?;
                let r = self.b.ins().iadd_imm_s(p, i64::from(off));
                self.define1(inst, vec![r]);
            }
            Opcode::IndexAddr => {
                let ty = self.ctrl_ty(inst)?;
                let (size, _) = ir::types::layout(self.cx.module, ty);
                let p = self.word(d.args[0])?;
                let i = self.word64(d.args[1])?;
                let off = self.b.ins().imul_imm_s(i, i64::from(size));
                let r = self.b.ins().iadd(p, off);
                self.define1(inst, vec![r]);
            }
            Opcode::Alloc => {
                let ty = self.ctrl_ty(inst)?;
                let p = self.alloc_typed(ty);
                self.define1(inst, vec![p]);
            }
            Opcode::AllocArray => {
                let ty = self.ctrl_ty(inst)?;
                let (size, _) = ir::types::layout(self.cx.module, ty);
                let mask = ir::gclayout::ptr_mask(self.cx.module, ty);
                let n = self.word64(d.args[0])?;
                let size = self.b.ins().iconst(I64, i64::from(size));
                let desc = self.layout_desc(&mask);
                let p = self.call_internal(Internal::AllocArrayLayout, &[n, size, desc])[0];
                self.define1(inst, vec![p]);
            }
            Opcode::StackAlloc => {
                let ty = self.ctrl_ty(inst)?;
                let (size, align) = ir::types::layout(self.cx.module, ty);
                let p = self.zeroed_slot(size, align);
                self.define1(inst, vec![p]);
            }
            Opcode::StackAllocArray => {
                let ty = self.ctrl_ty(inst)?;
                let (size, align) = ir::types::layout(self.cx.module, ty);
                let n = self.func.dfg.int_const(d.args[0]);
                let bytes = n.and_then(|n| u32::try_from(n).ok()?.checked_mul(size));
                let Some(bytes) = bytes else {
                    return Err(self.err("stack_alloc_array needs a small constant count"));
                };
                let p = self.zeroed_slot(bytes, align);
                self.define1(inst, vec![p]);
            }
            Opcode::GlobalAddr => {
                let Imm::Global(g) = d.imm else {
                    return Err(self.err("global_addr needs a global"));
                };
                let a = self.cx.statics.global_addr(g);
                let v = self.addr_const(a);
                self.define1(inst, vec![v]);
            }
            other => return Err(self.err(format!("not a memory opcode: {other}"))),
        }
        Ok(())
    }

    /// A zeroed heap object for one `ty`, with `ty`'s layout.
    pub fn alloc_typed(&mut self, ty: ir::Type) -> cl::Value {
        let (size, _) = ir::types::layout(self.cx.module, ty);
        let mask = ir::gclayout::ptr_mask(self.cx.module, ty);
        self.alloc_with_mask(size, &mask)
    }

    /// A zeroed heap object of `size` bytes whose words hold what `mask` says.
    pub fn alloc_with_mask(&mut self, size: u32, mask: &ir::gclayout::PtrMask) -> cl::Value {
        let size = self.b.ins().iconst(I64, i64::from(size));
        let desc = self.layout_desc(mask);
        self.call_internal(Internal::AllocLayout, &[size, desc])[0]
    }

    /// `rtcall defer_alloc(size)` (a chain record), popped inline from the free list of
    /// its layout (`runtime::alloc`): `r = *pool; if r != 0 { *pool = *r; zero r }`,
    /// else, in a cold block, `rt_defer_alloc_pool(size, desc, pool)`. The record's
    /// type is the struct `defer_lower` gave it, which the `field_addr`s that fill it
    /// name; the heap object is a header word (no pointer) and then the record. The
    /// one fallback, a record no `field_addr` names (none is known to arise:
    /// `defer_lower` always fills `link` and `site` through them), passes descriptor 0,
    /// is scanned conservatively and gets a list of its own.
    pub fn defer_alloc(&mut self, inst: ir::Inst, size: cl::Value) -> cl::Value {
        let rec = self.func.dfg.first_result(inst);
        let f = self.func;
        let record = f
            .layout
            .blocks
            .iter()
            .flat_map(|&b| f.layout.insts[b].iter())
            .find_map(|&i| match &f.dfg.insts[i] {
                d if d.opcode == Opcode::FieldAddr && d.args.first() == Some(&rec) => match d.imm {
                    Imm::Field(s, _) => Some(s),
                    _ => None,
                },
                _ => None,
            });
        let (desc, words) = match record {
            Some(s) => {
                let m = ir::gclayout::ptr_mask(self.cx.module, ir::Type::Struct(s));
                let words = m.words + 1;
                let mut bits = vec![0u64; (words as usize).div_ceil(64)];
                for i in (0..m.words).filter(|&i| m.get(i)) {
                    let j = i as usize + 1;
                    bits[j / 64] |= 1 << (j % 64);
                }
                let obj = ir::gclayout::PtrMask { words, bits };
                (self.cx.statics.layout_addr(&obj), Some(m.words))
            }
            None => (0, None),
        };
        let pool_addr = self.cx.statics.defer_pool_addr(desc);
        let pool = self.addr_const(pool_addr);
        let flags = MemFlagsData::trusted();
        let head = self.b.ins().load(I64, flags, pool, 0);
        let (reuse, slow, join) = (
            self.b.create_block(),
            self.b.create_block(),
            self.b.create_block(),
        );
        let r = self.b.append_block_param(join, I64);
        self.b.set_cold_block(slow);
        self.b.ins().brif(head, reuse, &[], slow, &[]);

        self.b.switch_to_block(reuse);
        let next = self.b.ins().load(I64, flags, head, 0);
        self.b.ins().store(flags, next, pool, 0);
        match words {
            Some(n) if n * 8 <= INLINE_ZERO_BYTES => {
                let zero = self.b.ins().iconst(I64, 0);
                for w in 0..n {
                    self.b.ins().store(flags, zero, head, 8 * w as i32);
                }
            }
            _ => {
                let cfg = self.jit_target_config();
                let zero = self.b.ins().iconst(cranelift_codegen::ir::types::I8, 0);
                self.b.call_memset(cfg, head, zero, size);
            }
        }
        self.b.ins().jump(join, &[cl::BlockArg::Value(head)]);

        self.b.switch_to_block(slow);
        let desc = self.addr_const(desc);
        let fresh = self.call_internal(Internal::DeferAllocPool, &[size, desc, pool])[0];
        self.b.ins().jump(join, &[cl::BlockArg::Value(fresh)]);
        self.b.switch_to_block(join);
        r
    }

    /// `rtcall defer_free(rec)`, inline: pushes the record on the free list its header
    /// names (`*rec = *pool; *pool = rec`).
    pub fn defer_free(&mut self, rec: cl::Value) {
        let flags = MemFlagsData::trusted();
        let pool = self.b.ins().load(I64, flags, rec, -8);
        let old = self.b.ins().load(I64, flags, pool, 0);
        self.b.ins().store(flags, old, rec, 0);
        self.b.ins().store(flags, rec, pool, 0);
    }

    /// The address of `mask`'s layout descriptor, as a constant.
    fn layout_desc(&mut self, mask: &ir::gclayout::PtrMask) -> cl::Value {
        let a = self.cx.statics.layout_addr(mask);
        self.addr_const(a)
    }

    /// A new stack slot, zeroed here (so a slot in a loop is zeroed each iteration).
    pub fn zeroed_slot(&mut self, size: u32, align: u32) -> cl::Value {
        let size = size.max(8).div_ceil(8) * 8;
        let shift = align.max(8).trailing_zeros() as u8;
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            size,
            shift,
        ));
        let p = self.b.ins().stack_addr(I64, slot, 0);
        if size <= INLINE_ZERO_BYTES {
            let zero = self.b.ins().iconst(I64, 0);
            for off in (0..size).step_by(8) {
                self.b
                    .ins()
                    .store(MemFlagsData::trusted(), zero, p, off as i32);
            }
        } else {
            let cfg = self.jit_target_config();
            let zero = self.b.ins().iconst(cranelift_codegen::ir::types::I8, 0);
            let n = self.b.ins().iconst(I64, i64::from(size));
            self.b.call_memset(cfg, p, zero, n);
        }
        p
    }

    /// An uninitialised stack slot of `words` machine words (for runtime results).
    pub fn scratch_slot(&mut self, words: u32) -> cl::Value {
        let slot = self.b.create_sized_stack_slot(StackSlotData::new(
            StackSlotKind::ExplicitSlot,
            words * 8,
            3,
        ));
        self.b.ins().stack_addr(I64, slot, 0)
    }

    fn jit_target_config(&self) -> cranelift_codegen::isa::TargetFrontendConfig {
        use cranelift_module::Module as _;
        self.jit.target_config()
    }

    /// Loads `n` words from `p`.
    pub fn load_words(&mut self, p: cl::Value, tys: &[cl::Type]) -> Vec<cl::Value> {
        tys.iter()
            .enumerate()
            .map(|(i, &t)| {
                self.b
                    .ins()
                    .load(t, MemFlagsData::trusted(), p, 8 * i as i32)
            })
            .collect()
    }
}
