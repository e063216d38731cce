//! Scoring on small sets whose numbers are worked out by hand here, rule by rule of the format.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

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
                {"id": "tech", "name": "Technical strategy", "score": null, "coverage": 1.0 / 3.0, "target": 60.0, "gap": null, "band": null, "untested": [], "pulled_down_by": []},
                {"id": "people", "name": "People leadership", "score": 62.5, "coverage": 1.0, "target": 80.0, "gap": 17.5, "band": "Proficient", "untested": [], "pulled_down_by": ["p2", "p1"]}
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
    // people's shortfalls against 80: p1 1 × (0.8 − 0.75) = 0.05, p2 1 × (0.8 − 0.5) = 0.3: p2 first.
}

// Format 2: the base set with t3 (tech, level: own=0, team=0.5, org=1), gap tolerance 10 (see common).

#[test]
fn untested_is_left_out_of_the_score_and_coverage_and_is_listed() {
    let set = load(&common::base_set_2());
    let answers = responses(&set, json!({"t1": "untested", "t2": 1, "t3": "org", "p1": "b", "p2": 5}));
    let report = score(&set, &answers, 1);
    // tech weights: t1 1, t2 2, t3 1 (total 4). t1 untested: answered with a value 3 of 4 (coverage
    // 0.75); score 100 × (2×1 + 1×1) / 3 = 100, not the 75 that counting it as 0 gave.
    assert!(close(Some(report.dimensions[0].coverage), 0.75));
    assert!(close(report.dimensions[0].score, 100.0));
    assert_eq!(report.dimensions[0].untested, [0], "t1");
    assert!(report.dimensions[1].untested.is_empty());
    // Untested everywhere in tech: coverage 0, so "not enough answers", never a score of 0.
    let none_tried = responses(&set, json!({"t1": "untested", "t2": "untested", "t3": "untested", "p1": "b", "p2": 5}));
    let report = score(&set, &none_tried, 1);
    assert!(close(Some(report.dimensions[0].coverage), 0.0));
    assert_eq!(report.dimensions[0].score, None);
    assert!(report.roles.iter().all(|r| r.ready.is_none()), "no role is called ready on it");
    assert_eq!(report.dimensions[0].untested, [0, 1, 4]);
    let json: serde_json::Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(json["dimensions"][0]["untested"], json!(["t1", "t2", "t3"]));
    assert_eq!(json["dimensions"][1]["untested"], json!([]));
    // Untested on t2 (weight 2) and t3 (weight 1): 1 of 4 answered with a value, below 0.5.
    let half = responses(&set, json!({"t1": 5, "t2": "untested", "t3": "untested", "p1": "b", "p2": 5}));
    assert_eq!(score(&set, &half, 1).dimensions[0].score, None, "coverage 0.25");
}

#[test]
fn an_old_results_untested_answer_to_a_choice_question_is_read_as_no_answer() {
    let set = load(&common::base_set_2());
    // p1 is a choice question: before the revision "untested" was offered there.
    let answers = responses(&set, json!({"t1": 3, "t2": 3, "t3": "team", "p1": "untested", "p2": 5}));
    assert_eq!(answers.0[2], None, "p1 unanswered");
    let report = score(&set, &answers, 1);
    // people: p2 alone (weight 1 of 2, coverage 0.5 = the minimum): 100.
    assert!(close(Some(report.dimensions[1].coverage), 0.5));
    assert!(close(report.dimensions[1].score, 100.0));
    assert!(report.dimensions[1].untested.is_empty(), "not listed as untested: it is no answer");
}

/// tech = 50 (t1 point 3 = 0.5, t2 point 3 reversed = 0.5, t3 "team" = 0.5), people = 87.5 (b, 5).
fn tech_fifty(set: &altitude::model::QuestionSet) -> altitude::model::Responses {
    responses(set, json!({"t1": 3, "t2": 3, "t3": "team", "p1": "b", "p2": 5}))
}

