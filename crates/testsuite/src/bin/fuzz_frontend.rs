//! `fuzz_frontend [--seconds S] [--seed N] [--timeout-ms T] [--out DIR]`: a mutation
//! fuzzer over the front end (lexer, parser, checker, and lowering of what checks),
//! asserting that no input panics and none hangs.
//!
//! Why not `cargo fuzz`: libFuzzer needs nightly Rust and CI has stable. This is a
//! plain binary with a time budget instead: a corpus seeded from every sample program
//! (`testsuite/programs`, `testsuite/errors`, `testsuite/bench`), structured mutations
//! (token insertions from a dictionary of Go's keywords and operators and of the
//! corpus' own words, deletions, duplications, splices between files, line swaps,
//! truncations, stray bytes), each input run on a worker thread and timed. Without
//! coverage feedback it finds less than libFuzzer would, but it runs anywhere and a
//! seed reproduces a run exactly.
//!
//! A panic is written to `DIR/crash-K.go` with its message and the run goes on; a hang
//! (an input running longer than the time bound) is written to `DIR/hang.go` and ends
//! the run. Exit status 1 if either happened.

use gogen::Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Go's keywords, operators and the subset's names, plus shapes that stress the lexer.
const DICT: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
    "recover()",
    "panic(",
    "nil",
    "any",
    "error",
    "int",
    "string",
    "byte",
    "uint8",
    "int32",
    "int64",
    "bool",
    "true",
    "iota",
    "len(",
    "cap(",
    "append(",
    "make(",
    "new(",
    "min(",
    "max(",
    "copy(",
    "fmt.Println(",
    "fmt.Printf(\"%d\\n\", ",
    "os.Exit(",
    "errors.New(",
    ".(type)",
    ".(int)",
    "(",
    ")",
    "{",
    "}",
    "[",
    "]",
    "[]",
    ",",
    ";",
    ":",
    ":=",
    "=",
    "...",
    ".",
    "+",
    "-",
    "*",
    "/",
    "%",
    "&",
    "|",
    "^",
    "<<",
    ">>",
    "&^",
    "&&",
    "||",
    "<-",
    "++",
    "--",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "!",
    "+=",
    "<<=",
    "\n",
    "\t",
    " ",
    "//go:noinline\n",
    "// c\n",
    "/*",
    "*/",
    "\"",
    "`",
    "'",
    "'\\''",
    "'x'",
    "\"\\x",
    "0x",
    "0b",
    "0o",
    "1_000",
    "0x_",
    "1e9",
    "9223372036854775808",
    "18446744073709551616",
    "_",
    "é",
    "\u{0}",
    "\u{feff}",
    "\r",
    "func() {",
    "defer func() {",
    "}()",
    "for i := range 3 {",
    "switch x := v.(type) {",
    "case nil:",
    "type T struct {",
    "L:",
    "goto L",
    "break L",
];

struct Args {
    seconds: u64,
    seed: u64,
    timeout: Duration,
    out: PathBuf,
}

fn parse_args() -> Args {
    let mut a = Args {
        seconds: 60,
        seed: 0,
        timeout: Duration::from_millis(5000),
        out: testsuite::repo_root().join("target/fuzz"),
    };
    let mut it = std::env::args().skip(1);
    let bad = |m: &str| -> ! {
        eprintln!("fuzz_frontend: {m}\nusage: fuzz_frontend [--seconds S] [--seed N] [--timeout-ms T] [--out DIR]");
        std::process::exit(2)
    };
    while let Some(arg) = it.next() {
        let v = it
            .next()
            .unwrap_or_else(|| bad(&format!("{arg} needs a value")));
        let num = || {
            v.parse::<u64>()
                .unwrap_or_else(|_| bad(&format!("bad {arg} {v:?}")))
        };
        match arg.as_str() {
            "--seconds" => a.seconds = num(),
            "--seed" => a.seed = num(),
            "--timeout-ms" => a.timeout = Duration::from_millis(num()),
            "--out" => a.out = PathBuf::from(&v),
            _ => bad(&format!("unknown flag {arg}")),
        }
    }
    a
}

