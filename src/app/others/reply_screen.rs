//! The rater's reply, once they have finished: the link to send back, the same as a file, and
//! plainly what it holds.

use leptos::prelude::*;

use super::link_field::LinkField;
use crate::app::plumbing::download;
use crate::app::{AppState, Screen};
use crate::i18n::{msg, tr, trf, trn};
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
                <h2 id="reply-heading" tabindex="-1" node_ref=heading>{tr("No reply here yet")}</h2>
                <p>{tr("Open the invitation link again to give your view; the reply is made when you finish.")}</p>
            </section>
        }
        .into_any();
    };
    let page = window().location().href().unwrap_or_default();
    let payload = ReplyLink::of(&reply, &set).map(|link| link.payload()).unwrap_or_default();
    let reply_link = link(&page, LinkKind::Reply, &payload);
    let rater = reply.document.rater.clone();
    let name = rater.as_ref().and_then(|r| r.for_name.clone()).unwrap_or_else(|| tr("the person who invited you"));
    let save = {
        let (text, set_id) = (json::pretty(&reply.to_json()), set.id.clone());
        move |_| {
            let name = trf("altitude-reply-{set}.json", &[&set_id]);
            match download(&name, &text) {
                Ok(()) => state.tell(tr("The reply was saved as a file.")),
                Err(reason) => state.tell(trf("The file could not be saved: {reason}", &[&reason])),
            }
        }
    };

    view! {
        <section class="reply" aria-labelledby="reply-heading">
            <h2 id="reply-heading" tabindex="-1" node_ref=heading>{tr("Your reply is ready")}</h2>
            <p class="lead">{trf("Send this link to {name}, the way the invitation reached you. Opening it adds your view to their results.", &[&name])}</p>
            <LinkField label=msg("Reply link") id="reply-link".to_owned() link=reply_link/>
            <p>{trn(
                set.questions.len(),
                "The link holds your answer to the {n} question of “{title}”, and nothing else about you. Whoever \
                 holds it can read it, {name} included (Altitude only shows them scores per area), so send it to no \
                 one else. Altitude has sent nothing anywhere.",
                "The link holds your answers to the {n} questions of “{title}”, and nothing else about you. Whoever \
                 holds it can read them, {name} included (Altitude only shows them scores per area), so send it to \
                 no one else. Altitude has sent nothing anywhere.",
                &[&set.title, &name],
            )}</p>
            <div class="actions">
                <button type="button" on:click=save>{tr("Save the reply as a file")}</button>
                <button type="button" on:click=move |_| state.go(Screen::Start)>{tr("Go to the assessments")}</button>
            </div>
        </section>
    }
    .into_any()
}
