//! The call graph of a module: which functions each function may call or turn into a
//! function value, its strongly connected components, and a bottom-up order (callees
//! before callers) for interprocedural passes such as the inliner and escape analysis
//! (gc's `ir.VisitFuncsBottomUp`).
//!
//! An edge `f -> g` is one of `call @g`, `funcref @g`, `closure @g`, or a `defer` whose
//! deferred call site (`DeferData`) has the known callee `g` (`DeferCallee::Direct` or
//! `Closure`), in a placed instruction of `f`. A `funcref` or `closure` (or `stack_closure`) is an edge because the value may be called from `f`
//! (or anywhere it flows), so a function is treated as recursive as soon as it could
//! reach itself through them; indirect calls (`call_indirect`, indirect defers) add no
//! edge of their own. The runtime's entry points (`main`, `init`, benchmarks, the
//! `Error`/`String` wrappers of type descriptors) are roots, not edges.
//!
//! Everything is deterministic: callees are listed in `FuncId` order; components come
//! out bottom-up with ties broken by their smallest `FuncId`; a component lists its
//! functions in `FuncId` order.

use crate::entities::FuncId;
use crate::inst::{Imm, Opcode};
use crate::module::Module;
use crate::write::func_name;
use cranelift_entity::{EntityRef, SecondaryMap};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt::Write;

/// How a function refers to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// `call @g`.
    Call,
    /// `funcref @g` or `closure @g`: a function value that may be called later.
    Value,
    /// `defer dN` of a deferred call site whose callee `g` is known (direct or closure).
    Defer,
}

impl EdgeKind {
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::Call => "call",
            EdgeKind::Value => "value",
            EdgeKind::Defer => "defer",
        }
    }
}

/// The call graph with its strongly connected components in bottom-up order.
#[derive(Clone, Debug, Default)]
pub struct CallGraph {
    /// Each function's edges, sorted by callee then kind, without duplicates.
    edges: SecondaryMap<FuncId, Vec<(FuncId, EdgeKind)>>,
    /// Each function's distinct callees, in `FuncId` order.
    callees: SecondaryMap<FuncId, Vec<FuncId>>,
    /// Each function's distinct callers, in `FuncId` order.
    callers: SecondaryMap<FuncId, Vec<FuncId>>,
    /// The components, bottom-up; each in `FuncId` order.
    sccs: Vec<Vec<FuncId>>,
    /// The index in `sccs` of each function's component.
    scc_of: SecondaryMap<FuncId, usize>,
}

impl CallGraph {
    /// Builds the call graph of `m` from its functions' placed instructions.
    pub fn new(m: &Module) -> CallGraph {
        let mut g = CallGraph::default();
        for (id, f) in m.funcs.iter() {
            let mut edges = Vec::new();
            for &b in &f.layout.blocks {
                for &i in &f.layout.insts[b] {
                    let d = &f.dfg.insts[i];
                    let edge = match (d.opcode, &d.imm) {
                        (Opcode::Call, Imm::Func(g)) => Some((*g, EdgeKind::Call)),
                        (
                            Opcode::FuncRef | Opcode::Closure | Opcode::StackClosure,
                            Imm::Func(g),
                        ) => Some((*g, EdgeKind::Value)),
                        (Opcode::Defer, Imm::Defer(dd)) => f
                            .defers
                            .get(*dd)
                            .and_then(|data| data.callee.func())
                            .map(|g| (g, EdgeKind::Defer)),
                        _ => None,
                    };
                    // A reference to a function the module lacks is the verifier's to
                    // report; the graph ignores it.
                    if let Some(e) = edge.filter(|e| m.funcs.get(e.0).is_some()) {
                        edges.push(e);
                    }
                }
            }
            edges.sort();
            edges.dedup();
            let mut callees: Vec<FuncId> = edges.iter().map(|e| e.0).collect();
            callees.dedup();
            for &c in &callees {
                g.callers[c].push(id);
            }
            g.edges[id] = edges;
            g.callees[id] = callees;
        }
        let n = m.funcs.len();
        let sccs = tarjan(n, &g.callees);
        g.sccs = bottom_up(n, sccs, &g.callees);
        for (k, scc) in g.sccs.iter().enumerate() {
            for &f in scc {
                g.scc_of[f] = k;
            }
        }
        g
    }

    /// The distinct functions `f` refers to, in `FuncId` order.
    pub fn callees(&self, f: FuncId) -> &[FuncId] {
        &self.callees[f]
    }

    /// The distinct functions that refer to `f`, in `FuncId` order.
    pub fn callers(&self, f: FuncId) -> &[FuncId] {
        &self.callers[f]
    }

    /// The edges of `f` with their kinds, by callee then kind.
    pub fn edges(&self, f: FuncId) -> &[(FuncId, EdgeKind)] {
        &self.edges[f]
    }

    /// The strongly connected components, bottom-up: every component comes after the
    /// components its functions refer to (outside itself).
    pub fn sccs(&self) -> &[Vec<FuncId>] {
        &self.sccs
    }

