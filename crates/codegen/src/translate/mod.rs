//! Translation of one IR function to one Cranelift function.
//!
//! Every IR value maps to the list of Cranelift values of its flattened type (see
//! `flat`); block parameters, call arguments and results flatten the same way. IR
//! blocks map one to one to Cranelift blocks, behind a new entry block that checks the
//! stack pointer against the runtime's limit and jumps to the IR entry block.
//!
//! Split by concern: `inst` (constants, arithmetic, aggregates, interfaces), `memory`
//! (loads, stores, allocation), `call` (calls, closures, runtime calls), `check`
//! (panics, checks and the defer protocol).

mod call;
mod check;
mod float;
mod inst;
mod memory;

pub use call::{adapter_signature, ir_signature, rtfunc_signature, translate_method_adapter};

use crate::flat::Flattener;
use crate::runtime::Internal;
use crate::statics::Statics;
use crate::CodegenError;
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::types::I64;
use cranelift_codegen::ir::{self as cl, InstBuilder, MemFlagsData};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::JITModule;
use cranelift_module::Module as _;
use ir::{Opcode, RtFunc};
use std::collections::HashMap;

/// Module-wide state shared by the translation of every function.
pub struct ModuleCx<'m, 's> {
    pub module: &'m ir::Module,
    pub flat: Flattener<'m>,
    pub statics: &'s mut Statics,
    /// The Cranelift declaration of each IR function.
    pub funcs: Vec<cranelift_module::FuncId>,
    pub internals: HashMap<Internal, cranelift_module::FuncId>,
    pub rtfuncs: HashMap<RtFunc, cranelift_module::FuncId>,
    pub call_conv: CallConv,
}

/// The state of one function's translation.
pub(crate) struct FnTx<'a, 'm, 's, 'b> {
    pub cx: &'a mut ModuleCx<'m, 's>,
    pub jit: &'a mut JITModule,
    pub func: &'a ir::Function,
    pub b: FunctionBuilder<'b>,
    pub vals: HashMap<ir::Value, Vec<cl::Value>>,
    pub blocks: HashMap<ir::Block, cl::Block>,
    func_refs: HashMap<cranelift_module::FuncId, cl::FuncRef>,
    /// The instruction being translated, for error messages.
    pub inst: Option<ir::Inst>,
    /// Set while translating an explicit check whose panic test is fused into it
    /// (`fused_test`): the blocks and arguments of the test's branch.
    fused: Option<FusedTest>,
}

/// The branch of a check's fused panic test: where a failed check goes after recording
/// its runtime error (`then`) and where a passed one goes (`else`).
struct FusedTest {
    then_block: cl::Block,
    then_args: Vec<cl::BlockArg>,
    else_block: cl::Block,
    else_args: Vec<cl::BlockArg>,
}

pub fn translate_function(
    cx: &mut ModuleCx,
    jit: &mut JITModule,
    func: &ir::Function,
    clf: &mut cl::Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    clf.signature = ir_signature(
        &mut cx.flat,
        &func.sig.params,
        &func.sig.results,
        cx.call_conv,
    );
    let b = FunctionBuilder::new(clf, fctx);
    let mut tx = FnTx {
        cx,
        jit,
        func,
        b,
        vals: HashMap::new(),
        blocks: HashMap::new(),
        func_refs: HashMap::new(),
        inst: None,
        fused: None,
    };
    tx.translate()?;
    tx.b.seal_all_blocks();
    let cfg = tx.jit.target_config();
    tx.b.finalize(cfg);
    Ok(())
}

impl<'a, 'm, 's, 'b> FnTx<'a, 'm, 's, 'b> {
    pub fn err(&self, msg: impl Into<String>) -> CodegenError {
        let msg = msg.into();
        let msg = match self.inst {
            Some(i) => format!(
                "{}: {msg}",
                ir::write::write_inst(self.cx.module, self.func, i)
            ),
            None => msg,
        };
        CodegenError::new(Some(&self.func.name), msg)
    }

