//! How a set is laid out in pages: one per dimension, long dimensions spread evenly over several,
//! every question once and in order, and the page kept across a reload and clamped on a turn.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use altitude::attempt::{page_at, page_count, page_of, pages, question_number, Attempt, MAX_PAGE_QUESTIONS};
use altitude::model::QuestionSet;
use altitude::session::{Archive, MemoryStorage, Session, Store};
use altitude::stored::{self, Decoded};
use serde_json::json;

/// The base set with `tech` questions in "tech" and `people` in "people", in alternating order
/// (so that a page's questions are not a contiguous run of the set's).
fn set_with(tech: usize, people: usize) -> QuestionSet {
    let mut set = common::base_set();
    let mut questions = Vec::new();
    for i in 0..tech.max(people) {
        if i < tech {
            questions.push(
                json!({"id": format!("t{i}"), "dimension": "tech", "kind": "likert", "text": format!("Tech {i}")}),
            );
        }
        if i < people {
            questions.push(
                json!({"id": format!("p{i}"), "dimension": "people", "kind": "likert", "text": format!("People {i}")}),
            );
        }
    }
    set["questions"] = json!(questions);
    common::load(&set)
}

fn lengths(set: &QuestionSet) -> Vec<usize> {
    pages(set).iter().map(|page| page.questions.len()).collect()
}

#[test]
fn a_dimension_up_to_the_limit_is_one_page() {
    // Every bundled set, archived versions included: their stored pages were dimensions, and are.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in [root.clone(), root.join("archive")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") && !path.ends_with("catalog.json") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 6, "{files:?}");
    for file in files {
        let set = QuestionSet::load(&std::fs::read(&file).unwrap()).unwrap();
        let pages = pages(&set);
        assert_eq!(pages.len(), set.dimensions.len(), "{}: a page per dimension", set.id);
        for (p, page) in pages.iter().enumerate() {
            assert_eq!((page.dimension, page.part, page.parts), (p, 0, 1));
            let expected: Vec<usize> = (0..set.questions.len()).filter(|&i| set.questions[i].dimension == p).collect();
            assert_eq!(page.questions, expected);
        }
    }
    assert_eq!(lengths(&set_with(MAX_PAGE_QUESTIONS, 1)), [25, 1]);
}

#[test]
fn a_longer_dimension_is_spread_evenly() {
    assert_eq!(lengths(&set_with(26, 3)), [13, 13, 3]);
    assert_eq!(lengths(&set_with(30, 51)), [15, 15, 17, 17, 17]);
    assert_eq!(lengths(&set_with(62, 250)), [&[21, 21, 20][..], &[25; 10]].concat());
    let set = set_with(62, 4);
    let parts: Vec<(usize, usize, usize)> = pages(&set).iter().map(|p| (p.dimension, p.part, p.parts)).collect();
    assert_eq!(parts, [(0, 0, 3), (0, 1, 3), (0, 2, 3), (1, 0, 1)]);
}

#[test]
fn every_question_is_on_one_page_in_the_order_it_is_numbered() {
    let set = set_with(62, 40);
    let pages = pages(&set);
    let in_page_order: Vec<usize> = pages.iter().flat_map(|p| p.questions.iter().copied()).collect();
    assert_eq!(in_page_order.len(), set.questions.len());
    for (k, &index) in in_page_order.iter().enumerate() {
        assert_eq!(question_number(&set, index), k + 1, "numbers run on from page to page");
        let page = page_of(&set, index);
        assert!(pages[page].questions.contains(&index));
        assert_eq!(pages[page].dimension, set.questions[index].dimension);
    }
}

#[test]
fn the_page_is_kept_across_a_reload_and_clamped_on_a_turn() {
    let set = set_with(62, 40);
    assert_eq!(page_count(&set), 5);
    let mut attempt = Attempt::new("a-1".into(), &set, 0, "2026-11-21T10:00:00.000Z".into());
    attempt.page = 4;
    let Decoded::Fine(reloaded) = stored::decode_attempt(&set, &stored::encode_attempt(&set, &attempt)) else {
        panic!("the attempt reads back")
    };
    assert_eq!(reloaded.page, 4, "a page past the number of dimensions is kept");

    let device = MemoryStorage::new();
    let mut session = Session::open(Store::new("altitude", device.clone(), MemoryStorage::new(), || 0.0));
    let _ = session.begin(&set, attempt);
    let _ = session.turn_page(&set, 99);
    assert_eq!(session.attempt().unwrap().page, 4, "a turn past the last page stops there");
    let _ = session.turn_page(&set, 2);
    let mut reopened = Session::open(Store::new("altitude", device, MemoryStorage::new(), || 0.0));
    let (unfinished, _) = reopened.unfinished_in(&set, &[], Archive::Loaded);
    assert_eq!(unfinished.unwrap().page, 2);
}

/// A stored page is its dimension and, past the first, its part: what any version of Altitude
/// reads the same way (one before long dimensions were spread read `page` as the dimension).
#[test]
fn a_stored_page_names_its_dimension_and_part() {
    let set = set_with(30, 10);
    assert_eq!(lengths(&set), [15, 15, 10]);
    let stored = |page: usize| {
        let mut attempt = Attempt::new("a-1".into(), &set, 0, "2026-11-21T10:00:00.000Z".into());
        attempt.page = page;
        let text = stored::encode_attempt(&set, &attempt);
        let record: serde_json::Value = serde_json::from_str(&text).unwrap();
        let Decoded::Fine(back) = stored::decode_attempt(&set, &text) else { panic!("reads back") };
        assert_eq!(back.page, page);
        (record["page"].clone(), record.get("part").cloned())
    };
    assert_eq!(stored(0), (json!(0), None));
    assert_eq!(stored(1), (json!(0), Some(json!(1))));
    assert_eq!(stored(2), (json!(1), None), "the second dimension is page 1, as it always was");

    // A record written before: `page` is the dimension.
    let mut attempt = Attempt::new("a-1".into(), &set, 0, "2026-11-21T10:00:00.000Z".into());
    attempt.page = 2;
    let old: String = stored::encode_attempt(&set, &attempt);
    assert!(!old.contains("\"part\""));
    let Decoded::Fine(back) = stored::decode_attempt(&set, &old) else { panic!("reads back") };
    assert_eq!(back.page, 2);
    // A part the dimension does not have (the set changed): its last part.
    let beyond = old.replace("\"page\":1", "\"page\":0,\"part\":7");
    let Decoded::Fine(back) = stored::decode_attempt(&set, &beyond) else { panic!("reads back") };
    assert_eq!(back.page, 1);
    assert_eq!(page_at(&set, 9, 0), 2, "a dimension past the set's: the last page");
}
