//! The group's view: each dimension's mean and median against the role's target with how many are
//! short, within the tolerance or at the target (a chart and the same numbers in a table), how many
//! are ready for each role, the team's focus with the set's guidance, and the view to hand on.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::plumbing::download;
use crate::app::results::{Chart, ChartFigure};
use crate::app::AppState;
use crate::charts::{self, Gaps, Palette};
use crate::display::{points_short, whole};
use crate::i18n::{msg, tr, trf, trn};
use crate::model::QuestionSet;
use crate::team::{NoView, TeamView};

/// The view, or why there is none (and then nothing else: no number of a group too small to show).
pub fn team_summary(state: AppState, set: &Arc<QuestionSet>, view: Result<TeamView, NoView>) -> AnyView {
    let view = match view {
        Ok(view) => view,
        Err(no_view) => {
            let sentence = trf("{why}.", &[&no_view.sentence()]);
            return view! { <p class="team-no-view" role="status">{sentence}</p> }.into_any();
        }
    };
    let role = &set.roles[view.role];
    let tolerance = whole(set.gap_tolerance);
    let names = |d: usize| set.dimensions[d].name.clone();
    let dimension_rows = view
        .dimensions
        .iter()
        .map(|d| {
            let mut cells = vec![whole(d.target), d.scored.to_string()];
            match &d.summary {
                Some(s) => cells.extend([
                    whole(s.mean),
                    whole(s.median),
                    s.short.to_string(),
                    s.within.to_string(),
                    s.met.to_string(),
                ]),
                None => {
                    cells.push(trf(
                        "too few scores to show ({scored} of {needed} needed)",
                        &[&d.scored.to_string(), &view.min_group.to_string()],
                    ));
                    cells.extend(std::iter::repeat_n(String::new(), 4));
                }
            }
            (names(d.dimension), cells)
        })
        .collect();
    let dimensions = table(
        trf("Each dimension: the team against the target of {role} (tolerance {tolerance})", &[&role.name, &tolerance]),
        vec![
            tr("Dimension"),
            tr("Target"),
            tr("Scored"),
            tr("Mean"),
            tr("Median"),
            trf("Short by more than {tolerance}", &[&tolerance]),
            tr("Within tolerance"),
            tr("At or above target"),
        ],
        dimension_rows,
    );
    let readiness_rows = view
        .roles
        .iter()
        .map(|r| {
            let no_verdict = view.people - r.ready - r.not_ready;
            (set.roles[r.role].name.clone(), vec![r.ready.to_string(), r.not_ready.to_string(), no_verdict.to_string()])
        })
        .collect();
    let readiness = table(
        tr("How many are ready for each role"),
        vec![tr("Role"), tr("Ready"), tr("Not yet"), tr("Not enough answers")],
        readiness_rows,
    );
    let focus = if view.focus.is_empty() {
        view! { <p>{tr("No dimension's mean is short of the role's target.")}</p> }.into_any()
    } else {
        let items = view
            .focus
            .iter()
            .map(|&d| {
                let dimension = &view.dimensions[d];
                let mean = dimension.summary.as_ref().map_or(0.0, |s| s.mean);
                // The set's summary for the role, not its first step: that is written for one person.
                let summary = set.guidance_for(view.role, d).summary;
                let short = points_short(dimension.target - mean);
                view! {
                    <li>
                        <strong>{names(d)}</strong>
                        {trf(
                            ": the mean is {short} of the target ({mean} of {target})",
                            &[&short, &whole(mean), &whole(dimension.target)],
                        )}
                        {summary.map(|s| view! { <p>{s}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="focus">{items}</ol> }.into_any()
    };
    // A whole heading for each case, so a translation words the count of results and of duplicates together.
    let heading = if view.duplicates > 0 {
        trn(
            view.people,
            "{title} against {role}: {n} result ({duplicates} set aside as the same result as another)",
            "{title} against {role}: {n} results ({duplicates} set aside as the same result as another)",
            &[&set.title, &role.name, &view.duplicates.to_string()],
        )
    } else {
        trn(
            view.people,
            "{title} against {role}: {n} result",
            "{title} against {role}: {n} results",
            &[&set.title, &role.name],
        )
    };
    let palette = move || if state.host.dark() { Palette::DARK } else { Palette::LIGHT };
    let gaps = {
        let (set, view) = (set.clone(), view.clone());
        Signal::derive(move || {
            let (set, view, palette) = (set.clone(), view.clone(), palette());
            let label = trf(
                "Bar chart of the gap between the team's mean and the target of {role} in each dimension; the table below gives the same numbers.",
                &[&set.roles[view.role].name],
            );
            let draw = Arc::new(move |width| {
                let rows = view
                    .dimensions
                    .iter()
                    .map(|d| (set.dimensions[d.dimension].name.as_str(), d.summary.as_ref().map(|s| d.target - s.mean)))
                    .collect();
                let missing = tr("too few scores");
                charts::gaps_svg(width, &Gaps { rows, missing: &missing }, palette)
            });
            Chart { draw, label }
        })
    };
    let file_stem = trf("altitude-team-{set}-{role}", &[&set.id, &role.id]);
    let (json, csv) = (view.to_json(set), view.to_csv(set));
    let save = move |name: String, text: String| {
        if let Err(reason) = download(&name, &text) {
            state.tell(trf("The download failed: {reason}", &[&reason]));
        }
    };
    let (json_name, csv_name) = (format!("{file_stem}.json"), format!("{file_stem}.csv"));

    view! {
        <div class="team-view">
            <h3>{heading}</h3>
            <p class="context">{trf(
                "Set version {version}. Minimum group {min_group}. No person, file name, time or answer is part of this view.",
                &[&set.version, &view.min_group.to_string()],
            )}</p>
            <ChartFigure chart=gaps caption=msg("Gap between the team's mean and the role's target, per dimension")/>
            {dimensions}
            {readiness}
            <h3>{tr("The team's focus, most important first")}</h3>
            {focus}
            <div class="actions screen-only">
                <button type="button" on:click=move |_| save(json_name.clone(), json.clone())>{tr("Download the view (JSON)")}</button>
                <button type="button" on:click=move |_| save(csv_name.clone(), csv.clone())>{tr("Download the view (CSV)")}</button>
                <button type="button" class="primary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>{tr("Print or save as PDF")}</button>
            </div>
        </div>
    }
    .into_any()
}

/// A table of the view: a caption, column headings (the first over the row headings), and rows of
/// a heading and its cells, each cell labelled with its column for the phone's one-card-per-row
/// layout. One function for both tables, so the widget holds one view type for them.
fn table(caption: String, columns: Vec<String>, rows: Vec<(String, Vec<String>)>) -> AnyView {
    let headings = columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view();
    let rows = rows
        .into_iter()
        .map(|(heading, cells)| {
            let cells = columns[1..]
                .iter()
                .zip(cells)
                .map(|(label, cell)| view! { <td data-label=label.clone()>{cell}</td> })
                .collect_view();
            view! { <tr><th scope="row">{heading}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="scores team">
            <caption>{caption}</caption>
            <thead><tr>{headings}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
