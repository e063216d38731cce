//! Others' view without a server: the invitations a person sends, the replies raters send back,
//! and the text that carries each in a link's fragment (`#invite=...`, `#reply=...`) or a file.
//!
//! A link's payload is the document's compact JSON in base64url, a dot, and the FNV-1a checksum of
//! that JSON in hex: a link that was cut short or edited is told apart from a good one before any
//! field is read. The checksum guards against accidents, not forgers; what keeps a reply from being
//! made up is that it must answer an invitation the person made, once (`session::others`).

use serde::Serialize;

use crate::i18n::{tr, trf, trn};
use crate::model::json::{self, Json};
use crate::model::problem::{parse_document, Location, Problem, ProblemKind, Problems};
use crate::model::reader::{self as r, read_object, required, JsonType as T, ObjectSpec};
use crate::model::result_document::{
    format_field, relationship_field, set_reference, timestamp_field, Rater, Relationship, Response, Responses,
    ResultDocument,
};
use crate::model::{QuestionKind, QuestionSet};
use crate::scoring::{others_view, OthersView, Report};

pub const INVITATION_FORMAT: &str = "altitude.invitation/1";
pub const REPLY_FORMAT: &str = "altitude.reply/1";

/// The longest link payload read. A reply to a thousand questions fits well within it; anything
/// longer is not a link Altitude wrote, and is refused before it is decoded.
pub const MAX_PAYLOAD_CHARS: usize = 256 * 1024;

/// The longest name a person can put on an invitation (the spec's `rater.for`).
pub const MAX_NAME_CHARS: usize = 80;

/// A request for someone's view of the person, made on one of their completed attempts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// Random and unique: the reply names it, and it is the rater's key for their answers.
    pub id: String,
    pub set_id: String,
    pub set_version: String,
    pub relationship: Relationship,
    /// The name the person wrote for raters to see, if any.
    pub for_name: Option<String>,
}

/// A rater's answers to an invitation: their result document, with its `rater` object.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    pub invitation: String,
    pub document: ResultDocument,
}

/// The invitations made on one completed attempt and the replies received, read: what the screens
/// of others' view show (from [`StoredRaters::read`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Raters {
    pub invitations: Vec<Invitation>,
    /// At most one per invitation.
    pub replies: Vec<Reply>,
}

/// The key that names an invitation's document (its `id`) and a reply's (the `invitation` it answers).
const INVITATION_KEY: &str = "id";
const REPLY_KEY: &str = "invitation";

/// The invitations and replies of one completed attempt as they are kept with it: each document's
/// tree, read only when a screen of others' view asks ([`StoredRaters::read`]). The session opens,
/// finishes attempts and saves the history in the first download, which so holds no reader of
/// these documents (2 KB of gzip); and each document stays as it came, so one that does not read
/// (edited by hand in storage) is never lost, only left out of the view (and an export holds it, which an import takes as storage does).
/// Everything here goes by the key that names a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoredRaters {
    invitations: Vec<Json>,
    /// At most one per invitation.
    replies: Vec<Json>,
}

/// The string under `key` in `tree`, if it is an object that has one.
fn key_of<'j>(tree: &'j Json, key: &str) -> Option<&'j str> {
    match tree {
        Json::Object(pairs) => pairs.iter().find_map(|(k, v)| match v {
            Json::String(value) if k == key => Some(value.as_str()),
            _ => None,
        }),
        _ => None,
    }
}

/// A document Altitude made, as a tree (its compact JSON always parses).
fn tree_of(document: &str) -> Option<Json> {
    json::parse(document.as_bytes()).ok()
}

impl StoredRaters {
    /// The documents of an attempt's `invitations` and `replies` lists, as stored or imported:
    /// each must be an object with the string that names it (`id`, `invitation`), else the list
    /// and the place of the first that has none.
    pub fn from_lists(invitations: Vec<Json>, replies: Vec<Json>) -> Result<StoredRaters, String> {
        for (list, items, key) in [("invitations", &invitations, INVITATION_KEY), ("replies", &replies, REPLY_KEY)] {
            if let Some(k) = items.iter().position(|item| key_of(item, key).is_none()) {
                return Err(format!("{list}[{k}] has no \"{key}\""));
            }
        }
        Ok(StoredRaters { invitations, replies })
    }

