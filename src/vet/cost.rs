//! `deferlab vet -cost`: for every `defer` statement, the strategy the passes chose
//! for each compiled copy of it (`DeferData::strategy` in the final IR; a copy in
//! another function's inlined scope was migrated by inlining) and what that strategy
//! costs, from a `CostTable`.
//!
//! The table is measured by `deferlab bench --save-costs` on the reference benchmark
//! (`shared/bench/defer_test.go`), in ns per defer, the deferred call included (a
//! `//go:noinline` call that adds to a global):
//!
//! - open-coded: `(Straight64 - Straight1) / 63`, all passes on (every straight-line
//!   defer is open-coded);
//! - frame record: the same difference with `open_defer` disabled (every straight-line
//!   defer then gets a record in the frame);
//! - chain record: `(Loop/defer_32 - Loop/defer_1) / 31`, all passes on (a defer in a
//!   loop takes a record from the runtime's chain per iteration);
//! - migrated by inlining: `Inlinable - NoDefer`, all passes on (a call of a small
//!   function whose open-coded defer moved into the caller, against the same call's
//!   work without a defer).
//!
//! Medians of the `-count` rounds. The built-in table is one such run on the
//! development machine; `--save-costs` writes `default_path()` (or the path given),
//! which `vet -cost` then reads.

use super::Finding;
use frontend::diag::LineIndex;
use frontend::hir::{Program, StmtKind};
use ir::{DeferStrategy, SrcLoc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// ns per defer for each strategy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostTable {
    pub open_coded: f64,
    pub frame_record: f64,
    pub chain_record: f64,
    pub inlined: f64,
    /// Where the numbers come from (the built-in table, or the bench run).
    pub source: String,
}

impl Default for CostTable {
    /// Measured 2026-12-07 on the 2-core development VM (Intel Xeon, load ~1):
    /// `deferlab bench --save-costs --count 3 --benchtime 500ms` on the reference
    /// benchmark, after chain records began to come from inline free lists and frame
    /// records' dispatch stopped growing linearly with the number of sites.
    fn default() -> CostTable {
        CostTable {
            open_coded: 2.4,
            frame_record: 5.3,
            chain_record: 4.7,
            inlined: 1.3,
            source: "built-in (deferlab bench on the development machine, 2026-12-07)".into(),
        }
    }
}

/// The pass configurations `--save-costs` measures: all passes, and `open_defer` off.
pub const CONFIG_ALL: &str = "all";
pub const CONFIG_NO_OPEN: &str = "-open_defer";

/// The benchmarks `--save-costs` needs (a `-bench` regexp selecting exactly them).
pub const BENCH_PATTERN: &str = "^Benchmark(NoDefer|Straight1|Straight64|Loop|Inlinable)$";

impl CostTable {
    /// Computes the table from a bench run's medians: `ns(config, name)` is the median
    /// ns/op of benchmark `name` (without the `-P` suffix) under `config`.
    pub fn from_bench(
        ns: impl Fn(&str, &str) -> Option<f64>,
        source: String,
    ) -> Result<CostTable, String> {
        let get = |config: &str, name: &str| {
            ns(config, name).ok_or_else(|| {
                format!(
                    "--save-costs: no result for {name} ({config}); it needs the reference \
                     benchmark (shared/bench/defer_test.go)"
                )
            })
        };
        let per = |a: f64, b: f64, n: f64| ((a - b) / n).max(0.0);
        Ok(CostTable {
            open_coded: per(
                get(CONFIG_ALL, "BenchmarkStraight64")?,
                get(CONFIG_ALL, "BenchmarkStraight1")?,
                63.0,
            ),
            frame_record: per(
                get(CONFIG_NO_OPEN, "BenchmarkStraight64")?,
                get(CONFIG_NO_OPEN, "BenchmarkStraight1")?,
                63.0,
            ),
            chain_record: per(
                get(CONFIG_ALL, "BenchmarkLoop/defer_32")?,
                get(CONFIG_ALL, "BenchmarkLoop/defer_1")?,
                31.0,
            ),
            inlined: per(
                get(CONFIG_ALL, "BenchmarkInlinable")?,
                get(CONFIG_ALL, "BenchmarkNoDefer")?,
                1.0,
            ),
            source,
        })
    }

