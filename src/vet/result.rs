//! `defer.result`: a deferred closure assigns a variable that the function returns, but
//! the function's results are not named. `return err` copied `err` into the unnamed
//! result before the deferred call ran, so the caller never sees the assignment (the
//! usual `recover` into `err` mistake). Neither go vet nor staticcheck reports it
//! (staticcheck's SA4006 sees no unused value: the variable is read by nothing later,
//! but it is captured).
//!
//! Certain, not guessed: the closure is deferred directly, assigns the variable itself,
//! and the `defer` dominates a `return` whose value is that variable.

use super::walk::{assigned_locals, peel, statements, Path};
use super::{Analyzer, Finding, Pass};
use frontend::hir::{ExprKind, LocalId, LocalKind, StmtKind};

pub const ANALYZER: Analyzer = Analyzer {
    name: "defer.result",
    doc: "a deferred closure assigns a returned variable that is not a named result",
    run,
};

fn run(pass: &Pass, out: &mut Vec<Finding>) {
    let prog = pass.prog;
    for func in &prog.funcs {
        if func.named_results || func.results.is_empty() {
            continue;
        }
        // (closure, defer's path) and (returned local, return's path, return line).
        let mut deferred = Vec::new();
        let mut returns: Vec<(LocalId, Path, u32)> = Vec::new();
        statements(func, &mut |v| match &v.stmt.kind {
            StmtKind::Defer(call) => {
                if let ExprKind::Call { callee, .. } = &call.kind {
                    if let ExprKind::FuncLit(g) = peel(callee).kind {
                        deferred.push((g, v.path.clone()));
                    }
                }
            }
            StmtKind::Return(Some(values)) => {
                for val in values {
                    if let ExprKind::Local(l) = peel(val).kind {
                        returns.push((l, v.path.clone(), pass.line(v.stmt.span)));
                    }
                }
            }
            _ => {}
        });
        for (g, dpath) in deferred {
            let lit = &prog.funcs[g.0 as usize];
            statements(lit, &mut |v| {
                for l in assigned_locals(v.stmt) {
                    let LocalKind::Capture(i) = lit.locals[l.0 as usize].kind else {
                        continue;
                    };
                    let outer = lit.captures[i as usize];
                    let local = &func.locals[outer.0 as usize];
                    if !matches!(local.kind, LocalKind::Var | LocalKind::Param) {
                        continue;
                    }
                    let Some((_, _, line)) = returns
                        .iter()
                        .find(|(r, rpath, _)| *r == outer && dpath.dominates(rpath))
                    else {
                        continue;
                    };
                    out.push(Finding {
                        analyzer: ANALYZER.name,
                        span: v.stmt.span,
                        message: format!(
                            "{} returns {} at line {line} before this deferred assignment \
                             runs: its caller never sees the new value",
                            func.name, local.name
                        ),
                        fix: format!(
                            "name the result ({} {}) and assign to it in the deferred closure",
                            local.name,
                            prog.types.display(local.ty)
                        ),
                    });
                }
            });
        }
    }
}
