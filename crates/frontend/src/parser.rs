//! The parser: Go source text to the `ast`, with gc's syntax error messages.
//!
//! The grammar lives in `grammar.lalrpop` (LR(1), generated into `OUT_DIR` by the build
//! script); this file holds the entry point, the helpers the grammar's actions call
//! ([`build`]) and the translation of parse failures into gc's wording
//! (`syntax error: unexpected X, expected Y` and friends). Like gc in most cases, only
//! the first syntax error is reported; lexical errors found before it come along.

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::grammar;
use crate::lexer::{self, Lexer, Tok};
use lalrpop_util::ParseError;
use std::cell::RefCell;

/// Parses one Go source file. On failure, returns the lexical errors and the first
/// syntax error, in source order.
pub fn parse_file(src: &str) -> Result<File, Vec<Diagnostic>> {
    let mut lexer = Lexer::new(src);
    let guards = RefCell::new(Vec::new());
    let result = grammar::FileParser::new().parse(src, &guards, lexer.by_ref());
    let mut diags = std::mem::take(&mut lexer.diagnostics);
    match result {
        Ok(mut file) => {
            // Every `x.(type)` the switch headers did not claim is misplaced.
            if let Some(&span) = guards.borrow().first() {
                diags.push(Diagnostic::new(span, "use of .(type) outside type switch"));
            }
            if !diags.is_empty() {
                return Err(sorted(diags));
            }
            attach_pragmas(&mut file, &lexer.directives);
            Ok(file)
        }
        Err(err) => {
            if let Some(d) = syntax_error(src, err) {
                diags.push(d);
            }
            Err(sorted(diags))
        }
    }
}

fn sorted(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diags.sort_by_key(|d| d.span.lo);
    diags.dedup_by_key(|d| d.span.lo);
    diags
}

/// Gives each function declaration the `//go:` directives between the previous
/// declaration and its `func` keyword.
fn attach_pragmas(file: &mut File, directives: &[(usize, String)]) {
    if directives.is_empty() {
        return;
    }
    let mut prev_end = file
        .imports
        .iter()
        .map(|i| i.span.hi)
        .max()
        .unwrap_or(file.package.span.hi) as usize;
    for decl in &mut file.decls {
        let (lo, hi) = decl_extent(decl);
        if let Decl::Func(f) = decl {
            f.pragmas = directives
                .iter()
                .filter(|(at, _)| (prev_end..lo).contains(at))
                .map(|(_, text)| text.clone())
                .collect();
        }
        prev_end = prev_end.max(hi);
    }
}

fn decl_extent(decl: &Decl) -> (usize, usize) {
    let spans: Vec<Span> = match decl {
        Decl::Func(f) => vec![f.span],
        Decl::Var(v) => v.iter().map(|s| s.span).collect(),
        Decl::Const(v) => v.iter().map(|s| s.span).collect(),
        Decl::Type(v) => v.iter().map(|s| s.span).collect(),
    };
    let lo = spans.iter().map(|s| s.lo).min().unwrap_or(0) as usize;
    let hi = spans.iter().map(|s| s.hi).max().unwrap_or(0) as usize;
    (lo, hi)
}

// ---------------------------------------------------------------------------------------
// Syntax errors in gc's words

/// How gc names a token in `unexpected X`.
fn describe(src: &str, tok: &Tok, lo: usize, hi: usize) -> String {
    let text = src.get(lo..hi).unwrap_or("");
    match tok {
        Tok::Ident(name) => format!("name {name}"),
        Tok::Int(_) | Tok::Float(_) | Tok::Rune(_) | Tok::Str(_) => format!("literal {text}"),
        Tok::Semi if text == ";" => "semicolon".to_string(),
        Tok::Semi if lo >= src.len() => "EOF".to_string(),
        Tok::Semi => "newline".to_string(),
        Tok::Comma => "comma".to_string(),
        t if t.is_keyword() => format!("keyword {text}"),
        _ => text.to_string(),
    }
}

/// What surrounds the failing token, found by rescanning the tokens before it.
struct Context {
    /// Nesting depth in braces: 0 means top level.
    brace_depth: usize,
    /// Whether the innermost open `(` is a parameter list (`func(`, `func f(`).
    in_params: bool,
    /// The token before the failing one.
    prev: Option<(usize, Tok, usize)>,
    /// When the failing token is in the header of an `if`, `for` or `switch` (before its
    /// block), the keyword and how many `;` the header has so far.
    header: Option<(Tok, usize)>,
    /// The token before the innermost open `{` (`struct`, `interface`, ...).
    brace_opener: Option<Tok>,
}

