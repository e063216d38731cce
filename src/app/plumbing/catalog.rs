//! Loading the question sets at run time, again whenever the element's `src` changes (an effect
//! over that attribute, starting a task): the one set `src` names, or the catalog bundled beside the
//! widget and every set it lists. A newer `src` always wins: each load is numbered, and only the
//! latest one's steps are kept, however slow an older one is. (Not Leptos's async resources: a
//! load hands out two values, its first step and the whole, and the two resources that takes cost
//! 12 KB of gzip in the first download, measured with `LocalResource` and with `AsyncDerived`.)
//!
//! A catalog that states every set's start-screen facts is loaded in two steps, so the start screen
//! does not wait for sets nobody has picked yet: first the catalog and the set shown first (the
//! element's `set`, else the default, else the first), then, once the start screen has been
//! painted, the other sets and the archive, all requested together. A catalog of plain file names
//! is loaded in one step, every set before anything shows.

use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{tr, trf};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{language_module, Host};
use crate::host_event::{LoadError, Ready};
use crate::model::{Problem, QuestionSet, SetFacts};
use crate::session::Archive;

/// Where the catalog lives, relative to the bundle.
pub const CATALOG_PATH: &str = "assessments/catalog.json";

/// A question set named by the catalog, as far as loading it got.
#[derive(Debug, Clone, PartialEq)]
pub enum SetEntry {
    Loaded(Arc<QuestionSet>),
    /// Still on its way: what the catalog states about it, for the start screen to list it.
    Loading(SetFacts),
    /// The address and what went wrong: the located problems, or why it could not be fetched.
    Failed {
        url: String,
        problems: Vec<Problem>,
        reason: Option<String>,
    },
}

impl SetEntry {
    /// What the start screen shows of this set: its own facts once loaded, else the catalog's.
    pub fn facts(&self) -> Option<SetFacts> {
        match self {
            SetEntry::Loaded(set) => Some(SetFacts::of(set)),
            SetEntry::Loading(facts) => Some(facts.clone()),
            SetEntry::Failed { .. } => None,
        }
    }

    /// The id of a set that is offered, loaded or on its way.
    fn id(&self) -> Option<&str> {
        match self {
            SetEntry::Loaded(set) => Some(&set.id),
            SetEntry::Loading(facts) => Some(&facts.id),
            SetEntry::Failed { .. } => None,
        }
    }
}

/// How far one load has come. A catalog that states every set's start-screen facts is loaded
/// through both phases; the set the element's `src` names, a catalog of plain file names, or a
/// catalog that fails is `Complete` at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    /// The catalog and the set shown first: enough for the start screen. The other listed sets
    /// are `SetEntry::Loading`, and archived versions may still arrive.
    #[default]
    FirstSet,
    /// Every listed set and the archive arrived, or failed.
    Complete,
}

/// What one load gave so far.
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
    /// Which load this is: the two steps of one load share it.
    pub load: u32,
    /// The index of the set loaded in the `FirstSet` phase, when the load had that phase.
    pub shown_first: Option<usize>,
    pub phase: Phase,
}

impl Loaded {
    /// Whether the start screen shows the same list of sets for `other` as for this load: each
    /// set's facts, or none for one that failed.
    fn lists_as(&self, other: &Loaded) -> bool {
        self.load == other.load
            && self.sets.len() == other.sets.len()
            && self.sets.iter().zip(&other.sets).all(|(this, that)| this.facts() == that.facts())
    }

