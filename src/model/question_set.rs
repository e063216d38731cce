//! The validated question set (formats `altitude.question-set/1` and `/2`) and the loader that builds it.
//!
//! Loading is parse, then validate: bytes become a [`Json`] tree, the tree is read against the key
//! tables below, and only a document with no problem at all becomes a [`QuestionSet`]. References
//! are resolved to indices on the way, so the rest of the code never looks an id up again.

use super::json::Json;
use super::problem::{parse_document, Problem, ProblemKind, Problems};
use super::reader::{
    self as r, index, join, optional, read_map, read_object, read_object_in, required, Fields, JsonType as T,
    ObjectSpec,
};
use crate::display;

/// The formats this version reads: format 1, and format 2 (format 1 with the changes of its spec).
pub const FORMAT_1: &str = "altitude.question-set/1";
pub const FORMAT_2: &str = "altitude.question-set/2";
/// The newest format: what `altitude upgrade` writes.
pub const FORMAT: &str = FORMAT_2;

/// The largest document the loader reads. The biggest legal set (1,000 questions with every text at
/// its maximum) is about 5 MB; anything far above that is not a question set and must not cost memory.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

pub const DEFAULT_READY_THRESHOLD: f64 = 90.0;
pub const DEFAULT_MIN_COVERAGE: f64 = 0.5;
/// Format 2's default gap tolerance; format 1 behaves as if it were 100 (no dimension can block).
pub const DEFAULT_GAP_TOLERANCE: f64 = 10.0;
pub const FORMAT_1_GAP_TOLERANCE: f64 = 100.0;
/// The answer (and so the option id no format-2 set may use) for "not had the chance yet".
pub const UNTESTED: &str = "untested";

pub static SET_SPEC: ObjectSpec = ObjectSpec {
    name: "the question set",
    keys: &[
        optional("$schema", T::String),
        required("format", T::String),
        required("id", T::String).length(1, 64),
        required("version", T::String).length(1, 32),
        required("title", T::String).length(1, 200),
        optional("summary", T::String).length(0, 2000),
        optional("language", T::String).length(2, 35),
        optional("estimated_minutes", T::Integer).range(1.0, 240.0),
        optional("scale", T::Object),
        required("dimensions", T::Array).items(1, 12),
        required("roles", T::Array).items(1, 20),
        optional("default_role", T::String).length(1, 64),
        optional("ready_threshold", T::Number).range(0.0, 100.0),
        optional("gap_tolerance", T::Number).range(0.0, 100.0).since(2),
        optional("min_coverage", T::Number).range(0.0, 1.0),
        optional("bands", T::Array).items(1, 100),
        required("questions", T::Array).items(1, 1000),
        optional("facets", T::Array).items(1, MAX_FACETS).since(2),
        optional("guidance", T::Object),
        optional("role_guidance", T::Object).since(2),
    ],
};

pub static SCALE_SPEC: ObjectSpec = ObjectSpec {
    name: "scale",
    keys: &[required("points", T::Integer).range(2.0, 11.0), required("labels", T::Array).items(2, 11)],
};

pub static DIMENSION_SPEC: ObjectSpec = ObjectSpec {
    name: "dimension",
    keys: &[
        required("id", T::String).length(1, 64),
        required("name", T::String).length(1, 80),
        optional("description", T::String).length(0, 1000),
        optional("weight", T::Number).weight(),
    ],
};

pub static ROLE_SPEC: ObjectSpec = ObjectSpec {
    name: "role",
    keys: &[
        required("id", T::String).length(1, 64),
        required("name", T::String).length(1, 80),
        required("stage", T::Integer).range(1.0, 20.0),
        optional("summary", T::String).length(0, 1000),
        required("targets", T::Object),
    ],
};

pub static QUESTION_SPEC: ObjectSpec = ObjectSpec {
    name: "question",
    keys: &[
        required("id", T::String).length(1, 64),
        required("dimension", T::String).length(1, 64),
        required("kind", T::String),
        required("text", T::String).length(1, 500),
        optional("text_other", T::String).length(1, 500).since(2),
        optional("help", T::String).length(0, 1000),
        optional("debrief", T::String).length(0, 1000).since(2),
        optional("weight", T::Number).weight(),
        optional("reverse", T::Boolean),
        // Choice questions take 2–10 options, level questions 2–8 (checked by kind).
        optional("options", T::Array).items(2, 10),
        optional("facets", T::Array).items(1, MAX_QUESTION_FACETS).since(2),
        optional("scored", T::Boolean).since(2),
    ],
};

/// The most facets a set may have, and a question may name.
pub const MAX_FACETS: usize = 12;
pub const MAX_QUESTION_FACETS: usize = 4;

pub static FACET_SPEC: ObjectSpec = ObjectSpec {
    name: "facet",
    keys: &[
        required("id", T::String).length(1, 64),
        required("name", T::String).length(1, 60),
        optional("description", T::String).length(1, 500),
    ],
};

/// The most options a `level` question may have (a choice question may have 10).
pub const MAX_LEVELS: usize = 8;

pub static OPTION_SPEC: ObjectSpec = ObjectSpec {
    name: "option",
    keys: &[
        required("id", T::String).length(1, 64),
        required("text", T::String).length(1, 300),
        required("score", T::Number).range(0.0, 1.0),
    ],
};

pub static BAND_SPEC: ObjectSpec = ObjectSpec {
    name: "band",
    keys: &[required("min", T::Number).range(0.0, 100.0), required("name", T::String).length(1, 40)],
};

