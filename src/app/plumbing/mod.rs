//! The shell's own plumbing, which no one sees as such: the element and its attributes, the question
//! sets as they load, the live session, the screen remembered for the tab, references to drawn
//! elements, and saving a file.

mod catalog;
mod download;
mod element;
mod element_ref;
mod host;
mod live_session;
mod screen_memory;

pub use catalog::{Catalog, SetEntry};
pub use download::download;
pub use element::{Attributes, HostAttributes, Mounted};
pub use element_ref::ElementRef;
pub use host::Host;
pub use live_session::{LiveAttempt, LiveSession};
pub use screen_memory::{follow_links_in_address, forget_link_in_address, remember_screen, restore_screen_when_loaded};
