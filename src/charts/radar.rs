//! The radar chart: the person's dimension scores against the target role's profile, and the
//! others' view beside them when raters have replied.
//!
//! The tips of the axes carry numbers and a key below the radar gives each number's name, score
//! and target: names of any length then fit any width without the radar or its text shrinking.
//! On paper the score table beside the radar, numbered by the print stylesheet, is the key.

use std::f64::consts::PI;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{line_height, text_width, wrap, Label, Palette, LABEL_PX, MARGIN, SMALL_PX};
use crate::display::whole;
use crate::i18n::{tr, trf, trn};
use crate::scoring::Report;

/// The largest radius: beyond it a wider chart only gains space around the radar.
const MAX_RADIUS: f64 = 150.0;
/// Between the outer ring and an axis's number.
const TIP_GAP: f64 = 8.0;
/// Where legend text starts, after the line samples.
const LEGEND_TEXT_X: f64 = 40.0;

/// How a radar is fitted: the most height it may take, and whether it draws its own key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub max_height: u32,
    pub key: bool,
}

impl Fit {
    /// On screen: as tall as the width makes it, with its key.
    pub const SCREEN: Fit = Fit { max_height: u32::MAX, key: true };
    /// The printed roadmap: beside the score table (numbered in print, so it is the key), in a
    /// height that keeps the roadmap's pages; the radar gives way to the height, never the text.
    pub const PRINT: Fit = Fit { max_height: 300, key: false };
}

/// The width the printed roadmap draws its radar for, in CSS pixels: what an A4 page's text width
/// (695 px) leaves beside the score table with its "not yet tried" column (about 420 px).
pub const PRINT_WIDTH: u32 = 260;

/// What a radar shows: the person's report against its role, and the others' view if any (each
/// dimension's mean of raters' scores, and how many raters replied).
pub struct Series<'a> {
    pub report: &'a Report,
    pub role_name: &'a str,
    pub others: Option<(&'a [Option<f64>], usize)>,
}

/// Where everything of a radar goes for one width.
struct Layout {
    height: f64,
    center: (f64, f64),
    radius: f64,
    labels: Vec<Label>,
    /// The top of the others' view's legend line, when there is one: its line sample goes beside it
    /// (found by place, not by its words, which are the language's).
    others_legend: Option<i32>,
}

/// The height a radar of `report` needs when drawn `width` pixels wide, at most `fit.max_height`
/// (the radar shrinks to fit; its text does not).
pub fn height_for(width: u32, fit: Fit, series: &Series) -> u32 {
    layout(f64::from(width), f64::from(fit.max_height), fit.key, series).height as u32
}

/// 0, 1 or 2 as a direction's component points back, across, or forward (beyond ±0.3).
fn side(component: f64) -> usize {
    if component < -0.3 {
        0
    } else if component > 0.3 {
        2
    } else {
        1
    }
}

/// The direction of axis `axis` of `count`, clockwise from the top, as its cosine and sine (in
/// screen coordinates, y pointing down).
pub fn direction(axis: usize, count: usize) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * axis as f64 / count.max(1) as f64;
    let (sin, cos) = sin_cos(if angle > PI { angle - 2.0 * PI } else { angle });
    (cos, sin)
}

/// The sine and cosine of `x` in [-π, π] by their Taylor series, to within 1e-9: far below a
/// pixel. Not `f64::sin` and `f64::cos`, which bring libm's argument reduction for any angle
/// (≈ 6.5 KB of wasm) where these angles never leave one turn.
fn sin_cos(x: f64) -> (f64, f64) {
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut sin_term, mut cos_term) = (x, 1.0);
    for n in 0..12 {
        sin += sin_term;
        cos += cos_term;
        let k = 2.0 * f64::from(n);
        sin_term *= -x * x / ((k + 2.0) * (k + 3.0));
        cos_term *= -x * x / ((k + 1.0) * (k + 2.0));
    }
    (sin, cos)
}

