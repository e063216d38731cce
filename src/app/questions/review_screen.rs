//! Before finishing: what is still unanswered, one step from each, and which dimensions would lack a score.

use leptos::prelude::*;

use crate::i18n::{tr, trf, trn};

use crate::app::start::StartScreen;
use crate::app::{AppState, Arrival, Screen};
use crate::model::Responses;
use crate::scoring::score;

/// Lists unanswered questions with a way to each, and lets the person finish anyway.
#[component]
pub fn ReviewScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(live) = state.session.attempt() else {
        return view! { <StartScreen/> }.into_any();
    };
    let set = live.set.clone();
    let responses = Responses(live.answers.iter().map(|a| a.get_untracked()).collect());
    let unanswered: Vec<usize> = (0..responses.0.len()).filter(|&i| responses.0[i].is_none()).collect();
    let report = score(&set, &responses, live.role);
    let thin: Vec<&str> = report.dimensions.iter().filter(|d| d.score.is_none()).map(|d| d.name.as_str()).collect();

    let go_to = {
        let set = set.clone();
        move |index: usize| {
            state.session.turn_page(crate::attempt::page_of(&set, index));
            // Its first choice: the question scrolls into view and takes the focus.
            state.go_to(Screen::Answer, Arrival::Question(index));
        }
    };

    let summary = if unanswered.is_empty() {
        tr("Every question is answered.")
    } else {
        trn(
            set.questions.len(),
            "{count} of {n} question is not answered yet.",
            "{count} of {n} questions are not answered yet.",
            &[&unanswered.len().to_string()],
        )
    };
    let first = unanswered.first().copied();
    let list = first.map(|first| {
        let go_to_first = go_to.clone();
        view! {
            <button type="button" class="primary" on:click=move |_| go_to_first(first)>{tr("Go to the first unanswered question")}</button>
            <ul class="unanswered">
                {unanswered.iter().map(|&index| {
                    let question = &set.questions[index];
                    let number = crate::attempt::question_number(&set, index);
                    let go_to = go_to.clone();
                    view! {
                        <li><button type="button" class="link" on:click=move |_| go_to(index)>{trf("Question {number}: {question}", &[&number.to_string(), &question.text])}</button></li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    let warning = (!thin.is_empty()).then(|| {
        view! {
            <p class="warning">{trf("Not enough answers for a score yet in: {areas}. Those areas will show “not enough answers” instead of a number.", &[&thin.join(", ")])}</p>
        }
    });
    let last_page = crate::attempt::page_count(&set).saturating_sub(1);
    let heading = AppState::heading(state.take_arrival());
    // A rater's answers become a reply to send back; the person's own join their results.
    let rating = live.rater.is_some();
    let finish = move |_| {
        if rating {
            if state.session.finish_rating().is_some() {
                state.go(Screen::Reply);
            }
        } else if let Some(id) = state.session.finish() {
            state.go(Screen::Results(id));
        }
    };
    let finish_label = tr(match (rating, first.is_some()) {
        (_, true) => "Finish anyway",
        (true, false) => "Finish and make my reply",
        (false, false) => "Finish and see my results",
    });

    view! {
        <section class="review" aria-labelledby="review-heading">
            <h2 id="review-heading" tabindex="-1" node_ref=heading>{tr("Review and finish")}</h2>
            <p>{summary}</p>
            {warning}
            {list}
            <div class="actions pager">
                <button type="button" on:click=move |_| { state.session.turn_page(last_page); state.go(Screen::Answer); }>{tr("Back")}</button>
                <button type="button" class="primary" on:click=finish>
                    {finish_label}
                </button>
            </div>
        </section>
    }
    .into_any()
}
