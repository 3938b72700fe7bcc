//! `defer_lower`: implements every `defer` and `run_defers` with records linked into a
//! per-frame chain, so codegen never sees either.
//!
//! **Requires:** a verified function; `defer dN(args)` instructions whose `DeferData`
//! says what they call and which scope they belong to; `run_defers sK` at every exit of
//! scope `sK` that must run its pending deferred calls (the builder tests `panicking`
//! after it); an entry block that is no branch target (the verifier checks it), so code
//! at its start runs once per call.
//!
//! **Establishes:** no `defer` or `run_defers` remains (`Property::DefersLowered`);
//! every `DeferData` that had a `defer` instruction has its `strategy` set
//! (`FrameRecord` or `ChainRecord`); `module.structs` holds one record layout per lowered
//! deferred call site and the shared `defer record` header.
//!
//! **Remarks** (at the `defer` statement, in gc's `-d=defer` words):
//! `stack-allocated defer` (frame record), `heap-allocated defer` (chain record).
//!
//! The lowering. Each defer scope with deferred calls gets, first thing in the entry
//! block, a zeroed cell `head = stack_alloc.ptr` holding the scope's newest record (null
//! when none is pending): one chain per scope, so the `run_defers` of an inlined body
//! runs that body's calls and never the caller's.
//! A record is the struct `{link: ptr, site: i64, args...}` where `site` is the
//! `DeferId`'s index. A `defer` that is on no CFG cycle runs at most once per call, so its
//! record is a `stack_alloc` in the frame (frame record); one on a cycle (a loop body)
//! may run any number of times, so its record comes from `rtcall defer_alloc(size)`
//! and returns to the runtime's free list with `defer_free` when it runs (chain record).
//! Either way the `defer` becomes: fill `link` with `load head`, `site`, the arguments;
//! `store head, rec`.
//!
//! `run_defers sK` becomes a loop over `sK`'s chain (or nothing, when no deferred call
//! of `sK` is ever pushed): pop the newest record (`head = rec.link`), dispatch on
//! its `site` among the scope's sites with a chain of `icmp eq` + `brif` to that site's
//! block, which loads the
//! arguments (and frees a chain record), then runs the call between `tok = defer_enter`
//! and `defer_exit tok`; loop until `head` is null, then continue after the old
//! `run_defers`. There is no `panicking` test inside the loop: `defer_enter` hands the
//! call the token of the panic in progress and clears the flag, `defer_exit` completes a
//! recovery or resumes the panic (a deferred call that panics makes the remaining calls
//! run with the new panic's token), and the builder tests `panicking` after the loop.
//! A direct callee is called as `call @f(null, tok, args...)`; a closure callee as
//! `call @f(obj, tok, args...)` with its closure object as `env`; a function value as
//! `call_indirect fv(tok, args...)`, after a nil test that raises Go's nil dereference
//! panic inside the deferred call (a deferred nil func panics when it would run). The
//! callee's results are discarded.

use crate::PassContext;
use ir::dominance::cyclic_blocks;
use ir::types::layout;
use ir::{
    Block, BlockCall, DeferCallee, DeferId, DeferStrategy, FuncId, Function, Imm, Inst, InstData,
    IntCC, Module, Opcode, RtFunc, ScopeId, SecondaryMap, Signature, SrcLoc, StructData, StructId,
    Type, Value,
};

/// The name of the record header layout `{link: ptr, site: i64}` shared by all records.
pub const HEADER: &str = "defer record";

pub fn run(m: &mut Module, cx: &mut PassContext) {
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        let f = &m.funcs[id];
        if !f.contains(Opcode::Defer) && !f.contains(Opcode::RunDefers) {
            continue;
        }
        // Callee results are needed while the function is out of the module (it may
        // defer a call to itself).
        let callee_results: SecondaryMap<DeferId, Vec<Type>> = {
            let mut r = SecondaryMap::new();
            for (d, data) in f.defers.iter() {
                if let Some(fid) = data.callee.func() {
                    r[d] = m
                        .funcs
                        .get(fid)
                        .map(|c| c.sig.results.clone())
                        .unwrap_or_default();
                }
            }
            r
        };
        let placeholder = Function::new(String::new(), Signature::default());
        let mut f = std::mem::replace(&mut m.funcs[id], placeholder);
        lower_function(m, &mut f, &callee_results, cx);
        m.funcs[id] = f;
    }
}

