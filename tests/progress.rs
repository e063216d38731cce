//! Goals and notes of evidence between two attempts (issue 28): their rules, the merge of two
//! versions, the session's intents over an in-memory storage (two tabs, a deleted goal, damaged,
//! newer, blocked and full storage, export and import), the change between two attempts, the
//! calendar file and the printed record.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use altitude::attempt::Attempt;
use altitude::model::{ProblemKind, QuestionKind, QuestionSet, Response};
use altitude::progress::between::{between, date_in_words, latest_two, sets_taken_twice, since_last_time};
use altitude::progress::calendar::{calendar, escape, push_line, Roadmap};
use altitude::progress::record::progress_record;
use altitude::progress::{
    goals_nudge, later_than, link_problem, DimensionNames, Evidence, Goal, GoalSource, GoalStatus, Progress,
    SourceKind, GOALS_AT_A_TIME,
};
use altitude::session::{
    rescue_file, score_history, set_version, Archive, KeyValue, MemoryStorage, Session, StorageProblem, Store,
};
use altitude::stored::{self, Decoded, HistoryEntry, RoadmapNotes};
use serde_json::json;

const KEY: &str = "altitude.v1.progress";

fn clock() -> f64 {
    1_763_700_000_000.0
}

fn tab(device: &MemoryStorage) -> Session<MemoryStorage> {
    Session::open(Store::new("altitude", device.clone(), MemoryStorage::new(), clock))
}

