//! Which screen a widget is on, remembered for the browser tab (session storage, not the URL: an
//! embedded widget leaves the host page's address alone), so a reload or a crash comes back to it.

use leptos::prelude::*;

use super::catalog::{Loaded, Told};
use super::{AppState, Screen, Unfinished};
use crate::attempt::Attempt;
use crate::others::LinkKind;
use crate::session::Place;

/// What a screen asks the tab to remember of it, for a reload to come back to.
enum Remember {
    /// This place.
    Place(Place),
    /// No place: a reload starts at the start screen (the start screen itself, a reply link just
    /// received, a rater's reply given).
    Nothing,
    /// The place remembered before: a rater's questions come back through their invitation.
    Unchanged,
}

impl Screen {
    /// What to remember of this screen for a reload.
    fn remember(&self, state: &AppState) -> Remember {
        let (set_id, rating) =
            state.session.attempt().map(|a| (a.set.id.clone(), a.rater.is_some())).unwrap_or_default();
        Remember::Place(match self {
            Screen::Loading | Screen::Start | Screen::ReceiveReply(_) => return Remember::Nothing,
            Screen::Invitation(payload) => Place::Invitation(payload.clone()),
            Screen::Answer | Screen::Review | Screen::Reply if rating => return Remember::Unchanged,
            Screen::Reply => return Remember::Nothing,
            Screen::Answer => Place::Answer(set_id),
            Screen::Review => Place::Review(set_id),
            Screen::Results(id) => Place::Results(id.clone()),
            Screen::Roadmap(id, role) => Place::Roadmap(id.clone(), *role),
            Screen::History => Place::History,
            Screen::Team => Place::Team,
            Screen::Progress(_) => Place::Progress,
        })
    }
}

/// Keeps the screen's place in this tab's session storage, so a reload or a crash comes back to it.
pub fn remember_screen(state: AppState) {
    Effect::new(move |_| {
        // While loading, the remembered screen is still to be restored.
        if state.screen.with(|screen| *screen == Screen::Loading) {
            return;
        }
        match state.screen.with(|screen| screen.remember(&state)) {
            Remember::Place(place) => state.session.remember_place(Some(&place)),
            Remember::Nothing => state.session.remember_place(None),
            Remember::Unchanged => {}
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
            let link = screen_of_link_in_address();
            let link_left = loaded.is_complete() && link.is_some();
            if told.restored != loaded.load || link_left {
                // A link in the address is a way in the person just took, not a screen they were
                // on: its screen takes focus like any other way in; a remembered one moves none.
                let opened = link.is_some();
                if let Some((screen, resume)) = screen_to_restore(state, &loaded, link) {
                    if let Some(attempt) = resume {
                        state.session.resume_saved(attempt);
                    }
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

/// The screen to show once `loaded` is in, with the unfinished attempt it resumes, if any; or
/// `None` to wait for the rest of the load. `link` is the screen of a link in the address.
fn screen_to_restore(state: AppState, loaded: &Loaded, link: Option<Screen>) -> Option<(Screen, Option<Attempt>)> {
    // An invitation or reply link in the address comes first: it is what the person just opened.
    let place = state.session.recalled_place();
    if !loaded.is_complete() && (link.is_some() || place.is_some()) {
        return None;
    }
    if let Some(link) = link {
        return Some((link, None));
    }
    let known = |id: &str| state.session.history().iter().any(|e| e.id == id);
    let unfinished = |set_id: &str| match state.session.unfinished(&*loaded.set(set_id)?) {
        Unfinished::Attempt(attempt) => Some(attempt),
        Unfinished::None | Unfinished::AwaitsArchive => None,
    };
    let (screen, resume) = match place {
        Some(Place::Answer(set_id)) => (Screen::Answer, unfinished(&set_id)),
        Some(Place::Review(set_id)) => (Screen::Review, unfinished(&set_id)),
        Some(Place::Results(id)) if known(&id) => (Screen::Results(id), None),
        Some(Place::Roadmap(id, role)) if known(&id) => (Screen::Roadmap(id, role), None),
        Some(Place::History) => (Screen::History, None),
        Some(Place::Team) => (Screen::Team, None),
        Some(Place::Progress) => (Screen::Progress(None), None),
        Some(Place::Invitation(payload)) => (Screen::Invitation(payload), None),
        Some(Place::Results(_) | Place::Roadmap(..)) | None => (Screen::Start, None),
    };
    // A place whose attempt is gone (finished or discarded in another tab) starts at the start screen.
    match (screen, resume) {
        (Screen::Answer | Screen::Review, None) => Some((Screen::Start, None)),
        restored => Some(restored),
    }
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
