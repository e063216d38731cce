//! A person's session, as plain Rust over a key-value storage: the attempt in progress, the
//! history of completed attempts, imports, what other tabs saved, and what to tell the person
//! when storage fails. The widget sends it intents and shows what it reports as changed.

mod import;
mod key_value;
mod others;
mod place;
mod progress;
mod results;
mod store;

pub use import::ImportOutcome;
pub use key_value::{Fault, KeyValue, MemoryStorage};
pub use others::ReplyOutcome;
pub use place::{Place, UnknownPlace};
pub use progress::ProgressOutcome;
pub use results::{
    date_of, previous, score_history, score_history_reusing, set_version, trends, Scored, ScoredResult, Trend,
};
pub use store::{rescue_file, StorageProblem, Store};

use crate::attempt::Attempt;
use crate::i18n::tr;
use crate::model::{Context, Organisation, QuestionSet, Response};
use crate::progress::Progress;
use crate::stored::{self, HistoryEntry, NextRole, Profile, RoadmapNotes};

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
    /// What the person said of themselves, or the target roles suggested to them ([`Session::profile`]).
    pub profile: bool,
    /// The goals and notes of evidence ([`Session::progress`]).
    pub progress: bool,
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
        self.profile |= other.profile;
        self.progress |= other.progress;
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
    /// As stored, or, when it could not be saved, as changed here.
    profile: Profile,
    attempt: Option<Attempt>,
    problem: Option<StorageProblem>,
    /// Whether the person was already told that storage is blocked: they are told once.
    told_blocked: bool,
    /// The goals and notes: `None` until a later screen first asks for them (`session/progress.rs`),
    /// so that opening the session reads none of it and its code stays out of the first download.
    progress: Option<Progress>,
    /// Another tab saved goals or notes since they were read: the next read folds them in.
    progress_stale: bool,
}

