//! The table of readiness for each role of a report: the percentage, and whether the person is
//! ready or, if not yet, which dimensions hold them back; the highest role reached marked.

use std::sync::Arc;

use leptos::prelude::*;

use crate::display::{verdict, whole};
use crate::model::QuestionSet;
use crate::scoring::Report;

/// Readiness for every role of `report` (of `set`), in stage order; it follows the report when the role changes.
pub fn readiness_table(set: Arc<QuestionSet>, report: Memo<Report>) -> impl IntoView {
    let rows = move || {
        report.with(|r| {
            r.roles
                .iter()
                .map(|role| {
                    let ready = r.ready_for == Some(role.role);
                    view! {
                        <tr class:ready=ready>
                            <th scope="row">{role.name.clone()}{ready.then_some(" (ready)")}</th>
                            <td>{role.readiness.map_or("not enough answers".to_owned(), |x| format!("{}%", whole(x)))}</td>
                            <td>{verdict(&set, r, role)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <table class="readiness">
            <caption>"Readiness for each role"</caption>
            <thead><tr><th scope="col">"Role"</th><th scope="col">"Readiness"</th><th scope="col">"Verdict"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
