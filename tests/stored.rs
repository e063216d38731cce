//! What is kept on the device: round trips, layout versions, damaged values, merging tabs, import.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

use altitude::attempt::Attempt;
use altitude::model::{QuestionKind, QuestionSet, Response};
use altitude::stored::{self, Decoded, HistoryEntry, RoadmapNotes};

fn flagship() -> QuestionSet {
    QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).unwrap()
}

/// The index and id of the set's first likert question, and the index of its first question with options.
fn first_rated(set: &QuestionSet) -> (usize, &str) {
    let i = set.questions.iter().position(|q| matches!(q.kind, QuestionKind::Likert { .. })).unwrap();
    (i, &set.questions[i].id)
}

fn first_with_options(set: &QuestionSet) -> usize {
    set.questions.iter().position(|q| !matches!(q.kind, QuestionKind::Likert { .. })).unwrap()
}

fn attempt(set: &QuestionSet, id: &str) -> Attempt {
    let cto = set.role_index("cto").unwrap();
    let mut attempt = Attempt::new(id.into(), set, cto, "2026-11-21T10:00:00.000Z".into());
    attempt.answer(set, first_rated(set).0, Response::Point(4), 1000.0);
    attempt.answer(set, first_with_options(set), Response::Option(2), 2000.0);
    attempt.answer(set, 3, Response::NotApplicable, 3000.0);
    attempt.page = 2;
    attempt
}

fn completed(set: &QuestionSet, id: &str, at: &str) -> HistoryEntry {
    let mut a = attempt(set, id);
    a.completed_at = Some(at.into());
    HistoryEntry {
        id: id.into(),
        document: a.to_document(set),
        notes: RoadmapNotes { checked: vec!["day-30-x".into()], notes: "Talk to my mentor".into() },
        raters: Default::default(),
    }
}

#[test]
fn an_attempt_round_trips_with_its_answer_times_and_page() {
    let set = flagship();
    let a = attempt(&set, "a-1");
    let text = stored::encode_attempt(&set, &a);
    assert!(text.starts_with("{\"layout\":1,"), "{text}");
    assert_eq!(stored::decode_attempt(&set, &text), Decoded::Fine(a));
}

#[test]
fn answer_times_are_whole_milliseconds_and_earlier_layouts_with_fractions_still_read() {
    let set = flagship();
    let mut a = Attempt::new("a-times".into(), &set, 0, "2026-11-22T09:00:00.000Z".into());
    let (rated, id) = first_rated(&set);
    a.answer(&set, rated, Response::Point(4), 1_763_800_000_123.4);
    let text = stored::encode_attempt(&set, &a);
    assert!(text.contains(&format!("[\"{id}\",1763800000123]")), "{text}");
    let Decoded::Fine(read) = stored::decode_attempt(&set, &text) else { panic!("{text}") };
    assert_eq!(read.answered_at[rated], 1_763_800_000_123.0);
    // Earlier versions wrote the milliseconds as floats ("….0"): they read the same.
    let earlier = text.replace("1763800000123]", "1763800000123.0]");
    assert_ne!(earlier, text);
    let Decoded::Fine(read) = stored::decode_attempt(&set, &earlier) else { panic!("{earlier}") };
    assert_eq!(read.answered_at[rated], 1_763_800_000_123.0);
}

#[test]
fn damaged_and_newer_values_are_told_apart() {
    let set = flagship();
    for garbage in
        ["", "{not json", "[1,2]", "{\"layout\":1}", "{\"layout\":\"1\",\"id\":\"x\"}", "{\"id\":\"a\",\"page\":0}"]
    {
        assert!(matches!(stored::decode_attempt(&set, garbage), Decoded::Damaged(_)), "{garbage}");
        assert!(matches!(stored::decode_history(garbage), Decoded::Damaged(_)), "{garbage}");
    }
    let truncated = &stored::encode_history(&[completed(&set, "h-1", "2026-11-21T10:15:00Z")])[..60];
    assert!(matches!(stored::decode_history(truncated), Decoded::Damaged(_)));
    assert_eq!(stored::decode_history("{\"layout\":3,\"whatever\":true}"), Decoded::Newer(3));
    assert_eq!(stored::decode_attempt(&set, "{\"layout\":7}"), Decoded::Newer(7));
    // An answer that no longer fits the set damages the value: it is set aside, not half read.
    let rated = first_rated(&set).1;
    let text = stored::encode_attempt(&set, &attempt(&set, "a-2"))
        .replace(&format!("\"{rated}\":4"), &format!("\"{rated}\":9"));
    assert!(matches!(stored::decode_attempt(&set, &text), Decoded::Damaged(_)));
}

#[test]
fn history_round_trips_with_notes() {
    let set = flagship();
    let entries = vec![completed(&set, "h-1", "2026-11-21T10:15:00Z"), completed(&set, "h-2", "2026-11-22T10:15:00Z")];
    assert_eq!(stored::decode_history(&stored::encode_history(&entries)), Decoded::Fine(entries));
}

