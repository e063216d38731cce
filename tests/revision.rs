//! The revision of 2026-12 and facets, worked out by hand: `pulled_down_by`, blind spots at 10 with
//! their tolerance, the others' ladders, the result's context, facets with `fit` and questions
//! outside the score, and the verdict that states the rule that decided it.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use altitude::model::Relationship::{Manager, Peer, Report as DirectReport};
use altitude::model::{Organisation, QuestionSet, ResultDocument};
use altitude::scoring::verdict::{fit_sentence, headline, short_wording, Verdict};
use altitude::scoring::{others_view, score};
use common::{load, responses};
use serde_json::{json, Value};

const EPSILON: f64 = 1e-9;

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|a| (a - expected).abs() < EPSILON)
}

/// One dimension "scope" of two ladders and a likert, one "people" of likerts; roles lead (stage 1:
/// scope 50, people 50) and head (stage 2: scope 80, people 60); tolerance 10, threshold 90.
/// l1's rungs 0, 0.55, 0.65, 1 make a one-rung difference of 0.65 − 0.55 that floating point
/// computes as 9.999999999999993 points.
fn ladder_set() -> Value {
    json!({
        "format": "altitude.question-set/2",
        "id": "ladders", "version": "1.0.0", "title": "Ladders",
        "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
        "dimensions": [{"id": "scope", "name": "Scope"}, {"id": "people", "name": "People leadership"}],
        "roles": [
            {"id": "lead", "name": "Lead", "stage": 1, "targets": {"scope": 50, "people": 50}},
            {"id": "head", "name": "Head", "stage": 2, "targets": {"scope": 80, "people": 60}}
        ],
        "questions": [
            {"id": "l1", "dimension": "scope", "kind": "level", "text": "How far does the direction you set reach? Think of the last year.",
             "options": [{"id": "me", "text": "My work", "score": 0}, {"id": "team", "text": "My team", "score": 0.55},
                         {"id": "teams", "text": "Several teams", "score": 0.65}, {"id": "org", "text": "The organisation", "score": 1}]},
            {"id": "l2", "dimension": "scope", "kind": "level", "text": "Whose plans change after you speak?",
             "options": [{"id": "me", "text": "Mine", "score": 0}, {"id": "team", "text": "My team's", "score": 0.5},
                         {"id": "org", "text": "The organisation's", "score": 1}]},
            {"id": "s3", "dimension": "scope", "kind": "likert", "text": "I write down why a technical decision was made."},
            {"id": "p1", "dimension": "people", "kind": "likert", "text": "I hold one-on-ones."},
            {"id": "p2", "dimension": "people", "kind": "likert", "text": "I give feedback the same week."}
        ]
    })
}

#[test]
fn a_one_rung_overclaim_is_a_blind_spot_though_floating_point_makes_it_9_999999999999993() {
    let mut value = ladder_set();
    // Scope of l1 alone, so the dimension's score is the rung's.
    value["questions"][1]["dimension"] = json!("people");
    value["questions"][2]["dimension"] = json!("people");
    let set = load(&value);
    let own = responses(&set, json!({"l1": "teams", "l2": "team", "s3": 3, "p1": 3, "p2": 3}));
    let report = score(&set, &own, 1);
    assert!(close(report.dimensions[0].score, 65.0));
    let raters: Vec<_> = [Manager, Peer, Peer]
        .into_iter()
        .map(|r| (r, responses(&set, json!({"l1": "team", "l2": "team", "s3": 3, "p1": 3, "p2": 3}))))
        .collect();
    let view = others_view(&set, &report, &own, &raters);
    let difference = report.dimensions[0].score.unwrap() - view.dimensions[0].score.unwrap();
    assert!(difference < 10.0, "the premise: {difference}");
    assert_eq!(view.blind_spots, [0], "65 − 55 counts as 10");
    assert!(view.hidden_strengths.is_empty());
    assert_eq!(view.above_others, [0], "l1: own 0.65, median 0.55, step 0.1");
    // The other way round: a hidden strength, and a ladder below others.
    let modest = responses(&set, json!({"l1": "team", "l2": "team", "s3": 3, "p1": 3, "p2": 3}));
    let seen_higher: Vec<_> = [Manager, Peer, Peer]
        .into_iter()
        .map(|r| (r, responses(&set, json!({"l1": "teams", "l2": "team", "s3": 3, "p1": 3, "p2": 3}))))
        .collect();
    let view = others_view(&set, &score(&set, &modest, 1), &modest, &seen_higher);
    assert_eq!(view.hidden_strengths, [0]);
    assert_eq!(view.below_others, [0]);
    // Just under a rung is neither: a difference of 9.9.
    let mut value = ladder_set();
    value["questions"][0]["options"][2]["score"] = json!(0.649);
    let set = load(&value);
    let own = responses(&set, json!({"l1": "teams", "l2": "team", "s3": 3, "p1": 3, "p2": 3}));
    let raters: Vec<_> = [Manager, Peer, Peer]
        .into_iter()
        .map(|r| (r, responses(&set, json!({"l1": "team", "l2": "team", "s3": 3, "p1": 3, "p2": 3}))))
        .collect();
    let view = others_view(&set, &score(&set, &own, 1), &own, &raters);
    // step = min(0.55, 0.099, 0.351) = 0.099; 0.649 − 0.55 = 0.099: still a rung on this ladder.
    assert_eq!(view.above_others, [0]);
}

