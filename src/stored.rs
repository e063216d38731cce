//! What Altitude keeps on a device, as text: the attempt in progress, the history of completed
//! attempts with their roadmap notes, the profile (the "prepared for" name, the size of the person's
//! organisation, the target roles suggested for next time), the progress between attempts (goals and
//! notes of evidence), and the export-everything file.
//! Encoding and decoding only — `storage.rs` moves the text in and out of localStorage.
//!
//! Every stored value carries `"layout": 1`. Decoding tells apart a value that is fine, one that is
//! damaged or foreign (to be set aside), and one written by a newer Altitude (to be left alone).

use serde::Serialize;

use crate::attempt::Attempt;
use crate::model::json::{self, Json};
use crate::model::{Organisation, QuestionSet, ResultDocument};
use crate::others::StoredRaters;
use crate::progress::{self, Evidence, Goal, Progress, ProgressFile};

/// The layout this version writes, and the first it reads.
pub const LAYOUT: u32 = 1;
/// The layout of an attempt or a history that holds a result with a `context` (revision of 2026-12):
/// an Altitude from before it reads result documents strictly and would set such a value aside as
/// damaged (to a backup key, out of the person's sight); a newer layout it leaves alone instead.
/// Values without a context keep layout 1, which every version reads.
pub const LAYOUT_WITH_CONTEXT: u32 = 2;

/// The format of the export-everything file.
pub const EXPORT_FORMAT: &str = "altitude.export/1";

/// The outcome of reading one stored value.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<T> {
    Fine(T),
    /// Not something this or any Altitude wrote (garbage, truncated, the wrong shape); the reason.
    Damaged(String),
    /// Written by a newer Altitude, with this layout: not to be read or overwritten.
    Newer(u32),
}

/// A completed attempt with what the person added to its roadmap.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub id: String,
    pub document: ResultDocument,
    pub notes: RoadmapNotes,
    /// The invitations made on it and the replies received.
    pub raters: StoredRaters,
}

/// Ticked plan items and free notes of one attempt's roadmap.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RoadmapNotes {
    pub checked: Vec<String>,
    pub notes: String,
}

