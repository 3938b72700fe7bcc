//! Loops, switches, type switches and labels: `break` / `continue` targets as
//! `LabelId`s, switch tags in hidden temporaries, per-clause type switch bindings.

use super::expr::{mk, unparen};
use super::scope::LabelFrame;
use super::stmt::st;
use super::{Checker, Entity};
use crate::ast::{self, BinOp, Span, StmtKind as S};
use crate::hir::{self, ConstValue, ExprKind, RangeKind, RangeTarget, Stmt, StmtKind};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl Checker<'_> {
    // ---- Loops, switches, labels ------------------------------------------------------------

    pub(crate) fn open_frame(&mut self, is_loop: bool) -> hir::LabelId {
        let fb = self.fb();
        let id = fb.new_label();
        let name = fb.pending_label.take();
        fb.labels.push(LabelFrame { name, id, is_loop });
        id
    }

    pub(crate) fn close_frame(&mut self) {
        self.fb().labels.pop();
    }

    pub(crate) fn labeled(&mut self, label: &ast::Ident, s: &ast::Stmt, out: &mut Vec<Stmt>) {
        let name = label.name.clone();
        if name == "_" {
            self.stmt(s, out);
            return;
        }
        if self.fb().label_names.iter().any(|l| l.name == name) {
            self.err(label.span, format!("label {name} already defined"));
        }
        let idx = self.fb().label_names.len();
        self.fb().label_names.push(super::scope::PendingLabel {
            name: name.clone(),
            used: false,
        });
        if matches!(
            s.kind,
            S::For { .. } | S::ForRange { .. } | S::Switch { .. } | S::TypeSwitch { .. }
        ) {
            self.fb().pending_label = Some(name.clone());
        }
        self.stmt(s, out);
        self.fb().pending_label = None;
        let used = self.fb().label_names.get(idx).is_some_and(|l| l.used)
            || self.fb().goto_labels.contains(&name);
        if !used {
            self.err(label.span, format!("label {name} defined and not used"));
        }
    }

    pub(crate) fn branch_target(
        &mut self,
        label: Option<&ast::Ident>,
        is_continue: bool,
        span: Span,
    ) -> Option<hir::LabelId> {
        let kw = if is_continue { "continue" } else { "break" };
        let fb = self.fb();
        match label {
            None => {
                let f = fb.labels.iter().rev().find(|f| f.is_loop || !is_continue);
                match f {
                    Some(f) => Some(f.id),
                    None => {
                        let msg = if is_continue {
                            "continue is not in a loop"
                        } else {
                            "break is not in a loop, switch, or select"
                        };
                        self.err(span, msg);
                        None
                    }
                }
            }
            Some(l) => {
                if let Some(p) = fb.label_names.iter_mut().find(|p| p.name == l.name) {
                    p.used = true;
                }
                let f = fb
                    .labels
                    .iter()
                    .rev()
                    .find(|f| f.name.as_deref() == Some(l.name.as_str()))
                    .cloned();
                let known = fb.label_names.iter().any(|p| p.name == l.name);
                match f {
                    Some(f) if f.is_loop || !is_continue => Some(f.id),
                    Some(_) => {
                        self.err(l.span, format!("invalid continue label {}", l.name));
                        None
                    }
                    None if known => {
                        self.err(l.span, format!("invalid {kw} label {}", l.name));
                        None
                    }
                    None => {
                        self.err(l.span, format!("{kw} label not defined: {}", l.name));
                        None
                    }
                }
            }
        }
    }

    pub(crate) fn for_stmt(
        &mut self,
        init: Option<&ast::Stmt>,
        cond: Option<&ast::Expr>,
        post: Option<&ast::Stmt>,
        body: &ast::Block,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let pending = self.fb().pending_label.take();
        self.push_scope();
        let mut outer = Vec::new();
        let mut loop_vars = Vec::new();
        if let Some(init) = init {
            self.simple_stmt(init, &mut outer, &mut loop_vars);
        }
        let c = cond.map(|c| self.cond(c, "for statement"));
        let mut post_out = Vec::new();
        if let Some(p) = post {
            if matches!(p.kind, S::Define { .. }) {
                self.err(p.span, "cannot declare in post statement of for loop");
            } else {
                self.stmt(p, &mut post_out);
            }
        }
        self.fb().pending_label = pending;
        let label = self.open_frame(true);
        let b = self.block(body);
        self.close_frame();
        self.pop_scope();
        let f = st(
            StmtKind::For {
                label,
                cond: c,
                post: post_out,
                body: b,
                loop_vars,
            },
            span,
        );
        Self::wrap(outer, f, span, out);
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn range_stmt(
        &mut self,
        key: Option<&ast::Expr>,
        value: Option<&ast::Expr>,
        define: bool,
        range: &ast::Expr,
        body: &ast::Block,
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let pending = self.fb().pending_label.take();
        let r = self.expr(range);
        let r0 = r.clone();
        if self.is_invalid(r.ty) {
            return;
        }
        let r = if self.is_untyped(r.ty) && self.types.is_integer(r.ty) {
            self.defaulted(r)
        } else {
            r
        };
        let mut r = r;
        let mut pre = None;
        let (kind, kt, vt) = if self.types.is_integer(r.ty) {
            (RangeKind::Int, r.ty, None)
        } else if let Some((kind, x, e, stmt)) = self.array_range(r.clone(), value.is_some()) {
            r = x;
            pre = stmt;
            (kind, TypeTable::basic(Basic::Int), Some(e))
        } else if let Some(e) = self.slice_elem(r.ty) {
            (RangeKind::Slice, TypeTable::basic(Basic::Int), Some(e))
        } else if let Some((k, v)) = self.map_kv(r.ty) {
            (RangeKind::Map, k, Some(v))
        } else if self.is_string(r.ty) {
            let at = self
                .find_before(range.span.lo, "range")
                .unwrap_or(range.span);
            self.err(at, "range over strings is not supported");
            return;
        } else if matches!(self.types.under_kind(r.ty), TypeKind::Func(_)) {
            let at = self
                .find_before(range.span.lo, "range")
                .unwrap_or(range.span);
            self.err(at, "range over functions is not supported");
            return;
        } else {
            let d = self.describe(&r);
            self.err(range.span, format!("cannot range over {d}"));
            return;
        };
        if let (Some(v), None) = (value, vt) {
            let d = self.describe(&r0);
            self.err(
                v.span,
                format!("range over {d} permits only one iteration variable"),
            );
            return;
        }
        self.push_scope();
        let target = |c: &mut Self, e: Option<&ast::Expr>, t: TypeId| -> Option<RangeTarget> {
            let e = e?;
            if define {
                let ast::ExprKind::Ident(name) = &e.kind else {
                    c.err(
                        e.span,
                        format!("non-name {} on left side of :=", c.text(e.span)),
                    );
                    return None;
                };
                if name == "_" {
                    return None;
                }
                Some(RangeTarget::Define(c.declare_local(name, t, e.span)))
            } else {
                let p = c.place(e)?;
                if !c.check_place(&p) {
                    return None;
                }
                if let Err(why) = c.assignable(t, p.ty) {
                    let (ts, ps) = (c.short_display(t), c.short_display(p.ty));
                    c.err(
                        e.span,
                        format!(
                            "cannot use {} (value of type {ts}) as {ps} value in range{why}",
                            c.text(e.span)
                        ),
                    );
                }
                Some(RangeTarget::Assign(p))
            }
        };
        let k = target(self, key, kt);
        let v = match vt {
            Some(vt) => target(self, value, vt),
            None => None,
        };
        self.fb().pending_label = pending;
        let label = self.open_frame(true);
        let b = self.block(body);
        self.close_frame();
        self.pop_scope();
        out.extend(pre);
        out.push(st(
            StmtKind::Range {
                label,
                kind,
                range: r,
                key: k,
                value: v,
                body: b,
            },
            span,
        ));
    }

    pub(crate) fn switch_stmt(
        &mut self,
        init: Option<&ast::Stmt>,
        tag: Option<&ast::Expr>,
        cases: &[ast::CaseClause],
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let pending = self.fb().pending_label.take();
        self.push_scope();
        let mut outer = Vec::new();
        if let Some(init) = init {
            self.simple_stmt(init, &mut outer, &mut Vec::new());
        }
        let tag_expr = match tag {
            Some(t) => {
                let v = self.expr(t);
                if self.is_nil_type(v.ty) {
                    self.err(t.span, "use of untyped nil in switch expression");
                    None
                } else if self.is_invalid(v.ty) {
                    None
                } else {
                    let v = self.defaulted(v);
                    let tmp = self.temp_local(v.ty, t.span);
                    let ty = v.ty;
                    outer.push(st(
                        StmtKind::Declare {
                            locals: vec![tmp],
                            values: vec![v],
                        },
                        t.span,
                    ));
                    Some(mk(ExprKind::Local(tmp), ty, t.span))
                }
            }
            None => None,
        };
        let tag_bad = tag.is_some() && tag_expr.is_none();
        self.fb().pending_label = pending;
        let label = self.open_frame(false);
        let mut hcases = Vec::new();
        let mut default_case = None;
        let mut seen: Vec<(ConstValue, Span)> = Vec::new();
        for (i, c) in cases.iter().enumerate() {
            if c.is_default {
                if default_case.is_some() {
                    self.err(c.span, "multiple defaults in switch");
                }
                default_case = Some(i);
            }
            let mut conds = Vec::new();
            for e in &c.exprs {
                let x = self.expr(e);
                if self.is_invalid(x.ty) || tag_bad {
                    continue;
                }
                match &tag_expr {
                    Some(t) => {
                        let x = if self.is_untyped(x.ty)
                            && !self.is_nil_type(x.ty)
                            && !self.types.is_interface(t.ty)
                        {
                            self.convert_untyped(x, t.ty, super::constant::ConvCtx::Operand)
                        } else {
                            x
                        };
                        if let ExprKind::Const(v) = &x.kind {
                            if *v != ConstValue::Nil {
                                if let Some(&(_, prev)) = seen.iter().find(|(s, _)| s == v) {
                                    let d = self.describe(&x);
                                    let mut d = crate::diag::Diagnostic::new(
                                        e.span,
                                        format!("duplicate case {d} in expression switch"),
                                    );
                                    d.related.push((prev, "previous case".to_string()));
                                    self.push_diag(d);
                                }
                                seen.push((v.clone(), e.span));
                            }
                        }
                        let cmp = self.binary_values(BinOp::Eq, t.clone(), x, e.span);
                        if !self.is_invalid(cmp.ty) {
                            conds.push(self.defaulted(cmp));
                        }
                    }
                    None => {
                        if !self.is_bool(x.ty) {
                            let d = self.describe(&x);
                            self.err(
                                e.span,
                                format!(
                                    "invalid case {} in switch (mismatched types {} and bool)",
                                    self.text(e.span),
                                    d.split("of type ")
                                        .nth(1)
                                        .unwrap_or("")
                                        .trim_end_matches(')')
                                ),
                            );
                            continue;
                        }
                        conds.push(self.defaulted(x));
                    }
                }
            }
            self.push_scope();
            let ctx = if i + 1 < cases.len() {
                super::FallCtx::Ok
            } else {
                super::FallCtx::Final
            };
            let body = self.clause_body(&c.body, ctx);
            self.pop_scope();
            hcases.push(hir::SwitchCase {
                conds,
                body,
                span: c.span,
            });
        }
        self.close_frame();
        self.pop_scope();
        let s = st(
            StmtKind::Switch {
                label,
                cases: hcases,
                default_case,
            },
            span,
        );
        Self::wrap(outer, s, span, out);
    }

    pub(crate) fn type_switch(
        &mut self,
        init: Option<&ast::Stmt>,
        bind: Option<&ast::Ident>,
        subject: &ast::Expr,
        cases: &[ast::CaseClause],
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        let pending = self.fb().pending_label.take();
        self.push_scope();
        let mut outer = Vec::new();
        if let Some(init) = init {
            self.simple_stmt(init, &mut outer, &mut Vec::new());
        }
        let subj_ast = match &unparen(subject).kind {
            ast::ExprKind::TypeAssert(x, None) => &**x,
            _ => subject,
        };
        let subj = self.expr(subj_ast);
        let bad = self.is_invalid(subj.ty);
        if !bad && !self.types.is_interface(subj.ty) {
            let d = self.describe(&subj);
            self.err(subj_ast.span, format!("{d} is not an interface"));
            self.pop_scope();
            return;
        }
        let is_error = self.types.under(subj.ty) == TypeTable::error();
        self.fb().pending_label = pending;
        let label = self.open_frame(false);
        let mut hcases = Vec::new();
        let mut default_case = None;
        let mut binds = Vec::new();
        // The cases so far (`None` for `nil`), with where each was written.
        let mut seen: Vec<(Option<TypeId>, Span)> = Vec::new();
        for (i, c) in cases.iter().enumerate() {
            if c.is_default {
                if default_case.is_some() {
                    self.err(c.span, "multiple defaults in switch");
                }
                default_case = Some(i);
            }
            let mut types = Vec::new();
            for e in &c.exprs {
                if let ast::ExprKind::Ident(n) = &unparen(e).kind {
                    if n == "nil" && matches!(self.lookup(n), Some(Entity::Nil)) {
                        self.type_case_once(&mut seen, None, e.span);
                        types.push(None);
                        continue;
                    }
                }
                let t = match self.operand(e) {
                    super::expr::Operand::Type(t) => t,
                    super::expr::Operand::Invalid => continue,
                    _ => {
                        let text = self.text(e.span);
                        self.err(e.span, format!("{text} is not a type"));
                        continue;
                    }
                };
                let user_iface = self.is_method_iface(subj.ty);
                if (is_error || user_iface) && !self.types.is_interface(t) {
                    let verdict = if user_iface {
                        self.implements(t, subj.ty)
                    } else {
                        self.implements_error(t)
                    };
                    if let Err(why) = verdict {
                        let ts = self.short_display(t);
                        let d = self.describe(&subj);
                        self.err(e.span, format!("impossible type switch case: {ts}\n\t{d} cannot have dynamic type {ts} {why}"));
                        continue;
                    }
                }
                self.type_case_once(&mut seen, Some(t), e.span);
                types.push(Some(t));
            }
            self.push_scope();
            let b = match bind {
                Some(id) if id.name != "_" => {
                    let t = match types.as_slice() {
                        [Some(t)] => *t,
                        _ => subj.ty,
                    };
                    let l = self.declare_local(&id.name, t, id.span);
                    binds.push(l);
                    Some(l)
                }
                _ => None,
            };
            let body = self.clause_body(&c.body, super::FallCtx::TypeSwitch);
            self.pop_scope();
            hcases.push(hir::TypeCase {
                types,
                bind: b,
                body,
                span: c.span,
            });
        }
        self.close_frame();
        self.pop_scope();
        if let Some(id) = bind {
            if id.name != "_" {
                let fb = self.fb();
                let any_used = binds
                    .iter()
                    .any(|l| fb.used.get(l.0 as usize).copied().unwrap_or(true));
                for l in &binds {
                    if let Some(u) = fb.used.get_mut(l.0 as usize) {
                        *u = true;
                    }
                }
                if !any_used {
                    self.err(id.span, format!("{} declared and not used", id.name));
                }
            }
        }
        if bad {
            return;
        }
        let s = st(
            StmtKind::TypeSwitch {
                label,
                subject: subj,
                cases: hcases,
                default_case,
            },
            span,
        );
        Self::wrap(outer, s, span, out);
    }

    /// Records a type-switch case (`None` for `nil`); a repeat is gc's
    /// `duplicate case T in type switch` with its `previous case` line.
    fn type_case_once(
        &mut self,
        seen: &mut Vec<(Option<TypeId>, Span)>,
        t: Option<TypeId>,
        span: Span,
    ) {
        if let Some(&(_, prev)) = seen.iter().find(|(s, _)| *s == t) {
            let ts = match t {
                Some(t) => self.short_display(t),
                None => "nil".to_string(),
            };
            let mut d =
                crate::diag::Diagnostic::new(span, format!("duplicate case {ts} in type switch"));
            d.related.push((prev, "previous case".to_string()));
            self.push_diag(d);
        }
        seen.push((t, span));
    }
}
