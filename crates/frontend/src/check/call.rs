//! Calls: of functions, function values and methods, conversions `T(x)`, the builtins,
//! and the library subset (`fmt`, `errors`, `os`, `*testing.B`).

use super::constant::ConvCtx;
use super::expr::{const_int, is_const, mk, unparen, Operand};
use super::types::Selection;
use super::{Checker, Dep, Entity, Pkg};
use crate::ast::{self, Span};
use crate::hir::{ConstValue, Expr, ExprKind, LibFunc};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};

/// The `*testing.B` methods of the subset.
pub(crate) fn b_method(name: &str) -> Option<LibFunc> {
    Some(match name {
        "Loop" => LibFunc::BLoop,
        "Run" => LibFunc::BRun,
        "ResetTimer" => LibFunc::BResetTimer,
        "StopTimer" => LibFunc::BStopTimer,
        "StartTimer" => LibFunc::BStartTimer,
        "ReportAllocs" => LibFunc::BReportAllocs,
        _ => return None,
    })
}

impl Checker<'_> {
    pub(crate) fn results_type(&mut self, results: &[TypeId]) -> TypeId {
        match results {
            [one] => *one,
            _ => self.types.tuple(results.to_vec()),
        }
    }

    pub(crate) fn no_value(&mut self) -> TypeId {
        self.types.tuple(Vec::new())
    }

    pub(crate) fn call(
        &mut self,
        func: &ast::Expr,
        args: &[ast::Expr],
        ellipsis: bool,
        span: Span,
    ) -> Operand {
        let f = unparen(func);
        if let ast::ExprKind::Selector(x, sel) = &f.kind {
            if let ast::ExprKind::Ident(n) = &unparen(x).kind {
                if let Some(Entity::Package(i)) = self.lookup(n) {
                    let Some(pkg) = self.use_import(i) else {
                        return Operand::Invalid;
                    };
                    return self.lib_call(pkg, n, sel, args, ellipsis, span);
                }
            }
            match self.operand_for_method(x) {
                Operand::Value(recv) => {
                    return self.method_call(recv, sel, args, ellipsis, span, f.span)
                }
                // A method expression called: `T.M(x, args...)`, a plain function call.
                Operand::Type(_) => {}
                _ => return Operand::Invalid,
            }
        }
        match self.operand(func) {
            Operand::Type(t) => Operand::Value(self.conversion(t, args, ellipsis, span)),
            Operand::Builtin(b) => Operand::Value(self.builtin(b, func, args, ellipsis, span)),
            Operand::Value(v) => Operand::Value(self.call_value(v, args, ellipsis, span)),
            Operand::Package(_, name) => {
                self.err(func.span, format!("use of package {name} not in selector"));
                Operand::Invalid
            }
            Operand::Invalid => {
                // Still check the arguments for their own errors.
                for a in args {
                    let _ = self.expr_multi(a);
                }
                Operand::Invalid
            }
        }
    }

    /// The receiver of `x.m(...)`: a value, or a type for a method expression.
    pub(crate) fn operand_for_method(&mut self, x: &ast::Expr) -> Operand {
        match self.operand(x) {
            Operand::Value(v) if self.is_tuple(v.ty) => {
                self.single_value_error(&v);
                Operand::Invalid
            }
            Operand::Value(v) if self.is_invalid(v.ty) => Operand::Invalid,
            o => o,
        }
    }

    pub(crate) fn method_call(
        &mut self,
        recv: Expr,
        sel: &ast::Ident,
        args: &[ast::Expr],
        ellipsis: bool,
        span: Span,
        fspan: Span,
    ) -> Operand {
        let (recv, found) = self.select_on(recv, sel);
        match found {
            Some(Selection::Promoted { .. } | Selection::Ambiguous) => Operand::Invalid,
            Some(Selection::Method {
                func, pointer_recv, ..
            }) => {
                self.add_dep(Dep::Func(func));
                let fty = self
                    .funcs
                    .get(func.0 as usize)
                    .map(|f| f.ty)
                    .unwrap_or(self.invalid());
                let Some((params, results)) = self.func_parts(fty) else {
                    return Operand::Invalid;
                };
                let recv = self.method_recv(recv, pointer_recv, sel);
                let text = self.text(fspan).to_string();
                let args = if self.is_variadic(fty) {
                    self.variadic_args(&params, args, ellipsis, &text, fspan, span)
                } else {
                    self.call_args(&params, args, ellipsis, &text, span)
                };
                let ty = self.results_type(&results);
                Operand::Value(mk(
                    ExprKind::MethodCall {
                        func,
                        recv: Box::new(recv),
                        args,
                    },
                    ty,
                    span,
                ))
            }
            Some(Selection::Field {
                index,
                ty,
                through_ptr,
            }) => {
                let base = if through_ptr {
                    self.deref(recv, fspan)
                } else {
                    recv
                };
                let callee = mk(
                    ExprKind::Field {
                        base: Box::new(base),
                        index,
                    },
                    ty,
                    fspan,
                );
                Operand::Value(self.call_value(callee, args, ellipsis, span))
            }
            None => {
                if self.types.under(recv.ty) == TypeTable::error() && sel.name == "Error" {
                    self.expect_no_args("Error", args, span);
                    let t = TypeTable::basic(Basic::String);
                    return Operand::Value(mk(
                        ExprKind::Lib {
                            func: LibFunc::ErrorMethod,
                            args: vec![recv],
                        },
                        t,
                        span,
                    ));
                }
                if self.is_testing_b(recv.ty) {
                    return self.b_call(recv, sel, args, span);
                }
                self.undefined_sel(&recv, sel, span);
                Operand::Invalid
            }
        }
    }

    pub(crate) fn expect_no_args(&mut self, name: &str, args: &[ast::Expr], _span: Span) {
        if let Some(a) = args.first() {
            self.err(a.span, format!("too many arguments in call to {name}"));
        }
    }

    pub(crate) fn b_call(
        &mut self,
        recv: Expr,
        sel: &ast::Ident,
        args: &[ast::Expr],
        span: Span,
    ) -> Operand {
        let Some(func) = b_method(&sel.name) else {
            self.err(sel.span, format!("b.{} is not supported", sel.name));
            return Operand::Invalid;
        };
        let recv = self.method_recv(recv, true, sel);
        let mut out = vec![recv];
        let bool_t = TypeTable::basic(Basic::Bool);
        let ty = match func {
            LibFunc::BRun => {
                let bp = self.testing_b_ptr();
                let fty = self.types.func(vec![bp], vec![]);
                let params = [TypeTable::basic(Basic::String), fty];
                out.extend(self.call_args(&params, args, false, "b.Run", span));
                bool_t
            }
            LibFunc::BLoop => {
                self.expect_no_args(&sel.name, args, span);
                bool_t
            }
            _ => {
                self.expect_no_args(&sel.name, args, span);
                self.no_value()
            }
        };
        Operand::Value(mk(ExprKind::Lib { func, args: out }, ty, span))
    }

    /// A call of a function value (or a top-level function).
    pub(crate) fn call_value(
        &mut self,
        f: Expr,
        args: &[ast::Expr],
        ellipsis: bool,
        span: Span,
    ) -> Expr {
        if self.is_invalid(f.ty) {
            for a in args {
                let _ = self.expr_multi(a);
            }
            return self.invalid_expr(span);
        }
        if self.is_tuple(f.ty) {
            self.single_value_error(&f);
            return self.invalid_expr(span);
        }
        let Some((params, results)) = self.func_parts(f.ty) else {
            let d = self.describe(&f);
            let ts = self.short_display(f.ty);
            self.err(
                span,
                format!("invalid operation: cannot call {d}: {ts} is not a function"),
            );
            return self.invalid_expr(span);
        };
        let text = self.text(f.span).to_string();
        let args = if self.is_variadic(f.ty) {
            self.variadic_args(&params, args, ellipsis, &text, f.span, span)
        } else {
            self.call_args(&params, args, ellipsis, &text, span)
        };
        let ty = self.results_type(&results);
        mk(
            ExprKind::Call {
                callee: Box::new(f),
                args,
            },
            ty,
            span,
        )
    }

    pub(crate) fn types_list(&self, ts: &[TypeId]) -> String {
        let v: Vec<String> = ts
            .iter()
            .map(|&t| match self.types.basic_of(t) {
                Some(Basic::UntypedInt | Basic::UntypedRune) => "number".to_string(),
                Some(Basic::UntypedNil) => "nil".to_string(),
                _ => self.short_display(self.default_type(t)),
            })
            .collect();
        format!("({})", v.join(", "))
    }

    /// Checks call arguments against parameter types. A single multi-value call whose
    /// results match the parameters is passed on as one tuple-valued argument.
    pub(crate) fn call_args(
        &mut self,
        params: &[TypeId],
        args: &[ast::Expr],
        ellipsis: bool,
        callee: &str,
        span: Span,
    ) -> Vec<Expr> {
        if ellipsis {
            self.err(
                span,
                format!("cannot use ... in call to non-variadic {callee}"),
            );
            for a in args {
                let _ = self.expr_multi(a);
            }
            return Vec::new();
        }
        let context = format!("argument to {callee}");
        if args.len() == 1 {
            let v = self.expr_multi(&args[0]);
            if let TypeKind::Tuple(ts) = self.types.kind(v.ty).clone() {
                if ts.is_empty() {
                    self.single_value_error(&v);
                    return Vec::new();
                }
                if ts.len() != params.len() {
                    self.count_error(params, &ts, args, span, callee);
                    return Vec::new();
                }
                for (&have, &want) in ts.iter().zip(params) {
                    if let Err(why) = self.assignable(have, want) {
                        let hs = self.short_display(have);
                        let ws = self.short_display(want);
                        let text = self.text(v.span);
                        self.err(v.span, format!("cannot use {text} (value of type {hs}) as {ws} value in {context}{why}"));
                        return Vec::new();
                    }
                }
                return vec![v];
            }
            if params.len() != 1 {
                let have = [v.ty];
                self.count_error(params, &have, args, span, callee);
                return Vec::new();
            }
            return vec![self.assign_conv(v, params[0], &context)];
        }
        let vals: Vec<Expr> = args.iter().map(|a| self.expr(a)).collect();
        if vals.len() != params.len() {
            let have: Vec<TypeId> = vals.iter().map(|v| v.ty).collect();
            self.count_error(params, &have, args, span, callee);
            return Vec::new();
        }
        vals.into_iter()
            .zip(params)
            .map(|(v, &p)| self.assign_conv(v, p, &context))
            .collect()
    }

    pub(crate) fn count_error(
        &mut self,
        params: &[TypeId],
        have: &[TypeId],
        args: &[ast::Expr],
        span: Span,
        callee: &str,
    ) {
        if have.iter().any(|&t| self.is_invalid(t)) {
            return;
        }
        let hs = self.types_list(have);
        let ws = self.types_list(params);
        if have.len() < params.len() {
            // types2: at the last argument, else at the call.
            let at = args.last().map(|a| a.span).unwrap_or(span);
            self.err(
                at,
                format!("not enough arguments in call to {callee}\n\thave {hs}\n\twant {ws}"),
            );
        } else {
            // At the first extra argument; a spread multi-value call stands for all.
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

    /// `pkg.Name` not called: the library offers no values.
    pub(crate) fn package_member(
        &mut self,
        pkg: Pkg,
        pname: &str,
        sel: &ast::Ident,
        span: Span,
    ) -> Operand {
        match (pkg, sel.name.as_str()) {
            (Pkg::Runtime, "Error") => Operand::Type(self.runtime_error_type()),
            (Pkg::Testing, "B") => {
                let p = self.testing_b_ptr();
                match self.types.kind(p) {
                    TypeKind::Pointer(b) => Operand::Type(*b),
                    _ => Operand::Invalid,
                }
            }
            (
                Pkg::Fmt,
                "Println" | "Print" | "Printf" | "Sprintf" | "Sprint" | "Sprintln" | "Errorf",
            )
            | (Pkg::Errors, "New")
            | (Pkg::Os, "Exit")
            | (Pkg::Runtime, "GC") => {
                self.err(
                    span,
                    format!("{pname}.{} as a value is not supported", sel.name),
                );
                Operand::Invalid
            }
            _ => {
                match super::pkgnames::unknown_member(pkg, pname, &sel.name) {
                    Some(msg) => self.err(sel.span, msg),
                    None => self.err(span, format!("{pname}.{} is not supported", sel.name)),
                }
                Operand::Invalid
            }
        }
    }

    // ---- Conversions -------------------------------------------------------------------

    pub(crate) fn conversion(
        &mut self,
        t: TypeId,
        args: &[ast::Expr],
        ellipsis: bool,
        span: Span,
    ) -> Expr {
        let ts = self.short_display(t);
        if args.len() != 1 || ellipsis {
            if args.is_empty() {
                self.err(span, format!("missing argument in conversion to {ts}"));
            } else {
                self.err(
                    args[args.len() - 1].span,
                    format!("too many arguments in conversion to {ts}"),
                );
            }
            return self.invalid_expr(span);
        }
        let v = self.expr(&args[0]);
        if self.is_invalid(v.ty) || self.is_invalid(t) {
            return self.invalid_expr(span);
        }
        if self.is_untyped(v.ty) {
            if self.is_rune_slice(t) && self.is_string(v.ty) {
                self.err(
                    span,
                    "conversions between strings and []rune are not supported",
                );
                return self.invalid_expr(span);
            }
            return self.convert_untyped_explicit(v, t, span);
        }
        // A typed constant converted to a basic type stays constant.
        if is_const(&v) && self.is_const_type(t) {
            let numeric = self.types.is_numeric(t) && self.types.is_numeric(v.ty);
            if numeric && (self.types.is_float(t) || self.types.is_float(v.ty)) {
                let mut e = self.convert_float_const(v, t, ConvCtx::Convert);
                if self.is_invalid(e.ty) {
                    return self.invalid_expr(span);
                }
                e.span = span;
                return e;
            }
            if let ExprKind::Const(c) = &v.kind {
                let c = c.clone();
                match (&c, self.types.is_integer(t), self.is_string(t)) {
                    (ConstValue::Int(i), true, _) if self.types.is_integer(v.ty) => {
                        if !self.fits(*i, t) {
                            let d = self.describe(&v);
                            self.err(v.span, format!("cannot convert {d} to type {ts}"));
                            return self.invalid_expr(span);
                        }
                        return mk(ExprKind::Const(c), t, span);
                    }
                    (ConstValue::Int(i), false, true) if self.types.is_integer(v.ty) => {
                        return mk(ExprKind::Const(ConstValue::Str(rune_string(*i))), t, span);
                    }
                    (ConstValue::Str(_), false, true) if self.is_string(v.ty) => {
                        return mk(ExprKind::Const(c), t, span);
                    }
                    (ConstValue::Bool(_), _, _) if self.is_bool(t) && self.is_bool(v.ty) => {
                        return mk(ExprKind::Const(c), t, span);
                    }
                    _ => {}
                }
            }
        }
        if self.convertible(v.ty, t) {
            if self.types.is_interface(t) {
                let mut e = self.box_iface(v, t);
                e.span = span;
                return e;
            }
            return mk(ExprKind::Convert(Box::new(v)), t, span);
        }
        let d = self.describe(&v);
        if self.slice_elem(v.ty).is_some()
            && self
                .array_parts(t)
                .is_some_and(|(e, _, _)| Some(e) == self.slice_elem(v.ty))
        {
            self.err(span, "conversions from slices to arrays are not supported");
        } else if self.is_rune_slice(t) || self.is_rune_slice(v.ty) {
            self.err(
                span,
                "conversions between strings and []rune are not supported",
            );
        } else {
            self.err(v.span, format!("cannot convert {d} to type {ts}"));
        }
        self.invalid_expr(span)
    }

    pub(crate) fn is_rune_slice(&self, t: TypeId) -> bool {
        self.slice_elem(t)
            .is_some_and(|e| self.types.basic_of(e) == Some(Basic::Int32))
    }

    pub(crate) fn is_byte_slice(&self, t: TypeId) -> bool {
        self.slice_elem(t)
            .is_some_and(|e| self.types.basic_of(e) == Some(Basic::Uint8))
    }

    pub(crate) fn convertible(&mut self, from: TypeId, to: TypeId) -> bool {
        if self.assignable(from, to).is_ok() {
            return true;
        }
        let (uf, ut) = (self.types.under(from), self.types.under(to));
        if uf == ut {
            return true;
        }
        if self.types.is_integer(from) && (self.types.is_integer(to) || self.is_string(to)) {
            return true;
        }
        if self.types.is_numeric(from) && self.types.is_numeric(to) {
            return true;
        }
        if self.is_string(from) && self.is_byte_slice(to)
            || self.is_byte_slice(from) && self.is_string(to)
        {
            return true;
        }
        if let (TypeKind::Pointer(a), TypeKind::Pointer(b)) =
            (self.types.kind(uf), self.types.kind(ut))
        {
            return self.types.under(*a) == self.types.under(*b);
        }
        false
    }

    pub(crate) fn convert_untyped_explicit(&mut self, v: Expr, t: TypeId, span: Span) -> Expr {
        let ts = self.short_display(t);
        if self.types.is_interface(t) {
            let mut e = self.box_iface(v, t);
            e.span = span;
            return e;
        }
        let vb = self.types.basic_of(v.ty);
        let int_src = matches!(vb, Some(Basic::UntypedInt | Basic::UntypedRune));
        if int_src && self.is_string(t) {
            if let Some(i) = const_int(&v) {
                return mk(ExprKind::Const(ConstValue::Str(rune_string(i))), t, span);
            }
        }
        if vb == Some(Basic::UntypedString) && self.is_byte_slice(t) {
            let s = self.convert_untyped(v, TypeTable::basic(Basic::String), ConvCtx::Convert);
            return mk(ExprKind::Convert(Box::new(s)), t, span);
        }
        let ok = match vb {
            Some(Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat) => {
                self.types.is_numeric(t)
            }
            Some(Basic::UntypedBool) => self.is_bool(t),
            Some(Basic::UntypedString) => self.is_string(t),
            Some(Basic::UntypedNil) => self.nil_ok(t),
            _ => false,
        };
        if !ok {
            let d = self.describe(&v);
            self.err(v.span, format!("cannot convert {d} to type {ts}"));
            return self.invalid_expr(span);
        }
        let mut e = self.convert_untyped(v, t, ConvCtx::Convert);
        e.span = span;
        e
    }

    // ---- The library ---------------------------------------------------------------------

    pub(crate) fn lib_call(
        &mut self,
        pkg: Pkg,
        pname: &str,
        sel: &ast::Ident,
        args: &[ast::Expr],
        ellipsis: bool,
        span: Span,
    ) -> Operand {
        let name = sel.name.as_str();
        let func = match (pkg, name) {
            (Pkg::Fmt, "Println") => LibFunc::FmtPrintln,
            (Pkg::Fmt, "Print") => LibFunc::FmtPrint,
            (Pkg::Fmt, "Printf") => LibFunc::FmtPrintf,
            (Pkg::Fmt, "Sprintf") => LibFunc::FmtSprintf,
            (Pkg::Fmt, "Sprint") => LibFunc::FmtSprint,
            (Pkg::Fmt, "Sprintln") => LibFunc::FmtSprintln,
            (Pkg::Fmt, "Errorf") => LibFunc::FmtErrorf,
            (Pkg::Errors, "New") => LibFunc::ErrorsNew,
            (Pkg::Os, "Exit") => LibFunc::OsExit,
            (Pkg::Runtime, "GC") => LibFunc::RuntimeGC,
            _ => {
                match super::pkgnames::unknown_member(pkg, pname, name) {
                    Some(msg) => self.err(sel.span, msg),
                    None => self.err(span, format!("{pname}.{name} is not supported")),
                }
                for a in args {
                    let _ = self.expr_multi(a);
                }
                return Operand::Invalid;
            }
        };
        let callee = format!("{pname}.{name}");
        let string_t = TypeTable::basic(Basic::String);
        let int_t = TypeTable::basic(Basic::Int);
        // fmt's printing functions return `(n int, err error)`.
        let n_err = self.types.tuple(vec![int_t, TypeTable::error()]);
        let (fixed, variadic, ty): (Vec<TypeId>, bool, TypeId) = match func {
            LibFunc::FmtPrintln | LibFunc::FmtPrint => (vec![], true, n_err),
            LibFunc::FmtPrintf => (vec![string_t], true, n_err),
            LibFunc::FmtSprintf => (vec![string_t], true, string_t),
            LibFunc::FmtSprint | LibFunc::FmtSprintln => (vec![], true, string_t),
            LibFunc::FmtErrorf => (vec![string_t], true, TypeTable::error()),
            LibFunc::ErrorsNew => (vec![string_t], false, TypeTable::error()),
            LibFunc::RuntimeGC => (vec![], false, self.no_value()),
            _ => (vec![int_t], false, self.no_value()),
        };
        if ellipsis && variadic {
            return self.fmt_spread(func, &fixed, args, ty, &callee, span);
        }
        if !variadic {
            let args = self.call_args(&fixed, args, ellipsis, &callee, span);
            return Operand::Value(mk(ExprKind::Lib { func, args }, ty, span));
        }
        // fmt: the fixed parameters, then any number of operands converted to `any`.
        if args.len() == 1 && fixed.is_empty() {
            let v = self.expr_multi(&args[0]);
            if let TypeKind::Tuple(ts) = self.types.kind(v.ty) {
                if ts.is_empty() {
                    self.single_value_error(&v);
                    return Operand::Invalid;
                }
                return Operand::Value(mk(
                    ExprKind::Lib {
                        func,
                        args: vec![v],
                    },
                    ty,
                    span,
                ));
            }
            let v = self.fmt_operand(v);
            return Operand::Value(mk(
                ExprKind::Lib {
                    func,
                    args: vec![v],
                },
                ty,
                span,
            ));
        }
        // `fmt.Printf(f())`: the first result is the format, the others the operands.
        let mut pre = None;
        if args.len() == 1 && fixed.len() == 1 {
            let v = self.expr_multi(&args[0]);
            if let TypeKind::Tuple(ts) = self.types.kind(v.ty).clone() {
                if ts.is_empty() {
                    self.single_value_error(&v);
                    return Operand::Invalid;
                }
                if let Err(why) = self.assignable(ts[0], fixed[0]) {
                    let (text, td) = (self.text(v.span), self.type_desc(ts[0]));
                    let fs = self.tdisplay(fixed[0]);
                    self.err(
                        v.span,
                        format!("cannot use {text} (value of {td}) as {fs} value in argument to {callee}{why}"),
                    );
                    return Operand::Invalid;
                }
                return Operand::Value(mk(
                    ExprKind::Lib {
                        func,
                        args: vec![v],
                    },
                    ty,
                    span,
                ));
            }
            pre = Some(v);
        }
        if args.len() < fixed.len() {
            let have: Vec<TypeId> = Vec::new();
            self.count_error(&fixed, &have, args, span, &callee);
            return Operand::Invalid;
        }
        let mut out = Vec::new();
        for (k, a) in args.iter().enumerate() {
            let v = match pre.take() {
                Some(v) => v,
                None => self.expr(a),
            };
            if let Some(&t) = fixed.get(k) {
                out.push(self.assign_conv(v, t, &format!("argument to {callee}")));
            } else {
                out.push(self.fmt_operand(v));
            }
        }
        Operand::Value(mk(ExprKind::Lib { func, args: out }, ty, span))
    }

    /// `fmt.F(fixed..., xs...)`: the slice `xs` (assignable to `[]any`) is the operand
    /// list.
    fn fmt_spread(
        &mut self,
        func: LibFunc,
        fixed: &[TypeId],
        args: &[ast::Expr],
        ty: TypeId,
        callee: &str,
        span: Span,
    ) -> Operand {
        let any_slice = self.types.slice(TypeTable::any());
        if args.len() != fixed.len() + 1 {
            let tys: Vec<TypeId> = args.iter().map(|a| self.expr(a).ty).collect();
            let have = self.types_list(&tys);
            let have = format!("{}...)", have.trim_end_matches(')'));
            let mut want: Vec<String> = fixed.iter().map(|&t| self.short_display(t)).collect();
            want.push("...any".into());
            let (much, at) = if args.len() > fixed.len() + 1 {
                ("too many", args[fixed.len() + 1].span)
            } else {
                ("not enough", span)
            };
            self.err(
                at,
                format!(
                    "{much} arguments in call to {callee}\n\thave {have}\n\twant ({})",
                    want.join(", ")
                ),
            );
            return Operand::Invalid;
        }
        let mut out = Vec::new();
        for (a, &t) in args.iter().zip(fixed) {
            let v = self.expr(a);
            out.push(self.assign_conv(v, t, &format!("argument to {callee}")));
        }
        let v = self.expr(&args[fixed.len()]);
        if self.is_tuple(v.ty) {
            self.single_value_error(&v);
            return Operand::Invalid;
        }
        if let Err(why) = self.assignable(v.ty, any_slice) {
            // gc spells the parameter's type as declared: `[]any`.
            let d = self.describe(&v);
            self.err(
                v.span,
                format!("cannot use {d} as []any value in argument to {callee}{why}"),
            );
            return Operand::Invalid;
        }
        let vspan = v.span;
        out.push(mk(ExprKind::Spread(Box::new(v)), any_slice, vspan));
        Operand::Value(mk(ExprKind::Lib { func, args: out }, ty, span))
    }

    pub(crate) fn fmt_operand(&mut self, v: Expr) -> Expr {
        if self.is_invalid(v.ty) {
            return v;
        }
        self.box_iface(v, TypeTable::any())
    }
}

/// `string(r)` of an integer constant: its UTF-8, or U+FFFD when not a valid code point.
pub(crate) fn rune_string(i: i128) -> Vec<u8> {
    let c = u32::try_from(i)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    c.to_string().into_bytes()
}
