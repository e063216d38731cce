//! Others' view without a server: the links that carry invitations and replies (round trip,
//! tampering, truncation, oversize, bad fields), and the session's side — a rater's answers kept
//! apart, replies matched to their invitation once, removed, kept across tabs, exports and imports.

// A test runs natively and never reaches the wasm: clippy.toml's size rules are not for it.
#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use altitude::attempt::Attempt;
use altitude::model::{QuestionKind, QuestionSet, Relationship, Response};
use altitude::others::{self, link, link_in, Invitation, LinkKind, Reply, ReplyLink, MAX_PAYLOAD_CHARS};
use altitude::scoring::{others_view, score};
use altitude::session::{KeyValue, MemoryStorage, Session, Store};
use altitude::stored;

fn flagship() -> Arc<QuestionSet> {
    Arc::new(QuestionSet::load(include_bytes!("../assessments/cto-readiness.json")).unwrap())
}

fn clock() -> f64 {
    1_763_700_000_000.0
}

fn tab(device: &MemoryStorage) -> Session<MemoryStorage> {
    Session::open(Store::new("altitude", device.clone(), MemoryStorage::new(), clock))
}

fn invitation(set: &QuestionSet, id: &str, relationship: Relationship) -> Invitation {
    Invitation {
        id: id.to_owned(),
        set_id: set.id.clone(),
        set_version: set.version.clone(),
        relationship,
        for_name: Some("Sam <b>O'Neil</b> \"the boss\" ✓".to_owned()),
    }
}

/// Option `pick` (or the last) of every question, or its scale point `pick + 1` (at most the fifth).
fn answer_all(session: &mut Session<MemoryStorage>, set: &QuestionSet, pick: usize) {
    for (i, question) in set.questions.iter().enumerate() {
        let response = match &question.kind {
            QuestionKind::Likert { .. } => Response::Point(pick.min(4) as u32 + 1),
            kind => Response::Option(pick.min(kind.options().len() - 1)),
        };
        let _ = session.answer(set, i, response, 1.0 + i as f64);
    }
}

/// A person's finished attempt on `set`, answered with `pick`; its id.
fn finished_attempt(session: &mut Session<MemoryStorage>, set: &QuestionSet, id: &str, pick: usize) -> String {
    let _ = session.begin(set, Attempt::new(id.into(), set, set.default_role, "2026-11-21T10:00:00.000Z".into()));
    answer_all(session, set, pick);
    session.finish(set, "2026-11-21T10:20:00.000Z").0.unwrap().id
}

/// The reply a rater in their own browser gives to `invitation`, answering with `pick`.
fn rater_reply(set: &QuestionSet, invitation: &Invitation, pick: usize) -> Reply {
    let device = MemoryStorage::new();
    let mut rater = tab(&device);
    let _ = rater.begin_rating(set, invitation, "2026-11-22T09:00:00.000Z");
    answer_all(&mut rater, set, pick);
    rater.finish_rating(set, "2026-11-22T09:15:00.000Z").0.unwrap()
}

fn finder(set: &Arc<QuestionSet>) -> impl Fn(&str, &str) -> Option<Arc<QuestionSet>> + '_ {
    move |id, version| (id == set.id && version == set.version).then(|| set.clone())
}

#[test]
fn links_round_trip_and_are_read_from_the_fragment() {
    let set = flagship();
    let invite = invitation(&set, "inv-0123456789", Relationship::Peer);
    let url = link("https://portal.example/careers/assess?x=1#old", LinkKind::Invitation, &invite.payload());
    assert!(url.starts_with("https://portal.example/careers/assess?x=1#invite="), "{url}");
    let fragment = &url[url.find('#').unwrap()..];
    let (kind, payload) = link_in(fragment).unwrap();
    assert_eq!(kind, LinkKind::Invitation);
    assert_eq!(Invitation::from_payload(payload).unwrap(), invite);
    assert!(
        payload.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "nothing to escape in {payload}"
    );
    assert_eq!(link_in("#something-else"), None);
    assert_eq!(link_in("reply=abc").map(|(k, _)| k), Some(LinkKind::Reply));
}

