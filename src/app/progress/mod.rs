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

use leptos::prelude::RwSignal;

use crate::app::AppState;
use crate::progress::{DimensionNames, Progress};

/// What the goals and the notes, both lists of My progress, draw from and work with.
#[derive(Clone)]
struct Lists {
    state: AppState,
    /// The goals and notes as last read: the screen sets them after every change.
    progress: RwSignal<Progress>,
    names: DimensionNames,
    draft: note_draft::NoteDraft,
    keys: keep_focus::FocusKeys,
}
