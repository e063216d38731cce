//! A link to send: a read-only field with its label, and a "Copy link" button beside it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::{AppState, ElementRef};
use crate::i18n::tr;

/// Shows `link` in a read-only field labelled `label`, with a button that copies it. Where the
/// browser refuses the clipboard, the link is selected instead, for the person to copy.
#[component]
pub fn LinkField(
    /// The field's label in English ("Invitation link", "Reply link"), marked with `msg`: it is
    /// looked up here.
    label: &'static str,
    /// The field's id, unique in the widget.
    id: String,
    link: String,
    /// The field's focus target (a new invitation's field takes focus as it appears).
    #[prop(optional)]
    field: Option<ElementRef>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let field = field.unwrap_or_else(ElementRef::new);
    let shown = link.clone();
    let copy = move |_| {
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else { return };
        let promise = clipboard.write_text(&link);
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => state.tell(tr("Link copied. Paste it into a message.")),
                Err(_) => {
                    field.select();
                    state.tell(tr(
                        "This page may not copy for you: the link is selected, so copy it with Ctrl+C (⌘C on a Mac).",
                    ));
                }
            }
        });
    };
    view! {
        <div class="field link-field">
            <label for=id.clone()>{tr(label)}</label>
            <div class="link-row">
                <input type="text" id=id node_ref=field readonly prop:value=shown spellcheck="false" autocomplete="off"/>
                <button type="button" on:click=copy>{tr("Copy link")}</button>
            </div>
        </div>
    }
}
