//! What stands where a screen cannot be drawn (its result gone, its module not loaded): why, under
//! a heading that takes focus as the screen's own would have, so a way in never leaves focus nowhere.

use leptos::prelude::*;

use crate::app::{AppState, Arrival};
use crate::i18n::tr;

/// `title` as the heading (`heading_id`), in the language spoken, and `why` as an alert. Any way in
/// (`arrival`) lands on the heading: the place it aimed at (others' view, a question) is not there.
/// Callers mark `title` with `msg(...)`, as it is looked up here; `why` comes already translated.
pub fn unavailable(heading_id: &'static str, title: &'static str, why: String, arrival: Option<Arrival>) -> AnyView {
    let heading = AppState::heading(arrival.map(|_| Arrival::Heading));
    view! {
        <section aria-labelledby=heading_id>
            <h2 id=heading_id tabindex="-1" node_ref=heading>{tr(title)}</h2>
            <p class="error" role="alert">{why}</p>
        </section>
    }
    .into_any()
}
