//! Go's benchmark procedure over one compiled program, on its guest thread: what
//! `testing.runBenchmarks`, `B.Run`, `run1`, `processBench` and `launch` do.
//!
//! The driver calls each top-level `BenchmarkXxx` as a sub-benchmark of an implicit
//! main benchmark, as Go does. A benchmark runs once with `b.N = 1` (`run1`); if it
//! called `b.Run` it is not measured itself, otherwise `launch` grows `b.N` with
//! `predict_n` until a run lasts `-benchtime` (or runs `Nx` times), `-count` times.
//! `b.Run` in guest code reaches `Runner::run` through `B::run_hook`, re-entrantly.
//!
//! A panic in a benchmark ends everything as in Go: the panic is reported, then
//! `FAIL`, and the guest exits with status 1.

use super::filter::{rewrite, Filter, SubNames};
use super::format::{benchmark_name, Measurement, PKG};
use codegen::runtime::testing::{BenchTime, B, MAX_ITERS};
use codegen::runtime::{guest, panic};
use std::cell::{Cell, RefCell};
use std::time::Instant;

/// What one runner does (the flags that shape Go's procedure and output).
#[derive(Clone)]
pub struct Settings {
    pub bench_time: BenchTime,
    pub count: u32,
    pub benchmem: bool,
    pub procs: usize,
    pub filter: Filter,
    /// Print Go's lines (header, results, failures) as they come.
    pub stream: bool,
    /// Called after each top-level benchmark finished (for a progress bar).
    pub on_progress: Option<indicatif::ProgressBar>,
}

/// The runner's state for one guest run.
pub struct Runner {
    settings: Settings,
    /// The width of the name column (`benchState.maxLen`).
    max_len: Cell<usize>,
    ext_len: usize,
    sub_names: RefCell<SubNames>,
    header: String,
    header_printed: Cell<bool>,
    results: RefCell<Vec<Measurement>>,
    failed: Cell<bool>,
    started: Instant,
}

/// A benchmark in the tree, found by `b.Run` through `B::host`.
struct Node<'r> {
    runner: &'r Runner,
    name: String,
    level: u32,
}

