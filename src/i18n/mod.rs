//! The words Altitude shows a person, in the language the widget speaks (issue 26). English is the
//! code's own text, written where it is used; another language is a message catalog
//! (`altitude.messages/1`, [`Messages`]) that the widget reads from a locale file and installs here
//! before it draws. A text is looked up by its English source, so a catalog entry whose English has
//! since changed is no longer found (the English shows, and `tests/i18n.rs` reports the entry as
//! stale), and a text the catalog lacks shows in English rather than not at all.
//!
//! [`tr`], [`trf`] and [`trn`] are the lookups; `tests/i18n.rs` reads their literal arguments (and
//! [`msg`]'s) out of the source to list every text there is (`locales/messages.json`) and to hold each
//! bundled locale file to that list. The catalog is per thread, which in the browser is per page: the
//! widgets on one page speak one language. Pure: the plural rule is the widget's to give
//! (`Intl.PluralRules` in the browser); natively it is English's.

mod messages;

use std::cell::RefCell;
use std::rc::Rc;

pub use messages::{DateFormat, Messages, PluralRule, FORMAT};

thread_local! {
    static CURRENT: RefCell<Option<Rc<Messages>>> = const { RefCell::new(None) };
}

/// Speaks `messages`' language from now on (English when `None`).
pub fn install(messages: Option<Messages>) {
    // The catalog replaced is dropped after the borrow ends.
    let _replaced = CURRENT.with(|current| current.replace(messages.map(Rc::new)));
}

/// The catalog installed; none while it is being replaced (a crash notice drawn then speaks English).
fn current() -> Option<Rc<Messages>> {
    CURRENT.with(|current| current.try_borrow().ok()?.clone())
}

/// The language spoken: the installed catalog's, else `en`.
pub fn language() -> String {
    current().map_or_else(|| "en".to_owned(), |messages| messages.language.clone())
}

/// Whether the language spoken is English: no catalog is installed.
pub fn speaks_english() -> bool {
    current().is_none()
}

/// Whether the language spoken is `tag`'s language (regions and scripts aside): a text in `tag` needs
/// no translation.
pub fn speaks(tag: &str) -> bool {
    same_language(tag, &language())
}

/// Whether two language tags name the same language, regions and scripts aside (`de-AT`, `de`).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |tag: &str| tag.split('-').next().unwrap_or_default().to_ascii_lowercase();
    primary(a) == primary(b)
}

/// Whether the language spoken is written right to left.
pub fn right_to_left() -> bool {
    current().is_some_and(|messages| messages.right_to_left)
}

/// A date (`YYYY-MM-DD`) as the language spoken writes it; English keeps the date as it is.
pub fn date(date: &str) -> String {
    current().map_or_else(|| date.to_owned(), |messages| messages.date(date))
}

/// Marks an English text for the catalog where it is written apart from its lookup (a table of
/// labels): the text is looked up later with [`tr`] of the value.
pub const fn msg(source: &'static str) -> &'static str {
    source
}

/// `source` in the language spoken.
pub fn tr(source: &str) -> String {
    match current() {
        Some(messages) => messages.text(source).unwrap_or(source).to_owned(),
        None => source.to_owned(),
    }
}

/// `source`, in the language spoken, with its placeholders (`{name}`) filled by `values`: the first
/// value for the first placeholder of the English source, and so on, wherever the translation puts
/// them. (`{n}` is [`trn`]'s count, never a value of these.)
pub fn trf(source: &str, values: &[&str]) -> String {
    fill(&tr(source), source, values, "")
}

/// The form for `count` of a text with a plural: English's `one` or `other`, or the catalog's form
/// for the count's plural category; `{n}` is the count, other placeholders are filled by `values` as
/// in [`trf`] (in the order of `other`'s).
pub fn trn(count: usize, one: &str, other: &str, values: &[&str]) -> String {
    let english = if count == 1 { one } else { other };
    let form = match current() {
        Some(messages) => messages.plural(other, count).unwrap_or(english).to_owned(),
        None => english.to_owned(),
    };
    fill(&form, other, values, &count.to_string())
}

/// `template` with `{n}` replaced by `count`, and each other placeholder by the value in the
/// position of the same placeholder in `names` (`{n}` not counted); one with no value is left as it is.
fn fill(template: &str, names: &str, values: &[&str], count: &str) -> String {
    let mut parts = template.split('{');
    let mut out = String::from(parts.next().unwrap_or_default());
    for part in parts {
        out.push('{');
        let Some((name, after)) = part.split_once('}') else {
            out.push_str(part);
            continue;
        };
        let value = if name == "n" { Some(count) } else { position(names, name).and_then(|i| values.get(i).copied()) };
        match value {
            Some(value) => {
                out.pop();
                out.push_str(value);
            }
            None => {
                out.push_str(name);
                out.push('}');
            }
        }
        out.push_str(after);
    }
    out
}

/// The position of placeholder `name` among `text`'s placeholders other than `{n}`.
fn position(text: &str, name: &str) -> Option<usize> {
    placeholders(text).filter(|found| *found != "n").position(|found| found == name)
}

/// The names of `text`'s placeholders, in order: `{name}`, a name of letters, digits and `_`.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|part| {
        let (name, _) = part.split_once('}')?;
        (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(name)
    })
}
