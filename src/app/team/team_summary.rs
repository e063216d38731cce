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
use crate::model::QuestionSet;
use crate::team::{NoView, TeamView};

/// The view, or why there is none (and then nothing else: no number of a group too small to show).
pub fn team_summary(state: AppState, set: &Arc<QuestionSet>, view: Result<TeamView, NoView>) -> AnyView {
    let view = match view {
        Ok(view) => view,
        Err(no_view) => {
            let sentence = format!("{}.", no_view.sentence());
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
                    cells.push(format!("too few scores to show ({} of {} needed)", d.scored, view.min_group));
                    cells.extend(std::iter::repeat_n(String::new(), 4));
                }
            }
            (names(d.dimension), cells)
        })
        .collect();
    let dimensions = table(
        format!("Each dimension: the team against the target of {} (tolerance {tolerance})", role.name),
        vec![
            "Dimension".to_owned(),
            "Target".to_owned(),
            "Scored".to_owned(),
            "Mean".to_owned(),
            "Median".to_owned(),
            format!("Short by more than {tolerance}"),
            "Within tolerance".to_owned(),
            "At or above target".to_owned(),
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
        "How many are ready for each role".to_owned(),
        ["Role", "Ready", "Not yet", "Not enough answers"].map(str::to_owned).to_vec(),
        readiness_rows,
    );
    let focus = if view.focus.is_empty() {
        view! { <p>"No dimension's mean is short of the role's target."</p> }.into_any()
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
                        {format!(": the mean is {short} of the target ({} of {})", whole(mean), whole(dimension.target))}
                        {summary.map(|s| view! { <p>{s}</p> })}
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="focus">{items}</ol> }.into_any()
    };
    let duplicates =
        (view.duplicates > 0).then(|| format!(" ({} set aside as the same result as another)", view.duplicates));
    let palette = move || if state.host.dark() { Palette::DARK } else { Palette::LIGHT };
    let gaps = {
        let (set, view) = (set.clone(), view.clone());
        Signal::derive(move || {
            let (set, view, palette) = (set.clone(), view.clone(), palette());
            let label = format!(
                "Bar chart of the gap between the team's mean and the target of {} in each dimension; the table below gives the same numbers.",
                set.roles[view.role].name
            );
            let draw = Arc::new(move |width| {
                let rows = view
                    .dimensions
                    .iter()
                    .map(|d| (set.dimensions[d.dimension].name.as_str(), d.summary.as_ref().map(|s| d.target - s.mean)))
                    .collect();
                charts::gaps_svg(width, &Gaps { rows, missing: "too few scores" }, palette)
            });
            Chart { draw, label }
        })
    };
    let file_stem = format!("altitude-team-{}-{}", set.id, role.id);
    let (json, csv) = (view.to_json(set), view.to_csv(set));
    let save = move |name: String, text: String| {
        if let Err(reason) = download(&name, &text) {
            state.tell(format!("The download failed: {reason}"));
        }
    };
    let (json_name, csv_name) = (format!("{file_stem}.json"), format!("{file_stem}.csv"));

    view! {
        <div class="team-view">
            <h3>{format!("{} against {}: {} results{}", set.title, role.name, view.people, duplicates.unwrap_or_default())}</h3>
            <p class="context">{format!("Set version {}. Minimum group {}. No person, file name, time or answer is part of this view.", set.version, view.min_group)}</p>
            <ChartFigure chart=gaps caption="Gap between the team's mean and the role's target, per dimension"/>
            {dimensions}
            {readiness}
            <h3>"The team's focus, most important first"</h3>
            {focus}
            <div class="actions screen-only">
                <button type="button" on:click=move |_| save(json_name.clone(), json.clone())>"Download the view (JSON)"</button>
                <button type="button" on:click=move |_| save(csv_name.clone(), csv.clone())>"Download the view (CSV)"</button>
                <button type="button" class="primary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print or save as PDF"</button>
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
