//! Between two attempts: the person's goals and dated notes of evidence, what changed since the last
//! attempt, the check-ins for a calendar and a record to print (issue 28). Kept on the device like
//! the answers; the screens read them only when shown.

mod evidence_list;
mod goal_list;
mod progress_record;
mod progress_screen;

pub use progress_screen::ProgressScreen;
