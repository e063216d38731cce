//! The session over an in-memory storage: every storage rule (read-merge-write, damaged values set
//! aside, newer ones left alone, blocked and full storage, two tabs), imports of every file the
//! widget writes, and the history resolved once into scored results.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use altitude::attempt::Attempt;
use altitude::model::{Organisation, Relationship};
use altitude::model::{QuestionKind, QuestionSet, Response};
use altitude::others::Invitation;
use altitude::session::{
    next_role, previous, rescue_file, score_history, set_version, trends, Archive, KeyValue, MemoryStorage, Place,
    Session, StorageProblem, Store, UnknownPlace,
};
use altitude::stored::{self, HistoryEntry, RoadmapNotes};

fn flagship() -> Arc<QuestionSet> {
    Arc::new(QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).unwrap())
}

fn other_set() -> Arc<QuestionSet> {
    Arc::new(QuestionSet::load(include_bytes!("../assessments/tech-lead-to-engineering-manager.json")).unwrap())
}

fn clock() -> f64 {
    1_763_700_000_000.0
}

/// A session of the widget with storage key `namespace` in a tab of the browser whose localStorage is `device`.
fn tab(device: &MemoryStorage, namespace: &str) -> Session<MemoryStorage> {
    Session::open(Store::new(namespace, device.clone(), MemoryStorage::new(), clock))
}

fn fresh(set: &QuestionSet, id: &str) -> Attempt {
    Attempt::new(id.into(), set, 2, "2026-11-21T10:00:00.000Z".into())
}

fn get(device: &MemoryStorage, key: &str) -> Option<String> {
    device.snapshot().into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn keys(device: &MemoryStorage) -> Vec<String> {
    device.snapshot().into_iter().map(|(k, _)| k).collect()
}

/// The index of the set's `n`th likert question (sets mix likert, choice and level questions).
fn rated(set: &QuestionSet, n: usize) -> usize {
    let likert = |(_, q): &(usize, &altitude::model::Question)| matches!(q.kind, QuestionKind::Likert { .. });
    set.questions.iter().enumerate().filter(likert).nth(n).unwrap().0
}

/// An answer that fits question `i`: point `point` of the scale, or the option at `point - 1` (at most the last).
fn fitting(set: &QuestionSet, i: usize, point: u32) -> Response {
    match &set.questions[i].kind {
        QuestionKind::Likert { .. } => Response::Point(point),
        kind => Response::Option((point as usize - 1).min(kind.options().len() - 1)),
    }
}

/// Answers questions `from..to` with the first point or option, at time `at`.
fn answer_range(session: &mut Session<MemoryStorage>, set: &QuestionSet, range: std::ops::Range<usize>, at: f64) {
    for i in range {
        let _ = session.answer(set, i, fitting(set, i, 1), at + i as f64);
    }
}

#[test]
fn an_answer_is_saved_when_it_is_given_and_namespaces_stay_apart() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let mut one = tab(&device, "w1");
    let _ = one.begin(&set, fresh(&set, "a-1"));
    let first = rated(&set, 0);
    let changed = one.answer(&set, first, Response::Point(4), 1.0);
    assert!(changed.answers && !changed.problem, "{changed:?}");
    assert_eq!(keys(&device), ["w1.v1.current.cto-readiness"]);
    let saved = stored::decode_attempt(&set, &get(&device, "w1.v1.current.cto-readiness").unwrap());
    assert_eq!(saved, stored::Decoded::Fine(one.attempt().unwrap().clone()));
    let mut two = tab(&device, "w2");
    assert_eq!(two.unfinished(&set).0, None, "another storage key sees nothing");
    let mut reopened = tab(&device, "w1");
    assert_eq!(reopened.unfinished(&set).0.unwrap().responses.0[first], Some(Response::Point(4)));
}

#[test]
fn two_tabs_answering_in_turn_keep_every_answer_and_every_result() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let (mut a, mut b) = (tab(&device, "altitude"), tab(&device, "altitude"));
    let [q0, q1, q2] = [0, 1, 2].map(|n| rated(&set, n));
    let _ = a.begin(&set, fresh(&set, "a-1"));
    let _ = a.answer(&set, q0, Response::Point(1), 10.0);
    let resumed = b.unfinished(&set).0.unwrap();
    let _ = b.begin(&set, resumed);
    let _ = b.answer(&set, q1, Response::Point(3), 20.0);
    // A hears of B's save through the storage event.
    let changed = a.follow("altitude.v1.current.cto-readiness", |_, _| Some(set.clone()));
    assert!(changed.answers);
    assert_eq!(a.attempt().unwrap().responses.0[q1], Some(Response::Point(3)));
    // B changes its mind on the first question; A answers another without hearing of it first.
    let _ = b.answer(&set, q0, Response::Point(5), 30.0);
    let _ = a.answer(&set, q2, Response::Point(2), 40.0);
    let merged = &a.attempt().unwrap().responses.0;
    assert_eq!(
        [merged[q0], merged[q1], merged[q2]],
        [Some(Response::Point(5)), Some(Response::Point(3)), Some(Response::Point(2))],
        "newest wins"
    );

    // A finishes; B's history learns of it, and B's own result later keeps A's.
    let entry = a.finish(&set, "2026-11-21T11:00:00Z").0.unwrap();
    assert_eq!(entry.document.answers.len(), 3);
    assert!(b.follow("altitude.v1.history", |_, _| Some(set.clone())).history);
    assert_eq!(b.history().len(), 1);
    let mut c = tab(&device, "altitude");
    let _ = c.begin(&set, fresh(&set, "c-1"));
    let _ = c.finish(&set, "2026-11-22T11:00:00Z").0.unwrap();
    let _ = b.update_notes("a-1", |n| n.notes = "from B".into());
    let ids: Vec<String> = tab(&device, "altitude").history().iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, ["a-1", "c-1"], "B's save kept C's result");
    assert_eq!(tab(&device, "altitude").history()[0].notes.notes, "from B");
}

