//! The abstract syntax tree: what the parser produces and the checker consumes.
//!
//! The tree is syntactic: it keeps every construct Go's grammar allows (maps, channels,
//! goroutines, arrays, ...) so that the checker, not the parser, rejects what lies outside
//! the subset with a precise "X is not supported" message. Names are not resolved and no
//! types are known here.
//!
//! Types and expressions share one syntax in Go (`[]byte(s)`, `make([]int, n)`, `*T`), so
//! type literals may appear as expressions (`ExprKind::Type`) and a plain name may turn
//! out to denote a type; the checker sorts that out.

/// A byte range `lo..hi` in the source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub fn new(lo: usize, hi: usize) -> Span {
        Span {
            lo: lo as u32,
            hi: hi as u32,
        }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct File {
    pub package: Ident,
    pub imports: Vec<Import>,
    pub decls: Vec<Decl>,
}

#[derive(Clone, Debug)]
pub struct Import {
    /// `import f "fmt"`: the local name; `None` for the plain form.
    pub alias: Option<Ident>,
    /// The unquoted import path.
    pub path: String,
    pub span: Span,
}

// Declarations are few per file; boxing the function variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Decl {
    Func(FuncDecl),
    /// A `var` declaration: one spec, or a parenthesised group.
    Var(Vec<VarSpec>),
    /// A `const` declaration; see `ConstSpec` for implicit repetition.
    Const(Vec<ConstSpec>),
    Type(Vec<TypeSpec>),
}

#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub name: Ident,
    /// The receiver of a method.
    pub recv: Option<Param>,
    /// Type parameters (`func F[T any]()`): outside the subset, kept for the error.
    pub type_params: Vec<Param>,
    pub sig: FuncSig,
    /// `None` for a declaration without body (outside the subset).
    pub body: Option<Block>,
    /// `//go:` directives on the lines right before `func`, without the `//`
    /// (for example `go:noinline`).
    pub pragmas: Vec<String>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FuncSig {
    pub params: Vec<Param>,
    /// Results; unnamed results have `name: None`.
    pub results: Vec<Param>,
    pub span: Span,
}

