//! Between two attempts (issue 28): the goals a person sets from their roadmap and the evidence they
//! log, as plain data with their rules, the merge of two versions (two tabs, an import), and the reads
//! the screens draw. `between.rs` puts them beside the change in scores, `calendar.rs` writes the
//! check-ins as an `.ics` file, `record.rs` gathers the printed record. Pure: `stored.rs` keeps them,
//! `session/progress.rs` changes them; never in a host event.
//!
//! Every goal and note has an id made by the caller and an `updated_at` time. Deleting one leaves a
//! tombstone (its id and the time, nothing of what it said), so that merging two versions by id,
//! the newer `updated_at` winning, keeps it deleted when another tab still has the old one.

pub mod between;
pub mod calendar;
pub mod record;

use std::cmp::Ordering;
use std::sync::Arc;

use serde::Serialize;

use crate::i18n::{msg, tr, trf, trn};
use crate::model::json::Json;
use crate::model::problem::{Location, Problem, ProblemKind, Problems};
use crate::model::reader::{self as r, optional, read_object, required, JsonType as T, ObjectSpec};
use crate::model::{timestamp, QuestionSet};

/// The longest id of a goal or a note (and of a dimension or set it names).
pub const MAX_ID_CHARS: usize = 100;
/// A goal's title: 1 to this many characters, not counting surrounding spaces.
pub const MAX_TITLE_CHARS: usize = 300;
/// What done looks like, when said.
pub const MAX_DONE_LOOKS_LIKE_CHARS: usize = 500;
/// The text of the roadmap item a goal was made from.
pub const MAX_SOURCE_CHARS: usize = 1000;
/// A note of evidence: 1 to this many characters.
pub const MAX_EVIDENCE_CHARS: usize = 1000;
/// The longest link a note keeps.
pub const MAX_LINK_CHARS: usize = 2000;
/// The most dimensions one note names.
pub const MAX_NOTE_DIMENSIONS: usize = 50;

/// Where a goal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    Planned,
    Doing,
    Done,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [GoalStatus::Planned, GoalStatus::Doing, GoalStatus::Done, GoalStatus::Dropped];

    /// As stored: `planned`, `doing`, `done`, `dropped`.
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Planned => "planned",
            GoalStatus::Doing => "doing",
            GoalStatus::Done => "done",
            GoalStatus::Dropped => "dropped",
        }
    }

    pub fn parse(text: &str) -> Option<GoalStatus> {
        GoalStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// As shown: "Planned", "Doing", "Done", "Dropped", in English, marked for the catalog: the
    /// screens show `tr(status.label())`.
    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Planned => msg("Planned"),
            GoalStatus::Doing => msg("Doing"),
            GoalStatus::Done => msg("Done"),
            GoalStatus::Dropped => msg("Dropped"),
        }
    }

    /// Still to do (planned or doing): its due date goes into the calendar.
    pub fn is_open(self) -> bool {
        matches!(self, GoalStatus::Planned | GoalStatus::Doing)
    }

    /// The order goals are listed in: what is under way first, then planned, done, dropped.
    fn rank(self) -> u8 {
        match self {
            GoalStatus::Doing => 0,
            GoalStatus::Planned => 1,
            GoalStatus::Done => 2,
            GoalStatus::Dropped => 3,
        }
    }
}

/// The kind of roadmap item a goal was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A focus area's first step (the set's `first_step`).
    FirstStep,
    /// One of a focus area's practices.
    Practice,
    /// One of a focus area's projects.
    Project,
}

impl SourceKind {
    pub const ALL: [SourceKind; 3] = [SourceKind::FirstStep, SourceKind::Practice, SourceKind::Project];

    /// As stored: `first-step`, `practice`, `project`.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::FirstStep => "first-step",
            SourceKind::Practice => "practice",
            SourceKind::Project => "project",
        }
    }

    pub fn parse(text: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// As shown: "First step", "Practice", "Project", in English, marked for the catalog: the
    /// screens show `tr(kind.label())`.
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::FirstStep => msg("First step"),
            SourceKind::Practice => msg("Practice"),
            SourceKind::Project => msg("Project"),
        }
    }
}