#[test]
fn others_ladder_value_is_the_median_of_three_or_more_else_the_managers() {
    let set = load(&ladder_set());
    let own = responses(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5}));
    let report = score(&set, &own, 1);
    let rater = |l1: &str, l2: &str| responses(&set, json!({"l1": l1, "l2": l2, "s3": 5, "p1": 5, "p2": 5}));
    // Three raters on l1 (org, org, me): median 1 = own, so not above. l2: two peers and a manager
    // (team, org, me) → median 0.5, a rung below own 1.
    let three = vec![(Peer, rater("org", "team")), (Peer, rater("org", "org")), (Manager, rater("me", "me"))];
    let view = others_view(&set, &report, &own, &three);
    assert_eq!(view.above_others, [1], "l2 only");
    // Two peers and a manager who has not seen l1: l1 has two values, so the manager's would be
    // used, and there is none; l2's median of three still counts.
    let no_manager_value = vec![
        (Peer, rater("me", "team")),
        (Peer, rater("me", "me")),
        (Manager, responses(&set, json!({"l1": "untested", "l2": "me", "s3": 5, "p1": 5, "p2": 5}))),
    ];
    let view = others_view(&set, &report, &own, &no_manager_value);
    assert_eq!(view.above_others, [1], "l1 has no others' value: two peers alone are too few");
    assert_eq!(view.ladder_values.iter().map(|(q, _)| *q).collect::<Vec<_>>(), [1]);
    // Fewer than three raters: the managers' mean decides (two managers: team and teams → 0.6).
    let managers = [(Manager, rater("team", "org")), (Manager, rater("teams", "org")), (Peer, rater("me", "me"))];
    let view = others_view(&set, &report, &own, &managers[..2]);
    assert!(close(view.ladder_values.iter().find(|(q, _)| *q == 0).map(|(_, v)| *v), 0.6));
    assert_eq!(view.above_others, [0], "1 − 0.6 ≥ the step 0.1");
    // A report alone is never enough.
    let view = others_view(&set, &report, &own, &[(DirectReport, rater("me", "me"))]);
    assert!(view.above_others.is_empty() && view.below_others.is_empty());
}