pub static GUIDANCE_SPEC: ObjectSpec = ObjectSpec {
    name: "guidance",
    keys: &[
        optional("summary", T::String).length(1, 500),
        optional("first_step", T::String).length(1, 500).since(2),
        optional("conversation", T::String).length(1, 500).since(2),
        optional("signal", T::String).length(1, 500).since(2),
        optional("skills", T::Array).items(0, 30),
        optional("practices", T::Array).items(0, 30),
        optional("projects", T::Array).items(0, 30),
        optional("reading", T::Array).items(0, 30),
    ],
};

pub static READING_SPEC: ObjectSpec = ObjectSpec {
    name: "reading",
    keys: &[
        required("title", T::String).length(1, 500),
        optional("author", T::String).length(1, 500),
        optional("note", T::String).length(1, 500),
    ],
};

/// Every object of the format, for the schema check.
pub static ALL_SPECS: [&ObjectSpec; 10] = [
    &SET_SPEC,
    &SCALE_SPEC,
    &DIMENSION_SPEC,
    &ROLE_SPEC,
    &QUESTION_SPEC,
    &OPTION_SPEC,
    &BAND_SPEC,
    &GUIDANCE_SPEC,
    &READING_SPEC,
    &FACET_SPEC,
];

/// A checked question set. Every reference is valid and every rule of the format holds.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSet {
    /// 1 or 2: the format the document was written in. A format-1 set keeps its format-1 meaning.
    pub format: u8,
    pub id: String,
    pub version: String,
    pub title: String,
    pub summary: Option<String>,
    pub language: String,
    pub estimated_minutes: Option<u32>,
    pub scale: Option<Scale>,
    pub dimensions: Vec<Dimension>,
    /// In declared order.
    pub roles: Vec<Role>,
    /// Index into `roles`.
    pub default_role: usize,
    pub ready_threshold: f64,
    /// The largest gap to a target that still lets a role be `ready` (100 for format 1).
    pub gap_tolerance: f64,
    pub min_coverage: f64,
    /// Ascending by `min`, the first at 0.
    pub bands: Vec<Band>,
    pub questions: Vec<Question>,
    /// Indexed like `dimensions`.
    pub guidance: Vec<Option<Guidance>>,
    /// `role_guidance[r][d]`: guidance for dimension `d` when aiming at role `r` (format 2); empty
    /// when the set gives none, otherwise indexed like `roles`, then like `dimensions`.
    pub role_guidance: Vec<Vec<Option<Guidance>>>,
    /// A second lens on the same answers (format 2, optional): groups of questions scored like
    /// dimensions that never change readiness. Empty when the set has none.
    pub facets: Vec<Facet>,
}

/// A named group of questions, scored like a dimension, with no target.
#[derive(Debug, Clone, PartialEq)]
pub struct Facet {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub points: u32,
    pub labels: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub stage: u32,
    pub summary: Option<String>,
    /// Indexed like the set's `dimensions`.
    pub targets: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    /// Index into the set's `dimensions`.
    pub dimension: usize,
    pub text: String,
    /// The question asked about someone else, for raters (format 2).
    pub text_other: Option<String>,
    pub help: Option<String>,
    /// What separates stronger answers from weaker ones, shown only after finishing (format 2).
    pub debrief: Option<String>,
    pub weight: f64,
    pub kind: QuestionKind,
    /// Indices into the set's facets, distinct, in the order the question names them.
    pub facets: Vec<usize>,
    /// False for a question asked as a signal: left out of its dimension, readiness and focus,
    /// counted only in its facets.
    pub scored: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    Likert {
        reverse: bool,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    /// Format 2: options from the lowest level to the highest, scores strictly ascending.
    Level {
        options: Vec<ChoiceOption>,
    },
}

impl QuestionKind {
    /// The options of a choice or level question; none for likert.
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            QuestionKind::Likert { .. } => &[],
            QuestionKind::Choice { options } | QuestionKind::Level { options } => options,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    pub id: String,
    pub text: String,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub min: f64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Guidance {
    pub summary: Option<String>,
    /// One thing to do this week (format 2).
    pub first_step: Option<String>,
    /// Whom to talk to, and what to ask them (format 2).
    pub conversation: Option<String>,
    /// How the person will know it is working (format 2).
    pub signal: Option<String>,
    pub skills: Vec<String>,
    pub practices: Vec<String>,
    pub projects: Vec<String>,
    pub reading: Vec<Reading>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub title: String,
    pub author: Option<String>,
    pub note: Option<String>,
}

impl Question {
    /// Whether "not had the chance yet" is offered: on habits and ladders, which need a situation
    /// the person may not have met; never on a scenario, which anyone can answer (revision of 2026-12).
    pub fn offers_untested(&self) -> bool {
        !matches!(self.kind, QuestionKind::Choice { .. })
    }
}

impl QuestionSet {
    /// Reads and checks a question-set document, reporting every problem (up to 100).
    pub fn load(bytes: &[u8]) -> Result<QuestionSet, Vec<Problem>> {
        let tree = parse_document(bytes, MAX_DOCUMENT_BYTES, || {
            format!(
                "the file is {} MB; a question set may be at most {} MB",
                bytes.len() / (1024 * 1024),
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            )
        })?;
        let mut problems = Problems::default();
        let set = read_set(&tree, &mut problems);
        problems.finish(set)
    }

    /// The index of the role with this id.
    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|role| role.id == id)
    }

