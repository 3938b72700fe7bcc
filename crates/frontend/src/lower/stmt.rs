//! Statements: declarations, assignments, control flow, `return` and `defer`.

use super::func::FuncCx;
use super::maps::PlaceRef;
use crate::ast::Span;
use crate::hir::{self, Expr, ExprKind, RangeKind, RangeTarget, Stmt, StmtKind};
use crate::types::TypeKind;
use ir::{DeferCallee, DeferData, Imm, InstData, IntCC, Opcode, Type, Value};

impl FuncCx<'_, '_> {
    pub fn block(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    pub fn stmt(&mut self, s: &Stmt) {
        self.set_span(s.span);
        if let Some(moves) = self.m.append_plan.moves.get(&(s as *const Stmt)) {
            if self.cur.is_some() {
                for (l, keep_cap) in moves.clone() {
                    self.move_to_heap(l, keep_cap);
                }
            }
        }
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr_multi(e);
            }
            StmtKind::Declare { locals, values } => {
                let vals = self.values_for(values, locals.len());
                for (i, &l) in locals.iter().enumerate() {
                    self.declare_local(l);
                    self.fresh_cell(l);
                    let v = match vals.get(i) {
                        Some(&v) => v,
                        None => {
                            let ty = self.local_ir_type(l);
                            self.zero(ty)
                        }
                    };
                    self.store_local(l, v);
                }
            }
            StmtKind::Assign { places, values } => {
                // Phase one: the places' operands, then the values; phase two: stores.
                let addrs: Vec<Option<PlaceRef>> = places
                    .iter()
                    .map(|p| p.as_ref().map(|p| self.prepare_place(p)))
                    .collect();
                let vals = self.values_for(values, places.len());
                for (a, v) in addrs.into_iter().zip(vals) {
                    if let Some(a) = a {
                        self.store_place(&a, v);
                    }
                }
            }
            StmtKind::OpAssign { place, op, value } => {
                let addr = self.prepare_place(place);
                let ty = self.m.ir_type(place.ty);
                let old = match addr {
                    PlaceRef::Addr(a) => Some(self.load(ty, a)),
                    PlaceRef::Map { .. } => None,
                };
                let rhs = self.expr(value);
                // A map element is read after the operand's calls, as gc orders it.
                let old = match old {
                    Some(v) => v,
                    None => self.load_place(&addr, ty),
                };
                let new = self.binary_values(*op, old, rhs, place.ty, value.ty);
                self.store_place(&addr, new);
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If { cond, then, els } => {
                let c = self.expr(cond);
                let tb = self.f.append_block();
                let eb = self.f.append_block();
                let join = self.f.append_block();
                self.brif(c, tb, eb);
                self.cur = Some(tb);
                self.block(then);
                self.jump(join, &[]);
                self.cur = Some(eb);
                self.block(els);
                self.jump(join, &[]);
                self.cur = Some(join);
            }
            StmtKind::For {
                label,
                cond,
                post,
                body,
                loop_vars,
            } => {
                let head = self.f.append_block();
                let body_b = self.f.append_block();
                let post_b = self.f.append_block();
                let exit = self.f.append_block();
                self.jump(head, &[]);
                self.cur = Some(head);
                if let Some(c) = cond {
                    let c = self.expr(c);
                    self.brif(c, body_b, exit);
                } else {
                    self.jump(body_b, &[]);
                }
                self.labels.insert(*label, (exit, Some(post_b)));
                self.cur = Some(body_b);
                self.block(body);
                self.jump(post_b, &[]);
                self.cur = Some(post_b);
                // Go 1.22: the next iteration gets fresh copies of the loop variables.
                for &l in loop_vars {
                    if self.hf.locals[l.0 as usize].addressed {
                        let v = self.load_local(l);
                        self.fresh_cell(l);
                        self.store_local(l, v);
                    }
                }
                self.block(post);
                self.jump(head, &[]);
                self.cur = Some(exit);
            }
            StmtKind::Range {
                label,
                kind,
                range,
                key,
                value,
                body,
            } => self.range(*label, *kind, range, key, value, body),
            StmtKind::Switch {
                label,
                cases,
                default_case,
            } => {
                let exit = self.f.append_block();
                self.labels.insert(*label, (exit, None));
                let bodies: Vec<_> = cases.iter().map(|_| self.f.append_block()).collect();
                for (i, case) in cases.iter().enumerate() {
                    if Some(i) == *default_case {
                        continue;
                    }
                    for c in &case.conds {
                        let v = self.expr(c);
                        let next = self.f.append_block();
                        self.brif(v, bodies[i], next);
                        self.cur = Some(next);
                    }
                }
                match default_case {
                    Some(d) => self.jump(bodies[*d], &[]),
                    None => self.jump(exit, &[]),
                }
                for (i, case) in cases.iter().enumerate() {
                    self.cur = Some(bodies[i]);
                    self.block(&case.body);
                    self.jump(exit, &[]);
                }
                self.cur = Some(exit);
            }
            StmtKind::TypeSwitch {
                label,
                subject,
                cases,
                default_case,
            } => self.type_switch(*label, subject, cases, *default_case),
            StmtKind::Break(l) => {
                if let Some(&(b, _)) = self.labels.get(l) {
                    self.jump(b, &[]);
                }
                self.cur = None;
            }
            StmtKind::Continue(l) => {
                if let Some(&(_, Some(c))) = self.labels.get(l) {
                    self.jump(c, &[]);
                }
                self.cur = None;
            }
            StmtKind::Return(values) => {
                if let Some(values) = values {
                    let results = self.hf.results.clone();
                    let vals = self.values_for(values, results.len());
                    for (r, v) in results.into_iter().zip(vals) {
                        self.store_local(r, v);
                    }
                }
                self.do_return();
                self.cur = None;
            }
            StmtKind::Defer(call) => self.defer(call, s.span),
        }
    }

