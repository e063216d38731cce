//! The only code that touches localStorage: the attempt in progress per set, and the history of
//! completed attempts, under a versioned layout.
//!
//! Keys: `altitude.v1.current.<set id>` holds `{layout, id, page, result}` and `altitude.v1.history`
//! holds `{layout, attempts: [{id, result}]}`, where `result` is an `altitude.result/1` document.
//! Blocked storage (private modes, sandboxed frames) is detected before gloo-storage is used, since
//! gloo throws when the Storage object itself cannot be had.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::attempt::Attempt;
use crate::model::{QuestionSet, ResultDocument};

const NAMESPACE: &str = "altitude";
const LAYOUT: u32 = 1;

/// A completed attempt as kept in history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub id: String,
    pub document: ResultDocument,
}

/// Why something could not be saved, in words for the person.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveError(pub String);

#[derive(Serialize, Deserialize)]
struct StoredCurrent {
    layout: u32,
    id: String,
    page: usize,
    result: serde_json::Value,
}

#[derive(Serialize, Deserialize)]
struct StoredHistory {
    layout: u32,
    attempts: Vec<StoredEntry>,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    id: String,
    result: serde_json::Value,
}

fn current_key(set_id: &str) -> String {
    format!("{NAMESPACE}.v{LAYOUT}.current.{set_id}")
}

fn history_key() -> String {
    format!("{NAMESPACE}.v{LAYOUT}.history")
}

/// Whether localStorage can be used at all.
pub fn is_available() -> bool {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten()).is_some()
}

fn to_value(document: &ResultDocument) -> serde_json::Value {
    serde_json::to_value(document).expect("a result document is JSON")
}

fn from_value(value: &serde_json::Value) -> Option<ResultDocument> {
    ResultDocument::parse(value.to_string().as_bytes()).ok()
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), SaveError> {
    if !is_available() {
        return Err(SaveError("this browser does not let the page keep data; your answers last only until you close it".to_owned()));
    }
    LocalStorage::set(key, value).map_err(|error| SaveError(format!("your answers could not be saved ({error}); they are kept on this page for now")))
}

/// Saves the attempt in progress, replacing the previous save for its set.
pub fn save_current(set: &QuestionSet, attempt: &Attempt) -> Result<(), SaveError> {
    let stored = StoredCurrent { layout: LAYOUT, id: attempt.id.clone(), page: attempt.page, result: to_value(&attempt.to_document(set)) };
    write(&current_key(&set.id), &stored)
}

/// The attempt in progress for this set, if one was saved and still fits the set.
pub fn load_current(set: &QuestionSet) -> Option<Attempt> {
    if !is_available() {
        return None;
    }
    let stored: StoredCurrent = LocalStorage::get(current_key(&set.id)).ok()?;
    let document = from_value(&stored.result)?;
    Attempt::from_document(stored.id, set, &document, stored.page).ok()
}

pub fn clear_current(set_id: &str) {
    if is_available() {
        LocalStorage::delete(current_key(set_id));
    }
}

/// Completed attempts, oldest first. Entries that no longer parse are skipped, not deleted.
pub fn load_history() -> Vec<HistoryEntry> {
    if !is_available() {
        return Vec::new();
    }
    let Ok(stored) = LocalStorage::get::<StoredHistory>(history_key()) else { return Vec::new() };
    stored.attempts.iter().filter_map(|entry| Some(HistoryEntry { id: entry.id.clone(), document: from_value(&entry.result)? })).collect()
}

pub fn save_history(entries: &[HistoryEntry]) -> Result<(), SaveError> {
    let attempts = entries.iter().map(|entry| StoredEntry { id: entry.id.clone(), result: to_value(&entry.document) }).collect();
    write(&history_key(), &StoredHistory { layout: LAYOUT, attempts })
}

/// Removes every key Altitude wrote, and nothing else.
pub fn delete_everything() {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten()) else { return };
    let length = storage.length().unwrap_or(0);
    let ours: Vec<String> = (0..length).filter_map(|i| storage.key(i).ok().flatten()).filter(|key| key.starts_with(&format!("{NAMESPACE}."))).collect();
    for key in ours {
        let _ = storage.remove_item(&key);
    }
}

/// The value under `key`, exactly as stored.
pub fn raw_key(key: &str) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(key).ok()?
}

/// What the person added to the roadmap of one attempt: ticked plan items and notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RoadmapState {
    /// Keys of the ticked plan items.
    pub checked: Vec<String>,
    pub notes: String,
}

#[derive(Serialize, Deserialize)]
struct StoredRoadmap {
    layout: u32,
    #[serde(flatten)]
    state: RoadmapState,
}

#[derive(Serialize, Deserialize)]
struct StoredProfile {
    layout: u32,
    prepared_for: String,
}

fn roadmap_key(attempt_id: &str) -> String {
    format!("{NAMESPACE}.v{LAYOUT}.roadmap.{attempt_id}")
}

fn profile_key() -> String {
    format!("{NAMESPACE}.v{LAYOUT}.profile")
}

/// The roadmap state of an attempt; empty when nothing was saved.
pub fn load_roadmap(attempt_id: &str) -> RoadmapState {
    if !is_available() {
        return RoadmapState::default();
    }
    LocalStorage::get::<StoredRoadmap>(roadmap_key(attempt_id)).map(|stored| stored.state).unwrap_or_default()
}

pub fn save_roadmap(attempt_id: &str, state: &RoadmapState) -> Result<(), SaveError> {
    write(&roadmap_key(attempt_id), &StoredRoadmap { layout: LAYOUT, state: state.clone() })
}

/// Removes an attempt's roadmap state, when the attempt itself is deleted.
pub fn delete_roadmap(attempt_id: &str) {
    if is_available() {
        LocalStorage::delete(roadmap_key(attempt_id));
    }
}

/// The optional "prepared for" name printed on roadmaps; kept only on this device.
pub fn load_prepared_for() -> String {
    if !is_available() {
        return String::new();
    }
    LocalStorage::get::<StoredProfile>(profile_key()).map(|p| p.prepared_for).unwrap_or_default()
}

pub fn save_prepared_for(name: &str) -> Result<(), SaveError> {
    write(&profile_key(), &StoredProfile { layout: LAYOUT, prepared_for: name.to_owned() })
}
