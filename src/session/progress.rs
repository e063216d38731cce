//! Goals and notes of evidence in the session (issue 28): read when a later screen first asks for
//! them, never when the session opens; each intent checks the goal or note by its rules and makes
//! its change to what is stored, read-merge-write, like every other value (`Store::save_progress`).

use super::{Changed, KeyValue, Session};
use crate::i18n::{tr, trf, trn};
use crate::model::{Problem, ProblemKind};
use crate::progress::{later_than, Evidence, Goal, Progress};
use crate::stored;

/// What an intent on the goals and notes did: what changed, and, when it was refused, why, each
/// problem at the field it is about (`title`, `link`, `dimensions[1]`, `goal`). A refused intent
/// changes nothing that is kept.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct ProgressOutcome {
    pub changed: Changed,
    pub problems: Vec<Problem>,
}

impl ProgressOutcome {
    /// Whether the change was made (and kept, or held here when storage fails).
    pub fn is_done(&self) -> bool {
        self.problems.is_empty()
    }
}

fn problem(path: &str, kind: ProblemKind, message: String) -> Vec<Problem> {
    vec![Problem { location: crate::model::Location::Path(path.to_owned()), kind, message }]
}

/// The goal or note an intent names is no longer kept; `message` says which.
fn gone(message: String) -> Vec<Problem> {
    problem("id", ProblemKind::UnknownReference, message)
}

/// Why a note cannot name `goal`: it is not a goal kept.
fn goal_problem(progress: &Progress, goal: Option<&str>) -> Vec<Problem> {
    match goal {
        Some(goal) if progress.goal(goal).is_none() => problem(
            "goal",
            ProblemKind::UnknownReference,
            tr("no goal with this id is kept (it may have been deleted in another tab)"),
        ),
        _ => Vec::new(),
    }
}

impl<K: KeyValue> Session<K> {
    /// The goals and notes, tombstones included (`Progress::goals` and `Progress::notes` list the
    /// others): read from storage at the first call, and again once another tab has saved them
    /// (folded into what is held here, the newer version of each winning). Only the later screens
    /// call it, like the scored history.
    pub fn progress(&mut self) -> (&Progress, Changed) {
        let changed = self.read_progress();
        (self.progress.get_or_insert_with(Progress::default), changed)
    }

    fn read_progress(&mut self) -> Changed {
        if self.progress.is_some() && !self.progress_stale {
            return Changed::default();
        }
        let (mut progress, problem) = self.store.load_progress();
        if let Some(held) = self.progress.take() {
            // What this tab could not save yet is kept; what another tab deleted stays deleted.
            progress.merge(&held);
        }
        self.progress = Some(progress);
        self.progress_stale = false;
        self.report(problem.map_or(Ok(()), Err))
    }

    /// Makes `change` to the goals and notes as stored (see [`super::Store::save_progress`]) and
    /// holds the result here, saved or not.
    fn change_progress(&mut self, change: &mut dyn FnMut(&mut Progress) -> Vec<Problem>) -> ProgressOutcome {
        let held = self.progress.take().unwrap_or_default();
        let (progress, problems, result) = self.store.save_progress(&held, change);
        let differs = progress != held;
        self.progress = Some(progress);
        self.progress_stale = false;
        let changed = Changed { progress: differs, ..self.report(result) };
        ProgressOutcome { changed, problems }
    }

    /// Adds `goal` (its text trimmed, an empty optional field as none), unless it breaks a rule or
    /// its id is taken.
    pub fn add_goal(&mut self, mut goal: Goal) -> ProgressOutcome {
        goal.tidy();
        goal.deleted = false;
        self.change_progress(&mut |progress| {
            let mut problems = goal.problems();
            if progress.goals.iter().any(|g| g.id == goal.id) {
                problems.extend(problem("id", ProblemKind::DuplicateId, tr("a goal with this id is kept already")));
            }
            if problems.is_empty() {
                progress.goals.push(goal.clone());
            }
            problems
        })
    }

    /// Changes the goal `id` at `at` (RFC 3339; the status, the title, the due date, ...): made to
    /// the goal as stored, so another tab's edit to it is kept unless this one changes the same
    /// field. Refused when the goal is no longer kept or the change breaks a rule. Its id and
    /// creation time stay.
    pub fn update_goal(&mut self, id: &str, at: &str, change: impl FnOnce(&mut Goal)) -> ProgressOutcome {
        let mut change = Some(change);
        self.change_progress(&mut |progress| {
            let Some(kept) = progress.goals.iter_mut().find(|g| g.id == id && !g.deleted) else {
                return gone(tr("this goal is no longer kept (it may have been deleted in another tab)"));
            };
            let mut goal = kept.clone();
            if let Some(change) = change.take() {
                change(&mut goal);
            }
            goal.tidy();
            goal.id.clone_from(&kept.id);
            goal.created_at.clone_from(&kept.created_at);
            goal.deleted = false;
            goal.updated_at = later_than(&kept.updated_at, at);
            let problems = goal.problems();
            if problems.is_empty() {
                *kept = goal;
            }
            problems
        })
    }

