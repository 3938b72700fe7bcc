//! `difftest N [SEED]`: differential testing against real Go. Generates N programs
//! with gogen from seeds SEED.. (default 0), builds each with real Go, runs it, runs
//! deferlab on it under every configuration `passes::configurations()` lists (each in
//! a child process, as `deferlab run` would), and compares stdout, the exit status and
//! stderr up to Go's goroutine dump (normalised as the goldens are). A mismatch is
//! reduced (`gogen::reduce`, keeping candidates that Go still builds and that still
//! differ the same way) and written with what differed to the output directory.
//!
//! Flags: `--out DIR` (default `target/difftest`), `--jobs N` (default 2),
//! `--batch N` programs per `go build` (default 50), `--no-reduce`,
//! `--enable FEATURE` (an optional generator shape, e.g. `nested_defer_recover`).
//! Exit status 1 when anything mismatched or Go rejected a generated program (a
//! generator bug), 2 on bad usage.

mod golang;
mod outcome;

use outcome::{classify, describe, Kind, Outcome, Status};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const CHILD_PATH: &str = "DIFFTEST_CHILD";
const CHILD_DISABLED: &str = "DIFFTEST_DISABLED";
/// The file name programs are compiled under (Go's package directory holds main.go).
const FILE: &str = "main.go";
const GO_LIMIT: Duration = Duration::from_secs(10);
const OURS_LIMIT: Duration = Duration::from_secs(20);
/// A reduction stops after this many candidates or this long, keeping what it has.
const REDUCE_TRIES: usize = 800;
const REDUCE_TIME: Duration = Duration::from_secs(240);

struct Args {
    count: u64,
    seed: u64,
    out: PathBuf,
    jobs: usize,
    batch: usize,
    reduce: bool,
    gen: gogen::Config,
}

fn usage(msg: &str) -> ! {
    eprintln!("difftest: {msg}");
    eprintln!(
        "usage: difftest N [SEED] [--out DIR] [--jobs N] [--batch N] [--no-reduce] [--enable FEATURE]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut a = Args {
        count: 0,
        seed: 0,
        out: testsuite::repo_root().join("target/difftest"),
        jobs: 2,
        batch: 50,
        reduce: true,
        gen: gogen::Config::default(),
    };
    let mut positional = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .unwrap_or_else(|| usage(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            // Absolute: Go's binaries are built under it and run from other directories.
            "--out" => {
                let out = PathBuf::from(value("--out"));
                a.out = std::path::absolute(&out).unwrap_or(out);
            }
            "--jobs" => {
                a.jobs = value("--jobs")
                    .parse()
                    .unwrap_or_else(|_| usage("bad --jobs"))
            }
            "--batch" => {
                a.batch = value("--batch")
                    .parse()
                    .unwrap_or_else(|_| usage("bad --batch"))
            }
            "--no-reduce" => a.reduce = false,
            "--enable" => {
                let f = value("--enable");
                a.gen.enable(&f).unwrap_or_else(|e| usage(&e));
            }
            _ => positional.push(
                arg.parse::<u64>()
                    .unwrap_or_else(|_| usage(&format!("bad argument {arg:?}"))),
            ),
        }
    }
    match positional[..] {
        [n] => a.count = n,
        [n, s] => (a.count, a.seed) = (n, s),
        _ => usage("expected N [SEED]"),
    }
    a.jobs = a.jobs.max(1);
    a.batch = a.batch.max(1);
    a
}

/// Child mode: the program, shown as `main.go` (as Go's run of it is).
fn child(path: &str) -> ! {
    testsuite::run_child(path, FILE, CHILD_DISABLED)
}

fn run_ours(src: &Path, disabled: &[String]) -> Outcome {
    let exe = std::env::current_exe().expect("the running binary has a path");
    let mut cmd = Command::new(exe);
    cmd.env(CHILD_PATH, src)
        .env(CHILD_DISABLED, disabled.join(","));
    outcome::run(cmd, OURS_LIMIT)
}

/// What became of one generated program.
enum Verdict {
    /// Go rejected it or could not run it: a generator bug.
    GoFailed(String),
    /// Per configuration, the kind of mismatch (None: matched) and deferlab's run.
    Compared {
        go: Outcome,
        runs: Vec<(Option<Kind>, Outcome)>,
    },
}

