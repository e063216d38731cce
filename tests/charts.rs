//! Charts rendered natively to SVG: labelled values, escaped text, every dimension drawn, and text
//! that keeps its size and stays inside the chart at every width from a 320 px phone up.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use altitude::charts::{self, radar::Fit, radar::PRINT_WIDTH, Palette, TrendPoint};
use altitude::scoring::{score, Report};
use common::{base_set, load, responses};
use plotters::style::RGBColor;
use serde_json::{json, Value};

/// One `<text>` of an SVG: where it is anchored, how, its size and its content.
#[derive(Debug)]
struct SvgText {
    x: f64,
    y: f64,
    anchor: String,
    /// plotters' vertical anchor: "0.76em" (y is the top), "0.5ex" (the middle) or "-0.5ex" (the bottom).
    dy: String,
    size: f64,
    text: String,
}

fn attribute<'a>(tag: &'a str, name: &str) -> &'a str {
    let start = tag.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("{name} in {tag}")) + name.len() + 3;
    &tag[start..start + tag[start..].find('"').unwrap()]
}

fn svg_texts(svg: &str) -> Vec<SvgText> {
    svg.split("<text ")
        .skip(1)
        .map(|chunk| {
            let (tag, rest) = chunk.split_once('>').unwrap();
            let tag = &format!(" {tag}");
            SvgText {
                x: attribute(tag, "x").parse().unwrap(),
                y: attribute(tag, "y").parse().unwrap(),
                anchor: attribute(tag, "text-anchor").to_owned(),
                dy: attribute(tag, "dy").to_owned(),
                size: attribute(tag, "font-size").parse().unwrap(),
                text: rest.split_once("</text>").unwrap().0.trim().to_owned(),
            }
        })
        .collect()
}

/// The texts an SVG shows, in drawing order.
fn texts(svg: &str) -> Vec<String> {
    svg_texts(svg).into_iter().map(|t| t.text).collect()
}

fn shows(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

/// All text of an SVG joined by spaces: a name wrapped over two lines still reads as one.
fn reads(svg: &str, text: &str) -> bool {
    texts(svg).join(" ").contains(text)
}

fn size_of(svg: &str) -> (f64, f64) {
    let view_box: Vec<f64> = attribute(svg, "viewBox").split(' ').map(|n| n.parse().unwrap()).collect();
    (view_box[2], view_box[3])
}

/// Every text is at least 11 px and, by a generous estimate of its width (0.6 em a character,
/// DejaVu Sans's average), lies inside the chart, clear of every other text.
fn assert_legible_and_inside(svg: &str, what: &str) {
    let (width, height) = size_of(svg);
    let all = svg_texts(svg);
    assert!(!all.is_empty(), "{what}: no text");
    let mut boxes = Vec::new();
    for t in &all {
        assert!(t.size >= 11.0, "{what}: {:?} is {} px", t.text, t.size);
        let w = t.text.chars().count() as f64 * t.size * 0.6;
        let left = match t.anchor.as_str() {
            "start" => t.x,
            "middle" => t.x - w / 2.0,
            _ => t.x - w,
        };
        assert!(left >= 0.0 && left + w <= width, "{what}: {:?} spans {left:.0}..{:.0} of {width}", t.text, left + w);
        let top = match t.dy.as_str() {
            "0.76em" => t.y,
            "0.5ex" => t.y - t.size / 2.0,
            _ => t.y - t.size,
        };
        assert!(top >= 0.0 && top + t.size <= height, "{what}: {:?} at y {top}..{} of {height}", t.text, top + t.size);
        boxes.push((left, left + w, top, top + t.size, &t.text));
    }
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.1.min(b.1) - a.0.max(b.0) > 0.0 && a.3.min(b.3) - a.2.max(b.2) > 0.0;
            assert!(!overlap, "{what}: {:?} and {:?} overlap", a.4, b.4);
        }
    }
}

