//! The next action of an account: stops and events first, then holds, then the segment's
//! ladder; each at the earliest instant the compliance rules allow, with the trail of every
//! rule that fired or held something back.

use super::account::{Account, HistoryItem, Kind};
use super::compliance::{earliest, Hold};
use super::facts::Facts;
use super::instant::{add_days, Instant};
use super::zones::Zone;
use crate::charges::fees::Schedule;
use crate::error::Result;
use crate::json::{Describe, Encode};
use crate::ledger::Book;
use crate::money::{Money, Rounding};
use crate::policy::{Action, Anchor, Channel, Ladder, Policy, Step, StepCondition};
use chrono::{NaiveDate, NaiveTime};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// A rule weighed in a decision.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Reason {
    /// The rule: `segment:highRisk`, `ladder:secondReminder`, `hold:dispute`, ...
    pub rule: String,
    /// Whether it fired.
    pub fired: bool,
    /// Why, in words.
    pub why: String,
}

/// An action held back, by what rule, and until when.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Blocked {
    /// The action.
    pub action: Action,
    /// The rule.
    pub rule: String,
    /// Why.
    pub why: String,
    /// The first instant the rule allows it, if there is one.
    pub until: Option<Instant>,
}

/// Where the account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub enum Standing {
    /// The ladder runs.
    Active,
    /// Collection waits: a dispute, a promise, a current plan.
    Held,
    /// Collection ends: paid, bankrupt, deceased.
    Stopped,
}

/// A decision before its audit.
pub(crate) struct Decision {
    pub standing: Standing,
    pub next: Option<(Action, Channel, String, Instant)>,
    pub segment: Option<String>,
    pub reasons: Vec<Reason>,
    pub blocked: Vec<Blocked>,
    pub offset: i32,
}

