//! One widget inside one `<altitude-assessment>` element: the mounted view, its attributes as
//! signals, released when the element lets it go.

use leptos::prelude::*;

use super::root;
use super::{Attributes, HostAttributes};
use crate::i18n;

/// The language a widget is mounted in: whether a locale file was read for it (`installLocale`),
/// and why that file could not be used, with its address, for the page.
pub struct Locale {
    pub read: bool,
    pub problem: Option<(String, String)>,
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
        locale: Locale,
    ) -> Mounted {
        // English reads nothing; another language was installed before this call (`installLocale`).
        if !locale.read {
            i18n::install(None);
        }
        let locale_problem = locale.problem;
        let attributes = HostAttributes {
            src: RwSignal::new(given.src),
            set: RwSignal::new(given.set),
            role: RwSignal::new(given.role),
            theme: RwSignal::new(given.theme),
        };
        // The widget's own root speaks the language, never the host page.
        let _ = container.set_attribute("lang", &i18n::language());
        let _ = container.set_attribute("dir", if i18n::right_to_left() { "rtl" } else { "ltr" });
        let view = leptos::mount::mount_to(container, move || {
            view! { <root::Root namespace=storage_key.clone() host=host.clone() assets=assets.clone() attributes=attributes locale_problem=locale_problem.clone()/> }
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
