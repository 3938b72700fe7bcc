//! Struct embedding: embedded fields (`struct { A; *C }`), promoted fields and methods
//! with Go's depth and ambiguity rules (`ambiguous selector c.x`), and the wrapper
//! methods that put promoted methods into the method sets.
//!
//! Selecting `x.f` first looks at depth 0 (the type's own methods and fields,
//! `Checker::select`); failing that, `select` searches the embedded fields breadth
//! first: the shallowest depth where exactly one embedded type has `f` wins, two at
//! that depth are ambiguous. The result is a `Selection::Promoted` path of embedded
//! fields, which `select_on` turns into field accesses (dereferencing embedded
//! pointers) before selecting `f` on the embedded value.
//!
//! Promoted methods of a declared struct type `S` become methods of `S` of their own,
//! as gc's generated wrappers are: `func (s S) M(args) results { return s.A.M(args) }`
//! (a pointer receiver `*S` when `M` needs an addressable `A`: a pointer method
//! reached through value embeddings only). Once in `S`'s method list they are in its
//! method set for interfaces, `fmt` (`String`, `Error`), method values and
//! expressions, all through the paths concrete methods take.

use super::expr::mk;
use super::types::Selection;
use super::{Checker, Dep};
use crate::ast::{self, Span, TypeExprKind};
use crate::hir::{self, Expr, ExprKind, FuncId};
use crate::types::{Field, Method, TypeId, TypeKind};
use std::collections::HashSet;

/// One embedded field on a promotion path: its index and its type.
pub(crate) type Step = (usize, TypeId);

