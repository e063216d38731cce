//! A chart on screen: plotters' SVG with a caption, described for screen readers.

use leptos::prelude::*;

/// A drawn chart and what it shows, for screen readers (including where its numbers are in text).
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The rendered SVG, or why it could not be drawn.
    pub svg: Result<String, String>,
    pub label: String,
}

/// One chart. The SVG comes from `crate::charts`, whose backend escapes all text, so it may be
/// placed as markup; everything else here is text.
#[component]
pub fn ChartFigure(
    /// The chart; redrawn when it changes (another role, another colour scheme).
    #[prop(into)]
    chart: Signal<Chart>,
    /// The visible caption.
    caption: &'static str,
) -> impl IntoView {
    view! {
        <figure class="chart">
            {move || {
                let Chart { svg, label } = chart.get();
                match svg {
                    Ok(svg) => view! { <div class="chart-svg" role="img" aria-label=label inner_html=svg></div> }.into_any(),
                    Err(reason) => view! { <p class="error">{format!("The chart could not be drawn: {reason}")}</p> }.into_any(),
                }
            }}
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
