//! `checks`: explicit runtime checks that need not run where they stand.
//!
//! Our nil and bounds checks are explicit compares and branches (gc's nil checks are
//! implicit faults, and its `prove` pass removes the bounds checks a loop bound
//! proves), so a loop pays for them on every iteration. Two rewrites, one file each:
//!
//! - `hoist.rs`: a `check_nil` at the head of a loop, of a value defined before the
//!   loop, is copied to the loop's entry; `copyprop`'s `redundant_checks` then removes
//!   the one in the loop (`for i := 0; i < b.N; i++` checked `b` per iteration).
//! - `bounds.rs`: a `check_index i, len` where a dominating branch proves
//!   `0 <= i < len` is removed (`for i := range s { s[i] }`, `for i := 0; i < len(s);
//!   i++`), and so is the nil check of `&s[i]` for such an `i` (an element's address
//!   is never nil).
//!
//! **Requires:** lowered defers (every panic edge explicit); `mem2reg` before it (a
//! local's value is an SSA value, not a load in the loop).
//!
//! **Establishes:** every removed check could not have failed; every moved check fails
//! exactly when, and with the same runtime error as, the first execution of the
//! original would have (the files say why). The `panicking` tests after removed checks
//! stay for `copyprop` to fold.
//!
//! **Remarks:** none (gc's `-d=nil`/`-d=ssa/check_bce` diagnostics are debug output,
//! not remarks a user reads).

mod bounds;
mod hoist;

use crate::PassContext;
use ir::{FuncId, Module, Opcode};
use std::collections::HashSet;

pub fn run(m: &mut Module, _cx: &mut PassContext) {
    let ids: Vec<FuncId> = m.funcs.keys().collect();
    for id in ids {
        // The element addresses whose elements have a size: `&s[i]` of a zero-size
        // element may share an address with nothing allocated, so its check stays.
        let f = &m.funcs[id];
        let sized: HashSet<ir::Inst> = f
            .dfg
            .insts
            .iter()
            .filter(|(_, d)| d.opcode == Opcode::IndexAddr)
            .filter(|(_, d)| d.ty.is_some_and(|t| ir::types::layout(m, t).0 > 0))
            .map(|(i, _)| i)
            .collect();
        let f = &mut m.funcs[id];
        bounds::run(f, &sized);
        hoist::run(f);
    }
}