fn field<'a>(pairs: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn text(pairs: &[(String, Json)], key: &str) -> Option<String> {
    match field(pairs, key)? {
        Json::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn number(pairs: &[(String, Json)], key: &str) -> Option<f64> {
    match field(pairs, key)? {
        Json::Number(n) => Some(*n),
        _ => None,
    }
}

/// The object of a stored value and its layout check.
fn layout_object(text: &str) -> Decoded<Vec<(String, Json)>> {
    let pairs = match json::parse(text.as_bytes()) {
        Ok(Json::Object(pairs)) => pairs,
        Ok(other) => return Decoded::Damaged(format!("expected an object, found {}", other.type_name())),
        Err(error) => return Decoded::Damaged(error.message),
    };
    match number(&pairs, "layout") {
        Some(layout) if layout == f64::from(LAYOUT) || layout == f64::from(LAYOUT_WITH_CONTEXT) => Decoded::Fine(pairs),
        Some(layout) if layout > f64::from(LAYOUT_WITH_CONTEXT) && layout.fract() == 0.0 && layout < 1e6 => {
            Decoded::Newer(layout as u32)
        }
        _ => Decoded::Damaged("no layout version this Altitude knows".to_owned()),
    }
}

#[derive(Serialize)]
struct CurrentRecord<'a> {
    layout: u32,
    id: &'a str,
    /// The page as the dimension and, for a dimension spread over several pages, which part of
    /// it: so a page keeps its meaning for any version of Altitude (before long dimensions were
    /// spread, a page was a dimension).
    page: usize,
    #[serde(skip_serializing_if = "is_zero")]
    part: usize,
    result: &'a ResultDocument,
    /// Milliseconds since the epoch, whole: a float would bring Rust's float formatting into the
    /// first download for nothing (the clock counts whole milliseconds).
    answered_at: Vec<(&'a str, i64)>,
}

/// The attempt in progress of `set`, as stored.
pub fn encode_attempt(set: &QuestionSet, attempt: &Attempt) -> String {
    let answered_at = set
        .questions
        .iter()
        .zip(&attempt.answered_at)
        .filter(|(_, at)| **at > 0.0)
        .map(|(q, at)| (q.id.as_str(), at.round() as i64))
        .collect();
    let document = attempt.to_document(set);
    let (page, part) = crate::attempt::pages(set).get(attempt.page).map_or((0, 0), |page| (page.dimension, page.part));
    let layout = layout_of([&document]);
    let record = CurrentRecord { layout, id: &attempt.id, page, part, result: &document, answered_at };
    json::compact(&record)
}

/// `attempt` as `encode_attempt`'s text of it decodes: answer times in whole milliseconds, none
/// kept for a question without one, the page within the set.
pub fn as_read_back(set: &QuestionSet, attempt: &Attempt) -> Attempt {
    let mut read_back = attempt.clone();
    for at in &mut read_back.answered_at {
        *at = if *at > 0.0 { at.round() } else { 0.0 };
    }
    if read_back.page >= crate::attempt::page_count(set) {
        read_back.page = 0;
    }
    read_back
}

fn is_zero(part: &usize) -> bool {
    *part == 0
}

/// The version of the set a stored attempt was begun on, if the value says.
pub fn attempt_set_version(value: &str) -> Option<String> {
    let Ok(Json::Object(pairs)) = json::parse(value.as_bytes()) else { return None };
    let Some(Json::Object(result)) = field(&pairs, "result") else { return None };
    let Some(Json::Object(set)) = field(result, "set") else { return None };
    text(set, "version")
}

/// The attempt in progress stored for `set`.
pub fn decode_attempt(set: &QuestionSet, text: &str) -> Decoded<Attempt> {
    let pairs = match layout_object(text) {
        Decoded::Fine(pairs) => pairs,
        Decoded::Damaged(why) => return Decoded::Damaged(why),
        Decoded::Newer(layout) => return Decoded::Newer(layout),
    };
    let (Some(id), Some(page), Some(result)) = (text_of(&pairs, "id"), number(&pairs, "page"), field(&pairs, "result"))
    else {
        return Decoded::Damaged("an attempt needs an id, a page and a result".to_owned());
    };
    let document = match ResultDocument::from_tree(result) {
        Ok(document) => document,
        Err(problems) => return Decoded::Damaged(problems.first().map_or_else(String::new, |p| p.to_string())),
    };
    let part = number(&pairs, "part").unwrap_or(0.0);
    let page = crate::attempt::page_at(set, page.max(0.0) as usize, part.max(0.0) as usize);
    let mut attempt = match Attempt::from_document(id, set, &document, page) {
        Ok(attempt) => attempt,
        Err(problems) => return Decoded::Damaged(problems.first().map_or_else(String::new, |p| p.to_string())),
    };
    if let Some(Json::Array(times)) = field(&pairs, "answered_at") {
        let position_of = set.question_lookup();
        for pair in times {
            if let Json::Array(pair) = pair {
                if let [Json::String(question), Json::Number(at)] = pair.as_slice() {
                    if let Some(i) = position_of(question) {
                        attempt.answered_at[i] = *at;
                    }
                }
            }
        }
    }
    Decoded::Fine(attempt)
}

fn text_of(pairs: &[(String, Json)], key: &str) -> Option<String> {
    text(pairs, key).filter(|s| !s.is_empty())
}

#[derive(Serialize)]
struct EntryRecord<'a> {
    id: &'a str,
    result: &'a ResultDocument,
    notes: &'a RoadmapNotes,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    invitations: &'a [Json],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    replies: &'a [Json],
}

#[derive(Serialize)]
struct HistoryRecord<'a> {
    layout: u32,
    attempts: Vec<EntryRecord<'a>>,
}

#[derive(Serialize)]
struct ExportRecord<'a> {
    format: &'static str,
    exported_at: &'a str,
    attempts: Vec<EntryRecord<'a>>,
    /// Left out when there is none, so the file is as it was before goals and notes.
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<ProgressFile<'a>>,
}

fn entry_records(entries: &[HistoryEntry]) -> Vec<EntryRecord<'_>> {
    entries
        .iter()
        .map(|e| EntryRecord {
            id: &e.id,
            result: &e.document,
            notes: &e.notes,
            invitations: e.raters.invitation_trees(),
            replies: e.raters.reply_trees(),
        })
        .collect()
}

/// The history of completed attempts, as stored.
pub fn encode_history(entries: &[HistoryEntry]) -> String {
    let layout = layout_of(entries.iter().map(|e| &e.document));
    json::compact(&HistoryRecord { layout, attempts: entry_records(entries) })
}

