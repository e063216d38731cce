//! One page of the assessment: the questions of one dimension, progress, and Back and Next.

use leptos::prelude::*;

use super::progress_bar::ProgressBar;
use super::question_field::QuestionField;
use super::start_screen::StartScreen;
use super::{AppState, Screen};
use crate::attempt::{minutes_left, page_questions};

/// The page of the attempt in progress, with its questions numbered across the whole set.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(live) = state.session.attempt.get_untracked() else {
        return view! { <StartScreen/> }.into_any();
    };
    let set = live.set.clone();
    let page = live.page.clone();
    let answered = Signal::from(live.answered.clone());
    let left = {
        let set = set.clone();
        Signal::derive(move || minutes_left(&set, answered.get()))
    };
    let pages = set.dimensions.len();
    let go = move |to: usize| {
        state.session.turn_page(to);
        state.focus("page-heading".to_owned());
    };
    let back = {
        let page = page.clone();
        move |_| match page.get_untracked() {
            0 => state.go(Screen::Start),
            p => go(p - 1),
        }
    };
    let next = {
        let page = page.clone();
        move |_| {
            let p = page.get_untracked();
            if p + 1 < pages {
                go(p + 1);
            } else {
                state.go(Screen::Review);
            }
        }
    };
    // A rater answers about someone else; the person, for the role they aim at.
    let about_someone_else = live.rater.is_some();
    let context = match &live.rater {
        Some(rater) => format!(
            "{} · your view of {}",
            set.title,
            rater.for_name.as_deref().unwrap_or("the person who invited you")
        ),
        None => format!("{} · target role: {}", set.title, set.roles[live.role].name),
    };
    let body = {
        let (set, page) = (set.clone(), page.clone());
        move || {
            let p = page.get();
            let dimension = &set.dimensions[p];
            // Questions are numbered across the set: after every question of the earlier pages.
            let before = set.questions.iter().filter(|q| q.dimension < p).count();
            let questions = page_questions(&set, p).into_iter().enumerate().map(|(k, index)| {
                view! { <QuestionField set=set.clone() index=index number=before + k + 1 answer=live.answers[index].clone() about_someone_else=about_someone_else/> }
            });
            view! {
                <h2 id="page-heading" tabindex="-1">{format!("{} ({} of {pages})", dimension.name, p + 1)}</h2>
                {dimension.description.clone().map(|d| view! { <p class="dimension-description">{d}</p> })}
                {questions.collect_view()}
            }
        }
    };
    let next_label = move || if page.get() + 1 < pages { "Next" } else { "Review and finish" };

    view! {
        <section class="answer" aria-labelledby="page-heading">
            <p class="context">{context}</p>
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
