//! `fmt` and the print builtins: reading boxed operands through their descriptors
//! into `fmt::Val` trees, and writing the formatted bytes.

use super::desc::{desc, Kind, TypeDesc};
use super::fmt::{self, MethodText, Val};
use super::{guard, guest, iface, new_str, panic, str_bytes, Pair};

/// Deeper values print as addresses (cycles through pointers are cut at depth 0 anyway;
/// this bounds pathological nesting of interfaces).
const MAX_DEPTH: u32 = 64;

unsafe fn rd(addr: u64) -> u64 {
    (addr as usize as *const u64).read_unaligned()
}

/// The operands of a call: a slice of `iface` values.
unsafe fn operands(p: u64, len: u64) -> Vec<(u64, u64)> {
    (0..len)
        .map(|i| (rd(p + 16 * i), rd(p + 16 * i + 8)))
        .collect()
}

/// Converts an interface value to a `Val` for `fmt`. `top`: an operand itself (Go
/// prints a pointer to a struct or slice as `&{...}` only there).
pub fn iface_val(t: u64, d: u64, top: bool) -> Val {
    iface_val_depth(t, d, top, 0)
}

fn iface_val_depth(t: u64, d: u64, top: bool, depth: u32) -> Val {
    if t == 0 {
        return Val::NilInterface;
    }
    // SAFETY: a non-nil interface's first word is a live descriptor, and its data word
    // is the value (direct kinds) or points to a box of the descriptor's layout.
    unsafe {
        let td = desc(t);
        let bare = match &td.kind {
            Kind::Int { bits, signed } => int_val(td, d, *bits, *signed),
            Kind::Float { bits } => float_val(td, d, *bits),
            Kind::Bool => Val::Bool {
                v: d & 0xff != 0,
                ty: td.name.clone(),
            },
            Kind::Pointer(elem) => ptr_val(td, &**elem, d, top, depth),
            Kind::Func => Val::Func {
                addr: d as usize,
                ty: td.name.clone(),
            },
            Kind::Map(k, v) => map_val(td, &**k, &**v, d, depth),
            Kind::RuntimeError => runtime_error_val(td, d, top),
            Kind::EmptyInterface | Kind::Error | Kind::Interface => {
                return iface_val_depth(rd(d), rd(d + 8), top, depth + 1)
            }
            // `mem_val` attaches the method text itself.
            _ => return mem_val(td, d, depth),
        };
        with_error_text(td, d, bare)
    }
}

/// The bare value of an error the runtime created (its box holds the text), as Go's
/// `fmt` sees it where it does not call `Error()` (`%d`, `%t`, ...): `errors.New`'s
/// `*errors.errorString` is a pointer to `struct{ s string }` (`&{...}` at top level),
/// `runtime.errorString` (without `Error()`'s `runtime error: ` prefix) and
/// `runtime.plainError` are strings; the others print as pointers.
unsafe fn runtime_error_val(td: &TypeDesc, d: u64, top: bool) -> Val {
    let descs = super::desc::runtime_descs();
    let text = || str_bytes(rd(d), rd(d + 8)).to_vec();
    if std::ptr::eq(td, &descs.errors_string) {
        let pointee = (top && d != 0).then(|| {
            Box::new(Val::Struct {
                fields: vec![(
                    "s".to_string(),
                    Val::Str {
                        v: text(),
                        ty: "string".to_string(),
                    },
                )],
                ty: "errors.errorString".to_string(),
            })
        });
        return Val::Ptr {
            addr: d as usize,
            pointee,
            ty: td.name.clone(),
        };
    }
    if std::ptr::eq(td, &descs.plain_error) {
        return Val::Str {
            v: text(),
            ty: td.name.clone(),
        };
    }
    if std::ptr::eq(td, &descs.error_string) {
        // The box holds `Error()`'s text; the string itself lacks the prefix.
        let t = text();
        let v = t
            .strip_prefix(b"runtime error: ".as_slice())
            .map_or_else(|| t.clone(), <[u8]>::to_vec);
        return Val::Str {
            v,
            ty: td.name.clone(),
        };
    }
    Val::Ptr {
        addr: d as usize,
        pointee: None,
        ty: td.name.clone(),
    }
}