/// A long name in another script (80 characters, 3 bytes each in UTF-8).
fn long_name() -> String {
    "王".repeat(80)
}

#[test]
fn a_reply_link_to_the_flagship_stays_well_under_2000_characters_in_the_worst_case() {
    let set = flagship();
    let invite = Invitation {
        for_name: Some(long_name()),
        ..invitation(&set, "k3j9x0q2m8a7z6w5k3j9x0q2m8a7z6w5k3j9x0q2", Relationship::Manager)
    };
    // Every answer "not seen" where it is offered, else the option with the longest id; the longest
    // invitation id, and a long portal address.
    let device = MemoryStorage::new();
    let mut rater = tab(&device);
    let _ = rater.begin_rating(&set, &invite, "2026-11-22T09:00:00.000Z");
    for (i, question) in set.questions.iter().enumerate() {
        let response = if question.offers_untested() {
            Response::Untested
        } else {
            let options = question.kind.options();
            Response::Option((0..options.len()).max_by_key(|&k| options[k].id.len()).unwrap())
        };
        let _ = rater.answer(&set, i, response, 1.0 + i as f64);
    }
    let reply = rater.finish_rating(&set, "2026-11-22T09:15:00.000Z").0.unwrap();
    let page = format!("https://careers.example.org/{}/cto-readiness-assessment?utm_source=newsletter", "x".repeat(60));
    let url = link(&page, LinkKind::Reply, &ReplyLink::of(&reply, &set).unwrap().payload());
    println!("a reply link to the flagship ({} questions), worst case: {} characters", set.questions.len(), url.len());
    assert!(url.len() < 800, "{} characters", url.len());
    let read = ReplyLink::from_payload(link_in(&url[url.find('#').unwrap()..]).unwrap().1).unwrap();
    assert_eq!(read.reply(&invite, &set).unwrap(), reply, "the link rebuilds the very reply");
}

#[test]
fn a_changed_truncated_or_oversized_link_is_refused_with_a_reason() {
    let set = flagship();
    let invite = invitation(&set, "abcdefgh12", Relationship::Peer);
    let reply = rater_reply(&set, &invite, 2);
    let payload = ReplyLink::of(&reply, &set).unwrap().payload();
    let message = |result: Result<ReplyLink, others::LinkError>| result.unwrap_err().0;
    for cut in [1, 5, payload.len() / 2, payload.len() - 9, payload.len() - 1] {
        let text = message(ReplyLink::from_payload(&payload[..cut]));
        assert!(text.contains("incomplete or was changed"), "cut at {cut}: {text}");
    }
    // One character changed anywhere (the data or the checksum) is caught.
    for at in 0..payload.len() {
        let mut bytes = payload.clone().into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(bytes).unwrap();
        if changed != payload {
            assert!(ReplyLink::from_payload(&changed).is_err(), "a change at {at} went unnoticed");
        }
    }
    let upper = format!("{}{}", &payload[..payload.len() - 8], payload[payload.len() - 8..].to_uppercase());
    if upper != payload {
        assert!(ReplyLink::from_payload(&upper).is_err(), "one link, one spelling");
    }
    assert!(message(ReplyLink::from_payload("")).contains("nothing after"));
    assert!(message(ReplyLink::from_payload(&"A".repeat(MAX_PAYLOAD_CHARS + 1))).contains("far longer"));
    assert!(message(ReplyLink::from_payload("%3Cscript%3E.0000")).contains("incomplete"));
    // An invitation payload is not a reply, and the reverse.
    assert!(message(ReplyLink::from_payload(&invite.payload())).contains("not a valid link"));
    assert!(Invitation::from_payload(&payload).is_err());
    // Well-formed links whose answers do not fit the set are refused when rebuilt.
    let good = ReplyLink::from_payload(&payload).unwrap();
    let short = ReplyLink { answers: good.answers[1..].to_owned(), ..good.clone() };
    assert!(short.reply(&invite, &set).unwrap_err().contains("46 questions"));
    let odd = ReplyLink { answers: format!("z{}", &good.answers[1..]), ..good.clone() };
    assert!(odd.reply(&invite, &set).unwrap_err().contains("not one Altitude writes"));
    let beyond = ReplyLink { answers: "a".repeat(set.questions.len()), ..good.clone() };
    assert!(beyond.reply(&invite, &set).is_err(), "option 10 of a four-option question");
    let other_version = Invitation { set_version: "9.9.9".into(), ..invite.clone() };
    assert!(good.reply(&other_version, &set).unwrap_err().contains("another assessment"));
}

