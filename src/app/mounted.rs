//! One widget inside one `<altitude-assessment>` element: the mounted view, its attributes as
//! signals, released when the element lets it go. In another language than English the view is
//! mounted once its locale file has been read, so nothing is ever drawn in the wrong language.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use super::root;
use super::{install_locale, Attributes, HostAttributes};
use crate::i18n;

/// A widget mounted into an element; dropping it unmounts it and releases its state.
pub struct Mounted {
    /// The mounted view; `None` until the language is read, and again once dropped (so a reading
    /// that ends after the element let go mounts nothing).
    view: Rc<RefCell<Option<Box<dyn std::any::Any>>>>,
    attributes: HostAttributes,
}

impl Mounted {
    pub fn new(
        container: web_sys::HtmlElement,
        host: web_sys::HtmlElement,
        assets: String,
        storage_key: String,
        given: Attributes,
        locale: Option<(String, js_sys::Promise)>,
    ) -> Mounted {
        let attributes = HostAttributes {
            src: RwSignal::new(given.src),
            set: RwSignal::new(given.set),
            role: RwSignal::new(given.role),
            theme: RwSignal::new(given.theme),
        };
        let view: Rc<RefCell<Option<Box<dyn std::any::Any>>>> = Rc::new(RefCell::new(None));
        let widget = Widget { container, host, assets, storage_key, attributes };
        let mounted = Rc::downgrade(&view);
        // Drawn once the language is read; English reads nothing, so it is drawn in the microtask
        // after this call, before the page paints. (Not Leptos's spawn: its executor is set up by
        // the first mount, which this task makes.)
        wasm_bindgen_futures::spawn_local(async move {
            let locale_problem = match locale {
                Some((url, request)) => install_locale(url.clone(), request).await.map(|why| (why, url)),
                None => {
                    i18n::install(None);
                    None
                }
            };
            if let Some(view) = mounted.upgrade() {
                *view.borrow_mut() = Some(widget.draw(locale_problem));
            }
        });
        Mounted { view, attributes }
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

/// What the view is drawn from.
struct Widget {
    container: web_sys::HtmlElement,
    host: web_sys::HtmlElement,
    assets: String,
    storage_key: String,
    attributes: HostAttributes,
}

impl Widget {
    /// The view, in the language installed; `locale_problem` is told to the page.
    fn draw(self, locale_problem: Option<(String, String)>) -> Box<dyn std::any::Any> {
        let Widget { container, host, assets, storage_key, attributes } = self;
        // The widget's own root speaks the language, never the host page.
        let _ = container.set_attribute("lang", &i18n::language());
        let _ = container.set_attribute("dir", if i18n::right_to_left() { "rtl" } else { "ltr" });
        Box::new(leptos::mount::mount_to(container, move || {
            view! { <root::Root namespace=storage_key.clone() host=host.clone() assets=assets.clone() attributes=attributes locale_problem=locale_problem.clone()/> }
        }))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.view.borrow_mut().take();
        let HostAttributes { src, set, role, theme } = self.attributes;
        for signal in [src, set, role, theme] {
            signal.dispose();
        }
    }
}
