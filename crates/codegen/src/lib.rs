//! codegen: the SSA IR to Cranelift IR, JIT compilation with `cranelift-jit`, and the
//! runtime (written in Rust) that the JIT code calls.
//!
//! Entry points: [`compile`] JIT-compiles a whole module into a [`Program`];
//! [`emit_clif`] and [`emit_asm`] return Cranelift's optimised IR and the machine code
//! as text. `Program::run_main` runs `init` then `main` on a guest thread with a large
//! stack and returns the exit status.
//!
//! Layers: `flat` (IR types to machine words), `translate` (one IR function to one
//! Cranelift function), `jit` (the module, static objects, finalisation), `runtime`
//! (everything the JIT code calls, the guest thread, panics and output).

mod flat;
mod jit;
pub mod runtime;
mod statics;
mod translate;

use std::fmt;

pub use jit::Program;
pub use runtime::guest::RunOutput;
pub use runtime::AllocStats;

/// Code generation options (a value passed down; no global state).
#[derive(Clone, Debug)]
pub struct Options {
    /// Run Cranelift's verifier on every function (doubles compile time).
    pub verify: bool,
    /// Cranelift `opt_level = speed` (otherwise `none`).
    pub opt: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            verify: cfg!(debug_assertions),
            opt: true,
        }
    }
}

/// A failure to generate code. The IR is expected to be verified before codegen, so
/// these report malformed IR or Cranelift errors, never user mistakes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodegenError {
    /// The IR function being compiled, if any.
    pub func: Option<String>,
    pub message: String,
}

impl CodegenError {
    pub(crate) fn new(func: Option<&str>, message: impl Into<String>) -> CodegenError {
        CodegenError {
            func: func.map(str::to_string),
            message: message.into(),
        }
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.func {
            Some(func) => write!(f, "codegen error in {func}: {}", self.message),
            None => write!(f, "codegen error: {}", self.message),
        }
    }
}

impl std::error::Error for CodegenError {}

/// JIT-compiles every function of the module.
pub fn compile(module: &ir::Module, opts: &Options) -> Result<Program, CodegenError> {
    jit::compile(module, opts, jit::Emit::None).map(|(p, _)| p)
}

/// Cranelift IR of every function after optimisation, in module order.
pub fn emit_clif(module: &ir::Module, opts: &Options) -> Result<String, CodegenError> {
    jit::compile(module, opts, jit::Emit::Clif).map(|(_, text)| text)
}

/// Disassembly of every function's machine code, in module order.
pub fn emit_asm(module: &ir::Module, opts: &Options) -> Result<String, CodegenError> {
    jit::compile(module, opts, jit::Emit::Asm).map(|(_, text)| text)
}
