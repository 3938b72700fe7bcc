//! Statements, mapped onto `hir::StmtKind` as its comments say, and Go's
//! terminating-statement analysis for "missing return".

use super::expr::{mk, unparen};
use super::{Checker, Entity};
use crate::ast::{self, BinOp, Span, StmtKind as S};
use crate::hir::{self, ConstValue, Expr, ExprKind, LocalId, Stmt, StmtKind};
use crate::types::{Basic, TypeId, TypeKind};

pub(crate) fn st(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

pub(crate) fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

impl Checker<'_> {
    pub(crate) fn stmt_list(&mut self, stmts: &[ast::Stmt]) -> hir::Block {
        let mut out = Vec::new();
        for s in stmts {
            self.stmt(s, &mut out);
        }
        out
    }

    /// The statements of a `case` clause: a `fallthrough` among them is judged by
    /// where it stands (types2's `fallthroughOk`, `finalSwitchCase`, `inTypeSwitch`).
    pub(crate) fn clause_body(&mut self, stmts: &[ast::Stmt], ctx: super::FallCtx) -> hir::Block {
        let last = stmts
            .iter()
            .rposition(|s| !matches!(s.kind, S::Empty))
            .unwrap_or(0);
        let mut out = Vec::new();
        for (i, s) in stmts.iter().enumerate() {
            self.fall_ctx = Some(match ctx {
                super::FallCtx::Ok if i != last => super::FallCtx::OutOfPlace,
                c => c,
            });
            self.stmt(s, &mut out);
        }
        self.fall_ctx = None;
        out
    }

    pub(crate) fn block(&mut self, b: &ast::Block) -> hir::Block {
        self.push_scope();
        let out = self.stmt_list(&b.stmts);
        self.pop_scope();
        out
    }

    pub(crate) fn stmt(&mut self, s: &ast::Stmt, out: &mut Vec<Stmt>) {
        let span = s.span;
        // Only a clause's own statements see its context; nested ones do not.
        let fall_ctx = self.fall_ctx.take();
        match &s.kind {
            S::Empty => {}
            S::Expr(e) => {
                if let Some(e) = self.expr_stmt(e) {
                    out.push(st(StmtKind::Expr(e), span));
                }
            }
            S::Var(specs) => {
                for spec in specs {
                    self.local_var(spec, out);
                }
            }
            S::Const(specs) => self.local_consts(specs),
            S::Type(specs) => self.local_types(specs),
            S::Define { lhs, rhs } => self.define(lhs, rhs, span, out, &mut Vec::new()),
            S::Assign { lhs, op, rhs } => self.assign(lhs, *op, rhs, span, out),
            S::IncDec { target, inc } => {
                let place = self.expr(target);
                if self.is_invalid(place.ty) {
                    return;
                }
                let sym = if *inc { "++" } else { "--" };
                if !self.types.is_numeric(place.ty) {
                    let text = self.text(target.span);
                    let ts = self.short_display(place.ty);
                    self.err(
                        span,
                        format!("invalid operation: {text}{sym} (non-numeric type {ts})"),
                    );
                    return;
                }
                if !self.check_place(&place) {
                    return;
                }
                let one = if self.types.is_float(place.ty) {
                    ConstValue::Float(super::float::from_int(1))
                } else {
                    ConstValue::Int(1)
                };
                let one = mk(ExprKind::Const(one), place.ty, span);
                let op = if *inc { BinOp::Add } else { BinOp::Sub };
                out.push(st(
                    StmtKind::OpAssign {
                        place,
                        op,
                        value: one,
                    },
                    span,
                ));
            }
            S::Block(b) => {
                let body = self.block(b);
                out.push(st(StmtKind::Block(body), span));
            }
            S::If {
                init,
                cond,
                then,
                els,
            } => {
                self.push_scope();
                let mut outer = Vec::new();
                if let Some(init) = init {
                    self.simple_stmt(init, &mut outer, &mut Vec::new());
                }
                let c = self.cond(cond, "if statement");
                let then = self.block(then);
                let mut els_out = Vec::new();
                if let Some(e) = els {
                    match &e.kind {
                        S::Block(b) => els_out = self.block(b),
                        _ => self.stmt(e, &mut els_out),
                    }
                }
                self.pop_scope();
                let i = st(
                    StmtKind::If {
                        cond: c,
                        then,
                        els: els_out,
                    },
                    span,
                );
                Self::wrap(outer, i, span, out);
            }
            S::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(
                init.as_deref(),
                cond.as_ref(),
                post.as_deref(),
                body,
                span,
                out,
            ),
            S::ForRange {
                key,
                value,
                define,
                range,
                body,
            } => self.range_stmt(
                key.as_ref(),
                value.as_ref(),
                *define,
                range,
                body,
                span,
                out,
            ),
            S::Switch { init, tag, cases } => {
                self.switch_stmt(init.as_deref(), tag.as_ref(), cases, span, out)
            }
            S::TypeSwitch {
                init,
                bind,
                subject,
                cases,
            } => self.type_switch(init.as_deref(), bind.as_ref(), subject, cases, span, out),
            S::Labeled { label, stmt } => self.labeled(label, stmt, out),
            S::Break(label) => {
                if let Some(id) = self.branch_target(label.as_ref(), false, span) {
                    out.push(st(StmtKind::Break(id), span));
                }
            }
            S::Continue(label) => {
                if let Some(id) = self.branch_target(label.as_ref(), true, span) {
                    out.push(st(StmtKind::Continue(id), span));
                }
            }
            S::Return(values) => {
                if let Some(r) = self.return_stmt(values, span) {
                    out.push(st(StmtKind::Return(r), span));
                }
            }
            S::Defer(e) => {
                if let Some(call) = self.defer_call(e) {
                    out.push(st(StmtKind::Defer(call), span));
                }
            }
            S::Go(e) => {
                self.err(span, "goroutines are not supported");
                // Check the call all the same: its uses count (an import or a variable
                // used only there is used), and its own errors are real.
                let _ = self.expr_multi(e);
            }
            S::Goto(_) => self.err(span, "goto statements are not supported"),
            S::Fallthrough => self.err(
                span,
                match fall_ctx {
                    Some(super::FallCtx::Ok) => "fallthrough statements are not supported",
                    Some(super::FallCtx::Final) => "cannot fallthrough final case in switch",
                    Some(super::FallCtx::TypeSwitch) => "cannot fallthrough in type switch",
                    _ => "fallthrough statement out of place",
                },
            ),
            S::Select => self.err(span, "select statements are not supported"),
            S::Send(c, v) => {
                self.err(span, "channels are not supported");
                // Check the operands all the same: they count as uses.
                let _ = self.expr(c);
                let _ = self.expr(v);
            }
        }
    }

    /// Puts an init statement and its `if`/`for`/`switch` into one enclosing block.
    pub(crate) fn wrap(mut outer: Vec<Stmt>, s: Stmt, span: Span, out: &mut Vec<Stmt>) {
        if outer.is_empty() {
            out.push(s);
        } else {
            outer.push(s);
            out.push(st(StmtKind::Block(outer), span));
        }
    }

    /// The init or post statement of `if`, `for`, `switch`; `declared` collects the
    /// locals a `:=` declares.
    pub(crate) fn simple_stmt(
        &mut self,
        s: &ast::Stmt,
        out: &mut Vec<Stmt>,
        declared: &mut Vec<LocalId>,
    ) {
        match &s.kind {
            S::Define { lhs, rhs } => self.define(lhs, rhs, s.span, out, declared),
            _ => self.stmt(s, out),
        }
    }

    pub(crate) fn cond(&mut self, e: &ast::Expr, what: &str) -> Expr {
        let c = self.expr(e);
        if self.is_invalid(c.ty) {
            return c;
        }
        if !self.is_bool(c.ty) {
            let d = self.describe(&c);
            self.err(e.span, format!("non-boolean condition in {what}"));
            let _ = d;
            return self.invalid_expr(e.span);
        }
        self.defaulted(c)
    }

    pub(crate) fn expr_stmt(&mut self, e: &ast::Expr) -> Option<Expr> {
        let v = self.expr_multi(e);
        if self.is_invalid(v.ty) {
            return None;
        }
        let is_call = matches!(unparen(e).kind, ast::ExprKind::Call { .. });
        let ok = is_call
            && match &v.kind {
                ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::Lib { .. } => true,
                ExprKind::Builtin { builtin, .. } => matches!(
                    builtin,
                    hir::Builtin::Copy
                        | hir::Builtin::Panic
                        | hir::Builtin::Recover
                        | hir::Builtin::Print
                        | hir::Builtin::Println
                        | hir::Builtin::Delete
                        | hir::Builtin::Clear
                ),
                _ => false,
            };
        if !ok {
            let d = self.describe(&v);
            self.err(e.span, format!("{d} is not used"));
            return None;
        }
        Some(v)
    }

    /// The call of a `defer` statement, with gc's errors: the parser's for a
    /// parenthesised call, then types2's `suspendedCall` (a call of a builtin whose
    /// result would be discarded, a conversion), each quoting the operand as gc does.
    pub(crate) fn defer_call(&mut self, e: &ast::Expr) -> Option<Expr> {
        let parenthesized = matches!(e.kind, ast::ExprKind::Paren(_));
        if parenthesized {
            self.err(e.span, "expression in defer must not be parenthesized");
        }
        let e = unparen(e);
        let ast::ExprKind::Call { func, .. } = &e.kind else {
            self.err(e.span, "expression in defer must be function call");
            let _ = self.expr_multi(e);
            return None;
        };
        let v = self.expr_multi(e);
        if self.is_invalid(v.ty) {
            return None;
        }
        let ok = match &v.kind {
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::Lib { .. } => true,
            ExprKind::Builtin {
                builtin:
                    hir::Builtin::Copy
                    | hir::Builtin::Panic
                    | hir::Builtin::Recover
                    | hir::Builtin::Print
                    | hir::Builtin::Println
                    | hir::Builtin::Delete
                    | hir::Builtin::Clear,
                ..
            } => true,
            _ => {
                // Any other builtin has a result (`len`, `min`, `append`, ...), folded to
                // a constant or not; what is left is a conversion.
                let builtin = match &unparen(func).kind {
                    ast::ExprKind::Ident(n) => matches!(self.lookup(n), Some(Entity::Builtin(_))),
                    _ => false,
                };
                let d = self.describe(&v);
                let msg = if builtin {
                    format!("defer discards result of {d}")
                } else {
                    format!("defer requires function call, not conversion {d}")
                };
                self.err(v.span, msg);
                false
            }
        };
        (ok && !parenthesized).then_some(v)
    }

    // ---- Return ----------------------------------------------------------------------------

    pub(crate) fn return_stmt(
        &mut self,
        values: &[ast::Expr],
        span: Span,
    ) -> Option<Option<Vec<Expr>>> {
        let results = self.fb().result_types.clone();
        if values.is_empty() {
            if results.is_empty() {
                return Some(Some(Vec::new()));
            }
            if self.fb().named_results {
                let locals = self.fb().result_locals.clone();
                for l in locals {
                    let name = self
                        .fb()
                        .locals
                        .get(l.0 as usize)
                        .map(|x| x.name.clone())
                        .unwrap_or_default();
                    if name.starts_with('~') {
                        continue;
                    }
                    let shadowed = match self.fb().lookup(&name) {
                        Some(Entity::Local(x)) => *x != l,
                        _ => true,
                    };
                    if shadowed {
                        self.err(
                            span,
                            format!("result parameter {name} not in scope at return"),
                        );
                        return None;
                    }
                }
                return Some(None);
            }
            let ws = self.types_list_pub(&results);
            self.err(
                span,
                format!("not enough return values\n\thave ()\n\twant {ws}"),
            );
            return None;
        }
        if values.len() == 1 && results.len() != 1 {
            let v = self.expr_multi(&values[0]);
            if self.is_invalid(v.ty) {
                return None;
            }
            let tys = match self.types.kind(v.ty) {
                TypeKind::Tuple(ts) => ts.clone(),
                _ => vec![v.ty],
            };
            if tys.len() == results.len() && self.is_tuple(v.ty) {
                for (&have, &want) in tys.iter().zip(&results) {
                    if let Err(why) = self.assignable(have, want) {
                        let (hs, ws) = (self.short_display(have), self.short_display(want));
                        self.err(v.span, format!("cannot use {} (value of type {hs}) as {ws} value in return statement{why}", self.text(v.span)));
                        return None;
                    }
                }
                return Some(Some(vec![v]));
            }
            self.return_count_error(&tys, &results, values, span);
            return None;
        }
        let vals: Vec<Expr> = values.iter().map(|v| self.expr(v)).collect();
        if vals.len() != results.len() {
            let tys: Vec<TypeId> = vals.iter().map(|v| v.ty).collect();
            if !tys.iter().any(|&t| self.is_invalid(t)) {
                self.return_count_error(&tys, &results, values, span);
            }
            return None;
        }
        Some(Some(
            vals.into_iter()
                .zip(results)
                .map(|(v, t)| self.assign_conv(v, t, "return statement"))
                .collect(),
        ))
    }

    pub(crate) fn return_count_error(
        &mut self,
        have: &[TypeId],
        want: &[TypeId],
        values: &[ast::Expr],
        span: Span,
    ) {
        let hs = self.types_list_pub(have);
        let ws = self.types_list_pub(want);
        if have.len() > want.len() {
            let at = values.get(want.len()).map(|v| v.span).unwrap_or(span);
            self.err(
                at,
                format!("too many return values\n\thave {hs}\n\twant {ws}"),
            );
        } else {
            let at = values.first().map(|v| v.span).unwrap_or(span);
            self.err(
                at,
                format!("not enough return values\n\thave {hs}\n\twant {ws}"),
            );
        }
    }

    pub(crate) fn types_list_pub(&self, ts: &[TypeId]) -> String {
        let v: Vec<String> = ts
            .iter()
            .map(|&t| match self.types.basic_of(t) {
                Some(Basic::UntypedInt | Basic::UntypedRune) => "number".to_string(),
                Some(Basic::UntypedNil) => "nil".to_string(),
                _ => self.short_display(self.default_type(t)),
            })
            .collect();
        format!("({})", v.join(", "))
    }
}

