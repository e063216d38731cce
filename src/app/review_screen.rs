//! Before finishing: what is still unanswered, one step from each, and which dimensions would lack a score.

use leptos::prelude::*;

use super::{AppState, Screen};
use crate::attempt::question_number;
use crate::scoring::score;

/// Lists unanswered questions with a way to each, and lets the person finish anyway.
#[component]
pub fn ReviewScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some((attempt, set)) = state.attempt_in_progress() else {
        state.screen.set(Screen::Start);
        return ().into_any();
    };
    let unanswered = attempt.unanswered();
    let report = score(&set, &attempt.responses, attempt.role);
    let thin: Vec<String> = report.dimensions.iter().filter(|d| d.score.is_none()).map(|d| d.name.clone()).collect();

    let go_to = move |index: usize| {
        let Some(set) = state.attempt.with_untracked(|a| a.as_ref().and_then(|a| state.set(&a.set_id))) else { return };
        let question = &set.questions[index];
        let target = format!("question-{}", question.id);
        state.update_attempt(|a| a.page = question.dimension);
        state.screen.set(Screen::Answer);
        request_animation_frame(move || {
            if let Some(element) = state.find(&target) {
                element.scroll_into_view();
                if let Ok(Some(input)) = element.query_selector("input") {
                    if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input) {
                        let _ = input.focus();
                    }
                }
            }
        });
    };

    let summary = if unanswered.is_empty() {
        "Every question is answered.".to_owned()
    } else {
        format!("{} of {} questions are not answered yet.", unanswered.len(), set.questions.len())
    };
    let first = unanswered.first().copied();
    let list = (!unanswered.is_empty()).then(|| {
        view! {
            <button type="button" class="primary" on:click=move |_| go_to(first.unwrap_or(0))>"Go to the first unanswered question"</button>
            <ul class="unanswered">
                {unanswered.iter().map(|&index| {
                    let question = &set.questions[index];
                    let number = question_number(&set, index);
                    view! {
                        <li><button type="button" class="link" on:click=move |_| go_to(index)>{format!("Question {number}: {}", question.text)}</button></li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    let warning = (!thin.is_empty()).then(|| {
        view! {
            <p class="warning">{format!("Not enough answers for a score yet in: {}. Those areas will show “not enough answers” instead of a number.", thin.join(", "))}</p>
        }
    });
    let last_page = set.dimensions.len().saturating_sub(1);

    view! {
        <section class="review" aria-labelledby="review-heading">
            <h2 id="review-heading" tabindex="-1">"Review and finish"</h2>
            <p>{summary}</p>
            {warning}
            {list}
            <div class="actions pager">
                <button type="button" on:click=move |_| { state.update_attempt(|a| a.page = last_page); state.screen.set(Screen::Answer); }>"Back"</button>
                <button type="button" class="primary" on:click=move |_| state.finish_attempt()>
                    {if first.is_some() { "Finish anyway" } else { "Finish and see my results" }}
                </button>
            </div>
        </section>
    }
    .into_any()
}
