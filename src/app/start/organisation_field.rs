//! The start screen's optional question: how many engineers work in the person's organisation.

use leptos::prelude::*;

use crate::app::AppState;
use crate::model::Organisation;

/// A choice of the four bands, or none ("Prefer not to say", the default), remembered on the
/// device as soon as it changes and written into the attempts begun from then on.
#[component]
pub fn OrganisationField() -> impl IntoView {
    let session = expect_context::<AppState>().session;
    let options = Organisation::ALL
        .into_iter()
        .map(|band| {
            view! {
                <option value=band.as_str() prop:selected=move || session.organisation() == Some(band)>
                    {format!("{} engineers", band.label())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="organisation">"How many engineers work in your organisation? (optional)"</label>
            <p id="organisation-why" class="field-hint">
                "The verdict is relative to your organisation's size: a CTO of 20 engineers does a different job from a CTO of 500."
            </p>
            <select id="organisation" aria-describedby="organisation-why"
                on:change=move |ev| session.set_organisation(Organisation::parse(&event_target_value(&ev)))>
                <option value="" prop:selected=move || session.organisation().is_none()>"Prefer not to say"</option>
                {options}
            </select>
        </div>
    }
}
