//! `escape`: decides for every `alloc` cell (captured and address-taken variables,
//! `new`, `&T{...}`, method-value receivers), every `closure` object, every array
//! (`alloc_array` of a slice literal or a call's operands, `make_slice`) and every
//! interface box (`box` of a string, slice or struct; other values are their own data
//! word) whether it may outlive its frame; what cannot lives in the frame: the cell
//! becomes a `stack_alloc` (which `mem2reg` may then promote), the closure a
//! `stack_closure`, the box a `stack_box`, the array a
//! `stack_alloc_array` when its size is a constant of at most gc's 64 KB
//! (`ir.MaxImplicitStackVarSize`; a `make_slice` becomes `stack_alloc_array` and
//! `slice_new`, and can no longer panic). A function literal that captures nothing
//! becomes a `funcref` to its static object, wherever it goes.
//!
//! **Requires:** a verified function; deferred calls not yet lowered (a `defer` of a
//! `DeferCallee::Closure` names its callee, so the closure object it carries is known
//! to be read only by that callee, in this frame).
//!
//! **Establishes:** every `stack_alloc`, `stack_closure` and `stack_alloc_array` it
//! makes holds an object reachable from no escaping memory, and is on no CFG cycle
//! unless `loops.rs` proved its object dead before the site runs again.
//!
//! **Remarks** (gc's `-m` words): `moved to heap: x` (at the variable's declaration),
//! `func literal escapes to heap` / `func literal does not escape` (at the `func`
//! keyword). Where we keep on the heap what gc would not, the remark says why:
//! `x kept on the heap: declared in a loop` (see below). Arrays are named as gc names
//! them, at its position: `make([]int, 256) does not escape`, `[]int{...} escapes to
//! heap`; `make([]int, n)` stays on the heap (gc 1.25+ gives it a 32-byte frame buffer
//! when it fits, we do not) and says so. A box is named by the converted expression, at
//! it (`pair{...} does not escape`, `s escapes to heap`); a box gc would make and we do
//! not (an integer's: our data word holds it) gets no remark.
//!
//! The analysis, in three files as gc's `escape/` is split: `graph.rs` builds a
//! points-to graph per function (objects: allocation sites, the caller's memory behind
//! each parameter at two levels, the heap), `solve.rs` runs it to a fixpoint and closes
//! the escaping objects over memory, `summary.rs` makes the per-function leak summaries
//! (bottom-up by iteration to the least fixpoint, which handles recursion) that calls,
//! deferred calls and closure constructions consult.
//!
//! An object escapes if it is reachable from: a store into memory this frame does not
//! own (a parameter's, a package variable, the heap), a returned value (a parameter
//! returned is only "to result", for the caller to follow), a panic value, an argument
//! of a parameter that leaks (unknown and indirect callees and most runtime functions
//! leak everything: `fmt`'s functions may call a value's `Error` or `String` method, and
//! `Errorf` keeps a wrapped error; the builtin `print`/`println` and `iface_eq` only
//! read), a capture that the closure's body leaks, or a closure object that escapes. A
//! box holds its value's pointers; `unbox` yields the data word or what its box holds. A deferred call's arguments are treated as a call's: it
//! runs in this frame before it returns, whatever `defer_lower` makes of it; a closure
//! deferred as `DeferCallee::Closure` does not escape through the defer. Calling a
//! function value does not leak it (what the body does with the captures is accounted
//! where the closure is made).
//!
//! **Loops.** An object made on a CFG cycle (`cyclic_blocks`) would reuse one frame slot
//! in every iteration, and Go 1.22 gives each iteration its own variable (a closure made
//! in iteration 1 must not see iteration 2's value). It goes to the frame only when
//! `loops.rs` proves that no pointer to the old object is used once the site runs again
//! (none live in SSA values at the site, every holder rebound right after it, nothing
//! deferred); otherwise it stays on the heap even though it does not escape, and the
//! remark says so.

mod explain;
mod graph;
mod loops;
mod solve;
mod summary;