#[test]
fn full_storage_keeps_answers_in_memory_damages_nothing_and_the_next_change_saves_them_all() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let mut session = tab(&device, "altitude");
    let _ = session.begin(&set, fresh(&set, "a-1"));
    answer_range(&mut session, &set, 0..3, 100.0);
    let saved = get(&device, "altitude.v1.current.cto-readiness").unwrap();
    device.set_capacity(Some(saved.len() + 40));
    answer_range(&mut session, &set, 3..5, 200.0);
    assert_eq!(session.problem(), Some(&StorageProblem::Full));
    assert_eq!(session.attempt().unwrap().answered(), 5, "kept in memory");
    assert_eq!(get(&device, "altitude.v1.current.cto-readiness").unwrap(), saved, "what was saved is intact");
    device.set_capacity(None);
    let changed = session.answer(&set, 5, fitting(&set, 5, 2), 300.0);
    assert_eq!(changed.notice.as_deref(), Some("Saving works again: everything is kept on this device."));
    assert_eq!(session.problem(), None);
    assert_eq!(tab(&device, "altitude").unfinished(&set).0.unwrap().answered(), 6);
}

#[test]
fn blocked_storage_is_told_once_and_everything_works_in_memory() {
    let (set, device) = (flagship(), MemoryStorage::new());
    device.set_blocked(true);
    let mut session = tab(&device, "altitude");
    assert_eq!(session.problem(), Some(&StorageProblem::Blocked));
    assert!(session.dismiss_problem().problem);
    let _ = session.begin(&set, fresh(&set, "a-1"));
    answer_range(&mut session, &set, 0..4, 1.0);
    assert_eq!(session.problem(), None, "told once, not at every answer");
    assert_eq!(session.attempt().unwrap().answered(), 4);
    let entry = session.finish(&set, "2026-11-21T11:00:00Z").0.unwrap();
    assert_eq!(session.history(), [entry]);
    // What the person says of themselves is kept in memory too, and goes into their attempts.
    let _ = session.set_organisation(Some(Organisation::UpTo20));
    assert_eq!(session.problem(), None, "still told once");
    let _ = session.begin_own(&set, fresh(&set, "a-2"));
    assert_eq!(session.attempt().unwrap().context.organisation, Some(Organisation::UpTo20));
    assert!(session.suggested_role(&set.id).is_some(), "kept in memory");
    device.set_blocked(false);
    assert!(device.snapshot().is_empty());
}

#[test]
fn damaged_values_are_set_aside_word_for_word_and_newer_ones_left_alone() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let truncated = "{\"layout\":1,\"id\":\"trunc";
    let future = "{\"layout\":9,\"attempts\":\"from the future\"}";
    device.set("odd.v1.current.cto-readiness", truncated).unwrap();
    device.set("odd.v1.history", future).unwrap();
    device.set("odd.v1.profile", "{\"layout\":3,\"prepared_for\":{\"given\":\"Ada\"}}").unwrap();
    let mut session = tab(&device, "odd");
    assert_eq!(session.problem(), Some(&StorageProblem::Newer));
    assert_eq!(session.history(), []);
    let (attempt, _) = session.unfinished(&set);
    assert_eq!(attempt, None);
    let backup = format!("odd.backup.{}.odd.v1.current.cto-readiness", clock() as u64);
    assert_eq!(session.problem(), Some(&StorageProblem::SetAside(vec![backup.clone()])));
    assert_eq!(get(&device, &backup).as_deref(), Some(truncated), "kept, not deleted");
    assert_eq!(get(&device, "odd.v1.current.cto-readiness"), None);

    let _ = session.begin(&set, fresh(&set, "a-1"));
    let _ = session.finish(&set, "2026-11-21T11:00:00Z");
    assert_eq!(session.problem(), Some(&StorageProblem::Newer));
    assert_eq!(get(&device, "odd.v1.history").as_deref(), Some(future), "never overwritten");
    assert_eq!(session.history().len(), 1, "the result stays in memory");
    let _ = session.set_prepared_for("Grace");
    let _ = session.set_organisation(Some(Organisation::Over500));
    assert_eq!(
        get(&device, "odd.v1.profile").as_deref(),
        Some("{\"layout\":3,\"prepared_for\":{\"given\":\"Ada\"}}"),
        "never overwritten"
    );
    assert_eq!((session.prepared_for().as_str(), session.organisation()), ("Grace", Some(Organisation::Over500)));
}

#[test]
fn delete_everything_removes_this_namespace_backups_included_and_nothing_else() {
    let (set, device) = (flagship(), MemoryStorage::new());
    device.set("someone-else", "kept").unwrap();
    device.set("mine.v1.history", "garbage").unwrap();
    let mut mine = tab(&device, "mine");
    let mut theirs = tab(&device, "theirs");
    let _ = theirs.begin(&set, fresh(&set, "t-1"));
    let _ = mine.begin(&set, fresh(&set, "a-1"));
    let _ = mine.set_prepared_for("Ada");
    assert!(keys(&device).iter().any(|k| k.starts_with("mine.backup.")));
    let changed = mine.delete_everything();
    assert!(changed.history && changed.attempt);
    assert_eq!(keys(&device), ["someone-else", "theirs.v1.current.cto-readiness"]);
    assert_eq!(mine.attempt(), None);
}