fn corpus() -> Vec<String> {
    let mut files = testsuite::go_files("programs");
    files.extend(testsuite::go_files("errors"));
    files.extend(testsuite::go_files("bench"));
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A random byte range of `s` of at most `max` bytes, on char boundaries.
fn range(rng: &mut Rng, s: &str, max: usize) -> (usize, usize) {
    if s.is_empty() {
        return (0, 0);
    }
    let mut a = rng.below(s.len() as u64) as usize;
    let mut b = (a + 1 + rng.below(max as u64) as usize).min(s.len());
    while !s.is_char_boundary(a) {
        a -= 1;
    }
    while !s.is_char_boundary(b) {
        b += 1;
    }
    (a, b)
}

fn point(rng: &mut Rng, s: &str) -> usize {
    range(rng, s, 1).0
}

/// One to four mutations of a corpus file.
fn mutate(rng: &mut Rng, corpus: &[String], words: &[&str]) -> String {
    let mut s = rng.pick(corpus).clone();
    for _ in 0..rng.range(1, 4) {
        match rng.below(9) {
            0 => {
                let (a, b) = range(rng, &s, 24);
                s.replace_range(a..b, "");
            }
            1 => {
                let (a, b) = range(rng, &s, 64);
                let piece = s[a..b].to_string();
                let at = point(rng, &s);
                s.insert_str(at, &piece);
            }
            2 => {
                let other = rng.pick(corpus);
                let (a, b) = range(rng, other, 200);
                let at = point(rng, &s);
                s.insert_str(at, &other[a..b]);
            }
            3 | 4 => {
                let w = *rng.pick(DICT);
                let at = point(rng, &s);
                s.insert_str(at, w);
            }
            5 => {
                let w = *rng.pick(words);
                let (a, b) = range(rng, &s, 8);
                s.replace_range(a..b, w);
            }
            6 => {
                let mut lines: Vec<&str> = s.lines().collect();
                if lines.len() > 1 {
                    let i = rng.below(lines.len() as u64) as usize;
                    let j = rng.below(lines.len() as u64) as usize;
                    lines.swap(i, j);
                }
                s = lines.join("\n");
            }
            7 => {
                let at = point(rng, &s);
                s.truncate(at);
            }
            _ => {
                let c = char::from_u32(rng.below(0x250) as u32).unwrap_or('?');
                let at = point(rng, &s);
                s.insert(at, c);
            }
        }
    }
    s
}

/// The front end on one input: parse, check, lower, rendering every diagnostic.
fn front_end(src: &str) {
    match frontend::parser::parse_file(src) {
        Err(d) => {
            frontend::diag::render("fuzz.go", src, &d);
        }
        Ok(file) => match frontend::check::check_file(&file, src) {
            Err(d) => {
                frontend::diag::render("fuzz.go", src, &d);
            }
            Ok(prog) => {
                frontend::lower::lower_program(&prog, src);
            }
        },
    }
}

static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

/// Input `k` of a run: corpus file `k` unchanged, then mutants, each from its own
/// PRNG stream so that any input can be regenerated from (seed, k) alone.
fn input(seed: u64, k: u64, corpus: &[String], words: &[&str]) -> String {
    if (k as usize) < corpus.len() {
        return corpus[k as usize].clone();
    }
    let mut rng = Rng::new(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ k);
    mutate(&mut rng, corpus, words)
}

fn words(corpus: &[String]) -> Vec<String> {
    let mut w: Vec<String> = corpus
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphanumeric() && c != '_'))
        .filter(|w| !w.is_empty() && w.len() < 24)
        .map(str::to_string)
        .collect();
    w.sort();
    w.dedup();
    w
}

const CHILD: &str = "FUZZ_FRONTEND_CHILD";

