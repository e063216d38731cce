//! One case per validation rule of the question-set format: the kind of problem and its place.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use altitude::model::{Location, ProblemKind as K, QuestionSet};
use common::{base_set, base_set_2, load, load_value};
use serde_json::{json, Value};

/// An edit to the base set, addressed by JSON pointer.
enum Edit {
    Set(&'static str, Value),
    Remove(&'static str),
}

fn apply(value: &mut Value, edit: &Edit) {
    match edit {
        Edit::Set(pointer, new) => {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            match value.pointer_mut(parent).unwrap_or_else(|| panic!("no {parent}")) {
                Value::Object(map) => {
                    map.insert(key.to_owned(), new.clone());
                }
                Value::Array(items) => items[key.parse::<usize>().unwrap()] = new.clone(),
                _ => panic!("{parent} is not a container"),
            }
        }
        Edit::Remove(pointer) => {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            match value.pointer_mut(parent).unwrap() {
                Value::Object(map) => {
                    map.remove(key);
                }
                Value::Array(items) => {
                    items.remove(key.parse::<usize>().unwrap());
                }
                _ => panic!("{parent} is not a container"),
            }
        }
    }
}

/// Applies the edits and asserts that a problem of `kind` is reported at `path`.
fn check(edits: &[Edit], kind: K, path: &str) {
    check_in(base_set(), edits, kind, path);
}

/// [`check`] on the format-2 base set.
fn check2(edits: &[Edit], kind: K, path: &str) {
    check_in(base_set_2(), edits, kind, path);
}

fn check_in(mut set: Value, edits: &[Edit], kind: K, path: &str) {
    for edit in edits {
        apply(&mut set, edit);
    }
    let problems = load_value(&set).expect_err("the edited set must be invalid");
    assert!(
        problems.iter().any(|p| p.kind == kind && p.location == Location::Path(path.to_owned())),
        "expected {kind:?} at {path}, got {problems:#?}"
    );
}

use Edit::{Remove, Set};

#[test]
fn the_base_set_is_valid() {
    let set = load(&base_set());
    assert_eq!(set.questions.len(), 4);
    assert_eq!(set.default_role, 1, "the role with the highest stage is the default");
    assert_eq!(set.ready_threshold, 90.0);
    assert_eq!(set.min_coverage, 0.5);
    assert_eq!(set.bands.len(), 4);
    assert_eq!(set.language, "en");
}

#[test]
fn document_rules() {
    check(&[Set("/qestions", json!([]))], K::UnknownKey, "qestions");
    check(&[Remove("/format")], K::MissingKey, "format");
    check(&[Set("/format", json!("altitude.question-set/3"))], K::UnsupportedFormat, "format");
    check(&[Set("/format", json!(1))], K::WrongType, "format");
    check(&[Set("/id", json!("1abc"))], K::BadIdentifier, "id");
    check(&[Set("/id", json!("has_underscore"))], K::BadIdentifier, "id");
    check(&[Set("/id", json!("a".repeat(65)))], K::BadLength, "id");
    check(&[Set("/version", json!(""))], K::BadLength, "version");
    check(&[Set("/version", json!("1".repeat(33)))], K::BadLength, "version");
    check(&[Set("/title", json!("   "))], K::BadLength, "title");
    check(&[Set("/title", json!("t".repeat(201)))], K::BadLength, "title");
    check(&[Set("/summary", json!("s".repeat(2001)))], K::BadLength, "summary");
    check(&[Set("/language", json!("english!"))], K::BadIdentifier, "language");
    check(&[Set("/estimated_minutes", json!(0))], K::OutOfRange, "estimated_minutes");
    check(&[Set("/estimated_minutes", json!(241))], K::OutOfRange, "estimated_minutes");
    check(&[Set("/estimated_minutes", json!(2.5))], K::OutOfRange, "estimated_minutes");
    check(&[Set("/ready_threshold", json!(101))], K::OutOfRange, "ready_threshold");
    check(&[Set("/min_coverage", json!(1.5))], K::OutOfRange, "min_coverage");
    check(&[Set("/min_coverage", json!("half"))], K::WrongType, "min_coverage");
    check(&[Set("/default_role", json!("cto"))], K::UnknownReference, "default_role");
}

#[test]
fn scale_rules() {
    check(&[Remove("/scale")], K::Inconsistent, "questions[0].kind");
    check(&[Set("/scale/points", json!(1))], K::OutOfRange, "scale.points");
    check(&[Set("/scale/points", json!(12))], K::OutOfRange, "scale.points");
    check(&[Set("/scale/points", json!(4))], K::Inconsistent, "scale.labels");
    check(&[Set("/scale/labels/2", json!(""))], K::BadLength, "scale.labels[2]");
    check(&[Set("/scale/labels/2", json!("x".repeat(61)))], K::BadLength, "scale.labels[2]");
    check(&[Set("/scale/colour", json!("red"))], K::UnknownKey, "scale.colour");
}

#[test]
fn dimension_rules() {
    check(&[Set("/dimensions", json!([]))], K::BadLength, "dimensions");
    check(&[Set("/dimensions/1/id", json!("tech"))], K::DuplicateId, "dimensions[1].id");
    check(&[Set("/dimensions/0/id", json!("Tech"))], K::BadIdentifier, "dimensions[0].id");
    check(&[Set("/dimensions/0/name", json!("n".repeat(81)))], K::BadLength, "dimensions[0].name");
    check(&[Set("/dimensions/0/description", json!("d".repeat(1001)))], K::BadLength, "dimensions[0].description");
    check(&[Set("/dimensions/0/weight", json!(0))], K::OutOfRange, "dimensions[0].weight");
    check(&[Set("/dimensions/0/weight", json!(100.5))], K::OutOfRange, "dimensions[0].weight");
    check(&[Set("/dimensions/0", json!("tech"))], K::WrongType, "dimensions[0]");
    check(&[Set("/dimensions/0/nmae", json!("x"))], K::UnknownKey, "dimensions[0].nmae");
}

#[test]
fn role_rules() {
    check(&[Set("/roles", json!([]))], K::BadLength, "roles");
    check(&[Set("/roles/1/id", json!("lead"))], K::DuplicateId, "roles[1].id");
    check(&[Set("/roles/1/stage", json!(2))], K::DuplicateId, "roles[1].stage");
    check(&[Set("/roles/0/stage", json!(21))], K::OutOfRange, "roles[0].stage");
    check(&[Set("/roles/0/stage", json!("2"))], K::WrongType, "roles[0].stage");
    check(&[Set("/roles/0/name", json!(""))], K::BadLength, "roles[0].name");
    check(&[Set("/roles/0/targets/tech", json!(101))], K::OutOfRange, "roles[0].targets.tech");
    check(&[Remove("/roles/0/targets/people")], K::MissingKey, "roles[0].targets.people");
    check(&[Set("/roles/0/targets/design", json!(50))], K::UnknownReference, "roles[0].targets.design");
    check(&[Remove("/roles/0/targets")], K::MissingKey, "roles[0].targets");
}

#[test]
fn a_target_named_twice_is_reported() {
    let text = base_set().to_string().replace(r#""tech":70"#, r#""tech":70,"tech":75"#);
    let problems = QuestionSet::load(text.as_bytes()).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.kind == K::DuplicateKey && p.location == Location::Path("roles[0].targets.tech".into())),
        "{problems:#?}"
    );
}

#[test]
fn question_rules() {
    check(&[Set("/questions", json!([]))], K::BadLength, "questions");
    check(&[Set("/questions/1/id", json!("t1"))], K::DuplicateId, "questions[1].id");
    check(&[Set("/questions/1/dimension", json!("tehc"))], K::UnknownReference, "questions[1].dimension");
    check(&[Set("/questions/1/kind", json!("slider"))], K::OutOfRange, "questions[1].kind");
    check(&[Set("/questions/1/text", json!(""))], K::BadLength, "questions[1].text");
    check(&[Set("/questions/1/text", json!("x".repeat(501)))], K::BadLength, "questions[1].text");
    check(&[Set("/questions/1/help", json!("x".repeat(1001)))], K::BadLength, "questions[1].help");
    check(&[Set("/questions/1/weight", json!(-1))], K::OutOfRange, "questions[1].weight");
    check(&[Set("/questions/1/reverse", json!("yes"))], K::WrongType, "questions[1].reverse");
    check(&[Set("/questions/2/reverse", json!(true))], K::Inconsistent, "questions[2].reverse");
    check(&[Set("/questions/0/options", json!([]))], K::Inconsistent, "questions[0].options");
    check(&[Remove("/questions/2/options")], K::MissingKey, "questions[2].options");
    check(
        &[Set("/questions/2/options", json!([{"id": "a", "text": "A", "score": 0}]))],
        K::BadLength,
        "questions[2].options",
    );
    check(&[Set("/questions/2/options/1/id", json!("a"))], K::DuplicateId, "questions[2].options[1].id");
    check(&[Set("/questions/2/options/1/score", json!(1.5))], K::OutOfRange, "questions[2].options[1].score");
    check(&[Set("/questions/2/options/1/text", json!("x".repeat(301)))], K::BadLength, "questions[2].options[1].text");
    check(&[Remove("/questions/3"), Remove("/questions/2")], K::Inconsistent, "questions");
    check(&[Set("/questions/0/dimensoin", json!("tech"))], K::UnknownKey, "questions[0].dimensoin");
}

#[test]
fn band_rules() {
    check(&[Set("/bands", json!([]))], K::BadLength, "bands");
    check(&[Set("/bands", json!([{"min": 10, "name": "Low"}]))], K::Inconsistent, "bands[0].min");
    check(
        &[Set("/bands", json!([{"min": 0, "name": "Low"}, {"min": 50, "name": "Mid"}, {"min": 50, "name": "High"}]))],
        K::Inconsistent,
        "bands[2].min",
    );
    check(&[Set("/bands", json!([{"min": 0, "name": ""}]))], K::BadLength, "bands[0].name");
    check(&[Set("/bands", json!([{"min": 0, "name": "x".repeat(41)}]))], K::BadLength, "bands[0].name");
    check(
        &[Set("/bands", json!([{"min": 0, "name": "Low"}, {"min": 101, "name": "Off"}]))],
        K::OutOfRange,
        "bands[1].min",
    );
}

#[test]
fn guidance_rules() {
    check(&[Set("/guidance/design", json!({}))], K::UnknownReference, "guidance.design");
    check(&[Set("/guidance/people/skils", json!([]))], K::UnknownKey, "guidance.people.skils");
    check(&[Set("/guidance/people/skills", json!(vec!["s"; 31]))], K::BadLength, "guidance.people.skills");
    check(&[Set("/guidance/people/skills", json!([""]))], K::BadLength, "guidance.people.skills[0]");
    check(&[Set("/guidance/people/practices", json!(["p".repeat(501)]))], K::BadLength, "guidance.people.practices[0]");
    check(
        &[Set("/guidance/people/reading", json!([{"author": "Anon"}]))],
        K::MissingKey,
        "guidance.people.reading[0].title",
    );
    check(
        &[Set("/guidance/people/reading", json!([{"title": "T", "isbn": "1"}]))],
        K::UnknownKey,
        "guidance.people.reading[0].isbn",
    );
}

#[test]
fn ids_of_items_are_checked() {
    check(&[Set("/questions/0/id", json!("Q 1"))], K::BadIdentifier, "questions[0].id");
    check(&[Set("/roles/0/id", json!("tech lead"))], K::BadIdentifier, "roles[0].id");
    check(&[Set("/questions/2/options/0/id", json!("A"))], K::BadIdentifier, "questions[2].options[0].id");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut set = base_set();
    apply(&mut set, &Set("/id", json!("Bad Id")));
    apply(&mut set, &Set("/questions/0/dimension", json!("nowhere")));
    apply(&mut set, &Set("/roles/1/stage", json!(0)));
    apply(&mut set, &Set("/tittle", json!("x")));
    let problems = load_value(&set).unwrap_err();
    let paths: Vec<String> = problems.iter().map(|p| p.location.to_string()).collect();
    for expected in ["id", "questions[0].dimension", "roles[1].stage", "tittle"] {
        assert!(paths.iter().any(|p| p == expected), "{expected} missing from {paths:?}");
    }
    assert!(problems.iter().any(|p| p.message.contains("did you mean \"title\"")));
}

#[test]
fn problems_are_capped_at_one_hundred() {
    let mut set = base_set();
    let questions: Vec<Value> = (0..500)
        .map(|i| json!({"id": format!("q{i}"), "dimension": "nowhere", "kind": "likert", "text": "x"}))
        .collect();
    apply(&mut set, &Set("/questions", Value::Array(questions)));
    assert_eq!(load_value(&set).unwrap_err().len(), 100);
}

#[test]
fn syntax_errors_have_line_and_column() {
    let problems = QuestionSet::load(b"{\n  \"id\": \"x\",\n  \"title\": oops\n}").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, K::Syntax);
    assert_eq!(problems[0].location, Location::LineColumn { line: 3, column: 12 });
}

