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

/// The body of `url` as text, or why it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| "the request failed (network error or blocked by the server's CORS policy)".to_owned())?;
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
    let mut entries = Vec::with_capacity(files.len());
    for file in files {
        let url = resolve(&file, &catalog_url);
        entries.push(load_set(url).await);
    }
    state.sets.set(entries);
    state.screen.set(Screen::Start);
}

/// Fetches and checks one set.
pub async fn load_set(url: String) -> SetEntry {
    match fetch_text(&url).await {
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
