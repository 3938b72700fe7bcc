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
//! its `site` among the scope's sites (a chain of `icmp eq` + `brif`, after halving by
//! `icmp ult` over the sorted ids while more than `LINEAR_DISPATCH` remain) to that
//! site's block, which loads the arguments (and frees a chain record), then runs the
//! call between `tok = defer_enter` and `defer_exit tok`; loop until `head` is null, then continue after the old
//! `run_defers`. There is no `panicking` test inside the loop: `defer_enter` hands the
//! call the token of the panic in progress and clears the flag, `defer_exit` completes a
//! recovery or resumes the panic (a deferred call that panics makes the remaining calls
//! run with the new panic's token), and the builder tests `panicking` after the loop.
//! A direct callee is called as `call @f(null, tok, args...)`; a closure callee as
//! `call @f(obj, tok, args...)` with its closure object as `env`; a function value as
//! `call_indirect fv(tok, args...)`, after a nil test that raises Go's nil dereference
//! panic inside the deferred call (a deferred nil func panics when it would run). The
//! callee's results are discarded.

use crate::{deferred_call, PassContext};
use ir::dominance::cyclic_blocks;
use ir::types::layout;
use ir::{
    Block, DeferCallee, DeferId, DeferStrategy, FuncCursor, FuncId, Function, Imm, Inst, IntCC,
    Module, Opcode, RtFunc, ScopeId, SecondaryMap, Signature, SrcLoc, StructData, StructId, Type,
    Value,
};

/// At most this many sites are dispatched among by a chain of `site == k` tests; more
/// are split in halves by `site < k` first. A chain is cheaper while it is short: pops
/// come newest first, so its branches follow a pattern a predictor learns, and the
/// halving tests cost mispredictions (`Straight16` with `open_defer` off: 62 ns with a
/// chain, 70 ns with halving all the way down; `Straight64`: 520 and 358 ns).
const LINEAR_DISPATCH: usize = 8;

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
            FuncCursor::new(f).at_inst(b, i).remove_inst();
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