    /// A lookup from question id to index for many lookups in a row (a result's answers), linear
    /// on sets of up to 1,000 questions. The files Altitude writes list answers in question order,
    /// so each id is looked for from just after the previous one found; the first id that is not
    /// found that way switches to a binary search over the ids, sorted once, which keeps any other
    /// order O(n log n) rather than quadratic. (Sorting on every call cost ~0.4 ms per saved
    /// answer on a 1,000-question set.)
    pub fn question_lookup(&self) -> impl Fn(&str) -> Option<usize> + '_ {
        let next = std::cell::Cell::new(Some(0));
        let by_id = std::cell::OnceCell::new();
        move |id| {
            if let Some(from) = next.get() {
                let found = self.questions.iter().skip(from).position(|q| q.id == id).map(|k| from + k);
                next.set(found.map(|i| i + 1));
                if found.is_some() {
                    return found;
                }
            }
            let by_id: &Vec<(&str, usize)> = by_id.get_or_init(|| {
                let mut by_id: Vec<(&str, usize)> =
                    self.questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
                crate::sorting::sort_by(&mut by_id, |a, b| a.cmp(b));
                by_id
            });
            by_id.binary_search_by(|(known, _)| (*known).cmp(id)).ok().map(|i| by_id[i].1)
        }
    }

    /// Role indices from the lowest stage to the highest.
    pub fn roles_by_stage(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.roles.len()).collect();
        crate::sorting::sort_by(&mut order, |&a, &b| self.roles[a].stage.cmp(&self.roles[b].stage));
        order
    }

    /// How many choices a question offers a person (scale points or options), not counting "not applicable".
    pub fn choice_count(&self, question: &Question) -> usize {
        match &question.kind {
            QuestionKind::Likert { .. } => self.scale.as_ref().map_or(0, |scale| scale.points as usize),
            QuestionKind::Choice { options } | QuestionKind::Level { options } => options.len(),
        }
    }

    /// The guidance for dimension `dimension` when aiming at role `role`: `role_guidance[role][dimension]`
    /// key by key where it gives one, `guidance[dimension]` for the rest.
    pub fn guidance_for(&self, role: usize, dimension: usize) -> Guidance {
        let general = self.guidance[dimension].clone().unwrap_or_default();
        let Some(specific) = self.role_guidance.get(role).and_then(|by_dimension| by_dimension[dimension].as_ref())
        else {
            return general;
        };
        let pick_list = |specific: &Vec<String>, general: Vec<String>| {
            if specific.is_empty() {
                general
            } else {
                specific.clone()
            }
        };
        Guidance {
            summary: specific.summary.clone().or(general.summary),
            first_step: specific.first_step.clone().or(general.first_step),
            conversation: specific.conversation.clone().or(general.conversation),
            signal: specific.signal.clone().or(general.signal),
            skills: pick_list(&specific.skills, general.skills),
            practices: pick_list(&specific.practices, general.practices),
            projects: pick_list(&specific.projects, general.projects),
            reading: if specific.reading.is_empty() { general.reading } else { specific.reading.clone() },
        }
    }
}

/// The format a document declares: 1 for `altitude.question-set/1`, otherwise 2 (the newest, so a
/// document with a wrong `format` is not also told that its format-2 keys are unknown).
fn declared_format(tree: &Json) -> u8 {
    let Json::Object(pairs) = tree else { return 2 };
    match pairs.iter().find(|(key, _)| key == "format") {
        Some((_, Json::String(format))) if format == FORMAT_1 => 1,
        _ => 2,
    }
}

fn read_set(tree: &Json, problems: &mut Problems) -> Option<QuestionSet> {
    let format = declared_format(tree);
    let fields = read_object_in(tree, "", &SET_SPEC, format, problems)?;

    if let Some(declared) = r::text(&fields, "format", 0, usize::MAX, problems) {
        if declared != FORMAT_1 && declared != FORMAT_2 {
            problems.add(
                "format",
                ProblemKind::UnsupportedFormat,
                format!(
                    "unsupported format \"{declared}\"; this version of Altitude reads \"{FORMAT_2}\" and \"{FORMAT_1}\""
                ),
            );
        }
    }
    let _schema = r::string(&fields, "$schema", problems);
    let id = set_id(&fields, problems);
    let version = r::string(&fields, "version", problems);
    let title = title(&fields, problems);
    let summary = r::string(&fields, "summary", problems);
    let language = language(&fields, problems);
    let estimated_minutes = r::bounded_integer(&fields, "estimated_minutes", problems);
    let scale = fields.get("scale").and_then(|value| read_scale(value, problems));

    let (dimensions, declared_dimensions) = read_dimensions(&fields, problems);
    // References are checked against every id an author declared, even one whose dimension has
    // other problems, so one mistake is reported once rather than at every reference to it.
    let dimension_ids: Vec<&str> = declared_dimensions.iter().map(String::as_str).collect();
    let roles = read_roles(&fields, &dimension_ids, problems);
    let default_role = default_role(&fields, &roles, problems);
    let ready_threshold = r::bounded_number(&fields, "ready_threshold", problems);
    let gap_tolerance = r::bounded_number(&fields, "gap_tolerance", problems);
    let min_coverage = r::bounded_number(&fields, "min_coverage", problems);
    let bands = read_bands(&fields, problems);
    let (facets, declared_facets) = read_facets(&fields, problems);
    let facet_ids: Vec<&str> = declared_facets.iter().map(String::as_str).collect();
    let questions = read_questions(&fields, &dimension_ids, &facet_ids, scale.is_some(), format, problems);
    let guidance = fields
        .get("guidance")
        .map(|value| read_guidance(value, "guidance", &dimension_ids, format, problems))
        .unwrap_or_else(|| vec![None; dimension_ids.len()]);
    let role_guidance = read_role_guidance(&fields, &roles, &dimension_ids, format, problems);

    if !problems.is_empty() {
        return None;
    }
    Some(QuestionSet {
        format,
        id: id?,
        version: version?,
        title: title?,
        summary,
        language: language.unwrap_or_else(|| "en".to_owned()),
        estimated_minutes,
        scale,
        dimensions,
        default_role: default_role?,
        roles,
        ready_threshold: ready_threshold.unwrap_or(DEFAULT_READY_THRESHOLD),
        gap_tolerance: gap_tolerance.unwrap_or(if format == 1 {
            FORMAT_1_GAP_TOLERANCE
        } else {
            DEFAULT_GAP_TOLERANCE
        }),
        min_coverage: min_coverage.unwrap_or(DEFAULT_MIN_COVERAGE),
        bands,
        questions,
        guidance,
        role_guidance,
        facets,
    })
}

