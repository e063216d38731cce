//! The score report: coverage, dimension scores, bands, gaps, overall, role readiness, `ready_for`
//! and `focus`, exactly as the format's scoring rules define them.

use serde::Serialize;

use crate::model::{QuestionKind, QuestionSet, Response, Responses};

/// The score report, serialised exactly as the format shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub set: SetReference,
    /// The id of the role the gaps are measured against.
    pub role: String,
    pub overall: Option<f64>,
    /// In declared order.
    pub dimensions: Vec<DimensionReport>,
    /// In ascending stage order.
    pub roles: Vec<RoleReadiness>,
    pub ready_for: Option<String>,
    /// Dimension ids short of the role's target, most important first.
    pub focus: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetReference {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionReport {
    pub id: String,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleReadiness {
    pub id: String,
    pub name: String,
    pub stage: u32,
    pub readiness: Option<f64>,
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
            id: dimension.id.clone(),
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
                id: role.id.clone(),
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
        .map(|role| role.id.clone());

    let mut short: Vec<(usize, f64)> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(d, report)| report.gap.filter(|gap| *gap > 0.0).map(|gap| (d, set.dimensions[d].weight * gap)))
        .collect();
    // A stable sort keeps the declared order among equal priorities, as the format requires.
    short.sort_by(|a, b| b.1.total_cmp(&a.1));
    let focus = short.into_iter().map(|(d, _)| set.dimensions[d].id.clone()).collect();

    Report {
        set: SetReference { id: set.id.clone(), version: set.version.clone() },
        role: target_role.id.clone(),
        overall,
        dimensions,
        roles,
        ready_for,
        focus,
    }
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
    /// The report as pretty-printed JSON, as `altitude score` prints it.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report always serialises")
    }
}
