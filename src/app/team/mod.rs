//! The team view: a facilitator's screen that sums the result files a group chose to send into the
//! group's readiness, never a person's (`../shared/spec/team-view.md`); nothing of it is kept.

mod team_files;
mod team_screen;
mod team_summary;

pub use team_screen::TeamScreen;