#[test]
fn hostile_documents_are_refused_cleanly() {
    let cases: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\x00\xff\xfe garbage".to_vec(),
        b"[]".to_vec(),
        b"null".to_vec(),
        "[".repeat(10_000).into_bytes(),
        br#"{"estimated_minutes": 1e999}"#.to_vec(),
        br#"{"estimated_minutes": 18446744073709551616000}"#.to_vec(),
        vec![b' '; 17 * 1024 * 1024],
    ];
    for bytes in cases {
        let problems = QuestionSet::load(&bytes).unwrap_err();
        assert!(!problems.is_empty());
    }
}

#[test]
fn bytes_that_are_not_utf_8_are_a_located_syntax_error() {
    // The widget hands the loader the bytes it fetched, as they are: a set saved in Latin-1 is
    // refused at the first byte that is not UTF-8, never read with replacement characters.
    let text = base_set().to_string().replace("\"Base set\"", "\"Bas\u{e9} set\"");
    let latin1: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect();
    let at = text.find("Bas\u{e9} set").unwrap() + "Bas".len();
    let problems = QuestionSet::load(&latin1).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].kind, K::Syntax);
    assert_eq!(problems[0].location, Location::LineColumn { line: 1, column: at + 1 });
    assert_eq!(problems[0].message, "invalid JSON: invalid unicode code point");
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(base_set().to_string().bytes());
    assert!(QuestionSet::load(&bytes).is_ok());
}

