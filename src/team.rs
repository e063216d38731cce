//! Team view: a group's readiness from the result files its people chose to send, never a person
//! (`../shared/spec/team-view.md`). Files are read in memory, refused with a reason or counted once,
//! and summed into a view that holds no person, file name, time or answer.

use serde::Serialize;

use crate::i18n::{tr, trf};
use crate::model::json;
use crate::model::result_document::resolve;
use crate::model::{Location, Problem, ProblemKind, QuestionKind, QuestionSet, Response, Responses, ResultDocument};
use crate::scoring::report::TOLERANCE;
use crate::scoring::score;
use crate::sorting::sort_by;

/// The smallest group a view is shown for, unless the facilitator asks for more.
pub const DEFAULT_MIN_GROUP: usize = 3;

/// Why a file takes no part in the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Not a result document at all (another kind of file, broken JSON, a damaged result).
    NotAResult(Vec<Problem>),
    /// A result of another set: its id.
    OtherSet(String),
    /// A result still in progress (`completed_at` null).
    Unfinished,
    /// A rater's document: someone else's view of a person, not a person's own result.
    Rater,
    /// Answers that do not fit the set the view is computed against.
    DoesNotFit(Vec<Problem>),
}

impl Refusal {
    /// The refusal as located problems, for the tool's `FILE:LOCATION: message` lines.
    pub fn problems(&self, set: &QuestionSet) -> Vec<Problem> {
        let at = |path: &str, kind, message: String| {
            vec![Problem { location: Location::Path(path.to_owned()), kind, message }]
        };
        match self {
            Refusal::NotAResult(problems) | Refusal::DoesNotFit(problems) => problems.clone(),
            Refusal::OtherSet(id) => at(
                "set.id",
                ProblemKind::UnknownReference,
                format!("a result of the set \"{id}\", not of \"{}\"", set.id),
            ),
            Refusal::Unfinished => at(
                "completed_at",
                ProblemKind::Inconsistent,
                "an unfinished result: only finished results count".to_owned(),
            ),
            Refusal::Rater => at(
                "rater",
                ProblemKind::Inconsistent,
                "a rater's view of someone else, not a person's own result".to_owned(),
            ),
        }
    }

    /// The refusal in one sentence, for the facilitator's list of files, in the language spoken (the
    /// problem it quotes is the file's validation, which stays in English for now).
    pub fn sentence(&self, set: &QuestionSet) -> String {
        match self {
            Refusal::NotAResult(problems) => match problems.first() {
                Some(problem) => trf("Not a result file ({problem}).", &[&problem.to_string()]),
                None => tr("Not a result file."),
            },
            Refusal::OtherSet(id) => {
                trf("A result of another question set (\"{id}\"), not of \"{set}\".", &[id, &set.title])
            }
            Refusal::Unfinished => tr("An unfinished result: only finished results count."),
            Refusal::Rater => tr("A rater's view of someone else, not a person's own result."),
            Refusal::DoesNotFit(problems) => match problems.first() {
                Some(problem) => {
                    trf("Its answers do not fit this version of the set ({problem}).", &[&problem.to_string()])
                }
                None => tr("Its answers do not fit this version of the set."),
            },
        }
    }
}

/// What became of each file given, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub enum FileOutcome {
    /// Read: the index of its responses in [`Gathered::people`].
    Counted(usize),
    /// The same result as an earlier file (the index of that file): counted once.
    Duplicate(usize),
    Refused(Refusal),
}

/// The files read against one set: each distinct result's responses, and what became of each file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gathered {
    pub people: Vec<Responses>,
    pub files: Vec<FileOutcome>,
}

impl Gathered {
    /// How many files were set aside as the same result as another.
    pub fn duplicates(&self) -> usize {
        self.files.iter().filter(|f| matches!(f, FileOutcome::Duplicate(_))).count()
    }

    /// The files refused, as (position among the files given, why).
    pub fn refused(&self) -> impl Iterator<Item = (usize, &Refusal)> {
        self.files.iter().enumerate().filter_map(|(i, f)| match f {
            FileOutcome::Refused(refusal) => Some((i, refusal)),
            _ => None,
        })
    }
}

