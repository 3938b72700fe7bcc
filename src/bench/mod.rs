//! `deferlab bench`: runs a benchmark file's `BenchmarkXxx` functions the way
//! `go test -bench` does and prints Go's output format, so `benchstat` reads it.
//! With `--matrix` and `--vs-go` it measures the same benchmarks under several pass
//! configurations and with real Go, alternating them so that drift hits all, and
//! prints a table; `--plot` draws cost against defer count; `--json` is for machines.
//!
//! Layers: `runner` (Go's benchmark procedure on a program's guest thread),
//! `filter` (`-bench` and sub-benchmark names), `format` (Go's lines), `gotool` (real
//! Go), `plot` (the SVG), `table` (the comparison table). This module compiles,
//! schedules and reports.

pub mod filter;
pub mod format;
pub mod gotool;
pub mod plot;
pub mod runner;
mod table;

use crate::vet::cost;
use crate::{compile, Config, Mode};
use codegen::runtime::testing::BenchTime;
use filter::Filter;
use format::{benchmark_name, Measurement, PKG};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;
use table::{geomean, medians, render_table, table_rows, TableRow};

/// What `deferlab bench` was asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// `-bench REGEXP`.
    pub pattern: String,
    /// `-benchtime` as given (for `go test`) and parsed.
    pub benchtime_text: String,
    pub bench_time: BenchTime,
    /// `-count N`.
    pub count: u32,
    /// `-benchmem`.
    pub benchmem: bool,
    /// `--matrix`: every pass configuration the pass table can express.
    pub matrix: bool,
    /// `--vs-go[=PATH]`: also run real Go (`Some(None)`: find it).
    pub vs_go: Option<Option<PathBuf>>,
    /// `--go-gcflags FLAGS`: `go test -gcflags=FLAGS` for Go's side.
    pub go_gcflags: Option<String>,
    /// `--plot out.svg`.
    pub plot: Option<PathBuf>,
    /// `--json`: one JSON document on stdout instead of text.
    pub json: bool,
    /// `--save-costs`: measure the defer cost table `vet -cost` reads and write it here
    /// (see `vet::cost`).
    pub save_costs: Option<PathBuf>,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// The pass configuration (without `--matrix`).
    pub config: Config,
}

/// One measurement with where it came from.
#[derive(Clone, Debug, Serialize)]
pub struct Run {
    /// `deferlab` or `go`.
    pub runner: String,
    /// The pass configuration (`all`, `none`, `-inline`...) for deferlab.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub config: Option<String>,
    pub round: u32,
    #[serde(flatten)]
    pub m: Measurement,
}

/// A pass configuration and its compiled program.
struct Compiled {
    label: String,
    program: codegen::Program,
}

/// The `--json` document.
#[derive(Serialize)]
struct JsonReport<'a> {
    goos: &'a str,
    goarch: &'a str,
    cpu: String,
    procs: usize,
    benchtime: String,
    count: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    go_version: Option<String>,
    passed: bool,
    runs: &'a [Run],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    table: Vec<TableRow>,
    /// benchstat's `geomean` row of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    geomean: Option<TableRow>,
}

/// Runs `deferlab bench` on a file; returns the exit status. Output goes to the
/// process's stdout and stderr; a panic in a benchmark exits the process (as `go
/// test` does after its crash report).
pub fn run(path: &str, src: &str, opts: &Options) -> i32 {
    match run_inner(path, src, opts) {
        Ok(status) => status,
        Err(msg) => {
            eprint!("{msg}");
            if !msg.ends_with('\n') {
                eprintln!();
            }
            1
        }
    }
}

