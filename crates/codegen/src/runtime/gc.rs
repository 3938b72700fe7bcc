//! The garbage collector: stop-the-world, non-moving mark-sweep over the guest heap
//! (`heap`), triggered by allocation volume as Go's is.
//!
//! **Pacing.** After a collection the heap goal is the marked (live) heap plus GOGC% of
//! the memory scanned (live heap, stack, package variables: Go 1.18's rule), at least
//! 4 MB (Go's `heapMinimum` at `GOGC=100`, scaled by GOGC as Go scales it); an
//! allocation that would pass the goal collects first. `GOGC` comes from the
//! environment (default 100; `off` never collects). `GODEBUG=gctrace=1` prints one
//! line per collection to stderr in Go's format (`mgc.go`'s `gcMarkTermination`).
//!
//! **Roots**, all scanned conservatively (every word that points into an allocated
//! object, interior pointers included, marks it); **heap objects** precisely, by the
//! pointer bitmap their allocation site wrote from their type (`ptrbits`: every site,
//! JIT code's, defer records and the runtime's own objects, gives one; a pointer-free
//! object is not scanned at all; the conservative fallback, an object scanned word by
//! word, is counted by `untyped` and fatal under `DEFERLAB_GC_PRECISE=1`):
//! * the guest thread's stack from the collecting frame up to the stack's base, after
//!   the callee-saved registers are spilled into that frame: JIT frames (locals,
//!   spills, open-coded defer cells, chain heads) and the runtime's own Rust frames
//!   (a pointer a runtime function holds across an allocation is in one of them);
//! * the package variables of the running program (registered by `set_roots`);
//! * the panic records (values being panicked with and recovered values);
//! * words the runtime holds outside the stack, in Rust memory, while guest code runs
//!   (`Pin`: the function value a `b.Run` is running; `keep` in a `Pin::scope`: the
//!   operands and format string of a `fmt` call and every receiver whose `Error()` or
//!   `String()` method `fmt` may still call, while one such method runs);
//! * defer records in use are reachable from their frames' chain heads; the free lists
//!   of records are emptied when a collection starts (`alloc::clear_defer_pools`), so
//!   free records are garbage.
//!
//! So a method called back from `fmt` or the panic report may allocate and collect
//! as any guest code does. (`NoGc`, which defers collections instead, is left for
//! runtime code that cannot name the words it holds.)
//!
//! **Why a conservative stack with a precise heap is acceptable.** A conservative scan
//! never frees a reachable object: the only error it can make is to keep a dead object
//! because some integer happens to look like a pointer into it, a bounded leak, not a
//! wrong free. The heap is where that leak grew: every integer word of every live
//! object was a candidate pointer (a `[]int` of hashes could pin half the heap), and
//! scanning them cost time; with each object scanned by its type's bitmap only real
//! pointer words are loaded, and an integer never retains anything. The stack is a
//! few kilobytes of words, all of them live, so what a conservative stack scan can
//! wrongly retain is bounded by a handful of stale frame slots. Precise stack maps
//! (Cranelift's user stack maps: `declare_value_needs_stack_map` on every pointer
//! value live across a call, read back from `MachBufferFinalized::user_stack_maps`,
//! plus a frame walk from return addresses) would remove that last leak and, with it,
//! the pinning of objects by stale slots; above all they are what a moving collector
//! (compaction, generations) needs, since a conservative root cannot be updated. They
//! would also need maps for the runtime's own Rust frames, which cannot have any: the
//! `Pin` roots would have to cover every pointer a runtime function holds.
//!
//! **Debugging.** `DEFERLAB_GC_POISON=1` fills freed objects with `0xa5` bytes, so a
//! wrong free turns into a wild pointer or garbage output instead of silently reused
//! memory. `DEFERLAB_GC_STRESS=1` drops the minimum heap, so the goal is the live heap
//! times `1 + GOGC/100` alone: with a small `GOGC` a small heap collects at nearly every
//! allocation, and the work stays proportional to what is allocated (a fixed interval
//! of N allocations made a program with a large live heap quadratic). The tests run
//! the sample programs so, with `GOGC=1` and poisoning, and with `DEFERLAB_GC_PRECISE=1`,
//! which makes an allocation without a layout fatal.

use super::heap::{Heap, Scan};
use std::cell::{Cell, RefCell};
use std::sync::OnceLock;
use std::time::Instant;

/// Go's `heapMinimum` at `GOGC=100`.
const HEAP_MINIMUM: usize = 4 << 20;

