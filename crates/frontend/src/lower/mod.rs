//! Lowering: the checked HIR to the SSA IR ("built" IR, before any pass).
//!
//! The translation is deliberately plain, in the style of clang's front end: every
//! local variable gets a memory cell (`stack_alloc` for variables whose address never
//! escapes the HIR's notion of `addressed`, a fresh `alloc` heap cell per declaration
//! for captured or address-taken ones), and every read or write is a `load` or
//! `store`. Turning cells into SSA values is the job of passes, where it can be
//! diffed and measured, not of lowering.
//!
//! Panics: after every instruction that may panic (`InstData::may_panic`: not after an
//! `rtcall` of a runtime function that cannot), lowering emits `panicking` and a
//! branch to the function's panic path. A function with defers has one exit block that
//! runs `run_defers` and then either returns its results (no panic propagating, also
//! after a recovery) or propagates the panic (returns zero values with the flag set);
//! both normal returns and the panic path go through it. A function without defers
//! propagates directly.
//!
//! Requires: a `hir::Program` from the checker. Establishes: a module that verifies,
//! with `defer` / `run_defers` still present (the `defer_lower` pass removes them).

mod appendbuf;
mod array;
mod builtin;
mod call;
mod convert;
mod dispatch;
mod expr;
mod float;
mod func;
mod maps;
mod ops;
mod slice;
mod stmt;

use crate::diag::LineIndex;
use crate::hir::{self, FuncId as HirFunc, Program};
use crate::types::{Basic, TypeId, TypeKind};
use ir::{GoKind, GoTypeDesc, GoTypeId, Module, Signature, SrcLoc, StructData, StructId, Type};
use std::collections::HashMap;

/// Lowers a checked program to an IR module.
pub fn lower_program(prog: &Program, src: &str) -> Module {
    let mut cx = ModuleCx {
        prog,
        src,
        lines: LineIndex::new(src),
        module: Module::default(),
        func_ids: HashMap::new(),
        structs: HashMap::new(),
        go_types: HashMap::new(),
        pending_method_wrappers: Vec::new(),
        wrapper_count: 0,
        append_plan: appendbuf::analyze(prog),
        append_buf_struct: None,
    };
    cx.declare_all();
    for (i, f) in prog.funcs.iter().enumerate() {
        let id = cx.func_ids[&HirFunc(i as u32)];
        if let Some(d) = prog.dispatch.iter().find(|d| d.func == HirFunc(i as u32)) {
            let func = cx.dispatch_body(d, id);
            cx.module.funcs[id] = func;
            continue;
        }
        let func = func::lower_func(&mut cx, f, id);
        cx.module.funcs[id] = func;
    }
    cx.lower_init();
    cx.finish_method_wrappers();
    cx.module
}

pub(crate) struct ModuleCx<'a> {
    pub prog: &'a Program,
    /// The source text, for positions the HIR does not keep (a call's parenthesis)
    /// and for naming allocation sites as gc does (`make([]int, n)`).
    pub src: &'a str,
    pub lines: LineIndex,
    pub module: Module,
    pub func_ids: HashMap<HirFunc, ir::FuncId>,
    structs: HashMap<TypeId, StructId>,
    go_types: HashMap<TypeId, GoTypeId>,
    /// Go types whose descriptors need an `Error` or `String` wrapper.
    pending_method_wrappers: Vec<PendingWrapper>,
    pub wrapper_count: u32,
    /// The `append` sites that take gc's 32-byte stack buffer, and slice.go's
    /// `move2heap`s (`appendbuf`).
    pub append_plan: appendbuf::AppendPlan,
    /// The frame cell of such a site: the `used` word and the 32-byte buffer.
    append_buf_struct: Option<StructId>,
}

