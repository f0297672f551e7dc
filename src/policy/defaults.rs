//! The default strategy: the process of the collection seeds, written as segments and
//! ladders. Every action of the vocabulary is reachable from it.

use super::strategy::{
    Action, Agency, Anchor, Channel, Condition, EventStep, Events, Fact, Ladder, Legal,
    SegmentRule, Step, StepCondition,
};
use crate::money::Amount;
use rust_decimal::Decimal;

/// `newAccount` (younger than 90 days), `highRisk` (open balance of 10,000 or more, or a
/// risk score of 0.7 or more), `slowPayer` (half or more of the last twelve paid late, ten
/// days late or more on average), `goodStanding` (the rest).
pub(super) fn segments() -> Vec<SegmentRule> {
    let condition = |fact, at_least: Option<Decimal>, below: Option<Decimal>| Condition {
        fact,
        at_least,
        below,
        is: None,
    };
    vec![
        SegmentRule {
            name: "newAccount".into(),
            all: vec![condition(
                Fact::AccountAgeDays,
                None,
                Some(Decimal::new(90, 0)),
            )],
            any: vec![],
        },
        SegmentRule {
            name: "highRisk".into(),
            all: vec![],
            any: vec![
                condition(Fact::OpenBalance, Some(Decimal::new(10_000, 0)), None),
                condition(Fact::RiskScore, Some(Decimal::new(7, 1)), None),
            ],
        },
        SegmentRule {
            name: "slowPayer".into(),
            all: vec![
                condition(
                    Fact::ShareOfLastTwelvePaidLate,
                    Some(Decimal::new(5, 1)),
                    None,
                ),
                condition(Fact::AverageDaysLate, Some(Decimal::new(10, 0)), None),
            ],
            any: vec![],
        },
        SegmentRule {
            name: "goodStanding".into(),
            all: vec![],
            any: vec![],
        },
    ]
}

fn step(offset: i32, action: Action, channel: Channel) -> Step {
    Step {
        action,
        offset,
        from: Anchor::OldestDueDate,
        channel,
        template: template(action),
        when: Vec::new(),
        required: matches!(
            action,
            Action::FormalDefaultNotice | Action::FinalDemand | Action::DemandLetter
        ),
    }
}

fn template(action: Action) -> String {
    let name = crate::json::to_string(&action).unwrap_or_default();
    name.trim_matches('"').to_owned()
}

fn when(mut step: Step, condition: StepCondition) -> Step {
    step.when.push(condition);
    step
}

/// The steps from 30 days on, which every segment shares.
fn later_steps(plan_offer: i32) -> Vec<Step> {
    use Action::*;
    use Channel::*;
    let mut fee_notice = when(
        step(-5, LateFeeNotice, Email),
        StepCondition::FeeWillBeAssessed,
    );
    fee_notice.from = Anchor::FirstFee;
    vec![
        fee_notice,
        step(21, Escalation, Task),
        step(plan_offer, PaymentPlanOffer, Phone),
        step(45, CreditHold, Task),
        step(60, FormalDefaultNotice, Letter),
        step(75, SettlementOffer, Phone),
        step(90, CreditBureauReport, Task),
        step(90, FinalDemand, Letter),
        when(
            step(120, AgencyPlacement, Task),
            StepCondition::AgencyWorthIt,
        ),
        when(step(120, LegalReview, Task), StepCondition::LegalWorthIt),
        when(step(135, DemandLetter, Letter), StepCondition::LegalWorthIt),
        when(step(150, Lawsuit, Task), StepCondition::LegalWorthIt),
        when(step(365, WriteOff, Task), StepCondition::NothingElse),
    ]
}

/// The ladders of the default segments.
pub(super) fn ladders() -> Vec<Ladder> {
    use Action::*;
    use Channel::*;
    let early = |first: Vec<Step>| -> Vec<Step> {
        let mut steps = first;
        steps.extend([
            step(-3, PreDueReminder, Email),
            step(1, DueDateReminder, Email),
            step(7, SecondReminder, Phone),
        ]);
        steps
    };
    let good = [early(vec![]), later_steps(30)].concat();
    let mut high = early(vec![step(-5, GoodwillCall, Phone)]);
    high.push(step(3, FollowUp, Email));
    high.extend(later_steps(14));
    high.push(step(30, CreditLimitReduction, Task));
    let mut slow = good.clone();
    slow.push(step(15, ServiceSuspension, Task));
    let mut new = early(vec![]);
    new.extend([
        step(14, ServiceSuspension, Task),
        step(30, AccountCancellation, Task),
    ]);
    new.extend(
        later_steps(30)
            .into_iter()
            .filter(|s| s.offset >= 60 || s.from == Anchor::FirstFee),
    );
    let sorted = |mut steps: Vec<Step>| {
        crate::order::sort_by(&mut steps, &|a, b| a.offset.cmp(&b.offset));
        steps
    };
    [
        ("goodStanding", good),
        ("highRisk", high),
        ("slowPayer", slow),
        ("newAccount", new),
    ]
    .into_iter()
    .map(|(segment, steps)| Ladder {
        segment: segment.into(),
        steps: sorted(steps),
    })
    .collect()
}

/// The actions events call for.
pub(super) fn events() -> Events {
    let event = |channel, action| EventStep {
        channel,
        template: template(action),
    };
    Events {
        payment_acknowledgment: event(Channel::Email, Action::PaymentAcknowledgment),
        promise_follow_up: event(Channel::Phone, Action::PromiseFollowUp),
        plan_missed_follow_up: event(Channel::Phone, Action::PlanMissedFollowUp),
        judgment_enforcement: event(Channel::Task, Action::JudgmentEnforcement),
        post_judgment_monitoring: event(Channel::Task, Action::PostJudgmentMonitoring),
        acknowledge_within_days: 7,
        monitoring_days: 90,
    }
}

/// An agency is worth it from 500 of balance; it keeps 30% of what it recovers, and is
/// expected to recover a quarter.
pub(super) fn agency() -> Agency {
    Agency {
        min_balance: Amount(Decimal::new(500, 0)),
        fee_share_percent: Decimal::new(30, 0),
        recovery_rate: Decimal::new(25, 2),
    }
}

/// A suit is weighed from 5,000 of balance, costs 1,500, and is expected to recover half.
pub(super) fn legal() -> Legal {
    Legal {
        min_balance: Amount(Decimal::new(5_000, 0)),
        estimated_cost: Amount(Decimal::new(1_500, 0)),
        recovery_rate: Decimal::new(5, 1),
    }
}
