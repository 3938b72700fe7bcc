//! Expressions: the dispatch from an expression to its values, constants, places
//! (addresses of variables, fields and elements), integer width changes, runtime
//! calls and boxing into interfaces. Calls, operators, conversions, slicing and the
//! builtins have their own files (`call.rs`, `ops.rs`, `convert.rs`, `slice.rs`,
//! `builtin.rs`).

use super::func::FuncCx;
use crate::hir::{ConstValue, Expr, ExprKind, UnaryOp};
use crate::types::{Basic, TypeId, TypeKind};
use ir::{Imm, InstData, Opcode, RtFunc, Type, Value};

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
                let at = self.m.call_paren(recv.span.hi, true);
                let since = self.f.dfg.insts.len();
                let r = self.direct_call_at(self.m.func_ids[func], a, e.ty, at);
                self.name_iface_call(*func, recv, since);
                r
            }
            ExprKind::Builtin { builtin, args } => self.builtin(*builtin, args, e),
            ExprKind::Lib { func, args } => self.lib(*func, args, e),
            ExprKind::TypeAssert {
                x,
                target,
                comma_ok,
            } => self.type_assert(x, *target, *comma_ok),
            ExprKind::MapIndex { map, key, comma_ok } => self.map_index(map, key, *comma_ok),
            _ => vec![self.value(e)],
        }
    }
    pub(super) fn value(&mut self, e: &Expr) -> Value {
        let ty = self.m.ir_type(e.ty);
        match &e.kind {
            ExprKind::Const(c) => match c {
                ConstValue::Int(_) | ConstValue::Float(_) if ty.is_float() => self.fconst(ty, c),
                ConstValue::Int(i) => self.iconst(ty, *i as i64),
                ConstValue::Float(_) => self.fconst(Type::F64, c),
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
            ExprKind::Unary(UnaryOp::Neg, x) if ty.is_float() => {
                let v = self.expr(x);
                self.fneg(v, ty)
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
                let b = self.box_iface(v, x.ty);
                // gc names a conversion's box by its operand, at the operand.
                if b != v {
                    let (mut what, span) = self.gc_name(x);
                    // An explicit conversion is named as written, at its operand.
                    if e.span.lo < x.span.lo {
                        let text = &self.m.src[e.span.lo as usize..x.span.lo as usize];
                        what = format!("{text}{what})");
                    }
                    self.name_cell(b, span, what);
                }
                b
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
                let s = self.slice_of(et, &vals);
                // The backing array is the allocation site.
                if let ir::ValueDef::Result(inst, _) = self.f.dfg.values[s].def {
                    let array = self.f.dfg.insts[inst].args[0];
                    let (what, span) = self.gc_name(e);
                    self.name_cell(array, span, what);
                }
                s
            }
            ExprKind::VarArgs(elems) => {
                let TypeKind::Slice(et) = self.m.prog.types.under_kind(e.ty).clone() else {
                    return self.zero(ty);
                };
                let vals: Vec<Value> = elems.iter().map(|x| self.expr(x)).collect();
                let s = self.slice_of(et, &vals);
                if let ir::ValueDef::Result(inst, _) = self.f.dfg.values[s].def {
                    let array = self.f.dfg.insts[inst].args[0];
                    self.name_cell(array, e.span, "... argument".into());
                }
                s
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
            | ExprKind::MapIndex { .. }
            | ExprKind::TypeAssert { .. } => self.expr(e),
            ExprKind::MapLit(kvs) => self.map_lit(e.ty, kvs),
        }
    }

    /// The type as gc's `-m` remarks spell it in an expression (no `main.`).
    pub(super) fn go_type_name(&self, t: TypeId) -> String {
        self.m.prog.types.display(t).replace("main.", "")
    }

    /// How gc's `-m` names an expression and where: a composite literal as its type as
    /// written and `{...}` (`{}` when empty) at its brace, anything else by its source
    /// text at its start (gc prints its own formatting, at an operator's position for a
    /// binary expression).
    pub(super) fn gc_name(&self, x: &Expr) -> (String, crate::ast::Span) {
        let text = &self.m.src[x.span.lo as usize..x.span.hi as usize];
        let empty = match &x.kind {
            ExprKind::StructLit(fields) => fields.iter().all(|f| matches!(f.kind, ExprKind::Zero)),
            ExprKind::SliceLit(elems) => elems.is_empty(),
            _ => return (text.to_string(), x.span),
        };
        let Some(brace) = text.find('{') else {
            return (text.to_string(), x.span);
        };
        let dots = if empty { "" } else { "..." };
        let mut span = x.span;
        span.lo += brace as u32;
        (format!("{}{{{dots}}}", text[..brace].trim_end()), span)
    }

    /// Records what an `alloc` cell holds and where, for the `escape` pass's remarks.
    pub(super) fn name_cell(&mut self, cell: Value, span: crate::ast::Span, what: String) {
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
            ExprKind::Index { base, index } if self.array_parts(base.ty).is_some() => {
                self.array_index_addr(base, index, e.ty)
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
    pub(super) fn index_value(&mut self, e: &Expr) -> Value {
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
