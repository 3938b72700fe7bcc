//! Strings: concatenation, comparison and conversions to and from `[]byte` and runes.

use super::{alloc, guard, new_str, str_bytes, Pair};

pub extern "C" fn rt_str_concat(p1: u64, l1: u64, p2: u64, l2: u64) -> Pair {
    guard(|| {
        if l1 == 0 {
            return Pair(p2, l2);
        }
        if l2 == 0 {
            return Pair(p1, l1);
        }
        let len = l1 + l2;
        let p = alloc::alloc_noscan(len, 1);
        // SAFETY: both operands are valid guest strings; `p` is fresh.
        unsafe {
            std::ptr::copy_nonoverlapping(
                p1 as usize as *const u8,
                p as usize as *mut u8,
                l1 as usize,
            );
            std::ptr::copy_nonoverlapping(
                p2 as usize as *const u8,
                (p + l1) as usize as *mut u8,
                l2 as usize,
            );
        }
        Pair(p, len)
    })
}

pub extern "C" fn rt_str_cmp(p1: u64, l1: u64, p2: u64, l2: u64) -> i64 {
    guard(|| {
        // SAFETY: both operands are valid guest strings.
        let (a, b) = unsafe { (str_bytes(p1, l1), str_bytes(p2, l2)) };
        match a.cmp(b) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }
    })
}

pub extern "C" fn rt_str_from_bytes(p: u64, len: u64, _cap: u64) -> Pair {
    // SAFETY: a `[]byte` holds `len` readable bytes.
    guard(|| new_str(unsafe { str_bytes(p, len) }))
}

/// `[]byte(s)`: writes the slice to `out`. Go rounds the capacity up to the size
/// class (`rawbyteslice`).
pub extern "C" fn rt_bytes_from_str(out: u64, p: u64, len: u64) {
    guard(|| {
        let (ptr, cap) = if len == 0 {
            (alloc::alloc_noscan(0, 1), 0)
        } else {
            let cap = super::slices::roundupsize(len, true);
            let q = alloc::alloc_noscan(cap, 1);
            // SAFETY: the string holds `len` bytes; `q` is fresh with `cap >= len`.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    p as usize as *const u8,
                    q as usize as *mut u8,
                    len as usize,
                )
            };
            (q, cap)
        };
        // SAFETY: `out` points to three words in the caller's frame.
        unsafe {
            let out = out as usize as *mut u64;
            *out = ptr;
            *out.add(1) = len;
            *out.add(2) = cap;
        }
    })
}

/// `string(r)`: the UTF-8 encoding of `r`, or U+FFFD for an invalid code point.
pub extern "C" fn rt_str_from_rune(r: i64) -> Pair {
    guard(|| {
        let c = u32::try_from(r)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        new_str(c.encode_utf8(&mut buf).as_bytes())
    })
}