fn run_inner(path: &str, src: &str, opts: &Options) -> Result<i32, String> {
    let started = Instant::now();
    let filter = Filter::new(&opts.pattern)?;
    let procs = format::procs();
    let configs = if opts.matrix {
        matrix_configs()
    } else if opts.save_costs.is_some() {
        let mut no_open = opts.config.disabled.clone();
        no_open.push("open_defer".to_string());
        vec![
            (cost::CONFIG_ALL.to_string(), opts.config.disabled.clone()),
            (cost::CONFIG_NO_OPEN.to_string(), no_open),
        ]
    } else {
        vec![(String::from("deferlab"), opts.config.disabled.clone())]
    };
    let mut compiled = Vec::new();
    for (label, disabled) in configs {
        let cfg = Config {
            disabled,
            ..opts.config.clone()
        };
        let c = compile(path, src, Mode::Bench, &cfg)?;
        let copts = codegen::Options {
            verify: cfg.verify_each,
            opt: true,
        };
        let program = codegen::compile(&c.module, &copts)
            .map_err(|e| format!("{path}: internal compiler error: {e}\n"))?;
        compiled.push(Compiled { label, program });
    }
    let go = match &opts.vs_go {
        None => None,
        Some(given) => {
            let go = gotool::find_go(given.as_deref(), std::path::Path::new(path))?;
            Some(gotool::GoBench::build(
                &go,
                std::path::Path::new(path),
                opts.go_gcflags.as_deref(),
            )?)
        }
    };
    let names: Vec<String> = compiled[0]
        .program
        .benchmarks()
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| filter.matches(n).0)
        .collect();
    let table_mode = opts.matrix || go.is_some() || opts.save_costs.is_some();
    let per_round = compiled.len() + usize::from(go.is_some());
    let total = if table_mode {
        names.len() * per_round * opts.count as usize
    } else {
        names.len()
    };
    let progress = opts.progress.then(|| progress_bar(total as u64));
    let settings = runner::Settings {
        bench_time: opts.bench_time,
        count: if table_mode { 1 } else { opts.count },
        benchmem: opts.benchmem,
        procs,
        filter: filter.clone(),
        stream: !table_mode && !opts.json,
        on_progress: progress.clone(),
    };

    let mut runs = Vec::new();
    let mut passed = true;
    if !table_mode {
        let c = &compiled[0];
        let (ms, ok) = run_guest(&c.program, &settings, None)?;
        passed = ok;
        runs.extend(ms.into_iter().map(|m| Run {
            runner: "deferlab".into(),
            config: None,
            round: 0,
            m,
        }));
    } else {
        for round in 0..opts.count {
            for name in &names {
                for c in &compiled {
                    let (ms, ok) = run_guest(&c.program, &settings, Some(name))?;
                    passed &= ok;
                    runs.extend(ms.into_iter().map(|m| Run {
                        runner: "deferlab".into(),
                        config: Some(c.label.clone()),
                        round,
                        m,
                    }));
                }
                if let Some(go) = &go {
                    if let Some(pb) = &progress {
                        pb.set_message(format!("go {name}"));
                    }
                    let ms = go.run(
                        &filter.pattern_for(name),
                        &opts.benchtime_text,
                        opts.benchmem,
                    )?;
                    runs.extend(ms.into_iter().map(|m| Run {
                        runner: "go".into(),
                        config: None,
                        round,
                        m,
                    }));
                    if let Some(pb) = &progress {
                        pb.inc(1);
                    }
                }
            }
        }
    }
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }

    let labels: Vec<String> = compiled.iter().map(|c| c.label.clone()).collect();
    let table = if table_mode {
        table_rows(&runs, &labels, go.is_some())
    } else {
        Vec::new()
    };
    let mut out = std::io::stdout().lock();
    let w = |e: std::io::Error| e.to_string();
    if opts.json {
        let report = JsonReport {
            goos: format::goos(),
            goarch: format::goarch(),
            cpu: format::cpu_name(),
            procs,
            benchtime: opts.benchtime_text.clone(),
            count: opts.count,
            go_version: go.as_ref().map(|g| g.version.clone()),
            passed,
            runs: &runs,
            geomean: geomean(&table, &labels, go.is_some()),
            table,
        };
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(w)?;
    } else if table_mode {
        out.write_all(format::header().as_bytes()).map_err(w)?;
        if let Some(g) = &go {
            match &opts.go_gcflags {
                Some(flags) => writeln!(out, "go: {} -gcflags={flags}", g.version),
                None => writeln!(out, "go: {}", g.version),
            }
            .map_err(w)?;
        }
        writeln!(
            out,
            "benchtime: {}, count: {} (median of the rounds; runners alternate per benchmark)\n",
            opts.benchtime_text, opts.count
        )
        .map_err(w)?;
        if opts.matrix && labels.len() == 1 {
            writeln!(
                out,
                "(the pass table has no optional pass yet: all passes and none are one configuration)"
            )
            .map_err(w)?;
        }
        let table = render_table(&table, &labels, go.is_some(), opts.benchmem);
        out.write_all(table.as_bytes()).map_err(w)?;
    } else {
        // The test binary's verdict, then what `go test` adds.
        let secs = started.elapsed().as_secs_f64();
        if passed {
            writeln!(out, "PASS\nok  \t{PKG}\t{secs:.3}s").map_err(w)?;
        } else {
            writeln!(out, "FAIL\nexit status 1\nFAIL\t{PKG}\t{secs:.3}s\nFAIL").map_err(w)?;
        }
    }
    out.flush().map_err(w)?;

    if let Some(path) = &opts.save_costs {
        save_costs(path, &runs, procs, opts)?;
    }
    if let Some(svg) = &opts.plot {
        let suffix = benchmark_name("", procs);
        let (ours, go) = plot_series(&runs, &labels, opts.matrix);
        let n = plot::draw(svg, &ours, go.as_ref(), &suffix)?;
        if n == 0 {
            eprintln!("deferlab: --plot: no benchmark family with a defer count to draw");
        }
    }
    Ok(if passed { 0 } else { 1 })
}

