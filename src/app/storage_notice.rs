//! Tells the person when the browser cannot keep their data, and offers it as a file instead.

use leptos::prelude::*;

use super::download::download;
use super::{now, AppState};
use crate::storage::StorageProblem;
use crate::stored;

/// Saves what would otherwise be lost: the attempt in progress, else every completed result.
pub fn save_to_file(state: AppState) {
    let attempt = state.attempt.get_untracked();
    let result = match attempt.and_then(|a| Some((state.set(&a.set_id)?, a))) {
        Some((set, attempt)) => {
            download(&format!("altitude-answers-{}.json", set.id), &attempt.to_document(&set).to_json())
        }
        None => download("altitude-everything.json", &stored::encode_export(&state.history.get_untracked(), &now())),
    };
    if let Err(reason) = result {
        state.notice.set(Some(format!("The file could not be saved: {reason}")));
    }
}

/// The storage warning, with "save to a file" wherever the data is not safe on the device.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.storage_problem.get().map(|problem| {
            let offers_file = !matches!(problem, StorageProblem::SetAside(_));
            view! {
                <div class="storage-notice screen-only" role="alert">
                    <p>{problem.message()}</p>
                    <div class="actions">
                        {offers_file.then(|| view! { <button type="button" class="primary" on:click=move |_| save_to_file(state)>"Save my answers to a file"</button> })}
                        <button type="button" on:click=move |_| state.storage_problem.set(None)>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}
