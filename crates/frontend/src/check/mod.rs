//! The type checker: AST in, HIR out.
//!
//! It resolves every name through the universe, package, function and block scopes,
//! computes the type of every expression, folds untyped constants (over `i128`, with Go's
//! representability rules), rejects everything outside the subset with an
//! "X is not supported" message at the construct, and makes Go's implicit steps explicit
//! in the HIR (see `hir`'s module doc for the full list).
//!
//! The work is split by concern:
//! - `mod.rs` (this file): the entry points, the package scope, declarations (resolved
//!   lazily, so their order in the file does not matter), function bodies and the
//!   initialisation order of package variables;
//! - `scope.rs`: function builders, block scopes, captures of closures, labels;
//! - `types.rs`: type expressions, assignability, method sets, operand descriptions;
//! - `constant.rs`: untyped constants, folding and representability;
//! - `expr.rs`: expressions; `call.rs`: calls, builtins and the fmt/errors/os/testing
//!   library; `stmt.rs`: statements and the terminating-statement analysis.
//!
//! Errors never stop the checker: a bad expression gets the type `Invalid`, which is
//! compatible with everything, so one mistake gives one message. Diagnostics are sorted
//! by position at the end, as gc prints them.

mod call;
mod constant;
mod expr;
mod scope;
mod stmt;
mod types;

use crate::ast::{self, Span};
use crate::diag::Diagnostic;
use crate::hir::{self, Builtin, ConstValue, FuncId, GlobalId};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use scope::FuncBuilder;
use std::collections::{BTreeSet, HashMap};

/// What the file is compiled for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// `deferlab run`: `package main` with `func main()`.
    Run,
    /// `deferlab bench`: a `_test.go`-style file of any package holding
    /// `func BenchmarkXxx(b *testing.B)` functions.
    Bench,
}

/// Checks a program for `run`.
pub fn check_file(file: &ast::File, src: &str) -> Result<hir::Program, Vec<Diagnostic>> {
    check_file_mode(file, src, Mode::Run)
}

/// Checks a benchmark file for `bench`.
pub fn check_bench_file(file: &ast::File, src: &str) -> Result<hir::Program, Vec<Diagnostic>> {
    check_file_mode(file, src, Mode::Bench)
}

pub fn check_file_mode(
    file: &ast::File,
    src: &str,
    mode: Mode,
) -> Result<hir::Program, Vec<Diagnostic>> {
    let mut c = Checker::new(file, src, mode);
    c.check_package();
    let mut diags = std::mem::take(&mut c.diags);
    if diags.is_empty() {
        return Ok(c.into_program());
    }
    // gc prints its errors sorted by position; keep the first of equal ones.
    diags.sort_by_key(|d| d.span.lo);
    diags.dedup();
    Err(diags)
}

/// The imported packages of the subset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pkg {
    Fmt,
    Errors,
    Os,
    Testing,
}

/// What a name denotes.
#[derive(Clone, Debug)]
pub(crate) enum Entity {
    Local(hir::LocalId),
    Global(GlobalId),
    Func(FuncId),
    Const(ConstValue, TypeId),
    /// A package-level constant, evaluated on first use.
    LazyConst(usize),
    Type(TypeId),
    /// A package-level alias `type A = B`, resolved on first use.
    LazyAlias(usize),
    Builtin(Builtin),
    /// A predeclared name outside the subset, with its message.
    Unsupported(&'static str),
    Nil,
    Iota,
    /// An import, by index into `Checker::imports`.
    Package(usize),
}

/// A reference that orders package variable initialisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Dep {
    Global(GlobalId),
    Func(FuncId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Todo,
    Active,
    Done,
}

struct Import {
    name: String,
    pkg: Pkg,
    span: Span,
    used: bool,
}

struct ConstDecl<'a> {
    name: ast::Ident,
    ty: Option<&'a ast::TypeExpr>,
    value: Option<&'a ast::Expr>,
    iota: i128,
    state: State,
    value_out: Option<(ConstValue, TypeId)>,
}

