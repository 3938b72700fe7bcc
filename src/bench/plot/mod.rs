//! `--plot out.svg`: ns/op against the number of defers. With `--vs-go`, one panel with
//! a series per strategy (gc's open-coded defers, its stack records, its heap records,
//! ours: `strategies.rs`); without, one panel per benchmark family, one series per
//! deferlab configuration, with each curve's knee marked. The SVG depends on the
//! numbers only (no date, no host), so a snapshot of it is a test.
//!
//! A family is a set of benchmarks whose names differ only in a trailing number:
//! `BenchmarkStraight1..64`, `BenchmarkLoop/defer_N`. The number is the count of
//! defers. Families with fewer than three points are not drawn.
//!
//! The knee of a curve is where the cost per defer jumps: for each segment between
//! consecutive points, the marginal cost (ns per extra defer) is compared with the
//! average cost per defer up to the segment's start; the knee is the point ending the
//! segment with the largest ratio, provided the marginal cost is at least twice the
//! average and at least 1 ns above it, and the jump persists (the next segment, if
//! any, still costs at least 1.5 times that average per defer, so one noisy point
//! makes no knee). Go's straight-line defers have theirs at 9 (open-coded up to 8,
//! then stack-allocated records).

pub mod strategies;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::collections::BTreeMap;
use std::path::Path;

/// One runner's results: its label and ns/op by full benchmark name.
pub struct Series {
    pub label: String,
    pub ns_per_op: Vec<(String, f64)>,
}

/// A family's curve for one series: points sorted by defer count.
#[derive(Debug, PartialEq)]
pub struct Curve {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    pub knee: Option<(f64, f64)>,
}

/// Splits `BenchmarkStraight16-2` (with the `-P` suffix given) into the family
/// `BenchmarkStraight` and 16.
fn family_of(name: &str, suffix: &str) -> Option<(String, u32)> {
    let base = name.strip_suffix(suffix).unwrap_or(name);
    let digits = base.len() - base.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits == base.len() {
        return None;
    }
    let (family, n) = base.split_at(base.len() - digits);
    Some((family.to_string(), n.parse().ok()?))
}

/// The families with at least three points in some series, each with one curve
/// per series that has points in it.
pub fn families(series: &[Series], suffix: &str) -> BTreeMap<String, Vec<Curve>> {
    let mut out: BTreeMap<String, Vec<Curve>> = BTreeMap::new();
    for s in series {
        let mut by_family: BTreeMap<String, Vec<(f64, f64)>> = BTreeMap::new();
        for (name, ns) in &s.ns_per_op {
            if let Some((fam, n)) = family_of(name, suffix) {
                by_family.entry(fam).or_default().push((f64::from(n), *ns));
            }
        }
        for (fam, mut points) in by_family {
            if points.len() < 3 {
                continue;
            }
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            let knee = knee(&points);
            out.entry(fam).or_default().push(Curve {
                label: s.label.clone(),
                points,
                knee,
            });
        }
    }
    out
}

/// The knee of a curve (see the module doc).
pub fn knee(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let marginal = |i: usize| {
        let ((x0, y0), (x1, y1)) = (points[i - 1], points[i]);
        (y1 - y0) / (x1 - x0).max(f64::MIN_POSITIVE)
    };
    let mut best: Option<(usize, f64)> = None;
    for i in 1..points.len() {
        let (x0, y0) = points[i - 1];
        let average = (y0 / x0.max(1.0)).max(0.5);
        let ratio = marginal(i) / average;
        let persists = i + 1 >= points.len() || marginal(i + 1) >= 1.5 * average;
        if ratio >= 2.0
            && marginal(i) - average >= 1.0
            && persists
            && best.is_none_or(|(_, r)| ratio > r)
        {
            best = Some((i, ratio));
        }
    }
    best.map(|(i, _)| points[i])
}

const COLORS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(214, 39, 40),
    RGBColor(44, 160, 44),
    RGBColor(148, 103, 189),
    RGBColor(255, 127, 14),
    RGBColor(23, 190, 207),
];

