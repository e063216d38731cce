//! The only code that touches localStorage (through gloo-storage). It treats the browser's storage
//! like a database that can be missing, full, shared with other tabs, or written by another version.
//!
//! Keys, under the widget's namespace (its storage key, `altitude` by default):
//! `<ns>.v1.current.<set id>` the attempt in progress, `<ns>.v1.history` completed attempts with their
//! roadmap notes, `<ns>.v1.profile` the "prepared for" name, and `<ns>.backup.<time>.<key>` values
//! that could not be read, set aside rather than deleted. What the values hold is `stored.rs`'s business.
//!
//! Writes are read-merge-write: what another tab saved is folded in first, so neither tab's answers
//! or results are lost. A value written by a newer Altitude is never overwritten.

use gloo_storage::{LocalStorage, Storage};

use crate::attempt::Attempt;
use crate::model::QuestionSet;
use crate::stored::{self, Decoded, HistoryEntry};

/// Why something could not be kept; the widget tells the person and keeps working in memory.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageProblem {
    /// The browser gives no storage (private modes, sandboxed frames, blocked site data).
    Blocked,
    /// The storage is full.
    Full,
    /// A newer Altitude wrote this value; this version leaves it alone.
    Newer,
    /// Unreadable values were moved to the named backup keys.
    SetAside(Vec<String>),
}

impl StorageProblem {
    pub fn message(&self) -> String {
        match self {
            StorageProblem::Blocked => "This browser does not let the page keep data, so nothing will be kept after you close it. Save your answers to a file to keep them.".to_owned(),
            StorageProblem::Full => "The browser's storage for this site is full, so your latest answers are kept only on this page for now. Altitude tries again with your next answer; save them to a file to be safe.".to_owned(),
            StorageProblem::Newer => "A newer version of Altitude saved data here. This version leaves it untouched, so your changes are kept only on this page; save them to a file to keep them.".to_owned(),
            StorageProblem::SetAside(keys) => format!("Some saved data could not be read and was set aside, not deleted (under {}). Everything else was loaded.", keys.join(", ")),
        }
    }
}

/// localStorage under one widget's namespace.
#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    namespace: String,
}

fn raw() -> Option<web_sys::Storage> {
    // gloo's `raw()` throws when storage is blocked, so availability is checked first.
    web_sys::window()?.local_storage().ok()??;
    Some(LocalStorage::raw())
}

impl Store {
    pub fn new(namespace: &str) -> Store {
        Store { namespace: namespace.to_owned() }
    }

    fn current_key(&self, set_id: &str) -> String {
        format!("{}.v{}.current.{set_id}", self.namespace, stored::LAYOUT)
    }

    pub fn history_key(&self) -> String {
        format!("{}.v{}.history", self.namespace, stored::LAYOUT)
    }

    fn profile_key(&self) -> String {
        format!("{}.v{}.profile", self.namespace, stored::LAYOUT)
    }

    /// Whether `key` is one of this store's attempt-in-progress keys.
    pub fn is_current_key(&self, key: &str) -> bool {
        key.starts_with(&format!("{}.v{}.current.", self.namespace, stored::LAYOUT))
    }

    /// Whether localStorage can be used at all.
    pub fn is_available(&self) -> bool {
        raw().is_some()
    }

