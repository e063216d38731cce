//! A completed attempt as the results and the roadmap open it, and its radar chart: found and drawn
//! one way for both, so the two screens cannot disagree about a result or its chart.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_figure::{Chart, DrawChart};
use crate::app::{unavailable, AppState, Arrival};
use crate::charts::{self, radar::Fit, Palette};
use crate::i18n::{msg, tr, trf};
use crate::scoring::{OthersView, Report};
use crate::session::{Scored, ScoredResult};

/// The completed attempt `attempt_id`, scored; or, when it is gone or cannot be read against any
/// set at hand, the alert that says so, to show in its place.
/// When it cannot be shown, the screen says why under a heading of its own, which takes focus as a
/// screen's heading does (`arrival`): a way in never leaves focus nowhere.
pub fn completed(
    state: &AppState,
    attempt_id: &str,
    arrival: Option<Arrival>,
) -> Result<(Arc<ScoredResult>, Scored), AnyView> {
    let alert =
        move |message: String| unavailable("gone-heading", msg("This result cannot be shown"), message, arrival);
    let found = state.session.results().with_untracked(|results| results.iter().find(|r| r.id == attempt_id).cloned());
    let Some(result) = found else { return Err(alert(tr("This result is no longer on this device."))) };
    match &result.scored {
        Ok(scored) => Ok((Arc::clone(&result), scored.clone())),
        Err(message) => Err(alert(message.clone())),
    }
}

/// The radar of `report` against `role_name`'s targets, with others' view dotted when there is one,
/// in `palette`, fitted for the screen or for paper; its label says where the numbers are in text.
pub fn radar(report: Arc<Report>, role_name: &str, others: Option<&OthersView>, palette: Palette, fit: Fit) -> Chart {
    // One whole text with the others' view and one without: the second sentence is not glued on.
    let label = if others.is_some() {
        trf(
            "Radar chart of your scores against the {role} targets; the same numbers are in the table “Scores by dimension”. \
             The others' view is drawn dotted; its numbers are in the table “Your view and others' view”.",
            &[role_name],
        )
    } else {
        trf(
            "Radar chart of your scores against the {role} targets; the same numbers are in the table “Scores by dimension”.",
            &[role_name],
        )
    };
    let others: Option<(Vec<Option<f64>>, usize)> =
        others.map(|view| (view.dimensions.iter().map(|d| d.score).collect(), view.raters));
    let role_name = role_name.to_owned();
    let draw: DrawChart = Arc::new(move |width| {
        let others = others.as_ref().map(|(scores, raters)| (scores.as_slice(), *raters));
        charts::radar_with_others_svg(width, fit, &report, &role_name, others, palette)
    });
    Chart { draw, label }
}
