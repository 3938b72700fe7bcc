//! The checked program: every name resolved, every expression typed, every implicit step
//! of Go made explicit. The checker produces it; `lower` translates it to SSA.
//!
//! What the checker has already done, so lowering never has to know Go's rules:
//! - untyped constants are folded and converted to their final type (`ExprKind::Const`
//!   never has an untyped type; `nil` has the type it is used as);
//! - implicit conversions are explicit: a concrete value assigned, passed, returned or
//!   compared to an interface is wrapped in `ToIface`; operands of a binary operator have
//!   the same type (shifts aside: the count may be any integer type);
//! - method calls name the method's `FuncId` and their receiver already has the receiver
//!   parameter's type (Go's automatic `&x` and `*p` are `AddrOf` / `Deref` nodes);
//! - `x op= y`, `x++` are `OpAssign`; `switch` cases are boolean conditions over a
//!   temporary holding the tag; `if`/`for`/`switch` init statements sit in an enclosing
//!   `Block`; declarations always name the local they create;
//! - a multi-value call passed straight on (`f(g())`, `return g()`,
//!   `fmt.Println(divmod(7, 3))`) is an `ExprKind::Call` of tuple type in the one argument
//!   position; lowering spreads it.
//!
//! Places (what can be assigned or have its address taken) are expressions of kind
//! `Local`, `Global`, `Deref`, `Field` of a place, and `Index` of a slice.

use crate::ast::{BinOp, Span};
use crate::types::{TypeId, TypeTable};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);
/// Identifies a loop or switch for `break` / `continue`, unique within a function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelId(pub u32);

#[derive(Clone, Debug)]
pub struct Program {
    pub types: TypeTable,
    pub globals: Vec<Global>,
    /// Every function: top-level functions, methods and function literals.
    pub funcs: Vec<Func>,
    /// Package-level variable initialisers, already in Go's dependency order.
    pub inits: Vec<GlobalInit>,
    /// The `func init()` functions in source order: they run after every package
    /// variable is initialised, before `main`.
    pub init_funcs: Vec<FuncId>,
    /// `func main` for programs; `None` for benchmark files.
    pub main: Option<FuncId>,
    /// `func BenchmarkXxx(b *testing.B)` in source order.
    pub benchmarks: Vec<FuncId>,
    /// The dispatch functions of calls through declared interfaces (bodiless here).
    pub dispatch: Vec<Dispatch>,
}

/// A method of a declared interface called through it: `func` (a method whose
/// receiver is the interface value) calls `method` of the dynamic type.
#[derive(Clone, Debug)]
pub struct Dispatch {
    pub func: FuncId,
    pub iface: TypeId,
    pub method: String,
}

#[derive(Clone, Debug)]
pub struct Global {
    pub name: String,
    pub ty: TypeId,
    pub span: Span,
}

