//! A segment's ladder on the day of a decision: each step's day from its anchor, and which
//! steps are done, do not apply, have lapsed, or are still to come.

use super::account::{HistoryItem, Kind};
use super::facts::Facts;
use super::instant::add_days;
use super::zones::Zone;
use crate::charges::fees::Schedule;
use crate::error::Result;
use crate::json::Encode;
use crate::money::{fraction, Checked, Money, Rounding};
use crate::policy::{Action, Anchor, Channel, Ladder, Policy, Step, StepCondition};
use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;

/// A step of the ladder with its day and its place in the ladder's order.
#[derive(Clone, Copy)]
pub(crate) struct Dated<'l> {
    pub place: usize,
    pub step: &'l Step,
    pub day: NaiveDate,
}

/// Where each step of a ladder stands.
pub(crate) struct Standing<'l> {
    /// The steps to come, in order.
    pub pending: Vec<Dated<'l>>,
    /// The others, with why not: `(place, rule, why)`.
    pub passed: Vec<(usize, String, String)>,
}

/// Each step of `ladder` with its day, in order of day then ladder order; and the steps
/// anchored on the first fee when no fee rule charges the oldest open invoice, which have no
/// day.
fn schedule<'l>(
    ladder: &'l Ladder,
    policy: &Policy,
    oldest: NaiveDate,
) -> (Vec<Dated<'l>>, Vec<&'l Step>) {
    let first_fee = policy
        .fees
        .iter()
        .filter_map(|rule| Schedule::new(rule, oldest).ok().and_then(|s| s.next))
        .min();
    let mut steps: Vec<Dated<'l>> = Vec::new();
    let mut undated = Vec::new();
    for step in &ladder.steps {
        let anchor = match step.from {
            Anchor::OldestDueDate => Some(oldest),
            Anchor::FirstFee => first_fee,
        };
        match anchor {
            Some(anchor) => steps.push(Dated {
                place: 0,
                step,
                day: add_days(anchor, i64::from(step.offset)),
            }),
            None => undated.push(step),
        }
    }
    crate::order::sort_by(&mut steps, &|a, b| a.day.cmp(&b.day));
    for (place, dated) in steps.iter_mut().enumerate() {
        dated.place = place;
    }
    (steps, undated)
}

/// Where the steps of `ladder` stand on `today`, the oldest open due date being `oldest`.
///
/// A step is done when the history since the round began (the first step's day) records it
/// carried out on its channel: a conversation for a call, a completed task for a task, a
/// message (or more) for the rest. A step that is not `required` lapses when a later step's
/// day has come too; a step with the condition `nothingElse` waits until no other is to come.
pub(crate) fn standing<'l>(
    ladder: &'l Ladder,
    policy: &Policy,
    facts: &Facts,
    oldest: NaiveDate,
    past: &[HistoryItem<'_>],
    zone: &Zone,
    today: NaiveDate,
) -> Result<Standing<'l>> {
    let (steps, undated) = schedule(ladder, policy, oldest);
    let round = zone.instant(steps.first().map_or(oldest, |s| s.day), NaiveTime::MIN)?;
    let done = |step: &Step| {
        past.iter().any(|i| {
            i.action == Some(step.action)
                && i.at >= round
                && match step.channel {
                    Channel::Phone => i.kind == Kind::Conversation,
                    Channel::Task => i.kind == Kind::TaskDone,
                    _ => matches!(i.kind, Kind::Message | Kind::Conversation | Kind::TaskDone),
                }
        })
    };
    let mut standing = Standing {
        pending: Vec::new(),
        passed: Vec::new(),
    };
    for step in undated {
        let why = "not scheduled: no fee rule charges the oldest open invoice".to_owned();
        standing.passed.push((0, rule(step.action), why));
    }
    let mut last_resorts = Vec::new();
    for (i, dated) in steps.iter().enumerate() {
        let step = dated.step;
        let why = if done(step) {
            Some("done".to_owned())
        } else if let Some(why) = unmet(step, policy, facts) {
            Some(why)
        } else {
            // A later step passes over this one when its day has come and it is done or
            // applies; one whose conditions do not hold passes over nothing.
            let later_due = steps[i + 1..].iter().any(|s| {
                s.day <= today
                    && s.step.action != step.action
                    && !s.step.when.contains(&StepCondition::NothingElse)
                    && (done(s.step) || unmet(s.step, policy, facts).is_none())
            });
            (!step.required && later_due && dated.day < today)
                .then(|| format!("lapsed: due {}, and a later step is due too", dated.day))
        };
        match why {
            Some(why) => standing.passed.push((dated.place, rule(step.action), why)),
            None if step.when.contains(&StepCondition::NothingElse) => last_resorts.push(*dated),
            None => standing.pending.push(*dated),
        }
    }
    for dated in last_resorts {
        match standing.pending.is_empty() {
            true => standing.pending.push(dated),
            false => standing.passed.push((
                dated.place,
                rule(dated.step.action),
                "waits: other steps are still to come".to_owned(),
            )),
        }
    }
    Ok(standing)
}

