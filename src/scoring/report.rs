//! The score report: coverage, dimension scores, bands, gaps, overall, role readiness, `ready`,
//! `short_in`, `ready_for`, `focus`, `pulled_down_by` and the facets with their `fit`, exactly as the
//! format's scoring rules (with the revision of 2026-12) and the facets spec define them; and the
//! others' view, computed from raters' answers.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::model::{Context, Question, QuestionKind, QuestionSet, Relationship, Response, Responses};

/// The gap between a person's own score and the others' at which it is a blind spot or a hidden strength.
pub const PERCEPTION_GAP: f64 = 10.0;
/// How far below a threshold a computed difference may fall and still reach it: sums of weighted
/// option scores are not exact (a one-rung difference of 15 came out as 14.999999999999993).
pub const TOLERANCE: f64 = 1e-9;
/// How far below the highest facet score another facet still counts as a fit.
pub const FIT_MARGIN: f64 = 5.0;
/// The most questions `pulled_down_by` names for a dimension.
pub const PULLED_DOWN_BY: usize = 3;
/// The fewest raters of one relationship shown as a group (a manager is shown alone).
pub const MIN_GROUP: usize = 3;
/// The fewest raters whose median stands for others' view of a ladder (else a manager's view does).
pub const LADDER_RATERS: usize = 3;

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
    /// In declared order, one per facet of the set (empty when it has none).
    pub facets: Vec<FacetReport>,
    /// Indices of the facets with a score within 5 of the highest, highest first.
    pub fit: Vec<usize>,
    /// The result's context, repeated: what the verdict is relative to.
    pub context: Context,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FacetReport {
    /// Index into the set's facets.
    pub facet: usize,
    /// 0–100; null below the set's minimum coverage.
    pub score: Option<f64>,
    pub coverage: f64,
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
    /// When the dimension is short of the role's target: up to 3 of its questions answered with a
    /// value that fall furthest short of it (weight × (target ÷ 100 − value)), largest first.
    pub pulled_down_by: Vec<usize>,
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
    /// Dimension indices where the person's own score is at least 10 above the others'.
    pub blind_spots: Vec<usize>,
    /// Dimension indices where the others' score is at least 10 above the person's own.
    pub hidden_strengths: Vec<usize>,
    /// Level questions where the person claims at least a rung more than others see, in declared order.
    pub above_others: Vec<usize>,
    /// Level questions where others see at least a rung more than the person claims.
    pub below_others: Vec<usize>,
    /// In declared order, one per facet: the raters' mean (`dimension` is the facet's index).
    pub facets: Vec<OthersScore>,
    /// For each level question the person answered with a value and others' view of it could be
    /// taken (see [`others_view`]): the question's index and the value others see, in set order.
    pub ladder_values: Vec<(usize, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OthersScore {
    /// The index of the dimension (or, in [`OthersView::facets`], of the facet).
    pub dimension: usize,
    /// The mean of the dimension scores of the raters who have one; null when none has.
    pub score: Option<f64>,
    /// How many raters have a score for the dimension.
    pub raters: usize,
}

/// A question's value in [0, 1] for a response given with a value; `None` for "not applicable"
/// and for "untested", which the revision of 2026-12 leaves out of the score like "not applicable".
pub fn question_value(set: &QuestionSet, question: usize, response: Response) -> Option<f64> {
    let question = &set.questions[question];
    match (response, &question.kind) {
        (Response::NotApplicable | Response::Untested, _) => None,
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

/// Each question's value, where it was answered with one.
fn values(set: &QuestionSet, responses: &Responses) -> Vec<Option<f64>> {
    (0..set.questions.len())
        .map(|i| responses.0.get(i).copied().flatten().and_then(|response| question_value(set, i, response)))
        .collect()
}

/// The two ways questions are grouped and scored alike.
#[derive(Clone, Copy)]
enum Grouping {
    /// Each scored question in its dimension.
    Dimensions,
    /// Each question in the facets it names, scored or not.
    Facets,
}

impl Grouping {
    fn count(self, set: &QuestionSet) -> usize {
        match self {
            Grouping::Dimensions => set.dimensions.len(),
            Grouping::Facets => set.facets.len(),
        }
    }

    fn of(self, question: &Question) -> &[usize] {
        match self {
            Grouping::Dimensions if question.scored => std::slice::from_ref(&question.dimension),
            Grouping::Dimensions => &[],
            Grouping::Facets => &question.facets,
        }
    }
}

/// Coverage and score (null below the minimum coverage) for each group: the format's dimension
/// rule, which facets share.
fn group_scores(set: &QuestionSet, values: &[Option<f64>], grouping: Grouping) -> Vec<(f64, Option<f64>)> {
    let count = grouping.count(set);
    let mut total_weight = vec![0.0; count];
    let mut answered_weight = vec![0.0; count];
    let mut weighted_values = vec![0.0; count];
    for (question, value) in set.questions.iter().zip(values) {
        for &g in grouping.of(question) {
            total_weight[g] += question.weight;
            if let Some(value) = value {
                answered_weight[g] += question.weight;
                weighted_values[g] += question.weight * value;
            }
        }
    }
    (0..count)
        .map(|g| {
            let coverage = if total_weight[g] > 0.0 { answered_weight[g] / total_weight[g] } else { 0.0 };
            let score = (answered_weight[g] > 0.0 && coverage >= set.min_coverage)
                .then(|| 100.0 * weighted_values[g] / answered_weight[g]);
            (coverage, score)
        })
        .collect()
}

/// Per dimension: coverage and score over its scored questions.
pub fn dimension_scores(set: &QuestionSet, responses: &Responses) -> Vec<(f64, Option<f64>)> {
    group_scores(set, &values(set, responses), Grouping::Dimensions)
}

/// The facets the answers fit: a score within 5 of the highest, highest first (declared order on ties).
fn fit(facets: &[FacetReport]) -> Vec<usize> {
    let Some(best) = facets.iter().filter_map(|f| f.score).reduce(f64::max) else { return Vec::new() };
    let mut fit: Vec<(usize, f64)> = facets
        .iter()
        .filter_map(|f| f.score.filter(|score| best - score <= FIT_MARGIN + TOLERANCE).map(|score| (f.facet, score)))
        .collect();
    crate::sorting::sort_by(&mut fit, |a, b| b.1.total_cmp(&a.1));
    fit.into_iter().map(|(f, _)| f).collect()
}

/// The questions of dimension `d` that fall furthest short of `target`, for `pulled_down_by`.
fn pulled_down_by(set: &QuestionSet, values: &[Option<f64>], d: usize, target: f64) -> Vec<usize> {
    let mut shortfalls: Vec<(usize, f64)> = set
        .questions
        .iter()
        .zip(values)
        .enumerate()
        .filter(|(_, (question, _))| question.scored && question.dimension == d)
        .filter_map(|(i, (question, value))| Some((i, question.weight * (target / 100.0 - (*value)?))))
        .filter(|(_, shortfall)| *shortfall > 0.0)
        .collect();
    // Stable: equal shortfalls keep the declared order, as the revision requires.
    crate::sorting::sort_by(&mut shortfalls, |a, b| b.1.total_cmp(&a.1));
    shortfalls.into_iter().take(PULLED_DOWN_BY).map(|(i, _)| i).collect()
}

/// Scores the person's own `responses` to `set` against the role at index `role`.
pub fn score(set: &QuestionSet, responses: &Responses, role: usize) -> Report {
    let values = values(set, responses);
    let per_dimension = group_scores(set, &values, Grouping::Dimensions);
    let scores: Vec<Option<f64>> = per_dimension.iter().map(|(_, score)| *score).collect();
    let mut untested = vec![Vec::new(); set.dimensions.len()];
    for (i, response) in responses.0.iter().enumerate() {
        if *response == Some(Response::Untested) {
            if let Some(question) = set.questions.get(i).filter(|q| q.scored) {
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
            pulled_down_by: match scores[d] {
                Some(score) if target_role.targets[d] - score > 0.0 => {
                    pulled_down_by(set, &values, d, target_role.targets[d])
                }
                _ => Vec::new(),
            },
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
                    // With the tolerance: two rungs of 0.3 and 0.6 score 44.99999999999999, and a gap
                    // of 10 to a target of 55 must not count as past a tolerance of 10.
                    .filter(|&d| scores[d].is_some_and(|score| role.targets[d] - score > set.gap_tolerance + TOLERANCE))
                    .collect::<Vec<usize>>()
            });
            let ready = readiness
                .zip(short_in.as_ref())
                .map(|(readiness, short_in)| reaches_threshold(set, readiness) && short_in.is_empty());
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

    let facets: Vec<FacetReport> = group_scores(set, &values, Grouping::Facets)
        .into_iter()
        .enumerate()
        .map(|(facet, (coverage, score))| FacetReport { facet, score, coverage })
        .collect();
    let fit = fit(&facets);

    Report {
        role,
        overall,
        dimensions,
        roles,
        gap_tolerance: set.gap_tolerance,
        ready_for,
        focus,
        facets,
        fit,
        context: Context::default(),
    }
}

impl Report {
    /// The report with the result's context repeated in it.
    pub fn with_context(mut self, context: Context) -> Report {
        self.context = context;
        self
    }
}

/// Whether `readiness` reaches the set's threshold, with the tolerance that floating-point sums need.
pub fn reaches_threshold(set: &QuestionSet, readiness: f64) -> bool {
    readiness >= set.ready_threshold - TOLERANCE
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

/// The others' view of the person whose own report is `own` (from `own_responses`), from each
/// rater's relationship and answers (resolved against the same set). Pure and by index, for the
/// tool and the widget alike.
pub fn others_view(
    set: &QuestionSet,
    own: &Report,
    own_responses: &Responses,
    raters: &[(Relationship, Responses)],
) -> OthersView {
    let rater_values: Vec<(Relationship, Vec<Option<f64>>)> =
        raters.iter().map(|(relationship, responses)| (*relationship, values(set, responses))).collect();
    let scores_of = |grouping: Grouping| -> Vec<(Relationship, Vec<Option<f64>>)> {
        rater_values
            .iter()
            .map(|(relationship, values)| {
                (*relationship, group_scores(set, values, grouping).into_iter().map(|(_, s)| s).collect())
            })
            .collect()
    };
    let rater_scores = scores_of(Grouping::Dimensions);
    let rater_facets = scores_of(Grouping::Facets);
    let means = |group: &[&Vec<Option<f64>>], count: usize| -> Vec<OthersScore> {
        (0..count)
            .map(|d| {
                let (count, sum) =
                    group.iter().filter_map(|scores| scores[d]).fold((0usize, 0.0), |(n, s), x| (n + 1, s + x));
                OthersScore { dimension: d, score: (count > 0).then(|| sum / count as f64), raters: count }
            })
            .collect()
    };
    let everyone: Vec<&Vec<Option<f64>>> = rater_scores.iter().map(|(_, scores)| scores).collect();
    let dimensions = means(&everyone, set.dimensions.len());
    let by_relationship = Relationship::ALL
        .into_iter()
        .filter_map(|relationship| {
            let group: Vec<&Vec<Option<f64>>> =
                rater_scores.iter().filter(|(r, _)| *r == relationship).map(|(_, scores)| scores).collect();
            // Small groups are left out so no peer or report can be singled out; a manager is one person anyway.
            let shown = group.len() >= MIN_GROUP || (relationship == Relationship::Manager && !group.is_empty());
            shown.then(|| (relationship, means(&group, set.dimensions.len())))
        })
        .collect();
    let facets = means(&rater_facets.iter().map(|(_, scores)| scores).collect::<Vec<_>>(), set.facets.len());
    let difference = |d: usize| Some(own.dimensions.get(d)?.score? - dimensions[d].score?);
    let reaches = |x: f64| x >= PERCEPTION_GAP - TOLERANCE;
    let blind_spots = (0..dimensions.len()).filter(|&d| difference(d).is_some_and(reaches)).collect();
    let hidden_strengths = (0..dimensions.len()).filter(|&d| difference(d).is_some_and(|x| reaches(-x))).collect();

    let own_values = values(set, own_responses);
    let (mut above_others, mut below_others, mut ladder_values) = (Vec::new(), Vec::new(), Vec::new());
    for (q, question) in set.questions.iter().enumerate() {
        let QuestionKind::Level { options } = &question.kind else { continue };
        let Some(own_value) = own_values[q] else { continue };
        let Some(others_value) = others_ladder_value(&rater_values, q) else { continue };
        ladder_values.push((q, others_value));
        // Level scores ascend strictly, so the smallest step is between neighbours in declared order.
        let step = options.windows(2).map(|pair| pair[1].score - pair[0].score).fold(f64::INFINITY, f64::min);
        if own_value - others_value >= step - TOLERANCE {
            above_others.push(q);
        } else if others_value - own_value >= step - TOLERANCE {
            below_others.push(q);
        }
    }
    OthersView {
        raters: raters.len(),
        dimensions,
        by_relationship,
        blind_spots,
        hidden_strengths,
        above_others,
        below_others,
        facets,
        ladder_values,
    }
}

/// What others see on question `q`: the median of the raters' values when at least 3 answered it
/// with one; otherwise the mean of the managers' values when a manager did; otherwise nothing.
fn others_ladder_value(rater_values: &[(Relationship, Vec<Option<f64>>)], q: usize) -> Option<f64> {
    let mut answered: Vec<f64> = rater_values.iter().filter_map(|(_, values)| values[q]).collect();
    if answered.len() >= LADDER_RATERS {
        crate::sorting::sort_by(&mut answered, |a, b| a.total_cmp(b));
        let middle = answered.len() / 2;
        return Some(if answered.len() % 2 == 1 {
            answered[middle]
        } else {
            (answered[middle - 1] + answered[middle]) / 2.0
        });
    }
    let managers: Vec<f64> = rater_values
        .iter()
        .filter(|(relationship, _)| *relationship == Relationship::Manager)
        .filter_map(|(_, values)| values[q])
        .collect();
    (!managers.is_empty()).then(|| managers.iter().sum::<f64>() / managers.len() as f64)
}

/// The report in the format's JSON shape and key order, borrowing the set for its ids: what
/// `altitude score` prints and what the widget hands the host page.
#[derive(Serialize)]
pub struct ReportJson<'a> {
    set: SetReference<'a>,
    role: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<ContextJson>,
    overall: Option<f64>,
    dimensions: Vec<DimensionJson<'a>>,
    roles: Vec<RoleJson<'a>>,
    gap_tolerance: f64,
    ready_for: Option<&'a str>,
    focus: Vec<&'a str>,
    /// Absent, with `fit`, when the set has no facets.
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: Option<Vec<FacetJson<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fit: Option<Vec<&'a str>>,
}

#[derive(Serialize)]
struct ContextJson {
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<&'static str>,
}

#[derive(Serialize)]
struct FacetJson<'a> {
    id: &'a str,
    score: Option<f64>,
    coverage: f64,
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
    pulled_down_by: Vec<&'a str>,
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
    ladders: LaddersJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: Option<Vec<OthersScoreJson<'a>>>,
}

#[derive(Serialize)]
struct LaddersJson<'a> {
    above_others: Vec<&'a str>,
    below_others: Vec<&'a str>,
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
        let question_ids = |list: &[usize]| list.iter().map(|&q| set.questions[q].id.as_str()).collect::<Vec<_>>();
        let has_facets = !set.facets.is_empty();
        ReportJson {
            set: SetReference { id: &set.id, version: &set.version },
            role: role_id(self.role),
            context: (!self.context.is_empty())
                .then(|| ContextJson { organisation: self.context.organisation.map(|o| o.as_str()) }),
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
                    untested: question_ids(&d.untested),
                    pulled_down_by: question_ids(&d.pulled_down_by),
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
            facets: has_facets.then(|| {
                self.facets
                    .iter()
                    .map(|f| FacetJson { id: &set.facets[f.facet].id, score: f.score, coverage: f.coverage })
                    .collect()
            }),
            fit: has_facets.then(|| self.fit.iter().map(|&f| set.facets[f].id.as_str()).collect()),
        }
    }

    /// The report as pretty-printed JSON, as `altitude score` prints it.
    pub fn to_json(&self, set: &QuestionSet) -> String {
        crate::model::json::pretty(&crate::model::json::compact(&self.json(set)))
    }

    /// The report with the others' view as its `"others"` block, as `altitude score --others` prints it.
    /// (The others' view is kept out of [`Report`]: the widget, which has no raters, carries none of it.)
    pub fn to_json_with_others<'a>(&'a self, set: &'a QuestionSet, others: &OthersView) -> String {
        use crate::model::json::{compact, pretty};
        let dimension_id = |d: usize| set.dimensions[d].id.as_str();
        let dimension_ids = |list: &[usize]| list.iter().map(|&d| dimension_id(d)).collect::<Vec<_>>();
        let scores_with = |list: &[OthersScore], id: &dyn Fn(usize) -> &'a str| {
            list.iter()
                .map(|o| OthersScoreJson { id: id(o.dimension), score: o.score, raters: o.raters })
                .collect::<Vec<_>>()
        };
        let others_scores = |list: &[OthersScore]| scores_with(list, &dimension_id);
        let question_ids = |list: &[usize]| list.iter().map(|&q| set.questions[q].id.as_str()).collect::<Vec<_>>();
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
                ladders: LaddersJson {
                    above_others: question_ids(&others.above_others),
                    below_others: question_ids(&others.below_others),
                },
                facets: (!set.facets.is_empty())
                    .then(|| scores_with(&others.facets, &|f: usize| set.facets[f].id.as_str())),
            },
        }))
    }
}
