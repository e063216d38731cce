//! Others' view in the session. The person's side: invitations made on a completed attempt, and
//! replies checked against them before they join it. The rater's side: answers to an invitation,
//! kept apart from the rater's own assessments and finished into a reply.

use std::sync::Arc;

use super::{Changed, KeyValue, Session};
use crate::attempt::Attempt;
use crate::i18n::{msg, tr, trf};
use crate::model::{QuestionSet, Relationship};
use crate::others::{Invitation, Reply, ReplyLink};

/// What receiving a reply did, in words for the person; the attempt it joined (or already belongs
/// to), to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyOutcome {
    pub message: String,
    pub changed: Changed,
    pub attempt: Option<String>,
}

/// "Added the view of your manager to your results of “…”.": a sentence for each relationship, so
/// that a language can inflect who it is from.
fn added(relationship: Relationship, title: &str) -> String {
    let title = [title];
    match relationship {
        Relationship::Manager => trf("Added the view of your manager to your results of “{set}”.", &title),
        Relationship::Peer => trf("Added the view of a peer to your results of “{set}”.", &title),
        Relationship::Report => trf("Added the view of someone who reports to you to your results of “{set}”.", &title),
        Relationship::Other => trf("Added the view of someone you invited to your results of “{set}”.", &title),
    }
}

const NOT_MADE_HERE: &str = msg("it answers an invitation that was not made in this browser, or whose result was \
     deleted. Open it in the browser where you made the invitation");

/// The reply was not added, because of `why` (in the language spoken).
fn refused(why: impl Into<String>) -> ReplyOutcome {
    ReplyOutcome {
        message: trf("This reply was not added: {why}. Nothing was changed.", &[&why.into()]),
        changed: Changed::default(),
        attempt: None,
    }
}

impl<K: KeyValue> Session<K> {
    /// Adds `invitation` to the completed attempt `attempt_id` and saves it.
    pub fn invite(&mut self, attempt_id: &str, invitation: Invitation) -> Changed {
        let Some(entry) = self.history.iter_mut().find(|e| e.id == attempt_id) else { return Changed::default() };
        entry.raters.add_invitation(&invitation);
        self.save_history(&[])
    }

    /// Removes the reply to `invitation` from the completed attempt `attempt_id`. The invitation
    /// stays, shown as waiting: a reply to it (say, a corrected file from the rater) can be added again.
    pub fn remove_reply(&mut self, attempt_id: &str, invitation: &str) -> Changed {
        let Some(entry) = self.history.iter_mut().find(|e| e.id == attempt_id) else { return Changed::default() };
        entry.raters.remove_reply(invitation);
        Changed { notice: Some(tr("The reply was removed.")), ..self.save_history(&[invitation.to_owned()]) }
    }

    /// Adds `reply` to the attempt whose invitation it answers, once, after checking it against
    /// that invitation and against the set version it was made for (`set_for`: by id and version).
    pub fn receive_reply(
        &mut self,
        reply: Reply,
        set_for: impl Fn(&str, &str) -> Option<Arc<QuestionSet>>,
    ) -> ReplyOutcome {
        let Some((entry, invitation)) =
            self.history.iter().find_map(|e| Some((e, e.raters.invitation(&reply.invitation)?)))
        else {
            return refused(tr(NOT_MADE_HERE));
        };
        let document = &reply.document;
        let rater = document.rater.as_ref();
        if document.set_id != invitation.set_id
            || document.set_version != invitation.set_version
            || rater.map(|r| r.relationship) != Some(invitation.relationship)
            || rater.and_then(|r| r.for_name.as_ref()) != invitation.for_name.as_ref()
        {
            return refused(tr("it does not match the invitation it names (its assessment, or who it is from)"));
        }
        let attempt = Some(entry.id.clone());
        // A kept reply that does not read is replaced (`StoredRaters::add_reply`).
        if let Some(kept) = entry.raters.reply_to(&reply.invitation) {
            if kept.document == reply.document {
                return ReplyOutcome {
                    message: tr("This reply is already with your results."),
                    changed: Changed::default(),
                    attempt,
                };
            }
            return refused(tr(
                "a reply to this invitation was added already. Remove that one from your results first \
                 to add another",
            ));
        }
        let Some(set) =
            set_for(&invitation.set_id, &invitation.set_version).filter(|s| s.version == invitation.set_version)
        else {
            return refused(tr("the version of the assessment it answers is not available here"));
        };
        if let Err(problems) = document.responses(&set) {
            let first = problems.first().map_or_else(String::new, ToString::to_string);
            return refused(trf("its answers do not fit the assessment ({problem})", &[&first]));
        }
        let message = added(invitation.relationship, &set.title);
        let id = entry.id.clone();
        if let Some(entry) = self.history.iter_mut().find(|e| e.id == id) {
            entry.raters.add_reply(&reply);
        }
        ReplyOutcome { message, changed: self.save_history(&[]), attempt }
    }