    fn read(&self, key: &str) -> Result<Option<String>, StorageProblem> {
        let storage = raw().ok_or(StorageProblem::Blocked)?;
        storage.get_item(key).map_err(|_| StorageProblem::Blocked)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageProblem> {
        let storage = raw().ok_or(StorageProblem::Blocked)?;
        // setItem replaces a value whole or not at all, so a failed write damages nothing.
        storage.set_item(key, value).map_err(|_| StorageProblem::Full)
    }

    /// Moves an unreadable value to a backup key, so that nothing is deleted silently.
    fn set_aside(&self, key: &str, value: &str) -> StorageProblem {
        let backup = format!("{}.backup.{}.{key}", self.namespace, js_sys::Date::now() as u64);
        if self.write(&backup, value).is_ok() {
            if let Some(storage) = raw() {
                let _ = storage.remove_item(key);
            }
        }
        StorageProblem::SetAside(vec![backup])
    }

    /// Reads a stored value through `decode`: `Ok(None)` when absent, damaged values set aside.
    fn load<T>(&self, key: &str, decode: impl Fn(&str) -> Decoded<T>) -> (Option<T>, Option<StorageProblem>) {
        match self.read(key) {
            Ok(None) => (None, None),
            Ok(Some(text)) => match decode(&text) {
                Decoded::Fine(value) => (Some(value), None),
                Decoded::Damaged(_) => (None, Some(self.set_aside(key, &text))),
                Decoded::Newer(_) => (None, Some(StorageProblem::Newer)),
            },
            Err(problem) => (None, Some(problem)),
        }
    }

    /// The attempt in progress saved for `set`.
    pub fn load_attempt(&self, set: &QuestionSet) -> (Option<Attempt>, Option<StorageProblem>) {
        self.load(&self.current_key(&set.id), |text| stored::decode_attempt(set, text))
    }

    /// Saves the attempt in progress after folding in what another tab saved for it; returns the
    /// merged attempt (to show) and, when it could not be saved, why.
    pub fn save_attempt(&self, set: &QuestionSet, attempt: &Attempt) -> (Attempt, Result<(), StorageProblem>) {
        let key = self.current_key(&set.id);
        let mut merged = attempt.clone();
        let (saved, problem) = self.load(&key, |text| stored::decode_attempt(set, text));
        match problem {
            Some(StorageProblem::Newer) => return (merged, Err(StorageProblem::Newer)),
            Some(StorageProblem::Blocked) => return (merged, Err(StorageProblem::Blocked)),
            _ => {}
        }
        if let Some(saved) = saved {
            merged.merge_from(&saved);
        }
        let result = self.write(&key, &stored::encode_attempt(set, &merged)).and(problem.map_or(Ok(()), Err));
        (merged, result)
    }

    /// Forgets the attempt in progress of a set (finished, or started over).
    pub fn clear_attempt(&self, set_id: &str) {
        if let Some(storage) = raw() {
            let _ = storage.remove_item(&self.current_key(set_id));
        }
    }

    /// Completed attempts, oldest first.
    pub fn load_history(&self) -> (Vec<HistoryEntry>, Option<StorageProblem>) {
        let (entries, problem) = self.load(&self.history_key(), stored::decode_history);
        (entries.unwrap_or_default(), problem)
    }

    /// Saves `memory` (the history this tab shows) merged with what is stored, without the entries
    /// in `removed`; returns the merged history. Entries of this tab win over stored ones with the
    /// same id, since only this tab's edits (roadmap notes) can make them differ.
    pub fn save_history(
        &self,
        memory: &[HistoryEntry],
        removed: &[String],
    ) -> (Vec<HistoryEntry>, Result<(), StorageProblem>) {
        let key = self.history_key();
        let (saved, problem) = self.load(&key, stored::decode_history);
        match problem {
            Some(StorageProblem::Newer) => return (memory.to_vec(), Err(StorageProblem::Newer)),
            Some(StorageProblem::Blocked) => return (memory.to_vec(), Err(StorageProblem::Blocked)),
            _ => {}
        }
        let mut merged: Vec<HistoryEntry> = saved
            .unwrap_or_default()
            .into_iter()
            .filter(|e| !removed.contains(&e.id) && !memory.iter().any(|m| m.id == e.id))
            .collect();
        merged.extend(memory.iter().filter(|e| !removed.contains(&e.id)).cloned());
        merged.sort_by(|a, b| a.document.completed_at.cmp(&b.document.completed_at));
        let result = self.write(&key, &stored::encode_history(&merged)).and(problem.map_or(Ok(()), Err));
        (merged, result)
    }

    /// The "prepared for" name printed on roadmaps.
    pub fn load_prepared_for(&self) -> String {
        self.load(&self.profile_key(), stored::decode_prepared_for).0.unwrap_or_default()
    }

    pub fn save_prepared_for(&self, name: &str) -> Result<(), StorageProblem> {
        if let (_, Some(StorageProblem::Newer)) = self.load(&self.profile_key(), stored::decode_prepared_for) {
            return Err(StorageProblem::Newer);
        }
        self.write(&self.profile_key(), &stored::encode_prepared_for(name))
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = raw() else { return Vec::new() };
        let prefix = format!("{}.", self.namespace);
        (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(&prefix))
            .collect()
    }

    /// Removes every key of this namespace, backups included, and nothing else.
    pub fn delete_everything(&self) {
        let Some(storage) = raw() else { return };
        for key in self.keys() {
            let _ = storage.remove_item(&key);
        }
    }
}

/// Every attempt in progress stored under any namespace, as stored: the crash notice offers them
/// as a file, and it cannot know which widgets were on the page.
pub fn all_raw_attempts() -> Vec<String> {
    let Some(storage) = raw() else { return Vec::new() };
    let marker = format!(".v{}.current.", stored::LAYOUT);
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.contains(&marker))
        .filter_map(|key| storage.get_item(&key).ok().flatten())
        .collect()
}

impl Store {
    fn screen_key(&self) -> String {
        format!("{}.v{}.screen", self.namespace, stored::LAYOUT)
    }

    /// Keeps the screen for this tab (session storage), so a reload comes back to it.
    pub fn remember_screen(&self, memo: &str) {
        if let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
            let _ = if memo.is_empty() {
                session.remove_item(&self.screen_key())
            } else {
                session.set_item(&self.screen_key(), memo)
            };
        }
    }

    /// The screen this tab was on before a reload.
    pub fn recalled_screen(&self) -> Option<String> {
        web_sys::window()?.session_storage().ok()??.get_item(&self.screen_key()).ok()?
    }
}
