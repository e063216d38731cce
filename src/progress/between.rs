//! Between two attempts: for two finished attempts of one set, each dimension's change in score
//! beside the goals done and the notes logged between them ("Business acumen +11 since 12 March:
//! 2 goals done, 5 notes"). Reads scored results (`session::results`), so only the later screens,
//! which score the history anyway, call it.

use std::sync::Arc;

use super::{instant, parse_date, Evidence, Goal, GoalStatus, Progress};
use crate::display::signed_whole;
use crate::i18n::{msg, tr, trf, trn};
use crate::session::ScoredResult;

/// What changed between two finished attempts of one set.
#[derive(Debug, Clone, PartialEq)]
pub struct Between {
    pub set_id: String,
    /// The later attempt's set's title.
    pub set_title: String,
    pub earlier: Checkpoint,
    pub later: Checkpoint,
    /// The later attempt's set's dimensions, in its order.
    pub dimensions: Vec<DimensionChange>,
}

/// One of the two attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// Its id in the history.
    pub id: String,
    /// RFC 3339.
    pub completed_at: String,
    /// The day it was completed (`YYYY-MM-DD`, as the history shows it).
    pub date: String,
}

/// One dimension between the two attempts.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionChange {
    pub dimension_id: String,
    pub name: String,
    /// Its score in the earlier attempt (none when it had none, or its set version lacked it).
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after - before`, unrounded, when both are scores.
    pub change: Option<f64>,
    /// Its goals marked done between the two completions (after the earlier, up to the later),
    /// in the order they were done.
    pub goals_done: Vec<Goal>,
    /// Its notes dated from the day of the earlier completion to the day of the later one, both
    /// included (a note of either day may be from before or after it), newest first.
    pub evidence: Vec<Evidence>,
}

impl DimensionChange {
    /// "Business acumen +11 since 12 March: 2 goals done, 5 notes", `since` being the earlier
    /// attempt's day in words (see [`Between::since`]).
    pub fn summary(&self, since: &str) -> String {
        let change = match self.change {
            Some(change) if signed_whole(change) == "0" => {
                trf("{dimension} unchanged since {date}", &[&self.name, since])
            }
            Some(change) => trf("{dimension} {change} since {date}", &[&self.name, &signed_whole(change), since]),
            None => trf("{dimension}: no score to compare with {date}", &[&self.name, since]),
        };
        // Two counts: each a plural of its own, put in its place in the line.
        let goals = trn(self.goals_done.len(), "{n} goal done", "{n} goals done", &[]);
        let notes = trn(self.evidence.len(), "{n} note", "{n} notes", &[]);
        trf("{change}: {goals}, {notes}", &[&change, &goals, &notes])
    }
}

impl Between {
    /// The earlier attempt's day in words: "12 March", with the year when the later one is in
    /// another year ("12 March 2026").
    pub fn since(&self) -> String {
        let same_year = self.earlier.date.get(..4) == self.later.date.get(..4);
        date_in_words(&self.earlier.date, !same_year)
    }

    /// Each dimension's [`DimensionChange::summary`].
    pub fn summaries(&self) -> Vec<String> {
        let since = self.since();
        self.dimensions.iter().map(|d| d.summary(&since)).collect()
    }

    /// How many distinct goals were done and notes logged between the two (a note about two
    /// dimensions counted once).
    pub fn totals(&self) -> (usize, usize) {
        let mut goals: Vec<&str> = Vec::new();
        let mut notes: Vec<&str> = Vec::new();
        for dimension in &self.dimensions {
            for goal in &dimension.goals_done {
                if !goals.contains(&goal.id.as_str()) {
                    goals.push(&goal.id);
                }
            }
            for note in &dimension.evidence {
                if !notes.contains(&note.id.as_str()) {
                    notes.push(&note.id);
                }
            }
        }
        (goals.len(), notes.len())
    }
}

/// The months as a date in words names them: a language that names a month differently in a date
/// ("12 marca") translates each as it is written there.
const MONTHS: [&str; 12] = [
    msg("January"),
    msg("February"),
    msg("March"),
    msg("April"),
    msg("May"),
    msg("June"),
    msg("July"),
    msg("August"),
    msg("September"),
    msg("October"),
    msg("November"),
    msg("December"),
];

/// "12 March" (or "12 March 2026" `with_year`) for `2026-03-12`, in the order and words of the
/// language spoken; the text itself when it is not a date.
pub fn date_in_words(date: &str, with_year: bool) -> String {
    if parse_date(date).is_none() {
        return date.to_owned();
    }
    let (year, month, day) = (&date[..4], &date[5..7], &date[8..10]);
    let month =
        month.parse::<usize>().ok().and_then(|m| MONTHS.get(m.wrapping_sub(1))).map_or_else(String::new, |m| tr(m));
    let day = day.trim_start_matches('0');
    if with_year {
        trf("{day} {month} {year}", &[day, &month, year])
    } else {
        trf("{day} {month}", &[day, &month])
    }
}

/// The two latest finished attempts of the set `set_id` in `results` (the history, oldest first)
/// that could be scored, earlier first; `None` when there are not two.
pub fn latest_two<'r>(results: &'r [Arc<ScoredResult>], set_id: &str) -> Option<(&'r ScoredResult, &'r ScoredResult)> {
    let mut of_set = results.iter().rev().filter(|r| {
        r.document.set_id == set_id
            && r.scored.is_ok()
            && r.document.completed_at.as_deref().and_then(instant).is_some()
    });
    let later = of_set.next()?;
    let earlier = of_set.next()?;
    Some((earlier, later))
}

/// The ids of the sets with two or more finished attempts that could be scored, in the order they
/// were first taken: the sets "My progress" can show a change for.
pub fn sets_taken_twice(results: &[Arc<ScoredResult>]) -> Vec<String> {
    let mut sets: Vec<String> = Vec::new();
    for result in results {
        let id = &result.document.set_id;
        if !sets.contains(id) && latest_two(results, id).is_some() {
            sets.push(id.clone());
        }
    }
    sets
}

/// [`between`] the two latest finished attempts of `set_id`.
pub fn since_last_time(results: &[Arc<ScoredResult>], set_id: &str, progress: &Progress) -> Option<Between> {
    let (earlier, later) = latest_two(results, set_id)?;
    between(earlier, later, progress)
}

/// The change between two finished attempts of one set (in either order), with the goals done and
/// notes logged between them. A goal counts for its dimension when it was made for this set or
/// for none (dimension ids of two sets may be alike); a note counts for each dimension it is about.
/// `None` when the two are not finished attempts of the same set, both scored.
pub fn between(a: &ScoredResult, b: &ScoredResult, progress: &Progress) -> Option<Between> {
    let at = |r: &ScoredResult| r.document.completed_at.as_deref().and_then(instant);
    let (a_at, b_at) = (at(a)?, at(b)?);
    if a.document.set_id != b.document.set_id || a.id == b.id {
        return None;
    }
    let ((earlier, from), (later, to)) = if a_at <= b_at { ((a, a_at), (b, b_at)) } else { ((b, b_at), (a, a_at)) };
    let (before, after) = (earlier.scored.as_ref().ok()?, later.scored.as_ref().ok()?);
    let (first_day, last_day) = (parse_date(&earlier.date)?, parse_date(&later.date)?);
    let set_id = &later.document.set_id;
    let dimensions = after
        .set
        .dimensions
        .iter()
        .zip(&after.report.dimensions)
        .map(|(dimension, row)| {
            let before = before
                .set
                .dimensions
                .iter()
                .position(|d| d.id == dimension.id)
                .and_then(|d| before.report.dimensions.get(d)?.score);
            let mut goals_done: Vec<Goal> = progress
                .goals()
                .filter(|g| g.status == GoalStatus::Done && g.dimension_id == dimension.id)
                .filter(|g| g.set_id.as_ref().is_none_or(|s| s == set_id))
                .filter(|g| instant(&g.updated_at).is_some_and(|done| done > from && done <= to))
                .cloned()
                .collect();
            crate::sorting::sort_by(&mut goals_done, |x, y| instant(&x.updated_at).cmp(&instant(&y.updated_at)));
            let evidence = progress
                .evidence_newest_first()
                .into_iter()
                .filter(|e| e.is_about(&dimension.id))
                .filter(|e| parse_date(&e.date).is_some_and(|day| day >= first_day && day <= last_day))
                .cloned()
                .collect();
            DimensionChange {
                dimension_id: dimension.id.clone(),
                name: dimension.name.clone(),
                before,
                after: row.score,
                change: before.zip(row.score).map(|(before, after)| after - before),
                goals_done,
                evidence,
            }
        })
        .collect();
    let checkpoint = |r: &ScoredResult| Checkpoint {
        id: r.id.clone(),
        completed_at: r.document.completed_at.clone().unwrap_or_default(),
        date: r.date.clone(),
    };
    Some(Between {
        set_id: set_id.clone(),
        set_title: after.set.title.clone(),
        earlier: checkpoint(earlier),
        later: checkpoint(later),
        dimensions,
    })
}
