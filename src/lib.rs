//! Altitude: a leadership-readiness self-assessment. This crate is the pure core (question-set
//! model, validation, scoring, development plan, charts) shared by the widget and the `altitude` tool.

#[cfg(target_arch = "wasm32")]
pub mod app;
pub mod attempt;
pub mod author;
pub mod charts;
pub mod cli;
pub mod display;
pub mod host_event;
pub mod i18n;
pub mod lint;
pub mod model;
pub mod others;
pub mod progress;
pub mod scoring;
pub mod session;
pub mod sorting;
#[cfg(target_arch = "wasm32")]
pub mod storage;
pub mod stored;
pub mod team;
pub mod text;
pub mod translation;
