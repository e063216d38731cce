//! The session as the widget shows it: the core's [`Session`] over the browser's storage, and
//! signals of what it holds. Intents go to the session; what it reports as changed is copied into
//! the signals, the attempt's answers one question at a time, so an answer re-renders only its
//! own question and the progress.

use std::sync::Arc;

use leptos::prelude::*;

use super::{Catalog, Host};
use crate::attempt::Attempt;
use crate::host_event::{Complete, Progress};
use crate::model::{Organisation, Problem, QuestionSet, Rater, Relationship, Response};
use crate::others::{Invitation, Raters, Reply};
use crate::progress::{Evidence, Goal};
use crate::session::{score_history_reusing, Changed, Place, ReplyOutcome, ScoredResult, Session, StorageProblem};
use crate::storage::{self, WebStorage};
use crate::stored::{HistoryEntry, RoadmapNotes};

/// The attempt in progress, with a signal for each question's answer.
#[derive(Clone)]
pub struct LiveAttempt {
    pub id: String,
    pub set: Arc<QuestionSet>,
    /// The target role (index into the set's roles).
    pub role: usize,
    /// The page (dimension index) the person is on.
    pub page: ArcRwSignal<usize>,
    /// Indexed like the set's questions.
    pub answers: Arc<[ArcRwSignal<Option<Response>>]>,
    /// Questions answered ("not applicable" included).
    pub answered: ArcRwSignal<usize>,
    /// Set when these are a rater's answers about someone else: the questions are asked about them.
    pub rater: Option<Rater>,
}

impl LiveAttempt {
    fn new(attempt: &Attempt, set: Arc<QuestionSet>) -> LiveAttempt {
        LiveAttempt {
            id: attempt.id.clone(),
            set,
            role: attempt.role,
            page: ArcRwSignal::new(attempt.page),
            answers: attempt.responses.0.iter().map(|r| ArcRwSignal::new(*r)).collect(),
            answered: ArcRwSignal::new(attempt.answered()),
            rater: attempt.rater.clone(),
        }
    }

    /// Brings the signals to `attempt`, setting only those whose value changed.
    fn follow(&self, attempt: &Attempt) {
        if self.page.get_untracked() != attempt.page {
            self.page.set(attempt.page);
        }
        for (signal, response) in self.answers.iter().zip(&attempt.responses.0) {
            if signal.get_untracked() != *response {
                signal.set(*response);
            }
        }
        if self.answered.get_untracked() != attempt.answered() {
            self.answered.set(attempt.answered());
        }
    }
}

/// An intent that returns a value, as the one non-generic path ([`LiveSession::apply`]) takes it:
/// run once, its value kept in `found`.
fn once<'a, T>(
    intent: impl FnOnce(&mut Session<WebStorage>) -> (T, Changed) + 'a,
    found: &'a mut Option<T>,
) -> impl FnMut(&mut Session<WebStorage>) -> Changed + 'a {
    let mut intent = Some(intent);
    move |session| match intent.take() {
        Some(intent) => {
            let (value, changed) = intent(session);
            *found = Some(value);
            changed
        }
        None => Changed::default(),
    }
}

/// The session and its signals.
#[derive(Clone, Copy)]
pub struct LiveSession {
    session: StoredValue<Session<WebStorage>>,
    host: Host,
    catalog: Catalog,
    notice: RwSignal<Option<String>>,
    attempt: RwSignal<Option<LiveAttempt>>,
    history: RwSignal<Vec<HistoryEntry>>,
    /// Flips when the profile changes (the person's organisation, the target roles suggested to
    /// them): readers track it and read the session. No signal holds a copy of the profile: a
    /// signal of a type of its own cost 1.1 KB of the first download in reactive code.
    profile_changed: RwSignal<bool>,
    /// Flips when the goals and notes change, here or in another tab, as `profile_changed` does
    /// for the profile (apart, so that the start screen is not drawn again for a note).
    progress_changed: RwSignal<bool>,
    /// The history resolved against the loaded sets and scored, once per change of either: made
    /// by [`LiveSession::results`] when a later screen first asks, so that scoring stays out of
    /// the first download.
    results: StoredValue<Option<Memo<Vec<Arc<ScoredResult>>>>>,
    /// The widget's owner, under which the results live as long as the widget. Weak: a value of
    /// the owner holding the owner itself would keep it, and so the unmounted widget, alive.
    owner: StoredValue<Option<WeakOwner>>,
    /// The storage problem to show, with a way to save the answers to a file.
    problem: RwSignal<Option<StorageProblem>>,
}

