//! `deferlab ir --html`: one self-contained page (no external scripts, styles or fonts)
//! showing the source and, for every function, a column per pass, modelled on gc's
//! `GOSSAFUNC` ssa.html:
//!
//! - consecutive passes that changed nothing are merged into one narrow column;
//! - in each column, lines the pass added are marked, and lines the next pass removes
//!   are struck through;
//! - a click on a value (`v12`), block, defer scope, defer, global, struct, type or function name
//!   highlights it and its uses in every column of that function (each selection gets
//!   its own colour; a second click clears it); a click on a `; line:col` comment
//!   highlights the source line.
//!
//! The IR text is tokenised here just enough to find those names; the page's script
//! is the small `SCRIPT` below.

use super::FuncHistory;
use similar::{ChangeTag, TextDiff};
use std::collections::HashSet;
use std::fmt::Write as _;

/// A column of the page: a pass that changed the function (or `start`), or a run of
/// consecutive passes that did not.
enum Column<'a> {
    Text { pass: &'a str, ir: &'a str },
    Unchanged { passes: Vec<&'a str> },
}

fn columns(h: &FuncHistory) -> Vec<Column<'_>> {
    let mut out: Vec<Column> = Vec::new();
    for s in &h.stages {
        if s.changed {
            out.push(Column::Text {
                pass: &s.pass,
                ir: &s.ir,
            });
        } else if let Some(Column::Unchanged { passes }) = out.last_mut() {
            passes.push(&s.pass);
        } else {
            out.push(Column::Unchanged {
                passes: vec![&s.pass],
            });
        }
    }
    out
}

/// Line numbers (0-based) of `new` inserted relative to `old`, and of `old` deleted.
fn line_changes(old: &str, new: &str) -> (HashSet<usize>, HashSet<usize>) {
    let mut added = HashSet::new();
    let mut removed = HashSet::new();
    for change in TextDiff::from_lines(old, new).iter_all_changes() {
        match change.tag() {
            ChangeTag::Insert => {
                added.insert(change.new_index().expect("insert has a new index"));
            }
            ChangeTag::Delete => {
                removed.insert(change.old_index().expect("delete has an old index"));
            }
            ChangeTag::Equal => {}
        }
    }
    (added, removed)
}

