//! The language the widget speaks: the locale file `public/altitude.js` fetched for the language
//! asked for, read and installed for the core's lookups ([`crate::i18n`]) by the language module,
//! before the widget is mounted. A file that cannot be fetched or read leaves the widget in English,
//! and the widget tells the page, as it does of a set that cannot be loaded.

use super::catalog::read_bytes;
use super::language_module;
use crate::i18n;

/// Speaks the language of the locale file at `url`, whose request the element started (`request`:
/// a response, or its bytes read ahead); returns why the file could not be read or used, for an
/// `altitude-load-error`, and then speaks English.
pub async fn install_locale(url: &str, request: js_sys::Promise) -> Option<String> {
    i18n::install(None);
    let why = match read_bytes(Ok(request)).await {
        Ok(bytes) => match language_module::install_locale(bytes).await {
            Ok(()) => return None,
            Err(why) => why,
        },
        Err(why) => why,
    };
    Some(format!("The locale file at {url} could not be loaded, so the widget speaks English: {why}"))
}
