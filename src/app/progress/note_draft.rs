//! The form for a new note as the screen shares it: a goal's "Add a note" and the roadmap's fill in
//! its goal and dimensions and take the person to its text.

use leptos::prelude::*;

use crate::app::plumbing::ElementRef;

/// What the form for a new note is for, before it is written.
#[derive(Clone, Copy)]
pub struct NoteDraft {
    /// The id of the goal it is for; empty for none.
    pub goal: RwSignal<String>,
    /// The ids of the dimensions it shows.
    pub dimensions: RwSignal<Vec<String>>,
    /// Its text field, where "Add a note" takes focus.
    pub text_field: ElementRef,
}

impl NoteDraft {
    /// A draft for the dimension `dimension_id`, if any, and no goal.
    pub fn new(dimension_id: Option<String>) -> NoteDraft {
        NoteDraft {
            goal: RwSignal::new(String::new()),
            dimensions: RwSignal::new(dimension_id.into_iter().collect()),
            text_field: ElementRef::new(),
        }
    }

    /// A note for the goal `goal_id` of the dimension `dimension_id`: chosen in the form, and
    /// focus on its text.
    pub fn for_goal(self, goal_id: &str, dimension_id: &str) {
        self.goal.set(goal_id.to_owned());
        self.dimensions.set(vec![dimension_id.to_owned()]);
        self.text_field.focus();
    }
}