fn set_id(fields: &Fields, problems: &mut Problems) -> Option<String> {
    let id = r::string(fields, "id", problems)?;
    let starts_with_letter = id.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
    if !starts_with_letter || !id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        problems.add(
            "id",
            ProblemKind::BadIdentifier,
            format!(
                "\"{id}\" is not a valid set id: start with a letter, then use lower-case letters a-z, digits and '-'"
            ),
        );
        return None;
    }
    Some(id)
}

fn title(fields: &Fields, problems: &mut Problems) -> Option<String> {
    let title = r::text(fields, "title", 0, usize::MAX, problems)?;
    let length = title.trim().chars().count();
    if !(1..=200).contains(&length) {
        problems.add(
            "title",
            ProblemKind::BadLength,
            format!("must be 1–200 characters (not counting surrounding spaces); found {length}"),
        );
        return None;
    }
    Some(title.trim().to_owned())
}

/// Whether `tag` is a BCP 47 language tag in its common shape: a 2–8 letter language, then subtags of
/// 1–8 letters or digits, 35 characters at most. A set's `language` and a translation's are checked by it.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary_ok =
        subtags.next().is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let rest_ok = subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    tag.len() <= 35 && primary_ok && rest_ok
}

/// The set's `language`: a BCP 47 tag ([`is_language_tag`]).
fn language(fields: &Fields, problems: &mut Problems) -> Option<String> {
    let tag = r::text(fields, "language", 1, 35, problems)?;
    if !is_language_tag(&tag) {
        problems.add(
            "language",
            ProblemKind::BadIdentifier,
            format!("\"{tag}\" is not a language tag; use a BCP 47 tag such as \"en\" or \"pt-BR\""),
        );
        return None;
    }
    Some(tag)
}

fn read_scale(value: &Json, problems: &mut Problems) -> Option<Scale> {
    let fields = read_object(value, "scale", &SCALE_SPEC, problems)?;
    let points = r::bounded_integer(&fields, "points", problems);
    let labels = r::list(&fields, "labels", 0, usize::MAX, problems)?;
    let labels: Vec<Option<String>> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| r::string_value(label, &index("scale.labels", i), 1, 60, problems))
        .collect();
    let points = points?;
    if labels.len() != points as usize {
        problems.add(
            "scale.labels",
            ProblemKind::Inconsistent,
            format!("a {points}-point scale needs {points} labels, one per point; found {}", labels.len()),
        );
        return None;
    }
    Some(Scale { points, labels: labels.into_iter().collect::<Option<_>>()? })
}

/// Reports an id that an earlier item of the same list already used.
fn check_unique(ids: &[Option<String>], list_path: &str, what: &str, problems: &mut Problems) {
    let keys: Vec<Option<&str>> = ids.iter().map(Option::as_deref).collect();
    for (later, first) in crate::sorting::earlier_uses(&keys).into_iter().enumerate() {
        let (Some(first), Some(id)) = (first, keys[later]) else { continue };
        problems.add(
            &join(&index(list_path, later), "id"),
            ProblemKind::DuplicateId,
            format!("the {what} id \"{id}\" is already used by {}", index(list_path, first)),
        );
    }
}

/// The valid dimensions, and the ids of all declared ones.
fn read_dimensions(fields: &Fields, problems: &mut Problems) -> (Vec<Dimension>, Vec<String>) {
    let Some(items) = r::items(fields, "dimensions", problems) else { return (Vec::new(), Vec::new()) };
    let declared = items.iter().filter_map(declared_id).collect();
    let mut ids = Vec::new();
    let mut dimensions = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = index("dimensions", i);
        let Some(d) = read_object(item, &path, &DIMENSION_SPEC, problems) else {
            ids.push(None);
            continue;
        };
        let id = r::item_id(&d, "id", problems);
        let name = r::string(&d, "name", problems);
        let description = r::string(&d, "description", problems);
        let weight = r::weight(&d, "weight", problems);
        ids.push(id.clone());
        if let (Some(id), Some(name), Some(weight)) = (id, name, weight) {
            dimensions.push(Dimension { id, name, description, weight });
        }
    }
    check_unique(&ids, "dimensions", "dimension", problems);
    (dimensions, declared)
}

