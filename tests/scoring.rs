//! Scoring on small sets whose numbers are worked out by hand here, rule by rule of the format.

mod common;

use altitude::scoring::score;
use common::{base_set, load, responses};
use serde_json::json;

const EPSILON: f64 = 1e-9;

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < EPSILON)
}

// The base set: a 5-point scale; dimensions tech (weight 1) and people (weight 2);
// t1 (tech, likert), t2 (tech, likert, reverse, weight 2), p1 (people, choice: a=0, b=0.75), p2 (people, likert);
// roles lead (stage 2: tech 70, people 50) and manager (stage 3: tech 60, people 80).

#[test]
fn reverse_items_choices_and_weights() {
    let set = load(&base_set());
    let answers = responses(&set, json!({"t1": 4, "t2": 2, "p1": "b", "p2": 5}));
    let report = score(&set, &answers, 1);
    // t1: (4-1)/4 = 0.75. t2: (2-1)/4 = 0.25, reversed 0.75. tech = 100 × (1×0.75 + 2×0.75) / 3 = 75.
    assert!(close(report.dimensions[0].score, 75.0));
    // p1: 0.75, p2: 1.0. people = 100 × (0.75 + 1.0) / 2 = 87.5.
    assert!(close(report.dimensions[1].score, 87.5));
    // overall = (1×75 + 2×87.5) / 3.
    assert!(close(report.overall, 250.0 / 3.0));
    assert_eq!(report.dimensions[0].band.as_deref(), Some("Proficient"));
    assert_eq!(report.dimensions[1].band.as_deref(), Some("Advanced"));
    // Against the manager: 60 − 75 and 80 − 87.5, both beyond the target.
    assert!(close(report.dimensions[0].gap, -15.0));
    assert!(close(report.dimensions[1].gap, -7.5));
    assert!(report.focus.is_empty());
    // Both roles fully reached; the manager has the higher stage.
    assert!(close(report.roles[0].readiness, 100.0) && close(report.roles[1].readiness, 100.0));
    assert_eq!(report.ready_for, Some(1), "manager");
}

#[test]
fn focus_is_ordered_by_weighted_gap_and_follows_the_role() {
    let set = load(&base_set());
    let answers = responses(&set, json!({"t1": 1, "t2": 4, "p1": "a", "p2": 3}));
    // tech = 100 × (1×0 + 2×0.25) / 3 = 16.67; people = 100 × (0 + 0.5) / 2 = 25.
    let manager = score(&set, &answers, 1);
    assert!(close(manager.dimensions[0].score, 50.0 / 3.0));
    assert!(close(manager.dimensions[1].score, 25.0));
    // Manager: tech gap 43.33 (×1), people gap 55 (×2 = 110): people first.
    assert_eq!(manager.focus, [1, 0], "people, then tech");
    // Lead: tech gap 53.33 (×1), people gap 25 (×2 = 50): tech first.
    let lead = score(&set, &answers, 0);
    assert_eq!(lead.focus, [0, 1], "tech, then people");
    // Readiness for lead = 100 × (1×16.67 + 2×25) / (1×70 + 2×50).
    assert!(close(lead.roles[0].readiness, 100.0 * (50.0 / 3.0 + 50.0) / 170.0));
    assert_eq!(lead.ready_for, None);
    assert_eq!(lead.role, 0);
}

#[test]
fn not_applicable_and_coverage_below_the_minimum() {
    let set = load(&base_set());
    // t1 has value 0 (weight 1), t2 is not applicable: tech coverage 1/3 < 0.5, so no score.
    let answers = responses(&set, json!({"t1": 1, "t2": null, "p1": "b", "p2": 3}));
    let report = score(&set, &answers, 1);
    assert!(close(Some(report.dimensions[0].coverage), 1.0 / 3.0));
    assert_eq!(report.dimensions[0].score, None);
    assert_eq!(report.dimensions[0].gap, None);
    assert_eq!(report.dimensions[0].band, None);
    // people = 100 × (0.75 + 0.5) / 2 = 62.5; overall counts only scored dimensions.
    assert!(close(report.dimensions[1].score, 62.5));
    assert!(close(report.overall, 62.5));
    assert!(report.roles.iter().all(|role| role.readiness.is_none()));
    assert_eq!(report.ready_for, None);
    assert_eq!(report.focus, [1], "people");
}

