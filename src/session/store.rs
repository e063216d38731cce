//! Altitude's data in a key-value storage, treated like a database that can be missing, full,
//! shared with other tabs, or written by another version.
//!
//! Keys, under the widget's namespace (its storage key, `altitude` by default):
//! `<ns>.v1.current.<set id>` the attempt in progress, `<ns>.v1.history` completed attempts with their
//! roadmap notes (and the invitations and replies of others' view), `<ns>.v1.rating.<invitation id>.<checksum>`
//! a rater's answers to an invitation, `<ns>.v1.profile` what the person said of themselves (the
//! "prepared for" name, the size of their organisation) and the target roles suggested for their next
//! attempts, `<ns>.v1.progress` the goals and notes of evidence kept between attempts (read only by
//! the later screens, never when the session opens), and `<ns>.backup.<time>.<key>` values
//! that could not be read, set aside rather than deleted; in the tab's own storage, `<ns>.v1.screen`
//! the screen to come back to. What the values hold is `stored.rs`'s business.
//!
//! Writes are read-merge-write: what another tab saved is folded in first, so neither tab's answers
//! or results are lost. A value written by a newer Altitude is never overwritten.

use super::key_value::{Fault, KeyValue};
use super::{Archive, Place};
use crate::attempt::Attempt;
use crate::i18n::{tr, trf};
use crate::model::{Problem, QuestionSet};
use crate::others::Invitation;
use crate::progress::Progress;
use crate::stored::{self, Decoded, HistoryEntry, Profile};

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

impl From<Fault> for StorageProblem {
    fn from(fault: Fault) -> StorageProblem {
        match fault {
            Fault::Blocked => StorageProblem::Blocked,
            Fault::Full => StorageProblem::Full,
        }
    }
}

impl StorageProblem {
    pub fn message(&self) -> String {
        match self {
            StorageProblem::Blocked => tr("This browser does not let the page keep data, so nothing will be kept after you close it. Save your answers to a file to keep them."),
            StorageProblem::Full => tr("The browser's storage for this site is full, so your latest answers are kept only on this page for now. Altitude tries again with your next answer; save them to a file to be safe."),
            StorageProblem::Newer => tr("A newer version of Altitude saved data here. This version leaves it untouched, so your changes are kept only on this page; save them to a file to keep them."),
            // The keys are the storage's own names, listed as they are.
            StorageProblem::SetAside(keys) => trf("Some saved data could not be read and was set aside, not deleted (under {keys}). Everything else was loaded.", &[&keys.join(", ")]),
        }
    }

    /// Whether the data is not safe on the device, so the person should be offered it as a file.
    pub fn offers_file(&self) -> bool {
        !matches!(self, StorageProblem::SetAside(_))
    }
}

/// One widget's data: `device` is shared by every tab (localStorage), `tab` is this tab's own
/// (sessionStorage); `clock` gives milliseconds since the epoch, to name backups.
#[derive(Debug, Clone)]
pub struct Store<K> {
    namespace: String,
    device: K,
    tab: K,
    clock: fn() -> f64,
    /// The attempt this store last saved: read back unchanged, it needs no decoding.
    last_saved: Option<SavedAttempt>,
}

/// A saved attempt: its key, the set version it was read against, the text written, and the attempt
/// that text decodes to. Each answer saves the whole attempt after reading back what is stored (to
/// fold in other tabs' answers); on a 1,000-question attempt decoding was two thirds of that save,
/// though the text read back is almost always the one this store wrote.
#[derive(Debug, Clone)]
struct SavedAttempt {
    key: String,
    set_version: String,
    text: String,
    attempt: Attempt,
}

/// The marker in every attempt-in-progress key, whatever the namespace.
fn current_marker() -> String {
    format!(".v{}.current.", stored::LAYOUT)
}

impl<K: KeyValue> Store<K> {
    pub fn new(namespace: &str, device: K, tab: K, clock: fn() -> f64) -> Store<K> {
        Store { namespace: namespace.to_owned(), device, tab, clock, last_saved: None }
    }

    fn key(&self, name: &str) -> String {
        format!("{}.v{}.{name}", self.namespace, stored::LAYOUT)
    }

    fn current_key(&self, set_id: &str) -> String {
        self.key(&format!("current.{set_id}"))
    }

    /// Whether `key` (as a storage event names it) holds this store's history.
    pub fn is_history_key(&self, key: &str) -> bool {
        key == self.key("history")
    }

