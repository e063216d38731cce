//! The widget: a thin Leptos layer over the core. State is plain data in signals; components,
//! one per file, read it from [`AppState`] and change it through the functions here.

mod catalog;
mod chart_figure;
mod download;
mod history_screen;
pub mod panic_notice;
mod progress_bar;
mod question_field;
mod question_page;
mod results_view;
mod review_screen;
mod roadmap_view;
mod root;
mod score_table;
mod set_problems;
mod start_screen;
mod storage_notice;

use std::sync::Arc;

use leptos::prelude::*;

use crate::attempt::Attempt;
use crate::model::{Problem, QuestionSet};
use crate::storage::{StorageProblem, Store};
use crate::stored::{HistoryEntry, RoadmapNotes};

/// Mounts the widget into the page's body.
pub fn start() {
    panic_notice::install();
    leptos::mount::mount_to_body(|| view! { <root::Root namespace="altitude"/> });
}

/// A question set named by the catalog, as far as loading it got.
#[derive(Debug, Clone, PartialEq)]
pub enum SetEntry {
    Loaded(Arc<QuestionSet>),
    /// The address and what went wrong: the located problems, or why it could not be fetched.
    Failed { url: String, problems: Vec<Problem>, reason: Option<String> },
}

/// Where the person is.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Loading,
    Start,
    Answer,
    Review,
    /// The results of the completed attempt with this id.
    Results(String),
    /// The development roadmap of a completed attempt (its id) against a role (its id).
    Roadmap(String, String),
    History,
}

/// The widget's state, shared through context. Signals are `Copy`, so the whole struct is.
#[derive(Clone, Copy)]
pub struct AppState {
    pub sets: RwSignal<Vec<SetEntry>>,
    /// The catalog's default set id.
    pub default_set: RwSignal<Option<String>>,
    /// An error that stopped the catalog itself from loading.
    pub catalog_error: RwSignal<Option<String>>,
    pub screen: RwSignal<Screen>,
    pub attempt: RwSignal<Option<Attempt>>,
    pub history: RwSignal<Vec<HistoryEntry>>,
    /// A short status line announced to screen readers (saved, imported, deleted, ...).
    pub notice: RwSignal<Option<String>>,
    /// The latest storage problem, shown with a way to save the answers to a file.
    pub storage_problem: RwSignal<Option<StorageProblem>>,
    /// Whether the person was already told that storage is blocked: they are told once.
    told_blocked: RwSignal<bool>,
    pub store: StoredValue<Store>,
}

impl AppState {
    fn new(namespace: &str) -> AppState {
        let store = Store::new(namespace);
        let (history, problem) = store.load_history();
        let state = AppState {
            sets: RwSignal::new(Vec::new()),
            default_set: RwSignal::new(None),
            catalog_error: RwSignal::new(None),
            screen: RwSignal::new(Screen::Loading),
            attempt: RwSignal::new(None),
            history: RwSignal::new(history),
            notice: RwSignal::new(None),
            storage_problem: RwSignal::new(None),
            told_blocked: RwSignal::new(false),
            store: StoredValue::new(store),
        };
        if !state.store.with_value(Store::is_available) {
            state.report(Err(StorageProblem::Blocked));
        }
        state.report(problem.map_or(Ok(()), Err));
        state
    }

    /// Shows what a storage operation ran into, or clears a "full" warning once saving works again.
    pub fn report(&self, result: Result<(), StorageProblem>) {
        match result {
            Ok(()) => {
                if self.storage_problem.with_untracked(|p| matches!(p, Some(StorageProblem::Full))) {
                    self.storage_problem.set(None);
                    self.notice.set(Some("Saving works again: everything is kept on this device.".to_owned()));
                }
            }
            Err(StorageProblem::Blocked) if self.told_blocked.get_untracked() => {}
            Err(problem) => {
                if problem == StorageProblem::Blocked {
                    self.told_blocked.set(true);
                }
                if self.storage_problem.with_untracked(|p| p.as_ref() != Some(&problem)) {
                    self.storage_problem.set(Some(problem));
                }
            }
        }
    }