/// The string id of a list's item, whatever else is wrong with it: references are checked against
/// these, so one mistake in an item is reported once, not at every reference to it.
fn declared_id(item: &Json) -> Option<String> {
    let Json::Object(pairs) = item else { return None };
    pairs.iter().find_map(|(key, value)| match (key.as_str(), value) {
        ("id", Json::String(id)) => Some(id.clone()),
        _ => None,
    })
}

/// The valid facets, and the ids of all declared ones (none when the set has no `facets`).
fn read_facets(fields: &Fields, problems: &mut Problems) -> (Vec<Facet>, Vec<String>) {
    if fields.get("facets").is_none() {
        return (Vec::new(), Vec::new());
    }
    let Some(items) = r::items(fields, "facets", problems) else { return (Vec::new(), Vec::new()) };
    // By position, "" for an item without an id (reported at the item), so the check that each facet
    // is named points at the right item.
    let declared = items.iter().map(|item| declared_id(item).unwrap_or_default()).collect();
    let mut ids = Vec::new();
    let mut facets = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(f) = read_object(item, &index("facets", i), &FACET_SPEC, problems) else {
            ids.push(None);
            continue;
        };
        let id = r::item_id(&f, "id", problems);
        let name = r::string(&f, "name", problems);
        let description = r::string(&f, "description", problems);
        ids.push(id.clone());
        if let (Some(id), Some(name)) = (id, name) {
            facets.push(Facet { id, name, description });
        }
    }
    check_unique(&ids, "facets", "facet", problems);
    (facets, declared)
}

fn read_roles(fields: &Fields, dimension_ids: &[&str], problems: &mut Problems) -> Vec<Role> {
    let Some(items) = r::items(fields, "roles", problems) else { return Vec::new() };
    let mut ids = Vec::new();
    let mut stages: Vec<Option<u32>> = Vec::new();
    let mut roles = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = index("roles", i);
        let Some(role) = read_object(item, &path, &ROLE_SPEC, problems) else {
            ids.push(None);
            stages.push(None);
            continue;
        };
        let id = r::item_id(&role, "id", problems);
        let name = r::string(&role, "name", problems);
        let stage = r::bounded_integer(&role, "stage", problems);
        let summary = r::string(&role, "summary", problems);
        let targets =
            role.get("targets").and_then(|t| read_targets(t, &role.path_of("targets"), dimension_ids, problems));
        ids.push(id.clone());
        stages.push(stage);
        if let (Some(id), Some(name), Some(stage), Some(targets)) = (id, name, stage, targets) {
            roles.push(Role { id, name, stage, summary, targets });
        }
    }
    check_unique(&ids, "roles", "role", problems);
    for (i, stage) in stages.iter().enumerate() {
        let Some(stage) = stage else { continue };
        if let Some(first) = stages[..i].iter().position(|earlier| earlier == &Some(*stage)) {
            problems.add(
                &join(&index("roles", i), "stage"),
                ProblemKind::DuplicateId,
                format!(
                    "stage {stage} is already the stage of {}; each role needs its own stage",
                    index("roles", first)
                ),
            );
        }
    }
    roles
}

/// A role's targets: every dimension exactly once, each 0–100, in dimension order.
fn read_targets(value: &Json, path: &str, dimension_ids: &[&str], problems: &mut Problems) -> Option<Vec<f64>> {
    let fields = read_map(value, path, "targets", problems)?;
    let mut targets = vec![None; dimension_ids.len()];
    for (key, target) in fields.pairs() {
        let key_path = join(path, key);
        let Some(position) = dimension_ids.iter().position(|id| id == key) else {
            if dimension_ids.is_empty() {
                continue;
            }
            let hint = match r::nearest(key, dimension_ids.iter().copied()) {
                Some(near) => format!("; did you mean \"{near}\"?"),
                None => format!("; the dimensions are: {}", dimension_ids.join(", ")),
            };
            problems.add(
                &key_path,
                ProblemKind::UnknownReference,
                format!("\"{key}\" is not a dimension of this set{hint}"),
            );
            continue;
        };
        match target {
            Json::Number(n) if (0.0..=100.0).contains(n) => targets[position] = Some(*n),
            Json::Number(n) => problems.add(
                &key_path,
                ProblemKind::OutOfRange,
                format!("a target must be from 0 to 100; found {}", display::number(*n)),
            ),
            other => problems.add(
                &key_path,
                ProblemKind::WrongType,
                format!("a target must be a number from 0 to 100; found {}", other.type_name()),
            ),
        }
    }
    for id in dimension_ids {
        if !r::is_item_id(id) {
            continue;
        }
        if !fields.pairs().iter().any(|(key, _)| key == id) {
            problems.add(
                &join(path, id),
                ProblemKind::MissingKey,
                format!("the role has no target for the dimension \"{id}\""),
            );
        }
    }
    targets.into_iter().collect()
}

fn default_role(fields: &Fields, roles: &[Role], problems: &mut Problems) -> Option<usize> {
    match r::string(fields, "default_role", problems) {
        Some(id) => {
            let found = roles.iter().position(|role| role.id == id);
            if found.is_none() {
                let names: Vec<&str> = roles.iter().map(|role| role.id.as_str()).collect();
                problems.add(
                    "default_role",
                    ProblemKind::UnknownReference,
                    format!("\"{id}\" is not the id of a role; the roles are: {}", names.join(", ")),
                );
            }
            found
        }
        None if fields.get("default_role").is_some() => None,
        None => roles.iter().enumerate().max_by_key(|(_, role)| role.stage).map(|(i, _)| i),
    }
}

