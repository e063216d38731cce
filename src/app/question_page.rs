//! One page of the assessment: the questions of one dimension, progress, and Back and Next.

use leptos::prelude::*;

use super::progress_bar::ProgressBar;
use super::question_field::QuestionField;
use super::{AppState, Screen};
use crate::attempt::{minutes_left, page_questions, question_number};

/// The page of the attempt in progress, with its questions numbered across the whole set.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some((attempt, set)) = state.attempt_in_progress() else {
        state.screen.set(Screen::Start);
        return ().into_any();
    };
    let page = Memo::new(move |_| state.attempt.with(|a| a.as_ref().map_or(0, |a| a.page)));
    let answered = Signal::derive(move || state.attempt.with(|a| a.as_ref().map_or(0, |a| a.answered())));
    let left = {
        let set = set.clone();
        Signal::derive(move || minutes_left(&set, answered.get()))
    };
    let pages = set.dimensions.len();
    let go = move |to: usize| {
        state.update_attempt(|attempt| attempt.page = to);
        state.focus("page-heading");
    };
    let back = move |_| match page.get_untracked() {
        0 => state.screen.set(Screen::Start),
        p => go(p - 1),
    };
    let next = move |_| {
        let p = page.get_untracked();
        if p + 1 < pages {
            go(p + 1);
        } else {
            state.screen.set(Screen::Review);
            state.focus("review-heading");
        }
    };
    let role_name = set.roles[attempt.role].name.clone();
    let body = {
        let set = set.clone();
        move || {
            let p = page.get();
            let dimension = &set.dimensions[p];
            let questions = page_questions(&set, p);
            view! {
                <h2 id="page-heading" tabindex="-1">{format!("{} ({} of {pages})", dimension.name, p + 1)}</h2>
                {dimension.description.clone().map(|d| view! { <p class="dimension-description">{d}</p> })}
                {questions.into_iter().map(|index| view! { <QuestionField set=set.clone() index=index number=question_number(&set, index)/> }).collect_view()}
            }
        }
    };
    let next_label = move || if page.get() + 1 < pages { "Next" } else { "Review and finish" };

    view! {
        <section class="answer" aria-labelledby="page-heading">
            <p class="context">{format!("{} · target role: {role_name}", set.title)}</p>
            <ProgressBar answered=answered total=set.questions.len() minutes_left=left/>
            {body}
            <div class="actions pager">
                <button type="button" on:click=back>"Back"</button>
                <button type="button" class="primary" on:click=next>{next_label}</button>
            </div>
        </section>
    }
    .into_any()
}