/// What the start screen can do about an unfinished attempt of a set.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Unfinished {
    /// None: a new attempt may begin.
    #[default]
    None,
    /// One to resume (the one in progress, else the one saved on this device).
    Attempt(Attempt),
    /// One saved on a version still on its way (the archive is loading): no new attempt of the
    /// set may begin until it can be read.
    AwaitsArchive,
}

/// A change to the goals and notes of evidence, as a screen asks for it (dated by the session).
pub enum ProgressChange {
    AddGoal(Goal),
    /// The goal with this id, changed by the function.
    EditGoal(String, Box<dyn FnOnce(&mut Goal)>),
    DeleteGoal(String),
    AddNote(Evidence),
    /// The note with this id, changed by the function.
    EditNote(String, Box<dyn FnOnce(&mut Evidence)>),
    DeleteNote(String),
}

impl LiveSession {
    pub fn open(namespace: &str, host: Host, catalog: Catalog, notice: RwSignal<Option<String>>) -> LiveSession {
        let session = Session::open(storage::store(namespace));
        let history = RwSignal::new(session.history().to_vec());
        let problem = RwSignal::new(session.problem().cloned());
        LiveSession {
            session: StoredValue::new(session),
            host,
            catalog,
            notice,
            attempt: RwSignal::new(None),
            history,
            profile_changed: RwSignal::new(false),
            progress_changed: RwSignal::new(false),
            results: StoredValue::new(None),
            owner: StoredValue::new(Owner::current().map(|owner| owner.downgrade())),
            problem,
        }
    }

    /// The history resolved and scored, for every view: made on the first call (only the later
    /// screens call it), then kept.
    pub fn results(&self) -> Memo<Vec<Arc<ScoredResult>>> {
        if let Some(results) = self.results.try_get_value().flatten() {
            return results;
        }
        let (catalog, history) = (self.catalog, self.history);
        let owner = self.owner.try_with_value(|owner| owner.as_ref()?.upgrade()).flatten().or_else(Owner::current);
        let memo = || {
            Memo::new_with_compare(
                move |before: Option<&Vec<Arc<ScoredResult>>>| {
                    let loaded = catalog.loaded();
                    history.with(|history| {
                        score_history_reusing(before.map_or(&[], Vec::as_slice), history, |id, version| {
                            loaded.as_ref()?.set_version(id, version)
                        })
                    })
                },
                // Unchanged when every result is the one before: a note typed on the roadmap
                // redraws no view of the results.
                |before, now| match (before, now) {
                    (Some(before), Some(now)) => {
                        before.len() != now.len() || before.iter().zip(now).any(|(b, n)| !Arc::ptr_eq(b, n))
                    }
                    _ => true,
                },
            )
        };
        // Under the widget's owner, not the screen's that asks first: it outlives that screen.
        let results = match owner {
            Some(owner) => owner.with(memo),
            None => memo(),
        };
        self.results.try_set_value(Some(results));
        results
    }

    /// How many completed attempts there are, tracked.
    pub fn history_count(&self) -> usize {
        self.history.with(Vec::len)
    }

    /// Runs an intent on the session and shows what it changed. Every intent takes this one
    /// non-generic path (and reads take [`LiveSession::read`]), which keeps the wasm small.
    fn run(&self, intent: &mut dyn FnMut(&mut Session<WebStorage>) -> Changed) {
        if let Some(changed) = self.apply(intent) {
            self.show(changed);
        }
    }