fn default_bands() -> Vec<Band> {
    [(0.0, "Emerging"), (40.0, "Developing"), (60.0, "Proficient"), (80.0, "Advanced")]
        .into_iter()
        .map(|(min, name)| Band { min, name: name.to_owned() })
        .collect()
}

fn read_bands(fields: &Fields, problems: &mut Problems) -> Vec<Band> {
    if fields.get("bands").is_none() {
        return default_bands();
    }
    let Some(items) = r::items(fields, "bands", problems) else { return Vec::new() };
    let mut bands = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = index("bands", i);
        let Some(band) = read_object(item, &path, &BAND_SPEC, problems) else { continue };
        let min = r::bounded_number(&band, "min", problems);
        let name = r::string(&band, "name", problems);
        if i == 0 && min.is_some_and(|m| m != 0.0) {
            problems.add(
                &join(&path, "min"),
                ProblemKind::Inconsistent,
                "the first band must start at 0, so every score has a band",
            );
        }
        if let (Some(min), Some(previous)) = (min, bands.last().map(|b: &Band| b.min)) {
            if min <= previous {
                problems.add(
                    &join(&path, "min"),
                    ProblemKind::Inconsistent,
                    format!(
                        "bands must be in strictly ascending order of min; {} follows {}",
                        display::number(min),
                        display::number(previous)
                    ),
                );
            }
        }
        if let (Some(min), Some(name)) = (min, name) {
            bands.push(Band { min, name });
        }
    }
    bands
}

fn read_questions(
    fields: &Fields,
    dimension_ids: &[&str],
    facet_ids: &[&str],
    has_scale: bool,
    format: u8,
    problems: &mut Problems,
) -> Vec<Question> {
    let Some(items) = r::items(fields, "questions", problems) else { return Vec::new() };
    let mut ids = Vec::with_capacity(items.len());
    let mut questions = Vec::with_capacity(items.len());
    let mut likert_without_scale_reported = false;
    let mut dimension_named = vec![false; dimension_ids.len()];
    let mut facet_named = vec![false; facet_ids.len()];
    let mut dimension_scored = vec![false; dimension_ids.len()];
    let mut dimension_unread = vec![false; dimension_ids.len()];
    let set_has_facets = fields.get("facets").is_some();
    let kinds = if format == 1 { "\"likert\" or \"choice\"" } else { "\"likert\", \"choice\" or \"level\"" };
    for (i, item) in items.iter().enumerate() {
        if problems.is_full() {
            break;
        }
        let path = index("questions", i);
        let Some(q) = read_object_in(item, &path, &QUESTION_SPEC, format, problems) else {
            ids.push(None);
            continue;
        };
        let id = r::item_id(&q, "id", problems);
        let dimension = r::text(&q, "dimension", 1, usize::MAX, problems).and_then(|dimension| {
            let found = dimension_ids.iter().position(|d| *d == dimension);
            if found.is_none() && !dimension_ids.is_empty() {
                let hint = match r::nearest(&dimension, dimension_ids.iter().copied()) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => format!("the dimensions are: {}", dimension_ids.join(", ")),
                };
                problems.add(
                    &q.path_of("dimension"),
                    ProblemKind::UnknownReference,
                    format!("\"{dimension}\" is not a dimension of this set; {hint}"),
                );
            }
            found
        });
        if let Some(d) = dimension {
            dimension_named[d] = true;
        }
        let text = r::string(&q, "text", problems);
        let text_other = r::string(&q, "text_other", problems).filter(|text| {
            let blank = text.trim().is_empty();
            if blank {
                problems.add(
                    &q.path_of("text_other"),
                    ProblemKind::BadLength,
                    "must be 1–500 characters (not counting surrounding spaces); found only spaces",
                );
            }
            !blank
        });
        let help = r::string(&q, "help", problems);
        let debrief = r::string(&q, "debrief", problems);
        let weight = r::weight(&q, "weight", problems);
        let reverse = r::boolean(&q, "reverse", problems);
        let kind_name = r::text(&q, "kind", 1, usize::MAX, problems);
        let kind = match kind_name.as_deref() {
            Some("likert") => {
                if q.get("options").is_some() {
                    problems.add(&q.path_of("options"), ProblemKind::Inconsistent, "a likert question is rated on the set's scale and takes no options; remove \"options\" or make it a \"choice\" question");
                }
                if q.get("debrief").is_some() {
                    problems.add(
                        &q.path_of("debrief"),
                        ProblemKind::Inconsistent,
                        "\"debrief\" applies to choice and level questions only; a likert question has no better or worse option to explain",
                    );
                }
                if !has_scale && !likert_without_scale_reported && fields.get("scale").is_none() {
                    likert_without_scale_reported = true;
                    problems.add(
                        &q.path_of("kind"),
                        ProblemKind::Inconsistent,
                        "a likert question needs the set's \"scale\", and the set has none",
                    );
                }
                Some(QuestionKind::Likert { reverse: reverse.unwrap_or(false) })
            }
            Some(kind @ ("choice" | "level")) if kind == "choice" || format >= 2 => {
                let level = kind == "level";
                if q.get("reverse").is_some() {
                    problems.add(
                        &q.path_of("reverse"),
                        ProblemKind::Inconsistent,
                        format!(
                            "\"reverse\" applies to likert questions only; a {kind} question scores each option itself"
                        ),
                    );
                }
                let max = if level { MAX_LEVELS } else { 10 };
                match q.get("options") {
                    None => {
                        problems.add(
                            &q.path_of("options"),
                            ProblemKind::MissingKey,
                            format!("a {kind} question needs \"options\" (2–{max} of them)"),
                        );
                        None
                    }
                    Some(_) => read_options(&q, max, level, format, problems).map(|options| {
                        if level {
                            QuestionKind::Level { options }
                        } else {
                            QuestionKind::Choice { options }
                        }
                    }),
                }
            }
            Some(other) => {
                let hint = if other == "level" { "; \"level\" questions need format 2" } else { "" };
                problems.add(
                    &q.path_of("kind"),
                    ProblemKind::OutOfRange,
                    format!("unknown kind \"{other}\"; use {kinds}{hint}"),
                );
                None
            }
            None => None,
        };
        let (named, facets_fine) = question_facets(&q, facet_ids, set_has_facets, problems);
        // A facet a question names is named, even when another of its facets is wrong: one mistake, one problem.
        for &f in &named {
            facet_named[f] = true;
        }
        let facets = facets_fine.then_some(named);
        let scored = r::boolean(&q, "scored", problems);
        if q.get("scored").is_some() && !set_has_facets {
            problems.add(
                &q.path_of("scored"),
                ProblemKind::Inconsistent,
                "\"scored\" applies to sets with \"facets\": a question outside the score counts only in its facets, and this set has none",
            );
        } else if scored == Some(false) && facets.as_ref().is_some_and(Vec::is_empty) {
            problems.add(
                &q.path_of("scored"),
                ProblemKind::Inconsistent,
                "a question with \"scored\": false counts only in its facets, so it must name at least one in \"facets\"",
            );
        }
        ids.push(id.clone());
        // A question of the dimension that could not be read may be the one that is scored.
        let read = id.is_some() && text.is_some() && weight.is_some() && kind.is_some() && facets.is_some();
        if let (Some(d), false) = (dimension, read) {
            dimension_unread[d] = true;
        }
        if let (Some(id), Some(dimension), Some(text), Some(weight), Some(kind), Some(facets)) =
            (id, dimension, text, weight, kind, facets)
        {
            let scored = scored.unwrap_or(true);
            dimension_scored[dimension] |= scored;
            questions.push(Question { id, dimension, text, text_other, help, debrief, weight, kind, facets, scored });
        }
    }
    check_unique(&ids, "questions", "question", problems);
    if !problems.is_full() {
        for (f, (id, named)) in facet_ids.iter().zip(facet_named).enumerate() {
            // An item without an id, or with one an earlier facet has, is reported as such already.
            let reported = id.is_empty() || facet_ids[..f].contains(id);
            if !named && !reported {
                problems.add(
                    &index("facets", f),
                    ProblemKind::Inconsistent,
                    format!("no question names the facet \"{id}\"; every facet needs at least one question"),
                );
            }
        }
    }
    if !problems.is_full() {
        for (d, ((id, named), scored)) in dimension_ids.iter().zip(dimension_named).zip(dimension_scored).enumerate() {
            if !named {
                problems.add(
                    "questions",
                    ProblemKind::Inconsistent,
                    format!("the dimension \"{id}\" has no question; every dimension needs at least one"),
                );
            } else if !scored && !dimension_unread[d] {
                problems.add(
                    "questions",
                    ProblemKind::Inconsistent,
                    format!("every question of the dimension \"{id}\" has \"scored\": false, so it could never have a score; score at least one"),
                );
            }
        }
    }
    questions
}

