//! The state every screen shares: where the person is (`Screen`), where focus lands as a screen
//! opens (`Arrival`), the signals of `AppState`, and the clock and ids the shell stamps things with.

use leptos::prelude::*;

use super::{Catalog, ElementRef, Host, LiveSession};

/// Where the person is.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Until the sets are loaded and the tab's screen is restored.
    Loading,
    Start,
    Answer,
    Review,
    /// The results of the completed attempt with this id.
    Results(String),
    /// The development roadmap of a completed attempt (its id) against a role (its index).
    Roadmap(String, usize),
    History,
    /// Giving one's view of someone: the payload of the invitation link that was opened.
    Invitation(String),
    /// The reply to send back, once the rater has finished.
    Reply,
    /// A reply link opened by the person who invited: its payload, to add to their results.
    ReceiveReply(String),
    /// A facilitator's view of a group, from the result files its people sent.
    Team,
    /// The person's goals and notes of evidence between attempts; with the id of the dimension a
    /// new note is for, when the roadmap asked for one (a reload forgets it).
    Progress(Option<String>),
}

/// The widget's state, shared through context; every part is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The element: its attributes, its events, its colour scheme.
    pub host: Host,
    /// The question sets, loaded for the element's `src`.
    pub catalog: Catalog,
    /// The attempt in progress, the scored history and the storage problem.
    pub session: LiveSession,
    pub screen: RwSignal<Screen>,
    /// A short status line announced to screen readers (saved, imported, deleted, ...).
    pub notice: RwSignal<Option<String>>,
    /// Where the next screen puts keyboard focus, when the intent that opened it asked for a place.
    pub arrival: StoredValue<Option<Arrival>>,
}

/// Where keyboard focus goes as the next screen opens. Every intent that changes the screen names
/// one (`go`: the heading), so each screen change lands in one way: the new screen's heading takes
/// focus, which scrolls it to the top of the window. A screen restored as the page loads names
/// none, and focus stays where the page put it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arrival {
    /// The screen's heading.
    Heading,
    /// The question at this index (the review's link to it): its first choice.
    Question(usize),
    /// The results' "Others' view" section (a history row's "Others' views").
    OthersView,
}

impl AppState {
    /// Shows `screen`, as the person asked: its heading takes focus.
    pub fn go(&self, screen: Screen) {
        self.go_to(screen, Arrival::Heading);
    }

    /// A click handler that shows the screen `screen` makes (`go`; a function, not a `Screen` to
    /// clone: `Screen`'s clone would come into the first download).
    pub fn go_on_click(self, screen: fn() -> Screen) -> OnClick {
        on_click(move |_| self.go(screen()))
    }

    /// Shows `screen` without moving focus: a screen restored as the page loads.
    pub fn restore(&self, screen: Screen) {
        self.arrival.set_value(None);
        self.screen.set(screen);
    }

    /// The heading of a screen opened with `arrival`, for `node_ref=`: it takes focus when the
    /// screen was opened for it.
    pub fn heading(arrival: Option<Arrival>) -> ElementRef {
        let heading = ElementRef::new();
        if arrival == Some(Arrival::Heading) {
            heading.focus();
        }
        heading
    }

    pub fn tell(&self, notice: String) {
        self.notice.set(Some(notice));
    }

    /// Shows `screen` with keyboard focus on `arrival`.
    pub fn go_to(&self, screen: Screen, arrival: Arrival) {
        self.arrival.set_value(Some(arrival));
        self.screen.set(screen);
    }

    /// Where the screen now drawing was asked to put focus, if anywhere. Taken, not read: every
    /// screen that can be opened at a place takes it first thing, so no later screen finds it.
    pub fn take_arrival(&self) -> Option<Arrival> {
        self.arrival.try_update_value(Option::take).flatten()
    }
}

/// A click handler, of the one type the start and question screens give every `on:click`: each
/// distinct closure given to `on:` is a listener type of its own in the wasm (its attaching,
/// wrapping and dropping), about 0.3 KB of the first download each; boxed, they share one.
pub type OnClick = Box<dyn FnMut(leptos::ev::MouseEvent)>;

/// `handler` as an [`OnClick`].
pub fn on_click(handler: impl FnMut(leptos::ev::MouseEvent) + 'static) -> OnClick {
    Box::new(handler)
}

/// A change handler, of the one type the start and question screens give every `on:change` (see
/// [`OnClick`]).
pub type OnChange = Box<dyn FnMut(leptos::ev::Event)>;

/// `handler` as an [`OnChange`].
pub fn on_change(handler: impl FnMut(leptos::ev::Event) + 'static) -> OnChange {
    Box::new(handler)
}

/// A reactive value (text, an attribute, a property, what comes and goes) of the one type the start
/// and question screens (and the frame) give each kind of value: like a handler, each distinct
/// closure is a render effect's code of its own in the wasm; shared, as Tachys shares them itself.
pub type Reactive<T> = leptos::tachys::reactive_graph::SharedReactiveFunction<T>;

/// `value` as a [`Reactive`].
pub fn reactive<T>(value: impl FnMut() -> T + Send + 'static) -> Reactive<T> {
    std::sync::Arc::new(std::sync::Mutex::new(value))
}

/// The current time as an RFC 3339 timestamp.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new attempt id, unique on this device.
pub fn new_attempt_id(set_id: &str) -> String {
    format!("{set_id}-{}-{}", js_sys::Date::now() as u64, (js_sys::Math::random() * 1e6) as u32)
}