    /// Every function, bottom-up (the components in order, flattened).
    pub fn bottom_up(&self) -> impl Iterator<Item = FuncId> + '_ {
        self.sccs.iter().flatten().copied()
    }

    /// The component of `f` (an index into `sccs`).
    pub fn scc_of(&self, f: FuncId) -> usize {
        self.scc_of[f]
    }

    /// Whether `f` may reach itself: it is in a component with other functions, or it
    /// refers to itself.
    pub fn is_recursive(&self, f: FuncId) -> bool {
        self.sccs[self.scc_of[f]].len() > 1 || self.callees[f].contains(&f)
    }

    /// The graph as text, for tests and dumps: each function with its edges, then the
    /// components bottom-up.
    pub fn render(&self, m: &Module) -> String {
        let name = |f: FuncId| func_name(&m.funcs[f].name);
        let mut out = String::from("edges:\n");
        for id in m.funcs.keys() {
            let es: Vec<String> = self.edges[id]
                .iter()
                .map(|&(g, k)| format!("{} {}", k.name(), name(g)))
                .collect();
            let _ = write!(out, "  {}", name(id));
            if !es.is_empty() {
                let _ = write!(out, " -> {}", es.join(", "));
            }
            out.push('\n');
        }
        out.push_str("bottom-up:\n");
        for (k, scc) in self.sccs.iter().enumerate() {
            let names: Vec<String> = scc.iter().map(|&f| name(f)).collect();
            let _ = write!(out, "  {k}: {}", names.join(" "));
            if self.is_recursive(scc[0]) {
                out.push_str(" (recursive)");
            }
            out.push('\n');
        }
        out
    }
}

/// Tarjan's strongly connected components (iterative), visiting roots and successors in
/// `FuncId` order. Returns the components, each sorted.
fn tarjan(n: usize, succ: &SecondaryMap<FuncId, Vec<FuncId>>) -> Vec<Vec<FuncId>> {
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<FuncId> = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    for root in (0..n).map(FuncId::new) {
        if index[root.index()] != UNSEEN {
            continue;
        }
        // Each frame: a function and how many of its successors were visited.
        let mut work: Vec<(FuncId, usize)> = vec![(root, 0)];
        index[root.index()] = next;
        low[root.index()] = next;
        next += 1;
        stack.push(root);
        on_stack[root.index()] = true;
        while let Some(&(v, k)) = work.last() {
            if let Some(&w) = succ[v].get(k) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                if index[w.index()] == UNSEEN {
                    index[w.index()] = next;
                    low[w.index()] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[w.index()] = true;
                    work.push((w, 0));
                } else if on_stack[w.index()] {
                    low[v.index()] = low[v.index()].min(index[w.index()]);
                }
                continue;
            }
            work.pop();
            if let Some(&(u, _)) = work.last() {
                low[u.index()] = low[u.index()].min(low[v.index()]);
            }
            if low[v.index()] == index[v.index()] {
                let mut scc = Vec::new();
                loop {
                    let w = stack.pop().expect("v is on the stack");
                    on_stack[w.index()] = false;
                    scc.push(w);
                    if w == v {
                        break;
                    }
                }
                scc.sort();
                out.push(scc);
            }
        }
    }
    out
}

/// Orders components so that each comes after those it refers to, picking among the
/// ready ones the one with the smallest `FuncId` (a topological sort with a priority
/// queue), so the order depends on the graph alone, not on the traversal.
fn bottom_up(
    n: usize,
    sccs: Vec<Vec<FuncId>>,
    succ: &SecondaryMap<FuncId, Vec<FuncId>>,
) -> Vec<Vec<FuncId>> {
    let mut comp = vec![0; n];
    for (k, scc) in sccs.iter().enumerate() {
        for &f in scc {
            comp[f.index()] = k;
        }
    }
    // `waiting[k]`: how many distinct other components k still needs emitted first;
    // `users[c]`: the components that refer to c.
    let mut waiting = vec![0usize; sccs.len()];
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); sccs.len()];
    for (k, scc) in sccs.iter().enumerate() {
        let mut needs: Vec<usize> = scc
            .iter()
            .flat_map(|&f| succ[f].iter().map(|g| comp[g.index()]))
            .filter(|&c| c != k)
            .collect();
        needs.sort();
        needs.dedup();
        waiting[k] = needs.len();
        for c in needs {
            users[c].push(k);
        }
    }
    let mut ready: BinaryHeap<Reverse<(FuncId, usize)>> = BinaryHeap::new();
    for (k, scc) in sccs.iter().enumerate() {
        if waiting[k] == 0 {
            ready.push(Reverse((scc[0], k)));
        }
    }
    let mut order = Vec::with_capacity(sccs.len());
    while let Some(Reverse((_, k))) = ready.pop() {
        order.push(k);
        for &u in &users[k] {
            waiting[u] -= 1;
            if waiting[u] == 0 {
                ready.push(Reverse((sccs[u][0], u)));
            }
        }
    }
    let mut sccs: Vec<Option<Vec<FuncId>>> = sccs.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|k| sccs[k].take().expect("each component is emitted once"))
        .collect()
}