#[test]
fn pulled_down_by_names_the_largest_shortfalls_ties_in_declared_order() {
    let mut value = ladder_set();
    value["questions"][2]["weight"] = json!(2);
    let set = load(&value);
    // Against head (scope 80): l1 "team" 1 × (0.8 − 0.55) = 0.25; l2 "team" 1 × (0.8 − 0.5) = 0.3;
    // s3 point 3 = 0.5, weight 2: 2 × 0.3 = 0.6. Order s3, l2, l1.
    let answers = responses(&set, json!({"l1": "team", "l2": "team", "s3": 3, "p1": 5, "p2": 5}));
    let report = score(&set, &answers, 1);
    assert_eq!(report.dimensions[0].pulled_down_by, [2, 1, 0]);
    assert!(report.dimensions[1].pulled_down_by.is_empty(), "people 100 is beyond its target");
    // Ties: l2 "team" and s3 at weight 1 point 3 both 0.3; l1 "org" has none (1 > 0.8).
    let set = load(&ladder_set());
    let answers = responses(&set, json!({"l1": "org", "l2": "team", "s3": 3, "p1": 5, "p2": 5}));
    let report = score(&set, &answers, 1);
    // scope = 100 × (1 + 0.5 + 0.5) / 3 = 66.7: gap 13.3.
    assert_eq!(report.dimensions[0].pulled_down_by, [1, 2], "declared order on a tie; l1 is above target");
    let json: Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(json["dimensions"][0]["pulled_down_by"], json!(["l2", "s3"]));
    // Against lead (scope 50): gap 50 − 66.7 < 0, so none.
    assert!(score(&set, &answers, 0).dimensions[0].pulled_down_by.is_empty());
    // At most three, and untested or not applicable answers are not among them.
    let mut value = ladder_set();
    for extra in 4..7 {
        value["questions"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": format!("s{extra}"), "dimension": "scope", "kind": "likert", "text": "Another habit."}));
    }
    let set = load(&value);
    let answers =
        responses(&set, json!({"l1": "me", "l2": "untested", "s3": null, "p1": 5, "p2": 5, "s4": 1, "s5": 2, "s6": 3}));
    let report = score(&set, &answers, 1);
    // Shortfalls: l1 0.8, s4 0.8, s5 0.55, s6 0.3: the first three, l1 before s4 on the tie.
    assert_eq!(report.dimensions[0].pulled_down_by, [0, 5, 6]);
}

#[test]
fn the_results_context_is_echoed_in_the_report_and_checked() {
    let set = load(&ladder_set());
    let document = json!({
        "format": "altitude.result/1", "set": {"id": "ladders", "version": "1.0.0"}, "role": "head",
        "started_at": "2026-12-01T10:00:00Z", "completed_at": "2026-12-01T10:20:00Z",
        "answers": {"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5},
        "context": {"organisation": "21-100"}
    });
    let parsed = ResultDocument::parse(document.to_string().as_bytes()).unwrap();
    assert_eq!(parsed.context.organisation, Some(Organisation::UpTo100));
    let report = score(&set, &parsed.responses(&set).unwrap(), 1).with_context(parsed.context);
    let json: Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(json["context"], json!({"organisation": "21-100"}));
    // Written back as read.
    let written: Value = serde_json::from_str(&parsed.to_json()).unwrap();
    assert_eq!(written["context"], json!({"organisation": "21-100"}));
    // Without one, neither the result nor the report has the key.
    let mut plain = document.clone();
    plain.as_object_mut().unwrap().remove("context");
    let parsed = ResultDocument::parse(plain.to_string().as_bytes()).unwrap();
    assert!(!parsed.to_json().contains("context"));
    assert!(!score(&set, &parsed.responses(&set).unwrap(), 1).to_json(&set).contains("context"));
    // A bad band is located.
    let mut bad = document;
    bad["context"]["organisation"] = json!("50");
    let problems = ResultDocument::parse(bad.to_string().as_bytes()).unwrap_err();
    assert_eq!(problems[0].location.to_string(), "context.organisation");
    assert!(problems[0].message.contains("\"1-20\""), "{}", problems[0].message);
}

/// The ladder set with facets: "direction" (l1, l2), "care" (p1, p2) and "drive" (m1, a question
/// outside the score in people).
fn facet_set() -> Value {
    let mut value = ladder_set();
    value["facets"] = json!([
        {"id": "direction", "name": "Direction", "description": "Sets where the work goes."},
        {"id": "care", "name": "Care"},
        {"id": "drive", "name": "Wants to manage"}
    ]);
    value["questions"][0]["facets"] = json!(["direction"]);
    value["questions"][1]["facets"] = json!(["direction", "care"]);
    value["questions"][3]["facets"] = json!(["care"]);
    value["questions"][4]["facets"] = json!(["care"]);
    value["questions"].as_array_mut().unwrap().push(json!({
        "id": "m1", "dimension": "people", "kind": "likert", "text": "I want to manage people.",
        "scored": false, "facets": ["drive"]
    }));
    value
}

#[test]
fn facets_are_scored_like_dimensions_and_fit_is_within_5_of_the_best() {
    let set = load(&facet_set());
    let answers = responses(&set, json!({"l1": "teams", "l2": "org", "s3": 1, "p1": 4, "p2": 5, "m1": 1}));
    let report = score(&set, &answers, 1);
    // direction: (0.65 + 1) / 2 = 82.5; care: (1 + 0.75 + 1) / 3 = 91.67; drive: 0.
    assert!(close(report.facets[0].score, 82.5));
    assert!(close(report.facets[1].score, 275.0 / 3.0));
    assert!(close(report.facets[2].score, 0.0));
    assert_eq!(report.fit, [1], "care alone: 91.67 − 82.5 > 5");
    // The unscored m1 (point 1 = 0) leaves people at (0.75 + 1) / 2 = 87.5, and is in no pulled_down_by.
    assert!(close(report.dimensions[1].score, 87.5));
    assert!(close(Some(report.dimensions[1].coverage), 1.0));
    // Within 5, highest first, declared order on a tie.
    let answers = responses(&set, json!({"l1": "org", "l2": "org", "s3": 1, "p1": 5, "p2": 4, "m1": 5}));
    let report = score(&set, &answers, 1);
    // direction 100, care (1 + 1 + 0.75) / 3 = 91.67, drive 100: fit direction and drive (tie: declared order).
    assert_eq!(report.fit, [0, 2]);
    let json: Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(json["fit"], json!(["direction", "drive"]));
    assert_eq!(json["facets"][1]["id"], "care");
    assert!(close(json["facets"][1]["score"].as_f64(), 275.0 / 3.0));
}

#[test]
fn the_fit_is_said_as_a_lean_only_when_there_is_one() {
    let set = load(&facet_set());
    // care alone (the first case above).
    let report =
        score(&set, &responses(&set, json!({"l1": "teams", "l2": "org", "s3": 1, "p1": 4, "p2": 5, "m1": 1})), 1);
    assert_eq!(fit_sentence(&set, &report), "Your answers fit best: Care");
    // direction and drive, care 8.3 below: still a lean.
    let report =
        score(&set, &responses(&set, json!({"l1": "org", "l2": "org", "s3": 1, "p1": 5, "p2": 4, "m1": 5})), 1);
    assert_eq!(fit_sentence(&set, &report), "Your answers fit best: Direction and Wants to manage");
    // All three at 100: no lean, and "fit best" would say nothing.
    let report =
        score(&set, &responses(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5, "m1": 5})), 1);
    assert_eq!(
        fit_sentence(&set, &report),
        "Your answers fit these about equally: Direction, Care and Wants to manage"
    );
    // Two facets with a score, both in the fit (drive's one question does not apply): no lean either.
    let report =
        score(&set, &responses(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5, "m1": null})), 1);
    assert_eq!(
        fit_sentence(&set, &report),
        "Your answers fit these about equally: Direction and Care; not enough answers for Wants to manage"
    );
    // One facet with a score: it is no lean away from the others, which are named.
    let report =
        score(&set, &responses(&set, json!({"l1": null, "l2": null, "s3": 5, "p1": 5, "p2": 5, "m1": null})), 1);
    assert_eq!(
        fit_sentence(&set, &report),
        "Only Care has enough answers to read; not enough answers for Direction and Wants to manage"
    );
    // None with a score.
    let none = responses(&set, json!({"l1": null, "l2": null, "s3": 5, "p1": null, "p2": null, "m1": null}));
    assert_eq!(
        fit_sentence(&set, &score(&set, &none, 1)),
        "Not enough answers to say which of these your answers fit."
    );
}