    fn translate(&mut self) -> Result<(), CodegenError> {
        let Some(ir_entry) = self.func.entry() else {
            return Err(self.err("function has no blocks"));
        };
        for &blk in &self.func.layout.blocks {
            let cb = self.b.create_block();
            for &p in self.func.dfg.block_params(blk) {
                let ty = self.func.dfg.value_type(p);
                let vs = self
                    .cx
                    .flat
                    .types(ty)
                    .into_iter()
                    .map(|t| self.b.append_block_param(cb, t))
                    .collect();
                self.vals.insert(p, vs);
            }
            self.blocks.insert(blk, cb);
        }

        // Entry: the stack check, then a jump to the IR entry block.
        let entry = self.b.create_block();
        self.b.append_block_params_for_function_params(entry);
        self.b.switch_to_block(entry);
        let params = self.b.block_params(entry).to_vec();
        if !self.is_small_leaf() {
            self.stack_check();
        }
        let target = self.blocks[&ir_entry];
        let args: Vec<cl::BlockArg> = params.into_iter().map(cl::BlockArg::Value).collect();
        self.b.ins().jump(target, &args);

        // Reachable blocks in reverse postorder, so every value is translated before
        // its uses (a block's dominators come first; layout order need not respect
        // dominance once passes have moved values out of memory cells). Unreachable
        // blocks never run: they only trap.
        let dt = ir::dominance::DomTree::compute(self.func);
        for &blk in &self.func.layout.blocks {
            if !dt.is_reachable(blk) {
                self.b.switch_to_block(self.blocks[&blk]);
                self.b
                    .ins()
                    .trap(cl::TrapCode::user(1).expect("non-zero trap code"));
            }
        }
        let clear_in = ir::panicflag::flag_clear(self.cx.module, self.func, &dt);
        let uses = self.func.use_counts();
        for &blk in dt.rpo() {
            self.b.switch_to_block(self.blocks[&blk]);
            let insts = &self.func.layout.insts[blk];
            let mut clear = clear_in[blk];
            for (k, &inst) in insts.iter().enumerate() {
                self.inst = Some(inst);
                if clear && self.fused_test(insts, k, &uses)? {
                    // The check ended the block with its test's branch.
                    break;
                }
                self.translate_inst(inst)?;
                let d = &self.func.dfg.insts[inst];
                clear = ir::panicflag::flag_after(self.cx.module, d, clear);
            }
            self.inst = None;
            if self.func.terminator(blk).is_none() {
                return Err(self.err(format!("{blk} has no terminator")));
            }
        }
        Ok(())
    }

    /// A function that calls no guest code and has a small frame needs no stack check
    /// (gc's leaf functions are `NOSPLIT` for the same reason): it cannot recurse, so
    /// past the limit it adds one small frame, and the runtime functions it may call
    /// run in the margin kept below the limit (`runtime::guest`); guest code the
    /// runtime calls back (an `Error` method while printing) checks for itself.
    fn is_small_leaf(&self) -> bool {
        /// Go's `StackSmall` is 128 bytes past the guard; our margin is 2 MiB, so a
        /// few pages of frame are safe.
        const MAX_LEAF_FRAME: u64 = 16 << 10;
        let f = self.func;
        let m = self.cx.module;
        let size = |ty: Option<ir::Type>| ty.map_or(u64::MAX, |t| ir::types::layout(m, t).0.into());
        // The frame objects the IR asks for (the slots `zeroed_slot` makes), counted
        // before translation; spill and scratch slots are a few words each.
        let mut frame: u64 = 0;
        for &b in &f.layout.blocks {
            for &i in &f.layout.insts[b] {
                let d = &f.dfg.insts[i];
                let bytes = match d.opcode {
                    Opcode::Call | Opcode::CallIndirect => return false,
                    Opcode::StackAlloc => size(d.ty),
                    Opcode::StackBox => size(Some(f.dfg.value_type(d.args[0]))),
                    Opcode::StackClosure => 8 * (d.args.len() as u64 + 1),
                    Opcode::StackAllocArray => f
                        .dfg
                        .int_const(d.args[0])
                        .and_then(|n| u64::try_from(n).ok())
                        .map_or(u64::MAX, |n| n.saturating_mul(size(d.ty))),
                    _ => 0,
                };
                frame = frame.saturating_add(bytes);
            }
        }
        frame <= MAX_LEAF_FRAME
    }

    /// An explicit check reached with the panic flag clear, followed by the block's
    /// last two instructions `v = panicking; brif v, T, E` (`v` used only there): the
    /// flag is set after the check exactly when the check failed, so the check's own
    /// compare takes the branch, its cold path records the runtime error and jumps to
    /// `T`, and the flag is never loaded. Translates all three and returns true, or
    /// returns false when the pattern does not hold.
    fn fused_test(
        &mut self,
        insts: &[ir::Inst],
        k: usize,
        uses: &ir::SecondaryMap<ir::Value, u32>,
    ) -> Result<bool, CodegenError> {
        let f = self.func;
        let check = &f.dfg.insts[insts[k]];
        let is_check = matches!(
            check.opcode,
            Opcode::CheckNil
                | Opcode::CheckIndex
                | Opcode::CheckSlice
                | Opcode::CheckSlice3
                | Opcode::CheckDiv
                | Opcode::CheckShift
        );
        if !is_check || k + 3 != insts.len() {
            return Ok(false);
        }
        let (test, br) = (&f.dfg.insts[insts[k + 1]], &f.dfg.insts[insts[k + 2]]);
        if test.opcode != Opcode::Panicking || br.opcode != Opcode::Brif {
            return Ok(false);
        }
        let v = f.dfg.first_result(insts[k + 1]);
        if br.args.first() != Some(&v) || uses[v] != 1 {
            return Ok(false);
        }
        let (t, e) = (&br.targets[0], &br.targets[1]);
        self.fused = Some(FusedTest {
            then_block: self.blocks[&t.block],
            then_args: self.block_args(t)?,
            else_block: self.blocks[&e.block],
            else_args: self.block_args(e)?,
        });
        self.translate_inst(insts[k])?;
        if self.fused.take().is_some() {
            return Err(self.err("a check did not take its fused panic test"));
        }
        Ok(true)
    }