#[derive(Clone, Copy, Debug)]
struct Config {
    /// `GOGC`; `None` is `off`.
    gogc: Option<u64>,
    gctrace: u32,
    poison: bool,
    /// No minimum heap (`DEFERLAB_GC_STRESS`).
    stress: bool,
    /// An object allocated without a layout is fatal (`DEFERLAB_GC_PRECISE`).
    precise: bool,
}

fn config() -> Config {
    static C: OnceLock<Config> = OnceLock::new();
    *C.get_or_init(|| {
        let gogc = match std::env::var("GOGC").ok().as_deref().map(str::trim) {
            Some("off") => None,
            Some(v) => Some(v.parse::<u64>().unwrap_or(100)),
            None => Some(100),
        };
        let gctrace = std::env::var("GODEBUG")
            .ok()
            .and_then(|v| {
                v.split(',')
                    .filter_map(|kv| kv.strip_prefix("gctrace="))
                    .next_back()
                    .and_then(|n| n.trim().parse().ok())
            })
            .unwrap_or(0);
        let flag = |name| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0");
        Config {
            gogc,
            gctrace,
            poison: flag("DEFERLAB_GC_POISON"),
            stress: flag("DEFERLAB_GC_STRESS"),
            precise: flag("DEFERLAB_GC_PRECISE"),
        }
    })
}

struct State {
    /// Whether this thread runs a program whose roots are known (`set_roots`).
    enabled: bool,
    roots: Vec<(u64, usize)>,
    pins: Vec<u64>,
    no_gc: u32,
    /// Collect before the heap passes this many bytes.
    goal: usize,
    cycles: u64,
    start: Option<Instant>,
    /// Time spent collecting, for the CPU fraction gctrace prints.
    busy: f64,
}

thread_local! {
    pub(super) static HEAP: RefCell<Heap> = const { RefCell::new(Heap::new()) };
    static STATE: RefCell<State> = const {
        RefCell::new(State {
            enabled: false,
            roots: Vec::new(),
            pins: Vec::new(),
            no_gc: 0,
            goal: HEAP_MINIMUM,
            cycles: 0,
            start: None,
            busy: 0.0,
        })
    };
    static STACK_BASE: Cell<u64> = const { Cell::new(0) };
}

fn min_heap(c: &Config) -> usize {
    match c.gogc {
        Some(_) if c.stress => 0,
        Some(g) => (HEAP_MINIMUM as u64 * g / 100).max(1) as usize,
        None => usize::MAX,
    }
}

/// Starts collecting on this (guest) thread: `roots` are the package variables' words
/// (address, length in words), `stack_base` the highest address of the thread's stack.
pub fn set_roots(roots: Vec<(u64, usize)>, stack_base: u64) {
    let c = config();
    HEAP.with(|h| h.borrow_mut().poison = c.poison);
    STACK_BASE.with(|b| b.set(stack_base));
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.enabled = stack_base != 0;
        s.roots = roots;
        s.goal = min_heap(&c);
        s.start = Some(Instant::now());
        let trigger = if s.enabled { s.goal } else { usize::MAX };
        HEAP.with(|h| h.borrow_mut().trigger = trigger);
    });
}

/// A scope of roots the runtime holds outside the stack: the words given to `new` or
/// to `keep` while it is open stay roots until it is dropped. Scopes nest.
pub struct Pin {
    len: usize,
}

impl Pin {
    /// Opens a scope rooting `word` (a guest pointer the runtime holds).
    pub fn new(word: u64) -> Pin {
        let p = Pin::scope();
        keep(word);
        p
    }

    /// Opens an empty scope.
    pub fn scope() -> Pin {
        Pin {
            len: STATE.with(|s| s.borrow().pins.len()),
        }
    }
}

impl Drop for Pin {
    fn drop(&mut self) {
        STATE.with(|s| s.borrow_mut().pins.truncate(self.len));
    }
}

/// Roots `word` until the innermost open `Pin` scope closes.
pub fn keep(word: u64) {
    STATE.with(|s| s.borrow_mut().pins.push(word));
}

/// No collection starts while this guard lives (Rust code holding guest values in
/// Rust memory while guest code runs).
pub struct NoGc(());

impl NoGc {
    pub fn hold() -> NoGc {
        STATE.with(|s| s.borrow_mut().no_gc += 1);
        NoGc(())
    }
}

impl Drop for NoGc {
    fn drop(&mut self) {
        STATE.with(|s| s.borrow_mut().no_gc -= 1);
    }
}

thread_local! {
    static UNTYPED: Cell<u64> = const { Cell::new(0) };
}

