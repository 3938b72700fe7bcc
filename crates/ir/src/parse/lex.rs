//! The lexer of the textual IR and a cursor over one line's tokens.

use super::{ParseError, Result};
use crate::entities::Value;
use crate::function::SrcLoc;
use crate::types::Type;
use crate::write::parse_type;
use std::fmt;
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Ident(String),
    Int(i64),
    Str(Vec<u8>),
    /// `@name` or `@"quoted name"`.
    Func(String),
    Punct(char),
    Arrow,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Ident(s) => write!(f, "`{s}`"),
            Tok::Int(i) => write!(f, "`{i}`"),
            Tok::Str(_) => write!(f, "a string"),
            Tok::Func(n) => write!(f, "`@{n}`"),
            Tok::Punct(c) => write!(f, "`{c}`"),
            Tok::Arrow => write!(f, "`->`"),
        }
    }
}

/// One non-blank line: its tokens with their columns and the comment, if any.
pub(super) struct Line {
    pub(super) no: u32,
    pub(super) toks: Vec<(Tok, u32)>,
    /// The text after `;` and the column of the `;`.
    pub(super) comment: Option<(String, u32)>,
    /// Column just past the last character, for "expected ... at end of line".
    pub(super) end: u32,
}

pub(super) fn lex_line(no: u32, text: &str) -> Result<Line> {
    let chars: Vec<char> = text.chars().collect();
    let err = |col: usize, message: String| ParseError {
        line: no,
        col: col as u32 + 1,
        message,
    };
    let mut toks = Vec::new();
    let mut comment = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == ';' {
            comment = Some((chars[i + 1..].iter().collect(), i as u32 + 1));
            break;
        }
        let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
        let tok = if c == '"' {
            let (bytes, next) = lex_string(&chars, i).map_err(|(col, m)| err(col, m))?;
            i = next;
            Tok::Str(bytes)
        } else if c == '@' {
            if chars.get(i + 1) == Some(&'"') {
                let (bytes, next) = lex_string(&chars, i + 1).map_err(|(col, m)| err(col, m))?;
                i = next;
                let name = String::from_utf8(bytes)
                    .map_err(|_| err(start, "function name is not UTF-8".into()))?;
                Tok::Func(name)
            } else {
                i += 1;
                while i < chars.len() && is_name(chars[i]) {
                    i += 1;
                }
                if i == start + 1 {
                    return Err(err(start, "expected a function name after `@`".into()));
                }
                Tok::Func(chars[start + 1..i].iter().collect())
            }
        } else if c == '-' && chars.get(i + 1) == Some(&'>') {
            i += 2;
            Tok::Arrow
        } else if c.is_ascii_digit()
            || (c == '-' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit()))
        {
            i += 1;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            let n = s
                .parse::<i64>()
                .map_err(|_| err(start, format!("integer {s} out of range")))?;
            Tok::Int(n)
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && is_name(chars[i]) {
                i += 1;
            }
            Tok::Ident(chars[start..i].iter().collect())
        } else if "(){},=:".contains(c) {
            i += 1;
            Tok::Punct(c)
        } else {
            return Err(err(start, format!("unexpected character {c:?}")));
        };
        toks.push((tok, start as u32 + 1));
    }
    Ok(Line {
        no,
        toks,
        comment,
        end: chars.len() as u32 + 1,
    })
}

