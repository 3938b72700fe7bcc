//! `deferlab vet`: the defer mistakes `go vet` (and staticcheck) say nothing about,
//! found on the checked HIR, and with `-cost` what each defer costs, from the passes'
//! decisions.
//!
//! Shaped as `golang.org/x/tools/go/analysis`: each check is an `Analyzer` with a name
//! (`defer.loop`), a doc line and a run function over the checked program; findings are
//! `file:line:col: message` on stderr (exit status 1 when there are any, as `go vet`),
//! or with `-json` the tree `{"command-line-arguments": {"defer.loop": [{"posn": ...,
//! "message": ...}]}}` on stdout (exit status 0, as `go vet -json`). `-NAME=false`
//! turns an analyzer off; `-NAME` (true) runs only the analyzers so named.
//!
//! A finding must be certain from the code, or say "may": a false positive is a bug
//! (the tests under `testsuite/vet/` fail on any finding a `// want` does not expect).
//!
//! Layers: `walk` (statements with their place in the block tree, expressions),
//! `calls` (which functions are deferred, called or used as values), one file per
//! check, `cost` (`-cost`: strategies from the IR, the cost table), `output`.

pub mod calls;
pub mod cost;
pub mod output;
pub mod walk;

mod args;
mod exit;
mod loops;
mod nilrecv;
mod recover;
mod result;

use crate::{compile, Config, Mode};
use frontend::ast::Span;
use frontend::diag::LineIndex;
use frontend::hir::Program;

/// One finding: where, what, and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The analyzer's name (`defer.loop`).
    pub analyzer: &'static str,
    pub span: Span,
    pub message: String,
    /// A one-line suggested fix.
    pub fix: String,
}

/// A check: Go's `analysis.Analyzer` cut down to what one file needs.
pub struct Analyzer {
    pub name: &'static str,
    /// One line for `deferlab vet --help` and the docs.
    pub doc: &'static str,
    pub run: fn(&Pass, &mut Vec<Finding>),
}

/// What an analyzer sees (Go's `analysis.Pass`): the checked program and the file's
/// lines, to name a line in a message.
pub struct Pass<'a> {
    pub prog: &'a Program,
    pub lines: LineIndex,
}

impl Pass<'_> {
    /// The 1-based line of a span's start.
    pub fn line(&self, span: Span) -> u32 {
        self.lines.line_col(span.lo).0
    }
}

/// Every analyzer, in the order their findings are reported at one position.
pub const ANALYZERS: &[Analyzer] = &[
    loops::ANALYZER,
    args::ANALYZER,
    recover::ANALYZER,
    recover::DIRECT_ANALYZER,
    result::ANALYZER,
    nilrecv::ANALYZER,
    exit::ANALYZER,
];

/// The pseudo-analyzer name of `-cost` lines (they never change the exit status).
pub const COST: &str = "defer.cost";

/// What `deferlab vet` was asked to do.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Analyzers to run (names from `ANALYZERS`).
    pub enabled: Vec<&'static str>,
    /// `-cost`: a line per defer with its strategy and cost.
    pub cost: bool,
    /// The cost table (`-cost`).
    pub costs: cost::CostTable,
}

/// Which analyzers run given `-NAME[=BOOL]` flags, as `go vet` decides: if any flag
/// is true, exactly the ones set true; otherwise all but the ones set false.
pub fn select(flags: &[(&'static str, bool)]) -> Vec<&'static str> {
    let any_true = flags.iter().any(|(_, on)| *on);
    ANALYZERS
        .iter()
        .map(|a| a.name)
        .filter(|name| {
            let set = flags
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, on)| *on);
            if any_true {
                set == Some(true)
            } else {
                set != Some(false)
            }
        })
        .collect()
}

/// The result of vetting one file: findings, then (with `-cost`) cost lines, each
/// sorted by position.
pub struct Report {
    pub findings: Vec<Finding>,
    pub costs: Vec<Finding>,
}

/// Runs the selected analyzers on the checked program (no IR needed).
pub fn analyze(prog: &Program, src: &str, enabled: &[&str]) -> Vec<Finding> {
    let pass = Pass {
        prog,
        lines: LineIndex::new(src),
    };
    let mut out = Vec::new();
    for a in ANALYZERS.iter().filter(|a| enabled.contains(&a.name)) {
        let mut fs = Vec::new();
        (a.run)(&pass, &mut fs);
        out.extend(fs);
    }
    let order = |name: &str| ANALYZERS.iter().position(|a| a.name == name);
    out.sort_by_key(|f| (f.span.lo, order(f.analyzer)));
    out.dedup();
    out
}

/// Compiles `path` (as `run` or, for a `_test.go` file, as `bench` does) and vets it.
/// The error is the rendered compile error, as `deferlab run` prints it.
pub fn vet(path: &str, src: &str, opts: &Options) -> Result<Report, String> {
    let mode = if path.ends_with("_test.go") {
        Mode::Bench
    } else {
        Mode::Run
    };
    let compiled = compile(path, src, mode, &Config::default())?;
    let findings = analyze(&compiled.hir, src, &opts.enabled);
    let costs = if opts.cost {
        cost::lines(
            &compiled.hir,
            src,
            &compiled.module,
            &compiled.report.remarks,
            &opts.costs,
        )
    } else {
        Vec::new()
    };
    Ok(Report { findings, costs })
}