use crate::PassContext;
use ir::cursor::FuncCursor;
use ir::dominance::cyclic_blocks;
use ir::{Function, Imm, Inst, InstData, Module, Opcode, Type};
pub use summary::{ParamLeak, Summaries, Summary};

pub fn run(m: &mut Module, cx: &mut PassContext) {
    let sums = Summaries::compute(m);
    let ids: Vec<_> = m.funcs.keys().collect();
    for id in ids {
        param_remarks(m, &m.funcs[id], &sums.get(id), cx);
        let f = &m.funcs[id];
        let g = solve::solve(f, &sums);
        let cyclic = cyclic_blocks(f);
        // Non-escaping objects made on a cycle whose pointers die within the iteration.
        let mut in_loops = Vec::new();
        for &b in &f.layout.blocks {
            for &i in &f.layout.insts[b] {
                if cyclic[b]
                    && movable(m, f, i).is_ok()
                    && g.site(i).is_some_and(|o| !g.escaped.contains(&o))
                {
                    in_loops.push(i);
                }
            }
        }
        let reusable = loops::reusable(f, &g, &in_loops);
        // Decisions first (the function is only read), then the rewrite.
        let mut to_stack = Vec::new();
        let mut remarks = Vec::new();
        let mut verbose = Vec::new();
        for &b in &f.layout.blocks {
            for &i in &f.layout.insts[b] {
                let d = &f.dfg.insts[i];
                let Some(o) = g.site(i) else { continue };
                let movable = movable(m, f, i);
                let Ok(()) = movable else {
                    // An array that must stay on the heap whatever escape says.
                    let name = &f.var_names[i];
                    if !name.is_empty() && movable != Err(Fixed::Lowered) {
                        if movable == Err(Fixed::TooLarge) {
                            for line in explain::too_large(f, name, f.srclocs[i]) {
                                verbose.push((f.srclocs[i], line));
                            }
                        } else if g.escaped.contains(&o) {
                            for line in explain::explain(f, &g, o, name) {
                                verbose.push((f.srclocs[i], line));
                            }
                        }
                        let msg = if g.escaped.contains(&o) || movable == Err(Fixed::TooLarge) {
                            format!("{name} escapes to heap")
                        } else {
                            format!("{name} does not escape (kept on the heap: size not constant)")
                        };
                        remarks.push((f.srclocs[i], msg));
                    }
                    continue;
                };
                let escapes = g.escaped.contains(&o);
                if escapes {
                    if let Some((loc, what)) = site_remark_name(m, f, i) {
                        for line in explain::explain(f, &g, o, &what) {
                            verbose.push((loc, line));
                        }
                    }
                }
                // A closure without captures becomes its static object (below).
                let static_closure = d.opcode == Opcode::Closure && d.args.is_empty();
                let in_loop = cyclic[b] && !reusable.contains(&i) && !static_closure;
                if !escapes && !in_loop {
                    to_stack.push(i);
                }
                match d.opcode {
                    Opcode::AllocArray | Opcode::RtCall | Opcode::Box => {
                        let name = &f.var_names[i];
                        if name.is_empty() {
                            continue;
                        }
                        remarks.push((f.srclocs[i], verdict(name, escapes, in_loop)));
                    }
                    Opcode::Alloc => {
                        let name = &f.var_names[i];
                        if name.is_empty() {
                            continue;
                        }
                        let loc = f.srclocs[i];
                        // `new(T)` and `&T{...}` are named by their expression.
                        let expr = name.starts_with('&') || name.starts_with("new(");
                        if expr {
                            remarks.push((loc, verdict(name, escapes, in_loop)));
                        } else if escapes {
                            remarks.push((loc, format!("moved to heap: {name}")));
                        } else if in_loop {
                            remarks.push((
                                loc,
                                format!("{name} kept on the heap: declared in a loop"),
                            ));
                        }
                    }
                    _ => {
                        let Imm::Func(callee) = d.imm else { continue };
                        let Some(c) = m.funcs.get(callee) else {
                            continue;
                        };
                        if c.name.ends_with("-fm") {
                            continue;
                        }
                        remarks.push((c.loc, verdict("func literal", escapes, in_loop)));
                    }
                }
            }
        }
        let f = &mut m.funcs[id];
        // A function literal that captures nothing needs no object of its own: its
        // static one (`funcref`, as for a top-level function; gc does the same) never
        // allocates, in a loop or escaping.
        let captureless: Vec<_> = f
            .layout
            .blocks
            .iter()
            .flat_map(|&b| f.layout.insts[b].iter().copied())
            .filter(|&i| f.dfg.insts[i].opcode == Opcode::Closure && f.dfg.insts[i].args.is_empty())
            .collect();
        for i in captureless {
            f.dfg.insts[i].opcode = Opcode::FuncRef;
        }
        for i in to_stack {
            let d = &mut f.dfg.insts[i];
            d.opcode = match d.opcode {
                Opcode::Alloc => Opcode::StackAlloc,
                Opcode::Closure => Opcode::StackClosure,
                Opcode::AllocArray => Opcode::StackAllocArray,
                Opcode::Box => Opcode::StackBox,
                Opcode::RtCall => {
                    make_in_frame(f, i);
                    continue;
                }
                op => op,
            };
        }
        // A variable lowered to several cells (a loop variable's per-iteration copy)
        // gets one remark.
        let mut seen = std::collections::HashSet::new();
        remarks.retain(|r| seen.insert(r.clone()));
        let mut seen = std::collections::HashSet::new();
        verbose.retain(|r| seen.insert(r.clone()));
        // Before the `-m` lines, as gc prints its explanations.
        for (loc, msg) in verbose {
            cx.remark_verbose(&f.name, loc, msg);
        }
        for (loc, msg) in remarks {
            cx.remark(&f.name, loc, msg);
        }
    }
}