    /// The invitations' documents, as kept.
    pub fn invitation_trees(&self) -> &[Json] {
        &self.invitations
    }

    /// The replies' documents, as kept.
    pub fn reply_trees(&self) -> &[Json] {
        &self.replies
    }

    pub fn is_empty(&self) -> bool {
        self.invitations.is_empty() && self.replies.is_empty()
    }

    /// Every invitation and reply that reads.
    pub fn read(&self) -> Raters {
        Raters {
            invitations: self.invitations.iter().filter_map(|tree| Invitation::from_tree(tree).ok()).collect(),
            replies: self.replies.iter().filter_map(|tree| Reply::from_tree(tree).ok()).collect(),
        }
    }

    /// The invitation with this id, if it is here and reads.
    pub fn invitation(&self, id: &str) -> Option<Invitation> {
        let tree = self.invitations.iter().find(|tree| key_of(tree, INVITATION_KEY) == Some(id))?;
        Invitation::from_tree(tree).ok()
    }

    /// The reply to the invitation with this id, if it is here and reads.
    pub fn reply_to(&self, invitation: &str) -> Option<Reply> {
        let tree = self.replies.iter().find(|tree| key_of(tree, REPLY_KEY) == Some(invitation))?;
        Reply::from_tree(tree).ok()
    }

    /// Whether an invitation with this id is here.
    fn has_invitation(&self, id: &str) -> bool {
        self.invitations.iter().any(|tree| key_of(tree, INVITATION_KEY) == Some(id))
    }

    /// Whether a reply to the invitation with this id is here.
    pub fn has_reply_to(&self, invitation: &str) -> bool {
        self.replies.iter().any(|tree| key_of(tree, REPLY_KEY) == Some(invitation))
    }

    /// Adds `invitation`, unless one with its id is here.
    pub fn add_invitation(&mut self, invitation: &Invitation) {
        if !self.has_invitation(&invitation.id) {
            self.invitations.extend(tree_of(&invitation.to_json()));
        }
    }

    /// Adds `reply`, unless a reply to its invitation that reads is here: one that does not read
    /// (edited by hand) is replaced, since the person cannot see it to remove it.
    pub fn add_reply(&mut self, reply: &Reply) {
        let answers = |tree: &Json| key_of(tree, REPLY_KEY) == Some(reply.invitation.as_str());
        if self.reply_to(&reply.invitation).is_none() {
            self.replies.retain(|tree| !answers(tree));
            self.replies.extend(tree_of(&reply.to_json()));
        }
    }

    /// Removes the reply to the invitation with this id; the invitation stays.
    pub fn remove_reply(&mut self, invitation: &str) {
        self.replies.retain(|tree| key_of(tree, REPLY_KEY) != Some(invitation));
    }

    /// Adds what `other` holds and this does not: its invitations, and its replies except those to
    /// the invitations in `removed` (replies the person has just removed here).
    pub fn merge(&mut self, other: &StoredRaters, removed: &[String]) {
        for tree in &other.invitations {
            if !key_of(tree, INVITATION_KEY).is_some_and(|id| self.has_invitation(id)) {
                self.invitations.push(tree.clone());
            }
        }
        for tree in &other.replies {
            let answers = key_of(tree, REPLY_KEY).unwrap_or_default();
            if !self.has_reply_to(answers) && !removed.iter().any(|r| r == answers) {
                self.replies.push(tree.clone());
            }
        }
    }
}

impl Raters {
    pub fn reply_to(&self, invitation: &str) -> Option<&Reply> {
        self.replies.iter().find(|r| r.invitation == invitation)
    }

    /// The others' view of the person whose report on `set` is `own` (from `own_responses`), from the replies (each was
    /// checked against `set` when it was added); `None` until a reply is in.
    pub fn view(&self, set: &QuestionSet, own: &Report, own_responses: &Responses) -> Option<OthersView> {
        view_of(set, own, own_responses, &self.resolved(set))
    }

    /// Each reply's relationship and answers resolved against `set`: the ones the view is made of.
    pub fn resolved(&self, set: &QuestionSet) -> Vec<(Relationship, Responses)> {
        self.replies
            .iter()
            .filter_map(|reply| {
                Some((reply.document.rater.as_ref()?.relationship, reply.document.responses(set).ok()?))
            })
            .collect()
    }
}

