//! The pass manager: runs `PASSES` in order, skipping disabled ones, and alone does what
//! surrounds a pass: timing, verification (after each pass when asked, and always in
//! debug builds and tests), per-function snapshots of the IR text (for `deferlab ir`'s
//! diffs), and collecting remarks.

use crate::{Pass, Property, PASSES};
use ir::verify::{verify_module_with, VerifyErrors, VerifyOptions};
use ir::write::write_function;
use ir::{Module, Remark, SrcLoc};
use std::fmt;
use std::time::{Duration, Instant};

/// The options passes read, carried by `PipelineConfig` into every `PassContext`
/// (`cx.options()`): configuration is a value passed down, never a global. The defaults
/// are what `deferlab` compiles with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassOptions {
    /// The inliner's budget: the largest cost (in IR instructions) of a function it
    /// inlines. Go's is 80 AST nodes (`inlineMaxBudget` in `inline/inl.go`); an IR
    /// instruction is roughly one node once the `panicking` tests are discounted, so
    /// the same number is the starting point.
    pub inline_budget: u32,
    /// How many levels of calls the inliner flattens into one function (a call inlined
    /// into a body that was itself inlined is depth 2). Bounds code growth through
    /// chains of small functions; a recursive function is never inlined into itself
    /// whatever the depth (`ir::callgraph::CallGraph::is_recursive`).
    pub max_inline_depth: u32,
}

impl Default for PassOptions {
    fn default() -> PassOptions {
        PassOptions {
            inline_budget: 80,
            max_inline_depth: 4,
        }
    }
}

/// What a pass may touch besides the module: its options, and where its remarks go.
pub struct PassContext {
    pass: &'static str,
    options: PassOptions,
    remarks: Vec<Remark>,
}

impl PassContext {
    pub fn new(pass: &'static str, options: PassOptions) -> PassContext {
        PassContext {
            pass,
            options,
            remarks: Vec::new(),
        }
    }

    /// The options of this run of the pipeline.
    pub fn options(&self) -> &PassOptions {
        &self.options
    }

    /// The name of the running pass.
    pub fn pass(&self) -> &'static str {
        self.pass
    }

    /// Records a decision about `func` at `loc`, in Go's words where Go has them.
    pub fn remark(&mut self, func: &str, loc: SrcLoc, message: impl Into<String>) {
        self.remarks.push(Remark {
            pass: self.pass.to_string(),
            func: func.to_string(),
            loc,
            message: message.into(),
            level: 1,
            detail: None,
        });
    }

    /// Records a decision gc reports only from `-m=2` on.
    pub fn remark_verbose(&mut self, func: &str, loc: SrcLoc, message: impl Into<String>) {
        self.remark(func, loc, message);
        if let Some(r) = self.remarks.last_mut() {
            r.level = 2;
        }
    }

    /// Records a decision gc words `message` at `-m` and `detail` from `-m=2` on.
    pub fn remark_detailed(
        &mut self,
        func: &str,
        loc: SrcLoc,
        message: impl Into<String>,
        detail: impl Into<String>,
    ) {
        self.remark(func, loc, message);
        if let Some(r) = self.remarks.last_mut() {
            r.detail = Some(detail.into());
        }
    }

    pub fn remarks(&self) -> &[Remark] {
        &self.remarks
    }

    pub fn into_remarks(self) -> Vec<Remark> {
        self.remarks
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PipelineConfig {
    /// Names of optional passes to skip.
    pub disabled: Vec<String>,
    /// Verify the module before the first pass and after every pass (always on in debug
    /// builds).
    pub verify_each: bool,
    /// Record every function's text before the first pass and after every pass.
    pub record_snapshots: bool,
    /// What every pass sees as `PassContext::options`.
    pub options: PassOptions,
}

/// A function's IR text at one point of the pipeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    /// `start` before the first pass, else the pass that just ran.
    pub pass: String,
    pub func: String,
    pub text: String,
}

/// The name of the snapshots taken before the first pass (as in Go's `ssa.html`).
pub const START: &str = "start";

