//! Go's `*testing.B` for benchmark files: the object guest code sees, its timer,
//! `b.Loop` and one measured run (`run_n`), after Go 1.27's `testing/benchmark.go`.
//!
//! Guest code reads `b.N` as the first word of the object (the checker models
//! `testing.B` as `struct { N int }`); the fields after it belong to the host. The
//! methods are Go's: `StartTimer`/`StopTimer`/`ResetTimer` read the allocation
//! counters as `runtime.ReadMemStats` would, `Loop` keeps Go's ramp-up
//! (`loopSlowPath`, `stopOrScaleBLoop`) and its poisoning of `loop.i` by `StopTimer`.
//! What lies above one `runN` (run1, launch, naming, filtering, output) belongs to the
//! bench driver, which `b.Run` reaches through `B::run_hook`.
//!
//! Unlike Go, `b.Loop()` is a runtime call on every iteration (Go inlines its fast
//! path), which adds a few nanoseconds per iteration to `b.Loop` benchmarks.

use super::alloc::{self, AllocStats};
use super::{guard, panic, str_bytes};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::time::{Duration, Instant};

/// `-benchtime`: a duration, or a fixed iteration count (`100x`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BenchTime {
    Duration(Duration),
    Count(u64),
}

/// How `b.Run(name, f)` reaches the driver: called on the guest thread with the parent
/// benchmark, the sub-benchmark's name and its function value (a closure object whose
/// code is `func(b *testing.B)`); returns what `b.Run` returns.
pub type RunHook = fn(parent: &mut B, name: &str, f: u64) -> bool;

/// Go never runs a benchmark more than this many times (`maxBenchPredictIters`).
pub const MAX_ITERS: i64 = 1_000_000_000;

const LOOP_POISON_TIMER: u64 = 1 << 63;
const LOOP_POISON_MASK: u64 = LOOP_POISON_TIMER;

impl Drop for B {
    fn drop(&mut self) {
        let me = self as *const B as u64;
        LIVE.with(|l| l.borrow_mut().remove(&me));
        if LAST.get() == me {
            LAST.set(0);
        }
    }
}

/// A `*testing.B`. `n` must stay the first field: JIT code loads `b.N` at offset 0.
#[repr(C)]
pub struct B {
    /// `b.N`.
    pub n: i64,
    pub bench_time: BenchTime,
    pub timer_on: bool,
    start: Instant,
    /// The measured time of the current run.
    pub duration: Duration,
    start_allocs: AllocStats,
    /// Allocations made while the timer ran.
    pub net_allocs: AllocStats,
    /// `b.ReportAllocs()` was called.
    pub show_allocs: bool,
    loop_n: u64,
    loop_i: u64,
    loop_done: bool,
    /// `b.Run` was called: the benchmark is not measured itself.
    pub has_sub: bool,
    /// Set by a failed consistency check (Go's `b.Error`/`b.Fatal`); `output` says why.
    pub failed: bool,
    pub output: String,
    /// The driver's entry point for `b.Run`, and its data for this benchmark.
    pub run_hook: Option<RunHook>,
    pub host: *const (),
}

thread_local! {
    /// The addresses of the live host `B`s. Guest code can build a `testing.B` of its
    /// own (`&testing.B{}`), an 8-byte object that must never be taken for one of ours.
    static LIVE: RefCell<HashSet<u64>> = RefCell::new(HashSet::new());
    /// The last `B` found in `LIVE` (`b.Loop()` asks once per iteration).
    static LAST: Cell<u64> = const { Cell::new(0) };
}

impl B {
    /// A new benchmark object, registered as one the `b.*` runtime calls accept.
    pub fn new(bench_time: BenchTime, run_hook: RunHook, host: *const ()) -> Box<B> {
        let b = Box::new(B {
            n: 0,
            bench_time,
            timer_on: false,
            start: Instant::now(),
            duration: Duration::ZERO,
            start_allocs: AllocStats::default(),
            net_allocs: AllocStats::default(),
            show_allocs: false,
            loop_n: 0,
            loop_i: 0,
            loop_done: false,
            has_sub: false,
            failed: false,
            output: String::new(),
            run_hook: Some(run_hook),
            host,
        });
        LIVE.with(|l| l.borrow_mut().insert(&*b as *const B as u64));
        b
    }

