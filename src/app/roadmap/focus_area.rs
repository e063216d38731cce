//! One focus area of a development roadmap: why it matters, the first step, the conversation and
//! the signal to watch for, and the material to work on it.

use leptos::prelude::*;

use crate::model::Reading;
use crate::scoring::plan::FocusArea;

fn book_line(book: &Reading) -> String {
    let mut line = book.title.clone();
    if let Some(author) = &book.author {
        line.push_str(" — ");
        line.push_str(author);
    }
    if let Some(note) = &book.note {
        line.push_str(". ");
        line.push_str(note);
    }
    line
}

/// A titled list, left out when empty.
fn material(title: &'static str, items: Vec<String>) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| {
        view! {
            <h4>{title}</h4>
            <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul>
        }
    })
}

/// One of the focus area's next steps, left out when the set gives none.
fn step(title: &'static str, text: Option<String>) -> Option<impl IntoView> {
    text.map(|text| view! { <dt>{title}</dt><dd>{text}</dd> })
}

/// The focus area `area`, ranked `rank` (1 is the most important).
pub fn focus_area(rank: usize, area: FocusArea) -> impl IntoView {
    let guidance = area.guidance;
    view! {
        <section class="focus-area">
            <h3>{format!("{rank}. {}", area.name)}</h3>
            <p>{area.why}</p>
            {guidance.summary.map(|s| view! { <p class="summary">{s}</p> })}
            <dl class="next-steps">
                {step("This week", guidance.first_step)}
                {step("Ask someone", guidance.conversation)}
                {step("How you will know it works", guidance.signal)}
            </dl>
            <div class="material">
                {material("Skills to build", guidance.skills)}
                {material("Practices to adopt", guidance.practices)}
                {material("Hands-on projects", guidance.projects)}
                {material("Reading", guidance.reading.iter().map(book_line).collect())}
            </div>
        </section>
    }
}
