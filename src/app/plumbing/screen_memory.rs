//! Which screen a widget is on, remembered for the browser tab (session storage, not the URL: an
//! embedded widget leaves the host page's address alone), so a reload or a crash comes back to it.

use leptos::prelude::*;

use super::catalog::{Loaded, Told};
use super::{AppState, Screen};
use crate::others::LinkKind;
use crate::session::Place;

impl Screen {
    /// The place to come back to on this screen after a reload: `Some(None)` (the start screen, a
    /// reply link just received) keeps none; `None` keeps the one before (a rater's questions come
    /// back through their invitation).
    fn place(&self, state: &AppState) -> Option<Option<Place>> {
        let (set_id, rating) = state
            .session
            .attempt
            .with_untracked(|a| a.as_ref().map(|a| (a.set.id.clone(), a.rater.is_some())))
            .unwrap_or_default();
        Some(Some(match self {
            Screen::Loading | Screen::Start | Screen::ReceiveReply(_) => return Some(None),
            Screen::Invitation(payload) => Place::Invitation(payload.clone()),
            Screen::Answer | Screen::Review | Screen::Reply if rating => return None,
            Screen::Reply => return Some(None),
            Screen::Answer => Place::Answer(set_id),
            Screen::Review => Place::Review(set_id),
            Screen::Results(id) => Place::Results(id.clone()),
            Screen::Roadmap(id, role) => Place::Roadmap(id.clone(), *role),
            Screen::History => Place::History,
            Screen::Team => Place::Team,
            Screen::Progress(_) => Place::Progress,
        }))
    }
}

/// Keeps the screen's place in this tab's session storage, so a reload or a crash comes back to it.
pub fn remember_screen(state: AppState) {
    Effect::new(move |_| {
        // While loading, the remembered screen is still to be restored.
        if state.screen.with(|screen| *screen == Screen::Loading) {
            return;
        }
        if let Some(place) = state.screen.with(|screen| screen.place(&state)) {
            state.session.remember_place(place.as_ref());
        }
    });
}

/// Each time the sets are loaded (each step of a load): tells the host what is new, then, once per
/// load, goes to the screen of an invitation or reply link in the page's address, else to the
/// remembered screen. An attempt in progress is resumed on its page, a result reopened; anything
/// else starts at the start screen. Before the whole load is in, only the start screen is drawn:
/// every other may need a set or an archived version still on its way, so it waits for the rest.
pub fn restore_screen_when_loaded(state: AppState) {
    // The effect's value: how far each load has been followed.
    Effect::new(move |told: Option<Told>| {
        let mut told = told.unwrap_or_default();
        let Some(loaded) = state.catalog.loaded() else { return told };
        // Only the load is followed: what restoring reads or writes must not run this again.
        untrack(|| {
            let wanted = state.host.attributes.set.get_untracked();
            loaded.announce(state.host, wanted.as_deref(), &mut told);
            // A link pasted into the address before the load was complete was left for now: follow it.
            let link_left = loaded.is_complete() && screen_of_link_in_address().is_some();
            if told.restored != loaded.load || link_left {
                // A link in the address is a way in the person just took, not a screen they were
                // on: its screen takes focus like any other way in; a remembered one moves none.
                let opened = screen_of_link_in_address().is_some();
                if let Some(screen) = screen_to_restore(state, &loaded) {
                    if opened {
                        state.go(screen);
                    } else {
                        state.restore(screen);
                    }
                    told.restored = loaded.load;
                }
            }
        });
        told
    });
}

/// The screen to show once `loaded` is in, or `None` to wait for the rest of the load.
fn screen_to_restore(state: AppState, loaded: &Loaded) -> Option<Screen> {
    // An invitation or reply link in the address comes first: it is what the person just opened.
    let link = screen_of_link_in_address();
    let place = state.session.recalled_place();
    if !loaded.is_complete() && (link.is_some() || place.is_some()) {
        return None;
    }
    if link.is_some() {
        return link;
    }
    let known = |id: &str| state.session.history().iter().any(|e| e.id == id);
    let resume = |set_id: &str, screen: Screen| {
        let attempt = loaded.set(set_id).and_then(|set| state.session.unfinished(&set))?;
        state.session.begin(attempt);
        Some(screen)
    };
    let screen = match place {
        Some(Place::Answer(set_id)) => resume(&set_id, Screen::Answer),
        Some(Place::Review(set_id)) => resume(&set_id, Screen::Review),
        Some(Place::Results(id)) if known(&id) => Some(Screen::Results(id)),
        Some(Place::Roadmap(id, role)) if known(&id) => Some(Screen::Roadmap(id, role)),
        Some(Place::History) => Some(Screen::History),
        Some(Place::Team) => Some(Screen::Team),
        Some(Place::Progress) => Some(Screen::Progress(None)),
        Some(Place::Invitation(payload)) => Some(Screen::Invitation(payload)),
        Some(Place::Results(_) | Place::Roadmap(..)) | None => None,
    };
    Some(screen.unwrap_or(Screen::Start))
}

/// The screen of an invitation or reply link in the page's address, if it holds one.
fn screen_of_link_in_address() -> Option<Screen> {
    let fragment = window().location().hash().ok()?;
    let (kind, payload) = crate::others::link_in(&fragment)?;
    Some(match kind {
        LinkKind::Invitation => Screen::Invitation(payload.to_owned()),
        LinkKind::Reply => Screen::ReceiveReply(payload.to_owned()),
    })
}

/// Follows a link pasted into the address bar of a page already open: only its fragment changes,
/// so the page does not load again.
pub fn follow_links_in_address(state: AppState) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        // Before the whole load is in, the link's screen is shown when the rest arrives.
        if state.catalog.loaded_untracked().is_some_and(|loaded| loaded.is_complete()) {
            if let Some(screen) = screen_of_link_in_address() {
                state.go(screen);
            }
        }
    });
    on_cleanup(move || handle.remove());
}

/// Takes an invitation or reply link out of the page's address once it is read, so that a reload
/// or another widget on the page does not read it again (the tab remembers the screen). Only the
/// fragment Altitude's own link put there is removed.
pub fn forget_link_in_address() {
    let window = window();
    let (Ok(href), Ok(history)) = (window.location().href(), window.history()) else { return };
    let page = href.split('#').next().unwrap_or(&href).to_owned();
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
}
