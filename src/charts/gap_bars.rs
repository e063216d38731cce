//! The gap bar chart: how far each dimension is from the target role, short of it or beyond it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{font_size, Palette};
use crate::display::gap_words;
use crate::scoring::Report;

pub const ROW_HEIGHT: u32 = 52;

/// The height a gap chart of `dimensions` rows needs.
pub fn height_for(dimensions: usize) -> u32 {
    40 + ROW_HEIGHT * dimensions as u32
}

/// Draws one row per dimension: a bar from zero to the gap, solid when short of the target and
/// outlined when beyond it, each labelled in words ("22 short", "7 beyond", "on target").
pub fn draw_gap_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
    palette: Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, _) = area.dim_in_pixel();
    let width = f64::from(width);
    let scale = report.dimensions.iter().filter_map(|d| d.gap).fold(10.0_f64, |m, g| m.max(g.abs()));
    let (left, right) = (16.0, width - 16.0);
    let zero = (left + right) / 2.0;
    let x_of = |gap: f64| (zero + gap / scale * (right - left) / 2.0 * 0.8).round() as i32;

    let label = ("sans-serif", font_size(16.0)).into_font().color(&palette.text);
    let small = ("sans-serif", font_size(14.0)).into_font().color(&palette.text);
    area.draw(&Text::new("beyond target", (left as i32, 12), small.clone().pos(Pos::new(HPos::Left, VPos::Center))))?;
    area.draw(&Text::new(
        "short of target",
        (right as i32, 12),
        small.clone().pos(Pos::new(HPos::Right, VPos::Center)),
    ))?;

    for (row, d) in report.dimensions.iter().enumerate() {
        let top = 30 + (row as u32 * ROW_HEIGHT) as i32;
        area.draw(&Text::new(
            d.name.clone(),
            (left as i32, top + 2),
            label.clone().pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
        let bar_top = top + 24;
        let bar_bottom = bar_top + 18;
        let words = d.gap.map_or("not enough answers".to_owned(), gap_words);
        if let Some(gap) = d.gap {
            let (a, b) = (x_of(0.0), x_of(gap));
            let (x0, x1) = (a.min(b), a.max(b).max(a.min(b) + 1));
            if gap > 0.0 {
                area.draw(&Rectangle::new([(x0, bar_top), (x1, bar_bottom)], palette.person.filled()))?;
            } else {
                area.draw(&Rectangle::new([(x0, bar_top), (x1, bar_bottom)], palette.person.mix(0.2).filled()))?;
                area.draw(&Rectangle::new([(x0, bar_top), (x1, bar_bottom)], palette.person.stroke_width(2)))?;
            }
            let (x, h) = if gap > 0.0 { (x1 + 6, HPos::Left) } else { (x0 - 6, HPos::Right) };
            area.draw(&Text::new(
                words,
                (x, (bar_top + bar_bottom) / 2),
                small.clone().pos(Pos::new(h, VPos::Center)),
            ))?;
        } else {
            area.draw(&Text::new(
                words,
                (zero as i32 + 6, (bar_top + bar_bottom) / 2),
                small.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
    }
    let bottom = 30 + (report.dimensions.len() as u32 * ROW_HEIGHT) as i32;
    area.draw(&PathElement::new(vec![(zero as i32, 24), (zero as i32, bottom)], palette.target.stroke_width(2)))?;
    Ok(())
}
