//! `defer.nilrecv`: a deferred method call or function value whose receiver or value is
//! certainly nil at the `defer` statement: a local declared without a value (or `=
//! nil`), never assigned, never captured, never address-taken. Go evaluates the method
//! value at the `defer`: a value receiver through a nil pointer and a method of a nil
//! interface panic there; a pointer receiver runs with nil when the function returns;
//! a nil function value panics when the call would run. go vet's `nilness` works on
//! SSA and reports nil dereferences, not defers of nil method values; staticcheck's
//! SA5011 reports dereferences after a nil check only.

use super::walk::{assigned_locals, peel, statements};
use super::{Analyzer, Finding, Pass};
use frontend::hir::{ConstValue, ExprKind, LibFunc, LocalId, LocalKind, StmtKind};
use frontend::types::TypeKind;
use std::collections::BTreeSet;

pub const ANALYZER: Analyzer = Analyzer {
    name: "defer.nilrecv",
    doc: "a deferred call's receiver or function value is nil at the defer statement",
    run,
};

fn run(pass: &Pass, out: &mut Vec<Finding>) {
    let prog = pass.prog;
    for func in &prog.funcs {
        let mut nil = BTreeSet::new();
        let mut assigned = BTreeSet::new();
        statements(func, &mut |v| {
            match &v.stmt.kind {
                StmtKind::Declare { locals, values } if locals.len() == 1 => {
                    let zero = values.is_empty()
                        || values.len() == 1
                            && matches!(peel(&values[0]).kind, ExprKind::Const(ConstValue::Nil));
                    if zero {
                        nil.insert(locals[0]);
                    }
                }
                _ => {}
            }
            assigned.extend(assigned_locals(v.stmt));
        });
        let known_nil = |l: LocalId| {
            let local = &func.locals[l.0 as usize];
            nil.contains(&l)
                && !assigned.contains(&l)
                && !local.addressed
                && local.kind == LocalKind::Var
                && matches!(
                    prog.types.under_kind(local.ty),
                    TypeKind::Pointer(_)
                        | TypeKind::Func(_)
                        | TypeKind::EmptyInterface
                        | TypeKind::Error
                )
        };
        statements(func, &mut |v| {
            let StmtKind::Defer(call) = &v.stmt.kind else {
                return;
            };
            let name = |l: LocalId| func.locals[l.0 as usize].name.clone();
            let found = match &call.kind {
                ExprKind::MethodCall { func: m, recv, .. } => match &peel(recv).kind {
                    ExprKind::Local(l) if known_nil(*l) => Some(format!(
                        "{} is nil at this defer: {} runs with a nil receiver when {} returns",
                        name(*l),
                        prog.funcs[m.0 as usize].name,
                        func.name
                    )),
                    ExprKind::Deref(p) => match peel(p).kind {
                        ExprKind::Local(l) if known_nil(l) => Some(format!(
                            "{} is nil at this defer: {} has a value receiver, so the defer \
                             statement panics (nil pointer dereference)",
                            name(l),
                            prog.funcs[m.0 as usize].name
                        )),
                        _ => None,
                    },
                    _ => None,
                },
                ExprKind::Lib {
                    func: LibFunc::ErrorMethod,
                    args,
                } => match args.first().map(|a| &peel(a).kind) {
                    Some(ExprKind::Local(l)) if known_nil(*l) => Some(format!(
                        "{} is a nil interface at this defer: the defer statement panics \
                         evaluating {}.Error",
                        name(*l),
                        name(*l)
                    )),
                    _ => None,
                },
                ExprKind::Call { callee, .. } => match peel(callee).kind {
                    ExprKind::Local(l) if known_nil(l) => Some(format!(
                        "{} is a nil func at this defer: the deferred call panics when {} returns",
                        name(l),
                        func.name
                    )),
                    _ => None,
                },
                _ => None,
            };
            if let Some(message) = found {
                out.push(Finding {
                    analyzer: ANALYZER.name,
                    span: v.stmt.span,
                    message,
                    fix: "assign the value before deferring its call, or defer a closure \
                          that checks it for nil when it runs"
                        .to_string(),
                });
            }
        });
    }
}
