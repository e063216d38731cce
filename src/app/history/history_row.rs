//! One completed attempt in the table of past results, with what can be done with it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::plumbing::download;
use crate::app::{AppState, Arrival, Screen};
use crate::display::whole;
use crate::session::ScoredResult;

/// The row of `result`; `confirm_delete` holds the id of the result whose deletion is being confirmed.
pub fn history_row(
    state: AppState,
    result: Arc<ScoredResult>,
    confirm_delete: RwSignal<Option<String>>,
) -> impl IntoView {
    let document = &result.document;
    let scored = result.scored.as_ref().ok();
    let title = scored.map_or(document.set_id.clone(), |s| s.set.title.clone());
    let role_name = scored.map_or(document.role.clone(), |s| s.set.roles[s.role].name.clone());
    let overall = scored.and_then(|s| s.report.overall).map_or_else(|| "—".to_owned(), whole);
    let date = result.date.clone();
    let id = result.id.clone();
    let open = {
        let id = id.clone();
        move |_| state.go(Screen::Results(id.clone()))
    };
    let roadmap = {
        let (id, role) = (id.clone(), scored.map_or(usize::MAX, |s| s.role));
        move |_| state.go(Screen::Roadmap(id.clone(), role))
    };
    // Straight to the others' view of this result, with the number of replies in.
    let others = {
        let id = id.clone();
        move |_| {
            state.go_to(Screen::Results(id.clone()), Arrival::OthersView);
        }
    };
    let replies = state.session.raters(&id).replies.len();
    let export = {
        let result = result.clone();
        move |_| {
            let name = format!("altitude-result-{}-{}.json", result.document.set_id, result.date);
            if let Err(reason) = download(&name, &result.document.to_json()) {
                state.tell(format!("The export failed: {reason}"));
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
                        state.session.remove_results(std::slice::from_ref(&id));
                        confirm_delete.set(None);
                        state.tell("The result was deleted.".to_owned());
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
                <button type="button" on:click=others aria-label=format!("Others' views of the result of {date}: {replies} replies")>
                    {format!("Others' views ({replies})")}
                </button>
                <button type="button" on:click=export>"Export"</button>
                {actions}
            </td>
        </tr>
    }
}
