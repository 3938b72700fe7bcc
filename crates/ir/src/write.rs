//! The textual IR, as the printer writes it and `parse` reads it back.
//!
//! ```text
//! struct s0 "main.T" { i64, str }
//! gotype t0 "int" int64
//! global g0 "sink": i64
//!
//! func @oneDefer(ptr, i64) noinline { ; 21:6
//!     scope1 = inlined @helper in scope0 ; 30:5
//!     d0 = defer direct @work(i64) frame_record in scope1 ; 21:19
//! block0(v0: ptr, v1: i64):
//!     v2 = iconst.i64 1
//!     jump block1
//! block1 in scope1:
//!     defer d0(v2) ; 21:19
//!     ...
//!     run_defers scope1
//! ...
//! }
//! ```
//!
//! Everything after `;` is a comment and never changes the meaning, so the printer may
//! annotate freely (`write_function_with` attaches extra comment lines, as the verifier
//! does with its errors). The one comment the parser reads is a source position
//! `line:col` at the start of a line's comment: the function's, a deferred call's
//! origin, an inlined scope's call position, an instruction's srcloc (an `alloc` cell's
//! may be followed by `var NAME`, the variable it holds). Data that is not a
//! source position (a deferred call's strategy and scope, a block's scope) lives before
//! the `;`. The function's own scope, `scope0`, is not declared; a block or deferred
//! call that names no scope belongs to it.
//!
//! Result types are not printed when `typing::result_types` infers them from the
//! instruction (always, for verified IR); otherwise they are written `v3: i32 = ...`.
//! Output is deterministic: entities print in index order and blocks in layout order.

use crate::entities::{Block, DeferId, FuncId, Inst, ScopeId, Value};
use crate::function::{DeferCallee, Function, SrcLoc};
use crate::inst::{Imm, Opcode};
use crate::module::Module;
use crate::types::{GoKind, Type};
use std::fmt::Write;

/// Writes a function name as `@name`, quoted when it is not a plain dotted identifier.
pub fn func_name(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    {
        format!("@{name}")
    } else {
        format!("@{}", quote(name.as_bytes()))
    }
}

/// Quotes bytes as a Go-style string literal: printable ASCII as is, `\"`, `\\`, `\n`,
/// `\t`, and `\xNN` for everything else.
pub fn quote(bytes: &[u8]) -> String {
    let mut s = String::from("\"");
    for &b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\x{b:02x}");
            }
        }
    }
    s.push('"');
    s
}

pub fn write_module(m: &Module) -> String {
    let mut out = String::new();
    for (id, s) in m.structs.iter() {
        let fields: Vec<String> = s.fields.iter().map(|t| t.to_string()).collect();
        let _ = writeln!(
            out,
            "struct {id} {} {{ {} }}",
            quote(s.name.as_bytes()),
            fields.join(", ")
        );
    }
    for (id, t) in m.go_types.iter() {
        let kind = match &t.kind {
            GoKind::Int { bits, signed } => format!("{}int{bits}", if *signed { "" } else { "u" }),
            GoKind::Bool => "bool".into(),
            GoKind::Float { bits } => format!("float{bits}"),
            GoKind::String => "string".into(),
            GoKind::Slice(e) => format!("slice {e}"),
            GoKind::Pointer(e) => format!("pointer {e}"),
            GoKind::Map(k, v) => format!("map {k} {v}"),
            GoKind::Struct(fs) => {
                let fs: Vec<String> = fs
                    .iter()
                    .map(|(n, t)| format!("{} {t}", quote(n.as_bytes())))
                    .collect();
                format!("struct {{ {} }}", fs.join(", "))
            }
            GoKind::Array(e, n) => format!("array {n} {e}"),
            GoKind::Func => "func".into(),
            GoKind::EmptyInterface => "any".into(),
            GoKind::Error => "error".into(),
            GoKind::Interface => "iface".into(),
            GoKind::RuntimeError => "runtime_error".into(),
        };
        let _ = write!(out, "gotype {id} {} {kind}", quote(t.name.as_bytes()));
        if let Some(f) = t.error_method {
            let _ = write!(out, " error_method {}", func_name(&m.funcs[f].name));
        }
        if let Some(f) = t.string_method {
            let _ = write!(out, " string_method {}", func_name(&m.funcs[f].name));
        }
        if !t.methods.is_empty() {
            out.push_str(" methods");
            for s in &t.methods {
                let _ = write!(out, " {}", quote(s.as_bytes()));
            }
        }
        out.push('\n');
    }
    if let Some(e) = m.error_type {
        let _ = writeln!(out, "error_type {e}");
    }
    for (id, g) in m.globals.iter() {
        let _ = writeln!(out, "global {id} {}: {}", quote(g.name.as_bytes()), g.ty);
    }
    if let Some(f) = m.init {
        let _ = writeln!(out, "init {}", func_name(&m.funcs[f].name));
    }
    if let Some(f) = m.main {
        let _ = writeln!(out, "main {}", func_name(&m.funcs[f].name));
    }
    for (name, f) in &m.benchmarks {
        let _ = writeln!(
            out,
            "benchmark {} {}",
            quote(name.as_bytes()),
            func_name(&m.funcs[*f].name)
        );
    }
    for (_, f) in m.funcs.iter() {
        out.push('\n');
        out.push_str(&write_function(m, f));
    }
    out
}

