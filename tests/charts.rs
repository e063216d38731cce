//! Charts rendered natively to SVG: labelled values, escaped text, and every dimension drawn.

mod common;

use altitude::charts::{self, gap_bars, Palette, TrendPoint};
use altitude::scoring::score;
use common::{base_set, load, responses};
use serde_json::json;

/// The texts an SVG shows, trimmed.
fn texts(svg: &str) -> Vec<String> {
    svg.split("</text>").filter_map(|chunk| chunk.rsplit_once('>').map(|(_, text)| text.trim().to_owned())).collect()
}

fn shows(svg: &str, text: &str) -> bool {
    texts(svg).iter().any(|t| t == text)
}

fn report_with_names(tech_name: &str) -> altitude::scoring::Report {
    let mut value = base_set();
    value["dimensions"][0]["name"] = json!(tech_name);
    let set = load(&value);
    // tech = 75, people = 87.5 (see tests/scoring.rs); against lead: gaps −5 and −37.5.
    score(&set, &responses(&set, json!({"t1": 4, "t2": 2, "p1": "b", "p2": 5})), 0)
}

#[test]
fn the_radar_labels_every_axis_with_score_and_target() {
    let report = report_with_names("Technical strategy");
    let svg = charts::svg((480, 400), |area| charts::draw_radar(area, &report, "Tech Lead", Palette::LIGHT)).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 480 400\""));
    assert!(shows(&svg, "Technical strategy") && shows(&svg, "People leadership"));
    assert!(shows(&svg, "75 of 70"), "score and target in words");
    assert!(shows(&svg, "88 of 50"), "87.5 is shown as 88");
    assert!(svg.contains("Target: Tech Lead"));
    // A dashed outline is drawn as many short segments in the target colour.
    assert!(svg.matches("stroke=\"#3A3A3A\" stroke-width=\"2\"").count() > 8, "the target is dashed");
}

#[test]
fn chart_text_from_a_question_set_is_escaped() {
    let report = report_with_names("<script>alert(1)</script> & co");
    for svg in [
        charts::svg((480, 400), |area| charts::draw_radar(area, &report, "<b>role</b>", Palette::DARK)).unwrap(),
        charts::svg((480, gap_bars::height_for(2)), |area| charts::draw_gap_bars(area, &report, Palette::LIGHT))
            .unwrap(),
    ] {
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }
}

#[test]
fn gap_bars_say_short_or_beyond_in_words() {
    let report = report_with_names("Tech");
    let svg = charts::svg((480, gap_bars::height_for(2)), |area| charts::draw_gap_bars(area, &report, Palette::LIGHT))
        .unwrap();
    assert!(shows(&svg, "5 beyond"), "{svg}");
    assert!(shows(&svg, "38 beyond"));

    let mut value = base_set();
    value["min_coverage"] = json!(1);
    let set = load(&value);
    let partial = score(&set, &responses(&set, json!({"t1": 1, "p1": "a", "p2": 1})), 1);
    let svg = charts::svg((480, gap_bars::height_for(2)), |area| charts::draw_gap_bars(area, &partial, Palette::LIGHT))
        .unwrap();
    assert!(shows(&svg, "not enough answers"));
    assert!(shows(&svg, "80 short"), "people 0 against a target of 80");
}

#[test]
fn the_trend_labels_each_attempt() {
    let points = vec![
        TrendPoint { label: "2026-08-01".into(), overall: Some(48.4) },
        TrendPoint { label: "2026-09-01".into(), overall: None },
        TrendPoint { label: "2026-11-21".into(), overall: Some(61.5) },
    ];
    let svg = charts::svg((480, 240), |area| charts::draw_trend(area, &points, Palette::LIGHT)).unwrap();
    for text in ["48", "62", "no score", "2026-11-21"] {
        assert!(shows(&svg, text), "{text} in {:?}", texts(&svg));
    }
}
