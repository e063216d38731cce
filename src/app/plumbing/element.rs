//! One widget inside one `<altitude-assessment>` element: its attributes as signals, so a change on
//! a live element takes effect, and the mounted view, released when the element lets it go.

use leptos::prelude::*;

use crate::app::root;

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

/// A widget mounted into an element; dropping it unmounts it and releases its state.
pub struct Mounted {
    _view: Box<dyn std::any::Any>,
    attributes: HostAttributes,
}

impl Mounted {
    pub fn new(
        container: web_sys::HtmlElement,
        host: web_sys::HtmlElement,
        assets: String,
        storage_key: String,
        given: Attributes,
    ) -> Mounted {
        let attributes = HostAttributes {
            src: RwSignal::new(given.src),
            set: RwSignal::new(given.set),
            role: RwSignal::new(given.role),
            theme: RwSignal::new(given.theme),
        };
        let view = leptos::mount::mount_to(container, move || {
            view! { <root::Root namespace=storage_key.clone() host=host.clone() assets=assets.clone() attributes=attributes/> }
        });
        Mounted { _view: Box::new(view), attributes }
    }

    pub fn set_attribute(&self, name: &str, value: Option<String>) {
        let signal = match name {
            "src" => self.attributes.src,
            "set" => self.attributes.set,
            "role" | "target-role" => self.attributes.role,
            "theme" => self.attributes.theme,
            _ => return,
        };
        signal.set(value);
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let HostAttributes { src, set, role, theme } = self.attributes;
        for signal in [src, set, role, theme] {
            signal.dispose();
        }
    }
}
