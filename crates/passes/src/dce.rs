//! `dce`: removes the instructions and block parameters whose values nothing with an
//! effect ever reads.
//!
//! **Requires:** a verified function.
//!
//! **Establishes:** every placed instruction either has an effect
//! (`Opcode::has_side_effects`: it may panic, stores, calls, branches, reads or changes
//! the panic and defer state) or produces a value that such an instruction reads,
//! directly or through other instructions and block parameters; every parameter of a
//! non-entry block is read likewise. The entry block's parameters are the function's
//! and stay.
//!
//! **Remarks:** none (a removed value is no decision a user needs to see).
//!
//! The algorithm marks what is live instead of counting uses, so dead cycles go too (a
//! loop counter that only feeds itself through a block parameter): the roots are the
//! instructions with effects and the conditions of their branches; a live value makes
//! its defining instruction live, and a live block parameter makes the branch arguments
//! that feed it live. Branch arguments are not roots: an argument whose parameter is
//! dead is removed together with that parameter. Anything that may panic is a root, so a
//! `check_div` of a constant zero, a call whose result is unused or an `rtcall` that may
//! fail is never removed; allocations without uses (`alloc`, `box`, `closure`) are, as
//! in gc.

use crate::PassContext;
use ir::{Block, FuncId, Function, Inst, Module, SecondaryMap, Value, ValueDef};

pub fn run(m: &mut Module, _cx: &mut PassContext) {
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        run_function(&mut m.funcs[id]);
    }
}

fn run_function(f: &mut Function) {
    // Every placed branch to each block, as (branch, target index).
    let mut callers: SecondaryMap<Block, Vec<(Inst, usize)>> = SecondaryMap::new();
    let mut live_inst: SecondaryMap<Inst, bool> = SecondaryMap::new();
    let mut live_val: SecondaryMap<Value, bool> = SecondaryMap::new();
    let mut work: Vec<Value> = Vec::new();
    for &b in &f.layout.blocks {
        for &i in &f.layout.insts[b] {
            let d = &f.dfg.insts[i];
            for (t, call) in d.targets.iter().enumerate() {
                callers[call.block].push((i, t));
            }
            if d.opcode.has_side_effects() {
                live_inst[i] = true;
                work.extend(&d.args);
            }
        }
    }
    while let Some(v) = work.pop() {
        if live_val[v] {
            continue;
        }
        live_val[v] = true;
        match f.dfg.values[v].def {
            ValueDef::Result(i, _) => {
                if !live_inst[i] {
                    live_inst[i] = true;
                    work.extend(f.dfg.inst_uses(i));
                }
            }
            ValueDef::Param(b, k) => {
                for &(i, t) in &callers[b] {
                    if let Some(&a) = f.dfg.insts[i].targets[t].args.get(k as usize) {
                        work.push(a);
                    }
                }
            }
        }
    }

    let blocks = f.layout.blocks.clone();
    for &b in &blocks {
        f.layout.insts[b].retain(|&i| live_inst[i]);
    }
    for &b in blocks.iter().skip(1) {
        let params = f.dfg.block_params(b).to_vec();
        for (k, &p) in params.iter().enumerate().rev() {
            if !live_val[p] {
                f.remove_block_param(b, k);
            }
        }
    }
}
