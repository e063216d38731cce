//! How far the person has got: answered of total, and the minutes left.

use leptos::prelude::*;

use crate::i18n::{trf, trn};

use crate::app::reactive;

/// A progress bar with its numbers in words.
#[component]
pub fn ProgressBar(
    /// Questions answered so far ("not applicable" included).
    #[prop(into)]
    answered: Signal<usize>,
    /// Questions in the set.
    total: usize,
    /// Minutes left, when the set gives an estimate.
    #[prop(into)]
    minutes_left: Signal<Option<u32>>,
) -> impl IntoView {
    let words = move || {
        let minutes = match minutes_left.get() {
            Some(0) | None => String::new(),
            Some(m) => trn(m as usize, " · about {n} minute left", " · about {n} minutes left", &[]),
        };
        trf("{answered} of {total} answered{minutes}", &[&answered.get().to_string(), &total.to_string(), &minutes])
    };
    view! {
        <div class="progress">
            <progress id="progress-bar" max=total value=reactive(move || answered.get().to_string()) aria-labelledby="progress-text"></progress>
            <p id="progress-text" class="progress-text">{reactive(words)}</p>
        </div>
    }
}
