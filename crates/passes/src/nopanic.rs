//! `nopanic`: marks the functions that can never panic (`Function::nopanic`), bottom-up
//! over the call graph, so that a call of one needs no `panicking` test after it: the
//! verifier stops asking for the test (`ir::panicflag::may_panic`) and `copyprop`,
//! which runs later, folds the tests that are there to `false`. `NoDefer`'s loop around
//! a call of `sink += 1` then pays for the call alone, as gc's does; the same holds for
//! an open-coded deferred call of such a function at an exit.
//!
//! **Requires:** defers lowered (every deferred call is an explicit `call`, so the
//! bodies say everything that can happen).
//!
//! **Establishes:** a function is marked exactly when no instruction of its body may
//! start a panic, counting a direct call of a marked function as one that cannot, and a
//! `defer_exit` of a token that is known to be 0 as one that cannot either (the token of
//! a `defer_enter` reached only with the flag clear, or the constant 0: the deferred
//! call ran without a panic in flight, so there is none to resume). Nothing else
//! changes.
//!
//! What may panic is `InstData::may_panic`: the explicit checks, `raise`, the runtime
//! functions that can fail, indirect calls (the callee is unknown), calls of unmarked
//! functions. A stack overflow is not a panic in Go (it is a fatal error that no
//! `recover` stops), so recursion alone does not make a function panic.
//!
//! The components of the call graph are visited callees first. Within a recursive
//! component every member starts marked and loses its mark when an instruction of its
//! body may panic, until nothing changes: the greatest set of functions of which none
//! can start a panic, which is sound because a panic needs an instruction that starts
//! it, and no member has one that can run.

use crate::PassContext;
use ir::callgraph::CallGraph;
use ir::dominance::DomTree;
use ir::panicflag::{flag_after, flag_clear, may_panic};
use ir::{FuncId, Function, Imm, Module, Opcode, Value, ValueDef};
use std::collections::HashSet;

pub fn run(m: &mut Module, _cx: &mut PassContext) {
    let cg = CallGraph::new(m);
    for scc in cg.sccs() {
        for &f in scc {
            m.funcs[f].nopanic = true;
        }
        loop {
            let mut changed = false;
            for &f in scc {
                if m.funcs[f].nopanic && can_panic(m, f) {
                    m.funcs[f].nopanic = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }
}

/// Whether some instruction of `f`'s body may start a panic, given the marks so far.
fn can_panic(m: &Module, f: FuncId) -> bool {
    let func = &m.funcs[f];
    if func.entry().is_none() {
        return true;
    }
    let dt = DomTree::compute(func);
    let clear_in = flag_clear(m, func, &dt);
    // Tokens of deferred calls that ran with no panic in flight.
    let mut zero_tokens: HashSet<Value> = HashSet::new();
    for &b in dt.rpo() {
        let mut clear = clear_in[b];
        for &i in &func.layout.insts[b] {
            let d = &func.dfg.insts[i];
            match d.opcode {
                Opcode::DeferEnter if clear => {
                    zero_tokens.insert(func.dfg.first_result(i));
                }
                Opcode::DeferExit if is_zero_token(func, &zero_tokens, d.args[0]) => {}
                _ if may_panic(m, d) => return true,
                _ => {}
            }
            clear = flag_after(m, d, clear);
        }
    }
    false
}

fn is_zero_token(f: &Function, zero_tokens: &HashSet<Value>, tok: Value) -> bool {
    if zero_tokens.contains(&tok) {
        return true;
    }
    match f.dfg.values[tok].def {
        ValueDef::Result(i, _) => {
            let d = &f.dfg.insts[i];
            d.opcode == Opcode::Iconst && d.imm == Imm::Int(0)
        }
        ValueDef::Param(..) => false,
    }
}