/// Wraps a value whose type implements `error` in `Val::Error`, or one with a `String`
/// method in `Val::Stringer`; `fmt` calls the method if and when Go would.
fn with_error_text(td: &TypeDesc, word: u64, bare: Val) -> Val {
    if let Kind::RuntimeError = td.kind {
        let t = td as *const TypeDesc as u64;
        let Some(Pair(p, l)) = iface::error_string(t, word) else {
            return bare;
        };
        return Val::Error {
            // SAFETY: a runtime error's box holds a valid guest string.
            text: MethodText::Text(unsafe { str_bytes(p, l) }.to_vec()),
            inner: Box::new(bare),
        };
    }
    if td.error_fn != 0 || td.string_fn != 0 {
        // `fmt` may call the method later, after other methods ran and collected.
        super::gc::keep(word);
    }
    if td.error_fn != 0 {
        return Val::Error {
            text: MethodText::Call {
                adapter: td.error_fn,
                word,
            },
            inner: Box::new(bare),
        };
    }
    if td.string_fn != 0 {
        return Val::Stringer {
            text: MethodText::Call {
                adapter: td.string_fn,
                word,
            },
            inner: Box::new(bare),
        };
    }
    bare
}

/// The signature of the JIT adapters that call `Error()` and `String()` methods.
type MethodFn = extern "C" fn(u64, i64, u64) -> Pair;

/// Calls the `Error()` or `String()` adapter at `adapter` on the receiver `word` (an
/// interface data word): the method's result, or the value it panicked with (the
/// panic is then over, as Go's `fmt` recovers it).
pub fn call_method(adapter: usize, word: u64) -> Result<Vec<u8>, Val> {
    let depth = panic::depth();
    let was = panic::is_panicking();
    // SAFETY: `adapter` is the address of a finalised JIT adapter with this signature.
    let f: MethodFn = unsafe { std::mem::transmute::<usize, MethodFn>(adapter) };
    // The values being formatted were copied into Rust memory, but every word they
    // will read again (operands, receivers) was rooted with `gc::keep`: the method
    // may collect.
    let Pair(p, l) = f(0, 0, word);
    if panic::is_panicking() && !was {
        let (t, d) = panic::top_value().unwrap_or((0, 0));
        panic::discard_since(depth, was);
        return Err(iface_val(t, d, true));
    }
    // SAFETY: the method returned a valid guest string.
    Ok(unsafe { str_bytes(p, l) }.to_vec())
}

unsafe fn int_val(td: &TypeDesc, word: u64, bits: u8, signed: bool) -> Val {
    let shift = 64 - u32::from(bits.clamp(8, 64));
    if signed {
        Val::Int {
            v: ((word << shift) as i64) >> shift,
            ty: td.name.clone(),
        }
    } else {
        Val::Uint {
            v: (word << shift) >> shift,
            ty: td.name.clone(),
        }
    }
}

/// A float from its bit pattern (`float32`: the low 32 bits).
fn float_val(td: &TypeDesc, word: u64, bits: u8) -> Val {
    let v = if bits == 32 {
        f64::from(f32::from_bits(word as u32))
    } else {
        f64::from_bits(word)
    };
    Val::Float {
        bits: v.to_bits(),
        size: bits,
        ty: td.name.clone(),
    }
}

unsafe fn ptr_val(td: &TypeDesc, elem: &TypeDesc, addr: u64, top: bool, depth: u32) -> Val {
    let pointee = if top
        && addr != 0
        && matches!(
            elem.kind,
            Kind::Struct(_) | Kind::Slice(_) | Kind::Array(..) | Kind::Map(..)
        ) {
        Some(Box::new(mem_val(elem, addr, depth + 1)))
    } else {
        None
    };
    Val::Ptr {
        addr: addr as usize,
        pointee,
        ty: td.name.clone(),
    }
}