fn layout(width: f64, max_height: f64, with_key: bool, series: &Series) -> Layout {
    let Series { report, role_name, others } = *series;
    let count = report.dimensions.len().max(1);
    // The key: under the radar, no wider than a comfortable line.
    let full = (width - 2.0 * MARGIN).min(360.0);
    let key_left = (width - full) / 2.0;
    let mut labels = Vec::new();

    // The legend, top left: the line samples are drawn by `draw_radar` beside the first two rows.
    labels.push(Label::new(tr("Your score"), (LEGEND_TEXT_X, 4.0), SMALL_PX, HPos::Left, VPos::Top));
    let mut legend_bottom = 26.0;
    for line in wrap(&trf("Target: {role}", &[role_name]), SMALL_PX, width - LEGEND_TEXT_X - MARGIN) {
        labels.push(Label::new(line, (LEGEND_TEXT_X, legend_bottom), SMALL_PX, HPos::Left, VPos::Top));
        legend_bottom += line_height(SMALL_PX);
    }
    let mut others_legend = None;
    if let Some((_, raters)) = others {
        let text = trn(raters, "Others' view ({n} reply)", "Others' view ({n} replies)", &[]);
        let label = Label::new(text, (LEGEND_TEXT_X, legend_bottom + 4.0), SMALL_PX, HPos::Left, VPos::Top);
        others_legend = Some(label.at.1);
        labels.push(label);
        legend_bottom += line_height(SMALL_PX) + 4.0;
    }

    // The key, laid out from the top of its area: each name with its values beside it when both
    // fit on one line, else on lines of their own below it.
    let mut key = Vec::new();
    let mut key_height = 0.0;
    for (n, d) in report.dimensions.iter().enumerate().filter(|_| with_key) {
        let name = format!("{}. {}", n + 1, d.name);
        let target = whole(d.target);
        let others_score = others.and_then(|(scores, _)| scores.get(n).copied().flatten()).map(whole);
        let value = match (d.score.map(whole), others_score) {
            (Some(score), None) => trf("{score} of {target}", &[&score, &target]),
            (Some(score), Some(others)) => trf("{score} of {target}, others {others}", &[&score, &target, &others]),
            (None, None) => trf("not enough answers (target {target})", &[&target]),
            (None, Some(others)) => trf("not enough answers (target {target}), others {others}", &[&target, &others]),
        };
        let beside = text_width(&name, LABEL_PX) + 12.0 + text_width(&value, SMALL_PX) <= full;
        let mut value_top = key_height + 2.0;
        for line in wrap(&name, LABEL_PX, full) {
            key.push(Label::new(line, (key_left, key_height), LABEL_PX, HPos::Left, VPos::Top));
            key_height += line_height(LABEL_PX);
        }
        if !beside {
            value_top = key_height;
        }
        for line in wrap(&value, SMALL_PX, full) {
            key.push(Label::new(line, (key_left + full, value_top), SMALL_PX, HPos::Right, VPos::Top));
            value_top += line_height(SMALL_PX);
        }
        key_height = f64::max(key_height, value_top) + 6.0;
    }

    // The radar between them, as large as the width (less the numbers at the side tips) and the
    // height allow; the numbers at the top and bottom tips take a line each.
    let number = line_height(LABEL_PX);
    let fixed = legend_bottom + 2.0 * (TIP_GAP + number) + key_height + 2.0 * MARGIN + 8.0;
    let radius = (width / 2.0 - MARGIN - text_width(&count.to_string(), LABEL_PX) - TIP_GAP)
        .min(MAX_RADIUS)
        .min((max_height - fixed) / 2.0)
        .max(20.0);
    let center = (width / 2.0, legend_bottom + MARGIN + number + TIP_GAP + radius);
    for axis in 0..count {
        let (c, s) = direction(axis, count);
        // Each number sits outside its tip: beside it on the sides, above or below it at the top and bottom.
        let h = [HPos::Right, HPos::Center, HPos::Left][side(c)];
        let v = [VPos::Bottom, VPos::Center, VPos::Top][side(s)];
        let at = (center.0 + (radius + TIP_GAP) * c, center.1 + (radius + TIP_GAP) * s);
        labels.push(Label::new((axis + 1).to_string(), at, LABEL_PX, h, v));
    }
    let key_top = center.1 + radius + TIP_GAP + number + 8.0;
    labels.extend(key.into_iter().map(|label| Label { at: (label.at.0, label.at.1 + key_top as i32), ..label }));
    Layout { height: (key_top + key_height + MARGIN).ceil(), center, radius, labels, others_legend }
}

