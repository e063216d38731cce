//! The events the widget dispatches on its element: their names are the README's, and their
//! details are the JSON its table promises.

mod common;

use altitude::host_event::{Complete, HostEvent, LoadError, Progress, Ready};
use altitude::model::ResultDocument;
use altitude::others::Reply;
use altitude::scoring::score;
use common::{base_set, load, responses};
use serde_json::{json, Value};

fn detail(event: &impl HostEvent) -> Value {
    serde_json::from_str(&event.detail()).expect("an event's detail is JSON")
}

#[test]
fn each_event_carries_what_the_readme_says() {
    assert_eq!(
        detail(&Ready { set: "cto-readiness", version: "2.1.0" }),
        json!({"set": "cto-readiness", "version": "2.1.0"})
    );
    assert_eq!(detail(&Progress { answered: 3, total: 40 }), json!({"answered": 3, "total": 40}));
    // Text is escaped, never spliced into the JSON: a URL may hold quotes.
    assert_eq!(
        detail(&LoadError { message: "not found \"here\"", url: "https://example.org/a\"b.json" }),
        json!({"message": "not found \"here\"", "url": "https://example.org/a\"b.json"})
    );

    let set = load(&base_set());
    let answers = responses(&set, json!({"t1": 4, "p1": "b", "p2": null}));
    let document =
        ResultDocument::from_responses(&set, "lead", "2026-11-21T10:00:00Z", Some("2026-11-21T10:14:31Z"), &answers);
    let report = score(&set, &answers, set.default_role);
    let complete = detail(&Complete { result: &document, report: report.json(&set) });
    assert_eq!(complete["result"], serde_json::from_str::<Value>(&document.to_json()).unwrap());
    assert_eq!(complete["report"], serde_json::from_str::<Value>(&report.to_json(&set)).unwrap());
    assert_eq!(complete.as_object().unwrap().len(), 2);

    let reply = Reply { invitation: "inv-1".to_owned(), document };
    assert_eq!(detail(&reply), serde_json::from_str::<Value>(&reply.to_json()).unwrap());
    assert_eq!(detail(&reply)["format"], "altitude.reply/1");
}

#[test]
fn the_readme_lists_every_event_and_no_other() {
    let names = [Ready::NAME, Progress::NAME, Complete::NAME, LoadError::NAME, Reply::NAME];
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let listed: Vec<&str> =
        readme.lines().filter_map(|line| line.strip_prefix("| `altitude-")?.split('`').next()).collect();
    assert_eq!(listed, names);
}