/// A value of type `td` stored in memory at `addr`.
pub(super) unsafe fn mem_val(td: &TypeDesc, addr: u64, depth: u32) -> Val {
    if depth > MAX_DEPTH {
        return Val::Ptr {
            addr: addr as usize,
            pointee: None,
            ty: td.name.clone(),
        };
    }
    let bare = match &td.kind {
        Kind::Float { bits } => {
            let word = if *bits == 32 {
                u64::from((addr as usize as *const u32).read_unaligned())
            } else {
                rd(addr)
            };
            float_val(td, word, *bits)
        }
        Kind::Int { bits, signed } => {
            let n = (*bits / 8).max(1);
            let mut word = 0u64;
            std::ptr::copy_nonoverlapping(
                addr as usize as *const u8,
                &mut word as *mut u64 as *mut u8,
                usize::from(n),
            );
            int_val(td, word, *bits, *signed)
        }
        Kind::Bool => Val::Bool {
            v: *(addr as usize as *const u8) != 0,
            ty: td.name.clone(),
        },
        Kind::String => Val::Str {
            v: str_bytes(rd(addr), rd(addr + 8)).to_vec(),
            ty: td.name.clone(),
        },
        Kind::Slice(elem) => {
            let (p, len) = (rd(addr), rd(addr + 8));
            let elem = &**elem;
            let is_bytes = matches!(
                elem.kind,
                Kind::Int {
                    bits: 8,
                    signed: false
                }
            );
            if is_bytes {
                // Go formats every slice of element kind uint8 as bytes under
                // %s %q %x %X, even when the element type has methods; the
                // other verbs then print the elements through those methods.
                let has_methods = elem.is_error || elem.string_fn != 0;
                Val::Bytes {
                    v: (p != 0).then(|| str_bytes(p, len).to_vec()),
                    ty: td.name.clone(),
                    elems: (p != 0 && has_methods).then(|| {
                        (0..len)
                            .map(|i| mem_val(elem, p + i * u64::from(elem.size), depth + 1))
                            .collect()
                    }),
                }
            } else {
                let items = (p != 0).then(|| {
                    (0..len)
                        .map(|i| mem_val(elem, p + i * u64::from(elem.size), depth + 1))
                        .collect()
                });
                Val::Slice {
                    items,
                    ty: td.name.clone(),
                }
            }
        }
        Kind::Array(elem, n) => super::array::array_val(td, &**elem, addr, *n, depth),
        Kind::Pointer(elem) => ptr_val(td, &**elem, rd(addr), false, depth),
        Kind::Struct(fields) => Val::Struct {
            fields: fields
                .iter()
                .map(|f| {
                    (
                        f.name.clone(),
                        mem_val(&*f.ty, addr + u64::from(f.offset), depth + 1),
                    )
                })
                .collect(),
            ty: td.name.clone(),
        },
        Kind::Func => Val::Func {
            addr: rd(addr) as usize,
            ty: td.name.clone(),
        },
        Kind::Map(k, v) => map_val(td, &**k, &**v, rd(addr), depth),
        Kind::EmptyInterface | Kind::Error | Kind::Interface => {
            return iface_val_depth(rd(addr), rd(addr + 8), false, depth + 1)
        }
        Kind::RuntimeError => Val::Ptr {
            addr: rd(addr) as usize,
            pointee: None,
            ty: td.name.clone(),
        },
    };
    if !td.is_error && td.string_fn == 0 {
        return bare;
    }
    // The data word of this value in interface representation.
    let word = match &td.kind {
        Kind::Int { bits, .. } | Kind::Float { bits } => {
            let mut w = 0u64;
            let n = usize::from((*bits / 8).max(1));
            std::ptr::copy_nonoverlapping(
                addr as usize as *const u8,
                &mut w as *mut u64 as *mut u8,
                n,
            );
            w
        }
        Kind::Bool => u64::from(*(addr as usize as *const u8)),
        _ if td.is_direct() => rd(addr),
        _ => addr,
    };
    with_error_text(td, word, bare)
}

/// A map (the header at `m`, 0 for nil) with its entries in the table's order.
unsafe fn map_val(td: &TypeDesc, k: &TypeDesc, v: &TypeDesc, m: u64, depth: u32) -> Val {
    let entries = (m != 0).then(|| {
        super::maps::entries(m)
            .into_iter()
            .map(|(ka, va)| (mem_val(k, ka, depth + 1), mem_val(v, va, depth + 1)))
            .collect()
    });
    Val::Map {
        entries,
        ty: td.name.clone(),
    }
}

/// The operand as the print builtins see it.
fn builtin_val(t: u64, d: u64) -> Val {
    if t == 0 {
        return Val::NilInterface;
    }
    // SAFETY: as in `iface_val`.
    unsafe {
        let td = desc(t);
        match &td.kind {
            // Go's `print` shows a map's address.
            Kind::Map(..) => Val::Ptr {
                addr: d as usize,
                pointee: None,
                ty: td.name.clone(),
            },
            Kind::Slice(_) => Val::RawSlice {
                len: rd(d + 8) as i64,
                cap: rd(d + 16) as i64,
                addr: rd(d) as usize,
            },
            Kind::EmptyInterface | Kind::Error | Kind::Interface => {
                let (it, id) = (rd(d), rd(d + 8));
                if it == 0 {
                    Val::NilInterface
                } else {
                    Val::RawIface {
                        typ: it as usize,
                        data: id as usize,
                    }
                }
            }
            Kind::RuntimeError => Val::RawIface {
                typ: t as usize,
                data: d as usize,
            },
            _ => {
                // The builtins never call methods.
                match iface_val(t, d, false) {
                    Val::Error { inner, .. } | Val::Stringer { inner, .. } => *inner,
                    v => v,
                }
            }
        }
    }
}

