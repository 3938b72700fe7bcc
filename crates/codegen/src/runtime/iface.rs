//! Interface values: `==`, failed type assertions, error values and `Error()`.
//!
//! An interface is two words: the address of its dynamic type's `TypeDesc` (0 for
//! nil) and a data word, which holds integers, bools, pointers and funcs directly and
//! points to a heap box for strings, slices and structs (see `ir::GoKind`).

use super::desc::{desc, runtime_descs, Kind, TypeDesc};
use super::{guard, new_str, panic, str_bytes, Pair};

/// Go's `==` on two interface values; panics on uncomparable dynamic types.
pub extern "C" fn rt_iface_eq(t1: u64, d1: u64, t2: u64, d2: u64) -> u8 {
    guard(|| {
        if t1 != t2 {
            return 0;
        }
        if t1 == 0 {
            return 1;
        }
        // SAFETY: a non-nil interface's first word is a live descriptor.
        let d = unsafe { desc(t1) };
        // A func is stored directly but is not comparable: Go panics even when the
        // two words are equal.
        if d.is_direct() && !matches!(d.kind, Kind::Func | Kind::Map(..)) {
            return u8::from(direct_eq(d, d1, d2));
        }
        // SAFETY: boxed values point to memory of the descriptor's layout.
        match unsafe { mem_eq(d, d1, d2) } {
            Ok(eq) => u8::from(eq),
            Err(name) => {
                panic::raise_runtime_error(
                    &runtime_descs().error_string,
                    &format!("comparing uncomparable type {name}"),
                );
                0
            }
        }
    })
}

/// Go's `==` on two data words of a directly stored type: bitwise, except that floats
/// compare as floats (NaN is unequal to itself, `-0 == +0`).
fn direct_eq(d: &TypeDesc, w1: u64, w2: u64) -> bool {
    match d.kind {
        Kind::Float { bits: 32 } => f32::from_bits(w1 as u32) == f32::from_bits(w2 as u32),
        Kind::Float { .. } => f64::from_bits(w1) == f64::from_bits(w2),
        _ => w1 == w2,
    }
}

/// Compares two values of type `d` in memory. `Err` names an uncomparable type.
pub(super) unsafe fn mem_eq(d: &TypeDesc, a: u64, b: u64) -> Result<bool, String> {
    let rd = |addr: u64| (addr as usize as *const u64).read_unaligned();
    Ok(match &d.kind {
        Kind::Int { bits, .. } => {
            let n = usize::from(*bits / 8).max(1);
            str_bytes(a, n as u64) == str_bytes(b, n as u64)
        }
        Kind::Bool => *(a as usize as *const u8) == *(b as usize as *const u8),
        Kind::Float { bits: 32 } => {
            (a as usize as *const f32).read_unaligned()
                == (b as usize as *const f32).read_unaligned()
        }
        Kind::Float { .. } => {
            (a as usize as *const f64).read_unaligned()
                == (b as usize as *const f64).read_unaligned()
        }
        Kind::Pointer(_) | Kind::RuntimeError => rd(a) == rd(b),
        Kind::String => str_bytes(rd(a), rd(a + 8)) == str_bytes(rd(b), rd(b + 8)),
        Kind::Struct(fields) => {
            // An uncomparable struct type panics naming itself, whatever its values.
            if !is_comparable(d) {
                return Err(d.name.clone());
            }
            for f in fields.iter().filter(|f| f.name != "_") {
                if !mem_eq(&*f.ty, a + u64::from(f.offset), b + u64::from(f.offset))? {
                    return Ok(false);
                }
            }
            true
        }
        Kind::Array(elem, n) => {
            if !is_comparable(d) {
                return Err(d.name.clone());
            }
            let size = u64::from((**elem).size);
            for i in 0..*n {
                if !mem_eq(&**elem, a + i * size, b + i * size)? {
                    return Ok(false);
                }
            }
            true
        }
        Kind::EmptyInterface | Kind::Error | Kind::Interface => {
            let (t1, t2) = (rd(a), rd(b));
            if t1 != t2 {
                return Ok(false);
            }
            if t1 == 0 {
                return Ok(true);
            }
            let inner = desc(t1);
            if inner.is_direct() && !matches!(inner.kind, Kind::Func | Kind::Map(..)) {
                direct_eq(inner, rd(a + 8), rd(b + 8))
            } else {
                mem_eq(inner, rd(a + 8), rd(b + 8))?
            }
        }
        Kind::Slice(_) | Kind::Func | Kind::Map(..) => return Err(d.name.clone()),
    })
}

