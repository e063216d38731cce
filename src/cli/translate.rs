//! The tool's side of translations (issue 26): `altitude translate` writes a skeleton to fill in,
//! `altitude check` reads a translation against its set, and a catalog's check reads the
//! translations it lists. The rules themselves are [`crate::translation`]'s.

use std::io::Write;
use std::path::Path;

use super::{
    load_set_file, located_problems, options, print_problems, read_limited, usage_error, INVALID, OK, USAGE_ERROR,
};
use crate::model::json::Json;
use crate::model::question_set::{is_language_tag, MAX_DOCUMENT_BYTES};
use crate::model::{Location, Problem, ProblemKind, QuestionSet};
use crate::translation::catalog::{differences, ListedTranslation};
use crate::translation::{check, skeleton, Checked, Translation};

struct TranslateArgs {
    set: String,
    to: Option<String>,
    from: Option<String>,
}

fn parse_translate_args(args: &[String]) -> Result<TranslateArgs, String> {
    let (sets, values) = options("translate", args, &["--to", "--from"])?;
    let mut values = values.into_iter();
    let (to, from) = (values.next().flatten(), values.next().flatten());
    let [set] = <[String; 1]>::try_from(sets).map_err(|_| "translate takes exactly one SET".to_owned())?;
    if to.is_none() && from.is_none() {
        return Err(
            "translate needs --to LANGUAGE (or --from an earlier translation, whose language it keeps)".to_owned()
        );
    }
    if let Some(tag) = to.as_deref().filter(|tag| !is_language_tag(tag)) {
        return Err(format!(
            "--to \"{tag}\" is not a language tag; use a BCP 47 tag such as \"de\", \"es\" or \"pt-BR\""
        ));
    }
    Ok(TranslateArgs { set, to, from })
}

/// A problem at `path` of a document.
fn problem_at(path: &str, kind: ProblemKind, message: String) -> Problem {
    Problem { location: Location::Path(path.to_owned()), kind, message }
}

/// `altitude translate SET --to LANGUAGE [--from EARLIER]`: prints a translation skeleton of the set,
/// and on standard error what it carried over from the earlier translation.
pub(super) fn translate_command(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let args = match parse_translate_args(args) {
        Ok(args) => args,
        Err(message) => return usage_error(err, &message),
    };
    let (set, _) = match load_set_file(&args.set, err)? {
        Ok(loaded) => loaded,
        Err(status) => return Ok(status),
    };
    let earlier = match &args.from {
        None => None,
        Some(file) => match read_earlier(file, &set, args.to.as_deref(), err)? {
            Ok(earlier) => Some(earlier),
            Err(status) => return Ok(status),
        },
    };
    let language = args.to.as_deref().or(earlier.as_ref().map(|t| t.language.as_str())).unwrap_or_default().to_owned();
    if language.eq_ignore_ascii_case(&set.language) {
        writeln!(
            err,
            "altitude: {} is written in \"{}\" already; translate it into another language",
            args.set, set.language
        )?;
        return Ok(USAGE_ERROR);
    }
    let made = skeleton(&set, &language, earlier.as_ref());
    writeln!(out, "{}", made.translation.to_json())?;
    let total = made.translation.strings.len();
    let to_translate = total - made.carried - made.marked_stale;
    writeln!(
        err,
        "altitude: {total} strings of \"{}\" version {} into \"{language}\": {} carried over, {} marked stale (previous_source), {to_translate} to translate",
        set.id, set.version, made.carried, made.marked_stale
    )?;
    if !made.dropped.is_empty() {
        writeln!(
            err,
            "altitude: left out {} strings the set no longer has: {}",
            made.dropped.len(),
            made.dropped.join(", ")
        )?;
    }
    Ok(OK)
}

/// The earlier translation `--from` names, when it is one of this set and into the language asked
/// for; otherwise its problems are printed and the exit status returned.
fn read_earlier(
    file: &str,
    set: &QuestionSet,
    to: Option<&str>,
    err: &mut dyn Write,
) -> std::io::Result<Result<Translation, i32>> {
    let bytes = match read_limited(file, MAX_DOCUMENT_BYTES) {
        Ok(bytes) => bytes,
        Err(message) => {
            writeln!(err, "altitude: {message}")?;
            return Ok(Err(USAGE_ERROR));
        }
    };
    let problems = match Translation::parse(&bytes) {
        Err(problems) => problems,
        Ok(earlier) => {
            let mut problems = Vec::new();
            if earlier.set_id != set.id {
                let message = format!("--from is a translation of \"{}\", not of \"{}\"", earlier.set_id, set.id);
                problems.push(problem_at("set.id", ProblemKind::WrongSet, message));
            }
            if let Some(to) = to.filter(|to| !to.eq_ignore_ascii_case(&earlier.language)) {
                let message =
                    format!("--from is a translation into \"{}\", and --to asks for \"{to}\"", earlier.language);
                problems.push(problem_at("language", ProblemKind::Inconsistent, message));
            }
            if problems.is_empty() {
                return Ok(Ok(earlier));
            }
            problems
        }
    };
    print_problems(err, file, &bytes, &problems)?;
    Ok(Err(INVALID))
}

