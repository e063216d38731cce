//! The screens a person needs only after answering (review, results, roadmap, history) and those
//! of others' view (an invitation, a rater's reply, a reply received), with saving the person's
//! data to a file, split into one wasm module of their own with Leptos's `#[lazy]`, so the first
//! download holds just the start screen and the questions. `preload` fetches the module in the
//! background while the person answers, so it is there before any of these is asked for.
//!
//! One split point for all four, not one each: they share most of their code (scoring, charts,
//! tables), and one module compresses far better than a module per screen plus the chunks of code
//! they share, which wasm-split would otherwise write (measured: 272.6 KB against ≈ 250 KB total gzip).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::give_view_screen::GiveViewScreen;
use super::history_screen::HistoryScreen;
use super::receive_reply::ReceiveReply;
use super::reply_screen::ReplyScreen;
use super::results_view::ResultsView;
use super::review_screen::ReviewScreen;
use super::roadmap_view::RoadmapView;
use super::{storage_notice, AppState, Screen};

/// What the split module is asked to do.
enum Later {
    Draw(Screen),
    /// Save the attempt in progress, or every result, to a file: only the storage notice offers it
    /// in the first download, and the documents and the download are code the later screens have.
    SaveToFile(Box<AppState>),
}

/// The only way into the split module (one entry point, so one module: see above). A screen is
/// drawn under the caller's owner (the `Suspend` in `later`), so it finds `AppState` in context
/// as before.
#[lazy]
fn in_split_module(work: Later) -> AnyView {
    match work {
        Later::Draw(screen) => later_screen(screen),
        Later::SaveToFile(state) => {
            storage_notice::save_to_file(*state);
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
        // Not asked for: `Root` draws the loading, start and question screens itself.
        Screen::Loading | Screen::Start | Screen::Answer => ().into_any(),
    }
}

/// `screen` (any but loading, start and questions), drawn once the split module has loaded.
pub fn later(screen: Screen) -> AnyView {
    Suspend::new(in_split_module(Later::Draw(screen))).into_any()
}

/// Saves what the person would otherwise lose to a file (the storage notice's offer), once the
/// split module is there: immediately if it was preloaded (a second after the first question shows).
pub fn save_to_file(state: AppState) {
    spawn_local(async move {
        in_split_module(Later::SaveToFile(Box::new(state))).await;
    });
}

/// Fetches the later screens' module in the background (once; later calls cost nothing), so
/// finishing an attempt or opening the history never waits for the network.
pub fn preload() {
    spawn_local(__preload_in_split_module());
}
