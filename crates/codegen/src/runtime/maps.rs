//! Maps: a hash table in guest memory, keyed by the key's bytes read through the map
//! type's descriptor (strings by contents, interfaces by dynamic type and value,
//! structs field by field), with Go's panics.
//!
//! Layout. A map value is the address of a header (eight words, scanned by the
//! collector): `count` (live entries), `entries` (an array of `cap` entries, filled
//! in insertion order, `used` of them so far), `index` (an open-addressing table of
//! `mask + 1` words, each 0 or an entry number plus one; pointer-free), and the map
//! type's descriptor. An entry is a hash word (0 once deleted, else the hash with
//! its top bit set), then the key and the value at their alignments. The entries
//! array is scanned when the key or value type holds pointers, so the collector sees
//! every key and value the guest stored; the index never is.
//!
//! Deleting clears an entry's hash word, key and value and keeps its index slot, so
//! probing goes on past it; a full entries array is rebuilt (the live entries
//! compacted into a fresh array of twice the live count, at least 8) and never
//! reused, which is what iteration relies on.
//!
//! Iteration (Go's rules: an entry deleted before it is reached is not produced, one
//! added during the loop may or may not be). An iterator remembers the entries array
//! it started on, how many entries it held, and a random start offset (Go randomises
//! the order; programs must not depend on it). While the map still uses that array,
//! a live entry is produced in place; once the map was rebuilt or cleared, the
//! entry's key is looked up in the current table and produced only if still present,
//! with its current value (Go's `mapiternext` does the same after growth).
//!
//! Hashing uses the standard library's SipHash (`DefaultHasher`): no crate needed,
//! and its quality is not in question for a table whose order is randomised anyway.

use super::desc::{desc, has_pointers, ptr_words, runtime_descs, Kind, TypeDesc};
use super::gc::NoGc;
use super::ptrbits::Layout;
use super::{alloc, guard, iface, panic, str_bytes, Pair};
use std::cell::Cell;
use std::hash::{DefaultHasher, Hasher};

const COUNT: u64 = 0;
const ENTRIES: u64 = 8;
const USED: u64 = 16;
const CAP: u64 = 24;
const INDEX: u64 = 32;
const MASK: u64 = 40;
const DESC: u64 = 48;
const HEADER_SIZE: u64 = 64;
/// The header's heap pointers: `entries` and `index` (the descriptor is static).
const HEADER_LAYOUT: Layout = Layout::Mask {
    stride: 8,
    bits: &[1 << (ENTRIES / 8) | 1 << (INDEX / 8)],
};

const LIVE: u64 = 1 << 63;

/// Go's `zeroVal`: what a lookup of an absent key reads.
static ZERO: [u64; 128] = [0; 128];

unsafe fn rd(addr: u64) -> u64 {
    (addr as usize as *const u64).read_unaligned()
}
unsafe fn wr(addr: u64, v: u64) {
    (addr as usize as *mut u64).write_unaligned(v)
}

/// The entry layout of a map type.
struct Shape {
    key: &'static TypeDesc,
    val: &'static TypeDesc,
    koff: u64,
    voff: u64,
    size: u64,
    /// The entries' pointer words (bit `i`: word `i` of an entry); empty when they
    /// hold no pointers.
    mask: Vec<u64>,
}

fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a.max(1)) * a.max(1)
}

unsafe fn shape(map_desc: u64) -> Shape {
    let d = desc(map_desc);
    let Kind::Map(k, v) = d.kind else {
        panic!("map operation on {}", d.name);
    };
    let (key, val): (&'static TypeDesc, &'static TypeDesc) = (&*k, &*v);
    let koff = align_up(8, u64::from(key.align));
    let voff = align_up(koff + u64::from(key.size), u64::from(val.align));
    let size = align_up(voff + u64::from(val.size), 8);
    let mut mask = Vec::new();
    if has_pointers(key) || has_pointers(val) {
        mask = vec![0; (size / 8).div_ceil(64) as usize];
        ptr_words(key, koff, &mut mask, 0);
        ptr_words(val, voff, &mut mask, 0);
    }
    Shape {
        key,
        val,
        koff,
        voff,
        size,
        mask,
    }
}

