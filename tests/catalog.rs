//! The catalog of bundled sets, parsed and checked in the core (the widget and `altitude check` share it).

mod common;

use altitude::model::catalog::looks_like_catalog;
use altitude::model::{json, Catalog, Location, ProblemKind as K, SetFacts};
use common::{base_set, load};

fn problems(text: &str) -> Vec<(K, String)> {
    Catalog::parse(text.as_bytes()).unwrap_err().into_iter().map(|p| (p.kind, p.location.to_string())).collect()
}

#[test]
fn the_bundled_catalog_states_every_sets_start_screen_facts_and_they_are_true() {
    let catalog = Catalog::parse(&std::fs::read("assessments/catalog.json").unwrap()).unwrap();
    assert_eq!(catalog.default.as_deref(), Some("cto-readiness"));
    assert_eq!(catalog.sets.len(), 4);
    assert_eq!(catalog.sets[0].file, "cto-readiness.json");
    let sets: Vec<_> = catalog
        .sets
        .iter()
        .map(|entry| {
            load(&serde_json::from_slice(&std::fs::read(format!("assessments/{}", entry.file)).unwrap()).unwrap())
        })
        .collect();
    for (entry, set) in catalog.sets.iter().zip(&sets) {
        assert_eq!(entry.facts.as_ref(), Some(&SetFacts::of(set)), "{}: run altitude catalog", entry.file);
    }
    assert!(catalog.check_sets(&sets.iter().map(Some).collect::<Vec<_>>()).is_empty());
}

#[test]
fn a_catalog_of_file_names_states_no_facts() {
    let catalog = Catalog::parse(br#"{"default": "a", "sets": ["a.json", "b.json"]}"#).unwrap();
    assert!(catalog.sets.iter().all(|entry| entry.facts.is_none()));
}

#[test]
fn facts_written_as_an_entry_read_back_the_same() {
    let set = load(&base_set());
    let facts = SetFacts::of(&set);
    let document = json::Json::Object(vec![("sets".to_owned(), json::Json::Array(vec![facts.entry("base.json")]))]);
    let catalog = Catalog::parse(json::compact(&document).as_bytes()).unwrap();
    assert_eq!(catalog.sets[0].file, "base.json");
    assert_eq!(catalog.sets[0].facts.as_ref(), Some(&facts));
}

#[test]
fn entries_may_state_start_screen_facts() {
    let catalog = Catalog::parse(
        br#"{"sets": ["a.json", {"file": "b.json", "id": "b", "title": "B", "estimated_minutes": 5, "questions": 12}]}"#,
    )
    .unwrap();
    assert_eq!(catalog.default, None);
    let facts = catalog.sets[1].facts.as_ref().unwrap();
    assert_eq!(
        (facts.id.as_str(), facts.title.as_str(), facts.estimated_minutes, facts.questions),
        ("b", "B", Some(5), 12)
    );
    assert_eq!(facts.summary, None);
}

#[test]
fn shape_problems_are_located() {
    assert!(problems(r#"{"sets": []}"#).contains(&(K::BadLength, "sets".into())));
    assert!(problems(r#"{"default": "x"}"#).contains(&(K::MissingKey, "sets".into())));
    assert!(problems(r#"{"sets": ["a.json"], "defualt": "x"}"#).contains(&(K::UnknownKey, "defualt".into())));
    assert!(problems(r#"{"sets": [3]}"#).contains(&(K::WrongType, "sets[0]".into())));
    assert!(problems(r#"{"sets": [""]}"#).contains(&(K::BadLength, "sets[0]".into())));
    assert!(problems(r#"{"sets": ["/etc/passwd"]}"#).contains(&(K::Inconsistent, "sets[0]".into())));
    assert!(problems(r#"{"sets": [{"file": "a.json", "id": "a", "title": "A"}]}"#)
        .contains(&(K::MissingKey, "sets[0].questions".into())));
    assert!(problems(r#"{"sets": [{"file": "a.json", "id": "a", "title": "A", "questions": 0}]}"#)
        .contains(&(K::OutOfRange, "sets[0].questions".into())));
    assert!(problems("{\n  \"sets\": [,]\n}").iter().any(|(kind, _)| *kind == K::Syntax));
}

#[test]
fn the_default_must_be_listed_and_facts_true() {
    let set = load(&base_set());
    let catalog = Catalog::parse(
        br#"{"default": "other", "sets": [{"file": "base.json", "id": "base", "title": "Base set", "questions": 5}, "base-again.json"]}"#,
    )
    .unwrap();
    let found = catalog.check_sets(&[Some(&set), Some(&set)]);
    let at =
        |path: &str, kind: K| found.iter().any(|p| p.kind == kind && p.location == Location::Path(path.to_owned()));
    assert!(at("default", K::UnknownReference), "{found:#?}");
    assert!(at("sets[1]", K::DuplicateId), "{found:#?}");
    assert!(at("sets[0].questions", K::Inconsistent), "5 stated, 4 in the set: {found:#?}");
    assert!(!at("sets[0].title", K::Inconsistent));

    let good = Catalog::parse(br#"{"default": "base", "sets": ["base.json"]}"#).unwrap();
    assert!(good.check_sets(&[Some(&set)]).is_empty());
    // A set that did not load: its id comes from the stated facts, or is unknown.
    let stated = Catalog::parse(
        br#"{"default": "base", "sets": [{"file": "base.json", "id": "base", "title": "T", "questions": 4}]}"#,
    )
    .unwrap();
    assert!(stated.check_sets(&[None]).is_empty());
    assert_eq!(SetFacts::of(&set).questions, 4);
}

#[test]
fn a_catalog_is_told_from_a_question_set() {
    let tree = |text: &str| json::parse(text.as_bytes()).unwrap();
    assert!(looks_like_catalog(&tree(r#"{"sets": []}"#)));
    assert!(looks_like_catalog(&tree(r#"{"default": "x"}"#)));
    assert!(!looks_like_catalog(&tree(&base_set().to_string())));
    assert!(!looks_like_catalog(&tree(r#"{"format": "altitude.question-set/2", "sets": []}"#)));
    assert!(!looks_like_catalog(&tree("[]")));
}

#[test]
fn the_set_shown_first_is_the_wanted_one_else_the_default_else_the_first_and_needs_every_sets_facts() {
    let entry = |id: &str| format!(r#"{{"file": "{id}.json", "id": "{id}", "title": "{id}", "questions": 3}}"#);
    let catalog = |default: &str, entries: &[String]| {
        Catalog::parse(format!(r#"{{{default} "sets": [{}]}}"#, entries.join(", ")).as_bytes()).unwrap()
    };
    let stated = catalog(r#""default": "b","#, &[entry("a"), entry("b"), entry("c")]);
    assert_eq!(stated.first_shown(Some("c")), Some(2));
    assert_eq!(stated.first_shown(Some("unlisted")), Some(1), "the default");
    assert_eq!(stated.first_shown(None), Some(1));
    assert_eq!(catalog("", &[entry("a"), entry("b")]).first_shown(None), Some(0), "no default: the first");
    assert_eq!(catalog(r#""default": "x","#, &[entry("a"), entry("b")]).first_shown(None), Some(0));
    // An entry without facts cannot be listed before its set loads: everything loads first.
    assert_eq!(catalog(r#""default": "a","#, &[entry("a"), r#""b.json""#.to_owned()]).first_shown(None), None);
    // A catalog that lists no set (which parsing refuses, but the fields are public) shows none first.
    let empty = Catalog { sets: Vec::new(), ..stated };
    assert_eq!(empty.first_shown(Some("b")), None);
}