    /// A catalog's load before any of its files has arrived, with the addresses of its files (its
    /// listed sets, then its archive); or, when the catalog cannot be read, the complete load that
    /// says why.
    fn listed_in(
        catalog: &Result<Vec<u8>, String>,
        catalog_url: &str,
        wanted: Option<&str>,
        load: u32,
    ) -> Result<(Loaded, Vec<String>), Loaded> {
        let catalog = catalog
            .as_ref()
            .map_err(String::clone)
            .and_then(|bytes| crate::model::Catalog::parse(bytes).map_err(|problems| problem_summary(&problems)))
            .map_err(|reason| {
                let message =
                    trf("The list of assessments at {url} could not be loaded: {reason}.", &[catalog_url, &reason]);
                Loaded {
                    error: Some((message, catalog_url.to_owned())),
                    load,
                    phase: Phase::Complete,
                    ..Loaded::default()
                }
            })?;
        let files = catalog.sets.iter().map(|entry| &entry.file).chain(&catalog.archive);
        let urls = files.map(|file| resolve(file, catalog_url)).collect();
        let loaded = Loaded {
            // Until they arrive, the listed sets are what the catalog states about them.
            sets: catalog
                .sets
                .iter()
                .map(|listed| SetEntry::Loading(listed.facts.clone().unwrap_or_default()))
                .collect(),
            default_set: catalog.default.clone(),
            load,
            shown_first: catalog.first_shown(wanted),
            ..Loaded::default()
        };
        Ok((loaded, urls))
    }

    /// Puts file `i` of a catalog's load (its listed sets, then its archive), read, in its place.
    fn place(&mut self, i: usize, entry: SetEntry) {
        match self.sets.get_mut(i) {
            Some(listed) => *listed = entry,
            // An archived version that does not load only leaves its results unreadable: not an
            // error to announce.
            None => self.archived.extend(if let SetEntry::Loaded(set) = entry { Some(set) } else { None }),
        }
    }

    /// Every set that loaded, in catalog order.
    pub fn usable(&self) -> Vec<Arc<QuestionSet>> {
        self.sets.iter().filter_map(|e| if let SetEntry::Loaded(s) = e { Some(s.clone()) } else { None }).collect()
    }

    /// The loaded set with this id.
    pub fn set(&self, id: &str) -> Option<Arc<QuestionSet>> {
        self.usable().into_iter().find(|set| set.id == id)
    }

    pub fn is_complete(&self) -> bool {
        self.phase == Phase::Complete
    }

    /// Whether the archive may still grow.
    pub fn archive(&self) -> Archive {
        if self.is_complete() {
            Archive::Loaded
        } else {
            Archive::Loading
        }
    }

    /// The set a result of set `id` at `version` is read against: that version, else (once the
    /// archive is in) the current set.
    pub fn set_version(&self, id: &str, version: &str) -> Option<Arc<QuestionSet>> {
        crate::session::set_version(&self.usable(), &self.archived, self.archive(), id, version)
    }

    /// The id of the set a person starting now would take, loaded or on its way: `wanted` (the
    /// element's `set`, or the person's pick) if it is offered, else the catalog's default, else the first.
    pub fn chosen_id(&self, wanted: Option<&str>) -> Option<&str> {
        let offered = |id: &str| self.sets.iter().filter_map(SetEntry::id).find(|offered| *offered == id);
        wanted
            .and_then(offered)
            .or_else(|| self.default_set.as_deref().and_then(offered))
            .or_else(|| self.sets.iter().find_map(SetEntry::id))
    }

    /// That set, once it has loaded.
    pub fn chosen(&self, wanted: Option<&str>) -> Option<Arc<QuestionSet>> {
        self.set(self.chosen_id(wanted)?)
    }

    /// Tells the host what could not be loaded, and which set is ready: what this step of the load
    /// adds to what `told` says was told, so nothing is announced twice; then notes it in `told`.
    /// A first step holds only the set shown first; the complete load announces the others (all of
    /// them when its first step was never told: both steps may be kept before anyone reads the
    /// first, as a catalog of one set has nothing to wait for in between). Ready is sent once per
    /// load, when the set a person starting now would take has loaded (which set that is may
    /// change while loading: the element's `set`).
    pub fn announce(&self, host: Host, wanted: Option<&str>, told: &mut Told) {
        let (first_step_told, ready_told) = (told.first_step == self.load, told.ready == self.load);
        if !self.is_complete() {
            told.first_step = self.load;
        }
        if let Some((message, url)) = &self.error {
            host.emit(&LoadError { message, url });
        }
        let told_in_first_step = |i: usize| first_step_told && self.is_complete() && self.shown_first == Some(i);
        for (i, entry) in self.sets.iter().enumerate() {
            if let (SetEntry::Failed { url, problems, reason }, false) = (entry, told_in_first_step(i)) {
                let why = reason.clone().unwrap_or_else(|| problem_summary(problems));
                let message = trf("The assessment at {url} could not be loaded: {reason}", &[url, &why]);
                host.emit(&LoadError { message: &message, url });
            }
        }
        if let (Some(set), false) = (self.chosen(wanted), ready_told) {
            host.emit(&Ready { set: &set.id, version: &set.version });
            told.ready = self.load;
        }
    }
}

