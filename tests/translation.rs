//! Translations of question sets (issue 26): every string a person reads is a translatable place,
//! the check finds missing, stale, extra and misplaced strings at their paths, and a complete,
//! current translation gives a set that scores exactly like the original.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use altitude::model::question_set::ALL_SPECS;
use altitude::model::reader::JsonType;
use altitude::model::{Location, ProblemKind, QuestionSet};
use altitude::scoring::score;
use altitude::translation::places::{self, pattern_of};
use altitude::translation::{apply, catalog, check, skeleton, Entry, Translation};
use common::{base_set_2, load, responses};
use serde_json::{json, Value};

/// The keys of the set format that hold text a person reads (or lists of it), by object name.
const TEXT: [(&str, &str); 25] = [
    ("the question set", "title"),
    ("the question set", "summary"),
    ("scale", "labels"),
    ("dimension", "name"),
    ("dimension", "description"),
    ("role", "name"),
    ("role", "summary"),
    ("question", "text"),
    ("question", "text_other"),
    ("question", "help"),
    ("question", "debrief"),
    ("option", "text"),
    ("band", "name"),
    ("guidance", "summary"),
    ("guidance", "first_step"),
    ("guidance", "conversation"),
    ("guidance", "signal"),
    ("guidance", "skills"),
    ("guidance", "practices"),
    ("guidance", "projects"),
    ("reading", "title"),
    ("reading", "author"),
    ("reading", "note"),
    ("facet", "name"),
    ("facet", "description"),
];

/// The keys of the set format that hold strings, lists or objects that are not text to translate:
/// ids and references, the format and version, the language (the translation's replaces it), and
/// the lists and maps whose items are read by their own key tables.
const NOT_TEXT: [(&str, &str); 25] = [
    ("the question set", "$schema"),
    ("the question set", "format"),
    ("the question set", "id"),
    ("the question set", "version"),
    ("the question set", "language"),
    ("the question set", "scale"),
    ("the question set", "dimensions"),
    ("the question set", "roles"),
    ("the question set", "default_role"),
    ("the question set", "bands"),
    ("the question set", "questions"),
    ("the question set", "facets"),
    ("the question set", "guidance"),
    ("the question set", "role_guidance"),
    ("dimension", "id"),
    ("role", "id"),
    ("role", "targets"),
    ("question", "id"),
    ("question", "dimension"),
    ("question", "kind"),
    ("question", "options"),
    ("question", "facets"),
    ("option", "id"),
    ("guidance", "reading"),
    ("facet", "id"),
];

/// A new key in the set format must be sorted into TEXT or NOT_TEXT here, and a text key must then be
/// in the marked set below and listed by `places::visit`, or this test fails.
#[test]
fn every_key_of_the_set_format_is_known_to_be_text_or_not() {
    for spec in ALL_SPECS {
        for key in spec.keys {
            if matches!(key.json_type, JsonType::Number | JsonType::Integer | JsonType::Boolean) {
                continue;
            }
            let named = (spec.name, key.name);
            assert!(
                TEXT.contains(&named) || NOT_TEXT.contains(&named),
                "{named:?} is new: is it text a person reads (TEXT, and translation/places.rs) or not (NOT_TEXT)?"
            );
        }
    }
    let marked = marked_set().to_string();
    for (_, key) in TEXT {
        assert!(marked.contains(&format!("\"{key}\":")), "the marked set has no \"{key}\"");
    }
}

/// A format-2 set with every text the format allows, each at least once, and every optional object.
fn maximal_set() -> Value {
    let mut set = base_set_2();
    set["summary"] = json!("A summary.");
    set["dimensions"][0]["description"] = json!("How you shape the technical direction.");
    set["roles"][0]["summary"] = json!("Leads a team's technical work.");
    set["bands"] = json!([{"min": 0, "name": "Starting"}, {"min": 50, "name": "Strong"}]);
    set["questions"][1]["help"] = json!("Count the last month only.");
    set["facets"] = json!([{"id": "builder", "name": "Builder", "description": "Builds things themselves."}]);
    set["questions"][0]["facets"] = json!(["builder"]);
    set["guidance"]["tech"]["skills"] = json!(["Writing designs"]);
    set["guidance"]["tech"]["projects"] = json!(["Lead a migration"]);
    set["guidance"]["tech"]["reading"] =
        json!([{"title": "Design It", "author": "Michael Keeling", "note": "Chapters 1–3."}]);
    // Role guidance with every key, as a dimension's guidance has.
    set["role_guidance"]["manager"]["tech"] = set["guidance"]["tech"].clone();
    set
}

