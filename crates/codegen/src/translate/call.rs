//! Calls: direct and indirect calls with flattened signatures, closures, runtime
//! calls, and the adapters through which the runtime calls `Error()` and `String()` methods.
//!
//! A function value points to a closure object `{code, captures...}` (one word each);
//! `call_indirect` loads the code address from word 0 and passes the object as `env`.
//! Runtime functions with more than two result words (slices) take a pointer to a
//! scratch stack slot as their first argument and write the results there.

use super::{FnTx, ModuleCx};
use crate::flat::{is_direct, Flattener};
use crate::CodegenError;
use cranelift_codegen::ir::types::{I64, I8};
use cranelift_codegen::ir::{self as cl, AbiParam, InstBuilder, MemFlagsData, Signature};
use cranelift_codegen::isa::CallConv;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::JITModule;
use ir::{EntityRef, FuncId, Imm, Opcode, RtFunc, Type};

/// The Cranelift signature of an IR signature: parameters and results flattened.
pub fn ir_signature(
    flat: &mut Flattener,
    params: &[Type],
    results: &[Type],
    cc: CallConv,
) -> Signature {
    let mut sig = Signature::new(cc);
    for &p in params {
        sig.params
            .extend(flat.types(p).into_iter().map(AbiParam::new));
    }
    for &r in results {
        sig.returns
            .extend(flat.types(r).into_iter().map(AbiParam::new));
    }
    sig
}

/// Whether a runtime function returns its results through an out pointer.
fn uses_out_ptr(flat: &mut Flattener, f: RtFunc) -> bool {
    f.results().iter().map(|&t| flat.count(t)).sum::<usize>() > 2
}

/// The C signature of a runtime function (see `runtime`'s ABI notes).
pub fn rtfunc_signature(flat: &mut Flattener, f: RtFunc, cc: CallConv) -> Signature {
    let mut sig = Signature::new(cc);
    let out = uses_out_ptr(flat, f);
    if out {
        sig.params.push(AbiParam::new(I64));
    }
    for &p in f.params() {
        for t in flat.types(p) {
            // C callees may rely on narrow arguments being zero-extended.
            let a = AbiParam::new(t);
            sig.params.push(if t == I8 { a.uext() } else { a });
        }
    }
    if !out {
        for &r in f.results() {
            sig.returns
                .extend(flat.types(r).into_iter().map(AbiParam::new));
        }
    }
    sig
}

/// `(env, tok, data word) -> (ptr, len)`.
pub fn adapter_signature(cc: CallConv) -> Signature {
    let mut sig = Signature::new(cc);
    sig.params.extend([AbiParam::new(I64); 3]);
    sig.returns.extend([AbiParam::new(I64); 2]);
    sig
}

