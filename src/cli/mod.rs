//! The `altitude` command-line tool: `check` question sets, catalogs and translations, `lint` sets
//! (who they would call ready, and what an author can act on), write a catalog's start-screen facts
//! (`catalog`), `score` result documents (with others' views), sum a group's results into a `team`
//! view, `upgrade` format-1 sets to format 2, and write a set's translation skeleton (`translate`,
//! in `translate.rs`). Problems and warnings are printed as
//! `FILE:LINE:COLUMN: path: message`.
//!
//! [`run`] takes the arguments and the two output streams, so tests drive it like a user would.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use crate::model::catalog::{looks_like_catalog, Catalog, SetFacts};
use crate::model::json::Json;
use crate::model::question_set::MAX_DOCUMENT_BYTES;
use crate::model::{json, locate, upgrade, Location, Problem, QuestionSet, Relationship, ResultDocument};
use crate::scoring::{others_view, score};
use crate::team::{gather, team_view, FileOutcome, DEFAULT_MIN_GROUP};
use crate::translation::looks_like_translation;

mod translate;

pub const USAGE: &str = "\
altitude — check Altitude question sets and score answers

Usage:
  altitude check FILE...
      Check each question set (format 1 or 2). Prints
      \"FILE: ok (format N, Q questions, D dimensions, R roles)\" for a valid one and
      \"FILE:LINE:COLUMN: path: message\" for each problem otherwise (the column
      in characters; a syntax error has no path). A catalog of sets
      (an object with \"sets\" or \"default\" and no \"format\", such as
      assessments/catalog.json) is checked as a catalog: every listed file exists
      and is a valid set, the default is one of them, and the start-screen facts
      an entry states are true, and the translations it lists (\"translations\":
      file, set, version, language) are those and are complete and current.
      A translation (altitude.translation/1) is checked against the set of its
      id among the FILEs (altitude check SET TRANSLATION...): every string of the
      set translated, from the set's current text, at a place the set has.
      Prints \"FILE: ok (translation of ...)\" or each problem, located, and a
      line counting the strings current, untranslated, stale and extra.
  altitude translate SET --to LANGUAGE [--from EARLIER]
      Print a translation skeleton of SET into LANGUAGE (a BCP 47 tag such as
      de or pt-BR): every string a person reads, at its place, with its source
      text and an empty translation. With --from, an earlier translation's
      strings are carried over; where the set's text has changed since, the
      translation is kept and marked stale (\"previous_source\": the text it was
      made from) for a translator to check. Write it to a new file, not over
      EARLIER (the shell empties a redirected file before it is read).
  altitude lint FILE... [--strict]
      Check how each valid question set scores: simulated respondents (the
      strongest answers, the weakest, \"doesn't apply\" wherever a habit or ladder
      allows it, the middle of every scale, and the overclaimer, who claims every
      good habit and the strongest scenario option but the middle rung of every
      ladder), with their verdict for each role, and warnings an author can act on
      (the overclaimer reaches the top role, the strongest answers do not, a target
      no answers reach, two roles with the same targets, a scenario key given away
      by its length, its position or its words, help that names an answer, a
      dimension too thin to measure). Prints \"FILE:LINE:COLUMN: path: warning\"
      for each warning, then the respondents' verdicts. A set with problems has
      them printed as check prints them. Exit status 0 unless --strict and there
      are warnings (then 1).
  altitude catalog FILE
      Rewrite the catalog FILE in place with each listed set as an object stating
      its start-screen facts (id, title, summary, estimated_minutes, questions),
      taken from the set, so the widget draws its start screen before the other sets
      load. Run it again whenever a set changes: check fails while they disagree.
      Nothing is written when the catalog or a set it lists has a problem.
  altitude score --set FILE --answers FILE [--others FILE...] [--role ID] [--explain]
      Score a result document (altitude.result/1) against its question set and print
      the score report as JSON. The role is --role, else the document's role, else
      the set's default role. --others takes raters' result documents (each with a
      \"rater\" object) or the reply files the widget saves for raters, and adds
      the others' view to the report. --explain prints instead, in words, what the
      widget says: the headline, each role's verdict with the reason that decided it,
      the facets the answers fit, and the ladders where others see another rung.
  altitude team --set FILE --role ID [--min-group K] RESULT...
      Print the team view (altitude.team/1) of the finished results that people
      exported and chose to send: per dimension the group's mean, median and how
      many are short of the role's target, within its tolerance or at it; how many
      are ready for each role; the team's focus. No person, file name, time or
      answer is in it. The same result given twice counts once. K is 3 unless
      given, and never less. Any file refused (not a result, another set, an
      unfinished result, a rater's view, answers that do not fit the set) is
      listed and no view is printed; so is a group smaller than K.
  altitude upgrade FILE
      Print a format-1 question set as the equivalent format-2 document
      (gap_tolerance 100, so its verdicts do not change).
  altitude --help | --version

Exit status: 0 all valid, 1 a set, catalog, translation or result document is invalid,
or a translation is not complete and current (or, with lint --strict, has warnings),
2 a usage error or a file that cannot be read.
";

/// Exit statuses, as the format's command-line contract defines them.
pub const OK: i32 = 0;
pub const INVALID: i32 = 1;
pub const USAGE_ERROR: i32 = 2;

/// Runs the tool with `args` (without the program name) and returns its exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("check") => check(&args[1..], out, err),
        Some("lint") => lint_command(&args[1..], out, err),
        Some("catalog") => catalog_command(&args[1..], out, err),
        Some("score") => score_command(&args[1..], out, err),
        Some("team") => team_command(&args[1..], out, err),
        Some("upgrade") => upgrade_command(&args[1..], out, err),
        Some("translate") => translate::translate_command(&args[1..], out, err),
        Some("--help" | "-h" | "help") => write!(out, "{USAGE}").map(|_| OK),
        Some("--version" | "-V") => writeln!(out, "altitude {}", env!("CARGO_PKG_VERSION")).map(|_| OK),
        Some(other) => usage_error(err, &format!("unknown command \"{other}\"")),
        None => usage_error(err, "no command given"),
    };
    // A closed output pipe (`altitude check ... | head`) is not worth a panic.
    result.unwrap_or(USAGE_ERROR)
}

