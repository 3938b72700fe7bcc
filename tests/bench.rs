//! `deferlab bench` end to end, through the built binary: Go's output format (against
//! goldens real Go printed for the same flags, see `scripts/bench-goldens.sh`), the
//! flags, `--json`, `--matrix`, `--plot` and the failure paths. Every run uses
//! `-benchtime 10x` or less and `GOMAXPROCS=2`; no test looks at a timing.

use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testsuite/bench")
}

struct Output {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `deferlab bench ARGS` in `testsuite/bench`.
fn bench(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_deferlab"))
        .arg("bench")
        .args(args)
        .current_dir(bench_dir())
        .env("GOMAXPROCS", "2")
        .output()
        .expect("running deferlab");
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The masking rule of `scripts/bench-goldens.sh` (`mask_bench`).
fn mask(text: &str) -> String {
    let rules = [
        (r"(?m)^cpu: .*$", "cpu: <cpu>"),
        (r"\t *[0-9.]+ ns/op", "\t<ns> ns/op"),
        (r"\t *[0-9]+ B/op\t *[0-9]+ allocs/op", "\t<mem>"),
        (r"(?m)^(ok  |FAIL)\t(\S+)\t[0-9.]+s$", "$1\t$2\t<t>s"),
    ];
    let mut s = text.to_string();
    for (re, to) in rules {
        s = Regex::new(re).unwrap().replace_all(&s, to).into_owned();
    }
    s
}

/// Our output for `NAME.args`, masked, against `NAME.golden`.
fn check_golden(name: &str) -> Output {
    let dir = bench_dir();
    let args = std::fs::read_to_string(dir.join(format!("{name}.args"))).unwrap();
    let args: Vec<&str> = args.split_whitespace().collect();
    let golden = std::fs::read_to_string(dir.join(format!("{name}.golden"))).unwrap();
    let out = bench(&args);
    assert_eq!(
        mask(&out.stdout),
        golden,
        "stdout of deferlab bench {args:?}"
    );
    out
}

/// The result line of the benchmark `name`.
fn line_of<'a>(stdout: &'a str, name: &str) -> &'a str {
    stdout
        .lines()
        .find(|l| l.split('\t').next().map(str::trim_end) == Some(name))
        .unwrap_or_else(|| panic!("no line for {name} in:\n{stdout}"))
}

#[test]
fn output_matches_go_line_for_line() {
    let out = check_golden("basic");
    assert_eq!(out.status, 0);
    // b.Loop with 10x runs exactly 10 iterations, and b.N reports them.
    let line = Regex::new(r"^BenchmarkLoop-2 +\t      10\t +[0-9.]+ ns/op$").unwrap();
    assert!(line.is_match(line_of(&out.stdout, "BenchmarkLoop-2")));
    // ReportAllocs shows the memory columns, from the runtime's own counters: one
    // 8-byte object per iteration.
    assert!(
        line_of(&out.stdout, "BenchmarkAllocs-2").ends_with("\t       8 B/op\t       1 allocs/op")
    );
}

#[test]
fn bench_filter_and_count() {
    let out = check_golden("filter");
    assert_eq!(out.status, 0);
}

#[test]
fn benchmem_columns() {
    let out = check_golden("benchmem");
    assert!(
        line_of(&out.stdout, "BenchmarkPlain-2").ends_with("\t       0 B/op\t       0 allocs/op")
    );
}

/// The everyday shapes of `escape_test.go` (issue 12) allocate nothing per iteration,
/// as with gc.
#[test]
fn escape_shapes_allocate_nothing() {
    let out = check_golden("escape");
    assert_eq!(out.status, 0);
    for name in [
        "BenchmarkNamedResult-2",
        "BenchmarkRecoverWrapper-2",
        "BenchmarkRecursionCounter-2",
        "BenchmarkCallbackHelper-2",
    ] {
        let line = line_of(&out.stdout, name);
        assert!(line.ends_with("\t       0 allocs/op"), "{line}");
    }
}

#[test]
fn no_match_passes() {
    check_golden("nomatch");
}

#[test]
fn open_defer_shapes() {
    // Every benchmark checks its own results first and panics on a wrong one.
    let out = check_golden("open");
    assert_eq!(out.status, 0, "stderr:\n{}", out.stderr);
}

/// The shapes of `inline_test.go` (issue 11 item 8) check their own results, with the
/// inliner and without it (the "before" of its measurement).
#[test]
fn inline_shapes() {
    let out = check_golden("inline");
    assert_eq!(out.status, 0, "stderr:\n{}", out.stderr);
    let off = bench(&[
        "-benchtime",
        "10x",
        "--disable-pass",
        "inline",
        "inline_test.go",
    ]);
    assert_eq!(
        mask(&off.stdout),
        mask(&out.stdout),
        "stderr:\n{}",
        off.stderr
    );
}

#[test]
fn failing_benchmark() {
    let out = check_golden("fail");
    assert_eq!(out.status, 1);
}

