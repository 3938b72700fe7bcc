//! Go types, interned in a `TypeTable` so that identity is a `TypeId` comparison.
//!
//! Structural types (pointers, slices, funcs, tuples, unnamed structs) are hash-consed:
//! asking twice for `[]int` gives the same id. Each named type (`type T struct{...}`) is
//! its own id, with its underlying type and its methods.

use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basic {
    Int,
    Int64,
    Int32,
    Uint8,
    Uint,
    Uint64,
    Bool,
    String,
    UntypedInt,
    UntypedRune,
    UntypedBool,
    UntypedString,
    UntypedNil,
    /// The type of an expression that already produced an error; it is compatible with
    /// everything so that one mistake gives one message.
    Invalid,
    Int8,
    Int16,
    Uint16,
    Uint32,
    Uintptr,
    Float32,
    Float64,
    UntypedFloat,
}

impl Basic {
    pub fn name(self) -> &'static str {
        match self {
            Basic::Int => "int",
            Basic::Int64 => "int64",
            Basic::Int32 => "int32",
            Basic::Uint8 => "uint8",
            Basic::Uint => "uint",
            Basic::Uint64 => "uint64",
            Basic::Bool => "bool",
            Basic::String => "string",
            Basic::UntypedInt => "untyped int",
            Basic::UntypedRune => "untyped rune",
            Basic::UntypedBool => "untyped bool",
            Basic::UntypedString => "untyped string",
            Basic::UntypedNil => "untyped nil",
            Basic::Invalid => "invalid type",
            Basic::Int8 => "int8",
            Basic::Int16 => "int16",
            Basic::Uint16 => "uint16",
            Basic::Uint32 => "uint32",
            Basic::Uintptr => "uintptr",
            Basic::Float32 => "float32",
            Basic::Float64 => "float64",
            Basic::UntypedFloat => "untyped float",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    /// An embedded field (`struct { A; *C }`): `name` is the type's name.
    pub embedded: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncType {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
    /// `func(xs ...T)`: the last parameter's type is `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(Basic),
    Pointer(TypeId),
    Slice(TypeId),
    /// `map[K]V`: key and value types.
    Map(TypeId, TypeId),
    Func(FuncType),
    Struct(Vec<Field>),
    /// `any` / `interface{}`.
    EmptyInterface,
    /// The predeclared `error` interface.
    Error,
    /// A declared interface with methods (`interface { Close() error }`), embedded
    /// interfaces flattened in; the methods sorted by name, as Go's method sets are.
    Interface(Vec<IfaceMethod>),
    /// The results of a multi-value call.
    Tuple(Vec<TypeId>),
    /// `[N]T`.
    Array(TypeId, u64),
    /// A defined type: `type T U`. `underlying` is set once the declaration is checked.
    Named(NamedType),
}

/// A method of an interface: its name and its `Func` type (without receiver).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IfaceMethod {
    pub name: String,
    pub ty: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NamedType {
    /// The qualified name Go prints with `%T`: `main.T`, `testing.B`.
    pub name: String,
    pub underlying: TypeId,
    /// Methods declared on `T` and `*T`, in declaration order.
    pub methods: Vec<Method>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Method {
    pub name: String,
    pub func: crate::hir::FuncId,
    /// Declared with a pointer receiver `func (t *T) m()`.
    pub pointer_recv: bool,
}

#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    kinds: Vec<TypeKind>,
    interned: HashMap<TypeKind, TypeId>,
}

impl TypeTable {
    /// A table holding the basic types at the ids of `TypeTable::basic`.
    pub fn new() -> TypeTable {
        let mut t = TypeTable::default();
        for b in BASICS {
            t.intern(TypeKind::Basic(b));
        }
        t.intern(TypeKind::EmptyInterface);
        t.intern(TypeKind::Error);
        t
    }

    pub fn basic(b: Basic) -> TypeId {
        TypeId(BASICS.iter().position(|&x| x == b).unwrap() as u32)
    }
    pub fn any() -> TypeId {
        TypeId(BASICS.len() as u32)
    }
    pub fn error() -> TypeId {
        TypeId(BASICS.len() as u32 + 1)
    }

    /// The id of a structural type, creating it on first use.
    pub fn intern(&mut self, kind: TypeKind) -> TypeId {
        debug_assert!(!matches!(kind, TypeKind::Named(_)), "use new_named");
        if let Some(&id) = self.interned.get(&kind) {
            return id;
        }
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(kind.clone());
        self.interned.insert(kind, id);
        id
    }

    /// A fresh named type; its underlying type is filled in later with `set_underlying`.
    pub fn new_named(&mut self, name: String) -> TypeId {
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(TypeKind::Named(NamedType {
            name,
            underlying: TypeTable::basic(Basic::Invalid),
            methods: Vec::new(),
        }));
        id
    }

    pub fn named_mut(&mut self, id: TypeId) -> &mut NamedType {
        match &mut self.kinds[id.0 as usize] {
            TypeKind::Named(n) => n,
            _ => panic!("not a named type"),
        }
    }

    pub fn kind(&self, id: TypeId) -> &TypeKind {
        &self.kinds[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Follows named types to the underlying type's kind.
    pub fn under(&self, mut id: TypeId) -> TypeId {
        while let TypeKind::Named(n) = self.kind(id) {
            id = n.underlying;
        }
        id
    }
    pub fn under_kind(&self, id: TypeId) -> &TypeKind {
        self.kind(self.under(id))
    }

    pub fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Pointer(elem))
    }
    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(TypeKind::Slice(elem))
    }
    pub fn array(&mut self, elem: TypeId, len: u64) -> TypeId {
        self.intern(TypeKind::Array(elem, len))
    }
    pub fn map(&mut self, key: TypeId, value: TypeId) -> TypeId {
        self.intern(TypeKind::Map(key, value))
    }
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Tuple(elems))
    }
    /// The id of a structural type if some part of the program made it.
    pub fn find(&self, kind: &TypeKind) -> Option<TypeId> {
        self.interned.get(kind).copied()
    }
    /// The empty tuple (the type of a call with no results), if it was interned.
    pub fn no_value(&self) -> Option<TypeId> {
        self.interned.get(&TypeKind::Tuple(Vec::new())).copied()
    }
    pub fn func(&mut self, params: Vec<TypeId>, results: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Func(FuncType {
            params,
            results,
            variadic: false,
        }))
    }
    /// `func(a, xs ...T)`: `params` ends with `[]T`.
    pub fn func_variadic(&mut self, params: Vec<TypeId>, results: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Func(FuncType {
            params,
            results,
            variadic: true,
        }))
    }

    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(
            self.under_kind(id),
            TypeKind::EmptyInterface | TypeKind::Error | TypeKind::Interface(_)
        )
    }
    pub fn basic_of(&self, id: TypeId) -> Option<Basic> {
        match self.under_kind(id) {
            TypeKind::Basic(b) => Some(*b),
            _ => None,
        }
    }
    pub fn is_integer(&self, id: TypeId) -> bool {
        matches!(
            self.basic_of(id),
            Some(
                Basic::Int
                    | Basic::Int64
                    | Basic::Int32
                    | Basic::Uint8
                    | Basic::Uint
                    | Basic::Uint64
                    | Basic::UntypedInt
                    | Basic::UntypedRune
                    | Basic::Int8
                    | Basic::Int16
                    | Basic::Uint16
                    | Basic::Uint32
                    | Basic::Uintptr
            )
        )
    }
    pub fn is_float(&self, id: TypeId) -> bool {
        matches!(
            self.basic_of(id),
            Some(Basic::Float32 | Basic::Float64 | Basic::UntypedFloat)
        )
    }
    /// Integers and floats: the operands of `+ - * /`, ordering and unary minus.
    pub fn is_numeric(&self, id: TypeId) -> bool {
        self.is_integer(id) || self.is_float(id)
    }
    pub fn is_unsigned(&self, id: TypeId) -> bool {
        matches!(
            self.basic_of(id),
            Some(
                Basic::Uint8
                    | Basic::Uint
                    | Basic::Uint64
                    | Basic::Uint16
                    | Basic::Uint32
                    | Basic::Uintptr
            )
        )
    }

    /// Go's spelling of a type, as `%T` and error messages print it (`[]int`, `*main.T`,
    /// `func(int) string`, `struct { a int }`).
    pub fn display(&self, id: TypeId) -> String {
        self.display_spelled(id, &Spelling::REFLECT)
    }

    /// The type as gc's error messages spell it, with the given names for the aliases.
    pub fn display_spelled(&self, id: TypeId, sp: &Spelling) -> String {
        let d = |t: TypeId| self.display_spelled(t, sp);
        match self.kind(id) {
            TypeKind::Basic(Basic::Uint8) => sp.uint8.to_string(),
            TypeKind::Basic(Basic::Int32) => sp.int32.to_string(),
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Pointer(e) => format!("*{}", d(*e)),
            TypeKind::Slice(e) => format!("[]{}", d(*e)),
            TypeKind::Array(e, n) => format!("[{n}]{}", d(*e)),
            TypeKind::Map(k, v) => format!("map[{}]{}", d(*k), d(*v)),
            TypeKind::Func(f) => {
                let mut ps: Vec<_> = f.params.iter().map(|&p| d(p)).collect();
                if let (true, Some(last)) = (f.variadic, ps.last_mut()) {
                    *last = format!("...{}", last.strip_prefix("[]").unwrap_or(last));
                }
                let mut s = format!("func({})", ps.join(", "));
                match f.results.len() {
                    0 => {}
                    1 => s += &format!(" {}", d(f.results[0])),
                    _ => {
                        let rs: Vec<_> = f.results.iter().map(|&r| d(r)).collect();
                        s += &format!(" ({})", rs.join(", "));
                    }
                }
                s
            }
            TypeKind::Struct(fields) => {
                if fields.is_empty() {
                    return format!("struct{}{{}}", sp.struct_space);
                }
                let fs: Vec<_> = fields
                    .iter()
                    .map(|f| format!("{} {}", f.name, d(f.ty)))
                    .collect();
                format!("struct{}{{{}}}", sp.struct_space, {
                    let inner = fs.join("; ");
                    if sp.struct_space.is_empty() {
                        inner
                    } else {
                        format!(" {inner} ")
                    }
                })
            }
            TypeKind::EmptyInterface => sp.any.to_string(),
            TypeKind::Error => "error".to_string(),
            TypeKind::Interface(ms) => {
                let ms: Vec<_> = ms
                    .iter()
                    .map(|m| {
                        let f = d(m.ty);
                        format!("{}{}", m.name, f.strip_prefix("func").unwrap_or(&f))
                    })
                    .collect();
                if sp.struct_space.is_empty() {
                    format!("interface{{{}}}", ms.join("; "))
                } else {
                    format!("interface {{ {} }}", ms.join("; "))
                }
            }
            TypeKind::Tuple(ts) => {
                let ts: Vec<_> = ts.iter().map(|&t| d(t)).collect();
                format!("({})", ts.join(", "))
            }
            TypeKind::Named(n) => n.name.clone(),
        }
    }
}

