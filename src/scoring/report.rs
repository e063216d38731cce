//! The score report: coverage, dimension scores, bands, gaps, overall, role readiness, `ready`,
//! `short_in`, `ready_for` and `focus`, exactly as the format's scoring rules define them; and the
//! others' view, computed from raters' answers.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::model::{QuestionKind, QuestionSet, Relationship, Response, Responses};

/// The gap between a person's own score and the others' at which it is a blind spot or a hidden strength.
pub const PERCEPTION_GAP: f64 = 15.0;
/// The fewest raters of one relationship shown as a group (a manager is shown alone).
pub const MIN_GROUP: usize = 3;

/// The score report, addressed by index: every dimension and role is the index of its entry in the
/// set, so no consumer looks an id up again. The spec's JSON (with ids) is written only at the edge,
/// by [`Report::json`].
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The index of the role the gaps are measured against.
    pub role: usize,
    pub overall: Option<f64>,
    /// In declared order: `dimensions[d].dimension == d`.
    pub dimensions: Vec<DimensionReport>,
    /// In ascending stage order.
    pub roles: Vec<RoleReadiness>,
    /// The largest gap that still lets a role be ready (100 for format-1 sets).
    pub gap_tolerance: f64,
    /// The index of the highest-stage role that is `ready`.
    pub ready_for: Option<usize>,
    /// Indices of the dimensions short of the role's target, most important first.
    pub focus: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionReport {
    /// Index into the set's dimensions.
    pub dimension: usize,
    /// The dimension's name, for display.
    pub name: String,
    /// 0–100; null when coverage is below the set's minimum or nothing was answered with a value.
    pub score: Option<f64>,
    /// 0–1: the weighted share of the dimension's questions answered with a value.
    pub coverage: f64,
    pub target: f64,
    /// Target minus score: positive when short of the target.
    pub gap: Option<f64>,
    pub band: Option<String>,
    /// Indices of the dimension's questions answered "untested", in declared order.
    pub untested: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoleReadiness {
    /// Index into the set's roles.
    pub role: usize,
    /// The role's name, for display.
    pub name: String,
    pub stage: u32,
    pub readiness: Option<f64>,
    /// Readiness reaches the threshold and no dimension is short by more than the gap tolerance;
    /// null when readiness is null.
    pub ready: Option<bool>,
    /// Indices of the dimensions whose gap for this role exceeds the gap tolerance, in declared
    /// order; null when readiness is null.
    pub short_in: Option<Vec<usize>>,
}

/// What others (manager, peers, reports) see, from their answers about the person.
#[derive(Debug, Clone, PartialEq)]
pub struct OthersView {
    /// How many rater documents were read.
    pub raters: usize,
    /// In declared order, over every rater.
    pub dimensions: Vec<OthersScore>,
    /// In the order manager, peer, report, other: the groups large enough to be shown.
    pub by_relationship: Vec<(Relationship, Vec<OthersScore>)>,
    /// Dimension indices where the person's own score is at least 15 above the others'.
    pub blind_spots: Vec<usize>,
    /// Dimension indices where the others' score is at least 15 above the person's own.
    pub hidden_strengths: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OthersScore {
    pub dimension: usize,
    /// The mean of the dimension scores of the raters who have one; null when none has.
    pub score: Option<f64>,
    /// How many raters have a score for the dimension.
    pub raters: usize,
}

/// A question's value in [0, 1] for a response given with a value; `None` for "not applicable".
/// "Untested" is 0: readiness means what the person has shown.
pub fn question_value(set: &QuestionSet, question: usize, response: Response) -> Option<f64> {
    let question = &set.questions[question];
    match (response, &question.kind) {
        (Response::NotApplicable, _) => None,
        (Response::Untested, _) => Some(0.0),
        (Response::Point(point), QuestionKind::Likert { reverse }) => {
            let points = set.scale.as_ref().map_or(2, |scale| scale.points);
            let value = f64::from(point - 1) / f64::from(points - 1);
            Some(if *reverse { 1.0 - value } else { value })
        }
        (Response::Option(i), kind) => kind.options().get(i).map(|option| option.score),
        // A resolved response always fits its question's kind; a mismatch counts as no value.
        _ => None,
    }
}

/// Whose answers are scored: in a rater's document "untested" means "not seen" and counts like null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Respondent {
    Person,
    Rater,
}

/// Per dimension: coverage and score (null below the minimum coverage), as the format defines them.
pub fn dimension_scores(set: &QuestionSet, responses: &Responses, respondent: Respondent) -> Vec<(f64, Option<f64>)> {
    let dimension_count = set.dimensions.len();
    let mut total_weight = vec![0.0; dimension_count];
    let mut answered_weight = vec![0.0; dimension_count];
    let mut weighted_values = vec![0.0; dimension_count];
    for (i, question) in set.questions.iter().enumerate() {
        let d = question.dimension;
        total_weight[d] += question.weight;
        let value = match responses.0.get(i).copied().flatten() {
            Some(Response::Untested) if respondent == Respondent::Rater => None,
            Some(response) => question_value(set, i, response),
            None => None,
        };
        if let Some(value) = value {
            answered_weight[d] += question.weight;
            weighted_values[d] += question.weight * value;
        }
    }
    (0..dimension_count)
        .map(|d| {
            let coverage = answered_weight[d] / total_weight[d];
            let score = (answered_weight[d] > 0.0 && coverage >= set.min_coverage)
                .then(|| 100.0 * weighted_values[d] / answered_weight[d]);
            (coverage, score)
        })
        .collect()
}

/// Scores the person's own `responses` to `set` against the role at index `role`.
pub fn score(set: &QuestionSet, responses: &Responses, role: usize) -> Report {
    let per_dimension = dimension_scores(set, responses, Respondent::Person);
    let scores: Vec<Option<f64>> = per_dimension.iter().map(|(_, score)| *score).collect();
    let mut untested = vec![Vec::new(); set.dimensions.len()];
    for (i, response) in responses.0.iter().enumerate() {
        if *response == Some(Response::Untested) {
            if let Some(question) = set.questions.get(i) {
                untested[question.dimension].push(i);
            }
        }
    }

    let target_role = &set.roles[role];
    let dimensions: Vec<DimensionReport> = set
        .dimensions
        .iter()
        .zip(untested)
        .enumerate()
        .map(|(d, (dimension, untested))| DimensionReport {
            dimension: d,
            name: dimension.name.clone(),
            score: scores[d],
            coverage: per_dimension[d].0,
            target: target_role.targets[d],
            gap: scores[d].map(|score| target_role.targets[d] - score),
            band: scores[d].map(|score| band_name(set, score).to_owned()),
            untested,
        })
        .collect();

    let overall = {
        let scored =
            set.dimensions.iter().zip(&scores).filter_map(|(dimension, score)| Some((dimension.weight, (*score)?)));
        let (weights, weighted) = scored.fold((0.0, 0.0), |(w, s), (weight, score)| (w + weight, s + weight * score));
        (weights > 0.0).then(|| weighted / weights)
    };

    let roles: Vec<RoleReadiness> = set
        .roles_by_stage()
        .into_iter()
        .map(|r| {
            let role = &set.roles[r];
            let readiness = readiness(set, &scores, &role.targets);
            let short_in = readiness.map(|_| {
                (0..scores.len())
                    .filter(|&d| scores[d].is_some_and(|score| role.targets[d] - score > set.gap_tolerance))
                    .collect::<Vec<usize>>()
            });
            let ready = readiness
                .zip(short_in.as_ref())
                .map(|(readiness, short_in)| readiness >= set.ready_threshold && short_in.is_empty());
            RoleReadiness { role: r, name: role.name.clone(), stage: role.stage, readiness, ready, short_in }
        })
        .collect();

    let ready_for = roles.iter().rev().find(|role| role.ready == Some(true)).map(|role| role.role);

    let mut short: Vec<(usize, f64)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(d, report)| report.gap.filter(|gap| *gap > 0.0).map(|gap| (d, set.dimensions[d].weight * gap)))
        .collect();
    // Highest priority first; a stable sort keeps the declared order among equal priorities, as the
    // format requires.
    crate::sorting::sort_by(&mut short, |a, b| b.1.total_cmp(&a.1));
    let focus = short.into_iter().map(|(d, _)| d).collect();

    Report { role, overall, dimensions, roles, gap_tolerance: set.gap_tolerance, ready_for, focus }
}

