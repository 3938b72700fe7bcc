//! `mem2reg`: promotes the frame cells whose address never escapes to SSA values,
//! with block parameters where different stores meet.
//!
//! **Requires:** a verified function.
//!
//! **Establishes:** every placed `stack_alloc` that remains has a use other than as the
//! address of a `load` or `store` of the cell's whole type (its address is stored,
//! passed, captured, offset by `field_addr`/`index_addr`, or read at another type).
//! Loads of a promoted cell are gone (their uses read the value stored last, or a
//! `zero.T` where the cell was allocated), and so are its stores and the `stack_alloc`
//! itself. No `env_get` reads a closure made in the function (it is the captured
//! value), no `check_nil` tests such a closure or a frame cell (it cannot fail), no
//! struct cell whose fields are only read and written one by one is left whole
//! (`sroa.rs` splits it into a cell per field, which are then promoted), and no
//! `stack_closure` is left without uses (so the cells a deferred closure captured, or
//! a method value's receiver, are promoted once its body was inlined). Block
//! parameters are added only where the cell is live and different stores
//! meet (pruned SSA), so some may still be copies of one value for `copyprop`; an
//! unused `zero.T` is not left behind.
//!
//! **Remarks:** none (the diff of the dump shows each promoted cell).
//!
//! Lowering keeps every Go local in a cell (clang's approach; see the frontend's
//! `lower`), and `defer_lower` keeps its chain head in one, so this pass is what turns
//! `load`/`store` traffic into values that later passes and Cranelift keep in
//! registers. It runs after `defer_lower`, so the chain head is promoted too (its
//! records are not: their fields are reached through `field_addr`).
//!
//! The algorithm is Cytron et al.'s, with the frontiers of Cooper, Harvey and Kennedy.
//! A `stack_alloc` gives a fresh zeroed cell each time it runs (`zeroed_slot` in
//! codegen: a cell declared in a loop body is zeroed every iteration), so it counts
//! as a store of the zero value at its position, and every use of the cell is in a
//! block `A` (the allocating block) dominates. Hence a block parameter is only ever
//! needed in a block `A` strictly dominates: parameters go in the iterated dominance
//! frontier of the blocks that store, restricted to those blocks and to the blocks
//! where the cell is live on entry (a load there can see a value from before the
//! block). A walk of the dominator tree from the entry then replaces each load by the
//! current value, drops each store after making its value current, and passes the
//! current values to the new parameters of each successor. Promotion repeats while it
//! promotes something, since a cell whose address was only stored in a promoted cell
//! is promotable in the next round.
//!
//! Panics are control flow (a `brif` on `panicking`), so a value observed on the panic
//! path (a result cell read after `run_defers`) is whatever was stored on the path
//! taken, exactly as in memory. Unreachable blocks are not walked: a load of a promoted
//! cell there becomes `zero.T`, a store goes, and a branch from one to a block with a
//! new parameter passes a `zero.T`; `simplify_cfg` removes them.

mod sroa;

use crate::PassContext;
use ir::dominance::{dominance_frontiers, ControlFlowGraph, DomTree};
use ir::{
    Block, FuncCursor, FuncId, Function, Imm, Inst, InstData, Module, Opcode, SecondaryMap, Type,
    Value, ValueDef,
};

pub fn run(m: &mut Module, _cx: &mut PassContext) {
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        // The function is taken out while it changes (`sroa` reads the struct table).
        let stand_in = Function::new(String::new(), m.funcs[id].sig.clone());
        let mut f = std::mem::replace(&mut m.funcs[id], stand_in);
        run_function(m, &mut f);
        m.funcs[id] = f;
    }
}

/// A promotable cell.
struct Cell {
    /// The `stack_alloc` and its block.
    alloc: Inst,
    block: Block,
    /// The cell's address (the `stack_alloc`'s result).
    addr: Value,
    ty: Type,
}

/// Promotes until nothing is left to promote: a cell whose address was held in a
/// promoted cell becomes promotable once that cell is gone, and so does one whose
/// address was only captured by a frame closure that nothing uses any more.
fn run_function(m: &Module, f: &mut Function) {
    loop {
        let split = sroa::split(m, f);
        let promoted = promote(f) || split;
        let forwarded = forward_captures(f);
        if !promoted && !forwarded {
            break;
        }
    }
}

