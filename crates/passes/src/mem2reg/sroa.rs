//! Scalar replacement of aggregates (LLVM's SROA, in its simplest form): a frame cell
//! of a struct type whose fields are read and written one at a time, through
//! `field_addr`s of constant fields that only `load` and `store` use (and whose whole
//! value is otherwise only loaded and stored), becomes one cell per field. Each of those is then an
//! ordinary cell for the promotion, so `c := &counter{}` that does not escape, with
//! `c.locked++` and `c.n++` in a loop, keeps both fields in registers.
//!
//! The rewrite: a `stack_alloc.F` per field right after the struct's `stack_alloc`
//! (each zeroed where the struct was, so a fresh struct is still all zeroes); each
//! `field_addr c, sN.k` is cell `k`; a `store c, x` stores `struct_get x, k` into each
//! cell; a `load c` is the `struct_new` of a load of each cell. A field of a struct
//! type is a struct cell in turn, split in the next round if it qualifies.

use ir::{Function, Imm, Inst, InstData, Module, Opcode, SecondaryMap, Type, Value, ValueDef};
use std::collections::HashMap;

/// Splits every struct cell that qualifies; returns whether it split one.
pub(super) fn split(m: &Module, f: &mut Function) -> bool {
    forward_cell_params(f);
    let cells = candidates(m, f);
    for &(alloc, s) in &cells {
        rewrite(m, f, alloc, s);
    }
    !cells.is_empty()
}

/// A block parameter that receives one frame cell's address on every edge (or itself,
/// around a loop) is that address: an open-coded defer passes its receiver to the
/// exit so. Its uses read the cell, and the parameter goes with its arguments, so
/// the cell's uses are all in sight (`copyprop` would do the same, but runs later).
fn forward_cell_params(f: &mut Function) {
    loop {
        let mut incoming: SecondaryMap<ir::Block, Vec<Vec<Value>>> = SecondaryMap::new();
        for &b in &f.layout.blocks {
            let Some(t) = f.terminator(b) else { continue };
            for call in &f.dfg.insts[t].targets {
                incoming[call.block].push(call.args.clone());
            }
        }
        let mut found = None;
        'blocks: for &b in &f.layout.blocks {
            for (k, &p) in f.dfg.block_params(b).iter().enumerate() {
                let mut only: Option<Value> = None;
                let mut same = !incoming[b].is_empty();
                for args in &incoming[b] {
                    let a = args[k];
                    if a == p {
                        continue;
                    }
                    match only {
                        None => only = Some(a),
                        Some(x) if x == a => {}
                        Some(_) => same = false,
                    }
                }
                let Some(x) = only.filter(|_| same) else {
                    continue;
                };
                let cell = matches!(f.dfg.values[x].def, ValueDef::Result(i, _)
                    if f.dfg.insts[i].opcode == Opcode::StackAlloc);
                if cell {
                    found = Some((b, k, p, x));
                    break 'blocks;
                }
            }
        }
        let Some((b, k, p, x)) = found else { return };
        f.replace_uses(p, x);
        f.remove_block_param(b, k);
    }
}

