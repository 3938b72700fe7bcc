//! The parser of the textual IR: reads back exactly what `write::write_module` prints.
//!
//! The format is line-oriented: each line is a module item (`struct`, `gotype`,
//! `error_type`, `global`, `init`, `main`, `benchmark`), a function header
//! (`func @f(ptr, i64) -> i64 noinline {`), a deferred call declaration
//! (`d0 = defer direct @work(i64) frame_record in scope1`), a defer scope declaration
//! (`scope1 = inlined @g in scope0`), a block header (`block1(v3: i64):`, or
//! `block1 in scope1:`), an instruction, or the closing `}`. Everything after `;` is a
//! comment, except that a comment starting with `line:col` gives the source position
//! of the function, deferred call, inlined call or instruction on that line.
//!
//! Entity numbers in the text are kept: `v7` is `Value` 7 and `block3` is `Block` 3
//! after parsing (numbers that do not appear become placeholder values and blocks
//! outside the layout), so printing the parsed module gives back the same text.
//! Instruction numbers are not printed; they follow text order. Result types are not
//! printed either (except as `vN: T` annotations and `call_indirect`'s `-> T`): they are
//! inferred with `typing::result_types`, iterating until every operand type is known,
//! since a value may be used above its definition in text order.
//!
//! Parsing works in two phases: module items and function headers first (so calls and
//! `error_method`s and `string_method`s may name functions defined later), then function bodies.

mod lex;

use crate::entities::{Block, DeferId, FuncId, GlobalId, GoTypeId, Inst, ScopeId, StructId, Value};
use crate::function::{
    DeferCallee, DeferData, DeferStrategy, Function, InlinedAt, ScopeData, Signature, SrcLoc,
    ValueData, ValueDef,
};
use crate::inst::{BlockCall, BoundKind, Imm, InstData, IntCC, Opcode, RtFunc};
use crate::module::{GlobalData, Module};
use crate::types::{GoKind, GoTypeDesc, StructData, Type};
use crate::write::parse_type;
use cranelift_entity::{packed_option::ReservedValue, EntityRef};
use lex::{comment_call_loc, comment_loc, comment_var, entity_number, lex, Cur, Line, Tok};
use std::collections::HashMap;
use std::fmt;

/// A parse error at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for ParseError {}

impl ParseError {
    /// The error with the offending source line and a caret under the column.
    pub fn render(&self, src: &str) -> String {
        let text = src
            .lines()
            .nth(self.line.saturating_sub(1) as usize)
            .unwrap_or("");
        let caret = " ".repeat(self.col.saturating_sub(1) as usize);
        format!("{self}\n{text}\n{caret}^")
    }
}

type Result<T> = std::result::Result<T, ParseError>;

/// Parses a whole module as `write::write_module` prints it.
pub fn parse_module(text: &str) -> Result<Module> {
    let lines = lex(text)?;
    let mut m = Module::default();
    let mut names: HashMap<String, FuncId> = HashMap::new();
    // Phase 1: function headers, so everything else can name any function.
    let mut bodies: Vec<(FuncId, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.toks[0].0 == Tok::Ident("func".into()) {
            let f = parse_header(line)?;
            let id = m.funcs.push(f);
            names.entry(m.funcs[id].name.clone()).or_insert(id);
            bodies.push((id, i));
        }
    }
    // Phase 2: module items, skipping bodies.
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.toks[0].0 == Tok::Ident("func".into()) {
            i = body_end(&lines, i)? + 1;
            continue;
        }
        parse_item(&mut m, &names, line)?;
        i += 1;
    }
    // Phase 3: bodies.
    for (id, start) in bodies {
        let end = body_end(&lines, start)?;
        // The header stays in the module while its body is read: the body may call itself.
        let header = m.funcs[id].clone();
        let f = parse_body(&m, &names, header, &lines[start + 1..end])?;
        m.funcs[id] = f;
    }
    Ok(m)
}

