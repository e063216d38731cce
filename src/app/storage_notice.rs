//! Tells the person when the browser cannot keep their data, and offers it as a file instead.

use leptos::prelude::*;

use crate::i18n::tr;

use super::{lazy_screens, on_click, reactive, AppState};

/// The storage warning, with "save to a file" wherever the data is not safe on the device.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A rater's answers are not theirs to import back: their reply link is what keeps them.
    let rating = move || state.session.is_rating();
    // An `AnyView` (nothing, or the notice), as the screens' parts that come and go are.
    reactive(move || match state.session.problem() {
        None => ().into_any(),
        Some(problem) => {
            let offer = problem.offers_file().then(|| {
                if rating() {
                    view! { <p>{tr("Finish your view in this sitting: the reply link you get at the end holds your answers.")}</p> }.into_any()
                } else {
                    view! { <button type="button" class="primary" on:click=on_click(move |_| lazy_screens::save_to_file(state))>{tr("Save my answers to a file")}</button> }.into_any()
                }
            });
            view! {
                <div class="storage-notice screen-only" role="alert">
                    <p>{problem.message()}</p>
                    <div class="actions">
                        {offer}
                        <button type="button" on:click=on_click(move |_| state.session.dismiss_problem())>{tr("Dismiss")}</button>
                    </div>
                </div>
            }
            .into_any()
        }
    })
}
