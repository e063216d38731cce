//! What is wrong with a document, and where: the loader's error type.

use std::fmt;

/// The most problems one document reports; past this an author fixes and re-checks.
pub const MAX_PROBLEMS: usize = 100;

/// Where in a document a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A path into the parsed document, such as `questions[3].dimension`; empty for the document itself.
    Path(String),
    /// A 1-based line and column, for documents that are not valid JSON.
    LineColumn { line: usize, column: usize },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Location::Path(path) if path.is_empty() => f.write_str("(document)"),
            Location::Path(path) => f.write_str(path),
            Location::LineColumn { line, column } => write!(f, "{line}:{column}"),
        }
    }
}

/// The kind of a problem: what tests assert on, and what a tool could act upon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON at all, or the file is too large to be a question set.
    Syntax,
    /// A key the format does not define.
    UnknownKey,
    /// A required key is absent.
    MissingKey,
    /// The same key appears twice in one object.
    DuplicateKey,
    /// A value of the wrong JSON type (a string where a number belongs, ...).
    WrongType,
    /// `format` names a format this version does not read.
    UnsupportedFormat,
    /// A number outside its allowed range, or not whole where an integer is required.
    OutOfRange,
    /// A string or list that is too short or too long.
    BadLength,
    /// An id or tag with characters the format does not allow.
    BadIdentifier,
    /// An id used twice where ids must be unique (or a role stage used twice).
    DuplicateId,
    /// A reference to a dimension, role, question or option that does not exist.
    UnknownReference,
    /// A timestamp that is not RFC 3339.
    BadTimestamp,
    /// Parts of the document that disagree with each other (bands out of order, a likert question
    /// without a scale, `reverse` on a choice question, ...).
    Inconsistent,
    /// A translation lacks a string of its set: no entry at one of the set's places.
    MissingString,
    /// A translation's entry whose translation is empty (as `altitude translate` writes it).
    Untranslated,
    /// A translation's entry made from a source text the set no longer has there, or marked for
    /// review with `previous_source`.
    Stale,
    /// A translation's entry at a well-formed place the set does not have (a question since removed,
    /// a help text since dropped).
    NotInSet,
    /// A translation's place that no set could have: not the shape of a translatable string's place.
    BadPlace,
    /// A translation's entry whose source is the set's text at another place: it belongs there.
    WrongPlace,
    /// A translation of another set (its `set.id` is not the set's id).
    WrongSet,
    /// A translation made for another version of the set.
    WrongVersion,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub location: Location,
    pub kind: ProblemKind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// The problems found while reading one document, capped at [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    pub fn add(&mut self, path: &str, kind: ProblemKind, message: impl Into<String>) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem { location: Location::Path(path.to_owned()), kind, message: message.into() });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn is_full(&self) -> bool {
        self.list.len() >= MAX_PROBLEMS
    }

    pub fn into_vec(self) -> Vec<Problem> {
        self.list
    }

    /// What a reader made of a document: the value when nothing was wrong, else every problem found.
    pub fn finish<T>(self, read: Option<T>) -> Result<T, Vec<Problem>> {
        match read {
            Some(value) if self.is_empty() => Ok(value),
            _ => Err(self.list),
        }
    }
}

/// Parses a whole document (question set, result, catalog): `too_large` says why a file over `max_bytes`
/// is refused before parsing; a JSON syntax error becomes the one problem, at its line and column.
pub fn parse_document(
    bytes: &[u8],
    max_bytes: usize,
    too_large: impl FnOnce() -> String,
) -> Result<super::json::Json, Vec<Problem>> {
    let at = |line, column, message| {
        vec![Problem { location: Location::LineColumn { line, column }, kind: ProblemKind::Syntax, message }]
    };
    if bytes.len() > max_bytes {
        return Err(at(1, 1, too_large()));
    }
    super::json::parse(bytes).map_err(|error| at(error.line, error.column, error.message))
}
