//! `deferlab vet` through the built binary: go vet's text on stderr and exit status,
//! `-json` (go vet's tree, exit status 0), `-NAME[=false]` flags, compile errors as
//! `deferlab run` reports them, clap's errors for bad flags, `-cost` with a given
//! table, the user's saved one and the built-in one, and `bench --save-costs`.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Output {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs `deferlab ARGS` in the repository root with `XDG_CACHE_HOME=cache` (so no
/// test reads the user's saved cost table).
fn deferlab(args: &[&str], cache: &Path) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_deferlab"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CACHE_HOME", cache)
        .env("GOMAXPROCS", "2")
        .output()
        .expect("running deferlab");
    Output {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh empty directory under the target dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("vet_cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn vet(args: &[&str]) -> Output {
    let cache = temp_dir(&format!("cache-{}", args.join("_").replace('/', "_")));
    let mut all = vec!["vet"];
    all.extend_from_slice(args);
    deferlab(&all, &cache)
}

#[test]
fn text_and_exit_status() {
    let out = vet(&["testsuite/vet/loop.go"]);
    assert_eq!(out.status, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let first = out.stderr.lines().next().unwrap();
    assert_eq!(
        first,
        "testsuite/vet/loop.go:17:3: defer in a loop: the call runs when leaky returns, not at \
         the end of the iteration, and each iteration pushes a record"
    );
    assert!(out
        .stderr
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("\tsuggested fix: move the loop body into a function literal"));
    assert_eq!(out.stderr.matches(": defer in a loop").count(), 4);

    let clean = vet(&["testsuite/vet/clean.go"]);
    assert_eq!(
        (clean.status, clean.stdout.as_str(), clean.stderr.as_str()),
        (0, "", "")
    );
}

#[test]
fn json_is_go_vets_tree() {
    let out = vet(&["-json", "testsuite/vet/args.go"]);
    assert_eq!(
        out.status, 0,
        "go vet -json exits 0 with findings: {}",
        out.stderr
    );
    assert!(out
        .stdout
        .starts_with("{\n\t\"command-line-arguments\": {\n\t\t\"defer.args\": ["));
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let pkg = &v["command-line-arguments"];
    let keys: Vec<&String> = pkg.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["defer.args", "defer.loop"]);
    let first = &pkg["defer.args"][0];
    assert_eq!(first["posn"], "testsuite/vet/args.go:13:31");
    assert_eq!(first["end"], "testsuite/vet/args.go:13:37");
    assert!(first["message"]
        .as_str()
        .unwrap()
        .starts_with("status is evaluated at the defer statement"));
    assert!(first["suggested_fixes"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("defer a closure"));
    assert!(first["suggested_fixes"][0]["edits"].is_null());
    assert_eq!(pkg["defer.args"].as_array().unwrap().len(), 3);

    let clean = vet(&["-json", "testsuite/vet/clean.go"]);
    assert_eq!((clean.status, clean.stdout.as_str()), (0, "{}\n"));
}

#[test]
fn analyzer_flags_as_go_vet() {
    // Off: every other analyzer still runs.
    for flag in ["-defer.loop=false", "--defer.loop=false", "-defer.loop=0"] {
        let out = vet(&[flag, "testsuite/vet/loop.go"]);
        assert_eq!((out.status, out.stderr.as_str()), (0, ""), "{flag}");
        let out = vet(&[flag, "testsuite/vet/args.go"]);
        assert_eq!(out.status, 1, "{flag}");
        assert!(!out.stderr.contains("defer in a loop"), "{flag}");
        assert_eq!(out.stderr.matches(": status is evaluated").count(), 1);
    }
    // On: only the analyzers named.
    let out = vet(&["-defer.loop", "testsuite/vet/args.go"]);
    assert_eq!(out.status, 1);
    assert_eq!(out.stderr.matches(": defer in a loop").count(), 2);
    assert!(
        !out.stderr.contains("evaluated at the defer"),
        "{}",
        out.stderr
    );
    let out = vet(&["-defer.args=true", "-defer.exit", "testsuite/vet/loop.go"]);
    assert_eq!((out.status, out.stderr.as_str()), (0, ""));
}

#[test]
fn compile_errors_as_run_reports_them() {
    let dir = temp_dir("compile-error");
    let bad = dir.join("bad.go");
    std::fs::write(
        &bad,
        "package main\n\nfunc main() {\n\tdefer undefinedThing()\n}\n",
    )
    .unwrap();
    let bad = bad.to_str().unwrap();
    let out = vet(&[bad]);
    let run = deferlab(&["run", bad], &dir);
    assert_eq!(out.status, 1);
    assert_eq!(out.stderr, run.stderr);
    assert!(
        out.stderr
            .contains("bad.go:4:8: undefined: undefinedThing\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.ends_with("^\n"), "{}", out.stderr);
}

#[test]
fn bad_flags_are_clap_errors() {
    let out = vet(&["-defer.nope", "testsuite/vet/loop.go"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("unexpected argument"), "{}", out.stderr);
    let out = vet(&["-defer.loop=maybe", "testsuite/vet/loop.go"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("invalid value 'maybe'"),
        "{}",
        out.stderr
    );
}

const TABLE: &str = r#"{"open_coded": 1.0, "frame_record": 12.0, "chain_record": 30.0,
    "inlined": 0.5, "source": "test"}"#;

#[test]
fn cost_lines_from_a_given_table() {
    let dir = temp_dir("costs");
    let table = dir.join("costs.json");
    std::fs::write(&table, TABLE).unwrap();
    let out = vet(&[
        "-cost",
        "-costs",
        table.to_str().unwrap(),
        "testsuite/vet/loop.go",
    ]);
    assert_eq!(out.status, 1, "findings still decide the status");
    let lines: Vec<&str> = out.stderr.lines().collect();
    // Every copy of a defer: its own function's, then those inlining migrated into
    // callers; open_defer's reason when it is not open-coded.
    let want = [
        "testsuite/vet/loop.go:17:3: defer cost: chain record in leaky (in a loop), ~30 ns \
         per iteration; migrated by inlining into main, chain record (in a loop), ~30 ns per \
         iteration; outside the loop it would cost ~1.0 ns (open-coded)",
        "testsuite/vet/loop.go:25:3: defer cost: frame record in leaky (pushed after a defer \
         in a loop), ~12 ns per call; migrated by inlining into main, frame record (pushed \
         after a defer in a loop), ~12 ns per call",
        "testsuite/vet/loop.go:34:4: defer cost: open-coded in perIteration.func1, ~1.0 ns per \
         call; migrated by inlining into perIteration, open-coded, ~0.5 ns per call; migrated \
         by inlining into main, open-coded, ~0.5 ns per call",
    ];
    for w in want {
        assert!(lines.contains(&w), "{w}\n{}", out.stderr);
    }

    let out = vet(&[
        "-cost",
        "--costs",
        table.to_str().unwrap(),
        "testsuite/vet/clean.go",
    ]);
    assert_eq!(
        out.status, 0,
        "cost lines alone are no finding: {}",
        out.stderr
    );
    assert!(out.stderr.contains(
        "clean.go:18:2: defer cost: open-coded in withLock, ~1.0 ns per call; migrated by inlining into main, open-coded, ~0.5 ns per call\n"
    ), "{}", out.stderr);
    let json = vet(&[
        "-json",
        "-cost",
        "-costs",
        table.to_str().unwrap(),
        "testsuite/vet/clean.go",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert!(
        v["command-line-arguments"]["defer.cost"]
            .as_array()
            .unwrap()
            .len()
            >= 6
    );
}

#[test]
fn cost_table_from_the_cache_dir_or_built_in() {
    let cache = temp_dir("cache-saved");
    let prog = "testsuite/vet/clean.go";
    let builtin = deferlab(&["vet", "-cost", prog], &cache);
    assert!(
        builtin
            .stderr
            .contains("open-coded in withLock, ~2.4 ns per call"),
        "{}",
        builtin.stderr
    );
    std::fs::create_dir_all(cache.join("deferlab")).unwrap();
    std::fs::write(cache.join("deferlab/defer-costs.json"), TABLE).unwrap();
    let saved = deferlab(&["vet", "-cost", prog], &cache);
    assert!(
        saved
            .stderr
            .contains("open-coded in withLock, ~1.0 ns per call"),
        "{}",
        saved.stderr
    );

    let broken = cache.join("broken.json");
    std::fs::write(&broken, "{").unwrap();
    let out = deferlab(
        &["vet", "-cost", "-costs", broken.to_str().unwrap(), prog],
        &cache,
    );
    assert_eq!(out.status, 1);
    assert!(out.stderr.starts_with("deferlab vet: "), "{}", out.stderr);
}

#[test]
fn bench_saves_the_cost_table() {
    let cache = temp_dir("cache-bench");
    let out = deferlab(
        &[
            "bench",
            "--save-costs",
            "-benchtime",
            "1x",
            "testsuite/bench/costs_test.go",
        ],
        &cache,
    );
    assert_eq!(out.status, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout.contains("BenchmarkStraight64-2"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("-open_defer ns/op"), "{}", out.stdout);
    let saved = cache.join("deferlab/defer-costs.json");
    let text = std::fs::read_to_string(&saved).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    for k in ["open_coded", "frame_record", "chain_record", "inlined"] {
        let x = v[k].as_f64().unwrap();
        assert!(x.is_finite() && x >= 0.0, "{k}: {x}");
    }
    assert!(v["source"]
        .as_str()
        .unwrap()
        .starts_with("deferlab bench -benchtime 1x"));

    // vet -cost reads it; a file missing a benchmark says which.
    let vetted = deferlab(&["vet", "-cost", "testsuite/vet/clean.go"], &cache);
    assert!(vetted.stderr.contains("defer cost:"), "{}", vetted.stderr);
    let out = deferlab(
        &[
            "bench",
            "--save-costs=x.json",
            "-benchtime",
            "1x",
            "testsuite/bench/basic_test.go",
        ],
        &cache,
    );
    assert_eq!(out.status, 1);
    assert!(
        out.stderr.contains("--save-costs: no result for"),
        "{}",
        out.stderr
    );
}
