//! Per-function lowering state: the insertion point, variable cells, the exit and panic
//! paths, and the helpers every statement and expression uses.

use super::ModuleCx;
use crate::ast::Span;
use crate::hir::{self, LabelId, LocalId, LocalKind};
use ir::{Block, FuncCursor, Function, Imm, Inst, InstData, Opcode, ScopeId, SrcLoc, Type, Value};
use std::collections::HashMap;

/// Where a local variable lives.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cell {
    /// A frame cell holding the value directly.
    Stack(Value),
    /// A frame cell holding a pointer to a heap cell (an addressed variable: each
    /// declaration makes a fresh heap cell).
    Boxed(Value),
    /// Capture `i` of the closure: a pointer to the variable's heap cell.
    Capture(u32),
}

pub(crate) struct FuncCx<'m, 'a> {
    pub m: &'m mut ModuleCx<'a>,
    pub hf: &'m hir::Func,
    pub f: Function,
    /// The insertion block; `None` after a terminator (code that follows is dead).
    pub cur: Option<Block>,
    pub entry: Block,
    pub env: Value,
    pub tok: Value,
    /// The token `recover` passes: `tok`, except in the wrapper of a deferred
    /// `recover()`, which is invisible to recover as gc's wrapper frames are: there it
    /// is the token of the function that deferred it, the wrapper's last operand (so a
    /// `defer recover()` stops a panic exactly when `recover()` written in that function
    /// would).
    pub recover_tok: Value,
    pub cells: HashMap<LocalId, Cell>,
    /// Where a panic goes: the exit block (functions with defers) or a block that
    /// propagates the panic by returning zero values.
    pub panic_target: Block,
    /// The block that runs deferred calls and returns (functions with defers).
    pub exit: Option<Block>,
    /// `break` and `continue` targets of the enclosing loops and switches.
    pub labels: HashMap<LabelId, (Block, Option<Block>)>,
    pub loc: SrcLoc,
    /// The frame cell (`used` word and gc's 32-byte backing store) of each slice
    /// variable with buffered appends (`appendbuf`).
    pub append_stores: HashMap<LocalId, Value>,
}

/// Lowers one HIR function into the IR function `id` (already declared).
pub(crate) fn lower_func(m: &mut ModuleCx<'_>, hf: &hir::Func, id: ir::FuncId) -> Function {
    let template = &m.module.funcs[id];
    let mut f = Function::new(template.name.clone(), template.sig.clone());
    f.noinline = template.noinline;
    f.loc = template.loc;
    lower_into(m, hf, f, false)
}

