//! `open_defer`: open-codes every deferred call that is pushed at most once per
//! activation of its scope: no record, no chain, its function value and arguments kept
//! in frame cells that `mem2reg` turns into SSA values, and the call made directly at the
//! scope's exit, on the normal and the panic path alike (both are blocks of the function).
//!
//! **Requires:** a verified function with unlowered defers (`defer`, `run_defers sK`);
//! `run_defers sK` followed by the `panicking` test whose branch decides between the
//! panic path and the return (as lowering builds every exit); an entry block that is no
//! branch target.
//!
//! **Establishes:** every open-coded `DeferData` has `strategy = OpenCoded` and no
//! `defer` instruction left; a scope whose calls are all open-coded has no `run_defers`
//! left; the rest is untouched for `defer_lower`.
//!
//! **Remarks** (at the `defer` statement): `open-coded defer` (gc's `-d=defer` words),
//! and for a defer that is not, why: `defer not open-coded: in a loop`,
//! `... pushed after a defer in a loop`, `... pushed at several places`.
//!
//! The choice is per defer, not per function as in gc (at most 8 defers, none in a loop,
//! returns x defers <= 15): there is no count limit. A defer is open-coded when its one
//! `defer` instruction is on no CFG cycle (so it runs at most once per activation) and no
//! defer of its scope that is on a cycle can run before it. That last condition is what
//! lets open-coded and chained defers mix in one scope: every chained record (a loop's, or
//! a defer pushed after one) is then pushed after every open-coded defer on any path, so
//! at the exit `run_defers sK` runs the chain first and the open-coded calls follow.
//! Among open-coded defers the push order on any path agrees with reverse postorder
//! (neither is on a cycle, so if one reaches the other, the DFS finishes the later one
//! first), so the exit calls them in reverse of that order.
//!
//! The rewrite. In the entry block, one `stack_alloc` cell per argument, and one
//! `stack_alloc.bool` bit per conditional defer (a defer whose block does not dominate
//! every exit of its scope: most defers after the first call, since a panic may leave
//! before them); an unconditional one needs none. The `defer` becomes stores of its
//! arguments (and `true` into its bit). At each `run_defers sK`, after the chain (if any),
//! each open-coded call of `sK`, newest first: test its bit, load its arguments, then
//! `tok = defer_enter`, the call (direct; a closure's object as `env`; a function value
//! after the nil test that panics inside the deferred call), `defer_exit tok` (which
//! completes a recovery or lets the panic go on to the next call), exactly as the chain's
//! loop does; then the exit's own `panicking` test. `mem2reg` promotes the cells: the
//! arguments reach the calls as SSA values, and the bits as block parameters.

use crate::{deferred_call, PassContext};
use ir::dominance::{cyclic_blocks, ControlFlowGraph, DomTree};
use ir::{
    Block, DeferId, DeferStrategy, FuncCursor, FuncId, Function, Imm, Inst, Module, Opcode,
    ScopeId, SecondaryMap, Signature, SrcLoc, Type, Value,
};

pub fn run(m: &mut Module, cx: &mut PassContext) {
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        if !m.funcs[id].contains(Opcode::Defer) {
            continue;
        }
        // The callees' results are read while the function is out of the module (it may
        // defer a call to itself).
        let callee_results: SecondaryMap<DeferId, Vec<Type>> = {
            let f = &m.funcs[id];
            let mut r = SecondaryMap::new();
            for (d, data) in f.defers.iter() {
                r[d] = match data.callee.func() {
                    Some(fid) => m
                        .funcs
                        .get(fid)
                        .map(|c| c.sig.results.clone())
                        .unwrap_or_default(),
                    None => data.results.clone(),
                };
            }
            r
        };
        let placeholder = Function::new(String::new(), Signature::default());
        let mut f = std::mem::replace(&mut m.funcs[id], placeholder);
        open_code(&mut f, &callee_results, cx);
        m.funcs[id] = f;
    }
}

/// Why a deferred call is not open-coded.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refusal {
    InLoop,
    AfterLoopDefer,
    SeveralPushes,
}

