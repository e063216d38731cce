//! The catalog of bundled sets (`assessments/catalog.json`): the set files, which set is the default,
//! and, optionally, each set's start-screen facts so a start screen can be drawn before the sets load.
//!
//! `{"default": "cto-readiness", "sets": ["cto-readiness.json", {"file": "em.json", "id": "em", ...}]}`:
//! an entry is a file name relative to the catalog, or an object with the file and its facts. Pure:
//! the widget fetches the files, `altitude check` reads them, and both check them with this module.

use super::json::Json;
use super::problem::{parse_document, Problem, ProblemKind, Problems};
use super::question_set::QuestionSet;
use super::reader::{self as r, index, optional, read_object, required, JsonType as T, ObjectSpec};

/// The largest catalog read: a list of file names, far below this.
pub const MAX_CATALOG_BYTES: usize = 1024 * 1024;

pub static CATALOG_SPEC: ObjectSpec = ObjectSpec {
    name: "the catalog",
    keys: &[
        optional("$schema", T::String),
        optional("default", T::String).length(1, 64),
        required("sets", T::Array).items(1, 100),
        optional("archive", T::Array).items(0, 100),
        // Read by `crate::translation::catalog` where translations are wanted; the widget's first
        // download only accepts the key.
        optional("translations", T::Array).items(0, 1000),
    ],
};

pub static CATALOG_ENTRY_SPEC: ObjectSpec = ObjectSpec {
    name: "catalog entry",
    keys: &[
        required("file", T::String).length(1, 500),
        required("id", T::String).length(1, 64),
        required("title", T::String).length(1, 200),
        optional("summary", T::String).length(0, 2000),
        optional("estimated_minutes", T::Integer).range(1.0, 240.0),
        required("questions", T::Integer).range(1.0, 1000.0),
    ],
};

/// A checked catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    /// The id of the set offered first.
    pub default: Option<String>,
    pub sets: Vec<CatalogEntry>,
    /// Earlier versions of the sets, relative to the catalog: not offered for new attempts, but
    /// kept so that results and unfinished attempts taken on them stay readable.
    pub archive: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogEntry {
    /// Relative to the catalog's own location.
    pub file: String,
    /// What the start screen shows before the set itself is loaded, when the catalog gives it.
    pub facts: Option<SetFacts>,
}

/// A set's start-screen facts, as the catalog states them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetFacts {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    pub estimated_minutes: Option<u32>,
    pub questions: u32,
}

impl SetFacts {
    /// The facts of a loaded set, as a catalog should state them.
    pub fn of(set: &QuestionSet) -> SetFacts {
        SetFacts {
            id: set.id.clone(),
            title: set.title.clone(),
            summary: set.summary.clone(),
            estimated_minutes: set.estimated_minutes,
            questions: set.questions.len() as u32,
        }
    }

    /// The catalog entry for `file` stating these facts, as `altitude catalog` writes it.
    pub fn entry(&self, file: &str) -> Json {
        let text = |value: &str| Json::String(value.to_owned());
        let mut pairs = vec![
            ("file".to_owned(), text(file)),
            ("id".to_owned(), text(&self.id)),
            ("title".to_owned(), text(&self.title)),
        ];
        if let Some(summary) = &self.summary {
            pairs.push(("summary".to_owned(), text(summary)));
        }
        if let Some(minutes) = self.estimated_minutes {
            pairs.push(("estimated_minutes".to_owned(), Json::Number(f64::from(minutes))));
        }
        pairs.push(("questions".to_owned(), Json::Number(f64::from(self.questions))));
        Json::Object(pairs)
    }
}

/// Whether a parsed document is meant as a catalog rather than a question set: an object with
/// `sets` or `default` and no `format`.
pub fn looks_like_catalog(tree: &Json) -> bool {
    let Json::Object(pairs) = tree else { return false };
    let has = |key: &str| pairs.iter().any(|(k, _)| k == key);
    !has("format") && (has("sets") || has("default"))
}

impl Catalog {
    /// Reads and checks a catalog's shape, reporting every problem at its path.
    pub fn parse(bytes: &[u8]) -> Result<Catalog, Vec<Problem>> {
        let tree = parse_document(bytes, MAX_CATALOG_BYTES, || {
            format!("the file is {} bytes; a catalog may be at most {MAX_CATALOG_BYTES}", bytes.len())
        })?;
        Catalog::from_tree(&tree)
    }

    pub fn from_tree(tree: &Json) -> Result<Catalog, Vec<Problem>> {
        let mut problems = Problems::default();
        let catalog = read_catalog(tree, &mut problems);
        problems.finish(catalog)
    }

    /// The index of the set a start screen shows first, when every entry states its facts (else
    /// `None`: the sets must load before they can be listed): the set with the id `wanted` if one is
    /// listed, else the default, else the first. `None` for a catalog that lists no set.
    pub fn first_shown(&self, wanted: Option<&str>) -> Option<usize> {
        if self.sets.is_empty() {
            return None;
        }
        let ids: Vec<&str> =
            self.sets.iter().map(|entry| entry.facts.as_ref().map(|f| f.id.as_str())).collect::<Option<_>>()?;
        let listed = |id: &str| ids.iter().position(|listed| *listed == id);
        Some(wanted.and_then(listed).or_else(|| self.default.as_deref().and_then(listed)).unwrap_or(0))
    }

