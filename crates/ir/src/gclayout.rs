//! Pointer masks: which words of a value in memory may hold a heap pointer, so the
//! collector scans a heap object by its type's layout (Go's `ptrdata` and pointer
//! bitmap, `runtime/mbitmap.go`) instead of word by word.
//!
//! A mask has one bit per 8-byte word of the type's size: set where the word may hold
//! a pointer the collector must follow. `ptr` and `func` words, a `str`'s data word
//! (which may point to a static string: following it is harmless), a `slice`'s array
//! word and both words of an `iface` (its type descriptor word is never a heap
//! pointer, but scanning it is harmless and keeps the mask simple); structs by their
//! fields' offsets. Integers and bools hold none.
//!
//! **Safe by construction:** a type this module does not know (added after it was
//! written) gets every word of its size set, which is the conservative scan. That is
//! why `mark` tests the known types with `matches!` instead of matching exhaustively:
//! a new `Type` variant compiles and is scanned conservatively until it is described.

use crate::module::Module;
use crate::types::{field_offset, layout, Type};

/// The pointer words of a type's memory: bit `i` of `bits` is word `i`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PtrMask {
    /// The type's size in words (rounded up).
    pub words: u32,
    pub bits: Vec<u64>,
}

impl PtrMask {
    /// Whether any word may hold a pointer.
    pub fn has_pointers(&self) -> bool {
        self.bits.iter().any(|&b| b != 0)
    }

    /// Whether word `i` may hold a pointer.
    pub fn get(&self, i: u32) -> bool {
        self.bits
            .get(i as usize / 64)
            .is_some_and(|b| b & (1 << (i % 64)) != 0)
    }

    fn set(&mut self, i: u32) {
        if let Some(b) = self.bits.get_mut(i as usize / 64) {
            *b |= 1 << (i % 64);
        }
    }
}

/// The pointer mask of a value of IR type `ty` in memory.
pub fn ptr_mask(module: &Module, ty: Type) -> PtrMask {
    let (size, _) = layout(module, ty);
    let words = size.div_ceil(8);
    let mut m = PtrMask {
        words,
        bits: vec![0; (words as usize).div_ceil(64)],
    };
    mark(module, ty, 0, &mut m, 0);
    m
}

/// Sets the pointer words of a `ty` at byte offset `off`.
fn mark(module: &Module, ty: Type, off: u32, m: &mut PtrMask, depth: u32) {
    let w = off / 8;
    if matches!(ty, Type::Bool | Type::I8 | Type::I32 | Type::I64) {
        return;
    }
    if matches!(ty, Type::Ptr | Type::Func | Type::Str | Type::Slice) {
        // The first word is the pointer (a `str`'s data, a `slice`'s array).
        m.set(w);
        return;
    }
    if matches!(ty, Type::Iface) {
        m.set(w);
        m.set(w + 1);
        return;
    }
    if let Type::Struct(s) = ty {
        if depth < 64 {
            for i in 0..module.structs[s].fields.len() {
                let f = module.structs[s].fields[i];
                let fo = field_offset(module, s, i);
                mark(module, f, off + fo, m, depth + 1);
            }
            return;
        }
    }
    // Unknown (or absurdly nested): every word it covers.
    let (size, _) = layout(module, ty);
    for i in 0..size.div_ceil(8) {
        m.set(w + i);
    }
}

/// The largest element, in words, whose mask fits in `make_slice`/`grow_slice`'s
/// element operand (bits 33 to 63).
pub const ELEM_MASK_WORDS: u32 = 31;

/// The bits an element operand of `make_slice`/`grow_slice` carries above its size
/// (bits 0-31) and pointer flag (bit 32), zero when the element has no pointers:
/// * an element of at most `ELEM_MASK_WORDS` words: its mask in bits 33-63;
/// * a larger one: in bits 33-63 the id of its mask in a process-wide table
///   (`large_mask`), a hash of the mask so the operand (which IR text shows) is the
///   same in every run. The runtime tells the two apart by the element's size.
pub fn elem_mask_bits(mask: &PtrMask) -> i64 {
    if !mask.has_pointers() {
        return 0;
    }
    if mask.words <= ELEM_MASK_WORDS {
        return (mask.bits[0] << 33) as i64;
    }
    (u64::from(register_large(mask)) << 33) as i64
}