impl GoalSource {
    /// "From your roadmap (practice): …", in the language spoken: one sentence per kind, so that
    /// no translation has to lower-case a label.
    pub fn from_roadmap(&self) -> String {
        let text = [self.text.as_str()];
        match self.kind {
            SourceKind::FirstStep => trf("From your roadmap (first step): {text}", &text),
            SourceKind::Practice => trf("From your roadmap (practice): {text}", &text),
            SourceKind::Project => trf("From your roadmap (project): {text}", &text),
        }
    }
}

/// The roadmap item a goal was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalSource {
    pub kind: SourceKind,
    /// The item's text, as the roadmap showed it.
    pub text: String,
}

/// Something the person means to do about one dimension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// Made by the caller, unique among goals.
    pub id: String,
    /// The dimension it is about (its id in the set).
    pub dimension_id: String,
    /// The set whose roadmap it was made for, if it was.
    pub set_id: Option<String>,
    /// 1–300 characters.
    pub title: String,
    /// What done looks like (at most 500 characters).
    pub done_looks_like: Option<String>,
    /// `YYYY-MM-DD`.
    pub due: Option<String>,
    pub status: GoalStatus,
    /// The roadmap item it was made from; `None` when the person wrote it.
    pub source: Option<GoalSource>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339: the newer of two versions wins.
    pub updated_at: String,
    /// Deleted: a tombstone, which keeps its id and times and nothing else.
    pub deleted: bool,
}

/// A dated note of what the person did, tied to one or more dimensions and maybe a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Made by the caller, unique among notes.
    pub id: String,
    /// `YYYY-MM-DD`: when it happened.
    pub date: String,
    /// 1–1,000 characters.
    pub text: String,
    /// An `http://` or `https://` address, never anything else.
    pub link: Option<String>,
    /// The dimensions it shows (ids), one or more.
    pub dimension_ids: Vec<String>,
    /// The goal it is evidence for. A goal deleted later leaves the id here; reads ignore it.
    pub goal_id: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339: the newer of two versions wins.
    pub updated_at: String,
    /// Deleted: a tombstone, which keeps its id and times and nothing else.
    pub deleted: bool,
}

/// Every goal and note kept, tombstones included (in the order they were created).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub goals: Vec<Goal>,
    pub evidence: Vec<Evidence>,
}

impl Goal {
    /// A new goal, planned, with nothing but what it needs: the caller sets the rest.
    pub fn new(id: &str, dimension_id: &str, title: &str, at: &str) -> Goal {
        Goal {
            id: id.to_owned(),
            dimension_id: dimension_id.to_owned(),
            set_id: None,
            title: title.to_owned(),
            done_looks_like: None,
            due: None,
            status: GoalStatus::Planned,
            source: None,
            created_at: at.to_owned(),
            updated_at: at.to_owned(),
            deleted: false,
        }
    }

    /// Whatever fails the goal rules, each at its field (`title`, `due`, `source.text`, ...).
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Problems::default();
        check_id(&mut problems, "id", &self.id);
        check_time(&mut problems, "created_at", &self.created_at);
        check_time(&mut problems, "updated_at", &self.updated_at);
        if self.deleted {
            return problems.into_vec();
        }
        check_id(&mut problems, "dimension", &self.dimension_id);
        if let Some(set) = &self.set_id {
            check_id(&mut problems, "set", set);
        }
        check_text(&mut problems, "title", &self.title, 1, MAX_TITLE_CHARS);
        if let Some(done) = &self.done_looks_like {
            check_text(&mut problems, "done_looks_like", done, 0, MAX_DONE_LOOKS_LIKE_CHARS);
        }
        if let Some(due) = &self.due {
            check_date(&mut problems, "due", due);
        }
        if let Some(source) = &self.source {
            check_text(&mut problems, "source.text", &source.text, 1, MAX_SOURCE_CHARS);
        }
        problems.into_vec()
    }

    /// Its text trimmed, and an empty "done looks like" or due date as none.
    pub fn tidy(&mut self) {
        trim(&mut self.title);
        tidy_option(&mut self.done_looks_like);
        tidy_option(&mut self.due);
        tidy_option(&mut self.set_id);
        if let Some(source) = &mut self.source {
            trim(&mut source.text);
        }
    }

    /// What is left of it once deleted at `at`: its id and times.
    pub fn tombstone(&self, at: &str) -> Goal {
        Goal {
            id: self.id.clone(),
            dimension_id: String::new(),
            set_id: None,
            title: String::new(),
            done_looks_like: None,
            due: None,
            status: GoalStatus::Dropped,
            source: None,
            created_at: self.created_at.clone(),
            updated_at: at.to_owned(),
            deleted: true,
        }
    }

    /// Reads a goal as stored or exported, checking every rule.
    pub fn from_tree(tree: &Json) -> Result<Goal, Vec<Problem>> {
        let mut problems = Problems::default();
        let read = read_goal(tree, &mut problems);
        let goal = problems.finish(read)?;
        let found = goal.problems();
        if found.is_empty() {
            Ok(goal)
        } else {
            Err(found)
        }
    }
}