/// A closure's captures are fixed when it is made, so an `env_get` of a closure made
/// in this function is the captured value (where the closure's body was inlined, its
/// reads of captured cells become plain uses of the cells); a `stack_closure` left
/// without uses then goes, and the cells it captured may be promotable. Returns
/// whether anything changed.
fn forward_captures(f: &mut Function) -> bool {
    let mut changed = false;
    for b in f.layout.blocks.clone() {
        for i in f.layout.insts[b].clone() {
            let d = &f.dfg.insts[i];
            // The nil check of a call through a closure made here, or of a frame
            // cell's address, cannot fail (the object exists): it goes, or it would
            // keep the closure alive and the cell whole.
            if d.opcode == Opcode::CheckNil && never_nil(f, d.args[0]) {
                f.remove_inst(b, i);
                changed = true;
                continue;
            }
            let (Opcode::EnvGet, Imm::Index(k)) = (d.opcode, &d.imm) else {
                continue;
            };
            let ValueDef::Result(c, _) = f.dfg.values[d.args[0]].def else {
                continue;
            };
            let cd = &f.dfg.insts[c];
            if !matches!(cd.opcode, Opcode::Closure | Opcode::StackClosure) {
                continue;
            }
            let Some(&cap) = cd.args.get(*k as usize) else {
                continue;
            };
            let r = f.dfg.first_result(i);
            if f.dfg.value_type(cap) != f.dfg.value_type(r) {
                continue;
            }
            f.replace_uses(r, cap);
            f.remove_inst(b, i);
            changed = true;
        }
    }
    let uses = f.use_counts();
    for b in f.layout.blocks.clone() {
        for i in f.layout.insts[b].clone() {
            if f.dfg.insts[i].opcode == Opcode::StackClosure && uses[f.dfg.first_result(i)] == 0 {
                f.remove_inst(b, i);
                changed = true;
            }
        }
    }
    changed
}

/// Whether `v` is a closure object made in the function or a frame cell.
fn never_nil(f: &Function, v: Value) -> bool {
    matches!(f.dfg.values[v].def, ValueDef::Result(c, _)
    if matches!(
        f.dfg.insts[c].opcode,
        Opcode::Closure | Opcode::StackClosure | Opcode::StackAlloc
    ))
}

/// One round of promotion; returns whether any cell was promoted.
fn promote(f: &mut Function) -> bool {
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    let cells = promotable(f, &dt);
    if cells.is_empty() {
        return false;
    }
    // The cell (index into `cells`) whose address each value is.
    let mut cell_of: SecondaryMap<Value, Option<u32>> = SecondaryMap::new();
    for (k, c) in cells.iter().enumerate() {
        cell_of[c.addr] = Some(k as u32);
    }
    let phis = place_params(f, &cfg, &dt, &cells, &cell_of);

    let mut r = Rename {
        cells: &cells,
        cell_of: &cell_of,
        cur: vec![None; cells.len()],
        undo: Vec::new(),
        alias: SecondaryMap::new(),
        zeros: Vec::new(),
    };
    r.walk(f, &dt, &phis);
    r.unreachable(f, &dt, &phis);

    let alias = &r.alias;
    f.map_all_uses(|v| resolve(alias, v));
    // A cell stored before every load leaves its zero unused.
    let uses = f.use_counts();
    for (b, i) in r.zeros {
        if uses[f.dfg.first_result(i)] == 0 {
            f.remove_inst(b, i);
        }
    }
    true
}

/// Follows the chain of replaced loads from `v` to the value they read.
fn resolve(alias: &SecondaryMap<Value, Option<Value>>, mut v: Value) -> Value {
    // Each link points to a value defined before the load it replaces (a store's
    // operand or a block parameter), so the chain is acyclic; bound the walk anyway.
    for _ in 0..1_000_000 {
        match alias[v] {
            Some(w) => v = w,
            None => return v,
        }
    }
    v
}

/// The `stack_alloc`s in reachable blocks whose every use in a placed instruction is
/// the address operand of a `load` or `store` of the cell's type.
fn promotable(f: &Function, dt: &DomTree) -> Vec<Cell> {
    let mut candidate: SecondaryMap<Value, Option<(Inst, Block)>> = SecondaryMap::new();
    let mut order: Vec<Value> = Vec::new();
    for &b in dt.rpo() {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            if d.opcode == Opcode::StackAlloc && d.ty.is_some() {
                let v = f.dfg.first_result(i);
                candidate[v] = Some((i, b));
                order.push(v);
            }
        }
    }
    if order.is_empty() {
        return Vec::new();
    }
    let mut escapes: SecondaryMap<Value, bool> = SecondaryMap::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            let ty_of = |v: Value| candidate[v].and_then(|(a, _)| f.dfg.insts[a].ty);
            match d.opcode {
                Opcode::Load if d.args.len() == 1 => {
                    let p = d.args[0];
                    if ty_of(p).is_some() && ty_of(p) != d.ty {
                        escapes[p] = true;
                    }
                    continue;
                }
                Opcode::Store if d.args.len() == 2 => {
                    let (p, v) = (d.args[0], d.args[1]);
                    if ty_of(p).is_some() && ty_of(p) != Some(f.dfg.value_type(v)) {
                        escapes[p] = true;
                    }
                    // The stored value is a use like any other (an address stored away).
                    if candidate[v].is_some() {
                        escapes[v] = true;
                    }
                    continue;
                }
                _ => {}
            }
            for v in f.dfg.inst_uses(i) {
                if candidate[v].is_some() {
                    escapes[v] = true;
                }
            }
        }
    }
    order
        .into_iter()
        .filter(|&v| !escapes[v])
        .filter_map(|v| {
            let (alloc, block) = candidate[v]?;
            Some(Cell {
                alloc,
                block,
                addr: v,
                ty: f.dfg.insts[alloc].ty?,
            })
        })
        .collect()
}