fn report_with_names(tech_name: &str) -> Report {
    let mut value = base_set();
    value["dimensions"][0]["name"] = json!(tech_name);
    let set = load(&value);
    // tech = 75, people = 87.5 (see tests/scoring.rs); against lead: gaps −5 and −37.5.
    score(&set, &responses(&set, json!({"t1": 4, "t2": 2, "p1": "b", "p2": 5})), 0)
}

/// The flagship, some answers given and Communication left unanswered, against its longest role name.
fn flagship_report() -> (Report, String) {
    let value: Value = serde_json::from_str(include_str!("../assessments/cto-readiness.json")).unwrap();
    let set = load(&value);
    let mut answers = serde_json::Map::new();
    for (i, q) in value["questions"].as_array().unwrap().iter().enumerate() {
        if q["dimension"] != "communication" {
            let answer = if q["kind"] == "likert" { json!(i % 5 + 1) } else { q["options"][i % 2]["id"].clone() };
            answers.insert(q["id"].as_str().unwrap().to_owned(), answer);
        }
    }
    let role = set.roles.iter().position(|r| r.name == "Director of Engineering").unwrap();
    let report = score(&set, &responses(&set, Value::Object(answers)), role);
    (report, set.roles[role].name.clone())
}

#[test]
fn the_radar_labels_every_axis_with_score_and_target() {
    let report = report_with_names("Technical strategy");
    let svg = charts::radar_svg(600, Fit::SCREEN, &report, "Tech Lead", Palette::LIGHT).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 600 "));
    assert!(reads(&svg, "1. Technical strategy 75 of 70"), "name, then score and target: {:?}", texts(&svg));
    assert!(reads(&svg, "2. People leadership 88 of 50"), "87.5 is shown as 88");
    assert!(shows(&svg, "Target: Tech Lead"));
    // A dashed outline is drawn as many short segments in the target colour.
    assert!(svg.matches("stroke=\"#3A3A3A\" stroke-width=\"2\"").count() > 8, "the target is dashed");
}

#[test]
fn the_radar_numbers_its_axes_and_keys_them_below_at_every_width() {
    let (report, role) = flagship_report();
    for width in [304, 600] {
        let svg = charts::radar_svg(width, Fit::SCREEN, &report, &role, Palette::LIGHT).unwrap();
        for (n, name) in
            ["Technical strategy", "People leadership", "Business acumen", "Communication"].iter().enumerate()
        {
            assert!(shows(&svg, &(n + 1).to_string()), "axis {} numbered", n + 1);
            assert!(reads(&svg, &format!("{}. {name}", n + 1)), "{name} in the key: {:?}", texts(&svg));
        }
        let target = altitude::display::whole(report.dimensions[3].target);
        assert!(reads(&svg, &format!("4. Communication not enough answers (target {target})")), "{:?}", texts(&svg));
    }
    // The radar keeps its size on a phone: the outer ring spans most of the width.
    let narrow = charts::radar_svg(304, Fit::SCREEN, &report, &role, Palette::LIGHT).unwrap();
    let outer = svg_polyline_width(&narrow, 4);
    assert!(outer >= 220.0, "outer ring {outer} px wide of 304");
}

/// The width of the `index`th polyline (the radar's rings come first, innermost first).
fn svg_polyline_width(svg: &str, index: usize) -> f64 {
    let points = attribute(svg.split("<polyline").nth(index + 1).unwrap(), "points");
    let xs: Vec<f64> = points.split_whitespace().map(|p| p.split(',').next().unwrap().parse().unwrap()).collect();
    xs.iter().cloned().fold(f64::MIN, f64::max) - xs.iter().cloned().fold(f64::MAX, f64::min)
}

