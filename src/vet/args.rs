//! `defer.args`: a deferred call's argument is a variable that is assigned again after
//! the `defer` ran (`defer fmt.Println("status:", status)`, then `status = "done"`).
//! The argument was evaluated at the `defer` statement, so the call sees the old
//! value. go vet's `defers` analyzer catches only `time.Since` in a deferred call's
//! arguments; staticcheck has no such check.
//!
//! Certain, not guessed: the assignment is one the `defer` dominates (it comes later in
//! a block enclosing both, so whenever it runs the `defer` ran before it), and it
//! assigns the variable itself, not through a pointer. `return v` in a function with
//! named results assigns them. A function literal's explicit parameters
//! (`defer func(id int) {...}(i)`) are the idiom for a snapshot and are not reported.

use super::walk::{assigned_locals, peel, statements, Path};
use super::{Analyzer, Finding, Pass};
use frontend::hir::{Expr, ExprKind, LocalId, Stmt, StmtKind};

pub const ANALYZER: Analyzer = Analyzer {
    name: "defer.args",
    doc: "a deferred call's argument is evaluated at the defer, though the variable changes later",
    run,
};

/// The arguments a deferred call evaluates at the `defer` statement that the user may
/// expect to be read when the call runs.
fn deferred_args(call: &Expr) -> &[Expr] {
    match &call.kind {
        ExprKind::Call { callee, args } => match peel(callee).kind {
            ExprKind::FuncLit(_) => &[],
            _ => args,
        },
        ExprKind::MethodCall { args, .. }
        | ExprKind::Builtin { args, .. }
        | ExprKind::Lib { args, .. } => args,
        _ => &[],
    }
}

fn run(pass: &Pass, out: &mut Vec<Finding>) {
    for func in &pass.prog.funcs {
        let mut defers: Vec<(&Stmt, Path)> = Vec::new();
        let mut assigns: Vec<(LocalId, &Stmt, Path)> = Vec::new();
        statements(func, &mut |v| {
            match &v.stmt.kind {
                StmtKind::Defer(_) => defers.push((v.stmt, v.path.clone())),
                StmtKind::Return(Some(_)) if func.named_results => {
                    for r in &func.results {
                        assigns.push((*r, v.stmt, v.path.clone()));
                    }
                }
                _ => {}
            }
            for l in assigned_locals(v.stmt) {
                assigns.push((l, v.stmt, v.path.clone()));
            }
        });
        for (d, dpath) in &defers {
            let StmtKind::Defer(call) = &d.kind else {
                continue;
            };
            let mut seen = Vec::new();
            for arg in deferred_args(call) {
                let ExprKind::Local(l) = peel(arg).kind else {
                    continue;
                };
                if seen.contains(&l) {
                    continue;
                }
                seen.push(l);
                let Some((_, s, _)) = assigns
                    .iter()
                    .find(|(al, _, apath)| *al == l && dpath.dominates(apath))
                else {
                    continue;
                };
                let name = &func.locals[l.0 as usize].name;
                let how = if matches!(s.kind, StmtKind::Return(_)) {
                    "set by the return statement"
                } else {
                    "assigned again"
                };
                out.push(Finding {
                    analyzer: ANALYZER.name,
                    span: arg.span,
                    message: format!(
                        "{name} is evaluated at the defer statement, but {how} at line {}: \
                         the deferred call sees the old value",
                        pass.line(s.span)
                    ),
                    fix: format!(
                        "defer a closure that reads {name} when it runs: defer func() {{ ... }}()"
                    ),
                });
            }
        }
    }
}
