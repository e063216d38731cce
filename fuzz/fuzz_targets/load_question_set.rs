//! Fuzzes the loaders (question sets of both formats, result documents, catalogs) and `upgrade`:
//! no input may panic, hang or exhaust memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(set) = altitude::model::QuestionSet::load(data) {
        // A set that loads (format 1 or 2) must also score an empty answer sheet and upgrade without trouble.
        let responses = altitude::model::Responses::empty(&set);
        let report = altitude::scoring::score(&set, &responses, set.default_role);
        let others = altitude::scoring::others_view(&set, &report, &[]);
        let _ = report.to_json_with_others(&set, &others);
        let _ = altitude::model::upgrade::upgrade(data);
    }
    let _ = altitude::model::ResultDocument::parse(data);
    let _ = altitude::model::Catalog::parse(data);
});
