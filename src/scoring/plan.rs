//! The personal development plan: focus areas with their material (the role's own guidance where the
//! set gives it), strengths, dimensions still to assess, "get the chance" items for what the person has
//! not had the chance to do yet, a 30/60/90-day plan dated from the result's completion, the facets
//! the answers fit, and, once others have given their view, the blind spots and the ladders where
//! the person and others part by a rung, each a conversation to have, and the hidden strengths.
//! Plain data, shared by the roadmap screen, its printout and any future export.

use crate::display::whole;
use crate::i18n::{tr, trf, trn};
use crate::model::{timestamp, Guidance, Organisation, QuestionKind, QuestionSet, Response, Responses};
use crate::scoring::{OthersView, Report};

/// How many practices the first 30 days start with.
const FIRST_MONTH_PRACTICES: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct DevelopmentPlan {
    pub set_title: String,
    pub role_name: String,
    /// `YYYY-MM-DD`, when the result says when it was completed.
    pub completed_on: Option<String>,
    /// In the spec's focus order: largest weighted gap first.
    pub focus_areas: Vec<FocusArea>,
    /// Dimensions at or above the role's target.
    pub strengths: Vec<Strength>,
    /// Names of dimensions without enough answers for a score: not planned from guesswork.
    pub to_assess: Vec<String>,
    /// Questions answered "untested", in set order: something to ask for, not something to fix.
    pub get_the_chance: Vec<ChanceItem>,
    /// Day 30, 60 and 90.
    pub milestones: Vec<Milestone>,
    /// Dimensions the person rates at least 10 points above the others' view: focus first, with
    /// the conversation to have (empty until raters have replied).
    pub blind_spots: Vec<PerceptionGap>,
    /// Dimensions others rate at least 10 points above the person's own view.
    pub hidden_strengths: Vec<PerceptionGap>,
    /// Ladders where the person claims at least a rung more, or less, than others see, in set
    /// order, each with the conversation to have (empty until raters have replied).
    pub ladders: Vec<LadderGap>,
    /// The size of the person's organisation, when they gave it: what the verdict is relative to.
    pub organisation: Option<Organisation>,
    /// The set's facets with their scores, those the answers fit marked (empty when it has none).
    pub facets: Vec<FacetLine>,
}

/// A facet of the set as the plan shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetLine {
    pub name: String,
    pub description: Option<String>,
    pub score: Option<f64>,
    /// Among the facets the answers fit best.
    pub fit: bool,
}

/// A ladder where the person's own rung and the rung others see differ by at least one.
#[derive(Debug, Clone, PartialEq)]
pub struct LadderGap {
    /// Index into the set's questions.
    pub question: usize,
    /// True when the person claims more than others see; false when others see more.
    pub above_others: bool,
    /// The rung the person chose, in its own words.
    pub own: String,
    /// The rung nearest to what others see.
    pub others: String,
}

impl LadderGap {
    /// What to do about it, in plain words (the roadmap's; the results list the rungs alone).
    pub fn conversation(&self, set: &QuestionSet) -> String {
        let wording = crate::scoring::verdict::short_wording(set, self.question);
        if self.above_others {
            trf(
                "On “{question}” you chose “{own}”; others place you nearer “{others}”. Ask your manager, or \
                 someone who sees this work, for a recent example at the level you chose, and what would have \
                 made it count as that to them.",
                &[&wording, &self.own, &self.others],
            )
        } else {
            trf(
                "On “{question}” you chose “{own}”; others place you nearer “{others}”. Ask someone who sees \
                 this work what they have seen you do at that level: you may be selling it short.",
                &[&wording, &self.own, &self.others],
            )
        }
    }
}

/// Where the person's own score and others' view of them part by 10 points or more.
#[derive(Debug, Clone, PartialEq)]
pub struct PerceptionGap {
    pub dimension_id: String,
    pub name: String,
    pub own: f64,
    pub others: f64,
    /// How many raters' scores the others' score is the mean of.
    pub raters: usize,
    /// What to do about it, in plain words.
    pub conversation: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FocusArea {
    pub dimension_id: String,
    pub name: String,
    pub score: f64,
    pub target: f64,
    /// Why it matters for the target role, in plain words.
    pub why: String,
    /// The set's material for the dimension and the target role: `role_guidance` key by key, then
    /// `guidance` (empty when the set has none). Its `first_step`, `conversation` and `signal` say
    /// what to do this week, whom to ask, and how to tell it is working.
    pub guidance: Guidance,
}

/// A question the person has not had the chance to show yet.
#[derive(Debug, Clone, PartialEq)]
pub struct ChanceItem {
    /// Index into the set's questions.
    pub question: usize,
    /// The dimension's name.
    pub dimension: String,
    /// What to ask for, in plain words.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    pub name: String,
    pub score: f64,
    pub target: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// 30, 60 or 90.
    pub day: u32,
    /// `YYYY-MM-DD`: the completion date plus `day` days.
    pub date: Option<String>,
    pub title: String,
    pub items: Vec<PlanItem>,
}

/// One thing to do. Its `key` is stable for the same result, so a ticked box stays ticked.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItem {
    pub key: String,
    pub text: String,
}

