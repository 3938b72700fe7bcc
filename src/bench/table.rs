//! The comparison table of `--matrix` and `--vs-go`: the median ns/op of the rounds per
//! benchmark and column (a pass configuration or `go`), ratios to the first column and
//! to Go, the memory columns of the last round.

use super::Run;
use serde::Serialize;
use std::collections::BTreeMap;

/// One row of the comparison table: median ns/op per column, and the memory
/// columns of the last round.
#[derive(Serialize)]
pub(super) struct TableRow {
    name: String,
    ns_per_op: BTreeMap<String, f64>,
    bytes_per_op: BTreeMap<String, u64>,
    allocs_per_op: BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ratio_vs_go: Option<f64>,
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// The column a run belongs to: its configuration label, or `go`.
fn column_of(r: &Run) -> String {
    r.config.clone().unwrap_or_else(|| r.runner.clone())
}

/// Median ns/op per benchmark name and column, names in first-seen order.
pub(super) fn medians(runs: &[Run]) -> Vec<(String, BTreeMap<String, f64>)> {
    let mut order: Vec<String> = Vec::new();
    let mut values: BTreeMap<(String, String), Vec<f64>> = BTreeMap::new();
    for r in runs {
        if !order.contains(&r.m.name) {
            order.push(r.m.name.clone());
        }
        values
            .entry((r.m.name.clone(), column_of(r)))
            .or_default()
            .push(r.m.ns_per_op);
    }
    order
        .into_iter()
        .map(|name| {
            let cols = values
                .iter()
                .filter(|((n, _), _)| *n == name)
                .map(|((_, c), v)| (c.clone(), median(v.clone())))
                .collect();
            (name, cols)
        })
        .collect()
}

pub(super) fn table_rows(runs: &[Run], labels: &[String], with_go: bool) -> Vec<TableRow> {
    medians(runs)
        .into_iter()
        .map(|(name, cols)| {
            let mut bytes_per_op = BTreeMap::new();
            let mut allocs_per_op = BTreeMap::new();
            for r in runs.iter().filter(|r| r.m.name == name) {
                bytes_per_op.insert(column_of(r), r.m.bytes_per_op);
                allocs_per_op.insert(column_of(r), r.m.allocs_per_op);
            }
            let ratio_vs_go = if with_go {
                match (cols.get(&labels[0]), cols.get("go")) {
                    (Some(d), Some(g)) if *g > 0.0 => Some(d / g),
                    _ => None,
                }
            } else {
                None
            };
            TableRow {
                name,
                ns_per_op: cols,
                bytes_per_op,
                allocs_per_op,
                ratio_vs_go,
            }
        })
        .collect()
}

fn ns(x: Option<&f64>) -> String {
    match x {
        Some(&v) if v >= 1000.0 => format!("{v:.0}"),
        Some(&v) if v >= 100.0 => format!("{v:.1}"),
        Some(&v) => format!("{v:.2}"),
        None => "-".to_string(),
    }
}

fn ratio(a: Option<&f64>, b: Option<&f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if *b > 0.0 => format!("{:.2}x", a / b),
        _ => "-".to_string(),
    }
}

/// The comparison table: ns/op per configuration, each configuration's ratio to the
/// first, then Go and deferlab/Go (the first configuration against Go); with
/// `-benchmem`, B/op and allocs/op of the first configuration and of Go.
pub(super) fn render_table(
    rows: &[TableRow],
    labels: &[String],
    with_go: bool,
    mem: bool,
) -> String {
    let mut mem_cols = vec![labels[0].clone()];
    if with_go {
        mem_cols.push("go".to_string());
    }
    let mem_cols = if mem { mem_cols } else { Vec::new() };
    let mut header = vec!["benchmark".to_string()];
    for l in labels {
        header.push(format!("{l} ns/op"));
    }
    for l in labels.iter().skip(1) {
        header.push(format!("{l}/{}", labels[0]));
    }
    if with_go {
        header.push("go ns/op".to_string());
        header.push(format!("{}/go", labels[0]));
    }
    for c in &mem_cols {
        header.push(format!("{c} B/op"));
        header.push(format!("{c} allocs/op"));
    }
    let mut lines = vec![header];
    for r in rows {
        let mut line = vec![r.name.clone()];
        for l in labels {
            line.push(ns(r.ns_per_op.get(l)));
        }
        for l in labels.iter().skip(1) {
            line.push(ratio(r.ns_per_op.get(l), r.ns_per_op.get(&labels[0])));
        }
        if with_go {
            line.push(ns(r.ns_per_op.get("go")));
            line.push(ratio(r.ns_per_op.get(&labels[0]), r.ns_per_op.get("go")));
        }
        for c in &mem_cols {
            let n = |m: &BTreeMap<String, u64>| m.get(c).map_or("-".to_string(), u64::to_string);
            line.push(n(&r.bytes_per_op));
            line.push(n(&r.allocs_per_op));
        }
        lines.push(line);
    }
    let ncols = lines[0].len();
    let widths: Vec<usize> = (0..ncols)
        .map(|i| lines.iter().map(|l| l[i].len()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for line in &lines {
        let mut s = String::new();
        for (i, cell) in line.iter().enumerate() {
            if i == 0 {
                s.push_str(&format!("{cell:<w$}", w = widths[0]));
            } else {
                s.push_str(&format!("  {cell:>w$}", w = widths[i]));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    }
    out
}
