//! The goals, by dimension: each one's title, status, due date and what done looks like, edited in
//! place or deleted, with a way to add a note for it; a nudge where more than three are open; and a
//! form to write a new one.

use leptos::prelude::*;

use super::keep_focus::FocusKeys;
use super::note_draft::NoteDraft;
use super::Lists;
use crate::app::{new_attempt_id, now, AppState, ProgressChange};
use crate::i18n::{tr, trf};
use crate::model::Problem;
use crate::progress::{goals_nudge, Goal, GoalStatus, SourceKind};

/// The problems of a refused change, in words, for the person.
pub fn said(problems: &[Problem]) -> Option<String> {
    (!problems.is_empty())
        .then(|| problems.iter().map(|p| format!("{}: {}", p.location, p.message)).collect::<Vec<_>>().join("; "))
}

/// An input's value, trimmed: empty is none.
pub fn entered(ev: &leptos::ev::Event) -> Option<String> {
    let value = event_target_value(ev).trim().to_owned();
    (!value.is_empty()).then_some(value)
}

/// The goals of `progress` by dimension, and the form for a new one; a goal's "Add a note" fills in
/// `draft`. Drawn anew when `redraw` says; a field edited in place changes only what reads it.
pub fn goal_list(lists: Lists) -> impl IntoView {
    let Lists { state, progress, redraw, in_place, names, draft, keys } = lists;
    let session = state.session;
    let problem = RwSignal::new(None::<String>);
    // A change to one goal's field, in place; a refused one is said.
    let change = move |id: String, edit: Box<dyn FnOnce(&mut Goal)>| {
        let problems = in_place.edit(session, progress, ProgressChange::EditGoal(id, edit));
        problem.set(said(&problems));
    };
    // Emptying a title is refused: the field shows the title kept again, and the person is told why.
    let empty_title = move |id: &str, ev: &leptos::ev::Event| {
        let kept = progress.with_untracked(|p| p.goal(id).map(|g| g.title.clone())).unwrap_or_default();
        event_target::<web_sys::HtmlInputElement>(ev).set_value(&kept);
        problem.set(Some(tr("A goal needs a title: delete the goal instead, if it is no longer one.")));
    };
    let rows = {
        let names = names.clone();
        move || {
            redraw.track();
            let groups = progress.with_untracked(|p| p.goals_by_dimension(&names));
            if groups.is_empty() {
                return view! { <p>{tr("No goals yet. On your roadmap, “Make this a goal” turns a step, a practice or a project into one.")}</p> }.into_any();
            }
            groups
                .into_iter()
                .map(|group| {
                    let goals = group
                        .goals
                        .into_iter()
                        .map(|goal| goal_row(goal, (change, empty_title), state, draft, keys))
                        .collect_view();
                    // Follows every change, a status edited in place included.
                    let (dimension_id, name) = (group.dimension_id, group.name.clone());
                    let nudge = move || progress.with(|p| goals_nudge(p.open_goals_in(&dimension_id), &name));
                    view! {
                        <h4>{group.name}</h4>
                        <p class="nudge">{nudge}</p>
                        <ul class="goals">{goals}</ul>
                    }
                })
                .collect_view()
                .into_any()
        }
    };

    // The form for a new goal.
    let (dimension, title, due, done) = (
        RwSignal::new(names.0.first().map(|(id, _)| id.clone()).unwrap_or_default()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = now();
        let mut goal =
            Goal::new(&new_attempt_id("goal"), &dimension.get_untracked(), title.get_untracked().trim(), &at);
        goal.due = Some(due.get_untracked()).filter(|d| !d.is_empty());
        goal.done_looks_like = Some(done.get_untracked().trim().to_owned()).filter(|d| !d.is_empty());
        let problems = session.change_progress(ProgressChange::AddGoal(goal));
        problem.set(said(&problems));
        if problems.is_empty() {
            title.set(String::new());
            due.set(String::new());
            done.set(String::new());
            state.tell(tr("The goal has been added."));
        }
    };
    let options =
        names.0.iter().map(|(id, name)| view! { <option value=id.clone()>{name.clone()}</option> }).collect_view();

    view! {
        <section aria-labelledby="goals-heading">
            <h3 id="goals-heading" tabindex="-1" node_ref=keys.control("goal".to_owned())>{tr("Goals")}</h3>
            {rows}
            <form class="add-goal" on:submit=add>
                <h4>{tr("A new goal")}</h4>
                <div class="field">
                    <label for="goal-dimension">{tr("Dimension")}</label>
                    <select id="goal-dimension" on:change=move |ev| dimension.set(event_target_value(&ev))>{options}</select>
                </div>
                <div class="field">
                    <label for="goal-title">{tr("Goal")}</label>
                    <input id="goal-title" type="text" maxlength="300" required prop:value=title on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="goal-done">{tr("What done looks like (optional)")}</label>
                    <input id="goal-done" type="text" maxlength="500" prop:value=done on:input=move |ev| done.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="goal-due">{tr("Due (optional)")}</label>
                    <input id="goal-due" type="date" prop:value=due on:input=move |ev| due.set(event_target_value(&ev))/>
                </div>
                <button type="submit">{tr("Add the goal")}</button>
            </form>
            <p class="error" role="alert">{move || problem.get()}</p>
        </section>
    }
}

/// One goal, its fields editable in place (each change kept at once), a button that starts a note
/// for it and one that deletes it.
fn goal_row(
    goal: Goal,
    (change, empty_title): (
        impl Fn(String, Box<dyn FnOnce(&mut Goal)>) + Copy + 'static,
        impl Fn(&str, &leptos::ev::Event) + Copy + 'static,
    ),
    state: AppState,
    draft: NoteDraft,
    keys: FocusKeys,
) -> impl IntoView {
    let id = goal.id.clone();
    // Where focus is found again once the goals are drawn anew (`keep_focus`).
    let key = |field: &str| keys.control(format!("goal:{id}:{field}"));
    let status_options = GoalStatus::ALL
        .into_iter()
        .map(|status| view! { <option value=status.as_str() selected=status == goal.status>{tr(status.label())}</option> })
        .collect_view();
    let (id_status, id_due, id_done, id_title, id_note, id_delete) =
        (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let (dimension_id, title) = (goal.dimension_id.clone(), goal.title.clone());
    view! {
        <li class="goal">
            <input type="text" class="goal-title" maxlength="300" aria-label=trf("Title of “{goal}”", &[&goal.title]) node_ref=key("title") value=goal.title.clone()
                on:change=move |ev| match entered(&ev) {
                    Some(text) => change(id_title.clone(), Box::new(move |g| g.title = text)),
                    None => empty_title(&id_title, &ev),
                }/>
            <select aria-label=trf("Status of “{goal}”", &[&goal.title]) node_ref=key("status") on:change=move |ev| {
                if let Some(status) = GoalStatus::parse(&event_target_value(&ev)) { change(id_status.clone(), Box::new(move |g| g.status = status)) }
            }>{status_options}</select>
            <input type="date" aria-label=trf("Due date of “{goal}”", &[&goal.title]) node_ref=key("due") value=goal.due.clone().unwrap_or_default()
                on:change=move |ev| { let due = entered(&ev); change(id_due.clone(), Box::new(move |g| g.due = due)) }/>
            <input type="text" maxlength="500" aria-label=trf("What done looks like, for of “{goal}”", &[&goal.title]) node_ref=key("done") placeholder=tr("What done looks like")
                value=goal.done_looks_like.clone().unwrap_or_default()
                on:change=move |ev| { let done = entered(&ev); change(id_done.clone(), Box::new(move |g| g.done_looks_like = done)) }/>
            {goal.source.map(|source| view! { <p class="hint">{from_roadmap(source.kind, &source.text)}</p> })}
            // The visible words first in the name (WCAG 2.5.3).
            <button type="button" aria-label=trf("Add a note for “{goal}”", &[&title]) node_ref=key("note")
                on:click=move |_| draft.for_goal(&id_note, &dimension_id)>{tr("Add a note")}</button>
            <button type="button" aria-label=trf("Delete the goal of “{goal}”", &[&title]) node_ref=key("delete") on:click=move |_| {
                let problems = state.session.change_progress(ProgressChange::DeleteGoal(id_delete.clone()));
                if problems.is_empty() {
                    state.tell(trf("The goal “{goal}” has been deleted.", &[&title]));
                }
            }>{tr("Delete")}</button>
        </li>
    }
}

/// The roadmap item a goal was made from, with its kind: a sentence for each kind, so a translation
/// words the kind as its sentence needs.
fn from_roadmap(kind: SourceKind, text: &str) -> String {
    match kind {
        SourceKind::FirstStep => trf("From your roadmap (first step): {text}", &[text]),
        SourceKind::Practice => trf("From your roadmap (practice): {text}", &[text]),
        SourceKind::Project => trf("From your roadmap (project): {text}", &[text]),
    }
}
