//! Maps: the type `map[K]V` (a comparable key), `m[k]` and its comma-ok form, map
//! literals (gc's duplicate constant keys), and the builtins that take a map
//! (`delete`, `clear`; `len` and `make` accept a map where they are checked).

use super::constant::show;
use super::expr::{mk, unparen};
use super::Checker;
use crate::ast::{self, Span};
use crate::hir::{Builtin, ConstValue, Expr, ExprKind};
use crate::types::{TypeId, TypeKind, TypeTable};

impl Checker<'_> {
    /// `map[K]V`: types2's `invalid map key type K` for a key that is not comparable.
    pub(crate) fn map_type(&mut self, k: &ast::TypeExpr, v: &ast::TypeExpr) -> TypeId {
        let kt = self.resolve_type(k);
        let vt = self.resolve_type(v);
        if self.is_invalid(kt) || self.is_invalid(vt) {
            return self.invalid();
        }
        let unresolved = self.is_invalid(self.types.under(kt));
        if !self.named_stack.is_empty() || unresolved {
            // A named key type may not be resolved yet.
            self.later_map_keys.push((kt, k.span));
        } else if self.incomparable_cause(kt).is_some() {
            let ks = self.short_display(kt);
            self.err(k.span, format!("invalid map key type {ks}"));
            return self.invalid();
        }
        self.types.map(kt, vt)
    }

    /// The map keys `map_type` could not check while named types were resolved.
    pub(crate) fn check_later_map_keys(&mut self) {
        for (kt, span) in std::mem::take(&mut self.later_map_keys) {
            if self.incomparable_cause(kt).is_some() {
                let ks = self.short_display(kt);
                self.err(span, format!("invalid map key type {ks}"));
            }
        }
    }

    /// The key and value types of a map type.
    pub(crate) fn map_kv(&self, t: TypeId) -> Option<(TypeId, TypeId)> {
        match self.types.under_kind(t) {
            TypeKind::Map(k, v) => Some((*k, *v)),
            _ => None,
        }
    }

    /// `m[k]` (the base already checked, of map type); `comma_ok` for `v, ok := m[k]`.
    pub(crate) fn map_index(
        &mut self,
        base: Expr,
        idx: &ast::Expr,
        comma_ok: bool,
        span: Span,
    ) -> Expr {
        let Some((kt, vt)) = self.map_kv(base.ty) else {
            return self.invalid_expr(span);
        };
        let k = self.expr(idx);
        let k = self.assign_conv(k, kt, "map index");
        if self.is_invalid(k.ty) {
            return self.invalid_expr(span);
        }
        let ty = if comma_ok {
            let b = TypeTable::basic(crate::types::Basic::Bool);
            self.types.tuple(vec![vt, b])
        } else {
            vt
        };
        mk(
            ExprKind::MapIndex {
                map: Box::new(base),
                key: Box::new(k),
                comma_ok,
            },
            ty,
            span,
        )
    }

    /// `v, ok := m[k]` on the right of a two-target assignment: the comma-ok form if
    /// `rhs` indexes a map.
    pub(crate) fn map_comma_ok(&mut self, rhs: &ast::Expr) -> Option<Expr> {
        let ast::ExprKind::Index(x, idx) = &unparen(rhs).kind else {
            return None;
        };
        if idx.len() != 1 {
            return None;
        }
        // Peek at the base's type without reporting anything twice: check it once
        // here and build the index from the checked base.
        let base = self.expr(x);
        if self.is_invalid(base.ty) {
            return Some(self.invalid_expr(rhs.span));
        }
        if self.map_kv(base.ty).is_none() {
            // Not a map: `v, ok := s[i]` is a count mismatch; let the caller say so
            // with the ordinary index expression.
            let e = self.index_of(base, &idx[0], rhs.span);
            return Some(e);
        }
        Some(self.map_index(base, &idx[0], true, rhs.span))
    }

    /// `map[K]V{k: v, ...}`.
    pub(crate) fn map_lit(
        &mut self,
        t: TypeId,
        kt: TypeId,
        vt: TypeId,
        elems: &[ast::Element],
        span: Span,
    ) -> Expr {
        let mut out = Vec::new();
        let mut seen: Vec<ConstValue> = Vec::new();
        let key_iface = self.types.is_interface(kt);
        for el in elems {
            let Some(key) = &el.key else {
                self.err(el.value.span, "missing key in map literal");
                continue;
            };
            let k = self.elem_value(key, kt, "map literal");
            if self.is_invalid(k.ty) {
                continue;
            }
            // A constant key twice is gc's error (for an interface key, only when
            // the constants' types are identical too: here a boxed constant's
            // operand).
            let konst = match &k.kind {
                ExprKind::Const(c) if !key_iface => Some(c.clone()),
                ExprKind::ToIface(inner) => match &inner.kind {
                    ExprKind::Const(c) => Some(c.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(c) = konst.filter(|c| *c != ConstValue::Nil) {
                if seen.contains(&c) && !key_iface {
                    let at = unparen(key).span;
                    self.err(at, format!("duplicate key {} in map literal", show(&c)));
                    continue;
                }
                seen.push(c);
            }
            let v = self.elem_value(&el.value, vt, "map literal");
            out.push((k, v));
        }
        mk(ExprKind::MapLit(out), t, span)
    }

    /// `delete(m, k)` and `clear(m)`.
    pub(crate) fn map_builtin(
        &mut self,
        b: Builtin,
        name: &str,
        args: &[ast::Expr],
        pre: Option<Expr>,
        span: Span,
    ) -> Expr {
        let want = if b == Builtin::Delete { 2 } else { 1 };
        let found = match &pre {
            Some(v) => self.tuple_len(v.ty).unwrap_or(1),
            None => args.len(),
        };
        if found != want {
            let what = if found < want {
                "not enough"
            } else {
                "too many"
            };
            self.err(
                span,
                format!(
                    "invalid operation: {what} arguments for {} (expected {want}, found {found})",
                    self.text(span)
                ),
            );
            return self.invalid_expr(span);
        }
        if self.is_tuple(pre.as_ref().map_or(self.invalid(), |p| p.ty)) {
            self.err(
                span,
                format!("multiple-value arguments to {name} are not supported"),
            );
            return self.invalid_expr(span);
        }
        let m = match pre {
            Some(v) => v,
            None => self.expr(&args[0]),
        };
        if self.is_invalid(m.ty) {
            return self.invalid_expr(span);
        }
        let no_value = self.no_value();
        if b == Builtin::Clear {
            if self.slice_elem(m.ty).is_some() {
                self.err(span, "clear of a slice is not supported");
                return self.invalid_expr(span);
            }
            if self.map_kv(m.ty).is_none() {
                let d = self.describe(&m);
                self.err(
                    m.span,
                    format!("invalid argument: {d} must be (or constrained by) map or slice"),
                );
                return self.invalid_expr(span);
            }
            return mk(
                ExprKind::Builtin {
                    builtin: b,
                    args: vec![m],
                },
                no_value,
                span,
            );
        }
        let Some((kt, _)) = self.map_kv(m.ty) else {
            let d = self.describe(&m);
            self.err(m.span, format!("invalid argument: {d} is not a map"));
            let _ = self.expr(&args[1]);
            return self.invalid_expr(span);
        };
        let k = self.expr(&args[1]);
        let k = self.assign_conv(k, kt, "argument to delete");
        if self.is_invalid(k.ty) {
            return self.invalid_expr(span);
        }
        mk(
            ExprKind::Builtin {
                builtin: b,
                args: vec![m, k],
            },
            no_value,
            span,
        )
    }
}
