//! The agreement in writing: the plain-language text of an accepted plan or settlement —
//! parties, amounts, dates, and what happens on a missed payment — so that every agreement
//! is documented. The words are in one table per locale.

use super::settlement::OfferKind;
use super::status::{positive, PlanRecord};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::money::{Amount, Currency, Money};
use crate::prose;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A settlement offer as `settlementOffers` returned it.
#[derive(Decode, Describe)]
pub struct OfferRecord {
    /// What kind of offer.
    pub kind: OfferKind,
    /// What the customer pays in all.
    pub amount: Amount,
    /// What is waived.
    pub waived: Option<WaivedRecord>,
    /// The discount in percent.
    pub discount_percent: Option<Decimal>,
    /// The payments asked for.
    pub schedule: Vec<OfferPaymentRecord>,
    /// The day the offer lapses.
    pub expires: NaiveDate,
    /// Not read.
    pub expected_recovery: Option<Amount>,
    /// Not read.
    pub completion_probability: Option<Decimal>,
    /// Not read.
    pub authority: Option<String>,
    /// Not read.
    pub reasons: Option<Vec<String>>,
}

/// What an offer waives.
#[derive(Decode, Describe)]
pub struct WaivedRecord {
    /// Fees and compensation.
    pub fees: Amount,
    /// Interest.
    pub interest: Amount,
    /// Principal.
    pub principal: Amount,
}

/// A payment of an offer.
#[derive(Decode, Describe)]
pub struct OfferPaymentRecord {
    /// When it is due.
    pub due_date: NaiveDate,
    /// How much.
    pub amount: Amount,
}

/// The parties to an agreement.
#[derive(Decode, Describe)]
pub struct Parties {
    /// The customer's account id.
    pub id: String,
    /// The customer's name.
    pub name: String,
    /// The creditor's name.
    pub creditor: String,
    /// The currency of the amounts.
    pub currency: Option<Currency>,
    /// The day the agreement is made.
    pub date: NaiveDate,
}

/// The languages of agreements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Locale {
    /// English.
    #[default]
    En,
}

/// What `agreementText` takes: an `offer` or a `plan`.
#[derive(Decode, Describe)]
pub struct AgreementInput {
    /// The accepted settlement offer.
    pub offer: Option<OfferRecord>,
    /// The accepted payment plan.
    pub plan: Option<PlanRecord>,
    /// Who agrees.
    pub account: Parties,
    /// The language (default `en`).
    #[json(default)]
    pub locale: Locale,
}

/// What `agreementText` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Agreement {
    /// The agreement, ready to send.
    pub text: String,
}

/// The words of an agreement in one language.
struct Words {
    title: &'static str,
    between: &'static str,
    settlement: &'static str,
    plan: &'static str,
    waived: &'static str,
    missed_settlement: &'static str,
    missed_plan: &'static str,
    record: &'static str,
}

const ENGLISH: Words = Words {
    title: "Payment agreement",
    between: "This agreement is made on {date} between {creditor} (the creditor) and {name} (the customer), account {id}.",
    settlement: "The customer will pay {total} in all, as follows:",
    plan: "The customer will repay the balance in {count} installments, {total} in all, as follows:",
    waived: "When every payment has been made, the creditor waives {waived} of what is owed and the account is settled in full.",
    missed_settlement: "If a payment is not received by its due date, this agreement ends: nothing is waived, and what is owed, less what has been paid, is due at once.",
    missed_plan: "If an installment is not paid within 30 days of its due date, or two installments are missed, the plan is broken and the whole balance is due at once.",
    record: "This text is the written record of what was agreed. Keep it with your records.",
};

/// The text of an accepted plan or settlement.
///
/// # Errors
/// `invalid_input` at `offer` for both or neither of `offer` and `plan`; `out_of_range` for
/// an amount of zero or less; `invalid_amount` for more decimals than the currency has.
///
/// ```
/// let input: arrears::plans::agreement::AgreementInput = arrears::json::from_str(r#"{
///   "plan": {"schedule": [{"number": 1, "dueDate": "2024-01-31", "payment": "100.00"}]},
///   "account": {"id": "C-1", "name": "Acme Ltd", "creditor": "Widgets plc", "date": "2024-01-10"}}"#)?;
/// let text = arrears::plans::agreement::agreement_text(input)?.text;
/// assert!(text.contains("31 Jan 2024: 100.00"));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn agreement_text(input: AgreementInput) -> Result<Agreement> {
    let words = match input.locale {
        Locale::En => &ENGLISH,
    };
    let account = &input.account;
    let currency = account
        .currency
        .or_else(|| input.plan.as_ref().and_then(|p| p.currency));
    let money = |amount: Amount, path: crate::error::Path| -> Result<Money> {
        Ok(Money::from_minor(
            positive(amount, currency).map_err(|e| e.at(path))?,
            currency,
        ))
    };
    let show = |m: Money| match currency {
        Some(c) => format!("{} {c}", prose::amount(m)),
        None => prose::amount(m),
    };
    let mut payments = Vec::new();
    let (intro, waived, missed) = match (&input.offer, &input.plan) {
        (Some(offer), None) => {
            for (i, p) in offer.schedule.iter().enumerate() {
                payments.push((
                    p.due_date,
                    money(p.amount, crate::path!("offer", "schedule", i, "amount"))?,
                ));
            }
            let waived = match &offer.waived {
                Some(w) => [w.fees, w.interest, w.principal]
                    .iter()
                    .map(|a| a.0)
                    .sum::<Decimal>(),
                None => Decimal::ZERO,
            };
            let waived = Money::round(waived, currency, crate::money::Rounding::HalfEven)?;
            (
                words.settlement,
                (waived.minor() > 0).then_some(waived),
                words.missed_settlement,
            )
        }
        (None, Some(plan)) => {
            for (i, row) in plan.schedule.iter().enumerate() {
                payments.push((
                    row.due_date,
                    money(row.payment, crate::path!("plan", "schedule", i, "payment"))?,
                ));
            }
            (words.plan, None, words.missed_plan)
        }
        _ => {
            let message = "give the accepted 'offer' or 'plan', one of them";
            return Err(Error::new(ErrorCode::InvalidInput, message).at("offer"));
        }
    };
    let total = Money::from_minor(payments.iter().map(|p| p.1.minor()).sum(), currency);
    let fill = |text: &str| {
        text.replace("{date}", &prose::date(account.date))
            .replace("{creditor}", &account.creditor)
            .replace("{name}", &account.name)
            .replace("{id}", &account.id)
            .replace("{total}", &show(total))
            .replace("{count}", &payments.len().to_string())
    };
    let mut text = format!(
        "{}\n\n{}\n\n{}\n",
        words.title,
        fill(words.between),
        fill(intro)
    );
    for (date, amount) in &payments {
        text.push_str(&format!("- {}: {}\n", prose::date(*date), show(*amount)));
    }
    if let Some(waived) = waived {
        text.push_str(&format!(
            "\n{}\n",
            words.waived.replace("{waived}", &show(waived))
        ));
    }
    text.push_str(&format!("\n{missed}\n\n{}\n", words.record));
    Ok(Agreement { text })
}