/// Whether Go's `==` is defined on values of type `d` (an interface field's dynamic
/// value is checked only when compared).
pub(crate) unsafe fn is_comparable(d: &TypeDesc) -> bool {
    match &d.kind {
        Kind::Slice(_) | Kind::Func | Kind::Map(..) => false,
        Kind::Struct(fields) => fields
            .iter()
            .filter(|f| f.name != "_")
            .all(|f| is_comparable(&*f.ty)),
        Kind::Array(elem, _) => is_comparable(&**elem),
        _ => true,
    }
}

/// A failed type assertion of `(t, d)` to the descriptor `target`; `from_error` says
/// whether the asserted value's static type is `error` (else `interface {}`).
pub extern "C" fn rt_panic_assert(t: u64, _d: u64, target: u64, from_error: u8) {
    guard(|| {
        // SAFETY: `target` is a module descriptor; `t` is one when non-zero.
        let target = unsafe { desc(target) };
        let static_name = if from_error != 0 {
            "error"
        } else {
            "interface {}"
        };
        let msg = super::methods::assert_message(t, target, static_name);
        panic::raise_error(&runtime_descs().type_assertion, msg.as_bytes());
    })
}

/// `errors.New(text)`.
pub extern "C" fn rt_errors_new(p: u64, len: u64) -> Pair {
    guard(|| {
        // SAFETY: a valid guest string.
        let text = unsafe { str_bytes(p, len) }.to_vec();
        let (t, d) = panic::new_error(&runtime_descs().errors_string, &text);
        Pair(t, d)
    })
}

/// The signature of the JIT adapters that call `Error()` (see `TypeDesc::error_fn`).
type ErrorFn = extern "C" fn(u64, i64, u64) -> Pair;

/// The text of `Error()` on a non-nil error value, as a guest string. `None` when
/// the type has no `Error` method. May leave a panic propagating.
pub fn error_string(t: u64, d: u64) -> Option<Pair> {
    // SAFETY: a non-nil interface's first word is a live descriptor.
    let td = unsafe { desc(t) };
    if let Kind::RuntimeError = td.kind {
        // SAFETY: runtime error values point to a `str` header.
        return Some(unsafe {
            Pair(
                *(d as usize as *const u64),
                *((d + 8) as usize as *const u64),
            )
        });
    }
    if td.error_fn == 0 {
        return None;
    }
    // SAFETY: `error_fn` is the address of a finalised JIT adapter with this signature.
    let f: ErrorFn = unsafe { std::mem::transmute::<usize, ErrorFn>(td.error_fn) };
    // Callers that hold guest values in Rust memory (`fmt`, the panic report) root
    // them (`gc::keep`), so the method may collect.
    Some(f(0, 0, d))
}

/// `err.Error()`; a nil error panics with a nil dereference.
pub extern "C" fn rt_error_text(t: u64, d: u64) -> Pair {
    guard(|| {
        if t == 0 {
            panic::raise_nil_deref();
            return Pair(0, 0);
        }
        match error_string(t, d) {
            Some(p) => p,
            None => new_str(b""),
        }
    })
}

/// `type_is x, error`: whether the descriptor (0 for nil) implements `error`.
pub extern "C" fn rt_implements_error(t: u64) -> u8 {
    if t == 0 {
        return 0;
    }
    // SAFETY: a non-nil interface's first word is a live descriptor.
    u8::from(unsafe { desc(t) }.is_error)
}
