//! The result document (`altitude.result/1`): a person's answers to one set, as exported,
//! imported and handed to the host page; and [`Responses`], the same answers resolved against a set.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::json::{self, Json};
use super::problem::{parse_document, Problem, ProblemKind, Problems};
use super::question_set::{QuestionKind, QuestionSet, UNTESTED};
use super::reader::{self as r, join, optional, read_map, read_object, required, JsonType as T, ObjectSpec};
use super::timestamp;

pub const RESULT_FORMAT: &str = "altitude.result/1";

/// The largest result document read: a thousand answers fit in well under a megabyte.
pub const MAX_RESULT_BYTES: usize = 4 * 1024 * 1024;

pub static RESULT_SPEC: ObjectSpec = ObjectSpec {
    name: "the result document",
    keys: &[
        required("format", T::String),
        required("set", T::Object),
        required("role", T::String),
        required("started_at", T::String),
        optional("completed_at", T::StringOrNull),
        required("answers", T::Object),
        optional("rater", T::Object),
        optional("context", T::Object),
    ],
};

/// The result's `context`: facts about the person's situation that are not scored.
pub static CONTEXT_SPEC: ObjectSpec = ObjectSpec { name: "context", keys: &[optional("organisation", T::String)] };

/// What a verdict is relative to, from the result's `context`: not scored, repeated in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// How many engineers work in the person's organisation, when they said.
    pub organisation: Option<Organisation>,
}

impl Context {
    pub fn is_empty(&self) -> bool {
        self.organisation.is_none()
    }
}

/// The bands of engineers in the person's organisation, smallest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Organisation {
    UpTo20,
    UpTo100,
    UpTo500,
    Over500,
}

impl Organisation {
    pub const ALL: [Organisation; 4] =
        [Organisation::UpTo20, Organisation::UpTo100, Organisation::UpTo500, Organisation::Over500];

    /// The band as the format writes it: `"1-20"`, `"21-100"`, `"101-500"`, `"501+"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Organisation::UpTo20 => "1-20",
            Organisation::UpTo100 => "21-100",
            Organisation::UpTo500 => "101-500",
            Organisation::Over500 => "501+",
        }
    }

    /// The band for a person to read: "1–20", "501 or more".
    pub fn label(self) -> &'static str {
        match self {
            Organisation::UpTo20 => "1–20",
            Organisation::UpTo100 => "21–100",
            Organisation::UpTo500 => "101–500",
            Organisation::Over500 => crate::i18n::msg("more than 500"),
        }
    }

    pub fn parse(text: &str) -> Option<Organisation> {
        Organisation::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// A rater's document says whose view it is: `{"relationship": "peer", "for": "Sam"}`.
pub static RATER_SPEC: ObjectSpec = ObjectSpec {
    name: "rater",
    keys: &[required("relationship", T::String), optional("for", T::String).length(0, 80)],
};

/// How a rater knows the person, in the order the others' view lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Relationship {
    Manager,
    Peer,
    Report,
    Other,
}

impl Relationship {
    pub const ALL: [Relationship; 4] =
        [Relationship::Manager, Relationship::Peer, Relationship::Report, Relationship::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Manager => "manager",
            Relationship::Peer => "peer",
            Relationship::Report => "report",
            Relationship::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Relationship> {
        Relationship::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// Who gave a rater's answers: their relationship, and the name the person wrote on the invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rater {
    pub relationship: Relationship,
    pub for_name: Option<String>,
}

pub static SET_REFERENCE_SPEC: ObjectSpec =
    ObjectSpec { name: "set", keys: &[required("id", T::String), required("version", T::String)] };

/// One answer as written in a result document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The point chosen on a likert scale, 1..=points.
    Point(u32),
    /// The id of the option chosen.
    Option(String),
    /// "Not applicable to me".
    NotApplicable,
    /// `"untested"`: "not had the chance yet" (format-2 sets only).
    Untested,
}

/// A result document. Answers keep the order they were read or given in.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultDocument {
    pub set_id: String,
    pub set_version: String,
    pub role: String,
    pub started_at: String,
    pub completed_at: Option<String>,
    pub answers: Vec<(String, Answer)>,
    /// Present in a rater's document: the answers are someone else's view of the person.
    pub rater: Option<Rater>,
    /// The person's situation, when they gave it (written only when not empty).
    pub context: Context,
}

/// A person's answers resolved against a set, indexed like the set's questions; `None` is unanswered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Responses(pub Vec<Option<Response>>);

