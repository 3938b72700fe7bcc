//! The runtime that JIT code calls: allocation, panics and the defer protocol, strings,
//! slices, interfaces, output through `fmt`, and `testing.B` for benchmarks.
//!
//! ABI: every entry point is an `extern "C"` function whose parameters are the
//! flattened words of its IR operands (see `flat`): `bool` as `u8`, other words as
//! `u64`/`i64`. Up to two result words come back in registers (`Pair`); more (a slice)
//! are written through a pointer passed as the first argument. No Rust panic may
//! unwind into JIT frames (they have no unwind info): every entry point runs its body
//! under [`guard`], which turns a Rust panic into a fatal error.
//!
//! State: the guest runs on one thread at a time (see `guest`). What JIT code reads
//! inline (the panic flag, the stack limit) are statics at fixed addresses; the rest is
//! thread-local to the guest thread and dies with it.

pub mod alloc;
pub mod array;
pub mod desc;
pub mod fmt;
pub mod gc;
pub mod guest;
pub mod heap;
pub mod iface;
pub mod maps;
pub mod methods;
pub mod panic;
pub mod print;
pub mod ptrbits;
pub mod slices;
pub mod strings;
pub mod testing;

pub use alloc::{alloc_stats, AllocStats};

use cranelift_codegen::ir::types::{I64, I8};
use cranelift_codegen::ir::Type as ClType;
use ir::RtFunc;

/// Two result words, returned in two registers (RAX:RDX on x86-64 SysV).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct Pair(pub u64, pub u64);

/// Runs a runtime entry point's body, turning a Rust panic into a fatal error so it
/// never unwinds into JIT code.
pub(crate) fn guard<R>(f: impl FnOnce() -> R) -> R {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(e) => {
            let msg = if let Some(s) = e.downcast_ref::<&str>() {
                (*s).to_string()
            } else if let Some(s) = e.downcast_ref::<String>() {
                s.clone()
            } else {
                "unknown".to_string()
            };
            guest::fatal(&format!("runtime bug: {msg}"))
        }
    }
}

/// Runtime functions that only codegen calls (no IR `rtcall` names them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Internal {
    StackOverflow,
    Raise,
    Recover,
    DeferEnter,
    DeferExit,
    PanicNil,
    PanicIndex,
    PanicSlice,
    PanicSlice3,
    PanicDivide,
    PanicShift,
    Unreachable,
    ImplementsError,
    ImplementsIface,
    /// `alloc.T`, `closure`, boxes: zeroed memory of a size, with its layout descriptor.
    AllocLayout,
    /// `alloc_array.T n`: `n` elements of a size, with the element's layout descriptor.
    AllocArrayLayout,
    /// `defer_alloc(size)` with the layout descriptor of the record's heap object and
    /// its free list, when the list is empty.
    DeferAllocPool,
}