fn get(device: &MemoryStorage, key: &str) -> Option<String> {
    device.snapshot().into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn keys(device: &MemoryStorage) -> Vec<String> {
    device.snapshot().into_iter().map(|(k, _)| k).collect()
}

fn goal(id: &str, dimension: &str, title: &str) -> Goal {
    Goal::new(id, dimension, title, "2026-11-21T10:00:00.000Z")
}

fn note(id: &str, date: &str, text: &str, dimension: &str) -> Evidence {
    Evidence::new(id, date, text, dimension, "2026-11-21T10:00:00.000Z")
}

/// The paths of the problems found, with their kinds.
fn paths(problems: &[altitude::model::Problem]) -> Vec<(ProblemKind, String)> {
    problems.iter().map(|p| (p.kind, p.location.to_string())).collect()
}

/// The goals and notes as the session holds them now (read from storage if not yet).
fn progress_of(session: &mut Session<MemoryStorage>) -> Progress {
    session.progress().0.clone()
}

// The rules.

#[test]
fn a_goal_is_checked_field_by_field() {
    let mut good = goal("g-1", "strategy", "Write the platform strategy");
    good.set_id = Some("cto-readiness".into());
    good.done_looks_like = Some("Reviewed by the CTO".into());
    good.due = Some("2027-02-28".into());
    good.source = Some(GoalSource { kind: SourceKind::Project, text: "Own a strategy document".into() });
    assert_eq!(good.problems(), []);

    let mut bad = good.clone();
    bad.id = String::new();
    bad.title = "   ".into();
    bad.done_looks_like = Some("x".repeat(501));
    bad.due = Some("2027-02-30".into());
    bad.created_at = "yesterday".into();
    bad.source = Some(GoalSource { kind: SourceKind::Practice, text: String::new() });
    assert_eq!(
        paths(&bad.problems()),
        [
            (ProblemKind::BadIdentifier, "id".into()),
            (ProblemKind::BadTimestamp, "created_at".into()),
            (ProblemKind::BadLength, "title".into()),
            (ProblemKind::BadLength, "done_looks_like".into()),
            (ProblemKind::BadTimestamp, "due".into()),
            (ProblemKind::BadLength, "source.text".into()),
        ]
    );
    let messages: Vec<String> = bad.problems().iter().map(ToString::to_string).collect();
    assert!(messages.contains(&"title: must not be empty (at most 300 characters)".to_owned()), "{messages:?}");
    assert!(messages.contains(&"due: must be a date as YYYY-MM-DD; found \"2027-02-30\"".to_owned()), "{messages:?}");

    let mut long = good.clone();
    long.title = "é".repeat(300);
    assert_eq!(long.problems(), [], "300 characters, not bytes");
    long.title.push('é');
    assert_eq!(
        long.problems()[0].to_string(),
        "title: must be 1–300 characters (not counting surrounding spaces); found 301"
    );
    // A tombstone keeps nothing but its id and times, and is fine so.
    assert_eq!(good.tombstone("2026-11-22T10:00:00Z").problems(), []);
}

#[test]
fn a_note_is_checked_and_only_web_links_are_kept() {
    let mut good = note("e-1", "2026-12-02", "Presented the budget to finance", "acumen");
    good.link = Some("https://example.com/deck?v=2#slide-3".into());
    good.dimension_ids.push("communication".into());
    good.goal_id = Some("g-1".into());
    assert_eq!(good.problems(), []);

    for (link, reason) in [
        (
            "javascript:alert(1)",
            "must be a web address starting with https:// (or http://); a \"javascript:\" link is not kept",
        ),
        (
            "JavaScript:alert(1)",
            "must be a web address starting with https:// (or http://); a \"javascript:\" link is not kept",
        ),
        (
            "data:text/html,<script>alert(1)</script>",
            "must be a web address starting with https:// (or http://); a \"data:\" link is not kept",
        ),
        (
            "file:///etc/passwd",
            "must be a web address starting with https:// (or http://); a \"file:\" link is not kept",
        ),
        (
            "vbscript:msgbox",
            "must be a web address starting with https:// (or http://); a \"vbscript:\" link is not kept",
        ),
        (" javascript:alert(1)", "must be one web address, without spaces or line breaks"),
        ("java\tscript:alert(1)", "must be one web address, without spaces or line breaks"),
        ("java\nscript:alert(1)", "must be one web address, without spaces or line breaks"),
        ("example.com/page", "must be a web address starting with https:// (or http://)"),
        ("//example.com", "must be a web address starting with https:// (or http://)"),
        ("https:example.com", "must name a site after https://"),
        ("https://", "must name a site after https://"),
        ("https:///path", "must name a site after https://"),
        ("http://@evil", "must name a site after http://"),
    ] {
        assert_eq!(link_problem(link).as_deref(), Some(reason), "{link:?}");
        let mut bad = good.clone();
        bad.link = Some(link.into());
        assert_eq!(
            paths(&bad.problems()),
            [(ProblemKind::Inconsistent, "link".into())],
            "{link:?} refused at the link"
        );
    }
    for link in
        ["http://intranet/wiki", "HTTPS://Example.com", "https://example.com:8443/a_b(c)", "https://例え.jp/パス"]
    {
        assert_eq!(link_problem(link), None, "{link:?}");
    }
    assert_eq!(
        link_problem(&format!("https://example.com/{}", "a".repeat(2000))).as_deref(),
        Some("must be at most 2000 characters; found 2020")
    );

    let mut bad = good.clone();
    bad.text = "x".repeat(1001);
    bad.date = "02/12/2026".into();
    bad.dimension_ids = vec!["acumen".into(), "".into(), "acumen".into()];
    bad.goal_id = Some(String::new());
    assert_eq!(
        paths(&bad.problems()),
        [
            (ProblemKind::BadTimestamp, "date".into()),
            (ProblemKind::BadLength, "text".into()),
            (ProblemKind::BadIdentifier, "dimensions[1]".into()),
            (ProblemKind::DuplicateId, "dimensions[2]".into()),
            (ProblemKind::BadIdentifier, "goal".into()),
        ]
    );
    bad.dimension_ids.clear();
    assert!(paths(&bad.problems()).contains(&(ProblemKind::BadLength, "dimensions".into())));
    let mut thousand = good.clone();
    thousand.text = "ü".repeat(1000);
    assert_eq!(thousand.problems(), []);
}

#[test]
fn a_newer_version_wins_a_merge_and_a_deletion_is_a_version() {
    let mut here =
        Progress { goals: vec![goal("g-1", "strategy", "One"), goal("g-2", "people", "Two")], evidence: vec![] };
    let mut there = here.clone();
    // Each side edits a different goal; each keeps the other's edit after a merge, both ways.
    here.goals[0].title = "One, edited here".into();
    here.goals[0].updated_at = "2026-11-22T10:00:00.000Z".into();
    there.goals[1].status = GoalStatus::Doing;
    there.goals[1].updated_at = "2026-11-22T11:00:00.000Z".into();
    let mut a = here.clone();
    let mut b = there.clone();
    assert_eq!(a.merge(&there).goals, 1);
    assert_eq!(b.merge(&here).goals, 1);
    assert_eq!(a, b, "the same whichever way");
    assert_eq!((a.goals[0].title.as_str(), a.goals[1].status), ("One, edited here", GoalStatus::Doing));

    // Milliseconds count: the later of two edits within a second wins.
    let mut later = a.clone();
    later.goals[0].title = "A millisecond later".into();
    later.goals[0].updated_at = "2026-11-22T10:00:00.001Z".into();
    assert_eq!(a.merge(&later).goals, 1);
    assert_eq!(a.goals[0].title, "A millisecond later");
    assert_eq!(a.merge(&here).goals, 0, "an older copy changes nothing");

    // Deleted here; the other side's older copy does not bring it back, nor does an equally old edit.
    let deleted = a.goals[0].tombstone("2026-11-23T09:00:00.000Z");
    a.goals[0] = deleted.clone();
    let mut same_time = b.clone();
    same_time.goals[0].updated_at = "2026-11-23T09:00:00Z".into();
    assert_eq!(a.merge(&b).goals, 0);
    assert_eq!(a.merge(&same_time).goals, 0);
    assert_eq!(a.goals[0], deleted, "still deleted");
    assert!(a.goal("g-1").is_none());
    assert_eq!(b.merge(&a).goals, 0);
    assert!(b.goal("g-1").is_none(), "and the deletion reaches the other side");
    assert_eq!(b.goals().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["g-2"]);
}

#[test]
fn an_edit_is_newer_than_what_it_changed_even_when_the_clock_went_back() {
    assert_eq!(later_than("2026-11-22T10:00:00.000Z", "2026-11-22T10:00:05.000Z"), "2026-11-22T10:00:05.000Z");
    assert_eq!(later_than("2026-11-22T10:00:00.999Z", "2026-11-22T09:00:00.000Z"), "2026-11-22T10:00:01.000Z");
    assert_eq!(later_than("2026-11-22T10:00:00+01:00", "2026-11-22T08:00:00Z"), "2026-11-22T09:00:00.001Z");
}

#[test]
fn goals_by_dimension_with_their_status_and_notes_newest_first() {
    let names = DimensionNames(vec![("acumen".into(), "Business acumen".into()), ("people".into(), "People".into())]);
    let mut progress = Progress::default();
    let mut statuses = [
        ("g-1", "people", GoalStatus::Done, None),
        ("g-2", "acumen", GoalStatus::Planned, Some("2027-02-01")),
        ("g-3", "acumen", GoalStatus::Doing, None),
        ("g-4", "acumen", GoalStatus::Planned, Some("2027-01-01")),
        ("g-5", "acumen", GoalStatus::Dropped, None),
        ("g-6", "acumen", GoalStatus::Planned, None),
        ("g-7", "zeta", GoalStatus::Planned, None),
    ]
    .map(|(id, dimension, status, due)| {
        let mut g = goal(id, dimension, id);
        g.status = status;
        g.due = due.map(String::from);
        g
    });
    statuses[6].created_at = "2026-11-20T10:00:00Z".into();
    progress.goals.extend(statuses);
    let by_dimension = progress.goals_by_dimension(&names);
    let listed: Vec<(&str, Vec<&str>)> =
        by_dimension.iter().map(|d| (d.name.as_str(), d.goals.iter().map(|g| g.id.as_str()).collect())).collect();
    assert_eq!(
        listed,
        [("Business acumen", vec!["g-3", "g-4", "g-2", "g-6", "g-5"]), ("People", vec!["g-1"]), ("zeta", vec!["g-7"])]
    );
    for (date, id, created) in [
        ("2026-11-20", "e-1", "2026-11-20T10:00:00Z"),
        ("2026-11-22", "e-2", "2026-11-22T10:00:00Z"),
        ("2026-11-20", "e-3", "2026-11-23T10:00:00Z"),
    ] {
        let mut e = note(id, date, id, "acumen");
        e.created_at = created.into();
        progress.evidence.push(e);
    }
    let timeline: Vec<&str> = progress.evidence_newest_first().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(timeline, ["e-2", "e-3", "e-1"]);
}

#[test]
fn stored_progress_round_trips_and_a_broken_goal_or_note_damages_the_value() {
    let mut progress = Progress::default();
    let mut g = goal("g-1", "strategy", "Write the strategy");
    g.source = Some(GoalSource { kind: SourceKind::FirstStep, text: "List the three bets".into() });
    g.due = Some("2027-01-31".into());
    g.set_id = Some("cto-readiness".into());
    progress.goals.push(g.clone());
    progress.goals.push(goal("g-2", "people", "Gone").tombstone("2026-11-22T10:00:00.000Z"));
    let mut e = note("e-1", "2026-11-25", "Said \"no\" to a project, with reasons", "strategy");
    e.link = Some("https://example.com/memo".into());
    e.goal_id = Some("g-1".into());
    progress.evidence.push(e);
    let text = stored::encode_progress(&progress);
    assert!(text.starts_with("{\"layout\":1,\"goals\":["), "{text}");
    assert!(text.contains("{\"id\":\"g-2\",\"created_at\":\"2026-11-21T10:00:00.000Z\",\"updated_at\":\"2026-11-22T10:00:00.000Z\",\"deleted\":true}"), "a tombstone keeps nothing else: {text}");
    assert!(!text.contains("Gone"), "{text}");
    assert_eq!(stored::decode_progress(&text), Decoded::Fine(progress));

    let javascript = text.replace("https://example.com/memo", "javascript:alert(document.cookie)");
    let Decoded::Damaged(why) = stored::decode_progress(&javascript) else { panic!("{javascript}") };
    assert_eq!(why, "evidence[0].link: must be a web address starting with https:// (or http://); a \"javascript:\" link is not kept");
    let bad_status = text.replace("\"planned\"", "\"someday\"");
    assert!(
        matches!(stored::decode_progress(&bad_status), Decoded::Damaged(why) if why == "goals[0].status: must be planned, doing, done or dropped")
    );
    let twice = text.replace("\"g-2\"", "\"g-1\"");
    assert!(
        matches!(stored::decode_progress(&twice), Decoded::Damaged(why) if why == "goals[1].id: the goal \"g-1\" is there twice")
    );
    let no_title = text.replace("\"title\":\"Write the strategy\",", "");
    assert!(matches!(stored::decode_progress(&no_title), Decoded::Damaged(why) if why.starts_with("goals[0].title: ")));
    for garbage in ["", "{", "[]", "{\"layout\":1,\"goals\":{}}", "{\"goals\":[]}"] {
        assert!(matches!(stored::decode_progress(garbage), Decoded::Damaged(_)), "{garbage}");
    }
    assert_eq!(stored::decode_progress("{\"layout\":7,\"goals\":\"later\"}"), Decoded::Newer(7));
}

// The session.

#[test]
fn opening_the_session_reads_no_progress() {
    let device = MemoryStorage::new();
    device.set(KEY, "{damaged").unwrap();
    let mut session = tab(&device);
    assert_eq!(session.problem(), None, "not read at open");
    assert_eq!(get(&device, KEY).as_deref(), Some("{damaged"));
    // A later screen asks: only then is it read (and, damaged, set aside).
    let (progress, changed) = session.progress();
    assert!(progress.is_empty());
    assert!(changed.problem);
    let backup = format!("altitude.backup.{}.{KEY}", clock() as u64);
    assert_eq!(session.problem(), Some(&StorageProblem::SetAside(vec![backup.clone()])));
    assert_eq!(get(&device, &backup).as_deref(), Some("{damaged"), "kept word for word");
    assert_eq!(get(&device, KEY), None);
}

#[test]
fn goals_and_notes_are_added_edited_and_deleted_and_a_refusal_changes_nothing() {
    let device = MemoryStorage::new();
    let mut session = tab(&device);
    let mut g = goal("g-1", "strategy", "  Write the platform strategy  ");
    g.due = Some(String::new());
    let outcome = session.add_goal(g);
    assert!(outcome.is_done() && outcome.changed.progress, "{outcome:?}");
    let kept = tab(&device).progress().0.goal("g-1").cloned().unwrap();
    assert_eq!((kept.title.as_str(), kept.due.as_deref()), ("Write the platform strategy", None), "tidied");

    let refused = session.add_goal(goal("g-1", "people", "Another"));
    assert_eq!(paths(&refused.problems), [(ProblemKind::DuplicateId, "id".into())]);
    assert!(!refused.changed.progress);

    let outcome = session.update_goal("g-1", "2026-11-25T10:00:00.000Z", |g| {
        g.status = GoalStatus::Doing;
        g.due = Some("2027-01-15".into());
    });
    assert!(outcome.is_done());
    let before = get(&device, KEY);
    let refused = session.update_goal("g-1", "2026-11-26T10:00:00.000Z", |g| g.title.clear());
    assert_eq!(refused.problems[0].to_string(), "title: must not be empty (at most 300 characters)");
    assert_eq!(get(&device, KEY), before, "nothing written");
    assert_eq!(progress_of(&mut session).goal("g-1").unwrap().title, "Write the platform strategy", "nor held");

    let mut e = note("e-1", "2026-11-28", "Shared the draft with two peers", "strategy");
    e.goal_id = Some("g-1".into());
    assert!(session.add_evidence(e).is_done());
    let mut stray = note("e-2", "2026-11-28", "About a goal that is not there", "strategy");
    stray.goal_id = Some("g-9".into());
    assert_eq!(paths(&session.add_evidence(stray).problems), [(ProblemKind::UnknownReference, "goal".into())]);
    let mut javascript = note("e-3", "2026-11-28", "A link", "strategy");
    javascript.link = Some("javascript:alert(1)".into());
    let refused = session.add_evidence(javascript);
    assert_eq!(
        refused.problems[0].to_string(),
        "link: must be a web address starting with https:// (or http://); a \"javascript:\" link is not kept"
    );
    let outcome = session
        .update_evidence("e-1", "2026-11-29T10:00:00.000Z", |e| e.link = Some("https://example.com/draft".into()));
    assert!(outcome.is_done());
    let refused = session.update_evidence("e-1", "2026-11-29T11:00:00.000Z", |e| e.link = Some("data:,hi".into()));
    assert_eq!(paths(&refused.problems), [(ProblemKind::Inconsistent, "link".into())]);

    assert!(session.delete_goal("g-1", "2026-11-30T10:00:00.000Z").is_done());
    let reread = progress_of(&mut tab(&device));
    assert_eq!(reread.goals().count(), 0);
    assert_eq!(reread.goals.len(), 1, "a tombstone");
    let notes = reread.evidence_newest_first();
    assert_eq!(notes.len(), 1, "its notes stay");
    assert_eq!(reread.evidence_for_goal("g-1").len(), 1, "naming it, ignored by what shows goals");
    assert_eq!(
        paths(&session.update_goal("g-1", "2026-12-01T10:00:00Z", |_| {}).problems),
        [(ProblemKind::UnknownReference, "id".into())]
    );
    assert!(session.delete_evidence("e-1", "2026-12-01T10:00:00Z").is_done());
    assert_eq!(progress_of(&mut tab(&device)).notes().count(), 0);
}

#[test]
fn one_to_three_open_goals_a_dimension_is_the_nudge_and_nothing_stops_more() {
    let mut progress = Progress::default();
    let mut add = |id: &str, dimension: &str, status: GoalStatus| {
        let mut g = goal(id, dimension, id);
        g.status = status;
        progress.goals.push(g);
    };
    add("g-1", "acumen", GoalStatus::Planned);
    add("g-2", "acumen", GoalStatus::Doing);
    add("g-3", "acumen", GoalStatus::Done);
    add("g-4", "acumen", GoalStatus::Dropped);
    add("g-5", "people", GoalStatus::Planned);
    add("g-6", "acumen", GoalStatus::Planned);
    // Done and dropped goals are not open; another dimension's are not counted.
    assert_eq!(progress.open_goals_in("acumen"), 3);
    assert_eq!(goals_nudge(progress.open_goals_in("acumen"), "Business acumen"), None, "three is within the nudge");
    let mut deleted = goal("g-7", "acumen", "gone");
    deleted.deleted = true;
    progress.goals.push(deleted);
    assert_eq!(progress.open_goals_in("acumen"), 3, "a deleted goal is not open");
    assert_eq!(GOALS_AT_A_TIME, 3);
    assert_eq!(
        goals_nudge(4, "Business acumen").as_deref(),
        Some("4 goals are open in Business acumen. One to three at a time are easier to keep moving: finish or drop one before you add the next.")
    );
    assert_eq!(goals_nudge(0, "People"), None);
}

#[test]
fn two_tabs_editing_different_goals_keep_both_edits() {
    let device = MemoryStorage::new();
    let (mut a, mut b) = (tab(&device), tab(&device));
    assert!(a.add_goal(goal("g-1", "strategy", "One")).is_done());
    assert!(a.add_goal(goal("g-2", "people", "Two")).is_done());
    assert_eq!(progress_of(&mut b).goals().count(), 2);
    // Neither hears of the other's save before it makes its own.
    assert!(a.update_goal("g-1", "2026-11-22T10:00:00.000Z", |g| g.status = GoalStatus::Done).is_done());
    assert!(b.update_goal("g-2", "2026-11-22T10:00:01.000Z", |g| g.title = "Two, from B".into()).is_done());
    let stored = progress_of(&mut tab(&device));
    assert_eq!(stored.goal("g-1").unwrap().status, GoalStatus::Done, "A's edit survived B's save");
    assert_eq!(stored.goal("g-2").unwrap().title, "Two, from B");
    // B's copy of the goal A edited was older: B's save folded A's in, and B holds it now.
    assert_eq!(progress_of(&mut b), stored);
    // A hears of B's save through the storage event, and reads it when its screen next asks.
    let changed = a.follow(KEY, |_, _| None);
    assert!(changed.progress);
    assert_eq!(progress_of(&mut a), stored);

    // The same goal edited in both, one field each, from stale copies: each edit is made to what is
    // stored, so both fields change; the same field in both keeps the newer.
    assert!(a.update_goal("g-2", "2026-11-23T10:00:00.000Z", |g| g.status = GoalStatus::Doing).is_done());
    assert!(b.update_goal("g-2", "2026-11-23T10:00:02.000Z", |g| g.due = Some("2027-03-01".into())).is_done());
    assert!(a.update_goal("g-2", "2026-11-23T10:00:01.000Z", |g| g.title = "From A".into()).is_done());
    assert!(b.update_goal("g-2", "2026-11-23T10:00:03.000Z", |g| g.title = "From B, later".into()).is_done());
    let g2 = progress_of(&mut tab(&device)).goal("g-2").cloned().unwrap();
    assert_eq!(
        (g2.status, g2.due.as_deref(), g2.title.as_str()),
        (GoalStatus::Doing, Some("2027-03-01"), "From B, later")
    );
}

#[test]
fn a_goal_deleted_in_one_tab_stays_deleted_when_the_other_still_has_it() {
    let device = MemoryStorage::new();
    let (mut a, mut b) = (tab(&device), tab(&device));
    assert!(a.add_goal(goal("g-1", "strategy", "One")).is_done());
    assert!(a.add_goal(goal("g-2", "people", "Two")).is_done());
    assert!(progress_of(&mut b).goal("g-1").is_some(), "B has it");
    assert!(a.delete_goal("g-1", "2026-11-22T10:00:00.000Z").is_done());
    // B saves something else without having heard: the goal stays deleted.
    assert!(b.add_goal(goal("g-3", "people", "Three")).is_done());
    assert!(b.update_goal("g-2", "2026-11-22T10:05:00.000Z", |g| g.status = GoalStatus::Doing).is_done());
    let stored = progress_of(&mut tab(&device));
    assert_eq!(stored.goals().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["g-2", "g-3"]);
    assert!(progress_of(&mut b).goal("g-1").is_none(), "and B holds it deleted");
    // B editing its old copy finds it deleted: refused, and nothing comes back.
    let mut c = tab(&device);
    let _ = c.progress();
    assert!(a.delete_goal("g-2", "2026-11-22T11:00:00.000Z").is_done());
    let refused = c.update_goal("g-2", "2026-11-22T12:00:00.000Z", |g| g.title = "Edited after".into());
    assert_eq!(paths(&refused.problems), [(ProblemKind::UnknownReference, "id".into())]);
    assert!(progress_of(&mut tab(&device)).goal("g-2").is_none());
}

#[test]
fn a_damaged_value_is_set_aside_and_a_newer_one_left_alone() {
    let device = MemoryStorage::new();
    let javascript = r#"{"layout":1,"goals":[],"evidence":[{"id":"e-1","date":"2026-11-25","text":"x","link":"javascript:alert(1)","dimensions":["a"],"created_at":"2026-11-25T10:00:00Z","updated_at":"2026-11-25T10:00:00Z"}]}"#;
    device.set(KEY, javascript).unwrap();
    let mut session = tab(&device);
    // The first change reads it first: set aside word for word, then the change saved.
    let outcome = session.add_goal(goal("g-1", "strategy", "One"));
    assert!(outcome.is_done() && outcome.changed.problem);
    let backup = format!("altitude.backup.{}.{KEY}", clock() as u64);
    assert_eq!(session.problem(), Some(&StorageProblem::SetAside(vec![backup.clone()])));
    assert_eq!(get(&device, &backup).as_deref(), Some(javascript));
    assert_eq!(progress_of(&mut tab(&device)).goals().count(), 1);

    let future = "{\"layout\":5,\"goals\":\"kept by a newer Altitude\"}";
    let device = MemoryStorage::new();
    device.set(KEY, future).unwrap();
    let mut session = tab(&device);
    let outcome = session.add_goal(goal("g-1", "strategy", "One"));
    assert!(outcome.is_done(), "held here");
    assert_eq!(session.problem(), Some(&StorageProblem::Newer));
    assert_eq!(get(&device, KEY).as_deref(), Some(future), "never overwritten");
    assert_eq!(progress_of(&mut session).goals().count(), 1);
    assert!(session.update_goal("g-1", "2026-11-22T10:00:00Z", |g| g.status = GoalStatus::Done).is_done());
    assert_eq!(progress_of(&mut session).goal("g-1").unwrap().status, GoalStatus::Done);
    assert_eq!(get(&device, KEY).as_deref(), Some(future));
}

#[test]
fn blocked_storage_is_told_once_and_full_storage_saves_everything_with_the_next_change() {
    let device = MemoryStorage::new();
    device.set_blocked(true);
    let mut session = tab(&device);
    assert_eq!(session.problem(), Some(&StorageProblem::Blocked));
    assert!(session.dismiss_problem().problem);
    assert!(session.add_goal(goal("g-1", "strategy", "One")).is_done());
    let (progress, changed) = session.progress();
    assert_eq!(progress.goals().count(), 1, "kept in memory");
    assert!(!changed.problem);
    assert_eq!(session.problem(), None, "told once");

    let device = MemoryStorage::new();
    let mut session = tab(&device);
    assert!(session.add_goal(goal("g-1", "strategy", "One")).is_done());
    let saved = get(&device, KEY).unwrap();
    device.set_capacity(Some(KEY.len() + saved.len() + 10));
    let outcome = session.add_evidence(note("e-1", "2026-11-25", "A long enough note to fill it", "strategy"));
    assert!(outcome.is_done() && outcome.changed.problem);
    assert_eq!(session.problem(), Some(&StorageProblem::Full));
    assert_eq!(get(&device, KEY).unwrap(), saved, "what was saved is intact");
    assert_eq!(progress_of(&mut session).notes().count(), 1, "held here");
    device.set_capacity(None);
    let outcome = session.add_goal(goal("g-2", "people", "Two"));
    assert_eq!(outcome.changed.notice.as_deref(), Some("Saving works again: everything is kept on this device."));
    let stored = progress_of(&mut tab(&device));
    assert_eq!((stored.goals().count(), stored.notes().count()), (2, 1), "the held note saved too");
}

#[test]
fn export_everything_holds_them_and_its_import_brings_them_back() {
    let set = Arc::new(QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).unwrap());
    let device = MemoryStorage::new();
    let mut session = tab(&device);
    let _ = session.begin(&set, Attempt::new("h-1".into(), &set, 2, "2026-11-21T09:00:00Z".into()));
    let _ = session.finish(&set, "2026-11-21T10:00:00Z");
    assert!(session.add_goal(goal("g-1", "strategy", "One")).is_done());
    assert!(session.add_goal(goal("g-2", "people", "Two")).is_done());
    let mut e = note("e-1", "2026-11-25", "Presented; the link, kept", "strategy");
    e.link = Some("https://example.com/deck".into());
    e.goal_id = Some("g-1".into());
    assert!(session.add_evidence(e).is_done());
    assert!(session.delete_goal("g-2", "2026-11-22T10:00:00Z").is_done());

    // A fresh tab exports: it reads the progress it had not read yet.
    let (file, _) = tab(&device).export_everything("2026-11-26T08:00:00Z");
    assert!(file.contains("\"format\": \"altitude.export/1\""), "{file}");
    assert!(file.contains("\"progress\": {"), "{file}");
    let held = progress_of(&mut session);
    let everything = session.history().to_vec();

    let changed = session.delete_everything();
    assert!(changed.progress);
    assert_eq!(keys(&device), Vec::<String>::new(), "deleted with everything");
    assert!(progress_of(&mut session).is_empty());
    let outcome = session.import(&file, std::slice::from_ref(&set), |_| unreachable!());
    assert_eq!(outcome.message, "Imported a result of “CTO readiness”. Imported 1 goal and 1 note.");
    assert!(outcome.changed.progress && outcome.changed.history);
    assert_eq!(progress_of(&mut tab(&device)), held, "every goal and note, the tombstone too");
    assert_eq!(session.history(), everything);
    let again = session.import(&file, std::slice::from_ref(&set), |_| unreachable!());
    assert_eq!(again.message, "These results are already here. Your goals and notes in it are already here.");

    // Imported again after a change here: what changed here since the export is newer and stays.
    assert!(session.update_goal("g-1", "2026-11-27T10:00:00Z", |g| g.status = GoalStatus::Done).is_done());
    assert!(session.delete_evidence("e-1", "2026-11-27T10:00:00Z").is_done());
    let _ = session.import(&file, std::slice::from_ref(&set), |_| unreachable!());
    let kept = progress_of(&mut tab(&device));
    assert_eq!(kept.goal("g-1").unwrap().status, GoalStatus::Done);
    assert!(kept.note("e-1").is_none(), "a note deleted since stays deleted");

    // An export from before goals and notes still imports, and holds no progress key.
    let old = stored::encode_export(&everything, &Progress::default(), "2026-11-26T08:00:00Z");
    assert!(!old.contains("progress"), "{old}");
    let elsewhere = MemoryStorage::new();
    let outcome = tab(&elsewhere).import(&old, std::slice::from_ref(&set), |_| unreachable!());
    assert_eq!(outcome.message, "Imported a result of “CTO readiness”.");
    assert_eq!(get(&elsewhere, KEY), None);

    // A file whose note links to javascript: is refused whole, at the link.
    let hostile = file.replace("https://example.com/deck", "javascript:alert(1)");
    let refused = tab(&elsewhere).import(&hostile, std::slice::from_ref(&set), |_| unreachable!());
    assert_eq!(
        refused.message,
        "This file was not imported: progress.evidence[0].link: must be a web address starting with https:// (or \
         http://); a \"javascript:\" link is not kept. Nothing was changed."
    );
    assert_eq!(refused.changed, Default::default());
}