/// A question's `facets`: the valid ones as indices (empty when it names none), and whether every
/// one it names is a distinct facet of the set.
fn question_facets(
    question: &Fields,
    facet_ids: &[&str],
    set_has_facets: bool,
    problems: &mut Problems,
) -> (Vec<usize>, bool) {
    if question.get("facets").is_none() {
        return (Vec::new(), true);
    }
    let path = question.path_of("facets");
    if !set_has_facets {
        problems.add(
            &path,
            ProblemKind::Inconsistent,
            "a question can name facets only when the set declares them in a top-level \"facets\" list",
        );
        return (Vec::new(), false);
    }
    let Some(items) = r::list(question, "facets", 1, MAX_QUESTION_FACETS, problems) else {
        return (Vec::new(), false);
    };
    let mut facets = Vec::with_capacity(items.len());
    let mut fine = true;
    for (i, item) in items.iter().enumerate() {
        let item_path = index(&path, i);
        let Some(id) = r::string_value(item, &item_path, 1, 64, problems) else {
            fine = false;
            continue;
        };
        match facet_ids.iter().position(|f| *f == id) {
            Some(f) if facets.contains(&f) => {
                fine = false;
                problems.add(
                    &item_path,
                    ProblemKind::DuplicateId,
                    format!("the facet \"{id}\" is named twice; name each facet once"),
                );
            }
            Some(f) => facets.push(f),
            None => {
                fine = false;
                let hint = match r::nearest(&id, facet_ids.iter().copied()) {
                    Some(near) => format!("did you mean \"{near}\"?"),
                    None => format!("the facets are: {}", facet_ids.join(", ")),
                };
                problems.add(
                    &item_path,
                    ProblemKind::UnknownReference,
                    format!("\"{id}\" is not a facet of this set; {hint}"),
                );
            }
        }
    }
    (facets, fine)
}

