//! `-bench REGEXP` and sub-benchmark names, as Go's `testing/match.go` has them: the
//! pattern splits at top-level `/` (one regexp per name level) and `|` (alternatives);
//! a name matches when every level it has matches (partially when the pattern has
//! more levels); sub-benchmark names have spaces rewritten to `_` and are made unique
//! with `#01`, `#02`...

use regex::Regex;
use std::collections::HashMap;

/// A compiled `-bench` pattern: alternatives of per-level regexps.
#[derive(Clone, Debug)]
pub struct Filter {
    alternatives: Vec<Vec<Regex>>,
    /// The source text of each level, for building a pattern for one benchmark.
    sources: Vec<Vec<String>>,
}

impl Filter {
    /// Compiles a pattern the way `splitRegexp` and `verify` do. The error is Go's
    /// message (`testing: invalid regexp for element 0 of -test.bench ("("): ...`).
    pub fn new(pattern: &str) -> Result<Filter, String> {
        let sources: Vec<Vec<String>> = split_regexp(pattern)
            .into_iter()
            .map(|alt| alt.iter().map(|s| rewrite(s)).collect())
            .collect();
        let mut alternatives = Vec::new();
        for alt in &sources {
            let mut levels = Vec::new();
            for (i, s) in alt.iter().enumerate() {
                let re = Regex::new(s).map_err(|e| {
                    format!("testing: invalid regexp for element {i} of -test.bench ({s:?}): {e}")
                })?;
                levels.push(re);
            }
            alternatives.push(levels);
        }
        Ok(Filter {
            alternatives,
            sources,
        })
    }

    /// `(ok, partial)` for a name split at `/`, as Go's `filterMatch.matches`.
    pub fn matches(&self, name: &str) -> (bool, bool) {
        let elems: Vec<&str> = name.split('/').collect();
        for alt in &self.alternatives {
            if elems.iter().zip(alt).all(|(e, re)| re.is_match(e)) {
                return (true, elems.len() < alt.len());
            }
        }
        (false, false)
    }

    /// A pattern that selects the top-level benchmark `name` and, below it, what this
    /// filter selects (for running one benchmark at a time with `go test`).
    pub fn pattern_for(&self, name: &str) -> String {
        let top = format!("^{}$", regex::escape(name));
        let mut alts = Vec::new();
        for (alt, src) in self.alternatives.iter().zip(&self.sources) {
            if alt.first().is_none_or(|re| re.is_match(name)) {
                let mut levels = vec![top.clone()];
                levels.extend(src.iter().skip(1).cloned());
                alts.push(levels.join("/"));
            }
        }
        if alts.is_empty() {
            top
        } else {
            alts.join("|")
        }
    }
}

/// Go's `splitRegexp`: alternatives at top-level `|`, levels at top-level `/`
/// (outside brackets and parentheses; `\` escapes the next byte).
fn split_regexp(s: &str) -> Vec<Vec<String>> {
    let bytes = s.as_bytes();
    let mut alts = Vec::new();
    let mut levels = Vec::new();
    let (mut cs, mut cp) = (0i32, 0i32);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => cs += 1,
            b']' => cs = (cs - 1).max(0),
            b'(' if cs == 0 => cp += 1,
            b')' if cs == 0 => cp -= 1,
            b'\\' => i += 1,
            b'/' if cs == 0 && cp == 0 => {
                levels.push(s[start..i].to_string());
                start = i + 1;
            }
            b'|' if cs == 0 && cp == 0 => {
                levels.push(s[start..i].to_string());
                start = i + 1;
                alts.push(std::mem::take(&mut levels));
            }
            _ => {}
        }
        i += 1;
    }
    levels.push(s[start.min(s.len())..].to_string());
    alts.push(levels);
    alts
}

/// Go's `rewrite`: white space becomes `_`, unprintable characters are escaped.
pub fn rewrite(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if is_space(c) {
            out.push('_');
        } else if c.is_control() {
            let q = format!("{}", c.escape_default());
            out.push_str(&q);
        } else {
            out.push(c);
        }
    }
    out
}

fn is_space(c: char) -> bool {
    let r = c as u32;
    if r < 0x2000 {
        matches!(r, 0x09..=0x0d | 0x20 | 0x85 | 0xA0 | 0x1680)
    } else {
        r <= 0x200a || matches!(r, 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000)
    }
}

/// Go's `matcher.unique`: sub-benchmark names made unique per parent.
#[derive(Default)]
pub struct SubNames {
    seen: HashMap<String, i32>,
}

impl SubNames {
    pub fn unique(&mut self, parent: &str, subname: &str) -> String {
        let base = format!("{parent}/{subname}");
        loop {
            let n = *self.seen.get(&base).unwrap_or(&0);
            self.seen.insert(base.clone(), n + 1);
            if n == 0 && !subname.is_empty() {
                let (prefix, nn) = parse_subtest_number(&base);
                if prefix.len() < base.len() && nn < *self.seen.get(prefix).unwrap_or(&0) {
                    continue;
                }
                return base;
            }
            let name = format!("{base}#{n:02}");
            if self.seen.get(&name).is_some_and(|&c| c != 0) {
                continue;
            }
            return name;
        }
    }
}

/// Go's `parseSubtestNumber`: splits `prefix#NN` when `NN` could come from `%02d`.
fn parse_subtest_number(s: &str) -> (&str, i32) {
    let Some(i) = s.rfind('#') else {
        return (s, 0);
    };
    let (prefix, suffix) = (&s[..i], &s[i + 1..]);
    if suffix.len() < 2 || (suffix.len() > 2 && suffix.starts_with('0')) {
        return (s, 0);
    }
    if suffix == "00" && !prefix.ends_with('/') {
        return (s, 0);
    }
    match suffix.parse::<i32>() {
        Ok(n) if n >= 0 => (prefix, n),
        _ => (s, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_alternatives() {
        let f = Filter::new("Loop/defer_1$|Straight").unwrap();
        assert_eq!(f.matches("BenchmarkLoop"), (true, true));
        assert_eq!(f.matches("BenchmarkLoop/defer_1"), (true, false));
        assert_eq!(f.matches("BenchmarkLoop/defer_16"), (false, false));
        assert_eq!(f.matches("BenchmarkStraight8"), (true, false));
        assert_eq!(f.matches("BenchmarkNoDefer"), (false, false));
        assert_eq!(f.pattern_for("BenchmarkLoop"), "^BenchmarkLoop$/defer_1$");
        let all = Filter::new(".").unwrap();
        assert_eq!(all.matches("BenchmarkX/y"), (true, false));
        assert_eq!(all.pattern_for("BenchmarkX"), "^BenchmarkX$");
        assert!(Filter::new("(").is_err());
        // `/` inside brackets or parentheses does not split.
        assert_eq!(split_regexp("a[/]b/(c/d)"), vec![vec!["a[/]b", "(c/d)"]]);
    }

    #[test]
    fn unique_names() {
        let mut s = SubNames::default();
        assert_eq!(s.unique("BenchmarkSub", "dup"), "BenchmarkSub/dup");
        assert_eq!(s.unique("BenchmarkSub", "dup"), "BenchmarkSub/dup#01");
        assert_eq!(s.unique("BenchmarkSub", "dup#01"), "BenchmarkSub/dup#01#01");
        assert_eq!(s.unique("BenchmarkSub", ""), "BenchmarkSub/#00");
        assert_eq!(rewrite("with space"), "with_space");
    }
}
