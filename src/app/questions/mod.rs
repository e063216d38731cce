//! Answering: a page of questions with progress, Back and Next, and the review before finishing.

mod progress_bar;
mod question_field;
mod question_page;
mod review_screen;

pub use question_page::QuestionPage;
pub use review_screen::ReviewScreen;
