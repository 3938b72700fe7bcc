//! The IR verifier: checks a function (or a module) and reports every error it finds,
//! each with its location, rendered Cranelift-style as the printed function with
//! `; error: ...` lines beside the offending declarations, blocks and instructions.
//!
//! The checks are split by concern:
//! - `cfg`: the function's structure (every entity referenced exists and is defined
//!   once), the layout (each block ends with exactly one terminator), branch targets and
//!   their arguments against block parameters, the entry block against the signature;
//! - `dominance`: every use of a value is dominated by its definition;
//! - `types`: operand and result types of every opcode, immediates, calls against the
//!   callee's signature, `ret` against the function's results;
//! - `defers`: `defer` instructions against their `DeferData`, and (after `defer_lower`,
//!   see `VerifyOptions::lowered`) no `defer` or `run_defers` left;
//! - `scopes`: the defer scopes form a tree; `defer` and `run_defers` are executed by
//!   code of their scope; every path that leaves a scope, normally or by a panic edge,
//!   has run the deferred calls pushed on it, inner scopes before outer ones;
//! - `panics`: every instruction that may panic is followed by its panic test;
//! - `frame`: no address of the frame is stored where it outlives it, returned or
//!   raised (a wrong "does not escape").
//!
//! The later checks index the function's arenas freely, so they run only when the
//! structural checks found nothing dangling.

mod cfg;
mod defers;
mod dominance;
mod frame;
mod panics;
mod scopes;
mod types;

use crate::entities::Block;
use crate::function::Function;
use crate::module::Module;
use crate::write::{write_function_with, Point};
use std::fmt;

/// Where an error is: the function itself, a deferred call, a block, an instruction.
pub type Location = Point;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function's name (empty for a module-level error).
    pub func: String,
    pub location: Location,
    pub message: String,
}

/// Every error found, and the rendered report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyErrors {
    pub errors: Vec<VerifyError>,
    /// The functions with errors, printed with `; error: ...` lines; module-level errors
    /// first.
    pub rendered: String,
}

impl fmt::Display for VerifyErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rendered)
    }
}

impl std::error::Error for VerifyErrors {}

/// What to check beyond the invariants that always hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerifyOptions {
    /// The `defer_lower` pass has run: no `defer` or `run_defers` may remain.
    pub lowered: bool,
}

/// Errors of one function, collected by the checkers.
pub(crate) struct Errors {
    list: Vec<(Location, String)>,
}

impl Errors {
    pub(crate) fn at(&mut self, loc: Location, msg: impl Into<String>) {
        self.list.push((loc, msg.into()));
    }
    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }
}

/// Checks a function as built or after any pass (defers may be unlowered).
pub fn verify_function(m: &Module, f: &Function) -> Result<(), VerifyErrors> {
    verify_function_with(m, f, VerifyOptions::default())
}

/// Checks a function after `defer_lower`: also that no `defer` or `run_defers` remains.
pub fn verify_lowered(m: &Module, f: &Function) -> Result<(), VerifyErrors> {
    verify_function_with(m, f, VerifyOptions { lowered: true })
}

pub fn verify_function_with(
    m: &Module,
    f: &Function,
    opts: VerifyOptions,
) -> Result<(), VerifyErrors> {
    let list = check_function(m, f, opts);
    if list.is_empty() {
        return Ok(());
    }
    Err(VerifyErrors {
        rendered: render(m, f, &list),
        errors: list
            .into_iter()
            .map(|(location, message)| VerifyError {
                func: f.name.clone(),
                location,
                message,
            })
            .collect(),
    })
}

/// Checks every function and the module's own references (entry points, struct field
/// types, type descriptors).
pub fn verify_module(m: &Module) -> Result<(), VerifyErrors> {
    verify_module_with(m, VerifyOptions::default())
}

/// `verify_module` after `defer_lower`.
pub fn verify_module_lowered(m: &Module) -> Result<(), VerifyErrors> {
    verify_module_with(m, VerifyOptions { lowered: true })
}

