//! Control-flow analyses over a function's layout: predecessors, the dominator tree and
//! the blocks that lie on a cycle.
//!
//! `DomTree` uses the iterative algorithm of Cooper, Harvey and Kennedy ("A Simple, Fast
//! Dominance Algorithm") over the reverse postorder from the entry block, as Cranelift
//! and Go's `ssa/dom.go` do. Blocks unreachable from the entry have no dominator and
//! dominate nothing; analyses are recomputed from the function, never patched by hand.

use crate::entities::{Block, Inst};
use crate::function::Function;
use cranelift_entity::SecondaryMap;

/// Predecessors and successors of every block in the layout.
#[derive(Clone, Debug, Default)]
pub struct ControlFlowGraph {
    pub preds: SecondaryMap<Block, Vec<Block>>,
    pub succs: SecondaryMap<Block, Vec<Block>>,
}

impl ControlFlowGraph {
    /// Edges come from the terminators of laid-out blocks; a block with two edges to the
    /// same successor (`brif c, b1, b1`) lists it twice. Targets outside the function's
    /// block arena are ignored (the verifier reports them).
    pub fn compute(f: &Function) -> ControlFlowGraph {
        let mut cfg = ControlFlowGraph::default();
        for &b in &f.layout.blocks {
            for s in f.successors(b) {
                if f.dfg.blocks.get(s).is_none() {
                    continue;
                }
                cfg.succs[b].push(s);
                cfg.preds[s].push(b);
            }
        }
        cfg
    }
}

const UNREACHABLE: u32 = u32::MAX;

/// The dominator tree of a function.
#[derive(Clone, Debug, Default)]
pub struct DomTree {
    /// Reachable blocks in reverse postorder (the entry first).
    rpo: Vec<Block>,
    /// Position in `rpo`, `UNREACHABLE` for unreachable blocks.
    rpo_number: SecondaryMap<Block, u32>,
    /// Immediate dominator; `None` for the entry and unreachable blocks.
    idom: SecondaryMap<Block, Option<Block>>,
}

impl DomTree {
    pub fn compute(f: &Function) -> DomTree {
        let cfg = ControlFlowGraph::compute(f);
        DomTree::with_cfg(f, &cfg)
    }

