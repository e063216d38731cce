//! The validated question set (format `altitude.question-set/1`) and the loader that builds it.
//!
//! Loading is parse, then validate: bytes become a [`Json`] tree, the tree is read against the key
//! tables below, and only a document with no problem at all becomes a [`QuestionSet`]. References
//! are resolved to indices on the way, so the rest of the code never looks an id up again.

use super::json::{self, Json};
use super::problem::{Location, Problem, ProblemKind, Problems};
use super::reader::{
    self as r, index, join, optional, read_map, read_object, required, Fields, JsonType as T, ObjectSpec,
};

/// The only format this version reads.
pub const FORMAT: &str = "altitude.question-set/1";

/// The largest document the loader reads. The biggest legal set (1,000 questions with every text at
/// its maximum) is about 5 MB; anything far above that is not a question set and must not cost memory.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

pub const DEFAULT_READY_THRESHOLD: f64 = 90.0;
pub const DEFAULT_MIN_COVERAGE: f64 = 0.5;

pub static SET_SPEC: ObjectSpec = ObjectSpec {
    name: "the question set",
    keys: &[
        required("format", T::String),
        required("id", T::String),
        required("version", T::String),
        required("title", T::String),
        optional("summary", T::String),
        optional("language", T::String),
        optional("estimated_minutes", T::Integer),
        optional("scale", T::Object),
        required("dimensions", T::Array),
        required("roles", T::Array),
        optional("default_role", T::String),
        optional("ready_threshold", T::Number),
        optional("min_coverage", T::Number),
        optional("bands", T::Array),
        required("questions", T::Array),
        optional("guidance", T::Object),
    ],
};

pub static SCALE_SPEC: ObjectSpec =
    ObjectSpec { name: "scale", keys: &[required("points", T::Integer), required("labels", T::Array)] };

pub static DIMENSION_SPEC: ObjectSpec = ObjectSpec {
    name: "dimension",
    keys: &[
        required("id", T::String),
        required("name", T::String),
        optional("description", T::String),
        optional("weight", T::Number),
    ],
};

pub static ROLE_SPEC: ObjectSpec = ObjectSpec {
    name: "role",
    keys: &[
        required("id", T::String),
        required("name", T::String),
        required("stage", T::Integer),
        optional("summary", T::String),
        required("targets", T::Object),
    ],
};

pub static QUESTION_SPEC: ObjectSpec = ObjectSpec {
    name: "question",
    keys: &[
        required("id", T::String),
        required("dimension", T::String),
        required("kind", T::String),
        required("text", T::String),
        optional("help", T::String),
        optional("weight", T::Number),
        optional("reverse", T::Boolean),
        optional("options", T::Array),
    ],
};

pub static OPTION_SPEC: ObjectSpec = ObjectSpec {
    name: "option",
    keys: &[required("id", T::String), required("text", T::String), required("score", T::Number)],
};

pub static BAND_SPEC: ObjectSpec =
    ObjectSpec { name: "band", keys: &[required("min", T::Number), required("name", T::String)] };

pub static GUIDANCE_SPEC: ObjectSpec = ObjectSpec {
    name: "guidance",
    keys: &[
        optional("summary", T::String),
        optional("skills", T::Array),
        optional("practices", T::Array),
        optional("projects", T::Array),
        optional("reading", T::Array),
    ],
};

pub static READING_SPEC: ObjectSpec = ObjectSpec {
    name: "reading",
    keys: &[required("title", T::String), optional("author", T::String), optional("note", T::String)],
};

/// Every object of the format, for the schema check.
pub static ALL_SPECS: [&ObjectSpec; 9] = [
    &SET_SPEC,
    &SCALE_SPEC,
    &DIMENSION_SPEC,
    &ROLE_SPEC,
    &QUESTION_SPEC,
    &OPTION_SPEC,
    &BAND_SPEC,
    &GUIDANCE_SPEC,
    &READING_SPEC,
];

/// A checked question set. Every reference is valid and every rule of the format holds.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSet {
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
    pub min_coverage: f64,
    /// Ascending by `min`, the first at 0.
    pub bands: Vec<Band>,
    pub questions: Vec<Question>,
    /// Indexed like `dimensions`.
    pub guidance: Vec<Option<Guidance>>,
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
    pub help: Option<String>,
    pub weight: f64,
    pub kind: QuestionKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    Likert { reverse: bool },
    Choice { options: Vec<ChoiceOption> },
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

