//! Panic state and the defer protocol (see `ir::inst`: `raise`, `recover`,
//! `defer_enter`, `defer_exit`).
//!
//! State: a stack of panic records `{value, id, recovered, aborted}` and the
//! `PANICKING` flag, which JIT code tests with one load after every instruction that
//! may panic.
//!
//! * `raise(v)` (and every failed check) pushes a record with a fresh non-zero id and
//!   sets the flag.
//! * `defer_enter() -> tok`: if the flag is set, clears it and returns the top
//!   record's id; otherwise 0.
//! * `recover(tok)`: if `tok != 0`, the top record has id `tok` and is not yet
//!   recovered, marks it recovered and returns its value; otherwise nil.
//! * `defer_exit(tok)`: nothing if `tok == 0`. Otherwise, if the flag is set (a new
//!   panic escaped the deferred call), marks record `tok` aborted. Else, if record
//!   `tok` is recovered, removes it and every aborted record directly below it (the
//!   flag stays clear). Else sets the flag again (the same panic resumes).
//!
//! When `main` or `init` returns with the flag set, [`report_uncaught`] prints Go's
//! chain of panic messages.

use super::desc::{runtime_descs, TypeDesc};
use super::{alloc, guard, Pair};
use std::cell::RefCell;
use std::sync::atomic::{AtomicU8, Ordering};

/// Whether a panic is propagating. JIT code loads this byte directly.
pub static PANICKING: AtomicU8 = AtomicU8::new(0);

#[derive(Clone, Copy, Debug)]
struct Record {
    typ: u64,
    data: u64,
    id: u64,
    recovered: bool,
    aborted: bool,
}

struct State {
    records: Vec<Record>,
    next_id: u64,
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State { records: Vec::new(), next_id: 1 }) };
}

fn set_flag(on: bool) {
    PANICKING.store(u8::from(on), Ordering::Relaxed);
}

pub fn is_panicking() -> bool {
    PANICKING.load(Ordering::Relaxed) != 0
}

/// Clears all panic state (at the start of a guest thread).
pub fn reset() {
    set_flag(false);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.records.clear();
        s.next_id = 1;
    });
}

/// Starts a panic with the interface value `(typ, data)`.
pub fn raise(typ: u64, data: u64) {
    let (typ, data) = if typ == 0 {
        // Go 1.21+: `panic(nil)` panics with a *runtime.PanicNilError. The error is
        // zero-sized in Go, so every one has the same address.
        static NIL_MSG: &str = "runtime error: panic called with nil argument";
        (
            &runtime_descs().panic_nil as *const TypeDesc as u64,
            nil_error_box(NIL_MSG),
        )
    } else {
        (typ, data)
    };
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let id = s.next_id;
        s.next_id += 1;
        s.records.push(Record {
            typ,
            data,
            id,
            recovered: false,
            aborted: false,
        });
    });
    set_flag(true);
}

/// The box of the `PanicNilError` singleton: a static `str` header.
fn nil_error_box(msg: &'static str) -> u64 {
    struct Header([u64; 2]);
    static HEADER: std::sync::OnceLock<Header> = std::sync::OnceLock::new();
    let h = HEADER.get_or_init(|| Header([msg.as_ptr() as u64, msg.len() as u64]));
    h.0.as_ptr() as u64
}

/// Starts a panic with a runtime error value of the given descriptor and message
/// (without the `runtime error: ` prefix for runtime errors; the full text otherwise).
pub fn raise_error(desc: &'static TypeDesc, msg: &[u8]) {
    let (typ, data) = new_error(desc, msg);
    raise(typ, data);
}

/// A runtime-provided error value: the data word points to a `str` with the message.
pub fn new_error(desc: &'static TypeDesc, msg: &[u8]) -> (u64, u64) {
    let s = super::new_str(msg);
    // A `str`: its data word is the pointer.
    let b = alloc::alloc_typed(
        16,
        super::ptrbits::Layout::Mask {
            stride: 2,
            bits: &[0b01],
        },
    );
    // SAFETY: `b` is a fresh 16-byte allocation.
    unsafe {
        *(b as usize as *mut u64) = s.0;
        *((b + 8) as usize as *mut u64) = s.1;
    }
    (desc as *const TypeDesc as u64, b)
}

