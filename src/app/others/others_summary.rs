//! The others' view beside the person's own: per dimension their score, everyone's mean and each
//! group large enough to show, then blind spots, hidden strengths and the ladders where the person
//! and others see a different rung. Never one rater's answers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::display::whole;
use crate::i18n::{msg, tr, trf, trn};
use crate::model::{QuestionSet, Relationship, Responses};
use crate::scoring::verdict::short_wording;
use crate::scoring::{ladder_gaps, OthersView, Report};

/// The column heading of a relationship's group, and the group in a sentence (English, each looked
/// up with `tr`).
fn group_name(relationship: Relationship) -> (&'static str, &'static str) {
    match relationship {
        Relationship::Manager => (msg("Manager"), msg("your manager")),
        Relationship::Peer => (msg("Peers"), msg("peers")),
        Relationship::Report => (msg("Reports"), msg("people who report to you")),
        Relationship::Other => (msg("Others invited"), msg("others you invited")),
    }
}

/// "1 manager, 3 peers": who replied, counted by relationship.
fn who_replied(counts: &[(Relationship, usize)]) -> String {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|&(relationship, n)| match relationship {
            Relationship::Manager => trn(n, "{n} manager", "{n} managers", &[]),
            Relationship::Peer => trn(n, "{n} peer", "{n} peers", &[]),
            Relationship::Report => trn(n, "{n} person who reports to you", "{n} people who report to you", &[]),
            Relationship::Other => trn(n, "{n} other person", "{n} other people", &[]),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "your manager and peers": the groups, each pair joined by a message of its own (a translation
/// may say "and" its own way, or put it elsewhere).
fn and_list(items: &[String]) -> String {
    let mut items = items.iter();
    let first = items.next().cloned().unwrap_or_default();
    items.fold(first, |list, item| trf("{first} and {second}", &[&list, item]))
}

fn score_text(score: Option<f64>) -> String {
    score.map_or_else(|| "—".to_owned(), whole)
}

/// The others' view of `set`'s person, whose own report is `own` (from `responses`); `counts` says
/// how many replied in each relationship.
pub fn others_summary(
    set: Arc<QuestionSet>,
    responses: Responses,
    own: Memo<Report>,
    view: Memo<Option<OthersView>>,
    counts: Signal<Vec<(Relationship, usize)>>,
) -> impl IntoView {
    move || {
        let Some(others) = view.get() else {
            return view! { <p>{tr("No one has replied yet. Their view appears here, beside yours, as replies come in.")}</p> }
                .into_any();
        };
        let counts = counts.get();
        let groups: Vec<(Relationship, Vec<Option<f64>>)> =
            others.by_relationship.iter().map(|(r, scores)| (*r, scores.iter().map(|s| s.score).collect())).collect();
        let hidden: Vec<String> = counts
            .iter()
            .filter(|(r, n)| *n > 0 && !groups.iter().any(|(g, _)| g == r))
            .map(|(r, _)| tr(group_name(*r).1))
            .collect();
        let total = others.raters;
        let rows = own.with(|own| {
            own.dimensions
                .iter()
                .enumerate()
                .map(|(d, row)| {
                    let everyone = &others.dimensions[d];
                    let mean = match everyone.score {
                        Some(score) if everyone.raters < total => trf(
                            "{score} ({raters} of {total})",
                            &[&whole(score), &everyone.raters.to_string(), &total.to_string()],
                        ),
                        score => score_text(score),
                    };
                    let group_cells = groups
                        .iter()
                        .map(|(r, scores)| view! { <td data-label=tr(group_name(*r).0)>{score_text(scores[d])}</td> })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{row.name.clone()}</th>
                            <td data-label=tr("You")>{score_text(row.score)}</td>
                            <td data-label=tr("Everyone who replied")>{mean}</td>
                            {group_cells}
                        </tr>
                    }
                })
                .collect_view()
        });
        let group_headings =
            groups.iter().map(|(r, _)| view! { <th scope="col">{tr(group_name(*r).0)}</th> }).collect_view();
        let hidden_note = (!hidden.is_empty()).then(|| {
            view! {
                <p class="note">{trf(
                    "Replies from {groups} count in “Everyone who replied” but are not shown as a group until at least 3 have replied. With few replies one person's view can still show through: please don't try to work out who said what.",
                    &[&and_list(&hidden)],
                )}</p>
            }
        });
        let gaps = |dimensions: &[usize], own: &Report| -> Vec<String> {
            dimensions
                .iter()
                .map(|&d| {
                    trf(
                        "{dimension}: you {own}, others {others}",
                        &[
                            &set.dimensions[d].name,
                            &score_text(own.dimensions[d].score),
                            &score_text(others.dimensions[d].score),
                        ],
                    )
                })
                .collect()
        };
        let (blind, hidden_strengths) =
            own.with(|own| (gaps(&others.blind_spots, own), gaps(&others.hidden_strengths, own)));
        let list = |items: Vec<String>| {
            view! { <ul>{items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}</ul> }
        };
        let ladders = ladder_gaps(&set, &responses, &others);
        let ladder_list = |above: bool| -> Vec<String> {
            ladders
                .iter()
                .filter(|l| l.above_others == above)
                .map(|l| {
                    trf(
                        "“{question}”: you chose “{own}”; others place you nearer “{others}”",
                        &[&short_wording(&set, l.question), &l.own, &l.others],
                    )
                })
                .collect()
        };
        let (above, below) = (ladder_list(true), ladder_list(false));
        let ladders_view = view! {
            {(!above.is_empty()).then(|| view! {
                <h4>{tr("Where you claim a rung more than others see")}</h4>
                <p>{tr("On these ladders you placed yourself at least one rung above where the people who replied place you. Your roadmap turns each into a conversation.")}</p>
                {list(above)}
            })}
            {(!below.is_empty()).then(|| view! {
                <h4>{tr("Where others see a rung more than you claim")}</h4>
                {list(below)}
            })}
        };
        let perception = if blind.is_empty() && hidden_strengths.is_empty() {
            view! { <p>{tr("Your view and theirs are within 10 points of each other in every dimension.")}</p> }
                .into_any()
        } else {
            view! {
                {(!blind.is_empty()).then(|| view! {
                    <h4>{tr("Blind spots")}</h4>
                    <p>{tr("You rate yourself at least 10 points above how they see you here. It can also mean they have not seen that part of your work; the conversation your roadmap starts with will tell you which.")}</p>
                    {list(blind)}
                })}
                {(!hidden_strengths.is_empty()).then(|| view! {
                    <h4>{tr("Hidden strengths")}</h4>
                    <p>{tr("They rate you at least 10 points above your own view here.")}</p>
                    {list(hidden_strengths)}
                })}
            }
            .into_any()
        };
        let few = (total < 3).then(|| {
            view! { <p class="note">{tr("With fewer than 3 replies, this is one or two people's view: a start for a conversation, not a verdict.")}</p> }
        });
        view! {
            <p>{trn(total, "{n} person has replied: {who}.", "{n} people have replied: {who}.", &[&who_replied(&counts)])}</p>
            {few}
            <table class="scores others">
                <caption>{tr("Your view and others' view")}</caption>
                <thead><tr>
                    <th scope="col">{tr("Dimension")}</th><th scope="col">{tr("You")}</th><th scope="col">{tr("Everyone who replied")}</th>
                    {group_headings}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {hidden_note}
            {perception}
            {ladders_view}
        }
        .into_any()
    }
}
