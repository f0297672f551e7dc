//! The policy's collection strategy: segments over account facts, a ladder of steps per
//! segment, the actions events call for, the agency and legal thresholds, and the compliance
//! rules every step obeys. The default is the process of the collection seeds.

use crate::dates::Calendar;
use crate::error::{quoted, Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::limits::MAX_ID_BYTES;
use crate::money::Amount;
use rust_decimal::Decimal;

/// A rule that names a segment: it matches when every `all` condition holds and, if `any`
/// is given, at least one of those. The first rule that matches names the account's segment.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct SegmentRule {
    /// The segment's name, which a ladder names.
    pub name: String,
    /// Conditions that must all hold.
    #[json(default)]
    pub all: Vec<Condition>,
    /// Conditions of which one must hold (none given: no such need).
    #[json(default)]
    pub any: Vec<Condition>,
}

/// A condition on one fact of the account: `atLeast` and `below` bound a number, `is` a yes
/// or no.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Condition {
    /// The fact.
    pub fact: Fact,
    /// The fact is at least this.
    pub at_least: Option<Decimal>,
    /// The fact is below this.
    pub below: Option<Decimal>,
    /// The fact is this (for yes-or-no facts).
    pub is: Option<bool>,
}

/// A fact of an account, as of the day of the decision in its time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Fact {
    /// Everything open, in the account's currency (disputed included).
    OpenBalance,
    /// Days past due of the oldest open invoice.
    OldestDaysPastDue,
    /// Average days late of the invoices paid (of the last twelve paid).
    AverageDaysLate,
    /// The share of the last twelve paid invoices paid late, 0 to 1.
    ShareOfLastTwelvePaidLate,
    /// Days since the first invoice.
    AccountAgeDays,
    /// The credit limit the caller gives.
    CreditLimit,
    /// Open balance over credit limit, 0 and up.
    Utilisation,
    /// The risk score the caller gives, 0 to 1.
    RiskScore,
    /// The open amount of disputed invoices.
    DisputedAmount,
    /// A payment plan that is neither broken nor completed.
    ActivePlan,
    /// A promise to pay still pending.
    ActivePromise,
    /// Promises broken.
    BrokenPromises,
}

/// A segment's ladder of steps.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Ladder {
    /// The segment it is for.
    pub segment: String,
    /// Its steps, in order.
    pub steps: Vec<Step>,
}

/// One step of a ladder.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Step {
    /// What is done.
    pub action: Action,
    /// Days from the anchor (negative is before it), from −365 to 3,650.
    #[json(range = "-365..=3650")]
    pub offset: i32,
    /// What the offset counts from (default the oldest open due date).
    #[json(default)]
    pub from: Anchor,
    /// How: `email`, `sms`, `letter`, `phone` or `task` (for a person).
    pub channel: Channel,
    /// The template the message uses.
    pub template: String,
    /// Conditions the step needs.
    #[json(default)]
    pub when: Vec<StepCondition>,
    /// A required step never lapses: a later step waits for it.
    #[json(default)]
    pub required: bool,
}

/// What a step's offset counts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Anchor {
    /// The due date of the oldest open invoice.
    #[default]
    OldestDueDate,
    /// The first day a fee rule would assess the oldest open invoice.
    FirstFee,
}

/// A condition of a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum StepCondition {
    /// A fee rule will assess a fee on the oldest open invoice.
    FeeWillBeAssessed,
    /// The balance is at least `agency.minBalance` and the recovery net of the agency's
    /// share is positive.
    AgencyWorthIt,
    /// The balance is at least `legal.minBalance` and the expected recovery exceeds
    /// `legal.estimatedCost`.
    LegalWorthIt,
    /// No other step of the ladder is still to come.
    NothingElse,
}

