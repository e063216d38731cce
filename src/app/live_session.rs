//! The session as the widget shows it: the core's [`Session`] over the browser's storage, and
//! signals of what it holds. Intents go to the session; what it reports as changed is copied into
//! the signals, the attempt's answers one question at a time, so an answer re-renders only its
//! own question and the progress.

use std::sync::Arc;

use leptos::prelude::*;

use super::{Catalog, Host};
use crate::attempt::Attempt;
use crate::model::{QuestionSet, Response};
use crate::session::{Changed, ScoredResult, Session, StorageProblem};
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

/// The session and its signals.
#[derive(Clone, Copy)]
pub struct LiveSession {
    session: StoredValue<Session<WebStorage>>,
    host: Host,
    catalog: Catalog,
    notice: RwSignal<Option<String>>,
    pub attempt: RwSignal<Option<LiveAttempt>>,
    history: RwSignal<Vec<HistoryEntry>>,
    /// The history resolved against the loaded sets and scored, once per change of either.
    pub results: Memo<Vec<Arc<ScoredResult>>>,
    /// The storage problem to show, with a way to save the answers to a file.
    pub problem: RwSignal<Option<StorageProblem>>,
}

impl LiveSession {
    pub fn open(namespace: &str, host: Host, catalog: Catalog, notice: RwSignal<Option<String>>) -> LiveSession {
        let session = Session::open(storage::store(namespace));
        let history = RwSignal::new(session.history().to_vec());
        let problem = RwSignal::new(session.problem().cloned());
        // Resolved and scored again only when a result or a set changes, not when notes do.
        let documents = Memo::new(move |_| {
            history.with(|h| h.iter().map(|e| (e.id.clone(), e.document.clone())).collect::<Vec<_>>())
        });
        let results = Memo::new(move |_| {
            let loaded = catalog.loaded();
            let set_for = |id: &str| loaded.as_ref()?.set(id);
            documents.with(|d| {
                d.iter()
                    .map(|(id, document)| Arc::new(ScoredResult::new(id.clone(), document.clone(), set_for)))
                    .collect()
            })
        });
        LiveSession {
            session: StoredValue::new(session),
            host,
            catalog,
            notice,
            attempt: RwSignal::new(None),
            history,
            results,
            problem,
        }
    }

    /// Runs an intent on the session and shows what it changed.
    /// (`None` once the widget is unmounted.)
    fn run<T>(&self, intent: impl FnOnce(&mut Session<WebStorage>) -> (T, Changed)) -> Option<T> {
        let (value, changed) = self.session.try_update_value(intent)?;
        self.show(changed);
        Some(value)
    }

    fn show(&self, changed: Changed) {
        if changed.attempt || changed.answers {
            let attempt = self.session.with_value(|s| s.attempt().cloned());
            match (attempt, self.attempt.get_untracked()) {
                (None, None) => {}
                (None, Some(_)) => self.attempt.set(None),
                (Some(attempt), Some(live)) if live.id == attempt.id && live.role == attempt.role => {
                    live.follow(&attempt)
                }
                (Some(attempt), _) => {
                    self.attempt.set(self.catalog.set(&attempt.set_id).map(|set| LiveAttempt::new(&attempt, set)));
                }
            }
        }
        if changed.answers {
            if let Some(live) = self.attempt.get_untracked() {
                let detail =
                    format!("{{\"answered\":{},\"total\":{}}}", live.answered.get_untracked(), live.answers.len());
                self.host.emit("progress", &detail);
            }
        }
        if changed.history {
            self.history.set(self.session.with_value(|s| s.history().to_vec()));
        }
        if changed.problem {
            self.problem.set(self.session.with_value(|s| s.problem().cloned()));
        }
        if let Some(notice) = changed.notice {
            self.notice.set(Some(notice));
        }
    }

    /// The unfinished attempt of `set`: the one in progress, else the one saved on this device.
    pub fn unfinished(&self, set: &QuestionSet) -> Option<Attempt> {
        self.run(|s| s.unfinished(set)).flatten()
    }

    /// Makes `attempt` the attempt in progress and saves it.
    pub fn begin(&self, attempt: Attempt) {
        let Some(set) = self.catalog.set(&attempt.set_id) else { return };
        self.run(|s| ((), s.begin(&set, attempt)));
    }

    fn with_set(&self, intent: impl FnOnce(&mut Session<WebStorage>, &QuestionSet) -> Changed) {
        let Some(live) = self.attempt.get_untracked() else { return };
        self.run(|s| ((), intent(s, &live.set)));
    }

    /// Records an answer to the question at `index` and saves it at once.
    pub fn answer(&self, index: usize, response: Response) {
        self.with_set(|s, set| s.answer(set, index, response, storage::now_ms()));
    }

    pub fn turn_page(&self, page: usize) {
        self.with_set(|s, set| s.turn_page(set, page));
    }

    /// Finishes the attempt in progress and tells the host; returns its id.
    pub fn finish(&self) -> Option<String> {
        let live = self.attempt.get_untracked()?;
        let entry = self.run(|s| match s.finish(&live.set, &super::now()) {
            Some((entry, changed)) => (Some(entry), changed),
            None => (None, Changed::default()),
        })??;
        let report = crate::scoring::score(&live.set, &entry.document.responses(&live.set).ok()?, live.role);
        self.host.emit(
            "complete",
            &format!(
                "{{\"result\":{},\"report\":{}}}",
                crate::model::json::compact(&entry.document),
                crate::model::json::compact(&report.json(&live.set))
            ),
        );
        Some(entry.id)
    }

    pub fn remove_results(&self, ids: &[String]) {
        self.run(|s| ((), s.remove_results(ids)));
    }

    pub fn update_notes(&self, id: &str, change: impl FnOnce(&mut RoadmapNotes)) {
        self.run(|s| ((), s.update_notes(id, change)));
    }

    /// Imports a file; returns what happened, for the person.
    pub fn import(&self, text: &str) -> String {
        let sets = self.catalog.loaded_untracked().map(|l| l.usable()).unwrap_or_default();
        self.run(|s| {
            let outcome = s.import(text, &sets, |document| super::new_attempt_id(&document.set_id));
            (outcome.message, outcome.changed)
        })
        .unwrap_or_default()
    }

    pub fn delete_everything(&self) {
        self.run(|s| ((), s.delete_everything()));
    }

    pub fn dismiss_problem(&self) {
        self.run(|s| ((), s.dismiss_problem()));
    }

    pub fn prepared_for(&self) -> String {
        self.session.with_value(|s| s.prepared_for())
    }

    pub fn set_prepared_for(&self, name: &str) {
        self.run(|s| ((), s.set_prepared_for(name)));
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
        let document = self.session.with_value(|s| Some(s.attempt()?.to_document(&live.set)))?;
        Some((live.set.id.clone(), document.to_json()))
    }

    pub fn remember_screen(&self, memo: &str) {
        self.session.with_value(|s| s.store().remember_screen(memo));
    }

    pub fn recalled_screen(&self) -> Option<String> {
        self.session.with_value(|s| s.store().recalled_screen())
    }

    /// Follows what another tab saved: its answers join the attempt in progress, its results the history.
    pub fn follow_other_tabs(&self) {
        let this = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let Some(key) = event.key() else { return };
            this.run(|s| ((), s.follow(&key, |id| this.catalog.set(id))));
        });
        on_cleanup(move || handle.remove());
    }
}
