//! Defer scope checks.
//!
//! Structure (`check_structure`, before the checks that index freely): `scope0` is the
//! function's own scope (no parent, not inlined); every other scope has a parent declared
//! before it (so the scopes form a tree rooted at `scope0`) and an inlined callee that
//! exists; every block, deferred call and `run_defers` names a scope that exists.
//!
//! Placement (`check_flow`): a `defer dN` is executed by code of dN's scope, and a
//! `run_defers sK` by code of `sK` (a block's scope says whose code it is): no scope's
//! deferred calls are pushed or run from outside it.
//!
//! Exits (`check_flow`, while defers are unlowered): a forward "may have pending deferred
//! calls" analysis per scope, over every path including panic edges (which are ordinary
//! edges to the panic path). A `defer` makes its scope pending, a `run_defers sK` runs
//! and clears `sK`; then:
//! - an edge from a block of scope `s` to a block outside `s` leaves `s`, so `s` (and
//!   every scope between it and the common ancestor) must have nothing pending: every
//!   path that leaves a scope, normally or by a panic, has run the deferred calls
//!   pushed on it, and none of them can run after the scope is left;
//! - `run_defers sK` while a scope nested in `sK` is pending would run the outer
//!   scope's calls first: inner scopes run theirs before the enclosing scope's;
//! - a `ret` leaves every scope, so nothing may be pending there.
//!
//! `run_defers` itself runs each pending call once, last deferred first, so with these
//! rules every exit runs exactly the calls pushed on its path, once each, in order.

use super::Errors;
use crate::dominance::{ControlFlowGraph, DomTree};
use crate::entities::{Block, ScopeId};
use crate::function::Function;
use crate::inst::{Imm, Opcode};
use crate::module::Module;
use crate::write::Point;
use cranelift_entity::{EntityRef, SecondaryMap};

/// Checks that every scope reference resolves and the scopes form a tree. Returns
/// whether the later checks may index scopes freely.
pub(super) fn check_structure(m: &Module, f: &Function, errs: &mut Errors) -> bool {
    let before = errs.len();
    match f.scopes.get(ScopeId::ROOT) {
        None => errs.at(
            Point::Header,
            "scope0, the function's own scope, is missing",
        ),
        Some(root) if root.parent.is_some() || root.inlined.is_some() => errs.at(
            Point::Header,
            "scope0 is the function's own scope: it has no parent and was not inlined",
        ),
        Some(_) => {}
    }
    for (s, data) in f.scopes.iter().skip(1) {
        match data.parent {
            None => errs.at(Point::Scope(s), format!("{s} has no parent scope")),
            Some(p) if p.index() >= s.index() => errs.at(
                Point::Scope(s),
                format!("the parent of {s} is {p}, which is not declared before it"),
            ),
            Some(_) => {}
        }
        if let Some(at) = data.inlined {
            if m.funcs.get(at.callee).is_none() {
                errs.at(
                    Point::Scope(s),
                    format!("{s} was inlined from {}, which does not exist", at.callee),
                );
            }
        }
    }
    for (d, data) in f.defers.iter() {
        if f.scopes.get(data.scope).is_none() {
            errs.at(
                Point::Defer(d),
                format!("{d} belongs to {}, which does not exist", data.scope),
            );
        }
    }
    for &b in &f.layout.blocks {
        let s = f.dfg.blocks[b].scope;
        if f.scopes.get(s).is_none() {
            errs.at(
                Point::Block(b),
                format!("{b} is in {s}, which does not exist"),
            );
        }
        for &inst in &f.layout.insts[b] {
            let data = &f.dfg.insts[inst];
            match (data.opcode, &data.imm) {
                (Opcode::RunDefers, Imm::Scope(s)) if f.scopes.get(*s).is_none() => {
                    errs.at(Point::Inst(inst), format!("{s} does not exist"));
                }
                (Opcode::RunDefers, Imm::Scope(_)) => {}
                (Opcode::RunDefers, _) => errs.at(
                    Point::Inst(inst),
                    "run_defers needs the scope it runs, scopeN",
                ),
                (_, Imm::Scope(_)) => errs.at(
                    Point::Inst(inst),
                    format!("{} takes no scope operand", data.opcode),
                ),
                _ => {}
            }
        }
    }
    errs.len() == before
}

