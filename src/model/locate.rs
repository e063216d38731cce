//! Where a problem is in a document's text: the line and column of the value at a problem's path,
//! found by scanning the text again, for the `altitude` tool and the author's workbench.
//!
//! The parser keeps no positions ([`super::json`] builds a plain tree): it runs in the widget's first
//! download, and positions on every node would grow it for the sake of authors alone. Only the tool
//! and the workbench call this module, so the widget's wasm never contains it.
//!
//! # Paths
//!
//! A path is what the reader writes ([`super::reader::join`] and [`super::reader::index`]): keys
//! joined by `.`, list items as `[3]`, the empty path for the document itself. Keys are written as
//! they are, unquoted, so a key holding a `.` or a `[` reads like two steps (`guidance.a.b` is the
//! key `a.b` of `guidance`, or the key `b` of the key `a`). [`position_of`] tries every reading the
//! document allows, in document order, and takes the first that leads to a value.
//!
//! # Positions
//!
//! Lines and columns are 1-based, as editors show them. A line ends at `\n`, `\r\n` or a lone `\r`
//! (CodeMirror's default). Columns count characters (Unicode scalar values), as most editors do; a
//! byte that is not UTF-8 counts as one character. A leading byte-order mark is not counted in
//! columns or in the UTF-16 offset (an editor does not show it, and a browser's decoder drops it).
//! [`Position::utf16`] is the offset in UTF-16 code units from the start of the text: CodeMirror's
//! position when the text is the editor's document as it holds it (`view.state.doc.toString()`,
//! where line breaks are `\n`). From a line and column alone, CodeMirror's position is
//! `doc.line(line).from` plus the column in UTF-16 code units, which is the column itself unless the
//! line holds characters beyond U+FFFF (emoji) before that place.

use super::problem::{Location, Problem, ProblemKind};

/// A place in a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Offset in bytes into the text as given (a byte-order mark included).
    pub byte: usize,
    /// Offset in UTF-16 code units from the start of the text (a byte-order mark not counted).
    pub utf16: usize,
}

/// Where a value is: from its first character to just after it. A string, number, `true`, `false`
/// or `null` spans the whole value; an object or a list spans its opening bracket only, so an
/// editor underlines the place, not a whole question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

/// The place of the value at `path` in the JSON `text`: the key's value for `a.b`, the item for
/// `a[3]`, 1:1 for the empty path. When the path's last key is missing from an object that is there,
/// the place of that object (`questions[3].dimension` missing: `questions[3]`). `None` when the text
/// has no such place.
pub fn position_of(text: &[u8], path: &str) -> Option<Position> {
    span_of(text, path, 0).map(|span| span.start)
}

/// The span of the `occurrence`th value (from 0, in document order) that `path` reaches, or of the
/// object missing its last key when none does. A repeated key is the same path each time it appears:
/// its second appearance is occurrence 1.
pub fn span_of(text: &[u8], path: &str, occurrence: usize) -> Option<Span> {
    let body = strip_bom(text);
    let offset = text.len() - body.len();
    let (start, end) = find(body, path, occurrence)?;
    let start = position_at(text, offset + start);
    let end = position_after(text, start, offset + end);
    Some(Span { start, end })
}

/// The span of each problem of a document read from `text`, in order: a path's value as
/// [`span_of`] finds it (for a repeated key, the repeat the problem is about), a syntax error's line
/// and column (serde_json counts its columns in bytes; here they are characters, like the rest).
pub fn problem_spans(text: &[u8], problems: &[Problem]) -> Vec<Option<Span>> {
    problems
        .iter()
        .enumerate()
        .map(|(i, problem)| match &problem.location {
            Location::Path(path) => {
                // The first repeat of a key is its second appearance; each later problem the next.
                let occurrence = if problem.kind == ProblemKind::DuplicateKey {
                    1 + problems[..i]
                        .iter()
                        .filter(|p| p.kind == ProblemKind::DuplicateKey && p.location == problem.location)
                        .count()
                } else {
                    0
                };
                span_of(text, path, occurrence).or_else(|| span_of(text, path, 0))
            }
            Location::LineColumn { line, column } => {
                let start = syntax_error_position(text, *line, *column);
                Some(Span { start, end: start })
            }
        })
        .collect()
}

