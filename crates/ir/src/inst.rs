//! Instructions: opcodes, their immediates, and the runtime functions the IR may call.
//!
//! Panics are ordinary control flow. An instruction that may panic
//! (`InstData::may_panic`: decided by the opcode, and for `rtcall` by the runtime
//! function) records the panic in the runtime's panic state and returns normally (with
//! unspecified results); the code after it tests `panicking` and branches to the
//! function's panic path. The checks Go performs implicitly (nil, bounds, division by
//! zero, negative shift counts) are explicit `check_*` instructions, so passes can see,
//! move and delete them.

use crate::entities::{Block, DeferId, FuncId, GlobalId, GoTypeId, ScopeId, StructId, Value};
use crate::types::Type;
use std::fmt;

macro_rules! opcodes {
    ($($(#[$doc:meta])* $name:ident = $text:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Opcode { $($(#[$doc])* $name,)* }
        impl Opcode {
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];
            /// The opcode's name in the textual IR.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => $text,)* }
            }
            pub fn from_name(s: &str) -> Option<Opcode> {
                match s { $($text => Some(Opcode::$name),)* _ => None }
            }
        }
    };
}

opcodes! {
    /// `v = iconst.T imm`: an integer or bool constant (`ty` is `i8`/`i32`/`i64`/`bool`).
    Iconst = "iconst",
    /// `v = sconst "bytes"`: a string constant.
    Sconst = "sconst",
    /// `v = zero.T`: the zero value of any type (nil pointer, slice, func, interface;
    /// empty string; zeroed struct).
    Zero = "zero",
    /// `v = funcref @f`: the function value of a top-level function (a static closure
    /// object with no captures).
    FuncRef = "funcref",
    /// `v = global_addr g0`: the address of a package variable.
    GlobalAddr = "global_addr",
    /// `v = typedesc t0`: the address of a Go type descriptor.
    TypeDesc = "typedesc",

    /// Integer arithmetic on two operands of the instruction's type; wraps.
    Iadd = "iadd",
    Isub = "isub",
    Imul = "imul",
    /// Division and remainder. The divisor must be non-zero (see `check_div`);
    /// `MinInt / -1` wraps to `MinInt` and `MinInt % -1` is 0, as in Go.
    Sdiv = "sdiv",
    Udiv = "udiv",
    Srem = "srem",
    Urem = "urem",
    Band = "band",
    Bor = "bor",
    Bxor = "bxor",
    /// `a &^ b`.
    BandNot = "band_not",
    /// Shifts with Go semantics: the count (any integer type, treated as unsigned) may
    /// be at least the width (the result is 0, or all sign bits for `sshr`).
    Ishl = "ishl",
    Ushr = "ushr",
    Sshr = "sshr",
    Ineg = "ineg",
    /// Bitwise complement.
    Bnot = "bnot",
    /// Boolean negation.
    Not = "not",
    /// `v = icmp.cc a, b` (the `ty` is that of the operands; the result is `bool`).
    /// Also compares `bool`, `ptr` and `func` operands for (in)equality.
    Icmp = "icmp",
    /// `v = select c, a, b`: `a` if `c` else `b`.
    Select = "select",
    /// Integer width conversions to `ty`: sign-extend, zero-extend, truncate.
    Sext = "sext",
    Uext = "uext",
    Trunc = "trunc",

    /// `v = fconst.f64 bits`: a float constant; the immediate is its IEEE bit pattern
    /// (for `f32`, in the low 32 bits).
    Fconst = "fconst",
    /// Float arithmetic on two operands of the instruction's type (`f32` rounds each
    /// result to 32 bits); division by zero gives an infinity or NaN, never a panic.
    Fadd = "fadd",
    Fsub = "fsub",
    Fmul = "fmul",
    Fdiv = "fdiv",
    Fneg = "fneg",
    /// `v = fcmp.cc a, b` with the names of `icmp`'s signed conditions: `eq`, `slt`,
    /// `sle`, `sgt`, `sge` are false when an operand is NaN, `ne` is true.
    Fcmp = "fcmp",
    /// `v = fcvt_from_sint.f64 x` / `fcvt_from_uint.f64 x`: an `i64` (signed or
    /// unsigned) to the nearest float.
    FcvtFromSint = "fcvt_from_sint",
    FcvtFromUint = "fcvt_from_uint",
    /// `v = fcvt_to_sint.i64 x` / `fcvt_to_uint.i64 x`: a float truncated toward zero to
    /// a signed or unsigned integer of `ty`, with gc's amd64 results where Go leaves
    /// them to the implementation (NaN, out of range): see the codegen.
    FcvtToSint = "fcvt_to_sint",
    FcvtToUint = "fcvt_to_uint",
    /// `f32` to `f64` (exact) and `f64` to `f32` (rounded to nearest even).
    Fpromote = "fpromote",
    Fdemote = "fdemote",

    /// `v = load.T p`.
    Load = "load",
    /// `store p, v`.
    Store = "store",
    /// `v = field_addr p, s0.2`: the address of field 2 of the struct `s0` at `p`.
    FieldAddr = "field_addr",
    /// `v = index_addr.T p, i`: `p + i * size_of(T)`.
    IndexAddr = "index_addr",
    /// `v = alloc.T`: a zeroed heap cell for one `T`.
    Alloc = "alloc",
    /// `v = alloc_array.T n`: zeroed heap memory for `n` values of `T`.
    AllocArray = "alloc_array",
    /// `v = stack_alloc.T`: a zeroed cell for one `T` in the frame (valid until return).
    StackAlloc = "stack_alloc",
    /// `v = stack_alloc_array.T n`: `alloc_array` in the frame (valid until return), `n`
    /// an `iconst`; zeroed each time it runs. The `escape` pass's form for the backing
    /// array of a `make([]T, c)` or `[]T{...}` that cannot outlive its frame.
    StackAllocArray = "stack_alloc_array",

    /// `v = struct_new.s0 a, b, c`.
    StructNew = "struct_new",
    /// `v = struct_get x, 1` (field index in `imm`).
    StructGet = "struct_get",
    /// `v = struct_set x, 1, y`: `x` with field 1 replaced.
    StructSet = "struct_set",
    /// `v = str_new p, len`; `str_ptr`, `str_len` take one apart.
    StrNew = "str_new",
    StrPtr = "str_ptr",
    StrLen = "str_len",
    /// `v = slice_new p, len, cap`; `slice_ptr`, `slice_len`, `slice_cap`.
    SliceNew = "slice_new",
    SlicePtr = "slice_ptr",
    SliceLen = "slice_len",
    SliceCap = "slice_cap",

    /// `v = box x, t0`: the interface holding `x` with dynamic type `t0` (allocates a
    /// box for strings, slices and structs).
    Box = "box",
    /// `v = box_static x, t0`: `box` of a string constant `x` (an `sconst`) whose data
    /// word points to a read-only box shared by every equal constant, as gc's
    /// content-addressed read-only statics for constant conversions are: `panic("a")`
    /// twice raises identical values (Go's `[recovered, repanicked]` compares the words).
    BoxStatic = "box_static",
    /// `v = stack_box x, t0`: `box` with its box in the frame (valid until return): the
    /// `escape` pass's form for a box that cannot outlive its frame.
    StackBox = "stack_box",
    /// `v = iface_type x`: the type descriptor pointer of an interface (null for nil).
    IfaceType = "iface_type",
    /// `v = unbox.T x`: the `T` held by an interface known to hold a `T`.
    Unbox = "unbox",
    /// `v = type_is x, t0`: whether the dynamic type of `x` is `t0`; for the `error`
    /// descriptor, whether it implements `error`.
    TypeIs = "type_is",

    /// `v = closure @f, a, b`: a closure object `{code of @f, a, b}` (captures are
    /// usually pointers to variables' cells). `@f` receives it as its `env` parameter.
    Closure = "closure",
    /// `v = stack_closure @f, a, b`: `closure` built in the frame (valid until return):
    /// the `escape` pass's form for a closure object that cannot outlive its frame.
    StackClosure = "stack_closure",
    /// `v = env_get.T env, i`: capture `i` of the closure object `env`.
    EnvGet = "env_get",

    /// `v, w = call @f(args)`: a direct call. Every function's first two parameters are
    /// `env: ptr` (the closure object, null for a direct call) and `tok: i64` (the
    /// deferred-call token: non-zero only when the defer machinery calls it on a panic
    /// path; see `recover`).
    Call = "call",
    /// `v = call_indirect f(tok, args)`: calls the function value `f` (its first
    /// argument), passing `f` itself as `env`.
    CallIndirect = "call_indirect",
    /// `v = rtcall name(args)`: calls a runtime function (see `RtFunc`).
    RtCall = "rtcall",

    /// `v = panicking`: whether a panic is propagating (the runtime's panic flag).
    Panicking = "panicking",
    /// `raise x`: starts a panic with the interface value `x`.
    Raise = "raise",
    /// `v = recover tok`: the current panic's value if `tok` is the token of the panic
    /// whose deferred call is running and it was not yet recovered (and marks it
    /// recovered); otherwise nil. A function called normally has `tok = 0`, so a helper
    /// called from a deferred function never recovers (Go 1.26+). The wrapper of a
    /// deferred `recover()` passes the token of the function that deferred it (its
    /// operand), not its own: gc's wrapper frames are invisible to `recover`, so
    /// `defer recover()` stops the panic exactly when its deferring function runs as a
    /// deferred call of that panic (`defer func() { defer recover() }()`).
    Recover = "recover",
    /// `check_nil p`: panics with Go's nil dereference error if `p` is null.
    CheckNil = "check_nil",
    /// `check_index i, len`: panics unless `0 <= i < len` (unsigned compare).
    CheckIndex = "check_index",
    /// `check_slice lo, hi, bound` with `imm` `cap` or `len`: panics unless
    /// `0 <= lo <= hi <= bound`, with Go's message naming capacity or length.
    CheckSlice = "check_slice",
    /// `check_slice3 lo, hi, max, cap`: `0 <= lo <= hi <= max <= cap`; `check_slice3 len
    /// ...` (slicing an array) names the bound a length in its message.
    CheckSlice3 = "check_slice3",
    /// `check_div d`: panics with "integer divide by zero" if `d` is zero.
    CheckDiv = "check_div",
    /// `check_shift c`: panics with "negative shift amount" if the signed count is < 0.
    CheckShift = "check_shift",

    /// `defer d0(args)`: evaluates a deferred call now (see `DeferData`); the call
    /// runs at the next `run_defers` of its scope, last deferred first. Removed by
    /// the `defer_lower` pass.
    Defer = "defer",
    /// `run_defers scope1`: runs the pending deferred calls of one defer scope (see
    /// `ScopeData`; `scope0` is the function's own), last first. Each runs
    /// with the token of the panic propagating when it starts (0 if none), with the
    /// panic flag cleared while it runs; afterwards the flag says whether a panic
    /// (the old one, unless recovered, or a new one) still propagates. Removed by the
    /// `defer_lower` pass.
    RunDefers = "run_defers",
    /// `v = defer_enter`: the runtime side of one deferred call: returns the token for
    /// the call and clears the panic flag (inserted by `defer_lower`).
    DeferEnter = "defer_enter",
    /// `defer_exit tok`: after a deferred call: completes a recovery or resumes the
    /// panic (inserted by `defer_lower`).
    DeferExit = "defer_exit",

    /// `jump block1(args)`.
    Jump = "jump",
    /// `brif c, block1(args), block2(args)`.
    Brif = "brif",
    /// `ret args`.
    Ret = "ret",
    /// Control never reaches here.
    Unreachable = "unreachable",
}

