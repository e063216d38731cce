//! The development roadmap of a completed attempt, for the screen and for paper: header with the
//! verdict and the organisation it holds at, radar chart, scores, blind spots and ladders others see
//! differently with the conversation to have, focus areas with their next steps and material,
//! strengths (hidden ones too), the facets the answers fit, chances to ask for,
//! the dated 30/60/90-day plan with checkboxes, and notes. Ticks, notes and the "prepared for" name stay on this device.

use std::sync::Arc;

use leptos::prelude::*;

use super::focus_area::focus_area;
use super::milestone_list::milestone_list;
use crate::app::results::ScoreTable;
use crate::app::results::{completed, radar, ChartFigure};
use crate::app::{new_attempt_id, now, AppState, ProgressChange, Screen};
use crate::charts::{radar::Fit, Palette};
use crate::display::whole;
use crate::i18n::{self, msg, tr, trf};
use crate::progress::{goals_nudge, DimensionNames, Goal, GoalSource, SourceKind};
use crate::scoring::plan::PerceptionGap;
use crate::scoring::verdict::{at_organisation, Verdict};
use crate::scoring::{development_plan, with_others};

/// The roadmap of the attempt `attempt_id`, planned against the role at index `role`.
#[component]
pub fn RoadmapView(
    /// The id of a completed attempt in history.
    attempt_id: String,
    /// The target role to plan against (index into the set's roles).
    role: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let arrival = state.take_arrival();
    let (result, scored) = match completed(&state, &attempt_id, arrival) {
        Ok(found) => found,
        Err(alert) => return alert,
    };
    let role = if role < scored.set.roles.len() { role } else { scored.role };
    let report = scored.report_for(role);
    let plan = development_plan(&scored.set, &report, result.document.completed_at.as_deref());
    // Once others have replied, their view's blind spots lead the plan.
    let others = state.session.raters(&attempt_id).view(&scored.set, &report, &scored.responses);
    let plan = match &others {
        Some(view) => with_others(plan, &scored.set, &report, &scored.responses, view),
        None => plan,
    };

    // A step, a practice or a project made a goal, kept with the person's other goals (My progress);
    // past three open in its dimension, the person hears the nudge.
    let set_id = scored.set.id.clone();
    let names = DimensionNames::of_set(&scored.set);
    let make_goal = Callback::new(move |(dimension_id, kind, text): (String, SourceKind, String)| {
        let mut goal = Goal::new(&new_attempt_id("goal"), &dimension_id, &text, &now());
        goal.set_id = Some(set_id.clone());
        goal.source = Some(GoalSource { kind, text: text.clone() });
        let problems = state.session.change_progress(ProgressChange::AddGoal(goal));
        state.tell(match problems.first() {
            None => {
                let open = state.session.progress().open_goals_in(&dimension_id);
                match goals_nudge(open, names.name(&dimension_id)) {
                    Some(nudge) => trf("“{goal}” is now one of your goals: see My progress. {nudge}", &[&text, &nudge]),
                    None => trf("“{goal}” is now one of your goals: see My progress.", &[&text]),
                }
            }
            Some(problem) => trf("The goal could not be added: {reason}", &[&problem.message]),
        });
    });
    let add_note = Callback::new(move |dimension_id: String| state.go(Screen::Progress(Some(dimension_id))));

    let notes = {
        let attempt_id = attempt_id.clone();
        Memo::new(move |_| state.session.notes(&attempt_id))
    };
    let prepared_for = RwSignal::new(state.session.prepared_for());

    // The others' view is drawn dotted beside the person's scores, as on the results. On paper the
    // score table beside the radar is its key (numbered by the print stylesheet).
    let shared_report = Arc::new(report.clone());
    let print_radar = radar(Arc::clone(&shared_report), &plan.role_name, others.as_ref(), Palette::LIGHT, Fit::PRINT);
    let host = state.host;
    let screen_radar = {
        let (role_name, others) = (plan.role_name.clone(), others.clone());
        Signal::derive(move || {
            let palette = if host.dark() { Palette::DARK } else { Palette::LIGHT };
            radar(Arc::clone(&shared_report), &role_name, others.as_ref(), palette, Fit::SCREEN)
        })
    };

    let focus = if plan.focus_areas.is_empty() {
        view! { <p>{tr("No gaps to plan for: every dimension with a score meets the target.")}</p> }.into_any()
    } else {
        plan.focus_areas
            .iter()
            .enumerate()
            .map(|(rank, area)| focus_area(rank + 1, area.clone(), make_goal, add_note))
            .collect_view()
            .into_any()
    };
    let gap_list = |gaps: &[PerceptionGap]| {
        gaps.iter()
            .map(|gap| {
                view! {
                    <li>
                        <strong>{gap.name.clone()}</strong>{trf(": you {own}, others {others}", &[&whole(gap.own), &whole(gap.others)])}
                        <p>{gap.conversation.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    let blind_spots = (!plan.blind_spots.is_empty()).then(|| {
        view! {
            <h2>{tr("Blind spots: start here")}</h2>
            <p>{tr("The people who gave their view rate you at least 10 points lower than you rate yourself here. Before working on the rest, find out what they see.")}</p>
            <ul class="blind-spots">{gap_list(&plan.blind_spots)}</ul>
        }
    });
    let hidden_strengths = (!plan.hidden_strengths.is_empty()).then(|| {
        view! {
            <h2>{tr("Hidden strengths")}</h2>
            <ul class="hidden-strengths">{gap_list(&plan.hidden_strengths)}</ul>
        }
    });
    let strengths = (!plan.strengths.is_empty()).then(|| {
        view! {
            <h2>{tr("Strengths")}</h2>
            <ul class="strengths">
                {plan.strengths.iter().map(|s| view! { <li><strong>{s.name.clone()}</strong>{trf(": {score} against a target of {target}", &[&whole(s.score), &whole(s.target)])}</li> }).collect_view()}
            </ul>
        }
    });
    let to_assess = (!plan.to_assess.is_empty()).then(|| {
        view! {
            <h2>{tr("To assess")}</h2>
            <p>{trf("Not enough answers to plan from: {dimensions}. Answer more of these questions next time before planning for them.", &[&plan.to_assess.join(", ")])}</p>
        }
    });

    let chances = (!plan.get_the_chance.is_empty()).then(|| {
        view! {
            <h2>{tr("Chances to ask for")}</h2>
            <p>{tr("You have not had the chance to show these yet: something to ask for, not something to fix.")}</p>
            <ul class="chances">{plan.get_the_chance.iter().map(|c| view! { <li>{trf("{chance} ({dimension})", &[&c.text, &c.dimension])}</li> }).collect_view()}</ul>
        }
    });
    let ladders = (!plan.ladders.is_empty()).then(|| {
        view! {
            <h2>{tr("Ladders to talk about")}</h2>
            <p>{tr("On these, you and the people who replied place you at least a rung apart.")}</p>
            <ul class="ladders">{plan.ladders.iter().map(|l| view! { <li>{l.conversation(&scored.set)}</li> }).collect_view()}</ul>
        }
    });
    let facets = (!plan.facets.is_empty()).then(|| {
        let fit = crate::scoring::verdict::fit_sentence(&scored.set, &report);
        view! {
            <h2>{tr("What your answers describe")}</h2>
            <p>{fit}</p>
            <ul class="facet-list">
                {plan.facets.iter().map(|f| view! {
                    <li>
                        <strong>{f.name.clone()}</strong>{trf(": {score}", &[&f.score.map_or_else(|| tr("not enough answers"), whole)])}
                        {f.description.clone().map(|d| view! { <span class="facet-description">{trf(" — {description}", &[&d])}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    // The verdict for the target role with the reason that decided it, and, in a sentence of its
    // own, the size of organisation it holds at.
    let verdict = trf(
        "{role} — {verdict}.",
        &[&plan.role_name, &Verdict::of(&scored.set, &report).sentence_for(&scored.set, &scored.responses)],
    );
    let organisation = plan.organisation.map(|o| trf("The verdict holds {organisation}.", &[&at_organisation(o)]));
    let completed_on = plan.completed_on.as_deref().map(i18n::date).unwrap_or_default();
    let back = {
        let attempt_id = attempt_id.clone();
        move |_| state.go(Screen::Results(attempt_id.clone()))
    };
    let write_notes = {
        let attempt_id = attempt_id.clone();
        move |ev| {
            let text = event_target_value(&ev);
            state.session.update_notes(&attempt_id, |n| n.notes = text);
        }
    };
    let heading = AppState::heading(arrival);
    // Focusing a text box scrolls only its caret into view, which can leave most of it below the
    // window (WCAG 2.4.11): bring the whole box in, scrolling no more than needed.
    let show_whole = |ev: web_sys::FocusEvent| {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        event_target::<web_sys::Element>(&ev).scroll_into_view_with_scroll_into_view_options(&options);
    };

    view! {
        <article class="roadmap" aria-labelledby="roadmap-heading">
            <header class="roadmap-header">
                <h1 id="roadmap-heading" tabindex="-1" node_ref=heading>{tr("Development roadmap")}</h1>
                <dl>
                    <dt>{tr("Assessment")}</dt><dd>{plan.set_title.clone()}</dd>
                    <dt>{tr("Target role")}</dt><dd>{plan.role_name.clone()}</dd>
                    <dt>{tr("Date")}</dt><dd>{completed_on}</dd>
                    {move || (!prepared_for.get().trim().is_empty()).then(|| view! { <dt>{tr("Prepared for")}</dt><dd>{prepared_for.get()}</dd> })}
                </dl>
                <p class="verdict" data-testid="roadmap-verdict">{verdict}</p>
                {organisation.map(|text| view! { <p class="context">{text}</p> })}
            </header>
            <div class="field screen-only">
                <label for="prepared-for">{tr("Prepared for (optional; kept only on this device)")}</label>
                <input id="prepared-for" type="text" autocomplete="name" prop:value=move || prepared_for.get() on:input=move |ev| {
                    let name = event_target_value(&ev);
                    state.session.set_prepared_for(&name);
                    prepared_for.set(name);
                }/>
            </div>
            <div class="actions screen-only">
                <button type="button" class="primary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{tr("Print or save as PDF")}</button>
                <button type="button" on:click=move |_| state.go(Screen::Progress(None))>{tr("My progress: goals and notes")}</button>
                <button type="button" on:click=back>{tr("Back to results")}</button>
            </div>
            <div class="roadmap-scores">
                <div class="screen-only"><ChartFigure chart=screen_radar caption=msg("Your scores (solid) against the role's targets (dashed)")/></div>
                <div class="print-only"><ChartFigure chart=Signal::stored(print_radar) width=crate::charts::radar::PRINT_WIDTH caption=msg("Your scores (solid) against the role's targets (dashed)")/></div>
                <ScoreTable report=Signal::stored(report)/>
            </div>
            {blind_spots}
            {ladders}
            <h2>{tr("Focus areas, most important first")}</h2>
            {focus}
            {strengths}
            {hidden_strengths}
            {facets}
            {to_assess}
            {chances}
            <h2>{tr("Your 30/60/90-day plan")}</h2>
            {milestone_list(state, attempt_id.clone(), plan.milestones.clone(), notes)}
            <h2>{tr("Notes")}</h2>
            <div class="field screen-only">
                <label for="roadmap-notes">{tr("Notes for you, your manager or your mentor (kept on this device)")}</label>
                <textarea id="roadmap-notes" rows="6" prop:value=move || notes.with(|n| n.notes.clone()) on:input=write_notes on:focus=show_whole></textarea>
            </div>
            <div class="print-only notes-print">
                {move || { let text = notes.with(|n| n.notes.clone()); if text.trim().is_empty() { "—".to_owned() } else { text } }}
            </div>
        </article>
    }
    .into_any()
}
