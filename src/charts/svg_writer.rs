//! The SVG backend the charts are drawn with: plotters' `DrawingBackend` writing elements into a
//! string. Not plotters' own `SVGBackend`, which formats its opacities and font sizes with Rust's
//! float formatter (13.5 KB of the later screens' wasm code, 10 KB of gzip, and `15.000000000000002`
//! for a 15 px font); here every number goes through [`crate::display::number`]. The elements and
//! attributes are those plotters writes; font sizes are rounded to a hundredth of a pixel.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};

use crate::display::number;

/// Writing into a string cannot fail; this is the error type plotters asks a backend to name.
type Failure = DrawingErrorKind<std::fmt::Error>;

/// An SVG document of `size` pixels being written into `out`; [`DrawingBackend::present`] closes it.
pub struct SvgWriter<'a> {
    out: &'a mut String,
    size: (u32, u32),
    closed: bool,
}

impl<'a> SvgWriter<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32)) -> SvgWriter<'a> {
        let (width, height) = (size.0.to_string(), size.1.to_string());
        let view_box = format!("0 0 {width} {height}");
        let mut writer = SvgWriter { out, size, closed: false };
        writer.open(
            "svg",
            &[("width", &width), ("height", &height), ("viewBox", &view_box), ("xmlns", "http://www.w3.org/2000/svg")],
        );
        writer.out.push_str(">\n");
        writer
    }

    /// Writes `<name` and its attributes, every value escaped; the caller ends the tag.
    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            escape_into(self.out, value);
            self.out.push('"');
        }
    }

    /// A whole element without content.
    fn element(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.open(name, attributes);
        self.out.push_str("/>\n");
    }
}

/// `text` with the characters that would end an attribute or start markup escaped.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
}

/// `#RRGGBB`.
fn colour(color: BackendColor) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(7);
    out.push('#');
    for byte in [color.rgb.0, color.rgb.1, color.rgb.2] {
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 15)] as char);
    }
    out
}

/// A list of points as SVG writes them: `x,y x,y `.
fn points(path: impl IntoIterator<Item = BackendCoord>) -> String {
    let mut out = String::new();
    for (x, y) in path {
        out.push_str(&x.to_string());
        out.push(',');
        out.push_str(&y.to_string());
        out.push(' ');
    }
    out
}

impl DrawingBackend for SvgWriter<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), Failure> {
        if !self.closed {
            self.out.push_str("</svg>\n");
            self.closed = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), Failure> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x, y, opacity, fill) = (point.0.to_string(), point.1.to_string(), number(color.alpha), colour(color));
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", "1"),
                ("height", "1"),
                ("stroke", "none"),
                ("opacity", &opacity),
                ("fill", &fill),
            ],
        );
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let [x1, y1, x2, y2] = [from.0, from.1, to.0, to.1].map(|n| n.to_string());
        self.element(
            "line",
            &[
                ("opacity", &number(color.alpha)),
                ("stroke", &colour(color)),
                ("stroke-width", &style.stroke_width().to_string()),
                ("x1", &x1),
                ("y1", &y1),
                ("x2", &x2),
                ("y2", &y2),
            ],
        );
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let paint = colour(color);
        let (fill, stroke) = if fill { (paint.as_str(), "none") } else { ("none", paint.as_str()) };
        let [x, y, width, height] =
            [upper_left.0, upper_left.1, bottom_right.0 - upper_left.0, bottom_right.1 - upper_left.1]
                .map(|n| n.to_string());
        self.element(
            "rect",
            &[
                ("x", &x),
                ("y", &y),
                ("width", &width),
                ("height", &height),
                ("opacity", &number(color.alpha)),
                ("fill", fill),
                ("stroke", stroke),
            ],
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.element(
            "polyline",
            &[
                ("fill", "none"),
                ("opacity", &number(color.alpha)),
                ("stroke", &colour(color)),
                ("stroke-width", &style.stroke_width().to_string()),
                ("points", &points(path)),
            ],
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let paint = colour(color);
        let (stroke, fill) = if fill { ("none", paint.as_str()) } else { (paint.as_str(), "none") };
        let [cx, cy] = [center.0, center.1].map(|n| n.to_string());
        self.element(
            "circle",
            &[
                ("cx", &cx),
                ("cy", &cy),
                ("r", &radius.to_string()),
                ("opacity", &number(color.alpha)),
                ("fill", fill),
                ("stroke", stroke),
                ("stroke-width", &style.stroke_width().to_string()),
            ],
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.element(
            "polygon",
            &[("opacity", &number(color.alpha)), ("fill", &colour(color)), ("points", &points(path))],
        );
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), Failure> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        // Where `y` is on the text: its top, its middle or its bottom.
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let [x, y] = [pos.0, pos.1].map(|n| n.to_string());
        // plotters' sizes are 1.24 times the CSS pixels (its SVG backend divides them likewise);
        // rounded to a hundredth so that 15 px is written "15".
        let px = number((style.size() / 1.24 * 100.0).round() / 100.0);
        let family = style.family();
        let (opacity, fill) = (number(color.alpha), colour(color));
        let mut attributes = vec![
            ("x", x.as_str()),
            ("y", y.as_str()),
            ("dy", dy),
            ("text-anchor", anchor),
            ("font-family", family.as_str()),
            ("font-size", px.as_str()),
            ("opacity", opacity.as_str()),
            ("fill", fill.as_str()),
        ];
        let font_style = style.style();
        match font_style {
            FontStyle::Normal => {}
            FontStyle::Bold => attributes.push(("font-weight", "bold")),
            _ => attributes.push(("font-style", font_style.as_str())),
        }
        let rotation = match style.transform() {
            FontTransform::Rotate90 => Some(90),
            FontTransform::Rotate180 => Some(180),
            FontTransform::Rotate270 => Some(270),
            FontTransform::None => None,
        };
        let transform = rotation.map(|degrees| format!("rotate({degrees}, {x}, {y})"));
        if let Some(transform) = &transform {
            attributes.push(("transform", transform));
        }
        self.open("text", &attributes);
        self.out.push_str(">\n");
        escape_into(self.out, text);
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}