#[test]
fn the_rescue_file_holds_no_goals_or_notes() {
    let set = Arc::new(QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).unwrap());
    let device = MemoryStorage::new();
    let mut session = tab(&device);
    let _ = session.begin(&set, Attempt::new("a-1".into(), &set, 2, "2026-11-21T09:00:00Z".into()));
    let _ = session.answer(&set, 0, Response::NotApplicable, 1.0);
    assert!(session.add_goal(goal("g-1", "strategy", "A private goal")).is_done());
    let rescue = rescue_file(&device, "2026-11-21T12:00:00Z").unwrap();
    assert!(!rescue.contains("A private goal") && !rescue.contains("progress"), "{rescue}");
}

// Between two attempts.

/// A small set whose scores are easy to work out: likert 1–5 is 0, 25, 50, 75, 100, and a dimension
/// scores the mean of its questions.
fn small_set(version: &str) -> Arc<QuestionSet> {
    let set = json!({
        "format": "altitude.question-set/2",
        "id": "small", "version": version, "title": "Small set",
        "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
        "dimensions": [{"id": "acumen", "name": "Business acumen"}, {"id": "people", "name": "People"}],
        "roles": [{"id": "lead", "name": "Lead", "stage": 1, "targets": {"acumen": 70, "people": 70}}],
        "questions": [
            {"id": "a1", "dimension": "acumen", "kind": "likert", "text": "I read the numbers."},
            {"id": "a2", "dimension": "acumen", "kind": "likert", "text": "I talk to finance."},
            {"id": "a3", "dimension": "acumen", "kind": "likert", "text": "I price my bets."},
            {"id": "p1", "dimension": "people", "kind": "likert", "text": "I hold one-on-ones."}
        ]
    });
    Arc::new(QuestionSet::load(set.to_string().as_bytes()).unwrap())
}

