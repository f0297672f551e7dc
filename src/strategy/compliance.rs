//! The compliance rules, read in the debtor's time zone: the earliest instant a step may be
//! taken, or why it may not be taken at all.
//!
//! - Contact hours, 12 CFR 1006.6(b)(1)(i) (Regulation F, in force 30 November 2021): no
//!   communication before 08:00 or at or after 21:00 at the consumer's location; applied to
//!   every channel but tasks, which reach no one.
//! - Call frequency, 12 CFR 1006.14(b)(2): at most 7 call attempts within 7 consecutive days,
//!   and none within 7 consecutive days after a telephone conversation, the day of the
//!   conversation being the first; days are calendar dates in the debtor's time zone.
//! - Credit reporting, 12 CFR 1006.30(a) and 1006.34: not before the debtor was spoken to, or
//!   mailed and 14 days passed without a notice of undeliverability, and not before the
//!   validation period ended: 30 days after receipt of the validation notice, receipt taken as
//!   5 business days (weekends and legal public holidays excluded) after it was sent.
//! - Quiet days (off by default): no contact on weekends and holidays of a calendar.
//! - Opt-outs: no contact on a channel the debtor has opted out of.

use super::account::{HistoryItem, Kind};
use super::instant::{add_days, Instant};
use super::zones::Zone;
use super::LocalInstant;
use crate::dates::add_business_days;
use crate::error::Result;
use crate::json::{Describe, Encode};
use crate::policy::{Action, Channel, Compliance};
use chrono::{NaiveDate, NaiveTime, Timelike};

/// A rule that kept a step from an instant.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Hold {
    /// The rule: `contactHours`, `callFrequency`, `conversationCoolOff`, `validationPeriod`,
    /// `creditReportingContact`, `quietDays`, `optOut`, `ceaseCommunication`.
    pub rule: String,
    /// Why, in words.
    pub why: String,
    /// The first instant it allows the step, if there is one, in the debtor's local time.
    pub until: Option<LocalInstant>,
}