#[test]
fn every_field_of_a_link_is_checked() {
    let good = r#"{"format":"altitude.invitation/1","id":"abcdefgh12","set":{"id":"cto-readiness","version":"2.0.0"},"relationship":"peer","for":"Sam"}"#;
    assert!(Invitation::from_payload(&others::encode_payload(good)).is_ok());
    for (bad, expected) in [
        (good.replace("abcdefgh12", "short"), "invitation id"),
        (good.replace("abcdefgh12", "../../etc/passwd"), "invitation id"),
        (good.replace("\"peer\"", "\"boss\""), "not a relationship"),
        (good.replace("\"Sam\"", &format!("\"{}\"", "x".repeat(81))), "for"),
        (good.replace("altitude.invitation/1", "altitude.reply/1"), "format"),
        (good.replace(",\"for\":\"Sam\"", ",\"extra\":1"), "extra"),
        (good.replace("\"set\":{\"id\":\"cto-readiness\",\"version\":\"2.0.0\"},", ""), "set"),
        ("[1,2,3]".to_owned(), "object"),
    ] {
        let error = Invitation::from_payload(&others::encode_payload(&bad)).unwrap_err().0;
        assert!(error.contains(expected), "{bad}: {error}");
    }
}

#[test]
fn a_raters_answers_are_kept_apart_and_finished_into_a_reply_they_can_come_back_to() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut person = tab(&device);
    // The rater has their own attempt at the same set in progress in this browser.
    let _ = person.begin(&set, Attempt::new("own-1".into(), &set, 0, "2026-11-20T10:00:00.000Z".into()));
    let _ = person.answer(&set, 0, Response::Option(0), 1.0);
    let own_before = person.store().load_attempt(&set).0.unwrap();

    let invite = invitation(&set, "rating-0001", Relationship::Report);
    let _ = person.begin_rating(&set, &invite, "2026-11-22T09:00:00.000Z");
    assert!(person.attempt().unwrap().rater.is_some());
    assert_eq!(person.unfinished(&set).0.as_ref().map(|a| a.id.as_str()), Some("own-1"), "not the rating");
    answer_all(&mut person, &set, 1);
    assert_eq!(person.finish(&set, "2026-11-22T09:10:00.000Z").0, None, "a rating never joins the history");
    let reply = person.finish_rating(&set, "2026-11-22T09:10:00.000Z").0.unwrap();
    assert_eq!(reply.invitation, "rating-0001");
    assert_eq!(reply.document.rater, Some(invite.rater()));
    assert_eq!(reply.document.completed_at.as_deref(), Some("2026-11-22T09:10:00.000Z"));
    assert!(person.history().is_empty());
    assert_eq!(person.store().load_attempt(&set).0.unwrap(), own_before, "the rater's own attempt is untouched");

    // Later, in the same browser: the finished answers are still there, and cannot be changed.
    let mut later = tab(&device);
    let (saved, _) = later.rating(&set, &invite);
    let saved = saved.unwrap();
    assert_eq!(saved.to_document(&set), reply.document);
    let _ = later.begin_rating(&set, &invite, "2026-11-23T09:00:00.000Z");
    let _ = later.answer(&set, 0, Response::Option(3), 5.0);
    let again = later.finish_rating(&set, "2026-11-23T09:30:00.000Z").0.unwrap();
    assert_eq!(again, reply, "the same reply, first finish time kept");
    // Another invitation with the same id but other words is not this rating.
    let other = Invitation { relationship: Relationship::Peer, ..invite.clone() };
    assert_eq!(later.rating(&set, &other).0, None);
}

