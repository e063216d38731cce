//! The team view worked out by hand (`../shared/spec/team-view.md`): each rule of the spec — the
//! mean and the median of an even count, short/within/met at the tolerance's edge, a dimension scored
//! by fewer than K, the focus ordered by weight × shortfall, readiness counts, the same result twice,
//! and every kind of file refused — and `altitude team` run as a facilitator runs it.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use std::process::Command;

use altitude::model::QuestionSet;
use altitude::team::{gather, team_view, FileOutcome, NoView, Refusal, TeamView};
use common::load;
use serde_json::{json, Value};

/// Two dimensions of one likert each (a point p scores 25 × (p − 1)): scope (weight 1) and people
/// (weight 2). Targets: lead 50/50, head 80/60, chief 80/90; tolerance 10, threshold 80.
fn team_set() -> Value {
    json!({
        "format": "altitude.question-set/2",
        "id": "team", "version": "2.0.0", "title": "Team set",
        "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
        "gap_tolerance": 10, "ready_threshold": 80,
        "dimensions": [{"id": "scope", "name": "Scope"}, {"id": "people", "name": "People, leadership", "weight": 2}],
        "roles": [
            {"id": "lead", "name": "Lead", "stage": 1, "targets": {"scope": 50, "people": 50}},
            {"id": "head", "name": "Head", "stage": 2, "targets": {"scope": 80, "people": 60}},
            {"id": "chief", "name": "Chief", "stage": 3, "targets": {"scope": 80, "people": 90}}
        ],
        "questions": [
            {"id": "s1", "dimension": "scope", "kind": "likert", "text": "I set the direction of a system."},
            {"id": "p1", "dimension": "people", "kind": "likert", "text": "I hold one-on-ones."}
        ]
    })
}

fn result(started: &str, answers: Value) -> Value {
    json!({
        "format": "altitude.result/1",
        "set": {"id": "team", "version": "1.0.0"},
        "role": "lead",
        "started_at": started,
        "completed_at": "2026-12-01T10:15:00Z",
        "answers": answers
    })
}

/// Four people: scope 100, 50, 0, 75; people 75, 50, (none), 100. Person C answers the people
/// question "not applicable", so C has no people score; A's file also answers a question this
/// version no longer has, and B's names a role the set does not have: neither is a problem.
fn four_people() -> Vec<Value> {
    let mut b = result("2026-12-01T09:00:00Z", json!({"s1": 3, "p1": 3}));
    b["role"] = json!("cto");
    vec![
        result("2026-12-01T08:00:00Z", json!({"s1": 5, "p1": 4, "retired-question": 2})),
        b,
        result("2026-12-01T10:00:00Z", json!({"s1": 1, "p1": null})),
        result("2026-12-01T11:00:00Z", json!({"s1": 4, "p1": 5})),
    ]
}

fn bytes(documents: &[Value]) -> Vec<Vec<u8>> {
    documents.iter().map(|d| serde_json::to_vec_pretty(d).unwrap()).collect()
}

fn view_of(set: &QuestionSet, role: &str, k: usize, documents: &[Value]) -> Result<TeamView, NoView> {
    let files = bytes(documents);
    let gathered = gather(set, files.iter().map(Vec::as_slice));
    team_view(set, set.role_index(role).unwrap(), k, &gathered)
}

fn document(view: &TeamView, set: &QuestionSet) -> Value {
    serde_json::from_str(&view.to_json(set)).unwrap()
}

