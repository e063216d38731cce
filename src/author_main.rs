//! The author's workbench's wasm (issue 27): the core's checks for `author/author.js`, as JSON
//! strings. A binary of its own, so none of it reaches the visitor's download.

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// The problems of a draft, in the format's order, each with its line, column and the editor's
    /// offset (`altitude::author::problems_json`); `[]` for a valid set.
    #[wasm_bindgen]
    pub fn problems(text: &str) -> String {
        altitude::author::problems_json(text.as_bytes())
    }

    /// For a valid draft: the simulated respondents' verdicts and the warnings an author can act on
    /// (`altitude::author::lint_json`); `null` for a draft with problems.
    #[wasm_bindgen]
    pub fn lint(text: &str) -> String {
        altitude::author::lint_json(text.as_bytes()).unwrap_or_else(|| "null".to_owned())
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("altitude-author is the author's workbench's wasm; `make build` builds it into dist/author/.");
    std::process::exit(2);
}
