//! The notes of evidence as a timeline, newest first: each one's date, text, link, dimensions and
//! goal, edited in place or deleted; and a form to add one, which a goal or the roadmap can fill in.

use leptos::prelude::*;

use super::goal_list::{entered, said};
use super::note_draft::NoteDraft;
use super::Lists;
use crate::app::{new_attempt_id, now, ProgressChange};
use crate::i18n::{self, tr, trf};
use crate::progress::{link_problem, Evidence};

/// The notes of `progress`, newest first, and the form for a new one as `draft` has it. The screen
/// draws them again after every change.
pub fn evidence_list(lists: Lists) -> impl IntoView {
    let Lists { state, progress, redraw, in_place, names, draft, keys } = lists;
    let session = state.session;
    let problem = RwSignal::new(None::<String>);
    let timeline = {
        let names = names.clone();
        move || {
            redraw.track();
            let notes: Vec<Evidence> =
                progress.with_untracked(|p| p.evidence_newest_first().into_iter().cloned().collect());
            if notes.is_empty() {
                return view! { <p>{tr("No notes yet: add what you did, when, and what it showed.")}</p> }.into_any();
            }
            let goal_title = |id: &Option<String>| {
                id.as_ref().and_then(|id| progress.with_untracked(|p| p.goal(id).map(|g| g.title.clone())))
            };
            notes
                .into_iter()
                .map(|note| {
                    let dimensions = note.dimension_ids.iter().map(|d| names.name(d).to_owned()).collect::<Vec<_>>().join(", ");
                    // The date as the language spoken writes it, in the line and the controls' names.
                    let date = i18n::date(&note.date);
                    let meta = match goal_title(&note.goal_id) {
                        Some(goal) => trf("{date} · {dimensions} · for “{goal}”", &[&date, &dimensions, &goal]),
                        None => trf("{date} · {dimensions}", &[&date, &dimensions]),
                    };
                    // Only an http(s) address is ever a link (the core refuses anything else); it opens apart.
                    let link = note.link.clone().filter(|link| link_problem(link).is_none()).map(|link| {
                        let text = link.clone();
                        view! { <a href=link rel="noopener noreferrer" target="_blank" node_ref=keys.control(format!("note:{}:link", note.id))>{text}</a> }
                    });
                    let (id_text, id_delete) = (note.id.clone(), note.id.clone());
                    // Where focus is found again once the notes are drawn anew (`keep_focus`).
                    let key = |field: &str| keys.control(format!("note:{}:{field}", note.id));
                    let (text_name, delete_name) =
                        (trf("Note of {date}", &[&date]), trf("Delete the note of {date}", &[&date]));
                    view! {
                        <li class="note">
                            <p class="note-meta">{meta}</p>
                            <textarea maxlength="1000" aria-label=text_name node_ref=key("text") prop:value=note.text.clone()
                                on:change=move |ev| match entered(&ev) {
                                    Some(text) => {
                                        let problems = in_place.edit(session, progress, ProgressChange::EditNote(id_text.clone(), Box::new(|n| n.text = text)));
                                        problem.set(said(&problems));
                                    }
                                    // Emptying a note is refused: its text kept is shown again.
                                    None => {
                                        let kept = progress.with_untracked(|p| p.note(&id_text).map(|n| n.text.clone())).unwrap_or_default();
                                        if let Some(field) = ev.target() {
                                            // A textarea's value, set as a property (web-sys's textarea type is not built in).
                                            let _ = js_sys::Reflect::set(&field, &"value".into(), &kept.into());
                                        }
                                        problem.set(Some(tr("A note needs its text: delete the note instead, if it is no longer one.")));
                                    }
                                }></textarea>
                            {link}
                            <button type="button" aria-label=delete_name node_ref=key("delete") on:click=move |_| {
                                if session.change_progress(ProgressChange::DeleteNote(id_delete.clone())).is_empty() {
                                    state.tell(trf("The note of {date} has been deleted.", &[&date]));
                                }
                            }>{tr("Delete")}</button>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        }
    };

    // The form for a new note: today's date where the person is, the text, an optional link, its
    // dimensions and goal.
    let today = local_date();
    let (date, text, link) = (RwSignal::new(today), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let NoteDraft { goal, dimensions: chosen, text_field } = draft;
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let dimensions = chosen.get_untracked();
        let Some(first) = dimensions.first() else {
            problem.set(Some(tr("Choose at least one dimension the note shows.")));
            return;
        };
        let mut note =
            Evidence::new(&new_attempt_id("note"), &date.get_untracked(), text.get_untracked().trim(), first, &now());
        note.dimension_ids = dimensions;
        note.link = Some(link.get_untracked().trim().to_owned()).filter(|l| !l.is_empty());
        note.goal_id = Some(goal.get_untracked()).filter(|g| !g.is_empty());
        let problems = session.change_progress(ProgressChange::AddNote(note));
        problem.set(said(&problems));
        if problems.is_empty() {
            text.set(String::new());
            link.set(String::new());
            state.tell(tr("The note has been added."));
        }
    };
    let checkboxes = names
        .0
        .iter()
        .map(|(id, name)| {
            let (input_id, id, mine) = (format!("note-dimension-{id}"), id.clone(), id.clone());
            view! {
                <div class="note-dimension">
                    <input type="checkbox" id=input_id.clone() prop:checked=move || chosen.with(|c| c.contains(&mine)) on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen.update(|c| { c.retain(|d| *d != id); if on { c.push(id.clone()) } });
                    }/>
                    <label for=input_id>{name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    // Drawn anew with the goals: each option says whether it is the one chosen.
    let goal_options = move || {
        progress.with(|p| {
            // Open goals, and the one chosen even when done (a done goal's "Add a note").
            let chosen = goal.get();
            p.goals()
                .filter(|g| g.status.is_open() || g.id == chosen)
                .map(|g| {
                    let id = g.id.clone();
                    view! { <option value=g.id.clone() prop:selected=move || goal.with(|chosen| *chosen == id)>{g.title.clone()}</option> }
                })
                .collect_view()
        })
    };

    view! {
        <section aria-labelledby="evidence-heading">
            <h3 id="evidence-heading" tabindex="-1" node_ref=keys.control("note".to_owned())>{tr("Evidence")}</h3>
            <ul class="timeline">{timeline}</ul>
            <form class="add-note" on:submit=add>
                <h4>{tr("A new note")}</h4>
                <div class="field">
                    <label for="note-date">{tr("When")}</label>
                    <input id="note-date" type="date" required prop:value=date on:input=move |ev| date.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="note-text">{tr("What you did, and what it showed (up to 1,000 characters)")}</label>
                    <textarea id="note-text" maxlength="1000" required node_ref=text_field prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="note-link">{tr("A link (optional, http or https)")}</label>
                    <input id="note-link" type="url" prop:value=link on:input=move |ev| link.set(event_target_value(&ev))/>
                </div>
                <fieldset class="note-dimensions">
                    <legend>{tr("Dimensions it shows")}</legend>
                    {checkboxes}
                </fieldset>
                <div class="field">
                    <label for="note-goal">{tr("For a goal (optional)")}</label>
                    <select id="note-goal" on:change=move |ev| goal.set(event_target_value(&ev))>
                        <option value="" prop:selected=move || goal.with(String::is_empty)>{tr("None")}</option>
                        {goal_options}
                    </select>
                </div>
                <button type="submit">{tr("Add the note")}</button>
            </form>
            <p class="error" role="alert">{move || problem.get()}</p>
        </section>
    }
}

/// Today's date where the person is (YYYY-MM-DD): a note written in the evening in the Americas is
/// dated that day, not the next one as the UTC date would have it.
fn local_date() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}