#[test]
fn every_chart_keeps_its_text_size_and_inside_at_every_width() {
    let (report, role) = flagship_report();
    let long = report_with_names("Organisational design and cross-functional stakeholder management");
    let points: Vec<TrendPoint> = (0..14)
        .map(|i| TrendPoint {
            label: format!("2026-{:02}-15", i % 12 + 1),
            overall: (i != 3).then_some(30.0 + i as f64 * 4.0),
        })
        .collect();
    for width in [260, 288, 304, 320, 360, 408, 480, 600, 832] {
        for palette in [Palette::LIGHT, Palette::DARK] {
            for (what, report) in [("flagship", &report), ("long names", &long)] {
                let svg = charts::radar_svg(width, Fit::SCREEN, report, &role, palette).unwrap();
                assert_legible_and_inside(&svg, &format!("radar of {what} at {width}"));
                let svg = charts::gap_svg(width, report, palette).unwrap();
                assert_legible_and_inside(&svg, &format!("gaps of {what} at {width}"));
            }
            for count in [1, 2, 5, 14] {
                let svg = charts::trend_svg(width, &points[..count], palette).unwrap();
                assert_legible_and_inside(&svg, &format!("trend of {count} at {width}"));
            }
        }
    }
}

#[test]
fn the_printed_radar_fits_its_height_with_text_at_full_size_and_the_table_as_key() {
    let (report, role) = flagship_report();
    let screen = charts::radar_svg(PRINT_WIDTH, Fit::SCREEN, &report, &role, Palette::LIGHT).unwrap();
    let printed = charts::radar_svg(PRINT_WIDTH, Fit::PRINT, &report, &role, Palette::LIGHT).unwrap();
    assert_eq!(size_of(&printed), (f64::from(PRINT_WIDTH), f64::from(Fit::PRINT.max_height)));
    assert_legible_and_inside(&printed, "printed radar");
    assert!(shows(&printed, "4") && !reads(&printed, "4. Communication"), "numbers, no key: {:?}", texts(&printed));
    assert!(reads(&screen, "4. Communication"));
    // Fitted to a height too small for its natural size: the radar gives way, the text does not.
    let squeezed =
        charts::radar_svg(PRINT_WIDTH, Fit { max_height: 240, key: false }, &report, &role, Palette::LIGHT).unwrap();
    assert_eq!(size_of(&squeezed).1, 240.0);
    assert_legible_and_inside(&squeezed, "squeezed radar");
    assert!(svg_polyline_width(&squeezed, 4) < svg_polyline_width(&printed, 4));
}

#[test]
fn chart_text_from_a_question_set_is_escaped() {
    let report = report_with_names("<script>alert(1)</script> & co");
    for svg in [
        charts::radar_svg(480, Fit::SCREEN, &report, "<b>role</b>", Palette::DARK).unwrap(),
        charts::radar_svg(300, Fit::SCREEN, &report, "<b>role</b>", Palette::DARK).unwrap(),
        charts::gap_svg(480, &report, Palette::LIGHT).unwrap(),
    ] {
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }
}

#[test]
fn gap_bars_say_short_or_beyond_in_words() {
    let report = report_with_names("Tech");
    let svg = charts::gap_svg(480, &report, Palette::LIGHT).unwrap();
    assert!(shows(&svg, "5 beyond"), "{svg}");
    assert!(shows(&svg, "38 beyond"));
    assert!(shows(&svg, "beyond target") && shows(&svg, "short of target"));

    let mut value = base_set();
    value["min_coverage"] = json!(1);
    let set = load(&value);
    let partial = score(&set, &responses(&set, json!({"t1": 1, "p1": "a", "p2": 1})), 1);
    let svg = charts::gap_svg(480, &partial, Palette::LIGHT).unwrap();
    assert!(shows(&svg, "not enough answers"));
    assert!(shows(&svg, "80 short"), "people 0 against a target of 80");

    // Where both headings do not fit, they are shortened rather than shrunk.
    let svg = charts::gap_svg(240, &report, Palette::LIGHT).unwrap();
    assert!(shows(&svg, "beyond") && shows(&svg, "short"), "{:?}", texts(&svg));
}

