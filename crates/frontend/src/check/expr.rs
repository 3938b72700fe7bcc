//! Expressions: names, operators, selectors, indexing and slicing, type assertions,
//! composite literals and function literals. Calls live in `call.rs`.

use super::constant::{is_comparison, ConvCtx};
use super::{Checker, Dep, Entity, Pkg, State};
use crate::ast::{self, BinOp, Span, UnOp};
use crate::hir::{Builtin, ConstValue, Expr, ExprKind, UnaryOp};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

/// What an expression denotes before it is known to be used as a value.
pub(crate) enum Operand {
    Value(Expr),
    Type(TypeId),
    Builtin(Builtin),
    Package(Pkg, String),
    /// Already reported.
    Invalid,
}

pub(crate) fn mk(kind: ExprKind, ty: TypeId, span: Span) -> Expr {
    Expr { kind, ty, span }
}

pub(crate) fn is_const(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Const(ref v) if *v != ConstValue::Nil)
}

pub(crate) fn const_int(e: &Expr) -> Option<i128> {
    match e.kind {
        ExprKind::Const(ConstValue::Int(i)) => Some(i),
        _ => None,
    }
}

/// Strips parentheses.
pub(crate) fn unparen(e: &ast::Expr) -> &ast::Expr {
    match &e.kind {
        ast::ExprKind::Paren(inner) => unparen(inner),
        _ => e,
    }
}

