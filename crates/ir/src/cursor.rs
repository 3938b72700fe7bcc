//! `FuncCursor`: a position in a function's layout and the one way lowering and the
//! passes insert instructions (Cranelift's `FuncCursor` is the model).
//!
//! A cursor is either nowhere, at an instruction (insertions go before it), or at the
//! end of a block (insertions are appended). Every instruction it inserts gets the
//! cursor's source location, which sticks until changed (`set_srcloc`); the default
//! location (`0:0`) records none, so the printer shows none. The convenience builders
//! (`iconst`, `load`, `brif`, ...) only build the `InstData` and insert it; the result
//! types they give are those `typing::result_types` infers, so what they build verifies
//! and prints without annotations.
//!
//! A cursor borrows the function mutably for its lifetime and keeps no other state, so
//! it is cheap to make one for a single insertion (`FuncCursor::new(f).at_end(b)`).

use crate::entities::{Block, FuncId, Inst, StructId, Value};
use crate::function::{Function, SrcLoc};
use crate::inst::{BlockCall, Imm, InstData, IntCC, Opcode, RtFunc};
use crate::types::Type;

/// Where a cursor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CursorPosition {
    /// Not in the layout; inserting is a bug.
    Nowhere,
    /// At a placed instruction of a block: insertions go before it.
    At(Block, Inst),
    /// At the end of a block: insertions are appended (after its terminator, if it has
    /// one, which only a caller building the block in order should do).
    End(Block),
}

/// A cursor over a function being edited.
pub struct FuncCursor<'f> {
    pub func: &'f mut Function,
    pos: CursorPosition,
    srcloc: SrcLoc,
    /// Where the instruction of an `At` position probably is in its block's list, so
    /// that walking and inserting need no search (checked before use).
    hint: usize,
}

