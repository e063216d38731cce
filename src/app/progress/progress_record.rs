//! The record of progress on paper: the change in scores, the goals done and the evidence by
//! dimension, ready to hand to a manager.

use leptos::prelude::*;

use crate::display::{signed_whole, whole};
use crate::progress::record::ProgressRecord;

/// The record as the printed page shows it.
pub fn progress_record_view(record: ProgressRecord) -> AnyView {
    let period = record.period.map(|p| format!("{}: from {} to {}", p.set_title, p.from_words, p.to_words));
    let changes = record
        .changes
        .iter()
        .map(|c| {
            let show = |score: Option<f64>| score.map_or("—".to_owned(), whole);
            view! { <tr><th scope="row">{c.name.clone()}</th><td>{show(c.before)}</td><td>{show(c.after)}</td><td>{c.change.map_or("—".to_owned(), signed_whole)}</td></tr> }
        })
        .collect_view();
    let goals = record
        .goals_done
        .into_iter()
        .map(|group| {
            let lines = group.lines.into_iter().map(|line| {
                let done = line.done_looks_like.map(|d| format!(" — {d}")).unwrap_or_default();
                format!("{}{done} (done {})", line.title, line.done_on_words)
            });
            view! { <h4>{group.name}</h4><ul>{lines.map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
        })
        .collect_view();
    let evidence = record
        .evidence
        .into_iter()
        .map(|group| {
            let lines = group.lines.into_iter().map(|line| {
                let goal = line.goal.map(|g| format!(" (for “{g}”)")).unwrap_or_default();
                let link = line.link.map(|l| format!(" {l}")).unwrap_or_default();
                format!("{}: {}{goal}{link}", line.date_words, line.text)
            });
            view! { <h4>{group.name}</h4><ul>{lines.map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
        })
        .collect_view();
    view! {
        <article class="progress-record">
            <h3>"A record of progress"</h3>
            {period.map(|p| view! { <p>{p}</p> })}
            <table class="scores">
                <caption>"Scores, before and after"</caption>
                <thead><tr><th scope="col">"Dimension"</th><th scope="col">"Before"</th><th scope="col">"After"</th><th scope="col">"Change"</th></tr></thead>
                <tbody>{changes}</tbody>
            </table>
            <h3>"Goals done"</h3>
            {goals}
            <h3>"Evidence"</h3>
            {evidence}
            <p>{format!("Goals still open: {}", record.open_goals)}</p>
        </article>
    }
    .into_any()
}