#[test]
fn replies_join_their_invitation_once_and_the_view_is_the_tools() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut person = tab(&device);
    let attempt = finished_attempt(&mut person, &set, "me-1", 3);
    let invites: Vec<Invitation> = [
        ("mgr-00000001", Relationship::Manager),
        ("peer-0000001", Relationship::Peer),
        ("peer-0000002", Relationship::Peer),
        ("peer-0000003", Relationship::Peer),
    ]
    .into_iter()
    .map(|(id, relationship)| invitation(&set, id, relationship))
    .collect();
    for invite in &invites {
        let _ = person.invite(&attempt, invite.clone());
    }
    let replies: Vec<Reply> = invites.iter().zip([0, 1, 2, 4]).map(|(i, pick)| rater_reply(&set, i, pick)).collect();
    for reply in &replies {
        // Each reply comes back as a link, read from its payload as the widget does.
        let payload = ReplyLink::of(reply, &set).unwrap().payload();
        let outcome = person.receive_reply_link(&payload, finder(&set));
        assert_eq!(outcome.attempt.as_deref(), Some(attempt.as_str()), "{}", outcome.message);
        assert!(outcome.message.starts_with("Added the view of"), "{}", outcome.message);
    }
    let entry = person.history()[0].clone();
    assert_eq!(entry.raters.read().replies.len(), 4);

    // The same reply again changes nothing; a different reply to the same invitation is refused.
    let again = person.receive_reply(replies[1].clone(), finder(&set));
    assert_eq!(again.message, "This reply is already with your results.");
    let other = rater_reply(&set, &invites[1], 0);
    assert!(person.receive_reply(other, finder(&set)).message.contains("added already"));
    // A forged reply: to an invitation never made here, or with other words than its invitation.
    let forged = rater_reply(&set, &invitation(&set, "made-up-0001", Relationship::Peer), 4);
    let forged_link = ReplyLink::of(&forged, &set).unwrap().payload();
    let refused = person.receive_reply_link(&forged_link, finder(&set));
    assert!(refused.message.contains("not made in this browser") && refused.attempt.is_none(), "{refused:?}");
    let refused = person.receive_reply(forged, finder(&set));
    assert!(refused.message.contains("not made in this browser") && refused.attempt.is_none(), "{refused:?}");
    let mut posing = rater_reply(&set, &invites[2], 4);
    posing.document.rater = Some(invitation(&set, "x", Relationship::Manager).rater());
    assert!(person.receive_reply(posing, finder(&set)).message.contains("does not match"));
    assert_eq!(person.history()[0], entry, "refusals change nothing");

    // The numbers are the tool's: others_view over the same documents.
    let own_responses = entry.document.responses(&set).unwrap();
    let own = score(&set, &own_responses, set.default_role);
    let raters: Vec<(Relationship, _)> = entry
        .raters
        .read()
        .replies
        .iter()
        .map(|r| (r.document.rater.as_ref().unwrap().relationship, r.document.responses(&set).unwrap()))
        .collect();
    let view = others_view(&set, &own, &own_responses, &raters);
    assert_eq!(view.raters, 4);
    assert_eq!(
        view.by_relationship.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
        [Relationship::Manager, Relationship::Peer]
    );

    // Removing one reply keeps its invitation, and another tab's save does not bring it back.
    let mut second = tab(&device);
    let _ = person.remove_reply(&attempt, "peer-0000002");
    // The storage event the second tab hears (the widget follows every one).
    let _ = second.follow("altitude.v1.history", |_, _| None);
    let _ = second.update_notes(&attempt, |notes| notes.notes = "from the second tab".into());
    let stored_now = tab(&device).history()[0].clone();
    assert_eq!(stored_now.raters.read().replies.len(), 3, "the removed reply stays removed");
    assert_eq!(stored_now.raters.read().invitations.len(), 4);
    assert_eq!(stored_now.notes.notes, "from the second tab");
}

