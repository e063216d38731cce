//! A person's session, as plain Rust over a key-value storage: the attempt in progress, the
//! history of completed attempts, imports, what other tabs saved, and what to tell the person
//! when storage fails. The widget sends it intents and shows what it reports as changed.

mod import;
mod key_value;
mod others;
mod results;
mod store;

pub use import::ImportOutcome;
pub use key_value::{Fault, KeyValue, MemoryStorage};
pub use others::ReplyOutcome;
pub use results::{date_of, previous, score_history, set_version, trends, Scored, ScoredResult, Trend};
pub use store::{rescue_file, StorageProblem, Store};

use crate::attempt::Attempt;
use crate::model::{QuestionSet, Response};
use crate::stored::{self, HistoryEntry, RoadmapNotes};

/// Whether every earlier version of the sets kept for reading old attempts and results (the
/// catalog's archive) is at hand. The widget shows its start screen before the archive arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Archive {
    /// Every archived version is at hand: what was taken on a version that is none of them nor the
    /// current one is read against the current set.
    Loaded,
    /// Archived versions may still arrive: what was taken on a version not at hand yet is left
    /// alone (not read, never set aside), to be read once they have.
    Loading,
}

/// What an intent changed, for the widget to show.
#[derive(Debug, Default, Clone, PartialEq)]
#[must_use]
pub struct Changed {
    /// The attempt in progress (its answers, page or role), or which attempt is in progress.
    pub attempt: bool,
    /// The answers of the attempt in progress: the host hears of these, not of page turns.
    pub answers: bool,
    pub history: bool,
    /// The storage problem to show ([`Session::problem`]).
    pub problem: bool,
    /// A status line for the person.
    pub notice: Option<String>,
}

impl Changed {
    fn and(mut self, other: Changed) -> Changed {
        self.attempt |= other.attempt;
        self.answers |= other.answers;
        self.history |= other.history;
        self.problem |= other.problem;
        self.notice = other.notice.or(self.notice);
        self
    }
}

/// One widget's session over the storage `K`.
#[derive(Debug)]
pub struct Session<K> {
    store: Store<K>,
    history: Vec<HistoryEntry>,
    attempt: Option<Attempt>,
    problem: Option<StorageProblem>,
    /// Whether the person was already told that storage is blocked: they are told once.
    told_blocked: bool,
}

impl<K: KeyValue> Session<K> {
    /// Opens the session: reads the history and notes what is wrong with the storage.
    pub fn open(store: Store<K>) -> Session<K> {
        let (history, problem) = store.load_history();
        let mut session = Session { store, history, attempt: None, problem: None, told_blocked: false };
        if !session.store.is_available() {
            let _ = session.report(Err(StorageProblem::Blocked));
        }
        let _ = session.report(problem.map_or(Ok(()), Err));
        session
    }

    pub fn store(&self) -> &Store<K> {
        &self.store
    }

    /// Completed attempts, oldest first.
    pub fn history(&self) -> &[HistoryEntry] {
        &self.history
    }

    pub fn attempt(&self) -> Option<&Attempt> {
        self.attempt.as_ref()
    }

    /// The storage problem the person should see, until they dismiss it or it goes away.
    pub fn problem(&self) -> Option<&StorageProblem> {
        self.problem.as_ref()
    }

    /// Takes note of what a storage operation ran into, or clears a "full" warning once saving works again.
    fn report(&mut self, result: Result<(), StorageProblem>) -> Changed {
        match result {
            Ok(()) if self.problem == Some(StorageProblem::Full) => {
                self.problem = None;
                Changed {
                    problem: true,
                    notice: Some("Saving works again: everything is kept on this device.".to_owned()),
                    ..Changed::default()
                }
            }
            Ok(()) => Changed::default(),
            Err(StorageProblem::Blocked) if self.told_blocked => Changed::default(),
            Err(problem) => {
                self.told_blocked |= problem == StorageProblem::Blocked;
                let changed = self.problem.as_ref() != Some(&problem);
                self.problem = Some(problem);
                Changed { problem: changed, ..Changed::default() }
            }
        }
    }

