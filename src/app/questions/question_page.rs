//! One page of the assessment: the questions of one dimension (or of part of a long one), progress, and Back and Next.

use leptos::prelude::*;

use crate::i18n::{tr, trf};

use super::progress_bar::ProgressBar;
use super::question_field::QuestionField;
use crate::app::start::StartScreen;
use crate::app::{on_click, reactive, AppState, Arrival, ElementRef, Screen};
use crate::attempt::{minutes_left, pages, question_number};

/// The page of the attempt in progress (a dimension, or part of a long one), with its questions
/// numbered across the whole set.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Opened on a question (the review's link to it): its first choice takes focus, on this
    // first drawing only, not when the person comes back to its page later.
    let arrival = std::cell::Cell::new(state.take_arrival());
    let Some(live) = state.session.attempt() else {
        return view! { <StartScreen/> }.into_any();
    };
    let set = live.set.clone();
    let page = live.page.clone();
    let answered = Signal::from(live.answered.clone());
    let left = {
        let set = set.clone();
        Signal::derive(move || minutes_left(&set, answered.get()))
    };
    let all_pages = pages(&set);
    let page_count = all_pages.len();
    // Opening the page (Start, the review's Back) and turning it (Next, Back) put focus on its heading.
    let page_heading = AppState::heading(arrival.get());
    let go = move |to: usize| {
        state.session.turn_page(to);
        page_heading.focus();
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
            if p + 1 < page_count {
                go(p + 1);
            } else {
                state.go(Screen::Review);
            }
        }
    };
    // A rater answers about someone else; the person, for the role they aim at.
    let about_someone_else = live.rater.is_some();
    let context = match &live.rater {
        Some(rater) => trf(
            "{title} · your view of {name}",
            &[&set.title, &rater.for_name.clone().unwrap_or_else(|| tr("the person who invited you"))],
        ),
        None => trf("{title} · target role: {role}", &[&set.title, &set.roles[live.role].name]),
    };
    let body = {
        let (set, page) = (set.clone(), page.clone());
        move || {
            let p = page.get();
            let arrival = arrival.take();
            let Some(this_page) = all_pages.get(p) else { return ().into_any() };
            let dimension = &set.dimensions[this_page.dimension];
            let heading = match this_page.parts {
                1 => trf(
                    "{dimension} ({page} of {pages})",
                    &[&dimension.name, &(p + 1).to_string(), &page_count.to_string()],
                ),
                parts => {
                    let numbers = [this_page.part + 1, parts, p + 1, page_count].map(|n| n.to_string());
                    trf(
                        "{dimension}, part {part} of {parts} ({page} of {pages})",
                        &[&dimension.name, &numbers[0], &numbers[1], &numbers[2], &numbers[3]],
                    )
                }
            };
            // Questions are numbered across the set: after every question of the earlier pages.
            let first_number = this_page.questions.first().map_or(1, |&index| question_number(&set, index));
            let questions = this_page.questions.iter().enumerate().map(|(k, &index)| {
                let focus = if arrival == Some(Arrival::Question(index)) {
                    let focus = ElementRef::new();
                    focus.focus();
                    focus
                } else {
                    ElementRef::NONE
                };
                view! { <QuestionField set=set.clone() index=index number=first_number + k answer=live.answers[index].clone() about_someone_else=about_someone_else focus=focus/> }
            });
            view! {
                <h2 id="page-heading" tabindex="-1" node_ref=page_heading>{heading}</h2>
                {(this_page.part == 0).then(|| dimension.description.clone().map(|d| view! { <p class="dimension-description">{d}</p> }))}
                {questions.collect_view()}
            }
            .into_any()
        }
    };
    // A `String`, like the page's other reactive text: a `&str` would be one more kind of text to render.
    let next_label = move || tr(if page.get() + 1 < page_count { "Next" } else { "Review and finish" });

    view! {
        <section class="answer" aria-labelledby="page-heading">
            <p class="context">{context}</p>
            <ProgressBar answered=answered total=set.questions.len() minutes_left=left/>
            // The set's own words in its own language (one not translated into the language spoken),
            // so a screen reader reads them with the right voice, and in their own direction.
            <div lang=set.language.clone() dir="auto">{reactive(body)}</div>
            <div class="actions pager">
                <button type="button" on:click=on_click(back)>{tr("Back")}</button>
                <button type="button" class="primary" on:click=on_click(next)>{reactive(next_label)}</button>
            </div>
        </section>
    }
    .into_any()
}
