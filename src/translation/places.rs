//! Every string of a question set that a person reads, each at its place: the one walk that both
//! lists a set's strings (for `altitude translate` and the check) and replaces them (to apply a
//! translation), so the two can never disagree about what is translatable.
//!
//! A place names an item of a list by its id where the item has one (`questions[ts-3].options[b].text`),
//! so reordering a set moves no translation; lists without ids (scale labels, bands, guidance lists,
//! readings) by their index, where a shift shows as a changed source text. [`PLACES`] is the grammar of
//! every place; `docs/translation.md` lists the same.

use crate::model::question_set::{
    BAND_SPEC, DIMENSION_SPEC, FACET_SPEC, GUIDANCE_SPEC, OPTION_SPEC, QUESTION_SPEC, READING_SPEC, ROLE_SPEC, SET_SPEC,
};
use crate::model::reader::{is_item_id, Bounds, ObjectSpec};
use crate::model::{Guidance, QuestionKind, QuestionSet};

/// The longest scale label and guidance list item the format allows (checked where they are read).
const SCALE_LABEL_MAX: usize = 60;
const GUIDANCE_ITEM_MAX: usize = 500;

/// Every place a translatable string can have, as a pattern: `ID` stands for an id (of a dimension,
/// role, question, option or facet), `N` for an index from 0. The guidance places are those of
/// [`GUIDANCE_PLACES`] under `guidance.ID` (a dimension) and `role_guidance.ID.ID` (a role, then a dimension).
pub const PLACES: [&str; 13] = [
    "title",
    "summary",
    "scale.labels[N]",
    "dimensions[ID].name",
    "dimensions[ID].description",
    "roles[ID].name",
    "roles[ID].summary",
    "bands[N].name",
    "questions[ID].text",
    "questions[ID].text_other",
    "questions[ID].help",
    "questions[ID].debrief",
    "questions[ID].options[ID].text",
];

/// The facet places, kept apart from [`PLACES`] only so the set's key order is followed in both.
pub const FACET_PLACES: [&str; 2] = ["facets[ID].name", "facets[ID].description"];

/// The places of one dimension's guidance, below its prefix.
pub const GUIDANCE_PLACES: [&str; 10] = [
    "summary",
    "first_step",
    "conversation",
    "signal",
    "skills[N]",
    "practices[N]",
    "projects[N]",
    "reading[N].title",
    "reading[N].author",
    "reading[N].note",
];

/// The prefixes the guidance places stand under.
pub const GUIDANCE_PREFIXES: [&str; 2] = ["guidance.ID", "role_guidance.ID.ID"];

/// The longest text the format allows for `key` of `spec`.
fn longest(spec: &ObjectSpec, key: &str) -> usize {
    match spec.keys.iter().find(|k| k.name == key).map(|k| k.bounds) {
        Some(Bounds::Length(_, max)) => max,
        _ => usize::MAX,
    }
}

/// One translatable string, as [`visit`] shows it.
pub struct Text<'a> {
    /// Where it is in the set, such as `questions[ts-3].help`.
    pub place: &'a str,
    /// The longest text the set's format allows there, in characters.
    pub longest: usize,
    pub text: &'a mut String,
}

