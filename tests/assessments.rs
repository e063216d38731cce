//! The bundled assessments (issue 11): valid format-2 sets of the promised size and shape, written so that a
//! coach would put their name to them, with targets from one stated method (docs/assessment-design.md), and
//! scoring simulated respondents the way the design says they should be scored. Three sets follow the management
//! path; the fourth (issue 30) the staff path, with the StaffEng archetypes as facets.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use altitude::lint::{answers, Respondent};
use altitude::model::{
    ChoiceOption, Context, Guidance, Organisation, Question, QuestionKind, QuestionSet, Relationship, Response,
    Responses,
};
use altitude::scoring::verdict::{at_organisation, headline};
use altitude::scoring::{others_view, score, Report, Verdict};

const DIMENSIONS: [&str; 4] = ["technical-strategy", "people-leadership", "business-acumen", "communication"];

fn assessments_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments")
}

fn load(id: &str) -> QuestionSet {
    let bytes = std::fs::read(assessments_dir().join(format!("{id}.json"))).unwrap();
    QuestionSet::load(&bytes).unwrap_or_else(|problems| panic!("{id}: {problems:#?}"))
}

/// A bundled set's promises: (id, questions min..=max, per-dimension min..=max, role ids by stage).
type SetPromise = (&'static str, (usize, usize), (usize, usize), &'static [&'static str]);

const SETS: [SetPromise; 4] = [
    (
        "cto-readiness",
        (40, 48),
        (10, 12),
        // Engineering Manager is the floor (2.3.0): the items are written at director-to-board altitude, and the step
        // before is the Tech Lead → EM set's, which its summary names.
        &["engineering-manager", "director-of-engineering", "head-of-engineering", "vp-of-engineering", "cto"],
    ),
    (
        "em-to-head-of-engineering",
        (34, 40),
        (9, 11),
        &["engineering-manager", "director-of-engineering", "head-of-engineering"],
    ),
    // Four ladders in every dimension since the sixth reading (2026-12), so 43 questions; 44 with the offer of a
    // staff role (pl-22, not scored) that mirrors the offer of the manager's (the coach's reading of 2026-12-07b).
    ("tech-lead-to-engineering-manager", (40, 45), (10, 12), &["senior-engineer", "tech-lead", "engineering-manager"]),
    // The staff path (issue 30): about fifteen minutes, so the fewest items the shape allows: three ladders, three
    // habits (one reverse-keyed) and three scenarios in every dimension; the habits are asked for the facets,
    // outside the score (the third reading, 2026-12), so six questions of a dimension are scored.
    (
        "staff-engineer-readiness",
        (36, 40),
        (6, 6),
        &["senior-engineer", "staff-engineer", "senior-staff-engineer", "principal-engineer"],
    ),
];

/// The scope ladder: a level option's id names its rung, and a rung scores the same in every set.
const RUNGS: [(&str, f64); 6] =
    [("not-yet", 0.0), ("own", 0.2), ("team", 0.4), ("teams", 0.6), ("org", 0.8), ("company", 1.0)];

/// The method of docs/assessment-design.md: a share of every dimension's weight for scope ladders, habits (likert)
/// and scenarios (choice), and a role's target is the score of someone who just meets it: the role's rung on
/// every ladder, "Often" on every habit, and a reference option on every scenario.
///
/// The management path (2.3.0): ladders 90%, habits 5%, scenarios 5%, a scenario reference of 0.7 (what the
/// second-strongest options average), so an honest holder at their rung meets their target exactly. Scope decides
/// the verdict: a rung on one ladder of three is worth 6 points, on every ladder 18, and flawless habits and
/// scenarios add at most 2.75 above the reference respondent. So an honest holder with "Sometimes" on every habit
/// and any one ladder a rung short stays within the tolerance of 8, and someone claiming one ladder per dimension
/// a rung high with flawless habits and scenarios stays more than 8 short of the role above.
/// `min_coverage` is 0.85 in every management set (the fourth reading, 2026-12): leaving out any one ladder drops a
/// dimension below it (one of four ladders leaves 77.5%, one of five 82%), leaving out every habit and scenario does
/// not (90%). So no ladder may be left out, and no one can climb by leaving out the ladders they are weakest on.
/// The staff path keeps its own method (below).
struct Method {
    level: f64,
    likert: f64,
    choice: f64,
    reference_likert: f64,
    reference_choice: f64,
    /// The scenario reference of the set's first role, where it differs from `reference_choice`.
    first_role_reference_choice: f64,
    /// Whether a target is the reference respondent's score rounded down (else to the nearest whole number).
    round_down: bool,
    ready_threshold: f64,
    min_coverage: f64,
    gap_tolerance: f64,
}

impl Method {
    /// A role's target in a dimension: the score of the reference respondent at the role's rung.
    fn target(&self, first_role: bool, rung: f64) -> f64 {
        let choice = if first_role { self.first_role_reference_choice } else { self.reference_choice };
        let score = 100.0 * (self.level * rung + self.likert * self.reference_likert + self.choice * choice);
        // 1e-9: 6/7 × 0.8 + 1/7 × 0.8 is 80 to the reader and 79.999… to f64.
        if self.round_down {
            (score + 1e-9).floor()
        } else {
            score.round()
        }
    }
}

/// A rung short on one ladder of three costs 6 points, "Sometimes" on every habit 1.25; a flawless respondent a
/// rung below a role is 15.75 short of it, and one who claims one ladder of three a rung high 9 short of the role
/// above.
const MANAGEMENT: Method = Method {
    level: 0.9,
    likert: 0.05,
    choice: 0.05,
    reference_likert: 0.75,
    reference_choice: 0.7,
    first_role_reference_choice: 0.7,
    round_down: false,
    ready_threshold: 85.0,
    min_coverage: 0.85,
    gap_tolerance: 8.0,
};
/// The CTO set is the management method with a tolerance of 9, not 8 (the fourth reading, 2026-12). Its dimensions
/// have four ladders, so a rung is worth 4.5 points a ladder, and its top roles sit on the company rung, which no
/// ladder can exceed: an honest CTO or VP a rung short on two ladders of a dimension (9 points) had nothing to offset
/// it, and only about half of honest holders with ±1-rung noise kept their role. At 9 about 80–90% do, and the
/// one-ladder-per-dimension overclaimer still falls short of the role above (4.5 + 2.75 above the reference is 7.25
/// of a rung's 18, more than 9 short). The three-ladder sets keep 8: at 9, a Senior Engineer claiming one ladder per
/// dimension a rung high with flawless habits and scenarios reads Engineering Manager.
///
/// The Tech Lead → EM set has had four ladders in every dimension since the sixth reading (2026-12) and uses the
/// same method. At 8, four ladders kept fewer honest holders than three (a rung is 4.5 points a ladder, so a net
/// two rungs short in a dimension, 9, failed, and four ladders make that likelier: 60–63% kept their role with
/// ±1-rung noise, against 65–68% with three); at 9 it is 83–91%, and the one-ladder-per-dimension overclaimer is
/// 10.75 short of the role above (0 of 256 climb).
const FLAGSHIP: Method = Method { gap_tolerance: 9.0, ..MANAGEMENT };
/// The CTO set's `min_coverage` is 0.94 (the tenth reading, 2026-12; 0.96 from the sixth). At 0.85 a respondent could
/// mark every habit and scenario "Doesn't apply" (90% of each dimension left) and be scored on ladders alone: two
/// company rungs and two organisation rungs per dimension read CTO that way. At 0.96 that gave "not enough answers",
/// but so did what the help itself sends to "Doesn't apply": the three technical habits, each conditional on
/// something happening in six months, and the founding CTO with two people habits untested and two more "Doesn't
/// apply". Since the twelfth reading a habit weighs 0.5 and a scenario 1.5 (habits 2.5%, scenarios 7.5%; together
/// still the 10% beside the ladders): with a weight of 1 each, every scenario of an area "Doesn't apply" left 95% and
/// lifted a Head of Engineering whose weakest options were the only thing keeping them from CTO. Now every habit and
/// one scenario of an area may be left out, and every scenario may not (the arithmetic is in
/// `in_the_flagship_half_of_an_areas_habits_and_scenarios_may_be_left_out_and_no_more`). Targets are unchanged:
/// 90 × the rung + 7.125 rounds as 90 × the rung + 7.25 did.
const CTO_METHOD: Method = Method { likert: 0.025, choice: 0.075, min_coverage: 0.94, ..FLAGSHIP };
/// The staff path scores readiness from ladders and scenarios only (the third reading, 2026-12: every habit
/// there is one archetype's daily work, so a scored habit moved a person's readiness by their kind, up to 6
/// points of a tolerance of 8). Its habits are asked, and count in the facets, outside the score. A ladder
/// weighs 6 and a scenario 1 of a dimension's 21, so the method gives 85.7% ladders and 14.3% scenarios;
/// habits and scenarios can then add at most 2.9 points above the reference respondent, against the 17.1 a
/// rung is worth.
///
/// Its targets are rounded down, and the Senior Engineer's scenario reference is the third-strongest option, 0.6
/// (the fourth reading, 2026-12). Rounded up (62.86 to 63, 45.71 to 46, and the Senior Engineer at 29), a holder
/// who meets the method exactly was short by 0.1 to 0.3 in all four dimensions of their own role, so the report's
/// focus named all four and `pulled_down_by` the holder's own ladders; and at the low targets the readiness
/// threshold of 90% binds before the tolerance, so a Senior Engineer with two honest "Not yet" ladders in different
/// dimensions, or a Staff Engineer one rung short in each dimension, was turned away with "readiness 89%" and no gap
/// above 8. The scenarios are written at staff altitude, across teams: a Senior Engineer is not asked to handle them
/// as a staff engineer would, so their reference is the option a capable senior engineer most often picks, 0.6, and
/// their target 25 (25.7 rounded down). No gamer or overclaimer climbs for it (the tests below).
const STAFF_METHOD: Method = Method {
    level: 6.0 / 7.0,
    likert: 0.0,
    choice: 1.0 / 7.0,
    reference_likert: 0.75,
    reference_choice: 0.8,
    first_role_reference_choice: 0.6,
    round_down: true,
    // 85, not 90 (the fifth reading, 2026-12): at 90 about one Staff holder in seven, a rung short in every
    // dimension with a realistic mix of scenario answers, read "readiness 89%", a reason naming no dimension; at
    // 85 every "not yet" names one, and no gamer or overclaimer moves.
    ready_threshold: 85.0,
    min_coverage: 0.6,
    gap_tolerance: 8.0,
};

fn method(id: &str) -> &'static Method {
    match id {
        STAFF => &STAFF_METHOD,
        "cto-readiness" => &CTO_METHOD,
        "tech-lead-to-engineering-manager" => &FLAGSHIP,
        _ => &MANAGEMENT,
    }
}

/// A rating that is a habit, not a choice of work ("Given the choice, I took ... over other kinds of work"):
/// scored, or on the staff path, where habits are asked for the facets only, any rating but a choice of work.
fn is_habit(id: &str, question: &Question) -> bool {
    matches!(question.kind, QuestionKind::Likert { .. })
        && (question.scored || (id == STAFF && !is_choice_of_work(question)))
}

/// The staff path's unscored question on the work a person takes when free to choose.
fn is_choice_of_work(question: &Question) -> bool {
    !question.scored && question.text.starts_with("Given the choice")
}

/// The rung each role needs per dimension, as tabled in docs/assessment-design.md: one whole rung each, so
/// someone who honestly works at a role's scope answers exactly that rung. The staff path climbs the same rungs by
/// how far a person's technical influence reaches, not by whom they manage: a Staff Engineer's direction and writing
/// reach several teams, a Senior Staff Engineer's the organisation, a Principal Engineer's the company and beyond;
/// levelling others up without reports, and the priorities, domain decisions and costs a staff engineer changes, lag
/// a rung behind (a team, then several teams, then the organisation), as people leadership peaks with the
/// organisation on the management path (the re-grade of 2026-12-07, docs/assessment-design.md, "The staff path").
/// The Senior Engineer is the same role in both paths, with the same rungs.
const SCOPE: [(&str, [f64; 4]); 10] = [
    ("senior-engineer", [0.2, 0.2, 0.2, 0.2]),
    ("tech-lead", [0.4, 0.2, 0.2, 0.4]),
    ("engineering-manager", [0.4, 0.4, 0.4, 0.4]),
    ("director-of-engineering", [0.6, 0.6, 0.6, 0.6]),
    ("head-of-engineering", [0.8, 0.8, 0.8, 0.8]),
    ("vp-of-engineering", [0.8, 0.8, 1.0, 1.0]),
    ("cto", [1.0, 0.8, 1.0, 1.0]),
    ("staff-engineer", [0.6, 0.4, 0.4, 0.6]),
    ("senior-staff-engineer", [0.8, 0.6, 0.6, 0.8]),
    ("principal-engineer", [1.0, 0.8, 0.8, 1.0]),
];

fn rung_score(id: &str) -> Option<f64> {
    RUNGS.iter().find(|(rung, _)| *rung == id).map(|(_, score)| *score)
}

fn options(question: &Question) -> Option<&[ChoiceOption]> {
    match &question.kind {
        QuestionKind::Choice { options } | QuestionKind::Level { options } => Some(options),
        QuestionKind::Likert { .. } => None,
    }
}

fn is_level(question: &Question) -> bool {
    matches!(question.kind, QuestionKind::Level { .. })
}

fn is_choice(question: &Question) -> bool {
    matches!(question.kind, QuestionKind::Choice { .. })
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn runs(text: &str, length: usize) -> HashSet<String> {
    words(text).windows(length).map(|run| run.join(" ")).collect()
}

#[test]
fn every_file_in_assessments_is_a_valid_format_2_set_listed_in_the_catalog() {
    let catalog: serde_json::Value =
        serde_json::from_slice(&std::fs::read(assessments_dir().join("catalog.json")).unwrap()).unwrap();
    // An entry is a file name, or an object with the file and the set's start-screen facts.
    let listed: HashSet<String> = catalog["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().or(v["file"].as_str()).unwrap().to_owned())
        .collect();
    let mut found = HashSet::new();
    for entry in std::fs::read_dir(assessments_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "catalog.json" || !name.ends_with(".json") {
            continue;
        }
        let set = QuestionSet::load(&std::fs::read(assessments_dir().join(&name)).unwrap())
            .unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        assert_eq!(format!("{}.json", set.id), name, "a set's file is named after its id");
        assert_eq!(set.format, 2, "{name}: the bundled sets are in format 2");
        found.insert(name);
    }
    assert_eq!(found, listed, "the catalog lists exactly the bundled sets");
    assert_eq!(catalog["default"], "cto-readiness");
}

#[test]
fn sizes_roles_and_dimensions_are_as_promised() {
    for (id, (min, max), (per_min, per_max), roles) in SETS {
        let set = load(id);
        assert!((min..=max).contains(&set.questions.len()), "{id}: {} questions", set.questions.len());
        let dimension_ids: Vec<&str> = set.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(dimension_ids, DIMENSIONS, "{id}");
        for (d, dimension) in DIMENSIONS.iter().enumerate() {
            // Questions asked as signals (`"scored": false`) are shown but not counted.
            let count = set.questions.iter().filter(|q| q.dimension == d && q.scored).count();
            assert!((per_min..=per_max).contains(&count), "{id}: {count} scored questions in {dimension}");
        }
        let by_stage: Vec<&str> = set.roles_by_stage().into_iter().map(|r| set.roles[r].id.as_str()).collect();
        assert_eq!(by_stage, roles, "{id}");
        let ids: HashSet<&str> = set.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), set.questions.len(), "{id}: question ids are unique");
        assert!(
            set.estimated_minutes.is_some() && set.summary.is_some(),
            "{id}: the start screen needs minutes and a summary"
        );
    }
    // Stated from a timed reading: the words a person reads at 200 a minute, and the time each
    // judgement takes beyond reading: 30 seconds for a ladder (recalling an example of one's own,
    // other than the other ladders', and checking it against the rung's conditions), 20 for a
    // scenario (weighing four courses), 8 for a habit or any other question. Three coaches timed
    // the CTO set at 35 to 40 minutes against the 8 seconds a judgement stated before (32.7).
    for (id, ..) in SETS {
        let set = load(id);
        let mut words = set.summary.as_deref().map_or(0, |s| s.split_whitespace().count());
        words += set
            .dimensions
            .iter()
            .filter_map(|d| d.description.as_deref())
            .map(|d| d.split_whitespace().count())
            .sum::<usize>();
        for q in &set.questions {
            words += q.text.split_whitespace().count() + q.help.as_deref().map_or(0, |h| h.split_whitespace().count());
            words += q.kind.options().iter().map(|o| o.text.split_whitespace().count()).sum::<usize>();
        }
        let judging: f64 = set
            .questions
            .iter()
            .map(|q| match q.kind {
                QuestionKind::Level { .. } => 30.0,
                QuestionKind::Choice { .. } => 20.0,
                _ => 8.0,
            })
            .sum();
        let timed = words as f64 / 200.0 + judging / 60.0;
        let stated = f64::from(set.estimated_minutes.unwrap());
        assert!((stated - timed).abs() <= 1.0, "{id}: stated {stated} minutes, timed {timed:.1}");
    }
}

#[test]
fn every_dimension_asks_about_scope_habit_and_judgement_in_the_stated_shares() {
    for (id, ..) in SETS {
        let set = load(id);
        let levels = set.questions.iter().filter(|q| is_level(q)).count();
        let scored = set.questions.iter().filter(|q| q.scored).count();
        assert!(levels * 3 >= scored, "{id}: at least a third of the scored items are ladders ({levels})");
        for (d, dimension) in DIMENSIONS.iter().enumerate() {
            assert!(
                set.questions.iter().filter(|q| q.dimension == d && is_habit(id, q)).count() >= 3,
                "{id}/{dimension}: habits are asked in every dimension"
            );
            let mine: Vec<&Question> = set.questions.iter().filter(|q| q.dimension == d && q.scored).collect();
            let total: f64 = mine.iter().map(|q| q.weight).sum();
            let share =
                |keep: fn(&Question) -> bool| mine.iter().filter(|q| keep(q)).map(|q| q.weight).sum::<f64>() / total;
            let likert = |q: &Question| matches!(q.kind, QuestionKind::Likert { .. });
            let m = method(id);
            assert!((share(is_level) - m.level).abs() < 1e-9, "{id}/{dimension}: ladders weigh {}", share(is_level));
            assert!((share(likert) - m.likert).abs() < 1e-9, "{id}/{dimension}: habits weigh {}", share(likert));
            assert!(
                (share(is_choice) - m.choice).abs() < 1e-9,
                "{id}/{dimension}: scenarios weigh {}",
                share(is_choice)
            );
            // Habits and scenarios carry one weight each, whatever the method's shares: 1 and 1 in most sets, 0.5
            // and 1.5 in the CTO set since its twelfth reading.
            for kind in [likert as fn(&Question) -> bool, is_choice] {
                let weights: Vec<f64> = mine.iter().filter(|q| kind(q)).map(|q| q.weight).collect();
                assert!(weights.windows(2).all(|w| w[0] == w[1]), "{id}/{dimension}: one weight per kind, {weights:?}");
            }
        }
    }
}

#[test]
fn ladders_climb_the_one_scope_ladder() {
    for (id, ..) in SETS {
        let set = load(id);
        for question in set.questions.iter().filter(|q| is_level(q)) {
            let options = options(question).unwrap();
            assert_eq!(options[0].id, "not-yet", "{id}/{}: a ladder starts at not yet", question.id);
            // No rung skipped, so a rung short always costs the same.
            for (k, option) in options.iter().enumerate() {
                assert_eq!(option.id, RUNGS[k].0, "{id}/{}: rung {k} is {}", question.id, RUNGS[k].0);
            }
            assert!(options.len() >= 4, "{id}/{}: a ladder has at least four rungs", question.id);
            for option in options {
                let rung = rung_score(&option.id)
                    .unwrap_or_else(|| panic!("{id}/{}: \"{}\" is not a rung", question.id, option.id));
                assert_eq!(option.score, rung, "{id}/{}/{}: a rung scores the same everywhere", question.id, option.id);
            }
            assert!(question.debrief.is_some(), "{id}/{}: a ladder has a debrief", question.id);
        }
    }
}

#[test]
fn every_question_can_be_asked_about_someone_else() {
    for (id, ..) in SETS {
        let set = load(id);
        for question in &set.questions {
            let other = question.text_other.as_deref().unwrap_or_else(|| panic!("{id}/{}: no text_other", question.id));
            assert_ne!(other, question.text, "{id}/{}", question.id);
            let first_person = ["i", "my", "me", "you", "your"];
            if matches!(question.kind, QuestionKind::Likert { .. }) {
                assert!(
                    !words(other).iter().any(|w| first_person.contains(&w.as_str())),
                    "{id}/{}: the others' version speaks about them: {other}",
                    question.id
                );
            }
            // A rater is asked what they have seen, never to predict what the person would do.
            if matches!(question.kind, QuestionKind::Choice { .. }) {
                let lower = other.to_lowercase();
                assert!(
                    ["most likely", "would they", "would this person", "what would"].iter().all(|p| !lower.contains(p))
                        && lower.contains("seen"),
                    "{id}/{}: ask the rater what they have seen: {other}",
                    question.id
                );
            }
            if let Some(options) = options(question) {
                for option in options {
                    assert!(
                        !words(&option.text).iter().any(|w| ["i", "my", "me"].contains(&w.as_str())),
                        "{id}/{}/{}: options read for self and others alike",
                        question.id,
                        option.id
                    );
                }
            }
        }
    }
}

#[test]
fn ratings_are_single_recurring_behaviours_with_one_recall_window() {
    for (id, ..) in SETS {
        let set = load(id);
        let summary = set.summary.as_deref().unwrap();
        assert_eq!(summary.matches("last six months").count(), 1, "{id}: the recall window is stated once");
        let likert: Vec<(&Question, bool)> = set
            .questions
            .iter()
            .filter(|q| is_habit(id, q))
            .filter_map(|q| match q.kind {
                QuestionKind::Likert { reverse } => Some((q, reverse)),
                _ => None,
            })
            .collect();
        let reverse = likert.iter().filter(|(_, r)| *r).count();
        assert!(
            (0.15..=0.4).contains(&(reverse as f64 / likert.len() as f64)),
            "{id}: {reverse} of {} ratings reversed",
            likert.len()
        );
        for (d, dimension) in DIMENSIONS.iter().enumerate() {
            assert!(
                likert.iter().any(|(q, r)| *r && q.dimension == d),
                "{id}/{dimension}: a reverse-keyed habit in every dimension"
            );
        }
        let windows = ["in the last", "this year", "last quarter", "last month", "past year", "at least one"];
        for question in &set.questions {
            let text = question.text.to_lowercase();
            for window in windows {
                assert!(!text.contains(window), "{id}/{}: \"{window}\" sets its own window or count", question.id);
            }
            if matches!(question.kind, QuestionKind::Likert { .. }) {
                // One behaviour each: no "and acted", "and changed" pairs, no "or ... and".
                for pair in [" and acted", " and changed", " and followed", " and then "] {
                    assert!(!text.contains(pair), "{id}/{}: two behaviours in one rating", question.id);
                }
            }
        }
    }
}

#[test]
fn scenarios_are_arguable_and_their_form_gives_nothing_away() {
    let mut all_scenarios: Vec<(String, HashSet<String>)> = Vec::new();
    for (id, ..) in SETS {
        let set = load(id);
        let scenarios: Vec<&Question> = set.questions.iter().filter(|q| is_choice(q)).collect();
        assert!(scenarios.len() * 5 >= set.questions.len(), "{id}: {} scenarios", scenarios.len());
        let mut positions: HashMap<usize, usize> = HashMap::new();
        let (mut longest, mut shortest, mut arguable) = (0, 0, 0);
        for question in &scenarios {
            let options = options(question).unwrap();
            let best: Vec<usize> = (0..options.len()).filter(|&i| options[i].score == 1.0).collect();
            assert_eq!(best.len(), 1, "{id}/{}: exactly one strongest option", question.id);
            let best = best[0];
            *positions.entry(best).or_default() += 1;
            assert!(
                options.iter().all(|o| o.score >= 0.2),
                "{id}/{}: every option is something a capable leader might do (no straw man at 0)",
                question.id
            );
            if options.iter().filter(|o| (0.5..1.0).contains(&o.score)).count() >= 2 {
                arguable += 1;
            }
            let lengths: Vec<usize> = options.iter().map(|o| o.text.chars().count()).collect();
            if lengths[best] == *lengths.iter().max().unwrap() {
                longest += 1;
            }
            if lengths[best] == *lengths.iter().min().unwrap() {
                shortest += 1;
            }
            assert!(question.debrief.is_some(), "{id}/{}: a scenario has a debrief", question.id);
            all_scenarios.push((format!("{id}/{}", question.id), runs(&question.text, 6)));
        }
        let n = scenarios.len();
        assert!(arguable * 4 >= n * 3, "{id}: only {arguable} of {n} scenarios give partial credit to two options");
        assert!(longest * 3 <= n, "{id}: the strongest option is the longest in {longest} of {n}");
        assert!(shortest * 3 <= n, "{id}: the strongest option is the shortest in {shortest} of {n}");
        assert!(positions.len() >= 4, "{id}: the strongest option sits in every position ({positions:?})");
        assert!(
            positions.values().all(|&k| k * 5 <= n * 2),
            "{id}: no position holds the strongest option often ({positions:?})"
        );
    }
    // Wording that could mark the strongest option (issue 11 review, item 6) is at least as common among the
    // weaker options, and asking one's manager for help is the strongest answer somewhere, not only a weak one.
    // Options read for the person and for a rater alike, so one's manager is "the manager one reports to", not
    // "your manager", which a rater reads as their own (the third reading of Tech Lead → EM, 2026-12-07d).
    let markers = ["this week", "today", "now", "agree", "trial", "pilot", "your manager", "manager one reports to"];
    let has = |text: &str, marker: &str| {
        let (text, marker) = (words(text), words(marker));
        text.windows(marker.len()).any(|w| w.iter().zip(&marker).all(|(t, m)| t.starts_with(m.as_str())))
    };
    for marker in markers {
        let (mut strongest, mut weaker) = (0, 0);
        for (id, ..) in SETS {
            for question in load(id).questions.iter().filter(|q| is_choice(q)) {
                for option in options(question).unwrap() {
                    if has(&option.text, marker) {
                        if option.score == 1.0 {
                            strongest += 1;
                        } else {
                            weaker += 1;
                        }
                    }
                }
            }
        }
        assert!(
            strongest <= weaker,
            "\"{marker}\" marks the strongest option ({strongest} strongest, {weaker} weaker)"
        );
        if marker == "manager one reports to" {
            assert!(strongest >= 1, "asking one's manager is never the strongest answer");
        }
    }
    // A reason given in the option ("so ...", "since ...", "because ...") is no more common on the strongest
    // option than on a weaker one (issue 24 review: the key was often the only option that said why). Keys
    // are a quarter of the options, so at the same rate the weaker options carry three times as many.
    let (mut strongest, mut weaker) = (0, 0);
    for (id, ..) in SETS {
        for question in load(id).questions.iter().filter(|q| is_choice(q)) {
            for option in options(question).unwrap() {
                let w = words(&option.text);
                let reason = w.iter().enumerate().any(|(i, word)| {
                    matches!(word.as_str(), "since" | "because")
                        || (word == "so" && w.get(i + 1).is_none_or(|next| next != "far"))
                });
                if reason {
                    if option.score == 1.0 {
                        strongest += 1;
                    } else {
                        weaker += 1;
                    }
                }
            }
        }
    }
    assert!(strongest * 3 <= weaker, "a reason marks the strongest option ({strongest} strongest, {weaker} weaker)");
    // No dilemma twice: two scenarios sharing a six-word run of their situation are the same dilemma retold.
    for (i, (a, runs_a)) in all_scenarios.iter().enumerate() {
        for (b, runs_b) in &all_scenarios[i + 1..] {
            let shared: Vec<&String> = runs_a.intersection(runs_b).collect();
            assert!(shared.is_empty(), "{a} and {b} tell the same situation: {shared:?}");
        }
    }
}

#[test]
fn help_clarifies_and_never_points_to_an_answer() {
    let hints =
        ["look for", "best", "strongest", "right answer", "good answer", "ideal", "prefer", "should", "stronger"];
    for (id, ..) in SETS {
        let set = load(id);
        for question in &set.questions {
            let Some(help) = question.help.as_deref() else { continue };
            let lower = help.to_lowercase();
            for hint in hints {
                assert!(!lower.contains(hint), "{id}/{}: help says \"{hint}\": {help}", question.id);
            }
            let help_runs = runs(help, 3);
            for option in options(question).unwrap_or_default() {
                let option_runs = runs(&option.text, 3);
                let shared: Vec<&String> = option_runs.intersection(&help_runs).collect();
                assert!(shared.is_empty(), "{id}/{}: help echoes option {}: {shared:?}", question.id, option.id);
            }
        }
        let untested = set
            .questions
            .iter()
            .filter(|q| q.help.as_deref().is_some_and(|h| h.contains("not had the chance")))
            .count();
        if id == "tech-lead-to-engineering-manager" {
            // The fourth reading (2026-12): every scored item here can be answered by anyone aiming at the set's
            // roles (a mentee or a team of one's own is not needed; "Not yet" is the true answer without them), so
            // no scored item's help offers "not had the chance", and no ladder can be left out to climb.
            assert!(
                set.questions.iter().filter(|q| q.scored).all(|q| !may_be_left_out(q)),
                "{id}: a scored item's help offers leaving it out"
            );
        } else {
            // On the staff path the ladders count reach in any job and the choices of work are asked as preferences
            // anyone can state (the fourth reading, 2026-12), so two items need a situation a person may never have
            // met: a cost they could see (ba-7) and a problem a leader handed them (co-10).
            let least = if id == STAFF { 2 } else { 3 };
            assert!(untested >= least, "{id}: items that need a job the person may not have say so ({untested})");
        }
    }
}

#[test]
fn targets_come_from_the_stated_method_and_agree_across_sets() {
    let mut seen: HashMap<String, Vec<f64>> = HashMap::new();
    for (id, ..) in SETS {
        let set = load(id);
        let m = method(id);
        assert_eq!(set.gap_tolerance, m.gap_tolerance, "{id}: the gap tolerance is set on purpose");
        assert_eq!(set.ready_threshold, m.ready_threshold, "{id}");
        let first = set.roles_by_stage()[0];
        for (r, role) in set.roles.iter().enumerate() {
            let (_, scope) = SCOPE.iter().find(|(r, _)| *r == role.id).unwrap_or_else(|| panic!("{}", role.id));
            let expected: Vec<f64> = scope.iter().map(|rung| m.target(r == first, *rung)).collect();
            assert_eq!(role.targets, expected, "{id}/{}: targets follow the method", role.id);
            // The same role has the same targets in every set of the same method (the Senior Engineer's differ
            // between the staff path and the Tech Lead → EM set, whose shares differ; its rungs do not).
            if let Some(before) = seen.insert(format!("{}/{}", m.level, role.id), role.targets.clone()) {
                assert_eq!(before, role.targets, "{id}/{}: the same role has the same targets everywhere", role.id);
            }
        }
        let totals: Vec<f64> = set.roles_by_stage().into_iter().map(|r| set.roles[r].targets.iter().sum()).collect();
        assert!(totals.windows(2).all(|w| w[0] < w[1]), "{id}: {totals:?}");
    }
    let set = load("cto-readiness");
    let target = |role: &str, d: usize| set.roles[set.role_index(role).unwrap()].targets[d];
    assert!(target("cto", 1) <= target("head-of-engineering", 1), "people leadership does not peak at CTO");
    for d in [0, 2, 3] {
        assert!(set.roles.iter().all(|r| r.targets[d] <= target("cto", d)), "{} peaks at CTO", DIMENSIONS[d]);
    }
    assert!(target("vp-of-engineering", 2) > target("head-of-engineering", 2));
    // A tech lead and an engineering manager both work at one team's scope technically, so an engineering
    // manager who meets their own targets is never told they are not ready to be a tech lead.
    let set = load("tech-lead-to-engineering-manager");
    let target = |role: &str, d: usize| set.roles[set.role_index(role).unwrap()].targets[d];
    assert_eq!(target("tech-lead", 0), target("engineering-manager", 0));
    for (id, ..) in SETS {
        let set = load(id);
        let stages = set.roles_by_stage();
        for pair in stages.windows(2) {
            let (lower, higher) = (&set.roles[pair[0]], &set.roles[pair[1]]);
            for (d, dimension) in DIMENSIONS.iter().enumerate() {
                assert!(
                    lower.targets[d] <= higher.targets[d],
                    "{id}/{dimension}: {} asks more than {}, so being ready for the higher role would not imply the lower",
                    lower.id,
                    higher.id
                );
            }
        }
    }
}

fn effective(set: &QuestionSet, role: usize, d: usize) -> [Option<&str>; 3] {
    let base: Option<&Guidance> = set.guidance[d].as_ref();
    let specific: Option<&Guidance> = set.role_guidance.get(role).and_then(|r| r[d].as_ref());
    let pick =
        |f: fn(&Guidance) -> Option<&String>| specific.and_then(f).or_else(|| base.and_then(f)).map(String::as_str);
    [pick(|g| g.first_step.as_ref()), pick(|g| g.conversation.as_ref()), pick(|g| g.signal.as_ref())]
}

#[test]
fn guidance_can_be_acted_on_and_fits_the_role_aimed_at() {
    let mut advice: HashMap<(String, usize), [Option<String>; 3]> = HashMap::new();
    let mut projects_by_role: HashMap<(String, usize), Vec<String>> = HashMap::new();
    for (id, ..) in SETS {
        let set = load(id);
        for (d, dimension) in set.dimensions.iter().enumerate() {
            let g = set.guidance[d].as_ref().unwrap_or_else(|| panic!("{id}: no guidance for {}", dimension.id));
            assert!(g.summary.is_some(), "{id}/{}", dimension.id);
            assert!(
                g.skills.len() >= 5 && g.practices.len() >= 4 && g.projects.len() >= 3 && g.reading.len() >= 3,
                "{id}/{}",
                dimension.id
            );
            assert!(g.reading.iter().all(|book| book.author.is_some() && book.note.is_some()), "{id}/{}", dimension.id);
            for (r, role) in set.roles.iter().enumerate() {
                let [first, talk, signal] = effective(&set, r, d);
                assert!(first.is_some() && talk.is_some() && signal.is_some(), "{id}/{}/{}", role.id, dimension.id);
                let now = [first, talk, signal].map(|s| s.map(str::to_owned));
                let projects = set.role_guidance.get(r).and_then(|g| g[d].as_ref()).filter(|g| !g.projects.is_empty());
                let projects = projects.unwrap_or(g).projects.clone();
                if let Some(before) = projects_by_role.insert((role.id.clone(), d), projects.clone()) {
                    assert_eq!(
                        before, projects,
                        "{id}/{}/{}: the same role gets the same projects",
                        role.id, dimension.id
                    );
                }
                if let Some(before) = advice.insert((role.id.clone(), d), now.clone()) {
                    assert_eq!(
                        before, now,
                        "{id}/{}/{}: the same role gets the same advice in every set",
                        role.id, dimension.id
                    );
                }
            }
        }
        let titles: Vec<&str> =
            set.guidance.iter().flatten().flat_map(|g| g.reading.iter().map(|b| b.title.as_str())).collect();
        let unique: HashSet<&str> = titles.iter().copied().collect();
        assert_eq!(unique.len(), titles.len(), "{id}: a book sits under one dimension only");
        assert!(!titles.contains(&"Clean Code"), "{id}: a coding book is not technical strategy");
    }
    // Advice differs where the scope differs: a tech lead and a CTO are not told the same thing.
    let lead = &advice[&("tech-lead".to_owned(), 0)];
    let cto = &advice[&("cto".to_owned(), 0)];
    assert_ne!(lead, cto);
    // Every role is advised at its own scope (issue 11 review, item 14): no two roles get the same first step,
    // conversation or signal in any dimension, so a tech lead is not handed a senior engineer's advice, a
    // director a head of engineering's, or a VP a CTO's.
    let roles: Vec<&str> = SCOPE.iter().map(|(r, _)| *r).collect();
    for d in 0..DIMENSIONS.len() {
        for (i, a) in roles.iter().enumerate() {
            for b in &roles[i + 1..] {
                let (x, y) = (&advice[&((*a).to_owned(), d)], &advice[&((*b).to_owned(), d)]);
                for k in 0..3 {
                    assert_ne!(x[k], y[k], "{a} and {b} get the same advice in {}", DIMENSIONS[d]);
                }
            }
        }
    }
    for d in 0..DIMENSIONS.len() {
        let lead = &projects_by_role[&("tech-lead".to_owned(), d)];
        assert_ne!(lead, &projects_by_role[&("cto".to_owned(), d)], "projects fit the scope of the role aimed at");
        assert_ne!(lead, &projects_by_role[&("engineering-manager".to_owned(), d)]);
    }
}

/// Issue 24, and the coach's reading of 2026-12-07: a person aiming below a set's top role read the top role's
/// summary, skills, practices and reading (a tech lead was told VP and CTO are business leaders first). Every
/// role below the top now has its own in every dimension, with 3–5 practices and 2–3 books with authors and
/// notes; the same role reads the same in every set; no two roles share a summary or a practice in a
/// dimension, nor the whole of a reading list; and each book stays under one dimension in its set.
#[test]
fn every_role_below_the_top_has_its_own_summary_practices_and_reading() {
    type Own = (Option<String>, Vec<String>, Vec<String>, Vec<String>);
    let mut by_role: HashMap<(String, usize), Own> = HashMap::new();
    for (id, ..) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        let mut dimension_of: HashMap<&str, usize> = HashMap::new();
        for (d, g) in set.guidance.iter().enumerate() {
            for book in g.iter().flat_map(|g| &g.reading) {
                dimension_of.insert(&book.title, d);
            }
        }
        for (r, role) in set.roles.iter().enumerate() {
            for d in 0..DIMENSIONS.len() {
                let general = set.guidance[d].as_ref().unwrap();
                let Some(own) = set.role_guidance.get(r).and_then(|g| g[d].as_ref()) else {
                    assert_eq!(r, top, "{id}/{}/{}: no guidance of its own", role.id, DIMENSIONS[d]);
                    continue;
                };
                let place = format!("{id}/{}/{}", role.id, DIMENSIONS[d]);
                if r == top {
                    continue;
                }
                assert!(own.summary.is_some() && own.summary != general.summary, "{place}: summary");
                assert!(!own.skills.is_empty() && own.skills != general.skills, "{place}: skills");
                assert!((3..=5).contains(&own.practices.len()), "{place}: 3–5 practices");
                assert!(
                    own.practices.iter().all(|p| !general.practices.contains(p)),
                    "{place}: the top role's practice"
                );
                assert!((2..=3).contains(&own.reading.len()), "{place}: 2–3 books");
                for book in &own.reading {
                    assert!(book.author.is_some() && book.note.is_some(), "{place}: {}", book.title);
                    let d0 = *dimension_of.entry(&book.title).or_insert(d);
                    assert_eq!(d0, d, "{place}: {} sits under another dimension in this set", book.title);
                }
                let titles: Vec<String> = own.reading.iter().map(|b| b.title.clone()).collect();
                let now = (own.summary.clone(), own.skills.clone(), own.practices.clone(), titles);
                if let Some(before) = by_role.insert((role.id.clone(), d), now.clone()) {
                    assert_eq!(before, now, "{place}: the same role reads the same in every set");
                }
            }
        }
    }
    let keys: Vec<&(String, usize)> = by_role.keys().collect();
    for (i, a) in keys.iter().enumerate() {
        for b in keys.iter().skip(i + 1).filter(|b| b.1 == a.1) {
            let (x, y) = (&by_role[*a], &by_role[*b]);
            assert_ne!(x.0, y.0, "{} and {} share a summary", a.0, b.0);
            assert!(x.2.iter().all(|p| !y.2.contains(p)), "{} and {} share a practice", a.0, b.0);
            assert_ne!(x.3, y.3, "{} and {} share a reading list", a.0, b.0);
        }
    }
}

