//! The `altitude` tool run as a user runs it: the real binary, real files, exit statuses and output.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

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
    assert_eq!(text(&out.stdout), "docs/example-set.json: ok (format 1, 3 questions, 2 dimensions, 2 roles)\n");
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
            "{path}:20:15: qestions: unknown key \"qestions\" in the question set; did you mean \"questions\"?"
        )),
        "{errors}"
    );
    assert!(
        errors.contains(&format!("{path}:1:1: questions: the question set needs the key \"questions\"")),
        "{errors}"
    );
}

#[test]
fn check_gives_line_and_column_for_syntax_errors() {
    let path = temp_file("syntax.json", "{\n  \"id\": \"x\",\n  \"title\": oops\n}");
    let out = altitude(&["check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with(&format!("{}:3:12: ", path.display())), "{}", text(&out.stderr));
}

/// Issue 27: `FILE:LINE:COLUMN: path: message`, columns in characters as an editor counts them, over CRLF
/// line ends and text beyond ASCII; a repeated key at its repeat; the problems in the order the spec gives.
#[test]
fn check_prints_line_and_column_for_every_problem() {
    let set = std::fs::read_to_string("docs/example-set-2.json")
        .unwrap()
        .replacen("\"title\": \"Team lead check-in\"", "\"title\": \"Équipe 😀\", \"title\": \"x\"", 1)
        .replacen("\"kind\": \"level\"", "\"kind\": \"levle\"", 1)
        .replace('\n', "\r\n");
    let path = temp_file("located.json", &set);
    let path = path.to_str().unwrap();
    let out = altitude(&["check", path]);
    assert_eq!(out.status.code(), Some(1));
    // Line 6 is `  "title": "Équipe 😀", "title": "x",`: the repeat's value is its 33rd character (its 37th byte).
    assert_eq!(
        text(&out.stderr),
        format!(
            "{path}:6:33: title: the key \"title\" appears more than once\n\
             {path}:26:52: questions[1].kind: unknown kind \"levle\"; use \"likert\", \"choice\" or \"level\"\n"
        )
    );
    // A syntax error after a character of two bytes: serde_json's byte column, said in characters.
    let path = temp_file("syntax-unicode.json", "{\n  \"é\": oops\n}");
    let out = altitude(&["check", path.to_str().unwrap()]);
    assert!(text(&out.stderr).starts_with(&format!("{}:2:8: ", path.display())), "{}", text(&out.stderr));
}

/// A reply file's answers are checked as its `result`; their problems are located there.
#[test]
fn a_reply_files_problems_are_located_in_the_reply() {
    let own = temp_file(
        "own-reply.json",
        r#"{"format": "altitude.result/1", "set": {"id": "example-team-lead", "version": "2.0.0"}, "role": "team-lead",
            "started_at": "2026-11-21T10:00:00Z", "completed_at": "2026-11-21T10:04:10Z",
            "answers": {"d-1": 3, "d-2": "team", "p-1": "c"}}"#,
    );
    let reply = temp_file(
        "reply-located.json",
        r#"{"format": "altitude.reply/1", "invitation": "abcdefgh",
 "result": {"format": "altitude.result/1", "set": {"id": "example-team-lead", "version": "2.0.0"}, "role": "team-lead",
  "started_at": "2026-11-21T10:00:00Z", "completed_at": "2026-11-21T10:04:10Z",
  "answers": {"d-1": 3, "d-2": "nowhere", "p-1": "c"}, "rater": {"relationship": "peer"}}}"#,
    );
    let out = altitude(&[
        "score",
        "--set",
        "docs/example-set-2.json",
        "--answers",
        own.to_str().unwrap(),
        "--others",
        reply.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).starts_with(&format!("{}:4:32: result.answers.d-2: ", reply.display())),
        "{}",
        text(&out.stderr)
    );
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
            && help.contains("altitude score --set FILE --answers FILE [--others FILE...] [--role ID]")
            && help.contains("altitude upgrade FILE")
            && help.contains("altitude catalog FILE")
            && help.contains("altitude translate SET --to LANGUAGE [--from EARLIER]")
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
    assert!(
        errors.contains(":7:42: answers.p-1: question \"p-1\": \"z\" is not one of its options (a, b, c)"),
        "{errors}"
    );
    assert!(errors.contains(":7:54: answers.p-9: the set has no question \"p-9\""), "{errors}");
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

#[test]
fn check_names_the_format_it_read() {
    let out = altitude(&["check", "docs/example-set-2.json", "docs/example-set.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "docs/example-set-2.json: ok (format 2, 3 questions, 2 dimensions, 2 roles)\n\
         docs/example-set.json: ok (format 1, 3 questions, 2 dimensions, 2 roles)\n"
    );
}

#[test]
fn the_readmes_own_check_of_every_bundled_file_passes() {
    let mut files: Vec<String> = std::fs::read_dir("assessments")
        .unwrap()
        .map(|e| format!("assessments/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".json"))
        .collect();
    files.sort();
    let args: Vec<&str> = std::iter::once("check").chain(files.iter().map(String::as_str)).collect();
    let out = altitude(&args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "assessments/catalog.json: ok (catalog, 4 sets, 12 archived, 8 translations, default cto-readiness)"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("assessments/cto-readiness.json: ok (format "), "{stdout}");
}

/// A folder with a catalog and the given sets, for catalog checks.
fn catalog_folder(name: &str, catalog: &str, sets: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("altitude-cli-{}-{name}", std::process::id()));
    // Fresh: a process id comes round again, and an earlier run's folder (its link to the catalog,
    // a catalog left read-only) would make this run fail where nothing is wrong.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, contents) in sets {
        std::fs::write(dir.join(file), contents).unwrap();
    }
    let path = dir.join("catalog.json");
    std::fs::write(&path, catalog).unwrap();
    path
}

#[test]
fn a_catalog_is_checked_as_a_catalog_with_located_problems() {
    let example = std::fs::read_to_string("docs/example-set.json").unwrap();
    let broken = example.replace("\"questions\"", "\"qestions\"");
    let path = catalog_folder(
        "broken",
        r#"{"default": "cto", "sets": ["example.json", "missing.json", "broken.json"]}"#,
        &[("example.json", &example), ("broken.json", &broken)],
    );
    let path = path.to_str().unwrap();
    let out = altitude(&["check", path]);
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    assert!(errors.contains(&format!("{path}:1:45: sets[1]: cannot read ")), "{errors}");
    assert!(errors.contains("missing.json: no such file"), "{errors}");
    assert!(
        errors.contains(&format!("{path}:1:61: sets[2]: ")) && errors.contains("is not a valid question set"),
        "{errors}"
    );
    assert!(
        errors.contains(&format!(
            "{path}:1:13: default: \"cto\" is not the id of a listed set; the sets are: example-team-lead"
        )),
        "{errors}"
    );
    assert!(!errors.contains("unknown key \"sets\"") && !errors.contains("unknown key \"default\""), "{errors}");

    let out = altitude(&["check", catalog_folder("shape", r#"{"default": 3, "sets": [7]}"#, &[]).to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    assert!(errors.contains(" default: must be a string") && errors.contains(" sets[0]: a catalog entry"), "{errors}");
}

#[test]
fn a_catalog_may_state_each_sets_start_screen_facts_and_they_are_checked() {
    let example = std::fs::read_to_string("docs/example-set.json").unwrap();
    let facts = |questions: u32, title: &str| {
        format!(
            r#"{{"default": "example-team-lead", "sets": [{{"file": "example.json", "id": "example-team-lead", "title": "{title}", "summary": "A five-minute look at how you lead a small team.", "estimated_minutes": 5, "questions": {questions}}}]}}"#
        )
    };
    let good = catalog_folder("facts-good", &facts(3, "Team lead check-in"), &[("example.json", &example)]);
    let out = altitude(&["check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(": ok (catalog, 1 sets, default example-team-lead)\n"));

    let stale = catalog_folder("facts-stale", &facts(4, "Old title"), &[("example.json", &example)]);
    let out = altitude(&["check", stale.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    assert!(errors.contains(":1:217: sets[0].questions: the catalog says 4 but example.json has 3"), "{errors}");
    assert!(
        errors.contains(
            ":1:104: sets[0].title: the catalog says \"Old title\" but example.json has \"Team lead check-in\""
        ),
        "{errors}"
    );
}

#[test]
fn catalog_writes_each_sets_facts_from_the_set_and_check_then_keeps_them_true() {
    let example = std::fs::read_to_string("docs/example-set.json").unwrap();
    let before = r#"{"$schema": "x", "default": "example-team-lead", "sets": ["example.json"], "archive": []}"#;
    let path = catalog_folder("facts-written", before, &[("example.json", &example)]);
    let shown = path.to_str().unwrap();
    let out = altitude(&["catalog", shown]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{shown}: wrote the start-screen facts of 1 sets\n"));
    // The author's keys keep their order; each entry names its file first, then the facts.
    let written = std::fs::read_to_string(&path).unwrap();
    let expected = r#"{
  "$schema": "x",
  "default": "example-team-lead",
  "sets": [
    {
      "file": "example.json",
      "id": "example-team-lead",
      "title": "Team lead check-in",
      "summary": "A five-minute look at how you lead a small team.",
      "estimated_minutes": 5,
      "questions": 3
    }
  ],
  "archive": []
}
"#;
    assert_eq!(written, expected);
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "the file is written through a temporary one, which is gone: {leftovers:?}");
    assert_eq!(altitude(&["check", shown]).status.code(), Some(0));
    // Running it again changes nothing.
    let first = std::fs::read(&path).unwrap();
    assert_eq!(altitude(&["catalog", shown]).status.code(), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), first);

    // The set changes: check points at the facts that no longer hold, and catalog brings them up to date.
    std::fs::write(path.with_file_name("example.json"), example.replace("Team lead check-in", "Team lead review"))
        .unwrap();
    let out = altitude(&["check", shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(&format!(
            "{shown}:8:16: sets[0].title: the catalog says \"Team lead check-in\" but example.json has \"Team lead review\""
        )),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(altitude(&["catalog", shown]).status.code(), Some(0));
    assert_eq!(altitude(&["check", shown]).status.code(), Some(0));
}

/// The catalog is replaced as a file an author keeps: through a link to it, with its permissions,
/// and not at all when it is read-only.
#[cfg(unix)]
#[test]
fn catalog_replaces_the_file_a_link_names_keeps_its_permissions_and_refuses_a_read_only_one() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let example = std::fs::read_to_string("docs/example-set.json").unwrap();
    let before = r#"{"default": "example-team-lead", "sets": ["example.json"]}"#;
    let path = catalog_folder("facts-modes", before, &[("example.json", &example)]);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = path.with_file_name("linked.json");
    symlink("catalog.json", &link).unwrap();
    let out = altitude(&["catalog", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(
        std::fs::read_to_string(&path).unwrap().contains("\"estimated_minutes\": 5"),
        "the file it names is written"
    );
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600, "its permissions are kept");

    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let written = std::fs::read_to_string(&path).unwrap();
    let out = altitude(&["catalog", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot write") && text(&out.stderr).contains("permission denied"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written, "a read-only catalog is left as it was");
}

#[test]
fn catalog_writes_nothing_when_a_listed_set_has_problems() {
    let before = r#"{"default": "example-team-lead", "sets": ["missing.json"]}"#;
    let path = catalog_folder("facts-refused", before, &[]);
    let out = altitude(&["catalog", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(":1:43: sets[0]: cannot read "), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    let out = altitude(&["catalog", "docs/example-set.json"]);
    assert_eq!(out.status.code(), Some(1), "a set is not a catalog");
    assert!(
        text(&out.stderr).contains("is not a catalog (an object with \"sets\" or \"default\""),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(altitude(&["catalog"]).status.code(), Some(2));

    // Not JSON at all: the syntax error at its line and column, and the file left as it was.
    let broken = "{\n  \"default\": \"a\",\n  \"sets\": [\"a.json\",]\n}\n";
    let path = catalog_folder("facts-syntax", broken, &[]);
    let out = altitude(&["catalog", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(&format!("{}:3:", path.display())), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains("is not a catalog"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);

    // An archived version that does not load stops the rewrite too, at its place.
    let example = std::fs::read_to_string("docs/example-set.json").unwrap();
    let before = r#"{"default": "example-team-lead", "sets": ["example.json"], "archive": ["gone.json"]}"#;
    let path = catalog_folder("facts-archive", before, &[("example.json", &example)]);
    let out = altitude(&["catalog", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(" archive[0]: cannot read "), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn upgrade_prints_an_equivalent_format_2_set_with_the_same_verdicts() {
    let out = altitude(&["upgrade", "docs/example-set.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let upgraded: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(upgraded["format"], "altitude.question-set/2");
    assert_eq!(upgraded["gap_tolerance"], 100);
    assert_eq!(upgraded["roles"][0]["targets"]["delivery"], 60, "whole numbers stay whole");
    let path = temp_file("upgraded.json", &text(&out.stdout));
    let path = path.to_str().unwrap();
    assert!(text(&altitude(&["check", path]).stdout).contains("ok (format 2, 3 questions"));
    for role in ["team-lead", "senior-engineer"] {
        let score_with = |set: &str| {
            let out =
                altitude(&["score", "--set", set, "--answers", "tests/fixtures/example-answers.json", "--role", role]);
            assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
            text(&out.stdout)
        };
        assert_eq!(score_with(path), score_with("docs/example-set.json"), "the same report for {role}");
    }
    // Upgrading a format-2 set changes nothing; a set with problems is refused with them.
    let again = altitude(&["upgrade", path]);
    assert_eq!(text(&again.stdout), text(&out.stdout));
    let broken = temp_file("broken-upgrade.json", "{\"format\": \"altitude.question-set/1\"}");
    let out = altitude(&["upgrade", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(":1:1: id: the question set needs the key \"id\""), "{}", text(&out.stderr));
    assert_eq!(altitude(&["upgrade"]).status.code(), Some(2));
}

#[test]
fn upgrade_refuses_an_option_named_untested() {
    let set =
        std::fs::read_to_string("docs/example-set.json").unwrap().replace("{\"id\": \"a\",", "{\"id\": \"untested\",");
    let path = temp_file("untested-option.json", &set);
    let out = altitude(&["upgrade", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains(":28:15: questions[2].options[0].id: format 2 reserves"),
        "{}",
        text(&out.stderr)
    );
}

fn rater(relationship: &str, answers: &str) -> String {
    let document = format!(
        r#"{{"format": "altitude.result/1", "set": {{"id": "example-team-lead", "version": "2.0.0"}}, "role": "team-lead",
            "started_at": "2026-11-21T10:00:00Z", "completed_at": "2026-11-21T10:04:10Z", "answers": {answers},
            "rater": {{"relationship": "{relationship}", "for": "Sam"}}}}"#
    );
    let name = format!("rater-{relationship}-{}.json", answers.len());
    temp_file(&name, &document).to_str().unwrap().to_owned()
}

#[test]
fn score_with_others_adds_the_others_view() {
    let own = temp_file(
        "own-2.json",
        r#"{"format": "altitude.result/1", "set": {"id": "example-team-lead", "version": "2.0.0"}, "role": "team-lead",
            "started_at": "2026-11-21T10:00:00Z", "completed_at": "2026-11-21T10:04:10Z",
            "answers": {"d-1": 3, "d-2": "untested", "p-1": "c"}}"#,
    );
    // Own: delivery 50 from d-1 alone (d-2 untested is left out: coverage 0.5, the minimum); people 100.
    let manager = rater("manager", r#"{"d-1": 5, "d-2": "teams", "p-1": "a"}"#); // delivery 100, people 0
    let peer = rater("peer", r#"{"d-1": "untested", "d-2": "untested", "p-1": "b"}"#); // delivery null, people 40
    let out = altitude(&[
        "score",
        "--set",
        "docs/example-set-2.json",
        "--answers",
        own.to_str().unwrap(),
        "--others",
        &manager,
        &peer,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["dimensions"][0]["score"], 50.0);
    assert_eq!(report["dimensions"][0]["untested"], serde_json::json!(["d-2"]));
    assert_eq!(report["gap_tolerance"], 15.0);
    assert_eq!(
        report["others"],
        serde_json::json!({
            "raters": 2,
            "dimensions": [{"id": "delivery", "score": 100.0, "raters": 1}, {"id": "people", "score": 20.0, "raters": 2}],
            "by_relationship": {"manager": [{"id": "delivery", "score": 100.0, "raters": 1}, {"id": "people", "score": 0.0, "raters": 1}]},
            "blind_spots": ["people"],
            "hidden_strengths": ["delivery"],
            "ladders": {"above_others": [], "below_others": []}
        })
    );
    let without = altitude(&["score", "--set", "docs/example-set-2.json", "--answers", own.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&without.stdout).unwrap();
    assert!(report.get("others").is_none(), "no raters, no others block");

    // A rater's document without "rater", or with answers that do not fit, is located.
    let out = altitude(&[
        "score",
        "--set",
        "docs/example-set-2.json",
        "--answers",
        own.to_str().unwrap(),
        "--others",
        own.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(":1:1: rater: a rater's document needs"), "{}", text(&out.stderr));
    assert_eq!(
        altitude(&["score", "--set", "docs/example-set-2.json", "--answers", own.to_str().unwrap(), "--others"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn untested_answers_to_a_format_1_set_are_located_errors() {
    let answers = std::fs::read_to_string("tests/fixtures/example-answers.json")
        .unwrap()
        .replace("\"d-1\": 4", "\"d-1\": \"untested\"");
    let path = temp_file("untested-1.json", &answers);
    let out = altitude(&["score", "--set", "docs/example-set.json", "--answers", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(":7:22: answers.d-1: question \"d-1\": \"untested\""), "{}", text(&out.stderr));
}

#[test]
fn a_catalogs_archive_holds_earlier_versions_of_listed_sets_and_each_is_checked() {
    let example = std::fs::read_to_string("docs/example-set.json").unwrap();
    let older = example.replacen(r#""version": ""#, r#""version": "0."#, 1);
    assert_ne!(older, example, "the example states a version");
    let catalog = r#"{"default": "example-team-lead", "sets": ["example.json"], "archive": ["example-0.json"]}"#;
    let good = catalog_folder("archive-good", catalog, &[("example.json", &example), ("example-0.json", &older)]);
    let out = altitude(&["check", good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with(": ok (catalog, 1 sets, 1 archived, default example-team-lead)\n"));

    let same = catalog_folder("archive-same", catalog, &[("example.json", &example), ("example-0.json", &example)]);
    let out = altitude(&["check", same.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(":1:72: archive[0]: version"), "{}", text(&out.stderr));

    let broken = catalog_folder("archive-broken", catalog, &[("example.json", &example), ("example-0.json", "{")]);
    let out = altitude(&["check", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains(" archive[0]: "), "{}", text(&out.stderr));
}

#[test]
fn score_explain_says_each_verdict_and_its_reason_in_the_widgets_words() {
    let own = temp_file(
        "own-explain.json",
        r#"{"format": "altitude.result/1", "set": {"id": "example-team-lead", "version": "2.0.0"}, "role": "team-lead",
            "started_at": "2026-11-21T10:00:00Z", "completed_at": "2026-11-21T10:04:10Z",
            "answers": {"d-1": 5, "d-2": "teams", "p-1": "b"}, "context": {"organisation": "1-20"}}"#,
    );
    let out = altitude(&["score", "--set", "docs/example-set-2.json", "--answers", own.to_str().unwrap(), "--explain"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Delivery 100; people 40 (b): Senior Engineer (60, 40) ready; Team Lead (75, 70) short by 30 > 15.
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines[0], "Ready for Senior Engineer");
    assert_eq!(lines[1], "The verdict holds at an organisation of 1–20 engineers.");
    assert_eq!(lines[2], "Senior Engineer — ready");
    // People weighs 2: readiness 100 × (75 + 2 × 40) / (75 + 2 × 70) = 72.1, below 90 as well.
    assert_eq!(
        lines[3],
        "Team Lead — not yet: short in People by 30, mostly from your answer to “A teammate's reviews have become curt and others avoid asking them”; and readiness 72%, below the 90% needed"
    );
    let json = altitude(&["score", "--set", "docs/example-set-2.json", "--answers", own.to_str().unwrap()]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["context"], serde_json::json!({"organisation": "1-20"}));
    assert_eq!(report["dimensions"][1]["pulled_down_by"], serde_json::json!(["p-1"]));
}

/// A set built to be gamed (issue 27): no ladder, so claiming every good habit is the top role, and the
/// strongest option of every scenario the longest, in the first place.
fn gamed_set() -> String {
    let scenario = |id: &str, key: &str| {
        format!(
            r#"{{"id": "{id}", "dimension": "d", "kind": "choice", "text": "A release slips. What do you do?",
      "options": [{{"id": "a", "text": "{key}", "score": 1}},
                  {{"id": "b", "text": "Wait a week.", "score": 0.3}}, {{"id": "c", "text": "Escalate it.", "score": 0.5}}]}}"#
        )
    };
    let habit = |id: &str| {
        format!(r#"{{"id": "{id}", "dimension": "d", "kind": "likert", "text": "I wrote down what I decided."}}"#)
    };
    format!(
        r#"{{
  "format": "altitude.question-set/2", "id": "gamed", "version": "1", "title": "Gamed",
  "scale": {{"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Almost always"]}},
  "dimensions": [{{"id": "d", "name": "Delivery"}}],
  "roles": [{{"id": "lead", "name": "Lead", "stage": 1, "targets": {{"d": 50}}}},
            {{"id": "head", "name": "Head", "stage": 2, "targets": {{"d": 85}}}}],
  "questions": [
    {},
    {},
    {},
    {}
  ]
}}
"#,
        habit("h1"),
        scenario("s1", "Ask what is blocking them, then agree a new date."),
        scenario("s2", "Meet both leads, hear each side, and write down one plan."),
        scenario("s3", "Call the customer first and explain the trade-off in plain words.")
    )
}

#[test]
fn lint_warns_of_a_gamed_set_and_fails_it_only_when_strict() {
    let path = temp_file("gamed.json", &gamed_set());
    let path = path.to_str().unwrap();
    let out = altitude(&["lint", path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let overclaimer = "the overclaimer (every good habit and the strongest scenario option claimed, every ladder at its middle rung) is ready for Head, the top role: the set has no ladders (level questions), so nothing it asks weighs how far a person's work reaches";
    // The overclaimer at the first question; the key's give-aways at its text in the first scenario. The
    // habit left out as "doesn't apply", the scenarios alone (three quarters of the weight) make a Head.
    let key = "questions[1].options[0].text: in Delivery, the strongest option is";
    assert_eq!(
        stdout,
        format!(
            "{path}:8:5: questions[0]: {overclaimer}\n\
             {path}:10:39: {key} the longest in 3 of its 3 scenarios (s1, s2, s3): length gives the answer away\n\
             {path}:10:39: {key} the first option in 3 of its 3 scenarios (s1, s2, s3): vary its position\n\
             {path}: 3 warnings; who it calls ready (+ ready, - not yet, ? no verdict, for Lead, Head):\n  \
             strongest answers  ++  ready for Head\n  \
             weakest answers    --  ready for no role\n  \
             doesn't apply      ++  ready for Head\n  \
             middle             +-  ready for Lead\n  \
             overclaimer        ++  ready for Head\n"
        )
    );
    assert_eq!(altitude(&["lint", "--strict", path]).status.code(), Some(1));
    assert_eq!(altitude(&["lint", path, "--strict"]).status.code(), Some(1));
}

#[test]
fn lint_of_the_flagship_passes_strict_of_the_overclaimer() {
    let out = altitude(&["lint", "assessments/cto-readiness.json", "assessments/staff-engineer-readiness.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(!stdout.contains("the overclaimer ("), "{stdout}");
    assert!(stdout.contains("\n  overclaimer        +----  ready for Engineering Manager\n"), "{stdout}");
    assert!(stdout.contains("\n  strongest answers  +++++  ready for CTO\n"), "{stdout}");
    assert!(stdout.contains("assessments/staff-engineer-readiness.json: 0 warnings;"), "{stdout}");
    // The staff set has no warning at all: --strict passes it.
    assert_eq!(altitude(&["lint", "--strict", "assessments/staff-engineer-readiness.json"]).status.code(), Some(0));
}

#[test]
fn lint_prints_an_invalid_sets_problems_and_refuses_usage_errors() {
    let path = temp_file("lint-broken.json", "{\n  \"format\": \"altitude.question-set/2\",\n  \"id\": 3\n}");
    let out = altitude(&["lint", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains(&format!("{}:3:9: id: must be a string", path.display())),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(altitude(&["lint"]).status.code(), Some(2));
    assert_eq!(altitude(&["lint", "--strict"]).status.code(), Some(2));
    assert_eq!(altitude(&["lint", "--fix", "docs/example-set-2.json"]).status.code(), Some(2));
    assert_eq!(altitude(&["lint", "docs/example-set-2.json", "no/such.json"]).status.code(), Some(2));
    assert!(text(&altitude(&["--help"]).stdout).contains("altitude lint FILE... [--strict]"));
}

/// Issue 27, "done when": `altitude lint` and the workbench (`author::lint_json`, what its page calls) give
/// the same warnings, at the same places, for the same file.
#[test]
fn lint_and_the_workbench_give_the_same_warnings() {
    let gamed = temp_file("gamed-same.json", &gamed_set());
    // The bundled sets may have no warning left (the flagship and EM → HoE have none since issue 24's re-grade):
    // their respondents are still compared, and the gamed set and the example always have warnings to compare.
    for file in [
        gamed.to_str().unwrap(),
        "assessments/cto-readiness.json",
        "assessments/em-to-head-of-engineering.json",
        "assessments/tech-lead-to-engineering-manager.json",
        "docs/example-set.json",
    ] {
        let out = altitude(&["lint", file]);
        let report: serde_json::Value =
            serde_json::from_str(&altitude::author::lint_json(&std::fs::read(file).unwrap()).unwrap()).unwrap();
        let count = report["warnings"].as_array().unwrap().len();
        let printed: Vec<String> = text(&out.stdout).lines().take(count).map(str::to_owned).collect();
        let from_page: Vec<String> = report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                format!(
                    "{file}:{}:{}: {}: {}",
                    w["line"],
                    w["column"],
                    w["path"].as_str().unwrap(),
                    w["message"].as_str().unwrap()
                )
            })
            .collect();
        assert_eq!(printed, from_page, "{file}");
        assert!(!printed.is_empty() || file.starts_with("assessments/"), "{file}");
        // And the same verdicts: the table's marks are the report's.
        for respondent in report["respondents"].as_array().unwrap() {
            let marks: String = respondent["verdicts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| match v["verdict"].as_str().unwrap() {
                    "ready" => '+',
                    "not-enough-answers" => '?',
                    _ => '-',
                })
                .collect();
            let line = format!("  {:<18} {marks}  ", respondent["name"].as_str().unwrap());
            assert!(text(&out.stdout).contains(&line), "{file}: {line}");
        }
    }
}

/// Issue 26: a translation's skeleton, filled and checked like any other document.
fn translate(args: &[&str]) -> (Option<i32>, String, String) {
    let out = altitude(&[&["translate"], args].concat());
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

/// The example set's skeleton with every translation filled in.
fn filled_translation() -> String {
    let (_, skeleton, _) = translate(&["docs/example-set-2.json", "--to", "de"]);
    skeleton.replace("\"translation\": \"\"", "\"translation\": \"Übersetzt\"")
}

#[test]
fn translate_prints_a_skeleton_that_check_reads_against_its_set() {
    let (status, skeleton, summary) = translate(&["docs/example-set-2.json", "--to", "de"]);
    assert_eq!(status, Some(0), "{summary}");
    assert!(skeleton.starts_with("{\n  \"format\": \"altitude.translation/1\",\n  \"set\": {\n    \"id\": \"example-team-lead\",\n    \"version\": \"2.0.0\"\n  },\n  \"language\": \"de\",\n  \"strings\": [\n    {\n      \"place\": \"title\",\n      \"source\": \"Team lead check-in\",\n      \"translation\": \"\"\n    },"), "{skeleton}");
    assert!(skeleton.contains("\"place\": \"questions[p-1].options[c].text\","), "{skeleton}");
    assert_eq!(summary, "altitude: 38 strings of \"example-team-lead\" version 2.0.0 into \"de\": 0 carried over, 0 marked stale (previous_source), 38 to translate\n");

    let path = temp_file("skeleton.de.json", &skeleton);
    let path = path.to_str().unwrap();
    let out = altitude(&["check", "docs/example-set-2.json", path]);
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    let lines: Vec<&str> = errors.lines().collect();
    assert_eq!(lines[0], format!("{path}:12:22: strings[0].translation: not translated yet: \"Team lead check-in\""));
    assert_eq!(lines.len(), 39);
    assert_eq!(
        lines[38],
        format!("{path}: not complete and current: 0 of 38 strings current, 38 untranslated, 0 stale, 0 extra")
    );

    let filled = temp_file("filled.de.json", &filled_translation());
    let filled = filled.to_str().unwrap();
    // The translation may come before its set among the files.
    let out = altitude(&["check", filled, "docs/example-set-2.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{filled}: ok (translation of \"example-team-lead\" version 2.0.0 into \"de\", 38 strings, complete and current)\ndocs/example-set-2.json: ok (format 2, 3 questions, 2 dimensions, 2 roles)\n")
    );
}

#[test]
fn check_locates_a_translations_stale_missing_extra_and_misplaced_strings() {
    let translation = filled_translation()
        // Stale: the source is not the set's text any more.
        .replace("\"source\": \"Never\"", "\"source\": \"Not ever\"")
        // Extra: a question the set does not have.
        .replace("\"place\": \"questions[d-1].text\"", "\"place\": \"questions[d-9].text\"")
        // Wrong place: the text of another option.
        .replace("\"place\": \"questions[p-1].options[a].text\"", "\"place\": \"questions[p-1].options[b].text\"")
        .replace("\"version\": \"2.0.0\"", "\"version\": \"1.9.0\"");
    let path = temp_file("broken.de.json", &translation);
    let path = path.to_str().unwrap();
    let out = altitude(&["check", "docs/example-set-2.json", path]);
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    let expected = [
        format!("{path}:5:16: set.version: made for version 1.9.0 of \"example-team-lead\", and the set is version 2.0.0: a translation is current for the version it names; update it with altitude translate SET --to LANGUAGE --from THIS-FILE, which carries the translations over and marks the strings that changed"),
        format!("{path}:21:17: strings[2].source: stale: the set's text here is now \"Never\"; translate it, then copy it into \"source\""),
        format!("{path}:85:16: strings[15].place: the set has no string at questions[d-9].text, but this source is its text at questions[d-1].text: is that the place?"),
        format!("{path}:141:17: strings[26].source: this source is the set's text at questions[p-1].options[a].text, and the text at questions[p-1].options[b].text is \"Ask the team in the retrospective to be kinder in reviews.\": the entry belongs at questions[p-1].options[a].text"),
        format!("{path}:145:16: strings[27].place: questions[p-1].options[b].text is translated twice (first at strings[26]); keep one entry per place"),
        format!("{path}:8:14: strings: no entry for questions[d-1].text, the text \"In the last month I split a large piece of work so that two …\""),
        format!("{path}:8:14: strings: no entry for questions[p-1].options[a].text, the text \"Leave it; reviews are getting done.\""),
        format!("{path}: not complete and current: 34 of 38 strings current, 2 untranslated, 2 stale, 2 extra"),
    ];
    assert_eq!(errors.lines().collect::<Vec<_>>(), expected, "{errors}");
}

#[test]
fn a_translation_needs_its_set_among_the_files() {
    let path = temp_file("alone.de.json", &filled_translation());
    let path = path.to_str().unwrap();
    let out = altitude(&["check", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with(&format!("altitude: {path} is a translation of \"example-team-lead\" version 2.0.0, and no set of that id is among the files checked; give its set too: altitude check SET {path}")), "{}", text(&out.stderr));
}

#[test]
fn translate_from_an_earlier_translation_carries_it_over_and_marks_what_changed() {
    let earlier = temp_file("earlier.de.json", &filled_translation());
    let earlier = earlier.to_str().unwrap();
    let changed = std::fs::read_to_string("docs/example-set-2.json")
        .unwrap()
        .replace("\"version\": \"2.0.0\"", "\"version\": \"2.1.0\"")
        .replace("\"Never\"", "\"Not once\"");
    let set = temp_file("changed-set.json", &changed);
    let set = set.to_str().unwrap();
    // --to may be left out: the earlier translation's language is kept.
    let (status, skeleton, summary) = translate(&[set, "--from", earlier]);
    assert_eq!(status, Some(0), "{summary}");
    assert_eq!(summary, "altitude: 38 strings of \"example-team-lead\" version 2.1.0 into \"de\": 37 carried over, 1 marked stale (previous_source), 0 to translate\n");
    assert!(skeleton.contains("      \"place\": \"scale.labels[0]\",\n      \"previous_source\": \"Never\",\n      \"source\": \"Not once\",\n      \"translation\": \"Übersetzt\"\n"), "{skeleton}");
    let carried = temp_file("carried.de.json", &skeleton);
    let carried = carried.to_str().unwrap();
    let out = altitude(&["check", set, carried]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with(&format!("{carried}:21:26: strings[2].previous_source: stale: the source changed from \"Never\" to the text in \"source\"; check the translation against the change, then remove \"previous_source\"\n")), "{}", text(&out.stderr));

    // Usage: a language that is no tag, or another than the earlier translation's; another set's translation.
    let (status, _, errors) = translate(&["docs/example-set-2.json", "--to", "de_DE"]);
    assert_eq!(status, Some(2));
    assert!(errors.starts_with("altitude: --to \"de_DE\" is not a language tag"), "{errors}");
    let (status, _, errors) = translate(&["docs/example-set-2.json", "--to", "es", "--from", earlier]);
    assert_eq!(status, Some(1));
    assert!(
        errors.starts_with(&format!(
            "{earlier}:7:15: language: --from is a translation into \"de\", and --to asks for \"es\""
        )),
        "{errors}"
    );
    let other = temp_file("other-set.json", &changed.replace("\"example-team-lead\"", "\"another-set\""));
    let (status, _, errors) = translate(&[other.to_str().unwrap(), "--from", earlier]);
    assert_eq!(status, Some(1));
    assert!(
        errors.starts_with(&format!(
            "{earlier}:4:11: set.id: --from is a translation of \"example-team-lead\", not of \"another-set\""
        )),
        "{errors}"
    );
    let (status, _, errors) = translate(&["docs/example-set-2.json", "--to", "en"]);
    assert_eq!(status, Some(2));
    assert_eq!(
        errors,
        "altitude: docs/example-set-2.json is written in \"en\" already; translate it into another language\n"
    );
    let (status, _, _) = translate(&["docs/example-set-2.json"]);
    assert_eq!(status, Some(2));
}

#[test]
fn a_catalogs_translations_are_checked_in_their_own_files() {
    let set = std::fs::read_to_string("docs/example-set-2.json").unwrap();
    let catalog = r#"{"sets": ["team.json"], "translations": [
  {"file": "team.de.json", "set": "example-team-lead", "version": "2.0.0", "language": "de"}
]}"#;
    let path = catalog_folder("translated", catalog, &[("team.json", &set), ("team.de.json", &filled_translation())]);
    let path = path.to_str().unwrap();
    let out = altitude(&["check", path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{path}: ok (catalog, 1 sets, 1 translation, default none)\n"));

    // A stale string in the listed file, and an entry stating another language than its file's.
    let folder = std::path::Path::new(path).parent().unwrap();
    let stale = filled_translation().replace("\"source\": \"Never\"", "\"source\": \"Not ever\"");
    std::fs::write(folder.join("team.de.json"), stale).unwrap();
    std::fs::write(path, catalog.replace("\"language\": \"de\"", "\"language\": \"es\"")).unwrap();
    let out = altitude(&["check", path]);
    assert_eq!(out.status.code(), Some(1));
    let translation = folder.join("team.de.json").display().to_string();
    assert_eq!(
        text(&out.stderr).lines().collect::<Vec<_>>(),
        [
            format!("{path}:2:88: translations[0].language: the catalog says \"es\" but team.de.json has \"de\""),
            format!("{translation}:21:17: strings[2].source: stale: the set's text here is now \"Never\"; translate it, then copy it into \"source\""),
            format!("{translation}: not complete and current: 37 of 38 strings current, 0 untranslated, 1 stale, 0 extra"),
        ]
    );
}
