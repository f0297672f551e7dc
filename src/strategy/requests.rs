//! The entry points of the strategy: `nextAction`, `nextActions`, `timeline`,
//! `contactAllowed`, `describePolicy`, `defaultPolicy`.

use super::account::{Account, HistoryItem, Kind};
use super::compliance::{earliest, Hold};
use super::terms::{describe_policy, DescribeInput, Terms};
use super::zones::Zone;
use super::{next_action, Blocked, Instant, LocalInstant, NextAction, Sealed};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::limits::{MAX_TIMELINE_ACTIONS, MAX_TIMELINE_DAYS};
use crate::policy::{Action, Channel, Compliance, Policy};
use std::borrow::Cow;
use std::sync::OnceLock;

/// What `nextAction` takes.
#[derive(Decode, Describe)]
pub struct NextActionInput<'a> {
    /// The account.
    pub account: Account<'a>,
    /// What was done and what happened, in any order.
    #[json(default)]
    pub history: Vec<HistoryItem<'a>>,
    /// The policy (default: the default policy).
    pub policy: Option<Policy>,
    /// The instant of the decision.
    pub now: Instant,
}

/// Runs `decide` under an input's policy, checked and sealed; the default policy is sealed
/// once a process, as most calls leave the policy out.
fn with_policy<T>(
    policy: Option<Policy>,
    decide: impl FnOnce(&Sealed<'_>) -> Result<T>,
) -> Result<T> {
    static DEFAULT: OnceLock<Policy> = OnceLock::new();
    static SEALED: OnceLock<Sealed<'static>> = OnceLock::new();
    match policy {
        None => decide(SEALED.get_or_init(|| Sealed::new(DEFAULT.get_or_init(Policy::default)))),
        Some(policy) => {
            policy.check().map_err(|e| e.in_field("policy"))?;
            decide(&Sealed::new(&policy))
        }
    }
}

/// The next action of an account.
///
/// # Errors
/// `unknown_time_zone` at `account.timeZone`, `invalid_instant` for an instant without an
/// offset, those of the ledger's records and of the policy.
///
/// ```
/// let out = arrears::api::call("nextAction", r#"{"now": "2026-03-02T15:00:00Z", "account": {"id": "acme",
///   "timeZone": "America/New_York", "invoices": [{"id": "A", "customerId": "acme", "issueDate": "2025-01-01",
///   "dueDate": "2026-03-01", "amount": "500", "currency": "USD"}]}}"#)?;
/// assert!(out.contains(r#""action":"dueDateReminder""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn next_action_of(input: NextActionInput<'_>) -> Result<NextAction> {
    let (account, history, now) = (input.account, input.history, input.now);
    with_policy(input.policy, |sealed| {
        next_action(account, &history, sealed, now).map_err(|e| in_account(e, None))
    })
}

/// An error of one account put in place: in `account`, or in `accounts[i]` of a batch.
/// Internal errors have no place.
fn in_account(error: Error, index: Option<usize>) -> Error {
    match (error.code(), index) {
        (ErrorCode::Internal, _) => error,
        (_, None) => error.in_field("account"),
        (_, Some(i)) => error.in_index(i).in_field("accounts"),
    }
}

/// What `nextActions` takes.
#[derive(Decode, Describe)]
pub struct NextActionsInput<'a> {
    /// The accounts.
    pub accounts: Vec<Account<'a>>,
    /// The history of every account, each item with its `accountId`.
    #[json(default)]
    pub history: Vec<HistoryItem<'a>>,
    /// The policy (default: the default policy).
    pub policy: Option<Policy>,
    /// The instant of the decisions.
    pub now: Instant,
}

/// What `nextActions` returns.
#[derive(Encode, Describe)]
pub struct NextActions {
    /// One decision per account, in input order: what `nextAction` gives for it.
    pub results: Vec<NextAction>,
}

/// The next action of many accounts, as one `nextAction` call per account would give.
///
/// # Errors
/// Those of `nextAction`, at `accounts[i]`; `missing_field` for a history item without its
/// `accountId`, `invalid_input` for one naming no account of the input; `duplicate_id` for an
/// account id seen before.
pub fn next_actions_of(input: NextActionsInput<'_>) -> Result<NextActions> {
    let NextActionsInput {
        accounts,
        history,
        policy,
        now,
    } = input;
    with_policy(policy, |sealed| decide_each(accounts, history, sealed, now))
}

