//! `defer.loop`: a `defer` inside a loop. Its call runs when the function returns, not
//! at the end of the iteration, and every iteration pushes a record (a chain record:
//! the passes cannot open-code it). go vet says nothing; staticcheck's SA9001 covers
//! only ranges over channels (not in the subset), and its SA5003 defers in a `for {}`
//! that no `break` or `return` leaves (they never run): those are left to it.

use super::walk::{leaves, statements};
use super::{Analyzer, Finding, Pass};
use frontend::hir::StmtKind;

pub const ANALYZER: Analyzer = Analyzer {
    name: "defer.loop",
    doc: "a defer in a loop runs when the function returns, with a record per iteration",
    run,
};

fn run(pass: &Pass, out: &mut Vec<Finding>) {
    for func in &pass.prog.funcs {
        statements(func, &mut |v| {
            let sa5003 = match v.in_loop.map(|l| &l.kind) {
                Some(StmtKind::For {
                    cond: None,
                    label,
                    body,
                    ..
                }) => !leaves(body, *label),
                _ => false,
            };
            if matches!(v.stmt.kind, StmtKind::Defer(_)) && v.loops > 0 && !sa5003 {
                out.push(Finding {
                    analyzer: ANALYZER.name,
                    span: v.stmt.span,
                    message: format!(
                        "defer in a loop: the call runs when {} returns, not at the end of \
                         the iteration, and each iteration pushes a record",
                        func.name
                    ),
                    fix: "move the loop body into a function literal called in the loop \
                          (for ... { func() { ...; defer ... }() })"
                        .to_string(),
                });
            }
        });
    }
}
