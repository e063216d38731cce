//! "Ask for others' views" on a completed attempt: the name raters will see, an invitation per
//! person (its link to copy and whether they replied), a reply removed, a reply link pasted in.

use leptos::prelude::*;

use super::link_field::LinkField;
use crate::app::{AppState, ElementRef};
use crate::i18n::{msg, tr, trf};
use crate::model::Relationship;
use crate::others::{link, link_in, LinkKind, Raters};

/// The invitation button's words for each relationship, and an invitation's title (English, each
/// looked up with `tr`).
fn words(relationship: Relationship) -> (&'static str, &'static str) {
    match relationship {
        Relationship::Manager => (msg("Invite your manager"), msg("Manager")),
        Relationship::Peer => (msg("Invite a peer"), msg("Peer")),
        Relationship::Report => (msg("Invite someone who reports to you"), msg("Report")),
        Relationship::Other => (msg("Invite someone else"), msg("Someone else")),
    }
}

/// An invitation's heading: its number, whom it is for, whether they replied, and the name it
/// shows. A whole sentence for each case, so a translation can order it as its language does.
fn invitation_title(number: usize, relationship: Relationship, replied: bool, for_name: Option<&str>) -> String {
    let (number, relationship) = (number.to_string(), tr(words(relationship).1));
    match (replied, for_name) {
        (true, None) => trf("{number}. {relationship} — replied", &[&number, &relationship]),
        (false, None) => trf("{number}. {relationship} — waiting for a reply", &[&number, &relationship]),
        (true, Some(name)) => {
            trf("{number}. {relationship} — replied, shows “{name}”", &[&number, &relationship, name])
        }
        (false, Some(name)) => {
            trf("{number}. {relationship} — waiting for a reply, shows “{name}”", &[&number, &relationship, name])
        }
    }
}

/// The invitations of the completed attempt `attempt_id`, and the ways to make more.
#[component]
pub fn InvitationsPanel(
    /// The id of a completed attempt in history.
    attempt_id: String,
    /// Its invitations and replies, read by the results view, which shows others' view from them
    /// (read once: reading them parses every reply's result).
    raters: Memo<Raters>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(state.session.prepared_for());
    let page = window().location().href().unwrap_or_default();
    let newest = StoredValue::new(None::<String>);
    let buttons = Relationship::ALL
        .into_iter()
        .map(|relationship| {
            let id = attempt_id.clone();
            let invite = move |_| {
                if let Some(invitation) = state.session.invite(&id, relationship, &name.get_untracked()) {
                    state.tell(tr("Invitation made: copy its link below and send it to them."));
                    newest.set_value(Some(invitation.id));
                }
            };
            view! { <button type="button" on:click=invite>{tr(words(relationship).0)}</button> }
        })
        .collect_view();
    let list = {
        let id = attempt_id.clone();
        move || {
            raters.with(|raters| {
                raters
                    .invitations
                    .iter()
                    .enumerate()
                    .map(|(n, invitation)| {
                        let replied = raters.reply_to(&invitation.id).is_some();
                        // The invitation just made: its link field takes focus as it appears.
                        let field = ElementRef::new();
                        if newest.with_value(|newest| newest.as_deref() == Some(invitation.id.as_str())) {
                            newest.set_value(None);
                            field.focus();
                        }
                        let title_id = format!("invitation-{}-title", invitation.id);
                        let labelled_by = title_id.clone();
                        let title =
                            invitation_title(n + 1, invitation.relationship, replied, invitation.for_name.as_deref());
                        let remove = replied.then(|| {
                            let (id, invitation) = (id.clone(), invitation.id.clone());
                            view! {
                                <button type="button" class="link" on:click=move |_| state.session.remove_reply(&id, &invitation)>
                                    {tr("Remove this reply")}
                                </button>
                            }
                        });
                        view! {
                            <li>
                                <section class="invitation-item" aria-labelledby=labelled_by>
                                    <h5 id=title_id>{title}</h5>
                                    <LinkField label=msg("Invitation link") id=format!("invitation-{}", invitation.id) field=field
                                        link=link(&page, LinkKind::Invitation, &invitation.payload())/>
                                    {remove}
                                </section>
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let pasted = RwSignal::new(String::new());
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        let text = text.trim();
        // A `char` pattern is found with memchr, not the Two-Way searcher that clippy.toml keeps out.
        #[allow(clippy::disallowed_methods)]
        let fragment = text.find('#').map_or(text, |at| &text[at..]);
        let message = match link_in(fragment) {
            Some((LinkKind::Reply, payload)) => {
                let outcome = state.session.receive_reply_link(payload);
                if outcome.attempt.is_some() {
                    pasted.set(String::new());
                }
                outcome.message
            }
            Some((LinkKind::Invitation, _)) => tr(
                "That is an invitation link, which is for the person you invite. Paste the reply link they sent back.",
            ),
            None => tr("That is not a reply link: it should contain “#reply=”. Nothing was changed."),
        };
        state.tell(message);
    };

    view! {
        <h4>{tr("Ask for others' views")}</h4>
        <p>{tr("Self-ratings tend to run high. Your manager, peers and the people who report to you can answer the same questions about you: each gets a link of their own, answers in their browser and sends you back a reply link. Their view then appears here beside yours.")}</p>
        <p>{tr("Invite at least 3 peers and 3 people who report to you who see your work, not only those likely to agree. Smaller groups are not shown on their own, and with few replies people's views can be told apart.")}</p>
        <div class="field">
            <label for="invite-name">{tr("Your name, as they will see it (optional)")}</label>
            <input type="text" id="invite-name" maxlength="80" autocomplete="name" prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))/>
        </div>
        <div class="actions invite-buttons">{buttons}</div>
        <ul class="invitations">{list}</ul>
        <p class="note">{tr("An invitation link holds the assessment's name and version, how they know you and the name above, none of your answers. A reply link holds that person's answers: whoever holds it can read them. Altitude sends nothing; you and they send the links.")}</p>
        <form class="paste-reply" on:submit=add_pasted>
            <label for="paste-reply">{tr("Or paste a reply link you were sent")}</label>
            <div class="link-row">
                <input type="text" id="paste-reply" autocomplete="off" spellcheck="false" prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))/>
                <button type="submit">{tr("Add the reply")}</button>
            </div>
        </form>
    }
}
