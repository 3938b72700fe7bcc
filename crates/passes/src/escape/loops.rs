//! Objects made on a CFG cycle (a variable declared in a loop body, a closure made
//! there) that may still live in one frame slot, reused by every execution of the site:
//! those whose pointers provably die before the site runs again. Go 1.22 gives each
//! iteration its own variable; reusing a slot is only right when no pointer to the old
//! object is used after the new one is made (a closure from iteration 1, deferred or
//! kept in a variable declared outside the loop, must keep seeing iteration 1's value).
//!
//! When the site `S` of a non-escaping object `o` runs again, a pointer to the old `o`
//! could only come from
//!
//! 1. an SSA value live at `S`: we require none that may point to `o` (or to an object
//!    holding `o`, below) to be live there (Go 1.22's per-iteration copy of a loop
//!    variable reads the old cell after making the new one: it stays on the heap);
//! 2. memory holding `o`. Each holder must be either
//!    - its *binding slot*: a frame cell (`stack_alloc`) whose address is only loaded
//!      from and stored to, and whose every load is dominated by a store into it that
//!      `S` dominates: every read sees a value stored after `S` last ran (the argument
//!      is at `binding_slot`);
//!    - or another such object `p` (a closure capturing `o`) made after `o` (`S`
//!      dominates `p`'s site) that itself qualifies; the old `p` then dies with the old
//!      `o`. The set of qualifying objects is the greatest fixpoint of these rules.
//! 3. a deferred call's arguments, which live until the function returns: an object
//!    reachable from them never qualifies.

use super::graph::{Graph, Obj, ObjKind, Set, HEAP};
use ir::dominance::{ControlFlowGraph, DomTree};
use ir::{Block, Function, Inst, Opcode, SecondaryMap, Value};
use std::collections::BTreeSet;

/// The sites among `candidates` (non-escaping `alloc`/`closure` on a cycle) whose objects
/// may live in a frame slot.
pub fn reusable(f: &Function, g: &Graph, candidates: &[Inst]) -> BTreeSet<Inst> {
    if candidates.is_empty() {
        return BTreeSet::new();
    }
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    let blocks = f.inst_blocks();
    let pos = |i: Inst| -> (Block, usize) {
        let b = blocks[i].expect("placed");
        let p = f.layout.insts[b].iter().position(|&x| x == i).unwrap_or(0);
        (b, p)
    };
    // Instruction-level dominance.
    let dominates = |a: Inst, b: Inst| -> bool {
        let ((ba, pa), (bb, pb)) = (pos(a), pos(b));
        if ba == bb {
            pa <= pb
        } else {
            dt.dominates(ba, bb)
        }
    };

    // Objects reachable from deferred calls' arguments.
    let mut deferred = Set::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            if f.dfg.insts[i].opcode == Opcode::Defer {
                for &a in &f.dfg.insts[i].args {
                    deferred.extend(g.pts[a].iter().copied());
                }
            }
        }
    }
    let deferred = g.reachable(&deferred);

    let live = Liveness::compute(f);
    let mut ok: BTreeSet<Inst> = candidates
        .iter()
        .copied()
        .filter(|&i| g.site(i).is_some_and(|o| !deferred.contains(&o)))
        .collect();
    loop {
        let before = ok.len();
        let snapshot = ok.clone();
        ok.retain(|&s| qualifies(f, g, s, &snapshot, &dominates, &live));
        if ok.len() == before {
            return ok;
        }
    }
}

