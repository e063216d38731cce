//! Helpers shared by the native integration tests: a small valid set to mutate, loading shortcuts,
//! and the crate's Rust files for the tests that read the source.

#![allow(dead_code)]

use altitude::model::{Problem, QuestionSet, Responses, ResultDocument};
use serde_json::{json, Value};

/// A small valid set exercising every feature: weights, reverse items, choices, bands and guidance.
pub fn base_set() -> Value {
    json!({
        "format": "altitude.question-set/1",
        "id": "base",
        "version": "1.0.0",
        "title": "Base set",
        "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
        "dimensions": [
            {"id": "tech", "name": "Technical strategy"},
            {"id": "people", "name": "People leadership", "weight": 2}
        ],
        "roles": [
            {"id": "lead", "name": "Tech Lead", "stage": 2, "targets": {"tech": 70, "people": 50}},
            {"id": "manager", "name": "Engineering Manager", "stage": 3, "targets": {"tech": 60, "people": 80}}
        ],
        "questions": [
            {"id": "t1", "dimension": "tech", "kind": "likert", "text": "I write design documents."},
            {"id": "t2", "dimension": "tech", "kind": "likert", "text": "I fix everything myself.", "reverse": true, "weight": 2},
            {"id": "p1", "dimension": "people", "kind": "choice", "text": "A report is struggling.",
             "options": [{"id": "a", "text": "Ignore it", "score": 0}, {"id": "b", "text": "Talk to them", "score": 0.75}]},
            {"id": "p2", "dimension": "people", "kind": "likert", "text": "I hold one-on-ones."}
        ],
        "guidance": {"people": {"summary": "Grow people.", "skills": ["Feedback"], "reading": [{"title": "The Manager's Path", "author": "Camille Fournier"}]}}
    })
}

pub fn load_value(value: &Value) -> Result<QuestionSet, Vec<Problem>> {
    QuestionSet::load(value.to_string().as_bytes())
}

pub fn load(value: &Value) -> QuestionSet {
    load_value(value).unwrap_or_else(|problems| panic!("expected a valid set, got {problems:#?}"))
}

/// Responses from a result document's `answers` object, checked against the set.
pub fn responses(set: &QuestionSet, answers: Value) -> Responses {
    let document = json!({
        "format": "altitude.result/1",
        "set": {"id": set.id, "version": set.version},
        "role": set.roles[0].id,
        "started_at": "2026-11-21T10:00:00Z",
        "completed_at": null,
        "answers": answers
    });
    let document = ResultDocument::parse(document.to_string().as_bytes()).expect("valid result document");
    document.responses(set).unwrap_or_else(|problems| panic!("answers do not fit the set: {problems:#?}"))
}

/// The base set in format 2, with every format-2 feature: a level question (index 4, in "tech"), texts
/// for raters, a debrief, a gap tolerance and role guidance. Question order: t1, t2, p1, p2, t3.
pub fn base_set_2() -> Value {
    let mut set = base_set();
    set["format"] = json!("altitude.question-set/2");
    set["$schema"] = json!("../schema/question-set-v2.schema.json");
    set["gap_tolerance"] = json!(10);
    set["questions"][0]["text_other"] = json!("They write design documents.");
    set["questions"][2]["debrief"] = json!("Talking to them early is what helps.");
    set["questions"].as_array_mut().unwrap().push(json!({
        "id": "t3", "dimension": "tech", "kind": "level", "text": "How far does the technical direction you wrote reach?",
        "debrief": "Wider scope is the higher level.",
        "options": [
            {"id": "own", "text": "My own work", "score": 0},
            {"id": "team", "text": "My team", "score": 0.5},
            {"id": "org", "text": "Several teams", "score": 1}
        ]
    }));
    set["guidance"]["tech"] = json!({"summary": "Set direction.", "first_step": "Write a one-page design.", "conversation": "Ask your lead what a strong design looks like.", "signal": "Others reuse your designs.", "practices": ["Review designs weekly"]});
    set["role_guidance"] = json!({"manager": {"tech": {"first_step": "Ask to own a cross-team design.", "skills": ["Delegating design"]}}});
    set
}

/// Every `.rs` file under `dir`, appended to `found`.
pub fn rust_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}
