//! Guest memory: a bump arena of zeroed chunks (no garbage collector) with Go's
//! `-benchmem` counters, and the free list of defer records.
//!
//! The arena belongs to the guest thread and is freed when that thread ends. Memory
//! comes from `alloc_zeroed` and is never reused, so every allocation is zeroed as Go
//! requires. Zero-sized allocations return the address of a static (Go's `zerobase`)
//! and count nothing, as in Go.

use super::guard;
use std::alloc::Layout;
use std::cell::{Cell, RefCell};

const CHUNK: usize = 1 << 20;

/// Bytes and allocations made by the guest since its thread started (Go's
/// `MemStats.TotalAlloc` and `Mallocs` as `testing` uses them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AllocStats {
    pub bytes: u64,
    pub allocs: u64,
}

struct Arena {
    cur: usize,
    end: usize,
    chunks: Vec<(*mut u8, Layout)>,
    /// Standard-size chunks freed by `release_to`, kept for reuse with how many of
    /// their leading bytes are dirty: fresh memory from the system costs a page fault
    /// per page on first touch, which would land inside the next timed benchmark run.
    spare: Vec<(*mut u8, Layout, usize)>,
}

/// At most this many spare chunks are kept (64 MiB).
const MAX_SPARE: usize = 64;

impl Drop for Arena {
    fn drop(&mut self) {
        let spare = self.spare.iter().map(|&(p, l, _)| (p, l));
        for (p, l) in self.chunks.iter().copied().chain(spare) {
            // SAFETY: each chunk came from `alloc_zeroed` with this layout.
            unsafe { std::alloc::dealloc(p, l) };
        }
    }
}

thread_local! {
    static ARENA: RefCell<Arena> = const { RefCell::new(Arena { cur: 0, end: 0, chunks: Vec::new(), spare: Vec::new() }) };
    static STATS: Cell<AllocStats> = const { Cell::new(AllocStats { bytes: 0, allocs: 0 }) };
    /// Free defer records by size: each record has an 8-byte header with its size.
    static DEFER_FREE: RefCell<Vec<(u64, Vec<u64>)>> = const { RefCell::new(Vec::new()) };
}

static ZEROBASE: u64 = 0;

/// The allocation counters of the current (guest) thread.
pub fn alloc_stats() -> AllocStats {
    STATS.with(Cell::get)
}

/// A position in the guest's arena (see [`release_to`]).
#[derive(Clone, Copy, Debug)]
pub struct ArenaMark {
    chunks: usize,
    cur: usize,
    end: usize,
}

/// The current position of the guest thread's arena.
pub fn mark() -> ArenaMark {
    ARENA.with(|a| {
        let a = a.borrow();
        ArenaMark {
            chunks: a.chunks.len(),
            cur: a.cur,
            end: a.end,
        }
    })
}

/// Frees everything allocated since `m` (and re-zeroes the reused part of the
/// current chunk), so a benchmark loop without a garbage collector stays bounded.
///
/// # Safety
/// No guest memory allocated since `m` may be used again: a pointer to it that
/// survives anywhere (a package variable, an object allocated before `m`) dangles.
pub unsafe fn release_to(m: ArenaMark) {
    ARENA.with(|a| {
        let mut a = a.borrow_mut();
        // The current chunk is still the one of the mark: only up to `cur` is dirty.
        let dirty_end = if a.end == m.end && a.cur >= m.cur {
            a.cur
        } else {
            m.end
        };
        let (cur, end) = (a.cur, a.end);
        let freed: Vec<(*mut u8, Layout)> = a.chunks.drain(m.chunks..).collect();
        for (p, l) in freed {
            let dirty = if (p as usize..=p as usize + l.size()).contains(&cur)
                && end == p as usize + l.size()
            {
                cur - p as usize
            } else {
                l.size()
            };
            if l.size() == CHUNK && a.spare.len() < MAX_SPARE {
                a.spare.push((p, l, dirty));
            } else {
                std::alloc::dealloc(p, l);
            }
        }
        if m.cur != 0 && dirty_end > m.cur {
            std::ptr::write_bytes(m.cur as *mut u8, 0, dirty_end - m.cur);
        }
        a.cur = m.cur;
        a.end = m.end;
    });
}

/// Frees the whole arena (a guest that will never run again).
pub fn release_all() {
    ARENA.with(|a| {
        let mut a = a.borrow_mut();
        let spare: Vec<_> = a.spare.drain(..).map(|(p, l, _)| (p, l)).collect();
        for (p, l) in a.chunks.drain(..).chain(spare) {
            // SAFETY: each chunk came from `alloc_zeroed` with this layout, and no
            // guest code runs any more.
            unsafe { std::alloc::dealloc(p, l) };
        }
        a.cur = 0;
        a.end = 0;
    });
}

/// Go's malloc size class rounding, so `-benchmem` bytes match Go's.
fn counted_size(size: u64) -> u64 {
    super::slices::roundupsize(size, false)
}