    /// The values of a value list: one per target, or the spread of a single
    /// tuple-valued expression.
    pub fn values_for(&mut self, values: &[Expr], n: usize) -> Vec<Value> {
        if values.len() == 1 && n > 1 {
            return self.expr_multi(&values[0]);
        }
        values.iter().map(|v| self.expr(v)).collect()
    }

    fn range(
        &mut self,
        label: hir::LabelId,
        kind: RangeKind,
        range: &Expr,
        key: &Option<RangeTarget>,
        value: &Option<RangeTarget>,
        body: &[Stmt],
    ) {
        if kind == RangeKind::Map {
            return self.map_range(label, range, key, value, body);
        }
        let x = self.expr(range);
        let (len, elem_ty) = match kind {
            RangeKind::Map => return,
            RangeKind::Int => {
                let ty = self.m.ir_type(range.ty);
                (
                    self.widen(x, ty, self.m.prog.types.is_unsigned(range.ty)),
                    None,
                )
            }
            RangeKind::Slice => {
                let l = self.ins1(InstData::new(Opcode::SliceLen).args(&[x]), Type::I64);
                let TypeKind::Slice(e) = self.m.prog.types.under_kind(range.ty).clone() else {
                    return;
                };
                (l, Some(e))
            }
        };
        // The hidden index lives in a frame cell like every other variable.
        let idx = self.ins1(InstData::new(Opcode::StackAlloc).ty(Type::I64), Type::Ptr);
        let zero = self.iconst(Type::I64, 0);
        self.store(idx, zero);
        let head = self.f.append_block();
        let body_b = self.f.append_block();
        let post_b = self.f.append_block();
        let exit = self.f.append_block();
        self.jump(head, &[]);
        self.cur = Some(head);
        let i = self.load(Type::I64, idx);
        let c = self.ins1(
            InstData::new(Opcode::Icmp)
                .ty(Type::I64)
                .args(&[i, len])
                .imm(Imm::Cond(IntCC::Slt)),
            Type::Bool,
        );
        self.brif(c, body_b, exit);
        self.cur = Some(body_b);
        self.labels.insert(label, (exit, Some(post_b)));
        let kv = key.as_ref().map(|k| {
            let kty = match kind {
                RangeKind::Int => self.m.ir_type(range.ty),
                RangeKind::Slice | RangeKind::Map => Type::I64,
            };
            (k, self.narrow(i, kty))
        });
        let ev = match (value, elem_ty) {
            (Some(v), Some(e)) => {
                let ety = self.m.ir_type(e);
                let p = self.ins1(InstData::new(Opcode::SlicePtr).args(&[x]), Type::Ptr);
                let a = self.ins1(
                    InstData::new(Opcode::IndexAddr).ty(ety).args(&[p, i]),
                    Type::Ptr,
                );
                Some((v, self.load(ety, a)))
            }
            _ => None,
        };
        self.range_assign_pair(kv, ev);
        self.block(body);
        self.jump(post_b, &[]);
        self.cur = Some(post_b);
        let i = self.load(Type::I64, idx);
        let one = self.iconst(Type::I64, 1);
        let n = self.ins1(
            InstData::new(Opcode::Iadd).ty(Type::I64).args(&[i, one]),
            Type::I64,
        );
        self.store(idx, n);
        self.jump(head, &[]);
        self.cur = Some(exit);
    }