#[test]
fn the_format_2_base_set_is_valid() {
    let set = load(&base_set_2());
    assert_eq!(set.format, 2);
    assert_eq!(set.gap_tolerance, 10.0);
    assert!(matches!(set.questions[4].kind, altitude::model::QuestionKind::Level { .. }));
    assert_eq!(set.questions[0].text_other.as_deref(), Some("They write design documents."));
    assert_eq!(set.questions[2].debrief.as_deref(), Some("Talking to them early is what helps."));
    assert_eq!(
        set.role_guidance[1][0].as_ref().unwrap().first_step.as_deref(),
        Some("Ask to own a cross-team design.")
    );
    assert!(set.role_guidance[0].iter().all(Option::is_none));
    let mut without_tolerance = base_set_2();
    without_tolerance.as_object_mut().unwrap().remove("gap_tolerance");
    assert_eq!(load(&without_tolerance).gap_tolerance, 10.0, "format 2's default");
    assert_eq!(load(&base_set()).gap_tolerance, 100.0, "format 1 behaves as if it were 100");
}

#[test]
fn schema_key_is_allowed_in_both_formats() {
    let mut set = base_set();
    set["$schema"] = json!("../schema/question-set-v1.schema.json");
    assert!(load_value(&set).is_ok());
    check(&[Set("/$schema", json!(1))], K::WrongType, "$schema");
}

