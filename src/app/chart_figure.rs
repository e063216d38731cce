//! A chart on screen: plotters' SVG drawn for the figure's own width, with a caption, described
//! for screen readers.

use leptos::prelude::*;

/// One chart, drawn for the width it is shown at (one SVG pixel per CSS pixel), so its text keeps
/// its size on every screen; it is drawn again when the window's size changes. The SVG comes from
/// `crate::charts`, whose backend escapes all text, so it may be placed as markup; everything else
/// here is text.
#[component]
pub fn ChartFigure(
    /// Draws the chart for a width in CSS pixels: the SVG, or why it could not be drawn.
    draw: Callback<u32, Result<String, String>>,
    /// What the chart shows, for screen readers, including where its numbers are in text.
    #[prop(into)]
    label: Signal<String>,
    /// The visible caption.
    caption: &'static str,
    /// A width to draw for instead of the figure's own, for a figure that is hidden on screen (print).
    #[prop(optional)]
    width: Option<u32>,
) -> impl IntoView {
    let figure = NodeRef::<leptos::html::Figure>::new();
    let drawn_width = RwSignal::new(width.unwrap_or(0));
    if width.is_none() {
        let measure = move || {
            let width = figure.get_untracked().map_or(0, |f| f.client_width().max(0) as u32);
            if width != drawn_width.get_untracked() {
                drawn_width.set(width);
            }
        };
        Effect::new(move |_| {
            figure.track();
            measure();
        });
        let resize = window_event_listener(leptos::ev::resize, move |_| measure());
        on_cleanup(move || resize.remove());
    }
    view! {
        <figure class="chart" node_ref=figure>
            {move || match drawn_width.get() {
                // Not measured yet: nothing to draw for.
                0 => Ok(String::new()),
                width => draw.run(width),
            }.map_or_else(
                |reason| view! { <p class="error">{format!("The chart could not be drawn: {reason}")}</p> }.into_any(),
                |svg| view! { <div class="chart-svg" role="img" aria-label=move || label.get() inner_html=svg></div> }.into_any(),
            )}
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
