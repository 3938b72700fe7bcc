//! Declarations and assignments: `var`, `const` and `type` inside functions, `:=`,
//! `=`, `op=`, comma-ok forms and multi-value right-hand sides.

use super::expr::{mk, unparen};
use super::stmt::{plural, st};
use super::{Checker, Entity};
use crate::ast::{self, AssignOp, BinOp, Span};
use crate::hir::{Expr, ExprKind, LocalId, Stmt, StmtKind};
use crate::types::{TypeId, TypeKind};

impl Checker<'_> {
    // ---- Declarations and assignments -------------------------------------------------

    /// Checks the values of `var names [T] = values` (package or local level); returns
    /// each variable's type and the converted values (one per name, or one tuple).
    pub(crate) fn check_var_values(
        &mut self,
        names: &[(String, Span)],
        declared: Option<TypeId>,
        values: &[ast::Expr],
        span: Span,
    ) -> (Vec<TypeId>, Vec<Expr>) {
        let inv = self.invalid();
        let n = names.len();
        if values.is_empty() {
            return (vec![declared.unwrap_or(inv); n], Vec::new());
        }
        if values.len() == n {
            let mut tys = Vec::new();
            let mut vals = Vec::new();
            for v in values {
                // types2's varDecl checks a lone value as a single value (`multiple-value
                // g() ... in single-value context`), unlike `:=` and `=`.
                let e = if n == 1 {
                    self.expr(v)
                } else {
                    self.rhs_value(v, n)
                };
                let e = match declared {
                    Some(t) => self.assign_conv(e, t, "variable declaration"),
                    None => {
                        if self.is_nil_type(e.ty) {
                            self.err(e.span, "use of untyped nil in variable declaration");
                            self.invalid_expr(e.span)
                        } else {
                            self.defaulted(e)
                        }
                    }
                };
                tys.push(e.ty);
                vals.push(e);
            }
            return (tys, vals);
        }
        if values.len() == 1 {
            let (tys, v) = self.multi_rhs(&values[0], n, "variable", span);
            if let Some(v) = v {
                let tys = match declared {
                    Some(t) => {
                        for &have in &tys {
                            if let Err(why) = self.assignable(have, t) {
                                let (hs, ts) = (self.short_display(have), self.short_display(t));
                                let text = self.text(values[0].span);
                                self.err(values[0].span, format!("cannot use {text} (value of type {hs}) as {ts} value in assignment{why}"));
                            }
                        }
                        vec![t; n]
                    }
                    None => tys,
                };
                return (tys, vec![v]);
            }
            return (vec![declared.unwrap_or(inv); n], Vec::new());
        }
        let at = values.get(n).map(|v| v.span).unwrap_or(span);
        let at = if values.len() < n {
            names.get(values.len()).map(|x| x.1).unwrap_or(at)
        } else {
            at
        };
        if values.len() > n {
            self.err(at, "extra init expr");
        } else {
            self.err(
                at,
                format!(
                    "assignment mismatch: {} but {}",
                    plural(n, "variable"),
                    plural(values.len(), "value")
                ),
            );
        }
        (vec![declared.unwrap_or(inv); n], Vec::new())
    }

    /// One right-hand side for `n > 1` targets: a multi-value call or a comma-ok type
    /// assertion. Returns the value types and the tuple-valued expression.
    pub(crate) fn multi_rhs(
        &mut self,
        rhs: &ast::Expr,
        n: usize,
        what: &str,
        _span: Span,
    ) -> (Vec<TypeId>, Option<Expr>) {
        let inv = self.invalid();
        let inner = unparen(rhs);
        if let ast::ExprKind::TypeAssert(x, Some(t)) = &inner.kind {
            if n == 2 {
                let e = self.type_assert(x, t, true, rhs.span);
                if self.is_invalid(e.ty) {
                    return (vec![inv; n], None);
                }
                let tys = match self.types.kind(e.ty) {
                    TypeKind::Tuple(ts) => ts.clone(),
                    _ => vec![inv; n],
                };
                return (tys, Some(e));
            }
        }
        // `v, ok := m[k]`; `map_comma_ok` evaluates nothing unless `rhs` is an index.
        let comma_ok = if n == 2 { self.map_comma_ok(rhs) } else { None };
        let v = match comma_ok {
            Some(v) => v,
            None => self.expr_multi(rhs),
        };
        if self.is_invalid(v.ty) {
            return (vec![inv; n], None);
        }
        let tys = match self.types.kind(v.ty) {
            TypeKind::Tuple(ts) => ts.clone(),
            _ => vec![v.ty],
        };
        if tys.len() != n {
            self.count_mismatch(&v, rhs, n, tys.len(), what);
            return (vec![inv; n], None);
        }
        (tys, Some(v))
    }

    /// `assignment mismatch: 1 variable but f returns 2 values`.
    fn count_mismatch(&mut self, v: &Expr, rhs: &ast::Expr, n: usize, have: usize, what: &str) {
        let vars = plural(n, what);
        let values = plural(have, "value");
        let msg = match &v.kind {
            ExprKind::Call { callee, .. } => {
                let f = self.text(callee.span);
                format!("assignment mismatch: {vars} but {f} returns {values}")
            }
            ExprKind::MethodCall { .. } | ExprKind::Lib { .. } => {
                let f = match &super::expr::unparen(rhs).kind {
                    ast::ExprKind::Call { func, .. } => self.text(func.span),
                    _ => self.text(rhs.span),
                };
                format!("assignment mismatch: {vars} but {f} returns {values}")
            }
            _ => format!("assignment mismatch: {vars} but {values}"),
        };
        self.err(rhs.span, msg);
    }

    /// One value of an `n`-to-`n` assignment; for `n == 1` a multi-value call is an
    /// assignment mismatch, as gc words it.
    fn rhs_value(&mut self, r: &ast::Expr, n: usize) -> Expr {
        if n != 1 {
            return self.expr(r);
        }
        let v = self.expr_multi(r);
        if let TypeKind::Tuple(ts) = self.types.kind(v.ty) {
            if !ts.is_empty() {
                let have = ts.len();
                self.count_mismatch(&v, r, 1, have, "variable");
                return self.invalid_expr(r.span);
            }
            self.single_value_error(&v);
            return self.invalid_expr(r.span);
        }
        v
    }

    pub(crate) fn local_var(&mut self, spec: &ast::VarSpec, out: &mut Vec<Stmt>) {
        let declared = spec.ty.as_ref().map(|t| self.resolve_type(t));
        let names: Vec<(String, Span)> = spec
            .names
            .iter()
            .map(|n| (n.name.clone(), n.span))
            .collect();
        let (tys, values) = self.check_var_values(&names, declared, &spec.values, spec.span);
        let mut locals = Vec::new();
        for (k, n) in spec.names.iter().enumerate() {
            // A declared type holds even if the value failed, as in gc.
            let t = match declared {
                Some(d) if !self.is_invalid(d) => d,
                _ => tys.get(k).copied().unwrap_or(self.invalid()),
            };
            if n.name != "_" && self.fb().lookup_current(&n.name).is_some() {
                let other = self.local_decl_span(&n.name);
                self.redeclared(n.span, &n.name, other);
                // Keep the first declaration in scope.
                locals.push(self.declare_local("_", t, n.span));
                continue;
            }
            locals.push(self.declare_local(&n.name, t, n.span));
        }
        out.push(st(StmtKind::Declare { locals, values }, spec.span));
    }

    pub(crate) fn local_consts(&mut self, specs: &[ast::ConstSpec]) {
        let mut prev: Option<&ast::ConstSpec> = None;
        for spec in specs {
            let src = if spec.values.is_empty() && spec.ty.is_none() {
                prev.unwrap_or(spec)
            } else {
                prev = Some(spec);
                spec
            };
            let mut results = Vec::new();
            for (k, name) in spec.names.iter().enumerate() {
                let value = src.values.get(k);
                if value.is_none() {
                    self.err(name.span, "missing init expr for const declaration");
                }
                let at = (!std::ptr::eq(src, spec)).then_some(name.span);
                results.push(self.eval_const_at(src.ty.as_ref(), value, spec.iota as i128, at));
            }
            // The names enter scope after the whole spec; one whose value failed is
            // declared all the same (as invalid), so its uses raise no more errors.
            for (name, (v, t)) in spec.names.iter().zip(results) {
                self.declare_entity(&name.name, Entity::Const(v, t));
            }
        }
    }

    pub(crate) fn local_types(&mut self, specs: &[ast::TypeSpec]) {
        for spec in specs {
            if !spec.type_params.is_empty() {
                let at = self
                    .find_before(spec.type_params[0].span.lo, "[")
                    .unwrap_or(spec.type_params[0].span);
                self.err(at, "generics are not supported");
                continue;
            }
            if spec.alias {
                let t = self.resolve_type(&spec.ty);
                self.declare_entity(&spec.name.name, Entity::Type(t));
                continue;
            }
            let id = self
                .types
                .new_named(format!("{}.{}", self.file.package.name, spec.name.name));
            // Declared before its type expression, so it may refer to itself via pointers.
            self.declare_entity(&spec.name.name, Entity::Type(id));
            let t = self.resolve_type(&spec.ty);
            let under = self.types.under(t);
            if self.is_invalid(t) {
                continue;
            }
            let mut seen = Vec::new();
            if under == id || self.contains_by_value(t, id, &mut seen) || t == id {
                let n = &spec.name.name;
                self.err(
                    spec.name.span,
                    format!("invalid recursive type: {n} refers to itself"),
                );
                continue;
            }
            self.types.named_mut(id).underlying = under;
            self.check_later_map_keys();
        }
    }

    /// `a, b := x, y`. `declared` collects the new locals (for a `for` init).
    pub(crate) fn define(
        &mut self,
        lhs: &[ast::Ident],
        rhs: &[ast::Expr],
        span: Span,
        out: &mut Vec<Stmt>,
        declared: &mut Vec<LocalId>,
    ) {
        let n = lhs.len();
        // Which names are new in this scope.
        let mut existing: Vec<Option<(LocalId, TypeId)>> = Vec::new();
        let mut any_new = false;
        for (k, id) in lhs.iter().enumerate() {
            if id.name != "_" && lhs[..k].iter().any(|o| o.name == id.name) {
                self.err(id.span, format!("{} repeated on left side of :=", id.name));
                return;
            }
            let cur = if id.name == "_" {
                None
            } else {
                self.fb().lookup_current(&id.name).cloned()
            };
            match cur {
                Some(Entity::Local(l)) => {
                    let t = self.local_ty(l);
                    existing.push(Some((l, t)));
                }
                Some(_) => {
                    self.err(id.span, format!("cannot assign to {}", id.name));
                    return;
                }
                None => {
                    any_new |= id.name != "_";
                    existing.push(None);
                }
            }
        }
        if !any_new {
            let from = lhs
                .last()
                .map(|l| l.span.hi as usize)
                .unwrap_or(span.lo as usize);
            let at = self
                .src
                .get(from..)
                .and_then(|s| s.find(":="))
                .map(|i| from + i)
                .unwrap_or(span.lo as usize);
            self.err(Span::new(at, at + 2), "no new variables on left side of :=");
            // Still check the right-hand side.
            for r in rhs {
                let _ = self.expr_multi(r);
            }
            return;
        }
        let inv = self.invalid();
        let (tys, values): (Vec<TypeId>, Vec<Expr>) = if rhs.len() == n {
            let mut tys = Vec::new();
            let mut vals = Vec::new();
            for (k, r) in rhs.iter().enumerate() {
                let e = self.rhs_value(r, n);
                let e = match existing[k] {
                    Some((_, t)) => self.assign_conv(e, t, "assignment"),
                    None => {
                        if self.is_nil_type(e.ty) {
                            self.err(e.span, "use of untyped nil in assignment");
                            self.invalid_expr(e.span)
                        } else {
                            self.defaulted(e)
                        }
                    }
                };
                tys.push(e.ty);
                vals.push(e);
            }
            (tys, vals)
        } else if rhs.len() == 1 {
            let (tys, v) = self.multi_rhs(&rhs[0], n, "variable", span);
            for (k, e) in existing.iter().enumerate() {
                if let (Some((_, t)), Some(&have)) = (e, tys.get(k)) {
                    if let Err(why) = self.assignable(have, *t) {
                        let (hs, ts) = (self.short_display(have), self.short_display(*t));
                        self.err(rhs[0].span, format!("cannot use {} (value of type {hs}) as {ts} value in assignment{why}", self.text(rhs[0].span)));
                    }
                }
            }
            (tys, v.into_iter().collect())
        } else {
            self.err(
                rhs.first().map(|r| r.span).unwrap_or(span),
                format!(
                    "assignment mismatch: {} but {}",
                    plural(n, "variable"),
                    plural(rhs.len(), "value")
                ),
            );
            (vec![inv; n], Vec::new())
        };
        let simple = existing.iter().all(|e| e.is_none()) && lhs.iter().all(|l| l.name != "_");
        let mut new_locals = Vec::new();
        let mut places = Vec::new();
        for (k, id) in lhs.iter().enumerate() {
            match existing[k] {
                Some((l, t)) => places.push(Some(mk(ExprKind::Local(l), t, id.span))),
                None if id.name == "_" => places.push(None),
                None => {
                    let t = tys.get(k).copied().unwrap_or(inv);
                    let l = self.declare_local(&id.name, t, id.span);
                    new_locals.push(l);
                    declared.push(l);
                    places.push(Some(mk(ExprKind::Local(l), t, id.span)));
                }
            }
        }
        if simple {
            out.push(st(
                StmtKind::Declare {
                    locals: new_locals,
                    values,
                },
                span,
            ));
        } else {
            out.push(st(
                StmtKind::Declare {
                    locals: new_locals,
                    values: Vec::new(),
                },
                span,
            ));
            if !values.is_empty() {
                out.push(st(StmtKind::Assign { places, values }, span));
            }
        }
    }

    /// A place on the left of `=`: a bare variable is not "used" by being assigned.
    pub(crate) fn place(&mut self, e: &ast::Expr) -> Option<Expr> {
        if let ast::ExprKind::Ident(name) = &unparen(e).kind {
            if name == "_" {
                return None;
            }
            if let Some(Entity::Local(l)) = self.lookup(name) {
                let t = self.local_ty(l);
                return Some(mk(ExprKind::Local(l), t, e.span));
            }
        }
        Some(self.expr(e))
    }

    pub(crate) fn check_place(&mut self, p: &Expr) -> bool {
        if self.is_invalid(p.ty) {
            return false;
        }
        if matches!(p.kind, ExprKind::MapIndex { .. }) {
            return true;
        }
        if let ExprKind::Field { base, .. } = &p.kind {
            if matches!(base.kind, ExprKind::MapIndex { .. }) {
                let text = self.text(p.span);
                self.err(
                    p.span,
                    format!("cannot assign to struct field {text} in map"),
                );
                return false;
            }
        }
        if !self.is_addressable(p) {
            // types2 (go1.27) words every unassignable operand so, constants included.
            let text = self.text(p.span);
            let why = "neither addressable nor a map index expression";
            self.err(p.span, format!("cannot assign to {text} ({why})"));
            return false;
        }
        true
    }

    pub(crate) fn assign(
        &mut self,
        lhs: &[ast::Expr],
        op: AssignOp,
        rhs: &[ast::Expr],
        span: Span,
        out: &mut Vec<Stmt>,
    ) {
        if let AssignOp::Op(bop) = op {
            let (Some(l), Some(r)) = (lhs.first(), rhs.first()) else {
                return;
            };
            let place = self.expr(l);
            let v = self.expr(r);
            if !self.check_place(&place) || self.is_invalid(v.ty) {
                return;
            }
            let res = self.binary_values(bop, place.clone(), v.clone(), span);
            if self.is_invalid(res.ty) {
                return;
            }
            let value = if matches!(bop, BinOp::Shl | BinOp::Shr) {
                match res.kind {
                    ExprKind::Binary(_, _, y) => *y,
                    _ => v,
                }
            } else {
                let t = place.ty;
                self.convert_untyped(v, t, super::constant::ConvCtx::Operand)
            };
            out.push(st(
                StmtKind::OpAssign {
                    place,
                    op: bop,
                    value,
                },
                span,
            ));
            return;
        }
        let n = lhs.len();
        let mut places = Vec::new();
        for l in lhs {
            let p = self.place(l);
            if let Some(p) = &p {
                if !self.check_place(p) {
                    return;
                }
            }
            places.push(p);
        }
        let values = if rhs.len() == n {
            let mut vals = Vec::new();
            for (p, r) in places.iter().zip(rhs) {
                let e = self.rhs_value(r, n);
                let e = match p {
                    Some(p) => {
                        let t = p.ty;
                        self.assign_conv(e, t, "assignment")
                    }
                    None => {
                        if self.is_nil_type(e.ty) {
                            self.err(e.span, "use of untyped nil in assignment to _ identifier");
                            self.invalid_expr(e.span)
                        } else {
                            self.defaulted(e)
                        }
                    }
                };
                vals.push(e);
            }
            vals
        } else if rhs.len() == 1 {
            let (tys, v) = self.multi_rhs(&rhs[0], n, "variable", span);
            for (p, &have) in places.iter().zip(&tys) {
                if let Some(p) = p {
                    if let Err(why) = self.assignable(have, p.ty) {
                        let (hs, ts) = (self.short_display(have), self.short_display(p.ty));
                        self.err(rhs[0].span, format!("cannot use {} (value of type {hs}) as {ts} value in assignment{why}", self.text(rhs[0].span)));
                    }
                }
            }
            match v {
                Some(v) => vec![v],
                None => return,
            }
        } else {
            self.err(
                rhs.first().map(|r| r.span).unwrap_or(span),
                format!(
                    "assignment mismatch: {} but {}",
                    plural(n, "variable"),
                    plural(rhs.len(), "value")
                ),
            );
            return;
        };
        out.push(st(StmtKind::Assign { places, values }, span));
    }
}