fn usage_error(err: &mut dyn Write, message: &str) -> std::io::Result<i32> {
    writeln!(err, "altitude: {message}\n\n{USAGE}")?;
    Ok(USAGE_ERROR)
}

/// Reads a file, refusing one larger than `limit` bytes before reading it all.
/// The set in `file`, read and loaded, with its bytes (for locating what is said of it). When it
/// cannot be, the reason is written to `err` (a set that does not load, as its located problems)
/// and the exit status comes back instead: the one way `lint`, `team` and `translate` read a set.
fn load_set_file(file: &str, err: &mut dyn Write) -> std::io::Result<Result<(QuestionSet, Vec<u8>), i32>> {
    let bytes = match read_limited(file, MAX_DOCUMENT_BYTES) {
        Ok(bytes) => bytes,
        Err(message) => {
            writeln!(err, "altitude: {message}")?;
            return Ok(Err(USAGE_ERROR));
        }
    };
    match QuestionSet::load(&bytes) {
        Ok(set) => Ok(Ok((set, bytes))),
        Err(problems) => {
            print_problems(err, file, &bytes, &problems)?;
            Ok(Err(INVALID))
        }
    }
}

fn read_limited(path: &str, limit: usize) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read {path}: {}", describe_io(&e)))?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {path}: {}", describe_io(&e)))?;
    Ok(bytes)
}

fn describe_io(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        _ => error.to_string(),
    }
}

/// Prints each problem of the document `text` read from `file`, in the order found, as
/// `FILE:LINE:COLUMN: path: message` (the column in characters; no path for a syntax error or the
/// document itself), or `FILE:path: message` when the path is not in the text.
fn print_problems(err: &mut dyn Write, file: &str, text: &[u8], problems: &[Problem]) -> std::io::Result<()> {
    for line in located_problems(file, text, problems) {
        writeln!(err, "{line}")?;
    }
    Ok(())
}

/// The lines [`print_problems`] prints.
fn located_problems(file: &str, text: &[u8], problems: &[Problem]) -> Vec<String> {
    let spans = locate::problem_spans(text, problems);
    problems.iter().zip(spans).map(|(problem, span)| located(file, problem, span.map(|s| s.start))).collect()
}

/// One problem as `FILE:LINE:COLUMN: path: message`.
fn located(file: &str, problem: &Problem, at: Option<locate::Position>) -> String {
    format!("{file}:{}", placed(problem, at))
}

