//! The lexer: Go's full token set, scanned by logos, plus the wrapper that makes it a
//! token stream for the parser.
//!
//! The logos-generated scanner produces raw tokens including newlines and comments.
//! [`Lexer`] turns them into what the grammar sees:
//!
//! - Go's automatic semicolons: after a line's final token when that token is an
//!   identifier, a literal, one of the keywords `break continue fallthrough return`, or
//!   one of `++ -- ) ] }`; a block comment that spans lines counts as a newline; and at
//!   end of file. An inserted semicolon's span covers the newline (zero-width at EOF), so
//!   syntax errors can name it `newline` or `EOF` the way gc does.
//! - Lexical errors (bad characters, unterminated literals, bad escapes or digits) become
//!   diagnostics in gc's wording instead of ending the token stream. As in gc's scanner,
//!   a bad character is reported and skipped, and a malformed literal is still returned
//!   as a literal, so parsing goes on and later syntax errors are found too.
//! - `//go:` directive comments are collected with their offsets so that the parser can
//!   attach them to the function declaration that follows.

use crate::ast::Span;
use crate::diag::Diagnostic;
use logos::Logos;

/// A token as the parser sees it. Literal payloads are already decoded: strings to
/// bytes, runes to code points; numbers stay as written.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(extras = Vec<Diagnostic>)]
#[logos(skip r"[ \t\r\f]+")]
pub enum Tok {
    #[regex(r"[_\p{L}][_\p{L}\p{Nd}]*", |lex| lex.slice().to_string())]
    Ident(String),
    #[regex(r"[0-9][0-9_]*", number)]
    #[regex(r"0[xX][0-9a-fA-F_]*", number)]
    #[regex(r"0[oObB][0-9_]*", number)]
    Int(String),
    /// Floating-point and imaginary literals, kept so the checker can reject them.
    #[regex(r"[0-9][0-9_]*\.[0-9_]*([eE][+-]?[0-9_]*)?i?", number)]
    #[regex(r"\.[0-9][0-9_]*([eE][+-]?[0-9_]*)?i?", number)]
    #[regex(r"[0-9][0-9_]*[eE][+-]?[0-9_]*i?", number)]
    #[regex(r"0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?[pP][+-]?[0-9_]*i?", number)]
    #[regex(r"0[xX][0-9a-fA-F_]*\.[0-9a-fA-F_]*i?", number)]
    #[regex(r"[0-9][0-9_]*i", number)]
    #[regex(r"0[xXoObB][0-9a-fA-F_]*i", number)]
    Float(String),
    #[token("'", rune_lit)]
    Rune(u32),
    #[token("\"", interpreted_string)]
    #[token("`", raw_string)]
    Str(Vec<u8>),

