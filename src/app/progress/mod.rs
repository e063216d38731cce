//! Between two attempts: the person's goals and dated notes of evidence, what changed since the last
//! attempt, the check-ins for a calendar and a record to print (issue 28). Kept on the device like
//! the answers; the screens read them only when shown.

mod evidence_list;
mod goal_list;
mod keep_focus;
mod note_draft;
mod progress_record;
mod progress_screen;

pub use progress_screen::ProgressScreen;

use leptos::prelude::*;

use crate::app::{AppState, LiveSession, ProgressChange};
use crate::model::Problem;
use crate::progress::{DimensionNames, Progress};

/// What the goals and the notes, both lists of My progress, draw from and work with.
#[derive(Clone)]
struct Lists {
    state: AppState,
    /// The goals and notes as last read: the screen sets them after every change.
    progress: RwSignal<Progress>,
    /// Notified when the lists are to be drawn anew: a goal or note added or deleted here, or any
    /// change from another tab. A field edited in place is not: its control shows the change
    /// already, and drawing the row anew would take the control from under the person's keyboard
    /// (a date half typed, the next field Tab was moving to).
    redraw: Trigger,
    /// Set while a change made by editing a field in place is on its way to the screen.
    in_place: InPlace,
    names: DimensionNames,
    draft: note_draft::NoteDraft,
    keys: keep_focus::FocusKeys,
}

/// Whether the change the screen is about to see came from a field edited in place.
#[derive(Clone, Copy)]
struct InPlace(StoredValue<bool>);

impl InPlace {
    /// Makes `intent`, the edit of one field, and marks what it changed as made in place; what was
    /// wrong with it, for the person (empty when done).
    fn edit(self, session: LiveSession, progress: RwSignal<Progress>, change: ProgressChange) -> Vec<Problem> {
        self.0.set_value(true);
        let problems = session.change_progress(change);
        // Nothing changed (refused, or the same value): no change will come to clear the mark.
        if progress.with_untracked(|shown| *shown == session.progress()) {
            self.0.set_value(false);
        }
        problems
    }

    /// Whether the change now seen was made in place; the mark is cleared.
    fn take(self) -> bool {
        self.0.try_update_value(std::mem::take).unwrap_or(false)
    }
}