/// Parses one function (as `write::write_function` prints it) in the context of a
/// module, which resolves callee names; the function is not added to the module.
pub fn parse_function(m: &Module, text: &str) -> Result<Function> {
    let lines = lex(text)?;
    let Some(first) = lines.first() else {
        return Err(ParseError {
            line: 1,
            col: 1,
            message: "expected a function".into(),
        });
    };
    let mut names: HashMap<String, FuncId> = HashMap::new();
    for (id, f) in m.funcs.iter() {
        names.entry(f.name.clone()).or_insert(id);
    }
    let header = parse_header(first)?;
    let end = body_end(&lines, 0)?;
    if let Some(extra) = lines.get(end + 1) {
        return Cur::new(extra).err("unexpected text after the function");
    }
    parse_body(m, &names, header, &lines[1..end])
}

/// The index of the `}` line closing the function whose header is at `start`.
fn body_end(lines: &[Line], start: usize) -> Result<usize> {
    for (i, l) in lines.iter().enumerate().skip(start + 1) {
        if l.toks[0].0 == Tok::Punct('}') {
            Cur { line: l, pos: 1 }.end()?;
            return Ok(i);
        }
        if l.toks[0].0 == Tok::Ident("func".into()) {
            return Cur::new(l).err("expected `}` before the next function");
        }
    }
    let l = &lines[start];
    Cur::new(l).err("function body is not closed with `}`")
}

/// `func @name(params) -> results noinline nopanic { ; loc`
fn parse_header(line: &Line) -> Result<Function> {
    let mut c = Cur::new(line);
    c.keyword("func")?;
    let name = match c.next() {
        Some(Tok::Func(n)) => n.clone(),
        _ => {
            c.pos -= 1;
            return c.expected("a function name `@name`");
        }
    };
    c.punct('(')?;
    let params = c.list(')', |c| c.ty())?;
    let results = result_types(&mut c)?;
    let mut f = Function::new(name, Signature { params, results });
    if c.peek() == Some(&Tok::Ident("noinline".into())) {
        c.next();
        f.noinline = true;
    }
    if c.peek() == Some(&Tok::Ident("nopanic".into())) {
        c.next();
        f.nopanic = true;
    }
    c.punct('{')?;
    c.end()?;
    f.loc = comment_loc(line);
    Ok(f)
}

fn func_ref(c: &mut Cur, names: &HashMap<String, FuncId>) -> Result<FuncId> {
    match c.peek() {
        Some(Tok::Func(n)) => match names.get(n) {
            Some(&id) => {
                c.next();
                Ok(id)
            }
            None => c.err(format!("unknown function @{n}")),
        },
        Some(t) => match entity_number(t, "fn") {
            Some(n) => {
                c.next();
                Ok(FuncId::from_u32(n))
            }
            None => c.expected("a function `@name`"),
        },
        None => c.expected("a function `@name`"),
    }
}

fn parse_item(m: &mut Module, names: &HashMap<String, FuncId>, line: &Line) -> Result<()> {
    let mut c = Cur::new(line);
    let kw = c.ident()?;
    match kw {
        "struct" => {
            let n = c.entity("s")?;
            if n as usize != m.structs.len() {
                c.pos -= 1;
                return c.err(format!(
                    "expected s{} (structs are numbered in order)",
                    m.structs.len()
                ));
            }
            let name = c.string_utf8()?;
            c.punct('{')?;
            let fields = c.list('}', |c| c.ty())?;
            m.structs.push(StructData { name, fields });
        }
        "gotype" => {
            let n = c.entity("t")?;
            if n as usize != m.go_types.len() {
                c.pos -= 1;
                return c.err(format!(
                    "expected t{} (go types are numbered in order)",
                    m.go_types.len()
                ));
            }
            let name = c.string_utf8()?;
            let kind = parse_kind(&mut c)?;
            let mut error_method = None;
            if c.peek() == Some(&Tok::Ident("error_method".into())) {
                c.next();
                error_method = Some(func_ref(&mut c, names)?);
            }
            let mut string_method = None;
            if c.peek() == Some(&Tok::Ident("string_method".into())) {
                c.next();
                string_method = Some(func_ref(&mut c, names)?);
            }
            let mut methods = Vec::new();
            if c.peek() == Some(&Tok::Ident("methods".into())) {
                c.next();
                while c.peek().is_some() {
                    methods.push(c.string_utf8()?);
                }
            }
            m.go_types.push(GoTypeDesc {
                name,
                kind,
                error_method,
                string_method,
                methods,
            });
        }
        "error_type" => m.error_type = Some(GoTypeId::from_u32(c.entity("t")?)),
        "global" => {
            let n = c.entity("g")?;
            if n as usize != m.globals.len() {
                c.pos -= 1;
                return c.err(format!(
                    "expected g{} (globals are numbered in order)",
                    m.globals.len()
                ));
            }
            let name = c.string_utf8()?;
            c.punct(':')?;
            let ty = c.ty()?;
            m.globals.push(GlobalData { name, ty });
        }
        "init" => m.init = Some(func_ref(&mut c, names)?),
        "main" => m.main = Some(func_ref(&mut c, names)?),
        "benchmark" => {
            let name = c.string_utf8()?;
            let f = func_ref(&mut c, names)?;
            m.benchmarks.push((name, f));
        }
        _ => {
            c.pos -= 1;
            return c.err(format!("unknown declaration `{kw}`"));
        }
    }
    c.end()
}

