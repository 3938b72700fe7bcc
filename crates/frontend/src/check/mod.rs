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

mod array;
mod assign;
mod branch;
mod builtin;
mod call;
mod constant;
mod decl;
mod embed;
mod expr;
mod exprstr;
mod float;
mod ifaces;
pub use float::float_bits;
mod literal;
mod maps;
mod pkgnames;
mod scope;
mod selector;
mod stmt;
mod types;
mod variadic;

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
    check_with_limit(file, src, mode, crate::diag::MAX_ERRORS)
}

/// Like `check_file_mode`, but every error, not gc's first ten (for tests that pack
/// many errors into one file).
pub fn check_file_all_errors(
    file: &ast::File,
    src: &str,
    mode: Mode,
) -> Result<hir::Program, Vec<Diagnostic>> {
    check_with_limit(file, src, mode, usize::MAX)
}

fn check_with_limit(
    file: &ast::File,
    src: &str,
    mode: Mode,
    limit: usize,
) -> Result<hir::Program, Vec<Diagnostic>> {
    let mut c = Checker::new(file, src, mode);
    c.check_package();
    let diags = std::mem::take(&mut c.diags);
    if diags.is_empty() {
        return Ok(c.into_program());
    }
    // A construct outside the subset is reported first and alone: the other messages
    // (an import or a variable whose only use is inside it, operands of a rejected
    // type) would be about a program we did not read as Go reads it.
    if let Some(first) = diags
        .iter()
        .filter(|d| d.is_unsupported())
        .min_by_key(|d| d.span.lo)
    {
        return Err(vec![first.clone()]);
    }
    Err(crate::diag::gc_order(diags, limit))
}

/// The imported packages of the subset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pkg {
    Fmt,
    Errors,
    Os,
    Testing,
    /// `runtime.Error` (`check/ifaces.rs`) and `runtime.GC()`.
    Runtime,
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
    /// Implicitly repeated from an earlier spec: errors go to the name, as gc puts them.
    repeated: bool,
    state: State,
    value_out: Option<(ConstValue, TypeId)>,
}

struct AliasDecl<'a> {
    spec: &'a ast::TypeSpec,
    state: State,
    ty: TypeId,
}