    /// `if sp < STACK_LIMIT { rt_stack_overflow() }`.
    fn stack_check(&mut self) {
        let sp = self.b.ins().get_stack_pointer(I64);
        let addr = self.addr_const(&crate::runtime::guest::STACK_LIMIT as *const _ as u64);
        let limit = self.b.ins().load(I64, MemFlagsData::trusted(), addr, 0);
        let over = self.b.ins().icmp(IntCC::UnsignedLessThan, sp, limit);
        let cold = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(cold);
        self.b.ins().brif(over, cold, &[], cont, &[]);
        self.b.switch_to_block(cold);
        self.call_internal(Internal::StackOverflow, &[]);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    pub fn addr_const(&mut self, addr: u64) -> cl::Value {
        self.b.ins().iconst(I64, addr as i64)
    }

    /// The flattened values of an IR value.
    pub fn val(&self, v: ir::Value) -> Result<Vec<cl::Value>, CodegenError> {
        self.vals
            .get(&v)
            .cloned()
            .ok_or_else(|| self.err(format!("{v} is used before it is defined")))
    }

    /// The single word of a one-leaf IR value.
    pub fn word(&self, v: ir::Value) -> Result<cl::Value, CodegenError> {
        let vs = self.val(v)?;
        match vs.as_slice() {
            [w] => Ok(*w),
            _ => Err(self.err(format!("{v} is not a single word"))),
        }
    }

    /// A one-leaf IR value as an `I64` (sign-extended when narrower).
    pub fn word64(&mut self, v: ir::Value) -> Result<cl::Value, CodegenError> {
        let w = self.word(v)?;
        Ok(self.sext64(w))
    }

    pub fn sext64(&mut self, w: cl::Value) -> cl::Value {
        if self.b.func.dfg.value_type(w) == I64 {
            w
        } else {
            self.b.ins().sextend(I64, w)
        }
    }

    pub fn uext64(&mut self, w: cl::Value) -> cl::Value {
        if self.b.func.dfg.value_type(w) == I64 {
            w
        } else {
            self.b.ins().uextend(I64, w)
        }
    }

    /// The IR args of the current instruction, flattened and concatenated.
    pub fn flat_args(&self, args: &[ir::Value]) -> Result<Vec<cl::Value>, CodegenError> {
        let mut out = Vec::new();
        for &a in args {
            out.extend(self.val(a)?);
        }
        Ok(out)
    }

    /// Binds the results of an instruction to flattened values, in order.
    pub fn define_results(
        &mut self,
        inst: ir::Inst,
        words: &[cl::Value],
    ) -> Result<(), CodegenError> {
        let results = self.func.dfg.inst_results(inst).to_vec();
        let mut i = 0;
        for r in results {
            let n = self.cx.flat.count(self.func.dfg.value_type(r));
            if i + n > words.len() {
                return Err(self.err("too few result words"));
            }
            self.vals.insert(r, words[i..i + n].to_vec());
            i += n;
        }
        Ok(())
    }

    pub fn define1(&mut self, inst: ir::Inst, words: Vec<cl::Value>) {
        let r = self.func.dfg.first_result(inst);
        self.vals.insert(r, words);
    }

    pub fn func_ref(&mut self, id: cranelift_module::FuncId) -> cl::FuncRef {
        if let Some(&r) = self.func_refs.get(&id) {
            return r;
        }
        let r = self.jit.declare_func_in_func(id, self.b.func);
        self.func_refs.insert(id, r);
        r
    }

    pub fn call_internal(&mut self, f: Internal, args: &[cl::Value]) -> Vec<cl::Value> {
        let id = self.cx.internals[&f];
        let r = self.func_ref(id);
        let call = self.b.ins().call(r, args);
        self.b.inst_results(call).to_vec()
    }

    /// Emits `if cond { cold: f(args) }` for a failed check; with a fused panic test,
    /// `if cond { cold: f(args); goto T } else { goto E }`, which ends the block.
    pub fn cold_call_if(&mut self, cond: cl::Value, f: Internal, args: &[cl::Value]) {
        if let Some(t) = self.fused.take() {
            let cold = self.b.create_block();
            self.b.set_cold_block(cold);
            self.b
                .ins()
                .brif(cond, cold, &[], t.else_block, &t.else_args);
            self.b.switch_to_block(cold);
            self.call_internal(f, args);
            self.b.ins().jump(t.then_block, &t.then_args);
            return;
        }
        let cold = self.b.create_block();
        let cont = self.b.create_block();
        self.b.set_cold_block(cold);
        self.b.ins().brif(cond, cold, &[], cont, &[]);
        self.b.switch_to_block(cold);
        self.call_internal(f, args);
        self.b.ins().jump(cont, &[]);
        self.b.switch_to_block(cont);
    }

    fn block_args(&self, call: &ir::BlockCall) -> Result<Vec<cl::BlockArg>, CodegenError> {
        Ok(self
            .flat_args(&call.args)?
            .into_iter()
            .map(cl::BlockArg::Value)
            .collect())
    }

    fn translate_inst(&mut self, inst: ir::Inst) -> Result<(), CodegenError> {
        let d = &self.func.dfg.insts[inst];
        match d.opcode {
            Opcode::Jump => {
                let t = d
                    .targets
                    .first()
                    .ok_or_else(|| self.err("jump without target"))?;
                let args = self.block_args(t)?;
                let blk = self.blocks[&t.block];
                self.b.ins().jump(blk, &args);
            }
            Opcode::Brif => {
                let (Some(t), Some(e)) = (d.targets.first(), d.targets.get(1)) else {
                    return Err(self.err("brif needs two targets"));
                };
                let c = self.word(d.args[0])?;
                let (ta, ea) = (self.block_args(t)?, self.block_args(e)?);
                let (tb, eb) = (self.blocks[&t.block], self.blocks[&e.block]);
                if tb == eb {
                    // Both sides go to one block and differ only in its arguments
                    // (`min`, `max`, a clamp once inlined): a conditional move per
                    // differing word, as gc's branchelim makes, and no branch to
                    // mispredict.
                    let args: Vec<cl::BlockArg> = ta
                        .iter()
                        .zip(&ea)
                        .map(|(x, y)| match (x, y) {
                            (cl::BlockArg::Value(x), cl::BlockArg::Value(y)) if x != y => {
                                cl::BlockArg::Value(self.b.ins().select(c, *x, *y))
                            }
                            _ => *x,
                        })
                        .collect();
                    self.b.ins().jump(tb, &args);
                } else {
                    self.b.ins().brif(c, tb, &ta, eb, &ea);
                }
            }
            Opcode::Ret => {
                let args = self.flat_args(&d.args)?;
                self.b.ins().return_(&args);
            }
            Opcode::Unreachable => {
                self.call_internal(Internal::Unreachable, &[]);
                self.b
                    .ins()
                    .trap(cl::TrapCode::user(1).expect("non-zero trap code"));
            }
            Opcode::Defer | Opcode::RunDefers => {
                return Err(self.err("defer and run_defers must be lowered before codegen"))
            }
            Opcode::Call
            | Opcode::CallIndirect
            | Opcode::RtCall
            | Opcode::Closure
            | Opcode::StackClosure
            | Opcode::EnvGet
            | Opcode::FuncRef => self.translate_call(inst)?,
            Opcode::Load
            | Opcode::Store
            | Opcode::FieldAddr
            | Opcode::IndexAddr
            | Opcode::Alloc
            | Opcode::AllocArray
            | Opcode::StackAlloc
            | Opcode::StackAllocArray
            | Opcode::GlobalAddr => self.translate_memory(inst)?,
            Opcode::Panicking
            | Opcode::Raise
            | Opcode::Recover
            | Opcode::CheckNil
            | Opcode::CheckIndex
            | Opcode::CheckSlice
            | Opcode::CheckSlice3
            | Opcode::CheckDiv
            | Opcode::CheckShift
            | Opcode::DeferEnter
            | Opcode::DeferExit => self.translate_check(inst)?,
            _ => self.translate_simple(inst)?,
        }
        Ok(())
    }

    /// The `ty` of the current instruction.
    pub fn ctrl_ty(&self, inst: ir::Inst) -> Result<ir::Type, CodegenError> {
        self.func.dfg.insts[inst]
            .ty
            .ok_or_else(|| self.err("missing type"))
    }
}
