//! `devirt`: a call through an interface whose dynamic type is known in the function
//! becomes a direct call of that type's method, which `inline` may then inline (gc's
//! `devirtualize.StaticCall`; its remark `devirtualizing c.Close to *file`).
//!
//! Requires: lowering's dispatch functions (`frontend::lower::dispatch`): a function
//! whose third parameter (after `env` and `tok`) is the interface, whose entry block is
//! a chain of `type_is x, tK; brif` tests, each `then` block unboxing `x` and calling
//! the method of `tK` with `tok`, the receiver and its own parameters. The pass reads
//! that shape back (`dispatch_table`); a test whose method needs the value loaded
//! through a pointer (a value method of `*T`) is left out, so such calls stay dynamic.
//!
//! The dynamic type of the receiver `x` is known when `x` is a `box v, tK`, or a
//! `load` of a `stack_alloc` cell whose only store, of such a box, dominates the load
//! (a local interface variable assigned once, before `mem2reg` has promoted it).
//! The call `call @I.M(env, tok, x, args)` then becomes `call @M(env, tok, v, args)`;
//! a deferred `defer direct @I.M(x, args)` becomes `defer direct @M(v, args)`.
//!
//! Establishes: nothing the verifier checks; the rewritten calls have the same
//! results and may panic as before (the method's own panics; a known box is non-nil,
//! so the dispatch's nil dereference could not happen).
//!
//! The remark names the receiver as lowering recorded it on the call
//! (`Function::var_names`, `c.Close`) and the type without this package's prefix.
//! `inline` runs the rewrite again once it is done (`devirtualize`), for the calls
//! whose receiver's type inlining revealed (an interface parameter of an inlined
//! function), and inlines the calls it made direct. gc also remarks again each copy of
//! a call it had devirtualized before inlining; here the copies are already direct.

use crate::PassContext;
use ir::dominance::DomTree;
use ir::{
    Block, DeferCallee, FuncId, Function, GoTypeId, Imm, Inst, Module, Opcode, SecondaryMap, Value,
    ValueDef,
};

/// Makes every call through a dispatch function whose receiver's type is known direct.
pub fn run(m: &mut Module, cx: &mut PassContext) {
    devirtualize(m, cx);
}

/// `run`, returning the functions it changed (`inline` calls it again after inlining,
/// as gc devirtualizes the calls inlining exposes).
pub(crate) fn devirtualize(m: &mut Module, cx: &mut PassContext) -> Vec<FuncId> {
    let mut changed = Vec::new();
    let mut tables: SecondaryMap<FuncId, Option<Vec<(GoTypeId, FuncId)>>> = SecondaryMap::new();
    for (id, f) in m.funcs.iter() {
        tables[id] = dispatch_table(f);
    }
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        let rewrites = find(&m.funcs[id], &tables);
        if !rewrites.is_empty() {
            changed.push(id);
        }
        for r in rewrites {
            let ty = &m.go_types[r.ty].name;
            let short = ty.replace("main.", "");
            let f = &mut m.funcs[id];
            match r.site {
                Site::Call(inst) => {
                    let d = &mut f.dfg.insts[inst];
                    d.imm = Imm::Func(r.method);
                    d.args[2] = r.recv;
                }
                Site::Defer(inst, d) => {
                    f.dfg.insts[inst].args[0] = r.recv;
                    let ty = f.dfg.value_type(r.recv);
                    let dd = &mut f.defers[d];
                    dd.callee = DeferCallee::Direct(r.method);
                    dd.arg_types[0] = ty;
                }
            }
            let inst = match r.site {
                Site::Call(i) | Site::Defer(i, _) => i,
            };
            let what = f.var_names[inst].clone();
            if !what.is_empty() {
                let loc = f.srclocs[inst];
                let name = f.name.clone();
                cx.remark(&name, loc, format!("devirtualizing {what} to {short}"));
            }
        }
    }
    changed
}

enum Site {
    Call(Inst),
    Defer(Inst, ir::DeferId),
}

struct Rewrite {
    site: Site,
    ty: GoTypeId,
    method: FuncId,
    recv: Value,
}

/// The calls of `f` to devirtualize.
fn find(
    f: &Function,
    tables: &SecondaryMap<FuncId, Option<Vec<(GoTypeId, FuncId)>>>,
) -> Vec<Rewrite> {
    let mut out = Vec::new();
    let mut dom: Option<DomTree> = None;
    let mut block_of: SecondaryMap<Inst, Option<Block>> = SecondaryMap::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            block_of[i] = Some(b);
        }
    }
    for &b in &f.layout.blocks {
        for &inst in &f.layout.insts[b] {
            let d = &f.dfg.insts[inst];
            let (callee, x, site) = match (d.opcode, &d.imm) {
                (Opcode::Call, Imm::Func(g)) if d.args.len() >= 3 => {
                    (*g, d.args[2], Site::Call(inst))
                }
                (Opcode::Defer, Imm::Defer(dd)) if !d.args.is_empty() => {
                    match f.defers[*dd].callee {
                        DeferCallee::Direct(g) => (g, d.args[0], Site::Defer(inst, *dd)),
                        _ => continue,
                    }
                }
                _ => continue,
            };
            let Some(table) = &tables[callee] else {
                continue;
            };
            let dom = dom.get_or_insert_with(|| DomTree::compute(f));
            let Some((ty, recv)) = known_box(f, dom, &block_of, x) else {
                continue;
            };
            if let Some(&(_, method)) = table.iter().find(|(t, _)| *t == ty) {
                out.push(Rewrite {
                    site,
                    ty,
                    method,
                    recv,
                });
            }
        }
    }
    out
}

