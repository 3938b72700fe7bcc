//! IR types: the machine-level shape of a value, not its Go type.
//!
//! Integers carry only their width; signedness lives in the opcodes (`sdiv`/`udiv`,
//! `icmp slt`/`icmp ult`, `sext`/`uext`), as in Cranelift. Aggregates (`str`, `slice`,
//! `iface`, structs) are SSA values too; codegen splits them into machine words.
//!
//! Memory layout (used by `load`, `store`, `field_addr`, `index_addr` and the runtime):
//! `bool`/`i8` 1 byte, `i16` 2, `i32`/`f32` 4, `f64` 8, `i64`/`ptr`/`func` 8, `str` 16 (data pointer, length),
//! `slice` 24 (data pointer, length, capacity), `iface` 16 (type descriptor pointer,
//! data word), structs in C layout (each field at its natural alignment).

use crate::entities::{GoTypeId, StructId};
use crate::module::Module;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    Bool,
    I8,
    I32,
    I64,
    /// A data pointer (never a function pointer).
    Ptr,
    /// A string: data pointer and length.
    Str,
    /// A slice: data pointer, length and capacity.
    Slice,
    /// An interface (`any`, `error`): type descriptor pointer and data word. A nil
    /// interface has a null type descriptor.
    Iface,
    /// A function value: a pointer to a closure object whose first word is the code
    /// address (see `Opcode::Closure`). Nil is null.
    Func,
    Struct(StructId),
    /// A 16-bit integer (`int16`, `uint16`).
    I16,
    /// IEEE 754 binary32 (`float32`) and binary64 (`float64`).
    F32,
    F64,
}

impl Type {
    pub fn is_int(self) -> bool {
        matches!(self, Type::I8 | Type::I16 | Type::I32 | Type::I64)
    }
    pub fn is_float(self) -> bool {
        matches!(self, Type::F32 | Type::F64)
    }
    /// Width in bits of an integer or bool type.
    pub fn bits(self) -> u32 {
        match self {
            Type::Bool | Type::I8 => 8,
            Type::I16 => 16,
            Type::I32 => 32,
            _ => 64,
        }
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => write!(f, "bool"),
            Type::I8 => write!(f, "i8"),
            Type::I16 => write!(f, "i16"),
            Type::F32 => write!(f, "f32"),
            Type::F64 => write!(f, "f64"),
            Type::I32 => write!(f, "i32"),
            Type::I64 => write!(f, "i64"),
            Type::Ptr => write!(f, "ptr"),
            Type::Str => write!(f, "str"),
            Type::Slice => write!(f, "slice"),
            Type::Iface => write!(f, "iface"),
            Type::Func => write!(f, "func"),
            Type::Struct(s) => write!(f, "{s}"),
        }
    }
}

/// A struct layout: the IR types of its fields in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructData {
    /// The Go name, for dumps only (`main.T`, or the type's spelling).
    pub name: String,
    pub fields: Vec<Type>,
}

/// Size and alignment in bytes of a type in memory.
pub fn layout(module: &Module, ty: Type) -> (u32, u32) {
    match ty {
        Type::Bool | Type::I8 => (1, 1),
        Type::I16 => (2, 2),
        Type::F32 => (4, 4),
        Type::F64 => (8, 8),
        Type::I32 => (4, 4),
        Type::I64 | Type::Ptr | Type::Func => (8, 8),
        Type::Str | Type::Iface => (16, 8),
        Type::Slice => (24, 8),
        Type::Struct(s) => {
            let mut size = 0u32;
            let mut align = 1u32;
            for &f in &module.structs[s].fields {
                let (fs, fa) = layout(module, f);
                size = size.div_ceil(fa) * fa + fs;
                align = align.max(fa);
            }
            (size.div_ceil(align) * align, align)
        }
    }
}

/// Byte offset of field `index` of struct `s`.
pub fn field_offset(module: &Module, s: StructId, index: usize) -> u32 {
    let mut off = 0u32;
    for (i, &f) in module.structs[s].fields.iter().enumerate() {
        let (fs, fa) = layout(module, f);
        off = off.div_ceil(fa) * fa;
        if i == index {
            return off;
        }
        off += fs;
    }
    off
}

/// A Go type as the runtime sees it: for interface values (`%T`, `%v`, type
/// assertions and switches, `==` on interfaces) and for printing. Each descriptor is
/// emitted once per module; the dynamic type of an interface value is the address of
/// its descriptor, so type identity is pointer identity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoTypeDesc {
    /// Go's `%T` spelling: `int`, `[]uint8`, `*main.T`, `main.Celsius`, `func(int) int`.
    pub name: String,
    pub kind: GoKind,
    /// For a type with an `Error() string` method (so it implements `error`): that method,
    /// taking the receiver as its value (see `GoKind` for the boxed representation).
    pub error_method: Option<crate::entities::FuncId>,
    /// For a type with a `String() string` method (a `fmt.Stringer`): that method, in
    /// the same form as `error_method`. `fmt` calls it where Go would (after `Error`).
    pub string_method: Option<crate::entities::FuncId>,
    /// The method set, for type assertions to declared interfaces: each method as
    /// `Name func(params) results`, sorted. For a `GoKind::Interface`, the methods it
    /// requires.
    pub methods: Vec<String>,
}

/// The shape of a Go type for the runtime. How a value of the type is stored in an
/// interface's data word: integers, bools, pointers and funcs are stored directly (the
/// word holds the value, zero-extended for unsigned and sign-extended for signed
/// integers); strings, slices and structs are boxed (the word points to a heap copy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoKind {
    Int {
        bits: u8,
        signed: bool,
    },
    Bool,
    String,
    Slice(GoTypeId),
    /// `float32` (`bits` 32: the data word holds its bit pattern in the low half) or
    /// `float64` (the word is its bit pattern).
    Float {
        bits: u8,
    },
    Pointer(GoTypeId),
    /// `map[K]V`: a pointer to the runtime's map header (stored directly in an
    /// interface's data word); the key and value types.
    Map(GoTypeId, GoTypeId),
    Struct(Vec<(String, GoTypeId)>),
    /// `[N]T`: boxed; laid out as N consecutive elements (the IR type is a struct of N
    /// fields of the element's type, which has the same layout).
    Array(GoTypeId, u64),
    Func,
    /// `interface {}`: only as an element or field type (never a dynamic type).
    EmptyInterface,
    /// `error`: only as an element or field type, or as the target of an assertion.
    Error,
    /// A declared interface (its methods are the descriptor's `methods`): as an element
    /// or field type, or the target of an assertion.
    Interface,
    /// A runtime-provided error value (`*errors.errorString`, `*fmt.wrapError`,
    /// `runtime.Error`): boxed; the box holds a `str` with the message.
    RuntimeError,
}
