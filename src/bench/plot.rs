//! `--plot out.svg`: ns/op against the number of defers, one panel per benchmark
//! family, one series per runner (deferlab configurations, Go), with each curve's knee
//! marked.
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

/// Draws the families into an SVG file. Returns how many families were drawn.
pub fn draw(path: &Path, series: &[Series], suffix: &str) -> Result<usize, String> {
    let fams = families(series, suffix);
    if fams.is_empty() {
        return Ok(0);
    }
    let err = |e: DrawingAreaErrorKind<std::io::Error>| format!("{}: {e}", path.display());
    let root = SVGBackend::new(path, (960, 440 * fams.len() as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let panels = root.split_evenly((fams.len(), 1));
    for (panel, (fam, curves)) in panels.iter().zip(&fams) {
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
            .build_cartesian_2d(0f64..xmax * 1.05, 0f64..ymax * 1.15)
            .map_err(err)?;
        chart
            .configure_mesh()
            .x_desc("defers")
            .y_desc("ns/op")
            .draw()
            .map_err(err)?;
        for (i, c) in curves.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            chart
                .draw_series(LineSeries::new(c.points.clone(), color.stroke_width(2)))
                .map_err(err)?
                .label(c.label.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 20, y)], color.stroke_width(2))
                });
            chart
                .draw_series(c.points.iter().map(|&p| Circle::new(p, 3, color.filled())))
                .map_err(err)?;
            if let Some(k) = c.knee {
                chart
                    .draw_series(std::iter::once(Circle::new(k, 9, color.stroke_width(2))))
                    .map_err(err)?;
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
                chart
                    .draw_series(std::iter::once(Text::new(
                        format!(" {} knee: {} defers ", c.label, k.0),
                        k,
                        style,
                    )))
                    .map_err(err)?;
            }
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .draw()
            .map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(fams.len())
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
}
