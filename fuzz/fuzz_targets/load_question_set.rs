//! Fuzzes the question-set and result-document loaders: no input may panic, hang or exhaust memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(set) = altitude::model::QuestionSet::load(data) {
        // A set that loads must also score an empty answer sheet without trouble.
        let responses = altitude::model::Responses::empty(&set);
        let _ = altitude::scoring::score(&set, &responses, set.default_role);
    }
    let _ = altitude::model::ResultDocument::parse(data);
});
