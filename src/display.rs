//! How numbers are shown to a person: scores as whole numbers, gaps in words, changes with a sign.
//! The core computes unrounded numbers; every screen, chart and printout rounds through here.

use crate::model::QuestionSet;
use crate::scoring::{Report, RoleReadiness};

/// A score, target or percentage as a whole number.
pub fn whole(value: f64) -> String {
    // Integer formatting is far smaller in wasm than fixed-precision float formatting.
    (value.round() as i64).to_string()
}

/// A gap to a target in words: "22 short", "7 beyond" or "on target".
pub fn gap_words(gap: f64) -> String {
    let rounded = gap.round();
    if rounded > 0.0 {
        format!("{} short", whole(gap))
    } else if rounded < 0.0 {
        format!("{} beyond", whole(-gap))
    } else {
        "on target".to_owned()
    }
}

/// A role's verdict in words: "ready", "not enough answers", or "not yet" with the dimensions that
/// hold it back and by how much ("not yet: short in Business acumen by 22"), else the threshold missed.
pub fn verdict(set: &QuestionSet, report: &Report, role: &RoleReadiness) -> String {
    match (role.ready, &role.short_in) {
        (Some(true), _) => "ready".to_owned(),
        (Some(false), Some(short_in)) if !short_in.is_empty() => {
            let targets = &set.roles[role.role].targets;
            let shortfalls: Vec<String> = short_in
                .iter()
                .map(|&d| {
                    let gap = report.dimensions[d].score.map_or(0.0, |score| targets[d] - score);
                    format!("{} by {}", set.dimensions[d].name, whole(gap))
                })
                .collect();
            format!("not yet: short in {}", shortfalls.join(", "))
        }
        (Some(false), _) => format!("not yet: readiness below {}%", whole(set.ready_threshold)),
        (None, _) => "not enough answers".to_owned(),
    }
}

/// "+4", "−3" or "0": a score change rounded for display, with a real minus sign.
pub fn signed_whole(change: f64) -> String {
    let rounded = change.round() as i64;
    match rounded {
        0 => "0".to_owned(),
        r if r > 0 => format!("+{r}"),
        r => format!("\u{2212}{}", -r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_for_display() {
        assert_eq!(whole(87.5), "88");
        assert_eq!(gap_words(22.4), "22 short");
        assert_eq!(gap_words(-7.5), "8 beyond");
        assert_eq!(gap_words(0.4), "on target");
        assert_eq!(signed_whole(-3.2), "\u{2212}3");
        assert_eq!(signed_whole(4.5), "+5");
    }

    #[test]
    fn a_verdict_names_what_holds_a_role_back() {
        use crate::model::{QuestionKind, Response, Responses};
        let set = QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).unwrap();
        // Every answer at the top, but "not had the chance yet" across the last dimension.
        let last = set.dimensions.len() - 1;
        let responses = Responses(
            set.questions
                .iter()
                .map(|q| {
                    Some(match &q.kind {
                        _ if q.dimension == last => Response::Untested,
                        QuestionKind::Likert { reverse: false } => Response::Point(set.scale.as_ref().unwrap().points),
                        QuestionKind::Likert { reverse: true } => Response::Point(1),
                        kind => Response::Option(kind.options().len() - 1),
                    })
                })
                .collect(),
        );
        let top = *set.roles_by_stage().last().unwrap();
        let report = crate::scoring::score(&set, &responses, top);
        let role = report.roles.iter().find(|r| r.role == top).unwrap();
        let gap = whole(set.roles[top].targets[last]);
        assert_eq!(verdict(&set, &report, role), format!("not yet: short in {} by {gap}", set.dimensions[last].name));
        let ready = report.roles.iter().find(|r| r.ready == Some(true));
        assert!(ready.is_none_or(|r| verdict(&set, &report, r) == "ready"));
    }
}
