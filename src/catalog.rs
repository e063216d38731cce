//! The catalog of bundled question sets (`assessments/catalog.json`): which set files to offer,
//! and which one to preselect. Parsing only; the widget fetches the files.

use crate::model::json::{self, Json};

/// `{"default": id?, "sets": [file, ...]}`, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    /// Set files, relative to the catalog, in the order they are offered.
    pub files: Vec<String>,
    /// The id of the set to preselect.
    pub default_set: Option<String>,
}

/// Reads a catalog, or says why it cannot (for the person, after "could not be loaded: ").
pub fn parse(text: &str) -> Result<Catalog, String> {
    let tree =
        json::parse(text.as_bytes()).map_err(|e| format!("{} at line {}, column {}", e.message, e.line, e.column))?;
    let Json::Object(pairs) = tree else { return Err("it is not a JSON object".to_owned()) };
    let field = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    let Some(Json::Array(sets)) = field("sets") else { return Err("it has no \"sets\" list".to_owned()) };
    let files = sets
        .iter()
        .map(|s| match s {
            Json::String(s) => Ok(s.clone()),
            _ => Err("every entry of \"sets\" must be a file name".to_owned()),
        })
        .collect::<Result<Vec<_>, _>>()?;
    let default_set = match field("default") {
        Some(Json::String(id)) => Some(id.clone()),
        _ => None,
    };
    Ok(Catalog { files, default_set })
}