#[test]
fn the_view_of_four_people_against_head_is_the_specs_arithmetic() {
    let set = load(&team_set());
    let view = view_of(&set, "head", 3, &four_people()).unwrap();
    // Scope: sorted 0, 50, 75, 100 → mean 225 / 4 = 56.25, median (50 + 75) / 2 = 62.5. Against 80:
    // gaps −20 (met), 30 and 80 (short), 5 (within). People: 50, 75, 100 (C not scored) → mean 75,
    // median 75; against 60: gaps 10 (within: exactly the tolerance), −15 and −40 (met).
    // Readiness for head (weights 1 and 2, out of 80 + 120): A 100; B (50 + 120) / 200 = 85 but
    // short in scope: not ready; C no people score: no readiness; D (75 + 120) / 200 = 97.5, within:
    // ready. For lead: A, B, D ready, C neither. Chief (80/90): A (80 + 150) / 260 = 88.5 with people
    // 15 short: not ready; B not; D 97.7 with scope within: ready.
    // Focus: only scope's mean (56.25) is below its target.
    assert_eq!(
        document(&view, &set),
        json!({
            "format": "altitude.team/1",
            "set": {"id": "team", "version": "2.0.0"},
            "role": "head",
            "min_group": 3,
            "people": 4,
            "duplicates": 0,
            "dimensions": [
                {"id": "scope", "scored": 4, "target": 80.0, "mean": 56.25, "median": 62.5, "short": 2, "within": 1, "met": 1},
                {"id": "people", "scored": 3, "target": 60.0, "mean": 75.0, "median": 75.0, "short": 0, "within": 1, "met": 2}
            ],
            "roles": [
                {"id": "lead", "ready": 3, "not_ready": 0},
                {"id": "head", "ready": 2, "not_ready": 1},
                {"id": "chief", "ready": 1, "not_ready": 2}
            ],
            "focus": ["scope"]
        })
    );
}

#[test]
fn the_focus_puts_the_heavier_dimension_first_when_its_weighted_shortfall_is_larger() {
    let set = load(&team_set());
    let view = view_of(&set, "chief", 3, &four_people()).unwrap();
    // Against chief (80/90): scope short by 80 − 56.25 = 23.75 (× 1), people by 90 − 75 = 15 (× 2 = 30).
    assert_eq!(document(&view, &set)["focus"], json!(["people", "scope"]));
}

#[test]
fn a_dimension_scored_by_fewer_than_k_shows_no_numbers_but_its_count() {
    let set = load(&team_set());
    let view = view_of(&set, "head", 4, &four_people()).unwrap();
    let people = &document(&view, &set)["dimensions"][1];
    assert_eq!(
        people,
        &json!({"id": "people", "scored": 3, "target": 60.0, "mean": null, "median": null, "short": null, "within": null, "met": null})
    );
    // A dimension without a mean is in no focus, whatever its scores.
    assert_eq!(document(&view, &set)["focus"], json!(["scope"]));
}

#[test]
fn fewer_distinct_results_than_k_is_no_view_and_a_group_below_three_is_refused() {
    let set = load(&team_set());
    let people = four_people();
    assert_eq!(view_of(&set, "head", 5, &people), Err(NoView::TooFew { needed: 5, people: 4 }));
    assert_eq!(NoView::TooFew { needed: 5, people: 4 }.sentence(), "A team view needs at least 5 results");
    assert_eq!(view_of(&set, "head", 2, &people[..2]), Err(NoView::MinGroupTooSmall(2)));
    assert_eq!(view_of(&set, "head", 3, &people[..3]).map(|v| v.people), Ok(3));
}

#[test]
fn the_same_result_twice_counts_once_even_with_its_answers_in_another_order() {
    let set = load(&team_set());
    let mut people = four_people();
    let mut again = result("2026-12-01T11:00:00Z", json!({"p1": 5, "s1": 4}));
    again["role"] = json!("head");
    people.push(people[0].clone());
    people.push(again);
    let files = bytes(&people);
    let gathered = gather(&set, files.iter().map(Vec::as_slice));
    assert_eq!(gathered.files[4], FileOutcome::Duplicate(0));
    assert_eq!(gathered.files[5], FileOutcome::Duplicate(3));
    assert_eq!(gathered.duplicates(), 2);
    let view = team_view(&set, 1, 3, &gathered).unwrap();
    assert_eq!((view.people, view.duplicates), (4, 2));
    // The same numbers as without the copies.
    assert_eq!(view.dimensions, view_of(&set, "head", 3, &four_people()).unwrap().dimensions);
    // Another start time is another result, even with the same answers.
    let mut retaken = people[0].clone();
    retaken["started_at"] = json!("2026-12-02T08:00:00Z");
    let files = bytes(&[people[0].clone(), retaken]);
    assert_eq!(gather(&set, files.iter().map(Vec::as_slice)).people.len(), 2);
}