#[test]
fn format_2_keys_are_unknown_in_format_1() {
    check(&[Set("/gap_tolerance", json!(10))], K::UnknownKey, "gap_tolerance");
    check(&[Set("/role_guidance", json!({}))], K::UnknownKey, "role_guidance");
    check(&[Set("/questions/0/text_other", json!("They do."))], K::UnknownKey, "questions[0].text_other");
    check(&[Set("/questions/2/debrief", json!("Why."))], K::UnknownKey, "questions[2].debrief");
    check(&[Set("/guidance/people/first_step", json!("Do."))], K::UnknownKey, "guidance.people.first_step");
    check(&[Set("/questions/1/kind", json!("level"))], K::OutOfRange, "questions[1].kind");
    let mut set = base_set();
    set["gap_tolerance"] = json!(10);
    let problems = load_value(&set).unwrap_err();
    assert!(problems[0].message.contains("format-2 key"), "{}", problems[0].message);
}

#[test]
fn format_2_document_rules() {
    check2(&[Set("/gap_tolerance", json!(-1))], K::OutOfRange, "gap_tolerance");
    check2(&[Set("/gap_tolerance", json!(100.5))], K::OutOfRange, "gap_tolerance");
    check2(&[Set("/gap_tolerance", json!("10"))], K::WrongType, "gap_tolerance");
    check2(&[Set("/role_guidance", json!([]))], K::WrongType, "role_guidance");
    check2(&[Set("/role_guidance/cto", json!({}))], K::UnknownReference, "role_guidance.cto");
    check2(&[Set("/role_guidance/manager/design", json!({}))], K::UnknownReference, "role_guidance.manager.design");
    check2(&[Set("/role_guidance/manager/tech/skils", json!([]))], K::UnknownKey, "role_guidance.manager.tech.skils");
    check2(&[Set("/role_guidance/manager/tech/signal", json!(""))], K::BadLength, "role_guidance.manager.tech.signal");
}

