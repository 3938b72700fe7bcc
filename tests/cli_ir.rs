//! `deferlab ir` as users run it: the binary on a sample program, its filters, its
//! JSON and HTML outputs, and its errors (exit status 1 with a message).

use std::process::Command;

const PROG: &str = "testsuite/remarks/defer_kinds.go";

fn deferlab(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_deferlab"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn every_function_starts_with_its_ir_after_lowering() {
    let (code, out, err) = deferlab(&["ir", PROG]);
    assert_eq!(code, 0, "{err}");
    for f in [
        "work",
        "straight",
        "inLoop",
        "conditional",
        "nested",
        "main",
    ] {
        let title = format!("*** IR Dump After lowering (start) on {f} ***\nfunc @{f}(");
        assert!(out.contains(&title), "no dump of {f}:\n{out}");
    }
    // Every pass that ran has one entry per function: a diff or one line.
    let funcs = out
        .matches("*** IR Dump After lowering (start) on ")
        .count();
    assert!(funcs > 6, "closures, wrappers and init have dumps too");
    for p in passes::PASSES {
        let n = out
            .lines()
            .filter(|l| l.starts_with(&format!("*** IR Dump After {} on ", p.name)))
            .count();
        assert_eq!(n, funcs, "pass {}:\n{out}", p.name);
    }
    // `work` has no defer: defer_lower leaves it alone.
    assert!(out.contains("*** IR Dump After defer_lower on work omitted because no change ***\n"));
    // `straight` has defers, which open_defer open-codes: its entry is a unified diff,
    // without colour when stdout is not a terminal.
    let entry = out
        .split("*** IR Dump After open_defer on straight ***\n")
        .nth(1)
        .expect("a diff for straight");
    assert!(entry.starts_with("@@ -"), "{entry}");
    assert!(
        entry.lines().any(|l| l.starts_with("-    defer d0(")),
        "{entry}"
    );
    assert!(!out.contains('\x1b'));
}

#[test]
fn filters_select_a_function_and_a_pass() {
    let (code, out, _) = deferlab(&["ir", "--func", "straight", "--pass", "open_defer", PROG]);
    assert_eq!(code, 0);
    assert!(out.starts_with("*** IR Dump After open_defer on straight ***\n@@ "));
    assert_eq!(out.matches("*** IR Dump").count(), 1, "{out}");

    let (_, before, _) = deferlab(&["ir", "--func", "inLoop", "--before", "defer_lower", PROG]);
    let (_, start, _) = deferlab(&["ir", "--func", "inLoop", "--after", "start", PROG]);
    let body = |s: &str| s.split_once('\n').unwrap().1.to_string();
    assert!(before.starts_with("*** IR Dump Before defer_lower on inLoop ***\nfunc @inLoop("));
    assert_eq!(body(&before), body(&start));
    assert!(body(&before).contains("    defer d0("));

    let (_, after, _) = deferlab(&["ir", "--func", "inLoop", "--after", "defer_lower", PROG]);
    assert!(!body(&after).contains("    defer d0("));
    let last = passes::PASSES.last().unwrap().name;
    let (_, last, _) = deferlab(&["ir", "--func", "inLoop", "--after", last, PROG]);
    let (_, built, _) = deferlab(&["build", "--emit=ir", PROG]);
    assert!(
        built.contains(&body(&last)),
        "--after the last pass is the final IR"
    );

    let (_, colored, _) = deferlab(&["ir", "--color=always", "--func", "straight", PROG]);
    assert!(colored.contains("\x1b[31m-    defer d0("), "{colored}");
}

#[test]
fn json_lists_every_stage() {
    let (code, out, _) = deferlab(&["ir", "--json", "--func", "straight", PROG]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let stages = v.as_array().unwrap();
    assert_eq!(stages.len(), 1 + passes::PASSES.len());
    assert_eq!(stages[0]["func"], "straight");
    assert_eq!(stages[0]["pass"], "start");
    assert_eq!(stages[0]["seq"], 0);
    assert_eq!(stages[0]["changed"], true);
    assert!(stages[0]["ir"]
        .as_str()
        .unwrap()
        .starts_with("func @straight("));
    for (i, s) in stages.iter().enumerate().skip(1) {
        assert_eq!(s["seq"], i);
        assert_eq!(s["pass"], passes::PASSES[i - 1].name);
        let prev = stages[i - 1]["ir"].as_str().unwrap();
        assert_eq!(s["changed"], s["ir"].as_str().unwrap() != prev);
    }
}

#[test]
fn html_is_one_self_contained_page() {
    let out = std::env::temp_dir().join(format!("deferlab-ir-{}.html", std::process::id()));
    let path = out.to_str().unwrap();
    let (code, stdout, err) = deferlab(&["ir", "--html", path, PROG]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(stdout, "");
    let page = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<section class=\"func\" data-func=\"straight\">"));
    assert!(page.contains("<span class=\"ln\">12</span>\tdefer work(1)"));
    for external in ["<script src", "<link", "http://", "https://"] {
        assert!(!page.contains(external), "page refers to {external}");
    }
}

#[test]
fn bad_filters_are_errors() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["ir", "--func", "nope", PROG],
            "deferlab ir: no function nope (functions: work, ",
        ),
        (
            &["ir", "--pass", "nope", PROG],
            "deferlab ir: --pass: unknown pass nope (known passes: ",
        ),
        (
            &["ir", "--disable-pass", "defer_lower", PROG],
            "pass defer_lower is required and cannot be disabled",
        ),
    ];
    for (args, want) in cases {
        let (code, out, err) = deferlab(args);
        assert_eq!(code, 1, "{args:?}");
        assert_eq!(out, "");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let (code, _, err) = deferlab(&[
        "ir",
        "--pass",
        "defer_lower",
        "--before",
        "defer_lower",
        PROG,
    ]);
    assert_eq!(code, 2, "clap refuses conflicting filters: {err}");
    let (code, _, err) = deferlab(&["ir", "--html", "/dev/null", "--pass", "dce", PROG]);
    assert_eq!(
        code, 2,
        "the page shows every pass, so --pass is refused: {err}"
    );
}
