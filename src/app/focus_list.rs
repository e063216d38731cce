//! The focus areas of a report: the dimensions short of the role's target, most important first.

use std::sync::Arc;

use leptos::prelude::*;

use crate::display::whole;
use crate::model::QuestionSet;
use crate::scoring::Report;

/// Each focus area with how far it is short and its guidance summary.
#[component]
pub fn FocusList(
    /// The set the report was scored against.
    set: Arc<QuestionSet>,
    /// The report to show; the list follows it when the role changes.
    #[prop(into)]
    report: Signal<Report>,
) -> impl IntoView {
    move || {
        report.with(|r| {
            if r.focus.is_empty() {
                return view! { <p>"No gaps to the target role: every dimension with a score meets its target."</p> }.into_any();
            }
            view! {
                <ol class="focus">
                    {r.focus.iter().map(|&d| {
                        let summary = set.guidance[d].as_ref().and_then(|g| g.summary.clone());
                        view! {
                            <li>
                                <strong>{set.dimensions[d].name.clone()}</strong>
                                {format!(": {} points short of the target", r.dimensions[d].gap.map(whole).unwrap_or_default())}
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