/// Reads each file (a person's exported result) against `set`: refused with its reason, counted,
/// or set aside as the same result as an earlier file (same set id, start, completion and answers).
pub fn gather<'a>(set: &QuestionSet, files: impl IntoIterator<Item = &'a [u8]>) -> Gathered {
    let mut gathered = Gathered::default();
    // Per counted file: its position among the files, and its identity (answers sorted by question id).
    let mut seen: Vec<(usize, ResultDocument)> = Vec::new();
    for (position, bytes) in files.into_iter().enumerate() {
        let outcome = match read_one(set, bytes) {
            Err(refusal) => FileOutcome::Refused(refusal),
            Ok((mut document, responses)) => {
                sort_by(&mut document.answers, |a, b| a.0.cmp(&b.0));
                match seen.iter().find(|(_, earlier)| same_result(earlier, &document)) {
                    Some((earlier, _)) => FileOutcome::Duplicate(*earlier),
                    None => {
                        seen.push((position, document));
                        gathered.people.push(responses);
                        FileOutcome::Counted(gathered.people.len() - 1)
                    }
                }
            }
        };
        gathered.files.push(outcome);
    }
    gathered
}

fn same_result(a: &ResultDocument, b: &ResultDocument) -> bool {
    a.set_id == b.set_id && a.started_at == b.started_at && a.completed_at == b.completed_at && a.answers == b.answers
}

/// One file checked against the set: a finished person's own result whose answers fit it.
fn read_one(set: &QuestionSet, bytes: &[u8]) -> Result<(ResultDocument, Responses), Refusal> {
    // A rater's reply file is read too, so that it is refused as a rater's view, not as "not a result".
    let document = crate::others::rater_document(bytes).map_err(Refusal::NotAResult)?;
    if document.set_id != set.id {
        return Err(Refusal::OtherSet(document.set_id));
    }
    if document.rater.is_some() {
        return Err(Refusal::Rater);
    }
    if document.completed_at.is_none() {
        return Err(Refusal::Unfinished);
    }
    let responses = responses_to(set, &document).map_err(Refusal::DoesNotFit)?;
    Ok((document, responses))
}

/// The document's answers against `set`, matched by question id: answers to questions the set no
/// longer has are ignored, and the document's own role is not needed (the view has its own).
fn responses_to(set: &QuestionSet, document: &ResultDocument) -> Result<Responses, Vec<Problem>> {
    let mut responses = Responses::empty(set);
    let mut problems = Vec::new();
    let position_of = set.question_lookup();
    for (question_id, answer) in &document.answers {
        let Some(position) = position_of(question_id) else { continue };
        match resolve(set, position, answer) {
            // As a result document's own check reads it: a scenario no longer offers "not had the chance".
            Ok(Response::Untested) if matches!(set.questions[position].kind, QuestionKind::Choice { .. }) => {}
            Ok(response) => responses.0[position] = Some(response),
            Err(message) => problems.push(Problem {
                location: Location::Path(crate::model::reader::join("answers", question_id)),
                kind: ProblemKind::OutOfRange,
                message: format!("question \"{question_id}\": {message}"),
            }),
        }
    }
    if problems.is_empty() {
        Ok(responses)
    } else {
        Err(problems)
    }
}

/// Why there is no view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoView {
    /// A minimum group below [`DEFAULT_MIN_GROUP`]: a smaller group could show a person.
    MinGroupTooSmall(usize),
    /// Fewer distinct results than the minimum group.
    TooFew { needed: usize, people: usize },
}

impl NoView {
    /// Why there is no view, as a sentence without its full stop.
    pub fn sentence(self) -> String {
        match self {
            NoView::MinGroupTooSmall(k) => trf(
                "A minimum group of {group} is refused: a team view needs a group of at least {least}",
                &[&k.to_string(), &DEFAULT_MIN_GROUP.to_string()],
            ),
            NoView::TooFew { needed, .. } => trf("A team view needs at least {needed} results", &[&needed.to_string()]),
        }
    }
}