/// Readiness for a role's targets: 100 × Σ W·min(D, T) ÷ Σ W·T; null when any dimension has no score.
fn readiness(set: &QuestionSet, scores: &[Option<f64>], targets: &[f64]) -> Option<f64> {
    let mut reached = 0.0;
    let mut wanted = 0.0;
    for ((dimension, score), target) in set.dimensions.iter().zip(scores).zip(targets) {
        let score = (*score)?;
        reached += dimension.weight * score.min(*target);
        wanted += dimension.weight * target;
    }
    Some(if wanted == 0.0 { 100.0 } else { 100.0 * reached / wanted })
}

/// The name of the last band whose minimum the score reaches.
pub fn band_name(set: &QuestionSet, score: f64) -> &str {
    set.bands.iter().rev().find(|band| band.min <= score).map_or("", |band| band.name.as_str())
}

/// The others' view of the person whose own report is `own`, from each rater's relationship and
/// answers (resolved against the same set). Pure and by index, for the tool and the widget alike.
pub fn others_view(set: &QuestionSet, own: &Report, raters: &[(Relationship, Responses)]) -> OthersView {
    let rater_scores: Vec<(Relationship, Vec<Option<f64>>)> = raters
        .iter()
        .map(|(relationship, responses)| {
            let scores = dimension_scores(set, responses, Respondent::Rater).into_iter().map(|(_, s)| s).collect();
            (*relationship, scores)
        })
        .collect();
    let means = |group: &[&Vec<Option<f64>>]| -> Vec<OthersScore> {
        (0..set.dimensions.len())
            .map(|d| {
                let (count, sum) =
                    group.iter().filter_map(|scores| scores[d]).fold((0usize, 0.0), |(n, s), x| (n + 1, s + x));
                OthersScore { dimension: d, score: (count > 0).then(|| sum / count as f64), raters: count }
            })
            .collect()
    };
    let everyone: Vec<&Vec<Option<f64>>> = rater_scores.iter().map(|(_, scores)| scores).collect();
    let dimensions = means(&everyone);
    let by_relationship = Relationship::ALL
        .into_iter()
        .filter_map(|relationship| {
            let group: Vec<&Vec<Option<f64>>> =
                rater_scores.iter().filter(|(r, _)| *r == relationship).map(|(_, scores)| scores).collect();
            // Small groups are left out so no peer or report can be singled out; a manager is one person anyway.
            let shown = group.len() >= MIN_GROUP || (relationship == Relationship::Manager && !group.is_empty());
            shown.then(|| (relationship, means(&group)))
        })
        .collect();
    let difference = |d: usize| Some(own.dimensions.get(d)?.score? - dimensions[d].score?);
    let blind_spots = (0..dimensions.len()).filter(|&d| difference(d).is_some_and(|x| x >= PERCEPTION_GAP)).collect();
    let hidden_strengths =
        (0..dimensions.len()).filter(|&d| difference(d).is_some_and(|x| -x >= PERCEPTION_GAP)).collect();
    OthersView { raters: raters.len(), dimensions, by_relationship, blind_spots, hidden_strengths }
}

