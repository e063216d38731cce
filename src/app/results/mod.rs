//! The results of a completed attempt: the verdict, each role's readiness, focus areas, facets, the
//! score table and charts (which the roadmap and the history also show), and the scenario answers.

mod chart_figure;
mod completed;
mod facets_panel;
mod focus_list;
mod readiness_table;
mod results_view;
mod scenario_answers;
mod score_table;

pub use chart_figure::{Chart, ChartFigure};
pub use completed::{completed, radar};
pub use results_view::ResultsView;
pub use score_table::ScoreTable;
