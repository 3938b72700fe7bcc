//! `inline_defers`: inlines the deferred calls that `open_defer` turned into direct calls
//! at their scope's exits, when the callee is small (`inline`'s verdict on its body as
//! it is now), so a `defer mu.Unlock()` whose body is a few instructions costs neither
//! a call nor a record (gc does the same for its open-coded defers' wrappers:
//! `inlining call to (*counter).unlock`; golang/go#38471 asks for more).
//!
//! Such a call is `call @g(env, tok, args)` whose `tok` is the result of the
//! `defer_enter` before it: the body's parameters take the call's arguments as in
//! `inline`, so a `recover` in the inlined body gets the `defer_enter` token, exactly
//! as the deferred call did (it recovers on a panic path and only there). The
//! `defer_exit` after the call is then the first instruction of the continuation, where
//! the verifier wants it. Recursion is excluded as in `inline` (a callee in the
//! caller's component, which includes deferring oneself), and so is depth.

use crate::inline::{inlinable, inline_site};
use crate::PassContext;
use ir::callgraph::CallGraph;
use ir::{Block, FuncId, Imm, Inst, Module, Opcode, SecondaryMap, ValueDef};

/// Inlines every open-coded deferred call of a function small enough to inline.
pub fn run(m: &mut Module, cx: &mut PassContext) {
    if !m.funcs.values().any(|f| f.contains(Opcode::DeferEnter)) {
        return;
    }
    let cg = CallGraph::new(m);
    let budget = cx.options().inline_budget;
    let max_depth = cx.options().max_inline_depth;
    let mut ok: SecondaryMap<FuncId, bool> = SecondaryMap::new();
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for &g in &ids {
        ok[g] = inlinable(m, &cg, g, budget, cx);
    }
    for &f in &ids {
        let func = &m.funcs[f];
        let mut sites: Vec<(Block, Inst, FuncId)> = Vec::new();
        for &b in &func.layout.blocks {
            for &i in &func.layout.insts[b] {
                let d = &func.dfg.insts[i];
                let (Opcode::Call, Imm::Func(g)) = (d.opcode, &d.imm) else {
                    continue;
                };
                let deferred = d.args.get(1).is_some_and(|&tok| {
                    matches!(func.dfg.values[tok].def, ValueDef::Result(e, _)
                        if func.dfg.insts[e].opcode == Opcode::DeferEnter)
                });
                if deferred && ok[*g] && cg.scc_of(*g) != cg.scc_of(f) {
                    sites.push((b, i, *g));
                }
            }
        }
        // Last first, as in `inline`: earlier calls of a block stay in it.
        for &(b, call, g) in sites.iter().rev() {
            inline_site(m, f, b, call, g, max_depth, cx);
        }
    }
}