    /// Whether `key` (as a storage event names it) is one of this store's attempt-in-progress keys.
    pub fn is_current_key(&self, key: &str) -> bool {
        key.starts_with(&format!("{}{}", self.namespace, current_marker()))
    }

    /// Whether the device storage can be used at all.
    pub fn is_available(&self) -> bool {
        self.device.get(&self.key("profile")).is_ok()
    }

    /// Moves an unreadable value to a backup key, so that nothing is deleted silently.
    fn set_aside(&self, key: &str, value: &str) -> StorageProblem {
        let backup = format!("{}.backup.{}.{key}", self.namespace, (self.clock)() as u64);
        if self.device.set(&backup, value).is_ok() {
            self.device.remove(key);
        }
        StorageProblem::SetAside(vec![backup])
    }

    /// Reads a stored value through `decode`: `None` when absent, damaged values set aside.
    fn load<T>(&self, key: &str, decode: impl Fn(&str) -> Decoded<T>) -> (Option<T>, Option<StorageProblem>) {
        self.decoded(key, self.device.get(key), decode)
    }

    /// What was read from `key`, decoded; a damaged value is set aside.
    fn decoded<T>(
        &self,
        key: &str,
        read: Result<Option<String>, Fault>,
        decode: impl Fn(&str) -> Decoded<T>,
    ) -> (Option<T>, Option<StorageProblem>) {
        match read {
            Ok(None) => (None, None),
            Ok(Some(text)) => match decode(&text) {
                Decoded::Fine(value) => (Some(value), None),
                Decoded::Damaged(_) => (None, Some(self.set_aside(key, &text))),
                Decoded::Newer(_) => (None, Some(StorageProblem::Newer)),
            },
            Err(fault) => (None, Some(fault.into())),
        }
    }

    /// The attempt in progress saved for `set`.
    pub fn load_attempt(&self, set: &QuestionSet) -> (Option<Attempt>, Option<StorageProblem>) {
        self.load_attempt_in(set, &[], Archive::Loaded)
    }

    /// The attempt in progress saved for `set`, read against the earlier version of it in `archived`
    /// that it was begun on, if there is one; else against `set`. While the archive is `Loading`,
    /// one begun on a version that is neither is left as it is: decoded against `set` it could look
    /// damaged and be set aside, when its version has simply not arrived yet.
    pub fn load_attempt_in(
        &self,
        set: &QuestionSet,
        archived: &[std::sync::Arc<QuestionSet>],
        archive: Archive,
    ) -> (Option<Attempt>, Option<StorageProblem>) {
        if self.attempt_awaits_archive(set, archived, archive) {
            return (None, None);
        }
        self.load(&self.current_key(&set.id), |text| {
            let version = stored::attempt_set_version(text);
            let begun_on = archived.iter().find(|s| s.id == set.id && Some(&s.version) == version.as_ref());
            stored::decode_attempt(begun_on.map_or(set, |s| s), text)
        })
    }

    /// Whether the attempt in progress saved for `set` was begun on a version that is neither `set`
    /// nor in `archived` while the archive is still `Loading`: it cannot be read yet, and a new
    /// attempt must not replace it before it can.
    pub fn attempt_awaits_archive(
        &self,
        set: &QuestionSet,
        archived: &[std::sync::Arc<QuestionSet>],
        archive: Archive,
    ) -> bool {
        if archive == Archive::Loaded {
            return false;
        }
        let Ok(Some(text)) = self.device.get(&self.current_key(&set.id)) else { return false };
        let at_hand = |v: &String| *v == set.version || archived.iter().any(|s| s.id == set.id && s.version == *v);
        stored::attempt_set_version(&text).is_some_and(|v| !at_hand(&v))
    }

