//! The start screen: choose an assessment and a target role, or resume an unfinished attempt.

use leptos::prelude::*;

use super::set_problems::SetProblems;
use super::{new_attempt_id, now, AppState, Screen, SetEntry};
use crate::attempt::Attempt;

/// Lists the assessments with their size and length, the target roles of the chosen one, and
/// what can be done with an unfinished attempt.
#[component]
pub fn StartScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The chosen set: the one in progress, else the element's `set`, the catalog's default or the first.
    let initial =
        state.attempt.get_untracked().map(|a| a.set_id).or_else(|| state.chosen_set().map(|set| set.id.clone()));
    let chosen = RwSignal::new(initial);
    let chosen_set = Memo::new(move |_| chosen.get().and_then(|id| state.set(&id)));
    let confirming = RwSignal::new(false);

    // An unfinished attempt of the chosen set: in memory, else saved on this device.
    let unfinished = Memo::new(move |_| {
        let set = chosen_set.get()?;
        state
            .attempt
            .get()
            .filter(|a| a.set_id == set.id && a.completed_at.is_none())
            .or_else(|| state.saved_attempt(&set))
    });
    // The target role: the unfinished attempt's, else the element's `role`, else the set's default.
    let role = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        let host_role = state.attributes.role.get();
        role.set(unfinished.with(|a| a.as_ref().map(|a| a.role)).or_else(|| {
            let set = chosen_set.get()?;
            Some(host_role.and_then(|id| set.role_index(&id)).unwrap_or(set.default_role))
        }))
    });

    let begin = move |_| {
        let (Some(set), Some(role)) = (chosen_set.get_untracked(), role.get_untracked()) else { return };
        state.begin_attempt(Attempt::new(new_attempt_id(&set.id), &set, role, now()));
        confirming.set(false);
        state.screen.set(Screen::Answer);
    };
    let resume = move |_| {
        let Some(mut attempt) = unfinished.get_untracked() else { return };
        if let Some(role) = role.get_untracked() {
            attempt.role = role;
        }
        state.begin_attempt(attempt);
        state.screen.set(Screen::Answer);
    };

    let set_choices = move || {
        state
            .sets
            .get()
            .into_iter()
            .map(|entry| match entry {
                SetEntry::Loaded(set) => {
                    let id = set.id.clone();
                    let input_id = format!("set-{}", set.id);
                    let checked = {
                        let id = id.clone();
                        move || chosen.get().as_deref() == Some(id.as_str())
                    };
                    let minutes = set.estimated_minutes.map(|m| format!("about {m} minutes · ")).unwrap_or_default();
                    view! {
                        <div class="set-choice">
                            <input type="radio" name="altitude-set" id=input_id.clone() prop:checked=checked
                                on:change=move |_| { chosen.set(Some(id.clone())); confirming.set(false); }/>
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
                    view! { <SetProblems url=url problems=problems reason=reason/> }.into_any()
                }
            })
            .collect_view()
    };

    let role_options = move || {
        chosen_set.get().map(|set| {
            set.roles_by_stage()
                .into_iter()
                .map(|r| {
                    let value = r.to_string();
                    view! { <option value=value prop:selected=move || role.get() == Some(r)>{set.roles[r].name.clone()}</option> }
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
                        <p id="discard-question">{format!("Discard your {answered} answers and start again? This cannot be undone.")}</p>
                        <button type="button" class="danger" on:click=begin>"Yes, start over"</button>
                        <button type="button" on:click=move |_| { confirming.set(false); state.focus("start-over"); }>"Keep my answers"</button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="actions">
                        <p>{format!("You have an unfinished attempt: {answered} of {total} questions answered.")}</p>
                        <button type="button" class="primary" on:click=resume>"Resume"</button>
                        <button type="button" id="start-over" on:click=move |_| { confirming.set(true); state.focus("discard-question"); }>"Start over"</button>
                    </div>
                }
                .into_any()
            }
        }
        None => view! {
            <div class="actions">
                <button type="button" class="primary" on:click=begin disabled=move || chosen_set.get().is_none()>"Start the assessment"</button>
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <section class="start" aria-labelledby="start-heading">
            <h1 id="start-heading" tabindex="-1">"How ready are you for your next leadership role?"</h1>
            <p class="privacy">"Your answers stay on this device: nothing is sent anywhere."</p>
            {move || state.catalog_error.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
            <fieldset class="sets">
                <legend>"Choose an assessment"</legend>
                {set_choices}
            </fieldset>
            <div class="field">
                <label for="target-role">"Target role"</label>
                <select id="target-role" on:change=move |ev| role.set(event_target_value(&ev).parse().ok())>
                    {role_options}
                </select>
            </div>
            {actions}
        </section>
    }
}
