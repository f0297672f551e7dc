//! Payment plans: a principal repaid in installments, with each installment's interest and
//! principal, repaying exactly.
//!
//! - The level payment of an amortized plan is the annuity formula, numpy-financial's
//!   `pmt(r, n, -P)`: P·r·g / (g − 1) with g = (1 + r)^n and r the periodic rate
//!   `annualRate / periodsPerYear`; P / n at 0%. Where g is too large for a decimal, the same
//!   value as P·r + P·r·v^n / (1 − v^n) with v = 1 / (1 + r), which never overflows.
//! - No installment is ever nothing, and a level payment always repays some principal: a
//!   plan whose rounded level payment is at most a period's interest, or whose interest-only
//!   installments round to nothing, is refused rather than built.
//! - Each period's interest is the balance times the annual rate over the periods a year
//!   (multiplied before dividing, so a half cent is not lost to a rounded rate), or, with a
//!   `dayCount`, times the year fraction of the actual period; rounded once to the minor unit.
//! - The last installment absorbs the rounding: its principal part is the balance left, so the
//!   principal parts add up to the principal and the final balance is zero.

use crate::dates::{adjust, moved_by, year_fraction, Calendar, Convention, DayCount};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode};
use crate::ledger::MAX_AMOUNT_MINOR_UNITS;
use crate::limits::{MAX_ANNUAL_RATE, MAX_PLAN_INSTALLMENTS as MAX_INSTALLMENTS};
use crate::money::{power, Amount, Checked, Currency, Money, Rounding};
use chrono::{Days, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// How often installments fall due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Frequency {
    /// Every 7 days: 52 a year.
    Weekly,
    /// Every 14 days: 26 a year.
    Biweekly,
    /// Twice a month, as issue 10 defines it: on the first due date's day of each month
    /// (clamped at the month's end) and 15 days after that date, which falls in the next
    /// month when the day is after the 13th (20 February, 7 March, 20 March, 4 April): 24 a
    /// year.
    Semimonthly,
    /// Every month on the first due date's day, clamped at the month's end: 12 a year.
    Monthly,
    /// Every three months likewise: 4 a year.
    Quarterly,
}

impl Frequency {
    /// Installments a year.
    pub(crate) fn per_year(self) -> u32 {
        match self {
            Frequency::Weekly => 52,
            Frequency::Biweekly => 26,
            Frequency::Semimonthly => 24,
            Frequency::Monthly => 12,
            Frequency::Quarterly => 4,
        }
    }

    /// The due date of installment `number` (1 is `first`), before any business-day move.
    pub(crate) fn due_date(self, first: NaiveDate, number: u32) -> Option<NaiveDate> {
        let k = number.checked_sub(1)?;
        match self {
            Frequency::Weekly => first.checked_add_days(Days::new(7 * u64::from(k))),
            Frequency::Biweekly => first.checked_add_days(Days::new(14 * u64::from(k))),
            Frequency::Monthly => first.checked_add_months(Months::new(k)),
            Frequency::Quarterly => first.checked_add_months(Months::new(3 * k)),
            Frequency::Semimonthly => {
                let month = first.checked_add_months(Months::new(k / 2))?;
                month.checked_add_days(Days::new(15 * u64::from(k % 2)))
            }
        }
    }

    /// The day before `first` by one period, where the first period starts.
    fn period_before(self, first: NaiveDate) -> Option<NaiveDate> {
        match self {
            Frequency::Weekly => first.checked_sub_days(Days::new(7)),
            Frequency::Biweekly => first.checked_sub_days(Days::new(14)),
            Frequency::Semimonthly => first.checked_sub_days(Days::new(15)),
            Frequency::Monthly => first.checked_sub_months(Months::new(1)),
            Frequency::Quarterly => first.checked_sub_months(Months::new(3)),
        }
    }
}

/// How the principal is repaid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Decode, Encode, Describe)]
pub enum Method {
    /// Level payments (an annuity).
    #[default]
    Amortized,
    /// The same principal each time, with the interest on top.
    EqualPrincipal,
    /// Interest only, the whole principal with the last installment.
    InterestOnlyBalloon,
}

