//! The comparison table of `--matrix` and `--vs-go`: the median ns/op of the rounds per
//! benchmark and column (a pass configuration or `go`), ratios to the first column and
//! to Go, the memory columns of the last round, and benchstat's `geomean` row.

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

/// The columns with ns/op: the configurations, then `go`.
fn ns_columns(labels: &[String], with_go: bool) -> Vec<String> {
    let mut cols = labels.to_vec();
    if with_go {
        cols.push("go".to_string());
    }
    cols
}

/// benchstat's `geomean` row: each ns/op column's geometric mean over the benchmarks
/// every column measured (a failed run's NaN or a zero leaves a benchmark out), so that
/// the ratio of two columns' means is the geometric mean of the rows' ratios. None
/// under two such benchmarks (benchstat prints no geomean for one). No memory columns.
pub(super) fn geomean(rows: &[TableRow], labels: &[String], with_go: bool) -> Option<TableRow> {
    let cols = ns_columns(labels, with_go);
    let usable: Vec<&TableRow> = rows
        .iter()
        .filter(|r| {
            cols.iter().all(|c| {
                r.ns_per_op
                    .get(c)
                    .is_some_and(|v| v.is_finite() && *v > 0.0)
            })
        })
        .collect();
    if usable.len() < 2 {
        return None;
    }
    let n = usable.len() as f64;
    let ns_per_op: BTreeMap<String, f64> = cols
        .iter()
        .map(|c| {
            let logs: f64 = usable.iter().map(|r| r.ns_per_op[c].ln()).sum();
            (c.clone(), (logs / n).exp())
        })
        .collect();
    let ratio_vs_go = with_go.then(|| ns_per_op[&labels[0]] / ns_per_op["go"]);
    Some(TableRow {
        name: "geomean".to_string(),
        ns_per_op,
        bytes_per_op: BTreeMap::new(),
        allocs_per_op: BTreeMap::new(),
        ratio_vs_go,
    })
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
/// `-benchmem`, B/op and allocs/op of the first configuration and of Go; last, the
/// `geomean` row (its memory cells empty).
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
    let mean = geomean(rows, labels, with_go);
    for r in rows.iter().chain(&mean) {
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
        for c in mem_cols.iter().filter(|_| r.name != "geomean") {
            let n = |m: &BTreeMap<String, u64>| m.get(c).map_or("-".to_string(), u64::to_string);
            line.push(n(&r.bytes_per_op));
            line.push(n(&r.allocs_per_op));
        }
        lines.push(line);
    }
    let ncols = lines[0].len();
    for line in &mut lines {
        line.resize(ncols, String::new());
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, cols: &[(&str, f64)]) -> TableRow {
        let ns_per_op: BTreeMap<String, f64> =
            cols.iter().map(|(c, v)| (c.to_string(), *v)).collect();
        let ratio_vs_go = match (ns_per_op.get("deferlab"), ns_per_op.get("go")) {
            (Some(d), Some(g)) => Some(d / g),
            _ => None,
        };
        let zeros = || cols.iter().map(|(c, _)| (c.to_string(), 0)).collect();
        TableRow {
            name: name.to_string(),
            ns_per_op,
            bytes_per_op: zeros(),
            allocs_per_op: zeros(),
            ratio_vs_go,
        }
    }

    /// The geomean row is the geometric mean per column over the benchmarks every
    /// column has, and its ratio the geometric mean of the rows' ratios.
    #[test]
    fn geomean_row() {
        let labels = ["deferlab".to_string()];
        let rows = [
            row("BenchmarkA-2", &[("deferlab", 2.0), ("go", 1.0)]),
            row("BenchmarkB-2", &[("deferlab", 4.0), ("go", 16.0)]),
            row("BenchmarkC-2", &[("deferlab", 8.0)]),
            row("BenchmarkNaN-2", &[("deferlab", f64::NAN), ("go", 3.0)]),
        ];
        let g = geomean(&rows, &labels, true).unwrap();
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(close(g.ns_per_op["deferlab"], 8f64.sqrt()));
        assert!(close(g.ns_per_op["go"], 4.0));
        let r = g.ratio_vs_go.unwrap();
        assert!(close(r, (2.0f64 * 0.25).sqrt()), "{r}");
        // One usable benchmark: no row, as benchstat.
        assert!(geomean(&rows[..1], &labels, true).is_none());
        insta::assert_snapshot!(render_table(&rows, &labels, true, true), @r"
        benchmark       deferlab ns/op  go ns/op  deferlab/go  deferlab B/op  deferlab allocs/op  go B/op  go allocs/op
        BenchmarkA-2              2.00      1.00        2.00x              0                   0        0             0
        BenchmarkB-2              4.00     16.00        0.25x              0                   0        0             0
        BenchmarkC-2              8.00         -            -              0                   0        -             -
        BenchmarkNaN-2             NaN      3.00         NaNx              0                   0        0             0
        geomean                   2.83      4.00        0.71x
        ");
    }

    /// With `--matrix`: every configuration's mean and its ratio to the first.
    #[test]
    fn geomean_matrix() {
        let labels = ["all".to_string(), "none".to_string()];
        let rows = [
            row("BenchmarkA-2", &[("all", 10.0), ("none", 40.0)]),
            row("BenchmarkB-2", &[("all", 10.0), ("none", 10.0)]),
        ];
        insta::assert_snapshot!(render_table(&rows, &labels, false, false), @r"
        benchmark     all ns/op  none ns/op  none/all
        BenchmarkA-2      10.00       40.00     4.00x
        BenchmarkB-2      10.00       10.00     1.00x
        geomean           10.00       20.00     2.00x
        ");
    }
}