#[derive(Clone, Debug, Default)]
pub struct PipelineReport {
    /// Each pass that ran, with its wall-clock time (without verification and snapshots).
    pub timings: Vec<(String, Duration)>,
    pub remarks: Vec<Remark>,
    pub snapshots: Vec<Snapshot>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PipelineError {
    /// A required pass was disabled.
    Required(String),
    /// A disabled pass does not exist.
    Unknown { name: String, known: Vec<String> },
    /// The IR failed verification before the first pass (`pass` is `None`) or after one.
    Verify {
        pass: Option<String>,
        errors: VerifyErrors,
    },
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::Required(p) => {
                write!(f, "pass {p} is required and cannot be disabled")
            }
            PipelineError::Unknown { name, known } => {
                write!(
                    f,
                    "unknown pass {name} (known passes: {})",
                    known.join(", ")
                )
            }
            PipelineError::Verify { pass: None, errors } => {
                write!(f, "the input IR does not verify:\n{errors}")
            }
            PipelineError::Verify {
                pass: Some(p),
                errors,
            } => write!(f, "the IR does not verify after pass {p}:\n{errors}"),
        }
    }
}

impl std::error::Error for PipelineError {}

/// Runs the pipeline over the module.
pub fn run_pipeline(m: &mut Module, cfg: &PipelineConfig) -> Result<PipelineReport, PipelineError> {
    for name in &cfg.disabled {
        match crate::pass(name) {
            None => {
                return Err(PipelineError::Unknown {
                    name: name.clone(),
                    known: PASSES.iter().map(|p| p.name.to_string()).collect(),
                })
            }
            Some(p) if p.required => return Err(PipelineError::Required(name.clone())),
            Some(_) => {}
        }
    }
    let passes: Vec<&Pass> = PASSES
        .iter()
        .filter(|p| !cfg.disabled.iter().any(|d| d == p.name))
        .collect();
    run(
        m,
        &passes,
        cfg.verify_each || cfg!(debug_assertions),
        cfg.record_snapshots,
        &cfg.options,
    )
}

/// Runs a single pass (required or not) with the default options and verification
/// before and after, as a pass test does. Properties established by earlier passes are
/// not assumed.
pub fn run_pass(m: &mut Module, name: &str) -> Result<PipelineReport, PipelineError> {
    run_pass_with(m, name, &PassOptions::default())
}

/// `run_pass` with the given options.
pub fn run_pass_with(
    m: &mut Module,
    name: &str,
    options: &PassOptions,
) -> Result<PipelineReport, PipelineError> {
    let Some(p) = crate::pass(name) else {
        return Err(PipelineError::Unknown {
            name: name.to_string(),
            known: PASSES.iter().map(|p| p.name.to_string()).collect(),
        });
    };
    run(m, &[p], true, false, options)
}

fn run(
    m: &mut Module,
    passes: &[&Pass],
    verify: bool,
    snapshots: bool,
    options: &PassOptions,
) -> Result<PipelineReport, PipelineError> {
    let mut report = PipelineReport::default();
    let mut opts = VerifyOptions::default();
    if verify {
        verify_module_with(m, opts)
            .map_err(|errors| PipelineError::Verify { pass: None, errors })?;
    }
    if snapshots {
        snapshot(m, START, &mut report);
    }
    for p in passes {
        let mut cx = PassContext::new(p.name, options.clone());
        let start = Instant::now();
        (p.run)(m, &mut cx);
        report.timings.push((p.name.to_string(), start.elapsed()));
        report.remarks.extend(cx.into_remarks());
        if p.establishes.contains(&Property::DefersLowered) {
            opts.lowered = true;
        }
        if verify {
            verify_module_with(m, opts).map_err(|errors| PipelineError::Verify {
                pass: Some(p.name.to_string()),
                errors,
            })?;
        }
        if snapshots {
            snapshot(m, p.name, &mut report);
        }
    }
    Ok(report)
}

fn snapshot(m: &Module, pass: &str, report: &mut PipelineReport) {
    for (_, f) in m.funcs.iter() {
        report.snapshots.push(Snapshot {
            pass: pass.to_string(),
            func: f.name.clone(),
            text: write_function(m, f),
        });
    }
}