/// `--save-costs`: the cost table from this run's medians, written to `path`.
fn save_costs(
    path: &std::path::Path,
    runs: &[Run],
    procs: usize,
    opts: &Options,
) -> Result<(), String> {
    let meds = medians(runs);
    let suffix = benchmark_name("", procs);
    let ns = |config: &str, name: &str| {
        let full = format!("{name}{suffix}");
        meds.iter()
            .find(|(n, _)| *n == full)
            .and_then(|(_, cols)| cols.get(config).copied())
    };
    let source = format!(
        "deferlab bench -benchtime {} -count {} on {} ({})",
        opts.benchtime_text,
        opts.count,
        format::cpu_name(),
        format::goarch()
    );
    let table = cost::CostTable::from_bench(ns, source)?;
    table.write(path)?;
    eprintln!(
        "deferlab: saved defer costs to {}: open-coded {:.1} ns, frame record {:.1} ns, chain record {:.1} ns, migrated by inlining {:.1} ns",
        path.display(),
        table.open_coded,
        table.frame_record,
        table.chain_record,
        table.inlined
    );
    Ok(())
}

/// Runs the matched benchmarks (or only the top-level benchmark `only`) of a program
/// on its guest thread. Returns the measurements and whether no benchmark failed.
fn run_guest(
    program: &codegen::Program,
    settings: &runner::Settings,
    only: Option<&str>,
) -> Result<(Vec<Measurement>, bool), String> {
    let benchmarks: Vec<(String, u64)> = program
        .benchmarks()
        .iter()
        .filter(|(n, _)| only.is_none_or(|o| o == n))
        .map(|(n, f)| (n.clone(), program.func_value(*f)))
        .collect();
    let init = program.init_func().map(|f| program.func_ptr(f) as usize);
    let settings = settings.clone();
    let (r, _, _) = program.on_guest(false, move || {
        let runner = runner::Runner::new(settings, format::header());
        // SAFETY: the code addresses and function values belong to `program`, whose
        // guest thread this is.
        unsafe { runner.run_all(init, &benchmarks) }
    });
    match r {
        Ok(report) => Ok((report.results, !report.failed)),
        Err(status) => Err(format!("benchmark exited with status {status}\n")),
    }
}

/// `--matrix`: the configurations `passes::configurations()` lists, then everything
/// optional off ("none") if that is not among them; identical sets only once.
fn matrix_configs() -> Vec<(String, Vec<String>)> {
    let optional: Vec<String> = passes::PASSES
        .iter()
        .filter(|p| !p.required)
        .map(|p| p.name.to_string())
        .collect();
    let mut sets = passes::configurations();
    if !sets.contains(&optional) {
        sets.push(optional.clone());
    }
    sets.into_iter()
        .map(|s| {
            let label = if s.is_empty() {
                "all".to_string()
            } else if s == optional {
                "none".to_string()
            } else {
                s.iter()
                    .map(|p| format!("-{p}"))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            (label, s)
        })
        .collect()
}

fn progress_bar(total: u64) -> indicatif::ProgressBar {
    let pb = indicatif::ProgressBar::new(total);
    pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:30} {pos}/{len} {wide_msg}",
    ) {
        pb.set_style(style);
    }
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
    pb
}

/// The plot's series: one per configuration (`deferlab`, or `deferlab <label>` with
/// `--matrix`), in the table's order, and Go's if it ran.
fn plot_series(
    runs: &[Run],
    labels: &[String],
    matrix: bool,
) -> (Vec<plot::Series>, Option<plot::Series>) {
    let meds = medians(runs);
    let series = |col: &str, label: String| plot::Series {
        label,
        ns_per_op: meds
            .iter()
            .filter_map(|(name, c)| c.get(col).map(|v| (name.clone(), *v)))
            .collect(),
    };
    let ours = labels
        .iter()
        .map(|col| {
            let label = if matrix {
                format!("deferlab {col}")
            } else {
                "deferlab".to_string()
            };
            series(col, label)
        })
        .filter(|s| !s.ns_per_op.is_empty())
        .collect();
    let go = Some(series("go", "go".to_string())).filter(|s| !s.ns_per_op.is_empty());
    (ours, go)
}
