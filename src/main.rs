//! The `deferlab` command: parses arguments and calls the pipeline (see `src/lib.rs`).

use clap::{Args, Parser, Subcommand, ValueEnum};
use deferlab::{compile, irview, run_source, vet, Config, Mode};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "deferlab",
    version,
    about = "A Go-subset compiler that shows what defers cost"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile and run a program, as `go run` would.
    Run {
        #[command(flatten)]
        common: Common,
        /// Print how long each phase took (to stderr, after the program's output).
        #[arg(long)]
        time: bool,
        file: String,
    },
    /// Compile a program and print an intermediate form or the remarks.
    Build {
        #[command(flatten)]
        common: Common,
        /// What to print: our final IR, Cranelift's IR, or machine code.
        #[arg(long, value_enum)]
        emit: Option<Emit>,
        /// Print the passes' remarks as `file:line:col: message` (like gc's -m; `-m=2`
        /// adds the inliner's costs and reasons).
        #[arg(short = 'm', num_args = 0..=1, require_equals = true, default_missing_value = "1",
              value_name = "LEVEL")]
        remarks: Option<u8>,
        file: String,
    },
    /// Show the IR of every function after lowering and what each pass changed.
    Ir {
        #[command(flatten)]
        common: Common,
        /// Only this function (Go's name, e.g. `main` or `(*T).M`).
        #[arg(long = "func", value_name = "F")]
        func: Option<String>,
        /// Only this pass's diff.
        #[arg(long, value_name = "P", conflicts_with_all = ["before", "after"])]
        pass: Option<String>,
        /// Only the whole function as it was before pass P ran.
        #[arg(long, value_name = "P", conflicts_with = "after")]
        before: Option<String>,
        /// Only the whole function as pass P left it (`start`: after lowering).
        #[arg(long, value_name = "P")]
        after: Option<String>,
        /// Print `[{func, pass, seq, changed, ir}]` as JSON instead.
        #[arg(long, conflicts_with_all = ["html", "before", "after"])]
        json: bool,
        /// Write a self-contained HTML page (a column per pass) to this path instead
        /// (every pass; `--func` selects functions).
        #[arg(long, value_name = "OUT", conflicts_with_all = ["pass", "before", "after"])]
        html: Option<String>,
        /// Colour the diffs: `auto` does on a terminal unless NO_COLOR is set.
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
        file: String,
    },
    /// Report the defer mistakes go vet misses, as go vet reports (exit status 1 when
    /// it finds any); `-cost` adds what each defer costs.
    Vet {
        #[command(flatten)]
        vet: VetArgs,
        #[command(flatten)]
        analyzers: AnalyzerFlags,
        file: String,
    },
    /// Run a file's benchmarks as `go test -bench` does, in Go's output format.
    Bench {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        bench: BenchArgs,
        file: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `deferlab bench` flags. Go's spellings with one dash (`-bench .`, `-benchtime=10x`)
/// are accepted too (see `go_style_flags`).
#[derive(Args)]
struct BenchArgs {
    /// Run only the benchmarks matching this regexp (Go's -bench).
    #[arg(long, value_name = "REGEXP", default_value = ".")]
    bench: String,
    /// How long to run each benchmark (1s, 500ms) or how many times (100x).
    #[arg(long, value_name = "D|Nx", default_value = "1s")]
    benchtime: String,
    /// Run each benchmark N times.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    count: u32,
    /// Print memory allocation statistics (B/op, allocs/op).
    #[arg(long)]
    benchmem: bool,
    /// Measure every pass configuration and print a table of ns/op with ratios.
    #[arg(long)]
    matrix: bool,
    /// Also run real Go (on PATH, at PATH, or installed by shared/tools/install-go.sh),
    /// alternating with deferlab, and print a side-by-side table.
    #[arg(long = "vs-go", value_name = "PATH", num_args = 0..=1, require_equals = true)]
    vs_go: Option<Option<std::path::PathBuf>>,
    /// With --vs-go: build Go's side with these compiler flags (`go test -gcflags=FLAGS`;
    /// `-l` turns gc's inliner off, to set against `--disable-pass inline`).
    #[arg(
        long = "go-gcflags",
        value_name = "FLAGS",
        requires = "vs_go",
        allow_hyphen_values = true
    )]
    go_gcflags: Option<String>,
    /// Draw ns/op against the number of defers into an SVG file.
    #[arg(long, value_name = "OUT.svg")]
    plot: Option<std::path::PathBuf>,
    /// Print one JSON document instead of text.
    #[arg(long)]
    json: bool,
    /// Measure the defer cost table `deferlab vet -cost` reads (run it on
    /// shared/bench/defer_test.go) and write it to FILE (default: the user's cache dir,
    /// `$XDG_CACHE_HOME/deferlab/defer-costs.json` or `~/.cache/deferlab/...`).
    #[arg(long = "save-costs", value_name = "FILE", num_args = 0..=1, require_equals = true,
          conflicts_with_all = ["matrix", "vs_go", "plot"])]
    save_costs: Option<Option<std::path::PathBuf>>,
}

