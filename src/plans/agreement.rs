//! The agreement in writing: the plain-language text of an accepted plan or settlement —
//! parties, amounts, dates, and what happens on a missed payment — so that every agreement
//! is documented. The words are in one table per locale.

use super::settlement::OfferKind;
use super::status::{positive, BreakingRule, BrokenAfter, PlanRecord};
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
    /// The currency of its amounts, as `settlementOffers` gives it.
    pub currency: Option<Currency>,
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
    /// The currency of the amounts: the offer's or plan's when they give one (a different
    /// one is `currency_mismatch`), else this one.
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
    /// For a plan: days past due an installment is late before it is missed, as
    /// `planStatus` reads them (default 0).
    pub grace_days: Option<u32>,
    /// For a plan: when it is broken, as `planStatus` reads it (default 2 missed, or 30
    /// days late).
    pub broken_after: Option<BrokenAfter>,
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

/// The words of an agreement in one language. `{name}` is a placeholder, filled in once
/// (what is filled in is never read again for placeholders).
struct Words {
    title: &'static str,
    between: &'static str,
    settlement: &'static str,
    plan: &'static str,
    waived: &'static str,
    expires: &'static str,
    missed_settlement: &'static str,
    /// The plan is broken by one missed installment.
    missed_plan_one: &'static str,
    /// The plan is broken by several missed installments, or one unpaid too long.
    missed_plan: &'static str,
    /// "by its due date" (no grace), or "within {grace} days of its due date"; then for
    /// several installments.
    deadline: [&'static str; 4],
    /// Numbers in words, from zero.
    numbers: [&'static str; 11],
    day: &'static str,
    days: &'static str,
    record: &'static str,
}

const ENGLISH: Words = Words {
    title: "Payment agreement",
    between: "This agreement is made on {date} between {creditor} (the creditor) and {name} (the customer), account {id}.",
    settlement: "The customer will pay {total} in all, as follows:",
    plan: "The customer will repay the balance in {count} installments, {total} in all, as follows:",
    waived: "When every payment has been made, the creditor waives {waived} of what is owed and the account is settled in full.",
    expires: "This offer is open until {expires}: it lapses unless the first payment is received by that day.",
    missed_settlement: "If a payment is not received by its due date, this agreement ends: nothing is waived, and what is owed, less what has been paid, is due at once.",
    missed_plan_one: "If an installment is not paid in full {deadline}, the plan is broken and the whole balance is due at once.",
    missed_plan: "If an installment is not paid in full within {daysLate} of its due date, or {missed} installments are unpaid {deadlines} at the same time, the plan is broken and the whole balance is due at once.",
    deadline: [
        "by its due date",
        "within {grace} of its due date",
        "past their due dates",
        "more than {grace} past their due dates",
    ],
    numbers: [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ],
    day: "1 day",
    days: "{n} days",
    record: "This text is the written record of what was agreed. Keep it with your records.",
};

impl Words {
    /// `n` in words to ten, in digits after.
    fn number(&self, n: u32) -> String {
        match self.numbers.get(n as usize) {
            Some(word) => (*word).to_owned(),
            None => n.to_string(),
        }
    }

    /// `n` days.
    fn days(&self, n: u32) -> String {
        match n {
            1 => self.day.to_owned(),
            _ => fill(self.days, &[("n", &n.to_string())]),
        }
    }

    /// What happens when a plan's installment is missed, by the rule that breaks it.
    fn missed_plan(&self, rule: BreakingRule) -> String {
        let grace = self.days(rule.grace_days);
        let with = |template: &str| fill(template, &[("grace", &grace)]);
        let (one, several) = match rule.grace_days {
            0 => (with(self.deadline[0]), with(self.deadline[2])),
            _ => (with(self.deadline[1]), with(self.deadline[3])),
        };
        match rule.missed {
            // One missed installment breaks the plan (or the days late are the grace, so
            // the first installment missed is one unpaid too long): the days-late rule,
            // never shorter than the grace, adds nothing.
            1 => fill(self.missed_plan_one, &[("deadline", &one)]),
            _ if rule.days_late == rule.grace_days => {
                fill(self.missed_plan_one, &[("deadline", &one)])
            }
            missed => fill(
                self.missed_plan,
                &[
                    ("daysLate", &self.days(rule.days_late)),
                    ("missed", &self.number(missed)),
                    ("deadlines", &several),
                ],
            ),
        }
    }
}

/// `template` with each `{key}` replaced by its value, in one pass: the values are never
/// searched for placeholders, so a name written `{total}` stays as written. A `{` that starts
/// no known placeholder is kept.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let known = from.find('}').and_then(|close| {
            let key = from.get(1..close)?;
            let value = values.iter().find(|(k, _)| *k == key)?.1;
            Some((value, close))
        });
        match known {
            Some((value, close)) => {
                out.push_str(value);
                rest = from.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of an accepted plan or settlement.
///
/// # Errors
/// `invalid_input` at `offer` for both or neither of `offer` and `plan`, and at `graceDays`
/// or `brokenAfter` given with an offer (they are a plan's); `currency_mismatch` at
/// `account.currency` for a currency other than the offer's or plan's; `out_of_range` for an
/// amount of zero or less, and for `graceDays` and `brokenAfter` as `planStatus` gives it;
/// `invalid_amount` for more decimals than the currency has.
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
    let (own, field) = match (&input.offer, &input.plan) {
        (Some(offer), None) => (offer.currency, "offer"),
        (None, Some(plan)) => (plan.currency, "plan"),
        _ => {
            let message = "give the accepted 'offer' or 'plan', one of them";
            return Err(Error::new(ErrorCode::InvalidInput, message).at("offer"));
        }
    };
    let currency = match (own, account.currency) {
        (Some(own), Some(theirs)) if own != theirs => {
            let message =
                format!("the {field} is in {own}, and the account's currency is {theirs}");
            let path = crate::path!("account", "currency");
            return Err(Error::new(ErrorCode::CurrencyMismatch, message).at(path));
        }
        (own, theirs) => own.or(theirs),
    };
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
    let mut after = Vec::new();
    let intro = match (&input.offer, &input.plan) {
        (Some(offer), _) => {
            for (field, given) in [
                ("graceDays", input.grace_days.is_some()),
                ("brokenAfter", input.broken_after.is_some()),
            ] {
                if given {
                    let message =
                        format!("'{field}' is a plan's: an offer ends at its first missed payment");
                    return Err(Error::new(ErrorCode::InvalidInput, message).at(field));
                }
            }
            for (i, p) in offer.schedule.iter().enumerate() {
                payments.push((
                    p.due_date,
                    money(p.amount, crate::path!("offer", "schedule", i, "amount"))?,
                ));
            }
            let mut waived = 0;
            if let Some(w) = &offer.waived {
                for (amount, part) in [
                    (w.fees, "fees"),
                    (w.interest, "interest"),
                    (w.principal, "principal"),
                ] {
                    waived += Money::exact(amount.0, currency)
                        .map_err(|e| e.at(crate::path!("offer", "waived", part)))?
                        .minor();
                }
            }
            if waived > 0 {
                let waived = show(Money::from_minor(waived, currency));
                after.push(fill(words.waived, &[("waived", &waived)]));
            }
            let expires = prose::date(offer.expires);
            after.push(fill(words.expires, &[("expires", &expires)]));
            after.push(words.missed_settlement.to_owned());
            words.settlement
        }
        (None, Some(plan)) => {
            let rule = BreakingRule::new(input.grace_days, input.broken_after)?;
            for (i, row) in plan.schedule.iter().enumerate() {
                payments.push((
                    row.due_date,
                    money(row.payment, crate::path!("plan", "schedule", i, "payment"))?,
                ));
            }
            after.push(words.missed_plan(rule));
            words.plan
        }
        (None, None) => return Err(crate::error::internal("neither an offer nor a plan")),
    };
    let total = Money::from_minor(payments.iter().map(|p| p.1.minor()).sum(), currency);
    let values = [
        ("date", prose::date(account.date)),
        ("creditor", account.creditor.clone()),
        ("name", account.name.clone()),
        ("id", account.id.clone()),
        ("total", show(total)),
        ("count", payments.len().to_string()),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut text = format!(
        "{}\n\n{}\n\n{}\n",
        words.title,
        fill(words.between, &values),
        fill(intro, &values)
    );
    for (date, amount) in &payments {
        text.push_str(&format!("- {}: {}\n", prose::date(*date), show(*amount)));
    }
    for paragraph in after {
        text.push_str(&format!("\n{paragraph}\n"));
    }
    text.push_str(&format!("\n{}\n", words.record));
    Ok(Agreement { text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once() {
        let values = [("name", "{total} & {name}"), ("total", "1.00")];
        assert_eq!(
            fill("{name} owes {total}; {other} {", &values),
            "{total} & {name} owes 1.00; {other} {"
        );
    }
}