fn finished(set: &QuestionSet, id: &str, points: [u32; 4], at: &str) -> HistoryEntry {
    let mut attempt = Attempt::new(id.into(), set, 0, "2026-01-01T00:00:00Z".into());
    for (i, point) in points.into_iter().enumerate() {
        attempt.answer(set, i, Response::Point(point), 1.0);
    }
    attempt.completed_at = Some(at.into());
    HistoryEntry {
        id: id.into(),
        document: attempt.to_document(set),
        notes: RoadmapNotes::default(),
        raters: Default::default(),
    }
}

fn done_goal(id: &str, dimension: &str, done_at: &str) -> Goal {
    let mut g = goal(id, dimension, &format!("Goal {id}"));
    g.status = GoalStatus::Done;
    g.updated_at = done_at.into();
    g
}

#[test]
fn between_two_attempts_each_dimension_has_its_change_goals_done_and_notes() {
    let set = small_set("1.0.0");
    let history = vec![
        finished(&set, "s-1", [3, 3, 3, 2], "2026-03-12T09:00:00Z"),
        // Another set's result between them changes nothing.
        finished(&set, "s-2", [4, 4, 3, 2], "2026-06-10T15:30:00Z"),
    ];
    let loaded = [set.clone()];
    let results = score_history(&history, |id, version| set_version(&loaded, &[], Archive::Loaded, id, version));

    let mut progress = Progress::default();
    progress.goals.push(done_goal("g-1", "acumen", "2026-04-01T10:00:00Z"));
    progress.goals.push(done_goal("g-2", "acumen", "2026-06-10T15:30:00Z")); // at the later completion: counts
    progress.goals.push(done_goal("g-3", "acumen", "2026-03-12T09:00:00Z")); // at the earlier one: before it
    progress.goals.push(done_goal("g-4", "acumen", "2026-06-10T15:30:00.001Z")); // after the later one
    let mut doing = done_goal("g-5", "acumen", "2026-04-01T10:00:00Z");
    doing.status = GoalStatus::Doing;
    progress.goals.push(doing);
    let mut other_set = done_goal("g-6", "acumen", "2026-04-01T10:00:00Z");
    other_set.set_id = Some("another-set".into());
    progress.goals.push(other_set);
    let mut this_set = done_goal("g-7", "people", "2026-05-01T10:00:00Z");
    this_set.set_id = Some("small".into());
    progress.goals.push(this_set);
    progress.goals.push(done_goal("g-8", "acumen", "2026-05-01T10:00:00Z").tombstone("2026-05-02T10:00:00Z"));
    for (id, date, dimensions) in [
        ("e-1", "2026-03-12", vec!["acumen"]), // the earlier day: counts
        ("e-2", "2026-04-15", vec!["acumen", "people"]),
        ("e-3", "2026-05-20", vec!["acumen"]),
        ("e-4", "2026-06-10", vec!["acumen"]), // the later day: counts
        ("e-5", "2026-06-11", vec!["acumen"]),
        ("e-6", "2026-03-11", vec!["acumen"]),
        ("e-7", "2026-05-01", vec!["strategy"]),
    ] {
        let mut e = note(id, date, &format!("Note {id}"), dimensions[0]);
        e.dimension_ids = dimensions.into_iter().map(String::from).collect();
        progress.evidence.push(e);
    }
    progress.evidence.push(note("e-8", "2026-04-01", "Deleted", "acumen").tombstone("2026-04-02T10:00:00Z"));

    let (earlier, later) = latest_two(&results, "small").unwrap();
    assert_eq!((earlier.id.as_str(), later.id.as_str()), ("s-1", "s-2"));
    let b = between(earlier, later, &progress).unwrap();
    assert_eq!(between(later, earlier, &progress).as_ref(), Some(&b), "either order");
    assert_eq!((b.earlier.date.as_str(), b.later.date.as_str()), ("2026-03-12", "2026-06-10"));
    let acumen = &b.dimensions[0];
    // Acumen: (50 + 50 + 50) / 3 = 50, then (75 + 75 + 50) / 3 = 66.67: +16.67. People: 25, then 25.
    assert_eq!((acumen.before, acumen.after), (Some(50.0), Some(200.0 / 3.0)));
    assert!((acumen.change.unwrap() - 50.0 / 3.0).abs() < 1e-9);
    assert_eq!(acumen.goals_done.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["g-1", "g-2"]);
    assert_eq!(acumen.evidence.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e-4", "e-3", "e-2", "e-1"]);
    let people = &b.dimensions[1];
    assert_eq!((people.before, people.after, people.change), (Some(25.0), Some(25.0), Some(0.0)));
    assert_eq!(people.goals_done.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(), ["g-7"]);
    assert_eq!(people.evidence.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e-2"]);
    assert_eq!(b.since(), "12 March");
    assert_eq!(
        b.summaries(),
        [
            "Business acumen +17 since 12 March: 2 goals done, 4 notes",
            "People unchanged since 12 March: 1 goal done, 1 note"
        ]
    );
    assert_eq!(b.totals(), (3, 4), "e-2 counted once");
    assert_eq!(since_last_time(&results, "small", &progress), Some(b.clone()));
    assert_eq!(sets_taken_twice(&results), ["small"]);

    // A third attempt: the latest two are the second and the third; any two can still be chosen.
    let mut history = history;
    history.push(finished(&set, "s-3", [5, 5, 5, 1], "2027-01-05T10:00:00Z"));
    let results = score_history(&history, |id, version| set_version(&loaded, &[], Archive::Loaded, id, version));
    let latest = since_last_time(&results, "small", &progress).unwrap();
    assert_eq!((latest.earlier.id.as_str(), latest.later.id.as_str()), ("s-2", "s-3"));
    assert_eq!(latest.since(), "10 June 2026", "another year: with the year");
    assert_eq!(
        latest.summaries(),
        [
            "Business acumen +33 since 10 June 2026: 1 goal done, 2 notes",
            "People \u{2212}25 since 10 June 2026: 0 goals done, 0 notes"
        ]
    );
    let chosen = between(&results[0], &results[2], &progress).unwrap();
    assert_eq!(chosen.dimensions[0].change, Some(50.0));
    assert!(between(&results[0], &results[0], &progress).is_none(), "not two attempts");
    assert!(latest_two(&results[..1], "small").is_none(), "one attempt has nothing to compare");
}

#[test]
fn a_dimension_the_earlier_version_lacked_has_no_change() {
    let old = small_set("1.0.0");
    let mut newer = json!({
        "format": "altitude.question-set/2",
        "id": "small", "version": "2.0.0", "title": "Small set",
        "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
        "dimensions": [{"id": "acumen", "name": "Business acumen"}, {"id": "craft", "name": "Craft"}],
        "roles": [{"id": "lead", "name": "Lead", "stage": 1, "targets": {"acumen": 70, "craft": 70}}],
        "questions": [
            {"id": "a1", "dimension": "acumen", "kind": "likert", "text": "I read the numbers."},
            {"id": "a2", "dimension": "acumen", "kind": "likert", "text": "I talk to finance."},
            {"id": "a3", "dimension": "acumen", "kind": "likert", "text": "I price my bets."},
            {"id": "c1", "dimension": "craft", "kind": "likert", "text": "I review code."}
        ]
    });
    newer["version"] = json!("2.0.0");
    let newer = Arc::new(QuestionSet::load(newer.to_string().as_bytes()).unwrap());
    let history = vec![
        finished(&old, "s-1", [1, 1, 1, 1], "2026-03-12T09:00:00Z"),
        finished(&newer, "s-2", [5, 5, 5, 5], "2026-06-10T09:00:00Z"),
    ];
    let (sets, archived) = ([newer.clone()], [old.clone()]);
    let results = score_history(&history, |id, version| set_version(&sets, &archived, Archive::Loaded, id, version));
    let b = since_last_time(&results, "small", &Progress::default()).unwrap();
    assert_eq!(b.dimensions.iter().map(|d| d.dimension_id.as_str()).collect::<Vec<_>>(), ["acumen", "craft"]);
    assert_eq!(b.dimensions[0].change, Some(100.0));
    assert_eq!((b.dimensions[1].before, b.dimensions[1].change), (None, None));
    assert_eq!(b.summaries()[1], "Craft: no score to compare with 12 March: 0 goals done, 0 notes");
}

#[test]
fn dates_in_words() {
    assert_eq!(date_in_words("2026-03-12", false), "12 March");
    assert_eq!(date_in_words("2026-12-01", true), "1 December 2026");
    assert_eq!(date_in_words("not a date", true), "not a date");
}

// The printed record.

#[test]
fn the_record_gathers_goals_done_notes_by_dimension_and_the_change() {
    let set = small_set("1.0.0");
    let names = DimensionNames::of_set(&set);
    let mut progress = Progress::default();
    progress.goals.push(done_goal("g-1", "people", "2026-04-01T10:00:00Z"));
    progress.goals.push(done_goal("g-2", "acumen", "2026-05-01T23:30:00-02:00"));
    progress.goals.push(goal("g-3", "acumen", "Still open"));
    progress.goals.push(done_goal("g-4", "unknown-dimension", "2026-02-01T10:00:00Z"));
    let mut shared = note("e-1", "2026-04-15", "Ran the pricing review", "people");
    shared.dimension_ids.push("acumen".into());
    shared.goal_id = Some("g-2".into());
    shared.link = Some("https://example.com/review".into());
    progress.evidence.push(shared);
    progress.evidence.push(note("e-2", "2026-05-20", "Later note", "acumen"));

    let record = progress_record(&progress, &names, None);
    assert_eq!(record.period, None);
    assert!(record.changes.is_empty());
    assert_eq!(record.open_goals, 1);
    let goals: Vec<(&str, Vec<(&str, &str)>)> = record
        .goals_done
        .iter()
        .map(|d| (d.name.as_str(), d.lines.iter().map(|l| (l.title.as_str(), l.done_on.as_str())).collect()))
        .collect();
    assert_eq!(
        goals,
        [
            ("Business acumen", vec![("Goal g-2", "2026-05-02")]),
            ("People", vec![("Goal g-1", "2026-04-01")]),
            ("unknown-dimension", vec![("Goal g-4", "2026-02-01")]),
        ],
        "in the set's order, unknown ones after by id; the day in UTC"
    );
    assert_eq!(record.goals_done[0].lines[0].done_on_words, "2 May 2026");
    let notes: Vec<(&str, Vec<&str>)> =
        record.evidence.iter().map(|d| (d.name.as_str(), d.lines.iter().map(|l| l.text.as_str()).collect())).collect();
    assert_eq!(
        notes,
        [("Business acumen", vec!["Later note", "Ran the pricing review"]), ("People", vec!["Ran the pricing review"])]
    );
    let line = &record.evidence[1].lines[0];
    assert_eq!(
        (line.date_words.as_str(), line.link.as_deref(), line.goal.as_deref()),
        ("15 April 2026", Some("https://example.com/review"), Some("Goal g-2"))
    );

    let history = vec![
        finished(&set, "s-1", [3, 3, 3, 2], "2026-03-12T09:00:00Z"),
        finished(&set, "s-2", [4, 4, 3, 2], "2026-05-10T15:30:00Z"),
    ];
    let loaded = [set.clone()];
    let results = score_history(&history, |id, version| set_version(&loaded, &[], Archive::Loaded, id, version));
    let b = since_last_time(&results, "small", &progress).unwrap();
    let record = progress_record(&progress, &names, Some(&b));
    let period = record.period.as_ref().unwrap();
    assert_eq!((period.from_words.as_str(), period.to_words.as_str()), ("12 March 2026", "10 May 2026"));
    assert_eq!(
        record.changes.iter().map(|c| c.summary.as_str()).collect::<Vec<_>>(),
        [
            "Business acumen +17 since 12 March: 1 goal done, 1 note",
            "People unchanged since 12 March: 1 goal done, 1 note"
        ]
    );
    assert_eq!(
        record.goals_done.iter().map(|d| d.dimension_id.as_str()).collect::<Vec<_>>(),
        ["acumen", "people"],
        "the window's only: g-4 was done before it"
    );
    assert_eq!(
        record.evidence[0].lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(),
        ["Ran the pricing review"]
    );
}

// The calendar.

/// The content lines of an iCalendar text, unfolded, after checking what RFC 5545 asks of its
/// physical lines: each ends with CRLF, none is longer than 75 octets, a continuation starts with a
/// space, and no line break is cut inside a character (the text is UTF-8, line by line).
fn content_lines(ics: &str) -> Vec<String> {
    assert!(ics.ends_with("\r\n"), "ends with CRLF");
    let physical: Vec<&str> = ics.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    let mut lines: Vec<String> = Vec::new();
    for line in physical {
        assert!(!line.contains('\n') && !line.contains('\r'), "a bare line break in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a continuation follows a line").push_str(rest),
            None => lines.push(line.to_owned()),
        }
    }
    lines
}

/// The value of a TEXT, unescaped.
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("a lone backslash"),
            }
        } else {
            assert!(c != ';' && c != ',', "an unescaped {c:?} in {value:?}");
            out.push(c);
        }
    }
    out
}