/// Where a site's remarks go and what they call it (`x`, `&T{...}`, `func literal`),
/// if it has remarks.
fn site_remark_name(m: &Module, f: &Function, i: Inst) -> Option<(ir::SrcLoc, String)> {
    let d = &f.dfg.insts[i];
    if matches!(d.opcode, Opcode::Closure | Opcode::StackClosure) {
        let Imm::Func(callee) = d.imm else {
            return None;
        };
        let c = m.funcs.get(callee)?;
        return (!c.name.ends_with("-fm")).then(|| (c.loc, "func literal".to_string()));
    }
    let name = &f.var_names[i];
    (!name.is_empty()).then(|| (f.srclocs[i], name.clone()))
}

/// gc's limit on the size of an object the compiler puts in the frame without being
/// asked (`ir.MaxImplicitStackVarSize`): 64 KB.
const MAX_IMPLICIT_STACK_VAR_SIZE: i64 = 64 * 1024;

/// Why an allocation site cannot move to the frame whatever the analysis says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fixed {
    /// Not a site this pass rewrites (an array lowering made for a call's operands).
    Lowered,
    /// An array whose size is not a constant.
    NotConstant,
    /// Over `MAX_IMPLICIT_STACK_VAR_SIZE` (gc: `too large for stack`).
    TooLarge,
}

/// Whether the site `i` may live in the frame if it does not escape: cells and closures
/// always; arrays (`alloc_array n`, `make_slice(len, cap, elem)`) of constant size up to
/// gc's limit.
fn movable(m: &Module, f: &Function, i: Inst) -> Result<(), Fixed> {
    let d = &f.dfg.insts[i];
    let konst = |k: usize| f.dfg.int_const(d.args[k]).ok_or(Fixed::NotConstant);
    let bytes = match d.opcode {
        Opcode::Alloc | Opcode::Closure | Opcode::Box => return Ok(()),
        Opcode::AllocArray => {
            let n = konst(0)?;
            let (size, _) = ir::types::layout(m, d.ty.ok_or(Fixed::Lowered)?);
            n.checked_mul(i64::from(size))
        }
        Opcode::RtCall if graph::is_site(f, d) => {
            let (len, cap, elem) = (konst(0)?, konst(1)?, konst(2)?);
            if len < 0 || cap < len {
                // It panics: leave that to the runtime.
                return Err(Fixed::NotConstant);
            }
            cap.checked_mul(elem & 0xffff_ffff)
        }
        _ => return Err(Fixed::Lowered),
    };
    match bytes {
        Some(b) if (0..=MAX_IMPLICIT_STACK_VAR_SIZE).contains(&b) => Ok(()),
        _ => Err(Fixed::TooLarge),
    }
}

