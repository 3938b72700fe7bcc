//! How each function is reached: deferred directly (`defer f()`, `defer func() {...}()`,
//! `defer x.M()`), called directly, or used as a value (then anything may call it,
//! deferred or not, and no check may claim to know how it runs).

use super::walk::{all_exprs, peel};
use frontend::hir::{ExprKind, FuncId, Program, StmtKind};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Default)]
pub struct CallFacts {
    /// Functions that some `defer` statement calls directly.
    pub deferred: BTreeSet<FuncId>,
    /// Functions used as a value (a func value, a method value or expression, a
    /// literal not called on the spot): their callers are unknown.
    pub as_value: BTreeSet<FuncId>,
    /// For each function, the functions that call it directly, not as a deferred call.
    pub callers: BTreeMap<FuncId, Vec<FuncId>>,
}

impl CallFacts {
    pub fn of(prog: &Program) -> CallFacts {
        let mut facts = CallFacts::default();
        for (i, func) in prog.funcs.iter().enumerate() {
            let me = FuncId(i as u32);
            // Callee positions of calls: those uses are calls, not values.
            let mut callee_spans = BTreeSet::new();
            all_exprs(func, &mut |v, e| {
                let deferred_call =
                    matches!(&v.stmt.kind, StmtKind::Defer(d) if std::ptr::eq(d, e));
                let target = match &e.kind {
                    ExprKind::Call { callee, .. } => match &peel(callee).kind {
                        ExprKind::FuncRef(g) | ExprKind::FuncLit(g) => {
                            callee_spans.insert(peel(callee) as *const _ as usize);
                            Some(*g)
                        }
                        _ => None,
                    },
                    ExprKind::MethodCall { func, .. } => Some(*func),
                    _ => None,
                };
                if let Some(g) = target {
                    if deferred_call {
                        facts.deferred.insert(g);
                    } else {
                        facts.callers.entry(g).or_default().push(me);
                    }
                }
            });
            all_exprs(func, &mut |_, e| match &e.kind {
                ExprKind::FuncRef(g) | ExprKind::FuncLit(g)
                    if !callee_spans.contains(&(e as *const _ as usize)) =>
                {
                    facts.as_value.insert(*g);
                }
                ExprKind::MethodValue { func, .. } | ExprKind::MethodExpr { func, .. } => {
                    facts.as_value.insert(*func);
                }
                _ => {}
            });
        }
        // Package variable initialisers may hold function values too.
        for init in &prog.inits {
            for v in &init.values {
                super::walk::each_expr(v, &mut |e| {
                    if let ExprKind::FuncRef(g)
                    | ExprKind::FuncLit(g)
                    | ExprKind::MethodValue { func: g, .. }
                    | ExprKind::MethodExpr { func: g, .. } = &e.kind
                    {
                        facts.as_value.insert(*g);
                    }
                });
            }
        }
        facts
    }

    /// Whether `f` is certainly never run as a deferred call itself: no `defer` calls
    /// it directly and it is never used as a value. (`main`, `init` and benchmarks are
    /// run by the runtime, never deferred.)
    pub fn never_deferred(&self, f: FuncId) -> bool {
        !self.deferred.contains(&f) && !self.as_value.contains(&f)
    }
}
