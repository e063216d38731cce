//! The development roadmap of a completed attempt, for the screen and for paper: its focus areas
//! and the dated plan.

mod focus_area;
mod milestone_list;
mod roadmap_view;

pub use roadmap_view::RoadmapView;