/// The place serde_json reports a syntax error at (1-based line counted by `\n`, column in bytes of
/// the text after its byte-order mark) as a [`Position`].
pub fn syntax_error_position(text: &[u8], line: usize, column: usize) -> Position {
    let body = strip_bom(text);
    let offset = text.len() - body.len();
    let mut start = 0;
    for _ in 1..line {
        match body[start..].iter().position(|&b| b == b'\n') {
            Some(newline) => start += newline + 1,
            None => break,
        }
    }
    let byte = (start + column.saturating_sub(1)).min(body.len());
    position_at(text, offset + byte)
}

fn strip_bom(text: &[u8]) -> &[u8] {
    text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text)
}

/// The position of byte `byte` of `text`, counted from the start.
pub fn position_at(text: &[u8], byte: usize) -> Position {
    let body = strip_bom(text);
    let offset = text.len() - body.len();
    let start = Position { line: 1, column: 1, byte: offset, utf16: 0 };
    advance(body, start, byte.saturating_sub(offset).min(body.len()), offset)
}

/// The position of byte `byte`, counted on from `from` (a position before it).
fn position_after(text: &[u8], from: Position, byte: usize) -> Position {
    let body = strip_bom(text);
    let offset = text.len() - body.len();
    advance(body, from, byte.saturating_sub(offset).min(body.len()), offset)
}

/// Counts lines, characters and UTF-16 units in `body` from `from` up to byte `to` of `body`.
fn advance(body: &[u8], from: Position, to: usize, offset: usize) -> Position {
    let mut position = from;
    let mut i = from.byte - offset;
    while i < to {
        let b = body[i];
        match b {
            b'\n' => {
                position.line += 1;
                position.column = 1;
                position.utf16 += 1;
                i += 1;
            }
            // A lone `\r` ends a line; in `\r\n` the `\n` does.
            b'\r' if body.get(i + 1) != Some(&b'\n') => {
                position.line += 1;
                position.column = 1;
                position.utf16 += 1;
                i += 1;
            }
            _ => {
                let (length, units) = utf8_char(&body[i..]);
                position.column += 1;
                position.utf16 += units;
                i += length;
            }
        }
    }
    position.byte = offset + i;
    position
}

/// The length in bytes of the character at the start of `bytes`, and its UTF-16 code units; a byte
/// that starts no valid character is one character of one unit (as a decoder's U+FFFD).
fn utf8_char(bytes: &[u8]) -> (usize, usize) {
    let length = match bytes[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 1,
    };
    let valid = length <= bytes.len() && bytes[1..length].iter().all(|&b| b & 0xC0 == 0x80);
    match (valid, length) {
        (true, 4) => (4, 2),
        (true, length) => (length, 1),
        (false, _) => (1, 1),
    }
}

/// What a path asks for next.
#[derive(Clone, Copy)]
enum Step<'p> {
    /// The value itself.
    End,
    /// An item: the text from `[`.
    Index(&'p str),
    /// A key: the text from the key's first character (the `.` before it already taken).
    Key(&'p str),
}

/// What follows a key or an index in a path, or `None` when `rest` cannot follow one (a key that
/// only begins the text of a longer key).
fn step_after(rest: &str) -> Option<Step<'_>> {
    if rest.is_empty() {
        Some(Step::End)
    } else if let Some(key) = rest.strip_prefix('.') {
        Some(Step::Key(key))
    } else if rest.starts_with('[') {
        Some(Step::Index(rest))
    } else {
        None
    }
}

/// The deepest a path is followed before nesting stops being plausible (the parser allows 128).
const MAX_DEPTH: usize = 256;

/// The byte range (in `body`, without a byte-order mark) of the `occurrence`th value `path` reaches,
/// else of the object that lacks the path's last key.
fn find(body: &[u8], path: &str, occurrence: usize) -> Option<(usize, usize)> {
    let mut scanner = Scanner { text: body, pos: 0 };
    scanner.skip_whitespace();
    let root = scanner.pos;
    if root >= body.len() {
        return None;
    }
    let first = if path.is_empty() {
        Step::End
    } else if path.starts_with('[') {
        Step::Index(path)
    } else {
        Step::Key(path)
    };
    let mut search = Search { body, path_length: path.len(), remaining: occurrence, missing: None };
    match search.walk(root, first, 0) {
        Some(start) => Some((start, value_end(body, start))),
        // The object lacking the last key, only when the path reaches nothing at all.
        None if search.remaining == occurrence => search.missing.map(|(start, _)| (start, value_end(body, start))),
        None => None,
    }
}

