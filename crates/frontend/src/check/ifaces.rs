//! Declared interfaces: their types (methods, embedded interfaces), method sets and
//! implementation (`T does not implement Closer (missing method Close)`), and the
//! dispatch functions behind calls through them.
//!
//! A call `c.Close()` on a value of interface type `I` is a `MethodCall` of I's
//! dispatch function for `Close`, a method of `I` whose receiver is the interface
//! value (named `Closer.Close`, gc's name for the method expression). The checker
//! only declares it; lowering gives it its body (`lower/dispatch.rs`). Method values,
//! method expressions and defers of interface methods then go through the same paths
//! as those of concrete methods.

use super::Checker;
use crate::ast::{self, InterfaceElemKind};
use crate::hir::{self, FuncId};
use crate::types::{Basic, IfaceMethod, TypeId, TypeKind, TypeTable};

impl Checker<'_> {
    /// `interface { ... }` with at least one element.
    pub(crate) fn interface_type(&mut self, elems: &[ast::InterfaceElem]) -> TypeId {
        let inv = self.invalid();
        let mut methods: Vec<IfaceMethod> = Vec::new();
        let mut spans: Vec<crate::ast::Span> = Vec::new();
        let mut bad = false;
        for e in elems {
            let (add, span): (Vec<IfaceMethod>, _) = match &e.kind {
                InterfaceElemKind::Method(name, sig) => {
                    let ty = self.resolve_sig(sig);
                    if self.is_invalid(ty) {
                        bad = true;
                        continue;
                    }
                    if name.name == "_" {
                        self.err(name.span, "methods must have a unique non-blank name");
                        bad = true;
                        continue;
                    }
                    (
                        vec![IfaceMethod {
                            name: name.name.clone(),
                            ty,
                        }],
                        name.span,
                    )
                }
                InterfaceElemKind::Embed(t) => {
                    let text = self.raw_text(e.span);
                    if text.contains('|') || text.trim_start().starts_with('~') {
                        self.err(e.span, "generics are not supported");
                        bad = true;
                        continue;
                    }
                    let et = self.resolve_type(t);
                    if self.is_invalid(et) {
                        bad = true;
                        continue;
                    }
                    match self.iface_methods(et) {
                        Some(ms) => (ms, e.span),
                        // A type term: a constraint, for generics.
                        None => {
                            self.err(e.span, "generics are not supported");
                            bad = true;
                            continue;
                        }
                    }
                }
            };
            for m in add {
                match methods.iter().find(|o| o.name == m.name) {
                    // Go 1.14: embedding the same method twice is fine when identical.
                    Some(o) if o.ty == m.ty && matches!(e.kind, InterfaceElemKind::Embed(_)) => {}
                    Some(_) => {
                        let at = methods.iter().position(|o| o.name == m.name).unwrap_or(0);
                        let mut d = crate::diag::Diagnostic::new(
                            span,
                            format!("duplicate method {}", m.name),
                        );
                        d.related
                            .push((spans[at], format!("other declaration of method {}", m.name)));
                        self.push_diag(d);
                        bad = true;
                    }
                    None => {
                        methods.push(m);
                        spans.push(span);
                    }
                }
            }
        }
        if bad {
            return inv;
        }
        if methods.is_empty() {
            return TypeTable::any();
        }
        methods.sort_by(|a, b| a.name.cmp(&b.name));
        self.types.intern(TypeKind::Interface(methods))
    }

    /// The methods of an interface type (`None` for other types).
    pub(crate) fn iface_methods(&mut self, t: TypeId) -> Option<Vec<IfaceMethod>> {
        match self.types.under_kind(t).clone() {
            TypeKind::EmptyInterface => Some(Vec::new()),
            TypeKind::Error => Some(vec![IfaceMethod {
                name: "Error".to_string(),
                ty: self
                    .types
                    .func(vec![], vec![TypeTable::basic(Basic::String)]),
            }]),
            TypeKind::Interface(ms) => Some(ms),
            _ => None,
        }
    }

    /// The method `name` of a concrete type's named base (`T` or `*T`): its function,
    /// whether it has a pointer receiver, and whether `t` is the pointer.
    fn concrete_method(&self, t: TypeId, name: &str) -> Option<(FuncId, bool, bool)> {
        let (base, is_ptr) = match self.types.kind(t) {
            TypeKind::Pointer(e) => (*e, true),
            _ => (t, false),
        };
        let TypeKind::Named(n) = self.types.kind(base) else {
            return None;
        };
        let m = n.methods.iter().find(|m| m.name == name)?;
        Some((m.func, m.pointer_recv, is_ptr))
    }

    /// Whether values of type `t` implement the interface `iface`; the reason when
    /// not, as gc words it: `(missing method Close)`.
    pub(crate) fn implements(&mut self, t: TypeId, iface: TypeId) -> Result<(), String> {
        if self.is_invalid(t) || self.is_invalid(iface) || t == iface {
            return Ok(());
        }
        let want = self.iface_methods(iface).unwrap_or_default();
        if let Some(have) = self.iface_methods(t) {
            for m in &want {
                match have.iter().find(|h| h.name == m.name) {
                    Some(h) if h.ty == m.ty => {}
                    Some(h) => return Err(self.wrong_type(&m.name, h.ty, m.ty)),
                    None => return Err(format!("(missing method {})", m.name)),
                }
            }
            return Ok(());
        }
        for m in &want {
            let Some((func, ptr_recv, is_ptr)) = self.concrete_method(t, &m.name) else {
                let base = match self.types.kind(t) {
                    TypeKind::Pointer(e) => *e,
                    _ => t,
                };
                if let Some(super::types::Selection::Ambiguous) =
                    self.select_embedded(base, &m.name)
                {
                    let ts = self.short_display(base);
                    return Err(format!("(ambiguous selector {ts}.{})", m.name));
                }
                return Err(format!("(missing method {})", m.name));
            };
            let have = self.funcs.get(func.0 as usize).map(|f| f.ty);
            if have != Some(m.ty) {
                let h = have.unwrap_or(self.invalid());
                return Err(self.wrong_type(&m.name, h, m.ty));
            }
            if ptr_recv && !is_ptr {
                return Err(format!("(method {} has pointer receiver)", m.name));
            }
        }
        Ok(())
    }

    fn wrong_type(&self, name: &str, have: TypeId, want: TypeId) -> String {
        let sig = |t: TypeId| {
            let s = self.short_display(t);
            s.strip_prefix("func").unwrap_or(&s).to_string()
        };
        format!(
            "(wrong type for method {name})\n\t\thave {name}{}\n\t\twant {name}{}",
            sig(have),
            sig(want)
        )
    }

    /// `runtime.Error`: `interface { error; RuntimeError() }`. The runtime's own
    /// errors (`runtime.boundsError`, ...) list both methods in their descriptors.
    pub(crate) fn runtime_error_type(&mut self) -> TypeId {
        if let Some(t) = self.runtime_error {
            return t;
        }
        let string = TypeTable::basic(Basic::String);
        let error_ty = self.types.func(vec![], vec![string]);
        let unit = self.types.func(vec![], vec![]);
        let iface = self.types.intern(TypeKind::Interface(vec![
            IfaceMethod {
                name: "Error".to_string(),
                ty: error_ty,
            },
            IfaceMethod {
                name: "RuntimeError".to_string(),
                ty: unit,
            },
        ]));
        let t = self.types.new_named("runtime.Error".to_string());
        self.types.named_mut(t).underlying = iface;
        self.runtime_error = Some(t);
        t
    }

    /// Whether `t` is a declared interface with methods (not `any` or `error`).
    pub(crate) fn is_method_iface(&self, t: TypeId) -> bool {
        matches!(self.types.under_kind(t), TypeKind::Interface(_))
    }

    /// The dispatch function of the method `name` of the interface type `iface`,
    /// declared on first use; `None` if the interface has no such method.
    pub(crate) fn dispatch_func(&mut self, iface: TypeId, name: &str) -> Option<FuncId> {
        let TypeKind::Interface(ms) = self.types.under_kind(iface).clone() else {
            return None;
        };
        let m = ms.iter().find(|m| m.name == name)?;
        if let Some(d) = self
            .dispatch
            .iter()
            .find(|d| d.iface == iface && d.method == name)
        {
            return Some(d.func);
        }
        let TypeKind::Func(sig) = self.types.kind(m.ty).clone() else {
            return None;
        };
        let id = FuncId(self.funcs.len() as u32);
        let span = crate::ast::Span::default();
        let tname = self.short_display(iface);
        let mut f = super::empty_func(format!("{tname}.{name}"), span);
        f.ty = m.ty;
        f.is_method = true;
        let local = |name: String, ty: TypeId, kind: hir::LocalKind| hir::Local {
            name,
            ty,
            kind,
            addressed: false,
            span,
        };
        f.locals
            .push(local("i".into(), iface, hir::LocalKind::Param));
        for &p in &sig.params {
            f.locals.push(local("_".into(), p, hir::LocalKind::Param));
        }
        f.params = (0..f.locals.len() as u32).map(hir::LocalId).collect();
        for (k, &r) in sig.results.iter().enumerate() {
            f.results.push(hir::LocalId(f.locals.len() as u32));
            f.locals
                .push(local(format!("~r{k}"), r, hir::LocalKind::Result));
        }
        self.funcs.push(f);
        self.func_decls.push(None);
        self.func_deps.push(Default::default());
        self.dispatch.push(hir::Dispatch {
            func: id,
            iface,
            method: name.to_string(),
        });
        Some(id)
    }
}