/// One problem as `LINE:COLUMN: path: message` (without a path for a syntax error or the document
/// itself), or `path: message` when it has no place in the text.
fn placed(problem: &Problem, at: Option<locate::Position>) -> String {
    match (&problem.location, at) {
        (Location::Path(path), Some(at)) if !path.is_empty() => {
            format!("{}:{}: {path}: {}", at.line, at.column, problem.message)
        }
        (_, Some(at)) => format!("{}:{}: {}", at.line, at.column, problem.message),
        (location, None) => format!("{location}: {}", problem.message),
    }
}

/// A file given to `check`, read and sorted by what it says it is.
enum Given {
    Unreadable(String),
    Catalog(Json),
    Translation(Json),
    /// Boxed: a set is ten times the size of the others.
    Set(Box<Result<QuestionSet, Vec<Problem>>>),
}

fn check(files: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    if files.is_empty() {
        return usage_error(err, "check needs at least one FILE");
    }
    // Every file is read first, so a translation finds its set wherever it stands among the files.
    let read: Vec<(Vec<u8>, Given)> = files
        .iter()
        .map(|file| match read_limited(file, MAX_DOCUMENT_BYTES) {
            Err(message) => (Vec::new(), Given::Unreadable(message)),
            Ok(bytes) => {
                let checked = match json::parse(&bytes) {
                    Ok(tree) if looks_like_catalog(&tree) => Given::Catalog(tree),
                    Ok(tree) if looks_like_translation(&tree) => Given::Translation(tree),
                    _ => Given::Set(Box::new(QuestionSet::load(&bytes))),
                };
                (bytes, checked)
            }
        })
        .collect();
    let sets: Vec<&QuestionSet> = read
        .iter()
        .filter_map(|(_, checked)| if let Given::Set(set) = checked { set.as_ref().as_ref().ok() } else { None })
        .collect();
    let mut status = OK;
    for (file, (bytes, checked)) in files.iter().zip(&read) {
        let file_status = match checked {
            Given::Unreadable(message) => {
                writeln!(err, "altitude: {message}")?;
                USAGE_ERROR
            }
            Given::Catalog(tree) => check_catalog(file, bytes, tree, out, err)?,
            Given::Translation(tree) => translate::check_translation(file, bytes, tree, &sets, out, err)?,
            Given::Set(set) => check_set(file, bytes, set, out, err)?,
        };
        status = status.max(file_status);
    }
    Ok(status)
}

fn check_set(
    file: &str,
    bytes: &[u8],
    set: &Result<QuestionSet, Vec<Problem>>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    match set {
        Ok(set) => {
            writeln!(
                out,
                "{file}: ok (format {}, {} questions, {} dimensions, {} roles)",
                set.format,
                set.questions.len(),
                set.dimensions.len(),
                set.roles.len()
            )?;
            Ok(OK)
        }
        Err(problems) => {
            print_problems(err, file, bytes, problems)?;
            Ok(INVALID)
        }
    }
}

/// `altitude lint FILE... [--strict]`: each set's warnings, located, and its simulated respondents'
/// verdicts; an invalid set's problems as `check` prints them.
fn lint_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let mut strict = false;
    let mut files = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--strict" => strict = true,
            option if option.starts_with("--") => return usage_error(err, &format!("lint does not take \"{option}\"")),
            file => files.push(file),
        }
    }
    if files.is_empty() {
        return usage_error(err, "lint needs at least one FILE");
    }
    let mut status = OK;
    for file in files {
        let (set, bytes) = match load_set_file(file, err)? {
            Ok(loaded) => loaded,
            Err(failed) => {
                status = status.max(failed);
                continue;
            }
        };
        let respondents = crate::lint::respondents(&set);
        let warnings = crate::lint::warnings(&set, &respondents);
        for line in lint_lines(file, &bytes, &set, &warnings) {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "{}", respondents_table(file, &set, &warnings, &respondents))?;
        if strict && !warnings.is_empty() {
            status = status.max(INVALID);
        }
    }
    Ok(status)
}

/// Each warning as `FILE:LINE:COLUMN: path: warning`, at the place [`crate::lint::Warning::path`] names.
fn lint_lines(file: &str, text: &[u8], set: &QuestionSet, warnings: &[crate::lint::Warning]) -> Vec<String> {
    warnings
        .iter()
        .map(|warning| {
            let path = warning.path(set);
            match locate::position_of(text, &path) {
                Some(at) => format!("{file}:{}:{}: {path}: {}", at.line, at.column, warning.message(set)),
                None => format!("{file}:{path}: {}", warning.message(set)),
            }
        })
        .collect()
}

