//! Past results: open, export or delete any of them, compare the latest with the previous one
//! (with a trend once there are two), import a file of results or saved answers, and delete everything.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::history_row::history_row;
use super::trend_section::trend_section;
use crate::app::plumbing::download;
use crate::app::{AppState, ElementRef};
use crate::i18n::{tr, trf};
use crate::session::trends;

/// Every completed attempt on this device, newest first, with what can be done with each.
#[component]
pub fn HistoryScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = AppState::heading(state.take_arrival());
    let results = state.session.results();
    let confirm_delete = RwSignal::new(None::<String>);
    let confirm_everything = RwSignal::new(false);
    // The question "Delete everything?" takes focus when it appears.
    let question = ElementRef::new();

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let message = match JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                Some(text) => state.session.import(&text),
                None => tr("The file could not be read."),
            };
            state.tell(message);
        });
    };

    let rows = move || {
        let results = results.get();
        if results.is_empty() {
            return view! { <p>{tr("No completed assessments on this device yet.")}</p> }.into_any();
        }
        view! {
            <table class="history">
                <caption>{tr("Completed assessments")}</caption>
                <thead><tr><th scope="col">{tr("Date")}</th><th scope="col">{tr("Assessment")}</th><th scope="col">{tr("Role")}</th><th scope="col">{tr("Overall")}</th><th scope="col">{tr("Actions")}</th></tr></thead>
                <tbody>
                    {results.into_iter().rev().map(|result| history_row(state, result, confirm_delete)).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    let trends =
        move || results.with(|r| trends(r)).into_iter().map(|trend| trend_section(state, trend)).collect_view();

    let everything = move || {
        if confirm_everything.get() {
            view! {
                <div class="actions" role="group" aria-labelledby="delete-everything-question">
                    <p id="delete-everything-question" tabindex="-1" node_ref=question>{tr("Delete every result and unfinished attempt on this device? This cannot be undone.")}</p>
                    <button type="button" class="danger" on:click=move |_| {
                        state.session.delete_everything();
                        confirm_everything.set(false);
                        state.tell(tr("Everything Altitude kept on this device has been deleted."));
                    }>{tr("Yes, delete everything")}</button>
                    <button type="button" on:click=move |_| confirm_everything.set(false)>{tr("Cancel")}</button>
                </div>
            }.into_any()
        } else {
            view! {
                <button type="button" class="danger" on:click=move |_| { confirm_everything.set(true); question.focus(); }>{tr("Delete everything")}</button>
            }.into_any()
        }
    };
    let export_everything = move |_| {
        if let Err(reason) = download(&tr("altitude-everything.json"), &state.session.export_everything()) {
            state.tell(trf("The export failed: {reason}", &[&reason]));
        }
    };

    view! {
        <section class="history-screen" aria-labelledby="history-heading">
            <h2 id="history-heading" tabindex="-1" node_ref=heading>{tr("Past results")}</h2>
            {rows}
            {trends}
            <div class="field">
                <label for="import-file">{tr("Import results from a file")}</label>
                <input type="file" id="import-file" accept=".json,application/json" on:change=import/>
            </div>
            <div class="actions">
                <button type="button" on:click=move |_| state.go(crate::app::Screen::Progress(None))>{tr("My progress: goals and notes")}</button>
                <button type="button" on:click=export_everything>{tr("Export everything")}</button>
            </div>
            <div class="danger-zone">{everything}</div>
        </section>
    }
}
