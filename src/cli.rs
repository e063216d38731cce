//! The `altitude` command-line tool: `check` question sets and `score` result documents.
//!
//! [`run`] takes the arguments and the two output streams, so tests drive it like a user would.

use std::fs::File;
use std::io::{Read, Write};

use crate::model::question_set::MAX_DOCUMENT_BYTES;
use crate::model::{Problem, QuestionSet, ResultDocument};
use crate::scoring::score;

pub const USAGE: &str = "\
altitude — check Altitude question sets and score answers

Usage:
  altitude check FILE...
      Check each question set. Prints \"FILE: ok (N questions, M dimensions, R roles)\"
      for a valid one and \"FILE:LOCATION: message\" for each problem otherwise.
  altitude score --set FILE --answers FILE [--role ID]
      Score a result document (altitude.result/1) against its question set and print
      the score report as JSON. The role is --role, else the document's role, else
      the set's default role.
  altitude --help | --version

Exit status: 0 all valid, 1 a set or the answers are invalid, 2 a usage error or a
file that cannot be read.
";

/// Exit statuses, as the format's command-line contract defines them.
pub const OK: i32 = 0;
pub const INVALID: i32 = 1;
pub const USAGE_ERROR: i32 = 2;

/// Runs the tool with `args` (without the program name) and returns its exit status.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match args.first().map(String::as_str) {
        Some("check") => check(&args[1..], out, err),
        Some("score") => score_command(&args[1..], out, err),
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

fn print_problems(err: &mut dyn Write, file: &str, problems: &[Problem]) -> std::io::Result<()> {
    for problem in problems {
        writeln!(err, "{file}:{}: {}", problem.location, problem.message)?;
    }
    Ok(())
}

fn check(files: &[String], out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    if files.is_empty() {
        return usage_error(err, "check needs at least one FILE");
    }
    let mut status = OK;
    for file in files {
        let bytes = match read_limited(file, MAX_DOCUMENT_BYTES) {
            Ok(bytes) => bytes,
            Err(message) => {
                writeln!(err, "altitude: {message}")?;
                status = USAGE_ERROR;
                continue;
            }
        };
        match QuestionSet::load(&bytes) {
            Ok(set) => writeln!(
                out,
                "{file}: ok ({} questions, {} dimensions, {} roles)",
                set.questions.len(),
                set.dimensions.len(),
                set.roles.len()
            )?,
            Err(problems) => {
                print_problems(err, file, &problems)?;
                status = status.max(INVALID);
            }
        }
    }
    Ok(status)
}

struct ScoreArgs {
    set: String,
    answers: String,
    role: Option<String>,
}

fn parse_score_args(args: &[String]) -> Result<ScoreArgs, String> {
    let (mut set, mut answers, mut role) = (None, None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let slot = match name {
            "--set" => &mut set,
            "--answers" => &mut answers,
            "--role" => &mut role,
            other => return Err(format!("score does not take \"{other}\"")),
        };
        let value = match inline {
            Some(value) => value,
            None => rest.next().cloned().ok_or_else(|| format!("{name} needs a value"))?,
        };
        if slot.replace(value).is_some() {
            return Err(format!("{name} is given twice"));
        }
    }
    Ok(ScoreArgs {
        set: set.ok_or("score needs --set FILE")?,
        answers: answers.ok_or("score needs --answers FILE")?,
        role,
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
                print_problems(err, &args.set, &problems)?;
            }
            if let Err(problems) = document {
                print_problems(err, &args.answers, &problems)?;
            }
            return Ok(INVALID);
        }
    };
    let responses = match document.responses(&set) {
        Ok(responses) => responses,
        Err(problems) => {
            print_problems(err, &args.answers, &problems)?;
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
    writeln!(out, "{}", score(&set, &responses, role).to_json(&set))?;
    Ok(OK)
}
