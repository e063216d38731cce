//! Charts of a score report, drawn with plotters: each is a function generic over `DrawingBackend`,
//! and [`svg`] renders one to an SVG string for the screen, for print and for tests.
//!
//! The SVG backend escapes all text it draws, so a question set's names cannot become markup.
//! Colour is never the only cue: values are labelled and series differ in line style.

pub mod gap_bars;
pub mod radar;
pub mod trend;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use gap_bars::draw_gap_bars;
pub use radar::draw_radar;
pub use trend::{draw_trend, TrendPoint};

/// The colours of a chart, so the widget can draw for light and dark schemes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub text: RGBColor,
    pub grid: RGBColor,
    /// The person's own scores.
    pub person: RGBColor,
    /// Role targets.
    pub target: RGBColor,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        text: RGBColor(0x1f, 0x23, 0x28),
        grid: RGBColor(0xc4, 0xc9, 0xd0),
        person: RGBColor(0x1f, 0x5f, 0xbf),
        target: RGBColor(0x3a, 0x3a, 0x3a),
    };
    pub const DARK: Palette = Palette {
        text: RGBColor(0xe8, 0xea, 0xed),
        grid: RGBColor(0x55, 0x5b, 0x63),
        person: RGBColor(0x7f, 0xb3, 0xff),
        target: RGBColor(0xd0, 0xd0, 0xd0),
    };
}

/// plotters divides font sizes by 1.24 in SVG; this gives `pixels` on screen.
pub(crate) fn font_size(pixels: f64) -> f64 {
    pixels * 1.24
}

/// Renders a chart of `size` pixels into an SVG document.
pub fn svg<F>(size: (u32, u32), draw: F) -> Result<String, String>
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), DrawingAreaErrorKind<std::io::Error>>,
{
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area).map_err(|error| error.to_string())?;
        area.present().map_err(|error| error.to_string())?;
    }
    Ok(out)
}