/// Runs `f` with `words` (a call's operand array and format string) rooted, and with
/// a root scope open for the receivers `with_error_text` keeps.
fn rooted<R>(words: &[u64], f: impl FnOnce() -> R) -> R {
    let _roots = super::gc::Pin::scope();
    for &w in words {
        super::gc::keep(w);
    }
    f()
}

fn vals(p: u64, len: u64) -> Vec<Val> {
    // SAFETY: the IR passes a valid `[]iface`.
    unsafe { operands(p, len) }
        .into_iter()
        .map(|(t, d)| iface_val(t, d, true))
        .collect()
}

fn builtin_vals(p: u64, len: u64) -> Vec<Val> {
    // SAFETY: the IR passes a valid `[]iface`.
    unsafe { operands(p, len) }
        .into_iter()
        .map(|(t, d)| builtin_val(t, d))
        .collect()
}

pub extern "C" fn rt_print(p: u64, len: u64, _cap: u64) {
    guard(|| guest::write_stderr(&fmt::print_builtin(&builtin_vals(p, len), false)))
}

pub extern "C" fn rt_println(p: u64, len: u64, _cap: u64) {
    guard(|| guest::write_stderr(&fmt::print_builtin(&builtin_vals(p, len), true)))
}

/// `fmt.Print`: returns the number of bytes written (the error result is always nil).
/// Writes to stdout and returns the byte count (Go's `n`; the error is always nil).
fn emit(bytes: Vec<u8>) -> i64 {
    guest::write_stdout(&bytes);
    bytes.len() as i64
}

pub extern "C" fn rt_fmt_print(p: u64, len: u64, _cap: u64) -> i64 {
    guard(|| rooted(&[p], || emit(fmt::sprint(&vals(p, len)))))
}

pub extern "C" fn rt_fmt_println(p: u64, len: u64, _cap: u64) -> i64 {
    guard(|| rooted(&[p], || emit(fmt::sprintln(&vals(p, len)))))
}

pub extern "C" fn rt_fmt_printf(fp: u64, fl: u64, p: u64, len: u64, _cap: u64) -> i64 {
    guard(|| {
        rooted(&[fp, p], || {
            // SAFETY: a valid guest string.
            let format = unsafe { str_bytes(fp, fl) };
            emit(fmt::sprintf(format, &vals(p, len)))
        })
    })
}

pub extern "C" fn rt_fmt_sprint(p: u64, len: u64, _cap: u64) -> Pair {
    guard(|| rooted(&[p], || new_str(&fmt::sprint(&vals(p, len)))))
}

pub extern "C" fn rt_fmt_sprintln(p: u64, len: u64, _cap: u64) -> Pair {
    guard(|| rooted(&[p], || new_str(&fmt::sprintln(&vals(p, len)))))
}

pub extern "C" fn rt_fmt_sprintf(fp: u64, fl: u64, p: u64, len: u64, _cap: u64) -> Pair {
    guard(|| {
        rooted(&[fp, p], || {
            // SAFETY: a valid guest string.
            let format = unsafe { str_bytes(fp, fl) };
            new_str(&fmt::sprintf(format, &vals(p, len)))
        })
    })
}

/// `fmt.Errorf`: a `*fmt.wrapError` when the format has `%w`, else a
/// `*errors.errorString`.
pub extern "C" fn rt_fmt_errorf(fp: u64, fl: u64, p: u64, len: u64, _cap: u64) -> Pair {
    guard(|| {
        rooted(&[fp, p], || {
            // SAFETY: a valid guest string.
            let format = unsafe { str_bytes(fp, fl) };
            let text = fmt::errorf(format, &vals(p, len));
            let descs = super::desc::runtime_descs();
            let d = if format.windows(2).any(|w| w == b"%w") {
                &descs.wrap_error
            } else {
                &descs.errors_string
            };
            let (t, w) = panic::new_error(d, &text);
            Pair(t, w)
        })
    })
}
