//! Why a role is or is not within reach: the reason that decided each verdict, and the words for it.
//!
//! A verdict states the rule that decided it and nothing else (revision of 2026-12): a dimension
//! without a score, the dimensions short beyond the gap tolerance with the questions that pull each
//! down, or readiness below the set's threshold; "below 90% readiness" only when that is so. The
//! widget and `altitude score --explain` both say it through [`Verdict::sentence`].

use crate::display::whole;
use crate::i18n::{tr, trf, trn};
use crate::model::{Organisation, QuestionKind, QuestionSet, Response, Responses};
use crate::scoring::{score, Report};

/// A role's verdict, by index into the set.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Ready,
    /// Not yet: these dimensions (in declared order) are short beyond the gap tolerance; and,
    /// when readiness is also below the threshold, that readiness.
    Short {
        shortfalls: Vec<Shortfall>,
        below_threshold: Option<f64>,
    },
    /// Not yet: no dimension is short beyond the tolerance, but readiness is below the threshold.
    BelowThreshold {
        readiness: f64,
    },
    /// No verdict: these dimensions have no score, with how many of their answers were "untested".
    NotEnoughAnswers {
        dimensions: Vec<(usize, usize)>,
    },
}

/// A dimension short of a role's target beyond the tolerance.
#[derive(Debug, Clone, PartialEq)]
pub struct Shortfall {
    pub dimension: usize,
    pub gap: f64,
    /// The questions that fall furthest short (the report's `pulled_down_by` for the role).
    pub pulled_down_by: Vec<usize>,
}

impl Verdict {
    /// The verdict for the report's own role (`report.role`), whose `pulled_down_by` it names. It
    /// reads the report's `ready` and `short_in`, so it can state no rule that did not decide.
    pub fn of(set: &QuestionSet, report: &Report) -> Verdict {
        let role = report.roles.iter().find(|r| r.role == report.role).expect("a report lists every role of its set");
        let (Some(readiness), Some(short_in)) = (role.readiness, role.short_in.as_deref()) else {
            let dimensions = report
                .dimensions
                .iter()
                .filter(|d| d.score.is_none())
                .map(|d| (d.dimension, d.untested.len()))
                .collect();
            return Verdict::NotEnoughAnswers { dimensions };
        };
        let below = !crate::scoring::report::reaches_threshold(set, readiness);
        if short_in.is_empty() {
            return if below { Verdict::BelowThreshold { readiness } } else { Verdict::Ready };
        }
        Verdict::Short {
            shortfalls: short_in
                .iter()
                .map(|&d| Shortfall {
                    dimension: d,
                    // A dimension is short only when it has a score, so its gap is known.
                    gap: report.dimensions[d].gap.unwrap_or(f64::INFINITY),
                    pulled_down_by: report.dimensions[d].pulled_down_by.clone(),
                })
                .collect(),
            below_threshold: below.then_some(readiness),
        }
    }

    /// The verdict for every role of the set, in stage order, each against its own targets.
    pub fn for_each_role(set: &QuestionSet, responses: &Responses, own: &Report) -> Vec<(usize, Verdict)> {
        own.roles
            .iter()
            .map(|r| {
                let verdict = if r.role == own.role {
                    Verdict::of(set, own)
                } else {
                    Verdict::of(set, &score(set, responses, r.role))
                };
                (r.role, verdict)
            })
            .collect()
    }

    pub fn is_ready(&self) -> bool {
        matches!(self, Verdict::Ready)
    }

    /// The verdict in words: "ready"; "not yet: short in Business acumen by 9, mostly from “…” and
    /// “…”"; "not yet: readiness 84%, below the 90% needed"; "not enough answers in People
    /// leadership (4 not had the chance yet)".
    pub fn sentence(&self, set: &QuestionSet) -> String {
        match self {
            Verdict::Short { .. } | Verdict::BelowThreshold { .. } => trf("not yet: {reason}", &[&self.reason(set)]),
            _ => self.reason(set),
        }
    }