    #[token("break")]
    Break,
    #[token("case")]
    Case,
    #[token("chan")]
    Chan,
    #[token("const")]
    Const,
    #[token("continue")]
    Continue,
    #[token("default")]
    Default,
    #[token("defer")]
    Defer,
    #[token("else")]
    Else,
    #[token("fallthrough")]
    Fallthrough,
    #[token("for")]
    For,
    #[token("func")]
    Func,
    #[token("go")]
    Go,
    #[token("goto")]
    Goto,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("interface")]
    Interface,
    #[token("map")]
    Map,
    #[token("package")]
    Package,
    #[token("range")]
    Range,
    #[token("return")]
    Return,
    #[token("select")]
    Select,
    #[token("struct")]
    Struct,
    #[token("switch")]
    Switch,
    #[token("type")]
    Type,
    #[token("var")]
    Var,

    #[token("+")]
    Add,
    #[token("-")]
    Sub,
    #[token("*")]
    Mul,
    #[token("/")]
    Quo,
    #[token("%")]
    Rem,
    #[token("&")]
    And,
    #[token("|")]
    Or,
    #[token("^")]
    Xor,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("&^")]
    AndNot,
    #[token("+=")]
    AddAssign,
    #[token("-=")]
    SubAssign,
    #[token("*=")]
    MulAssign,
    #[token("/=")]
    QuoAssign,
    #[token("%=")]
    RemAssign,
    #[token("&=")]
    AndAssign,
    #[token("|=")]
    OrAssign,
    #[token("^=")]
    XorAssign,
    #[token("<<=")]
    ShlAssign,
    #[token(">>=")]
    ShrAssign,
    #[token("&^=")]
    AndNotAssign,
    #[token("&&")]
    LAnd,
    #[token("||")]
    LOr,
    #[token("<-")]
    Arrow,
    #[token("++")]
    Inc,
    #[token("--")]
    Dec,
    #[token("==")]
    Eql,
    #[token("<")]
    Lss,
    #[token(">")]
    Gtr,
    #[token("=")]
    Assign,
    #[token("!")]
    Not,
    #[token("~")]
    Tilde,
    #[token("!=")]
    Neq,
    #[token("<=")]
    Leq,
    #[token(">=")]
    Geq,
    #[token(":=")]
    Define,
    #[token("...")]
    Ellipsis,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("[")]
    LBrack,
    #[token("]")]
    RBrack,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    /// An explicit `;` or one inserted at a newline or at EOF.
    #[token(";")]
    Semi,
    #[token(".")]
    Period,
    #[token(":")]
    Colon,

    /// Consumed by [`Lexer`]; never reaches the parser.
    #[token("\n")]
    Newline,
    /// A `//` comment up to (not including) the newline. Consumed by [`Lexer`].
    #[regex(r"//[^\n]*", allow_greedy = true)]
    LineComment,
    /// A `/* */` comment; `true` when it spans lines. Consumed by [`Lexer`].
    #[token("/*", block_comment)]
    BlockComment(bool),
}

impl Tok {
    /// Whether a newline after this token inserts a semicolon.
    fn ends_statement(&self) -> bool {
        matches!(
            self,
            Tok::Ident(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Rune(_)
                | Tok::Str(_)
                | Tok::Break
                | Tok::Continue
                | Tok::Fallthrough
                | Tok::Return
                | Tok::Inc
                | Tok::Dec
                | Tok::RParen
                | Tok::RBrack
                | Tok::RBrace
        )
    }

    /// Whether the token is a keyword (gc calls it `keyword X` in messages).
    pub fn is_keyword(&self) -> bool {
        matches!(
            self,
            Tok::Break
                | Tok::Case
                | Tok::Chan
                | Tok::Const
                | Tok::Continue
                | Tok::Default
                | Tok::Defer
                | Tok::Else
                | Tok::Fallthrough
                | Tok::For
                | Tok::Func
                | Tok::Go
                | Tok::Goto
                | Tok::If
                | Tok::Import
                | Tok::Interface
                | Tok::Map
                | Tok::Package
                | Tok::Range
                | Tok::Return
                | Tok::Select
                | Tok::Struct
                | Tok::Switch
                | Tok::Type
                | Tok::Var
        )
    }
}

fn push_err(lex: &mut logos::Lexer<'_, Tok>, offset: usize, msg: String) {
    lex.extras
        .push(Diagnostic::new(Span::new(offset, offset + 1), msg));
}

/// Validates a number literal the way gc's scanner does and returns it as written.
fn number(lex: &mut logos::Lexer<'_, Tok>) -> String {
    let text = lex.slice().to_string();
    if let Some((at, msg)) = number_error(&text) {
        let start = lex.span().start;
        push_err(lex, start + at, msg);
    }
    text
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        10 => "decimal",
        _ => "hexadecimal",
    }
}

