//! Typed indices into the IR's arenas. IDs are never reused within a function, so two
//! dumps of the same function line up.

use cranelift_entity::entity_impl;

/// A basic block.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Block(u32);
entity_impl!(Block, "block");

/// An SSA value: an instruction result or a block parameter.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(u32);
entity_impl!(Value, "v");

/// An instruction.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Inst(u32);
entity_impl!(Inst, "inst");

/// A deferred call site of a function (see `DeferData`).
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeferId(u32);
entity_impl!(DeferId, "d");

/// A function of the module.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(u32);
entity_impl!(FuncId, "fn");

/// A package-level variable.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(u32);
entity_impl!(GlobalId, "g");

/// A struct layout.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StructId(u32);
entity_impl!(StructId, "s");

/// A Go type descriptor for the runtime.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoTypeId(u32);
entity_impl!(GoTypeId, "t");

/// A defer scope: the function's own (`scope0`), or one per inlined call site (see
/// `ScopeData`). Every deferred call belongs to one, and `run_defers` names the scope
/// whose pending deferred calls it runs.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ScopeId(u32);
entity_impl!(ScopeId, "scope");

impl ScopeId {
    /// The function's own scope, which every function has.
    pub const ROOT: ScopeId = ScopeId(0);
}

impl Default for ScopeId {
    fn default() -> ScopeId {
        ScopeId::ROOT
    }
}
