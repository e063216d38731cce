//! One person's attempt at a question set, as plain data: its answers, pages, progress and time
//! left, and how two completed results compare. The widget's state is built from these.

use crate::model::{Context, QuestionSet, Rater, Response, Responses, ResultDocument};
use crate::scoring::Report;

/// An attempt in progress or completed. Its pages are the set's [`pages`].
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
    /// The page the person is on (an index into the set's [`pages`]).
    pub page: usize,
    /// Set when these are a rater's answers about someone else (their id is the invitation's).
    pub rater: Option<Rater>,
    /// The person's situation as they gave it when they began, written into the result.
    pub context: Context,
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
            context: Context::default(),
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
            page: page.min(page_count(set).saturating_sub(1)),
            rater: document.rater.clone(),
            context: document.context,
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
        document.context = self.context;
        document
    }

    /// Records an answer given at `at` (milliseconds since the epoch). "Untested" on a question that
    /// does not offer it (a scenario: anyone can say what they would do) is not recorded.
    pub fn answer(&mut self, set: &QuestionSet, question: usize, response: Response, at: f64) {
        let offered =
            response != Response::Untested || set.questions.get(question).is_some_and(|q| q.offers_untested());
        if !offered {
            return;
        }
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

/// The most questions a page shows. A longer dimension is spread over several pages of nearly
/// equal length, so that a page of a 1,000-question set draws and answers as quickly as a page of
/// the bundled sets (whose dimensions, at most 12 questions long, keep one page each).
pub const MAX_PAGE_QUESTIONS: usize = 25;

/// One page of a set: a run of one dimension's questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub dimension: usize,
    /// Which of its dimension's pages this is (from 0), of how many.
    pub part: usize,
    pub parts: usize,
    /// The questions' indices, in set order.
    pub questions: Vec<usize>,
}

/// The set's pages: its dimensions in declared order, each over as few pages as
/// [`MAX_PAGE_QUESTIONS`] allows, evenly filled (30 questions make two pages of 15, not 25 and 5).
pub fn pages(set: &QuestionSet) -> Vec<Page> {
    let mut pages = Vec::with_capacity(set.dimensions.len());
    for dimension in 0..set.dimensions.len() {
        let questions: Vec<usize> =
            (0..set.questions.len()).filter(|&i| set.questions[i].dimension == dimension).collect();
        let parts = questions.len().div_ceil(MAX_PAGE_QUESTIONS).max(1);
        // The first `longer` parts take one question more than the rest.
        let (length, longer) = (questions.len() / parts, questions.len() % parts);
        let mut start = 0;
        for part in 0..parts {
            let end = start + length + usize::from(part < longer);
            pages.push(Page { dimension, part, parts, questions: questions[start..end].to_vec() });
            start = end;
        }
    }
    pages
}

/// How many pages the set has.
pub fn page_count(set: &QuestionSet) -> usize {
    pages(set).len()
}

/// The page the question at `index` is on (the first page for an index past the set's questions).
pub fn page_of(set: &QuestionSet, index: usize) -> usize {
    pages(set).iter().position(|page| page.questions.contains(&index)).unwrap_or(0)
}

/// The page that is part `part` of dimension `dimension`: the dimension's last part if it has
/// fewer, the last page for a dimension past the set's.
pub fn page_at(set: &QuestionSet, dimension: usize, part: usize) -> usize {
    let pages = pages(set);
    let last_of_dimension =
        pages.iter().rposition(|page| page.dimension == dimension.min(set.dimensions.len().saturating_sub(1)));
    let exact = pages.iter().position(|page| page.dimension == dimension && page.part == part);
    exact.or(last_of_dimension).unwrap_or(0)
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
