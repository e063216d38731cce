//! An order-preserving JSON tree that keeps duplicate keys, so the loader can report them.
//!
//! `serde_json::Value` silently keeps the last of two equal keys; a question set that names a
//! role target twice must hear about it, so objects here are lists of pairs in document order.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The JSON type name as an author would say it, for "expected X, found Y" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut pairs = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            pairs.push((key, value));
        }
        Ok(Json::Object(pairs))
    }
}

/// Why a byte string is not a JSON document, with the 1-based line and column where that was found.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses a document, tolerating a leading UTF-8 byte-order mark.
///
/// serde_json bounds nesting at 128 levels, so a deeply nested document is an error, not a stack overflow.
pub fn parse(bytes: &[u8]) -> Result<Json, SyntaxError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<Json>(bytes).map_err(|error| SyntaxError {
        line: error.line().max(1),
        column: error.column().max(1),
        message: describe_syntax_error(&error),
    })
}

/// serde_json appends " at line L column C" to its messages; the location is reported separately.
fn describe_syntax_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let location = format!(" at line {} column {}", error.line(), error.column());
    let text = text.strip_suffix(location.as_str()).unwrap_or(&text);
    match text {
        "EOF while parsing a value" if error.line() <= 1 && error.column() == 0 => {
            "the file is empty; a question set is a JSON object".to_owned()
        }
        "expected value" => "this is not valid JSON here (expected a value)".to_owned(),
        "EOF while parsing a list" => "the file ends inside a list: a ']' is missing".to_owned(),
        "EOF while parsing an object" => "the file ends inside an object: a '}' is missing".to_owned(),
        "EOF while parsing a string" => "the file ends inside a string: a closing '\"' is missing".to_owned(),
        "EOF while parsing a value" => "the file ends where a value was expected".to_owned(),
        "trailing characters" => "there is more after the end of the document".to_owned(),
        "trailing comma" => "a comma before a closing bracket: JSON allows no trailing comma".to_owned(),
        "recursion limit exceeded" => "the document is nested too deeply (more than 128 levels)".to_owned(),
        other => format!("invalid JSON: {other}"),
    }
}

/// Written back as JSON in document order; whole numbers without a fraction (`70`, not `70.0`).
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => serializer.serialize_none(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 9e15 => serializer.serialize_i64(*n as i64),
            Json::Number(n) => serializer.serialize_f64(*n),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(pairs) => {
                let mut map = serializer.serialize_map(Some(pairs.len()))?;
                for (key, value) in pairs {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// Compact JSON of a document Altitude writes. serde_json fails only on maps with non-string keys
/// or on a failing `Serialize` impl, and none of ours has either; not formatting its error keeps
/// that code out of the wasm.
pub fn compact<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Indents compact JSON text by two spaces per level, for files people may open. (One small
/// function instead of serde_json's pretty printer instantiated for every document type.)
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.push(chars.next().unwrap_or(c));
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicate_keys_in_order() {
        let json = parse(br#"{"a": 1, "b": 2, "a": 3}"#).unwrap();
        let Json::Object(pairs) = json else { panic!("not an object") };
        let keys: Vec<_> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b", "a"]);
    }

    #[test]
    fn pretty_printing_matches_serde_json() {
        let value =
            serde_json::json!({"a": [1, {"b": "x, y: {z}", "c": []}], "d": {}, "e": "quote \\\" and \\\\", "f": null});
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(pretty(&compact), serde_json::to_string_pretty(&value).unwrap());
    }

    #[test]
    fn tolerates_a_byte_order_mark() {
        assert_eq!(parse(b"\xEF\xBB\xBF[]").unwrap(), Json::Array(vec![]));
    }

    #[test]
    fn locates_syntax_errors() {
        let error = parse(b"{\n  \"a\": ,\n}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 8));
        // The place is reported on its own, not again in the message.
        assert_eq!(error.message, "this is not valid JSON here (expected a value)");
        assert_eq!(parse(b"[1,\n").unwrap_err().message, "the file ends where a value was expected");
        assert_eq!(parse(b"[1] x").unwrap_err().message, "there is more after the end of the document");
        assert_eq!(parse(b"").unwrap_err().message, "the file is empty; a question set is a JSON object");
    }

    #[test]
    fn refuses_deep_nesting_without_overflowing() {
        let deep = "[".repeat(100_000);
        assert!(parse(deep.as_bytes()).is_err());
    }
}