/// Starts a panic with an error value that Go creates once (its `memoryError` and
/// `divideError` variables, or a constant string converted to an interface): the data
/// word is the same on every raise, so a second such panic while the first is
/// recovering prints as `[recovered, repanicked]`, as in Go. `msg` is the full text.
pub fn raise_static_error(desc: &'static TypeDesc, msg: &'static str) {
    use std::sync::Mutex;
    // Boxes outlive every arena reset: each holds a `str` header of a static text.
    /// A `str` header: pointer and length.
    type Header = Box<[u64; 2]>;
    static BOXES: Mutex<Vec<(&'static str, Header)>> = Mutex::new(Vec::new());
    let data = {
        let mut boxes = BOXES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, b)) = boxes.iter().find(|(k, _)| *k == msg) {
            b.as_ptr() as u64
        } else {
            let b = Box::new([msg.as_ptr() as u64, msg.len() as u64]);
            let addr = b.as_ptr() as u64;
            boxes.push((msg, b));
            addr
        }
    };
    raise(desc as *const TypeDesc as u64, data);
}

/// The nil dereference panic (Go's `panicmem`).
pub fn raise_nil_deref() {
    raise_static_error(
        &runtime_descs().error_string,
        "runtime error: invalid memory address or nil pointer dereference",
    );
}

/// Starts a panic with a `runtime.Error` whose text is `runtime error: msg`.
pub fn raise_runtime_error(desc: &'static TypeDesc, msg: &str) {
    raise_error(desc, format!("runtime error: {msg}").as_bytes());
}

pub extern "C" fn rt_raise(typ: u64, data: u64) {
    guard(|| raise(typ, data))
}

pub extern "C" fn rt_recover(tok: u64) -> Pair {
    guard(|| {
        if tok == 0 {
            return Pair(0, 0);
        }
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            match s.records.last_mut() {
                Some(top) if top.id == tok && !top.recovered => {
                    top.recovered = true;
                    Pair(top.typ, top.data)
                }
                _ => Pair(0, 0),
            }
        })
    })
}

pub extern "C" fn rt_defer_enter() -> u64 {
    guard(|| {
        if !is_panicking() {
            return 0;
        }
        set_flag(false);
        STATE.with(|s| s.borrow().records.last().map_or(0, |r| r.id))
    })
}

pub extern "C" fn rt_defer_exit(tok: u64) {
    guard(|| {
        if tok == 0 {
            return;
        }
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let Some(pos) = s.records.iter().rposition(|r| r.id == tok) else {
                return;
            };
            if is_panicking() {
                s.records[pos].aborted = true;
            } else if s.records[pos].recovered {
                let mut start = pos;
                while start > 0 && s.records[start - 1].aborted {
                    start -= 1;
                }
                s.records.drain(start..);
            } else {
                set_flag(true);
            }
        })
    })
}

pub extern "C" fn rt_panic_nil() {
    guard(raise_nil_deref)
}

pub extern "C" fn rt_panic_divide() {
    guard(|| {
        raise_static_error(
            &runtime_descs().error_string,
            "runtime error: integer divide by zero",
        )
    })
}

pub extern "C" fn rt_panic_shift() {
    guard(|| {
        raise_static_error(
            &runtime_descs().error_string,
            "runtime error: negative shift amount",
        )
    })
}

/// Go's `panicwrap`: a value method called through a nil pointer by a wrapper.
pub extern "C" fn rt_panic_wrap(p: u64, len: u64) {
    guard(|| {
        // SAFETY: a valid guest string.
        let msg = unsafe { super::str_bytes(p, len) }.to_vec();
        raise_error(&runtime_descs().plain_error, &msg)
    })
}

/// `check_index i, len` failed.
pub extern "C" fn rt_panic_index(i: i64, len: i64) {
    guard(|| {
        let msg = if i < 0 {
            format!("index out of range [{i}]")
        } else {
            format!("index out of range [{i}] with length {len}")
        };
        raise_runtime_error(&runtime_descs().bounds_error, &msg)
    })
}

