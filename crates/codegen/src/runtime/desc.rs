//! Go type descriptors as the runtime reads them.
//!
//! Each `ir::GoTypeDesc` of a module becomes one `TypeDesc` at a stable address (owned
//! by the `Program`); the first word of a non-nil interface value is that address, so
//! type identity is pointer identity. Descriptors point at each other (slice elements,
//! struct fields) and carry the memory layout the runtime needs to read values for
//! `fmt`, `==` and boxing. The runtime owns a few more descriptors for the error values
//! it creates itself (`*errors.errorString`, `runtime.boundsError`, ...).

use std::sync::OnceLock;

/// A runtime type descriptor.
pub struct TypeDesc {
    /// Go's `%T` spelling.
    pub name: String,
    pub kind: Kind,
    /// Whether the type implements `error` (an `Error()` method or a runtime error).
    pub is_error: bool,
    /// The address of a JIT adapter `(env, tok, data word) -> (ptr, len)` that calls the
    /// type's `Error()` method on a value in interface representation; 0 if none.
    pub error_fn: usize,
    /// Like `error_fn`, for the type's `String()` method (a `fmt.Stringer`); 0 if none.
    pub string_fn: usize,
    /// The method set (`Name func(...) ...`, sorted); for an `Interface`, the methods
    /// it requires (see `ir::GoTypeDesc::methods`).
    pub methods: Vec<String>,
    /// Size and alignment in memory.
    pub size: u32,
    pub align: u32,
}

// Descriptors are immutable once the program is finalised; the raw pointers inside
// point to other descriptors that live as long as the program (or forever).
unsafe impl Send for TypeDesc {}
unsafe impl Sync for TypeDesc {}

pub struct Field {
    pub name: String,
    pub ty: *const TypeDesc,
    pub offset: u32,
}

pub enum Kind {
    Int {
        bits: u8,
        signed: bool,
    },
    Bool,
    /// `float32`/`float64`: in an interface's data word, the bit pattern.
    Float {
        bits: u8,
    },
    String,
    Slice(*const TypeDesc),
    Pointer(*const TypeDesc),
    /// `map[K]V`: key and value descriptors; the value is a pointer to the runtime's
    /// map header (`maps.rs`), stored directly in an interface.
    Map(*const TypeDesc, *const TypeDesc),
    Struct(Vec<Field>),
    /// `[N]T`: N elements of the element type, each `size` bytes.
    Array(*const TypeDesc, u64),
    Func,
    /// An interface-typed element or field (16 bytes in memory); as a dynamic type (an
    /// interface boxed into an interface) the data word points to the inner interface.
    EmptyInterface,
    Error,
    /// A declared interface (its methods in `TypeDesc::methods`), like `Error`.
    Interface,
    /// A runtime error value: the data word points to a `str` with the message.
    RuntimeError,
}

impl TypeDesc {
    /// Whether values of this type are stored directly in an interface's data word.
    pub fn is_direct(&self) -> bool {
        matches!(
            self.kind,
            Kind::Int { .. }
                | Kind::Float { .. }
                | Kind::Bool
                | Kind::Pointer(_)
                | Kind::Map(..)
                | Kind::Func
                | Kind::RuntimeError
        )
    }
}