/// Decides the next action of `account` with its `history` (sorted by time) at `now`.
pub(crate) fn decide(
    account: &Account<'_>,
    book: &Book<Cow<'_, str>>,
    history: &[HistoryItem<'_>],
    policy: &Policy,
    zone: &Zone,
    now: Instant,
) -> Result<Decision> {
    let today = zone.date(now)?;
    let facts = Facts::new(account, book, today)?;
    let past: Vec<HistoryItem<'_>> = history.iter().filter(|i| i.at <= now).cloned().collect();
    let mut d = Decision {
        standing: Standing::Active,
        next: None,
        segment: None,
        reasons: Vec::new(),
        blocked: Vec::new(),
        offset: zone.offset(now)?,
    };
    let last = |kind: Kind| past.iter().rev().find(|i| i.kind == kind).map(|i| i.at);
    let done_since = |action: Action, since: Option<Instant>| {
        past.iter()
            .any(|i| i.action == Some(action) && since.is_none_or(|s| i.at >= s))
    };
    // Stops.
    for (kind, rule, why) in [
        (Kind::Bankruptcy, "stop:bankruptcy", "the debtor filed for bankruptcy: collection stops (the automatic stay, 11 U.S.C. §362)"),
        (Kind::Deceased, "stop:deceased", "the debtor died: collection stops"),
    ] {
        if last(kind).is_some() {
            d.reason(rule, true, why);
            d.standing = Standing::Stopped;
            return Ok(d);
        }
    }
    let ask = |action: Action,
               channel: Channel,
               template: &str,
               from: Instant,
               d: &mut Decision|
     -> Result<bool> {
        d.propose(policy, zone, &past, action, channel, template, from)
    };
    // A judgment: enforce it, then watch.
    if let Some(judgment) = last(Kind::Judgment) {
        let e = &policy.events;
        d.reason("event:judgment", true, "a judgment was recorded");
        let enforced = past
            .iter()
            .rev()
            .find(|i| i.action == Some(Action::JudgmentEnforcement) && i.at >= judgment)
            .map(|i| i.at);
        match enforced {
            None => {
                ask(
                    Action::JudgmentEnforcement,
                    e.judgment_enforcement.channel,
                    &e.judgment_enforcement.template,
                    now,
                    &mut d,
                )?;
            }
            Some(enforced) => {
                let watched = past
                    .iter()
                    .rev()
                    .find(|i| i.action == Some(Action::PostJudgmentMonitoring))
                    .map(|i| i.at)
                    .unwrap_or(enforced)
                    .max(enforced);
                let next = zone.instant(
                    add_days(zone.date(watched)?, i64::from(e.monitoring_days)),
                    NaiveTime::MIN,
                )?;
                ask(
                    Action::PostJudgmentMonitoring,
                    e.post_judgment_monitoring.channel,
                    &e.post_judgment_monitoring.template,
                    next.max(now),
                    &mut d,
                )?;
            }
        }
        return Ok(d);
    }
    // Events: a payment, a broken promise, a missed installment.
    let acknowledged = past
        .iter()
        .rev()
        .find(|i| i.action == Some(Action::PaymentAcknowledgment))
        .map(|i| zone.date(i.at))
        .transpose()?;
    let paid_since = facts
        .payment_days
        .iter()
        .chain(
            past.iter()
                .filter(|i| i.kind == Kind::Payment)
                .map(|i| i.at)
                .filter_map(|at| zone.date(at).ok())
                .collect::<Vec<_>>()
                .iter(),
        )
        .any(|day| acknowledged.is_none_or(|a| *day > a));
    let e = &policy.events;
    if paid_since {
        d.reason(
            "event:payment",
            true,
            "a payment was received and not yet acknowledged",
        );
        if ask(
            Action::PaymentAcknowledgment,
            e.payment_acknowledgment.channel,
            &e.payment_acknowledgment.template,
            now,
            &mut d,
        )? {
            return Ok(d);
        }
    }
    if facts.open <= 0 {
        d.reason(
            "stop:paidInFull",
            true,
            "nothing is open: the account is paid",
        );
        d.standing = Standing::Stopped;
        return Ok(d);
    }
    if let Some(broken) = facts.promises_broken.iter().max() {
        let since = zone.instant(add_days(*broken, 1), NaiveTime::MIN)?;
        if !done_since(Action::PromiseFollowUp, Some(since)) {
            d.reason(
                "event:brokenPromise",
                true,
                &format!("the promise to pay by {broken} was broken"),
            );
            if ask(
                Action::PromiseFollowUp,
                e.promise_follow_up.channel,
                &e.promise_follow_up.template,
                now,
                &mut d,
            )? {
                return Ok(d);
            }
        }
    }
    if let Some(missed) = facts.plan_missed.iter().max() {
        let since = zone.instant(add_days(*missed, 1), NaiveTime::MIN)?;
        if !done_since(Action::PlanMissedFollowUp, Some(since)) {
            d.reason(
                "event:missedInstallment",
                true,
                &format!("the installment due {missed} is unpaid"),
            );
            if ask(
                Action::PlanMissedFollowUp,
                e.plan_missed_follow_up.channel,
                &e.plan_missed_follow_up.template,
                now,
                &mut d,
            )? {
                return Ok(d);
            }
        }
    }
    // The segment and its ladder: which steps are still to come.
    let segment = segment(policy, &facts, &mut d);
    // A checked policy has a ladder for every segment.
    let ladder = policy
        .ladders
        .iter()
        .find(|l| l.segment == segment)
        .ok_or_else(|| crate::error::internal("a segment without a ladder"))?;
    d.segment = Some(segment);
    let pending = pending_steps(ladder, policy, &facts, &past, zone, today, &mut d)?;
    // Holds.
    let disputed = match (last(Kind::Dispute), last(Kind::DisputeResolved)) {
        (Some(dispute), resolved) => resolved.is_none_or(|r| r < dispute),
        _ => false,
    };
    let hold = if disputed || facts.oldest_due.is_none() {
        Some((
            "hold:dispute",
            "the debt is disputed: collection waits until it is verified (FDCPA §809(b))",
            None,
        ))
    } else if let Some(until) = facts.promises_pending.iter().max() {
        let until = zone.instant(add_days(*until, 1), NaiveTime::MIN)?;
        Some((
            "hold:promise",
            "a promise to pay is pending: collection waits until it is kept or broken",
            Some(until),
        ))
    } else if facts.active_plan() {
        let until = facts
            .plan_next
            .map(|n| zone.instant(add_days(n, 1), NaiveTime::MIN))
            .transpose()?;
        Some((
            "hold:plan",
            "a payment plan is in force: collection waits unless it breaks",
            until,
        ))
    } else {
        None
    };
    if let Some((rule, why, until)) = hold {
        d.reason(rule, true, why);
        d.standing = Standing::Held;
        if let Some((step, _)) = pending.first() {
            d.blocked.push(Blocked {
                action: step.action,
                rule: rule.to_owned(),
                why: why.to_owned(),
                until,
            });
        }
        return Ok(d);
    }
    let cease = policy.compliance.cease_communication && last(Kind::CeaseRequest).is_some();
    let mut steps = pending.into_iter();
    while let Some((step, day)) = steps.next() {
        let rule = format!("ladder:{}", action_name(step.action));
        if cease && !allowed_after_cease(step) {
            d.blocked.push(Blocked {
                action: step.action,
                rule: "ceaseCommunication".into(),
                why: "the debtor asked in writing that communication cease (FDCPA §805(c))".into(),
                until: None,
            });
            d.reason(
                &rule,
                false,
                &format!(
                    "{}, held back by the request to cease",
                    due_words(step, day)
                ),
            );
            continue;
        }
        let from = zone.instant(day, NaiveTime::MIN)?.max(now);
        if d.propose(
            policy,
            zone,
            &past,
            step.action,
            step.channel,
            &step.template,
            from,
        )? {
            d.reason(&rule, true, &due_words(step, day));
            for (later, day) in steps {
                d.reason(
                    &format!("ladder:{}", action_name(later.action)),
                    false,
                    &format!("to come: {}", due_words(later, day)),
                );
            }
            return Ok(d);
        }
        d.reason(
            &rule,
            false,
            &format!(
                "{}, and a rule forbids it (see blocked)",
                due_words(step, day)
            ),
        );
    }
    d.reason("ladder:end", true, "no step of the ladder is left");
    Ok(d)
}

/// The steps of `ladder` still to come, in order, each with its day; the trail says why
/// each other step is not (done, its conditions, lapsed).
fn pending_steps<'l>(
    ladder: &'l Ladder,
    policy: &Policy,
    facts: &Facts,
    past: &[HistoryItem<'_>],
    zone: &Zone,
    today: NaiveDate,
    d: &mut Decision,
) -> Result<Vec<(&'l Step, NaiveDate)>> {
    let Some(oldest) = facts.oldest_due else {
        return Ok(Vec::new());
    };
    let steps = schedule(ladder, policy, oldest);
    // This round of collection began with its first step; history before it is an earlier one.
    let cycle = zone.instant(
        steps.iter().map(|s| s.1).min().unwrap_or(oldest),
        NaiveTime::MIN,
    )?;
    let done = |step: &Step| {
        past.iter().any(|i| {
            i.action == Some(step.action)
                && i.at >= cycle
                && match step.channel {
                    Channel::Phone => i.kind == Kind::Conversation,
                    Channel::Task => i.kind == Kind::TaskDone,
                    _ => matches!(i.kind, Kind::Message | Kind::Conversation | Kind::TaskDone),
                }
        })
    };
    let mut pending = Vec::new();
    let mut last_resorts = Vec::new();
    for (i, (step, day)) in steps.iter().enumerate() {
        let rule = format!("ladder:{}", action_name(step.action));
        if done(step) {
            d.reason(&rule, false, "done");
            continue;
        }
        if let Some(why) = unmet(step, policy, facts) {
            d.reason(&rule, false, &why);
            continue;
        }
        // A later step due or done passes over this one, unless it is required.
        let later_due = steps
            .iter()
            .skip(i + 1)
            .any(|(s, later)| *later <= today && s.action != step.action);
        if !step.required && later_due && *day < today {
            d.reason(
                &rule,
                false,
                &format!("lapsed: due {day}, and a later step is due too"),
            );
            continue;
        }
        match step.when.contains(&StepCondition::NothingElse) {
            true => last_resorts.push((*step, *day)),
            false => pending.push((*step, *day)),
        }
    }
    // A last resort waits until no other step is to come.
    for (step, day) in last_resorts {
        match pending.is_empty() {
            true => pending.push((step, day)),
            false => d.reason(
                &format!("ladder:{}", action_name(step.action)),
                false,
                "waits: other steps are still to come",
            ),
        }
    }
    Ok(pending)
}

/// When a step of the ladder is due, in words.
fn due_words(step: &Step, day: NaiveDate) -> String {
    let days = step.offset.unsigned_abs();
    let unit = if days == 1 { "day" } else { "days" };
    let side = if step.offset < 0 { "before" } else { "after" };
    format!(
        "due {day}, {days} {unit} {side} the {}",
        anchor_word(step.from)
    )
}

impl Decision {
    fn reason(&mut self, rule: &str, fired: bool, why: &str) {
        self.reasons.push(Reason {
            rule: rule.to_owned(),
            fired,
            why: why.to_owned(),
        });
    }

    /// Takes `action` at its earliest compliant instant from `from`; false when a rule
    /// forbids it (it is then listed as blocked).
    #[allow(clippy::too_many_arguments)]
    fn propose(
        &mut self,
        policy: &Policy,
        zone: &Zone,
        history: &[HistoryItem<'_>],
        action: Action,
        channel: Channel,
        template: &str,
        from: Instant,
    ) -> Result<bool> {
        let (at, holds) = earliest(&policy.compliance, zone, history, action, channel, from)?;
        for Hold { rule, why, until } in holds {
            self.blocked.push(Blocked {
                action,
                rule,
                why,
                until,
            });
        }
        match at {
            Some(at) => {
                self.next = Some((action, channel, template.to_owned(), at));
                self.offset = zone.offset(at)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// The account's segment: the first rule whose conditions hold (a checked policy ends with
/// a rule without conditions).
fn segment(policy: &Policy, facts: &Facts, d: &mut Decision) -> String {
    for rule in &policy.segments {
        let all: Vec<(bool, String)> = rule.all.iter().map(|c| facts.holds(c)).collect();
        let any: Vec<(bool, String)> = rule.any.iter().map(|c| facts.holds(c)).collect();
        let matches = all.iter().all(|c| c.0) && (any.is_empty() || any.iter().any(|c| c.0));
        let shown: Vec<String> = rule
            .all
            .iter()
            .chain(&rule.any)
            .zip(all.iter().chain(&any))
            .map(|(c, (_, value))| format!("{} is {value}", fact_name(c.fact)))
            .collect();
        let why = match shown.is_empty() {
            true => "no conditions".to_owned(),
            false => shown.join(", "),
        };
        d.reason(&format!("segment:{}", rule.name), matches, &why);
        if matches {
            return rule.name.clone();
        }
    }
    policy
        .segments
        .last()
        .map(|r| r.name.clone())
        .unwrap_or_default()
}

/// Each step of a ladder with its day, in order of day then ladder order.
fn schedule<'l>(
    ladder: &'l Ladder,
    policy: &Policy,
    oldest: NaiveDate,
) -> Vec<(&'l Step, NaiveDate)> {
    let first_fee = policy
        .fees
        .iter()
        .filter_map(|rule| Schedule::new(rule, oldest).ok().and_then(|s| s.next))
        .min();
    let mut steps = Vec::new();
    for step in &ladder.steps {
        let anchor = match step.from {
            Anchor::OldestDueDate => Some(oldest),
            Anchor::FirstFee => first_fee,
        };
        if let Some(anchor) = anchor {
            steps.push((step, add_days(anchor, i64::from(step.offset))));
        }
    }
    crate::order::sort_by(&mut steps, &|a, b| a.1.cmp(&b.1));
    steps
}

/// Why a step's conditions do not hold, if they do not (`nothingElse` is weighed by the
/// caller, against the other steps).
fn unmet(step: &Step, policy: &Policy, facts: &Facts) -> Option<String> {
    let balance = Money::from_minor(facts.open, Some(facts.currency));
    let at_least = |min: Decimal| balance.to_decimal() >= min;
    for condition in &step.when {
        let ok = match condition {
            StepCondition::FeeWillBeAssessed => !policy.fees.is_empty(),
            StepCondition::AgencyWorthIt => {
                let a = &policy.agency;
                let net = balance.times(
                    a.recovery_rate * (Decimal::ONE - a.fee_share_percent / Decimal::ONE_HUNDRED),
                    Rounding::HalfEven,
                );
                at_least(a.min_balance.0) && net.is_ok_and(|n| n.minor() > 0)
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
        if !ok {
            return Some(format!(
                "its condition {} does not hold",
                condition_name(*condition)
            ));
        }
    }
    None
}

/// After a request to cease, only what the law allows: tasks (no contact), and letters that
/// state a remedy the creditor will invoke (FDCPA §805(c)(2)-(3)).
fn allowed_after_cease(step: &Step) -> bool {
    step.channel == Channel::Task
        || matches!(step.action, Action::FinalDemand | Action::DemandLetter)
}

fn name_of<T: Encode>(value: &T) -> String {
    crate::json::to_string(value)
        .unwrap_or_default()
        .trim_matches('"')
        .to_owned()
}

pub(crate) fn action_name(action: Action) -> String {
    name_of(&action)
}

fn fact_name(fact: crate::policy::Fact) -> String {
    name_of(&fact)
}

fn condition_name(condition: StepCondition) -> String {
    name_of(&condition)
}

fn anchor_word(anchor: Anchor) -> &'static str {
    match anchor {
        Anchor::OldestDueDate => "oldest due date",
        Anchor::FirstFee => "first fee",
    }
}