fn points(set: &QuestionSet) -> u32 {
    set.scale.as_ref().unwrap().points
}

/// The core's simulated respondents (`altitude lint` scores the same ones): the strongest or weakest answer
/// everywhere, and the middle of every scale (its middle point, the middle rung, the median-scoring option).
fn extreme(set: &QuestionSet, best: bool) -> Responses {
    if best { Respondent::Strongest } else { Respondent::Weakest }.answers(set)
}

fn middling(set: &QuestionSet) -> Responses {
    Respondent::Middle.answers(set)
}

/// The highest rung of a ladder at or below `scope`.
fn rung_at_most(options: &[ChoiceOption], scope: f64) -> usize {
    (0..options.len()).rev().find(|&i| options[i].score <= scope + 1e-9).unwrap()
}

/// Someone answering to look good: `habit` on every rating (the bottom on reverse-keyed ones), the
/// strongest option of every scenario, and no more than `scope[d]` on any ladder of dimension `d`.
fn gamer(set: &QuestionSet, habit: u32, scope: [f64; 4]) -> Responses {
    answers(set, |q| {
        Some(match &q.kind {
            QuestionKind::Likert { reverse: true } => Response::Point(1),
            QuestionKind::Likert { reverse: false } => Response::Point(habit),
            QuestionKind::Choice { options } => Response::Option(
                (0..options.len()).max_by(|&a, &b| options[a].score.total_cmp(&options[b].score)).unwrap(),
            ),
            QuestionKind::Level { options } => Response::Option(rung_at_most(options, scope[q.dimension])),
        })
    })
}