#[test]
fn panic_fails_the_run() {
    let out = bench(&["-bench", ".", "-benchtime", "10x", "panic_test.go"]);
    assert_eq!(out.status, 1);
    let want = Regex::new(
        "^goos: \\S+\ngoarch: \\S+\n(cpu: .*\n)?\
         BenchmarkOK-2 +\t      10\t +[0-9.]+ ns/op\n\
         BenchmarkBoom-2 +\t       0\t               NaN ns/op\n\
         FAIL\tcommand-line-arguments\t[0-9.]+s\nFAIL\n$",
    )
    .unwrap();
    assert!(want.is_match(&out.stdout), "stdout:\n{}", out.stdout);
    assert!(
        out.stderr.starts_with("panic: boom\n"),
        "stderr:\n{}",
        out.stderr
    );
    assert!(!out.stdout.contains("BenchmarkAfter"));
}

#[test]
fn go_style_and_clap_style_flags_agree() {
    let go = bench(&["-bench=Plain", "-benchtime=3x", "-count=2", "basic_test.go"]);
    let ours = bench(&[
        "--bench",
        "Plain",
        "--benchtime",
        "3x",
        "--count",
        "2",
        "basic_test.go",
    ]);
    assert_eq!(mask(&go.stdout), mask(&ours.stdout));
    assert_eq!(go.stdout.matches("BenchmarkPlain-2").count(), 2);
    assert!(line_of(&go.stdout, "BenchmarkPlain-2").contains("\t       3\t"));
}

#[test]
fn json_shape() {
    let out = bench(&[
        "-bench",
        "Sub",
        "-benchtime",
        "10x",
        "--json",
        "basic_test.go",
    ]);
    assert_eq!(out.status, 0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON document");
    assert_eq!(v["procs"], 2);
    assert_eq!(v["benchtime"], "10x");
    assert_eq!(v["passed"], true);
    let runs = v["runs"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "BenchmarkSub/n=1-2",
            "BenchmarkSub/n=2-2",
            "BenchmarkSub/dup-2",
            "BenchmarkSub/dup#01-2",
            "BenchmarkSub/with_space-2"
        ]
    );
    for r in runs {
        assert_eq!(r["runner"], "deferlab");
        assert_eq!(r["n"], 10);
        assert!(r["ns_per_op"].is_number());
        assert!(r["bytes_per_op"].is_u64() && r["allocs_per_op"].is_u64());
    }
}

#[test]
fn matrix_table() {
    let out = bench(&[
        "-bench",
        "Plain|Timer",
        "-benchtime",
        "5x",
        "--matrix",
        "basic_test.go",
    ]);
    assert_eq!(out.status, 0, "stderr:\n{}", out.stderr);
    let header = out
        .stdout
        .lines()
        .find(|l| l.starts_with("benchmark "))
        .expect("a table header");
    assert!(header.contains("all ns/op"), "{header}");
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("Benchmark"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(rows, ["BenchmarkPlain-2", "BenchmarkTimer-2"]);
    // benchstat's geomean row closes the table.
    let last = out.stdout.lines().last().unwrap_or("");
    assert!(last.starts_with("geomean "), "{}", out.stdout);
}

#[test]
fn plot_draws_the_family() {
    let svg = std::env::temp_dir().join(format!("deferlab-plot-{}.svg", std::process::id()));
    let out = bench(&[
        "-benchtime",
        "5x",
        "--plot",
        svg.to_str().unwrap(),
        "straight_test.go",
    ]);
    assert_eq!(out.status, 0, "stderr:\n{}", out.stderr);
    let text = std::fs::read_to_string(&svg).expect("the SVG");
    let _ = std::fs::remove_file(&svg);
    assert!(text.starts_with("<svg"));
    assert!(text.contains("BenchmarkStraightN: ns/op against N defers"));
    assert!(text.contains("deferlab"));
}

#[test]
fn bad_flags() {
    let re = bench(&["-bench", "(", "basic_test.go"]);
    assert_eq!(re.status, 1);
    assert!(re
        .stderr
        .contains("testing: invalid regexp for element 0 of -test.bench"));
    let bt = bench(&["-benchtime", "5", "basic_test.go"]);
    assert_eq!(bt.status, 2);
    assert!(bt
        .stderr
        .contains("invalid value \"5\" for flag -benchtime"));
    let go = bench(&[
        "--vs-go=/nonexistent/go",
        "-benchtime",
        "1x",
        "basic_test.go",
    ]);
    assert_eq!(go.status, 1);
    assert!(go
        .stderr
        .contains("--vs-go: no go binary at /nonexistent/go"));
    // Go's compiler flags mean nothing without Go.
    let gf = bench(&["--go-gcflags=-l", "basic_test.go"]);
    assert_eq!(gf.status, 2, "stderr:\n{}", gf.stderr);
    assert!(gf.stderr.contains("--vs-go"), "{}", gf.stderr);
}