impl<'a> ModuleCx<'a> {
    /// The position of a call's `(`, gc's position of a call (`inlining call to F`):
    /// after the callee that ends at byte `end`, past `.name` for a method call. `None`
    /// where the source does not read so.
    pub fn call_paren(&self, end: u32, method: bool) -> Option<SrcLoc> {
        let s = self.src.as_bytes();
        let mut i = end as usize;
        let skip_ws = |i: &mut usize| {
            while s.get(*i).is_some_and(|b| b.is_ascii_whitespace()) {
                *i += 1;
            }
        };
        skip_ws(&mut i);
        if method {
            if s.get(i) != Some(&b'.') {
                return None;
            }
            i += 1;
            skip_ws(&mut i);
            while s
                .get(i)
                .is_some_and(|&b| b == b'_' || b.is_ascii_alphanumeric() || b >= 0x80)
            {
                i += 1;
            }
            skip_ws(&mut i);
        }
        (s.get(i) == Some(&b'(')).then(|| {
            let (line, col) = self.lines.line_col(i as u32);
            SrcLoc { line, col }
        })
    }

    pub fn loc(&self, span: crate::ast::Span) -> SrcLoc {
        let (line, col) = self.lines.line_col(span.lo);
        SrcLoc { line, col }
    }

    /// Creates every IR function up front (so calls can name their callees) and the
    /// package variables.
    fn declare_all(&mut self) {
        for (i, f) in self.prog.funcs.iter().enumerate() {
            let sig = self.func_sig(f);
            let mut func = ir::Function::new(f.name.clone(), sig);
            func.noinline = f.noinline;
            func.loc = self.loc(f.span);
            let id = self.module.funcs.push(func);
            self.func_ids.insert(HirFunc(i as u32), id);
        }
        for g in &self.prog.globals {
            let ty = self.ir_type(g.ty);
            self.module.globals.push(ir::GlobalData {
                name: g.name.clone(),
                ty,
            });
        }
        self.module.main = self.prog.main.map(|m| self.func_ids[&m]);
        for &b in &self.prog.benchmarks {
            let name = self.prog.funcs[b.0 as usize].name.clone();
            self.module.benchmarks.push((name, self.func_ids[&b]));
        }
    }

    /// The IR signature of a HIR function: `env`, `tok`, then receiver and params.
    fn func_sig(&mut self, f: &hir::Func) -> Signature {
        let mut params = vec![Type::Ptr, Type::I64];
        for &p in &f.params {
            let ty = f.locals[p.0 as usize].ty;
            params.push(self.ir_type(ty));
        }
        let results = f
            .results
            .iter()
            .map(|&r| self.ir_type(f.locals[r.0 as usize].ty))
            .collect();
        Signature { params, results }
    }

    /// The package initialiser: evaluates the package variables' initialisers in order,
    /// then calls the `func init()`s in source order.
    fn lower_init(&mut self) {
        let calls: Vec<hir::Stmt> = self
            .prog
            .init_funcs
            .iter()
            .map(|&f| {
                let func = &self.prog.funcs[f.0 as usize];
                let (span, ty) = (func.span, func.ty);
                let empty = self.prog.types.no_value().unwrap_or(TypeId(0));
                hir::Stmt {
                    kind: hir::StmtKind::Expr(hir::Expr {
                        kind: hir::ExprKind::Call {
                            callee: Box::new(hir::Expr {
                                kind: hir::ExprKind::FuncRef(f),
                                ty,
                                span,
                            }),
                            args: vec![],
                        },
                        ty: empty,
                        span,
                    }),
                    span,
                }
            })
            .collect();
        let mut body: hir::Block = self
            .prog
            .inits
            .iter()
            .map(|init| hir::Stmt {
                kind: hir::StmtKind::Assign {
                    places: init
                        .targets
                        .iter()
                        .map(|t| {
                            t.map(|g| hir::Expr {
                                kind: hir::ExprKind::Global(g),
                                ty: self.prog.globals[g.0 as usize].ty,
                                span: init.span,
                            })
                        })
                        .collect(),
                    values: init.values.clone(),
                },
                span: init.span,
            })
            .collect();
        body.extend(calls);
        let f = hir::Func {
            name: "init".to_string(),
            ty: self.prog.types_func_unit(),
            params: vec![],
            results: vec![],
            named_results: false,
            is_method: false,
            locals: vec![],
            parent: None,
            captures: vec![],
            body,
            noinline: true,
            span: Default::default(),
        };
        let sig = Signature {
            params: vec![Type::Ptr, Type::I64],
            results: vec![],
        };
        let id = self.module.funcs.push(ir::Function::new("init", sig));
        let func = func::lower_func(self, &f, id);
        self.module.funcs[id] = func;
        self.module.init = Some(id);
    }