/// `check_slice lo, hi, bound` failed; `is_len` is 1 for a length bound.
pub extern "C" fn rt_panic_slice(is_len: u64, lo: i64, hi: i64, bound: i64) {
    guard(|| {
        let what = if is_len != 0 { "length" } else { "capacity" };
        let msg = if hi < 0 || hi > bound {
            if hi < 0 {
                format!("slice bounds out of range [:{hi}]")
            } else {
                format!("slice bounds out of range [:{hi}] with {what} {bound}")
            }
        } else if lo < 0 {
            format!("slice bounds out of range [{lo}:]")
        } else {
            format!("slice bounds out of range [{lo}:{hi}]")
        };
        raise_runtime_error(&runtime_descs().bounds_error, &msg)
    })
}

/// `check_slice3 lo, hi, max, cap` failed.
pub extern "C" fn rt_panic_slice3(lo: i64, hi: i64, max: i64, cap: i64, kind: i64) {
    let bound = if kind == 1 { "length" } else { "capacity" };
    guard(|| {
        let msg = if max < 0 || max > cap {
            if max < 0 {
                format!("slice bounds out of range [::{max}]")
            } else {
                format!("slice bounds out of range [::{max}] with {bound} {cap}")
            }
        } else if hi < 0 {
            format!("slice bounds out of range [:{hi}:]")
        } else if hi > max {
            format!("slice bounds out of range [:{hi}:{max}]")
        } else if lo < 0 {
            format!("slice bounds out of range [{lo}::]")
        } else {
            format!("slice bounds out of range [{lo}:{hi}:]")
        };
        raise_runtime_error(&runtime_descs().bounds_error, &msg)
    })
}

/// Removes the panics started since the stack had `depth` records and clears the flag
/// (used when the runtime calls an `Error()` method that panicked while formatting).
pub fn discard_since(depth: usize, was_panicking: bool) {
    STATE.with(|s| s.borrow_mut().records.truncate(depth));
    set_flag(was_panicking);
}

/// The value of the newest panic record, if any.
pub fn top_value() -> Option<(u64, u64)> {
    STATE.with(|s| s.borrow().records.last().map(|r| (r.typ, r.data)))
}

/// The words of the panic records (the collector's roots): values being panicked
/// with, recovered or not.
pub fn gc_roots() -> Vec<u64> {
    STATE.with(|s| {
        s.borrow()
            .records
            .iter()
            .flat_map(|r| [r.typ, r.data])
            .collect()
    })
}

pub fn depth() -> usize {
    STATE.with(|s| s.borrow().records.len())
}

/// Prints Go's uncaught-panic report to stderr (see the module docs of `runtime`).
pub fn report_uncaught() {
    let records = STATE.with(|s| s.borrow().records.clone());
    // Go's preprintpanics: a record whose value is identical (same type and data word)
    // to the next newer one's is "repanicked", and the newer one is not printed.
    let mut repanicked = vec![false; records.len()];
    for i in 0..records.len().saturating_sub(1) {
        let (old, new) = (&records[i], &records[i + 1]);
        if old.typ == new.typ && old.data == new.data {
            repanicked[i] = true;
        }
    }
    // Error texts first, with the flag clear so the methods run normally (a method
    // that panics gives up its text; see `print::with_error_text`).
    set_flag(false);
    let _roots = super::gc::Pin::scope();
    let texts: Vec<Vec<u8>> = records
        .iter()
        .map(|r| super::fmt::panic_message(&super::print::iface_val(r.typ, r.data, true)))
        .collect();
    let mut out = Vec::new();
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            if repanicked[i - 1] {
                continue;
            }
            out.push(b'\t');
        }
        out.extend_from_slice(b"panic: ");
        out.extend_from_slice(&texts[i]);
        if r.recovered && repanicked[i] {
            out.extend_from_slice(b" [recovered, repanicked]");
        } else if r.recovered {
            out.extend_from_slice(b" [recovered]");
        }
        out.push(b'\n');
    }
    out.extend_from_slice(b"\ngoroutine 1 [running]:\nmain.main()\n\t?\nexit status 2\n");
    super::guest::write_stderr(&out);
}