/// The dynamic type and the value of the interface `x` used at `at`, when known.
fn known_box(
    f: &Function,
    dom: &DomTree,
    block_of: &SecondaryMap<Inst, Option<Block>>,
    x: Value,
) -> Option<(GoTypeId, Value)> {
    let ValueDef::Result(def, _) = f.dfg.values[x].def else {
        return None;
    };
    let d = &f.dfg.insts[def];
    match (d.opcode, &d.imm) {
        (Opcode::Box, Imm::GoType(t)) => Some((*t, d.args[0])),
        (Opcode::Load, _) => {
            let cell = d.args[0];
            let store = single_store(f, cell)?;
            let (Some(bs), Some(bl)) = (block_of[store], block_of[def]) else {
                return None;
            };
            if !dom.inst_dominates(f, (store, bs), (def, bl)) {
                return None;
            }
            let v = f.dfg.insts[store].args[1];
            match f.dfg.values[v].def {
                ValueDef::Result(b, _) => match (&f.dfg.insts[b].opcode, &f.dfg.insts[b].imm) {
                    (Opcode::Box, Imm::GoType(t)) => Some((*t, f.dfg.insts[b].args[0])),
                    _ => None,
                },
                ValueDef::Param(..) => None,
            }
        }
        _ => None,
    }
}

/// The one `store` into a `stack_alloc` cell that is otherwise only loaded.
fn single_store(f: &Function, cell: Value) -> Option<Inst> {
    let ValueDef::Result(def, _) = f.dfg.values[cell].def else {
        return None;
    };
    if f.dfg.insts[def].opcode != Opcode::StackAlloc {
        return None;
    }
    let mut store = None;
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            if !f.dfg.inst_uses(i).any(|v| v == cell) {
                continue;
            }
            match d.opcode {
                Opcode::Load if d.args[0] == cell => {}
                Opcode::Store if d.args[0] == cell && d.args[1] != cell => {
                    if store.replace(i).is_some() {
                        return None;
                    }
                }
                _ => return None,
            }
        }
    }
    store
}

/// Whether `f` has the shape of a dispatch function (see the module header).
pub(crate) fn is_dispatch(f: &Function) -> bool {
    dispatch_table(f).is_some()
}

/// For a dispatch function: each dynamic type it tests and the method it then calls
/// with the unboxed receiver as is (see the module header).
fn dispatch_table(f: &Function) -> Option<Vec<(GoTypeId, FuncId)>> {
    if f.sig.params.len() < 3 || f.sig.params[2] != ir::Type::Iface {
        return None;
    }
    let entry = *f.layout.blocks.first()?;
    let ps = f.dfg.block_params(entry).to_vec();
    let (tok, x) = (ps[1], ps[2]);
    let mut out = Vec::new();
    let mut cur = entry;
    loop {
        let insts = &f.layout.insts[cur];
        let [test, br] = insts.as_slice() else {
            break;
        };
        let (td, bd) = (&f.dfg.insts[*test], &f.dfg.insts[*br]);
        let (Opcode::TypeIs, Imm::GoType(ty)) = (td.opcode, &td.imm) else {
            break;
        };
        if td.args[0] != x || bd.opcode != Opcode::Brif || bd.targets.len() != 2 {
            return None;
        }
        if let Some(m) = direct_call(f, bd.targets[0].block, tok, x, &ps[3..]) {
            out.push((*ty, m));
        }
        cur = bd.targets[1].block;
    }
    (!out.is_empty() || cur != entry).then_some(out)
}

/// The method a dispatch's `then` block calls with `unbox x` itself as the receiver.
fn direct_call(f: &Function, b: Block, tok: Value, x: Value, params: &[Value]) -> Option<FuncId> {
    let mut unboxed = None;
    for &i in &f.layout.insts[b] {
        let d = &f.dfg.insts[i];
        match (d.opcode, &d.imm) {
            (Opcode::Unbox, _) if d.args[0] == x => unboxed = Some(f.dfg.first_result(i)),
            (Opcode::Zero, _) | (Opcode::Iconst, _) => {}
            (Opcode::Call, Imm::Func(g)) => {
                let ok = d.args.len() == 3 + params.len()
                    && d.args[1] == tok
                    && Some(d.args[2]) == unboxed
                    && d.args[3..] == *params;
                return ok.then_some(*g);
            }
            _ => return None,
        }
    }
    None
}