    /// What `intent` makes of the session, with what it changed shown (`None` once the widget is
    /// unmounted). Generic only in this thin wrapper, like [`LiveSession::with`].
    fn act<T>(&self, intent: impl FnOnce(&mut Session<WebStorage>) -> (T, Changed)) -> Option<T> {
        let mut found = None;
        self.run(&mut once(intent, &mut found));
        found
    }

    /// What a read finds that may also come upon something to tell (a damaged value set aside, a
    /// storage problem), with that shown at the next frame: such reads run while views are drawn,
    /// when no signal may be written. So one method serves a view being drawn and an event handler
    /// alike. Generic only in this thin wrapper over [`LiveSession::look`].
    fn discover<T>(&self, read: impl FnOnce(&mut Session<WebStorage>) -> (T, Changed)) -> Option<T> {
        let mut found = None;
        self.look(&mut once(read, &mut found));
        found
    }

    /// Runs a read that may change the session, and shows what it changed at the next frame. `show`
    /// reads the attempt, history and problem again, so showing late shows them as they are then;
    /// only a notice the read found is told as found (it may follow an intent's notice of the same
    /// frame: both come from storage faults, and a read meets one first only rarely).
    fn look(&self, read: &mut dyn FnMut(&mut Session<WebStorage>) -> Changed) {
        if let Some(changed) = self.apply(read).filter(|changed| *changed != Changed::default()) {
            let this = *self;
            // Not once the widget is gone: its signals are.
            request_animation_frame(move || {
                if !this.attempt.is_disposed() {
                    this.show(changed)
                }
            });
        }
    }

    /// Runs an intent on the session without showing what it changed.
    fn apply(&self, intent: &mut dyn FnMut(&mut Session<WebStorage>) -> Changed) -> Option<Changed> {
        self.session.try_update_value(|session| intent(session))
    }

    /// Reads the session (nothing once the widget is unmounted).
    fn read(&self, reader: &mut dyn FnMut(&Session<WebStorage>)) {
        self.session.try_with_value(|session| reader(session));
    }

    /// What `reader` finds in the session (`None` once the widget is unmounted). Generic only in
    /// this thin wrapper: every read still takes the one non-generic [`LiveSession::read`].
    fn with<T>(&self, reader: impl Fn(&Session<WebStorage>) -> T) -> Option<T> {
        let mut found = None;
        self.read(&mut |session| found = Some(reader(session)));
        found
    }

    fn show(&self, changed: Changed) {
        if changed.attempt || changed.answers {
            match (self.with(|s| s.attempt().cloned()).flatten(), self.attempt.get_untracked()) {
                (None, None) => {}
                (None, Some(_)) => self.attempt.set(None),
                (Some(attempt), Some(live)) if live.id == attempt.id && live.role == attempt.role => {
                    live.follow(&attempt)
                }
                (Some(attempt), _) => {
                    let set = self.catalog.set_version(&attempt.set_id, &attempt.set_version);
                    self.attempt.set(set.map(|set| LiveAttempt::new(&attempt, set)));
                }
            }
        }
        if changed.answers {
            // A rater's progress is not the person's: the host hears only of its own assessments'.
            if let Some(live) = self.attempt.get_untracked().filter(|live| live.rater.is_none()) {
                self.host.emit(&Progress { answered: live.answered.get_untracked(), total: live.answers.len() });
            }
        }
        if changed.history {
            self.history.set(self.with(|s| s.history().to_vec()).unwrap_or_default());
        }
        // get and set, as the host's colour scheme uses them: no other instance of the signal's code.
        if changed.profile {
            self.profile_changed.set(!self.profile_changed.get_untracked());
        }
        if changed.progress {
            self.progress_changed.set(!self.progress_changed.get_untracked());
        }
        // Compared rather than taken from `changed`: a read while drawing may have found one.
        let problem = self.with(|s| s.problem().cloned()).flatten();
        if self.problem.with_untracked(|shown| *shown != problem) {
            self.problem.set(problem);
        }
        if let Some(notice) = changed.notice {
            self.notice.set(Some(notice));
        }
    }

