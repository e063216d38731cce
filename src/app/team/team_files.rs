//! What became of the files a facilitator gave: how many count, which are the same result as
//! another, and which are refused and why.

use leptos::prelude::*;

use crate::i18n::{tr, trf, trn};
use crate::model::QuestionSet;
use crate::team::{FileOutcome, Gathered};

/// The files' count and, by name, each one set aside or refused with its reason; all as text.
pub fn team_files(set: &QuestionSet, gathered: &Gathered, names: &[String]) -> impl IntoView {
    if names.is_empty() {
        return view! { <p class="screen-only">{tr("Choose the result files your team sent you, or drop them on this page.")}</p> }.into_any();
    }
    let refused = gathered.refused().count();
    let duplicates = gathered.duplicates();
    let mut counts = vec![trn(gathered.people.len(), "{n} result counted", "{n} results counted", &[])];
    if duplicates > 0 {
        counts.push(trn(
            duplicates,
            "{n} file set aside as the same result as another",
            "{n} files set aside as the same result as another",
            &[],
        ));
    }
    if refused > 0 {
        counts.push(trn(refused, "{n} file refused", "{n} files refused", &[]));
    }
    let lines = names
        .iter()
        .zip(&gathered.files)
        .filter_map(|(name, outcome)| {
            let why = match outcome {
                FileOutcome::Counted(_) => return None,
                FileOutcome::Duplicate(earlier) => trf("The same result as {file}: counted once.", &[&names[*earlier]]),
                FileOutcome::Refused(refusal) => refusal.sentence(set),
            };
            Some(view! { <li><strong>{name.clone()}</strong>" — "{why}</li> })
        })
        .collect_view();
    view! {
        <div class="team-files screen-only">
            <p data-testid="team-files">{trn(names.len(), "{n} file read: {counts}.", "{n} files read: {counts}.", &[&counts.join(", ")])}</p>
            <ul>{lines}</ul>
        </div>
    }
    .into_any()
}
