//! "My progress": goals by dimension, the notes of evidence as a timeline, what changed since the
//! last attempt of each assessment taken twice, the check-ins as a calendar file, and the record
//! to print. Drawn again whenever the goals or notes change, here or in another tab.

use leptos::prelude::*;

use super::evidence_list::evidence_list;
use super::goal_list::goal_list;
use super::keep_focus::FocusKeys;
use super::note_draft::NoteDraft;
use super::progress_record::progress_record_view;
use super::{InPlace, Lists};
use crate::app::plumbing::download;
use crate::app::{now, AppState, Arrival};
use crate::i18n::{tr, trf};
use crate::progress::between::{sets_taken_twice, since_last_time};
use crate::progress::calendar::{calendar, Roadmap};
use crate::progress::record::progress_record;
use crate::progress::DimensionNames;
use crate::scoring::development_plan;

/// The person's goals and notes, with what can be done with them.
#[component]
pub fn ProgressScreen(
    /// The dimension a new note is for, when the roadmap asked for one: the form has it chosen,
    /// and focus goes to the note's text rather than the heading.
    note_for: Option<String>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let arrival = state.take_arrival();
    let draft = NoteDraft::new(note_for.clone());
    let heading = AppState::heading(arrival.filter(|_| note_for.is_none()));
    if note_for.is_some() && arrival == Some(Arrival::Heading) {
        draft.text_field.focus();
    }
    let session = state.session;
    let progress = RwSignal::new(session.progress());
    // Every change, this screen's or another tab's, is read again. The lists are drawn anew, focus
    // kept where it was, unless a field edited in place made it (see `Lists::redraw`).
    let (keys, redraw, in_place) = (FocusKeys::new(), Trigger::new(), InPlace(StoredValue::new(false)));
    Effect::new(move |_| {
        session.track_progress();
        // A read: it never reports the goals and notes changed, so this effect never flips what it
        // tracks.
        let fresh = session.progress();
        if progress.with_untracked(|shown| *shown == fresh) {
            return;
        }
        // A goal deleted (here or in another tab) is no longer the one a new note is for.
        if draft.goal.with_untracked(|goal| !goal.is_empty() && fresh.goal(goal).is_none()) {
            draft.goal.set(String::new());
        }
        let drawn_anew = !in_place.take();
        let focused = if drawn_anew { keys.focused() } else { None };
        progress.set(fresh);
        if drawn_anew {
            redraw.notify();
            if let Some(key) = focused {
                keys.refocus(key);
            }
        }
    });
    let sets = state.catalog.loaded_untracked().map(|loaded| loaded.usable()).unwrap_or_default();
    let names = DimensionNames::of_sets(&sets);
    let results = session.results();
    // What changed since the last time, for each assessment taken at least twice.
    let since = move || {
        let results = results.get();
        progress.with(|progress| {
            sets_taken_twice(&results)
                .into_iter()
                .filter_map(|set_id| since_last_time(&results, &set_id, progress))
                .collect::<Vec<_>>()
        })
    };
    let since_view = move || {
        let all = since();
        if all.is_empty() {
            return view! { <p>{tr("Take an assessment a second time to see here what changed since the first, beside the goals you finished and the notes you kept in between.")}</p> }.into_any();
        }
        all.into_iter()
            .map(|between| {
                let lines = between.summaries().into_iter().map(|line| view! { <li>{line}</li> }).collect_view();
                view! { <h4>{between.set_title.clone()}</h4><ul class="since">{lines}</ul> }
            })
            .collect_view()
            .into_any()
    };

    let calendar_file = {
        let names = names.clone();
        move |_| {
            // The check-ins of the latest completed result's roadmap, with every open goal's due date.
            let latest = results.get_untracked().into_iter().rev().find(|r| r.scored.is_ok());
            let plan = latest.as_ref().and_then(|r| {
                let scored = r.scored.as_ref().ok()?;
                Some(development_plan(&scored.set, &scored.report_for(scored.role), r.document.completed_at.as_deref()))
            });
            let roadmap = latest.as_ref().zip(plan.as_ref()).map(|(r, plan)| Roadmap { attempt_id: &r.id, plan });
            let text = progress.with_untracked(|progress| calendar(roadmap, progress, &names, &now()));
            if let Err(reason) = download(&tr("altitude-check-ins.ics"), &text) {
                state.tell(trf("The download failed: {reason}", &[&reason]));
            }
        }
    };
    let record = {
        let names = names.clone();
        move || {
            let results = results.get();
            progress.with(|progress| {
                let latest =
                    sets_taken_twice(&results).into_iter().find_map(|id| since_last_time(&results, &id, progress));
                progress_record_view(progress_record(progress, &names, latest.as_ref()))
            })
        }
    };

    let lists = Lists { state, progress, redraw, in_place, names, draft, keys };
    view! {
        <section class="progress-screen" aria-labelledby="progress-heading">
            <h2 id="progress-heading" tabindex="-1" node_ref=heading>{tr("My progress")}</h2>
            <p class="screen-only">{tr("Goals you set yourself and dated notes of what you did, kept in this browser like your answers: nothing is sent anywhere. Make a goal from your roadmap, or write one here.")}</p>
            <section class="screen-only" aria-labelledby="since-heading">
                <h3 id="since-heading">{tr("Since last time")}</h3>
                {since_view}
            </section>
            <div class="screen-only">
                {goal_list(lists.clone())}
                {evidence_list(lists)}
                <div class="actions">
                    <button type="button" on:click=calendar_file>{tr("Check-ins for your calendar (.ics)")}</button>
                    <button type="button" class="primary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{tr("Print the record")}</button>
                </div>
            </div>
            <div class="print-only">{record}</div>
        </section>
    }
}