    /// Adds the reply a reply link's `payload` carries: rebuilt against the invitation it names
    /// and that invitation's set version (`set_for`), then received like any reply.
    pub fn receive_reply_link(
        &mut self,
        payload: &str,
        set_for: impl Fn(&str, &str) -> Option<Arc<QuestionSet>>,
    ) -> ReplyOutcome {
        let link = match ReplyLink::from_payload(payload) {
            Ok(link) => link,
            Err(error) => {
                return ReplyOutcome {
                    message: trf("This reply link cannot be read: {why}. Nothing was changed.", &[&error.0]),
                    changed: Changed::default(),
                    attempt: None,
                }
            }
        };
        let Some(invitation) = self.history.iter().find_map(|e| e.raters.invitation(&link.invitation)) else {
            return refused(tr(NOT_MADE_HERE));
        };
        let Some(set) =
            set_for(&invitation.set_id, &invitation.set_version).filter(|s| s.version == invitation.set_version)
        else {
            return refused(tr("the version of the assessment it answers is not available here"));
        };
        match link.reply(&invitation, &set) {
            Ok(reply) => self.receive_reply(reply, set_for),
            Err(why) => refused(why),
        }
    }

    /// The rater's answers to `invitation` saved on this device, begun or finished.
    pub fn rating(&mut self, set: &QuestionSet, invitation: &Invitation) -> (Option<Attempt>, Changed) {
        let rater = Some(invitation.rater());
        if let Some(attempt) = self.attempt.as_ref().filter(|a| a.id == invitation.id && a.rater == rater) {
            return (Some(attempt.clone()), Changed::default());
        }
        let (saved, problem) = self.store.load_rating(set, invitation);
        // Only answers given to this very invitation: the record's own `rater` must agree with it.
        let saved = saved.filter(|a| a.rater == rater);
        (saved, self.report(problem.map_or(Ok(()), Err)))
    }

    /// Makes the rater's answers to `invitation` the attempt in progress: those saved here, else a
    /// fresh set of answers begun at `started_at`.
    pub fn begin_rating(&mut self, set: &QuestionSet, invitation: &Invitation, started_at: &str) -> Changed {
        let (saved, changed) = self.rating(set, invitation);
        let attempt = saved.unwrap_or_else(|| {
            let mut attempt = Attempt::new(invitation.id.clone(), set, set.default_role, started_at.to_owned());
            attempt.rater = Some(invitation.rater());
            attempt
        });
        changed.and(self.begin(set, attempt))
    }

    /// Finishes the rater's answers in progress at `completed_at` (once: a finished rating keeps
    /// its first time) and returns the reply to send. The answers stay saved, so that the rater can
    /// come back to the reply.
    pub fn finish_rating(&mut self, set: &QuestionSet, completed_at: &str) -> (Option<Reply>, Changed) {
        let Some(attempt) = self.attempt.as_mut().filter(|a| a.rater.is_some()) else {
            return (None, Changed::default());
        };
        attempt.completed_at.get_or_insert_with(|| completed_at.to_owned());
        let changed = self.save_attempt(set);
        let reply = self.attempt.as_ref().map(|a| Reply { invitation: a.id.clone(), document: a.to_document(set) });
        (reply, changed)
    }
}
