//! The start screen's optional question: how many engineers work in the person's organisation.

use leptos::prelude::*;

use crate::app::{on_change, reactive, AppState};
use crate::model::Organisation;

/// A choice of the four bands, or none ("Prefer not to say", the default), remembered on the
/// device as soon as it changes and written into the attempts begun from then on.
#[component]
pub fn OrganisationField() -> impl IntoView {
    let session = expect_context::<AppState>().session;
    // "Prefer not to say" first, then the bands: one kind of option (a view type each in the wasm).
    let options = std::iter::once(None)
        .chain(Organisation::ALL.into_iter().map(Some))
        .map(|band| {
            let (value, label) = match band {
                Some(band) => (band.as_str(), format!("{} engineers", band.label())),
                None => ("", "Prefer not to say".to_owned()),
            };
            view! { <option value=value prop:selected=reactive(move || session.organisation() == band)>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="organisation">"How many engineers work in your organisation? (optional)"</label>
            <p id="organisation-why" class="field-hint">
                "The verdict is relative to your organisation's size: a CTO of 20 engineers does a different job from a CTO of 500."
            </p>
            <select id="organisation" aria-describedby="organisation-why"
                on:change=on_change(move |ev| session.set_organisation(Organisation::parse(&event_target_value(&ev))))>
                {options}
            </select>
        </div>
    }
}