fn context(src: &str, at: usize) -> Context {
    let (toks, _) = lexer::tokenize(src);
    let mut parens: Vec<bool> = Vec::new();
    let mut brace_depth = 0usize;
    let mut prev = None;
    // One entry per open brace (plus the top level): the header being read at that level.
    let mut headers: Vec<Option<(Tok, usize)>> = vec![None];
    let mut openers: Vec<Option<Tok>> = Vec::new();
    for (i, (lo, tok, _)) in toks.iter().enumerate() {
        if *lo >= at {
            break;
        }
        let level = headers.len() - 1;
        match tok {
            Tok::If | Tok::For | Tok::Switch if parens.is_empty() => {
                headers[level] = Some((tok.clone(), 0))
            }
            Tok::Semi => {
                if let Some((_, semis)) = &mut headers[level] {
                    *semis += 1;
                }
            }
            Tok::LBrace => {
                brace_depth += 1;
                openers.push(i.checked_sub(1).map(|j| toks[j].1.clone()));
                headers[level] = None;
                headers.push(None);
            }
            Tok::RBrace => {
                brace_depth = brace_depth.saturating_sub(1);
                openers.pop();
                if headers.len() > 1 {
                    headers.pop();
                }
            }
            Tok::LParen => {
                let before = |k: usize| i.checked_sub(k).map(|j| &toks[j].1);
                let params = matches!(before(1), Some(Tok::Func))
                    || matches!(
                        (before(1), before(2)),
                        (Some(Tok::Ident(_)), Some(Tok::Func))
                    )
                    || matches!((before(1), before(2)), (Some(Tok::RParen), _)) && brace_depth == 0;
                parens.push(params);
            }
            Tok::RParen => {
                parens.pop();
            }
            _ => {}
        }
        prev = Some(toks[i].clone());
    }
    Context {
        brace_depth,
        in_params: parens.last().copied().unwrap_or(false),
        prev,
        header: headers.pop().flatten(),
        brace_opener: openers.pop().flatten(),
    }
}

/// The `(` that opens `(*[...]T` ending just before `close` (a `)`), if that is what the
/// source reads there.
fn pointer_to_type_literal(src: &str, close: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut depth = 0i32;
    let mut i = close;
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b')' | b']' | b'}' => depth += 1,
            b'[' | b'{' => depth -= 1,
            b'(' if depth == 0 => {
                let inner = src.get(i + 1..close)?.trim_start();
                let rest = inner
                    .strip_prefix('*')?
                    .trim_start_matches(['*', ' ', '\t']);
                return rest.starts_with('[').then_some(i);
            }
            b'(' => depth -= 1,
            b'\n' | b';' if depth == 0 => return None,
            _ => {}
        }
    }
    None
}