/// Adds the block parameters: for each block, the cells (by index) that get a new
/// parameter there, with the parameter, in the order added.
fn place_params(
    f: &mut Function,
    cfg: &ControlFlowGraph,
    dt: &DomTree,
    cells: &[Cell],
    cell_of: &SecondaryMap<Value, Option<u32>>,
) -> SecondaryMap<Block, Vec<(u32, Value)>> {
    // Per cell: the reachable blocks that store to it (the allocating block counts),
    // and those where a load comes before any store (upward-exposed uses).
    let n = cells.len();
    let mut defs: Vec<Vec<Block>> = vec![Vec::new(); n];
    let mut exposed: Vec<Vec<Block>> = vec![Vec::new(); n];
    let mut defined: SecondaryMap<Block, Vec<bool>> = SecondaryMap::new();
    for &b in dt.rpo() {
        let mut def_here = vec![false; n];
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            let k = match d.opcode {
                Opcode::Load | Opcode::Store | Opcode::StackAlloc => {
                    let addr = match d.opcode {
                        Opcode::StackAlloc => f.dfg.inst_results(i).first(),
                        _ => d.args.first(),
                    };
                    match addr.and_then(|&a| cell_of[a]) {
                        Some(k) => k as usize,
                        None => continue,
                    }
                }
                _ => continue,
            };
            if d.opcode == Opcode::Load {
                if !def_here[k] && exposed[k].last() != Some(&b) {
                    exposed[k].push(b);
                }
            } else if !def_here[k] {
                def_here[k] = true;
                defs[k].push(b);
            }
        }
        defined[b] = def_here;
    }

    let df = dominance_frontiers(cfg, dt);
    let mut phis: SecondaryMap<Block, Vec<(u32, Value)>> = SecondaryMap::new();
    let mut live: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut has_phi: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut work: Vec<Block> = Vec::new();
    for (k, cell) in cells.iter().enumerate() {
        // Live on entry: from the upward-exposed uses back to the blocks that store.
        live.clear();
        work.clear();
        for &b in &exposed[k] {
            if !live[b] {
                live[b] = true;
                work.push(b);
            }
        }
        while let Some(b) = work.pop() {
            for &p in &cfg.preds[b] {
                if dt.is_reachable(p) && !defined[p][k] && !live[p] {
                    live[p] = true;
                    work.push(p);
                }
            }
        }
        // The iterated frontier of the storing blocks, within the region the
        // allocating block strictly dominates.
        has_phi.clear();
        work.clear();
        work.extend(&defs[k]);
        while let Some(b) = work.pop() {
            for &y in &df[b] {
                if has_phi[y] || y == cell.block || !dt.dominates(cell.block, y) {
                    continue;
                }
                has_phi[y] = true;
                if live[y] {
                    let p = f.dfg.append_block_param(y, cell.ty);
                    phis[y].push((k as u32, p));
                }
                if !defined[y][k] {
                    work.push(y);
                }
            }
        }
    }
    phis
}

/// The state of the dominator-tree walk.
struct Rename<'a> {
    cells: &'a [Cell],
    cell_of: &'a SecondaryMap<Value, Option<u32>>,
    /// The current value of each cell.
    cur: Vec<Option<Value>>,
    /// `(cell, previous value)` for each change, undone when leaving a subtree.
    undo: Vec<(u32, Option<Value>)>,
    /// `alias[load] = Some(v)`: the load's result is `v`.
    alias: SecondaryMap<Value, Option<Value>>,
    /// The `zero.T`s made for the cells, where they were placed.
    zeros: Vec<(Block, Inst)>,
}

