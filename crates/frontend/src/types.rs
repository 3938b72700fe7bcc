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
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuncType {
    pub params: Vec<TypeId>,
    pub results: Vec<TypeId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Basic(Basic),
    Pointer(TypeId),
    Slice(TypeId),
    Func(FuncType),
    Struct(Vec<Field>),
    /// `any` / `interface{}`.
    EmptyInterface,
    /// The predeclared `error` interface.
    Error,
    /// The results of a multi-value call.
    Tuple(Vec<TypeId>),
    /// A defined type: `type T U`. `underlying` is set once the declaration is checked.
    Named(NamedType),
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
    pub fn tuple(&mut self, elems: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Tuple(elems))
    }
    pub fn func(&mut self, params: Vec<TypeId>, results: Vec<TypeId>) -> TypeId {
        self.intern(TypeKind::Func(FuncType { params, results }))
    }

    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(
            self.under_kind(id),
            TypeKind::EmptyInterface | TypeKind::Error
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
            )
        )
    }
    pub fn is_unsigned(&self, id: TypeId) -> bool {
        matches!(
            self.basic_of(id),
            Some(Basic::Uint8 | Basic::Uint | Basic::Uint64)
        )
    }

    /// Go's spelling of a type, as `%T` and error messages print it (`[]int`, `*main.T`,
    /// `func(int) string`, `struct { a int }`).
    pub fn display(&self, id: TypeId) -> String {
        match self.kind(id) {
            TypeKind::Basic(b) => b.name().to_string(),
            TypeKind::Pointer(e) => format!("*{}", self.display(*e)),
            TypeKind::Slice(e) => format!("[]{}", self.display(*e)),
            TypeKind::Func(f) => {
                let ps: Vec<_> = f.params.iter().map(|&p| self.display(p)).collect();
                let mut s = format!("func({})", ps.join(", "));
                match f.results.len() {
                    0 => {}
                    1 => s += &format!(" {}", self.display(f.results[0])),
                    _ => {
                        let rs: Vec<_> = f.results.iter().map(|&r| self.display(r)).collect();
                        s += &format!(" ({})", rs.join(", "));
                    }
                }
                s
            }
            TypeKind::Struct(fields) => {
                if fields.is_empty() {
                    return "struct {}".to_string();
                }
                let fs: Vec<_> = fields
                    .iter()
                    .map(|f| format!("{} {}", f.name, self.display(f.ty)))
                    .collect();
                format!("struct {{ {} }}", fs.join("; "))
            }
            TypeKind::EmptyInterface => "interface {}".to_string(),
            TypeKind::Error => "error".to_string(),
            TypeKind::Tuple(ts) => {
                let ts: Vec<_> = ts.iter().map(|&t| self.display(t)).collect();
                format!("({})", ts.join(", "))
            }
            TypeKind::Named(n) => n.name.clone(),
        }
    }
}

const BASICS: [Basic; 14] = [
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
];
