//! The JIT module: Cranelift settings, declarations, compilation of every function,
//! finalisation, and the compiled `Program`.

use crate::runtime::guest::{self, Mode, RunOutput};
use crate::runtime::{alloc, gc};
use crate::runtime::{panic, Internal};
use crate::statics::Statics;
use crate::translate::{self, ModuleCx};
use crate::{CodegenError, Options};
use cranelift_codegen::ir::{AbiParam, Signature};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::FunctionBuilderContext;
use cranelift_jit::{ArenaMemoryProvider, JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Linkage, Module as _, ModuleReloc};
use ir::{EntityRef, FuncId, RtFunc};
use std::collections::HashMap;
use std::fmt::Write as _;

/// What text `compile` also produces.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    None,
    Clif,
    Asm,
}

/// Address space reserved for one program's machine code.
const CODE_ARENA: usize = 128 << 20;

/// A JIT-compiled module, ready to run.
pub struct Program {
    jit: Option<JITModule>,
    statics: Statics,
    /// Code address of each IR function.
    code: Vec<usize>,
    init: Option<FuncId>,
    main: Option<FuncId>,
    benchmarks: Vec<(String, FuncId)>,
}

type EntryFn = extern "C" fn(u64, i64);

impl Program {
    /// Runs `init` then `main` on a guest thread, writing to the process's stdout and
    /// stderr. Returns 0, or 2 after an uncaught panic; `os.Exit` and fatal errors
    /// (stack overflow) exit the process.
    pub fn run_main(&self) -> i32 {
        self.run(Mode::Process).status
    }

    /// Like `run_main`, but collects stdout and stderr, and turns `os.Exit` and fatal
    /// errors into the returned status (the guest thread is then left parked).
    pub fn run_main_captured(&self) -> RunOutput {
        self.run(Mode::Capture)
    }

    fn run(&self, mode: Mode) -> RunOutput {
        self.statics.reset_globals();
        let entries: Vec<usize> = [self.init, self.main]
            .into_iter()
            .flatten()
            .map(|f| self.code[f.index()])
            .collect();
        let roots = self.statics.globals_words();
        let pools = self.statics.defer_pool_words();
        let (r, stdout, stderr) = guest::run(mode, move || {
            gc::set_roots(vec![roots], guest::stack_base());
            alloc::set_defer_pools(pools);
            for code in entries {
                // SAFETY: `code` is a finalised function with the signature (env, tok).
                let f: EntryFn = unsafe { std::mem::transmute::<usize, EntryFn>(code) };
                f(0, 0);
                if panic::is_panicking() {
                    panic::report_uncaught();
                    return 2;
                }
            }
            0
        });
        RunOutput {
            status: r.unwrap_or_else(|code| code),
            stdout,
            stderr,
        }
    }

    /// Runs `f` on a fresh guest thread (with a large stack, the stack limit and fresh
    /// runtime state), for callers that invoke JIT functions themselves (benchmarks).
    /// `Err(status)` if the guest exited (`os.Exit`, fatal error) in capture mode.
    pub fn on_guest<R: Send + 'static>(
        &self,
        capture: bool,
        f: impl FnOnce() -> R + Send + 'static,
    ) -> (Result<R, i32>, Vec<u8>, Vec<u8>) {
        self.statics.reset_globals();
        let mode = if capture {
            Mode::Capture
        } else {
            Mode::Process
        };
        let roots = self.statics.globals_words();
        let pools = self.statics.defer_pool_words();
        guest::run(mode, move || {
            gc::set_roots(vec![roots], guest::stack_base());
            alloc::set_defer_pools(pools);
            f()
        })
    }

    /// The machine code address of an IR function. Its signature is the flattened IR
    /// signature (see `flat`) in the platform's C calling convention: for example
    /// `func @Bench(ptr, i64, ptr)` is `extern "C" fn(u64, i64, u64)`. Call it only on
    /// the guest thread (`on_guest`).
    pub fn func_ptr(&self, f: FuncId) -> *const u8 {
        self.code[f.index()] as *const u8
    }

    /// The static closure object (`funcref`) of a function: a function value.
    pub fn func_value(&self, f: FuncId) -> u64 {
        self.statics.funcref_addr(f)
    }

    /// The package initialiser, which `on_guest` callers run first themselves.
    pub fn init_func(&self) -> Option<FuncId> {
        self.init
    }

    /// The package variables' memory (address, length in words): the roots a
    /// benchmark driver hands to `runtime::testing::B` for the garbage check.
    pub fn globals_words(&self) -> (u64, usize) {
        self.statics.globals_words()
    }

    pub fn benchmarks(&self) -> &[(String, FuncId)] {
        &self.benchmarks
    }
}

