//! Authoring checks for a valid question set (issue 27): simulated respondents scored by the core,
//! with each role's verdict, and warnings an author can act on, each naming its questions. What
//! `altitude lint` prints and the author's workbench shows (as [`report_json`]); the widget never
//! calls it.
//!
//! Each rule is a small function below, documented with the rule it applies; [`warnings`] runs them
//! all, in this order: the respondents' verdicts, the roles' targets, each dimension's shape and its
//! scenarios, each question's help.

use serde::Serialize;

use crate::display;
use crate::model::locate::{self, Span};
use crate::model::reader::{index, join};
use crate::model::{ChoiceOption, Question, QuestionKind, QuestionSet, Response, Responses};
use crate::scoring::report::TOLERANCE;
use crate::scoring::{score, Report, Verdict};

// ---------------------------------------------------------------------------------------------
// Simulated respondents

/// A simulated respondent: one way of answering every question of a set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Respondent {
    /// The strongest answer everywhere: the top of every scale (the bottom for reverse-keyed
    /// habits), the highest-scoring option of every scenario and the highest rung of every ladder.
    Strongest,
    /// The weakest answer everywhere: the mirror of the strongest.
    Weakest,
    /// "Doesn't apply to my situation" on every habit and ladder (the questions that may ask about a
    /// situation the person has not met: where format 2 also offers "not had the chance yet"), and
    /// the strongest option of every scenario, which anyone can answer: how far leaving out all that
    /// may be left out carries someone.
    DoesNotApply,
    /// The middle of every scale: its middle point, the middle rung of every ladder, the
    /// median-scoring option of every scenario (the lower middle of an even number).
    Middle,
    /// Good habits claimed, scope not: the top of every habit's scale (the bottom for
    /// reverse-keyed habits), the strongest option of every scenario, and every ladder at its
    /// middle rung (the lower middle of an even number of rungs).
    Overclaimer,
}

impl Respondent {
    pub const ALL: [Respondent; 5] = [
        Respondent::Strongest,
        Respondent::Weakest,
        Respondent::DoesNotApply,
        Respondent::Middle,
        Respondent::Overclaimer,
    ];

    /// A stable id for the JSON report.
    pub fn id(self) -> &'static str {
        match self {
            Respondent::Strongest => "strongest",
            Respondent::Weakest => "weakest",
            Respondent::DoesNotApply => "does-not-apply",
            Respondent::Middle => "middle",
            Respondent::Overclaimer => "overclaimer",
        }
    }

    /// A short name for a table.
    pub fn name(self) -> &'static str {
        match self {
            Respondent::Strongest => "strongest answers",
            Respondent::Weakest => "weakest answers",
            Respondent::DoesNotApply => "doesn't apply",
            Respondent::Middle => "middle",
            Respondent::Overclaimer => "overclaimer",
        }
    }

    /// How it answers, in a sentence.
    pub fn description(self) -> &'static str {
        match self {
            Respondent::Strongest => "The strongest answer to every question.",
            Respondent::Weakest => "The weakest answer to every question.",
            Respondent::DoesNotApply => {
                "“Doesn't apply to my situation” on every habit and ladder, and the strongest option of every scenario."
            }
            Respondent::Middle => {
                "The middle of every scale, the middle rung of every ladder, the median option of every scenario."
            }
            Respondent::Overclaimer => {
                "Every good habit claimed at the top of the scale and the strongest option of every scenario, but every ladder at its middle rung: good habits claimed, scope not."
            }
        }
    }

    /// This respondent's answer to every question of `set`.
    pub fn answers(self, set: &QuestionSet) -> Responses {
        let points = set.scale.as_ref().map_or(2, |scale| scale.points);
        let middle_point = points.div_ceil(2);
        answers(set, |question| {
            Some(match (self, &question.kind) {
                (Respondent::DoesNotApply, _) if question.offers_untested() => Response::NotApplicable,
                (Respondent::Strongest | Respondent::Overclaimer, QuestionKind::Likert { reverse }) => {
                    Response::Point(if *reverse { 1 } else { points })
                }
                (Respondent::Weakest, QuestionKind::Likert { reverse }) => {
                    Response::Point(if *reverse { points } else { 1 })
                }
                (_, QuestionKind::Likert { .. }) => Response::Point(middle_point),
                (Respondent::Weakest, QuestionKind::Choice { options } | QuestionKind::Level { options }) => {
                    Response::Option(weakest_option(options))
                }
                (Respondent::Middle, QuestionKind::Choice { options }) => Response::Option(middle_option(options)),
                (Respondent::Middle | Respondent::Overclaimer, QuestionKind::Level { options }) => {
                    Response::Option(middle_rung(options))
                }
                (_, QuestionKind::Choice { options } | QuestionKind::Level { options }) => {
                    Response::Option(strongest_option(options))
                }
            })
        })
    }
}

/// A respondent's answers: for each question of `set`, the answer `answer` gives it.
pub fn answers(set: &QuestionSet, answer: impl Fn(&Question) -> Option<Response>) -> Responses {
    Responses(set.questions.iter().map(answer).collect())
}

/// The highest-scoring option (the last of equals).
pub fn strongest_option(options: &[ChoiceOption]) -> usize {
    (0..options.len()).fold(0, |best, i| if options[i].score >= options[best].score { i } else { best })
}

/// The lowest-scoring option (the first of equals).
pub fn weakest_option(options: &[ChoiceOption]) -> usize {
    (0..options.len()).fold(0, |worst, i| if options[i].score < options[worst].score { i } else { worst })
}

/// The median-scoring option: the lower middle when ranked by score, equal scores in their order.
pub fn middle_option(options: &[ChoiceOption]) -> usize {
    let mut ranked: Vec<usize> = (0..options.len()).collect();
    crate::sorting::sort_by(&mut ranked, |&a, &b| options[a].score.total_cmp(&options[b].score));
    ranked[(ranked.len().max(1) - 1) / 2]
}

/// The middle rung of a ladder (options from the lowest rung up): the lower middle of an even number.
pub fn middle_rung(options: &[ChoiceOption]) -> usize {
    (options.len().max(1) - 1) / 2
}

/// A simulated respondent's answers, scored.
#[derive(Debug, Clone)]
pub struct Simulated {
    pub respondent: Respondent,
    pub responses: Responses,
    /// The report against the top role (the highest stage): its `ready_for` is the verdict.
    pub report: Report,
    /// Each role's verdict, in stage order, each against its own targets.
    pub verdicts: Vec<(usize, Verdict)>,
}

impl Simulated {
    /// The highest role this respondent is ready for.
    pub fn ready_for(&self) -> Option<usize> {
        self.report.ready_for
    }

    /// The verdict for role `role`.
    pub fn verdict(&self, role: usize) -> Option<&Verdict> {
        self.verdicts.iter().find(|(r, _)| *r == role).map(|(_, verdict)| verdict)
    }
}