impl Refusal {
    fn remark(self) -> &'static str {
        match self {
            Refusal::InLoop => "defer not open-coded: in a loop",
            Refusal::AfterLoopDefer => "defer not open-coded: pushed after a defer in a loop",
            Refusal::SeveralPushes => "defer not open-coded: pushed at several places",
        }
    }
}

/// An open-coded deferred call and the cells that carry it to the exits.
struct Open {
    d: DeferId,
    /// One cell per argument.
    cells: Vec<Value>,
    /// Set when the call is pushed; `None` for an unconditional call.
    bit: Option<Value>,
}

fn open_code(
    f: &mut Function,
    callee_results: &SecondaryMap<DeferId, Vec<Type>>,
    cx: &mut PassContext,
) {
    // Every `defer` instruction, in layout order.
    let mut pushes: Vec<(Block, Inst, DeferId)> = Vec::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            if let (Opcode::Defer, Imm::Defer(d)) = (f.dfg.insts[i].opcode, &f.dfg.insts[i].imm) {
                pushes.push((b, i, *d));
            }
        }
    }
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    let cyclic = cyclic_blocks(f);
    // Each scope's region: its blocks and those of the scopes nested in it. Leaving it
    // runs the scope's defers, so re-entering it is a new activation: a defer of an
    // inlined scope in a loop is pushed once per activation unless it is on a cycle that
    // stays inside the region.
    let mut regions: SecondaryMap<ScopeId, Option<SecondaryMap<Block, bool>>> = SecondaryMap::new();
    for &(_, _, d) in &pushes {
        let s = f.defers[d].scope;
        if s != ScopeId::ROOT && regions[s].is_none() {
            regions[s] = Some(region(f, s));
        }
    }
    let looped = |b: Block, s: ScopeId| match &regions[s] {
        Some(r) => on_cycle_within(f, b, r),
        None => cyclic[b],
    };

    // The blocks each scope's looped defers can reach (inside its region): a defer
    // there may be pushed after a looped one.
    let mut after_loop: SecondaryMap<ScopeId, SecondaryMap<Block, bool>> = SecondaryMap::new();
    for &(b, _, d) in &pushes {
        let s = f.defers[d].scope;
        if !looped(b, s) {
            continue;
        }
        let reach = &mut after_loop[s];
        let mut work = vec![b];
        while let Some(x) = work.pop() {
            for n in f.successors(x) {
                if !reach[n] && regions[s].as_ref().is_none_or(|r| r[n]) {
                    reach[n] = true;
                    work.push(n);
                }
            }
        }
    }

    let mut count: SecondaryMap<DeferId, u32> = SecondaryMap::new();
    for &(_, _, d) in &pushes {
        count[d] += 1;
    }
    let mut refused: Vec<(DeferId, Refusal)> = Vec::new();
    let mut chosen: Vec<(Block, Inst, DeferId)> = Vec::new();
    for &(b, i, d) in &pushes {
        let why = if count[d] > 1 {
            Some(Refusal::SeveralPushes)
        } else if looped(b, f.defers[d].scope) {
            Some(Refusal::InLoop)
        } else if after_loop[f.defers[d].scope][b] {
            Some(Refusal::AfterLoopDefer)
        } else {
            None
        };
        match why {
            Some(r) => {
                if !refused.iter().any(|&(x, _)| x == d) {
                    refused.push((d, r));
                }
            }
            None => chosen.push((b, i, d)),
        }
    }
    for (d, r) in refused {
        cx.remark(&f.name, f.defers[d].origin, r.remark());
    }
    if chosen.is_empty() {
        return;
    }

    // Push order: reverse postorder of the blocks, then position in the block.
    let rpo_index: SecondaryMap<Block, usize> = {
        let mut m = SecondaryMap::new();
        for (k, &b) in dt.rpo().iter().enumerate() {
            m[b] = k;
        }
        m
    };
    let pos = |f: &Function, b: Block, i: Inst| f.layout.insts[b].iter().position(|&x| x == i);
    chosen.sort_by_key(|&(b, i, _)| (rpo_index[b], pos(f, b, i)));

    // The exits of each scope: its `run_defers`.
    let mut exits: Vec<(Block, Inst, ScopeId)> = Vec::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            if let (Opcode::RunDefers, Imm::Scope(s)) = (f.dfg.insts[i].opcode, &f.dfg.insts[i].imm)
            {
                exits.push((b, i, *s));
            }
        }
    }

    // Cells, first thing in the entry block, in defer order.
    let entry = f.entry().expect("a verified function has an entry block");
    let specs: Vec<(DeferId, bool)> = chosen
        .iter()
        .map(|&(b, i, d)| {
            let unconditional =
                exits
                    .iter()
                    .filter(|e| e.2 == f.defers[d].scope)
                    .all(|&(eb, ei, _)| {
                        if eb == b {
                            pos(f, b, i) < pos(f, eb, ei)
                        } else {
                            match &regions[f.defers[d].scope] {
                                Some(r) => region_dominates(f, &cfg, r, b, eb),
                                None => dt.dominates(b, eb),
                            }
                        }
                    });
            (d, unconditional)
        })
        .collect();
    let mut opens: Vec<Open> = Vec::new();
    let mut c = FuncCursor::new(f).at_top(entry);
    for (d, unconditional) in specs {
        let data = &c.func.defers[d];
        let (origin, arg_types) = (data.origin, data.arg_types.clone());
        c.set_srcloc(origin);
        let cells = arg_types.into_iter().map(|t| c.stack_alloc(t)).collect();
        let bit = (!unconditional).then(|| c.stack_alloc(Type::Bool));
        opens.push(Open { d, cells, bit });
    }

    // Each push becomes stores into the cells.
    for (o, &(b, i, d)) in opens.iter().zip(&chosen) {
        let loc = f.defers[d].origin;
        let args = f.dfg.insts[i].args.clone();
        let mut c = FuncCursor::new(f).at_inst(b, i).with_srcloc(loc);
        for (&cell, &a) in o.cells.iter().zip(&args) {
            c.store(cell, a);
        }
        if let Some(bit) = o.bit {
            let t = c.iconst(Type::Bool, 1);
            c.store(bit, t);
        }
        c.remove_inst();
        f.defers[d].strategy = Some(DeferStrategy::OpenCoded);
        cx.remark(&f.name, loc, "open-coded defer");
    }

    // Each exit runs the scope's chain (if it has one), then its open-coded calls.
    let chained: Vec<ScopeId> = pushes
        .iter()
        .filter(|p| !chosen.iter().any(|c| c.2 == p.2))
        .map(|p| f.defers[p.2].scope)
        .collect();
    for (b, i, scope) in exits {
        let here: Vec<&Open> = opens
            .iter()
            .rev()
            .filter(|o| f.defers[o.d].scope == scope)
            .collect();
        if here.is_empty() {
            continue;
        }
        exit_calls(f, b, i, chained.contains(&scope), &here, callee_results);
    }
}