/// The page for `file` (its name and text) and the functions' histories.
pub fn render(file: &str, src: &str, hist: &[FuncHistory]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>deferlab ir: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(file)
    );
    let _ = write!(
        out,
        "<header><h1>deferlab ir <code>{}</code></h1>\n<p class=\"help\">A column per pass; \
         passes that changed nothing are merged into a narrow column. \
         <span class=\"add\">Added lines</span> are marked, \
         <span class=\"gone\">lines the next pass removes</span> are struck through. \
         Click a value, block, scope, defer or name to highlight it and its uses in every column \
         (click again to clear); click a <code>line:col</code> to find it in the source.</p>\
         </header>\n",
        esc(file)
    );
    out.push_str("<section id=\"source\"><h2>source</h2><pre class=\"src\">");
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        // Lines are blocks: no newline between them, or `pre` shows it too.
        let _ = write!(
            out,
            "<span class=\"sl\" id=\"L{n}\"><span class=\"ln\">{n}</span>{}</span>",
            esc(line)
        );
    }
    out.push_str("</pre></section>\n");
    for h in hist {
        let _ = write!(
            out,
            "<section class=\"func\" data-func=\"{0}\"><h2>func {0}</h2>\n<div class=\"columns\">\n",
            esc(&h.name)
        );
        let cols = columns(h);
        let texts: Vec<&str> = cols
            .iter()
            .filter_map(|c| match c {
                Column::Text { ir, .. } => Some(*ir),
                Column::Unchanged { .. } => None,
            })
            .collect();
        let mut k: usize = 0;
        for c in &cols {
            match c {
                Column::Unchanged { passes } => {
                    let names: Vec<String> = passes.iter().map(|p| esc(p)).collect();
                    let _ = writeln!(
                        out,
                        "<div class=\"col unchanged\" data-passes=\"{}\"><h3>{}</h3>\
                         <p>no change</p></div>",
                        names.join(" "),
                        names.join("<br>")
                    );
                }
                Column::Text { pass, ir } => {
                    let added = match k.checked_sub(1) {
                        Some(p) => line_changes(texts[p], ir).0,
                        None => HashSet::new(),
                    };
                    let gone = match texts.get(k + 1) {
                        Some(next) => line_changes(ir, next).1,
                        None => HashSet::new(),
                    };
                    let stats = if k == 0 {
                        "after lowering".to_string()
                    } else {
                        let removed = line_changes(texts[k - 1], ir).1.len();
                        format!("+{} &minus;{}", added.len(), removed)
                    };
                    let _ = write!(
                        out,
                        "<div class=\"col\" data-pass=\"{0}\"><h3>{0} <small>{stats}</small></h3><pre>",
                        esc(pass)
                    );
                    for (i, line) in ir.lines().enumerate() {
                        let class = match (added.contains(&i), gone.contains(&i)) {
                            (true, true) => "line add gone",
                            (true, false) => "line add",
                            (false, true) => "line gone",
                            (false, false) => "line",
                        };
                        let _ = write!(out, "<span class=\"{class}\">{}</span>", ir_line(line));
                    }
                    out.push_str("</pre></div>\n");
                    k += 1;
                }
            }
        }
        out.push_str("</div></section>\n");
    }
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether `word` names an IR entity: a value, block, defer scope, defer, global, struct or type.
fn is_entity(word: &str) -> bool {
    ["block", "scope", "v", "d", "g", "s", "t"].iter().any(|p| {
        word.strip_prefix(p)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

fn token(out: &mut String, key: &str, text: &str) {
    let _ = write!(
        out,
        "<span class=\"t\" data-t=\"{}\">{}</span>",
        esc(key),
        esc(text)
    );
}

/// One line of IR text as HTML: entity names and `@functions` become clickable tokens,
/// `line:col` in the trailing comment a link to the source. String literals are left
/// alone.
fn ir_line(line: &str) -> String {
    let mut out = String::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'"' {
            let end = string_end(b, i);
            out.push_str(&esc(&line[i..end]));
            i = end;
        } else if c == b';' {
            comment(&mut out, &line[i..]);
            break;
        } else if c == b'@' {
            let end = if b.get(i + 1) == Some(&b'"') {
                string_end(b, i + 1)
            } else {
                word_end(b, i + 1)
            };
            let name = line[i + 1..end].trim_matches('"');
            token(&mut out, &format!("@{name}"), &line[i..end]);
            i = end;
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            let end = word_end(b, i);
            let word = &line[i..end];
            if is_entity(word) {
                token(&mut out, word, word);
            } else {
                out.push_str(&esc(word));
            }
            i = end;
        } else {
            let ch = line[i..].chars().next().expect("in bounds");
            out.push_str(&esc(&ch.to_string()));
            i += ch.len_utf8();
        }
    }
    out
}

/// The end (exclusive) of the string literal starting at `b[start] == '"'`.
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

fn word_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
        i += 1;
    }
    // `s2.1` is a struct and a field; `@main.deferwrap1` is one name: only `@` names keep dots.
    if start > 0 && b[start - 1] != b'@' {
        if let Some(dot) = b[start..i].iter().position(|&c| c == b'.') {
            return start + dot;
        }
    }
    i
}

/// A trailing `; ...` comment: a `line:col` in it links to the source.
fn comment(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(pos) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&esc(&rest[..pos]));
        let tail = &rest[pos..];
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let l = digits(tail);
        let is_loc = tail[l..].starts_with(':') && digits(&tail[l + 1..]) > 0;
        if is_loc {
            let c = digits(&tail[l + 1..]);
            let _ = write!(
                out,
                "<span class=\"loc\" data-line=\"{}\">{}</span>",
                &tail[..l],
                &tail[..l + 1 + c]
            );
            rest = &tail[l + 1 + c..];
        } else {
            out.push_str(&tail[..l]);
            rest = &tail[l..];
        }
    }
    out.push_str(&esc(rest));
}