/// The set a translation is checked against: the one of its id and version among `sets`, else the
/// first of its id (then the version is the problem reported).
fn set_for<'s>(translation: &Translation, sets: &[&'s QuestionSet]) -> Option<&'s QuestionSet> {
    let same_id = || sets.iter().copied().filter(|set| set.id == translation.set_id);
    same_id().find(|set| set.version == translation.set_version).or_else(|| same_id().next())
}

/// The line that sums up a translation with problems.
fn not_ready_line(file: &str, checked: &Checked) -> String {
    let counts = checked.counts;
    format!(
        "{file}: not complete and current: {} of {} strings current, {} untranslated, {} stale, {} extra",
        counts.current, counts.strings, counts.untranslated, counts.stale, counts.extra
    )
}

/// `altitude check` of a translation, against the set of its id among the files checked.
pub(super) fn check_translation(
    file: &str,
    bytes: &[u8],
    tree: &Json,
    sets: &[&QuestionSet],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let translation = match Translation::from_tree(tree) {
        Ok(translation) => translation,
        Err(problems) => {
            print_problems(err, file, bytes, &problems)?;
            return Ok(INVALID);
        }
    };
    let Some(set) = set_for(&translation, sets) else {
        writeln!(
            err,
            "altitude: {file} is a translation of \"{}\" version {}, and no set of that id is among the files checked; give its set too: altitude check SET {file}",
            translation.set_id, translation.set_version
        )?;
        return Ok(USAGE_ERROR);
    };
    let checked = check(&translation, set);
    if checked.complete_and_current() {
        writeln!(
            out,
            "{file}: ok (translation of \"{}\" version {} into \"{}\", {} strings, complete and current)",
            set.id, set.version, translation.language, checked.counts.strings
        )?;
        return Ok(OK);
    }
    print_problems(err, file, bytes, &checked.problems)?;
    writeln!(err, "{}", not_ready_line(file, &checked))?;
    Ok(INVALID)
}

/// What a catalog's translations came to: problems at the catalog's entries, and the lines of
/// problems found in the translation files themselves (located in those files).
pub(super) struct ListedChecked {
    pub catalog_problems: Vec<Problem>,
    pub file_problems: Vec<String>,
}

/// Reads each translation a catalog lists (relative to the catalog's folder) and checks it against
/// the catalog's set of that id and version (listed or archived).
pub(super) fn check_listed(catalog_file: &str, listed: &[ListedTranslation], sets: &[&QuestionSet]) -> ListedChecked {
    let folder = Path::new(catalog_file).parent().unwrap_or(Path::new(""));
    let mut result = ListedChecked { catalog_problems: Vec::new(), file_problems: Vec::new() };
    for (i, entry) in listed.iter().enumerate() {
        let path = crate::model::reader::index("translations", i);
        let shown = folder.join(&entry.file).display().to_string();
        let bytes = match read_limited(&shown, MAX_DOCUMENT_BYTES) {
            Ok(bytes) => bytes,
            Err(message) => {
                result.catalog_problems.push(problem_at(&path, ProblemKind::UnknownReference, message));
                continue;
            }
        };
        let translation = match Translation::parse(&bytes) {
            Ok(translation) => translation,
            Err(problems) => {
                result.file_problems.extend(located_problems(&shown, &bytes, &problems));
                continue;
            }
        };
        result.catalog_problems.extend(differences(entry, i, &translation));
        let Some(set) = sets.iter().find(|set| set.id == entry.set && set.version == entry.version) else {
            let message =
                format!("no set the catalog lists or archives is version {} of \"{}\"", entry.version, entry.set);
            result.catalog_problems.push(problem_at(&path, ProblemKind::UnknownReference, message));
            continue;
        };
        let checked = check(&translation, set);
        if !checked.complete_and_current() {
            result.file_problems.extend(located_problems(&shown, &bytes, &checked.problems));
            result.file_problems.push(not_ready_line(&shown, &checked));
        }
    }
    result
}