/// Where a value found ends: after a scalar, after an object's or list's opening bracket.
fn value_end(body: &[u8], start: usize) -> usize {
    match body.get(start) {
        Some(b'{' | b'[') => start + 1,
        _ => {
            let mut scanner = Scanner { text: body, pos: start };
            match scanner.skip_value() {
                Some(()) => scanner.pos,
                None => start + 1,
            }
        }
    }
}

struct Search<'a> {
    body: &'a [u8],
    path_length: usize,
    /// Matches still to pass over before the one wanted.
    remaining: usize,
    /// The deepest object lacking the path's last key: its start and how much of the path led there.
    missing: Option<(usize, usize)>,
}

impl Search<'_> {
    /// From the value starting at `at`, follows `step`; the start of the value reached.
    fn walk(&mut self, at: usize, step: Step, depth: usize) -> Option<usize> {
        if depth > MAX_DEPTH {
            return None;
        }
        match step {
            Step::End if self.remaining == 0 => Some(at),
            Step::End => {
                self.remaining -= 1;
                None
            }
            Step::Index(text) => {
                let close = text.as_bytes().iter().position(|&b| b == b']')?;
                let digits = &text[1..close];
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let wanted: usize = digits.parse().ok()?;
                let next = step_after(&text[close + 1..])?;
                let mut scanner = Scanner { text: self.body, pos: at };
                let item = scanner.nth_item(wanted)?;
                self.walk(item, next, depth + 1)
            }
            Step::Key(text) => {
                let mut scanner = Scanner { text: self.body, pos: at };
                if !scanner.eat(b'{') {
                    return None;
                }
                while let Some((key, value)) = scanner.next_member()? {
                    let Some(rest) = text.strip_prefix(key.as_str()) else { continue };
                    let Some(next) = step_after(rest) else { continue };
                    if let Some(found) = self.walk(value, next, depth + 1) {
                        return Some(found);
                    }
                }
                // No key leads on: if what is left is one plain key, this object lacks it.
                let plain = !text.as_bytes().iter().any(|&b| b == b'.' || b == b'[');
                if plain {
                    let led = self.path_length - text.len();
                    if self.missing.is_none_or(|(_, deepest)| led > deepest) {
                        self.missing = Some((at, led));
                    }
                }
                None
            }
        }
    }
}

/// A cursor over JSON text that steps over values without building them. It never panics and
/// never loops: on text that is not JSON it gives `None` or stops at the end.
struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Takes `byte` (after whitespace) if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// The next member of an object whose `{` (or previous member) was read: its decoded key and
    /// where its value starts, the cursor then after the value; `Some(None)` at the closing `}`.
    fn next_member(&mut self) -> Option<Option<(String, usize)>> {
        self.eat(b',');
        self.skip_whitespace();
        match self.peek()? {
            b'}' => {
                self.pos += 1;
                Some(None)
            }
            b'"' => {
                let key = self.string()?;
                if !self.eat(b':') {
                    return None;
                }
                self.skip_whitespace();
                let value = self.pos;
                self.skip_value()?;
                Some(Some((key, value)))
            }
            _ => None,
        }
    }

    /// Where item `n` of the list starting at the cursor starts.
    fn nth_item(&mut self, n: usize) -> Option<usize> {
        if !self.eat(b'[') {
            return None;
        }
        for i in 0..=n {
            if i > 0 && !self.eat(b',') {
                return None;
            }
            self.skip_whitespace();
            if matches!(self.peek(), None | Some(b']')) {
                return None;
            }
            if i == n {
                return Some(self.pos);
            }
            self.skip_value()?;
        }
        None
    }

    /// Steps over one value: a string, a scalar, or an object or list with everything in it.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_whitespace();
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' | b'[' => {
                let mut depth = 0usize;
                while let Some(b) = self.peek() {
                    match b {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
                None
            }
            b',' | b'}' | b']' | b':' => None,
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')) {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    /// Steps over a string whose `"` is at the cursor.
    fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }

    /// Reads the string whose `"` is at the cursor, escapes decoded as serde_json decodes them.
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let mut bytes = Vec::new();
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(String::from_utf8_lossy(&bytes).into_owned());
                }
                b'\\' => {
                    let escape = *self.text.get(self.pos + 1)?;
                    self.pos += 2;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    let mut buffer = [0; 4];
                    bytes.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                }
                b => {
                    bytes.push(b);
                    self.pos += 1;
                }
            }
        }
    }

    /// The character of a `\u` escape whose four digits are at the cursor (a surrogate pair as one).
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.text.get(self.pos..self.pos + 2) == Some(b"\\u") {
            let before = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                return char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00));
            }
            self.pos = before;
        }
        Some(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        let value = u32::from_str_radix(text, 16).ok()?;
        self.pos += 4;
        Some(value)
    }
}

