//! Settlement offers for an account that cannot pay in full: paying in full, a discounted
//! lump sum, a short and a long plan, ranked by what each is expected to recover.
//!
//! - What is owed is the payoff quote good through the offer's expiry.
//! - A lump sum waives fees first, then interest, then principal down to the policy's floor,
//!   never below it, and never more than the most senior role may waive: where the floor is
//!   deeper than that, the lump sum stops at that role's limit.
//! - Expected recovery is the present value of the offer's payments at the policy's discount
//!   rate (annual, ACT/365F from `asOf`: c / (1 + d)^t) times the completion probability of its
//!   kind (and segment). Offers are ranked by it, highest first, ties to the smaller discount.
//! - Each offer names the lowest role allowed to make it; an offer that cannot be made (no
//!   role may give its discount, nothing to waive, a plan the balance cannot fill) is left
//!   out, and the answer's `reasons` say why.

use super::schedule::{payment_plan, PlanInput};
use crate::charges::quote;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::ledger::requests::{book, CreditRecord, InvoiceRecord, PaymentRecord};
use crate::ledger::Book;
use crate::money::{fraction, Amount, Checked, Currency, Money, Rounding};
use crate::policy::{PlanTerms, Policy, Role, SettlementPolicy, Waivable};
use crate::prose;
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

impl OfferKind {
    /// The kind as the JSON names it.
    fn name(self) -> &'static str {
        match self {
            OfferKind::PayInFull => "payInFull",
            OfferKind::LumpSum => "lumpSum",
            OfferKind::ShortPlan => "shortPlan",
            OfferKind::LongPlan => "longPlan",
        }
    }
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
    /// The currency of its amounts (the account's).
    pub currency: Currency,
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
    /// What was left out, and why: each kind of offer that cannot be made
    /// (`"lumpSum left out: ..."`), or that nothing is owed.
    pub reasons: Vec<String>,
}