#[test]
fn each_kind_of_file_that_is_not_a_persons_finished_result_of_the_set_is_refused_with_its_reason() {
    let set = load(&team_set());
    let finished = result("2026-12-01T08:00:00Z", json!({"s1": 5, "p1": 4}));
    let mut unfinished = finished.clone();
    unfinished["completed_at"] = Value::Null;
    let mut rater = finished.clone();
    rater["rater"] = json!({"relationship": "peer"});
    let mut other_set = finished.clone();
    other_set["set"]["id"] = json!("cto-readiness");
    let mut off_scale = finished.clone();
    off_scale["answers"]["p1"] = json!(9);
    let files: Vec<Vec<u8>> = [
        serde_json::to_vec(&finished).unwrap(),
        serde_json::to_vec(&unfinished).unwrap(),
        serde_json::to_vec(&rater).unwrap(),
        serde_json::to_vec(&other_set).unwrap(),
        serde_json::to_vec(&off_scale).unwrap(),
        serde_json::to_vec(&team_set()).unwrap(),
        b"{ not json".to_vec(),
    ]
    .into();
    let gathered = gather(&set, files.iter().map(Vec::as_slice));
    assert_eq!(gathered.files[0], FileOutcome::Counted(0));
    let refused: Vec<(usize, &Refusal)> = gathered.refused().collect();
    assert_eq!(refused.len(), 6);
    assert_eq!(refused[0], (1, &Refusal::Unfinished));
    assert_eq!(refused[1], (2, &Refusal::Rater));
    assert_eq!(refused[2], (3, &Refusal::OtherSet("cto-readiness".to_owned())));
    assert!(
        matches!(refused[3], (4, Refusal::DoesNotFit(problems)) if problems[0].location.to_string() == "answers.p1")
    );
    assert!(matches!(refused[4], (5, Refusal::NotAResult(_))));
    assert!(
        matches!(refused[5], (6, Refusal::NotAResult(problems)) if problems[0].location.to_string().starts_with("1:"))
    );
    let sentences: Vec<String> = refused.iter().map(|(_, r)| r.sentence(&set)).collect();
    assert_eq!(sentences[0], "An unfinished result: only finished results count.");
    assert_eq!(sentences[1], "A rater's view of someone else, not a person's own result.");
    assert_eq!(sentences[2], "A result of another question set (\"cto-readiness\"), not of \"Team set\".");
    assert!(sentences[3].starts_with(
        "Its answers do not fit this version of the set (answers.p1: question \"p1\": 9 is off the scale"
    ));
    assert!(sentences[4].starts_with("Not a result file ("), "{}", sentences[4]);
    // Each refusal locates itself for the tool.
    let located: Vec<String> = refused.iter().map(|(_, r)| r.problems(&set)[0].location.to_string()).collect();
    assert_eq!(&located[..4], ["completed_at", "rater", "set.id", "answers.p1"]);
}

#[test]
fn the_csv_holds_the_views_numbers_one_row_per_dimension_and_role_and_no_formula() {
    let mut value = team_set();
    value["dimensions"][0]["name"] = json!("=Scope");
    let set = load(&value);
    let view = view_of(&set, "head", 4, &four_people()).unwrap();
    let csv = view.to_csv(&set);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 2 + 3 + 1, "{csv}");
    assert_eq!(
        lines[0],
        "row,set,version,target_role,min_group,people,duplicates,id,name,scored,target,mean,median,short,within,met,focus,ready,not_ready"
    );
    assert_eq!(lines[1], "dimension,team,2.0.0,head,4,4,0,scope,'=Scope,4,80.0,56.25,62.5,2,1,1,1,,");
    assert_eq!(lines[2], "dimension,team,2.0.0,head,4,4,0,people,\"People, leadership\",3,60.0,,,,,,,,");
    assert_eq!(lines[4], "role,team,2.0.0,head,4,4,0,head,Head,,,,,,,,,2,1");
    for line in &lines[1..6] {
        assert_eq!(line.matches(',').count() - line.matches(", ").count(), 18, "{line}");
    }
}