/// Hashes a value of type `d` at `addr`; `Err` names an unhashable dynamic type.
unsafe fn hash_into(d: &TypeDesc, addr: u64, h: &mut DefaultHasher) -> Result<(), String> {
    match &d.kind {
        Kind::Int { bits, .. } => {
            let n = u64::from((*bits / 8).max(1));
            h.write(str_bytes(addr, n));
        }
        Kind::Bool => h.write_u8(*(addr as usize as *const u8)),
        // Go's f32hash/f64hash: +0 and -0 hash alike (they are equal keys), and every
        // NaN hashes anew (no NaN key is ever found again).
        Kind::Float { bits } => {
            let f = if *bits == 32 {
                f64::from(f32::from_bits(*(addr as usize as *const u32)))
            } else {
                f64::from_bits(rd(addr))
            };
            if f == 0.0 {
                h.write_u64(0);
            } else if f.is_nan() {
                static NANS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                h.write_u64(NANS.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
                h.write_u8(0xff);
            } else {
                h.write_u64(f.to_bits());
            }
        }
        Kind::String => {
            let s = str_bytes(rd(addr), rd(addr + 8));
            h.write_usize(s.len());
            h.write(s);
        }
        Kind::Pointer(_) | Kind::RuntimeError => h.write_u64(rd(addr)),
        Kind::Struct(fields) => {
            for f in fields.iter().filter(|f| f.name != "_") {
                hash_into(&*f.ty, addr + u64::from(f.offset), h)?;
            }
        }
        Kind::Array(e, n) => {
            let size = u64::from((**e).size);
            for i in 0..*n {
                hash_into(&**e, addr + i * size, h)?;
            }
        }
        Kind::EmptyInterface | Kind::Error | Kind::Interface => {
            let t = rd(addr);
            h.write_u64(t);
            if t != 0 {
                let inner = desc(t);
                match inner.kind {
                    // Go's `typehash` checks the dynamic type first: an uncomparable one
                    // is named whole (`[1][]int`), not by the part that makes it so.
                    _ if !super::iface::is_comparable(inner) => return Err(inner.name.clone()),
                    // A float is stored in the data word itself: hashed as a float.
                    Kind::Float { .. } if inner.is_direct() => hash_into(inner, addr + 8, h)?,
                    _ if inner.is_direct() => h.write_u64(rd(addr + 8)),
                    _ => hash_into(inner, rd(addr + 8), h)?,
                }
            }
        }
        Kind::Slice(_) | Kind::Func | Kind::Map(..) => return Err(d.name.clone()),
    }
    Ok(())
}

/// The hash of a key (with the live bit set), or `None` after raising Go's panic for
/// an unhashable one. `empty`: the map is nil or empty, where Go reports
/// `maps.unhashableTypeError` instead of hashing.
unsafe fn hash_key(s: &Shape, keyp: u64, empty: bool) -> Option<u64> {
    let mut h = DefaultHasher::new();
    match hash_into(s.key, keyp, &mut h) {
        Ok(()) => Some(h.finish() | LIVE),
        Err(name) => {
            if empty {
                let text = format!("hash of unhashable type: {name}");
                panic::raise_error(&runtime_descs().unhashable, text.as_bytes());
            } else {
                panic::raise_runtime_error(
                    &runtime_descs().error_string,
                    &format!("hash of unhashable type {name}"),
                );
            }
            None
        }
    }
}

/// The entry holding `keyp` (hash `hash`), if any.
unsafe fn find(m: u64, s: &Shape, keyp: u64, hash: u64) -> Option<u64> {
    let index = rd(m + INDEX);
    if index == 0 {
        return None;
    }
    let (entries, mask) = (rd(m + ENTRIES), rd(m + MASK));
    let mut i = hash & mask;
    loop {
        let slot = rd(index + 8 * i);
        if slot == 0 {
            return None;
        }
        let e = entries + (slot - 1) * s.size;
        if rd(e) == hash && iface::mem_eq(s.key, e + s.koff, keyp) == Ok(true) {
            return Some(e);
        }
        i = (i + 1) & mask;
    }
}

/// Puts entry number `n` (hash `hash`) into the index.
unsafe fn index_insert(index: u64, mask: u64, hash: u64, n: u64) {
    let mut i = hash & mask;
    while rd(index + 8 * i) != 0 {
        i = (i + 1) & mask;
    }
    wr(index + 8 * i, n + 1);
}

/// Moves the live entries into fresh arrays with room for `cap` entries.
unsafe fn rebuild(m: u64, s: &Shape, cap: u64) {
    let _no_gc = NoGc::hold();
    let entries = alloc::alloc_typed(
        cap * s.size,
        Layout::Mask {
            stride: (s.size / 8) as usize,
            bits: &s.mask,
        },
    );
    let slots = 2 * cap;
    let index = alloc::alloc_noscan(slots * 8, 8);
    let (old, used) = (rd(m + ENTRIES), rd(m + USED));
    let mut n = 0;
    for i in 0..used {
        let e = old + i * s.size;
        let hash = rd(e);
        if hash == 0 {
            continue;
        }
        let to = entries + n * s.size;
        std::ptr::copy_nonoverlapping(
            e as usize as *const u8,
            to as usize as *mut u8,
            s.size as usize,
        );
        index_insert(index, slots - 1, hash, n);
        n += 1;
    }
    wr(m + ENTRIES, entries);
    wr(m + USED, n);
    wr(m + CAP, cap);
    wr(m + INDEX, index);
    wr(m + MASK, slots - 1);
}

/// A zeroed value of the map's value type, read-only.
fn zero_val(s: &Shape) -> u64 {
    if u64::from(s.val.size) <= std::mem::size_of_val(&ZERO) as u64 {
        ZERO.as_ptr() as u64
    } else {
        // Read-only zeros: nothing to scan.
        alloc::alloc_noscan(u64::from(s.val.size), 8)
    }
}

pub extern "C" fn rt_map_make(map_desc: u64, hint: i64) -> u64 {
    guard(|| {
        let _no_gc = NoGc::hold();
        let m = alloc::alloc_typed(HEADER_SIZE, HEADER_LAYOUT);
        // SAFETY: `m` is a fresh header; `map_desc` a module descriptor.
        unsafe {
            wr(m + DESC, map_desc);
            // Go sizes the table for the hint; an absurd hint is ignored.
            if (1..=1 << 24).contains(&hint) {
                let s = shape(map_desc);
                rebuild(m, &s, (hint as u64).next_power_of_two().max(8));
            }
        }
        m
    })
}

/// `map_access`'s lookup: the value's address and whether the key is present.
unsafe fn access(m: u64, map_desc: u64, keyp: u64) -> (u64, bool) {
    let s = shape(map_desc);
    let empty = m == 0 || rd(m + COUNT) == 0;
    let Some(hash) = hash_key(&s, keyp, empty) else {
        return (zero_val(&s), false);
    };
    if empty {
        return (zero_val(&s), false);
    }
    match find(m, &s, keyp, hash) {
        Some(e) => (e + s.voff, true),
        None => (zero_val(&s), false),
    }
}

pub extern "C" fn rt_map_access(m: u64, map_desc: u64, keyp: u64) -> u64 {
    // SAFETY: the IR passes a map of the descriptor's type and a key cell of its key type.
    guard(|| unsafe { access(m, map_desc, keyp).0 })
}

pub extern "C" fn rt_map_access2(m: u64, map_desc: u64, keyp: u64) -> Pair {
    guard(|| {
        // SAFETY: as in `rt_map_access`.
        let (p, ok) = unsafe { access(m, map_desc, keyp) };
        Pair(p, u64::from(ok))
    })
}

pub extern "C" fn rt_map_assign(m: u64, map_desc: u64, keyp: u64) -> u64 {
    guard(|| {
        // SAFETY: as in `rt_map_access`.
        unsafe {
            let s = shape(map_desc);
            if m == 0 {
                panic::raise_error(
                    &runtime_descs().plain_error,
                    b"assignment to entry in nil map",
                );
                return zero_val(&s);
            }
            let Some(hash) = hash_key(&s, keyp, false) else {
                return zero_val(&s);
            };
            if let Some(e) = find(m, &s, keyp, hash) {
                // Go's `needkeyupdate`: an equal key is stored anew (`m[-0.0]` after
                // `m[0.0]` leaves the key -0); for other keys the bytes are the same.
                std::ptr::copy(
                    keyp as usize as *const u8,
                    (e + s.koff) as usize as *mut u8,
                    s.key.size as usize,
                );
                return e + s.voff;
            }
            if rd(m + USED) == rd(m + CAP) {
                let live = rd(m + COUNT);
                rebuild(m, &s, (2 * live).next_power_of_two().max(8));
            }
            let n = rd(m + USED);
            let e = rd(m + ENTRIES) + n * s.size;
            wr(e, hash);
            std::ptr::copy_nonoverlapping(
                keyp as usize as *const u8,
                (e + s.koff) as usize as *mut u8,
                s.key.size as usize,
            );
            index_insert(rd(m + INDEX), rd(m + MASK), hash, n);
            wr(m + USED, n + 1);
            wr(m + COUNT, rd(m + COUNT) + 1);
            e + s.voff
        }
    })
}

pub extern "C" fn rt_map_delete(m: u64, map_desc: u64, keyp: u64) {
    guard(|| {
        // SAFETY: as in `rt_map_access`.
        unsafe {
            let s = shape(map_desc);
            let empty = m == 0 || rd(m + COUNT) == 0;
            let Some(hash) = hash_key(&s, keyp, empty) else {
                return;
            };
            if empty {
                return;
            }
            if let Some(e) = find(m, &s, keyp, hash) {
                // The slot stays in the index (probing goes past it); what it held
                // is cleared so the collector does not keep it alive.
                std::ptr::write_bytes(e as usize as *mut u8, 0, s.size as usize);
                wr(m + COUNT, rd(m + COUNT) - 1);
            }
        }
    })
}

pub extern "C" fn rt_map_len(m: u64) -> i64 {
    // SAFETY: a non-nil map is a header.
    guard(|| {
        if m == 0 {
            0
        } else {
            unsafe { rd(m + COUNT) as i64 }
        }
    })
}

pub extern "C" fn rt_map_clear(m: u64) {
    guard(|| {
        if m != 0 {
            // SAFETY: a non-nil map is a header. Fresh arrays come with the next
            // insertion; iterators still on the old ones find nothing.
            unsafe {
                for off in [COUNT, ENTRIES, USED, CAP, INDEX, MASK] {
                    wr(m + off, 0);
                }
            }
        }
    })
}

// An iterator: the map, the entries array it started on, how many entries that
// held, the start offset, and how many it has visited.
const IT_MAP: u64 = 0;
const IT_ENTRIES: u64 = 8;
const IT_N: u64 = 16;
const IT_START: u64 = 24;
const IT_DONE: u64 = 32;
const IT_SIZE: u64 = 40;
/// An iterator's heap pointers: the map and the entries array it started on.
const IT_LAYOUT: Layout = Layout::Mask {
    stride: 5,
    bits: &[1 << (IT_MAP / 8) | 1 << (IT_ENTRIES / 8)],
};

thread_local! {
    static RNG: Cell<u64> = Cell::new(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0x9e37_79b9_7f4a_7c15, |d| d.as_nanos() as u64)
            | 1,
    );
}

