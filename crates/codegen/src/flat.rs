//! Flattening IR types into machine words.
//!
//! Every IR value becomes a list of Cranelift values, one per *leaf*: `bool`/`i8` are
//! `I8`, `i16` is `I16`, `i32` is `I32`, `i64`/`ptr`/`func` are `I64`, `str` is (ptr, len), `slice` is
//! (ptr, len, cap), `iface` is (type descriptor, data word), and a struct is its fields'
//! leaves in order. Each leaf also has its byte offset in the memory layout of the type
//! (`ir::types::layout`), so loads and stores walk the same list.

use cranelift_codegen::ir::types::{F32, F64, I16, I32, I64, I8};
use ir::{Module, Type};
use std::collections::HashMap;

/// One machine word of a flattened type: its Cranelift type and its byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leaf {
    pub ty: cranelift_codegen::ir::Type,
    pub offset: u32,
}

/// Memoised leaves of the module's types.
pub struct Flattener<'m> {
    module: &'m Module,
    cache: HashMap<Type, Vec<Leaf>>,
}

impl<'m> Flattener<'m> {
    pub fn new(module: &'m Module) -> Flattener<'m> {
        Flattener {
            module,
            cache: HashMap::new(),
        }
    }

    pub fn leaves(&mut self, ty: Type) -> &[Leaf] {
        if !self.cache.contains_key(&ty) {
            let mut out = Vec::new();
            push_leaves(self.module, ty, 0, &mut out);
            self.cache.insert(ty, out);
        }
        &self.cache[&ty]
    }

    /// The Cranelift types of the leaves.
    pub fn types(&mut self, ty: Type) -> Vec<cranelift_codegen::ir::Type> {
        self.leaves(ty).iter().map(|l| l.ty).collect()
    }

    /// How many words a value of `ty` flattens to.
    pub fn count(&mut self, ty: Type) -> usize {
        self.leaves(ty).len()
    }

    /// The range of leaves of field `index` within a value of struct type `s`.
    pub fn field_range(&mut self, s: ir::StructId, index: usize) -> std::ops::Range<usize> {
        let fields = self.module.structs[s].fields.clone();
        let start: usize = fields[..index].iter().map(|&f| self.count(f)).sum();
        start..start + self.count(fields[index])
    }
}

fn push_leaves(m: &Module, ty: Type, base: u32, out: &mut Vec<Leaf>) {
    let mut word = |ty, offset| out.push(Leaf { ty, offset });
    match ty {
        Type::Bool | Type::I8 => word(I8, base),
        Type::I16 => word(I16, base),
        Type::F32 => word(F32, base),
        Type::F64 => word(F64, base),
        Type::I32 => word(I32, base),
        Type::I64 | Type::Ptr | Type::Func => word(I64, base),
        Type::Str | Type::Iface => {
            word(I64, base);
            word(I64, base + 8);
        }
        Type::Slice => {
            word(I64, base);
            word(I64, base + 8);
            word(I64, base + 16);
        }
        Type::Struct(s) => {
            for (i, &f) in m.structs[s].fields.iter().enumerate() {
                let off = ir::types::field_offset(m, s, i);
                push_leaves(m, f, base + off, out);
            }
        }
    }
}

/// Whether a type is stored directly in an interface's data word (not boxed).
pub fn is_direct(ty: Type) -> bool {
    matches!(
        ty,
        Type::Bool
            | Type::I8
            | Type::I16
            | Type::I32
            | Type::I64
            | Type::F32
            | Type::F64
            | Type::Ptr
            | Type::Func
    )
}
