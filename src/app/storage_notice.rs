//! Tells the person when the browser cannot keep their data, and offers it as a file instead.

use leptos::prelude::*;

use super::download::download;
use super::{now, AppState};
use crate::stored;

/// Saves what would otherwise be lost: the attempt in progress (a result file without a completion
/// time, which the history screen imports back to resume), else every completed result.
pub fn save_to_file(state: AppState) {
    let result = match state.session.attempt_document() {
        Some((set_id, document)) => download(&format!("altitude-answers-{set_id}.json"), &document),
        None => download("altitude-everything.json", &stored::encode_export(&state.session.history(), &now())),
    };
    if let Err(reason) = result {
        state.tell(format!("The file could not be saved: {reason}"));
    }
}

/// The storage warning, with "save to a file" wherever the data is not safe on the device.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.session.problem.get().map(|problem| {
            view! {
                <div class="storage-notice screen-only" role="alert">
                    <p>{problem.message()}</p>
                    <div class="actions">
                        {problem.offers_file().then(|| view! { <button type="button" class="primary" on:click=move |_| save_to_file(state)>"Save my answers to a file"</button> })}
                        <button type="button" on:click=move |_| state.session.dismiss_problem()>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}