/// The simulated respondents' verdicts, one line each: a mark per role from the lowest stage up
/// (`+` ready, `-` not yet, `?` no verdict: not enough answers) and the highest role it is ready for.
fn respondents_table(
    file: &str,
    set: &QuestionSet,
    warnings: &[crate::lint::Warning],
    respondents: &[crate::lint::Simulated],
) -> String {
    use crate::scoring::Verdict;
    let roles: Vec<&str> = set.roles_by_stage().into_iter().map(|r| set.roles[r].name.as_str()).collect();
    let count = match warnings.len() {
        1 => "1 warning".to_owned(),
        n => format!("{n} warnings"),
    };
    let mut lines = vec![format!(
        "{file}: {count}; who it calls ready (+ ready, - not yet, ? no verdict, for {}):",
        roles.join(", ")
    )];
    let width = respondents.iter().map(|r| r.respondent.name().chars().count()).max().unwrap_or(0);
    for simulated in respondents {
        let marks: String = simulated
            .verdicts
            .iter()
            .map(|(_, verdict)| match verdict {
                Verdict::Ready => '+',
                Verdict::NotEnoughAnswers { .. } => '?',
                _ => '-',
            })
            .collect();
        let ready_for = match simulated.ready_for() {
            Some(role) => format!("ready for {}", set.roles[role].name),
            None if simulated.verdicts.iter().all(|(_, v)| matches!(v, Verdict::NotEnoughAnswers { .. })) => {
                "no verdict".to_owned()
            }
            None => "ready for no role".to_owned(),
        };
        let name = simulated.respondent.name();
        let pad = " ".repeat(width - name.chars().count());
        lines.push(format!("  {name}{pad}  {marks}  {ready_for}"));
    }
    lines.join("\n")
}

/// Checks a catalog: its shape, then every set it lists (relative to the catalog's folder), then the
/// default and the facts it states against those sets.
fn check_catalog(
    file: &str,
    bytes: &[u8],
    tree: &crate::model::json::Json,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let catalog = match Catalog::from_tree(tree) {
        Ok(catalog) => catalog,
        Err(problems) => {
            print_problems(err, file, bytes, &problems)?;
            return Ok(INVALID);
        }
    };
    let (sets, archived, mut problems) = read_catalog_sets(file, &catalog);
    let listed = crate::translation::catalog::listed(tree).unwrap_or_else(|shape| {
        problems.extend(shape);
        Vec::new()
    });
    let every_set: Vec<&QuestionSet> = sets.iter().chain(&archived).flatten().collect();
    let translations = translate::check_listed(file, &listed, &every_set);
    problems.extend(translations.catalog_problems);
    if !problems.is_empty() || !translations.file_problems.is_empty() {
        print_problems(err, file, bytes, &problems)?;
        for line in &translations.file_problems {
            writeln!(err, "{line}")?;
        }
        return Ok(INVALID);
    }
    let count = |n: usize, what: &str| if n == 0 { String::new() } else { format!(", {n} {what}") };
    writeln!(
        out,
        "{file}: ok (catalog, {} sets{}{}, default {})",
        catalog.sets.len(),
        count(catalog.archive.len(), "archived"),
        count(listed.len(), if listed.len() == 1 { "translation" } else { "translations" }),
        catalog.default.as_deref().unwrap_or("none")
    )?;
    Ok(OK)
}

/// The sets a catalog lists and those it archives (each `None` where it did not load), in catalog
/// order, and every problem found with them.
type CatalogSets = (Vec<Option<QuestionSet>>, Vec<Option<QuestionSet>>, Vec<Problem>);