impl Opcode {
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Opcode::Jump | Opcode::Brif | Opcode::Ret | Opcode::Unreachable
        )
    }

    /// Whether an instruction with this opcode may start a panic. For `rtcall` that
    /// depends on the runtime function: `InstData::may_panic` decides whether a
    /// `panicking` test follows a given instruction.
    pub fn may_panic(self) -> bool {
        matches!(
            self,
            Opcode::Call
                | Opcode::CallIndirect
                | Opcode::RtCall
                | Opcode::Raise
                | Opcode::CheckNil
                | Opcode::CheckIndex
                | Opcode::CheckSlice
                | Opcode::CheckSlice3
                | Opcode::CheckDiv
                | Opcode::CheckShift
                | Opcode::RunDefers
                | Opcode::DeferExit
        )
    }

    /// Whether the result is derived from the operands so that it points where they
    /// point: an address inside what an operand addresses, or an aggregate built from,
    /// or read out of, operands that may hold pointers. The escape analysis and the
    /// verifier's frame-address check follow pointers through these.
    pub fn derives_from_operands(self) -> bool {
        matches!(
            self,
            Opcode::FieldAddr
                | Opcode::IndexAddr
                | Opcode::StructNew
                | Opcode::StructGet
                | Opcode::StructSet
                | Opcode::StrNew
                | Opcode::StrPtr
                | Opcode::SliceNew
                | Opcode::SlicePtr
                | Opcode::Select
        )
    }

    /// Whether the instruction has an effect beyond its results (so dead-code
    /// elimination must keep it even when its results are unused).
    pub fn has_side_effects(self) -> bool {
        self.may_panic()
            || self.is_terminator()
            || matches!(
                self,
                Opcode::Store
                    | Opcode::Defer
                    | Opcode::Recover
                    | Opcode::DeferEnter
                    | Opcode::Panicking
            )
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Integer comparison conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IntCC {
    Eq,
    Ne,
    Slt,
    Sle,
    Sgt,
    Sge,
    Ult,
    Ule,
    Ugt,
    Uge,
}

impl IntCC {
    pub const ALL: [IntCC; 10] = [
        IntCC::Eq,
        IntCC::Ne,
        IntCC::Slt,
        IntCC::Sle,
        IntCC::Sgt,
        IntCC::Sge,
        IntCC::Ult,
        IntCC::Ule,
        IntCC::Ugt,
        IntCC::Uge,
    ];
    pub fn name(self) -> &'static str {
        match self {
            IntCC::Eq => "eq",
            IntCC::Ne => "ne",
            IntCC::Slt => "slt",
            IntCC::Sle => "sle",
            IntCC::Sgt => "sgt",
            IntCC::Sge => "sge",
            IntCC::Ult => "ult",
            IntCC::Ule => "ule",
            IntCC::Ugt => "ugt",
            IntCC::Uge => "uge",
        }
    }
}