fn compare(
    module: &golang::Module,
    name: &str,
    built: &Result<PathBuf, String>,
    configs: &[Vec<String>],
) -> Verdict {
    let bin = match built {
        Ok(b) => b,
        Err(e) => return Verdict::GoFailed(e.clone()),
    };
    let go = outcome::run(golang::command(bin), GO_LIMIT);
    if go.status == Status::Timeout || matches!(go.status, Status::Signal(_)) {
        return Verdict::GoFailed(format!("go's binary: {}", go.status));
    }
    let src = module.source(name);
    let runs = configs
        .iter()
        .map(|d| {
            let ours = run_ours(&src, d);
            (classify(&go, &ours, FILE), ours)
        })
        .collect();
    Verdict::Compared { go, runs }
}

/// Whether `src` is accepted by our front end (without running anything), guarding
/// against front-end panics.
fn frontend_accepts(src: &str) -> bool {
    std::panic::catch_unwind(|| {
        frontend::parser::parse_file(src)
            .ok()
            .is_some_and(|f| frontend::check::check_file(&f, src).is_ok())
    })
    .unwrap_or(false)
}

/// Reduces a mismatching program, keeping candidates that real Go builds and on which
/// deferlab under `disabled` still differs from Go as `kind`.
fn shrink(
    module: &golang::Module,
    seed: u64,
    src: &str,
    disabled: &[String],
    kind: Kind,
) -> (String, usize) {
    let name = format!("r{seed}");
    let start = Instant::now();
    let mut tries = 0;
    let reduced = gogen::reduce(src, |cand| {
        if tries >= REDUCE_TRIES || start.elapsed() > REDUCE_TIME {
            return false;
        }
        // Cheap filter first: our front end's verdict must not change.
        if frontend_accepts(cand) == (kind == Kind::Rejected) {
            return false;
        }
        tries += 1;
        if module.write(&name, cand).is_err() {
            return false;
        }
        let Some(Ok(bin)) = module.build(std::slice::from_ref(&name)).pop() else {
            return false;
        };
        let go = outcome::run(golang::command(&bin), GO_LIMIT);
        if !matches!(go.status, Status::Exit(_)) {
            return false;
        }
        classify(&go, &run_ours(&module.source(&name), disabled), FILE) == Some(kind)
    });
    (reduced, tries)
}

#[derive(Default)]
struct Stats {
    generated: u64,
    go_failed: Vec<u64>,
    /// Per configuration: matched, mismatched.
    per_config: Vec<(u64, u64)>,
    /// Programs with at least one mismatch: (seed, kinds).
    mismatched: Vec<(u64, String)>,
    /// Feature: (occurrences, programs containing it).
    features: BTreeMap<&'static str, (u64, u64)>,
}

fn main() {
    if let Ok(path) = std::env::var(CHILD_PATH) {
        child(&path);
    }
    let args = parse_args();
    let go = golang::find_go().unwrap_or_else(|e| {
        eprintln!("difftest: {e}");
        std::process::exit(2)
    });
    let configs = passes::configurations();
    let names: Vec<String> = configs.iter().map(|d| testsuite::config_name(d)).collect();
    let _ = std::fs::remove_dir_all(args.out.join("work"));
    let module = golang::Module::new(&args.out.join("work"), &go).unwrap_or_else(|e| {
        eprintln!("difftest: cannot create {}: {e}", args.out.display());
        std::process::exit(2)
    });
    let start = Instant::now();
    let mut st = Stats {
        per_config: vec![(0, 0); configs.len()],
        ..Stats::default()
    };
    let seeds: Vec<u64> = (args.seed..args.seed + args.count).collect();
    for chunk in seeds.chunks(args.batch) {
        let programs: Vec<gogen::Program> = chunk
            .iter()
            .map(|&s| gogen::generate(s, &args.gen))
            .collect();
        let pnames: Vec<String> = chunk.iter().map(|s| format!("p{s}")).collect();
        for (p, n) in programs.iter().zip(&pnames) {
            module
                .write(n, &p.source)
                .expect("writing into the work directory");
        }
        let built = module.build(&pnames);
        let next = AtomicUsize::new(0);
        let verdicts: Mutex<Vec<Option<Verdict>>> =
            Mutex::new((0..chunk.len()).map(|_| None).collect());
        std::thread::scope(|s| {
            for _ in 0..args.jobs {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= chunk.len() {
                        break;
                    }
                    let v = compare(&module, &pnames[i], &built[i], &configs);
                    verdicts.lock().expect("no worker panics holding the lock")[i] = Some(v);
                });
            }
        });
        let verdicts = verdicts.into_inner().expect("workers done");
        for ((p, v), name) in programs.iter().zip(verdicts).zip(&pnames) {
            st.generated += 1;
            for (f, n) in &p.features {
                let e = st.features.entry(f).or_default();
                e.0 += n;
                e.1 += 1;
            }
            match v.expect("every program compared") {
                Verdict::GoFailed(err) => {
                    st.go_failed.push(p.seed);
                    let dir = args.out.join(format!("gobug-{}", p.seed));
                    let _ = std::fs::create_dir_all(&dir);
                    let _ = std::fs::write(dir.join("program.go"), &p.source);
                    let _ = std::fs::write(dir.join("go-errors.txt"), &err);
                    eprintln!("difftest: seed {}: real Go failed on the generated program (generator bug):\n{err}", p.seed);
                }
                Verdict::Compared { go, runs } => {
                    for (c, (kind, _)) in runs.iter().enumerate() {
                        if kind.is_some() {
                            st.per_config[c].1 += 1;
                        } else {
                            st.per_config[c].0 += 1;
                        }
                    }
                    if runs.iter().any(|r| r.0.is_some()) {
                        let summary = report(&args, &module, p, name, &go, &runs, &configs, &names);
                        st.mismatched.push((p.seed, summary));
                    }
                }
            }
        }
        eprintln!(
            "difftest: {} programs, {} mismatched, {} generator bugs, {:.0}s",
            st.generated,
            st.mismatched.len(),
            st.go_failed.len(),
            start.elapsed().as_secs_f64()
        );
    }
    print_summary(&args, &st, &names, start.elapsed());
    let failed = !st.mismatched.is_empty() || !st.go_failed.is_empty();
    std::process::exit(i32::from(failed))
}

