//! The translations a catalog lists (`"translations"`, beside `"sets"`): each a file relative to the
//! catalog with the set id, version and language it states, so a widget fetches only the file of the
//! language it shows, and `altitude check` can hold each file to what the catalog says of it.
//!
//! The catalog's own reader ([`crate::model::Catalog`]) accepts the key and leaves it to this
//! module, which the widget's first download does not need.

use crate::model::json::Json;
use crate::model::problem::{Problem, ProblemKind, Problems};
use crate::model::reader::{self as r, index, join, read_object, required, JsonType as T, ObjectSpec};

use super::Translation;

pub static LISTED_TRANSLATION_SPEC: ObjectSpec = ObjectSpec {
    name: "catalog translation",
    keys: &[
        required("file", T::String).length(1, 500),
        required("set", T::String).length(1, 64),
        required("version", T::String).length(1, 32),
        required("language", T::String).length(2, 35),
    ],
};

/// A translation as the catalog lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedTranslation {
    /// Relative to the catalog's own location.
    pub file: String,
    pub set: String,
    pub version: String,
    pub language: String,
}

/// The translations a parsed catalog lists (none when it has no `"translations"`), each checked for
/// its shape; the same set, version and language listed twice is a problem.
pub fn listed(catalog: &Json) -> Result<Vec<ListedTranslation>, Vec<Problem>> {
    let mut problems = Problems::default();
    let mut found: Vec<ListedTranslation> = Vec::new();
    let items = match catalog {
        Json::Object(pairs) => pairs.iter().find(|(key, _)| key == "translations").map(|(_, value)| value),
        _ => None,
    };
    let items: &[Json] = match items {
        None => &[],
        Some(Json::Array(items)) => items,
        Some(other) => {
            problems.add(
                "translations",
                ProblemKind::WrongType,
                format!("must be a list; found {}", other.type_name()),
            );
            &[]
        }
    };
    for (i, item) in items.iter().enumerate() {
        let path = index("translations", i);
        let Some(fields) = read_object(item, &path, &LISTED_TRANSLATION_SPEC, &mut problems) else { continue };
        let file = r::string(&fields, "file", &mut problems);
        let set = r::string(&fields, "set", &mut problems);
        let version = r::string(&fields, "version", &mut problems);
        let language = r::language_tag(&fields, "language", &mut problems);
        if let Some(file) = &file {
            if file.starts_with('/') || crate::text::contains(file, "://") {
                problems.add(
                    &join(&path, "file"),
                    ProblemKind::Inconsistent,
                    format!("\"{file}\" must be a path relative to the catalog"),
                );
            }
        }
        let (Some(file), Some(set), Some(version), Some(language)) = (file, set, version, language) else { continue };
        if let Some(first) = found
            .iter()
            .position(|t| t.set == set && t.version == version && t.language.eq_ignore_ascii_case(&language))
        {
            problems.add(
                &path,
                ProblemKind::DuplicateId,
                format!(
                    "version {version} of \"{set}\" in \"{language}\" is already listed as {}",
                    index("translations", first)
                ),
            );
        }
        found.push(ListedTranslation { file, set, version, language });
    }
    problems.finish(Some(found))
}

/// Where a listed translation's document disagrees with what the catalog states of it: each at the
/// entry's key (`translations[2].version`).
pub fn differences(listed: &ListedTranslation, position: usize, translation: &Translation) -> Vec<Problem> {
    let mut problems = Problems::default();
    let path = index("translations", position);
    for (key, stated, actual) in [
        ("set", &listed.set, &translation.set_id),
        ("version", &listed.version, &translation.set_version),
        ("language", &listed.language, &translation.language),
    ] {
        if stated != actual {
            problems.add(
                &join(&path, key),
                ProblemKind::Inconsistent,
                format!("the catalog says \"{stated}\" but {} has \"{actual}\"", listed.file),
            );
        }
    }
    problems.into_vec()
}
