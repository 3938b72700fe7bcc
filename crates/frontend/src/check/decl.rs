//! Package-level declarations: imports, types, constants, variables, function
//! signatures and methods, resolved lazily so that their order in the file does not
//! matter, and Go's initialisation order of package variables.

use super::{empty_func, Checker, Dep, Entity, Mode, Pkg, State};
use super::{is_benchmark_name, AliasDecl, ConstDecl, FuncDeclInfo, Import, NamedDecl, VarDecl};
use crate::ast::{self, Span};
use crate::diag::Diagnostic;
use crate::hir::{self, ConstValue, FuncId, GlobalId};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use std::collections::BTreeSet;

impl<'a> Checker<'a> {
    pub(crate) fn collect_imports(&mut self) {
        let file = self.file;
        for imp in &file.imports {
            let pkg = match imp.path.as_str() {
                "fmt" => Pkg::Fmt,
                "errors" => Pkg::Errors,
                "os" => Pkg::Os,
                "testing" => Pkg::Testing,
                "runtime" => Pkg::Runtime,
                other => {
                    self.err(imp.span, format!("import \"{other}\" is not supported"));
                    continue;
                }
            };
            let name = match &imp.alias {
                Some(a) if a.name == "_" || a.name == "." => {
                    self.err(a.span, format!("import {} is not supported", a.name));
                    continue;
                }
                Some(a) => a.name.clone(),
                None => imp.path.clone(),
            };
            let span = match &imp.alias {
                Some(a) => a.span,
                None => imp.span,
            };
            if self.pkg.contains_key(&name) {
                let other = self.pkg_spans.get(&name).copied();
                self.redeclared(span, &name, other);
                continue;
            }
            self.pkg_spans.insert(name.clone(), span);
            self.pkg
                .insert(name.clone(), Entity::Package(self.imports.len()));
            self.imports.push(Import {
                name: imp.path.clone(),
                pkg,
                span: imp.span,
                used: false,
            });
        }
    }

    pub(crate) fn declare_pkg(&mut self, name: &ast::Ident, e: Entity) {
        if name.name == "_" {
            return;
        }
        if self.pkg.contains_key(&name.name) {
            let other = self.pkg_spans.get(&name.name).copied();
            self.redeclared(name.span, &name.name, other);
            return;
        }
        self.pkg_spans.insert(name.name.clone(), name.span);
        self.pkg.insert(name.name.clone(), e);
    }

    pub(crate) fn collect_decls(&mut self) {
        let file = self.file;
        for decl in &file.decls {
            match decl {
                ast::Decl::Type(specs) => {
                    for spec in specs {
                        if !spec.type_params.is_empty() {
                            let at = self
                                .find_before(spec.type_params[0].span.lo, "[")
                                .unwrap_or(spec.type_params[0].span);
                            self.err(at, "generics are not supported");
                        }
                        if spec.alias {
                            let i = self.aliases.len();
                            self.aliases.push(AliasDecl {
                                spec,
                                state: State::Todo,
                                ty: TypeTable::basic(Basic::Invalid),
                            });
                            self.declare_pkg(&spec.name, Entity::LazyAlias(i));
                        } else {
                            let id = self
                                .types
                                .new_named(format!("{}.{}", file.package.name, spec.name.name));
                            self.named.push(NamedDecl {
                                spec,
                                id,
                                state: State::Todo,
                            });
                            self.declare_pkg(&spec.name, Entity::Type(id));
                        }
                    }
                }
                ast::Decl::Const(specs) => self.collect_consts(specs, true),
                ast::Decl::Var(specs) => {
                    for spec in specs {
                        let vi = self.vars.len();
                        let mut gs = Vec::new();
                        for name in &spec.names {
                            if name.name == "_" {
                                gs.push(None);
                                continue;
                            }
                            let g = GlobalId(self.globals.len() as u32);
                            self.globals.push(hir::Global {
                                name: name.name.clone(),
                                ty: TypeTable::basic(Basic::Invalid),
                                span: name.span,
                            });
                            self.global_decl.push(vi);
                            self.declare_pkg(name, Entity::Global(g));
                            gs.push(Some(g));
                        }
                        self.vars.push(VarDecl {
                            spec,
                            globals: gs,
                            state: State::Todo,
                            init: None,
                            deps: BTreeSet::new(),
                        });
                    }
                }
                ast::Decl::Func(fd) => self.collect_func(fd),
            }
        }
    }

