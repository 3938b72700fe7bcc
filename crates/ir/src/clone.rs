//! Cloning a function's body into another function: the step an inliner builds on.
//!
//! `clone_body` copies every placed block and instruction of the callee into the caller
//! with fresh entities: values, blocks, instructions (with their source locations) and
//! deferred call sites, remapping every reference (arguments, branch targets and their
//! arguments, `defer dN`). The callee's entry block becomes a block without parameters:
//! uses of its parameters read the caller's values given for them instead. The copied
//! blocks are placed in the caller's layout after a given block, in the callee's order.
//! `ret` instructions are copied as they are, and their copies are listed, so the
//! inliner can rewrite each into a jump to the continuation of the call.
//!
//! Scopes: the callee's `scope0` becomes the scope the caller gives (the inlined call
//! site's, made with `Function::add_inlined_scope`), and each of its other scopes (bodies
//! it had inlined itself) a fresh scope whose parent is mapped, keeping its `inlined`
//! data. Copied blocks, deferred call sites and `run_defers` operands follow the map, so
//! the callee's exits run its own deferred calls and never the caller's.
//!
//! Nothing else is decided here: the copy is not reachable until the caller branches to
//! `CloneMaps::entry`, and the caller is not valid IR until every copied `ret` is
//! rewritten (its values do not match the caller's results).

use crate::entities::{Block, DeferId, Inst, ScopeId, Value};
use crate::function::{Function, ScopeData};
use crate::inst::{Imm, Opcode};
use cranelift_entity::SecondaryMap;

/// Where each entity of the callee went in the caller.
#[derive(Clone, Debug, Default)]
pub struct CloneMaps {
    /// The caller's copy of the callee's entry block (no parameters).
    pub entry: Option<Block>,
    /// Callee value to caller value (entry parameters to the given arguments).
    pub values: SecondaryMap<Value, Option<Value>>,
    pub blocks: SecondaryMap<Block, Option<Block>>,
    pub insts: SecondaryMap<Inst, Option<Inst>>,
    pub defers: SecondaryMap<DeferId, Option<DeferId>>,
    pub scopes: SecondaryMap<ScopeId, Option<ScopeId>>,
    /// The copies of the callee's `ret` instructions, with their blocks, in layout order.
    pub rets: Vec<(Block, Inst)>,
}

/// Copies the body of `callee` into `caller`, its entry parameters replaced by `args`
/// (one per parameter, of the same types), its blocks placed after `after` (a block of
/// the caller's layout), its `scope0` mapped to the caller's `scope`. `callee` must
/// verify; it may be a copy of `caller` itself.
pub fn clone_body(
    callee: &Function,
    caller: &mut Function,
    args: &[Value],
    after: Block,
    scope: ScopeId,
) -> CloneMaps {
    let mut maps = CloneMaps::default();
    let Some(entry) = callee.entry() else {
        return maps;
    };
    assert_eq!(
        callee.dfg.block_params(entry).len(),
        args.len(),
        "one argument per callee parameter"
    );
    for (&p, &a) in callee.dfg.block_params(entry).iter().zip(args) {
        maps.values[p] = Some(a);
    }

    // Scopes (a parent is declared before its children), then deferred call sites, in
    // the callee's order.
    for (s, data) in callee.scopes.iter() {
        let mapped = match data.parent {
            None => scope,
            Some(p) => caller.scopes.push(ScopeData {
                parent: Some(maps.scopes[p].expect("a parent precedes its children")),
                inlined: data.inlined,
            }),
        };
        maps.scopes[s] = Some(mapped);
    }
    let map_scope = |maps: &CloneMaps, s: ScopeId| {
        maps.scopes[s].expect("a verified callee names declared scopes")
    };
    for (d, data) in callee.defers.iter() {
        let mut copy = data.clone();
        copy.scope = map_scope(&maps, data.scope);
        maps.defers[d] = Some(caller.defers.push(copy));
    }

    // Blocks with their parameters (not the entry's).
    let mut placed = Vec::new();
    for &b in &callee.layout.blocks {
        let nb = caller.dfg.make_block();
        caller.dfg.blocks[nb].scope = map_scope(&maps, callee.dfg.blocks[b].scope);
        if b != entry {
            for &p in callee.dfg.block_params(b) {
                let np = caller.dfg.append_block_param(nb, callee.dfg.value_type(p));
                maps.values[p] = Some(np);
            }
        }
        maps.blocks[b] = Some(nb);
        placed.push(nb);
    }
    let at = caller
        .layout
        .blocks
        .iter()
        .position(|&x| x == after)
        .expect("`after` is laid out");
    caller.layout.blocks.splice(at + 1..at + 1, placed);

    // Instructions with their results, in layout order; their operands refer to the
    // callee until every definition has its copy (a use may come before its definition
    // in layout order).
    let mut copies = Vec::new();
    for &b in &callee.layout.blocks {
        let nb = maps.blocks[b].expect("every placed block is copied");
        for &i in &callee.layout.insts[b] {
            let types: Vec<_> = callee
                .dfg
                .inst_results(i)
                .iter()
                .map(|&r| callee.dfg.value_type(r))
                .collect();
            let ni = caller.dfg.make_inst(callee.dfg.insts[i].clone(), &types);
            for (&r, &nr) in callee
                .dfg
                .inst_results(i)
                .iter()
                .zip(caller.dfg.inst_results(ni))
            {
                maps.values[r] = Some(nr);
            }
            caller.srclocs[ni] = callee.srclocs[i];
            caller.var_names[ni] = callee.var_names[i].clone();
            caller.layout.insts[nb].push(ni);
            maps.insts[i] = Some(ni);
            copies.push((nb, ni));
        }
    }

    // Remap the operands.
    for &(nb, ni) in &copies {
        caller.dfg.map_uses(ni, |v| {
            maps.values[v].expect("a verified callee defines every value it uses")
        });
        let d = &mut caller.dfg.insts[ni];
        for t in d.targets.iter_mut() {
            t.block = maps.blocks[t.block].expect("branch targets are placed blocks");
        }
        match d.imm {
            Imm::Defer(dd) => {
                d.imm = Imm::Defer(maps.defers[dd].expect("every deferred call site is copied"))
            }
            Imm::Scope(sc) => d.imm = Imm::Scope(map_scope(&maps, sc)),
            _ => {}
        }
        if d.opcode == Opcode::Ret {
            maps.rets.push((nb, ni));
        }
    }
    maps.entry = maps.blocks[entry];
    maps
}
