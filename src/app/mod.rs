//! The widget: a thin Leptos shell over the core. [`AppState`] holds signals of what is shown,
//! grouped by concern; components read them and send intents to the session, whose reported
//! changes are copied back into the signals. Effects only follow the outside world.
//!
//! The files are in rooms, one for each thing a person sees: `start/`, `questions/` (with the
//! review), `results/`, `roadmap/`, `others/` (others' view), `history/`, `progress/` (My progress:
//! goals and notes between attempts) and `team/` (a facilitator's view of a group); `plumbing/` is what
//! they stand on (the state every screen shares, the element, the sets, the session, the screen's
//! memory), and it imports nothing from the rooms or from here. Here stays the frame around every
//! screen: `mounted.rs` (one widget in one element), `root.rs`, the split point `lazy_screens.rs`,
//! and the notices.
//!
//! Size rules, measured, which `make size` and `tests/tidy.rs` hold you to: a new screen or panel
//! is drawn through `lazy_screens.rs`, never from the start or question screens; branches are
//! `into_any` and lists `collect_view`, not `<Show>`/`<For>` (one `<Show>`: +1.7 KB gzip); props are
//! plain values, not `Signal`s of a new type (+2.6 KB for one component); a handler on the start
//! and question screens is an `on_click`/`on_change` and a reactive value a `reactive(...)` (one
//! shared type each, not a closure type each); a read of the session goes through `LiveSession`'s one non-generic path. Why, and what each cost: ARCHITECTURE.md.

mod answers_file;
mod history;
mod lazy_screens;
mod mounted;
mod others;
pub mod panic_notice;
mod plumbing;
mod progress;
mod questions;
mod results;
mod roadmap;
mod root;
mod start;
mod storage_notice;
mod team;
mod unavailable;

use leptos::prelude::*;

pub use mounted::{Locale, Mounted};
pub use plumbing::{
    install_locale, new_attempt_id, now, on_change, on_click, reactive, AppState, Arrival, Attributes, Catalog,
    ElementRef, Host, HostAttributes, LiveAttempt, LiveSession, OnChange, OnClick, ProgressChange, Reactive, Screen,
    SetEntry, Unfinished,
};
use unavailable::unavailable;

/// Installs the crash notice; once per page.
pub fn install_panic_notice() {
    panic_notice::install();
}

/// The role index a `<select>` of roles was changed to, if it is one of `set`'s.
pub fn role_index(ev: &leptos::ev::Event, set: Option<std::sync::Arc<crate::model::QuestionSet>>) -> Option<usize> {
    event_target_value(ev).parse().ok().filter(|&r| set.is_some_and(|set| r < set.roles.len()))
}
