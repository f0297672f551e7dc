//! The collection strategy: from an account, its history and the policy, the next action and
//! its earliest compliant instant, with the trail of rules behind it; the timeline of actions
//! to come; whether contact is allowed; and the policy written out for customers. It reads the
//! ledger, charges and plans; it never changes a balance.

pub mod account;
mod audit;
pub mod compliance;
mod decide;
mod facts;
mod instant;
mod ladder;
pub mod requests;
pub mod terms;
pub mod zones;

pub use account::{Account, HistoryItem, Kind, KnownFacts};
pub use audit::Audit;
pub use decide::{Blocked, Reason, Standing};
pub use instant::Instant;
pub use terms::describe_policy;

use crate::error::Result;
use crate::json::{Describe, Encode, Schemas, Value, Writer};
use crate::policy::{Action, Channel, Policy};
use sha2::{Digest, Sha256};
use zones::Zone;

/// An instant shown in the debtor's local time: `2026-12-03T08:00:00-05:00`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalInstant {
    /// The instant.
    pub at: Instant,
    /// Its zone's offset east of UTC then, in seconds.
    pub offset: i32,
}

impl Encode for LocalInstant {
    fn encode(&self, writer: &mut Writer) {
        writer.string(&self.at.with_offset(self.offset));
    }
}

impl Describe for LocalInstant {
    fn describe(schemas: &mut Schemas) -> Value {
        Instant::describe(schemas)
    }
}

/// What `nextAction` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct NextAction {
    /// The account.
    pub account_id: String,
    /// Whether the ladder runs, waits or has ended.
    pub standing: Standing,
    /// The next action, when there is one.
    pub action: Option<Action>,
    /// Its channel.
    pub channel: Option<Channel>,
    /// Its template.
    pub template: Option<String>,
    /// Its earliest compliant instant, in the debtor's local time.
    pub at: Option<LocalInstant>,
    /// The account's segment.
    pub segment: Option<String>,
    /// Every rule weighed, fired or not, and why.
    pub reasons: Vec<Reason>,
    /// What was held back, by what rule, until when.
    pub blocked: Vec<Blocked>,
    /// The record to store, to reproduce the decision.
    pub audit: Audit,
}

/// A checked policy with what every decision under it shares: its hash, and the SHA-256
/// state after the start of every canonical input, `{"policy":<the policy>`.
pub(crate) struct Sealed<'p> {
    policy: &'p Policy,
    hash: String,
    prefix: Sha256,
}

impl<'p> Sealed<'p> {
    /// Seals a checked policy.
    pub(crate) fn new(policy: &'p Policy) -> Sealed<'p> {
        let text = crate::json::to_string(policy).unwrap_or_default();
        let mut prefix = Sha256::new();
        prefix.update(br#"{"policy":"#);
        prefix.update(text.as_bytes());
        Sealed {
            policy,
            hash: audit::hex(&Sha256::digest(text.as_bytes())),
            prefix,
        }
    }

    /// The policy.
    pub(crate) fn policy(&self) -> &'p Policy {
        self.policy
    }

    /// SHA-256 of the canonical input `{"policy":...,"account":...,"history":...,"now":...}`.
    fn input_hash(
        &self,
        account: &Account<'_>,
        history: &[HistoryItem<'_>],
        now: Instant,
    ) -> String {
        let mut hasher = self.prefix.clone();
        for (key, value) in [
            (r#","account":"#, crate::json::to_string(account)),
            (r#","history":"#, crate::json::to_string(history)),
            (r#","now":"#, crate::json::to_string(&now)),
        ] {
            hasher.update(key.as_bytes());
            hasher.update(value.unwrap_or_default().as_bytes());
        }
        hasher.update(b"}");
        audit::hex(&hasher.finalize())
    }
}

/// The next action of one account with its own history, under a sealed policy; errors have
/// paths inside the account (the entry points put them in place).
pub(crate) fn next_action(
    account: Account<'_>,
    history: &[HistoryItem<'_>],
    sealed: &Sealed<'_>,
    now: Instant,
) -> Result<NextAction> {
    account.check()?;
    let zone = Zone::new(&account.time_zone).map_err(|e| e.at("timeZone"))?;
    // History comes in any order; the canonical one is by time, without account ids.
    let mut history: Vec<HistoryItem<'_>> = history
        .iter()
        .map(|i| HistoryItem {
            account_id: None,
            ..i.clone()
        })
        .collect();
    crate::order::sort_by(&mut history, &|a, b| a.at.cmp(&b.at));
    let input_hash = sealed.input_hash(&account, &history, now);
    let policy = sealed.policy;
    let book = crate::ledger::requests::book(
        account.invoices.clone(),
        account.payments.clone(),
        account.credits.clone(),
    )?;
    let decision = decide::decide(&account, &book, &history, policy, &zone, now)?;
    let rules_fired = decision
        .reasons
        .iter()
        .filter(|r| r.fired)
        .map(|r| r.rule.clone())
        .collect();
    let (action, channel, template, at) = match decision.next {
        Some((action, channel, template, at)) => (
            Some(action),
            Some(channel),
            Some(template),
            Some(LocalInstant {
                at,
                offset: decision.offset,
            }),
        ),
        None => (None, None, None, None),
    };
    Ok(NextAction {
        account_id: account.id.to_string(),
        standing: decision.standing,
        action,
        channel,
        template,
        at,
        segment: decision.segment,
        reasons: decision.reasons,
        blocked: decision.blocked,
        audit: Audit {
            policy_version: policy.version,
            policy_hash: sealed.hash.clone(),
            input_hash,
            now,
            rules_fired,
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
    })
}