#[test]
fn the_place_is_kept_for_the_tab_only() {
    let (device, tab_storage) = (MemoryStorage::new(), MemoryStorage::new());
    let store = Store::new("altitude", device.clone(), tab_storage.clone(), clock);
    store.remember_place(Some(&Place::Results("a-1".to_owned())));
    assert_eq!(store.recalled_place(), Some(Place::Results("a-1".to_owned())));
    assert_eq!(tab_storage.snapshot(), [("altitude.v1.screen".to_owned(), "results/a-1".to_owned())]);
    assert!(device.snapshot().is_empty(), "not on the device");
    let other_tab = Store::new("altitude", device, MemoryStorage::new(), clock);
    assert_eq!(other_tab.recalled_place(), None);
    store.remember_place(None);
    assert_eq!(store.recalled_place(), None);
    assert!(tab_storage.snapshot().is_empty(), "the start screen keeps nothing");
}

#[test]
fn every_place_reads_back_as_written_and_nothing_else_is_a_place() {
    let places = [
        Place::Invitation("eyJ2IjoxfQ".to_owned()),
        Place::Answer("cto-readiness".to_owned()),
        Place::Review("cto-readiness".to_owned()),
        Place::Results("cto-readiness-1765000000000".to_owned()),
        Place::Roadmap("cto-readiness-1765000000000".to_owned(), 3),
        Place::History,
        Place::Team,
        Place::Progress,
    ];
    let kept: Vec<String> = places.iter().map(Place::to_string).collect();
    // What earlier versions wrote, which a reload after an update must still read.
    assert_eq!(
        kept,
        [
            "invitation/eyJ2IjoxfQ",
            "answer/cto-readiness",
            "review/cto-readiness",
            "results/cto-readiness-1765000000000",
            "roadmap/cto-readiness-1765000000000/3",
            "history",
            "team",
            "progress"
        ]
    );
    for (place, kept) in places.iter().zip(&kept) {
        assert_eq!(kept.parse::<Place>().as_ref(), Ok(place));
    }
    for damaged in [
        "",
        "start",
        "results",
        "results/",
        "roadmap/a-1",
        "roadmap/a-1/x",
        "roadmap//2",
        "history/x",
        "team/x",
        "later/a",
    ] {
        assert_eq!(damaged.parse::<Place>(), Err(UnknownPlace), "{damaged:?}");
    }
}

#[test]
fn the_storage_notices_file_imports_and_resumes_elsewhere() {
    let (set, here) = (flagship(), MemoryStorage::new());
    here.set_blocked(true);
    let mut session = tab(&here, "altitude");
    let _ = session.begin(&set, fresh(&set, "a-1"));
    answer_range(&mut session, &set, 0..5, 1.0);
    // What "Save my answers to a file" writes.
    let file = session.attempt().unwrap().to_document(&set).to_json();

    let elsewhere = MemoryStorage::new();
    let mut other = tab(&elsewhere, "altitude");
    let outcome = other.import(&file, &[set.clone(), other_set()], |_| "imported-1".into());
    assert_eq!(outcome.message, "Imported your unfinished answers to “CTO readiness”: resume them from Assessments.");
    assert!(outcome.changed.attempt);
    let resumed = tab(&elsewhere, "altitude").unfinished(&set).0.expect("saved on the new device");
    assert_eq!(resumed.responses, session.attempt().unwrap().responses);
    assert_eq!(resumed.role, 2);
    assert_eq!(resumed.id, "imported-1");
    assert_eq!(other.history(), [], "an unfinished result is not a past result");
}

#[test]
fn the_crash_notices_file_imports_and_resumes_every_attempt() {
    let device = MemoryStorage::new();
    let (set, second) = (flagship(), other_set());
    let mut one = tab(&device, "altitude");
    let _ = one.begin(&set, fresh(&set, "a-1"));
    answer_range(&mut one, &set, 0..3, 1.0);
    let mut two = tab(&device, "portal");
    let _ = two.begin(&second, fresh(&second, "b-1"));
    answer_range(&mut two, &second, 0..2, 1.0);
    device.set("altitude.v1.current.broken", "{not json").unwrap();
    let file = rescue_file(&device, "2026-11-21T12:00:00Z").expect("a file");
    assert!(file.contains("\"format\": \"altitude.export/1\""), "{file}");

    // The same browser, after a reload: the attempt is already here.
    let outcome = tab(&device, "altitude").import(&file, &[set.clone(), second.clone()], |_| unreachable!());
    assert!(
        outcome.message.contains("Your unfinished answers to “CTO readiness” are already here"),
        "{}",
        outcome.message
    );

    let elsewhere = MemoryStorage::new();
    let mut other = tab(&elsewhere, "altitude");
    let outcome = other.import(&file, &[set.clone(), second.clone()], |_| unreachable!());
    assert!(outcome.message.contains("Imported your unfinished answers to “CTO readiness”"), "{}", outcome.message);
    assert!(outcome.message.contains("“Tech Lead to Engineering Manager”"), "{}", outcome.message);
    let resumed = tab(&elsewhere, "altitude").unfinished(&set).0.unwrap();
    assert_eq!((resumed.id.as_str(), resumed.answered()), ("a-1", 3));
    assert_eq!(tab(&elsewhere, "altitude").unfinished(&second).0.unwrap().answered(), 2);
    assert_eq!(rescue_file(&MemoryStorage::new(), "now"), None, "nothing to rescue, no file");
}

