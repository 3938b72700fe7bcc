//! Composite literals (structs, slices, elided inner types) and function literals
//! (closures: their own `hir::Func`, named as Go names them).

use super::expr::{const_int, mk, unparen};
use super::scope::FuncBuilder;
use super::{empty_func, Checker};
use crate::ast::{self, Span};
use crate::hir::{Expr, ExprKind, FuncId};
use crate::types::{TypeId, TypeKind};
use std::collections::BTreeSet;

impl Checker<'_> {
    // ---- Composite and function literals ------------------------------------------------

    /// `T{...}`; `hint` is the element type for a literal whose type was elided.
    pub(crate) fn composite(
        &mut self,
        ty: Option<&ast::TypeExpr>,
        elems: &[ast::Element],
        rbrace: Span,
        hint: Option<TypeId>,
        span: Span,
    ) -> Expr {
        if let Some(ast::TypeExpr {
            kind: ast::TypeExprKind::Array(None, elem),
            ..
        }) = ty
        {
            let e = self.resolve_type(elem);
            if self.is_invalid(e) {
                return self.invalid_expr(span);
            }
            return self.array_lit(None, e, None, elems, span);
        }
        let t = match (ty, hint) {
            (Some(t), _) => self.resolve_type(t),
            (None, Some(h)) => h,
            (None, None) => {
                self.err(span, "invalid composite literal type: missing type");
                return self.invalid_expr(span);
            }
        };
        if self.is_invalid(t) {
            return self.invalid_expr(span);
        }
        // `[]*T{{...}}`: an elided `&T`.
        if ty.is_none() {
            if let Some(inner) = self.pointer_elem(t) {
                let lit = self.composite(None, elems, rbrace, Some(inner), span);
                if self.is_invalid(lit.ty) {
                    return lit;
                }
                return mk(ExprKind::AddrOf(Box::new(lit)), t, span);
            }
        }
        match self.types.under_kind(t).clone() {
            TypeKind::Struct(fields) => self.struct_lit(t, &fields, elems, rbrace, span),
            TypeKind::Slice(elem) => self.slice_lit(t, elem, elems, span),
            TypeKind::Array(elem, n) => self.array_lit(Some(t), elem, Some(n), elems, span),
            TypeKind::Map(k, v) => self.map_lit(t, k, v, elems, span),
            _ => {
                let ts = self.short_display(t);
                self.err(span, format!("invalid composite literal type {ts}"));
                self.invalid_expr(span)
            }
        }
    }

    pub(crate) fn struct_lit(
        &mut self,
        t: TypeId,
        fields: &[crate::types::Field],
        elems: &[ast::Element],
        rbrace: Span,
        span: Span,
    ) -> Expr {
        let ts = self.short_display(t);
        let mut values: Vec<Option<Expr>> = vec![None; fields.len()];
        let keyed = elems.first().is_some_and(|e| e.key.is_some());
        for (k, el) in elems.iter().enumerate() {
            if el.key.is_some() != keyed {
                self.err(
                    el.span,
                    "mixture of field:value and value elements in struct literal",
                );
                return self.invalid_expr(span);
            }
            let idx = match &el.key {
                Some(key) => {
                    let name = match &unparen(key).kind {
                        ast::ExprKind::Ident(n) => n.clone(),
                        _ => {
                            let text = self.text(key.span);
                            self.err(
                                key.span,
                                format!("invalid field name {text} in struct literal"),
                            );
                            return self.invalid_expr(span);
                        }
                    };
                    match fields.iter().position(|f| f.name == name) {
                        Some(i) => {
                            if values[i].is_some() {
                                self.err(
                                    key.span,
                                    format!("duplicate field name {name} in struct literal"),
                                );
                                return self.invalid_expr(span);
                            }
                            i
                        }
                        None => {
                            self.err(
                                key.span,
                                format!("unknown field {name} in struct literal of type {ts}"),
                            );
                            return self.invalid_expr(span);
                        }
                    }
                }
                None => {
                    if k >= fields.len() {
                        self.err(
                            el.value.span,
                            format!("too many values in struct literal of type {ts}"),
                        );
                        return self.invalid_expr(span);
                    }
                    k
                }
            };
            let v = self.elem_value(&el.value, fields[idx].ty, "struct literal");
            values[idx] = Some(v);
        }
        if !keyed && !elems.is_empty() && elems.len() < fields.len() {
            self.err(
                rbrace,
                format!("too few values in struct literal of type {ts}"),
            );
            return self.invalid_expr(span);
        }
        let vals = values
            .into_iter()
            .zip(fields)
            .map(|(v, f)| v.unwrap_or_else(|| mk(ExprKind::Zero, f.ty, rbrace)))
            .collect();
        mk(ExprKind::StructLit(vals), t, span)
    }

    /// An element of a composite literal: an elided composite takes the element type.
    pub(crate) fn elem_value(&mut self, e: &ast::Expr, elem: TypeId, context: &str) -> Expr {
        if let ast::ExprKind::Composite {
            ty: None,
            elems,
            rbrace,
        } = &e.kind
        {
            return self.composite(None, elems, *rbrace, Some(elem), e.span);
        }
        let v = self.expr(e);
        self.assign_conv(v, elem, context)
    }

    pub(crate) fn slice_lit(
        &mut self,
        t: TypeId,
        elem: TypeId,
        elems: &[ast::Element],
        span: Span,
    ) -> Expr {
        let mut out: Vec<Option<Expr>> = Vec::new();
        let mut pos: usize = 0;
        for el in elems {
            if let Some(key) = &el.key {
                let k = self.expr(key);
                match const_int(&k) {
                    Some(i) if (0..1 << 31).contains(&i) => pos = i as usize,
                    _ => {
                        if !self.is_invalid(k.ty) {
                            let d = self.describe(&k);
                            self.err(key.span, format!("index {d} must be integer constant"));
                        }
                        return self.invalid_expr(span);
                    }
                }
            }
            let v = self.elem_value(&el.value, elem, "array or slice literal");
            if out.len() <= pos {
                out.resize(pos + 1, None);
            }
            if out[pos].is_some() {
                self.err(
                    el.span,
                    format!("duplicate index {pos} in array or slice literal"),
                );
                return self.invalid_expr(span);
            }
            out[pos] = Some(v);
            pos += 1;
        }
        let vals = out
            .into_iter()
            .map(|v| v.unwrap_or_else(|| mk(ExprKind::Zero, elem, span)))
            .collect();
        mk(ExprKind::SliceLit(vals), t, span)
    }

    pub(crate) fn func_lit(&mut self, sig: &ast::FuncSig, body: &ast::Block, span: Span) -> Expr {
        let ty = self.resolve_sig(sig);
        let id = FuncId(self.funcs.len() as u32);
        let (name, parent) = if self.in_func() {
            let p = self.fb();
            p.lit_count += 1;
            let n = p.lit_count;
            let name = if p.is_lit {
                format!("{}.{n}", p.name)
            } else {
                format!("{}.func{n}", p.name)
            };
            (name, Some(p.id))
        } else {
            self.pkg_lit_count += 1;
            (format!("init.func{}", self.pkg_lit_count), None)
        };
        let mut f = empty_func(name.clone(), span);
        f.ty = ty;
        f.parent = parent;
        self.funcs.push(f);
        self.func_decls.push(None);
        self.func_deps.push(BTreeSet::new());
        let mut fb = FuncBuilder::new(id, name);
        fb.is_lit = true;
        fb.push_scope();
        // Labels do not cross function boundaries; the new builder starts with none.
        self.fstack.push(fb);
        let mut params = Vec::new();
        self.bind_signature(sig, ty, &mut params);
        let stmts = self.func_body(body);
        if let Some(fb) = self.fstack.pop() {
            self.finish_func(fb, params, stmts, span);
        }
        mk(ExprKind::FuncLit(id), ty, span)
    }
}
