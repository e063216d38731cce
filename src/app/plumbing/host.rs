//! The `<altitude-assessment>` element as the widget sees it: its attributes, the events it
//! dispatches to the host page, where the bundle is served from, and the colour scheme in force.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::HostAttributes;
use crate::host_event::HostEvent;

/// The element and what comes from it.
#[derive(Clone, Copy)]
pub struct Host {
    /// The element, which receives the widget's events.
    element: StoredValue<web_sys::HtmlElement, LocalStorage>,
    pub attributes: HostAttributes,
    /// The URL the bundle is served from; the bundled assessments are found relative to it.
    pub assets: StoredValue<String>,
    /// Whether the system prefers dark colours, followed live.
    system_dark: RwSignal<bool>,
}

impl Host {
    /// Follows the system's colour scheme until the widget is unmounted.
    pub fn new(element: web_sys::HtmlElement, attributes: HostAttributes, assets: String) -> Host {
        let system_dark = RwSignal::new(false);
        let query = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
        if let Some(query) = query {
            system_dark.set(query.matches());
            let on_change = {
                let query = query.clone();
                Closure::<dyn Fn()>::new(move || system_dark.set(query.matches()))
            };
            let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
            let listening = StoredValue::new_local((query, on_change));
            on_cleanup(move || {
                listening.with_value(|(query, on_change)| {
                    let _ = query.remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
                });
            });
        }
        Host { element: StoredValue::new_local(element), attributes, assets: StoredValue::new(assets), system_dark }
    }

    /// The request for `url` that the element started before the wasm ran (`public/altitude.js`
    /// fetches the catalog and the default set beside the wasm), handed over once; `None` when it
    /// made none, or when the widget is mounted without that element. The promise resolves with the
    /// body's bytes (an `ArrayBuffer`, read as they arrived) or with a response that failed, and
    /// rejects when the request itself failed.
    pub fn take_prefetched(&self, url: &str) -> Option<js_sys::Promise> {
        self.call("takePrefetched", &url.into())
    }

    /// The later screens' stylesheet, which the element adds to its shadow root on the first call
    /// (`public/altitude-later.css`); the promise resolves once it has loaded or failed. `None`
    /// when the widget is mounted without that element.
    pub fn later_styles(&self) -> Option<js_sys::Promise> {
        self.call("laterStyles", &wasm_bindgen::JsValue::UNDEFINED)
    }

    /// The promise the element's `method` returns for `argument`, if the element has that method.
    fn call(&self, method: &str, argument: &wasm_bindgen::JsValue) -> Option<js_sys::Promise> {
        self.element.try_with_value(|element| {
            let method = js_sys::Reflect::get(element, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            method.call1(element, argument).ok()?.dyn_into::<js_sys::Promise>().ok()
        })?
    }

    /// Whether the widget shows dark colours: its `theme`, else the system's (tracked: charts
    /// that read it are redrawn when either changes).
    pub fn dark(&self) -> bool {
        match self.attributes.theme.get().as_deref() {
            Some("dark") => true,
            Some("light") => false,
            _ => self.system_dark.get(),
        }
    }

    /// Dispatches `event` on the element as `altitude-<name>`, bubbling out of the shadow root.
    pub fn emit<E: HostEvent>(&self, event: &E) {
        self.dispatch(E::NAME, &event.detail());
    }

    /// The one non-generic way out: `detail` parsed from JSON, so the host gets plain objects.
    fn dispatch(&self, name: &str, detail: &str) {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(wasm_bindgen::JsValue::NULL));
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(&format!("altitude-{name}"), &init) {
            self.element.with_value(|element| element.dispatch_event(&event).ok());
        }
    }
}