/// `var a, b = f()` at package level: `targets[i]` is `None` for `_`.
#[derive(Clone, Debug)]
pub struct GlobalInit {
    pub targets: Vec<Option<GlobalId>>,
    pub values: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Func {
    /// The name Go's runtime uses: `main`, `fib`, `T.String`, `(*T).Inc`, `main.func1`
    /// (function literals are numbered in source order within their top-level function,
    /// nested ones as `main.func1.1`).
    pub name: String,
    /// The function's type; for a method the receiver is NOT part of it.
    pub ty: TypeId,
    /// Receiver (for methods) and parameters in order; `_` and unnamed parameters get a
    /// local too, named `_`.
    pub params: Vec<LocalId>,
    /// One local per result; unnamed results get locals named `~r0`, `~r1`, ...
    pub results: Vec<LocalId>,
    /// Whether the results are named (a bare `return` is allowed).
    pub named_results: bool,
    pub is_method: bool,
    pub locals: Vec<Local>,
    /// For a function literal: the enclosing function and the variables it captures.
    /// `captures[i]` is a local of `parent` (or one of `parent`'s own captures), seen
    /// inside this function as the local whose `kind` is `LocalKind::Capture(i)`.
    pub parent: Option<FuncId>,
    pub captures: Vec<LocalId>,
    pub body: Block,
    /// `//go:noinline`.
    pub noinline: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub ty: TypeId,
    pub kind: LocalKind,
    /// Captured by a function literal or has its address taken (`&x`, or a method with
    /// a pointer receiver called on it). Such a variable needs memory; every other local
    /// can live in SSA values.
    pub addressed: bool,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocalKind {
    Param,
    Result,
    Var,
    /// A variable of the enclosing function, reached through the closure.
    Capture(u32),
}

pub type Block = Vec<Stmt>;

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Expr(Expr),
    /// Declares fresh variables (a new memory cell each time it runs, for addressed
    /// ones) and initialises them: from `values` (one per local, or one tuple-valued
    /// call), or to zero when `values` is empty. Used for `var`, `:=` (for the names
    /// it declares; redeclared names are plain `Assign`ed) and hidden temporaries.
    Declare {
        locals: Vec<LocalId>,
        values: Vec<Expr>,
    },
    /// Tuple assignment: the places and values are all evaluated first, then assigned
    /// left to right. `None` stands for `_`. `values` has one value per place, or a
    /// single tuple-valued call (or comma-ok form).
    Assign {
        places: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    /// `place op= value`, the place evaluated once.
    OpAssign {
        place: Expr,
        op: BinOp,
        value: Expr,
    },
    Block(Block),
    If {
        cond: Expr,
        then: Block,
        els: Block,
    },
    /// Every `for` form. A condition-only or infinite loop has empty `post`. `loop_vars`
    /// are the variables declared by the init statement (Go 1.22: each iteration gets a
    /// fresh copy, made just before `post` runs; it matters only for addressed ones).
    For {
        label: LabelId,
        cond: Option<Expr>,
        post: Block,
        body: Block,
        loop_vars: Vec<LocalId>,
    },
    /// `for k, v := range x` over an integer `n` (k in 0..n) or a slice. `key` and
    /// `value` are fresh locals declared for each iteration when the header used `:=`;
    /// with `=` they are places assigned each iteration. The range expression is
    /// evaluated once, before the loop.
    Range {
        label: LabelId,
        kind: RangeKind,
        range: Expr,
        key: Option<RangeTarget>,
        value: Option<RangeTarget>,
        body: Block,
    },
    /// Cases are tried in order; each is a list of boolean conditions (any true picks
    /// it), evaluated lazily as Go does. `default_case` indexes into `cases` and runs if
    /// no other case matches (its `conds` are empty).
    Switch {
        label: LabelId,
        cases: Vec<SwitchCase>,
        default_case: Option<usize>,
    },
    /// `switch x := subject.(type)`: `subject` is an interface value (evaluated once).
    TypeSwitch {
        label: LabelId,
        subject: Expr,
        cases: Vec<TypeCase>,
        default_case: Option<usize>,
    },
    Break(LabelId),
    Continue(LabelId),
    /// `None`: a bare return (named results keep their current values). `Some(values)`:
    /// assign the results (one value per result, or one tuple-valued call), then return.
    Return(Option<Vec<Expr>>),
    /// `defer call`: the function value, receiver and arguments are evaluated now;
    /// `call` is an expression of kind `Call`, `MethodCall`, `Builtin` or `Lib`.
    Defer(Expr),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeKind {
    Int,
    Slice,
    /// Over a map's entries, in the runtime's (randomised) order.
    Map,
}

#[derive(Clone, Debug)]
pub enum RangeTarget {
    /// A fresh local per iteration (`:=`).
    Define(LocalId),
    /// An existing place (`=`).
    Assign(Expr),
}

#[derive(Clone, Debug)]
pub struct SwitchCase {
    pub conds: Vec<Expr>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeCase {
    /// `None` is the `nil` case.
    pub types: Vec<Option<TypeId>>,
    /// The clause's own `x` (typed as the case type when the case names exactly one
    /// type, else as the subject's interface type); declared on entry to the clause.
    pub bind: Option<LocalId>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: TypeId,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConstValue {
    /// An integer, already wrapped to the range of its type.
    Int(i128),
    /// A float constant: exact while untyped, rounded to its type's precision once
    /// typed (`check/float.rs`).
    Float(num_rational::BigRational),
    Bool(bool),
    Str(Vec<u8>),
    /// `nil` of a pointer, slice, func or interface type.
    Nil,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Len,
    Cap,
    /// `append(s, a, b)`; `AppendSpread` is `append(s, t...)` (t may be a string when s
    /// is a `[]byte`).
    Append,
    AppendSpread,
    /// `copy(dst, src)`; src may be a string when dst is a `[]byte`.
    Copy,
    /// `make([]T, len)` / `make([]T, len, cap)`; the slice type is the expression's type.
    /// For a map type, `make(map[K]V)` / `make(map[K]V, hint)`.
    Make,
    /// `new(T)`; the pointer type is the expression's type.
    New,
    Min,
    Max,
    /// The argument is already an `any`.
    Panic,
    Recover,
    Print,
    Println,
    /// `delete(m, k)`: the key is already of the map's key type.
    Delete,
    /// `clear(m)` of a map.
    Clear,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LibFunc {
    /// The fmt functions take their operands converted to `any`.
    FmtPrintln,
    FmtPrint,
    FmtPrintf,
    FmtSprintf,
    FmtSprint,
    FmtSprintln,
    FmtErrorf,
    ErrorsNew,
    OsExit,
    /// `runtime.GC()`: a full collection.
    RuntimeGC,
    /// `err.Error()` on an `error` value.
    ErrorMethod,
    /// `err.Error` as a value: a `func() string` bound to `err`, which is evaluated
    /// now (a nil `err` panics here, as Go's method value does).
    ErrorMethodValue,
    /// `b.N` is a field; these are the `*testing.B` methods.
    BLoop,
    BRun,
    BResetTimer,
    BStopTimer,
    BStartTimer,
    BReportAllocs,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Const(ConstValue),
    /// The zero value of the expression's type (for example an omitted struct field).
    Zero,
    Local(LocalId),
    Global(GlobalId),
    /// A top-level function used as a value (not called directly).
    FuncRef(FuncId),
    Unary(UnaryOp, Box<Expr>),
    /// Arithmetic, comparison (the result type is bool; operands share a type) and the
    /// short-circuit `&&` / `||`. Comparison operands may be strings, booleans, pointers,
    /// interfaces (compared as Go does: dynamic type and value), or a value against nil.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// A call of a top-level function (`callee` is `FuncRef`) or of a function value.
    /// Its type is the result type: a `Tuple` for several results, the empty tuple for
    /// none.
    Call {
        callee: Box<Expr>,
        args: Vec<Expr>,
    },
    /// A direct method call; `recv` has the receiver parameter's type.
    MethodCall {
        func: FuncId,
        recv: Box<Expr>,
        args: Vec<Expr>,
    },
    /// `x.M` as a value: the receiver is evaluated (and copied, for a value receiver)
    /// now.
    MethodValue {
        func: FuncId,
        recv: Box<Expr>,
    },
    /// A method expression `T.M` or `(*T).M`: a function whose first parameter is the
    /// receiver. `deref` is set for `(*T).M` where `M` has a value receiver (the
    /// function dereferences its pointer argument).
    MethodExpr {
        func: FuncId,
        deref: bool,
    },
    Builtin {
        builtin: Builtin,
        args: Vec<Expr>,
    },
    /// A library call. For the `fmt` functions the operands are boxed into a `[]any`,
    /// unless the last argument is a `Spread`.
    Lib {
        func: LibFunc,
        args: Vec<Expr>,
    },
    /// `xs...` as the last argument of a `fmt` call: the `[]any` slice itself is the
    /// operand list (evaluates to the slice).
    Spread(Box<Expr>),
    /// A struct field of `base` (a struct-typed value or place).
    Field {
        base: Box<Expr>,
        index: usize,
    },
    /// `*p`; panics on nil.
    Deref(Box<Expr>),
    /// `&place`, or `&T{...}` (the operand is then a `StructLit`).
    AddrOf(Box<Expr>),
    /// `s[i]` of a slice or a string (a string yields a `byte`); bounds-checked.
    Index {
        base: Box<Expr>,
        index: Box<Expr>,
    },
    /// `s[lo:hi:max]` of a slice or string; bounds-checked.
    SliceExpr {
        base: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// Integer to integer (wrapping), integer to string (a rune's UTF-8), string to
    /// `[]byte` and back, and conversions between types with identical underlying types
    /// (no-ops).
    Convert(Box<Expr>),
    /// A concrete value boxed into `any` or `error`; an interface operand (`error` to
    /// `any`) is converted without change of its dynamic type.
    ToIface(Box<Expr>),
    /// `x.(T)`: `comma_ok` gives a `(T, bool)` tuple and never panics.
    TypeAssert {
        x: Box<Expr>,
        target: TypeId,
        comma_ok: bool,
    },
    /// `m[k]` of a map (`k` already of the key type): the value, or its zero value if
    /// absent; with `comma_ok`, a `(V, bool)` tuple. Assignable (`m[k] = v`) but not
    /// addressable: `Assign`/`OpAssign` to it are map assignments.
    MapIndex {
        map: Box<Expr>,
        key: Box<Expr>,
        comma_ok: bool,
    },
    /// `map[K]V{k: v, ...}`: the pairs in source order.
    MapLit(Vec<(Expr, Expr)>),
    /// Every field in declaration order (omitted ones are `Zero`).
    StructLit(Vec<Expr>),
    SliceLit(Vec<Expr>),
    /// The extra arguments of a call of a variadic function `f(a, x, y)`, packed into a
    /// new slice of the expression's type (`[]T`); its span is the call's `(`, where gc
    /// names it `... argument`. No extra arguments pass a nil slice (`Const(Nil)`), and
    /// `f(a, s...)` passes `s` itself.
    VarArgs(Vec<Expr>),
    /// A function literal; its captures are read from the current function's scope.
    FuncLit(FuncId),
}
