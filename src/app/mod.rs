//! The widget: a thin Leptos layer over the core. State is plain data in signals; components,
//! one per file, read it from [`AppState`] and change it through the functions here.

mod catalog;
mod chart_figure;
mod download;
mod element;
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
mod screen_memory;
mod set_problems;
mod start_screen;
mod storage_notice;

use std::sync::Arc;

use leptos::prelude::*;

use crate::attempt::Attempt;
use crate::model::{Problem, QuestionSet};
use crate::storage::{StorageProblem, Store};
use crate::stored::{HistoryEntry, RoadmapNotes};

pub use element::{Attributes, HostAttributes, Mounted};
pub use screen_memory::{remember_screen, restore_screen};

/// A question set named by the catalog, as far as loading it got.
#[derive(Debug, Clone, PartialEq)]
pub enum SetEntry {
    Loaded(Arc<QuestionSet>),
    /// The address and what went wrong: the located problems, or why it could not be fetched.
    Failed {
        url: String,
        problems: Vec<Problem>,
        reason: Option<String>,
    },
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
    pub attributes: HostAttributes,
    /// The `<altitude-assessment>` element (events are dispatched on it) and the container inside
    /// its shadow root (where ids are looked up).
    elements: StoredValue<(web_sys::HtmlElement, web_sys::HtmlElement), LocalStorage>,
    /// The URL the bundle is served from; the bundled assessments are found relative to it.
    pub assets: StoredValue<String>,
}

impl AppState {
    fn new(
        namespace: &str,
        host: web_sys::HtmlElement,
        container: web_sys::HtmlElement,
        assets: String,
        attributes: HostAttributes,
    ) -> AppState {
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
            attributes,
            elements: StoredValue::new_local((host, container)),
            assets: StoredValue::new(assets),
        };
        if !state.store.with_value(Store::is_available) {
            state.report(Err(StorageProblem::Blocked));
        }
        state.report(problem.map_or(Ok(()), Err));
        state
    }

    /// Dispatches `altitude-<name>` on the element, bubbling out of the shadow root, with `detail`
    /// parsed from JSON so the host gets plain objects.
    pub fn emit(&self, name: &str, detail: &str) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(wasm_bindgen::JsValue::NULL));
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("altitude-{name}"), &init) {
            self.elements.with_value(|(host, _)| host.dispatch_event(&event).ok());
        }
    }

    /// The element with this id inside the widget.
    pub fn find(&self, id: &str) -> Option<web_sys::HtmlElement> {
        let found =
            self.elements.with_value(|(_, container)| container.query_selector(&format!("#{id}")).ok().flatten())?;
        wasm_bindgen::JsCast::dyn_into(found).ok()
    }

    /// Moves keyboard focus to the element with this id, after the view has updated.
    pub fn focus(&self, id: &'static str) {
        let state = *self;
        request_animation_frame(move || {
            if let Some(element) = state.find(id) {
                let _ = element.focus();
            }
        });
    }

    /// Whether the widget shows dark colours: its `theme`, else the system's preference.
    pub fn dark(&self) -> bool {
        match self.attributes.theme.get().as_deref() {
            Some("dark") => true,
            Some("light") => false,
            _ => web_sys::window()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                .is_some_and(|m| m.matches()),
        }
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

    /// The set a person starting now would take: the element's `set`, else the catalog's default,
    /// else the first that loaded.
    pub fn chosen_set(&self) -> Option<Arc<QuestionSet>> {
        let wanted = self.attributes.set.get_untracked().or_else(|| self.default_set.get_untracked());
        wanted.and_then(|id| self.set(&id)).or_else(|| {
            self.sets.with_untracked(|sets| {
                sets.iter().find_map(|e| if let SetEntry::Loaded(s) = e { Some(s.clone()) } else { None })
            })
        })
    }

    /// The attempt in progress with its set, when there is one whose set is loaded.
    pub fn attempt_in_progress(&self) -> Option<(Attempt, Arc<QuestionSet>)> {
        let attempt = self.attempt.get_untracked()?;
        let set = self.set(&attempt.set_id)?;
        Some((attempt, set))
    }

    /// A completed attempt from history with its set and responses, or why it cannot be shown.
    pub fn completed(
        &self,
        attempt_id: &str,
    ) -> Result<(HistoryEntry, Arc<QuestionSet>, crate::model::Responses), String> {
        let entry = self
            .history
            .with_untracked(|h| h.iter().find(|e| e.id == attempt_id).cloned())
            .ok_or("This result is no longer on this device.")?;
        let set = self.set(&entry.document.set_id).ok_or_else(|| {
            format!("The assessment “{}” of this result is not available here.", entry.document.set_id)
        })?;
        let responses = entry.document.responses(&set).map_err(|problems| {
            format!(
                "This result no longer fits its assessment: {}",
                problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ")
            )
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
        let before = attempt.responses.clone();
        change(&mut attempt);
        let Some(set) = self.set(&attempt.set_id) else { return };
        let (merged, result) = self.store.with_value(|store| store.save_attempt(&set, &attempt));
        // The host hears of answers, not of moves between pages.
        if merged.responses != before {
            self.emit("progress", &format!("{{\"answered\":{},\"total\":{}}}", merged.answered(), set.questions.len()));
        }
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
        let entry = HistoryEntry {
            id: attempt.id.clone(),
            document: attempt.to_document(&set),
            notes: RoadmapNotes::default(),
        };
        let report = crate::scoring::score(&set, &attempt.responses, attempt.role);
        self.emit(
            "complete",
            &format!(
                "{{\"result\":{},\"report\":{}}}",
                serde_json::to_string(&entry.document).unwrap_or_default(),
                serde_json::to_string(&report.json(&set)).unwrap_or_default()
            ),
        );
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
                    let mine = std::mem::take(history);
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

/// The current time as an RFC 3339 timestamp.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new attempt id, unique on this device.
pub fn new_attempt_id(set_id: &str) -> String {
    format!("{set_id}-{}-{}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e6) as u32)
}

/// Installs the crash notice; once per page.
pub fn install_panic_notice() {
    panic_notice::install();
}
