//! The score report: coverage, dimension scores, bands, gaps, overall, role readiness, `ready_for`
//! and `focus`, exactly as the format's scoring rules define them.

use serde::Serialize;

use crate::model::{QuestionKind, QuestionSet, Response, Responses};

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
    /// The index of the highest-stage role reached.
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
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoleReadiness {
    /// Index into the set's roles.
    pub role: usize,
    /// The role's name, for display.
    pub name: String,
    pub stage: u32,
    pub readiness: Option<f64>,
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
    ready_for: Option<&'a str>,
    focus: Vec<&'a str>,
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
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    name: &'a str,
    stage: u32,
    readiness: Option<f64>,
}

/// A question's value in [0, 1] for a response given with a value; `None` for "not applicable".
pub fn question_value(set: &QuestionSet, question: usize, response: Response) -> Option<f64> {
    let question = &set.questions[question];
    match (response, &question.kind) {
        (Response::NotApplicable, _) => None,
        (Response::Point(point), QuestionKind::Likert { reverse }) => {
            let points = set.scale.as_ref().map_or(2, |scale| scale.points);
            let value = f64::from(point - 1) / f64::from(points - 1);
            Some(if *reverse { 1.0 - value } else { value })
        }
        (Response::Option(i), QuestionKind::Choice { options }) => Some(options[i].score),
        // A resolved response always fits its question's kind; a mismatch counts as no value.
        _ => None,
    }
}

/// Scores `responses` to `set` against the role at index `role`.
pub fn score(set: &QuestionSet, responses: &Responses, role: usize) -> Report {
    let dimension_count = set.dimensions.len();
    let mut total_weight = vec![0.0; dimension_count];
    let mut answered_weight = vec![0.0; dimension_count];
    let mut weighted_values = vec![0.0; dimension_count];
    for (i, question) in set.questions.iter().enumerate() {
        let d = question.dimension;
        total_weight[d] += question.weight;
        let value = responses.0.get(i).copied().flatten().and_then(|response| question_value(set, i, response));
        if let Some(value) = value {
            answered_weight[d] += question.weight;
            weighted_values[d] += question.weight * value;
        }
    }

    let scores: Vec<Option<f64>> = (0..dimension_count)
        .map(|d| {
            let coverage = answered_weight[d] / total_weight[d];
            (answered_weight[d] > 0.0 && coverage >= set.min_coverage)
                .then(|| 100.0 * weighted_values[d] / answered_weight[d])
        })
        .collect();

    let target_role = &set.roles[role];
    let dimensions: Vec<DimensionReport> = set
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dimension)| DimensionReport {
            dimension: d,
            name: dimension.name.clone(),
            score: scores[d],
            coverage: answered_weight[d] / total_weight[d],
            target: target_role.targets[d],
            gap: scores[d].map(|score| target_role.targets[d] - score),
            band: scores[d].map(|score| band_name(set, score).to_owned()),
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
            RoleReadiness {
                role: r,
                name: role.name.clone(),
                stage: role.stage,
                readiness: readiness(set, &scores, &role.targets),
            }
        })
        .collect();

    let ready_for = roles
        .iter()
        .rev()
        .find(|role| role.readiness.is_some_and(|readiness| readiness >= set.ready_threshold))
        .map(|role| role.role);

    let mut short: Vec<(usize, f64)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(d, report)| report.gap.filter(|gap| *gap > 0.0).map(|gap| (d, set.dimensions[d].weight * gap)))
        .collect();
    // A stable sort keeps the declared order among equal priorities, as the format requires.
    short.sort_by(|a, b| b.1.total_cmp(&a.1));
    let focus = short.into_iter().map(|(d, _)| d).collect();

    Report { role, overall, dimensions, roles, ready_for, focus }
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

impl Report {
    /// The report in the format's JSON shape, with the ids of `set` (the set it was scored against).
    pub fn json<'a>(&'a self, set: &'a QuestionSet) -> ReportJson<'a> {
        let dimension_id = |d: usize| set.dimensions[d].id.as_str();
        let role_id = |r: usize| set.roles[r].id.as_str();
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
                })
                .collect(),
            roles: self
                .roles
                .iter()
                .map(|r| RoleJson { id: role_id(r.role), name: &r.name, stage: r.stage, readiness: r.readiness })
                .collect(),
            ready_for: self.ready_for.map(role_id),
            focus: self.focus.iter().map(|&d| dimension_id(d)).collect(),
        }
    }

    /// The report as pretty-printed JSON, as `altitude score` prints it.
    pub fn to_json(&self, set: &QuestionSet) -> String {
        crate::model::json::pretty(&crate::model::json::compact(&self.json(set)))
    }
}
