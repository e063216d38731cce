//! The gap bar chart: how far each dimension is from the target role, short of it or beyond it.
//!
//! Each row has its name (wrapped to the width) and its gap in words on one line, and the bar below
//! it, so the words never collide with a bar and bars use the whole width.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{line_height, text_width, wrap, Label, Palette, LABEL_PX, MARGIN, SMALL_PX};
use crate::display::gap_words;
use crate::i18n::{msg, tr};
use crate::scoring::Report;

const BAR_HEIGHT: f64 = 16.0;
/// Where the first row starts, below the "beyond" and "short" headings.
const FIRST_ROW: f64 = 30.0;

/// Where the text and bars of a gap chart go for one width.
struct Layout {
    height: f64,
    labels: Vec<Label>,
    /// The top of each dimension's bar.
    bar_tops: Vec<f64>,
}

/// What a gap chart shows: one row per dimension, its name and its gap (target − score, `None` when
/// there is none), and the words said in place of a missing gap: an English text marked with
/// `msg(…)`, looked up in the language spoken when drawn (a text already translated is found in no
/// catalog, so it is drawn as it is).
pub struct Gaps<'a> {
    pub rows: Vec<(&'a str, Option<f64>)>,
    pub missing: &'a str,
}

impl<'a> Gaps<'a> {
    /// A person's gaps to the report's role.
    pub fn of_report(report: &'a Report) -> Gaps<'a> {
        Gaps {
            rows: report.dimensions.iter().map(|d| (d.name.as_str(), d.gap)).collect(),
            missing: msg("not enough answers"),
        }
    }
}

/// The height a gap chart of `gaps` needs when drawn `width` pixels wide.
pub fn height_for(width: u32, gaps: &Gaps) -> u32 {
    layout(f64::from(width), gaps).height as u32
}

fn layout(width: f64, gaps: &Gaps) -> Layout {
    let (beyond, short) = (tr("beyond target"), tr("short of target"));
    let (beyond, short) = if text_width(&format!("{beyond} {short}"), SMALL_PX) + 16.0 < width - 2.0 * MARGIN {
        (beyond, short)
    } else {
        (tr("beyond"), tr("short"))
    };
    let mut labels = vec![
        Label::new(beyond, (MARGIN, 4.0), SMALL_PX, HPos::Left, VPos::Top),
        Label::new(short, (width - MARGIN, 4.0), SMALL_PX, HPos::Right, VPos::Top),
    ];
    let mut bar_tops = Vec::new();
    let mut y = FIRST_ROW;
    let missing = tr(gaps.missing);
    for &(name, gap) in &gaps.rows {
        let words = gap.map_or_else(|| missing.clone(), gap_words);
        // The words beside the name when both fit on one line, else on a line of their own below it.
        let full = width - 2.0 * MARGIN;
        let beside = text_width(name, LABEL_PX) + 12.0 + text_width(&words, SMALL_PX) <= full;
        let mut words_at = y + 2.0;
        for line in wrap(name, LABEL_PX, full) {
            labels.push(Label::new(line, (MARGIN, y), LABEL_PX, HPos::Left, VPos::Top));
            y += line_height(LABEL_PX);
        }
        if !beside {
            words_at = y;
            y += line_height(SMALL_PX);
        }
        labels.push(Label::new(words, (width - MARGIN, words_at), SMALL_PX, HPos::Right, VPos::Top));
        bar_tops.push(y + 4.0);
        y += 4.0 + BAR_HEIGHT + 14.0;
    }
    Layout { height: y + MARGIN, labels, bar_tops }
}

/// Draws one row per dimension: a bar from zero to the gap, solid when short of the target and
/// outlined when beyond it, each labelled in words ("22 short", "7 beyond", "on target").
pub fn draw_gap_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    gaps: &Gaps,
    palette: Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, _) = area.dim_in_pixel();
    let width = f64::from(width);
    let Layout { height, labels, bar_tops } = layout(width, gaps);
    let scale = gaps.rows.iter().filter_map(|row| row.1).fold(10.0_f64, |m, g| m.max(g.abs()));
    let zero = width / 2.0;
    let x_of = |gap: f64| (zero + gap / scale * (width / 2.0 - MARGIN)).round() as i32;

    for label in &labels {
        label.draw(area, &palette.text)?;
    }
    for (&(_, gap), top) in gaps.rows.iter().zip(bar_tops) {
        let Some(gap) = gap else { continue };
        let (a, b) = (x_of(0.0), x_of(gap));
        let (x0, x1) = (a.min(b), a.max(b).max(a.min(b) + 1));
        let corners = [(x0, top as i32), (x1, (top + BAR_HEIGHT) as i32)];
        if gap > 0.0 {
            area.draw(&Rectangle::new(corners, palette.person.filled()))?;
        } else {
            area.draw(&Rectangle::new(corners, palette.person.mix(0.2).filled()))?;
            area.draw(&Rectangle::new(corners, palette.person.stroke_width(2)))?;
        }
    }
    let zero = zero as i32;
    area.draw(&PathElement::new(vec![(zero, 22), (zero, (height - MARGIN) as i32)], palette.target.stroke_width(2)))?;
    Ok(())
}