/// Rewrites the exit `run_defers` at `inst` in `b`: keeps it (with a `panicking` test
/// after it, as every instruction that may panic has) when the scope also has chained
/// calls, then calls `opens` in order, then continues with what followed `run_defers`.
fn exit_calls(
    f: &mut Function,
    b: Block,
    inst: Inst,
    keep_chain: bool,
    opens: &[&Open],
    callee_results: &SecondaryMap<DeferId, Vec<Type>>,
) {
    let loc = f.srclocs[inst];
    let scope = f.dfg.blocks[b].scope;
    // What followed `run_defers` (its `panicking` test and branch) moves to the block
    // after the calls.
    let cont = f.dfg.make_block();
    f.dfg.blocks[cont].scope = scope;
    {
        let mut c = FuncCursor::new(f).at_inst(b, inst).with_srcloc(loc);
        if keep_chain {
            c.next_inst();
            c.split_block(cont);
            c.panicking();
        } else {
            c.remove_inst();
            c.split_block(cont);
        }
    }
    let mut new_blocks = Vec::new();
    let block = |f: &mut Function, new_blocks: &mut Vec<Block>| {
        let nb = f.dfg.make_block();
        f.dfg.blocks[nb].scope = scope;
        new_blocks.push(nb);
        nb
    };
    let mut cur = b;
    for (k, o) in opens.iter().enumerate() {
        // Laid out after the call's blocks.
        let next = if k + 1 == opens.len() {
            cont
        } else {
            let nb = f.dfg.make_block();
            f.dfg.blocks[nb].scope = scope;
            nb
        };
        let call_b = match o.bit {
            Some(bit) => {
                let call_b = block(f, &mut new_blocks);
                let again = f.defers[o.d].scope != ScopeId::ROOT;
                let mut c = at_end(f, cur, loc);
                let set = c.load(Type::Bool, bit);
                if again {
                    // An inlined scope may be entered again (in a loop): the next
                    // activation starts with the bit clear.
                    let clear = c.iconst(Type::Bool, 0);
                    c.store(bit, clear);
                }
                c.brif(set, call_b, next);
                call_b
            }
            None => cur,
        };
        let data = &f.defers[o.d];
        let (callee, arg_types, call_at) = (data.callee, data.arg_types.clone(), data.call_at);
        let results = callee_results[o.d].clone();
        let mut c = at_end(f, call_b, loc);
        let args: Vec<Value> = o
            .cells
            .iter()
            .zip(&arg_types)
            .map(|(&cell, &t)| c.load(t, cell))
            .collect();
        // The call carries the deferred call's position, its `(` (remarks about it,
        // such as inline_defers' `inlining call to F`, belong there, as in gc).
        deferred_call::emit(
            &mut c,
            callee,
            &args,
            &results,
            call_at,
            next,
            &mut new_blocks,
        );
        new_blocks.push(next);
        cur = next;
    }
    FuncCursor::new(f).place_blocks_after(b, &new_blocks);
}

