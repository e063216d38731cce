//! Result documents: their shape, their check against a set, and their round trip.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use altitude::model::{Answer, Location, ProblemKind as K, ResultDocument};
use common::{base_set, load, responses};
use serde_json::{json, Value};

fn document(edit: impl FnOnce(&mut Value)) -> Value {
    let mut value = json!({
        "format": "altitude.result/1",
        "set": {"id": "base", "version": "0.9.0"},
        "role": "lead",
        "started_at": "2026-11-21T10:00:00Z",
        "completed_at": "2026-11-21T10:14:31Z",
        "answers": {"t1": 4, "p1": "b", "p2": null}
    });
    edit(&mut value);
    value
}

fn problems_of(value: &Value) -> Vec<(K, String)> {
    let set = load(&base_set());
    let problems = match ResultDocument::parse(value.to_string().as_bytes()) {
        Err(problems) => problems,
        Ok(doc) => doc.responses(&set).expect_err("expected problems"),
    };
    problems.into_iter().map(|p| (p.kind, p.location.to_string())).collect()
}

#[test]
fn another_version_of_the_set_is_accepted() {
    let set = load(&base_set());
    let doc = ResultDocument::parse(document(|_| {}).to_string().as_bytes()).unwrap();
    let responses = doc.responses(&set).unwrap();
    assert_eq!(responses.answered(), 3);
}

/// A change to a valid result document, the problem it must cause and where.
type Case = (Box<dyn Fn(&mut Value)>, K, &'static str);

#[test]
fn each_rule_is_located() {
    let cases: Vec<Case> = vec![
        (Box::new(|v| v["set"]["id"] = json!("other")), K::UnknownReference, "set.id"),
        (Box::new(|v| v["role"] = json!("cto")), K::UnknownReference, "role"),
        (Box::new(|v| v["answers"]["zz"] = json!(1)), K::UnknownReference, "answers.zz"),
        (Box::new(|v| v["answers"]["t1"] = json!(6)), K::OutOfRange, "answers.t1"),
        (Box::new(|v| v["answers"]["t1"] = json!(2.5)), K::OutOfRange, "answers.t1"),
        (Box::new(|v| v["answers"]["t1"] = json!("a")), K::OutOfRange, "answers.t1"),
        (Box::new(|v| v["answers"]["p1"] = json!("z")), K::OutOfRange, "answers.p1"),
        (Box::new(|v| v["answers"]["p1"] = json!(2)), K::OutOfRange, "answers.p1"),
        (Box::new(|v| v["answers"]["p1"] = json!(true)), K::WrongType, "answers.p1"),
        (Box::new(|v| v["format"] = json!("altitude.result/2")), K::UnsupportedFormat, "format"),
        (Box::new(|v| v["started_at"] = json!("yesterday")), K::BadTimestamp, "started_at"),
        (Box::new(|v| v["completed_at"] = json!("2026-13-01T00:00:00Z")), K::BadTimestamp, "completed_at"),
        (Box::new(|v| v["answers"] = json!([1, 2])), K::WrongType, "answers"),
        (Box::new(|v| v["anwsers"] = json!({})), K::UnknownKey, "anwsers"),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("role");
            }),
            K::MissingKey,
            "role",
        ),
    ];
    for (edit, kind, path) in cases {
        let problems = problems_of(&document(edit));
        assert!(problems.contains(&(kind, path.to_owned())), "expected {kind:?} at {path}, got {problems:?}");
    }
}

#[test]
fn a_document_in_progress_has_no_completion_time() {
    let doc = ResultDocument::parse(document(|v| v["completed_at"] = Value::Null).to_string().as_bytes()).unwrap();
    assert_eq!(doc.completed_at, None);
}

#[test]
fn round_trips_through_responses() {
    let set = load(&base_set());
    let answers = responses(&set, json!({"t1": 4, "p1": "b", "p2": null}));
    let doc =
        ResultDocument::from_responses(&set, "lead", "2026-11-21T10:00:00Z", Some("2026-11-21T10:14:31Z"), &answers);
    assert_eq!(
        doc.answers,
        [
            ("t1".to_owned(), Answer::Point(4)),
            ("p1".to_owned(), Answer::Option("b".into())),
            ("p2".to_owned(), Answer::NotApplicable)
        ]
    );
    let text = doc.to_json();
    let reread = ResultDocument::parse(text.as_bytes()).unwrap();
    assert_eq!(reread, doc);
    assert_eq!(reread.responses(&set).unwrap(), answers);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "altitude.result/1");
    assert_eq!(value["set"], json!({"id": "base", "version": "1.0.0"}));
}

#[test]
fn syntax_errors_are_located() {
    let problems = ResultDocument::parse(b"{\"format\": }").unwrap_err();
    assert!(matches!(problems[0].location, Location::LineColumn { line: 1, .. }));
}

#[test]
fn untested_is_an_answer_of_format_2_sets_only() {
    let doc =
        ResultDocument::parse(document(|v| v["answers"]["t1"] = json!("untested")).to_string().as_bytes()).unwrap();
    assert!(doc.answers.contains(&("t1".to_owned(), Answer::Untested)));
    let problems = doc.responses(&load(&base_set())).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].kind, problems[0].location.to_string()), (K::OutOfRange, "answers.t1".to_owned()));
    assert!(problems[0].message.contains("format-2"), "{}", problems[0].message);

    let set = load(&common::base_set_2());
    let doc = ResultDocument::parse(
        document(|v| v["answers"] = json!({"t1": "untested", "p1": "untested", "t3": "untested", "p2": 2}))
            .to_string()
            .as_bytes(),
    )
    .unwrap();
    let responses = doc.responses(&set).unwrap();
    assert_eq!(responses.0[0], Some(altitude::model::Response::Untested));
    assert_eq!(responses.0[4], Some(altitude::model::Response::Untested), "level questions too");
    let written = ResultDocument::from_responses(&set, "lead", "2026-11-21T10:00:00Z", None, &responses);
    let text = written.to_json();
    assert!(text.contains("\"t1\": \"untested\""), "{text}");
    assert!(!text.contains("rater"), "the person's own document has no rater key");
    assert_eq!(ResultDocument::parse(text.as_bytes()).unwrap().responses(&set).unwrap(), responses);
}