    /// Records package-level constants (the local ones are declared by `stmt.rs`),
    /// doing Go's implicit repetition of the previous spec's type and values.
    pub(crate) fn collect_consts(&mut self, specs: &'a [ast::ConstSpec], _pkg: bool) {
        let mut prev: Option<&'a ast::ConstSpec> = None;
        for spec in specs {
            let src = if spec.values.is_empty() && spec.ty.is_none() {
                match prev {
                    Some(p) => p,
                    None => {
                        self.err(spec.span, "missing init expr for const declaration");
                        spec
                    }
                }
            } else {
                prev = Some(spec);
                spec
            };
            if spec.values.is_empty() && spec.ty.is_some() {
                self.err(spec.span, "missing init expr for const declaration");
            }
            for (k, name) in spec.names.iter().enumerate() {
                let value = src.values.get(k);
                if value.is_none() && !src.values.is_empty() {
                    self.err(name.span, "missing init expr for const declaration");
                }
                let i = self.consts.len();
                self.consts.push(ConstDecl {
                    name: name.clone(),
                    ty: src.ty.as_ref(),
                    value,
                    iota: spec.iota as i128,
                    repeated: !std::ptr::eq(src, spec),
                    state: State::Todo,
                    value_out: None,
                });
                self.declare_pkg(name, Entity::LazyConst(i));
            }
            if src.values.len() > spec.names.len() && !src.values.is_empty() {
                let extra = &src.values[spec.names.len()];
                self.err(extra.span, "extra init expr");
            }
        }
    }

    /// A declared function's span as gc places it: from the token after `func` (its
    /// name, or a method's receiver), where `can inline F` and the dumps point.
    pub(crate) fn func_decl_span(&self, fd: &ast::FuncDecl) -> ast::Span {
        let after_func = self.src.as_bytes()[fd.span.lo as usize..fd.span.hi as usize]
            .iter()
            .skip(4)
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        ast::Span {
            lo: fd.span.lo + 4 + after_func as u32,
            hi: fd.span.hi,
        }
    }