/// Calls `each` with every string of `set` that a person reads, in the order of the set's document
/// (title, summary, scale, dimensions, roles, bands, questions, facets, guidance, role guidance).
/// Ids, the version and the language are not text to translate; an absent or blank optional text
/// is skipped (there is nothing to read there). A set without `bands` has the four default bands,
/// whose names are shown like any other, so they are translated like the set's own.
pub fn visit(set: &mut QuestionSet, each: &mut dyn FnMut(Text)) {
    let mut at = |place: &str, longest: usize, text: &mut String| {
        if !text.trim().is_empty() {
            each(Text { place, longest, text });
        }
    };
    at("title", longest(&SET_SPEC, "title"), &mut set.title);
    if let Some(summary) = &mut set.summary {
        at("summary", longest(&SET_SPEC, "summary"), summary);
    }
    if let Some(scale) = &mut set.scale {
        for (i, label) in scale.labels.iter_mut().enumerate() {
            at(&format!("scale.labels[{i}]"), SCALE_LABEL_MAX, label);
        }
    }
    for dimension in &mut set.dimensions {
        let item = format!("dimensions[{}]", dimension.id);
        at(&format!("{item}.name"), longest(&DIMENSION_SPEC, "name"), &mut dimension.name);
        if let Some(description) = &mut dimension.description {
            at(&format!("{item}.description"), longest(&DIMENSION_SPEC, "description"), description);
        }
    }
    for role in &mut set.roles {
        let item = format!("roles[{}]", role.id);
        at(&format!("{item}.name"), longest(&ROLE_SPEC, "name"), &mut role.name);
        if let Some(summary) = &mut role.summary {
            at(&format!("{item}.summary"), longest(&ROLE_SPEC, "summary"), summary);
        }
    }
    for (i, band) in set.bands.iter_mut().enumerate() {
        at(&format!("bands[{i}].name"), longest(&BAND_SPEC, "name"), &mut band.name);
    }
    for question in &mut set.questions {
        let item = format!("questions[{}]", question.id);
        at(&format!("{item}.text"), longest(&QUESTION_SPEC, "text"), &mut question.text);
        for (key, text) in
            [("text_other", &mut question.text_other), ("help", &mut question.help), ("debrief", &mut question.debrief)]
        {
            if let Some(text) = text {
                at(&format!("{item}.{key}"), longest(&QUESTION_SPEC, key), text);
            }
        }
        if let QuestionKind::Choice { options } | QuestionKind::Level { options } = &mut question.kind {
            for option in options {
                at(&format!("{item}.options[{}].text", option.id), longest(&OPTION_SPEC, "text"), &mut option.text);
            }
        }
    }
    for facet in &mut set.facets {
        let item = format!("facets[{}]", facet.id);
        at(&format!("{item}.name"), longest(&FACET_SPEC, "name"), &mut facet.name);
        if let Some(description) = &mut facet.description {
            at(&format!("{item}.description"), longest(&FACET_SPEC, "description"), description);
        }
    }
    for (dimension, guidance) in set.dimensions.iter().zip(&mut set.guidance) {
        if let Some(guidance) = guidance {
            visit_guidance(&format!("guidance.{}", dimension.id), guidance, &mut at);
        }
    }
    for (role, by_dimension) in set.roles.iter().zip(&mut set.role_guidance) {
        for (dimension, guidance) in set.dimensions.iter().zip(by_dimension) {
            if let Some(guidance) = guidance {
                visit_guidance(&format!("role_guidance.{}.{}", role.id, dimension.id), guidance, &mut at);
            }
        }
    }
}

/// The strings of one dimension's guidance, under `prefix`, in [`GUIDANCE_PLACES`]' order.
fn visit_guidance(prefix: &str, guidance: &mut Guidance, at: &mut dyn FnMut(&str, usize, &mut String)) {
    for (key, text) in [
        ("summary", &mut guidance.summary),
        ("first_step", &mut guidance.first_step),
        ("conversation", &mut guidance.conversation),
        ("signal", &mut guidance.signal),
    ] {
        if let Some(text) = text {
            at(&format!("{prefix}.{key}"), longest(&GUIDANCE_SPEC, key), text);
        }
    }
    for (key, list) in
        [("skills", &mut guidance.skills), ("practices", &mut guidance.practices), ("projects", &mut guidance.projects)]
    {
        for (i, text) in list.iter_mut().enumerate() {
            at(&format!("{prefix}.{key}[{i}]"), GUIDANCE_ITEM_MAX, text);
        }
    }
    for (i, book) in guidance.reading.iter_mut().enumerate() {
        let item = format!("{prefix}.reading[{i}]");
        at(&format!("{item}.title"), longest(&READING_SPEC, "title"), &mut book.title);
        for (key, text) in [("author", &mut book.author), ("note", &mut book.note)] {
            if let Some(text) = text {
                at(&format!("{item}.{key}"), longest(&READING_SPEC, key), text);
            }
        }
    }
}

/// A string of a set, as [`strings`] lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SetString {
    pub place: String,
    pub text: String,
    /// The longest text the format allows there, in characters.
    pub longest: usize,
}

/// Every string of `set` a person reads, with its place, in the set's order.
pub fn strings(set: &QuestionSet) -> Vec<SetString> {
    let mut copy = set.clone();
    let mut found = Vec::new();
    visit(&mut copy, &mut |text| {
        found.push(SetString { place: text.place.to_owned(), text: text.text.clone(), longest: text.longest })
    });
    found
}