    /// Deletes the goal `id` at `at`: a tombstone is kept in its place, so that a tab that still
    /// has the goal does not bring it back. Its notes stay, no longer tied to a goal. Deleting a
    /// goal that is gone already does nothing.
    pub fn delete_goal(&mut self, id: &str, at: &str) -> ProgressOutcome {
        self.change_progress(&mut |progress| {
            if let Some(kept) = progress.goals.iter_mut().find(|g| g.id == id && !g.deleted) {
                *kept = kept.tombstone(&later_than(&kept.updated_at, at));
            }
            Vec::new()
        })
    }

    /// Adds the note `evidence` (its text trimmed, an empty link or goal as none), unless it breaks
    /// a rule (a link that is not http(s)), its id is taken, or the goal it names is not kept.
    pub fn add_evidence(&mut self, mut evidence: Evidence) -> ProgressOutcome {
        evidence.tidy();
        evidence.deleted = false;
        self.change_progress(&mut |progress| {
            let mut problems = evidence.problems();
            if progress.evidence.iter().any(|e| e.id == evidence.id) {
                problems.extend(problem("id", ProblemKind::DuplicateId, tr("a note with this id is kept already")));
            }
            problems.extend(goal_problem(progress, evidence.goal_id.as_deref()));
            if problems.is_empty() {
                progress.evidence.push(evidence.clone());
            }
            problems
        })
    }

    /// Changes the note `id` at `at`, as [`Session::update_goal`] changes a goal. Tying it to a goal
    /// that is not kept is refused (a goal deleted since it was tied stays named, and ignored).
    pub fn update_evidence(&mut self, id: &str, at: &str, change: impl FnOnce(&mut Evidence)) -> ProgressOutcome {
        let mut change = Some(change);
        self.change_progress(&mut |progress| {
            let Some(at_index) = progress.evidence.iter().position(|e| e.id == id && !e.deleted) else {
                return gone(tr("this note is no longer kept (it may have been deleted in another tab)"));
            };
            let kept = &progress.evidence[at_index];
            let mut note = kept.clone();
            if let Some(change) = change.take() {
                change(&mut note);
            }
            note.tidy();
            note.id.clone_from(&kept.id);
            note.created_at.clone_from(&kept.created_at);
            note.deleted = false;
            note.updated_at = later_than(&kept.updated_at, at);
            let mut problems = note.problems();
            if note.goal_id != kept.goal_id {
                problems.extend(goal_problem(progress, note.goal_id.as_deref()));
            }
            if problems.is_empty() {
                progress.evidence[at_index] = note;
            }
            problems
        })
    }

    /// Deletes the note `id` at `at`, leaving a tombstone (see [`Session::delete_goal`]).
    pub fn delete_evidence(&mut self, id: &str, at: &str) -> ProgressOutcome {
        self.change_progress(&mut |progress| {
            if let Some(kept) = progress.evidence.iter_mut().find(|e| e.id == id && !e.deleted) {
                *kept = kept.tombstone(&later_than(&kept.updated_at, at));
            }
            Vec::new()
        })
    }

    /// The export-everything file (`altitude.export/1`) at `exported_at`: every completed attempt
    /// with its notes, invitations and replies, and the goals and notes of evidence (read first if
    /// no screen has read them yet).
    pub fn export_everything(&mut self, exported_at: &str) -> (String, Changed) {
        let changed = self.read_progress();
        let progress = self.progress.get_or_insert_with(Progress::default);
        (stored::encode_export(&self.history, progress, exported_at), changed)
    }

    /// Folds an imported file's goals and notes into these, the newer version of each winning (a
    /// goal deleted here after the export stays deleted); a sentence for the person.
    pub(super) fn import_progress(&mut self, imported: &Progress) -> (String, Changed) {
        let mut merged = crate::progress::Merged::default();
        let outcome = self.change_progress(&mut |progress| {
            merged = progress.merge(imported);
            Vec::new()
        });
        // Two counts in one sentence: each is a plural of its own, put in its place.
        let message = match (merged.goals, merged.evidence) {
            (0, 0) => tr("Your goals and notes in it are already here."),
            (goals, 0) => trn(goals, "Imported {n} goal.", "Imported {n} goals.", &[]),
            (0, notes) => trn(notes, "Imported {n} note.", "Imported {n} notes.", &[]),
            (goals, notes) => trf(
                "Imported {goals} and {notes}.",
                &[&trn(goals, "{n} goal", "{n} goals", &[]), &trn(notes, "{n} note", "{n} notes", &[])],
            ),
        };
        (message, outcome.changed)
    }
}
