//! What a person needs only after answering, split into one wasm module of its own, so the first
//! download holds just the start screen and the questions: the review, results, roadmap and
//! history screens, those of others' view (an invitation, a rater's reply, a reply received), the
//! team view, saving the person's data to a file, and bringing another tab's results into the
//! history. `preload` fetches the module in the background while the
//! person answers, so it is there before any of these is asked for.
//!
//! One split point for all of them, not one each: they share most of their code (scoring, charts,
//! tables, documents), and one module compresses far better than a module per screen plus the
//! chunks of code they share, which wasm-split would otherwise write (measured on 2026-11-22:
//! 272.6 KB against ≈ 250 KB total gzip).
//!
//! The split point is wasm-split's own attribute, the one under Leptos's `#[lazy]`, with its
//! `fallible` option: a module that cannot be fetched (the connection gone, a deploy replacing it)
//! is told to the person, who keeps their answers, where `#[lazy]` would stop the whole widget.

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos::task::spawn_local;
#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;
use wasm_bindgen_futures::JsFuture;

use super::history::HistoryScreen;
use super::others::{GiveViewScreen, ReceiveReply, ReplyScreen};
use super::progress::ProgressScreen;
use super::questions::ReviewScreen;
use super::results::ResultsView;
use super::roadmap::RoadmapView;
use super::team::TeamScreen;
use super::{answers_file, reactive, AppState, Host, LiveSession, Screen};
use crate::i18n::{msg, tr, trf};

/// What the split module is asked to do.
enum Later {
    Draw(Screen),
    /// Save the attempt in progress, or every result, to a file, as the storage notice offers:
    /// documents and downloads are the later screens' code. (Boxed: `AppState` is large.)
    SaveToFile(Box<AppState>),
    /// Bring another tab's results into the history: their merge is code the first screens never need.
    FollowHistory(LiveSession),
}

/// The only way into the split module (one entry point, so one module: see above). A screen is
/// drawn under the caller's owner (the task in `later` polls under it), so it finds `AppState` in context
/// as before.
#[cfg(feature = "split")]
#[wasm_split(
    altitude_later,
    wasm_split_path = ::leptos::wasm_split,
    preload(#[doc(hidden)] __preload_in_split_module),
    fallible
)]
fn in_split_module(work: Later) -> Result<AnyView, SplitLoaderError> {
    Ok(run(work))
}

/// Without the `split` feature (the wasm tests' build, whose runner cannot provide the imports
/// wasm-split resolves): the same, in the one module.
#[cfg(not(feature = "split"))]
async fn in_split_module(work: Later) -> Result<AnyView, SplitLoaderError> {
    Ok(run(work))
}

#[cfg(not(feature = "split"))]
async fn __preload_in_split_module() -> Result<(), SplitLoaderError> {
    Ok(())
}

fn run(work: Later) -> AnyView {
    match work {
        Later::Draw(screen) => later_screen(screen),
        Later::SaveToFile(state) => {
            if is_mounted(&state) {
                answers_file::write_answers_file(*state);
            }
            ().into_any()
        }
        Later::FollowHistory(session) => {
            session.follow_history();
            ().into_any()
        }
    }
}

fn later_screen(screen: Screen) -> AnyView {
    match screen {
        Screen::Review => view! { <ReviewScreen/> }.into_any(),
        Screen::Results(id) => view! { <ResultsView attempt_id=id/> }.into_any(),
        Screen::Roadmap(id, role) => view! { <RoadmapView attempt_id=id role=role/> }.into_any(),
        Screen::History => view! { <HistoryScreen/> }.into_any(),
        Screen::Invitation(payload) => view! { <GiveViewScreen payload=payload/> }.into_any(),
        Screen::Reply => view! { <ReplyScreen/> }.into_any(),
        Screen::ReceiveReply(payload) => view! { <ReceiveReply payload=payload/> }.into_any(),
        Screen::Team => view! { <TeamScreen/> }.into_any(),
        Screen::Progress(note_for) => view! { <ProgressScreen note_for=note_for/> }.into_any(),
        // Not asked for: `Root` draws the loading, start and question screens itself.
        Screen::Loading | Screen::Start | Screen::Answer => ().into_any(),
    }
}

/// Why a part of the widget is not there, for the person: their answers are not at risk.
const NOT_LOADED: &str = msg("This part of the assessment could not be loaded: check your connection, then try again \
                              (your answers are kept).");