/// `B::run_hook`: `b.Run(name, f)` from guest code.
fn run_hook(parent: &mut B, name: &str, f: u64) -> bool {
    // SAFETY: every `B` the runner creates points `host` at its live `Node`.
    let node = unsafe { &*(parent.host as *const Node<'_>) };
    node.runner.run(parent, node, name, f)
}

/// The outcome of a guest run.
pub struct RunReport {
    pub results: Vec<Measurement>,
    /// A benchmark failed (`--- FAIL`), as opposed to panicking (which exits).
    pub failed: bool,
}

impl Runner {
    pub fn new(settings: Settings, header: String) -> Runner {
        let ext_len = benchmark_name("", settings.procs).len();
        Runner {
            settings,
            max_len: Cell::new(0),
            ext_len,
            sub_names: RefCell::new(SubNames::default()),
            header,
            header_printed: Cell::new(false),
            results: RefCell::new(Vec::new()),
            failed: Cell::new(false),
            started: Instant::now(),
        }
    }

    /// Runs the package initialiser (a code address), then the top-level benchmarks
    /// (name and function value) in order. Call on the program's guest thread.
    ///
    /// # Safety
    /// `init` and the function values must belong to the program whose guest thread
    /// this is.
    pub unsafe fn run_all(self, init: Option<usize>, benchmarks: &[(String, u64)]) -> RunReport {
        if let Some(code) = init {
            type InitFn = extern "C" fn(u64, i64);
            let f: InitFn = std::mem::transmute::<usize, InitFn>(code);
            f(0, 0);
            if panic::is_panicking() {
                self.die(None);
            }
        }
        for (name, _) in benchmarks {
            if self.settings.filter.matches(name).0 {
                let n = benchmark_name(name, self.settings.procs).len() + self.ext_len + 1;
                self.max_len.set(self.max_len.get().max(n));
            }
        }
        let main = Node {
            runner: &self,
            name: "Main".to_string(),
            level: 0,
        };
        let mut main_b = B::new(
            self.settings.bench_time,
            run_hook,
            &main as *const Node<'_> as *const (),
        );
        for (name, f) in benchmarks {
            self.run(&mut main_b, &main, name, *f);
            if let Some(pb) = &self.settings.on_progress {
                if self.settings.filter.matches(name).0 {
                    pb.inc(1);
                }
            }
        }
        drop(main);
        RunReport {
            results: self.results.into_inner(),
            failed: self.failed.get(),
        }
    }

    /// Go's `B.Run`: runs `f` as the sub-benchmark `name` of `parent`.
    fn run(&self, parent: &mut B, parent_node: &Node<'_>, name: &str, f: u64) -> bool {
        parent.has_sub = true;
        let full = if parent_node.level > 0 {
            self.sub_names
                .borrow_mut()
                .unique(&parent_node.name, &rewrite(name))
        } else {
            name.to_string()
        };
        let (ok, partial) = self.settings.filter.matches(&full);
        if !ok {
            return true;
        }
        let node = Node {
            runner: self,
            name: full,
            level: parent_node.level + 1,
        };
        let mut sub = self.new_b(&node);
        if partial {
            sub.has_sub = true;
        }
        if self.run1(&mut sub, &node, f) {
            self.process(sub, &node, f);
            true
        } else {
            !sub.failed
        }
    }

    fn new_b(&self, node: &Node<'_>) -> Box<B> {
        B::new(
            self.settings.bench_time,
            run_hook,
            node as *const Node<'_> as *const (),
        )
    }

    /// Go's `run1`: one run with `b.N = 1`; whether to go on and measure.
    fn run1(&self, b: &mut B, node: &Node<'_>, f: u64) -> bool {
        let n = node.name.len() + self.ext_len + 1;
        if n > self.max_len.get() {
            self.max_len.set(n + 8);
        }
        // SAFETY: `f` is a benchmark function value of this guest's program.
        if !unsafe { b.run_n(1, f) } {
            self.die(None);
        }
        if b.failed {
            self.fail(&node.name, &b.output);
            return false;
        }
        !b.has_sub
    }

    /// Go's `processBench`: `-count` measurements of a leaf benchmark.
    fn process(&self, mut b: Box<B>, node: &Node<'_>, f: u64) {
        for j in 0..self.settings.count {
            let name = benchmark_name(&node.name, self.settings.procs);
            if let Some(pb) = &self.settings.on_progress {
                pb.set_message(name.clone());
            }
            if j > 0 {
                b = self.new_b(node);
                if !self.run1(&mut b, node, f) {
                    continue;
                }
            }
            self.launch(&mut b, &name, f);
            if b.failed {
                self.fail(&name, &b.output);
                continue;
            }
            let n = b.n.max(0) as u64;
            let per_op = |x: u64| x.checked_div(n).unwrap_or(0);
            let m = Measurement {
                name: name.clone(),
                n,
                ns_per_op: b.duration.as_nanos() as f64 / n as f64,
                bytes_per_op: per_op(b.net_allocs.bytes),
                allocs_per_op: per_op(b.net_allocs.allocs),
                show_mem: self.settings.benchmem || b.show_allocs,
            };
            self.print_header();
            self.print(&format!(
                "{name:<w$}\t{}\n",
                m.result_text(),
                w = self.max_len.get()
            ));
            self.results.borrow_mut().push(m);
        }
    }

    /// Go's `launch`: grows `b.N` until a run lasts `-benchtime` (or runs `Nx`).
    fn launch(&self, b: &mut B, name: &str, f: u64) {
        if b.used_loop() {
            return;
        }
        match self.settings.bench_time {
            BenchTime::Count(n) => {
                if n > 1 {
                    self.run_n(b, name, n as i64, f);
                }
            }
            BenchTime::Duration(d) => {
                let mut n: i64 = 1;
                while !b.failed && b.duration < d && n < MAX_ITERS {
                    let last = n;
                    n = codegen::runtime::testing::predict_n(
                        d.as_nanos() as i64,
                        b.n,
                        b.duration.as_nanos() as i64,
                        last,
                    );
                    self.run_n(b, name, n, f);
                }
            }
        }
    }

    fn run_n(&self, b: &mut B, name: &str, n: i64, f: u64) {
        // SAFETY: `f` is a benchmark function value of this guest's program.
        if !unsafe { b.run_n(n, f) } {
            self.die(Some(name));
        }
    }

    fn print_header(&self) {
        if !self.header_printed.replace(true) {
            self.print(&self.header);
        }
    }

    fn print(&self, text: &str) {
        if !self.settings.stream {
            return;
        }
        let write = || {
            guest::write_stdout(text.as_bytes());
            guest::flush_stdout();
        };
        match &self.settings.on_progress {
            Some(pb) => pb.suspend(write),
            None => write(),
        }
    }

    /// A failed benchmark (`--- FAIL: name` and its output). Always printed, also
    /// when the lines are not streamed.
    fn fail(&self, name: &str, output: &str) {
        self.failed.set(true);
        let text = format!("--- FAIL: {name}\n{output}");
        guest::write_stdout(text.as_bytes());
        guest::flush_stdout();
    }

    /// A benchmark panicked: Go's crash report, `FAIL`, and the end of the guest
    /// (status 1, as `go test` exits). `name` is the benchmark whose line was begun.
    fn die(&self, name: Option<&str>) -> ! {
        if let Some(pb) = &self.settings.on_progress {
            pb.finish_and_clear();
        }
        if let Some(name) = name {
            self.print_header();
            let text = format!(
                "{name:<w$}\t{:8}\t{}\n",
                0,
                super::format::pretty_print(f64::NAN, "ns/op"),
                w = self.max_len.get()
            );
            guest::write_stdout(text.as_bytes());
        }
        panic::report_uncaught();
        let text = format!(
            "FAIL\t{PKG}\t{:.3}s\nFAIL\n",
            self.started.elapsed().as_secs_f64()
        );
        guest::write_stdout(text.as_bytes());
        guest::exit(1)
    }
}
