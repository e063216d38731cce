//! A chart on screen: plotters' SVG with a caption, described for screen readers.

use leptos::prelude::*;

/// One chart. The SVG comes from `crate::charts`, whose backend escapes all text, so it may be
/// placed as markup; everything else here is text.
#[component]
pub fn ChartFigure(
    /// The rendered chart, or why it could not be drawn.
    #[prop(into)]
    svg: Signal<Result<String, String>>,
    /// What the chart shows, for screen readers, including where its numbers are in text.
    #[prop(into)]
    label: Signal<String>,
    /// The visible caption.
    caption: &'static str,
) -> impl IntoView {
    view! {
        <figure class="chart">
            {move || match svg.get() {
                Ok(svg) => view! { <div class="chart-svg" role="img" aria-label=move || label.get() inner_html=svg></div> }.into_any(),
                Err(reason) => view! { <p class="error">{format!("The chart could not be drawn: {reason}")}</p> }.into_any(),
            }}
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
