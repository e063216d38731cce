//! The development plan: order, strengths, "to assess", the 30/60/90-day plan and its dates.

mod common;

use altitude::scoring::{development_plan, score};
use common::{base_set, load, responses};
use serde_json::json;

// Base set (see tests/common): tech (weight 1), people (weight 2); manager targets tech 60, people 80;
// lead targets tech 70, people 50. Guidance exists for people only.

fn guided_set() -> serde_json::Value {
    let mut value = base_set();
    value["guidance"]["tech"] = json!({
        "summary": "Think in systems.",
        "skills": ["Design reviews"],
        "practices": ["Write a decision record each week", "Review one design a week"],
        "projects": ["Lead a migration"],
        "reading": [{"title": "Accelerate", "author": "Nicole Forsgren, Jez Humble and Gene Kim"}]
    });
    value["guidance"]["people"]["practices"] = json!(["Hold weekly one-on-ones"]);
    value["guidance"]["people"]["projects"] = json!(["Coach a new lead"]);
    value
}

#[test]
fn focus_areas_follow_the_report_with_their_material_and_reasons() {
    let set = load(&guided_set());
    // tech 16.67, people 25 (see tests/scoring.rs); manager: people gap 55 ×2 first, then tech 43.33.
    let report = score(&set, &responses(&set, json!({"t1": 1, "t2": 4, "p1": "a", "p2": 3})), 1);
    let plan = development_plan(&set, &report, Some("2026-11-21T10:14:31Z"));
    let names: Vec<&str> = plan.focus_areas.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["People leadership", "Technical strategy"]);
    assert_eq!(plan.focus_areas[0].why, "You scored 25 in People leadership; the Engineering Manager target is 80, so you are 55 points short. This is your largest gap, so it comes first.");
    assert_eq!(plan.focus_areas[1].guidance.reading[0].title, "Accelerate");
    assert!(plan.strengths.is_empty());
    assert!(plan.to_assess.is_empty());
    assert_eq!(plan.role_name, "Engineering Manager");
    assert_eq!(plan.completed_on.as_deref(), Some("2026-11-21"));
}

#[test]
fn milestones_are_dated_from_completion_and_drawn_from_the_top_areas() {
    let set = load(&guided_set());
    let report = score(&set, &responses(&set, json!({"t1": 1, "t2": 4, "p1": "a", "p2": 3})), 1);
    let plan = development_plan(&set, &report, Some("2026-11-21T23:30:00-05:00"));
    // 23:30 at UTC−5 is 04:30 on the 22nd in UTC; dates count from there.
    let dates: Vec<_> = plan.milestones.iter().map(|m| (m.day, m.date.clone().unwrap())).collect();
    assert_eq!(dates, [(30, "2026-12-22".to_owned()), (60, "2027-01-21".to_owned()), (90, "2027-02-20".to_owned())]);
    let first: Vec<&str> = plan.milestones[0].items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        first,
        ["Hold weekly one-on-ones (People leadership)", "Write a decision record each week (Technical strategy)"]
    );
    let second: Vec<&str> = plan.milestones[1].items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        second,
        [
            "Have this project under way: Coach a new lead (People leadership)",
            "Read The Manager's Path by Camille Fournier (People leadership)"
        ]
    );
    assert!(plan.milestones[2].items[0]
        .text
        .starts_with("Take the Base set assessment again against Engineering Manager"));
    let keys: std::collections::HashSet<_> =
        plan.milestones.iter().flat_map(|m| m.items.iter().map(|i| i.key.clone())).collect();
    assert_eq!(keys.len(), 5, "item keys are unique");
}

#[test]
fn strengths_and_dimensions_to_assess() {
    let mut value = guided_set();
    value["min_coverage"] = json!(1);
    let set = load(&value);
    // tech fully answered at the top (t1 = 5, t2 reversed 1): 100, beyond both targets; people half answered: no score.
    let report = score(&set, &responses(&set, json!({"t1": 5, "t2": 1, "p1": "b"})), 0);
    let plan = development_plan(&set, &report, None);
    assert_eq!(plan.strengths.len(), 1);
    assert_eq!(plan.strengths[0].name, "Technical strategy");
    assert_eq!(plan.to_assess, ["People leadership"]);
    assert!(plan.focus_areas.is_empty(), "a dimension without a score is not planned");
    assert!(plan.milestones.iter().all(|m| m.date.is_none()), "no completion date, no milestone dates");
    assert!(plan.milestones[0].items.is_empty() && plan.milestones[1].items.is_empty());
}