/// Reads every set a catalog lists and its archive (relative to the catalog's folder), and checks
/// them against it.
fn read_catalog_sets(file: &str, catalog: &Catalog) -> CatalogSets {
    let folder = Path::new(file).parent().unwrap_or(Path::new(""));
    let mut problems = Vec::new();
    // Reads the set at `listed` (relative to the catalog), or notes why not at `location`.
    let mut read_set = |listed: &str, location: String| {
        let shown = folder.join(listed).display().to_string();
        let problem =
            |kind, message: String| Problem { location: crate::model::Location::Path(location), kind, message };
        match read_limited(&shown, MAX_DOCUMENT_BYTES) {
            Err(message) => {
                problems.push(problem(crate::model::ProblemKind::UnknownReference, message));
                None
            }
            Ok(bytes) => match QuestionSet::load(&bytes) {
                Ok(set) => Some(set),
                Err(set_problems) => {
                    let at = locate::problem_spans(&bytes, &set_problems[..1.min(set_problems.len())]);
                    let first = set_problems
                        .first()
                        .map(|p| placed(p, at.first().copied().flatten().map(|s| s.start)))
                        .unwrap_or_default();
                    problems.push(problem(
                        crate::model::ProblemKind::Inconsistent,
                        format!(
                            "{shown} is not a valid question set ({} problems, the first: {first}); run altitude check {shown}",
                            set_problems.len()
                        ),
                    ));
                    None
                }
            },
        }
    };
    let index = crate::model::reader::index;
    let sets: Vec<Option<QuestionSet>> =
        catalog.sets.iter().enumerate().map(|(i, entry)| read_set(&entry.file, index("sets", i))).collect();
    let archived: Vec<Option<QuestionSet>> =
        catalog.archive.iter().enumerate().map(|(i, listed)| read_set(listed, index("archive", i))).collect();
    // An archived set is an earlier version of a listed set, and each version is there once.
    let mut versions: Vec<(&str, &str)> = sets.iter().flatten().map(|s| (s.id.as_str(), s.version.as_str())).collect();
    for (i, set) in archived.iter().enumerate() {
        let Some(set) = set else { continue };
        let message = if !sets.iter().flatten().any(|listed| listed.id == set.id) {
            format!("\"{}\" is not the id of a listed set; the archive keeps earlier versions of listed sets", set.id)
        } else if versions.contains(&(set.id.as_str(), set.version.as_str())) {
            format!("version {} of \"{}\" is already listed", set.version, set.id)
        } else {
            versions.push((&set.id, &set.version));
            continue;
        };
        problems.push(Problem {
            location: crate::model::Location::Path(index("archive", i)),
            kind: crate::model::ProblemKind::Inconsistent,
            message,
        });
    }
    let loaded: Vec<Option<&QuestionSet>> = sets.iter().map(Option::as_ref).collect();
    problems.extend(catalog.check_sets(&loaded));
    (sets, archived, problems)
}

/// `altitude catalog FILE`: rewrites the catalog with every entry stating its set's start-screen
/// facts, taken from the set itself; the rest of the document (`$schema`, the default, the archive)
/// stays as it was. Refuses, writing nothing, when the catalog or a set it lists has a problem
/// other than facts that no longer hold.
fn catalog_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let [file] = args else { return usage_error(err, "catalog takes exactly one FILE") };
    let bytes = match read_limited(file, MAX_DOCUMENT_BYTES) {
        Ok(bytes) => bytes,
        Err(message) => {
            writeln!(err, "altitude: {message}")?;
            return Ok(USAGE_ERROR);
        }
    };
    let tree = match crate::model::problem::parse_document(&bytes, MAX_DOCUMENT_BYTES, || {
        format!("{file} is over {MAX_DOCUMENT_BYTES} bytes")
    }) {
        Ok(tree) if looks_like_catalog(&tree) => tree,
        Ok(_) => {
            let what = "an object with \"sets\" or \"default\", and no \"format\" (that is a question set's)";
            writeln!(err, "altitude: {file} is not a catalog ({what})")?;
            return Ok(INVALID);
        }
        // Not JSON: the syntax error at its line and column.
        Err(problems) => {
            print_problems(err, file, &bytes, &problems)?;
            return Ok(INVALID);
        }
    };
    let mut catalog = match Catalog::from_tree(&tree) {
        Ok(catalog) => catalog,
        Err(problems) => {
            print_problems(err, file, &bytes, &problems)?;
            return Ok(INVALID);
        }
    };
    // The facts stated now are about to be replaced: only the other problems stop the rewrite.
    for entry in &mut catalog.sets {
        entry.facts = None;
    }
    let (sets, _, problems) = read_catalog_sets(file, &catalog);
    if !problems.is_empty() {
        print_problems(err, file, &bytes, &problems)?;
        return Ok(INVALID);
    }
    let entries: Vec<Json> = catalog
        .sets
        .iter()
        .zip(sets.iter().flatten())
        .map(|(entry, set)| SetFacts::of(set).entry(&entry.file))
        .collect();
    let count = entries.len();
    let Json::Object(mut pairs) = tree else { return Ok(INVALID) };
    if let Some((_, listed)) = pairs.iter_mut().find(|(key, _)| key == "sets") {
        *listed = Json::Array(entries);
    }
    let text = json::pretty(&json::compact(&Json::Object(pairs))) + "\n";
    if let Err(error) = replace_file(Path::new(file), &text) {
        writeln!(err, "altitude: cannot write {file}: {}", describe_io(&error))?;
        return Ok(USAGE_ERROR);
    }
    writeln!(out, "{file}: wrote the start-screen facts of {count} sets")?;
    Ok(OK)
}