fn lower_function(
    m: &mut Module,
    f: &mut Function,
    callee_results: &SecondaryMap<DeferId, Vec<Type>>,
    cx: &mut PassContext,
) {
    let defers: Vec<(Block, Inst)> = find(f, Opcode::Defer);
    if defers.is_empty() {
        // Nothing is ever pushed: every `run_defers` is a no-op.
        for (b, i) in find(f, Opcode::RunDefers) {
            f.layout.insts[b].retain(|&x| x != i);
        }
        return;
    }

    // Strategy per deferred call site: a chain record if any of its `defer`s is on a cycle.
    let cyclic = cyclic_blocks(f);
    let mut used: Vec<DeferId> = Vec::new();
    let mut chain: SecondaryMap<DeferId, bool> = SecondaryMap::new();
    for &(b, i) in &defers {
        let Imm::Defer(d) = f.dfg.insts[i].imm else {
            continue;
        };
        if !used.contains(&d) {
            used.push(d);
        }
        chain[d] |= cyclic[b];
    }
    used.sort();

    let header = header_struct(m);
    let mut record: SecondaryMap<DeferId, Option<StructId>> = SecondaryMap::new();
    for &d in &used {
        let mut fields = vec![Type::Ptr, Type::I64];
        fields.extend(&f.defers[d].arg_types);
        let s = m.structs.push(StructData {
            name: format!("defer {} {d}", f.name),
            fields,
        });
        record[d] = Some(s);
        let (strategy, msg) = if chain[d] {
            (DeferStrategy::ChainRecord, "heap-allocated defer")
        } else {
            (DeferStrategy::FrameRecord, "stack-allocated defer")
        };
        f.defers[d].strategy = Some(strategy);
        cx.remark(&f.name, f.defers[d].origin, msg);
    }

    let mut lw = Lowering {
        m,
        f,
        heads: SecondaryMap::new(),
        header,
        record,
        chain,
        used,
        callee_results,
    };
    lw.entry_head();
    for (b, i) in defers {
        lw.lower_defer(b, i);
    }
    while let Some(&(b, i)) = find(lw.f, Opcode::RunDefers).first() {
        lw.lower_run_defers(b, i);
    }
}

/// Every placed instruction with this opcode, in layout order.
fn find(f: &Function, op: Opcode) -> Vec<(Block, Inst)> {
    let mut out = Vec::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            if f.dfg.insts[i].opcode == op {
                out.push((b, i));
            }
        }
    }
    out
}

/// The shared `{link, site}` layout, created once per module.
fn header_struct(m: &mut Module) -> StructId {
    let fields = vec![Type::Ptr, Type::I64];
    if let Some((s, _)) = m
        .structs
        .iter()
        .find(|(_, sd)| sd.name == HEADER && sd.fields == fields)
    {
        return s;
    }
    m.structs.push(StructData {
        name: HEADER.to_string(),
        fields,
    })
}

struct Lowering<'a> {
    m: &'a Module,
    f: &'a mut Function,
    /// Per scope with deferred calls, the cell holding its newest record.
    heads: SecondaryMap<ScopeId, Option<Value>>,
    header: StructId,
    record: SecondaryMap<DeferId, Option<StructId>>,
    chain: SecondaryMap<DeferId, bool>,
    /// The deferred call sites with a `defer` instruction, in index order.
    used: Vec<DeferId>,
    callee_results: &'a SecondaryMap<DeferId, Vec<Type>>,
}

/// Instructions built for one block, placed by the caller.
struct Seq {
    insts: Vec<Inst>,
    loc: SrcLoc,
}

