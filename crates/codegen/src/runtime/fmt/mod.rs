//! Go's value formatting, byte for byte as Go 1.27 prints it.
//!
//! A pure-Rust port of the parts of Go's `fmt/print.go`, `fmt/format.go`,
//! `strconv/quote.go` and the runtime's `print`/`panic` printing that the Go
//! subset needs. It knows nothing about JIT memory: the runtime reads guest
//! memory, builds a [`Val`] tree and calls one of the entry points:
//!
//! * [`sprint`], [`sprintln`], [`sprintf`], [`errorf`]: `fmt.Sprint`/`Print`,
//!   `fmt.Sprintln`/`Println`, `fmt.Sprintf`/`Printf`, and the text of
//!   `fmt.Errorf(...).Error()`.
//! * [`print_builtin`]: the builtins `print` and `println` (written to stderr).
//! * [`panic_message`]: the text after `panic: ` for an uncaught panic.
//!
//! All of them return bytes: Go strings need not be valid UTF-8.
//!
//! # Building `Val`s (the runtime's side of the contract)
//!
//! * `ty` is Go's `%T` spelling of the dynamic type: `int`, `uint8` (never
//!   `byte`), `int32` (never `rune`), `string`, `[]int`, `[]interface {}`,
//!   `*main.T`, `main.T`, `func(int) int`, `main.Celsius`, `*errors.errorString`,
//!   `*fmt.wrapError`.
//! * Interface values (`any`, `error`) are replaced by their dynamic value, a
//!   nil interface by [`Val::NilInterface`], at every depth (slice elements,
//!   struct fields, arguments).
//! * Every slice whose element kind is `uint8` (`[]byte`, `[]uint8`, and slices
//!   of named byte types) must be a [`Val::Bytes`]; other slices are
//!   [`Val::Slice`]. (A `Val::Slice` with `ty == "[]uint8"` is accepted too.)
//! * A value whose dynamic type has an `Error() string` method (any `error`
//!   value) is wrapped in [`Val::Error`]; failing that, a value with a
//!   `String() string` method is wrapped in [`Val::Stringer`]. Do this
//!   wherever such a value occurs (also inside slices and structs): this
//!   module decides when Go would call the method (not for values reached
//!   through unexported struct fields, not for `%d`, not for `%#v`, ...), and
//!   calls it only then, through [`MethodText::Call`], so a method's side
//!   effects and panics happen exactly when Go's would. A method that panics
//!   prints as Go's `catchPanic` does: `<nil>` for a nil pointer receiver,
//!   else `%!v(PANIC=String method: msg)`.
//! * A non-nil pointer to a struct or slice should carry its `pointee` (Go
//!   prints `&{1 2}` at top level, and inside `%!s(*main.T=&{1 2})` error
//!   texts). Break cycles by giving `None`: the pointer then prints as an
//!   address.
//!
//! # Not supported
//!
//! Floats, complex numbers, arrays, channels (not in the subset);
//! `Formatter` and `GoStringer` methods; a panic while printing the value of
//! a panic raised by an `Error`/`String` method (Go re-panics out of `fmt`;
//! here the value prints without calling its methods); `%p` of slices
//! (a slice's data pointer is not in the `Val`: prints `0x0`); under `%#v`, a
//! nil interface in a struct field prints `interface {}(nil)` even when the
//! field is an `error` (in a slice the element type is used, as Go does).

mod float;
mod format;
mod mapsort;
mod print;
mod quote;
#[cfg(test)]
mod tests;
mod utf8;

use quote::*;
use utf8::*;