    /// What there is to resume of `set`, if anything, read now. While the archive is still
    /// loading, an attempt begun on a version not at hand yet is left alone: read again once the
    /// archive is in.
    pub fn unfinished(&self, set: &QuestionSet) -> Unfinished {
        let (archived, archive) = self.catalog.archived();
        if self.with(|s| s.unfinished_awaits_archive(set, &archived, archive)).unwrap_or(false) {
            return Unfinished::AwaitsArchive;
        }
        match self.discover(|s| s.unfinished_in(set, &archived, archive)).flatten() {
            Some(attempt) => Unfinished::Attempt(attempt),
            None => Unfinished::None,
        }
    }

    /// The attempt in progress, untracked.
    pub fn attempt(&self) -> Option<LiveAttempt> {
        self.attempt.get_untracked()
    }

    /// Whether the attempt in progress is a rater's answers about someone else; tracked.
    pub fn is_rating(&self) -> bool {
        self.attempt.with(|a| a.as_ref().is_some_and(|a| a.rater.is_some()))
    }

    /// The storage problem to show; tracked.
    pub fn problem(&self) -> Option<StorageProblem> {
        self.problem.get()
    }

    /// Makes `attempt`, the person's own, the attempt in progress from the start screen (new, or
    /// resumed), with the organisation remembered on the device written into it.
    pub fn begin_own(&self, attempt: Attempt) {
        let Some(set) = self.catalog.set_version(&attempt.set_id, &attempt.set_version) else { return };
        self.act(|s| ((), s.begin_own(&set, attempt)));
    }

    /// Makes `attempt` the attempt in progress again as it was saved (its context too): the
    /// attempt a reload comes back to.
    pub fn resume_saved(&self, attempt: Attempt) {
        let Some(set) = self.catalog.set_version(&attempt.set_id, &attempt.set_version) else { return };
        self.act(|s| ((), s.begin(&set, attempt)));
    }

    /// Records an answer to the question at `index` and saves it at once.
    pub fn answer(&self, index: usize, response: Response) {
        let Some(live) = self.attempt.get_untracked() else { return };
        self.run(&mut |s| s.answer(&live.set, index, response, storage::now_ms()));
    }

    pub fn turn_page(&self, page: usize) {
        let Some(live) = self.attempt.get_untracked() else { return };
        self.run(&mut |s| s.turn_page(&live.set, page));
    }

    /// Finishes the attempt in progress and tells the host; returns its id.
    pub fn finish(&self) -> Option<String> {
        let live = self.attempt.get_untracked()?;
        let entry = self.act(|s| s.finish(&live.set, &super::now())).flatten()?;
        let report = crate::scoring::score(&live.set, &entry.document.responses(&live.set).ok()?, live.role)
            .with_context(entry.document.context);
        self.host.emit(&Complete { result: &entry.document, report: report.json(&live.set) });
        Some(entry.id)
    }

    /// A new invitation for someone of `relationship` to give their view of the completed attempt
    /// `attempt_id`, under the name `for_name`; saved with the attempt.
    pub fn invite(&self, attempt_id: &str, relationship: Relationship, for_name: &str) -> Option<Invitation> {
        let made = self.history.with_untracked(|h| {
            let entry = h.iter().find(|e| e.id == attempt_id)?;
            Some(Invitation::for_result(new_invitation_id(), &entry.document, relationship, for_name))
        })?;
        let invitation = made.clone();
        self.act(|s| ((), s.invite(attempt_id, made)));
        Some(invitation)
    }

    /// The invitations and replies of the completed attempt `id` (those that read), tracked.
    pub fn raters(&self, id: &str) -> Raters {
        self.history.with(|h| h.iter().find(|e| e.id == id).map(|e| e.raters.read())).unwrap_or_default()
    }

    pub fn remove_reply(&self, attempt_id: &str, invitation: &str) {
        self.run(&mut |s| s.remove_reply(attempt_id, invitation));
    }

