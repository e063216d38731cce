//! Keeps the crate's invariants true as it grows: the core names no browser crate, the one
//! `inner_html` is the chart's SVG, no element is looked up by id or selector, every module
//! says what it is for in a `//!` first line, our send_wrapper is the one Cargo builds, and the
//! shell keeps the size rules a text search can see.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

mod common;

use common::rust_files;
use std::fs;
use std::path::Path;

/// Where the browser may be named: the widget's shell, its storage, and the two wasm entry points
/// (the widget's and the author's workbench's).
const SHELL: [&str; 4] = ["src/app/", "src/storage.rs", "src/main.rs", "src/author_main.rs"];

const BROWSER_CRATES: [&str; 5] = ["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"];

/// Every Rust file of the crate (sources, tests, benchmarks), relative to the crate root.
fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            (name, fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// Whether `text` names `krate` as a path or an import (`web_sys::`, `use leptos`), not inside a word.
fn names(text: &str, krate: &str) -> bool {
    text.match_indices(krate).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = &text[at + krate.len()..];
        let starts_word = !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-');
        starts_word && (after.starts_with("::") || text[..at].trim_end().ends_with("use"))
    })
}

#[test]
fn the_core_names_no_browser_crate() {
    let mut offenders = Vec::new();
    for (name, text) in sources().iter().filter(|(name, _)| name.starts_with("src/")) {
        if SHELL.iter().any(|shell| name.starts_with(shell)) {
            continue;
        }
        for krate in BROWSER_CRATES {
            if names(text, krate) {
                offenders.push(format!("{name} names {krate}"));
            }
        }
    }
    assert!(offenders.is_empty(), "{offenders:#?}");
}

#[test]
fn the_check_itself_sees_a_browser_crate() {
    assert!(names("use leptos::prelude::*;", "leptos"));
    assert!(names("let w = web_sys::window();", "web_sys"));
    assert!(!names("// the leptos shell", "leptos"));
    assert!(!names("my_web_sys::x", "web_sys"));
}

#[test]
fn the_only_inner_html_is_the_charts_svg() {
    let places: Vec<String> = sources()
        .iter()
        .filter(|(name, _)| name.starts_with("src/"))
        .flat_map(|(name, text)| text.matches("inner_html").map(move |_| name.clone()))
        .collect();
    assert_eq!(places, ["src/app/results/chart_figure.rs"]);
}

/// The shell's size rules that a text search can keep (ARCHITECTURE.md, "Every byte of the first
/// download is paid for on purpose"): no `<Show>`, `<For>` or `<Suspense>` (one `<Show>` cost 1.7 KB
/// of gzip; branches are `into_any`, lists `collect_view`), and the file that saves answers is run
/// only through the split point, so its documents and download stay out of the first download.
#[test]
fn the_shell_keeps_its_size_rules() {
    let shell: Vec<(String, String)> = sources().into_iter().filter(|(name, _)| name.starts_with("src/app/")).collect();
    for (name, text) in &shell {
        // Code, not the comments that give the rule.
        let code = text.lines().filter(|line| !line.trim_start().starts_with("//"));
        for line in code {
            for component in ["<Show", "<For", "<Suspense", "<Transition"] {
                assert!(!line.contains(component), "{name} uses {component}: see ARCHITECTURE.md's size rules");
            }
        }
    }
    let callers: Vec<&str> = shell
        .iter()
        .filter(|(name, text)| name != "src/app/answers_file.rs" && text.contains("answers_file::"))
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(callers, ["src/app/lazy_screens.rs"], "answers_file runs only through the split point");
}

/// The shell's imports run one way: the rooms and the frame stand on `plumbing/`, which imports
/// nothing of theirs (ARCHITECTURE.md's codemap), so a screen can change without the state under it.
#[test]
fn plumbing_imports_nothing_from_the_rooms_or_the_frame() {
    for (name, text) in sources().iter().filter(|(name, _)| name.starts_with("src/app/plumbing/")) {
        let code: Vec<&str> = text.lines().filter(|line| !line.trim_start().starts_with("//")).collect();
        for line in &code {
            let outside = line.contains("crate::app::") && !line.contains("crate::app::plumbing");
            assert!(!outside && !line.contains("super::super"), "{name} reaches out of plumbing: {line}");
        }
        // A `use` spread over lines, or grouped (`crate::{app::root, ...}`, `crate::app::{plumbing::X, root}`),
        // read as one statement without spaces.
        let joined: String = code.join(" ").split_whitespace().collect();
        for statement in joined.split(';').filter(|s| s.starts_with("use") || s.contains("}use")) {
            assert!(reaches_only_plumbing(statement), "{name} reaches out of plumbing: {statement}");
        }
    }
}

/// Whether every `app` path in the `use` statement `statement` (spaces removed) stays in `app::plumbing`.
fn reaches_only_plumbing(statement: &str) -> bool {
    let mut rest = statement;
    while let Some(at) = rest.find("app") {
        let before = rest[..at].chars().last();
        let after = &rest[at + 3..];
        rest = after;
        // Only the module named `app` itself, not a word containing it.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(path) = after.strip_prefix("::") else { return false };
        if path.starts_with("plumbing") {
            continue;
        }
        let Some(group) = path.strip_prefix('{') else { return false };
        let mut depth = 0;
        let end = group
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                depth < 0
            })
            .map_or(group.len(), |(i, _)| i);
        let mut items = Vec::new();
        let (mut depth, mut start) = (0, 0);
        for (i, c) in group[..end].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&group[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        items.push(&group[start..end]);
        if !items.iter().filter(|item| !item.is_empty()).all(|item| item.starts_with("plumbing")) {
            return false;
        }
    }
    true
}

