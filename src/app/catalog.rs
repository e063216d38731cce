//! Loading the question sets at run time: the catalog bundled beside the widget, or the one set
//! an element's `src` names; reloading when the attributes change; telling the host how it went.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{AppState, Screen, SetEntry};
use crate::model::json::{self, Json};
use crate::model::QuestionSet;

/// Where the catalog lives, relative to the bundle.
pub const CATALOG_PATH: &str = "assessments/catalog.json";

/// `relative` resolved against `base`, as the browser would.
fn resolve(relative: &str, base: &str) -> String {
    web_sys::Url::new_with_base(relative, base).map(|url| url.href()).unwrap_or_else(|_| relative.to_owned())
}

fn page_url() -> String {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default()
}

/// Starts fetching `url` at once (a JS promise runs eagerly, unlike a Rust future).
fn start_fetch(url: &str) -> Result<js_sys::Promise, String> {
    Ok(web_sys::window().ok_or("no window")?.fetch_with_str(url))
}

async fn read_text(request: js_sys::Promise) -> Result<String, String> {
    let response = JsFuture::from(request)
        .await
        .map_err(|_| "the request failed (network error or blocked by the server's CORS policy)".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("the server answered {} {}", response.status(), response.status_text()));
    }
    let text = JsFuture::from(response.text().map_err(|_| "the response has no body")?)
        .await
        .map_err(|_| "the response could not be read")?;
    text.as_string().ok_or_else(|| "the response is not text".to_owned())
}

/// Loads the sets now and again whenever `src` or `set` changes.
pub fn follow_attributes(state: AppState) {
    Effect::new(move |_| {
        let src = state.attributes.src.get();
        state.attributes.set.track();
        leptos::task::spawn_local(load(state, src));
    });
}

/// Loads the set `src` names, or else the catalog and every set it lists, into `state`; then
/// restores the screen and tells the host.
async fn load(state: AppState, src: Option<String>) {
    let requests: Vec<(String, Result<js_sys::Promise, String>)> = match src.filter(|s| !s.trim().is_empty()) {
        Some(src) => {
            let url = resolve(&src, &page_url());
            let request = start_fetch(&url);
            state.default_set.set(None);
            vec![(url, request)]
        }
        None => {
            let catalog_url = resolve(CATALOG_PATH, &state.assets.get_value());
            let parsed = match start_fetch(&catalog_url) {
                Ok(request) => read_text(request).await.and_then(|text| parse_catalog(&text)),
                Err(reason) => Err(reason),
            };
            let (files, default) = match parsed {
                Ok(parsed) => parsed,
                Err(reason) => {
                    let message = format!("The list of assessments at {catalog_url} could not be loaded: {reason}.");
                    state.emit("error", &json_object(&[("message", &message), ("url", &catalog_url)]));
                    state.catalog_error.set(Some(message));
                    state.screen.set(Screen::Start);
                    return;
                }
            };
            state.default_set.set(default);
            // All sets are requested at once, then read in catalog order.
            files.iter().map(|file| (resolve(file, &catalog_url), start_fetch(&resolve(file, &catalog_url)))).collect()
        }
    };
    let mut entries = Vec::with_capacity(requests.len());
    for (url, request) in requests {
        let text = match request {
            Ok(request) => read_text(request).await,
            Err(reason) => Err(reason),
        };
        entries.push(checked_set(url, text));
    }
    for entry in &entries {
        if let SetEntry::Failed { url, problems, reason } = entry {
            let why = reason
                .clone()
                .unwrap_or_else(|| problems.iter().take(3).map(|p| p.to_string()).collect::<Vec<_>>().join("; "));
            let message = format!("The assessment at {url} could not be loaded: {why}");
            state.emit("error", &json_object(&[("message", &message), ("url", url)]));
        }
    }
    state.catalog_error.set(None);
    state.sets.set(entries);
    if let Some(set) = state.chosen_set() {
        state.emit("ready", &json_object(&[("set", &set.id), ("version", &set.version)]));
    }
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
    let Json::Object(pairs) =
        json::parse(text.as_bytes()).map_err(|e| format!("{} at line {}, column {}", e.message, e.line, e.column))?
    else {
        return Err("it is not a JSON object".to_owned());
    };
    let field = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let Some(Json::Array(sets)) = field("sets") else { return Err("it has no \"sets\" list".to_owned()) };
    let files = sets
        .iter()
        .map(|s| {
            if let Json::String(s) = s {
                Ok(s.clone())
            } else {
                Err("every entry of \"sets\" must be a file name".to_owned())
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let default = match field("default") {
        Some(Json::String(id)) => Some(id.clone()),
        _ => None,
    };
    Ok((files, default))
}

/// A flat JSON object of strings, for event details.
fn json_object(fields: &[(&str, &str)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| {
            format!("{}:{}", serde_json::to_string(k).unwrap_or_default(), serde_json::to_string(v).unwrap_or_default())
        })
        .collect();
    format!("{{{}}}", body.join(","))
}