/// One step of a place: a key (`questions`, `text`) or what stands in brackets (`ts-3`, `0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Item(&'a str),
}

/// The steps of a place, or `None` when it is not built of keys joined by `.` and items in brackets.
pub fn steps(place: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    let mut rest = place;
    let mut expect_key = true;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let close = inner.bytes().position(|b| b == b']')?;
            steps.push(Step::Item(&inner[..close]));
            rest = &inner[close + 1..];
            expect_key = false;
            continue;
        }
        if !expect_key {
            rest = rest.strip_prefix('.')?;
        }
        let end = rest.bytes().position(|b| b == b'.' || b == b'[').unwrap_or(rest.len());
        if end == 0 {
            return None;
        }
        steps.push(Step::Key(&rest[..end]));
        rest = &rest[end..];
        expect_key = false;
    }
    (!steps.is_empty()).then_some(steps)
}

/// Whether `step` of a place fits `pattern`'s step: `ID` an id, `N` an index written as Altitude
/// writes it (no leading zero), anything else itself.
fn fits(step: Step, pattern: Step) -> bool {
    match (step, pattern) {
        (Step::Key(key), Step::Key("ID")) | (Step::Item(key), Step::Item("ID")) => is_item_id(key),
        (Step::Item(n), Step::Item("N")) => {
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && (n == "0" || !n.starts_with('0'))
        }
        (Step::Key(key), Step::Key(literal)) => key == literal,
        _ => false,
    }
}

/// Every pattern of [`PLACES`], [`FACET_PLACES`] and the guidance places, written out.
pub fn all_patterns() -> Vec<String> {
    let mut patterns: Vec<String> = PLACES.iter().chain(&FACET_PLACES).map(|p| (*p).to_owned()).collect();
    for prefix in GUIDANCE_PREFIXES {
        patterns.extend(GUIDANCE_PLACES.iter().map(|place| format!("{prefix}.{place}")));
    }
    patterns
}

/// The pattern a place has the shape of, or `None` when no set could have a string there.
pub fn pattern_of(place: &str) -> Option<String> {
    let steps = steps(place)?;
    all_patterns().into_iter().find(|pattern| {
        let pattern_steps = self::steps(pattern).unwrap_or_default();
        pattern_steps.len() == steps.len() && steps.iter().zip(&pattern_steps).all(|(s, p)| fits(*s, *p))
    })
}

/// The patterns under the first key of `place` (all of them when that key is not one of a place),
/// to show an author the shapes a place there can have.
pub fn patterns_near(place: &str) -> Vec<String> {
    let first = steps(place).and_then(|steps| match steps.first() {
        Some(Step::Key(key)) => Some((*key).to_owned()),
        _ => None,
    });
    let all = all_patterns();
    let under: Vec<String> = all
        .iter()
        .filter(|pattern| {
            first.as_deref().is_some_and(|first| {
                pattern.as_str() == first
                    || pattern.strip_prefix(first).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
            })
        })
        .cloned()
        .collect();
    if under.is_empty() {
        all
    } else {
        under
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_places_into_steps() {
        assert_eq!(
            steps("questions[ts-3].options[b].text"),
            Some(vec![
                Step::Key("questions"),
                Step::Item("ts-3"),
                Step::Key("options"),
                Step::Item("b"),
                Step::Key("text")
            ])
        );
        assert_eq!(steps("guidance.people.skills[0]").map(|s| s.len()), Some(4));
        for bad in ["", ".title", "title.", "questions[ts-3", "questions[ts-3]text", "a..b"] {
            assert_eq!(steps(bad), None, "{bad}");
        }
    }

    #[test]
    fn knows_the_shape_of_every_place() {
        assert_eq!(pattern_of("questions[ts-3].options[b].text").as_deref(), Some("questions[ID].options[ID].text"));
        assert_eq!(
            pattern_of("role_guidance.cto.people.reading[2].note").as_deref(),
            Some("role_guidance.ID.ID.reading[N].note")
        );
        assert_eq!(pattern_of("scale.labels[4]").as_deref(), Some("scale.labels[N]"));
        for bad in [
            "questions[3].weight",
            "questions[TS-3].text",
            "scale.labels[01]",
            "scale.labels[x]",
            "id",
            "guidance.people",
        ] {
            assert_eq!(pattern_of(bad), None, "{bad}");
        }
    }
}
