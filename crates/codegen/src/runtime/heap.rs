//! The guest heap: pages, spans and size classes, after Go's `mheap`/`mspan`/`mcentral`,
//! reduced to what a single-threaded, stop-the-world, non-moving collector needs.
//!
//! * One contiguous reservation of address space per guest thread (`mmap` with
//!   `MAP_NORESERVE`, 64 GiB or less if the system refuses), cut into 8 KiB pages.
//!   Whether a word points into the heap is then one range check, and the span that
//!   holds an address is one lookup in `page_span` (Go's `spanOf`).
//! * Small objects (up to 32 KiB) live in spans of one size class (Go's classes, so
//!   `-benchmem` and `cap` see the sizes Go's malloc uses), each span holding one class
//!   and a pointer-free ("noscan") flag, with an allocation bit and a mark bit per
//!   object. A span that may hold pointers has a pointer bitmap, one bit per word,
//!   written from each object's layout when it is handed out (`ptrbits`); the mark
//!   phase scans only the words it names. A span of small objects that all have the
//!   same bits (the common case: one type per size class) keeps that one pattern
//!   (`uniform`) and has no bitmap until an object with other bits arrives, which
//!   spares every allocation and every scan a cache line. Allocation takes the next free slot of the class's current span.
//!   Larger objects get a span of their own.
//! * Memory is zeroed when handed out: pages fresh from the system are zero; a span
//!   built on reused pages, or one with freed slots, zeroes each object it hands out
//!   (Go's `needzero`).
//! * `sweep` turns the mark bits into the allocation bits, poisons freed objects in the
//!   debug mode (so a wrong free fails loudly), and returns empty spans' pages to a
//!   free list of page runs. Free pages beyond what the next cycle will reuse are
//!   handed back to the system with `MADV_DONTNEED` (a crude scavenger), so resident
//!   memory follows the live heap.

use super::ptrbits::{self, Layout};
use std::collections::BTreeMap;

pub const PAGE: usize = 8192;
const PAGE_SHIFT: u32 = 13;
/// Objects above this size get their own span.
pub const MAX_SMALL: usize = 32768;
/// The byte pattern freed memory is filled with in the poisoning debug mode.
pub const POISON: u8 = 0xa5;

