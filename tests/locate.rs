//! Problems located by line and column (issue 27): every path the reader can write leads back to its
//! value in the text, whatever the text's layout, and the tool's problems land where they are.

use altitude::model::json::{self, Json};
use altitude::model::locate::{position_of, problem_spans, span_of};
use altitude::model::reader::{index, join};
use altitude::model::QuestionSet;

/// Every value of `tree` with the path the reader would write for it.
fn paths(tree: &Json, path: String, found: &mut Vec<(String, Json)>) {
    found.push((path.clone(), tree.clone()));
    match tree {
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                paths(item, index(&path, i), found);
            }
        }
        Json::Object(pairs) => {
            for (key, value) in pairs {
                paths(value, join(&path, key), found);
            }
        }
        _ => {}
    }
}

/// Each path's span holds its value (a scalar whole, a container's bracket), in `text` as laid out.
fn assert_every_path_leads_to_its_value(text: &str) {
    let tree = json::parse(text.as_bytes()).unwrap();
    let mut found = Vec::new();
    paths(&tree, String::new(), &mut found);
    for (path, value) in found {
        let span = span_of(text.as_bytes(), &path, 0).unwrap_or_else(|| panic!("{path} not found"));
        let spanned = &text[span.start.byte..span.end.byte];
        match &value {
            Json::Object(_) => assert_eq!(spanned, "{", "{path}"),
            Json::Array(_) => assert_eq!(spanned, "[", "{path}"),
            scalar => assert_eq!(&json::parse(spanned.as_bytes()).unwrap(), scalar, "{path}"),
        }
        // The line and column agree with the byte offset, counted the way an editor counts.
        let before = &text[..span.start.byte];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(span.start.line, before.matches('\n').count() + 1, "{path}");
        assert_eq!(span.start.column, before[line_start..].chars().count() + 1, "{path}");
        assert_eq!(span.start.utf16, before.encode_utf16().count(), "{path}");
    }
}

#[test]
fn every_path_of_the_example_sets_in_any_layout() {
    for file in ["docs/example-set.json", "docs/example-set-2.json"] {
        let text = std::fs::read_to_string(file).unwrap();
        assert_every_path_leads_to_its_value(&text);
        let tree = json::parse(text.as_bytes()).unwrap();
        assert_every_path_leads_to_its_value(&json::compact(&tree));
        assert_every_path_leads_to_its_value(&json::pretty(&json::compact(&tree)).replace('\n', "\r\n"));
    }
}

#[test]
fn every_path_of_a_nasty_document() {
    let text = r#"{
  "q\"uote": ["]", "[", "}", "{", "\\", "\"", ":", ","],
  "ünï😀": {"é": [[1, [2, {"x": null}]], [], {}], "tab\tkey": "line\nbreak"},
  "a.b": {"c[1]": {"d": true}, "": -1.5e3},
  "esc\u00e9": "\ud83d\ude00", "/": false
}"#;
    assert_every_path_leads_to_its_value(text);
    assert_every_path_leads_to_its_value(&text.replace('\n', "\r\n"));
    let tree = json::parse(text.as_bytes()).unwrap();
    assert_every_path_leads_to_its_value(&json::pretty(&json::compact(&tree)));
}

#[test]
fn every_question_and_option_of_the_bundled_sets() {
    for id in
        ["cto-readiness", "em-to-head-of-engineering", "tech-lead-to-engineering-manager", "staff-engineer-readiness"]
    {
        let text = std::fs::read_to_string(format!("assessments/{id}.json")).unwrap();
        let set = QuestionSet::load(text.as_bytes()).unwrap();
        for (i, question) in set.questions.iter().enumerate() {
            let path = join(&index("questions", i), "id");
            let p = position_of(text.as_bytes(), &path).unwrap();
            assert_eq!(&text[p.byte..p.byte + question.id.len() + 2], format!("\"{}\"", question.id), "{id} {path}");
            for (k, option) in question.kind.options().iter().enumerate() {
                let path = join(&index(&join(&index("questions", i), "options"), k), "id");
                let p = position_of(text.as_bytes(), &path).unwrap();
                assert_eq!(&text[p.byte..p.byte + option.id.len() + 2], format!("\"{}\"", option.id), "{id} {path}");
            }
        }
    }
}

#[test]
fn problems_of_a_broken_set_land_where_they_are() {
    let text = std::fs::read_to_string("docs/example-set-2.json")
        .unwrap()
        .replacen("\"kind\": \"level\"", "\"kind\": \"levle\"", 1)
        .replacen("\"weight\": 2", "\"wieght\": 2", 1)
        .replacen("\"stage\": 2, ", "", 1)
        .replacen("\"points\": 5,", "\"points\": 5, \"points\": 4,", 1);
    let problems = QuestionSet::load(text.as_bytes()).unwrap_err();
    let spans = problem_spans(text.as_bytes(), &problems);
    let placed: Vec<String> = problems
        .iter()
        .zip(&spans)
        .map(|(problem, span)| {
            let span = span.unwrap_or_else(|| panic!("{problem} is not located"));
            format!("{}:{}: {}", span.start.line, span.start.column, problem.location)
        })
        .collect();
    // The repeated key's second appearance; the unknown key's value; the role that lacks its stage; the kind.
    assert_eq!(
        placed,
        [
            "10:28: scale.points",
            "15:50: dimensions[1].wieght",
            "19:5: roles[1].stage",
            "26:52: questions[1].kind",
            // The role that could not be read is not a role its guidance can name.
            "56:18: role_guidance.team-lead",
        ],
        "{problems:#?}"
    );
}