    /// The verdict in words for a role of `report`'s result: as [`Verdict::sentence`], except that
    /// "ready" is "ready, provisionally" when ladders were left out (see [`left_out_ladders`]), so a
    /// role's line says what the headline says of it.
    pub fn sentence_for(&self, set: &QuestionSet, responses: &Responses) -> String {
        if self.is_ready() && !left_out_ladders(set, responses).is_empty() {
            tr("ready, provisionally")
        } else {
            self.sentence(set)
        }
    }

    /// What decided the verdict, without "not yet": "short in Business acumen by 9, mostly from …".
    pub fn reason(&self, set: &QuestionSet) -> String {
        let threshold = |readiness: f64| {
            trf(
                "readiness {readiness}%, below the {threshold}% needed",
                &[&readiness_percent(set, readiness), &whole(set.ready_threshold)],
            )
        };
        match self {
            Verdict::Ready => tr("ready"),
            Verdict::Short { shortfalls, below_threshold } => {
                // Each dimension a whole clause ("short in A by 9, mostly from …", then "in B by
                // 12"), so a translator can reorder what is inside it.
                let parts = shortfalls.iter().enumerate().map(|(i, s)| {
                    let name = &set.dimensions[s.dimension].name;
                    let gap = gap_beyond(set, s.gap);
                    let quoted: Vec<String> = s.pulled_down_by.iter().map(|&q| quoted(set, q)).collect();
                    match (i, quoted.is_empty()) {
                        (0, true) => trf("short in {dimension} by {gap}", &[name, &gap]),
                        (0, false) => trf(
                            "short in {dimension} by {gap}, mostly from {questions}",
                            &[name, &gap, &in_words(&quoted)],
                        ),
                        (_, true) => trf("in {dimension} by {gap}", &[name, &gap]),
                        (_, false) => {
                            trf("in {dimension} by {gap}, mostly from {questions}", &[name, &gap, &in_words(&quoted)])
                        }
                    }
                });
                let sentence =
                    parts.reduce(|earlier, next| trf("{earlier}; {next}", &[&earlier, &next])).unwrap_or_default();
                match below_threshold {
                    Some(readiness) => trf("{shortfalls}; and {threshold}", &[&sentence, &threshold(*readiness)]),
                    None => sentence,
                }
            }
            Verdict::BelowThreshold { readiness } => threshold(*readiness),
            Verdict::NotEnoughAnswers { dimensions } => {
                let parts: Vec<String> = dimensions
                    .iter()
                    .map(|&(d, untested)| match untested {
                        0 => set.dimensions[d].name.clone(),
                        n => trn(
                            n,
                            "{dimension} ({n} not had the chance yet)",
                            "{dimension} ({n} not had the chance yet)",
                            &[&set.dimensions[d].name],
                        ),
                    })
                    .collect();
                if parts.is_empty() {
                    tr("not enough answers")
                } else {
                    trf("not enough answers in {dimensions}", &[&in_words(&parts)])
                }
            }
        }
    }
}

/// Readiness as a whole percentage, rounded, except that a readiness below the set's threshold is
/// never shown as reaching it: 89.6 against 90 is "89", or "readiness 90%, below the 90% needed"
/// would contradict itself. The results' table uses it too, so both say the same number.
pub fn readiness_percent(set: &QuestionSet, readiness: f64) -> String {
    let rounded = readiness.round();
    if readiness < set.ready_threshold && rounded >= set.ready_threshold {
        whole(readiness.floor())
    } else {
        whole(rounded)
    }
}

/// A gap past the tolerance, rounded but never shown as within it: 10.2 past a tolerance of 10 is
/// "more than 10", not "10" (which would read as allowed).
pub fn gap_beyond(set: &QuestionSet, gap: f64) -> String {
    if gap.round() <= set.gap_tolerance {
        trf("more than {tolerance}", &[&whole(set.gap_tolerance)])
    } else {
        whole(gap)
    }
}

/// A question named in a verdict: a habit or a ladder by its own words; a scenario as "your answer
/// to “…”", since its words are a situation, not what fell short.
fn quoted(set: &QuestionSet, question: usize) -> String {
    match set.questions[question].kind {
        QuestionKind::Choice { .. } => trf("your answer to “{question}”", &[&short_wording(set, question)]),
        _ => trf("“{question}”", &[&short_wording(set, question)]),
    }
}

