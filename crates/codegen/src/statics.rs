//! Objects at fixed addresses that JIT code embeds as constants: package variables,
//! string constants, the static closure object of each function (`funcref`), the
//! module's type descriptors, and the layout descriptors of its allocation sites
//! (`runtime::ptrbits`), and the free-list heads of its defer records (one per record
//! layout). A `Program` owns them, so they live as long as its code.

use crate::runtime::desc::{build_module_descs, TypeDesc};
use ir::{EntityRef, FuncId, GlobalId, GoTypeId, Module};
use std::collections::HashMap;

pub struct Statics {
    /// Package variables, zeroed before each run. JIT code writes them, so they are
    /// held by raw pointer, not by a `Box` that would claim unique access.
    globals: RawWords,
    pub global_offsets: Vec<u32>,
    /// One static closure object `{code}` per function, filled after finalisation.
    pub funcrefs: Box<[u64]>,
    /// Never grows after construction (addresses are embedded in JIT code).
    pub types: Vec<TypeDesc>,
    strings: Vec<Box<[u8]>>,
    string_index: HashMap<Vec<u8>, usize>,
    /// Read-only interface boxes (`{ptr, len}` headers) of string constants, one per
    /// content (`box_static`).
    string_boxes: HashMap<Vec<u8>, Box<[u64; 2]>>,
    /// Layout descriptors `[stride in words, mask words...]`, one per mask.
    layouts: HashMap<ir::gclayout::PtrMask, Box<[u64]>>,
    /// Free-list heads of chain defer records (`runtime::alloc`), one word each: one
    /// per record layout descriptor, and one per site for records without one. JIT
    /// code pushes and pops them, so they are held by raw pointer.
    defer_pools: Vec<RawWords>,
    defer_pool_index: HashMap<u64, usize>,
}

impl Statics {
    pub fn new(module: &Module) -> Statics {
        let mut offsets = Vec::new();
        let mut size = 0u32;
        for g in module.globals.values() {
            let (s, a) = ir::types::layout(module, g.ty);
            size = size.div_ceil(a) * a;
            offsets.push(size);
            size += s;
        }
        Statics {
            globals: RawWords::new((size as usize).div_ceil(8).max(1)),
            global_offsets: offsets,
            funcrefs: vec![0u64; module.funcs.len().max(1)].into_boxed_slice(),
            types: build_module_descs(module),
            strings: Vec::new(),
            string_index: HashMap::new(),
            string_boxes: HashMap::new(),
            layouts: HashMap::new(),
            defer_pools: Vec::new(),
            defer_pool_index: HashMap::new(),
        }
    }

    pub fn global_addr(&self, g: GlobalId) -> u64 {
        self.globals.ptr as u64 + u64::from(self.global_offsets[g.index()])
    }

    pub fn funcref_addr(&self, f: FuncId) -> u64 {
        self.funcrefs.as_ptr() as u64 + 8 * f.index() as u64
    }

    pub fn type_addr(&self, t: GoTypeId) -> u64 {
        &self.types[t.index()] as *const TypeDesc as u64
    }

    /// The address of the read-only interface box of a string constant: the same for
    /// every equal constant.
    pub fn string_box_addr(&mut self, bytes: &[u8]) -> u64 {
        if let Some(b) = self.string_boxes.get(bytes) {
            return b.as_ptr() as u64;
        }
        let p = self.string_addr(bytes);
        let b = Box::new([p, bytes.len() as u64]);
        let a = b.as_ptr() as u64;
        self.string_boxes.insert(bytes.to_vec(), b);
        a
    }

    /// The address of the layout descriptor of a value with pointer mask `mask`
    /// (`runtime::ptrbits::from_desc`), the same for equal masks.
    pub fn layout_addr(&mut self, mask: &ir::gclayout::PtrMask) -> u64 {
        if let Some(d) = self.layouts.get(mask) {
            return d.as_ptr() as u64;
        }
        let mut d = vec![u64::from(mask.words)];
        d.extend_from_slice(&mask.bits);
        let d = d.into_boxed_slice();
        let a = d.as_ptr() as u64;
        self.layouts.insert(mask.clone(), d);
        a
    }

    /// The address of the free-list head of defer records whose heap object has the
    /// layout descriptor at `desc`, the same for equal descriptors; for `desc` 0 (no
    /// layout) a fresh head, so one list never mixes records of different sizes.
    pub fn defer_pool_addr(&mut self, desc: u64) -> u64 {
        let i = match self.defer_pool_index.get(&desc) {
            Some(&i) if desc != 0 => i,
            _ => {
                self.defer_pools.push(RawWords::new(1));
                let i = self.defer_pools.len() - 1;
                if desc != 0 {
                    self.defer_pool_index.insert(desc, i);
                }
                i
            }
        };
        self.defer_pools[i].ptr as u64
    }

    /// The addresses of the defer record free-list heads (`runtime::alloc`).
    pub fn defer_pool_words(&self) -> Vec<u64> {
        self.defer_pools.iter().map(|w| w.ptr as u64).collect()
    }

    /// The address of a string constant's bytes (deduplicated).
    pub fn string_addr(&mut self, bytes: &[u8]) -> u64 {
        let i = match self.string_index.get(bytes) {
            Some(&i) => i,
            None => {
                self.strings.push(bytes.to_vec().into_boxed_slice());
                self.string_index
                    .insert(bytes.to_vec(), self.strings.len() - 1);
                self.strings.len() - 1
            }
        };
        self.strings[i].as_ptr() as u64
    }

    /// The package variables' memory: its address and length in words.
    pub fn globals_words(&self) -> (u64, usize) {
        (self.globals.ptr as u64, self.globals.len)
    }

    /// Zeroes the package variables (before a run).
    pub fn reset_globals(&self) {
        // SAFETY: the buffer is ours and no guest code runs while it is reset.
        unsafe { std::ptr::write_bytes(self.globals.ptr, 0, self.globals.len) };
    }
}

/// Zeroed words owned through a raw pointer.
struct RawWords {
    ptr: *mut u64,
    len: usize,
}

impl RawWords {
    fn new(len: usize) -> RawWords {
        let b: Box<[u64]> = vec![0u64; len].into_boxed_slice();
        RawWords {
            ptr: Box::into_raw(b) as *mut u64,
            len,
        }
    }
}

impl Drop for RawWords {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `Box::into_raw` of a boxed slice of `len` words.
        unsafe {
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                self.ptr, self.len,
            )))
        };
    }
}

// The words are only touched by the guest thread while the program runs.
unsafe impl Send for RawWords {}
unsafe impl Sync for RawWords {}