#[test]
fn a_facet_below_min_coverage_has_no_score_and_is_no_fit() {
    let set = load(&facet_set());
    // direction: l1 untested, l2 null → coverage 0; care: l2 null, p1, p2 → coverage 2/3.
    let answers = responses(&set, json!({"l1": "untested", "l2": null, "s3": 5, "p1": 3, "p2": 3, "m1": null}));
    let report = score(&set, &answers, 1);
    assert_eq!(report.facets[0].score, None);
    assert!(close(Some(report.facets[0].coverage), 0.0));
    assert!(close(report.facets[1].score, 50.0));
    assert_eq!(report.facets[2].score, None, "drive: its only question does not apply");
    assert_eq!(report.fit, [1]);
    // No facet with a score: fit is empty, and still written.
    let answers = responses(&set, json!({"l1": null, "l2": null, "s3": 5, "p1": null, "p2": null, "m1": null}));
    let report = score(&set, &answers, 1);
    assert!(report.fit.is_empty());
    let json: Value = serde_json::from_str(&report.to_json(&set)).unwrap();
    assert_eq!(json["fit"], json!([]));
    // A set without facets has neither key.
    let plain = load(&ladder_set());
    let text = score(&plain, &responses(&plain, json!({"l1": "me"})), 1).to_json(&plain);
    assert!(!text.contains("\"facets\"") && !text.contains("\"fit\""));
}