/// The report in the format's JSON shape and key order, borrowing the set for its ids: what
/// `altitude score` prints and what the widget hands the host page.
#[derive(Serialize)]
pub struct ReportJson<'a> {
    set: SetReference<'a>,
    role: &'a str,
    overall: Option<f64>,
    dimensions: Vec<DimensionJson<'a>>,
    roles: Vec<RoleJson<'a>>,
    gap_tolerance: f64,
    ready_for: Option<&'a str>,
    focus: Vec<&'a str>,
}

/// The report with the others' view, as `altitude score --others` prints it (kept apart from
/// [`ReportJson`] so the widget, which has no raters, does not carry its code).
#[derive(Serialize)]
struct ReportWithOthersJson<'a> {
    #[serde(flatten)]
    report: ReportJson<'a>,
    others: OthersJson<'a>,
}

#[derive(Serialize)]
struct SetReference<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct DimensionJson<'a> {
    id: &'a str,
    name: &'a str,
    score: Option<f64>,
    coverage: f64,
    target: f64,
    gap: Option<f64>,
    band: Option<&'a str>,
    untested: Vec<&'a str>,
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    name: &'a str,
    stage: u32,
    readiness: Option<f64>,
    ready: Option<bool>,
    short_in: Option<Vec<&'a str>>,
}

