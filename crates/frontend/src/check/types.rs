//! Type expressions, assignability, method sets, and the descriptions of operands that
//! gc's messages use (`t (variable of struct type T)`).

use super::constant::{show, ConvCtx};
use super::{Checker, Entity, Pkg};
use crate::ast::{self, TypeExprKind};
use crate::hir::{Expr, ExprKind, FuncId};
use crate::types::{Basic, Field, TypeId, TypeKind, TypeTable};

/// What `x.name` selects.
#[derive(Clone, Debug)]
pub(crate) enum Selection {
    /// A struct field: the path of field indices from the (dereferenced) base, and
    /// whether the base is a pointer to the struct.
    Field {
        index: usize,
        ty: TypeId,
        through_ptr: bool,
    },
    /// A method of a named type.
    Method { func: FuncId, pointer_recv: bool },
    /// Found in an embedded field: the path of embedded fields to select it on
    /// (`embed.rs`).
    Promoted { path: Vec<super::embed::Step> },
    /// Two embedded fields at the shallowest depth have it.
    Ambiguous,
}

impl Checker<'_> {
    pub(crate) fn invalid(&self) -> TypeId {
        TypeTable::basic(Basic::Invalid)
    }

    /// Resolves a type expression.
    pub(crate) fn resolve_type(&mut self, t: &ast::TypeExpr) -> TypeId {
        let inv = self.invalid();
        match &t.kind {
            TypeExprKind::Name(id) => self.type_name(id),
            TypeExprKind::Qualified(p, n) => self.qualified_type(p, n),
            TypeExprKind::Pointer(inner) => {
                let e = self.resolve_type(inner);
                if self.is_invalid(e) {
                    return inv;
                }
                self.types.pointer(e)
            }
            TypeExprKind::Slice(inner) => {
                let e = self.resolve_type(inner);
                if self.is_invalid(e) {
                    return inv;
                }
                self.types.slice(e)
            }
            TypeExprKind::Array(len, elem) => self.array_type(len.as_deref(), elem, t.span),
            TypeExprKind::Map(k, v) => self.map_type(k, v),
            TypeExprKind::Chan(..) => {
                self.err(t.span, "channels are not supported");
                inv
            }
            TypeExprKind::Func(sig) => self.resolve_sig(sig),
            TypeExprKind::Struct(fields) => {
                let mut out: Vec<Field> = Vec::new();
                let mut bad = false;
                for f in fields {
                    if f.names.is_empty() {
                        match self.embedded_field(f) {
                            Some(field) => {
                                if out.iter().any(|o| o.name == field.name) {
                                    self.err(f.span, format!("{} redeclared", field.name));
                                    bad = true;
                                }
                                out.push(field);
                            }
                            None => bad = true,
                        }
                        continue;
                    }
                    let ty = self.resolve_type(&f.ty);
                    if self.is_invalid(ty) {
                        bad = true;
                    }
                    for n in &f.names {
                        if n.name != "_" && out.iter().any(|o| o.name == n.name) {
                            self.err(n.span, format!("{} redeclared", n.name));
                            bad = true;
                        }
                        out.push(Field {
                            name: n.name.clone(),
                            ty,
                            embedded: false,
                        });
                    }
                }
                if bad {
                    return inv;
                }
                let embeds = out.iter().any(|f| f.embedded);
                let id = self.types.intern(TypeKind::Struct(out));
                if embeds && !self.named.iter().any(|n| n.spec.ty.span == t.span) {
                    self.unnamed_embeds.push((id, t.span));
                }
                id
            }
            TypeExprKind::Interface(elems) => {
                if !elems.is_empty() {
                    return self.interface_type(elems);
                }
                TypeTable::any()
            }
            TypeExprKind::Generic(..) => {
                self.err(t.span, "generics are not supported");
                inv
            }
        }
    }

    pub(crate) fn type_name(&mut self, id: &ast::Ident) -> TypeId {
        let inv = self.invalid();
        match self.lookup(&id.name) {
            Some(Entity::Type(t)) => t,
            Some(Entity::LazyAlias(i)) => self.alias_type(i),
            Some(Entity::Unsupported(msg)) => {
                self.err(id.span, msg);
                inv
            }
            Some(e) => {
                // gc 1.27 names what the identifier is instead.
                let what = match e {
                    Entity::Local(l) => {
                        self.mark_used(l);
                        "local variable"
                    }
                    Entity::Global(_) => "package-level variable",
                    Entity::Func(_) => "function",
                    Entity::Package(_) => "package name",
                    Entity::Nil => "untyped nil",
                    Entity::Builtin(_) => "built-in function",
                    _ => "constant",
                };
                self.err(id.span, format!("{} ({what}) is not a type", id.name));
                inv
            }
            None => {
                self.err(id.span, format!("undefined: {}", id.name));
                inv
            }
        }
    }

    pub(crate) fn qualified_type(&mut self, p: &ast::Ident, n: &ast::Ident) -> TypeId {
        let inv = self.invalid();
        match self.lookup(&p.name) {
            Some(Entity::Package(i)) => {
                let pkg = self.use_import(i);
                match (pkg, n.name.as_str()) {
                    (Some(Pkg::Runtime), "Error") => self.runtime_error_type(),
                    (Some(Pkg::Testing), "B") => {
                        let p = self.testing_b_ptr();
                        match self.types.kind(p) {
                            TypeKind::Pointer(b) => *b,
                            _ => inv,
                        }
                    }
                    (pkg, name) => {
                        let unknown =
                            pkg.and_then(|k| super::pkgnames::unknown_member(k, &p.name, name));
                        match unknown {
                            Some(msg) => self.err(n.span, msg),
                            None => {
                                self.err(n.span, format!("{}.{} is not supported", p.name, n.name))
                            }
                        }
                        inv
                    }
                }
            }
            Some(_) => {
                self.err(p.span, format!("{} is not a package", p.name));
                inv
            }
            None => {
                self.err(p.span, format!("undefined: {}", p.name));
                inv
            }
        }
    }

    /// The span of the last `pat` in the source before offset `pos` (for positions the
    /// AST does not keep, such as `...` or the `range` keyword).
    pub(crate) fn find_before(&self, pos: u32, pat: &str) -> Option<crate::ast::Span> {
        let head = self.src.get(..pos as usize)?;
        let i = head.rfind(pat)?;
        Some(crate::ast::Span::new(i, i + pat.len()))
    }

    pub(crate) fn use_import(&mut self, i: usize) -> Option<Pkg> {
        let imp = self.imports.get_mut(i)?;
        imp.used = true;
        Some(imp.pkg)
    }

    /// The function type of a signature (without receiver).
    pub(crate) fn resolve_sig(&mut self, sig: &ast::FuncSig) -> TypeId {
        let mut params = Vec::new();
        let mut bad = false;
        let mut variadic = false;
        for (k, p) in sig.params.iter().enumerate() {
            let mut t = self.resolve_type(&p.ty);
            bad |= self.is_invalid(t);
            if p.variadic {
                if k + 1 != sig.params.len() {
                    let at = self.find_before(p.ty.span.lo, "...").unwrap_or(p.span);
                    self.err(at, "can only use ... with final parameter");
                    bad = true;
                }
                variadic = true;
                if !self.is_invalid(t) {
                    t = self.types.slice(t);
                }
            }
            params.push(t);
        }
        let mut results = Vec::new();
        for r in &sig.results {
            let t = self.resolve_type(&r.ty);
            bad |= self.is_invalid(t);
            results.push(t);
        }
        if bad {
            return self.invalid();
        }
        if variadic {
            return self.types.func_variadic(params, results);
        }
        self.types.func(params, results)
    }

    /// Whether `t` is a variadic function type.
    pub(crate) fn is_variadic(&self, t: TypeId) -> bool {
        matches!(self.types.under_kind(t), TypeKind::Func(f) if f.variadic)
    }

    pub(crate) fn func_parts(&self, t: TypeId) -> Option<(Vec<TypeId>, Vec<TypeId>)> {
        match self.types.under_kind(t) {
            TypeKind::Func(f) => Some((f.params.clone(), f.results.clone())),
            _ => None,
        }
    }

    pub(crate) fn slice_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.types.under_kind(t) {
            TypeKind::Slice(e) => Some(*e),
            _ => None,
        }
    }

    pub(crate) fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.types.under_kind(t) {
            TypeKind::Pointer(e) => Some(*e),
            _ => None,
        }
    }

    pub(crate) fn is_string(&self, t: TypeId) -> bool {
        matches!(
            self.types.basic_of(t),
            Some(Basic::String | Basic::UntypedString)
        )
    }

    pub(crate) fn is_bool(&self, t: TypeId) -> bool {
        matches!(
            self.types.basic_of(t),
            Some(Basic::Bool | Basic::UntypedBool)
        )
    }

    pub(crate) fn is_named(&self, t: TypeId) -> bool {
        matches!(self.types.kind(t), TypeKind::Named(_) | TypeKind::Basic(_))
            || t == TypeTable::error()
    }

    /// Finds a field or method `name` of a value of type `t`.
    pub(crate) fn select(&mut self, t: TypeId, name: &str) -> Option<Selection> {
        if self.is_method_iface(t) {
            return self.dispatch_func(t, name).map(|func| Selection::Method {
                func,
                pointer_recv: false,
            });
        }
        let (base, through_ptr) = match self.types.kind(t) {
            TypeKind::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        if let TypeKind::Named(n) = self.types.kind(base) {
            if let Some(m) = n.methods.iter().find(|m| m.name == name) {
                return Some(Selection::Method {
                    func: m.func,
                    pointer_recv: m.pointer_recv,
                });
            }
        }
        if let TypeKind::Struct(fields) = self.types.under_kind(base) {
            if let Some(i) = fields.iter().position(|f| f.name == name) {
                return Some(Selection::Field {
                    index: i,
                    ty: fields[i].ty,
                    through_ptr,
                });
            }
        }
        self.select_embedded(t, name)
    }

    /// Whether values of type `t` have an `Error() string` method (implement `error`).
    /// Returns the reason when not, for messages.
    pub(crate) fn implements_error(&mut self, t: TypeId) -> Result<(), String> {
        if self.is_invalid(t)
            || t == TypeTable::error()
            || self.types.under(t) == TypeTable::error()
        {
            return Ok(());
        }
        let (base, is_ptr) = match self.types.kind(t) {
            TypeKind::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        let want = self
            .types
            .func(vec![], vec![TypeTable::basic(Basic::String)]);
        if let TypeKind::Named(n) = self.types.kind(base) {
            if let Some(m) = n.methods.iter().find(|m| m.name == "Error") {
                let fty = self.funcs.get(m.func.0 as usize).map(|f| f.ty);
                if fty != Some(want) {
                    return Err("(wrong type for method Error)".to_string());
                }
                if m.pointer_recv && !is_ptr {
                    return Err("(method Error has pointer receiver)".to_string());
                }
                return Ok(());
            }
        }
        Err("(missing method Error)".to_string())
    }

    /// Whether a (typed) value of type `v` may be assigned to type `t`.
    pub(crate) fn assignable(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        if v == t || self.is_invalid(v) || self.is_invalid(t) {
            return Ok(());
        }
        if t == TypeTable::any() || self.types.under(t) == TypeTable::any() {
            return Ok(());
        }
        if self.is_method_iface(t) || (self.is_method_iface(v) && self.types.is_interface(t)) {
            let (vs, ts) = (self.short_display(v), self.short_display(t));
            return self
                .implements(v, t)
                .map_err(|why| format!(": {vs} does not implement {ts} {why}"));
        }
        if self.types.under(t) == TypeTable::error() {
            if self.types.is_interface(v) {
                // gc names the empty interface by its structure here, even as `any`.
                let vs = if self.types.under(v) == TypeTable::any() {
                    "interface{}".to_string()
                } else {
                    self.short_display(v)
                };
                return Err(format!(
                    ": {vs} does not implement error (missing method Error)"
                ));
            }
            let ts = self.short_display(v);
            return self
                .implements_error(v)
                .map_err(|why| format!(": {ts} does not implement error {why}"));
        }
        if self.types.under(v) == self.types.under(t) && (!self.is_named(v) || !self.is_named(t)) {
            return Ok(());
        }
        // An interface value whose dynamic type could be `t`.
        if self.types.is_interface(v) && !self.types.is_interface(t) {
            let could = self.types.under(v) == TypeTable::any()
                || (self.is_method_iface(v) && self.implements(t, v).is_ok())
                || (!self.is_method_iface(v) && self.implements_error(t).is_ok());
            if could {
                return Err(": need type assertion".to_string());
            }
        }
        Err(String::new())
    }

    /// Converts a value for assignment to a variable, parameter, result or element of
    /// type `t`, inserting `ToIface` and untyped conversions; reports what does not fit.
    pub(crate) fn assign_conv(&mut self, e: Expr, t: TypeId, context: &str) -> Expr {
        if self.is_invalid(e.ty) || self.is_invalid(t) {
            return e;
        }
        if self.is_tuple(e.ty) {
            self.single_value_error(&e);
            return self.invalid_expr(e.span);
        }
        if self.is_untyped(e.ty) {
            if self.is_nil_type(e.ty) && !self.nil_ok(t) {
                let ts = self.tdisplay(t);
                self.err(e.span, format!("cannot use nil as {ts} value in {context}"));
                return self.invalid_expr(e.span);
            }
            return self.convert_untyped(e, t, ConvCtx::Assign(context));
        }
        match self.assignable(e.ty, t) {
            Ok(()) => {
                if e.ty == t {
                    e
                } else if self.types.is_interface(t) {
                    self.box_iface(e, t)
                } else {
                    let span = e.span;
                    Expr {
                        kind: ExprKind::Convert(Box::new(e)),
                        ty: t,
                        span,
                    }
                }
            }
            Err(why) => {
                let d = self.describe(&e);
                let ts = self.short_display(t);
                self.err(
                    e.span,
                    format!("cannot use {d} as {ts} value in {context}{why}"),
                );
                self.invalid_expr(e.span)
            }
        }
    }

    pub(crate) fn nil_ok(&self, t: TypeId) -> bool {
        self.is_invalid(t)
            || matches!(
                self.types.under_kind(t),
                TypeKind::Pointer(_)
                    | TypeKind::Slice(_)
                    | TypeKind::Map(..)
                    | TypeKind::Func(_)
                    | TypeKind::EmptyInterface
                    | TypeKind::Error
                    | TypeKind::Interface(_)
            )
    }

    pub(crate) fn box_iface(&mut self, e: Expr, t: TypeId) -> Expr {
        if e.ty == t {
            return e;
        }
        let e = if self.is_untyped(e.ty) {
            if self.is_nil_type(e.ty) {
                return Expr { ty: t, ..e };
            }
            let d = self.default_type(e.ty);
            self.convert_untyped(e, d, ConvCtx::Assign("assignment"))
        } else {
            e
        };
        let span = e.span;
        Expr {
            kind: ExprKind::ToIface(Box::new(e)),
            ty: t,
            span,
        }
    }

    pub(crate) fn invalid_expr(&self, span: crate::ast::Span) -> Expr {
        Expr {
            kind: ExprKind::Zero,
            ty: self.invalid(),
            span,
        }
    }

    pub(crate) fn is_tuple(&self, t: TypeId) -> bool {
        matches!(self.types.kind(t), TypeKind::Tuple(_))
    }

    pub(crate) fn single_value_error(&mut self, e: &Expr) {
        let text = self.text(e.span);
        match self.types.kind(e.ty) {
            TypeKind::Tuple(ts) if ts.is_empty() => {
                self.err(e.span, format!("{text} (no value) used as value"));
            }
            _ => {
                let ts = self.tdisplay(e.ty);
                self.err(
                    e.span,
                    format!("multiple-value {text} (value of type {ts}) in single-value context"),
                );
            }
        }
    }

    /// Go's `type T` / `struct type T` / `int type M` part of an operand description.
    pub(crate) fn type_desc(&self, t: TypeId) -> String {
        let ts = self.tdisplay(t);
        if let TypeKind::Named(_) = self.types.kind(t) {
            let kind = match self.types.under_kind(t) {
                // Spelled as the source spells it: `byte type B` for `type B byte`.
                TypeKind::Basic(_) => self.tdisplay(self.types.under(t)),
                TypeKind::Struct(_) => "struct".into(),
                TypeKind::Slice(_) => "slice".into(),
                TypeKind::Map(..) => "map".into(),
                TypeKind::Func(_) => "func".into(),
                TypeKind::Pointer(_) => "pointer".into(),
                TypeKind::EmptyInterface | TypeKind::Error | TypeKind::Interface(_) => {
                    "interface".into()
                }
                TypeKind::Array(..) => "array".into(),
                _ => String::new(),
            };
            let short = ts
                .strip_prefix(&format!("{}.", self.file.package.name))
                .unwrap_or(&ts);
            return format!("{kind} type {short}");
        }
        if t == TypeTable::error() {
            return "interface type error".to_string();
        }
        let short = self.short_display(t);
        // `any` is an alias: gc describes its structure as it does a named type's.
        if t == TypeTable::any() && short == "any" {
            return "interface type any".to_string();
        }
        format!("type {short}")
    }

    /// A type as gc's messages spell it: types of this package without `main.`.
    /// A type as gc's messages spell it (see `Spelling`).
    pub(crate) fn tdisplay(&self, t: TypeId) -> String {
        self.types.display_spelled(t, &self.spelling)
    }

    pub(crate) fn short_display(&self, t: TypeId) -> String {
        let ts = self.tdisplay(t);
        ts.replace(&format!("{}.", self.file.package.name), "")
    }

    /// `x (variable of type int)`, `256 (untyped int constant)`, `f() (value of type T)`.
    pub(crate) fn describe(&self, e: &Expr) -> String {
        let text = self.text(e.span);
        if self.is_nil_type(e.ty) {
            return "nil".to_string();
        }
        if let ExprKind::Const(v) = &e.kind {
            let vs = show(v);
            if self.is_untyped(e.ty) {
                let tn = self.tdisplay(e.ty);
                return if vs == text {
                    format!("{text} ({tn} constant)")
                } else {
                    format!("{text} ({tn} constant {vs})")
                };
            }
            let td = self.type_desc(e.ty);
            if vs == text {
                return format!("{text} (constant of {td})");
            }
            return format!("{text} (constant {vs} of {td})");
        }
        let td = self.type_desc(e.ty);
        if matches!(e.kind, ExprKind::MapIndex { .. }) {
            return format!("{text} (map index expression of {td})");
        }
        if self.is_addressable(e) {
            format!("{text} (variable of {td})")
        } else {
            format!("{text} (value of {td})")
        }
    }

    pub(crate) fn is_addressable(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Local(_) | ExprKind::Global(_) | ExprKind::Deref(_) => true,
            ExprKind::Field { base, .. } => self.is_addressable(base),
            ExprKind::Index { base, .. } => {
                self.slice_elem(base.ty).is_some()
                    || (self.array_parts(base.ty).is_some() && self.is_addressable(base))
            }
            _ => false,
        }
    }
}
