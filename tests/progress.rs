//! Goals and notes of evidence between two attempts (issue 28): their rules and the merge of two
//! versions.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

use altitude::model::ProblemKind;
use altitude::progress::{
    later_than, link_problem, DimensionNames, Evidence, Goal, GoalSource, GoalStatus, Progress, SourceKind,
};

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