/// Where a `fallthrough` stands, for its message.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum FallCtx {
    /// Last statement of a switch clause that has a next clause: valid Go.
    Ok,
    /// Elsewhere among a non-final clause's statements.
    OutOfPlace,
    /// Among the final clause's statements.
    Final,
    /// Among a type switch clause's statements.
    TypeSwitch,
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
    /// The named types whose underlying type is being resolved, innermost last.
    named_stack: Vec<usize>,
    /// Set while checking a `case` clause's own statements (see `clause_body`).
    fall_ctx: Option<FallCtx>,
    globals: Vec<hir::Global>,
    /// For each global, the index of its `VarDecl`.
    global_decl: Vec<usize>,
    vars: Vec<VarDecl<'a>>,
    funcs: Vec<hir::Func>,
    /// Per function: its declaration (top-level functions and methods only).
    func_decls: Vec<Option<FuncDeclInfo<'a>>>,
    /// The `func init()` declarations in source order.
    init_funcs: Vec<FuncId>,
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
    /// The `runtime.Error` interface type, made on first use.
    runtime_error: Option<TypeId>,
    /// How messages spell `uint8`/`byte`, `int32`/`rune` and `any`.
    spelling: crate::types::Spelling,
    /// Where each package-level name was declared (for `other declaration of x`).
    pkg_spans: HashMap<String, Span>,
    /// The dispatch functions declared for calls through interfaces.
    dispatch: Vec<hir::Dispatch>,
    /// The wrapper methods of promoted methods (`embed.rs`): not a type's own methods
    /// when depths are counted.
    promoted: std::collections::HashSet<FuncId>,
    /// Struct type literals outside type declarations that embed fields, with where
    /// they are written (`embed.rs` rejects those whose embedded types have methods).
    unnamed_embeds: Vec<(TypeId, Span)>,
    /// Map key types met while named types were being resolved (`type M map[M]int`):
    /// checked for comparability once they all are (types2's `check.later`).
    later_map_keys: Vec<(TypeId, Span)>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(file: &'a ast::File, src: &'a str, mode: Mode) -> Checker<'a> {
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
            named_stack: Vec::new(),
            fall_ctx: None,
            globals: Vec::new(),
            global_decl: Vec::new(),
            vars: Vec::new(),
            funcs: Vec::new(),
            func_decls: Vec::new(),
            init_funcs: Vec::new(),
            func_deps: Vec::new(),
            cur_deps: BTreeSet::new(),
            fstack: Vec::new(),
            iota: None,
            pkg_lit_count: 0,
            testing_b: None,
            runtime_error: None,
            spelling: crate::types::Spelling::for_source(src),
            pkg_spans: HashMap::new(),
            dispatch: Vec::new(),
            promoted: Default::default(),
            unnamed_embeds: Vec::new(),
            later_map_keys: Vec::new(),
        };
        c.init_universe();
        c
    }

    pub(crate) fn init_universe(&mut self) {
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
            ("int8", b(Basic::Int8)),
            ("int16", b(Basic::Int16)),
            ("uint16", b(Basic::Uint16)),
            ("uint32", b(Basic::Uint32)),
            ("uintptr", b(Basic::Uintptr)),
            ("float32", b(Basic::Float32)),
            ("float64", b(Basic::Float64)),
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
            ("delete", Builtin::Delete),
            ("clear", Builtin::Clear),
        ] {
            u.insert(name, E::Builtin(bi));
        }
        for (name, msg) in [
            ("complex64", "complex numbers are not supported"),
            ("complex128", "complex numbers are not supported"),
            ("complex", "complex numbers are not supported"),
            ("real", "complex numbers are not supported"),
            ("imag", "complex numbers are not supported"),
            ("comparable", "generics are not supported"),
            ("close", "channels are not supported"),
        ] {
            u.insert(name, E::Unsupported(msg));
        }
    }

    pub(crate) fn err(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, msg));
    }

    pub(crate) fn push_diag(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// `x redeclared in this block`, with gc's `other declaration of x` line.
    pub(crate) fn redeclared(&mut self, span: Span, name: &str, other: Option<Span>) {
        let mut d = Diagnostic::new(span, format!("{name} redeclared in this block"));
        if let Some(o) = other {
            d.related.push((o, format!("other declaration of {name}")));
        }
        self.diags.push(d);
    }

    /// The expression at a span as gc's messages quote it (see `exprstr`).
    pub(crate) fn text(&self, span: Span) -> String {
        exprstr::expr_string(self.raw_text(span))
    }

    /// The operator after the left operand `x` of a binary expression.
    pub(crate) fn op_pos(&self, x: Span) -> Span {
        let rest = self.src.get(x.hi as usize..).unwrap_or("");
        let at = x.hi as usize + (rest.len() - rest.trim_start().len());
        Span::new(at, at + 1)
    }

    /// The source text of a span, as written.
    pub(crate) fn raw_text(&self, span: Span) -> &'a str {
        self.src
            .get(span.lo as usize..span.hi as usize)
            .unwrap_or("")
    }

    pub(crate) fn into_program(mut self) -> hir::Program {
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
        // `order_inits` left the initialisers in `vars` in dependency order.
        let inits = self.vars.iter().filter_map(|v| v.init.clone()).collect();
        // The type of the calls of the `func init()`s that lowering makes.
        let _ = self.no_value();
        hir::Program {
            types: self.types,
            globals: self.globals,
            funcs: self.funcs,
            inits,
            init_funcs: self.init_funcs,
            main,
            benchmarks,
            dispatch: self.dispatch,
        }
    }

    pub(crate) fn benchmark_funcs(&self) -> Vec<FuncId> {
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

    pub(crate) fn check_package(&mut self) {
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
        self.promote_methods();
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
        self.check_unnamed_embeds();
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
                    self.err(
                        file.package.span,
                        "function main is undeclared in the main package",
                    );
                }
            }
            Mode::Bench => {}
        }
    }

    // ---- Function bodies ------------------------------------------------------------

    pub(crate) fn check_func_body(&mut self, id: FuncId) {
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
            let span = self.func_decl_span(decl);
            self.finish_func(fb, params, stmts, span);
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
        // A signature already rejected (a variadic parameter, an unsupported type) leaves
        // every parameter and result invalid, so the body adds no errors of its own
        // (`return t` is not `too many return values`).
        let invalid = TypeTable::basic(Basic::Invalid);
        let (ptys, rtys) = match self.types.kind(ty) {
            TypeKind::Func(f) => (f.params.clone(), f.results.clone()),
            _ => (
                vec![invalid; sig.params.len()],
                vec![invalid; sig.results.len()],
            ),
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

    pub(crate) fn declare_param(
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
                let other = self.local_decl_span(&n);
                self.redeclared(span, &n, other);
            } else {
                fb_insert(self.fb(), n, Entity::Local(l));
            }
        }
        l
    }

    /// Checks a function body (the function's builder on top of `fstack`, its parameters
    /// declared) and reports a missing return.
    pub(crate) fn func_body(&mut self, body: &ast::Block) -> hir::Block {
        let mut gotos = Vec::new();
        stmt::goto_labels(&body.stmts, &mut gotos);
        self.fb().goto_labels = gotos;
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
