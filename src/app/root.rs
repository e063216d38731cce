//! The root component: builds the state, follows the outside world, and shows the current screen.

use leptos::prelude::*;

use crate::i18n::{tr, trf};

use super::lazy_screens;
use super::plumbing::{follow_links_in_address, remember_screen, restore_screen_when_loaded};
use super::questions::QuestionPage;
use super::start::StartScreen;
use super::storage_notice::StorageNotice;
use super::{on_click, reactive, AppState, Catalog, Host, HostAttributes, LiveSession, Screen};

/// How long after the question page first shows the later screens' module is fetched.
const PRELOAD_DELAY_MS: u64 = 1000;

/// The whole widget, inside one `<altitude-assessment>` element.
#[component]
pub fn Root(
    /// The storage namespace (the element's `storage-key`): its data lives under keys starting with it.
    namespace: String,
    /// The element, which receives the widget's events.
    host: web_sys::HtmlElement,
    /// The URL the bundle is served from.
    assets: String,
    /// The element's attributes.
    attributes: HostAttributes,
    /// Why the locale file asked for could not be read, and its address: told to the page.
    locale_problem: Option<(String, String)>,
) -> impl IntoView {
    let host = Host::new(host, attributes, assets);
    if let Some((message, url)) = &locale_problem {
        host.emit(&crate::host_event::LoadError { message, url });
    }
    let catalog = Catalog::new(host);
    let notice = RwSignal::new(None);
    let session = LiveSession::open(&namespace, host, catalog, notice);
    let state = AppState {
        host,
        catalog,
        session,
        screen: RwSignal::new(Screen::Loading),
        notice,
        arrival: StoredValue::new(None),
    };
    provide_context(state);
    session.follow_other_tabs(lazy_screens::follow_history);
    restore_screen_when_loaded(state);
    remember_screen(state);
    follow_links_in_address(state);

    let screen = move || match state.screen.get() {
        Screen::Loading => view! { <p class="loading" role="status">{tr("Loading the assessments…")}</p> }.into_any(),
        Screen::Start => view! { <StartScreen/> }.into_any(),
        Screen::Answer => view! { <QuestionPage/> }.into_any(),
        later => lazy_screens::later(state.host, later),
    };
    // A moment after the first question shows (or any later screen), the rest of the widget downloads
    // in the background while the person answers: off the path to the first question and its first
    // frames (compiling the module competes with drawing a long page), and ready long before the results.
    Effect::new(move |preloaded: Option<bool>| {
        if preloaded == Some(true) {
            return true;
        }
        let later = !matches!(state.screen.get(), Screen::Loading | Screen::Start);
        if later {
            set_timeout(move || lazy_screens::preload(state.host), std::time::Duration::from_millis(PRELOAD_DELAY_MS));
        }
        later
    });
    let history_count = move || state.session.history_count();
    // The masthead leads away from the start screen only once every set and archived version is
    // in: past results may have been taken on one still on its way, and a click while loading
    // would replace the screen the tab remembers before it is restored.
    let still_loading = reactive(state.catalog.incomplete());
    let theme = move || {
        state.host.attributes.theme.get().filter(|t| t == "light" || t == "dark").unwrap_or_else(|| "auto".to_owned())
    };

    view! {
        <div class="altitude" data-theme=reactive(theme) part="surface">
            <header class="masthead screen-only" part="masthead">
                <p class="brand">{tr("Altitude")}</p>
                <nav aria-label=tr("Altitude")>
                    <button type="button" class="link" prop:disabled=still_loading.clone() on:click=state.go_on_click(|| Screen::Start)>
                        {tr("Assessments")}
                    </button>
                    <button type="button" class="link" prop:disabled=still_loading on:click=state.go_on_click(|| Screen::History)>
                        {reactive(move || trf("Past results ({count})", &[&history_count().to_string()]))}
                    </button>
                </nav>
            </header>
            <StorageNotice/>
            <div class="notice screen-only" role="status" aria-live="polite">
                // An `AnyView` (nothing, or the line), as the screen's own parts that come and go are.
                {reactive(move || match state.notice.get() {
                    Some(text) => view! {
                        <p class="notice-text">{text}<button type="button" class="link" on:click=on_click(move |_| state.notice.set(None))>{tr("Dismiss")}</button></p>
                    }.into_any(),
                    None => ().into_any(),
                })}
            </div>
            <main part="screen">{reactive(screen)}</main>
        </div>
    }
}