    /// The frame cell of a buffered `append` site: five words, the `used` flag and
    /// gc's 32-byte backing store.
    pub fn append_buf_type(&mut self) -> Type {
        let s = *self.append_buf_struct.get_or_insert_with(|| {
            self.module.structs.push(StructData {
                name: "appendbuf".to_string(),
                fields: vec![Type::I64; 5],
            })
        });
        Type::Struct(s)
    }

    /// The IR type of a Go type.
    pub fn ir_type(&mut self, ty: TypeId) -> Type {
        let types = &self.prog.types;
        let under = types.under(ty);
        match types.kind(under).clone() {
            TypeKind::Basic(b) => match b {
                Basic::Int
                | Basic::Int64
                | Basic::Uint
                | Basic::Uint64
                | Basic::Uintptr
                | Basic::UntypedInt => Type::I64,
                Basic::Int16 | Basic::Uint16 => Type::I16,
                Basic::Float32 => Type::F32,
                Basic::Float64 | Basic::UntypedFloat => Type::F64,
                Basic::Int8 => Type::I8,
                Basic::Uint32 => Type::I32,
                Basic::Int32 | Basic::UntypedRune => Type::I32,
                Basic::Uint8 => Type::I8,
                Basic::Bool | Basic::UntypedBool => Type::Bool,
                Basic::String | Basic::UntypedString => Type::Str,
                Basic::UntypedNil | Basic::Invalid => Type::Ptr,
            },
            TypeKind::Pointer(_) | TypeKind::Map(..) => Type::Ptr,
            TypeKind::Slice(_) => Type::Slice,
            TypeKind::Func(_) => Type::Func,
            TypeKind::EmptyInterface | TypeKind::Error | TypeKind::Interface(_) => Type::Iface,
            TypeKind::Struct(fields) => {
                if let Some(&s) = self.structs.get(&under) {
                    return Type::Struct(s);
                }
                let tys: Vec<Type> = fields.iter().map(|f| self.ir_type(f.ty)).collect();
                let name = self.prog.types.display(ty);
                let s = self.module.structs.push(StructData { name, fields: tys });
                self.structs.insert(under, s);
                Type::Struct(s)
            }
            TypeKind::Array(e, n) => {
                // An array is a struct of `n` elements (the same layout); see
                // `lower/array.rs`.
                if let Some(&s) = self.structs.get(&under) {
                    return Type::Struct(s);
                }
                let et = self.ir_type(e);
                let name = self.prog.types.display(ty);
                let fields = vec![et; n as usize];
                let s = self.module.structs.push(StructData { name, fields });
                self.structs.insert(under, s);
                Type::Struct(s)
            }
            TypeKind::Tuple(_) | TypeKind::Named(_) => Type::Ptr,
        }
    }

    /// The IR types of a value of Go type `ty`: one, or several for a tuple.
    pub fn ir_types(&mut self, ty: TypeId) -> Vec<Type> {
        match self.prog.types.kind(ty).clone() {
            TypeKind::Tuple(ts) => ts.iter().map(|&t| self.ir_type(t)).collect(),
            _ => vec![self.ir_type(ty)],
        }
    }

    /// Whether values of Go type `ty` hold pointers (Go's `PtrBytes != 0`): the
    /// runtime's allocation sizes depend on it (malloc headers).
    pub fn has_pointers(&self, ty: TypeId) -> bool {
        match self.prog.types.under_kind(ty) {
            TypeKind::Basic(b) => matches!(b, Basic::String | Basic::UntypedString),
            TypeKind::Struct(fields) => fields.iter().any(|f| self.has_pointers(f.ty)),
            TypeKind::Array(e, n) => *n > 0 && self.has_pointers(*e),
            TypeKind::Tuple(_) | TypeKind::Named(_) => false,
            TypeKind::Pointer(_)
            | TypeKind::Slice(_)
            | TypeKind::Map(..)
            | TypeKind::Func(_)
            | TypeKind::EmptyInterface
            | TypeKind::Error
            | TypeKind::Interface(_) => true,
        }
    }

