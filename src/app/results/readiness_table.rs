//! The table of readiness for each role of a report: the percentage, and the verdict with the reason
//! that decided it (the dimensions short and the questions that pull each down, the threshold, or too
//! few answers); the highest role reached marked.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{tr, trf};
use crate::model::{QuestionSet, Responses};
use crate::scoring::verdict::readiness_percent;
use crate::scoring::{Report, Verdict};

/// Readiness for every role of `report` (of `set`), in stage order, each with its verdict from
/// `verdicts` (one per role, found by the role's index); it follows the report when the role changes.
/// Nothing when no role has a verdict: too few answers are too few for every role (coverage does not
/// depend on the role), the headline says so once, and six rows would say it six times.
pub fn readiness_table(
    set: Arc<QuestionSet>,
    responses: Responses,
    report: Memo<Report>,
    verdicts: Arc<Vec<(usize, Verdict)>>,
) -> Option<impl IntoView> {
    if verdicts.iter().all(|(_, v)| matches!(v, Verdict::NotEnoughAnswers { .. })) {
        return None;
    }
    let rows = move || {
        report.with(|r| {
            r.roles
                .iter()
                .map(|role| {
                    let ready = r.ready_for == Some(role.role);
                    let verdict = verdicts.iter().find(|(v, _)| *v == role.role).map(|(_, v)| v.sentence_for(&set, &responses));
                    view! {
                        <tr class:ready=ready>
                            <th scope="row">{if ready { trf("{role} (ready)", &[&role.name]) } else { role.name.clone() }}</th>
                            <td data-label=tr("Readiness")>{role.readiness.map_or_else(|| tr("not enough answers"), |x| trf("{percent}%", &[&readiness_percent(&set, x)]))}</td>
                            <td data-label=tr("Verdict")>{verdict}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    Some(view! {
        <table class="readiness">
            <caption>{tr("Readiness for each role")}</caption>
            <thead><tr><th scope="col">{tr("Role")}</th><th scope="col">{tr("Readiness")}</th><th scope="col">{tr("Verdict")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    })
}
