//! The author's workbench's two calls into the core (issue 27): a draft's problems, each at its line
//! and column, and the lint report of a valid draft, both as JSON. The workbench's own wasm bundle
//! wraps them in its exports; nothing here knows of the browser, and the widget never calls them, so
//! its wasm holds none of this (nor [`crate::model::locate`] or [`crate::lint`]).

use serde::Serialize;

use crate::lint::{self, PlaceJson};
use crate::model::locate;
use crate::model::{Location, Problem, QuestionSet};

#[derive(Serialize)]
struct ProblemJson<'a> {
    #[serde(flatten)]
    place: PlaceJson,
    path: &'a str,
    message: &'a str,
}

/// The problems of the question set in `text` as a JSON list, in the order the loader found them
/// (the format's order); `[]` when the set is valid:
///
/// ```json
/// [{"line": 26, "column": 52, "offset": 1040, "end": 1047, "path": "questions[1].kind", "message": "unknown kind ..."}]
/// ```
///
/// `line` and `column` are 1-based, the column in characters; `offset` and `end` are UTF-16 offsets
/// from the start of `text` (CodeMirror's positions, when `text` is the editor's document) of the
/// value the path names (a string or number whole, an object or a list by its opening bracket; for
/// a missing key, the object that lacks it; for a repeated key, the repeat). A syntax error has the
/// path `""` and `end` equal to `offset`. The place is `null` where the path is not in the text,
/// which does not happen for problems the loader found in that text.
pub fn problems_json(text: &[u8]) -> String {
    match QuestionSet::load(text) {
        Ok(_) => "[]".to_owned(),
        Err(problems) => located_problems_json(text, &problems),
    }
}

/// Any document's `problems` (a set's, a catalog's, a result's), read from `text`, as
/// [`problems_json`] writes them.
pub fn located_problems_json(text: &[u8], problems: &[Problem]) -> String {
    let spans = locate::problem_spans(text, problems);
    let list: Vec<ProblemJson> = problems
        .iter()
        .zip(spans)
        .map(|(problem, span)| ProblemJson {
            place: PlaceJson::of(span),
            path: match &problem.location {
                Location::Path(path) => path,
                Location::LineColumn { .. } => "",
            },
            message: &problem.message,
        })
        .collect();
    crate::model::json::compact(&list)
}

/// The lint report of the question set in `text` ([`lint::report_json`]: its simulated
/// respondents with each role's verdict, and its warnings, each at its place in `text`), or `None`
/// when the set is not valid (its problems are [`problems_json`]).
pub fn lint_json(text: &[u8]) -> Option<String> {
    let set = QuestionSet::load(text).ok()?;
    let respondents = lint::respondents(&set);
    let warnings = lint::warnings(&set, &respondents);
    Some(lint::report_json(&set, &warnings, &respondents, Some(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn a_drafts_problems_at_their_places() {
        let draft = "{\n  \"format\": \"altitude.question-set/2\",\n  \"id\": \"é😀\"\n}";
        let problems: Value = serde_json::from_str(&problems_json(draft.as_bytes())).unwrap();
        let list = problems.as_array().unwrap();
        // First the missing keys, at the document that lacks them (the loader's order), then the id,
        // its value on line 3 after `  "id": `.
        assert_eq!(
            list[0],
            json!({"line": 1, "column": 1, "offset": 0, "end": 1, "path": "version", "message": "the question set needs the key \"version\""})
        );
        let id = list.iter().find(|p| p["path"] == "id").unwrap();
        assert_eq!((id["line"].as_u64(), id["column"].as_u64()), (Some(3), Some(9)));
        let offset = id["offset"].as_u64().unwrap() as usize;
        let end = id["end"].as_u64().unwrap() as usize;
        let units: Vec<u16> = draft.encode_utf16().collect();
        assert_eq!(String::from_utf16(&units[offset..end]).unwrap(), "\"é😀\"", "UTF-16 offsets, 😀 two units");
    }

    #[test]
    fn a_syntax_error_has_no_path() {
        let problems: Value = serde_json::from_str(&problems_json(b"{\n  \"a\": ,\n}")).unwrap();
        assert_eq!(
            problems,
            json!([{"line": 2, "column": 8, "offset": 9, "end": 9, "path": "", "message": "this is not valid JSON here (expected a value)"}])
        );
    }

    #[test]
    fn a_valid_draft_has_no_problems_and_a_lint_report() {
        let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-set-2.json")).unwrap();
        assert_eq!(problems_json(&text), "[]");
        let report: Value = serde_json::from_str(&lint_json(&text).unwrap()).unwrap();
        assert_eq!(report["set"]["id"], "example-team-lead");
        assert_eq!(report["respondents"].as_array().unwrap().len(), 5);
        for warning in report["warnings"].as_array().unwrap() {
            assert!(warning["line"].is_u64() && warning["offset"].is_u64(), "every warning has its place: {warning}");
        }
        assert_eq!(lint_json(b"{}"), None);
    }
}