/// Writes one function. The module gives callee names.
pub fn write_function(m: &Module, f: &Function) -> String {
    write_function_with(m, f, &|_| Vec::new())
}

/// A place in a printed function where extra comment lines may be attached (the
/// verifier puts its errors there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Point {
    /// After the `func` line.
    Header,
    /// After the declaration of a defer scope.
    Scope(ScopeId),
    /// After the declaration of a deferred call.
    Defer(DeferId),
    /// After a block's header line.
    Block(Block),
    /// After an instruction.
    Inst(Inst),
}

/// Writes one function with the lines `notes` returns for each `Point` printed after
/// it, indented like it and behind `; `, so the result still parses.
pub fn write_function_with(
    m: &Module,
    f: &Function,
    notes: &dyn Fn(Point) -> Vec<String>,
) -> String {
    let mut out = String::new();
    let note = |out: &mut String, p: Point, indent: &str| {
        for n in notes(p) {
            let _ = writeln!(out, "{indent}; {n}");
        }
    };
    let params: Vec<String> = f.sig.params.iter().map(|t| t.to_string()).collect();
    let _ = write!(out, "func {}({})", func_name(&f.name), params.join(", "));
    if !f.sig.results.is_empty() {
        let rs: Vec<String> = f.sig.results.iter().map(|t| t.to_string()).collect();
        let _ = write!(out, " -> {}", rs.join(", "));
    }
    if f.noinline {
        out.push_str(" noinline");
    }
    if f.nopanic {
        out.push_str(" nopanic");
    }
    let _ = writeln!(out, " {{ ; {}", f.loc);
    note(&mut out, Point::Header, "    ");
    for (sc, data) in f.scopes.iter().skip(1) {
        let _ = write!(out, "    {sc} =");
        if let Some(at) = data.inlined {
            let _ = write!(out, " inlined {}", callee_name(m, at.callee));
        }
        if let Some(p) = data.parent {
            let _ = write!(out, " in {p}");
        }
        match data.inlined {
            Some(at) if at.call.line != 0 => {
                let _ = writeln!(out, " ; {}", at.call);
            }
            _ => out.push('\n'),
        }
        note(&mut out, Point::Scope(sc), "    ");
    }
    for (d, data) in f.defers.iter() {
        let tys: Vec<String> = data.arg_types.iter().map(|t| t.to_string()).collect();
        let callee = match data.callee {
            DeferCallee::Direct(fid) => format!("direct {}", callee_name(m, fid)),
            DeferCallee::Closure(fid) => format!("closure {}", callee_name(m, fid)),
            DeferCallee::Indirect => "indirect".to_string(),
        };
        let _ = write!(out, "    {d} = defer {callee}({})", tys.join(", "));
        if !data.results.is_empty() {
            let rs: Vec<String> = data.results.iter().map(|t| t.to_string()).collect();
            let _ = write!(out, " -> {}", rs.join(", "));
        }
        if let Some(s) = data.strategy {
            let _ = write!(out, " {}", strategy_name(s));
        }
        if data.scope != ScopeId::ROOT {
            let _ = write!(out, " in {}", data.scope);
        }
        if data.call_at == data.origin || data.call_at == SrcLoc::default() {
            let _ = writeln!(out, " ; {}", data.origin);
        } else {
            let _ = writeln!(out, " ; {} call {}", data.origin, data.call_at);
        }
        note(&mut out, Point::Defer(d), "    ");
    }
    for &b in &f.layout.blocks {
        let params: Vec<String> = match f.dfg.blocks.get(b) {
            Some(bd) => bd
                .params
                .iter()
                .map(|&v| format!("{v}: {}", value_type_name(f, v)))
                .collect(),
            None => Vec::new(),
        };
        let _ = write!(out, "{b}");
        if !params.is_empty() {
            let _ = write!(out, "({})", params.join(", "));
        }
        match f.dfg.blocks.get(b).map(|bd| bd.scope) {
            Some(sc) if sc != ScopeId::ROOT => {
                let _ = writeln!(out, " in {sc}:");
            }
            _ => out.push_str(":\n"),
        }
        note(&mut out, Point::Block(b), "    ");
        for &inst in &f.layout.insts[b] {
            out.push_str("    ");
            if f.dfg.insts.get(inst).is_none() {
                let _ = writeln!(out, "; <{inst} does not exist>");
                continue;
            }
            out.push_str(&write_inst(m, f, inst));
            let loc = f.srclocs[inst];
            if loc.line != 0 {
                let _ = write!(out, " ; {loc}");
                if !f.var_names[inst].is_empty() {
                    let _ = write!(out, " var {}", f.var_names[inst]);
                }
            }
            out.push('\n');
            note(&mut out, Point::Inst(inst), "    ");
        }
    }
    out.push_str("}\n");
    out
}

