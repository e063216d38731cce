//! What only a visitor who is spoken to in another language than English needs, in a wasm module of
//! its own that an English visitor never fetches: the locale file that `public/altitude.js` fetched,
//! read and installed for the core's lookups ([`crate::i18n`]) with the browser's plural rules and
//! date format for its language, before the widget is first drawn; and each set's translation (found
//! in the catalog's list, fetched, checked and applied). A locale file that cannot be fetched or read
//! leaves the widget in English, told to the page as a set that cannot be loaded is.
//!
//! Each task is a boxed future that runs the module's code: the main module awaits a pointer, not
//! the task's state (each await written in the main module is code in the first download).
//!
//! A second split point beside `lazy_screens.rs`'s: what it holds is needed before the start screen
//! for some visitors and never for most, where the later screens' module is needed by everyone,
//! after the questions.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};

#[cfg(feature = "split")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;

use super::catalog::{problem_summary, read_bytes, resolve, start_fetch};
use super::Host;
use crate::host_event::LoadError;
use crate::i18n::{self, tr, Messages};
use crate::model::QuestionSet;
use crate::translation::catalog::ListedTranslation;
use crate::translation::Translation;

/// What the module is asked to do.
enum Work {
    InstallLocale(String, js_sys::Promise),
    Translate(Host, Rc<Catalog>, Arc<QuestionSet>),
}

/// A task of the module's.
type Task<T> = Pin<Box<dyn Future<Output = T>>>;

/// What it started.
enum Done {
    Installing(Task<Option<String>>),
    Translating(Task<Option<Arc<QuestionSet>>>),
}

/// The catalog a set was listed in: its address and its bytes, whose `translations` the module reads.
pub struct Catalog {
    pub url: String,
    pub bytes: Vec<u8>,
}

#[cfg(feature = "split")]
#[wasm_split(altitude_language, wasm_split_path = ::leptos::wasm_split, fallible)]
fn in_language_module(work: Work) -> Result<Done, SplitLoaderError> {
    Ok(run(work))
}

/// Without the `split` feature (the wasm tests' build): the same, in the one module.
#[cfg(not(feature = "split"))]
async fn in_language_module(work: Work) -> Result<Done, SplitLoaderError> {
    Ok(run(work))
}

fn run(work: Work) -> Done {
    match work {
        Work::InstallLocale(url, request) => Done::Installing(Box::pin(installed(url, request))),
        Work::Translate(host, catalog, set) => Done::Translating(Box::pin(translated(host, catalog, set))),
    }
}

/// Speaks the language of the locale file at `url`, once `request` (the element's, which resolves
/// with a response or its bytes read ahead) is in; `None`, or why it could not, and then English.
async fn installed(url: String, request: js_sys::Promise) -> Option<String> {
    let why = match read_bytes(Ok(request)).await {
        Ok(bytes) => match Messages::parse(&bytes) {
            Ok(messages) => {
                let language = messages.language.clone();
                match (plural_rule(&language), date_format(&language)) {
                    (Some(plural), Some(date)) => {
                        i18n::install(Some(messages.with_plural_rule(plural).with_date_format(date)));
                        return None;
                    }
                    _ => format!("language: the browser knows no language \"{language}\""),
                }
            }
            Err(problems) => problem_summary(&problems),
        },
        Err(why) => why,
    };
    i18n::install(None);
    Some(locale_not_used(&url, &why))
}

fn locale_not_used(url: &str, why: &str) -> String {
    format!("The locale file at {url} could not be loaded, so the widget speaks English: {why}")
}

/// The translation of `set` that the catalog lists for the language spoken: one into that very
/// language, else one into the same language of another region.
fn listed_for(catalog: &Catalog, set: &QuestionSet, spoken: &str) -> Option<ListedTranslation> {
    let tree = crate::model::json::parse(&catalog.bytes).ok()?;
    let listed = crate::translation::catalog::listed(&tree).ok()?;
    let of_set = |t: &&ListedTranslation| t.set == set.id && t.version == set.version;
    let exact = listed.iter().filter(of_set).find(|t| t.language.eq_ignore_ascii_case(spoken));
    exact.or_else(|| listed.iter().filter(of_set).find(|t| i18n::same_language(&t.language, spoken))).cloned()
}

