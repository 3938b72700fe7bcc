//! The pass manager over a fixture: snapshots, remarks, timings, and verification of
//! the input.

use ir::parse::parse_module;
use passes::{run_pipeline, PipelineConfig, PipelineError};
use std::path::Path;

fn fixture(name: &str) -> ir::Module {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/defer_lower/{name}.ir"));
    parse_module(&std::fs::read_to_string(path).expect("fixture")).expect("parses")
}

#[test]
fn snapshots_remarks_and_timings() {
    let mut m = fixture("frame_record");
    let cfg = PipelineConfig {
        verify_each: true,
        record_snapshots: true,
        ..Default::default()
    };
    let report = run_pipeline(&mut m, &cfg).expect("pipeline");
    let passes: Vec<&str> = report.timings.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        passes,
        [
            "devirt",
            "inline",
            "escape",
            "open_defer",
            "inline_defers",
            "defer_lower",
            "nopanic",
            "mem2reg",
            "checks",
            "copyprop",
            "dce",
            "simplify_cfg"
        ]
    );
    let snaps: Vec<(&str, &str)> = report
        .snapshots
        .iter()
        .map(|s| (s.pass.as_str(), s.func.as_str()))
        .collect();
    let mut want = Vec::new();
    for pass in [
        "start",
        "devirt",
        "inline",
        "escape",
        "open_defer",
        "inline_defers",
        "defer_lower",
        "nopanic",
        "mem2reg",
        "checks",
        "copyprop",
        "dce",
        "simplify_cfg",
    ] {
        want.extend([(pass, "work"), (pass, "oneDefer")]);
    }
    assert_eq!(snaps, want);
    // `work` has no defer and nothing to clean up (it only gets the mark of a function
    // that cannot panic); `oneDefer`'s defer is open-coded (both are `noinline`, so the
    // inliner leaves them).
    assert!(report.snapshots[1..]
        .iter()
        .filter(|s| s.func == "work")
        .all(|s| s.text.replacen(" nopanic {", " {", 1) == report.snapshots[0].text));
    assert!(report.snapshots.last().unwrap().text.contains("nopanic {"));
    assert_ne!(report.snapshots[1].text, report.snapshots[9].text);
    let remarks: Vec<String> = report
        .remarks
        .iter()
        .map(|r| format!("{} {r}", r.func))
        .collect();
    assert_eq!(
        remarks,
        [
            "work 5:6: cannot inline work: marked go:noinline",
            "oneDefer 9:6: cannot inline oneDefer: marked go:noinline",
            "oneDefer 10:2: open-coded defer"
        ]
    );
}

#[test]
fn broken_input_is_reported_before_any_pass() {
    let mut m = parse_module(
        "func @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    v2 = iadd.i64 v0, v1\n    ret\n}\n",
    )
    .expect("parses");
    let cfg = PipelineConfig {
        verify_each: true,
        ..Default::default()
    };
    let err = run_pipeline(&mut m, &cfg).expect_err("broken");
    assert!(matches!(err, PipelineError::Verify { pass: None, .. }));
    assert_eq!(
        err.to_string(),
        "the input IR does not verify:\nfunc @f(ptr, i64) { ; 1:1\nblock0(v0: ptr, v1: i64):\n    \
         v2 = iadd.i64 v0, v1\n    ; error: argument 0 of iadd: v0 has type ptr, expected i64\n    ret\n}\n"
    );
}