/// xorshift64*: Go's `rand()` for the iteration start.
fn rand() -> u64 {
    RNG.with(|r| {
        let mut x = r.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        r.set(x);
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    })
}

pub extern "C" fn rt_map_iter_init(m: u64) -> u64 {
    guard(|| {
        let _no_gc = NoGc::hold();
        let it = alloc::alloc_typed(IT_SIZE, IT_LAYOUT);
        if m != 0 {
            // SAFETY: `it` is fresh; a non-nil map is a header.
            unsafe {
                let n = rd(m + USED);
                wr(it + IT_MAP, m);
                wr(it + IT_ENTRIES, rd(m + ENTRIES));
                wr(it + IT_N, n);
                wr(it + IT_START, if n == 0 { 0 } else { rand() % n });
            }
        }
        it
    })
}

pub extern "C" fn rt_map_iter_next(it: u64) -> Pair {
    guard(|| {
        // SAFETY: `it` comes from `rt_map_iter_init`; its map and arrays are alive
        // (the iterator points to them).
        unsafe {
            let m = rd(it + IT_MAP);
            let (n, start) = (rd(it + IT_N), rd(it + IT_START));
            if m == 0 {
                return Pair(0, 0);
            }
            let s = shape(rd(m + DESC));
            let arr = rd(it + IT_ENTRIES);
            loop {
                let done = rd(it + IT_DONE);
                if done >= n {
                    return Pair(0, 0);
                }
                wr(it + IT_DONE, done + 1);
                let e = arr + ((start + done) % n) * s.size;
                let hash = rd(e);
                if hash == 0 {
                    continue;
                }
                if rd(m + ENTRIES) == arr {
                    return Pair(e + s.koff, e + s.voff);
                }
                if rd(m + COUNT) == 0 {
                    continue;
                }
                if let Some(cur) = find(m, &s, e + s.koff, hash) {
                    return Pair(cur + s.koff, cur + s.voff);
                }
            }
        }
    })
}

/// The addresses of every live entry's key and value, in table order (for `fmt`).
///
/// # Safety
/// `m` must be a non-nil map header.
pub unsafe fn entries(m: u64) -> Vec<(u64, u64)> {
    let s = shape(rd(m + DESC));
    let (arr, used) = (rd(m + ENTRIES), rd(m + USED));
    (0..used)
        .map(|i| arr + i * s.size)
        .filter(|&e| rd(e) != 0)
        .map(|e| (e + s.koff, e + s.voff))
        .collect()
}