impl Evidence {
    /// A new note about `dimension_id`, dated `date`: the caller sets the rest.
    pub fn new(id: &str, date: &str, text: &str, dimension_id: &str, at: &str) -> Evidence {
        Evidence {
            id: id.to_owned(),
            date: date.to_owned(),
            text: text.to_owned(),
            link: None,
            dimension_ids: vec![dimension_id.to_owned()],
            goal_id: None,
            created_at: at.to_owned(),
            updated_at: at.to_owned(),
            deleted: false,
        }
    }

    /// Whatever fails the note rules, each at its field (`text`, `link`, `dimensions[1]`, ...).
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Problems::default();
        check_id(&mut problems, "id", &self.id);
        check_time(&mut problems, "created_at", &self.created_at);
        check_time(&mut problems, "updated_at", &self.updated_at);
        if self.deleted {
            return problems.into_vec();
        }
        check_date(&mut problems, "date", &self.date);
        check_text(&mut problems, "text", &self.text, 1, MAX_EVIDENCE_CHARS);
        if let Some(link) = &self.link {
            if let Some(why) = link_problem(link) {
                problems.add("link", ProblemKind::Inconsistent, why);
            }
        }
        if self.dimension_ids.is_empty() {
            problems.add("dimensions", ProblemKind::BadLength, tr("a note is about at least one dimension"));
        } else if self.dimension_ids.len() > MAX_NOTE_DIMENSIONS {
            problems.add(
                "dimensions",
                ProblemKind::BadLength,
                trf(
                    "a note is about at most {max} dimensions; found {found}",
                    &[&MAX_NOTE_DIMENSIONS.to_string(), &self.dimension_ids.len().to_string()],
                ),
            );
        }
        for (i, dimension) in self.dimension_ids.iter().enumerate() {
            let path = r::index("dimensions", i);
            check_id(&mut problems, &path, dimension);
            if self.dimension_ids[..i].contains(dimension) {
                problems.add(&path, ProblemKind::DuplicateId, trf("\"{dimension}\" is named twice", &[dimension]));
            }
        }
        if let Some(goal) = &self.goal_id {
            check_id(&mut problems, "goal", goal);
        }
        problems.into_vec()
    }

    /// Its text trimmed, and an empty link or goal as none.
    pub fn tidy(&mut self) {
        trim(&mut self.text);
        trim(&mut self.date);
        tidy_option(&mut self.link);
        tidy_option(&mut self.goal_id);
    }

    /// What is left of it once deleted at `at`: its id and times.
    pub fn tombstone(&self, at: &str) -> Evidence {
        Evidence {
            id: self.id.clone(),
            date: String::new(),
            text: String::new(),
            link: None,
            dimension_ids: Vec::new(),
            goal_id: None,
            created_at: self.created_at.clone(),
            updated_at: at.to_owned(),
            deleted: true,
        }
    }

    /// Whether it is about the dimension `id`.
    pub fn is_about(&self, id: &str) -> bool {
        self.dimension_ids.iter().any(|d| d == id)
    }

    /// Reads a note as stored or exported, checking every rule (a `javascript:` link refuses it).
    pub fn from_tree(tree: &Json) -> Result<Evidence, Vec<Problem>> {
        let mut problems = Problems::default();
        let read = read_evidence(tree, &mut problems);
        let evidence = problems.finish(read)?;
        let found = evidence.problems();
        if found.is_empty() {
            Ok(evidence)
        } else {
            Err(found)
        }
    }
}