#[derive(Serialize)]
struct OthersJson<'a> {
    raters: usize,
    dimensions: Vec<OthersScoreJson<'a>>,
    by_relationship: ByRelationship<'a>,
    blind_spots: Vec<&'a str>,
    hidden_strengths: Vec<&'a str>,
}

#[derive(Serialize)]
struct OthersScoreJson<'a> {
    id: &'a str,
    score: Option<f64>,
    raters: usize,
}

/// `{"manager": [...], "peer": [...]}`, in the relationships' order.
struct ByRelationship<'a>(Vec<(&'static str, Vec<OthersScoreJson<'a>>)>);

impl Serialize for ByRelationship<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (relationship, scores) in &self.0 {
            map.serialize_entry(relationship, scores)?;
        }
        map.end()
    }
}

impl Report {
    /// The report in the format's JSON shape, with the ids of `set` (the set it was scored against);
    /// the others' view, which only the tool prints, is added by [`Report::to_json_with_others`].
    pub fn json<'a>(&'a self, set: &'a QuestionSet) -> ReportJson<'a> {
        let dimension_id = |d: usize| set.dimensions[d].id.as_str();
        let role_id = |r: usize| set.roles[r].id.as_str();
        let dimension_ids = |list: &[usize]| list.iter().map(|&d| dimension_id(d)).collect::<Vec<_>>();
        ReportJson {
            set: SetReference { id: &set.id, version: &set.version },
            role: role_id(self.role),
            overall: self.overall,
            dimensions: self
                .dimensions
                .iter()
                .map(|d| DimensionJson {
                    id: dimension_id(d.dimension),
                    name: &d.name,
                    score: d.score,
                    coverage: d.coverage,
                    target: d.target,
                    gap: d.gap,
                    band: d.band.as_deref(),
                    untested: d.untested.iter().map(|&q| set.questions[q].id.as_str()).collect(),
                })
                .collect(),
            roles: self
                .roles
                .iter()
                .map(|r| RoleJson {
                    id: role_id(r.role),
                    name: &r.name,
                    stage: r.stage,
                    readiness: r.readiness,
                    ready: r.ready,
                    short_in: r.short_in.as_deref().map(dimension_ids),
                })
                .collect(),
            gap_tolerance: self.gap_tolerance,
            ready_for: self.ready_for.map(role_id),
            focus: dimension_ids(&self.focus),
        }
    }

    /// The report as pretty-printed JSON, as `altitude score` prints it.
    pub fn to_json(&self, set: &QuestionSet) -> String {
        crate::model::json::pretty(&crate::model::json::compact(&self.json(set)))
    }

    /// The report with the others' view as its `"others"` block, as `altitude score --others` prints it.
    /// (The others' view is kept out of [`Report`]: the widget, which has no raters, carries none of it.)
    pub fn to_json_with_others(&self, set: &QuestionSet, others: &OthersView) -> String {
        use crate::model::json::{compact, pretty};
        let dimension_id = |d: usize| set.dimensions[d].id.as_str();
        let dimension_ids = |list: &[usize]| list.iter().map(|&d| dimension_id(d)).collect::<Vec<_>>();
        let others_scores = |list: &[OthersScore]| {
            list.iter()
                .map(|o| OthersScoreJson { id: dimension_id(o.dimension), score: o.score, raters: o.raters })
                .collect::<Vec<_>>()
        };
        pretty(&compact(&ReportWithOthersJson {
            report: self.json(set),
            others: OthersJson {
                raters: others.raters,
                dimensions: others_scores(&others.dimensions),
                by_relationship: ByRelationship(
                    others.by_relationship.iter().map(|(r, scores)| (r.as_str(), others_scores(scores))).collect(),
                ),
                blind_spots: dimension_ids(&others.blind_spots),
                hidden_strengths: dimension_ids(&others.hidden_strengths),
            },
        }))
    }
}
