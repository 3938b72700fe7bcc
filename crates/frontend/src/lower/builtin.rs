//! Builtins (`len`, `append`, `copy`, `panic`, `recover`, `print`, `min`, ...) and the
//! library functions of the subset (`fmt`, `errors`, `os`, `testing`).

use super::appendbuf::SiteKind;
use super::func::FuncCx;
use crate::ast::BinOp;
use crate::hir::{Builtin, ConstValue, Expr, ExprKind, LibFunc};
use crate::types::{Basic, TypeId, TypeKind};
use ir::{InstData, IntCC, Opcode, RtFunc, Type, Value};

impl FuncCx<'_, '_> {
    /// The operands of a builtin with their Go types: a multi-value call passed straight
    /// on (`append(f())`, `copy(f())`, `min(f())`) spread into one per result.
    pub(super) fn operands(&mut self, args: &[Expr]) -> Vec<(Value, TypeId)> {
        if let [a] = args {
            if let TypeKind::Tuple(ts) = self.m.prog.types.kind(a.ty).clone() {
                let vs = self.expr_multi(a);
                return vs.into_iter().zip(ts).collect();
            }
        }
        args.iter().map(|a| (self.expr(a), a.ty)).collect()
    }
    pub(super) fn builtin(&mut self, b: Builtin, args: &[Expr], e: &Expr) -> Vec<Value> {
        let rty = self.m.ir_type(e.ty);
        let v = match b {
            Builtin::Len
                if matches!(self.m.prog.types.under_kind(args[0].ty), TypeKind::Map(..)) =>
            {
                self.map_len(&args[0])
            }
            Builtin::Make if matches!(self.m.prog.types.under_kind(e.ty), TypeKind::Map(..)) => {
                self.map_make(e.ty, args)
            }
            Builtin::Delete => {
                self.map_delete(&args[0], &args[1]);
                return vec![];
            }
            Builtin::Clear => {
                self.map_clear(&args[0]);
                return vec![];
            }
            Builtin::Len | Builtin::Cap => {
                if let Some(n) = self.array_len(&args[0]) {
                    return vec![n];
                }
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
                let s = self.rt(RtFunc::MakeSlice, &[len, cap, ew])[0];
                // Named as gc names it, at its parenthesis: constants by value.
                let text: Vec<String> = args
                    .iter()
                    .map(|a| match &a.kind {
                        ExprKind::Const(ConstValue::Int(n)) => n.to_string(),
                        _ => self.m.src[a.span.lo as usize..a.span.hi as usize].to_string(),
                    })
                    .collect();
                // The type as written (gc keeps `byte`, which our types call `uint8`).
                let mut span = e.span;
                span.lo += 4;
                let written = self.m.src[span.lo as usize + 1..args[0].span.lo as usize]
                    .trim_end()
                    .trim_end_matches(',')
                    .trim();
                let what = format!("make({written}, {})", text.join(", "));
                self.name_cell(s, span, what);
                s
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
                if self.m.ir_type(t).is_float() {
                    for &(v, _) in &ops[1..] {
                        acc = self.float_min_max(b == Builtin::Min, acc, v, t);
                    }
                    return vec![acc];
                }
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
    pub(super) fn boxed_operands(&mut self, args: &[Expr]) -> Value {
        self.boxed_operands_of(args, None)
    }
    /// `boxed_operands` of a `fmt` call `call`: its boxes and its array named for the
    /// escape remarks as gc names them (`x escapes to heap`, `... argument does not
    /// escape` at the call's parenthesis).
    pub(super) fn fmt_operands(&mut self, args: &[Expr], call: &Expr) -> Value {
        self.boxed_operands_of(args, Some(call))
    }
    fn boxed_operands_of(&mut self, args: &[Expr], call: Option<&Expr>) -> Value {
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
                let b = self.box_iface(v, a.ty);
                if call.is_some() && b != v {
                    let (what, span) = self.gc_name(a);
                    self.name_cell(b, span, what);
                }
                vals.push(b);
            }
        }
        let s = self.slice_of(crate::types::TypeTable::any(), &vals);
        if let Some(call) = call {
            let text = &self.m.src[call.span.lo as usize..call.span.hi as usize];
            if let (Some(paren), ir::ValueDef::Result(inst, _)) =
                (text.find('('), self.f.dfg.values[s].def)
            {
                let array = self.f.dfg.insts[inst].args[0];
                let mut span = call.span;
                span.lo += paren as u32;
                self.name_cell(array, span, "... argument".to_string());
            }
        }
        s
    }
    pub(super) fn lib(&mut self, f: LibFunc, args: &[Expr], e: &Expr) -> Vec<Value> {
        match f {
            LibFunc::FmtPrintln | LibFunc::FmtPrint => {
                let s = self.fmt_operands(args, e);
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
                let s = self.fmt_operands(args, e);
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
                    _ => (self.expr(&args[0]), self.fmt_operands(&args[1..], e)),
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
            LibFunc::RuntimeGC => {
                self.rt(RtFunc::Gc, &[]);
                vec![]
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