/// What `paymentPlan` takes.
#[derive(Decode, Describe)]
pub struct PlanInput {
    /// The amount to repay (before `downPayment`).
    pub principal: Amount,
    /// The interest rate, a fraction a year (`"0.085"` is 8.5%).
    pub annual_rate: Decimal,
    /// The number of installments (1 to 600); or give `payment`.
    pub count: Option<u32>,
    /// The level payment of an amortized plan; the count follows, the last installment
    /// smaller.
    pub payment: Option<Amount>,
    /// How often installments fall due.
    pub frequency: Frequency,
    /// The first installment's due date.
    pub first_due_date: NaiveDate,
    /// `amortized` (default), `equalPrincipal` or `interestOnlyBalloon`.
    #[json(default)]
    pub method: Method,
    /// Interest by the year fraction of each actual period under this day count (the first
    /// period starts one period before the first due date); default: the periodic rate.
    pub day_count: Option<DayCount>,
    /// Moves due dates onto business days of this calendar (amounts change only with
    /// `dayCount`).
    pub calendar: Option<Calendar>,
    /// How due dates move onto business days (default `following`); needs `calendar`.
    pub convention: Option<Convention>,
    /// Paid at the start: the plan finances `principal − downPayment`.
    pub down_payment: Option<Amount>,
    /// A fee added to the first installment (not financed, no interest on it).
    pub setup_fee: Option<Amount>,
    /// The currency, for its minor units (two places without one).
    pub currency: Option<Currency>,
    /// How interest and the level payment are rounded to the minor unit (default `halfEven`).
    #[json(default)]
    pub rounding: Rounding,
}

/// One installment.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Installment {
    /// 1 for the first.
    pub number: u32,
    /// Its due date.
    pub due_date: NaiveDate,
    /// What is paid: interest, principal and any fee.
    pub payment: Money,
    /// The interest part.
    pub interest: Money,
    /// The principal part.
    pub principal: Money,
    /// The balance after it.
    pub balance: Money,
    /// The setup fee, on the first installment.
    pub fee: Option<Money>,
}

/// A plan's totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub struct PlanTotals {
    /// Every installment's payment.
    pub payments: Money,
    /// All interest.
    pub interest: Money,
    /// All principal: what was financed.
    pub principal: Money,
    /// The setup fee.
    pub fees: Money,
}

/// What `paymentPlan` returns.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct PaymentPlan {
    /// The currency, when one was given.
    pub currency: Option<Currency>,
    /// The regular payment: the level payment, the first installment's for other methods.
    pub installment: Money,
    /// What the plan finances: principal less the down payment.
    pub financed: Money,
    /// The down payment, when one was given.
    pub down_payment: Option<Money>,
    /// Every installment, in order.
    pub schedule: Vec<Installment>,
    /// The totals of the schedule.
    pub totals: PlanTotals,
    /// Notes, such as a rounded level payment that repays in fewer installments than asked.
    pub warnings: Option<Vec<String>>,
}