fn parse_kind(c: &mut Cur) -> Result<GoKind> {
    let col_pos = c.pos;
    let kw = c.ident()?;
    let int = |s: &str, signed: bool| -> Option<GoKind> {
        let bits: u8 = s.parse().ok()?;
        Some(GoKind::Int { bits, signed })
    };
    Ok(match kw {
        "bool" => GoKind::Bool,
        "float32" => GoKind::Float { bits: 32 },
        "float64" => GoKind::Float { bits: 64 },
        "string" => GoKind::String,
        "func" => GoKind::Func,
        "any" => GoKind::EmptyInterface,
        "error" => GoKind::Error,
        "iface" => GoKind::Interface,
        "runtime_error" => GoKind::RuntimeError,
        "slice" => GoKind::Slice(GoTypeId::from_u32(c.entity("t")?)),
        "pointer" => GoKind::Pointer(GoTypeId::from_u32(c.entity("t")?)),
        "array" => {
            let n = match c.next() {
                Some(Tok::Int(n)) if *n >= 0 => *n as u64,
                _ => {
                    c.pos -= 1;
                    return c.expected("an array length");
                }
            };
            GoKind::Array(GoTypeId::from_u32(c.entity("t")?), n)
        }
        "map" => {
            let k = GoTypeId::from_u32(c.entity("t")?);
            GoKind::Map(k, GoTypeId::from_u32(c.entity("t")?))
        }
        "struct" => {
            c.punct('{')?;
            let fields = c.list('}', |c| {
                let n = c.string_utf8()?;
                Ok((n, GoTypeId::from_u32(c.entity("t")?)))
            })?;
            GoKind::Struct(fields)
        }
        _ => {
            let k = if let Some(b) = kw.strip_prefix("uint") {
                int(b, false)
            } else if let Some(b) = kw.strip_prefix("int") {
                int(b, true)
            } else {
                None
            };
            match k {
                Some(k) => k,
                None => {
                    c.pos = col_pos;
                    return c.err(format!("unknown go type kind `{kw}`"));
                }
            }
        }
    })
}

/// A block as read: its number, its parameters, and indices into the `RawInst`s.
type RawBlock = (Block, Vec<(Value, Type)>, Vec<usize>, ScopeId);

/// An instruction as read, before values get their types.
struct RawInst {
    data: InstData,
    results: Vec<(Value, Option<Type>)>,
    /// `call_indirect`'s `-> types`.
    explicit: Option<Vec<Type>>,
    loc: SrcLoc,
    /// `; 12:3 var x`: the variable an `alloc` cell holds.
    var_name: String,
    line: u32,
    col: u32,
}