impl Rename<'_> {
    fn set(&mut self, k: u32, v: Value) {
        self.undo.push((k, self.cur[k as usize]));
        self.cur[k as usize] = Some(v);
    }

    /// Preorder over the dominator tree from the entry, children in reverse postorder.
    fn walk(
        &mut self,
        f: &mut Function,
        dt: &DomTree,
        phis: &SecondaryMap<Block, Vec<(u32, Value)>>,
    ) {
        let mut children: SecondaryMap<Block, Vec<Block>> = SecondaryMap::new();
        for &b in dt.rpo() {
            if let Some(i) = dt.idom(b) {
                children[i].push(b);
            }
        }
        enum Step {
            Enter(Block),
            Leave(usize),
        }
        let Some(&entry) = dt.rpo().first() else {
            return;
        };
        let mut stack = vec![Step::Enter(entry)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave(mark) => {
                    while self.undo.len() > mark {
                        let (k, old) = self.undo.pop().expect("above the mark");
                        self.cur[k as usize] = old;
                    }
                }
                Step::Enter(b) => {
                    stack.push(Step::Leave(self.undo.len()));
                    self.block(f, b, phis);
                    stack.extend(children[b].iter().rev().map(|&c| Step::Enter(c)));
                }
            }
        }
    }

    /// Rewrites one reachable block's loads, stores and allocations of promoted cells,
    /// and passes the current values to its successors' new parameters.
    fn block(&mut self, f: &mut Function, b: Block, phis: &SecondaryMap<Block, Vec<(u32, Value)>>) {
        for &(k, p) in &phis[b] {
            self.set(k, p);
        }
        let cell_of = self.cell_of;
        let cell = |v: Value| cell_of[v];
        let mut c = FuncCursor::new(f).at_top(b);
        while let Some(i) = c.current_inst() {
            let d = &c.func.dfg.insts[i];
            let (op, args) = (d.opcode, d.args.clone());
            match op {
                Opcode::StackAlloc => {
                    if let Some(k) = cell(c.func.dfg.first_result(i)) {
                        let ty = self.cells[k as usize].ty;
                        debug_assert_eq!(self.cells[k as usize].alloc, i);
                        c.set_srcloc(c.func.srclocs[i]);
                        let z = c.insert_inst(InstData::new(Opcode::Zero).ty(ty), &[ty]);
                        self.zeros.push((b, z));
                        let zv = c.func.dfg.first_result(z);
                        self.set(k, zv);
                        c.remove_inst();
                        continue;
                    }
                }
                Opcode::Load => {
                    if let Some(k) = cell(args[0]) {
                        let r = c.func.dfg.first_result(i);
                        self.alias[r] = self.cur[k as usize];
                        c.remove_inst();
                        continue;
                    }
                }
                Opcode::Store => {
                    if let Some(k) = cell(args[0]) {
                        self.set(k, args[1]);
                        c.remove_inst();
                        continue;
                    }
                }
                _ => {}
            }
            c.next_inst();
        }
        self.branch_args(f, b, phis, |_, k| self.cur[k as usize]);
    }

    /// Appends to each branch of `b`'s terminator the values for the target's new
    /// parameters; a cell without a value there gets a `zero.T` placed before the
    /// terminator (only reached from unreachable blocks: a reachable one always has
    /// the allocation's zero or a store in scope).
    fn branch_args(
        &self,
        f: &mut Function,
        b: Block,
        phis: &SecondaryMap<Block, Vec<(u32, Value)>>,
        value: impl Fn(&Function, u32) -> Option<Value>,
    ) {
        let Some(t) = f.terminator(b) else { return };
        for j in 0..f.dfg.insts[t].targets.len() {
            let target = f.dfg.insts[t].targets[j].block;
            for &(k, _) in &phis[target] {
                let v = match value(f, k) {
                    Some(v) => v,
                    None => {
                        let ty = self.cells[k as usize].ty;
                        FuncCursor::new(f).at_inst(b, t).zero(ty)
                    }
                };
                f.dfg.insts[t].targets[j].args.push(v);
            }
        }
    }

    /// In unreachable blocks: a load of a promoted cell reads zero, a store goes, and a
    /// branch to a new parameter passes zero. Nothing there ever runs.
    fn unreachable(
        &mut self,
        f: &mut Function,
        dt: &DomTree,
        phis: &SecondaryMap<Block, Vec<(u32, Value)>>,
    ) {
        let blocks: Vec<Block> = f
            .layout
            .blocks
            .iter()
            .copied()
            .filter(|&b| !dt.is_reachable(b))
            .collect();
        for b in blocks {
            let mut c = FuncCursor::new(f).at_top(b);
            while let Some(i) = c.current_inst() {
                let d = &c.func.dfg.insts[i];
                let promoted = matches!(d.opcode, Opcode::Load | Opcode::Store)
                    && d.args.first().is_some_and(|&p| self.cell_of[p].is_some());
                if promoted && d.opcode == Opcode::Store {
                    c.remove_inst();
                    continue;
                }
                // A promoted load has the cell's type (`promotable` checked it).
                if let (true, Some(ty)) = (promoted, d.ty) {
                    c.func.dfg.insts[i] = InstData::new(Opcode::Zero).ty(ty);
                }
                c.next_inst();
            }
            self.branch_args(f, b, phis, |_, _| None);
        }
    }
}
