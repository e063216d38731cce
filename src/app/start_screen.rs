//! The start screen: choose an assessment and a target role, or resume an unfinished attempt.

use leptos::prelude::*;

use super::set_problems::SetProblems;
use super::{new_attempt_id, now, role_index, AppState, ElementRef, Screen, SetEntry};
use crate::attempt::Attempt;

/// Lists the assessments with their size and length, the target roles of the chosen one, and
/// what can be done with an unfinished attempt.
#[component]
pub fn StartScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (catalog, session, host) = (state.catalog, state.session, state.host);
    // The set the person picked; until they pick one: the one in progress, else the element's
    // `set`, the catalog's default or the first.
    let picked = RwSignal::new(session.attempt.with_untracked(|a| a.as_ref().map(|a| a.set.id.clone())));
    let chosen = move || catalog.loaded()?.chosen(picked.get().or_else(|| host.attributes.set.get()).as_deref());
    // The unfinished attempt of the chosen set, read from the session now and when the choice changes.
    let unfinished = RwSignal::new(untrack(chosen).and_then(|set| session.unfinished_while_drawing(&set)));
    let read_unfinished = move || unfinished.set(untrack(chosen).and_then(|set| session.unfinished(&set)));
    let confirming = RwSignal::new(false);
    // Focus follows the "start over?" question as it appears, and goes back to "Start over" after.
    let (start_over, discard_question) = (ElementRef::new(), ElementRef::new());
    // The target role the person picked; until then: the unfinished attempt's, else the
    // element's `role`, else the set's default.
    let picked_role = RwSignal::new(None::<usize>);
    let choose = move |id: String| {
        picked.set(Some(id));
        picked_role.set(None);
        confirming.set(false);
        read_unfinished();
    };
    let role = move || {
        picked_role.get().or_else(|| unfinished.with(|a| a.as_ref().map(|a| a.role))).or_else(|| {
            let set = chosen()?;
            Some(host.attributes.role.get().and_then(|id| set.role_index(&id)).unwrap_or(set.default_role))
        })
    };

    let begin = move |_| {
        let (Some(set), Some(role)) = (untrack(chosen), untrack(role)) else { return };
        session.begin(Attempt::new(new_attempt_id(&set.id), &set, role, now()));
        state.go(Screen::Answer);
    };
    let resume = move |_| {
        let Some(mut attempt) = unfinished.get_untracked() else { return };
        if let Some(role) = untrack(role) {
            attempt.role = role;
        }
        session.begin(attempt);
        state.go(Screen::Answer);
    };

    let set_choices = move || {
        let loaded = catalog.loaded().unwrap_or_default();
        loaded
            .sets
            .iter()
            .map(|entry| match entry {
                SetEntry::Loaded(set) => {
                    let id = set.id.clone();
                    let input_id = format!("set-{}", set.id);
                    let checked = {
                        let id = id.clone();
                        move || chosen().is_some_and(|s| s.id == id)
                    };
                    let minutes = set.estimated_minutes.map(|m| format!("about {m} minutes · ")).unwrap_or_default();
                    view! {
                        <div class="set-choice">
                            <input type="radio" name="altitude-set" id=input_id.clone() prop:checked=checked
                                on:change=move |_| choose(id.clone())/>
                            <label for=input_id>
                                <span class="set-title">{set.title.clone()}</span>
                                <span class="set-meta">{format!("{minutes}{} questions", set.questions.len())}</span>
                                <span class="set-summary">{set.summary.clone().unwrap_or_default()}</span>
                            </label>
                        </div>
                    }
                    .into_any()
                }
                SetEntry::Failed { url, problems, reason } => {
                    view! { <SetProblems url=url.clone() problems=problems.clone() reason=reason.clone()/> }.into_any()
                }
            })
            .collect_view()
    };

    let role_options = move || {
        chosen().map(|set| {
            set.roles_by_stage()
                .into_iter()
                .map(|r| {
                    let value = r.to_string();
                    view! { <option value=value prop:selected=move || role() == Some(r)>{set.roles[r].name.clone()}</option> }
                })
                .collect_view()
        })
    };

    let actions = move || {
        match unfinished.get() {
        Some(attempt) => {
            let total = attempt.responses.0.len();
            let answered = attempt.answered();
            if confirming.get() {
                view! {
                    <div class="actions" role="group" aria-labelledby="discard-question">
                        <p id="discard-question" tabindex="-1" node_ref=discard_question>{format!("Discard your {answered} answers and start again? This cannot be undone.")}</p>
                        <button type="button" class="danger" on:click=begin>"Yes, start over"</button>
                        <button type="button" on:click=move |_| { confirming.set(false); start_over.focus(); }>"Keep my answers"</button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="actions">
                        <p>{format!("You have an unfinished attempt: {answered} of {total} questions answered.")}</p>
                        <button type="button" class="primary" on:click=resume>"Resume"</button>
                        <button type="button" node_ref=start_over on:click=move |_| { confirming.set(true); discard_question.focus(); }>"Start over"</button>
                    </div>
                }
                .into_any()
            }
        }
        None => view! {
            <div class="actions">
                <button type="button" class="primary" on:click=begin disabled=move || chosen().is_none()>"Start the assessment"</button>
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <section class="start" aria-labelledby="start-heading">
            <h1 id="start-heading" tabindex="-1">"How ready are you for your next leadership role?"</h1>
            <p class="privacy">"Your answers stay on this device: nothing is sent anywhere."</p>
            {move || catalog.loaded().and_then(|l| l.error.clone()).map(|(message, _)| view! { <p class="error" role="alert">{message}</p> })}
            <fieldset class="sets">
                <legend>"Choose an assessment"</legend>
                {set_choices}
            </fieldset>
            <div class="field">
                <label for="target-role">"Target role"</label>
                <select id="target-role" on:change=move |ev| picked_role.set(role_index(&ev, untrack(chosen)))>
                    {role_options}
                </select>
            </div>
            {actions}
        </section>
    }
}
