//! The root component: provides the state, starts loading the sets, and shows the current screen.

use leptos::prelude::*;

use super::history_screen::HistoryScreen;
use super::question_page::QuestionPage;
use super::results_view::ResultsView;
use super::roadmap_view::RoadmapView;
use super::review_screen::ReviewScreen;
use super::start_screen::StartScreen;
use super::storage_notice::StorageNotice;
use super::{catalog, AppState, Screen};

/// The whole widget.
#[component]
pub fn Root(
    /// The storage namespace: this widget's data lives under keys starting with it.
    namespace: &'static str,
) -> impl IntoView {
    let state = AppState::new(namespace);
    provide_context(state);
    state.follow_other_tabs();
    leptos::task::spawn_local(catalog::load(state));
    super::remember_screen(state);

    let screen = move || match state.screen.get() {
        Screen::Loading => view! { <p class="loading" role="status">"Loading the assessments…"</p> }.into_any(),
        Screen::Start => view! { <StartScreen/> }.into_any(),
        Screen::Answer => view! { <QuestionPage/> }.into_any(),
        Screen::Review => view! { <ReviewScreen/> }.into_any(),
        Screen::Results(id) => view! { <ResultsView attempt_id=id/> }.into_any(),
        Screen::Roadmap(id, role) => view! { <RoadmapView attempt_id=id role_id=role/> }.into_any(),
        Screen::History => view! { <HistoryScreen/> }.into_any(),
    };
    let history_count = move || state.history.with(Vec::len);

    view! {
        <div class="altitude">
            <header class="masthead screen-only">
                <p class="brand">"Altitude"</p>
                <nav aria-label="Altitude">
                    <button type="button" class="link" on:click=move |_| state.screen.set(Screen::Start)>"Assessments"</button>
                    <button type="button" class="link" on:click=move |_| state.screen.set(Screen::History)>
                        {move || format!("Past results ({})", history_count())}
                    </button>
                </nav>
            </header>
            <StorageNotice/>
            <div class="notice screen-only" role="status" aria-live="polite">
                {move || state.notice.get().map(|text| view! {
                    <p>{text}<button type="button" class="link" on:click=move |_| state.notice.set(None)>"Dismiss"</button></p>
                })}
            </div>
            <main id="altitude-main">{screen}</main>
        </div>
    }
}