struct AliasDecl<'a> {
    spec: &'a ast::TypeSpec,
    state: State,
    ty: TypeId,
}

struct NamedDecl<'a> {
    spec: &'a ast::TypeSpec,
    id: TypeId,
    state: State,
}

struct VarDecl<'a> {
    spec: &'a ast::VarSpec,
    globals: Vec<Option<GlobalId>>,
    state: State,
    init: Option<hir::GlobalInit>,
    deps: BTreeSet<Dep>,
}

struct FuncDeclInfo<'a> {
    decl: &'a ast::FuncDecl,
    /// The receiver's type (`T` or `*T`) for methods.
    recv: Option<TypeId>,
}

pub(crate) struct Checker<'a> {
    src: &'a str,
    file: &'a ast::File,
    mode: Mode,
    pub(crate) types: TypeTable,
    diags: Vec<Diagnostic>,
    universe: HashMap<&'static str, Entity>,
    pkg: HashMap<String, Entity>,
    imports: Vec<Import>,
    consts: Vec<ConstDecl<'a>>,
    aliases: Vec<AliasDecl<'a>>,
    named: Vec<NamedDecl<'a>>,
    globals: Vec<hir::Global>,
    /// For each global, the index of its `VarDecl`.
    global_decl: Vec<usize>,
    vars: Vec<VarDecl<'a>>,
    funcs: Vec<hir::Func>,
    /// Per function: its declaration (top-level functions and methods only).
    func_decls: Vec<Option<FuncDeclInfo<'a>>>,
    /// Per function: the globals and functions its body references (function literals
    /// count towards their top-level function).
    func_deps: Vec<BTreeSet<Dep>>,
    /// The references of the declaration being checked.
    cur_deps: BTreeSet<Dep>,
    /// The functions being checked, innermost last (function literals nest).
    fstack: Vec<FuncBuilder>,
    /// `iota` inside a constant declaration.
    iota: Option<i128>,
    /// Function literals at package level (`init.func1`, ...).
    pkg_lit_count: u32,
    /// The `testing.B` struct type, made on first use.
    testing_b: Option<TypeId>,
}

