//! Fuzzes the loaders (question sets of both formats, result documents, catalogs) and `upgrade`:
//! no input may panic, hang or exhaust memory.
#![no_main]

use altitude::model::{QuestionKind, QuestionSet, Relationship, Response, Responses};
use altitude::scoring::{others_view, score, verdict, Verdict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(set) = QuestionSet::load(data) {
        // A set that loads (format 1 or 2) must score, in words too, an empty answer sheet and one
        // answered from the input's own bytes, with three raters (enough for ladders and facets),
        // and upgrade without trouble.
        let raters: Vec<(Relationship, Responses)> =
            (1..=3).map(|salt| (Relationship::Peer, answers_from(&set, data, salt))).collect();
        for own in [Responses::empty(&set), answers_from(&set, data, 0)] {
            let report = score(&set, &own, set.default_role);
            let others = others_view(&set, &report, &own, &raters);
            let _ = report.to_json_with_others(&set, &others);
            let verdicts = Verdict::for_each_role(&set, &own, &report);
            let _ = verdict::headline(&set, &verdicts, report.ready_for);
        }
        let _ = altitude::model::upgrade::upgrade(data);
    }
    let _ = altitude::model::ResultDocument::parse(data);
    let _ = altitude::model::Catalog::parse(data);
});

/// An answer to every question, picked from the input's bytes: unanswered, not applicable,
/// "untested" (format 2, likert and level only, as the loader lets through), or a point or option.
fn answers_from(set: &QuestionSet, data: &[u8], salt: usize) -> Responses {
    let byte = |i: usize| data[(i * 7 + salt * 13) % data.len()] as usize ^ salt;
    let answers = set
        .questions
        .iter()
        .enumerate()
        .map(|(i, question)| {
            let b = byte(i);
            let choices = set.choice_count(question).max(1);
            match (b % 8, &question.kind) {
                (0, _) => None,
                (1, _) => Some(Response::NotApplicable),
                (2, QuestionKind::Likert { .. } | QuestionKind::Level { .. }) if set.format >= 2 => {
                    Some(Response::Untested)
                }
                (_, QuestionKind::Likert { .. }) => Some(Response::Point(1 + (b / 8 % choices) as u32)),
                (_, _) => Some(Response::Option(b / 8 % choices)),
            }
        })
        .collect();
    Responses(answers)
}