fn parse_body(
    m: &Module,
    names: &HashMap<String, FuncId>,
    mut f: Function,
    lines: &[Line],
) -> Result<Function> {
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut raws: Vec<RawInst> = Vec::new();
    for line in lines {
        let mut c = Cur::new(line);
        let first = &line.toks[0].0;
        if entity_number(first, "scope").is_some()
            && line.toks.get(1).map(|t| &t.0) == Some(&Tok::Punct('='))
        {
            if !blocks.is_empty() || !f.defers.is_empty() {
                return c.err("defer scopes are declared before deferred calls and blocks");
            }
            parse_scope_decl(&mut f, names, &mut c)?;
            continue;
        }
        if entity_number(first, "d").is_some()
            && line.toks.get(2).map(|t| &t.0) == Some(&Tok::Ident("defer".into()))
        {
            if !blocks.is_empty() {
                return c.err("deferred calls are declared before the first block");
            }
            parse_defer_decl(&mut f, names, &mut c)?;
            continue;
        }
        if let Some(n) = entity_number(first, "block") {
            c.next();
            let mut params = Vec::new();
            if c.eat_punct('(') {
                params = c.list(')', |c| {
                    let v = c.value()?;
                    c.punct(':')?;
                    Ok((v, c.ty()?))
                })?;
            }
            let scope = if c.peek() == Some(&Tok::Ident("in".into())) {
                c.next();
                scope_ref(&f, &mut c)?
            } else {
                ScopeId::ROOT
            };
            c.punct(':')?;
            c.end()?;
            let b = Block::from_u32(n);
            if blocks.iter().any(|(x, _, _, _)| *x == b) {
                return Cur::new(line).err(format!("{b} is defined twice"));
            }
            blocks.push((b, params, Vec::new(), scope));
            continue;
        }
        let Some(last) = blocks.last_mut() else {
            return c.err("an instruction outside any block");
        };
        last.2.push(raws.len());
        raws.push(parse_inst(names, &mut c)?);
    }

    // Values: placeholders up to the highest number, then the real definitions.
    let max_value = blocks
        .iter()
        .flat_map(|(_, ps, _, _)| ps.iter().map(|p| p.0))
        .chain(raws.iter().flat_map(|r| {
            r.results
                .iter()
                .map(|p| p.0)
                .chain(r.data.args.iter().copied())
                .chain(r.data.targets.iter().flat_map(|t| t.args.iter().copied()))
        }))
        .map(|v| v.index() + 1)
        .max()
        .unwrap_or(0);
    let placeholder = ValueData {
        ty: Type::I64,
        def: ValueDef::Result(Inst::reserved_value(), 0),
    };
    for _ in 0..max_value {
        f.dfg.values.push(placeholder);
    }
    let mut defined: Vec<bool> = vec![false; max_value];
    let max_block = blocks
        .iter()
        .map(|b| b.0)
        .chain(
            raws.iter()
                .flat_map(|r| r.data.targets.iter().map(|t| t.block)),
        )
        .map(|b| b.index() + 1)
        .max()
        .unwrap_or(0);
    while f.dfg.blocks.len() < max_block {
        f.dfg.make_block();
    }
    let dup = |r: &RawInst, v: Value| ParseError {
        line: r.line,
        col: r.col,
        message: format!("{v} is defined twice"),
    };
    for (b, params, _, scope) in &blocks {
        f.dfg.blocks[*b].scope = *scope;
        for (i, &(v, ty)) in params.iter().enumerate() {
            if std::mem::replace(&mut defined[v.index()], true) {
                let line = lines
                    .iter()
                    .find(|l| entity_number(&l.toks[0].0, "block") == Some(b.as_u32()));
                return Err(ParseError {
                    line: line.map_or(0, |l| l.no),
                    col: 1,
                    message: format!("{v} is defined twice"),
                });
            }
            f.dfg.values[v] = ValueData {
                ty,
                def: ValueDef::Param(*b, i as u32),
            };
            f.dfg.blocks[*b].params.push(v);
        }
    }
    let mut insts = Vec::with_capacity(raws.len());
    for r in &raws {
        let inst = f.dfg.insts.push(r.data.clone());
        f.srclocs[inst] = r.loc;
        f.var_names[inst] = r.var_name.clone();
        let mut vs = Vec::new();
        for (i, &(v, _)) in r.results.iter().enumerate() {
            if std::mem::replace(&mut defined[v.index()], true) {
                return Err(dup(r, v));
            }
            f.dfg.values[v].def = ValueDef::Result(inst, i as u32);
            vs.push(v);
        }
        f.dfg.results[inst] = vs;
        insts.push(inst);
    }
    infer_types(m, &mut f, &raws, &defined)?;
    for (b, _, idx, _) in blocks {
        f.layout.blocks.push(b);
        f.layout.insts[b] = idx.iter().map(|&i| insts[i]).collect();
    }
    Ok(f)
}