/// Writes `seed-N/` (program, reduced program, what differed) and returns a one-line
/// summary.
#[allow(clippy::too_many_arguments)]
fn report(
    args: &Args,
    module: &golang::Module,
    p: &gogen::Program,
    _name: &str,
    go: &Outcome,
    runs: &[(Option<Kind>, Outcome)],
    configs: &[Vec<String>],
    names: &[String],
) -> String {
    let dir = args.out.join(format!("seed-{}", p.seed));
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join("program.go"), &p.source);
    let mut text = format!("seed {}\n", p.seed);
    let mut first = None;
    let mut kinds = Vec::new();
    for (c, (kind, ours)) in runs.iter().enumerate() {
        if let Some(k) = kind {
            first.get_or_insert((c, *k));
            kinds.push(format!("{}:{}", names[c], k.name()));
            text += &format!("\n== {} ({})\n{}", names[c], k.name(), describe(go, ours));
        }
    }
    let (c, kind) = first.expect("report is called on a mismatch");
    if args.reduce {
        let (reduced, tries) = shrink(module, p.seed, &p.source, &configs[c], kind);
        let _ = std::fs::write(dir.join("reduced.go"), &reduced);
        text += &format!(
            "\n== reduced under {} ({} candidates tried): {} lines from {}\n",
            names[c],
            tries,
            reduced.lines().count(),
            p.source.lines().count()
        );
        let rname = format!("r{}", p.seed);
        let _ = module.write(&rname, &reduced);
        if let Some(Ok(bin)) = module.build(std::slice::from_ref(&rname)).pop() {
            let go = outcome::run(golang::command(&bin), GO_LIMIT);
            let ours = run_ours(&module.source(&rname), &configs[c]);
            text += &describe(&go, &ours);
        }
    }
    let _ = std::fs::write(dir.join("report.txt"), &text);
    eprintln!(
        "difftest: seed {} MISMATCH ({}), see {}",
        p.seed,
        kinds.join(" "),
        dir.display()
    );
    kinds.join(" ")
}

fn print_summary(args: &Args, st: &Stats, names: &[String], took: Duration) {
    println!(
        "difftest: seeds {}..{}: {} programs generated, {} rejected by Go (generator bugs), {} with a mismatch ({:.0}s)",
        args.seed,
        args.seed + args.count,
        st.generated,
        st.go_failed.len(),
        st.mismatched.len(),
        took.as_secs_f64()
    );
    println!(
        "{:<38} {:>8} {:>10}",
        "configuration", "matched", "mismatched"
    );
    for (n, (m, x)) in names.iter().zip(&st.per_config) {
        println!("{n:<38} {m:>8} {x:>10}");
    }
    for (seed, kinds) in &st.mismatched {
        println!("mismatch: seed {seed}: {kinds}");
    }
    for seed in &st.go_failed {
        println!("generator bug: seed {seed}");
    }
    println!(
        "{:<22} {:>11} {:>9}  meaning",
        "feature", "occurrences", "programs"
    );
    for (f, what) in gogen::FEATURES {
        let (n, p) = st.features.get(f).copied().unwrap_or((0, 0));
        println!("{f:<22} {n:>11} {p:>9}  {what}");
    }
    println!(
        "{} passed, {} failed",
        st.generated as usize - st.mismatched.len() - st.go_failed.len(),
        st.mismatched.len() + st.go_failed.len()
    );
}