/// Rewrites `s = rtcall make_slice(len, cap, elem)` (constants `movable` accepted) to
/// `p = stack_alloc_array.i8 bytes; s = slice_new p, len, cap`; it can no longer panic.
fn make_in_frame(f: &mut Function, i: Inst) {
    let d = f.dfg.insts[i].clone();
    let (cap, elem) = (f.dfg.int_const(d.args[1]), f.dfg.int_const(d.args[2]));
    let bytes = cap.unwrap_or(0) * (elem.unwrap_or(0) & 0xffff_ffff);
    let b = f.inst_blocks()[i].expect("placed");
    let loc = f.srclocs[i];
    let name = std::mem::take(&mut f.var_names[i]);
    let mut c = FuncCursor::new(f).at_inst(b, i).with_srcloc(loc);
    let n = c.iconst(Type::I64, bytes);
    let p = c.ins1(
        InstData::new(Opcode::StackAllocArray)
            .ty(Type::I8)
            .args(&[n]),
        Type::Ptr,
    );
    let array = c.func.dfg.values[p].def;
    if let ir::ValueDef::Result(a, _) = array {
        c.func.var_names[a] = name;
    }
    f.dfg.insts[i] = InstData::new(Opcode::SliceNew).args(&[p, d.args[0], d.args[1]]);
}

/// gc's remarks on parameters (`escape.go`'s `reportLeaks`), at each named parameter
/// whose type holds pointers: `leaking param: p`, `leaking param content: p`,
/// `leaking param: p to result ~r0 level=0`, else `p does not escape`.
fn param_remarks(m: &Module, f: &Function, sum: &Summary, cx: &mut PassContext) {
    for (j, (name, loc)) in f.param_names.iter().enumerate() {
        let k = j + 2;
        let Some(&ty) = f.sig.params.get(k) else {
            continue;
        };
        if name == "_" || name.is_empty() || !has_pointers(m, ty) {
            continue;
        }
        let p = sum.param(k);
        let mut warned = false;
        if p.leaks {
            cx.remark(&f.name, *loc, format!("leaking param: {name}"));
            warned = true;
        } else if p.content_leaks {
            cx.remark(&f.name, *loc, format!("leaking param content: {name}"));
            warned = true;
        }
        for (r, res) in f.result_names.iter().enumerate() {
            if r < 64 && p.to_result & (1 << r) != 0 {
                cx.remark(
                    &f.name,
                    *loc,
                    format!("leaking param: {name} to result {res} level=0"),
                );
                warned = true;
            }
        }
        if !warned {
            cx.remark(&f.name, *loc, format!("{name} does not escape"));
        }
    }
}

/// Whether a value of `ty` holds a pointer (gc's `HasPointers`).
fn has_pointers(m: &Module, ty: Type) -> bool {
    match ty {
        Type::Bool | Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::F32 | Type::F64 => false,
        Type::Ptr | Type::Str | Type::Slice | Type::Iface | Type::Func => true,
        Type::Struct(s) => m.structs[s].fields.iter().any(|&t| has_pointers(m, t)),
    }
}

/// gc's verdict on an allocation site named `what` (`&T{...}`, `make([]int, 256)`,
/// `func literal`), and ours for one that cannot move to the frame because it is made
/// in a loop and may outlive its iteration.
fn verdict(what: &str, escapes: bool, in_loop: bool) -> String {
    if escapes {
        format!("{what} escapes to heap")
    } else if in_loop {
        format!("{what} does not escape (kept on the heap: made in a loop)")
    } else {
        format!("{what} does not escape")
    }
}