/// Gives every instruction result its type: explicit annotations first, then the
/// typing rules, repeated until nothing changes (operand types become known as their
/// definitions are typed).
fn infer_types(m: &Module, f: &mut Function, raws: &[RawInst], defined: &[bool]) -> Result<()> {
    let mut known: Vec<Option<Type>> = vec![None; f.dfg.values.len()];
    for (v, vd) in f.dfg.values.iter() {
        if defined[v.index()] && matches!(vd.def, ValueDef::Param(..)) {
            known[v.index()] = Some(vd.ty);
        }
    }
    let mut pending: Vec<usize> = Vec::new();
    for (k, r) in raws.iter().enumerate() {
        if let Some(tys) = &r.explicit {
            if tys.len() != r.results.len() {
                return Err(ParseError {
                    line: r.line,
                    col: r.col,
                    message: format!("{} results but {} result types", r.results.len(), tys.len()),
                });
            }
            for (&(v, _), &t) in r.results.iter().zip(tys) {
                known[v.index()] = Some(t);
            }
        } else if r.results.iter().all(|(_, t)| t.is_some()) {
            for &(v, t) in &r.results {
                known[v.index()] = t;
            }
        } else {
            pending.push(k);
        }
    }
    loop {
        let before = pending.len();
        pending.retain(|&k| {
            let r = &raws[k];
            let arg_ty = |v: Value| known.get(v.index()).copied().flatten();
            match crate::typing::result_types(m, &r.data, &arg_ty) {
                Some(tys) if tys.len() == r.results.len() => {
                    for (&(v, ann), t) in r.results.iter().zip(tys) {
                        known[v.index()] = Some(ann.unwrap_or(t));
                    }
                    false
                }
                _ => true,
            }
        });
        if pending.is_empty() || pending.len() == before {
            break;
        }
    }
    if let Some(&k) = pending.first() {
        let r = &raws[k];
        let arg_ty = |v: Value| known.get(v.index()).copied().flatten();
        let message = match crate::typing::result_types(m, &r.data, &arg_ty) {
            Some(tys) => format!(
                "{} produces {} results, the text names {}",
                r.data.opcode,
                tys.len(),
                r.results.len()
            ),
            None => format!(
                "cannot infer the result types of this {} (write them as `vN: type`)",
                r.data.opcode
            ),
        };
        return Err(ParseError {
            line: r.line,
            col: r.col,
            message,
        });
    }
    for (v, t) in known.into_iter().enumerate() {
        if let Some(t) = t {
            f.dfg.values[Value::new(v)].ty = t;
        }
    }
    Ok(())
}

/// `d0 = defer direct @work(i64) frame_record inlined @g ; 21:19`
fn parse_defer_decl(f: &mut Function, names: &HashMap<String, FuncId>, c: &mut Cur) -> Result<()> {
    let n = c.entity("d")?;
    if n as usize != f.defers.len() {
        c.pos -= 1;
        return c.err(format!(
            "expected d{} (deferred calls are numbered in order)",
            f.defers.len()
        ));
    }
    c.punct('=')?;
    c.keyword("defer")?;
    let callee = match c.ident()? {
        "direct" => DeferCallee::Direct(func_ref(c, names)?),
        "closure" => DeferCallee::Closure(func_ref(c, names)?),
        "indirect" => DeferCallee::Indirect,
        _ => {
            c.pos -= 1;
            return c.expected("`direct`, `closure` or `indirect`");
        }
    };
    c.punct('(')?;
    let arg_types = c.list(')', |c| c.ty())?;
    let results = result_types(c)?;
    let mut strategy = None;
    if let Some(Tok::Ident(s)) = c.peek() {
        strategy = match s.as_str() {
            "frame_record" => Some(DeferStrategy::FrameRecord),
            "chain_record" => Some(DeferStrategy::ChainRecord),
            "open_coded" => Some(DeferStrategy::OpenCoded),
            _ => None,
        };
        if strategy.is_some() {
            c.next();
        }
    }
    let mut scope = ScopeId::ROOT;
    if c.peek() == Some(&Tok::Ident("in".into())) {
        c.next();
        scope = scope_ref(f, c)?;
    }
    c.end()?;
    f.defers.push(DeferData {
        callee,
        arg_types,
        results,
        origin: comment_loc(c.line),
        call_at: comment_call_loc(c.line),
        scope,
        strategy,
    });
    Ok(())
}