impl<'a> Checker<'a> {
    fn new(file: &'a ast::File, src: &'a str, mode: Mode) -> Checker<'a> {
        let mut c = Checker {
            src,
            file,
            mode,
            types: TypeTable::new(),
            diags: Vec::new(),
            universe: HashMap::new(),
            pkg: HashMap::new(),
            imports: Vec::new(),
            consts: Vec::new(),
            aliases: Vec::new(),
            named: Vec::new(),
            globals: Vec::new(),
            global_decl: Vec::new(),
            vars: Vec::new(),
            funcs: Vec::new(),
            func_decls: Vec::new(),
            func_deps: Vec::new(),
            cur_deps: BTreeSet::new(),
            fstack: Vec::new(),
            iota: None,
            pkg_lit_count: 0,
            testing_b: None,
        };
        c.init_universe();
        c
    }

    fn init_universe(&mut self) {
        use Entity as E;
        let b = TypeTable::basic;
        let u = &mut self.universe;
        for (name, t) in [
            ("int", b(Basic::Int)),
            ("int64", b(Basic::Int64)),
            ("int32", b(Basic::Int32)),
            ("rune", b(Basic::Int32)),
            ("uint8", b(Basic::Uint8)),
            ("byte", b(Basic::Uint8)),
            ("uint", b(Basic::Uint)),
            ("uint64", b(Basic::Uint64)),
            ("bool", b(Basic::Bool)),
            ("string", b(Basic::String)),
            ("any", TypeTable::any()),
            ("error", TypeTable::error()),
        ] {
            u.insert(name, E::Type(t));
        }
        u.insert(
            "true",
            E::Const(ConstValue::Bool(true), b(Basic::UntypedBool)),
        );
        u.insert(
            "false",
            E::Const(ConstValue::Bool(false), b(Basic::UntypedBool)),
        );
        u.insert("nil", E::Nil);
        u.insert("iota", E::Iota);
        for (name, bi) in [
            ("len", Builtin::Len),
            ("cap", Builtin::Cap),
            ("append", Builtin::Append),
            ("copy", Builtin::Copy),
            ("make", Builtin::Make),
            ("new", Builtin::New),
            ("min", Builtin::Min),
            ("max", Builtin::Max),
            ("panic", Builtin::Panic),
            ("recover", Builtin::Recover),
            ("print", Builtin::Print),
            ("println", Builtin::Println),
        ] {
            u.insert(name, E::Builtin(bi));
        }
        for (name, msg) in [
            ("int8", "int8 is not supported"),
            ("int16", "int16 is not supported"),
            ("uint16", "uint16 is not supported"),
            ("uint32", "uint32 is not supported"),
            ("uintptr", "uintptr is not supported"),
            ("float32", "floating-point numbers are not supported"),
            ("float64", "floating-point numbers are not supported"),
            ("complex64", "complex numbers are not supported"),
            ("complex128", "complex numbers are not supported"),
            ("complex", "complex numbers are not supported"),
            ("real", "complex numbers are not supported"),
            ("imag", "complex numbers are not supported"),
            ("comparable", "generics are not supported"),
            ("close", "channels are not supported"),
            ("delete", "maps are not supported"),
            ("clear", "clear is not supported"),
        ] {
            u.insert(name, E::Unsupported(msg));
        }
    }

    pub(crate) fn err(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, msg));
    }

    /// The source text of a span, for messages that quote an expression.
    pub(crate) fn text(&self, span: Span) -> &'a str {
        self.src
            .get(span.lo as usize..span.hi as usize)
            .unwrap_or("")
    }

    fn into_program(self) -> hir::Program {
        let main = match self.mode {
            Mode::Run => match self.pkg.get("main") {
                Some(Entity::Func(f)) => Some(*f),
                _ => None,
            },
            Mode::Bench => None,
        };
        let benchmarks = match self.mode {
            Mode::Bench => self.benchmark_funcs(),
            Mode::Run => Vec::new(),
        };
        let inits = self.vars.iter().filter_map(|v| v.init.clone()).collect();
        let mut p = hir::Program {
            types: self.types,
            globals: self.globals,
            funcs: self.funcs,
            inits,
            main,
            benchmarks,
        };
        // `inits` was filled in dependency order by `order_inits`.
        p.inits = std::mem::take(&mut p.inits);
        p
    }

    fn benchmark_funcs(&self) -> Vec<FuncId> {
        let mut out = Vec::new();
        for (i, d) in self.func_decls.iter().enumerate() {
            if let Some(d) = d {
                if d.recv.is_none() && is_benchmark_name(&d.decl.name.name) {
                    out.push(FuncId(i as u32));
                }
            }
        }
        out
    }

    // ---- The package -------------------------------------------------------------

    fn check_package(&mut self) {
        let file = self.file;
        if self.mode == Mode::Run && file.package.name != "main" {
            // gc: `go run: cannot run non-main package`; say it at the clause.
            self.err(
                file.package.span,
                "package main is required to run a program",
            );
        }
        self.collect_imports();
        self.collect_decls();
        self.resolve_types();
        self.resolve_signatures();
        for i in 0..self.consts.len() {
            self.const_value(i);
        }
        for i in 0..self.aliases.len() {
            self.alias_type(i);
        }
        for i in 0..self.vars.len() {
            self.resolve_var(i);
        }
        for i in 0..self.func_decls.len() {
            if self.func_decls[i].is_some() {
                self.check_func_body(FuncId(i as u32));
            }
        }
        self.order_inits();
        for imp in &self.imports {
            if !imp.used {
                let msg = format!("\"{}\" imported and not used", imp.name);
                self.diags.push(Diagnostic::new(imp.span, msg));
            }
        }
        match self.mode {
            Mode::Run => {
                if file.package.name == "main"
                    && !matches!(self.pkg.get("main"), Some(Entity::Func(_)))
                {
                    let end = Span::new(self.src.len(), self.src.len());
                    let _ = end;
                    self.err(
                        file.package.span,
                        "function main is undeclared in the main package",
                    );
                }
            }
            Mode::Bench => {}
        }
    }

    fn collect_imports(&mut self) {
        let file = self.file;
        for imp in &file.imports {
            let pkg = match imp.path.as_str() {
                "fmt" => Pkg::Fmt,
                "errors" => Pkg::Errors,
                "os" => Pkg::Os,
                "testing" => Pkg::Testing,
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
                self.err(span, format!("{name} redeclared in this block"));
                continue;
            }
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

    fn declare_pkg(&mut self, name: &ast::Ident, e: Entity) {
        if name.name == "_" {
            return;
        }
        if self.pkg.contains_key(&name.name) {
            self.err(name.span, format!("{} redeclared in this block", name.name));
            return;
        }
        self.pkg.insert(name.name.clone(), e);
    }

    fn collect_decls(&mut self) {
        let file = self.file;
        for decl in &file.decls {
            match decl {
                ast::Decl::Type(specs) => {
                    for spec in specs {
                        if !spec.type_params.is_empty() {
                            self.err(spec.type_params[0].span, "generics are not supported");
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
    fn collect_consts(&mut self, specs: &'a [ast::ConstSpec], _pkg: bool) {
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

    fn collect_func(&mut self, fd: &'a ast::FuncDecl) {
        let id = FuncId(self.funcs.len() as u32);
        let name = fd.name.name.clone();
        self.funcs.push(empty_func(name.clone(), fd.span));
        self.func_decls.push(Some(FuncDeclInfo {
            decl: fd,
            recv: None,
        }));
        self.func_deps.push(BTreeSet::new());
        if fd.body.is_none() {
            self.err(fd.name.span, format!("missing function body"));
        }
        if !fd.type_params.is_empty() {
            self.err(fd.type_params[0].span, "generics are not supported");
        }
        if fd.recv.is_some() {
            // Attached to its type in `resolve_signatures`.
            return;
        }
        match name.as_str() {
            "init" => {
                self.err(fd.name.span, "init functions are not supported");
                return;
            }
            "main" if self.mode == Mode::Run => {
                if !fd.sig.params.is_empty() || !fd.sig.results.is_empty() {
                    self.err(
                        fd.name.span,
                        "func main must have no arguments and no return values",
                    );
                }
            }
            "_" => return,
            _ => {}
        }
        self.declare_pkg(&fd.name, Entity::Func(id));
    }

    fn resolve_types(&mut self) {
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
                self.err(
                    spec.name.span,
                    format!("invalid recursive type {}", spec.name.name),
                );
                self.named[i].state = State::Done;
                return TypeTable::basic(Basic::Invalid);
            }
            State::Todo => {}
        }
        self.named[i].state = State::Active;
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
        if let TypeKind::Pointer(_) = self.types.kind(under) {
            self.err(spec.ty.span, "named pointer types are not supported");
        }
        if self.named[i].state == State::Active {
            self.types.named_mut(id).underlying = under;
            self.named[i].state = State::Done;
        }
        under
    }

    /// `type T struct { t T }` has infinite size.
    fn check_recursive_structs(&mut self) {
        for i in 0..self.named.len() {
            let id = self.named[i].id;
            let mut seen = Vec::new();
            if self.contains_by_value(id, id, &mut seen) {
                let spec = self.named[i].spec;
                self.err(
                    spec.name.span,
                    format!("invalid recursive type {}", spec.name.name),
                );
            }
        }
    }

    fn contains_by_value(&self, t: TypeId, target: TypeId, seen: &mut Vec<TypeId>) -> bool {
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
                let msg = format!("initialization cycle or refers to itself: {}", cd.name.name);
                let span = cd.name.span;
                self.err(span, msg);
                return invalid;
            }
            State::Todo => {}
        }
        let (ty, value, iota) = (cd.ty, cd.value, cd.iota);
        self.consts[i].state = State::Active;
        // A constant's initialiser sees the package scope only.
        let saved = std::mem::take(&mut self.fstack);
        let out = self.eval_const_spec(ty, value, iota);
        self.fstack = saved;
        self.consts[i].state = State::Done;
        self.consts[i].value_out = Some(out.clone());
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
                    let ts = self.types.display(t);
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

    fn resolve_signatures(&mut self) {
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

    fn attach_method(&mut self, id: FuncId, decl: &ast::FuncDecl, recv: &ast::Param) {
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
            let ts = self.types.display(base);
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
            let ts = self.types.display(base);
            self.err(
                base_expr.span,
                format!("invalid receiver type {ts} (pointer or interface type)"),
            );
            return;
        }
        let mname = decl.name.name.clone();
        let tname = self.types.display(base);
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
            if n.methods.iter().any(|m| m.name == mname) {
                self.err(
                    decl.name.span,
                    format!("method {short}.{mname} already declared"),
                );
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
                    format!("initialization cycle or refers to itself: {name}"),
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
    fn order_inits(&mut self) {
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
            let next = (0..n).find(|&i| {
                !done[i]
                    && reach[i].iter().all(|g| {
                        initialised.contains(g)
                            || (self.global_decl.get(g.0 as usize) == Some(&i) && false)
                    })
            });
            let Some(i) = next else {
                // A cycle: report it at the first spec still waiting.
                if let Some(i) = (0..n).find(|&i| !done[i]) {
                    let spec = self.vars[i].spec;
                    let span = spec.names.first().map(|n| n.span).unwrap_or(spec.span);
                    let name = spec
                        .names
                        .first()
                        .map(|n| n.name.clone())
                        .unwrap_or_default();
                    if self.vars[i].init.is_some() {
                        self.err(
                            span,
                            format!("initialization cycle or refers to itself: {name}"),
                        );
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

    // ---- Function bodies ------------------------------------------------------------

    fn check_func_body(&mut self, id: FuncId) {
        let Some(Some(info)) = self.func_decls.get(id.0 as usize) else {
            return;
        };
        let decl = info.decl;
        let recv_ty = info.recv;
        let Some(body) = &decl.body else {
            return;
        };
        let ty = self.funcs[id.0 as usize].ty;
        let name = self.funcs[id.0 as usize].name.clone();
        let saved_deps = std::mem::take(&mut self.cur_deps);
        let mut fb = FuncBuilder::new(id, name);
        fb.push_scope();
        self.fstack.push(fb);
        let mut params = Vec::new();
        if let (Some(recv), Some(rt)) = (&decl.recv, recv_ty) {
            params.push(self.declare_param(
                recv.name.as_ref(),
                rt,
                recv.span,
                hir::LocalKind::Param,
            ));
        }
        self.bind_signature(&decl.sig, ty, &mut params);
        let stmts = self.func_body(body);
        let fb = self.fstack.pop();
        let deps = std::mem::replace(&mut self.cur_deps, saved_deps);
        if let Some(d) = self.func_deps.get_mut(id.0 as usize) {
            *d = deps;
        }
        if let Some(fb) = fb {
            self.finish_func(fb, params, stmts, decl.span);
        }
    }

    /// Declares the parameters and results of a function being checked (the top of
    /// `fstack`), and records its result types.
    pub(crate) fn bind_signature(
        &mut self,
        sig: &ast::FuncSig,
        ty: TypeId,
        params: &mut Vec<hir::LocalId>,
    ) {
        let (ptys, rtys) = match self.types.kind(ty) {
            TypeKind::Func(f) => (f.params.clone(), f.results.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        for (k, p) in sig.params.iter().enumerate() {
            let t = ptys
                .get(k)
                .copied()
                .unwrap_or(TypeTable::basic(Basic::Invalid));
            params.push(self.declare_param(p.name.as_ref(), t, p.span, hir::LocalKind::Param));
        }
        let named = sig.results.iter().any(|r| r.name.is_some());
        let mut results = Vec::new();
        for (k, r) in sig.results.iter().enumerate() {
            let t = rtys
                .get(k)
                .copied()
                .unwrap_or(TypeTable::basic(Basic::Invalid));
            let l = match &r.name {
                Some(n) if n.name != "_" => {
                    self.declare_param(Some(n), t, r.span, hir::LocalKind::Result)
                }
                _ => {
                    let fb = self.fb();
                    fb.new_local(format!("~r{k}"), t, hir::LocalKind::Result, r.span)
                }
            };
            results.push(l);
        }
        let fb = self.fb();
        fb.result_types = rtys;
        fb.result_locals = results;
        fb.named_results = named;
    }

    fn declare_param(
        &mut self,
        name: Option<&ast::Ident>,
        ty: TypeId,
        span: Span,
        kind: hir::LocalKind,
    ) -> hir::LocalId {
        let n = match name {
            Some(n) => n.name.clone(),
            None => "_".to_string(),
        };
        let fb = self.fb();
        let l = fb.new_local(n.clone(), ty, kind, name.map(|n| n.span).unwrap_or(span));
        fb.used[l.0 as usize] = true;
        if n != "_" {
            if fb.lookup_current(&n).is_some() {
                self.err(span, format!("duplicate argument {n}"));
            } else {
                fb_insert(self.fb(), n, Entity::Local(l));
            }
        }
        l
    }

    /// Checks a function body (the function's builder on top of `fstack`, its parameters
    /// declared) and reports a missing return.
    pub(crate) fn func_body(&mut self, body: &ast::Block) -> hir::Block {
        let stmts = self.stmt_list(&body.stmts);
        let has_results = !self.fb().result_types.is_empty();
        if has_results && !stmt::is_terminating_list(&body.stmts) {
            let end = Span::new(
                body.span.hi.saturating_sub(1) as usize,
                body.span.hi as usize,
            );
            self.err(end, "missing return");
        }
        self.report_unused();
        stmts
    }

    /// Fills in the `hir::Func` of a finished builder.
    pub(crate) fn finish_func(
        &mut self,
        fb: FuncBuilder,
        params: Vec<hir::LocalId>,
        body: hir::Block,
        span: Span,
    ) {
        let Some(f) = self.funcs.get_mut(fb.id.0 as usize) else {
            return;
        };
        f.params = params;
        f.results = fb.result_locals;
        f.named_results = fb.named_results;
        f.locals = fb.locals;
        f.captures = fb.captures;
        f.body = body;
        f.span = span;
    }

    pub(crate) fn is_invalid(&self, t: TypeId) -> bool {
        t == TypeTable::basic(Basic::Invalid)
    }
    pub(crate) fn is_nil_type(&self, t: TypeId) -> bool {
        t == TypeTable::basic(Basic::UntypedNil)
    }
}

fn fb_insert(fb: &mut FuncBuilder, name: String, e: Entity) {
    if let Some(s) = fb.scopes.last_mut() {
        s.insert(name, e);
    }
}

pub(crate) fn empty_func(name: String, span: Span) -> hir::Func {
    hir::Func {
        name,
        ty: TypeTable::basic(Basic::Invalid),
        params: Vec::new(),
        results: Vec::new(),
        named_results: false,
        is_method: false,
        locals: Vec::new(),
        parent: None,
        captures: Vec::new(),
        body: Vec::new(),
        noinline: false,
        span,
    }
}

/// `BenchmarkXxx` where `Xxx` does not start with a lower-case letter.
fn is_benchmark_name(name: &str) -> bool {
    match name.strip_prefix("Benchmark") {
        Some(rest) => !rest.starts_with(|c: char| c.is_ascii_lowercase()),
        None => false,
    }
}
