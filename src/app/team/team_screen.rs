//! The team view's screen: choose the set version, the target role and the minimum group, pick or
//! drop the result files, and see the group; the files stay in memory and are forgotten with the tab.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::team_files::team_files;
use super::team_summary::team_summary;
use crate::app::{role_index, AppState};
use crate::i18n::{tr, trf, trn};
use crate::model::QuestionSet;
use crate::team::{gather, team_view, DEFAULT_MIN_GROUP};

/// A file a facilitator gave: its name (shown only to them) and its text.
pub type GivenFile = (String, String);

/// The team view, computed again whenever the files, the set version, the role or the minimum group change.
#[component]
pub fn TeamScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let heading = AppState::heading(state.take_arrival());
    // Every set version at hand: the offered sets, then the earlier versions kept for old results.
    let offered_sets = state.catalog.loaded_untracked().map(|loaded| loaded.usable()).unwrap_or_default();
    let offered = offered_sets.len();
    let versions: Vec<Arc<QuestionSet>> = offered_sets.into_iter().chain(state.catalog.archived().0).collect();
    let chosen = RwSignal::new(0_usize);
    let picked_role = RwSignal::new(None::<usize>);
    let min_group = RwSignal::new(DEFAULT_MIN_GROUP);
    let files = RwSignal::new(Vec::<GivenFile>::new());
    let set = {
        let versions = versions.clone();
        Memo::new(move |_| versions.get(chosen.get()).cloned())
    };
    let role = move || set.with(|set| set.as_ref().map(|set| picked_role.get().unwrap_or(set.default_role)));
    let gathered = Memo::new(move |_| {
        let set = set.get()?;
        Some(files.with(|files| gather(&set, files.iter().map(|(_, text)| text.as_bytes()))))
    });

    // Files from the picker or a drop, read in turn and added to those already given.
    let add = move |list: Option<web_sys::FileList>| {
        let Some(list) = list else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        leptos::task::spawn_local(async move {
            let mut read = Vec::with_capacity(picked.len());
            for file in picked {
                let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
                // A file the browser could not read is given as empty text, refused as not a result.
                read.push((file.name(), text.unwrap_or_default()));
            }
            let count = read.len();
            files.update(|files| files.extend(read));
            state.tell(trn(count, "{n} file read.", "{n} files read.", &[]));
        });
    };
    let picked = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        add(input.files());
        input.set_value("");
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        add(ev.data_transfer().and_then(|data| data.files()));
    };

    let version_options = versions
        .iter()
        .enumerate()
        .map(|(i, set)| {
            let label = if i >= offered {
                trf("{title} (version {version}, earlier)", &[&set.title, &set.version])
            } else {
                trf("{title} (version {version})", &[&set.title, &set.version])
            };
            view! { <option value=i.to_string() prop:selected=move || chosen.get() == i>{label}</option> }
        })
        .collect_view();
    let role_options = move || {
        set.get().map(|set| {
            set.roles_by_stage()
                .into_iter()
                .map(|r| view! { <option value=r.to_string() prop:selected=move || role() == Some(r)>{set.roles[r].name.clone()}</option> })
                .collect_view()
        })
    };
    let summary = move || {
        let (Some(set), Some(role)) = (set.get(), role()) else { return None };
        let k = min_group.get();
        let names: Vec<String> = files.with(|files| files.iter().map(|(name, _)| name.clone()).collect());
        gathered.with(|gathered| {
            let gathered = gathered.as_ref()?;
            let listed = team_files(&set, gathered, &names);
            let view = (!names.is_empty()).then(|| team_summary(state, &set, team_view(&set, role, k, gathered)));
            Some(view! { {listed}{view} })
        })
    };

    view! {
        <section class="team-screen" aria-labelledby="team-heading" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=dropped>
            <h2 id="team-heading" tabindex="-1" node_ref=heading>{tr("A team's results")}</h2>
            <div class="screen-only">
                <p>{tr("For a manager, a coach or a learning team: each person exports their result (“Export this result”) and chooses to send you the file. The files are read here, in this browser, never sent anywhere, and forgotten when you close the tab. The view shows the group, never a person.")}</p>
                <div class="field">
                    <label for="team-set">{tr("Question set")}</label>
                    <select id="team-set" on:change=move |ev| if let Ok(i) = event_target_value(&ev).parse() { chosen.set(i); picked_role.set(None); }>
                        {version_options}
                    </select>
                </div>
                <div class="field">
                    <label for="team-role">{tr("Target role")}</label>
                    <select id="team-role" on:change=move |ev| picked_role.set(role_index(&ev, set.get_untracked()))>{role_options}</select>
                </div>
                <div class="field">
                    <label for="team-min-group">{tr("Minimum group")}</label>
                    <input type="number" id="team-min-group" min=DEFAULT_MIN_GROUP.to_string() step="1" inputmode="numeric"
                        prop:value=move || min_group.get().to_string()
                        on:change=move |ev| min_group.set(event_target_value(&ev).parse().unwrap_or(0))/>
                    <p class="hint">{tr("No numbers are shown for fewer results than this, so no one can be picked out (3 or more).")}</p>
                </div>
                <div class="field">
                    <label for="team-files">{tr("Result files (or drop them here)")}</label>
                    <input type="file" id="team-files" multiple accept=".json,application/json" on:change=picked/>
                </div>
                <div class="actions">
                    <button type="button" disabled=move || files.with(Vec::is_empty) on:click=move |_| { files.set(Vec::new()); state.tell(tr("The files have been forgotten.")); }>{tr("Forget these files")}</button>
                </div>
            </div>
            {summary}
        </section>
    }
}