/// The maximal set with every text replaced by a marker `«n»`, so each can be told apart.
fn marked_set() -> Value {
    fn mark(value: &mut Value, key: &str, next: &mut usize) {
        let skip = NOT_TEXT.iter().any(|(_, k)| *k == key) && !matches!(value, Value::Array(_) | Value::Object(_));
        match value {
            Value::String(text) if !skip => {
                *next += 1;
                *text = format!("«{next}»");
            }
            // A question's facets and a role's targets name ids.
            Value::Array(items) if key != "facets" || items.iter().all(Value::is_object) => {
                for item in items {
                    mark(item, key, next);
                }
            }
            Value::Object(pairs) if key != "targets" => {
                for (k, v) in pairs {
                    mark(v, k, next);
                }
            }
            _ => {}
        }
    }
    let mut set = maximal_set();
    mark(&mut set, "", &mut 0);
    set
}

/// The markers `«n»` in a text, in order.
fn markers(text: &str) -> Vec<String> {
    text.split('«').skip(1).filter_map(|rest| rest.split_once('»').map(|(n, _)| format!("«{n}»"))).collect()
}

/// Every marker the loaded set holds (seen through its `Debug` form, which shows every field, so a
/// field added to the model is seen without being named here) is a string `places::strings` lists.
#[test]
fn every_string_a_person_reads_is_listed_at_a_place_of_the_grammar() {
    let set = load(&marked_set());
    let held = markers(&format!("{set:?}"));
    let in_document = markers(&marked_set().to_string());
    assert!(held.len() >= in_document.len() && in_document.len() > 40, "{} of {}", held.len(), in_document.len());
    let listed = places::strings(&set);
    let mut listed_markers: Vec<String> = listed.iter().map(|s| s.text.clone()).collect();
    let mut held_sorted = held.clone();
    listed_markers.sort();
    held_sorted.sort();
    // Default bands are replaced by the set's own here, so every string held is a marker.
    assert_eq!(listed_markers, held_sorted, "a string the set holds is not listed, or one is listed twice");
    for string in &listed {
        assert!(pattern_of(&string.place).is_some(), "{} is not a place of the grammar", string.place);
    }
    // And every pattern of the grammar is met by the maximal set.
    for pattern in places::all_patterns() {
        assert!(listed.iter().any(|s| pattern_of(&s.place).as_deref() == Some(pattern.as_str())), "{pattern}");
    }
}

fn translated_fully(set: &QuestionSet, language: &str, translate: impl Fn(&str) -> String) -> Translation {
    let mut translation = skeleton(set, language, None).translation;
    for entry in &mut translation.strings {
        entry.translation = translate(&entry.source);
    }
    translation
}

#[test]
fn applying_replaces_every_string_and_nothing_else() {
    let set = load(&marked_set());
    let translation = translated_fully(&set, "de", |source| source.replace('«', "‹").replace('»', "›"));
    let translated = apply(&translation, &set).expect("complete and current");
    let shown = format!("{translated:?}");
    assert!(markers(&shown).is_empty(), "untranslated: {:?}", markers(&shown));
    assert_eq!(translated.language, "de");
    // Everything but the texts is as it was: translating back gives the set again.
    let back = translated_fully(&translated, "en", |text| text.replace('‹', "«").replace('›', "»"));
    let mut round = apply(&Translation { set_id: set.id.clone(), ..back }, &translated).expect("complete");
    round.language.clone_from(&set.language);
    assert_eq!(round, set);
}

fn base() -> QuestionSet {
    load(&base_set_2())
}

/// The base set's complete, current German translation (the words do not matter here).
fn german(set: &QuestionSet) -> Translation {
    translated_fully(set, "de", |source| format!("DE {source}"))
}

fn position(translation: &Translation, place: &str) -> usize {
    translation.strings.iter().position(|e| e.place == place).unwrap_or_else(|| panic!("no {place}"))
}

