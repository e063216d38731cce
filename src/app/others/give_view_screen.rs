//! Opening an invitation: who the view is for and as what, where the answers go, and a way to
//! start, continue, or see the reply already made.

use leptos::prelude::*;

use crate::app::plumbing::forget_link_in_address;
use crate::app::{AppState, Screen};
use crate::model::Relationship;
use crate::others::Invitation;

/// "as a peer", "as their manager", ...: how the rater knows the person.
pub fn as_what(relationship: Relationship) -> &'static str {
    match relationship {
        Relationship::Manager => "as their manager",
        Relationship::Peer => "as a peer",
        Relationship::Report => "as someone who reports to them",
        Relationship::Other => "as someone who works with them",
    }
}

/// The person the view is of, by the name on the invitation.
pub fn whom(invitation: &Invitation) -> String {
    invitation.for_name.clone().unwrap_or_else(|| "the person who invited you".to_owned())
}

/// The invitation carried by `payload`, checked; or why it cannot be opened.
#[component]
pub fn GiveViewScreen(
    /// The invitation link's payload, as found in the page's address.
    payload: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let focus_heading = AppState::heading(state.take_arrival());
    let problem = |title: &str, why: String| {
        view! {
            <section class="invitation" aria-labelledby="invitation-heading">
                <h2 id="invitation-heading" tabindex="-1" node_ref=focus_heading>{title.to_owned()}</h2>
                <p class="error" role="alert">{why}</p>
                <div class="actions">
                    <button type="button" on:click=move |_| state.go(Screen::Start)>"Go to the assessments"</button>
                </div>
            </section>
        }
        .into_any()
    };
    let invitation = match Invitation::from_payload(&payload) {
        Ok(invitation) => invitation,
        Err(error) => {
            return problem("This invitation link cannot be opened", format!("It cannot be read: {}.", error.0))
        }
    };
    let set = state
        .catalog
        .set_version(&invitation.set_id, &invitation.set_version)
        .filter(|set| set.id == invitation.set_id && set.version == invitation.set_version);
    let Some(set) = set else {
        return problem(
            "This invitation is for an assessment this page does not offer",
            format!(
                "It asks about version {} of the assessment “{}”, which is not available here. Ask the person who \
                 invited you for a link to the page where they took it.",
                invitation.set_version, invitation.set_id
            ),
        );
    };
    let saved = state.session.rater_answers(&set, &invitation);
    let finished = saved.as_ref().is_some_and(|a| a.completed_at.is_some());
    let answered = saved.as_ref().map_or(0, |a| a.answered());
    let total = set.questions.len();
    let name = whom(&invitation);
    let minutes = set.estimated_minutes.map(|m| format!(" It takes about {m} minutes.")).unwrap_or_default();
    let (action, heading) = if finished {
        ("See your reply".to_owned(), format!("You have given your view of {name}"))
    } else if answered > 0 {
        (format!("Continue ({answered} of {total} answered)"), format!("Give your view of {name}"))
    } else {
        ("Start".to_owned(), format!("Give your view of {name}"))
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
            <p class="lead">{format!("You are giving your view of {name}, {}.", as_what(invitation.relationship))}</p>
            <p>{format!(
                "“{}” asks {total} questions about what you have seen them do at work.{minutes} Answer from what you have \
                 seen, not from what you expect: where you have not seen them in a situation, or would be guessing, \
                 choose “Not seen them in this situation”, and it is left out of their scores.",
                set.title
            )}</p>
            <p>"Think of the last six months as a whole, not the last few weeks, and for “how often” count only the times you saw. Answer each question on its own: people are rarely strong everywhere, and a candid answer helps them more than a kind one."</p>
            <h3>"Where your answers go"</h3>
            <ul>
                <li>"Your answers stay in this browser. Nothing is sent anywhere while you answer."</li>
                <li>{format!("At the end you get a reply link (or a file) that you send back to {name} yourself. It holds your answers, and whoever has it can read them.")}</li>
                <li>{format!("This is not anonymous: {name} will know you replied, and the reply holds your individual answers. Altitude shows {name} scores per area, not your answers, with peers and reports shown as a group only once 3 or more of them reply; but with few replies your scores can show through. Answer as you would say it to them directly.")}</li>
                <li>"Your own assessments in this browser, if you have any, are not touched. You can come back to this link to continue."</li>
            </ul>
            <div class="actions">
                <button type="button" class="primary" on:click=start>{action}</button>
            </div>
        </section>
    }
    .into_any()
}