/// Draws `report` as a radar: rings at every 20 points, a dashed polygon for the role's targets, a
/// filled polygon for the scores, and each axis numbered, with a key of names, scores and targets
/// when `with_key` (else the page must give one).
/// A dimension without a score sits at the centre and is labelled "not enough answers".
pub fn draw_radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &Series,
    with_key: bool,
    palette: Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let report = series.report;
    let (width, height) = area.dim_in_pixel();
    let Layout { center: (cx, cy), radius, labels, others_legend, .. } =
        layout(f64::from(width), f64::from(height), with_key, series);
    let count = report.dimensions.len().max(1);
    let point = |axis: usize, value: f64| -> (i32, i32) {
        let r = radius * value.clamp(0.0, 100.0) / 100.0;
        let (c, s) = direction(axis, count);
        ((cx + r * c).round() as i32, (cy + r * s).round() as i32)
    };

    for ring in [20.0, 40.0, 60.0, 80.0, 100.0] {
        let mut outline: Vec<(i32, i32)> = (0..count).map(|axis| point(axis, ring)).collect();
        outline.push(outline[0]);
        area.draw(&PathElement::new(outline, palette.grid.stroke_width(1)))?;
    }
    for ring in [20.0, 60.0, 100.0] {
        let (x, y) = point(0, ring);
        Label::new(whole(ring), (f64::from(x) + 4.0, f64::from(y) + 2.0), SMALL_PX, HPos::Left, VPos::Top)
            .draw(area, &palette.text)?;
    }
    for axis in 0..count {
        area.draw(&PathElement::new(vec![point(axis, 0.0), point(axis, 100.0)], palette.grid.stroke_width(1)))?;
    }

    let scores: Vec<(i32, i32)> =
        report.dimensions.iter().enumerate().map(|(axis, d)| point(axis, d.score.unwrap_or(0.0))).collect();
    area.draw(&Polygon::new(scores.clone(), palette.person.mix(0.25).filled()))?;
    let mut closed = scores.clone();
    closed.push(scores[0]);
    area.draw(&PathElement::new(closed, palette.person.stroke_width(3)))?;
    for (position, d) in scores.iter().zip(&report.dimensions) {
        if d.score.is_some() {
            area.draw(&Circle::new(*position, 4, palette.person.filled()))?;
        }
    }

    let mut targets: Vec<(i32, i32)> =
        report.dimensions.iter().enumerate().map(|(axis, d)| point(axis, d.target)).collect();
    targets.push(targets[0]);
    area.draw(&DashedPathElement::new(targets, 6, 4, palette.target.stroke_width(2)))?;

    // The others' view: a dotted outline with square marks, apart from the person's by line and mark.
    if let Some((scores, _)) = series.others {
        let points: Vec<Option<(i32, i32)>> =
            (0..count).map(|axis| scores.get(axis).copied().flatten().map(|score| point(axis, score))).collect();
        let mut outline: Vec<(i32, i32)> = points.iter().map(|p| p.unwrap_or(point(0, 0.0))).collect();
        outline.push(outline[0]);
        area.draw(&DashedPathElement::new(outline, 2, 4, palette.others.stroke_width(3)))?;
        for (x, y) in points.into_iter().flatten() {
            area.draw(&Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], palette.others.filled()))?;
        }
    }

    area.draw(&PathElement::new(vec![(8, 12), (32, 12)], palette.person.stroke_width(3)))?;
    area.draw(&DashedPathElement::new(vec![(8, 34), (32, 34)], 6, 4, palette.target.stroke_width(2)))?;
    if series.others.is_some() {
        let y = others_legend.unwrap_or(56) + 8;
        area.draw(&DashedPathElement::new(vec![(8, y), (32, y)], 2, 4, palette.others.stroke_width(3)))?;
    }
    for label in &labels {
        label.draw(area, &palette.text)?;
    }
    Ok(())
}
