//! What a person sees if the widget crashes: a message and a way to save the answers given so far.
//!
//! After a panic the wasm instance is gone, so the notice is plain DOM built in the hook, and its
//! export link carries the saved answers as a data URL that works without any of our code running.

use wasm_bindgen::JsCast;

use crate::i18n::tr;

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Altitude stopped: {info}").into());
        show_notice();
    }));
}

/// Shows the crash notice (called by the hook; public so a browser test can check it).
pub fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let Ok(notice) = document.create_element("div") else { return };
    notice.set_class_name("altitude-crash");
    let _ = notice.set_attribute("role", "alert");
    let Ok(text) = document.create_element("p") else { return };
    text.set_text_content(Some(&tr(
        "Something went wrong and the assessment stopped. Your answers so far are saved on this device; reload the page to continue, or save them as a file.",
    )));
    let _ = notice.append_child(&text);
    // The attempts in progress as a file the history screen imports back, to resume them.
    if let Some(data) = crate::storage::rescue_file() {
        if let Ok(link) = document.create_element("a") {
            let link: web_sys::HtmlAnchorElement = link.unchecked_into();
            link.set_href(&format!(
                "data:application/json;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&data))
            ));
            link.set_download(&tr("altitude-answers.json"));
            link.set_text_content(Some(&tr("Save my answers as a file")));
            let _ = notice.append_child(&link);
        }
    }
    let _ = body.prepend_with_node_1(&notice);
}