/// Each event's properties (name with parameters, value), after checking the calendar's frame.
fn events(ics: &str) -> Vec<Vec<(String, String)>> {
    let lines = content_lines(ics);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.contains(&"VERSION:2.0".to_owned()) && lines.iter().any(|l| l.starts_with("PRODID:")));
    let mut events = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in &lines[1..lines.len() - 1] {
        let (name, value) = line.split_once(':').expect("name:value");
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => events.push(current.take().expect("an event to end")),
            _ => {
                if let Some(event) = current.as_mut() {
                    event.push((name.to_owned(), value.to_owned()));
                }
            }
        }
    }
    for event in &events {
        for required in ["UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY", "DESCRIPTION"] {
            assert_eq!(event.iter().filter(|(n, _)| n == required).count(), 1, "{required} in {event:?}");
        }
        let description = &event.iter().find(|(n, _)| n == "DESCRIPTION").unwrap().1;
        assert!(!unescape(description).contains("://"), "links to nothing: {description}");
    }
    events
}

fn value<'e>(event: &'e [(String, String)], name: &str) -> &'e str {
    &event.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} in {event:?}")).1
}

#[test]
fn text_is_escaped_and_long_lines_folded_without_cutting_a_character() {
    assert_eq!(escape("a\\b;c,d\ne\r\nf\rg\u{7}h\ti"), "a\\\\b\\;c\\,d\\ne\\nf\\ngh\ti");
    let mut out = String::new();
    // 8 + 200 octets: "SUMMARY:" and 33 é (74: a 34th would make 76), then a space and 37 é (75),
    // then a space and the 30 left (61).
    let line = format!("SUMMARY:{}", "é".repeat(100));
    push_line(&mut out, &line);
    let physical: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
    assert_eq!(physical.iter().map(|l| l.len()).collect::<Vec<_>>(), [74, 75, 61]);
    assert_eq!(physical.concat().replace(" é", "é"), line, "only the folding spaces added");
    let mut short = String::new();
    push_line(&mut short, &"x".repeat(75));
    assert_eq!(short, format!("{}\r\n", "x".repeat(75)), "75 octets fit");
    let mut emoji = String::new();
    push_line(&mut emoji, &format!("X:{}", "🎯".repeat(40)));
    for physical in emoji.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(physical.len() <= 75 && std::str::from_utf8(physical.as_bytes()).is_ok());
    }
}

