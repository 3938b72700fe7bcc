//! `defer.recover` and `defer.directrecover`: a `recover` that can never stop a panic.
//!
//! `recover()` returns non-nil only when called directly by a deferred function while
//! it runs for a panic (Go's spec; `runtime/panic.go`'s `gorecover` checks the caller's
//! frame). So `recover()` in a helper that a deferred closure calls always returns nil,
//! and so does `defer recover()` in a function that is not itself running as a
//! deferred call (the runtime, not a deferred function, calls it). Neither go vet nor
//! staticcheck reports either (revive's `defer` rule reports the second shape). Both
//! come up in golang/go's issues: #25815 ("Deferring a recover directly is a no-op",
//! open), #20768, and #34530, where making `defer recover()` a vet error was proposed.
//!
//! Certain, not guessed: the function holding the `recover` is never deferred directly
//! and never used as a value (which could defer it; see `calls`).

use super::calls::CallFacts;
use super::walk::all_exprs;
use super::{Analyzer, Finding, Pass};
use frontend::hir::{Builtin, ExprKind, FuncId, StmtKind};

pub const ANALYZER: Analyzer = Analyzer {
    name: "defer.recover",
    doc: "recover() in a function that never runs as a deferred call always returns nil",
    run,
};

pub const DIRECT_ANALYZER: Analyzer = Analyzer {
    name: "defer.directrecover",
    doc: "defer recover() stops no panic unless the function deferring it is itself deferred",
    run: run_direct,
};

fn is_recover(e: &frontend::hir::Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Builtin {
            builtin: Builtin::Recover,
            ..
        }
    )
}

fn run(pass: &Pass, out: &mut Vec<Finding>) {
    let facts = CallFacts::of(pass.prog);
    for (i, func) in pass.prog.funcs.iter().enumerate() {
        let me = FuncId(i as u32);
        if !facts.never_deferred(me) {
            continue;
        }
        all_exprs(func, &mut |v, e| {
            let deferred_itself = matches!(&v.stmt.kind, StmtKind::Defer(d) if std::ptr::eq(d, e));
            if !is_recover(e) || deferred_itself {
                return;
            }
            let callers: Vec<&str> = facts
                .callers
                .get(&me)
                .map(|cs| {
                    let mut names: Vec<&str> = cs
                        .iter()
                        .map(|c| pass.prog.funcs[c.0 as usize].name.as_str())
                        .collect();
                    names.dedup();
                    names
                })
                .unwrap_or_default();
            let why = if callers.is_empty() {
                format!("{} is not a deferred call", func.name)
            } else {
                format!(
                    "{} is never deferred directly (it is called by {})",
                    func.name,
                    callers.join(", ")
                )
            };
            out.push(Finding {
                analyzer: ANALYZER.name,
                span: e.span,
                message: format!("recover() always returns nil here: {why}"),
                fix: "call recover() in the deferred function itself \
                      (defer func() { r := recover(); ... }()) and pass its value on"
                    .to_string(),
            });
        });
    }
}

fn run_direct(pass: &Pass, out: &mut Vec<Finding>) {
    let facts = CallFacts::of(pass.prog);
    for (i, func) in pass.prog.funcs.iter().enumerate() {
        if !facts.never_deferred(FuncId(i as u32)) {
            continue;
        }
        super::walk::statements(func, &mut |v| {
            if let StmtKind::Defer(call) = &v.stmt.kind {
                if is_recover(call) {
                    out.push(Finding {
                        analyzer: DIRECT_ANALYZER.name,
                        span: v.stmt.span,
                        message: format!(
                            "defer recover() stops no panic: the runtime calls it, not a \
                             deferred function, and {} is not itself a deferred call",
                            func.name
                        ),
                        fix: "defer a function literal that calls it: defer func() { recover() }()"
                            .to_string(),
                    });
                }
            }
        });
    }
}
