//! What became of the files a facilitator gave: how many count, which are the same result as
//! another, and which are refused and why.

use leptos::prelude::*;

use crate::model::QuestionSet;
use crate::team::{FileOutcome, Gathered};

/// The files' count and, by name, each one set aside or refused with its reason; all as text.
pub fn team_files(set: &QuestionSet, gathered: &Gathered, names: &[String]) -> impl IntoView {
    if names.is_empty() {
        return view! { <p class="screen-only">"Choose the result files your team sent you, or drop them on this page."</p> }.into_any();
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let refused = gathered.refused().count();
    let duplicates = gathered.duplicates();
    let mut counts = vec![plural(gathered.people.len(), "result counted", "results counted")];
    if duplicates > 0 {
        counts.push(plural(
            duplicates,
            "file set aside as the same result as another",
            "files set aside as the same result as another",
        ));
    }
    if refused > 0 {
        counts.push(plural(refused, "file refused", "files refused"));
    }
    let lines = names
        .iter()
        .zip(&gathered.files)
        .filter_map(|(name, outcome)| {
            let why = match outcome {
                FileOutcome::Counted(_) => return None,
                FileOutcome::Duplicate(earlier) => format!("The same result as {}: counted once.", names[*earlier]),
                FileOutcome::Refused(refusal) => refusal.sentence(set),
            };
            Some(view! { <li><strong>{name.clone()}</strong>" — "{why}</li> })
        })
        .collect_view();
    view! {
        <div class="team-files screen-only">
            <p data-testid="team-files">{format!("{}: {}.", plural(names.len(), "file read", "files read"), counts.join(", "))}</p>
            <ul>{lines}</ul>
        </div>
    }
    .into_any()
}
