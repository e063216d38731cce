//! The question-set and result documents: parsing, validation and the checked types the rest of Altitude uses.
//!
//! Nothing here knows of the browser; the widget and the command-line tool share it.

pub mod catalog;
pub mod json;
pub mod locate;
pub mod problem;
pub mod question_set;
pub mod reader;
pub mod result_document;
pub mod timestamp;
pub mod upgrade;

pub use catalog::{Catalog, CatalogEntry, SetFacts};
pub use problem::{Location, Problem, ProblemKind};
pub use question_set::{
    Band, ChoiceOption, Dimension, Facet, Guidance, Question, QuestionKind, QuestionSet, Reading, Role, Scale,
};
pub use result_document::{Answer, Context, Organisation, Rater, Relationship, Response, Responses, ResultDocument};
