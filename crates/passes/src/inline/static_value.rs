//! The function a function value certainly calls (gc's `ir.StaticValue`): the value is
//! made in the caller by `closure @g` or `funcref @g`, or it is loaded from a local
//! variable that holds nothing else. `inline` runs before `mem2reg`, so
//! `f := a.add; for ... { f(x) }` reads `f` from its cell at each call; when that cell
//! is stored to exactly once, by a store that dominates the load, and is used for
//! nothing but that store and loads (its address goes nowhere else, so nothing else
//! can write it), the load is the stored value, and the call is a call of its `g`.

use ir::dominance::DomTree;
use ir::{FuncId, Function, Imm, Inst, Opcode, SecondaryMap, Value, ValueDef};

/// The variables of one function that are written once: for each such cell, the store.
pub(super) struct StaticCells {
    store: SecondaryMap<Value, Option<Inst>>,
    dt: DomTree,
    block_of: SecondaryMap<Inst, Option<ir::Block>>,
}

impl StaticCells {
    pub(super) fn new(f: &Function) -> StaticCells {
        // For each cell (an `alloc` or `stack_alloc` result): its stores, or `None`
        // once it is used any other way.
        let mut stores: SecondaryMap<Value, Option<Vec<Inst>>> = SecondaryMap::new();
        let is_cell = |v: Value| match f.dfg.values[v].def {
            ValueDef::Result(i, 0) => {
                matches!(f.dfg.insts[i].opcode, Opcode::Alloc | Opcode::StackAlloc)
            }
            _ => false,
        };
        let mut escaped: SecondaryMap<Value, bool> = SecondaryMap::new();
        for &b in &f.layout.blocks {
            for &i in &f.layout.insts[b] {
                let d = &f.dfg.insts[i];
                for (k, &v) in d.args.iter().enumerate() {
                    if !is_cell(v) {
                        continue;
                    }
                    match (d.opcode, k) {
                        (Opcode::Load, 0) => {}
                        (Opcode::Store, 0) => stores[v].get_or_insert_with(Vec::new).push(i),
                        _ => escaped[v] = true,
                    }
                }
                for t in &d.targets {
                    for &v in &t.args {
                        if is_cell(v) {
                            escaped[v] = true;
                        }
                    }
                }
            }
        }
        let mut store = SecondaryMap::new();
        for (v, s) in stores.iter() {
            if let Some([only]) = s.as_deref() {
                if !escaped[v] {
                    store[v] = Some(*only);
                }
            }
        }
        StaticCells {
            store,
            dt: DomTree::compute(f),
            block_of: f.inst_blocks(),
        }
    }

    /// The function `v` certainly calls, if it is known (see the module header).
    pub(super) fn callee(&self, f: &Function, v: Value) -> Option<FuncId> {
        let ValueDef::Result(i, 0) = f.dfg.values[v].def else {
            return None;
        };
        let d = &f.dfg.insts[i];
        match (d.opcode, &d.imm) {
            (Opcode::Closure | Opcode::FuncRef, Imm::Func(g)) => Some(*g),
            (Opcode::Load, _) => {
                let s = self.store[d.args[0]]?;
                self.dominates(f, s, i)
                    .then(|| f.dfg.insts[s].args[1])
                    .and_then(|x| self.callee(f, x))
            }
            _ => None,
        }
    }

    /// Whether instruction `a` runs before `b` on every path to `b`.
    fn dominates(&self, f: &Function, a: Inst, b: Inst) -> bool {
        let (Some(ba), Some(bb)) = (self.block_of[a], self.block_of[b]) else {
            return false;
        };
        if ba != bb {
            return self.dt.dominates(ba, bb);
        }
        let insts = &f.layout.insts[ba];
        let pos = |x: Inst| insts.iter().position(|&y| y == x);
        matches!((pos(a), pos(b)), (Some(p), Some(q)) if p < q)
    }
}