fn syntax_error(src: &str, err: ParseError<usize, Tok, Diagnostic>) -> Option<Diagnostic> {
    let (lo, tok, hi, expected) = match err {
        ParseError::User { error } => return Some(error),
        ParseError::InvalidToken { location } => {
            return Some(Diagnostic::new(
                Span::new(location, location + 1),
                "syntax error: invalid token",
            ))
        }
        ParseError::UnrecognizedEof { location, expected } => (
            src.len().max(location),
            None,
            src.len().max(location),
            expected,
        ),
        ParseError::UnrecognizedToken {
            token: (lo, tok, hi),
            expected,
        } => (lo, Some(tok), hi, expected),
        ParseError::ExtraToken {
            token: (lo, tok, hi),
        } => (lo, Some(tok), hi, Vec::new()),
    };
    let found = match &tok {
        Some(t) => describe(src, t, lo, hi),
        None => "EOF".to_string(),
    };
    let has = |s: &str| expected.iter().any(|e| e.trim_matches('"') == s);
    let ctx = context(src, lo);
    let span = Span::new(lo, hi.max(lo));
    let prev_tok = ctx.prev.as_ref().map(|p| &p.1);
    // `(*[2]int)(s)`: valid Go our grammar cannot read (a pointer to a type literal in
    // parentheses); it converts a slice to an array pointer, outside the subset.
    if tok == Some(Tok::RParen) && has("{") {
        if let Some(open) = pointer_to_type_literal(src, lo) {
            return Some(Diagnostic::new(
                Span::new(open, open + 1),
                "conversions to pointers to array or slice types are not supported",
            ));
        }
    }
    let msg = if has("package") {
        "syntax error: package statement must be first".to_string()
    } else if has("string literal") && expected.len() == 1 {
        "syntax error: missing import path".to_string()
    } else if prev_tok == Some(&Tok::Else) {
        "syntax error: else must be followed by if or statement block".to_string()
    } else if ctx.brace_depth == 0 && has("func") && has("var") {
        match (&tok, &ctx.prev) {
            (Some(Tok::Import), _) => {
                "syntax error: imports must appear before other declarations".to_string()
            }
            (Some(Tok::LBrace), Some((plo, Tok::Semi, phi)))
                if src.get(*plo..*phi) != Some(";") =>
            {
                "syntax error: unexpected semicolon or newline before {".to_string()
            }
            _ => "syntax error: non-declaration statement outside function body".to_string(),
        }
    } else if matches!(ctx.header, Some((Tok::For, 1))) && tok == Some(Tok::LBrace) {
        if prev_tok == Some(&Tok::Semi) {
            format!("syntax error: unexpected {found}, expected for loop condition")
        } else {
            format!("syntax error: unexpected {found}, expected semicolon or newline")
        }
    } else if matches!(ctx.header, Some((Tok::For, 2))) && has("{") && !has(";") {
        format!("syntax error: unexpected {found}, expected {{ after for clause")
    } else if has(":") && has(",") && !has(";") && !has("]") && !has("}") {
        format!("syntax error: unexpected {found}, expected :")
    } else if has(";") && has("}") && matches!(ctx.brace_opener, Some(Tok::Struct | Tok::Interface))
    {
        let what = if ctx.brace_opener == Some(Tok::Struct) {
            "struct type"
        } else {
            "interface type"
        };
        format!("syntax error: unexpected {found} in {what}; possibly missing semicolon or newline or }}")
    } else if has("case") && has("default") {
        format!("syntax error: unexpected {found}, expected case or default or }}")
    } else if has("if") && has("}") {
        format!("syntax error: unexpected {found}, expected }}")
    } else if has("int literal") && !has(";") {
        format!("syntax error: unexpected {found}, expected expression")
    } else if has(",") && has(")") {
        let what = if ctx.in_params {
            "parameter list"
        } else {
            "argument list"
        };
        format!("syntax error: unexpected {found} in {what}; possibly missing comma or )")
    } else if has(",") && has("}") && !has(";") {
        format!(
            "syntax error: unexpected {found} in composite literal; possibly missing comma or }}"
        )
    } else if has(";") && ctx.brace_depth == 0 {
        format!("syntax error: unexpected {found} after top level declaration")
    } else if has("{") && !has("}") && ctx.header.is_some() {
        format!("syntax error: unexpected {found}, expected {{")
    } else if has(";") && has("}") {
        format!("syntax error: unexpected {found} at end of statement")
    } else if has("int literal") {
        format!("syntax error: unexpected {found}, expected expression")
    } else {
        let names: Vec<String> = expected.iter().map(|e| expected_name(e)).collect();
        match names.as_slice() {
            [] => format!("syntax error: unexpected {found}"),
            [one] => format!("syntax error: unexpected {found}, expected {one}"),
            [a, b] => format!("syntax error: unexpected {found}, expected {a} or {b}"),
            _ if names.iter().all(|n| n == "name") => {
                format!("syntax error: unexpected {found}, expected name")
            }
            _ => format!("syntax error: unexpected {found}"),
        }
    };
    Some(Diagnostic::new(span, msg))
}