    /// Assigns an iteration's key and value as the tuple assignment `k, v = key,
    /// value` does: the places' operands first (`for k, m[k] = range` indexes with
    /// the old `k`), then the stores.
    pub(super) fn range_assign_pair(
        &mut self,
        key: Option<(&RangeTarget, Value)>,
        value: Option<(&RangeTarget, Value)>,
    ) {
        let prepare = |c: &mut Self, t: Option<(&RangeTarget, Value)>| match t {
            Some((RangeTarget::Assign(p), v)) => Some((c.prepare_place(p), v)),
            _ => None,
        };
        let (kp, vp) = (prepare(self, key), prepare(self, value));
        for (t, prepared) in [(key, kp), (value, vp)] {
            match (t, prepared) {
                (_, Some((p, v))) => self.store_place(&p, v),
                (Some((t, v)), None) => self.range_assign(t, v),
                (None, None) => {}
            }
        }
    }

    pub(super) fn range_assign(&mut self, t: &RangeTarget, v: Value) {
        match t {
            RangeTarget::Define(l) => {
                self.declare_local(*l);
                self.fresh_cell(*l);
                self.store_local(*l, v);
            }
            RangeTarget::Assign(p) => {
                let a = self.prepare_place(p);
                self.store_place(&a, v);
            }
        }
    }

    fn type_switch(
        &mut self,
        label: hir::LabelId,
        subject: &Expr,
        cases: &[hir::TypeCase],
        default_case: Option<usize>,
    ) {
        let x = self.expr(subject);
        let exit = self.f.append_block();
        self.labels.insert(label, (exit, None));
        let bodies: Vec<_> = cases.iter().map(|_| self.f.append_block()).collect();
        for (i, case) in cases.iter().enumerate() {
            if Some(i) == default_case {
                continue;
            }
            for t in &case.types {
                let c = self.type_test(x, *t);
                let next = self.f.append_block();
                self.brif(c, bodies[i], next);
                self.cur = Some(next);
            }
        }
        match default_case {
            Some(d) => self.jump(bodies[d], &[]),
            None => self.jump(exit, &[]),
        }
        for (i, case) in cases.iter().enumerate() {
            self.cur = Some(bodies[i]);
            if let Some(b) = case.bind {
                self.declare_local(b);
                self.fresh_cell(b);
                let bty = self.hf.locals[b.0 as usize].ty;
                let v = if self.m.prog.types.is_interface(bty) {
                    x
                } else {
                    let ty = self.m.ir_type(bty);
                    self.ins1(InstData::new(Opcode::Unbox).ty(ty).args(&[x]), ty)
                };
                self.store_local(b, v);
            }
            self.block(&case.body);
            self.jump(exit, &[]);
        }
        self.cur = Some(exit);
    }