#[test]
fn a_gap_at_the_tolerance_is_ready() {
    let set = load(&common::base_set_2());
    let report = score(&set, &tech_fifty(&set), 1);
    // Manager: tech gap 60 − 50 = 10 (= tolerance), people −7.5; readiness 100 × (50 + 2×80) / (60 + 160) = 95.45.
    let manager = &report.roles[1];
    assert!(close(manager.readiness, 100.0 * 210.0 / 220.0));
    assert_eq!(manager.ready, Some(true));
    assert_eq!(manager.short_in.as_deref(), Some(&[][..]));
    // Lead: tech gap 70 − 50 = 20 > 10; readiness 100 × (50 + 2×50) / (70 + 100) = 88.2.
    let lead = &report.roles[0];
    assert_eq!(lead.ready, Some(false));
    assert_eq!(lead.short_in.as_deref(), Some(&[0][..]));
    assert_eq!(report.ready_for, Some(1), "manager");
    assert_eq!(report.gap_tolerance, 10.0);
}

#[test]
fn a_gap_past_the_tolerance_holds_the_role_back_whatever_the_readiness() {
    let mut value = common::base_set_2();
    value["gap_tolerance"] = json!(9.99);
    let set = load(&value);
    let report = score(&set, &tech_fifty(&set), 1);
    let manager = &report.roles[1];
    assert!(close(manager.readiness, 100.0 * 210.0 / 220.0), "readiness alone would say ready");
    assert_eq!(manager.ready, Some(false));
    assert_eq!(manager.short_in.as_deref(), Some(&[0][..]), "short in tech");
    assert_eq!(report.ready_for, None);
    let json: serde_json::Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(json["roles"][1]["short_in"], json!(["tech"]));
    assert_eq!(json["roles"][1]["ready"], json!(false));
    assert_eq!(json["gap_tolerance"], json!(9.99));
}

#[test]
fn ready_and_short_in_are_null_when_readiness_is() {
    let set = load(&common::base_set_2());
    let report = score(&set, &responses(&set, json!({"t1": 3, "p1": "b", "p2": 5})), 1);
    assert_eq!(report.dimensions[0].score, None, "tech coverage 1/4 is below 0.5");
    assert!(report.roles.iter().all(|r| r.readiness.is_none() && r.ready.is_none() && r.short_in.is_none()));
    let json: serde_json::Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(json["roles"][0]["short_in"], serde_json::Value::Null);
}

#[test]
fn format_1_sets_report_a_tolerance_of_100_and_keep_their_verdicts() {
    let set = load(&base_set());
    // tech 0 (t1 1, t2 5 reversed), people 100 (p2 5; p1 b = 0.75 → 87.5): far short in tech.
    let report = score(&set, &responses(&set, json!({"t1": 1, "t2": 5, "p1": "b", "p2": 5})), 0);
    assert_eq!(report.gap_tolerance, 100.0);
    // Lead readiness = 100 × (0 + 2 × 50) / 170 = 58.8: not ready, but only because of readiness.
    assert_eq!(report.roles[0].ready, Some(false));
    assert_eq!(report.roles[0].short_in.as_deref(), Some(&[][..]), "no gap exceeds 100");
}

#[test]
fn the_format_2_report_has_the_formats_key_order() {
    let set = load(&common::base_set_2());
    let text = score(&set, &tech_fifty(&set), 1).to_json(&set);
    let keys = |indent: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with(indent) && l.as_bytes().get(indent.len()) == Some(&b'"'))
            .map(|l| l.trim().split('"').nth(1).unwrap().to_owned())
            .collect()
    };
    assert_eq!(keys("  "), ["set", "role", "overall", "dimensions", "roles", "gap_tolerance", "ready_for", "focus"]);
    let entry_keys = keys("      ");
    assert_eq!(&entry_keys[..8], ["id", "name", "score", "coverage", "target", "gap", "band", "untested"]);
    assert_eq!(entry_keys[8], "pulled_down_by");
    let role_start = entry_keys.iter().rposition(|k| k == "pulled_down_by").unwrap() + 1;
    assert_eq!(&entry_keys[role_start..role_start + 6], ["id", "name", "stage", "readiness", "ready", "short_in"]);
}

