//! Which screen a widget is on, remembered for the browser tab (session storage, not the URL: an
//! embedded widget leaves the host page's address alone), so a reload or a crash comes back to it.

use leptos::prelude::*;

use super::{AppState, Screen};

impl Screen {
    /// A short name of this screen, kept for the tab so that a reload comes back to it.
    fn memo(&self, state: &AppState) -> String {
        let set_id =
            || state.session.attempt.with_untracked(|a| a.as_ref().map(|a| a.set.id.clone())).unwrap_or_default();
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

/// Keeps the screen in this tab's session storage, so a reload or a crash comes back to it.
pub fn remember_screen(state: AppState) {
    Effect::new(move |_| {
        // While loading, the remembered screen is still to be restored.
        if state.screen.with(|screen| *screen == Screen::Loading) {
            return;
        }
        let memo = state.screen.with(|screen| screen.memo(&state));
        state.session.remember_screen(&memo);
    });
}

/// Each time the sets are loaded: tells the host, then goes to the remembered screen. An attempt
/// in progress is resumed on its page, a result reopened; anything else starts at the start screen.
pub fn restore_screen_when_loaded(state: AppState) {
    Effect::new(move |_| {
        let Some(loaded) = state.catalog.loaded() else { return };
        loaded.announce(state.host, state.host.attributes.set.get_untracked().as_deref());
        let memo = state.session.recalled_screen().unwrap_or_default();
        let (kind, rest) = memo.split_once('/').unwrap_or((memo.as_str(), ""));
        let known = |id: &str| state.session.history().iter().any(|e| e.id == id);
        let screen = match kind {
            "answer" | "review" => loaded.set(rest).and_then(|set| state.session.unfinished(&set)).map(|attempt| {
                state.session.begin(attempt);
                if kind == "answer" {
                    Screen::Answer
                } else {
                    Screen::Review
                }
            }),
            "results" if known(rest) => Some(Screen::Results(rest.to_owned())),
            "roadmap" => rest
                .split_once('/')
                .filter(|(id, _)| known(id))
                .and_then(|(id, role)| Some(Screen::Roadmap(id.to_owned(), role.parse().ok()?))),
            "history" => Some(Screen::History),
            _ => None,
        };
        state.screen.set(screen.unwrap_or(Screen::Start));
    });
}
