//! Settlement offers for an account that cannot pay in full: paying in full, a discounted
//! lump sum, a short and a long plan, ranked by what each is expected to recover.
//!
//! - What is owed is the payoff quote good through the offer's expiry.
//! - A lump sum waives fees first, then interest, then principal down to the policy's floor,
//!   never below it.
//! - Expected recovery is the present value of the offer's payments at the policy's discount
//!   rate (annual, ACT/365F from `asOf`: c / (1 + d)^t) times the completion probability of its
//!   kind (and segment). Offers are ranked by it, highest first, ties to the smaller discount.
//! - Each offer names the lowest role allowed to make it; one no role may make is left out,
//!   with the reason.

use super::schedule::{payment_plan, PlanInput};
use crate::charges::quote;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::ledger::requests::{book, CreditRecord, InvoiceRecord, PaymentRecord};
use crate::ledger::Book;
use crate::money::{Amount, Currency, Money, Rounding};
use crate::policy::{PlanTerms, Policy, SettlementPolicy, Waivable};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// A kind of settlement offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum OfferKind {
    /// Everything owed, nothing waived.
    PayInFull,
    /// One discounted payment by the expiry.
    LumpSum,
    /// The policy's short plan.
    ShortPlan,
    /// The policy's long plan.
    LongPlan,
}

/// What an offer waives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Waived {
    /// Fees and compensation.
    pub fees: Money,
    /// Interest.
    pub interest: Money,
    /// Principal.
    pub principal: Money,
}

/// A payment an offer asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub struct OfferPayment {
    /// When it is due.
    pub due_date: NaiveDate,
    /// How much.
    pub amount: Money,
}

/// One settlement offer.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Offer {
    /// What kind of offer.
    pub kind: OfferKind,
    /// What the customer pays in all.
    pub amount: Money,
    /// What is waived.
    pub waived: Waived,
    /// The waived part of what is owed, in percent, to two places.
    pub discount_percent: Decimal,
    /// The payments asked for.
    pub schedule: Vec<OfferPayment>,
    /// The day the offer lapses; the first payment is due by then.
    pub expires: NaiveDate,
    /// The present value of the payments times the completion probability.
    pub expected_recovery: Money,
    /// The probability the offer is completed.
    pub completion_probability: Decimal,
    /// The lowest role allowed to make it.
    pub authority: String,
    /// Why it is as it is.
    pub reasons: Vec<String>,
}

/// An offer left out, and why.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Excluded {
    /// What kind of offer.
    pub kind: OfferKind,
    /// Why it is left out.
    pub reason: String,
}

/// What `settlementOffers` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Offers {
    /// The day of the offers.
    pub as_of: NaiveDate,
    /// The account's currency.
    pub currency: Currency,
    /// What is owed if paid by the expiry: the quote's total.
    pub owed: Money,
    /// The offers, by expected recovery, highest first.
    pub offers: Vec<Offer>,
    /// Offers no role may make.
    pub excluded: Vec<Excluded>,
}

