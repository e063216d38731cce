//! The results of a completed attempt, the verdict first: the headline with the reason that decided
//! it, each role's verdict, focus areas, the facets, others' view with the invitations that ask for
//! it, then scores, charts and the scenario answers with their debriefs one step away; redrawn at once
//! when the target role, the colour scheme or the replies change.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_figure::{Chart, ChartFigure, DrawChart};
use super::completed::{completed, radar};
use super::facets_panel::facets_panel;
use super::focus_list::focus_list;
use super::readiness_table::readiness_table;
use super::scenario_answers::scenario_answers;
use super::score_table::ScoreTable;
use crate::app::others::{others_summary, InvitationsPanel};
use crate::app::plumbing::download;
use crate::app::{role_index, AppState, Arrival, ElementRef, Screen};
use crate::charts::{self, radar::Fit, Palette};
use crate::display::{signed_whole, whole};
use crate::i18n::{self, msg, tr, trf};
use crate::model::Relationship;
use crate::others::view_of;
use crate::scoring::verdict::{at_organisation, headline_parts, Verdict};
use crate::session::previous;

/// The completed attempt `attempt_id` from history.
#[component]
pub fn ResultsView(
    /// The id of a completed attempt in history.
    attempt_id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let arrival = state.take_arrival();
    let (result, scored) = match completed(&state, &attempt_id, arrival) {
        Ok(found) => found,
        Err(alert) => return alert,
    };
    let set = scored.set.clone();
    let role = RwSignal::new(scored.role);
    // A change of the element's `role` attribute while this view is open redraws it for that role.
    {
        let (set, opened_with) = (set.clone(), state.host.attributes.role.get_untracked());
        Effect::new(move |_| {
            let host_role = state.host.attributes.role.get();
            if host_role != opened_with {
                if let Some(r) = host_role.as_deref().and_then(|id| set.role_index(id)) {
                    role.set(r);
                }
            }
        });
    }
    let scored_responses = scored.responses.clone();
    // The report for the attempt's own role: its context and facets do not change with the target role.
    let own_report = scored.report.clone();
    let earlier = previous(&state.session.results().get_untracked(), &attempt_id).and_then(|r| r.scored.clone().ok());
    let report = Memo::new(move |_| scored.report_for(role.get()));
    let host = state.host;
    let palette = move || if host.dark() { Palette::DARK } else { Palette::LIGHT };
    let role_name = {
        let set = set.clone();
        move || set.roles[role.get()].name.clone()
    };
    let gaps_label = {
        let role_name = role_name.clone();
        move || {
            trf(
                "Bar chart of the gaps of your scores against the {role} targets; the same numbers are in the table “Scores by dimension”.",
                &[&role_name()],
            )
        }
    };
    // Others' view, from the replies kept with this attempt: it follows replies added or removed.
    let raters = {
        let id = attempt_id.clone();
        Memo::new(move |_| state.session.raters(&id))
    };
    // The replies are resolved once per change of them; another role only recomputes the view.
    let resolved = {
        let set = set.clone();
        Memo::new(move |_| raters.with(|raters| raters.resolved(&set)))
    };
    let others = {
        let (set, own_responses) = (set.clone(), scored_responses.clone());
        Memo::new(move |_| resolved.with(|resolved| report.with(|own| view_of(&set, own, &own_responses, resolved))))
    };
    let reply_counts = Signal::derive(move || {
        resolved
            .with(|resolved| Relationship::ALL.map(|r| (r, resolved.iter().filter(|(x, _)| *x == r).count())).to_vec())
    });
    let radar = {
        let role_name = role_name.clone();
        Signal::derive(move || {
            others.with(|others| radar(Arc::new(report.get()), &role_name(), others.as_ref(), palette(), Fit::SCREEN))
        })
    };
    let gaps = Signal::derive(move || {
        let palette = palette();
        let draw: DrawChart = Arc::new(move |width| report.with(|r| charts::gap_svg(width, r, palette)));
        Chart { draw, label: gaps_label() }
    });

    let checked_set = set.clone();
    let role_options = set
        .roles_by_stage()
        .into_iter()
        .map(|r| view! { <option value=r.to_string() prop:selected=move || role.get() == r>{set.roles[r].name.clone()}</option> })
        .collect_view();

    let overall = move || report.with(|r| r.overall.map_or_else(|| tr("not enough answers"), whole));
    // Each role's verdict with the reason that decided it: each against its own role's targets, so
    // the same whatever role is compared with; worked out once, from the attempt's own report.
    let verdicts = Arc::new(Verdict::for_each_role(&set, &scored_responses, &own_report));
    // The headline, its title in bold: "Not yet ready for Tech Lead: short in …".
    let headline = {
        let (title, reason) = headline_parts(&set, &scored_responses, &verdicts, &own_report);
        view! { <strong>{title}</strong>{reason.map(|reason| trf(": {reason}", &[&reason]))} }
    };
    let organisation =
        own_report.context.organisation.map(|o| trf("The verdict holds {organisation}.", &[&at_organisation(o)]));
    let results_heading = AppState::heading(arrival);
    // Opened from a history row's "Others' views": straight to that section.
    let others_heading = ElementRef::new();
    if arrival == Some(Arrival::OthersView) {
        others_heading.focus();
    }
    let export = {
        let (document, date) = (result.document.clone(), result.date.clone());
        move |_| {
            let name = trf("altitude-result-{set}-{date}.json", &[&document.set_id, &date]);
            if let Err(reason) = download(&name, &document.to_json()) {
                state.tell(trf("The export failed: {reason}", &[&reason]));
            }
        }
    };
    let roadmap = {
        let id = attempt_id.clone();
        move |_| state.go(Screen::Roadmap(id.clone(), role.get_untracked()))
    };
    let comparison = earlier.map(|earlier| {
        move || {
            let before = earlier.report_for(role.get());
            report.with(|later| {
                let changes = crate::attempt::score_changes(&before, later);
                view! {
                    <h3>{tr("Since your previous attempt")}</h3>
                    <ul class="changes">
                        {changes.into_iter().map(|(name, change)| {
                            let change = change.map_or_else(|| tr("no comparison"), signed_whole);
                            view! { <li>{trf("{dimension}: {change}", &[&name, &change])}</li> }
                        }).collect_view()}
                    </ul>
                }
            })
        }
    });

    view! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1" node_ref=results_heading>{trf("Your results: {assessment}", &[&set.title])}</h2>
            <p class="context">{trf("Completed {date}", &[&i18n::date(&result.date)])}</p>
            <div class="field">
                <label for="results-role">{tr("Compare with the role")}</label>
                <select id="results-role" on:change=move |ev| { if let Some(r) = role_index(&ev, Some(checked_set.clone())) { role.set(r) } }>
                    {role_options}
                </select>
            </div>
            <p class="verdict" data-testid="headline">{headline}</p>
            {organisation.map(|text| view! { <p class="context">{text}</p> })}
            {readiness_table(set.clone(), scored_responses.clone(), report, verdicts)}
            <h3>{tr("Focus areas, most important first")}</h3>
            {focus_list(set.clone(), report)}
            {facets_panel(set.clone(), &scored_responses, &own_report)}
            <section class="others-view" aria-labelledby="others-heading">
                <h3 id="others-heading" tabindex="-1" node_ref=others_heading>{tr("Others' view")}</h3>
                {others_summary(set.clone(), scored_responses.clone(), report, others, reply_counts)}
                <InvitationsPanel attempt_id=attempt_id.clone() raters=raters/>
            </section>
            <h3>{tr("Your scores")}</h3>
            <p class="overall">{tr("Overall score: ")}<strong data-testid="overall">{overall}</strong></p>
            <ScoreTable report=report/>
            <div class="charts">
                <ChartFigure chart=radar caption=msg("Your scores (solid) against the role's targets (dashed), and others' view (dotted) once replies are in")/>
                <ChartFigure chart=gaps caption=msg("Gap to the role's target for each dimension")/>
            </div>
            {comparison}
            {scenario_answers(&set, &scored_responses)}
            <div class="actions">
                <button type="button" class="primary" on:click=roadmap>{tr("Your development roadmap")}</button>
                <button type="button" on:click=export>{tr("Export this result")}</button>
                <button type="button" on:click=move |_| state.go(Screen::History)>{tr("Past results")}</button>
                <button type="button" on:click=move |_| state.go(Screen::Start)>{tr("Take another assessment")}</button>
            </div>
        </section>
    }
    .into_any()
}