#[test]
fn an_unfinished_file_does_not_replace_another_attempt_in_progress() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let mut session = tab(&device, "altitude");
    let _ = session.begin(&set, fresh(&set, "a-1"));
    let mut elsewhere = fresh(&set, "b-1");
    elsewhere.answer(&set, 7, Response::Point(2), 5.0);
    let outcome = session.import(&elsewhere.to_document(&set).to_json(), std::slice::from_ref(&set), |_| "new".into());
    assert!(outcome.message.contains("were not imported, because another attempt at it is in progress"));
    assert_eq!(session.attempt().unwrap().id, "a-1");
}

#[test]
fn export_everything_then_import_restores_results_and_notes_and_refuses_broken_files() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let mut session = tab(&device, "altitude");
    for (id, at) in [("h-1", "2026-11-20T10:00:00Z"), ("h-2", "2026-11-21T10:00:00Z")] {
        let _ = session.begin(&set, fresh(&set, id));
        answer_range(&mut session, &set, 0..set.questions.len(), 1.0);
        let _ = session.finish(&set, at);
    }
    let _ =
        session.update_notes("h-1", |n| *n = RoadmapNotes { checked: vec!["day-30-x".into()], notes: "Ask".into() });
    let file = stored::encode_export(session.history(), &Default::default(), "2026-11-23T08:00:00Z");
    let before = session.history().to_vec();
    let _ = session.delete_everything();
    let outcome = session.import(&file, std::slice::from_ref(&set), |_| unreachable!());
    assert_eq!(outcome.message, "Imported 2 of 2 results; the others were already here.");
    assert_eq!(session.history(), before);
    assert_eq!(tab(&device, "altitude").history(), before, "saved");
    assert_eq!(
        session.import(&file, std::slice::from_ref(&set), |_| unreachable!()).message,
        "These results are already here."
    );
    let refused = session.import("{oops", std::slice::from_ref(&set), |_| unreachable!());
    assert!(refused.message.starts_with("This file was not imported: it is not JSON"), "{}", refused.message);
    assert_eq!(refused.changed, Default::default());
}

#[test]
fn the_history_is_resolved_and_scored_once_with_trends_and_the_previous_result() {
    let (set, second) = (flagship(), other_set());
    let entry = |id: &str, set: &QuestionSet, at: &str, point: u32| {
        let mut attempt = Attempt::new(id.into(), set, set.default_role, "2026-11-01T00:00:00Z".into());
        for i in 0..set.questions.len() {
            attempt.answer(set, i, fitting(set, i, point), 1.0);
        }
        attempt.completed_at = Some(at.into());
        HistoryEntry {
            id: id.into(),
            document: attempt.to_document(set),
            notes: RoadmapNotes::default(),
            raters: Default::default(),
        }
    };
    let history = vec![
        entry("h-1", &set, "2026-11-20T10:00:00Z", 2),
        entry("o-1", &second, "2026-11-21T10:00:00Z", 3),
        entry("h-2", &set, "2026-11-22T10:00:00Z", 4),
    ];
    let loaded = [set.clone()];
    let results = score_history(&history, |id, version| set_version(&loaded, &[], Archive::Loaded, id, version));
    let scored = results[0].scored.as_ref().unwrap();
    assert_eq!(scored.report, altitude::scoring::score(&set, &scored.responses, set.default_role));
    assert_eq!(results[0].date, "2026-11-20");
    assert_eq!(
        results[1].scored,
        Err("The assessment “tech-lead-to-engineering-manager” of this result is not available here.".to_owned())
    );
    assert_eq!(previous(&results, "h-2").map(|r| r.id.as_str()), Some("h-1"));
    assert!(previous(&results, "h-1").is_none());
    let trends = trends(&results);
    assert_eq!(trends.len(), 1);
    assert_eq!(trends[0].results.iter().map(|(_, d)| d.as_str()).collect::<Vec<_>>(), ["2026-11-20", "2026-11-22"]);
    assert!(trends[0].results[1].0.overall > trends[0].results[0].0.overall);
}

#[test]
fn scoring_the_history_again_scores_only_what_changed() {
    let (set, second) = (flagship(), other_set());
    let entry = |id: &str, set: &QuestionSet, point: u32| {
        let mut attempt = Attempt::new(id.into(), set, set.default_role, "2026-11-01T00:00:00Z".into());
        for i in 0..set.questions.len() {
            attempt.answer(set, i, fitting(set, i, point), 1.0);
        }
        attempt.completed_at = Some("2026-11-20T10:00:00Z".into());
        HistoryEntry {
            id: id.into(),
            document: attempt.to_document(set),
            notes: RoadmapNotes::default(),
            raters: Default::default(),
        }
    };
    let only_the_flagship = [set.clone()];
    let set_for = |sets: &[Arc<QuestionSet>]| {
        let sets = sets.to_vec();
        move |id: &str, version: &str| set_version(&sets, &[], Archive::Loaded, id, version)
    };
    let mut history = vec![entry("a", &set, 2), entry("b", &second, 3), entry("c", &set, 4)];
    let before = score_history(&history, set_for(&only_the_flagship));
    assert!(before[1].scored.is_err(), "the second set is not loaded yet");

    // A note typed on a roadmap, one result removed, one added: the rest are the same results.
    history[0].notes.notes = "talk to Sam".into();
    history.remove(2);
    history.push(entry("d", &set, 3));
    let now = altitude::session::score_history_reusing(&before, &history, set_for(&only_the_flagship));
    assert!(Arc::ptr_eq(&now[0], &before[0]) && Arc::ptr_eq(&now[1], &before[1]));
    assert_eq!(now[2].id, "d");
    assert_eq!(now[2], score_history(&history[2..], set_for(&only_the_flagship))[0]);

    // The second set arrives: its result, unreadable before, is read; the others stay.
    let both = [set.clone(), second.clone()];
    let later = altitude::session::score_history_reusing(&now, &history, set_for(&both));
    assert!(later[1].scored.as_ref().is_ok_and(|s| s.set == second), "{:?}", later[1].scored);
    assert!(Arc::ptr_eq(&later[0], &now[0]) && Arc::ptr_eq(&later[2], &now[2]));

    // Another version of a set (another Arc) scores its results again.
    let reloaded = [Arc::new((*set).clone()), second.clone()];
    let again = altitude::session::score_history_reusing(&later, &history, set_for(&reloaded));
    assert!(!Arc::ptr_eq(&again[0], &later[0]) && Arc::ptr_eq(&again[1], &later[1]));
    assert_eq!(again[0].scored, later[0].scored);

    // A result that no longer fits the set it is read against is not read again while that set stands.
    let misfit = [Arc::new(QuestionSet { id: set.id.clone(), ..(*second).clone() })];
    let unfit = score_history(&history[..1], set_for(&misfit));
    assert!(
        unfit[0].scored.as_ref().is_err_and(|why| why.starts_with("This result no longer fits")),
        "{:?}",
        unfit[0].scored
    );
    let still = altitude::session::score_history_reusing(&unfit, &history[..1], set_for(&misfit));
    assert!(Arc::ptr_eq(&still[0], &unfit[0]));
}

