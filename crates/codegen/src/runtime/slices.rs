//! Slices: `make`, `append`'s growth (Go 1.27's `growslice`, size classes included, so
//! printed capacities match Go's), and `memmove`.

use super::desc::runtime_descs;
use super::{alloc, guard, panic, ptrbits};

/// Go's `_MaxSmallSize` (its size classes are `heap`'s).
const MAX_SMALL_SIZE: u64 = 32768;
const MALLOC_HEADER_SIZE: u64 = 8;
const MIN_SIZE_FOR_MALLOC_HEADER: u64 = 8 * 64;
const PAGE_SIZE: u64 = 8192;
const MAX_ALLOC: u64 = 1 << 47;

/// Go's `roundupsize`: the size mallocgc really allocates for a request of `size`
/// bytes (`noscan`: the memory holds no pointers, so it has no malloc header).
pub fn roundupsize(size: u64, noscan: bool) -> u64 {
    let mut req = size;
    if req <= MAX_SMALL_SIZE - MALLOC_HEADER_SIZE {
        if !noscan && req > MIN_SIZE_FOR_MALLOC_HEADER {
            req += MALLOC_HEADER_SIZE;
        }
        // The lookup tables of Go map a size to the smallest class that holds it.
        let class = super::heap::class_size(req as usize) as u64;
        return class - (req - size);
    }
    req = req.wrapping_add(PAGE_SIZE - 1);
    if req < size {
        return size;
    }
    req & !(PAGE_SIZE - 1)
}

/// Go's `nextslicecap`.
fn nextslicecap(new_len: i64, old_cap: i64) -> i64 {
    let mut newcap = old_cap;
    let doublecap = newcap.wrapping_add(newcap);
    if new_len > doublecap {
        return new_len;
    }
    const THRESHOLD: i64 = 256;
    if old_cap < THRESHOLD {
        return doublecap;
    }
    loop {
        newcap = newcap.wrapping_add((newcap.wrapping_add(3 * THRESHOLD)) >> 2);
        if newcap as u64 >= new_len as u64 {
            break;
        }
    }
    if newcap <= 0 {
        return new_len;
    }
    newcap
}

/// The element size and whether the elements hold no pointers. The IR passes the
/// size with bit 32 set when the element type holds pointers (the lowering's
/// `elem_word`): Go then adds a malloc header to allocations over 512 bytes, which
/// changes the capacity. Bits 33-63 carry the element's pointer mask for the
/// collector (`ptrbits::from_elem_word`).
fn split_elem(elem: u64) -> (u64, bool) {
    (elem & 0xffff_ffff, elem & (1 << 32) == 0)
}

unsafe fn write_slice(out: u64, p: u64, len: u64, cap: u64) {
    let out = out as usize as *mut u64;
    *out = p;
    *out.add(1) = len;
    *out.add(2) = cap;
}

/// `make([]T, len, cap)`: writes the slice to `out`.
pub extern "C" fn rt_make_slice(out: u64, len: i64, cap: i64, elem: i64) {
    guard(|| {
        let (size, _) = split_elem(elem as u64);
        let bad_len = len < 0 || (size > 0 && (len as u64).saturating_mul(size) > MAX_ALLOC);
        if bad_len {
            panic::raise_static_error(
                &runtime_descs().error_string,
                "runtime error: makeslice: len out of range",
            );
            // SAFETY: `out` points to three words in the caller's frame.
            unsafe { write_slice(out, 0, 0, 0) };
            return;
        }
        if cap < len || (size > 0 && (cap as u64).saturating_mul(size) > MAX_ALLOC) {
            panic::raise_static_error(
                &runtime_descs().error_string,
                "runtime error: makeslice: cap out of range",
            );
            // SAFETY: as above.
            unsafe { write_slice(out, 0, 0, 0) };
            return;
        }
        let p = alloc::alloc_typed(
            cap as u64 * size,
            ptrbits::from_elem_word(elem as u64, &mut [0]),
        );
        // SAFETY: as above.
        unsafe { write_slice(out, p, len as u64, cap as u64) };
    })
}

