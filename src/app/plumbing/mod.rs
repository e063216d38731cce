//! The shell's own plumbing, which no one sees as such: the state every screen shares, the element's
//! attributes, the question sets as they load, the live session, the screen remembered for the tab,
//! references to drawn elements, and saving a file. It imports nothing from the rooms or the frame.

mod app_state;
mod catalog;
mod download;
mod element;
mod element_ref;
mod host;
mod language_module;
mod live_session;
mod screen_memory;

pub use app_state::{
    new_attempt_id, now, on_change, on_click, reactive, AppState, Arrival, OnChange, OnClick, Reactive, Screen,
};
pub use catalog::{Catalog, SetEntry};
pub use download::download;
pub use element::{Attributes, HostAttributes};
pub use element_ref::ElementRef;
pub use host::Host;
pub use language_module::install_locale;
pub use live_session::{LiveAttempt, LiveSession, ProgressChange, Unfinished};
pub use screen_memory::{follow_links_in_address, forget_link_in_address, remember_screen, restore_screen_when_loaded};