    /// Whether the interface `x` holds a `t` (`None`: is nil).
    pub fn type_test(&mut self, x: Value, t: Option<crate::types::TypeId>) -> Value {
        match t {
            None => {
                let d = self.ins1(InstData::new(Opcode::IfaceType).args(&[x]), Type::Ptr);
                let z = self.zero(Type::Ptr);
                self.ins1(
                    InstData::new(Opcode::Icmp)
                        .ty(Type::Ptr)
                        .args(&[d, z])
                        .imm(Imm::Cond(IntCC::Eq)),
                    Type::Bool,
                )
            }
            Some(t) if matches!(self.m.prog.types.kind(t), TypeKind::EmptyInterface) => {
                let d = self.ins1(InstData::new(Opcode::IfaceType).args(&[x]), Type::Ptr);
                let z = self.zero(Type::Ptr);
                self.ins1(
                    InstData::new(Opcode::Icmp)
                        .ty(Type::Ptr)
                        .args(&[d, z])
                        .imm(Imm::Cond(IntCC::Ne)),
                    Type::Bool,
                )
            }
            Some(t) => {
                let gt = if matches!(self.m.prog.types.under_kind(t), TypeKind::Interface(_)) {
                    self.m.go_type(t)
                } else if self.m.prog.types.is_interface(t) {
                    self.m.error_type()
                } else {
                    self.m.go_type(t)
                };
                self.ins1(
                    InstData::new(Opcode::TypeIs)
                        .args(&[x])
                        .imm(Imm::GoType(gt)),
                    Type::Bool,
                )
            }
        }
    }

    /// `defer call`: evaluates the function value, receiver and arguments now. The
    /// defer's origin (its remarks, its `defer` instruction) is the statement's
    /// position, the `defer` keyword, as in gc.
    fn defer(&mut self, call: &Expr, span: Span) {
        let results = match &call.kind {
            ExprKind::Call { .. } | ExprKind::MethodCall { .. } => self.m.ir_types(call.ty),
            _ => Vec::new(),
        };
        let (callee, args) = match &call.kind {
            ExprKind::Call { callee, args } => match &callee.kind {
                ExprKind::FuncRef(f) => {
                    let id = self.m.func_ids[f];
                    (DeferCallee::Direct(id), self.call_args(args))
                }
                // `defer func() { ... }()`: the body is known; the closure object
                // travels as the call's `env`.
                ExprKind::FuncLit(f) => {
                    let id = self.m.func_ids[f];
                    let obj = self.expr(callee);
                    let mut a = vec![obj];
                    a.extend(self.call_args(args));
                    (DeferCallee::Closure(id), a)
                }
                _ => {
                    let fv = self.expr(callee);
                    let mut a = vec![fv];
                    a.extend(self.call_args(args));
                    (DeferCallee::Indirect, a)
                }
            },
            ExprKind::MethodCall { func, recv, args } => {
                let id = self.m.func_ids[func];
                let r = self.expr(recv);
                self.nil_iface_check(r, recv.ty);
                let mut a = vec![r];
                a.extend(self.call_args(args));
                (DeferCallee::Direct(id), a)
            }
            // Builtins and library calls run through a wrapper function that takes
            // the evaluated operands, as gc wraps them in a closure.
            _ => {
                let (wrapper, a) = self.defer_wrapper(call);
                (DeferCallee::Direct(wrapper), a)
            }
        };
        let arg_types = args.iter().map(|&v| self.f.dfg.value_type(v)).collect();
        // gc speaks of the deferred call itself at its `(`.
        let paren = match &call.kind {
            ExprKind::Call { callee, .. } => self.m.call_paren(callee.span.hi, false),
            ExprKind::MethodCall { recv, .. } => self.m.call_paren(recv.span.hi, true),
            _ => None,
        };
        self.set_span(span);
        let since = self.f.dfg.insts.len();
        let d = self.f.defers.push(DeferData {
            callee,
            arg_types,
            results,
            origin: self.loc,
            call_at: paren.unwrap_or(self.loc),
            scope: ir::ScopeId::ROOT,
            strategy: None,
        });
        self.ins(
            InstData::new(Opcode::Defer).args(&args).imm(Imm::Defer(d)),
            &[],
        );
        if let ExprKind::MethodCall { func, recv, .. } = &call.kind {
            self.name_iface_call(*func, recv, since);
        }
    }

