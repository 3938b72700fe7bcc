//! Guest memory: the one allocation path (`alloc_bytes`) with Go's `-benchmem`
//! counters, over the collected heap (`heap`, `gc`), and the free list of defer
//! records.
//!
//! Every allocation says what it holds (`ptrbits::Layout`): the JIT's typed sites
//! (`rt_alloc_layout`, `rt_alloc_array_layout`) and slices' arrays by their element
//! type's pointer mask, so the collector scans only their pointer words; bytes never;
//! anything else, such as the runtime's own objects and defer records, conservatively.
//!
//! Every allocation is zeroed as Go requires. Zero-sized allocations return the
//! address of a static (Go's `zerobase`) and count nothing, as in Go. The counters
//! count allocations (bytes rounded to Go's size classes), never collections, so
//! `-benchmem` figures do not depend on the collector.

use super::gc::{self, HEAP};
use super::guard;
use super::ptrbits::{self, Layout};
use std::cell::{Cell, RefCell};

/// Bytes and allocations made by the guest since its thread started (Go's
/// `MemStats.TotalAlloc` and `Mallocs` as `testing` uses them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AllocStats {
    pub bytes: u64,
    pub allocs: u64,
}

thread_local! {
    static STATS: Cell<AllocStats> = const { Cell::new(AllocStats { bytes: 0, allocs: 0 }) };
    /// Free defer records by size: each record has an 8-byte header with its size.
    static DEFER_FREE: RefCell<Vec<(u64, Vec<u64>)>> = const { RefCell::new(Vec::new()) };
}

static ZEROBASE: u64 = 0;

/// The allocation counters of the current (guest) thread.
pub fn alloc_stats() -> AllocStats {
    STATS.with(Cell::get)
}

/// Frees the whole heap (a guest that will never run again).
pub fn release_all() {
    DEFER_FREE.with(|f| f.borrow_mut().clear());
    HEAP.with(|h| h.borrow_mut().release());
}

/// The defer records on the free list (the collector keeps them without scanning).
pub fn free_defer_records() -> Vec<u64> {
    DEFER_FREE.with(|f| {
        f.borrow()
            .iter()
            .flat_map(|(_, l)| l.iter().copied())
            .collect()
    })
}

/// Go's malloc size class rounding, so `-benchmem` bytes match Go's.
fn counted_size(size: u64) -> u64 {
    super::slices::roundupsize(size, false)
}

/// Zeroed guest memory, not counted; may collect first.
// Inlined: a `Layout` passed in memory between these frames cost a store-forwarding
// stall per allocation (+50% on allocation-heavy programs).
#[inline(always)]
fn raw_alloc(size: u64, align: u64, layout: Layout) -> u64 {
    if size == 0 {
        return &ZEROBASE as *const u64 as u64;
    }
    if size > 1 << 40 {
        super::guest::fatal("runtime: out of memory");
    }
    gc::before_alloc(size as usize);
    HEAP.with(|h| h.borrow_mut().alloc(size as usize, align as usize, layout)) as u64
}

/// Zeroed guest memory, counted for `-benchmem`.
/// Memory aligned to less than 8 bytes (strings, bytes) cannot hold a pointer and is
/// never scanned.
/// Anything else is scanned conservatively.
pub fn alloc_bytes(size: u64, align: u64) -> u64 {
    alloc_counted(size, align, conservative(align < 8))
}

/// A slice's backing array (`noscan`: its element type holds no pointers; else it is
/// scanned conservatively).
pub fn alloc_slice(size: u64, noscan: bool) -> u64 {
    alloc_counted(size, 8, conservative(noscan))
}

/// Zeroed guest memory holding what `layout` says, counted for `-benchmem`.
#[inline(always)]
pub fn alloc_typed(size: u64, layout: Layout) -> u64 {
    alloc_counted(size, 8, layout)
}

fn conservative(noscan: bool) -> Layout<'static> {
    if noscan {
        Layout::NoScan
    } else {
        Layout::Conservative
    }
}

#[inline(always)]
fn alloc_counted(size: u64, align: u64, layout: Layout) -> u64 {
    if size > 0 {
        STATS.with(|s| {
            let mut v = s.get();
            v.bytes += counted_size(size);
            v.allocs += 1;
            s.set(v);
        });
    }
    raw_alloc(size, align, layout)
}

/// `alloc.T`, `closure`, boxes: zeroed memory of `size` bytes.
pub extern "C" fn rt_alloc(size: u64, align: u64) -> u64 {
    guard(|| alloc_bytes(size, align))
}

/// `alloc_array.T n`: `n` elements of `elem` bytes.
pub extern "C" fn rt_alloc_array(n: u64, elem: u64) -> u64 {
    guard(|| match (n as i64).checked_mul(elem as i64) {
        // An element smaller than a word cannot hold a pointer.
        Some(total) if (0..(1 << 40)).contains(&total) => {
            alloc_counted(total as u64, 8, conservative(elem < 8))
        }
        _ => super::guest::fatal("runtime: out of memory"),
    })
}

/// `alloc.T`, `closure`, boxes with their layout: `desc` is the address of a static
/// descriptor (`ptrbits::from_desc`; 0 scans conservatively).
pub extern "C" fn rt_alloc_layout(size: u64, desc: u64) -> u64 {
    // SAFETY: JIT code passes a descriptor the program owns.
    guard(|| alloc_typed(size, unsafe { ptrbits::from_desc(desc) }))
}

/// `alloc_array.T n` with `T`'s layout repeated over the elements.
pub extern "C" fn rt_alloc_array_layout(n: u64, elem: u64, desc: u64) -> u64 {
    guard(|| match (n as i64).checked_mul(elem as i64) {
        // SAFETY: JIT code passes a descriptor the program owns.
        Some(total) if (0..(1 << 40)).contains(&total) => {
            alloc_typed(total as u64, unsafe { ptrbits::from_desc(desc) })
        }
        _ => super::guest::fatal("runtime: out of memory"),
    })
}

/// A defer record of `size` bytes from the free list (zeroed).
pub extern "C" fn rt_defer_alloc(size: u64) -> u64 {
    guard(|| {
        let reused = DEFER_FREE.with(|f| {
            let mut f = f.borrow_mut();
            f.iter_mut()
                .find(|(s, _)| *s == size)
                .and_then(|(_, list)| list.pop())
        });
        match reused {
            Some(r) => {
                // SAFETY: `r` is a record of `size` bytes that was freed.
                unsafe { std::ptr::write_bytes(r as usize as *mut u8, 0, size as usize) };
                r
            }
            None => {
                let p = raw_alloc(size + 8, 8, Layout::Conservative);
                // SAFETY: the header word is inside the fresh allocation.
                unsafe { *(p as usize as *mut u64) = size };
                p + 8
            }
        }
    })
}

/// Returns a defer record to the free list.
pub extern "C" fn rt_defer_free(rec: u64) {
    guard(|| {
        if rec == 0 {
            return;
        }
        // SAFETY: `rec` came from `rt_defer_alloc`, which put the size before it.
        let size = unsafe { *((rec - 8) as usize as *const u64) };
        DEFER_FREE.with(|f| {
            let mut f = f.borrow_mut();
            match f.iter_mut().find(|(s, _)| *s == size) {
                Some((_, list)) => list.push(rec),
                None => f.push((size, vec![rec])),
            }
        });
    })
}