/// The placed `stack_alloc.sN` whose every use is one of the shapes above.
fn candidates(m: &Module, f: &Function) -> Vec<(Inst, ir::StructId)> {
    let mut struct_of: SecondaryMap<Value, Option<(Inst, ir::StructId)>> = SecondaryMap::new();
    let mut order = Vec::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            if let (Opcode::StackAlloc, Some(Type::Struct(s))) = (d.opcode, d.ty) {
                if !m.structs[s].fields.is_empty() {
                    let v = f.dfg.first_result(i);
                    struct_of[v] = Some((i, s));
                    order.push(v);
                }
            }
        }
    }
    if order.is_empty() {
        return Vec::new();
    }
    // Field addresses of candidates: (cell, field type).
    let mut field_of: SecondaryMap<Value, Option<(Value, Type)>> = SecondaryMap::new();
    let mut bad: SecondaryMap<Value, bool> = SecondaryMap::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            if let (Opcode::FieldAddr, Imm::Field(s, k)) = (d.opcode, &d.imm) {
                let c = d.args[0];
                if let Some((_, cs)) = struct_of[c] {
                    match m.structs[*s].fields.get(*k as usize) {
                        Some(&t) if cs == *s => {
                            field_of[f.dfg.first_result(i)] = Some((c, t));
                        }
                        _ => bad[c] = true,
                    }
                }
            }
        }
    }
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            let whole = |v: Value| struct_of[v].map(|(_, s)| Type::Struct(s));
            let part = |v: Value| field_of[v].map(|(_, t)| t);
            // The type this instruction reads or writes at its address operand.
            let at = |v: Value| whole(v).or_else(|| part(v));
            let ok_addr = match d.opcode {
                Opcode::Load => at(d.args[0]).is_some_and(|t| d.ty == Some(t)),
                Opcode::Store => at(d.args[0]).is_some_and(|t| f.dfg.value_type(d.args[1]) == t),
                Opcode::FieldAddr => true,
                _ => false,
            };
            for (k, &v) in d.args.iter().enumerate() {
                let as_address = k == 0 && ok_addr;
                if as_address {
                    continue;
                }
                if struct_of[v].is_some() {
                    bad[v] = true;
                }
                if let Some((c, _)) = field_of[v] {
                    bad[c] = true;
                }
            }
            for t in &d.targets {
                for &v in &t.args {
                    if struct_of[v].is_some() {
                        bad[v] = true;
                    }
                    if let Some((c, _)) = field_of[v] {
                        bad[c] = true;
                    }
                }
            }
        }
    }
    // A cell only ever loaded and stored whole is promoted whole: splitting it would
    // only take it apart and put it back together.
    let mut by_field: SecondaryMap<Value, bool> = SecondaryMap::new();
    for (_, fa) in field_of.iter() {
        if let Some((c, _)) = fa {
            by_field[*c] = true;
        }
    }
    order
        .into_iter()
        .filter(|&v| !bad[v] && by_field[v])
        .filter_map(|v| struct_of[v])
        .collect()
}

fn rewrite(m: &Module, f: &mut Function, alloc: Inst, s: ir::StructId) {
    let fields = m.structs[s].fields.clone();
    let cell = f.dfg.first_result(alloc);
    let loc = f.srclocs[alloc];
    let parts: Vec<Inst> = fields
        .iter()
        .map(|&t| {
            let i = f
                .dfg
                .make_inst(InstData::new(Opcode::StackAlloc).ty(t), &[Type::Ptr]);
            f.srclocs[i] = loc;
            i
        })
        .collect();
    let part_cells: Vec<Value> = parts.iter().map(|&i| f.dfg.first_result(i)).collect();
    // Results replaced (field addresses by cells, whole loads by the struct_new),
    // rewritten in every placed instruction at the end.
    let mut subst: HashMap<Value, Value> = HashMap::new();
    for b in f.layout.blocks.clone() {
        let old = std::mem::take(&mut f.layout.insts[b]);
        let mut new = Vec::with_capacity(old.len());
        for i in old {
            let d = f.dfg.insts[i].clone();
            let loc = f.srclocs[i];
            let mut emit = |f: &mut Function, data: InstData, tys: &[Type]| {
                let n = f.dfg.make_inst(data, tys);
                f.srclocs[n] = loc;
                new.push(n);
                n
            };
            if i == alloc {
                new.extend_from_slice(&parts);
                continue;
            }
            match (d.opcode, &d.imm) {
                (Opcode::FieldAddr, Imm::Field(_, k)) if d.args[0] == cell => {
                    subst.insert(f.dfg.first_result(i), part_cells[*k as usize]);
                }
                (Opcode::Store, _) if d.args[0] == cell => {
                    for (k, &t) in fields.iter().enumerate() {
                        let get = InstData::new(Opcode::StructGet)
                            .args(&[d.args[1]])
                            .imm(Imm::Index(k as u32));
                        let g = emit(f, get, &[t]);
                        let x = f.dfg.first_result(g);
                        emit(
                            f,
                            InstData::new(Opcode::Store).args(&[part_cells[k], x]),
                            &[],
                        );
                    }
                }
                (Opcode::Load, _) if d.args[0] == cell => {
                    let mut vals = Vec::with_capacity(fields.len());
                    for (k, &t) in fields.iter().enumerate() {
                        let l = emit(
                            f,
                            InstData::new(Opcode::Load).ty(t).args(&[part_cells[k]]),
                            &[t],
                        );
                        vals.push(f.dfg.first_result(l));
                    }
                    let ty = Type::Struct(s);
                    let n = emit(
                        f,
                        InstData::new(Opcode::StructNew).ty(ty).args(&vals),
                        &[ty],
                    );
                    subst.insert(f.dfg.first_result(i), f.dfg.first_result(n));
                }
                _ => new.push(i),
            }
        }
        f.layout.insts[b] = new;
    }
    f.map_all_uses(|v| subst.get(&v).copied().unwrap_or(v));
}
