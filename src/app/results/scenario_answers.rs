//! "Your scenario answers": after finishing, each choice and level question with the person's answer
//! and its debrief (collapsed). The list itself is one step away too: twenty questions with their
//! answers were 5,900 px of a 375 px phone, more than the rest of the results together, and stood
//! between the verdict and the roadmap's button. Drawn only on the results screen, so no debrief is
//! in the page before finishing.

use leptos::prelude::*;

use crate::i18n::{tr, trn};
use crate::model::{QuestionKind, QuestionSet, Response, Responses};

/// The person's answer to question `index` of `set`, in words.
fn answer_words(set: &QuestionSet, index: usize, response: Option<Response>) -> String {
    match response {
        Some(Response::Option(i)) => {
            set.questions[index].kind.options().get(i).map_or(String::new(), |o| o.text.clone())
        }
        Some(Response::Untested) => tr("Not had the chance yet"),
        Some(Response::NotApplicable) => tr("Doesn't apply to my situation"),
        Some(Response::Point(_)) | None => tr("Not answered"),
    }
}

/// Every choice and level question of `set` with the answer in `responses` and its debrief; nothing
/// when the set has no such question.
pub fn scenario_answers(set: &QuestionSet, responses: &Responses) -> Option<impl IntoView> {
    let items: Vec<_> = set
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| !matches!(q.kind, QuestionKind::Likert { .. }))
        .map(|(i, q)| {
            let answer = answer_words(set, i, responses.0.get(i).copied().flatten());
            view! {
                <li>
                    <p class="scenario">{q.text.clone()}</p>
                    <p>{tr("Your answer: ")}<strong>{answer}</strong></p>
                    {q.debrief.clone().map(|d| view! {
                        <details class="debrief">
                            <summary>{tr("What separates the stronger answers")}</summary>
                            <p>{d}</p>
                        </details>
                    })}
                </li>
            }
        })
        .collect();
    let count = items.len();
    (count > 0).then(|| {
        view! {
            <section class="scenario-answers" aria-labelledby="scenario-answers-heading">
                <h3 id="scenario-answers-heading">{tr("Your scenario answers")}</h3>
                <details class="scenario-list">
                    <summary>
                        {trn(
                            count,
                            "Show your answer to the {n} scenario or scope question",
                            "Show your answers to the {n} scenario and scope questions",
                            &[],
                        )}
                    </summary>
                    <ol>{items}</ol>
                </details>
            </section>
        }
    })
}
