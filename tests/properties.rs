//! Properties that hold for every valid set and every answer sheet, and for arbitrary input.

use altitude::model::{QuestionKind, QuestionSet, Response, Responses};
use altitude::scoring::score;
use proptest::prelude::*;
use serde_json::{json, Value};

/// A random valid question set in format 1 or 2: 1–4 dimensions, 1–4 roles, 1–30 questions of every
/// kind the format has (level questions in format 2), and in format 2 a random gap tolerance.
fn arb_set() -> impl Strategy<Value = Value> {
    (1u8..=2, 1usize..=4, 1usize..=4, 2u32..=11, 0.0f64..=1.0, 0.0f64..=100.0, 0.0f64..=100.0).prop_flat_map(|(format, dims, roles, points, min_coverage, threshold, tolerance)| {
        let dimension_weights = prop::collection::vec(0.1f64..=10.0, dims);
        let role_targets = prop::collection::vec(prop::collection::vec(0.0f64..=100.0, dims), roles);
        let questions = prop::collection::vec((0..dims, 0.1f64..=5.0, any::<bool>(), prop::option::of(prop::collection::vec(0.0f64..=1.0, 2..=5))), dims..=30);
        (dimension_weights, role_targets, questions).prop_map(move |(weights, targets, questions)| {
            let dimension_ids: Vec<String> = (0..dims).map(|d| format!("d{d}")).collect();
            let mut questions: Vec<Value> = questions
                .into_iter()
                .enumerate()
                .map(|(i, (dimension, weight, reverse, options))| match options {
                    // In format 2, a choice question with "reverse" drawn becomes a level question:
                    // its scores made strictly ascending by adding each to the one before.
                    Some(scores) if format == 2 && reverse => {
                        let total: f64 = scores.iter().map(|s| s + 0.01).sum();
                        let ladder: Vec<f64> = scores.iter().scan(0.0, |sum, s| { *sum += (s + 0.01) / total; Some(*sum) }).collect();
                        json!({
                            "id": format!("q{i}"), "dimension": dimension_ids[dimension], "kind": "level", "text": "Q", "weight": weight,
                            "options": ladder.iter().enumerate().map(|(o, score)| json!({"id": format!("o{o}"), "text": "O", "score": score.min(1.0)})).collect::<Vec<_>>()
                        })
                    }
                    Some(scores) => json!({
                        "id": format!("q{i}"), "dimension": dimension_ids[dimension], "kind": "choice", "text": "Q", "weight": weight,
                        "options": scores.iter().enumerate().map(|(o, score)| json!({"id": format!("o{o}"), "text": "O", "score": score})).collect::<Vec<_>>()
                    }),
                    None => json!({"id": format!("q{i}"), "dimension": dimension_ids[dimension], "kind": "likert", "text": "Q", "weight": weight, "reverse": reverse}),
                })
                .collect();
            // Every dimension needs a question.
            for (d, id) in dimension_ids.iter().enumerate() {
                questions[d]["dimension"] = json!(id);
            }
            let mut set = json!({
                "format": format!("altitude.question-set/{format}"), "id": "prop", "version": "1", "title": "Property set",
                "min_coverage": min_coverage, "ready_threshold": threshold,
                "scale": {"points": points, "labels": (1..=points).map(|p| format!("P{p}")).collect::<Vec<_>>()},
                "dimensions": dimension_ids.iter().zip(&weights).map(|(id, w)| json!({"id": id, "name": id, "weight": w})).collect::<Vec<_>>(),
                "roles": targets.iter().enumerate().map(|(r, t)| json!({
                    "id": format!("r{r}"), "name": format!("Role {r}"), "stage": r + 1,
                    "targets": dimension_ids.iter().zip(t).map(|(id, v)| (id.clone(), json!(v))).collect::<serde_json::Map<_, _>>()
                })).collect::<Vec<_>>(),
                "questions": questions
            });
            if format == 2 {
                set["gap_tolerance"] = json!(tolerance);
            }
            set
        })
    })
}