/// "a", "a and b", "a, b and c": each step a message, so a language can use its own comma and "and".
pub fn in_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [first, middle @ .., last] => {
            let rest = middle.iter().fold(first.clone(), |list, item| trf("{list}, {item}", &[&list, item]));
            trf("{list} and {last}", &[&rest, last])
        }
    }
}

/// The longest a question is quoted in a verdict, in characters.
pub const SHORT_WORDING: usize = 90;

/// A question's own words, short enough to quote: its first sentence, cut at a word before
/// [`SHORT_WORDING`] characters with "…" when longer.
pub fn short_wording(set: &QuestionSet, question: usize) -> String {
    let text = set.questions[question].text.trim();
    // The first sentence: up to a stop followed by a space, or the whole text without its stop.
    let mut end = text.len();
    let mut last_space = None;
    let mut chars = text.char_indices().peekable();
    let mut count = 0;
    while let Some((i, c)) = chars.next() {
        let next_is_space = chars.peek().is_some_and(|&(_, next)| next == ' ');
        // "e.g. " and "i.e. " end no sentence.
        let abbreviation = c == '.' && (text[..i].ends_with("e.g") || text[..i].ends_with("i.e"));
        if matches!(c, '.' | '?' | '!') && next_is_space && !abbreviation {
            end = i;
            break;
        }
        if count == SHORT_WORDING {
            let cut = last_space.unwrap_or(i);
            return format!("{}…", text[..cut].trim_end_matches([',', ';', ':', ' ']));
        }
        if c == ' ' {
            last_space = Some(i);
        }
        count += 1;
    }
    text[..end].trim_end_matches(['.', '?', '!']).to_owned()
}

/// How many of the ladders a provisional headline leaves out it names.
const NAMED_LADDERS: usize = 3;

/// The ladders in the score (level questions: how far the person's work has reached) answered "not
/// had the chance yet" or "doesn't apply to my situation", in declared order. Both are left out of
/// the score (format 2's revision), and a ladder weighs most in its dimension: leaving out the rungs
/// one has not reached can lift a verdict by a role where answering them honestly would not
/// (measured on the CTO set: Director answering, Head of Engineering leaving out; and on the staff
/// set, an organisation-wide claim with one ladder per dimension "doesn't apply" read Principal). So
/// a verdict of ready that rests on fewer ladders says so, and names them.
pub fn left_out_ladders(set: &QuestionSet, responses: &Responses) -> Vec<usize> {
    (0..set.questions.len())
        .filter(|&q| set.questions[q].scored && matches!(set.questions[q].kind, QuestionKind::Level { .. }))
        .filter(|&q| matches!(responses.0.get(q), Some(Some(Response::Untested | Response::NotApplicable))))
        .collect()
}

/// Which facets the answers fit, in words, for the results, the roadmap and `--explain` alike: the
/// report's `fit` ("Your answers fit best: A and B"); when it holds every facet that has a score, the
/// answers lean to none of them, and "fit best" would say nothing (a coach read it so, 2026-12-07).
/// A facet without a score is named as such: a lean among the others is no lean away from it (a
/// coach read "fit best: the staff path" when the management offer was the answer left out).
pub fn fit_sentence(set: &QuestionSet, report: &Report) -> String {
    let names: Vec<String> = report.fit.iter().map(|&f| set.facets[f].name.clone()).collect();
    let unscored: Vec<String> =
        report.facets.iter().filter(|f| f.score.is_none()).map(|f| set.facets[f.facet].name.clone()).collect();
    let scored = report.facets.len() - unscored.len();
    let all_scored = unscored.is_empty();
    let (fit, unscored) = (in_words(&names), in_words(&unscored));
    // Each case a whole message, with and without the facets that have no score.
    match (names.len(), all_scored) {
        (0, _) => tr("Not enough answers to say which of these your answers fit."),
        (1, true) if scored == 1 => trf("Only {facet} has enough answers to read", &[&fit]),
        (1, false) if scored == 1 => {
            trf("Only {facet} has enough answers to read; not enough answers for {others}", &[&fit, &unscored])
        }
        (n, true) if n > 1 && n == scored => trf("Your answers fit these about equally: {facets}", &[&fit]),
        (n, false) if n > 1 && n == scored => {
            trf("Your answers fit these about equally: {facets}; not enough answers for {others}", &[&fit, &unscored])
        }
        (_, true) => trf("Your answers fit best: {facets}", &[&fit]),
        (_, false) => trf("Your answers fit best: {facets}; not enough answers for {others}", &[&fit, &unscored]),
    }
}