#[test]
fn the_view_holds_no_person_time_or_answer() {
    let set = load(&team_set());
    let json = view_of(&set, "head", 3, &four_people()).unwrap().to_json(&set);
    for private in ["2026-12-01", "started_at", "answers", "cto", "retired-question"] {
        assert!(!json.contains(private), "{private} in {json}");
    }
}

// The tool, as a facilitator runs it.

fn folder(documents: &[Value]) -> (std::path::PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!("altitude-team-{}-{}", std::process::id(), documents.len()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("set.json"), team_set().to_string()).unwrap();
    let names = (0..documents.len())
        .map(|i| {
            let path = dir.join(format!("result-{i}.json"));
            std::fs::write(&path, serde_json::to_vec_pretty(&documents[i]).unwrap()).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect();
    (dir, names)
}

fn team(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_altitude")).arg("team").args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (output.status.code().unwrap(), text(&output.stdout), text(&output.stderr))
}

#[test]
fn altitude_team_prints_the_view_the_core_computes() {
    let mut people = four_people();
    people.push(people[1].clone());
    let (dir, files) = folder(&people);
    let set = dir.join("set.json").to_string_lossy().into_owned();
    let mut args = vec!["--set", set.as_str(), "--role", "head"];
    args.extend(files.iter().map(String::as_str));
    let (status, out, err) = team(&args);
    assert_eq!(status, 0, "{err}");
    let printed: Value = serde_json::from_str(&out).unwrap();
    let expected = view_of(&load(&team_set()), "head", 3, &people).unwrap();
    assert_eq!(printed, document(&expected, &load(&team_set())));
    assert_eq!(printed["duplicates"], json!(1));
    assert_eq!(err, format!("altitude: {} is the same result as {}: counted once\n", files[4], files[1]));

    // --min-group as K=4 with the inline form; 5 is more than there are.
    let mut args = vec!["--set", set.as_str(), "--role=head", "--min-group=5"];
    args.extend(files.iter().map(String::as_str));
    let (status, out, err) = team(&args);
    assert_eq!((status, out.as_str()), (1, ""));
    assert!(err.ends_with("altitude: A team view needs at least 5 results (4 read)\n"), "{err}");
}

#[test]
fn altitude_team_lists_each_refused_file_and_prints_no_view() {
    let mut people = four_people();
    people[2]["completed_at"] = Value::Null;
    people[3]["rater"] = json!({"relationship": "manager"});
    let (dir, files) = folder(&people);
    let set = dir.join("set.json").to_string_lossy().into_owned();
    let mut args = vec!["--set", set.as_str(), "--role", "head"];
    args.extend(files.iter().map(String::as_str));
    let (status, out, err) = team(&args);
    assert_eq!((status, out.as_str()), (1, ""));
    // Each at its place in the file: the null `completed_at`, the `rater` object.
    assert_eq!(
        err,
        format!(
            "{}:6:19: completed_at: an unfinished result: only finished results count\n{}:8:12: rater: a rater's view of someone else, not a person's own result\n",
            files[2], files[3]
        )
    );
}

#[test]
fn altitude_team_usage_errors_exit_2() {
    let (dir, files) = folder(&four_people()[..3]);
    let set = dir.join("set.json").to_string_lossy().into_owned();
    let file = files[0].as_str();
    for (args, says) in [
        (vec!["--set", set.as_str(), file], "team needs --role ID"),
        (vec!["--set", set.as_str(), "--role", "cto", file], "--role \"cto\" is not a role of"),
        (vec!["--set", set.as_str(), "--role", "head", "--min-group", "2", file], "--min-group \"2\" is refused"),
        (
            vec!["--set", set.as_str(), "--role", "head", "--min-group", "three", file],
            "--min-group \"three\" is refused",
        ),
        (vec!["--set", set.as_str(), "--role", "head", "missing.json"], "missing.json"),
        (vec!["--set", set.as_str(), "--role", "head"], "team needs the RESULT files"),
        (vec!["--role", "head", file], "team needs --set FILE"),
    ] {
        let (status, out, err) = team(&args);
        assert_eq!((status, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
