//! The start screen: choose an assessment and a target role, say (or not) the size of one's
//! organisation, and begin, or resume an unfinished attempt.

use leptos::prelude::*;

use crate::i18n::{self, tr, trn};

use super::organisation_field::OrganisationField;
use super::set_problems::SetProblems;
use crate::app::{
    new_attempt_id, now, on_change, on_click, reactive, role_index, AppState, ElementRef, Screen, SetEntry, Unfinished,
};
use crate::attempt::Attempt;
use crate::model::SetFacts;

/// Lists the assessments with their size and length, the target roles of the chosen one, the
/// optional size of the person's organisation, and what can be done with an unfinished attempt.
#[component]
pub fn StartScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Read, not taken: the start screen is drawn while the catalog loads, and taking the arrival
    // then (a write) held the load back by a frame or more (e2e: "a set whose server never answers").
    let heading = AppState::heading(state.arrival.with_value(|arrival| *arrival));
    let (catalog, session, host) = (state.catalog, state.session, state.host);
    // The set the person picked; until they pick one: the one in progress, else the element's
    // `set`, the catalog's default or the first.
    let picked = RwSignal::new(session.attempt().map(|a| a.set.id.clone()));
    let wanted = move || picked.get().or_else(|| host.attributes.set.get());
    // The chosen set's id, as soon as it is listed; the set itself once it has loaded.
    let chosen_id = move || catalog.loaded()?.chosen_id(wanted().as_deref()).map(str::to_owned);
    let chosen = move || catalog.loaded()?.chosen(wanted().as_deref());
    // What there is to resume of the chosen set, read from the session now, when the choice changes
    // and when more of the sets arrive (the chosen one, or the archived version it was begun on):
    // an attempt, or one saved on a version still on its way, which a new attempt must not replace.
    let unfinished = RwSignal::new(untrack(chosen).map(|set| session.unfinished(&set)).unwrap_or_default());
    let read_unfinished =
        move || unfinished.set(untrack(chosen).map(|set| session.unfinished(&set)).unwrap_or_default());
    // Start and the role picker wait for the chosen set, and for an attempt it may have to resume.
    let waiting = move || chosen().is_none() || unfinished.with(|u| *u == Unfinished::AwaitsArchive);
    Effect::new(move |drawn: Option<bool>| {
        catalog.loaded();
        if drawn.is_some() {
            read_unfinished();
        }
        true
    });
    let confirming = RwSignal::new(false);
    // Focus follows the "start over?" question as it appears, and goes back to "Start over" after.
    let (start_over, discard_question) = (ElementRef::new(), ElementRef::new());
    // The target role the person picked; until then: the unfinished attempt's, else the
    // element's `role`, else the role suggested by the set's most recent result (one stage above
    // the highest it was ready for, kept when it finished), else the set's default.
    let picked_role = RwSignal::new(None::<usize>);
    let choose = move |id: String| {
        picked.set(Some(id));
        picked_role.set(None);
        confirming.set(false);
        read_unfinished();
    };
    let role = move || {
        picked_role
            .get()
            .or_else(|| unfinished.with(|u| if let Unfinished::Attempt(a) = u { Some(a.role) } else { None }))
            .or_else(|| {
                let set = chosen()?;
                let given = host.attributes.role.get().and_then(|id| set.role_index(&id));
                let suggested = || session.suggested_role(&set.id).and_then(|id| set.role_index(&id));
                Some(given.or_else(suggested).unwrap_or(set.default_role))
            })
    };

    let begin = move |_| {
        let (Some(set), Some(role)) = (untrack(chosen), untrack(role)) else { return };
        session.begin_own(Attempt::new(new_attempt_id(&set.id), &set, role, now()));
        state.go(Screen::Answer);
    };
    // Resumed with the role and the organisation the screen shows, as a new attempt would begin.
    let resume = move |_| {
        let Unfinished::Attempt(mut attempt) = unfinished.get_untracked() else { return };
        if let Some(role) = untrack(role) {
            attempt.role = role;
        }
        session.begin_own(attempt);
        state.go(Screen::Answer);
    };

    // Drawn from the catalog's facts while the sets load, and not again when they arrive.
    let set_choices = move || {
        let listing = catalog.listing().unwrap_or_default();
        listing
            .sets
            .iter()
            .map(|entry| match entry {
                SetEntry::Failed { url, problems, reason } => {
                    view! { <SetProblems url=url.clone() problems=problems.clone() reason=reason.clone()/> }.into_any()
                }
                entry => {
                    let SetFacts { id, title, summary, estimated_minutes, questions } =
                        entry.facts().unwrap_or_default();
                    let input_id = format!("set-{id}");
                    let checked = {
                        let id = id.clone();
                        move || chosen_id().is_some_and(|chosen| chosen == id)
                    };
                    // A set that has no current translation into the language spoken is offered in its own.
                    let own_language = match entry {
                        SetEntry::Loaded(set) if !i18n::speaks(&set.language) => tr(
                            "This assessment has no current translation into your language, so it is shown in its own.",
                        ),
                        _ => String::new(),
                    };
                    let minutes = estimated_minutes.map(|m| trn(m as usize, "about {n} minute · ", "about {n} minutes · ", &[])).unwrap_or_default();
                    view! {
                        <div class="set-choice">
                            <input type="radio" name="altitude-set" id=input_id.clone() prop:checked=reactive(checked)
                                on:change=on_change(move |_| choose(id.clone()))/>
                            <label for=input_id>
                                <span class="set-title" dir="auto">{title}</span>
                                <span class="set-meta">{format!("{minutes}{}", trn(questions as usize, "{n} question", "{n} questions", &[]))}</span>
                                <span class="set-summary" dir="auto">{summary.unwrap_or_default()}</span>
                                <span class="set-language">{own_language}</span>
                            </label>
                        </div>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };

    // Views of one kind, as the list of sets is: each kind of reactive view is a render effect of
    // its own in the wasm (ARCHITECTURE.md, the size rules).
    let role_options = move || {
        let Some(set) = chosen() else { return Vec::new() };
        set.roles_by_stage()
            .into_iter()
            .map(|r| {
                let value = r.to_string();
                view! { <option value=value prop:selected=reactive(move || role() == Some(r))>{set.roles[r].name.clone()}</option> }
                    .into_any()
            })
            .collect_view()
    };

    let actions = move || {
        match unfinished.get() {
        Unfinished::Attempt(attempt) => {
            let total = attempt.responses.0.len();
            let answered = attempt.answered();
            if confirming.get() {
                view! {
                    <div class="actions" role="group" aria-labelledby="discard-question">
                        <p id="discard-question" tabindex="-1" node_ref=discard_question>{trn(answered, "Discard your {n} answer and start again? This cannot be undone.", "Discard your {n} answers and start again? This cannot be undone.", &[])}</p>
                        <button type="button" class="danger" on:click=on_click(begin)>{tr("Yes, start over")}</button>
                        <button type="button" on:click=on_click(move |_| { confirming.set(false); start_over.focus(); })>{tr("Keep my answers")}</button>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="actions">
                        <p>{trn(total, "You have an unfinished attempt: {answered} of {n} question answered.", "You have an unfinished attempt: {answered} of {n} questions answered.", &[&answered.to_string()])}</p>
                        <button type="button" class="primary" on:click=on_click(resume)>{tr("Resume")}</button>
                        <button type="button" node_ref=start_over on:click=on_click(move |_| { confirming.set(true); discard_question.focus(); })>{tr("Start over")}</button>
                    </div>
                }
                .into_any()
            }
        }
        Unfinished::None | Unfinished::AwaitsArchive => view! {
            <div class="actions">
                <button type="button" class="primary" on:click=on_click(begin) prop:disabled=reactive(waiting)>{tr("Start the assessment")}</button>
            </div>
        }
        .into_any(),
    }
    };

    view! {
        <section class="start" aria-labelledby="start-heading">
            <h1 id="start-heading" tabindex="-1" node_ref=heading>{tr("How ready are you for your next leadership role?")}</h1>
            <p class="privacy">{tr("Your answers stay on this device: nothing is sent anywhere.")}</p>
            {reactive(move || match catalog.loaded().and_then(|l| l.error.clone()) {
                Some((message, _)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                None => ().into_any(),
            })}
            <fieldset class="sets">
                <legend>{tr("Choose an assessment")}</legend>
                {reactive(set_choices)}
            </fieldset>
            <div class="field">
                <label for="target-role">{tr("Target role")}</label>
                <select id="target-role" prop:disabled=reactive(waiting) on:change=on_change(move |ev| picked_role.set(role_index(&ev, untrack(chosen))))>
                    {reactive(role_options)}
                </select>
            </div>
            <OrganisationField/>
            // Text, empty when there is nothing to say, like the progress words: one kind of reactive text on these screens.
            <p class="set-loading" role="status">{reactive(move || if chosen_id().is_some() && waiting() { tr("Loading this assessment…") } else { String::new() })}</p>
            {reactive(actions)}
            // A facilitator's way in; it waits, like the masthead, for every set version to be in.
            <p class="team-link">
                <button type="button" class="link" prop:disabled=reactive(catalog.incomplete()) on:click=state.go_on_click(|| Screen::Team)>
                    {tr("See a team's results")}
                </button>
            </p>
        </section>
    }
}
