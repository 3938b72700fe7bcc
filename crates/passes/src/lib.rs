//! The optimisation and lowering passes over the IR, and the pass manager that runs
//! them.
//!
//! `PASSES` is the pipeline: one static table in order (Go's `passes` in
//! `cmd/compile/internal/ssa/compile.go` is the model), each entry a plain function over
//! the module with its name (the file name, the name in dumps and the CLI token), whether
//! it is required, and what it invalidates. `ORDER` lists the ordering constraints with
//! their reasons; a test checks the table against them. The manager (`run_pipeline`)
//! alone times, verifies, snapshots, enables and disables passes; a pass body only
//! transforms the module and records remarks in its `PassContext`, from which it also
//! reads its options (`PassOptions`, carried by `PipelineConfig`; no pass reads a
//! global).

pub mod checks;
pub mod copyprop;
pub mod dce;
pub mod defer_lower;
mod deferred_call;
pub mod devirt;
pub mod escape;
pub mod inline;
pub mod inline_defers;
mod manager;
pub mod mem2reg;
pub mod nopanic;
pub mod open_defer;
pub mod simplify_cfg;

pub use manager::{
    configurations, run_pass, run_pass_with, run_pipeline, PassContext, PassOptions,
    PipelineConfig, PipelineError, PipelineReport, Snapshot, START,
};

use ir::Module;

/// A property of the IR a pass establishes for the rest of the pipeline, which the
/// manager then verifies after every later pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Property {
    /// No `defer` or `run_defers` remains (`ir::verify::VerifyOptions::lowered`).
    DefersLowered,
}

/// One entry of the pipeline.
pub struct Pass {
    /// The file name, the name in dumps and the CLI token.
    pub name: &'static str,
    /// A required pass cannot be disabled (codegen depends on what it establishes).
    pub required: bool,
    /// What the pass invalidates: the facts about the IR a later reader cannot assume
    /// still hold (analyses are recomputed from the IR by each pass, never cached across
    /// passes, so this is for readers of the table and of the dumps).
    pub invalidates: &'static str,
    /// What the pass guarantees from then on.
    pub establishes: &'static [Property],
    pub run: fn(&mut Module, &mut PassContext),
}

/// The pipeline, in order.
pub static PASSES: &[Pass] = &[
    Pass {
        name: "devirt",
        required: false,
        invalidates: "the callees of calls and deferred calls through interfaces whose \
                      dynamic type is known (made direct); never the CFG",
        establishes: &[],
        run: devirt::run,
    },
    Pass {
        name: "inline",
        required: false,
        invalidates: "the CFG and the block layout (a call's block is split, the callee's \
                      blocks copied in); adds defer scopes (one per inlined call site) and \
                      deferred call sites (the callees' defers, migrated into them); the \
                      call graph (calls replaced by the callees' own calls)",
        establishes: &[],
        run: inline::run,
    },
    Pass {
        name: "escape",
        required: false,
        invalidates: "alloc cells and closure objects that cannot outlive their frame become \
                      stack_alloc and stack_closure (never the CFG)",
        establishes: &[],
        run: escape::run,
    },
    Pass {
        name: "open_defer",
        required: false,
        invalidates: "the CFG (each exit of a scope with open-coded calls gets a block per \
                      call); adds frame cells for the open-coded arguments and bits; sets \
                      DeferData::strategy of the defers it open-codes",
        establishes: &[],
        run: open_defer::run,
    },
    Pass {
        name: "inline_defers",
        required: false,
        invalidates: "the CFG and the block layout (an open-coded deferred call's block is \
                      split, the callee's blocks copied in); adds defer scopes",
        establishes: &[],
        run: inline_defers::run,
    },
    Pass {
        name: "defer_lower",
        required: true,
        invalidates: "the CFG (each run_defers becomes a dispatch loop: new blocks and edges); \
                      adds struct layouts for defer records and sets every DeferData::strategy",
        establishes: &[Property::DefersLowered],
        run: defer_lower::run,
    },
    Pass {
        name: "nopanic",
        required: false,
        invalidates: "sets Function::nopanic of the functions that can never panic (calls of \
                      them need no panicking test); never the code",
        establishes: &[],
        run: nopanic::run,
    },
    Pass {
        name: "mem2reg",
        required: false,
        invalidates: "loads, stores and stack_allocs of promoted cells (removed; loads' uses \
                      read the stored values); block parameters (added where stores meet); \
                      never the CFG",
        establishes: &[],
        run: mem2reg::run,
    },
    Pass {
        name: "checks",
        required: false,
        invalidates: "the CFG (a loop's preheader is split: it ends with a copy of the loop \
                      header's leading nil check, whose passing side jumps to the header)",
        establishes: &[],
        run: checks::run,
    },
    Pass {
        name: "copyprop",
        required: false,
        invalidates: "value uses (forwarded past copies) and block parameters (copies removed); \
                      the CFG's edges (a brif on a constant becomes a jump), not its blocks",
        establishes: &[],
        run: copyprop::run,
    },
    Pass {
        name: "dce",
        required: false,
        invalidates: "instructions and block parameters (dead ones removed); never the CFG",
        establishes: &[],
        run: dce::run,
    },
    Pass {
        name: "simplify_cfg",
        required: false,
        invalidates: "the CFG and the block layout (blocks removed or merged, branches \
                      retargeted); value uses (a merged block's parameters replaced)",
        establishes: &[],
        run: simplify_cfg::run,
    },
];