#[cfg(test)]
// A test never reaches the wasm: clippy.toml's size rules are not for it.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use crate::model::reader::{index, join};

    /// `(line, column)` of `path`.
    fn at(text: &str, path: &str) -> Option<(usize, usize)> {
        position_of(text.as_bytes(), path).map(|p| (p.line, p.column))
    }

    /// The text of the value at `path`, as its span covers it.
    fn spanned(text: &str, path: &str) -> String {
        let span = span_of(text.as_bytes(), path, 0).unwrap();
        text[span.start.byte..span.end.byte].to_owned()
    }

    #[test]
    fn finds_keys_items_and_the_document() {
        let text = "{\n  \"a\": {\"b\": [1, [2, 3], {\"c\": true}]},\n  \"d\": \"x\"\n}";
        assert_eq!(at(text, ""), Some((1, 1)));
        assert_eq!(at(text, "a"), Some((2, 8)));
        assert_eq!(at(text, "a.b"), Some((2, 14)));
        assert_eq!(at(text, "a.b[0]"), Some((2, 15)));
        assert_eq!(at(text, "a.b[1][1]"), Some((2, 22)));
        assert_eq!(at(text, "a.b[2].c"), Some((2, 32)));
        assert_eq!(at(text, "d"), Some((3, 8)));
        assert_eq!(spanned(text, "d"), "\"x\"");
        assert_eq!(spanned(text, "a.b[1][1]"), "3");
        assert_eq!(spanned(text, "a.b[2].c"), "true");
        assert_eq!(spanned(text, "a"), "{", "a container spans its bracket");
        // Out of range, or not there: nothing (the last key of an object is another matter, below).
        assert_eq!(at(text, "a.b[3]"), None);
        assert_eq!(at(text, "d[0]"), None);
        assert_eq!(at(text, "x.y"), None);
        assert_eq!(at("", "a"), None);
        assert_eq!(at("  ", ""), None);
    }

    #[test]
    fn a_missing_key_is_the_object_that_lacks_it() {
        let text = "{\"questions\": [{\"id\": \"a\"},\n  {\"id\": \"b\"}]}";
        assert_eq!(at(text, "questions[1].dimension"), Some((2, 3)));
        assert_eq!(at(text, "format"), Some((1, 1)));
        // Only the last step may be missing.
        assert_eq!(at(text, "questions[1].options[0].id"), None);
        assert_eq!(at(text, "questions[5].id"), None);
    }

    #[test]
    fn strings_hide_brackets_quotes_and_colons() {
        let text = r#"{"a": "x\"}], {\"b\": [", "b": ["]", "\\", {"c": "[{"}], "e\"q": 1, "b2": 2}"#;
        assert_eq!(spanned(text, "b[2].c"), r#""[{""#);
        assert_eq!(spanned(text, "b[1]"), r#""\\""#);
        assert_eq!(spanned(text, "e\"q"), "1", "an escaped quote in a key");
        assert_eq!(spanned(text, "b2"), "2", "a key that begins like another is not it");
        // Escapes in keys are decoded as the parser decodes them.
        let text = r#"{"caf\u00e9": 1, "\ud83d\ude00": 2, "tab\there": 3}"#;
        assert_eq!(spanned(text, "café"), "1");
        assert_eq!(spanned(text, "😀"), "2");
        assert_eq!(spanned(text, "tab\there"), "3");
    }

    #[test]
    fn columns_count_characters_and_utf16_offsets_count_units() {
        let text = "{\"é😀\": \"ü😀\", \"k\": 1}";
        let p = position_of(text.as_bytes(), "k").unwrap();
        // {"é😀": "ü😀", "k": 1 — the 1 is the 19th character.
        assert_eq!((p.line, p.column), (1, 19));
        assert_eq!(p.byte, text.find(": 1").unwrap() + 2);
        assert_eq!(p.utf16, 18 + 2, "each 😀 is two UTF-16 units");
        assert_eq!(p.utf16, text[..p.byte].encode_utf16().count());
        let p = position_of(text.as_bytes(), "é😀").unwrap();
        assert_eq!((p.column, p.utf16), (8, 8));
    }

    #[test]
    fn crlf_cr_and_a_byte_order_mark() {
        let text = "{\r\n  \"a\": 1,\r\n  \"b\": 2\r}";
        assert_eq!(at(text, "a"), Some((2, 8)));
        assert_eq!(at(text, "b"), Some((3, 8)), "a lone \\r ends a line too");
        let bom = "\u{feff}{\"a\": 1}";
        let p = position_of(bom.as_bytes(), "a").unwrap();
        assert_eq!((p.line, p.column, p.utf16), (1, 7, 6), "the mark is not counted");
        assert_eq!(&bom.as_bytes()[p.byte..p.byte + 1], b"1", "the byte offset is into the text as given");
        assert_eq!(at(bom, ""), Some((1, 1)));
    }

    #[test]
    fn keys_with_dots_and_brackets_read_as_the_reader_writes_them() {
        // The reader writes a key as it is: `guidance.a.b` for the key "a.b" of "guidance".
        let text = r#"{"guidance": {"a": {"x": 0}, "a.b": {"summary": 1}, "c[0]": 2, "": 3}}"#;
        let path = join(&join("guidance", "a.b"), "summary");
        assert_eq!(path, "guidance.a.b.summary");
        assert_eq!(spanned(text, &path), "1", "the key \"a\" leads nowhere, so \"a.b\" is tried");
        assert_eq!(spanned(text, &join("guidance", "c[0]")), "2");
        assert_eq!(spanned(text, &join("guidance", "")), "3");
        assert_eq!(spanned(text, &join("guidance", "a")), "{");
        assert_eq!(spanned(&format!("[{text}]"), &join(&index("", 0), "guidance.a.b.summary")), "1");
    }

    #[test]
    fn repeated_keys_by_occurrence() {
        let text = "{\"a\": 1,\n \"a\": 2,\n \"a\": 3}";
        let line = |occurrence| span_of(text.as_bytes(), "a", occurrence).map(|s| s.start.line);
        assert_eq!((line(0), line(1), line(2), line(3)), (Some(1), Some(2), Some(3), None));
    }

    #[test]
    fn each_problem_at_its_place() {
        let text =
            "{\"format\": \"altitude.question-set/2\", \"id\": \"x\",\n \"id\": \"y\",\n \"id\": \"z\", \"titel\": 1}";
        let problems = crate::model::QuestionSet::load(text.as_bytes()).unwrap_err();
        let spans = problem_spans(text.as_bytes(), &problems);
        let placed: Vec<(String, Option<(usize, usize)>)> = problems
            .iter()
            .zip(&spans)
            .map(|(p, s)| (p.location.to_string(), s.map(|s| (s.start.line, s.start.column))))
            .collect();
        assert!(placed.contains(&("id".to_owned(), Some((2, 8)))), "the first repeat: {placed:?}");
        assert!(placed.contains(&("id".to_owned(), Some((3, 8)))), "the second repeat: {placed:?}");
        assert!(placed.contains(&("titel".to_owned(), Some((3, 22)))), "{placed:?}");
        assert!(placed.contains(&("dimensions".to_owned(), Some((1, 1)))), "missing: the document {placed:?}");
    }

    #[test]
    fn syntax_errors_in_characters() {
        // serde_json counts bytes: the o of "  \"é\": oops" is its 9th byte and 8th character.
        let text = "{\n  \"é\": oops\n}";
        let problems = crate::model::QuestionSet::load(text.as_bytes()).unwrap_err();
        let Location::LineColumn { line, column } = problems[0].location else { panic!("a syntax error") };
        assert_eq!((line, column), (2, 9));
        let span = problem_spans(text.as_bytes(), &problems)[0].unwrap();
        assert_eq!((span.start.line, span.start.column), (2, 8));
        assert_eq!(&text[span.start.byte..span.start.byte + 1], "o");
        // Past the end (a file that stops early) stays within the text.
        let p = syntax_error_position(b"[1,", 1, 9);
        assert_eq!((p.line, p.column, p.byte), (1, 4, 3));
    }

    #[test]
    fn never_panics_on_broken_text() {
        let path = "a.b[2].c";
        for text in
            ["{", "{\"a\"", "{\"a\":", "{\"a\": {\"b\": [1, 2", "[[[[", "\"\\", "{\"a\\u12\": 1}", "}}]]", "\u{feff}"]
        {
            let _ = position_of(text.as_bytes(), path);
            let _ = position_of(text.as_bytes(), "");
        }
        let _ = position_of(&[0xFF, 0xC3, b'{'], "a");
        let deep = "{\"\":".repeat(1000);
        let _ = position_of(deep.as_bytes(), &".".repeat(999));
    }
}