/// An object is being allocated without a layout (`Layout::Conservative`, scanned
/// word by word): counted, and fatal under `DEFERLAB_GC_PRECISE=1`.
#[cold]
#[inline(never)]
pub fn untyped() {
    UNTYPED.with(|u| u.set(u.get() + 1));
    if config().precise {
        super::guest::fatal("runtime: a heap object without a layout (DEFERLAB_GC_PRECISE)");
    }
}

/// Objects allocated without a layout so far on this thread (for tests).
pub fn untyped_allocs() -> u64 {
    UNTYPED.with(Cell::get)
}

/// Before an allocation of `size` bytes that passes the heap's `trigger` (the goal):
/// collects if it may.
#[cold]
pub fn before_alloc(size: usize) {
    let due = STATE.with(|s| {
        let s = s.borrow();
        s.enabled && s.no_gc == 0 && HEAP.with(|h| h.borrow().live + size > s.goal)
    });
    if due {
        collect(false);
    }
}

/// A full collection now (`forced`: asked for, as `runtime.GC()`). Does nothing
/// outside a guest thread with registered roots or under a `NoGc` guard.
pub fn collect(forced: bool) {
    let ok = STATE.with(|s| {
        let s = s.borrow();
        s.enabled && s.no_gc == 0
    });
    if ok {
        spill_and_collect(forced);
    }
}

/// Spills the callee-saved registers into this frame, so the stack scan that follows
/// sees every pointer the callers hold in registers.
#[inline(never)]
fn spill_and_collect(forced: bool) {
    let mut regs = [0u64; 8];
    #[cfg(target_arch = "x86_64")]
    // SAFETY: only stores registers into the local array.
    unsafe {
        std::arch::asm!(
            "mov [{r}], rbx", "mov [{r} + 8], rbp", "mov [{r} + 16], r12",
            "mov [{r} + 24], r13", "mov [{r} + 32], r14", "mov [{r} + 40], r15",
            r = in(reg) regs.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
    #[cfg(target_arch = "aarch64")]
    // SAFETY: only stores registers into the local array.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{r}]", "stp x21, x22, [{r}, #16]",
            "stp x23, x24, [{r}, #32]", "stp x25, x26, [{r}, #48]",
            r = in(reg) regs.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
    let regs = std::hint::black_box(&regs);
    let sp = regs.as_ptr() as u64;
    run_cycle(sp, forced);
    std::hint::black_box(regs);
}

struct Marker<'a> {
    heap: &'a mut Heap,
    stack: Vec<Scan>,
}

impl Marker<'_> {
    #[inline(always)]
    fn word(&mut self, w: u64) {
        if let Some(o) = self.heap.find(w) {
            if let Some(r) = self.heap.mark(o) {
                self.stack.push(r);
            }
        }
    }

    /// Scans `words` words at `addr` (8-aligned, readable).
    fn range(&mut self, addr: u64, words: usize) {
        for i in 0..words {
            // SAFETY: the caller names readable memory.
            let w = unsafe { std::ptr::read_volatile((addr as usize as *const u64).add(i)) };
            self.word(w);
        }
    }

    /// Scans a heap object's words that its span's pointer bitmap names.
    #[inline(always)]
    fn object(&mut self, o: Scan) {
        if o.uniform {
            let mut c = o.bits;
            while c != 0 {
                let k = c.trailing_zeros() as usize;
                c &= c - 1;
                // SAFETY: word `k` of a live heap object (its bits are within its slot).
                let w = unsafe { std::ptr::read_volatile((o.addr as *const u64).add(k)) };
                self.word(w);
            }
            return;
        }
        let mut i = 0;
        while i < o.words {
            let bit = o.first + i;
            let n = (64 - bit % 64).min(o.words - i);
            let mut c = self.heap.ptr_chunk(o.span, o.first, i, n);
            while c != 0 {
                let k = c.trailing_zeros() as usize;
                c &= c - 1;
                // SAFETY: word `i + k` of a live heap object.
                let w = unsafe { std::ptr::read_volatile((o.addr as *const u64).add(i + k)) };
                self.word(w);
            }
            i += n;
        }
    }

    fn drain(&mut self) {
        while let Some(o) = self.stack.pop() {
            self.object(o);
        }
    }
}