#[test]
fn format_2_guidance_rules() {
    for key in ["first_step", "conversation", "signal"] {
        let path = format!("guidance.tech.{key}");
        let mut set = base_set_2();
        set["guidance"]["tech"][key] = json!("");
        assert_problem(&set, K::BadLength, &path);
        set["guidance"]["tech"][key] = json!("x".repeat(501));
        assert_problem(&set, K::BadLength, &path);
        set["guidance"]["tech"][key] = json!(3);
        assert_problem(&set, K::WrongType, &path);
    }
}

fn assert_problem(set: &Value, kind: K, path: &str) {
    let problems = load_value(set).expect_err("the edited set must be invalid");
    assert!(
        problems.iter().any(|p| p.kind == kind && p.location == Location::Path(path.to_owned())),
        "expected {kind:?} at {path}, got {problems:#?}"
    );
}

#[test]
fn format_2_question_rules() {
    check2(&[Set("/questions/0/text_other", json!(""))], K::BadLength, "questions[0].text_other");
    check2(&[Set("/questions/0/text_other", json!("x".repeat(501)))], K::BadLength, "questions[0].text_other");
    check2(&[Set("/questions/2/debrief", json!("x".repeat(1001)))], K::BadLength, "questions[2].debrief");
    check2(&[Set("/questions/0/debrief", json!("Why."))], K::Inconsistent, "questions[0].debrief");
    check2(&[Set("/questions/2/options/1/id", json!("untested"))], K::BadIdentifier, "questions[2].options[1].id");
    check2(&[Set("/questions/4/options/0/id", json!("untested"))], K::BadIdentifier, "questions[4].options[0].id");
}

#[test]
fn level_rules() {
    check2(&[Set("/questions/4/options/2/score", json!(0.5))], K::Inconsistent, "questions[4].options[2].score");
    check2(&[Set("/questions/4/options/1/score", json!(0))], K::Inconsistent, "questions[4].options[1].score");
    check2(
        &[Set("/questions/4/options/1/score", json!(0.9)), Set("/questions/4/options/2/score", json!(0.4))],
        K::Inconsistent,
        "questions[4].options[2].score",
    );
    check2(&[Set("/questions/4/reverse", json!(false))], K::Inconsistent, "questions[4].reverse");
    check2(&[Remove("/questions/4/options")], K::MissingKey, "questions[4].options");
    check2(&[Set("/questions/4/options/1/id", json!("own"))], K::DuplicateId, "questions[4].options[1].id");
    let ladder = |n: usize| {
        json!((0..n)
            .map(|i| json!({"id": format!("l{i}"), "text": "L", "score": i as f64 / n as f64}))
            .collect::<Vec<_>>())
    };
    check2(&[Set("/questions/4/options", ladder(9))], K::BadLength, "questions[4].options");
    check2(&[Set("/questions/4/options", ladder(1))], K::BadLength, "questions[4].options");
    let mut eight = base_set_2();
    eight["questions"][4]["options"] = ladder(8);
    assert!(load_value(&eight).is_ok(), "8 levels are allowed");
    // A choice question may still have 10 options, in any order of scores.
    let mut ten = base_set_2();
    ten["questions"][2]["options"] = json!((0..10)
        .map(|i| json!({"id": format!("c{i}"), "text": "C", "score": (9 - i) as f64 / 9.0}))
        .collect::<Vec<_>>());
    assert!(load_value(&ten).is_ok());
}

/// The format-2 base set with two facets: "craft" on t1 and t3, "reach" on p2.
fn with_facets() -> Value {
    let mut set = base_set_2();
    set["facets"] =
        json!([{"id": "craft", "name": "Craft"}, {"id": "reach", "name": "Reach", "description": "How far it goes."}]);
    set["questions"][0]["facets"] = json!(["craft"]);
    set["questions"][4]["facets"] = json!(["craft"]);
    set["questions"][3]["facets"] = json!(["reach"]);
    set
}

fn check_facets(edits: &[Edit], kind: K, path: &str) {
    check_in(with_facets(), edits, kind, path);
}

