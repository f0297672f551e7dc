//! The next action of an account: stops first, then a judgment and the events (a payment, a
//! broken promise, a missed installment), then holds, then the segment's ladder; each action at
//! the earliest instant the compliance rules allow, with the trail of every rule weighed.

use super::account::{Account, HistoryItem, Kind};
use super::compliance::{earliest, Hold};
use super::facts::Facts;
use super::instant::{add_days, Instant};
use super::ladder::{self, allowed_after_cease, due_words, name_of};
use super::zones::Zone;
use crate::error::Result;
use crate::json::{Describe, Encode};
use crate::ledger::Book;
use crate::policy::{Action, Channel, Condition, EventStep, Policy};
use chrono::NaiveTime;
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
    /// The first instant the rule allows it, if there is one, in the debtor's local time.
    pub until: Option<super::LocalInstant>,
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
    /// The zone's offset at the next action (or at `now`).
    pub offset: i32,
}

/// What one decision reads.
struct Case<'c, 'a> {
    policy: &'c Policy,
    zone: &'c Zone,
    /// The history up to `now`, in order.
    past: Vec<HistoryItem<'a>>,
    now: Instant,
}

impl Case<'_, '_> {
    /// When `kind` last happened.
    fn last(&self, kind: Kind) -> Option<Instant> {
        self.past
            .iter()
            .rev()
            .find(|i| i.kind == kind)
            .map(|i| i.at)
    }

    /// When `action` was last carried out.
    fn last_done(&self, action: Action) -> Option<Instant> {
        self.past
            .iter()
            .rev()
            .find(|i| i.action == Some(action))
            .map(|i| i.at)
    }

    /// The instant a local day begins.
    fn start_of(&self, day: chrono::NaiveDate) -> Result<Instant> {
        self.zone.instant(day, NaiveTime::MIN)
    }

    /// Takes `action` on `channel` at its earliest compliant instant from `from`; false when a
    /// rule forbids it (the rule goes to `blocked`).
    fn propose(
        &self,
        d: &mut Decision,
        action: Action,
        channel: Channel,
        template: &str,
        from: Instant,
    ) -> Result<bool> {
        let (at, holds) = earliest(
            &self.policy.compliance,
            self.zone,
            &self.past,
            action,
            channel,
            from,
        )?;
        d.blocked
            .extend(holds.into_iter().map(|Hold { rule, why, until }| Blocked {
                action,
                rule,
                why,
                until,
            }));
        let Some(at) = at else { return Ok(false) };
        d.next = Some((action, channel, template.to_owned(), at));
        d.offset = self.zone.offset(at)?;
        Ok(true)
    }

    /// The action an event calls for, from `from`.
    fn event(
        &self,
        d: &mut Decision,
        action: Action,
        step: &EventStep,
        from: Instant,
    ) -> Result<bool> {
        self.propose(d, action, step.channel, &step.template, from)
    }
}

impl Decision {
    fn reason(&mut self, rule: &str, fired: bool, why: &str) {
        self.reasons.push(Reason {
            rule: rule.to_owned(),
            fired,
            why: why.to_owned(),
        });
    }

    fn stop(mut self, rule: &str, why: &str) -> Decision {
        self.reason(rule, true, why);
        self.standing = Standing::Stopped;
        self
    }
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
    let case = Case {
        policy,
        zone,
        past: history.iter().filter(|i| i.at <= now).cloned().collect(),
        now,
    };
    let mut d = Decision {
        standing: Standing::Active,
        next: None,
        segment: None,
        reasons: Vec::new(),
        blocked: Vec::new(),
        offset: zone.offset(now)?,
    };
    // The segment first: every answer names it, whatever decides the action.
    d.segment = Some(segment(policy, &facts, &mut d));
    if case.last(Kind::Bankruptcy).is_some() {
        return Ok(d.stop("stop:bankruptcy", "the debtor filed for bankruptcy: collection stops (the automatic stay, 11 U.S.C. §362)"));
    }
    if case.last(Kind::Deceased).is_some() {
        return Ok(d.stop("stop:deceased", "the debtor died: collection stops"));
    }
    if let Some(judgment) = case.last(Kind::Judgment) {
        after_judgment(&case, &mut d, judgment)?;
        return Ok(d);
    }
    if events(&case, &facts, &mut d)? {
        return Ok(d);
    }
    if facts.open <= 0 {
        return Ok(d.stop("stop:paidInFull", "nothing is open: the account is paid"));
    }
    // A checked policy has a ladder for every segment.
    let ladder = policy
        .ladders
        .iter()
        .find(|l| Some(&l.segment) == d.segment.as_ref())
        .ok_or_else(|| crate::error::internal("a segment without a ladder"))?;
    // The oldest open due date: without one, everything open is disputed.
    let standing = match facts.oldest_due {
        Some(oldest) => ladder::standing(ladder, policy, &facts, oldest, &case.past, zone, today)?,
        None => ladder::Standing {
            pending: Vec::new(),
            passed: Vec::new(),
        },
    };
    let mut trail: Vec<(usize, Reason)> = standing
        .passed
        .into_iter()
        .map(|(place, rule, why)| {
            (
                place,
                Reason {
                    rule,
                    fired: false,
                    why,
                },
            )
        })
        .collect();
    if let Some((rule, why, until)) = hold(&case, &facts)? {
        let until = until.map(|u| zone.at(u)).transpose()?;
        d.reason(rule, true, why);
        d.standing = Standing::Held;
        if let Some(first) = standing.pending.first() {
            d.blocked.push(Blocked {
                action: first.step.action,
                rule: rule.to_owned(),
                why: why.to_owned(),
                until,
            });
        }
        trail.extend(standing.pending.first().map(|p| {
            (
                p.place,
                Reason {
                    rule: ladder::rule(p.step.action),
                    fired: false,
                    why: format!("held: {}", due_words(p)),
                },
            )
        }));
    } else {
        climb(&case, &mut d, &standing.pending, &mut trail)?;
    }
    // The steps after the one taken (or held) are for `timeline`, not this decision.
    let horizon = trail.iter().filter(|t| t.1.fired).map(|t| t.0).max();
    let horizon = horizon
        .or(standing.pending.first().map(|p| p.place))
        .unwrap_or(usize::MAX);
    trail.retain(|(place, _)| *place <= horizon);
    crate::order::sort_by(&mut trail, &|a, b| a.0.cmp(&b.0));
    d.reasons
        .extend(trail.into_iter().map(|(_, reason)| reason));
    if d.standing == Standing::Active && d.next.is_none() {
        d.reason("ladder:end", true, "no step of the ladder is left");
    }
    Ok(d)
}

