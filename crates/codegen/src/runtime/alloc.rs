//! Guest memory: the one allocation path (`alloc_typed`, `alloc_noscan`) with Go's
//! `-benchmem` counters, over the collected heap (`heap`, `gc`), and the free lists of
//! defer records.
//!
//! Every allocation says what it holds (`ptrbits::Layout`), so the collector scans only
//! its pointer words: the JIT's typed sites (`rt_alloc_layout`, `rt_alloc_array_layout`)
//! and defer records (`rt_defer_alloc_pool`) by a static descriptor, slices' arrays
//! by their element type's pointer mask, the runtime's own objects (map headers,
//! entries and iterators, error boxes) by masks they build from what they hold or
//! from the map type's descriptor (`desc::ptr_words`), bytes never. A `Conservative`
//! allocation (every word scanned) is only a fallback (a descriptor address of 0);
//! `gc::untyped` counts each one, and `DEFERLAB_GC_PRECISE=1` makes it fatal, which
//! is how the tests prove that no sample program reaches it.
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
    /// The free-list heads of the running program's defer records.
    static DEFER_POOLS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

static ZEROBASE: u64 = 0;

/// The allocation counters of the current (guest) thread.
pub fn alloc_stats() -> AllocStats {
    STATS.with(Cell::get)
}

/// Frees the whole heap (a guest that will never run again).
pub fn release_all() {
    clear_defer_pools();
    DEFER_POOLS.with(|p| p.borrow_mut().clear());
    HEAP.with(|h| h.borrow_mut().release());
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
    if let Layout::Conservative = layout {
        gc::untyped();
    }
    HEAP.with(|cell| {
        let mut h = cell.borrow_mut();
        if h.live + size as usize > h.trigger {
            drop(h);
            gc::before_alloc(size as usize);
            h = cell.borrow_mut();
        }
        h.alloc(size as usize, align as usize, layout)
    }) as u64
}

/// Zeroed guest memory that holds no pointers (string bytes, hash indexes, read-only
/// zero values), counted for `-benchmem`; never scanned.
pub fn alloc_noscan(size: u64, align: u64) -> u64 {
    alloc_counted(size, align, Layout::NoScan)
}

/// Zeroed guest memory holding what `layout` says, counted for `-benchmem`.
#[inline(always)]
pub fn alloc_typed(size: u64, layout: Layout) -> u64 {
    alloc_counted(size, 8, layout)
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

/// Bytes before a defer record: one word, the address of its free-list head (0 for
/// a record that never returns to a list).
const DEFER_HEADER: u64 = 8;

// Defer records. A chain record (a `defer` in a loop) comes from the free list of its
// layout and goes back to it when its call runs: JIT code pops and pushes inline
// (`translate::memory`), with the list's next pointer in the record's first word, and
// calls `rt_defer_alloc_pool` only when the list is empty. The heads are the
// program's statics (`Statics::defer_pool_addr`), one per record layout, so reuse
// keeps a slot's pointer bits right and costs no lookup. Like Go's `deferpool`,
// which `clearpools` empties at each collection, the lists are emptied when a
// collection starts (`clear_defer_pools`): free records are then garbage, so a
// list never holds memory across a collection.

/// `defer_alloc(size)` as the IR names it: codegen calls `rt_defer_alloc_pool`
/// instead, with the record's layout and list; this is the fallback for a caller that
/// has neither (scanned conservatively, never reused).
pub extern "C" fn rt_defer_alloc(size: u64) -> u64 {
    rt_defer_alloc_pool(size, 0, 0)
}

/// A fresh zeroed defer record of `size` bytes, whose header names the free list
/// `pool` it returns to (0: none). `desc` describes the heap object that holds it,
/// the header word (no pointer) and then the record (`Statics::layout_addr`; 0:
/// conservative, the fallback when codegen cannot name the record's type).
pub extern "C" fn rt_defer_alloc_pool(size: u64, desc: u64, pool: u64) -> u64 {
    guard(|| {
        // SAFETY: JIT code passes a descriptor the program owns (or 0).
        let layout = unsafe { ptrbits::from_desc(desc) };
        let p = raw_alloc(size + DEFER_HEADER, 8, layout);
        // SAFETY: the header word is inside the fresh allocation.
        unsafe { *(p as usize as *mut u64) = pool };
        p + DEFER_HEADER
    })
}

/// Returns a defer record to its free list. JIT code does this inline
/// (`translate::memory::defer_free`) and never calls here; this is what the IR's
/// `rtcall defer_free` means outside codegen's expansion, as `rt_defer_alloc` is.
pub extern "C" fn rt_defer_free(rec: u64) {
    if rec == 0 {
        return;
    }
    // SAFETY: `rec` came from `rt_defer_alloc_pool`, which wrote the header, and a
    // non-zero header is a list head of the running program.
    unsafe {
        let pool = *((rec - DEFER_HEADER) as usize as *const u64) as usize as *mut u64;
        if !pool.is_null() {
            *(rec as usize as *mut u64) = *pool;
            *pool = rec;
        }
    }
}

/// Starts this (guest) thread's program with empty defer record lists at `pools`
/// (`Statics::defer_pool_words`).
pub fn set_defer_pools(pools: Vec<u64>) {
    DEFER_POOLS.with(|p| *p.borrow_mut() = pools);
    clear_defer_pools();
}

/// Empties every defer record free list (a collection starts, or the heap goes).
pub fn clear_defer_pools() {
    DEFER_POOLS.with(|p| {
        for &head in p.borrow().iter() {
            // SAFETY: `head` is a list head word of the running program.
            unsafe { *(head as usize as *mut u64) = 0 };
        }
    })
}