/// A set with random responses: each question unanswered, not applicable, answered in range, or (in
/// format 2) untested.
fn arb_scored() -> impl Strategy<Value = (QuestionSet, Responses)> {
    arb_set().prop_flat_map(|value| {
        let set = QuestionSet::load(value.to_string().as_bytes()).expect("generated sets are valid");
        let choices: Vec<usize> = set.questions.iter().map(|q| set.choice_count(q)).collect();
        let picks = prop::collection::vec((0u8..5, any::<prop::sample::Index>()), set.questions.len());
        (Just(set), picks).prop_map(move |(set, picks)| {
            let responses = set
                .questions
                .iter()
                .zip(&picks)
                .zip(&choices)
                .map(|((question, (state, pick)), &count)| match state {
                    0 => None,
                    1 => Some(Response::NotApplicable),
                    4 if set.format == 2 => Some(Response::Untested),
                    _ => Some(match question.kind {
                        QuestionKind::Likert { .. } => Response::Point(pick.index(count) as u32 + 1),
                        QuestionKind::Choice { .. } | QuestionKind::Level { .. } => Response::Option(pick.index(count)),
                    }),
                })
                .collect();
            (set, Responses(responses))
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn scores_and_coverage_stay_in_range((set, responses) in arb_scored()) {
        for role in 0..set.roles.len() {
            let report = score(&set, &responses, role);
            for d in &report.dimensions {
                prop_assert!((0.0..=1.0).contains(&d.coverage));
                if let Some(s) = d.score { prop_assert!((0.0..=100.0 + 1e-9).contains(&s), "score {s}"); }
            }
            if let Some(o) = report.overall { prop_assert!((0.0..=100.0 + 1e-9).contains(&o)); }
            for r in &report.roles {
                if let Some(x) = r.readiness { prop_assert!((0.0..=100.0 + 1e-9).contains(&x)); }
            }
        }
    }

    #[test]
    fn ready_means_the_threshold_and_no_gap_past_the_tolerance((set, responses) in arb_scored()) {
        let report = score(&set, &responses, 0);
        for r in &report.roles {
            prop_assert_eq!(r.ready.is_some(), r.readiness.is_some());
            if r.ready == Some(true) {
                prop_assert!(r.readiness.unwrap() >= set.ready_threshold);
                for (d, target) in set.roles[r.role].targets.iter().enumerate() {
                    prop_assert!(target - report.dimensions[d].score.unwrap() <= set.gap_tolerance);
                }
            }
        }
        match report.ready_for {
            Some(role) => prop_assert_eq!(report.roles.iter().rev().find(|r| r.ready == Some(true)).map(|r| r.role), Some(role)),
            None => prop_assert!(report.roles.iter().all(|r| r.ready != Some(true))),
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_its_dimension((set, responses) in arb_scored(), pick in any::<prop::sample::Index>()) {
        let answered: Vec<usize> = (0..set.questions.len())
            // Answered with a value: "untested" is left out of the score, so replacing it changes coverage.
            .filter(|&i| matches!(responses.0[i], Some(Response::Point(_) | Response::Option(_))))
            .collect();
        prop_assume!(!answered.is_empty());
        let q = answered[pick.index(answered.len())];
        let best = match &set.questions[q].kind {
            QuestionKind::Likert { reverse } => Response::Point(if *reverse { 1 } else { set.scale.as_ref().unwrap().points }),
            kind => Response::Option(kind.options().iter().enumerate().max_by(|a, b| a.1.score.total_cmp(&b.1.score)).unwrap().0),
        };
        let mut raised = responses.clone();
        raised.0[q] = Some(best);
        let d = set.questions[q].dimension;
        let before = score(&set, &responses, 0).dimensions[d].score;
        let after = score(&set, &raised, 0).dimensions[d].score;
        prop_assert_eq!(before.is_some(), after.is_some(), "coverage does not change");
        if let (Some(b), Some(a)) = (before, after) { prop_assert!(a >= b - 1e-9, "{b} became {a}"); }
    }

    #[test]
    fn question_order_does_not_matter((set, responses) in arb_scored(), seed in any::<u64>()) {
        let mut order: Vec<usize> = (0..set.questions.len()).collect();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..order.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut shuffled = set.clone();
        shuffled.questions = order.iter().map(|&i| set.questions[i].clone()).collect();
        let shuffled_responses = Responses(order.iter().map(|&i| responses.0[i]).collect());
        let a = score(&set, &responses, 0);
        let b = score(&shuffled, &shuffled_responses, 0);
        prop_assert_eq!(&a.focus, &b.focus);
        prop_assert_eq!(&a.ready_for, &b.ready_for);
        for (x, y) in a.dimensions.iter().zip(&b.dimensions) {
            prop_assert!((x.coverage - y.coverage).abs() < 1e-9);
            prop_assert_eq!(x.score.is_some(), y.score.is_some());
            if let (Some(p), Some(q)) = (x.score, y.score) { prop_assert!((p - q).abs() < 1e-9); }
        }
    }

    #[test]
    fn reversing_a_reverse_item_mirrors_its_value((set, _) in arb_scored(), pick in any::<prop::sample::Index>()) {
        let points = set.scale.as_ref().unwrap().points;
        let likert: Vec<usize> = (0..set.questions.len()).filter(|&i| matches!(set.questions[i].kind, QuestionKind::Likert { .. })).collect();
        prop_assume!(!likert.is_empty());
        let q = likert[pick.index(likert.len())];
        let mut reversed = set.clone();
        reversed.questions[q].kind = QuestionKind::Likert { reverse: true };
        let mut plain = set.clone();
        plain.questions[q].kind = QuestionKind::Likert { reverse: false };
        for k in 1..=points {
            let r = altitude::scoring::report::question_value(&reversed, q, Response::Point(k)).unwrap();
            let p = altitude::scoring::report::question_value(&plain, q, Response::Point(points + 1 - k)).unwrap();
            prop_assert!((r - p).abs() < 1e-12, "reverse of point {k} must equal point {}", points + 1 - k);
            let straight = altitude::scoring::report::question_value(&plain, q, Response::Point(k)).unwrap();
            prop_assert!((r + straight - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = QuestionSet::load(&bytes);
        let _ = altitude::model::ResultDocument::parse(&bytes);
    }

    #[test]
    fn loading_arbitrary_json_never_panics(value in arb_json()) {
        let text = value.to_string();
        prop_assert!(QuestionSet::load(text.as_bytes()).is_err() || value.is_object());
        let _ = altitude::model::ResultDocument::parse(text.as_bytes());
    }

    #[test]
    fn mutated_valid_sets_never_panic(value in arb_set(), path in any::<prop::sample::Index>(), replacement in arb_json()) {
        let mut value = value;
        let pointers = leaf_pointers(&value, String::new());
        let pointer = &pointers[path.index(pointers.len())];
        *value.pointer_mut(pointer).unwrap() = replacement;
        let _ = QuestionSet::load(value.to_string().as_bytes());
    }
}

/// Arbitrary JSON, biased towards the format's own keys so the loader's deeper paths are reached.
fn arb_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("id".to_owned()),
        Just("format".to_owned()),
        Just("questions".to_owned()),
        Just("dimensions".to_owned()),
        Just("roles".to_owned()),
        Just("targets".to_owned()),
        Just("scale".to_owned()),
        Just("options".to_owned()),
        "[a-z_]{1,8}"
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn leaf_pointers(value: &Value, prefix: String) -> Vec<String> {
    let mut pointers = vec![prefix.clone()];
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| pointers.extend(leaf_pointers(v, format!("{prefix}/{k}")))),
        Value::Array(items) => {
            items.iter().enumerate().for_each(|(i, v)| pointers.extend(leaf_pointers(v, format!("{prefix}/{i}"))))
        }
        _ => {}
    }
    pointers
}