/// Placement of `defer` and `run_defers`, and (unless `lowered`) the exits of every
/// scope. Runs only when `check_structure` found nothing.
pub(super) fn check_flow(f: &Function, lowered: bool, errs: &mut Errors) {
    let mut has_defer = false;
    for &b in &f.layout.blocks {
        let bs = f.dfg.blocks[b].scope;
        for &inst in &f.layout.insts[b] {
            let data = &f.dfg.insts[inst];
            match (data.opcode, &data.imm) {
                (Opcode::Defer, Imm::Defer(d)) => {
                    has_defer = true;
                    let Some(dd) = f.defers.get(*d) else { continue };
                    if dd.scope != bs {
                        errs.at(
                            Point::Inst(inst),
                            format!("{d} belongs to {}, but is pushed by code of {bs}", dd.scope),
                        );
                    }
                }
                (Opcode::RunDefers, Imm::Scope(s)) if *s != bs => errs.at(
                    Point::Inst(inst),
                    format!("run_defers {s} is executed by code of {bs}, outside {s}"),
                ),
                _ => {}
            }
        }
    }
    if has_defer && !lowered {
        check_exits(f, errs);
    }
}

/// The scopes that may have pending deferred calls.
type Pending = Vec<bool>;

fn transfer(f: &Function, b: Block, state: &mut Pending, mut report: impl FnMut(Point, String)) {
    for &inst in &f.layout.insts[b] {
        let data = &f.dfg.insts[inst];
        match (data.opcode, &data.imm) {
            (Opcode::Defer, Imm::Defer(d)) => {
                if let Some(dd) = f.defers.get(*d) {
                    state[dd.scope.index()] = true;
                }
            }
            (Opcode::RunDefers, Imm::Scope(s)) => {
                for (k, pending) in state.iter().enumerate() {
                    let inner = ScopeId::new(k);
                    if *pending && inner != *s && f.scope_within(inner, *s) {
                        report(
                            Point::Inst(inst),
                            format!(
                                "run_defers {s} runs before the deferred calls of {inner}, \
                                 nested in it, have run"
                            ),
                        );
                    }
                }
                state[s.index()] = false;
            }
            (Opcode::Ret, _) if state.iter().any(|&p| p) => report(
                Point::Inst(inst),
                "ret may skip deferred calls: no run_defers after a defer on some path".into(),
            ),
            _ => {}
        }
    }
}

fn check_exits(f: &Function, errs: &mut Errors) {
    let cfg = ControlFlowGraph::compute(f);
    let dt = DomTree::with_cfg(f, &cfg);
    let n = f.scopes.len();
    let mut pending_in: SecondaryMap<Block, Pending> = SecondaryMap::with_default(vec![false; n]);
    let mut pending_out: SecondaryMap<Block, Pending> = SecondaryMap::with_default(vec![false; n]);
    let mut changed = true;
    while changed {
        changed = false;
        for &b in dt.rpo() {
            let mut s = vec![false; n];
            for &p in &cfg.preds[b] {
                for (x, &y) in s.iter_mut().zip(&pending_out[p]) {
                    *x |= y;
                }
            }
            pending_in[b] = s.clone();
            transfer(f, b, &mut s, |_, _| {});
            if s != pending_out[b] {
                pending_out[b] = s;
                changed = true;
            }
        }
    }
    for &b in dt.rpo() {
        let mut s = pending_in[b].clone();
        transfer(f, b, &mut s, |p, msg| errs.at(p, msg));
        let from = f.dfg.blocks[b].scope;
        let Some(term) = f.terminator(b) else {
            continue;
        };
        let mut reported = Vec::new();
        for t in f.successors(b) {
            let to = f.dfg.blocks[t].scope;
            // The scopes this edge leaves: `from` and its ancestors that do not contain
            // `to`.
            let mut left = Some(from);
            while let Some(x) = left {
                if f.scope_within(to, x) {
                    break;
                }
                if s[x.index()] && !reported.contains(&(t, x)) {
                    reported.push((t, x));
                    errs.at(
                        Point::Inst(term),
                        format!("the edge to {t} leaves {x} with its deferred calls pending"),
                    );
                }
                left = f.scopes[x].parent;
            }
        }
    }
}