/// The settlement offers for one account.
///
/// # Errors
/// Those of the policy and of [`quote`] (one currency); `out_of_range` at
/// `policy.settlement...` for a plan the policy cannot build.
///
/// ```
/// let book = arrears::ledger::batch::csv::read(
///     "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,1000,EUR\n", None, None)?;
/// let offers = arrears::plans::settlement::settlement_offers(&book, &Default::default(), arrears::dates::parse_date("2024-06-01")?, None)?;
/// assert_eq!(offers.offers.len(), 4);
/// assert!(offers.offers.windows(2).all(|w| w[0].expected_recovery.minor() >= w[1].expected_recovery.minor()));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn settlement_offers<Id: AsRef<str>>(
    book: &Book<Id>,
    policy: &Policy,
    as_of: NaiveDate,
    segment: Option<&str>,
) -> Result<Offers> {
    let terms = &policy.settlement;
    let expires = as_of
        .checked_add_days(Days::new(u64::from(terms.expires_in_days)))
        .ok_or_else(|| {
            Error::new(ErrorCode::OutOfRange, "the offer would lapse after 2199").at("asOf")
        })?;
    let quote = quote(book, policy, as_of, expires, false)?;
    let currency = quote.currency;
    let money = |minor: i128| Money::from_minor(minor, Some(currency));
    let sum = |pick: fn(&crate::charges::quote::QuoteInvoice) -> Money| -> i128 {
        quote.invoices.iter().map(|i| pick(i).minor()).sum()
    };
    let owed = Owed {
        fees: sum(|i| i.fees) + sum(|i| i.compensation),
        interest: sum(|i| i.interest),
        principal: sum(|i| i.principal),
    };
    let total = owed.fees + owed.interest + owed.principal;
    let floor = Money::from_minor(owed.principal, Some(currency))
        .times(
            terms.floor_percent_of_principal / Decimal::ONE_HUNDRED,
            Rounding::HalfEven,
        )?
        .minor();
    let mut candidates = vec![(
        OfferKind::PayInFull,
        [0, 0, 0],
        vec![(expires, total)],
        vec!["everything owed through the expiry, nothing waived".to_owned()],
    )];
    let lump_waived = waive(owed, total - floor);
    candidates.push((
        OfferKind::LumpSum,
        lump_waived,
        vec![(expires, total - lump_waived.iter().sum::<i128>())],
        vec![format!(
            "fees waived, then interest, then principal down to {}% of the principal",
            terms.floor_percent_of_principal.normalize()
        )],
    ));
    for (kind, plan, field) in [
        (OfferKind::ShortPlan, &terms.short_plan, "shortPlan"),
        (OfferKind::LongPlan, &terms.long_plan, "longPlan"),
    ] {
        let waived = [
            if plan.waive.contains(&Waivable::Fees) {
                owed.fees
            } else {
                0
            },
            if plan.waive.contains(&Waivable::Interest) {
                owed.interest
            } else {
                0
            },
            0,
        ];
        let financed = total - waived.iter().sum::<i128>();
        let schedule = plan_payments(plan, financed, currency, expires)
            .map_err(|e| e.in_field(field).in_field("settlement").in_field("policy"))?;
        let reason = format!(
            "{} {} installments at {}% a year{}",
            plan.count,
            frequency_word(plan),
            (plan.annual_rate * Decimal::ONE_HUNDRED).normalize(),
            match (waived[0] > 0, waived[1] > 0) {
                (true, true) => ", fees and interest waived",
                (true, false) => ", fees waived",
                (false, true) => ", interest waived",
                (false, false) => "",
            }
        );
        candidates.push((kind, waived, schedule, vec![reason]));
    }
    let mut offers = Vec::new();
    let mut excluded = Vec::new();
    for (kind, waived, payments, mut reasons) in candidates {
        let waived_total: i128 = waived.iter().sum();
        let discount = percent_of(waived_total, total);
        let Some(role) = terms
            .authority
            .iter()
            .find(|r| r.max_discount_percent >= discount)
        else {
            let reason = format!("a discount of {discount}% is more than any role may offer");
            excluded.push(Excluded { kind, reason });
            continue;
        };
        let probability = completion(terms, kind, segment);
        reasons.push(format!(
            "completed with probability {}",
            probability.normalize()
        ));
        let present: Decimal = payments
            .iter()
            .map(|(day, amount)| {
                let years = Decimal::from((*day - as_of).num_days()) / Decimal::from(365);
                let factor = power(Decimal::ONE + terms.discount_rate, years);
                Decimal::from_i128_with_scale(*amount, 0)
                    .checked_div(factor)
                    .unwrap_or_default()
            })
            .sum();
        let expected = present
            .checked_mul(probability)
            .map(|e| {
                e.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointNearestEven)
            })
            .and_then(|e| i128::try_from(e).ok())
            .ok_or_else(|| crate::error::internal("an expected recovery overflowed"))?;
        offers.push(Offer {
            kind,
            amount: money(payments.iter().map(|p| p.1).sum()),
            waived: Waived {
                fees: money(waived[0]),
                interest: money(waived[1]),
                principal: money(waived[2]),
            },
            discount_percent: discount,
            schedule: payments
                .iter()
                .map(|&(due_date, amount)| OfferPayment {
                    due_date,
                    amount: money(amount),
                })
                .collect(),
            expires,
            expected_recovery: money(expected),
            completion_probability: probability,
            authority: role.role.clone(),
            reasons,
        });
    }
    crate::order::sort_by(&mut offers, &|a, b| {
        b.expected_recovery
            .minor()
            .cmp(&a.expected_recovery.minor())
            .then(a.discount_percent.cmp(&b.discount_percent))
    });
    Ok(Offers {
        as_of,
        currency,
        owed: money(total),
        offers,
        excluded,
    })
}

/// What is owed, by part, in minor units.
#[derive(Clone, Copy)]
struct Owed {
    fees: i128,
    interest: i128,
    principal: i128,
}

/// `discount` taken from fees first, then interest, then principal: what each part waives.
fn waive(owed: Owed, discount: i128) -> [i128; 3] {
    let mut left = discount.max(0);
    [owed.fees, owed.interest, owed.principal].map(|part| {
        let taken = left.min(part);
        left -= taken;
        taken
    })
}

/// The payments of a settlement plan of `financed` minor units, the first due on `first`.
fn plan_payments(
    plan: &PlanTerms,
    financed: i128,
    currency: Currency,
    first: NaiveDate,
) -> Result<Vec<(NaiveDate, i128)>> {
    let amount = Money::from_minor(financed, Some(currency)).to_decimal();
    let plan = payment_plan(PlanInput {
        principal: Amount(amount),
        annual_rate: plan.annual_rate,
        count: Some(plan.count),
        payment: None,
        frequency: plan.frequency,
        first_due_date: first,
        method: Default::default(),
        day_count: None,
        calendar: None,
        convention: None,
        down_payment: None,
        setup_fee: None,
        currency: Some(currency),
        rounding: Rounding::HalfEven,
    })?;
    Ok(plan
        .schedule
        .iter()
        .map(|i| (i.due_date, i.payment.minor()))
        .collect())
}