/// Go's size classes (`internal/runtime/gc.SizeClassToSize`), class 0 unused.
const CLASSES: [u32; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// The size class of a small size, by `(size + 7) / 8` (Go's `size_to_class8`, over
/// the whole small range).
static CLASS_OF: [u8; MAX_SMALL / 8 + 1] = {
    let mut t = [0u8; MAX_SMALL / 8 + 1];
    let mut i = 1;
    let mut c = 1;
    while i <= MAX_SMALL / 8 {
        while (CLASSES[c] as usize) < i * 8 {
            c += 1;
        }
        t[i] = c as u8;
        i += 1;
    }
    t
};

/// The size of the smallest class that holds `size` (1 to `MAX_SMALL`) bytes.
#[inline]
pub fn class_size(size: usize) -> usize {
    CLASSES[CLASS_OF[size.div_ceil(8)] as usize] as usize
}

/// Go's `divMul`: for a span of objects of `elem` bytes, `(off * div_mul) >> 32` is
/// `off / elem` for every offset in the span (checked for every class by a test), so
/// finding an object's index costs a multiplication instead of a division. 0 for a
/// large object's span (one object: index 0).
fn div_mul(elem: usize) -> u64 {
    if elem > MAX_SMALL {
        0
    } else {
        u64::from(u32::MAX / elem as u32) + 1
    }
}

struct Span {
    start: usize,
    npages: usize,
    /// Object size (for a large object: the span's whole size).
    elem: usize,
    /// `div_mul(elem)`.
    div_mul: u64,
    nelems: usize,
    /// Bytes of a large object that may hold pointers (its requested size).
    scan_len: usize,
    noscan: bool,
    /// One bit per word of the span's memory (empty for a noscan span, and while
    /// `uniform` holds).
    ptrbits: Vec<u64>,
    /// For a span of objects of at most 64 words whose objects all have these bits
    /// (`None` before the first): the bits of each object, and no bitmap.
    uniform: Option<u64>,
    /// `uniform` no longer holds: `ptrbits` is the truth.
    mixed: bool,
    alloc: Vec<u64>,
    mark: Vec<u64>,
    /// No free slot lies below this index.
    free_index: usize,
    nalloc: usize,
    /// Objects handed out must be zeroed first (the span's memory is not all fresh).
    needzero: bool,
}

impl Span {
    /// Writes the pointer bits of object `i` (its memory its first `used` words),
    /// keeping the span uniform while every object has the same bits.
    #[inline(always)]
    fn set_bits(&mut self, i: usize, used: usize, layout: Layout) {
        let slot = self.elem / 8;
        if !self.mixed {
            let pat = ptrbits::small_pattern(layout, slot, used.min(slot));
            match self.uniform {
                Some(u) if u == pat => return,
                None => {
                    self.uniform = Some(pat);
                    return;
                }
                Some(u) => {
                    // Another pattern: every slot gets the old one, then a bitmap.
                    self.ptrbits = vec![0; (self.npages << PAGE_SHIFT).div_ceil(8 * 64)];
                    for j in 0..self.nelems {
                        ptrbits::put(&mut self.ptrbits, j * slot, slot, u);
                    }
                    self.mixed = true;
                }
            }
        }
        ptrbits::write(&mut self.ptrbits, i * slot, slot, used, layout);
    }

    fn bit(bits: &[u64], i: usize) -> bool {
        bits[i / 64] & (1 << (i % 64)) != 0
    }

    /// The next free slot, marked allocated.
    fn take_free(&mut self) -> Option<usize> {
        let mut i = self.free_index;
        while i < self.nelems {
            let w = self.alloc[i / 64] | ((1u64 << (i % 64)) - 1);
            if w == u64::MAX {
                i = (i / 64 + 1) * 64;
                continue;
            }
            let j = (i / 64) * 64 + w.trailing_ones() as usize;
            if j >= self.nelems {
                break;
            }
            self.alloc[j / 64] |= 1 << (j % 64);
            self.free_index = j + 1;
            self.nalloc += 1;
            return Some(j);
        }
        self.free_index = self.nelems;
        None
    }
}

/// A run of free pages: its length and whether it may hold non-zero bytes.
#[derive(Clone, Copy)]
struct Run {
    npages: usize,
    dirty: bool,
}

/// A marked object to scan: its address, and its words as bits of its span's bitmap,
/// or (`uniform`: a small object of a uniform span) its pointer bits themselves, so
/// scanning it needs no second look at the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scan {
    pub span: u32,
    pub uniform: bool,
    pub addr: usize,
    pub first: usize,
    pub words: usize,
    pub bits: u64,
}

/// What the mark phase sees of an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Obj {
    pub span: u32,
    pub index: u32,
}