/// Whether a `check_slice` bound is a capacity or a length (it changes the message).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoundKind {
    Cap,
    Len,
}

macro_rules! rtfuncs {
    ($($(#[$doc:meta])* $name:ident = $text:literal ($($p:ident),*) -> ($($r:ident),*),)*) => {
        /// Functions of the runtime that the IR calls with `rtcall`, with their IR
        /// signatures.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RtFunc { $($(#[$doc])* $name,)* }
        impl RtFunc {
            pub const ALL: &'static [RtFunc] = &[$(RtFunc::$name,)*];
            pub fn name(self) -> &'static str {
                match self { $(RtFunc::$name => $text,)* }
            }
            pub fn from_name(s: &str) -> Option<RtFunc> {
                match s { $($text => Some(RtFunc::$name),)* _ => None }
            }
            pub fn params(self) -> &'static [Type] {
                match self { $(RtFunc::$name => &[$(Type::$p),*],)* }
            }
            pub fn results(self) -> &'static [Type] {
                match self { $(RtFunc::$name => &[$(Type::$r),*],)* }
            }
        }
    };
}

rtfuncs! {
    /// `a + b` for strings.
    StrConcat = "str_concat"(Str, Str) -> (Str),
    /// Three-way string comparison: -1, 0 or 1.
    StrCmp = "str_cmp"(Str, Str) -> (I64),
    /// `string(b)` for a `[]byte`.
    StrFromBytes = "str_from_bytes"(Slice) -> (Str),
    /// `[]byte(s)`.
    BytesFromStr = "bytes_from_str"(Str) -> (Slice),
    /// `string(r)` for an integer rune (invalid code points give "\uFFFD").
    StrFromRune = "str_from_rune"(I64) -> (Str),
    /// `make([]T, len, cap)` with the element size in bytes; panics with Go's
    /// `makeslice: len out of range` / `cap out of range`.
    MakeSlice = "make_slice"(I64, I64, I64) -> (Slice),
    /// Grows `s` for `n` more elements of the given size using Go's growth policy
    /// (including size-class rounding) and returns it with its length increased by
    /// `n`: `growslice(s, n, elem_size)`. Copies the old elements when it reallocates.
    GrowSlice = "grow_slice"(Slice, I64, I64) -> (Slice),
    /// `grow_slice` at the first `s = append(s, ...)` site of a slice that gc's escape
    /// analysis keeps in the frame: `grow_slice_buf(s, n, elem, state, k)`. `state`
    /// points to a frame cell of five words, zeroed at function entry: a `used` flag,
    /// then gc's 32-byte backing store. When `s` must grow, `len(s) == 0`, the new
    /// length is at most `k` (32 / element size) and the store is unused, the result is
    /// the zeroed store with capacity `k` (and the flag is set); otherwise `grow_slice`.
    GrowSliceBuf = "grow_slice_buf"(Slice, I64, I64, Ptr, I64) -> (Slice),
    /// gc's `growsliceBuf` (slice.go's `UseBuf` appends, whose capacity is observed):
    /// `grow_slice_buf_cap(s, n, elem, state, k)` with `state` the frame cell above.
    /// When `s` must grow and the new length is at most `k`, the elements move to the
    /// start of the 32-byte store and the capacity becomes the size class of the new
    /// length (rest of the class zeroed); otherwise `grow_slice`.
    GrowSliceBufCap = "grow_slice_buf_cap"(Slice, I64, I64, Ptr, I64) -> (Slice),
    /// slice.go's `move2heap(s)`: `move_to_heap(s, elem, state, keep_cap)`. When `s`
    /// points into the store of the frame cell `state`, copies it to the heap: with
    /// `keep_cap` != 0 the whole capacity (`moveSlice`), else the length, the capacity
    /// rounded to its size class (`moveSliceNoCap`); a zero capacity (length) gives an
    /// empty non-nil slice. Otherwise returns `s` unchanged.
    MoveToHeap = "move_to_heap"(Slice, I64, Ptr, I64) -> (Slice),
    /// `memmove(dst, src, bytes)`.
    Memmove = "memmove"(Ptr, Ptr, I64) -> (),
    /// Go's `==` on interfaces; panics on uncomparable dynamic types.
    IfaceEq = "iface_eq"(Iface, Iface) -> (Bool),
    /// Panics with Go's `interface conversion: ...` message for a failed assertion of
    /// `x` (whose static type is `error` when the flag is set) to the descriptor.
    PanicAssert = "panic_assert"(Iface, Ptr, Bool) -> (),
    /// Like `panic_assert`, for a value whose static type is the declared interface
    /// of the second descriptor.
    PanicAssertIface = "panic_assert_iface"(Iface, Ptr, Ptr) -> (),
    /// Panics with Go's `runtime.plainError` of the given text (the nil check of a
    /// `(*T).M` wrapper for a value method: `value method main.T.M called using nil *T
    /// pointer`).
    PanicWrap = "panic_wrap"(Str) -> (),
    /// The builtins `print` / `println` over boxed operands (a slice of `iface`).
    Print = "print"(Slice) -> (),
    Println = "println"(Slice) -> (),
    /// `fmt` over boxed operands; the printing ones return the byte count.
    FmtPrint = "fmt_print"(Slice) -> (I64),
    FmtPrintln = "fmt_println"(Slice) -> (I64),
    FmtPrintf = "fmt_printf"(Str, Slice) -> (I64),
    FmtSprint = "fmt_sprint"(Slice) -> (Str),
    FmtSprintln = "fmt_sprintln"(Slice) -> (Str),
    FmtSprintf = "fmt_sprintf"(Str, Slice) -> (Str),
    /// `fmt.Errorf`: an error value.
    FmtErrorf = "fmt_errorf"(Str, Slice) -> (Iface),
    /// `errors.New`.
    ErrorsNew = "errors_new"(Str) -> (Iface),
    /// `err.Error()` on a non-nil error (a nil one panics with a nil dereference).
    ErrorText = "error_text"(Iface) -> (Str),
    /// `os.Exit(code)`: flushes output and exits; runs no deferred calls.
    OsExit = "os_exit"(I64) -> (),
    /// `runtime.GC()`: a full collection now.
    Gc = "gc"() -> (),
    /// A defer record of the given size in bytes, from the runtime's free list.
    DeferAlloc = "defer_alloc"(I64) -> (Ptr),
    /// Returns a defer record to the free list.
    DeferFree = "defer_free"(Ptr) -> (),
    /// `make(map[K]V, hint)`: a new map of the map type descriptor (`typedesc`).
    MapMake = "map_make"(Ptr, I64) -> (Ptr),
    /// `m[k]`: `map_access(m, desc, &k)` is the address of the value of `k`, or of a
    /// zeroed static when absent (a nil map reads as empty). Panics only for an
    /// interface key whose dynamic type is unhashable (`hash of unhashable type`).
    MapAccess = "map_access"(Ptr, Ptr, Ptr) -> (Ptr),
    /// `v, ok := m[k]`: `map_access` and whether the key is present.
    MapAccess2 = "map_access2"(Ptr, Ptr, Ptr) -> (Ptr, Bool),
    /// `m[k] = v`: the address of the value slot of `k`, inserted zeroed if absent;
    /// the caller stores into it. Panics on a nil map (`assignment to entry in nil
    /// map`) and for an unhashable interface key.
    MapAssign = "map_assign"(Ptr, Ptr, Ptr) -> (Ptr),
    /// `delete(m, k)`; a nil map or an absent key is a no-op.
    MapDelete = "map_delete"(Ptr, Ptr, Ptr) -> (),
    /// `len(m)`; 0 for a nil map.
    MapLen = "map_len"(Ptr) -> (I64),
    /// `clear(m)`.
    MapClear = "map_clear"(Ptr) -> (),
    /// `for k, v := range m`: a new iterator over `m` (null for a nil map).
    MapIterInit = "map_iter_init"(Ptr) -> (Ptr),
    /// The next entry of an iterator: the addresses of its key and value, or a null
    /// key address when done. Entries deleted before they are reached are skipped;
    /// the order is randomised, as Go's is.
    MapIterNext = "map_iter_next"(Ptr) -> (Ptr, Ptr),
    /// `b.Loop()` on a `*testing.B` (Go 1.24+: the runtime manages `b.N` and the timer).
    BLoop = "b_loop"(Ptr) -> (Bool),
    /// `b.Run(name, f)`: runs `f` as a sub-benchmark through the bench driver.
    BRun = "b_run"(Ptr, Str, Func) -> (Bool),
    /// `b.ResetTimer()`, `b.StartTimer()`, `b.StopTimer()`, `b.ReportAllocs()`.
    BResetTimer = "b_reset_timer"(Ptr) -> (),
    BStartTimer = "b_start_timer"(Ptr) -> (),
    BStopTimer = "b_stop_timer"(Ptr) -> (),
    BReportAllocs = "b_report_allocs"(Ptr) -> (),
}