/// A payment plan.
///
/// # Errors
/// `out_of_range` at `principal` (not above zero, or at most the down payment),
/// `downPayment` and `setupFee` (below zero), `annualRate` (0 to 10; an interest-only plan
/// whose installments would round to nothing), `count` (1 to 600; more installments than
/// minor units; a level payment rounded to at most a period's interest, which would never
/// repay the principal), `payment` (at most a period's interest, or over 600 installments),
/// `firstDueDate` (an installment after 2199); `limit_exceeded` at `principal` or `setupFee`
/// (over 10^15 minor units); `invalid_input` at `count` for both or neither of `count` and
/// `payment`; `invalid_amount` for more decimals than the currency has.
///
/// ```
/// use arrears::plans::schedule::*;
/// let input: PlanInput = arrears::json::from_str(r#"{"principal": "500.00", "annualRate": "0",
///   "count": 3, "frequency": "monthly", "firstDueDate": "2024-01-31"}"#)?;
/// let plan = payment_plan(input)?;
/// let payments: Vec<String> = plan.schedule.iter().map(|i| i.payment.to_string()).collect();
/// assert_eq!(payments, ["166.66", "166.66", "166.68"]);
/// assert_eq!(plan.schedule[1].due_date.to_string(), "2024-02-29");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn payment_plan(input: PlanInput) -> Result<PaymentPlan> {
    let currency = input.currency;
    let money = |amount: Option<Amount>, field: &str| -> Result<i128> {
        let amount = amount.map_or(Decimal::ZERO, |a| a.0);
        Ok(Money::exact(amount, currency)
            .map_err(|e| e.at(field))?
            .minor())
    };
    let down = money(input.down_payment, "downPayment")?;
    let fee = money(input.setup_fee, "setupFee")?;
    for (amount, field) in [(down, "downPayment"), (fee, "setupFee")] {
        if amount < 0 {
            let message = format!("the {field} must not be less than zero");
            return Err(Error::new(ErrorCode::OutOfRange, message).at(field));
        }
    }
    let financed = money(Some(input.principal), "principal")? - down;
    for (amount, field) in [(financed, "principal"), (fee, "setupFee")] {
        if amount > i128::from(MAX_AMOUNT_MINOR_UNITS) {
            let message =
                format!("a plan's {field} is at most {MAX_AMOUNT_MINOR_UNITS} minor units");
            return Err(Error::new(ErrorCode::LimitExceeded, message).at(field));
        }
    }
    if financed <= 0 {
        let message = "the principal must be more than zero and more than the down payment";
        return Err(Error::new(ErrorCode::OutOfRange, message).at("principal"));
    }
    if input.annual_rate.is_sign_negative() || input.annual_rate > MAX_ANNUAL_RATE {
        let message = format!(
            "{} is not an annual rate from 0 to {MAX_ANNUAL_RATE} (a fraction: \"0.085\" is 8.5%)",
            input.annual_rate
        );
        return Err(Error::new(ErrorCode::OutOfRange, message).at("annualRate"));
    }
    let (calendar, convention) = moved_by(input.calendar.as_ref(), input.convention)?;
    let plan = Plan {
        currency,
        rate: input.annual_rate,
        frequency: input.frequency,
        first: input.first_due_date,
        day_count: input.day_count,
        calendar,
        convention,
        rounding: input.rounding,
    };
    let rows = match (input.count, input.payment, input.method) {
        (Some(count), None, method) => {
            if count == 0 || count > MAX_INSTALLMENTS {
                let message = format!("a plan has 1 to {MAX_INSTALLMENTS} installments");
                return Err(Error::new(ErrorCode::OutOfRange, message).at("count"));
            }
            if financed < i128::from(count) {
                let message = format!(
                    "{} is fewer minor units than {count} installments: no installment may be nothing",
                    Money::from_minor(financed, currency)
                );
                return Err(Error::new(ErrorCode::OutOfRange, message).at("count"));
            }
            plan.with_count(financed, count, method)?
        }
        (None, Some(payment), Method::Amortized) => {
            let payment = money(Some(payment), "payment")?;
            plan.with_payment(financed, payment)?
        }
        (None, Some(_), _) => {
            let message = "'payment' sets the level payment of an amortized plan; give 'count' for this method";
            return Err(Error::new(ErrorCode::InvalidInput, message).at("payment"));
        }
        _ => {
            let message = "give 'count' or 'payment', not both nor neither";
            return Err(Error::new(ErrorCode::InvalidInput, message).at("count"));
        }
    };
    let money = |minor: i128| Money::from_minor(minor, currency);
    let warnings = match (input.count, rows.len()) {
        (Some(count), made) if made < count as usize => Some(vec![format!(
            "the level payment of {}, rounded to the minor unit, repays the principal in {made} installments rather than {count}",
            money(rows.first().map_or(0, |r| r.interest + r.principal))
        )]),
        _ => None,
    };
    let mut schedule = Vec::with_capacity(rows.len());
    let mut totals = [0i128; 3];
    for (i, row) in rows.iter().enumerate() {
        let first = i == 0 && fee > 0;
        let payment = row.interest + row.principal + if first { fee } else { 0 };
        totals = [
            totals[0] + payment,
            totals[1] + row.interest,
            totals[2] + row.principal,
        ];
        schedule.push(Installment {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            due_date: row.due_date,
            payment: money(payment),
            interest: money(row.interest),
            principal: money(row.principal),
            balance: money(row.balance),
            fee: first.then(|| money(fee)),
        });
    }
    Ok(PaymentPlan {
        currency,
        installment: money(rows.first().map_or(0, |r| r.interest + r.principal)),
        financed: money(financed),
        down_payment: (down > 0).then(|| money(down)),
        schedule,
        totals: PlanTotals {
            payments: money(totals[0]),
            interest: money(totals[1]),
            principal: money(totals[2]),
            fees: money(fee),
        },
        warnings,
    })
}

/// The terms of a plan that every installment reads.
struct Plan<'c> {
    currency: Option<Currency>,
    rate: Decimal,
    frequency: Frequency,
    first: NaiveDate,
    day_count: Option<DayCount>,
    calendar: Option<&'c Calendar>,
    convention: Convention,
    rounding: Rounding,
}