/// Writes `text` over the file at `path` whole or not at all: into a new file beside it, flushed to
/// disk, then renamed over it, so a full disk or a crash mid-write leaves the author's file as it
/// was. A symbolic link is followed (the file it names is replaced, the link stays), the file keeps
/// its permissions, and a read-only file is refused, as a plain write would refuse it.
fn replace_file(path: &Path, text: &str) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let permissions = std::fs::metadata(&target)?.permissions();
    if permissions.readonly() {
        return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only"));
    }
    let name = target.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = target.with_file_name(format!(".{name}.altitude-{}.tmp", std::process::id()));
    // create_new: never through a file or link that is already there.
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&temporary)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.set_permissions(permissions))
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temporary, &target));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn upgrade_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let [file] = args else { return usage_error(err, "upgrade takes exactly one FILE") };
    let bytes = match read_limited(file, MAX_DOCUMENT_BYTES) {
        Ok(bytes) => bytes,
        Err(message) => {
            writeln!(err, "altitude: {message}")?;
            return Ok(USAGE_ERROR);
        }
    };
    match upgrade::upgrade(&bytes) {
        Ok(text) => {
            writeln!(out, "{text}")?;
            Ok(OK)
        }
        Err(problems) => {
            print_problems(err, file, &bytes, &problems)?;
            Ok(INVALID)
        }
    }
}

struct ScoreArgs {
    set: String,
    answers: String,
    others: Vec<String>,
    role: Option<String>,
    /// Print the verdicts in words instead of the JSON report.
    explain: bool,
}

fn parse_score_args(args: &[String]) -> Result<ScoreArgs, String> {
    let (mut set, mut answers, mut role) = (None, None, None);
    let mut others = Vec::new();
    let mut in_others = false;
    let mut explain = false;
    let mut rest = args.iter().peekable();
    while let Some(arg) = rest.next() {
        // After --others, every argument up to the next option is a rater's file.
        if in_others && !arg.starts_with("--") {
            others.push(arg.clone());
            continue;
        }
        in_others = false;
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        if name == "--explain" && inline.is_none() {
            explain = true;
            continue;
        }
        if name == "--others" {
            match inline {
                Some(value) => others.push(value),
                None if rest.peek().is_some_and(|next| !next.starts_with("--")) => in_others = true,
                None => return Err("--others needs at least one FILE".to_owned()),
            }
            continue;
        }
        let slot = match name {
            "--set" => &mut set,
            "--answers" => &mut answers,
            "--role" => &mut role,
            other => return Err(format!("score does not take \"{other}\"")),
        };
        fill_option(slot, name, inline, &mut rest)?;
    }
    Ok(ScoreArgs {
        set: set.ok_or("score needs --set FILE")?,
        answers: answers.ok_or("score needs --answers FILE")?,
        others,
        role,
        explain,
    })
}

