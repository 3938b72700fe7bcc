//! `gogen SEED [--enable FEATURE]...`: prints the program a seed generates (what
//! `scripts/difftest.sh` runs), so a seed from a report can be looked at alone.

fn main() {
    let mut cfg = gogen::Config::default();
    let mut seed = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--enable" {
            let f = args.next().unwrap_or_default();
            if let Err(e) = cfg.enable(&f) {
                eprintln!("gogen: {e}");
                std::process::exit(2);
            }
        } else if let Ok(s) = a.parse::<u64>() {
            seed = Some(s);
        } else {
            eprintln!("usage: gogen SEED [--enable FEATURE]...");
            std::process::exit(2);
        }
    }
    let Some(seed) = seed else {
        eprintln!("usage: gogen SEED [--enable FEATURE]...");
        std::process::exit(2);
    };
    print!("{}", gogen::generate(seed, &cfg).source);
}