    /// Whether `b.Loop` ran (it manages `b.N` itself; `launch` then runs nothing more).
    pub fn used_loop(&self) -> bool {
        self.loop_n > 0
    }

    pub fn start_timer(&mut self) {
        if !self.timer_on {
            self.start_allocs = alloc::alloc_stats();
            self.start = Instant::now();
            self.timer_on = true;
            self.loop_i &= !LOOP_POISON_TIMER;
        }
    }

    pub fn stop_timer(&mut self) {
        if self.timer_on {
            self.duration += self.start.elapsed();
            let now = alloc::alloc_stats();
            self.net_allocs.allocs += now.allocs - self.start_allocs.allocs;
            self.net_allocs.bytes += now.bytes - self.start_allocs.bytes;
            self.timer_on = false;
            self.loop_i |= LOOP_POISON_TIMER;
        }
    }

    pub fn reset_timer(&mut self) {
        if self.timer_on {
            self.start_allocs = alloc::alloc_stats();
            self.start = Instant::now();
        }
        self.duration = Duration::ZERO;
        self.net_allocs = AllocStats::default();
    }

    fn elapsed(&self) -> Duration {
        if self.timer_on {
            self.duration + self.start.elapsed()
        } else {
            self.duration
        }
    }

    /// Go's `b.Error`: the message is indented and located as Go's `testing` does
    /// (at the line of `testing/benchmark.go` that reports it).
    fn error(&mut self, msg: &str) {
        self.failed = true;
        self.output.push_str("    ");
        self.output.push_str(msg);
        self.output.push('\n');
    }

    /// Go's `runN`: collects the garbage of earlier runs (`runtime.GC()`), then runs the
    /// benchmark function once with `b.N = n`, timing it. Returns false if the function panicked: the panic is still propagating
    /// (the panic flag is set) and the driver must report it.
    ///
    /// # Safety
    /// `f` must be a function value of type `func(*testing.B)` of the running program,
    /// called on its guest thread.
    pub unsafe fn run_n(&mut self, n: i64, f: u64) -> bool {
        let _pin = super::gc::Pin::new(f);
        super::gc::collect(true);
        self.n = n;
        self.loop_n = 0;
        self.loop_i = 0;
        self.loop_done = false;
        self.reset_timer();
        self.start_timer();
        call_bench_func(f, self);
        if panic::is_panicking() {
            return false;
        }
        self.stop_timer();
        if self.loop_n > 0 && !self.loop_done && !self.failed {
            self.error(
                "benchmark.go:225: benchmark function returned without B.Loop() == false \
                 (break or return in loop?)",
            );
        }
        true
    }

    /// Go's `stopOrScaleBLoop`.
    fn stop_or_scale_loop(&mut self, goal: Duration) -> bool {
        let t = self.elapsed();
        if t >= goal {
            return false;
        }
        let prev = self.loop_n as i64;
        self.loop_n = predict_n(goal.as_nanos() as i64, prev, t.as_nanos() as i64, prev) as u64;
        prev < self.loop_n as i64
    }

    /// Go's `Loop` (fast path and `loopSlowPath`).
    pub fn loop_next(&mut self) -> bool {
        if self.loop_i < self.loop_n {
            self.loop_i += 1;
            return true;
        }
        if !self.timer_on {
            // Go's b.Fatal ends the benchmark goroutine; here the loop ends instead.
            self.error("benchmark.go:417: B.Loop called with timer stopped");
            self.loop_done = true;
            return false;
        }
        if self.loop_i & LOOP_POISON_MASK != 0 {
            self.error("unknown loop stop condition");
            self.loop_done = true;
            return false;
        }
        if self.loop_n == 0 {
            self.loop_n = match self.bench_time {
                BenchTime::Count(n) => n,
                BenchTime::Duration(_) => 1,
            };
            self.n = 0;
            self.reset_timer();
            self.loop_i += 1;
            return true;
        }
        let more = match self.bench_time {
            BenchTime::Count(_) => false,
            BenchTime::Duration(d) => self.stop_or_scale_loop(d),
        };
        if !more {
            self.stop_timer();
            self.n = self.loop_n as i64;
            self.loop_done = true;
            return false;
        }
        self.loop_i += 1;
        true
    }
}

