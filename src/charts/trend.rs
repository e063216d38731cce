//! The trend chart: the overall score across a person's completed attempts, oldest first.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{font_size, Palette};
use crate::display::whole;

/// One completed attempt on the trend.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendPoint {
    /// A short date label, such as `2026-11-21`.
    pub label: String,
    /// The overall score, when there was one.
    pub overall: Option<f64>,
}

/// Draws the overall score of each attempt as a labelled point on a 0–100 scale, joined by a line.
pub fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[TrendPoint],
    palette: Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let (left, right, top, bottom) = (40.0, f64::from(width) - 24.0, 20.0, f64::from(height) - 36.0);
    let x_of = |i: usize| -> i32 {
        if points.len() <= 1 {
            ((left + right) / 2.0) as i32
        } else {
            (left + (right - left) * i as f64 / (points.len() - 1) as f64).round() as i32
        }
    };
    let y_of = |value: f64| (bottom - (bottom - top) * value.clamp(0.0, 100.0) / 100.0).round() as i32;

    let small = ("sans-serif", font_size(14.0)).into_font().color(&palette.text);
    for tick in [0.0, 50.0, 100.0] {
        area.draw(&PathElement::new(
            vec![(left as i32, y_of(tick)), (right as i32, y_of(tick))],
            palette.grid.stroke_width(1),
        ))?;
        area.draw(&Text::new(
            whole(tick),
            (left as i32 - 6, y_of(tick)),
            small.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    let scored: Vec<(i32, i32)> =
        points.iter().enumerate().filter_map(|(i, p)| Some((x_of(i), y_of(p.overall?)))).collect();
    if scored.len() > 1 {
        area.draw(&PathElement::new(scored.clone(), palette.person.stroke_width(3)))?;
    }
    for (i, p) in points.iter().enumerate() {
        let x = x_of(i);
        area.draw(&Text::new(
            p.label.clone(),
            (x, bottom as i32 + 10),
            small.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
        match p.overall {
            Some(value) => {
                area.draw(&Circle::new((x, y_of(value)), 5, palette.person.filled()))?;
                area.draw(&Text::new(
                    whole(value),
                    (x, y_of(value) - 10),
                    small.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))?;
            }
            None => area.draw(&Text::new(
                "no score",
                (x, y_of(0.0) - 10),
                small.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))?,
        }
    }
    Ok(())
}
