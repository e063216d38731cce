//! Translations of question sets (`altitude.translation/1`, issue 26): a document of its own per set
//! and language, each string at its place in the set with the source text it was made from, so a
//! translation knows when the set has changed under it.
//!
//! [`Translation::parse`] reads a document's shape; [`check::check`] reads it against its set
//! (missing, stale, extra and misplaced strings, another set or version), [`check::apply`] turns a
//! complete and current translation into the translated [`QuestionSet`] (the same ids, so results
//! score the same in any language), and [`skeleton`] writes what `altitude translate` prints.
//! `docs/translation.md` is the format's reference. Pure: no browser crate, no file system.

pub mod catalog;
pub mod check;
pub mod places;

use crate::model::json::{self, Json};
use crate::model::problem::{parse_document, Problem, Problems};
use crate::model::question_set::{QuestionSet, MAX_DOCUMENT_BYTES};
use crate::model::reader::{self as r, index, optional, read_object, required, JsonType as T, ObjectSpec};

pub use check::{apply, check, Checked, Counts};

/// The format this version reads and writes.
pub const FORMAT: &str = "altitude.translation/1";

/// The most strings a translation holds: far above the largest legal set's (1,000 questions with
/// every text and ten options each, and guidance for every role and dimension).
pub const MAX_STRINGS: usize = 100_000;

pub static TRANSLATION_SPEC: ObjectSpec = ObjectSpec {
    name: "the translation",
    keys: &[
        optional("$schema", T::String),
        required("format", T::String),
        required("set", T::Object),
        required("language", T::String).length(2, 35),
        required("strings", T::Array).items(1, MAX_STRINGS),
    ],
};

pub static SET_REFERENCE_SPEC: ObjectSpec = ObjectSpec {
    name: "set",
    keys: &[required("id", T::String).length(1, 64), required("version", T::String).length(1, 32)],
};

pub static STRING_SPEC: ObjectSpec = ObjectSpec {
    name: "string",
    keys: &[
        required("place", T::String).length(1, 300),
        optional("previous_source", T::String).length(1, 2000),
        required("source", T::String).length(1, 2000),
        required("translation", T::String).length(0, 2000),
    ],
};

/// Every object of the format, for the schema check.
pub static ALL_SPECS: [&ObjectSpec; 3] = [&TRANSLATION_SPEC, &SET_REFERENCE_SPEC, &STRING_SPEC];

/// A translation document whose shape is right; whether it fits its set is [`check::check`]'s to say.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    /// The id of the set translated.
    pub set_id: String,
    /// The version of the set it was made for.
    pub set_version: String,
    /// A BCP 47 tag: the language of the translations.
    pub language: String,
    /// In document order (a written skeleton follows the set's order).
    pub strings: Vec<Entry>,
}

/// One translated string.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Where the string is in the set, such as `questions[ts-3].options[b].text` ([`places::PLACES`]).
    pub place: String,
    /// The set's text the translation was made from.
    pub source: String,
    /// The translation; empty until a translator writes it.
    pub translation: String,
    /// Set by `altitude translate --from` when the set's text changed: the source the carried-over
    /// translation was made from. Its presence marks the string stale until a translator has checked
    /// the translation against the change and removed it.
    pub previous_source: Option<String>,
}

impl Translation {
    /// Reads a translation document's shape, reporting every problem at its path.
    pub fn parse(bytes: &[u8]) -> Result<Translation, Vec<Problem>> {
        let tree = parse_document(bytes, MAX_DOCUMENT_BYTES, || {
            format!(
                "the file is {} MB; a translation may be at most {} MB",
                bytes.len() / (1024 * 1024),
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            )
        })?;
        Translation::from_tree(&tree)
    }

    pub fn from_tree(tree: &Json) -> Result<Translation, Vec<Problem>> {
        let mut problems = Problems::default();
        let translation = read_translation(tree, &mut problems);
        problems.finish(translation)
    }

    /// The document, pretty-printed as `altitude translate` writes it.
    pub fn to_json(&self) -> String {
        let text = |value: &str| Json::String(value.to_owned());
        let strings = self
            .strings
            .iter()
            .map(|entry| {
                let mut pairs = vec![("place".to_owned(), text(&entry.place))];
                if let Some(previous) = &entry.previous_source {
                    pairs.push(("previous_source".to_owned(), text(previous)));
                }
                pairs.push(("source".to_owned(), text(&entry.source)));
                pairs.push(("translation".to_owned(), text(&entry.translation)));
                Json::Object(pairs)
            })
            .collect();
        let document = Json::Object(vec![
            ("format".to_owned(), text(FORMAT)),
            (
                "set".to_owned(),
                Json::Object(vec![
                    ("id".to_owned(), text(&self.set_id)),
                    ("version".to_owned(), text(&self.set_version)),
                ]),
            ),
            ("language".to_owned(), text(&self.language)),
            ("strings".to_owned(), Json::Array(strings)),
        ]);
        json::pretty(&json::compact(&document))
    }
}