/// The others' view of `own` (from `own_responses`) from already resolved replies; `None` until a reply is in.
pub fn view_of(
    set: &QuestionSet,
    own: &Report,
    own_responses: &Responses,
    resolved: &[(Relationship, Responses)],
) -> Option<OthersView> {
    (!resolved.is_empty()).then(|| others_view(set, own, own_responses, resolved))
}

/// What a link in the page's address carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Invitation,
    Reply,
}

impl LinkKind {
    fn prefix(self) -> &'static str {
        match self {
            LinkKind::Invitation => "invite=",
            LinkKind::Reply => "reply=",
        }
    }
}

/// The kind of link and its payload, if `fragment` (a URL's `#...`, with or without the `#`) is one.
pub fn link_in(fragment: &str) -> Option<(LinkKind, &str)> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    [LinkKind::Invitation, LinkKind::Reply]
        .into_iter()
        .find_map(|kind| fragment.strip_prefix(kind.prefix()).map(|payload| (kind, payload)))
}

/// `page` (the address without its fragment) with `payload` of `kind` as its fragment.
pub fn link(page: &str, kind: LinkKind, payload: &str) -> String {
    let page = page.split('#').next().unwrap_or(page);
    format!("{page}#{}{payload}", kind.prefix())
}

/// Why a link could not be read, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkError(pub String);

fn damaged() -> LinkError {
    LinkError(tr(
        "the link is incomplete or was changed after it was made: copy the whole link again from where it was sent",
    ))
}

/// Invitation ids: 8 to 40 letters, digits and dashes, so that they can name a storage key.
pub fn is_invitation_id(id: &str) -> bool {
    (8..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

#[derive(Serialize)]
struct SetReference<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct InvitationRecord<'a> {
    format: &'static str,
    id: &'a str,
    set: SetReference<'a>,
    relationship: &'static str,
    #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
    for_name: Option<&'a str>,
}

#[derive(Serialize)]
struct ReplyRecord<'a> {
    format: &'static str,
    invitation: &'a str,
    result: &'a ResultDocument,
}

impl Serialize for Invitation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        InvitationRecord {
            format: INVITATION_FORMAT,
            id: &self.id,
            set: SetReference { id: &self.set_id, version: &self.set_version },
            relationship: self.relationship.as_str(),
            for_name: self.for_name.as_deref(),
        }
        .serialize(serializer)
    }
}

impl Serialize for Reply {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ReplyRecord { format: REPLY_FORMAT, invitation: &self.invitation, result: &self.document }.serialize(serializer)
    }
}

impl Invitation {
    /// A new invitation `id` for someone of `relationship` to give their view of the completed
    /// attempt `result`, under the name `for_name` (trimmed, at most [`MAX_NAME_CHARS`]; none if empty).
    pub fn for_result(id: String, result: &ResultDocument, relationship: Relationship, for_name: &str) -> Invitation {
        let name: String = for_name.trim().chars().take(MAX_NAME_CHARS).collect();
        Invitation {
            id,
            set_id: result.set_id.clone(),
            set_version: result.set_version.clone(),
            relationship,
            for_name: (!name.is_empty()).then_some(name),
        }
    }

    /// The invitation's document, compact.
    pub fn to_json(&self) -> String {
        json::compact(self)
    }

    /// The payload of this invitation's link.
    pub fn payload(&self) -> String {
        encode_payload(&self.to_json())
    }

    /// Reads an invitation link's payload, checking every field.
    pub fn from_payload(payload: &str) -> Result<Invitation, LinkError> {
        let text = decode_payload(payload)?;
        let tree = json::parse(text.as_bytes()).map_err(|_| damaged())?;
        Invitation::from_tree(&tree).map_err(|problems| LinkError(first_problem(&problems)))
    }

    /// Reads an invitation document (as stored with an attempt or carried by a link).
    pub fn from_tree(tree: &Json) -> Result<Invitation, Vec<Problem>> {
        let mut problems = Problems::default();
        let read = read_invitation(tree, &mut problems);
        problems.finish(read)
    }