impl Seq {
    fn new(loc: SrcLoc) -> Seq {
        Seq {
            insts: Vec::new(),
            loc,
        }
    }
    fn inst(&mut self, f: &mut Function, data: InstData, results: &[Type]) -> Inst {
        let i = f.dfg.make_inst(data, results);
        f.srclocs[i] = self.loc;
        self.insts.push(i);
        i
    }
    fn val(&mut self, f: &mut Function, data: InstData, ty: Type) -> Value {
        let i = self.inst(f, data, &[ty]);
        f.dfg.first_result(i)
    }
    fn iconst(&mut self, f: &mut Function, n: i64) -> Value {
        let d = InstData::new(Opcode::Iconst).ty(Type::I64).imm(Imm::Int(n));
        self.val(f, d, Type::I64)
    }
    fn field_addr(&mut self, f: &mut Function, p: Value, s: StructId, i: u32) -> Value {
        let d = InstData::new(Opcode::FieldAddr)
            .args(&[p])
            .imm(Imm::Field(s, i));
        self.val(f, d, Type::Ptr)
    }
    fn load(&mut self, f: &mut Function, ty: Type, p: Value) -> Value {
        self.val(f, InstData::new(Opcode::Load).ty(ty).args(&[p]), ty)
    }
    fn store(&mut self, f: &mut Function, p: Value, v: Value) {
        self.inst(f, InstData::new(Opcode::Store).args(&[p, v]), &[]);
    }
    fn jump(&mut self, f: &mut Function, to: Block) {
        let d = InstData::new(Opcode::Jump).targets(vec![Function::target(to, &[])]);
        self.inst(f, d, &[]);
    }
    fn brif(&mut self, f: &mut Function, c: Value, then: Block, els: Block) {
        let targets: Vec<BlockCall> = vec![Function::target(then, &[]), Function::target(els, &[])];
        let d = InstData::new(Opcode::Brif).args(&[c]).targets(targets);
        self.inst(f, d, &[]);
    }
    fn icmp_eq(&mut self, f: &mut Function, ty: Type, a: Value, b: Value) -> Value {
        let d = InstData::new(Opcode::Icmp)
            .ty(ty)
            .imm(Imm::Cond(IntCC::Eq))
            .args(&[a, b]);
        self.val(f, d, Type::Bool)
    }
    fn zero(&mut self, f: &mut Function, ty: Type) -> Value {
        self.val(f, InstData::new(Opcode::Zero).ty(ty), ty)
    }
    /// Places the instructions at the end of `b`.
    fn append_to(self, f: &mut Function, b: Block) {
        f.layout.insts[b].extend(self.insts);
    }
}