/// What a step or an event does: every step of the collection process.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Decode, Encode, Describe)]
pub enum Action {
    /// A call before the due date to check the invoice was received.
    GoodwillCall,
    /// A courtesy reminder a few days before the due date.
    PreDueReminder,
    /// A reminder on or just after the due date.
    DueDateReminder,
    /// A gentle follow-up.
    FollowUp,
    /// A second reminder about a week late.
    SecondReminder,
    /// Notice of late fees before they are applied.
    LateFeeNotice,
    /// Escalation to a senior collector.
    Escalation,
    /// The account on credit hold.
    CreditHold,
    /// The credit limit reduced.
    CreditLimitReduction,
    /// Service suspended until the account is current.
    ServiceSuspension,
    /// A formal notice of default stating the total due with fees and interest.
    FormalDefaultNotice,
    /// A payment plan offered.
    PaymentPlanOffer,
    /// A settlement offered.
    SettlementOffer,
    /// The default reported to credit bureaus.
    CreditBureauReport,
    /// A final demand letter.
    FinalDemand,
    /// The account placed with a collection agency.
    AgencyPlacement,
    /// Counsel reviews whether a suit is worth its cost.
    LegalReview,
    /// A demand letter from counsel.
    DemandLetter,
    /// A lawsuit filed.
    Lawsuit,
    /// A judgment enforced (garnishment, liens, levies).
    JudgmentEnforcement,
    /// The debtor's situation watched after judgment.
    PostJudgmentMonitoring,
    /// The account cancelled.
    AccountCancellation,
    /// The debt written off.
    WriteOff,
    /// A payment acknowledged, with thanks.
    PaymentAcknowledgment,
    /// A broken promise followed up.
    PromiseFollowUp,
    /// A missed plan installment followed up.
    PlanMissedFollowUp,
}

/// How a step reaches the debtor, or a task for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Channel {
    /// Email.
    Email,
    /// Text message.
    Sms,
    /// Mail.
    Letter,
    /// Telephone call.
    Phone,
    /// Work for a person; not a communication.
    Task,
}

/// The channel and template of an action an event calls for.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct EventStep {
    /// How.
    pub channel: Channel,
    /// The template.
    pub template: String,
}

/// The actions events call for.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Events {
    /// After a payment.
    pub payment_acknowledgment: EventStep,
    /// Payments received within this many days (default 7) and not yet acknowledged are
    /// acknowledged; older ones are taken as dealt with.
    #[json(default = "seven", range = "0..=365")]
    pub acknowledge_within_days: u32,
    /// After a broken promise.
    pub promise_follow_up: EventStep,
    /// After a missed plan installment.
    pub plan_missed_follow_up: EventStep,
    /// After a judgment.
    pub judgment_enforcement: EventStep,
    /// After the judgment is enforced, every `monitoringDays`.
    pub post_judgment_monitoring: EventStep,
    /// Days between post-judgment reviews (default 90).
    #[json(default = "ninety", range = "1..=3650")]
    pub monitoring_days: u32,
}

/// When an account goes to a collection agency, which works on contingency.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Agency {
    /// The least balance worth placing.
    pub min_balance: Amount,
    /// The agency's share of what it recovers, in percent (commonly 25 to 50).
    pub fee_share_percent: Decimal,
    /// The share of the balance it is expected to recover, 0 to 1.
    pub recovery_rate: Decimal,
}

/// When a suit is worth its cost.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Legal {
    /// The least balance worth suing for.
    pub min_balance: Amount,
    /// Court fees and counsel, paid whether or not the suit recovers.
    pub estimated_cost: Amount,
    /// The share of the balance a suit is expected to recover, 0 to 1.
    pub recovery_rate: Decimal,
}

/// The compliance rules; each can be switched off (business debts need fewer).
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Compliance {
    /// Communications only within these local hours, 12 CFR 1006.6(b)(1)(i).
    #[json(default)]
    pub contact_hours: ContactHours,
    /// Call attempts within 7 consecutive days, 12 CFR 1006.14(b)(2).
    #[json(default)]
    pub call_frequency: CallFrequency,
    /// The validation period before credit reporting, 12 CFR 1006.34.
    #[json(default)]
    pub validation: Validation,
    /// Credit reporting only after contact, 12 CFR 1006.30(a).
    #[json(default)]
    pub credit_reporting: CreditReporting,
    /// No contact on weekends and holidays of a calendar (off by default).
    #[json(default)]
    pub quiet_days: QuietDays,
    /// Channels the debtor has opted out of.
    #[json(default)]
    pub opt_outs: Vec<Channel>,
    /// Honour a request to cease communication (FDCPA §805(c)).
    #[json(default = "yes")]
    pub cease_communication: bool,
}