/// `nextActions` under a sealed policy.
fn decide_each(
    accounts: Vec<Account<'_>>,
    mut history: Vec<HistoryItem<'_>>,
    sealed: &Sealed<'_>,
    now: Instant,
) -> Result<NextActions> {
    let mut ids: Vec<(&str, usize)> = accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_ref(), i))
        .collect();
    crate::order::sort_by(&mut ids, &|a, b| a.cmp(b));
    if let Some(pair) = ids.windows(2).find(|w| w[0].0 == w[1].0) {
        let message = format!(
            "{} is the id of an earlier account",
            crate::error::quoted(pair[1].0)
        );
        return Err(Error::new(ErrorCode::DuplicateId, message)
            .at(crate::path!("accounts", pair[1].1, "id")));
    }
    // Each history item names one of the accounts, so none is silently left out.
    for (i, item) in history.iter().enumerate() {
        let at = || crate::path!("history", i, "accountId");
        let Some(id) = item.account_id.as_deref() else {
            let message = "each history item of nextActions names its 'accountId'";
            return Err(Error::new(ErrorCode::MissingField, message).at(at()));
        };
        if ids.binary_search_by(|(known, _)| (*known).cmp(id)).is_err() {
            let message = format!(
                "{} is not the id of one of the accounts",
                crate::error::quoted(id)
            );
            return Err(Error::new(ErrorCode::InvalidInput, message).at(at()));
        }
    }
    // By account, then (stably) as given: each account's items are one run.
    crate::order::sort_by(&mut history, &|a, b| a.account_id.cmp(&b.account_id));
    let mut results = Vec::with_capacity(accounts.len());
    for (i, account) in accounts.into_iter().enumerate() {
        let id = Some(account.id.clone());
        let mine = &history[history.partition_point(|h| h.account_id < id)
            ..history.partition_point(|h| h.account_id <= id)];
        results.push(next_action(account, mine, sealed, now).map_err(|e| in_account(e, Some(i)))?);
    }
    Ok(NextActions { results })
}

/// What `timeline` takes.
#[derive(Decode, Describe)]
pub struct TimelineInput<'a> {
    /// The account.
    pub account: Account<'a>,
    /// What was done and what happened, in any order.
    #[json(default)]
    pub history: Vec<HistoryItem<'a>>,
    /// The policy (default: the default policy).
    pub policy: Option<Policy>,
    /// From when.
    pub now: Instant,
    /// Until when (at most 5 years after `now`).
    pub until: Instant,
}

/// One action of a timeline.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Planned {
    /// The action.
    pub action: Action,
    /// Its channel.
    pub channel: Channel,
    /// Its template.
    pub template: String,
    /// Its earliest compliant instant, local time.
    pub at: LocalInstant,
    /// The segment it was decided in.
    pub segment: Option<String>,
}

/// What `timeline` returns.
#[derive(Encode, Describe)]
pub struct Timeline {
    /// The actions in order.
    pub actions: Vec<Planned>,
    /// The steps a rule kept out of the timeline altogether (no `until`), each once: a credit
    /// report without a validation notice, a channel opted out of, a request to cease.
    pub blocked: Vec<Blocked>,
}

/// Every action the ladder would take from `now` to `until` if nothing is paid, each at its
/// earliest compliant instant, each assumed done when taken.
///
/// # Errors
/// Those of `nextAction`; `out_of_range` at `until` before `now` or more than 5 years on.
pub fn timeline_of(input: TimelineInput<'_>) -> Result<Timeline> {
    if input.until < input.now || input.until.0 - input.now.0 > MAX_TIMELINE_DAYS * 86_400 {
        let message = format!("'until' is from 'now' to {MAX_TIMELINE_DAYS} days later");
        return Err(Error::new(ErrorCode::OutOfRange, message).at("until"));
    }
    let TimelineInput {
        account,
        history,
        policy,
        now,
        until,
    } = input;
    with_policy(policy, |sealed| {
        plan_ahead(&account, history, sealed, now, until)
    })
}