pub(crate) fn lower_into(
    m: &mut ModuleCx<'_>,
    hf: &hir::Func,
    mut f: Function,
    is_defer_wrapper: bool,
) -> Function {
    let entry = f.append_block();
    let params: Vec<Value> = f
        .sig
        .params
        .clone()
        .into_iter()
        .map(|t| f.dfg.append_block_param(entry, t))
        .collect();
    // A deferred builtin's wrapper takes one operand more than its HIR parameters only
    // for `defer recover()`: the deferring function's token.
    let recover_tok = if is_defer_wrapper && params.len() > hf.params.len() + 2 {
        params[params.len() - 1]
    } else {
        params[1]
    };
    let has_defers = contains_defer(&hf.body);
    let panic_target = f.append_block();
    let mut cx = FuncCx {
        m,
        hf,
        f,
        cur: Some(entry),
        entry,
        env: params[0],
        tok: params[1],
        recover_tok,
        cells: HashMap::new(),
        panic_target,
        exit: None,
        labels: HashMap::new(),
        loc: SrcLoc::default(),
        append_stores: HashMap::new(),
    };
    // Names for the escape pass's remarks (a deferred builtin's wrapper has none of
    // its own: gc has no such function).
    for &p in hf.params.iter().filter(|_| !is_defer_wrapper) {
        let local = &hf.locals[p.0 as usize];
        let loc = cx.m.loc(local.span);
        cx.f.param_names.push((local.name.clone(), loc));
    }
    for &r in &hf.results {
        let name = hf.locals[r.0 as usize].name.clone();
        cx.f.result_names.push(name);
    }
    // Cells for parameters and results.
    for (i, &p) in hf.params.iter().enumerate() {
        cx.declare_local(p);
        cx.store_local(p, params[i + 2]);
    }
    for &r in &hf.results {
        cx.declare_local(r);
        let ty = cx.local_ir_type(r);
        let z = cx.zero(ty);
        cx.store_local(r, z);
    }
    // The propagate block returns zero values; with defers, the exit block runs them
    // first and decides.
    let result_types = cx.f.sig.results.clone();
    cx.cur = Some(panic_target);
    if has_defers {
        let propagate = cx.f.append_block();
        let ret_block = cx.f.append_block();
        cx.ins(
            InstData::new(Opcode::RunDefers).imm(Imm::Scope(ScopeId::ROOT)),
            &[],
        );
        let p = cx.ins1(InstData::new(Opcode::Panicking), Type::Bool);
        cx.brif(p, propagate, ret_block);
        cx.cur = Some(propagate);
        cx.ret_zeros(&result_types);
        cx.cur = Some(ret_block);
        let vals: Vec<Value> = hf.results.iter().map(|&r| cx.load_local(r)).collect();
        cx.ins(InstData::new(Opcode::Ret).args(&vals), &[]);
        cx.exit = Some(panic_target);
    } else {
        cx.ret_zeros(&result_types);
    }
    cx.cur = Some(entry);
    // Closure captures are reached through `env`.
    for (i, local) in hf.locals.iter().enumerate() {
        if let LocalKind::Capture(c) = local.kind {
            cx.cells.insert(LocalId(i as u32), Cell::Capture(c));
        }
    }
    cx.block(&hf.body);
    if cx.cur.is_some() {
        // Falling off the end: only functions without results can (the checker
        // rejects a missing return otherwise).
        cx.do_return();
    }
    cx.f
}

fn contains_defer(b: &hir::Block) -> bool {
    b.iter().any(|s| match &s.kind {
        hir::StmtKind::Defer(_) => true,
        hir::StmtKind::Block(b) => contains_defer(b),
        hir::StmtKind::If { then, els, .. } => contains_defer(then) || contains_defer(els),
        hir::StmtKind::For { post, body, .. } => contains_defer(post) || contains_defer(body),
        hir::StmtKind::Range { body, .. } => contains_defer(body),
        hir::StmtKind::Switch { cases, .. } => cases.iter().any(|c| contains_defer(&c.body)),
        hir::StmtKind::TypeSwitch { cases, .. } => cases.iter().any(|c| contains_defer(&c.body)),
        _ => false,
    })
}

impl<'m, 'a> FuncCx<'m, 'a> {
    pub fn set_span(&mut self, span: Span) {
        if span != Span::default() {
            self.loc = self.m.loc(span);
        }
    }

    /// Appends an instruction at the insertion point. In dead code (after a
    /// terminator) a fresh unreachable block receives it, so callers never need to
    /// care; CFG simplification removes such blocks. Only instructions a remark or a
    /// panic message may point at (those that may panic, `defer`, `recover`) get the
    /// current source location.
    pub fn ins(&mut self, data: InstData, results: &[Type]) -> Inst {
        let b = match self.cur {
            Some(b) => b,
            None => {
                let b = self.f.append_block();
                self.cur = Some(b);
                b
            }
        };
        let op = data.opcode;
        let loc = if op.may_panic() || op == Opcode::Defer || op == Opcode::Recover {
            self.loc
        } else {
            SrcLoc::default()
        };
        let inst = FuncCursor::new(&mut self.f)
            .at_end(b)
            .with_srcloc(loc)
            .insert_inst(data, results);
        if op.is_terminator() {
            self.cur = None;
        }
        inst
    }