/// How to spell the types that have two names. Go's runtime (`%T`, `reflect`) always
/// says `uint8`, `int32`, `interface {}` and `struct { X int }`; gc's messages say
/// `byte`, `rune` and `any` when the source said so, and `interface{}`,
/// `struct{X int}` without spaces. The checker does not track which alias each type
/// came from, so it picks one spelling per program (see `Spelling::for_source`).
#[derive(Clone, Debug)]
pub struct Spelling {
    pub uint8: &'static str,
    pub int32: &'static str,
    pub any: &'static str,
    pub struct_space: &'static str,
}

impl Spelling {
    pub const REFLECT: Spelling = Spelling {
        uint8: "uint8",
        int32: "int32",
        any: "interface {}",
        struct_space: " ",
    };

    /// gc's likely spelling for a program: `byte` if the source names `byte` but never
    /// `uint8`; `rune` unless it names `int32` but not `rune` (an untyped rune
    /// constant defaults to `rune`); `any` if it names `any`, else `interface{}`.
    pub fn for_source(src: &str) -> Spelling {
        let mut words = std::collections::HashSet::new();
        for w in src.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if matches!(w, "byte" | "uint8" | "rune" | "int32" | "any") {
                words.insert(w);
            }
        }
        let has = |w: &str| words.contains(w);
        Spelling {
            uint8: if has("byte") && !has("uint8") {
                "byte"
            } else {
                "uint8"
            },
            int32: if has("int32") && !has("rune") {
                "int32"
            } else {
                "rune"
            },
            any: if has("any") { "any" } else { "interface{}" },
            struct_space: "",
        }
    }
}

const BASICS: [Basic; 22] = [
    Basic::Int,
    Basic::Int64,
    Basic::Int32,
    Basic::Uint8,
    Basic::Uint,
    Basic::Uint64,
    Basic::Bool,
    Basic::String,
    Basic::UntypedInt,
    Basic::UntypedRune,
    Basic::UntypedBool,
    Basic::UntypedString,
    Basic::UntypedNil,
    Basic::Invalid,
    Basic::Int8,
    Basic::Int16,
    Basic::Uint16,
    Basic::Uint32,
    Basic::Uintptr,
    Basic::Float32,
    Basic::Float64,
    Basic::UntypedFloat,
];
