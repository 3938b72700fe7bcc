//! Measures what the explicit panic checks cost on a call-heavy program: compiles
//! recursive fib as usual, and again with every `panicking` test replaced by the
//! constant false (so the branches to the panic path fold away in Cranelift), and
//! times both runs in the same process, alternating.
//!
//!     cargo run --release -p testsuite --example panic_check_cost [N]

use ir::{Imm, InstData, Opcode, Type};
use std::time::{Duration, Instant};

const SRC: &str = r#"package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	fmt.Println(fib(N))
}
"#;

fn without_panic_checks(m: &mut ir::Module) {
    for (_, f) in m.funcs.iter_mut() {
        for &b in &f.layout.blocks {
            for &i in &f.layout.insts[b] {
                if f.dfg.insts[i].opcode == Opcode::Panicking {
                    f.dfg.insts[i] = InstData::new(Opcode::Iconst)
                        .ty(Type::Bool)
                        .imm(Imm::Int(0));
                }
            }
        }
    }
}

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(35);
    let src = SRC.replace("fib(N)", &format!("fib({n})"));
    let cfg = deferlab::Config::default();
    let with = deferlab::compile("fib.go", &src, deferlab::Mode::Run, &cfg)
        .expect("compiles")
        .module;
    let mut without = with.clone();
    without_panic_checks(&mut without);
    let opts = codegen::Options {
        verify: false,
        opt: true,
    };
    let progs = [
        (
            "with checks",
            codegen::compile(&with, &opts).expect("codegen"),
        ),
        (
            "without",
            codegen::compile(&without, &opts).expect("codegen"),
        ),
    ];
    let mut best = [Duration::MAX; 2];
    for _ in 0..5 {
        for (k, (_, p)) in progs.iter().enumerate() {
            let t = Instant::now();
            let out = p.run_main_captured();
            best[k] = best[k].min(t.elapsed());
            assert_eq!(out.status, 0);
        }
    }
    for (k, (name, _)) in progs.iter().enumerate() {
        println!(
            "{name:<12} fib({n}) best of 5: {:8.2} ms",
            best[k].as_secs_f64() * 1e3
        );
    }
    println!(
        "panic checks cost: {:+.1}%",
        (best[0].as_secs_f64() / best[1].as_secs_f64() - 1.0) * 100.0
    );
}