/// The options of a choice question (2–10) or a level question (2–8, scores strictly ascending).
fn read_options(
    question: &Fields,
    max: usize,
    level: bool,
    format: u8,
    problems: &mut Problems,
) -> Option<Vec<ChoiceOption>> {
    let items = r::list(question, "options", 2, max, problems)?;
    let list_path = question.path_of("options");
    let mut ids = Vec::new();
    let mut options = Vec::new();
    let mut previous_score: Option<f64> = None;
    for (i, item) in items.iter().enumerate() {
        let path = index(&list_path, i);
        let Some(o) = read_object(item, &path, &OPTION_SPEC, problems) else {
            ids.push(None);
            previous_score = None;
            continue;
        };
        let mut id = r::item_id(&o, "id", problems);
        if format >= 2 && id.as_deref() == Some(UNTESTED) {
            problems.add(
                &o.path_of("id"),
                ProblemKind::BadIdentifier,
                "the option id \"untested\" is reserved for the answer \"not had the chance yet\"; choose another id",
            );
            id = None;
        }
        let text = r::string(&o, "text", problems);
        let score = r::bounded_number(&o, "score", problems);
        if let (true, Some(score), Some(previous)) = (level, score, previous_score) {
            if score <= previous {
                problems.add(
                    &o.path_of("score"),
                    ProblemKind::Inconsistent,
                    format!(
                        "a level question's options go from the lowest level to the highest, so their scores must be strictly ascending; {} follows {}",
                        display::number(score),
                        display::number(previous)
                    ),
                );
            }
        }
        previous_score = score;
        ids.push(id.clone());
        if let (Some(id), Some(text), Some(score)) = (id, text, score) {
            options.push(ChoiceOption { id, text, score });
        }
    }
    check_unique(&ids, &list_path, "option", problems);
    (options.len() == items.len() && (2..=max).contains(&options.len())).then_some(options)
}

/// A map of dimension id → Guidance at `path` (`guidance`, or `role_guidance.<role>`).
fn read_guidance(
    value: &Json,
    path: &str,
    dimension_ids: &[&str],
    format: u8,
    problems: &mut Problems,
) -> Vec<Option<Guidance>> {
    let mut guidance = vec![None; dimension_ids.len()];
    let Some(map) = read_map(value, path, "guidance", problems) else { return guidance };
    for (key, entry) in map.pairs() {
        let entry_path = join(path, key);
        let position = dimension_ids.iter().position(|id| id == key);
        if position.is_none() && !dimension_ids.is_empty() {
            problems.add(
                &entry_path,
                ProblemKind::UnknownReference,
                format!("guidance is keyed by dimension id, and \"{key}\" is not a dimension of this set"),
            );
        }
        let Some(g) = read_object_in(entry, &entry_path, &GUIDANCE_SPEC, format, problems) else { continue };
        let read = Guidance {
            summary: r::string(&g, "summary", problems),
            first_step: r::string(&g, "first_step", problems),
            conversation: r::string(&g, "conversation", problems),
            signal: r::string(&g, "signal", problems),
            skills: text_list(&g, "skills", problems),
            practices: text_list(&g, "practices", problems),
            projects: text_list(&g, "projects", problems),
            reading: read_reading(&g, problems),
        };
        if let Some(position) = position {
            guidance[position] = Some(read);
        }
    }
    guidance
}

/// `role_guidance`: role id → (dimension id → Guidance), indexed like the roles (empty when absent).
fn read_role_guidance(
    fields: &Fields,
    roles: &[Role],
    dimension_ids: &[&str],
    format: u8,
    problems: &mut Problems,
) -> Vec<Vec<Option<Guidance>>> {
    let Some(value) = fields.get("role_guidance") else { return Vec::new() };
    let Some(map) = read_map(value, "role_guidance", "role_guidance", problems) else { return Vec::new() };
    let mut by_role = vec![vec![None; dimension_ids.len()]; roles.len()];
    for (key, entry) in map.pairs() {
        let path = join("role_guidance", key);
        let position = roles.iter().position(|role| &role.id == key);
        if position.is_none() && !roles.is_empty() {
            let ids: Vec<&str> = roles.iter().map(|role| role.id.as_str()).collect();
            let hint = match r::nearest(key, ids.iter().copied()) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => format!("the roles are: {}", ids.join(", ")),
            };
            problems.add(
                &path,
                ProblemKind::UnknownReference,
                format!("role_guidance is keyed by role id, and \"{key}\" is not a role of this set; {hint}"),
            );
        }
        let guidance = read_guidance(entry, &path, dimension_ids, format, problems);
        if let Some(position) = position {
            by_role[position] = guidance;
        }
    }
    by_role
}

fn text_list(fields: &Fields, key: &str, problems: &mut Problems) -> Vec<String> {
    let Some(items) = r::items(fields, key, problems) else { return Vec::new() };
    let path = fields.path_of(key);
    items.iter().enumerate().filter_map(|(i, item)| r::string_value(item, &index(&path, i), 1, 500, problems)).collect()
}

fn read_reading(fields: &Fields, problems: &mut Problems) -> Vec<Reading> {
    let Some(items) = r::items(fields, "reading", problems) else { return Vec::new() };
    let path = fields.path_of("reading");
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let book = read_object(item, &index(&path, i), &READING_SPEC, problems)?;
            let title = r::string(&book, "title", problems);
            let author = r::string(&book, "author", problems);
            let note = r::string(&book, "note", problems);
            Some(Reading { title: title?, author, note })
        })
        .collect()
}
