//! The bundled assessments: valid, of the promised size and shape, and scoring sensibly at the extremes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use altitude::model::{QuestionKind, QuestionSet, Response, Responses};
use altitude::scoring::score;

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

const SETS: [SetPromise; 3] = [
    (
        "cto-readiness",
        (44, 56),
        (11, 14),
        &[
            "tech-lead",
            "engineering-manager",
            "director-of-engineering",
            "head-of-engineering",
            "vp-of-engineering",
            "cto",
        ],
    ),
    (
        "em-to-head-of-engineering",
        (28, 40),
        (1, 40),
        &["engineering-manager", "director-of-engineering", "head-of-engineering"],
    ),
    ("tech-lead-to-engineering-manager", (24, 36), (1, 36), &["senior-engineer", "tech-lead", "engineering-manager"]),
];

#[test]
fn every_file_in_assessments_is_a_valid_set_listed_in_the_catalog() {
    let catalog: serde_json::Value =
        serde_json::from_slice(&std::fs::read(assessments_dir().join("catalog.json")).unwrap()).unwrap();
    let listed: HashSet<String> =
        catalog["sets"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
    let mut found = HashSet::new();
    for entry in std::fs::read_dir(assessments_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "catalog.json" || !name.ends_with(".json") {
            continue;
        }
        let set = QuestionSet::load(&std::fs::read(assessments_dir().join(&name)).unwrap())
            .unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        assert_eq!(format!("{}.json", set.id), name, "a set's file is named after its id");
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
            let count = set.questions.iter().filter(|q| q.dimension == d).count();
            assert!((per_min..=per_max).contains(&count), "{id}: {count} questions in {dimension}");
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
    assert_eq!(load("cto-readiness").estimated_minutes, Some(15));
}

#[test]
fn reverse_items_and_scenarios_are_at_least_fifteen_percent() {
    for (id, ..) in SETS {
        let set = load(id);
        let likert: Vec<bool> = set
            .questions
            .iter()
            .filter_map(|q| match q.kind {
                QuestionKind::Likert { reverse } => Some(reverse),
                _ => None,
            })
            .collect();
        let reverse = likert.iter().filter(|r| **r).count();
        assert!(
            reverse as f64 >= 0.15 * likert.len() as f64,
            "{id}: {reverse} of {} likert items reversed",
            likert.len()
        );
        let choices = set.questions.len() - likert.len();
        assert!(choices as f64 >= 0.15 * set.questions.len() as f64, "{id}: {choices} scenarios");
        for question in &set.questions {
            assert!(question.help.is_some(), "{id}/{}: help says what good looks like", question.id);
        }
    }
}

#[test]
fn the_strongest_option_does_not_stand_out_by_length() {
    for (id, ..) in SETS {
        let set = load(id);
        let mut longest = 0;
        let mut scenarios = 0;
        for question in &set.questions {
            let QuestionKind::Choice { options } = &question.kind else { continue };
            scenarios += 1;
            let best = options.iter().max_by(|a, b| a.score.total_cmp(&b.score)).unwrap();
            assert_eq!(best.score, 1.0, "{id}/{}: the strongest option scores 1", question.id);
            let max_len = options.iter().map(|o| o.text.chars().count()).max().unwrap();
            if best.text.chars().count() == max_len {
                longest += 1;
            }
        }
        assert!(longest * 2 <= scenarios, "{id}: the strongest option is the longest in {longest} of {scenarios}");
        let positions: HashSet<usize> = set
            .questions
            .iter()
            .filter_map(|q| match &q.kind {
                QuestionKind::Choice { options } => options.iter().position(|o| o.score == 1.0),
                _ => None,
            })
            .collect();
        assert!(positions.len() >= 3, "{id}: the strongest option moves around ({positions:?})");
    }
}

#[test]
fn every_dimension_has_guidance() {
    for (id, ..) in SETS {
        let set = load(id);
        for (dimension, guidance) in set.dimensions.iter().zip(&set.guidance) {
            let g = guidance.as_ref().unwrap_or_else(|| panic!("{id}: no guidance for {}", dimension.id));
            assert!(g.summary.is_some(), "{id}/{}", dimension.id);
            assert!(
                g.skills.len() >= 5 && g.practices.len() >= 4 && g.projects.len() >= 3 && g.reading.len() >= 3,
                "{id}/{}",
                dimension.id
            );
            assert!(
                g.reading.iter().all(|book| book.author.is_some()),
                "{id}/{}: books name their authors",
                dimension.id
            );
        }
    }
}

#[test]
fn role_targets_rise_with_stage_and_differ_in_shape() {
    for (id, ..) in SETS {
        let set = load(id);
        let totals: Vec<f64> = set.roles_by_stage().into_iter().map(|r| set.roles[r].targets.iter().sum()).collect();
        assert!(totals.windows(2).all(|w| w[0] < w[1]), "{id}: {totals:?}");
    }
    let set = load("cto-readiness");
    let target = |role: &str, d: usize| set.roles[set.role_index(role).unwrap()].targets[d];
    let people_peak = set.roles.iter().max_by(|a, b| a.targets[1].total_cmp(&b.targets[1])).unwrap();
    assert!(
        ["director-of-engineering", "head-of-engineering"].contains(&people_peak.id.as_str()),
        "people leadership peaks with managers of managers"
    );
    for d in [0, 2] {
        let top = set.roles.iter().max_by(|a, b| a.targets[d].total_cmp(&b.targets[d])).unwrap();
        assert_eq!(top.id, "cto", "{} peaks at CTO", DIMENSIONS[d]);
    }
    assert!(target("vp-of-engineering", 2) > target("head-of-engineering", 2));
}

/// The best or worst answer to every question.
fn extreme(set: &QuestionSet, best: bool) -> Responses {
    Responses(
        set.questions
            .iter()
            .map(|q| {
                Some(match &q.kind {
                    QuestionKind::Likert { reverse } => {
                        let top = set.scale.as_ref().unwrap().points;
                        Response::Point(if best != *reverse { top } else { 1 })
                    }
                    QuestionKind::Choice { options } | QuestionKind::Level { options } => {
                        let pick = if best {
                            options.iter().enumerate().max_by(|a, b| a.1.score.total_cmp(&b.1.score))
                        } else {
                            options.iter().enumerate().min_by(|a, b| a.1.score.total_cmp(&b.1.score))
                        };
                        Response::Option(pick.unwrap().0)
                    }
                })
            })
            .collect(),
    )
}

#[test]
fn extremes_score_sensibly() {
    for (id, _, _, roles) in SETS {
        let set = load(id);
        let top_band = set.bands.last().unwrap().name.clone();
        let best = score(&set, &extreme(&set, true), set.default_role);
        assert!(
            best.dimensions.iter().all(|d| d.band.as_deref() == Some(top_band.as_str())),
            "{id}: all-best reaches the top band"
        );
        assert_eq!(best.ready_for.map(|r| set.roles[r].id.as_str()), roles.last().copied(), "{id}");
        assert!(best.focus.is_empty());
        let worst = score(&set, &extreme(&set, false), set.default_role);
        assert_eq!(worst.ready_for, None, "{id}: all-worst reaches no role");
        assert_eq!(worst.focus.len(), 4, "{id}");
    }
}

/// No six-word run of the source material may appear in a bundled set's own text (set titles, which are role
/// names, and books' titles and authors are facts and are exempt). The material sits beside the repository in CI and here.
#[test]
fn no_sentence_of_the_source_material_is_reused() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        eprintln!("note: {} is not here; the reuse check ran on nothing", seeds.display());
        return;
    };
    let words = |text: &str| -> Vec<String> {
        text.to_lowercase()
            .replace('’', "'")
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut runs = HashSet::new();
    for entry in entries {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        let w = words(&text);
        for run in w.windows(6) {
            runs.insert(run.join(" "));
        }
    }
    for (id, ..) in SETS {
        let set = load(id);
        // Titles are role names, which are facts.
        let mut texts: Vec<&str> = set.summary.as_deref().into_iter().collect();
        for q in &set.questions {
            texts.push(&q.text);
            texts.extend(q.help.as_deref());
            if let QuestionKind::Choice { options } = &q.kind {
                texts.extend(options.iter().map(|o| o.text.as_str()));
            }
        }
        for g in set.guidance.iter().flatten() {
            texts.extend(g.summary.as_deref());
            texts.extend(g.skills.iter().chain(&g.practices).chain(&g.projects).map(String::as_str));
            texts.extend(g.reading.iter().filter_map(|b| b.note.as_deref()));
        }
        for text in texts {
            let w = words(text);
            for run in w.windows(6) {
                assert!(
                    !runs.contains(&run.join(" ")),
                    "{id}: \"{}\" is taken from the source material (in \"{text}\")",
                    run.join(" ")
                );
            }
        }
    }
}
