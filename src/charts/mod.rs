//! Charts of a score report, drawn with plotters: each is a function generic over `DrawingBackend`,
//! and [`svg`] renders one to an SVG string for the screen, for print and for tests.
//!
//! Every chart is drawn for the width it is shown at (one SVG pixel is one CSS pixel), so its text
//! keeps the sizes below on a 320 px phone as on a desktop: layouts wrap, shorten or thin out
//! labels to fit the width instead of shrinking them. Heights follow from the width (`height_for`).
//!
//! The SVG backend ([`SvgWriter`]) escapes all text it draws, so a question set's names cannot become markup.
//! Colour is never the only cue: values are labelled and series differ in line style.

pub mod gap_bars;
pub mod radar;
mod svg_writer;
pub mod trend;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub use gap_bars::{draw_gap_bars, Gaps};
pub use radar::draw_radar;
pub use svg_writer::SvgWriter;
pub use trend::{draw_trend, TrendPoint};

/// Names on a chart, in CSS pixels.
pub const LABEL_PX: f64 = 15.0;
/// Values, ticks and legends: no chart text is smaller (the widget's smallest body text is 11.5 px).
pub const SMALL_PX: f64 = 13.0;
/// Space between chart text and the chart's edge.
const MARGIN: f64 = 8.0;

/// The colours of a chart, so the widget can draw for light and dark schemes. Text has a contrast
/// of at least 4.5:1 and every line at least 3:1 against the widget's default background
/// (white, or #12161c in the dark scheme).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub text: RGBColor,
    pub grid: RGBColor,
    /// The person's own scores.
    pub person: RGBColor,
    /// Role targets.
    pub target: RGBColor,
    /// The others' view (the mean of raters' scores).
    pub others: RGBColor,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        text: RGBColor(0x1f, 0x23, 0x28),
        grid: RGBColor(0x85, 0x8d, 0x97),
        person: RGBColor(0x1f, 0x5f, 0xbf),
        target: RGBColor(0x3a, 0x3a, 0x3a),
        others: RGBColor(0xa3, 0x4a, 0x00),
    };
    pub const DARK: Palette = Palette {
        text: RGBColor(0xe8, 0xea, 0xed),
        grid: RGBColor(0x6b, 0x74, 0x80),
        person: RGBColor(0x7f, 0xb3, 0xff),
        target: RGBColor(0xd0, 0xd0, 0xd0),
        others: RGBColor(0xff, 0xa8, 0x5c),
    };
}

/// One piece of text placed by a layout: drawn at `px` CSS pixels, anchored at `at` by `pos`.
pub(crate) struct Label {
    pub text: String,
    pub at: (i32, i32),
    pub px: f64,
    pub pos: Pos,
}

impl Label {
    pub fn new(text: impl Into<String>, at: (f64, f64), px: f64, h: HPos, v: VPos) -> Label {
        Label { text: text.into(), at: (at.0.round() as i32, at.1.round() as i32), px, pos: Pos::new(h, v) }
    }

    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        color: &RGBColor,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        // plotters divides font sizes by 1.24 in SVG: this gives `px` on screen.
        let style = ("sans-serif", self.px * 1.24).into_font().color(color).pos(self.pos);
        area.draw(&Text::new(self.text.as_str(), self.at, style))
    }
}

/// The line height of text of `px` pixels.
pub(crate) fn line_height(px: f64) -> f64 {
    (px * 1.3).round()
}

/// The average width of a character, in em: DejaVu Sans, the widest common sans-serif, averages
/// about 0.6 em over words (Arial, Helvetica and Roboto 0.5–0.55).
const CHARACTER_EM: f64 = 0.6;

/// A generous estimate of how wide `text` is at `px` pixels, for layouts that cannot measure text.
pub(crate) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().count() as f64 * px * CHARACTER_EM
}

/// `text` broken at spaces into lines no wider than `width` at `px` pixels; a word longer than a
/// line is cut, so nothing is ever wider than `width`.
pub(crate) fn wrap(text: &str, px: f64, width: f64) -> Vec<String> {
    let per_line = ((width / (px * CHARACTER_EM)).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > per_line {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..per_line).collect());
        }
        let word: String = word.into_iter().collect();
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > per_line {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Renders a chart of `size` pixels into an SVG document.
pub fn svg<F>(size: (u32, u32), draw: F) -> Result<String, String>
where
    F: FnOnce(&DrawingArea<SvgWriter, Shift>) -> Result<(), DrawingAreaErrorKind<std::fmt::Error>>,
{
    let mut out = String::new();
    {
        let area = SvgWriter::new(&mut out, size).into_drawing_area();
        draw(&area).map_err(|error| error.to_string())?;
        area.present().map_err(|error| error.to_string())?;
    }
    Ok(out)
}

/// The radar of `report` drawn for `width` pixels and fitted as `fit` says, as SVG.
pub fn radar_svg(
    width: u32,
    fit: radar::Fit,
    report: &crate::scoring::Report,
    role_name: &str,
    palette: Palette,
) -> Result<String, String> {
    radar_with_others_svg(width, fit, report, role_name, None, palette)
}

/// The same radar with the others' view beside the person's scores, when there is one: `others`
/// holds the mean of raters' scores per dimension (in declared order) and how many raters replied.
pub fn radar_with_others_svg(
    width: u32,
    fit: radar::Fit,
    report: &crate::scoring::Report,
    role_name: &str,
    others: Option<(&[Option<f64>], usize)>,
    palette: Palette,
) -> Result<String, String> {
    let series = radar::Series { report, role_name, others };
    let height = radar::height_for(width, fit, &series);
    svg((width, height), |area| draw_radar(area, &series, fit.key, palette))
}

/// The gap bars of `report` drawn for `width` pixels, as SVG.
pub fn gap_svg(width: u32, report: &crate::scoring::Report, palette: Palette) -> Result<String, String> {
    gaps_svg(width, &Gaps::of_report(report), palette)
}

/// A gap chart of any rows (a team's mean against the role's targets, say) drawn for `width` pixels, as SVG.
pub fn gaps_svg(width: u32, gaps: &Gaps, palette: Palette) -> Result<String, String> {
    svg((width, gap_bars::height_for(width, gaps)), |area| draw_gap_bars(area, gaps, palette))
}

/// The trend of `points` drawn for `width` pixels, as SVG.
pub fn trend_svg(width: u32, points: &[TrendPoint], palette: Palette) -> Result<String, String> {
    svg((width, trend::HEIGHT), |area| draw_trend(area, points, palette))
}
