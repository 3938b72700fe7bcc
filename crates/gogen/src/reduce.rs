//! Line-based delta debugging for Go source: remove whole statements (a line, or a
//! line opening a brace with everything up to its closing line) and runs of lines,
//! keeping a candidate only when the caller's predicate still holds (for the runner:
//! real Go builds it and the same mismatch remains). Greedy, to a fixed point.

/// Reduces `src` while `still_fails` holds. `still_fails` is never asked about `src`
/// itself; the result is `src` when nothing smaller fails.
pub fn reduce(src: &str, mut still_fails: impl FnMut(&str) -> bool) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    loop {
        let before = lines.len();
        // Whole compound statements first (a line ending in `{` through its `}`),
        // outermost first, then runs of plain lines from long to single.
        let mut i = 0;
        while i < lines.len() {
            if let Some(end) = block_end(&lines, i) {
                let cand = without(&lines, i, end + 1);
                if still_fails(&join(&cand)) {
                    lines = cand;
                    continue;
                }
                // Keep the statement, try its body alone (the braces stay).
                if end > i + 1 {
                    let cand = without(&lines, i + 1, end);
                    if still_fails(&join(&cand)) {
                        lines = cand;
                        continue;
                    }
                }
            }
            i += 1;
        }
        let mut chunk = (lines.len() / 4).max(1);
        loop {
            let mut i = 0;
            while i < lines.len() {
                let end = (i + chunk).min(lines.len());
                let cand = without(&lines, i, end);
                if balanced(&lines[i..end]) && still_fails(&join(&cand)) {
                    lines = cand;
                } else {
                    i += chunk;
                }
            }
            if chunk == 1 {
                break;
            }
            chunk /= 2;
        }
        if lines.len() == before {
            return join(&lines);
        }
    }
}

/// The index of the line closing the brace that line `i` opens (its last `{`), if it
/// opens one; `} else {` lines continue the same statement.
fn block_end(lines: &[String], i: usize) -> Option<usize> {
    let t = lines[i].trim_end();
    if !t.ends_with('{') || t.trim_start().starts_with('}') {
        return None;
    }
    let mut depth = 0i32;
    for (j, l) in lines.iter().enumerate().skip(i) {
        depth += braces(l);
        let lt = l.trim();
        if j > i && depth == 0 && !lt.ends_with('{') {
            return Some(j);
        }
    }
    None
}

/// Opening minus closing braces outside string literals (enough for generated code).
fn braces(l: &str) -> i32 {
    let mut n = 0;
    let mut in_str = false;
    let mut prev = ' ';
    for c in l.chars() {
        match c {
            '"' if prev != '\\' => in_str = !in_str,
            '{' if !in_str => n += 1,
            '}' if !in_str => n -= 1,
            _ => {}
        }
        prev = c;
    }
    n
}

fn balanced(lines: &[String]) -> bool {
    let mut depth = 0;
    for l in lines {
        depth += braces(l);
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// `lines` without `from..to`, and without the imports nothing uses any more (Go
/// rejects an unused import, and the import and its last use are rarely adjacent).
fn without(lines: &[String], from: usize, to: usize) -> Vec<String> {
    let mut v = lines[..from].to_vec();
    v.extend_from_slice(&lines[to..]);
    let used = |pkg: &str| {
        let sel = format!("{pkg}.");
        v.iter().any(|l| !is_import(l) && l.contains(&sel))
    };
    let unused: Vec<usize> = (0..v.len())
        .filter(|&i| import_path(&v[i]).is_some_and(|p| !used(p)))
        .collect();
    for i in unused.into_iter().rev() {
        v.remove(i);
    }
    v
}

/// The package of an import line (`\t"fmt"` in a group, or `import "fmt"`).
fn import_path(l: &str) -> Option<&str> {
    let t = l.trim();
    let t = t.strip_prefix("import ").unwrap_or(t);
    let inner = t.strip_prefix('"')?.strip_suffix('"')?;
    (!inner.is_empty() && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '/'))
        .then_some(inner)
}

fn is_import(l: &str) -> bool {
    import_path(l).is_some()
}

fn join(lines: &[String]) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_what_the_predicate_needs() {
        let src = "package main\n\nfunc main() {\n\tif x {\n\t\ta()\n\t} else {\n\t\tb()\n\t}\n\tkeep()\n\tc()\n}\n";
        let got = reduce(src, |s| s.contains("keep()") && s.contains("func main() {"));
        assert_eq!(got, "func main() {\n\tkeep()\n}\n");
    }

    #[test]
    fn drops_imports_left_unused() {
        let src = "package main\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\nfunc main() {\n\tfmt.Println(1)\n\tpanic(errors.New(\"x\"))\n}\n";
        let got = reduce(src, |s| {
            s.contains("fmt.Println")
                && s.contains("import (\n\t\"fmt\"\n)")
                && s.contains("package main")
                && s.contains("func main() {")
        });
        assert_eq!(
            got,
            "package main\nimport (\n\t\"fmt\"\n)\nfunc main() {\n\tfmt.Println(1)\n}\n"
        );
    }

    #[test]
    fn never_splits_a_brace_pair() {
        let src = "func f() {\n\tdefer func() {\n\t\tx()\n\t}()\n}\n";
        let got = reduce(src, |s| {
            s.contains("x()") && balanced(&s.lines().map(str::to_string).collect::<Vec<_>>())
        });
        assert_eq!(got, "func f() {\n\tdefer func() {\n\t\tx()\n\t}()\n}\n");
    }
}
