//! The guest thread: where JIT code runs, its output, and how it ends.
//!
//! Guest code runs on a fresh thread with a 1 GB stack, Go's maximum goroutine stack
//! (256 MiB if the system refuses that much). JIT code compares the stack
//! pointer with `STACK_LIMIT` at every function entry; past it, `rt_stack_overflow`
//! prints Go's fatal error and exits with status 2. Only one guest runs at a time in a
//! process (`GUEST_LOCK`), because JIT code reads the panic flag and the stack limit
//! from fixed addresses.
//!
//! Output: stdout is buffered and flushed before anything goes to stderr and before
//! the guest ends. In `Mode::Process` output goes to the process's stdout/stderr and
//! `os.Exit` (or a fatal error) exits the process; in `Mode::Capture` both streams are
//! collected and an exit ends the run instead: the guest thread reports its status and
//! parks forever (its frames cannot be unwound), so a test harness survives.

use std::cell::RefCell;
use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Mutex};

/// The guest thread's stack size: Go's limit (`runtime.maxstacksize`, 1e9 bytes on
/// 64-bit) plus the margin, so recursion as deep as Go allows runs here too. Only the
/// pages a program touches are ever backed by memory.
pub const STACK_SIZE: usize = 1_000_000_000 + STACK_MARGIN as usize;
/// The stack size tried when a thread with `STACK_SIZE` cannot be created.
const FALLBACK_STACK_SIZE: usize = 256 << 20;
/// Room kept below the limit for the runtime's own frames.
const STACK_MARGIN: u64 = 2 << 20;

/// The lowest stack pointer guest code may reach (read by JIT code at function entry).
pub static STACK_LIMIT: AtomicU64 = AtomicU64::new(0);

static GUEST_LOCK: Mutex<()> = Mutex::new(());

/// Where a guest's output goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Process,
    Capture,
}

/// The result of a captured run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutput {
    pub status: i32,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

type ExitFn = Box<dyn Fn(i32, Vec<u8>, Vec<u8>)>;

struct Output {
    mode: Mode,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Reports an early exit (os.Exit, fatal error) to the host in capture mode.
    on_exit: ExitFn,
}

thread_local! {
    static OUT: RefCell<Option<Output>> = const { RefCell::new(None) };
}

enum Finish<R> {
    Returned(R, Vec<u8>, Vec<u8>),
    Exited(i32, Vec<u8>, Vec<u8>),
}

/// Runs `f` on a fresh guest thread and waits for it. Returns `Ok(r)` when `f`
/// returned, `Err(status)` when the guest exited early, and the captured output
/// (empty in process mode).
pub fn run<R: Send + 'static>(
    mode: Mode,
    f: impl FnOnce() -> R + Send + 'static,
) -> (Result<R, i32>, Vec<u8>, Vec<u8>) {
    let _lock = GUEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let (tx, rx) = mpsc::channel::<Finish<R>>();
    let exit_tx = tx.clone();
    let body = move |size: usize| {
        let (low, high) = stack_bounds(size);
        STACK_LOW.with(|l| l.set(low));
        STACK_HIGH.with(|h| h.set(high));
        STACK_LIMIT.store(low + STACK_MARGIN, Ordering::Relaxed);
        super::panic::reset();
        OUT.with(|o| {
            *o.borrow_mut() = Some(Output {
                mode,
                stdout: Vec::new(),
                stderr: Vec::new(),
                on_exit: Box::new(move |code, out, err| {
                    let _ = exit_tx.send(Finish::Exited(code, out, err));
                }),
            })
        });
        let r = f();
        flush_stdout();
        let (out, err) = take_captured();
        let _ = tx.send(Finish::Returned(r, out, err));
    };
    // A failed spawn drops its closure, so the body waits in a shared slot that the
    // thread that does start takes it from.
    let slot = std::sync::Arc::new(Mutex::new(Some(body)));
    let mut spawned = Err(std::io::Error::other("no stack size tried"));
    for size in [STACK_SIZE, FALLBACK_STACK_SIZE] {
        let slot = std::sync::Arc::clone(&slot);
        spawned = std::thread::Builder::new()
            .name("guest".into())
            .stack_size(size)
            .spawn(move || {
                let body = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
                if let Some(body) = body {
                    body(size);
                }
            });
        if spawned.is_ok() {
            break;
        }
    }
    drop(slot);
    let handle = match spawned {
        Ok(h) => h,
        Err(e) => {
            let msg = format!("fatal error: cannot start the guest thread: {e}\n");
            return (Err(2), Vec::new(), msg.into_bytes());
        }
    };
    match rx.recv() {
        Ok(Finish::Returned(r, out, err)) => {
            let _ = handle.join();
            (Ok(r), out, err)
        }
        // The guest thread is parked forever; leave it.
        Ok(Finish::Exited(code, out, err)) => (Err(code), out, err),
        Err(_) => (
            Err(2),
            Vec::new(),
            b"fatal error: guest thread died\n".to_vec(),
        ),
    }
}

fn take_captured() -> (Vec<u8>, Vec<u8>) {
    OUT.with(|o| match o.borrow_mut().as_mut() {
        Some(o) => (std::mem::take(&mut o.stdout), std::mem::take(&mut o.stderr)),
        None => (Vec::new(), Vec::new()),
    })
}

