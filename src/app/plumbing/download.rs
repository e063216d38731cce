//! Saving a text file to the person's device.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `file_name`.
pub fn download(file_name: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(if file_name.ends_with(".csv") { "text/csv" } else { "application/json" });
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the file could not be prepared")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the file could not be prepared")?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "no link")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