#[test]
fn coverage_exactly_at_the_minimum_scores() {
    let set = load(&base_set());
    // people: p2 missing, p1 answered: coverage 1/2 = min_coverage, so it has a score.
    let answers = responses(&set, json!({"t1": 5, "p1": "a"}));
    let report = score(&set, &answers, 0);
    assert!(close(Some(report.dimensions[1].coverage), 0.5));
    assert!(close(report.dimensions[1].score, 0.0));
    assert_eq!(report.dimensions[1].band.as_deref(), Some("Emerging"));
    // tech: t1 only, weight 1 of 3: below the minimum.
    assert_eq!(report.dimensions[0].score, None);
}

#[test]
fn nothing_answered_scores_nothing_even_with_zero_minimum_coverage() {
    let mut value = base_set();
    value["min_coverage"] = json!(0);
    let set = load(&value);
    let report = score(&set, &responses(&set, json!({"t1": null})), 0);
    assert!(report.dimensions.iter().all(|d| d.score.is_none()));
    assert_eq!(report.overall, None);
}

#[test]
fn ties_in_focus_keep_the_declared_order() {
    let mut value = base_set();
    value["dimensions"][1]["weight"] = json!(1);
    value["roles"][0]["targets"] = json!({"tech": 100, "people": 100});
    let set = load(&value);
    // Every value 0.5: both dimensions score 50, both gaps 50 with equal weight.
    let answers = responses(&set, json!({"t1": 3, "t2": 3, "p2": 3, "p1": "a"}));
    let mut answers = answers;
    answers.0[2] = None; // p1 unanswered: people = p2 alone = 50, coverage 1/2.
    let report = score(&set, &answers, 0);
    assert!(close(report.dimensions[0].score, 50.0) && close(report.dimensions[1].score, 50.0));
    assert_eq!(report.focus, [0, 1], "tech, then people");
}

#[test]
fn a_role_with_zero_targets_is_fully_reached() {
    let mut value = base_set();
    value["roles"][0]["targets"] = json!({"tech": 0, "people": 0});
    let set = load(&value);
    let report = score(&set, &responses(&set, json!({"t1": 1, "t2": 5, "p1": "a", "p2": 1})), 0);
    assert!(close(report.roles[0].readiness, 100.0));
}

#[test]
fn custom_bands_and_threshold() {
    let mut value = base_set();
    value["bands"] = json!([{"min": 0, "name": "Low"}, {"min": 75, "name": "High"}]);
    value["ready_threshold"] = json!(100);
    let set = load(&value);
    let report = score(&set, &responses(&set, json!({"t1": 4, "t2": 2, "p1": "b", "p2": 5})), 0);
    assert_eq!(report.dimensions[0].band.as_deref(), Some("High"), "75 reaches the band starting at 75");
    assert_eq!(report.ready_for, Some(1), "manager");
}

#[test]
fn roles_are_listed_by_stage() {
    let mut value = base_set();
    value["roles"][0]["stage"] = json!(9);
    let set = load(&value);
    let report = score(&set, &responses(&set, json!({})), 0);
    let stages: Vec<u32> = report.roles.iter().map(|r| r.stage).collect();
    assert_eq!(stages, [3, 9]);
}

#[test]
fn the_report_is_serialised_as_the_format_shows() {
    let set = load(&base_set());
    let report = score(&set, &responses(&set, json!({"t1": 1, "t2": null, "p1": "b", "p2": 3})), 1);
    let json: serde_json::Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(
        json,
        json!({
            "set": {"id": "base", "version": "1.0.0"},
            "role": "manager",
            "overall": 62.5,
            "dimensions": [
                {"id": "tech", "name": "Technical strategy", "score": null, "coverage": 1.0 / 3.0, "target": 60.0, "gap": null, "band": null, "untested": []},
                {"id": "people", "name": "People leadership", "score": 62.5, "coverage": 1.0, "target": 80.0, "gap": 17.5, "band": "Proficient", "untested": []}
            ],
            "roles": [
                {"id": "lead", "name": "Tech Lead", "stage": 2, "readiness": null, "ready": null, "short_in": null},
                {"id": "manager", "name": "Engineering Manager", "stage": 3, "readiness": null, "ready": null, "short_in": null}
            ],
            "gap_tolerance": 100.0,
            "ready_for": null,
            "focus": ["people"]
        })
    );
    let text = report.to_json(&set);
    let keys: Vec<&str> =
        text.lines().filter(|l| l.starts_with("  \"")).map(|l| l.trim().split('"').nth(1).unwrap()).collect();
    assert_eq!(keys, ["set", "role", "overall", "dimensions", "roles", "gap_tolerance", "ready_for", "focus"]);
}
