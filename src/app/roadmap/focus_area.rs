//! One focus area of a development roadmap: why it matters, the first step, the conversation and
//! the signal to watch for, and the material to work on it.

use leptos::prelude::*;

use crate::i18n::{msg, tr, trf};
use crate::model::Reading;
use crate::progress::SourceKind;
use crate::scoring::plan::FocusArea;

/// Turns a roadmap item into a goal: the dimension's id, what kind of item, its text.
pub type MakeGoal = Callback<(String, SourceKind, String)>;

/// A button that makes `text` a goal (on screen only).
fn goal_button(make_goal: MakeGoal, dimension_id: &str, kind: SourceKind, text: &str) -> impl IntoView {
    let (dimension_id, text) = (dimension_id.to_owned(), text.to_owned());
    // The visible words first, so that the name a person says is the name it has (WCAG 2.5.3).
    let label = trf("Make this a goal: {item}", &[&text]);
    view! {
        <button type="button" class="link screen-only" aria-label=label on:click=move |_| make_goal.run((dimension_id.clone(), kind, text.clone()))>
            {tr("Make this a goal")}
        </button>
    }
}

fn book_line(book: &Reading) -> String {
    let title = book.title.as_str();
    match (&book.author, &book.note) {
        (Some(author), Some(note)) => trf("{title} — {author}. {note}", &[title, author, note]),
        (Some(author), None) => trf("{title} — {author}", &[title, author]),
        (None, Some(note)) => trf("{title}. {note}", &[title, note]),
        (None, None) => book.title.clone(),
    }
}

/// A titled list, left out when empty; each item can be made a goal when `goal` says of what kind.
/// `title` is looked up here: callers mark it with `msg(...)`.
fn material(
    title: &'static str,
    items: Vec<String>,
    goal: Option<(MakeGoal, &str, SourceKind)>,
) -> Option<impl IntoView> {
    (!items.is_empty()).then(|| {
        let items = items
            .into_iter()
            .map(|item| {
                let button =
                    goal.map(|(make_goal, dimension_id, kind)| goal_button(make_goal, dimension_id, kind, &item));
                view! { <li>{item}" "{button}</li> }
            })
            .collect_view();
        view! {
            <h4>{tr(title)}</h4>
            <ul>{items}</ul>
        }
    })
}

/// One of the focus area's next steps, left out when the set gives none; `title` is looked up here
/// (callers mark it with `msg(...)`).
fn step(title: &'static str, text: Option<String>) -> Option<impl IntoView> {
    text.map(|text| view! { <dt>{tr(title)}</dt><dd>{text}</dd> })
}

/// Opens My progress with a new note for the dimension with this id.
pub type AddNote = Callback<String>;

/// The focus area `area`, ranked `rank` (1 is the most important); its first step, practices and
/// projects can each be made a goal, and a note of what was done added for its dimension.
pub fn focus_area(rank: usize, area: FocusArea, make_goal: MakeGoal, add_note: AddNote) -> impl IntoView {
    let guidance = area.guidance;
    let dimension_id = area.dimension_id.as_str();
    let note_for = area.dimension_id.clone();
    // The visible words first in the name (WCAG 2.5.3).
    let note_label = trf("Add a note of what you did: {dimension}", &[&area.name]);
    let first_step_goal =
        guidance.first_step.as_deref().map(|step| goal_button(make_goal, dimension_id, SourceKind::FirstStep, step));
    view! {
        <section class="focus-area">
            <h3>{trf("{rank}. {dimension}", &[&rank.to_string(), &area.name])}</h3>
            <p>{area.why}</p>
            {guidance.summary.map(|s| view! { <p class="summary">{s}</p> })}
            <dl class="next-steps">
                {step(msg("This week"), guidance.first_step)}
                {first_step_goal.map(|button| view! { <dd>{button}</dd> })}
                {step(msg("Ask someone"), guidance.conversation)}
                {step(msg("How you will know it works"), guidance.signal)}
            </dl>
            <p class="screen-only">
                <button type="button" class="link" aria-label=note_label on:click=move |_| add_note.run(note_for.clone())>
                    {tr("Add a note of what you did")}
                </button>
            </p>
            <div class="material">
                {material(msg("Skills to build"), guidance.skills, None)}
                {material(msg("Practices to adopt"), guidance.practices, Some((make_goal, dimension_id, SourceKind::Practice)))}
                {material(msg("Hands-on projects"), guidance.projects, Some((make_goal, dimension_id, SourceKind::Project)))}
                {material(msg("Reading"), guidance.reading.iter().map(book_line).collect(), None)}
            </div>
        </section>
    }
}
