//! The record of progress on paper: the change in scores, the goals done and the evidence by
//! dimension, ready to hand to a manager.

use leptos::prelude::*;

use crate::display::{signed_whole, whole};
use crate::i18n::{tr, trf};
use crate::progress::record::ProgressRecord;

/// The record as the printed page shows it.
pub fn progress_record_view(record: ProgressRecord) -> AnyView {
    let period = record.period.map(|p| trf("{set}: from {from} to {to}", &[&p.set_title, &p.from_words, &p.to_words]));
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
            let lines = group.lines.into_iter().map(|line| match line.done_looks_like {
                Some(done) => {
                    trf("{goal} — {done_looks_like} (done {date})", &[&line.title, &done, &line.done_on_words])
                }
                None => trf("{goal} (done {date})", &[&line.title, &line.done_on_words]),
            });
            view! { <h4>{group.name}</h4><ul>{lines.map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
        })
        .collect_view();
    let evidence = record
        .evidence
        .into_iter()
        .map(|group| {
            // A whole line for each case, so a translation words the goal and the link as it needs.
            let lines = group.lines.into_iter().map(|line| {
                let (date, text) = (&line.date_words, &line.text);
                match (line.goal, line.link) {
                    (None, None) => trf("{date}: {text}", &[date, text]),
                    (Some(goal), None) => trf("{date}: {text} (for “{goal}”)", &[date, text, &goal]),
                    (None, Some(link)) => trf("{date}: {text} {link}", &[date, text, &link]),
                    (Some(goal), Some(link)) => {
                        trf("{date}: {text} (for “{goal}”) {link}", &[date, text, &goal, &link])
                    }
                }
            });
            view! { <h4>{group.name}</h4><ul>{lines.map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
        })
        .collect_view();
    view! {
        <article class="progress-record">
            <h3>{tr("A record of progress")}</h3>
            {period.map(|p| view! { <p>{p}</p> })}
            <table class="scores">
                <caption>{tr("Scores, before and after")}</caption>
                <thead><tr><th scope="col">{tr("Dimension")}</th><th scope="col">{tr("Before")}</th><th scope="col">{tr("After")}</th><th scope="col">{tr("Change")}</th></tr></thead>
                <tbody>{changes}</tbody>
            </table>
            <h3>{tr("Goals done")}</h3>
            {goals}
            <h3>{tr("Evidence")}</h3>
            {evidence}
            <p>{trf("Goals still open: {count}", &[&record.open_goals.to_string()])}</p>
        </article>
    }
    .into_any()
}
