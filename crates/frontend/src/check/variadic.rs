//! Calls of variadic functions `func f(a int, xs ...T)`: the extra arguments become a
//! `VarArgs` slice (a fresh `[]T`, or nil when there are none) and `f(a, s...)` passes
//! `s` itself, so the call has one argument per parameter and lowering needs nothing
//! new.

use super::expr::mk;
use super::Checker;
use crate::ast::{self, Span};
use crate::hir::{ConstValue, Expr, ExprKind};
use crate::types::TypeId;

impl Checker<'_> {
    /// The arguments of a call of a variadic function whose parameters are `params`
    /// (the last one `[]T`). `fspan` is the callee expression's span (the `... argument`
    /// slice is named at the `(` after it).
    pub(crate) fn variadic_args(
        &mut self,
        params: &[TypeId],
        args: &[ast::Expr],
        ellipsis: bool,
        callee: &str,
        fspan: Span,
        span: Span,
    ) -> Vec<Expr> {
        let context = format!("argument to {callee}");
        let nfixed = params.len() - 1;
        let slice_t = params[nfixed];
        if self.slice_elem(slice_t).is_none() {
            return Vec::new();
        }
        if args.len() == 1 && !ellipsis {
            if let ast::ExprKind::Call { .. } = &super::expr::unparen(&args[0]).kind {
                let v = self.expr_multi(&args[0]);
                if self.is_tuple(v.ty) {
                    if !self.is_invalid(v.ty) {
                        self.err(
                            v.span,
                            "a multi-value call as the arguments of a variadic function is not supported",
                        );
                    }
                    return Vec::new();
                }
                return self.variadic_pack(params, vec![v], &context, fspan, span);
            }
        }
        let vals: Vec<Expr> = args.iter().map(|a| self.expr(a)).collect();
        let bad_count = if ellipsis {
            vals.len() != params.len()
        } else {
            vals.len() < nfixed
        };
        if bad_count {
            self.variadic_count_error(params, &vals, args, ellipsis, span, callee);
            return Vec::new();
        }
        if ellipsis {
            return vals
                .into_iter()
                .zip(params)
                .map(|(v, &p)| self.assign_conv(v, p, &context))
                .collect();
        }
        self.variadic_pack(params, vals, &context, fspan, span)
    }

    /// Converts the fixed arguments and packs the rest into a `VarArgs` slice.
    fn variadic_pack(
        &mut self,
        params: &[TypeId],
        mut vals: Vec<Expr>,
        context: &str,
        fspan: Span,
        span: Span,
    ) -> Vec<Expr> {
        let nfixed = params.len() - 1;
        let slice_t = params[nfixed];
        let elem = self.slice_elem(slice_t).unwrap_or(slice_t);
        let extra = vals.split_off(nfixed);
        let mut out: Vec<Expr> = vals
            .into_iter()
            .zip(params)
            .map(|(v, &p)| self.assign_conv(v, p, context))
            .collect();
        let paren = self
            .src
            .get(fspan.hi as usize..span.hi as usize)
            .and_then(|t| t.find('('))
            .map(|i| Span::new(fspan.hi as usize + i, span.hi as usize))
            .unwrap_or(span);
        if extra.is_empty() {
            out.push(mk(ExprKind::Const(ConstValue::Nil), slice_t, paren));
            return out;
        }
        let elems: Vec<Expr> = extra
            .into_iter()
            .map(|v| self.assign_conv(v, elem, context))
            .collect();
        out.push(mk(ExprKind::VarArgs(elems), slice_t, paren));
        out
    }

    /// `not enough arguments in call to f\n\thave (...)\n\twant (int, ...int)`.
    fn variadic_count_error(
        &mut self,
        params: &[TypeId],
        vals: &[Expr],
        args: &[ast::Expr],
        ellipsis: bool,
        span: Span,
        callee: &str,
    ) {
        if vals.iter().any(|v| self.is_invalid(v.ty)) {
            return;
        }
        let tys: Vec<TypeId> = vals.iter().map(|v| v.ty).collect();
        let mut hs = self.types_list(&tys);
        if ellipsis {
            hs = format!("{}...)", hs.trim_end_matches(')'));
        }
        let mut want: Vec<String> = params.iter().map(|&t| self.short_display(t)).collect();
        if let Some(last) = want.last_mut() {
            *last = format!("...{}", last.strip_prefix("[]").unwrap_or(last));
        }
        let ws = format!("({})", want.join(", "));
        if vals.len() < params.len() - usize::from(!ellipsis) {
            let at = args.last().map(|a| a.span).unwrap_or(span);
            self.err(
                at,
                format!("not enough arguments in call to {callee}\n\thave {hs}\n\twant {ws}"),
            );
        } else {
            let at = args
                .get(params.len())
                .or(args.last())
                .map(|a| a.span)
                .unwrap_or(span);
            self.err(
                at,
                format!("too many arguments in call to {callee}\n\thave {hs}\n\twant {ws}"),
            );
        }
    }
}
