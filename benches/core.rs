//! Loading and validating a 1,000-question set, and scoring it (targets: under 5 ms and 100 µs).

use altitude::model::{QuestionKind, QuestionSet, Response, Responses};
use altitude::scoring::score;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::json;

/// A 1,000-question set over four dimensions and six roles, with realistic text lengths.
fn thousand_question_set() -> String {
    let dimensions = ["technical-strategy", "people-leadership", "business-acumen", "communication"];
    let questions: Vec<_> = (0..1000)
        .map(|i| {
            let dimension = dimensions[i % 4];
            let text = format!("In the last quarter I did observable thing number {i}, and the people around me could see it happen.");
            if i % 5 == 0 {
                json!({"id": format!("q-{i}"), "dimension": dimension, "kind": "choice", "text": text, "help": "What good looks like at the target level.",
                       "options": (0..4).map(|o| json!({"id": format!("o{o}"), "text": format!("Option {o}, described in a sentence or so."), "score": o as f64 / 3.0})).collect::<Vec<_>>()})
            } else {
                json!({"id": format!("q-{i}"), "dimension": dimension, "kind": "likert", "text": text, "help": "What good looks like at the target level.", "reverse": i % 7 == 0, "weight": 1 + i % 3})
            }
        })
        .collect();
    let roles: Vec<_> = (1..=6)
        .map(|stage| json!({"id": format!("role-{stage}"), "name": format!("Role {stage}"), "stage": stage,
                            "targets": dimensions.iter().map(|d| (d.to_string(), json!(40 + stage * 8))).collect::<serde_json::Map<_, _>>()}))
        .collect();
    json!({
        "format": "altitude.question-set/1", "id": "bench", "version": "1", "title": "Benchmark set",
        "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
        "dimensions": dimensions.iter().map(|d| json!({"id": d, "name": d})).collect::<Vec<_>>(),
        "roles": roles,
        "questions": questions
    })
    .to_string()
}

fn benchmarks(c: &mut Criterion) {
    let text = thousand_question_set();
    println!("1,000-question set: {} bytes", text.len());
    c.bench_function("load+validate 1,000 questions", |b| {
        b.iter(|| QuestionSet::load(black_box(text.as_bytes())).unwrap())
    });

    let set = QuestionSet::load(text.as_bytes()).unwrap();
    let responses = Responses(
        set.questions
            .iter()
            .enumerate()
            .map(|(i, q)| match q.kind {
                QuestionKind::Likert { .. } => Some(Response::Point(1 + (i % 5) as u32)),
                QuestionKind::Choice { .. } => Some(Response::Option(i % 4)),
            })
            .collect(),
    );
    c.bench_function("score 1,000 questions", |b| b.iter(|| score(black_box(&set), black_box(&responses), 5)));
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