/// Someone who truly works at `scope` (per dimension), answering honestly: that rung on every ladder,
/// "Often" on habits ("Rarely" on reverse-keyed ones), and the second-strongest option of every scenario
/// (a good call, not always the strongest).
fn holder(set: &QuestionSet, scope: [f64; 4]) -> Responses {
    answers(set, |q| {
        Some(match &q.kind {
            QuestionKind::Likert { reverse } => Response::Point(if *reverse { 2 } else { 4 }),
            QuestionKind::Choice { options } => {
                let mut ranked: Vec<usize> = (0..options.len()).collect();
                ranked.sort_by(|&a, &b| options[b].score.total_cmp(&options[a].score));
                Response::Option(ranked[1])
            }
            QuestionKind::Level { options } => Response::Option(rung_at_most(options, scope[q.dimension])),
        })
    })
}

/// The same holder with "Sometimes" on every habit, reverse-keyed ones included.
fn holder_sometimes(set: &QuestionSet, scope: [f64; 4]) -> Responses {
    let mut responses = holder(set, scope);
    for (i, question) in set.questions.iter().enumerate() {
        if matches!(question.kind, QuestionKind::Likert { .. }) {
            responses.0[i] = Some(Response::Point(3));
        }
    }
    responses
}

/// The same holder one rung lower on the `i`th question, a ladder.
fn holder_one_rung_short(set: &QuestionSet, scope: [f64; 4], i: usize) -> Responses {
    let mut responses = holder(set, scope);
    if let Some(Response::Option(rung)) = responses.0[i] {
        responses.0[i] = Some(Response::Option(rung.saturating_sub(1)));
    }
    responses
}

fn verdict<'a>(set: &'a QuestionSet, report: &Report) -> Option<&'a str> {
    report.ready_for.map(|r| set.roles[r].id.as_str())
}

fn stage_of(set: &QuestionSet, role: Option<&str>) -> u32 {
    role.map_or(0, |id| set.roles[set.role_index(id).unwrap()].stage)
}

#[test]
fn simulated_respondents_get_the_verdicts_the_design_promises() {
    for (id, _, _, roles) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[roles.len() - 1];
        let second = set.roles[set.roles_by_stage()[1]].stage;

        let best = score(&set, &extreme(&set, true), top);
        assert_eq!(verdict(&set, &best), roles.last().copied(), "{id}: all-best reaches the top role");
        assert!(best.focus.is_empty(), "{id}");
        let worst = score(&set, &extreme(&set, false), top);
        assert_eq!(worst.ready_for, None, "{id}: all-worst reaches no role");
        assert_eq!(worst.focus.len(), 4, "{id}");

        let middle = score(&set, &middling(&set), top);
        assert!(stage_of(&set, verdict(&set, &middle)) <= second, "{id}: middling is {:?}", verdict(&set, &middle));

        // Bottom in one dimension, the top in the rest: every role needs every dimension, so none.
        for (d, dimension) in DIMENSIONS.iter().enumerate() {
            let (low, high) = (extreme(&set, false), extreme(&set, true));
            let mixed = Responses(
                set.questions
                    .iter()
                    .enumerate()
                    .map(|(i, q)| if q.dimension == d { low.0[i] } else { high.0[i] })
                    .collect(),
            );
            let report = score(&set, &mixed, top);
            assert_eq!(report.ready_for, None, "{id}: the bottom in {dimension} and the top elsewhere");
            assert!(report.roles.iter().all(|r| r.short_in.as_ref().unwrap().contains(&d)), "{id}");
        }

        // "Often" everywhere, reverse items denied, the best-sounding scenario options, and a middling scope
        // that is below what the top role needs: not the top role.
        let (_, top_scope) = SCOPE.iter().find(|(r, _)| *r == set.roles[top].id).unwrap();
        let lowest_top = top_scope.iter().copied().fold(f64::INFINITY, f64::min);
        for scope in [0.4, 0.6].into_iter().filter(|s| *s <= lowest_top - 0.1 + 1e-9) {
            let report = score(&set, &gamer(&set, 4, [scope; 4]), top);
            assert_ne!(verdict(&set, &report), roles.last().copied(), "{id}: a gamer at scope {scope} is not top");
        }
        // The same answers a rung below the top role's scope in every dimension: not the top role either.
        let report = score(&set, &gamer(&set, 4, top_scope.map(|s| s - 0.2)), top);
        assert_ne!(verdict(&set, &report), roles.last().copied(), "{id}: a rung below the top scope is not top");
    }
}

fn ready(set: &QuestionSet, report: &Report, role: &str) -> bool {
    let index = set.role_index(role).unwrap();
    report.roles.iter().find(|r| r.role == index).and_then(|r| r.ready).unwrap()
}

fn scope_of(role: &str) -> [f64; 4] {
    SCOPE.iter().find(|(r, _)| *r == role).unwrap().1
}

/// Issue 11 review, item 2: someone honestly working at the scope of the role they hold is ready for it, with
/// room for ordinary imperfection: "Sometimes" on every habit, a rung short on any one ladder, or any one
/// habit not yet tried. And they are ready for no role above it.
#[test]
fn honest_role_holders_are_ready_for_the_role_they_hold() {
    for (id, ..) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        for role in &set.roles {
            let scope = scope_of(&role.id);
            let expect = Some(role.id.as_str());
            let report = score(&set, &holder(&set, scope), top);
            assert_eq!(verdict(&set, &report), expect, "{id}: {} at their scope", role.id);
            let report = score(&set, &holder_sometimes(&set, scope), top);
            assert_eq!(verdict(&set, &report), expect, "{id}: {} answering \"Sometimes\" on habits", role.id);
            for (i, question) in set.questions.iter().enumerate() {
                if is_level(question) {
                    let report = score(&set, &holder_one_rung_short(&set, scope, i), top);
                    assert!(ready(&set, &report, &role.id), "{id}: {} a rung short on {}", role.id, question.id);
                }
                if !matches!(question.kind, QuestionKind::Likert { .. }) {
                    continue;
                }
                let mut responses = holder(&set, scope);
                responses.0[i] = Some(Response::Untested);
                let report = score(&set, &responses, top);
                assert!(ready(&set, &report, &role.id), "{id}: {} with {} untested", role.id, question.id);
            }
        }
    }
}

/// An item a person may not have had the chance to do says so in its help. For the roles that work at one
/// team's scope or less (Senior Engineer, Tech Lead, Engineering Manager), answering any one such item "not
/// had the chance" leaves an honest holder ready for the role they hold; above them, the ladders are the
/// evidence of scope the role needs, so only habits carry that promise (tested above).
#[test]
fn one_untested_item_does_not_unseat_a_role_holder_up_to_engineering_manager() {
    for (id, ..) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        for role in set.roles.iter().filter(|r| scope_of(&r.id).iter().all(|&rung| rung <= 0.4)) {
            for (i, question) in set.questions.iter().enumerate() {
                if !question.help.as_deref().is_some_and(|h| h.contains("not had the chance")) {
                    continue;
                }
                let mut responses = holder(&set, scope_of(&role.id));
                responses.0[i] = Some(Response::Untested);
                let report = score(&set, &responses, top);
                assert!(ready(&set, &report, &role.id), "{id}: {} with {} untested", role.id, question.id);
            }
        }
    }
}

/// Issue 11 review, item 3: an engineering manager is not docked for not yet having managers (or anyone two
/// levels down). The items that need that say so in their help, are never ladders, and answering all of
/// them "not had the chance" leaves an engineering manager ready for the role they hold.
#[test]
fn managers_are_not_docked_for_not_yet_managing_managers() {
    let needs_managers = |q: &Question| {
        q.help.as_deref().is_some_and(|h| h.contains("If no managers report to you") || h.contains("two levels below"))
    };
    for (id, ..) in SETS {
        let set = load(id);
        let Some(em) = set.role_index("engineering-manager") else { continue };
        let top = set.roles_by_stage()[set.roles.len() - 1];
        assert!(set.questions.iter().filter(|q| needs_managers(q)).all(|q| !is_level(q)), "{id}");
        let mut responses = holder(&set, scope_of("engineering-manager"));
        for (i, question) in set.questions.iter().enumerate() {
            if needs_managers(question) {
                responses.0[i] = Some(Response::Untested);
            }
        }
        let report = score(&set, &responses, top);
        assert_eq!(
            report.ready_for,
            Some(em),
            "{id}: an engineering manager with the manager-of-managers items untested"
        );
    }
}

/// Issue 11 review, item 1: flawless habits ("Almost always", every reverse-keyed one denied) and the strongest
/// option of every scenario never make up for a rung of scope, in any dimension, for any role.
#[test]
fn flawless_answers_do_not_stand_in_for_scope() {
    for (id, ..) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        let always = points(&set);
        for role in &set.roles {
            let scope = scope_of(&role.id);
            let report = score(&set, &gamer(&set, always, scope), top);
            assert!(ready(&set, &report, &role.id), "{id}: a flawless {} at their own scope", role.id);
            for d in 0..DIMENSIONS.len() {
                let mut short = scope;
                short[d] -= 0.2;
                let report = score(&set, &gamer(&set, always, short), top);
                assert!(
                    !ready(&set, &report, &role.id),
                    "{id}: flawless answers a rung short in {} pass for {}",
                    DIMENSIONS[d],
                    role.id
                );
            }
        }
    }
    // The strong engineering manager of the review: "Almost always", the strongest options, one team: not Director.
    let set = load("em-to-head-of-engineering");
    let top = set.role_index("head-of-engineering").unwrap();
    let report = score(&set, &gamer(&set, 5, [0.4; 4]), top);
    assert_eq!(verdict(&set, &report), Some("engineering-manager"));
}

#[test]
fn in_the_flagship_claimed_scope_decides_the_verdict() {
    let set = load("cto-readiness");
    let cto = set.role_index("cto").unwrap();
    let claim = |habit: u32, scope: [f64; 4]| verdict(&set, &score(&set, &gamer(&set, habit, scope), cto));
    // "Almost always" on every habit, every reverse-keyed one denied, every scenario at its strongest, and the
    // whole-organisation rung on every ladder: Head of Engineering. VP and CTO need the company rung.
    assert_eq!(claim(5, [0.8; 4]), Some("head-of-engineering"));
    assert_eq!(claim(4, [0.8; 4]), Some("head-of-engineering"));
    // Company-wide reach in business and communication, organisation-wide technology: VP, not CTO.
    assert_eq!(claim(5, [0.8, 0.8, 1.0, 1.0]), Some("vp-of-engineering"));
    assert_eq!(claim(5, [1.0, 0.8, 1.0, 1.0]), Some("cto"));
    // Several teams claimed, whatever the habits: Director, not beyond.
    assert_eq!(claim(4, [0.6; 4]), Some("director-of-engineering"));
    assert_eq!(claim(5, [0.6; 4]), Some("director-of-engineering"));
    // One team: Engineering Manager at most, whatever the habits.
    assert_eq!(claim(5, [0.4; 4]), Some("engineering-manager"));
    // Ladders compensate within a dimension only so far: an honest VP needs the company rung on two of the
    // four technical ladders to be ready for CTO; one is not enough. (Before the fourth reading, with a tolerance
    // of 8, it needed three. At 9 two are the same answers as a CTO two technical ladders short of the company
    // rung, who keeps their role: the tolerance is there for that CTO, and the VP is read the same.)
    let technical: Vec<usize> =
        (0..set.questions.len()).filter(|&i| set.questions[i].dimension == 0 && is_level(&set.questions[i])).collect();
    assert_eq!(technical.len(), 4);
    for (company_ladders, expected) in [(1, "vp-of-engineering"), (2, "cto")] {
        let mut responses = holder(&set, scope_of("vp-of-engineering"));
        for &i in &technical[..company_ladders] {
            let QuestionKind::Level { options } = &set.questions[i].kind else { unreachable!() };
            responses.0[i] = Some(Response::Option(options.len() - 1));
        }
        let report = score(&set, &responses, cto);
        assert_eq!(verdict(&set, &report), Some(expected), "company rung on {company_ladders} technical ladders");
    }
    // The ninth reading (2026-12): direction (ts-14) and bets (ts-15) weigh 16.2 of the ladders' 54, reliability
    // (ts-16) and new technology (ts-22) 10.8, so a VP whose company rungs are the two lighter ladders stays a VP
    // (86.45 against 97, 10.55 short); at equal weights that VP read CTO (8.75 short). The coach's 18 and 9 would
    // put a VP claiming ts-14 a rung high, with flawless habits and scenarios, exactly 9 short: CTO.
    let mut responses = holder(&set, scope_of("vp-of-engineering"));
    for &i in &technical[2..] {
        let QuestionKind::Level { options } = &set.questions[i].kind else { unreachable!() };
        responses.0[i] = Some(Response::Option(options.len() - 1));
    }
    let ids: Vec<&str> = technical[2..].iter().map(|&i| set.questions[i].id.as_str()).collect();
    assert_eq!(ids, ["ts-16", "ts-22"]);
    assert_eq!(verdict(&set, &score(&set, &responses, cto)), Some("vp-of-engineering"), "company rung on {ids:?}");
}