    /// A function `(env, tok, operands...)` performing a deferred builtin or library
    /// call, and the operands to pass it (for `defer recover()`, one operand: the
    /// deferring function's own `tok`).
    fn defer_wrapper(&mut self, call: &Expr) -> (ir::FuncId, Vec<Value>) {
        let args: &[Expr] = match &call.kind {
            ExprKind::Builtin { args, .. } | ExprKind::Lib { args, .. } => args,
            _ => &[],
        };
        // The operands, a multi-value call passed straight on (`defer
        // fmt.Println(divmod(7, 3))`) spread into one operand per result.
        let mut vals: Vec<Value> = Vec::new();
        let mut val_tys: Vec<(crate::types::TypeId, Span)> = Vec::new();
        for a in args {
            if let TypeKind::Tuple(ts) = self.m.prog.types.kind(a.ty).clone() {
                vals.extend(self.expr_multi(a));
                val_tys.extend(ts.into_iter().map(|t| (t, a.span)));
            } else {
                vals.push(self.expr(a));
                val_tys.push((a.ty, a.span));
            }
        }
        // `defer err.Error()` evaluates the method value `err.Error` now, which
        // panics on a nil interface before anything is deferred.
        if let ExprKind::Lib {
            func: hir::LibFunc::ErrorMethod,
            ..
        } = &call.kind
        {
            let t = self.ins1(InstData::new(Opcode::IfaceType).args(&[vals[0]]), Type::Ptr);
            self.ins_checked(InstData::new(Opcode::CheckNil).args(&[t]), &[]);
        }
        // The wrapper is a HIR function whose parameters stand for the operands.
        let mut locals = Vec::new();
        let mut params = Vec::new();
        let mut new_args = Vec::new();
        for (i, &(ty, span)) in val_tys.iter().enumerate() {
            let id = hir::LocalId(i as u32);
            locals.push(hir::Local {
                name: format!("a{i}"),
                ty,
                kind: hir::LocalKind::Param,
                addressed: false,
                span,
            });
            params.push(id);
            new_args.push(Expr {
                kind: ExprKind::Local(id),
                ty,
                span,
            });
        }
        let new_call = Expr {
            kind: match &call.kind {
                ExprKind::Builtin { builtin, .. } => ExprKind::Builtin {
                    builtin: *builtin,
                    args: new_args,
                },
                ExprKind::Lib { func, .. } => ExprKind::Lib {
                    func: *func,
                    args: new_args,
                },
                other => other.clone(),
            },
            ty: call.ty,
            span: call.span,
        };
        self.m.wrapper_count += 1;
        let name = format!("{}.deferwrap{}", self.hf.name, self.m.wrapper_count);
        let hf = hir::Func {
            name: name.clone(),
            ty: call.ty,
            params,
            results: vec![],
            named_results: false,
            is_method: false,
            locals,
            parent: None,
            captures: vec![],
            body: vec![Stmt {
                kind: StmtKind::Expr(new_call),
                span: call.span,
            }],
            noinline: false,
            span: call.span,
        };
        // `defer recover()`: the wrapper recovers with the token of the function that
        // deferred it (see `FuncCx::recover_tok`), passed as one more operand.
        if let ExprKind::Builtin {
            builtin: hir::Builtin::Recover,
            ..
        } = &call.kind
        {
            vals.push(self.tok);
        }
        let mut sig_params = vec![Type::Ptr, Type::I64];
        sig_params.extend(vals.iter().map(|&v| self.f.dfg.value_type(v)));
        let sig = ir::Signature {
            params: sig_params,
            results: vec![],
        };
        let mut f = ir::Function::new(name, sig);
        f.loc = self.loc;
        let f = super::func::lower_into(self.m, &hf, f, true);
        let id = self.m.module.funcs.push(f);
        (id, vals)
    }
}