/// The role with the highest stage.
pub fn top_role(set: &QuestionSet) -> usize {
    set.roles_by_stage().last().copied().unwrap_or(0)
}

/// Every respondent of [`Respondent::ALL`], scored by the core with each role's verdict.
pub fn respondents(set: &QuestionSet) -> Vec<Simulated> {
    let top = top_role(set);
    Respondent::ALL
        .into_iter()
        .map(|respondent| {
            let responses = respondent.answers(set);
            let report = score(set, &responses, top);
            let verdicts = Verdict::for_each_role(set, &responses, &report);
            Simulated { respondent, responses, report, verdicts }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Warnings

/// What can make a help text name an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// It quotes the option (index into the question's options), or repeats five words of it in a row.
    Option(usize),
    /// It quotes this point of the set's scale (0-based).
    Label(usize),
    /// It says which answer is wanted, in these words.
    Phrase(&'static str),
}

/// The kinds of question, as an author reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Habit,
    Scenario,
    Ladder,
}

impl Kind {
    pub fn of(question: &Question) -> Kind {
        match question.kind {
            QuestionKind::Likert { .. } => Kind::Habit,
            QuestionKind::Choice { .. } => Kind::Scenario,
            QuestionKind::Level { .. } => Kind::Ladder,
        }
    }

    fn plural(self) -> &'static str {
        match self {
            Kind::Habit => "habits (likert)",
            Kind::Scenario => "scenarios (choice)",
            Kind::Ladder => "ladders (level)",
        }
    }
}

/// A warning an author can act on. Questions, roles and dimensions are indices into the set.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The overclaimer is ready for the top role: its habits and scenarios (named) carry it there
    /// without a claim of scope.
    OverclaimerReachesTop { role: usize, questions: Vec<usize> },
    /// The strongest answers are not ready for the top role, for the reason `verdict` gives; the
    /// questions are those that pull its dimensions below the role's targets.
    StrongestMissesTop { role: usize, verdict: Verdict, questions: Vec<usize> },
    /// No answers reach the role's target in the dimension: its best score is `best`; the questions
    /// are those whose best answer is below the target.
    UnreachableTarget { role: usize, dimension: usize, best: f64, questions: Vec<usize> },
    /// `role` has the same target in every dimension as `same_as`, an earlier role.
    SameTargets { role: usize, same_as: usize },
    /// In the dimension's `scenarios` scenarios, the strongest option is the longest in those named.
    KeyLongest { dimension: usize, scenarios: usize, questions: Vec<usize> },
    /// In the dimension's `scenarios` scenarios, the strongest option is the `position`th (from 0)
    /// in those named, most of them.
    KeySamePosition { dimension: usize, position: usize, scenarios: usize, questions: Vec<usize> },
    /// `word` is in the strongest option of each scenario named, and in no other option of the
    /// dimension's `scenarios` scenarios.
    KeyedWord { dimension: usize, word: String, scenarios: usize, questions: Vec<usize> },
    /// The question's help names an answer.
    HelpNamesAnswer { question: usize, named: Named },
    /// The dimension is too thin to measure: fewer than four scored questions, or all of one kind
    /// (`one_kind`); the questions are its scored ones.
    ThinDimension { dimension: usize, questions: Vec<usize>, one_kind: Option<Kind> },
}

impl Warning {
    /// A stable code for the warning's rule, for the JSON report and for tests.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::OverclaimerReachesTop { .. } => "overclaimer-reaches-top",
            Warning::StrongestMissesTop { .. } => "strongest-misses-top",
            Warning::UnreachableTarget { .. } => "unreachable-target",
            Warning::SameTargets { .. } => "same-targets",
            Warning::KeyLongest { .. } => "key-longest",
            Warning::KeySamePosition { .. } => "key-same-position",
            Warning::KeyedWord { .. } => "keyed-word",
            Warning::HelpNamesAnswer { .. } => "help-names-answer",
            Warning::ThinDimension { .. } => "thin-dimension",
        }
    }

    /// The questions the warning names, in set order.
    pub fn questions(&self) -> Vec<usize> {
        match self {
            Warning::OverclaimerReachesTop { questions, .. }
            | Warning::StrongestMissesTop { questions, .. }
            | Warning::UnreachableTarget { questions, .. }
            | Warning::KeyLongest { questions, .. }
            | Warning::KeySamePosition { questions, .. }
            | Warning::KeyedWord { questions, .. }
            | Warning::ThinDimension { questions, .. } => questions.clone(),
            Warning::HelpNamesAnswer { question, .. } => vec![*question],
            Warning::SameTargets { .. } => Vec::new(),
        }
    }

    /// Where to act, as a path into the set's document: the target for a target's warning
    /// (`roles[2].targets.people`, `roles[3].targets`), the dimension for a thin one, the help for a
    /// help's, the strongest option's text of the first scenario named for a scenario pattern, and
    /// otherwise the first question named (the top role when none is).
    pub fn path(&self, set: &QuestionSet) -> String {
        let question = |q: usize| index("questions", q);
        match self {
            Warning::UnreachableTarget { role, dimension, .. } => {
                join(&join(&index("roles", *role), "targets"), &set.dimensions[*dimension].id)
            }
            Warning::SameTargets { role, .. } => join(&index("roles", *role), "targets"),
            Warning::ThinDimension { dimension, .. } => index("dimensions", *dimension),
            Warning::HelpNamesAnswer { question: q, .. } => join(&question(*q), "help"),
            Warning::KeyLongest { questions, .. }
            | Warning::KeySamePosition { questions, .. }
            | Warning::KeyedWord { questions, .. } => match questions.first() {
                Some(&q) => {
                    let key = strongest_option(set.questions[q].kind.options());
                    join(&index(&join(&question(q), "options"), key), "text")
                }
                None => String::new(),
            },
            Warning::OverclaimerReachesTop { role, questions }
            | Warning::StrongestMissesTop { role, questions, .. } => {
                questions.first().map_or_else(|| index("roles", *role), |&q| question(q))
            }
        }
    }

    /// The warning in a sentence, with what to do about it.
    pub fn message(&self, set: &QuestionSet) -> String {
        let role = |r: usize| set.roles[r].name.as_str();
        let dimension = |d: usize| set.dimensions[d].name.as_str();
        match self {
            Warning::OverclaimerReachesTop { role: r, questions } => {
                let ladders = set.questions.iter().filter(|q| q.scored && Kind::of(q) == Kind::Ladder).count();
                let how = if ladders == 0 {
                    "the set has no ladders (level questions), so nothing it asks weighs how far a person's work reaches"
                        .to_owned()
                } else {
                    format!(
                        "its {} habits and scenarios outweigh the ladders it answers at their middle rung; weigh the ladders more or raise {}'s targets",
                        questions.len(),
                        role(*r)
                    )
                };
                format!(
                    "the overclaimer (every good habit and the strongest scenario option claimed, every ladder at its middle rung) is ready for {}, the top role: {how}",
                    role(*r)
                )
            }
            Warning::StrongestMissesTop { role: r, verdict, .. } => format!(
                "the strongest answers are not ready for {}, the top role ({}): no one can reach it",
                role(*r),
                verdict.reason(set)
            ),
            Warning::UnreachableTarget { role: r, dimension: d, best, .. } => format!(
                "{}'s target in {} is {}, but the strongest answers score {} there: no answers can reach it",
                role(*r),
                dimension(*d),
                display::number(set.roles[*r].targets[*d]),
                // Rounded down, so a best just below the target is never shown as reaching it.
                display::number((best * 10.0).floor() / 10.0)
            ),
            Warning::SameTargets { role: r, same_as } => format!(
                "{} has the same targets as {}: whoever is ready for one is ready for the other, so the verdict can never be {}",
                role(*r),
                role(*same_as),
                role(if set.roles[*r].stage < set.roles[*same_as].stage { *r } else { *same_as })
            ),
            Warning::KeyLongest { dimension: d, scenarios, questions } => format!(
                "in {}, the strongest option is the longest in {} of its {scenarios} scenarios ({}): length gives the answer away",
                dimension(*d),
                questions.len(),
                ids(set, questions)
            ),
            Warning::KeySamePosition { dimension: d, position, scenarios, questions } => format!(
                "in {}, the strongest option is the {} in {} of its {scenarios} scenarios ({}): vary its position",
                dimension(*d),
                ordinal(*position),
                questions.len(),
                ids(set, questions)
            ),
            Warning::KeyedWord { dimension: d, word, scenarios, questions } => format!(
                "in {}, “{word}” is in the strongest option of {} of its {scenarios} scenarios ({}) and in no other option of them: a word that marks the answer",
                dimension(*d),
                questions.len(),
                ids(set, questions)
            ),
            Warning::HelpNamesAnswer { question, named } => {
                let q = &set.questions[*question];
                let what = match named {
                    Named::Option(o) => format!("repeats the option “{}”", q.kind.options()[*o].text),
                    Named::Label(l) => format!(
                        "quotes “{}”, a point of the scale",
                        set.scale.as_ref().map_or("", |scale| scale.labels[*l].as_str())
                    ),
                    Named::Phrase(phrase) => format!("says which answer is wanted (“{phrase}”)"),
                };
                format!("the help of {} {what}: help should clarify the question, not point to an answer", q.id)
            }
            Warning::ThinDimension { dimension: d, questions, one_kind } => {
                let count = questions.len();
                let few = count < MIN_DIMENSION_QUESTIONS;
                let questions_word = if count == 1 { "question" } else { "questions" };
                let reason = match (few, one_kind) {
                    (true, Some(kind)) if count > 1 => format!("only {count} scored {questions_word}, all {}", kind.plural()),
                    (true, _) => format!("only {count} scored {questions_word}"),
                    (false, Some(kind)) => format!("its {count} scored questions are all {}", kind.plural()),
                    (false, None) => String::new(),
                };
                format!(
                    "{} is too thin to measure: {reason}; give it at least {MIN_DIMENSION_QUESTIONS}, of more than one kind",
                    dimension(*d)
                )
            }
        }
    }
}

