//! The widget's entry point. On wasm32 it exports `mount`, which `public/altitude.js` (the
//! `<altitude-assessment>` element) calls for each element; native builds only explain that.

/// Talc rather than the standard library's dlmalloc: 1.0 KB of gzip less in the first download.
/// Speed, from `make bench` on 2026-12-07, 8 runs of each on the 1,000-question set: Start to first
/// question median 32.3 ms (dlmalloc 31.8); an answer settles in 9.5 ms at the 95th percentile on
/// the first page (dlmalloc 7.6), and no answer is drawn a frame late with either.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// One mounted widget; `free()` from JavaScript unmounts it and releases what it held.
    #[wasm_bindgen]
    pub struct Widget(altitude::app::Mounted);

    #[wasm_bindgen]
    impl Widget {
        /// Applies a changed attribute of the element (`src`, `set`, `role`, `theme`).
        pub fn set_attribute(&self, name: &str, value: Option<String>) {
            self.0.set_attribute(name, value);
        }
    }

    /// Panics, as a bug in the widget would: nothing else panics on purpose, and the end-to-end test
    /// of the crash notice (`e2e/tests/storage.test.mjs`) needs a crash to save the answers from.
    #[wasm_bindgen(js_name = simulateCrash)]
    pub fn simulate_crash() {
        panic!("a simulated crash");
    }

    /// Reads the locale file at `url` (the element's `request` for it) and speaks its language from
    /// then on; calls `done` with why it could not, or with nothing, once it is read.
    #[wasm_bindgen(js_name = installLocale)]
    pub fn install_locale(url: String, request: js_sys::Promise, done: js_sys::Function) {
        altitude::app::install_locale(url, request, done);
    }

    /// Mounts a widget into `container` (inside the element's shadow root). `host` is the element,
    /// which receives the widget's events; `assets` is the URL the bundle is served from;
    /// `locale_url` the address of the locale file `installLocale` read (none for English), and
    /// `locale_problem` why it could not be used.
    #[wasm_bindgen]
    #[allow(clippy::too_many_arguments)]
    pub fn mount(
        container: web_sys::HtmlElement,
        host: web_sys::HtmlElement,
        assets: String,
        src: Option<String>,
        set: Option<String>,
        role: Option<String>,
        storage_key: String,
        theme: Option<String>,
        locale_url: Option<String>,
        locale_problem: Option<String>,
    ) -> Widget {
        let attributes = altitude::app::Attributes { src, set, role, theme };
        let locale = altitude::app::Locale { read: locale_url.is_some(), problem: locale_problem.zip(locale_url) };
        Widget(altitude::app::Mounted::new(container, host, assets, storage_key, attributes, locale))
    }
}

/// Runs when the module loads: installs the crash notice. Widgets are mounted by `mount`.
#[cfg(target_arch = "wasm32")]
fn main() {
    altitude::app::install_panic_notice();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("altitude-web is the browser widget; build it with `make build` or run `make serve`.");
    std::process::exit(2);
}