#[test]
fn an_attempt_begun_on_an_earlier_version_is_resumed_and_finished_on_that_version() {
    let old = Arc::new(QuestionSet::load(include_bytes!("../assessments/archive/cto-readiness-1.0.0.json")).unwrap());
    let current = flagship();
    let device = MemoryStorage::new();
    let mut yesterday = tab(&device, "altitude");
    let _ = yesterday.begin(&old, fresh(&old, "old-2"));
    answer_range(&mut yesterday, &old, 0..10, 10.0);

    // Today the current set is offered; the saved attempt is read against the version it was begun on.
    let mut today = tab(&device, "altitude");
    let archived = [old.clone()];
    let (resumed, changed) = today.unfinished_in(&current, &archived, Archive::Loaded);
    assert!(!changed.problem, "nothing set aside: {changed:?}");
    let resumed = resumed.unwrap();
    assert_eq!((resumed.set_version.as_str(), resumed.answered()), ("1.0.0", 10));
    let _ = today.begin(&old, resumed);
    answer_range(&mut today, &old, 10..old.questions.len(), 20.0);
    let entry = today.finish(&old, "2026-11-22T10:00:00Z").0.unwrap();
    assert_eq!(entry.document.set_version, "1.0.0");
    assert_eq!(entry.document.answers.len(), old.questions.len());
    let results = score_history(today.history(), |id, version| {
        set_version(std::slice::from_ref(&current), &archived, Archive::Loaded, id, version)
    });
    assert!(results[0].scored.as_ref().is_ok_and(|s| s.set == old), "{:?}", results[0].scored);
    assert!(keys(&device).iter().all(|k| !k.contains("backup")), "{:?}", keys(&device));
}

#[test]
fn an_attempt_on_an_archived_version_is_left_alone_while_the_archive_loads_then_resumed() {
    let old = Arc::new(QuestionSet::load(include_bytes!("../assessments/archive/cto-readiness-1.0.0.json")).unwrap());
    let current = flagship();
    let device = MemoryStorage::new();
    let mut yesterday = tab(&device, "altitude");
    let _ = yesterday.begin(&old, fresh(&old, "old-3"));
    answer_range(&mut yesterday, &old, 0..10, 10.0);
    let stored_before = get(&device, "altitude.v1.current.cto-readiness").unwrap();

    // Today's start screen draws from the current set while the archive is still on its way: the
    // attempt is not read (its version is not at hand), and neither set aside nor changed.
    let mut today = tab(&device, "altitude");
    assert!(today.unfinished_awaits_archive(&current, &[], Archive::Loading), "no new attempt may begin yet");
    let (found, changed) = today.unfinished_in(&current, &[], Archive::Loading);
    assert!(found.is_none());
    assert!(!changed.problem && today.problem().is_none(), "{changed:?}");
    assert_eq!(get(&device, "altitude.v1.current.cto-readiness").as_deref(), Some(stored_before.as_str()));
    assert!(keys(&device).iter().all(|k| !k.contains("backup")), "{:?}", keys(&device));
    // Its results are not read against the current set either, until the archive is in.
    assert!(set_version(std::slice::from_ref(&current), &[], Archive::Loading, "cto-readiness", "1.0.0").is_none());
    assert_eq!(
        set_version(std::slice::from_ref(&current), &[], Archive::Loading, "cto-readiness", &current.version),
        Some(current.clone())
    );

    // Once the archive has loaded, the attempt is read against its own version and resumes.
    let archived = [old.clone()];
    assert!(!today.unfinished_awaits_archive(&current, &archived, Archive::Loading));
    assert!(!today.unfinished_awaits_archive(&current, &[], Archive::Loaded));
    let (found, changed) = today.unfinished_in(&current, &archived, Archive::Loading);
    assert_eq!(
        found.map(|a| (a.set_version.clone(), a.answered())),
        Some(("1.0.0".to_owned(), 10)),
        "at hand while loading"
    );
    assert!(!changed.problem);
    let (found, _) = today.unfinished_in(&current, &archived, Archive::Loaded);
    assert_eq!(found.map(|a| a.answered()), Some(10));
    assert!(keys(&device).iter().all(|k| !k.contains("backup")), "{:?}", keys(&device));

    // An attempt on the current version is read at once, archive or not.
    let _ = today.begin(&current, fresh(&current, "new-1"));
    answer_range(&mut today, &current, 0..3, 30.0);
    let mut later = tab(&device, "altitude");
    assert!(!later.unfinished_awaits_archive(&current, &[], Archive::Loading));
    let (found, _) = later.unfinished_in(&current, &[], Archive::Loading);
    assert_eq!(found.map(|a| (a.id.clone(), a.answered())), Some(("new-1".to_owned(), 3)));
}

