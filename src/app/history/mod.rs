//! Past results: the table of completed attempts, and the trend of an assessment taken more than once.

mod history_row;
mod history_screen;
mod trend_section;

pub use history_screen::HistoryScreen;