fn qualifies(
    f: &Function,
    g: &Graph,
    s: Inst,
    ok: &BTreeSet<Inst>,
    dominates: &dyn Fn(Inst, Inst) -> bool,
    live: &Liveness,
) -> bool {
    let Some(o) = g.site(s) else { return false };
    // Objects whose old instance must be dead when `s` runs again: `o` and the objects
    // holding it.
    let mut guarded: Set = [o].into();
    for (h, contents) in g.contents.iter().enumerate() {
        let h = h as Obj;
        if h == o || !contents.contains(&o) {
            continue;
        }
        if h == HEAP {
            return false;
        }
        match g.kinds[h as usize] {
            ObjKind::Site(hs) => match f.dfg.insts[hs].opcode {
                Opcode::StackAlloc => {
                    if !binding_slot(f, g, s, h, dominates) {
                        return false;
                    }
                }
                Opcode::Alloc
                | Opcode::Closure
                | Opcode::AllocArray
                | Opcode::RtCall
                | Opcode::Box => {
                    if !ok.contains(&hs) || hs == s || !dominates(s, hs) {
                        return false;
                    }
                    guarded.insert(h);
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    // No SSA value that may point to a guarded object is live at `s`.
    !live
        .live_before(f, s)
        .iter()
        .any(|&v| g.pts[v].iter().any(|p| guarded.contains(p)))
}

/// Whether the frame cell `h` is a *binding slot* for `o` (see the module doc): its
/// address is only loaded from and stored to, never passed on, and every load of it is
/// dominated by a store into it that the site `s` dominates. Then a load after `s` runs
/// again reads a value stored after it: if the path from the last run of `s` to the load
/// missed that store, a path from the entry to `s` missing it (there is one: the store
/// does not dominate `s`, which dominates it) followed by this one would reach the load
/// without the store. The stored value is an SSA value: one made before `s` ran is live
/// at `s` (checked by the caller), one made after it points to the new object or came
/// from memory that the caller checks the same way.
fn binding_slot(
    f: &Function,
    g: &Graph,
    s: Inst,
    h: Obj,
    dominates: &dyn Fn(Inst, Inst) -> bool,
) -> bool {
    let only_h: Set = [h].into();
    // The stores into `h` made after `s` in every iteration.
    let mut rebinds = Vec::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            if d.opcode == Opcode::Store && g.pts[d.args[0]] == only_h && dominates(s, i) {
                rebinds.push(i);
            }
        }
    }
    if rebinds.is_empty() {
        return false;
    }
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            for (k, &a) in d.args.iter().enumerate() {
                if !g.pts[a].contains(&h) {
                    continue;
                }
                let fine = match d.opcode {
                    Opcode::Load => {
                        g.pts[a] == only_h && rebinds.iter().any(|&r| r != i && dominates(r, i))
                    }
                    Opcode::Store => k == 0,
                    _ => false,
                };
                if !fine {
                    return false;
                }
            }
            for t in &d.targets {
                if t.args.iter().any(|&a| g.pts[a].contains(&h)) {
                    return false;
                }
            }
        }
    }
    true
}

/// Which SSA values are live where: live-in per block, from which a backward scan gives
/// the values live just before an instruction.
struct Liveness {
    live_in: SecondaryMap<Block, BTreeSet<Value>>,
    live_out: SecondaryMap<Block, BTreeSet<Value>>,
}

impl Liveness {
    fn compute(f: &Function) -> Liveness {
        let mut live_in: SecondaryMap<Block, BTreeSet<Value>> = SecondaryMap::new();
        let mut live_out: SecondaryMap<Block, BTreeSet<Value>> = SecondaryMap::new();
        loop {
            let mut changed = false;
            for &b in f.layout.blocks.iter().rev() {
                let mut out = BTreeSet::new();
                for s in f.successors(b) {
                    out.extend(live_in[s].iter().copied());
                }
                let mut inn = out.clone();
                for &i in f.layout.insts[b].iter().rev() {
                    for r in f.dfg.inst_results(i) {
                        inn.remove(r);
                    }
                    inn.extend(f.dfg.inst_uses(i));
                }
                for p in f.dfg.block_params(b) {
                    inn.remove(p);
                }
                if out != live_out[b] || inn != live_in[b] {
                    live_out[b] = out;
                    live_in[b] = inn;
                    changed = true;
                }
            }
            if !changed {
                return Liveness { live_in, live_out };
            }
        }
    }

    /// The values live just before `inst` runs.
    fn live_before(&self, f: &Function, inst: Inst) -> BTreeSet<Value> {
        let blocks = f.inst_blocks();
        let b = blocks[inst].expect("placed");
        let mut live = self.live_out[b].clone();
        for &i in f.layout.insts[b].iter().rev() {
            for r in f.dfg.inst_results(i) {
                live.remove(r);
            }
            live.extend(f.dfg.inst_uses(i));
            if i == inst {
                break;
            }
        }
        let _ = &self.live_in;
        live
    }
}