/// gc's name for an expected token.
fn expected_name(terminal: &str) -> String {
    match terminal.trim_matches('"') {
        ";" => "semicolon or newline".to_string(),
        "," => "comma".to_string(),
        "int literal" | "float literal" | "rune literal" | "string literal" => {
            "literal".to_string()
        }
        t => t.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// AST construction, called from the grammar's actions

pub(crate) mod build {
    use crate::ast::*;
    use crate::diag::Diagnostic;
    use crate::lexer::Tok;
    use lalrpop_util::ParseError;
    use std::cell::RefCell;

    pub type PResult<T> = Result<T, ParseError<usize, Tok, Diagnostic>>;

    pub fn fail<T>(span: Span, msg: impl Into<String>) -> PResult<T> {
        Err(ParseError::User {
            error: Diagnostic::new(span, msg),
        })
    }

    pub fn push_opt<T>(mut v: Vec<T>, last: Option<T>) -> Vec<T> {
        v.extend(last);
        v
    }

    pub fn ty(kind: TypeExprKind, l: usize, r: usize) -> TypeExpr {
        TypeExpr {
            kind,
            span: Span::new(l, r),
        }
    }

    pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
        Expr {
            kind,
            span: Span::new(l, r),
        }
    }

    pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Stmt {
        Stmt {
            kind,
            span: Span::new(l, r),
        }
    }

    pub fn binary(op: BinOp, a: Expr, b: Expr, l: usize, r: usize) -> Expr {
        expr(ExprKind::Binary(op, Box::new(a), Box::new(b)), l, r)
    }

    pub fn call(func: Expr, (args, ellipsis): (Vec<Expr>, bool), l: usize, r: usize) -> Expr {
        expr(
            ExprKind::Call {
                func: Box::new(func),
                args,
                ellipsis,
            },
            l,
            r,
        )
    }

    pub fn composite(
        ty: Option<TypeExpr>,
        (elems, rbrace): (Vec<Element>, Span),
        l: usize,
        r: usize,
    ) -> Expr {
        expr(ExprKind::Composite { ty, elems, rbrace }, l, r)
    }

    /// `T{...}`, `pkg.T{...}`, `T[int]{...}`: the operand before the brace must read as a
    /// type name, as gc requires; otherwise the brace cannot continue the statement.
    pub fn named_composite(
        x: Expr,
        v: (Vec<Element>, Span),
        lbrace: usize,
        l: usize,
        r: usize,
    ) -> PResult<Expr> {
        match expr_to_type(&x) {
            Some(t)
                if matches!(
                    t.kind,
                    TypeExprKind::Name(_) | TypeExprKind::Qualified(..) | TypeExprKind::Generic(..)
                ) =>
            {
                Ok(composite(Some(t), v, l, r))
            }
            _ => fail(
                Span::new(lbrace, lbrace + 1),
                "syntax error: unexpected { at end of statement",
            ),
        }
    }

    /// Reads an expression as a type, where its shape allows.
    pub fn expr_to_type(e: &Expr) -> Option<TypeExpr> {
        let kind = match &e.kind {
            ExprKind::Ident(n) => TypeExprKind::Name(Ident {
                name: n.clone(),
                span: e.span,
            }),
            ExprKind::Selector(x, n) => match &x.kind {
                ExprKind::Ident(p) => TypeExprKind::Qualified(
                    Ident {
                        name: p.clone(),
                        span: x.span,
                    },
                    n.clone(),
                ),
                _ => return None,
            },
            ExprKind::Index(x, args) => {
                let base = expr_to_type(x)?;
                let args = args.iter().map(expr_to_type).collect::<Option<Vec<_>>>()?;
                TypeExprKind::Generic(Box::new(base), args)
            }
            ExprKind::Unary(UnOp::Deref, x) => TypeExprKind::Pointer(Box::new(expr_to_type(x)?)),
            ExprKind::Paren(x) => expr_to_type(x)?.kind,
            ExprKind::Type(t) => t.kind.clone(),
            _ => return None,
        };
        Some(TypeExpr { kind, span: e.span })
    }

    /// Numbers the specs of a const group for `iota`.
    pub fn number_consts(mut specs: Vec<ConstSpec>) -> Vec<ConstSpec> {
        for (i, s) in specs.iter_mut().enumerate() {
            s.iota = i as u32;
        }
        specs
    }

    /// One entry of a parameter list before names and types are told apart.
    pub struct ParamEntry {
        pub name: Option<Ident>,
        pub ty: Option<TypeExpr>,
        pub variadic: bool,
        pub span: Span,
    }

    /// gc's rule: if any entry has a name and a type, every lone name is a parameter
    /// name sharing the type that follows it (`a, b int`); otherwise every lone name is
    /// a type (`func(int, string)`).
    pub fn resolve_params(entries: Vec<ParamEntry>) -> PResult<Vec<Param>> {
        let named = entries.iter().any(|e| e.name.is_some() && e.ty.is_some());
        if !named {
            return Ok(entries
                .into_iter()
                .map(|e| {
                    let ty = match (e.ty, e.name) {
                        (Some(t), _) => t,
                        (None, Some(n)) => TypeExpr {
                            span: n.span,
                            kind: TypeExprKind::Name(n),
                        },
                        (None, None) => TypeExpr {
                            span: e.span,
                            kind: TypeExprKind::Interface(Vec::new()),
                        },
                    };
                    Param {
                        name: None,
                        ty,
                        variadic: e.variadic,
                        span: e.span,
                    }
                })
                .collect());
        }
        let mut params = Vec::with_capacity(entries.len());
        let mut pending: Vec<Ident> = Vec::new();
        for e in entries {
            match (e.name, e.ty) {
                (Some(n), None) => pending.push(n),
                (Some(n), Some(t)) => {
                    for p in pending.drain(..) {
                        params.push(Param {
                            span: p.span.to(t.span),
                            name: Some(p),
                            ty: t.clone(),
                            variadic: e.variadic,
                        });
                    }
                    params.push(Param {
                        name: Some(n),
                        ty: t,
                        variadic: e.variadic,
                        span: e.span,
                    });
                }
                (None, _) => {
                    return fail(e.span, "syntax error: mixed named and unnamed parameters")
                }
            }
        }
        if let Some(p) = pending.first() {
            return fail(p.span, "syntax error: mixed named and unnamed parameters");
        }
        Ok(params)
    }

    pub fn receiver(mut params: Vec<Param>, span: Span) -> PResult<Param> {
        match params.len() {
            1 => Ok(params.remove(0)),
            0 => fail(span, "method has no receiver"),
            _ => fail(params[1].span, "method has multiple receivers"),
        }
    }

    /// `a, b := x, y`: the left side must be names.
    pub fn define(src: &str, lhs: Vec<Expr>, rhs: Vec<Expr>, l: usize, r: usize) -> PResult<Stmt> {
        let mut names = Vec::with_capacity(lhs.len());
        for e in lhs {
            match e.kind {
                ExprKind::Ident(name) => names.push(Ident { name, span: e.span }),
                _ => {
                    let text = src
                        .get(e.span.lo as usize..e.span.hi as usize)
                        .unwrap_or("");
                    return fail(e.span, format!("non-name {text} on left side of :="));
                }
            }
        }
        Ok(stmt(StmtKind::Define { lhs: names, rhs }, l, r))
    }

    /// The header of `if` or `switch`: `[init ;] [main]`.
    pub struct Header {
        pub init: Option<Stmt>,
        /// The span of the `;` (or inserted semicolon) when there is one.
        pub semi: Option<Span>,
        pub main: Option<Stmt>,
    }

    /// The position of a simple statement as gc reports it: its operator (`:=`, `=`,
    /// `+=`, `++`), which follows the left-hand side.
    fn op_pos(src: &str, kind: &StmtKind, span: Span) -> Span {
        let lhs_end = match kind {
            StmtKind::Define { lhs, .. } => lhs.last().map(|i| i.span.hi),
            StmtKind::Assign { lhs, .. } => lhs.last().map(|e| e.span.hi),
            StmtKind::IncDec { target, .. } => Some(target.span.hi),
            StmtKind::Send(ch, _) => Some(ch.span.hi),
            _ => None,
        };
        let Some(end) = lhs_end else {
            return span;
        };
        let rest = src.get(end as usize..).unwrap_or("");
        let skip = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let at = end as usize + skip;
        Span::new(at, at + 1)
    }

    fn text(src: &str, span: Span) -> &str {
        src.get(span.lo as usize..span.hi as usize).unwrap_or("")
    }

    /// gc's `cannot use x := 0 as value`, for a statement where a condition or tag was
    /// expected.
    fn not_a_value<T>(src: &str, kind: &StmtKind, span: Span) -> PResult<T> {
        let emphasize = |es: &[Expr]| {
            let span = es[0].span.to(es[es.len() - 1].span);
            let simple = es.len() == 1
                && matches!(
                    es[0].kind,
                    ExprKind::Ident(_)
                        | ExprKind::Int(_)
                        | ExprKind::Float(_)
                        | ExprKind::Rune(_)
                        | ExprKind::Str(_)
                );
            if simple {
                text(src, span).to_string()
            } else {
                format!("({})", text(src, span))
            }
        };
        let what = match kind {
            StmtKind::Define { lhs, rhs } if !lhs.is_empty() && !rhs.is_empty() => {
                let l: Vec<Expr> = lhs
                    .iter()
                    .map(|i| Expr {
                        kind: ExprKind::Ident(i.name.clone()),
                        span: i.span,
                    })
                    .collect();
                format!("assignment {} := {}", emphasize(&l), emphasize(rhs))
            }
            _ => text(src, span).to_string(),
        };
        fail(
            op_pos(src, kind, span),
            format!("syntax error: cannot use {what} as value"),
        )
    }

    pub type IfHeader = (Option<Box<Stmt>>, Expr);

    pub fn if_header(src: &str, h: Option<Header>, lbrace: Span) -> PResult<IfHeader> {
        let Some(h) = h else {
            return fail(lbrace, "syntax error: missing condition in if statement");
        };
        match h.main {
            Some(Stmt {
                kind: StmtKind::Expr(cond),
                ..
            }) => Ok((h.init.map(Box::new), cond)),
            Some(s) => not_a_value(src, &s.kind, s.span),
            None => {
                let semi = h.semi.unwrap_or(lbrace);
                if text(src, semi) == ";" {
                    fail(semi, "syntax error: missing condition in if statement")
                } else {
                    fail(semi, "unexpected newline, expected { after if clause")
                }
            }
        }
    }

    pub fn for_post(src: &str, post: Option<Stmt>) -> PResult<Option<Stmt>> {
        match post {
            Some(s) if matches!(s.kind, StmtKind::Define { .. }) => fail(
                op_pos(src, &s.kind, s.span),
                "syntax error: cannot declare in post statement of for loop",
            ),
            p => Ok(p),
        }
    }

    pub fn for_range(
        lhs: Vec<Expr>,
        define: bool,
        range: Expr,
        body: Block,
        l: usize,
        r: usize,
    ) -> PResult<Stmt> {
        if lhs.len() > 2 {
            return fail(
                lhs[2].span,
                "range clause permits at most two iteration variables",
            );
        }
        let mut it = lhs.into_iter();
        let key = it.next();
        let value = it.next();
        Ok(stmt(
            StmtKind::ForRange {
                key,
                value,
                define,
                range,
                body,
            },
            l,
            r,
        ))
    }

    pub fn switch_stmt(
        src: &str,
        guards: &RefCell<Vec<Span>>,
        h: Option<Header>,
        cases: Vec<CaseClause>,
        l: usize,
        r: usize,
    ) -> PResult<Stmt> {
        let (init, main) = match h {
            Some(h) => (h.init.map(Box::new), h.main),
            None => (None, None),
        };
        let claim = |span: Span| guards.borrow_mut().retain(|s| *s != span);
        let kind = match main {
            None => StmtKind::Switch {
                init,
                tag: None,
                cases,
            },
            Some(Stmt { kind, span }) => match kind {
                StmtKind::Expr(Expr {
                    kind: ExprKind::TypeAssert(x, None),
                    span,
                }) => {
                    claim(span);
                    StmtKind::TypeSwitch {
                        init,
                        bind: None,
                        subject: *x,
                        cases,
                    }
                }
                StmtKind::Expr(e) => StmtKind::Switch {
                    init,
                    tag: Some(e),
                    cases,
                },
                StmtKind::Define { mut lhs, mut rhs }
                    if lhs.len() == 1
                        && rhs.len() == 1
                        && matches!(rhs[0].kind, ExprKind::TypeAssert(_, None)) =>
                {
                    let guard = rhs.remove(0);
                    claim(guard.span);
                    let subject = match guard.kind {
                        ExprKind::TypeAssert(x, None) => *x,
                        _ => guard,
                    };
                    StmtKind::TypeSwitch {
                        init,
                        bind: Some(lhs.remove(0)),
                        subject,
                        cases,
                    }
                }
                kind => return not_a_value(src, &kind, span),
            },
        };
        Ok(stmt(kind, l, r))
    }
}