/// A Go value as `fmt` sees it.
///
/// `ty` strings are Go's `%T` spelling of the type (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Val {
    /// Signed integers: `int`, `int64`, `int32`, and named types over them.
    Int { v: i64, ty: String },
    /// Unsigned integers: `uint`, `uint64`, `uint8`, and named types over them.
    Uint { v: u64, ty: String },
    /// `bool` and named types over it.
    Bool { v: bool, ty: String },
    /// `float64` (`size` 64) and `float32` (`size` 32, its value widened exactly),
    /// and named types over them; `bits` is the `f64`'s bit pattern (`Val` is `Eq`).
    Float { bits: u64, size: u8, ty: String },
    /// `string` and named types over it (bytes, not necessarily UTF-8).
    Str { v: Vec<u8>, ty: String },
    /// A slice whose element kind is `uint8` (`[]uint8`, `[]main.MyByte`).
    /// `None` is a nil slice. Go formats these specially (`%s`, `%x`, `%q`).
    /// `elems` holds the elements as `Val`s when the element type has an
    /// `Error`/`String` method (each wrapped as the module docs say), so that
    /// the other verbs call the methods per element as Go does; else `None`.
    Bytes {
        v: Option<Vec<u8>>,
        ty: String,
        elems: Option<Vec<Val>>,
    },
    /// Any other slice; `None` is a nil slice.
    Slice { items: Option<Vec<Val>>, ty: String },
    /// A map's entries in any order (printing sorts them as `internal/fmtsort`
    /// does); `None` is a nil map.
    Map {
        entries: Option<Vec<(Val, Val)>>,
        ty: String,
    },
    /// A struct, fields in declaration order (names matter for `%+v`, and a
    /// lower-case name marks an unexported field).
    Struct {
        fields: Vec<(String, Val)>,
        ty: String,
    },
    /// A pointer; `addr == 0` is nil. `pointee` is needed only for pointers to
    /// structs and slices (see the module docs); it is ignored otherwise.
    Ptr {
        addr: usize,
        pointee: Option<Box<Val>>,
        ty: String,
    },
    /// A func value; `addr == 0` is a nil func. Printed as `0x..` by `%v`.
    Func { addr: usize, ty: String },
    /// A nil `any`/`error`: `<nil>` under `%v`, `%!d(<nil>)` under `%d`.
    NilInterface,
    /// A value whose type has an `Error()` method: `text` is the method's
    /// result (or how to get it). `inner` is the value itself (never another
    /// `Error` or `Stringer`), used for `%T`, `%d`, `%#v`, error texts such as
    /// `%!t(...)`, and where Go does not call methods.
    Error { text: MethodText, inner: Box<Val> },
    /// Like [`Val::Error`], for a non-error value with a `String() string`
    /// method (Go's `fmt.Stringer`). It differs from `Error` in that `%w`
    /// rejects it, and in the method name of a `%!v(PANIC=...)` message.
    Stringer { text: MethodText, inner: Box<Val> },
    /// For [`print_builtin`] only: a slice as the builtins see it
    /// (`[len/cap]0xaddr`).
    RawSlice { len: i64, cap: i64, addr: usize },
    /// For [`print_builtin`] only: a non-nil interface value as its two words,
    /// type (or itab) pointer and data pointer (`(0xtyp,0xdata)`).
    RawIface { typ: usize, data: usize },
}

/// The result of an `Error()` or `String()` method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodText {
    /// Known without a call (the runtime's own error values, tests).
    Text(Vec<u8>),
    /// Computed when Go would call the method, by [`super::print::call_method`]:
    /// the address of the method's JIT adapter and the receiver as an
    /// interface data word.
    Call { adapter: usize, word: u64 },
}

impl MethodText {
    /// The method's result, or the value it panicked with.
    fn call(&self) -> Result<Vec<u8>, Val> {
        match self {
            MethodText::Text(t) => Ok(t.clone()),
            MethodText::Call { adapter, word } => super::print::call_method(*adapter, *word),
        }
    }
}

/// Go's `fmt.Sprint` (and `Print`): operands formatted with `%v`, with a space
/// between two operands when neither is a string.
pub fn sprint(args: &[Val]) -> Vec<u8> {
    let mut p = Printer::new(false);
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let is_string = matches!(base(arg), Val::Str { .. });
        if i > 0 && !is_string && !prev_string {
            p.buf.push(b' ');
        }
        p.print_arg(arg, 'v');
        prev_string = is_string;
    }
    p.buf
}

/// Go's `fmt.Sprintln` (and `Println`): operands formatted with `%v`,
/// separated by spaces, and a trailing newline.
pub fn sprintln(args: &[Val]) -> Vec<u8> {
    let mut p = Printer::new(false);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(b' ');
        }
        p.print_arg(arg, 'v');
    }
    p.buf.push(b'\n');
    p.buf
}

/// Go's `fmt.Sprintf` (and `Printf`).
pub fn sprintf(format: &[u8], args: &[Val]) -> Vec<u8> {
    let mut p = Printer::new(false);
    p.do_printf(format, args);
    p.buf
}

/// The text of `fmt.Errorf(format, args...).Error()`: like [`sprintf`], except
/// that `%w` formats an error operand like `%v` (a non-error operand gives
/// `%!w(int=1)`, as in Go).
pub fn errorf(format: &[u8], args: &[Val]) -> Vec<u8> {
    let mut p = Printer::new(true);
    p.do_printf(format, args);
    p.buf
}

/// Go's builtins `print` (`newline == false`: no separators) and `println`
/// (spaces between operands and a trailing newline), as written to stderr.
///
/// Integers print in decimal, bools as `true`/`false`, strings raw, pointers
/// and funcs as `0x..` (nil is `0x0`), a nil interface as `(0x0,0x0)`.
/// Slices and non-nil interfaces must be given as [`Val::RawSlice`] and
/// [`Val::RawIface`] (Go prints their addresses); a `Slice`/`Bytes` prints as
/// `[len/len]0x0` and an `Error`/`Stringer` as `(0x0,0x0)` for want of
/// addresses.
/// Structs cannot be printed by the builtins (Go rejects them at compile
/// time); they print as `?`.
pub fn print_builtin(args: &[Val], newline: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        if newline && i > 0 {
            out.push(b' ');
        }
        builtin_print_one(&mut out, arg);
    }
    if newline {
        out.push(b'\n');
    }
    out
}