/// The hours communications are allowed, local time: from `from` (allowed) to `to` (not).
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct ContactHours {
    /// On (default).
    #[json(default = "yes")]
    pub enabled: bool,
    /// The first hour allowed (default 8).
    #[json(default = "eight", range = "0..=23")]
    pub from_hour: u32,
    /// The hour from which contact is not allowed (default 21), after `fromHour`.
    #[json(default = "twenty_one", range = "1..=24")]
    pub to_hour: u32,
}

/// At most `maxCalls` call attempts within `days` consecutive days, and none within `days`
/// consecutive days after a telephone conversation (the day of it the first).
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct CallFrequency {
    /// On (default).
    #[json(default = "yes")]
    pub enabled: bool,
    /// The most attempts in the window (default 7).
    #[json(default = "seven", range = "0..=100")]
    pub max_calls: u32,
    /// The window in days (default 7).
    #[json(default = "seven", range = "1..=31")]
    pub days: u32,
}

/// The validation period: `periodDays` after receipt of the validation notice, receipt
/// assumed `receiptBusinessDays` business days of `calendar` after it was sent.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct Validation {
    /// On (default).
    #[json(default = "yes")]
    pub enabled: bool,
    /// Days of the period (default 30).
    #[json(default = "thirty", range = "0..=365")]
    pub period_days: u32,
    /// Business days to receipt (default 5).
    #[json(default = "five", range = "0..=30")]
    pub receipt_business_days: u32,
    /// The calendar of those business days (default `US`: weekends and federal holidays).
    #[json(default = "us")]
    pub calendar: Calendar,
}

/// No credit reporting before the debtor was spoken to, or mailed and `waitDays` passed
/// without a notice of undeliverability.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct CreditReporting {
    /// On (default).
    #[json(default = "yes")]
    pub enabled: bool,
    /// Days to wait after a mailed notice (default 14).
    #[json(default = "fourteen", range = "0..=365")]
    pub wait_days: u32,
}

/// No contact on weekends and holidays of a calendar.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct QuietDays {
    /// Off by default.
    #[json(default)]
    pub enabled: bool,
    /// The calendar (default `US`).
    #[json(default = "us")]
    pub calendar: Calendar,
}

fn yes() -> bool {
    true
}
fn eight() -> u32 {
    8
}
fn twenty_one() -> u32 {
    21
}
fn seven() -> u32 {
    7
}
fn thirty() -> u32 {
    30
}
fn five() -> u32 {
    5
}
fn fourteen() -> u32 {
    14
}
fn ninety() -> u32 {
    90
}
fn us() -> Calendar {
    Calendar::builtin("US").unwrap_or_else(|_| Calendar::weekends_only())
}

impl Default for Compliance {
    fn default() -> Self {
        Compliance {
            contact_hours: ContactHours::default(),
            call_frequency: CallFrequency::default(),
            validation: Validation::default(),
            credit_reporting: CreditReporting::default(),
            quiet_days: QuietDays::default(),
            opt_outs: Vec::new(),
            cease_communication: true,
        }
    }
}

impl Default for ContactHours {
    fn default() -> Self {
        ContactHours {
            enabled: true,
            from_hour: eight(),
            to_hour: twenty_one(),
        }
    }
}

impl Default for CallFrequency {
    fn default() -> Self {
        CallFrequency {
            enabled: true,
            max_calls: seven(),
            days: seven(),
        }
    }
}

impl Default for Validation {
    fn default() -> Self {
        Validation {
            enabled: true,
            period_days: thirty(),
            receipt_business_days: five(),
            calendar: us(),
        }
    }
}

