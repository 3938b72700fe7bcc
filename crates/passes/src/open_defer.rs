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

use crate::PassContext;
use ir::dominance::{cyclic_blocks, ControlFlowGraph, DomTree};
use ir::{
    Block, DeferCallee, DeferId, DeferStrategy, FuncId, Function, Imm, Inst, InstData, IntCC,
    Module, Opcode, ScopeId, SecondaryMap, Signature, SrcLoc, Type, Value,
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

/// An open-coded deferred call: where it is pushed and the cells that carry it to the
/// exits.
struct Open {
    d: DeferId,
    block: Block,
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

    // The blocks each scope's looped defers can reach: a defer there may be pushed
    // after a looped one.
    let mut after_loop: SecondaryMap<ScopeId, SecondaryMap<Block, bool>> = SecondaryMap::new();
    for &(b, _, d) in &pushes {
        if !cyclic[b] {
            continue;
        }
        let reach = &mut after_loop[f.defers[d].scope];
        let mut work = vec![b];
        while let Some(x) = work.pop() {
            for s in f.successors(x) {
                if !reach[s] {
                    reach[s] = true;
                    work.push(s);
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
        } else if cyclic[b] {
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

    // Cells, first thing in the entry block.
    let entry = f.entry().expect("a verified function has an entry block");
    let mut entry_insts = Vec::new();
    let mut opens: Vec<Open> = Vec::new();
    for &(b, i, d) in &chosen {
        let scope = f.defers[d].scope;
        let unconditional = exits.iter().filter(|e| e.2 == scope).all(|&(eb, ei, _)| {
            if eb == b {
                pos(f, b, i) < pos(f, eb, ei)
            } else {
                dt.dominates(b, eb)
            }
        });
        let mut cell = |f: &mut Function, ty: Type| {
            let inst = f
                .dfg
                .make_inst(InstData::new(Opcode::StackAlloc).ty(ty), &[Type::Ptr]);
            f.srclocs[inst] = f.defers[d].origin;
            entry_insts.push(inst);
            f.dfg.first_result(inst)
        };
        let cells = f.defers[d]
            .arg_types
            .clone()
            .into_iter()
            .map(|t| cell(f, t))
            .collect();
        let bit = (!unconditional).then(|| cell(f, Type::Bool));
        opens.push(Open {
            d,
            block: b,
            cells,
            bit,
        });
    }
    f.layout.insts[entry].splice(0..0, entry_insts);

    // Each push becomes stores into the cells.
    for (o, &(b, i, d)) in opens.iter().zip(&chosen) {
        let loc = f.defers[d].origin;
        let args = f.dfg.insts[i].args.clone();
        let mut s = Seq::new(loc);
        for (&cell, &a) in o.cells.iter().zip(&args) {
            s.store(f, cell, a);
        }
        if let Some(bit) = o.bit {
            let t = s.bconst(f, true);
            s.store(f, bit, t);
        }
        let at = pos(f, b, i).expect("the defer is placed");
        f.layout.insts[b].splice(at..=at, s.insts);
        debug_assert_eq!(o.block, b);
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
    let at = f.layout.insts[b]
        .iter()
        .position(|&x| x == inst)
        .expect("run_defers is placed");
    let rest = f.layout.insts[b].split_off(at + 1);
    if keep_chain {
        let mut s = Seq::new(loc);
        s.val(f, InstData::new(Opcode::Panicking), Type::Bool);
        s.append_to(f, b);
    } else {
        f.layout.insts[b].pop();
    }
    let mut new_blocks = Vec::new();
    let block = |f: &mut Function, new_blocks: &mut Vec<Block>| {
        let nb = f.dfg.make_block();
        f.dfg.blocks[nb].scope = scope;
        new_blocks.push(nb);
        nb
    };
    let mut cur = b;
    for o in opens {
        // Laid out after the call's blocks.
        let next = f.dfg.make_block();
        f.dfg.blocks[next].scope = scope;
        let call_b = match o.bit {
            Some(bit) => {
                let call_b = block(f, &mut new_blocks);
                let mut s = Seq::new(loc);
                let set = s.load(f, Type::Bool, bit);
                s.brif(f, set, call_b, next);
                s.append_to(f, cur);
                call_b
            }
            None => cur,
        };
        let data = &f.defers[o.d];
        let (callee, arg_types) = (data.callee, data.arg_types.clone());
        let mut s = Seq::new(loc);
        let args: Vec<Value> = o
            .cells
            .iter()
            .zip(&arg_types)
            .map(|(&c, &t)| s.load(f, t, c))
            .collect();
        let tok = s.val(f, InstData::new(Opcode::DeferEnter), Type::I64);
        let known = match callee {
            DeferCallee::Direct(fid) => Some((fid, false)),
            DeferCallee::Closure(fid) => Some((fid, true)),
            DeferCallee::Indirect => None,
        };
        match known {
            Some((fid, closure)) => {
                let (env, rest_args) = if closure {
                    (args[0], &args[1..])
                } else {
                    (s.zero(f, Type::Ptr), &args[..])
                };
                let mut call_args = vec![env, tok];
                call_args.extend(rest_args);
                let call = InstData::new(Opcode::Call)
                    .imm(Imm::Func(fid))
                    .args(&call_args);
                s.inst(f, call, &callee_results[o.d]);
                s.inst(f, InstData::new(Opcode::DeferExit).args(&[tok]), &[]);
                s.jump(f, next);
                s.append_to(f, call_b);
            }
            None => {
                // A nil func value panics inside the deferred call.
                let fv = args[0];
                let nil = s.zero(f, Type::Func);
                let is_nil = s.icmp_eq(f, Type::Func, fv, nil);
                let nil_b = block(f, &mut new_blocks);
                let indirect_b = block(f, &mut new_blocks);
                let exit_b = block(f, &mut new_blocks);
                s.brif(f, is_nil, nil_b, indirect_b);
                s.append_to(f, call_b);

                let mut s = Seq::new(loc);
                s.inst(f, InstData::new(Opcode::CheckNil).args(&[fv]), &[]);
                s.jump(f, exit_b);
                s.append_to(f, nil_b);

                let mut s = Seq::new(loc);
                let mut call_args = vec![fv, tok];
                call_args.extend(&args[1..]);
                s.inst(
                    f,
                    InstData::new(Opcode::CallIndirect).args(&call_args),
                    &callee_results[o.d],
                );
                s.jump(f, exit_b);
                s.append_to(f, indirect_b);

                let mut s = Seq::new(loc);
                s.inst(f, InstData::new(Opcode::DeferExit).args(&[tok]), &[]);
                s.jump(f, next);
                s.append_to(f, exit_b);
            }
        }
        new_blocks.push(next);
        cur = next;
    }
    f.layout.insts[cur] = rest;
    let pos = f
        .layout
        .blocks
        .iter()
        .position(|&x| x == b)
        .expect("block is laid out");
    f.layout.blocks.splice(pos + 1..pos + 1, new_blocks);
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
    fn bconst(&mut self, f: &mut Function, v: bool) -> Value {
        let d = InstData::new(Opcode::Iconst)
            .ty(Type::Bool)
            .imm(Imm::Int(i64::from(v)));
        self.val(f, d, Type::Bool)
    }
    fn load(&mut self, f: &mut Function, ty: Type, p: Value) -> Value {
        self.val(f, InstData::new(Opcode::Load).ty(ty).args(&[p]), ty)
    }
    fn store(&mut self, f: &mut Function, p: Value, v: Value) {
        self.inst(f, InstData::new(Opcode::Store).args(&[p, v]), &[]);
    }
    fn zero(&mut self, f: &mut Function, ty: Type) -> Value {
        self.val(f, InstData::new(Opcode::Zero).ty(ty), ty)
    }
    fn icmp_eq(&mut self, f: &mut Function, ty: Type, a: Value, b: Value) -> Value {
        let d = InstData::new(Opcode::Icmp)
            .ty(ty)
            .imm(Imm::Cond(IntCC::Eq))
            .args(&[a, b]);
        self.val(f, d, Type::Bool)
    }
    fn jump(&mut self, f: &mut Function, to: Block) {
        let d = InstData::new(Opcode::Jump).targets(vec![Function::target(to, &[])]);
        self.inst(f, d, &[]);
    }
    fn brif(&mut self, f: &mut Function, c: Value, then: Block, els: Block) {
        let targets = vec![Function::target(then, &[]), Function::target(els, &[])];
        let d = InstData::new(Opcode::Brif).args(&[c]).targets(targets);
        self.inst(f, d, &[]);
    }
    /// Places the instructions at the end of `b`.
    fn append_to(self, f: &mut Function, b: Block) {
        f.layout.insts[b].extend(self.insts);
    }
}