pub struct Heap {
    base: usize,
    reserved: usize,
    /// Pages below this were handed out at least once.
    next_page: usize,
    free_runs: BTreeMap<usize, Run>,
    /// Span id + 1 of each page below `next_page`, 0 if free.
    page_span: Vec<u32>,
    spans: Vec<Option<Span>>,
    free_ids: Vec<u32>,
    /// Per span class (`class * 2 + noscan`): the span allocation takes slots from
    /// (id + 1, or 0), and the spans with free slots waiting their turn.
    current: Vec<u32>,
    partial: Vec<Vec<u32>>,
    /// Bytes in allocated objects (slot sizes): Go's `heapLive` between collections.
    pub live: usize,
    /// Bytes of pages held in spans.
    pub in_spans: usize,
    /// An allocation that takes `live` past this asks the collector (`gc`) first.
    pub trigger: usize,
    pub poison: bool,
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        self.release();
    }
}

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            base: 0,
            reserved: 0,
            next_page: 0,
            free_runs: BTreeMap::new(),
            page_span: Vec::new(),
            spans: Vec::new(),
            free_ids: Vec::new(),
            current: Vec::new(),
            partial: Vec::new(),
            live: 0,
            in_spans: 0,
            trigger: usize::MAX,
            poison: false,
        }
    }

    /// Unmaps everything (no guest code may run on this heap again).
    pub fn release(&mut self) {
        if self.base != 0 {
            // SAFETY: the reservation came from `mmap` with this length.
            unsafe { libc::munmap(self.base as *mut libc::c_void, self.reserved) };
        }
        self.base = 0;
        self.reserved = 0;
        self.next_page = 0;
        self.free_runs.clear();
        self.page_span = Vec::new();
        self.spans = Vec::new();
        self.free_ids.clear();
        self.current.clear();
        self.partial.clear();
        self.live = 0;
        self.in_spans = 0;
    }

    fn reserve(&mut self) {
        for gib in [64usize, 16, 4, 1] {
            let len = gib << 30;
            // SAFETY: an anonymous private mapping; nothing else uses the range.
            let p = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    len,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                    -1,
                    0,
                )
            };
            if p != libc::MAP_FAILED {
                self.base = p as usize;
                self.reserved = len;
                self.current = vec![0; CLASSES.len() * 2];
                self.partial = vec![Vec::new(); CLASSES.len() * 2];
                return;
            }
        }
        super::guest::fatal("runtime: cannot reserve the heap");
    }

    /// `npages` contiguous pages: their address and whether they may be dirty.
    fn alloc_pages(&mut self, npages: usize) -> (usize, bool) {
        if self.base == 0 {
            self.reserve();
        }
        let found = self
            .free_runs
            .iter()
            .find(|(_, r)| r.npages >= npages)
            .map(|(&p, &r)| (p, r));
        if let Some((p, r)) = found {
            self.free_runs.remove(&p);
            if r.npages > npages {
                let rest = Run {
                    npages: r.npages - npages,
                    dirty: r.dirty,
                };
                self.free_runs.insert(p + npages, rest);
            }
            return (self.base + (p << PAGE_SHIFT), r.dirty);
        }
        let p = self.next_page;
        if (p + npages) << PAGE_SHIFT > self.reserved {
            super::guest::fatal("runtime: out of memory");
        }
        self.next_page += npages;
        self.page_span.resize(self.next_page, 0);
        (self.base + (p << PAGE_SHIFT), false)
    }

    /// Returns pages to the free runs, merging with free neighbours.
    fn free_pages(&mut self, addr: usize, npages: usize, dirty: bool) {
        let mut p = (addr - self.base) >> PAGE_SHIFT;
        let mut run = Run { npages, dirty };
        if let Some((&q, &r)) = self.free_runs.range(..p).next_back() {
            if q + r.npages == p {
                self.free_runs.remove(&q);
                p = q;
                run.npages += r.npages;
                run.dirty |= r.dirty;
            }
        }
        if let Some(r) = self.free_runs.remove(&(p + run.npages)) {
            run.npages += r.npages;
            run.dirty |= r.dirty;
        }
        self.free_runs.insert(p, run);
    }

    /// Hands dirty free pages back to the system until at most `keep` bytes of free
    /// pages stay resident (largest runs first). The returned pages read as zero.
    pub fn scavenge(&mut self, keep: usize) {
        let mut dirty: Vec<(usize, usize)> = self
            .free_runs
            .iter()
            .filter(|(_, r)| r.dirty)
            .map(|(&p, r)| (r.npages, p))
            .collect();
        let mut resident: usize = dirty.iter().map(|&(n, _)| n << PAGE_SHIFT).sum();
        dirty.sort_unstable_by(|a, b| b.cmp(a));
        for (n, p) in dirty {
            if resident <= keep {
                break;
            }
            // SAFETY: free pages of our own mapping; nothing points into them.
            unsafe {
                libc::madvise(
                    (self.base + (p << PAGE_SHIFT)) as *mut libc::c_void,
                    n << PAGE_SHIFT,
                    libc::MADV_DONTNEED,
                )
            };
            if let Some(r) = self.free_runs.get_mut(&p) {
                r.dirty = false;
            }
            resident -= n << PAGE_SHIFT;
        }
    }

    fn new_span(&mut self, npages: usize, elem: usize, noscan: bool) -> u32 {
        let (start, dirty) = self.alloc_pages(npages);
        let nelems = ((npages << PAGE_SHIFT) / elem).max(1);
        let words = nelems.div_ceil(64);
        let span = Span {
            start,
            npages,
            elem,
            div_mul: div_mul(elem),
            nelems,
            scan_len: elem,
            noscan,
            ptrbits: if noscan || elem / 8 <= 64 {
                Vec::new()
            } else {
                vec![0; (npages << PAGE_SHIFT).div_ceil(8 * 64)]
            },
            uniform: None,
            mixed: !noscan && elem / 8 > 64,
            alloc: vec![0; words],
            mark: vec![0; words],
            free_index: 0,
            nalloc: 0,
            needzero: dirty,
        };
        let id = match self.free_ids.pop() {
            Some(id) => {
                self.spans[id as usize] = Some(span);
                id
            }
            None => {
                self.spans.push(Some(span));
                (self.spans.len() - 1) as u32
            }
        };
        let first = (start - self.base) >> PAGE_SHIFT;
        self.page_span[first..first + npages].fill(id + 1);
        self.in_spans += npages << PAGE_SHIFT;
        id
    }

    /// A zeroed object of `size` bytes (non-zero), 8-aligned (page-aligned if large
    /// or if `align` exceeds 8), holding what `layout` says.
    ///
    /// Inlined into the allocation path: a slot of the class's current span is taken
    /// here; anything else (a new span, a large object) is `alloc_slow`. (A `Layout`
    /// passed in memory to an outlined call stalls store forwarding on every
    /// allocation.)
    #[inline(always)]
    pub fn alloc(&mut self, size: usize, align: usize, layout: Layout) -> usize {
        if size <= MAX_SMALL && align <= 8 && self.base != 0 {
            let noscan = layout.noscan();
            let class = CLASS_OF[size.div_ceil(8)] as usize;
            let sc = class * 2 + usize::from(noscan);
            let cur = self.current[sc];
            if cur != 0 {
                let s = self.spans[cur as usize - 1].as_mut().expect("live span");
                if let Some(i) = s.take_free() {
                    let elem = s.elem;
                    let p = s.start + i * elem;
                    if !noscan {
                        s.set_bits(i, size.div_ceil(8), layout);
                    }
                    if s.needzero {
                        // SAFETY: a free slot of our span: no live object uses it.
                        unsafe { std::ptr::write_bytes(p as *mut u8, 0, elem) };
                    }
                    self.live += elem;
                    return p;
                }
            }
        }
        self.alloc_slow(size, align, layout)
    }

    #[inline(never)]
    fn alloc_slow(&mut self, size: usize, align: usize, layout: Layout) -> usize {
        if self.base == 0 {
            self.reserve();
        }
        let noscan = layout.noscan();
        let used = size.div_ceil(8);
        if size > MAX_SMALL || align > 8 {
            let npages = size.div_ceil(PAGE);
            let id = self.new_span(npages, npages << PAGE_SHIFT, noscan);
            let s = self.spans[id as usize].as_mut().expect("fresh span");
            s.scan_len = used * 8;
            if !noscan {
                ptrbits::write(&mut s.ptrbits, 0, used, used, layout);
            }
            s.take_free();
            if s.needzero {
                // SAFETY: the span's pages are ours and hold no live object.
                unsafe { std::ptr::write_bytes(s.start as *mut u8, 0, size) };
            }
            self.live += npages << PAGE_SHIFT;
            return s.start;
        }
        let class = CLASS_OF[size.div_ceil(8)] as usize;
        let sc = class * 2 + usize::from(noscan);
        let elem = CLASSES[class] as usize;
        loop {
            let cur = self.current[sc];
            if cur != 0 {
                let s = self.spans[cur as usize - 1].as_mut().expect("live span");
                if let Some(i) = s.take_free() {
                    let p = s.start + i * elem;
                    if !noscan {
                        s.set_bits(i, used, layout);
                    }
                    if s.needzero {
                        // SAFETY: a free slot of our span: no live object uses it.
                        unsafe { std::ptr::write_bytes(p as *mut u8, 0, elem) };
                    }
                    self.live += elem;
                    return p;
                }
            }
            let next = match self.partial[sc].pop() {
                Some(id) => id,
                None => {
                    let npages = (8 * elem).div_ceil(PAGE);
                    self.new_span(npages, elem, noscan)
                }
            };
            self.current[sc] = next + 1;
        }
    }

    /// The allocated object that `addr` points into (interior pointers included).
    #[inline]
    pub fn find(&self, addr: u64) -> Option<Obj> {
        let off = (addr as usize).wrapping_sub(self.base);
        if off >= self.next_page << PAGE_SHIFT {
            return None;
        }
        let id = self.page_span[off >> PAGE_SHIFT];
        if id == 0 {
            return None;
        }
        let s = self.spans[id as usize - 1].as_ref()?;
        let i = (((addr as usize - s.start) as u64 * s.div_mul) >> 32) as usize;
        if i >= s.nelems || !Span::bit(&s.alloc, i) {
            return None;
        }
        Some(Obj {
            span: id - 1,
            index: i as u32,
        })
    }

    /// Sets the object's mark bit. Returns what to scan if it was unmarked and may
    /// hold pointers.
    #[inline]
    pub fn mark(&mut self, o: Obj) -> Option<Scan> {
        let s = self.spans[o.span as usize].as_mut()?;
        let i = o.index as usize;
        let m = &mut s.mark[i / 64];
        if *m & (1 << (i % 64)) != 0 {
            return None;
        }
        *m |= 1 << (i % 64);
        if s.noscan {
            return None;
        }
        Some(Scan {
            span: o.span,
            uniform: !s.mixed,
            addr: s.start + i * s.elem,
            first: i * s.elem / 8,
            words: s.scan_len / 8,
            bits: if s.mixed { 0 } else { s.uniform.unwrap_or(0) },
        })
    }

    /// The pointer bits of words `[off, off + n)` of the object whose first word is
    /// word `first` of the span, as the low bits of a word (`n` <= 64, and the bits
    /// within one bitmap word: `ptrbits::chunk`).
    #[inline(always)]
    pub fn ptr_chunk(&self, span: u32, first: usize, off: usize, n: usize) -> u64 {
        match &self.spans[span as usize] {
            Some(s) if s.mixed => ptrbits::chunk(&s.ptrbits, first + off, n),
            // Objects of at most 64 words.
            Some(Span {
                uniform: Some(u), ..
            }) if off < 64 => (*u >> off) & ptrbits::ones(n),
            _ => 0,
        }
    }

    /// Frees every allocated object without a mark, clears the marks, and rebuilds the
    /// allocation lists. Returns the live bytes (slot sizes).
    pub fn sweep(&mut self) -> usize {
        let mut live = 0;
        self.in_spans = 0;
        for c in &mut self.current {
            *c = 0;
        }
        for p in &mut self.partial {
            p.clear();
        }
        let mut empty = Vec::new();
        for (id, slot) in self.spans.iter_mut().enumerate() {
            let Some(s) = slot.as_mut() else { continue };
            let mut n = 0;
            let mut freed_any = false;
            for w in 0..s.alloc.len() {
                let freed = s.alloc[w] & !s.mark[w];
                if freed != 0 {
                    freed_any = true;
                    if self.poison {
                        let mut bits = freed;
                        while bits != 0 {
                            let i = w * 64 + bits.trailing_zeros() as usize;
                            bits &= bits - 1;
                            // SAFETY: a freed slot of our span.
                            unsafe {
                                std::ptr::write_bytes(
                                    (s.start + i * s.elem) as *mut u8,
                                    POISON,
                                    s.elem,
                                )
                            };
                        }
                    }
                }
                s.alloc[w] = s.mark[w];
                s.mark[w] = 0;
                n += s.alloc[w].count_ones() as usize;
            }
            s.nalloc = n;
            s.free_index = 0;
            if freed_any {
                s.needzero = true;
            }
            if n == 0 {
                empty.push(id);
                continue;
            }
            live += n * s.elem;
            self.in_spans += s.npages << PAGE_SHIFT;
            if n < s.nelems && s.elem <= MAX_SMALL {
                let class = CLASS_OF[s.elem / 8] as usize;
                self.partial[class * 2 + usize::from(s.noscan)].push(id as u32);
            }
        }
        for id in empty {
            let s = self.spans[id].take().expect("swept span");
            let first = (s.start - self.base) >> PAGE_SHIFT;
            self.page_span[first..first + s.npages].fill(0);
            self.free_ids.push(id as u32);
            // Its objects were used: the pages are dirty.
            self.free_pages(s.start, s.npages, true);
        }
        // Allocate from the fullest spans last (`pop` takes from the end): the
        // emptiest first, so nearly full ones may fill up or die off.
        for p in &mut self.partial {
            p.sort_unstable_by_key(|&id| {
                std::cmp::Reverse(self.spans[id as usize].as_ref().map_or(0, |s| s.nalloc))
            });
        }
        self.live = live;
        live
    }

    /// Bytes of the heap's pages the program touched (spans and free pages).
    pub fn mapped(&self) -> usize {
        self.next_page << PAGE_SHIFT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark_addr(h: &mut Heap, p: usize) {
        let o = h.find(p as u64).expect("allocated");
        h.mark(o);
    }

    #[test]
    fn interior_pointers_find_their_object_and_sweep_frees_the_unmarked() {
        let mut h = Heap::new();
        h.poison = true;
        let a = h.alloc(40, 8, Layout::Conservative);
        let b = h.alloc(40, 8, Layout::Conservative);
        let big = h.alloc(100_000, 8, Layout::NoScan);
        assert_eq!(a % 8, 0);
        assert_ne!(a, b);
        // Every address inside an object finds it; the tail of its size-class slot
        // (48 bytes for 40) still belongs to it.
        assert_eq!(h.find(a as u64 + 47), h.find(a as u64));
        assert_ne!(h.find(a as u64 + 48), h.find(a as u64));
        assert_eq!(h.find(big as u64 + 99_999), h.find(big as u64));
        // SAFETY: `a` and `b` are fresh 40-byte objects.
        unsafe {
            *(a as *mut u64) = 7;
            *(b as *mut u64) = 9;
        }
        mark_addr(&mut h, a + 16);
        let live = h.sweep();
        assert_eq!(live, 48);
        assert!(h.find(b as u64).is_none());
        assert!(h.find(big as u64).is_none());
        // SAFETY: `a` survived; `b` was freed and poisoned (its slot is still mapped).
        unsafe {
            assert_eq!(*(a as *const u64), 7);
            assert_eq!(*(b as *const u8), POISON);
        }
        // The freed slot is handed out again, zeroed.
        let c = h.alloc(40, 8, Layout::Conservative);
        assert_eq!(c, b);
        // SAFETY: `c` is a fresh 40-byte object.
        assert!(unsafe { std::slice::from_raw_parts(c as *const u8, 40) }
            .iter()
            .all(|&x| x == 0));
        // The large object's pages are reused, zeroed, by the next large allocation.
        let big2 = h.alloc(100_000, 8, Layout::NoScan);
        assert_eq!(big2, big);
        // SAFETY: a fresh object of 100000 bytes.
        assert!(
            unsafe { std::slice::from_raw_parts(big2 as *const u8, 100_000) }
                .iter()
                .all(|&x| x == 0)
        );
    }

    #[test]
    fn div_mul_divides_exactly_over_every_span() {
        for &c in &CLASSES[1..] {
            let elem = c as usize;
            let span = (8 * elem).div_ceil(PAGE) * PAGE;
            let m = div_mul(elem);
            for off in 0..span {
                assert_eq!(
                    ((off as u64 * m) >> 32) as usize,
                    off / elem,
                    "class {elem}"
                );
            }
        }
        assert!(CLASS_OF[1..]
            .iter()
            .enumerate()
            .all(|(i, &c)| class_size(i * 8 + 1) == CLASSES[c as usize] as usize));
    }

    #[test]
    fn noscan_objects_are_marked_but_not_scanned() {
        let mut h = Heap::new();
        let s = h.alloc(24, 8, Layout::Conservative);
        let n = h.alloc(24, 8, Layout::NoScan);
        let os = h.find(s as u64).expect("allocated");
        let on = h.find(n as u64).expect("allocated");
        let scan = h.mark(os).expect("scanned");
        assert_eq!((scan.addr, scan.words, scan.bits), (s, 3, 0b111));
        assert_eq!(h.ptr_chunk(scan.span, scan.first, 0, 3), 0b111);
        assert_eq!(h.mark(os), None, "marked once");
        assert_eq!(h.mark(on), None);
        assert_eq!(h.sweep(), 48);
    }

    #[test]
    fn a_span_stays_uniform_until_an_object_has_other_bits() {
        let mut h = Heap::new();
        let mid = [0b010u64];
        let l = Layout::Mask {
            stride: 3,
            bits: &mid,
        };
        let bits = |h: &mut Heap, p: usize| {
            let o = h.find(p as u64).expect("allocated");
            let scan = h.mark(o).expect("scanned");
            h.ptr_chunk(scan.span, scan.first, 0, scan.words)
        };
        let a = h.alloc(24, 8, l);
        let b = h.alloc(24, 8, l);
        assert_eq!((bits(&mut h, a), bits(&mut h, b)), (0b010, 0b010));
        let c = h.alloc(24, 8, Layout::Conservative);
        let d = h.alloc(24, 8, l);
        assert_eq!(bits(&mut h, c), 0b111);
        assert_eq!(bits(&mut h, d), 0b010);
        // The objects before the change keep their bits.
        h.sweep();
        assert_eq!((bits(&mut h, a), bits(&mut h, b)), (0b010, 0b010));
        // A large array of 3-word elements, over several bitmap words.
        let big = h.alloc(3 * 8 * 100, 8, l);
        let o = h.find(big as u64).expect("allocated");
        let scan = h.mark(o).expect("scanned");
        // Its slot (size class 2688) is 336 words; past its 300, no pointers.
        assert_eq!(scan.words, 336);
        assert_eq!(h.ptr_chunk(scan.span, scan.first, 298, 1), 1);
        assert_eq!(h.ptr_chunk(scan.span, scan.first, 301, 1), 0);
        assert_eq!(h.ptr_chunk(scan.span, scan.first, 63, 1), 0);
        assert_eq!(h.ptr_chunk(scan.span, scan.first, 64, 1), 1);
    }
}
