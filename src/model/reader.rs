//! Reading a parsed JSON tree field by field, reporting every problem at its path.
//!
//! The key tables ([`ObjectSpec`]) are the Rust description of the format's objects: the loader
//! checks documents against them, and a test checks `schema/question-set-v1.schema.json` against them.

use super::json::Json;
use super::problem::{ProblemKind, Problems};
use crate::display::number as number_text;

/// The JSON type a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    String,
    Number,
    Integer,
    Boolean,
    Array,
    Object,
    /// A string, or null (an answer may also be an integer; see the result document).
    StringOrNull,
}

/// The bounds of a key's value: the loader checks them, and the schema test compares them with the
/// JSON Schema's `minLength`/`maxLength`, `minimum`/`maximum` and `minItems`/`maxItems`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bounds {
    /// Checked by its own rule (a constant, a reference, a trimmed title), or unbounded.
    Free,
    /// A string of `min..=max` characters.
    Length(usize, usize),
    /// A number within `min..=max`.
    Range(f64, f64),
    /// A number above `min` and at most `max` (weights).
    AboveUpTo(f64, f64),
    /// A list of `min..=max` items.
    Items(usize, usize),
}

/// One key of an object in the format.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub required: bool,
    pub json_type: JsonType,
    pub bounds: Bounds,
    /// The first format version that has the key: a format-1 document may not use a format-2 key.
    pub since: u8,
}

impl Key {
    pub const fn length(self, min: usize, max: usize) -> Key {
        Key { bounds: Bounds::Length(min, max), ..self }
    }

    pub const fn range(self, min: f64, max: f64) -> Key {
        Key { bounds: Bounds::Range(min, max), ..self }
    }

    pub const fn weight(self) -> Key {
        Key { bounds: Bounds::AboveUpTo(0.0, 100.0), ..self }
    }

    pub const fn items(self, min: usize, max: usize) -> Key {
        Key { bounds: Bounds::Items(min, max), ..self }
    }

    pub const fn since(self, format: u8) -> Key {
        Key { since: format, ..self }
    }
}

/// The keys an object of the format may have.
#[derive(Debug)]
pub struct ObjectSpec {
    /// What the object is called in messages and in the JSON Schema's `$defs`.
    pub name: &'static str,
    pub keys: &'static [Key],
}

pub const fn required(name: &'static str, json_type: JsonType) -> Key {
    Key { name, required: true, json_type, bounds: Bounds::Free, since: 1 }
}

pub const fn optional(name: &'static str, json_type: JsonType) -> Key {
    Key { name, required: false, json_type, bounds: Bounds::Free, since: 1 }
}

/// `parent.key`, or `key` at the top of the document.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `parent[index]`.
pub fn index(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// The fields of one object that passed the key check.
pub struct Fields<'a> {
    pub path: String,
    pairs: &'a [(String, Json)],
    /// The key table the object was read against (none for objects keyed by ids).
    spec: Option<&'static ObjectSpec>,
}

impl<'a> Fields<'a> {
    /// The value of `key` (its first occurrence; a repeat is reported by [`read_object`]).
    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// The pairs in document order, for objects whose keys are ids (role targets, guidance).
    pub fn pairs(&self) -> &'a [(String, Json)] {
        self.pairs
    }

    /// The bounds the key table gives `key`.
    fn bounds(&self, key: &str) -> Bounds {
        self.spec.and_then(|spec| spec.keys.iter().find(|k| k.name == key)).map_or(Bounds::Free, |k| k.bounds)
    }
}

/// Checks that `value` is an object whose keys are those of `spec`: unknown keys (with the nearest
/// known one suggested), repeated keys and missing required keys are all reported.
pub fn read_object<'a>(
    value: &'a Json,
    path: &str,
    spec: &'static ObjectSpec,
    problems: &mut Problems,
) -> Option<Fields<'a>> {
    read_object_in(value, path, spec, u8::MAX, problems)
}