impl Default for CreditReporting {
    fn default() -> Self {
        CreditReporting {
            enabled: true,
            wait_days: fourteen(),
        }
    }
}

impl Default for QuietDays {
    fn default() -> Self {
        QuietDays {
            enabled: false,
            calendar: us(),
        }
    }
}

/// The most segment rules, ladders, or steps in one ladder.
const MAX_RULES: usize = 100;

/// Checks the strategy's parts of `policy`: segment names unique and each with a ladder,
/// offsets and hours in range, rates and shares within their bounds. Paths are inside the
/// policy.
pub(super) fn check(policy: &super::Policy) -> Result<()> {
    let limit = |len: usize, field: &str| match len > MAX_RULES {
        true => Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("at most {MAX_RULES} {field}"),
        )
        .at(field)),
        false => Ok(()),
    };
    limit(policy.segments.len(), "segments")?;
    limit(policy.ladders.len(), "ladders")?;
    if policy.segments.is_empty() {
        let message = "a policy names at least one segment; the last usually has no conditions";
        return Err(Error::new(ErrorCode::OutOfRange, message).at("segments"));
    }
    for (i, rule) in policy.segments.iter().enumerate() {
        let at = |e: Error| e.in_index(i).in_field("segments");
        check_name(
            &rule.name,
            policy.segments[..i].iter().map(|r| r.name.as_str()),
        )
        .map_err(at)?;
        if !policy.ladders.iter().any(|l| l.segment == rule.name) {
            let message = format!("no ladder is for the segment {}", quoted(&rule.name));
            return Err(at(Error::new(ErrorCode::InvalidInput, message).at("name")));
        }
        for (field, conditions) in [("all", &rule.all), ("any", &rule.any)] {
            for (j, condition) in conditions.iter().enumerate() {
                check_condition(condition).map_err(|e| at(e.in_index(j).in_field(field)))?;
            }
        }
    }
    let last = policy.segments.len() - 1;
    if policy
        .segments
        .get(last)
        .is_some_and(|r| !r.all.is_empty() || !r.any.is_empty())
    {
        let message =
            "the last segment rule has no conditions, so that every account has a segment";
        return Err(Error::new(ErrorCode::InvalidInput, message).at(crate::path!("segments", last)));
    }
    for (i, ladder) in policy.ladders.iter().enumerate() {
        let at = |e: Error| e.in_index(i).in_field("ladders");
        if !policy.segments.iter().any(|r| r.name == ladder.segment) {
            let message = format!("{} is not the name of a segment", quoted(&ladder.segment));
            return Err(at(
                Error::new(ErrorCode::InvalidInput, message).at("segment")
            ));
        }
        if policy.ladders[..i]
            .iter()
            .any(|l| l.segment == ladder.segment)
        {
            let message = format!("an earlier ladder is for {}", quoted(&ladder.segment));
            return Err(at(Error::new(ErrorCode::DuplicateId, message).at("segment")));
        }
        limit(ladder.steps.len(), "steps").map_err(at)?;
        for (j, step) in ladder.steps.iter().enumerate() {
            check_step(step).map_err(|e| at(e.in_index(j).in_field("steps")))?;
        }
    }
    check_events(&policy.events).map_err(|e| e.in_field("events"))?;
    let a = &policy.agency;
    let agency = [
        (a.min_balance.0, None, "minBalance"),
        (
            a.fee_share_percent,
            Some(Decimal::ONE_HUNDRED),
            "feeSharePercent",
        ),
        (a.recovery_rate, Some(Decimal::ONE), "recoveryRate"),
    ];
    bounded(&agency).map_err(|e| e.in_field("agency"))?;
    let l = &policy.legal;
    let legal = [
        (l.min_balance.0, None, "minBalance"),
        (l.estimated_cost.0, None, "estimatedCost"),
        (l.recovery_rate, Some(Decimal::ONE), "recoveryRate"),
    ];
    bounded(&legal).map_err(|e| e.in_field("legal"))?;
    policy
        .compliance
        .check()
        .map_err(|e| e.in_field("compliance"))
}