    /// The element operand of `make_slice`/`grow_slice`: the element size in bytes, with
    /// bit 32 set when the element type holds pointers, and then the element's pointer
    /// mask in bits 33-63 for the collector (`ir::gclayout::elem_mask_bits`).
    pub fn elem_word(&mut self, et: TypeId) -> i64 {
        let ety = self.ir_type(et);
        let size = i64::from(self.size_of(ety));
        if self.has_pointers(et) {
            let mask = ir::gclayout::ptr_mask(&self.module, ety);
            size | (1 << 32) | ir::gclayout::elem_mask_bits(&mask)
        } else {
            size
        }
    }

    /// The size in bytes of a value of an IR type in memory.
    pub fn size_of(&self, ty: Type) -> u32 {
        ir::types::layout(&self.module, ty).0
    }

    /// The runtime descriptor of a Go type, created on first use.
    pub fn go_type(&mut self, ty: TypeId) -> GoTypeId {
        if let Some(&t) = self.go_types.get(&ty) {
            return t;
        }
        let types = &self.prog.types;
        let name = types.display(ty);
        // Insert a placeholder first so recursive types terminate.
        let id = self.module.go_types.push(GoTypeDesc {
            name,
            kind: GoKind::Func,
            error_method: None,
            string_method: None,
            methods: self.method_strings(ty),
        });
        self.go_types.insert(ty, id);
        let kind = match self.prog.types.under_kind(ty).clone() {
            TypeKind::Basic(b) => match b {
                Basic::Int | Basic::Int64 | Basic::UntypedInt => GoKind::Int {
                    bits: 64,
                    signed: true,
                },
                Basic::Int32 | Basic::UntypedRune => GoKind::Int {
                    bits: 32,
                    signed: true,
                },
                Basic::Uint8 => GoKind::Int {
                    bits: 8,
                    signed: false,
                },
                Basic::Uint | Basic::Uint64 | Basic::Uintptr => GoKind::Int {
                    bits: 64,
                    signed: false,
                },
                Basic::Int8 => GoKind::Int {
                    bits: 8,
                    signed: true,
                },
                Basic::Float32 => GoKind::Float { bits: 32 },
                Basic::Float64 | Basic::UntypedFloat => GoKind::Float { bits: 64 },
                Basic::Int16 => GoKind::Int {
                    bits: 16,
                    signed: true,
                },
                Basic::Uint16 => GoKind::Int {
                    bits: 16,
                    signed: false,
                },
                Basic::Uint32 => GoKind::Int {
                    bits: 32,
                    signed: false,
                },
                Basic::Bool | Basic::UntypedBool => GoKind::Bool,
                Basic::String | Basic::UntypedString => GoKind::String,
                Basic::UntypedNil | Basic::Invalid => GoKind::EmptyInterface,
            },
            TypeKind::Pointer(e) => GoKind::Pointer(self.go_type(e)),
            TypeKind::Slice(e) => GoKind::Slice(self.go_type(e)),
            TypeKind::Map(k, v) => GoKind::Map(self.go_type(k), self.go_type(v)),
            TypeKind::Func(_) => GoKind::Func,
            TypeKind::EmptyInterface => GoKind::EmptyInterface,
            TypeKind::Error => GoKind::Error,
            TypeKind::Interface(_) => GoKind::Interface,
            TypeKind::Struct(fields) => GoKind::Struct(
                fields
                    .iter()
                    .map(|f| (f.name.clone(), self.go_type(f.ty)))
                    .collect(),
            ),
            TypeKind::Array(e, n) => GoKind::Array(self.go_type(e), n),
            TypeKind::Tuple(_) | TypeKind::Named(_) => GoKind::EmptyInterface,
        };
        self.module.go_types[id].kind = kind;
        for name in ["Error", "String"] {
            if let Some((method, ptr_recv)) = self.string_method(ty, name) {
                self.pending_method_wrappers.push(PendingWrapper {
                    desc: id,
                    ty,
                    name,
                    method,
                    ptr_recv,
                });
            }
        }
        if matches!(self.prog.types.kind(ty), TypeKind::Error) {
            self.module.error_type = Some(id);
        }
        id
    }

    /// The descriptor of `error` (for `type_is` to `error`).
    pub fn error_type(&mut self) -> GoTypeId {
        self.go_type(crate::types::TypeTable::error())
    }

