//! Generates the parser from `src/grammar.lalrpop` into `OUT_DIR`, keeping the generated
//! file out of the source tree.

fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .emit_rerun_directives(true)
        .process()
        .expect("lalrpop failed to generate the parser");
}