impl Internal {
    pub const ALL: &'static [Internal] = &[
        Internal::StackOverflow,
        Internal::Raise,
        Internal::Recover,
        Internal::DeferEnter,
        Internal::DeferExit,
        Internal::PanicNil,
        Internal::PanicIndex,
        Internal::PanicSlice,
        Internal::PanicSlice3,
        Internal::PanicDivide,
        Internal::PanicShift,
        Internal::Unreachable,
        Internal::ImplementsError,
        Internal::ImplementsIface,
        Internal::AllocLayout,
        Internal::AllocArrayLayout,
        Internal::DeferAllocPool,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Internal::StackOverflow => "rt_stack_overflow",
            Internal::Raise => "rt_raise",
            Internal::Recover => "rt_recover",
            Internal::DeferEnter => "rt_defer_enter",
            Internal::DeferExit => "rt_defer_exit",
            Internal::PanicNil => "rt_panic_nil",
            Internal::PanicIndex => "rt_panic_index",
            Internal::PanicSlice => "rt_panic_slice",
            Internal::PanicSlice3 => "rt_panic_slice3",
            Internal::PanicDivide => "rt_panic_divide",
            Internal::PanicShift => "rt_panic_shift",
            Internal::Unreachable => "rt_unreachable",
            Internal::ImplementsError => "rt_implements_error",
            Internal::ImplementsIface => "rt_implements_iface",
            Internal::AllocLayout => "rt_alloc_layout",
            Internal::AllocArrayLayout => "rt_alloc_array_layout",
            Internal::DeferAllocPool => "rt_defer_alloc_pool",
        }
    }

    /// Parameter and result types.
    pub fn signature(self) -> (&'static [ClType], &'static [ClType]) {
        match self {
            Internal::StackOverflow
            | Internal::PanicNil
            | Internal::PanicDivide
            | Internal::PanicShift
            | Internal::Unreachable => (&[], &[]),
            Internal::Raise => (&[I64, I64], &[]),
            Internal::Recover => (&[I64], &[I64, I64]),
            Internal::DeferEnter => (&[], &[I64]),
            Internal::DeferExit => (&[I64], &[]),
            Internal::PanicIndex => (&[I64, I64], &[]),
            Internal::PanicSlice => (&[I64, I64, I64, I64], &[]),
            Internal::PanicSlice3 => (&[I64, I64, I64, I64, I64], &[]),
            Internal::ImplementsError => (&[I64], &[I8]),
            Internal::ImplementsIface => (&[I64, I64], &[I8]),
            Internal::AllocLayout => (&[I64, I64], &[I64]),
            Internal::AllocArrayLayout => (&[I64, I64, I64], &[I64]),
            Internal::DeferAllocPool => (&[I64, I64, I64], &[I64]),
        }
    }

    pub fn addr(self) -> *const u8 {
        match self {
            Internal::StackOverflow => guest::rt_stack_overflow as *const u8,
            Internal::Raise => panic::rt_raise as *const u8,
            Internal::Recover => panic::rt_recover as *const u8,
            Internal::DeferEnter => panic::rt_defer_enter as *const u8,
            Internal::DeferExit => panic::rt_defer_exit as *const u8,
            Internal::PanicNil => panic::rt_panic_nil as *const u8,
            Internal::PanicIndex => panic::rt_panic_index as *const u8,
            Internal::PanicSlice => panic::rt_panic_slice as *const u8,
            Internal::PanicSlice3 => panic::rt_panic_slice3 as *const u8,
            Internal::PanicDivide => panic::rt_panic_divide as *const u8,
            Internal::PanicShift => panic::rt_panic_shift as *const u8,
            Internal::Unreachable => guest::rt_unreachable as *const u8,
            Internal::ImplementsError => iface::rt_implements_error as *const u8,
            Internal::ImplementsIface => methods::rt_implements_iface as *const u8,
            Internal::AllocLayout => alloc::rt_alloc_layout as *const u8,
            Internal::AllocArrayLayout => alloc::rt_alloc_array_layout as *const u8,
            Internal::DeferAllocPool => alloc::rt_defer_alloc_pool as *const u8,
        }
    }
}

/// The symbol name of an IR runtime function.
pub fn rtfunc_symbol(f: RtFunc) -> String {
    format!("rt_{}", f.name())
}