/// One parameter or result. `a, b int` becomes two `Param`s sharing the type.
#[derive(Clone, Debug)]
pub struct Param {
    pub name: Option<Ident>,
    pub ty: TypeExpr,
    /// `...T` (only the last parameter).
    pub variadic: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct VarSpec {
    pub names: Vec<Ident>,
    pub ty: Option<TypeExpr>,
    pub values: Vec<Expr>,
    pub span: Span,
}

/// A const spec. Inside a group, a spec with no type and no values repeats the previous
/// spec's type and expressions (Go's implicit repetition); the parser leaves `values`
/// empty and the checker does the repetition. `iota` is the spec's index in its group.
#[derive(Clone, Debug)]
pub struct ConstSpec {
    pub names: Vec<Ident>,
    pub ty: Option<TypeExpr>,
    pub values: Vec<Expr>,
    pub iota: u32,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub name: Ident,
    pub type_params: Vec<Param>,
    /// `type A = B`.
    pub alias: bool,
    pub ty: TypeExpr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeExpr {
    pub kind: TypeExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum TypeExprKind {
    /// `int`, `T`.
    Name(Ident),
    /// `pkg.T` (for example `testing.B`).
    Qualified(Ident, Ident),
    Pointer(Box<TypeExpr>),
    Slice(Box<TypeExpr>),
    /// `[N]T` or `[...]T` (`len: None`): outside the subset.
    Array(Option<Box<Expr>>, Box<TypeExpr>),
    /// Outside the subset.
    Map(Box<TypeExpr>, Box<TypeExpr>),
    /// Outside the subset.
    Chan(Box<TypeExpr>),
    Func(FuncSig),
    Struct(Vec<FieldDecl>),
    /// `interface{ ... }`: methods and embedded types (a union or `~T` element is an
    /// `Embed` whose span's text shows it).
    Interface(Vec<InterfaceElem>),
    /// A generic instantiation `T[int]`: outside the subset.
    Generic(Box<TypeExpr>, Vec<TypeExpr>),
}

#[derive(Clone, Debug)]
pub struct InterfaceElem {
    pub kind: InterfaceElemKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum InterfaceElemKind {
    /// `Close() error`.
    Method(Ident, FuncSig),
    /// An embedded interface `error`, `io.Closer`, or a type constraint term.
    Embed(TypeExpr),
}

#[derive(Clone, Debug)]
pub struct FieldDecl {
    /// Empty for an embedded field (outside the subset).
    pub names: Vec<Ident>,
    pub ty: TypeExpr,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// From `{` to `}` inclusive.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    /// Plain `=`.
    Assign,
    /// `+=` and friends.
    Op(BinOp),
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Expr(Expr),
    Var(Vec<VarSpec>),
    Const(Vec<ConstSpec>),
    Type(Vec<TypeSpec>),
    /// `a, b := x, y`
    Define {
        lhs: Vec<Ident>,
        rhs: Vec<Expr>,
    },
    /// `a, b = x, y` or `a += x`.
    Assign {
        lhs: Vec<Expr>,
        op: AssignOp,
        rhs: Vec<Expr>,
    },
    IncDec {
        target: Expr,
        inc: bool,
    },
    Block(Block),
    If {
        init: Option<Box<Stmt>>,
        cond: Expr,
        then: Block,
        /// Either another `If` statement or a `Block`.
        els: Option<Box<Stmt>>,
    },
    /// Three-clause, condition-only and infinite loops.
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for k, v := range x`, `for k = range x`, `for range x`.
    ForRange {
        key: Option<Expr>,
        value: Option<Expr>,
        /// `:=` rather than `=`.
        define: bool,
        range: Expr,
        body: Block,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        cases: Vec<CaseClause>,
    },
    /// `switch x := v.(type)`; `bind` is `x`.
    TypeSwitch {
        init: Option<Box<Stmt>>,
        bind: Option<Ident>,
        subject: Expr,
        cases: Vec<CaseClause>,
    },
    Labeled {
        label: Ident,
        stmt: Box<Stmt>,
    },
    Break(Option<Ident>),
    Continue(Option<Ident>),
    Return(Vec<Expr>),
    Defer(Expr),
    /// Outside the subset.
    Go(Expr),
    /// Outside the subset.
    Goto(Ident),
    /// Outside the subset.
    Fallthrough,
    /// Outside the subset (the clauses are not kept).
    Select,
    /// `ch <- v`: outside the subset.
    Send(Expr, Expr),
}

/// A `case` or `default` clause of an expression or type switch. In a type switch the
/// expressions denote types (or `nil`).
#[derive(Clone, Debug)]
pub struct CaseClause {
    /// Empty for `default`.
    pub exprs: Vec<Expr>,
    pub is_default: bool,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LogAnd,
    LogOr,
}

impl BinOp {
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Rem => "%",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
            BinOp::AndNot => "&^",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::LogAnd => "&&",
            BinOp::LogOr => "||",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `+x`
    Plus,
    /// `!x`
    Not,
    /// `^x`
    BitNot,
    /// `&x`
    Addr,
    /// `*x` (a dereference, or a pointer type when `x` denotes a type)
    Deref,
    /// `<-x`: outside the subset.
    Recv,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Any name, including predeclared ones (`true`, `nil`, `int`, `len`, `iota`).
    Ident(String),
    /// An integer literal as written (`0x_FF`, `1_000`, `0o17`, `017`, `0b101`); the
    /// checker evaluates it.
    Int(String),
    /// A floating-point or imaginary literal as written: outside the subset.
    Float(String),
    /// A rune literal `'a'`, already decoded to its code point.
    Rune(u32),
    /// An interpreted or raw string literal, already decoded to bytes.
    Str(Vec<u8>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnOp, Box<Expr>),
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        /// `f(a, b...)`.
        ellipsis: bool,
    },
    /// `x.name`, including `pkg.Name`.
    Selector(Box<Expr>, Ident),
    /// `x[i]`; `x[i, j]` (generic instantiation) is kept as several indices.
    Index(Box<Expr>, Vec<Expr>),
    /// `x[lo:hi]` or `x[lo:hi:max]`.
    Slice {
        x: Box<Expr>,
        lo: Option<Box<Expr>>,
        hi: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    /// `x.(T)`; `ty: None` for `x.(type)` in a type switch header.
    TypeAssert(Box<Expr>, Option<TypeExpr>),
    /// `T{...}`; `ty: None` for an elided type inside another literal (`[]T{{1, 2}}`).
    Composite {
        ty: Option<TypeExpr>,
        elems: Vec<Element>,
        /// The span of the closing brace, for "missing ... in composite literal" errors.
        rbrace: Span,
    },
    FuncLit {
        sig: FuncSig,
        body: Block,
    },
    Paren(Box<Expr>),
    /// A type literal in expression position: `[]byte(s)`, `make([]int, n)`,
    /// `func(int) int(f)`, `map[string]int{}`.
    Type(TypeExpr),
}

#[derive(Clone, Debug)]
pub struct Element {
    /// `key: value`; for struct literals the key is an `Ident` expression.
    pub key: Option<Expr>,
    pub value: Expr,
    pub span: Span,
}
