//! Keeps keyboard focus on the same control when the goals and notes are drawn again: after another
//! tab's change, or a goal or note added or deleted here (a field edited in place draws nothing
//! anew). The control that had focus is drawn anew, and without this focus would fall to the
//! page's body.
//!
//! Each control is registered under a key as it is drawn: `goal:<id>:<field>` or `note:<id>:<field>`;
//! the headings of the two lists are `goal` and `note`, where focus goes when its control is gone
//! (a goal or note deleted).

use leptos::prelude::*;

use crate::app::plumbing::ElementRef;

/// The controls of the lists as last drawn, by key.
#[derive(Clone, Copy)]
pub struct FocusKeys(StoredValue<Vec<(String, ElementRef)>, LocalStorage>);

impl FocusKeys {
    pub fn new() -> FocusKeys {
        FocusKeys(StoredValue::new_local(Vec::new()))
    }

    /// The reference for the control `key` as it is drawn now (`node_ref=`), in place of the one
    /// drawn before it.
    pub fn control(self, key: String) -> ElementRef {
        let control = ElementRef::new();
        self.0.update_value(|controls| {
            controls.retain(|(k, _)| *k != key);
            controls.push((key, control));
        });
        control
    }

    /// The key of the control that has focus, if it is one of these. Forgets the controls no
    /// longer in the page (a goal or note deleted, whose reference went with its row; every control
    /// drawn is in the page by the time anything asks).
    pub fn focused(self) -> Option<String> {
        let active = active_element()?;
        self.0
            .try_update_value(|controls| {
                controls.retain(|(_, c)| c.element().is_some_and(|e| e.is_connected()));
                controls.iter().find(|(_, c)| c.element().is_some_and(|e| *e == active)).map(|(k, _)| k.clone())
            })
            .flatten()
    }

    /// Once the lists are drawn again (the next frame), focuses the control `key`, or when it is
    /// gone the heading of its list: at once, not one more frame later through `ElementRef::focus`.
    pub fn refocus(self, key: String) {
        request_animation_frame(move || {
            let list = key.split(':').next().unwrap_or_default();
            let control = self
                .0
                .try_with_value(|controls| {
                    let find = |wanted: &str| {
                        controls.iter().find(|(k, c)| k == wanted && c.element().is_some_and(|e| e.is_connected()))
                    };
                    find(&key).or_else(|| find(list)).and_then(|(_, c)| c.element())
                })
                .flatten();
            if let Some(control) = control {
                let _ = control.focus();
            }
        });
    }
}

/// The element with keyboard focus: inside a shadow root (the embedded widget), the root's, not
/// the document's (which is the host element).
fn active_element() -> Option<web_sys::Element> {
    let mut active = web_sys::window()?.document()?.active_element()?;
    while let Some(inner) = active.shadow_root().and_then(|root| root.active_element()) {
        active = inner;
    }
    Some(active)
}
