//! Expressions: values, places, calls, builtins and library calls.

use super::appendbuf::SiteKind;
use super::func::FuncCx;
use crate::ast::BinOp;
use crate::hir::{Builtin, ConstValue, Expr, ExprKind, LibFunc, UnaryOp};
use crate::types::{Basic, TypeId, TypeKind};
use ir::{BoundKind, Imm, InstData, IntCC, Opcode, RtFunc, Type, Value};

impl FuncCx<'_, '_> {
    /// Lowers an expression with exactly one value.
    pub fn expr(&mut self, e: &Expr) -> Value {
        let vs = self.expr_multi(e);
        match vs.first() {
            Some(&v) => v,
            // A call with no results used as a value cannot pass the checker; give a
            // placeholder so lowering stays total.
            None => self.zero(Type::Ptr),
        }
    }

    /// Lowers an expression to its values: none for a call without results, several
    /// for a tuple-valued call.
    pub fn expr_multi(&mut self, e: &Expr) -> Vec<Value> {
        self.set_span(e.span);
        match &e.kind {
            ExprKind::Call { callee, args } => self.call(callee, args, e.ty),
            ExprKind::MethodCall { func, recv, args } => {
                let r = self.expr(recv);
                let mut a = vec![r];
                a.extend(self.call_args(args));
                self.direct_call(self.m.func_ids[func], a, e.ty)
            }
            ExprKind::Builtin { builtin, args } => self.builtin(*builtin, args, e),
            ExprKind::Lib { func, args } => self.lib(*func, args, e),
            ExprKind::TypeAssert {
                x,
                target,
                comma_ok,
            } => self.type_assert(x, *target, *comma_ok),
            _ => vec![self.value(e)],
        }
    }