/// Why `link` is not a link a note may keep, if it is not: only `https://` and `http://` addresses
/// of a site, whole, without spaces. `javascript:`, `data:`, `file:` and every other scheme are
/// refused, and so is anything a browser would read as one once it dropped the spaces and tabs.
pub fn link_problem(link: &str) -> Option<String> {
    let length = link.chars().count();
    if length == 0 {
        return Some(tr("must not be empty; leave it out instead"));
    }
    if length > MAX_LINK_CHARS {
        return Some(trf(
            "must be at most {max} characters; found {found}",
            &[&MAX_LINK_CHARS.to_string(), &length.to_string()],
        ));
    }
    if link.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(tr("must be one web address, without spaces or line breaks"));
    }
    let scheme_end = link.bytes().position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.')));
    let scheme = match scheme_end {
        Some(end) if end > 0 && link.as_bytes()[end] == b':' && link.as_bytes()[0].is_ascii_alphabetic() => {
            link[..end].to_ascii_lowercase()
        }
        _ => return Some(tr("must be a web address starting with https:// (or http://)")),
    };
    if scheme != "https" && scheme != "http" {
        let shown: String = scheme.chars().take(20).collect();
        return Some(trf(
            "must be a web address starting with https:// (or http://); a \"{scheme}:\" link is not kept",
            &[&shown],
        ));
    }
    let rest = &link[scheme.len() + 1..];
    let site = rest.strip_prefix("//").map(|rest| rest.split(['/', '?', '#']).next().unwrap_or(""));
    match site {
        Some(site) if !site.is_empty() && !site.starts_with(['@', ':']) => None,
        _ => Some(trf("must name a site after {scheme}://", &[&scheme])),
    }
}

fn trim(text: &mut String) {
    let trimmed = text.trim();
    if trimmed.len() != text.len() {
        *text = trimmed.to_owned();
    }
}

fn tidy_option(text: &mut Option<String>) {
    if let Some(t) = text {
        trim(t);
    }
    if text.as_deref() == Some("") {
        *text = None;
    }
}

fn check_id(problems: &mut Problems, path: &str, id: &str) {
    let length = id.chars().count();
    if length == 0 || length > MAX_ID_CHARS || id.trim().len() != id.len() || id.chars().any(char::is_control) {
        problems.add(
            path,
            ProblemKind::BadIdentifier,
            trf("must be an id of 1–{max} characters, without surrounding spaces", &[&MAX_ID_CHARS.to_string()]),
        );
    }
}

fn check_text(problems: &mut Problems, path: &str, text: &str, min: usize, max: usize) {
    let length = text.trim().chars().count();
    if length < min || length > max {
        let (min, max, found) = (min.to_string(), max.to_string(), length.to_string());
        let message = if length == 0 {
            trf("must not be empty (at most {max} characters)", &[&max])
        } else {
            trf(
                "must be {min}–{max} characters (not counting surrounding spaces); found {found}",
                &[&min, &max, &found],
            )
        };
        problems.add(path, ProblemKind::BadLength, message);
    }
}

fn check_date(problems: &mut Problems, path: &str, date: &str) {
    if parse_date(date).is_none() {
        problems.add(path, ProblemKind::BadTimestamp, trf("must be a date as YYYY-MM-DD; found \"{date}\"", &[date]));
    }
}