/// `deferlab vet` flags (one dash or two, as go vet's).
#[derive(Args)]
struct VetArgs {
    /// Print go vet's JSON tree on stdout instead of text (exit status 0, as go vet -json).
    #[arg(long)]
    json: bool,
    /// Add a line per defer: the strategy the passes chose and what it costs.
    #[arg(long)]
    cost: bool,
    /// The cost table for -cost (default: the one `deferlab bench --save-costs` saved
    /// in the user's cache dir, else the built-in one).
    #[arg(long, value_name = "FILE")]
    costs: Option<std::path::PathBuf>,
}

/// `-NAME[=BOOL]` for every analyzer in `vet::ANALYZERS`, as go vet's flags: any set
/// true selects only those; set false, all but those.
struct AnalyzerFlags(Vec<(&'static str, bool)>);

impl clap::FromArgMatches for AnalyzerFlags {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(AnalyzerFlags(
            vet::ANALYZERS
                .iter()
                .filter_map(|a| m.get_one::<bool>(a.name).map(|on| (a.name, *on)))
                .collect(),
        ))
    }
    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl Args for AnalyzerFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        vet::ANALYZERS.iter().fold(cmd, |cmd, a| {
            cmd.arg(
                clap::Arg::new(a.name)
                    .long(a.name)
                    .value_name("BOOL")
                    .num_args(0..=1)
                    .require_equals(true)
                    .default_missing_value("true")
                    .value_parser(clap::builder::BoolishValueParser::new())
                    .help(format!("enable the {} analysis: {}", a.name, a.doc)),
            )
        })
    }
    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

/// Go's single-dash long flags (`-bench`, `-benchtime`, `-count`, `-benchmem`) and
/// ours (`-json`, ...) after `bench`, rewritten to clap's `--` form.
fn go_style_flags(args: Vec<String>) -> Vec<String> {
    const LONG: &[&str] = &[
        "bench",
        "benchtime",
        "count",
        "benchmem",
        "matrix",
        "vs-go",
        "plot",
        "json",
        "save-costs",
    ];
    const VET: &[&str] = &["json", "cost", "costs"];
    let sub = args.get(1).cloned().unwrap_or_default();
    let known = |name: &str| match sub.as_str() {
        "bench" => LONG.contains(&name),
        "vet" => VET.contains(&name) || vet::ANALYZERS.iter().any(|a| a.name == name),
        _ => false,
    };
    args.into_iter()
        .map(|a| match a.strip_prefix('-') {
            Some(rest) if !rest.starts_with('-') && known(rest.split('=').next().unwrap_or("")) => {
                format!("-{a}")
            }
            _ => a,
        })
        .collect()
}

#[derive(Args)]
struct Common {
    /// Skip an optional pass (repeatable).
    #[arg(long = "disable-pass", value_name = "PASS")]
    disable_pass: Vec<String>,
    /// Verify the IR after every pass.
    #[arg(long)]
    verify_each: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Emit {
    Ir,
    Clif,
    Asm,
}

impl Common {
    fn config(&self) -> Config {
        Config {
            disabled: self.disable_pass.clone(),
            verify_each: self.verify_each,
            record_snapshots: false,
        }
    }
}

/// Reads and compiles `file`, printing the error (exit status 1) if either fails. A
/// `_test.go` file is compiled as `bench` compiles it (any package name, its
/// `Benchmark` functions), so its IR and remarks can be read too.
fn compile_file(file: &str, cfg: &Config) -> Result<(String, deferlab::Compiled), ExitCode> {
    let src = read(file)?;
    let mode = if file.ends_with("_test.go") {
        Mode::Bench
    } else {
        Mode::Run
    };
    match compile(file, &src, mode, cfg) {
        Ok(c) => Ok((src, c)),
        Err(msg) => {
            eprint!("{msg}");
            Err(ExitCode::from(1))
        }
    }
}

fn read(path: &str) -> Result<String, ExitCode> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| {
            eprintln!("deferlab: {path}: {e}");
            ExitCode::from(1)
        })
}