/// The text Go 1.27 prints after `panic: ` for an uncaught `panic(v)` (without
/// ` [recovered]` and without the newline).
///
/// Strings print raw, values of the predeclared integer and bool types as
/// their value, errors (and values with a `String` method) as the method's
/// text, named string/int/bool types as `main.S("x")`, `main.E(3)`,
/// `main.B(true)`. Every newline in the text is followed by a tab, as Go
/// indents continuation lines. A nil interface gives Go's `panic(nil)` text.
/// Other values print as `(T) 0xaddr`; only pointers and funcs have an
/// address here, other kinds show `0x0` (panic values are limited to
/// strings, integers, bools and errors in the subset).
pub fn panic_message(v: &Val) -> Vec<u8> {
    let mut out = Vec::new();
    match v {
        Val::NilInterface => {
            out.extend_from_slice(b"runtime error: panic called with nil argument")
        }
        // Go's `preprintpanics` calls the method first (a panic there is fatal in
        // Go; here the value prints as if it had no method).
        Val::Error { text, inner } | Val::Stringer { text, inner } => match text.call() {
            Ok(t) => print_indented(&mut out, &t),
            Err(_) => return panic_message(inner),
        },
        Val::Str { v, ty } if ty == "string" => print_indented(&mut out, v),
        Val::Str { v, ty } => {
            out.extend_from_slice(ty.as_bytes());
            out.extend_from_slice(b"(\"");
            print_indented(&mut out, v);
            out.extend_from_slice(b"\")");
        }
        Val::Int { v, ty } => predeclared_or_named(&mut out, ty, &v.to_string()),
        Val::Uint { v, ty } => predeclared_or_named(&mut out, ty, &v.to_string()),
        Val::Bool { v, ty } => {
            predeclared_or_named(&mut out, ty, if *v { "true" } else { "false" })
        }
        Val::Float { bits, size, ty } => {
            let text = float::runtime_float(*bits, *size);
            if ty == "float64" || ty == "float32" {
                out.extend_from_slice(text.as_bytes());
            } else {
                predeclared_or_named(&mut out, ty, &text);
            }
        }
        other => {
            let addr = match other {
                Val::Ptr { addr, .. } | Val::Func { addr, .. } => *addr,
                _ => 0,
            };
            out.push(b'(');
            out.extend_from_slice(type_of(other).as_bytes());
            out.extend_from_slice(b") ");
            push_hex(&mut out, addr as u64);
        }
    }
    out
}

fn predeclared_or_named(out: &mut Vec<u8>, ty: &str, text: &str) {
    const PREDECLARED: &[&str] = &[
        "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
        "uint64", "uintptr",
    ];
    if PREDECLARED.contains(&ty) {
        out.extend_from_slice(text.as_bytes());
    } else {
        out.extend_from_slice(ty.as_bytes());
        out.push(b'(');
        out.extend_from_slice(text.as_bytes());
        out.push(b')');
    }
}

/// The runtime's `printindented`: every `\n` is followed by a tab.
fn print_indented(out: &mut Vec<u8>, s: &[u8]) {
    for &c in s {
        out.push(c);
        if c == b'\n' {
            out.push(b'\t');
        }
    }
}

/// The runtime's `printhex`: `0x` and lower-case hex digits, `0x0` for zero.
fn push_hex(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(format!("{v:#x}").as_bytes());
}

fn builtin_print_one(out: &mut Vec<u8>, v: &Val) {
    match v {
        Val::Int { v, .. } => out.extend_from_slice(v.to_string().as_bytes()),
        Val::Uint { v, .. } => out.extend_from_slice(v.to_string().as_bytes()),
        Val::Bool { v, .. } => out.extend_from_slice(if *v { b"true" } else { b"false" }),
        Val::Float { bits, size, .. } => {
            out.extend_from_slice(float::runtime_float(*bits, *size).as_bytes())
        }
        Val::Str { v, .. } => out.extend_from_slice(v),
        Val::Ptr { addr, .. } | Val::Func { addr, .. } => push_hex(out, *addr as u64),
        Val::NilInterface => out.extend_from_slice(b"(0x0,0x0)"),
        Val::RawIface { typ, data } => {
            out.push(b'(');
            push_hex(out, *typ as u64);
            out.push(b',');
            push_hex(out, *data as u64);
            out.push(b')');
        }
        Val::RawSlice { len, cap, addr } => {
            out.extend_from_slice(format!("[{len}/{cap}]").as_bytes());
            push_hex(out, *addr as u64);
        }
        Val::Slice { items, .. } => {
            let n = items.as_ref().map_or(0, Vec::len);
            out.extend_from_slice(format!("[{n}/{n}]0x0").as_bytes());
        }
        Val::Bytes { v, .. } => {
            let n = v.as_ref().map_or(0, Vec::len);
            out.extend_from_slice(format!("[{n}/{n}]0x0").as_bytes());
        }
        Val::Error { .. } | Val::Stringer { .. } => out.extend_from_slice(b"(0x0,0x0)"),
        Val::Struct { .. } => out.push(b'?'),
        // The builtins print a map's address; the runtime gives them a `Ptr`.
        Val::Map { .. } => out.extend_from_slice(b"0x0"),
    }
}

