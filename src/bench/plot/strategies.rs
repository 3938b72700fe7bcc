//! The `--vs-go` plot: ns/op against the number of defers, one series per way a defer
//! is run. gc has three, and `go build -gcflags=-d=defer` names them per defer:
//! `open-coded defer` (at most 8 in a function, none in a loop, returns x defers <= 15:
//! `Straight1..8`), `stack-allocated defer` (a record in the frame, linked into the
//! goroutine's chain at run time: `Straight9..64`) and `heap-allocated defer` (a defer
//! in a loop: `Loop/defer_N`). Ours are the same benchmarks measured with deferlab:
//! straight-line and in a loop.
//!
//! The series come from the families `super::families` finds: a family whose name
//! contains `Loop` holds defers in a loop, any other straight-line ones; Go's
//! straight-line family is split at `GC_MAX_OPEN_CODED` (the functions of
//! `defer_test.go` return once, so gc's returns x defers rule never bites first). Both
//! axes are logarithmic: a constant cost per defer is a line of slope one, and gc's cliff
//! a step, drawn dashed from its last open-coded point to its first stack record and
//! labelled with both costs. Only the first deferlab series is drawn (with `--matrix`,
//! the configuration the table compares with Go).

use super::{families, Series};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// gc open-codes at most this many defers in a function
/// (`cmd/compile/internal/ssagen/ssa.go`, `maxOpenDefers`).
pub const GC_MAX_OPEN_CODED: f64 = 8.0;

/// One series of the plot.
#[derive(Debug, PartialEq)]
pub struct Strategy {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    pub color: RGBColor,
    /// Defers in a loop are drawn dashed.
    pub dashed: bool,
}

const GC_OPEN: RGBColor = RGBColor(214, 39, 40);
const GC_STACK: RGBColor = RGBColor(255, 127, 14);
const GC_HEAP: RGBColor = RGBColor(148, 103, 189);
const OURS_STRAIGHT: RGBColor = RGBColor(31, 119, 180);
const OURS_LOOP: RGBColor = RGBColor(23, 190, 207);
const CLIFF: RGBColor = RGBColor(90, 90, 90);

/// `BenchmarkLoop/defer_` with points 1..32 as `Loop/defer_1..32`.
fn range_label(family: &str, points: &[(f64, f64)]) -> String {
    let name = family.strip_prefix("Benchmark").unwrap_or(family);
    match (points.first(), points.last()) {
        (Some(a), Some(b)) => format!("{name}{}..{}", a.0, b.0),
        _ => name.to_string(),
    }
}

/// The series, gc's first (open-coded, stack records, heap records), then ours
/// (straight-line, in a loop); a series with no points is left out.
pub fn strategies(ours: &Series, go: &Series, suffix: &str) -> Vec<Strategy> {
    let go_fams = families(std::slice::from_ref(go), suffix);
    let our_fams = families(std::slice::from_ref(ours), suffix);
    let looped = |fam: &str| fam.contains("Loop");
    let mut out = Vec::new();
    let mut add = |label: String, points: Vec<(f64, f64)>, color, dashed| {
        if !points.is_empty() {
            out.push(Strategy {
                label,
                points,
                color,
                dashed,
            });
        }
    };
    for (fam, curves) in go_fams.iter().filter(|(f, _)| !looped(f)) {
        let (open, stack): (Vec<_>, Vec<_>) = curves[0]
            .points
            .iter()
            .partition(|p| p.0 <= GC_MAX_OPEN_CODED);
        let label = format!("gc open-coded: {}", range_label(fam, &open));
        add(label, open, GC_OPEN, false);
        let label = format!("gc stack records: {}", range_label(fam, &stack));
        add(label, stack, GC_STACK, false);
    }
    for (fam, curves) in go_fams.iter().filter(|(f, _)| looped(f)) {
        let points = curves[0].points.clone();
        let label = format!("gc heap records (in a loop): {}", range_label(fam, &points));
        add(label, points, GC_HEAP, true);
    }
    let (ours_straight, ours_looped): (Vec<_>, Vec<_>) =
        our_fams.iter().partition(|(f, _)| !looped(f));
    for (fam, curves) in ours_straight.into_iter().chain(ours_looped) {
        let points = curves[0].points.clone();
        let (what, color, dashed) = if looped(fam) {
            ("in a loop", OURS_LOOP, true)
        } else {
            ("straight-line", OURS_STRAIGHT, false)
        };
        let label = format!("{} {what}: {}", ours.label, range_label(fam, &points));
        add(label, points, color, dashed);
    }
    out
}

/// gc's cliff: its last open-coded point and its first stack record.
pub fn cliff(strategies: &[Strategy]) -> Option<((f64, f64), (f64, f64))> {
    let last_open = strategies
        .iter()
        .find(|s| s.color == GC_OPEN)?
        .points
        .last()?;
    let first_stack = strategies
        .iter()
        .find(|s| s.color == GC_STACK)?
        .points
        .first()?;
    Some((*last_open, *first_stack))
}

/// Draws the plot on `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    strategies: &[Strategy],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let all = || strategies.iter().flat_map(|s| s.points.iter());
    let xmax = all().map(|p| p.0).fold(1.0, f64::max);
    let ymin = all().map(|p| p.1).fold(f64::INFINITY, f64::min).max(0.1);
    let ymax = all().map(|p| p.1).fold(1.0, f64::max);
    let mut chart = ChartBuilder::on(area)
        .caption(
            "ns/op against the number of defers, per strategy",
            ("sans-serif", 22),
        )
        .margin(20)
        .x_label_area_size(45)
        .y_label_area_size(70)
        .build_cartesian_2d(
            (0.8f64..xmax * 1.25).log_scale().base(2.0),
            (ymin / 1.6..ymax * 2.0).log_scale(),
        )?;
    chart
        .configure_mesh()
        .x_desc("defers (log scale)")
        .y_desc("ns/op (log scale)")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for s in strategies {
        let style = s.color.stroke_width(2);
        if s.dashed {
            chart
                .draw_series(DashedLineSeries::new(s.points.clone(), 6, 4, style))?
                .label(s.label.clone())
                .legend(move |(x, y)| {
                    DashedPathElement::new(vec![(x, y), (x + 20, y)], 6, 4, style)
                });
        } else {
            chart
                .draw_series(LineSeries::new(s.points.clone(), style))?
                .label(s.label.clone())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], style));
        }
        chart.draw_series(
            s.points
                .iter()
                .map(|&p| Circle::new(p, 3, s.color.filled())),
        )?;
    }
    if let Some((a, b)) = cliff(strategies) {
        chart.draw_series(DashedLineSeries::new(
            vec![a, b],
            4,
            3,
            CLIFF.stroke_width(2),
        ))?;
        let style = ("sans-serif", 14)
            .into_font()
            .color(&CLIFF)
            .pos(Pos::new(HPos::Left, VPos::Top));
        chart.draw_series(std::iter::once(Text::new(
            format!(
                "    gc's cliff: {} -> {} defers, {:.0} -> {:.0} ns ({:.1}x)",
                a.0,
                b.0,
                a.1,
                b.1,
                b.1 / a.1
            ),
            b,
            style,
        )))?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    Ok(())
}
