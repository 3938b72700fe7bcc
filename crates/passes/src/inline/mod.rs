//! `inline`: replaces direct calls of small functions by copies of their bodies, the
//! callees' deferred calls included, which migrate into the caller as the defers of
//! the inlined call site's scope (gc never inlines a function that defers: `cannot
//! inline F: unhandled op DEFER`; here the most common shape, a small method that locks
//! and defers the unlock, costs neither a call nor a defer record once `open_defer`
//! open-codes the migrated defer at the inlined scope's exit).
//!
//! The walk (gc's `inline.InlinePackage` is the model): the call graph bottom-up
//! (`ir::callgraph::CallGraph`), one strongly connected component at a time. Inside a
//! function, every direct `call @g` whose callee was judged inlinable is replaced (see
//! `transplant.rs`), unless the call sits in a body already inlined so deep that the
//! copy would exceed `PassOptions::max_inline_depth` levels of inlined scopes. Then each
//! function of the component is judged, with the calls inlined into it counting through
//! its own cost (so nested inlining falls out of the order: a callee's callees were
//! inlined into it before it is copied anywhere):
//!
//! - `//go:noinline`: never (`cannot inline F: marked go:noinline`);
//! - recursive, through calls or function values (`CallGraph::is_recursive`): never,
//!   so a callee in its caller's own component is never inlined (`cannot inline F:
//!   recursive`);
//! - costlier than `PassOptions::inline_budget` (`cost.rs`): `cannot inline F:
//!   function too complex: cost N exceeds budget 80`;
//! - otherwise `can inline F` (`-m`), `can inline F with cost N` (`-m=2`).
//!
//! Each call inlined is remarked at the call, `inlining call to F`, or, when the callee
//! had deferred calls, `inlining call to F: migrated N defer(s) into G`.
//!
//! A call of a function value made in the same function by `closure @g` or `funcref
//! @g` (a function literal called where it is written, a method value), or read from
//! a local variable written once with such a value (`static_value.rs`: `f := a.add`
//! then `f(x)` in a loop; gc's inliner stops at that one), counts as a direct call of
//! `g`, the value passed as `env`.

mod cost;
mod static_value;
mod transplant;

use crate::PassContext;
use ir::callgraph::CallGraph;
use ir::{Block, FuncId, Function, Imm, Inst, Module, Opcode, ScopeId, SecondaryMap};

pub use cost::{cost, CALL_COST};

/// What the inliner decided about a function as a callee.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Verdict {
    Inline,
    Never,
}

/// Inlines, bottom-up, every call of an inlinable function (see the module header).
pub fn run(m: &mut Module, cx: &mut PassContext) {
    let cg = CallGraph::new(m);
    let budget = cx.options().inline_budget;
    let max_depth = cx.options().max_inline_depth;
    let mut verdicts: SecondaryMap<FuncId, Option<Verdict>> = SecondaryMap::new();
    // Nothing is inlined into the dispatch functions of interface calls: `devirt`
    // reads their calls back after inlining.
    let dispatch: Vec<FuncId> = m
        .funcs
        .iter()
        .filter(|(_, f)| crate::devirt::is_dispatch(f))
        .map(|(id, _)| id)
        .collect();
    for scc in cg.sccs() {
        for &f in scc {
            if !dispatch.contains(&f) {
                inline_calls(m, f, &verdicts, max_depth, cx);
            }
        }
        for &f in scc {
            verdicts[f] = Some(judge(m, &cg, f, budget, cx));
        }
    }
    // Calls through interfaces whose dynamic type inlining revealed: made direct
    // (`devirt`), then inlined where their callee may be.
    for f in crate::devirt::devirtualize(m, cx) {
        inline_calls(m, f, &verdicts, max_depth, cx);
    }
}

/// Decides whether `f` (its body final) may be inlined, with gc's remark.
fn judge(m: &Module, cg: &CallGraph, f: FuncId, budget: u32, cx: &mut PassContext) -> Verdict {
    judge_with(m, cg, f, budget, cx, false)
}

/// Whether `f`, as its body is now, may be inlined (`judge` without remarks).
pub(crate) fn inlinable(
    m: &Module,
    cg: &CallGraph,
    f: FuncId,
    budget: u32,
    cx: &mut PassContext,
) -> bool {
    judge_with(m, cg, f, budget, cx, true) == Verdict::Inline
}

fn judge_with(
    m: &Module,
    cg: &CallGraph,
    f: FuncId,
    budget: u32,
    cx: &mut PassContext,
    quiet: bool,
) -> Verdict {
    let func = &m.funcs[f];
    if func.entry().is_none() {
        return Verdict::Never;
    }
    let name = func.name.as_str();
    let loc = func.loc;
    // Functions without a position (package initialisation, wrappers) are judged like
    // any other but not remarked on: gc has no such functions to speak of.
    let mut cx = Remarks {
        cx,
        quiet: quiet || loc.line == 0,
    };
    if func.noinline {
        cx.remark_verbose(
            name,
            loc,
            format!("cannot inline {name}: marked go:noinline"),
        );
        return Verdict::Never;
    }
    if cg.is_recursive(f) {
        cx.remark_verbose(name, loc, format!("cannot inline {name}: recursive"));
        return Verdict::Never;
    }
    let c = cost(func);
    if c > budget {
        cx.remark_verbose(
            name,
            loc,
            format!("cannot inline {name}: function too complex: cost {c} exceeds budget {budget}"),
        );
        return Verdict::Never;
    }
    cx.remark_detailed(
        name,
        loc,
        format!("can inline {name}"),
        format!("can inline {name} with cost {c}"),
    );
    Verdict::Inline
}

