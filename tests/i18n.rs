//! The widget's words in other languages (issue 26): every English text the code looks up is listed
//! in `locales/messages.json`, and every bundled locale file translates exactly those texts, with the
//! same placeholders; the lookups fill placeholders and choose plural forms as the catalog says.
//!
//! The list is read out of the source: each string literal inside `tr(…)`, `msg(…)`, the first
//! argument of `trf(…)`, and the `one` and `other` forms of `trn(count, one, other, …)`. After
//! changing a text, run `ALTITUDE_WRITE_MESSAGES=1 cargo test --test i18n` to write the list again;
//! the locale files then name what to translate.

#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
mod common;

use common::rust_files;
use std::fs;
use std::path::Path;

use altitude::i18n::{self, Messages};

/// A Rust string literal starting at `text[0] == '"'`: its value and the bytes it spans.
fn literal(text: &str) -> (String, usize) {
    let bytes = text.as_bytes();
    let (mut value, mut i) = (String::new(), 1);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (value, i + 1),
            b'\\' => {
                i += 1;
                match bytes[i] {
                    b'n' => value.push('\n'),
                    b't' => value.push('\t'),
                    b'"' => value.push('"'),
                    b'\'' => value.push('\''),
                    b'\\' => value.push('\\'),
                    b'\n' => {
                        while text[i + 1..].starts_with(|c: char| c.is_whitespace()) {
                            i += 1;
                        }
                    }
                    other => panic!("escape \\{} not read by this test", other as char),
                }
                i += 1;
            }
            _ => {
                let c = text[i..].chars().next().unwrap();
                value.push(c);
                i += c.len_utf8();
            }
        }
    }
    panic!("unterminated literal");
}

/// The string literals of `args` (a call's arguments, from after its `(`), each with the number of
/// the top-level argument it is in; stops at the call's `)`.
fn literals_in_call(args: &str) -> Vec<(usize, String)> {
    let (mut depth, mut argument, mut found, mut i) = (0i32, 0, Vec::new(), 0);
    let bytes = args.as_bytes();
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let (value, length) = literal(&args[i..]);
                found.push((argument, value));
                i += length;
                continue;
            }
            b'\'' if bytes.get(i + 2) == Some(&b'\'') || (bytes.get(i + 1) == Some(&b'\\')) => {
                // A char literal: skip it (a quote in one would read as a string).
                let end = args[i + 1..].find('\'').unwrap();
                i += end + 2;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => break,
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => argument += 1,
            _ => {}
        }
        i += 1;
    }
    found
}

/// A text the code looks up: a plain one, or a plural's English forms (the `other` is its key).
#[derive(Debug, Clone, PartialEq)]
enum Text {
    Plain,
    Plural { one: String },
}