fn main() -> ExitCode {
    let cli = Cli::parse_from(go_style_flags(std::env::args().collect()));
    match cli.command {
        Command::Bench {
            common,
            bench,
            file,
        } => {
            let src = match read(&file) {
                Ok(s) => s,
                Err(c) => return c,
            };
            let bench_time = match deferlab::bench::format::parse_benchtime(&bench.benchtime) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("deferlab: {e}");
                    return ExitCode::from(2);
                }
            };
            let save_costs = match bench.save_costs {
                None => None,
                Some(Some(p)) => Some(p),
                Some(None) => match vet::cost::default_path() {
                    Some(p) => Some(p),
                    None => {
                        eprintln!("deferlab: --save-costs: no cache dir (set HOME or XDG_CACHE_HOME, or give a FILE)");
                        return ExitCode::from(2);
                    }
                },
            };
            // The cost table needs only a few benchmarks of the reference file.
            let pattern = if save_costs.is_some() && bench.bench == "." {
                vet::cost::BENCH_PATTERN.to_string()
            } else {
                bench.bench
            };
            let opts = deferlab::bench::Options {
                save_costs,
                pattern,
                benchtime_text: bench.benchtime,
                bench_time,
                count: bench.count,
                benchmem: bench.benchmem,
                matrix: bench.matrix,
                vs_go: bench.vs_go,
                go_gcflags: bench.go_gcflags,
                plot: bench.plot,
                json: bench.json,
                progress: std::io::stderr().is_terminal(),
                config: common.config(),
            };
            let status = deferlab::bench::run(&file, &src, &opts);
            ExitCode::from(status.clamp(0, 255) as u8)
        }
        Command::Vet {
            vet: args,
            analyzers,
            file,
        } => {
            let src = match read(&file) {
                Ok(s) => s,
                Err(c) => return c,
            };
            let costs = if args.cost {
                match vet::cost::CostTable::load(args.costs.as_deref()) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("deferlab vet: {e}");
                        return ExitCode::from(1);
                    }
                }
            } else {
                vet::cost::CostTable::default()
            };
            let opts = vet::Options {
                enabled: vet::select(&analyzers.0),
                cost: args.cost,
                costs,
            };
            let report = match vet::vet(&file, &src, &opts) {
                Ok(r) => r,
                Err(msg) => {
                    eprint!("{msg}");
                    return ExitCode::from(1);
                }
            };
            if args.json {
                let _ =
                    std::io::stdout().write_all(vet::output::json(&file, &src, &report).as_bytes());
                return ExitCode::SUCCESS;
            }
            let _ = std::io::stderr().write_all(vet::output::text(&file, &src, &report).as_bytes());
            ExitCode::from(u8::from(!report.findings.is_empty()))
        }
        Command::Run { common, time, file } => {
            let src = match read(&file) {
                Ok(s) => s,
                Err(c) => return c,
            };
            let r = run_source(&file, &src, &common.config(), false);
            let _ = std::io::stderr().write_all(&r.stderr);
            if time {
                let mut err = std::io::stderr();
                for (phase, d) in &r.timings {
                    let _ = writeln!(err, "{phase:<24} {:>10.3} ms", d.as_secs_f64() * 1e3);
                }
            }
            ExitCode::from(r.status.clamp(0, 255) as u8)
        }
        Command::Build {
            common,
            emit,
            remarks,
            file,
        } => {
            let compiled = match compile_file(&file, &common.config()) {
                Ok((_, c)) => c,
                Err(code) => return code,
            };
            let mut out = std::io::stdout();
            if let Some(level) = remarks {
                let text = deferlab::remarks_text_at(&file, &compiled.report, level);
                let _ = out.write_all(text.as_bytes());
            }
            let opts = codegen::Options {
                verify: common.verify_each,
                opt: true,
            };
            let text = match emit {
                None => return ExitCode::SUCCESS,
                Some(Emit::Ir) => Ok(ir::write::write_module(&compiled.module)),
                Some(Emit::Clif) => codegen::emit_clif(&compiled.module, &opts),
                Some(Emit::Asm) => codegen::emit_asm(&compiled.module, &opts),
            };
            match text {
                Ok(t) => {
                    let _ = out.write_all(t.as_bytes());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{file}: internal compiler error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Ir {
            common,
            func,
            pass,
            before,
            after,
            json,
            html,
            color,
            file,
        } => {
            let mut cfg = common.config();
            cfg.record_snapshots = true;
            let (src, compiled) = match compile_file(&file, &cfg) {
                Ok(x) => x,
                Err(code) => return code,
            };
            let hist = irview::history(&compiled.report.snapshots);
            let filter = irview::Filter {
                func,
                pass,
                before,
                after,
            };
            if let Err(msg) = irview::check_filter(&hist, &filter, &cfg.disabled) {
                eprintln!("deferlab ir: {msg}");
                return ExitCode::from(1);
            }
            if let Some(out) = html {
                let shown: Vec<irview::FuncHistory> = hist
                    .into_iter()
                    .filter(|h| filter.func.as_ref().is_none_or(|f| f == &h.name))
                    .collect();
                let page = irview::html::render(&file, &src, &shown);
                if let Err(e) = std::fs::write(&out, page) {
                    eprintln!("deferlab ir: {out}: {e}");
                    return ExitCode::from(1);
                }
                return ExitCode::SUCCESS;
            }
            let text = if json {
                irview::render_json(&hist, &filter)
            } else {
                let color = match color {
                    ColorChoice::Always => irview::Color::Always,
                    ColorChoice::Never => irview::Color::Never,
                    ColorChoice::Auto => {
                        if std::io::stdout().is_terminal()
                            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                        {
                            irview::Color::Always
                        } else {
                            irview::Color::Never
                        }
                    }
                };
                irview::render_text(&hist, &filter, color)
            };
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
    }
}
