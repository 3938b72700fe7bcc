//! What an allocation holds, as the collector reads it: an object's layout (`Layout`)
//! and the pointer bitmap of a span (one bit per word of the span's memory, set where
//! the word may hold a heap pointer: Go's heap bits, `runtime/mbitmap.go`).
//!
//! The allocation path writes an object's bits when it hands the slot out (every
//! bit of the slot, so a reused slot never keeps stale ones); the mark phase reads
//! them and loads only the words they name.
//!
//! Layouts come from three places:
//! * JIT code passes the address of a static descriptor (`Statics::layout_addr`):
//!   word 0 the element's size in words (the stride), then its mask words (bit `i` set:
//!   word `i` may hold a pointer; `ir::gclayout`). The mask repeats over the object, so
//!   one descriptor serves a single value and an array of them. Defer records too
//!   (the record's struct behind its header word).
//! * `make_slice`/`grow_slice` get the element's mask in the high bits of their element
//!   operand, or for a large element the id of its mask (`ir::gclayout::elem_mask_bits`).
//! * The runtime's own objects spell theirs out (`Mask` over the words they hold, map
//!   entries from the map type's descriptor), or are `NoScan` (bytes, hash indexes).
//!
//! `Conservative` (every word scanned) remains only as the fallback of a descriptor
//! address of 0 or an element operand no frontend makes; `gc::untyped` counts such
//! allocations and `DEFERLAB_GC_PRECISE=1` makes them fatal.

/// What an object holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout<'a> {
    /// No pointers: the object is never scanned.
    NoScan,
    /// Unknown: every word of the object's slot is scanned. Only a fallback
    /// (`from_desc(0)`, an element operand no frontend makes): `gc::untyped`.
    Conservative,
    /// `bits` over `stride` words, repeated over the object.
    Mask { stride: usize, bits: &'a [u64] },
}

impl Layout<'_> {
    /// Whether the object needs no scanning.
    pub fn noscan(&self) -> bool {
        match self {
            Layout::NoScan => true,
            Layout::Conservative => false,
            Layout::Mask { stride, bits } => *stride == 0 || bits.iter().all(|&b| b == 0),
        }
    }
}

/// The layout a static descriptor at `addr` gives (0: none, so conservative).
///
/// # Safety
/// `addr` is 0 or the address of a descriptor (`[stride, mask words...]`) that lives
/// as long as the program.
pub unsafe fn from_desc(addr: u64) -> Layout<'static> {
    if addr == 0 {
        // Fallback: a caller without a layout (JIT code always passes one; a defer
        // record whose struct codegen could not find passes 0).
        return Layout::Conservative;
    }
    let p = addr as usize as *const u64;
    let stride = *p as usize;
    Layout::Mask {
        stride,
        bits: std::slice::from_raw_parts(p.add(1), stride.div_ceil(64)),
    }
}

/// The layout of a slice's elements from `make_slice`'s element operand (size in bits
/// 0-31, bit 32 set when the element holds pointers, then its mask in bits 33-63, or
/// for an element over 31 words the id of its mask: `ir::gclayout::elem_mask_bits`);
/// `mask` is where a decoded small mask lives.
pub fn from_elem_word(elem: u64, mask: &mut [u64; 1]) -> Layout<'_> {
    let size = elem & 0xffff_ffff;
    if elem & (1 << 32) == 0 {
        return Layout::NoScan;
    }
    let bits = elem >> 33;
    let words = size / 8;
    if words > u64::from(ir::gclayout::ELEM_MASK_WORDS) {
        // Bits 33-63 name a registered mask (`ir::gclayout::large_mask`).
        return match ir::gclayout::large_mask(bits as u32) {
            Some(m) if u64::from(m.words) == words && size.is_multiple_of(8) => Layout::Mask {
                stride: words as usize,
                bits: &m.bits,
            },
            // Fallback: an operand no frontend made (or an id shared by masks of two
            // sizes).
            _ => Layout::Conservative,
        };
    }
    if bits == 0 || !size.is_multiple_of(8) {
        // Fallback: a pointer flag without a mask (no frontend makes one).
        return Layout::Conservative;
    }
    mask[0] = bits;
    Layout::Mask {
        stride: (size / 8) as usize,
        bits: &mask[..],
    }
}

/// Sets (or clears) `len` bits of `map` from bit `start`.
fn fill(map: &mut [u64], start: usize, len: usize, on: bool) {
    let mut i = start;
    let end = start + len;
    while i < end {
        let n = (64 - i % 64).min(end - i);
        let m = if n == 64 {
            u64::MAX
        } else {
            ((1u64 << n) - 1) << (i % 64)
        };
        if on {
            map[i / 64] |= m;
        } else {
            map[i / 64] &= !m;
        }
        i += n;
    }
}

/// The low `n` bits set (`n` <= 64).
#[inline]
pub fn ones(n: usize) -> u64 {
    if n >= 64 {
        u64::MAX
    } else {
        (1u64 << n) - 1
    }
}