// ---- Terminating statements (Go spec), on the syntax ---------------------------------------

pub(crate) fn is_terminating_list(stmts: &[ast::Stmt]) -> bool {
    stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, S::Empty))
        .is_some_and(|s| is_terminating(s, None))
}

fn is_terminating(s: &ast::Stmt, label: Option<&str>) -> bool {
    match &s.kind {
        S::Return(_) | S::Goto(_) => true,
        S::Expr(e) => match &unparen(e).kind {
            ast::ExprKind::Call { func, .. } => {
                matches!(&unparen(func).kind, ast::ExprKind::Ident(n) if n == "panic")
            }
            _ => false,
        },
        S::Block(b) => is_terminating_list(&b.stmts),
        S::If {
            then, els: Some(e), ..
        } => is_terminating_list(&then.stmts) && is_terminating(e, None),
        S::For {
            cond: None, body, ..
        } => !has_break(&body.stmts, label, true),
        S::Switch { cases, .. } | S::TypeSwitch { cases, .. } => {
            cases.iter().any(|c| c.is_default)
                && cases.iter().all(|c| {
                    (is_terminating_list(&c.body)
                        || c.body
                            .last()
                            .is_some_and(|s| matches!(s.kind, S::Fallthrough)))
                        && !has_break(&c.body, label, true)
                })
        }
        S::Labeled { label, stmt } => is_terminating(stmt, Some(&label.name)),
        _ => false,
    }
}

