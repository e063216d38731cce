//! Where a widget's tab was, kept in the tab's session storage (not the URL: an embedded widget
//! leaves the host page's address alone), so that a reload or a crash comes back to it.

use std::fmt;
use std::str::FromStr;

/// A place worth coming back to after a reload. The start screen is no place: nothing is kept for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A rater's questions, through the invitation link's payload they were opened with.
    Invitation(String),
    /// The questions of the attempt in progress on the set with this id.
    Answer(String),
    /// The review of the attempt in progress on the set with this id.
    Review(String),
    /// The results of the completed attempt with this id.
    Results(String),
    /// The roadmap of a completed attempt (its id) against a role (its index).
    Roadmap(String, usize),
    History,
    /// The team view (its files are not kept: it comes back empty).
    Team,
    /// The person's goals and notes.
    Progress,
}

/// As kept: `answer/<set>`, `review/<set>`, `results/<attempt>`, `roadmap/<attempt>/<role>`,
/// `history`, `team`, `progress`, `invitation/<payload>`. Set and attempt ids never hold a `/` (ids are
/// `[a-z0-9-]`, attempt ids add digits and `-`); an invitation's payload is base64url.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Invitation(payload) => write!(f, "invitation/{payload}"),
            Place::Answer(set) => write!(f, "answer/{set}"),
            Place::Review(set) => write!(f, "review/{set}"),
            Place::Results(attempt) => write!(f, "results/{attempt}"),
            Place::Roadmap(attempt, role) => write!(f, "roadmap/{attempt}/{role}"),
            Place::History => f.write_str("history"),
            Place::Team => f.write_str("team"),
            Place::Progress => f.write_str("progress"),
        }
    }
}

/// A kept value this version could not have written (another version's, or damaged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownPlace;

impl FromStr for Place {
    type Err = UnknownPlace;

    fn from_str(kept: &str) -> Result<Place, UnknownPlace> {
        let (kind, rest) = kept.split_once('/').unwrap_or((kept, ""));
        let named = |id: &str| if id.is_empty() { Err(UnknownPlace) } else { Ok(id.to_owned()) };
        match kind {
            "invitation" => named(rest).map(Place::Invitation),
            "answer" => named(rest).map(Place::Answer),
            "review" => named(rest).map(Place::Review),
            "results" => named(rest).map(Place::Results),
            "roadmap" => {
                let (attempt, role) = rest.split_once('/').ok_or(UnknownPlace)?;
                Ok(Place::Roadmap(named(attempt)?, role.parse().map_err(|_| UnknownPlace)?))
            }
            "history" if rest.is_empty() => Ok(Place::History),
            "team" if rest.is_empty() => Ok(Place::Team),
            "progress" if rest.is_empty() => Ok(Place::Progress),
            _ => Err(UnknownPlace),
        }
    }
}
