//! Expressions as gc's messages quote them: the short form of types2's printer
//! (`cmd/compile/internal/syntax`, `ShortForm`). Binary operators always get a blank on
//! each side (`y * 2` even where gofmt writes `y*2`), arguments are separated by `, `,
//! and the elements of a composite literal and the body of a function literal shrink to
//! `…` (`[]int{…}`, `func() int {…}`). Literals keep their source spelling.
//!
//! The checker holds spans, not syntax trees, so the text of a span is parsed again on
//! its own (as the initialiser of a package variable) and printed; text that does not
//! parse as one expression is quoted as written.

use crate::ast::{Expr, ExprKind, FieldDecl, FuncSig, Param, Span, TypeExpr, TypeExprKind, UnOp};

const PREFIX: &str = "package p\nvar _ = ";

/// `text` (the source of one expression) as gc quotes it.
pub(crate) fn expr_string(text: &str) -> String {
    // Only text that may need rewriting goes through the parser.
    if text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return text.to_string();
    }
    let src = format!("{PREFIX}{text}\n");
    let Ok(file) = crate::parser::parse_file(&src) else {
        return text.to_string();
    };
    let [crate::ast::Decl::Var(specs)] = file.decls.as_slice() else {
        return text.to_string();
    };
    let [spec] = specs.as_slice() else {
        return text.to_string();
    };
    let [e] = spec.values.as_slice() else {
        return text.to_string();
    };
    // The whole text must be this one expression.
    if e.span.lo as usize != PREFIX.len() || e.span.hi as usize != PREFIX.len() + text.len() {
        return text.to_string();
    }
    let mut p = Printer {
        src: &src,
        out: String::new(),
    };
    p.expr(e);
    p.out
}

struct Printer<'a> {
    src: &'a str,
    out: String,
}

