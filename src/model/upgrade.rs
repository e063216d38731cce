//! `altitude upgrade`: a format-1 question set rewritten as the equivalent format-2 document.
//!
//! Equivalent means the same verdicts: `gap_tolerance` is set to 100, which is how format 1 behaves,
//! and nothing else changes meaning. Key order and every other value are kept as the author wrote them.

use super::json::{self, Json};
use super::problem::{Problem, ProblemKind, Problems};
use super::question_set::{QuestionSet, FORMAT_1_GAP_TOLERANCE, FORMAT_2, UNTESTED};
use super::reader::{index, join};

/// The format-2 document for a valid format-1 set (a format-2 set comes back as it is), pretty-printed.
pub fn upgrade(bytes: &[u8]) -> Result<String, Vec<Problem>> {
    let set = QuestionSet::load(bytes)?;
    let tree = json::parse(bytes).map_err(|_| Vec::new())?;
    let Json::Object(mut pairs) = tree else { return Err(Vec::new()) };
    if set.format == 1 {
        reserved_option_ids(&set)?;
        for (key, value) in pairs.iter_mut() {
            match (key.as_str(), value) {
                ("format", value) => *value = Json::String(FORMAT_2.to_owned()),
                ("$schema", Json::String(uri)) => *uri = uri.replace("question-set-v1.", "question-set-v2."),
                _ => {}
            }
        }
        let after = pairs
            .iter()
            .position(|(key, _)| key == "ready_threshold")
            .map_or_else(|| pairs.iter().position(|(key, _)| key == "questions").unwrap_or(pairs.len()), |i| i + 1);
        pairs.insert(after, ("gap_tolerance".to_owned(), Json::Number(FORMAT_1_GAP_TOLERANCE)));
    }
    Ok(json::pretty(&json::compact(&Json::Object(pairs))))
}

/// Format 2 reserves the option id `untested`; a format-1 set that uses it must rename it first.
fn reserved_option_ids(set: &QuestionSet) -> Result<(), Vec<Problem>> {
    let mut problems = Problems::default();
    for (q, question) in set.questions.iter().enumerate() {
        for (o, option) in question.kind.options().iter().enumerate() {
            if option.id == UNTESTED {
                problems.add(
                    &join(&index(&join(&index("questions", q), "options"), o), "id"),
                    ProblemKind::BadIdentifier,
                    "format 2 reserves the option id \"untested\" for \"not had the chance yet\"; rename this option (and the answers that name it) before upgrading",
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.into_vec())
    }
}
