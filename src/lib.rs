//! The driver: the whole pipeline from a Go source file to a run, shared by the
//! `deferlab` binary and the test suite.
//!
//! source --frontend--> IR --passes--> IR --codegen--> machine code --> run

pub mod bench;
pub mod irview;
pub mod vet;

use std::time::{Duration, Instant};

/// How to compile: which optional passes to skip, and whether to verify after each.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub disabled: Vec<String>,
    pub verify_each: bool,
    pub record_snapshots: bool,
}

/// What a file is compiled as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A program with `func main`.
    Run,
    /// A benchmark file.
    Bench,
}

/// A compiled module with what the pipeline reported.
pub struct Compiled {
    /// The checked program the IR was lowered from (`deferlab vet` reads it).
    pub hir: frontend::hir::Program,
    /// The IR straight out of lowering, before any pass.
    pub built: ir::Module,
    /// The IR after the pass pipeline.
    pub module: ir::Module,
    pub report: passes::PipelineReport,
    /// Front-end phases and passes, in order, with their durations.
    pub timings: Vec<(String, Duration)>,
}

/// Runs the front end and the pass pipeline. The error is the rendered message
/// (`file:line:col: message` with the source line and a caret), ready to print.
pub fn compile(path: &str, src: &str, mode: Mode, cfg: &Config) -> Result<Compiled, String> {
    let mut timings = Vec::new();
    let t = Instant::now();
    let file =
        frontend::parser::parse_file(src).map_err(|d| frontend::diag::render(path, src, &d))?;
    timings.push(("lex+parse".to_string(), t.elapsed()));
    let t = Instant::now();
    let checked = match mode {
        Mode::Run => frontend::check::check_file(&file, src),
        Mode::Bench => frontend::check::check_bench_file(&file, src),
    }
    .map_err(|d| frontend::diag::render(path, src, &d))?;
    timings.push(("check".to_string(), t.elapsed()));
    let t = Instant::now();
    let built = frontend::lower::lower_program(&checked, src);
    timings.push(("lower".to_string(), t.elapsed()));
    let mut module = built.clone();
    let pcfg = passes::PipelineConfig {
        disabled: cfg.disabled.clone(),
        verify_each: cfg.verify_each || cfg!(debug_assertions),
        record_snapshots: cfg.record_snapshots,
        options: passes::PassOptions::default(),
    };
    let report = passes::run_pipeline(&mut module, &pcfg)
        .map_err(|e| format!("{path}: internal compiler error: {e}\n"))?;
    for (name, d) in &report.timings {
        timings.push((format!("pass {name}"), *d));
    }
    Ok(Compiled {
        hir: checked,
        built,
        module,
        report,
        timings,
    })
}

/// The passes' remarks as `deferlab build -m` prints them: `file:line:col: message`,
/// in source order (gc's `-m` order), one per line.
pub fn remarks_text(path: &str, report: &passes::PipelineReport) -> String {
    remarks_text_at(path, report, 1)
}

/// The remarks as `deferlab build -m=level` prints them (gc's `-m=2` adds the
/// inliner's costs and its reasons for not inlining). A line said twice is printed
/// once: an inlined body's copy of a statement gets the same remark as the original
/// when the passes treat both alike. Remarks without a source position (about the
/// dispatch functions behind interface calls, which gc's wrappers are) are not printed.
pub fn remarks_text_at(path: &str, report: &passes::PipelineReport, level: u8) -> String {
    let mut rs: Vec<&ir::Remark> = report.remarks.iter().filter(|r| r.loc.line != 0).collect();
    rs.sort_by_key(|r| (r.loc.line, r.loc.col));
    let mut lines: Vec<String> = rs.iter().filter_map(|r| r.render_at(path, level)).collect();
    let mut seen = std::collections::HashSet::new();
    lines.retain(|l| seen.insert(l.clone()));
    lines.into_iter().map(|l| l + "\n").collect()
}

/// The result of `run_file`.
pub struct RunResult {
    pub status: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timings: Vec<(String, Duration)>,
}

/// Compiles and runs a program. With `capture`, output is collected and `os.Exit` or a
/// fatal error ends only the guest (for tests); otherwise output goes to the process's
/// streams and those end the process. A compile error gives status 1 with the message
/// on stderr.
pub fn run_source(path: &str, src: &str, cfg: &Config, capture: bool) -> RunResult {
    let compiled = match compile(path, src, Mode::Run, cfg) {
        Ok(c) => c,
        Err(msg) => {
            return RunResult {
                status: 1,
                stdout: Vec::new(),
                stderr: msg.into_bytes(),
                timings: Vec::new(),
            }
        }
    };
    let mut timings = compiled.timings;
    let t = Instant::now();
    let opts = codegen::Options {
        verify: cfg.verify_each,
        opt: true,
    };
    let program = match codegen::compile(&compiled.module, &opts) {
        Ok(p) => p,
        Err(e) => {
            return RunResult {
                status: 1,
                stdout: Vec::new(),
                stderr: format!("{path}: internal compiler error: {e}\n").into_bytes(),
                timings,
            }
        }
    };
    timings.push(("cranelift".to_string(), t.elapsed()));
    let t = Instant::now();
    let (status, stdout, stderr) = if capture {
        let out = program.run_main_captured();
        (out.status, out.stdout, out.stderr)
    } else {
        (program.run_main(), Vec::new(), Vec::new())
    };
    timings.push(("run".to_string(), t.elapsed()));
    RunResult {
        status,
        stdout,
        stderr,
        timings,
    }
}