impl QuestionSet {
    /// Reads and checks a question-set document, reporting every problem (up to 100).
    pub fn load(bytes: &[u8]) -> Result<QuestionSet, Vec<Problem>> {
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(vec![Problem {
                location: Location::LineColumn { line: 1, column: 1 },
                kind: ProblemKind::Syntax,
                message: format!(
                    "the file is {} MB; a question set may be at most {} MB",
                    bytes.len() / (1024 * 1024),
                    MAX_DOCUMENT_BYTES / (1024 * 1024)
                ),
            }]);
        }
        let tree = json::parse(bytes).map_err(|error| {
            vec![Problem {
                location: Location::LineColumn { line: error.line, column: error.column },
                kind: ProblemKind::Syntax,
                message: error.message,
            }]
        })?;
        let mut problems = Problems::default();
        match read_set(&tree, &mut problems) {
            Some(set) if problems.is_empty() => Ok(set),
            _ => Err(problems.into_vec()),
        }
    }

    /// The index of the role with this id.
    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|role| role.id == id)
    }

    /// A lookup from question id to index, built once for many lookups (a result's answers) so
    /// resolving them is O(n log n), not quadratic, on sets of up to 1,000 questions.
    pub fn question_lookup(&self) -> impl Fn(&str) -> Option<usize> + '_ {
        let mut by_id: Vec<(&str, usize)> =
            self.questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)).collect();
        by_id.sort_unstable();
        move |id| by_id.binary_search_by(|(known, _)| (*known).cmp(id)).ok().map(|i| by_id[i].1)
    }

    /// Role indices from the lowest stage to the highest.
    pub fn roles_by_stage(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.roles.len()).collect();
        order.sort_by_key(|&i| self.roles[i].stage);
        order
    }

    /// How many choices a question offers a person (scale points or options), not counting "not applicable".
    pub fn choice_count(&self, question: &Question) -> usize {
        match &question.kind {
            QuestionKind::Likert { .. } => self.scale.as_ref().map_or(0, |scale| scale.points as usize),
            QuestionKind::Choice { options } => options.len(),
        }
    }
}

fn read_set(tree: &Json, problems: &mut Problems) -> Option<QuestionSet> {
    let fields = read_object(tree, "", &SET_SPEC, problems)?;

    if let Some(format) = r::text(&fields, "format", 0, usize::MAX, problems) {
        if format != FORMAT {
            problems.add(
                "format",
                ProblemKind::UnsupportedFormat,
                format!("unsupported format \"{format}\"; this version of Altitude reads \"{FORMAT}\""),
            );
        }
    }
    let id = set_id(&fields, problems);
    let version = r::text(&fields, "version", 1, 32, problems);
    let title = title(&fields, problems);
    let summary = r::text(&fields, "summary", 0, 2000, problems);
    let language = language(&fields, problems);
    let estimated_minutes = r::integer(&fields, "estimated_minutes", 1, 240, problems);
    let scale = fields.get("scale").and_then(|value| read_scale(value, problems));

    let (dimensions, declared_dimensions) = read_dimensions(&fields, problems);
    // References are checked against every id an author declared, even one whose dimension has
    // other problems, so one mistake is reported once rather than at every reference to it.
    let dimension_ids: Vec<&str> = declared_dimensions.iter().map(String::as_str).collect();
    let roles = read_roles(&fields, &dimension_ids, problems);
    let default_role = default_role(&fields, &roles, problems);
    let ready_threshold = r::number(&fields, "ready_threshold", 0.0, 100.0, problems);
    let min_coverage = r::number(&fields, "min_coverage", 0.0, 1.0, problems);
    let bands = read_bands(&fields, problems);
    let questions = read_questions(&fields, &dimension_ids, scale.is_some(), problems);
    let guidance = read_guidance(&fields, &dimension_ids, problems);

    if !problems.is_empty() {
        return None;
    }
    Some(QuestionSet {
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
        min_coverage: min_coverage.unwrap_or(DEFAULT_MIN_COVERAGE),
        bands,
        questions,
        guidance,
    })
}

