//! A translation read against its set: every problem at its path in the translation document, the
//! counts a translator works from, and, when there is no problem, the translated set.
//!
//! The rules (docs/translation.md says the same to authors):
//! - the translation names the set's id (else nothing more is checked: it is another set's) and the
//!   set's version: a translation is current for the version it names and no other, because a new
//!   version may change what an unchanged text means (a key moved to another option, a target
//!   raised) and a reviewer read the translation against one version;
//! - its language is a BCP 47 tag, not the set's own language;
//! - each entry's place has the shape of a translatable string's place, names a string this set
//!   has, and is not named twice; its source is the set's text there (else it is stale, or, when the
//!   source is the set's text at another place, at the wrong place); it is not marked stale with
//!   `previous_source`; its translation is not blank and fits the length the format allows there;
//! - every string of the set has an entry.

use super::places::{self, SetString};
use super::{Entry, Translation};
use crate::model::problem::{Problem, ProblemKind, Problems};
use crate::model::reader::{index, join, nearest};
use crate::model::{QuestionKind, QuestionSet};

/// How the strings of a translation stand against the set; counted in full even when the problems
/// listed stop at [`crate::model::problem::MAX_PROBLEMS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// The strings the set has.
    pub strings: usize,
    /// Of those, how many are translated from the set's current text and not marked stale.
    pub current: usize,
    /// Of those, how many have no entry or an empty translation.
    pub untranslated: usize,
    /// Of those, how many have a translation made from another text, or marked stale.
    pub stale: usize,
    /// Entries at places the set does not have (or that no set could have), or named twice.
    pub extra: usize,
}

/// A translation read against its set.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// Every problem, located in the translation document, in document order (then the missing strings).
    pub problems: Vec<Problem>,
    pub counts: Counts,
}

