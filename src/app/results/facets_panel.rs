//! "What kind of leader your answers describe": a set's facets on the results, the ones the answers fit
//! best first, each with its score and description; questions outside the score shown as signals,
//! with the person's answer, never as competence.

use std::sync::Arc;

use leptos::prelude::*;

use crate::display::whole;
use crate::i18n::{tr, trf};
use crate::model::{QuestionSet, Response, Responses};
use crate::scoring::Report;

/// The person's answer to question `index` in words, for a signal.
fn answer_words(set: &QuestionSet, index: usize, response: Option<Response>) -> String {
    match response {
        Some(Response::Point(point)) => {
            set.scale.as_ref().and_then(|scale| scale.labels.get(point as usize - 1)).cloned().unwrap_or_default()
        }
        Some(Response::Option(i)) => {
            set.questions[index].kind.options().get(i).map_or(String::new(), |o| o.text.clone())
        }
        Some(Response::Untested) => tr("Not had the chance yet"),
        Some(Response::NotApplicable) => tr("Doesn't apply to my situation"),
        None => tr("Not answered"),
    }
}

/// The facets of `set` for the report (they do not change with the target role); nothing when the
/// set has none.
pub fn facets_panel(set: Arc<QuestionSet>, responses: &Responses, report: &Report) -> Option<impl IntoView> {
    if set.facets.is_empty() {
        return None;
    }
    let headline = crate::scoring::verdict::fit_sentence(&set, report);
    // The facets the answers fit first, in fit order, then the others in declared order.
    let order: Vec<usize> =
        report.fit.iter().copied().chain((0..set.facets.len()).filter(|f| !report.fit.contains(f))).collect();
    let items = order
        .into_iter()
        .map(|f| {
            let facet = &set.facets[f];
            let score = report.facets[f].score.map_or_else(|| tr("not enough answers"), whole);
            let signals: Vec<(String, String)> = set
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| !q.scored && q.facets.contains(&f))
                .map(|(i, q)| (q.text.clone(), answer_words(&set, i, responses.0.get(i).copied().flatten())))
                .collect();
            let signals = (!signals.is_empty()).then(|| {
                view! {
                    <p class="note">{tr("Asked as signals: outside readiness and every dimension, they count only in this facet.")}</p>
                    <ul class="signals">
                        {signals.into_iter().map(|(question, answer)| view! {
                            <li>{question}" "<strong>{answer}</strong></li>
                        }).collect_view()}
                    </ul>
                }
            });
            // After the facet's name in bold: its score, and whether it fits best, as one text.
            let score = if report.fit.contains(&f) {
                trf(": {score} (fits best)", &[&score])
            } else {
                trf(": {score}", &[&score])
            };
            view! {
                <li class:fit=report.fit.contains(&f)>
                    <p><strong>{facet.name.clone()}</strong>{score}</p>
                    {facet.description.clone().map(|d| view! { <p class="facet-description">{d}</p> })}
                    {signals}
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="facets" aria-labelledby="facets-heading">
            <h3 id="facets-heading">{tr("What your answers describe")}</h3>
            <p data-testid="fit">{headline}</p>
            <p class="note">{tr("A second lens on the same answers: it says what kind of leader they describe, and changes no readiness or verdict.")}</p>
            <ul class="facet-list">{items}</ul>
        </section>
    })
}
