//! The table of scores by dimension: the text alternative of both charts, on screen and on paper,
//! with how many answers of each dimension the person has not had the chance to try yet.

use leptos::prelude::*;

use crate::display::{gap_words, whole};
use crate::i18n::{tr, trn};
use crate::scoring::Report;

/// "3 not yet tried" for a dimension with untested answers, else a dash.
fn untested_words(count: usize) -> String {
    if count == 0 {
        "—".to_owned()
    } else {
        trn(count, "{n} not yet tried", "{n} not yet tried", &[])
    }
}

/// Score, band, target, gap and untested answers for every dimension of `report`.
#[component]
pub fn ScoreTable(
    /// The report to show; the table follows it when the role changes.
    #[prop(into)]
    report: Signal<Report>,
) -> impl IntoView {
    let rows = move || {
        report.with(|r| {
            r.dimensions
                .iter()
                .map(|d| {
                    let (score, band, gap) = match (d.score, d.gap) {
                        (Some(score), Some(gap)) => (whole(score), d.band.clone().unwrap_or_default(), gap_words(gap)),
                        _ => (tr("not enough answers"), "—".to_owned(), "—".to_owned()),
                    };
                    view! {
                        <tr>
                            <th scope="row">{d.name.clone()}</th>
                            <td data-label=tr("Score")>{score}</td>
                            <td data-label=tr("Band")>{band}</td>
                            <td data-label=tr("Target")>{whole(d.target)}</td>
                            <td data-label=tr("Gap")>{gap}</td>
                            <td data-label=tr("Not yet tried")>{untested_words(d.untested.len())}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <table class="scores">
            <caption>{tr("Scores by dimension")}</caption>
            <thead><tr><th scope="col">{tr("Dimension")}</th><th scope="col">{tr("Score")}</th><th scope="col">{tr("Band")}</th><th scope="col">{tr("Target")}</th><th scope="col">{tr("Gap")}</th><th scope="col">{tr("Not yet tried")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