/// Go's `predictN`: the next iteration count when `prev_iters` took `prev_ns`.
pub fn predict_n(goal_ns: i64, prev_iters: i64, prev_ns: i64, last: i64) -> i64 {
    let prev_ns = prev_ns.max(1);
    let mut n = goal_ns.saturating_mul(prev_iters) / prev_ns;
    n += n / 5;
    n = n.min(last.saturating_mul(100));
    n = n.max(last + 1);
    n.min(MAX_ITERS)
}

/// Calls a `func(b *testing.B)` function value.
///
/// # Safety
/// As for [`B::run_n`].
pub unsafe fn call_bench_func(f: u64, b: &mut B) {
    type BenchFn = extern "C" fn(u64, i64, u64);
    if f == 0 {
        panic::rt_panic_nil();
        return;
    }
    // A function value is a closure object whose first word is the code address; the
    // code takes the object as `env`, then the deferred-call token (0), then `b`.
    let code = *(f as usize as *const u64);
    let func: BenchFn = std::mem::transmute::<usize, BenchFn>(code as usize);
    func(f, 0, b as *mut B as u64);
}

/// The host object behind a guest `*testing.B`: `None` after raising Go's nil
/// dereference panic for a nil pointer, and `None` for a `testing.B` the guest made
/// itself (the calls then do nothing, and `Loop` and `Run` report false).
///
/// # Safety
/// The registered `B` must not be borrowed elsewhere (the driver holds no reference
/// across a call into guest code).
unsafe fn host_b<'a>(b: u64) -> Option<&'a mut B> {
    if b == 0 {
        panic::rt_panic_nil();
        return None;
    }
    if LAST.get() != b {
        if !LIVE.with(|l| l.borrow().contains(&b)) {
            return None;
        }
        LAST.set(b);
    }
    Some(&mut *(b as usize as *mut B))
}

pub extern "C" fn rt_b_loop(b: u64) -> u8 {
    // SAFETY: `b` is a `*testing.B` the driver passed to the benchmark.
    guard(|| unsafe { host_b(b) }.is_some_and(B::loop_next) as u8)
}

pub extern "C" fn rt_b_run(b: u64, name: u64, name_len: u64, f: u64) -> u8 {
    guard(|| {
        // SAFETY: `b` comes from the driver; `(name, name_len)` is a guest string.
        let Some(b) = (unsafe { host_b(b) }) else {
            return 0;
        };
        let name = String::from_utf8_lossy(unsafe { str_bytes(name, name_len) }).into_owned();
        // The driver keeps `f` where the collector does not look.
        let _pin = super::gc::Pin::new(f);
        match b.run_hook {
            Some(hook) => hook(b, &name, f) as u8,
            None => 0,
        }
    })
}

pub extern "C" fn rt_b_reset_timer(b: u64) {
    // SAFETY: as in `rt_b_loop`.
    guard(|| unsafe { host_b(b) }.map(B::reset_timer));
}

pub extern "C" fn rt_b_start_timer(b: u64) {
    // SAFETY: as in `rt_b_loop`.
    guard(|| unsafe { host_b(b) }.map(B::start_timer));
}

pub extern "C" fn rt_b_stop_timer(b: u64) {
    // SAFETY: as in `rt_b_loop`.
    guard(|| unsafe { host_b(b) }.map(B::stop_timer));
}

pub extern "C" fn rt_b_report_allocs(b: u64) {
    // SAFETY: as in `rt_b_loop`.
    guard(|| unsafe { host_b(b) }.map(|b| b.show_allocs = true));
}

#[cfg(test)]
mod tests {
    use super::predict_n;

    #[test]
    fn predict_n_follows_go() {
        // 1 iteration in 1µs, goal 1s: 1e6 * 1.2, capped at 100x the last count.
        assert_eq!(predict_n(1_000_000_000, 1, 1_000, 1), 100);
        // 1.2e6 predicted, capped at 100x the last count.
        assert_eq!(predict_n(1_000_000_000, 100, 100_000, 100), 10_000);
        // At least one more than last time; never more than 1e9.
        assert_eq!(predict_n(1, 10, 1_000_000, 10), 11);
        assert_eq!(
            predict_n(1_000_000_000, 500_000_000, 1, 500_000_000),
            1_000_000_000
        );
        // A zero duration counts as 1ns.
        assert_eq!(predict_n(1_000, 1, 0, 1), 100);
    }
}