#[test]
fn invitations_and_replies_survive_another_tab_export_delete_and_import() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut one = tab(&device);
    let attempt = finished_attempt(&mut one, &set, "me-2", 2);
    let mut two = tab(&device);
    let invite = invitation(&set, "inv-tab-0001", Relationship::Manager);
    let _ = one.invite(&attempt, invite.clone());
    let _ = one.receive_reply(rater_reply(&set, &invite, 1), finder(&set));
    // The second tab, which never heard of them, saves its notes: the invitation and reply stay.
    let _ = two.update_notes(&attempt, |notes| notes.checked.push("x".into()));
    let kept = tab(&device).history()[0].clone();
    assert_eq!((kept.raters.read().invitations.len(), kept.raters.read().replies.len()), (1, 1));

    let export = stored::encode_export(tab(&device).history(), &Default::default(), "2026-11-22T12:00:00Z");
    let mut fresh = tab(&device);
    let _ = fresh.delete_everything();
    assert!(device.keys().is_empty());
    let outcome = fresh.import(&export, std::slice::from_ref(&set), |_| "new".into());
    assert!(outcome.message.starts_with("Imported"), "{}", outcome.message);
    assert_eq!(fresh.history()[0].raters, kept.raters);
    // The same export into a history that has the attempt without its replies adds them.
    let mut bare = kept.clone();
    bare.raters = Default::default();
    let mut merged = vec![bare];
    stored::merge_history(&mut merged, fresh.history());
    assert_eq!(merged[0].raters, kept.raters);
}

#[test]
fn a_reply_file_imports_like_its_link_and_a_raters_result_is_not_taken_for_ones_own() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut person = tab(&device);
    let attempt = finished_attempt(&mut person, &set, "me-3", 1);
    let invite = invitation(&set, "file-invite-1", Relationship::Other);
    let _ = person.invite(&attempt, invite.clone());
    let reply = rater_reply(&set, &invite, 3);
    let file = altitude::model::json::pretty(&reply.to_json());
    let outcome = person.import(&file, std::slice::from_ref(&set), |_| "unused".into());
    assert!(outcome.message.starts_with("Added the view of someone you invited"), "{}", outcome.message);
    assert_eq!(person.history()[0].raters.read().replies, std::slice::from_ref(&reply));
    let broken = file.replace("\"relationship\": \"other\"", "\"relationship\": \"boss\"");
    assert!(person
        .import(&broken, std::slice::from_ref(&set), |_| "unused".into())
        .message
        .contains("not a relationship"));
    // The rater's bare result document is someone else's view, not a result of the person's own.
    let bare = reply.document.to_json();
    let refused = person.import(&bare, std::slice::from_ref(&set), |_| "unused".into());
    assert!(refused.message.contains("someone's view of another person"), "{}", refused.message);
    assert_eq!(person.history().len(), 1);
}

#[test]
fn the_plan_starts_with_the_blind_spots_and_the_conversation_to_have() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut person = tab(&device);
    let attempt = finished_attempt(&mut person, &set, "me-4", 9);
    let invite = invitation(&set, "plan-invite-1", Relationship::Manager);
    let _ = person.invite(&attempt, invite.clone());
    let _ = person.receive_reply(rater_reply(&set, &invite, 0), finder(&set));
    let entry = &person.history()[0];
    let own_responses = entry.document.responses(&set).unwrap();
    let own = score(&set, &own_responses, set.default_role);
    let view = entry.raters.read().view(&set, &own, &own_responses).unwrap();
    assert_eq!(view.blind_spots.len(), set.dimensions.len(), "all best against all worst: {view:?}");
    let plan = altitude::scoring::development_plan(&set, &own, entry.document.completed_at.as_deref());
    let plan = altitude::scoring::with_others(plan, &set, &own, &own_responses, &view);
    assert_eq!(plan.blind_spots.len(), set.dimensions.len());
    let first = &plan.blind_spots[0];
    assert!(first.conversation.starts_with("You rate yourself"), "{}", first.conversation);
    assert!(first.conversation.contains("the person who replied rates you"), "one rater: {}", first.conversation);
    assert!(first.conversation.contains("do not ask how they scored you"), "{}", first.conversation);
    let day_30 = &plan.milestones[0];
    assert!(day_30.items[0].text.starts_with("Have the conversation about how others see your"));
    assert!(plan.hidden_strengths.is_empty());
    // Without replies there is no others' view, and the plan is as before.
    assert_eq!(altitude::others::Raters::default().view(&set, &own, &own_responses), None);
}