fn score_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let args = match parse_score_args(args) {
        Ok(args) => args,
        Err(message) => return usage_error(err, &message),
    };
    let (set_bytes, answer_bytes) =
        match (read_limited(&args.set, MAX_DOCUMENT_BYTES), read_limited(&args.answers, MAX_DOCUMENT_BYTES)) {
            (Ok(s), Ok(a)) => (s, a),
            (Err(message), _) | (_, Err(message)) => {
                writeln!(err, "altitude: {message}")?;
                return Ok(USAGE_ERROR);
            }
        };
    let set = QuestionSet::load(&set_bytes);
    let document = ResultDocument::parse(&answer_bytes);
    let (set, document) = match (set, document) {
        (Ok(set), Ok(document)) => (set, document),
        (set, document) => {
            if let Err(problems) = set {
                print_problems(err, &args.set, &set_bytes, &problems)?;
            }
            if let Err(problems) = document {
                print_problems(err, &args.answers, &answer_bytes, &problems)?;
            }
            return Ok(INVALID);
        }
    };
    let responses = match document.responses(&set) {
        Ok(responses) => responses,
        Err(problems) => {
            print_problems(err, &args.answers, &answer_bytes, &problems)?;
            return Ok(INVALID);
        }
    };
    let role_id = args.role.as_deref().unwrap_or(&document.role);
    let Some(role) = set.role_index(role_id) else {
        let roles: Vec<&str> = set.roles.iter().map(|r| r.id.as_str()).collect();
        writeln!(
            err,
            "altitude: --role \"{role_id}\" is not a role of {}; the roles are: {}",
            args.set,
            roles.join(", ")
        )?;
        return Ok(USAGE_ERROR);
    };
    let mut raters = Vec::with_capacity(args.others.len());
    let mut invalid = false;
    for file in &args.others {
        let bytes = match read_limited(file, MAX_DOCUMENT_BYTES) {
            Ok(bytes) => bytes,
            Err(message) => {
                writeln!(err, "altitude: {message}")?;
                return Ok(USAGE_ERROR);
            }
        };
        match read_rater(&bytes, &set) {
            Ok(rater) => raters.push(rater),
            Err(problems) => {
                print_problems(err, file, &bytes, &problems)?;
                invalid = true;
            }
        }
    }
    if invalid {
        return Ok(INVALID);
    }
    let report = score(&set, &responses, role).with_context(document.context);
    let others = (!raters.is_empty()).then(|| others_view(&set, &report, &responses, &raters));
    let text = match (&others, args.explain) {
        (_, true) => explain(&set, &report, &responses, others.as_ref()),
        (None, false) => report.to_json(&set),
        (Some(others), false) => report.to_json_with_others(&set, others),
    };
    writeln!(out, "{text}")?;
    Ok(OK)
}

/// The report in the widget's words, line by line: what `score --explain` prints.
fn explain(
    set: &QuestionSet,
    report: &crate::scoring::Report,
    responses: &crate::model::Responses,
    others: Option<&crate::scoring::OthersView>,
) -> String {
    use crate::scoring::verdict::{at_organisation, headline, Verdict};
    let verdicts = Verdict::for_each_role(set, responses, report);
    let mut lines = vec![headline(set, responses, &verdicts, report)];
    if let Some(organisation) = report.context.organisation {
        lines.push(format!("The verdict holds {}.", at_organisation(organisation)));
    }
    for (role, verdict) in &verdicts {
        lines.push(format!("{} — {}", set.roles[*role].name, verdict.sentence_for(set, responses)));
    }
    if !report.fit.is_empty() {
        lines.push(crate::scoring::verdict::fit_sentence(set, report));
    }
    if let Some(others) = others {
        let ids = |list: &[usize]| list.iter().map(|&q| set.questions[q].id.as_str()).collect::<Vec<_>>().join(", ");
        if !others.above_others.is_empty() {
            lines.push(format!("A rung above what others see: {}", ids(&others.above_others)));
        }
        if !others.below_others.is_empty() {
            lines.push(format!("A rung below what others see: {}", ids(&others.below_others)));
        }
    }
    lines.join("\n")
}

/// A rater's document: a result document for the same set, with a `rater` object, or a reply file
/// that holds one under `result` (its problems then at their place in the reply).
fn read_rater(bytes: &[u8], set: &QuestionSet) -> Result<(Relationship, crate::model::Responses), Vec<Problem>> {
    let document = crate::others::rater_document(bytes)?;
    let Some(rater) = &document.rater else {
        return Err(vec![Problem {
            location: Location::Path("rater".to_owned()),
            kind: crate::model::ProblemKind::MissingKey,
            message: "a rater's document needs \"rater\": {\"relationship\": \"manager\" | \"peer\" | \"report\" | \"other\"}"
                .to_owned(),
        }]);
    };
    let responses = document.responses(set).map_err(|problems| {
        let is_reply = matches!(json::parse(bytes), Ok(Json::Object(pairs))
            if pairs.iter().any(|(key, value)| key == "format" && *value == Json::String(crate::others::REPLY_FORMAT.to_owned())));
        if !is_reply {
            return problems;
        }
        // The answers are checked as a result document; in a reply file, that document is `result`.
        let within = |location| match location {
            Location::Path(path) => Location::Path(crate::model::reader::join("result", &path)),
            other => other,
        };
        problems.into_iter().map(|p| Problem { location: within(p.location), ..p }).collect()
    })?;
    Ok((rater.relationship, responses))
}