/// Takes the first pending step that the rules allow; the trail says why of each step
/// weighed (the steps after the one taken are for `timeline`, not this decision).
fn climb(
    case: &Case<'_, '_>,
    d: &mut Decision,
    pending: &[ladder::Dated<'_>],
    trail: &mut Vec<(usize, Reason)>,
) -> Result<()> {
    let cease =
        case.policy.compliance.cease_communication && case.last(Kind::CeaseRequest).is_some();
    for dated in pending {
        let step = dated.step;
        let (fired, why) = if cease && !allowed_after_cease(step) {
            let why = "the debtor asked in writing that communication cease (FDCPA §805(c))";
            d.blocked.push(Blocked {
                action: step.action,
                rule: "ceaseCommunication".into(),
                why: why.into(),
                until: None,
            });
            (
                false,
                format!("{}, held back by the request to cease", due_words(dated)),
            )
        } else if case.propose(
            d,
            step.action,
            step.channel,
            &step.template,
            case.start_of(dated.day)?.max(case.now),
        )? {
            trail.push((
                dated.place,
                Reason {
                    rule: ladder::rule(step.action),
                    fired: true,
                    why: due_words(dated),
                },
            ));
            return Ok(());
        } else {
            (
                false,
                format!("{}, and a rule forbids it (see blocked)", due_words(dated)),
            )
        };
        trail.push((
            dated.place,
            Reason {
                rule: ladder::rule(step.action),
                fired,
                why,
            },
        ));
    }
    Ok(())
}

/// After a judgment: enforce it, then review it every `monitoringDays`.
fn after_judgment(case: &Case<'_, '_>, d: &mut Decision, judgment: Instant) -> Result<()> {
    let events = &case.policy.events;
    d.reason("event:judgment", true, "a judgment was recorded");
    match case
        .last_done(Action::JudgmentEnforcement)
        .filter(|at| *at >= judgment)
    {
        None => {
            case.event(
                d,
                Action::JudgmentEnforcement,
                &events.judgment_enforcement,
                case.now,
            )?;
        }
        Some(enforced) => {
            let reviewed = case
                .last_done(Action::PostJudgmentMonitoring)
                .map_or(enforced, |at| at.max(enforced));
            let next = case.start_of(add_days(
                case.zone.date(reviewed)?,
                i64::from(events.monitoring_days),
            ))?;
            case.event(
                d,
                Action::PostJudgmentMonitoring,
                &events.post_judgment_monitoring,
                next.max(case.now),
            )?;
        }
    }
    Ok(())
}

/// The actions events call for: a payment not yet acknowledged, a broken promise or a missed
/// installment not yet followed up. True when one was taken.
fn events(case: &Case<'_, '_>, facts: &Facts, d: &mut Decision) -> Result<bool> {
    let events = &case.policy.events;
    let acknowledged = case
        .last_done(Action::PaymentAcknowledgment)
        .map(|at| case.zone.date(at))
        .transpose()?;
    // Payments of the last `acknowledgeWithinDays` days, after the last acknowledgment.
    let today = case.zone.date(case.now)?;
    let since = add_days(today, -i64::from(events.acknowledge_within_days));
    let mut paid = facts.payment_days.clone();
    for item in case.past.iter().filter(|i| i.kind == Kind::Payment) {
        paid.push(case.zone.date(item.at)?);
    }
    if paid
        .iter()
        .any(|day| *day >= since && acknowledged.is_none_or(|a| *day > a))
    {
        d.reason(
            "event:payment",
            true,
            "a payment was received and not yet acknowledged",
        );
        if case.event(
            d,
            Action::PaymentAcknowledgment,
            &events.payment_acknowledgment,
            case.now,
        )? {
            return Ok(true);
        }
    }
    let followed_up = |action: Action, day: chrono::NaiveDate| -> Result<bool> {
        let since = case.start_of(add_days(day, 1))?;
        Ok(case.last_done(action).is_some_and(|at| at >= since))
    };
    if let Some(broken) = facts.promises_broken.iter().max() {
        if facts.open > 0 && !followed_up(Action::PromiseFollowUp, *broken)? {
            d.reason(
                "event:brokenPromise",
                true,
                &format!("the promise to pay by {broken} was broken"),
            );
            if case.event(
                d,
                Action::PromiseFollowUp,
                &events.promise_follow_up,
                case.now,
            )? {
                return Ok(true);
            }
        }
    }
    if let Some(missed) = facts.plan_missed.iter().max() {
        if facts.open > 0 && !followed_up(Action::PlanMissedFollowUp, *missed)? {
            d.reason(
                "event:missedInstallment",
                true,
                &format!("the installment due {missed} is unpaid"),
            );
            if case.event(
                d,
                Action::PlanMissedFollowUp,
                &events.plan_missed_follow_up,
                case.now,
            )? {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// What holds collection back, if anything: a dispute (until resolved), a pending promise
/// (until the day after its date), a plan in force (until the day after its next installment).
fn hold(
    case: &Case<'_, '_>,
    facts: &Facts,
) -> Result<Option<(&'static str, &'static str, Option<Instant>)>> {
    let disputed = match (case.last(Kind::Dispute), case.last(Kind::DisputeResolved)) {
        (Some(dispute), resolved) => resolved.is_none_or(|r| r < dispute),
        (None, _) => false,
    };
    Ok(if disputed || facts.oldest_due.is_none() {
        Some((
            "hold:dispute",
            "the debt is disputed: collection waits until it is verified (FDCPA §809(b))",
            None,
        ))
    } else if let Some(until) = facts.promises_pending.iter().max() {
        let until = case.start_of(add_days(*until, 1))?;
        Some((
            "hold:promise",
            "a promise to pay is pending: collection waits until it is kept or broken",
            Some(until),
        ))
    } else if facts.active_plan() {
        let until = facts
            .plan_next
            .map(|n| case.start_of(add_days(n, 1)))
            .transpose()?;
        Some((
            "hold:plan",
            "a payment plan is in force: collection waits unless it breaks",
            until,
        ))
    } else {
        None
    })
}

/// The account's segment: the first rule whose conditions hold (a checked policy ends with
/// a rule without conditions).
fn segment(policy: &Policy, facts: &Facts, d: &mut Decision) -> String {
    for rule in &policy.segments {
        let all: Vec<(bool, String)> = rule.all.iter().map(|c| weigh(facts, c)).collect();
        let any: Vec<(bool, String)> = rule.any.iter().map(|c| weigh(facts, c)).collect();
        let matches = all.iter().all(|c| c.0) && (any.is_empty() || any.iter().any(|c| c.0));
        let shown: Vec<&str> = all.iter().chain(&any).map(|c| c.1.as_str()).collect();
        let why = match shown.is_empty() {
            true => "no conditions".to_owned(),
            false => shown.join("; "),
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

/// Whether `condition` holds, in words: `accountAgeDays is 367, not below 90`.
fn weigh(facts: &Facts, condition: &Condition) -> (bool, String) {
    let fact = name_of(&condition.fact);
    let Some(value) = facts.value(condition.fact) else {
        return (false, format!("{fact} is unknown"));
    };
    let mut tests = Vec::new();
    if let Some(at_least) = condition.at_least {
        tests.push((
            value >= at_least,
            format!("at least {}", at_least.normalize()),
        ));
    }
    if let Some(below) = condition.below {
        tests.push((value < below, format!("below {}", below.normalize())));
    }
    if let Some(is) = condition.is {
        tests.push((
            value.is_zero() != is,
            if is {
                "yes".to_owned()
            } else {
                "no".to_owned()
            },
        ));
    }
    let holds = tests.iter().all(|t| t.0);
    let test = tests
        .into_iter()
        .map(|t| t.1)
        .collect::<Vec<_>>()
        .join(" and ");
    // At most four places, cut toward zero (an average of 76 / 3 days is 25.3333), so that a
    // value shown never crosses a bound of four places the other way.
    let shown = match condition.is {
        Some(_) => (if value.is_zero() { "no" } else { "yes" }).to_owned(),
        None => value
            .round_dp_with_strategy(4, rust_decimal::RoundingStrategy::ToZero)
            .normalize()
            .to_string(),
    };
    let not = if holds { "" } else { "not " };
    (holds, format!("{fact} is {shown}, {not}{test}"))
}
