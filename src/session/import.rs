//! Importing a file into the session: an export-everything file, a single result, a rater's reply,
//! or a file of saved answers (the storage notice's unfinished result, the crash notice's rescue file).
//! Finished results join the history; unfinished ones become the attempt in progress, to resume;
//! an export's goals and notes of evidence are merged into those kept.

use std::sync::Arc;

use super::{Changed, KeyValue, Session};
use crate::attempt::Attempt;
use crate::i18n::{tr, trf, trn};
use crate::model::{QuestionSet, ResultDocument};
use crate::others::Reply;
use crate::stored::{self, HistoryEntry};

/// What an import did, in words for the person, and what it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    pub message: String,
    pub changed: Changed,
}

impl<K: KeyValue> Session<K> {
    /// Imports `text`, checking every attempt against its set among the loaded `sets`. A broken or
    /// foreign file changes nothing. `new_id` names the attempt of a single result file.
    pub fn import(
        &mut self,
        text: &str,
        sets: &[Arc<QuestionSet>],
        new_id: impl Fn(&ResultDocument) -> String,
    ) -> ImportOutcome {
        let set_for = |id: &str| sets.iter().find(|set| set.id == id);
        if stored::format_of(text).as_deref() == Some(crate::others::REPLY_FORMAT) {
            return self.import_reply(text, sets);
        }
        let imported = match stored::decode_import_all(text, |id| set_for(id).map(Arc::as_ref), new_id) {
            Ok(imported) => imported,
            Err(reason) => {
                return ImportOutcome {
                    message: trf("This file was not imported: {reason}. Nothing was changed.", &[&reason]),
                    changed: Changed::default(),
                }
            }
        };
        let (finished, unfinished): (Vec<HistoryEntry>, Vec<HistoryEntry>) =
            imported.entries.into_iter().partition(|e| e.document.completed_at.is_some());
        let mut messages = Vec::new();
        let mut changed = Changed::default();
        if !finished.is_empty() {
            let (added, saved) = self.add_results(&finished);
            changed = changed.and(saved);
            let title = |entry: &HistoryEntry| set_for(&entry.document.set_id).map_or("", |s| s.title.as_str());
            messages.push(match (added, finished.len()) {
                (0, _) => tr("These results are already here."),
                (1, 1) => trf("Imported a result of “{set}”.", &[title(&finished[0])]),
                (added, total) => trn(
                    total,
                    "Imported {added} of {n} result; the others were already here.",
                    "Imported {added} of {n} results; the others were already here.",
                    &[&added.to_string()],
                ),
            });
        }
        for entry in unfinished {
            // decode_import checked that every attempt's set is loaded and its answers fit it.
            let Some(set) = set_for(&entry.document.set_id) else { continue };
            let (in_progress, seen) = self.unfinished(set);
            changed = changed.and(seen);
            match in_progress {
                Some(attempt) if attempt.id == entry.id => messages.push(trf(
                    "Your unfinished answers to “{set}” are already here: resume them from Assessments.",
                    &[&set.title],
                )),
                Some(_) => messages.push(trf(
                    "Your unfinished answers to “{set}” were not imported, because another attempt at it is in progress.",
                    &[&set.title],
                )),
                None => {
                    if let Ok(attempt) = Attempt::from_document(entry.id, set, &entry.document, 0) {
                        changed = changed.and(self.begin(set, attempt));
                        messages.push(trf(
                            "Imported your unfinished answers to “{set}”: resume them from Assessments.",
                            &[&set.title],
                        ));
                    }
                }
            }
        }
        if !imported.progress.is_empty() {
            let (message, merged) = self.import_progress(&imported.progress);
            messages.push(message);
            changed = changed.and(merged);
        }
        ImportOutcome { message: messages.join(" "), changed }
    }

    /// Imports a reply file: the reply joins the attempt whose invitation it answers.
    fn import_reply(&mut self, text: &str, sets: &[Arc<QuestionSet>]) -> ImportOutcome {
        match Reply::parse(text.as_bytes()) {
            Ok(reply) => {
                let outcome = self.receive_reply(reply, |id, version| {
                    sets.iter().find(|set| set.id == id && set.version == version).cloned()
                });
                ImportOutcome { message: outcome.message, changed: outcome.changed }
            }
            Err(problems) => ImportOutcome {
                message: trf(
                    "This reply file was not imported: {problem}. Nothing was changed.",
                    &[&problems.first().map_or_else(String::new, ToString::to_string)],
                ),
                changed: Changed::default(),
            },
        }
    }
}