#[test]
fn a_rating_sent_from_one_tab_cannot_be_changed_from_another() {
    let set = flagship();
    let device = MemoryStorage::new();
    let invite = invitation(&set, "two-tabs-0001", Relationship::Peer);
    let (mut a, mut b) = (tab(&device), tab(&device));
    let _ = a.begin_rating(&set, &invite, "2026-11-22T09:00:00.000Z");
    let _ = b.begin_rating(&set, &invite, "2026-11-22T09:00:00.000Z");
    answer_all(&mut a, &set, 1);
    let sent = a.finish_rating(&set, "2026-11-22T09:10:00.000Z").0.unwrap();
    // B, which never heard of it, answers again and finishes: it gets the reply A sent.
    let changed = b.answer(&set, 0, Response::Option(3), 1e12);
    assert!(changed.answers, "B's answers become the sent ones");
    assert_eq!(b.attempt().unwrap().responses, a.attempt().unwrap().responses);
    assert_eq!(b.finish_rating(&set, "2026-11-22T09:30:00.000Z").0.unwrap(), sent);
    assert_eq!(tab(&device).rating(&set, &invite).0.unwrap().to_document(&set), sent.document);
}

#[test]
fn an_edited_invitation_reusing_an_id_never_meets_the_rating_of_the_original() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut rater = tab(&device);
    let original = invitation(&set, "same-id-0001", Relationship::Peer);
    let _ = rater.begin_rating(&set, &original, "2026-11-22T09:00:00.000Z");
    answer_all(&mut rater, &set, 1);
    let sent = rater.finish_rating(&set, "2026-11-22T09:10:00.000Z").0.unwrap();
    let edited = Invitation { relationship: Relationship::Manager, for_name: Some("Alex".into()), ..original.clone() };
    let mut later = tab(&device);
    assert_eq!(later.rating(&set, &edited).0, None);
    let _ = later.begin_rating(&set, &edited, "2026-11-22T10:00:00.000Z");
    assert_eq!(later.attempt().unwrap().answered(), 0, "a fresh rating");
    let _ = later.answer(&set, 0, Response::Option(0), 5.0);
    assert_eq!(tab(&device).rating(&set, &original).0.unwrap().to_document(&set), sent.document, "untouched");
}

#[test]
fn invitations_a_full_storage_kept_in_memory_survive_another_tabs_save() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut a = tab(&device);
    let attempt = finished_attempt(&mut a, &set, "me-5", 2);
    let mut b = tab(&device);
    device.set_capacity(Some(0));
    let _ = b.invite(&attempt, invitation(&set, "unsaved-0001", Relationship::Report));
    assert_eq!(b.problem(), Some(&altitude::session::StorageProblem::Full));
    device.set_capacity(None);
    let _ = a.update_notes(&attempt, |notes| notes.notes = "from A".into());
    let _ = b.follow("altitude.v1.history", |_, _| None);
    assert_eq!(b.history()[0].raters.read().invitations.len(), 1, "the invitation B could not save is still there");
    assert_eq!(b.history()[0].notes.notes, "from A");
}

#[test]
fn an_invitation_is_made_for_a_result_with_its_set_version_and_a_trimmed_name() {
    let set = flagship();
    let mut attempt = Attempt::new("a-1".into(), &set, set.default_role, "2026-11-01T00:00:00Z".into());
    attempt.completed_at = Some("2026-11-02T00:00:00Z".into());
    let result = attempt.to_document(&set);
    let named = Invitation::for_result("inv-1".into(), &result, Relationship::Peer, "  Sam O'Neil  ");
    assert_eq!(
        named,
        Invitation {
            id: "inv-1".into(),
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            relationship: Relationship::Peer,
            for_name: Some("Sam O'Neil".into()),
        }
    );
    assert_eq!(Invitation::for_result("inv-2".into(), &result, Relationship::Manager, "   ").for_name, None);
    let long = "é".repeat(others::MAX_NAME_CHARS + 5);
    let kept = Invitation::for_result("inv-3".into(), &result, Relationship::Report, &long).for_name.unwrap();
    assert_eq!(kept.chars().count(), others::MAX_NAME_CHARS);
}