/// gc's `scanner.number` checks, run over a complete literal. Returns the offset within
/// the literal and the message of the first problem.
fn number_error(lit: &str) -> Option<(usize, String)> {
    let b = lit.as_bytes();
    let mut i = 0;
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut base = 10;
    let mut prefix = 0u8;
    let mut digsep = 0;
    let mut invalid: Option<usize> = None;
    let mut is_float = false;
    let digits = |i: &mut usize, base: u32, invalid: &mut Option<usize>| -> i32 {
        let mut ds = 0;
        loop {
            let c = at(*i);
            if c == b'_' {
                ds |= 2;
            } else if base <= 10 && c.is_ascii_digit() {
                if (c - b'0') as u32 >= base && invalid.is_none() {
                    *invalid = Some(*i);
                }
                ds |= 1;
            } else if base > 10 && c.is_ascii_hexdigit() {
                ds |= 1;
            } else {
                return ds;
            }
            *i += 1;
        }
    };
    let mut seen_point = at(0) == b'.';
    if seen_point {
        i = 1;
    } else {
        if at(0) == b'0' {
            i = 1;
            match at(1).to_ascii_lowercase() {
                b'x' => (base, prefix, i) = (16, b'x', 2),
                b'o' => (base, prefix, i) = (8, b'o', 2),
                b'b' => (base, prefix, i) = (2, b'b', 2),
                _ => {
                    (base, prefix) = (8, b'0');
                    digsep = 1;
                }
            }
        }
        digsep |= digits(&mut i, base, &mut invalid);
        if at(i) == b'.' {
            if prefix == b'o' || prefix == b'b' {
                return Some((
                    i,
                    format!("invalid radix point in {} literal", base_name(base)),
                ));
            }
            i += 1;
            seen_point = true;
        }
    }
    if seen_point {
        is_float = true;
        digsep |= digits(&mut i, base, &mut invalid);
    }
    if digsep & 1 == 0 {
        return Some((i, format!("{} literal has no digits", base_name(base))));
    }
    let e = at(i).to_ascii_lowercase();
    if e == b'e' || e == b'p' {
        if e == b'e' && prefix != 0 && prefix != b'0' {
            return Some((
                i,
                format!("'{}' exponent requires decimal mantissa", at(i) as char),
            ));
        }
        if e == b'p' && prefix != b'x' {
            return Some((
                i,
                format!("'{}' exponent requires hexadecimal mantissa", at(i) as char),
            ));
        }
        i += 1;
        is_float = true;
        if at(i) == b'+' || at(i) == b'-' {
            i += 1;
        }
        let mut none = None;
        digsep = digits(&mut i, 10, &mut none) | (digsep & 2);
        if digsep & 1 == 0 {
            return Some((i, "exponent has no digits".to_string()));
        }
    } else if prefix == b'x' && is_float {
        return Some((
            i,
            "hexadecimal mantissa requires a 'p' exponent".to_string(),
        ));
    }
    if at(i) == b'i' {
        is_float = true;
    }
    if !is_float {
        if let Some(k) = invalid {
            return Some((
                k,
                format!(
                    "invalid digit '{}' in {} literal",
                    b[k] as char,
                    base_name(base)
                ),
            ));
        }
    }
    if digsep & 2 != 0 {
        if let Some(k) = invalid_sep(b) {
            return Some((k, "'_' must separate successive digits".to_string()));
        }
    }
    None
}

/// gc's `invalidSep`: the index of the first `_` that does not separate two digits.
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1].to_ascii_lowercase();
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    if d == b'_' {
        return Some(x.len() - 1);
    }
    None
}

/// One decoded escape sequence, or an error (offset within the escape and message) in
/// gc's words. `Eof` leaves the complaint to the caller, which reports the unterminated
/// literal.
enum Escape {
    /// A byte (`\xNN`, octal) or a code point (everything else).
    Byte(u8),
    Char(u32),
    Eof,
    Bad(usize, String),
}

