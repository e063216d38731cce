//! Loading and validating a 1,000-question format-2 set (target: under 5 ms), scoring it (under
//! 100 µs), scoring it with the others' view of 20 raters (under 200 µs), and saving one answer of
//! an attempt with every other question answered (the widget's last page: read, merge, write;
//! 2.85 ms before 2026-12-05, 0.23 ms since repeated keys are found by sorting and the store
//! keeps what it last wrote).

use altitude::attempt::Attempt;
use altitude::model::{QuestionKind, QuestionSet, Relationship, Response, Responses};
use altitude::scoring::{others_view, score};
use altitude::session::{MemoryStorage, Session, Store};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::json;

/// A 1,000-question format-2 set over four dimensions and six roles, with realistic text lengths:
/// likert, choice and level questions, help, debriefs, texts for raters and role guidance.
fn thousand_question_set() -> String {
    let dimensions = ["technical-strategy", "people-leadership", "business-acumen", "communication"];
    let questions: Vec<_> = (0..1000)
        .map(|i| {
            let dimension = dimensions[i % 4];
            let text = format!("In the last quarter I did observable thing number {i}, and the people around me could see it happen.");
            let text_other = format!("In the last quarter they did observable thing number {i}, and people could see it happen.");
            let options = |count: usize| (0..count).map(|o| json!({"id": format!("o{o}"), "text": format!("Option {o}, described in a sentence or so."), "score": o as f64 / (count - 1) as f64})).collect::<Vec<_>>();
            match i % 5 {
                0 => json!({"id": format!("q-{i}"), "dimension": dimension, "kind": "choice", "text": text, "text_other": text_other, "help": "What the question asks about.",
                            "debrief": "What separates the stronger answers from the weaker ones.", "options": options(4)}),
                1 => json!({"id": format!("q-{i}"), "dimension": dimension, "kind": "level", "text": text, "text_other": text_other,
                            "debrief": "What the higher levels show.", "options": options(5)}),
                _ => json!({"id": format!("q-{i}"), "dimension": dimension, "kind": "likert", "text": text, "text_other": text_other, "help": "What the question asks about.", "reverse": i % 7 == 0, "weight": 1 + i % 3}),
            }
        })
        .collect();
    let roles: Vec<_> = (1..=6)
        .map(|stage| json!({"id": format!("role-{stage}"), "name": format!("Role {stage}"), "stage": stage,
                            "targets": dimensions.iter().map(|d| (d.to_string(), json!(40 + stage * 8))).collect::<serde_json::Map<_, _>>()}))
        .collect();
    let guidance = |role: &str| {
        dimensions
            .iter()
            .map(|d| (d.to_string(), json!({"summary": format!("Grow {d} as a {role}."), "first_step": "Do one thing this week.", "conversation": "Ask your manager what good looks like.", "signal": "People come to you for it."})))
            .collect::<serde_json::Map<_, _>>()
    };
    json!({
        "$schema": "../schema/question-set-v2.schema.json",
        "format": "altitude.question-set/2", "id": "bench", "version": "1", "title": "Benchmark set",
        "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
        "dimensions": dimensions.iter().map(|d| json!({"id": d, "name": d})).collect::<Vec<_>>(),
        "roles": roles,
        "gap_tolerance": 10,
        "questions": questions,
        "guidance": guidance("leader"),
        "role_guidance": {"role-5": guidance("director"), "role-6": guidance("cto")}
    })
    .to_string()
}

/// Answers for every question, varied by `seed`; every 11th untested.
fn answers(set: &QuestionSet, seed: usize) -> Responses {
    Responses(
        set.questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let pick = i * 7 + seed * 3;
                if pick.is_multiple_of(11) {
                    return Some(Response::Untested);
                }
                Some(match &q.kind {
                    QuestionKind::Likert { .. } => Response::Point(1 + (pick % 5) as u32),
                    kind => Response::Option(pick % kind.options().len()),
                })
            })
            .collect(),
    )
}

fn benchmarks(c: &mut Criterion) {
    let text = thousand_question_set();
    println!("1,000-question format-2 set: {} bytes", text.len());
    c.bench_function("load+validate 1,000 questions (format 2)", |b| {
        b.iter(|| QuestionSet::load(black_box(text.as_bytes())).unwrap())
    });

    let set = QuestionSet::load(text.as_bytes()).unwrap();
    let own = answers(&set, 0);
    c.bench_function("score 1,000 questions", |b| b.iter(|| score(black_box(&set), black_box(&own), 5)));

    let raters: Vec<(Relationship, Responses)> =
        (1..=20).map(|seed| (Relationship::ALL[seed % 4], answers(&set, seed))).collect();
    c.bench_function("score 1,000 questions with 20 raters", |b| {
        b.iter(|| {
            let report = score(black_box(&set), black_box(&own), 5);
            let others = others_view(&set, &report, &own, black_box(&raters));
            (report, others)
        })
    });

    // Every question answered but the last, which each iteration answers again: the stored attempt
    // is as long as it gets, so this is the most an answer's save costs.
    let mut session = Session::open(Store::new("bench", MemoryStorage::new(), MemoryStorage::new(), || 1.7e12));
    let _ = session.begin(&set, Attempt::new("a".into(), &set, 5, "2026-12-05T00:00:00.000Z".into()));
    let last = set.questions.len() - 1;
    for (i, response) in own.0.iter().enumerate().take(last) {
        let _ = session.answer(&set, i, response.unwrap_or(Response::Untested), 1.7e12 + i as f64);
    }
    let mut point = 0;
    c.bench_function("answer the last of 1,000 questions (save: read, merge, write)", |b| {
        b.iter(|| {
            point = point % 5 + 1;
            session.answer(black_box(&set), last, Response::Point(point), 1.8e12)
        })
    });
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