impl<'f> FuncCursor<'f> {
    /// A cursor positioned nowhere, with no source location.
    pub fn new(func: &'f mut Function) -> FuncCursor<'f> {
        FuncCursor {
            func,
            pos: CursorPosition::Nowhere,
            srcloc: SrcLoc::default(),
            hint: 0,
        }
    }

    /// The cursor moved to the end of `block`.
    pub fn at_end(mut self, block: Block) -> Self {
        self.goto_end(block);
        self
    }

    /// The cursor moved before the first instruction of `block`.
    pub fn at_top(mut self, block: Block) -> Self {
        self.goto_top(block);
        self
    }

    /// The cursor moved to instruction `inst` of `block`.
    pub fn at_inst(mut self, block: Block, inst: Inst) -> Self {
        self.goto_inst(block, inst);
        self
    }

    /// The cursor with source location `loc`.
    pub fn with_srcloc(mut self, loc: SrcLoc) -> Self {
        self.srcloc = loc;
        self
    }

    pub fn position(&self) -> CursorPosition {
        self.pos
    }

    pub fn set_position(&mut self, pos: CursorPosition) {
        self.pos = pos;
    }

    /// The source location given to inserted instructions.
    pub fn srcloc(&self) -> SrcLoc {
        self.srcloc
    }

    pub fn set_srcloc(&mut self, loc: SrcLoc) {
        self.srcloc = loc;
    }

    /// The block the cursor is in.
    pub fn current_block(&self) -> Option<Block> {
        match self.pos {
            CursorPosition::Nowhere => None,
            CursorPosition::At(b, _) | CursorPosition::End(b) => Some(b),
        }
    }

    /// The instruction the cursor is at (`None` at the end of a block or nowhere).
    pub fn current_inst(&self) -> Option<Inst> {
        match self.pos {
            CursorPosition::At(_, i) => Some(i),
            _ => None,
        }
    }

    pub fn goto_end(&mut self, block: Block) {
        self.pos = CursorPosition::End(block);
    }

    /// Before the first instruction of `block` (its end, if it is empty).
    pub fn goto_top(&mut self, block: Block) {
        self.pos = match self.func.layout.insts[block].first() {
            Some(&i) => CursorPosition::At(block, i),
            None => CursorPosition::End(block),
        };
        self.hint = 0;
    }

    /// At `inst`, which must be placed in `block`.
    pub fn goto_inst(&mut self, block: Block, inst: Inst) {
        debug_assert!(self.func.layout.insts[block].contains(&inst));
        self.pos = CursorPosition::At(block, inst);
    }

    /// The index of the position in its block's instruction list (the list's length at
    /// the end).
    fn index(&self) -> Option<(Block, usize)> {
        match self.pos {
            CursorPosition::Nowhere => None,
            CursorPosition::End(b) => Some((b, self.func.layout.insts[b].len())),
            CursorPosition::At(b, i) => {
                let insts = &self.func.layout.insts[b];
                if insts.get(self.hint) == Some(&i) {
                    return Some((b, self.hint));
                }
                let at = insts
                    .iter()
                    .position(|&x| x == i)
                    .expect("the cursor's instruction is placed in its block");
                Some((b, at))
            }
        }
    }

    /// Moves to the next instruction of the block and returns it; at the last one,
    /// moves to the block's end and returns `None`.
    pub fn next_inst(&mut self) -> Option<Inst> {
        let (b, at) = self.index()?;
        let insts = &self.func.layout.insts[b];
        match insts.get(at + 1) {
            Some(&i) => {
                self.pos = CursorPosition::At(b, i);
                self.hint = at + 1;
                Some(i)
            }
            _ => {
                self.pos = CursorPosition::End(b);
                None
            }
        }
    }

    /// Moves to the previous instruction of the block and returns it; at the first
    /// one, stays and returns `None`.
    pub fn prev_inst(&mut self) -> Option<Inst> {
        let (b, at) = self.index()?;
        let i = *self.func.layout.insts[b].get(at.checked_sub(1)?)?;
        self.pos = CursorPosition::At(b, i);
        self.hint = at - 1;
        Some(i)
    }

    /// Moves to the top of the next block in layout order (the first block when
    /// nowhere) and returns it; after the last block, moves nowhere.
    pub fn next_block(&mut self) -> Option<Block> {
        let blocks = &self.func.layout.blocks;
        let next = match self.current_block() {
            None => blocks.first().copied(),
            Some(b) => {
                let at = blocks.iter().position(|&x| x == b)?;
                blocks.get(at + 1).copied()
            }
        };
        match next {
            Some(b) => self.goto_top(b),
            None => self.pos = CursorPosition::Nowhere,
        }
        next
    }

    /// Inserts an instruction with results of the given types at the cursor (which
    /// stays where it is, after the new instruction) and returns it.
    pub fn insert_inst(&mut self, data: InstData, result_types: &[Type]) -> Inst {
        let (b, at) = self
            .index()
            .expect("a cursor that inserts is positioned in a block");
        let inst = self.func.dfg.make_inst(data, result_types);
        if self.srcloc != SrcLoc::default() {
            self.func.srclocs[inst] = self.srcloc;
        }
        self.func.layout.insts[b].insert(at, inst);
        self.hint = at + 1;
        inst
    }

    /// Inserts an instruction with one result and returns the result.
    pub fn ins1(&mut self, data: InstData, ty: Type) -> Value {
        let i = self.insert_inst(data, &[ty]);
        self.func.dfg.first_result(i)
    }

    /// Removes the instruction at the cursor from the layout (it stays in the arena)
    /// and moves to the instruction after it; returns the removed one.
    pub fn remove_inst(&mut self) -> Inst {
        let (b, at) = self.index().expect("the cursor is at an instruction");
        let inst = self
            .current_inst()
            .expect("the cursor is at an instruction");
        self.func.layout.insts[b].remove(at);
        self.hint = at;
        self.pos = match self.func.layout.insts[b].get(at) {
            Some(&i) => CursorPosition::At(b, i),
            None => CursorPosition::End(b),
        };
        inst
    }

    /// Splits the block at the cursor: the instructions from the cursor on move to the
    /// end of `into` (a block without instructions, placed in the layout or not); the
    /// cursor stays at the end of its block.
    pub fn split_block(&mut self, into: Block) {
        let (b, at) = self.index().expect("a cursor that splits is in a block");
        let rest = self.func.layout.insts[b].split_off(at);
        self.func.layout.insts[into].extend(rest);
        self.pos = CursorPosition::End(b);
    }

    /// Places existing blocks (not yet in the layout) right after `after`, in order.
    pub fn place_blocks_after(&mut self, after: Block, blocks: &[Block]) {
        let layout = &mut self.func.layout.blocks;
        let at = layout
            .iter()
            .position(|&x| x == after)
            .expect("the block is laid out");
        layout.splice(at + 1..at + 1, blocks.iter().copied());
    }

    /// Creates a block and places it in the layout right after `after`.
    pub fn insert_block_after(&mut self, after: Block) -> Block {
        let b = self.func.dfg.make_block();
        let blocks = &mut self.func.layout.blocks;
        let at = blocks
            .iter()
            .position(|&x| x == after)
            .expect("the block is laid out");
        blocks.insert(at + 1, b);
        b
    }

    // Builders for the common instructions.

    /// `iconst.ty n`.
    pub fn iconst(&mut self, ty: Type, n: i64) -> Value {
        self.ins1(InstData::new(Opcode::Iconst).ty(ty).imm(Imm::Int(n)), ty)
    }

    /// `sconst "bytes"`.
    pub fn sconst(&mut self, bytes: impl Into<Vec<u8>>) -> Value {
        let d = InstData::new(Opcode::Sconst).imm(Imm::Str(bytes.into()));
        self.ins1(d, Type::Str)
    }

    /// `zero.ty`.
    pub fn zero(&mut self, ty: Type) -> Value {
        self.ins1(InstData::new(Opcode::Zero).ty(ty), ty)
    }

    /// `load.ty p`.
    pub fn load(&mut self, ty: Type, p: Value) -> Value {
        self.ins1(InstData::new(Opcode::Load).ty(ty).args(&[p]), ty)
    }

    /// `store p, v`.
    pub fn store(&mut self, p: Value, v: Value) -> Inst {
        self.insert_inst(InstData::new(Opcode::Store).args(&[p, v]), &[])
    }

    /// `field_addr p, s.i`.
    pub fn field_addr(&mut self, p: Value, s: StructId, i: u32) -> Value {
        let d = InstData::new(Opcode::FieldAddr)
            .args(&[p])
            .imm(Imm::Field(s, i));
        self.ins1(d, Type::Ptr)
    }

    /// `stack_alloc.ty`.
    pub fn stack_alloc(&mut self, ty: Type) -> Value {
        self.ins1(InstData::new(Opcode::StackAlloc).ty(ty), Type::Ptr)
    }

    /// `env_get.ty env, i`.
    pub fn env_get(&mut self, ty: Type, env: Value, i: u32) -> Value {
        let d = InstData::new(Opcode::EnvGet)
            .ty(ty)
            .args(&[env])
            .imm(Imm::Index(i));
        self.ins1(d, ty)
    }

    /// `icmp.cc a, b` on operands of type `ty`.
    pub fn icmp(&mut self, cc: IntCC, ty: Type, a: Value, b: Value) -> Value {
        let d = InstData::new(Opcode::Icmp)
            .ty(ty)
            .imm(Imm::Cond(cc))
            .args(&[a, b]);
        self.ins1(d, Type::Bool)
    }

    /// `panicking`.
    pub fn panicking(&mut self) -> Value {
        self.ins1(InstData::new(Opcode::Panicking), Type::Bool)
    }

    /// `call @f(args)` with the callee's result types.
    pub fn call(&mut self, f: FuncId, args: &[Value], results: &[Type]) -> Inst {
        let d = InstData::new(Opcode::Call).args(args).imm(Imm::Func(f));
        self.insert_inst(d, results)
    }

    /// `rtcall name(args)`.
    pub fn rtcall(&mut self, f: RtFunc, args: &[Value]) -> Inst {
        let d = InstData::new(Opcode::RtCall).args(args).imm(Imm::Rt(f));
        self.insert_inst(d, f.results())
    }

    /// `jump to(args)`.
    pub fn jump(&mut self, to: Block, args: &[Value]) -> Inst {
        let d = InstData::new(Opcode::Jump).targets(vec![Function::target(to, args)]);
        self.insert_inst(d, &[])
    }

    /// `brif c, then, els` (no branch arguments).
    pub fn brif(&mut self, c: Value, then: Block, els: Block) -> Inst {
        let targets: Vec<BlockCall> = vec![Function::target(then, &[]), Function::target(els, &[])];
        let d = InstData::new(Opcode::Brif).args(&[c]).targets(targets);
        self.insert_inst(d, &[])
    }

    /// `ret args`.
    pub fn ret(&mut self, args: &[Value]) -> Inst {
        self.insert_inst(InstData::new(Opcode::Ret).args(args), &[])
    }
}