/// The earliest instant at or after `from` at which `action` may go out on `channel`, and
/// the rules that moved it; `None` when a rule forbids it outright (with that rule last).
pub(crate) fn earliest(
    rules: &Compliance,
    zone: &Zone,
    history: &[HistoryItem<'_>],
    action: Action,
    channel: Channel,
    from: Instant,
) -> Result<(Option<Instant>, Vec<Hold>)> {
    let mut holds = Vec::new();
    if channel != Channel::Task && rules.opt_outs.contains(&channel) {
        let why = format!("the debtor opted out of {}", channel_word(channel));
        holds.push(Hold {
            rule: "optOut".into(),
            why,
            until: None,
        });
        return Ok((None, holds));
    }
    let mut at = from;
    if action == Action::CreditBureauReport && rules.credit_reporting.enabled {
        match reporting_allowed(rules, zone, history)? {
            Some(allowed) if allowed > at => {
                holds.push(Hold {
                    rule: "creditReporting".into(),
                    why: "12 CFR 1006.30(a) and 1006.34: after contact and the validation period"
                        .into(),
                    until: Some(zone.at(allowed)?),
                });
                at = allowed;
            }
            Some(_) => {}
            None => {
                let why = "12 CFR 1006.34: the validation notice has not been sent, so its period has not begun".into();
                holds.push(Hold {
                    rule: "validationPeriod".into(),
                    why,
                    until: None,
                });
                return Ok((None, holds));
            }
        }
    }
    if channel == Channel::Task {
        return Ok((Some(at), holds));
    }
    // Move forward until every rule allows the instant; each rule only moves it later, so a
    // few rounds settle (a bound keeps a bad policy from looping).
    for _ in 0..64 {
        let before = at;
        at = contact_hours(rules, zone, at, &mut holds)?;
        at = quiet_days(rules, zone, at, &mut holds)?;
        if channel == Channel::Phone {
            at = call_frequency(rules, zone, history, at, &mut holds)?;
        }
        if at == before {
            return Ok((Some(at), holds));
        }
    }
    Ok((Some(at), holds))
}

/// Inside the contact hours, or the next start of them.
fn contact_hours(
    rules: &Compliance,
    zone: &Zone,
    at: Instant,
    holds: &mut Vec<Hold>,
) -> Result<Instant> {
    let hours = &rules.contact_hours;
    if !hours.enabled {
        return Ok(at);
    }
    let local = zone.local(at)?;
    let hour = local.time().hour();
    let start = |date: NaiveDate| {
        zone.instant(
            date,
            NaiveTime::from_hms_opt(hours.from_hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN),
        )
    };
    let moved = if hour < hours.from_hour {
        start(local.date())?
    } else if hour >= hours.to_hour {
        start(add_days(local.date(), 1))?
    } else {
        return Ok(at);
    };
    let why = format!(
        "12 CFR 1006.6(b)(1)(i): contact from {:02}:00 to {:02}:00 in {}",
        hours.from_hour,
        hours.to_hour,
        zone.name()
    );
    note(holds, zone, "contactHours", why, moved)?;
    Ok(moved)
}

/// Not on a quiet day, or the start of the contact hours of the next day that is not.
fn quiet_days(
    rules: &Compliance,
    zone: &Zone,
    at: Instant,
    holds: &mut Vec<Hold>,
) -> Result<Instant> {
    let quiet = &rules.quiet_days;
    if !quiet.enabled {
        return Ok(at);
    }
    let mut date = zone.date(at)?;
    if quiet.calendar.is_business_day(date) {
        return Ok(at);
    }
    while !quiet.calendar.is_business_day(date) {
        date = add_days(date, 1);
    }
    let moved = zone.instant(
        date,
        NaiveTime::from_hms_opt(rules.contact_hours.from_hour.min(23), 0, 0)
            .unwrap_or(NaiveTime::MIN),
    )?;
    note(
        holds,
        zone,
        "quietDays",
        "no contact on weekends and holidays".into(),
        moved,
    )?;
    Ok(moved)
}

/// At most `maxCalls` attempts within `days` consecutive days, none within `days` days after
/// a conversation (its day the first).
fn call_frequency(
    rules: &Compliance,
    zone: &Zone,
    history: &[HistoryItem<'_>],
    at: Instant,
    holds: &mut Vec<Hold>,
) -> Result<Instant> {
    let calls = &rules.call_frequency;
    if !calls.enabled {
        return Ok(at);
    }
    let window = i64::from(calls.days.max(1));
    let mut dates: Vec<(NaiveDate, Kind)> = Vec::new();
    for item in history.iter().filter(|i| i.channel == Some(Channel::Phone)) {
        if matches!(item.kind, Kind::Attempt | Kind::Conversation) {
            dates.push((zone.date(item.at)?, item.kind));
        }
    }
    let today = zone.date(at)?;
    let mut earliest = today;
    let mut reasons: Vec<(&str, String)> = Vec::new();
    // After a conversation on day C, the next call may be on C + window.
    if let Some(last) = dates
        .iter()
        .filter(|d| d.1 == Kind::Conversation)
        .map(|d| d.0)
        .max()
    {
        let free = add_days(last, window);
        if free > earliest {
            earliest = free;
            let why = format!("12 CFR 1006.14(b)(2)(ii): no call within {window} days after a conversation, its day the first");
            reasons.push(("conversationCoolOff", why));
        }
    }
    // No more than maxCalls within any window of days ending on the day of the call.
    let attempts: Vec<NaiveDate> = dates.iter().map(|d| d.0).collect();
    let within = |day: NaiveDate| {
        attempts
            .iter()
            .filter(|d| **d > add_days(day, -window) && **d <= day)
            .count()
    };
    if within(earliest) >= calls.max_calls as usize {
        while within(earliest) >= calls.max_calls as usize {
            earliest = add_days(earliest, 1);
        }
        let why = format!(
            "12 CFR 1006.14(b)(2)(i): at most {} calls within {window} consecutive days",
            calls.max_calls
        );
        reasons.push(("callFrequency", why));
    }
    if earliest == today {
        return Ok(at);
    }
    let start = NaiveTime::from_hms_opt(rules.contact_hours.from_hour.min(23), 0, 0)
        .unwrap_or(NaiveTime::MIN);
    let moved = zone.instant(earliest, start)?;
    for (rule, why) in reasons {
        note(holds, zone, rule, why, moved)?;
    }
    Ok(moved)
}

/// When credit reporting is allowed: after the validation period and after contact; `None`
/// when no validation notice was sent.
fn reporting_allowed(
    rules: &Compliance,
    zone: &Zone,
    history: &[HistoryItem<'_>],
) -> Result<Option<Instant>> {
    let sent = history
        .iter()
        .filter(|i| i.kind == Kind::ValidationNoticeSent)
        .map(|i| i.at)
        .min();
    let Some(sent) = sent else { return Ok(None) };
    let validation = &rules.validation;
    let mut allowed = sent;
    if validation.enabled {
        let receipt = add_business_days(
            zone.date(sent)?,
            i64::from(validation.receipt_business_days),
            &validation.calendar,
        )?;
        let ends = add_days(receipt, i64::from(validation.period_days) + 1);
        allowed = allowed.max(zone.instant(ends, NaiveTime::MIN)?);
    }
    let spoken = history
        .iter()
        .filter(|i| i.kind == Kind::Conversation)
        .map(|i| i.at)
        .min();
    let mailed = history
        .iter()
        .filter(|i| {
            i.kind == Kind::Message && i.channel == Some(Channel::Letter)
                || i.kind == Kind::ValidationNoticeSent
        })
        .map(|i| i.at)
        .min();
    let contact = match (spoken, mailed) {
        (Some(spoken), _) => Some(spoken),
        (None, Some(mailed)) => Some(zone.instant(
            add_days(
                zone.date(mailed)?,
                i64::from(rules.credit_reporting.wait_days),
            ),
            NaiveTime::MIN,
        )?),
        (None, None) => None,
    };
    Ok(contact.map(|c| c.max(allowed)))
}

fn note(holds: &mut Vec<Hold>, zone: &Zone, rule: &str, why: String, until: Instant) -> Result<()> {
    holds.push(Hold {
        rule: rule.to_owned(),
        why,
        until: Some(zone.at(until)?),
    });
    Ok(())
}

fn channel_word(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "email",
        Channel::Sms => "text messages",
        Channel::Letter => "letters",
        Channel::Phone => "calls",
        Channel::Task => "tasks",
    }
}