    /// Appends an instruction with one result and returns it.
    pub fn ins1(&mut self, data: InstData, ty: Type) -> Value {
        let i = self.ins(data, &[ty]);
        self.f.dfg.first_result(i)
    }

    /// Appends an instruction that may panic, then the panic test (none after an
    /// `rtcall` of a runtime function that cannot panic: `InstData::may_panic`).
    pub fn ins_checked(&mut self, data: InstData, results: &[Type]) -> Vec<Value> {
        let checked = data.may_panic();
        let i = self.ins(data, results);
        let r = self.f.dfg.inst_results(i).to_vec();
        if checked {
            self.panic_check();
        }
        r
    }

    /// `panicking` and a branch to the panic path.
    pub fn panic_check(&mut self) {
        let p = self.ins1(InstData::new(Opcode::Panicking), Type::Bool);
        let cont = self.f.append_block();
        let target = self.panic_target;
        self.brif(p, target, cont);
        self.cur = Some(cont);
    }

    pub fn brif(&mut self, c: Value, then: Block, els: Block) {
        let targets = vec![Function::target(then, &[]), Function::target(els, &[])];
        self.ins(InstData::new(Opcode::Brif).args(&[c]).targets(targets), &[]);
    }

    pub fn jump(&mut self, to: Block, args: &[Value]) {
        if self.cur.is_none() {
            return;
        }
        let targets = vec![Function::target(to, args)];
        self.ins(InstData::new(Opcode::Jump).targets(targets), &[]);
    }

    fn ret_zeros(&mut self, types: &[Type]) {
        let vals: Vec<Value> = types.iter().map(|&t| self.zero(t)).collect();
        self.ins(InstData::new(Opcode::Ret).args(&vals), &[]);
    }

    /// Returns from the function with the result cells' values (after running the
    /// deferred calls, when there are any).
    pub fn do_return(&mut self) {
        if let Some(exit) = self.exit {
            self.jump(exit, &[]);
        } else {
            let vals: Vec<Value> = self
                .hf
                .results
                .iter()
                .map(|&r| self.load_local(r))
                .collect();
            self.ins(InstData::new(Opcode::Ret).args(&vals), &[]);
        }
    }

    pub fn zero(&mut self, ty: Type) -> Value {
        self.ins1(InstData::new(Opcode::Zero).ty(ty), ty)
    }

    pub fn iconst(&mut self, ty: Type, v: i64) -> Value {
        self.ins1(InstData::new(Opcode::Iconst).ty(ty).imm(Imm::Int(v)), ty)
    }

    pub fn local_ir_type(&mut self, l: LocalId) -> Type {
        let ty = self.hf.locals[l.0 as usize].ty;
        self.m.ir_type(ty)
    }

    /// The frame cell of the backing store of slice variable `l` (zeroed at entry).
    pub fn append_store(&mut self, l: LocalId) -> Value {
        if let Some(&v) = self.append_stores.get(&l) {
            return v;
        }
        let cell_ty = self.m.append_buf_type();
        let v = self.entry_stack_alloc(cell_ty);
        self.append_stores.insert(l, v);
        v
    }

    /// slice.go's `s = move2heap(s)` before a transition statement (`appendbuf`).
    pub fn move_to_heap(&mut self, l: LocalId, keep_cap: bool) {
        let ty = self.hf.locals[l.0 as usize].ty;
        let crate::types::TypeKind::Slice(et) = self.m.prog.types.under_kind(ty).clone() else {
            return;
        };
        let ety = self.m.ir_type(et);
        if !(1..=32).contains(&self.m.size_of(ety)) {
            // No store (gc: no backing store info, move2heap is a no-op).
            return;
        }
        let word = self.m.elem_word(et);
        let s = self.load_local(l);
        let ew = self.iconst(Type::I64, word);
        let state = self.append_store(l);
        let keep = self.iconst(Type::I64, i64::from(keep_cap));
        let ns = self.rt(ir::RtFunc::MoveToHeap, &[s, ew, state, keep])[0];
        self.store_local(l, ns);
    }

