//! A locale file (`altitude.messages/1`): the language, its direction, and for each English text the
//! translation, or a plural's forms by plural category. Read field by field like every document.

use crate::model::json::Json;
use crate::model::problem::{parse_document, Problem, ProblemKind, Problems};
use crate::model::reader::{self as r, index, optional, read_object, required, JsonType as T, ObjectSpec};

/// The format this version reads.
pub const FORMAT: &str = "altitude.messages/1";

/// The largest locale file read: some fifty times the bundled ones.
const MAX_BYTES: usize = 4 * 1024 * 1024;

/// The plural categories of CLDR, the only keys a plural's forms may have.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

static MESSAGES_SPEC: ObjectSpec = ObjectSpec {
    name: "the messages",
    keys: &[
        optional("$schema", T::String),
        required("format", T::String),
        required("language", T::String).length(2, 35),
        optional("direction", T::String),
        required("messages", T::Array).items(0, 100_000),
    ],
};

static MESSAGE_SPEC: ObjectSpec = ObjectSpec {
    name: "message",
    keys: &[
        required("source", T::String).length(1, 2000),
        optional("translation", T::String).length(1, 4000),
        optional("zero", T::String).length(1, 4000),
        optional("one", T::String).length(1, 4000),
        optional("two", T::String).length(1, 4000),
        optional("few", T::String).length(1, 4000),
        optional("many", T::String).length(1, 4000),
        optional("other", T::String).length(1, 4000),
    ],
};

/// The plural category (`one`, `other`, …) of a count in the catalog's language.
pub type PluralRule = Box<dyn Fn(usize) -> String>;

/// A date (`YYYY-MM-DD`) as the catalog's language writes it.
pub type DateFormat = Box<dyn Fn(&str) -> String>;

/// A language's catalog, as read from its locale file.
pub struct Messages {
    /// The BCP 47 tag the file states.
    pub language: String,
    pub right_to_left: bool,
    /// By English source, in the file's order.
    entries: Vec<(String, Vec<(String, String)>)>,
    /// Set by the widget; English's (`one` for 1) until then.
    plural_rule: Option<PluralRule>,
    /// Set by the widget; dates stay `YYYY-MM-DD` until then.
    date_format: Option<DateFormat>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Messages({}, {} texts)", self.language, self.entries.len())
    }
}

impl Messages {
    /// Reads a locale file, reporting every problem at its path.
    pub fn parse(bytes: &[u8]) -> Result<Messages, Vec<Problem>> {
        let tree = parse_document(bytes, MAX_BYTES, || "the locale file is over 4 MB".to_owned())?;
        let mut problems = Problems::default();
        let messages = read_messages(&tree, &mut problems);
        problems.finish(messages)
    }

    /// Uses `rule` for plurals.
    pub fn with_plural_rule(mut self, rule: PluralRule) -> Messages {
        self.plural_rule = Some(rule);
        self
    }

    /// Uses `format` for dates.
    pub fn with_date_format(mut self, format: DateFormat) -> Messages {
        self.date_format = Some(format);
        self
    }

    /// `date` (`YYYY-MM-DD`) as the language writes it.
    pub fn date(&self, date: &str) -> String {
        self.date_format.as_ref().map_or_else(|| date.to_owned(), |format| format(date))
    }

    /// The forms the catalog has for `source`: `("", text)` for a text, `(category, form)` for a plural.
    fn forms_of(&self, source: &str) -> Option<&[(String, String)]> {
        self.entries.iter().find(|(known, _)| known == source).map(|(_, forms)| forms.as_slice())
    }

    /// The translation of `source`, if the catalog has a text (not a plural) for it.
    pub fn text(&self, source: &str) -> Option<&str> {
        self.forms_of(source)?.iter().find(|(category, _)| category.is_empty()).map(|(_, text)| text.as_str())
    }

    /// The form of the plural whose English `other` form is `source` for `count`: the form of its
    /// category, else the `other` form.
    pub fn plural(&self, source: &str, count: usize) -> Option<&str> {
        let forms = self.forms_of(source)?;
        let category = match &self.plural_rule {
            Some(rule) => rule(count),
            None => if count == 1 { "one" } else { "other" }.to_owned(),
        };
        let form = |wanted: &str| forms.iter().find(|(category, _)| category == wanted).map(|(_, text)| text.as_str());
        form(&category).or_else(|| form("other"))
    }

    /// Every form the catalog has for `source` (its translation, or each plural category's form).
    pub fn forms(&self, source: &str) -> Vec<&str> {
        self.forms_of(source).map(|forms| forms.iter().map(|(_, text)| text.as_str()).collect()).unwrap_or_default()
    }

    /// Every English source the catalog has, with whether it is a plural.
    pub fn sources(&self) -> impl Iterator<Item = (&str, bool)> {
        self.entries.iter().map(|(source, forms)| (source.as_str(), forms.iter().any(|(c, _)| !c.is_empty())))
    }
}

fn read_messages(tree: &Json, problems: &mut Problems) -> Option<Messages> {
    let fields = read_object(tree, "", &MESSAGES_SPEC, problems)?;
    let _schema = r::string(&fields, "$schema", problems);
    r::expect_format(&fields, FORMAT, "locale files", problems);
    let language = r::language_tag(&fields, "language", problems);
    let right_to_left = match r::string(&fields, "direction", problems).as_deref() {
        None | Some("ltr") => false,
        Some("rtl") => true,
        Some(other) => {
            problems.add("direction", ProblemKind::Inconsistent, format!("\"{other}\" is neither \"ltr\" nor \"rtl\""));
            false
        }
    };
    let items = r::items(&fields, "messages", problems)?;
    let mut entries: Vec<(String, Vec<(String, String)>)> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("messages", i);
        let Some(entry) = read_object(item, &path, &MESSAGE_SPEC, problems) else { continue };
        let Some(source) = r::string(&entry, "source", problems) else { continue };
        let mut forms = Vec::new();
        for key in std::iter::once("translation").chain(CATEGORIES) {
            if let Some(text) = r::string(&entry, key, problems) {
                forms.push((if key == "translation" { String::new() } else { key.to_owned() }, text));
            }
        }
        let plural = forms.iter().any(|(category, _)| !category.is_empty());
        let text = forms.iter().any(|(category, _)| category.is_empty());
        let wrong = match (text, plural) {
            (false, false) => Some("has neither a \"translation\" nor a plural's forms"),
            (true, true) => Some("has both a \"translation\" and a plural's forms; a plural has only its forms"),
            (false, true) if !forms.iter().any(|(category, _)| category == "other") => {
                Some("is a plural without its \"other\" form, which every language has")
            }
            _ => None,
        };
        if let Some(wrong) = wrong {
            problems.add(&path, ProblemKind::Inconsistent, format!("the message {wrong}"));
            continue;
        }
        if entries.iter().any(|(known, _)| *known == source) {
            problems.add(
                &r::join(&path, "source"),
                ProblemKind::DuplicateId,
                format!("\"{source}\" is translated twice"),
            );
            continue;
        }
        entries.push((source, forms));
    }
    Some(Messages { language: language?, right_to_left, entries, plural_rule: None, date_format: None })
}