#[test]
fn two_tabs_merge_per_question_newest_answer_wins() {
    let set = flagship();
    let mut here = attempt(&set, "a-1");
    let mut there = here.clone();
    let (rated, with_options) = (first_rated(&set).0, first_with_options(&set));
    let another = (rated + 1..set.questions.len())
        .find(|&i| i != 3 && matches!(set.questions[i].kind, QuestionKind::Likert { .. }))
        .unwrap();
    here.answer(&set, rated, Response::Point(1), 5000.0); // newer here
    there.answer(&set, with_options, Response::Option(0), 6000.0); // newer there
    there.answer(&set, another, Response::Point(5), 7000.0); // only there
    here.merge_from(&there);
    assert_eq!(here.responses.0[rated], Some(Response::Point(1)));
    assert_eq!(here.responses.0[with_options], Some(Response::Option(0)));
    assert_eq!(here.responses.0[another], Some(Response::Point(5)));
    assert_eq!(here.responses.0[3], Some(Response::NotApplicable));
    assert_eq!(here.answered(), 4);
}

#[test]
fn an_attempt_started_later_elsewhere_replaces_an_older_one() {
    let set = flagship();
    let mut old = attempt(&set, "a-1");
    let mut newer = Attempt::new("a-2".into(), &set, 0, "2026-11-21T11:00:00.000Z".into());
    newer.answer(&set, 1, Response::Point(2), 9000.0);
    let before = old.clone();
    let mut older_copy = before.clone();
    older_copy.merge_from(&Attempt::new("a-0".into(), &set, 0, "2026-11-20T11:00:00.000Z".into()));
    assert_eq!(older_copy, before, "an older attempt elsewhere does not replace this one");
    old.merge_from(&newer);
    assert_eq!(old, newer);
}

#[test]
fn merging_history_never_duplicates_or_replaces() {
    let set = flagship();
    let a = completed(&set, "h-1", "2026-11-21T10:15:00Z");
    let b = completed(&set, "h-2", "2026-11-20T10:15:00Z");
    let mut entries = vec![a.clone()];
    assert_eq!(stored::merge_history(&mut entries, &[b.clone(), a.clone()]), 1);
    assert_eq!(entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["h-2", "h-1"], "oldest first");
    let mut same_document = a.clone();
    same_document.id = "h-9".into();
    assert_eq!(
        stored::merge_history(&mut entries, &[same_document]),
        0,
        "the same result under another id is a duplicate"
    );
}

#[test]
fn export_and_import_restore_every_attempt_exactly() {
    let set = flagship();
    let entries = vec![completed(&set, "h-1", "2026-11-21T10:15:00Z"), completed(&set, "h-2", "2026-11-22T10:15:00Z")];
    let file = stored::encode_export(&entries, &Default::default(), "2026-11-23T08:00:00Z");
    let imported = stored::decode_import(&file, |id| (id == set.id).then_some(&set), |_| "new".into()).unwrap();
    assert_eq!(imported, entries);
}

#[test]
fn import_refuses_broken_or_foreign_files_with_the_reason() {
    let set = flagship();
    let entries = vec![completed(&set, "h-1", "2026-11-21T10:15:00Z")];
    let file = stored::encode_export(&entries, &Default::default(), "2026-11-23T08:00:00Z");
    let lookup = |id: &str| (id == set.id).then_some(&set);
    let rated = first_rated(&set).1;
    let cases = [
        ("{oops".to_owned(), "not JSON"),
        ("[]".to_owned(), "not an Altitude file"),
        ("{\"name\": \"x\"}".to_owned(), "no \"format\""),
        ("{\"format\": \"something/1\"}".to_owned(), "\"something/1\" is not one Altitude reads"),
        (file.replace("cto-readiness", "unknown-set"), "not available here"),
        (file.replace(&format!("\"{rated}\": 4"), &format!("\"{rated}\": 7")), "does not fit the assessment"),
        (file.replace("\"attempts\"", "\"attempt\""), "no list of attempts"),
    ];
    for (text, reason) in cases {
        let error = stored::decode_import(&text, lookup, |_| "new".into()).unwrap_err();
        assert!(error.contains(reason), "{reason}: {error}");
    }
}

#[test]
fn a_single_result_file_imports_with_a_new_id() {
    let set = flagship();
    let entry = completed(&set, "h-1", "2026-11-21T10:15:00Z");
    let imported =
        stored::decode_import(&entry.document.to_json(), |id| (id == set.id).then_some(&set), |_| "fresh".into())
            .unwrap();
    assert_eq!(imported[0].id, "fresh");
    assert_eq!(imported[0].document, entry.document);
}

#[test]
fn an_unfinished_result_file_imports_as_answers_to_resume() {
    let set = flagship();
    let document = attempt(&set, "a-1").to_document(&set);
    let imported = stored::decode_import(&document.to_json(), |id| (id == set.id).then_some(&set), |_| "new".into())
        .expect("the storage notice's file imports");
    assert_eq!(imported[0].document, document);
    assert_eq!(imported[0].document.completed_at, None);
}

