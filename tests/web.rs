//! Browser tests (wasm-bindgen-test in headless Chromium): the storage module against real
//! localStorage, with faults injected, and the core and charts running as wasm.
#![cfg(target_arch = "wasm32")]
// The test wasm is never shipped: clippy.toml's size rules are for the widget's wasm.
#![allow(clippy::disallowed_methods)]

use altitude::attempt::Attempt;
use altitude::model::{QuestionKind, QuestionSet, Response};
use altitude::session::{StorageProblem, Store};
use altitude::storage::{self, WebStorage};
use altitude::stored::{HistoryEntry, RoadmapNotes};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn flagship() -> QuestionSet {
    QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).expect("the flagship set is valid")
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn keys() -> Vec<String> {
    let storage = local_storage();
    let mut keys: Vec<String> = (0..storage.length().unwrap()).filter_map(|i| storage.key(i).unwrap()).collect();
    keys.sort();
    keys
}

/// A fresh store under its own namespace, with nothing from earlier tests.
fn store(namespace: &str) -> Store<WebStorage> {
    let store = storage::store(namespace);
    store.delete_everything();
    store
}

/// The index of the set's `n`-th likert question (from 0), so the tests answer each question with its kind.
fn rated(set: &QuestionSet, n: usize) -> usize {
    let likert = |(_, q): &(usize, &altitude::model::Question)| matches!(q.kind, QuestionKind::Likert { .. });
    set.questions.iter().enumerate().filter(likert).nth(n).unwrap().0
}

/// The index of the set's first question with options (choice or level).
fn with_options(set: &QuestionSet) -> usize {
    set.questions.iter().position(|q| !matches!(q.kind, QuestionKind::Likert { .. })).unwrap()
}

fn sample(set: &QuestionSet, id: &str) -> Attempt {
    let mut attempt = Attempt::new(id.into(), set, 2, "2026-11-21T10:00:00.000Z".into());
    attempt.answer(set, rated(set, 0), Response::Point(4), 1.0);
    attempt.answer(set, with_options(set), Response::Option(1), 2.0);
    attempt.page = 2;
    attempt
}

fn completed(set: &QuestionSet, id: &str) -> HistoryEntry {
    let mut attempt = sample(set, id);
    attempt.completed_at = Some("2026-11-21T10:15:00Z".into());
    HistoryEntry {
        id: id.into(),
        document: attempt.to_document(set),
        notes: RoadmapNotes::default(),
        raters: Default::default(),
    }
}

/// Makes `Storage.prototype.setItem` throw a QuotaExceededError until `restore_set_item` is called.
fn fill_storage() {
    js_sys::eval("window.__setItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };").unwrap();
}

fn restore_set_item() {
    js_sys::eval("Storage.prototype.setItem = window.__setItem;").unwrap();
}

#[wasm_bindgen_test]
fn an_attempt_survives_a_round_trip_and_namespaces_stay_apart() {
    let set = flagship();
    let (mut one, two) = (store("w1"), store("w2"));
    let attempt = sample(&set, "a-1");
    let (saved, result) = one.save_attempt(&set, &attempt);
    assert_eq!((saved, result), (attempt.clone(), Ok(())));
    assert_eq!(one.load_attempt(&set), (Some(attempt), None));
    assert_eq!(two.load_attempt(&set), (None, None), "another storage key sees nothing");
    assert_eq!(keys(), ["w1.v1.current.cto-readiness"]);
    one.delete_everything();
}

#[wasm_bindgen_test]
fn another_tabs_answers_are_merged_in_when_saving() {
    let set = flagship();
    let mut store = store("tabs");
    let mut tab_a = sample(&set, "a-1");
    let mut tab_b = tab_a.clone();
    store.save_attempt(&set, &tab_a).1.expect("saved");
    let (in_b, in_a) = (rated(&set, 5), rated(&set, 8));
    tab_b.answer(&set, in_b, Response::Point(5), 10.0);
    store.save_attempt(&set, &tab_b).1.expect("saved");
    tab_a.answer(&set, in_a, Response::Point(1), 11.0);
    let (merged, _) = store.save_attempt(&set, &tab_a);
    assert_eq!(merged.responses.0[in_b], Some(Response::Point(5)), "tab B's answer kept");
    assert_eq!(merged.responses.0[in_a], Some(Response::Point(1)), "tab A's answer kept");
    assert_eq!(store.load_attempt(&set).0.unwrap(), merged);
    // History entries written by both tabs survive.
    store.save_history(&[completed(&set, "h-a")], &[]).1.expect("saved");
    let (history, _) = store.save_history(&[completed(&set, "h-b")], &[]);
    let ids: Vec<&str> = history.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["h-a", "h-b"]);
    store.delete_everything();
}

