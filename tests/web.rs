//! Browser tests (wasm-bindgen-test in headless Chromium): the storage module against real
//! localStorage, and the core and charts running as wasm.
#![cfg(target_arch = "wasm32")]

use altitude::attempt::Attempt;
use altitude::model::{QuestionSet, Response};
use altitude::storage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn flagship() -> QuestionSet {
    QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).expect("the flagship set is valid")
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn an_attempt_in_progress_survives_a_round_trip_through_local_storage() {
    storage::delete_everything();
    let set = flagship();
    let mut attempt = Attempt::new("a-1".into(), &set, 2, "2026-11-21T10:00:00.000Z".into());
    attempt.answer(0, Response::Point(4));
    attempt.answer(9, Response::Option(1));
    attempt.answer(3, Response::NotApplicable);
    attempt.page = 2;
    storage::save_current(&set, &attempt).unwrap();
    let loaded = storage::load_current(&set).expect("saved attempt");
    assert_eq!(loaded, attempt);
    assert!(local_storage().get_item("altitude.v1.current.cto-readiness").unwrap().unwrap().contains("\"layout\":1"));
    storage::clear_current(&set.id);
    assert_eq!(storage::load_current(&set), None);
}

#[wasm_bindgen_test]
fn history_keeps_completed_attempts_and_delete_everything_leaves_no_key() {
    storage::delete_everything();
    local_storage().set_item("someone-else", "kept").unwrap();
    let set = flagship();
    let mut attempt = Attempt::new("a-2".into(), &set, 5, "2026-11-21T10:00:00Z".into());
    attempt.answer(1, Response::Point(5));
    attempt.completed_at = Some("2026-11-21T10:15:00Z".into());
    let entry = storage::HistoryEntry { id: attempt.id.clone(), document: attempt.to_document(&set) };
    storage::save_history(std::slice::from_ref(&entry)).unwrap();
    assert_eq!(storage::load_history(), vec![entry]);
    storage::delete_everything();
    assert!(storage::load_history().is_empty());
    let storage_ = local_storage();
    let keys: Vec<String> = (0..storage_.length().unwrap()).filter_map(|i| storage_.key(i).unwrap()).collect();
    assert_eq!(keys, vec!["someone-else".to_owned()], "only Altitude's keys are removed");
    storage_.remove_item("someone-else").unwrap();
}

#[wasm_bindgen_test]
fn garbage_under_our_key_is_not_an_attempt() {
    let set = flagship();
    local_storage().set_item("altitude.v1.current.cto-readiness", "{not json").unwrap();
    assert_eq!(storage::load_current(&set), None);
    local_storage().set_item("altitude.v1.history", "[1,2,3]").unwrap();
    assert!(storage::load_history().is_empty());
    storage::delete_everything();
}

#[wasm_bindgen_test]
fn charts_render_in_the_browser_runtime() {
    let set = flagship();
    let responses = altitude::model::Responses(set.questions.iter().map(|_| Some(Response::NotApplicable)).collect());
    let report = altitude::scoring::score(&set, &responses, set.default_role);
    let svg = altitude::charts::svg((520, 440), |area| altitude::charts::draw_radar(area, &report, "CTO", altitude::charts::Palette::LIGHT)).unwrap();
    assert!(svg.contains("not enough answers"));
}

#[wasm_bindgen_test]
fn the_crash_notice_offers_the_saved_answers_as_a_file() {
    storage::delete_everything();
    let set = flagship();
    let mut attempt = Attempt::new("a-3".into(), &set, 1, "2026-11-21T10:00:00Z".into());
    attempt.answer(0, Response::Point(3));
    storage::save_current(&set, &attempt).unwrap();
    altitude::app::panic_notice::show_notice();
    let document = web_sys::window().unwrap().document().unwrap();
    let notice = document.query_selector(".altitude-crash[role=alert]").unwrap().expect("the notice is shown");
    assert!(notice.text_content().unwrap().contains("Your answers so far are saved on this device"));
    let link = notice.query_selector("a[download]").unwrap().expect("a download link");
    let href = link.get_attribute("href").unwrap();
    let data = js_sys::decode_uri_component(href.strip_prefix("data:application/json;charset=utf-8,").unwrap()).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&String::from(data)).unwrap();
    assert_eq!(saved[0]["result"]["answers"]["ts-1"], 3);
    notice.remove();
    storage::delete_everything();
}
