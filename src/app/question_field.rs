//! One question: a labelled radio group (fieldset and legend) with "Not applicable" and help on demand.

use std::sync::Arc;

use leptos::prelude::*;

use super::AppState;
use crate::model::{QuestionKind, QuestionSet, Response};

/// The question at `index` of `set`, answered into the attempt in progress.
#[component]
pub fn QuestionField(
    /// The set the question belongs to.
    set: Arc<QuestionSet>,
    /// The question's index in the set.
    index: usize,
    /// Its number on screen, counted across the whole set.
    number: usize,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = &set.questions[index];
    let current = Memo::new(move |_| {
        state.attempt.with(|a| a.as_ref().and_then(|a| a.responses.0.get(index).copied().flatten()))
    });
    let name = format!("q-{}", question.id);
    let choices: Vec<(String, Response)> = match &question.kind {
        QuestionKind::Likert { .. } => {
            let labels = set.scale.as_ref().map(|s| s.labels.clone()).unwrap_or_default();
            labels.into_iter().enumerate().map(|(i, label)| (label, Response::Point(i as u32 + 1))).collect()
        }
        QuestionKind::Choice { options } | QuestionKind::Level { options } => {
            options.iter().enumerate().map(|(i, o)| (o.text.clone(), Response::Option(i))).collect()
        }
    };
    let layout = if matches!(question.kind, QuestionKind::Likert { .. }) { "choices scale" } else { "choices options" };
    let radio = {
        let name = name.clone();
        move |(label, response): (String, Response), suffix: String| {
            let id = format!("{name}-{suffix}");
            view! {
                <div class="choice">
                    <input type="radio" id=id.clone() name=name.clone() prop:checked=move || current.get() == Some(response)
                        on:change=move |_| state.update_attempt(|attempt| attempt.answer(index, response, js_sys::Date::now()))/>
                    <label for=id>{label}</label>
                </div>
            }
        }
    };
    let options =
        choices.into_iter().enumerate().map(|(i, choice)| radio.clone()(choice, (i + 1).to_string())).collect_view();
    let not_applicable = radio(("Not applicable".to_owned(), Response::NotApplicable), "na".to_owned());
    let help = question.help.clone().map(|help| {
        view! {
            <details class="help">
                <summary>"What good looks like"</summary>
                <p>{help}</p>
            </details>
        }
    });
    let answered_class = move || if current.get().is_some() { "question answered" } else { "question" };

    view! {
        <fieldset class=answered_class id=format!("question-{}", question.id)>
            <legend><span class="number">{format!("{number}.")}</span>" "{question.text.clone()}</legend>
            {help}
            <div class=layout>{options}</div>
            <div class="choices not-applicable">{not_applicable}</div>
        </fieldset>
    }
}