/// The view of a group against one role: what may be handed on.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamView {
    /// The index of the target role.
    pub role: usize,
    pub min_group: usize,
    /// Distinct results read.
    pub people: usize,
    /// Files set aside as the same result as another.
    pub duplicates: usize,
    /// In declared order.
    pub dimensions: Vec<TeamDimension>,
    /// In ascending stage order.
    pub roles: Vec<TeamRole>,
    /// Dimension indices whose mean is short of the target, by weight × shortfall, largest first.
    pub focus: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamDimension {
    pub dimension: usize,
    /// How many people have a score in it.
    pub scored: usize,
    pub target: f64,
    /// `None` when fewer than the minimum group have a score: too few to show.
    pub summary: Option<GroupSummary>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GroupSummary {
    pub mean: f64,
    pub median: f64,
    /// Short of the target by more than the gap tolerance.
    pub short: usize,
    /// Short by the gap tolerance or less.
    pub within: usize,
    /// At or above the target.
    pub met: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamRole {
    pub role: usize,
    pub ready: usize,
    pub not_ready: usize,
}

/// The view of `people` (from [`gather`]) against the set's role `role`, with at least `min_group`
/// distinct results; each result scored by the scoring rules of the set's format.
pub fn team_view(set: &QuestionSet, role: usize, min_group: usize, gathered: &Gathered) -> Result<TeamView, NoView> {
    if min_group < DEFAULT_MIN_GROUP {
        return Err(NoView::MinGroupTooSmall(min_group));
    }
    let people = gathered.people.len();
    if people < min_group {
        return Err(NoView::TooFew { needed: min_group, people });
    }
    let reports: Vec<_> = gathered.people.iter().map(|responses| score(set, responses, role)).collect();
    let targets = &set.roles[role].targets;
    let dimensions: Vec<TeamDimension> = (0..set.dimensions.len())
        .map(|d| {
            let target = targets[d];
            let mut scores: Vec<f64> = reports.iter().filter_map(|report| report.dimensions[d].score).collect();
            let scored = scores.len();
            let summary = (scored >= min_group).then(|| {
                sort_by(&mut scores, f64::total_cmp);
                let gaps = scores.iter().map(|score| target - score);
                // As readiness compares them: sums of weighted scores are not exact, so a gap a
                // rounding error past a boundary stays on the side it is meant to be.
                let short = gaps.clone().filter(|&gap| gap > set.gap_tolerance + TOLERANCE).count();
                let met = gaps.clone().filter(|&gap| gap <= TOLERANCE).count();
                GroupSummary {
                    mean: scores.iter().sum::<f64>() / scored as f64,
                    median: median(&scores),
                    short,
                    within: scored - short - met,
                    met,
                }
            });
            TeamDimension { dimension: d, scored, target, summary }
        })
        .collect();
    let roles = reports[0]
        .roles
        .iter()
        .enumerate()
        .map(|(i, readiness)| TeamRole {
            role: readiness.role,
            ready: reports.iter().filter(|r| r.roles[i].ready == Some(true)).count(),
            not_ready: reports.iter().filter(|r| r.roles[i].ready == Some(false)).count(),
        })
        .collect();
    let shortfall = |d: &TeamDimension| d.summary.as_ref().map(|s| d.target - s.mean).filter(|&gap| gap > 0.0);
    let mut focus: Vec<usize> = dimensions.iter().filter(|d| shortfall(d).is_some()).map(|d| d.dimension).collect();
    let priority = |d: usize| set.dimensions[d].weight * shortfall(&dimensions[d]).unwrap_or(0.0);
    sort_by(&mut focus, |&a, &b| priority(b).total_cmp(&priority(a)));
    Ok(TeamView { role, min_group, people, duplicates: gathered.duplicates(), dimensions, roles, focus })
}

/// The middle of sorted values; the mean of the two middle ones for an even count.
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// The spec's document, with ids: written only here, at the edge.
#[derive(Serialize)]
struct TeamJson<'a> {
    format: &'static str,
    set: SetJson<'a>,
    role: &'a str,
    min_group: usize,
    people: usize,
    duplicates: usize,
    dimensions: Vec<DimensionJson<'a>>,
    roles: Vec<RoleJson<'a>>,
    focus: Vec<&'a str>,
}

#[derive(Serialize)]
struct SetJson<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct DimensionJson<'a> {
    id: &'a str,
    scored: usize,
    target: f64,
    mean: Option<f64>,
    median: Option<f64>,
    short: Option<usize>,
    within: Option<usize>,
    met: Option<usize>,
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    ready: usize,
    not_ready: usize,
}