/// The problems as (kind, path, message) for hand-written expectations.
fn problems_of(translation: &Translation, set: &QuestionSet) -> Vec<(ProblemKind, String, String)> {
    check(translation, set)
        .problems
        .into_iter()
        .map(|p| {
            let Location::Path(path) = p.location else { panic!("a translation's problems have paths") };
            (p.kind, path, p.message)
        })
        .collect()
}

#[test]
fn a_complete_current_translation_has_no_problem() {
    let set = base();
    let translation = german(&set);
    let checked = check(&translation, &set);
    assert!(checked.complete_and_current(), "{:#?}", checked.problems);
    assert_eq!(checked.counts.strings, translation.strings.len());
    assert_eq!(checked.counts.current, checked.counts.strings);
    assert_eq!((checked.counts.untranslated, checked.counts.stale, checked.counts.extra), (0, 0, 0));
    // The base set: title, 5 labels, 2 dimensions, 2 roles, 4 default bands, 5 questions' texts, one
    // text_other, two debriefs, 5 options, and guidance (summary, skill, reading title and author;
    // tech's 4 texts and a practice; the manager's first step and a skill).
    assert_eq!(checked.counts.strings, 1 + 5 + 2 + 2 + 4 + 5 + 1 + 2 + 5 + 4 + 5 + 2);
}

#[test]
fn a_missing_string_is_named_at_the_list() {
    let set = base();
    let mut translation = german(&set);
    translation.strings.remove(position(&translation, "questions[p1].options[b].text"));
    assert_eq!(
        problems_of(&translation, &set),
        [(
            ProblemKind::MissingString,
            "strings".to_owned(),
            "no entry for questions[p1].options[b].text, the text \"Talk to them\"".to_owned()
        )]
    );
    let counts = check(&translation, &set).counts;
    assert_eq!((counts.untranslated, counts.current + 1), (1, counts.strings));
}

#[test]
fn an_empty_translation_is_not_translated_yet() {
    let set = base();
    let mut translation = german(&set);
    let at = position(&translation, "title");
    translation.strings[at].translation = "  ".to_owned();
    assert_eq!(
        problems_of(&translation, &set),
        [(
            ProblemKind::Untranslated,
            format!("strings[{at}].translation"),
            "not translated yet: \"Base set\"".to_owned()
        )]
    );
}

#[test]
fn a_changed_source_text_makes_its_string_stale() {
    let set = base();
    let translation = german(&set);
    let mut changed = base_set_2();
    changed["questions"][0]["text"] = json!("I write design documents for others to review.");
    let changed = load(&changed);
    let at = position(&translation, "questions[t1].text");
    assert_eq!(
        problems_of(&translation, &changed),
        [(
            ProblemKind::Stale,
            format!("strings[{at}].source"),
            "stale: the set's text here is now \"I write design documents for others to review.\"; translate it, then copy it into \"source\"".to_owned()
        )]
    );
    let checked = check(&translation, &changed);
    assert_eq!(checked.counts.stale, 1);
    assert!(apply(&translation, &changed).is_err(), "a stale translation is not applied");
}

#[test]
fn a_string_marked_with_its_previous_source_is_stale_until_the_mark_is_removed() {
    let set = base();
    let mut translation = german(&set);
    let at = position(&translation, "questions[t1].text");
    translation.strings[at].previous_source = Some("I write designs.".to_owned());
    assert_eq!(
        problems_of(&translation, &set),
        [(
            ProblemKind::Stale,
            format!("strings[{at}].previous_source"),
            "stale: the source changed from \"I write designs.\" to the text in \"source\"; check the translation against the change, then remove \"previous_source\"".to_owned()
        )]
    );
}

fn with_extra(translation: &Translation, place: &str, source: &str) -> Translation {
    let mut translation = translation.clone();
    translation.strings.push(Entry {
        place: place.to_owned(),
        source: source.to_owned(),
        translation: "DE".to_owned(),
        previous_source: None,
    });
    translation
}