impl Checked {
    /// Whether the set may be offered in the translation's language: no problem at all.
    pub fn complete_and_current(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Places looked up by binary search over the places sorted once (sets have thousands of strings).
pub(crate) struct PlaceIndex<'a> {
    sorted: Vec<(&'a str, usize)>,
}

impl<'a> PlaceIndex<'a> {
    pub(crate) fn new(places: impl Iterator<Item = &'a str>) -> PlaceIndex<'a> {
        let mut sorted: Vec<(&str, usize)> = places.enumerate().map(|(i, place)| (place, i)).collect();
        // Stable, so of two equal places the first listed is found.
        crate::sorting::sort_by(&mut sorted, |a, b| a.0.cmp(b.0));
        PlaceIndex { sorted }
    }

    /// The position of the first item with this place.
    pub(crate) fn find(&self, place: &str) -> Option<usize> {
        let start = self.sorted.partition_point(|(known, _)| *known < place);
        self.sorted.get(start).filter(|(known, _)| *known == place).map(|(_, i)| *i)
    }
}

/// A text quoted in a message: whole when short, else its start and an ellipsis.
fn quoted(text: &str) -> String {
    const SHOWN: usize = 60;
    if text.chars().count() <= SHOWN {
        format!("\"{text}\"")
    } else {
        format!("\"{}…\"", text.chars().take(SHOWN).collect::<String>())
    }
}

/// Reads `translation` against `set`.
pub fn check(translation: &Translation, set: &QuestionSet) -> Checked {
    let mut problems = Problems::default();
    let set_strings = places::strings(set);
    let mut counts = Counts { strings: set_strings.len(), ..Counts::default() };
    if translation.set_id != set.id {
        problems.add(
            "set.id",
            ProblemKind::WrongSet,
            format!(
                "this is a translation of \"{}\", not of \"{}\" (version {}); check it against its own set",
                translation.set_id, set.id, set.version
            ),
        );
        counts.untranslated = counts.strings;
        counts.extra = translation.strings.len();
        return Checked { problems: problems.into_vec(), counts };
    }
    let by_place = PlaceIndex::new(set_strings.iter().map(|s| s.place.as_str()));
    let by_source = PlaceIndex::new(set_strings.iter().map(|s| s.text.as_str()));
    let entries = PlaceIndex::new(translation.strings.iter().map(|e| e.place.as_str()));
    let sources_match =
        translation.strings.iter().all(|e| by_place.find(&e.place).is_some_and(|s| set_strings[s].text == e.source));
    if translation.set_version != set.version {
        let advice = if sources_match {
            format!(
                "every source text still matches; once a reviewer has checked the translation against version {}, set \"version\" to \"{}\"",
                set.version, set.version
            )
        } else {
            "update it with altitude translate SET --to LANGUAGE --from THIS-FILE, which carries the translations over and marks the strings that changed".to_owned()
        };
        problems.add(
            "set.version",
            ProblemKind::WrongVersion,
            format!(
                "made for version {} of \"{}\", and the set is version {}: a translation is current for the version it names; {advice}",
                translation.set_version, set.id, set.version
            ),
        );
    }
    if translation.language.eq_ignore_ascii_case(&set.language) {
        problems.add(
            "language",
            ProblemKind::Inconsistent,
            format!("the set is written in \"{}\" already; a translation is into another language", set.language),
        );
    }
    let mut has_entry = vec![false; set_strings.len()];
    for (i, entry) in translation.strings.iter().enumerate() {
        let path = index("strings", i);
        let at = |key: &str| join(&path, key);
        let first = entries.find(&entry.place);
        if first != Some(i) {
            counts.extra += 1;
            let first = first.map_or_else(String::new, |first| format!(" (first at {})", index("strings", first)));
            problems.add(
                &at("place"),
                ProblemKind::DuplicateId,
                format!("{} is translated twice{first}; keep one entry per place", entry.place),
            );
            continue;
        }
        let Some(s) = by_place.find(&entry.place) else {
            counts.extra += 1;
            let (kind, message) = not_in_set(entry, set, &set_strings, &by_source);
            problems.add(&at("place"), kind, message);
            continue;
        };
        has_entry[s] = true;
        let string = &set_strings[s];
        if entry.source != string.text {
            counts.stale += 1;
            match elsewhere(&entry.source, &set_strings, &by_source) {
                Some(other) => problems.add(
                    &at("source"),
                    ProblemKind::WrongPlace,
                    format!(
                        "this source is the set's text at {other}, and the text at {} is {}: the entry belongs at {other}",
                        entry.place,
                        quoted(&string.text)
                    ),
                ),
                None => problems.add(
                    &at("source"),
                    ProblemKind::Stale,
                    format!(
                        "stale: the set's text here is now {}; translate it, then copy it into \"source\"",
                        quoted(&string.text)
                    ),
                ),
            }
            continue;
        }
        if let Some(previous) = &entry.previous_source {
            counts.stale += 1;
            problems.add(
                &at("previous_source"),
                ProblemKind::Stale,
                format!(
                    "stale: the source changed from {} to the text in \"source\"; check the translation against the change, then remove \"previous_source\"",
                    quoted(previous)
                ),
            );
            continue;
        }
        if entry.translation.trim().is_empty() {
            counts.untranslated += 1;
            problems.add(
                &at("translation"),
                ProblemKind::Untranslated,
                format!("not translated yet: {}", quoted(&entry.source)),
            );
            continue;
        }
        let length = entry.translation.chars().count();
        if length > string.longest {
            // Fits no more than the set's own text may: the widget is laid out for these lengths.
            counts.stale += 1;
            problems.add(
                &at("translation"),
                ProblemKind::BadLength,
                format!("{length} characters; the format allows at most {} at {}", string.longest, entry.place),
            );
            continue;
        }
        counts.current += 1;
    }
    for (string, _) in set_strings.iter().zip(&has_entry).filter(|(_, has)| !**has) {
        counts.untranslated += 1;
        problems.add(
            "strings",
            ProblemKind::MissingString,
            format!("no entry for {}, the text {}", string.place, quoted(&string.text)),
        );
    }
    Checked { problems: problems.into_vec(), counts }
}

/// The place of another of the set's strings with exactly this text, if there is one.
fn elsewhere<'s>(source: &str, set_strings: &'s [SetString], by_source: &PlaceIndex) -> Option<&'s str> {
    by_source.find(source).map(|s| set_strings[s].place.as_str())
}

/// Why the set has no string at a translation's place, in words an author can act on: a place no
/// set could have ([`ProblemKind::BadPlace`]), or one this set does not ([`ProblemKind::NotInSet`]).
fn not_in_set(
    entry: &Entry,
    set: &QuestionSet,
    set_strings: &[SetString],
    by_source: &PlaceIndex,
) -> (ProblemKind, String) {
    let place = &entry.place;
    let Some(pattern) = places::pattern_of(place) else {
        let message = format!(
            "\"{place}\" is not the place of a translatable string; places look like {}",
            places::patterns_near(place).join(", ")
        );
        return (ProblemKind::BadPlace, message);
    };
    if let Some(other) = elsewhere(&entry.source, set_strings, by_source) {
        let message =
            format!("the set has no string at {place}, but this source is its text at {other}: is that the place?");
        return (ProblemKind::NotInSet, message);
    }
    let steps = places::steps(place).unwrap_or_default();
    let item = |n: usize| match steps.get(n) {
        Some(places::Step::Item(id) | places::Step::Key(id)) => *id,
        None => "",
    };
    let unknown = |what: &str, id: &str, known: Vec<&str>| {
        let hint = match nearest(id, known.iter().copied()) {
            Some(near) => format!("; did you mean \"{near}\"?"),
            None => String::new(),
        };
        format!("the set (version {}) has no {what} \"{id}\"{hint}", set.version)
    };
    let dimension_ids = || set.dimensions.iter().map(|d| d.id.as_str()).collect();
    let role_ids = || set.roles.iter().map(|r| r.id.as_str()).collect();
    let question_ids = || set.questions.iter().map(|q| q.id.as_str()).collect::<Vec<_>>();
    let (collection, id) = (item(0), item(1));
    let missing_item = match collection {
        "dimensions" | "guidance" if !set.dimensions.iter().any(|d| d.id == id) => {
            Some(unknown("dimension", id, dimension_ids()))
        }
        "roles" | "role_guidance" if !set.roles.iter().any(|r| r.id == id) => Some(unknown("role", id, role_ids())),
        "role_guidance" if !set.dimensions.iter().any(|d| d.id == item(2)) => {
            Some(unknown("dimension", item(2), dimension_ids()))
        }
        "facets" if !set.facets.iter().any(|f| f.id == id) => {
            Some(unknown("facet", id, set.facets.iter().map(|f| f.id.as_str()).collect()))
        }
        "questions" => match set.questions.iter().find(|q| q.id == id) {
            None => Some(unknown("question", id, question_ids())),
            Some(question) if pattern.ends_with(".options[ID].text") => match &question.kind {
                QuestionKind::Likert { .. } => {
                    Some(format!("question \"{id}\" is a likert question, rated on the set's scale: it has no options"))
                }
                QuestionKind::Choice { options } | QuestionKind::Level { options } => {
                    let option = item(3);
                    (!options.iter().any(|o| o.id == option)).then(|| {
                        let known: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
                        format!("question \"{id}\" has no option \"{option}\"; its options are {}", known.join(", "))
                    })
                }
            },
            Some(_) => None,
        },
        _ => None,
    };
    let message = missing_item.unwrap_or_else(|| {
        format!(
            "the set (version {}) has no text at {place}: it is absent or empty there; remove the entry",
            set.version
        )
    });
    (ProblemKind::NotInSet, message)
}

/// The set in the translation's language: every string replaced by its translation, the language set
/// to the translation's, and nothing else changed (ids, scores, targets), so answers given in one
/// language score the same in any other. Refused, with every problem, unless the translation is
/// complete and current ([`check`]).
pub fn apply(translation: &Translation, set: &QuestionSet) -> Result<QuestionSet, Vec<Problem>> {
    let checked = check(translation, set);
    if !checked.complete_and_current() {
        return Err(checked.problems);
    }
    let entries = PlaceIndex::new(translation.strings.iter().map(|e| e.place.as_str()));
    let mut translated = set.clone();
    places::visit(&mut translated, &mut |text| {
        // The check found an entry for every place.
        if let Some(found) = entries.find(text.place) {
            text.text.clone_from(&translation.strings[found].translation);
        }
    });
    translated.language.clone_from(&translation.language);
    Ok(translated)
}