fn ids(set: &QuestionSet, questions: &[usize]) -> String {
    questions.iter().map(|&q| set.questions[q].id.as_str()).collect::<Vec<_>>().join(", ")
}

fn ordinal(position: usize) -> String {
    const WORDS: [&str; 10] =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    WORDS.get(position).map_or_else(|| format!("option {}", position + 1), |word| format!("{word} option"))
}

/// Every warning for `set`, given its simulated `respondents` (from [`respondents`]).
pub fn warnings(set: &QuestionSet, respondents: &[Simulated]) -> Vec<Warning> {
    let mut found = Vec::new();
    found.extend(overclaimer_reaches_top(set, respondents));
    found.extend(strongest_misses_top(set, respondents));
    found.extend(unreachable_targets(set));
    found.extend(same_targets(set));
    for d in 0..set.dimensions.len() {
        found.extend(thin_dimension(set, d));
        found.extend(key_longest(set, d));
        found.extend(key_same_position(set, d));
        found.extend(keyed_words(set, d));
    }
    for q in 0..set.questions.len() {
        found.extend(help_names_answer(set, q));
    }
    found
}

/// Rule: the overclaimer ([`Respondent::Overclaimer`]) must not be ready for the top role. Names
/// the scored habits and scenarios, which it answers at the top and which carry it there.
fn overclaimer_reaches_top(set: &QuestionSet, respondents: &[Simulated]) -> Option<Warning> {
    let top = top_role(set);
    let overclaimer = respondents.iter().find(|r| r.respondent == Respondent::Overclaimer)?;
    if !overclaimer.verdict(top)?.is_ready() {
        return None;
    }
    let questions = (0..set.questions.len())
        .filter(|&q| set.questions[q].scored && Kind::of(&set.questions[q]) != Kind::Ladder)
        .collect();
    Some(Warning::OverclaimerReachesTop { role: top, questions })
}

/// Rule: the strongest answers ([`Respondent::Strongest`]) must be ready for the top role. Names
/// the questions that pull each dimension below the role's target (the report's `pulled_down_by`).
fn strongest_misses_top(set: &QuestionSet, respondents: &[Simulated]) -> Option<Warning> {
    let top = top_role(set);
    let strongest = respondents.iter().find(|r| r.respondent == Respondent::Strongest)?;
    let verdict = strongest.verdict(top)?;
    if verdict.is_ready() {
        return None;
    }
    let questions = set_order(strongest.report.dimensions.iter().flat_map(|d| d.pulled_down_by.iter().copied()));
    Some(Warning::StrongestMissesTop { role: top, verdict: verdict.clone(), questions })
}

/// Rule: every role's target in a dimension must be reachable: at most the dimension's score with
/// the strongest answer to every question (within the scoring's tolerance). Names the dimension's
/// questions whose strongest answer is below the target, the furthest short first (up to three).
fn unreachable_targets(set: &QuestionSet) -> Vec<Warning> {
    let strongest = Respondent::Strongest.answers(set);
    let mut found = Vec::new();
    for role in set.roles_by_stage() {
        let report = score(set, &strongest, role);
        for (d, dimension) in report.dimensions.iter().enumerate() {
            let Some(best) = dimension.score else { continue };
            if best + TOLERANCE < set.roles[role].targets[d] {
                found.push(Warning::UnreachableTarget {
                    role,
                    dimension: d,
                    best,
                    questions: dimension.pulled_down_by.clone(),
                });
            }
        }
    }
    found
}