/// The address of an IR runtime function's implementation.
pub fn rtfunc_addr(f: RtFunc) -> *const u8 {
    match f {
        RtFunc::StrConcat => strings::rt_str_concat as *const u8,
        RtFunc::StrCmp => strings::rt_str_cmp as *const u8,
        RtFunc::StrFromBytes => strings::rt_str_from_bytes as *const u8,
        RtFunc::BytesFromStr => strings::rt_bytes_from_str as *const u8,
        RtFunc::StrFromRune => strings::rt_str_from_rune as *const u8,
        RtFunc::MakeSlice => slices::rt_make_slice as *const u8,
        RtFunc::GrowSlice => slices::rt_grow_slice as *const u8,
        RtFunc::GrowSliceBuf => slices::rt_grow_slice_buf as *const u8,
        RtFunc::GrowSliceBufCap => slices::rt_grow_slice_buf_cap as *const u8,
        RtFunc::MoveToHeap => slices::rt_move_to_heap as *const u8,
        RtFunc::Memmove => slices::rt_memmove as *const u8,
        RtFunc::IfaceEq => iface::rt_iface_eq as *const u8,
        RtFunc::PanicAssert => iface::rt_panic_assert as *const u8,
        RtFunc::PanicAssertIface => methods::rt_panic_assert_iface as *const u8,
        RtFunc::PanicWrap => panic::rt_panic_wrap as *const u8,
        RtFunc::Print => print::rt_print as *const u8,
        RtFunc::Println => print::rt_println as *const u8,
        RtFunc::FmtPrint => print::rt_fmt_print as *const u8,
        RtFunc::FmtPrintln => print::rt_fmt_println as *const u8,
        RtFunc::FmtPrintf => print::rt_fmt_printf as *const u8,
        RtFunc::FmtSprint => print::rt_fmt_sprint as *const u8,
        RtFunc::FmtSprintln => print::rt_fmt_sprintln as *const u8,
        RtFunc::FmtSprintf => print::rt_fmt_sprintf as *const u8,
        RtFunc::FmtErrorf => print::rt_fmt_errorf as *const u8,
        RtFunc::ErrorsNew => iface::rt_errors_new as *const u8,
        RtFunc::ErrorText => iface::rt_error_text as *const u8,
        RtFunc::OsExit => guest::rt_os_exit as *const u8,
        RtFunc::Gc => gc::rt_gc as *const u8,
        RtFunc::DeferAlloc => alloc::rt_defer_alloc as *const u8,
        RtFunc::DeferFree => alloc::rt_defer_free as *const u8,
        RtFunc::MapMake => maps::rt_map_make as *const u8,
        RtFunc::MapAccess => maps::rt_map_access as *const u8,
        RtFunc::MapAccess2 => maps::rt_map_access2 as *const u8,
        RtFunc::MapAssign => maps::rt_map_assign as *const u8,
        RtFunc::MapDelete => maps::rt_map_delete as *const u8,
        RtFunc::MapLen => maps::rt_map_len as *const u8,
        RtFunc::MapClear => maps::rt_map_clear as *const u8,
        RtFunc::MapIterInit => maps::rt_map_iter_init as *const u8,
        RtFunc::MapIterNext => maps::rt_map_iter_next as *const u8,
        RtFunc::BLoop => testing::rt_b_loop as *const u8,
        RtFunc::BRun => testing::rt_b_run as *const u8,
        RtFunc::BResetTimer => testing::rt_b_reset_timer as *const u8,
        RtFunc::BStartTimer => testing::rt_b_start_timer as *const u8,
        RtFunc::BStopTimer => testing::rt_b_stop_timer as *const u8,
        RtFunc::BReportAllocs => testing::rt_b_report_allocs as *const u8,
    }
}

/// Every runtime symbol, for `JITBuilder::symbol`.
pub fn symbols() -> Vec<(String, *const u8)> {
    let mut out: Vec<(String, *const u8)> = Internal::ALL
        .iter()
        .map(|&i| (i.name().to_string(), i.addr()))
        .collect();
    out.extend(
        RtFunc::ALL
            .iter()
            .map(|&f| (rtfunc_symbol(f), rtfunc_addr(f))),
    );
    out
}

/// A Go string in guest memory as a byte slice.
///
/// # Safety
/// `(ptr, len)` must be a valid guest string (or `len == 0`).
pub(crate) unsafe fn str_bytes<'a>(ptr: u64, len: u64) -> &'a [u8] {
    if len == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(ptr as usize as *const u8, len as usize)
    }
}

/// Copies bytes into a fresh guest string.
pub(crate) fn new_str(bytes: &[u8]) -> Pair {
    if bytes.is_empty() {
        return Pair(0, 0);
    }
    let p = alloc::alloc_noscan(bytes.len() as u64, 1);
    // SAFETY: `p` is a fresh allocation of `bytes.len()` bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p as *mut u8, bytes.len()) };
    Pair(p, bytes.len() as u64)
}