/// Revision of 2026-12: "not had the chance yet" is left out of the score exactly like "doesn't
/// apply", is listed, and leaving everything out gives no verdict at all.
#[test]
fn untested_answers_score_like_not_applicable_and_are_reported() {
    for (id, ..) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        let base = middling(&set);
        for (i, question) in set.questions.iter().enumerate().filter(|(_, q)| q.scored) {
            let mut untested = base.clone();
            untested.0[i] = Some(Response::Untested);
            let mut not_applicable = base.clone();
            not_applicable.0[i] = Some(Response::NotApplicable);
            let (with_untested, without) = (score(&set, &untested, top), score(&set, &not_applicable, top));
            let d = question.dimension;
            assert_eq!(with_untested.dimensions[d].untested, vec![i], "{id}/{}: reported as untested", question.id);
            assert_eq!(with_untested.dimensions[d].score, without.dimensions[d].score, "{id}/{}", question.id);
            assert_eq!(with_untested.dimensions[d].coverage, without.dimensions[d].coverage, "{id}/{}", question.id);
            assert_eq!(with_untested.roles, without.roles, "{id}/{}", question.id);
        }
        let all_untested = answers(&set, |_| Some(Response::Untested));
        let report = score(&set, &all_untested, top);
        assert!(report.dimensions.iter().all(|d| d.score.is_none()), "{id}: not enough answers anywhere");
        assert_eq!(report.ready_for, None, "{id}");
    }
}

/// No six-word run of the source material may appear in a bundled set's own text (stricter than the
/// issue's eight). Set titles, which are role names, and books' titles and authors are facts and are exempt.
/// The material sits beside the repository in CI and here.
#[test]
fn no_sentence_of_the_source_material_is_reused() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        eprintln!("note: {} is not here; the reuse check ran on nothing", seeds.display());
        return;
    };
    let mut source = HashSet::new();
    for entry in entries {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        source.extend(runs(&text, 6));
    }
    for (id, ..) in SETS {
        let set = load(id);
        let mut texts: Vec<&str> = set.summary.as_deref().into_iter().collect();
        for q in &set.questions {
            texts.push(&q.text);
            texts.extend(q.text_other.as_deref());
            texts.extend(q.help.as_deref());
            texts.extend(q.debrief.as_deref());
            texts.extend(options(q).unwrap_or_default().iter().map(|o| o.text.as_str()));
        }
        let guidance = set.guidance.iter().flatten().chain(set.role_guidance.iter().flatten().flatten());
        for g in guidance {
            texts.extend(
                [&g.summary, &g.first_step, &g.conversation, &g.signal].into_iter().flatten().map(String::as_str),
            );
            texts.extend(g.skills.iter().chain(&g.practices).chain(&g.projects).map(String::as_str));
            texts.extend(g.reading.iter().filter_map(|b| b.note.as_deref()));
        }
        for text in texts {
            for run in runs(text, 6) {
                assert!(!source.contains(&run), "{id}: \"{run}\" is taken from the source material (in \"{text}\")");
            }
        }
    }
}

/// The sixth reading of the CTO set (2026-12): the coach's gaming pattern, two company rungs and two organisation
/// rungs per dimension with every habit and scenario "Doesn't apply", read CTO at `min_coverage` 0.85, and Head of
/// Engineering with the weakest habits and scenarios answered instead. Now it gives "not enough answers". The honest
/// CTO whose six months did not bring the occasions of two habits per dimension, answered "Doesn't apply" as the
/// help asks, keeps their role.
#[test]
fn in_the_flagship_doesnt_apply_on_every_habit_and_scenario_is_not_a_verdict() {
    let set = load("cto-readiness");
    let cto = set.role_index("cto").unwrap();
    let mut claims = holder(&set, scope_of("cto"));
    for d in 0..DIMENSIONS.len() {
        for (n, &i) in ladders_in(&set, d).iter().enumerate() {
            let last = options(&set.questions[i]).unwrap().len() - 1;
            claims.0[i] = Some(Response::Option(if n < 2 { last } else { last - 1 }));
        }
    }
    let mut skipped = claims.clone();
    for (i, q) in set.questions.iter().enumerate() {
        if q.scored && !is_level(q) {
            skipped.0[i] = Some(Response::NotApplicable);
        }
    }
    let report = score(&set, &skipped, cto);
    assert!(report.dimensions.iter().all(|d| d.score.is_none()), "every dimension lacks enough answers");
    assert_eq!(report.ready_for, None, "wholesale \"Doesn't apply\" gives no role");
    let mut honest = holder(&set, scope_of("cto"));
    for d in 0..DIMENSIONS.len() {
        let habits: Vec<usize> = (0..set.questions.len())
            .filter(|&i| set.questions[i].dimension == d && is_habit("cto-readiness", &set.questions[i]))
            .collect();
        for &i in &habits[..2] {
            honest.0[i] = Some(Response::NotApplicable);
        }
    }
    assert_eq!(verdict(&set, &score(&set, &honest, cto)), Some("cto"), "two habits per dimension that never came up");
}

/// The tenth reading of the CTO set (2026-12): `min_coverage` computed from the weights, recomputed at the twelfth,
/// when a habit came to weigh 0.5 and a scenario 1.5. Technical strategy weighs 60 points (ladders 17.1, 17.1, 9.9
/// and 9.9; three habits of 0.5 and three scenarios of 1.5), every other area 80 (four ladders of 18; four habits
/// of 0.5 and four scenarios of 1.5). What the help itself sends out of the score: the three technical habits, each
/// conditional on something happening in six months, "Doesn't apply" (58.5 of 60, 97.5%); the founding CTO with
/// `pl-14` and `pl-23` untested and `pl-24` and `pl-4` "Doesn't apply" (78 of 80, 97.5%). Both lost their verdict at
/// 0.96 under the old weights and keep it now with room to spare. At 0.94 an area may lose 3.6 points of 60 or 4.8
/// of 80: every habit and one scenario (57 of 60, 95%; 76.5 of 80, 95.6%), never every scenario (55.5 of 60 or 74
/// of 80, 92.5% in both sizes of area, where a weight of 1 each left 95% and a verdict), nor every habit and two
/// scenarios (55.5 of 60, 92.5%; 75 of 80, 93.75%). Wholesale skipping, every habit and scenario of an area, leaves
/// 90%, and one ladder left out at most 83.5% (50.1 of 60; 62 of 80 is 77.5%). So the value lies above 0.925 and at
/// most 0.95; 0.94 keeps the allowed cases at least half a point clear of float rounding. The name is older than
/// the weights: what may be left out is now every habit and one scenario, not half the items.
#[test]
fn in_the_flagship_half_of_an_areas_habits_and_scenarios_may_be_left_out_and_no_more() {
    let set = load("cto-readiness");
    let cto = set.role_index("cto").unwrap();
    let at = |id: &str| set.questions.iter().position(|q| q.id == id).unwrap();
    let with = |marks: &[(&str, Response)]| {
        let mut responses = holder(&set, scope_of("cto"));
        for (id, response) in marks {
            responses.0[at(id)] = Some(*response);
        }
        responses
    };
    let (ts, pl) = (set.questions[at("ts-2")].dimension, set.questions[at("pl-14")].dimension);
    let weight =
        |d: usize| set.questions.iter().filter(|q| q.scored && q.dimension == d).map(|q| q.weight).sum::<f64>();
    assert!((weight(ts) - 60.0).abs() < 1e-9 && (weight(pl) - 80.0).abs() < 1e-9, "the weights the value rests on");
    for q in set.questions.iter().filter(|q| !is_level(q)) {
        assert_eq!(q.weight, if is_choice(q) { 1.5 } else { 0.5 }, "{}", q.id);
    }
    assert!(set.min_coverage > 0.925 + 0.005 && set.min_coverage <= 0.95 - 0.005, "{}", set.min_coverage);

    use Response::{NotApplicable as Na, Untested};
    let conditional = with(&[("ts-2", Na), ("ts-13", Na), ("ts-21", Na)]);
    let report = score(&set, &conditional, cto);
    assert!((report.dimensions[ts].coverage - 0.975).abs() < 1e-9);
    assert_eq!(verdict(&set, &report), Some("cto"), "the three conditional technical habits \"Doesn't apply\"");
    let founding = with(&[("pl-14", Untested), ("pl-23", Untested), ("pl-24", Na), ("pl-4", Na)]);
    let report = score(&set, &founding, cto);
    assert!((report.dimensions[pl].coverage - 0.975).abs() < 1e-9);
    assert_eq!(verdict(&set, &report), Some("cto"), "the founding CTO, as the help asks");

    // Every habit and one scenario may go: a verdict still.
    let most = with(&[("ts-2", Na), ("ts-13", Na), ("ts-21", Na), ("ts-18", Untested)]);
    let report = score(&set, &most, cto);
    assert!((report.dimensions[ts].coverage - 0.95).abs() < 1e-9);
    assert_eq!(verdict(&set, &report), Some("cto"), "three habits and a scenario out");
    let most = with(&[("pl-14", Untested), ("pl-23", Untested), ("pl-24", Na), ("pl-4", Na), ("pl-19", Na)]);
    let report = score(&set, &most, cto);
    assert!((report.dimensions[pl].coverage - 0.95625).abs() < 1e-9);
    assert_eq!(verdict(&set, &report), Some("cto"), "four habits and a scenario out");

    // A second scenario as well gives "not enough answers" in that area.
    let one_more = with(&[("ts-2", Na), ("ts-13", Na), ("ts-21", Na), ("ts-18", Untested), ("ts-19", Na)]);
    let report = score(&set, &one_more, cto);
    assert_eq!((report.dimensions[ts].score, report.ready_for), (None, None), "three habits and two scenarios out");
    let one_more =
        with(&[("pl-14", Untested), ("pl-23", Untested), ("pl-24", Na), ("pl-4", Na), ("pl-19", Na), ("pl-20", Na)]);
    let report = score(&set, &one_more, cto);
    assert_eq!((report.dimensions[pl].score, report.ready_for), (None, None), "four habits and two scenarios out");

    // Every scenario of one area out, every habit answered: "not enough answers" (92.5% in both sizes of area).
    for (d, dimension) in DIMENSIONS.iter().enumerate() {
        let mut responses = holder(&set, scope_of("cto"));
        for (i, q) in set.questions.iter().enumerate() {
            if q.dimension == d && is_choice(q) {
                responses.0[i] = Some(Na);
            }
        }
        let report = score(&set, &responses, cto);
        assert!((report.dimensions[d].coverage - 0.925).abs() < 1e-9, "{dimension}");
        assert_eq!((report.dimensions[d].score, report.ready_for), (None, None), "{dimension}: every scenario out");
    }

    // Wholesale: every habit and scenario of one area left out, the rest answered at the top, and one ladder out.
    for (d, dimension) in DIMENSIONS.iter().enumerate() {
        for skip in [Na, Untested] {
            let mut responses = gamer(&set, points(&set), scope_of("cto"));
            for (i, q) in set.questions.iter().enumerate() {
                if q.dimension == d && q.scored && !is_level(q) {
                    responses.0[i] = Some(skip);
                }
            }
            let report = score(&set, &responses, cto);
            assert_eq!(report.dimensions[d].score, None, "{dimension}: every habit and scenario out ({skip:?})");
            assert!(report.dimensions.iter().enumerate().all(|(e, r)| e == d || r.score.is_some()), "{dimension}");
            assert_eq!(report.ready_for, None, "{dimension}: wholesale skipping gives no role");
        }
        for &i in &ladders_in(&set, d) {
            let mut responses = holder(&set, scope_of("cto"));
            responses.0[i] = Some(Untested);
            let report = score(&set, &responses, cto);
            assert_eq!((report.dimensions[d].score, report.ready_for), (None, None), "{}", set.questions[i].id);
        }
    }
}

/// The twelfth reading of the CTO set (2026-12), the seventh coach's case: seven ladders at the company rung, the
/// rest at the organisation, every habit as the holder answers it, and the weakest option on every scenario reads
/// Head of Engineering. The same answers with all fifteen scenarios "Doesn't apply" read CTO when a scenario
/// weighed as much as a habit (95% of every area left, above 0.94); at 1.5 a scenario they leave 92.5% and give
/// "not enough answers" in every area, so leaving out the scenarios one would answer badly no longer lifts a verdict.
#[test]
fn leaving_out_every_scenario_does_not_lift_a_verdict() {
    let set = load("cto-readiness");
    let cto = set.role_index("cto").unwrap();
    let company = ["ts-14", "ts-15", "ba-13", "ba-15", "co-13", "co-15", "co-16"];
    let mut weakest = holder(&set, scope_of("cto"));
    for (i, q) in set.questions.iter().enumerate() {
        let Some(options) = options(q) else { continue };
        let pick = if is_level(q) {
            options.iter().position(|o| o.id == if company.contains(&q.id.as_str()) { "company" } else { "org" })
        } else {
            (0..options.len()).min_by(|&a, &b| options[a].score.total_cmp(&options[b].score))
        };
        weakest.0[i] = Some(Response::Option(pick.unwrap()));
    }
    assert_eq!(verdict(&set, &score(&set, &weakest, cto)), Some("head-of-engineering"), "the weakest scenario options");
    let mut skipped = weakest.clone();
    for (i, q) in set.questions.iter().enumerate() {
        if is_choice(q) {
            skipped.0[i] = Some(Response::NotApplicable);
        }
    }
    let report = score(&set, &skipped, cto);
    assert!(report.dimensions.iter().all(|d| d.score.is_none() && (d.coverage - 0.925).abs() < 1e-9));
    assert_eq!(report.ready_for, None, "every scenario \"Doesn't apply\" gives \"not enough answers\", not CTO");
}

/// Issue 24: how much may be left out (docs/assessment-design.md, "How much may be left out"). On the staff path
/// every verdict rests on at least half of each dimension's ladders: leaving out more gives "not enough answers",
/// never a role; leaving out half, with the rest answered, keeps a score. On the management path (the fourth
/// reading, 2026-12) no ladder may be left out: one ladder untested gives that dimension no score and the
/// verdict "not enough answers", while every habit and scenario of a dimension may be left out and it still scores
/// (not in the CTO set since its sixth reading, whose `min_coverage`, 0.94 since the tenth, is above the ladders' 90%).
#[test]
fn leaving_out_too_much_gives_not_enough_answers_not_a_role() {
    for (id, ..) in SETS {
        let set = load(id);
        assert_eq!(set.min_coverage, method(id).min_coverage, "{id}");
        let top = set.roles_by_stage()[set.roles.len() - 1];
        // How many of a dimension's ladders may be left out: half on the staff path, none on the management path.
        let allowed = |n: usize| if id == STAFF { n / 2 } else { 0 };
        for role in &set.roles {
            for (d, dimension) in DIMENSIONS.iter().enumerate() {
                let ladders = ladders_in(&set, d);
                let leave_out = |n: usize| {
                    let mut responses = holder(&set, scope_of(&role.id));
                    for &i in &ladders[..n] {
                        responses.0[i] = Some(Response::Untested);
                    }
                    score(&set, &responses, top)
                };
                let too_much = leave_out(allowed(ladders.len()) + 1);
                assert_eq!(too_much.dimensions[d].score, None, "{id}/{}/{dimension}", role.id);
                assert_eq!(too_much.ready_for, None, "{id}/{}/{dimension}", role.id);
                let most = leave_out(allowed(ladders.len()));
                assert!(most.dimensions[d].score.is_some(), "{id}/{}/{dimension}: as many as allowed", role.id);
                if id == STAFF {
                    continue;
                }
                // Every habit and scenario of the dimension left out, every ladder answered: still a score, and
                // the honest holder keeps their role, where the method allows it (the ladders' share is at least
                // min_coverage); in the CTO set since its sixth reading it does not: "not enough answers".
                let mut responses = holder(&set, scope_of(&role.id));
                for (i, q) in set.questions.iter().enumerate() {
                    if q.dimension == d && q.scored && !is_level(q) {
                        responses.0[i] = Some(Response::Untested);
                    }
                }
                let report = score(&set, &responses, top);
                if method(id).level >= method(id).min_coverage - 1e-9 {
                    assert!(
                        report.dimensions[d].score.is_some(),
                        "{id}/{}/{dimension}: habits and scenarios out",
                        role.id
                    );
                    assert_eq!(verdict(&set, &report), Some(role.id.as_str()), "{id}/{}/{dimension}", role.id);
                } else {
                    assert_eq!(
                        report.dimensions[d].score, None,
                        "{id}/{}/{dimension}: habits and scenarios out",
                        role.id
                    );
                    assert_eq!(report.ready_for, None, "{id}/{}/{dimension}", role.id);
                }
            }
        }
    }
}

/// The fourth reading (2026-12): the effect of `min_coverage` on the management path, as a person sees it. With
/// any ladder left out the headline is "not enough answers" naming that dimension, whatever the rest says; the same
/// answers with that ladder answered at its lowest rung give a verdict.
#[test]
fn on_the_management_path_a_left_out_ladder_asks_for_an_answer_instead_of_guessing() {
    for id in management_sets() {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        for role in &set.roles {
            for i in (0..set.questions.len()).filter(|&i| set.questions[i].scored && is_level(&set.questions[i])) {
                let mut responses = gamer(&set, points(&set), scope_of(&role.id));
                responses.0[i] = Some(Response::Untested);
                let report = score(&set, &responses, top);
                let d = set.questions[i].dimension;
                assert_eq!(report.dimensions[d].score, None, "{id}/{}: {} left out", role.id, set.questions[i].id);
                assert!(
                    report.dimensions.iter().enumerate().all(|(e, dim)| e == d || dim.score.is_some()),
                    "{id}: only the dimension with the ladder left out lacks a score"
                );
                assert_eq!(report.ready_for, None, "{id}/{}: {} left out", role.id, set.questions[i].id);
                responses.0[i] = Some(Response::Option(0));
                assert!(score(&set, &responses, top).dimensions[d].score.is_some(), "{id}: answered \"Not yet\"");
            }
        }
    }
}

