//! Structural and control-flow checks: entities exist and are defined once, each block
//! in the layout ends with exactly one terminator, branch targets are laid-out blocks
//! whose parameters match the branch arguments, and the entry block takes the
//! function's parameters and is never a branch target (so code at its start runs once
//! per call, which `defer_lower` relies on).

use super::{in_layout, Errors};
use crate::entities::{Block, Inst, Value};
use crate::function::{Function, ValueDef};
use crate::inst::Opcode;
use crate::write::Point;
use cranelift_entity::SecondaryMap;

/// Returns whether the function is sound enough for the other checks: no dangling
/// block, instruction or value reference, and no instruction placed twice.
pub(super) fn check(f: &Function, errs: &mut Errors) -> bool {
    let before = errs.len();
    let dfg = &f.dfg;
    if f.layout.blocks.is_empty() {
        errs.at(Point::Header, "the function has no blocks");
        return false;
    }
    let mut seen_block: SecondaryMap<Block, bool> = SecondaryMap::new();
    let mut placed: SecondaryMap<Inst, bool> = SecondaryMap::new();
    for &b in &f.layout.blocks {
        if dfg.blocks.get(b).is_none() {
            errs.at(
                Point::Header,
                format!("{b} is in the layout but does not exist"),
            );
            continue;
        }
        if seen_block[b] {
            errs.at(Point::Block(b), format!("{b} appears twice in the layout"));
        }
        seen_block[b] = true;
        for (i, &v) in dfg.blocks[b].params.iter().enumerate() {
            match dfg.values.get(v) {
                None => errs.at(Point::Block(b), format!("parameter {v} does not exist")),
                Some(vd) if vd.def != ValueDef::Param(b, i as u32) => errs.at(
                    Point::Block(b),
                    format!("parameter {v} is defined as {:?}", vd.def),
                ),
                Some(_) => {}
            }
        }
        for &inst in &f.layout.insts[b] {
            if dfg.insts.get(inst).is_none() {
                errs.at(Point::Block(b), format!("{inst} does not exist"));
                continue;
            }
            if placed[inst] {
                errs.at(Point::Inst(inst), format!("{inst} is placed twice"));
            }
            placed[inst] = true;
            check_values(f, inst, errs);
        }
    }
    if errs.len() != before {
        return false;
    }
    for &b in &f.layout.blocks {
        check_block(f, b, errs);
    }
    let entry = f.layout.blocks[0];
    let tys: Vec<_> = dfg.blocks[entry]
        .params
        .iter()
        .map(|&v| dfg.value_type(v))
        .collect();
    if tys != f.sig.params {
        errs.at(
            Point::Block(entry),
            format!(
                "the entry block's parameters ({}) do not match the signature ({})",
                join(&tys),
                join(&f.sig.params)
            ),
        );
    }
    // Targets outside the arena make the function unsound too (reported above).
    !f.layout.blocks.iter().any(|&b| {
        f.layout.insts[b].iter().any(|&i| {
            dfg.insts[i]
                .targets
                .iter()
                .any(|t| dfg.blocks.get(t.block).is_none())
        })
    })
}

fn check_values(f: &Function, inst: Inst, errs: &mut Errors) {
    let dfg = &f.dfg;
    let exists = |v: Value| dfg.values.get(v).is_some();
    for v in dfg.inst_uses(inst) {
        if !exists(v) {
            errs.at(Point::Inst(inst), format!("{v} does not exist"));
        }
    }
    let results = dfg.results.get(inst).map(|r| r.as_slice()).unwrap_or(&[]);
    for (i, &v) in results.iter().enumerate() {
        match dfg.values.get(v) {
            None => errs.at(Point::Inst(inst), format!("result {v} does not exist")),
            Some(vd) if vd.def != ValueDef::Result(inst, i as u32) => errs.at(
                Point::Inst(inst),
                format!("result {v} is defined as {:?}", vd.def),
            ),
            Some(_) => {}
        }
    }
}

fn check_block(f: &Function, b: Block, errs: &mut Errors) {
    let dfg = &f.dfg;
    let insts = &f.layout.insts[b];
    let entry = f.layout.blocks[0];
    match insts.last() {
        None => errs.at(
            Point::Block(b),
            format!("{b} is empty: it needs a terminator"),
        ),
        Some(&last) if !dfg.insts[last].opcode.is_terminator() => errs.at(
            Point::Inst(last),
            format!("{b} does not end with a terminator"),
        ),
        Some(_) => {}
    }
    for (pos, &inst) in insts.iter().enumerate() {
        let d = &dfg.insts[inst];
        if d.opcode.is_terminator() && pos + 1 != insts.len() {
            errs.at(
                Point::Inst(inst),
                format!("terminator {} is not at the end of {b}", d.opcode),
            );
        }
        let want = match d.opcode {
            Opcode::Jump => 1,
            Opcode::Brif => 2,
            _ => 0,
        };
        if d.targets.len() != want {
            errs.at(
                Point::Inst(inst),
                format!(
                    "{} takes {want} branch targets, found {}",
                    d.opcode,
                    d.targets.len()
                ),
            );
        }
        for t in &d.targets {
            let Some(bd) = dfg.blocks.get(t.block) else {
                errs.at(
                    Point::Inst(inst),
                    format!("branch target {} does not exist", t.block),
                );
                continue;
            };
            if !in_layout(f, t.block) {
                errs.at(
                    Point::Inst(inst),
                    format!("branch target {} is not in the layout", t.block),
                );
            }
            if t.block == entry {
                errs.at(
                    Point::Inst(inst),
                    format!("branch to the entry block {entry}"),
                );
            }
            if t.args.len() != bd.params.len() {
                errs.at(
                    Point::Inst(inst),
                    format!(
                        "{} takes {} arguments, the branch passes {}",
                        t.block,
                        bd.params.len(),
                        t.args.len()
                    ),
                );
                continue;
            }
            for (k, (&a, &p)) in t.args.iter().zip(&bd.params).enumerate() {
                let (ta, tp) = (dfg.value_type(a), dfg.value_type(p));
                if ta != tp {
                    errs.at(
                        Point::Inst(inst),
                        format!(
                            "argument {k} to {}: {a} has type {ta}, the parameter {p} has type {tp}",
                            t.block
                        ),
                    );
                }
            }
        }
    }
}

pub(super) fn join<T: std::fmt::Display>(xs: &[T]) -> String {
    xs.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
