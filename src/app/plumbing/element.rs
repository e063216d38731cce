//! The attributes of an `<altitude-assessment>` element, as given and as signals, so that a change on
//! a live element takes effect.

use leptos::prelude::*;

/// The element's attributes as given when it was mounted.
pub struct Attributes {
    pub src: Option<String>,
    pub set: Option<String>,
    pub role: Option<String>,
    pub theme: Option<String>,
}

/// The element's attributes as signals, so that changing one on a live element takes effect.
#[derive(Clone, Copy)]
pub struct HostAttributes {
    /// A question-set URL (relative to the page): the widget offers that set alone.
    pub src: RwSignal<Option<String>>,
    /// The id of a bundled set to preselect.
    pub set: RwSignal<Option<String>>,
    /// The id of the target role.
    pub role: RwSignal<Option<String>>,
    /// `light`, `dark` or `auto` (the default).
    pub theme: RwSignal<Option<String>>,
}