/// `set` in the language spoken, when the catalog lists a translation of it that is complete and
/// current; otherwise `None`, and the set is offered in its own language (the start screen says
/// so); a translation that is listed but cannot be used is told to the page.
async fn translated(host: Host, catalog: Rc<Catalog>, set: Arc<QuestionSet>) -> Option<Arc<QuestionSet>> {
    if i18n::speaks(&set.language) {
        return None;
    }
    let listed = listed_for(&catalog, &set, &i18n::language())?;
    let url = resolve(&listed.file, &catalog.url);
    let applied = match read_bytes(start_fetch(host, &url)).await {
        Ok(bytes) => Translation::parse(&bytes)
            .and_then(|translation| crate::translation::apply(&translation, &set))
            .map_err(|problems| problem_summary(&problems)),
        Err(why) => Err(why),
    };
    match applied {
        Ok(translated) => Some(Arc::new(translated)),
        Err(why) => {
            let message = format!(
                "The translation at {url} is not used, so \"{}\" is offered in its own language: {why}",
                set.title
            );
            host.emit(&LoadError { message: &message, url: &url });
            None
        }
    }
}

/// Why the module did not answer, for the person or the page.
fn not_loaded() -> String {
    tr("the part of Altitude that reads other languages could not be loaded")
}

/// Speaks the language of the locale file at `url` (see `installed`), then calls `done` with why
/// the file could not be used (for an `altitude-error`; the widget then speaks English), or
/// with nothing. The element mounts its widget from `done`, so nothing is drawn in the wrong language.
///
/// The catalog in force stays until the new one is read: widgets already drawn on the page keep
/// their language meanwhile.
pub fn install_locale(url: String, request: js_sys::Promise, done: js_sys::Function) {
    wasm_bindgen_futures::spawn_local(async move {
        let problem = match in_language_module(Work::InstallLocale(url.clone(), request)).await {
            Ok(Done::Installing(task)) => task.await,
            _ => {
                i18n::install(None);
                Some(locale_not_used(&url, &not_loaded()))
            }
        };
        let _ = done.call1(&JsValue::NULL, &problem.map_or(JsValue::UNDEFINED, JsValue::from));
    });
}

/// `set` in the language spoken, if the catalog lists a translation of it that is complete and
/// current (a catalog that lists its translations wrongly translates nothing: `altitude check` says
/// where). A boxed future: the catalog's load, which awaits it in two places, then holds a pointer
/// to it rather than its state twice over (0.4 KB of the first download).
pub fn in_language_spoken(host: Host, catalog: Rc<Catalog>, set: Arc<QuestionSet>) -> Task<Option<Arc<QuestionSet>>> {
    Box::pin(async move {
        match in_language_module(Work::Translate(host, catalog, set)).await {
            Ok(Done::Translating(task)) => task.await,
            _ => None,
        }
    })
}

/// `new Intl[name](language, options)`, or `None` when the browser refuses the language (a tag our
/// check accepts, such as `de-1`, can still be one `Intl` throws on: a throw here would stop the task
/// and leave the element blank).
fn intl<T: JsCast>(name: &str, language: &str, options: &js_sys::Object) -> Option<T> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()?;
    let arguments = js_sys::Array::of2(&JsValue::from_str(language), options);
    Some(js_sys::Reflect::construct(&constructor, &arguments).ok()?.unchecked_into())
}

/// The browser's plural rule for `language` (`Intl.PluralRules`).
fn plural_rule(language: &str) -> Option<i18n::PluralRule> {
    let rules: js_sys::Intl::PluralRules = intl("PluralRules", language, &js_sys::Object::new())?;
    Some(Box::new(move |count| String::from(rules.select(count as f64))))
}

/// The browser's long date format for `language` (`Intl.DateTimeFormat`), for a date `YYYY-MM-DD`.
fn date_format(language: &str) -> Option<i18n::DateFormat> {
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let format: js_sys::Intl::DateTimeFormat = intl("DateTimeFormat", language, &options)?;
    Some(Box::new(move |date| {
        let when = js_sys::Date::new(&JsValue::from_str(date));
        if when.get_time().is_nan() {
            return date.to_owned();
        }
        format.format().call1(&format, &when).ok().and_then(|text| text.as_string()).unwrap_or_else(|| date.to_owned())
    }))
}