fn set_id(fields: &Fields, problems: &mut Problems) -> Option<String> {
    let id = r::text(fields, "id", 1, 64, problems)?;
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

/// A BCP 47 tag in its common shape: a 2–8 letter language, then subtags of 1–8 letters or digits.
fn language(fields: &Fields, problems: &mut Problems) -> Option<String> {
    let tag = r::text(fields, "language", 1, 35, problems)?;
    let mut subtags = tag.split('-');
    let primary_ok =
        subtags.next().is_some_and(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    let rest_ok = subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !(primary_ok && rest_ok) {
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
    let points = r::integer(&fields, "points", 2, 11, problems);
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
    // Sorted by (id, position), each run of one id starts with its first use: no hash map needed.
    let mut by_id: Vec<(&str, usize)> =
        ids.iter().enumerate().filter_map(|(i, id)| Some((id.as_deref()?, i))).collect();
    by_id.sort_unstable();
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut first = 0;
    for (k, (id, position)) in by_id.iter().enumerate() {
        if k > 0 && by_id[k - 1].0 == *id {
            repeats.push((first, *position));
        } else {
            first = *position;
        }
    }
    repeats.sort_unstable_by_key(|(_, later)| *later);
    for (first, later) in repeats {
        let id = ids[later].as_deref().unwrap_or_default();
        problems.add(
            &join(&index(list_path, later), "id"),
            ProblemKind::DuplicateId,
            format!("the {what} id \"{id}\" is already used by {}", index(list_path, first)),
        );
    }
}

/// The valid dimensions, and the ids of all declared ones.
fn read_dimensions(fields: &Fields, problems: &mut Problems) -> (Vec<Dimension>, Vec<String>) {
    let Some(items) = r::list(fields, "dimensions", 1, 12, problems) else { return (Vec::new(), Vec::new()) };
    let declared = items
        .iter()
        .filter_map(|item| match item {
            Json::Object(pairs) => pairs.iter().find_map(|(key, value)| match (key.as_str(), value) {
                ("id", Json::String(id)) => Some(id.clone()),
                _ => None,
            }),
            _ => None,
        })
        .collect();
    let mut ids = Vec::new();
    let mut dimensions = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = index("dimensions", i);
        let Some(d) = read_object(item, &path, &DIMENSION_SPEC, problems) else {
            ids.push(None);
            continue;
        };
        let id = r::item_id(&d, "id", problems);
        let name = r::text(&d, "name", 1, 80, problems);
        let description = r::text(&d, "description", 0, 1000, problems);
        let weight = r::weight(&d, "weight", problems);
        ids.push(id.clone());
        if let (Some(id), Some(name), Some(weight)) = (id, name, weight) {
            dimensions.push(Dimension { id, name, description, weight });
        }
    }
    check_unique(&ids, "dimensions", "dimension", problems);
    (dimensions, declared)
}

fn read_roles(fields: &Fields, dimension_ids: &[&str], problems: &mut Problems) -> Vec<Role> {
    let Some(items) = r::list(fields, "roles", 1, 20, problems) else { return Vec::new() };
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
        let name = r::text(&role, "name", 1, 80, problems);
        let stage = r::integer(&role, "stage", 1, 20, problems);
        let summary = r::text(&role, "summary", 0, 1000, problems);
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
            Json::Number(n) => {
                problems.add(&key_path, ProblemKind::OutOfRange, format!("a target must be from 0 to 100; found {n}"))
            }
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
    match r::text(fields, "default_role", 1, 64, problems) {
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
    let Some(items) = r::list(fields, "bands", 1, 100, problems) else { return Vec::new() };
    let mut bands = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = index("bands", i);
        let Some(band) = read_object(item, &path, &BAND_SPEC, problems) else { continue };
        let min = r::number(&band, "min", 0.0, 100.0, problems);
        let name = r::text(&band, "name", 1, 40, problems);
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
                    format!("bands must be in strictly ascending order of min; {min} follows {previous}"),
                );
            }
        }
        if let (Some(min), Some(name)) = (min, name) {
            bands.push(Band { min, name });
        }
    }
    bands
}