#[test]
fn a_set_without_guidance_still_gets_a_plan() {
    let mut value = base_set();
    value.as_object_mut().unwrap().remove("guidance");
    let set = load(&value);
    let report = score(&set, &responses(&set, json!({"t1": 1, "t2": 4, "p1": "a", "p2": 3})), 1);
    let plan = development_plan(&set, &report, Some("2026-11-21T10:00:00Z"));
    assert_eq!(plan.focus_areas.len(), 2);
    assert!(plan.focus_areas.iter().all(|f| f.guidance == altitude::model::Guidance::default()));
    assert_eq!(
        plan.milestones[0].items[0].text,
        "Choose one weekly habit that would move your People leadership score, and keep it for a month."
    );
    assert_eq!(plan.milestones[1].items.len(), 1, "a stretch assignment, and no book when there is none");
}

// Format 2 (common::base_set_2): guidance for tech gives summary, first_step, conversation, signal and
// practices; role_guidance for manager/tech gives its own first_step and skills.

#[test]
fn role_guidance_is_used_key_by_key_with_the_general_guidance_for_the_rest() {
    let set = load(&common::base_set_2());
    // tech 0 (t1 1, t2 5 reversed, t3 own), people 87.5: tech is the focus for both roles.
    let answers = responses(&set, json!({"t1": 1, "t2": 5, "t3": "own", "p1": "b", "p2": 5}));
    let manager = development_plan(&set, &score(&set, &answers, 1), None);
    let tech = &manager.focus_areas[0];
    assert_eq!(tech.name, "Technical strategy");
    assert_eq!(tech.guidance.first_step.as_deref(), Some("Ask to own a cross-team design."), "the role's own");
    assert_eq!(tech.guidance.skills, ["Delegating design"], "the role's own");
    assert_eq!(tech.guidance.conversation.as_deref(), Some("Ask your lead what a strong design looks like."));
    assert_eq!(tech.guidance.signal.as_deref(), Some("Others reuse your designs."));
    assert_eq!(tech.guidance.summary.as_deref(), Some("Set direction."));
    assert_eq!(tech.guidance.practices, ["Review designs weekly"]);
    assert_eq!(manager.milestones[0].items[0].text, "Ask to own a cross-team design. (Technical strategy)");
    assert_eq!(
        manager.milestones[2].items[1].text,
        "Check for this sign that it is working: Others reuse your designs. (Technical strategy)"
    );

    let lead = development_plan(&set, &score(&set, &answers, 0), None);
    assert_eq!(
        lead.focus_areas[0].guidance.first_step.as_deref(),
        Some("Write a one-page design."),
        "no role guidance: the general"
    );
    assert!(lead.focus_areas[0].guidance.skills.is_empty());
}

#[test]
fn untested_questions_become_chances_to_ask_for() {
    let set = load(&common::base_set_2());
    let answers = responses(&set, json!({"t1": "untested", "t2": 5, "t3": "untested", "p1": "b", "p2": "untested"}));
    let plan = development_plan(&set, &score(&set, &answers, 1), None);
    let chances: Vec<(usize, &str)> = plan.get_the_chance.iter().map(|c| (c.question, c.dimension.as_str())).collect();
    assert_eq!(chances, [(0, "Technical strategy"), (3, "People leadership"), (4, "Technical strategy")], "set order");
    assert_eq!(plan.get_the_chance[0].text, "Ask your manager for a chance to show this: “I write design documents”");
    let day_60: Vec<&str> = plan.milestones[1].items.iter().map(|i| i.key.as_str()).collect();
    assert!(day_60.contains(&"day-60-chance-t1"), "{day_60:?}");
    let tried = development_plan(&set, &score(&set, &responses(&set, json!({"t1": 2, "p1": "b"})), 1), None);
    assert!(tried.get_the_chance.is_empty());
}