    pub fn dismiss_problem(&mut self) -> Changed {
        Changed { problem: self.problem.take().is_some(), ..Changed::default() }
    }

    /// The unfinished attempt of `set`: the one in progress here, else the one saved on the device.
    pub fn unfinished(&mut self, set: &QuestionSet) -> (Option<Attempt>, Changed) {
        self.unfinished_in(set, &[], Archive::Loaded)
    }

    /// The same, where a saved attempt begun on an earlier version of `set` kept in `archived` is
    /// read against that version (its `set_version` says which), to be finished on it. While the
    /// archive is `Loading`, a saved attempt begun on a version not at hand is not read: it is
    /// `None` now, and read again once the archive has loaded.
    pub fn unfinished_in(
        &mut self,
        set: &QuestionSet,
        archived: &[std::sync::Arc<QuestionSet>],
        archive: Archive,
    ) -> (Option<Attempt>, Changed) {
        let own_unfinished = |a: &&Attempt| a.set_id == set.id && a.completed_at.is_none() && a.rater.is_none();
        if let Some(attempt) = self.attempt.as_ref().filter(own_unfinished) {
            return (Some(attempt.clone()), Changed::default());
        }
        let (saved, problem) = self.store.load_attempt_in(set, archived, archive);
        (saved, self.report(problem.map_or(Ok(()), Err)))
    }

    /// Whether `set` has an unfinished attempt saved that [`Session::unfinished_in`] leaves for
    /// later, its version still on its way: until it has come, no new attempt of `set` may begin.
    pub fn unfinished_awaits_archive(
        &self,
        set: &QuestionSet,
        archived: &[std::sync::Arc<QuestionSet>],
        archive: Archive,
    ) -> bool {
        self.store.attempt_awaits_archive(set, archived, archive)
    }

    /// Makes `attempt` of `set` the attempt in progress and saves it.
    pub fn begin(&mut self, set: &QuestionSet, attempt: Attempt) -> Changed {
        self.attempt = Some(attempt);
        Changed { attempt: true, ..self.save_attempt(set) }
    }

    /// Saves the attempt in progress, folding in what another tab saved for it.
    fn save_attempt(&mut self, set: &QuestionSet) -> Changed {
        let Some(attempt) = self.attempt.as_ref() else { return Changed::default() };
        let (merged, result) = self.store.save_attempt(set, attempt);
        let changed = Changed {
            attempt: merged != *attempt,
            answers: merged.responses != attempt.responses,
            ..Changed::default()
        };
        self.attempt = Some(merged);
        changed.and(self.report(result))
    }

    /// Records an answer given at `at` (milliseconds since the epoch) and saves it at once.
    pub fn answer(&mut self, set: &QuestionSet, question: usize, response: Response, at: f64) -> Changed {
        // A finished rater's answers stay as they were sent.
        let Some(attempt) = self.attempt.as_mut().filter(|a| a.completed_at.is_none()) else {
            return Changed::default();
        };
        attempt.answer(set, question, response, at);
        Changed { attempt: true, answers: true, ..self.save_attempt(set) }
    }

    /// Moves the attempt in progress to `page` and saves it, so a reload comes back there.
    pub fn turn_page(&mut self, set: &QuestionSet, page: usize) -> Changed {
        let Some(attempt) = self.attempt.as_mut() else { return Changed::default() };
        attempt.page = page.min(crate::attempt::page_count(set).saturating_sub(1));
        Changed { attempt: true, ..self.save_attempt(set) }
    }

    /// Finishes the attempt in progress at `completed_at`: it joins the history, and is returned.
    /// The stored attempt is forgotten only once the history is safely saved.
    pub fn finish(&mut self, set: &QuestionSet, completed_at: &str) -> Option<(HistoryEntry, Changed)> {
        // A rater's answers are finished as a reply (`finish_rating`), never into the history.
        if self.attempt.as_ref()?.rater.is_some() {
            return None;
        }
        let mut attempt = self.attempt.take()?;
        attempt.completed_at = Some(completed_at.to_owned());
        let entry = HistoryEntry {
            id: attempt.id.clone(),
            document: attempt.to_document(set),
            notes: RoadmapNotes::default(),
            raters: Default::default(),
        };
        self.history.push(entry.clone());
        let changed = self.save_history(&[]);
        if self.problem.is_none() {
            self.store.clear_attempt(&set.id);
        }
        Some((entry, Changed { attempt: true, ..changed }))
    }

