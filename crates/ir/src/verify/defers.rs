//! Defer checks: each declared deferred call is well-formed (a direct callee takes
//! `env`, `tok` and the declared argument types; a closure callee's first argument is
//! its closure object, of type `func`, and it takes `env`, `tok` and the rest; an
//! indirect one's first argument is the function value), and each `defer` instruction
//! names a declared `DeferId` and passes its `arg_types`. After `defer_lower` no `defer`
//! or `run_defers` may remain. Whether every exit runs the pending calls is the `scopes`
//! check.

use super::cfg::join;
use super::{Errors, VerifyOptions};
use crate::function::{DeferCallee, Function};
use crate::inst::{Imm, Opcode};
use crate::module::Module;
use crate::types::Type;
use crate::write::Point;

pub(super) fn check(m: &Module, f: &Function, opts: VerifyOptions, errs: &mut Errors) {
    for (d, data) in f.defers.iter() {
        // A closure or a function value travels as the first argument.
        let object = match data.callee {
            DeferCallee::Direct(_) => None,
            DeferCallee::Closure(_) => {
                Some("a closure deferred call's first argument must be its closure object (func)")
            }
            DeferCallee::Indirect => {
                Some("an indirect deferred call's first argument must be the func value")
            }
        };
        if let Some(msg) = object {
            if data.arg_types.first() != Some(&Type::Func) {
                errs.at(Point::Defer(d), msg);
                continue;
            }
        }
        let Some(fid) = data.callee.func() else {
            continue;
        };
        let Some(callee) = m.funcs.get(fid) else {
            errs.at(Point::Defer(d), format!("callee {fid} does not exist"));
            continue;
        };
        let (env, rest) = match object {
            Some(_) => ("func", &data.arg_types[1..]),
            None => ("ptr", &data.arg_types[..]),
        };
        let mut want = vec![Type::Ptr, Type::I64];
        want.extend(rest);
        if callee.sig.params != want {
            errs.at(
                Point::Defer(d),
                format!(
                    "{} takes ({}), the deferred call passes ({env}, i64, {})",
                    callee.name,
                    join(&callee.sig.params),
                    join(rest)
                ),
            );
        }
    }
    for &b in &f.layout.blocks {
        for &inst in &f.layout.insts[b] {
            let data = &f.dfg.insts[inst];
            match data.opcode {
                Opcode::Defer => {
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
}