    /// The loaded set with this id.
    pub fn set(&self, id: &str) -> Option<Arc<QuestionSet>> {
        self.sets.with(|sets| {
            sets.iter().find_map(|entry| match entry {
                SetEntry::Loaded(set) if set.id == id => Some(set.clone()),
                _ => None,
            })
        })
    }

    /// A completed attempt from history with its set and responses, or why it cannot be shown.
    pub fn completed(&self, attempt_id: &str) -> Result<(HistoryEntry, Arc<QuestionSet>, crate::model::Responses), String> {
        let entry = self.history.with_untracked(|h| h.iter().find(|e| e.id == attempt_id).cloned()).ok_or("This result is no longer on this device.")?;
        let set = self.set(&entry.document.set_id).ok_or_else(|| format!("The assessment “{}” of this result is not available here.", entry.document.set_id))?;
        let responses = entry.document.responses(&set).map_err(|problems| {
            format!("This result no longer fits its assessment: {}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))
        })?;
        Ok((entry, set, responses))
    }

    /// The attempt in progress saved for a set, if any.
    pub fn saved_attempt(&self, set: &QuestionSet) -> Option<Attempt> {
        let (attempt, problem) = self.store.with_value(|store| store.load_attempt(set));
        self.report(problem.map_or(Ok(()), Err));
        attempt
    }

    /// Makes `attempt` the attempt in progress and saves it.
    pub fn begin_attempt(&self, attempt: Attempt) {
        self.attempt.set(Some(attempt));
        self.update_attempt(|_| {});
    }

    /// Changes the attempt in progress and saves it at once, folding in what another tab saved.
    pub fn update_attempt(&self, change: impl FnOnce(&mut Attempt)) {
        let Some(mut attempt) = self.attempt.get_untracked() else { return };
        change(&mut attempt);
        let Some(set) = self.set(&attempt.set_id) else { return };
        let (merged, result) = self.store.with_value(|store| store.save_attempt(&set, &attempt));
        self.attempt.set(Some(merged));
        self.report(result);
    }

    /// Saves the history shown here, merged with what other tabs saved, without `removed` ids.
    fn save_history(&self, removed: &[String]) {
        let memory = self.history.get_untracked();
        let (merged, result) = self.store.with_value(|store| store.save_history(&memory, removed));
        self.history.set(merged);
        self.report(result);
    }

    /// Finishes the attempt in progress: it joins the history and its results are shown.
    pub fn finish_attempt(&self) {
        let Some(mut attempt) = self.attempt.get_untracked() else { return };
        let Some(set) = self.set(&attempt.set_id) else { return };
        attempt.completed_at = Some(now());
        let entry = HistoryEntry { id: attempt.id.clone(), document: attempt.to_document(&set), notes: RoadmapNotes::default() };
        self.history.update(|history| history.push(entry));
        self.save_history(&[]);
        if self.storage_problem.with_untracked(Option::is_none) {
            self.store.with_value(|store| store.clear_attempt(&set.id));
        }
        self.attempt.set(None);
        self.screen.set(Screen::Results(attempt.id));
    }

    /// Removes the completed attempts with these ids, here and in storage.
    pub fn remove_history(&self, ids: Vec<String>) {
        self.history.update(|history| history.retain(|entry| !ids.contains(&entry.id)));
        self.save_history(&ids);
    }

    /// Changes the roadmap notes of a completed attempt and saves them.
    pub fn update_notes(&self, attempt_id: &str, change: impl FnOnce(&mut RoadmapNotes)) {
        self.history.update(|history| {
            if let Some(entry) = history.iter_mut().find(|e| e.id == attempt_id) {
                change(&mut entry.notes);
            }
        });
        self.save_history(&[]);
    }

    /// Adds completed attempts (from an import) to history; returns how many were new.
    pub fn add_history(&self, entries: &[HistoryEntry]) -> usize {
        let mut added = 0;
        self.history.update(|history| added = crate::stored::merge_history(history, entries));
        self.save_history(&[]);
        added
    }

    /// Deletes everything this widget kept, after the person confirmed it.
    pub fn delete_everything(&self) {
        self.store.with_value(Store::delete_everything);
        self.history.set(Vec::new());
        self.attempt.set(None);
        self.storage_problem.set(None);
    }

    /// Follows what another tab saved: its answers join the attempt in progress, its results the history.
    pub fn follow_other_tabs(&self) {
        let state = *self;
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let Some(key) = event.key() else { return };
            let history_key = state.store.with_value(Store::history_key);
            if key == history_key {
                let (stored, _) = state.store.with_value(Store::load_history);
                state.history.update(|history| {
                    let mine: Vec<HistoryEntry> = history.drain(..).collect();
                    *history = stored;
                    crate::stored::merge_history(history, &mine);
                });
            } else if state.store.with_value(|store| store.is_current_key(&key)) {
                let Some(attempt) = state.attempt.get_untracked() else { return };
                let Some(set) = state.set(&attempt.set_id) else { return };
                if let (Some(saved), _) = state.store.with_value(|store| store.load_attempt(&set)) {
                    state.attempt.update(|a| {
                        if let Some(a) = a {
                            a.merge_from(&saved);
                        }
                    });
                }
            }
        });
        on_cleanup(move || handle.remove());
    }
}