/// One resolved answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Response {
    /// A likert point, 1..=points.
    Point(u32),
    /// An index into the question's options.
    Option(usize),
    NotApplicable,
    /// Not had the chance yet (format 2): answered, with value 0 for the person; like
    /// "not applicable" in a rater's document.
    Untested,
}

impl Responses {
    /// No question answered yet.
    pub fn empty(set: &QuestionSet) -> Responses {
        Responses(vec![None; set.questions.len()])
    }

    /// How many questions have an entry, "not applicable" included.
    pub fn answered(&self) -> usize {
        self.0.iter().filter(|r| r.is_some()).count()
    }
}

impl ResultDocument {
    /// Reads a result document's shape; [`ResultDocument::responses`] checks it against its set.
    pub fn parse(bytes: &[u8]) -> Result<ResultDocument, Vec<Problem>> {
        let tree = parse_document(bytes, MAX_RESULT_BYTES, || {
            format!("the file is {} bytes; a result document may be at most {MAX_RESULT_BYTES}", bytes.len())
        })?;
        ResultDocument::from_tree(&tree)
    }

    /// Reads a result document from an already parsed tree (one embedded in a larger document).
    pub fn from_tree(tree: &Json) -> Result<ResultDocument, Vec<Problem>> {
        let mut problems = Problems::default();
        let document = read_result(tree, &mut problems);
        problems.finish(document)
    }

    /// Checks the document against its set: the same set id, a role of the set, and every answer
    /// naming a question of the set with a value of the right kind. Another set version is accepted.
    pub fn responses(&self, set: &QuestionSet) -> Result<Responses, Vec<Problem>> {
        let mut problems = Problems::default();
        if self.set_id != set.id {
            problems.add(
                "set.id",
                ProblemKind::UnknownReference,
                format!("these answers are for the set \"{}\", not \"{}\"", self.set_id, set.id),
            );
        }
        if set.role_index(&self.role).is_none() {
            problems.add(
                "role",
                ProblemKind::UnknownReference,
                format!("\"{}\" is not a role of the set \"{}\"", self.role, set.id),
            );
        }
        let mut responses = Responses::empty(set);
        let position_of = set.question_lookup();
        for (question_id, answer) in &self.answers {
            let path = join("answers", question_id);
            let Some(position) = position_of(question_id) else {
                problems.add(
                    &path,
                    ProblemKind::UnknownReference,
                    format!("the set has no question \"{question_id}\""),
                );
                continue;
            };
            match resolve(set, position, answer) {
                // Choice questions stopped offering "not had the chance" (revision of 2026-12):
                // one a result gave before that is read as no answer, so the result still loads.
                Ok(Response::Untested) if matches!(set.questions[position].kind, QuestionKind::Choice { .. }) => {}
                Ok(response) => responses.0[position] = Some(response),
                Err(message) => {
                    problems.add(&path, ProblemKind::OutOfRange, format!("question \"{question_id}\": {message}"))
                }
            }
        }
        if problems.is_empty() {
            Ok(responses)
        } else {
            Err(problems.into_vec())
        }
    }

    /// The document for `responses` to `set`, in question order.
    pub fn from_responses(
        set: &QuestionSet,
        role: &str,
        started_at: &str,
        completed_at: Option<&str>,
        responses: &Responses,
    ) -> ResultDocument {
        let answers = set
            .questions
            .iter()
            .zip(&responses.0)
            .filter_map(|(question, response)| {
                let answer = match ((*response)?, &question.kind) {
                    (Response::Point(point), _) => Answer::Point(point),
                    (Response::Option(i), kind) => Answer::Option(kind.options().get(i)?.id.clone()),
                    (Response::NotApplicable, _) => Answer::NotApplicable,
                    (Response::Untested, _) => Answer::Untested,
                };
                Some((question.id.clone(), answer))
            })
            .collect();
        ResultDocument {
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            role: role.to_owned(),
            started_at: started_at.to_owned(),
            completed_at: completed_at.map(str::to_owned),
            answers,
            rater: None,
            context: Context::default(),
        }
    }

    /// The document as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        json::pretty(&json::compact(self))
    }
}

