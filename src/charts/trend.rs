//! The trend chart: the overall score across a person's completed attempts, oldest first.
//!
//! When the attempts are too close together for every date to fit, dates and scores are shown for
//! evenly spaced attempts counted back from the latest, which is always labelled.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{text_width, Label, Palette, MARGIN, SMALL_PX};
use crate::display::whole;
use crate::i18n::tr;

/// The height of a trend chart, at every width.
pub const HEIGHT: u32 = 240;

/// One completed attempt on the trend.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// A short date label, such as `2026-11-21`.
    pub label: String,
    /// The overall score, when there was one.
    pub overall: Option<f64>,
}

/// Every how many attempts a label `label_width` wide fits, at `spacing` pixels between attempts.
fn label_step(label_width: f64, spacing: f64) -> usize {
    ((label_width + 10.0) / spacing).ceil().max(1.0) as usize
}

/// Draws the overall score of each attempt as a labelled point on a 0–100 scale, joined by a line.
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[TrendPoint],
    palette: Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let (width, height) = (f64::from(width), f64::from(height));
    let date_width = points.iter().fold(0.0_f64, |m, p| m.max(text_width(&p.label, SMALL_PX)));
    let left = MARGIN + text_width("100", SMALL_PX) + 8.0;
    let no_score = tr("no score");
    let value_width = text_width(if points.iter().any(|p| p.overall.is_none()) { &no_score } else { "100" }, SMALL_PX);
    // The first and last labels are centred on their points: they stay inside the chart and clear of
    // the scale's numbers.
    let first = (left + 4.0 + value_width / 2.0).max(MARGIN + date_width / 2.0);
    let last = width - MARGIN - date_width.max(value_width) / 2.0;
    let (top, bottom) = (24.0, height - 36.0);
    let spacing = if points.len() > 1 { (last - first) / (points.len() - 1) as f64 } else { f64::INFINITY };
    let x_of = |i: usize| if points.len() <= 1 { (first + last) / 2.0 } else { first + spacing * i as f64 };
    let y_of = |value: f64| bottom - (bottom - top) * value.clamp(0.0, 100.0) / 100.0;
    let date_step = label_step(date_width, spacing);
    let value_step = label_step(value_width, spacing);
    let labelled = |i: usize, step: usize| (points.len() - 1 - i).is_multiple_of(step);

    for tick in [0.0, 50.0, 100.0] {
        let y = y_of(tick).round() as i32;
        area.draw(&PathElement::new(vec![(left as i32, y), (width as i32 - 8, y)], palette.grid.stroke_width(1)))?;
        Label::new(whole(tick), (left - 6.0, f64::from(y)), SMALL_PX, HPos::Right, VPos::Center)
            .draw(area, &palette.text)?;
    }
    let scored: Vec<(i32, i32)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((x_of(i).round() as i32, y_of(p.overall?).round() as i32)))
        .collect();
    if scored.len() > 1 {
        area.draw(&PathElement::new(scored, palette.person.stroke_width(3)))?;
    }
    for (i, p) in points.iter().enumerate() {
        let x = x_of(i);
        if labelled(i, date_step) {
            Label::new(p.label.as_str(), (x, bottom + 10.0), SMALL_PX, HPos::Center, VPos::Top)
                .draw(area, &palette.text)?;
        }
        if let Some(value) = p.overall {
            area.draw(&Circle::new((x.round() as i32, y_of(value).round() as i32), 5, palette.person.filled()))?;
        }
        if labelled(i, value_step) {
            let (text, y) = p.overall.map_or((no_score.clone(), y_of(0.0)), |v| (whole(v), y_of(v)));
            Label::new(text, (x, y - 10.0), SMALL_PX, HPos::Center, VPos::Bottom).draw(area, &palette.text)?;
        }
    }
    Ok(())
}