/// Every text the code looks up, by English source, with the files that use it.
fn texts_in_code() -> BTreeMap<String, (Text, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut texts: BTreeMap<String, (Text, Vec<String>)> = BTreeMap::new();
    for path in files {
        let name = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if name.starts_with("src/i18n/") {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        for call in ["tr(", "trf(", "trn(", "msg("] {
            let mut from = 0;
            while let Some(found) = source[from..].find(call) {
                let at = from + found;
                from = at + call.len();
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let line_start = source[..at].rfind('\n').map_or(0, |n| n + 1);
                if source[line_start..at].trim_start().starts_with("//") {
                    continue;
                }
                let literals = literals_in_call(&source[from..]);
                let mut add = |text: String, kind: Text| {
                    let entry = texts.entry(text.clone()).or_insert_with(|| (kind.clone(), Vec::new()));
                    assert_eq!(entry.0, kind, "\"{text}\" is used both as a plain text and as a plural's form");
                    if !entry.1.contains(&name) {
                        entry.1.push(name.clone());
                    }
                };
                match call {
                    "trf(" => {
                        literals.into_iter().filter(|(arg, _)| *arg == 0).for_each(|(_, text)| add(text, Text::Plain))
                    }
                    "trn(" => {
                        let forms: Vec<String> =
                            literals.into_iter().filter(|(arg, _)| (1..=2).contains(arg)).map(|(_, t)| t).collect();
                        assert_eq!(forms.len(), 2, "{name}: trn( needs its two English forms as literals");
                        add(forms[1].clone(), Text::Plural { one: forms[0].clone() });
                    }
                    _ => literals.into_iter().for_each(|(_, text)| add(text, Text::Plain)),
                }
            }
        }
    }
    texts
}

fn template_json(texts: &BTreeMap<String, (Text, Vec<String>)>) -> String {
    let messages: Vec<serde_json::Value> = texts
        .iter()
        .map(|(source, (kind, _))| match kind {
            Text::Plain => serde_json::json!({"source": source, "translation": source}),
            Text::Plural { one } => serde_json::json!({"source": source, "one": one, "other": source}),
        })
        .collect();
    let document = serde_json::json!({
        "format": i18n::FORMAT,
        "language": "en",
        "messages": messages,
    });
    serde_json::to_string_pretty(&document).unwrap() + "\n"
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_list_of_texts_is_the_code_s() {
    let texts = texts_in_code();
    assert!(texts.len() > 50, "only {} texts found: is the scan broken?", texts.len());
    let written = template_json(&texts);
    let path = root().join("locales/messages.json");
    if std::env::var_os("ALTITUDE_WRITE_MESSAGES").is_some() {
        fs::write(&path, &written).unwrap();
    }
    let on_disk = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == written,
        "locales/messages.json is not the list of texts in the code; write it again with \
         ALTITUDE_WRITE_MESSAGES=1 cargo test --test i18n"
    );
    // The list is itself a locale file the widget reads.
    let english = Messages::parse(written.as_bytes()).unwrap();
    assert_eq!(english.sources().count(), texts.len());
    // A value is found by its placeholder's place among the English text's placeholders (the
    // lookup keeps no list of names, to stay small), so a placeholder named again before another's
    // first place would shift that one's value. A translation may repeat any.
    let shifted: Vec<&String> = texts
        .keys()
        .filter(|text| {
            let names: Vec<&str> = i18n::placeholders(text).filter(|name| *name != "n").collect();
            let is_new = |k: usize| !names[..k].contains(&names[k]);
            (0..names.len()).any(|k| !is_new(k) && (k..names.len()).any(is_new))
        })
        .collect();
    assert!(shifted.is_empty(), "English texts that repeat a placeholder before another's first place: {shifted:?}");
}

/// Each bundled locale file translates exactly the code's texts, plurals as plurals, keeping every
/// placeholder.
#[test]
fn every_bundled_locale_translates_every_text_and_no_other() {
    let texts = texts_in_code();
    let mut checked = 0;
    for entry in fs::read_dir(root().join("locales")).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() == "messages.json" {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let messages = Messages::parse(&bytes).unwrap_or_else(|problems| panic!("{}: {problems:?}", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(name, format!("{}.json", messages.language), "a locale file is named by its language");
        let mut problems = Vec::new();
        for (source, plural) in messages.sources() {
            match texts.get(source) {
                None => problems.push(format!("stale or extra (no longer in the code): {source:?}")),
                Some((Text::Plain, _)) if plural => {
                    problems.push(format!("a plural in the file, a plain text in the code: {source:?}"))
                }
                Some((Text::Plural { .. }, _)) if !plural => {
                    problems.push(format!("a plain text in the file, a plural in the code: {source:?}"))
                }
                _ => {}
            }
        }
        let translated: Vec<&str> = messages.sources().map(|(source, _)| source).collect();
        for (source, (kind, files)) in &texts {
            if !translated.contains(&source.as_str()) {
                problems.push(format!("missing ({}): {source:?}", files.join(", ")));
                continue;
            }
            let names = |text: &str| {
                let mut names: Vec<String> = i18n::placeholders(text).map(str::to_owned).collect();
                names.sort();
                names.dedup();
                names
            };
            // Every form, whichever plural categories the language has.
            let forms = messages.forms(source);
            let says_count = |text: &str| i18n::placeholders(text).any(|name| name == "n");
            if says_count(source) && !messages.plural(source, 7).is_some_and(says_count) {
                problems.push(format!("the plural's \"other\" form does not say the count {{n}}: {source:?}"));
            }
            for form in forms {
                let mut expected = names(source);
                let mut found = names(form);
                if matches!(kind, Text::Plural { .. }) {
                    // A form for one may say the number in words.
                    expected.retain(|n| n != "n");
                    found.retain(|n| n != "n");
                }
                if expected != found {
                    problems.push(format!("placeholders {found:?} where the source has {expected:?}: {form:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{name}:\n  {}", problems.join("\n  "));
        checked += 1;
    }
    assert!(checked >= 2, "the German and Spanish locale files are bundled");
}

fn installed(file: &str) {
    i18n::install(Some(Messages::parse(file.as_bytes()).unwrap()));
}

#[test]
fn a_text_is_looked_up_by_its_english_and_falls_back_to_it() {
    installed(
        r#"{"format": "altitude.messages/1", "language": "de", "messages": [
            {"source": "Next", "translation": "Weiter"},
            {"source": "{title} · target role: {role}", "translation": "Zielrolle {role} · {title}"},
            {"source": "{n} questions", "one": "eine Frage", "other": "{n} Fragen"},
            {"source": "{answered} of {n} questions answered", "one": "{answered} von {n} Frage beantwortet", "other": "{answered} von {n} Fragen beantwortet"}
        ]}"#,
    );
    assert_eq!(i18n::language(), "de");
    assert_eq!(i18n::tr("Next"), "Weiter");
    assert_eq!(i18n::tr("Back"), "Back", "a text the catalog lacks shows in English");
    assert_eq!(i18n::trf("{title} · target role: {role}", &["CTO readiness", "VP"]), "Zielrolle VP · CTO readiness");
    assert_eq!(i18n::trn(1, "{n} question", "{n} questions", &[]), "eine Frage");
    assert_eq!(i18n::trn(7, "{n} question", "{n} questions", &[]), "7 Fragen");
    assert_eq!(
        i18n::trn(12, "{answered} of {n} question answered", "{answered} of {n} questions answered", &["3"]),
        "3 von 12 Fragen beantwortet"
    );
    i18n::install(None);
    assert_eq!(i18n::language(), "en");
    assert_eq!(i18n::trn(1, "{n} question", "{n} questions", &[]), "1 question");
    assert_eq!(i18n::trf("{title} · target role: {role}", &["CTO readiness", "VP"]), "CTO readiness · target role: VP");
}

#[test]
fn a_plural_uses_the_rule_it_is_given() {
    let file = r#"{"format": "altitude.messages/1", "language": "pl", "direction": "ltr", "messages": [
        {"source": "{n} questions", "one": "{n} pytanie", "few": "{n} pytania", "many": "{n} pytań", "other": "{n} pytania"}
    ]}"#;
    let polish = |n: usize| {
        if n == 1 {
            "one"
        } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
            "few"
        } else {
            "many"
        }
        .to_owned()
    };
    i18n::install(Some(Messages::parse(file.as_bytes()).unwrap().with_plural_rule(Box::new(polish))));
    let forms: Vec<String> = [1, 3, 5, 22].map(|n| i18n::trn(n, "{n} question", "{n} questions", &[])).to_vec();
    assert_eq!(forms, ["1 pytanie", "3 pytania", "5 pytań", "22 pytania"]);
    i18n::install(None);
}

#[test]
fn a_locale_file_with_problems_says_where() {
    let problems = Messages::parse(
        br#"{"format": "altitude.messages/2", "language": "d e", "direction": "up", "messages": [
            {"source": "Next", "translation": "Weiter"},
            {"source": "Nothing"},
            {"source": "Back", "translation": "Zurueck", "one": "x"},
            {"source": "{n} questions", "one": "{n} Frage"},
            {"source": "Next", "translation": "Weiter"},
            {"source": "Save", "translaton": "Sichern"}
        ]}"#,
    )
    .unwrap_err();
    let at: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    for place in [
        "format",
        "language",
        "direction",
        "messages[1]",
        "messages[2]",
        "messages[3]",
        "messages[4].source",
        "messages[5].translaton",
    ] {
        assert!(at.iter().any(|p| p.starts_with(place)), "no problem at {place}: {at:#?}");
    }
    let rtl =
        Messages::parse(br#"{"format": "altitude.messages/1", "language": "ar", "direction": "rtl", "messages": []}"#)
            .unwrap();
    assert!(rtl.right_to_left);
}

/// The core speaks the installed language natively too: the same sentences the widget shows, from
/// the bundled German file, with the numbers filled in; and English again once it is taken away.
#[test]
fn the_core_says_its_findings_in_the_language_installed() {
    let file = fs::read(root().join("locales/de.json")).unwrap();
    let german = Messages::parse(&file).unwrap();
    let expected = |source: &str, n: &str| {
        let form = german.text(source).or_else(|| german.plural(source, 9)).unwrap().to_owned();
        form.replace("{gap}", n).replace("{n}", n)
    };
    let short = expected("{gap} short", "22");
    let points = expected("{n} points short", "9");
    let on_target = german.text("on target").unwrap().to_owned();
    i18n::install(Some(german));
    assert_eq!(altitude::display::gap_words(21.6), short);
    assert_eq!(altitude::display::points_short(9.2), points);
    assert_eq!(altitude::display::gap_words(0.2), on_target);
    assert_ne!(on_target, "on target", "the German file says it in German");
    i18n::install(None);
    assert_eq!(altitude::display::gap_words(21.6), "22 short");
}