#[test]
fn an_extra_string_says_what_the_set_lacks() {
    let set = base();
    let translation = german(&set);
    let last = translation.strings.len();
    let path = format!("strings[{last}].place");
    let cases = [
        ("questions[t9].text", "the set (version 1.0.0) has no question \"t9\"; did you mean \"t1\"?"),
        (
            "questions[t1].help",
            "the set (version 1.0.0) has no text at questions[t1].help: it is absent or empty there; remove the entry",
        ),
        (
            "questions[t1].options[a].text",
            "question \"t1\" is a likert question, rated on the set's scale: it has no options",
        ),
        ("questions[p1].options[z].text", "question \"p1\" has no option \"z\"; its options are a, b"),
        ("role_guidance.director.tech.summary", "the set (version 1.0.0) has no role \"director\""),
        ("facets[builder].name", "the set (version 1.0.0) has no facet \"builder\""),
    ];
    for (place, message) in cases {
        let problems = problems_of(&with_extra(&translation, place, "Something else"), &set);
        assert_eq!(problems, [(ProblemKind::NotInSet, path.clone(), message.to_owned())], "{place}");
    }
    assert_eq!(check(&with_extra(&translation, "questions[t9].text", "x"), &set).counts.extra, 1);
}

#[test]
fn a_place_no_set_could_have_is_a_bad_place() {
    let set = base();
    let translation = german(&set);
    let last = translation.strings.len();
    for (place, shown) in [
        ("questions[t1].weight", "questions[ID].text, questions[ID].text_other"),
        ("questions.t1.text", "questions[ID].text"),
        ("colour", "title, summary"),
    ] {
        let problems = problems_of(&with_extra(&translation, place, "x"), &set);
        assert_eq!(problems.len(), 1);
        let (kind, path, message) = &problems[0];
        assert_eq!(
            (kind, path.as_str()),
            (&ProblemKind::BadPlace, format!("strings[{last}].place").as_str()),
            "{place}"
        );
        assert!(
            message.starts_with(&format!(
                "\"{place}\" is not the place of a translatable string; places look like {shown}"
            )),
            "{message}"
        );
    }
}

#[test]
fn an_entry_whose_source_is_another_places_text_is_at_the_wrong_place() {
    let set = base();
    let mut translation = german(&set);
    // The entries of two questions' texts swapped in place, each keeping its own source.
    let (t1, p2) = (position(&translation, "questions[t1].text"), position(&translation, "questions[p2].text"));
    translation.strings[t1].place = "questions[p2].text".to_owned();
    translation.strings[p2].place = "questions[t1].text".to_owned();
    let problems = problems_of(&translation, &set);
    assert_eq!(
        problems[0],
        (
            ProblemKind::WrongPlace,
            format!("strings[{t1}].source"),
            "this source is the set's text at questions[t1].text, and the text at questions[p2].text is \"I hold one-on-ones.\": the entry belongs at questions[t1].text".to_owned()
        )
    );
    assert_eq!(problems.len(), 2);
    // A place the set does not have, with a source the set has elsewhere: an id renamed.
    let renamed = with_extra(&german(&set), "questions[t-1].text", "I write design documents.");
    let last = renamed.strings.len() - 1;
    assert_eq!(
        problems_of(&renamed, &set),
        [(ProblemKind::NotInSet, format!("strings[{last}].place"), "the set has no string at questions[t-1].text, but this source is its text at questions[t1].text: is that the place?".to_owned())]
    );
}

#[test]
fn a_place_translated_twice_is_a_repeat() {
    let set = base();
    let translation = german(&set);
    let twice = with_extra(&translation, "title", "Base set");
    let last = twice.strings.len() - 1;
    assert_eq!(
        problems_of(&twice, &set),
        [(
            ProblemKind::DuplicateId,
            format!("strings[{last}].place"),
            "title is translated twice (first at strings[0]); keep one entry per place".to_owned()
        )]
    );
}

#[test]
fn another_sets_translation_is_told_so_and_nothing_more() {
    let set = base();
    let mut translation = german(&set);
    translation.set_id = "other".to_owned();
    translation.strings.truncate(1);
    assert_eq!(
        problems_of(&translation, &set),
        [(
            ProblemKind::WrongSet,
            "set.id".to_owned(),
            "this is a translation of \"other\", not of \"base\" (version 1.0.0); check it against its own set"
                .to_owned()
        )]
    );
}

