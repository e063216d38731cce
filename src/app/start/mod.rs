//! The start screen: choosing an assessment and a target role, the optional size of one's
//! organisation, and why a set that could not be used cannot be taken.

mod organisation_field;
mod set_problems;
mod start_screen;

pub use start_screen::StartScreen;