/// `growslice(s, n, elem)`: `s` with room for `n` more elements and its length
/// increased by `n`. Writes the slice to `out`.
pub extern "C" fn rt_grow_slice(out: u64, ptr: u64, len: i64, cap: i64, n: i64, elem: i64) {
    guard(|| {
        let (size, noscan) = split_elem(elem as u64);
        let new_len = len.wrapping_add(n);
        if new_len < 0 {
            panic::raise_static_error(
                &runtime_descs().error_string,
                "runtime error: growslice: len out of range",
            );
            // SAFETY: `out` points to three words in the caller's frame.
            unsafe { write_slice(out, ptr, len as u64, cap as u64) };
            return;
        }
        if new_len <= cap {
            // SAFETY: as above.
            unsafe { write_slice(out, ptr, new_len as u64, cap as u64) };
            return;
        }
        if size == 0 {
            // SAFETY: as above.
            unsafe {
                write_slice(
                    out,
                    alloc::alloc_noscan(0, 8),
                    new_len as u64,
                    new_len as u64,
                )
            };
            return;
        }
        let mut newcap = nextslicecap(new_len, cap) as u64;
        let capmem;
        let overflow;
        if size == 1 {
            let m = roundupsize(newcap, noscan);
            overflow = newcap > MAX_ALLOC;
            newcap = m;
            capmem = m;
        } else if size.is_power_of_two() {
            let shift = size.trailing_zeros();
            let m = roundupsize(newcap << shift, noscan);
            overflow = newcap > (MAX_ALLOC >> shift);
            newcap = m >> shift;
            capmem = newcap << shift;
        } else {
            let (m, o) = size.overflowing_mul(newcap);
            overflow = o;
            let m = roundupsize(m, noscan);
            newcap = m / size;
            capmem = newcap * size;
        }
        if overflow || capmem > MAX_ALLOC {
            panic::raise_static_error(
                &runtime_descs().error_string,
                "runtime error: growslice: len out of range",
            );
            // SAFETY: as above.
            unsafe { write_slice(out, ptr, len as u64, cap as u64) };
            return;
        }
        let p = alloc::alloc_typed(capmem, ptrbits::from_elem_word(elem as u64, &mut [0]));
        let old = len as u64 * size;
        if old > 0 {
            // SAFETY: the old backing array holds `len` elements; `p` is fresh.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    ptr as usize as *const u8,
                    p as usize as *mut u8,
                    old as usize,
                )
            };
        }
        // SAFETY: as above.
        unsafe { write_slice(out, p, new_len as u64, newcap) };
    })
}

/// gc's stack-buffer append (go1.27 `ssagen` `(*state).append`): at the first append
/// site of a slice whose backing store does not escape, `s` grows into the function's
/// 32-byte buffer (capacity `k`) when it is empty, the new length fits and the buffer
/// has not been used in this call; otherwise this is `growslice`. `state` is the frame
/// cell: the `used` word, then the 32-byte buffer.
#[allow(clippy::too_many_arguments)]
pub extern "C" fn rt_grow_slice_buf(
    out: u64,
    ptr: u64,
    len: i64,
    cap: i64,
    n: i64,
    elem: i64,
    state: u64,
    k: i64,
) {
    let new_len = len.wrapping_add(n);
    if (cap as u64) < (new_len as u64) && new_len <= k && len == 0 {
        let used = state as usize as *mut u64;
        // SAFETY: `state` points to the five-word frame cell described above.
        unsafe {
            if *used == 0 {
                *used = 1;
                let buf = used.add(1);
                std::ptr::write_bytes(buf, 0, 4);
                write_slice(out, buf as usize as u64, new_len as u64, k as u64);
                return;
            }
        }
    }
    rt_grow_slice(out, ptr, len, cap, n, elem)
}