impl Printer<'_> {
    fn raw(&mut self, span: Span) {
        let s = self
            .src
            .get(span.lo as usize..span.hi as usize)
            .unwrap_or("");
        self.out.push_str(s);
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(n) => self.out.push_str(n),
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Rune(_) | ExprKind::Str(_) => {
                self.raw(e.span)
            }
            ExprKind::Binary(op, x, y) => {
                self.expr(x);
                self.out.push(' ');
                self.out.push_str(op.as_str());
                self.out.push(' ');
                self.expr(y);
            }
            ExprKind::Unary(op, x) => {
                self.out.push_str(match op {
                    UnOp::Neg => "-",
                    UnOp::Plus => "+",
                    UnOp::Not => "!",
                    UnOp::BitNot => "^",
                    UnOp::Addr => "&",
                    UnOp::Deref => "*",
                    UnOp::Recv => "<-",
                });
                self.expr(x);
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => {
                self.expr(func);
                self.out.push('(');
                self.list(args);
                if *ellipsis {
                    self.out.push_str("...");
                }
                self.out.push(')');
            }
            ExprKind::Selector(x, sel) => {
                self.expr(x);
                self.out.push('.');
                self.out.push_str(&sel.name);
            }
            ExprKind::Index(x, idx) => {
                self.expr(x);
                self.out.push('[');
                self.list(idx);
                self.out.push(']');
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.expr(x);
                self.out.push('[');
                if let Some(lo) = lo {
                    self.expr(lo);
                }
                self.out.push(':');
                if let Some(hi) = hi {
                    self.expr(hi);
                }
                if let Some(max) = max {
                    self.out.push(':');
                    self.expr(max);
                }
                self.out.push(']');
            }
            ExprKind::TypeAssert(x, t) => {
                self.expr(x);
                self.out.push_str(".(");
                match t {
                    Some(t) => self.ty(t),
                    None => self.out.push_str("type"),
                }
                self.out.push(')');
            }
            ExprKind::Composite { ty, elems, .. } => {
                if let Some(t) = ty {
                    self.ty(t);
                }
                self.out
                    .push_str(if elems.is_empty() { "{}" } else { "{…}" });
            }
            ExprKind::FuncLit { sig, body } => {
                self.out.push_str("func");
                self.sig(sig);
                self.out.push_str(
                    if body
                        .stmts
                        .iter()
                        .all(|s| matches!(s.kind, crate::ast::StmtKind::Empty))
                    {
                        " {}"
                    } else {
                        " {…}"
                    },
                );
            }
            ExprKind::Paren(x) => {
                self.out.push('(');
                self.expr(x);
                self.out.push(')');
            }
            ExprKind::Type(t) => self.ty(t),
        }
    }

    fn list(&mut self, es: &[Expr]) {
        for (i, a) in es.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(a);
        }
    }

    fn ty(&mut self, t: &TypeExpr) {
        match &t.kind {
            TypeExprKind::Name(n) => self.out.push_str(&n.name),
            TypeExprKind::Qualified(p, n) => {
                self.out.push_str(&p.name);
                self.out.push('.');
                self.out.push_str(&n.name);
            }
            TypeExprKind::Pointer(x) => {
                self.out.push('*');
                self.ty(x);
            }
            TypeExprKind::Slice(x) => {
                self.out.push_str("[]");
                self.ty(x);
            }
            TypeExprKind::Array(len, x) => {
                self.out.push('[');
                match len {
                    Some(n) => self.expr(n),
                    None => self.out.push_str("..."),
                }
                self.out.push(']');
                self.ty(x);
            }
            TypeExprKind::Map(k, v) => {
                self.out.push_str("map[");
                self.ty(k);
                self.out.push(']');
                self.ty(v);
            }
            // The direction is not kept; the source has it.
            TypeExprKind::Chan(_) => self.raw(t.span),
            TypeExprKind::Func(sig) => {
                self.out.push_str("func");
                self.sig(sig);
            }
            TypeExprKind::Struct(fields) => {
                self.out.push_str("struct{");
                if !fields.is_empty() {
                    self.out.push(' ');
                    self.fields(fields);
                    self.out.push(' ');
                }
                self.out.push('}');
            }
            TypeExprKind::Interface(elems) => {
                self.out.push_str("interface{");
                if !elems.is_empty() {
                    self.out.push(' ');
                    for (i, e) in elems.iter().enumerate() {
                        if i > 0 {
                            self.out.push_str("; ");
                        }
                        self.raw(e.span);
                    }
                    self.out.push(' ');
                }
                self.out.push('}');
            }
            TypeExprKind::Generic(x, args) => {
                self.ty(x);
                self.out.push('[');
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.ty(a);
                }
                self.out.push(']');
            }
        }
    }

    fn fields(&mut self, fields: &[FieldDecl]) {
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push_str("; ");
            }
            for (k, n) in f.names.iter().enumerate() {
                if k > 0 {
                    self.out.push_str(", ");
                }
                self.out.push_str(&n.name);
            }
            if !f.names.is_empty() {
                self.out.push(' ');
            }
            self.ty(&f.ty);
        }
    }

    fn sig(&mut self, sig: &FuncSig) {
        self.params(&sig.params);
        match sig.results.as_slice() {
            [] => {}
            [r] if r.name.is_none() => {
                self.out.push(' ');
                self.param_ty(r);
            }
            rs => {
                self.out.push(' ');
                self.params(rs);
            }
        }
    }

    fn param_ty(&mut self, p: &Param) {
        if p.variadic {
            self.out.push_str("...");
        }
        self.ty(&p.ty);
    }

    /// `(a, b int, s string)`: names that share one written type are grouped, as the
    /// source groups them.
    fn params(&mut self, ps: &[Param]) {
        self.out.push('(');
        for (i, p) in ps.iter().enumerate() {
            if let Some(n) = &p.name {
                self.out.push_str(&n.name);
            }
            let shares_next = ps.get(i + 1).is_some_and(|q| q.ty.span == p.ty.span);
            if shares_next {
                self.out.push_str(", ");
                continue;
            }
            if p.name.is_some() {
                self.out.push(' ');
            }
            self.param_ty(p);
            if i + 1 < ps.len() {
                self.out.push_str(", ");
            }
        }
        self.out.push(')');
    }
}

#[cfg(test)]
mod tests {
    use super::expr_string;

    #[test]
    fn short_form() {
        for (src, want) in [
            ("x", "x"),
            ("y*2", "y * 2"),
            ("x+y*2-3<<1", "x + y * 2 - 3 << 1"),
            ("(x+1)*y", "(x + 1) * y"),
            ("f(1,2)[0]", "f(1, 2)[0]"),
            ("[]int{1, 2}[0]", "[]int{…}[0]"),
            ("struct{}{}", "struct{}{}"),
            ("func() int { return 1 }()", "func() int {…}()"),
            (
                "func(a, b int, s string) (int, error) {}",
                "func(a, b int, s string) (int, error) {}",
            ),
            ("s[1:]", "s[1:]"),
            ("s[:2:3]", "s[:2:3]"),
            ("x.(int)", "x.(int)"),
            ("&T{a: 1}", "&T{…}"),
            ("'a'+\"b\"", "'a' + \"b\""),
            ("0x_FF", "0x_FF"),
            ("int64(1)<<63", "int64(1) << 63"),
            ("append(s, t...)", "append(s, t...)"),
            ("map[string]int{}", "map[string]int{}"),
            ("-x", "-x"),
            ("*p", "*p"),
            ("x +", "x +"),
        ] {
            assert_eq!(expr_string(src), want, "{src}");
        }
    }
}
