//! The focus areas of a report: the dimensions short of the role's target, most important first.

use std::sync::Arc;

use leptos::prelude::*;

use crate::display::points_short;
use crate::i18n::{tr, trf};
use crate::model::QuestionSet;
use crate::scoring::Report;

/// Each focus area of `report` (scored against `set`) with how far it is short and its guidance
/// summary; it follows the report when the role changes.
pub fn focus_list(set: Arc<QuestionSet>, report: Memo<Report>) -> impl IntoView {
    move || {
        report.with(|r| {
            if r.focus.is_empty() {
                return view! { <p>{tr("No gaps to the target role: every dimension with a score meets its target.")}</p> }.into_any();
            }
            view! {
                <ol class="focus">
                    {r.focus.iter().map(|&d| {
                        let summary = set.guidance_for(r.role, d).summary;
                        view! {
                            <li>
                                <strong>{set.dimensions[d].name.clone()}</strong>
                                {trf(": {gap} of the target", &[&r.dimensions[d].gap.map(points_short).unwrap_or_default()])}
                                {summary.map(|s| view! { <p>{s}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any()
        })
    }
}