/// The fourth reading (2026-12), "selective omission": an honest, uneven person, a rung above their role on the
/// upper half of each dimension's ladders and at it on the rest, who leaves out one of the lower ladders in every
/// dimension. In 2.3.0 as first written (`min_coverage` 0.5) that lifted a Head of Engineering to CTO and a Senior
/// Engineer to Engineering Manager, provisionally. Now leaving a ladder out never gives a higher verdict than
/// answering it: it gives none.
#[test]
fn simulated_selective_omission_lifts_nobody() {
    for id in management_sets() {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        let mut tried = 0;
        for role in &set.roles {
            let mut uneven = holder(&set, scope_of(&role.id));
            let mut lower: Vec<Vec<usize>> = vec![];
            for d in 0..DIMENSIONS.len() {
                let ladders = ladders_in(&set, d);
                let upper = ladders.len().div_ceil(2);
                for &i in &ladders[..upper] {
                    if let Some(Response::Option(rung)) = uneven.0[i] {
                        let last = options(&set.questions[i]).unwrap().len() - 1;
                        uneven.0[i] = Some(Response::Option((rung + 1).min(last)));
                    }
                }
                lower.push(ladders[upper..].to_vec());
            }
            let answered = stage_of(&set, verdict(&set, &score(&set, &uneven, top)));
            for pick in one_per_dimension(&lower) {
                let mut omitted = uneven.clone();
                for &i in &pick {
                    omitted.0[i] = Some(Response::Untested);
                }
                let got = verdict(&set, &score(&set, &omitted, top));
                tried += 1;
                assert_eq!(got, None, "{id}: the uneven {} leaving {pick:?} out reads {got:?}", role.id);
                assert!(stage_of(&set, got) <= answered, "{id}");
            }
        }
        println!("{id}: {tried} uneven holders leaving one lower ladder per dimension out, none lifted");
    }
}

/// Issue 24: a habit anchored to its occasion says what to answer when the occasion did not come up, and the
/// start screen does not invite "not had the chance".
#[test]
fn conditional_habits_say_what_to_answer_when_the_occasion_did_not_come_up() {
    for (id, ..) in SETS {
        let set = load(id);
        assert!(!set.summary.as_deref().unwrap().contains("not had the chance"), "{id}: the summary invites it");
        for question in set.questions.iter().filter(|q| matches!(q.kind, QuestionKind::Likert { .. })) {
            let first = question.text.split_whitespace().next().unwrap();
            if ["When", "Before", "After"].contains(&first) {
                assert!(
                    question.help.as_deref().is_some_and(|h| h.contains("“Doesn't apply to my situation”")),
                    "{id}/{}: a conditional habit without the line on \"doesn't apply\"",
                    question.id
                );
            }
        }
    }
}

/// Whether a question's help says it may need a job the person has not had ("not had the chance yet"), or a
/// situation they are not in ("not applicable"). Habits whose occasion may not have come up say "Doesn't apply"
/// instead; an honest holder has usually met those occasions, and leaving all of them out as well may rightly
/// leave too little to go on. Case matters: help that names the widget's answer only to steer away from it
/// (Tech Lead → EM's ladders: "Answer “Not yet”, not “Not had the chance yet”") quotes its label, capitalised,
/// and is no offer; `steering_help_is_no_offer` keeps the two apart.
fn may_be_left_out(question: &Question) -> bool {
    question.help.as_deref().is_some_and(|h| h.contains("not had the chance") || h.contains("not applicable"))
}

#[test]
fn steering_help_is_no_offer() {
    let set = load("tech-lead-to-engineering-manager");
    let steered: Vec<&Question> = set
        .questions
        .iter()
        .filter(|q| q.help.as_deref().is_some_and(|h| h.contains("not “Not had the chance yet”")))
        .collect();
    assert!(!steered.is_empty(), "the premise: Tech Lead → EM's ladders steer away from leaving them out");
    assert!(
        steered.iter().all(|q| !may_be_left_out(q)),
        "a ladder that steers away from it is no offer to leave it out"
    );
}

#[test]
fn an_honest_holder_who_leaves_out_all_their_help_allows_keeps_their_role() {
    for (id, ..) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        for role in &set.roles {
            let mut responses = holder(&set, scope_of(&role.id));
            for (i, question) in set.questions.iter().enumerate() {
                if may_be_left_out(question) {
                    responses.0[i] = Some(Response::Untested);
                }
            }
            let report = score(&set, &responses, top);
            assert!(ready(&set, &report, &role.id), "{id}: {} leaving out every item their help allows", role.id);
        }
    }
}

/// Issue 24: wanting the job is asked, and reported as a signal, never scored as readiness. In the Tech Lead →
/// EM set the offer of the role (pl-14) and choosing people work over code (pl-16) count only in "Draw to
/// management"; the offer of a staff role (pl-22, the coach's reading of 2026-12-07b) and a habit count toward the
/// staff path, so each facet rests on an offer and a habit; every facet is named by a question.
#[test]
fn motivation_is_a_signal_not_a_score() {
    for (id, ..) in SETS {
        let set = load(id);
        for question in set.questions.iter().filter(|q| !q.scored) {
            assert!(!question.facets.is_empty(), "{id}/{}: a signal counts in a facet", question.id);
        }
        for f in 0..set.facets.len() {
            assert!(set.questions.iter().any(|q| q.facets.contains(&f)), "{id}: facet {} named by no question", f);
        }
    }
    let set = load("tech-lead-to-engineering-manager");
    let facet = |name: &str| set.facets.iter().position(|f| f.id == name).unwrap();
    let question = |qid: &str| set.questions.iter().find(|q| q.id == qid).unwrap();
    for qid in ["pl-14", "pl-16"] {
        assert!(!question(qid).scored && question(qid).facets == [facet("management-pull")], "{qid}");
    }
    for qid in ["pl-19", "pl-22"] {
        assert!(!question(qid).scored && question(qid).facets == [facet("staff-pull")], "{qid}");
    }
    // A holder who wants the role and one who does not get the same verdict, and the facets say which way
    // each leans.
    let top = set.role_index("engineering-manager").unwrap();
    let wants = holder(&set, scope_of("engineering-manager"));
    let mut does_not = wants.clone();
    for (i, q) in set.questions.iter().enumerate().filter(|(_, q)| !q.scored) {
        does_not.0[i] = Some(match &q.kind {
            QuestionKind::Likert { .. } => Response::Point(if q.facets == [facet("staff-pull")] { 5 } else { 1 }),
            // The offer of a staff role (pl-22) mirrors the offer of the manager's: one who does not want
            // management takes it.
            kind => {
                let by_score = |&a: &usize, &b: &usize| kind.options()[a].score.total_cmp(&kind.options()[b].score);
                let options = 0..kind.options().len();
                Response::Option(if q.facets == [facet("staff-pull")] {
                    options.max_by(by_score).unwrap()
                } else {
                    options.min_by(by_score).unwrap()
                })
            }
        });
    }
    let (a, b) = (score(&set, &wants, top), score(&set, &does_not, top));
    assert_eq!(a.dimensions, b.dimensions);
    assert_eq!(a.ready_for, b.ready_for);
    assert_eq!(b.fit, vec![facet("staff-pull")]);
}

/// The second coach's reading of 2026-12-07 (c): the draw read backwards. With each facet resting on one
/// offer and one habit at equal weight, one skipped or untested habit left the facet below `min_coverage`, and
/// the other facet was then reported as the fit. The offers weigh 6 against a habit's 1, so a facet keeps
/// 6/7 of its weight (above 0.85) without its habit, and the coach's first two cases read the way they lean.
#[test]
fn a_skipped_habit_does_not_turn_the_draw_around() {
    let set = load("tech-lead-to-engineering-manager");
    let facet = |name: &str| set.facets.iter().position(|f| f.id == name).unwrap();
    let index = |qid: &str| set.questions.iter().position(|q| q.id == qid).unwrap();
    let option = |qid: &str, oid: &str| match &set.questions[index(qid)].kind {
        QuestionKind::Choice { options } => Response::Option(options.iter().position(|o| o.id == oid).unwrap()),
        _ => panic!("{qid} is an offer"),
    };
    let top = set.role_index("engineering-manager").unwrap();
    let base = holder(&set, scope_of("engineering-manager"));
    let case = |answers: [(&str, Option<Response>); 4]| {
        let mut responses = base.clone();
        for (qid, response) in answers {
            responses.0[index(qid)] = response;
        }
        score(&set, &responses, top).fit
    };
    // Wants the manager's role, declines the staff role, never spends learning time on technical subjects, and
    // has had no choice of people work (untested).
    let wants_management = case([
        ("pl-14", Some(option("pl-14", "b"))),
        ("pl-22", Some(option("pl-22", "c"))),
        ("pl-19", Some(Response::Point(1))),
        ("pl-16", Some(Response::Untested)),
    ]);
    assert!(!wants_management.contains(&facet("staff-pull")), "{wants_management:?}");
    assert_eq!(wants_management, vec![facet("management-pull")]);
    // Declines the manager's role, wants the staff role, never chose people work, had no learning time.
    let wants_staff = case([
        ("pl-14", Some(option("pl-14", "c"))),
        ("pl-22", Some(option("pl-22", "a"))),
        ("pl-19", None),
        ("pl-16", Some(Response::Point(1))),
    ]);
    assert!(!wants_staff.contains(&facet("management-pull")), "{wants_staff:?}");
    assert_eq!(wants_staff, vec![facet("staff-pull")]);
    // pl-16's help no longer tells anyone without people work to leave it out as untested.
    let help = set.questions[index("pl-16")].help.as_deref().unwrap_or("");
    assert!(!help.contains("not had the chance"), "{help}");
}

/// The verdict for role `role` must state the rule that decided it, and nothing else: ready when the report
/// says ready; the dimensions short beyond the tolerance, with their gaps and the questions that pull each
/// down, when some are; readiness below the threshold only when it is; "not enough answers" exactly where a
/// dimension has no score.
fn assert_reason_is_the_deciding_rule(set: &QuestionSet, responses: &Responses, role: usize, verdict: &Verdict) {
    let report = score(set, responses, role);
    let readiness = report.roles.iter().find(|r| r.role == role).unwrap();
    let name = &set.roles[role].id;
    match verdict {
        Verdict::Ready => assert_eq!(readiness.ready, Some(true), "{name}"),
        Verdict::Short { shortfalls, below_threshold } => {
            assert_eq!(readiness.ready, Some(false), "{name}");
            let short: Vec<usize> = shortfalls.iter().map(|s| s.dimension).collect();
            assert_eq!(Some(&short), readiness.short_in.as_ref(), "{name}: the short dimensions are the ones named");
            for s in shortfalls {
                let d = &report.dimensions[s.dimension];
                assert!(s.gap > set.gap_tolerance && Some(s.gap) == d.gap, "{name}: the gap named is the gap");
                assert_eq!(s.pulled_down_by, d.pulled_down_by, "{name}: the questions named pull it down");
            }
            assert_eq!(below_threshold.is_some(), readiness.readiness.unwrap() < set.ready_threshold, "{name}");
        }
        Verdict::BelowThreshold { readiness: r } => {
            assert!(readiness.short_in.as_ref().unwrap().is_empty() && *r < set.ready_threshold, "{name}");
        }
        Verdict::NotEnoughAnswers { dimensions } => {
            assert_eq!(readiness.readiness, None, "{name}");
            let missing: Vec<usize> =
                report.dimensions.iter().filter(|d| d.score.is_none()).map(|d| d.dimension).collect();
            assert_eq!(dimensions.iter().map(|(d, _)| *d).collect::<Vec<_>>(), missing, "{name}");
        }
    }
}

/// A simulated respondent's result as the widget states it: the headline, where it holds, and each role's
/// verdict with its reason (printed, so the note on issue 24 can quote them). Returns `ready_for`.
fn verdicts(
    label: &str,
    set: &QuestionSet,
    responses: &Responses,
    organisation: Option<Organisation>,
) -> Option<String> {
    let top = set.roles_by_stage()[set.roles.len() - 1];
    let mut report = score(set, responses, top);
    if let Some(organisation) = organisation {
        report = report.with_context(Context { organisation: Some(organisation) });
    }
    let each = Verdict::for_each_role(set, responses, &report);
    println!("{} / {label}", set.id);
    println!("  {}", headline(set, responses, &each, &report));
    if let Some(organisation) = report.context.organisation {
        println!("  The verdict holds {}.", at_organisation(organisation));
    }
    // Every verdict is checked; the printout stops at the first role not yet within reach.
    let mut printing = true;
    for (role, verdict) in &each {
        if printing {
            println!("  {}: {}", set.roles[*role].name, verdict.sentence(set));
        }
        printing &= verdict.is_ready();
        assert_reason_is_the_deciding_rule(set, responses, *role, verdict);
        assert_eq!(verdict.is_ready(), ready(set, &score(set, responses, *role), &set.roles[*role].id));
    }
    if !report.fit.is_empty() {
        println!("  {}", altitude::scoring::verdict::fit_sentence(set, &report));
    }
    report.ready_for.map(|r| set.roles[r].id.clone())
}

/// Each dimension's first scored ladder.
/// The honest holder at `scope`, uneven: a rung short on the first ladder, "Sometimes" on every habit,
/// and every item whose help says it may need a job they have not had left out as untested.
fn holder_sometimes_uneven(set: &QuestionSet, scope: [f64; 4]) -> Responses {
    let mut uneven = holder_sometimes(set, scope);
    let short = first_ladders(set)[0];
    if let Some(Response::Option(rung)) = uneven.0[short] {
        uneven.0[short] = Some(Response::Option(rung.saturating_sub(1)));
    }
    for (i, question) in set.questions.iter().enumerate() {
        if may_be_left_out(question) {
            uneven.0[i] = Some(Response::Untested);
        }
    }
    uneven
}

fn first_ladders(set: &QuestionSet) -> Vec<usize> {
    (0..DIMENSIONS.len())
        .map(|d| {
            (0..set.questions.len())
                .find(|&i| set.questions[i].dimension == d && set.questions[i].scored && is_level(&set.questions[i]))
                .unwrap()
        })
        .collect()
}

/// Issue 24, "done when": the simulated respondents and their verdicts, quoted in the note. Run with
/// `cargo test --test assessments simulated_respondents_and_their_verdicts -- --nocapture` to read them.
#[test]
fn simulated_respondents_and_their_verdicts() {
    for (id, ..) in SETS {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        for role in &set.roles {
            let scope = scope_of(&role.id);
            // Honest and uniform: the role's rung everywhere, "Often", the second-best scenario option.
            let uniform = verdicts(&format!("{}, honest and uniform", role.name), &set, &holder(&set, scope), None);
            assert_eq!(uniform.as_deref(), Some(role.id.as_str()), "{id}: {}", role.id);
            // Honest and uneven: a rung short on one ladder, "Sometimes" on every habit, and every item whose
            // help says it may need a job they have not had left out.
            let uneven = holder_sometimes_uneven(&set, scope);
            let label = format!("{}, honest and uneven", role.name);
            let got = verdicts(&label, &set, &uneven, None);
            if id == STAFF {
                assert!(stage_of(&set, got.as_deref()) <= role.stage, "{id}: {label} is not placed above their role");
            } else {
                // Since 2.3.0 on the management path: their own role, at every stage.
                assert_eq!(got.as_deref(), Some(role.id.as_str()), "{id}: {label}");
            }
        }

        // The gamer: "Almost always", every reverse-keyed habit denied, the strongest scenario options, one team:
        // the highest role whose scope is one team or less (Engineering Manager on the management path; on the
        // staff path, where no role sits at one team, Senior Engineer).
        let gamed = verdicts("the gamer at one team's scope", &set, &gamer(&set, 5, [0.4; 4]), None);
        let one_team = set
            .roles_by_stage()
            .into_iter()
            .map(|r| set.roles[r].id.as_str())
            .rfind(|role| scope_of(role).iter().all(|&rung| rung <= 0.4));
        assert_eq!(gamed.as_deref(), one_team, "{id}");

        // The partial overclaimer: honest at the set's second role, but a rung higher on one ladder of every
        // dimension. Three peers who see the honest rungs catch every inflated ladder.
        let second = &set.roles[set.roles_by_stage()[1]];
        let honest = holder(&set, scope_of(&second.id));
        let mut claimed = honest.clone();
        let inflated = first_ladders(&set);
        for &i in &inflated {
            if let Some(Response::Option(rung)) = claimed.0[i] {
                claimed.0[i] = Some(Response::Option((rung + 1).min(options(&set.questions[i]).unwrap().len() - 1)));
            }
        }
        let got =
            verdicts(&format!("{}, one ladder per dimension claimed a rung high", second.name), &set, &claimed, None);
        let own = score(&set, &claimed, top);
        let raters: Vec<(Relationship, Responses)> = (0..3).map(|_| (Relationship::Peer, honest.clone())).collect();
        let view = others_view(&set, &own, &claimed, &raters);
        let named: Vec<&str> = view.above_others.iter().map(|&i| set.questions[i].id.as_str()).collect();
        println!("  A rung above what others see: {}", named.join(", "));
        assert_eq!(view.above_others, inflated, "{id}: others' ladders catch every inflated claim");
        assert!(stage_of(&set, got.as_deref()) >= second.stage, "{id}");
    }

    // A Tech Lead with nobody reporting to them and nobody to mentor leaves out the one-on-one and performance
    // ladders, as their help says, and is still a Tech Lead.
    let set = load("tech-lead-to-engineering-manager");
    let mut no_reports = holder(&set, scope_of("tech-lead"));
    for (i, question) in set.questions.iter().enumerate() {
        if question.help.as_deref().is_some_and(|h| h.contains("If nobody reports to you")) {
            no_reports.0[i] = Some(Response::Untested);
        }
    }
    let got = verdicts("Tech Lead with no reports and nobody to mentor", &set, &no_reports, None);
    assert_eq!(got.as_deref(), Some("tech-lead"));

    // The startup CTO: company-wide bets, board and investors, one team of people. The verdict says where it
    // holds, and why the CTO role of a larger organisation is not yet within reach.
    let set = load("cto-readiness");
    let startup = holder(&set, [1.0, 0.4, 1.0, 1.0]);
    let got = verdicts("the startup CTO", &set, &startup, Some(Organisation::UpTo20));
    assert_eq!(got.as_deref(), Some("engineering-manager"));
    let cto = set.role_index("cto").unwrap();
    let Verdict::Short { shortfalls, .. } = Verdict::of(&set, &score(&set, &startup, cto)) else { panic!("short") };
    assert_eq!(shortfalls.iter().map(|s| s.dimension).collect::<Vec<_>>(), [1], "short in people leadership only");
}