#[test]
fn with_the_archive_loaded_an_attempt_on_a_version_not_kept_is_read_against_the_current_set() {
    // Why the rule above matters: once every version is known to be at hand, an attempt that fits
    // none of them is damaged data, and is set aside (never deleted).
    let old = Arc::new(QuestionSet::load(include_bytes!("../assessments/archive/cto-readiness-1.0.0.json")).unwrap());
    let current = flagship();
    let device = MemoryStorage::new();
    let mut yesterday = tab(&device, "altitude");
    let _ = yesterday.begin(&old, fresh(&old, "old-4"));
    answer_range(&mut yesterday, &old, 0..10, 10.0);
    let mut today = tab(&device, "altitude");
    let (found, changed) = today.unfinished_in(&current, &[], Archive::Loaded);
    assert!(found.is_none());
    assert!(changed.problem, "set aside, and the person told");
    assert!(keys(&device).iter().any(|k| k.contains("backup")), "{:?}", keys(&device));
}

/// Every earlier bundled version the catalog lists under `archive`, each loaded (each must load).
fn archived_sets() -> Vec<Arc<QuestionSet>> {
    let catalog = altitude::model::Catalog::parse(include_bytes!("../assessments/catalog.json")).unwrap();
    catalog
        .archive
        .iter()
        .map(|file| Arc::new(QuestionSet::load(&std::fs::read(format!("assessments/{file}")).unwrap()).unwrap()))
        .collect()
}

#[test]
fn results_taken_on_an_earlier_version_of_a_set_are_read_against_that_version_from_the_archive() {
    let archived = archived_sets();
    let (current, old) = (flagship(), archived.iter().find(|s| s.id == "cto-readiness").unwrap().clone());
    assert_eq!((old.format, old.version.as_str()), (1, "1.0.0"));
    assert_ne!(old.version, current.version);

    // Yesterday's widget saved a finished attempt on the old flagship.
    let device = MemoryStorage::new();
    let mut yesterday = tab(&device, "altitude");
    let _ = yesterday.begin(&old, fresh(&old, "old-1"));
    answer_range(&mut yesterday, &old, 0..old.questions.len(), 10.0);
    let _ = yesterday.finish(&old, "2026-11-01T10:00:00Z").0.unwrap();

    // Today's session reads it and scores it on the version it was taken on.
    let today = tab(&device, "altitude");
    assert_eq!(today.history().len(), 1);
    let offered = [current.clone()];
    let results =
        score_history(today.history(), |id, version| set_version(&offered, &archived, Archive::Loaded, id, version));
    let scored = results[0].scored.as_ref().unwrap();
    assert_eq!(scored.set, old);
    assert_eq!(scored.report, altitude::scoring::score(&old, &scored.responses, scored.role));
    assert!(scored.report.overall.is_some());
    // Without the archive its answers do not fit today's set.
    let results =
        score_history(today.history(), |id, version| set_version(&offered, &[], Archive::Loaded, id, version));
    assert!(
        results[0].scored.as_ref().is_err_and(|e| e.starts_with("This result no longer fits")),
        "{:?}",
        results[0].scored
    );
}

/// The best (`best`) or the worst answer to question `i`, by its score.
fn extreme(set: &QuestionSet, i: usize, best: bool) -> Response {
    let points = set.scale.as_ref().map_or(5, |scale| scale.points);
    match &set.questions[i].kind {
        QuestionKind::Likert { reverse } => Response::Point(if best != *reverse { points } else { 1 }),
        QuestionKind::Choice { options } | QuestionKind::Level { options } => {
            let scores = options.iter().map(|o| o.score);
            let pick =
                if best { scores.clone().fold(f64::MIN, f64::max) } else { scores.clone().fold(f64::MAX, f64::min) };
            Response::Option(options.iter().position(|o| o.score == pick).unwrap())
        }
    }
}

/// Begins an attempt of the person's own (as the start screen does), answers every question with
/// its best or worst answer, and finishes it at `at`; its id.
fn finish_own(session: &mut Session<MemoryStorage>, set: &QuestionSet, id: &str, best: bool, at: &str) -> String {
    let _ = session.begin_own(set, fresh(set, id));
    for i in 0..set.questions.len() {
        let _ = session.answer(set, i, extreme(set, i, best), 1.0 + i as f64);
    }
    session.finish(set, at).0.unwrap().id
}

fn role_id(set: &QuestionSet, id: &str) -> usize {
    set.role_index(id).unwrap()
}