impl RtFunc {
    /// Whether the runtime function may start a panic (leave the panic flag set), so
    /// that a `panicking` test must follow the `rtcall`. Decided by what its
    /// implementation in `codegen::runtime` does; running out of memory is a fatal
    /// error that ends the process (`guest::fatal`), not a panic, and so is a bug
    /// caught by the runtime's `guard`. A function that runs guest code stays checked.
    pub fn may_panic(self) -> bool {
        match self {
            // Allocate (`alloc_bytes`) and copy or compare bytes; nothing can fail.
            RtFunc::StrConcat
            | RtFunc::StrCmp
            | RtFunc::StrFromBytes
            | RtFunc::BytesFromStr
            | RtFunc::StrFromRune => false,
            // `makeslice: len/cap out of range`, `growslice: len out of range` (the
            // buffered form falls back to `grow_slice`).
            RtFunc::MakeSlice
            | RtFunc::GrowSlice
            | RtFunc::GrowSliceBuf
            | RtFunc::GrowSliceBufCap => true,
            // Allocates and copies bytes.
            RtFunc::MoveToHeap => false,
            // Copies bytes the IR has already bounds-checked.
            RtFunc::Memmove => false,
            // `comparing uncomparable type ...`.
            RtFunc::IfaceEq => true,
            // Always panic.
            RtFunc::PanicAssert | RtFunc::PanicAssertIface | RtFunc::PanicWrap => true,
            // The builtins format their operands and write to stderr. They never call
            // methods on Go's side; the runtime may run an `Error` method while
            // converting an operand (`print::iface_val`), but discards any panic it
            // raises (`with_error_text`), so none is left propagating.
            RtFunc::Print | RtFunc::Println => false,
            // `fmt` calls `Error` and `String` methods, which run guest code. The
            // runtime discards their panics today, as Go's `fmt` catches them, but Go
            // re-panics in some cases (a panic while printing a panic), so these stay
            // checked.
            RtFunc::FmtPrint
            | RtFunc::FmtPrintln
            | RtFunc::FmtPrintf
            | RtFunc::FmtSprint
            | RtFunc::FmtSprintln
            | RtFunc::FmtSprintf
            | RtFunc::FmtErrorf => true,
            // Allocates the `*errors.errorString`.
            RtFunc::ErrorsNew => false,
            // A nil error panics (nil dereference); otherwise runs the `Error` method.
            RtFunc::ErrorText => true,
            // Ends the process; never returns.
            RtFunc::OsExit => false,
            // Collects; never panics.
            RtFunc::Gc => false,
            // The defer record free list (a fresh record allocates).
            RtFunc::DeferAlloc | RtFunc::DeferFree => false,
            // Allocate; `make` with a size hint never fails (a huge hint is a fatal
            // out-of-memory, as in Go).
            RtFunc::MapMake | RtFunc::MapLen | RtFunc::MapClear => false,
            // An unhashable interface key panics (`hash of unhashable type []int`);
            // `map_assign` also panics on a nil map.
            RtFunc::MapAccess | RtFunc::MapAccess2 | RtFunc::MapAssign | RtFunc::MapDelete => true,
            // Read the map's entries; the key lookups of an iterator whose map grew
            // hash keys that were hashable when inserted.
            RtFunc::MapIterInit | RtFunc::MapIterNext => false,
            // A nil `*testing.B` panics (nil dereference, `testing::host_b`); `b.Run`
            // also runs guest code, whose panic keeps propagating.
            RtFunc::BLoop
            | RtFunc::BRun
            | RtFunc::BResetTimer
            | RtFunc::BStartTimer
            | RtFunc::BStopTimer
            | RtFunc::BReportAllocs => true,
        }
    }
}

