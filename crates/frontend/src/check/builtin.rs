//! The builtins: len, cap, append, copy, make, new, min, max, panic, recover, print,
//! println.

use super::constant::ConvCtx;
use super::expr::{const_int, is_const, mk, Operand};
use super::Checker;
use crate::ast::{self, Span};
use crate::hir::{Builtin, ConstValue, Expr, ExprKind};
use crate::types::{Basic, TypeId, TypeTable};

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
            if args.len() != n {
                let what = if args.len() < n {
                    "not enough"
                } else {
                    "too many"
                };
                self.err(
                    span,
                    format!(
                        "invalid operation: {what} arguments for {} (expected {n}, found {})",
                        self.text(span),
                        args.len()
                    ),
                );
                return self.invalid_expr(span);
            }
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                let v = self.expr(&args[0]);
                if self.is_invalid(v.ty) {
                    return v;
                }
                let ok =
                    self.slice_elem(v.ty).is_some() || (b == Builtin::Len && self.is_string(v.ty));
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
            Builtin::Append | Builtin::AppendSpread => self.append(args, ellipsis, span),
            Builtin::Copy => {
                let dst = self.expr(&args[0]);
                let src = self.expr(&args[1]);
                if self.is_invalid(dst.ty) || self.is_invalid(src.ty) {
                    return self.invalid_expr(span);
                }
                let not_slice = |c: &mut Self, v: &Expr| {
                    let d = if c.is_nil_type(v.ty) {
                        "untyped nil".to_string()
                    } else {
                        c.describe(v)
                    };
                    c.err(
                        v.span,
                        format!("invalid copy: argument must be a slice; have {d}"),
                    );
                };
                let Some(de) = self.slice_elem(dst.ty) else {
                    not_slice(self, &dst);
                    return self.invalid_expr(span);
                };
                let se = if self.is_string(src.ty) {
                    None
                } else if let Some(se) = self.slice_elem(src.ty) {
                    Some(se)
                } else {
                    not_slice(self, &src);
                    return self.invalid_expr(span);
                };
                let ok = match se {
                    Some(se) => se == de,
                    None => self.types.basic_of(de) == Some(Basic::Uint8),
                };
                if !ok {
                    let (d1, d2) = (self.describe(&dst), self.describe(&src));
                    let e1 = self.short_display(de);
                    let e2 = match se {
                        Some(se) => self.short_display(se),
                        None => "byte".to_string(),
                    };
                    self.err(dst.span, format!("invalid copy: arguments {d1} and {d2} have different element types {e1} and {e2}"));
                    return self.invalid_expr(span);
                }
                let src = self.defaulted(src);
                mk(
                    ExprKind::Builtin {
                        builtin: b,
                        args: vec![dst, src],
                    },
                    int_t,
                    span,
                )
            }
            Builtin::Make => self.make(args, span),
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
            Builtin::Min | Builtin::Max => self.min_max(b, args, span),
            Builtin::Panic => {
                let v = self.expr(&args[0]);
                if self.is_invalid(v.ty) {
                    return self.invalid_expr(span);
                }
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
                for a in args {
                    let v = self.expr(a);
                    if self.is_nil_type(v.ty) {
                        self.err(
                            v.span,
                            format!("use of untyped nil in argument to built-in {name}"),
                        );
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

    pub(crate) fn append(&mut self, args: &[ast::Expr], ellipsis: bool, span: Span) -> Expr {
        let Some(first) = args.first() else {
            self.err(
                span,
                "invalid operation: not enough arguments for append() (expected 1, found 0)",
            );
            return self.invalid_expr(span);
        };
        let s = self.expr(first);
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
        if self.slice_elem(t).is_none() {
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

    pub(crate) fn min_max(&mut self, b: Builtin, args: &[ast::Expr], span: Span) -> Expr {
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
        let vals: Vec<Expr> = args.iter().map(|a| self.expr(a)).collect();
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
            if !(self.types.is_integer(v.ty) || self.is_string(v.ty)) {
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
            Some(Basic::UntypedInt | Basic::UntypedRune) => self.types.is_integer(t),
            Some(Basic::UntypedString) => self.is_string(t),
            _ => false,
        }
    }
}

/// The kind an untyped min/max result takes: rune if any operand is a rune.
fn cmp_untyped_kind(c: &Checker, a: &Expr, b: &Expr) -> TypeId {
    let rune = TypeTable::basic(Basic::UntypedRune);
    if (a.ty == rune || b.ty == rune) && c.types.is_integer(a.ty) {
        return rune;
    }
    a.ty
}