/// [`read_object`] for a document in format `format`: keys of a later format are reported as such.
pub fn read_object_in<'a>(
    value: &'a Json,
    path: &str,
    spec: &'static ObjectSpec,
    format: u8,
    problems: &mut Problems,
) -> Option<Fields<'a>> {
    let pairs = expect_object(value, path, spec.name, problems)?;
    let repeated = repeated_keys(pairs);
    for (position, (key, _)) in pairs.iter().enumerate() {
        if repeated[position] {
            problems.add(
                &join(path, key),
                ProblemKind::DuplicateKey,
                format!("the key \"{key}\" appears more than once"),
            );
            continue;
        }
        let known = spec.keys.iter().find(|known| known.name == key);
        if let Some(later) = known.filter(|known| known.since > format) {
            problems.add(
                &join(path, key),
                ProblemKind::UnknownKey,
                format!(
                    "unknown key \"{key}\" in {} of format {format}; it is a format-{} key (\"format\": \"altitude.question-set/{}\")",
                    spec.name, later.since, later.since
                ),
            );
        } else if known.is_none() {
            let message = match nearest(key, spec.keys.iter().map(|k| k.name)) {
                Some(suggestion) => format!("unknown key \"{key}\" in {}; did you mean \"{suggestion}\"?", spec.name),
                None => format!("unknown key \"{key}\" in {}; allowed keys: {}", spec.name, key_list(spec)),
            };
            problems.add(&join(path, key), ProblemKind::UnknownKey, message);
        }
    }
    for key in spec.keys.iter().filter(|k| k.required) {
        if !pairs.iter().any(|(k, _)| k == key.name) {
            problems.add(
                &join(path, key.name),
                ProblemKind::MissingKey,
                format!("{} needs the key \"{}\"", spec.name, key.name),
            );
        }
    }
    Some(Fields { path: path.to_owned(), pairs, spec: Some(spec) })
}

/// The pairs of an object whose keys are free (ids), with repeated keys reported.
pub fn read_map<'a>(value: &'a Json, path: &str, what: &str, problems: &mut Problems) -> Option<Fields<'a>> {
    let pairs = expect_object(value, path, what, problems)?;
    let repeated = repeated_keys(pairs);
    for (position, (key, _)) in pairs.iter().enumerate() {
        if repeated[position] {
            problems.add(&join(path, key), ProblemKind::DuplicateKey, format!("\"{key}\" appears more than once"));
        }
    }
    Some(Fields { path: path.to_owned(), pairs, spec: None })
}

/// For each pair, whether its key is that of an earlier pair. Found by sorting, not by comparing
/// each key with every earlier one: a stored attempt's answers are a map of a thousand keys, read
/// on every answer, and that comparison took 2 ms of an answer's 3 (a hostile file with 100,000
/// keys would have taken minutes).
fn repeated_keys(pairs: &[(String, Json)]) -> Vec<bool> {
    let keys: Vec<Option<&str>> = pairs.iter().map(|(key, _)| Some(key.as_str())).collect();
    crate::sorting::earlier_uses(&keys).iter().map(Option::is_some).collect()
}

fn expect_object<'a>(value: &'a Json, path: &str, what: &str, problems: &mut Problems) -> Option<&'a [(String, Json)]> {
    match value {
        Json::Object(pairs) => Some(pairs),
        other => {
            problems.add(
                path,
                ProblemKind::WrongType,
                format!("{what} must be an object; found {}", other.type_name()),
            );
            None
        }
    }
}

fn key_list(spec: &ObjectSpec) -> String {
    spec.keys.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
}

/// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo.
pub fn nearest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    let word_lower = word.to_ascii_lowercase();
    candidates
        .map(|candidate| (edit_distance(&word_lower, candidate), candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance, counted in characters; `word` is bounded by a key's length in practice,
/// but a hostile document could use a megabyte-long key, so long words are not compared at all.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(200).collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() >= 200 {
        return usize::MAX;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// A string field within the length its key table gives.
pub fn string(fields: &Fields, key: &str, problems: &mut Problems) -> Option<String> {
    let (min, max) = match fields.bounds(key) {
        Bounds::Length(min, max) => (min, max),
        _ => (0, usize::MAX),
    };
    text(fields, key, min, max, problems)
}

/// The document's `format`, which must be `expected`: any other is reported as one this version does
/// not read (`what` names the documents: "translations", "locale files").
pub fn expect_format(fields: &Fields, expected: &str, what: &str, problems: &mut Problems) {
    if let Some(declared) = string(fields, "format", problems) {
        if declared != expected {
            problems.add(
                &fields.path_of("format"),
                ProblemKind::UnsupportedFormat,
                format!("unsupported format \"{declared}\"; this version of Altitude reads {what} in \"{expected}\""),
            );
        }
    }
}

/// A BCP 47 language tag at `key` (`de`, `pt-BR`); anything else is reported there.
pub fn language_tag(fields: &Fields, key: &str, problems: &mut Problems) -> Option<String> {
    string(fields, key, problems).filter(|tag| {
        let fine = super::question_set::is_language_tag(tag);
        if !fine {
            problems.add(
                &fields.path_of(key),
                ProblemKind::BadIdentifier,
                format!("\"{tag}\" is not a language tag; use a BCP 47 tag such as \"de\", \"es\" or \"pt-BR\""),
            );
        }
        fine
    })
}

/// A number field within the range its key table gives.
pub fn bounded_number(fields: &Fields, key: &str, problems: &mut Problems) -> Option<f64> {
    match fields.bounds(key) {
        Bounds::Range(min, max) => number(fields, key, min, max, problems),
        _ => number(fields, key, f64::MIN, f64::MAX, problems),
    }
}

/// A whole-number field within the range its key table gives.
pub fn bounded_integer(fields: &Fields, key: &str, problems: &mut Problems) -> Option<u32> {
    match fields.bounds(key) {
        Bounds::Range(min, max) => integer(fields, key, min as u32, max as u32, problems),
        _ => integer(fields, key, 0, u32::MAX, problems),
    }
}

/// A list field with as many items as its key table allows.
pub fn items<'a>(fields: &Fields<'a>, key: &str, problems: &mut Problems) -> Option<&'a [Json]> {
    let (min, max) = match fields.bounds(key) {
        Bounds::Items(min, max) => (min, max),
        _ => (0, usize::MAX),
    };
    list(fields, key, min, max, problems)
}

/// A string field: present, of type string, and `min..=max` characters long.
pub fn text(fields: &Fields, key: &str, min: usize, max: usize, problems: &mut Problems) -> Option<String> {
    let value = fields.get(key)?;
    // The path is built only for a problem: valid documents are the common case and must load fast.
    checked_string(value, min, max).map_err(|(kind, message)| problems.add(&fields.path_of(key), kind, message)).ok()
}

/// A string value at `path`, `min..=max` characters long.
pub fn string_value(value: &Json, path: &str, min: usize, max: usize, problems: &mut Problems) -> Option<String> {
    checked_string(value, min, max).map_err(|(kind, message)| problems.add(path, kind, message)).ok()
}

fn checked_string(value: &Json, min: usize, max: usize) -> Result<String, (ProblemKind, String)> {
    let Json::String(s) = value else {
        return Err((ProblemKind::WrongType, format!("must be a string; found {}", value.type_name())));
    };
    let length = s.chars().count();
    if length < min || length > max {
        let message = if min > 0 && length == 0 {
            format!("must not be empty (at most {max} characters)")
        } else {
            format!("must be {min}–{max} characters long; found {length}")
        };
        return Err((ProblemKind::BadLength, message));
    }
    Ok(s.clone())
}

/// A number field within `min..=max`.
pub fn number(fields: &Fields, key: &str, min: f64, max: f64, problems: &mut Problems) -> Option<f64> {
    let value = fields.get(key)?;
    let path = fields.path_of(key);
    let Json::Number(n) = value else {
        problems.add(
            &path,
            ProblemKind::WrongType,
            format!("must be a number from {} to {}; found {}", number_text(min), number_text(max), value.type_name()),
        );
        return None;
    };
    if !(min..=max).contains(n) {
        problems.add(
            &path,
            ProblemKind::OutOfRange,
            format!("must be a number from {} to {}; found {}", number_text(min), number_text(max), number_text(*n)),
        );
        return None;
    }
    Some(*n)
}