/// How far each load has been followed, by load number (loads are numbered from 1; 0 is none):
/// what [`restore_screen_when_loaded`](super::screen_memory) keeps between the steps of the loads.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Told {
    /// The latest load whose screen was restored.
    pub restored: u32,
    /// The latest load whose first step was announced to the host.
    pub first_step: u32,
    /// The latest load whose `altitude-ready` was sent.
    pub ready: u32,
}

/// The sets, loaded again whenever the element's `src` changes.
#[derive(Clone, Copy)]
pub struct Catalog {
    loaded: RwSignal<Option<Arc<Loaded>>>,
    /// The same loads, but changed only when the list of sets as the start screen shows it
    /// changes: not when a set listed from the catalog's facts arrives, so the list is not drawn
    /// again (losing the person's focus on it) for nothing.
    listing: RwSignal<Option<Arc<Loaded>>>,
}

impl Catalog {
    pub fn new(host: Host) -> Catalog {
        let (loaded, listing) = (RwSignal::new(None), RwSignal::new(None));
        let latest = StoredValue::new(0u32);
        Effect::new(move |_| {
            let (src, assets) = (host.attributes.src.get(), host.assets.get_value());
            let wanted = host.attributes.set.get_untracked();
            latest.update_value(|n| *n += 1);
            let this_load = latest.get_value();
            leptos::task::spawn_local(async move {
                // Each step of this load is kept only while no newer load has begun (and the widget
                // is still there); otherwise the load stops at its next step.
                let current = move || latest.try_get_value() == Some(this_load);
                let keep = move |step: Loaded| {
                    if current() {
                        // The list is drawn again only when it would show something else: a
                        // new load, a set failed, or a set's facts other than the catalog said.
                        let relist = listing.with_untracked(|shown| {
                            !shown.as_ref().is_some_and(|shown: &Arc<Loaded>| shown.lists_as(&step))
                        });
                        let step = Some(Arc::new(step));
                        if relist {
                            listing.set(step.clone());
                        }
                        loaded.set(step);
                    }
                };
                load(host, src, &assets, wanted.as_deref(), this_load, &current, &keep).await;
            });
        });
        Catalog { loaded, listing }
    }

    /// The latest load; `None` until its first step is done.
    pub fn loaded(&self) -> Option<Arc<Loaded>> {
        self.loaded.get()
    }

    pub fn loaded_untracked(&self) -> Option<Arc<Loaded>> {
        self.loaded.get_untracked()
    }

    /// Whether the latest load is still on its way (tracked), for `prop:disabled` on what waits for
    /// all of it: one closure type for each such button (each closure is a view type in the wasm).
    pub fn incomplete(self) -> impl Fn() -> bool + Copy + 'static {
        move || !self.loaded().is_some_and(|loaded| loaded.is_complete())
    }

    /// The latest load as far as the start screen's list of sets needs it.
    pub fn listing(&self) -> Option<Arc<Loaded>> {
        self.listing.get()
    }

    /// The loaded set with this id.
    pub fn set(&self, id: &str) -> Option<Arc<QuestionSet>> {
        self.loaded.with_untracked(|loaded| loaded.as_ref()?.set(id))
    }

    /// The loaded set with this id at this version (an archived one), else the current set with this id.
    pub fn set_version(&self, id: &str, version: &str) -> Option<Arc<QuestionSet>> {
        self.loaded.with_untracked(|loaded| loaded.as_ref()?.set_version(id, version))
    }

    /// The earlier set versions that loaded, and whether more may still arrive.
    pub fn archived(&self) -> (Vec<Arc<QuestionSet>>, Archive) {
        self.loaded.with_untracked(|loaded| match loaded {
            Some(loaded) => (loaded.archived.clone(), loaded.archive()),
            None => (Vec::new(), Archive::Loading),
        })
    }
}