/// The response an answer stands for, or why it does not fit the question.
pub fn resolve(set: &QuestionSet, question: usize, answer: &Answer) -> Result<Response, String> {
    let question = &set.questions[question];
    match (answer, &question.kind) {
        (Answer::NotApplicable, _) => Ok(Response::NotApplicable),
        (Answer::Untested, _) if set.format >= 2 => Ok(Response::Untested),
        // In format 1, "untested" is an ordinary option id an author may have used.
        (Answer::Untested, kind) if kind.options().iter().any(|o| o.id == UNTESTED) => {
            Ok(Response::Option(kind.options().iter().position(|o| o.id == UNTESTED).unwrap_or_default()))
        }
        (Answer::Untested, _) => Err(
            "\"untested\" (not had the chance yet) is an answer of format-2 sets; this set is format 1: answer it, or use null"
                .to_owned(),
        ),
        (Answer::Point(point), QuestionKind::Likert { .. }) => {
            let points = set.scale.as_ref().map_or(0, |scale| scale.points);
            if (1..=points).contains(point) {
                Ok(Response::Point(*point))
            } else {
                Err(format!("{point} is off the scale; answer with a point from 1 to {points}, or null"))
            }
        }
        (Answer::Option(id), QuestionKind::Choice { options } | QuestionKind::Level { options }) => {
            match options.iter().position(|option| &option.id == id) {
                Some(i) => Ok(Response::Option(i)),
                None => {
                    let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                    Err(format!("\"{id}\" is not one of its options ({})", ids.join(", ")))
                }
            }
        }
        (Answer::Option(_), QuestionKind::Likert { .. }) => {
            Err("a likert question is answered with a scale point (a whole number), not an option id".to_owned())
        }
        (Answer::Point(_), QuestionKind::Choice { .. } | QuestionKind::Level { .. }) => {
            Err("a choice or level question is answered with an option id (a string), not a number".to_owned())
        }
    }
}

fn read_result(tree: &Json, problems: &mut Problems) -> Option<ResultDocument> {
    let fields = read_object(tree, "", &RESULT_SPEC, problems)?;
    format_field(&fields, RESULT_FORMAT, problems);
    let (set_id, set_version) = set_reference(&fields, problems);
    let role = r::text(&fields, "role", 1, 64, problems);
    let started_at = timestamp_field(&fields, "started_at", problems);
    let completed_at = match fields.get("completed_at") {
        None | Some(Json::Null) => Some(None),
        Some(_) => timestamp_field(&fields, "completed_at", problems).map(Some),
    };
    let answers = fields.get("answers").and_then(|answers| read_answers(answers, problems));
    let rater = match fields.get("rater") {
        None => Some(None),
        Some(value) => read_rater(value, problems).map(Some),
    };
    let context = match fields.get("context") {
        None => Some(Context::default()),
        Some(value) => read_context(value, problems),
    };
    Some(ResultDocument {
        set_id: set_id?,
        set_version: set_version?,
        role: role?,
        started_at: started_at?,
        completed_at: completed_at?,
        answers: answers?,
        rater: rater?,
        context: context?,
    })
}

fn read_context(value: &Json, problems: &mut Problems) -> Option<Context> {
    let fields = read_object(value, "context", &CONTEXT_SPEC, problems)?;
    let Some(text) = r::string(&fields, "organisation", problems) else {
        return fields.get("organisation").is_none().then(Context::default);
    };
    let organisation = Organisation::parse(&text);
    if organisation.is_none() {
        problems.add(
            &fields.path_of("organisation"),
            ProblemKind::OutOfRange,
            format!(
                "\"{text}\" is not an organisation size; use \"1-20\", \"21-100\", \"101-500\" or \"501+\" (engineers)"
            ),
        );
        return None;
    }
    Some(Context { organisation })
}

fn read_rater(value: &Json, problems: &mut Problems) -> Option<Rater> {
    let fields = read_object(value, "rater", &RATER_SPEC, problems)?;
    let relationship = relationship_field(&fields, problems);
    let for_name = r::string(&fields, "for", problems);
    Some(Rater { relationship: relationship?, for_name })
}

/// The document's `format`, which must be `expected`; `None` (and a problem) when it is another.
pub(crate) fn format_field(fields: &r::Fields, expected: &str, problems: &mut Problems) -> Option<()> {
    let format = r::text(fields, "format", 0, usize::MAX, problems)?;
    if format != expected {
        problems.add(
            &fields.path_of("format"),
            ProblemKind::UnsupportedFormat,
            format!("unsupported format \"{format}\"; this version of Altitude reads \"{expected}\""),
        );
        return None;
    }
    Some(())
}

/// The document's `set`: `{"id", "version"}`, as results, invitations and reply links name it.
pub(crate) fn set_reference(fields: &r::Fields, problems: &mut Problems) -> (Option<String>, Option<String>) {
    let set = fields.get("set").and_then(|set| read_object(set, &fields.path_of("set"), &SET_REFERENCE_SPEC, problems));
    let id = set.as_ref().and_then(|set| r::text(set, "id", 1, 64, problems));
    let version = set.as_ref().and_then(|set| r::text(set, "version", 1, 32, problems));
    (id, version)
}