fn value_type_name(f: &Function, v: Value) -> String {
    match f.dfg.values.get(v) {
        Some(d) => d.ty.to_string(),
        None => "?".to_string(),
    }
}

pub fn strategy_name(s: crate::function::DeferStrategy) -> &'static str {
    match s {
        crate::function::DeferStrategy::FrameRecord => "frame_record",
        crate::function::DeferStrategy::ChainRecord => "chain_record",
        crate::function::DeferStrategy::OpenCoded => "open_coded",
    }
}

fn callee_name(m: &Module, f: FuncId) -> String {
    match m.funcs.get(f) {
        Some(func) => func_name(&func.name),
        None => format!("{f}"),
    }
}

/// Writes one instruction without indentation or newline.
///
/// Operands print in one comma-separated list: a "leading" immediate (a constant, a
/// string, a global, a function value) before the arguments, a "trailing" one (a type
/// descriptor, a field, an index) after them; conditions (`icmp.i64 eq`) and bound kinds
/// (`check_slice cap`) as a keyword first; callees with the arguments in parentheses
/// (`call @f(v1)`, `rtcall str_concat(v1, v2)`, `defer d0(v1)`, `call_indirect v1(v2) ->
/// i64`); branch targets last. Result types are left out when `typing::result_types`
/// infers them (always, for a verified function) and written as `v3: i32 = ...`
/// otherwise.
pub fn write_inst(m: &Module, f: &Function, inst: Inst) -> String {
    let d = &f.dfg.insts[inst];
    let mut s = String::new();
    let results = f.dfg.inst_results(inst);
    if !results.is_empty() {
        let actual: Option<Vec<Type>> = results
            .iter()
            .map(|&v| f.dfg.values.get(v).map(|vd| vd.ty))
            .collect();
        let arg_ty = |v: Value| f.dfg.values.get(v).map(|vd| vd.ty);
        let inferred = crate::typing::result_types(m, d, &arg_ty);
        let explicit = d.opcode != Opcode::CallIndirect && inferred != actual;
        let rs: Vec<String> = results
            .iter()
            .map(|&v| {
                if explicit {
                    format!("{v}: {}", value_type_name(f, v))
                } else {
                    v.to_string()
                }
            })
            .collect();
        let _ = write!(s, "{} = ", rs.join(", "));
    }
    s.push_str(d.opcode.name());
    if let Some(ty) = d.ty {
        let _ = write!(s, ".{ty}");
    }
    let list = |vs: &[Value]| -> Vec<String> { vs.iter().map(|v| v.to_string()).collect() };
    let args = list(&d.args);
    let mut parts: Vec<String> = Vec::new();
    match (&d.imm, d.opcode) {
        (Imm::Func(fid), Opcode::Call | Opcode::Closure | Opcode::StackClosure) => {
            parts.push(format!("{}({})", callee_name(m, *fid), args.join(", ")));
        }
        (Imm::None, Opcode::CallIndirect) if !d.args.is_empty() => {
            let rest = list(&d.args[1..]);
            let mut p = format!("{}({})", d.args[0], rest.join(", "));
            if !results.is_empty() {
                let tys: Vec<String> = results.iter().map(|&v| value_type_name(f, v)).collect();
                let _ = write!(p, " -> {}", tys.join(", "));
            }
            parts.push(p);
        }
        (Imm::Rt(rt), _) => parts.push(format!("{}({})", rt.name(), args.join(", "))),
        (Imm::Defer(dd), _) => parts.push(format!("{dd}({})", args.join(", "))),
        (Imm::Cond(cc), _) => {
            let _ = write!(s, " {}", cc.name());
            parts = args;
        }
        (Imm::Bound(b), _) => {
            let kind = match b {
                crate::inst::BoundKind::Cap => "cap",
                crate::inst::BoundKind::Len => "len",
            };
            let _ = write!(s, " {kind}");
            parts = args;
        }
        (Imm::Func(fid), _) => {
            parts.push(callee_name(m, *fid));
            parts.extend(args);
        }
        (Imm::Int(i), _) => {
            parts.push(i.to_string());
            parts.extend(args);
        }
        (Imm::Str(b), _) => {
            parts.push(quote(b));
            parts.extend(args);
        }
        (Imm::Global(g), _) => {
            parts.push(g.to_string());
            parts.extend(args);
        }
        (Imm::GoType(t), _) => {
            parts = args;
            parts.push(t.to_string());
        }
        (Imm::Field(st, i), _) => {
            parts = args;
            parts.push(format!("{st}.{i}"));
        }
        (Imm::Index(i), _) => {
            parts = args;
            parts.push(i.to_string());
        }
        (Imm::Scope(sc), _) => {
            parts.push(sc.to_string());
            parts.extend(args);
        }
        (Imm::None, _) => parts = args,
    }
    for t in &d.targets {
        if t.args.is_empty() {
            parts.push(t.block.to_string());
        } else {
            parts.push(format!("{}({})", t.block, list(&t.args).join(", ")));
        }
    }
    if !parts.is_empty() {
        let _ = write!(s, " {}", parts.join(", "));
    }
    s
}

/// `Type` parsing helper shared with the parser: the inverse of `Display`.
pub fn parse_type(s: &str) -> Option<Type> {
    Some(match s {
        "bool" => Type::Bool,
        "i8" => Type::I8,
        "i16" => Type::I16,
        "f32" => Type::F32,
        "f64" => Type::F64,
        "i32" => Type::I32,
        "i64" => Type::I64,
        "ptr" => Type::Ptr,
        "str" => Type::Str,
        "slice" => Type::Slice,
        "iface" => Type::Iface,
        "func" => Type::Func,
        _ => {
            let n: u32 = s.strip_prefix('s')?.parse().ok()?;
            Type::Struct(
                <crate::entities::StructId as cranelift_entity::EntityRef>::new(n as usize),
            )
        }
    })
}