/// The settlement offers for one account.
///
/// # Errors
/// Those of the policy and of [`quote`] (one currency); `invalid_input` at
/// `invoices[i].customerId` (and `payments`, `credits`) for a record of another customer
/// than the first invoice's, `currency_mismatch` at `payments[i].currency` (and `credits`)
/// for a receipt in another currency; `out_of_range` at `asOf` when the offers or their
/// plans would run past 2199.
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
    one_account(book)?;
    policy.check().map_err(|e| e.in_field("policy"))?;
    let terms = &policy.settlement;
    let expires = as_of
        .checked_add_days(Days::new(u64::from(terms.expires_in_days)))
        .and_then(|d| crate::dates::check_range(d).ok())
        .ok_or_else(|| {
            let message = format!(
                "offers made on {as_of} would lapse {} days later, after 2199",
                terms.expires_in_days
            );
            Error::new(ErrorCode::OutOfRange, message).at("asOf")
        })?;
    for (plan, name) in [(&terms.short_plan, "short"), (&terms.long_plan, "long")] {
        let last = plan.frequency.due_date(expires, plan.count);
        if last
            .and_then(|d| crate::dates::check_range(d).ok())
            .is_none()
        {
            let message = format!(
                "the {name} plan of offers made on {as_of} would end after 2199 ({} installments from {expires})",
                plan.count
            );
            return Err(Error::new(ErrorCode::OutOfRange, message).at("asOf"));
        }
    }
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
    let mut answer = Offers {
        as_of,
        currency,
        owed: money(total),
        offers: Vec::new(),
        reasons: Vec::new(),
    };
    if total <= 0 {
        answer
            .reasons
            .push("nothing is owed through the expiry: there is nothing to offer".to_owned());
        return Ok(answer);
    }
    // Checked by the policy: at least one role, in rising order.
    let top = terms
        .authority
        .last()
        .ok_or_else(|| crate::error::internal("a settlement policy without roles"))?;
    let mut candidates = vec![(
        OfferKind::PayInFull,
        [0, 0, 0],
        vec![(expires, total)],
        vec!["everything owed through the expiry, nothing waived".to_owned()],
    )];
    let floor = Money::from_minor(owed.principal, Some(currency))
        .times(
            fraction(terms.floor_percent_of_principal),
            Rounding::HalfEven,
        )?
        .minor();
    let to_floor = total - floor;
    let most = most_waived(top, total);
    let lump_waived = waive(owed, to_floor.min(most));
    let lump_total: i128 = lump_waived.iter().sum();
    let floor_percent = terms.floor_percent_of_principal.normalize();
    if lump_total == 0 {
        let why = match (to_floor <= 0, top.max_discount_percent.is_zero()) {
            (true, _) => format!("nothing may be waived: the floor, {floor_percent}% of the principal, is all that is owed"),
            (false, true) => "no role may offer a discount".to_owned(),
            (false, false) => format!(
                "nothing may be waived: {}% of {}, the most the {} may waive, is less than the minor unit",
                top.max_discount_percent.normalize(),
                money(total),
                top.role
            ),
        };
        answer.reasons.push(left_out(OfferKind::LumpSum, &why));
    } else {
        let reason = match to_floor > most {
            false => format!(
                "fees waived, then interest, then principal down to {floor_percent}% of the principal"
            ),
            true => format!(
                "fees waived, then interest, then principal, up to {}% of what is owed, the most the {} may waive (down to the floor, {floor_percent}% of the principal, would be {}%)",
                top.max_discount_percent.normalize(),
                top.role,
                percent_of(to_floor, total)
            ),
        };
        candidates.push((
            OfferKind::LumpSum,
            lump_waived,
            vec![(expires, total - lump_total)],
            vec![reason],
        ));
    }
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
        if financed <= 0 {
            let why = format!(
                "nothing is left to pay in installments once {} waived",
                waived_words(waived)
            );
            answer.reasons.push(left_out(kind, &why));
            continue;
        }
        let schedule = match plan_payments(plan, financed, currency, expires) {
            Ok(schedule) => schedule,
            // What the balance cannot fill (fewer minor units than installments, a level
            // payment no more than the interest): this account's, not the policy's, so the
            // plan is left out rather than the call failing.
            Err(e) if e.path() == "count" => {
                answer.reasons.push(left_out(kind, e.message()));
                continue;
            }
            Err(e) => {
                return Err(e.in_field(field).in_field("settlement").in_field("policy"));
            }
        };
        let reason = format!(
            "{} {} installments at {} a year{}",
            plan.count,
            frequency_word(plan),
            prose::percent(plan.annual_rate),
            match waived[0] > 0 || waived[1] > 0 {
                true => format!(", {} waived", waived_words(waived)),
                false => String::new(),
            }
        );
        candidates.push((kind, waived, schedule, vec![reason]));
    }
    for (kind, waived, payments, mut reasons) in candidates {
        let waived_total: i128 = waived.iter().sum();
        let discount = percent_of(waived_total, total);
        let Some(role) = terms
            .authority
            .iter()
            .find(|r| waived_total <= most_waived(r, total))
        else {
            let why = format!(
                "a discount of {discount}% is more than any role may offer (the {}, {}%)",
                top.role,
                top.max_discount_percent.normalize()
            );
            answer.reasons.push(left_out(kind, &why));
            continue;
        };
        let probability = completion(terms, kind, segment);
        reasons.push(format!(
            "completed with probability {}",
            probability.normalize()
        ));
        let present = payments
            .iter()
            .try_fold(Decimal::ZERO, |sum, (day, amount)| {
                let years =
                    Decimal::from((*day - as_of).num_days()).div_checked(Decimal::from(365))?;
                let factor = Decimal::ONE
                    .add_checked(terms.discount_rate)
                    .map_or(Decimal::MAX, |base| power(base, years));
                let value = Decimal::from_i128_with_scale(*amount, 0).div_checked(factor);
                sum.add_checked(value.unwrap_or_default())
            });
        let expected = present
            .and_then(|present| present.mul_checked(probability))
            .map(|e| {
                e.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointNearestEven)
            })
            .and_then(|e| i128::try_from(e).ok())
            .ok_or_else(|| crate::error::internal("an expected recovery overflowed"))?;
        answer.offers.push(Offer {
            kind,
            currency,
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
    crate::order::sort_by(&mut answer.offers, &|a, b| {
        b.expected_recovery
            .minor()
            .cmp(&a.expected_recovery.minor())
            .then(a.discount_percent.cmp(&b.discount_percent))
    });
    Ok(answer)
}

/// Every record is of the first invoice's account: `invalid_input` at the first of another
/// customer, `currency_mismatch` at the first receipt in another currency (an invoice in
/// another currency is the quote's `currency_mismatch`). Checked whatever the records' dates.
fn one_account<Id>(book: &Book<Id>) -> Result<()> {
    let account = |index: u32| book.accounts.get(index as usize);
    let Some(ours) = book.invoices.first().and_then(|i| account(i.account)) else {
        return Ok(());
    };
    let lists: [(&str, Vec<u32>); 3] = [
        (
            "invoices",
            book.invoices.iter().map(|i| i.account).collect(),
        ),
        (
            "payments",
            book.payments.iter().map(|p| p.account).collect(),
        ),
        ("credits", book.credits.iter().map(|c| c.account).collect()),
    ];
    for (list, accounts) in &lists {
        for (i, theirs) in accounts
            .iter()
            .enumerate()
            .filter_map(|(i, &a)| Some((i, account(a)?)))
        {
            if theirs.customer_id != ours.customer_id {
                let message = format!(
                    "settlement offers are for one account: the first invoice's customer is '{}', and this record's '{}'",
                    ours.customer_id, theirs.customer_id
                );
                let path = crate::path!(*list, i, "customerId");
                return Err(Error::new(ErrorCode::InvalidInput, message).at(path));
            }
        }
    }
    for (list, accounts) in lists.iter().skip(1) {
        for (i, theirs) in accounts
            .iter()
            .enumerate()
            .filter_map(|(i, &a)| Some((i, account(a)?)))
        {
            if theirs.currency != ours.currency {
                let message = format!(
                    "settlement offers are for one account in one currency, {}, and this record is in {}",
                    ours.currency, theirs.currency
                );
                let path = crate::path!(*list, i, "currency");
                return Err(Error::new(ErrorCode::CurrencyMismatch, message).at(path));
            }
        }
    }
    Ok(())
}

/// The most `role` may waive of `total`, in whole minor units: its percent of `total`,
/// rounded down, so that what is waived is never more than the role's percent.
fn most_waived(role: &Role, total: i128) -> i128 {
    Decimal::from_i128_with_scale(total, 0)
        .mul_checked(role.max_discount_percent)
        .map(|x| fraction(x).round_dp_with_strategy(0, rust_decimal::RoundingStrategy::ToZero))
        .and_then(|x| i128::try_from(x).ok())
        .unwrap_or(0)
}

/// `"<kind> left out: <why>"`, a line of the answer's `reasons`.
fn left_out(kind: OfferKind, why: &str) -> String {
    format!("{} left out: {why}", kind.name())
}

/// "fees", "interest" or "fees and interest", for what a plan waives.
fn waived_words(waived: [i128; 3]) -> &'static str {
    match (waived[0] > 0, waived[1] > 0) {
        (true, true) => "fees and interest",
        (true, false) => "fees",
        (false, true) => "interest",
        (false, false) => "nothing",
    }
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

/// `part / whole` in percent, to two places; `0.00` of nothing.
fn percent_of(part: i128, whole: i128) -> Decimal {
    // Divided first: a part is at most its whole, so the share times 100 fits.
    let mut percent = Decimal::from_i128_with_scale(part, 0)
        .div_checked(Decimal::from_i128_with_scale(whole, 0))
        .and_then(|share| share.mul_checked(Decimal::ONE_HUNDRED))
        .map_or(Decimal::ZERO, |percent| percent.round_dp(2));
    percent.rescale(2);
    percent
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
    match ln(base).and_then(|ln| years.mul_checked(ln)) {
        Some(exponent) => exp(exponent),
        None => Decimal::MAX,
    }
}

/// ln x for x > 0, by the series of atanh: ln x = 2 Σ z^(2k+1) / (2k+1), z = (x−1)/(x+1).
/// `None` past what a decimal holds.
fn ln(x: Decimal) -> Option<Decimal> {
    let z = x
        .sub_checked(Decimal::ONE)?
        .div_checked(x.add_checked(Decimal::ONE)?)?;
    let z2 = z.mul_checked(z)?;
    let (mut term, mut sum) = (z, Decimal::ZERO);
    for k in 0..200u32 {
        let next = term.div_checked(Decimal::from(2 * k + 1))?;
        if next.is_zero() {
            break;
        }
        sum = sum.add_checked(next)?;
        term = term.mul_checked(z2)?;
    }
    sum.mul_checked(Decimal::TWO)
}

/// e^y by its series; `Decimal::MAX` past what a decimal holds (a factor so large the
/// present value is nothing).
fn exp(y: Decimal) -> Decimal {
    let (mut term, mut sum) = (Decimal::ONE, Decimal::ONE);
    for k in 1..400u32 {
        let next = term
            .mul_checked(y)
            .and_then(|t| t.div_checked(Decimal::from(k)));
        let Some(next) = next else {
            return Decimal::MAX;
        };
        if next.is_zero() {
            break;
        }
        term = next;
        sum = match sum.add_checked(term) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_of_is_to_two_places_and_zero_of_nothing() {
        // 1/3 = 33.333…%, 2/3 = 66.666…%, 1/8 = 12.5%, 1/200 = 0.5%; half-even at the cent.
        let cases = [
            (1, 3, "33.33"),
            (2, 3, "66.67"),
            (1, 8, "12.50"),
            (1, 200, "0.50"),
        ];
        for (part, whole, percent) in cases {
            assert_eq!(
                percent_of(part, whole).to_string(),
                percent,
                "{part}/{whole}"
            );
        }
        assert_eq!(percent_of(0, 0).to_string(), "0.00");
        assert_eq!(percent_of(5, 0).to_string(), "0.00");
    }

    #[test]
    fn power_of_a_fraction_of_a_year() -> std::result::Result<(), rust_decimal::Error> {
        // 1.1^2 = 1.21; 1.1^0.5 = √1.1 = 1.04880884817015154699145351367…
        let close = |x: Decimal, y: Decimal| (x - y).abs() < Decimal::new(1, 20);
        let base: Decimal = "1.1".parse()?;
        assert!(close(power(base, Decimal::TWO), "1.21".parse()?));
        let root = power(base, "0.5".parse()?);
        assert!(
            close(root, "1.048808848170151546991453513".parse()?),
            "{root}"
        );
        assert_eq!(power(Decimal::ONE, "3.7".parse()?), Decimal::ONE);
        // Past what a decimal holds: the largest decimal, so a present value is nothing.
        assert_eq!(ln(Decimal::MAX), None);
        assert_eq!(power(Decimal::MAX, Decimal::ONE), Decimal::MAX);
        Ok(())
    }
}