    /// Reads a table written by `--save-costs`.
    pub fn read(path: &Path) -> Result<CostTable, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Writes the table as JSON, creating the directory.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())? + "\n";
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The table `vet -cost` uses: `path` if given, else `default_path()` if a bench
    /// run saved one there, else the built-in table.
    pub fn load(path: Option<&Path>) -> Result<CostTable, String> {
        match path {
            Some(p) => CostTable::read(p),
            None => match default_path().filter(|p| p.exists()) {
                Some(p) => CostTable::read(&p),
                None => Ok(CostTable::default()),
            },
        }
    }

    fn of(&self, s: Strategy) -> f64 {
        match s {
            Strategy::OpenCoded => self.open_coded,
            Strategy::FrameRecord => self.frame_record,
            Strategy::ChainRecord => self.chain_record,
            Strategy::Inlined => self.inlined,
        }
    }
}

/// `$XDG_CACHE_HOME/deferlab/defer-costs.json`, else `$HOME/.cache/deferlab/...`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".cache"))
        })?;
    Some(base.join("deferlab").join("defer-costs.json"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strategy {
    OpenCoded,
    FrameRecord,
    ChainRecord,
    /// Open-coded in a caller's inlined scope.
    Inlined,
}

impl Strategy {
    fn name(self) -> &'static str {
        match self {
            Strategy::OpenCoded => "open-coded",
            Strategy::FrameRecord => "frame record",
            Strategy::ChainRecord => "chain record",
            Strategy::Inlined => "open-coded",
        }
    }
}

/// One `defer.cost` line per `defer` statement of the checked program: each compiled
/// copy of it (in its own function, and migrated into callers by inlining) with its
/// strategy, what it costs, and `open_defer`'s reason when it is not open-coded.
pub fn lines(
    prog: &Program,
    src: &str,
    module: &ir::Module,
    remarks: &[ir::Remark],
    table: &CostTable,
) -> Vec<Finding> {
    let index = LineIndex::new(src);
    let mut out = Vec::new();
    for func in &prog.funcs {
        super::walk::statements(func, &mut |v| {
            if !matches!(v.stmt.kind, StmtKind::Defer(_)) {
                return;
            }
            let (line, col) = index.line_col(v.stmt.span.lo);
            let at = SrcLoc { line, col };
            // (function, inlined, strategy, why not open-coded)
            let mut copies: Vec<(String, bool, Strategy, Option<String>)> = Vec::new();
            for f in module.funcs.values() {
                for d in f.defers.values().filter(|d| d.origin == at) {
                    let inlined = f.scopes[d.scope].inlined.is_some();
                    let s = match (d.strategy, inlined) {
                        (Some(DeferStrategy::OpenCoded), true) => Strategy::Inlined,
                        (Some(DeferStrategy::OpenCoded), false) => Strategy::OpenCoded,
                        (Some(DeferStrategy::FrameRecord), _) => Strategy::FrameRecord,
                        (Some(DeferStrategy::ChainRecord) | None, _) => Strategy::ChainRecord,
                    };
                    let why = remarks
                        .iter()
                        .find(|r| {
                            r.func == f.name
                                && r.loc == at
                                && r.message.starts_with("defer not open-coded: ")
                        })
                        .map(|r| r.message["defer not open-coded: ".len()..].to_string());
                    let copy = (f.name.clone(), inlined, s, why);
                    if !copies.contains(&copy) {
                        copies.push(copy);
                    }
                }
            }
            // The function's own copy first, then the copies inlining made.
            copies.sort_by_key(|c| c.1);
            let message = if copies.is_empty() {
                "defer cost: none (the defer was removed as unreachable)".to_string()
            } else {
                let mut looped = false;
                let parts: Vec<String> = copies
                    .iter()
                    .map(|(f, inlined, s, why)| {
                        let place = match (s, inlined) {
                            (Strategy::Inlined, _) => {
                                format!("migrated by inlining into {f}, open-coded")
                            }
                            (_, true) => format!("migrated by inlining into {f}, {}", s.name()),
                            (_, false) => format!("{} in {f}", s.name()),
                        };
                        let why = why.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
                        let per = if *s == Strategy::ChainRecord && v.loops > 0 {
                            looped = true;
                            "per iteration"
                        } else {
                            "per call"
                        };
                        format!("{place}{why}, ~{} {per}", ns(table.of(*s)))
                    })
                    .collect();
                let advice = if looped {
                    format!(
                        "; outside the loop it would cost ~{} (open-coded)",
                        ns(table.open_coded)
                    )
                } else {
                    String::new()
                };
                format!("defer cost: {}{advice}", parts.join("; "))
            };
            out.push(Finding {
                analyzer: super::COST,
                span: v.stmt.span,
                message,
                fix: String::new(),
            });
        });
    }
    out.sort_by_key(|f| f.span.lo);
    out
}

/// `4.3 ns`, `26 ns`: two significant digits are all a noisy machine gives.
fn ns(x: f64) -> String {
    if x < 10.0 {
        format!("{x:.1} ns")
    } else {
        format!("{x:.0} ns")
    }
}