#[test]
fn facet_rules() {
    let set = load(&with_facets());
    assert_eq!(set.facets.len(), 2);
    assert_eq!(set.questions[4].facets, [0]);
    assert!(set.questions.iter().all(|q| q.scored));
    // A facet no question names is an error at the facet.
    check_facets(&[Remove("/questions/3/facets")], K::Inconsistent, "facets[1]");
    // Unknown or repeated facet ids, at the question.
    check_facets(&[Set("/questions/0/facets", json!(["crafts"]))], K::UnknownReference, "questions[0].facets[0]");
    check_facets(&[Set("/questions/0/facets", json!(["craft", "craft"]))], K::DuplicateId, "questions[0].facets[1]");
    // One mistake, one problem: the facet the question does name is not also reported as unnamed.
    let mut value = with_facets();
    value["questions"][3]["facets"] = json!(["reach", "reach"]);
    let problems = load_value(&value).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    check_facets(&[Set("/questions/0/facets", json!([]))], K::BadLength, "questions[0].facets");
    check_facets(
        &[Set("/questions/0/facets", json!(["craft", "reach", "craft", "reach", "craft"]))],
        K::BadLength,
        "questions[0].facets",
    );
    // The facets themselves: ids, names, descriptions, count.
    check_facets(&[Set("/facets/1/id", json!("craft"))], K::DuplicateId, "facets[1].id");
    check_facets(&[Set("/facets/0/name", json!(""))], K::BadLength, "facets[0].name");
    check_facets(&[Set("/facets/0/name", json!("x".repeat(61)))], K::BadLength, "facets[0].name");
    check_facets(&[Set("/facets/0/description", json!(""))], K::BadLength, "facets[0].description");
    check_facets(&[Set("/facets/0/colour", json!("red"))], K::UnknownKey, "facets[0].colour");
    check_facets(&[Set("/facets", json!([]))], K::BadLength, "facets");
    // Facets on a question of a set without a facets list.
    check2(&[Set("/questions/0/facets", json!(["craft"]))], K::Inconsistent, "questions[0].facets");
    // Format 1 has neither key.
    check(&[Set("/facets", json!([{"id": "craft", "name": "Craft"}]))], K::UnknownKey, "facets");
}

#[test]
fn questions_outside_the_score() {
    let mut value = with_facets();
    value["questions"][3]["scored"] = json!(false);
    let set = load(&value);
    assert!(!set.questions[3].scored);
    // An unscored question must name a facet.
    check_facets(&[Set("/questions/2/scored", json!(false))], K::Inconsistent, "questions[2].scored");
    // `scored` in a set without facets.
    check2(&[Set("/questions/0/scored", json!(true))], K::Inconsistent, "questions[0].scored");
    check_facets(&[Set("/questions/0/scored", json!("no"))], K::WrongType, "questions[0].scored");
    // A dimension with no scored question could never have a score.
    let mut value = with_facets();
    value["questions"][2]["facets"] = json!(["reach"]);
    value["questions"][2]["scored"] = json!(false);
    value["questions"][3]["scored"] = json!(false);
    let problems = load_value(&value).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.location == Location::Path("questions".to_owned()) && p.message.contains("\"people\"")),
        "{problems:#?}"
    );
}

#[test]
fn a_text_for_raters_of_only_spaces_is_refused_like_a_blank_title() {
    check2(&[Set("/questions/0/text_other", json!("   "))], K::BadLength, "questions[0].text_other");
    check2(&[Set("/questions/0/text_other", json!(""))], K::BadLength, "questions[0].text_other");
}

#[test]
fn new_rules_are_located_whatever_else_is_wrong() {
    // A dimension whose questions are all unscored is reported beside an unrelated problem.
    let mut value = with_facets();
    value["questions"][2]["facets"] = json!(["reach"]);
    value["questions"][2]["scored"] = json!(false);
    value["questions"][3]["scored"] = json!(false);
    value["title"] = json!("");
    let problems = load_value(&value).unwrap_err();
    assert!(problems.iter().any(|p| p.message.contains("\"people\"")), "{problems:#?}");
    // A facet without an id shifts no other facet's place.
    let mut value = with_facets();
    value["facets"] = json!([{"name": "No id"}, {"id": "craft", "name": "Craft"}, {"id": "reach", "name": "Reach"}]);
    value["questions"][3]["facets"] = json!(["craft"]);
    let problems = load_value(&value).unwrap_err();
    assert!(problems.iter().any(|p| p.location == Location::Path("facets[2]".to_owned())), "{problems:#?}");
    assert!(!problems.iter().any(|p| p.location == Location::Path("facets[1]".to_owned())), "{problems:#?}");
}