/// Lexes a quoted string starting at `chars[at] == '"'`; returns the bytes and the
/// position after the closing quote.
fn lex_string(chars: &[char], at: usize) -> std::result::Result<(Vec<u8>, usize), (usize, String)> {
    let mut out = Vec::new();
    let mut i = at + 1;
    loop {
        let Some(&c) = chars.get(i) else {
            return Err((at, "unterminated string".into()));
        };
        i += 1;
        match c {
            '"' => return Ok((out, i)),
            '\\' => {
                let e = chars.get(i).copied();
                i += 1;
                match e {
                    Some('"') => out.push(b'"'),
                    Some('\\') => out.push(b'\\'),
                    Some('n') => out.push(b'\n'),
                    Some('t') => out.push(b'\t'),
                    Some('x') => {
                        let hex: String = chars.get(i..i + 2).unwrap_or(&[]).iter().collect();
                        let b = u8::from_str_radix(&hex, 16).map_err(|_| {
                            (i - 2, "expected two hex digits after \\x".to_string())
                        })?;
                        out.push(b);
                        i += 2;
                    }
                    _ => return Err((i - 2, "unknown escape".into())),
                }
            }
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// A cursor over one line's tokens.
pub(super) struct Cur<'a> {
    pub(super) line: &'a Line,
    pub(super) pos: usize,
}

impl<'a> Cur<'a> {
    pub(super) fn new(line: &'a Line) -> Cur<'a> {
        Cur { line, pos: 0 }
    }
    pub(super) fn peek(&self) -> Option<&'a Tok> {
        self.line.toks.get(self.pos).map(|(t, _)| t)
    }
    pub(super) fn peek2(&self) -> Option<&'a Tok> {
        self.line.toks.get(self.pos + 1).map(|(t, _)| t)
    }
    pub(super) fn col(&self) -> u32 {
        self.line
            .toks
            .get(self.pos)
            .map_or(self.line.end, |&(_, c)| c)
    }
    pub(super) fn err<T>(&self, message: impl Into<String>) -> Result<T> {
        Err(ParseError {
            line: self.line.no,
            col: self.col(),
            message: message.into(),
        })
    }
    pub(super) fn next(&mut self) -> Option<&'a Tok> {
        let t = self.peek();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }
    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.line.toks.len()
    }
    pub(super) fn end(&self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(t) => self.err(format!("unexpected {t}")),
        }
    }
    pub(super) fn is_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }
    pub(super) fn eat_punct(&mut self, c: char) -> bool {
        if self.is_punct(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    pub(super) fn punct(&mut self, c: char) -> Result<()> {
        if self.eat_punct(c) {
            Ok(())
        } else {
            self.expected(&format!("`{c}`"))
        }
    }
    pub(super) fn expected<T>(&self, what: &str) -> Result<T> {
        match self.peek() {
            Some(t) => self.err(format!("expected {what}, found {t}")),
            None => self.err(format!("expected {what} at the end of the line")),
        }
    }
    pub(super) fn ident(&mut self) -> Result<&'a str> {
        match self.peek() {
            Some(Tok::Ident(s)) => {
                self.pos += 1;
                Ok(s)
            }
            _ => self.expected("a name"),
        }
    }
    pub(super) fn keyword(&mut self, kw: &str) -> Result<()> {
        match self.peek() {
            Some(Tok::Ident(s)) if s == kw => {
                self.pos += 1;
                Ok(())
            }
            _ => self.expected(&format!("`{kw}`")),
        }
    }
    pub(super) fn string(&mut self) -> Result<&'a [u8]> {
        match self.peek() {
            Some(Tok::Str(b)) => {
                self.pos += 1;
                Ok(b)
            }
            _ => self.expected("a string"),
        }
    }
    pub(super) fn string_utf8(&mut self) -> Result<String> {
        let col = self.col();
        let b = self.string()?;
        String::from_utf8(b.to_vec()).map_err(|_| ParseError {
            line: self.line.no,
            col,
            message: "name is not UTF-8".into(),
        })
    }
    pub(super) fn ty(&mut self) -> Result<Type> {
        match self.peek() {
            Some(Tok::Ident(s)) => match parse_type(s) {
                Some(t) => {
                    self.pos += 1;
                    Ok(t)
                }
                None => self.err(format!("unknown type `{s}`")),
            },
            _ => self.expected("a type"),
        }
    }
    /// An entity name `<prefix><number>`.
    pub(super) fn entity(&mut self, prefix: &str) -> Result<u32> {
        match self.peek().and_then(|t| entity_number(t, prefix)) {
            Some(n) => {
                self.pos += 1;
                Ok(n)
            }
            None => self.expected(&format!("{prefix}N")),
        }
    }
    pub(super) fn value(&mut self) -> Result<Value> {
        Ok(Value::from_u32(self.entity("v")?))
    }
    /// A comma-separated list up to `close` (the opening delimiter already eaten).
    pub(super) fn list<T>(
        &mut self,
        close: char,
        mut item: impl FnMut(&mut Self) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        if self.eat_punct(close) {
            return Ok(out);
        }
        loop {
            out.push(item(self)?);
            if self.eat_punct(close) {
                return Ok(out);
            }
            self.punct(',')?;
        }
    }
}

pub(super) fn entity_number(t: &Tok, prefix: &str) -> Option<u32> {
    let Tok::Ident(s) = t else { return None };
    let digits = s.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A source position at the start of a comment (`; 12:5 ...`).
pub(super) fn comment_loc(line: &Line) -> SrcLoc {
    let Some((text, _)) = &line.comment else {
        return SrcLoc::default();
    };
    let word = text.split_whitespace().next().unwrap_or("");
    let Some((l, c)) = word.split_once(':') else {
        return SrcLoc::default();
    };
    match (l.parse(), c.parse()) {
        (Ok(line), Ok(col)) => SrcLoc { line, col },
        _ => SrcLoc::default(),
    }
}

/// A defer's `call L:C` after its position (the deferred call's `(`); the position
/// itself when absent.
pub(super) fn comment_call_loc(line: &Line) -> SrcLoc {
    let Some((text, _)) = &line.comment else {
        return SrcLoc::default();
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = match words.iter().position(|&w| w == "call") {
        Some(k) => words.get(k + 1).copied().unwrap_or(""),
        None => words.first().copied().unwrap_or(""),
    };
    match at.split_once(':').map(|(l, c)| (l.parse(), c.parse())) {
        Some((Ok(line), Ok(col))) => SrcLoc { line, col },
        _ => SrcLoc::default(),
    }
}

/// `var NAME` after the source position of an instruction's comment.
pub(super) fn comment_var(line: &Line) -> String {
    let Some((text, _)) = &line.comment else {
        return String::new();
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [_, "var", name @ ..] if !name.is_empty() => name.join(" "),
        _ => String::new(),
    }
}

pub(super) fn lex(text: &str) -> Result<Vec<Line>> {
    let mut lines = Vec::new();
    for (i, t) in text.lines().enumerate() {
        let line = lex_line(i as u32 + 1, t)?;
        if !line.toks.is_empty() {
            lines.push(line);
        }
    }
    Ok(lines)
}