/// The region of scope `s`: the blocks of `s` and of the scopes nested in it.
fn region(f: &Function, s: ScopeId) -> SecondaryMap<Block, bool> {
    let mut r = SecondaryMap::new();
    for &b in &f.layout.blocks {
        r[b] = f.scope_within(f.dfg.blocks[b].scope, s);
    }
    r
}

/// Whether `b` lies on a cycle that stays inside `region`.
fn on_cycle_within(f: &Function, b: Block, region: &SecondaryMap<Block, bool>) -> bool {
    let mut seen: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut work = vec![b];
    while let Some(x) = work.pop() {
        for n in f.successors(x) {
            if n == b {
                return true;
            }
            if region[n] && !seen[n] {
                seen[n] = true;
                work.push(n);
            }
        }
    }
    false
}

/// Whether every path inside `region` from where control enters it (a block of it with
/// a predecessor outside, or the function's entry) to `exit` passes through `b`: the
/// dominance that counts for a scope entered once per activation.
fn region_dominates(
    f: &Function,
    cfg: &ControlFlowGraph,
    region: &SecondaryMap<Block, bool>,
    b: Block,
    exit: Block,
) -> bool {
    let entry = f.entry();
    let mut seen: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut work: Vec<Block> = f
        .layout
        .blocks
        .iter()
        .copied()
        .filter(|&x| region[x] && (Some(x) == entry || cfg.preds[x].iter().any(|&p| !region[p])))
        .filter(|&x| x != b)
        .collect();
    for &x in &work {
        seen[x] = true;
    }
    while let Some(x) = work.pop() {
        if x == exit {
            return false;
        }
        for &n in &cfg.succs[x] {
            if region[n] && n != b && !seen[n] {
                seen[n] = true;
                work.push(n);
            }
        }
    }
    true
}

/// A cursor at the end of `b` whose instructions carry `loc`.
fn at_end(f: &mut Function, b: Block, loc: SrcLoc) -> FuncCursor<'_> {
    FuncCursor::new(f).at_end(b).with_srcloc(loc)
}