impl Checker<'_> {
    /// A single value (possibly untyped).
    pub(crate) fn expr(&mut self, e: &ast::Expr) -> Expr {
        let v = self.expr_multi(e);
        if self.is_tuple(v.ty) {
            self.single_value_error(&v);
            return self.invalid_expr(e.span);
        }
        v
    }

    /// A value, or a multi-value call (of tuple type).
    pub(crate) fn expr_multi(&mut self, e: &ast::Expr) -> Expr {
        match self.operand(e) {
            Operand::Value(v) => v,
            Operand::Type(t) => {
                let ts = self.short_display(t);
                self.err(e.span, format!("{ts} (type) is not an expression"));
                self.invalid_expr(e.span)
            }
            Operand::Builtin(_) => {
                let text = self.text(e.span);
                self.err(
                    e.span,
                    format!("{text} (built-in function {text}) must be called"),
                );
                self.invalid_expr(e.span)
            }
            Operand::Package(_, name) => {
                self.err(e.span, format!("use of package {name} not in selector"));
                self.invalid_expr(e.span)
            }
            Operand::Invalid => self.invalid_expr(e.span),
        }
    }

    pub(crate) fn operand(&mut self, e: &ast::Expr) -> Operand {
        let span = e.span;
        let inv = self.invalid();
        match &e.kind {
            ast::ExprKind::Ident(name) => self.ident(name, span),
            ast::ExprKind::Int(lit) => match super::constant::parse_int(lit) {
                Some(v) => Operand::Value(mk(
                    ExprKind::Const(ConstValue::Int(v)),
                    TypeTable::basic(Basic::UntypedInt),
                    span,
                )),
                None => {
                    self.err(span, super::constant::WIDE_CONSTANTS);
                    Operand::Invalid
                }
            },
            ast::ExprKind::Float(lit) => {
                if lit.ends_with('i') {
                    self.err(span, "complex numbers are not supported");
                    return Operand::Invalid;
                }
                match super::float::parse_float(lit) {
                    Some(r) => Operand::Value(mk(
                        ExprKind::Const(ConstValue::Float(r)),
                        TypeTable::basic(Basic::UntypedFloat),
                        span,
                    )),
                    None => {
                        self.err(span, super::float::HUGE_EXPONENT);
                        Operand::Invalid
                    }
                }
            }
            ast::ExprKind::Rune(c) => Operand::Value(mk(
                ExprKind::Const(ConstValue::Int(*c as i128)),
                TypeTable::basic(Basic::UntypedRune),
                span,
            )),
            ast::ExprKind::Str(s) => Operand::Value(mk(
                ExprKind::Const(ConstValue::Str(s.clone())),
                TypeTable::basic(Basic::UntypedString),
                span,
            )),
            ast::ExprKind::Binary(op, l, r) => Operand::Value(self.binary(*op, l, r, span)),
            ast::ExprKind::Unary(op, x) => self.unary(*op, x, span),
            ast::ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(func, args, *ellipsis, span),
            ast::ExprKind::Selector(x, sel) => self.selector(x, sel, span),
            ast::ExprKind::Index(x, idx) => self.index(x, idx, span),
            ast::ExprKind::Slice { x, lo, hi, max } => Operand::Value(self.slice_expr(
                x,
                lo.as_deref(),
                hi.as_deref(),
                max.as_deref(),
                span,
            )),
            ast::ExprKind::TypeAssert(x, t) => match t {
                Some(t) => Operand::Value(self.type_assert(x, t, false, span)),
                None => {
                    self.err(span, "use of .(type) outside type switch");
                    Operand::Invalid
                }
            },
            ast::ExprKind::Composite { ty, elems, rbrace } => {
                Operand::Value(self.composite(ty.as_ref(), elems, *rbrace, None, span))
            }
            ast::ExprKind::FuncLit { sig, body } => Operand::Value(self.func_lit(sig, body, span)),
            ast::ExprKind::Paren(inner) => match self.operand(inner) {
                Operand::Value(mut v) => {
                    v.span = span;
                    Operand::Value(v)
                }
                o => o,
            },
            ast::ExprKind::Type(t) => {
                let t = self.resolve_type(t);
                if t == inv {
                    Operand::Invalid
                } else {
                    Operand::Type(t)
                }
            }
        }
    }

    pub(crate) fn ident(&mut self, name: &str, span: Span) -> Operand {
        if name == "_" {
            self.err(span, "cannot use _ as value");
            return Operand::Invalid;
        }
        let Some(ent) = self.lookup(name) else {
            self.err(span, format!("undefined: {name}"));
            return Operand::Invalid;
        };
        match ent {
            Entity::Local(l) => {
                self.mark_used(l);
                let ty = self.local_ty(l);
                Operand::Value(mk(ExprKind::Local(l), ty, span))
            }
            Entity::Global(g) => {
                let ty = self.global_ty(g);
                self.add_dep(Dep::Global(g));
                Operand::Value(mk(ExprKind::Global(g), ty, span))
            }
            Entity::Func(f) => {
                self.add_dep(Dep::Func(f));
                let ty = self
                    .funcs
                    .get(f.0 as usize)
                    .map(|f| f.ty)
                    .unwrap_or(self.invalid());
                Operand::Value(mk(ExprKind::FuncRef(f), ty, span))
            }
            Entity::Const(_, t) if self.is_invalid(t) => Operand::Invalid,
            Entity::Const(v, t) => Operand::Value(mk(ExprKind::Const(v), t, span)),
            Entity::LazyConst(i) => {
                let (v, t) = self.const_value(i);
                if self.is_invalid(t) {
                    return Operand::Invalid;
                }
                Operand::Value(mk(ExprKind::Const(v), t, span))
            }
            Entity::Type(t) => Operand::Type(t),
            Entity::LazyAlias(i) => {
                let t = self.alias_type(i);
                if self.is_invalid(t) {
                    Operand::Invalid
                } else {
                    Operand::Type(t)
                }
            }
            Entity::Builtin(b) => Operand::Builtin(b),
            Entity::Unsupported(msg) => {
                self.err(span, msg);
                Operand::Invalid
            }
            Entity::Nil => Operand::Value(mk(
                ExprKind::Const(ConstValue::Nil),
                TypeTable::basic(Basic::UntypedNil),
                span,
            )),
            Entity::Iota => match self.iota {
                Some(i) => Operand::Value(mk(
                    ExprKind::Const(ConstValue::Int(i)),
                    TypeTable::basic(Basic::UntypedInt),
                    span,
                )),
                None => {
                    self.err(span, "cannot use iota outside constant declaration");
                    Operand::Invalid
                }
            },
            // Only a selector `pkg.Name` uses the import (see `selector`).
            Entity::Package(i) => match self.imports.get(i) {
                Some(imp) => Operand::Package(imp.pkg, name.to_string()),
                None => Operand::Invalid,
            },
        }
    }

    /// The type of a global, checking its declaration first if needed.
    pub(crate) fn global_ty(&mut self, g: crate::hir::GlobalId) -> TypeId {
        if let Some(&vi) = self.global_decl.get(g.0 as usize) {
            let (state, typed) = match self.vars.get(vi) {
                Some(v) => (v.state, v.spec.ty.is_some()),
                None => (State::Done, true),
            };
            if state == State::Todo || (state == State::Active && !typed) {
                self.resolve_var(vi);
            }
        }
        self.globals
            .get(g.0 as usize)
            .map(|x| x.ty)
            .unwrap_or(self.invalid())
    }

    // ---- Operators -------------------------------------------------------------------

    pub(crate) fn mismatch(&mut self, x: &Expr, y: &Expr, op: BinOp, span: Span) {
        // A named type whose declaration failed (`type S interface{...}`) was reported.
        if self.is_invalid(self.types.under(x.ty)) || self.is_invalid(self.types.under(y.ty)) {
            return;
        }
        let text = self.text(span);
        let xs = self.short_display(x.ty);
        let ys = self.short_display(y.ty);
        // gc reports a comparison's mismatch at the second operand: only there is it known.
        let at = if is_comparison(op) { y.span } else { x.span };
        self.err(
            at,
            format!("invalid operation: {text} (mismatched types {xs} and {ys})"),
        );
    }

    /// Whether an untyped operand of type `u` can take type `t`.
    pub(crate) fn untyped_fits_kind(&self, u: TypeId, t: TypeId) -> bool {
        if self.types.is_interface(t) {
            return true;
        }
        match self.types.basic_of(u) {
            Some(Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat) => {
                self.types.is_numeric(t)
            }
            Some(Basic::UntypedBool) => self.is_bool(t),
            Some(Basic::UntypedString) => self.is_string(t),
            Some(Basic::UntypedNil) => self.nil_ok(t),
            _ => false,
        }
    }

    /// Gives both operands of a binary operator one type. `None` after an error.
    pub(crate) fn unify(
        &mut self,
        x: Expr,
        y: Expr,
        op: BinOp,
        span: Span,
    ) -> Option<(Expr, Expr)> {
        let (xu, yu) = (self.is_untyped(x.ty), self.is_untyped(y.ty));
        if xu && yu {
            let (xb, yb) = (self.types.basic_of(x.ty), self.types.basic_of(y.ty));
            let int_like =
                |b: Option<Basic>| matches!(b, Some(Basic::UntypedInt | Basic::UntypedRune));
            if int_like(xb) && int_like(yb) {
                let t = if xb == Some(Basic::UntypedRune) || yb == Some(Basic::UntypedRune) {
                    TypeTable::basic(Basic::UntypedRune)
                } else {
                    TypeTable::basic(Basic::UntypedInt)
                };
                return Some((Expr { ty: t, ..x }, Expr { ty: t, ..y }));
            }
            let numeric = |b: Option<Basic>| int_like(b) || b == Some(Basic::UntypedFloat);
            if numeric(xb) && numeric(yb) {
                // An untyped int operand joins the float kind.
                let t = TypeTable::basic(Basic::UntypedFloat);
                let up = |e: Expr| match e.kind {
                    ExprKind::Const(ConstValue::Int(i)) => Expr {
                        kind: ExprKind::Const(ConstValue::Float(super::float::from_int(i))),
                        ty: t,
                        span: e.span,
                    },
                    _ => Expr { ty: t, ..e },
                };
                return Some((up(x), up(y)));
            }
            if xb == yb && xb != Some(Basic::UntypedNil) {
                return Some((x, y));
            }
            if xb == Some(Basic::UntypedNil) && yb == Some(Basic::UntypedNil) {
                let text = self.text(span);
                self.err(
                    y.span,
                    format!(
                        "invalid operation: {text} (operator {} not defined on untyped nil)",
                        op.as_str()
                    ),
                );
                return None;
            }
            self.mismatch(&x, &y, op, span);
            return None;
        }
        // Arithmetic between an interface and an untyped constant: gc's matchTypes
        // gives the constant its default type, which then mismatches.
        if (xu || yu) && !is_comparison(op) {
            let other = if xu { y.ty } else { x.ty };
            if self.types.is_interface(other) {
                self.mismatch(&x, &y, op, span);
                return None;
            }
        }
        if xu {
            if !self.untyped_fits_kind(x.ty, y.ty) {
                self.mismatch(&x, &y, op, span);
                return None;
            }
            let t = y.ty;
            let x = self.convert_untyped(x, t, ConvCtx::Operand);
            if self.is_invalid(x.ty) {
                return None;
            }
            return Some((x, y));
        }
        if yu {
            if !self.untyped_fits_kind(y.ty, x.ty) {
                self.mismatch(&x, &y, op, span);
                return None;
            }
            let t = x.ty;
            let y = self.convert_untyped(y, t, ConvCtx::Operand);
            if self.is_invalid(y.ty) {
                return None;
            }
            return Some((x, y));
        }
        if x.ty == y.ty {
            return Some((x, y));
        }
        if is_comparison(op) {
            // An interface against a concrete value that implements it.
            let (xi, yi) = (self.types.is_interface(x.ty), self.types.is_interface(y.ty));
            if xi && !yi && self.assignable(y.ty, x.ty).is_ok() {
                let t = x.ty;
                let y = self.box_iface(y, t);
                return Some((x, y));
            }
            if yi && !xi && self.assignable(x.ty, y.ty).is_ok() {
                let t = y.ty;
                let x = self.box_iface(x, t);
                return Some((x, y));
            }
            if xi && yi {
                // `error` against `any`: compare as `any`.
                let t = TypeTable::any();
                let x = self.box_iface(x, t);
                let y = self.box_iface(y, t);
                return Some((x, y));
            }
        }
        self.mismatch(&x, &y, op, span);
        None
    }

    /// `bool`, `struct`, `slice`, ...: how gc names the kind of a type in operator errors.
    pub(crate) fn kind_word(&self, t: TypeId) -> String {
        match self.types.under_kind(t) {
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Struct(_) => "struct".into(),
            TypeKind::Slice(_) => "slice".into(),
            TypeKind::Map(..) => "map".into(),
            TypeKind::Func(_) => "func".into(),
            TypeKind::Pointer(_) => "pointer".into(),
            TypeKind::EmptyInterface | TypeKind::Error => "interface".into(),
            TypeKind::Array(..) => "array".into(),
            _ => self.tdisplay(t),
        }
    }

    pub(crate) fn op_not_defined(&mut self, op: BinOp, x: &Expr, span: Span) {
        let text = self.text(span);
        let d = self.describe(x);
        let _ = text;
        self.err(
            x.span,
            format!(
                "invalid operation: operator {} not defined on {d}",
                op.as_str()
            ),
        );
    }

    pub(crate) fn binary(&mut self, op: BinOp, l: &ast::Expr, r: &ast::Expr, span: Span) -> Expr {
        let x = self.expr(l);
        let y = self.expr(r);
        self.binary_values(op, x, y, span)
    }

    pub(crate) fn binary_values(&mut self, op: BinOp, x: Expr, y: Expr, span: Span) -> Expr {
        if self.is_invalid(x.ty) || self.is_invalid(y.ty) {
            return self.invalid_expr(span);
        }
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            return self.shift(op, x, y, span);
        }
        let Some((x, y)) = self.unify(x, y, op, span) else {
            return self.invalid_expr(span);
        };
        let t = x.ty;
        if is_comparison(op) {
            return self.comparison(op, x, y, span);
        }
        let ok = match op {
            BinOp::LogAnd | BinOp::LogOr => self.is_bool(t),
            BinOp::Add => self.types.is_numeric(t) || self.is_string(t),
            BinOp::Sub | BinOp::Mul | BinOp::Div => self.types.is_numeric(t),
            _ => self.types.is_integer(t),
        };
        if !ok {
            self.op_not_defined(op, &x, span);
            return self.invalid_expr(span);
        }
        let float_zero = matches!(&y.kind, ExprKind::Const(ConstValue::Float(r)) if super::float::is_zero(r))
            && matches!(x.kind, ExprKind::Const(_));
        if matches!(op, BinOp::Div | BinOp::Rem) && (const_int(&y) == Some(0) || float_zero) {
            self.err(y.span, "invalid operation: division by zero");
            return self.invalid_expr(span);
        }
        if let (ExprKind::Const(a), ExprKind::Const(b)) = (&x.kind, &y.kind) {
            return match self.fold_binary(op, a, b, t, span, y.span) {
                Some(v) => mk(ExprKind::Const(v), t, span),
                None => self.invalid_expr(span),
            };
        }
        mk(ExprKind::Binary(op, Box::new(x), Box::new(y)), t, span)
    }

    /// Why values of type `t` cannot be compared with `==` (types2's wording), or `None`
    /// if they can: a struct is comparable when all its non-blank fields are.
    pub(crate) fn incomparable_cause(&self, t: TypeId) -> Option<String> {
        self.incomparable_cause_in(t, &mut Vec::new())
    }

    /// `incomparable_cause` below the structs in `open`: a struct that holds itself
    /// (`type S struct { s S }`, already reported as an invalid recursive type) adds
    /// no cause of its own, and must not send the walk round the cycle forever.
    fn incomparable_cause_in(&self, t: TypeId, open: &mut Vec<TypeId>) -> Option<String> {
        match self.types.under_kind(t) {
            TypeKind::Slice(_) => Some("slice can only be compared to nil".into()),
            TypeKind::Func(_) => Some("func can only be compared to nil".into()),
            TypeKind::Map(..) => Some("map can only be compared to nil".into()),
            TypeKind::Struct(fields) => {
                if open.contains(&t) {
                    return None;
                }
                open.push(t);
                let cause = fields
                    .iter()
                    .filter(|f| f.name != "_")
                    .find(|f| self.incomparable_cause_in(f.ty, open).is_some())
                    .map(|f| {
                        let ft = self.short_display(f.ty);
                        format!("struct containing {ft} cannot be compared")
                    });
                open.pop();
                cause
            }
            TypeKind::Array(e, _) => self
                .incomparable_cause_in(*e, open)
                .map(|_| format!("{} cannot be compared", self.short_display(t))),
            _ => None,
        }
    }

    pub(crate) fn comparison(&mut self, op: BinOp, x: Expr, y: Expr, span: Span) -> Expr {
        let ubool = TypeTable::basic(Basic::UntypedBool);
        let t = x.ty;
        let text = self.text(span).to_string();
        let ordered = !matches!(op, BinOp::Eq | BinOp::Ne);
        if ordered {
            if !(self.types.is_numeric(t) || self.is_string(t)) {
                let text = self.text(span);
                let kind = self.kind_word(t);
                let msg = format!(
                    "invalid operation: {text} (operator {} not defined on {kind})",
                    op.as_str()
                );
                self.err(x.span, msg);
                return self.invalid_expr(span);
            }
        } else {
            let x_nil = matches!(x.kind, ExprKind::Const(ConstValue::Nil));
            let y_nil = matches!(y.kind, ExprKind::Const(ConstValue::Nil));
            match self.types.under_kind(t) {
                TypeKind::Slice(_) | TypeKind::Func(_) | TypeKind::Map(..) if !x_nil && !y_nil => {
                    let what = match self.types.under_kind(t) {
                        TypeKind::Slice(_) => "slice",
                        TypeKind::Map(..) => "map",
                        _ => "func",
                    };
                    self.err(
                        x.span,
                        format!("invalid operation: {text} ({what} can only be compared to nil)"),
                    );
                    return self.invalid_expr(span);
                }
                TypeKind::Struct(_) | TypeKind::Array(..) => {
                    if let Some(cause) = self.incomparable_cause(t) {
                        self.err(x.span, format!("invalid operation: {text} ({cause})"));
                        return self.invalid_expr(span);
                    }
                }
                _ => {}
            }
        }
        if let (ExprKind::Const(a), ExprKind::Const(b)) = (&x.kind, &y.kind) {
            if *a != ConstValue::Nil && *b != ConstValue::Nil {
                return match self.fold_binary(op, a, b, t, span, y.span) {
                    Some(v) => mk(ExprKind::Const(v), ubool, span),
                    None => self.invalid_expr(span),
                };
            }
        }
        // Operands of an untyped kind left here are non-constant untyped bools (or
        // shifted untyped constants): give them their default types.
        let x = self.defaulted(x);
        let y = self.defaulted(y);
        mk(ExprKind::Binary(op, Box::new(x), Box::new(y)), ubool, span)
    }

    pub(crate) fn shift(&mut self, op: BinOp, x: Expr, y: Expr, span: Span) -> Expr {
        // The count: any integer; an untyped constant must be a non-negative integer.
        let y = self.integral_float_as_int(y);
        if !self.types.is_integer(y.ty) {
            let d = self.describe(&y);
            self.err(
                y.span,
                format!("invalid operation: shift count {d} must be integer"),
            );
            return self.invalid_expr(span);
        }
        if let Some(c) = const_int(&y) {
            if c < 0 {
                let d = self.describe(&y);
                self.err(
                    y.span,
                    format!("invalid operation: negative shift count {d}"),
                );
                return self.invalid_expr(span);
            }
        }
        let y = if self.is_untyped(y.ty) {
            self.convert_untyped(y, TypeTable::basic(Basic::Uint), ConvCtx::Operand)
        } else {
            y
        };
        // An untyped float constant with an integer value shifts as an untyped int.
        let x = match &x.kind {
            ExprKind::Const(ConstValue::Float(r)) if self.is_untyped(x.ty) => {
                match super::float::to_int(r) {
                    Some(i) => mk(
                        ExprKind::Const(ConstValue::Int(i)),
                        TypeTable::basic(Basic::UntypedInt),
                        x.span,
                    ),
                    None => x,
                }
            }
            _ => x,
        };
        if !self.types.is_integer(x.ty) {
            let d = self.describe(&x);
            self.err(
                x.span,
                format!("invalid operation: shifted operand {d} must be integer"),
            );
            return self.invalid_expr(span);
        }
        if let (Some(a), Some(c)) = (const_int(&x), const_int(&y)) {
            let t = x.ty;
            let op_at = self.op_pos(x.span);
            return match self.fold_shift(op, a, c, t, span, op_at) {
                Some(v) => mk(ExprKind::Const(ConstValue::Int(v)), t, span),
                None => self.invalid_expr(span),
            };
        }
        // A non-constant shift of an untyped constant stays untyped until its context
        // gives it a type (`convert_untyped` retypes the constant).
        let t = x.ty;
        mk(ExprKind::Binary(op, Box::new(x), Box::new(y)), t, span)
    }

    pub(crate) fn unary(&mut self, op: UnOp, x: &ast::Expr, span: Span) -> Operand {
        match op {
            UnOp::Addr => return Operand::Value(self.addr_of(x, span)),
            UnOp::Deref => {
                return match self.operand(x) {
                    Operand::Type(t) => Operand::Type(self.types.pointer(t)),
                    Operand::Value(v) => Operand::Value(self.deref(v, span)),
                    Operand::Invalid => Operand::Invalid,
                    _ => {
                        let text = self.text(x.span);
                        self.err(x.span, format!("invalid operation: cannot indirect {text}"));
                        Operand::Invalid
                    }
                };
            }
            UnOp::Recv => {
                self.err(span, "channels are not supported");
                // Check the operand all the same: it counts as a use.
                let _ = self.expr(x);
                return Operand::Invalid;
            }
            _ => {}
        }
        let v = self.expr(x);
        if self.is_invalid(v.ty) {
            return Operand::Invalid;
        }
        let (ok, hop) = match op {
            UnOp::Neg => (self.types.is_numeric(v.ty), UnaryOp::Neg),
            UnOp::Plus => (self.types.is_numeric(v.ty), UnaryOp::Neg),
            UnOp::Not => (self.is_bool(v.ty), UnaryOp::Not),
            _ => (self.types.is_integer(v.ty), UnaryOp::BitNot),
        };
        if !ok {
            let sym = match op {
                UnOp::Neg => "-",
                UnOp::Plus => "+",
                UnOp::Not => "!",
                _ => "^",
            };
            let d = self.describe(&v);
            self.err(
                v.span,
                format!("invalid operation: operator {sym} not defined on {d}"),
            );
            return Operand::Invalid;
        }
        if op == UnOp::Plus {
            return Operand::Value(Expr { span, ..v });
        }
        let t = v.ty;
        if let ExprKind::Const(c) = &v.kind {
            return match self.fold_unary(hop, c, t, span) {
                Some(r) => Operand::Value(mk(ExprKind::Const(r), t, span)),
                None => Operand::Invalid,
            };
        }
        Operand::Value(mk(ExprKind::Unary(hop, Box::new(v)), t, span))
    }

    pub(crate) fn deref(&mut self, v: Expr, span: Span) -> Expr {
        if self.is_invalid(v.ty) {
            return self.invalid_expr(span);
        }
        if self.is_nil_type(v.ty) {
            self.err(v.span, "invalid operation: cannot indirect nil");
            return self.invalid_expr(span);
        }
        match self.pointer_elem(v.ty) {
            Some(e) => mk(ExprKind::Deref(Box::new(v)), e, span),
            None => {
                let d = self.describe(&v);
                self.err(v.span, format!("invalid operation: cannot indirect {d}"));
                self.invalid_expr(span)
            }
        }
    }

    pub(crate) fn addr_of(&mut self, x: &ast::Expr, span: Span) -> Expr {
        let inner = unparen(x);
        if let ast::ExprKind::Composite { ty, elems, rbrace } = &inner.kind {
            let lit = self.composite(ty.as_ref(), elems, *rbrace, None, inner.span);
            if self.is_invalid(lit.ty) {
                return lit;
            }
            let t = self.types.pointer(lit.ty);
            return mk(ExprKind::AddrOf(Box::new(lit)), t, span);
        }
        let v = self.expr(x);
        if self.is_invalid(v.ty) {
            return v;
        }
        if !self.is_addressable(&v) {
            let d = self.describe(&v);
            self.err(
                v.span,
                format!("invalid operation: cannot take address of {d}"),
            );
            return self.invalid_expr(span);
        }
        self.mark_place_addressed(&v);
        let t = self.types.pointer(v.ty);
        mk(ExprKind::AddrOf(Box::new(v)), t, span)
    }

    /// Marks the local at the root of a place (`x`, `x.f.g`) as addressed.
    pub(crate) fn mark_place_addressed(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Local(l) => self.mark_addressed(*l),
            ExprKind::Field { base, .. } => self.mark_place_addressed(base),
            ExprKind::Index { base, .. } if self.array_parts(base.ty).is_some() => {
                self.mark_place_addressed(base)
            }
            _ => {}
        }
    }
}