/// `timeline` under a sealed policy.
fn plan_ahead(
    account: &Account<'_>,
    mut history: Vec<HistoryItem<'_>>,
    sealed: &Sealed<'_>,
    mut now: Instant,
    until: Instant,
) -> Result<Timeline> {
    let mut actions: Vec<Planned> = Vec::new();
    let mut blocked: Vec<Blocked> = Vec::new();
    while actions.len() < MAX_TIMELINE_ACTIONS {
        let decision = next_action(account_view(account), &history, sealed, now)
            .map_err(|e| in_account(e, None))?;
        for b in decision.blocked.into_iter().filter(|b| b.until.is_none()) {
            if !blocked
                .iter()
                .any(|seen| seen.action == b.action && seen.rule == b.rule)
            {
                blocked.push(b);
            }
        }
        let (Some(action), Some(channel), Some(template), Some(at)) = (
            decision.action,
            decision.channel,
            decision.template,
            decision.at,
        ) else {
            break;
        };
        if at.at > until {
            break;
        }
        // Actions due at the same instant follow at that instant, once the last is done.
        // Should the same action come again at once, time moves on a second.
        if actions
            .last()
            .is_some_and(|last| last.action == action && last.at == at)
        {
            now = Instant(at.at.0 + 1);
            continue;
        }
        let kind = match channel {
            Channel::Phone => Kind::Conversation,
            Channel::Task => Kind::TaskDone,
            _ => Kind::Message,
        };
        history.push(HistoryItem {
            account_id: None,
            at: at.at,
            channel: Some(channel),
            kind,
            action: Some(action),
        });
        now = at.at;
        actions.push(Planned {
            action,
            channel,
            template,
            at,
            segment: decision.segment,
        });
    }
    Ok(Timeline { actions, blocked })
}

/// The same account again, borrowing from the first.
fn account_view<'r>(account: &'r Account<'_>) -> Account<'r> {
    Account {
        id: Cow::Borrowed(&account.id),
        time_zone: Cow::Borrowed(&account.time_zone),
        invoices: account.invoices.clone(),
        payments: account.payments.clone(),
        credits: account.credits.clone(),
        promises: account.promises.clone(),
        plan: account.plan.clone(),
        facts: account.facts,
    }
}

/// What `contactAllowed` takes.
#[derive(Decode, Describe)]
pub struct ContactInput<'a> {
    /// What was done, in any order (calls and conversations count).
    #[json(default)]
    pub history: Vec<HistoryItem<'a>>,
    /// The channel of the contact.
    pub channel: Channel,
    /// When.
    pub at: Instant,
    /// The debtor's IANA time zone.
    pub time_zone: Cow<'a, str>,
    /// The compliance rules (default: all on but quiet days).
    pub rules: Option<Compliance>,
}

/// What `contactAllowed` returns.
#[derive(Encode, Describe)]
pub struct ContactAnswer {
    /// Whether contact is allowed at `at`.
    pub allowed: bool,
    /// The rules that do not allow it, and why.
    pub reasons: Vec<Hold>,
    /// The earliest instant it is allowed, if there is one.
    pub earliest: Option<LocalInstant>,
}

/// Whether a contact on a channel is allowed at an instant, and if not when.
///
/// # Errors
/// `unknown_time_zone` at `timeZone`.
pub fn contact_allowed_of(input: ContactInput<'_>) -> Result<ContactAnswer> {
    let zone = Zone::new(&input.time_zone).map_err(|e| e.at("timeZone"))?;
    let rules = input.rules.unwrap_or_default();
    rules.check().map_err(|e| e.in_field("rules"))?;
    let mut history = input.history;
    crate::order::sort_by(&mut history, &|a, b| a.at.cmp(&b.at));
    let ceased = rules.cease_communication
        && input.channel != Channel::Task
        && history
            .iter()
            .any(|h| h.kind == Kind::CeaseRequest && h.at <= input.at);
    if ceased {
        let why = "the debtor asked in writing that communication cease (FDCPA §805(c))".to_owned();
        return Ok(ContactAnswer {
            allowed: false,
            reasons: vec![Hold {
                rule: "ceaseCommunication".into(),
                why,
                until: None,
            }],
            earliest: None,
        });
    }
    let (at, reasons) = earliest(
        &rules,
        &zone,
        &history,
        Action::FollowUp,
        input.channel,
        input.at,
    )?;
    let earliest = at
        .map(|at| zone.offset(at).map(|offset| LocalInstant { at, offset }))
        .transpose()?;
    Ok(ContactAnswer {
        allowed: at == Some(input.at),
        reasons,
        earliest,
    })
}

/// The written collection terms of a policy.
///
/// # Errors
/// Those of the policy.
pub fn describe_policy_of(input: DescribeInput) -> Result<Terms> {
    let locale = input.locale;
    with_policy(input.policy, |sealed| {
        Ok(describe_policy(sealed.policy(), locale))
    })
}

/// What `defaultPolicy` takes: nothing.
#[derive(Decode, Describe)]
pub struct Nothing {}

/// The default policy document.
///
/// # Errors
/// None.
pub fn default_policy_of(_: Nothing) -> Result<Policy> {
    Ok(Policy::default())
}