/// The stored history's value, as the device holds it.
fn stored_history(device: &MemoryStorage) -> String {
    device.get("altitude.v1.history").unwrap().unwrap()
}

#[test]
fn invitations_and_replies_are_read_when_asked_and_one_that_does_not_read_is_kept_as_it_is() {
    let set = flagship();
    let device = MemoryStorage::new();
    let mut person = tab(&device);
    let attempt = finished_attempt(&mut person, &set, "me-6", 2);
    let (peer, manager) = (
        invitation(&set, "kept-peer-0001", Relationship::Peer),
        invitation(&set, "kept-boss-0001", Relationship::Manager),
    );
    let _ = person.invite(&attempt, peer.clone());
    let _ = person.invite(&attempt, manager.clone());
    let _ = person.receive_reply(rater_reply(&set, &peer, 1), finder(&set));
    let _ = person.receive_reply(rater_reply(&set, &manager, 3), finder(&set));
    assert_eq!(person.history()[0].raters.read().replies.len(), 2);

    // The manager's reply edited in storage so that it no longer reads (a relationship Altitude
    // does not know), its invitation left alone: the history still opens, without that reply.
    let text = stored_history(&device);
    let manager_reply = text.find("\"invitation\":\"kept-boss-0001\"").unwrap();
    let rater_at = manager_reply + text[manager_reply..].find("\"relationship\":\"manager\"").unwrap();
    let edited = format!("{}\"relationship\":\"boss\"{}", &text[..rater_at], &text[rater_at + 24..]);
    device.set("altitude.v1.history", &edited).unwrap();
    let mut later = tab(&device);
    assert_eq!(later.problem(), None, "nothing set aside");
    let read = later.history()[0].raters.read();
    assert_eq!(read.invitations, [peer.clone(), manager.clone()]);
    assert_eq!(read.replies.iter().map(|r| r.invitation.as_str()).collect::<Vec<_>>(), ["kept-peer-0001"]);
    let own_responses = later.history()[0].document.responses(&set).unwrap();
    let view = read.view(&set, &score(&set, &own_responses, set.default_role), &own_responses).unwrap();
    assert_eq!(view.raters, 1, "the peer's view alone");

    // Saving again (a new invitation, a note) writes the unreadable reply back as it was; an export
    // holds it, and an import elsewhere takes it as storage does (kept, left out of the view).
    let _ = later.invite(&attempt, invitation(&set, "kept-more-0001", Relationship::Report));
    let _ = later.update_notes(&attempt, |notes| notes.notes = "after".into());
    assert!(stored_history(&device).contains("\"relationship\":\"boss\""), "kept as it was");
    let (export, _) = later.export_everything("2026-11-23T00:00:00Z");
    let mut elsewhere = tab(&MemoryStorage::new());
    let outcome = elsewhere.import(&export, std::slice::from_ref(&set), |_| "unused".into());
    assert_eq!(elsewhere.history().len(), 1, "{}", outcome.message);
    assert_eq!(elsewhere.history()[0].raters, later.history()[0].raters, "the same documents, unread one included");
    assert_eq!(elsewhere.history()[0].raters.read().replies.len(), 1);

    // The person cannot see the unreadable reply to remove it, so a new reply to its invitation
    // takes its place rather than being refused as a second one.
    let corrected = rater_reply(&set, &manager, 0);
    let again = later.receive_reply(corrected.clone(), finder(&set));
    assert!(again.message.starts_with("Added the view of your manager"), "{}", again.message);
    assert_eq!(later.history()[0].raters.read().reply_to("kept-boss-0001"), Some(&corrected));
    assert!(!stored_history(&device).contains("\"relationship\":\"boss\""), "replaced");

    // A document with no id to go by damages the value, which is set aside whole, as before.
    device
        .set("altitude.v1.history", &edited.replace("\"id\":\"kept-peer-0001\"", "\"name\":\"kept-peer-0001\""))
        .unwrap();
    let damaged = tab(&device);
    assert!(
        matches!(damaged.problem(), Some(altitude::session::StorageProblem::SetAside(_))),
        "{:?}",
        damaged.problem()
    );
    assert!(damaged.history().is_empty());
}