/// Appends to the guest's stdout (buffered).
pub fn write_stdout(bytes: &[u8]) {
    let flush = OUT.with(|o| match o.borrow_mut().as_mut() {
        Some(o) => {
            o.stdout.extend_from_slice(bytes);
            o.mode == Mode::Process && o.stdout.len() >= 1 << 16
        }
        None => {
            let _ = std::io::stdout().write_all(bytes);
            false
        }
    });
    if flush {
        flush_stdout();
    }
}

/// Writes to the guest's stderr, after flushing stdout.
pub fn write_stderr(bytes: &[u8]) {
    flush_stdout();
    OUT.with(|o| match o.borrow_mut().as_mut() {
        Some(o) if o.mode == Mode::Capture => o.stderr.extend_from_slice(bytes),
        _ => {
            let _ = std::io::stderr().write_all(bytes);
        }
    });
}

/// Writes buffered stdout to the process's stdout (process mode).
pub fn flush_stdout() {
    OUT.with(|o| {
        if let Some(o) = o.borrow_mut().as_mut() {
            if o.mode == Mode::Process && !o.stdout.is_empty() {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(&o.stdout);
                let _ = out.flush();
                o.stdout.clear();
            }
        }
    });
}

/// Ends the guest with an exit status: exits the process (process mode) or reports
/// to the host and parks the guest thread forever (capture mode).
pub fn exit(code: i32) -> ! {
    flush_stdout();
    let report = OUT.with(|o| {
        o.borrow_mut().as_mut().and_then(|o| match o.mode {
            Mode::Process => None,
            Mode::Capture => {
                let out = std::mem::take(&mut o.stdout);
                let err = std::mem::take(&mut o.stderr);
                (o.on_exit)(code, out, err);
                Some(())
            }
        })
    });
    if report.is_none() {
        let _ = std::io::stderr().flush();
        std::process::exit(code);
    }
    release_parked_memory();
    loop {
        std::thread::park();
    }
}

/// The lowest usable address of the current thread's stack (above its guard pages)
/// and its highest address (where the collector's stack scan ends).
fn stack_bounds(size: usize) -> (u64, u64) {
    // SAFETY: plain queries of the calling thread's attributes.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0 {
            let mut addr: *mut libc::c_void = std::ptr::null_mut();
            let mut size: libc::size_t = 0;
            let mut guard: libc::size_t = 0;
            let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0
                && libc::pthread_attr_getguardsize(&attr, &mut guard) == 0;
            libc::pthread_attr_destroy(&mut attr);
            if ok && !addr.is_null() {
                return (addr as u64 + guard as u64, addr as u64 + size as u64);
            }
        }
    }
    // Fallback: estimate from a local near the top of the fresh thread's stack.
    // Fallback: estimate from a local near the top of the fresh thread's stack; the
    // scan then starts at this frame, below which all guest frames lie.
    let marker = 0u8;
    let here = std::ptr::addr_of!(marker) as u64;
    (here - size as u64 + (1 << 20), here & !7)
}

thread_local! {
    /// The lowest address of the guest thread's stack (0 on other threads).
    static STACK_LOW: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// The highest address of the guest thread's stack (0 on other threads).
    static STACK_HIGH: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The highest address of the current guest thread's stack (0 on other threads).
pub fn stack_base() -> u64 {
    STACK_HIGH.with(std::cell::Cell::get)
}

/// Before a captured guest parks forever: frees its heap and returns the stack pages
/// below the current frame to the system (a stack overflow touched all of them).
fn release_parked_memory() {
    super::alloc::release_all();
    let low = STACK_LOW.with(std::cell::Cell::get);
    let marker = 0u8;
    let sp = std::ptr::addr_of!(marker) as u64;
    const PAGE: u64 = 4096;
    let start = (low + (1 << 16)).div_ceil(PAGE) * PAGE;
    let end = (sp.saturating_sub(1 << 16)) / PAGE * PAGE;
    if low != 0 && end > start {
        // SAFETY: the range lies in this thread's own stack, below every live frame;
        // MADV_DONTNEED only drops the pages' contents.
        unsafe {
            libc::madvise(
                start as usize as *mut libc::c_void,
                (end - start) as usize,
                libc::MADV_DONTNEED,
            );
        }
    }
}

/// Prints `fatal error: msg` and ends the guest with status 2.
pub fn fatal(msg: &str) -> ! {
    write_stderr(format!("fatal error: {msg}\n").as_bytes());
    exit(2)
}

/// Called by JIT code when the stack pointer passed `STACK_LIMIT`.
pub extern "C" fn rt_stack_overflow() {
    write_stderr(
        b"runtime: goroutine stack exceeds 1000000000-byte limit\n\
          fatal error: stack overflow\n\nruntime stack:\n",
    );
    exit(2)
}

/// Called by JIT code at an IR `unreachable` that was reached.
pub extern "C" fn rt_unreachable() {
    fatal("unreachable code reached")
}

/// `os.Exit(code)`.
pub extern "C" fn rt_os_exit(code: i64) {
    exit(code as i32)
}