/// The layout a value holding these result documents is written in (see [`LAYOUT_WITH_CONTEXT`]).
fn layout_of<'d>(documents: impl IntoIterator<Item = &'d ResultDocument>) -> u32 {
    if documents.into_iter().any(|d| !d.context.is_empty()) {
        LAYOUT_WITH_CONTEXT
    } else {
        LAYOUT
    }
}

/// The stored history. One damaged entry damages the value: it is set aside whole, never half read.
/// Each entry's invitations and replies are checked only for the id that names them here: they are
/// read when a screen of others' view asks (see `StoredRaters`).
pub fn decode_history(text: &str) -> Decoded<Vec<HistoryEntry>> {
    match layout_object(text) {
        Decoded::Fine(pairs) => match read_entries(&pairs) {
            Ok(entries) => Decoded::Fine(entries),
            Err(why) => Decoded::Damaged(why),
        },
        Decoded::Damaged(why) => Decoded::Damaged(why),
        Decoded::Newer(layout) => Decoded::Newer(layout),
    }
}

fn read_entries(pairs: &[(String, Json)]) -> Result<Vec<HistoryEntry>, String> {
    let Some(Json::Array(items)) = field(pairs, "attempts") else { return Err("no list of attempts".to_owned()) };
    items.iter().enumerate().map(|(i, item)| read_entry(i, item)).collect()
}

/// The entry at `attempts[i]`: its id, result, and (optional) roadmap notes, invitations and replies.
fn read_entry(i: usize, item: &Json) -> Result<HistoryEntry, String> {
    let Json::Object(entry) = item else { return Err(format!("attempts[{i}] is not an object")) };
    let id = text_of(entry, "id").ok_or_else(|| format!("attempts[{i}] has no id"))?;
    let result = field(entry, "result").ok_or_else(|| format!("attempts[{i}] has no result"))?;
    let document = ResultDocument::from_tree(result).map_err(|problems| {
        format!("attempts[{i}].result: {}", problems.first().map_or_else(String::new, |p| p.to_string()))
    })?;
    let notes = match field(entry, "notes") {
        Some(Json::Object(notes)) => decode_notes_pairs(notes),
        _ => RoadmapNotes::default(),
    };
    // Kept as documents, read when a screen of others' view asks (see `StoredRaters`).
    let raters = list(entry, "invitations")
        .and_then(|invitations| StoredRaters::from_lists(invitations, list(entry, "replies")?))
        .map_err(|why| format!("attempts[{i}].{why}"))?;
    Ok(HistoryEntry { id, document, notes, raters })
}

/// The optional list under `key`.
fn list(pairs: &[(String, Json)], key: &str) -> Result<Vec<Json>, String> {
    match field(pairs, key) {
        None => Ok(Vec::new()),
        Some(Json::Array(items)) => Ok(items.clone()),
        Some(_) => Err(format!("{key} is not a list")),
    }
}

fn decode_notes_pairs(pairs: &[(String, Json)]) -> RoadmapNotes {
    let checked = match field(pairs, "checked") {
        Some(Json::Array(items)) => {
            items.iter().filter_map(|k| if let Json::String(k) = k { Some(k.clone()) } else { None }).collect()
        }
        _ => Vec::new(),
    };
    RoadmapNotes { checked, notes: text(pairs, "notes").unwrap_or_default() }
}

/// Adds `incoming` entries to `entries`, skipping any whose id or document is already there (but
/// adding the invitations and replies it holds that the kept one lacks). Returns how many entries
/// were added. History only grows this way: nothing already kept is replaced.
pub fn merge_history(entries: &mut Vec<HistoryEntry>, incoming: &[HistoryEntry]) -> usize {
    let before = entries.len();
    for entry in incoming {
        match entries.iter_mut().find(|e| e.id == entry.id || e.document == entry.document) {
            Some(kept) => kept.raters.merge(&entry.raters, &[]),
            None => entries.push(entry.clone()),
        }
    }
    crate::sorting::sort_by(entries, |a, b| a.document.completed_at.cmp(&b.document.completed_at));
    entries.len() - before
}

/// The export-everything file: every completed attempt with its roadmap notes, and the goals and
/// notes of evidence (tombstones included, so that importing it elsewhere deletes what was deleted
/// here) under `progress`, when there are any.
pub fn encode_export(entries: &[HistoryEntry], progress: &Progress, exported_at: &str) -> String {
    json::pretty(&json::compact(&ExportRecord {
        format: EXPORT_FORMAT,
        exported_at,
        attempts: entry_records(entries),
        progress: (!progress.is_empty()).then(|| progress.file()),
    }))
}

