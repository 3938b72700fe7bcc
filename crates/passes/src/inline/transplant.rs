//! The transplant: one direct call replaced by a copy of its callee's body.
//!
//! The call's block is split right after the call; the continuation `cont` (in the
//! call's scope) takes one parameter per result of the call, which replace the call's
//! results everywhere. A new defer scope for the call site (parent: the scope of the
//! call's block; `InlinedAt { callee, call: position of the call }`) receives the
//! callee's `scope0`; `ir::clone::clone_body` copies the body with the callee's
//! parameters replaced by the call's arguments: `env`, then `tok` (0 at an ordinary
//! call site, so a `recover` the helper makes itself stays nil, golang/go#73916), then
//! the rest. The call becomes a jump to the copied entry and each copied `ret vals` a
//! `jump cont(vals)`.
//!
//! Panics need nothing: the callee's body propagates a panic by returning with the
//! flag set (after running its own scope's deferred calls, now `run_defers` of the new
//! scope), which is exactly what the call did, and the `panicking` test that followed
//! the call is now the first instruction of `cont`.

use ir::clone::clone_body;
use ir::{Block, FuncCursor, Function, InlinedAt, Inst};

/// Inlines `body` (a copy of the callee `callee`) at `call`, placed in `block` of
/// `f`. Returns how many deferred call sites moved into `f`.
pub fn inline_call(
    f: &mut Function,
    block: Block,
    call: Inst,
    callee: ir::FuncId,
    body: &Function,
) -> usize {
    let args = f.dfg.insts[call].args.clone();
    let results = f.dfg.inst_results(call).to_vec();
    let call_loc = f.srclocs[call];
    let parent = f.dfg.blocks[block].scope;

    // Split after the call: the continuation receives the results as parameters.
    let mut c = FuncCursor::new(f).at_inst(block, call);
    let cont = c.insert_block_after(block);
    c.func.dfg.blocks[cont].scope = parent;
    c.next_inst();
    c.split_block(cont);
    for &r in &results {
        let ty = c.func.dfg.value_type(r);
        let p = c.func.dfg.append_block_param(cont, ty);
        c.func.replace_uses(r, p);
    }

    // The inlined body's defer scope, nested in the call's.
    let scope = c.func.add_inlined_scope(
        parent,
        InlinedAt {
            callee,
            call: call_loc,
        },
    );
    let defers_before = c.func.defers.len();
    let maps = clone_body(body, c.func, &args, block, scope);
    let migrated = c.func.defers.len() - defers_before;

    // The call becomes a jump to the copy; each `ret` a jump to the continuation.
    let entry = maps.entry.expect("an inlined callee has a body");
    c.goto_inst(block, call);
    c.set_srcloc(call_loc);
    c.jump(entry, &[]);
    c.remove_inst();
    for &(b, ret) in &maps.rets {
        let vals = c.func.dfg.insts[ret].args.clone();
        let loc = c.func.srclocs[ret];
        c.goto_inst(b, ret);
        c.set_srcloc(loc);
        c.jump(cont, &vals);
        c.remove_inst();
    }
    migrated
}
