//! Solving one function's escape graph: run every instruction's transfer function until
//! no set grows, then close the escaping objects over memory (an object reachable from
//! escaped memory has escaped). The closure feeds back (a load from escaped memory may
//! yield any heap pointer), so both repeat until neither changes. gc's `escape/solve.go`
//! walks its graph from the heap location the same way.

use super::graph::{Graph, Set};
use super::summary::Summaries;
use ir::Function;

/// The solved graph of `f` under the callees' summaries `sums`.
pub fn solve(f: &Function, sums: &Summaries) -> Graph {
    let mut g = Graph::new(f);
    let insts: Vec<_> = f
        .layout
        .blocks
        .iter()
        .flat_map(|&b| f.layout.insts[b].iter().copied())
        .collect();
    loop {
        let mut changed = false;
        for &i in &insts {
            changed |= g.step(f, sums, i);
        }
        let escaped: Set = g.reachable(&g.roots);
        if escaped != g.escaped {
            g.escaped = escaped;
            changed = true;
        }
        if !changed {
            return g;
        }
    }
}