#[test]
fn a_translation_is_current_for_the_version_it_names_only() {
    let set = base();
    let mut translation = german(&set);
    translation.set_version = "0.9.0".to_owned();
    assert_eq!(
        problems_of(&translation, &set),
        [(
            ProblemKind::WrongVersion,
            "set.version".to_owned(),
            "made for version 0.9.0 of \"base\", and the set is version 1.0.0: a translation is current for the version it names; every source text still matches; once a reviewer has checked the translation against version 1.0.0, set \"version\" to \"1.0.0\"".to_owned()
        )]
    );
    // When texts changed too, each is stale as well, and the advice is to carry the translation over.
    let mut changed = base_set_2();
    changed["title"] = json!("Base set, revised");
    let problems = problems_of(&translation, &load(&changed));
    assert_eq!(problems.len(), 2);
    assert!(problems[0].2.ends_with("update it with altitude translate SET --to LANGUAGE --from THIS-FILE, which carries the translations over and marks the strings that changed"));
    assert_eq!(problems[1].0, ProblemKind::Stale);
}

#[test]
fn a_translation_into_the_sets_own_language_is_refused() {
    let set = base();
    let mut translation = german(&set);
    translation.language = "EN".to_owned();
    assert_eq!(
        problems_of(&translation, &set),
        [(
            ProblemKind::Inconsistent,
            "language".to_owned(),
            "the set is written in \"en\" already; a translation is into another language".to_owned()
        )]
    );
}

#[test]
fn a_translation_longer_than_the_format_allows_there_is_refused() {
    let set = base();
    let mut translation = german(&set);
    let at = position(&translation, "bands[0].name");
    translation.strings[at].translation = "x".repeat(41);
    assert_eq!(
        problems_of(&translation, &set),
        [(
            ProblemKind::BadLength,
            format!("strings[{at}].translation"),
            "41 characters; the format allows at most 40 at bands[0].name".to_owned()
        )]
    );
}

fn document(value: Value) -> Result<Translation, Vec<(ProblemKind, String)>> {
    Translation::parse(value.to_string().as_bytes())
        .map_err(|problems| problems.into_iter().map(|p| (p.kind, p.location.to_string())).collect())
}

#[test]
fn the_documents_shape_is_read_field_by_field() {
    let good = json!({
        "format": "altitude.translation/1",
        "set": {"id": "base", "version": "1.0.0"},
        "language": "pt-BR",
        "strings": [{"place": "title", "source": "Base set", "translation": ""}]
    });
    let read = document(good.clone()).expect("a valid document");
    assert_eq!((read.language.as_str(), read.strings.len()), ("pt-BR", 1));
    let mut bad = good.clone();
    bad["language"] = json!("pt_BR");
    assert_eq!(document(bad).unwrap_err(), [(ProblemKind::BadIdentifier, "language".to_owned())]);
    let mut bad = good.clone();
    bad["format"] = json!("altitude.translation/2");
    assert_eq!(document(bad).unwrap_err(), [(ProblemKind::UnsupportedFormat, "format".to_owned())]);
    let mut bad = good.clone();
    bad["strings"][0]["transltion"] = json!("x");
    bad["strings"][0].as_object_mut().unwrap().remove("translation");
    bad["set"] = json!({"id": "base"});
    assert_eq!(
        document(bad).unwrap_err(),
        [
            (ProblemKind::MissingKey, "set.version".to_owned()),
            (ProblemKind::UnknownKey, "strings[0].transltion".to_owned()),
            (ProblemKind::MissingKey, "strings[0].translation".to_owned()),
        ]
    );
    let mut bad = good;
    bad["strings"][0]["source"] = json!("");
    assert_eq!(document(bad).unwrap_err(), [(ProblemKind::BadLength, "strings[0].source".to_owned())]);
    assert!(Translation::parse(b"{\"format\": ").is_err(), "not JSON");
}

#[test]
fn a_written_translation_reads_back_the_same() {
    let set = base();
    let mut translation = german(&set);
    translation.strings[3].previous_source = Some("Seldom".to_owned());
    translation.strings[4].translation = "Oft, \"sehr\" — ünd 😀".to_owned();
    assert_eq!(Translation::parse(translation.to_json().as_bytes()), Ok(translation));
}