    /// Saves the history shown here, merged with what other tabs saved, without the entries (or
    /// the replies to the invitations) whose ids are in `removed`.
    fn save_history(&mut self, removed: &[String]) -> Changed {
        let (merged, result) = self.store.save_history(&self.history, removed);
        self.history = merged;
        Changed { history: true, ..self.report(result) }
    }

    /// Removes the completed attempts with these ids, here and in storage.
    pub fn remove_results(&mut self, ids: &[String]) -> Changed {
        self.history.retain(|entry| !ids.contains(&entry.id));
        self.save_history(ids)
    }

    /// Changes the roadmap notes of a completed attempt and saves them.
    pub fn update_notes(&mut self, id: &str, change: impl FnOnce(&mut RoadmapNotes)) -> Changed {
        let Some(entry) = self.history.iter_mut().find(|e| e.id == id) else { return Changed::default() };
        change(&mut entry.notes);
        self.save_history(&[])
    }

    /// Adds completed attempts to the history; returns how many were new.
    pub fn add_results(&mut self, entries: &[HistoryEntry]) -> (usize, Changed) {
        let added = stored::merge_history(&mut self.history, entries);
        (added, self.save_history(&[]))
    }

    /// The "prepared for" name printed on roadmaps.
    pub fn prepared_for(&self) -> String {
        self.store.load_prepared_for()
    }

    pub fn set_prepared_for(&mut self, name: &str) -> Changed {
        let result = self.store.save_prepared_for(name);
        self.report(result)
    }

    /// Deletes everything this widget kept, after the person confirmed it.
    pub fn delete_everything(&mut self) -> Changed {
        self.store.delete_everything();
        self.history.clear();
        self.attempt = None;
        self.problem = None;
        Changed { attempt: true, history: true, problem: true, answers: false, notice: None }
    }

    /// Follows what another tab saved under `key`: its results join the history, its answers the
    /// attempt in progress (per question, the newer answer wins). `set_for` finds a loaded set by id
    /// and version (the attempt's own version, which may be an archived one).
    pub fn follow(
        &mut self,
        key: &str,
        set_for: impl Fn(&str, &str) -> Option<std::sync::Arc<QuestionSet>>,
    ) -> Changed {
        if self.store.is_history_key(key) {
            let (stored, _) = self.store.load_history();
            let mine = std::mem::replace(&mut self.history, stored);
            // What is stored wins for the attempts it holds: the other tab's changes (a reply
            // removed there) are the newer ones. Only attempts it lacks are kept from here.
            // But when this tab could not save (full storage, a newer layout), what it holds is
            // not in storage yet: its invitations and replies are kept too.
            if matches!(self.problem, Some(StorageProblem::Full | StorageProblem::Newer)) {
                for kept in &mut self.history {
                    if let Some(here) = mine.iter().find(|m| m.id == kept.id) {
                        kept.raters.merge(&here.raters, &[]);
                    }
                }
            }
            let only_here: Vec<HistoryEntry> =
                mine.into_iter().filter(|m| !self.history.iter().any(|e| e.id == m.id)).collect();
            stored::merge_history(&mut self.history, &only_here);
            return Changed { history: true, ..Changed::default() };
        }
        if !self.store.is_current_key(key) {
            return Changed::default();
        }
        let Some(attempt) = self.attempt.as_mut().filter(|a| a.rater.is_none()) else { return Changed::default() };
        let Some(set) = set_for(&attempt.set_id, &attempt.set_version) else { return Changed::default() };
        let (Some(saved), _) = self.store.load_attempt(&set) else { return Changed::default() };
        let before = attempt.clone();
        attempt.merge_from(&saved);
        Changed { attempt: *attempt != before, answers: attempt.responses != before.responses, ..Changed::default() }
    }
}