/// Why a step's conditions do not hold, if they do not (`nothingElse` is weighed against the
/// other steps, in [`standing`]).
fn unmet(step: &Step, policy: &Policy, facts: &Facts) -> Option<String> {
    let balance = Money::from_minor(facts.open, Some(facts.currency));
    let at_least = |min: Decimal| balance.to_decimal() >= min;
    for condition in &step.when {
        let holds = match condition {
            StepCondition::FeeWillBeAssessed => !policy.fees.is_empty(),
            StepCondition::AgencyWorthIt => {
                let a = &policy.agency;
                let kept = Decimal::ONE.sub_checked(fraction(a.fee_share_percent));
                let net = kept
                    .and_then(|kept| a.recovery_rate.mul_checked(kept))
                    .and_then(|share| balance.times(share, Rounding::HalfEven).ok());
                at_least(a.min_balance.0) && net.is_some_and(|n| n.minor() > 0)
            }
            StepCondition::LegalWorthIt => {
                let l = &policy.legal;
                let expected = balance
                    .times(l.recovery_rate, Rounding::HalfEven)
                    .map(|m| m.to_decimal());
                at_least(l.min_balance.0) && expected.is_ok_and(|e| e > l.estimated_cost.0)
            }
            StepCondition::NothingElse => true,
        };
        if !holds {
            return Some(format!(
                "its condition {} does not hold",
                name_of(condition)
            ));
        }
    }
    None
}

/// When a step is due, in words: `due 2026-03-09, 7 days after the oldest due date`.
pub(crate) fn due_words(dated: &Dated<'_>) -> String {
    let days = dated.step.offset.unsigned_abs();
    let unit = if days == 1 { "day" } else { "days" };
    let side = if dated.step.offset < 0 {
        "before"
    } else {
        "after"
    };
    let anchor = match dated.step.from {
        Anchor::OldestDueDate => "oldest due date",
        Anchor::FirstFee => "first fee",
    };
    format!("due {}, {days} {unit} {side} the {anchor}", dated.day)
}

/// After a request to cease, only what the law allows: tasks (no contact), and letters that
/// state a remedy the creditor will invoke (FDCPA §805(c)(2)-(3)).
pub(crate) fn allowed_after_cease(step: &Step) -> bool {
    step.channel == Channel::Task
        || matches!(step.action, Action::FinalDemand | Action::DemandLetter)
}

/// The trail's name of a ladder step's rule: `ladder:secondReminder`.
pub(crate) fn rule(action: Action) -> String {
    format!("ladder:{}", name_of(&action))
}

/// A name of the vocabulary as JSON writes it: `secondReminder`.
pub(crate) fn name_of<T: Encode>(value: &T) -> String {
    crate::json::to_string(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}