/// The file the crash notice offers: the export format, holding the stored records of attempts in
/// progress (`encode_attempt`'s text) as its attempts, unfinished. It holds no goals or notes: it
/// rescues the answers a crash would lose, and the goals and notes are safe in storage (or, when
/// storage fails, offered by the storage notice's export). Records that cannot be read as
/// an attempt are left out, so that one damaged value cannot spoil the file; `None` when none is left.
pub fn encode_rescue(records: &[String], exported_at: &str) -> Option<String> {
    let records: Vec<&str> = records
        .iter()
        .map(String::as_str)
        .filter(|record| json::parse(record.as_bytes()).is_ok_and(|tree| read_entry(0, &tree).is_ok()))
        .collect();
    if records.is_empty() {
        return None;
    }
    Some(json::pretty(&format!(
        "{{\"format\":\"{EXPORT_FORMAT}\",\"exported_at\":{},\"attempts\":[{}]}}",
        json::compact(&exported_at),
        records.join(",")
    )))
}

/// The `format` a file names, if it is a JSON object that names one.
pub fn format_of(text: &str) -> Option<String> {
    match json::parse(text.as_bytes()) {
        Ok(Json::Object(pairs)) => text_of(&pairs, "format"),
        _ => None,
    }
}

/// Reads an export-everything file (the crash notice's included), or a single result document, and
/// checks every attempt against its set (found by `set_for`). Any problem refuses the whole file,
/// with the reason. Unfinished results are read too: they are answers saved to be resumed.
pub fn decode_import<'s>(
    text: &str,
    set_for: impl Fn(&str) -> Option<&'s QuestionSet>,
    new_id: impl Fn(&ResultDocument) -> String,
) -> Result<Vec<HistoryEntry>, String> {
    decode_import_all(text, set_for, new_id).map(|imported| imported.entries)
}

/// What a file to import holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub entries: Vec<HistoryEntry>,
    /// An export's goals and notes (none in an export from before them, or in a result file).
    pub progress: Progress,
}

/// [`decode_import`], with an export's goals and notes, each checked by the rules they were kept
/// by (a note whose link is not http(s) refuses the file, at its path: `progress.evidence[0].link`).
pub fn decode_import_all<'s>(
    text: &str,
    set_for: impl Fn(&str) -> Option<&'s QuestionSet>,
    new_id: impl Fn(&ResultDocument) -> String,
) -> Result<Imported, String> {
    let tree = json::parse(text.as_bytes())
        .map_err(|e| format!("it is not JSON ({} at line {}, column {})", e.message, e.line, e.column))?;
    let Json::Object(pairs) = &tree else { return Err("it is not an Altitude file".to_owned()) };
    let mut progress = Progress::default();
    let entries = match text_of(pairs, "format").as_deref() {
        Some(EXPORT_FORMAT) => {
            progress = match field(pairs, "progress") {
                None => Progress::default(),
                Some(Json::Object(items)) => progress::read_progress(items, "progress")?,
                Some(_) => return Err("its progress is not an object".to_owned()),
            };
            // Invitations and replies as storage takes them (see `StoredRaters`): an export holds
            // what the history holds, one that does not read included, and imports back whole.
            read_entries(pairs)?
        }
        Some(crate::model::result_document::RESULT_FORMAT) => {
            let document =
                ResultDocument::from_tree(&tree).map_err(|p| p.first().map_or_else(String::new, |p| p.to_string()))?;
            if document.rater.is_some() {
                return Err("it holds someone's view of another person, not your own answers".to_owned());
            }
            vec![HistoryEntry {
                id: new_id(&document),
                document,
                notes: RoadmapNotes::default(),
                raters: StoredRaters::default(),
            }]
        }
        Some(other) => {
            return Err(format!(
                "its format \"{other}\" is not one Altitude reads ({EXPORT_FORMAT} or altitude.result/1)"
            ))
        }
        None => return Err("it has no \"format\", so it is not an Altitude file".to_owned()),
    };
    for entry in &entries {
        if entry.document.rater.is_some() {
            return Err("it holds someone's view of another person among the results".to_owned());
        }
        let set = set_for(&entry.document.set_id).ok_or_else(|| {
            format!("it holds a result of the assessment \"{}\", which is not available here", entry.document.set_id)
        })?;
        entry.document.responses(set).map_err(|p| {
            format!(
                "a result of \"{}\" does not fit the assessment: {}",
                set.title,
                p.first().map_or_else(String::new, |p| p.to_string())
            )
        })?;
    }
    Ok(Imported { entries, progress })
}

