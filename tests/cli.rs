//! The `altitude` tool run as a user runs it: the real binary, real files, exit statuses and output.

use std::path::PathBuf;
use std::process::{Command, Output};

fn altitude(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_altitude"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the altitude binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("altitude-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_reports_a_valid_set() {
    let out = altitude(&["check", "docs/example-set.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "docs/example-set.json: ok (3 questions, 2 dimensions, 2 roles)\n");
}

#[test]
fn check_locates_every_problem_and_exits_1() {
    let broken = std::fs::read_to_string("docs/example-set.json")
        .unwrap()
        .replace("\"questions\"", "\"qestions\"")
        .replace("\"delivery\", \"kind\"", "\"delivry\", \"kind\"");
    let path = temp_file("broken.json", &broken);
    let path = path.to_str().unwrap();
    let out = altitude(&["check", "docs/example-set.json", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("docs/example-set.json: ok"));
    let errors = text(&out.stderr);
    assert!(
        errors.contains(&format!(
            "{path}:qestions: unknown key \"qestions\" in the question set; did you mean \"questions\"?"
        )),
        "{errors}"
    );
    assert!(errors.contains(&format!("{path}:questions: the question set needs the key \"questions\"")), "{errors}");
}

#[test]
fn check_gives_line_and_column_for_syntax_errors() {
    let path = temp_file("syntax.json", "{\n  \"id\": \"x\",\n  \"title\": oops\n}");
    let out = altitude(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with(&format!("{}:3:12: ", path.display())), "{}", text(&out.stderr));
}

#[test]
fn unreadable_files_and_usage_errors_exit_2() {
    let out = altitude(&["check", "docs/example-set.json", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cannot read no/such/file.json: no such file"));
    assert_eq!(altitude(&["check"]).status.code(), Some(2));
    assert_eq!(altitude(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(altitude(&[]).status.code(), Some(2));
    assert_eq!(altitude(&["score", "--set", "docs/example-set.json"]).status.code(), Some(2));
    assert_eq!(altitude(&["score", "--set", "a", "--set", "b", "--answers", "c"]).status.code(), Some(2));
}

#[test]
fn help_explains_both_commands() {
    let out = altitude(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = text(&out.stdout);
    assert!(
        help.contains("altitude check FILE...")
            && help.contains("altitude score --set FILE --answers FILE [--role ID]")
    );
}

#[test]
fn score_prints_the_report() {
    let out =
        altitude(&["score", "--set", "docs/example-set.json", "--answers", "tests/fixtures/example-answers.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["role"], "team-lead", "the document's role");
    // delivery: d-1 = 4 → 0.75, d-2 = 2 reversed → 0.75: 75. people: option b = 0.4: 40.
    assert_eq!(report["dimensions"][0]["score"], 75.0);
    assert_eq!(report["dimensions"][1]["score"], 40.0);
    assert_eq!(report["focus"], serde_json::json!(["people"]));

    let out = altitude(&[
        "score",
        "--set",
        "docs/example-set.json",
        "--answers",
        "tests/fixtures/example-answers.json",
        "--role",
        "senior-engineer",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["role"], "senior-engineer");
    assert_eq!(report["dimensions"][1]["gap"], 0.0);
}

#[test]
fn score_refuses_answers_that_do_not_fit() {
    let answers = std::fs::read_to_string("tests/fixtures/example-answers.json")
        .unwrap()
        .replace("\"p-1\": \"b\"", "\"p-1\": \"z\", \"p-9\": 3");
    let path = temp_file("answers.json", &answers);
    let out = altitude(&["score", "--set", "docs/example-set.json", "--answers", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    assert!(errors.contains(":answers.p-1: question \"p-1\": \"z\" is not one of its options (a, b, c)"), "{errors}");
    assert!(errors.contains(":answers.p-9: the set has no question \"p-9\""), "{errors}");
    assert!(out.stdout.is_empty());

    let out = altitude(&[
        "score",
        "--set",
        "docs/example-set.json",
        "--answers",
        "tests/fixtures/example-answers.json",
        "--role",
        "cto",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("\"cto\" is not a role"));
}
