//! A chart on screen: plotters' SVG drawn for the figure's own width, with a caption, described
//! for screen readers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::ElementRef;
use crate::i18n::{tr, trf};

/// Draws a chart for a width in CSS pixels: the SVG, or why it could not be drawn.
pub type DrawChart = Arc<dyn Fn(u32) -> Result<String, String> + Send + Sync>;

/// A chart ready to draw and what it shows, for screen readers (including where its numbers are
/// in text).
#[derive(Clone)]
pub struct Chart {
    /// Draws the chart (in its colours, for its report) at the width the figure is shown at.
    pub draw: DrawChart,
    pub label: String,
}

/// One chart, drawn for the width it is shown at (one SVG pixel per CSS pixel), so its text keeps
/// its size on every screen; it is drawn again when the window's size changes and when the chart
/// does (another role, another colour scheme). The SVG comes from `crate::charts`, whose backend
/// escapes all text, so it may be placed as markup; everything else here is text.
#[component]
pub fn ChartFigure(
    /// The chart; redrawn when it changes.
    #[prop(into)]
    chart: Signal<Chart>,
    /// The visible caption, in English: it is looked up here, so callers mark it with `msg(...)`.
    caption: &'static str,
    /// A width to draw for instead of the figure's own, for a figure that is hidden on screen (print).
    #[prop(optional)]
    width: Option<u32>,
) -> impl IntoView {
    let figure = ElementRef::new();
    let drawn_width = RwSignal::new(width.unwrap_or(0));
    if width.is_none() {
        let measure = move || {
            let width = figure.width();
            if drawn_width.try_get_untracked().is_some_and(|drawn| drawn != width) {
                drawn_width.set(width);
            }
        };
        // Once the figure is in the page, and whenever the window (and so the figure) changes size.
        request_animation_frame(measure);
        let resize = window_event_listener_untyped("resize", move |_| measure());
        on_cleanup(move || resize.remove());
    }
    view! {
        <figure class="chart" node_ref=figure>
            {move || {
                let Chart { draw, label } = chart.get();
                match drawn_width.get() {
                    // Not measured yet: nothing to draw for.
                    0 => Ok(String::new()),
                    width => draw(width),
                }
                .map_or_else(
                    |reason| view! { <p class="error">{trf("The chart could not be drawn: {reason}", &[&reason])}</p> }.into_any(),
                    |svg| view! { <div class="chart-svg" role="img" aria-label=label inner_html=svg></div> }.into_any(),
                )
            }}
            <figcaption>{tr(caption)}</figcaption>
        </figure>
    }
}
