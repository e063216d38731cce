//! The dated 30/60/90-day plan of a roadmap, each item a checkbox kept on this device.

use leptos::prelude::*;

use crate::app::AppState;
use crate::i18n::{self, trf};
use crate::scoring::plan::Milestone;
use crate::stored::RoadmapNotes;

/// The milestones of the plan of the completed attempt `attempt_id`, ticked as its saved `notes` say.
pub fn milestone_list(
    state: AppState,
    attempt_id: String,
    milestones: Vec<Milestone>,
    notes: Memo<RoadmapNotes>,
) -> impl IntoView {
    milestones
        .into_iter()
        .map(|milestone| {
            let heading = match &milestone.date {
                Some(date) => trf(
                    "By day {day} ({date}): {milestone}",
                    &[&milestone.day.to_string(), &i18n::date(date), &milestone.title],
                ),
                None => trf("By day {day}: {milestone}", &[&milestone.day.to_string(), &milestone.title]),
            };
            let items = milestone
                .items
                .into_iter()
                .map(|item| {
                    let input_id = format!("plan-{}", item.key);
                    let key = item.key;
                    let checked = {
                        let key = key.clone();
                        move || notes.with(|n| n.checked.contains(&key))
                    };
                    let attempt_id = attempt_id.clone();
                    let tick = move |ev| {
                        let on = event_target_checked(&ev);
                        state.session.update_notes(&attempt_id, |n| {
                            n.checked.retain(|k| k != &key);
                            if on {
                                n.checked.push(key.clone());
                            }
                        });
                    };
                    view! {
                        <li>
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=tick/>
                            <label for=input_id>{item.text}</label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="milestone">
                    <h3>{heading}</h3>
                    <ul class="checklist">{items}</ul>
                </section>
            }
        })
        .collect_view()
}