    /// Checks the catalog against its sets: `loaded[i]` is the set `sets[i]` names, when it loaded.
    /// The default must be the id of a listed set; ids must not repeat; stated facts must be true.
    pub fn check_sets(&self, loaded: &[Option<&QuestionSet>]) -> Vec<Problem> {
        let mut problems = Problems::default();
        let ids: Vec<Option<&str>> = self
            .sets
            .iter()
            .zip(loaded)
            .map(|(entry, set)| set.map(|s| s.id.as_str()).or(entry.facts.as_ref().map(|f| f.id.as_str())))
            .collect();
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = id else { continue };
            if let Some(first) = ids[..i].iter().position(|earlier| earlier == &Some(*id)) {
                problems.add(
                    &index("sets", i),
                    ProblemKind::DuplicateId,
                    format!("the set \"{id}\" is already listed as {}", index("sets", first)),
                );
            }
        }
        if let Some(default) = &self.default {
            if !ids.contains(&Some(default.as_str())) {
                let listed: Vec<&str> = ids.iter().flatten().copied().collect();
                problems.add(
                    "default",
                    ProblemKind::UnknownReference,
                    format!("\"{default}\" is not the id of a listed set; the sets are: {}", listed.join(", ")),
                );
            }
        }
        for (i, (entry, set)) in self.sets.iter().zip(loaded).enumerate() {
            let (Some(stated), Some(set)) = (&entry.facts, set) else { continue };
            let actual = SetFacts::of(set);
            let path = index("sets", i);
            let mut differs = |key: &str, stated: String, actual: String| {
                if stated != actual {
                    problems.add(
                        &r::join(&path, key),
                        ProblemKind::Inconsistent,
                        format!("the catalog says {stated} but {} has {actual}", entry.file),
                    );
                }
            };
            let quoted = |text: &Option<String>| text.as_ref().map_or("none".to_owned(), |t| format!("\"{t}\""));
            let minutes = |m: Option<u32>| m.map_or("none".to_owned(), |m| m.to_string());
            differs("id", format!("\"{}\"", stated.id), format!("\"{}\"", actual.id));
            differs("title", format!("\"{}\"", stated.title), format!("\"{}\"", actual.title));
            differs("summary", quoted(&stated.summary), quoted(&actual.summary));
            differs("estimated_minutes", minutes(stated.estimated_minutes), minutes(actual.estimated_minutes));
            differs("questions", stated.questions.to_string(), actual.questions.to_string());
        }
        problems.into_vec()
    }
}

fn read_catalog(tree: &Json, problems: &mut Problems) -> Option<Catalog> {
    let fields = read_object(tree, "", &CATALOG_SPEC, problems)?;
    let _schema = r::string(&fields, "$schema", problems);
    let default = r::string(&fields, "default", problems);
    let items = r::items(&fields, "sets", problems)?;
    let mut sets = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("sets", i);
        let entry = match item {
            Json::String(_) => {
                r::string_value(item, &path, 1, 500, problems).map(|file| CatalogEntry { file, facts: None })
            }
            Json::Object(_) => read_entry(item, &path, problems),
            other => {
                problems.add(
                    &path,
                    ProblemKind::WrongType,
                    format!("a catalog entry is a file name or an object with \"file\"; found {}", other.type_name()),
                );
                None
            }
        };
        if let Some(entry) = entry {
            relative_only(&entry.file, &path, problems);
            sets.push(entry);
        }
    }
    let mut archive = Vec::new();
    for (i, item) in r::items(&fields, "archive", problems).unwrap_or_default().iter().enumerate() {
        let path = index("archive", i);
        if let Some(file) = r::string_value(item, &path, 1, 500, problems) {
            relative_only(&file, &path, problems);
            archive.push(file);
        }
    }
    Some(Catalog { default, sets, archive })
}

/// A listed file must be a path relative to the catalog.
fn relative_only(file: &str, path: &str, problems: &mut Problems) {
    if file.starts_with('/') || crate::text::contains(file, "://") {
        problems.add(path, ProblemKind::Inconsistent, format!("\"{file}\" must be a path relative to the catalog"));
    }
}

fn read_entry(value: &Json, path: &str, problems: &mut Problems) -> Option<CatalogEntry> {
    let fields = read_object(value, path, &CATALOG_ENTRY_SPEC, problems)?;
    let file = r::string(&fields, "file", problems);
    let id = r::string(&fields, "id", problems);
    let title = r::string(&fields, "title", problems);
    let summary = r::string(&fields, "summary", problems);
    let estimated_minutes = r::bounded_integer(&fields, "estimated_minutes", problems);
    let questions = r::bounded_integer(&fields, "questions", problems);
    Some(CatalogEntry {
        file: file?,
        facts: Some(SetFacts { id: id?, title: title?, summary, estimated_minutes, questions: questions? }),
    })
}
