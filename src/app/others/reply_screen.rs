//! The rater's reply, once they have finished: the link to send back, the same as a file, and
//! plainly what it holds.

use leptos::prelude::*;

use super::link_field::LinkField;
use crate::app::plumbing::download;
use crate::app::{AppState, Screen};
use crate::model::json;
use crate::others::{link, LinkKind, ReplyLink};

/// The reply link (and file) of the rater's finished answers.
#[component]
pub fn ReplyScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = AppState::heading(state.take_arrival());
    let Some((reply, set)) = state.session.reply() else {
        return view! {
            <section class="reply" aria-labelledby="reply-heading">
                <h2 id="reply-heading" tabindex="-1" node_ref=heading>"No reply here yet"</h2>
                <p>"Open the invitation link again to give your view; the reply is made when you finish."</p>
            </section>
        }
        .into_any();
    };
    let page = window().location().href().unwrap_or_default();
    let payload = ReplyLink::of(&reply, &set).map(|link| link.payload()).unwrap_or_default();
    let reply_link = link(&page, LinkKind::Reply, &payload);
    let rater = reply.document.rater.clone();
    let name =
        rater.as_ref().and_then(|r| r.for_name.clone()).unwrap_or_else(|| "the person who invited you".to_owned());
    let save = {
        let (text, set_id) = (json::pretty(&reply.to_json()), set.id.clone());
        move |_| {
            let name = format!("altitude-reply-{set_id}.json");
            match download(&name, &text) {
                Ok(()) => state.tell("The reply was saved as a file.".to_owned()),
                Err(reason) => state.tell(format!("The file could not be saved: {reason}")),
            }
        }
    };

    view! {
        <section class="reply" aria-labelledby="reply-heading">
            <h2 id="reply-heading" tabindex="-1" node_ref=heading>"Your reply is ready"</h2>
            <p class="lead">{format!("Send this link to {name}, the way the invitation reached you. Opening it adds your view to their results.")}</p>
            <LinkField label="Reply link" id="reply-link".to_owned() link=reply_link/>
            <p>{format!(
                "The link holds your answers to the {} questions of “{}”, and nothing else about you. Whoever holds \
                 it can read them, {name} included (Altitude only shows them scores per area), so send it to no one \
                 else. Altitude has sent nothing anywhere.",
                set.questions.len(),
                set.title
            )}</p>
            <div class="actions">
                <button type="button" on:click=save>"Save the reply as a file"</button>
                <button type="button" on:click=move |_| state.go(Screen::Start)>"Go to the assessments"</button>
            </div>
        </section>
    }
    .into_any()
}
