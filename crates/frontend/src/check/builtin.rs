//! The builtins: len, cap, append, copy, make, new, min, max, panic, recover, print,
//! println.

use super::constant::ConvCtx;
use super::expr::{const_int, is_const, mk, Operand};
use super::Checker;
use crate::ast::{self, Span};
use crate::hir::{Builtin, ConstValue, Expr, ExprKind};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

impl Checker<'_> {
    // ---- Builtins ------------------------------------------------------------------------

    pub(crate) fn builtin(
        &mut self,
        b: Builtin,
        func: &ast::Expr,
        args: &[ast::Expr],
        ellipsis: bool,
        span: Span,
    ) -> Expr {
        let name = self.text(func.span).to_string();
        let int_t = TypeTable::basic(Basic::Int);
        if ellipsis && b != Builtin::Append {
            self.err(
                span,
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            return self.invalid_expr(span);
        }
        // gc evaluates the arguments of every builtin but make and new as an expression
        // list, where a single multi-value call stands for its results.
        let pre = if args.len() == 1 && !matches!(b, Builtin::Make | Builtin::New) {
            let v = self.expr_multi(&args[0]);
            if self.is_invalid(v.ty) {
                return self.invalid_expr(span);
            }
            if self.tuple_len(v.ty) == Some(0) {
                self.single_value_error(&v);
                return self.invalid_expr(span);
            }
            Some(v)
        } else {
            None
        };
        let found = match &pre {
            Some(v) => self.tuple_len(v.ty).unwrap_or(1),
            None => args.len(),
        };
        let want = |n: usize| -> Option<usize> {
            match b {
                Builtin::Len | Builtin::Cap | Builtin::New | Builtin::Panic => Some(n),
                Builtin::Copy => Some(2),
                Builtin::Recover => Some(0),
                _ => None,
            }
        };
        if let Some(n) = want(1) {
            let n = if matches!(b, Builtin::Copy | Builtin::Recover) {
                n
            } else {
                1
            };
            if found != n {
                let what = if found < n { "not enough" } else { "too many" };
                self.err(
                    span,
                    format!(
                        "invalid operation: {what} arguments for {} (expected {n}, found {})",
                        self.text(span),
                        found
                    ),
                );
                return self.invalid_expr(span);
            }
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                let Some(v) = pre else {
                    return self.invalid_expr(span);
                };
                if self.is_invalid(v.ty) {
                    return v;
                }
                // A named type whose underlying type was already reported (`type T
                // Undefined`): types2 says nothing more about its operands.
                if self.is_invalid(self.types.under(v.ty)) {
                    return self.invalid_expr(span);
                }
                if self.array_parts(v.ty).is_some() {
                    if let Some(c) = self.array_len_of(&v, span) {
                        return c;
                    }
                }
                let ok = self.slice_elem(v.ty).is_some()
                    || self.array_parts(v.ty).is_some()
                    || (b == Builtin::Len && (self.is_string(v.ty) || self.map_kv(v.ty).is_some()));
                if !ok {
                    let d = self.describe(&v);
                    self.err(v.span, format!("invalid argument: {d} for built-in {name}"));
                    return self.invalid_expr(span);
                }
                if let ExprKind::Const(ConstValue::Str(s)) = &v.kind {
                    return mk(
                        ExprKind::Const(ConstValue::Int(s.len() as i128)),
                        int_t,
                        span,
                    );
                }
                let v = self.defaulted(v);
                mk(
                    ExprKind::Builtin {
                        builtin: b,
                        args: vec![v],
                    },
                    int_t,
                    span,
                )
            }
            Builtin::Append | Builtin::AppendSpread => self.append(args, pre, ellipsis, span),
            Builtin::Copy => {
                // `copy(f())`: the two results of `f`, described as gc does.
                let (dst, src, tuple) = match pre {
                    Some(t) => {
                        let ts = self.tuple_elems(t.ty);
                        let r = |k: usize| mk(ExprKind::Zero, ts[k], t.span);
                        (r(0), r(1), Some(t))
                    }
                    None => (self.expr(&args[0]), self.expr(&args[1]), None),
                };
                if self.is_invalid(dst.ty) || self.is_invalid(src.ty) {
                    return self.invalid_expr(span);
                }
                let spread = tuple.is_some();
                let describe = move |c: &Self, v: &Expr, k: usize| {
                    if spread {
                        c.describe_result(k, v.ty)
                    } else {
                        c.describe(v)
                    }
                };
                let not_slice = |c: &mut Self, v: &Expr, k: usize| {
                    let d = if c.is_nil_type(v.ty) {
                        "untyped nil".to_string()
                    } else {
                        describe(c, v, k)
                    };
                    c.err(
                        v.span,
                        format!("invalid copy: argument must be a slice; have {d}"),
                    );
                };
                let Some(de) = self.slice_elem(dst.ty) else {
                    not_slice(self, &dst, 0);
                    return self.invalid_expr(span);
                };
                let se = if self.is_string(src.ty) {
                    None
                } else if let Some(se) = self.slice_elem(src.ty) {
                    Some(se)
                } else {
                    not_slice(self, &src, 1);
                    return self.invalid_expr(span);
                };
                let ok = match se {
                    Some(se) => se == de,
                    None => self.types.basic_of(de) == Some(Basic::Uint8),
                };
                if !ok {
                    let (d1, d2) = (describe(self, &dst, 0), describe(self, &src, 1));
                    let e1 = self.short_display(de);
                    let e2 = match se {
                        Some(se) => self.short_display(se),
                        None => "byte".to_string(),
                    };
                    self.err(dst.span, format!("invalid copy: arguments {d1} and {d2} have different element types {e1} and {e2}"));
                    return self.invalid_expr(span);
                }
                let args = match tuple {
                    Some(t) => vec![t],
                    None => vec![dst, self.defaulted(src)],
                };
                mk(ExprKind::Builtin { builtin: b, args }, int_t, span)
            }
            Builtin::Make => self.make(args, span),
            Builtin::Delete | Builtin::Clear => self.map_builtin(b, &name, args, pre, span),
            Builtin::New => match self.operand(&args[0]) {
                Operand::Type(t) => {
                    let p = self.types.pointer(t);
                    mk(
                        ExprKind::Builtin {
                            builtin: b,
                            args: vec![],
                        },
                        p,
                        span,
                    )
                }
                Operand::Invalid => self.invalid_expr(span),
                _ => self.new_value(&args[0], span),
            },
            Builtin::Min | Builtin::Max => self.min_max(b, args, pre, span),
            Builtin::Panic => {
                let Some(v) = pre else {
                    return self.invalid_expr(span);
                };
                let v = self.box_iface(v, TypeTable::any());
                let ty = self.no_value();
                mk(
                    ExprKind::Builtin {
                        builtin: b,
                        args: vec![v],
                    },
                    ty,
                    span,
                )
            }
            Builtin::Recover => mk(
                ExprKind::Builtin {
                    builtin: b,
                    args: vec![],
                },
                TypeTable::any(),
                span,
            ),
            Builtin::Print | Builtin::Println => {
                let mut out = Vec::new();
                let vals: Vec<Expr> = match pre {
                    // `println(divmod(7, 3))` too: lowering spreads the results.
                    Some(v) => vec![v],
                    None => args.iter().map(|a| self.expr(a)).collect(),
                };
                for v in vals {
                    if self.is_tuple(v.ty) {
                        out.push(v);
                        continue;
                    }
                    if self.is_nil_type(v.ty) {
                        self.err(
                            v.span,
                            format!("use of untyped nil in argument to built-in {name}"),
                        );
                        continue;
                    }
                    if let TypeKind::Array(..) = self.types.under_kind(v.ty) {
                        // gc's walk: at the call's `(`.
                        let ts = self.short_display(v.ty);
                        let lo = func.span.hi as usize;
                        let at = self.src[lo..span.hi as usize]
                            .find('(')
                            .map_or(span, |i| Span::new(lo + i, lo + i + 1));
                        self.err(at, format!("illegal types for operand: {name}\n\t{ts}"));
                        continue;
                    }
                    out.push(self.defaulted(v));
                }
                let ty = self.no_value();
                mk(
                    ExprKind::Builtin {
                        builtin: b,
                        args: out,
                    },
                    ty,
                    span,
                )
            }
        }
    }

    /// Go 1.26's `new(v)`: a new variable holding `v`. Checked as `&[]T{v}[0]`, which
    /// allocates one fresh `T` initialised to `v` and takes its address.
    fn new_value(&mut self, arg: &ast::Expr, span: Span) -> Expr {
        let v = self.expr(arg);
        if self.is_invalid(v.ty) {
            return self.invalid_expr(span);
        }
        if self.is_nil_type(v.ty) {
            self.err(v.span, "use of untyped nil in argument to new");
            return self.invalid_expr(span);
        }
        if self.is_tuple(v.ty) {
            self.single_value_error(&v);
            return self.invalid_expr(span);
        }
        let v = self.defaulted(v);
        let t = v.ty;
        let st = self.types.slice(t);
        let pt = self.types.pointer(t);
        let int_t = TypeTable::basic(Basic::Int);
        let lit = mk(ExprKind::SliceLit(vec![v]), st, span);
        let zero = mk(ExprKind::Const(ConstValue::Int(0)), int_t, span);
        let elem = mk(
            ExprKind::Index {
                base: Box::new(lit),
                index: Box::new(zero),
            },
            t,
            span,
        );
        mk(ExprKind::AddrOf(Box::new(elem)), pt, span)
    }

    /// `append`; `pre` is the single argument, already evaluated (possibly a multi-value
    /// call standing for its results).
    pub(crate) fn append(
        &mut self,
        args: &[ast::Expr],
        pre: Option<Expr>,
        ellipsis: bool,
        span: Span,
    ) -> Expr {
        let Some(first) = args.first() else {
            self.err(
                span,
                "invalid operation: not enough arguments for append() (expected 1, found 0)",
            );
            return self.invalid_expr(span);
        };
        if let Some(t) = pre.as_ref().filter(|t| self.is_tuple(t.ty)) {
            return self.append_results(t.clone(), ellipsis, span);
        }
        let s = match pre {
            Some(v) => v,
            None => self.expr(first),
        };
        if self.is_invalid(s.ty) {
            return self.invalid_expr(span);
        }
        if self.is_nil_type(s.ty) {
            self.err(
                s.span,
                "invalid append: argument must be a slice; have untyped nil",
            );
            return self.invalid_expr(span);
        }
        let Some(elem) = self.slice_elem(s.ty) else {
            let d = self.describe(&s);
            self.err(
                s.span,
                format!("invalid append: argument must be a slice; have {d}"),
            );
            return self.invalid_expr(span);
        };
        let st = s.ty;
        if ellipsis {
            if args.len() != 2 {
                self.err(span, "can only use ... with final argument in list");
                return self.invalid_expr(span);
            }
            let t = self.expr(&args[1]);
            let t = if self.is_string(t.ty) && self.types.basic_of(elem) == Some(Basic::Uint8) {
                self.defaulted(t)
            } else {
                self.assign_conv(t, st, "argument to append")
            };
            return mk(
                ExprKind::Builtin {
                    builtin: Builtin::AppendSpread,
                    args: vec![s, t],
                },
                st,
                span,
            );
        }
        let mut out = vec![s];
        for a in &args[1..] {
            let v = self.expr(a);
            out.push(self.assign_conv(v, elem, "argument to append"));
        }
        mk(
            ExprKind::Builtin {
                builtin: Builtin::Append,
                args: out,
            },
            st,
            span,
        )
    }

    /// `append(f())`: the first result is the slice, the others its new elements.
    fn append_results(&mut self, t: Expr, ellipsis: bool, span: Span) -> Expr {
        let ts = self.tuple_elems(t.ty);
        let Some(elem) = self.slice_elem(ts[0]) else {
            let d = self.describe_result(0, ts[0]);
            self.err(
                t.span,
                format!("invalid append: argument must be a slice; have {d}"),
            );
            return self.invalid_expr(span);
        };
        if ellipsis {
            // `append(f()...)` with `f` returning `([]byte, string)` is gc's one
            // accepted form.
            let bytes = self.types.basic_of(elem) == Some(Basic::Uint8);
            if ts.len() == 2 && bytes && self.is_string(ts[1]) {
                return mk(
                    ExprKind::Builtin {
                        builtin: Builtin::AppendSpread,
                        args: vec![t],
                    },
                    ts[0],
                    span,
                );
            }
            let text = self.text(t.span);
            self.err(
                span,
                format!("cannot use ... with {}-valued {text}", ts.len()),
            );
            return self.invalid_expr(span);
        }
        for (k, &et) in ts.iter().enumerate().skip(1) {
            if let Err(why) = self.assignable(et, elem) {
                let d = self.describe_result(k, et);
                let es = self.tdisplay(elem);
                self.err(
                    t.span,
                    format!("cannot use {d} as {es} value in argument to append{why}"),
                );
                return self.invalid_expr(span);
            }
        }
        mk(
            ExprKind::Builtin {
                builtin: Builtin::Append,
                args: vec![t],
            },
            ts[0],
            span,
        )
    }

    /// gc's description of the `k`th result of a multi-value call spread into a
    /// builtin's arguments: `1st function result (value of type int)`.
    pub(crate) fn describe_result(&self, k: usize, ty: TypeId) -> String {
        let n = k + 1;
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!(
            "{n}{suffix} function result (value of {})",
            self.type_desc(ty)
        )
    }

    pub(crate) fn tuple_len(&self, t: TypeId) -> Option<usize> {
        match self.types.kind(t) {
            TypeKind::Tuple(ts) => Some(ts.len()),
            _ => None,
        }
    }

    pub(crate) fn tuple_elems(&self, t: TypeId) -> Vec<TypeId> {
        match self.types.kind(t) {
            TypeKind::Tuple(ts) => ts.clone(),
            _ => vec![t],
        }
    }

    pub(crate) fn make(&mut self, args: &[ast::Expr], span: Span) -> Expr {
        let Some(first) = args.first() else {
            self.err(
                span,
                "invalid operation: not enough arguments for make() (expected 1, found 0)",
            );
            return self.invalid_expr(span);
        };
        let t = match self.operand(first) {
            Operand::Type(t) => t,
            Operand::Invalid => return self.invalid_expr(span),
            _ => {
                let text = self.text(first.span);
                self.err(first.span, format!("{text} is not a type"));
                return self.invalid_expr(span);
            }
        };
        let is_map = self.map_kv(t).is_some();
        if is_map && args.len() > 2 {
            let text = self.text(span);
            self.err(
                span,
                format!(
                    "invalid operation: {text} expects 1 or 2 arguments; found {}",
                    args.len()
                ),
            );
            return self.invalid_expr(span);
        }
        if is_map {
            let mut out = Vec::new();
            if let Some(a) = args.get(1) {
                out.push(self.index_value(a, None));
            }
            return mk(
                ExprKind::Builtin {
                    builtin: Builtin::Make,
                    args: out,
                },
                t,
                span,
            );
        }
        if self.slice_elem(t).is_none() && !is_map {
            let ts = self.short_display(t);
            self.err(
                first.span,
                format!("invalid argument: cannot make {ts}: type must be slice, map, or channel"),
            );
            return self.invalid_expr(span);
        }
        if args.len() < 2 || args.len() > 3 {
            let text = self.text(span);
            self.err(
                span,
                format!(
                    "invalid operation: {text} expects 2 or 3 arguments; found {}",
                    args.len()
                ),
            );
            return self.invalid_expr(span);
        }
        let mut out = Vec::new();
        for a in &args[1..] {
            let v = self.index_value(a, None);
            out.push(v);
        }
        if let (Some(l), Some(c)) = (
            out.first().and_then(const_int),
            out.get(1).and_then(const_int),
        ) {
            if l > c {
                self.err(
                    args[1].span,
                    "invalid argument: length and capacity swapped",
                );
                return self.invalid_expr(span);
            }
        }
        mk(
            ExprKind::Builtin {
                builtin: Builtin::Make,
                args: out,
            },
            t,
            span,
        )
    }

    pub(crate) fn min_max(
        &mut self,
        b: Builtin,
        args: &[ast::Expr],
        pre: Option<Expr>,
        span: Span,
    ) -> Expr {
        let name = if b == Builtin::Min { "min" } else { "max" };
        if args.is_empty() {
            self.err(
                span,
                format!(
                    "invalid operation: not enough arguments for {name}() (expected 1, found 0)"
                ),
            );
            return self.invalid_expr(span);
        }
        if let Some(t) = pre.as_ref().filter(|t| self.is_tuple(t.ty)) {
            // `min(f())`: the results, all of one ordered type.
            let ts = self.tuple_elems(t.ty);
            for (k, &rt) in ts.iter().enumerate() {
                if !(self.types.is_numeric(rt) || self.is_string(rt)) {
                    let d = self.describe_result(k, rt);
                    self.err(t.span, format!("invalid argument: {d} cannot be ordered"));
                    return self.invalid_expr(span);
                }
                if rt != ts[0] {
                    let (ts0, rs) = (self.short_display(ts[0]), self.short_display(rt));
                    let nth = self.describe_result(k, rt);
                    let nth = nth.split(" (").next().unwrap_or_default().to_string();
                    self.err(t.span, format!("invalid argument: mismatched types {ts0} (previous argument) and {rs} (type of {nth})"));
                    return self.invalid_expr(span);
                }
            }
            return mk(
                ExprKind::Builtin {
                    builtin: b,
                    args: vec![t.clone()],
                },
                ts[0],
                span,
            );
        }
        let vals: Vec<Expr> = match pre {
            Some(v) => vec![v],
            None => args.iter().map(|a| self.expr(a)).collect(),
        };
        if vals.iter().any(|v| self.is_invalid(v.ty)) {
            return self.invalid_expr(span);
        }
        // Fold the operands pairwise into one type, as `x < y` would.
        let mut acc: Option<Expr> = None;
        let mut typed: Option<TypeId> = None;
        for v in &vals {
            if !self.is_untyped(v.ty) {
                typed = Some(v.ty);
                break;
            }
        }
        let mut out = Vec::new();
        for v in vals {
            if !(self.types.is_numeric(v.ty) || self.is_string(v.ty)) {
                let d = self.describe(&v);
                self.err(v.span, format!("invalid argument: {d} cannot be ordered"));
                return self.invalid_expr(span);
            }
            let v = match typed {
                Some(t) if self.is_untyped(v.ty) => {
                    if !self.untyped_kind_ok(v.ty, t) {
                        let (d, ts) = (self.describe(&v), self.short_display(t));
                        self.err(v.span, format!("invalid argument: mismatched types {ts} (previous argument) and {d}"));
                        return self.invalid_expr(span);
                    }
                    self.convert_untyped(v, t, ConvCtx::Operand)
                }
                Some(t) if v.ty != t => {
                    let (ts, vs) = (self.short_display(t), self.short_display(v.ty));
                    let text = self.text(v.span);
                    self.err(v.span, format!("invalid argument: mismatched types {ts} (previous argument) and {vs} (type of {text})"));
                    return self.invalid_expr(span);
                }
                _ => v,
            };
            if self.is_invalid(v.ty) {
                return self.invalid_expr(span);
            }
            acc = Some(match acc {
                None => v.clone(),
                Some(a) => {
                    // Fold constants: keep the smaller / larger.
                    let cmp = self.binary_values(crate::ast::BinOp::Lt, a.clone(), v.clone(), span);
                    match cmp.kind {
                        ExprKind::Const(ConstValue::Bool(lt)) => {
                            let keep_a = if b == Builtin::Min { lt } else { !lt };
                            let mut k = if keep_a { a } else { v.clone() };
                            // untyped int vs rune: the result takes the wider kind.
                            if self.is_untyped(k.ty) {
                                k.ty = cmp_untyped_kind(self, &k, &v);
                            }
                            k
                        }
                        _ => v.clone(),
                    }
                }
            });
            out.push(v);
        }
        if out.iter().all(is_const) {
            if let Some(mut a) = acc {
                a.span = span;
                return a;
            }
        }
        let out: Vec<Expr> = out.into_iter().map(|v| self.defaulted(v)).collect();
        let ty = out.first().map(|v| v.ty).unwrap_or(self.invalid());
        mk(
            ExprKind::Builtin {
                builtin: b,
                args: out,
            },
            ty,
            span,
        )
    }

    pub(crate) fn untyped_kind_ok(&self, u: TypeId, t: TypeId) -> bool {
        match self.types.basic_of(u) {
            Some(Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat) => {
                self.types.is_numeric(t)
            }
            Some(Basic::UntypedString) => self.is_string(t),
            _ => false,
        }
    }
}

/// The kind an untyped min/max result takes: rune if any operand is a rune.
fn cmp_untyped_kind(c: &Checker, a: &Expr, b: &Expr) -> TypeId {
    let rune = TypeTable::basic(Basic::UntypedRune);
    let float = TypeTable::basic(Basic::UntypedFloat);
    if a.ty == float || b.ty == float {
        return float;
    }
    if (a.ty == rune || b.ty == rune) && c.types.is_integer(a.ty) {
        return rune;
    }
    a.ty
}