/// A name of 1 to 256 bytes, not among `before`.
fn check_name<'n>(name: &str, mut before: impl Iterator<Item = &'n str>) -> Result<()> {
    if name.is_empty() || name.len() > MAX_ID_BYTES {
        let message = format!("a name has 1 to {MAX_ID_BYTES} bytes");
        return Err(Error::new(ErrorCode::OutOfRange, message).at("name"));
    }
    if before.any(|b| b == name) {
        let message = format!("{} is the name of an earlier segment", quoted(name));
        return Err(Error::new(ErrorCode::DuplicateId, message).at("name"));
    }
    Ok(())
}

fn check_condition(condition: &Condition) -> Result<()> {
    let yes_or_no = matches!(condition.fact, Fact::ActivePlan | Fact::ActivePromise);
    match (
        yes_or_no,
        condition.is.is_some(),
        condition.at_least.is_some() || condition.below.is_some(),
    ) {
        (true, true, false) | (false, false, true) => Ok(()),
        (true, ..) => Err(Error::new(
            ErrorCode::InvalidInput,
            "a yes-or-no fact is tested with 'is' alone",
        )
        .at("is")),
        (false, ..) => Err(Error::new(
            ErrorCode::InvalidInput,
            "a number fact is tested with 'atLeast' or 'below'",
        )
        .at("atLeast")),
    }
}

fn check_step(step: &Step) -> Result<()> {
    check_template(&step.template)
}

fn check_template(template: &str) -> Result<()> {
    match template.is_empty() || template.len() > MAX_ID_BYTES {
        true => Err(Error::new(
            ErrorCode::OutOfRange,
            format!("a template id has 1 to {MAX_ID_BYTES} bytes"),
        )
        .at("template")),
        false => Ok(()),
    }
}

fn check_events(events: &Events) -> Result<()> {
    for (step, field) in [
        (&events.payment_acknowledgment, "paymentAcknowledgment"),
        (&events.promise_follow_up, "promiseFollowUp"),
        (&events.plan_missed_follow_up, "planMissedFollowUp"),
        (&events.judgment_enforcement, "judgmentEnforcement"),
        (&events.post_judgment_monitoring, "postJudgmentMonitoring"),
    ] {
        check_template(&step.template).map_err(|e| e.in_field(field))?;
    }
    Ok(())
}

/// Each value at least 0 and, where given, at most its bound.
fn bounded(values: &[(Decimal, Option<Decimal>, &str)]) -> Result<()> {
    for &(value, max, field) in values {
        if value.is_sign_negative() && !value.is_zero() || max.is_some_and(|m| value > m) {
            let message = match max {
                Some(max) => format!("{value} is not from 0 to {max}"),
                None => format!("{value} is below 0"),
            };
            return Err(Error::new(ErrorCode::OutOfRange, message).at(field));
        }
    }
    Ok(())
}

impl Compliance {
    /// Checks what reading cannot (each number is in its range as read): the contact hours
    /// are in order. Paths are inside the rules.
    ///
    /// # Errors
    /// `out_of_range` for a value out of its range.
    ///
    /// ```
    /// let mut rules = arrears::policy::Compliance::default();
    /// rules.contact_hours.to_hour = 6;
    /// assert_eq!(rules.check().unwrap_err().path(), "contactHours.toHour");
    /// ```
    pub fn check(&self) -> Result<()> {
        check_compliance(self)
    }
}

fn check_compliance(rules: &Compliance) -> Result<()> {
    // Each hour is in its range as read (`range`); the hours must also be in order.
    let hours = &rules.contact_hours;
    if hours.to_hour <= hours.from_hour {
        let message = format!(
            "'toHour' ({}) is after 'fromHour' ({})",
            hours.to_hour, hours.from_hour
        );
        return Err(
            Error::new(ErrorCode::OutOfRange, message).at(crate::path!("contactHours", "toHour"))
        );
    }
    Ok(())
}
