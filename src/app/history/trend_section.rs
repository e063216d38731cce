//! Progress in one assessment taken more than once: the latest compared with the previous attempt,
//! and the overall score over time, redrawn when the colour scheme changes.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::results::{Chart, ChartFigure};
use crate::app::AppState;
use crate::attempt::score_changes;
use crate::charts::{self, Palette, TrendPoint};
use crate::display::{signed_whole, whole};
use crate::i18n::{self, msg, tr, trf, trn};
use crate::session::Trend;

/// The trend of one set.
pub fn trend_section(state: AppState, trend: Trend) -> impl IntoView {
    let set = trend.set.clone();
    let points: Vec<TrendPoint> = trend
        .results
        .iter()
        .map(|(report, date)| TrendPoint { label: i18n::date(date), overall: report.overall })
        .collect();
    let changes = match trend.results.as_slice() {
        [.., (earlier, _), (later, _)] => score_changes(earlier, later),
        _ => Vec::new(),
    };
    let scores = points
        .iter()
        .map(|p| trf("{date} {score}", &[&p.label, &p.overall.map_or_else(|| tr("no score"), whole)]))
        .collect::<Vec<_>>()
        .join(", ");
    let label = trn(
        points.len(),
        "Trend of your overall score in {assessment} over {n} attempt: {scores}.",
        "Trend of your overall score in {assessment} over {n} attempts: {scores}.",
        &[&set.title, &scores],
    );
    let host = state.host;
    let points = Arc::new(points);
    let chart = Signal::derive(move || {
        let palette = if host.dark() { Palette::DARK } else { Palette::LIGHT };
        let points = Arc::clone(&points);
        Chart { draw: Arc::new(move |width| charts::trend_svg(width, &points, palette)), label: label.clone() }
    });
    view! {
        <section class="trend" aria-label=trf("Progress in {assessment}", &[&set.title])>
            <h3>{trf("{assessment}: latest compared with the previous attempt", &[&set.title])}</h3>
            <ul class="changes">
                {changes.into_iter().map(|(name, change)| {
                    let change = change.map_or_else(|| tr("no comparison"), signed_whole);
                    view! { <li>{trf("{dimension}: {change}", &[&name, &change])}</li> }
                }).collect_view()}
            </ul>
            <ChartFigure chart=chart caption=msg("Overall score over time")/>
        </section>
    }
}
