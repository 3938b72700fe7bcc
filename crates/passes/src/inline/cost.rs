//! The inliner's cost of a function: a walk over its IR as lowering built it (and as
//! the inliner left it: the bodies already inlined into it count, as gc's walk counts
//! an inlined callee's cost).
//!
//! gc counts AST nodes against a budget of 80 (`hairyVisitor` in `inline/inl.go`). We
//! count IR instructions, each one roughly a node, except what has no node in gc's tree
//! and costs nothing once the cleanups have run:
//!
//! - the `panicking` test after an instruction that may panic, and its `brif` (gc's
//!   panics are not control flow in the tree; ours are, one pair per call or check);
//! - `jump` (the glue of structured control flow; gc counts the statement, which we
//!   count through the instructions it holds);
//! - `stack_alloc` of a local, and the constants `iconst` and `zero` (gc counts
//!   a declaration and a literal as one node each, but lowering's stores of them are
//!   counted already, and mem2reg and copyprop fold most of them away).
//!
//! A call that remains in the body (its callee was not inlinable) costs gc's
//! `inlineExtraCallCost`, 57: a call is never cheap, and so a function that calls
//! something big is itself not worth inlining. Runtime calls (`rtcall`) cost 1, as the
//! operations they implement (string concatenation, `append`) are single nodes in gc.

use ir::{Function, Opcode};

/// What gc charges for a call it cannot inline (`inlineExtraCallCost`).
pub const CALL_COST: u32 = 57;

/// The cost of inlining `f` (see the module header).
pub fn cost(f: &Function) -> u32 {
    let mut total = 0u32;
    for &b in &f.layout.blocks {
        let insts = &f.layout.insts[b];
        let mut after_test = false;
        for (k, &i) in insts.iter().enumerate() {
            let d = &f.dfg.insts[i];
            let c = match d.opcode {
                Opcode::Panicking if k > 0 && f.dfg.insts[insts[k - 1]].may_panic() => {
                    after_test = true;
                    0
                }
                Opcode::Brif if after_test => 0,
                Opcode::Jump
                | Opcode::StackAlloc
                | Opcode::Iconst
                | Opcode::Fconst
                | Opcode::Zero => 0,
                Opcode::Call | Opcode::CallIndirect => CALL_COST,
                _ => 1,
            };
            if d.opcode != Opcode::Panicking {
                after_test = false;
            }
            total = total.saturating_add(c);
        }
    }
    total
}