    /// The invitation a rater's answers were begun on, from the answers themselves.
    pub fn of_rating(attempt: &crate::attempt::Attempt) -> Option<Invitation> {
        let rater = attempt.rater.as_ref()?;
        Some(Invitation {
            id: attempt.id.clone(),
            set_id: attempt.set_id.clone(),
            set_version: attempt.set_version.clone(),
            relationship: rater.relationship,
            for_name: rater.for_name.clone(),
        })
    }

    /// Its id and a checksum of all it says: the rater's answers are kept under this, so that a link
    /// edited to reuse an id (with another name or relationship) never meets another rating.
    pub fn fingerprint(&self) -> String {
        format!("{}.{:08x}", self.id, checksum(self.to_json().as_bytes()))
    }

    /// The `rater` object of the replies to this invitation.
    pub fn rater(&self) -> Rater {
        Rater { relationship: self.relationship, for_name: self.for_name.clone() }
    }
}

static INVITATION_SPEC: ObjectSpec = ObjectSpec {
    name: "the invitation",
    keys: &[
        required("format", T::String),
        required("id", T::String),
        required("set", T::Object),
        required("relationship", T::String),
        r::optional("for", T::String).length(0, MAX_NAME_CHARS),
    ],
};

fn read_invitation(tree: &Json, problems: &mut Problems) -> Option<Invitation> {
    let fields = read_object(tree, "", &INVITATION_SPEC, problems)?;
    let format = format_field(&fields, INVITATION_FORMAT, problems);
    let id = read_id(&fields, "id", problems);
    let (set_id, set_version) = set_reference(&fields, problems);
    let relationship = relationship_field(&fields, problems);
    let for_name = r::string(&fields, "for", problems).filter(|name| !name.trim().is_empty());
    format?;
    Some(Invitation { id: id?, set_id: set_id?, set_version: set_version?, relationship: relationship?, for_name })
}

fn read_id(fields: &r::Fields, key: &str, problems: &mut Problems) -> Option<String> {
    let id = r::string(fields, key, problems)?;
    if !is_invitation_id(&id) {
        problems.add(
            &fields.path_of(key),
            ProblemKind::BadIdentifier,
            "an invitation id is 8 to 40 letters, digits and dashes".to_owned(),
        );
        return None;
    }
    Some(id)
}

static REPLY_SPEC: ObjectSpec = ObjectSpec {
    name: "the reply",
    keys: &[required("format", T::String), required("invitation", T::String), required("result", T::Object)],
};

impl Reply {
    /// The reply's document, compact: what its link carries and what the host page is given.
    pub fn to_json(&self) -> String {
        json::compact(self)
    }

    /// Reads a reply file (what "Save the reply as a file" wrote).
    pub fn parse(bytes: &[u8]) -> Result<Reply, Vec<Problem>> {
        let tree = parse_document(bytes, crate::model::result_document::MAX_RESULT_BYTES, || {
            "a reply file is at most 4 MB".to_owned()
        })?;
        Reply::from_tree(&tree)
    }

    /// Reads a reply document: a finished rater's result with the invitation it answers.
    pub fn from_tree(tree: &Json) -> Result<Reply, Vec<Problem>> {
        let mut problems = Problems::default();
        let read = read_reply(tree, &mut problems);
        problems.finish(read)
    }
}

fn read_reply(tree: &Json, problems: &mut Problems) -> Option<Reply> {
    let fields = read_object(tree, "", &REPLY_SPEC, problems)?;
    let format = format_field(&fields, REPLY_FORMAT, problems);
    let invitation = read_id(&fields, "invitation", problems);
    let document = fields.get("result").and_then(|result| match ResultDocument::from_tree(result) {
        Ok(document) => Some(document),
        Err(found) => {
            for problem in found {
                let path = match problem.location {
                    Location::Path(path) if !path.is_empty() => format!("result.{path}"),
                    _ => "result".to_owned(),
                };
                problems.add(&path, problem.kind, problem.message);
            }
            None
        }
    })?;
    if document.rater.is_none() {
        problems.add("result.rater", ProblemKind::MissingKey, "a reply's result says whose view it is, in \"rater\"");
        return None;
    }
    if document.completed_at.is_none() {
        problems.add("result.completed_at", ProblemKind::MissingKey, "a reply is a finished set of answers");
        return None;
    }
    format?;
    Some(Reply { invitation: invitation?, document })
}

