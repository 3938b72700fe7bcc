//! gc's `-m=2` explanation of why an object escapes (`escape/solve.go`'s `explainPath`):
//! the chain of objects from one that escaped for a reason of its own down to it, in
//! gc's words:
//!
//! ```text
//! make([]int, 8) escapes to heap in f:
//!   flow: {heap} ← &{storage for make([]int, 8)}:
//!     from store (assign) at 15:7
//! ```
//!
//! gc's chains run through variables (`flow: h ← &{storage for ...}`, then
//! `flow: {heap} ← h`); ours run through memory objects, since the graph is over SSA
//! values: a frame cell holding the object is named by its variable, and the last step
//! names the instruction (its opcode) where gc quotes the statement, with its position.

use super::graph::{Graph, Obj, ObjKind};
use ir::{Function, Opcode, SrcLoc};

/// The lines (without position) explaining why `o`, named `what`, escapes from `f`; none
/// if it does not.
pub fn explain(f: &Function, g: &Graph, o: Obj, what: &str) -> Vec<String> {
    let Some(chain) = g.chain(o) else {
        return Vec::new();
    };
    let mut lines = vec![format!("{what} escapes to heap in {}:", f.name)];
    // From the object outwards, as gc prints it.
    for w in chain.windows(2).rev() {
        let (holder, held) = (w[0], w[1]);
        lines.push(format!(
            "  flow: {} ← {}:",
            holder_name(f, g, holder),
            address(f, g, held)
        ));
        lines.push(format!("    from {} (stored)", holder_name(f, g, holder)));
    }
    let root = chain[0];
    lines.push(format!("  flow: {{heap}} ← {}:", address(f, g, root)));
    if let Some(&i) = g.why.get(&root) {
        let d = &f.dfg.insts[i];
        let reason = match d.opcode {
            Opcode::Store => "assign",
            Opcode::Ret => "return",
            Opcode::Raise => "panic",
            Opcode::Closure | Opcode::StackClosure => "captured by a closure",
            Opcode::Call | Opcode::CallIndirect | Opcode::Defer => "call parameter",
            Opcode::RtCall => "call parameter",
            _ => "flow",
        };
        let what = match d.imm {
            ir::Imm::Rt(rt) if d.opcode == Opcode::RtCall => rt.name(),
            _ => d.opcode.name(),
        };
        lines.push(match loc(f, i) {
            Some(at) => format!("    from {what} ({reason}) at {at}"),
            None => format!("    from {what} ({reason})"),
        });
    }
    lines
}

/// gc's explanation for an object over its size limit.
pub fn too_large(f: &Function, what: &str, at: SrcLoc) -> Vec<String> {
    vec![
        format!("{what} escapes to heap in {}:", f.name),
        format!("  flow: {{heap}} ← &{{storage for {what}}}:"),
        format!("    from {what} (too large for stack) at {at}"),
    ]
}

/// `&x` for a variable's cell, `&{storage for NAME}` for any other object.
fn address(f: &Function, g: &Graph, o: Obj) -> String {
    match site_name(f, g, o) {
        Some((name, true)) => format!("&{name}"),
        Some((name, false)) => format!("&{{storage for {name}}}"),
        None => "&{storage}".to_string(),
    }
}

/// `x` for a variable's cell, `{storage for NAME}` for any other object.
fn holder_name(f: &Function, g: &Graph, o: Obj) -> String {
    match site_name(f, g, o) {
        Some((name, true)) => name,
        Some((name, false)) => format!("{{storage for {name}}}"),
        None => "{storage}".to_string(),
    }
}

/// An object's name and whether it is a variable's cell.
fn site_name(f: &Function, g: &Graph, o: Obj) -> Option<(String, bool)> {
    let ObjKind::Site(i) = g.kinds[o as usize] else {
        return None;
    };
    let name = &f.var_names[i];
    let d = &f.dfg.insts[i];
    if matches!(d.opcode, Opcode::Closure | Opcode::StackClosure) {
        return Some(("func literal".to_string(), false));
    }
    if name.is_empty() {
        return None;
    }
    let expr = name.starts_with('&')
        || name.starts_with("new(")
        || !matches!(d.opcode, Opcode::Alloc | Opcode::StackAlloc);
    Some((name.clone(), !expr))
}

/// Where an instruction is: its own position, else the nearest earlier one in its block.
fn loc(f: &Function, i: ir::Inst) -> Option<SrcLoc> {
    let at = f.srclocs[i];
    if at.line != 0 {
        return Some(at);
    }
    let b = f.inst_blocks()[i]?;
    let insts = &f.layout.insts[b];
    let k = insts.iter().position(|&x| x == i).unwrap_or(0);
    insts[..k]
        .iter()
        .rev()
        .map(|&x| f.srclocs[x])
        .find(|l| l.line != 0)
}
