//! The browser's storage behind the session's key-value interface: localStorage for what the device
//! keeps, sessionStorage for what the tab keeps. The only code that touches them; what is kept
//! where, and every rule about it, is the session's business (`session::Store`).

use crate::session::{self, Fault, KeyValue, Store};

/// localStorage or sessionStorage, looked up at each use: it may be blocked at any time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebStorage {
    /// localStorage, shared by every tab of the site.
    Device,
    /// sessionStorage, this tab's own.
    Tab,
}

impl WebStorage {
    fn raw(self) -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        match self {
            WebStorage::Device => window.local_storage(),
            WebStorage::Tab => window.session_storage(),
        }
        .ok()
        .flatten()
    }
}

impl KeyValue for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        self.raw().ok_or(Fault::Blocked)?.get_item(key).map_err(|_| Fault::Blocked)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        // setItem replaces a value whole or not at all; it throws when the quota is exceeded.
        self.raw().ok_or(Fault::Blocked)?.set_item(key, value).map_err(|_| Fault::Full)
    }

    fn remove(&self, key: &str) {
        if let Some(storage) = self.raw() {
            let _ = storage.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(storage) = self.raw() else { return Vec::new() };
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The store of the widget with this storage namespace.
pub fn store(namespace: &str) -> Store<WebStorage> {
    Store::new(namespace, WebStorage::Device, WebStorage::Tab, now_ms)
}

/// The crash notice's file: every attempt in progress on this device, whatever its widget.
pub fn rescue_file() -> Option<String> {
    session::rescue_file(&WebStorage::Device, &String::from(js_sys::Date::new_0().to_iso_string()))
}