#[test]
fn a_format_1_option_named_untested_is_still_an_option() {
    let mut value = base_set();
    value["questions"][2]["options"][0]["id"] = json!("untested");
    let set = load(&value);
    let doc =
        ResultDocument::parse(document(|v| v["answers"]["p1"] = json!("untested")).to_string().as_bytes()).unwrap();
    assert_eq!(doc.responses(&set).unwrap().0[2], Some(altitude::model::Response::Option(0)));
}

#[test]
fn a_raters_document_says_who_they_are() {
    let doc = ResultDocument::parse(
        document(|v| v["rater"] = json!({"relationship": "peer", "for": "Sam"})).to_string().as_bytes(),
    )
    .unwrap();
    let rater = doc.rater.clone().unwrap();
    assert_eq!(rater.relationship, altitude::model::Relationship::Peer);
    assert_eq!(rater.for_name.as_deref(), Some("Sam"));
    let again: Value = serde_json::from_str(&doc.to_json()).unwrap();
    assert_eq!(again["rater"], json!({"relationship": "peer", "for": "Sam"}));
    let keys: Vec<&String> = again.as_object().unwrap().keys().collect();
    assert!(keys.contains(&&"rater".to_owned()));
    let manager_only =
        ResultDocument::parse(document(|v| v["rater"] = json!({"relationship": "manager"})).to_string().as_bytes())
            .unwrap();
    assert_eq!(manager_only.rater.unwrap().for_name, None);
}

#[test]
fn rater_rules() {
    let cases: Vec<(Value, K, &str)> = vec![
        (json!({"relationship": "boss"}), K::OutOfRange, "rater.relationship"),
        (json!({"for": "Sam"}), K::MissingKey, "rater.relationship"),
        (json!({"relationship": "peer", "for": "x".repeat(81)}), K::BadLength, "rater.for"),
        (json!({"relationship": "peer", "name": "Sam"}), K::UnknownKey, "rater.name"),
        (json!("peer"), K::WrongType, "rater"),
    ];
    for (rater, kind, path) in cases {
        let problems = problems_of(&document(|v| v["rater"] = rater.clone()));
        assert!(problems.contains(&(kind, path.to_owned())), "{rater}: expected {kind:?} at {path}, got {problems:?}");
    }
}

#[test]
fn result_documents_altitude_wrote_before_still_load() {
    // Exactly what the format-1 widget exported, byte for byte.
    let text = r#"{
  "format": "altitude.result/1",
  "set": {
    "id": "base",
    "version": "1.0.0"
  },
  "role": "manager",
  "started_at": "2026-11-21T10:00:00Z",
  "completed_at": "2026-11-21T10:14:31Z",
  "answers": {
    "t1": 4,
    "t2": 2,
    "p1": "b",
    "p2": null
  }
}"#;
    let doc = ResultDocument::parse(text.as_bytes()).unwrap();
    assert_eq!(doc.rater, None);
    assert_eq!(doc.responses(&load(&base_set())).unwrap().answered(), 4);
    assert_eq!(doc.to_json(), text, "written back unchanged");
}

#[test]
fn question_lookup_finds_ids_in_any_order() {
    let set = common::load(&common::base_set());
    let ids: Vec<&str> = set.questions.iter().map(|q| q.id.as_str()).collect();
    let orders: [Vec<usize>; 4] = [vec![0, 1, 2, 3], vec![0, 2, 3], vec![3, 2, 1, 0], vec![1, 0, 3, 2]];
    for order in orders {
        let lookup = set.question_lookup();
        for &i in &order {
            assert_eq!(lookup(ids[i]), Some(i), "{order:?}");
        }
    }
    let lookup = set.question_lookup();
    assert_eq!(lookup(ids[1]), Some(1));
    assert_eq!(lookup("nope"), None);
    assert_eq!(lookup(ids[0]), Some(0), "found after an unknown id");
    assert_eq!(lookup(ids[3]), Some(3));
}

#[test]
fn every_repeated_answer_key_is_reported_in_document_order() {
    let text = r#"{"format": "altitude.result/1", "set": {"id": "base", "version": "1"}, "role": "lead",
        "started_at": "2026-11-21T10:00:00Z", "completed_at": null,
        "answers": {"t1": 4, "p1": "b", "t1": 5, "p2": null, "p1": "a", "t1": 3}, "role": "lead"}"#;
    let problems = ResultDocument::parse(text.as_bytes()).expect_err("repeated keys");
    let found: Vec<(K, String)> = problems.into_iter().map(|p| (p.kind, p.location.to_string())).collect();
    assert_eq!(
        found,
        [
            (K::DuplicateKey, "role".to_owned()),
            (K::DuplicateKey, "answers.t1".to_owned()),
            (K::DuplicateKey, "answers.p1".to_owned()),
            (K::DuplicateKey, "answers.t1".to_owned()),
        ]
    );
}