#[test]
fn a_question_outside_the_score_moves_only_its_facets_and_raters_see_facets() {
    let set = load(&facet_set());
    let low = responses(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5, "m1": 1}));
    let high = responses(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5, "m1": 5}));
    let (low_report, high_report) = (score(&set, &low, 1), score(&set, &high, 1));
    assert_eq!(low_report.dimensions, high_report.dimensions, "dimensions, untested, pulled_down_by alike");
    assert_eq!(low_report.roles, high_report.roles);
    assert_eq!(low_report.focus, high_report.focus);
    assert!(close(low_report.facets[2].score, 0.0) && close(high_report.facets[2].score, 100.0));
    // Untested on m1 is not listed under people: it is not part of that dimension's score.
    let untested = responses(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5, "m1": "untested"}));
    assert!(score(&set, &untested, 1).dimensions[1].untested.is_empty());
    // Raters: the others' facets are their mean, like dimensions.
    let raters = vec![(Peer, low.clone()), (Peer, high.clone())];
    let view = others_view(&set, &high_report, &high, &raters);
    assert!(close(view.facets[2].score, 50.0));
    assert_eq!(view.facets[2].raters, 2);
    let json: Value = serde_json::from_str(&high_report.to_json_with_others(&set, &view)).unwrap();
    assert_eq!(json["others"]["facets"][2], json!({"id": "drive", "score": 50.0, "raters": 2}));
}