const STYLE: &str = r#"
body { font-family: system-ui, sans-serif; margin: 1em; color: #222; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin: 1em 0 .3em; }
h3 { font-size: .95em; margin: 0 0 .3em; position: sticky; top: 0; background: #eef; padding: .2em .4em; }
h3 small { font-weight: normal; color: #555; }
.help { color: #555; font-size: .9em; max-width: 70em; }
pre { margin: 0; font: 12px/1.35 ui-monospace, "DejaVu Sans Mono", monospace; }
.src { background: #fafafa; border: 1px solid #ddd; padding: .4em; max-height: 22em; overflow: auto; }
.sl { display: block; min-height: 1.35em; } .sl.hl { background: #ffe98a; }
.ln { display: inline-block; width: 3.5em; color: #999; text-align: right; margin-right: 1em; user-select: none; }
.columns { display: flex; gap: .6em; overflow-x: auto; align-items: flex-start; padding-bottom: .5em; }
.col { border: 1px solid #ccd; flex: 0 0 auto; max-width: 36em; max-height: 40em; overflow: auto; }
.col pre { padding: .3em .5em; }
.col.unchanged { width: 8em; white-space: normal; color: #666; font-size: .85em; }
.col.unchanged h3 { background: #eee; overflow-wrap: anywhere; }
.col.unchanged p { margin: .3em .5em; }
.line { display: block; min-height: 1.35em; }
.add { background: #dcfce1; }
.gone { text-decoration: line-through; text-decoration-color: #c33; color: #888; }
.t { cursor: pointer; border-radius: 2px; }
.t:hover { outline: 1px solid #888; }
.loc { cursor: pointer; color: #36c; }
.hl0 { background: #ffd54a; } .hl1 { background: #7fd7ff; } .hl2 { background: #ff9ec4; }
.hl3 { background: #a6f28f; } .hl4 { background: #d3b3ff; } .hl5 { background: #ffb36b; }
"#;

const SCRIPT: &str = r#"
(function () {
  var next = 0;
  function same(section, key) {
    return section.querySelectorAll('.t[data-t="' + CSS.escape(key) + '"]');
  }
  document.addEventListener('click', function (e) {
    var t = e.target.closest('.t');
    if (t) {
      var els = same(t.closest('.func'), t.dataset.t);
      var cls = t.dataset.hl;
      els.forEach(function (el) {
        if (cls) { el.classList.remove(cls); delete el.dataset.hl; }
      });
      if (!cls) {
        cls = 'hl' + (next++ % 6);
        els.forEach(function (el) { el.classList.add(cls); el.dataset.hl = cls; });
      }
      return;
    }
    var loc = e.target.closest('.loc');
    if (loc) {
      document.querySelectorAll('.sl.hl').forEach(function (el) { el.classList.remove('hl'); });
      var line = document.getElementById('L' + loc.dataset.line);
      if (line) { line.classList.add('hl'); line.scrollIntoView({ block: 'nearest' }); }
    }
  });
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::irview::history;
    use passes::Snapshot;

    #[test]
    fn ir_lines_become_tokens_and_source_links() {
        assert_eq!(
            ir_line("    v5 = iadd.i64 v4, v2 ; 16:22"),
            "    <span class=\"t\" data-t=\"v5\">v5</span> = iadd.i64 \
             <span class=\"t\" data-t=\"v4\">v4</span>, <span class=\"t\" data-t=\"v2\">v2</span> \
             ; <span class=\"loc\" data-line=\"16\">16:22</span>"
        );
        assert_eq!(
            ir_line("    v9 = field_addr v8, s2.1"),
            "    <span class=\"t\" data-t=\"v9\">v9</span> = field_addr \
             <span class=\"t\" data-t=\"v8\">v8</span>, <span class=\"t\" data-t=\"s2\">s2</span>.1"
        );
        assert_eq!(
            ir_line("    call @\"(*T).M\"(v0) ; a \"b; c\" 3:4"),
            "    call <span class=\"t\" data-t=\"@(*T).M\">@&quot;(*T).M&quot;</span>\
             (<span class=\"t\" data-t=\"v0\">v0</span>) ; a &quot;b; c&quot; \
             <span class=\"loc\" data-line=\"3\">3:4</span>"
        );
        assert_eq!(
            ir_line("    v1 = sconst \"v1; <x>\""),
            "    <span class=\"t\" data-t=\"v1\">v1</span> = sconst &quot;v1; &lt;x&gt;&quot;"
        );
    }

    #[test]
    fn unchanged_passes_merge_into_one_column() {
        let snap = |pass: &str, text: &str| Snapshot {
            pass: pass.into(),
            func: "f".into(),
            text: text.into(),
        };
        let h = history(&[
            snap("start", "a\nb\n"),
            snap("p1", "a\nc\n"),
            snap("p2", "a\nc\n"),
            snap("p3", "a\nc\n"),
        ]);
        let page = render("x.go", "package main\n", &h);
        assert!(page.contains("data-pass=\"start\""));
        assert!(page.contains("data-pass=\"p1\""));
        assert!(page.contains("<div class=\"col unchanged\" data-passes=\"p2 p3\">"));
        assert!(page.contains("<span class=\"line gone\">b</span>"));
        assert!(page.contains("<span class=\"line add\">c</span>"));
        assert!(!page.contains("src=\"http"), "self-contained");
    }
}
