//! Statements, mapped onto `hir::StmtKind` as its comments say, and Go's
//! terminating-statement analysis for "missing return".

use super::expr::{mk, unparen};
use super::scope::LabelFrame;
use super::{Checker, Entity};
use crate::ast::{self, AssignOp, BinOp, Span, StmtKind as S};
use crate::hir::{
    self, ConstValue, Expr, ExprKind, LocalId, RangeKind, RangeTarget, Stmt, StmtKind,
};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

fn st(kind: StmtKind, span: Span) -> Stmt {
    Stmt { kind, span }
}

fn plural(n: usize, one: &str) -> String {
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

    pub(crate) fn block(&mut self, b: &ast::Block) -> hir::Block {
        self.push_scope();
        let out = self.stmt_list(&b.stmts);
        self.pop_scope();
        out
    }

    fn stmt(&mut self, s: &ast::Stmt, out: &mut Vec<Stmt>) {
        let span = s.span;
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
                if !self.types.is_integer(place.ty) {
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
                let one = mk(ExprKind::Const(ConstValue::Int(1)), place.ty, span);
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
            S::Go(_) => self.err(span, "goroutines are not supported"),
            S::Goto(_) => self.err(span, "goto statements are not supported"),
            S::Fallthrough => self.err(span, "fallthrough statements are not supported"),
            S::Select => self.err(span, "select statements are not supported"),
            S::Send(..) => self.err(span, "channels are not supported"),
        }
    }

    /// Puts an init statement and its `if`/`for`/`switch` into one enclosing block.
    fn wrap(mut outer: Vec<Stmt>, s: Stmt, span: Span, out: &mut Vec<Stmt>) {
        if outer.is_empty() {
            out.push(s);
        } else {
            outer.push(s);
            out.push(st(StmtKind::Block(outer), span));
        }
    }

    /// The init or post statement of `if`, `for`, `switch`; `declared` collects the
    /// locals a `:=` declares.
    fn simple_stmt(&mut self, s: &ast::Stmt, out: &mut Vec<Stmt>, declared: &mut Vec<LocalId>) {
        match &s.kind {
            S::Define { lhs, rhs } => self.define(lhs, rhs, s.span, out, declared),
            _ => self.stmt(s, out),
        }
    }

    fn cond(&mut self, e: &ast::Expr, what: &str) -> Expr {
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

    fn expr_stmt(&mut self, e: &ast::Expr) -> Option<Expr> {
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

    fn defer_call(&mut self, e: &ast::Expr) -> Option<Expr> {
        if !matches!(unparen(e).kind, ast::ExprKind::Call { .. }) {
            self.err(e.span, "expression in defer must be function call");
            let _ = self.expr_multi(e);
            return None;
        }
        let v = self.expr_multi(e);
        if self.is_invalid(v.ty) {
            return None;
        }
        match &v.kind {
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } | ExprKind::Lib { .. } => Some(v),
            ExprKind::Builtin { builtin, .. }
                if matches!(
                    builtin,
                    hir::Builtin::Copy
                        | hir::Builtin::Panic
                        | hir::Builtin::Recover
                        | hir::Builtin::Print
                        | hir::Builtin::Println
                ) =>
            {
                Some(v)
            }
            ExprKind::Builtin { .. } => {
                let text = self.text(e.span);
                self.err(e.span, format!("defer discards result of {text}"));
                None
            }
            _ => {
                self.err(e.span, "defer requires function call, not conversion");
                None
            }
        }
    }

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
                let e = self.expr(v);
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
    fn multi_rhs(
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
        let v = self.expr_multi(rhs);
        if self.is_invalid(v.ty) {
            return (vec![inv; n], None);
        }
        let tys = match self.types.kind(v.ty) {
            TypeKind::Tuple(ts) => ts.clone(),
            _ => vec![v.ty],
        };
        if tys.len() != n {
            let vars = plural(n, what);
            let msg = match &v.kind {
                ExprKind::Call { callee, .. } => {
                    let f = self.text(callee.span);
                    format!(
                        "assignment mismatch: {vars} but {f} returns {}",
                        plural(tys.len(), "value")
                    )
                }
                ExprKind::MethodCall { .. } | ExprKind::Lib { .. } => {
                    let f = self.text(rhs.span);
                    let f = f.split('(').next().unwrap_or(f);
                    format!(
                        "assignment mismatch: {vars} but {f} returns {}",
                        plural(tys.len(), "value")
                    )
                }
                _ => format!(
                    "assignment mismatch: {vars} but {}",
                    plural(tys.len(), "value")
                ),
            };
            self.err(rhs.span, msg);
            return (vec![inv; n], None);
        }
        (tys, Some(v))
    }

    fn local_var(&mut self, spec: &ast::VarSpec, out: &mut Vec<Stmt>) {
        let declared = spec.ty.as_ref().map(|t| self.resolve_type(t));
        let names: Vec<(String, Span)> = spec
            .names
            .iter()
            .map(|n| (n.name.clone(), n.span))
            .collect();
        let (tys, values) = self.check_var_values(&names, declared, &spec.values, spec.span);
        let mut locals = Vec::new();
        for (k, n) in spec.names.iter().enumerate() {
            if n.name != "_" && self.fb().lookup_current(&n.name).is_some() {
                self.err(n.span, format!("{} redeclared in this block", n.name));
            }
            let t = tys.get(k).copied().unwrap_or(self.invalid());
            locals.push(self.declare_local(&n.name, t, n.span));
        }
        out.push(st(StmtKind::Declare { locals, values }, spec.span));
    }

    fn local_consts(&mut self, specs: &[ast::ConstSpec]) {
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
                results.push(self.eval_const_spec(src.ty.as_ref(), value, spec.iota as i128));
            }
            // The names enter scope after the whole spec.
            for (name, (v, t)) in spec.names.iter().zip(results) {
                if !self.is_invalid(t) {
                    self.declare_entity(&name.name, Entity::Const(v, t));
                }
            }
        }
    }

    fn local_types(&mut self, specs: &[ast::TypeSpec]) {
        for spec in specs {
            if !spec.type_params.is_empty() {
                self.err(spec.type_params[0].span, "generics are not supported");
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
            if under == id || self.is_invalid(t) {
                if !self.is_invalid(t) {
                    self.err(
                        spec.name.span,
                        format!("invalid recursive type {}", spec.name.name),
                    );
                }
                continue;
            }
            self.types.named_mut(id).underlying = under;
        }
    }

    /// `a, b := x, y`. `declared` collects the new locals (for a `for` init).
    fn define(
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
                let e = self.expr(r);
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
    fn place(&mut self, e: &ast::Expr) -> Option<Expr> {
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

    fn check_place(&mut self, p: &Expr) -> bool {
        if self.is_invalid(p.ty) {
            return false;
        }
        if !self.is_addressable(p) {
            let d = self.describe(p);
            let d = d.split(" (").next().unwrap_or(&d).to_string();
            let text = self.text(p.span);
            let why = if matches!(p.kind, ExprKind::Index { .. })
                || matches!(p.kind, ExprKind::Field { .. })
            {
                "neither addressable nor a map index expression".to_string()
            } else {
                self.describe(p)
                    .split_once(" (")
                    .map(|x| x.1.trim_end_matches(')').to_string())
                    .unwrap_or_default()
            };
            let _ = d;
            self.err(p.span, format!("cannot assign to {text} ({why})"));
            return false;
        }
        true
    }

    fn assign(
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
                let e = self.expr(r);
                let e = match p {
                    Some(p) => {
                        let t = p.ty;
                        self.assign_conv(e, t, "assignment")
                    }
                    None => {
                        if self.is_nil_type(e.ty) {
                            self.err(e.span, "use of untyped nil in assignment");
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

    // ---- Loops, switches, labels ------------------------------------------------------------

    fn open_frame(&mut self, is_loop: bool) -> hir::LabelId {
        let fb = self.fb();
        let id = fb.new_label();
        let name = fb.pending_label.take();
        fb.labels.push(LabelFrame { name, id, is_loop });
        id
    }

    fn close_frame(&mut self) {
        self.fb().labels.pop();
    }

    fn labeled(&mut self, label: &ast::Ident, s: &ast::Stmt, out: &mut Vec<Stmt>) {
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
        let used = self.fb().label_names.get(idx).is_some_and(|l| l.used);
        if !used {
            self.err(label.span, format!("label {name} defined and not used"));
        }
    }

    fn branch_target(
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

    fn for_stmt(
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
        let c = cond.map(|c| self.cond(c, "for loop"));
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
    fn range_stmt(
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
        if self.is_invalid(r.ty) {
            return;
        }
        let r = if self.is_untyped(r.ty) && self.types.is_integer(r.ty) {
            self.defaulted(r)
        } else {
            r
        };
        let (kind, kt, vt) = if self.types.is_integer(r.ty) {
            (RangeKind::Int, r.ty, None)
        } else if let Some(e) = self.slice_elem(r.ty) {
            (RangeKind::Slice, TypeTable::basic(Basic::Int), Some(e))
        } else if self.is_string(r.ty) {
            self.err(range.span, "range over strings is not supported");
            return;
        } else if matches!(self.types.under_kind(r.ty), TypeKind::Func(_)) {
            self.err(range.span, "range over functions is not supported");
            return;
        } else {
            let d = self.describe(&r);
            self.err(range.span, format!("cannot range over {d}"));
            return;
        };
        if let (Some(v), None) = (value, vt) {
            let text = self.text(range.span);
            self.err(
                v.span,
                format!("range over {text} permits only one iteration variable"),
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

    fn switch_stmt(
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
                                if seen.iter().any(|(s, _)| s == v) {
                                    let text = self.text(e.span);
                                    self.err(
                                        e.span,
                                        format!("duplicate case {text} in expression switch"),
                                    );
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
            let body = self.stmt_list(&c.body);
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

    fn type_switch(
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
        let mut seen: Vec<Option<TypeId>> = Vec::new();
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
                if is_error && !self.types.is_interface(t) {
                    if let Err(why) = self.implements_error(t) {
                        let ts = self.short_display(t);
                        let d = self.describe(&subj);
                        self.err(e.span, format!("impossible type switch case: {ts}\n\t{d} cannot have dynamic type {ts} {why}"));
                        continue;
                    }
                }
                if seen.contains(&Some(t)) {
                    let ts = self.short_display(t);
                    self.err(e.span, format!("duplicate case {ts} in type switch"));
                }
                seen.push(Some(t));
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
            let body = self.stmt_list(&c.body);
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

    // ---- Return ----------------------------------------------------------------------------

    fn return_stmt(&mut self, values: &[ast::Expr], span: Span) -> Option<Option<Vec<Expr>>> {
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

    fn return_count_error(
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