/// Builds the plan for `report` (scored against its role) of `set`, completed at `completed_at`.
pub fn development_plan(set: &QuestionSet, report: &Report, completed_at: Option<&str>) -> DevelopmentPlan {
    let role_name = set.roles[report.role].name.clone();
    let completed = completed_at.and_then(timestamp::parse_rfc3339);

    let focus_areas: Vec<FocusArea> = report
        .focus
        .iter()
        .enumerate()
        .filter_map(|(rank, &d)| {
            let row = &report.dimensions[d];
            let (score, gap) = (row.score?, row.gap?);
            Some(FocusArea {
                dimension_id: set.dimensions[d].id.clone(),
                name: row.name.clone(),
                score,
                target: row.target,
                why: why_it_matters(&row.name, &role_name, score, row.target, gap, rank),
                guidance: set.guidance_for(report.role, d),
            })
        })
        .collect();

    let strengths = report
        .dimensions
        .iter()
        .filter_map(|row| Some((row, row.score?, row.gap?)))
        .filter(|(_, _, gap)| *gap <= 0.0)
        .map(|(row, score, _)| Strength { name: row.name.clone(), score, target: row.target })
        .collect();
    let to_assess = report.dimensions.iter().filter(|row| row.score.is_none()).map(|row| row.name.clone()).collect();
    // In set order: each dimension's list is in set order, so walking the questions needs no sort.
    let get_the_chance: Vec<ChanceItem> = set
        .questions
        .iter()
        .enumerate()
        .filter(|(q, question)| report.dimensions[question.dimension].untested.contains(q))
        .map(|(q, question)| ChanceItem {
            question: q,
            dimension: set.dimensions[question.dimension].name.clone(),
            text: trf(
                "Ask your manager for a chance to show this: “{question}”",
                &[question.text.trim_end_matches(['.', ' '])],
            ),
        })
        .collect();

    let date_after = |days: i64| completed.map(|t| timestamp::format_date(t + days * 86_400));
    let milestones = vec![
        Milestone { day: 30, date: date_after(30), title: tr("Start new habits"), items: first_month(&focus_areas) },
        Milestone {
            day: 60,
            date: date_after(60),
            title: tr("Put it into practice"),
            items: second_month(set, &focus_areas, &get_the_chance),
        },
        Milestone {
            day: 90,
            date: date_after(90),
            title: tr("Measure the change"),
            items: std::iter::once(PlanItem {
                key: "day-90-retake".to_owned(),
                text: trf(
                    "Take the {set} assessment again against {role} and compare it with this result.",
                    &[&set.title, &role_name],
                ),
            })
            .chain(signals(&focus_areas))
            .collect(),
        },
    ];

    DevelopmentPlan {
        set_title: set.title.clone(),
        role_name,
        completed_on: date_after(0),
        focus_areas,
        strengths,
        to_assess,
        get_the_chance,
        milestones,
        blind_spots: Vec::new(),
        hidden_strengths: Vec::new(),
        ladders: Vec::new(),
        organisation: report.context.organisation,
        facets: set
            .facets
            .iter()
            .zip(&report.facets)
            .map(|(facet, scored)| FacetLine {
                name: facet.name.clone(),
                description: facet.description.clone(),
                score: scored.score,
                fit: report.fit.contains(&scored.facet),
            })
            .collect(),
    }
}