impl Drop for Program {
    fn drop(&mut self) {
        if let Some(jit) = self.jit.take() {
            // SAFETY: no guest code runs any more: `run` joins the guest thread, and a
            // parked (exited) guest never returns into JIT code.
            unsafe { jit.free_memory() };
        }
    }
}

fn isa(opts: &Options) -> Result<cranelift_codegen::isa::OwnedTargetIsa, CodegenError> {
    let err = |e: String| CodegenError::new(None, e);
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, k: &str, v: &str| {
        flags
            .set(k, v)
            .map_err(|e| err(format!("setting {k}={v}: {e}")))
    };
    set(
        &mut flags,
        "opt_level",
        if opts.opt { "speed" } else { "none" },
    )?;
    set(
        &mut flags,
        "enable_verifier",
        if opts.verify { "true" } else { "false" },
    )?;
    set(&mut flags, "is_pic", "false")?;
    set(&mut flags, "use_colocated_libcalls", "false")?;
    set(&mut flags, "enable_multi_ret_implicit_sret", "true")?;
    let builder = cranelift_native::builder().map_err(|e| err(e.to_string()))?;
    builder
        .finish(settings::Flags::new(flags))
        .map_err(|e| err(e.to_string()))
}

pub fn compile(
    module: &ir::Module,
    opts: &Options,
    emit: Emit,
) -> Result<(Program, String), CodegenError> {
    let mut builder = JITBuilder::with_isa(isa(opts)?, default_libcall_names());
    for (name, addr) in crate::runtime::symbols() {
        builder.symbol(name, addr);
    }
    let arena = ArenaMemoryProvider::new_with_size(CODE_ARENA)
        .map_err(|e| CodegenError::new(None, format!("reserving code memory: {e}")))?;
    builder.memory_provider(Box::new(arena));
    let mut jit = JITModule::new(builder);
    let mut statics = Statics::new(module);
    let mdecl = |e: cranelift_module::ModuleError| CodegenError::new(None, e.to_string());

    // Runtime imports.
    let call_conv = jit.isa().default_call_conv();
    let mut internals = HashMap::new();
    for &i in Internal::ALL {
        let (params, results) = i.signature();
        let mut sig = Signature::new(call_conv);
        sig.params.extend(params.iter().map(|&t| AbiParam::new(t)));
        sig.returns
            .extend(results.iter().map(|&t| AbiParam::new(t)));
        let id = jit
            .declare_function(i.name(), Linkage::Import, &sig)
            .map_err(mdecl)?;
        internals.insert(i, id);
    }
    let mut flat = crate::flat::Flattener::new(module);
    let mut rtfuncs = HashMap::new();
    for &f in RtFunc::ALL {
        let sig = translate::rtfunc_signature(&mut flat, f, call_conv);
        let id = jit
            .declare_function(&crate::runtime::rtfunc_symbol(f), Linkage::Import, &sig)
            .map_err(mdecl)?;
        rtfuncs.insert(f, id);
    }

    // Guest functions and the `Error()` adapters.
    let mut funcs = Vec::new();
    for (id, f) in module.funcs.iter() {
        let sig = translate::ir_signature(&mut flat, &f.sig.params, &f.sig.results, call_conv);
        let name = format!("{}#{}", f.name, id.index());
        funcs.push(
            jit.declare_function(&name, Linkage::Local, &sig)
                .map_err(mdecl)?,
        );
    }
    // (type, method, adapter, whether it is the `String` method).
    let mut adapters = Vec::new();
    for (t, desc) in module.go_types.iter() {
        let methods = [(desc.error_method, false), (desc.string_method, true)];
        for (m, is_string) in methods {
            let Some(m) = m else { continue };
            let sig = translate::adapter_signature(call_conv);
            let kind = if is_string { "string" } else { "error" };
            let name = format!("{kind}_adapter#{}", t.index());
            let id = jit
                .declare_function(&name, Linkage::Local, &sig)
                .map_err(mdecl)?;
            adapters.push((t, m, id, is_string));
        }
    }

    let mut cx = ModuleCx {
        module,
        flat,
        statics: &mut statics,
        funcs,
        internals,
        rtfuncs,
        call_conv,
    };
    let mut text = String::new();
    let mut ctx = jit.make_context();
    let mut fctx = FunctionBuilderContext::new();
    for (id, f) in module.funcs.iter() {
        jit.clear_context(&mut ctx);
        ctx.set_disasm(emit == Emit::Asm);
        translate::translate_function(&mut cx, &mut jit, f, &mut ctx.func, &mut fctx)?;
        let fid = cx.funcs[id.index()];
        define(&mut jit, fid, &mut ctx, &f.name)?;
        record(&mut text, emit, &f.name, &ctx);
    }
    for &(t, m, fid, is_string) in &adapters {
        jit.clear_context(&mut ctx);
        ctx.set_disasm(emit == Emit::Asm);
        translate::translate_method_adapter(&mut cx, &mut jit, t, m, &mut ctx.func, &mut fctx)?;
        let kind = if is_string { "String" } else { "Error" };
        let name = format!("{kind} adapter of {}", module.go_types[t].name);
        define(&mut jit, fid, &mut ctx, &name)?;
        record(&mut text, emit, &name, &ctx);
    }
    let funcs = std::mem::take(&mut cx.funcs);
    drop(cx);
    jit.finalize_definitions()
        .map_err(|e| CodegenError::new(None, e.to_string()))?;

    let code: Vec<usize> = funcs
        .iter()
        .map(|&f| jit.get_finalized_function(f) as usize)
        .collect();
    for (i, &c) in code.iter().enumerate() {
        statics.funcrefs[i] = c as u64;
    }
    for &(t, _, fid, is_string) in &adapters {
        let addr = jit.get_finalized_function(fid) as usize;
        let d = &mut statics.types[t.index()];
        if is_string {
            d.string_fn = addr;
        } else {
            d.error_fn = addr;
        }
    }
    let program = Program {
        jit: Some(jit),
        statics,
        code,
        init: module.init,
        main: module.main,
        benchmarks: module.benchmarks.clone(),
    };
    Ok((program, text))
}

