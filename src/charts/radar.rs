//! The radar chart: the person's dimension scores against the target role's profile.
//!
//! Where the width allows, each axis is labelled at its tip with its name, score and target; on a
//! narrow chart the tips carry numbers and a key below the radar gives each name with its values,
//! so the radar keeps its size and the text its size.

use std::f64::consts::PI;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{line_height, text_width, wrap, Label, Palette, LABEL_PX, MARGIN, SMALL_PX};
use crate::display::whole;
use crate::scoring::Report;

/// The largest radius: beyond it a wider chart only gains space around the radar.
const MAX_RADIUS: f64 = 150.0;
/// Below this radius labels at the tips leave too little radar, so the key is used instead.
const MIN_TIP_RADIUS: f64 = 85.0;
/// Between the outer ring and its label.
const TIP_GAP: f64 = 10.0;
/// Where legend text starts, after the line samples.
const LEGEND_TEXT_X: f64 = 40.0;

/// Where everything of a radar goes for one width.
struct Layout {
    height: f64,
    center: (f64, f64),
    radius: f64,
    labels: Vec<Label>,
}

/// The width the printed roadmap draws its radar for: half of an A4 page's text width, in CSS pixels.
pub const PRINT_WIDTH: u32 = 340;
/// The printed radar's height: it sits beside the score table, so the radar gives way, never the text.
pub const PRINT_HEIGHT: u32 = 420;

/// The height a radar of `report` needs when drawn `width` pixels wide, at most `max_height` (the
/// radar shrinks to fit; its text does not).
pub fn height_for(width: u32, max_height: u32, report: &Report, role_name: &str) -> u32 {
    layout(f64::from(width), f64::from(max_height), report, role_name).height as u32
}

fn angle(axis: usize, count: usize) -> f64 {
    -PI / 2.0 + 2.0 * PI * axis as f64 / count as f64
}

/// Lines of text stacked into one block: (text, size in pixels).
type Block = Vec<(String, f64)>;

fn block_size(block: &Block) -> (f64, f64) {
    block.iter().fold((0.0, 0.0), |(w, h), (text, px)| (w.max(text_width(text, *px)), h + line_height(*px)))
}

fn value_words(score: Option<f64>, target: f64) -> String {
    match score {
        Some(score) => format!("{} of {}", whole(score), whole(target)),
        None => format!("not enough answers (target {})", whole(target)),
    }
}

/// The layout for `width`, with the largest radius that keeps it within `max_height`.
fn layout(width: f64, max_height: f64, report: &Report, role_name: &str) -> Layout {
    let natural = layout_within(width, MAX_RADIUS, report, role_name);
    if natural.height <= max_height {
        return natural;
    }
    // Each pixel of radius is two pixels of height, or four when the tips' labels give way to a key.
    let mut radius = natural.radius - (natural.height - max_height) / 2.0;
    loop {
        let smaller = layout_within(width, radius, report, role_name);
        if smaller.height <= max_height || radius <= 30.0 {
            return smaller;
        }
        radius = (radius - (smaller.height - max_height) / 2.0).max(30.0);
    }
}