    /// Adds the reply a reply link's payload carries to the attempt whose invitation it answers;
    /// says what happened.
    pub fn receive_reply_link(&self, payload: &str) -> ReplyOutcome {
        let catalog = self.catalog;
        self.act(|s| {
            let outcome = s.receive_reply_link(payload, |id, version| catalog.set_version(id, version));
            let changed = outcome.changed.clone();
            (outcome, changed)
        })
        .unwrap_or(ReplyOutcome { message: String::new(), changed: Changed::default(), attempt: None })
    }

    /// The rater's answers to `invitation` kept on this device.
    pub fn rater_answers(&self, set: &QuestionSet, invitation: &Invitation) -> Option<Attempt> {
        self.discover(|s| s.rating(set, invitation)).flatten()
    }

    /// Makes the rater's answers to `invitation` (of `set`) the attempt in progress.
    pub fn begin_rating(&self, set: &QuestionSet, invitation: &Invitation) {
        self.run(&mut |s| s.begin_rating(set, invitation, &super::now()));
    }

    /// Finishes the rater's answers and tells the host (`altitude-reply`, the reply as detail).
    pub fn finish_rating(&self) -> Option<Reply> {
        let live = self.attempt.get_untracked()?;
        let reply = self.act(|s| s.finish_rating(&live.set, &super::now())).flatten()?;
        self.host.emit(&reply);
        Some(reply)
    }

    /// The reply of the rater's finished answers in progress, if they are finished.
    pub fn reply(&self) -> Option<(Reply, Arc<QuestionSet>)> {
        let live = self.attempt.get_untracked()?;
        let reply = self.with(|s| {
            s.attempt()
                .filter(|a| a.rater.is_some() && a.completed_at.is_some())
                .map(|a| Reply { invitation: a.id.clone(), document: a.to_document(&live.set) })
        });
        Some((reply.flatten()?, live.set))
    }

    pub fn remove_results(&self, ids: &[String]) {
        self.run(&mut |s| s.remove_results(ids));
    }

    pub fn update_notes(&self, id: &str, change: impl FnOnce(&mut RoadmapNotes)) {
        self.act(|s| ((), s.update_notes(id, change)));
    }

    /// Imports a file; returns what happened, for the person.
    pub fn import(&self, text: &str) -> String {
        // The offered sets first (results are checked against them), then the archive, where a
        // reply to an invitation made on an earlier version finds its set.
        let sets: Vec<Arc<QuestionSet>> = self
            .catalog
            .loaded_untracked()
            .map(|l| l.usable().into_iter().chain(l.archived.iter().cloned()).collect())
            .unwrap_or_default();
        self.act(|s| {
            let outcome = s.import(text, &sets, |document| super::new_attempt_id(&document.set_id));
            (outcome.message, outcome.changed)
        })
        .unwrap_or_default()
    }

    pub fn delete_everything(&self) {
        self.run(&mut |s| s.delete_everything());
    }

    /// The export-everything file: every result, and the goals and notes of evidence (read from
    /// storage now if no screen has read them yet).
    pub fn export_everything(&self) -> String {
        let at = super::now();
        self.act(|s| s.export_everything(&at)).unwrap_or_default()
    }

    /// The goals and notes of evidence, read from storage on the first call (a later screen's).
    /// Not tracked: [`LiveSession::track_progress`] is, for the one reader that follows them.
    pub fn progress(&self) -> crate::progress::Progress {
        self.discover(|s| {
            let (progress, changed) = s.progress();
            (progress.clone(), changed)
        })
        .unwrap_or_default()
    }

    /// Tracks the goals and notes: the reader that calls it runs again when they change, here or
    /// in another tab.
    pub fn track_progress(&self) {
        self.progress_changed.track();
    }