/// A rater's result document from a file, read once: a result document with its `rater` object, or
/// the reply file the widget saves for a rater, which wraps one.
pub fn rater_document(bytes: &[u8]) -> Result<ResultDocument, Vec<Problem>> {
    let tree = parse_document(bytes, crate::model::result_document::MAX_RESULT_BYTES, || {
        "a rater's file is at most 4 MB".to_owned()
    })?;
    let is_reply = matches!(&tree, Json::Object(pairs)
        if pairs.iter().any(|(key, value)| key == "format" && matches!(value, Json::String(f) if f == REPLY_FORMAT)));
    if is_reply {
        Reply::from_tree(&tree).map(|reply| reply.document)
    } else {
        ResultDocument::from_tree(&tree)
    }
}

/// What a reply link carries: the rater's answers one character per question, in the set's order,
/// and what finds the rest. A result document names every question and option (≈ 1,300 characters
/// of link for the flagship, over 2,000 with a long name in another script); this is ≈ 300. The
/// receiver rebuilds the document from the invitation it answers and its set, then checks it like
/// any other (`Session::receive_reply`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyLink {
    pub invitation: String,
    pub set_id: String,
    pub set_version: String,
    pub started_at: String,
    pub completed_at: String,
    /// Per question: `0`–`9`, `a` for a point (from 0) or an option index; `n` not applicable,
    /// `u` not seen, `-` unanswered.
    pub answers: String,
}

#[derive(Serialize)]
struct ReplyLinkRecord<'a> {
    format: &'static str,
    invitation: &'a str,
    set: SetReference<'a>,
    started_at: &'a str,
    completed_at: &'a str,
    answers: &'a str,
}

/// The format of a reply link's payload (the reply file is `altitude.reply/1`).
pub const REPLY_LINK_FORMAT: &str = "altitude.reply-link/1";

static REPLY_LINK_SPEC: ObjectSpec = ObjectSpec {
    name: "the reply link",
    keys: &[
        required("format", T::String),
        required("invitation", T::String),
        required("set", T::Object),
        required("started_at", T::String),
        required("completed_at", T::String),
        required("answers", T::String).length(1, 1000),
    ],
};

const VALUES: &[u8; 11] = b"0123456789a";

impl ReplyLink {
    /// The link form of `reply`, whose answers fit `set` (the rater's own set).
    pub fn of(reply: &Reply, set: &QuestionSet) -> Option<ReplyLink> {
        let responses = reply.document.responses(set).ok()?;
        let answers = responses
            .0
            .iter()
            .map(|response| match response {
                None => '-',
                Some(Response::NotApplicable) => 'n',
                Some(Response::Untested) => 'u',
                Some(Response::Point(p)) => char::from(VALUES[(*p as usize).saturating_sub(1).min(10)]),
                Some(Response::Option(i)) => char::from(VALUES[(*i).min(10)]),
            })
            .collect();
        Some(ReplyLink {
            invitation: reply.invitation.clone(),
            set_id: reply.document.set_id.clone(),
            set_version: reply.document.set_version.clone(),
            started_at: reply.document.started_at.clone(),
            completed_at: reply.document.completed_at.clone()?,
            answers,
        })
    }

    pub fn payload(&self) -> String {
        encode_payload(&json::compact(&ReplyLinkRecord {
            format: REPLY_LINK_FORMAT,
            invitation: &self.invitation,
            set: SetReference { id: &self.set_id, version: &self.set_version },
            started_at: &self.started_at,
            completed_at: &self.completed_at,
            answers: &self.answers,
        }))
    }

    /// Reads a reply link's payload, checking its shape.
    pub fn from_payload(payload: &str) -> Result<ReplyLink, LinkError> {
        let text = decode_payload(payload)?;
        let tree = json::parse(text.as_bytes()).map_err(|_| damaged())?;
        let mut problems = Problems::default();
        let read = read_reply_link(&tree, &mut problems);
        problems.finish(read).map_err(|problems| LinkError(first_problem(&problems)))
    }

