//! The screens a person needs only after answering, each split into its own wasm module (Leptos's
//! `#[lazy]`), so the first download holds just the start screen and the questions. `preload` fetches
//! them in the background while the person answers, so they are ready before they are asked for.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::history_screen::HistoryScreen;
use super::results_view::ResultsView;
use super::review_screen::ReviewScreen;
use super::roadmap_view::RoadmapView;

// The split modules are entered through these functions; each draws its screen under the caller's
// owner (the `Suspend` in `Root`), so the screen finds `AppState` in context as before.

#[lazy]
fn review_screen() -> AnyView {
    view! { <ReviewScreen/> }.into_any()
}

#[lazy]
fn results_screen(attempt_id: String) -> AnyView {
    view! { <ResultsView attempt_id=attempt_id/> }.into_any()
}

#[lazy]
fn roadmap_screen(attempt_id: String, role: usize) -> AnyView {
    view! { <RoadmapView attempt_id=attempt_id role=role/> }.into_any()
}

#[lazy]
fn history_screen() -> AnyView {
    view! { <HistoryScreen/> }.into_any()
}

/// The review screen, once its module has loaded.
pub fn review() -> AnyView {
    Suspend::new(review_screen()).into_any()
}

/// The results of the completed attempt `attempt_id`, once their module has loaded.
pub fn results(attempt_id: String) -> AnyView {
    Suspend::new(results_screen(attempt_id)).into_any()
}

/// The roadmap of attempt `attempt_id` against role `role`, once its module has loaded.
pub fn roadmap(attempt_id: String, role: usize) -> AnyView {
    Suspend::new(roadmap_screen(attempt_id, role)).into_any()
}

/// The history, once its module has loaded.
pub fn history() -> AnyView {
    Suspend::new(history_screen()).into_any()
}

/// Fetches every lazy screen's module in the background (each once; later calls cost nothing), so
/// finishing an attempt or opening the history never waits for the network.
pub fn preload() {
    spawn_local(__preload_review_screen());
    spawn_local(__preload_results_screen());
    spawn_local(__preload_roadmap_screen());
    spawn_local(__preload_history_screen());
}
