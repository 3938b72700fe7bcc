//! Leak summaries: per function, which parameters (and which captures, for a function
//! literal) may escape through it, so a caller passing `&x` to a callee that keeps no
//! copy can keep `x` in its frame. gc's `escape/leaks.go` records the same per
//! parameter (to the heap, or to a result). Computed bottom-up over the call graph
//! (`ir::callgraph`, Tarjan's components): every summary starts as "leaks nothing", and
//! the functions of a recursive component are solved again until no summary grows, so
//! mutually recursive functions get the smallest summaries consistent with their bodies
//! (a least fixpoint).

use super::graph::{Graph, ObjKind};
use super::solve::solve;
use ir::callgraph::CallGraph;
use ir::{FuncId, Module, SecondaryMap};

/// What a function does with one pointer parameter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParamLeak {
    /// The memory it points to escapes (gc: `leaking param: p`).
    pub leaks: bool,
    /// Memory reachable from that escapes (gc: `leaking param content: p`).
    pub content_leaks: bool,
    /// The results it is returned as, one bit per result (gc: `leaking param: p to
    /// result ~r0 level=0`): those results of the call may point where the argument
    /// points.
    pub to_result: u64,
}

/// One function's summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// By index in the signature (`env`, `tok`, then the Go parameters).
    pub params: Vec<ParamLeak>,
    /// By capture index: `(leaks, content_leaks)` of the cell the capture points to.
    pub captures: Vec<(bool, bool)>,
    /// The closure object itself escapes (it is more than read by `env_get`).
    pub env_leaks: bool,
    /// Nothing is known: everything leaks.
    pub top: bool,
}

const LEAK_ALL: ParamLeak = ParamLeak {
    leaks: true,
    content_leaks: true,
    to_result: 0,
};

impl Summary {
    fn top() -> Summary {
        Summary {
            env_leaks: true,
            top: true,
            ..Summary::default()
        }
    }

    pub fn param(&self, k: usize) -> ParamLeak {
        if self.top {
            return LEAK_ALL;
        }
        self.params.get(k).copied().unwrap_or(LEAK_ALL)
    }

    pub fn capture(&self, i: usize) -> (bool, bool) {
        if self.top {
            return (true, true);
        }
        // A capture the body never reads is never leaked.
        self.captures.get(i).copied().unwrap_or_default()
    }

    /// The summary a solved graph gives.
    fn of(nparams: usize, g: &Graph) -> Summary {
        let mut s = Summary {
            params: vec![ParamLeak::default(); nparams],
            ..Summary::default()
        };
        for (o, kind) in g.kinds.iter().enumerate() {
            let esc = g.escaped.contains(&(o as u32));
            match *kind {
                ObjKind::Param(i, 0) => {
                    s.params[i].leaks = esc;
                    if !esc {
                        for &(p, r) in &g.returned_params {
                            if p == i {
                                s.params[i].to_result |= 1 << r;
                            }
                        }
                    }
                }
                ObjKind::Param(i, _) => s.params[i].content_leaks = esc,
                ObjKind::Env => s.env_leaks = esc,
                ObjKind::Capture(i, level) => {
                    let i = i as usize;
                    if s.captures.len() <= i {
                        s.captures.resize(i + 1, (false, false));
                    }
                    if level == 0 {
                        s.captures[i].0 = esc;
                    } else {
                        s.captures[i].1 = esc;
                    }
                }
                ObjKind::Heap | ObjKind::Site(_) => {}
            }
        }
        s
    }
}

/// Every function's summary.
#[derive(Clone, Debug, Default)]
pub struct Summaries {
    sums: SecondaryMap<FuncId, Option<Summary>>,
}

impl Summaries {
    /// The summary of `f`; a function outside the module leaks everything.
    pub fn get(&self, f: FuncId) -> Summary {
        self.sums
            .get(f)
            .cloned()
            .flatten()
            .unwrap_or_else(Summary::top)
    }

    /// The least fixpoint over the module, bottom-up over the call graph: a component's
    /// callees are final when it is solved; a recursive component is solved again until
    /// none of its summaries grows.
    pub fn compute(m: &Module) -> Summaries {
        let mut s = Summaries::default();
        // Bottom: no parameter leaks.
        for (id, f) in m.funcs.iter() {
            s.sums[id] = Some(Summary {
                params: vec![ParamLeak::default(); f.sig.params.len()],
                ..Summary::default()
            });
        }
        let cg = CallGraph::new(m);
        for scc in cg.sccs() {
            let recursive = scc.len() > 1 || cg.is_recursive(scc[0]);
            loop {
                let mut changed = false;
                for &id in scc {
                    let f = &m.funcs[id];
                    let g = solve(f, &s);
                    let new = Summary::of(f.sig.params.len(), &g);
                    if s.sums[id].as_ref() != Some(&new) {
                        s.sums[id] = Some(new);
                        changed = true;
                    }
                }
                if !changed || !recursive {
                    break;
                }
            }
        }
        s
    }
}
