//! The `deferlab` command: parses arguments and calls the pipeline (see `src/lib.rs`).

use clap::{Args, Parser, Subcommand, ValueEnum};
use deferlab::{compile, run_source, Config, Mode};
use std::io::Write;
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
        /// Print the passes' remarks as `file:line:col: message` (like gc's -m).
        #[arg(short = 'm')]
        remarks: bool,
        file: String,
    },
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

fn read(path: &str) -> Result<String, ExitCode> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| {
            eprintln!("deferlab: {path}: {e}");
            ExitCode::from(1)
        })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
            let src = match read(&file) {
                Ok(s) => s,
                Err(c) => return c,
            };
            let compiled = match compile(&file, &src, Mode::Run, &common.config()) {
                Ok(c) => c,
                Err(msg) => {
                    eprint!("{msg}");
                    return ExitCode::from(1);
                }
            };
            let mut out = std::io::stdout();
            if remarks {
                let mut rs = compiled.report.remarks.clone();
                rs.sort_by_key(|r| (r.loc.line, r.loc.col));
                for r in rs {
                    let _ = writeln!(out, "{file}:{}:{}: {}", r.loc.line, r.loc.col, r.message);
                }
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
    }
}