fn escape(rest: &str, quote: char) -> (usize, Escape) {
    let mut chars = rest.char_indices();
    let Some((_, c)) = chars.next() else {
        return (0, Escape::Eof);
    };
    let simple = match c {
        'a' => Some(7),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(10),
        'r' => Some(13),
        't' => Some(9),
        'v' => Some(11),
        '\\' => Some(b'\\' as u32),
        _ if c == quote => Some(c as u32),
        _ => None,
    };
    if let Some(v) = simple {
        return (1, Escape::Char(v));
    }
    let (n, base, max, start) = match c {
        '0'..='7' => (3, 8, 255, 0),
        'x' => (2, 16, 255, 1),
        'u' => (4, 16, 0x10FFFF, 1),
        'U' => (8, 16, 0x10FFFF, 1),
        _ => return (c.len_utf8(), Escape::Bad(0, "unknown escape".to_string())),
    };
    let bytes = rest.as_bytes();
    let mut x: u32 = 0;
    let mut i = start;
    for _ in 0..n {
        let Some(&ch) = bytes.get(i) else {
            return (i, Escape::Eof);
        };
        let d = match ch {
            b'0'..=b'9' => (ch - b'0') as u32,
            b'a'..=b'f' => (ch - b'a') as u32 + 10,
            b'A'..=b'F' => (ch - b'A') as u32 + 10,
            _ => base,
        };
        if d >= base {
            let shown = rest[i..].chars().next().unwrap_or('?');
            let name = if base == 8 { "octal" } else { "hexadecimal" };
            return (
                i,
                Escape::Bad(i, format!("invalid character {shown:?} in {name} escape")),
            );
        }
        x = x.wrapping_mul(base).wrapping_add(d);
        i += 1;
    }
    if x > max && base == 8 {
        return (i, Escape::Bad(i, format!("octal escape value {x} > 255")));
    }
    if x > max || (0xD800..0xE000).contains(&x) {
        return (
            i,
            Escape::Bad(
                i,
                format!("escape is invalid Unicode code point {}", fmt_u(x)),
            ),
        );
    }
    if c == 'u' || c == 'U' {
        (i, Escape::Char(x))
    } else {
        (i, Escape::Byte(x as u8))
    }
}

/// Go's `%#U`: `U+0040 '@'`, or just `U+0000` for unprintable code points.
pub fn fmt_u(x: u32) -> String {
    match char::from_u32(x) {
        Some(c) if !c.is_control() && !c.is_whitespace() || c == ' ' => {
            format!("U+{x:04X} '{c}'")
        }
        _ => format!("U+{x:04X}"),
    }
}