/// Whether a parsed document says it is a translation (its `format` is [`FORMAT`]), so `altitude
/// check` reads it as one.
pub fn looks_like_translation(tree: &Json) -> bool {
    let Json::Object(pairs) = tree else { return false };
    pairs.iter().any(|(key, value)| key == "format" && matches!(value, Json::String(format) if format == FORMAT))
}

fn read_translation(tree: &Json, problems: &mut Problems) -> Option<Translation> {
    let fields = read_object(tree, "", &TRANSLATION_SPEC, problems)?;
    let _schema = r::string(&fields, "$schema", problems);
    r::expect_format(&fields, FORMAT, "translations", problems);
    let set = fields.get("set").and_then(|value| read_object(value, "set", &SET_REFERENCE_SPEC, problems));
    let set_id = set.as_ref().and_then(|set| r::string(set, "id", problems));
    let set_version = set.as_ref().and_then(|set| r::string(set, "version", problems));
    let language = r::language_tag(&fields, "language", problems);
    let items = r::items(&fields, "strings", problems)?;
    let mut strings = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if problems.is_full() {
            break;
        }
        let Some(entry) = read_object(item, &index("strings", i), &STRING_SPEC, problems) else { continue };
        let place = r::string(&entry, "place", problems);
        let previous_source = r::string(&entry, "previous_source", problems);
        let source = r::string(&entry, "source", problems);
        let translation = r::string(&entry, "translation", problems);
        if let (Some(place), Some(source), Some(translation)) = (place, source, translation) {
            strings.push(Entry { place, source, translation, previous_source });
        }
    }
    Some(Translation { set_id: set_id?, set_version: set_version?, language: language?, strings })
}

/// What `altitude translate` writes, and what it could not carry over.
#[derive(Debug, Clone, PartialEq)]
pub struct Skeleton {
    pub translation: Translation,
    /// How many strings kept an earlier translation, current as they were.
    pub carried: usize,
    /// How many strings kept an earlier translation whose source has changed, marked stale.
    pub marked_stale: usize,
    /// The places of the earlier translation's strings that the set no longer has, which are left out.
    pub dropped: Vec<String>,
}

/// A translation of `set` into `language` with every string the set has, in its order: each with
/// its source and an empty translation, or with the translation of `from` (an earlier translation of
/// the set, into the same language) at the same place. Where the set's text has changed since, the
/// earlier translation is kept as a starting point and marked stale (`previous_source`, the source it
/// was made from); an empty earlier translation is simply empty again.
pub fn skeleton(set: &QuestionSet, language: &str, from: Option<&Translation>) -> Skeleton {
    let earlier: Vec<&Entry> = from.map(|t| t.strings.iter().collect()).unwrap_or_default();
    let lookup = check::PlaceIndex::new(earlier.iter().map(|entry| entry.place.as_str()));
    let set_strings = places::strings(set);
    let (mut carried, mut marked_stale) = (0, 0);
    let mut used = vec![false; earlier.len()];
    let strings = set_strings
        .iter()
        .map(|string| {
            let mut entry = Entry {
                place: string.place.clone(),
                source: string.text.clone(),
                translation: String::new(),
                previous_source: None,
            };
            let Some(found) = lookup.find(&string.place) else { return entry };
            used[found] = true;
            let old = earlier[found];
            if old.translation.trim().is_empty() {
                return entry;
            }
            entry.translation = old.translation.clone();
            if old.source == string.text && old.previous_source.is_none() {
                carried += 1;
            } else {
                // The source the translation was made from: the oldest one named, if it was stale already.
                let made_from = old.previous_source.as_ref().unwrap_or(&old.source);
                entry.previous_source = Some(made_from.clone()).filter(|made_from| *made_from != string.text);
                if entry.previous_source.is_some() {
                    marked_stale += 1;
                } else {
                    carried += 1;
                }
            }
            entry
        })
        .collect();
    let dropped = earlier.iter().zip(used).filter(|(_, used)| !used).map(|(entry, _)| entry.place.clone()).collect();
    Skeleton {
        translation: Translation {
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            language: language.to_owned(),
            strings,
        },
        carried,
        marked_stale,
        dropped,
    }
}