impl Screen {
    /// The location hash that brings a reload back to this screen.
    fn hash(&self, state: &AppState) -> String {
        let set_id = || state.attempt.with_untracked(|a| a.as_ref().map(|a| a.set_id.clone()).unwrap_or_default());
        match self {
            Screen::Loading | Screen::Start => String::new(),
            Screen::Answer => format!("#answer/{}", set_id()),
            Screen::Review => format!("#review/{}", set_id()),
            Screen::Results(id) => format!("#results/{id}"),
            Screen::Roadmap(id, role) => format!("#roadmap/{id}/{role}"),
            Screen::History => "#history".to_owned(),
        }
    }
}

/// Keeps the location hash in step with the screen, so a reload or a crash comes back to it.
pub fn remember_screen(state: AppState) {
    Effect::new(move |_| {
        // While loading, the hash still names the screen to restore.
        if state.screen.with(|screen| *screen == Screen::Loading) {
            return;
        }
        let hash = state.screen.with(|screen| screen.hash(&state));
        let Some(window) = web_sys::window() else { return };
        let url = if hash.is_empty() { window.location().pathname().unwrap_or_default() + &window.location().search().unwrap_or_default() } else { hash };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
}

/// The screen the location hash names, once the sets are loaded: an attempt in progress is resumed
/// on its page, a result reopened; anything else starts at the start screen.
pub fn restore_screen(state: AppState) {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let hash = hash.trim_start_matches('#');
    let (kind, rest) = hash.split_once('/').unwrap_or((hash, ""));
    let screen = match kind {
        "answer" | "review" => state.set(rest).and_then(|set| state.saved_attempt(&set)).map(|attempt| {
            state.attempt.set(Some(attempt));
            if kind == "answer" { Screen::Answer } else { Screen::Review }
        }),
        "results" if state.history.with_untracked(|h| h.iter().any(|e| e.id == rest)) => Some(Screen::Results(rest.to_owned())),
        "roadmap" => rest.split_once('/').filter(|(id, _)| state.history.with_untracked(|h| h.iter().any(|e| e.id == *id))).map(|(id, role)| Screen::Roadmap(id.to_owned(), role.to_owned())),
        "history" => Some(Screen::History),
        _ => None,
    };
    state.screen.set(screen.unwrap_or(Screen::Start));
}

/// The current time as an RFC 3339 timestamp.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new attempt id, unique on this device.
pub fn new_attempt_id(set_id: &str) -> String {
    format!("{set_id}-{}-{}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e6) as u32)
}

/// Whether the page asks for dark colours, for the charts.
pub fn prefers_dark() -> bool {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()).is_some_and(|m| m.matches())
}

/// Moves keyboard focus to the element with this id, after the view has updated.
pub fn focus_element(id: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(id) {
            if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                let _ = element.focus();
            }
        }
    });
}