    /// Saves the attempt in progress after folding in what another tab saved for it; returns the
    /// merged attempt (to show) and, when it could not be saved, why.
    pub fn save_attempt(&mut self, set: &QuestionSet, attempt: &Attempt) -> (Attempt, Result<(), StorageProblem>) {
        // A rater's answers are kept apart, per invitation: the rater's own attempt is untouched.
        let key = match Invitation::of_rating(attempt) {
            Some(invitation) => self.rating_key(&invitation),
            None => self.current_key(&set.id),
        };
        let mut merged = attempt.clone();
        let read = self.device.get(&key);
        let (saved, problem) = match (&read, self.last_saved.take()) {
            (Ok(Some(text)), Some(last))
                if last.key == key && last.set_version == set.version && last.text == *text =>
            {
                (Some(last.attempt), None)
            }
            _ => self.decoded(&key, read, |text| stored::decode_attempt(set, text)),
        };
        if let Some(problem @ (StorageProblem::Newer | StorageProblem::Blocked)) = problem {
            return (merged, Err(problem));
        }
        if let Some(saved) = saved {
            // A rating finished in another tab is as it was sent: it wins, and nothing is written.
            if attempt.rater.is_some() && saved.completed_at.is_some() {
                return (saved, problem.map_or(Ok(()), Err));
            }
            merged.merge_from(&saved);
        }
        let text = stored::encode_attempt(set, &merged);
        let written = self.device.set(&key, &text).map_err(StorageProblem::from);
        if written.is_ok() {
            let read_back = stored::as_read_back(set, &merged);
            debug_assert_eq!(stored::decode_attempt(set, &text), Decoded::Fine(read_back.clone()), "as_read_back");
            self.last_saved = Some(SavedAttempt { key, set_version: set.version.clone(), text, attempt: read_back });
        }
        (merged, written.and(problem.map_or(Ok(()), Err)))
    }

    fn rating_key(&self, invitation: &Invitation) -> String {
        self.key(&format!("rating.{}", invitation.fingerprint()))
    }

    /// A rater's answers to `invitation`, begun or finished, read against `set`.
    pub fn load_rating(&self, set: &QuestionSet, invitation: &Invitation) -> (Option<Attempt>, Option<StorageProblem>) {
        self.load(&self.rating_key(invitation), |text| stored::decode_attempt(set, text))
    }

    /// Forgets the attempt in progress of a set (finished, or started over).
    pub fn clear_attempt(&self, set_id: &str) {
        self.device.remove(&self.current_key(set_id));
    }

    /// Completed attempts, oldest first.
    pub fn load_history(&self) -> (Vec<HistoryEntry>, Option<StorageProblem>) {
        let (entries, problem) = self.load(&self.key("history"), stored::decode_history);
        (entries.unwrap_or_default(), problem)
    }

    /// Saves `memory` (the history this tab shows) merged with what is stored, without the entries
    /// in `removed`; returns the merged history. Entries of this tab win over stored ones with the
    /// same id, since only this tab's edits (roadmap notes) can make them differ; but the invitations
    /// and replies another tab added to one are kept.
    pub fn save_history(
        &self,
        memory: &[HistoryEntry],
        removed: &[String],
    ) -> (Vec<HistoryEntry>, Result<(), StorageProblem>) {
        let key = self.key("history");
        let (saved, problem) = self.load(&key, stored::decode_history);
        if let Some(problem @ (StorageProblem::Newer | StorageProblem::Blocked)) = problem {
            return (memory.to_vec(), Err(problem));
        }
        let saved = saved.unwrap_or_default();
        let mut merged: Vec<HistoryEntry> = saved
            .iter()
            .filter(|e| !removed.contains(&e.id) && !memory.iter().any(|m| m.id == e.id))
            .cloned()
            .collect();
        for entry in memory.iter().filter(|e| !removed.contains(&e.id)) {
            let mut entry = entry.clone();
            // Invitations made and replies added in another tab are kept, unless removed here.
            if let Some(stored) = saved.iter().find(|s| s.id == entry.id) {
                entry.raters.merge(&stored.raters, removed);
            }
            merged.push(entry);
        }
        crate::sorting::sort_by(&mut merged, |a, b| a.document.completed_at.cmp(&b.document.completed_at));
        let written = self.device.set(&key, &stored::encode_history(&merged)).map_err(StorageProblem::from);
        (merged, written.and(problem.map_or(Ok(()), Err)))
    }

    /// What the person told Altitude about themselves (an empty profile when nothing is stored).
    pub fn load_profile(&self) -> (Profile, Option<StorageProblem>) {
        let (profile, problem) = self.load(&self.key("profile"), stored::decode_profile);
        (profile.unwrap_or_default(), problem)
    }