impl<K: KeyValue> Session<K> {
    /// Opens the session: reads the history and notes what is wrong with the storage.
    pub fn open(store: Store<K>) -> Session<K> {
        let (history, problem) = store.load_history();
        let (profile, profile_problem) = store.load_profile();
        let mut session = Session {
            store,
            history,
            profile,
            attempt: None,
            problem: None,
            told_blocked: false,
            progress: None,
            progress_stale: false,
        };
        if !session.store.is_available() {
            let _ = session.report(Err(StorageProblem::Blocked));
        }
        // The history's problem last: the one shown, when both have one.
        let _ = session.report(profile_problem.map_or(Ok(()), Err));
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
                    notice: Some(tr("Saving works again: everything is kept on this device.")),
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

    /// Makes `attempt` of `set`, the person's own, the attempt in progress from the start screen, a
    /// new one or an unfinished one resumed, with the person's situation as the start screen shows
    /// it (the organisation remembered on the device) written into its context, as its target role
    /// is: so it goes into the result and everything exported. A rater's answers never get it.
    pub fn begin_own(&mut self, set: &QuestionSet, mut attempt: Attempt) -> Changed {
        if attempt.rater.is_none() {
            attempt.context = self.context();
        }
        self.begin(set, attempt)
    }

    /// Makes `attempt` of `set` the attempt in progress and saves it, as it is (its context too).
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
    pub fn finish(&mut self, set: &QuestionSet, completed_at: &str) -> (Option<HistoryEntry>, Changed) {
        // A rater's answers are finished as a reply (`finish_rating`), never into the history.
        let Some(mut attempt) = self.attempt.take_if(|a| a.rater.is_none()) else {
            return (None, Changed::default());
        };
        attempt.completed_at = Some(completed_at.to_owned());
        let entry = HistoryEntry {
            id: attempt.id.clone(),
            document: attempt.to_document(set),
            notes: RoadmapNotes::default(),
            raters: Default::default(),
        };
        self.history.push(entry.clone());
        let changed = self.save_history(&[]);
        let saved = self.problem.is_none();
        if saved {
            self.store.clear_attempt(&set.id);
        }
        // The target role to suggest for the next attempt at this set, worked out now and kept in
        // the profile, rather than by the start screen from the scored history: the start screen
        // is in the first download, which scoring is kept out of (only the later screens score the
        // history, ARCHITECTURE.md), while this runs when the person finishes on the review
        // screen, in the later module, which scores anyway (the host's `complete` event).
        let ready_for = crate::scoring::score(set, &attempt.responses, attempt.role).ready_for;
        let next = NextRole {
            set_id: set.id.clone(),
            attempt: attempt.id.clone(),
            role: set.roles[next_role(set, ready_for)].id.clone(),
        };
        // Suggestions of results no longer kept are dropped, once the history is safely saved (so
        // what this tab holds includes every other tab's results).
        let kept: Vec<String> = if saved { self.history.iter().map(|e| e.id.clone()).collect() } else { Vec::new() };
        let remembered = self.change_profile(&|profile| {
            if saved {
                profile.next_roles.retain(|n| kept.contains(&n.attempt));
            }
            profile.next_roles.retain(|n| n.attempt != next.attempt);
            profile.next_roles.push(next.clone());
        });
        (Some(entry), Changed { attempt: true, ..changed.and(remembered) })
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

    /// What the person said of themselves and the target roles suggested to them.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Saves a change to the profile (see [`Store::save_profile`]); it is kept here even when it
    /// could not be saved.
    fn change_profile(&mut self, change: &dyn Fn(&mut Profile)) -> Changed {
        let (profile, result) = self.store.save_profile(&self.profile, change);
        let changed = profile != self.profile;
        self.profile = profile;
        Changed { profile: changed, ..self.report(result) }
    }

    /// The "prepared for" name printed on roadmaps.
    pub fn prepared_for(&self) -> String {
        self.profile.prepared_for.clone()
    }

    pub fn set_prepared_for(&mut self, name: &str) -> Changed {
        self.change_profile(&|profile| name.clone_into(&mut profile.prepared_for))
    }

    /// How many engineers work in the person's organisation, as they last said (`None`: not said).
    pub fn organisation(&self) -> Option<Organisation> {
        self.profile.organisation
    }

    /// Remembers the size of the person's organisation for the attempts they begin from now on;
    /// finished results keep what they recorded.
    pub fn set_organisation(&mut self, organisation: Option<Organisation>) -> Changed {
        self.change_profile(&|profile| profile.organisation = organisation)
    }

    /// The person's situation, as written into the attempts they begin.
    pub fn context(&self) -> Context {
        Context { organisation: self.profile.organisation }
    }

    /// The id of the target role suggested for the next attempt at `set_id` (see [`suggested_role`]).
    pub fn suggested_role(&self, set_id: &str) -> Option<&str> {
        suggested_role(&self.profile, &self.history, set_id)
    }

    /// Deletes everything this widget kept, after the person confirmed it: the goals and notes too.
    pub fn delete_everything(&mut self) -> Changed {
        self.store.delete_everything();
        self.history.clear();
        self.profile = Profile::default();
        self.attempt = None;
        self.problem = None;
        self.progress = None;
        self.progress_stale = false;
        Changed {
            attempt: true,
            history: true,
            profile: true,
            progress: true,
            problem: true,
            answers: false,
            notice: None,
        }
    }

    /// Follows what another tab saved under `key`: its results join the history, its answers the
    /// attempt in progress (per question, the newer answer wins), its profile replaces this one's
    /// (unless it cannot be read), its goals and notes are folded into these at the next read (not
    /// here: this runs in the first download, which reads no progress). `set_for` finds a loaded set by id and version (the attempt's own
    /// version, which may be an archived one).
    pub fn follow(
        &mut self,
        key: &str,
        set_for: impl Fn(&str, &str) -> Option<std::sync::Arc<QuestionSet>>,
    ) -> Changed {
        if self.store.is_history_key(key) {
            return self.follow_history();
        }
        self.follow_besides_history(key, set_for)
    }

    /// Follows another tab's history: its results join this one's. Apart from [`Session::follow`]'s
    /// other keys because the widget runs it in its later module (the history's merge is code the
    /// first screens do not need), asking for that module when such a change arrives.
    pub fn follow_history(&mut self) -> Changed {
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
        Changed { history: true, ..Changed::default() }
    }

    /// [`Session::follow`] for every key but the history's (see [`Session::follow_history`]).
    pub fn follow_besides_history(
        &mut self,
        key: &str,
        set_for: impl Fn(&str, &str) -> Option<std::sync::Arc<QuestionSet>>,
    ) -> Changed {
        if self.store.is_progress_key(key) {
            self.progress_stale = self.progress.is_some();
            return Changed { progress: self.progress_stale, ..Changed::default() };
        }
        if self.store.is_profile_key(key) {
            return match self.store.load_profile() {
                (profile, None) => {
                    let changed = profile != self.profile;
                    self.profile = profile;
                    Changed { profile: changed, ..Changed::default() }
                }
                (_, Some(problem)) => self.report(Err(problem)),
            };
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

/// The role to aim at after a result that was ready for `ready_for` (a role index; `None`: ready
/// for none): the role one stage above it; the set's highest role when it is the highest already;
/// the lowest when the result was ready for none.
pub fn next_role(set: &QuestionSet, ready_for: Option<usize>) -> usize {
    let by_stage = set.roles_by_stage();
    let next = match ready_for.and_then(|ready| by_stage.iter().position(|&r| r == ready)) {
        Some(at) => (at + 1).min(by_stage.len() - 1),
        None => 0,
    };
    by_stage.get(next).copied().unwrap_or(set.default_role)
}

/// The id of the target role to suggest for the next attempt at the set `set_id`: the one kept in
/// `profile` when the most recent result of that set in `history` finished. A result that did not
/// finish here or in another tab of this browser (an imported one) has none kept: then the most
/// recent result that has one. `None` when no result of the set has one (or none is left).
pub fn suggested_role<'p>(profile: &'p Profile, history: &[HistoryEntry], set_id: &str) -> Option<&'p str> {
    history.iter().rev().filter(|entry| entry.document.set_id == set_id).find_map(|entry| {
        profile.next_roles.iter().rev().find(|n| n.attempt == entry.id && n.set_id == set_id).map(|n| n.role.as_str())
    })
}