// ---------------------------------------------------------------------------------------------------------------
// Issue 30: the staff path. The tests above run on it like on every set; these check what only it promises. The
// numbers in the comments were worked by hand from the set (docs/assessment-design.md, "The staff path") before the
// third reading (2026-12), when a ladder weighed 6 of a dimension's 24 with the habits scored. Since then the habits
// are outside the score: a ladder weighs 6 of 21 and a scenario 1, a rung on one ladder is 5.7 points and on every
// ladder 17.1, every scenario's second-strongest option is 0.8, and the targets (rounded down since the fourth
// reading, the Senior Engineer's scenario reference 0.6) are 25; 62 / 45; 80 / 62; 97 / 80. The verdicts asserted
// below are unchanged; the older figures in the comments are the re-grade's.

const STAFF: &str = "staff-engineer-readiness";
const ARCHETYPES: [&str; 4] = ["tech-lead", "architect", "solver", "right-hand"];

fn facet_index(set: &QuestionSet, id: &str) -> usize {
    set.facets.iter().position(|f| f.id == id).unwrap_or_else(|| panic!("no facet {id}"))
}

/// An honest holder with a different ordinary imperfection in three dimensions: a rung short on the first
/// technical ladder, "Sometimes" on every people habit, and every item whose help says it may need a job they
/// have not had (the cost ladder ba-7 and the habit co-10; the choices of work no longer need it) left out as not had
/// the chance.
fn uneven_holder(set: &QuestionSet, scope: [f64; 4]) -> Responses {
    let mut responses = holder(set, scope);
    let short = first_ladders(set)[0];
    if let Some(Response::Option(rung)) = responses.0[short] {
        responses.0[short] = Some(Response::Option(rung.saturating_sub(1)));
    }
    for (i, question) in set.questions.iter().enumerate() {
        if question.dimension == 1 && matches!(question.kind, QuestionKind::Likert { .. }) {
            responses.0[i] = Some(Response::Point(3));
        }
        if may_be_left_out(question) {
            responses.0[i] = Some(Response::Untested);
        }
    }
    responses
}

/// Each honest holder, uniform and uneven, is ready for exactly the role they hold. Uniform: every dimension within
/// 0.5 of its target (the Staff Engineer's 64.38 / 49.38 / 48.96 / 63.96 against 64 / 49 / 49 / 64). Uneven: the
/// rung short costs 5 in technical strategy (59.38 for Staff), "Sometimes" on the people habits 3.1 (46.25); the
/// cost ladder left out leaves business acumen at 51.94, and the habit on a leader's problem left out communication
/// at 63.48; every gap within 8, readiness 96.5% (Senior Engineer: 29.38 / 31.25 / 38.61 / 32.17, 93.2%). Each
/// verdict is provisional, the cost ladder being left out, and says so.
#[test]
fn on_the_staff_path_each_honest_holder_gets_their_role() {
    let set = load(STAFF);
    let top = set.role_index("principal-engineer").unwrap();
    for role in &set.roles {
        let scope = scope_of(&role.id);
        let uniform = score(&set, &holder(&set, scope), top);
        assert_eq!(verdict(&set, &uniform), Some(role.id.as_str()), "{}, honest and uniform", role.id);
        // Targets are rounded down, so the uniform holder meets each within a point above it; at the first role,
        // whose scenario reference is 0.6, the holder's second-strongest options add 2.9 more.
        let first = set.roles_by_stage()[0];
        for d in &uniform.dimensions {
            let target = role.targets[d.dimension];
            let above = d.score.unwrap() - target;
            let most = if set.role_index(&role.id) == Some(first) { 100.0 * 0.2 / 7.0 + 1.0 } else { 1.0 };
            assert!((0.0..most).contains(&above), "{}: {} scores {:?}", role.id, d.name, d.score);
        }
        let label = format!("{}, honest and uneven", role.name);
        let got = verdicts(&label, &set, &uneven_holder(&set, scope), None);
        assert_eq!(got.as_deref(), Some(role.id.as_str()), "{label}");
    }
}

/// The gamer ("Almost always" on every habit, every reverse-keyed one denied, the strongest option of every
/// scenario) scores 85.7 × rung + 14.3 in each dimension: 13.4 to 14.3 below the next role's target, which is
/// 85.7 × (rung + 0.2) + 11.4 rounded down, beyond the tolerance of 8, so the rung they claim decides, and only a
/// claim of company-wide reach makes a Principal. The overclaimer ("Almost always" on every rating, reverse-keyed ones included, the strongest scenario
/// option, every ladder at its middle rung) is a Senior or Staff Engineer whichever middle is taken.
#[test]
fn on_the_staff_path_gamers_and_overclaimers_do_not_reach_principal() {
    let set = load(STAFF);
    let top = set.role_index("principal-engineer").unwrap();
    let claim = |habit: u32, scope: [f64; 4]| verdict(&set, &score(&set, &gamer(&set, habit, scope), top));
    assert_eq!(claim(5, [0.2; 4]), Some("senior-engineer"));
    assert_eq!(claim(5, [0.4; 4]), Some("senior-engineer"), "one team: 55 against Staff's 64");
    assert_eq!(claim(5, [0.6; 4]), Some("staff-engineer"), "several teams: 70 against Senior Staff's 79");
    assert_eq!(claim(5, [0.8; 4]), Some("senior-staff-engineer"), "the organisation: 85 against Principal's 94");
    assert_eq!(claim(4, [0.8; 4]), Some("senior-staff-engineer"));
    // Principal needs the company rung claimed in technology and communication; people and business stay at the
    // organisation, a rung behind, as at every step of the path.
    assert_eq!(claim(5, [1.0, 0.8, 0.8, 0.8]), Some("senior-staff-engineer"));
    assert_eq!(claim(5, [0.8, 0.8, 1.0, 1.0]), Some("senior-staff-engineer"));
    assert_eq!(claim(5, [1.0, 0.8, 0.8, 1.0]), Some("principal-engineer"));
    // Several teams in technology and communication, one team in people and business: Staff, not Senior Staff.
    assert_eq!(claim(5, [0.6, 0.4, 0.4, 0.6]), Some("staff-engineer"));

    // Middle rungs: the lower middle is one team on every ladder (index 2 of 5 or 6 rungs), the upper middle
    // several teams on the six-rung ladders and one team on the five-rung people ladders. Acquiescent "Almost
    // always" scores the reverse-keyed habit 0: (75 × rung + 12.5 × 2/3 + 12.5); flattering denies it: 75 × rung + 25.
    for (upper, acquiescent, expected) in [
        (false, true, "senior-engineer"),  // 50.8 everywhere against Staff's 64
        (false, false, "senior-engineer"), // 55.0 everywhere
        (true, true, "staff-engineer"),    // 65.8 / 50.8 / 65.8 / 65.8, Senior Staff needs 79 / 64
        (true, false, "staff-engineer"),   // 70.0 / 55.0 / 70.0 / 70.0
    ] {
        let overclaimer = answers(&set, |q| {
            Some(match &q.kind {
                QuestionKind::Likert { reverse } => Response::Point(if *reverse && !acquiescent { 1 } else { 5 }),
                QuestionKind::Choice { options } => Response::Option(
                    (0..options.len()).max_by(|&a, &b| options[a].score.total_cmp(&options[b].score)).unwrap(),
                ),
                QuestionKind::Level { options } => {
                    Response::Option(if upper { options.len() / 2 } else { (options.len() - 1) / 2 })
                }
            })
        });
        let label = format!(
            "the overclaimer, {} middle rung, {}",
            if upper { "upper" } else { "lower" },
            if acquiescent { "\"Almost always\" to everything" } else { "reverse-keyed habits denied" }
        );
        if !upper && !acquiescent {
            assert_eq!(overclaimer, Respondent::Overclaimer.answers(&set), "the overclaimer `altitude lint` scores");
        }
        let got = verdicts(&label, &set, &overclaimer, None);
        assert_eq!(got.as_deref(), Some(expected), "{label}");
    }
}

/// The third reading (2026-12) measured how close the verdict ran to the tolerance: the flawless gamer at one team
/// was 9.0 short of Staff against a tolerance of 8, and an honest Staff holder a rung short on one ladder with
/// "Sometimes" on that dimension's habits was 7.75 to 8.2 short, so any rescoring could tip either over; and the
/// set-wide uneven Senior Engineer (a rung short on one ladder, "Sometimes" on every habit, every item their help
/// allows left out) read no role at 89%. Scored from ladders and scenarios, a dimension is 85.7 × its rung + 11.4
/// for the reference respondent, so the gamer (85.7 × rung + 14.3) is 14.3 short of the next role whatever the
/// rung, and a rung short on one ladder of three costs 5.7; the scenarios' second-strongest options are 0.8 in every
/// scenario, so the uniform holder sits within 0.3 of every target.
#[test]
fn on_the_staff_path_ordinary_imperfection_and_gaming_are_far_apart() {
    let set = load(STAFF);
    let top = set.role_index("principal-engineer").unwrap();
    for question in set.questions.iter().filter(|q| is_choice(q)) {
        let mut scores: Vec<f64> = options(question).unwrap().iter().map(|o| o.score).collect();
        scores.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(
            scores[1], STAFF_METHOD.reference_choice,
            "{}: the second-strongest option is the reference",
            question.id
        );
    }
    let stages = set.roles_by_stage();
    for (k, &r) in stages.iter().enumerate() {
        let role = &set.roles[r];
        let scope = scope_of(&role.id);
        // The gamer at this role's rungs is at least 12 short of the next role: 4 points beyond the tolerance.
        if let Some(&next) = stages.get(k + 1) {
            let report = score(&set, &gamer(&set, 5, scope), top);
            let worst = (0..DIMENSIONS.len())
                .map(|d| set.roles[next].targets[d] - report.dimensions[d].score.unwrap())
                .fold(f64::NEG_INFINITY, f64::max);
            assert!(worst >= set.gap_tolerance + 4.0, "{}: the gamer is {worst:.1} short of the next role", role.id);
            assert_eq!(verdict(&set, &report), Some(role.id.as_str()));
        }
        // The set-wide uneven holder, the floor role included.
        let uneven = holder_sometimes_uneven(&set, scope);
        let label = format!("{}, a rung short, \"Sometimes\" throughout, the allowed items left out", role.name);
        assert_eq!(verdicts(&label, &set, &uneven, None).as_deref(), Some(role.id.as_str()), "{label}");
        // A rung short on any one ladder with "Sometimes" on the habits of the same dimension: at most 6.5 short,
        // 1.5 inside the tolerance.
        for (i, question) in set.questions.iter().enumerate().filter(|(_, q)| is_level(q)) {
            let mut pair = holder_one_rung_short(&set, scope, i);
            for (j, q) in set.questions.iter().enumerate() {
                if q.dimension == question.dimension && is_habit(STAFF, q) {
                    pair.0[j] = Some(Response::Point(3));
                }
            }
            let report = score(&set, &pair, top);
            let d = question.dimension;
            let gap = role.targets[d] - report.dimensions[d].score.unwrap();
            if options(question).unwrap()[0].score < scope[d] - 1e-9 {
                assert!(gap <= 6.5, "{}: {} a rung short and \"Sometimes\": {gap:.2} short", role.id, question.id);
            }
            assert_eq!(verdict(&set, &report), Some(role.id.as_str()), "{}: {} a rung short", role.id, question.id);
        }
    }
}

/// The fourth reading (2026-12) found honest holders turned away by the readiness threshold, not the tolerance,
/// with only "readiness 89%" as the reason: a Senior Engineer who has never sponsored anyone and never brought a
/// cost down (two "Not yet" ladders in different dimensions, 54 pairs), and a Staff Engineer one rung short on one
/// ladder in every dimension (81 ways). With the targets rounded down and the Senior Engineer's at 25, a "Not yet"
/// there leaves its dimension at 22.9 (2.1 short) and readiness at 95.7%; the Staff Engineer a rung short everywhere
/// is 57.1 / 40.0 / 40.0 / 57.1 against 62 / 45 / 45 / 62, at most 5 short and 90.8% ready. Senior Staff and Principal
/// keep their role with the same pattern.
#[test]
fn on_the_staff_path_the_fourth_readings_honest_holders_keep_their_role() {
    let set = load(STAFF);
    let ladders: Vec<Vec<usize>> = (0..DIMENSIONS.len()).map(|d| ladders_in(&set, d)).collect();
    let senior = scope_of("senior-engineer");
    let mut pairs = 0;
    for a in 0..DIMENSIONS.len() {
        for b in a + 1..DIMENSIONS.len() {
            for &i in &ladders[a] {
                for &j in &ladders[b] {
                    let mut responses = holder(&set, senior);
                    responses.0[i] = Some(Response::Option(0));
                    responses.0[j] = Some(Response::Option(0));
                    let report = score(&set, &responses, set.roles_by_stage()[0]);
                    assert_eq!(
                        verdict(&set, &report),
                        Some("senior-engineer"),
                        "a Senior Engineer with {} and {} at \"Not yet\"",
                        set.questions[i].id,
                        set.questions[j].id
                    );
                    pairs += 1;
                }
            }
        }
    }
    assert_eq!(pairs, 54);
    for role in ["staff-engineer", "senior-staff-engineer", "principal-engineer"] {
        let scope = scope_of(role);
        let r = set.role_index(role).unwrap();
        let mut ways = 0;
        for short in one_per_dimension(&ladders) {
            let mut responses = holder(&set, scope);
            for &i in &short {
                if let Some(Response::Option(rung)) = responses.0[i] {
                    responses.0[i] = Some(Response::Option(rung - 1));
                }
            }
            let report = score(&set, &responses, r);
            assert_eq!(verdict(&set, &report), Some(role), "{role} a rung short on {short:?}");
            ways += 1;
        }
        assert_eq!(ways, 81);
        let mut label_short = holder(&set, scope);
        for first in ladders.iter().map(|l| l[0]) {
            if let Some(Response::Option(rung)) = label_short.0[first] {
                label_short.0[first] = Some(Response::Option(rung - 1));
            }
        }
        let label = format!("{role}, the first ladder of every dimension a rung short");
        assert_eq!(verdicts(&label, &set, &label_short, None).as_deref(), Some(role));
    }
}

/// ba-7 asked for a cost brought down "by a measured amount", and its "Not yet" meant "measured none": a Staff tech
/// lead of three teams who had seen costs fall but measured none answered "Not yet" and read Senior Engineer
/// (business acumen 34.3 against 46), while the same person answering "not had the chance" kept Staff. Now the stem
/// asks for a cost brought down, an estimate counts, and "Not yet" means none brought down: that tech lead's honest
/// answer is the team's cost, which keeps Staff outright, and leaving the ladder out gives no more than that, only
/// provisionally.
#[test]
fn on_the_staff_path_the_honest_cost_answer_does_not_lose_to_leaving_it_out() {
    let set = load(STAFF);
    let i = set.questions.iter().position(|q| q.id == "ba-7").unwrap();
    let question = &set.questions[i];
    assert!(!question.text.contains("measured"), "{}", question.text);
    assert!(question.help.as_deref().is_some_and(|h| h.contains("estimate")), "an estimate counts");
    let bottom = &options(question).unwrap()[0].text;
    assert!(bottom.contains("none brought down") && !bottom.contains("measured"), "{bottom}");
    let tech_lead = |rung: Option<Response>| {
        let mut responses = coached(&set, "SSS TTS TTT SST", None);
        responses.0[i] = rung;
        responses
    };
    let team = options(question).unwrap().iter().position(|o| o.id == "team").unwrap();
    let honest = verdicts(
        "the Staff tech lead of three teams, a team's cost estimated",
        &set,
        &tech_lead(Some(Response::Option(team))),
        None,
    );
    assert_eq!(honest.as_deref(), Some("staff-engineer"));
    let left_out = tech_lead(Some(Response::Untested));
    let got = verdicts("the same tech lead, the cost ladder left out", &set, &left_out, None);
    assert!(stage_of(&set, got.as_deref()) <= stage_of(&set, honest.as_deref()), "leaving it out lifts: {got:?}");
    assert_eq!(altitude::scoring::verdict::left_out_ladders(&set, &left_out), vec![i], "and is provisional");
}

