//! `deferlab ir`: the IR of every function as each pass left it, for people watching
//! the passes work. Three renderings of one model (`history`):
//!
//! - text (`render_text`): the IR after lowering, then for each pass a unified diff of
//!   what it changed, or one line when it changed nothing, as LLVM's
//!   `-print-changed=diff` does;
//! - JSON (`render_json`): `[{func, pass, seq, changed, ir}]` for other tools;
//! - HTML (`html::render`): one self-contained page, a column per pass, as gc's
//!   `GOSSAFUNC` ssa.html is.
//!
//! The snapshots themselves are taken by the pass manager
//! (`passes::PipelineConfig::record_snapshots`); nothing here runs a pass.

pub mod html;

use passes::Snapshot;
use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use std::fmt::Write as _;

/// The name the pass manager gives to the snapshot taken before the first pass.
pub use passes::START;

/// One function's IR at one point of the pipeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stage {
    pub func: String,
    /// `start` (straight out of lowering) or the pass that just ran.
    pub pass: String,
    /// The position of `pass` in the pipeline as it ran: 0 for `start`, then 1, 2, ...
    pub seq: usize,
    /// Whether `pass` changed the function (`start` always counts as a change: lowering
    /// produced it).
    pub changed: bool,
    pub ir: String,
}

/// A function's stages, in pipeline order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncHistory {
    pub name: String,
    pub stages: Vec<Stage>,
}

impl FuncHistory {
    /// The stage that `pass` produced, if it ran.
    pub fn after(&self, pass: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.pass == pass)
    }

    /// The function as it was when `pass` started, if `pass` ran.
    pub fn before(&self, pass: &str) -> Option<&Stage> {
        let i = self.stages.iter().position(|s| s.pass == pass)?;
        i.checked_sub(1).map(|i| &self.stages[i])
    }
}

/// Groups the manager's snapshots (taken pass by pass, function by function) into one
/// history per function, in the order functions first appear.
pub fn history(snapshots: &[Snapshot]) -> Vec<FuncHistory> {
    let mut passes: Vec<&str> = Vec::new();
    let mut out: Vec<FuncHistory> = Vec::new();
    for s in snapshots {
        if passes.last() != Some(&s.pass.as_str()) {
            passes.push(&s.pass);
        }
        let seq = passes.len() - 1;
        let i = match out.iter().position(|h| h.name == s.func) {
            Some(i) => i,
            None => {
                out.push(FuncHistory {
                    name: s.func.clone(),
                    stages: Vec::new(),
                });
                out.len() - 1
            }
        };
        let h = &mut out[i];
        let changed = h.stages.last().is_none_or(|prev| prev.ir != s.text);
        h.stages.push(Stage {
            func: s.func.clone(),
            pass: s.pass.clone(),
            seq,
            changed,
            ir: s.text.clone(),
        });
    }
    out
}

/// What `deferlab ir` prints.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this function.
    pub func: Option<String>,
    /// Only this pass's diff.
    pub pass: Option<String>,
    /// Only the whole function as it was before this pass ran.
    pub before: Option<String>,
    /// Only the whole function as this pass left it.
    pub after: Option<String>,
}