/// Ordering constraints: `(a, b, reason)` means `a` runs before `b` when both are in the
/// table. Passes named here but not yet in `PASSES` must be listed in `PLANNED`.
pub static ORDER: &[(&str, &str, &str)] = &[
    (
        "devirt",
        "inline",
        "a call through an interface made direct can be inlined",
    ),
    (
        "devirt",
        "mem2reg",
        "devirt follows a local interface variable's single store, which mem2reg removes",
    ),
    (
        "inline",
        "escape",
        "escape analysis sees the inlined bodies (captures that stop escaping)",
    ),
    (
        "inline",
        "defer_lower",
        "inlining migrates a callee's defers into the caller, which are lowered after",
    ),
    (
        "escape",
        "defer_lower",
        "the strategy of a defer depends on whether its closure escapes",
    ),
    (
        "inline",
        "open_defer",
        "a callee's defer inlined into a loop becomes a defer in a loop, and one inlined \
         straight-line becomes open-codable: open_defer classifies the migrated defers",
    ),
    (
        "open_defer",
        "inline_defers",
        "open_defer makes the direct calls at the scopes' exits that inline_defers inlines",
    ),
    (
        "inline_defers",
        "defer_lower",
        "an inlined deferred call may bring defers of its own, which are lowered after",
    ),
    (
        "escape",
        "open_defer",
        "open-coding stores a deferred closure's object into a frame cell, which hides \
         from escape analysis that only the deferred call reads it",
    ),
    (
        "escape",
        "mem2reg",
        "a cell that no longer escapes becomes a stack_alloc for mem2reg to promote",
    ),
    (
        "open_defer",
        "defer_lower",
        "open-coding picks the defers it can handle; defer_lower takes the rest",
    ),
    (
        "open_defer",
        "mem2reg",
        "the open-coded calls' arguments and bits live in frame cells that mem2reg turns \
         into SSA values",
    ),
    (
        "defer_lower",
        "mem2reg",
        "the chain head defer_lower keeps in a frame cell is promoted too",
    ),
    (
        "defer_lower",
        "nopanic",
        "a deferred call may panic only once it is an explicit call nopanic can see",
    ),
    (
        "nopanic",
        "copyprop",
        "copyprop folds the panicking tests after calls of functions nopanic marked",
    ),
    (
        "mem2reg",
        "checks",
        "a local's value must be an SSA value defined before the loop, not a load in it",
    ),
    (
        "defer_lower",
        "checks",
        "the copied check branches to the header's panic path, explicit once defers are lowered",
    ),
    (
        "checks",
        "copyprop",
        "copyprop's redundant_checks removes the header's check the hoisted copy dominates",
    ),
    (
        "mem2reg",
        "copyprop",
        "promoted loads become the stored values (constants to fold) and some new block \
         parameters receive one value on every edge (copies to forward)",
    ),
    (
        "defer_lower",
        "copyprop",
        "lowering introduces loads and copies the cleanups remove",
    ),
    (
        "defer_lower",
        "dce",
        "lowering leaves dead values (unused callee results)",
    ),
    (
        "copyprop",
        "dce",
        "folding and copy forwarding leave instructions without uses for dce to remove",
    ),
    (
        "copyprop",
        "simplify_cfg",
        "folding a brif on a constant leaves blocks unreachable for simplify_cfg to remove",
    ),
    (
        "dce",
        "simplify_cfg",
        "dead-code elimination empties blocks that CFG simplification threads and merges",
    ),
];

/// Passes that `ORDER` names but that have not landed yet.
pub static PLANNED: &[&str] = &[];

/// The pass with this name.
pub fn pass(name: &str) -> Option<&'static Pass> {
    PASSES.iter().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(name: &str) -> Option<usize> {
        PASSES.iter().position(|p| p.name == name)
    }

    #[test]
    fn order_constraints_hold() {
        for &(a, b, reason) in ORDER {
            for n in [a, b] {
                assert!(
                    position(n).is_some() || PLANNED.contains(&n),
                    "ORDER names {n}, which is neither a pass nor planned"
                );
            }
            if let (Some(pa), Some(pb)) = (position(a), position(b)) {
                assert!(pa < pb, "{a} must run before {b}: {reason}");
            }
        }
    }

    #[test]
    fn names_are_unique_and_not_planned() {
        for (i, p) in PASSES.iter().enumerate() {
            assert_eq!(position(p.name), Some(i), "duplicate pass {}", p.name);
            assert!(
                !PLANNED.contains(&p.name),
                "{} landed: remove it from PLANNED",
                p.name
            );
        }
    }
}
