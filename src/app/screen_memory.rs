//! Which screen a widget is on, remembered for the browser tab (session storage, not the URL: an
//! embedded widget leaves the host page's address alone), so a reload or a crash comes back to it.

use leptos::prelude::*;

use super::{AppState, Screen};
use crate::storage::Store;

impl Screen {
    /// A short name of this screen, kept for the tab so that a reload comes back to it.
    fn memo(&self, state: &AppState) -> String {
        let set_id = || state.attempt.with_untracked(|a| a.as_ref().map(|a| a.set_id.clone()).unwrap_or_default());
        match self {
            Screen::Loading | Screen::Start => String::new(),
            Screen::Answer => format!("answer/{}", set_id()),
            Screen::Review => format!("review/{}", set_id()),
            Screen::Results(id) => format!("results/{id}"),
            Screen::Roadmap(id, role) => format!("roadmap/{id}/{role}"),
            Screen::History => "history".to_owned(),
        }
    }
}

/// Keeps the screen in this tab's session storage, so a reload or a crash comes back to it. (Not in
/// the URL: an embedded widget must leave the host page's address alone.)
pub fn remember_screen(state: AppState) {
    Effect::new(move |_| {
        // While loading, the remembered screen is still to be restored.
        if state.screen.with(|screen| *screen == Screen::Loading) {
            return;
        }
        let memo = state.screen.with(|screen| screen.memo(&state));
        state.store.with_value(|store| store.remember_screen(&memo));
    });
}

/// The remembered screen, once the sets are loaded: an attempt in progress is resumed on its page,
/// a result reopened; anything else starts at the start screen.
pub fn restore_screen(state: AppState) {
    let memo = state.store.with_value(Store::recalled_screen).unwrap_or_default();
    let (kind, rest) = memo.split_once('/').unwrap_or((memo.as_str(), ""));
    let screen = match kind {
        "answer" | "review" => state.set(rest).and_then(|set| state.saved_attempt(&set)).map(|attempt| {
            state.attempt.set(Some(attempt));
            if kind == "answer" {
                Screen::Answer
            } else {
                Screen::Review
            }
        }),
        "results" if state.history.with_untracked(|h| h.iter().any(|e| e.id == rest)) => {
            Some(Screen::Results(rest.to_owned()))
        }
        "roadmap" => rest
            .split_once('/')
            .filter(|(id, _)| state.history.with_untracked(|h| h.iter().any(|e| e.id == *id)))
            .map(|(id, role)| Screen::Roadmap(id.to_owned(), role.to_owned())),
        "history" => Some(Screen::History),
        _ => None,
    };
    state.screen.set(screen.unwrap_or(Screen::Start));
}