#[test]
fn the_calendar_has_the_plans_check_ins_and_open_goals_due_dates() {
    let set = Arc::new(QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).unwrap());
    // Every habit "rarely", every scenario and ladder its first option: focus areas with guidance.
    let answers = set.questions.iter().map(|q| match q.kind {
        QuestionKind::Likert { .. } => Some(Response::Point(2)),
        _ => Some(Response::Option(0)),
    });
    let responses = altitude::model::Responses(answers.collect());
    let report = altitude::scoring::score(&set, &responses, 2);
    let plan = altitude::scoring::development_plan(&set, &report, Some("2026-11-21T10:00:00Z"));
    let names = DimensionNames::of_set(&set);
    let dimension = &set.dimensions[0];

    let mut progress = Progress::default();
    let mut due = goal("g-1", &dimension.id, "Write the strategy; share it, then \\ revise");
    due.due = Some("2027-01-15".into());
    due.done_looks_like = Some("Two peers\nreviewed it".into());
    due.source = Some(GoalSource { kind: SourceKind::Practice, text: "Write a one-page strategy".into() });
    progress.goals.push(due);
    let mut done = goal("g-2", &dimension.id, "Already done");
    done.due = Some("2027-01-01".into());
    done.status = GoalStatus::Done;
    progress.goals.push(done);
    let mut dropped = goal("g-3", &dimension.id, "Dropped");
    dropped.due = Some("2027-01-02".into());
    dropped.status = GoalStatus::Dropped;
    progress.goals.push(dropped);
    progress.goals.push(goal("g-4", &dimension.id, "No date"));
    let mut deleted = goal("g-5", &dimension.id, "Deleted");
    deleted.due = Some("2027-01-03".into());
    progress.goals.push(deleted.tombstone("2026-11-22T10:00:00Z"));
    let mut doing = goal("g-6", "not-in-this-set", "Ünïcödé goal — with a long title to fold: ".repeat(3).trim());
    doing.due = Some("2026-12-24".into());
    doing.status = GoalStatus::Doing;
    progress.goals.push(doing);

    let roadmap = Roadmap { attempt_id: "cto-readiness-1763719200000-42", plan: &plan };
    let ics = calendar(Some(roadmap), &progress, &names, "2026-11-21T10:15:30.250Z");
    let listed = events(&ics);
    let summaries: Vec<String> = listed.iter().map(|e| unescape(value(e, "SUMMARY"))).collect();
    assert_eq!(
        summaries,
        [
            "Altitude check-in: day 30 of your CTO readiness roadmap",
            "Altitude check-in: day 60 of your CTO readiness roadmap",
            "Altitude check-in: day 90 of your CTO readiness roadmap",
            &format!("Goal due: {}", "Ünïcödé goal — with a long title to fold: ".repeat(3).trim()),
            "Goal due: Write the strategy; share it, then \\ revise",
        ]
    );
    // The plan's own dates: the completion day plus 30, 60 and 90 days; then the goals' due dates.
    let starts: Vec<&str> = listed.iter().map(|e| value(e, "DTSTART;VALUE=DATE")).collect();
    assert_eq!(starts, ["20261221", "20270120", "20270219", "20261224", "20270115"]);
    assert_eq!(
        plan.milestones.iter().map(|m| m.date.clone().unwrap().replace('-', "")).collect::<Vec<_>>(),
        starts[..3]
    );
    let ends: Vec<&str> = listed.iter().map(|e| value(e, "DTEND;VALUE=DATE")).collect();
    assert_eq!(ends, ["20261222", "20270121", "20270220", "20261225", "20270116"]);
    assert!(listed.iter().all(|e| value(e, "DTSTAMP") == "20261121T101530Z"));
    let uids: Vec<&str> = listed.iter().map(|e| value(e, "UID")).collect();
    assert_eq!(
        uids,
        [
            "cto-readiness-1763719200000-42-day-30@altitude",
            "cto-readiness-1763719200000-42-day-60@altitude",
            "cto-readiness-1763719200000-42-day-90@altitude",
            "goal-g-6@altitude",
            "goal-g-1@altitude"
        ]
    );
    let description = unescape(value(&listed[4], "DESCRIPTION"));
    assert!(
        description.starts_with(&format!("Your Altitude goal in {} is due (now planned).\n", dimension.name)),
        "{description}"
    );
    assert!(description.contains("Done looks like: Two peers\nreviewed it\n"), "{description}");
    assert!(description.contains("From your roadmap (practice): Write a one-page strategy"), "{description}");
    assert!(value(&listed[4], "SUMMARY").contains("strategy\\; share it\\, then \\\\ revise"));
    assert!(unescape(value(&listed[3], "DESCRIPTION"))
        .starts_with("Your Altitude goal in not-in-this-set is due (now doing)."));
    let day_30 = unescape(value(&listed[0], "DESCRIPTION"));
    assert!(
        day_30.starts_with("Day 30 of the roadmap from your CTO readiness result of 2026-11-21 (target: "),
        "{day_30}"
    );
    for item in &plan.milestones[0].items {
        assert!(day_30.contains(&format!("\n- {}", item.text)), "{day_30}");
    }
    assert!(ics.lines().all(|l| l.len() <= 76), "75 octets and the CR");

    // The same items give the same UIDs: importing the file again updates the events.
    let again = calendar(Some(roadmap), &progress, &names, "2026-12-01T08:00:00Z");
    let uids_again: Vec<String> = events(&again).iter().map(|e| value(e, "UID").to_owned()).collect();
    assert_eq!(uids_again, uids);
    // Without a roadmap, only the goals; without a completion date, no check-ins.
    assert_eq!(events(&calendar(None, &progress, &names, "2026-12-01T08:00:00Z")).len(), 2);
    let undated = altitude::scoring::development_plan(&set, &report, None);
    let roadmap = Roadmap { attempt_id: "x", plan: &undated };
    assert_eq!(events(&calendar(Some(roadmap), &Progress::default(), &names, "2026-12-01T08:00:00Z")).len(), 0);
}