/// `scope1 = inlined @g in scope0 ; 30:5`: the scope of a body inlined at 30:5 into
/// code of `scope0`.
fn parse_scope_decl(f: &mut Function, names: &HashMap<String, FuncId>, c: &mut Cur) -> Result<()> {
    let n = c.entity("scope")?;
    if n as usize != f.scopes.len() {
        c.pos -= 1;
        return c.err(format!(
            "expected scope{} (scopes are numbered in order; scope0 is implicit)",
            f.scopes.len()
        ));
    }
    c.punct('=')?;
    let mut data = ScopeData::default();
    if c.peek() == Some(&Tok::Ident("inlined".into())) {
        c.next();
        let callee = func_ref(c, names)?;
        data.inlined = Some(InlinedAt {
            callee,
            call: comment_loc(c.line),
        });
    }
    c.keyword("in")?;
    data.parent = Some(scope_ref(f, c)?);
    c.end()?;
    f.scopes.push(data);
    Ok(())
}

/// A reference to an already declared scope, `scopeN`.
fn scope_ref(f: &Function, c: &mut Cur) -> Result<ScopeId> {
    let n = c.entity("scope")?;
    if n as usize >= f.scopes.len() {
        c.pos -= 1;
        return c.err(format!("scope{n} is not declared"));
    }
    Ok(ScopeId::from_u32(n))
}

/// An optional `-> t1, t2` result list (function headers and defer declarations).
fn result_types(c: &mut Cur) -> Result<Vec<Type>> {
    let mut results = Vec::new();
    if c.peek() == Some(&Tok::Arrow) {
        c.next();
        results.push(c.ty()?);
        while c.eat_punct(',') {
            results.push(c.ty()?);
        }
    }
    Ok(results)
}

const CONDS: [IntCC; 10] = IntCC::ALL;

