//! What the widget tells the page it is embedded in: each `altitude-*` event with its detail, typed,
//! so that the README's table of events and the JSON a page receives are checked against each other
//! natively (tests/host_event.rs) rather than written by hand at each place that sends one.

use serde::Serialize;

use crate::model::ResultDocument;
use crate::others::Reply;
use crate::scoring::ReportJson;

/// An event the element dispatches as `altitude-<NAME>`, its detail this value as JSON.
pub trait HostEvent: Serialize + Sized {
    const NAME: &'static str;

    /// The event's detail, as the page receives it (parsed into plain objects).
    fn detail(&self) -> String {
        crate::model::json::compact(self)
    }
}

/// `altitude-ready`: the set a person starting now would take has loaded.
#[derive(Debug, Serialize)]
pub struct Ready<'a> {
    pub set: &'a str,
    pub version: &'a str,
}

/// `altitude-progress`: after every answer to the person's own assessment.
#[derive(Debug, Serialize)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

/// `altitude-complete`: the finished attempt's result document and its score report.
#[derive(Serialize)]
pub struct Complete<'a> {
    pub result: &'a ResultDocument,
    pub report: ReportJson<'a>,
}

/// `altitude-error`: a set or the catalog could not be loaded (the message is shown in the element too).
#[derive(Debug, Serialize)]
pub struct LoadError<'a> {
    pub message: &'a str,
    pub url: &'a str,
}

impl HostEvent for Ready<'_> {
    const NAME: &'static str = "ready";
}

impl HostEvent for Progress {
    const NAME: &'static str = "progress";
}

impl HostEvent for Complete<'_> {
    const NAME: &'static str = "complete";
}

impl HostEvent for LoadError<'_> {
    const NAME: &'static str = "error";
}

/// `altitude-reply`: on a rater's page when they finish, the reply document, so that a portal
/// with its own backend can route replies itself.
impl HostEvent for Reply {
    const NAME: &'static str = "reply";
}