    /// Saves a change to the profile, made to what is stored, so that what another tab saved is
    /// kept; to `memory` (the profile this tab holds) when nothing readable is stored (a damaged
    /// value is set aside first). Returns the changed profile, which is `memory` changed when a
    /// newer Altitude's value is left alone or storage is blocked, and, when it could not be saved, why.
    pub fn save_profile(
        &self,
        memory: &Profile,
        change: &dyn Fn(&mut Profile),
    ) -> (Profile, Result<(), StorageProblem>) {
        let key = self.key("profile");
        let (saved, problem) = self.load(&key, stored::decode_profile);
        if let Some(problem @ (StorageProblem::Newer | StorageProblem::Blocked)) = problem {
            let mut profile = memory.clone();
            change(&mut profile);
            return (profile, Err(problem));
        }
        let mut profile = saved.unwrap_or_else(|| memory.clone());
        change(&mut profile);
        let written = self.device.set(&key, &stored::encode_profile(&profile)).map_err(StorageProblem::from);
        (profile, written.and(problem.map_or(Ok(()), Err)))
    }

    /// Saves the "prepared for" name printed on roadmaps, keeping the rest of the stored profile.
    pub fn save_prepared_for(&self, name: &str) -> Result<(), StorageProblem> {
        self.save_profile(&Profile::default(), &|profile| name.clone_into(&mut profile.prepared_for)).1
    }

    /// Whether `key` (as a storage event names it) holds this store's profile.
    pub fn is_profile_key(&self, key: &str) -> bool {
        key == self.key("profile")
    }

    /// Whether `key` (as a storage event names it) holds this store's goals and notes.
    pub fn is_progress_key(&self, key: &str) -> bool {
        key == self.key("progress")
    }

    /// The goals and notes kept (none when nothing is stored).
    pub fn load_progress(&self) -> (Progress, Option<StorageProblem>) {
        let (progress, problem) = self.load(&self.key("progress"), stored::decode_progress);
        (progress.unwrap_or_default(), problem)
    }

    /// Makes `change` to the goals and notes, after folding what is stored into `memory` (what this
    /// tab holds), so the change is made to what other tabs saved too (an edit to a goal another tab
    /// deleted finds it deleted), and saves the result. `change` returns why it refuses, if it does:
    /// then nothing is written. Returns the goals and notes to hold (`memory` changed, when a newer
    /// Altitude's value is left alone or storage is blocked), the refusal, and why it could not be saved.
    pub fn save_progress(
        &self,
        memory: &Progress,
        change: &mut dyn FnMut(&mut Progress) -> Vec<Problem>,
    ) -> (Progress, Vec<Problem>, Result<(), StorageProblem>) {
        let key = self.key("progress");
        let (saved, problem) = self.load(&key, stored::decode_progress);
        let mut progress = memory.clone();
        if let Some(saved) = &saved {
            progress.merge(saved);
        }
        let refused = change(&mut progress);
        let read = problem.map_or(Ok(()), Err);
        if !refused.is_empty() || matches!(read, Err(StorageProblem::Newer | StorageProblem::Blocked)) {
            return (progress, refused, read);
        }
        let written = self.device.set(&key, &stored::encode_progress(&progress)).map_err(StorageProblem::from);
        (progress, refused, written.and(read))
    }

    /// Removes every key of this namespace, backups included, and nothing else.
    pub fn delete_everything(&self) {
        let prefix = format!("{}.", self.namespace);
        for key in self.device.keys().into_iter().filter(|key| key.starts_with(&prefix)) {
            self.device.remove(&key);
        }
    }

    /// Keeps the place this tab is at, so a reload comes back to it; `None` (the start screen)
    /// forgets it.
    pub fn remember_place(&self, place: Option<&Place>) {
        let key = self.key("screen");
        match place {
            Some(place) => {
                let _ = self.tab.set(&key, &place.to_string());
            }
            None => self.tab.remove(&key),
        }
    }

    /// The place this tab was at before a reload; `None` when nothing, or nothing this version
    /// could have written, is kept.
    pub fn recalled_place(&self) -> Option<Place> {
        self.tab.get(&self.key("screen")).ok().flatten()?.parse().ok()
    }
}

/// The rescue file of every attempt in progress stored under any namespace of `device`: the crash
/// notice offers it, and it cannot know which widgets were on the page. `None` when there is none.
pub fn rescue_file(device: &impl KeyValue, exported_at: &str) -> Option<String> {
    let marker = current_marker();
    let keys: Vec<String> = device.keys().into_iter().filter(|key| crate::text::contains(key, &marker)).collect();
    let records: Vec<String> = keys.iter().filter_map(|key| device.get(key).ok().flatten()).collect();
    stored::encode_rescue(&records, exported_at)
}