#[wasm_bindgen_test]
fn full_storage_keeps_answers_in_memory_and_damages_nothing_saved() {
    let set = flagship();
    let mut store = store("full");
    let attempt = sample(&set, "a-1");
    store.save_attempt(&set, &attempt).1.expect("saved");
    let before = local_storage().get_item("full.v1.current.cto-readiness").unwrap();
    fill_storage();
    let mut more = attempt.clone();
    let later = rated(&set, 2);
    more.answer(&set, later, Response::Point(3), 50.0);
    let (kept, result) = store.save_attempt(&set, &more);
    restore_set_item();
    assert_eq!(result, Err(StorageProblem::Full));
    assert_eq!(kept, more, "the new answer stays in memory");
    assert_eq!(local_storage().get_item("full.v1.current.cto-readiness").unwrap(), before, "what was saved is intact");
    let (_, retried) = store.save_attempt(&set, &kept);
    assert_eq!(retried, Ok(()), "the next change saves everything");
    assert_eq!(store.load_attempt(&set).0.unwrap().responses.0[later], Some(Response::Point(3)));
    store.delete_everything();
}

#[wasm_bindgen_test]
fn damaged_values_are_set_aside_and_newer_ones_left_alone() {
    let set = flagship();
    let store = store("odd");
    local_storage().set_item("odd.v1.current.cto-readiness", "{\"layout\":1,\"id\":\"trunc").unwrap();
    local_storage().set_item("odd.v1.history", "{\"layout\":9,\"attempts\":\"from the future\"}").unwrap();
    let (attempt, problem) = store.load_attempt(&set);
    assert_eq!(attempt, None);
    let Some(StorageProblem::SetAside(backups)) = problem else { panic!("expected a backup, got {problem:?}") };
    assert_eq!(
        local_storage().get_item(&backups[0]).unwrap().as_deref(),
        Some("{\"layout\":1,\"id\":\"trunc"),
        "kept, not deleted"
    );
    assert_eq!(local_storage().get_item("odd.v1.current.cto-readiness").unwrap(), None);

    assert_eq!(store.load_history(), (Vec::new(), Some(StorageProblem::Newer)));
    let (_, result) = store.save_history(&[completed(&set, "h-1")], &[]);
    assert_eq!(result, Err(StorageProblem::Newer));
    assert_eq!(
        local_storage().get_item("odd.v1.history").unwrap().as_deref(),
        Some("{\"layout\":9,\"attempts\":\"from the future\"}"),
        "never overwritten"
    );

    store.delete_everything();
    assert!(keys().iter().all(|k| !k.starts_with("odd.")), "delete everything removes backups too: {:?}", keys());
}

#[wasm_bindgen_test]
fn delete_everything_leaves_other_keys_alone() {
    let set = flagship();
    let mut store = store("mine");
    local_storage().set_item("someone-else", "kept").unwrap();
    store.save_attempt(&set, &sample(&set, "a-1")).1.expect("saved");
    store.save_history(&[completed(&set, "h-1")], &[]).1.expect("saved");
    store.save_prepared_for("Ada").unwrap();
    store.delete_everything();
    assert_eq!(keys(), ["someone-else"]);
    local_storage().remove_item("someone-else").unwrap();
}

#[wasm_bindgen_test]
fn the_crash_notice_offers_the_saved_answers_as_a_file_to_import() {
    let set = flagship();
    let mut store = store("altitude");
    let mut attempt = Attempt::new("a-3".into(), &set, 1, "2026-11-21T10:00:00Z".into());
    let first = rated(&set, 0);
    attempt.answer(&set, first, Response::Point(3), 1.0);
    store.save_attempt(&set, &attempt).1.expect("saved");
    altitude::app::panic_notice::show_notice();
    let document = web_sys::window().unwrap().document().unwrap();
    let notice = document.query_selector(".altitude-crash[role=alert]").unwrap().expect("the notice is shown");
    assert!(notice.text_content().unwrap().contains("Your answers so far are saved on this device"));
    let link = notice.query_selector("a[download]").unwrap().expect("a download link");
    let href = link.get_attribute("href").unwrap();
    let data =
        js_sys::decode_uri_component(href.strip_prefix("data:application/json;charset=utf-8,").unwrap()).unwrap();
    let data = String::from(data);
    let saved: serde_json::Value = serde_json::from_str(&data).unwrap();
    assert_eq!(saved["format"], "altitude.export/1");
    assert_eq!(saved["attempts"][0]["result"]["answers"][set.questions[first].id.as_str()], 3);
    // It imports back: the history screen's import reads it as an unfinished attempt to resume.
    let entries = altitude::stored::decode_import(&data, |id| (id == set.id).then_some(&set), |_| unreachable!());
    assert_eq!(entries.unwrap()[0].id, "a-3");
    notice.remove();
    store.delete_everything();
}

#[wasm_bindgen_test]
fn charts_render_in_the_browser_runtime() {
    let set = flagship();
    let responses = altitude::model::Responses(set.questions.iter().map(|_| Some(Response::NotApplicable)).collect());
    let report = altitude::scoring::score(&set, &responses, set.default_role);
    let svg = altitude::charts::svg((520, 440), |area| {
        altitude::charts::draw_radar(
            area,
            &altitude::charts::radar::Series { report: &report, role_name: "CTO", others: None },
            true,
            altitude::charts::Palette::LIGHT,
        )
    })
    .unwrap();
    assert!(svg.contains("not enough answers"));
}