/// `part / whole` in percent, to two places.
fn percent_of(part: i128, whole: i128) -> Decimal {
    match whole {
        0 => Decimal::new(0, 2),
        _ => {
            let mut percent = (Decimal::from_i128_with_scale(part, 0) * Decimal::ONE_HUNDRED
                / Decimal::from_i128_with_scale(whole, 0))
            .round_dp(2);
            percent.rescale(2);
            percent
        }
    }
}

fn completion(terms: &SettlementPolicy, kind: OfferKind, segment: Option<&str>) -> Decimal {
    let general = &terms.completion;
    let special = segment.and_then(|s| general.by_segment.iter().find(|c| c.segment == s));
    let pick = |general: Decimal, special: Option<Decimal>| special.unwrap_or(general);
    match kind {
        OfferKind::PayInFull => pick(general.pay_in_full, special.and_then(|s| s.pay_in_full)),
        OfferKind::LumpSum => pick(general.lump_sum, special.and_then(|s| s.lump_sum)),
        OfferKind::ShortPlan => pick(general.short_plan, special.and_then(|s| s.short_plan)),
        OfferKind::LongPlan => pick(general.long_plan, special.and_then(|s| s.long_plan)),
    }
}

fn frequency_word(plan: &PlanTerms) -> &'static str {
    match plan.frequency {
        crate::plans::Frequency::Weekly => "weekly",
        crate::plans::Frequency::Biweekly => "biweekly",
        crate::plans::Frequency::Semimonthly => "semimonthly",
        crate::plans::Frequency::Monthly => "monthly",
        crate::plans::Frequency::Quarterly => "quarterly",
    }
}

/// `base` to the power `years` (a fraction): exp(years × ln base), by their series.
fn power(base: Decimal, years: Decimal) -> Decimal {
    exp(years * ln(base))
}

/// ln x for x > 0, by the series of atanh: ln x = 2 Σ z^(2k+1) / (2k+1), z = (x−1)/(x+1).
fn ln(x: Decimal) -> Decimal {
    let z = (x - Decimal::ONE)
        .checked_div(x + Decimal::ONE)
        .unwrap_or_default();
    let z2 = z * z;
    let (mut term, mut sum) = (z, Decimal::ZERO);
    for k in 0..200u32 {
        let next = term / Decimal::from(2 * k + 1);
        if next.is_zero() {
            break;
        }
        sum += next;
        term *= z2;
    }
    sum * Decimal::TWO
}

/// e^y by its series; `Decimal::MAX` past what a decimal holds (a factor so large the
/// present value is nothing).
fn exp(y: Decimal) -> Decimal {
    let (mut term, mut sum) = (Decimal::ONE, Decimal::ONE);
    for k in 1..400u32 {
        let next = term
            .checked_mul(y)
            .and_then(|t| t.checked_div(Decimal::from(k)));
        let Some(next) = next else {
            return Decimal::MAX;
        };
        if next.is_zero() {
            break;
        }
        term = next;
        sum = match sum.checked_add(term) {
            Some(sum) => sum,
            None => return Decimal::MAX,
        };
    }
    sum
}

/// What `settlementOffers` takes: one account's ledger and the policy.
#[derive(Decode, Describe)]
pub struct SettlementInput<'a> {
    /// The day of the offers.
    pub as_of: NaiveDate,
    /// The account's invoices, in one currency.
    pub invoices: Vec<InvoiceRecord<'a>>,
    /// Its payments.
    #[json(default)]
    pub payments: Vec<PaymentRecord<'a>>,
    /// Its credits.
    #[json(default)]
    pub credits: Vec<CreditRecord<'a>>,
    /// The policy: its settlement terms, and the charges that make up what is owed.
    #[json(default)]
    pub policy: Policy,
    /// The account's segment, for its completion probabilities.
    pub segment: Option<String>,
}

/// The settlement offers of `settlementOffers`.
///
/// # Errors
/// Those of the records and of [`settlement_offers`].
///
/// ```
/// let out = arrears::api::call("settlementOffers", r#"{"asOf": "2024-06-01", "invoices": [
///   {"id": "A", "customerId": "c", "issueDate": "2024-01-01", "dueDate": "2024-01-31", "amount": "1000", "currency": "EUR"}]}"#)?;
/// assert!(out.contains(r#""kind":"lumpSum""#));
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn settlement_offers_of(input: SettlementInput<'_>) -> Result<Offers> {
    let book = book(input.invoices, input.payments, input.credits)?;
    settlement_offers(&book, &input.policy, input.as_of, input.segment.as_deref())
}