/// `plan` with the others' view of `report`'s person (who gave `responses`): its blind spots come
/// first, each with the conversation to have in the first 30 days, then the ladders where the person
/// and others part by a rung, and the hidden strengths.
pub fn with_others(
    mut plan: DevelopmentPlan,
    set: &QuestionSet,
    report: &Report,
    responses: &Responses,
    view: &OthersView,
) -> DevelopmentPlan {
    // Each dimension listed in `dimensions` with both scores, and what to do about it in `words`
    // (given the dimension's name, the person's own score, the others' and how many replied).
    let gaps = |dimensions: &[usize], words: &dyn Fn(&str, &str, &str, usize) -> String| -> Vec<PerceptionGap> {
        dimensions
            .iter()
            .filter_map(|&d| {
                let rated = view.dimensions.get(d)?;
                let (own, others, raters) = (report.dimensions.get(d)?.score?, rated.score?, rated.raters);
                let name = set.dimensions[d].name.clone();
                let conversation = words(&name, &whole(own), &whole(others), raters);
                Some(PerceptionGap {
                    dimension_id: set.dimensions[d].id.clone(),
                    name,
                    own,
                    others,
                    raters,
                    conversation,
                })
            })
            .collect()
    };
    // Never "ask them how they scored you": replies are not to be traced back to their authors. One
    // person who replied "rates you", several "average": each a form of the count of raters.
    plan.blind_spots = gaps(&view.blind_spots, &|name, own, others, raters| {
        trn(
            raters,
            "You rate yourself {own} in {dimension}; the person who replied rates you {others}. Pick two people \
             who see this part of your work, whether or not they replied, and ask each: “What is one thing I \
             could do more of, or differently, here?” Ask for an example, listen, and thank them; do not ask \
             how they scored you.",
            "You rate yourself {own} in {dimension}; the {n} people who replied average {others}. Pick two people \
             who see this part of your work, whether or not they replied, and ask each: “What is one thing I \
             could do more of, or differently, here?” Ask for an example, listen, and thank them; do not ask \
             how they scored you.",
            &[own, name, others],
        )
    });
    plan.hidden_strengths = gaps(&view.hidden_strengths, &|name, own, others, raters| {
        trn(
            raters,
            "In {dimension}, the person who replied rates you {others}, above your own {own}. Ask someone who \
             sees this work what they see you do well here, and lean on it on purpose.",
            "In {dimension}, the {n} people who replied average {others}, above your own {own}. Ask someone who \
             sees this work what they see you do well here, and lean on it on purpose.",
            &[name, others, own],
        )
    });
    // The set's own suggestion for the conversation about the dimension, where it has one.
    for gap in &mut plan.blind_spots {
        if let Some(d) = set.dimensions.iter().position(|dimension| dimension.id == gap.dimension_id) {
            if let Some(conversation) = set.guidance_for(report.role, d).conversation {
                gap.conversation =
                    trf("{conversation} For this role, also: {suggestion}", &[&gap.conversation, &conversation]);
            }
        }
    }
    if let Some(first_month) = plan.milestones.iter_mut().find(|m| m.day == 30) {
        let talks = plan.blind_spots.iter().map(|spot| PlanItem {
            key: format!("day-30-{}-others", spot.dimension_id),
            text: trf(
                "Have the conversation about how others see your {dimension} (you rated yourself {own}; others' \
                 average {others}).",
                &[&spot.name, &whole(spot.own), &whole(spot.others)],
            ),
        });
        let mut items: Vec<PlanItem> = talks.collect();
        items.append(&mut first_month.items);
        first_month.items = items;
    }
    plan.ladders = ladder_gaps(set, responses, view);
    plan
}

/// The ladders of `view.above_others` and `view.below_others`, in set order: the rung the person
/// chose and the one nearest to what others see (for the results and the roadmap).
pub fn ladder_gaps(set: &QuestionSet, responses: &Responses, view: &OthersView) -> Vec<LadderGap> {
    set.questions
        .iter()
        .enumerate()
        .filter_map(|(q, question)| {
            let above_others = view.above_others.contains(&q);
            if !above_others && !view.below_others.contains(&q) {
                return None;
            }
            let QuestionKind::Level { options } = &question.kind else { return None };
            let Some(Some(Response::Option(chosen))) = responses.0.get(q) else { return None };
            let own = options.get(*chosen)?;
            let others_value = view.ladder_values.iter().find(|(question, _)| *question == q)?.1;
            // The rung nearest to what others see among those on their side of the person's own
            // (below it when the person claims more, above it when less), so it is never the rung
            // the person chose; the lower one on a tie, within the tolerance.
            let nearest = options
                .iter()
                .filter(|o| if above_others { o.score < own.score } else { o.score > own.score })
                .fold(None::<&crate::model::ChoiceOption>, |best, option| match best {
                    Some(best)
                        if (best.score - others_value).abs()
                            <= (option.score - others_value).abs() + crate::scoring::report::TOLERANCE =>
                    {
                        Some(best)
                    }
                    _ => Some(option),
                })?;
            Some(LadderGap { question: q, above_others, own: own.text.clone(), others: nearest.text.clone() })
        })
        .collect()
}