    /// The reply it carries, rebuilt against the invitation it names and that invitation's set.
    pub fn reply(&self, invitation: &Invitation, set: &QuestionSet) -> Result<Reply, String> {
        if self.set_id != invitation.set_id
            || self.set_version != invitation.set_version
            || set.version != self.set_version
        {
            return Err(tr("it is for another assessment than its invitation"));
        }
        if self.answers.chars().count() != set.questions.len() {
            // English says "questions" even of one; another language gives each count its form.
            return Err(trn(
                set.questions.len(),
                "it holds {answers} answers, and the assessment has {n} questions",
                "it holds {answers} answers, and the assessment has {n} questions",
                &[&self.answers.chars().count().to_string()],
            ));
        }
        let mut responses = Vec::with_capacity(set.questions.len());
        for (question, token) in set.questions.iter().zip(self.answers.bytes()) {
            responses.push(match token {
                b'-' => None,
                b'n' => Some(Response::NotApplicable),
                b'u' => Some(Response::Untested),
                value => {
                    let value = VALUES.iter().position(|&v| v == value).ok_or_else(|| {
                        trf("its answer to question \"{question}\" is not one Altitude writes", &[&question.id])
                    })?;
                    Some(match question.kind {
                        QuestionKind::Likert { .. } => Response::Point(value as u32 + 1),
                        _ => Response::Option(value),
                    })
                }
            });
        }
        let role = &set.roles[set.default_role].id;
        let mut document = ResultDocument::from_responses(
            set,
            role,
            &self.started_at,
            Some(&self.completed_at),
            &Responses(responses),
        );
        document.rater = Some(invitation.rater());
        // Points and options beyond the question's are caught here, as in any result.
        document.responses(set).map_err(|problems| first_problem(&problems))?;
        Ok(Reply { invitation: self.invitation.clone(), document })
    }
}

fn read_reply_link(tree: &Json, problems: &mut Problems) -> Option<ReplyLink> {
    let fields = read_object(tree, "", &REPLY_LINK_SPEC, problems)?;
    let format = format_field(&fields, REPLY_LINK_FORMAT, problems);
    let invitation = read_id(&fields, "invitation", problems);
    let (set_id, set_version) = set_reference(&fields, problems);
    let started_at = timestamp_field(&fields, "started_at", problems);
    let completed_at = timestamp_field(&fields, "completed_at", problems);
    let answers = r::string(&fields, "answers", problems);
    format?;
    Some(ReplyLink {
        invitation: invitation?,
        set_id: set_id?,
        set_version: set_version?,
        started_at: started_at?,
        completed_at: completed_at?,
        answers: answers?,
    })
}

fn first_problem(problems: &[Problem]) -> String {
    problems.first().map_or_else(String::new, |p| trf("it is not a valid link ({problem})", &[&p.to_string()]))
}

/// `text` as a link payload: base64url, a dot, its checksum.
pub fn encode_payload(text: &str) -> String {
    format!("{}.{:08x}", base64url(text.as_bytes()), checksum(text.as_bytes()))
}

/// The text of a link payload, if it is whole and unchanged.
pub fn decode_payload(payload: &str) -> Result<String, LinkError> {
    if payload.is_empty() {
        return Err(LinkError(tr("the link has nothing after its \"=\": copy the whole link again")));
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError(tr("the link is far longer than any link Altitude makes")));
    }
    let (data, sum) = payload.rsplit_once('.').ok_or_else(damaged)?;
    let bytes = from_base64url(data).ok_or_else(damaged)?;
    // Exactly as written (8 lower-case hex digits), so that one link has one spelling.
    if sum.len() != 8 || sum != format!("{:08x}", checksum(&bytes)) {
        return Err(damaged());
    }
    String::from_utf8(bytes).map_err(|_| damaged())
}

/// FNV-1a, 32 bits: catches a link cut short or edited by hand, not a deliberate forgery.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, &b| (hash ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): every character is safe in a URL's fragment.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let value = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= value << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
        // The bits past the last whole byte must be zero, or two texts would decode alike.
        if n & (0xff_ffff >> (8 * (chunk.len() - 1))) != 0 && chunk.len() < 4 {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(text.bytes().all(|b| ALPHABET.contains(&b)));
            assert_eq!(from_base64url(&text), Some(bytes));
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"Ma"), "TWE");
        assert_eq!(from_base64url("TWF"), None, "a stray bit in the last character");
        assert_eq!(from_base64url("TWFuT"), None, "one character cannot hold a byte");
        assert_eq!(from_base64url("TW=u"), None);
    }
}
