//! Editing operations on a `Function` that passes share: counting and replacing uses of
//! values, removing block parameters together with the branch arguments that feed them,
//! and removing blocks or instructions from the layout.
//!
//! All of them look only at the layout (placed blocks and instructions): an instruction
//! or block that was removed stays in its arena (IDs are never reused) but no longer
//! counts as a user. None of them keeps an analysis up to date; callers recompute what
//! they need (`ControlFlowGraph`, `DomTree`) after editing.

use crate::entities::{Block, Inst, Value};
use crate::function::{Function, ValueDef};
use cranelift_entity::SecondaryMap;

impl Function {
    /// How many times each value is read by the placed instructions (arguments and
    /// branch arguments; a value passed twice counts twice).
    pub fn use_counts(&self) -> SecondaryMap<Value, u32> {
        let mut n: SecondaryMap<Value, u32> = SecondaryMap::new();
        for &b in &self.layout.blocks {
            for &i in &self.layout.insts[b] {
                for v in self.dfg.inst_uses(i) {
                    n[v] += 1;
                }
            }
        }
        n
    }

    /// Rewrites every use in the placed instructions through `f`.
    pub fn map_all_uses(&mut self, mut f: impl FnMut(Value) -> Value) {
        for &b in &self.layout.blocks {
            for &i in &self.layout.insts[b] {
                self.dfg.map_uses(i, &mut f);
            }
        }
    }

    /// Replaces every use of `old` in the placed instructions by `new` (which must have
    /// the same type and dominate those uses; the verifier checks both).
    pub fn replace_uses(&mut self, old: Value, new: Value) {
        self.map_all_uses(|v| if v == old { new } else { v });
    }

    /// Removes parameter `index` of `block` and, from every placed branch to `block`,
    /// the argument that fed it; returns the removed parameter. The parameters after it
    /// are renumbered (their `ValueDef::Param` index). The caller makes sure the removed
    /// parameter has no uses left.
    pub fn remove_block_param(&mut self, block: Block, index: usize) -> Value {
        let v = self.dfg.blocks[block].params.remove(index);
        for (k, &p) in self.dfg.blocks[block].params.iter().enumerate().skip(index) {
            self.dfg.values[p].def = ValueDef::Param(block, k as u32);
        }
        for &b in &self.layout.blocks {
            let Some(t) = self.terminator(b) else {
                continue;
            };
            for call in self.dfg.insts[t].targets.iter_mut() {
                if call.block == block && index < call.args.len() {
                    call.args.remove(index);
                }
            }
        }
        v
    }

    /// Removes a block (and so its instructions) from the layout. Branches to it must be
    /// gone already.
    pub fn remove_block(&mut self, block: Block) {
        self.layout.blocks.retain(|&b| b != block);
        self.layout.insts[block].clear();
    }

    /// Removes a placed instruction from `block`'s instruction list.
    pub fn remove_inst(&mut self, block: Block, inst: Inst) {
        self.layout.insts[block].retain(|&i| i != inst);
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_module;
    use crate::verify::verify_module;
    use crate::write::write_module;
    use crate::{Block, EntityRef, Function, Module, Value};

    const TEXT: &str = "\
func @f(ptr, i64, i64) -> i64 { ; 1:1
block0(v0: ptr, v1: i64, v2: i64):
    v3 = iadd.i64 v1, v1
    jump block1(v3, v2, v1)
block1(v4: i64, v5: i64, v6: i64):
    v7 = iadd.i64 v4, v6
    ret v7
}
";

    fn module() -> Module {
        parse_module(TEXT).expect("parses")
    }

    fn f(m: &mut Module) -> &mut Function {
        m.funcs.values_mut().next().expect("one function")
    }

    #[test]
    fn use_counts_include_branch_arguments() {
        let mut m = module();
        let n = f(&mut m).use_counts();
        let counts: Vec<u32> = (0..8).map(|i| n[Value::new(i)]).collect();
        assert_eq!(counts, [0, 3, 1, 1, 1, 0, 1, 1]);
    }

    #[test]
    fn removing_a_parameter_drops_its_arguments() {
        let mut m = module();
        let func = f(&mut m);
        // v5 is unused: drop it. v6 becomes parameter 1.
        let removed = func.remove_block_param(Block::new(1), 1);
        assert_eq!(removed, Value::new(5));
        verify_module(&m).expect("verifies");
        let want = TEXT
            .replace("jump block1(v3, v2, v1)", "jump block1(v3, v1)")
            .replace(
                "block1(v4: i64, v5: i64, v6: i64)",
                "block1(v4: i64, v6: i64)",
            );
        assert_eq!(write_module(&m).trim_start(), want);
    }

    #[test]
    fn replacing_uses_then_merging_blocks() {
        let mut m = module();
        let func = f(&mut m);
        let (b0, b1) = (Block::new(0), Block::new(1));
        // Merge block1 into block0 by hand: its parameters become the jump's arguments.
        let jump = func.terminator(b0).expect("jump");
        let args = func.dfg.insts[jump].targets[0].args.clone();
        for (k, &p) in func.dfg.block_params(b1).to_vec().iter().enumerate() {
            func.replace_uses(p, args[k]);
        }
        func.remove_inst(b0, jump);
        let moved = std::mem::take(&mut func.layout.insts[b1]);
        func.layout.insts[b0].extend(moved);
        func.remove_block(b1);
        verify_module(&m).expect("verifies");
        assert_eq!(
            write_module(&m).trim_start(),
            "func @f(ptr, i64, i64) -> i64 { ; 1:1\nblock0(v0: ptr, v1: i64, v2: i64):\n    \
             v3 = iadd.i64 v1, v1\n    v7 = iadd.i64 v3, v1\n    ret v7\n}\n"
        );
    }
}
