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
}

impl Remark {
    /// The remark as gc prints it: `./prog.go:12:3: stack-allocated defer`.
    pub fn render(&self, file: &str) -> String {
        format!("{file}:{}: {}", self.loc, self.message)
    }
}

impl fmt::Display for Remark {
    /// `12:3: stack-allocated defer`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.loc, self.message)
    }
}