    pub fn with_cfg(f: &Function, cfg: &ControlFlowGraph) -> DomTree {
        let mut t = DomTree {
            rpo: Vec::new(),
            rpo_number: SecondaryMap::with_default(UNREACHABLE),
            idom: SecondaryMap::new(),
        };
        let Some(entry) = f.entry() else {
            return t;
        };
        // Iterative DFS postorder.
        let mut visited: SecondaryMap<Block, bool> = SecondaryMap::new();
        let mut post = Vec::new();
        let mut stack = vec![(entry, 0usize)];
        visited[entry] = true;
        while let Some((b, i)) = stack.pop() {
            if let Some(&s) = cfg.succs[b].get(i) {
                stack.push((b, i + 1));
                if !visited[s] {
                    visited[s] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
            }
        }
        post.reverse();
        t.rpo = post;
        for (i, &b) in t.rpo.iter().enumerate() {
            t.rpo_number[b] = i as u32;
        }
        // Cooper-Harvey-Kennedy; idom of the entry is itself during the iteration.
        t.idom[entry] = Some(entry);
        let mut changed = true;
        while changed {
            changed = false;
            for &b in t.rpo.iter().skip(1) {
                let mut new_idom: Option<Block> = None;
                for &p in &cfg.preds[b] {
                    if t.idom[p].is_none() {
                        continue; // unreachable or not yet processed
                    }
                    new_idom = Some(match new_idom {
                        None => p,
                        Some(cur) => t.intersect(p, cur),
                    });
                }
                if new_idom.is_some() && t.idom[b] != new_idom {
                    t.idom[b] = new_idom;
                    changed = true;
                }
            }
        }
        t.idom[entry] = None;
        t
    }

    fn intersect(&self, mut a: Block, mut b: Block) -> Block {
        while a != b {
            while self.rpo_number[a] > self.rpo_number[b] {
                a = self.idom[a].expect("processed block has an idom");
            }
            while self.rpo_number[b] > self.rpo_number[a] {
                b = self.idom[b].expect("processed block has an idom");
            }
        }
        a
    }

    /// Reachable blocks in reverse postorder.
    pub fn rpo(&self) -> &[Block] {
        &self.rpo
    }

    pub fn is_reachable(&self, b: Block) -> bool {
        self.rpo_number[b] != UNREACHABLE
    }

    /// The immediate dominator of `b` (`None` for the entry and unreachable blocks).
    pub fn idom(&self, b: Block) -> Option<Block> {
        self.idom[b]
    }

    /// Whether `a` dominates `b` (every block dominates itself). False when either is
    /// unreachable.
    pub fn dominates(&self, a: Block, mut b: Block) -> bool {
        if !self.is_reachable(a) || !self.is_reachable(b) {
            return false;
        }
        let na = self.rpo_number[a];
        loop {
            if a == b {
                return true;
            }
            if self.rpo_number[b] < na {
                return false;
            }
            match self.idom[b] {
                Some(i) => b = i,
                None => return false,
            }
        }
    }

    /// Whether instruction `a` (in block `ba`) dominates instruction `b` (in block `bb`):
    /// the same block with `a` first (or equal), or `ba` strictly dominating `bb`.
    pub fn inst_dominates(
        &self,
        f: &Function,
        (a, ba): (Inst, Block),
        (b, bb): (Inst, Block),
    ) -> bool {
        if ba == bb {
            let insts = &f.layout.insts[ba];
            let pa = insts.iter().position(|&i| i == a);
            let pb = insts.iter().position(|&i| i == b);
            matches!((pa, pb), (Some(x), Some(y)) if x <= y)
        } else {
            self.dominates(ba, bb)
        }
    }
}

/// The dominance frontier of every reachable block: the blocks `y` such that `x`
/// dominates a predecessor of `y` but does not strictly dominate `y` (where a value
/// defined in `x` meets values from other paths). Computed as Cooper, Harvey and
/// Kennedy do, from each join block up the dominator tree of its predecessors;
/// unreachable blocks and edges from them are ignored. Each frontier lists a block once,
/// in the order found.
pub fn dominance_frontiers(
    cfg: &ControlFlowGraph,
    dt: &DomTree,
) -> SecondaryMap<Block, Vec<Block>> {
    let mut df: SecondaryMap<Block, Vec<Block>> = SecondaryMap::new();
    for &b in dt.rpo() {
        let preds: Vec<Block> = cfg.preds[b]
            .iter()
            .copied()
            .filter(|&p| dt.is_reachable(p))
            .collect();
        if preds.len() < 2 {
            continue;
        }
        let stop = dt.idom(b);
        for p in preds {
            let mut runner = Some(p);
            while let Some(r) = runner {
                if Some(r) == stop {
                    break;
                }
                if !df[r].contains(&b) {
                    df[r].push(b);
                }
                runner = dt.idom(r);
            }
        }
    }
    df
}

/// The blocks that lie on a cycle of the control-flow graph (a nontrivial strongly
/// connected component, or a block that branches to itself): code in them may run more
/// than once per call. Computed with Tarjan's algorithm, so irreducible cycles count too.
pub fn cyclic_blocks(f: &Function) -> SecondaryMap<Block, bool> {
    let cfg = ControlFlowGraph::compute(f);
    let mut result: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut index: SecondaryMap<Block, u32> = SecondaryMap::with_default(UNREACHABLE);
    let mut low: SecondaryMap<Block, u32> = SecondaryMap::new();
    let mut on_stack: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut stack: Vec<Block> = Vec::new();
    let mut next = 0u32;
    for &root in &f.layout.blocks {
        if index[root] != UNREACHABLE {
            continue;
        }
        // Iterative Tarjan: frames of (block, next successor position).
        let mut frames = vec![(root, 0usize)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (b, ref mut i)) = frames.last_mut() {
            if let Some(&s) = cfg.succs[b].get(*i) {
                *i += 1;
                if s == b {
                    result[b] = true;
                }
                if index[s] == UNREACHABLE {
                    index[s] = next;
                    low[s] = next;
                    next += 1;
                    stack.push(s);
                    on_stack[s] = true;
                    frames.push((s, 0));
                } else if on_stack[s] {
                    low[b] = low[b].min(index[s]);
                }
                continue;
            }
            frames.pop();
            if let Some(&(parent, _)) = frames.last() {
                low[parent] = low[parent].min(low[b]);
            }
            if low[b] == index[b] {
                let mut comp = Vec::new();
                loop {
                    let w = stack.pop().expect("Tarjan stack holds the component");
                    on_stack[w] = false;
                    comp.push(w);
                    if w == b {
                        break;
                    }
                }
                if comp.len() > 1 {
                    for w in comp {
                        result[w] = true;
                    }
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_module;

    const TEXT: &str = "
func @f(ptr, i64, bool) { ; 1:1
block0(v0: ptr, v1: i64, v2: bool):
    brif v2, block1, block4
block1:
    brif v2, block2, block3
block2:
    jump block1
block3:
    ret
block4:
    brif v2, block5, block6
block5:
    jump block6
block6:
    brif v2, block5, block7
block7:
    jump block7
block8:
    jump block8
}
";

    fn func() -> Function {
        let m = parse_module(TEXT).expect("parses");
        m.funcs.values().next().expect("one function").clone()
    }

    fn b(n: u32) -> Block {
        Block::from_u32(n)
    }

    #[test]
    fn immediate_dominators() {
        let f = func();
        let dt = DomTree::compute(&f);
        let idoms: Vec<Option<Block>> = (0..9).map(|n| dt.idom(b(n))).collect();
        assert_eq!(
            idoms,
            [
                None,
                Some(b(0)),
                Some(b(1)),
                Some(b(1)),
                Some(b(0)),
                Some(b(4)), // block5 and block6 form an irreducible cycle entered from block4
                Some(b(4)),
                Some(b(6)),
                None, // unreachable
            ]
        );
        assert!(dt.dominates(b(0), b(7)));
        assert!(!dt.dominates(b(5), b(6)));
        assert!(!dt.dominates(b(0), b(8)));
        assert!(!dt.is_reachable(b(8)));
    }

    #[test]
    fn frontiers() {
        let f = func();
        let cfg = ControlFlowGraph::compute(&f);
        let dt = DomTree::with_cfg(&f, &cfg);
        let df = dominance_frontiers(&cfg, &dt);
        let frontier = |n: u32| -> Vec<u32> { df[b(n)].iter().map(|x| x.as_u32()).collect() };
        // block2 loops back to block1; block5 and block6 reach each other.
        assert_eq!(frontier(2), [1]);
        assert_eq!(frontier(1), [1]);
        assert_eq!(frontier(5), [6]);
        assert_eq!(frontier(6), [5]);
        assert_eq!(frontier(4), Vec::<u32>::new());
        assert_eq!(frontier(0), Vec::<u32>::new());
        // block7 jumps to itself; block8 is unreachable and has none.
        assert_eq!(frontier(7), [7]);
        assert_eq!(frontier(8), Vec::<u32>::new());
    }

    #[test]
    fn cycles() {
        let f = func();
        let c = cyclic_blocks(&f);
        let cyclic: Vec<u32> = (0..9).filter(|&n| c[b(n)]).collect();
        assert_eq!(cyclic, [1, 2, 5, 6, 7, 8]);
    }
}
