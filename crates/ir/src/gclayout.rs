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
/// (bits 0-31) and pointer flag (bit 32): the element's mask in bits 33-63 when the
/// element has pointers and at most `ELEM_MASK_WORDS` words. Zero otherwise, which
/// the runtime reads as "scan each element conservatively" when bit 32 is set.
pub fn elem_mask_bits(mask: &PtrMask) -> i64 {
    if mask.words > ELEM_MASK_WORDS || !mask.has_pointers() {
        return 0;
    }
    (mask.bits[0] << 33) as i64
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
}
