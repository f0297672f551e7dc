//! An account as the strategy sees it: its records in the ledger's shapes, its promises and
//! plan, the facts the caller knows, and the history of what was done.

use super::instant::Instant;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::ledger::requests::{CreditRecord, InvoiceRecord, PaymentRecord};
use crate::plans::promises::PromiseToPay;
use crate::plans::status::PlanRecord;
use crate::policy::{Action, Channel};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// One account.
#[derive(Decode, Encode, Describe)]
pub struct Account<'a> {
    /// The account's id.
    pub id: Cow<'a, str>,
    /// The debtor's IANA time zone (`America/New_York`): every rule of time is read there.
    pub time_zone: Cow<'a, str>,
    /// Its invoices, in the ledger's shape.
    pub invoices: Vec<InvoiceRecord<'a>>,
    /// Its payments.
    #[json(default)]
    pub payments: Vec<PaymentRecord<'a>>,
    /// Its credits.
    #[json(default)]
    pub credits: Vec<CreditRecord<'a>>,
    /// Its promises to pay.
    #[json(default)]
    pub promises: Vec<PromiseToPay<'a>>,
    /// Its payment plan, as `paymentPlan` returned it.
    pub plan: Option<PlanRecord>,
    /// What the caller knows of it.
    pub facts: Option<KnownFacts>,
}

/// Facts only the caller knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub struct KnownFacts {
    /// The credit limit, in the account's currency.
    pub credit_limit: Option<Decimal>,
    /// A risk score from 0 to 1.
    pub risk_score: Option<Decimal>,
}

/// What happened, in the debtor's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Kind {
    /// A call that did not reach the debtor.
    Attempt,
    /// A conversation with the debtor.
    Conversation,
    /// A message sent (email, text, letter).
    Message,
    /// A task done by a person.
    TaskDone,
    /// A payment received.
    Payment,
    /// A promise to pay made.
    Promise,
    /// The debtor disputes the debt.
    Dispute,
    /// The dispute was resolved (the debt verified).
    DisputeResolved,
    /// The debtor asked in writing that communication cease.
    CeaseRequest,
    /// The debtor filed for bankruptcy.
    Bankruptcy,
    /// The debtor died.
    Deceased,
    /// A judgment was obtained.
    Judgment,
    /// The validation notice was sent.
    ValidationNoticeSent,
}

/// One item of history.
#[derive(Clone, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub struct HistoryItem<'a> {
    /// The account it concerns (for `nextActions`; ignored by `nextAction`).
    pub account_id: Option<Cow<'a, str>>,
    /// When.
    pub at: Instant,
    /// The channel, for contacts.
    pub channel: Option<Channel>,
    /// What happened.
    pub kind: Kind,
    /// The ladder step a contact or task carried out.
    pub action: Option<Action>,
}

impl Account<'_> {
    /// Checks what decoding cannot: an account has an id and at least one invoice, and its
    /// records are of one customer and one currency, the first invoice's.
    pub(crate) fn check(&self) -> Result<()> {
        if self.id.is_empty() {
            return Err(Error::new(ErrorCode::OutOfRange, "an account needs an id").at("id"));
        }
        let Some(first) = self.invoices.first() else {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                "an account needs at least one invoice",
            )
            .at("invoices"));
        };
        let records = [
            (
                "invoices",
                self.invoices
                    .iter()
                    .map(|r| (&r.customer_id, r.currency))
                    .collect::<Vec<_>>(),
            ),
            (
                "payments",
                self.payments
                    .iter()
                    .map(|r| (&r.customer_id, r.currency))
                    .collect(),
            ),
            (
                "credits",
                self.credits
                    .iter()
                    .map(|r| (&r.customer_id, r.currency))
                    .collect(),
            ),
        ];
        for (field, records) in records {
            for (i, (customer, currency)) in records.into_iter().enumerate() {
                if *customer != first.customer_id {
                    let message = format!(
                        "an account's records are of one customer, {}",
                        crate::error::quoted(&first.customer_id)
                    );
                    return Err(
                        Error::new(ErrorCode::InvalidInput, message).at(crate::path!(
                            field,
                            i,
                            "customerId"
                        )),
                    );
                }
                if currency != first.currency {
                    let message = format!("an account is in one currency, {}", first.currency);
                    return Err(Error::new(ErrorCode::CurrencyMismatch, message)
                        .at(crate::path!(field, i, "currency")));
                }
            }
        }
        Ok(())
    }
}
