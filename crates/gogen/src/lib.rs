//! gogen: a seeded generator of random Go programs inside deferlab's subset
//! (`shared/LANGUAGE.md`), for differential testing against real Go.
//!
//! Every program is valid Go that real Go and deferlab both accept, terminates (loops
//! count to small constants, the one recursive shape counts down from a small
//! argument, functions call only functions generated before them), and prints what it
//! computes, so a miscompile shows in stdout, stderr or the exit status. The programs
//! lean on what deferlab's passes transform: defers in every position, `recover` at every
//! depth, panics during panics, runtime errors, small deferring functions called in
//! loops, closures that do and do not escape, many defers and many returns in one
//! function.
//!
//! A seed reproduces a program exactly: the only randomness is a PCG stream (`rng.rs`)
//! that the generator reduces to ranges itself, and the output depends on nothing else
//! but the [`Config`]. Two rules keep the programs deterministic under Go's unspecified
//! evaluation order: a call is always the whole right-hand side of a statement (never
//! an operand beside another operand), and arguments are call-free.
//!
//! `reduce.rs` is the line-based delta debugger the runner uses on a mismatch; it knows
//! Go's braces, nothing else.

mod func;
mod reduce;
mod rng;
mod stmt;

pub use reduce::reduce;
pub use rng::Rng;

use std::collections::BTreeMap;

/// Knobs that change which shapes the generator may produce. A shape whose weight is 0
/// is never produced; turning one on changes the programs of every seed.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// `defer func() { defer recover() }()` while a panic is running (Go stops the
    /// panic). Off by default until deferlab handles it (the defer-scopes work).
    pub nested_defer_recover: bool,
}

impl Config {
    /// Turns on an optional shape by its feature name (`nested_defer_recover`).
    pub fn enable(&mut self, name: &str) -> Result<(), String> {
        match name.replace('-', "_").as_str() {
            "nested_defer_recover" => self.nested_defer_recover = true,
            _ => {
                return Err(format!(
                    "unknown optional feature {name:?} (known: nested_defer_recover)"
                ))
            }
        }
        Ok(())
    }
}

/// One generated program with the features it exercises (how many times each occurs
/// in the source; see [`FEATURES`]).
pub struct Program {
    pub seed: u64,
    pub source: String,
    pub features: BTreeMap<&'static str, u64>,
}

/// The features the generator counts, with what each means, in report order.
pub const FEATURES: &[(&str, &str)] = &[
    (
        "defer_straight",
        "defer in straight-line code of a function body",
    ),
    ("defer_cond", "defer inside if/switch"),
    ("defer_loop", "defer inside a loop"),
    (
        "defer_in_closure",
        "defer inside a called (not deferred) closure",
    ),
    ("defer_in_deferred", "defer inside a deferred closure"),
    (
        "defer_args",
        "deferred call whose arguments are evaluated at the defer",
    ),
    (
        "defer_method",
        "deferred method call (receiver evaluated at the defer)",
    ),
    ("defer_func_call", "deferred call of a generated function"),
    ("defer_builtin_print", "defer print/println"),
    ("defer_panic", "defer panic(v)"),
    ("defer_nil_func", "defer of a nil func value"),
    ("named_result_read", "deferred closure reads a named result"),
    (
        "named_result_write",
        "deferred closure writes a named result",
    ),
    ("recover_direct", "recover() in a directly deferred closure"),
    (
        "recover_helper",
        "recover() in a helper called by a deferred closure (nil)",
    ),
    (
        "recover_not_deferred",
        "recover() called outside any deferred call (nil)",
    ),
    ("defer_recover", "defer recover() (recovers nothing)"),
    (
        "nested_defer_recover",
        "defer func() { defer recover() }() (optional)",
    ),
    ("repanic", "a recovered value panicked again"),
    ("panic_in_defer", "panic raised by a deferred call"),
    ("panic_value", "panic(v) with a string, int, bool or error"),
    (
        "rt_div_zero",
        "integer division or modulo that may divide by zero",
    ),
    ("rt_index", "slice/string index that may be out of range"),
    (
        "rt_slice",
        "slice expression whose bounds may be out of range",
    ),
    (
        "rt_nil_deref",
        "field access through a pointer that may be nil",
    ),
    ("rt_type_assert", "type assertion that may fail"),
    ("uncaught_panic", "program ends with an uncaught panic"),
    ("os_exit", "program ends with os.Exit (defers do not run)"),
    ("small_defer_func", "small function with a defer"),
    ("call_in_loop", "call of a generated function inside a loop"),
    (
        "call_in_defer",
        "generated function called from a deferred closure",
    ),
    ("closure_local", "closure that does not escape"),
    (
        "closure_escaping",
        "closure that escapes (stored in a global, returned)",
    ),
    (
        "closure_loopvar",
        "closure capturing a per-iteration loop variable",
    ),
    ("many_defers", "function with 9 or more defers"),
    ("many_returns", "function with 4 or more return statements"),
    ("recursion", "bounded recursion with defers"),
    ("labeled_jump", "labeled break/continue"),
    ("type_switch", "type switch over an any value"),
    ("switch", "expression switch"),
];

/// Generates the program for `seed`.
pub fn generate(seed: u64, cfg: &Config) -> Program {
    let mut g = func::Gen::new(seed, cfg.clone());
    let source = g.program();
    Program {
        seed,
        source,
        features: g.features,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seed_reproduces_its_program() {
        let cfg = Config::default();
        for seed in 0..20 {
            assert_eq!(generate(seed, &cfg).source, generate(seed, &cfg).source);
        }
        assert_ne!(generate(1, &cfg).source, generate(2, &cfg).source);
    }

    #[test]
    fn the_optional_shape_stays_off_by_default() {
        let cfg = Config::default();
        for seed in 0..200 {
            let p = generate(seed, &cfg);
            assert!(!p.features.contains_key("nested_defer_recover"));
        }
        let mut on = Config::default();
        on.enable("nested_defer_recover").unwrap();
        let n: u64 = (0..200)
            .map(|s| {
                generate(s, &on)
                    .features
                    .get("nested_defer_recover")
                    .copied()
                    .unwrap_or(0)
            })
            .sum();
        assert!(n > 0);
    }

    #[test]
    fn every_counted_feature_is_listed() {
        let cfg = Config::default();
        for seed in 0..100 {
            for k in generate(seed, &cfg).features.keys() {
                assert!(FEATURES.iter().any(|(n, _)| n == k), "unlisted feature {k}");
            }
        }
    }
}