/// A cursor at the end of `b` whose instructions carry `loc`.
fn at_end(f: &mut Function, b: Block, loc: SrcLoc) -> FuncCursor<'_> {
    FuncCursor::new(f).at_end(b).with_srcloc(loc)
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
        let loc = self.f.loc;
        let mut c = FuncCursor::new(self.f).at_top(entry).with_srcloc(loc);
        for sc in scopes {
            self.heads[sc] = Some(c.stack_alloc(Type::Ptr));
        }
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
        let mut c = FuncCursor::new(self.f).at_inst(b, inst).with_srcloc(loc);
        let rec = if self.chain[d] {
            let size = layout(self.m, Type::Struct(rs)).0;
            let n = c.iconst(Type::I64, i64::from(size));
            let alloc = c.rtcall(RtFunc::DeferAlloc, &[n]);
            c.func.dfg.first_result(alloc)
        } else {
            c.stack_alloc(Type::Struct(rs))
        };
        let link = c.field_addr(rec, rs, 0);
        let old = c.load(Type::Ptr, head);
        c.store(link, old);
        let site_addr = c.field_addr(rec, rs, 1);
        let site = c.iconst(Type::I64, d.as_u32() as i64);
        c.store(site_addr, site);
        for (j, &a) in data.args.iter().enumerate() {
            let addr = c.field_addr(rec, rs, j as u32 + 2);
            c.store(addr, a);
        }
        c.store(head, rec);
        c.remove_inst();
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
            FuncCursor::new(self.f).at_inst(b, inst).remove_inst();
            return;
        };
        let f = &mut *self.f;
        let mut new_blocks = Vec::new();
        let mut block = |f: &mut Function| {
            let nb = f.dfg.make_block();
            new_blocks.push(nb);
            nb
        };
        let looph = block(f);
        let pop = block(f);
        // With n sites, dispatch is n-1 tests: pop is the first, n-2 check blocks hold
        // the others. Up to LINEAR_DISPATCH sites are tested in turn (`site == k`, the
        // last is the final else); more are halved first by `site < k` over the sorted
        // ids, so a pop makes about log2(n/8) + 8 tests at most, not up to n-1.
        let n = used.len();
        let checks: Vec<Block> = (0..n.saturating_sub(2)).map(|_| block(f)).collect();
        let sites: Vec<(DeferId, Block)> = used.iter().map(|&d| (d, block(f))).collect();
        let mut tail = Vec::new(); // blocks after the sites: calls' helper blocks, cont
        let cont = f.dfg.make_block();

        // The rest of `b` after run_defers moves to cont; b jumps to the loop.
        let mut c = FuncCursor::new(f).at_inst(b, inst).with_srcloc(loc);
        c.remove_inst();
        c.split_block(cont);
        c.jump(looph, &[]);

        // loop: rec = load head; if rec == null goto cont else pop.
        let mut c = at_end(f, looph, loc);
        let rec = c.load(Type::Ptr, head);
        let null = c.zero(Type::Ptr);
        let done = c.icmp(IntCC::Eq, Type::Ptr, rec, null);
        c.brif(done, cont, pop);

        // pop: head = rec.link; dispatch on rec.site.
        let mut c = at_end(f, pop, loc);
        let link = c.field_addr(rec, self.header, 0);
        let next = c.load(Type::Ptr, link);
        c.store(head, next);
        if n == 1 {
            // A single site needs no dispatch.
            c.jump(sites[0].1, &[]);
        } else {
            let site_addr = c.field_addr(rec, self.header, 1);
            let site = c.load(Type::I64, site_addr);
            // (block, sites lo..hi) still to dispatch among; every test but the root's
            // takes the next spare check block.
            let mut spare = checks.iter().copied();
            let mut work = vec![(pop, 0, n)];
            while let Some((at, lo, hi)) = work.pop() {
                if hi - lo <= LINEAR_DISPATCH {
                    // `site == k` for each but the last, which is the final else.
                    let mut at = at;
                    for k in lo..hi - 1 {
                        let els = if k == hi - 2 {
                            sites[hi - 1].1
                        } else {
                            spare.next().expect("n-2 check blocks for n-1 tests")
                        };
                        c.goto_end(at);
                        let want = c.iconst(Type::I64, sites[k].0.as_u32() as i64);
                        let eq = c.icmp(IntCC::Eq, Type::I64, site, want);
                        c.brif(eq, sites[k].1, els);
                        at = els;
                    }
                    continue;
                }
                let mid = (lo + hi) / 2;
                let mut side = |lo: usize, hi: usize| {
                    if hi - lo == 1 {
                        sites[lo].1
                    } else {
                        let nb = spare.next().expect("n-2 check blocks for n-1 tests");
                        work.push((nb, lo, hi));
                        nb
                    }
                };
                let (below, above) = (side(lo, mid), side(mid, hi));
                c.goto_end(at);
                let k = c.iconst(Type::I64, sites[mid].0.as_u32() as i64);
                let lt = c.icmp(IntCC::Ult, Type::I64, site, k);
                c.brif(lt, below, above);
            }
        }

        // One block per site: load the arguments, free a chain record, call.
        for &(d, sb) in &sites {
            let rs = self.record[d].expect("every used site has a record layout");
            let data = &f.defers[d];
            let (callee, arg_types) = (data.callee, data.arg_types.clone());
            let results = data.results.clone();
            let mut c = at_end(f, sb, loc);
            let mut args = Vec::new();
            for (j, &t) in arg_types.iter().enumerate() {
                let addr = c.field_addr(rec, rs, j as u32 + 2);
                args.push(c.load(t, addr));
            }
            if self.chain[d] {
                c.rtcall(RtFunc::DeferFree, &[rec]);
            }
            let results = match callee {
                DeferCallee::Indirect => results,
                _ => self.callee_results[d].clone(),
            };
            deferred_call::emit(&mut c, callee, &args, &results, loc, looph, &mut tail);
        }

        tail.push(cont);
        new_blocks.extend(tail);
        FuncCursor::new(f).place_blocks_after(b, &new_blocks);
    }
}