pub fn verify_module_with(m: &Module, opts: VerifyOptions) -> Result<(), VerifyErrors> {
    let mut errors = Vec::new();
    let mut rendered = String::new();
    for msg in check_module_items(m) {
        rendered.push_str(&format!("; error: {msg}\n"));
        errors.push(VerifyError {
            func: String::new(),
            location: Point::Header,
            message: msg,
        });
    }
    for (_, f) in m.funcs.iter() {
        if let Err(e) = verify_function_with(m, f, opts) {
            if !rendered.is_empty() {
                rendered.push('\n');
            }
            rendered.push_str(&e.rendered);
            errors.extend(e.errors);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(VerifyErrors { errors, rendered })
    }
}

fn check_function(m: &Module, f: &Function, opts: VerifyOptions) -> Vec<(Location, String)> {
    let mut errs = Errors { list: Vec::new() };
    let sound = cfg::check(f, &mut errs);
    if sound && scopes::check_structure(m, f, &mut errs) {
        dominance::check(f, &mut errs);
        types::check(m, f, &mut errs);
        defers::check(m, f, opts, &mut errs);
        scopes::check_flow(f, opts.lowered, &mut errs);
        panics::check(m, f, &mut errs);
        frame::check(f, &mut errs);
    }
    errs.list
}

fn check_module_items(m: &Module) -> Vec<String> {
    let mut out = Vec::new();
    let func_ok = |f: crate::entities::FuncId| m.funcs.get(f).is_some();
    if let Some(f) = m.init {
        if !func_ok(f) {
            out.push(format!("init names {f}, which does not exist"));
        }
    }
    if let Some(f) = m.main {
        if !func_ok(f) {
            out.push(format!("main names {f}, which does not exist"));
        }
    }
    for (name, f) in &m.benchmarks {
        if !func_ok(*f) {
            out.push(format!(
                "benchmark {name:?} names {f}, which does not exist"
            ));
        }
    }
    let ty_ok = |t: crate::types::Type| match t {
        crate::types::Type::Struct(s) => m.structs.get(s).is_some(),
        _ => true,
    };
    for (s, sd) in m.structs.iter() {
        for (i, &t) in sd.fields.iter().enumerate() {
            if !ty_ok(t) {
                out.push(format!(
                    "field {i} of {s} has type {t}, which does not exist"
                ));
            }
            if t == crate::types::Type::Struct(s) {
                out.push(format!("{s} contains itself"));
            }
        }
    }
    for (g, gd) in m.globals.iter() {
        if !ty_ok(gd.ty) {
            out.push(format!("{g} has type {}, which does not exist", gd.ty));
        }
    }
    for (t, td) in m.go_types.iter() {
        if let Some(f) = td.error_method {
            if !func_ok(f) {
                out.push(format!(
                    "the Error method of {t} is {f}, which does not exist"
                ));
            }
        }
        if let Some(f) = td.string_method {
            if !func_ok(f) {
                out.push(format!(
                    "the String method of {t} is {f}, which does not exist"
                ));
            }
        }
    }
    if let Some(t) = m.error_type {
        if m.go_types.get(t).is_none() {
            out.push(format!("error_type names {t}, which does not exist"));
        }
    }
    out
}

/// The function printed with its errors beside the offending lines. Errors about blocks
/// or instructions that are not printed (not in the layout) go under the header.
fn render(m: &Module, f: &Function, list: &[(Location, String)]) -> String {
    let placed = f.inst_blocks();
    let printed = |loc: &Location| match *loc {
        Point::Header => true,
        Point::Scope(s) => f.scopes.get(s).is_some(),
        Point::Defer(d) => f.defers.get(d).is_some(),
        Point::Block(b) => in_layout(f, b),
        Point::Inst(i) => placed.get(i).copied().flatten().is_some(),
    };
    let notes = |p: Point| -> Vec<String> {
        list.iter()
            .filter(|(loc, _)| *loc == p || (p == Point::Header && !printed(loc)))
            .map(|(loc, msg)| {
                if p == Point::Header && *loc != Point::Header {
                    format!("error: {}: {msg}", loc_name(loc))
                } else {
                    format!("error: {msg}")
                }
            })
            .collect()
    };
    write_function_with(m, f, &notes)
}

fn loc_name(loc: &Location) -> String {
    match loc {
        Point::Header => "function".into(),
        Point::Scope(s) => s.to_string(),
        Point::Defer(d) => d.to_string(),
        Point::Block(b) => b.to_string(),
        Point::Inst(i) => i.to_string(),
    }
}

pub(crate) fn in_layout(f: &Function, b: Block) -> bool {
    f.layout.blocks.contains(&b)
}