#[test]
fn a_skeleton_lists_every_string_with_its_source_and_no_translation() {
    let set = base();
    let made = skeleton(&set, "de", None);
    assert_eq!((made.carried, made.marked_stale, made.dropped.len()), (0, 0, 0));
    let listed: Vec<(String, String)> = places::strings(&set).into_iter().map(|s| (s.place, s.text)).collect();
    let written: Vec<(String, String)> =
        made.translation.strings.iter().map(|e| (e.place.clone(), e.source.clone())).collect();
    assert_eq!(written, listed);
    assert!(made.translation.strings.iter().all(|e| e.translation.is_empty() && e.previous_source.is_none()));
    assert_eq!(made.translation.strings[0].place, "title");
    let checked = check(&made.translation, &set);
    assert_eq!(checked.counts.untranslated, checked.counts.strings);
    assert!(checked.problems.iter().all(|p| p.kind == ProblemKind::Untranslated));
}

#[test]
fn a_skeleton_from_an_earlier_translation_carries_it_over_and_marks_what_changed() {
    let old_set = base();
    let mut earlier = german(&old_set);
    let help = position(&earlier, "questions[t1].text_other");
    earlier.strings[help].translation = String::new();
    let mut changed = base_set_2();
    changed["version"] = json!("1.1.0");
    changed["questions"][0]["text"] = json!("I write design documents for others to review.");
    changed["questions"][0]["text_other"] = json!("They write design documents for others.");
    changed["questions"].as_array_mut().unwrap().remove(3); // p2
    changed["questions"][2]["options"][0]["text"] = json!("Leave it for now");
    let new_set = load(&changed);
    let made = skeleton(&new_set, "de", Some(&earlier));
    let entry = |place: &str| made.translation.strings.iter().find(|e| e.place == place).unwrap().clone();
    assert_eq!(
        entry("questions[t1].text"),
        Entry {
            place: "questions[t1].text".to_owned(),
            source: "I write design documents for others to review.".to_owned(),
            translation: "DE I write design documents.".to_owned(),
            previous_source: Some("I write design documents.".to_owned()),
        }
    );
    // An earlier empty translation has nothing to review: it is simply empty again.
    assert_eq!(entry("questions[t1].text_other").previous_source, None);
    assert_eq!(entry("questions[t1].text_other").translation, "");
    assert_eq!(entry("title").translation, "DE Base set");
    assert_eq!(made.dropped, ["questions[p2].text"]);
    assert_eq!(made.marked_stale, 2);
    assert_eq!(made.carried, made.translation.strings.len() - 3);
    assert_eq!(made.translation.set_version, "1.1.0");
    // Carried over again before anyone reviewed it, the mark keeps the source it was made from.
    let mut changed_again = changed.clone();
    changed_again["questions"][0]["text"] = json!("I write design documents for my team to review.");
    let again = skeleton(&load(&changed_again), "de", Some(&made.translation));
    let t1 = again.translation.strings.iter().find(|e| e.place == "questions[t1].text").unwrap();
    assert_eq!(t1.previous_source.as_deref(), Some("I write design documents."));
    // And the reviewed strings, their marks removed, make it complete and current.
    let mut reviewed = made.translation.clone();
    for entry in &mut reviewed.strings {
        entry.previous_source = None;
        if entry.translation.is_empty() {
            entry.translation = format!("DE {}", entry.source);
        }
    }
    assert!(check(&reviewed, &new_set).complete_and_current());
}

/// Answers to every question of a set, varied by position: a scale point or an option.
fn answers(set: &QuestionSet) -> Value {
    let points = set.scale.as_ref().map_or(5, |s| s.points as usize);
    let mut answers = serde_json::Map::new();
    for (i, question) in set.questions.iter().enumerate() {
        let options = question.kind.options();
        let answer =
            if options.is_empty() { json!(1 + (i * 3) % points) } else { json!(options[(i * 7) % options.len()].id) };
        answers.insert(question.id.clone(), answer);
    }
    Value::Object(answers)
}