#[test]
fn a_verdict_of_ready_that_leaves_out_a_ladder_says_so_and_names_it() {
    let set = load(&ladder_set());
    // Answered honestly, the rung not reached: scope 100 × (1 + 0 + 1) / 3 = 66.7, 13.3 short of
    // Head's 80 (tolerance 10): ready for Lead only.
    let (honest, _) = verdicts(&set, json!({"l1": "org", "l2": "me", "s3": 5, "p1": 5, "p2": 5}));
    assert_eq!(honest, "Ready for Lead");
    // Left out instead: scope 100 × (1 + 1) / 2 = 100, ready for Head, which the headline qualifies,
    // saying what the ladder at its lowest rung would have given: the honest answer's verdict.
    let (left_out, _) = verdicts(&set, json!({"l1": "org", "l2": "untested", "s3": 5, "p1": 5, "p2": 5}));
    assert_eq!(
        left_out,
        "Ready for Head, provisionally: 1 question on how far your work has reached is left out, as not had the \
         chance yet: “Whose plans change after you speak”; with it at the lowest rung, you would be ready for Lead"
    );
    // Two, in declared order (with a set that lets a third of a dimension stand for it); an
    // untested habit is no ladder and is not named. At their lowest rung: scope 100 × (0 + 0 + 1) / 3
    // = 33.3, short of Lead's 50 by more than 10.
    let mut lenient = ladder_set();
    lenient["min_coverage"] = json!(0.3);
    let (both, _) =
        verdicts(&load(&lenient), json!({"l1": "untested", "l2": "untested", "s3": 5, "p1": "untested", "p2": 5}));
    assert_eq!(
        both,
        "Ready for Head, provisionally: 2 questions on how far your work has reached are left out, as not had the \
         chance yet: “How far does the direction you set reach” and “Whose plans change after you speak”; with them at \
         the lowest rung, no role would be ready yet"
    );
    // More than three: three named, the rest counted.
    let mut many = ladder_set();
    many["min_coverage"] = json!(0.1);
    for (i, id) in ["l3", "l4", "l5"].iter().enumerate() {
        let mut ladder = many["questions"][1].clone();
        ladder["id"] = json!(id);
        ladder["text"] = json!(format!("Ladder {}?", i + 3));
        many["questions"].as_array_mut().unwrap().insert(2 + i, ladder);
    }
    let answers = json!({"l1": "untested", "l2": "untested", "l3": "untested", "l4": "untested", "l5": "untested", "s3": 5, "p1": 5, "p2": 5});
    let (counted, _) = verdicts(&load(&many), answers);
    assert_eq!(
        counted,
        "Ready for Head, provisionally: 5 questions on how far your work has reached are left out, as not had the \
         chance yet: “How far does the direction you set reach”, “Whose plans change after you speak”, “Ladder 3” \
         and 2 more; with them at the lowest rung, no role would be ready yet"
    );
    // Each ready role's line says so too, as the headline does; a role not ready is not qualified.
    let set = load(&ladder_set());
    let role_lines = |answers: Value| -> Vec<String> {
        let responses = responses(&set, answers);
        let report = score(&set, &responses, 1);
        Verdict::for_each_role(&set, &responses, &report)
            .iter()
            .map(|(_, v)| v.sentence_for(&set, &responses))
            .collect()
    };
    let lines = role_lines(json!({"l1": "org", "l2": "untested", "s3": 5, "p1": 5, "p2": 5}));
    assert_eq!(lines, ["ready, provisionally", "ready, provisionally"]);
    let lines = role_lines(json!({"l1": "org", "l2": "me", "s3": 5, "p1": 5, "p2": 5}));
    assert_eq!(lines[0], "ready");
    assert!(lines[1].starts_with("not yet: short in Scope"), "{}", lines[1]);
    // Nothing left out, nothing said.
    let (plain, _) = verdicts(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": "untested", "p2": 5}));
    assert_eq!(plain, "Ready for Head");
}

#[test]
fn a_ladder_left_out_as_not_applying_makes_the_verdict_provisional_too() {
    let set = load(&ladder_set());
    // "Doesn't apply" on l2 leaves it out of the score as "not had the chance" does: scope 100, ready
    // for Head; at its lowest rung, 66.7 and Lead only (as above).
    let (not_applying, _) = verdicts(&set, json!({"l1": "org", "l2": null, "s3": 5, "p1": 5, "p2": 5}));
    assert_eq!(
        not_applying,
        "Ready for Head, provisionally: 1 question on how far your work has reached is left out, as not applying to \
         your situation: “Whose plans change after you speak”; with it at the lowest rung, you would be ready for Lead"
    );
    // One of each: both named, both reasons said.
    let mut lenient = ladder_set();
    lenient["min_coverage"] = json!(0.3);
    let (both, _) = verdicts(&load(&lenient), json!({"l1": null, "l2": "untested", "s3": 5, "p1": 5, "p2": 5}));
    assert!(
        both.starts_with(
            "Ready for Head, provisionally: 2 questions on how far your work has reached are left out, as not had the \
             chance yet or not applying to your situation: “How far does the direction you set reach” and “Whose plans"
        ),
        "{both}"
    );
    // A habit that does not apply is no ladder: nothing said.
    let (habit, _) = verdicts(&set, json!({"l1": "org", "l2": "org", "s3": null, "p1": 5, "p2": 5}));
    assert_eq!(habit, "Ready for Head");
}

fn verdicts(set: &QuestionSet, answers: Value) -> (String, Vec<String>) {
    let responses = responses(set, answers);
    let report = score(set, &responses, set.default_role);
    let verdicts = Verdict::for_each_role(set, &responses, &report);
    let sentences = verdicts.iter().map(|(_, v)| v.sentence(set)).collect();
    (headline(set, &responses, &verdicts, &report), sentences)
}

#[test]
fn each_verdict_states_the_rule_that_decided_it() {
    let set = load(&ladder_set());
    // scope (l1 org 1, l2 org 1, s3 5 = 1) 100; people (p1 5, p2 5) 100: ready for both.
    let (headline_text, sentences) = verdicts(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5}));
    assert_eq!(headline_text, "Ready for Head");
    assert_eq!(sentences, ["ready", "ready"]);
    // scope (1 + 1 + 0.5) / 3 = 83.3; people (p1 1 = 0, p2 4 = 0.75) 37.5. Lead (50, 50): people gap
    // 12.5 > 10, and readiness 100 × (50 + 37.5) / 100 = 87.5 < 90: both rules decide, both are said;
    // only p1 falls short of 0.5. Head (80, 60): gap 22.5, readiness 100 × (80 + 37.5) / 140 = 83.9.
    let (headline_text, sentences) = verdicts(&set, json!({"l1": "org", "l2": "org", "s3": 3, "p1": 1, "p2": 4}));
    assert_eq!(
        sentences[0],
        "not yet: short in People leadership by 13, mostly from “I hold one-on-ones”; and readiness 88%, below the 90% needed"
    );
    assert_eq!(
        sentences[1],
        "not yet: short in People leadership by 23, mostly from “I hold one-on-ones”; and readiness 84%, below the 90% needed"
    );
    assert_eq!(
        headline_text,
        format!("Not yet ready for Lead: {}", sentences[0].trim_start_matches("not yet: ")),
        "the lowest role, and what stands between"
    );
    // A gap past the tolerance with readiness above the threshold: the gap alone is said.
    // scope 100; people (p1 2 = 0.25, p2 5 = 1) 62.5. Head: people gap −2.5, ready. With targets
    // people 75 for head: gap 12.5; readiness 100 × (80 + 62.5) / 155 = 91.9.
    let mut value = ladder_set();
    value["roles"][1]["targets"]["people"] = json!(75);
    let raised = load(&value);
    let (_, sentences) = verdicts(&raised, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 2, "p2": 5}));
    assert_eq!(sentences[1], "not yet: short in People leadership by 13, mostly from “I hold one-on-ones”");
    // Readiness below the threshold with every gap within the tolerance: the threshold is the reason.
    // people 50 (p1 3, p2 3): lead gap 0; scope (0.55 + 0.5 + 0.25) / 3 = 43.3: lead gap 6.7 ≤ 10;
    // readiness 100 × (43.3 + 50) / 100 = 93.3: ready. Head: scope gap 36.7 → short.
    let (_, sentences) = verdicts(&set, json!({"l1": "team", "l2": "team", "s3": 2, "p1": 3, "p2": 3}));
    assert_eq!(sentences[0], "ready");
    assert!(
        sentences[1]
            .starts_with("not yet: short in Scope by 37, mostly from “I write down why a technical decision was made”"),
        "{}",
        sentences[1]
    );
    // A tolerance of 100 leaves readiness as the only rule.
    let mut value = ladder_set();
    value["gap_tolerance"] = json!(100);
    let set = load(&value);
    let (_, sentences) = verdicts(&set, json!({"l1": "team", "l2": "team", "s3": 2, "p1": 3, "p2": 3}));
    // Head: 100 × (43.3 + 50) / 140 = 66.7.
    assert_eq!(sentences[1], "not yet: readiness 67%, below the 90% needed");
    // Not enough answers, with the untested ones counted.
    let set = load(&ladder_set());
    let (headline_text, sentences) =
        verdicts(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": "untested", "p2": "untested"}));
    assert_eq!(sentences[0], "not enough answers in People leadership (2 not had the chance yet)");
    // No role has a verdict then: the headline does not say "not yet ready", which was never measured.
    assert_eq!(headline_text, format!("No verdict yet: {}", sentences[0]));
    let (_, sentences) = verdicts(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": null, "p2": null}));
    assert_eq!(sentences[0], "not enough answers in People leadership");
}

#[test]
fn a_question_is_quoted_by_its_first_sentence_cut_at_a_word() {
    let mut value = ladder_set();
    value["questions"][2]["text"] = json!(
        "When a decision about the architecture of a system you own has to be made quickly and without everyone in the room, I write down why."
    );
    let set = load(&value);
    assert_eq!(short_wording(&set, 0), "How far does the direction you set reach");
    assert_eq!(short_wording(&set, 1), "Whose plans change after you speak");
    let long = short_wording(&set, 2);
    assert!(long.ends_with('…') && long.chars().count() <= 91, "{long}");
    assert!(
        long.starts_with("When a decision about the architecture of a system you own has to be made quickly"),
        "{long}"
    );
}

#[test]
fn readiness_just_below_the_threshold_is_never_shown_as_reaching_it() {
    use altitude::scoring::verdict::readiness_percent;
    let set = load(&ladder_set());
    assert_eq!(readiness_percent(&set, 89.6), "89");
    assert_eq!(readiness_percent(&set, 89.4), "89");
    assert_eq!(readiness_percent(&set, 87.5), "88");
    assert_eq!(readiness_percent(&set, 90.0), "90");
    assert_eq!(readiness_percent(&set, 93.7), "94");
    assert_eq!(
        Verdict::BelowThreshold { readiness: 89.6 }.sentence(&set),
        "not yet: readiness 89%, below the 90% needed"
    );
}

#[test]
fn a_gap_at_the_tolerance_that_floating_point_puts_just_past_it_is_not_short() {
    // Two ladders with rungs 0.3 and 0.6 score 44.99999999999999: against a target of 55 the gap
    // is 10.000000000000007, which must count as the tolerance of 10, not past it.
    let mut value = ladder_set();
    value["questions"][0]["options"][1]["score"] = json!(0.3);
    value["questions"][0]["options"][2]["score"] = json!(0.6);
    value["questions"][1]["options"][1]["score"] = json!(0.3);
    value["questions"][1]["options"][2]["score"] = json!(0.6);
    value["questions"][2]["dimension"] = json!("people");
    value["roles"][1]["targets"]["scope"] = json!(55);
    let set = load(&value);
    let answers = responses(&set, json!({"l1": "team", "l2": "org", "s3": 5, "p1": 5, "p2": 5}));
    let report = score(&set, &answers, 1);
    let gap = report.dimensions[0].gap.unwrap();
    assert!(gap > 10.0, "the premise: {gap}");
    assert_eq!(report.roles[1].short_in.as_deref(), Some(&[][..]));
    assert_eq!(report.roles[1].ready, Some(true));
    assert_eq!(Verdict::of(&set, &report), Verdict::Ready);
}

#[test]
fn a_gap_past_the_tolerance_is_never_worded_as_within_it() {
    use altitude::scoring::verdict::gap_beyond;
    let set = load(&ladder_set());
    assert_eq!(gap_beyond(&set, 10.2), "more than 10");
    assert_eq!(gap_beyond(&set, 10.6), "11");
    assert_eq!(gap_beyond(&set, 23.4), "23");
}

#[test]
fn a_scenario_in_a_verdict_is_the_persons_answer_to_it_and_e_g_ends_no_sentence() {
    let mut value = ladder_set();
    value["questions"].as_array_mut().unwrap().push(json!({
        "id": "c1", "dimension": "people", "kind": "choice",
        "text": "A report misses deadlines, e.g. twice this month. What do you do first?",
        "options": [{"id": "a", "text": "Wait", "score": 0}, {"id": "b", "text": "Ask", "score": 1}]
    }));
    let set = load(&value);
    assert_eq!(short_wording(&set, 5), "A report misses deadlines, e.g. twice this month");
    // people (p1 5, p2 5, c1 "Wait" = 0): 66.7 against head's 70 → short by 3.3, within the tolerance;
    // with a tolerance of 0 it is short, mostly from the scenario.
    value["gap_tolerance"] = json!(0);
    value["roles"][1]["targets"]["people"] = json!(70);
    let set = load(&value);
    let answers = responses(&set, json!({"l1": "org", "l2": "org", "s3": 5, "p1": 5, "p2": 5, "c1": "a"}));
    let report = score(&set, &answers, 1);
    let sentence = Verdict::of(&set, &report).sentence(&set);
    assert!(
        sentence.starts_with("not yet: short in People leadership by 3, mostly from your answer to “A report misses deadlines, e.g. twice this month”"),
        "{sentence}"
    );
}

#[test]
fn the_rung_others_see_is_never_the_one_the_person_chose() {
    use altitude::scoring::{development_plan, with_others};
    // Uneven rungs 0, 0.2, 0.9, 1: own 0.9, the manager sees 0.55 — nearer 0.9 than 0.2, yet below it.
    let mut value = ladder_set();
    for (k, score) in [0.0, 0.2, 0.9, 1.0].into_iter().enumerate() {
        value["questions"][0]["options"][k]["score"] = json!(score);
    }
    let set = load(&value);
    let own = responses(&set, json!({"l1": "teams", "l2": "org", "s3": 5, "p1": 5, "p2": 5}));
    let report = score(&set, &own, 1);
    let managers = [
        (Manager, responses(&set, json!({"l1": "team", "l2": "org", "s3": 5, "p1": 5, "p2": 5}))),
        (Manager, responses(&set, json!({"l1": "teams", "l2": "org", "s3": 5, "p1": 5, "p2": 5}))),
    ];
    let view = others_view(&set, &report, &own, &managers);
    assert_eq!(view.above_others, [0], "0.9 − 0.55 ≥ the step 0.1");
    let plan = with_others(development_plan(&set, &report, None), &set, &report, &own, &view);
    assert_eq!((plan.ladders[0].own.as_str(), plan.ladders[0].others.as_str()), ("Several teams", "My team"));
}
