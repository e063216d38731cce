//! The development roadmap of a completed attempt, for the screen and for paper: header, radar
//! chart, scores, focus areas with their material, strengths, the dated 30/60/90-day plan with
//! checkboxes, and notes. Ticks, notes and the "prepared for" name stay on this device.

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::score_table::ScoreTable;
use super::{AppState, Screen};
use crate::charts::{self, Palette};
use crate::display::whole;
use crate::model::Reading;
use crate::scoring::{development_plan, score};
use crate::stored::RoadmapNotes;

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

/// The roadmap of the attempt `attempt_id`, planned against the role `role_id`.
#[component]
pub fn RoadmapView(
    /// The id of a completed attempt in history.
    attempt_id: String,
    /// The id of the target role to plan against.
    role_id: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (entry, set, responses) = match state.completed(&attempt_id) {
        Ok(found) => found,
        Err(message) => return view! { <p class="error" role="alert">{message}</p> }.into_any(),
    };
    let role = set.role_index(&role_id).unwrap_or(set.default_role);
    let report = score(&set, &responses, role);
    let plan = development_plan(&set, &report, entry.document.completed_at.as_deref());

    let saved = {
        let attempt_id = attempt_id.clone();
        Memo::new(move |_| {
            state.history.with(|h| h.iter().find(|e| e.id == attempt_id).map(|e| e.notes.clone()).unwrap_or_default())
        })
    };
    let prepared_for = RwSignal::new(state.store.with_value(|store| store.load_prepared_for()));
    let save = {
        let attempt_id = attempt_id.clone();
        move |change: &dyn Fn(&mut RoadmapNotes)| state.update_notes(&attempt_id, change)
    };

    let screen_palette = if state.dark() { Palette::DARK } else { Palette::LIGHT };
    let report_signal = Signal::stored(report.clone());
    let radar = |palette, fit| {
        let role_name = plan.role_name.clone();
        std::sync::Arc::new(move |width: u32| {
            report_signal.with(|r| charts::radar_svg(width, fit, r, &role_name, palette))
        })
    };
    let screen_radar = radar(screen_palette, charts::radar::Fit::SCREEN);
    let print_radar = radar(Palette::LIGHT, charts::radar::Fit::PRINT);
    let radar_label = format!(
        "Radar chart of your scores against the {} targets; the same numbers are in the table “Scores by dimension”.",
        plan.role_name
    );

    let focus = plan
        .focus_areas
        .iter()
        .enumerate()
        .map(|(rank, area)| {
            view! {
                <section class="focus-area">
                    <h3>{format!("{}. {}", rank + 1, area.name)}</h3>
                    <p>{area.why.clone()}</p>
                    {area.guidance.summary.clone().map(|s| view! { <p class="summary">{s}</p> })}
                    <div class="material">
                        {material("Skills to build", area.guidance.skills.clone())}
                        {material("Practices to adopt", area.guidance.practices.clone())}
                        {material("Hands-on projects", area.guidance.projects.clone())}
                        {material("Reading", area.guidance.reading.iter().map(book_line).collect())}
                    </div>
                </section>
            }
        })
        .collect_view();

    let strengths = (!plan.strengths.is_empty()).then(|| {
        view! {
            <h2>"Strengths"</h2>
            <ul class="strengths">
                {plan.strengths.iter().map(|s| view! { <li><strong>{s.name.clone()}</strong>{format!(": {} against a target of {}", whole(s.score), whole(s.target))}</li> }).collect_view()}
            </ul>
        }
    });
    let to_assess = (!plan.to_assess.is_empty()).then(|| {
        view! {
            <h2>"To assess"</h2>
            <p>{format!("Not enough answers to plan from: {}. Answer more of these questions next time before planning for them.", plan.to_assess.join(", "))}</p>
        }
    });

    let milestones = plan
        .milestones
        .iter()
        .map(|milestone| {
            let heading = match &milestone.date {
                Some(date) => format!("By day {} ({date}): {}", milestone.day, milestone.title),
                None => format!("By day {}: {}", milestone.day, milestone.title),
            };
            let items = milestone
                .items
                .iter()
                .map(|item| {
                    let key = item.key.clone();
                    let input_id = format!("plan-{}", item.key);
                    let checked = {
                        let key = key.clone();
                        move || saved.with(|s| s.checked.contains(&key))
                    };
                    let save = save.clone();
                    view! {
                        <li>
                            <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let key = key.clone();
                                save(&move |s: &mut RoadmapNotes| {
                                    s.checked.retain(|k| k != &key);
                                    if on {
                                        s.checked.push(key.clone());
                                    }
                                });
                            }/>
                            <label for=input_id>{item.text.clone()}</label>
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
        .collect_view();

    let completed_on = plan.completed_on.clone().unwrap_or_default();
    let back = {
        let attempt_id = attempt_id.clone();
        move |_| state.screen.set(Screen::Results(attempt_id.clone()))
    };
    let save_notes = save.clone();

    view! {
        <article class="roadmap" aria-labelledby="roadmap-heading">
            <header class="roadmap-header">
                <h1 id="roadmap-heading" tabindex="-1">"Development roadmap"</h1>
                <dl>
                    <dt>"Assessment"</dt><dd>{plan.set_title.clone()}</dd>
                    <dt>"Target role"</dt><dd>{plan.role_name.clone()}</dd>
                    <dt>"Date"</dt><dd>{completed_on}</dd>
                    {move || (!prepared_for.get().trim().is_empty()).then(|| view! { <dt>"Prepared for"</dt><dd>{prepared_for.get()}</dd> })}
                </dl>
            </header>
            <div class="field screen-only">
                <label for="prepared-for">"Prepared for (optional; kept only on this device)"</label>
                <input id="prepared-for" type="text" autocomplete="name" prop:value=move || prepared_for.get() on:input=move |ev| {
                    let name = event_target_value(&ev);
                    state.report(state.store.with_value(|store| store.save_prepared_for(&name)));
                    prepared_for.set(name);
                }/>
            </div>
            <div class="actions screen-only">
                <button type="button" class="primary" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print or save as PDF"</button>
                <button type="button" on:click=back>"Back to results"</button>
            </div>
            <div class="roadmap-scores">
                <div class="screen-only"><ChartFigure draw=screen_radar label=Signal::stored(radar_label.clone()) caption="Your scores (solid) against the role's targets (dashed)"/></div>
                <div class="print-only"><ChartFigure draw=print_radar width=charts::radar::PRINT_WIDTH label=Signal::stored(radar_label) caption="Your scores (solid) against the role's targets (dashed)"/></div>
                <ScoreTable report=report_signal/>
            </div>
            <h2>"Focus areas, most important first"</h2>
            {if plan.focus_areas.is_empty() {
                view! { <p>"No gaps to plan for: every dimension with a score meets the target."</p> }.into_any()
            } else {
                focus.into_any()
            }}
            {strengths}
            {to_assess}
            <h2>"Your 30/60/90-day plan"</h2>
            {milestones}
            <h2>"Notes"</h2>
            <div class="field screen-only">
                <label for="roadmap-notes">"Notes for you, your manager or your mentor (kept on this device)"</label>
                <textarea id="roadmap-notes" rows="6" prop:value=move || saved.with(|s| s.notes.clone()) on:input=move |ev| {
                    let text = event_target_value(&ev);
                    save_notes(&move |s: &mut RoadmapNotes| s.notes = text.clone());
                }></textarea>
            </div>
            <div class="print-only notes-print">
                {move || { let notes = saved.with(|s| s.notes.clone()); if notes.trim().is_empty() { "—".to_owned() } else { notes } }}
            </div>
        </article>
    }
    .into_any()
}
