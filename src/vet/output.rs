//! How `deferlab vet` prints a report: go vet's plain text (`file:line:col: message`,
//! here followed by the fix on a tab-indented line), or with `-json` the JSON tree of
//! `x/tools/internal/analysis/driverutil.JSONTree` (package id, then analyzer name,
//! then the diagnostics; tab-indented, keys sorted, as Go's `json.MarshalIndent`).

use super::{Finding, Report};
use frontend::diag::LineIndex;
use serde::Serialize;
use std::collections::BTreeMap;

/// The package id go vet prints for files named on the command line.
pub const PKG: &str = "command-line-arguments";

/// The plain-text report: findings and cost lines in position order.
pub fn text(path: &str, src: &str, report: &Report) -> String {
    let index = LineIndex::new(src);
    let mut all: Vec<&Finding> = report.findings.iter().chain(&report.costs).collect();
    all.sort_by_key(|f| f.span.lo);
    let mut out = String::new();
    for f in all {
        let (line, col) = index.line_col(f.span.lo);
        out += &format!("{path}:{line}:{col}: {}\n", f.message);
        if !f.fix.is_empty() {
            out += &format!("\tsuggested fix: {}\n", f.fix);
        }
    }
    out
}

#[derive(Serialize)]
struct JsonDiagnostic {
    posn: String,
    end: String,
    message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggested_fixes: Vec<JsonFix>,
}

/// Go's `JSONSuggestedFix`; we suggest in words, so `edits` is null.
#[derive(Serialize)]
struct JsonFix {
    message: String,
    edits: Option<Vec<()>>,
}

/// The `-json` report (an empty object when there is nothing to say, as go vet).
pub fn json(path: &str, src: &str, report: &Report) -> String {
    let index = LineIndex::new(src);
    let pos = |off: u32| {
        let (l, c) = index.line_col(off);
        format!("{path}:{l}:{c}")
    };
    let mut by_analyzer: BTreeMap<&str, Vec<JsonDiagnostic>> = BTreeMap::new();
    for f in report.findings.iter().chain(&report.costs) {
        by_analyzer
            .entry(f.analyzer)
            .or_default()
            .push(JsonDiagnostic {
                posn: pos(f.span.lo),
                end: pos(f.span.hi),
                message: f.message.clone(),
                suggested_fixes: if f.fix.is_empty() {
                    Vec::new()
                } else {
                    vec![JsonFix {
                        message: f.fix.clone(),
                        edits: None,
                    }]
                },
            });
    }
    let mut tree: BTreeMap<&str, BTreeMap<&str, Vec<JsonDiagnostic>>> = BTreeMap::new();
    if !by_analyzer.is_empty() {
        tree.insert(PKG, by_analyzer);
    }
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    // Serialising maps of strings and plain structs cannot fail.
    let _ = tree.serialize(&mut ser);
    String::from_utf8_lossy(&buf).into_owned() + "\n"
}