    /// A `stack_alloc` of `ty` in the entry block (zeroed once per call).
    pub fn entry_stack_alloc(&mut self, ty: Type) -> Value {
        // After the allocations already there, so they stay in creation order.
        let mut c = FuncCursor::new(&mut self.f).at_top(self.entry);
        while let Some(i) = c.current_inst() {
            if c.func.dfg.insts[i].opcode != Opcode::StackAlloc {
                break;
            }
            c.next_inst();
        }
        c.stack_alloc(ty)
    }

    /// Allocates the frame cell of a local (in the entry block, once).
    pub fn declare_local(&mut self, l: LocalId) {
        if self.cells.contains_key(&l) {
            return;
        }
        let local = &self.hf.locals[l.0 as usize];
        if let LocalKind::Capture(c) = local.kind {
            self.cells.insert(l, Cell::Capture(c));
            return;
        }
        let addressed = local.addressed;
        let ty = self.local_ir_type(l);
        let slot_ty = if addressed { Type::Ptr } else { ty };
        // The slot lives in the entry block so that it is allocated once.
        let slot = self.entry_stack_alloc(slot_ty);
        self.cells.insert(
            l,
            if addressed {
                Cell::Boxed(slot)
            } else {
                Cell::Stack(slot)
            },
        );
        if addressed {
            // Parameters and results get their heap cell right away; other variables
            // at each execution of their declaration (`fresh_cell`).
            let kind = local.kind;
            if matches!(kind, LocalKind::Param | LocalKind::Result) {
                self.fresh_cell(l);
            }
        }
    }

    /// For an addressed variable: a new heap cell (a declaration executing again, or a
    /// per-iteration loop variable), zeroed.
    pub fn fresh_cell(&mut self, l: LocalId) {
        if let Some(Cell::Boxed(slot)) = self.cells.get(&l).copied() {
            let ty = self.local_ir_type(l);
            let cell = self.ins1(InstData::new(Opcode::Alloc).ty(ty), Type::Ptr);
            // The declaration and the name, for the `escape` pass's remarks.
            if let ir::ValueDef::Result(inst, _) = self.f.dfg.values[cell].def {
                let local = &self.hf.locals[l.0 as usize];
                self.f.srclocs[inst] = self.m.loc(local.span);
                self.f.var_names[inst] = local.name.clone();
            }
            self.ins(InstData::new(Opcode::Store).args(&[slot, cell]), &[]);
        }
    }

    /// The address of a local's value.
    pub fn local_addr(&mut self, l: LocalId) -> Value {
        if !self.cells.contains_key(&l) {
            self.declare_local(l);
            self.fresh_cell(l);
        }
        match self.cells[&l] {
            Cell::Stack(slot) => slot,
            Cell::Boxed(slot) => self.ins1(
                InstData::new(Opcode::Load).ty(Type::Ptr).args(&[slot]),
                Type::Ptr,
            ),
            Cell::Capture(i) => {
                let env = self.env;
                self.ins1(
                    InstData::new(Opcode::EnvGet)
                        .ty(Type::Ptr)
                        .args(&[env])
                        .imm(Imm::Index(i)),
                    Type::Ptr,
                )
            }
        }
    }

    pub fn load_local(&mut self, l: LocalId) -> Value {
        let ty = self.local_ir_type(l);
        let addr = self.local_addr(l);
        self.ins1(InstData::new(Opcode::Load).ty(ty).args(&[addr]), ty)
    }

    pub fn store_local(&mut self, l: LocalId, v: Value) {
        let addr = self.local_addr(l);
        self.ins(InstData::new(Opcode::Store).args(&[addr, v]), &[]);
    }

    pub fn load(&mut self, ty: Type, addr: Value) -> Value {
        self.ins1(InstData::new(Opcode::Load).ty(ty).args(&[addr]), ty)
    }

    pub fn store(&mut self, addr: Value, v: Value) {
        self.ins(InstData::new(Opcode::Store).args(&[addr, v]), &[]);
    }
}
