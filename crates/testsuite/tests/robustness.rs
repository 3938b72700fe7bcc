//! No input makes the compiler panic or hang: every sample program, truncated at many
//! points and with single tokens deleted or adjacent tokens swapped, goes through the
//! whole front end and pass pipeline and ends in an error or success.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// Byte offsets where tokens start, roughly: after each run of whitespace or at
/// punctuation. Precision does not matter; variety does.
fn token_starts(src: &str) -> Vec<usize> {
    let b = src.as_bytes();
    (1..b.len())
        .filter(|&i| {
            src.is_char_boundary(i)
                && (b[i - 1].is_ascii_whitespace() && !b[i].is_ascii_whitespace()
                    || b"(){}[],;.".contains(&b[i]))
        })
        .collect()
}

fn compile_never_panics(name: &str, src: &str) -> Result<(), String> {
    let cfg = deferlab::Config::default();
    match catch_unwind(AssertUnwindSafe(|| {
        deferlab::compile(name, src, deferlab::Mode::Run, &cfg).map(|_| ())
    })) {
        Ok(_) => Ok(()),
        Err(_) => Err(format!("{name}: compiler panicked on:\n{src}")),
    }
}

#[test]
fn mutated_programs_never_panic() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for path in testsuite::go_files("programs") {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let starts = token_starts(&src);
        // A sample of the cut points keeps the test quick in debug builds.
        let step = (starts.len() / 12).max(1);
        for (k, &i) in starts.iter().enumerate().step_by(step) {
            let truncated = &src[..i];
            let next = starts.get(k + 1).copied().unwrap_or(src.len());
            let deleted = format!("{}{}", &src[..i], &src[next..]);
            let after = starts.get(k + 2).copied().unwrap_or(src.len());
            let swapped = format!(
                "{}{} {}{}",
                &src[..i],
                src[next..after].trim_end(),
                src[i..next].trim_end(),
                &src[after..]
            );
            for m in [truncated.to_string(), deleted, swapped] {
                cases += 1;
                if let Err(e) = compile_never_panics(&name, &m) {
                    failures.push(e);
                }
            }
        }
    }
    assert!(cases > 1000, "only {cases} mutated inputs");
    assert!(
        failures.is_empty(),
        "{} of {cases} inputs panicked; first:\n{}",
        failures.len(),
        failures[0]
    );
}