/// Child mode: runs inputs `from..` until told to stop by being killed, announcing
/// each on stdout (`R k`) before running it and reporting a panic (`P k message`).
/// A stack overflow aborts the child; the parent sees which input was running.
fn child(seed: u64, from: u64) -> ! {
    use std::io::Write;
    std::panic::set_hook(Box::new(|info| {
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
    }));
    let worker = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let corpus = corpus();
            let words_owned = words(&corpus);
            let words: Vec<&str> = words_owned.iter().map(String::as_str).collect();
            let mut out = std::io::stdout().lock();
            for k in from.. {
                let src = input(seed, k, &corpus, &words);
                if writeln!(out, "R {k}").and_then(|_| out.flush()).is_err() {
                    break;
                }
                if catch_unwind(AssertUnwindSafe(|| front_end(&src))).is_err() {
                    let msg = LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).clone();
                    let msg = msg.replace('\n', " | ");
                    if writeln!(out, "P {k} {msg}")
                        .and_then(|_| out.flush())
                        .is_err()
                    {
                        break;
                    }
                }
            }
        })
        .expect("spawning the worker");
    let _ = worker.join();
    std::process::exit(0)
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        let mut it = spec.split(',').map(|x| x.parse::<u64>().unwrap_or(0));
        child(it.next().unwrap_or(0), it.next().unwrap_or(0));
    }
    let args = parse_args();
    let corpus = corpus();
    let words_owned = words(&corpus);
    let words: Vec<&str> = words_owned.iter().map(String::as_str).collect();
    let _ = std::fs::create_dir_all(&args.out);
    let start = Instant::now();
    let budget = Duration::from_secs(args.seconds);
    let exe = std::env::current_exe().expect("the running binary has a path");
    let mut next = 0u64;
    let mut findings: Vec<(String, u64)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut save = |kind: &str, k: u64, what: String, findings: &mut Vec<(String, u64)>| {
        // One file per distinct message (its first line, where it panicked).
        let key = format!("{kind}: {}", what.split(" | ").next().unwrap_or(""));
        if seen.insert(key.clone()) {
            let path = args.out.join(format!("{kind}-{k}.go"));
            let _ = std::fs::write(&path, input(args.seed, k, &corpus, &words));
            eprintln!(
                "fuzz_frontend: {kind} on input {k} ({}): {what}",
                path.display()
            );
            findings.push((key, k));
        }
    };
    // The child runs until the budget is spent; it is restarted after each input that
    // killed it or hung.
    while start.elapsed() < budget {
        let mut ch = std::process::Command::new(&exe)
            .env(CHILD, format!("{},{next}", args.seed))
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("starting the fuzzing child");
        let out = ch.stdout.take().expect("piped stdout");
        let (tx, lines) = mpsc::channel::<String>();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for l in std::io::BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        let mut running: Option<u64> = None;
        loop {
            let left = budget.saturating_sub(start.elapsed());
            if left.is_zero() {
                let _ = ch.kill();
                let _ = ch.wait();
                if let Some(k) = running {
                    next = k;
                }
                break;
            }
            match lines.recv_timeout(args.timeout.min(left.max(Duration::from_millis(1)))) {
                Ok(l) => {
                    let mut parts = l.splitn(3, ' ');
                    let (tag, k) = (parts.next().unwrap_or(""), parts.next().unwrap_or("0"));
                    let k: u64 = k.parse().unwrap_or(0);
                    match tag {
                        "R" => {
                            running = Some(k);
                            next = k + 1;
                        }
                        _ => save(
                            "panic",
                            k,
                            parts.next().unwrap_or("").to_string(),
                            &mut findings,
                        ),
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if start.elapsed() >= budget {
                        continue;
                    }
                    let _ = ch.kill();
                    let _ = ch.wait();
                    if let Some(k) = running {
                        save(
                            "hang",
                            k,
                            format!("ran over {:?}", args.timeout),
                            &mut findings,
                        );
                        next = k + 1;
                    }
                    break;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let status = ch.wait().map(|s| s.to_string()).unwrap_or_default();
                    if let Some(k) = running {
                        save(
                            "abort",
                            k,
                            format!("the front end killed the process ({status}): stack overflow?"),
                            &mut findings,
                        );
                        next = k + 1;
                    }
                    break;
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "fuzz_frontend: seed {}: {next} inputs ({} corpus files, then mutants) in {secs:.0}s ({:.0}/s), {} distinct failures",
        args.seed,
        corpus.len(),
        next as f64 / secs,
        findings.len()
    );
    for (key, k) in &findings {
        println!("  input {k}: {key}");
    }
    std::process::exit(i32::from(!findings.is_empty()))
}
