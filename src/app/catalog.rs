//! Loading the question sets at run time, as an async resource of the element's `src`: the one
//! set `src` names, or the catalog bundled beside the widget and every set it lists. A newer `src`
//! always wins: the resource keeps only the value of its latest load, however slow an older one is.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::host::json_object;
use super::Host;
use crate::model::{Problem, QuestionSet};

/// Where the catalog lives, relative to the bundle.
pub const CATALOG_PATH: &str = "assessments/catalog.json";

/// A question set named by the catalog, as far as loading it got.
#[derive(Debug, Clone, PartialEq)]
pub enum SetEntry {
    Loaded(Arc<QuestionSet>),
    /// The address and what went wrong: the located problems, or why it could not be fetched.
    Failed {
        url: String,
        problems: Vec<Problem>,
        reason: Option<String>,
    },
}

/// What one load gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub sets: Vec<SetEntry>,
    /// Earlier versions of the sets (the catalog's archive) that loaded: never offered, only read
    /// to show results and finish attempts taken on them.
    pub archived: Vec<Arc<QuestionSet>>,
    /// The catalog's default set id.
    pub default_set: Option<String>,
    /// Why the catalog itself could not be loaded, for the person, and the catalog's address.
    pub error: Option<(String, String)>,
}

impl Loaded {
    /// Every set that loaded, in catalog order.
    pub fn usable(&self) -> Vec<Arc<QuestionSet>> {
        self.sets.iter().filter_map(|e| if let SetEntry::Loaded(s) = e { Some(s.clone()) } else { None }).collect()
    }

    /// The loaded set with this id.
    pub fn set(&self, id: &str) -> Option<Arc<QuestionSet>> {
        self.usable().into_iter().find(|set| set.id == id)
    }

    /// The set a result of set `id` at `version` is read against: that version, else the current set.
    pub fn set_version(&self, id: &str, version: &str) -> Option<Arc<QuestionSet>> {
        crate::session::set_version(&self.usable(), &self.archived, id, version)
    }

    /// The set a person starting now would take: `wanted` (the element's `set`), else the
    /// catalog's default, else the first that loaded.
    pub fn chosen(&self, wanted: Option<&str>) -> Option<Arc<QuestionSet>> {
        wanted.or(self.default_set.as_deref()).and_then(|id| self.set(id)).or_else(|| self.usable().into_iter().next())
    }

    /// Tells the host what could not be loaded, and which set is ready.
    pub fn announce(&self, host: Host, wanted: Option<&str>) {
        if let Some((message, url)) = &self.error {
            host.emit("error", &json_object(&[("message", message), ("url", url)]));
        }
        for entry in &self.sets {
            if let SetEntry::Failed { url, problems, reason } = entry {
                let why = reason
                    .clone()
                    .unwrap_or_else(|| problems.iter().take(3).map(|p| p.to_string()).collect::<Vec<_>>().join("; "));
                let message = format!("The assessment at {url} could not be loaded: {why}");
                host.emit("error", &json_object(&[("message", &message), ("url", url)]));
            }
        }
        if let Some(set) = self.chosen(wanted) {
            host.emit("ready", &json_object(&[("set", &set.id), ("version", &set.version)]));
        }
    }
}

/// The sets, loaded again whenever the element's `src` changes.
#[derive(Clone, Copy)]
pub struct Catalog {
    loaded: RwSignal<Option<Arc<Loaded>>>,
}

impl Catalog {
    pub fn new(host: Host) -> Catalog {
        let loaded = RwSignal::new(None);
        let latest = StoredValue::new(0u32);
        Effect::new(move |_| {
            let (src, assets) = (host.attributes.src.get(), host.assets.get_value());
            latest.update_value(|n| *n += 1);
            let this_load = latest.get_value();
            leptos::task::spawn_local(async move {
                let result = Arc::new(load(src, &assets).await);
                if latest.try_get_value() == Some(this_load) {
                    loaded.set(Some(result));
                }
            });
        });
        Catalog { loaded }
    }

    /// The latest load; `None` until the first is done.
    pub fn loaded(&self) -> Option<Arc<Loaded>> {
        self.loaded.get()
    }

    pub fn loaded_untracked(&self) -> Option<Arc<Loaded>> {
        self.loaded.get_untracked()
    }

    /// The loaded set with this id.
    pub fn set(&self, id: &str) -> Option<Arc<QuestionSet>> {
        self.loaded.with_untracked(|loaded| loaded.as_ref()?.set(id))
    }

    /// The loaded set with this id at this version (an archived one), else the current set with this id.
    pub fn set_version(&self, id: &str, version: &str) -> Option<Arc<QuestionSet>> {
        self.loaded.with_untracked(|loaded| loaded.as_ref()?.set_version(id, version))
    }

    /// The earlier set versions that loaded.
    pub fn archived(&self) -> Vec<Arc<QuestionSet>> {
        self.loaded.with_untracked(|loaded| loaded.as_ref().map(|l| l.archived.clone()).unwrap_or_default())
    }
}

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

async fn read_text(request: Result<js_sys::Promise, String>) -> Result<String, String> {
    let response = JsFuture::from(request?)
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

/// Loads the set `src` names, or else the catalog and every set it lists.
async fn load(src: Option<String>, assets: &str) -> Loaded {
    let (requests, default_set, offered) = match src.filter(|s| !s.trim().is_empty()) {
        Some(src) => {
            let url = resolve(&src, &page_url());
            let request = start_fetch(&url);
            (vec![(url, request)], None, 1)
        }
        None => {
            let catalog_url = resolve(CATALOG_PATH, assets);
            let catalog = match read_text(start_fetch(&catalog_url)).await.and_then(|text| {
                crate::model::Catalog::parse(text.as_bytes())
                    .map_err(|problems| problems.iter().take(3).map(|p| p.to_string()).collect::<Vec<_>>().join("; "))
            }) {
                Ok(catalog) => catalog,
                Err(reason) => {
                    let message = format!("The list of assessments at {catalog_url} could not be loaded: {reason}.");
                    return Loaded { error: Some((message, catalog_url)), ..Loaded::default() };
                }
            };
            // All sets are requested at once, then read in catalog order; the archive after them.
            let files = catalog.sets.iter().map(|entry| &entry.file).chain(&catalog.archive);
            let requests = files
                .map(|file| resolve(file, &catalog_url))
                .map(|url| {
                    let request = start_fetch(&url);
                    (url, request)
                })
                .collect();
            (requests, catalog.default, catalog.sets.len())
        }
    };
    let mut sets = Vec::with_capacity(requests.len());
    for (url, request) in requests {
        sets.push(checked_set(url, read_text(request).await));
    }
    // An archived version that does not load only leaves its results unreadable: not an error to announce.
    let archived =
        sets.split_off(offered).into_iter().filter_map(|e| if let SetEntry::Loaded(s) = e { Some(s) } else { None });
    Loaded { sets, archived: archived.collect(), default_set, error: None }
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