    /// The method `name() string` (`Error` or `String`) in the method set of `ty`, if
    /// any, and whether it has a pointer receiver.
    fn string_method(&self, ty: TypeId, name: &str) -> Option<(HirFunc, bool)> {
        let types = &self.prog.types;
        let (named, via_ptr) = match types.kind(ty) {
            TypeKind::Named(_) => (ty, false),
            TypeKind::Pointer(e) if matches!(types.kind(*e), TypeKind::Named(_)) => (*e, true),
            _ => return None,
        };
        let TypeKind::Named(n) = types.kind(named) else {
            return None;
        };
        let m = n.methods.iter().find(|m| m.name == name)?;
        // A pointer-receiver method is not in the method set of the value type.
        if m.pointer_recv && !via_ptr {
            return None;
        }
        // Only `func() string` makes the type an `error` or a `fmt.Stringer`.
        let fty = self.prog.funcs[m.func.0 as usize].ty;
        let TypeKind::Func(sig) = types.kind(fty) else {
            return None;
        };
        let string = crate::types::TypeTable::basic(Basic::String);
        if !sig.params.is_empty() || sig.results != [string] {
            return None;
        }
        Some((m.func, m.pointer_recv))
    }

    /// Builds, for each descriptor with an `Error` or `String` method, the wrapper the
    /// runtime calls: `(env, tok, x: iface) -> str`, which unboxes the receiver and calls
    /// the method.
    fn finish_method_wrappers(&mut self) {
        while let Some(w) = self.pending_method_wrappers.pop() {
            let PendingWrapper {
                desc,
                ty,
                name: method_name,
                method,
                ptr_recv,
            } = w;
            let name = format!("{}.{method_name}·iface", self.prog.types.display(ty));
            let sig = Signature {
                params: vec![Type::Ptr, Type::I64, Type::Iface],
                results: vec![Type::Str],
            };
            let mut f = ir::Function::new(name, sig);
            let b = f.append_block();
            let env = f.dfg.append_block_param(b, Type::Ptr);
            let tok = f.dfg.append_block_param(b, Type::I64);
            let x = f.dfg.append_block_param(b, Type::Iface);
            let dyn_ty = self.ir_type(ty);
            let on_panic_ok = match self.prog.types.kind(ty).clone() {
                TypeKind::Pointer(elem) if !ptr_recv => {
                    Some((self.ir_type(elem), f.append_block(), f.append_block()))
                }
                _ => None,
            };
            let callee = self.func_ids[&method];
            let mut c = ir::FuncCursor::new(&mut f).at_end(b);
            let mut recv = c.ins1(
                ir::InstData::new(ir::Opcode::Unbox).ty(dyn_ty).args(&[x]),
                dyn_ty,
            );
            // A value method reached through a pointer: load the value (a nil pointer
            // panics with a nil dereference, as Go's wrapper does).
            if let Some((et, on_panic, ok)) = on_panic_ok {
                c.insert_inst(ir::InstData::new(ir::Opcode::CheckNil).args(&[recv]), &[]);
                let p = c.panicking();
                c.brif(p, on_panic, ok);
                c.goto_end(on_panic);
                let z = c.zero(Type::Str);
                c.ret(&[z]);
                c.goto_end(ok);
                recv = c.load(et, recv);
            }
            let call = c.call(callee, &[env, tok, recv], &[Type::Str]);
            let r = c.func.dfg.first_result(call);
            c.ret(&[r]);
            let id = self.module.funcs.push(f);
            let d = &mut self.module.go_types[desc];
            if method_name == "Error" {
                d.error_method = Some(id);
            } else {
                d.string_method = Some(id);
            }
        }
    }
}

/// A descriptor that needs an `Error·iface` or `String·iface` wrapper.
struct PendingWrapper {
    desc: GoTypeId,
    /// The Go type the descriptor describes (`T` or `*T`).
    ty: TypeId,
    /// `"Error"` or `"String"`.
    name: &'static str,
    method: HirFunc,
    ptr_recv: bool,
}

impl Program {
    /// The type `func()`.
    fn types_func_unit(&self) -> TypeId {
        // The checker interns `func()` for `main`; fall back to main's own type.
        self.main
            .map(|m| self.funcs[m.0 as usize].ty)
            .unwrap_or(TypeId(0))
    }
}