fn push_char(out: &mut Vec<u8>, c: u32) {
    let c = char::from_u32(c).unwrap_or('\u{FFFD}');
    let mut buf = [0; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

fn interpreted_string(lex: &mut logos::Lexer<'_, Tok>) -> Vec<u8> {
    let start = lex.span().start;
    let rest = lex.remainder();
    let mut out = Vec::new();
    let mut i = 0;
    let mut errs = Vec::new();
    let consumed = loop {
        let Some(c) = rest[i..].chars().next() else {
            errs.push((start, "string literal not terminated".to_string()));
            break i;
        };
        match c {
            '"' => break i + 1,
            '\n' => {
                errs.push((start + 1 + i, "newline in string".to_string()));
                break i;
            }
            '\\' => {
                let (n, e) = escape(&rest[i + 1..], '"');
                match e {
                    Escape::Byte(b) => out.push(b),
                    Escape::Char(c) => push_char(&mut out, c),
                    Escape::Eof => {}
                    Escape::Bad(at, msg) => errs.push((start + 2 + i + at, msg)),
                }
                i += 1 + n;
            }
            _ => {
                out.extend_from_slice(c.to_string().as_bytes());
                i += c.len_utf8();
            }
        }
    };
    lex.bump(consumed);
    for (at, msg) in errs {
        push_err(lex, at, msg);
    }
    out
}

fn raw_string(lex: &mut logos::Lexer<'_, Tok>) -> Vec<u8> {
    let start = lex.span().start;
    let rest = lex.remainder();
    let (body, consumed) = match rest.find('`') {
        Some(k) => (&rest[..k], k + 1),
        None => {
            let len = rest.len();
            push_err(lex, start, "raw string literal not terminated".to_string());
            (&rest[..len], len)
        }
    };
    let out: Vec<u8> = body.bytes().filter(|&b| b != b'\r').collect();
    lex.bump(consumed);
    out
}

fn rune_lit(lex: &mut logos::Lexer<'_, Tok>) -> u32 {
    let start = lex.span().start;
    let rest = lex.remainder();
    let mut i = 0;
    let mut n = 0;
    let mut value = 0u32;
    let mut err: Option<(usize, String)> = None;
    let consumed = loop {
        let Some(c) = rest[i..].chars().next() else {
            if err.is_none() {
                err = Some((start, "rune literal not terminated".to_string()));
            }
            break i;
        };
        match c {
            '\'' => {
                if err.is_none() {
                    if n == 0 {
                        err = Some((
                            start + 1 + i,
                            "empty rune literal or unescaped ' in rune literal".to_string(),
                        ));
                    } else if n != 1 {
                        err = Some((start, "more than one character in rune literal".to_string()));
                    }
                }
                break i + 1;
            }
            '\n' => {
                if err.is_none() {
                    err = Some((start + 1 + i, "newline in rune literal".to_string()));
                }
                break i;
            }
            '\\' => {
                let (k, e) = escape(&rest[i + 1..], '\'');
                match e {
                    Escape::Byte(b) => value = b as u32,
                    Escape::Char(c) => value = c,
                    Escape::Eof => {}
                    Escape::Bad(at, msg) => {
                        if err.is_none() {
                            err = Some((start + 2 + i + at, msg));
                        }
                    }
                }
                i += 1 + k;
                n += 1;
            }
            _ => {
                value = c as u32;
                i += c.len_utf8();
                n += 1;
            }
        }
    };
    lex.bump(consumed);
    if let Some((at, msg)) = err {
        push_err(lex, at, msg);
    }
    value
}

fn block_comment(lex: &mut logos::Lexer<'_, Tok>) -> bool {
    let rest = lex.remainder();
    match rest.find("*/") {
        Some(k) => {
            let multiline = rest[..k].contains('\n');
            lex.bump(k + 2);
            multiline
        }
        None => {
            let start = lex.span().start;
            let len = rest.len();
            lex.bump(len);
            push_err(lex, start, "comment not terminated".to_string());
            true
        }
    }
}

/// The token stream the parser consumes: `(lo, token, hi)` triples with semicolons
/// inserted. Lexical diagnostics and `//go:` directives are collected on the side.
pub struct Lexer<'src> {
    inner: logos::Lexer<'src, Tok>,
    src: &'src str,
    /// Whether the previous token allows a semicolon to be inserted after it.
    semi_pending: bool,
    done: bool,
    /// Lexical errors in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// `//go:xxx` comments: the comment's offset and its text without the `//`.
    pub directives: Vec<(usize, String)>,
}

impl<'src> Lexer<'src> {
    pub fn new(src: &'src str) -> Lexer<'src> {
        Lexer {
            inner: Tok::lexer(src),
            src,
            semi_pending: false,
            done: false,
            diagnostics: Vec::new(),
            directives: Vec::new(),
        }
    }

    fn drain_extras(&mut self) {
        if !self.inner.extras.is_empty() {
            self.diagnostics.append(&mut self.inner.extras);
        }
    }
}

pub type Spanned = (usize, Tok, usize);

impl Iterator for Lexer<'_> {
    type Item = Result<Spanned, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let Some(res) = self.inner.next() else {
                self.done = true;
                if self.semi_pending {
                    self.semi_pending = false;
                    let end = self.src.len();
                    return Some(Ok((end, Tok::Semi, end)));
                }
                return None;
            };
            let span = self.inner.span();
            self.drain_extras();
            let tok = match res {
                Ok(t) => t,
                Err(()) => {
                    // Reported and skipped, keeping the semicolon state, as gc does.
                    let c = self.src[span.start..].chars().next().unwrap_or('\0');
                    let msg = format!("invalid character {}", fmt_u(c as u32));
                    let msg = if c == '\u{FEFF}' {
                        "invalid BOM in the middle of the file".to_string()
                    } else {
                        msg
                    };
                    self.diagnostics
                        .push(Diagnostic::new(Span::new(span.start, span.end), msg));
                    continue;
                }
            };
            match tok {
                Tok::Newline | Tok::BlockComment(true) => {
                    if self.semi_pending {
                        self.semi_pending = false;
                        return Some(Ok((span.start, Tok::Semi, span.start + 1)));
                    }
                }
                Tok::BlockComment(false) => {}
                Tok::LineComment => {
                    let text = &self.src[span.start..span.end];
                    if let Some(d) = text.strip_prefix("//") {
                        if d.starts_with("go:") {
                            self.directives
                                .push((span.start, d.trim_end_matches('\r').to_string()));
                        }
                    }
                }
                tok => {
                    self.semi_pending = tok.ends_statement();
                    return Some(Ok((span.start, tok, span.end)));
                }
            }
        }
    }
}

