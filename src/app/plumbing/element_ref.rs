//! A reference to an element where it is drawn (`node_ref=`), of any kind: where keyboard focus
//! goes when a screen opens or an intent changes what is shown (focused once asked to and once
//! drawn, in whichever order those happen), a text field to select, a figure to measure. No
//! element is ever looked up by id.

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use leptos::tachys::html::node_ref::NodeRefContainer;
use wasm_bindgen::JsCast;

/// One element of any kind, given with `node_ref=`.
#[derive(Clone, Copy)]
pub struct ElementRef(Option<StoredValue<Target, LocalStorage>>);

#[derive(Default)]
struct Target {
    /// The element as last drawn.
    element: Option<web_sys::HtmlElement>,
    /// Focus was asked for and not yet given.
    wanted: bool,
}

impl ElementRef {
    /// No target: `node_ref=` it does nothing (every choice but a question's first).
    pub const NONE: ElementRef = ElementRef(None);

    #[allow(clippy::new_without_default)]
    pub fn new() -> ElementRef {
        ElementRef(Some(StoredValue::new_local(Target::default())))
    }

    /// Moves focus to the element at the next animation frame: to the element then drawn, which
    /// an intent's change may be about to replace (the heading of the next page, the button a
    /// dialogue gives back). If it is not drawn by then, it takes focus whenever it next is.
    pub fn focus(self) {
        let Some(target) = self.0 else { return };
        target.update_value(|target| target.wanted = true);
        request_animation_frame(move || self.focus_if_wanted());
    }

    /// Selects the text of the element, a text field, and focuses it, now.
    pub fn select(self) {
        let Some(target) = self.0 else { return };
        // After an await (the clipboard's refusal), the field may be gone: then nothing to select.
        let field = target.try_with_value(|target| target.element.clone()).flatten();
        if let Some(field) = field.and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            field.select();
            let _ = field.focus();
        }
    }

    /// The element as last drawn, if it has been.
    pub fn element(self) -> Option<web_sys::HtmlElement> {
        self.0?.try_with_value(|target| target.element.clone()).flatten()
    }

    /// The element's width in CSS pixels; 0 before it is drawn.
    pub fn width(self) -> u32 {
        let Some(target) = self.0 else { return 0 };
        let width = |target: &Target| target.element.as_ref().map_or(0, |element| element.client_width().max(0) as u32);
        target.try_with_value(width).unwrap_or(0)
    }

    fn focus_if_wanted(self) {
        let Some(target) = self.0 else { return };
        let element = target.try_update_value(|target| {
            let element = target.element.clone().filter(|element| target.wanted && element.is_connected())?;
            target.wanted = false;
            Some(element)
        });
        if let Some(element) = element.flatten() {
            let _ = element.focus();
        }
    }
}

impl<E: ElementType> NodeRefContainer<E> for ElementRef {
    fn load(self, element: &web_sys::Element) {
        let Some(target) = self.0 else { return };
        let element: web_sys::HtmlElement = element.clone().unchecked_into();
        let wanted = target.try_update_value(|target| {
            target.element = Some(element);
            target.wanted
        });
        // Drawn after focus was asked for: focused once it is in the page.
        if wanted == Some(true) {
            request_animation_frame(move || self.focus_if_wanted());
        }
    }
}