/// `[results =] opcode[.type] [cond|bound] operands, targets`
fn parse_inst(names: &HashMap<String, FuncId>, c: &mut Cur) -> Result<RawInst> {
    let (line, col) = (c.line.no, c.col());
    let mut results = Vec::new();
    if c.peek().and_then(|t| entity_number(t, "v")).is_some()
        && matches!(c.peek2(), Some(Tok::Punct(',' | '=' | ':')))
    {
        loop {
            let v = c.value()?;
            let ty = if c.eat_punct(':') {
                Some(c.ty()?)
            } else {
                None
            };
            results.push((v, ty));
            if c.eat_punct('=') {
                break;
            }
            c.punct(',')?;
        }
    }
    let op_col = c.pos;
    let word = c.ident()?;
    let (name, ty) = match word.split_once('.') {
        Some((n, t)) => (n, Some(t)),
        None => (word, None),
    };
    let Some(opcode) = Opcode::from_name(name) else {
        c.pos = op_col;
        return c.err(format!("unknown opcode `{name}`"));
    };
    let mut data = InstData::new(opcode);
    if let Some(t) = ty {
        match parse_type(t) {
            Some(t) => data.ty = Some(t),
            None => {
                c.pos = op_col;
                return c.err(format!("unknown type `{t}`"));
            }
        }
    }
    let mut explicit = None;
    let mut need_comma = false;
    while !c.at_end() {
        if need_comma {
            c.punct(',')?;
        }
        need_comma = true;
        let tok = c.peek().expect("not at end");
        let set_imm = |c: &Cur, data: &mut InstData, imm: Imm| -> Result<()> {
            if data.imm != Imm::None {
                return c.err("a second immediate operand");
            }
            data.imm = imm;
            Ok(())
        };
        match tok {
            Tok::Ident(s) => {
                if let Some(n) = entity_number(tok, "v") {
                    c.next();
                    data.args.push(Value::from_u32(n));
                    if c.eat_punct('(') {
                        // call_indirect fv(args) [-> types]
                        let rest = c.list(')', |c| c.value())?;
                        data.args.extend(rest);
                        if c.peek() == Some(&Tok::Arrow) {
                            c.next();
                            let mut tys = vec![c.ty()?];
                            while c.eat_punct(',') {
                                tys.push(c.ty()?);
                            }
                            explicit = Some(tys);
                        } else {
                            explicit = Some(Vec::new());
                        }
                    }
                } else if let Some(n) = entity_number(tok, "block") {
                    c.next();
                    let args = if c.eat_punct('(') {
                        c.list(')', |c| c.value())?
                    } else {
                        Vec::new()
                    };
                    data.targets.push(BlockCall {
                        block: Block::from_u32(n),
                        args,
                    });
                } else if let Some(n) = entity_number(tok, "scope") {
                    c.next();
                    set_imm(c, &mut data, Imm::Scope(ScopeId::from_u32(n)))?;
                } else if let Some(n) = entity_number(tok, "d") {
                    c.next();
                    set_imm(c, &mut data, Imm::Defer(DeferId::from_u32(n)))?;
                    c.punct('(')?;
                    let args = c.list(')', |c| c.value())?;
                    data.args.extend(args);
                } else if let Some(n) = entity_number(tok, "g") {
                    c.next();
                    set_imm(c, &mut data, Imm::Global(GlobalId::from_u32(n)))?;
                } else if let Some(n) = entity_number(tok, "t") {
                    c.next();
                    set_imm(c, &mut data, Imm::GoType(GoTypeId::from_u32(n)))?;
                } else if let Some((st, idx)) = field_ref(s) {
                    c.next();
                    set_imm(c, &mut data, Imm::Field(st, idx))?;
                } else if let Some(cc) = CONDS.iter().find(|cc| cc.name() == s) {
                    c.next();
                    set_imm(c, &mut data, Imm::Cond(*cc))?;
                    need_comma = false;
                } else if (s == "cap" || s == "len") && c.peek2() != Some(&Tok::Punct('(')) {
                    c.next();
                    let b = if s == "cap" {
                        BoundKind::Cap
                    } else {
                        BoundKind::Len
                    };
                    set_imm(c, &mut data, Imm::Bound(b))?;
                    need_comma = false;
                } else if let Some(rt) = RtFunc::from_name(s) {
                    c.next();
                    set_imm(c, &mut data, Imm::Rt(rt))?;
                    c.punct('(')?;
                    let args = c.list(')', |c| c.value())?;
                    data.args.extend(args);
                } else if let Some(n) = entity_number(tok, "fn") {
                    c.next();
                    set_imm(c, &mut data, Imm::Func(FuncId::from_u32(n)))?;
                    if c.eat_punct('(') {
                        let args = c.list(')', |c| c.value())?;
                        data.args.extend(args);
                    }
                } else {
                    return c.err(format!("unexpected operand `{s}`"));
                }
            }
            Tok::Func(_) => {
                let f = func_ref(c, names)?;
                set_imm(c, &mut data, Imm::Func(f))?;
                if c.eat_punct('(') {
                    let args = c.list(')', |c| c.value())?;
                    data.args.extend(args);
                }
            }
            Tok::Int(i) => {
                let i = *i;
                c.next();
                let imm = if matches!(
                    opcode,
                    Opcode::StructGet | Opcode::StructSet | Opcode::EnvGet
                ) {
                    match u32::try_from(i) {
                        Ok(i) => Imm::Index(i),
                        Err(_) => {
                            c.pos -= 1;
                            return c.err("index out of range");
                        }
                    }
                } else {
                    Imm::Int(i)
                };
                set_imm(c, &mut data, imm)?;
            }
            Tok::Str(b) => {
                let b = b.clone();
                c.next();
                set_imm(c, &mut data, Imm::Str(b))?;
            }
            _ => return c.expected("an operand"),
        }
    }
    Ok(RawInst {
        data,
        results,
        explicit,
        loc: comment_loc(c.line),
        var_name: comment_var(c.line),
        line,
        col,
    })
}

/// `s3.2`: field 2 of struct `s3`.
fn field_ref(s: &str) -> Option<(StructId, u32)> {
    let (st, idx) = s.split_once('.')?;
    let n = entity_number(&Tok::Ident(st.to_string()), "s")?;
    Some((StructId::from_u32(n), idx.parse().ok()?))
}