/// Where every function starts: a cache line. `cranelift-jit` places each function
/// right after the last (its minimum alignment is one byte), so a change in one
/// function's size moved every later function's loops against the 32- and 64-byte
/// windows the front end fetches and decodes, and the timing of unchanged machine code
/// with it (`BenchmarkNoDefer`: 1.1 ns in one build, 1.7 ns in the next). Go aligns
/// functions to 32 bytes on amd64, and 32 is Cranelift's preferred x64 alignment;
/// 64 also keeps a small function in one cache line.
const FUNCTION_ALIGN: u64 = 64;

fn define(
    jit: &mut JITModule,
    fid: cranelift_module::FuncId,
    ctx: &mut Context,
    name: &str,
) -> Result<(), CodegenError> {
    let isa = jit.isa();
    if let Err(e) = ctx.compile(isa, &mut Default::default()) {
        let detail = match &e.inner {
            cranelift_codegen::CodegenError::Verifier(errs) => {
                cranelift_codegen::print_errors::pretty_verifier_error(e.func, None, errs.clone())
            }
            inner => format!("{inner:?}"),
        };
        return Err(CodegenError::new(Some(name), detail));
    }
    let compiled = ctx.compiled_code().expect("compiled just now");
    let align = FUNCTION_ALIGN.max(u64::from(compiled.buffer.alignment));
    let relocs: Vec<ModuleReloc> = compiled
        .buffer
        .relocs()
        .iter()
        .map(|r| ModuleReloc::from_mach_reloc(r, &ctx.func, fid))
        .collect();
    jit.define_function_bytes(fid, align, compiled.code_buffer(), &relocs)
        .map_err(|e| CodegenError::new(Some(name), format!("{e:?}")))
}

fn record(text: &mut String, emit: Emit, name: &str, ctx: &Context) {
    match emit {
        Emit::None => {}
        Emit::Clif => {
            let _ = writeln!(text, "; {name}\n{}", ctx.func.display());
        }
        Emit::Asm => {
            let asm = ctx
                .compiled_code()
                .and_then(|c| c.vcode.clone())
                .unwrap_or_default();
            let _ = writeln!(text, "; {name}\n{asm}");
        }
    }
}
