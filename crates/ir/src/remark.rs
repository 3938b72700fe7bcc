//! Structured remarks: every decision a pass makes (how a defer was lowered, whether a
//! call was inlined, whether a variable escapes), in Go's `-m` / `-d=defer` wording
//! where Go has one. Passes collect them in the pass manager's context; only the driver
//! prints them.

use crate::function::SrcLoc;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Remark {
    /// The pass that made the decision (its name in the pass table).
    pub pass: String,
    /// The function the decision is about (Go's name).
    pub func: String,
    /// Where in the source (the defer statement, the call, the variable).
    pub loc: SrcLoc,
    /// The remark in Go's words, e.g. `stack-allocated defer`.
    pub message: String,
    /// The least `-m` level that prints it: 1 for gc's `-m`, 2 for what gc prints only
    /// with `-m=2` (`cannot inline F: marked go:noinline`).
    pub level: u8,
    /// The wording from `-m=2` on, where gc's is longer than at `-m` (`can inline F`
    /// becomes `can inline F with cost 12`).
    pub detail: Option<String>,
}

impl Remark {
    /// The remark as gc prints it: `./prog.go:12:3: stack-allocated defer`.
    pub fn render(&self, file: &str) -> String {
        format!("{file}:{}: {}", self.loc, self.message)
    }

    /// The remark as gc's `-m=level` prints it, if it prints it at all.
    pub fn render_at(&self, file: &str, level: u8) -> Option<String> {
        if level < self.level {
            return None;
        }
        let message = match &self.detail {
            Some(d) if level >= 2 => d,
            _ => &self.message,
        };
        Some(format!("{file}:{}: {message}", self.loc))
    }
}

impl fmt::Display for Remark {
    /// `12:3: stack-allocated defer`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.loc, self.message)
    }
}