/// Zeroed guest memory, not counted.
fn raw_alloc(size: u64, align: u64) -> u64 {
    if size == 0 {
        return &ZEROBASE as *const u64 as u64;
    }
    let align = align.clamp(8, 4096) as usize;
    let size = size as usize;
    ARENA.with(|a| {
        let mut a = a.borrow_mut();
        let start = a.cur.div_ceil(align) * align;
        if a.cur != 0 && start.checked_add(size).is_some_and(|e| e <= a.end) {
            a.cur = start + size;
            return start as u64;
        }
        let chunk = size.max(CHUNK).div_ceil(4096) * 4096;
        let layout = match Layout::from_size_align(chunk, 4096) {
            Ok(l) => l,
            Err(_) => super::guest::fatal("runtime: out of memory"),
        };
        let reused = if chunk == CHUNK { a.spare.pop() } else { None };
        let p = match reused {
            Some((p, _, dirty)) => {
                // SAFETY: a spare chunk of `CHUNK` bytes; its dirty prefix is re-zeroed.
                unsafe { std::ptr::write_bytes(p, 0, dirty) };
                p
            }
            // SAFETY: the layout has non-zero size.
            None => unsafe { std::alloc::alloc_zeroed(layout) },
        };
        if p.is_null() {
            super::guest::fatal("runtime: out of memory");
        }
        a.chunks.push((p, layout));
        if size >= CHUNK / 2 {
            // A big object gets its own chunk; keep bumping in the current one.
            return p as u64;
        }
        a.cur = p as usize + size;
        a.end = p as usize + chunk;
        p as u64
    })
}

/// Zeroed guest memory, counted for `-benchmem`.
pub fn alloc_bytes(size: u64, align: u64) -> u64 {
    if size > 0 {
        STATS.with(|s| {
            let mut v = s.get();
            v.bytes += counted_size(size);
            v.allocs += 1;
            s.set(v);
        });
    }
    raw_alloc(size, align)
}

/// `alloc.T`, `closure`, boxes: zeroed memory of `size` bytes.
pub extern "C" fn rt_alloc(size: u64, align: u64) -> u64 {
    guard(|| alloc_bytes(size, align))
}

/// `alloc_array.T n`: `n` elements of `elem` bytes.
pub extern "C" fn rt_alloc_array(n: u64, elem: u64) -> u64 {
    guard(|| match (n as i64).checked_mul(elem as i64) {
        Some(total) if (0..(1 << 40)).contains(&total) => alloc_bytes(total as u64, 8),
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
                let p = raw_alloc(size + 8, 8);
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

/// Frees everything allocated since `m` unless something that outlives the run may
/// still reach it: a word of `roots` (the package variables) or of the memory
/// allocated before `m` that points into the newer memory (a conservative scan, as a
/// collector without type information would make). Stale free defer records in the
/// freed memory are dropped from the free list. Returns whether it freed.
///
/// This is how a benchmark loop without a garbage collector stays bounded: the driver
/// calls it after each `runN`, when no guest frame that allocated since `m` is live.
pub fn collect_to(m: ArenaMark, roots: &[(u64, usize)]) -> bool {
    let (young, old) = ARENA.with(|a| {
        let a = a.borrow();
        let mut young: Vec<(u64, u64)> = a.chunks[m.chunks..]
            .iter()
            .map(|&(p, l)| (p as u64, p as u64 + l.size() as u64))
            .collect();
        if m.cur != 0 && m.end > m.cur {
            young.push((m.cur as u64, m.end as u64));
        }
        let old: Vec<(u64, usize)> = a.chunks[..m.chunks]
            .iter()
            .map(|&(p, l)| {
                let (start, end) = (p as usize, p as usize + l.size());
                // Only the used part of the chunk that was current at the mark is old.
                let end = if (start..=end).contains(&m.cur) {
                    m.cur
                } else {
                    end
                };
                (start as u64, (end - start) / 8)
            })
            .collect();
        (young, old)
    });
    if young.is_empty() {
        return true;
    }
    let mut young = young;
    young.sort_unstable();
    // A pointer one past an object's end counts as pointing into the next one, which
    // errs on the safe side.
    let is_young = |w: u64| {
        let i = young.partition_point(|&(s, _)| s <= w);
        i > 0 && w <= young[i - 1].1
    };
    let reaches_young = |(p, words): (u64, usize)| {
        // SAFETY: each range is live, word-aligned memory: package variables or arena
        // chunks that stay allocated while we scan.
        let ws = unsafe { std::slice::from_raw_parts(p as usize as *const u64, words) };
        ws.iter().any(|&w| is_young(w))
    };
    if roots.iter().chain(old.iter()).any(|&r| reaches_young(r)) {
        return false;
    }
    DEFER_FREE.with(|f| {
        for (_, list) in f.borrow_mut().iter_mut() {
            list.retain(|&r| !is_young(r));
        }
    });
    // SAFETY: nothing outside the freed memory points into it (checked above), and the
    // caller guarantees no live frame does.
    unsafe { release_to(m) };
    true
}