/// Fills an option's `slot` with its value (`--name=value`, or the next argument), once only: the
/// one rule `score`, `team` and `translate` read their options by.
fn fill_option<'a>(
    slot: &mut Option<String>,
    name: &str,
    inline: Option<String>,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<(), String> {
    let value = match inline {
        Some(value) => value,
        None => rest.next().cloned().ok_or_else(|| format!("{name} needs a value"))?,
    };
    if slot.replace(value).is_some() {
        return Err(format!("{name} is given twice"));
    }
    Ok(())
}

struct TeamArgs {
    set: String,
    role: String,
    min_group: usize,
    results: Vec<String>,
}

/// The arguments that are not options, and the value of each option in `names` in its order
/// (`--name=value` or `--name value`, each at most once): the one reader of `team` and `translate`,
/// whose options all take a value.
fn options(command: &str, args: &[String], names: &[&str]) -> Result<(Vec<String>, Vec<Option<String>>), String> {
    let (mut positional, mut values) = (Vec::new(), vec![None; names.len()]);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if !arg.starts_with("--") {
            positional.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let Some(at) = names.iter().position(|known| *known == name) else {
            return Err(format!("{command} does not take \"{name}\""));
        };
        fill_option(&mut values[at], name, inline, &mut rest)?;
    }
    Ok((positional, values))
}

fn parse_team_args(args: &[String]) -> Result<TeamArgs, String> {
    let (results, values) = options("team", args, &["--set", "--role", "--min-group"])?;
    let mut values = values.into_iter();
    let (set, role, min_group) = (values.next().flatten(), values.next().flatten(), values.next().flatten());
    let min_group = match min_group {
        None => DEFAULT_MIN_GROUP,
        Some(text) => match text.parse::<usize>() {
            Ok(k) if k >= DEFAULT_MIN_GROUP => k,
            _ => {
                return Err(format!(
                    "--min-group \"{text}\" is refused: a team view needs a group of at least {DEFAULT_MIN_GROUP}, so no one can be picked out"
                ))
            }
        },
    };
    if results.is_empty() {
        return Err("team needs the RESULT files to read".to_owned());
    }
    Ok(TeamArgs {
        set: set.ok_or("team needs --set FILE")?,
        role: role.ok_or("team needs --role ID (the role the team is measured against)")?,
        min_group,
        results,
    })
}

fn team_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let args = match parse_team_args(args) {
        Ok(args) => args,
        Err(message) => return usage_error(err, &message),
    };
    let (set, _) = match load_set_file(&args.set, err)? {
        Ok(loaded) => loaded,
        Err(status) => return Ok(status),
    };
    let mut files = Vec::with_capacity(args.results.len());
    for file in &args.results {
        match read_limited(file, MAX_DOCUMENT_BYTES) {
            Ok(bytes) => files.push(bytes),
            Err(message) => {
                writeln!(err, "altitude: {message}")?;
                return Ok(USAGE_ERROR);
            }
        }
    }
    let Some(role) = set.role_index(&args.role) else {
        let roles: Vec<&str> = set.roles.iter().map(|r| r.id.as_str()).collect();
        writeln!(
            err,
            "altitude: --role \"{}\" is not a role of {}; the roles are: {}",
            args.role,
            args.set,
            roles.join(", ")
        )?;
        return Ok(USAGE_ERROR);
    };
    let gathered = gather(&set, files.iter().map(Vec::as_slice));
    let mut refused = false;
    for ((file, bytes), outcome) in args.results.iter().zip(&files).zip(&gathered.files) {
        if let FileOutcome::Refused(refusal) = outcome {
            print_problems(err, file, bytes, &refusal.problems(&set))?;
            refused = true;
        }
    }
    if refused {
        return Ok(INVALID);
    }
    for (file, outcome) in args.results.iter().zip(&gathered.files) {
        if let FileOutcome::Duplicate(earlier) = outcome {
            writeln!(err, "altitude: {file} is the same result as {}: counted once", args.results[*earlier])?;
        }
    }
    match team_view(&set, role, args.min_group, &gathered) {
        Ok(view) => {
            writeln!(out, "{}", view.to_json(&set))?;
            Ok(OK)
        }
        Err(no_view) => {
            writeln!(err, "altitude: {} ({} read)", no_view.sentence(), gathered.people.len())?;
            Ok(INVALID)
        }
    }
}