/// "Doesn't apply" and "not had the chance" leave answers out of the score; they never stand in for reach.
/// Everything left out, or every ladder left out however flawless the rest, gives no verdict (the ladders are 75%
/// of each dimension, above the 40% that may be missing). An honest holder who leaves out any one ladder, one
/// ladder in every dimension, or any item their help allows, as either answer, keeps exactly their role; leaving
/// out every habit never places them higher. What leaving out can do (docs/assessment-design.md) is bounded here:
/// with one ladder of three gone, the habits and scenarios weigh a third of the dimension instead of a quarter,
/// which lifts the gamer by (1 − rung) × 8.3 points, 5 at most, so by one role at most and not at all from their
/// own work; left out either way (since scoring::verdict::left_out_ladders counts "doesn't apply" too), the
/// headline then says the verdict is provisional and what it would be with those ladders at their lowest rung,
/// which is no higher than the verdict for the rung claimed.
#[test]
fn on_the_staff_path_leaving_answers_out_carries_nobody_up() {
    let set = load(STAFF);
    let top = set.role_index("principal-engineer").unwrap();
    let stage = |responses: &Responses| stage_of(&set, verdict(&set, &score(&set, responses, top)));
    let ladders: Vec<usize> = (0..set.questions.len()).filter(|&i| is_level(&set.questions[i])).collect();
    let per_dimension = |pick: usize| -> Vec<usize> {
        (0..DIMENSIONS.len())
            .map(|d| ladders.iter().copied().filter(|&i| set.questions[i].dimension == d).nth(pick).unwrap())
            .collect()
    };
    for left_out in [Response::NotApplicable, Response::Untested] {
        let everything = answers(&set, |_| Some(left_out));
        assert_eq!(score(&set, &everything, top).ready_for, None);
        let mut no_ladders = gamer(&set, 5, [1.0; 4]);
        for &i in &ladders {
            no_ladders.0[i] = Some(left_out);
        }
        let report = score(&set, &no_ladders, top);
        assert!(report.dimensions.iter().all(|d| d.score.is_none()), "{left_out:?}: habits and scenarios alone");
        assert_eq!(report.ready_for, None);

        for role in &set.roles {
            let scope = scope_of(&role.id);
            let leave = |items: &[usize]| {
                let mut responses = holder(&set, scope);
                for &i in items {
                    responses.0[i] = Some(left_out);
                }
                responses
            };
            let mut patterns: Vec<Vec<usize>> = ladders.iter().map(|&i| vec![i]).collect();
            patterns.extend((0..3).map(per_dimension));
            patterns.push((0..set.questions.len()).filter(|&i| may_be_left_out(&set.questions[i])).collect());
            for items in &patterns {
                let got = verdict(&set, &score(&set, &leave(items), top));
                assert_eq!(got, Some(role.id.as_str()), "{}: {left_out:?} on {items:?}", role.id);
            }
            let habits: Vec<usize> = (0..set.questions.len())
                .filter(|&i| matches!(set.questions[i].kind, QuestionKind::Likert { .. }))
                .collect();
            assert!(stage(&leave(&habits)) <= role.stage, "{}: every habit left out", role.id);
        }

        for rung in [0.2, 0.4, 0.6, 0.8] {
            let claimed = gamer(&set, 5, [rung; 4]);
            let mut fewer = claimed.clone();
            for i in per_dimension(0) {
                fewer.0[i] = Some(left_out);
            }
            let (without, with) = (stage(&fewer), stage(&claimed));
            let place = format!("the gamer at {rung}, one ladder per dimension {left_out:?}");
            assert!(without <= with + 1, "{place}");
            if rung < 0.3 {
                assert_eq!(without, with, "{place}: 46.7 against Staff's 64");
            }
            if without > with {
                let report = score(&set, &fewer, top);
                let each = Verdict::for_each_role(&set, &fewer, &report);
                let (title, reason) = altitude::scoring::verdict::headline_parts(&set, &fewer, &each, &report);
                assert!(title.ends_with(", provisionally"), "{title}");
                let mut lowest = fewer.clone();
                for i in per_dimension(0) {
                    lowest.0[i] = Some(Response::Option(0));
                }
                assert!(stage(&lowest) <= with, "{title}: {reason:?}");
            }
        }
    }
}

/// An archetype's lean: "Almost always" on its habits ("Never" on its reverse-keyed ones) and on its choice of
/// work, `others` on the other kinds' choices of work; everything else as it was.
fn leaning(set: &QuestionSet, mut responses: Responses, f: usize, others: u32) -> Responses {
    for (i, q) in set.questions.iter().enumerate() {
        if let QuestionKind::Likert { reverse } = q.kind {
            if q.facets.contains(&f) {
                responses.0[i] = Some(Response::Point(if reverse { 1 } else { 5 }));
            } else if is_choice_of_work(q) {
                responses.0[i] = Some(Response::Point(others));
            }
        }
    }
    responses
}

/// The four StaffEng archetypes are facets of the kind of work, not of reach or of judgement. No ladder names a
/// facet (the coach's first reading of 2026-12-07: with one ladder per facet in every dimension, fit said which
/// topic's ladder went furthest), and no scenario does (the re-grade: a scenario's options run from 0.4 to 1.0, so
/// the key against a third option moved a facet by the whole fit window, and someone who said they preferred
/// architecture work but picked the keys of the Right hand's scenarios fitted Right hand alone). A facet is three
/// habits that are the archetype's daily work, each habit in one facet, and one unscored choice between kinds of
/// work, which weighs 2: all four weigh 5, and someone who had no choice leaves it out as not had the chance,
/// leaving the habits 60% of the facet, the least that scores.
///
/// An honest holder answering "Often" throughout fits all four equally (75 each); the choices now ask for one kind
/// over the others, so "Often" to all four says no kind stands out, which is what the result then says. Leaning to a
/// kind ("Almost always" on its habits and its choice, "Sometimes" on the other choices) puts it at 100 and every
/// other at 65, and keeps the verdict: three habits add at most 2.1 points to a dimension. Preferring one kind and
/// doing another's habits at their best fits the kind preferred first (85 against 80). A pure archetype (its habits
/// and choice at their best, every other habit and choice "Sometimes", the second-strongest option of every scenario,
/// every ladder at the role's rung) fits it alone (100 against 50) and is ready for that role: a dimension with none
/// of its habits loses 3.1, within the tolerance of 8 (closest to the threshold, the Tech lead and the Architect at
/// Senior Engineer: 7.0 of 136 short, 94.9%). Facets never change the verdict. And the premise of e2e/tests/staff.test.mjs holds: the
/// best answer to every question tagged architect and the middle elsewhere fits Architect first.
#[test]
fn on_the_staff_path_the_answers_say_which_kind_of_staff_engineer() {
    let set = load(STAFF);
    let top = set.role_index("principal-engineer").unwrap();
    let ids: Vec<&str> = set.facets.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ARCHETYPES);
    let right_hand = &set.facets[facet_index(&set, "right-hand")];
    assert!(right_hand.description.as_deref().is_some_and(|d| d.contains("several hundred engineers")));
    assert!(set.summary.as_deref().unwrap().ends_with("tech lead, architect, solver or right hand."));
    let weight_of =
        |f: usize| -> f64 { set.questions.iter().filter(|q| q.facets.contains(&f)).map(|q| q.weight).sum() };
    let habit = |q: &Question| is_habit(STAFF, q);
    for (f, id) in ids.iter().enumerate() {
        let of = |keep: &dyn Fn(&Question) -> bool| {
            set.questions.iter().filter(|q| q.facets.contains(&f) && keep(q)).count()
        };
        assert_eq!(of(&is_level), 0, "{id}: a ladder measures reach, which every kind climbs");
        assert_eq!(of(&is_choice), 0, "{id}: a scenario measures judgement, which every kind needs");
        assert_eq!(of(&habit), 3, "{id}: habits");
        assert_eq!(of(&is_choice_of_work), 1, "{id}: one choice of work, outside the score");
        assert_eq!(of(&|q| q.scored), 0, "{id}: a kind's habits never move readiness");
        assert_eq!(weight_of(f), 5.0, "{id}");
    }
    for q in set.questions.iter().filter(|q| habit(q)) {
        assert!(q.facets.len() <= 1, "{}: a habit evidences one kind", q.id);
    }
    for q in set.questions.iter().filter(|q| is_choice_of_work(q)) {
        assert_eq!(q.facets.len(), 1, "{}: a choice of work says one kind", q.id);
        // A preference anyone can state (the fourth reading, 2026-12): whoever has not been free to choose answers
        // for what they would pick, so "not had the chance" is never needed, and a kind is not dropped for want of it.
        assert!(q.text.starts_with("Given the choice, I pick") && q.text.ends_with("over other kinds of work."));
        assert!(q.help.as_deref().is_some_and(|h| h.starts_with("Not been free to choose?")
            && h.contains("what you would pick")
            && !h.contains("not had the chance")));
    }
    for role in &set.roles {
        let scope = scope_of(&role.id);
        let even = score(&set, &holder(&set, scope), top);
        assert_eq!(even.fit.len(), 4, "{}: even across the four", role.id);
        for archetype in ARCHETYPES {
            let f = facet_index(&set, archetype);
            let mine = |q: &Question| q.facets.contains(&f);
            let leaning = score(&set, &leaning(&set, holder(&set, scope), f, 3), top);
            assert_eq!(leaning.fit, vec![f], "{}: leaning to {archetype}", role.id);
            assert_eq!(verdict(&set, &leaning), Some(role.id.as_str()), "{}: the verdict stays", role.id);
            let pure = answers(&set, |q| {
                Some(match &q.kind {
                    QuestionKind::Likert { reverse } => Response::Point(if !mine(q) {
                        3
                    } else if *reverse {
                        1
                    } else {
                        5
                    }),
                    QuestionKind::Choice { options } => {
                        let mut ranked: Vec<usize> = (0..options.len()).collect();
                        ranked.sort_by(|&a, &b| options[b].score.total_cmp(&options[a].score));
                        Response::Option(ranked[1])
                    }
                    QuestionKind::Level { options } => Response::Option(rung_at_most(options, scope[q.dimension])),
                })
            });
            let label = format!("{} answering as a pure {archetype}", role.name);
            let got = verdicts(&label, &set, &pure, None);
            assert_eq!(score(&set, &pure, top).fit, vec![f], "{label}");
            assert_eq!(got.as_deref(), Some(role.id.as_str()), "{label}: one bar, which every kind can meet");
            // The third reading (2026-12): honest in one's own kind and "Rarely" on the other kinds' habits (the
            // unlike answer on their reverse-keyed ones, "Often"), or "Doesn't apply" to them all, keeps the role
            // with the whole tolerance to spare: the habits say which kind, never how ready.
            for other in [Response::Point(2), Response::NotApplicable] {
                let mut unlike = pure.clone();
                for (i, q) in set.questions.iter().enumerate() {
                    if let QuestionKind::Likert { reverse } = q.kind {
                        if !mine(q) && is_habit(STAFF, q) {
                            unlike.0[i] =
                                Some(if reverse && other == Response::Point(2) { Response::Point(4) } else { other });
                        }
                    }
                }
                let report = score(&set, &unlike, top);
                let label = format!("{} as a pure {archetype}, {other:?} on the other kinds' habits", role.name);
                assert_eq!(verdict(&set, &report), Some(role.id.as_str()), "{label}");
                assert_eq!(report.dimensions, score(&set, &pure, top).dimensions, "{label}: no dimension moves");
            }
        }
    }

    // Saying one prefers architecture work ("Almost always" against "Sometimes") while doing the Right hand's habits
    // at their best: Architect first, (0.75 × 3 + 1 × 2) / 5 = 85 against (1 × 3 + 0.5 × 2) / 5 = 80.
    let (architect, right_hand) = (facet_index(&set, "architect"), facet_index(&set, "right-hand"));
    let mut says_architect = holder(&set, scope_of("staff-engineer"));
    for (i, q) in set.questions.iter().enumerate() {
        if let QuestionKind::Likert { reverse } = q.kind {
            if is_choice_of_work(q) {
                says_architect.0[i] = Some(Response::Point(if q.facets == [architect] { 5 } else { 3 }));
            } else if q.facets == [right_hand] {
                says_architect.0[i] = Some(Response::Point(if reverse { 1 } else { 5 }));
            }
        }
    }
    assert_eq!(score(&set, &says_architect, top).fit, vec![architect, right_hand]);

    // e2e/tests/staff.test.mjs answers as an Architect: the best answer to every question tagged architect, the
    // middle point of the scale and the middle option by score (the upper of two) everywhere else.
    let e2e_architect = answers(&set, |q| {
        Some(if q.facets.contains(&architect) {
            match &q.kind {
                QuestionKind::Likert { reverse } => Response::Point(if *reverse { 1 } else { points(&set) }),
                kind => Response::Option(altitude::lint::strongest_option(kind.options())),
            }
        } else {
            match &q.kind {
                QuestionKind::Likert { .. } => Response::Point(points(&set) / 2 + 1),
                kind => {
                    let mut by_score: Vec<usize> = (0..kind.options().len()).collect();
                    by_score.sort_by(|&a, &b| kind.options()[a].score.total_cmp(&kind.options()[b].score));
                    Response::Option(by_score[by_score.len() / 2])
                }
            }
        })
    });
    assert_eq!(score(&set, &e2e_architect, top).fit.first(), Some(&architect), "the e2e test's premise");
}

/// The company rung holds the organisation rung's reach and goes beyond it, so no honest answer reaches it from one
/// team. The coach's first reading found seven top rungs reached through customers, partners, regulators or vendors;
/// the re-grade (2026-12-07) found four more reached from one team through "other functions" or a budget line: a
/// change finance operations had to make too (`ts-7`), the billing team's own data model that finance's systems
/// rely on (`co-1`), any measured saving on the cloud or payment-fees line (`ba-7`), a direction the executive team
/// funded that only its own team planned against (`ts-1`). Now every company rung names the company's engineering,
/// not a part of it, and other functions besides; no rung above one team is reached by contact outside the company,
/// a room's approval or a budget line alone; and "the whole organisation" is engineering, or in a large company the
/// division one works in, which the summary defines and every organisation rung names.
#[test]
fn on_the_staff_path_a_company_rung_holds_the_organisation_rungs_reach() {
    let set = load(STAFF);
    let summary = set.summary.as_deref().unwrap();
    assert!(
        summary.contains("your division (ten or more teams") && summary.contains("counts as the whole organisation"),
        "the summary says when a division is the organisation: {summary}"
    );
    let beyond = ["customer", "partner", "regulator", "vendor", "supplier", "contract", "funded", "approved", "budget"];
    let mut company = 0;
    for q in set.questions.iter().filter(|q| is_level(q)) {
        for option in options(q).unwrap() {
            let (text, place) = (option.text.to_lowercase(), format!("{}/{}: {}", q.id, option.id, option.text));
            if option.score > 0.4 {
                assert!(beyond.iter().all(|w| !text.contains(w)), "{place}");
            }
            match option.id.as_str() {
                "org" => assert!(option.text.starts_with("Whole organisation or division: "), "{place}"),
                "company" => {
                    company += 1;
                    assert!(option.text.starts_with("Whole company: "), "{place}");
                    assert!(text.contains("all engineering and other functions"), "{place}");
                }
                _ => assert!(!text.contains("other functions"), "{place}: other functions are the company rung's"),
            }
        }
    }
    assert_eq!(company, 9, "every ladder but the three people ladders rises to the company");
}

/// A respondent of the coach's reading (2026-12-07, its section 6), answered on this set: `rungs` on the twelve
/// ladders in declared order, three letters per dimension (`N` not yet, `O` own work, `T` one team, `S` several teams, `G` the
/// organisation, `C` the company); "Often" on every habit ("Rarely" on reverse-keyed ones) and the
/// second-strongest option of every scenario; and for a kind, that kind's lean with "Sometimes" on the other
/// choices of work.
fn coached(set: &QuestionSet, rungs: &str, kind: Option<&str>) -> Responses {
    let rungs: Vec<&str> = rungs
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'N' => "not-yet",
            'O' => "own",
            'T' => "team",
            'S' => "teams",
            'G' => "org",
            'C' => "company",
            other => panic!("no rung {other}"),
        })
        .collect();
    let ladders: Vec<usize> = (0..set.questions.len()).filter(|&i| is_level(&set.questions[i])).collect();
    assert_eq!(rungs.len(), ladders.len());
    let mut responses = holder(set, [0.0; 4]);
    for (&i, rung) in ladders.iter().zip(rungs) {
        let at = options(&set.questions[i]).unwrap().iter().position(|o| o.id == rung).unwrap();
        responses.0[i] = Some(Response::Option(at));
    }
    match kind {
        Some(kind) => leaning(set, responses, facet_index(set, kind), 3),
        None => responses,
    }
}

