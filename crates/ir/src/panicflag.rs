//! The panic flag as the IR's code sees it: which instructions may set it, and where it
//! is known to be clear. Shared by the passes that fold panic tests (`copyprop`), the
//! `nopanic` summaries and codegen (which fuses an explicit check with its test).
//!
//! The flag is clear when a function starts (every caller tests it after each
//! instruction that may panic, `defer_enter` clears it before a deferred call, and the
//! runtime clears it before calling guest code); it stays clear until an instruction
//! that may panic runs, and is clear again on the `else` edge of a `brif` on a
//! `panicking` read since. A call of a function marked `nopanic` cannot set it.

use crate::dominance::DomTree;
use crate::{Block, Function, Imm, InstData, Module, Opcode, SecondaryMap, Value};

/// Whether `d` may start a panic: `InstData::may_panic`, except that a direct call of
/// a function marked `nopanic` cannot.
pub fn may_panic(m: &Module, d: &InstData) -> bool {
    match (d.opcode, &d.imm) {
        (Opcode::Call, Imm::Func(g)) => !m.funcs[*g].nopanic,
        _ => d.may_panic(),
    }
}

/// Whether the flag is still known to be clear after `d`, given whether it was before:
/// an instruction that may panic can set it, `defer_enter` clears it.
pub fn flag_after(m: &Module, d: &InstData, clear: bool) -> bool {
    match d.opcode {
        Opcode::DeferEnter => true,
        _ if may_panic(m, d) => false,
        _ => clear,
    }
}

/// For each reachable block of `f`, whether the flag is clear whenever control enters
/// it. A forward must-analysis: every block starts clear and the edges only take that
/// away, until nothing changes. `dt` is `f`'s dominator tree (for the block order).
pub fn flag_clear(m: &Module, f: &Function, dt: &DomTree) -> SecondaryMap<Block, bool> {
    let mut clear_in: SecondaryMap<Block, bool> = SecondaryMap::with_default(true);
    loop {
        let mut next: SecondaryMap<Block, bool> = SecondaryMap::with_default(true);
        for &b in dt.rpo() {
            let mut clear = clear_in[b];
            // The result of a `panicking` read since the flag last changed.
            let mut flag: Option<Value> = None;
            for &i in &f.layout.insts[b] {
                let d = &f.dfg.insts[i];
                if d.opcode == Opcode::Panicking {
                    flag = Some(f.dfg.first_result(i));
                    continue;
                }
                let after = flag_after(m, d, clear);
                if after != clear || may_panic(m, d) {
                    flag = None;
                }
                clear = after;
            }
            let Some(t) = f.terminator(b) else { continue };
            let d = &f.dfg.insts[t];
            let tests_flag =
                d.opcode == Opcode::Brif && flag.is_some() && d.args.first() == flag.as_ref();
            for (j, call) in d.targets.iter().enumerate() {
                let edge = clear || (tests_flag && j == 1);
                next[call.block] &= edge;
            }
        }
        let mut changed = false;
        for &b in dt.rpo().iter().skip(1) {
            if next[b] != clear_in[b] {
                clear_in[b] = next[b];
                changed = true;
            }
        }
        if !changed {
            return clear_in;
        }
    }
}
