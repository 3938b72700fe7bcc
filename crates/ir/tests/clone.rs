//! `clone_body` fixture tests (see `fixture/mod.rs`). A fixture holds `@caller` and
//! its callees; the test-only driver below inlines the first direct `call` in
//! `@caller` with `clone_body` (a new defer scope for the call site, nested in the
//! call's; the block is split after the call, the call becomes a jump to the copied
//! entry, every copied `ret` a jump to the continuation, whose parameters replace the
//! call's results), verifies the module and snapshots the diff.

mod fixture;

use ir::clone::clone_body;
use ir::write::write_module;
use ir::{FuncCursor, Imm, InlinedAt, Module, Opcode};

/// Inlines the first direct call in `@caller`; returns the callee's name.
fn inline_first_call(m: &mut Module) -> String {
    let cid = m.func_by_name("caller").expect("the fixture has a @caller");
    let f = &m.funcs[cid];
    let (block, call, callee) = f
        .layout
        .blocks
        .iter()
        .flat_map(|&b| f.layout.insts[b].iter().map(move |&i| (b, i)))
        .find_map(
            |(b, i)| match (f.dfg.insts[i].opcode, &f.dfg.insts[i].imm) {
                (Opcode::Call, Imm::Func(g)) => Some((b, i, *g)),
                _ => None,
            },
        )
        .expect("@caller has a direct call");
    // A copy, so a function may inline a call to itself.
    let body = m.funcs[callee].clone();
    let f = &mut m.funcs[cid];
    let args = f.dfg.insts[call].args.clone();
    let results = f.dfg.inst_results(call).to_vec();

    // Split after the call: the continuation receives the results as parameters.
    let mut c = FuncCursor::new(f).at_inst(block, call);
    let cont = c.insert_block_after(block);
    c.next_inst();
    c.split_block(cont);
    for &r in &results {
        let ty = c.func.dfg.value_type(r);
        let p = c.func.dfg.append_block_param(cont, ty);
        c.func.replace_uses(r, p);
    }
    // The inlined body's defer scope, nested in the call's.
    let at = InlinedAt {
        callee,
        call: c.func.srclocs[call],
    };
    let parent = c.func.dfg.blocks[block].scope;
    let scope = c.func.add_inlined_scope(parent, at);
    let maps = clone_body(&body, c.func, &args, block, scope);

    // The call becomes a jump to the copy; each `ret` a jump to the continuation.
    let entry = maps.entry.expect("the callee has a body");
    c.goto_inst(block, call);
    c.set_srcloc(c.func.srclocs[call]);
    c.jump(entry, &[]);
    c.remove_inst();
    for &(b, ret) in &maps.rets {
        let vals = c.func.dfg.insts[ret].args.clone();
        c.goto_inst(b, ret);
        c.set_srcloc(c.func.srclocs[ret]);
        c.jump(cont, &vals);
        c.remove_inst();
    }
    body.name
}

fn check(name: &str) {
    let mut m = fixture::module("clone", name);
    let before = write_module(&m);
    let callee = inline_first_call(&mut m);
    if let Err(e) = ir::verify::verify_module(&m) {
        panic!("{name}: inlining @{callee} does not verify\n{e}");
    }
    let after = write_module(&m);
    fixture::snapshot("clone", name, &fixture::diff(&before, &after));
}

/// A callee with two returns and a loop, its parameters substituted by the call's
/// arguments and its results flowing into the continuation.
#[test]
fn branches() {
    check("branches");
}

/// A callee with deferred calls in its own scope and in a scope of a body it had
/// inlined: its deferred call sites are copied after the caller's own, its scope0
/// becomes the call site's scope and its scope1 a fresh scope nested in that one;
/// its `run_defers` name the mapped scopes, so the caller's pending call stays pending
/// until the caller's own exit.
#[test]
fn defers() {
    check("defers");
}

/// A recursive function inlined into itself once: the copy comes from a snapshot of
/// the callee, so the caller may be the callee.
#[test]
fn recursive() {
    check("recursive");
}

/// Every fixture is covered by a test above.
#[test]
fn every_fixture_has_a_test() {
    assert_eq!(fixture::names("clone"), ["branches", "defers", "recursive"]);
}
