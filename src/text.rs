//! Substring search for the core without the standard library's (its Two-Way searcher costs 1.5 KB
//! of gzip in the widget's first download, measured 2026-12-07). What the core looks for is short
//! (a key's marker, "://") in short text (storage keys, file names), where a plain scan is as fast.

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &str, needle: &str) -> bool {
    needle.is_empty() || haystack.as_bytes().windows(needle.len()).any(|window| window == needle.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::contains;

    // `str::contains` is what this one is checked against; a test never reaches the wasm.
    #[allow(clippy::disallowed_methods)]
    #[test]
    fn finds_what_str_contains_finds() {
        for (haystack, needle) in [
            ("altitude.v1.current.cto", ".v1.current."),
            ("mine.v1.current.", ".v1.current."),
            (".v1.current.x", ".v1.current."),
            ("altitude.v1.history", ".v1.current."),
            ("https://x/y.json", "://"),
            ("sets/a.json", "://"),
            ("", "://"),
            ("ab", "abc"),
            ("anything", ""),
            ("", ""),
            ("ééé://", "://"),
        ] {
            assert_eq!(contains(haystack, needle), haystack.contains(needle), "{haystack:?} / {needle:?}");
        }
    }
}