/// Draws the plot into an SVG file: the strategies when there is a Go series, else
/// the families of `ours`. Returns how many panels were drawn (0: nothing to draw, no
/// file written).
pub fn draw(
    path: &Path,
    ours: &[Series],
    go: Option<&Series>,
    suffix: &str,
) -> Result<usize, String> {
    let Some((svg, n)) = render(ours, go, suffix)? else {
        return Ok(0);
    };
    std::fs::write(path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(n)
}

/// The SVG text `draw` writes, and its number of panels.
pub fn render(
    ours: &[Series],
    go: Option<&Series>,
    suffix: &str,
) -> Result<Option<(String, usize)>, String> {
    let err = |e: DrawingAreaErrorKind<std::io::Error>| format!("--plot: {e}");
    let mut svg = String::new();
    if let (Some(go), Some(first)) = (go, ours.first()) {
        let series = strategies::strategies(first, go, suffix);
        if series.is_empty() {
            return Ok(None);
        }
        {
            let root = SVGBackend::with_string(&mut svg, (960, 600)).into_drawing_area();
            root.fill(&WHITE).map_err(err)?;
            strategies::draw(&root, &series).map_err(err)?;
            root.present().map_err(err)?;
        }
        return Ok(Some((svg, 1)));
    }
    let fams = families(ours, suffix);
    if fams.is_empty() {
        return Ok(None);
    }
    let n = fams.len();
    {
        let root = SVGBackend::with_string(&mut svg, (960, 440 * n as u32)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        draw_families(&root, &fams).map_err(err)?;
        root.present().map_err(err)?;
    }
    Ok(Some((svg, n)))
}

/// One panel per family, one curve per series, knees marked.
fn draw_families<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    fams: &BTreeMap<String, Vec<Curve>>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let panels = root.split_evenly((fams.len(), 1));
    for (panel, (fam, curves)) in panels.iter().zip(fams) {
        let xmax = curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.0))
            .fold(1.0, f64::max);
        let ymax = curves
            .iter()
            .flat_map(|c| c.points.iter().map(|p| p.1))
            .fold(1.0, f64::max);
        let mut chart = ChartBuilder::on(panel)
            .caption(
                format!("{fam}N: ns/op against N defers"),
                ("sans-serif", 22),
            )
            .margin(20)
            .x_label_area_size(45)
            .y_label_area_size(70)
            .build_cartesian_2d(0f64..xmax * 1.05, 0f64..ymax * 1.15)?;
        chart
            .configure_mesh()
            .x_desc("defers")
            .y_desc("ns/op")
            .draw()?;
        for (i, c) in curves.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            chart
                .draw_series(LineSeries::new(c.points.clone(), color.stroke_width(2)))?
                .label(c.label.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
                });
            chart.draw_series(c.points.iter().map(|&p| Circle::new(p, 3, color.filled())))?;
            if let Some(k) = c.knee {
                chart.draw_series(std::iter::once(Circle::new(k, 9, color.stroke_width(2))))?;
                // Right of the point in the left half of the panel, left of it after.
                let hpos = if k.0 > xmax / 2.0 {
                    HPos::Right
                } else {
                    HPos::Left
                };
                let style = ("sans-serif", 14)
                    .into_font()
                    .color(&color)
                    .pos(Pos::new(hpos, VPos::Bottom));
                chart.draw_series(std::iter::once(Text::new(
                    format!(" {} knee: {} defers ", c.label, k.0),
                    k,
                    style,
                )))?;
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_and_knees() {
        let s = Series {
            label: "go".into(),
            ns_per_op: [
                ("BenchmarkStraight1-2", 2.0),
                ("BenchmarkStraight2-2", 3.0),
                ("BenchmarkStraight4-2", 5.0),
                ("BenchmarkStraight8-2", 9.0),
                ("BenchmarkStraight9-2", 80.0),
                ("BenchmarkStraight16-2", 180.0),
                ("BenchmarkLoop/defer_1-2", 30.0),
                ("BenchmarkLoop/defer_8-2", 240.0),
                ("BenchmarkDeferArgs4-2", 3.0),
                ("BenchmarkNoDefer-2", 1.0),
            ]
            .iter()
            .map(|(n, v)| (n.to_string(), *v))
            .collect(),
        };
        let f = families(&[s], "-2");
        assert_eq!(f.keys().collect::<Vec<_>>(), vec!["BenchmarkStraight"]);
        assert_eq!(f["BenchmarkStraight"][0].knee, Some((9.0, 80.0)));
        // A straight line has no knee, nor has one that jumps at a single point.
        let blip = [
            (1.0, 30.0),
            (8.0, 240.0),
            (16.0, 460.0),
            (17.0, 516.0),
            (32.0, 1013.0),
        ];
        assert_eq!(knee(&blip), None);
        assert_eq!(
            knee(&[(1.0, 1.0), (2.0, 2.0), (4.0, 4.0), (8.0, 8.0)]),
            None
        );
    }

    /// Fixed numbers shaped as one `--vs-go` run of `defer_test.go` (Straight and Loop
    /// families, and a benchmark with no count that no series takes).
    fn fixed(label: &str, straight: &[f64], looped: &[f64]) -> Series {
        let mut ns_per_op = Vec::new();
        for (n, v) in [1, 2, 4, 8, 9, 16, 17, 32, 64].iter().zip(straight) {
            ns_per_op.push((format!("BenchmarkStraight{n}-2"), *v));
        }
        for (n, v) in [1, 8, 16, 17, 32].iter().zip(looped) {
            ns_per_op.push((format!("BenchmarkLoop/defer_{n}-2"), *v));
        }
        ns_per_op.push(("BenchmarkNoDefer-2".to_string(), 1.5));
        Series {
            label: label.into(),
            ns_per_op,
        }
    }

    fn go_fixed() -> Series {
        fixed(
            "go",
            &[3.1, 4.6, 7.9, 16.0, 76.0, 150.0, 160.0, 300.0, 600.0],
            &[27.0, 215.0, 430.0, 458.0, 860.0],
        )
    }

    fn ours_fixed() -> Series {
        fixed(
            "deferlab",
            &[3.4, 4.8, 8.1, 15.0, 16.5, 29.0, 31.0, 60.0, 118.0],
            &[12.0, 95.0, 190.0, 202.0, 380.0],
        )
    }

    #[test]
    fn strategies_split_gc_at_its_open_coding_limit() {
        let s = strategies::strategies(&ours_fixed(), &go_fixed(), "-2");
        let labels: Vec<&str> = s.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "gc open-coded: Straight1..8",
                "gc stack records: Straight9..64",
                "gc heap records (in a loop): Loop/defer_1..32",
                "deferlab straight-line: Straight1..64",
                "deferlab in a loop: Loop/defer_1..32",
            ]
        );
        assert_eq!(s[0].points.len(), 4);
        assert_eq!(s[1].points.len(), 5);
        assert_eq!(strategies::cliff(&s), Some(((8.0, 16.0), (9.0, 76.0))));
    }

    /// The `--vs-go` SVG from fixed numbers: deterministic, so a snapshot.
    #[test]
    fn strategies_svg() {
        let (svg, panels) = render(&[ours_fixed()], Some(&go_fixed()), "-2")
            .unwrap()
            .unwrap();
        assert_eq!(panels, 1);
        assert_eq!(
            render(&[ours_fixed()], Some(&go_fixed()), "-2").unwrap(),
            Some((svg.clone(), 1))
        );
        insta::assert_snapshot!("strategies_svg", svg);
    }

    /// Without Go: one panel per family, ours only, as before `--vs-go` had its own.
    #[test]
    fn families_svg() {
        let (svg, panels) = render(&[ours_fixed()], None, "-2").unwrap().unwrap();
        assert_eq!(panels, 2);
        assert!(svg.contains("BenchmarkStraightN: ns/op against N defers"));
        assert!(!svg.contains("gc "));
        insta::assert_snapshot!("families_svg", svg);
    }
}
