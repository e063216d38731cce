//! Past results: open, export or delete any of them, compare the latest with the previous one
//! (with a trend once there are two), import a result file, and delete everything.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::chart_figure::ChartFigure;
use super::download::download;
use super::{new_attempt_id, AppState, Screen};
use crate::attempt::score_changes;
use crate::charts::{self, Palette, TrendPoint};
use crate::display::{signed_whole, whole};
use crate::model::{timestamp, ResultDocument};
use crate::scoring::score;
use crate::stored::{self, HistoryEntry};

fn date_of(document: &ResultDocument) -> String {
    document.completed_at.as_deref().and_then(timestamp::parse_rfc3339).map(timestamp::format_date).unwrap_or_default()
}

/// Every completed attempt on this device, newest first, with what can be done with each.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirm_delete = RwSignal::new(None::<String>);
    let confirm_everything = RwSignal::new(false);

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = match JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                Some(text) => text,
                None => return state.notice.set(Some("The file could not be read.".to_owned())),
            };
            state.notice.set(Some(import_file(state, &text)));
        });
    };

    let rows = move || {
        let mut entries = state.history.get();
        entries.reverse();
        if entries.is_empty() {
            return view! { <p>"No completed assessments on this device yet."</p> }.into_any();
        }
        view! {
            <table class="history">
                <caption>"Completed assessments"</caption>
                <thead><tr><th scope="col">"Date"</th><th scope="col">"Assessment"</th><th scope="col">"Role"</th><th scope="col">"Overall"</th><th scope="col">"Actions"</th></tr></thead>
                <tbody>
                    {entries.into_iter().map(|entry| history_row(state, entry, confirm_delete)).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };

    let trends = move || {
        let history = state.history.get();
        let mut set_ids: Vec<String> = history.iter().map(|e| e.document.set_id.clone()).collect();
        set_ids.sort();
        set_ids.dedup();
        set_ids.into_iter().filter_map(|set_id| {
            let set = state.set(&set_id)?;
            let attempts: Vec<&HistoryEntry> = history.iter().filter(|e| e.document.set_id == set_id).collect();
            if attempts.len() < 2 {
                return None;
            }
            let reports: Vec<_> = attempts.iter().filter_map(|e| Some(score(&set, &e.document.responses(&set).ok()?, set.role_index(&e.document.role).unwrap_or(set.default_role)))).collect();
            let points: Vec<TrendPoint> = attempts.iter().zip(&reports).map(|(e, r)| TrendPoint { label: date_of(&e.document), overall: r.overall }).collect();
            let palette = if state.dark() { Palette::DARK } else { Palette::LIGHT };
            let changes = reports.len().checked_sub(2).map(|i| score_changes(&reports[i], &reports[i + 1])).unwrap_or_default();
            let label = format!("Trend of your overall score in {} over {} attempts: {}.", set.title, points.len(),
                points.iter().map(|p| format!("{} {}", p.label, p.overall.map_or("no score".to_owned(), whole))).collect::<Vec<_>>().join(", "));
            Some(view! {
                <section class="trend" aria-label=format!("Progress in {}", set.title)>
                    <h3>{format!("{}: latest compared with the previous attempt", set.title)}</h3>
                    <ul class="changes">
                        {changes.into_iter().map(|(name, change)| view! { <li>{name}": "{change.map_or("no comparison".to_owned(), signed_whole)}</li> }).collect_view()}
                    </ul>
                    <ChartFigure draw=std::sync::Arc::new(move |width: u32| charts::trend_svg(width, &points, palette)) label=Signal::derive(move || label.clone()) caption="Overall score over time"/>
                </section>
            })
        }).collect_view()
    };

    let everything = move || {
        if confirm_everything.get() {
            view! {
                <div class="actions" role="group" aria-labelledby="delete-everything-question">
                    <p id="delete-everything-question" tabindex="-1">"Delete every result and unfinished attempt on this device? This cannot be undone."</p>
                    <button type="button" class="danger" on:click=move |_| {
                        state.delete_everything();
                        confirm_everything.set(false);
                        state.notice.set(Some("Everything Altitude kept on this device has been deleted.".to_owned()));
                    }>"Yes, delete everything"</button>
                    <button type="button" on:click=move |_| confirm_everything.set(false)>"Cancel"</button>
                </div>
            }.into_any()
        } else {
            view! {
                <button type="button" class="danger" on:click=move |_| { confirm_everything.set(true); state.focus("delete-everything-question"); }>"Delete everything"</button>
            }.into_any()
        }
    };

    view! {
        <section class="history-screen" aria-labelledby="history-heading">
            <h2 id="history-heading" tabindex="-1">"Past results"</h2>
            {rows}
            {trends}
            <div class="field">
                <label for="import-file">"Import results from a file"</label>
                <input type="file" id="import-file" accept=".json,application/json" on:change=import/>
            </div>
            <div class="actions">
                <button type="button" on:click=move |_| {
                    if let Err(reason) = download("altitude-everything.json", &stored::encode_export(&state.history.get_untracked(), &super::now())) {
                        state.notice.set(Some(format!("The export failed: {reason}")));
                    }
                }>"Export everything"</button>
            </div>
            <div class="danger-zone">{everything}</div>
        </section>
    }
}

fn history_row(state: AppState, entry: HistoryEntry, confirm_delete: RwSignal<Option<String>>) -> impl IntoView {
    let set = state.set(&entry.document.set_id);
    let title = set.as_ref().map_or(entry.document.set_id.clone(), |s| s.title.clone());
    let role_name = set
        .as_ref()
        .and_then(|s| s.role_index(&entry.document.role).map(|r| s.roles[r].name.clone()))
        .unwrap_or(entry.document.role.clone());
    let overall = set
        .as_ref()
        .and_then(|s| Some(score(s, &entry.document.responses(s).ok()?, s.role_index(&entry.document.role)?).overall))
        .map(|o| o.map_or("—".to_owned(), whole))
        .unwrap_or_else(|| "—".to_owned());
    let date = date_of(&entry.document);
    let id = entry.id.clone();
    let open = {
        let id = id.clone();
        move |_| state.screen.set(Screen::Results(id.clone()))
    };
    let roadmap = {
        let (id, role) = (id.clone(), entry.document.role.clone());
        move |_| state.screen.set(Screen::Roadmap(id.clone(), role.clone()))
    };
    let export = {
        let document = entry.document.clone();
        move |_| {
            if let Err(reason) = download(
                &format!("altitude-result-{}-{}.json", document.set_id, date_of(&document)),
                &document.to_json(),
            ) {
                state.notice.set(Some(format!("The export failed: {reason}")));
            }
        }
    };
    let asking = {
        let id = id.clone();
        move || confirm_delete.get().as_deref() == Some(id.as_str())
    };
    let actions = move || {
        let id = id.clone();
        if asking() {
            view! {
                <span role="group" aria-label="Confirm deletion">
                    <button type="button" class="danger" on:click=move |_| {
                        let id = id.clone();
                        state.remove_history(vec![id.clone()]);
                        confirm_delete.set(None);
                        state.notice.set(Some("The result was deleted.".to_owned()));
                    }>"Yes, delete"</button>
                    <button type="button" on:click=move |_| confirm_delete.set(None)>"Keep"</button>
                </span>
            }
            .into_any()
        } else {
            view! { <button type="button" on:click=move |_| confirm_delete.set(Some(id.clone()))>"Delete"</button> }
                .into_any()
        }
    };
    view! {
        <tr>
            <td>{date.clone()}</td>
            <th scope="row">{title}</th>
            <td>{role_name}</td>
            <td>{overall}</td>
            <td class="row-actions">
                <button type="button" on:click=open aria-label=format!("Open the result of {date}")>"Open"</button>
                <button type="button" on:click=roadmap aria-label=format!("Roadmap of the result of {date}")>"Roadmap"</button>
                <button type="button" on:click=export>"Export"</button>
                {actions}
            </td>
        </tr>
    }
}

/// Adds the attempts of an export file, or one result file, to this device, or says why it cannot;
/// the message is for the person. A broken or foreign file changes nothing. An unfinished result
/// becomes the attempt in progress of its set, so answers saved to a file can be resumed.
fn import_file(state: AppState, text: &str) -> String {
    let sets = state.sets.get_untracked();
    let set_for = |id: &str| {
        sets.iter().find_map(|entry| match entry {
            super::SetEntry::Loaded(set) if set.id == id => Some(set.as_ref()),
            _ => None,
        })
    };
    let entries = match stored::decode_import(text, set_for, |document| new_attempt_id(&document.set_id)) {
        Ok(entries) => entries,
        Err(reason) => return format!("This file was not imported: {reason}. Nothing was changed."),
    };
    let (finished, unfinished): (Vec<HistoryEntry>, Vec<HistoryEntry>) =
        entries.into_iter().partition(|e| e.document.completed_at.is_some());
    let mut messages = Vec::new();
    if !finished.is_empty() {
        let added = state.add_history(&finished);
        messages.push(match (added, finished.len()) {
            (0, _) => "These results are already here.".to_owned(),
            (1, 1) => format!(
                "Imported a result of “{}”.",
                set_for(&finished[0].document.set_id).map_or("", |s| s.title.as_str())
            ),
            (added, total) => format!("Imported {added} of {total} results; the others were already here."),
        });
    }
    for entry in unfinished {
        let Some(set) = set_for(&entry.document.set_id) else { continue };
        if state.attempt.with_untracked(|a| a.as_ref().is_some_and(|a| a.set_id == set.id))
            || state.saved_attempt(set).is_some()
        {
            messages.push(format!(
                "Your unfinished answers to “{}” were not imported, because another attempt at it is in progress.",
                set.title
            ));
            continue;
        }
        if let Ok(attempt) = crate::attempt::Attempt::from_document(entry.id, set, &entry.document, 0) {
            state.begin_attempt(attempt);
            messages
                .push(format!("Imported your unfinished answers to “{}”: resume them from Assessments.", set.title));
        }
    }
    messages.join(" ")
}