/// Builds the descriptors of a module. The vector must never grow (reallocate): the
/// descriptors point to each other and JIT code embeds their addresses.
pub fn build_module_descs(module: &ir::Module) -> Vec<TypeDesc> {
    let mut descs: Vec<TypeDesc> = module
        .go_types
        .values()
        .map(|t| TypeDesc {
            name: t.name.clone(),
            kind: Kind::Bool,
            is_error: t.error_method.is_some() || t.kind == ir::GoKind::RuntimeError,
            error_fn: 0,
            string_fn: 0,
            methods: t.methods.clone(),
            size: 0,
            align: 1,
        })
        .collect();
    let addrs: Vec<*const TypeDesc> = descs.iter().map(|d| d as *const TypeDesc).collect();
    let mut layouts = vec![None; descs.len()];
    for (i, t) in module.go_types.values().enumerate() {
        let (size, align) = go_layout(module, i, &mut layouts, 0);
        let kind = match &t.kind {
            ir::GoKind::Int { bits, signed } => Kind::Int {
                bits: *bits,
                signed: *signed,
            },
            ir::GoKind::Bool => Kind::Bool,
            ir::GoKind::Float { bits } => Kind::Float { bits: *bits },
            ir::GoKind::String => Kind::String,
            ir::GoKind::Slice(e) => Kind::Slice(addrs[e.index()]),
            ir::GoKind::Pointer(e) => Kind::Pointer(addrs[e.index()]),
            ir::GoKind::Map(k, v) => Kind::Map(addrs[k.index()], addrs[v.index()]),
            ir::GoKind::Struct(fields) => {
                let mut off = 0u32;
                let mut out = Vec::new();
                for (name, ft) in fields {
                    let (fs, fa) = go_layout(module, ft.index(), &mut layouts, 0);
                    off = off.div_ceil(fa) * fa;
                    out.push(Field {
                        name: name.clone(),
                        ty: addrs[ft.index()],
                        offset: off,
                    });
                    off += fs;
                }
                Kind::Struct(out)
            }
            ir::GoKind::Array(e, n) => Kind::Array(addrs[e.index()], *n),
            ir::GoKind::Func => Kind::Func,
            ir::GoKind::EmptyInterface => Kind::EmptyInterface,
            ir::GoKind::Error => Kind::Error,
            ir::GoKind::Interface => Kind::Interface,
            ir::GoKind::RuntimeError => Kind::RuntimeError,
        };
        let d = &mut descs[i];
        d.kind = kind;
        d.size = size;
        d.align = align;
    }
    descs
}

use ir::EntityRef;

/// Size and alignment of a Go type in memory (the same C layout as `ir::types::layout`
/// of the IR type the lowering uses for it).
fn go_layout(
    module: &ir::Module,
    i: usize,
    memo: &mut Vec<Option<(u32, u32)>>,
    depth: u32,
) -> (u32, u32) {
    if let Some(l) = memo[i] {
        return l;
    }
    let t = &module.go_types[ir::GoTypeId::new(i)];
    let l = match &t.kind {
        ir::GoKind::Int { bits, .. } | ir::GoKind::Float { bits } => {
            let b = (u32::from(*bits) / 8).max(1);
            (b, b)
        }
        ir::GoKind::Bool => (1, 1),
        ir::GoKind::String
        | ir::GoKind::EmptyInterface
        | ir::GoKind::Error
        | ir::GoKind::Interface => (16, 8),
        ir::GoKind::Slice(_) => (24, 8),
        ir::GoKind::Pointer(_)
        | ir::GoKind::Map(..)
        | ir::GoKind::Func
        | ir::GoKind::RuntimeError => (8, 8),
        ir::GoKind::Array(e, n) => {
            if depth > 64 {
                return (8, 8);
            }
            let (es, ea) = go_layout(module, e.index(), memo, depth + 1);
            ((es as u64 * n).min(u32::MAX as u64) as u32, ea)
        }
        ir::GoKind::Struct(fields) => {
            if depth > 64 {
                return (8, 8);
            }
            let mut size = 0u32;
            let mut align = 1u32;
            for (_, ft) in fields {
                let (fs, fa) = go_layout(module, ft.index(), memo, depth + 1);
                size = size.div_ceil(fa) * fa + fs;
                align = align.max(fa);
            }
            (size.div_ceil(align) * align, align)
        }
    };
    memo[i] = Some(l);
    l
}

/// `error`'s method, as method sets spell it.
pub const ERROR_METHOD: &str = "Error func() string";
/// `runtime.Error`'s own method.
pub const RUNTIME_ERROR_METHOD: &str = "RuntimeError func()";