/// The first few problems of a document, in one sentence, for the person and the page.
pub(super) fn problem_summary(problems: &[Problem]) -> String {
    problems.iter().take(3).map(|p| p.to_string()).collect::<Vec<_>>().join("; ")
}

/// `relative` resolved against `base`, as the browser would.
pub(super) fn resolve(relative: &str, base: &str) -> String {
    web_sys::Url::new_with_base(relative, base).map(|url| url.href()).unwrap_or_else(|_| relative.to_owned())
}

fn page_url() -> String {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default()
}

/// Starts fetching `url` at once (a JS promise runs eagerly, unlike a Rust future), or takes the
/// request the element made for it before the wasm ran (see `Host::take_prefetched`).
pub(super) fn start_fetch(host: Host, url: &str) -> Result<js_sys::Promise, String> {
    match host.take_prefetched(url) {
        Some(request) => Ok(request),
        None => Ok(web_sys::window().ok_or("no window")?.fetch_with_str(url)),
    }
}

/// How long the load waits for one file, from the moment it needs it to the file's last byte. A
/// server that accepts the request and never answers would otherwise hold the load, and the
/// masthead that waits for it, for as long as the page is open; a minute is room for a set of
/// 100 KB on a poor mobile link. Counted from the wait, not the request: files are read one after
/// another, and one that arrived while an earlier one hung must not fail for having been read late.
const PATIENCE_MS: i32 = 60_000;

/// The body of a response as bytes, as they came: no detour through a JS string, and bytes that
/// are not UTF-8 are the loader's to report, at their place. `request` resolves with a response, or
/// with the bytes of one the element read ahead (`Host::take_prefetched`). Fails after `PATIENCE_MS`.
pub(super) async fn read_bytes(request: Result<js_sys::Promise, String>) -> Result<Vec<u8>, String> {
    let request = request?;
    // Resolves with `undefined` once the time is up, which neither a response nor a body is.
    let deadline = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, PATIENCE_MS);
        }
    });
    let in_time =
        |promise: &js_sys::Promise| JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(promise, &deadline)));
    let too_late = || trf("nothing complete arrived within {seconds} seconds", &[&(PATIENCE_MS / 1000).to_string()]);
    let response = in_time(&request)
        .await
        .map_err(|_| tr("the request failed (network error or blocked by the server's CORS policy)"))?;
    if response.is_undefined() {
        return Err(too_late());
    }
    // A request the element made before the wasm ran, whose body it has read already.
    if let Some(body) = response.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(body).to_vec());
    }
    let response: web_sys::Response = response.dyn_into().map_err(|_| tr("not a response"))?;
    if !response.ok() {
        return Err(trf(
            "the server answered {status}",
            &[&format!("{} {}", response.status(), response.status_text())],
        ));
    }
    let body = in_time(&response.array_buffer().map_err(|_| tr("the response has no body"))?)
        .await
        .map_err(|_| tr("the response could not be read"))?;
    if body.is_undefined() {
        return Err(too_late());
    }
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// Waits until `schedule` has called back (it is given the window and the function to call). A
/// page in the background paints nothing and runs timers at most once a second: there, waiting to
/// let the browser draw would only hold the load back, so it does not wait.
async fn called_back(schedule: &dyn Fn(&web_sys::Window, &js_sys::Function)) {
    if web_sys::window().and_then(|window| window.document()).is_some_and(|document| document.hidden()) {
        return;
    }
    let mut wait = |resolve: js_sys::Function, _reject: js_sys::Function| {
        if let Some(window) = web_sys::window() {
            schedule(&window, &resolve);
        }
    };
    let _ = JsFuture::from(js_sys::Promise::new(&mut wait)).await;
}

/// Waits until what was just drawn has been painted: the next animation frame, then a task of
/// its own after it (a zero timeout alone often runs before the frame). Should the page be hidden
/// meanwhile, a timeout of 100 ms (a second, as hidden pages run timers) stands in for the frame.
async fn after_paint() {
    called_back(&|window, resolve| {
        let _ = window.request_animation_frame(resolve);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(resolve, 100);
    })
    .await;
    next_task().await;
}