/// Own: tech 75, people 50. Raters (see each): tech mean 60 over 5 (one rater has it all untested),
/// people mean 68.75 over 6; the two peers are too few to be shown, the manager alone is. t3 (own
/// "org" = 1): the five raters who answered it give own, team, team, team, untested: median 0.5,
/// a rung (0.5) below the person's own.
#[test]
fn the_others_view_hand_worked() {
    use altitude::model::Relationship::{Manager, Peer, Report as DirectReport};
    let set = load(&common::base_set_2());
    let own = responses(&set, json!({"t1": 1, "t2": 1, "t3": "org", "p1": "a", "p2": 5}));
    let report = score(&set, &own, 1);
    assert!(close(report.dimensions[0].score, 75.0) && close(report.dimensions[1].score, 50.0));
    let reports_view = json!({"t1": 3, "t2": 3, "t3": "team", "p1": "b", "p2": 5}); // tech 50, people 87.5
    let raters = vec![
        (Manager, responses(&set, json!({"t1": 5, "t2": 1, "t3": "org", "p1": "a", "p2": 1}))), // 100, 0
        (Peer, responses(&set, json!({"t1": "untested", "t2": "untested", "t3": "untested", "p1": "b", "p2": 3}))), // null, 62.5
        (Peer, responses(&set, json!({"t1": 3, "t2": 3, "t3": "team", "p1": "b", "p2": 5}))), // 50, 87.5
        (DirectReport, responses(&set, reports_view.clone())),
        (DirectReport, responses(&set, reports_view.clone())),
        (DirectReport, responses(&set, reports_view)),
    ];
    let others = altitude::scoring::others_view(&set, &report, &own, &raters);
    assert_eq!(others.raters, 6);
    // tech: (100 + 50 + 50 × 3) / 5 = 60; people: (0 + 62.5 + 87.5 × 4) / 6 = 68.75.
    assert!(close(others.dimensions[0].score, 60.0));
    assert_eq!(others.dimensions[0].raters, 5, "the rater who had not seen it is not counted");
    assert!(close(others.dimensions[1].score, 68.75));
    assert_eq!(others.dimensions[1].raters, 6);
    let groups: Vec<_> = others.by_relationship.iter().map(|(r, _)| *r).collect();
    assert_eq!(groups, [Manager, DirectReport], "two peers are hidden; the manager alone is shown");
    assert!(close(others.by_relationship[0].1[0].score, 100.0));
    assert_eq!(others.by_relationship[0].1[0].raters, 1);
    assert!(close(others.by_relationship[1].1[1].score, 87.5));
    assert_eq!(others.blind_spots, [0], "tech: 75 − 60 = 15");
    assert_eq!(others.hidden_strengths, [1], "people: 68.75 − 50 = 18.75");
    assert_eq!(others.above_others, [4], "t3: own 1, others' median 0.5, a step of 0.5");
    assert!(others.below_others.is_empty());

    let json: serde_json::Value = serde_json::from_str(&report.to_json_with_others(&set, &others)).unwrap();
    assert_eq!(
        json["others"],
        json!({
            "raters": 6,
            "dimensions": [{"id": "tech", "score": 60.0, "raters": 5}, {"id": "people", "score": 68.75, "raters": 6}],
            "by_relationship": {
                "manager": [{"id": "tech", "score": 100.0, "raters": 1}, {"id": "people", "score": 0.0, "raters": 1}],
                "report": [{"id": "tech", "score": 50.0, "raters": 3}, {"id": "people", "score": 87.5, "raters": 3}]
            },
            "blind_spots": ["tech"],
            "hidden_strengths": ["people"],
            "ladders": {"above_others": ["t3"], "below_others": []}
        })
    );
    let text = report.to_json_with_others(&set, &others);
    assert!(text.find("\"manager\"").unwrap() < text.find("\"report\": [").unwrap(), "relationships in order");
}

#[test]
fn the_others_view_with_no_qualifying_group_and_null_scores() {
    use altitude::model::Relationship::Peer;
    let set = load(&common::base_set_2());
    let own = responses(&set, json!({"t1": 3, "p1": "b", "p2": 5}));
    let report = score(&set, &own, 1); // own tech null
    let raters = vec![(Peer, responses(&set, json!({"t1": 5, "t2": 1, "t3": "org", "p1": "a", "p2": 1})))];
    let others = altitude::scoring::others_view(&set, &report, &own, &raters);
    assert!(others.by_relationship.is_empty());
    // Own tech is null, so tech is in neither list; people: own 87.5 − 0 is a blind spot.
    assert_eq!(others.blind_spots, [1]);
    assert!(others.hidden_strengths.is_empty());
    let json: serde_json::Value = serde_json::from_str(&report.to_json_with_others(&set, &others)).unwrap();
    assert_eq!(json["others"]["by_relationship"], json!({}));
}