/// "at an organisation of 21–100 engineers", for the verdict and the printed roadmap.
pub fn at_organisation(organisation: Organisation) -> String {
    trf("at an organisation of {size} engineers", &[&tr(organisation.label())])
}

/// The headline of a result: the highest role the person is ready for, or, when none is, the lowest
/// role and what stands between (never just "none").
pub fn headline(set: &QuestionSet, responses: &Responses, verdicts: &[(usize, Verdict)], report: &Report) -> String {
    let (title, reason) = headline_parts(set, responses, verdicts, report);
    match reason {
        Some(reason) => trf("{title}: {reason}", &[&title, &reason]),
        None => title,
    }
}

/// The headline's title ("Ready for Director", "Not yet ready for Tech Lead", "No verdict yet") and,
/// when no role is ready, the reason that stands between the person and the lowest role; when one
/// is, but ladders were left out, which ones (see [`left_out_ladders`]) and what the verdict would be
/// with each of them at its lowest rung, so that the person sees what leaving them out did.
pub fn headline_parts(
    set: &QuestionSet,
    responses: &Responses,
    verdicts: &[(usize, Verdict)],
    report: &Report,
) -> (String, Option<String>) {
    if let Some(ready) = report.ready_for {
        let name = &set.roles[ready].name;
        let left_out = left_out_ladders(set, responses);
        if left_out.is_empty() {
            return (trf("Ready for {role}", &[name]), None);
        }
        // Three named at most, so the headline stays a sentence; the score table counts them all.
        let mut named: Vec<String> = left_out.iter().take(NAMED_LADDERS).map(|&q| quoted(set, q)).collect();
        if left_out.len() > NAMED_LADDERS {
            named.push(trn(left_out.len() - NAMED_LADDERS, "{n} more", "{n} more", &[]));
        }
        let count = left_out.len();
        // A level question's options run from the lowest rung up: the first is the lowest.
        let mut lowest = responses.clone();
        for &q in &left_out {
            lowest.0[q] = Some(Response::Option(0));
        }
        let untested = left_out.iter().filter(|&&q| responses.0[q] == Some(Response::Untested)).count();
        let as_what = tr(match untested {
            0 => "as not applying to your situation",
            n if n == count => "as not had the chance yet",
            _ => "as not had the chance yet or not applying to your situation",
        });
        // "it" or "them" is the count's: each clause is a plural of the questions left out.
        let otherwise = match score(set, &lowest, report.role).ready_for {
            Some(role) if role == ready => trn(
                count,
                "with it at the lowest rung, the verdict would be the same",
                "with them at the lowest rung, the verdict would be the same",
                &[],
            ),
            Some(role) => trn(
                count,
                "with it at the lowest rung, you would be ready for {role}",
                "with them at the lowest rung, you would be ready for {role}",
                &[&set.roles[role].name],
            ),
            None => trn(
                count,
                "with it at the lowest rung, no role would be ready yet",
                "with them at the lowest rung, no role would be ready yet",
                &[],
            ),
        };
        return (
            trf("Ready for {role}, provisionally", &[name]),
            Some(trn(
                count,
                "{n} question on how far your work has reached is left out, {as_what}: {questions}; {otherwise}",
                "{n} questions on how far your work has reached are left out, {as_what}: {questions}; {otherwise}",
                &[&as_what, &in_words(&named), &otherwise],
            )),
        );
    }
    // Verdicts are in stage order: the first is the lowest role, the nearest step. Too few answers
    // leave every role without a verdict (coverage does not depend on the role): "not yet ready"
    // would claim what was never measured.
    match verdicts.first() {
        Some((_, verdict @ Verdict::NotEnoughAnswers { .. })) => (tr("No verdict yet"), Some(verdict.reason(set))),
        Some((role, verdict)) => {
            (trf("Not yet ready for {role}", &[&set.roles[*role].name]), Some(verdict.reason(set)))
        }
        None => (tr("No verdict"), None),
    }
}
