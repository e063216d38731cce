//! A link to send: a read-only field with its label, and a "Copy link" button beside it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::AppState;

/// Shows `link` in a read-only field labelled `label`, with a button that copies it. Where the
/// browser refuses the clipboard, the link is selected instead, for the person to copy.
#[component]
pub fn LinkField(
    /// The field's label ("Invitation link", "Reply link").
    label: &'static str,
    /// The field's id, unique in the widget.
    id: String,
    link: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (field_id, shown) = (id.clone(), link.clone());
    let copy = move |_| {
        let field_id = field_id.clone();
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else { return };
        let promise = clipboard.write_text(&link);
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => state.tell("Link copied. Paste it into a message.".to_owned()),
                Err(_) => {
                    if let Some(input) =
                        state.host.find(&field_id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        input.select();
                        let _ = input.focus();
                    }
                    state.tell(
                        "This page may not copy for you: the link is selected, so copy it with Ctrl+C (⌘C on a Mac)."
                            .to_owned(),
                    );
                }
            }
        });
    };
    view! {
        <div class="field link-field">
            <label for=id.clone()>{label}</label>
            <div class="link-row">
                <input type="text" id=id readonly prop:value=shown spellcheck="false" autocomplete="off"/>
                <button type="button" on:click=copy>"Copy link"</button>
            </div>
        </div>
    }
}