/// The descriptors of the error values the runtime creates.
pub struct RuntimeDescs {
    pub errors_string: TypeDesc,
    pub wrap_error: TypeDesc,
    pub bounds_error: TypeDesc,
    pub error_string: TypeDesc,
    pub type_assertion: TypeDesc,
    pub panic_nil: TypeDesc,
    pub plain_error: TypeDesc,
    /// `internal/runtime/maps`' error for an unhashable key of an empty map.
    pub unhashable: TypeDesc,
}

pub fn runtime_descs() -> &'static RuntimeDescs {
    static DESCS: OnceLock<RuntimeDescs> = OnceLock::new();
    DESCS.get_or_init(|| {
        let methods = |ms: &[&str]| ms.iter().map(|m| m.to_string()).collect();
        let plain = |name: &str, ms: &[&str]| TypeDesc {
            name: name.to_string(),
            kind: Kind::RuntimeError,
            is_error: true,
            error_fn: 0,
            string_fn: 0,
            methods: methods(ms),
            size: 8,
            align: 8,
        };
        // The `runtime` ones implement `runtime.Error`.
        let d = |name: &str| plain(name, &[ERROR_METHOD, RUNTIME_ERROR_METHOD]);
        RuntimeDescs {
            errors_string: plain("*errors.errorString", &[ERROR_METHOD]),
            wrap_error: plain("*fmt.wrapError", &[ERROR_METHOD, "Unwrap func() error"]),
            bounds_error: d("runtime.boundsError"),
            error_string: d("runtime.errorString"),
            type_assertion: d("*runtime.TypeAssertionError"),
            panic_nil: d("*runtime.PanicNilError"),
            plain_error: d("runtime.plainError"),
            unhashable: d("maps.unhashableTypeError"),
        }
    })
}

/// The descriptor at `addr` (non-null).
///
/// # Safety
/// `addr` must be the address of a live `TypeDesc`.
pub unsafe fn desc<'a>(addr: u64) -> &'a TypeDesc {
    &*(addr as usize as *const TypeDesc)
}

/// Whether a value of type `d` may hold a heap pointer.
///
/// # Safety
/// `d`'s descriptor pointers must be live (as every descriptor's are).
pub unsafe fn has_pointers(d: &TypeDesc) -> bool {
    match &d.kind {
        Kind::Int { .. } | Kind::Float { .. } | Kind::Bool => false,
        Kind::Struct(fields) => fields.iter().any(|f| has_pointers(&*f.ty)),
        Kind::Array(e, n) => *n > 0 && has_pointers(&**e),
        _ => true,
    }
}

/// Sets the bits of `bits` (bit `i`: word `i`) where a value of type `d` at byte
/// offset `off` may hold a heap pointer: the runtime's copy of `ir::gclayout`'s masks,
/// for memory it lays out by descriptors (map entries). As there, a string's data
/// word, a slice's array word and both words of an interface; a kind it does not know,
/// or a type nested absurdly deep, gets every word it covers.
///
/// # Safety
/// As `has_pointers`.
pub unsafe fn ptr_words(d: &TypeDesc, off: u64, bits: &mut [u64], depth: u32) {
    let mut set = |w: u64| {
        if let Some(b) = bits.get_mut(w as usize / 64) {
            *b |= 1 << (w % 64);
        }
    };
    let w = off / 8;
    match &d.kind {
        Kind::Int { .. } | Kind::Float { .. } | Kind::Bool => {}
        Kind::String
        | Kind::Slice(_)
        | Kind::Pointer(_)
        | Kind::Map(..)
        | Kind::Func
        | Kind::RuntimeError => set(w),
        Kind::EmptyInterface | Kind::Error | Kind::Interface => {
            set(w);
            set(w + 1);
        }
        Kind::Struct(fields) if depth < 64 => {
            for f in fields {
                ptr_words(&*f.ty, off + u64::from(f.offset), bits, depth + 1);
            }
        }
        Kind::Array(e, n) if depth < 64 => {
            let e = &**e;
            if has_pointers(e) {
                for i in 0..*n {
                    ptr_words(e, off + i * u64::from(e.size), bits, depth + 1);
                }
            }
        }
        _ => {
            for i in 0..u64::from(d.size).div_ceil(8) {
                set(w + i);
            }
        }
    }
}