fn read_questions(fields: &Fields, dimension_ids: &[&str], has_scale: bool, problems: &mut Problems) -> Vec<Question> {
    let Some(items) = r::list(fields, "questions", 1, 1000, problems) else { return Vec::new() };
    let mut ids = Vec::with_capacity(items.len());
    let mut questions = Vec::with_capacity(items.len());
    let mut likert_without_scale_reported = false;
    let mut dimension_named = vec![false; dimension_ids.len()];
    for (i, item) in items.iter().enumerate() {
        if problems.is_full() {
            break;
        }
        let path = index("questions", i);
        let Some(q) = read_object(item, &path, &QUESTION_SPEC, problems) else {
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
        let text = r::text(&q, "text", 1, 500, problems);
        let help = r::text(&q, "help", 0, 1000, problems);
        let weight = r::weight(&q, "weight", problems);
        let reverse = r::boolean(&q, "reverse", problems);
        let kind = match r::text(&q, "kind", 1, usize::MAX, problems).as_deref() {
            Some("likert") => {
                if q.get("options").is_some() {
                    problems.add(&q.path_of("options"), ProblemKind::Inconsistent, "a likert question is rated on the set's scale and takes no options; remove \"options\" or make it a \"choice\" question");
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
            Some("choice") => {
                if q.get("reverse").is_some() {
                    problems.add(
                        &q.path_of("reverse"),
                        ProblemKind::Inconsistent,
                        "\"reverse\" applies to likert questions only; a choice question scores each option itself",
                    );
                }
                match q.get("options") {
                    None => {
                        problems.add(
                            &q.path_of("options"),
                            ProblemKind::MissingKey,
                            "a choice question needs \"options\" (2–10 of them)",
                        );
                        None
                    }
                    Some(_) => read_options(&q, problems).map(|options| QuestionKind::Choice { options }),
                }
            }
            Some(other) => {
                problems.add(
                    &q.path_of("kind"),
                    ProblemKind::OutOfRange,
                    format!("unknown kind \"{other}\"; use \"likert\" or \"choice\""),
                );
                None
            }
            None => None,
        };
        ids.push(id.clone());
        if let (Some(id), Some(dimension), Some(text), Some(weight), Some(kind)) = (id, dimension, text, weight, kind) {
            questions.push(Question { id, dimension, text, help, weight, kind });
        }
    }
    check_unique(&ids, "questions", "question", problems);
    if !problems.is_full() {
        for (id, named) in dimension_ids.iter().zip(dimension_named) {
            if !named {
                problems.add(
                    "questions",
                    ProblemKind::Inconsistent,
                    format!("the dimension \"{id}\" has no question; every dimension needs at least one"),
                );
            }
        }
    }
    questions
}

fn read_options(question: &Fields, problems: &mut Problems) -> Option<Vec<ChoiceOption>> {
    let items = r::list(question, "options", 2, 10, problems)?;
    let list_path = question.path_of("options");
    let mut ids = Vec::new();
    let mut options = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(o) = read_object(item, &index(&list_path, i), &OPTION_SPEC, problems) else {
            ids.push(None);
            continue;
        };
        let id = r::item_id(&o, "id", problems);
        let text = r::text(&o, "text", 1, 300, problems);
        let score = r::number(&o, "score", 0.0, 1.0, problems);
        ids.push(id.clone());
        if let (Some(id), Some(text), Some(score)) = (id, text, score) {
            options.push(ChoiceOption { id, text, score });
        }
    }
    check_unique(&ids, &list_path, "option", problems);
    (options.len() == items.len() && (2..=10).contains(&options.len())).then_some(options)
}

fn read_guidance(fields: &Fields, dimension_ids: &[&str], problems: &mut Problems) -> Vec<Option<Guidance>> {
    let mut guidance = vec![None; dimension_ids.len()];
    let Some(value) = fields.get("guidance") else { return guidance };
    let Some(map) = read_map(value, "guidance", "guidance", problems) else { return guidance };
    for (key, entry) in map.pairs() {
        let path = join("guidance", key);
        let position = dimension_ids.iter().position(|id| id == key);
        if position.is_none() && !dimension_ids.is_empty() {
            problems.add(
                &path,
                ProblemKind::UnknownReference,
                format!("guidance is keyed by dimension id, and \"{key}\" is not a dimension of this set"),
            );
        }
        let Some(g) = read_object(entry, &path, &GUIDANCE_SPEC, problems) else { continue };
        let read = Guidance {
            summary: r::text(&g, "summary", 1, 500, problems),
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

fn text_list(fields: &Fields, key: &str, problems: &mut Problems) -> Vec<String> {
    let Some(items) = r::list(fields, key, 0, 30, problems) else { return Vec::new() };
    let path = fields.path_of(key);
    items.iter().enumerate().filter_map(|(i, item)| r::string_value(item, &index(&path, i), 1, 500, problems)).collect()
}

fn read_reading(fields: &Fields, problems: &mut Problems) -> Vec<Reading> {
    let Some(items) = r::list(fields, "reading", 0, 30, problems) else { return Vec::new() };
    let path = fields.path_of("reading");
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let book = read_object(item, &index(&path, i), &READING_SPEC, problems)?;
            let title = r::text(&book, "title", 1, 500, problems);
            let author = r::text(&book, "author", 1, 500, problems);
            let note = r::text(&book, "note", 1, 500, problems);
            Some(Reading { title: title?, author, note })
        })
        .collect()
}