fn check_time(problems: &mut Problems, path: &str, time: &str) {
    if instant(time).is_none() {
        problems.add(
            path,
            ProblemKind::BadTimestamp,
            trf("must be an RFC 3339 time such as 2026-11-21T10:00:00Z; found \"{time}\"", &[time]),
        );
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date; `None` when the text is not one.
pub fn parse_date(date: &str) -> Option<i64> {
    if date.len() != 10 {
        return None;
    }
    timestamp::parse_rfc3339(&format!("{date}T00:00:00Z")).map(|seconds| seconds.div_euclid(86_400))
}

/// An RFC 3339 time as seconds and nanoseconds since the epoch, so that two edits within one second
/// (the widget writes milliseconds) are told apart; `None` when the text is not one.
pub fn instant(time: &str) -> Option<(i64, u32)> {
    let seconds = timestamp::parse_rfc3339(time)?;
    let fraction = time.get(19..).and_then(|rest| rest.strip_prefix('.')).unwrap_or("");
    let digits = fraction.bytes().take_while(u8::is_ascii_digit).take(9);
    let (mut nanos, mut count) = (0u32, 0);
    for digit in digits {
        nanos = nanos * 10 + u32::from(digit - b'0');
        count += 1;
    }
    Some((seconds, nanos * 10u32.pow(9 - count)))
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` for an instant: what the widget's clock writes.
pub fn format_instant((seconds, nanos): (i64, u32)) -> String {
    let whole = timestamp::format_rfc3339(seconds);
    format!("{}.{:03}Z", &whole[..19], nanos / 1_000_000)
}

/// `at`, or, when it is not later than `previous` (a clock set back), a millisecond after
/// `previous`: an edit is always newer than what it changed, so it wins every merge.
pub fn later_than(previous: &str, at: &str) -> String {
    match (instant(previous), instant(at)) {
        (Some(before), Some(now)) if now <= before => {
            let millis = before.1 / 1_000_000 + 1;
            format_instant((before.0 + i64::from(millis / 1000), (millis % 1000) * 1_000_000))
        }
        _ => at.to_owned(),
    }
}

/// Whether version `a` of an item wins over version `b` of it: the newer `updated_at`; at the same
/// time a deletion; else neither (`Equal`: the kept one stays).
fn newer(a: (&str, bool), b: (&str, bool)) -> Ordering {
    instant(a.0).cmp(&instant(b.0)).then(a.1.cmp(&b.1))
}

/// What a merge brought in: goals and notes that were not here, or replaced an older version.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Merged {
    pub goals: usize,
    pub evidence: usize,
}

impl Merged {
    pub fn any(self) -> bool {
        self.goals + self.evidence > 0
    }
}

/// What merging needs of a goal or a note.
trait Item: Clone {
    fn id(&self) -> &str;
    fn version(&self) -> (&str, bool);
    fn created(&self) -> &str;
}

impl Item for Goal {
    fn id(&self) -> &str {
        &self.id
    }
    fn version(&self) -> (&str, bool) {
        (&self.updated_at, self.deleted)
    }
    fn created(&self) -> &str {
        &self.created_at
    }
}

impl Item for Evidence {
    fn id(&self) -> &str {
        &self.id
    }
    fn version(&self) -> (&str, bool) {
        (&self.updated_at, self.deleted)
    }
    fn created(&self) -> &str {
        &self.created_at
    }
}

/// Folds `incoming` into `kept` by id, the newer version winning; kept in the order they were
/// created (then by id), so two tabs list them alike. Returns how many came in.
fn merge_items<T: Item>(kept: &mut Vec<T>, incoming: &[T]) -> usize {
    let mut count = 0;
    for item in incoming {
        match kept.iter_mut().find(|k| k.id() == item.id()) {
            Some(k) if newer(item.version(), k.version()).is_gt() => {
                *k = item.clone();
                count += usize::from(!item.version().1);
            }
            Some(_) => {}
            None => {
                kept.push(item.clone());
                count += usize::from(!item.version().1);
            }
        }
    }
    crate::sorting::sort_by(kept, |a, b| {
        instant(a.created()).cmp(&instant(b.created())).then_with(|| a.id().cmp(b.id()))
    });
    count
}

impl Progress {
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty() && self.evidence.is_empty()
    }

    /// Folds `other` (another tab's, or an import's) in: per id the newer version wins, and a
    /// deletion is a version like any edit, so a goal deleted here stays deleted however old the
    /// copy that comes in. Returns what came in (live items new here or newer than the kept ones).
    pub fn merge(&mut self, other: &Progress) -> Merged {
        Merged {
            goals: merge_items(&mut self.goals, &other.goals),
            evidence: merge_items(&mut self.evidence, &other.evidence),
        }
    }

    /// The goals not deleted, in the order they were made.
    pub fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(|g| !g.deleted)
    }

    /// The notes not deleted, in the order they were made.
    pub fn notes(&self) -> impl Iterator<Item = &Evidence> {
        self.evidence.iter().filter(|e| !e.deleted)
    }

    /// How many goals are open (planned or under way) in the dimension `dimension_id`.
    pub fn open_goals_in(&self, dimension_id: &str) -> usize {
        self.goals().filter(|g| g.dimension_id == dimension_id && g.status.is_open()).count()
    }

    /// The goal `id`, unless deleted.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals().find(|g| g.id == id)
    }

    /// The note `id`, unless deleted.
    pub fn note(&self, id: &str) -> Option<&Evidence> {
        self.notes().find(|e| e.id == id)
    }

    /// The goals by dimension, each dimension with goals once, in the order of `names` (then any
    /// dimension it does not know, by id); within a dimension what is under way first, then
    /// planned, done and dropped, each by due date (none last), then as made.
    pub fn goals_by_dimension(&self, names: &DimensionNames) -> Vec<DimensionGoals> {
        let mut goals: Vec<&Goal> = self.goals().collect();
        crate::sorting::sort_by(&mut goals, |a, b| {
            a.status.rank().cmp(&b.status.rank()).then_with(|| match (&a.due, &b.due) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            })
        });
        names
            .order(goals.iter().map(|g| g.dimension_id.as_str()))
            .into_iter()
            .map(|(dimension_id, name)| DimensionGoals {
                goals: goals.iter().filter(|g| g.dimension_id == dimension_id).map(|g| (*g).clone()).collect(),
                dimension_id,
                name,
            })
            .collect()
    }

    /// The notes as a timeline: newest date first, then the one written last first.
    pub fn evidence_newest_first(&self) -> Vec<&Evidence> {
        let mut notes: Vec<&Evidence> = self.notes().collect();
        newest_first(&mut notes);
        notes
    }

    /// The notes tied to the goal `id`, newest first.
    pub fn evidence_for_goal(&self, id: &str) -> Vec<&Evidence> {
        let mut notes: Vec<&Evidence> = self.notes().filter(|e| e.goal_id.as_deref() == Some(id)).collect();
        newest_first(&mut notes);
        notes
    }
}

/// How many goals open in one dimension a person keeps moving: the screens nudge past it, and
/// nothing stops more.
pub const GOALS_AT_A_TIME: usize = 3;

/// The nudge for a dimension with `open` goals open, named `name`; none up to
/// [`GOALS_AT_A_TIME`].
pub fn goals_nudge(open: usize, name: &str) -> Option<String> {
    (open > GOALS_AT_A_TIME).then(|| {
        trn(
            open,
            "{n} goal is open in {dimension}. One to three at a time are easier to keep moving: finish or drop one \
             before you add the next.",
            "{n} goals are open in {dimension}. One to three at a time are easier to keep moving: finish or drop one \
             before you add the next.",
            &[name],
        )
    })
}

/// Newest date first, then the one written last first.
fn newest_first(notes: &mut Vec<&Evidence>) {
    crate::sorting::sort_by(notes, |a, b| {
        b.date.cmp(&a.date).then_with(|| instant(&b.created_at).cmp(&instant(&a.created_at)))
    });
}

/// One dimension's goals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionGoals {
    pub dimension_id: String,
    /// Its name, or its id when no set at hand names it.
    pub name: String,
    pub goals: Vec<Goal>,
}

/// Dimension ids with their names, in the order the screens list them: what goals and notes name
/// is only an id, which the sets at hand put a name to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DimensionNames(pub Vec<(String, String)>);

impl DimensionNames {
    /// The dimensions of `sets`, in the order of the sets and of their dimensions, each id once
    /// (the first set that has it names it).
    pub fn of_sets(sets: &[Arc<QuestionSet>]) -> DimensionNames {
        let mut names = DimensionNames::default();
        for set in sets {
            names.add(set);
        }
        names
    }

    /// The dimensions of one set, in its order.
    pub fn of_set(set: &QuestionSet) -> DimensionNames {
        let mut names = DimensionNames::default();
        names.add(set);
        names
    }

    fn add(&mut self, set: &QuestionSet) {
        for dimension in &set.dimensions {
            if !self.0.iter().any(|(id, _)| *id == dimension.id) {
                self.0.push((dimension.id.clone(), dimension.name.clone()));
            }
        }
    }

    /// The name of the dimension `id`; the id itself when none is known.
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.0.iter().find(|(known, _)| known == id).map_or(id, |(_, name)| name.as_str())
    }

    /// The ids in `ids`, each once, with their names: known ones in this order, then the others
    /// by id.
    pub fn order<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
        let mut present: Vec<&str> = Vec::new();
        for id in ids {
            if !present.contains(&id) {
                present.push(id);
            }
        }
        let position = |id: &str| self.0.iter().position(|(known, _)| known == id).unwrap_or(usize::MAX);
        crate::sorting::sort_by(&mut present, |a, b| position(a).cmp(&position(b)).then_with(|| a.cmp(b)));
        present.into_iter().map(|id| (id.to_owned(), self.name(id).to_owned())).collect()
    }
}

// Reading and writing, as stored on the device and in the export file.

static GOAL_SPEC: ObjectSpec = ObjectSpec {
    name: "a goal",
    keys: &[
        required("id", T::String),
        optional("dimension", T::String),
        optional("set", T::String),
        optional("title", T::String),
        optional("done_looks_like", T::String),
        optional("due", T::String),
        optional("status", T::String),
        optional("source", T::Object),
        required("created_at", T::String),
        required("updated_at", T::String),
        optional("deleted", T::Boolean),
    ],
};

static SOURCE_SPEC: ObjectSpec =
    ObjectSpec { name: "a goal's source", keys: &[required("kind", T::String), required("text", T::String)] };

static EVIDENCE_SPEC: ObjectSpec = ObjectSpec {
    name: "a note",
    keys: &[
        required("id", T::String),
        optional("date", T::String),
        optional("text", T::String),
        optional("link", T::String),
        optional("dimensions", T::Array),
        optional("goal", T::String),
        required("created_at", T::String),
        required("updated_at", T::String),
        optional("deleted", T::Boolean),
    ],
};

// A reader builds the goal or note whatever is missing (an absent text as empty, which its rules
// then refuse at its path) and leaves every check to `problems()`: one way out, rather than one per
// field, each dropping what was read before it, halves the code these readers add to the wasm.

/// The text under `key`; empty when absent (or, reported, not a text).
fn text_field(fields: &r::Fields, key: &str, problems: &mut Problems) -> String {
    r::string(fields, key, problems).unwrap_or_default()
}

/// Reads a goal's fields; the goal rules are checked after, by [`Goal::problems`].
fn read_goal(tree: &Json, problems: &mut Problems) -> Option<Goal> {
    let fields = read_object(tree, "", &GOAL_SPEC, problems)?;
    let deleted = r::boolean(&fields, "deleted", problems).unwrap_or(false);
    let status = r::string(&fields, "status", problems);
    let status = match status.as_deref().map(GoalStatus::parse) {
        Some(Some(status)) => status,
        _ if deleted => GoalStatus::Dropped,
        _ => {
            problems.add("status", ProblemKind::Inconsistent, "must be planned, doing, done or dropped");
            GoalStatus::Planned
        }
    };
    let source = fields.get("source").and_then(|source| read_source(source, problems));
    let goal = Goal {
        id: text_field(&fields, "id", problems),
        dimension_id: text_field(&fields, "dimension", problems),
        set_id: r::string(&fields, "set", problems),
        title: text_field(&fields, "title", problems),
        done_looks_like: r::string(&fields, "done_looks_like", problems),
        due: r::string(&fields, "due", problems),
        status,
        source,
        created_at: text_field(&fields, "created_at", problems),
        updated_at: text_field(&fields, "updated_at", problems),
        deleted,
    };
    // A tombstone keeps nothing of what the goal said, whatever the value holds.
    Some(if deleted { goal.tombstone(&goal.updated_at) } else { goal })
}

fn read_source(source: &Json, problems: &mut Problems) -> Option<GoalSource> {
    let fields = read_object(source, "source", &SOURCE_SPEC, problems)?;
    let kind = r::string(&fields, "kind", problems).and_then(|kind| SourceKind::parse(&kind));
    if kind.is_none() {
        problems.add("source.kind", ProblemKind::Inconsistent, "must be first-step, practice or project");
    }
    Some(GoalSource { kind: kind?, text: text_field(&fields, "text", problems) })
}

/// Reads a note's fields; the note rules are checked after, by [`Evidence::problems`].
fn read_evidence(tree: &Json, problems: &mut Problems) -> Option<Evidence> {
    let fields = read_object(tree, "", &EVIDENCE_SPEC, problems)?;
    let deleted = r::boolean(&fields, "deleted", problems).unwrap_or(false);
    let mut dimension_ids = Vec::new();
    if let Some(items) = r::items(&fields, "dimensions", problems) {
        for (i, item) in items.iter().enumerate() {
            let path = r::index("dimensions", i);
            dimension_ids.extend(r::string_value(item, &path, 0, usize::MAX, problems));
        }
    }
    let note = Evidence {
        id: text_field(&fields, "id", problems),
        date: text_field(&fields, "date", problems),
        text: text_field(&fields, "text", problems),
        link: r::string(&fields, "link", problems),
        dimension_ids,
        goal_id: r::string(&fields, "goal", problems),
        created_at: text_field(&fields, "created_at", problems),
        updated_at: text_field(&fields, "updated_at", problems),
        deleted,
    };
    Some(if deleted { note.tombstone(&note.updated_at) } else { note })
}

/// The goals and notes of a stored value or an export's `progress` object, each read and checked;
/// the first problem, at its path under `path` (`progress.goals[2].link`), refuses them all.
pub fn read_progress(pairs: &[(String, Json)], path: &str) -> Result<Progress, String> {
    let list = |key: &str| -> Result<&[Json], String> {
        match pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            None => Ok(&[]),
            Some(Json::Array(items)) => Ok(items),
            Some(_) => Err(format!("{} is not a list", r::join(path, key))),
        }
    };
    let at = |key: &str, i: usize| r::index(&r::join(path, key), i);
    let located = |key: &str, i: usize, found: Vec<Problem>| match found.into_iter().next() {
        Some(Problem { location: Location::Path(inner), message, .. }) if !inner.is_empty() => {
            format!("{}.{inner}: {message}", at(key, i))
        }
        Some(problem) => format!("{}: {}", at(key, i), problem.message),
        None => at(key, i),
    };
    let mut progress = Progress::default();
    for (i, item) in list("goals")?.iter().enumerate() {
        let goal = Goal::from_tree(item).map_err(|found| located("goals", i, found))?;
        if progress.goals.iter().any(|g| g.id == goal.id) {
            return Err(format!("{}.id: the goal \"{}\" is there twice", at("goals", i), goal.id));
        }
        progress.goals.push(goal);
    }
    for (i, item) in list("evidence")?.iter().enumerate() {
        let note = Evidence::from_tree(item).map_err(|found| located("evidence", i, found))?;
        if progress.evidence.iter().any(|e| e.id == note.id) {
            return Err(format!("{}.id: the note \"{}\" is there twice", at("evidence", i), note.id));
        }
        progress.evidence.push(note);
    }
    Ok(progress)
}

#[derive(Serialize)]
struct SourceRecord<'a> {
    kind: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct GoalRecord<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    dimension: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    set: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    done_looks_like: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceRecord<'a>>,
    created_at: &'a str,
    updated_at: &'a str,
    #[serde(skip_serializing_if = "is_false")]
    deleted: bool,
}

#[derive(Serialize)]
struct EvidenceRecord<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dimensions: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    goal: Option<&'a str>,
    created_at: &'a str,
    updated_at: &'a str,
    #[serde(skip_serializing_if = "is_false")]
    deleted: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Serialize for Goal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let live = !self.deleted;
        GoalRecord {
            id: &self.id,
            dimension: if live { &self.dimension_id } else { "" },
            set: self.set_id.as_deref().filter(|_| live),
            title: Some(self.title.as_str()).filter(|_| live),
            done_looks_like: self.done_looks_like.as_deref().filter(|_| live),
            due: self.due.as_deref().filter(|_| live),
            status: Some(self.status.as_str()).filter(|_| live),
            source: self
                .source
                .as_ref()
                .filter(|_| live)
                .map(|s| SourceRecord { kind: s.kind.as_str(), text: &s.text }),
            created_at: &self.created_at,
            updated_at: &self.updated_at,
            deleted: self.deleted,
        }
        .serialize(serializer)
    }
}

impl Serialize for Evidence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let live = !self.deleted;
        EvidenceRecord {
            id: &self.id,
            date: if live { &self.date } else { "" },
            text: Some(self.text.as_str()).filter(|_| live),
            link: self.link.as_deref().filter(|_| live),
            dimensions: if live { &self.dimension_ids } else { &[] },
            goal: self.goal_id.as_deref().filter(|_| live),
            created_at: &self.created_at,
            updated_at: &self.updated_at,
            deleted: self.deleted,
        }
        .serialize(serializer)
    }
}

/// The goals and notes, as the export file's `progress` object (and the stored value) holds them.
#[derive(Serialize)]
pub struct ProgressFile<'a> {
    pub goals: &'a [Goal],
    pub evidence: &'a [Evidence],
}

impl Progress {
    pub fn file(&self) -> ProgressFile<'_> {
        ProgressFile { goals: &self.goals, evidence: &self.evidence }
    }
}