fn run_cycle(sp: u64, forced: bool) {
    let t0 = Instant::now();
    let base = STACK_BASE.with(Cell::get);
    let (roots, pins) = STATE.with(|s| {
        let s = s.borrow();
        (s.roots.clone(), s.pins.clone())
    });
    let panics = super::panic::gc_roots();
    // Free defer records are dropped, as Go's `clearpools` drops its defer pools.
    super::alloc::clear_defer_pools();
    let (heap0, goal, stacks, globals, heap2, t1, t2) = HEAP.with(|h| {
        let mut h = h.borrow_mut();
        let heap0 = h.live;
        let goal = STATE.with(|s| s.borrow().goal);
        let mut m = Marker {
            heap: &mut h,
            stack: Vec::new(),
        };
        let sp = sp & !7;
        let stacks = base.saturating_sub(sp) as usize;
        if base > sp {
            m.range(sp, stacks / 8);
        }
        let mut globals = 0;
        for &(p, n) in &roots {
            m.range(p, n);
            globals += n * 8;
        }
        for w in panics.iter().chain(&pins) {
            m.word(*w);
        }
        m.drain();
        let t1 = Instant::now();
        let heap2 = h.sweep();
        let t2 = Instant::now();
        (heap0, goal, stacks, globals, heap2, t1, t2)
    });
    let c = config();
    // Go 1.18's goal: the live heap plus GOGC% of everything scanned (heap, stack,
    // globals), so a deep stack does not make every cycle scan it for little heap.
    let new_goal = match c.gogc {
        Some(g) => heap2 + ((heap2 + stacks + globals) as u64 * g / 100) as usize,
        None => usize::MAX,
    }
    .max(min_heap(&c));
    // Keep free pages for about one cycle's allocations; give the rest back (not while
    // poisoning: returned pages would read as zeros, not as the poison).
    if !c.poison {
        let keep = new_goal.saturating_sub(heap2).max(4 << 20);
        HEAP.with(|h| h.borrow_mut().scavenge(keep));
    }
    let t3 = Instant::now();
    let (n, since_start, busy) = STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.goal = new_goal;
        HEAP.with(|h| h.borrow_mut().trigger = new_goal);
        s.cycles += 1;
        s.busy += (t3 - t0).as_secs_f64();
        let start = s.start.unwrap_or(t0);
        (s.cycles, t0 - start, s.busy)
    });
    if c.gctrace > 0 {
        let total = (t3 - super::gc::start_or(t0)).as_secs_f64().max(1e-9);
        let util = (busy / total * 100.0) as u64;
        let (mark, term, end) = (
            (t1 - t0).as_nanos() as u64,
            (t2 - t1).as_nanos() as u64,
            (t3 - t2).as_nanos() as u64,
        );
        let mut line = format!(
            "gc {n} @{}s {util}%: 0+{}+{} ms clock, 0+0/{}/0+{} ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, {} MB globals, 1 P",
            itoa_div(since_start.as_millis() as u64, 3),
            ns_as_ms(mark),
            ns_as_ms(term + end),
            ns_as_ms(mark),
            ns_as_ms(term + end),
            heap0 >> 20,
            heap0 >> 20,
            heap2 >> 20,
            goal.min(1 << 50) >> 20,
            stacks >> 20,
            globals >> 20,
        );
        if forced {
            line.push_str(" (forced)");
        }
        line.push('\n');
        super::guest::write_stderr(line.as_bytes());
    }
}

fn start_or(t: Instant) -> Instant {
    STATE.with(|s| s.borrow().start.unwrap_or(t))
}

/// Go's `itoaDiv`: `val / 10^dec` with `dec` decimals.
fn itoa_div(val: u64, dec: u32) -> String {
    if dec == 0 {
        return val.to_string();
    }
    let p = 10u64.pow(dec);
    format!("{}.{:0w$}", val / p, val % p, w = dec as usize)
}

/// Go's `fmtNSAsMS`: whole milliseconds from 10 ms, else two significant digits with
/// at most three decimals.
fn ns_as_ms(ns: u64) -> String {
    if ns >= 10_000_000 {
        return itoa_div(ns / 1_000_000, 0);
    }
    let mut x = ns / 1000;
    if x == 0 {
        return "0".to_string();
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    itoa_div(x, dec)
}

/// `runtime.GC()`: a full collection now (none under a `NoGc` guard).
pub extern "C" fn rt_gc() {
    super::guard(|| collect(true));
}

/// Collections so far on this thread (for tests).
pub fn cycles() -> u64 {
    STATE.with(|s| s.borrow().cycles)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_time_formats() {
        assert_eq!(ns_as_ms(0), "0");
        assert_eq!(ns_as_ms(26_000), "0.026");
        assert_eq!(ns_as_ms(390_000), "0.39");
        assert_eq!(ns_as_ms(1_234_567), "1.2");
        assert_eq!(ns_as_ms(12_345_678), "12");
        assert_eq!(itoa_div(12, 3), "0.012");
        assert_eq!(itoa_div(4567, 3), "4.567");
    }
}
