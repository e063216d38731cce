//! The history resolved once into scored results: each completed attempt with its set, its
//! responses and its report for its own role, so no view resolves or scores it again.

use std::sync::Arc;

use crate::i18n::trf;
use crate::model::{timestamp, QuestionSet, Responses, ResultDocument};
use crate::scoring::{score, Report};
use crate::stored::HistoryEntry;

use super::Archive;

/// A completed attempt, as the views show it (its roadmap notes aside: they change as the person
/// types, and never change a score).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredResult {
    pub id: String,
    pub document: ResultDocument,
    /// The day it was completed, as shown (`2026-11-21`), or empty.
    pub date: String,
    /// Its set, responses and report; or, for the person, why it cannot be shown.
    pub scored: Result<Scored, String>,
    /// The set it was read against, whether or not it fitted: what [`score_history_reusing`]
    /// compares, so that a result that no longer fits its set is not read again for nothing.
    pub read_against: Option<Arc<QuestionSet>>,
}

/// A completed attempt resolved against its set.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub set: Arc<QuestionSet>,
    pub responses: Responses,
    /// The role it was taken for (index into the set's roles).
    pub role: usize,
    /// The report against that role.
    pub report: Report,
}

impl Scored {
    /// The report against the role at index `role`: the one already computed when it is the attempt's own.
    pub fn report_for(&self, role: usize) -> Report {
        if role == self.role {
            self.report.clone()
        } else {
            score(&self.set, &self.responses, role).with_context(self.report.context)
        }
    }
}

/// The day a result was completed, as shown.
pub fn date_of(document: &ResultDocument) -> String {
    document.completed_at.as_deref().and_then(timestamp::parse_rfc3339).map(timestamp::format_date).unwrap_or_default()
}

impl ScoredResult {
    /// Resolves and scores the completed attempt `id` against its set, found by `set_for` from the
    /// set's id and version (see [`set_version`]).
    pub fn new(
        id: String,
        document: ResultDocument,
        set_for: impl Fn(&str, &str) -> Option<Arc<QuestionSet>>,
    ) -> ScoredResult {
        let read_against = set_for(&document.set_id, &document.set_version);
        let scored = match read_against.clone() {
            None => Err(trf("The assessment “{set}” of this result is not available here.", &[&document.set_id])),
            Some(set) => match document.responses(&set) {
                Ok(responses) => {
                    let role = set.role_index(&document.role).unwrap_or(set.default_role);
                    let report = score(&set, &responses, role).with_context(document.context);
                    Ok(Scored { set, responses, role, report })
                }
                // The problems are the result's validation, which stays in English for now.
                Err(problems) => Err(trf(
                    "This result no longer fits its assessment: {problems}",
                    &[&problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ")],
                )),
            },
        };
        ScoredResult { date: date_of(&document), id, document, scored, read_against }
    }
}

/// The set a result of set `id` at `version` is read against: that very version, among the sets
/// offered (`sets`) and the earlier versions kept (`archived`), else the offered set with that id
/// (a result may still fit a newer version that kept its question and option ids), but only once
/// the archive has loaded: until then its own version may still arrive, and none is given.
pub fn set_version(
    sets: &[Arc<QuestionSet>],
    archived: &[Arc<QuestionSet>],
    archive: Archive,
    id: &str,
    version: &str,
) -> Option<Arc<QuestionSet>> {
    let exact = sets.iter().chain(archived).find(|set| set.id == id && set.version == version);
    let fallback = || sets.iter().find(|set| set.id == id).filter(|_| archive == Archive::Loaded);
    exact.or_else(fallback).cloned()
}

/// Every entry of `history` resolved and scored, in the same order.
pub fn score_history(
    history: &[HistoryEntry],
    set_for: impl Fn(&str, &str) -> Option<Arc<QuestionSet>>,
) -> Vec<Arc<ScoredResult>> {
    score_history_reusing(&[], history, set_for)
}

/// [`score_history`], taking each result from `before` (the same `Arc`) while its document and
/// the set it resolves to are unchanged: a history changes for a roadmap note as the person types,
/// an invitation or a reply, none of which changes a score, so only what did is scored again.
pub fn score_history_reusing(
    before: &[Arc<ScoredResult>],
    history: &[HistoryEntry],
    set_for: impl Fn(&str, &str) -> Option<Arc<QuestionSet>>,
) -> Vec<Arc<ScoredResult>> {
    history
        .iter()
        .map(|entry| {
            let set = set_for(&entry.document.set_id, &entry.document.set_version);
            let unchanged = |result: &&Arc<ScoredResult>| {
                result.id == entry.id
                    && result.document == entry.document
                    // A result that could not be read is read again when its set arrives.
                    && match (&result.read_against, &set) {
                        (Some(before), Some(now)) => Arc::ptr_eq(before, now),
                        (None, None) => true,
                        _ => false,
                    }
            };
            match before.iter().find(unchanged) {
                Some(result) => result.clone(),
                // The set already found, not looked up a second time.
                None => Arc::new(ScoredResult::new(entry.id.clone(), entry.document.clone(), |_, _| set.clone())),
            }
        })
        .collect()
}

/// The result completed before `id` of the same set, if any.
pub fn previous<'r>(results: &'r [Arc<ScoredResult>], id: &str) -> Option<&'r ScoredResult> {
    let at = results.iter().position(|r| r.id == id)?;
    let set_id = &results[at].document.set_id;
    results[..at].iter().rev().find(|r| &r.document.set_id == set_id).map(Arc::as_ref)
}

/// The results of one set taken at least twice, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub set: Arc<QuestionSet>,
    /// Each result's report against its own role, with the day it was completed.
    pub results: Vec<(Report, String)>,
}

/// A trend for every set taken at least twice, in the order the sets were first taken.
pub fn trends(results: &[Arc<ScoredResult>]) -> Vec<Trend> {
    let mut set_ids: Vec<&str> = Vec::new();
    for result in results {
        if !set_ids.contains(&result.document.set_id.as_str()) {
            set_ids.push(&result.document.set_id);
        }
    }
    set_ids
        .into_iter()
        .filter_map(|set_id| {
            let of_set: Vec<(&Scored, &str)> = results
                .iter()
                .filter(|r| r.document.set_id == set_id)
                .filter_map(|r| Some((r.scored.as_ref().ok()?, r.date.as_str())))
                .collect();
            let set = of_set.first()?.0.set.clone();
            let results = of_set.into_iter().map(|(s, date)| (s.report.clone(), date.to_owned())).collect::<Vec<_>>();
            (results.len() >= 2).then_some(Trend { set, results })
        })
        .collect()
}
