//! Compile errors with a source position, rendered the way gc prints them plus the
//! source line and a caret:
//!
//! ```text
//! prog.go:12:2: goroutines are not supported
//!     go f()
//!     ^
//! ```
//!
//! (the source line and the caret are indented by a tab).
//!
//! Columns count bytes from 1, as gc's do (a tab is one column). The rendering is a dozen
//! lines, so it is written here rather than bent out of a general diagnostics crate whose
//! layout differs from gc's.

use crate::ast::Span;
use std::fmt::Write as _;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Span,
    pub message: String,
    /// A position gc appends to the message: `method T.M already declared at f.go:5:12`.
    pub at: Option<Span>,
    /// Secondary positions gc prints on their own lines after the message, indented by
    /// a tab: `\tf.go:6:2: other declaration of x`.
    pub related: Vec<(Span, String)>,
}

impl Diagnostic {
    /// A construct outside the subset: by the checker's one convention its message
    /// ends `is not supported` / `are not supported` (`maps are not supported`).
    pub fn is_unsupported(&self) -> bool {
        self.message.ends_with(" not supported")
    }

    pub fn new(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
            at: None,
            related: Vec::new(),
        }
    }

    /// The message with its `at` position and related lines, as gc prints it.
    fn full_message(&self, file: &str, index: &LineIndex, src: &str) -> String {
        let pos = |span: Span| {
            let (line, col) = index.line_col(span.lo.min(src.len() as u32));
            format!("{file}:{line}:{col}")
        };
        let mut m = self.message.clone();
        if let Some(at) = self.at {
            let _ = write!(m, " at {}", pos(at));
        }
        for (span, note) in &self.related {
            let _ = write!(m, "\n\t{}: {note}", pos(*span));
        }
        m
    }
}

/// Maps byte offsets to 1-based lines and columns.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// The byte offset at which each line starts.
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }

    /// The 1-based (line, column) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, offset - self.starts[line] + 1)
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text<'a>(&self, src: &'a str, line: u32) -> &'a str {
        let i = (line - 1) as usize;
        let start = self.starts[i] as usize;
        let end = self
            .starts
            .get(i + 1)
            .map(|&s| s as usize - 1)
            .unwrap_or(src.len());
        src.get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }
}

/// How many errors gc reports before it gives up with `too many errors`.
pub const MAX_ERRORS: usize = 10;

/// gc's selection and order of errors, from diagnostics in the order they were found:
/// exact repeats dropped, the first `limit` (gc: `MAX_ERRORS`) kept and sorted by
/// position, and, if more were found, a `too many errors` line at the position of the
/// last one kept (gc stops at the tenth error it reports, prints what it has sorted,
/// then that line).
pub fn gc_order(diags: Vec<Diagnostic>, limit: usize) -> Vec<Diagnostic> {
    let mut kept: Vec<Diagnostic> = Vec::new();
    let mut more = false;
    for d in diags {
        if kept.contains(&d) {
            continue;
        }
        if kept.len() == limit {
            more = true;
            break;
        }
        kept.push(d);
    }
    let last = kept.last().map(|d| d.span);
    kept.sort_by_key(|d| d.span.lo);
    if let (true, Some(span)) = (more, last) {
        kept.push(Diagnostic::new(span, "too many errors"));
    }
    kept
}

/// Renders diagnostics in source order as `file:line:col: message`, each followed by its
/// source line and a caret under the column.
pub fn render(file: &str, src: &str, diags: &[Diagnostic]) -> String {
    let index = LineIndex::new(src);
    let mut out = String::new();
    for d in diags {
        let offset = d.span.lo.min(src.len() as u32);
        let (line, col) = index.line_col(offset);
        let _ = writeln!(
            out,
            "{file}:{line}:{col}: {}",
            d.full_message(file, &index, src)
        );
        let text = index.line_text(src, line);
        // Keep tabs so the caret lines up under the same indentation.
        let pad: String = text
            .bytes()
            .take(col as usize - 1)
            .map(|b| if b == b'\t' { '\t' } else { ' ' })
            .collect();
        let _ = writeln!(out, "\t{text}\n\t{pad}^");
    }
    out
}

/// Renders only the `file:line:col: message` lines (what gc prints).
pub fn render_short(file: &str, src: &str, diags: &[Diagnostic]) -> String {
    let index = LineIndex::new(src);
    let mut out = String::new();
    for d in diags {
        let (line, col) = index.line_col(d.span.lo.min(src.len() as u32));
        let _ = writeln!(
            out,
            "{file}:{line}:{col}: {}",
            d.full_message(file, &index, src)
        );
    }
    out
}
