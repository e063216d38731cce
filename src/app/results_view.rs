//! The results of a completed attempt: overall, per-dimension scores and gaps, charts, role
//! readiness and focus areas, redrawn at once when the target role changes.

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::download::download;
use super::score_table::ScoreTable;
use super::{AppState, Screen};
use crate::charts::{self, gap_bars, Palette};
use crate::display::{signed_whole, whole};
use crate::model::timestamp;
use crate::scoring::score;

/// The completed attempt `attempt_id` from history.
#[component]
pub fn ResultsView(
    /// The id of a completed attempt in history.
    attempt_id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (entry, set, responses) = match state.completed(&attempt_id) {
        Ok(found) => found,
        Err(message) => return view! { <p class="error" role="alert">{message}</p> }.into_any(),
    };
    let role = RwSignal::new(set.role_index(&entry.document.role).unwrap_or(set.default_role));
    // The element's `role` attribute, when the host changes it, redraws everything for that role.
    {
        let set = set.clone();
        Effect::new(move |first: Option<()>| {
            let host_role = state.attributes.role.get();
            if first.is_some() {
                if let Some(r) = host_role.and_then(|id| set.role_index(&id)) {
                    role.set(r);
                }
            }
        });
    }
    let report = {
        let set = set.clone();
        Memo::new(move |_| score(&set, &responses, role.get()))
    };
    let palette = if state.dark() { Palette::DARK } else { Palette::LIGHT };
    let role_name = {
        let set = set.clone();
        move || set.roles[role.get()].name.clone()
    };
    let radar = {
        let role_name = role_name.clone();
        Signal::derive(move || {
            report.with(|r| charts::svg((600, 460), |area| charts::draw_radar(area, r, &role_name(), palette)))
        })
    };
    let gaps = Signal::derive(move || {
        report.with(|r| {
            charts::svg((520, gap_bars::height_for(r.dimensions.len())), |area| charts::draw_gap_bars(area, r, palette))
        })
    });
    let completed = entry
        .document
        .completed_at
        .as_deref()
        .and_then(timestamp::parse_rfc3339)
        .map(timestamp::format_date)
        .unwrap_or_default();

    let role_options = set
        .roles_by_stage()
        .into_iter()
        .map(|r| view! { <option value=r.to_string() prop:selected=move || role.get() == r>{set.roles[r].name.clone()}</option> })
        .collect_view();

    let overall = move || report.with(|r| r.overall.map_or("not enough answers".to_owned(), whole));
    let readiness = move || {
        report.with(|r| {
            r.roles
                .iter()
                .map(|role| {
                    let ready = r.ready_for == Some(role.role);
                    view! {
                        <tr class:ready=ready>
                            <th scope="row">{role.name.clone()}{ready.then_some(" (ready)")}</th>
                            <td>{role.readiness.map_or("not enough answers".to_owned(), |x| format!("{}%", whole(x)))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let threshold = whole(set.ready_threshold);
    let ready_for = {
        let set = set.clone();
        move || {
            report.with(|r| match r.ready_for {
                Some(ready) => format!("You are ready for: {}", set.roles[ready].name),
                None => format!("You do not yet reach {threshold}% readiness for any of these roles."),
            })
        }
    };
    let focus = {
        let set = set.clone();
        move || {
            report.with(|r| {
                if r.focus.is_empty() {
                    return view! { <p>"No gaps to the target role: every dimension with a score meets its target."</p> }.into_any();
                }
                view! {
                    <ol class="focus">
                        {r.focus.iter().map(|&d| {
                            let report_row = &r.dimensions[d];
                            let summary = set.guidance[d].as_ref().and_then(|g| g.summary.clone());
                            view! {
                                <li>
                                    <strong>{set.dimensions[d].name.clone()}</strong>
                                    {format!(": {} points short of the target", report_row.gap.map(whole).unwrap_or_default())}
                                    {summary.map(|s| view! { <p>{s}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            })
        }
    };
    let chart_label = move |kind: &str| {
        format!(
            "{kind} of your scores against the {} targets; the same numbers are in the table “Scores by dimension”.",
            role_name()
        )
    };
    let radar_label = {
        let chart_label = chart_label.clone();
        Signal::derive(move || chart_label("Radar chart"))
    };
    let gap_label = Signal::derive(move || chart_label("Bar chart of the gaps"));

    let export = {
        let document = entry.document.clone();
        move |_| {
            let name = format!(
                "altitude-result-{}-{}.json",
                document.set_id,
                document
                    .completed_at
                    .as_deref()
                    .and_then(timestamp::parse_rfc3339)
                    .map(timestamp::format_date)
                    .unwrap_or_default()
            );
            if let Err(reason) = download(&name, &document.to_json()) {
                state.notice.set(Some(format!("The export failed: {reason}")));
            }
        }
    };
    let roadmap = {
        let (id, set) = (attempt_id.clone(), set.clone());
        move |_| {
            state.screen.set(Screen::Roadmap(id.clone(), set.roles[role.get_untracked()].id.clone()));
            state.focus("roadmap-heading");
        }
    };
    let previous_change = {
        let set = set.clone();
        let history = state.history.get_untracked();
        let mine: Vec<_> =
            history.iter().filter(|e| e.document.set_id == set.id && e.document.completed_at.is_some()).collect();
        let position = mine.iter().position(|e| e.id == attempt_id);
        position.filter(|&p| p > 0).and_then(|p| {
            let earlier = mine[p - 1].document.responses(&set).ok()?;
            Some(earlier)
        })
    };
    let comparison = previous_change.map(|earlier_responses| {
        let set = set.clone();
        move || {
            let earlier = score(&set, &earlier_responses, role.get());
            report.with(|later| {
                let changes = crate::attempt::score_changes(&earlier, later);
                view! {
                    <h3>"Since your previous attempt"</h3>
                    <ul class="changes">
                        {changes.into_iter().map(|(name, change)| view! {
                            <li>{name}": "{change.map_or("no comparison".to_owned(), signed_whole)}</li>
                        }).collect_view()}
                    </ul>
                }
            })
        }
    });

    view! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1">{format!("Your results: {}", set.title)}</h2>
            <p class="context">{format!("Completed {completed}")}</p>
            <div class="field">
                <label for="results-role">"Compare with the role"</label>
                <select id="results-role" on:change=move |ev| { if let Ok(r) = event_target_value(&ev).parse() { role.set(r) } }>
                    {role_options}
                </select>
            </div>
            <p class="overall">"Overall score: "<strong data-testid="overall">{overall}</strong></p>
            <p class="ready-for">{ready_for}</p>
            <ScoreTable report=report/>
            <div class="charts">
                <ChartFigure svg=radar label=radar_label caption="Your scores (solid) against the role's targets (dashed)"/>
                <ChartFigure svg=gaps label=gap_label caption="Gap to the role's target for each dimension"/>
            </div>
            <h3>"Focus areas, most important first"</h3>
            {focus}
            <table class="readiness">
                <caption>"Readiness for each role"</caption>
                <thead><tr><th scope="col">"Role"</th><th scope="col">"Readiness"</th></tr></thead>
                <tbody>{readiness}</tbody>
            </table>
            {comparison}
            <div class="actions">
                <button type="button" class="primary" on:click=roadmap>"Your development roadmap"</button>
                <button type="button" on:click=export>"Export this result"</button>
                <button type="button" on:click=move |_| state.screen.set(Screen::History)>"Past results"</button>
                <button type="button" on:click=move |_| state.screen.set(Screen::Start)>"Take another assessment"</button>
            </div>
        </section>
    }
    .into_any()
}