#[test]
fn a_use_that_reaches_out_of_plumbing_is_found_however_it_is_written() {
    assert!(reaches_only_plumbing("usecrate::app::plumbing::{ElementRef,Host}"));
    assert!(reaches_only_plumbing("usecrate::app::{plumbing::Host,plumbing::download}"));
    assert!(reaches_only_plumbing("usecrate::{model::Problem,happy::App}"));
    assert!(!reaches_only_plumbing("usecrate::app::{plumbing::Host,root::Root}"));
    assert!(!reaches_only_plumbing("usecrate::{app::root,model::Problem}"));
    assert!(!reaches_only_plumbing("usecrate::{app,model}"));
    assert!(!reaches_only_plumbing("usecrate::app::AppState"));
}

/// Elements are reached through node references (`ElementRef`) given where they are
/// drawn, never found again by id or selector: a lookup breaks silently when an id changes, and
/// could reach into another widget or the host page.
#[test]
fn no_element_is_looked_up() {
    let lookups = ["get_element_by_id", "query_selector", "get_elements_by_"];
    let places: Vec<String> = sources()
        .iter()
        .filter(|(name, _)| name.starts_with("src/"))
        .flat_map(|(name, text)| lookups.iter().filter(|l| text.contains(*l)).map(move |l| format!("{name}: {l}")))
        .collect();
    assert!(places.is_empty(), "{places:#?}");
}

#[test]
fn every_module_starts_with_a_doc_line() {
    let missing: Vec<String> =
        sources().into_iter().filter(|(_, text)| !text.starts_with("//!")).map(|(name, _)| name).collect();
    assert!(missing.is_empty(), "no `//!` first line: {missing:?}");
}

/// The `[[package]]` entries of a Cargo.lock, each as its lines.
fn lock_packages(lock: &str) -> Vec<Vec<&str>> {
    lock.split("[[package]]")
        .skip(1)
        .map(|entry| entry.lines().map(str::trim).filter(|l| !l.is_empty()).collect())
        .collect()
}

/// Our SendWrapper (crates/send_wrapper) stands in for the crate Leptos uses only while the patch
/// applies: when its version stops matching what Leptos asks for, Cargo only warns ("patch was not
/// used") and builds the registry's crate, with its thread checks, into the widget again.
#[test]
fn the_send_wrapper_patch_is_the_one_in_use() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let patch = manifest.split("\n[patch.crates-io]\n").nth(1).expect("Cargo.toml has [patch.crates-io]");
    let patch = patch.split("\n[").next().unwrap();
    assert!(
        patch.lines().any(|line| line.replace(' ', "") == r#"send_wrapper={path="crates/send_wrapper"}"#),
        "[patch.crates-io] puts crates/send_wrapper in place of send_wrapper: {patch:?}"
    );

    let lock = fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let entries: Vec<Vec<&str>> =
        lock_packages(&lock).into_iter().filter(|entry| entry.contains(&r#"name = "send_wrapper""#)).collect();
    assert_eq!(entries.len(), 1, "one send_wrapper in Cargo.lock: {entries:#?}");
    assert!(
        !entries[0].iter().any(|line| line.starts_with("source =")),
        "Cargo.lock's send_wrapper has no source, so it is the path crate: {:#?}",
        entries[0]
    );
    let ours = fs::read_to_string(root.join("crates/send_wrapper/Cargo.toml")).unwrap();
    let version = ours.lines().find(|l| l.starts_with("version =")).unwrap();
    assert!(entries[0].contains(&version), "Cargo.lock's send_wrapper is crates/send_wrapper's {version}");
    assert!(!lock.contains("[[patch.unused]]"), "Cargo.lock lists a patch that is not used");
    let users = lock_packages(&lock).iter().filter(|entry| entry.contains(&r#""send_wrapper","#)).count();
    assert!(users > 0, "some crate (Leptos's) depends on send_wrapper");
}

/// Every gate `build/size.mjs` holds is named, in bytes, in `docs/size-history.md`: a gate moved
/// without the history being touched fails here (the entry that says what the move paid for is the
/// reviewer's to check; the history's closing line states the gates as they are).
#[test]
fn every_size_gate_is_in_the_size_history() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let size = fs::read_to_string(root.join("build/size.mjs")).unwrap();
    let history = fs::read_to_string(root.join("docs/size-history.md")).unwrap();
    let gate_lines = size.lines().filter(|line| {
        line.starts_with("export const BUDGETS")
            || line.starts_with("export const MODULE_CEILINGS")
            || line.starts_with("export const WORKBENCH")
    });
    let mut gates = Vec::new();
    for line in gate_lines {
        // Numbers written with `_` between thousands, such as 169_900.
        for word in line.split(|c: char| !(c.is_ascii_digit() || c == '_')) {
            if word.contains('_') && word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                gates.push(word.replace('_', ","));
            }
        }
    }
    assert_eq!(gates.len(), 6, "the premise: six gates in build/size.mjs, found {gates:?}");
    for gate in gates {
        assert!(history.contains(&gate), "docs/size-history.md does not name the gate {gate} of build/size.mjs");
    }
}
