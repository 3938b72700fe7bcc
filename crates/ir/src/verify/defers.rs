//! Defer checks: each declared deferred call is well-formed (a direct callee takes
//! `env`, `tok` and the declared argument types; an indirect one's first argument is the
//! function value), each `defer` instruction names a declared `DeferId` and passes its
//! `arg_types`, and every `ret` is reached only after the deferred calls pushed on its
//! path ran (a `run_defers` after the last `defer` on every path). After `defer_lower`
//! no `defer` or `run_defers` may remain.

use super::cfg::join;
use super::{Errors, VerifyOptions};
use crate::dominance::{ControlFlowGraph, DomTree};
use crate::entities::Block;
use crate::function::{DeferCallee, Function};
use crate::inst::{Imm, Opcode};
use crate::module::Module;
use crate::types::Type;
use crate::write::Point;
use cranelift_entity::SecondaryMap;

pub(super) fn check(m: &Module, f: &Function, opts: VerifyOptions, errs: &mut Errors) {
    for (d, data) in f.defers.iter() {
        match data.callee {
            DeferCallee::Direct(fid) => match m.funcs.get(fid) {
                None => errs.at(Point::Defer(d), format!("callee {fid} does not exist")),
                Some(callee) => {
                    let mut want = vec![Type::Ptr, Type::I64];
                    want.extend(&data.arg_types);
                    if callee.sig.params != want {
                        errs.at(
                            Point::Defer(d),
                            format!(
                                "{} takes ({}), the deferred call passes (ptr, i64, {})",
                                callee.name,
                                join(&callee.sig.params),
                                join(&data.arg_types)
                            ),
                        );
                    }
                }
            },
            DeferCallee::Indirect => {
                if data.arg_types.first() != Some(&Type::Func) {
                    errs.at(
                        Point::Defer(d),
                        "an indirect deferred call's first argument must be the func value",
                    );
                }
            }
        }
    }
    let mut has_defer = false;
    for &b in &f.layout.blocks {
        for &inst in &f.layout.insts[b] {
            let data = &f.dfg.insts[inst];
            match data.opcode {
                Opcode::Defer => {
                    has_defer = true;
                    if opts.lowered {
                        errs.at(Point::Inst(inst), "defer remains after defer_lower");
                    }
                    if !f.dfg.inst_results(inst).is_empty() {
                        errs.at(Point::Inst(inst), "defer has no results");
                    }
                    let Imm::Defer(d) = data.imm else {
                        errs.at(Point::Inst(inst), "defer needs a deferred call dN");
                        continue;
                    };
                    let Some(dd) = f.defers.get(d) else {
                        errs.at(Point::Inst(inst), format!("{d} is not declared"));
                        continue;
                    };
                    let tys: Vec<Type> = data.args.iter().map(|&v| f.dfg.value_type(v)).collect();
                    if tys != dd.arg_types {
                        errs.at(
                            Point::Inst(inst),
                            format!(
                                "{d} takes ({}), found ({})",
                                join(&dd.arg_types),
                                join(&tys)
                            ),
                        );
                    }
                }
                Opcode::RunDefers if opts.lowered => {
                    errs.at(Point::Inst(inst), "run_defers remains after defer_lower");
                }
                _ => {}
            }
        }
    }
    if has_defer && !opts.lowered {
        check_exits(f, errs);
    }
}

/// Forward "may have pending deferred calls" analysis: a `defer` sets the state, a
/// `run_defers` clears it, and a `ret` reached in the set state is an error.
fn check_exits(f: &Function, errs: &mut Errors) {
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    let mut pending_in: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut pending_out: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut changed = true;
    while changed {
        changed = false;
        for &b in dt.rpo() {
            let inp = cfg.preds[b].iter().any(|&p| pending_out[p]);
            pending_in[b] = inp;
            let mut s = inp;
            for &inst in &f.layout.insts[b] {
                match f.dfg.insts[inst].opcode {
                    Opcode::Defer => s = true,
                    Opcode::RunDefers => s = false,
                    _ => {}
                }
            }
            if s != pending_out[b] {
                pending_out[b] = s;
                changed = true;
            }
        }
    }
    for &b in dt.rpo() {
        let mut s = pending_in[b];
        for &inst in &f.layout.insts[b] {
            match f.dfg.insts[inst].opcode {
                Opcode::Defer => s = true,
                Opcode::RunDefers => s = false,
                Opcode::Ret if s => errs.at(
                    Point::Inst(inst),
                    "ret may skip deferred calls: no run_defers after a defer on some path",
                ),
                _ => {}
            }
        }
    }
}
