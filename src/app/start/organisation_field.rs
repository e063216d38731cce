//! The start screen's optional question: how many engineers work in the person's organisation.

use leptos::prelude::*;

use crate::i18n::{tr, trf};

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
                Some(band) => (band.as_str(), trf("{band} engineers", &[&tr(band.label())])),
                None => ("", tr("Prefer not to say")),
            };
            view! { <option value=value prop:selected=reactive(move || session.organisation() == band)>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="organisation">{tr("How many engineers work in your organisation? (optional)")}</label>
            <p id="organisation-why" class="field-hint">
                {tr("The verdict is relative to your organisation's size: a CTO of 20 engineers does a different job from a CTO of 500.")}
            </p>
            <select id="organisation" aria-describedby="organisation-why"
                on:change=on_change(move |ev| session.set_organisation(Organisation::parse(&event_target_value(&ev))))>
                {options}
            </select>
        </div>
    }
}