/// The bits of an object of `used` <= `slot` <= 64 words.
#[inline]
pub fn small_pattern(layout: Layout, slot: usize, used: usize) -> u64 {
    match layout {
        Layout::NoScan => 0,
        Layout::Conservative => ones(slot),
        Layout::Mask { stride, bits } => {
            if stride == 0 || bits.is_empty() {
                return 0;
            }
            let elem = bits[0] & ones(stride);
            let mut pat = 0;
            let mut e = 0;
            while e < used {
                pat |= elem << e;
                e += stride;
            }
            pat & ones(used)
        }
    }
}

/// Writes the bits of an object whose slot is the `slot` words from word `first` of
/// a span's bitmap, and whose own memory is its first `used` words.
#[inline(always)]
pub fn write(map: &mut [u64], first: usize, slot: usize, used: usize, layout: Layout) {
    if slot <= 64 {
        // The common case, a small object: at most two bitmap words change.
        put(
            map,
            first,
            slot,
            small_pattern(layout, slot, used.min(slot)),
        );
        return;
    }
    write_large(map, first, slot, used, layout);
}

/// Sets the `slot` <= 64 bits from bit `first` to `pat`.
#[inline(always)]
pub fn put(map: &mut [u64], first: usize, slot: usize, pat: u64) {
    let (w, off) = (first / 64, first % 64);
    let m = u128::from(ones(slot)) << off;
    let two = off + slot > 64;
    let hi = if two { map[w + 1] } else { 0 };
    let v = ((u128::from(hi) << 64 | u128::from(map[w])) & !m) | (u128::from(pat) << off);
    map[w] = v as u64;
    if two {
        map[w + 1] = (v >> 64) as u64;
    }
}

fn write_large(map: &mut [u64], first: usize, slot: usize, used: usize, layout: Layout) {
    match layout {
        Layout::NoScan => fill(map, first, slot, false),
        Layout::Conservative => fill(map, first, slot, true),
        Layout::Mask { stride, bits } => {
            fill(map, first, slot, false);
            if stride == 0 {
                return;
            }
            let used = used.min(slot);
            if stride == 1 && bits[0] & 1 != 0 {
                fill(map, first, used, true);
                return;
            }
            let mut e = 0;
            while e < used {
                for (k, &w) in bits.iter().enumerate() {
                    let mut w = w;
                    while w != 0 {
                        let b = k * 64 + w.trailing_zeros() as usize;
                        w &= w - 1;
                        if e + b >= used {
                            break;
                        }
                        let i = first + e + b;
                        map[i / 64] |= 1 << (i % 64);
                    }
                }
                e += stride;
            }
        }
    }
}

/// Bits `[i, i + n)` of `map` as the low bits of a word, `n` <= 64 - `i % 64`.
#[inline]
pub fn chunk(map: &[u64], i: usize, n: usize) -> u64 {
    let c = map[i / 64] >> (i % 64);
    if n >= 64 {
        c
    } else {
        c & ((1u64 << n) - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_repeat_over_the_object_and_clear_the_slot() {
        let mut map = vec![u64::MAX; 4];
        // A 3-word element with a pointer in its middle word, 5 elements in a
        // 20-word slot starting at word 60.
        let bits = [0b010];
        let l = Layout::Mask {
            stride: 3,
            bits: &bits,
        };
        write(&mut map, 60, 20, 15, l);
        let set: Vec<usize> = (60..80).filter(|&i| chunk(&map, i, 1) == 1).collect();
        assert_eq!(set, vec![61, 64, 67, 70, 73]);
        // Bits outside the slot are untouched.
        assert_eq!(chunk(&map, 59, 1), 1);
        assert_eq!(chunk(&map, 80, 1), 1);
        write(&mut map, 60, 20, 15, Layout::Conservative);
        assert!((60..80).all(|i| chunk(&map, i, 1) == 1));
        write(&mut map, 60, 20, 15, Layout::NoScan);
        assert!((60..80).all(|i| chunk(&map, i, 1) == 0));
    }

    #[test]
    fn small_objects_match_the_general_path() {
        let masks = [0b0u64, 0b1, 0b10, 0b101, 0b1_0010, u64::MAX];
        for stride in 1..8usize {
            for &m in &masks {
                let bits = [m & ones(stride)];
                for (first, slot, used) in [(0, 6, 6), (60, 6, 5), (62, 2, 2), (10, 64, 64)] {
                    let l = Layout::Mask {
                        stride,
                        bits: &bits,
                    };
                    let mut fast = vec![0xdead_beef_u64; 3];
                    let mut slow = fast.clone();
                    write(&mut fast, first, slot, used, l);
                    write_large(&mut slow, first, slot, used, l);
                    assert_eq!(fast, slow, "stride {stride} mask {m:b} at {first}");
                }
            }
        }
    }

    #[test]
    fn element_words_decode() {
        let mut m = [0];
        assert_eq!(from_elem_word(24, &mut m), Layout::NoScan);
        assert_eq!(from_elem_word(24 | (1 << 32), &mut m), Layout::Conservative);
        let l = from_elem_word(24 | (1 << 32) | (0b101 << 33), &mut m);
        assert_eq!(
            l,
            Layout::Mask {
                stride: 3,
                bits: &[0b101]
            }
        );
    }
}
