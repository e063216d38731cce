//! One person's attempt at a question set, as plain data: its answers, pages, progress and time
//! left, and how two completed results compare. The widget's state is built from these.

use crate::model::{QuestionSet, Rater, Response, Responses, ResultDocument};
use crate::scoring::Report;

/// An attempt in progress or completed. Pages are the set's dimensions, in declared order.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    /// Stable for the attempt's whole life, in storage and in history.
    pub id: String,
    pub set_id: String,
    /// The version of the set it was begun on: it is finished on that version.
    pub set_version: String,
    /// Index into the set's roles.
    pub role: usize,
    pub started_at: String,
    pub completed_at: Option<String>,
    pub responses: Responses,
    /// When each answer was given, in milliseconds since the epoch (0 for never), indexed like the
    /// set's questions: when two tabs answer the same attempt, the newer answer wins.
    pub answered_at: Vec<f64>,
    /// The page (dimension index) the person is on.
    pub page: usize,
    /// Set when these are a rater's answers about someone else (their id is the invitation's).
    pub rater: Option<Rater>,
}

impl Attempt {
    /// A fresh attempt on the set's first page. `id` must be unique among the person's attempts.
    pub fn new(id: String, set: &QuestionSet, role: usize, started_at: String) -> Attempt {
        Attempt {
            id,
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            role,
            started_at,
            completed_at: None,
            responses: Responses::empty(set),
            answered_at: vec![0.0; set.questions.len()],
            page: 0,
            rater: None,
        }
    }

    /// Rebuilds an attempt from its result document, checked against the set.
    pub fn from_document(
        id: String,
        set: &QuestionSet,
        document: &ResultDocument,
        page: usize,
    ) -> Result<Attempt, Vec<crate::model::Problem>> {
        let responses = document.responses(set)?;
        let role = set.role_index(&document.role).unwrap_or(set.default_role);
        Ok(Attempt {
            id,
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            role,
            started_at: document.started_at.clone(),
            completed_at: document.completed_at.clone(),
            answered_at: vec![0.0; responses.0.len()],
            responses,
            page: page.min(set.dimensions.len().saturating_sub(1)),
            rater: document.rater.clone(),
        })
    }

    pub fn to_document(&self, set: &QuestionSet) -> ResultDocument {
        let mut document = ResultDocument::from_responses(
            set,
            &set.roles[self.role].id,
            &self.started_at,
            self.completed_at.as_deref(),
            &self.responses,
        );
        document.rater = self.rater.clone();
        document
    }

    /// Records an answer given at `at` (milliseconds since the epoch).
    pub fn answer(&mut self, question: usize, response: Response, at: f64) {
        if let (Some(slot), Some(time)) = (self.responses.0.get_mut(question), self.answered_at.get_mut(question)) {
            *slot = Some(response);
            *time = at;
        }
    }

    /// Folds in the same attempt as saved elsewhere (another tab): per question, the newer answer wins.
    /// A different attempt of the same set replaces this one when it was started later, since
    /// starting over elsewhere abandons this one.
    pub fn merge_from(&mut self, other: &Attempt) {
        if other.id != self.id {
            if other.started_at > self.started_at {
                *self = other.clone();
            }
            return;
        }
        for ((mine, mine_at), (theirs, theirs_at)) in self
            .responses
            .0
            .iter_mut()
            .zip(self.answered_at.iter_mut())
            .zip(other.responses.0.iter().zip(&other.answered_at))
        {
            if theirs_at > mine_at {
                *mine = *theirs;
                *mine_at = *theirs_at;
            }
        }
        // A rater who finished in another tab has finished here too.
        if self.completed_at.is_none() {
            self.completed_at.clone_from(&other.completed_at);
        }
    }

    pub fn answered(&self) -> usize {
        self.responses.answered()
    }

    /// Questions without an entry yet ("not applicable" counts as answered), in set order.
    pub fn unanswered(&self) -> Vec<usize> {
        self.responses.0.iter().enumerate().filter(|(_, r)| r.is_none()).map(|(i, _)| i).collect()
    }
}

/// The indices of the questions on a page (one dimension).
pub fn page_questions(set: &QuestionSet, page: usize) -> Vec<usize> {
    set.questions.iter().enumerate().filter(|(_, q)| q.dimension == page).map(|(i, _)| i).collect()
}

/// Whole minutes left, in proportion to the questions not yet answered; `None` when the set gives no estimate.
pub fn minutes_left(set: &QuestionSet, answered: usize) -> Option<u32> {
    let total = set.questions.len().max(1) as f64;
    let minutes = f64::from(set.estimated_minutes?);
    let left = minutes * (total - answered.min(set.questions.len()) as f64) / total;
    Some(left.ceil() as u32)
}

/// The change in each dimension's score from an earlier report to a later one of the same set
/// (`None` where either has no score), in declared order, with the dimension's name.
pub fn score_changes(earlier: &Report, later: &Report) -> Vec<(String, Option<f64>)> {
    later
        .dimensions
        .iter()
        .map(|now| {
            let before = earlier.dimensions.get(now.dimension).and_then(|d| d.score);
            (now.name.clone(), now.score.zip(before).map(|(n, b)| n - b))
        })
        .collect()
}

/// The number a question is shown with: questions are numbered page by page, in set order within a page.
pub fn question_number(set: &QuestionSet, index: usize) -> usize {
    let dimension = set.questions[index].dimension;
    let earlier_pages = set.questions.iter().filter(|q| q.dimension < dimension).count();
    let earlier_on_page = set.questions[..index].iter().filter(|q| q.dimension == dimension).count();
    earlier_pages + earlier_on_page + 1
}
