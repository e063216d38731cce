//! The radar chart: the person's dimension scores against the target role's profile.

use std::f64::consts::PI;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{font_size, Palette};
use crate::display::whole;
use crate::scoring::Report;

/// Draws `report` as a radar: rings at every 20 points, a dashed polygon for the role's targets, a
/// filled polygon for the scores, and each axis labelled with its name, score and target.
/// A dimension without a score sits at the centre and is labelled "not enough answers".
pub fn draw_radar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
    role_name: &str,
    palette: Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let (cx, cy) = (f64::from(width) / 2.0, f64::from(height) / 2.0 + 12.0);
    // Room outside the rings for two lines of labels on every side.
    let radius = (f64::from(width.min(height)) / 2.0 - 110.0).max(20.0);
    let count = report.dimensions.len().max(1);
    let point = |axis: usize, value: f64| -> (i32, i32) {
        let angle = -PI / 2.0 + 2.0 * PI * axis as f64 / count as f64;
        let r = radius * value.clamp(0.0, 100.0) / 100.0;
        ((cx + r * angle.cos()).round() as i32, (cy + r * angle.sin()).round() as i32)
    };

    for ring in [20.0, 40.0, 60.0, 80.0, 100.0] {
        let mut outline: Vec<(i32, i32)> = (0..count).map(|axis| point(axis, ring)).collect();
        outline.push(outline[0]);
        area.draw(&PathElement::new(outline, palette.grid.stroke_width(1)))?;
    }
    let small = ("sans-serif", font_size(14.0)).into_font().color(&palette.text);
    for ring in [20.0, 60.0, 100.0] {
        let (x, y) = point(0, ring);
        area.draw(&Text::new(whole(ring), (x + 4, y), small.clone().pos(Pos::new(HPos::Left, VPos::Center))))?;
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

    let label = ("sans-serif", font_size(16.0)).into_font().color(&palette.text);
    for (axis, d) in report.dimensions.iter().enumerate() {
        let angle = -PI / 2.0 + 2.0 * PI * axis as f64 / count as f64;
        let (x, y) = (cx + (radius + 16.0) * angle.cos(), cy + (radius + 16.0) * angle.sin());
        let h = if angle.cos() > 0.3 {
            HPos::Left
        } else if angle.cos() < -0.3 {
            HPos::Right
        } else {
            HPos::Center
        };
        let v = if angle.sin() > 0.3 {
            VPos::Top
        } else if angle.sin() < -0.3 {
            VPos::Bottom
        } else {
            VPos::Center
        };
        let value = match d.score {
            Some(score) => format!("{} of {}", whole(score), whole(d.target)),
            None => format!("not enough answers (target {})", whole(d.target)),
        };
        let (name_dy, value_dy) = match v {
            VPos::Bottom => (-20, 0),
            VPos::Top => (0, 20),
            VPos::Center => (-10, 10),
        };
        area.draw(&Text::new(d.name.clone(), (x as i32, y as i32 + name_dy), label.clone().pos(Pos::new(h, v))))?;
        area.draw(&Text::new(value, (x as i32, y as i32 + value_dy), small.clone().pos(Pos::new(h, v))))?;
    }

    let legend = ("sans-serif", font_size(14.0)).into_font().color(&palette.text);
    area.draw(&PathElement::new(vec![(8, 12), (32, 12)], palette.person.stroke_width(3)))?;
    area.draw(&Text::new("Your score", (38, 12), legend.clone().pos(Pos::new(HPos::Left, VPos::Center))))?;
    area.draw(&DashedPathElement::new(vec![(8, 30), (32, 30)], 6, 4, palette.target.stroke_width(2)))?;
    area.draw(&Text::new(format!("Target: {role_name}"), (38, 30), legend.pos(Pos::new(HPos::Left, VPos::Center))))?;
    Ok(())
}