fn layout_within(width: f64, max_radius: f64, report: &Report, role_name: &str) -> Layout {
    let count = report.dimensions.len().max(1);
    let mut labels = Vec::new();

    // The legend, top left: the line samples are drawn by `draw_radar` beside the first two rows.
    labels.push(Label::new("Your score", (LEGEND_TEXT_X, 4.0), SMALL_PX, HPos::Left, VPos::Top));
    let mut legend_bottom = 26.0;
    for line in wrap(&format!("Target: {role_name}"), SMALL_PX, width - LEGEND_TEXT_X - MARGIN) {
        labels.push(Label::new(line, (LEGEND_TEXT_X, legend_bottom), SMALL_PX, HPos::Left, VPos::Top));
        legend_bottom += line_height(SMALL_PX);
    }
    legend_bottom += 12.0;

    // First try names and values at the tips, wrapped to under a third of the width.
    let longest_word = report
        .dimensions
        .iter()
        .flat_map(|d| d.name.split_whitespace())
        .fold(0.0_f64, |m, word| m.max(text_width(word, LABEL_PX)));
    let tip_blocks: Vec<Block> = report
        .dimensions
        .iter()
        .enumerate()
        .map(|(axis, d)| {
            // Beside the radar a third of the width; above and below it, more.
            let share = if angle(axis, count).cos().abs() > 0.3 { 0.3 } else { 0.6 };
            let line_width = (width * share).max(longest_word).min(170.0 / 0.3 * share);
            let name = wrap(&d.name, LABEL_PX, line_width).into_iter().map(|l| (l, LABEL_PX));
            name.chain(wrap(&value_words(d.score, d.target), SMALL_PX, line_width).into_iter().map(|l| (l, SMALL_PX)))
                .collect()
        })
        .collect();
    let fit = |blocks: &[Block]| {
        blocks.iter().enumerate().fold(max_radius, |radius, (axis, block)| {
            let (block_width, _) = block_size(block);
            let c = angle(axis, count).cos().abs();
            let room = width / 2.0 - MARGIN - if c > 0.3 { block_width } else { block_width / 2.0 };
            if c > 0.01 {
                radius.min(room / c - TIP_GAP)
            } else if room < 0.0 {
                0.0
            } else {
                radius
            }
        })
    };
    let mut radius = fit(&tip_blocks);
    let narrow = radius < MIN_TIP_RADIUS;
    let blocks: Vec<Block> = if narrow {
        let numbers: Vec<Block> = (1..=count).map(|n| vec![(n.to_string(), LABEL_PX)]).collect();
        radius = fit(&numbers);
        numbers
    } else {
        tip_blocks
    };

    // Vertical extent around the centre: the outer ring and every tip's block.
    let placed: Vec<(f64, f64, HPos, f64)> = blocks
        .iter()
        .enumerate()
        .map(|(axis, block)| {
            let (c, s) = (angle(axis, count).cos(), angle(axis, count).sin());
            let (x, y) = ((radius + TIP_GAP) * c, (radius + TIP_GAP) * s);
            let h = if c > 0.3 {
                HPos::Left
            } else if c < -0.3 {
                HPos::Right
            } else {
                HPos::Center
            };
            let (_, block_height) = block_size(block);
            let top = if s > 0.3 {
                y
            } else if s < -0.3 {
                y - block_height
            } else {
                y - block_height / 2.0
            };
            (x, top, h, block_height)
        })
        .collect();
    let top = placed.iter().fold(-radius, |m, p| m.min(p.1));
    let bottom = placed.iter().fold(radius, |m, p| m.max(p.1 + p.3));
    let center = (width / 2.0, legend_bottom - top);
    for ((x, block_top, h, _), block) in placed.into_iter().zip(&blocks) {
        let mut y = center.1 + block_top;
        for (text, px) in block {
            labels.push(Label::new(text.clone(), (center.0 + x, y), *px, h, VPos::Top));
            y += line_height(*px);
        }
    }
    let mut height = center.1 + bottom + MARGIN;

    if narrow {
        // The key: each number with its name on the left and its values on the right.
        height += 8.0;
        let full = width - 2.0 * MARGIN;
        for (n, d) in report.dimensions.iter().enumerate() {
            let name = format!("{}. {}", n + 1, d.name);
            let value = value_words(d.score, d.target);
            // The values beside the name when both fit on one line, else on lines of their own below.
            let beside = text_width(&name, LABEL_PX) + 12.0 + text_width(&value, SMALL_PX) <= full;
            let mut value_top = height + 2.0;
            for line in wrap(&name, LABEL_PX, full) {
                labels.push(Label::new(line, (MARGIN, height), LABEL_PX, HPos::Left, VPos::Top));
                height += line_height(LABEL_PX);
            }
            if !beside {
                value_top = height;
            }
            for line in wrap(&value, SMALL_PX, full) {
                labels.push(Label::new(line, (width - MARGIN, value_top), SMALL_PX, HPos::Right, VPos::Top));
                value_top += line_height(SMALL_PX);
            }
            height = height.max(value_top) + 6.0;
        }
        height += MARGIN;
    }
    Layout { height: height.ceil(), center, radius, labels }
}

/// Draws `report` as a radar: rings at every 20 points, a dashed polygon for the role's targets, a
/// filled polygon for the scores, and each axis labelled with its name, score and target (or
/// numbered, with a key, when the area is narrow). A dimension without a score sits at the centre
/// and is labelled "not enough answers".
pub fn draw_radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
    role_name: &str,
    palette: Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let Layout { center: (cx, cy), radius, labels, .. } =
        layout(f64::from(width), f64::from(height), report, role_name);
    let count = report.dimensions.len().max(1);
    let point = |axis: usize, value: f64| -> (i32, i32) {
        let r = radius * value.clamp(0.0, 100.0) / 100.0;
        let a = angle(axis, count);
        ((cx + r * a.cos()).round() as i32, (cy + r * a.sin()).round() as i32)
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

    area.draw(&PathElement::new(vec![(8, 12), (32, 12)], palette.person.stroke_width(3)))?;
    area.draw(&DashedPathElement::new(vec![(8, 34), (32, 34)], 6, 4, palette.target.stroke_width(2)))?;
    for label in &labels {
        label.draw(area, &palette.text)?;
    }
    Ok(())
}