/// A weight: a number above 0 and at most 100; absent means 1.
pub fn weight(fields: &Fields, key: &str, problems: &mut Problems) -> Option<f64> {
    let Some(value) = fields.get(key) else { return Some(1.0) };
    let path = fields.path_of(key);
    match value {
        Json::Number(n) if *n > 0.0 && *n <= 100.0 => Some(*n),
        Json::Number(n) => {
            problems.add(
                &path,
                ProblemKind::OutOfRange,
                format!("a weight must be above 0 and at most 100; found {}", number_text(*n)),
            );
            None
        }
        other => {
            problems.add(
                &path,
                ProblemKind::WrongType,
                format!("a weight must be a number; found {}", other.type_name()),
            );
            None
        }
    }
}

/// A whole-number field within `min..=max`.
pub fn integer(fields: &Fields, key: &str, min: u32, max: u32, problems: &mut Problems) -> Option<u32> {
    let value = fields.get(key)?;
    checked_integer(value, min, max).map_err(|(kind, message)| problems.add(&fields.path_of(key), kind, message)).ok()
}

fn checked_integer(value: &Json, min: u32, max: u32) -> Result<u32, (ProblemKind, String)> {
    let Json::Number(n) = value else {
        return Err((
            ProblemKind::WrongType,
            format!("must be a whole number from {min} to {max}; found {}", value.type_name()),
        ));
    };
    if n.fract() != 0.0 || *n < f64::from(min) || *n > f64::from(max) {
        return Err((
            ProblemKind::OutOfRange,
            format!("must be a whole number from {min} to {max}; found {}", number_text(*n)),
        ));
    }
    Ok(*n as u32)
}

/// A true/false field.
pub fn boolean(fields: &Fields, key: &str, problems: &mut Problems) -> Option<bool> {
    match fields.get(key)? {
        Json::Bool(b) => Some(*b),
        other => {
            problems.add(
                &fields.path_of(key),
                ProblemKind::WrongType,
                format!("must be true or false; found {}", other.type_name()),
            );
            None
        }
    }
}

/// A list field with `min..=max` items.
pub fn list<'a>(fields: &Fields<'a>, key: &str, min: usize, max: usize, problems: &mut Problems) -> Option<&'a [Json]> {
    let value = fields.get(key)?;
    let path = fields.path_of(key);
    let Json::Array(items) = value else {
        problems.add(&path, ProblemKind::WrongType, format!("must be a list; found {}", value.type_name()));
        return None;
    };
    if items.len() < min || items.len() > max {
        problems.add(&path, ProblemKind::BadLength, format!("must have {min}–{max} items; found {}", items.len()));
        if items.len() < min {
            return None;
        }
    }
    Some(items)
}

/// Whether `id` is 1–64 characters of `a-z`, `0-9`, `-`, `_`.
pub fn is_item_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// An id field of a dimension, role, question or option.
pub fn item_id(fields: &Fields, key: &str, problems: &mut Problems) -> Option<String> {
    let id = text(fields, key, 1, 64, problems)?;
    if !is_item_id(&id) {
        problems.add(
            &fields.path_of(key),
            ProblemKind::BadIdentifier,
            format!("\"{id}\" is not a valid id: use lower-case letters a-z, digits, '-' and '_'"),
        );
        return None;
    }
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["questions", "dimensions", "roles"];
        assert_eq!(nearest("qestions", keys.iter().copied()), Some("questions"));
        assert_eq!(nearest("Roles", keys.iter().copied()), Some("roles"));
        assert_eq!(nearest("colour", keys.iter().copied()), None);
    }

    #[test]
    fn item_ids() {
        assert!(is_item_id("ts-1_a"));
        assert!(!is_item_id("TS-1"));
        assert!(!is_item_id(""));
        assert!(!is_item_id(&"a".repeat(65)));
    }
}