/// Checks the filter's names against what ran; the error is a message for the user.
pub fn check_filter(
    hist: &[FuncHistory],
    filter: &Filter,
    disabled: &[String],
) -> Result<(), String> {
    if let Some(f) = &filter.func {
        if !hist.iter().any(|h| &h.name == f) {
            let names: Vec<&str> = hist.iter().map(|h| h.name.as_str()).collect();
            return Err(format!("no function {f} (functions: {})", names.join(", ")));
        }
    }
    for (flag, p) in [
        ("--pass", &filter.pass),
        ("--before", &filter.before),
        ("--after", &filter.after),
    ] {
        let Some(p) = p else { continue };
        if p == START && flag == "--after" {
            continue;
        }
        match passes::pass(p) {
            None => {
                let known: Vec<&str> = passes::PASSES.iter().map(|p| p.name).collect();
                return Err(format!(
                    "{flag}: unknown pass {p} (known passes: {})",
                    known.join(", ")
                ));
            }
            Some(_) if disabled.iter().any(|d| d == p) => {
                return Err(format!("{flag}: pass {p} is disabled"));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// ANSI colours for diffs on a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    Never,
    Always,
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The text form: for each function, its IR after lowering, then one entry per pass
/// that ran: a unified diff (3 lines of context) or, when the pass changed nothing, a
/// single line.
pub fn render_text(hist: &[FuncHistory], filter: &Filter, color: Color) -> String {
    let paint = |code: &str, line: &str| -> String {
        match color {
            Color::Always => format!("{code}{line}{RESET}\n"),
            Color::Never => format!("{line}\n"),
        }
    };
    let mut out = String::new();
    for h in hist {
        if filter.func.as_ref().is_some_and(|f| f != &h.name) {
            continue;
        }
        // `--before P` / `--after P`: one whole-function dump, no diffs.
        let whole = match (&filter.before, &filter.after) {
            (Some(p), _) => Some(("Before", p, h.before(p))),
            (None, Some(p)) => Some(("After", p, h.after(p))),
            (None, None) => None,
        };
        if let Some((when, p, stage)) = whole {
            if let Some(s) = stage {
                let title = format!("*** IR Dump {when} {p} on {} ***", h.name);
                out.push_str(&paint(BOLD, &title));
                out.push_str(&s.ir);
            }
            continue;
        }
        for (i, s) in h.stages.iter().enumerate() {
            if filter.pass.as_ref().is_some_and(|p| p != &s.pass) {
                continue;
            }
            if i == 0 {
                let title = format!("*** IR Dump After lowering ({}) on {} ***", s.pass, h.name);
                out.push_str(&paint(BOLD, &title));
                out.push_str(&s.ir);
                continue;
            }
            if !s.changed {
                let title = format!(
                    "*** IR Dump After {} on {} omitted because no change ***",
                    s.pass, h.name
                );
                out.push_str(&paint(BOLD, &title));
                continue;
            }
            let title = format!("*** IR Dump After {} on {} ***", s.pass, h.name);
            out.push_str(&paint(BOLD, &title));
            write_diff(&mut out, &h.stages[i - 1].ir, &s.ir, color);
        }
    }
    out
}

/// A unified diff of two texts, hunks only (the dump's title names both sides).
fn write_diff(out: &mut String, before: &str, after: &str, color: Color) {
    let diff = TextDiff::from_lines(before, after);
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        let header = hunk.header().to_string();
        match color {
            Color::Always => {
                let _ = writeln!(out, "{CYAN}{header}{RESET}");
            }
            Color::Never => {
                let _ = writeln!(out, "{header}");
            }
        }
        for change in hunk.iter_changes() {
            let (sign, code) = match change.tag() {
                ChangeTag::Delete => ('-', RED),
                ChangeTag::Insert => ('+', GREEN),
                ChangeTag::Equal => (' ', ""),
            };
            let text = change.value();
            let text = text.strip_suffix('\n').unwrap_or(text);
            if color == Color::Always && !code.is_empty() {
                let _ = writeln!(out, "{code}{sign}{text}{RESET}");
            } else {
                let _ = writeln!(out, "{sign}{text}");
            }
            if change.missing_newline() {
                out.push_str("\\ No newline at end of file\n");
            }
        }
    }
}

/// The JSON form: every stage of every function, `[{func, pass, seq, changed, ir}]`.
/// `--func` and `--pass` filter it as they filter the text.
pub fn render_json(hist: &[FuncHistory], filter: &Filter) -> String {
    let stages: Vec<&Stage> = hist
        .iter()
        .filter(|h| filter.func.as_ref().is_none_or(|f| f == &h.name))
        .flat_map(|h| h.stages.iter())
        .filter(|s| filter.pass.as_ref().is_none_or(|p| p == &s.pass))
        .collect();
    let mut text = serde_json::to_string_pretty(&stages).expect("stages serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(pass: &str, func: &str, text: &str) -> Snapshot {
        Snapshot {
            pass: pass.into(),
            func: func.into(),
            text: text.into(),
        }
    }

    fn sample() -> Vec<FuncHistory> {
        history(&[
            snap("start", "f", "a\nb\nc\n"),
            snap("start", "g", "x\n"),
            snap("p1", "f", "a\nB\nc\n"),
            snap("p1", "g", "x\n"),
            snap("p2", "f", "a\nB\nc\n"),
            snap("p2", "g", "y\n"),
        ])
    }

    #[test]
    fn history_groups_by_function_and_marks_changes() {
        let h = sample();
        assert_eq!(h.len(), 2);
        let f: Vec<(&str, usize, bool)> = h[0]
            .stages
            .iter()
            .map(|s| (s.pass.as_str(), s.seq, s.changed))
            .collect();
        assert_eq!(f, [("start", 0, true), ("p1", 1, true), ("p2", 2, false)]);
        assert_eq!(h[1].before("p2").unwrap().ir, "x\n");
        assert_eq!(h[1].after("p2").unwrap().ir, "y\n");
        assert!(h[1].before("start").is_none());
    }

    #[test]
    fn text_is_a_dump_then_diffs_and_one_line_for_no_change() {
        let text = render_text(&sample(), &Filter::default(), Color::Never);
        assert_eq!(
            text,
            "*** IR Dump After lowering (start) on f ***\na\nb\nc\n\
             *** IR Dump After p1 on f ***\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n\
             *** IR Dump After p2 on f omitted because no change ***\n\
             *** IR Dump After lowering (start) on g ***\nx\n\
             *** IR Dump After p1 on g omitted because no change ***\n\
             *** IR Dump After p2 on g ***\n@@ -1 +1 @@\n-x\n+y\n"
        );
    }

    #[test]
    fn filters_select_a_function_a_pass_or_a_whole_stage() {
        let h = sample();
        let only_g_p2 = Filter {
            func: Some("g".into()),
            pass: Some("p2".into()),
            ..Filter::default()
        };
        assert_eq!(
            render_text(&h, &only_g_p2, Color::Never),
            "*** IR Dump After p2 on g ***\n@@ -1 +1 @@\n-x\n+y\n"
        );
        let before = Filter {
            before: Some("p1".into()),
            ..Filter::default()
        };
        assert_eq!(
            render_text(&h, &before, Color::Never),
            "*** IR Dump Before p1 on f ***\na\nb\nc\n*** IR Dump Before p1 on g ***\nx\n"
        );
    }

    #[test]
    fn colour_marks_deletions_and_insertions() {
        let text = render_text(
            &sample(),
            &Filter {
                func: Some("g".into()),
                pass: Some("p2".into()),
                ..Filter::default()
            },
            Color::Always,
        );
        assert!(text.contains("\x1b[31m-x\x1b[0m\n"), "{text:?}");
        assert!(text.contains("\x1b[32m+y\x1b[0m\n"), "{text:?}");
    }

    #[test]
    fn json_has_one_object_per_stage() {
        let json = render_json(
            &sample(),
            &Filter {
                func: Some("f".into()),
                ..Filter::default()
            },
        );
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let arr = v.as_array().unwrap();
        assert_eq!(arr.len(), 3);
        assert_eq!(arr[1]["pass"], "p1");
        assert_eq!(arr[1]["seq"], 1);
        assert_eq!(arr[1]["changed"], true);
        assert_eq!(arr[2]["changed"], false);
        assert_eq!(arr[0]["ir"], "a\nb\nc\n");
    }
}