impl Checker<'_> {
    /// The field of an embedded field declaration `T` or `*T`; `None` (reported) when
    /// outside the subset or invalid.
    pub(crate) fn embedded_field(&mut self, f: &ast::FieldDecl) -> Option<Field> {
        let (inner, ptr) = match &f.ty.kind {
            TypeExprKind::Pointer(inner) => (&**inner, true),
            _ => (&f.ty, false),
        };
        let name = match &inner.kind {
            TypeExprKind::Name(id) => id.name.clone(),
            TypeExprKind::Qualified(_, n) => n.name.clone(),
            _ => {
                self.err(f.ty.span, "embedded field type must be a type name");
                return None;
            }
        };
        let ty = self.resolve_type(&f.ty);
        if self.is_invalid(ty) {
            return None;
        }
        let base = if ptr {
            match self.types.kind(ty) {
                TypeKind::Pointer(e) => *e,
                _ => ty,
            }
        } else {
            ty
        };
        let declared = matches!(self.types.kind(base), TypeKind::Named(_));
        if !declared || (name == "error" && !ptr) {
            self.err(
                f.ty.span,
                format!("embedding {name} in a struct is not supported"),
            );
            return None;
        }
        if ptr && self.types.is_interface(base) {
            self.err(
                f.ty.span,
                "embedded field type cannot be a pointer to an interface",
            );
            return None;
        }
        if ptr && matches!(self.types.under_kind(base), TypeKind::Pointer(_)) {
            self.err(f.ty.span, "embedded field type cannot be a pointer");
            return None;
        }
        Some(Field {
            name,
            ty,
            embedded: true,
        })
    }

    /// Whether the type `t` (of an embedded field) has a field or method `name` of its
    /// own (depth 0).
    fn has_own(&self, t: TypeId, name: &str) -> bool {
        let base = match self.types.kind(t) {
            TypeKind::Pointer(e) => *e,
            _ => t,
        };
        if let TypeKind::Named(n) = self.types.kind(base) {
            if n.methods
                .iter()
                .any(|m| m.name == name && !self.promoted.contains(&m.func))
            {
                return true;
            }
        }
        match self.types.under_kind(base) {
            TypeKind::Struct(fields) => fields.iter().any(|f| f.name == name),
            TypeKind::Interface(ms) => ms.iter().any(|m| m.name == name),
            _ => false,
        }
    }

    /// The breadth-first search of the embedded fields of `t` for `name` (depth 0
    /// excluded): a `Promoted` path, `Ambiguous`, or `None`.
    pub(crate) fn select_embedded(&self, t: TypeId, name: &str) -> Option<Selection> {
        let mut level: Vec<(TypeId, Vec<Step>)> = vec![(t, Vec::new())];
        let mut seen: HashSet<TypeId> = HashSet::new();
        loop {
            let mut found: Vec<Vec<Step>> = Vec::new();
            let mut next = Vec::new();
            for (ty, path) in level {
                let base = match self.types.kind(ty) {
                    TypeKind::Pointer(e) => *e,
                    _ => ty,
                };
                if matches!(self.types.kind(base), TypeKind::Named(_)) && !seen.insert(base) {
                    continue;
                }
                if !path.is_empty() && self.has_own(ty, name) {
                    found.push(path);
                    continue;
                }
                if let TypeKind::Struct(fields) = self.types.under_kind(base) {
                    for (i, f) in fields.iter().enumerate() {
                        if f.embedded {
                            let mut p = path.clone();
                            p.push((i, f.ty));
                            next.push((f.ty, p));
                        }
                    }
                }
            }
            match found.len() {
                0 => {}
                1 => return found.pop().map(|path| Selection::Promoted { path }),
                _ => return Some(Selection::Ambiguous),
            }
            if next.is_empty() {
                return None;
            }
            level = next;
        }
    }

    /// The embedded value at the end of `path` from `base` (embedded pointers and a
    /// pointer base dereferenced on the way).
    pub(crate) fn walk_path(&mut self, mut e: Expr, path: &[Step], span: Span) -> Expr {
        for &(index, ty) in path {
            if matches!(self.types.kind(e.ty), TypeKind::Pointer(_)) {
                e = self.deref(e, span);
            }
            e = mk(
                ExprKind::Field {
                    base: Box::new(e),
                    index,
                },
                ty,
                span,
            );
        }
        e
    }

    /// `select` on a value, following a promotion: the base to select on (the embedded
    /// value) and the selection there. An ambiguous selector is reported here.
    pub(crate) fn select_on(&mut self, base: Expr, sel: &ast::Ident) -> (Expr, Option<Selection>) {
        match self.select(base.ty, &sel.name) {
            Some(Selection::Promoted { path }) => {
                let span = base.span;
                let e = self.walk_path(base, &path, span);
                let inner = self.select(e.ty, &sel.name);
                (e, inner)
            }
            Some(Selection::Ambiguous) => {
                let text = self.text(base.span);
                self.err(sel.span, format!("ambiguous selector {text}.{}", sel.name));
                (base, Some(Selection::Ambiguous))
            }
            s => (base, s),
        }
    }

    /// Promoted methods stay out for struct types without a name (`struct{ T }`):
    /// rejected where such a type embeds a type with methods.
    pub(crate) fn check_unnamed_embeds(&mut self) {
        for (t, span) in std::mem::take(&mut self.unnamed_embeds) {
            let TypeKind::Struct(fields) = self.types.kind(t).clone() else {
                continue;
            };
            let with_methods = fields.iter().filter(|f| f.embedded).any(|f| {
                let base = match self.types.kind(f.ty) {
                    TypeKind::Pointer(e) => *e,
                    _ => f.ty,
                };
                self.types.is_interface(base)
                    || matches!(self.types.kind(base), TypeKind::Named(n) if !n.methods.is_empty())
            });
            if with_methods {
                self.err(
                    span,
                    "promoted methods of an unnamed struct type are not supported",
                );
            }
        }
    }

    /// Adds the promoted methods of every declared struct type to its method list (as
    /// wrapper methods; see the module header). Embedded types first.
    pub(crate) fn promote_methods(&mut self) {
        let mut done = HashSet::new();
        let ids: Vec<TypeId> = self.named.iter().map(|n| n.id).collect();
        for t in ids {
            self.promote_into(t, &mut done);
        }
    }

    fn promote_into(&mut self, s: TypeId, done: &mut HashSet<TypeId>) {
        if !done.insert(s) {
            return;
        }
        let TypeKind::Struct(fields) = self.types.under_kind(s).clone() else {
            return;
        };
        let mut names: Vec<String> = Vec::new();
        for f in fields.iter().filter(|f| f.embedded) {
            let base = match self.types.kind(f.ty) {
                TypeKind::Pointer(e) => *e,
                _ => f.ty,
            };
            self.promote_into(base, done);
            let mut own: Vec<String> = match self.types.kind(base) {
                TypeKind::Named(n) => n.methods.iter().map(|m| m.name.clone()).collect(),
                _ => Vec::new(),
            };
            if let TypeKind::Interface(ms) = self.types.under_kind(base) {
                own.extend(ms.iter().map(|m| m.name.clone()));
            }
            for n in own {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        for name in names {
            if name == "_" || self.has_own(s, &name) {
                continue;
            }
            let Some(Selection::Promoted { path }) = self.select_embedded(s, &name) else {
                continue;
            };
            self.promoted_wrapper(s, &name, &path);
        }
    }

    /// Declares `S.M` (or `(*S).M`) calling the method `name` found at the end of
    /// `path`, if it is a method there (not a field).
    fn promoted_wrapper(&mut self, s: TypeId, name: &str, path: &[Step]) {
        let Some(&(_, end)) = path.last() else {
            return;
        };
        let target = if self.is_method_iface(end) {
            self.dispatch_func(end, name).map(|f| (f, false))
        } else {
            let base = match self.types.kind(end) {
                TypeKind::Pointer(e) => *e,
                _ => end,
            };
            match self.types.kind(base) {
                TypeKind::Named(n) => n
                    .methods
                    .iter()
                    .find(|m| m.name == name && !self.promoted.contains(&m.func))
                    .map(|m| (m.func, m.pointer_recv)),
                _ => None,
            }
        };
        let Some((method, method_ptr)) = target else {
            return;
        };
        let through_ptr = path
            .iter()
            .any(|&(_, t)| matches!(self.types.kind(t), TypeKind::Pointer(_)));
        let wrapper_ptr = method_ptr && !through_ptr;
        let fty = self.funcs[method.0 as usize].ty;
        let Some((params, results)) = self.func_parts(fty) else {
            return;
        };
        let span = Span::default();
        let recv_ty = if wrapper_ptr {
            self.types.pointer(s)
        } else {
            s
        };
        let short = self.short_display(s);
        let fname = if wrapper_ptr {
            format!("(*{short}).{name}")
        } else {
            format!("{short}.{name}")
        };
        let local = |name: &str, ty: TypeId, kind: hir::LocalKind| hir::Local {
            name: name.to_string(),
            ty,
            kind,
            addressed: false,
            span,
        };
        let mut f = super::empty_func(fname, span);
        f.ty = fty;
        f.is_method = true;
        f.locals.push(local("s", recv_ty, hir::LocalKind::Param));
        for &p in &params {
            f.locals.push(local("_", p, hir::LocalKind::Param));
        }
        f.params = (0..f.locals.len() as u32).map(hir::LocalId).collect();
        for (k, &r) in results.iter().enumerate() {
            f.results.push(hir::LocalId(f.locals.len() as u32));
            f.locals
                .push(local(&format!("~r{k}"), r, hir::LocalKind::Result));
        }
        // The body: `return s.A.M(args)`.
        let recv = mk(ExprKind::Local(hir::LocalId(0)), recv_ty, span);
        let mut e = self.walk_path(recv, path, span);
        let is_ptr = matches!(self.types.kind(e.ty), TypeKind::Pointer(_));
        e = match (method_ptr, is_ptr) {
            (true, false) => {
                let t = self.types.pointer(e.ty);
                mk(ExprKind::AddrOf(Box::new(e)), t, span)
            }
            (false, true) => self.deref(e, span),
            _ => e,
        };
        let args = (0..params.len())
            .map(|k| mk(ExprKind::Local(hir::LocalId(k as u32 + 1)), params[k], span))
            .collect();
        let ty = if results.is_empty() {
            self.no_value()
        } else {
            self.results_type(&results)
        };
        let call = mk(
            ExprKind::MethodCall {
                func: method,
                recv: Box::new(e),
                args,
            },
            ty,
            span,
        );
        let stmt = if results.is_empty() {
            hir::StmtKind::Expr(call)
        } else {
            hir::StmtKind::Return(Some(vec![call]))
        };
        f.body = vec![hir::Stmt { kind: stmt, span }];
        let id = FuncId(self.funcs.len() as u32);
        self.funcs.push(f);
        self.func_decls.push(None);
        self.func_deps
            .push([Dep::Func(method)].into_iter().collect());
        self.promoted.insert(id);
        self.types.named_mut(s).methods.push(Method {
            name: name.to_string(),
            func: id,
            pointer_recv: wrapper_ptr,
        });
    }
}