/// The object's `relationship`: one of manager, peer, report, other.
pub(crate) fn relationship_field(fields: &r::Fields, problems: &mut Problems) -> Option<Relationship> {
    let text = r::text(fields, "relationship", 0, usize::MAX, problems)?;
    let found = Relationship::parse(&text);
    if found.is_none() {
        problems.add(
            &fields.path_of("relationship"),
            ProblemKind::OutOfRange,
            format!("\"{text}\" is not a relationship; use \"manager\", \"peer\", \"report\" or \"other\""),
        );
    }
    found
}

/// The RFC 3339 time under `key`.
pub(crate) fn timestamp_field(fields: &r::Fields, key: &str, problems: &mut Problems) -> Option<String> {
    let text = r::text(fields, key, 1, 64, problems)?;
    if timestamp::parse_rfc3339(&text).is_none() {
        problems.add(
            &fields.path_of(key),
            ProblemKind::BadTimestamp,
            format!("\"{text}\" is not an RFC 3339 timestamp such as 2026-11-21T10:14:31Z"),
        );
        return None;
    }
    Some(text)
}

fn read_answers(value: &Json, problems: &mut Problems) -> Option<Vec<(String, Answer)>> {
    let map = read_map(value, "answers", "answers", problems)?;
    let mut answers = Vec::with_capacity(map.pairs().len());
    for (question_id, answer) in map.pairs() {
        let path = join("answers", question_id);
        let answer = match answer {
            Json::Null => Answer::NotApplicable,
            // Format-2 sets reserve this option id, so it can only mean "not had the chance yet".
            Json::String(id) if id == UNTESTED => Answer::Untested,
            Json::String(id) => Answer::Option(id.clone()),
            Json::Number(n) if n.fract() == 0.0 && (1.0..=11.0).contains(n) => Answer::Point(*n as u32),
            Json::Number(n) => {
                problems.add(&path, ProblemKind::OutOfRange, format!("question \"{question_id}\": {} is not a scale point (a whole number from 1 to the scale's points)", crate::display::number(*n)));
                continue;
            }
            other => {
                problems.add(
                    &path,
                    ProblemKind::WrongType,
                    format!(
                        "question \"{question_id}\": an answer is a scale point, an option id or null; found {}",
                        other.type_name()
                    ),
                );
                continue;
            }
        };
        answers.push((question_id.clone(), answer));
    }
    Some(answers)
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::Point(point) => serializer.serialize_u32(*point),
            Answer::Option(id) => serializer.serialize_str(id),
            Answer::NotApplicable => serializer.serialize_none(),
            Answer::Untested => serializer.serialize_str(UNTESTED),
        }
    }
}

/// Serialised exactly as the format shows it, with `answers` in the document's order.
impl Serialize for ResultDocument {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct SetReference<'a>(&'a str, &'a str);
        impl Serialize for SetReference<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("id", self.0)?;
                map.serialize_entry("version", self.1)?;
                map.end()
            }
        }
        struct Answers<'a>(&'a [(String, Answer)]);
        impl Serialize for Answers<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (id, answer) in self.0 {
                    map.serialize_entry(id, answer)?;
                }
                map.end()
            }
        }
        struct RaterJson<'a>(&'a Rater);
        impl Serialize for RaterJson<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("relationship", self.0.relationship.as_str())?;
                if let Some(name) = &self.0.for_name {
                    map.serialize_entry("for", name)?;
                }
                map.end()
            }
        }
        struct ContextJson(Organisation);
        impl Serialize for ContextJson {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("organisation", self.0.as_str())?;
                map.end()
            }
        }
        let extra = usize::from(self.rater.is_some()) + usize::from(!self.context.is_empty());
        let mut map = serializer.serialize_map(Some(6 + extra))?;
        map.serialize_entry("format", RESULT_FORMAT)?;
        map.serialize_entry("set", &SetReference(&self.set_id, &self.set_version))?;
        map.serialize_entry("role", &self.role)?;
        map.serialize_entry("started_at", &self.started_at)?;
        map.serialize_entry("completed_at", &self.completed_at)?;
        map.serialize_entry("answers", &Answers(&self.answers))?;
        // Only a rater's document has the key, so the person's own documents stay as they were.
        if let Some(rater) = &self.rater {
            map.serialize_entry("rater", &RaterJson(rater))?;
        }
        if let Some(organisation) = self.context.organisation {
            map.serialize_entry("context", &ContextJson(organisation))?;
        }
        map.end()
    }
}
