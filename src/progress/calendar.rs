//! Check-ins in the person's calendar: an iCalendar file (RFC 5545) with an all-day event for each
//! of a roadmap's 30/60/90-day check-ins (on the plan's own dates: the completion day plus 30, 60
//! and 90 days) and for every open goal's due date. Each event says what to look at and links to
//! nothing; its UID stays the same for the same check-in or goal, so importing the file again
//! updates the events rather than adding new ones.

use super::{instant, parse_date, DimensionNames, Goal, GoalStatus, Progress};
use crate::i18n::{tr, trf};
use crate::model::timestamp;
use crate::scoring::plan::DevelopmentPlan;

/// The `PRODID` of the files Altitude writes.
pub const PRODUCT: &str = "-//Altitude//Check-ins//EN";

/// The longest line, in octets, before it is folded (RFC 5545, 3.1), line break excluded.
pub const LINE_OCTETS: usize = 75;

/// The roadmap whose check-ins go into the calendar: the completed attempt's id (the events' UIDs
/// are made from it) and its plan.
#[derive(Debug, Clone, Copy)]
pub struct Roadmap<'a> {
    pub attempt_id: &'a str,
    pub plan: &'a DevelopmentPlan,
}

/// The calendar of `roadmap`'s check-ins (none without it, or without a completion date) and of the
/// due dates of every open goal in `progress` (planned or doing, not deleted), written at `stamp`
/// (RFC 3339, the events' `DTSTAMP`); `names` names the goals' dimensions.
pub fn calendar(roadmap: Option<Roadmap>, progress: &Progress, names: &DimensionNames, stamp: &str) -> String {
    let stamp = utc_time(stamp).unwrap_or_else(|| "19700101T000000Z".to_owned());
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", &format!("PRODID:{PRODUCT}"), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(&tr("Altitude check-ins"))));
    if let Some(Roadmap { attempt_id, plan }) = roadmap {
        for milestone in &plan.milestones {
            let Some(date) = &milestone.date else { continue };
            let day = milestone.day.to_string();
            let mut description = match plan.completed_on.as_deref() {
                Some(completed) => trf(
                    "Day {day} of the roadmap from your {set} result of {date} (target: {role}): {milestone}.",
                    &[&day, &plan.set_title, &crate::i18n::date(completed), &plan.role_name, &milestone.title],
                ),
                None => trf(
                    "Day {day} of the roadmap from your {set} result (target: {role}): {milestone}.",
                    &[&day, &plan.set_title, &plan.role_name, &milestone.title],
                ),
            };
            description.push('\n');
            description.push_str(&tr("Look at what you planned:"));
            for item in &milestone.items {
                description.push_str(&format!("\n- {}", item.text));
            }
            description.push('\n');
            description
                .push_str(&tr("In Altitude, mark how your goals stand and add a note of evidence for what you did."));
            event(
                &mut out,
                &Event {
                    uid: &format!("{attempt_id}-day-{}@altitude", milestone.day),
                    stamp: &stamp,
                    date,
                    summary: &trf("Altitude check-in: day {day} of your {set} roadmap", &[&day, &plan.set_title]),
                    description: &description,
                    modified: None,
                },
            );
        }
    }
    let mut due: Vec<&Goal> = progress.goals().filter(|g| g.status.is_open() && g.due.is_some()).collect();
    crate::sorting::sort_by(&mut due, |a, b| a.due.cmp(&b.due));
    for goal in due {
        let Some(date) = &goal.due else { continue };
        // Where the goal stands, a sentence for each: only open goals (planned or under way) are due.
        let dimension = [names.name(&goal.dimension_id)];
        let mut description = match goal.status {
            GoalStatus::Planned => trf("Your Altitude goal in {dimension} is due (now planned).", &dimension),
            _ => trf("Your Altitude goal in {dimension} is due (now doing).", &dimension),
        };
        if let Some(done) = &goal.done_looks_like {
            description.push('\n');
            description.push_str(&trf("Done looks like: {done}", &[done]));
        }
        if let Some(source) = &goal.source {
            description.push('\n');
            description.push_str(&source.from_roadmap());
        }
        description.push('\n');
        description.push_str(&tr(
            "If it is done, mark it done in Altitude and add a note of evidence; if not, set a new date or drop it.",
        ));
        event(
            &mut out,
            &Event {
                uid: &format!("goal-{}@altitude", goal.id),
                stamp: &stamp,
                date,
                summary: &trf("Goal due: {goal}", &[&goal.title]),
                description: &description,
                modified: utc_time(&goal.updated_at).as_deref(),
            },
        );
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

struct Event<'a> {
    uid: &'a str,
    /// `DTSTAMP`, as UTC date-time.
    stamp: &'a str,
    /// `YYYY-MM-DD`.
    date: &'a str,
    summary: &'a str,
    description: &'a str,
    /// `LAST-MODIFIED`, as UTC date-time.
    modified: Option<&'a str>,
}

/// One all-day event (`DTSTART;VALUE=DATE`, and `DTEND` the day after, which Outlook wants); a
/// date that is not one writes nothing.
fn event(out: &mut String, event: &Event) {
    let Some(day) = parse_date(event.date) else { return };
    let date = |days: i64| timestamp::format_date(days * 86_400).replace('-', "");
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", escape(event.uid)));
    push_line(out, &format!("DTSTAMP:{}", event.stamp));
    push_line(out, &format!("DTSTART;VALUE=DATE:{}", date(day)));
    push_line(out, &format!("DTEND;VALUE=DATE:{}", date(day + 1)));
    push_line(out, &format!("SUMMARY:{}", escape(event.summary)));
    push_line(out, &format!("DESCRIPTION:{}", escape(event.description)));
    if let Some(modified) = event.modified {
        push_line(out, &format!("LAST-MODIFIED:{modified}"));
    }
    push_line(out, "TRANSP:TRANSPARENT");
    push_line(out, "END:VEVENT");
}

/// `YYYYMMDDTHHMMSSZ` for an RFC 3339 time.
fn utc_time(time: &str) -> Option<String> {
    let (seconds, _) = instant(time)?;
    let text = timestamp::format_rfc3339(seconds);
    Some(format!("{}{}{}T{}{}{}Z", &text[..4], &text[5..7], &text[8..10], &text[11..13], &text[14..16], &text[17..19]))
}

/// A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, every line break as
/// `\n`; other control characters, which a content line may not hold, left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` and CRLF, folded (RFC 5545, 3.1) so that no line is longer than 75 octets: each
/// continuation begins with a space, which counts, and a line is never cut inside a UTF-8 character.
pub fn push_line(out: &mut String, line: &str) {
    let (mut rest, mut room) = (line, LINE_OCTETS);
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}
