//! One completed attempt in the table of past results, with what can be done with it.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::plumbing::download;
use crate::app::{AppState, Arrival, Screen};
use crate::display::whole;
use crate::i18n::{self, tr, trf, trn};
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
    let date = i18n::date(&result.date);
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
    let others_label = trn(
        replies,
        "Others' views of the result of {date}: {n} reply",
        "Others' views of the result of {date}: {n} replies",
        &[&date],
    );
    let export = {
        let result = result.clone();
        move |_| {
            let name = trf("altitude-result-{set}-{date}.json", &[&result.document.set_id, &result.date]);
            if let Err(reason) = download(&name, &result.document.to_json()) {
                state.tell(trf("The export failed: {reason}", &[&reason]));
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
                <span role="group" aria-label=tr("Confirm deletion")>
                    <button type="button" class="danger" on:click=move |_| {
                        state.session.remove_results(std::slice::from_ref(&id));
                        confirm_delete.set(None);
                        state.tell(tr("The result was deleted."));
                    }>{tr("Yes, delete")}</button>
                    <button type="button" on:click=move |_| confirm_delete.set(None)>{tr("Keep")}</button>
                </span>
            }
            .into_any()
        } else {
            view! { <button type="button" on:click=move |_| confirm_delete.set(Some(id.clone()))>{tr("Delete")}</button> }
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
                <button type="button" on:click=open aria-label=trf("Open the result of {date}", &[&date])>{tr("Open")}</button>
                <button type="button" on:click=roadmap aria-label=trf("Roadmap of the result of {date}", &[&date])>{tr("Roadmap")}</button>
                <button type="button" on:click=others aria-label=others_label>
                    {trf("Others' views ({count})", &[&replies.to_string()])}
                </button>
                <button type="button" on:click=export>{tr("Export")}</button>
                {actions}
            </td>
        </tr>
    }
}
