//! A reply link opened by the person who invited: the reply is checked and added to the result it
//! answers, which is then shown; a bad or foreign link is refused with the reason.

use leptos::prelude::*;

use crate::app::plumbing::forget_link_in_address;
use crate::app::{AppState, Screen};
use crate::i18n::tr;

/// Adds the reply carried by `payload` once the screen is shown, then goes to its result.
#[component]
pub fn ReceiveReply(
    /// The reply link's payload, as found in the page's address.
    payload: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let refused = RwSignal::new(None::<String>);
    // Once the screen is drawn, not while drawing: adding the reply writes the history, and going
    // to the result replaces this screen, which must not happen from inside its own rendering.
    request_animation_frame(move || {
        forget_link_in_address();
        let outcome = state.session.receive_reply_link(&payload);
        match outcome.attempt {
            Some(id) => {
                state.tell(outcome.message);
                state.go(Screen::Results(id));
            }
            None => {
                refused.try_set(Some(outcome.message));
            }
        }
    });
    let heading = AppState::heading(state.take_arrival());
    view! {
        <section class="receive-reply" aria-labelledby="receive-heading">
            <h2 id="receive-heading" tabindex="-1" node_ref=heading>{tr("A reply to your invitation")}</h2>
            {move || match refused.get() {
                Some(message) => view! {
                    <p class="error" role="alert">{message}</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| state.go(Screen::History)>{tr("Past results")}</button>
                    </div>
                }.into_any(),
                None => view! { <p role="status">{tr("Adding the reply…")}</p> }.into_any(),
            }}
        </section>
    }
}