/// Rule: no two roles have the same targets (equal within the scoring's tolerance in every
/// dimension); each later role (in declared order) is named with the first role it repeats.
fn same_targets(set: &QuestionSet) -> Vec<Warning> {
    let same = |a: &[f64], b: &[f64]| a.iter().zip(b).all(|(x, y)| (x - y).abs() <= TOLERANCE);
    (0..set.roles.len())
        .filter_map(|r| {
            let same_as = (0..r).find(|&earlier| same(&set.roles[earlier].targets, &set.roles[r].targets))?;
            Some(Warning::SameTargets { role: r, same_as })
        })
        .collect()
}

/// The fewest scored questions a dimension needs to be measured.
pub const MIN_DIMENSION_QUESTIONS: usize = 4;

/// Rule: a dimension is measured by at least [`MIN_DIMENSION_QUESTIONS`] scored questions, and by
/// more than one kind (habits, scenarios, ladders). Questions outside the score (`"scored": false`)
/// do not count. Names its scored questions.
fn thin_dimension(set: &QuestionSet, d: usize) -> Option<Warning> {
    let questions: Vec<usize> =
        (0..set.questions.len()).filter(|&q| set.questions[q].scored && set.questions[q].dimension == d).collect();
    let first = Kind::of(&set.questions[*questions.first()?]);
    let one_kind = questions.iter().all(|&q| Kind::of(&set.questions[q]) == first).then_some(first);
    (questions.len() < MIN_DIMENSION_QUESTIONS || one_kind.is_some()).then_some(Warning::ThinDimension {
        dimension: d,
        questions,
        one_kind,
    })
}

/// The dimension's scenarios (choice questions, scored or not: a person reads them all) that have
/// one strongest option, with its index. A scenario whose strongest score is shared has no single key
/// to give away, and is left out of the pattern rules.
fn keyed_scenarios(set: &QuestionSet, d: usize) -> Vec<(usize, usize)> {
    (0..set.questions.len())
        .filter(|&q| set.questions[q].dimension == d)
        .filter_map(|q| {
            let QuestionKind::Choice { options } = &set.questions[q].kind else { return None };
            let key = strongest_option(options);
            let tied = options.iter().filter(|o| o.score == options[key].score).count() > 1;
            (!tied).then_some((q, key))
        })
        .collect()
}

/// Rule: in a dimension's scenarios, the strongest option is the longest (strictly, in characters)
/// in no more than 40% of them. It fires only when that happens in at least two: one scenario is no
/// pattern. Names the scenarios where it is.
fn key_longest(set: &QuestionSet, d: usize) -> Option<Warning> {
    let scenarios = keyed_scenarios(set, d);
    let length = |option: &ChoiceOption| option.text.chars().count();
    let questions: Vec<usize> = scenarios
        .iter()
        .filter(|&&(q, key)| {
            let options = set.questions[q].kind.options();
            options.iter().enumerate().all(|(i, option)| i == key || length(option) < length(&options[key]))
        })
        .map(|&(q, _)| q)
        .collect();
    (questions.len() >= 2 && questions.len() * 5 > scenarios.len() * 2).then_some(Warning::KeyLongest {
        dimension: d,
        scenarios: scenarios.len(),
        questions,
    })
}

/// The fewest scenarios in which a position can be a pattern.
pub const MIN_PATTERN_SCENARIOS: usize = 3;

/// Rule: in a dimension's scenarios, the strongest option sits at one position (first, second, ...)
/// in no more than half of them. It fires only for a dimension of at least
/// [`MIN_PATTERN_SCENARIOS`] scenarios: "most" of one or two is no pattern. Names the scenarios at
/// the most common position.
fn key_same_position(set: &QuestionSet, d: usize) -> Option<Warning> {
    let scenarios = keyed_scenarios(set, d);
    if scenarios.len() < MIN_PATTERN_SCENARIOS {
        return None;
    }
    let most = scenarios.iter().map(|&(_, key)| key).max_by_key(|&position| {
        // The count at this position; the earliest position among equal counts.
        (scenarios.iter().filter(|&&(_, key)| key == position).count(), usize::MAX - position)
    })?;
    let questions: Vec<usize> = scenarios.iter().filter(|&&(_, key)| key == most).map(|&(q, _)| q).collect();
    (questions.len() * 2 > scenarios.len()).then_some(Warning::KeySamePosition {
        dimension: d,
        position: most,
        scenarios: scenarios.len(),
        questions,
    })
}

/// Words too common to mark an answer: English function words of four letters or more (shorter
/// words are ignored anyway).
const COMMON_WORDS: [&str; 96] = [
    "about",
    "above",
    "after",
    "again",
    "against",
    "also",
    "among",
    "another",
    "anyone",
    "around",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "could",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "first",
    "from",
    "further",
    "have",
    "having",
    "here",
    "into",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "more",
    "most",
    "much",
    "must",
    "next",
    "once",
    "only",
    "other",
    "others",
    "over",
    "same",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "until",
    "upon",
    "very",
    "want",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "whom",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "your",
    "yours",
    "yourself",
    "still",
    "already",
    "instead",
];

/// The shortest word that can mark an answer, in characters.
pub const MIN_MARKING_WORD: usize = 4;