#[test]
fn the_organisation_is_remembered_on_the_device_and_recorded_by_the_attempts_begun_not_by_a_raters() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let mut session = tab(&device, "altitude");
    assert_eq!(session.organisation(), None, "not said until the person says");
    let _ = session.set_prepared_for("Ada");
    let changed = session.set_organisation(Some(Organisation::UpTo100));
    assert!(changed.profile && !changed.problem, "{changed:?}");

    // A new session over the same device remembers it, and the name beside it.
    let mut session = tab(&device, "altitude");
    assert_eq!((session.organisation(), session.prepared_for().as_str()), (Some(Organisation::UpTo100), "Ada"));
    let _ = session.begin_own(&set, fresh(&set, "a-1"));
    assert_eq!(session.attempt().unwrap().context.organisation, Some(Organisation::UpTo100));
    let saved = tab(&device, "altitude").unfinished(&set).0.unwrap();
    assert_eq!(saved.context.organisation, Some(Organisation::UpTo100), "saved with the attempt");

    // Said otherwise while the attempt is in progress: the attempt keeps what it began with.
    let _ = session.set_organisation(Some(Organisation::UpTo500));
    answer_range(&mut session, &set, 0..3, 1.0);
    let entry = session.finish(&set, "2026-11-21T11:00:00Z").0.unwrap();
    assert_eq!(entry.document.context.organisation, Some(Organisation::UpTo100));
    let json = entry.document.to_json();
    assert!(json.contains("\"context\"") && json.contains("\"21-100\""), "{json}");
    let export = stored::encode_export(session.history(), &Default::default(), "2026-11-22T08:00:00Z");
    assert!(export.contains("\"21-100\""), "exported with the result");

    // The next attempt records what is said now; the finished result is not rewritten.
    let _ = session.set_organisation(None);
    let _ = session.begin_own(&set, fresh(&set, "a-2"));
    assert_eq!(session.attempt().unwrap().context.organisation, None);
    let reopened = tab(&device, "altitude");
    assert_eq!(reopened.history()[0].document.context.organisation, Some(Organisation::UpTo100));
    assert_eq!(reopened.organisation(), None, "\"prefer not to say\" is remembered too");

    // Resumed from the start screen, an unfinished attempt takes what the screen shows, as its role.
    let _ = session.set_organisation(Some(Organisation::Over500));
    let resumed = tab(&device, "altitude").unfinished(&set).0.unwrap();
    let _ = session.begin_own(&set, resumed);
    assert_eq!(session.attempt().unwrap().context.organisation, Some(Organisation::Over500));

    // A rater on this device answers about someone else: the person's organisation is not theirs.
    let invitation = Invitation {
        id: "inv-1".into(),
        set_id: set.id.clone(),
        set_version: set.version.clone(),
        relationship: Relationship::Peer,
        for_name: None,
    };
    let _ = session.begin_rating(&set, &invitation, "2026-11-22T09:00:00.000Z");
    assert_eq!(session.attempt().unwrap().context.organisation, None);
    let _ = session.answer(&set, 0, fitting(&set, 0, 2), 5.0);
    let reply = session.finish_rating(&set, "2026-11-22T09:15:00.000Z").0.unwrap();
    assert!(reply.document.context.is_empty());
    assert!(!reply.to_json().contains("context"), "{}", reply.to_json());
    // And a rater's answers begun as the person's own (they never are) would not get it either.
    let mut rating = fresh(&set, "inv-2");
    rating.rater = Some(invitation.rater());
    let _ = session.begin_own(&set, rating);
    assert_eq!(session.attempt().unwrap().context.organisation, None);
}

#[test]
fn a_damaged_profile_is_set_aside_word_for_word_and_changes_are_kept_over_it() {
    let device = MemoryStorage::new();
    let damaged = "{\"layout\":1,\"prepared_for\":\"Ada\",\"organisation\":\"about forty\"}";
    device.set("altitude.v1.profile", damaged).unwrap();
    let mut session = tab(&device, "altitude");
    let backup = format!("altitude.backup.{}.altitude.v1.profile", clock() as u64);
    assert_eq!(session.problem(), Some(&StorageProblem::SetAside(vec![backup.clone()])));
    assert_eq!(get(&device, &backup).as_deref(), Some(damaged), "kept, not deleted");
    assert_eq!((session.organisation(), session.prepared_for().as_str()), (None, ""));

    // Saying it again saves a sound profile.
    let _ = session.set_prepared_for("Grace");
    let _ = session.set_organisation(Some(Organisation::UpTo20));
    assert_eq!(tab(&device, "altitude").organisation(), Some(Organisation::UpTo20));

    // Damaged while the session is open: set aside when next saved, what this tab holds kept.
    let _ = session.dismiss_problem();
    device.set("altitude.v1.profile", "{\"layout\":1,\"prepared_fo").unwrap();
    let changed = session.set_organisation(Some(Organisation::UpTo500));
    assert!(changed.problem && matches!(session.problem(), Some(StorageProblem::SetAside(_))), "{changed:?}");
    let reopened = tab(&device, "altitude");
    assert_eq!((reopened.organisation(), reopened.prepared_for().as_str()), (Some(Organisation::UpTo500), "Grace"));
}

#[test]
fn what_another_tab_says_of_the_person_is_followed_and_kept() {
    let (set, device) = (flagship(), MemoryStorage::new());
    let (mut a, mut b) = (tab(&device, "altitude"), tab(&device, "altitude"));
    let _ = a.set_organisation(Some(Organisation::Over500));
    assert_eq!(b.organisation(), None, "not heard of yet");
    // B hears of it through the storage event, and its next attempt records it.
    let changed = b.follow("altitude.v1.profile", |_, _| Some(set.clone()));
    assert!(changed.profile);
    assert_eq!(b.organisation(), Some(Organisation::Over500));
    let _ = b.begin_own(&set, fresh(&set, "b-1"));
    assert_eq!(b.attempt().unwrap().context.organisation, Some(Organisation::Over500));
    // B saves its own change without having heard of A's next one: read-merge-write keeps both.
    let _ = a.set_organisation(Some(Organisation::UpTo20));
    let _ = b.set_prepared_for("Ada");
    let stored = tab(&device, "altitude");
    assert_eq!((stored.organisation(), stored.prepared_for().as_str()), (Some(Organisation::UpTo20), "Ada"));
    assert_eq!(b.organisation(), Some(Organisation::UpTo20));
    // A result finished in A suggests a role to B; deleting everything in A clears B's profile.
    let _ = finish_own(&mut a, &set, "a-1", false, "2026-11-21T11:00:00Z");
    let _ = b.follow("altitude.v1.history", |_, _| Some(set.clone()));
    let _ = b.follow("altitude.v1.profile", |_, _| Some(set.clone()));
    assert!(b.suggested_role(&set.id).is_some());
    let _ = a.delete_everything();
    assert!(b.follow("altitude.v1.profile", |_, _| Some(set.clone())).profile);
    assert_eq!((b.organisation(), b.prepared_for().as_str()), (None, ""));
}

