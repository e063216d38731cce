//! A question set that could not be used: its address and every located problem.

use leptos::prelude::*;

use crate::i18n::{tr, trn};

use crate::model::Problem;

/// Shows why the set at `url` cannot be taken, so that its author can fix it.
#[component]
pub fn SetProblems(
    /// The set's address.
    url: String,
    /// The problems validation found, each with its place.
    problems: Vec<Problem>,
    /// Why the set could not be fetched, when it could not.
    reason: Option<String>,
) -> impl IntoView {
    let count = problems.len();
    view! {
        <div class="set-problems" role="alert">
            <p>
                <strong>{tr("This assessment could not be loaded: ")}</strong>
                <code>{url}</code>
            </p>
            {reason.map(|reason| view! { <p>{reason}</p> })}
            {(count > 0).then(|| view! {
                <p>{trn(count, "{n} problem found:", "{n} problems found:", &[])}</p>
                <ul>
                    {problems.into_iter().map(|p| view! { <li><code>{p.location.to_string()}</code>": "{p.message}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
}
