//! Every use of a value is dominated by its definition: a block parameter by its block,
//! an instruction result by its instruction (earlier in the same block, or in a block
//! that dominates the user's). Branch arguments are uses at the branch. Unreachable
//! blocks are not checked (nothing can observe them), but a reachable use of a value
//! defined only in unreachable code is an error.

use super::Errors;
use crate::dominance::DomTree;
use crate::entities::{Block, Inst};
use crate::function::{Function, ValueDef};
use crate::write::Point;
use cranelift_entity::SecondaryMap;

pub(super) fn check(f: &Function, errs: &mut Errors) {
    let dt = DomTree::compute(f);
    let mut pos: SecondaryMap<Inst, Option<(Block, usize)>> = SecondaryMap::new();
    for &b in &f.layout.blocks {
        for (i, &inst) in f.layout.insts[b].iter().enumerate() {
            pos[inst] = Some((b, i));
        }
    }
    for &b in dt.rpo() {
        for (i, &inst) in f.layout.insts[b].iter().enumerate() {
            for v in f.dfg.inst_uses(inst) {
                let ok = match f.dfg.values[v].def {
                    ValueDef::Param(db, _) => dt.dominates(db, b),
                    ValueDef::Result(di, _) => match pos.get(di).copied().flatten() {
                        None => {
                            errs.at(
                                Point::Inst(inst),
                                format!("{v} is defined by {di}, which is not in the layout"),
                            );
                            continue;
                        }
                        Some((db, dpos)) => {
                            if db == b {
                                dpos < i
                            } else {
                                dt.dominates(db, b)
                            }
                        }
                    },
                };
                if !ok {
                    errs.at(
                        Point::Inst(inst),
                        format!("use of {v} is not dominated by its definition"),
                    );
                }
            }
        }
    }
}