/// An installment in minor units.
struct Row {
    due_date: NaiveDate,
    interest: i128,
    principal: i128,
    balance: i128,
}

impl Plan<'_> {
    /// Installment `number`'s due date, moved onto a business day when there is a calendar.
    fn due_date(&self, number: u32) -> Result<NaiveDate> {
        let date = self.frequency.due_date(self.first, number).ok_or_else(|| {
            Error::new(
                ErrorCode::OutOfRange,
                "an installment would fall after 2199",
            )
            .at("firstDueDate")
        })?;
        let date = crate::dates::check_range(date).map_err(|e| e.at("firstDueDate"))?;
        match self.calendar {
            Some(calendar) => {
                adjust(date, self.convention, calendar).map_err(|e| e.at("firstDueDate"))
            }
            None => Ok(date),
        }
    }

    /// The interest on `balance` for installment `number`, rounded once.
    fn interest(
        &self,
        balance: i128,
        number: u32,
        due: NaiveDate,
        previous: Option<NaiveDate>,
    ) -> Result<i128> {
        let balance = Decimal::from_i128_with_scale(balance, 0);
        let exact = match self.day_count {
            None => balance
                .mul_checked(self.rate)
                .and_then(|x| x.div_checked(Decimal::from(self.frequency.per_year()))),
            Some(day_count) => {
                let start = match (number, previous) {
                    (1, _) | (_, None) => self.frequency.period_before(due).unwrap_or(due),
                    (_, Some(previous)) => previous,
                };
                let fraction =
                    year_fraction(start, due, day_count, None).map_err(|e| e.at("firstDueDate"))?;
                balance
                    .mul_checked(self.rate)
                    .and_then(|x| x.mul_checked(fraction))
            }
        };
        round(exact.ok_or_else(|| too_large("principal"))?, self.rounding)
    }

    /// `minor` minor units as the plan's currency writes them.
    fn show(&self, minor: i128) -> Money {
        Money::from_minor(minor, self.currency)
    }

    /// The rows of a plan of `count` installments.
    fn with_count(&self, financed: i128, count: u32, method: Method) -> Result<Vec<Row>> {
        let level = match method {
            Method::Amortized => Some(self.level_payment(financed, count)?),
            _ => None,
        };
        if method == Method::InterestOnlyBalloon && self.rate.is_zero() {
            let message = "an interest-only plan at 0% would have installments of nothing";
            return Err(Error::new(ErrorCode::OutOfRange, message).at("annualRate"));
        }
        let part = financed / i128::from(count);
        let mut rows = Vec::with_capacity(count as usize);
        let mut balance = financed;
        let mut previous = None;
        for number in 1..=count {
            let due_date = self.due_date(number)?;
            let interest = self.interest(balance, number, due_date, previous)?;
            let last = number == count;
            match (method, level) {
                // A rounded level payment at or below the interest repays nothing: the plan
                // would be interest only, its principal left to the last installment (issue
                // 10: a payment that never repays is out of range; here the count set it).
                (Method::Amortized, Some(level)) if !last && level <= interest => {
                    let message = format!(
                        "the level payment, {} (pmt rounded to the minor unit), is not more than the interest of installment {number}, {}: {count} installments at this rate would not repay the principal; give fewer",
                        self.show(level),
                        self.show(interest)
                    );
                    return Err(Error::new(ErrorCode::OutOfRange, message).at("count"));
                }
                // Issue 10: no installment is ever 0.
                (Method::InterestOnlyBalloon, _) if !last && interest == 0 => {
                    let message = format!(
                        "installment {number} would be 0: the interest of a period on {} at {} rounds to nothing, and an interest-only installment is only its interest",
                        self.show(balance),
                        self.rate.normalize()
                    );
                    return Err(Error::new(ErrorCode::OutOfRange, message).at("annualRate"));
                }
                _ => {}
            }
            let principal = match (last, method, level) {
                (true, _, _) => balance,
                (false, Method::Amortized, Some(level)) => level - interest,
                (false, Method::EqualPrincipal, _) => part,
                _ => 0,
            };
            // A level payment rounded up can repay a long plan early (each installment
            // overpays a fraction of a minor unit, and the excess compounds): the plan then
            // ends with the installment that repays the balance.
            let principal = principal.clamp(0, balance);
            balance -= principal;
            rows.push(Row {
                due_date,
                interest,
                principal,
                balance,
            });
            previous = Some(due_date);
            if balance == 0 {
                break;
            }
        }
        Ok(rows)
    }

    /// The rows of an amortized plan of level `payment`s, the last one smaller.
    fn with_payment(&self, financed: i128, payment: i128) -> Result<Vec<Row>> {
        let mut rows = Vec::new();
        let mut balance = financed;
        let mut previous = None;
        for number in 1.. {
            if number > MAX_INSTALLMENTS {
                let message = format!("this payment repays the principal in more than {MAX_INSTALLMENTS} installments");
                return Err(Error::new(ErrorCode::OutOfRange, message).at("payment"));
            }
            let due_date = self.due_date(number)?;
            let interest = self.interest(balance, number, due_date, previous)?;
            if payment <= interest && balance + interest > payment {
                let message = "the payment is not more than the interest of a period, so it never repays the principal";
                return Err(Error::new(ErrorCode::OutOfRange, message).at("payment"));
            }
            let principal = (payment - interest).min(balance);
            balance -= principal;
            rows.push(Row {
                due_date,
                interest,
                principal,
                balance,
            });
            previous = Some(due_date);
            if balance == 0 {
                break;
            }
        }
        Ok(rows)
    }

    /// The level payment of `count` installments, rounded; P / n rounded down at 0%.
    ///
    /// P·r·g / (g − 1), g = (1 + r)^n, where that fits a decimal: its numerator is exact
    /// whenever r has a finite decimal form, so an exact half of the minor unit is seen as
    /// one (tests/fixtures/plans/README.md). Past that (a high rate over many periods, or a
    /// large principal), P·r + P·r·v^n / (1 − v^n) with v = 1 / (1 + r): the same value, every
    /// factor at most P·r, so it never overflows; v^n only fades to nothing.
    fn level_payment(&self, financed: i128, count: u32) -> Result<i128> {
        if self.rate.is_zero() {
            return Ok(financed / i128::from(count));
        }
        let per_year = Decimal::from(self.frequency.per_year());
        let r = self
            .rate
            .div_checked(per_year)
            .ok_or_else(|| too_large("principal"))?;
        let one_plus_r = r
            .add_checked(Decimal::ONE)
            .ok_or_else(|| too_large("principal"))?;
        let p = Decimal::from_i128_with_scale(financed, 0);
        if let Some(pmt) = power(one_plus_r, u64::from(count)).and_then(|g| {
            p.mul_checked(r)?
                .mul_checked(g)?
                .div_checked(g.sub_checked(Decimal::ONE)?)
        }) {
            return round(pmt, self.rounding);
        }
        // 1 + r > 1, so v < 1 and v^n ≤ v: no overflow, and 1 − v^n ≥ r / (1 + r) > 0.
        let v = Decimal::ONE.div_checked(one_plus_r);
        let vn = v
            .and_then(|v| power(v, u64::from(count)))
            .ok_or_else(|| too_large("principal"))?;
        let interest = p
            .mul_checked(self.rate)
            .and_then(|x| x.div_checked(per_year))
            .ok_or_else(|| too_large("principal"))?;
        let pmt = interest
            .mul_checked(vn)
            .and_then(|x| x.div_checked(Decimal::ONE.sub_checked(vn)?))
            .and_then(|x| x.add_checked(interest))
            .ok_or_else(|| too_large("principal"))?;
        // The true value is P·r plus something more than zero: where v^n has faded below the
        // decimal's last place and P·r is an exact half, the half is passed, so round up (an
        // exact half is where rounding half toward and away from zero differ).
        let up = round(pmt, Rounding::HalfUp)?;
        match pmt.round_dp_with_strategy(0, RoundingStrategy::MidpointTowardZero)
            == Decimal::from_i128_with_scale(up, 0)
        {
            true => round(pmt, self.rounding),
            false => Ok(up),
        }
    }
}

fn round(amount: Decimal, rounding: Rounding) -> Result<i128> {
    let strategy = match rounding {
        Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
        Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
    };
    i128::try_from(amount.round_dp_with_strategy(0, strategy)).map_err(|_| too_large("principal"))
}

/// An amount of the plan past what a decimal holds: never for inputs within the limits
/// (10^15 minor units, rates to 10, 600 installments), named after the principal it scales
/// with.
fn too_large(field: &str) -> Error {
    Error::new(
        ErrorCode::LimitExceeded,
        "an amount of the plan has more than 28 digits",
    )
    .at(field)
}
