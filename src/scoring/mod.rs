//! Scoring a person's responses, and the development plan built from the scores.
//!
//! Pure functions of a [`QuestionSet`](crate::model::QuestionSet) and its responses; nothing here knows of the browser.

pub mod plan;
pub mod report;
pub mod verdict;

pub use plan::{development_plan, ladder_gaps, with_others, DevelopmentPlan, FacetLine, LadderGap, PerceptionGap};
pub use report::{
    others_view, score, DimensionReport, FacetReport, OthersScore, OthersView, Report, ReportJson, RoleReadiness,
};
pub use verdict::Verdict;