/// `screen` (any but loading, start and questions), drawn once the split module and the later
/// screens' styles have loaded; if the module cannot be, why (going to the screen again tries again).
///
/// A signal the task fills, not `Suspend`: the same for a view awaited once, and 2.1 KB of gzip
/// less in the first download (measured 2026-12-07).
pub fn later(host: Host, screen: Screen) -> AnyView {
    // The view in a stored value, not a signal: the closure that shows it takes it out while it
    // draws, and a view being drawn writes no signal; `arrived` is what that closure follows.
    let drawn = StoredValue::new_local(Slot::Awaited);
    let arrived = Trigger::new();
    // Under the owner of the screen being shown, where `AppState` is in context; untracked, so what
    // the screen reads subscribes the screen, not the switch that chose it.
    spawn_local(ScopedFuture::new_untracked(async move {
        // The later screens' stylesheet in the element's shadow root, asked for first (the smaller
        // file) and waited for after the module, so no later screen shows unstyled; one that fails
        // holds nothing back.
        let styles = host.later_styles();
        let loaded = __preload_in_split_module().await;
        if let Some(styles) = styles {
            let _ = JsFuture::from(styles).await;
        }
        // Left before the module came: nothing would show the screen, so it is not built.
        if drawn.is_disposed() {
            return;
        }
        let view = match loaded {
            // Loaded, so this runs at once, in this same poll.
            Ok(()) => in_split_module(Later::Draw(screen)).await.ok(),
            Err(_) => None,
        };
        // Said under a heading that takes focus as the screen's would have: a way in never leaves
        // focus nowhere.
        let view = view.unwrap_or_else(|| {
            let arrival = use_context::<AppState>().and_then(|state| state.take_arrival());
            super::unavailable("not-loaded-heading", msg("Not loaded"), tr(NOT_LOADED), arrival)
        });
        drawn.try_set_value(Slot::Ready(view));
        arrived.notify();
    }));
    reactive(move || {
        arrived.track();
        // Said while the module is on its way (a slow connection, or asked for before the preload).
        drawn
            .try_update_value(Slot::hand_over)
            .flatten()
            .unwrap_or_else(|| view! { <p class="loading" role="status">{tr("Loading…")}</p> }.into_any())
    })
    .into_any()
}

/// A later screen's view, as far as it got: it can be handed to the page once only.
enum Slot {
    Awaited,
    Ready(AnyView),
    Shown,
}

impl Slot {
    /// The view, the first time it is ready. The closure that shows it runs once more only if
    /// something read while it was drawn changed, which would blank the screen: said in the console,
    /// where the end-to-end tests fail on it.
    fn hand_over(&mut self) -> Option<AnyView> {
        match std::mem::replace(self, Slot::Shown) {
            Slot::Awaited => {
                *self = Slot::Awaited;
                None
            }
            Slot::Ready(view) => Some(view),
            Slot::Shown => {
                web_sys::console::error_1(&"Altitude: a later screen was asked to draw again and went blank".into());
                None
            }
        }
    }
}

/// Saves what the person would otherwise lose to a file (the storage notice's offer), once the
/// split module is there: immediately if it was preloaded (a second after the first question
/// shows); if it cannot be fetched, the person is told and can try again.
pub fn save_to_file(state: AppState) {
    spawn_local(async move {
        if in_split_module(Later::SaveToFile(Box::new(state))).await.is_err() && is_mounted(&state) {
            state.tell(trf("The file could not be prepared. {why}", &[&tr(NOT_LOADED)]));
        }
    });
}

/// Brings another tab's results into the history, once the split module is there (fetched now if
/// it was not yet: such a change may come while the person is still on the start screen). If it
/// cannot be fetched, the history stays as it was in this tab and nothing stored is lost: the next
/// change of the history tries again, and every write here merges with what is stored.
pub fn follow_history(session: LiveSession) {
    spawn_local(async move {
        let _ = in_split_module(Later::FollowHistory(session)).await;
    });
}

/// Whether the widget is still there: a save runs after the module's fetch, in a task of its own
/// (no owner), by which time the element may have been removed and its state released.
fn is_mounted(state: &AppState) -> bool {
    state.screen.try_with_untracked(|_| ()).is_some()
}

/// Fetches the split module and the later screens' styles in the background (once they have
/// loaded, later calls cost nothing; a failed fetch is tried again by the next call, or when a
/// screen in it is asked for).
pub fn preload(host: Host) {
    let _ = host.later_styles();
    spawn_local(async {
        let _ = __preload_in_split_module().await;
    });
}
