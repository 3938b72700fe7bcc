//! The front end: source text to the SSA IR.
//!
//! `lexer` (logos, with Go's semicolon insertion) feeds `parser` (lalrpop), which builds
//! the `ast`. `check` resolves names, computes types and constants, rejects everything
//! outside the subset, and produces the typed, resolved `hir`. `lower` translates the HIR
//! into the `ir` crate's SSA form.

pub mod ast;
pub mod check;
pub mod diag;
pub mod lexer;
pub mod parser;

// The LR(1) parser generated from `grammar.lalrpop` by the build script.
lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_parens,
        unused_imports,
        dead_code
    )]
    grammar
);
pub mod hir;
pub mod lower;
pub mod types;