/// Waits for a task of its own (a zero timeout), so the browser can draw and answer in between.
async fn next_task() {
    called_back(&|window, resolve| {
        let _ = window.set_timeout_with_callback(resolve);
    })
    .await;
}

/// Loads the set `src` names, or else the catalog and every set it lists, handing each phase's
/// sets to `keep` (one async function: a second one costs the first download a state machine).
async fn load(
    host: Host,
    src: Option<String>,
    assets: &str,
    wanted: Option<&str>,
    load: u32,
    current: &dyn Fn() -> bool,
    keep: &dyn Fn(Loaded),
) {
    if let Some(src) = src.filter(|s| !s.trim().is_empty()) {
        let url = resolve(&src, &page_url());
        let request = start_fetch(host, &url);
        let sets = vec![checked_set(url, read_bytes(request).await)];
        return keep(Loaded { sets, load, phase: Phase::Complete, ..Loaded::default() });
    }
    let catalog_url = resolve(CATALOG_PATH, assets);
    let catalog = read_bytes(start_fetch(host, &catalog_url)).await;
    if !current() {
        return;
    }
    // Spoken to in another language than English: each listed set goes through the language
    // module, which puts it in that language when the catalog lists a translation of it.
    let (mut loaded, urls) = match Loaded::listed_in(&catalog, &catalog_url, wanted, load) {
        Ok(listed) => listed,
        // A catalog that fails is a complete load with its error.
        Err(error) => return keep(error),
    };
    let translations = match catalog {
        Ok(bytes) if !crate::i18n::speaks_english() => {
            Some(Rc::new(language_module::Catalog { url: catalog_url.clone(), bytes }))
        }
        _ => None,
    };
    // `FirstSet`, before the start screen: the set shown first (preloaded beside the wasm), alone.
    // Then, once the start screen is painted, the rest: every other file, requested at once
    // (requesting five files costs the start screen ~15 ms of main thread, and nothing on it needs
    // them), each read in a task of its own, so the browser can draw and answer in between.
    // Without a set shown first, there is no `FirstSet`: every file is requested at once and read
    // in order, before anything shows.
    let shown_first = loaded.shown_first;
    let mut order: Vec<usize> = shown_first.into_iter().collect();
    order.extend((0..urls.len()).filter(|&i| Some(i) != shown_first));
    let request = |&i: &usize| start_fetch(host, &urls[i]);
    // By position in `order`: all at once without a set shown first; else the first now, and the
    // rest once the start screen is painted.
    let mut requests: Vec<_> =
        order[..if shown_first.is_some() { 1 } else { order.len() }].iter().map(request).collect();
    // One loop, so the file read, its check and its translation are awaited in one place each
    // (each place an await is written is code in the first download).
    for (n, i) in order.iter().copied().enumerate() {
        if shown_first.is_some() && n == 1 {
            keep(loaded.clone());
            after_paint().await;
            requests.extend(order[1..].iter().map(request));
        } else if shown_first.is_some() && n > 1 {
            next_task().await;
        }
        if !current() {
            return;
        }
        let read = read_bytes(std::mem::replace(&mut requests[n], Err(String::new()))).await;
        let mut entry = checked_set(urls[i].clone(), read);
        if let (Some(catalog), SetEntry::Loaded(set), true) = (&translations, &entry, i < loaded.sets.len()) {
            if let Some(translated) = language_module::in_language_spoken(host, catalog.clone(), set.clone()).await {
                entry = SetEntry::Loaded(translated);
            }
        }
        loaded.place(i, entry);
    }
    loaded.phase = Phase::Complete;
    keep(loaded);
}

/// A fetched set, checked.
fn checked_set(url: String, bytes: Result<Vec<u8>, String>) -> SetEntry {
    match bytes {
        Ok(bytes) => match QuestionSet::load(&bytes) {
            Ok(set) => SetEntry::Loaded(Arc::new(set)),
            Err(problems) => SetEntry::Failed { url, problems, reason: None },
        },
        Err(reason) => SetEntry::Failed { url, problems: Vec::new(), reason: Some(reason) },
    }
}