/// The coach's reading found the verdict wrong for the people the set is for; these are its profiles, answered
/// honestly on the revised rungs (ladders in the order ts-1 ts-4 ts-7, pl-1 pl-4 pl-7, ba-1 ba-4 ba-7, co-1 co-4
/// co-7), each worked by hand ("Often" 0.75, a ladder 6 of a dimension's 24, the scenarios' second options 0.8 /
/// 0.8 / 0.77 / 0.77, so a dimension scores 75 × its mean rung + 19.4 in technical strategy and people, + 19.0 in
/// business and communication, before a lean).
///
/// - The Staff Architect at 500+ engineers: several teams on direction, way through (the design several teams
///   were stuck on) and change (the standard several teams adopted), team on cost and written account, own on
///   sponsorship; architect lean. 66.5 / 50.4 / 59.0 / 59.0 against Staff's 64 / 49 / 49 / 64, readiness 97.8%:
///   Staff (was Senior Engineer, 10 short in technical strategy), Architect alone.
/// - The Staff Solver: the organisation on the way through, cost and written account; several teams on direction
///   (how a class of failure is now handled) and change (the migration they finished); own on mentoring and
///   sponsorship; solver lean, taking ts-6 a (the key) and pl-9 a (0.5). 71.2 / 43.1 / 65.0 / 60.0: Staff (was
///   Senior Engineer), Solver alone.
/// - The senior engineer on a public-API team who mentors the leads of several teams: one team wherever their
///   reach is inside the company, which is now every ladder (no top rung is reached by customers or partners):
///   49.4 / 59.4 / 49.0 / 49.0, 15 short of Staff in technical strategy and communication: Senior Engineer (was
///   Senior Staff).
/// - The Principal at a 2,000-person company whose reach is company-wide inside it: company on two ladders in
///   each of technical strategy, business and communication, the organisation elsewhere, people at several teams
///   and the organisation: 89.4 / 74.4 / 89.0 / 89.0 against 94 / 79 / 79 / 94, within 5, readiness 95.9%:
///   Principal (was Senior Staff). The company rung on direction and priority only is Senior Staff: 84.4 / 74.4 /
///   84.0 / 79.0 are 9.6 and 15 short in technology and communication.
/// - The overclaimer: several teams on every ladder, "Almost always", every reverse-keyed habit denied, the
///   strongest options: 70 everywhere, Staff, 9 short of Senior Staff; not Principal.
/// - The staff engineer at a 150-person company (21–100 engineers) whose direction, priorities and decisions
///   reach the organisation: Staff, fitting all four about equally (was Right hand alone); leaning to tech lead,
///   Tech lead alone.
/// - The same engineer a rung lower on two of the three business ladders (domain and cost at one team), which the
///   first revision left short in business acumen (54.0 against 64): Staff (64.4 / 44.4 / 54.0 / 59.0, readiness
///   95.7%), business acumen being a rung behind at Staff (49) since the re-grade.
#[test]
fn on_the_staff_path_the_coachs_profiles_are_placed_fairly() {
    let set = load(STAFF);
    let top = set.role_index("principal-engineer").unwrap();
    let facet = |id: &str| vec![facet_index(&set, id)];
    let read = |label: &str, responses: Responses, organisation: Option<Organisation>| {
        let got = verdicts(label, &set, &responses, organisation);
        (got, score(&set, &responses, top).fit)
    };

    let (got, fit) = read("the Staff Architect", coached(&set, "SSS TOS SST SST", Some("architect")), None);
    assert_eq!((got.as_deref(), fit), (Some("staff-engineer"), facet("architect")));

    let mut solver = coached(&set, "SGS OOS STG TTG", Some("solver"));
    for (qid, option) in [("ts-6", 0), ("pl-9", 0)] {
        let i = set.questions.iter().position(|q| q.id == qid).unwrap();
        assert_eq!(options(&set.questions[i]).unwrap()[option].id, "a");
        solver.0[i] = Some(Response::Option(option));
    }
    let (got, fit) = read("the Staff Solver", solver, None);
    assert_eq!((got.as_deref(), fit), (Some("staff-engineer"), facet("solver")));

    let (got, _) =
        read("the public-API senior engineer who mentors leads", coached(&set, "TTT STS TTT TTT", None), None);
    assert_eq!(got.as_deref(), Some("senior-engineer"));
    // What kept them one team: no rung above one team is reached by meeting people outside the company
    // (on_the_staff_path_a_company_rung_holds_the_organisation_rungs_reach).

    let (got, _) =
        read("the Principal with company-wide reach inside the company", coached(&set, "CCG SGG CGC CCG", None), None);
    assert_eq!(got.as_deref(), Some("principal-engineer"));
    let (got, _) = read(
        "the same Principal, the company rung on direction and priority only",
        coached(&set, "CGG SGG CGG GGG", None),
        None,
    );
    assert_eq!(got.as_deref(), Some("senior-staff-engineer"));

    let (got, _) = read("the overclaimer at several teams", gamer(&set, 5, [0.6; 4]), None);
    assert_eq!(got.as_deref(), Some("staff-engineer"));

    let small = Some(Organisation::UpTo100);
    let (got, fit) = read("the staff engineer at a 150-person company", coached(&set, "GSS TOT GTT SGT", None), small);
    assert_eq!(got.as_deref(), Some("staff-engineer"));
    assert_eq!(fit.len(), 4, "Right hand is not what organisation-wide reach in a small company means");
    let tech_lead = leaning(&set, coached(&set, "GSS TOT GTT SGT", None), facet_index(&set, "tech-lead"), 3);
    let (got, fit) = read("the same staff engineer, of the tech-lead kind", tech_lead, small);
    assert_eq!((got.as_deref(), fit), (Some("staff-engineer"), facet("tech-lead")));

    let (got, _) =
        read("the staff engineer a rung lower on domain and cost", coached(&set, "SSS TOT STT SST", None), small);
    assert_eq!(got.as_deref(), Some("staff-engineer"));
}

/// The re-grade of 2026-12-07 (its sections 2 and 6) scored the revised set on the people it is for and found the
/// verdict a role off for several; these are its profiles, answered honestly on the set as now revised, in the
/// notation of `coached` ("Often", the second-strongest options, the scenarios' second options averaging 0.8 /
/// 0.8 / 0.77 / 0.77, so a dimension scores 75 × its mean rung + 19.4 in technical strategy and people, + 19.0 in
/// business and communication; "Sometimes" on every habit takes 3.1 off each). The targets since the re-grade:
/// Staff 64 / 49 / 49 / 64, Senior Staff 79 / 64 / 64 / 79, Principal 94 / 79 / 79 / 94.
///
/// - The Staff engineer at a 150-person company (about 40 engineers): several teams on direction, way through,
///   change, priority, document and decision; one team on people, domain, cost and written findings. 64.4 / 49.4 /
///   54.0 / 59.0, communication 5.0 short, readiness 97.8%: Staff (was Senior Engineer, business acumen 10 short of
///   64). With "Sometimes" on every habit, and cost and written findings at several teams (the "two imperfections"
///   profile, a rung short on domain): 61.3 / 46.3 / 55.8 / 60.8, readiness 96.2%: Staff (was Senior Engineer, 8.2
///   short in business acumen).
/// - The one-team billing senior, every claim true: the company rungs now ask for all engineering and other
///   functions, so the change finance operations also made and the data model finance's systems read are at most
///   several teams (read generously), and the payment-fee saving is the team's cost. 54.4 / 49.4 / 49.0 / 54.0:
///   9.6 short of Staff in technical strategy, Senior Engineer (was Staff). With mentoring and a bar across teams,
///   a pricing decision all engineering and other functions work to and a company policy from their findings:
///   54.4 / 59.4 / 64.0 / 69.0, still 9.6 short in technical strategy (was Senior Staff).
/// - The big-company Senior Staff engineer whose area is twelve teams under one director, which the summary and
///   every organisation rung now count as the organisation: the organisation on direction, change, bar, priority,
///   cost, document and findings, several teams elsewhere. 74.4 / 69.4 / 74.0 / 74.0 against 79 / 64 / 64 / 79,
///   4.6 and 5.0 short, readiness 96.6%: Senior Staff. Answered as before the rule, the area not the organisation
///   (several teams on direction, way through, priority, domain, decision and findings): 69.4 / 69.4 / 69.0 / 69.0,
///   9.6 short in technical strategy: Staff, as the re-grade found.
/// - The tech lead of a few close teams, the Tech lead facet's own kind: the Staff engineer's rungs with the tech
///   lead's lean (pl-2, pl-5, ba-14 and the choice of work at their best). 64.4 / 51.5 / 55.0 / 59.0, readiness
///   97.8%: Staff, Tech lead alone (100 against 65) (was Senior Engineer). The tech lead of one team (direction and
///   the decisions closed reach one team): 59.4 / 51.5 / 55.0 / 54.0, 10 short in communication: Senior Engineer,
///   as the facet's description now says.
/// - The Principal at a 2,000-person company: the bar is the company rung in technology and communication, which
///   the Principal's summary now states. Company on direction, change, priority, domain and findings (five
///   claims), the organisation on the rest: 89.4 / 74.4 / 89.0 / 84.0, 10 short in communication: Senior Staff,
///   as before. Company on the decision closed as well (two communication ladders): 89.4 / 74.4 / 89.0 / 89.0,
///   readiness 95.9%: Principal.
#[test]
fn on_the_staff_path_the_regrades_profiles_are_placed_fairly() {
    let set = load(STAFF);
    let top = set.role_index("principal-engineer").unwrap();
    let sometimes = |mut responses: Responses| {
        for (i, q) in set.questions.iter().enumerate() {
            if is_habit(STAFF, q) {
                responses.0[i] = Some(Response::Point(3));
            }
        }
        responses
    };
    let read = |label: &str, responses: Responses, organisation: Option<Organisation>| {
        let got = verdicts(label, &set, &responses, organisation);
        (got, score(&set, &responses, top).fit)
    };
    let (small, large) = (Some(Organisation::UpTo100), Some(Organisation::Over500));

    let (got, fit) = read("the Staff engineer at a 150-person company", coached(&set, "SSS TTT STT SST", None), small);
    assert_eq!((got.as_deref(), fit.len()), (Some("staff-engineer"), 4));
    let two = sometimes(coached(&set, "SSS TTT STS SSS", None));
    let (got, _) = read("the Staff engineer with \"Sometimes\" and a ladder short", two, small);
    assert_eq!(got.as_deref(), Some("staff-engineer"));

    let (got, _) = read("the one-team billing senior", coached(&set, "TTS TTT TTT STT", None), None);
    assert_eq!(got.as_deref(), Some("senior-engineer"));
    let (got, _) = read("the payments senior, mentoring across teams", coached(&set, "TTS STS TCT STC", None), None);
    assert_eq!(got.as_deref(), Some("senior-engineer"));

    let (got, _) =
        read("the Senior Staff engineer of a twelve-team area", coached(&set, "GSG SSG GSG GSG", None), large);
    assert_eq!(got.as_deref(), Some("senior-staff-engineer"));
    let (got, _) =
        read("the same, the area not taken as the organisation", coached(&set, "SSG SSG SSG GSS", None), large);
    assert_eq!(got.as_deref(), Some("staff-engineer"));

    let tech_lead = |rungs: &str| leaning(&set, coached(&set, rungs, None), facet_index(&set, "tech-lead"), 3);
    let (got, fit) = read("the tech lead of a few close teams", tech_lead("SSS TTT STT SST"), None);
    assert_eq!((got.as_deref(), fit), (Some("staff-engineer"), vec![facet_index(&set, "tech-lead")]));
    let (got, _) = read("the tech lead of one team", tech_lead("TSS TTT STT STT"), None);
    assert_eq!(got.as_deref(), Some("senior-engineer"));

    let principal = set.roles.iter().find(|r| r.id == "principal-engineer").unwrap();
    assert!(principal.summary.as_deref().is_some_and(|s| s.contains("one division") && s.contains("Senior Staff")));
    let (got, _) = read("the Principal of a 2,000-person company", coached(&set, "CGC SGG CCG GGC", None), large);
    assert_eq!(got.as_deref(), Some("senior-staff-engineer"));
    let (got, _) = read("the same, company-wide in communication", coached(&set, "CGC SGG CCG GCC", None), large);
    assert_eq!(got.as_deref(), Some("principal-engineer"));
}

// ---------------------------------------------------------------------------------------------------------------
// The coach's grid (third reading of the management sets, 2026-12-07), native. Before 2.3.0 an honest holder with
// "Sometimes" on every habit and one ladder a rung short lost their role in 36 of 96 cases in the flagship, 9 of 48
// in EM → Head of Engineering and 35 of 39 in Tech Lead → EM; one ladder per dimension claimed a rung high with
// flawless habits and scenarios lifted a holder one or two roles; and leaving one ladder per dimension out lifted
// a gamer one role. Run with `cargo test --test assessments simulated -- --nocapture` to read the counts.

/// The management sets: the staff path has its own method and its own grid (issue 30).
fn management_sets() -> impl Iterator<Item = &'static str> {
    SETS.iter().map(|(id, ..)| *id).filter(|id| *id != STAFF)
}

/// The scored ladders of dimension `d`.
fn ladders_in(set: &QuestionSet, d: usize) -> Vec<usize> {
    (0..set.questions.len())
        .filter(|&i| set.questions[i].dimension == d && set.questions[i].scored && is_level(&set.questions[i]))
        .collect()
}

/// Every way of picking one ladder from each dimension (a dimension with none to pick is skipped).
fn one_per_dimension(choices: &[Vec<usize>]) -> Vec<Vec<usize>> {
    choices.iter().filter(|c| !c.is_empty()).fold(vec![vec![]], |picks, choice| {
        picks.iter().flat_map(|p| choice.iter().map(move |&i| [p.clone(), vec![i]].concat())).collect()
    })
}

#[test]
fn simulated_grid_every_honest_uneven_holder_keeps_their_role() {
    for id in management_sets() {
        let set = load(id);
        let (mut kept, mut all) = (0, 0);
        for role in &set.roles {
            let scope = scope_of(&role.id);
            for i in (0..set.questions.len()).filter(|&i| set.questions[i].scored && is_level(&set.questions[i])) {
                let mut uneven = holder_sometimes(&set, scope);
                let Some(Response::Option(rung)) = uneven.0[i] else { unreachable!() };
                if rung == 0 {
                    continue;
                }
                uneven.0[i] = Some(Response::Option(rung - 1));
                let got = verdict(&set, &score(&set, &uneven, set.roles_by_stage()[set.roles.len() - 1]));
                all += 1;
                kept += usize::from(got == Some(role.id.as_str()));
                assert_eq!(
                    got,
                    Some(role.id.as_str()),
                    "{id}: {} with \"Sometimes\" on every habit and {} a rung short",
                    role.id,
                    set.questions[i].id
                );
            }
        }
        println!(
            "{id}: {kept} of {all} honest uneven holders (\"Sometimes\", any one ladder a rung short) keep their role"
        );
    }
}

#[test]
fn simulated_grid_one_ladder_per_dimension_claimed_high_lifts_nobody() {
    for id in management_sets() {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        let mut tried = 0;
        for role in set.roles.iter().filter(|r| set.role_index(&r.id) != Some(top)) {
            let flawless = gamer(&set, points(&set), scope_of(&role.id));
            let room: Vec<Vec<usize>> = (0..DIMENSIONS.len())
                .map(|d| {
                    ladders_in(&set, d)
                        .into_iter()
                        .filter(|&i| {
                            matches!(flawless.0[i], Some(Response::Option(r)) if r + 1 < options(&set.questions[i]).unwrap().len())
                        })
                        .collect()
                })
                .collect();
            for pick in one_per_dimension(&room) {
                let mut claimed = flawless.clone();
                for &i in &pick {
                    if let Some(Response::Option(rung)) = claimed.0[i] {
                        claimed.0[i] = Some(Response::Option(rung + 1));
                    }
                }
                let got = verdict(&set, &score(&set, &claimed, top));
                tried += 1;
                assert!(
                    stage_of(&set, got) <= role.stage,
                    "{id}: {} claiming {:?} a rung high, with flawless habits and scenarios, reads {got:?}",
                    role.id,
                    pick.iter().map(|&i| set.questions[i].id.as_str()).collect::<Vec<_>>()
                );
            }
        }
        println!("{id}: {tried} overclaimers (one ladder per dimension a rung high, flawless habits and scenarios), none above their role");
    }
}

#[test]
fn simulated_grid_leaving_ladders_out_lifts_no_gamer() {
    for id in management_sets() {
        let set = load(id);
        let top = set.roles_by_stage()[set.roles.len() - 1];
        let mut tried = 0;
        for role in &set.roles {
            let scope = scope_of(&role.id);
            let every: Vec<Vec<usize>> = (0..DIMENSIONS.len()).map(|d| ladders_in(&set, d)).collect();
            // One ladder per dimension left out, any of them; then every habit and scenario of one dimension (as
            // much as min_coverage allows: no ladder). The flawless gamer and the honest holder alike get no more
            // than their role; with a ladder left out, no verdict at all.
            let mut left_out = one_per_dimension(&every);
            left_out.extend((0..DIMENSIONS.len()).map(|d| {
                (0..set.questions.len())
                    .filter(|&i| {
                        set.questions[i].dimension == d && set.questions[i].scored && !is_level(&set.questions[i])
                    })
                    .collect::<Vec<_>>()
            }));
            for pick in left_out {
                let ladder_out = pick.iter().any(|&i| is_level(&set.questions[i]));
                for (who, mut responses) in
                    [("gamer", gamer(&set, points(&set), scope)), ("holder", holder(&set, scope))]
                {
                    for &i in &pick {
                        responses.0[i] = Some(Response::Untested);
                    }
                    let got = verdict(&set, &score(&set, &responses, top));
                    tried += 1;
                    assert!(
                        stage_of(&set, got) <= role.stage,
                        "{id}: the {who} at {} leaving {:?} out reads {got:?}",
                        role.id,
                        pick.iter().map(|&i| set.questions[i].id.as_str()).collect::<Vec<_>>()
                    );
                    // Every habit and scenario of a dimension is more than the CTO set allows since its sixth
                    // reading (min_coverage 0.94 since the tenth, against the ladders' 90%): no verdict there either.
                    let too_much = ladder_out || method(id).level < method(id).min_coverage - 1e-9;
                    if too_much {
                        assert_eq!(got, None, "{id}: the {who} at {} leaving {pick:?} out", role.id);
                    } else if who == "holder" {
                        assert_eq!(got, Some(role.id.as_str()), "{id}: the honest {} leaving {pick:?} out", role.id);
                    }
                }
            }
        }
        println!("{id}: {tried} gamers and holders leaving ladders out, none above their role");
    }
}

/// The sixth reading (2026-12): an honest holder whose ladders are uneven, not short, two a rung short and one a
/// rung high in every dimension (the fourth at their rung), "Often" on habits and the second-strongest scenario
/// options, keeps the role they hold. With three ladders the same person was a net rung short of six points in
/// every dimension and the Tech Lead read Senior Engineer; with four it is 4.5 points and readiness 88% (Tech Lead)
/// or 91% (Engineering Manager). The Senior Engineer still reads no role (84%): at targets of 25 the readiness
/// threshold of 85% binds before the tolerance, as for the honest holder who leaves out every habit and scenario.
#[test]
fn uneven_ladders_keep_the_tech_lead_and_engineering_manager_their_role() {
    let set = load("tech-lead-to-engineering-manager");
    let top = set.roles_by_stage()[set.roles.len() - 1];
    for role in ["tech-lead", "engineering-manager"] {
        let mut responses = holder(&set, scope_of(role));
        for (d, dimension) in DIMENSIONS.iter().enumerate() {
            let ladders = ladders_in(&set, d);
            // Four ladders in every dimension, five in people leadership since its hiring ladder (pl-23, the
            // second coach's reading of 2026-12-07 (c)): the fifth, like the fourth, at the holder's rung.
            assert!((4..=5).contains(&ladders.len()), "{role}: four or five ladders in {dimension}");
            for (&i, step) in ladders.iter().zip([-1i32, -1, 1, 0, 0]) {
                let top_rung = options(&set.questions[i]).unwrap().len() - 1;
                if let Some(Response::Option(rung)) = responses.0[i] {
                    let moved = usize::try_from(i32::try_from(rung).unwrap() + step).unwrap().min(top_rung);
                    responses.0[i] = Some(Response::Option(moved));
                }
            }
        }
        let report = score(&set, &responses, top);
        assert_eq!(verdict(&set, &report), Some(role), "{role}: two ladders a rung short and one high per dimension");
    }
}