/// The words of `text` as the keyed-word rule compares them: case-folded, split at anything but a
/// letter, a digit or an apostrophe (’ read as '), a final "'s" dropped.
pub fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|word| {
            let word = word.replace('’', "'");
            let word = word.trim_matches('\'');
            word.strip_suffix("'s").unwrap_or(word).to_owned()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether a word can mark an answer: at least [`MIN_MARKING_WORD`] characters, not a number, and
/// not one of [`COMMON_WORDS`].
fn marking(word: &str) -> bool {
    word.chars().count() >= MIN_MARKING_WORD
        && !word.chars().all(|c| c.is_ascii_digit())
        && !COMMON_WORDS.contains(&word)
}

/// Rule: no word is in the strongest option of two or more of a dimension's scenarios and in none of
/// their other options (words as [`words`] reads them, those that [`marking`] allows: at least four
/// characters, not a common function word). One word in one key is just what that answer says; the
/// same word in several keys and in no decoy teaches a person to look for it. One warning per word,
/// in the order the words first appear; names the scenarios whose key has it.
fn keyed_words(set: &QuestionSet, d: usize) -> Vec<Warning> {
    let scenarios: Vec<usize> = (0..set.questions.len())
        .filter(|&q| set.questions[q].dimension == d && Kind::of(&set.questions[q]) == Kind::Scenario)
        .collect();
    // Every keyed option (all the options with the strongest score) and every other.
    let mut in_keys: Vec<(String, Vec<usize>)> = Vec::new();
    let mut elsewhere: Vec<String> = Vec::new();
    for &q in &scenarios {
        let options = set.questions[q].kind.options();
        let best = options[strongest_option(options)].score;
        for option in options {
            for word in words(&option.text).into_iter().filter(|w| marking(w)) {
                if option.score == best {
                    match in_keys.iter_mut().find(|(known, _)| *known == word) {
                        Some((_, questions)) if questions.last() != Some(&q) => questions.push(q),
                        Some(_) => {}
                        None => in_keys.push((word, vec![q])),
                    }
                } else {
                    elsewhere.push(word);
                }
            }
        }
    }
    in_keys
        .into_iter()
        .filter(|(word, questions)| questions.len() >= 2 && !elsewhere.contains(word))
        .map(|(word, questions)| Warning::KeyedWord { dimension: d, word, scenarios: scenarios.len(), questions })
        .collect()
}

/// Phrases that tell a person which answer is wanted.
const WHICH_TO_PICK: [&str; 12] = [
    "right answer",
    "correct answer",
    "best answer",
    "wrong answer",
    "good answer",
    "best option",
    "strongest option",
    "strongest answer",
    "should pick",
    "should choose",
    "should select",
    "should answer",
];

/// How many words in a row an option and a help share before the help repeats the option.
pub const REPEATED_WORDS: usize = 5;

/// Rule: a question's help clarifies the question and names no answer. It names one when it quotes
/// an option's text or a point of the scale (the words inside quotation marks are all of an option's
/// words, or its first three or more, or a scale label's); when it repeats [`REPEATED_WORDS`] words
/// of an option in a row (case-folded, as [`words`] reads them); or when it says which answer is
/// wanted ([`WHICH_TO_PICK`]). "Doesn't apply to my situation" and "Not had the chance yet" are no
/// option nor scale point, so help may say when to give them. The first reason found is named.
fn help_names_answer(set: &QuestionSet, q: usize) -> Option<Warning> {
    let question = &set.questions[q];
    let help = question.help.as_deref()?;
    let help_words = words(help);
    let quotes: Vec<Vec<String>> = quoted(help).iter().map(|quote| words(quote)).collect();
    let found = |named| Some(Warning::HelpNamesAnswer { question: q, named });
    for (o, option) in question.kind.options().iter().enumerate() {
        let option_words = words(&option.text);
        let quotes_it = quotes.iter().any(|quote| {
            !quote.is_empty()
                && (*quote == option_words || (quote.len() >= 3 && option_words.starts_with(quote.as_slice())))
        });
        let repeats_it = option_words.len() >= REPEATED_WORDS
            && option_words.windows(REPEATED_WORDS).any(|run| help_words.windows(REPEATED_WORDS).any(|h| h == run));
        if quotes_it || repeats_it {
            return found(Named::Option(o));
        }
    }
    if let (QuestionKind::Likert { .. }, Some(scale)) = (&question.kind, &set.scale) {
        for (l, label) in scale.labels.iter().enumerate() {
            let label_words = words(label);
            if quotes.iter().any(|quote| !quote.is_empty() && *quote == label_words) {
                return found(Named::Label(l));
            }
        }
    }
    let phrase = WHICH_TO_PICK.iter().find(|phrase| {
        let phrase_words = words(phrase);
        help_words.windows(phrase_words.len()).any(|run| run == phrase_words.as_slice())
    })?;
    found(Named::Phrase(phrase))
}

/// The passages of `text` inside quotation marks: “…”, ‘…’ (when the ’ is followed by no letter,
/// so an apostrophe is not taken for one), "…".
fn quoted(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '“' => Some('”'),
            '"' => Some('"'),
            '‘' => Some('’'),
            _ => None,
        };
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let end = (i + 1..chars.len())
            .find(|&j| chars[j] == close && !(close == '’' && chars.get(j + 1).is_some_and(|c| c.is_alphabetic())));
        match end {
            Some(end) => {
                found.push(chars[i + 1..end].iter().collect());
                i = end + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// `items` in ascending order without repeats.
fn set_order(items: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut sorted: Vec<usize> = items.collect();
    crate::sorting::sort_by(&mut sorted, |a, b| a.cmp(b));
    sorted.dedup();
    sorted
}

// ---------------------------------------------------------------------------------------------
// The report as JSON, for the workbench

/// Where something is in the document's text, for the editor: 1-based line and column (in
/// characters) and UTF-16 offsets of its start and end (see [`crate::model::locate`]); all null when
/// it could not be found.
#[derive(Serialize, Default)]
pub struct PlaceJson {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub offset: Option<usize>,
    pub end: Option<usize>,
}

impl PlaceJson {
    pub fn of(span: Option<Span>) -> PlaceJson {
        match span {
            Some(span) => PlaceJson {
                line: Some(span.start.line),
                column: Some(span.start.column),
                offset: Some(span.start.utf16),
                end: Some(span.end.utf16),
            },
            None => PlaceJson::default(),
        }
    }
}

#[derive(Serialize)]
struct ReportJson<'a> {
    set: SetJson<'a>,
    roles: Vec<RoleJson<'a>>,
    respondents: Vec<RespondentJson<'a>>,
    warnings: Vec<WarningJson<'a>>,
}

#[derive(Serialize)]
struct SetJson<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    name: &'a str,
    stage: u32,
}

#[derive(Serialize)]
struct RespondentJson<'a> {
    id: &'static str,
    name: &'static str,
    description: &'static str,
    ready_for: Option<&'a str>,
    verdicts: Vec<VerdictJson<'a>>,
}

#[derive(Serialize)]
struct VerdictJson<'a> {
    role: &'a str,
    verdict: &'static str,
    ready: bool,
    readiness: Option<f64>,
    sentence: String,
}

#[derive(Serialize)]
struct WarningJson<'a> {
    code: &'static str,
    message: String,
    questions: Vec<&'a str>,
    path: String,
    #[serde(flatten)]
    place: PlaceJson,
}

fn verdict_code(verdict: &Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => "ready",
        Verdict::Short { .. } => "short",
        Verdict::BelowThreshold { .. } => "below-threshold",
        Verdict::NotEnoughAnswers { .. } => "not-enough-answers",
    }
}