/// Skeleton, filled, checked clean, applied: the translated set scores the same answers exactly as
/// the original does, for every role (results hold ids only).
fn round_trip(set: &QuestionSet) {
    let mut translation = skeleton(set, "de", None).translation;
    for entry in &mut translation.strings {
        entry.translation = format!("[de] {}", entry.source).chars().take(30).collect();
    }
    let written = translation.to_json();
    let read = Translation::parse(written.as_bytes()).expect("the filled skeleton reads back");
    let checked = check(&read, set);
    assert!(checked.complete_and_current(), "{:#?}", checked.problems);
    let translated = apply(&read, set).expect("applied");
    assert_ne!(translated.title, set.title);
    assert_eq!(
        translated.questions.iter().map(|q| &q.id).collect::<Vec<_>>(),
        set.questions.iter().map(|q| &q.id).collect::<Vec<_>>()
    );
    let given = answers(set);
    let (original, in_german) = (responses(set, given.clone()), responses(&translated, given));
    assert_eq!(original, in_german);
    for role in 0..set.roles.len() {
        let (a, b) = (score(set, &original, role), score(&translated, &in_german, role));
        // Every number and every index (so every id) of the report; only the names differ.
        let numbers = |report: &altitude::scoring::Report| {
            let dimensions: Vec<_> = report
                .dimensions
                .iter()
                .map(|d| {
                    (d.dimension, d.score, d.coverage, d.target, d.gap, d.untested.clone(), d.pulled_down_by.clone())
                })
                .collect();
            let roles: Vec<_> =
                report.roles.iter().map(|r| (r.role, r.readiness, r.ready, r.short_in.clone())).collect();
            let facets: Vec<_> = report.facets.iter().map(|f| format!("{:?}", (f.facet, f.score))).collect();
            (report.overall, dimensions, roles, report.ready_for, report.focus.clone(), facets, report.fit.clone())
        };
        assert_eq!(numbers(&a), numbers(&b), "role {role}");
    }
}

#[test]
fn a_translated_set_scores_the_same_answers_the_same() {
    round_trip(&base());
    round_trip(&load(&maximal_set()));
}

#[test]
fn every_bundled_set_round_trips_through_a_translation() {
    for file in
        ["cto-readiness", "em-to-head-of-engineering", "staff-engineer-readiness", "tech-lead-to-engineering-manager"]
    {
        let bytes = std::fs::read(format!("{}/assessments/{file}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        round_trip(&QuestionSet::load(&bytes).expect("a bundled set loads"));
    }
}

#[test]
fn a_catalog_lists_translations_by_set_version_and_language() {
    let catalog = |translations: Value| json!({"sets": ["base.json"], "translations": translations});
    let read = |value: Value| {
        let tree = altitude::model::json::parse(value.to_string().as_bytes()).unwrap();
        // The widget's reader accepts the key; the translation module reads it.
        altitude::model::Catalog::from_tree(&tree).expect("the catalog's own reader accepts translations");
        catalog::listed(&tree)
            .map_err(|problems| problems.into_iter().map(|p| (p.kind, p.location.to_string())).collect::<Vec<_>>())
    };
    let listed = read(catalog(json!([
        {"file": "translations/base.de.json", "set": "base", "version": "1.0.0", "language": "de"},
        {"file": "translations/base.es.json", "set": "base", "version": "1.0.0", "language": "es"}
    ])))
    .unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!((listed[1].file.as_str(), listed[1].language.as_str()), ("translations/base.es.json", "es"));
    assert_eq!(
        read(catalog(json!([
            {"file": "a.json", "set": "base", "version": "1.0.0", "language": "de"},
            {"file": "b.json", "set": "base", "version": "1.0.0", "language": "DE"},
            {"file": "/c.json", "set": "base", "version": "1.0.0", "language": "d e"},
            {"file": "d.json", "set": "base", "language": "fr"}
        ])))
        .unwrap_err(),
        [
            (ProblemKind::DuplicateId, "translations[1]".to_owned()),
            (ProblemKind::BadIdentifier, "translations[2].language".to_owned()),
            (ProblemKind::Inconsistent, "translations[2].file".to_owned()),
            (ProblemKind::MissingKey, "translations[3].version".to_owned()),
        ]
    );
    assert_eq!(read(json!({"sets": ["base.json"]})).unwrap(), []);
}