#[test]
fn the_next_role_is_one_stage_above_the_highest_the_result_was_ready_for() {
    let set = flagship();
    let by_stage = set.roles_by_stage();
    let (lowest, highest) = (by_stage[0], by_stage[by_stage.len() - 1]);
    assert_eq!(set.roles[lowest].id, "engineering-manager");
    assert_eq!(next_role(&set, None), lowest, "ready for none: the first rung");
    let director = role_id(&set, "director-of-engineering");
    assert_eq!(set.roles[next_role(&set, Some(director))].id, "head-of-engineering", "the next stage");
    assert_eq!(next_role(&set, Some(role_id(&set, "engineering-manager"))), director);
    assert_eq!(next_role(&set, Some(highest)), highest, "the top stays the top");
    assert_eq!(set.roles[highest].id, "cto");
    // Whatever order the roles are declared in, stages decide.
    let second = other_set();
    for ready in second.roles_by_stage().windows(2) {
        assert_eq!(next_role(&second, Some(ready[0])), ready[1]);
    }
}

#[test]
fn a_finished_attempt_suggests_the_next_role_until_its_result_is_removed() {
    let (set, second, device) = (flagship(), other_set(), MemoryStorage::new());
    let mut session = tab(&device, "altitude");
    assert_eq!(session.suggested_role(&set.id), None, "no result yet: the set's default");

    let low = finish_own(&mut session, &set, "h-1", false, "2026-11-20T10:00:00Z");
    let report = |session: &Session<MemoryStorage>, id: &str| {
        let entry = session.history().iter().find(|e| e.id == id).unwrap();
        let role = set.role_index(&entry.document.role).unwrap();
        altitude::scoring::score(&set, &entry.document.responses(&set).unwrap(), role)
    };
    assert_eq!(report(&session, &low).ready_for, None);
    assert_eq!(session.suggested_role(&set.id), Some("engineering-manager"), "ready for none: the lowest role");

    let high = finish_own(&mut session, &set, "h-2", true, "2026-11-21T10:00:00Z");
    assert_eq!(report(&session, &high).ready_for, Some(role_id(&set, "cto")));
    assert_eq!(session.suggested_role(&set.id), Some("cto"), "ready for the top: the top");

    // Remembered on the device, per set.
    let reopened = tab(&device, "altitude");
    assert_eq!(reopened.suggested_role(&set.id), Some("cto"));
    assert_eq!(reopened.suggested_role(&second.id), None);
    assert_eq!(get(&device, "altitude.v1.profile").map(|p| p.matches("\"attempt\"").count()), Some(2));

    // The most recent result is removed: the one before it speaks; none left, none.
    let _ = session.remove_results(&[high]);
    assert_eq!(session.suggested_role(&set.id), Some("engineering-manager"));
    let _ = session.remove_results(&[low]);
    assert_eq!(session.suggested_role(&set.id), None);
    // Suggestions of removed results are dropped at the next finish.
    let _ = finish_own(&mut session, &second, "o-1", false, "2026-11-22T10:00:00Z");
    assert_eq!(get(&device, "altitude.v1.profile").map(|p| p.matches("\"attempt\"").count()), Some(1));
    assert_eq!(session.suggested_role(&second.id), Some(second.roles[second.roles_by_stage()[0]].id.as_str()));
}
/// Issue 24: the sets moved to 2.1.0 and 2.0.0 joined the archive. A result taken on 2.0.0 of any bundled set,
/// "not had the chance" answers included, still opens and is scored on 2.0.0, not on today's version.
#[test]
fn results_taken_on_version_2_0_0_are_read_against_it_from_the_archive() {
    let archived = archived_sets();
    for id in ["cto-readiness", "em-to-head-of-engineering", "tech-lead-to-engineering-manager"] {
        let current = Arc::new(QuestionSet::load(&std::fs::read(format!("assessments/{id}.json")).unwrap()).unwrap());
        let old =
            archived.iter().find(|s| s.id == id && s.version == "2.0.0").unwrap_or_else(|| panic!("{id}")).clone();
        assert_eq!(old.format, 2, "{id}");
        assert_ne!(old.version, current.version, "{id}");

        let device = MemoryStorage::new();
        let mut before = tab(&device, "altitude");
        let _ = before.begin(&old, fresh(&old, &format!("{id}-2")));
        answer_range(&mut before, &old, 0..old.questions.len(), 10.0);
        let _ = before.answer(&old, rated(&old, 0), Response::Untested, 100.0);
        let _ = before.finish(&old, "2026-12-01T10:00:00Z").0.unwrap();

        let today = tab(&device, "altitude");
        let offered = [current.clone()];
        let results = score_history(today.history(), |id, version| {
            set_version(&offered, &archived, Archive::Loaded, id, version)
        });
        let scored = results[0].scored.as_ref().unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(scored.set, old, "{id}: scored on the version it was taken on");
        assert_eq!(scored.report, altitude::scoring::score(&old, &scored.responses, scored.role), "{id}");
        assert_eq!(scored.responses.0[rated(&old, 0)], Some(Response::Untested), "{id}");
    }
}