#[test]
fn the_rescue_file_holds_every_readable_attempt_in_the_export_format() {
    let set = flagship();
    let records =
        vec![stored::encode_attempt(&set, &attempt(&set, "a-1")), "{\"layout\":1,\"id\":\"trunc".into(), "[]".into()];
    let file = stored::encode_rescue(&records, "2026-11-23T08:00:00Z").unwrap();
    let imported = stored::decode_import(&file, |id| (id == set.id).then_some(&set), |_| unreachable!()).unwrap();
    assert_eq!(imported.len(), 1, "damaged records are left out");
    assert_eq!(imported[0].id, "a-1");
    assert_eq!(imported[0].document, attempt(&set, "a-1").to_document(&set));
    assert_eq!(stored::encode_rescue(&records[1..], "now"), None);
}

#[test]
fn the_profile_round_trips_and_reads_earlier_profiles() {
    use altitude::model::Organisation;
    use altitude::stored::{NextRole, Profile};
    let profile = Profile {
        prepared_for: "Ada \"the boss\" <b>".into(),
        organisation: Some(Organisation::UpTo100),
        next_roles: vec![NextRole { set_id: "cto-readiness".into(), attempt: "h-1".into(), role: "cto".into() }],
    };
    let text = stored::encode_profile(&profile);
    assert!(text.starts_with("{\"layout\":1,\"prepared_for\":"), "{text}");
    assert!(text.contains("\"organisation\":\"21-100\""), "{text}");
    assert!(
        text.contains("\"next_roles\":[{\"set\":\"cto-readiness\",\"attempt\":\"h-1\",\"role\":\"cto\"}]"),
        "{text}"
    );
    assert_eq!(stored::decode_profile(&text), Decoded::Fine(profile));
    // What earlier versions wrote: the name alone.
    let earlier = stored::decode_profile("{\"layout\":1,\"prepared_for\":\"Ada\"}");
    assert_eq!(earlier, Decoded::Fine(Profile { prepared_for: "Ada".into(), ..Profile::default() }));
    // Nothing said: no organisation key, no suggestions.
    assert_eq!(stored::encode_profile(&Profile::default()), "{\"layout\":1,\"prepared_for\":\"\"}");
    // A key it does not know is no damage.
    let more = "{\"layout\":1,\"prepared_for\":\"Ada\",\"organisation\":\"501+\",\"pronouns\":[\"she\"]}";
    let Decoded::Fine(read) = stored::decode_profile(more) else { panic!("{more}") };
    assert_eq!((read.prepared_for.as_str(), read.organisation), ("Ada", Some(Organisation::Over500)));
}

#[test]
fn a_damaged_profile_is_told_from_a_newer_one() {
    for damaged in [
        "",
        "{not json",
        "[\"Ada\"]",
        "{\"prepared_for\":\"Ada\"}",
        "{\"layout\":1,\"prepared_for\":{\"given\":\"Ada\"}}",
        "{\"layout\":1,\"organisation\":\"lots\"}",
        "{\"layout\":1,\"organisation\":\"21–100\"}",
        "{\"layout\":1,\"organisation\":100}",
        "{\"layout\":1,\"next_roles\":{\"cto-readiness\":\"cto\"}}",
        "{\"layout\":1,\"next_roles\":[{\"set\":\"cto-readiness\",\"attempt\":\"h-1\"}]}",
        "{\"layout\":1,\"next_roles\":[{\"set\":\"cto-readiness\",\"attempt\":\"h-1\",\"role\":7}]}",
    ] {
        assert!(matches!(stored::decode_profile(damaged), Decoded::Damaged(_)), "{damaged}");
    }
    assert_eq!(stored::decode_profile("{\"layout\":3,\"organisation\":\"about 40\"}"), Decoded::Newer(3));
}

#[test]
fn values_holding_a_context_are_written_in_a_layout_older_versions_leave_alone() {
    use altitude::model::Organisation;
    let set = flagship();
    let mut a = attempt(&set, "a-context");
    let plain = stored::encode_attempt(&set, &a);
    assert!(plain.starts_with("{\"layout\":1,"), "{plain}");
    a.context.organisation = Some(Organisation::UpTo20);
    let text = stored::encode_attempt(&set, &a);
    // Altitude before the revision read result documents strictly: layout 2 makes it leave this alone.
    assert!(text.starts_with("{\"layout\":2,"), "{text}");
    assert_eq!(stored::decode_attempt(&set, &text), Decoded::Fine(a.clone()));
    let mut entry = completed(&set, "h-context", "2026-11-21T11:00:00Z");
    let history = stored::encode_history(std::slice::from_ref(&entry));
    assert!(history.starts_with("{\"layout\":1,"));
    entry.document.context.organisation = Some(Organisation::Over500);
    let history = stored::encode_history(std::slice::from_ref(&entry));
    assert!(history.starts_with("{\"layout\":2,"), "{history}");
    assert_eq!(stored::decode_history(&history), Decoded::Fine(vec![entry]));
    assert_eq!(stored::decode_history(&history.replacen("\"layout\":2", "\"layout\":3", 1)), Decoded::Newer(3));
}
