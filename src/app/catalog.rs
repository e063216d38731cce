//! Fetching the catalog of question sets and the sets it lists, at run time.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{AppState, Screen, SetEntry};
use crate::model::QuestionSet;

/// Where the catalog lives, relative to the page.
pub const CATALOG_URL: &str = "assessments/catalog.json";

/// `relative` resolved against `base`, as the browser would.
fn resolve(relative: &str, base: &str) -> String {
    web_sys::Url::new_with_base(relative, base).map(|url| url.href()).unwrap_or_else(|_| relative.to_owned())
}

fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Starts fetching `url` at once (a JS promise runs eagerly, unlike a Rust future).
fn start_fetch(url: &str) -> Result<js_sys::Promise, String> {
    Ok(web_sys::window().ok_or("no window")?.fetch_with_str(url))
}

/// The body of `url` as text, or why it could not be had.
async fn fetch_text(url: &str) -> Result<String, String> {
    read_text(start_fetch(url)?).await
}

async fn read_text(request: js_sys::Promise) -> Result<String, String> {
    let response = JsFuture::from(request).await.map_err(|_| "the request failed (network error or blocked by the server's CORS policy)".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("the server answered {} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "the response has no body")?).await.map_err(|_| "the response could not be read")?;
    text.as_string().ok_or_else(|| "the response is not text".to_owned())
}

/// Loads the catalog and every set it lists into `state`, then shows the start screen.
pub async fn load(state: AppState) {
    let catalog_url = resolve(CATALOG_URL, &page_url());
    let catalog = match fetch_text(&catalog_url).await {
        Ok(text) => text,
        Err(reason) => {
            state.catalog_error.set(Some(format!("The list of assessments at {catalog_url} could not be loaded: {reason}.")));
            state.screen.set(Screen::Start);
            return;
        }
    };
    let (files, default) = match parse_catalog(&catalog) {
        Ok(parsed) => parsed,
        Err(reason) => {
            state.catalog_error.set(Some(format!("The list of assessments at {catalog_url} is not valid: {reason}.")));
            state.screen.set(Screen::Start);
            return;
        }
    };
    state.default_set.set(default);
    // All sets are requested at once, then read in catalog order.
    let requests: Vec<(String, Result<js_sys::Promise, String>)> = files
        .iter()
        .map(|file| {
            let url = resolve(file, &catalog_url);
            let request = start_fetch(&url);
            (url, request)
        })
        .collect();
    let mut entries = Vec::with_capacity(requests.len());
    for (url, request) in requests {
        let text = match request {
            Ok(request) => read_text(request).await,
            Err(reason) => Err(reason),
        };
        entries.push(checked_set(url, text));
    }
    state.sets.set(entries);
    super::restore_screen(state);
}

/// A fetched set, checked.
fn checked_set(url: String, text: Result<String, String>) -> SetEntry {
    match text {
        Ok(text) => match QuestionSet::load(text.as_bytes()) {
            Ok(set) => SetEntry::Loaded(Arc::new(set)),
            Err(problems) => SetEntry::Failed { url, problems, reason: None },
        },
        Err(reason) => SetEntry::Failed { url, problems: Vec::new(), reason: Some(reason) },
    }
}

/// The catalog: `{"default": id?, "sets": [file, ...]}`.
fn parse_catalog(text: &str) -> Result<(Vec<String>, Option<String>), String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let sets = value.get("sets").and_then(|s| s.as_array()).ok_or("it has no \"sets\" list")?;
    let files = sets.iter().map(|s| s.as_str().map(str::to_owned).ok_or("every entry of \"sets\" must be a file name")).collect::<Result<Vec<_>, _>>()?;
    let default = value.get("default").and_then(|d| d.as_str()).map(str::to_owned);
    Ok((files, default))
}