/// Masks of elements over `ELEM_MASK_WORDS` words by id. Entries are never removed
/// (a program compiled earlier may still allocate with its id); they are leaked so
/// the runtime can hold them without the lock.
static LARGE: std::sync::Mutex<Vec<(u32, &'static PtrMask)>> = std::sync::Mutex::new(Vec::new());

/// The id of a large mask (FNV-1a of its words and bits, 31 bits, non-zero). Two
/// masks with the same id and size share the union of their bits (scanning a word
/// that holds no pointer only keeps garbage longer; a collision is all but
/// impossible anyway).
fn register_large(mask: &PtrMask) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in std::iter::once(u64::from(mask.words)).chain(mask.bits.iter().copied()) {
        for byte in w.to_le_bytes() {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    let id = (h % 0x7fff_ffff) as u32 + 1;
    let mut t = LARGE.lock().unwrap_or_else(|e| e.into_inner());
    match t.iter_mut().find(|(i, _)| *i == id) {
        Some((_, m)) if **m == *mask => {}
        Some((_, m)) if m.words == mask.words => {
            let mut u = (*m).clone();
            for (a, b) in u.bits.iter_mut().zip(&mask.bits) {
                *a |= b;
            }
            *m = Box::leak(Box::new(u));
        }
        // Another size: the runtime sees the size differ and scans conservatively.
        Some(_) => {}
        None => t.push((id, Box::leak(Box::new(mask.clone())))),
    }
    id
}

/// The mask registered under `id` by `elem_mask_bits` (for an element of more than
/// `ELEM_MASK_WORDS` words).
pub fn large_mask(id: u32) -> Option<&'static PtrMask> {
    let t = LARGE.lock().unwrap_or_else(|e| e.into_inner());
    t.iter().find(|(i, _)| *i == id).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::StructData;

    #[test]
    fn masks_follow_the_layout() {
        let mut m = Module::default();
        let inner = m.structs.push(StructData {
            name: "inner".into(),
            fields: vec![Type::I32, Type::Bool, Type::Str],
        });
        let outer = m.structs.push(StructData {
            name: "outer".into(),
            fields: vec![
                Type::I64,
                Type::Struct(inner),
                Type::Iface,
                Type::Slice,
                Type::Ptr,
            ],
        });
        assert_eq!(ptr_mask(&m, Type::I64).bits, vec![0]);
        assert!(!ptr_mask(&m, Type::Bool).has_pointers());
        assert_eq!(ptr_mask(&m, Type::Slice).bits, vec![0b001]);
        assert_eq!(ptr_mask(&m, Type::Iface).bits, vec![0b11]);
        // i64 | i32 bool | str.ptr str.len | iface iface | slice.ptr len cap | ptr
        let o = ptr_mask(&m, Type::Struct(outer));
        assert_eq!(o.words, 10);
        assert_eq!(o.bits, vec![0b10_0111_0100]);
        assert_eq!(elem_mask_bits(&o), 0b10_0111_0100 << 33);
        assert_eq!(elem_mask_bits(&ptr_mask(&m, Type::I64)), 0);
    }

    #[test]
    fn large_element_masks_go_by_a_stable_id() {
        let mut m = Module::default();
        let mut fields = vec![Type::I64; 40];
        fields[37] = Type::Ptr;
        let big = m.structs.push(StructData {
            name: "big".into(),
            fields,
        });
        let mask = ptr_mask(&m, Type::Struct(big));
        let id = (elem_mask_bits(&mask) as u64 >> 33) as u32;
        assert_ne!(id, 0);
        assert_eq!(id, (elem_mask_bits(&mask) as u64 >> 33) as u32);
        assert_eq!(large_mask(id), Some(&mask));
    }
}