/// What the person said of themselves, kept on the device for their next attempts.
///
/// Still layout 1: an earlier Altitude reads its name from it as before (a newer layout would stop
/// it saving the name at all); saving the name, it drops the rest, which is only asked again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// The name printed on roadmaps ("prepared for").
    pub prepared_for: String,
    /// How many engineers work in the person's organisation, as last said on the start screen:
    /// written into each attempt they begin. `None`: not said.
    pub organisation: Option<Organisation>,
    /// The target role suggested after each attempt finished on this device, in the order they
    /// finished (the session says which one the start screen offers).
    pub next_roles: Vec<NextRole>,
}

/// The target role suggested for the next attempt at a set, once an attempt at it has finished.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextRole {
    #[serde(rename = "set")]
    pub set_id: String,
    /// The finished attempt (its id in the history) the suggestion comes from.
    pub attempt: String,
    /// The suggested role's id.
    pub role: String,
}

#[derive(Serialize)]
struct ProfileRecord<'a> {
    layout: u32,
    /// Always written: every earlier version reads it.
    prepared_for: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'static str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    next_roles: &'a [NextRole],
}

/// The profile, as stored.
pub fn encode_profile(profile: &Profile) -> String {
    json::compact(&ProfileRecord {
        layout: LAYOUT,
        prepared_for: &profile.prepared_for,
        organisation: profile.organisation.map(Organisation::as_str),
        next_roles: &profile.next_roles,
    })
}

/// The stored profile. A key holding something this version could not have written (an
/// organisation that is none of the bands, a role suggestion without its role) damages the value:
/// it is set aside whole, never half read.
pub fn decode_profile(text: &str) -> Decoded<Profile> {
    let pairs = match layout_object(text) {
        Decoded::Fine(pairs) => pairs,
        Decoded::Damaged(why) => return Decoded::Damaged(why),
        Decoded::Newer(layout) => return Decoded::Newer(layout),
    };
    let prepared_for = match field(&pairs, "prepared_for") {
        None => String::new(),
        Some(Json::String(name)) => name.clone(),
        Some(_) => return Decoded::Damaged("prepared_for is not a text".to_owned()),
    };
    let organisation = match field(&pairs, "organisation") {
        None => None,
        Some(Json::String(band)) => match Organisation::parse(band) {
            Some(organisation) => Some(organisation),
            None => return Decoded::Damaged("organisation is not one of the bands".to_owned()),
        },
        Some(_) => return Decoded::Damaged("organisation is not a text".to_owned()),
    };
    let next_roles = match field(&pairs, "next_roles") {
        None => Vec::new(),
        Some(Json::Array(items)) => {
            let read: Option<Vec<NextRole>> = items
                .iter()
                .map(|item| {
                    let Json::Object(next) = item else { return None };
                    Some(NextRole {
                        set_id: text_of(next, "set")?,
                        attempt: text_of(next, "attempt")?,
                        role: text_of(next, "role")?,
                    })
                })
                .collect();
            match read {
                Some(next_roles) => next_roles,
                None => return Decoded::Damaged("a role suggestion lacks its set, attempt or role".to_owned()),
            }
        }
        Some(_) => return Decoded::Damaged("next_roles is not a list".to_owned()),
    };
    Decoded::Fine(Profile { prepared_for, organisation, next_roles })
}

#[derive(Serialize)]
struct ProgressValue<'a> {
    layout: u32,
    goals: &'a [Goal],
    evidence: &'a [Evidence],
}

/// The goals and notes of evidence, as stored: `{"layout":1,"goals":[...],"evidence":[...]}`, every
/// goal and note with the tombstones of those deleted (see `progress`).
pub fn encode_progress(progress: &Progress) -> String {
    json::compact(&ProgressValue { layout: LAYOUT, goals: &progress.goals, evidence: &progress.evidence })
}

/// The stored goals and notes. One goal or note that breaks a rule (a `javascript:` link, a title
/// too long) damages the value: it is set aside whole, never half read.
pub fn decode_progress(text: &str) -> Decoded<Progress> {
    match layout_object(text) {
        Decoded::Fine(pairs) => match progress::read_progress(&pairs, "") {
            Ok(progress) => Decoded::Fine(progress),
            Err(why) => Decoded::Damaged(why),
        },
        Decoded::Damaged(why) => Decoded::Damaged(why),
        Decoded::Newer(layout) => Decoded::Newer(layout),
    }
}