#[test]
fn the_trend_labels_each_attempt_or_as_many_as_fit() {
    let points = vec![
        TrendPoint { label: "2026-08-01".into(), overall: Some(48.4) },
        TrendPoint { label: "2026-09-01".into(), overall: None },
        TrendPoint { label: "2026-11-21".into(), overall: Some(61.5) },
    ];
    let svg = charts::trend_svg(480, &points, Palette::LIGHT).unwrap();
    for text in ["48", "62", "no score", "2026-08-01", "2026-09-01", "2026-11-21"] {
        assert!(shows(&svg, text), "{text} in {:?}", texts(&svg));
    }

    let many: Vec<TrendPoint> =
        (1..=12).map(|m| TrendPoint { label: format!("2026-{m:02}-01"), overall: Some(f64::from(m) * 5.0) }).collect();
    let svg = charts::trend_svg(304, &many, Palette::LIGHT).unwrap();
    let dates: Vec<SvgText> = svg_texts(&svg).into_iter().filter(|t| t.text.starts_with("2026-")).collect();
    assert!(dates.len() < 12 && dates.len() >= 2, "{} dates at 304 px", dates.len());
    assert_eq!(dates.last().unwrap().text, "2026-12-01", "the latest attempt is always dated");
    for pair in dates.windows(2) {
        assert!(pair[1].x - pair[0].x >= 10.0 * 13.0 * 0.6, "{} and {} overlap", pair[0].text, pair[1].text);
    }
}

fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn palettes_keep_text_at_4_5_and_lines_at_3_to_1_against_the_widget_background() {
    // The widget's default backgrounds (public/altitude.css: --_background), and paper for print.
    for (palette, background) in
        [(Palette::LIGHT, RGBColor(0xff, 0xff, 0xff)), (Palette::DARK, RGBColor(0x12, 0x16, 0x1c))]
    {
        assert!(contrast(palette.text, background) >= 4.5, "text of {palette:?}");
        for line in [palette.grid, palette.person, palette.target, palette.others] {
            assert!(contrast(line, background) >= 3.0, "{line:?} of {palette:?}: {:.2}", contrast(line, background));
        }
    }
}

#[test]
fn the_radar_draws_the_others_view_dotted_with_its_numbers_in_the_key() {
    let report = report_with_names("Technical strategy");
    let others = [Some(52.4), None];
    for width in [320, 600] {
        let svg =
            charts::radar_with_others_svg(width, Fit::SCREEN, &report, "Tech Lead", Some((&others, 4)), Palette::LIGHT)
                .unwrap();
        // The SVG backend escapes text: the apostrophe is an entity.
        assert!(shows(&svg, "Others&apos; view (4 replies)"), "{:?}", texts(&svg));
        assert!(reads(&svg, "1. Technical strategy 75 of 70, others 52"), "{:?}", texts(&svg));
        assert!(!svg.contains("88 of 50, others"), "no number where no rater has a score");
        assert!(svg.matches("stroke=\"#A34A00\" stroke-width=\"3\"").count() > 8, "the others' outline is dotted");
    }
    let alone = charts::radar_with_others_svg(600, Fit::SCREEN, &report, "Lead", Some((&others, 1)), Palette::DARK);
    assert!(shows(&alone.unwrap(), "Others&apos; view (1 reply)"));
    let without = charts::radar_svg(600, Fit::SCREEN, &report, "Tech Lead", Palette::LIGHT).unwrap();
    assert!(!without.contains("Others&apos;") && !without.contains("#A34A00"));
}

#[test]
fn radar_directions_match_the_standard_sine_and_cosine() {
    for count in 1..=12 {
        for axis in 0..count {
            let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * axis as f64 / count as f64;
            let (c, s) = charts::radar::direction(axis, count);
            assert!((c - angle.cos()).abs() < 1e-9 && (s - angle.sin()).abs() < 1e-9, "axis {axis} of {count}");
        }
    }
}
