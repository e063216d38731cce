//! Opening an invitation: who the view is for and as what, where the answers go, and a way to
//! start, continue, or see the reply already made.

use leptos::prelude::*;

use crate::app::plumbing::forget_link_in_address;
use crate::app::{AppState, Screen};
use crate::i18n::{tr, trf, trn};
use crate::model::Relationship;
use crate::others::Invitation;

/// "You are giving your view of Sam, as a peer.": whom, and how the rater knows them. A sentence
/// per relationship, not one with "as a peer" put in, so a translation can word each whole.
fn giving_view(relationship: Relationship, name: &str) -> String {
    match relationship {
        Relationship::Manager => trf("You are giving your view of {name}, as their manager.", &[name]),
        Relationship::Peer => trf("You are giving your view of {name}, as a peer.", &[name]),
        Relationship::Report => trf("You are giving your view of {name}, as someone who reports to them.", &[name]),
        Relationship::Other => trf("You are giving your view of {name}, as someone who works with them.", &[name]),
    }
}

/// The person the view is of, by the name on the invitation.
pub fn whom(invitation: &Invitation) -> String {
    invitation.for_name.clone().unwrap_or_else(|| tr("the person who invited you"))
}

/// The invitation carried by `payload`, checked; or why it cannot be opened.
#[component]
pub fn GiveViewScreen(
    /// The invitation link's payload, as found in the page's address.
    payload: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let focus_heading = AppState::heading(state.take_arrival());
    let problem = |title: String, why: String| {
        view! {
            <section class="invitation" aria-labelledby="invitation-heading">
                <h2 id="invitation-heading" tabindex="-1" node_ref=focus_heading>{title}</h2>
                <p class="error" role="alert">{why}</p>
                <div class="actions">
                    <button type="button" on:click=move |_| state.go(Screen::Start)>{tr("Go to the assessments")}</button>
                </div>
            </section>
        }
        .into_any()
    };
    let invitation = match Invitation::from_payload(&payload) {
        Ok(invitation) => invitation,
        Err(error) => {
            return problem(
                tr("This invitation link cannot be opened"),
                trf("It cannot be read: {error}.", &[&error.0]),
            )
        }
    };
    let set = state
        .catalog
        .set_version(&invitation.set_id, &invitation.set_version)
        .filter(|set| set.id == invitation.set_id && set.version == invitation.set_version);
    let Some(set) = set else {
        return problem(
            tr("This invitation is for an assessment this page does not offer"),
            trf(
                "It asks about version {version} of the assessment “{set}”, which is not available here. Ask the \
                 person who invited you for a link to the page where they took it.",
                &[&invitation.set_version, &invitation.set_id],
            ),
        );
    };
    let saved = state.session.rater_answers(&set, &invitation);
    let finished = saved.as_ref().is_some_and(|a| a.completed_at.is_some());
    let answered = saved.as_ref().map_or(0, |a| a.answered());
    let total = set.questions.len();
    let name = whom(&invitation);
    let minutes = set
        .estimated_minutes
        .map(|m| trn(m as usize, " It takes about {n} minute.", " It takes about {n} minutes.", &[]))
        .unwrap_or_default();
    let (action, heading) = if finished {
        (tr("See your reply"), trf("You have given your view of {name}", &[&name]))
    } else if answered > 0 {
        (
            trf("Continue ({answered} of {total} answered)", &[&answered.to_string(), &total.to_string()]),
            trf("Give your view of {name}", &[&name]),
        )
    } else {
        (tr("Start"), trf("Give your view of {name}", &[&name]))
    };
    let start = {
        let (set, invitation) = (set.clone(), invitation.clone());
        move |_| {
            // From here the tab remembers the invitation: the address is the host page's again.
            forget_link_in_address();
            state.session.begin_rating(&set, &invitation);
            state.go(if finished { Screen::Reply } else { Screen::Answer });
        }
    };

    view! {
        <section class="invitation" aria-labelledby="invitation-heading">
            <h2 id="invitation-heading" tabindex="-1" node_ref=focus_heading>{heading}</h2>
            <p class="lead">{giving_view(invitation.relationship, &name)}</p>
            <p>{trn(
                total,
                "“{title}” asks {n} question about what you have seen them do at work.{minutes} Answer from what you \
                 have seen, not from what you expect: where you have not seen them in a situation, or would be \
                 guessing, choose “Not seen them in this situation”, and it is left out of their scores.",
                "“{title}” asks {n} questions about what you have seen them do at work.{minutes} Answer from what you \
                 have seen, not from what you expect: where you have not seen them in a situation, or would be \
                 guessing, choose “Not seen them in this situation”, and it is left out of their scores.",
                &[&set.title, &minutes],
            )}</p>
            <p>{tr("Think of the last six months as a whole, not the last few weeks, and for “how often” count only the times you saw. Answer each question on its own: people are rarely strong everywhere, and a candid answer helps them more than a kind one.")}</p>
            <h3>{tr("Where your answers go")}</h3>
            <ul>
                <li>{tr("Your answers stay in this browser. Nothing is sent anywhere while you answer.")}</li>
                <li>{trf("At the end you get a reply link (or a file) that you send back to {name} yourself. It holds your answers, and whoever has it can read them.", &[&name])}</li>
                <li>{trf("This is not anonymous: {name} will know you replied, and the reply holds your individual answers. Altitude shows {name} scores per area, not your answers, with peers and reports shown as a group only once 3 or more of them reply; but with few replies your scores can show through. Answer as you would say it to them directly.", &[&name])}</li>
                <li>{tr("Your own assessments in this browser, if you have any, are not touched. You can come back to this link to continue.")}</li>
            </ul>
            <div class="actions">
                <button type="button" class="primary" on:click=start>{action}</button>
            </div>
        </section>
    }
    .into_any()
}