/// The remarks of `judge`, silenced for functions without a position.
struct Remarks<'a> {
    cx: &'a mut PassContext,
    quiet: bool,
}

impl Remarks<'_> {
    fn remark_verbose(&mut self, func: &str, loc: ir::SrcLoc, message: String) {
        if !self.quiet {
            self.cx.remark_verbose(func, loc, message);
        }
    }
    fn remark_detailed(&mut self, func: &str, loc: ir::SrcLoc, message: String, detail: String) {
        if !self.quiet {
            self.cx.remark_detailed(func, loc, message, detail);
        }
    }
}

/// How many inlined scopes `s` is nested in (itself included).
fn inline_depth(f: &Function, mut s: ScopeId) -> u32 {
    let mut n = 0;
    loop {
        let d = f.scopes[s];
        if d.inlined.is_some() {
            n += 1;
        }
        match d.parent {
            Some(p) => s = p,
            None => return n,
        }
    }
}

/// The deepest nesting of inlined bodies in `f` (0 if none).
fn max_inline_depth(f: &Function) -> u32 {
    f.scopes
        .keys()
        .map(|s| inline_depth(f, s))
        .max()
        .unwrap_or(0)
}

/// Inlines every call in `f` of a function judged inlinable. Calls in the copies are
/// looked at again (a round per level): their direct calls were judged when the callee
/// was, but a function value the caller passed in may now be a known one.
fn inline_calls(
    m: &mut Module,
    f: FuncId,
    verdicts: &SecondaryMap<FuncId, Option<Verdict>>,
    max_depth: u32,
    cx: &mut PassContext,
) {
    let mut seen: SecondaryMap<Inst, bool> = SecondaryMap::new();
    loop {
        let sites = call_sites(&m.funcs[f], f, verdicts, &mut seen);
        if sites.is_empty() {
            return;
        }
        // Last first: splitting a block after a call moves only the instructions after
        // it, so the earlier calls of the block stay where they were found.
        for &(b, call, g) in sites.iter().rev() {
            inline_site(m, f, b, call, g, max_depth, cx);
        }
    }
}

/// The calls in `f` not yet `seen` whose callee was judged inlinable (marked seen).
fn call_sites(
    func: &Function,
    f: FuncId,
    verdicts: &SecondaryMap<FuncId, Option<Verdict>>,
    seen: &mut SecondaryMap<Inst, bool>,
) -> Vec<(Block, Inst, FuncId)> {
    let mut sites = Vec::new();
    let cells = static_value::StaticCells::new(func);
    for &b in &func.layout.blocks {
        for &i in &func.layout.insts[b] {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            let d = &func.dfg.insts[i];
            let callee = match (d.opcode, &d.imm) {
                (Opcode::Call, Imm::Func(g)) => Some(*g),
                (Opcode::CallIndirect, _) => cells.callee(func, d.args[0]),
                _ => None,
            };
            if let Some(g) = callee {
                if g != f && matches!(verdicts.get(g), Some(Some(Verdict::Inline))) {
                    sites.push((b, i, g));
                }
            }
        }
    }
    sites
}

/// Inlines the call `call` (in `b`) of `g` into `f` unless too deep.
pub(crate) fn inline_site(
    m: &mut Module,
    f: FuncId,
    b: Block,
    call: Inst,
    g: FuncId,
    max_depth: u32,
    cx: &mut PassContext,
) {
    let body = m.funcs[g].clone();
    let func = &mut m.funcs[f];
    let depth = inline_depth(func, func.dfg.blocks[b].scope) + 1 + max_inline_depth(&body);
    if depth > max_depth {
        return;
    }
    let loc = func.srclocs[call];
    // A call of a known function value becomes a direct call first: its arguments
    // (the value as `env`, `tok`, the rest) are already the callee's parameters.
    let d = &mut func.dfg.insts[call];
    if d.opcode == Opcode::CallIndirect {
        d.opcode = Opcode::Call;
        d.imm = Imm::Func(g);
    }
    let migrated = transplant::inline_call(func, b, call, g, &body);
    let caller = func.name.clone();
    let message = match migrated {
        0 => format!("inlining call to {}", body.name),
        1 => format!(
            "inlining call to {}: migrated 1 defer into {caller}",
            body.name
        ),
        n => format!(
            "inlining call to {}: migrated {n} defers into {caller}",
            body.name
        ),
    };
    cx.remark(&caller, loc, message);
}