/// The sets of disabled optional passes every program is tested under (the matrix),
/// the empty set (everything on) first. With up to three optional passes this is every
/// subset; beyond that, to keep the matrix linear, everything on, everything off, each
/// pass alone off and each pass alone on.
pub fn configurations() -> Vec<Vec<String>> {
    let optional: Vec<String> = PASSES
        .iter()
        .filter(|p| !p.required)
        .map(|p| p.name.to_string())
        .collect();
    let n = optional.len();
    let subset = |mask: u64| -> Vec<String> {
        (0..n)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| optional[i].clone())
            .collect()
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    if n <= 3 {
        let mut masks: Vec<u64> = (0..1u64 << n).collect();
        masks.sort_by_key(|m| (m.count_ones(), *m));
        out.extend(masks.into_iter().map(subset));
    } else {
        let all = (1u64 << n) - 1;
        let mut masks = vec![0, all];
        masks.extend((0..n).map(|i| 1u64 << i));
        masks.extend((0..n).map(|i| all & !(1u64 << i)));
        for m in masks {
            let s = subset(m);
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn configurations_start_with_everything_on() {
        let c = configurations();
        assert_eq!(c[0], Vec::<String>::new());
        for set in &c {
            for name in set {
                assert!(!crate::pass(name).expect("known pass").required);
            }
        }
    }

    #[test]
    fn configurations_cover_all_off_and_each_pass_alone() {
        let c = configurations();
        let optional: Vec<String> = PASSES
            .iter()
            .filter(|p| !p.required)
            .map(|p| p.name.to_string())
            .collect();
        assert!(c.contains(&optional), "everything off");
        for name in &optional {
            let others: Vec<String> = optional.iter().filter(|n| *n != name).cloned().collect();
            assert!(c.contains(&vec![name.clone()]), "{name} alone off");
            assert!(c.contains(&others), "{name} alone on");
        }
        for (i, set) in c.iter().enumerate() {
            assert!(!c[i + 1..].contains(set), "{set:?} twice");
        }
    }

    /// A pass that remarks on the options it was given.
    fn report_options(_: &mut Module, cx: &mut PassContext) {
        let o = cx.options().clone();
        let msg = format!(
            "inline_budget={} max_inline_depth={}",
            o.inline_budget, o.max_inline_depth
        );
        cx.remark("f", SrcLoc::default(), msg);
    }

    #[test]
    fn passes_see_the_configured_options() {
        let probe = Pass {
            name: "probe",
            required: false,
            invalidates: "nothing",
            establishes: &[],
            run: report_options,
        };
        let messages = |options: &PassOptions| -> Vec<String> {
            let report = run(&mut Module::default(), &[&probe], true, false, options)
                .expect("an empty module verifies");
            report.remarks.into_iter().map(|r| r.message).collect()
        };
        assert_eq!(
            messages(&PipelineConfig::default().options),
            ["inline_budget=80 max_inline_depth=4"]
        );
        let options = PassOptions {
            inline_budget: 20,
            max_inline_depth: 1,
        };
        assert_eq!(messages(&options), ["inline_budget=20 max_inline_depth=1"]);
    }

    #[test]
    fn disabling_a_required_pass_is_an_error() {
        let cfg = PipelineConfig {
            disabled: vec!["defer_lower".into()],
            ..Default::default()
        };
        let err = run_pipeline(&mut Module::default(), &cfg).unwrap_err();
        assert_eq!(
            err.to_string(),
            "pass defer_lower is required and cannot be disabled"
        );
    }

    #[test]
    fn disabling_an_unknown_pass_lists_the_known_ones() {
        let cfg = PipelineConfig {
            disabled: vec!["nope".into()],
            ..Default::default()
        };
        let err = run_pipeline(&mut Module::default(), &cfg).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown pass nope (known passes: devirt, inline, escape, open_defer, inline_defers, defer_lower, nopanic, mem2reg, checks, copyprop, dce, simplify_cfg)"
        );
    }
}