/// The gap in plain words: where the person stands, what the role expects, and how it ranks.
fn why_it_matters(name: &str, role: &str, score: f64, target: f64, gap: f64, rank: usize) -> String {
    let place = match rank {
        0 => tr("This is your largest gap, so it comes first."),
        1 => tr("It is your second priority."),
        n => trf("It is priority {rank} of your focus areas.", &[&(n + 1).to_string()]),
    };
    trf(
        "You scored {score} in {dimension}; the {role} target is {target}, so you are {short}. {priority}",
        &[&whole(score), name, role, &whole(target), &crate::display::points_short(gap), &place],
    )
}

/// Days 1–30: each focus area's first step where the set gives one, then the first practice of each
/// of the top focus areas, then further practices of the top area, up to a few in all.
fn first_month(focus: &[FocusArea]) -> Vec<PlanItem> {
    let mut items = Vec::new();
    let mut add = |area: &FocusArea, what: &str, text: &str| {
        if items.len() < FIRST_MONTH_PRACTICES {
            items.push(PlanItem {
                key: format!("day-30-{}-{what}", area.dimension_id),
                text: trf("{item} ({dimension})", &[text, &area.name]),
            });
        }
    };
    for area in focus {
        if let Some(step) = &area.guidance.first_step {
            add(area, "first-step", step);
        }
    }
    for area in focus {
        if let Some(practice) = area.guidance.practices.first() {
            add(area, "practice-0", practice);
        }
    }
    if let Some(area) = focus.first() {
        for (i, practice) in area.guidance.practices.iter().enumerate().skip(1) {
            add(area, &format!("practice-{i}"), practice);
        }
    }
    if items.is_empty() {
        if let Some(area) = focus.first() {
            items.push(PlanItem {
                key: format!("day-30-{}-habit", area.dimension_id),
                text: trf(
                    "Choose one weekly habit that would move your {dimension} score, and keep it for a month.",
                    &[&area.name],
                ),
            });
        }
    }
    items
}

/// Day 90: for each focus area whose guidance names one, the sign that the work is paying off.
fn signals(focus: &[FocusArea]) -> impl Iterator<Item = PlanItem> + '_ {
    focus.iter().filter_map(|area| {
        area.guidance.signal.as_ref().map(|signal| PlanItem {
            key: format!("day-90-{}-signal", area.dimension_id),
            text: trf("Check for this sign that it is working: {signal} ({dimension})", &[signal, &area.name]),
        })
    })
}

/// Days 31–60: one hands-on project under way and one book read, from the top focus areas, and the
/// first of the chances to ask for.
fn second_month(set: &QuestionSet, focus: &[FocusArea], chances: &[ChanceItem]) -> Vec<PlanItem> {
    let project = focus.iter().find_map(|area| area.guidance.projects.first().map(|p| (area, p)));
    let book = focus.iter().find_map(|area| area.guidance.reading.first().map(|b| (area, b)));
    let mut items = Vec::new();
    match project {
        Some((area, project)) => items.push(PlanItem {
            key: format!("day-60-{}-project", area.dimension_id),
            text: trf("Have this project under way: {project} ({dimension})", &[project, &area.name]),
        }),
        None => {
            if let Some(area) = focus.first() {
                items.push(PlanItem {
                    key: format!("day-60-{}-project", area.dimension_id),
                    text: trf(
                        "Agree with your manager or mentor on one piece of real work that stretches your {dimension}.",
                        &[&area.name],
                    ),
                });
            }
        }
    }
    if let Some((area, book)) = book {
        let text = match book.author.as_deref() {
            Some(author) => trf("Read {book} by {author} ({dimension})", &[&book.title, author, &area.name]),
            None => trf("Read {book} ({dimension})", &[&book.title, &area.name]),
        };
        items.push(PlanItem { key: format!("day-60-{}-book", area.dimension_id), text });
    }
    if let Some(chance) = chances.first() {
        items.push(PlanItem {
            key: format!("day-60-chance-{}", set.questions[chance.question].id),
            text: trf("{item} ({dimension})", &[&chance.text, &chance.dimension]),
        });
    }
    items
}