// ---------------------------------------------------------------------------
// Helpers on values.

/// The value itself for an [`Val::Error`] or [`Val::Stringer`] (whose kind
/// decides, e.g., whether
/// Sprint adds spaces), otherwise `v`.
fn base(v: &Val) -> &Val {
    match v {
        Val::Error { inner, .. } | Val::Stringer { inner, .. } => base(inner),
        other => other,
    }
}

/// Go's `reflect.TypeOf(v).String()`.
fn type_of(v: &Val) -> &str {
    match v {
        Val::Int { ty, .. }
        | Val::Uint { ty, .. }
        | Val::Bool { ty, .. }
        | Val::Float { ty, .. }
        | Val::Str { ty, .. }
        | Val::Bytes { ty, .. }
        | Val::Slice { ty, .. }
        | Val::Struct { ty, .. }
        | Val::Map { ty, .. }
        | Val::Ptr { ty, .. }
        | Val::Func { ty, .. } => ty,
        Val::Error { inner, .. } | Val::Stringer { inner, .. } => type_of(inner),
        Val::NilInterface => "<nil>",
        Val::RawSlice { .. } => "[]",
        Val::RawIface { .. } => "interface {}",
    }
}

/// Whether a struct field name is exported (Go's `token.IsExported`).
fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";
const NIL_ANGLE: &[u8] = b"<nil>";
const RUNE_ERROR: u32 = 0xFFFD;
const MAX_RUNE: u32 = 0x10FFFF;

// ---------------------------------------------------------------------------
// The printer (Go's `pp` and `fmt` structs).

#[derive(Clone, Copy, Default)]
struct Flags {
    wid_present: bool,
    prec_present: bool,
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: i64,
    prec: i64,
}

struct Printer {
    buf: Vec<u8>,
    f: Flags,
    reordered: bool,
    good_arg_num: bool,
    erroring: bool,
    /// Set while printing the value a method panicked with (Go's `panicking`).
    panicking: bool,
    wrap_errs: bool,
}

fn too_large(x: i64) -> bool {
    const MAX: i64 = 1_000_000;
    !(-MAX..=MAX).contains(&x)
}

/// Go's `parsenum`: (number, whether there was one, index after it).
fn parse_num(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let mut num = 0i64;
    let mut is_num = false;
    let mut i = start;
    while i < end && s[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end);
        }
        num = num * 10 + i64::from(s[i] - b'0');
        is_num = true;
        i += 1;
    }
    (num, is_num, i)
}

/// Go's `parseArgNumber` on `format` starting at `[`: (index, bytes used, ok).
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parse_num(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

/// Go's `intFromArg`: the operand at `arg_num` as a `*` width or precision.
fn int_from_arg(args: &[Val], arg_num: usize) -> (i64, bool, usize) {
    let mut new_arg_num = arg_num;
    let mut num = 0;
    let mut is_int = false;
    if arg_num < args.len() {
        match base(&args[arg_num]) {
            Val::Int { v, .. } => {
                num = *v;
                is_int = true;
            }
            Val::Uint { v, .. } if i64::try_from(*v).is_ok() => {
                num = *v as i64;
                is_int = true;
            }
            _ => {}
        }
        new_arg_num = arg_num + 1;
        if too_large(num) {
            num = 0;
            is_int = false;
        }
    }
    (num, is_int, new_arg_num)
}

impl Printer {
    fn new(wrap_errs: bool) -> Self {
        Printer {
            buf: Vec::new(),
            f: Flags::default(),
            reordered: false,
            good_arg_num: true,
            erroring: false,
            panicking: false,
            wrap_errs,
        }
    }

    fn write_rune(&mut self, r: char) {
        let mut tmp = [0u8; 4];
        self.buf
            .extend_from_slice(r.encode_utf8(&mut tmp).as_bytes());
    }
}