/// The lint report as compact JSON, for the workbench:
///
/// ```json
/// {"set": {"id": "...", "version": "..."},
///  "roles": [{"id": "...", "name": "...", "stage": 1}, ...],
///  "respondents": [{"id": "overclaimer", "name": "overclaimer", "description": "...",
///                   "ready_for": "tech-lead" | null,
///                   "verdicts": [{"role": "tech-lead", "verdict": "ready" | "short" | "below-threshold" | "not-enough-answers",
///                                 "ready": true, "readiness": 93.1 | null, "sentence": "ready"}, ...]}, ...],
///  "warnings": [{"code": "key-longest", "message": "...", "questions": ["ts-3", ...],
///                "path": "questions[3].options[1].text", "line": 40, "column": 20, "offset": 1234, "end": 1290}, ...]}
/// ```
///
/// Roles and each respondent's verdicts are in stage order; readiness is unrounded. `text` is the
/// document the set was read from: each warning's place is that of its `path` in it (null without it).
pub fn report_json(set: &QuestionSet, warnings: &[Warning], respondents: &[Simulated], text: Option<&[u8]>) -> String {
    let role_id = |r: usize| set.roles[r].id.as_str();
    let report = ReportJson {
        set: SetJson { id: &set.id, version: &set.version },
        roles: set
            .roles_by_stage()
            .into_iter()
            .map(|r| RoleJson { id: role_id(r), name: &set.roles[r].name, stage: set.roles[r].stage })
            .collect(),
        respondents: respondents
            .iter()
            .map(|simulated| RespondentJson {
                id: simulated.respondent.id(),
                name: simulated.respondent.name(),
                description: simulated.respondent.description(),
                ready_for: simulated.ready_for().map(role_id),
                verdicts: simulated
                    .verdicts
                    .iter()
                    .map(|(r, verdict)| VerdictJson {
                        role: role_id(*r),
                        verdict: verdict_code(verdict),
                        ready: verdict.is_ready(),
                        readiness: simulated.report.roles.iter().find(|x| x.role == *r).and_then(|x| x.readiness),
                        sentence: verdict.sentence(set),
                    })
                    .collect(),
            })
            .collect(),
        warnings: warnings
            .iter()
            .map(|warning| {
                let path = warning.path(set);
                WarningJson {
                    code: warning.code(),
                    message: warning.message(set),
                    questions: warning.questions().iter().map(|&q| set.questions[q].id.as_str()).collect(),
                    place: PlaceJson::of(text.and_then(|text| locate::span_of(text, &path, 0))),
                    path,
                }
            })
            .collect(),
    };
    crate::model::json::compact(&report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A format-2 set with one dimension "d" and two roles, Lead (stage 1, target `low`) and Head
    /// (stage 2, target `high`), of these questions.
    fn set_with(questions: Vec<Value>, low: f64, high: f64) -> QuestionSet {
        let document = json!({
            "format": "altitude.question-set/2", "id": "test", "version": "1", "title": "Test",
            "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Almost always"]},
            "dimensions": [{"id": "d", "name": "Delivery"}],
            "roles": [
                {"id": "lead", "name": "Lead", "stage": 1, "targets": {"d": low}},
                {"id": "head", "name": "Head", "stage": 2, "targets": {"d": high}}
            ],
            "questions": questions
        });
        QuestionSet::load(document.to_string().as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"))
    }

    fn habit(id: &str) -> Value {
        json!({"id": id, "dimension": "d", "kind": "likert", "text": format!("I do {id}.")})
    }

    fn habit_with_help(id: &str, help: &str) -> Value {
        json!({"id": id, "dimension": "d", "kind": "likert", "text": format!("I do {id}."), "help": help})
    }

    /// A scenario with these options (text, score), ids a, b, c, ...
    fn scenario(id: &str, options: &[(&str, f64)]) -> Value {
        let options: Vec<Value> = options
            .iter()
            .enumerate()
            .map(|(i, (text, score))| json!({"id": ((b'a' + i as u8) as char).to_string(), "text": text, "score": score}))
            .collect();
        json!({"id": id, "dimension": "d", "kind": "choice", "text": format!("What do you do in {id}?"), "options": options})
    }

    /// A ladder of rungs 0, 0.5 and 1, of this weight.
    fn ladder(id: &str, weight: f64) -> Value {
        json!({"id": id, "dimension": "d", "kind": "level", "text": format!("How far does {id} reach?"), "weight": weight,
               "options": [{"id": "none", "text": "Not yet.", "score": 0}, {"id": "team", "text": "One team.", "score": 0.5},
                           {"id": "org", "text": "The organisation.", "score": 1}]})
    }

    fn plain_scenario(id: &str) -> Value {
        scenario(id, &[("Wait and see.", 0.2), ("Ask the team.", 1.0), ("Escalate it.", 0.5)])
    }

    fn lint(set: &QuestionSet) -> Vec<Warning> {
        warnings(set, &respondents(set))
    }

    fn codes(warnings: &[Warning]) -> Vec<&'static str> {
        warnings.iter().map(Warning::code).collect()
    }

    #[test]
    fn respondents_answer_as_described() {
        let set = set_with(
            vec![
                habit("h1"),
                json!({"id": "h2", "dimension": "d", "kind": "likert", "text": "I skip reviews.", "reverse": true}),
                scenario("s1", &[("A", 0.5), ("B", 1.0), ("C", 0.0), ("D", 0.7)]),
                ladder("l1", 1.0),
            ],
            40.0,
            80.0,
        );
        let given = |who: Respondent| who.answers(&set).0;
        use Response::{NotApplicable as Na, Option as O, Point as P};
        assert_eq!(given(Respondent::Strongest), [Some(P(5)), Some(P(1)), Some(O(1)), Some(O(2))]);
        assert_eq!(given(Respondent::Weakest), [Some(P(1)), Some(P(5)), Some(O(2)), Some(O(0))]);
        assert_eq!(given(Respondent::DoesNotApply), [Some(Na), Some(Na), Some(O(1)), Some(Na)]);
        // Ranked by score, C 0, A 0.5, D 0.7, B 1: the lower middle is A.
        assert_eq!(given(Respondent::Middle), [Some(P(3)), Some(P(3)), Some(O(0)), Some(O(1))]);
        assert_eq!(given(Respondent::Overclaimer), [Some(P(5)), Some(P(1)), Some(O(1)), Some(O(1))]);
        let scored = respondents(&set);
        assert_eq!(scored.len(), 5);
        assert_eq!(scored[0].ready_for(), Some(1), "the strongest is ready for Head");
        assert_eq!(scored[0].verdicts.iter().map(|(r, _)| *r).collect::<Vec<_>>(), [0, 1], "stage order");
    }

    #[test]
    fn the_overclaimer_reaching_the_top_role() {
        // No ladder: nothing asks about scope, and claiming every habit is the top role.
        let set = set_with(vec![habit("h1"), habit("h2"), plain_scenario("s1"), plain_scenario("s2")], 40.0, 80.0);
        let found = overclaimer_reaches_top(&set, &respondents(&set)).unwrap();
        assert_eq!(found.questions(), [0, 1, 2, 3]);
        assert!(contains(&found.message(&set), "the set has no ladders"), "{}", found.message(&set));
        // A light ladder at its middle rung: the habits and scenarios still carry it (4.5 of 5: 90).
        let set = set_with(
            vec![habit("h1"), habit("h2"), plain_scenario("s1"), plain_scenario("s2"), ladder("l1", 1.0)],
            40.0,
            80.0,
        );
        let found = overclaimer_reaches_top(&set, &respondents(&set)).unwrap();
        assert_eq!(found.questions(), [0, 1, 2, 3], "the habits and scenarios, not the ladder");
        assert_eq!(found.path(&set), "questions[0]");
        // A ladder that weighs 6: 7 of 10 is 70, 10 short of 80 and readiness 87.5%: not Head.
        let set = set_with(
            vec![habit("h1"), habit("h2"), plain_scenario("s1"), plain_scenario("s2"), ladder("l1", 6.0)],
            40.0,
            80.0,
        );
        assert_eq!(overclaimer_reaches_top(&set, &respondents(&set)), None);
    }

    #[test]
    fn the_strongest_missing_the_top_role_and_a_target_out_of_reach() {
        // The best a person can score is 0.8 on the scenario and 1 on the rest: 95, short of 100 but
        // within the gap tolerance of 10, at a readiness of 95%: the strongest is still ready for Head.
        let scenario_at_most = |best| scenario("s1", &[("A", best), ("B", 0.0)]);
        let set = set_with(vec![habit("h1"), habit("h2"), scenario_at_most(0.8), ladder("l1", 1.0)], 40.0, 100.0);
        let found = lint(&set);
        assert_eq!(codes(&found), ["unreachable-target"]);
        let Warning::UnreachableTarget { role, dimension, best, questions: named } = &found[0] else { panic!() };
        assert_eq!((*role, *dimension, named.as_slice()), (1, 0, &[2][..]), "the scenario holds it down");
        assert!((best - 95.0).abs() < 1e-9, "{best}");
        assert_eq!(found[0].path(&set), "roles[1].targets.d");
        assert_eq!(
            found[0].message(&set),
            "Head's target in Delivery is 100, but the strongest answers score 95 there: no answers can reach it"
        );
        // At most 0.2 on the scenario: 80, short by 20, and not ready for Head either.
        let set = set_with(vec![habit("h1"), habit("h2"), scenario_at_most(0.2), ladder("l1", 1.0)], 40.0, 100.0);
        let found = lint(&set);
        assert_eq!(codes(&found), ["strongest-misses-top", "unreachable-target"]);
        let Warning::StrongestMissesTop { role, questions: named, .. } = &found[0] else { panic!() };
        assert_eq!((*role, named.as_slice()), (1, &[2][..]), "the scenario pulls it down");
        assert_eq!(found[0].path(&set), "questions[2]");
        assert!(contains(&found[0].message(&set), "not ready for Head, the top role (short in Delivery by 20"));
        // Within reach: neither.
        let set = set_with(vec![habit("h1"), habit("h2"), scenario_at_most(0.8), ladder("l1", 1.0)], 40.0, 95.0);
        assert_eq!(codes(&lint(&set)), Vec::<&str>::new());
    }

    #[test]
    fn two_roles_with_the_same_targets() {
        let questions = vec![habit("h1"), habit("h2"), plain_scenario("s1"), ladder("l1", 2.0)];
        let set = set_with(questions.clone(), 70.0, 70.0);
        assert_eq!(same_targets(&set), [Warning::SameTargets { role: 1, same_as: 0 }]);
        assert_eq!(same_targets(&set)[0].path(&set), "roles[1].targets");
        assert!(contains(&same_targets(&set)[0].message(&set), "can never be Lead"));
        assert_eq!(same_targets(&set_with(questions, 70.0, 71.0)), []);
    }

    #[test]
    fn a_dimension_too_thin_to_measure() {
        let thin = |questions| thin_dimension(&set_with(questions, 40.0, 80.0), 0);
        let few = thin(vec![habit("h1"), plain_scenario("s1"), ladder("l1", 1.0)]).unwrap();
        assert_eq!(few, Warning::ThinDimension { dimension: 0, questions: vec![0, 1, 2], one_kind: None });
        let set = set_with(vec![habit("h1"), habit("h2"), habit("h3"), habit("h4")], 40.0, 80.0);
        let one_kind = thin_dimension(&set, 0).unwrap();
        assert!(matches!(one_kind, Warning::ThinDimension { one_kind: Some(Kind::Habit), .. }));
        assert_eq!(one_kind.path(&set), "dimensions[0]");
        assert_eq!(
            one_kind.message(&set),
            "Delivery is too thin to measure: its 4 scored questions are all habits (likert); give it at least 4, of more than one kind"
        );
        assert_eq!(thin(vec![habit("h1"), habit("h2"), plain_scenario("s1"), ladder("l1", 1.0)]), None);
    }

    #[test]
    fn the_strongest_option_the_longest_too_often() {
        let long = |id| {
            scenario(
                id,
                &[("Wait.", 0.2), ("Ask the team what they need, then agree a date.", 1.0), ("Escalate.", 0.5)],
            )
        };
        let short =
            |id| scenario(id, &[("Wait for the quarter to end and see.", 0.2), ("Ask.", 1.0), ("Escalate.", 0.5)]);
        let set = set_with(vec![long("s1"), long("s2"), short("s3"), habit("h1")], 40.0, 80.0);
        let found = key_longest(&set, 0).unwrap();
        assert_eq!(found, Warning::KeyLongest { dimension: 0, scenarios: 3, questions: vec![0, 1] });
        assert_eq!(found.path(&set), "questions[0].options[1].text");
        // One in three is a third, within 40%; one alone is no pattern.
        assert_eq!(key_longest(&set_with(vec![long("s1"), short("s2"), short("s3")], 40.0, 80.0), 0), None);
        assert_eq!(key_longest(&set_with(vec![long("s1")], 40.0, 80.0), 0), None);
        // A tie for the strongest score is no single key.
        let tied = |id| scenario(id, &[("Wait.", 1.0), ("Ask the team what they need, then agree a date.", 1.0)]);
        assert_eq!(key_longest(&set_with(vec![tied("s1"), tied("s2")], 40.0, 80.0), 0), None);
    }

    #[test]
    fn the_strongest_option_at_one_position_too_often() {
        let at = |id, key: usize| {
            let mut options = [("Wait.", 0.2), ("Escalate.", 0.5), ("Ignore it.", 0.0)];
            options[key].1 = 1.0;
            scenario(id, &options)
        };
        let set = set_with(vec![at("s1", 2), at("s2", 0), at("s3", 2), habit("h1")], 40.0, 80.0);
        let found = key_same_position(&set, 0).unwrap();
        assert_eq!(found, Warning::KeySamePosition { dimension: 0, position: 2, scenarios: 3, questions: vec![0, 2] });
        assert!(contains(&found.message(&set), "the third option in 2 of its 3 scenarios (s1, s3)"));
        assert_eq!(key_same_position(&set_with(vec![at("s1", 2), at("s2", 0), at("s3", 1)], 40.0, 80.0), 0), None);
        // Two scenarios are too few for a pattern, whatever their keys.
        assert_eq!(key_same_position(&set_with(vec![at("s1", 2), at("s2", 2)], 40.0, 80.0), 0), None);
    }

    #[test]
    fn a_word_only_the_strongest_options_use() {
        let set = set_with(
            vec![
                scenario("s1", &[("Decide together with the leads.", 1.0), ("Decide alone.", 0.3)]),
                scenario("s2", &[("Wait for the review.", 0.4), ("Agree it together, with the team.", 1.0)]),
                scenario("s3", &[("Ask the leads.", 1.0), ("Wait and see.", 0.2)]),
            ],
            40.0,
            80.0,
        );
        // "together" marks the key; "with" is too common, "the" too short; "leads" is in a key only once
        // with another key ("Ask the leads") — two keys, no decoy: it marks them too.
        let found = keyed_words(&set, 0);
        assert_eq!(
            found,
            [
                Warning::KeyedWord { dimension: 0, word: "together".to_owned(), scenarios: 3, questions: vec![0, 1] },
                Warning::KeyedWord { dimension: 0, word: "leads".to_owned(), scenarios: 3, questions: vec![0, 2] },
            ]
        );
        assert_eq!(found[1].path(&set), "questions[0].options[0].text");
        // The same words in a decoy too: no cue.
        let set = set_with(
            vec![
                scenario("s1", &[("Decide together with the leads.", 1.0), ("Decide alone with the leads.", 0.3)]),
                scenario("s2", &[("Wait together for the review.", 0.4), ("Agree it together, with the team.", 1.0)]),
            ],
            40.0,
            80.0,
        );
        assert_eq!(keyed_words(&set, 0), []);
    }

    #[test]
    fn words_are_case_folded_without_possessives() {
        assert_eq!(words("The Team’s plan, don't WAIT—ask."), ["the", "team", "plan", "don't", "wait", "ask"]);
        assert!(!marking("with") && marking("team") && !marking("2026") && !marking("ask"));
    }

    #[test]
    fn help_that_names_an_answer() {
        let with_help = |help: &str| {
            let mut question = scenario(
                "s1",
                &[("Ask the team what they need before you decide.", 1.0), ("Decide alone.", 0.3), ("Wait.", 0.0)],
            );
            question["help"] = json!(help);
            let set = set_with(vec![question, habit_with_help("h1", help)], 40.0, 80.0);
            (help_names_answer(&set, 0), help_names_answer(&set, 1))
        };
        let named = |help| {
            with_help(help).0.map(|w| match w {
                Warning::HelpNamesAnswer { named, .. } => named,
                other => panic!("{other:?}"),
            })
        };
        assert_eq!(named("Not the same as “Decide alone.”"), Some(Named::Option(1)), "quoted");
        assert_eq!(
            named("People who \"ask the team what they\" often do well."),
            Some(Named::Option(0)),
            "its first words quoted"
        );
        assert_eq!(named("It helps to ask the team what they need."), Some(Named::Option(0)), "five words repeated");
        assert_eq!(named("There is no single right answer here."), Some(Named::Phrase("right answer")));
        assert_eq!(named("Count only decisions you made yourself."), None);
        assert_eq!(named("If this never came up, answer “Doesn't apply to my situation”."), None);
        // A habit's help quoting a point of the scale.
        let (_, habit_help) = with_help("If you did it weekly, answer “Often”.");
        let found = habit_help.unwrap();
        assert_eq!(found, Warning::HelpNamesAnswer { question: 1, named: Named::Label(3) });
        assert_eq!(found.path(&set_with(vec![habit("h1"), habit("h2")], 40.0, 80.0)), "questions[1].help");
        assert_eq!(with_help("Weekly counts as often; an apostrophe’s no quote ‘here").1, None);
    }

    #[test]
    fn the_report_as_json() {
        let text = json!({
            "format": "altitude.question-set/2", "id": "test", "version": "1", "title": "Test",
            "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Almost always"]},
            "dimensions": [{"id": "d", "name": "Delivery"}],
            "roles": [{"id": "lead", "name": "Lead", "stage": 1, "targets": {"d": 40}},
                      {"id": "head", "name": "Head", "stage": 2, "targets": {"d": 40}}],
            "questions": [habit("h1"), habit("h2"), habit("h3"), habit("h4")]
        });
        let text = crate::model::json::pretty(&text.to_string());
        let set = QuestionSet::load(text.as_bytes()).unwrap();
        let respondents = respondents(&set);
        let warnings = warnings(&set, &respondents);
        let report: Value =
            serde_json::from_str(&report_json(&set, &warnings, &respondents, Some(text.as_bytes()))).unwrap();
        assert_eq!(report["set"], json!({"id": "test", "version": "1"}));
        assert_eq!(
            report["roles"],
            json!([{"id": "lead", "name": "Lead", "stage": 1}, {"id": "head", "name": "Head", "stage": 2}])
        );
        assert_eq!(report["respondents"].as_array().unwrap().len(), 5);
        assert_eq!(
            report["respondents"][0],
            json!({"id": "strongest", "name": "strongest answers", "description": "The strongest answer to every question.",
                   "ready_for": "head",
                   "verdicts": [{"role": "lead", "verdict": "ready", "ready": true, "readiness": 100.0, "sentence": "ready"},
                                {"role": "head", "verdict": "ready", "ready": true, "readiness": 100.0, "sentence": "ready"}]})
        );
        assert_eq!(report["respondents"][2]["verdicts"][0]["verdict"], "not-enough-answers");
        let codes: Vec<&str> =
            report["warnings"].as_array().unwrap().iter().map(|w| w["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["overclaimer-reaches-top", "same-targets", "thin-dimension"]);
        // Each warning at its place in the text: the second role's targets are on line 29 of the pretty text.
        let same = &report["warnings"][1];
        assert_eq!(same["path"], "roles[1].targets");
        let line = text.lines().position(|l| contains(l, "\"targets\": {")).unwrap();
        let second = text.lines().enumerate().filter(|(_, l)| contains(l, "\"targets\": {")).nth(1).unwrap().0;
        assert!(second > line);
        assert_eq!(same["line"], second + 1);
        let offset = same["offset"].as_u64().unwrap() as usize;
        assert_eq!(&text[offset..offset + 1], "{");
        assert_eq!(report["warnings"][0]["questions"], json!(["h1", "h2", "h3", "h4"]));
        // Without the text, no places.
        let report: Value = serde_json::from_str(&report_json(&set, &warnings, &respondents, None)).unwrap();
        assert_eq!(report["warnings"][1]["line"], Value::Null);
    }

    fn contains(haystack: &str, needle: &str) -> bool {
        crate::text::contains(haystack, needle)
    }
}
