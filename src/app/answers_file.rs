//! The file that keeps what the browser could not: the attempt in progress, else every result.

use super::plumbing::download;
use super::AppState;
use crate::i18n::{tr, trf};

/// Saves what would otherwise be lost: the attempt in progress (a result file without a completion
/// time, which the history screen imports back to resume), else every completed result. It runs
/// in the split module, which holds the code it needs: only [`super::lazy_screens::save_to_file`] calls
/// it (the storage notice's offer), as a call from the first download would bring that code back into it.
pub fn write_answers_file(state: AppState) {
    let result = match state.session.attempt_document() {
        Some((set_id, document)) => download(&trf("altitude-answers-{set}.json", &[&set_id]), &document),
        None => download(&tr("altitude-everything.json"), &state.session.export_everything()),
    };
    if let Err(reason) = result {
        state.tell(trf("The file could not be saved: {reason}", &[&reason]));
    }
}
