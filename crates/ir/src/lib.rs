//! The SSA intermediate representation shared by every pass.
//!
//! A `Module` holds `Function`s in SSA form with block parameters (as in Cranelift).
//! Entities live in arenas with typed indices (`cranelift-entity`). Defers are
//! first-class: each deferred call site is a `DeferData` entity of its function, pushed
//! by a `defer` instruction and run by `run_defers`, until the `defer_lower` pass picks
//! a strategy for each. Panics are explicit control flow: instructions that may panic
//! are followed by a `panicking` test and a branch to the function's panic path.
//!
//! `write` prints the textual form; `parse` reads it back; `verify` checks a function;
//! `typing` holds the result-type rules all three share; `dominance` holds the
//! control-flow analyses (`DomTree`) passes reuse; `edit` the editing operations they
//! share (use counts, replacing uses, removing block parameters and blocks); `cursor`
//! the one way lowering and passes insert instructions (`FuncCursor`); `callgraph` the
//! module's call graph with its components bottom-up (`CallGraph`); `clone` copies a
//! function's body into another with its entities remapped (`clone_body`); `panicflag`
//! where the panic flag is known clear (`flag_clear`) and which instructions may set it
//! given the module's `nopanic` functions; `remark` the structured remarks passes emit;
//! `gclayout` which words of a type's memory hold pointers, for the collector.

pub mod callgraph;
pub mod clone;
pub mod cursor;
pub mod dominance;
pub mod edit;
pub mod entities;
pub mod function;
pub mod gclayout;
pub mod inst;
pub mod module;
pub mod panicflag;
pub mod parse;
pub mod remark;
pub mod types;
pub mod typing;
pub mod verify;
pub mod write;

pub use cranelift_entity::{EntityRef, PrimaryMap, SecondaryMap};
pub use cursor::{CursorPosition, FuncCursor};
pub use entities::{Block, DeferId, FuncId, GlobalId, GoTypeId, Inst, ScopeId, StructId, Value};
pub use function::{
    DataFlowGraph, DeferCallee, DeferData, DeferStrategy, Function, InlinedAt, ScopeData,
    Signature, SrcLoc, ValueDef,
};
pub use inst::{BlockCall, BoundKind, Imm, InstData, IntCC, Opcode, RtFunc};
pub use module::{GlobalData, Module};
pub use remark::Remark;
pub use types::{GoKind, GoTypeDesc, StructData, Type};