    fn value(&mut self, e: &Expr) -> Value {
        let ty = self.m.ir_type(e.ty);
        match &e.kind {
            ExprKind::Const(c) => match c {
                ConstValue::Int(i) => self.iconst(ty, *i as i64),
                ConstValue::Bool(b) => self.iconst(Type::Bool, *b as i64),
                ConstValue::Str(s) => self.ins1(
                    InstData::new(Opcode::Sconst).imm(Imm::Str(s.clone())),
                    Type::Str,
                ),
                ConstValue::Nil => self.zero(ty),
            },
            ExprKind::Zero => self.zero(ty),
            ExprKind::Local(l) => self.load_local(*l),
            ExprKind::Global(_) | ExprKind::Deref(_) | ExprKind::Index { .. } => {
                if let ExprKind::Index { base, index } = &e.kind {
                    if self.m.prog.types.basic_of(base.ty) == Some(Basic::String) {
                        let s = self.expr(base);
                        let i = self.index_value(index);
                        let len = self.ins1(InstData::new(Opcode::StrLen).args(&[s]), Type::I64);
                        self.ins_checked(InstData::new(Opcode::CheckIndex).args(&[i, len]), &[]);
                        let p = self.ins1(InstData::new(Opcode::StrPtr).args(&[s]), Type::Ptr);
                        let a = self.ins1(
                            InstData::new(Opcode::IndexAddr).ty(Type::I8).args(&[p, i]),
                            Type::Ptr,
                        );
                        return self.load(Type::I8, a);
                    }
                }
                let a = self.place_addr(e);
                self.load(ty, a)
            }
            ExprKind::FuncRef(f) => {
                let id = self.m.func_ids[f];
                self.ins1(
                    InstData::new(Opcode::FuncRef).imm(Imm::Func(id)),
                    Type::Func,
                )
            }
            ExprKind::Unary(op, x) => {
                let v = self.expr(x);
                let opc = match op {
                    UnaryOp::Neg => Opcode::Ineg,
                    UnaryOp::Not => Opcode::Not,
                    UnaryOp::BitNot => Opcode::Bnot,
                };
                self.ins1(InstData::new(opc).ty(ty).args(&[v]), ty)
            }
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r),
            ExprKind::Field { base, index } => {
                if is_place(base) {
                    let a = self.place_addr(e);
                    self.load(ty, a)
                } else {
                    let b = self.expr(base);
                    self.ins1(
                        InstData::new(Opcode::StructGet)
                            .args(&[b])
                            .imm(Imm::Index(*index as u32)),
                        ty,
                    )
                }
            }
            ExprKind::AddrOf(x) => {
                if is_place(x) {
                    self.place_addr(x)
                } else {
                    let v = self.expr(x);
                    let vt = self.m.ir_type(x.ty);
                    let p = self.ins1(InstData::new(Opcode::Alloc).ty(vt), Type::Ptr);
                    if let ExprKind::StructLit(fields) = &x.kind {
                        // gc writes `&T{}` for a literal without elements.
                        let empty = fields.iter().all(|f| matches!(f.kind, ExprKind::Zero));
                        let elems = if empty { "" } else { "..." };
                        let what = format!("&{}{{{elems}}}", self.go_type_name(x.ty));
                        self.name_cell(p, e.span, what);
                    }
                    self.store(p, v);
                    p
                }
            }
            ExprKind::SliceExpr { base, lo, hi, max } => self.slice_expr(base, lo, hi, max),
            ExprKind::Convert(x) => self.convert(x, e.ty),
            ExprKind::ToIface(x) => {
                let v = self.expr(x);
                // gc converts a constant to an interface through a content-addressed
                // read-only static, so equal string constants box to identical values.
                if let ExprKind::Const(ConstValue::Str(_)) = &x.kind {
                    let gt = self.m.go_type(x.ty);
                    return self.ins1(
                        InstData::new(Opcode::BoxStatic)
                            .args(&[v])
                            .imm(Imm::GoType(gt)),
                        Type::Iface,
                    );
                }
                self.box_iface(v, x.ty)
            }
            ExprKind::StructLit(fields) => {
                let vals: Vec<Value> = fields.iter().map(|f| self.expr(f)).collect();
                self.ins1(InstData::new(Opcode::StructNew).ty(ty).args(&vals), ty)
            }
            ExprKind::SliceLit(elems) => {
                let TypeKind::Slice(et) = self.m.prog.types.under_kind(e.ty).clone() else {
                    return self.zero(ty);
                };
                let vals: Vec<Value> = elems.iter().map(|x| self.expr(x)).collect();
                self.slice_of(et, &vals)
            }
            ExprKind::FuncLit(f) => {
                let inner = &self.m.prog.funcs[f.0 as usize];
                let caps = inner.captures.clone();
                let cells: Vec<Value> = caps.iter().map(|&l| self.local_addr(l)).collect();
                let id = self.m.func_ids[f];
                self.ins1(
                    InstData::new(Opcode::Closure)
                        .args(&cells)
                        .imm(Imm::Func(id)),
                    Type::Func,
                )
            }
            ExprKind::MethodValue { func, recv } => self.method_value(*func, recv),
            ExprKind::Spread(xs) => self.expr(xs),
            ExprKind::MethodExpr { func, deref } => self.method_expr(*func, *deref, e.ty),
            // Handled by `expr_multi`.
            ExprKind::Call { .. }
            | ExprKind::MethodCall { .. }
            | ExprKind::Builtin { .. }
            | ExprKind::Lib { .. }
            | ExprKind::TypeAssert { .. } => self.expr(e),
        }
    }

    /// The type as gc's `-m` remarks spell it in an expression (no `main.`).
    fn go_type_name(&self, t: TypeId) -> String {
        self.m.prog.types.display(t).replace("main.", "")
    }

    /// Records what an `alloc` cell holds and where, for the `escape` pass's remarks.
    fn name_cell(&mut self, cell: Value, span: crate::ast::Span, what: String) {
        if let ir::ValueDef::Result(inst, _) = self.f.dfg.values[cell].def {
            self.f.srclocs[inst] = self.m.loc(span);
            self.f.var_names[inst] = what;
        }
    }

    /// The address of a place.
    pub fn place_addr(&mut self, e: &Expr) -> Value {
        match &e.kind {
            ExprKind::Local(l) => self.local_addr(*l),
            ExprKind::Global(g) => {
                let id = ir::GlobalId::from_u32(g.0);
                self.ins1(
                    InstData::new(Opcode::GlobalAddr).imm(Imm::Global(id)),
                    Type::Ptr,
                )
            }
            ExprKind::Deref(p) => {
                let p = self.expr(p);
                self.ins_checked(InstData::new(Opcode::CheckNil).args(&[p]), &[]);
                p
            }
            ExprKind::Field { base, index } => {
                let b = if is_place(base) {
                    self.place_addr(base)
                } else {
                    // A field of a non-addressable struct value: spill it.
                    let v = self.expr(base);
                    let t = self.m.ir_type(base.ty);
                    let p = self.ins1(InstData::new(Opcode::StackAlloc).ty(t), Type::Ptr);
                    self.store(p, v);
                    p
                };
                let Type::Struct(s) = self.m.ir_type(base.ty) else {
                    return b;
                };
                self.ins1(
                    InstData::new(Opcode::FieldAddr)
                        .args(&[b])
                        .imm(Imm::Field(s, *index as u32)),
                    Type::Ptr,
                )
            }
            ExprKind::Index { base, index } => {
                let s = self.expr(base);
                let i = self.index_value(index);
                let len = self.ins1(InstData::new(Opcode::SliceLen).args(&[s]), Type::I64);
                self.ins_checked(InstData::new(Opcode::CheckIndex).args(&[i, len]), &[]);
                let p = self.ins1(InstData::new(Opcode::SlicePtr).args(&[s]), Type::Ptr);
                let et = self.m.ir_type(e.ty);
                self.ins1(
                    InstData::new(Opcode::IndexAddr).ty(et).args(&[p, i]),
                    Type::Ptr,
                )
            }
            _ => {
                // Not a place: materialise the value in a frame cell.
                let v = self.expr(e);
                let t = self.m.ir_type(e.ty);
                let p = self.ins1(InstData::new(Opcode::StackAlloc).ty(t), Type::Ptr);
                self.store(p, v);
                p
            }
        }
    }

    /// An index operand as an `i64` (sign- or zero-extended).
    fn index_value(&mut self, e: &Expr) -> Value {
        let v = self.expr(e);
        let ty = self.m.ir_type(e.ty);
        let unsigned = self.m.prog.types.is_unsigned(e.ty);
        self.widen(v, ty, unsigned)
    }

    pub fn widen(&mut self, v: Value, ty: Type, unsigned: bool) -> Value {
        if ty == Type::I64 {
            return v;
        }
        let op = if unsigned { Opcode::Uext } else { Opcode::Sext };
        self.ins1(InstData::new(op).ty(Type::I64).args(&[v]), Type::I64)
    }

    pub fn narrow(&mut self, v: Value, ty: Type) -> Value {
        if ty == Type::I64 {
            return v;
        }
        self.ins1(InstData::new(Opcode::Trunc).ty(ty).args(&[v]), ty)
    }

    pub fn call_args(&mut self, args: &[Expr]) -> Vec<Value> {
        if args.len() == 1 && matches!(self.m.prog.types.kind(args[0].ty), TypeKind::Tuple(_)) {
            return self.expr_multi(&args[0]);
        }
        args.iter().map(|a| self.expr(a)).collect()
    }

    fn call(&mut self, callee: &Expr, args: &[Expr], ty: TypeId) -> Vec<Value> {
        if let ExprKind::FuncRef(f) = &callee.kind {
            let id = self.m.func_ids[f];
            let a = self.call_args(args);
            return self.direct_call(id, a, ty);
        }
        let fv = self.expr(callee);
        let a = self.call_args(args);
        self.ins_checked(InstData::new(Opcode::CheckNil).args(&[fv]), &[]);
        let tok = self.iconst(Type::I64, 0);
        let mut all = vec![fv, tok];
        all.extend(a);
        let rtys = self.m.ir_types(ty);
        self.ins_checked(InstData::new(Opcode::CallIndirect).args(&all), &rtys)
    }

    pub fn direct_call(&mut self, f: ir::FuncId, args: Vec<Value>, ty: TypeId) -> Vec<Value> {
        let env = self.zero(Type::Ptr);
        let tok = self.iconst(Type::I64, 0);
        let mut all = vec![env, tok];
        all.extend(args);
        let rtys = self.m.module.funcs[f].sig.results.clone();
        let _ = ty;
        self.ins_checked(
            InstData::new(Opcode::Call).args(&all).imm(Imm::Func(f)),
            &rtys,
        )
    }

    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr) -> Value {
        match op {
            BinOp::LogAnd | BinOp::LogOr => {
                let a = self.expr(l);
                let rhs_b = self.f.append_block();
                let join = self.f.append_block();
                let res = self.f.dfg.append_block_param(join, Type::Bool);
                let (t, f) = if op == BinOp::LogAnd {
                    (rhs_b, join)
                } else {
                    (join, rhs_b)
                };
                self.ins(
                    InstData::new(Opcode::Brif).args(&[a]).targets(vec![
                        ir::BlockCall {
                            block: t,
                            args: if t == join { vec![a] } else { vec![] },
                        },
                        ir::BlockCall {
                            block: f,
                            args: if f == join { vec![a] } else { vec![] },
                        },
                    ]),
                    &[],
                );
                self.cur = Some(rhs_b);
                let b = self.expr(r);
                self.jump(join, &[b]);
                self.cur = Some(join);
                res
            }
            _ => {
                let a = self.expr(l);
                let b = self.expr(r);
                self.binary_values(op, a, b, l.ty, r.ty)
            }
        }
    }

    /// A binary operator over lowered operands of Go types `lt` and `rt`.
    pub fn binary_values(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
        lt: TypeId,
        rt: TypeId,
    ) -> Value {
        let types = &self.m.prog.types;
        let ty = self.m.ir_type(lt);
        let unsigned = types.is_unsigned(lt);
        let is_str = types.basic_of(lt) == Some(Basic::String);
        let is_iface = types.is_interface(lt);
        let is_struct = matches!(types.under_kind(lt), TypeKind::Struct(_));
        let cmp = |cc_s: IntCC, cc_u: IntCC| if unsigned { cc_u } else { cc_s };
        let cond = match op {
            BinOp::Eq => Some(IntCC::Eq),
            BinOp::Ne => Some(IntCC::Ne),
            BinOp::Lt => Some(cmp(IntCC::Slt, IntCC::Ult)),
            BinOp::Le => Some(cmp(IntCC::Sle, IntCC::Ule)),
            BinOp::Gt => Some(cmp(IntCC::Sgt, IntCC::Ugt)),
            BinOp::Ge => Some(cmp(IntCC::Sge, IntCC::Uge)),
            _ => None,
        };
        if let Some(cc) = cond {
            if is_str {
                let c = self.rt(RtFunc::StrCmp, &[a, b])[0];
                let z = self.iconst(Type::I64, 0);
                let scc = match cc {
                    IntCC::Ult => IntCC::Slt,
                    IntCC::Ule => IntCC::Sle,
                    IntCC::Ugt => IntCC::Sgt,
                    IntCC::Uge => IntCC::Sge,
                    c => c,
                };
                return self.icmp(Type::I64, scc, c, z);
            }
            if is_iface || is_struct || matches!(ty, Type::Slice | Type::Str) {
                let eq = self.equal(a, b, lt);
                return if cc == IntCC::Ne {
                    self.ins1(
                        InstData::new(Opcode::Not).ty(Type::Bool).args(&[eq]),
                        Type::Bool,
                    )
                } else {
                    eq
                };
            }
            return self.icmp(ty, cc, a, b);
        }
        if is_str && op == BinOp::Add {
            return self.rt(RtFunc::StrConcat, &[a, b])[0];
        }
        let opc = match op {
            BinOp::Add => Opcode::Iadd,
            BinOp::Sub => Opcode::Isub,
            BinOp::Mul => Opcode::Imul,
            BinOp::Div | BinOp::Rem => {
                self.ins_checked(InstData::new(Opcode::CheckDiv).args(&[b]), &[]);
                match (op, unsigned) {
                    (BinOp::Div, false) => Opcode::Sdiv,
                    (BinOp::Div, true) => Opcode::Udiv,
                    (_, false) => Opcode::Srem,
                    (_, true) => Opcode::Urem,
                }
            }
            BinOp::And => Opcode::Band,
            BinOp::Or => Opcode::Bor,
            BinOp::Xor => Opcode::Bxor,
            BinOp::AndNot => Opcode::BandNot,
            BinOp::Shl | BinOp::Shr => {
                let count_unsigned = self.m.prog.types.is_unsigned(rt);
                if !count_unsigned {
                    self.ins_checked(InstData::new(Opcode::CheckShift).args(&[b]), &[]);
                }
                let cty = self.m.ir_type(rt);
                let c = self.widen(b, cty, count_unsigned);
                let opc = match (op, unsigned) {
                    (BinOp::Shl, _) => Opcode::Ishl,
                    (_, true) => Opcode::Ushr,
                    (_, false) => Opcode::Sshr,
                };
                return self.ins1(InstData::new(opc).ty(ty).args(&[a, c]), ty);
            }
            _ => Opcode::Iadd,
        };
        self.ins1(InstData::new(opc).ty(ty).args(&[a, b]), ty)
    }

    fn icmp(&mut self, ty: Type, cc: IntCC, a: Value, b: Value) -> Value {
        self.ins1(
            InstData::new(Opcode::Icmp)
                .ty(ty)
                .args(&[a, b])
                .imm(Imm::Cond(cc)),
            Type::Bool,
        )
    }

    /// Go's `==` for values of Go type `t`.
    fn equal(&mut self, a: Value, b: Value, t: TypeId) -> Value {
        let types = &self.m.prog.types;
        if types.is_interface(t) {
            return self.rt(RtFunc::IfaceEq, &[a, b])[0];
        }
        match types.under_kind(t).clone() {
            TypeKind::Struct(fields) => {
                // Go compares the non-blank fields in source order and stops at the
                // first difference, so a later interface field holding an uncomparable
                // value does not panic.
                let join = self.f.append_block();
                let res = self.f.dfg.append_block_param(join, Type::Bool);
                let no = self.iconst(Type::Bool, 0);
                for (i, f) in fields.iter().enumerate() {
                    if f.name == "_" {
                        continue;
                    }
                    let ft = self.m.ir_type(f.ty);
                    let fa = self.ins1(
                        InstData::new(Opcode::StructGet)
                            .args(&[a])
                            .imm(Imm::Index(i as u32)),
                        ft,
                    );
                    let fb = self.ins1(
                        InstData::new(Opcode::StructGet)
                            .args(&[b])
                            .imm(Imm::Index(i as u32)),
                        ft,
                    );
                    let e = self.equal(fa, fb, f.ty);
                    let next = self.f.append_block();
                    self.ins(
                        InstData::new(Opcode::Brif).args(&[e]).targets(vec![
                            ir::BlockCall {
                                block: next,
                                args: vec![],
                            },
                            ir::BlockCall {
                                block: join,
                                args: vec![no],
                            },
                        ]),
                        &[],
                    );
                    self.cur = Some(next);
                }
                let yes = self.iconst(Type::Bool, 1);
                self.jump(join, &[yes]);
                self.cur = Some(join);
                res
            }
            TypeKind::Basic(Basic::String) => {
                let c = self.rt(RtFunc::StrCmp, &[a, b])[0];
                let z = self.iconst(Type::I64, 0);
                self.icmp(Type::I64, IntCC::Eq, c, z)
            }
            TypeKind::Slice(_) => {
                // Only comparison against nil is legal: compare data pointers.
                let pa = self.ins1(InstData::new(Opcode::SlicePtr).args(&[a]), Type::Ptr);
                let pb = self.ins1(InstData::new(Opcode::SlicePtr).args(&[b]), Type::Ptr);
                self.icmp(Type::Ptr, IntCC::Eq, pa, pb)
            }
            _ => {
                let ty = self.m.ir_type(t);
                self.icmp(ty, IntCC::Eq, a, b)
            }
        }
    }

    pub fn rt(&mut self, f: RtFunc, args: &[Value]) -> Vec<Value> {
        self.ins_checked(
            InstData::new(Opcode::RtCall).args(args).imm(Imm::Rt(f)),
            f.results(),
        )
    }

    /// Boxes a value of Go type `t` into an interface (no-op for interfaces).
    pub fn box_iface(&mut self, v: Value, t: TypeId) -> Value {
        if self.m.prog.types.is_interface(t) {
            return v;
        }
        if self.m.prog.types.basic_of(t) == Some(Basic::UntypedNil) {
            return self.zero(Type::Iface);
        }
        let gt = self.m.go_type(t);
        self.ins1(
            InstData::new(Opcode::Box).args(&[v]).imm(Imm::GoType(gt)),
            Type::Iface,
        )
    }

    fn convert(&mut self, x: &Expr, to: TypeId) -> Value {
        let v = self.expr(x);
        let types = &self.m.prog.types;
        let from_t = x.ty;
        let (fk, tk) = (
            types.under_kind(from_t).clone(),
            types.under_kind(to).clone(),
        );
        match (&fk, &tk) {
            (TypeKind::Basic(Basic::String), TypeKind::Slice(_)) => {
                self.rt(RtFunc::BytesFromStr, &[v])[0]
            }
            (TypeKind::Slice(_), TypeKind::Basic(Basic::String)) => {
                self.rt(RtFunc::StrFromBytes, &[v])[0]
            }
            (_, TypeKind::Basic(Basic::String)) if types.is_integer(from_t) => {
                let ft = self.m.ir_type(from_t);
                let unsigned = self.m.prog.types.is_unsigned(from_t);
                let w = self.widen(v, ft, unsigned);
                self.rt(RtFunc::StrFromRune, &[w])[0]
            }
            _ if types.is_integer(from_t) && types.is_integer(to) => {
                let ft = self.m.ir_type(from_t);
                let tt = self.m.ir_type(to);
                let unsigned = self.m.prog.types.is_unsigned(from_t);
                if ft.bits() == tt.bits() {
                    v
                } else if ft.bits() > tt.bits() {
                    self.ins1(InstData::new(Opcode::Trunc).ty(tt).args(&[v]), tt)
                } else {
                    let op = if unsigned { Opcode::Uext } else { Opcode::Sext };
                    self.ins1(InstData::new(op).ty(tt).args(&[v]), tt)
                }
            }
            _ if types.is_interface(to) => self.box_iface(v, from_t),
            _ => v,
        }
    }

    fn slice_expr(
        &mut self,
        base: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
    ) -> Value {
        let s = self.expr(base);
        let is_str = self.m.prog.types.basic_of(base.ty) == Some(Basic::String);
        let lo = match lo {
            Some(e) => self.index_value(e),
            None => self.iconst(Type::I64, 0),
        };
        let hi_v = hi.as_ref().map(|e| self.index_value(e));
        if is_str {
            let len = self.ins1(InstData::new(Opcode::StrLen).args(&[s]), Type::I64);
            let hi = hi_v.unwrap_or(len);
            self.ins_checked(
                InstData::new(Opcode::CheckSlice)
                    .args(&[lo, hi, len])
                    .imm(Imm::Bound(BoundKind::Len)),
                &[],
            );
            let p = self.ins1(InstData::new(Opcode::StrPtr).args(&[s]), Type::Ptr);
            let np = self.ins1(
                InstData::new(Opcode::IndexAddr).ty(Type::I8).args(&[p, lo]),
                Type::Ptr,
            );
            let n = self.ins1(
                InstData::new(Opcode::Isub).ty(Type::I64).args(&[hi, lo]),
                Type::I64,
            );
            return self.ins1(InstData::new(Opcode::StrNew).args(&[np, n]), Type::Str);
        }
        let len = self.ins1(InstData::new(Opcode::SliceLen).args(&[s]), Type::I64);
        let cap = self.ins1(InstData::new(Opcode::SliceCap).args(&[s]), Type::I64);
        let hi = hi_v.unwrap_or(len);
        let max = match max {
            Some(m) => {
                let m = self.index_value(m);
                self.ins_checked(
                    InstData::new(Opcode::CheckSlice3).args(&[lo, hi, m, cap]),
                    &[],
                );
                m
            }
            None => {
                self.ins_checked(
                    InstData::new(Opcode::CheckSlice)
                        .args(&[lo, hi, cap])
                        .imm(Imm::Bound(BoundKind::Cap)),
                    &[],
                );
                cap
            }
        };
        let TypeKind::Slice(et) = self.m.prog.types.under_kind(base.ty).clone() else {
            return s;
        };
        let ety = self.m.ir_type(et);
        let p = self.ins1(InstData::new(Opcode::SlicePtr).args(&[s]), Type::Ptr);
        let np = self.ins1(
            InstData::new(Opcode::IndexAddr).ty(ety).args(&[p, lo]),
            Type::Ptr,
        );
        let n = self.ins1(
            InstData::new(Opcode::Isub).ty(Type::I64).args(&[hi, lo]),
            Type::I64,
        );
        let c = self.ins1(
            InstData::new(Opcode::Isub).ty(Type::I64).args(&[max, lo]),
            Type::I64,
        );
        self.ins1(
            InstData::new(Opcode::SliceNew).args(&[np, n, c]),
            Type::Slice,
        )
    }

    /// A new slice of element Go type `et` holding `vals`.
    pub fn slice_of(&mut self, et: TypeId, vals: &[Value]) -> Value {
        let ety = self.m.ir_type(et);
        let n = self.iconst(Type::I64, vals.len() as i64);
        let p = self.ins1(
            InstData::new(Opcode::AllocArray).ty(ety).args(&[n]),
            Type::Ptr,
        );
        for (i, &v) in vals.iter().enumerate() {
            let iv = self.iconst(Type::I64, i as i64);
            let a = self.ins1(
                InstData::new(Opcode::IndexAddr).ty(ety).args(&[p, iv]),
                Type::Ptr,
            );
            self.store(a, v);
        }
        self.ins1(
            InstData::new(Opcode::SliceNew).args(&[p, n, n]),
            Type::Slice,
        )
    }

    fn type_assert(&mut self, x: &Expr, target: TypeId, comma_ok: bool) -> Vec<Value> {
        let xv = self.expr(x);
        let ok = self.type_test(xv, Some(target));
        let ty = self.m.ir_type(target);
        let target_iface = self.m.prog.types.is_interface(target);
        let yes = self.f.append_block();
        let no = self.f.append_block();
        let join = self.f.append_block();
        let res = self.f.dfg.append_block_param(join, ty);
        let okp = self.f.dfg.append_block_param(join, Type::Bool);
        self.brif(ok, yes, no);
        self.cur = Some(yes);
        let v = if target_iface {
            xv
        } else {
            self.ins1(InstData::new(Opcode::Unbox).ty(ty).args(&[xv]), ty)
        };
        let t = self.iconst(Type::Bool, 1);
        self.jump(join, &[v, t]);
        self.cur = Some(no);
        if !comma_ok {
            let gt = if target_iface {
                self.m.error_type()
            } else {
                self.m.go_type(target)
            };
            let d = self.ins1(
                InstData::new(Opcode::TypeDesc).imm(Imm::GoType(gt)),
                Type::Ptr,
            );
            let src_is_error = matches!(self.m.prog.types.under_kind(x.ty), TypeKind::Error);
            let flag = self.iconst(Type::Bool, src_is_error as i64);
            self.rt(RtFunc::PanicAssert, &[xv, d, flag]);
        }
        let z = self.zero(ty);
        let f = self.iconst(Type::Bool, 0);
        self.jump(join, &[z, f]);
        self.cur = Some(join);
        if comma_ok {
            vec![res, okp]
        } else {
            vec![res]
        }
    }

    /// `x.M` as a value: a closure over a copy of the receiver that calls the method.
    fn method_value(&mut self, func: crate::hir::FuncId, recv: &Expr) -> Value {
        let r = self.expr(recv);
        let rty = self.m.ir_type(recv.ty);
        let cell = self.ins1(InstData::new(Opcode::Alloc).ty(rty), Type::Ptr);
        self.store(cell, r);
        let method = self.m.func_ids[&func];
        let msig = self.m.module.funcs[method].sig.clone();
        // The wrapper: (env, tok, params...) -> results, calling the method with the
        // receiver from the closure.
        let mut params = vec![Type::Ptr, Type::I64];
        params.extend_from_slice(&msig.params[3..]);
        let sig = ir::Signature {
            params: params.clone(),
            results: msig.results.clone(),
        };
        let name = format!("{}-fm", self.m.module.funcs[method].name);
        let mut f = ir::Function::new(name, sig);
        let b = f.append_block();
        let ps: Vec<Value> = params
            .iter()
            .map(|&t| f.dfg.append_block_param(b, t))
            .collect();
        let c = f.append_inst(
            b,
            InstData::new(Opcode::EnvGet)
                .ty(Type::Ptr)
                .args(&[ps[0]])
                .imm(Imm::Index(0)),
            &[Type::Ptr],
        );
        let c = f.dfg.first_result(c);
        let rv = f.append_inst(b, InstData::new(Opcode::Load).ty(rty).args(&[c]), &[rty]);
        let rv = f.dfg.first_result(rv);
        let z = f.append_inst(b, InstData::new(Opcode::Zero).ty(Type::Ptr), &[Type::Ptr]);
        let z = f.dfg.first_result(z);
        let mut args = vec![z, ps[1], rv];
        args.extend_from_slice(&ps[2..]);
        let call = f.append_inst(
            b,
            InstData::new(Opcode::Call)
                .args(&args)
                .imm(Imm::Func(method)),
            &msig.results,
        );
        let rs = f.dfg.inst_results(call).to_vec();
        f.append_inst(b, InstData::new(Opcode::Ret).args(&rs), &[]);
        let id = self.m.module.funcs.push(f);
        self.ins1(
            InstData::new(Opcode::Closure)
                .args(&[cell])
                .imm(Imm::Func(id)),
            Type::Func,
        )
    }

    /// `err.Error` as a value: panics now on a nil `err`, else a closure holding `err`
    /// whose wrapper calls its `Error` method.
    fn error_method_value(&mut self, recv: &Expr) -> Value {
        let r = self.expr(recv);
        let t = self.ins1(InstData::new(Opcode::IfaceType).args(&[r]), Type::Ptr);
        self.ins_checked(InstData::new(Opcode::CheckNil).args(&[t]), &[]);
        let cell = self.ins1(InstData::new(Opcode::Alloc).ty(Type::Iface), Type::Ptr);
        self.store(cell, r);
        let sig = ir::Signature {
            params: vec![Type::Ptr, Type::I64],
            results: vec![Type::Str],
        };
        let mut f = ir::Function::new("error.Error-fm", sig);
        let b = f.append_block();
        let env = f.dfg.append_block_param(b, Type::Ptr);
        f.dfg.append_block_param(b, Type::I64);
        let c = f.append_inst(
            b,
            InstData::new(Opcode::EnvGet)
                .ty(Type::Ptr)
                .args(&[env])
                .imm(Imm::Index(0)),
            &[Type::Ptr],
        );
        let c = f.dfg.first_result(c);
        let rv = f.append_inst(
            b,
            InstData::new(Opcode::Load).ty(Type::Iface).args(&[c]),
            &[Type::Iface],
        );
        let rv = f.dfg.first_result(rv);
        // A panic in the `Error` method leaves the flag set; the caller tests it.
        let call = f.append_inst(
            b,
            InstData::new(Opcode::RtCall)
                .args(&[rv])
                .imm(Imm::Rt(RtFunc::ErrorText)),
            RtFunc::ErrorText.results(),
        );
        let rs = f.dfg.inst_results(call).to_vec();
        f.append_inst(b, InstData::new(Opcode::Ret).args(&rs), &[]);
        let id = self.m.module.funcs.push(f);
        self.ins1(
            InstData::new(Opcode::Closure)
                .args(&[cell])
                .imm(Imm::Func(id)),
            Type::Func,
        )
    }

    /// A method expression: the method itself (its IR signature already takes the
    /// receiver first), or for `(*T).M` with a value receiver a wrapper that checks
    /// the pointer for nil and loads the receiver.
    fn method_expr(&mut self, func: crate::hir::FuncId, deref: bool, ty: TypeId) -> Value {
        let method = self.m.func_ids[&func];
        if !deref {
            return self.ins1(
                InstData::new(Opcode::FuncRef).imm(Imm::Func(method)),
                Type::Func,
            );
        }
        let msig = self.m.module.funcs[method].sig.clone();
        let TypeKind::Func(fsig) = self.m.prog.types.kind(ty).clone() else {
            unreachable!("a method expression has a func type")
        };
        let TypeKind::Pointer(elem) = self.m.prog.types.kind(fsig.params[0]).clone() else {
            unreachable!("a dereferencing method expression takes a pointer")
        };
        let rty = self.m.ir_type(elem);
        let mut params = vec![Type::Ptr, Type::I64, Type::Ptr];
        params.extend_from_slice(&msig.params[3..]);
        let sig = ir::Signature {
            params: params.clone(),
            results: msig.results.clone(),
        };
        let mname = {
            let n = &self.m.module.funcs[method].name;
            n.rsplit('.').next().unwrap_or(n).to_string()
        };
        let name = format!("(*{}).{mname}", self.m.prog.types.display(elem));
        let mut f = ir::Function::new(name, sig);
        let b = f.append_block();
        let ps: Vec<Value> = params
            .iter()
            .map(|&t| f.dfg.append_block_param(b, t))
            .collect();
        // Go's wrapper: `if p == nil { panicwrap() }`.
        let to = |block| ir::BlockCall {
            block,
            args: vec![],
        };
        let nil = f.append_block();
        let on_panic = f.append_block();
        let ok = f.append_block();
        let z = f.append_inst(b, InstData::new(Opcode::Zero).ty(Type::Ptr), &[Type::Ptr]);
        let z = f.dfg.first_result(z);
        let is_nil = f.append_inst(
            b,
            InstData::new(Opcode::Icmp)
                .ty(Type::Ptr)
                .args(&[ps[2], z])
                .imm(Imm::Cond(IntCC::Eq)),
            &[Type::Bool],
        );
        let is_nil = f.dfg.first_result(is_nil);
        f.append_inst(
            b,
            InstData::new(Opcode::Brif)
                .args(&[is_nil])
                .targets(vec![to(nil), to(ok)]),
            &[],
        );
        let tname = self.m.prog.types.display(elem);
        let short = tname.rsplit('.').next().unwrap_or(&tname).to_string();
        let msg = format!("value method {tname}.{mname} called using nil *{short} pointer");
        let msg = f.append_inst(
            nil,
            InstData::new(Opcode::Sconst).imm(Imm::Str(msg.into_bytes())),
            &[Type::Str],
        );
        let msg = f.dfg.first_result(msg);
        f.append_inst(
            nil,
            InstData::new(Opcode::RtCall)
                .args(&[msg])
                .imm(Imm::Rt(RtFunc::PanicWrap)),
            &[],
        );
        let p = f.append_inst(nil, InstData::new(Opcode::Panicking), &[Type::Bool]);
        let p = f.dfg.first_result(p);
        f.append_inst(
            nil,
            InstData::new(Opcode::Brif)
                .args(&[p])
                .targets(vec![to(on_panic), to(ok)]),
            &[],
        );
        let zeros: Vec<Value> = msig
            .results
            .iter()
            .map(|&t| {
                let z = f.append_inst(on_panic, InstData::new(Opcode::Zero).ty(t), &[t]);
                f.dfg.first_result(z)
            })
            .collect();
        f.append_inst(on_panic, InstData::new(Opcode::Ret).args(&zeros), &[]);
        let rv = f.append_inst(
            ok,
            InstData::new(Opcode::Load).ty(rty).args(&[ps[2]]),
            &[rty],
        );
        let rv = f.dfg.first_result(rv);
        let mut args = vec![ps[0], ps[1], rv];
        args.extend_from_slice(&ps[3..]);
        let call = f.append_inst(
            ok,
            InstData::new(Opcode::Call)
                .args(&args)
                .imm(Imm::Func(method)),
            &msig.results,
        );
        let rs = f.dfg.inst_results(call).to_vec();
        f.append_inst(ok, InstData::new(Opcode::Ret).args(&rs), &[]);
        let id = self.m.module.funcs.push(f);
        self.ins1(
            InstData::new(Opcode::FuncRef).imm(Imm::Func(id)),
            Type::Func,
        )
    }

    /// The operands of a builtin with their Go types: a multi-value call passed straight
    /// on (`append(f())`, `copy(f())`, `min(f())`) spread into one per result.
    fn operands(&mut self, args: &[Expr]) -> Vec<(Value, TypeId)> {
        if let [a] = args {
            if let TypeKind::Tuple(ts) = self.m.prog.types.kind(a.ty).clone() {
                let vs = self.expr_multi(a);
                return vs.into_iter().zip(ts).collect();
            }
        }
        args.iter().map(|a| (self.expr(a), a.ty)).collect()
    }

    fn builtin(&mut self, b: Builtin, args: &[Expr], e: &Expr) -> Vec<Value> {
        let rty = self.m.ir_type(e.ty);
        let v = match b {
            Builtin::Len | Builtin::Cap => {
                let x = self.expr(&args[0]);
                let is_str = self.m.prog.types.basic_of(args[0].ty) == Some(Basic::String);
                let op = match (b, is_str) {
                    (Builtin::Len, true) => Opcode::StrLen,
                    (Builtin::Len, false) => Opcode::SliceLen,
                    _ => Opcode::SliceCap,
                };
                self.ins1(InstData::new(op).args(&[x]), Type::I64)
            }
            Builtin::Append | Builtin::AppendSpread => {
                let mut ops = self.operands(args);
                let (s, st) = ops.remove(0);
                let TypeKind::Slice(et) = self.m.prog.types.under_kind(st).clone() else {
                    return vec![s];
                };
                let ety = self.m.ir_type(et);
                let size = self.m.size_of(ety);
                let esz = self.iconst(Type::I64, size as i64);
                let word = self.m.elem_word(et);
                let ew = self.iconst(Type::I64, word);
                let old_len = self.ins1(InstData::new(Opcode::SliceLen).args(&[s]), Type::I64);
                if b == Builtin::AppendSpread {
                    let (t, tt) = ops[0];
                    let t_is_str = self.m.prog.types.basic_of(tt) == Some(Basic::String);
                    let (tp, tn) = if t_is_str {
                        (
                            self.ins1(InstData::new(Opcode::StrPtr).args(&[t]), Type::Ptr),
                            self.ins1(InstData::new(Opcode::StrLen).args(&[t]), Type::I64),
                        )
                    } else {
                        (
                            self.ins1(InstData::new(Opcode::SlicePtr).args(&[t]), Type::Ptr),
                            self.ins1(InstData::new(Opcode::SliceLen).args(&[t]), Type::I64),
                        )
                    };
                    let ns = self.rt(RtFunc::GrowSlice, &[s, tn, ew])[0];
                    let np = self.ins1(InstData::new(Opcode::SlicePtr).args(&[ns]), Type::Ptr);
                    let dst = self.ins1(
                        InstData::new(Opcode::IndexAddr)
                            .ty(ety)
                            .args(&[np, old_len]),
                        Type::Ptr,
                    );
                    let bytes = self.ins1(
                        InstData::new(Opcode::Imul).ty(Type::I64).args(&[tn, esz]),
                        Type::I64,
                    );
                    self.rt(RtFunc::Memmove, &[dst, tp, bytes]);
                    ns
                } else {
                    // The checker converted each value to the element type, but the
                    // results of a spread call may still need boxing.
                    let et_iface = self.m.prog.types.is_interface(et);
                    let vals: Vec<Value> = ops
                        .into_iter()
                        .map(|(v, t)| {
                            if et_iface && t != et {
                                self.box_iface(v, t)
                            } else {
                                v
                            }
                        })
                        .collect();
                    if vals.is_empty() {
                        return vec![s];
                    }
                    let n = self.iconst(Type::I64, vals.len() as i64);
                    let site = self
                        .m
                        .append_plan
                        .sites
                        .get(&(e as *const Expr))
                        .copied()
                        .filter(|_| (1..=32).contains(&size));
                    let ns = if let Some((owner, kind)) = site {
                        // gc's stack backing store for a non-escaping append (appendbuf).
                        let state = self.append_store(owner);
                        let k = self.iconst(Type::I64, i64::from(32 / size));
                        let f = match kind {
                            SiteKind::First => RtFunc::GrowSliceBuf,
                            SiteKind::Climb => RtFunc::GrowSliceBufCap,
                        };
                        self.rt(f, &[s, n, ew, state, k])[0]
                    } else {
                        self.rt(RtFunc::GrowSlice, &[s, n, ew])[0]
                    };
                    let np = self.ins1(InstData::new(Opcode::SlicePtr).args(&[ns]), Type::Ptr);
                    for (i, &v) in vals.iter().enumerate() {
                        let k = self.iconst(Type::I64, i as i64);
                        let idx = self.ins1(
                            InstData::new(Opcode::Iadd)
                                .ty(Type::I64)
                                .args(&[old_len, k]),
                            Type::I64,
                        );
                        let a = self.ins1(
                            InstData::new(Opcode::IndexAddr).ty(ety).args(&[np, idx]),
                            Type::Ptr,
                        );
                        self.store(a, v);
                    }
                    ns
                }
            }
            Builtin::Copy => {
                let ops = self.operands(args);
                let ((d, dt), (s, srct)) = (ops[0], ops[1]);
                let TypeKind::Slice(et) = self.m.prog.types.under_kind(dt).clone() else {
                    return vec![self.iconst(Type::I64, 0)];
                };
                let ety = self.m.ir_type(et);
                let size = self.m.size_of(ety);
                let s_is_str = self.m.prog.types.basic_of(srct) == Some(Basic::String);
                let dl = self.ins1(InstData::new(Opcode::SliceLen).args(&[d]), Type::I64);
                let (sp, sl) = if s_is_str {
                    (
                        self.ins1(InstData::new(Opcode::StrPtr).args(&[s]), Type::Ptr),
                        self.ins1(InstData::new(Opcode::StrLen).args(&[s]), Type::I64),
                    )
                } else {
                    (
                        self.ins1(InstData::new(Opcode::SlicePtr).args(&[s]), Type::Ptr),
                        self.ins1(InstData::new(Opcode::SliceLen).args(&[s]), Type::I64),
                    )
                };
                let lt = self.icmp(Type::I64, IntCC::Slt, dl, sl);
                let n = self.ins1(
                    InstData::new(Opcode::Select)
                        .ty(Type::I64)
                        .args(&[lt, dl, sl]),
                    Type::I64,
                );
                let esz = self.iconst(Type::I64, size as i64);
                let bytes = self.ins1(
                    InstData::new(Opcode::Imul).ty(Type::I64).args(&[n, esz]),
                    Type::I64,
                );
                let dp = self.ins1(InstData::new(Opcode::SlicePtr).args(&[d]), Type::Ptr);
                self.rt(RtFunc::Memmove, &[dp, sp, bytes]);
                n
            }
            Builtin::Make => {
                let TypeKind::Slice(et) = self.m.prog.types.under_kind(e.ty).clone() else {
                    return vec![self.zero(rty)];
                };
                let len = self.index_value(&args[0]);
                let cap = match args.get(1) {
                    Some(c) => self.index_value(c),
                    None => len,
                };
                let word = self.m.elem_word(et);
                let ew = self.iconst(Type::I64, word);
                self.rt(RtFunc::MakeSlice, &[len, cap, ew])[0]
            }
            Builtin::New => {
                let TypeKind::Pointer(et) = self.m.prog.types.under_kind(e.ty).clone() else {
                    return vec![self.zero(rty)];
                };
                let ety = self.m.ir_type(et);
                let p = self.ins1(InstData::new(Opcode::Alloc).ty(ety), Type::Ptr);
                let what = format!("new({})", self.go_type_name(et));
                // gc puts a call at its parenthesis: `new(` is written without spaces.
                let mut span = e.span;
                span.lo += 3;
                self.name_cell(p, span, what);
                p
            }
            Builtin::Min | Builtin::Max => {
                let ops = self.operands(args);
                let (mut acc, t) = ops[0];
                for &(v, _) in &ops[1..] {
                    let op = if b == Builtin::Min {
                        BinOp::Lt
                    } else {
                        BinOp::Gt
                    };
                    let c = self.binary_values(op, v, acc, t, t);
                    let ty = self.m.ir_type(t);
                    acc = self.ins1(InstData::new(Opcode::Select).ty(ty).args(&[c, v, acc]), ty);
                }
                acc
            }
            Builtin::Panic => {
                let v = self.expr(&args[0]);
                let v = self.box_iface(v, args[0].ty);
                self.ins_checked(InstData::new(Opcode::Raise).args(&[v]), &[]);
                return vec![];
            }
            Builtin::Recover => {
                let tok = self.recover_tok;
                self.ins1(InstData::new(Opcode::Recover).args(&[tok]), Type::Iface)
            }
            Builtin::Print | Builtin::Println => {
                let s = self.boxed_operands(args);
                let f = if b == Builtin::Print {
                    RtFunc::Print
                } else {
                    RtFunc::Println
                };
                self.rt(f, &[s]);
                return vec![];
            }
        };
        vec![v]
    }

    /// The operands of a print or fmt call boxed into a `[]any`.
    fn boxed_operands(&mut self, args: &[Expr]) -> Value {
        if let [Expr {
            kind: ExprKind::Spread(xs),
            ..
        }] = args
        {
            return self.expr(xs);
        }
        let mut vals = Vec::new();
        for a in args {
            if let TypeKind::Tuple(ts) = self.m.prog.types.kind(a.ty).clone() {
                let vs = self.expr_multi(a);
                for (v, t) in vs.into_iter().zip(ts) {
                    vals.push(self.box_iface(v, t));
                }
            } else {
                let v = self.expr(a);
                vals.push(self.box_iface(v, a.ty));
            }
        }
        self.slice_of(crate::types::TypeTable::any(), &vals)
    }

    fn lib(&mut self, f: LibFunc, args: &[Expr], _e: &Expr) -> Vec<Value> {
        match f {
            LibFunc::FmtPrintln | LibFunc::FmtPrint => {
                let s = self.boxed_operands(args);
                let rf = if f == LibFunc::FmtPrint {
                    RtFunc::FmtPrint
                } else {
                    RtFunc::FmtPrintln
                };
                let n = self.rt(rf, &[s])[0];
                let err = self.zero(Type::Iface);
                vec![n, err]
            }
            LibFunc::FmtSprint | LibFunc::FmtSprintln => {
                let s = self.boxed_operands(args);
                let rf = if f == LibFunc::FmtSprint {
                    RtFunc::FmtSprint
                } else {
                    RtFunc::FmtSprintln
                };
                self.rt(rf, &[s])
            }
            LibFunc::FmtPrintf | LibFunc::FmtSprintf | LibFunc::FmtErrorf => {
                let (fmt, s) = match self.m.prog.types.kind(args[0].ty).clone() {
                    // `fmt.Printf(f())`: the first result is the format.
                    TypeKind::Tuple(ts) => {
                        let vs = self.expr_multi(&args[0]);
                        let boxed: Vec<Value> = vs[1..]
                            .iter()
                            .zip(&ts[1..])
                            .map(|(&v, &t)| self.box_iface(v, t))
                            .collect();
                        let s = self.slice_of(crate::types::TypeTable::any(), &boxed);
                        (vs[0], s)
                    }
                    _ => (self.expr(&args[0]), self.boxed_operands(&args[1..])),
                };
                let rf = match f {
                    LibFunc::FmtPrintf => RtFunc::FmtPrintf,
                    LibFunc::FmtSprintf => RtFunc::FmtSprintf,
                    _ => RtFunc::FmtErrorf,
                };
                let mut r = self.rt(rf, &[fmt, s]);
                if f == LibFunc::FmtPrintf {
                    r.push(self.zero(Type::Iface));
                }
                r
            }
            LibFunc::ErrorsNew => {
                let s = self.expr(&args[0]);
                self.rt(RtFunc::ErrorsNew, &[s])
            }
            LibFunc::OsExit => {
                let c = self.index_value(&args[0]);
                self.rt(RtFunc::OsExit, &[c]);
                vec![]
            }
            LibFunc::ErrorMethod => {
                let x = self.expr(&args[0]);
                self.rt(RtFunc::ErrorText, &[x])
            }
            LibFunc::ErrorMethodValue => vec![self.error_method_value(&args[0])],
            // `*testing.B` lives in the runtime (`codegen::runtime::testing`); `b.N` is
            // an ordinary field load, the methods are runtime calls.
            LibFunc::BLoop => {
                let b = self.expr(&args[0]);
                self.rt(RtFunc::BLoop, &[b])
            }
            LibFunc::BRun => {
                let b = self.expr(&args[0]);
                let name = self.expr(&args[1]);
                let f = self.expr(&args[2]);
                self.rt(RtFunc::BRun, &[b, name, f])
            }
            LibFunc::BResetTimer
            | LibFunc::BStopTimer
            | LibFunc::BStartTimer
            | LibFunc::BReportAllocs => {
                let b = self.expr(&args[0]);
                let rf = match f {
                    LibFunc::BResetTimer => RtFunc::BResetTimer,
                    LibFunc::BStopTimer => RtFunc::BStopTimer,
                    LibFunc::BStartTimer => RtFunc::BStartTimer,
                    _ => RtFunc::BReportAllocs,
                };
                self.rt(rf, &[b]);
                vec![]
            }
        }
    }
}

/// Whether an expression denotes a place (has an address). String indexing is handled
/// in `value` before a place is asked for, so `Index` here is always a slice element.
fn is_place(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Local(_) | ExprKind::Global(_) | ExprKind::Deref(_) | ExprKind::Index { .. } => {
            true
        }
        ExprKind::Field { base, .. } => is_place(base),
        _ => false,
    }
}