/// Whether a `break` in `stmts` leaves the statement they belong to: an unlabeled one
/// at the top (not inside a nested loop or switch), or one naming `label`.
fn has_break(stmts: &[ast::Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &ast::Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        S::Break(None) => top,
        S::Break(Some(l)) => Some(l.name.as_str()) == label,
        S::Block(b) => has_break(&b.stmts, label, top),
        S::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els.as_ref().is_some_and(|e| stmt_has_break(e, label, top))
        }
        S::Labeled { stmt, .. } => stmt_has_break(stmt, label, top),
        S::For { body, .. } | S::ForRange { body, .. } => has_break(&body.stmts, label, false),
        S::Switch { cases, .. } | S::TypeSwitch { cases, .. } => {
            cases.iter().any(|c| has_break(&c.body, label, false))
        }
        _ => false,
    }
}

/// The labels `goto` statements name, not looking into function literals.
pub(crate) fn goto_labels(stmts: &[ast::Stmt], out: &mut Vec<String>) {
    for s in stmts {
        match &s.kind {
            S::Goto(l) => out.push(l.name.clone()),
            S::Block(b) => goto_labels(&b.stmts, out),
            S::If { then, els, .. } => {
                goto_labels(&then.stmts, out);
                if let Some(e) = els {
                    goto_labels(std::slice::from_ref(&**e), out);
                }
            }
            S::For { body, .. } | S::ForRange { body, .. } => goto_labels(&body.stmts, out),
            S::Switch { cases, .. } | S::TypeSwitch { cases, .. } => {
                for c in cases {
                    goto_labels(&c.body, out);
                }
            }
            S::Labeled { stmt, .. } => goto_labels(std::slice::from_ref(&**stmt), out),
            _ => {}
        }
    }
}
