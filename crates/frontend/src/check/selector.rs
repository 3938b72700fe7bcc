//! Selectors (fields, methods, method values, through pointers too), indexing and
//! slicing of slices and strings, and type assertions.

use super::expr::{const_int, mk, Operand};
use super::types::Selection;
use super::{Checker, Dep};
use crate::ast::{self, Span};
use crate::hir::{ConstValue, Expr, ExprKind};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl Checker<'_> {
    // ---- Selectors, indexing ----------------------------------------------------------

    pub(crate) fn selector(&mut self, x: &ast::Expr, sel: &ast::Ident, span: Span) -> Operand {
        let base = match self.operand(x) {
            Operand::Value(v) => v,
            Operand::Package(p, name) => {
                if let Some(i) = self.imports.iter().position(|imp| imp.name == name) {
                    self.use_import(i);
                }
                return self.package_member(p, &name, sel, span);
            }
            Operand::Type(t) => {
                let ts = self.short_display(t);
                if let Some(Selection::Method { func, pointer_recv }) = self.select(t, &sel.name) {
                    return self.method_expr(t, func, pointer_recv, sel, span);
                } else if self.types.under(t) == TypeTable::error() && sel.name == "Error" {
                    self.err(span, "the method expression error.Error is not supported");
                } else {
                    self.err(
                        sel.span,
                        format!(
                            "{ts}.{} undefined (type {ts} has no method {})",
                            sel.name, sel.name
                        ),
                    );
                }
                return Operand::Invalid;
            }
            Operand::Builtin(_) | Operand::Invalid => return Operand::Invalid,
        };
        if self.is_invalid(base.ty) {
            return Operand::Invalid;
        }
        let (base, found) = self.select_on(base, sel);
        match found {
            Some(Selection::Promoted { .. } | Selection::Ambiguous) => Operand::Invalid,
            Some(Selection::Field {
                index,
                ty,
                through_ptr,
            }) => {
                let b = if through_ptr {
                    self.deref(base, x.span)
                } else {
                    base
                };
                Operand::Value(mk(
                    ExprKind::Field {
                        base: Box::new(b),
                        index,
                    },
                    ty,
                    span,
                ))
            }
            Some(Selection::Method {
                func, pointer_recv, ..
            }) => {
                self.add_dep(Dep::Func(func));
                let recv = self.method_recv(base, pointer_recv, sel);
                let ty = self
                    .funcs
                    .get(func.0 as usize)
                    .map(|f| f.ty)
                    .unwrap_or(self.invalid());
                Operand::Value(mk(
                    ExprKind::MethodValue {
                        func,
                        recv: Box::new(recv),
                    },
                    ty,
                    span,
                ))
            }
            None => {
                if self.types.under(base.ty) == TypeTable::error() && sel.name == "Error" {
                    let string_t = TypeTable::basic(crate::types::Basic::String);
                    let ty = self.types.func(Vec::new(), vec![string_t]);
                    return Operand::Value(mk(
                        ExprKind::Lib {
                            func: crate::hir::LibFunc::ErrorMethodValue,
                            args: vec![base],
                        },
                        ty,
                        span,
                    ));
                }
                if self.is_testing_b(base.ty) && super::call::b_method(&sel.name).is_some() {
                    self.err(
                        span,
                        format!("the method value b.{} is not supported", sel.name),
                    );
                    return Operand::Invalid;
                }
                self.undefined_sel(&base, sel, span);
                Operand::Invalid
            }
        }
    }

    /// `T.M` or `(*T).M` as a function value taking the receiver first.
    fn method_expr(
        &mut self,
        t: TypeId,
        func: crate::hir::FuncId,
        pointer_recv: bool,
        sel: &ast::Ident,
        span: Span,
    ) -> Operand {
        let is_ptr = matches!(self.types.kind(t), TypeKind::Pointer(_));
        if pointer_recv && !is_ptr {
            let ts = self.short_display(t);
            let m = &sel.name;
            self.err(
                span,
                format!("invalid method expression {ts}.{m} (needs pointer receiver (*{ts}).{m})"),
            );
            return Operand::Invalid;
        }
        let Some(fty) = self.funcs.get(func.0 as usize).map(|f| f.ty) else {
            return Operand::Invalid;
        };
        let TypeKind::Func(sig) = self.types.kind(fty).clone() else {
            return Operand::Invalid;
        };
        self.add_dep(Dep::Func(func));
        let mut params = vec![t];
        params.extend(sig.params);
        let ty = if sig.variadic {
            self.types.func_variadic(params, sig.results)
        } else {
            self.types.func(params, sig.results)
        };
        let deref = is_ptr && !pointer_recv;
        Operand::Value(mk(ExprKind::MethodExpr { func, deref }, ty, span))
    }

    pub(crate) fn undefined_sel(&mut self, base: &Expr, sel: &ast::Ident, _span: Span) {
        let text = self.text(base.span);
        let ts = self.short_display(base.ty);
        self.err(
            sel.span,
            format!(
                "{text}.{} undefined (type {ts} has no field or method {})",
                sel.name, sel.name
            ),
        );
    }

    pub(crate) fn is_testing_b(&self, t: TypeId) -> bool {
        let Some(b) = self.testing_b else {
            return false;
        };
        t == b || matches!(self.types.kind(t), TypeKind::Pointer(e) if *e == b)
    }

    /// Adapts a receiver to the method's receiver type: Go's automatic `&x` and `*p`.
    pub(crate) fn method_recv(&mut self, x: Expr, pointer_recv: bool, sel: &ast::Ident) -> Expr {
        let is_ptr = self.pointer_elem(x.ty).is_some()
            && matches!(self.types.kind(x.ty), TypeKind::Pointer(_));
        let span = x.span;
        match (pointer_recv, is_ptr) {
            (true, true) | (false, false) => x,
            (false, true) => self.deref(x, span),
            (true, false) => {
                if !self.is_addressable(&x) {
                    let ts = self.short_display(x.ty);
                    let name = &sel.name;
                    self.err(
                        sel.span,
                        format!("cannot call pointer method {name} on {ts}"),
                    );
                    return self.invalid_expr(span);
                }
                self.mark_place_addressed(&x);
                let t = self.types.pointer(x.ty);
                mk(ExprKind::AddrOf(Box::new(x)), t, span)
            }
        }
    }

    pub(crate) fn index(&mut self, x: &ast::Expr, idx: &[ast::Expr], span: Span) -> Operand {
        let base = match self.operand(x) {
            Operand::Value(v) => v,
            Operand::Type(_) => {
                self.err(span, "generics are not supported");
                return Operand::Invalid;
            }
            Operand::Invalid => return Operand::Invalid,
            _ => {
                let text = self.text(x.span);
                self.err(span, format!("invalid operation: cannot index {text}"));
                return Operand::Invalid;
            }
        };
        if self.is_invalid(base.ty) {
            return Operand::Invalid;
        }
        if idx.len() != 1 || matches!(self.types.under_kind(base.ty), TypeKind::Func(_)) {
            self.err(span, "generics are not supported");
            return Operand::Invalid;
        }
        if self.map_kv(base.ty).is_some() {
            return Operand::Value(self.map_index(base, &idx[0], false, span));
        }
        let e = self.index_of(base, &idx[0], span);
        if self.is_invalid(e.ty) {
            return Operand::Invalid;
        }
        Operand::Value(e)
    }

    /// `base[idx]` of a slice, an array or a string (`base` already checked).
    pub(crate) fn index_of(&mut self, base: Expr, idx: &ast::Expr, span: Span) -> Expr {
        let mut base = base;
        let (elem, len) = if let Some(e) = self.slice_elem(base.ty) {
            (e, None)
        } else if let Some((b, e, n)) = self.array_index_base(base.clone()) {
            if self.is_invalid(b.ty) {
                return self.invalid_expr(span);
            }
            base = b;
            (e, Some(n))
        } else if self.is_string(base.ty) {
            let len = match &base.kind {
                ExprKind::Const(ConstValue::Str(s)) => Some(s.len() as i128),
                _ => None,
            };
            (TypeTable::basic(Basic::Uint8), len)
        } else {
            // gc: at the `[` (the index expression's position in its syntax tree).
            let d = self.describe(&base);
            let at = self.op_pos(base.span);
            self.err(at, format!("cannot index {d}"));
            return self.invalid_expr(span);
        };
        let i = self.index_value(idx, len);
        let base = self.defaulted(base);
        mk(
            ExprKind::Index {
                base: Box::new(base),
                index: Box::new(i),
            },
            elem,
            span,
        )
    }

    /// An index or slice bound: an integer, non-negative if constant, below `len` if
    /// that is known.
    pub(crate) fn index_value(&mut self, e: &ast::Expr, len: Option<i128>) -> Expr {
        let v = self.expr(e);
        if self.is_invalid(v.ty) {
            return v;
        }
        let v = self.integral_float_as_int(v);
        if !self.types.is_integer(v.ty) {
            let d = self.describe(&v);
            let msg = if self.is_untyped(v.ty) && self.types.is_float(v.ty) {
                format!("{d} truncated to int")
            } else if self.is_untyped(v.ty) && !self.is_nil_type(v.ty) {
                format!("cannot convert {d} to type int")
            } else {
                format!("invalid argument: index {d} must be integer")
            };
            self.err(v.span, msg);
            return self.invalid_expr(v.span);
        }
        if let Some(c) = const_int(&v) {
            if c < 0 {
                let d = self.describe(&Expr {
                    ty: TypeTable::basic(Basic::Int),
                    ..v.clone()
                });
                self.err(
                    v.span,
                    format!("invalid argument: index {d} must not be negative"),
                );
                return self.invalid_expr(v.span);
            }
            if let Some(n) = len {
                if c >= n {
                    self.err(
                        v.span,
                        format!("invalid argument: index {c} out of bounds [0:{n}]"),
                    );
                    return self.invalid_expr(v.span);
                }
            }
        }
        self.defaulted(v)
    }

    pub(crate) fn slice_expr(
        &mut self,
        x: &ast::Expr,
        lo: Option<&ast::Expr>,
        hi: Option<&ast::Expr>,
        max: Option<&ast::Expr>,
        span: Span,
    ) -> Expr {
        let base = self.expr(x);
        if self.is_invalid(base.ty) {
            return base;
        }
        let mut base = base;
        let mut len = None;
        let ty = if self.slice_elem(base.ty).is_some() {
            base.ty
        } else if let Some(r) = self.array_slice_base(base.clone()) {
            let Ok((b, st, n)) = r else {
                return self.invalid_expr(span);
            };
            base = b;
            // A bound may equal the length.
            len = Some(n + 1);
            st
        } else if self.is_string(base.ty) {
            if max.is_some() {
                let text = self.text(span);
                let _ = text;
                self.err(span, "invalid operation: 3-index slice of string");
                return self.invalid_expr(span);
            }
            self.default_type(base.ty)
        } else {
            let d = self.describe(&base);
            self.err(span, format!("cannot slice {d}"));
            return self.invalid_expr(span);
        };
        let base = self.defaulted(base);
        let mut bounds = Vec::new();
        for b in [lo, hi, max] {
            bounds.push(b.map(|b| Box::new(self.index_value(b, len))));
        }
        // types2: the first constant bound below an earlier one, reported at it.
        let consts: Vec<(i128, Span)> = bounds
            .iter()
            .flatten()
            .filter_map(|b| const_int(b).map(|c| (c, b.span)))
            .collect();
        for (i, &(x, _)) in consts.iter().enumerate() {
            if let Some(&(y, at)) = consts[i + 1..].iter().find(|&&(y, _)| y < x) {
                self.err(at, format!("invalid slice indices: {y} < {x}"));
                return self.invalid_expr(span);
            }
        }
        let mut it = bounds.into_iter();
        let (lo, hi, max) = (
            it.next().flatten(),
            it.next().flatten(),
            it.next().flatten(),
        );
        mk(
            ExprKind::SliceExpr {
                base: Box::new(base),
                lo,
                hi,
                max,
            },
            ty,
            span,
        )
    }

    pub(crate) fn type_assert(
        &mut self,
        x: &ast::Expr,
        t: &ast::TypeExpr,
        comma_ok: bool,
        span: Span,
    ) -> Expr {
        let v = self.expr(x);
        let target = self.resolve_type(t);
        if self.is_invalid(v.ty) || self.is_invalid(target) {
            return self.invalid_expr(span);
        }
        if !self.types.is_interface(v.ty) {
            let d = self.describe(&v);
            self.err(
                x.span,
                format!("invalid operation: {d} is not an interface"),
            );
            return self.invalid_expr(span);
        }
        if self.is_method_iface(v.ty) && !self.types.is_interface(target) {
            if let Err(why) = self.implements(target, v.ty) {
                let text = self.text(span);
                let (ts, vs) = (self.short_display(target), self.short_display(v.ty));
                self.err(
                    x.span,
                    format!(
                        "impossible type assertion: {text}\n\t{ts} does not implement {vs} {why}"
                    ),
                );
                return self.invalid_expr(span);
            }
        }
        if self.types.under(v.ty) == TypeTable::error() && !self.types.is_interface(target) {
            if let Err(why) = self.implements_error(target) {
                let text = self.text(span);
                let ts = self.short_display(target);
                self.err(
                    x.span,
                    format!(
                        "impossible type assertion: {text}\n\t{ts} does not implement error {why}"
                    ),
                );
                return self.invalid_expr(span);
            }
        }
        let ty = if comma_ok {
            self.types
                .tuple(vec![target, TypeTable::basic(Basic::Bool)])
        } else {
            target
        };
        mk(
            ExprKind::TypeAssert {
                x: Box::new(v),
                target,
                comma_ok,
            },
            ty,
            span,
        )
    }
}
