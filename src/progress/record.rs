//! The record of progress a person prints for a review (A4 and Letter): the goals done, the notes of
//! evidence by dimension and, between two attempts, the change in scores. Gathered here as plain
//! data, in the order it is printed, so the shell only draws it.

use super::between::{date_in_words, Between};
use super::{instant, DimensionNames, Evidence, Goal, GoalStatus, Progress};

/// What the printed record shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressRecord {
    /// Between two attempts: the set's title and the two days in words ("12 March 2026"); `None`
    /// for a record of everything kept.
    pub period: Option<Period>,
    /// Per dimension, its score before and after and the change, in the set's order (empty
    /// without two attempts).
    pub changes: Vec<ScoreChange>,
    /// The goals done, by dimension, each in the order they were done.
    pub goals_done: Vec<DimensionLines<GoalLine>>,
    /// The notes, by dimension, each newest first (a note about two dimensions under both).
    pub evidence: Vec<DimensionLines<NoteLine>>,
    /// How many goals are still planned or under way (all of them, whatever the period).
    pub open_goals: usize,
}

/// The two attempts a record is between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub set_title: String,
    /// `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    /// "12 March 2026".
    pub from_words: String,
    pub to_words: String,
}

/// One dimension's change in score.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreChange {
    pub dimension_id: String,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
    /// "Business acumen +11 since 12 March: 2 goals done, 5 notes".
    pub summary: String,
}

/// One dimension's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionLines<T> {
    pub dimension_id: String,
    pub name: String,
    pub lines: Vec<T>,
}

/// A goal done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalLine {
    pub title: String,
    pub done_looks_like: Option<String>,
    /// The day it was marked done (`YYYY-MM-DD`, UTC), and in words.
    pub done_on: String,
    pub done_on_words: String,
}

/// A note of evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLine {
    /// `YYYY-MM-DD`, and in words ("12 March 2026").
    pub date: String,
    pub date_words: String,
    pub text: String,
    /// An `http(s)` address, checked when the note was kept: printed as text, beside the note.
    pub link: Option<String>,
    /// The title of the goal it is evidence for, when that goal is still kept.
    pub goal: Option<String>,
}

/// The record of `progress`: between the two attempts of `between` (its goals done and notes, and
/// the change in scores), or, without it, every goal done and every note kept. `names` names and
/// orders the dimensions of a record of everything.
pub fn progress_record(progress: &Progress, names: &DimensionNames, between: Option<&Between>) -> ProgressRecord {
    let goal_line = |goal: &Goal| {
        let done_on =
            instant(&goal.updated_at).map(|(s, _)| crate::model::timestamp::format_date(s)).unwrap_or_default();
        GoalLine {
            title: goal.title.clone(),
            done_looks_like: goal.done_looks_like.clone(),
            done_on_words: date_in_words(&done_on, true),
            done_on,
        }
    };
    let note_line = |note: &Evidence| NoteLine {
        date: note.date.clone(),
        date_words: date_in_words(&note.date, true),
        text: note.text.clone(),
        link: note.link.clone(),
        goal: note.goal_id.as_deref().and_then(|id| progress.goal(id)).map(|g| g.title.clone()),
    };
    let open_goals = progress.goals().filter(|g| g.status.is_open()).count();
    let Some(between) = between else {
        let mut done: Vec<&Goal> = progress.goals().filter(|g| g.status == GoalStatus::Done).collect();
        crate::sorting::sort_by(&mut done, |a, b| instant(&a.updated_at).cmp(&instant(&b.updated_at)));
        let notes = progress.evidence_newest_first();
        let goals_done = names
            .order(done.iter().map(|g| g.dimension_id.as_str()))
            .into_iter()
            .map(|(dimension_id, name)| DimensionLines {
                lines: done.iter().filter(|g| g.dimension_id == dimension_id).map(|g| goal_line(g)).collect(),
                dimension_id,
                name,
            })
            .collect();
        let evidence = names
            .order(notes.iter().flat_map(|n| n.dimension_ids.iter().map(String::as_str)))
            .into_iter()
            .map(|(dimension_id, name)| DimensionLines {
                lines: notes.iter().filter(|n| n.is_about(&dimension_id)).map(|n| note_line(n)).collect(),
                dimension_id,
                name,
            })
            .collect();
        return ProgressRecord { period: None, changes: Vec::new(), goals_done, evidence, open_goals };
    };
    let since = between.since();
    ProgressRecord {
        period: Some(Period {
            set_title: between.set_title.clone(),
            from: between.earlier.date.clone(),
            to: between.later.date.clone(),
            from_words: date_in_words(&between.earlier.date, true),
            to_words: date_in_words(&between.later.date, true),
        }),
        changes: between
            .dimensions
            .iter()
            .map(|d| ScoreChange {
                dimension_id: d.dimension_id.clone(),
                name: d.name.clone(),
                before: d.before,
                after: d.after,
                change: d.change,
                summary: d.summary(&since),
            })
            .collect(),
        goals_done: between
            .dimensions
            .iter()
            .filter(|d| !d.goals_done.is_empty())
            .map(|d| DimensionLines {
                dimension_id: d.dimension_id.clone(),
                name: d.name.clone(),
                lines: d.goals_done.iter().map(goal_line).collect(),
            })
            .collect(),
        evidence: between
            .dimensions
            .iter()
            .filter(|d| !d.evidence.is_empty())
            .map(|d| DimensionLines {
                dimension_id: d.dimension_id.clone(),
                name: d.name.clone(),
                lines: d.evidence.iter().map(note_line).collect(),
            })
            .collect(),
        open_goals,
    }
}
