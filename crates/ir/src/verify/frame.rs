//! Frame addresses: no address of this frame's memory (a `stack_alloc`, `stack_closure`,
//! `stack_alloc_array` or `stack_box`, or anything derived from one without going
//! through memory) may be stored where it outlives the frame (memory reached from a
//! package variable, a parameter or the closure's environment: the caller's or
//! anybody's), returned, or raised as a panic value. Such a store is a use-after-return
//! waiting to happen: the `escape` pass answered "does not escape" wrongly.
//!
//! The check follows SSA values only (derived pointers, aggregates, `select`, block
//! parameters), never memory, so it catches the direct cases, which after `mem2reg` are
//! most; it is cheap enough to run after every pass.

use super::Errors;
use crate::entities::Value;
use crate::function::Function;
use crate::inst::Opcode;
use crate::write::Point;
use cranelift_entity::SecondaryMap;

/// What a value may be: an address in this frame, or one into memory that outlives it.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Kind {
    frame: bool,
    outer: bool,
}

pub(super) fn check(f: &Function, errs: &mut Errors) {
    let Some(entry) = f.entry() else { return };
    let mut kind: SecondaryMap<Value, Kind> = SecondaryMap::new();
    for &p in f.dfg.block_params(entry) {
        kind[p].outer = true;
    }
    // Propagate to a fixpoint (block parameters may come from later blocks).
    loop {
        let mut changed = false;
        for &b in &f.layout.blocks {
            for &i in &f.layout.insts[b] {
                let d = &f.dfg.insts[i];
                let from_args = || {
                    d.args.iter().fold(Kind::default(), |k, &a| Kind {
                        frame: k.frame || kind[a].frame,
                        outer: k.outer || kind[a].outer,
                    })
                };
                let new = match d.opcode {
                    Opcode::StackAlloc
                    | Opcode::StackClosure
                    | Opcode::StackAllocArray
                    | Opcode::StackBox => Kind {
                        frame: true,
                        outer: false,
                    },
                    Opcode::GlobalAddr => Kind {
                        frame: false,
                        outer: true,
                    },
                    Opcode::EnvGet => from_args(),
                    op if op.derives_from_operands() => from_args(),
                    _ => Kind::default(),
                };
                for &r in f.dfg.inst_results(i) {
                    if new != Kind::default() && kind[r] != new {
                        let old = kind[r];
                        kind[r] = Kind {
                            frame: old.frame || new.frame,
                            outer: old.outer || new.outer,
                        };
                        changed |= kind[r] != old;
                    }
                }
                for t in &d.targets {
                    let params = f.dfg.block_params(t.block);
                    for (&p, &a) in params.iter().zip(&t.args) {
                        let old = kind[p];
                        let new = Kind {
                            frame: old.frame || kind[a].frame,
                            outer: old.outer || kind[a].outer,
                        };
                        if new != old {
                            kind[p] = new;
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            let bad = match d.opcode {
                Opcode::Store => {
                    kind[d.args[0]].outer && kind[d.args[1]].frame && !kind[d.args[0]].frame
                }
                Opcode::Ret | Opcode::Raise => d.args.iter().any(|&a| kind[a].frame),
                _ => false,
            };
            if bad {
                errs.at(
                    Point::Inst(i),
                    format!(
                        "{} of a frame address: it would outlive the frame",
                        d.opcode
                    ),
                );
            }
        }
    }
}
