//! One question: a labelled radio group (fieldset and legend) for the scale, the options or the
//! levels, and apart from it the answers that are not points of the scale, with help on demand.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{msg, tr};

use crate::app::{on_change, reactive, AppState, ElementRef};
use crate::model::{QuestionKind, QuestionSet, Response};

/// Format 2's two answers beside the scale, for a rater giving their view of someone else.
const BESIDE_THE_SCALE_FOR_A_RATER: [(&str, Response, &str, &str); 2] = [
    (
        msg("Not seen them in this situation"),
        Response::Untested,
        "untested",
        msg("You have not seen them face this, or you would be guessing. It is left out of their scores rather than counted against them; an area with too much left out has no score."),
    ),
    (
        msg("Doesn't apply to their situation"),
        Response::NotApplicable,
        "na",
        msg("It does not fit their job or organisation at all. It is left out of their scores; an area with too much left out has no score."),
    ),
];

/// Format 2's two answers beside the scale: label, answer, id suffix and the one-line explanation.
const BESIDE_THE_SCALE: [(&str, Response, &str, &str); 2] = [
    (
        msg("Not had the chance yet"),
        Response::Untested,
        "untested",
        msg("Your work has not yet asked this of you. The answer is left out of your score rather than counted against you, and your roadmap lists it as a chance to ask for; an area with too much left out has no score."),
    ),
    (
        msg("Doesn't apply to my situation"),
        Response::NotApplicable,
        "na",
        msg("It does not fit your job or organisation at all. It is left out of your scores; an area with too much left out has no score."),
    ),
];

/// One radio button of the question named `name`, checked while `answer` is `response`.
#[allow(clippy::too_many_arguments)]
fn radio(
    state: AppState,
    focus: ElementRef,
    index: usize,
    answer: ArcRwSignal<Option<Response>>,
    name: &str,
    suffix: &str,
    label: String,
    response: Response,
) -> impl IntoView {
    let id = format!("{name}-{suffix}");
    view! {
        <input type="radio" id=id.clone() name=name.to_owned() node_ref=focus prop:checked=reactive(move || answer.get() == Some(response))
            on:change=on_change(move |_| state.session.answer(index, response))/>
        <label for=id>{label}</label>
    }
}

/// The question at `index` of `set`, answered into the attempt in progress. It reads only its own
/// answer, so answering it re-renders nothing else on the page.
#[component]
pub fn QuestionField(
    /// The set the question belongs to.
    set: Arc<QuestionSet>,
    /// The question's index in the set.
    index: usize,
    /// Its number on screen, counted across the whole set.
    number: usize,
    /// Its answer in the attempt in progress.
    answer: ArcRwSignal<Option<Response>>,
    /// Whether a rater is answering about someone else: the question is asked in its `text_other`
    /// wording, and "not seen" replaces "not had the chance".
    #[prop(optional)]
    about_someone_else: bool,
    /// Its first choice's focus target, when the page opens on this question.
    #[prop(default = ElementRef::NONE)]
    focus: ElementRef,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let question = &set.questions[index];
    let text = if about_someone_else { question.text_other.as_ref().unwrap_or(&question.text) } else { &question.text };
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
    let (layout, instruction) = match question.kind {
        QuestionKind::Likert { .. } => ("choices scale", None),
        // Scenario options are written to the person ("you"), as they read them.
        QuestionKind::Choice { .. } if about_someone_else => {
            ("choices options", Some(tr("In the options, “you” means the person you are giving your view of.")))
        }
        QuestionKind::Choice { .. } => ("choices options", None),
        QuestionKind::Level { .. } => (
            "choices options levels",
            Some(tr(if about_someone_else {
                "From the lowest to the highest: pick the highest one you know first-hand to be true of them. If you do \
                 not know how far their work here has reached, choose “Not seen them in this situation” rather than a \
                 low level."
            } else {
                "From the lowest to the highest: pick the highest one that is true of you."
            })),
        ),
    };
    // One radio group per question: a screen reader hears each point with its position ("3 of 5").
    let options = choices
        .into_iter()
        .enumerate()
        .map(|(i, (label, response))| {
            view! { <div class="choice">{radio(state, if i == 0 { focus } else { ElementRef::NONE }, index, answer.clone(), &name, &(i + 1).to_string(), label, response)}</div> }
        })
        .collect_view();
    // Format 2's answers beside the scale are a group of their own, apart from it; format 1 keeps
    // its "Not applicable" in the scale's group, as it always had.
    let beside = if set.format >= 2 {
        let beside_name = format!("{name}-beside");
        let beside = if about_someone_else { BESIDE_THE_SCALE_FOR_A_RATER } else { BESIDE_THE_SCALE };
        // A scenario asks what the person would do, which anyone can say: no "not had the chance" there.
        let offered = beside
            .into_iter()
            .filter(|(_, response, ..)| *response != Response::Untested || question.offers_untested());
        let items = offered.map(|(label, response, suffix, explanation)| {
            view! {
                <div class="choice">
                    {radio(state, ElementRef::NONE, index, answer.clone(), &beside_name, suffix, tr(label), response)}
                    <details class="explain"><summary>{tr("What this means")}</summary><p>{tr(explanation)}</p></details>
                </div>
            }
        }).collect_view();
        view! {
            <fieldset class="choices beside-scale">
                <legend>{tr("Or, if you cannot answer it")}</legend>
                {items}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class="choices not-applicable">
                <div class="choice">{radio(state, ElementRef::NONE, index, answer.clone(), &name, "na", tr("Not applicable"), Response::NotApplicable)}</div>
            </div>
        }
        .into_any()
    };
    // Help is written to the person themselves; a rater is told so.
    let help_summary =
        tr(if about_someone_else { "About this question (as written for them)" } else { "About this question" });
    let help = question.help.clone().map(|help| {
        view! {
            <details class="help">
                <summary>{help_summary}</summary>
                <p>{help}</p>
            </details>
        }
    });
    let answered_class = move || if answer.with(Option::is_some) { "question answered" } else { "question" }.to_owned();

    view! {
        <fieldset class=reactive(answered_class) id=format!("question-{}", question.id)>
            <legend><span class="number">{format!("{number}.")}</span>" "{text.clone()}</legend>
            {instruction.map(|text| view! { <p class="instruction">{text}</p> })}
            // Asked outside the score (a facet's signal): said before it is answered, so nobody answers it to look ready.
            {(!question.scored).then(|| view! { <p class="instruction">{tr("Not part of any readiness score: your results show your answer as a signal.")}</p> })}
            {help}
            <div class=layout>{options}</div>
            {beside}
        </fieldset>
    }
}