/// Lexes a whole file into tokens (with semicolons); for tests and tools.
pub fn tokenize(src: &str) -> (Vec<Spanned>, Vec<Diagnostic>) {
    let mut lexer = Lexer::new(src);
    let toks: Vec<Spanned> = lexer.by_ref().filter_map(Result::ok).collect();
    (toks, lexer.diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        tokenize(src).0.into_iter().map(|t| t.1).collect()
    }

    fn errs(src: &str) -> Vec<String> {
        tokenize(src).1.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn semicolons() {
        assert_eq!(
            toks("x++\nreturn\n}"),
            vec![
                Tok::Ident("x".into()),
                Tok::Inc,
                Tok::Semi,
                Tok::Return,
                Tok::Semi,
                Tok::RBrace,
                Tok::Semi
            ]
        );
        assert_eq!(toks("a /* x\n */ b"), toks("a\nb"));
        assert_eq!(toks("a /* x */ b").len(), 3);
        assert_eq!(toks("f(\n)").len(), 4);
    }

    #[test]
    fn literals() {
        assert_eq!(
            toks(r#""a\n\x41\101\u00e9\U0001F600\"\\""#)[0],
            Tok::Str("a\nAAé😀\"\\".as_bytes().to_vec())
        );
        assert_eq!(toks("`a\r\nb`")[0], Tok::Str(b"a\nb".to_vec()));
        assert_eq!(toks(r"'\n'")[0], Tok::Rune(10));
        assert_eq!(toks(r"'\x41'")[0], Tok::Rune(65));
        assert_eq!(toks("'世'")[0], Tok::Rune('世' as u32));
        assert_eq!(toks("0x_FF")[0], Tok::Int("0x_FF".into()));
        assert_eq!(toks("1.5e3")[0], Tok::Float("1.5e3".into()));
        assert_eq!(toks("2i")[0], Tok::Float("2i".into()));
        assert_eq!(toks(".5")[0], Tok::Float(".5".into()));
        assert_eq!(toks("x...")[1], Tok::Ellipsis);
        assert_eq!(toks("a &^= b")[1], Tok::AndNotAssign);
    }

    #[test]
    fn errors() {
        assert_eq!(errs("@"), vec!["invalid character U+0040 '@'"]);
        assert_eq!(errs("\"abc"), vec!["string literal not terminated"]);
        assert_eq!(errs("\"abc\nx"), vec!["newline in string"]);
        assert_eq!(errs("'a"), vec!["rune literal not terminated"]);
        assert_eq!(
            errs("'ab'"),
            vec!["more than one character in rune literal"]
        );
        assert_eq!(errs(r#""\q""#), vec!["unknown escape"]);
        assert_eq!(errs("0b102"), vec!["invalid digit '2' in binary literal"]);
        assert_eq!(errs("1__0"), vec!["'_' must separate successive digits"]);
        assert_eq!(errs("0x"), vec!["hexadecimal literal has no digits"]);
        assert_eq!(errs("09"), vec!["invalid digit '9' in octal literal"]);
        assert!(errs("09.5").is_empty());
        assert_eq!(errs("/* x"), vec!["comment not terminated"]);
    }

    #[test]
    fn directives() {
        let mut l = Lexer::new("//go:noinline\nfunc f() {}\n// go:not\n");
        let _ = l.by_ref().count();
        assert_eq!(l.directives, vec![(0, "go:noinline".to_string())]);
    }
}