    /// Makes `change` to the goals and notes; what was wrong with it, for the person (empty when done).
    pub fn change_progress(&self, change: ProgressChange) -> Vec<Problem> {
        let at = super::now();
        self.act(|s| {
            let outcome = match change {
                ProgressChange::AddGoal(goal) => s.add_goal(goal),
                ProgressChange::EditGoal(id, edit) => s.update_goal(&id, &at, edit),
                ProgressChange::DeleteGoal(id) => s.delete_goal(&id, &at),
                ProgressChange::AddNote(note) => s.add_evidence(note),
                ProgressChange::EditNote(id, edit) => s.update_evidence(&id, &at, edit),
                ProgressChange::DeleteNote(id) => s.delete_evidence(&id, &at),
            };
            (outcome.problems, outcome.changed)
        })
        .unwrap_or_default()
    }

    pub fn dismiss_problem(&self) {
        self.run(&mut |s| s.dismiss_problem());
    }

    pub fn prepared_for(&self) -> String {
        self.with(Session::prepared_for).unwrap_or_default()
    }

    pub fn set_prepared_for(&self, name: &str) {
        self.run(&mut |s| s.set_prepared_for(name));
    }

    /// How many engineers work in the person's organisation, as remembered on the device; tracked.
    pub fn organisation(&self) -> Option<Organisation> {
        let _tracked = self.profile_changed.get();
        self.with(Session::organisation).flatten()
    }

    pub fn set_organisation(&self, organisation: Option<Organisation>) {
        self.run(&mut |s| s.set_organisation(organisation));
    }

    /// The id of the target role suggested for the next attempt at the set `set_id`, from its most
    /// recent result; tracked (another tab's result or a result removed changes it).
    pub fn suggested_role(&self, set_id: &str) -> Option<String> {
        let _tracked = self.profile_changed.get();
        let _tracked_history = self.history.with(Vec::len);
        self.with(|s| s.suggested_role(set_id).map(str::to_owned)).flatten()
    }

    /// The roadmap notes of the completed attempt `id`, tracked.
    pub fn notes(&self, id: &str) -> RoadmapNotes {
        self.history.with(|h| h.iter().find(|e| e.id == id).map(|e| e.notes.clone())).unwrap_or_default()
    }

    /// The completed attempts, oldest first, as stored.
    pub fn history(&self) -> Vec<HistoryEntry> {
        self.history.get_untracked()
    }

    /// The attempt in progress as a result document, for "save my answers to a file".
    pub fn attempt_document(&self) -> Option<(String, String)> {
        let live = self.attempt.get_untracked()?;
        let document = self.with(|s| s.attempt().map(|a| a.to_document(&live.set).to_json())).flatten()?;
        Some((live.set.id.clone(), document))
    }

    /// Keeps `place` (`None`: the start screen) for this tab, so a reload comes back to it.
    pub fn remember_place(&self, place: Option<&Place>) {
        self.read(&mut |s| s.store().remember_place(place));
    }

    /// Where this tab was before a reload.
    pub fn recalled_place(&self) -> Option<Place> {
        self.with(|s| s.store().recalled_place()).flatten()
    }

    /// Follows what another tab saved: its answers join the attempt in progress, its profile this
    /// one's; a change of its results is handed to `history_changed`, which brings them in through
    /// the later module ([`LiveSession::follow_history`]), where their merge lives: the first
    /// screens never need it.
    pub fn follow_other_tabs(&self, history_changed: fn(LiveSession)) {
        let this = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let Some(key) = event.key() else { return };
            if this.with(|s| s.store().is_history_key(&key)).unwrap_or(false) {
                history_changed(this);
            } else {
                this.run(&mut |s| s.follow_besides_history(&key, |id, version| this.catalog.set_version(id, version)));
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Brings another tab's results into the history (called in the later module, see
    /// [`LiveSession::follow_other_tabs`]).
    pub fn follow_history(&self) {
        self.run(&mut |s| s.follow_history());
    }
}

/// A new invitation id: 16 random letters and digits (80 bits), so that no one can guess another's.
fn new_invitation_id() -> String {
    // 32 characters, so that a random byte picks each with the same chance.
    const DIGITS: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| char::from(DIGITS[usize::from(*b) % DIGITS.len()])).collect()
}
