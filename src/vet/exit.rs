//! `defer.exit`: `os.Exit` after a `defer` that certainly ran: the process ends without
//! running deferred calls, so the cleanup never happens (gocritic's `exitAfterDefer`;
//! neither go vet nor staticcheck reports it).
//!
//! Certain, not guessed: the `defer` dominates the statement calling `os.Exit` (it
//! comes earlier in a block enclosing it, so it ran whenever `os.Exit` does).

use super::walk::{all_exprs, statements, Path};
use super::{Analyzer, Finding, Pass};
use frontend::hir::{ExprKind, LibFunc, StmtKind};

pub const ANALYZER: Analyzer = Analyzer {
    name: "defer.exit",
    doc: "os.Exit after a defer: the deferred calls never run",
    run,
};

fn run(pass: &Pass, out: &mut Vec<Finding>) {
    for func in &pass.prog.funcs {
        let mut defers: Vec<(Path, u32)> = Vec::new();
        statements(func, &mut |v| {
            if matches!(v.stmt.kind, StmtKind::Defer(_)) {
                defers.push((v.path.clone(), pass.line(v.stmt.span)));
            }
        });
        all_exprs(func, &mut |v, e| {
            if !matches!(
                e.kind,
                ExprKind::Lib {
                    func: LibFunc::OsExit,
                    ..
                }
            ) {
                return;
            }
            let lines: Vec<String> = defers
                .iter()
                .filter(|(d, _)| d.dominates(&v.path))
                .map(|(_, l)| l.to_string())
                .collect();
            if lines.is_empty() {
                return;
            }
            let (calls, at, run) = if lines.len() == 1 {
                ("call", "line", "runs")
            } else {
                ("calls", "lines", "run")
            };
            out.push(Finding {
                analyzer: ANALYZER.name,
                span: e.span,
                message: format!(
                    "os.Exit does not run deferred calls: the {calls} deferred at {at} {} never {run}",
                    lines.join(", ")
                ),
                fix: format!(
                    "return from {} instead, and call os.Exit where no defer is pending \
                     (or run the cleanup first)",
                    func.name
                ),
            });
        });
    }
}