impl Lowering<'_> {
    /// `head = stack_alloc.ptr` first in the entry block, one per scope that has a
    /// deferred call.
    fn entry_head(&mut self) {
        let entry = self
            .f
            .entry()
            .expect("a verified function has an entry block");
        let mut scopes: Vec<ScopeId> = self.used.iter().map(|&d| self.f.defers[d].scope).collect();
        scopes.sort();
        scopes.dedup();
        let mut s = Seq::new(self.f.loc);
        for sc in scopes {
            let head = s.val(
                self.f,
                InstData::new(Opcode::StackAlloc).ty(Type::Ptr),
                Type::Ptr,
            );
            self.heads[sc] = Some(head);
        }
        self.f.layout.insts[entry].splice(0..0, s.insts);
    }

    /// The head cell of the chain of `d`'s scope.
    fn head_of(&self, d: DeferId) -> Value {
        self.heads[self.f.defers[d].scope].expect("every used site's scope has a head")
    }

    /// Replaces `defer dN(args)` with filling a record and pushing it.
    fn lower_defer(&mut self, b: Block, inst: Inst) {
        let data = self.f.dfg.insts[inst].clone();
        let Imm::Defer(d) = data.imm else { return };
        let rs = self.record[d].expect("every used site has a record layout");
        let head = self.head_of(d);
        let loc = match self.f.srclocs[inst] {
            l if l.line != 0 => l,
            _ => self.f.defers[d].origin,
        };
        let f = &mut *self.f;
        let mut s = Seq::new(loc);
        let rec = if self.chain[d] {
            let size = layout(self.m, Type::Struct(rs)).0;
            let n = s.iconst(f, i64::from(size));
            let call = InstData::new(Opcode::RtCall)
                .imm(Imm::Rt(RtFunc::DeferAlloc))
                .args(&[n]);
            s.val(f, call, Type::Ptr)
        } else {
            s.val(
                f,
                InstData::new(Opcode::StackAlloc).ty(Type::Struct(rs)),
                Type::Ptr,
            )
        };
        let link = s.field_addr(f, rec, rs, 0);
        let old = s.load(f, Type::Ptr, head);
        s.store(f, link, old);
        let site_addr = s.field_addr(f, rec, rs, 1);
        let site = s.iconst(f, d.as_u32() as i64);
        s.store(f, site_addr, site);
        for (j, &a) in data.args.iter().enumerate() {
            let addr = s.field_addr(f, rec, rs, j as u32 + 2);
            s.store(f, addr, a);
        }
        s.store(f, head, rec);
        let insts = &mut f.layout.insts[b];
        let pos = insts
            .iter()
            .position(|&x| x == inst)
            .expect("defer is placed");
        insts.splice(pos..=pos, s.insts);
    }

    /// Replaces `run_defers sK` (at `inst` in `b`) with the pop-and-dispatch loop over
    /// `sK`'s chain, or with nothing when `sK` has no deferred call.
    fn lower_run_defers(&mut self, b: Block, inst: Inst) {
        let loc = self.f.srclocs[inst];
        let scope = match self.f.dfg.insts[inst].imm {
            Imm::Scope(sc) => sc,
            _ => ScopeId::ROOT,
        };
        let used: Vec<DeferId> = self
            .used
            .iter()
            .copied()
            .filter(|&d| self.f.defers[d].scope == scope)
            .collect();
        let Some(head) = self.heads[scope] else {
            self.f.layout.insts[b].retain(|&x| x != inst);
            return;
        };
        let f = &mut *self.f;
        let pos = f.layout.insts[b]
            .iter()
            .position(|&x| x == inst)
            .expect("run_defers is placed");
        let rest: Vec<Inst> = f.layout.insts[b].split_off(pos + 1);
        f.layout.insts[b].pop(); // run_defers itself
        let mut new_blocks = Vec::new();
        let mut block = |f: &mut Function| {
            let nb = f.dfg.make_block();
            new_blocks.push(nb);
            nb
        };
        let looph = block(f);
        let pop = block(f);
        // With n sites, pop tests sites 0..n-1 in turn: pop and n-2 more check blocks
        // each end in `brif site == k`; the last check's else branch is the last site.
        let n = used.len();
        let checks: Vec<Block> = (0..n.saturating_sub(2)).map(|_| block(f)).collect();
        let sites: Vec<(DeferId, Block)> = used.iter().map(|&d| (d, block(f))).collect();
        let mut s = Seq::new(loc);
        s.jump(f, looph);
        s.append_to(f, b);

        // loop: rec = load head; if rec == null goto cont else pop.
        let mut s = Seq::new(loc);
        let rec = s.load(f, Type::Ptr, head);
        let null = s.zero(f, Type::Ptr);
        let done = s.icmp_eq(f, Type::Ptr, rec, null);
        let mut tail = Vec::new(); // blocks after the sites: calls' helper blocks, cont
        let cont = f.dfg.make_block();
        s.brif(f, done, cont, pop);
        s.append_to(f, looph);

        // pop: head = rec.link; dispatch on rec.site.
        let mut s = Seq::new(loc);
        let link = s.field_addr(f, rec, self.header, 0);
        let next = s.load(f, Type::Ptr, link);
        s.store(f, head, next);
        if n == 1 {
            // A single site needs no dispatch.
            s.jump(f, sites[0].1);
            s.append_to(f, pop);
        } else {
            let site_addr = s.field_addr(f, rec, self.header, 1);
            let site = s.load(f, Type::I64, site_addr);
            for k in 0..n - 1 {
                let at = if k == 0 { pop } else { checks[k - 1] };
                let els = if k == n - 2 {
                    sites[n - 1].1
                } else {
                    checks[k]
                };
                let c = s.iconst(f, sites[k].0.as_u32() as i64);
                let eq = s.icmp_eq(f, Type::I64, site, c);
                s.brif(f, eq, sites[k].1, els);
                s.append_to(f, at);
                s = Seq::new(loc);
            }
        }

        // One block per site: load the arguments, free a chain record, call.
        for &(d, sb) in &sites {
            let rs = self.record[d].expect("every used site has a record layout");
            let data = &f.defers[d];
            let (callee, arg_types) = (data.callee, data.arg_types.clone());
            let mut s = Seq::new(loc);
            let mut args = Vec::new();
            for (j, &t) in arg_types.iter().enumerate() {
                let addr = s.field_addr(f, rec, rs, j as u32 + 2);
                args.push(s.load(f, t, addr));
            }
            if self.chain[d] {
                let free = InstData::new(Opcode::RtCall)
                    .imm(Imm::Rt(RtFunc::DeferFree))
                    .args(&[rec]);
                s.inst(f, free, &[]);
            }
            let tok = s.val(f, InstData::new(Opcode::DeferEnter), Type::I64);
            let known = match callee {
                DeferCallee::Direct(fid) => Some((fid, false)),
                DeferCallee::Closure(fid) => Some((fid, true)),
                DeferCallee::Indirect => None,
            };
            match known {
                Some((fid, closure)) => {
                    // A closure's object is its `env`; a plain function gets null.
                    let (env, rest) = if closure {
                        (args[0], &args[1..])
                    } else {
                        (s.zero(f, Type::Ptr), &args[..])
                    };
                    let mut call_args = vec![env, tok];
                    call_args.extend(rest);
                    let call = InstData::new(Opcode::Call)
                        .imm(Imm::Func(fid))
                        .args(&call_args);
                    s.inst(f, call, &self.callee_results[d]);
                    s.inst(f, InstData::new(Opcode::DeferExit).args(&[tok]), &[]);
                    s.jump(f, looph);
                    s.append_to(f, sb);
                }
                None => {
                    // A nil func value panics inside the deferred call.
                    let fv = args[0];
                    let nil = s.zero(f, Type::Func);
                    let is_nil = s.icmp_eq(f, Type::Func, fv, nil);
                    let (nil_b, call_b, exit_b) =
                        (f.dfg.make_block(), f.dfg.make_block(), f.dfg.make_block());
                    tail.extend([nil_b, call_b, exit_b]);
                    s.brif(f, is_nil, nil_b, call_b);
                    s.append_to(f, sb);

                    let mut s = Seq::new(loc);
                    s.inst(f, InstData::new(Opcode::CheckNil).args(&[fv]), &[]);
                    s.jump(f, exit_b);
                    s.append_to(f, nil_b);

                    let mut s = Seq::new(loc);
                    let mut call_args = vec![fv, tok];
                    call_args.extend(&args[1..]);
                    let results = f.defers[d].results.clone();
                    s.inst(
                        f,
                        InstData::new(Opcode::CallIndirect).args(&call_args),
                        &results,
                    );
                    s.jump(f, exit_b);
                    s.append_to(f, call_b);

                    let mut s = Seq::new(loc);
                    s.inst(f, InstData::new(Opcode::DeferExit).args(&[tok]), &[]);
                    s.jump(f, looph);
                    s.append_to(f, exit_b);
                }
            }
        }

        tail.push(cont);
        f.layout.insts[cont] = rest;
        new_blocks.extend(tail);
        let at = f
            .layout
            .blocks
            .iter()
            .position(|&x| x == b)
            .expect("block is laid out");
        f.layout.blocks.splice(at + 1..at + 1, new_blocks);
    }
}
