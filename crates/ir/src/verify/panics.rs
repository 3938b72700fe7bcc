//! Panic edges: every instruction that may panic (`panicflag::may_panic`: a call of a
//! `nopanic` function cannot) is followed by its panic test, the `panicking` whose branch takes the panic path, so no panic can go
//! unnoticed past it. Accepted in its place:
//! - `ret`: the function passes the panic on to its caller, which tests (a method value's
//!   wrapper, a deferred call's shim);
//! - a `jump` to a block that starts with the test (such a wrapper inlined: its `ret`
//!   became a jump to the call's continuation, which tests first);
//! - inside the run loop `defer_lower` builds, the deferred call itself: it is followed
//!   by `defer_exit` (directly, or by a jump to the block that starts with it), which
//!   takes over the call's panic; `defer_exit` resumes the panic into the loop, whose end
//!   is followed by the test.

use super::Errors;
use crate::function::Function;
use crate::inst::Opcode;
use crate::module::Module;
use crate::panicflag::may_panic;
use crate::write::Point;

pub(super) fn check(m: &Module, f: &Function, errs: &mut Errors) {
    for &b in &f.layout.blocks {
        let insts = &f.layout.insts[b];
        for (k, &inst) in insts.iter().enumerate() {
            let data = &f.dfg.insts[inst];
            if !may_panic(m, data) || data.opcode == Opcode::DeferExit {
                continue;
            }
            let Some(&next) = insts.get(k + 1) else {
                // A block without a terminator is reported by the CFG checks.
                continue;
            };
            let nd = &f.dfg.insts[next];
            let tested = match nd.opcode {
                Opcode::Panicking | Opcode::Ret | Opcode::DeferExit => true,
                Opcode::Jump => nd.targets.first().is_some_and(|t| {
                    f.layout.insts[t.block].first().is_some_and(|&i| {
                        matches!(f.dfg.insts[i].opcode, Opcode::DeferExit | Opcode::Panicking)
                    })
                }),
                _ => false,
            };
            if !tested {
                errs.at(
                    Point::Inst(inst),
                    format!(
                        "{} may panic, but no panicking test follows it",
                        data.opcode
                    ),
                );
            }
        }
    }
}