/// The immediate operand of an instruction.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Imm {
    #[default]
    None,
    Int(i64),
    Str(Vec<u8>),
    Func(FuncId),
    Global(GlobalId),
    GoType(GoTypeId),
    /// A struct field: the layout and the field index (`field_addr`).
    Field(StructId, u32),
    /// A field index of a struct value (`struct_get`, `struct_set`) or a capture index
    /// (`env_get`).
    Index(u32),
    Cond(IntCC),
    Bound(BoundKind),
    Rt(RtFunc),
    Defer(DeferId),
    /// The defer scope `run_defers` runs.
    Scope(ScopeId),
}

/// A branch target with its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BlockCall {
    pub block: Block,
    pub args: Vec<Value>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InstData {
    pub opcode: Opcode,
    /// The controlling type: the result type of most instructions, the type loaded or
    /// allocated, the operand type of `icmp`. `None` where the opcode has none.
    pub ty: Option<Type>,
    pub args: Vec<Value>,
    pub imm: Imm,
    /// Branch targets of `jump` (one) and `brif` (then, else).
    pub targets: Vec<BlockCall>,
}

impl InstData {
    pub fn new(opcode: Opcode) -> InstData {
        InstData {
            opcode,
            ty: None,
            args: Vec::new(),
            imm: Imm::None,
            targets: Vec::new(),
        }
    }
    pub fn ty(mut self, ty: Type) -> Self {
        self.ty = Some(ty);
        self
    }
    pub fn args(mut self, args: &[Value]) -> Self {
        self.args = args.to_vec();
        self
    }
    pub fn imm(mut self, imm: Imm) -> Self {
        self.imm = imm;
        self
    }
    pub fn targets(mut self, targets: Vec<BlockCall>) -> Self {
        self.targets = targets;
        self
    }

    /// Whether this instruction may start a panic, so that a `panicking` test follows
    /// it: `Opcode::may_panic`, narrowed for `rtcall` by `RtFunc::may_panic`.
    pub fn may_panic(&self) -> bool {
        match (self.opcode, &self.imm) {
            (Opcode::RtCall, Imm::Rt(f)) => f.may_panic(),
            (op, _) => op.may_panic(),
        }
    }
}