/// Defines the adapter that calls the `Error()` or `String()` method `m` of type `t` on a receiver
/// given as an interface data word: the method takes the whole interface (the
/// lowering's `·iface` wrappers) or the receiver itself (unboxed here).
pub fn translate_method_adapter(
    cx: &mut ModuleCx,
    jit: &mut JITModule,
    t: ir::GoTypeId,
    m: FuncId,
    clf: &mut cl::Function,
    fctx: &mut FunctionBuilderContext,
) -> Result<(), CodegenError> {
    let method = &cx.module.funcs[m];
    clf.signature = adapter_signature(cx.call_conv);
    let err = |msg: &str| CodegenError::new(Some(&method.name), msg);
    let &[_, _, recv] = method.sig.params.as_slice() else {
        return Err(err(
            "an Error or String method must take (env, tok, receiver)",
        ));
    };
    if method.sig.results.as_slice() != [Type::Str] {
        return Err(err("an Error or String method must return a string"));
    }
    let mut b = FunctionBuilder::new(clf, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let word = b.block_params(entry)[2];
    let mut args = vec![b.ins().iconst(I64, 0), b.ins().iconst(I64, 0)];
    if recv == Type::Iface {
        let typ = cx.statics.type_addr(t);
        args.push(b.ins().iconst(I64, typ as i64));
        args.push(word);
    } else if is_direct(recv) {
        let t = cx.flat.types(recv)[0];
        args.push(if t == I64 {
            word
        } else {
            b.ins().ireduce(t, word)
        });
    } else {
        for l in cx.flat.leaves(recv).to_vec() {
            args.push(
                b.ins()
                    .load(l.ty, MemFlagsData::new(), word, l.offset as i32),
            );
        }
    }
    use cranelift_module::Module as _;
    let callee = jit.declare_func_in_func(cx.funcs[m.index()], b.func);
    let call = b.ins().call(callee, &args);
    let rets = b.inst_results(call).to_vec();
    b.ins().return_(&rets);
    b.seal_all_blocks();
    b.finalize(jit.target_config());
    Ok(())
}

impl FnTx<'_, '_, '_, '_> {
    pub(super) fn translate_call(&mut self, inst: ir::Inst) -> Result<(), CodegenError> {
        let d = self.func.dfg.insts[inst].clone();
        match d.opcode {
            Opcode::Call => {
                let Imm::Func(f) = d.imm else {
                    return Err(self.err("call needs a function"));
                };
                let args = self.flat_args(&d.args)?;
                let callee = self.cx.funcs[f.index()];
                let r = self.func_ref(callee);
                let call = self.b.ins().call(r, &args);
                let rets = self.b.inst_results(call).to_vec();
                self.define_results(inst, &rets)?;
            }
            Opcode::CallIndirect => {
                let Some((&f, rest)) = d.args.split_first() else {
                    return Err(self.err("call_indirect needs a callee"));
                };
                let fv = self.word(f)?;
                let mut params = vec![Type::Ptr];
                params.extend(rest.iter().map(|&a| self.func.dfg.value_type(a)));
                let results: Vec<Type> = self
                    .func
                    .dfg
                    .inst_results(inst)
                    .iter()
                    .map(|&r| self.func.dfg.value_type(r))
                    .collect();
                let sig = ir_signature(&mut self.cx.flat, &params, &results, self.cx.call_conv);
                let sigref = self.b.import_signature(sig);
                let code = self.b.ins().load(I64, MemFlagsData::new(), fv, 0);
                let mut args = vec![fv];
                args.extend(self.flat_args(rest)?);
                let call = self.b.ins().call_indirect(sigref, code, &args);
                let rets = self.b.inst_results(call).to_vec();
                self.define_results(inst, &rets)?;
            }
            Opcode::RtCall => {
                let Imm::Rt(f) = d.imm else {
                    return Err(self.err("rtcall needs a runtime function"));
                };
                let args = self.flat_args(&d.args)?;
                let rets = if matches!(
                    f,
                    RtFunc::GrowSlice | RtFunc::GrowSliceBuf | RtFunc::GrowSliceBufCap
                ) {
                    self.grow_slice(f, args)
                } else if f == RtFunc::MoveToHeap {
                    self.move_to_heap(args)
                } else if f == RtFunc::DeferAlloc {
                    vec![self.defer_alloc(inst, args[0])]
                } else if f == RtFunc::DeferFree {
                    self.defer_free(args[0]);
                    Vec::new()
                } else {
                    self.rtcall(f, args)
                };
                self.define_results(inst, &rets)?;
            }
            Opcode::FuncRef => {
                let Imm::Func(f) = d.imm else {
                    return Err(self.err("funcref needs a function"));
                };
                let a = self.cx.statics.funcref_addr(f);
                let v = self.addr_const(a);
                self.define1(inst, vec![v]);
            }
            Opcode::Closure | Opcode::StackClosure => {
                let Imm::Func(f) = d.imm else {
                    return Err(self.err("closure needs a function"));
                };
                let n = d.args.len() as i64;
                // The same object either way: on the heap, or in a frame slot.
                let p = if d.opcode == Opcode::StackClosure {
                    self.zeroed_slot(8 * (n as u32 + 1), 8)
                } else {
                    // The code word is no heap pointer; each capture is one word, a
                    // pointer if its type's mask says so.
                    let mut mask = ir::gclayout::PtrMask {
                        words: n as u32 + 1,
                        bits: vec![0; (n as usize + 1).div_ceil(64)],
                    };
                    for (i, &a) in d.args.iter().enumerate() {
                        let ty = self.func.dfg.value_type(a);
                        if ir::gclayout::ptr_mask(self.cx.module, ty).has_pointers() {
                            mask.bits[(i + 1) / 64] |= 1 << ((i + 1) % 64);
                        }
                    }
                    self.alloc_with_mask(8 * (n as u32 + 1), &mask)
                };
                let callee = self.cx.funcs[f.index()];
                let r = self.func_ref(callee);
                let code = self.b.ins().func_addr(I64, r);
                self.b.ins().store(MemFlagsData::trusted(), code, p, 0);
                for (i, &a) in d.args.iter().enumerate() {
                    let w = self
                        .word(a)
                        .map_err(|_| self.err("closure captures must be one word each"))?;
                    let w = self.uext64(w);
                    self.b
                        .ins()
                        .store(MemFlagsData::trusted(), w, p, 8 * (i as i32 + 1));
                }
                self.define1(inst, vec![p]);
            }
            Opcode::EnvGet => {
                let ty = self.ctrl_ty(inst)?;
                let Imm::Index(i) = d.imm else {
                    return Err(self.err("env_get needs an index"));
                };
                let env = self.word(d.args[0])?;
                let t = match self.cx.flat.types(ty).as_slice() {
                    [t] => *t,
                    _ => return Err(self.err("captures are one word each")),
                };
                let v = self
                    .b
                    .ins()
                    .load(t, MemFlagsData::trusted(), env, 8 * (i as i32 + 1));
                self.define1(inst, vec![v]);
            }
            other => return Err(self.err(format!("not a call opcode: {other}"))),
        }
        Ok(())
    }

    /// `append`'s growth with gc's inline fast path: when the new length fits the
    /// capacity (unsigned, as gc compares), the slice is the same array with the new
    /// length, which is what every `grow_slice*` returns then; otherwise the runtime
    /// call. `args` are the slice's three words, then `n` and the rest.
    fn grow_slice(&mut self, f: RtFunc, args: Vec<cl::Value>) -> Vec<cl::Value> {
        let (ptr, len, cap, n) = (args[0], args[1], args[2], args[3]);
        let new_len = self.b.ins().iadd(len, n);
        let fits = self
            .b
            .ins()
            .icmp(cl::condcodes::IntCC::UnsignedLessThanOrEqual, new_len, cap);
        self.fast_or_call(fits, [ptr, new_len, cap], f, args)
    }

    /// `move_to_heap(s, elem, state, keep_cap)` with gc's inline test: only a slice
    /// whose data lies in the frame cell's 32-byte store (at `state + 8`, up to and
    /// including its end, as the runtime tests) calls the runtime; any other is the
    /// result as it is.
    fn move_to_heap(&mut self, args: Vec<cl::Value>) -> Vec<cl::Value> {
        let (ptr, len, cap, state) = (args[0], args[1], args[2], args[4]);
        let buf = self.b.ins().iadd_imm_s(state, 8);
        let off = self.b.ins().isub(ptr, buf);
        let outside = self
            .b
            .ins()
            .icmp_imm_u(cl::condcodes::IntCC::UnsignedGreaterThan, off, 32);
        self.fast_or_call(outside, [ptr, len, cap], RtFunc::MoveToHeap, args)
    }

    /// A runtime call of `f` that returns a slice, with an inline fast path: when
    /// `fast` holds, the result is `words` and nothing is called (the call is a cold
    /// block).
    fn fast_or_call(
        &mut self,
        fast: cl::Value,
        words: [cl::Value; 3],
        f: RtFunc,
        args: Vec<cl::Value>,
    ) -> Vec<cl::Value> {
        let slow = self.b.create_block();
        let join = self.b.create_block();
        let results: Vec<cl::Value> = words
            .iter()
            .map(|&w| {
                let t = self.b.func.dfg.value_type(w);
                self.b.append_block_param(join, t)
            })
            .collect();
        let same = words.map(cl::BlockArg::Value);
        self.b.set_cold_block(slow);
        self.b.ins().brif(fast, join, &same, slow, &[]);
        self.b.switch_to_block(slow);
        let r: Vec<cl::BlockArg> = self
            .rtcall(f, args)
            .into_iter()
            .map(cl::BlockArg::Value)
            .collect();
        self.b.ins().jump(join, &r);
        self.b.switch_to_block(join);
        results
    }

    /// Calls a runtime function with flattened arguments; returns its flattened results.
    pub fn rtcall(&mut self, f: RtFunc, args: Vec<cl::Value>) -> Vec<cl::Value> {
        let id = self.cx.rtfuncs[&f];
        let r = self.func_ref(id);
        if uses_out_ptr(&mut self.cx.flat, f) {
            let tys: Vec<cl::Type> = f
                .results()
                .iter()
                .flat_map(|&t| self.cx.flat.types(t))
                .collect();
            let out = self.scratch_slot(tys.len() as u32);
            let mut all = vec![out];
            all.extend(args);
            self.b.ins().call(r, &all);
            self.load_words(out, &tys)
        } else {
            let call = self.b.ins().call(r, &args);
            self.b.inst_results(call).to_vec()
        }
    }
}