/// gc's `growsliceBuf` (go1.27 `runtime/slice.go`), for the appends of a slice whose
/// capacity is observed and whose store moves to the heap at its one transition
/// (`move2heap`): while the new length fits in the 32-byte store (`k` elements), the
/// elements move to its start and the capacity climbs the size classes; past it, this
/// is `growslice`. `state` is the frame cell: a (here unused) word, then the store.
#[allow(clippy::too_many_arguments)]
pub extern "C" fn rt_grow_slice_buf_cap(
    out: u64,
    ptr: u64,
    len: i64,
    cap: i64,
    n: i64,
    elem: i64,
    state: u64,
    k: i64,
) {
    let new_len = len.wrapping_add(n);
    if (cap as u64) >= (new_len as u64) || new_len > k || len < 0 {
        rt_grow_slice(out, ptr, len, cap, n, elem);
        return;
    }
    guard(|| {
        let (size, noscan) = split_elem(elem as u64);
        let buf = state + 8;
        if ptr != buf && len != 0 {
            // SAFETY: the old backing array holds `len` elements; the store holds `k`
            // >= `new_len` > `len` of them. The ranges may overlap (`s = s[i:]`).
            unsafe {
                std::ptr::copy(
                    ptr as usize as *const u8,
                    buf as usize as *mut u8,
                    (len as u64 * size) as usize,
                )
            };
        }
        let new_cap = roundupsize(new_len as u64 * size, noscan) / size;
        if (new_len as u64) < new_cap {
            // SAFETY: `new_cap` elements fit in the 32-byte store (size classes up to
            // 32 bytes are 8, 16, 24 and 32).
            unsafe {
                std::ptr::write_bytes(
                    (buf + new_len as u64 * size) as usize as *mut u8,
                    0,
                    ((new_cap - new_len as u64) * size) as usize,
                )
            };
        }
        // SAFETY: `out` points to three words in the caller's frame.
        unsafe { write_slice(out, buf, new_len as u64, new_cap) };
    })
}

/// slice.go's `move2heap(s)` (go1.27 `runtime/slice.go` `moveSlice*`): when `s` points
/// into the frame cell `state`'s store, a heap copy: the whole capacity when
/// `keep_cap` != 0, else the length with the capacity rounded to its size class. An
/// empty result is non-nil with capacity 0 (`zerobase`). Otherwise `s` itself.
pub extern "C" fn rt_move_to_heap(
    out: u64,
    ptr: u64,
    len: i64,
    cap: i64,
    elem: i64,
    state: u64,
    keep_cap: i64,
) {
    guard(|| {
        let buf = state + 8;
        if ptr < buf || ptr > buf + 32 {
            // SAFETY: `out` points to three words in the caller's frame.
            unsafe { write_slice(out, ptr, len as u64, cap as u64) };
            return;
        }
        let (size, noscan) = split_elem(elem as u64);
        let (n, new_cap) = if keep_cap != 0 {
            (cap as u64, cap as u64)
        } else {
            let lenmem = len as u64 * size;
            (len as u64, roundupsize(lenmem, noscan) / size)
        };
        if n == 0 {
            // SAFETY: as above.
            unsafe { write_slice(out, alloc::alloc_noscan(0, 8), 0, 0) };
            return;
        }
        let p = alloc::alloc_typed(
            new_cap * size,
            ptrbits::from_elem_word(elem as u64, &mut [0]),
        );
        // SAFETY: the store holds `n` elements from `ptr`; `p` is fresh.
        unsafe {
            std::ptr::copy_nonoverlapping(
                ptr as usize as *const u8,
                p as usize as *mut u8,
                (n * size) as usize,
            )
        };
        // SAFETY: as above.
        unsafe { write_slice(out, p, len as u64, new_cap) };
    })
}

/// `memmove(dst, src, n)`.
pub extern "C" fn rt_memmove(dst: u64, src: u64, n: i64) {
    guard(|| {
        if n > 0 && dst != src {
            // SAFETY: the IR guarantees both ranges are valid for `n` bytes.
            unsafe {
                std::ptr::copy(
                    src as usize as *const u8,
                    dst as usize as *mut u8,
                    n as usize,
                )
            };
        }
    })
}