/// The format of a team view's document.
pub const TEAM_FORMAT: &str = "altitude.team/1";

impl TeamView {
    /// The view as the spec's `altitude.team/1` document, pretty-printed.
    pub fn to_json(&self, set: &QuestionSet) -> String {
        let document = TeamJson {
            format: TEAM_FORMAT,
            set: SetJson { id: &set.id, version: &set.version },
            role: &set.roles[self.role].id,
            min_group: self.min_group,
            people: self.people,
            duplicates: self.duplicates,
            dimensions: self
                .dimensions
                .iter()
                .map(|d| {
                    let s = d.summary.as_ref();
                    DimensionJson {
                        id: &set.dimensions[d.dimension].id,
                        scored: d.scored,
                        target: d.target,
                        mean: s.map(|s| s.mean),
                        median: s.map(|s| s.median),
                        short: s.map(|s| s.short),
                        within: s.map(|s| s.within),
                        met: s.map(|s| s.met),
                    }
                })
                .collect(),
            roles: self
                .roles
                .iter()
                .map(|r| RoleJson { id: &set.roles[r.role].id, ready: r.ready, not_ready: r.not_ready })
                .collect(),
            focus: self.focus.iter().map(|&d| set.dimensions[d].id.as_str()).collect(),
        };
        json::pretty(&json::compact(&document))
    }

    /// The view as CSV for a spreadsheet: one row per dimension, then one per role, each repeating
    /// the set, the target role and the group so that rows stand alone; empty cells where the spec's
    /// value is null or the column is not the row's.
    pub fn to_csv(&self, set: &QuestionSet) -> String {
        let mut lines = vec![
            "row,set,version,target_role,min_group,people,duplicates,id,name,scored,target,mean,median,short,within,met,focus,ready,not_ready"
                .to_owned(),
        ];
        let context = [
            csv_field(&set.id),
            csv_field(&set.version),
            csv_field(&set.roles[self.role].id),
            self.min_group.to_string(),
            self.people.to_string(),
            self.duplicates.to_string(),
        ]
        .join(",");
        let number = |value: f64| serde_json::to_string(&value).unwrap_or_default();
        let count = |value: Option<usize>| value.map(|n| n.to_string()).unwrap_or_default();
        for d in &self.dimensions {
            let dimension = &set.dimensions[d.dimension];
            let s = d.summary.as_ref();
            let focus = self.focus.iter().position(|&f| f == d.dimension).map(|i| (i + 1).to_string());
            lines.push(
                [
                    "dimension".to_owned(),
                    context.clone(),
                    csv_field(&dimension.id),
                    csv_field(&dimension.name),
                    d.scored.to_string(),
                    number(d.target),
                    s.map(|s| number(s.mean)).unwrap_or_default(),
                    s.map(|s| number(s.median)).unwrap_or_default(),
                    count(s.map(|s| s.short)),
                    count(s.map(|s| s.within)),
                    count(s.map(|s| s.met)),
                    focus.unwrap_or_default(),
                    String::new(),
                    String::new(),
                ]
                .join(","),
            );
        }
        for r in &self.roles {
            let role = &set.roles[r.role];
            let blanks = ",".repeat(8);
            lines.push(format!(
                "role,{context},{},{}{blanks},{},{}",
                csv_field(&role.id),
                csv_field(&role.name),
                r.ready,
                r.not_ready
            ));
        }
        lines.join("\r\n") + "\r\n"
    }
}

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a leading
/// `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet never reads a name as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    if text.chars().any(|c| matches!(c, ',' | '"' | '\n' | '\r')) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