    pub(crate) fn collect_func(&mut self, fd: &'a ast::FuncDecl) {
        let id = FuncId(self.funcs.len() as u32);
        let name = fd.name.name.clone();
        // Go's runtime names the `k`th `func init` of a package `init.k`.
        let rt_name = if name == "init" && fd.recv.is_none() {
            format!("init.{}", self.init_funcs.len())
        } else {
            name.clone()
        };
        self.funcs
            .push(empty_func(rt_name, self.func_decl_span(fd)));
        self.func_decls.push(Some(FuncDeclInfo {
            decl: fd,
            recv: None,
        }));
        self.func_deps.push(BTreeSet::new());
        if fd.body.is_none() {
            self.err(fd.name.span, "missing function body");
        }
        if !fd.type_params.is_empty() {
            let at = self
                .find_before(fd.type_params[0].span.lo, "[")
                .unwrap_or(fd.type_params[0].span);
            self.err(at, "generics are not supported");
        }
        if fd.recv.is_some() {
            // Attached to its type in `resolve_signatures`.
            return;
        }
        match name.as_str() {
            "init" => {
                // Run before `main`, in source order; never declared, so any reference
                // to `init` is `undefined: init`, as in gc.
                if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                    self.err(
                        fd.name.span,
                        "func init must have no arguments and no return values",
                    );
                }
                self.init_funcs.push(id);
                return;
            }
            "main"
                if self.mode == Mode::Run
                    && (!fd.sig.params.is_empty() || !fd.sig.results.is_empty()) =>
            {
                self.err(
                    fd.name.span,
                    "func main must have no arguments and no return values",
                );
            }
            "_" => return,
            _ => {}
        }
        self.declare_pkg(&fd.name, Entity::Func(id));
    }

    pub(crate) fn resolve_types(&mut self) {
        for i in 0..self.named.len() {
            self.named_underlying(i);
        }
        self.check_recursive_structs();
    }

    /// Resolves the underlying type of the `i`th named type declaration.
    pub(crate) fn named_underlying(&mut self, i: usize) -> TypeId {
        let (id, state, spec) = match self.named.get(i) {
            Some(n) => (n.id, n.state, n.spec),
            None => return TypeTable::basic(Basic::Invalid),
        };
        match state {
            State::Done => return self.types.under(id),
            State::Active => {
                // `type A B; type B A`: reached through underlying types only.
                let at = self.named_stack.iter().position(|&j| j == i).unwrap_or(0);
                let cycle: Vec<usize> = self.named_stack[at..].to_vec();
                self.cycle_error(if cycle.is_empty() { vec![i] } else { cycle });
                self.named[i].state = State::Done;
                return TypeTable::basic(Basic::Invalid);
            }
            State::Todo => {}
        }
        self.named[i].state = State::Active;
        self.named_stack.push(i);
        let t = self.resolve_type(&spec.ty);
        let under = match self.types.kind(t) {
            TypeKind::Named(_) => {
                // `type A B` with B named: A's underlying is B's.
                match self.named.iter().position(|n| n.id == t) {
                    Some(j) => self.named_underlying(j),
                    None => self.types.under(t),
                }
            }
            _ => t,
        };
        self.named_stack.pop();
        if let TypeKind::Pointer(_) = self.types.kind(under) {
            self.err(spec.ty.span, "named pointer types are not supported");
        }
        if self.named[i].state == State::Active {
            self.types.named_mut(id).underlying = under;
            self.named[i].state = State::Done;
        }
        under
    }

    /// `type T struct { t T }` has infinite size. Each cycle is reported once, as gc
    /// does: at the type of the cycle declared first, with a `refers to` line per step.
    pub(crate) fn check_recursive_structs(&mut self) {
        let mut reported: Vec<usize> = Vec::new();
        for i in 0..self.named.len() {
            if reported.contains(&i) {
                continue;
            }
            let id = self.named[i].id;
            let mut path = vec![i];
            let mut seen = Vec::new();
            if self.value_cycle(id, id, &mut path, &mut seen) {
                if path.iter().any(|j| reported.contains(j)) {
                    continue;
                }
                reported.extend(path.iter().copied());
                self.cycle_error(path);
            }
        }
    }

    /// Whether `t` holds `target` by value; `path` collects the named types on the way
    /// (as indices into `named`).
    fn value_cycle(
        &self,
        t: TypeId,
        target: TypeId,
        path: &mut Vec<usize>,
        seen: &mut Vec<TypeId>,
    ) -> bool {
        let u = self.types.under(t);
        if let TypeKind::Struct(fields) = self.types.kind(u) {
            for f in fields {
                if f.ty == target {
                    return true;
                }
                if seen.contains(&f.ty) {
                    continue;
                }
                seen.push(f.ty);
                let named = self.named.iter().position(|n| n.id == f.ty);
                if let Some(j) = named {
                    path.push(j);
                }
                if self.value_cycle(f.ty, target, path, seen) {
                    return true;
                }
                if named.is_some() {
                    path.pop();
                }
            }
        }
        false
    }

    /// gc's `invalid recursive type` for a cycle of named types (indices into `named`),
    /// reported at the one declared first.
    fn cycle_error(&mut self, mut cycle: Vec<usize>) {
        let Some(first) = (0..cycle.len()).min_by_key(|&k| self.named[cycle[k]].spec.name.span.lo)
        else {
            return;
        };
        cycle.rotate_left(first);
        let name = |c: &Self, k: usize| c.named[k].spec.name.clone();
        let head = name(self, cycle[0]);
        if cycle.len() == 1 {
            self.err(
                head.span,
                format!("invalid recursive type: {} refers to itself", head.name),
            );
            return;
        }
        let mut d = Diagnostic::new(head.span, format!("invalid recursive type {}", head.name));
        for k in 0..cycle.len() {
            let a = name(self, cycle[k]);
            let b = name(self, cycle[(k + 1) % cycle.len()]);
            d.related
                .push((a.span, format!("{} refers to {}", a.name, b.name)));
        }
        self.push_diag(d);
    }

    pub(crate) fn contains_by_value(
        &self,
        t: TypeId,
        target: TypeId,
        seen: &mut Vec<TypeId>,
    ) -> bool {
        let u = self.types.under(t);
        if let TypeKind::Struct(fields) = self.types.kind(u) {
            for f in fields {
                if f.ty == target {
                    return true;
                }
                if seen.contains(&f.ty) {
                    continue;
                }
                seen.push(f.ty);
                if self.contains_by_value(f.ty, target, seen) {
                    return true;
                }
            }
        }
        false
    }

    pub(crate) fn alias_type(&mut self, i: usize) -> TypeId {
        let (state, spec) = match self.aliases.get(i) {
            Some(a) => (a.state, a.spec),
            None => return TypeTable::basic(Basic::Invalid),
        };
        match state {
            State::Done => self.aliases[i].ty,
            State::Active => {
                self.err(
                    spec.name.span,
                    format!("invalid recursive type {}", spec.name.name),
                );
                TypeTable::basic(Basic::Invalid)
            }
            State::Todo => {
                self.aliases[i].state = State::Active;
                let t = self.resolve_type(&spec.ty);
                self.aliases[i].ty = t;
                self.aliases[i].state = State::Done;
                t
            }
        }
    }

    /// Evaluates the `i`th package-level constant.
    pub(crate) fn const_value(&mut self, i: usize) -> (ConstValue, TypeId) {
        let invalid = (ConstValue::Int(0), TypeTable::basic(Basic::Invalid));
        let Some(cd) = self.consts.get(i) else {
            return invalid;
        };
        match cd.state {
            State::Done => return cd.value_out.clone().unwrap_or(invalid),
            State::Active => {
                let msg = format!("initialization cycle: {} refers to itself", cd.name.name);
                let span = cd.name.span;
                self.err(span, msg);
                return invalid;
            }
            State::Todo => {}
        }
        let (ty, value, iota) = (cd.ty, cd.value, cd.iota);
        let at = cd.repeated.then_some(cd.name.span);
        self.consts[i].state = State::Active;
        // A constant's initialiser sees the package scope only.
        let saved = std::mem::take(&mut self.fstack);
        let out = self.eval_const_at(ty, value, iota, at);
        self.fstack = saved;
        self.consts[i].state = State::Done;
        self.consts[i].value_out = Some(out.clone());
        out
    }

    /// `eval_const_spec`, reporting its errors at `at` (the name of an implicitly
    /// repeated constant) when given.
    pub(crate) fn eval_const_at(
        &mut self,
        ty: Option<&ast::TypeExpr>,
        value: Option<&ast::Expr>,
        iota: i128,
        at: Option<Span>,
    ) -> (ConstValue, TypeId) {
        let before = self.diags.len();
        let out = self.eval_const_spec(ty, value, iota);
        if let Some(at) = at {
            for d in &mut self.diags[before..] {
                d.span = at;
            }
        }
        out
    }

    /// Evaluates one constant of a spec: `value` converted to `ty` if given.
    pub(crate) fn eval_const_spec(
        &mut self,
        ty: Option<&ast::TypeExpr>,
        value: Option<&ast::Expr>,
        iota: i128,
    ) -> (ConstValue, TypeId) {
        let invalid = (ConstValue::Int(0), TypeTable::basic(Basic::Invalid));
        let target = ty.map(|t| self.resolve_type(t));
        let Some(value) = value else {
            return invalid;
        };
        let saved = self.iota.replace(iota);
        let e = self.expr(value);
        self.iota = saved;
        let e = match target {
            Some(t) => {
                if !self.is_const_type(t) {
                    let ts = self.tdisplay(t);
                    self.err(
                        ty.map(|t| t.span).unwrap_or(value.span),
                        format!("invalid constant type {ts}"),
                    );
                    return invalid;
                }
                self.assign_conv(e, t, "constant declaration")
            }
            None => e,
        };
        match e.kind {
            hir::ExprKind::Const(v) if !self.is_nil_type(e.ty) => (v, e.ty),
            _ => {
                if !self.is_invalid(e.ty) {
                    let d = self.describe(&e);
                    self.err(value.span, format!("{d} is not constant"));
                }
                invalid
            }
        }
    }

    pub(crate) fn is_const_type(&self, t: TypeId) -> bool {
        matches!(self.types.under_kind(t), TypeKind::Basic(_))
    }

    pub(crate) fn resolve_signatures(&mut self) {
        for i in 0..self.func_decls.len() {
            let Some(info) = &self.func_decls[i] else {
                continue;
            };
            let decl = info.decl;
            let ty = self.resolve_sig(&decl.sig);
            self.funcs[i].ty = ty;
            self.funcs[i].noinline = decl.pragmas.iter().any(|p| p == "go:noinline");
            if let Some(recv) = &decl.recv {
                self.attach_method(FuncId(i as u32), decl, recv);
            }
            if self.mode == Mode::Bench && decl.recv.is_none() && is_benchmark_name(&decl.name.name)
            {
                let want = self.testing_b_ptr();
                let want = self.types.func(vec![want], vec![]);
                if ty != want && !self.is_invalid(ty) {
                    let n = &decl.name.name;
                    self.err(
                        decl.name.span,
                        format!("wrong signature for {n}, must be: func {n}(b *testing.B)"),
                    );
                }
            }
        }
    }

    pub(crate) fn attach_method(&mut self, id: FuncId, decl: &ast::FuncDecl, recv: &ast::Param) {
        let (base_expr, pointer) = match &recv.ty.kind {
            ast::TypeExprKind::Pointer(inner) => (&**inner, true),
            _ => (&recv.ty, false),
        };
        let base = self.resolve_type(base_expr);
        if self.is_invalid(base) {
            return;
        }
        let is_local_named = self.named.iter().any(|n| n.id == base);
        if !is_local_named {
            let ts = self.tdisplay(base);
            self.err(
                base_expr.span,
                format!("cannot define new methods on non-local type {ts}"),
            );
            return;
        }
        if matches!(
            self.types.under_kind(base),
            TypeKind::Pointer(_) | TypeKind::EmptyInterface | TypeKind::Error
        ) {
            let ts = self.tdisplay(base);
            self.err(
                base_expr.span,
                format!("invalid receiver type {ts} (pointer or interface type)"),
            );
            return;
        }
        let mname = decl.name.name.clone();
        let tname = self.tdisplay(base);
        let short = tname.rsplit('.').next().unwrap_or(&tname).to_string();
        if let TypeKind::Struct(fields) = self.types.under_kind(base) {
            if fields.iter().any(|f| f.name == mname) {
                self.err(
                    decl.name.span,
                    format!("field and method with the same name {mname}"),
                );
                return;
            }
        }
        if let TypeKind::Named(n) = self.types.kind(base) {
            if let Some(m) = n.methods.iter().find(|m| m.name == mname) {
                let other = self
                    .func_decls
                    .get(m.func.0 as usize)
                    .and_then(|d| d.as_ref())
                    .map(|d| d.decl.name.span);
                let mut d = crate::diag::Diagnostic::new(
                    decl.name.span,
                    format!("method {short}.{mname} already declared"),
                );
                d.at = other;
                self.diags.push(d);
                // Still check the body with its receiver in scope.
                let recv_ty = if pointer {
                    self.types.pointer(base)
                } else {
                    base
                };
                if let Some(Some(info)) = self.func_decls.get_mut(id.0 as usize) {
                    info.recv = Some(recv_ty);
                }
                return;
            }
        }
        if mname == "_" {
            return;
        }
        let recv_ty = if pointer {
            self.types.pointer(base)
        } else {
            base
        };
        if let Some(Some(info)) = self.func_decls.get_mut(id.0 as usize) {
            info.recv = Some(recv_ty);
        }
        self.funcs[id.0 as usize].name = if pointer {
            format!("(*{short}).{mname}")
        } else {
            format!("{short}.{mname}")
        };
        self.funcs[id.0 as usize].is_method = true;
        self.types
            .named_mut(base)
            .methods
            .push(crate::types::Method {
                name: mname,
                func: id,
                pointer_recv: pointer,
            });
    }

    /// The `*testing.B` type (the struct `testing.B` holds its one field `N`).
    pub(crate) fn testing_b_ptr(&mut self) -> TypeId {
        let b = match self.testing_b {
            Some(b) => b,
            None => {
                let b = self.types.new_named("testing.B".to_string());
                let st = self
                    .types
                    .intern(TypeKind::Struct(vec![crate::types::Field {
                        name: "N".to_string(),
                        ty: TypeTable::basic(Basic::Int),
                    }]));
                self.types.named_mut(b).underlying = st;
                self.testing_b = Some(b);
                b
            }
        };
        self.types.pointer(b)
    }

    /// Checks the `i`th package-level `var` spec (on first reference or in order).
    pub(crate) fn resolve_var(&mut self, i: usize) {
        let Some(vd) = self.vars.get(i) else {
            return;
        };
        match vd.state {
            State::Done => return,
            State::Active => {
                // Only reached for a spec without a type: its type depends on itself.
                let spec = vd.spec;
                let globals = vd.globals.clone();
                let name = spec
                    .names
                    .first()
                    .map(|n| n.name.clone())
                    .unwrap_or_default();
                let span = spec.names.first().map(|n| n.span).unwrap_or(spec.span);
                self.err(
                    span,
                    format!("initialization cycle: {name} refers to itself"),
                );
                for g in globals.into_iter().flatten() {
                    self.globals[g.0 as usize].ty = TypeTable::basic(Basic::Invalid);
                }
                return;
            }
            State::Todo => {}
        }
        self.vars[i].state = State::Active;
        let spec = self.vars[i].spec;
        let targets = self.vars[i].globals.clone();
        let saved_stack = std::mem::take(&mut self.fstack);
        let saved_deps = std::mem::take(&mut self.cur_deps);
        let declared = spec.ty.as_ref().map(|t| self.resolve_type(t));
        if let Some(t) = declared {
            for g in targets.iter().flatten() {
                self.globals[g.0 as usize].ty = t;
            }
        }
        let names: Vec<(String, Span)> = spec
            .names
            .iter()
            .map(|n| (n.name.clone(), n.span))
            .collect();
        let (tys, values) = self.check_var_values(&names, declared, &spec.values, spec.span);
        for (k, g) in targets.iter().enumerate() {
            if let Some(g) = g {
                if let Some(&t) = tys.get(k) {
                    self.globals[g.0 as usize].ty = t;
                }
            }
        }
        let deps = std::mem::replace(&mut self.cur_deps, saved_deps);
        self.fstack = saved_stack;
        let vd = &mut self.vars[i];
        vd.deps = deps;
        vd.state = State::Done;
        if !values.is_empty() {
            vd.init = Some(hir::GlobalInit {
                targets,
                values,
                span: spec.span,
            });
        }
    }

    /// Go's initialisation order: repeatedly the earliest spec in declaration order whose
    /// initialiser depends on no uninitialised variable (through the functions it calls
    /// too).
    pub(crate) fn order_inits(&mut self) {
        let n = self.vars.len();
        // The globals each spec reaches, through function bodies.
        let mut reach: Vec<BTreeSet<GlobalId>> = Vec::with_capacity(n);
        for v in &self.vars {
            let mut globals = BTreeSet::new();
            let mut seen_funcs = BTreeSet::new();
            let mut work: Vec<Dep> = v.deps.iter().copied().collect();
            while let Some(d) = work.pop() {
                match d {
                    Dep::Global(g) => {
                        globals.insert(g);
                    }
                    Dep::Func(f) => {
                        if seen_funcs.insert(f) {
                            if let Some(ds) = self.func_deps.get(f.0 as usize) {
                                work.extend(ds.iter().copied());
                            }
                        }
                    }
                }
            }
            reach.push(globals);
        }
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        let mut initialised: BTreeSet<GlobalId> = BTreeSet::new();
        while order.len() < n {
            let next =
                (0..n).find(|&i| !done[i] && reach[i].iter().all(|g| initialised.contains(g)));
            let Some(i) = next else {
                // A cycle (through function bodies; direct ones were reported while
                // typing): report it at the first spec still waiting.
                if let Some(i) = (0..n).find(|&i| !done[i]).filter(|_| self.diags.is_empty()) {
                    let spec = self.vars[i].spec;
                    let span = spec.names.first().map(|n| n.span).unwrap_or(spec.span);
                    let name = spec
                        .names
                        .first()
                        .map(|n| n.name.clone())
                        .unwrap_or_default();
                    if self.vars[i].init.is_some() {
                        self.err(span, format!("initialization cycle for {name}"));
                    }
                }
                break;
            };
            done[i] = true;
            order.push(i);
            for g in self.vars[i].globals.iter().flatten() {
                initialised.insert(*g);
            }
        }
        let mut inits: Vec<Option<hir::GlobalInit>> =
            self.vars.iter_mut().map(|v| v.init.take()).collect();
        let mut sorted = Vec::new();
        for i in order {
            if let Some(init) = inits.get_mut(i).and_then(|x| x.take()) {
                sorted.push(init);
            }
        }
        // `into_program` collects the inits from `vars` in order: put them back sorted.
        for (slot, init) in self.vars.iter_mut().zip(
            sorted
                .into_iter()
                .map(Some)
                .chain(std::iter::repeat_with(|| None)),
        ) {
            slot.init = init;
        }
    }

    pub(crate) fn add_dep(&mut self, d: Dep) {
        self.cur_deps.insert(d);
    }
}
