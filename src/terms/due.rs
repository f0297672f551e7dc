//! Dates from terms: due date, discount deadlines, installments; and the amount due on a day.
//!
//! Days are calendar days counted from the start, the next day being day 1 (BCcampus,
//! *Business Mathematics*, "1.7 Cash Discounts"; US Treasury Bureau of the Fiscal Service,
//! Prompt Payment FAQ: "day" means a calendar day including weekends and holidays). With a
//! calendar, every date is then moved to a business day by the convention; the same FAQ moves
//! discount dates the same way as due dates.

use super::{Due, Start, Terms};
use crate::dates::{adjust, check_range, Calendar, Convention};
use crate::error::{Error, ErrorCode, Result};
use crate::json::{Describe, Encode};
use crate::money::{fraction, Money, Rounding};
use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::Decimal;

/// The dates terms give one invoice.
///
/// ```
/// use arrears::dates::{parse_date, Convention};
/// let terms: arrears::terms::Terms = "50% in 30, 50% in 60".parse()?;
/// let s = terms.schedule(parse_date("2024-01-01")?, None, Convention::Following)?;
/// assert_eq!(s.installments[0].due_date.to_string(), "2024-01-31");
/// assert_eq!(s.due_date, s.installments[1].due_date);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Schedule {
    /// When the full amount is due; for installments, the last installment's date.
    pub due_date: NaiveDate,
    /// Each discount with the last day it applies, in the order of the terms.
    pub discounts: Vec<DiscountDeadline>,
    /// Each installment with its date; empty unless the terms have installments.
    pub installments: Vec<InstallmentDate>,
}

/// A discount and the last day it applies (inclusive).
///
/// ```
/// use arrears::dates::{parse_date, Convention};
/// let terms: arrears::terms::Terms = "2/10 Net 30".parse()?;
/// let s = terms.schedule(parse_date("2024-01-01")?, None, Convention::Following)?;
/// assert_eq!(s.discounts[0].until.to_string(), "2024-01-11");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub struct DiscountDeadline {
    /// The last day a payment earns the discount.
    pub until: NaiveDate,
    /// The discount in percent (`"2"` is 2%).
    pub percent: Decimal,
}

/// An installment and its due date.
///
/// ```
/// use arrears::dates::{parse_date, Convention};
/// let terms: arrears::terms::Terms = "30% in 0, 70% in 30".parse()?;
/// let s = terms.schedule(parse_date("2024-01-01")?, None, Convention::Following)?;
/// assert_eq!(s.installments[0].due_date.to_string(), "2024-01-01");
/// assert_eq!(s.installments[0].percent.to_string(), "30");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub struct InstallmentDate {
    /// When this part is due.
    pub due_date: NaiveDate,
    /// Its share of the amount, in percent (`"50"` is half).
    pub percent: Decimal,
}

/// The amount due after a discount, and the discount.
///
/// ```
/// use arrears::money::{Money, Rounding};
/// let amount = Money::exact("850".parse()?, None)?;
/// let s = arrears::terms::apply_discount(amount, "3".parse()?, Rounding::HalfEven)?;
/// assert_eq!((s.amount.to_string(), s.discount.to_string()), ("824.50".into(), "25.50".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Describe)]
pub struct Settlement {
    /// What the payer owes: the amount less the discount.
    pub amount: Money,
    /// The discount taken (zero when none applies).
    pub discount: Money,
}

impl Terms {
    /// The due date, discount deadlines and installment dates for an invoice issued on `issue`.
    ///
    /// Without a calendar the dates are calendar dates as counted. With one, each date is
    /// moved to a business day by `convention` (the JSON API defaults it to `following`).
    ///
    /// # Errors
    /// [`ErrorCode::OutOfRange`] when a date would fall after 2199-12-31, and the errors of
    /// [`adjust`].
    ///
    /// ```
    /// use arrears::dates::{parse_date, Convention};
    /// let terms: arrears::terms::Terms = "2/10 Net 30".parse()?;
    /// let schedule = terms.schedule(parse_date("2024-01-01")?, None, Convention::Following)?;
    /// assert_eq!(schedule.due_date.to_string(), "2024-01-31");
    /// assert_eq!(schedule.discounts[0].until.to_string(), "2024-01-11");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule(
        &self,
        issue: NaiveDate,
        calendar: Option<&Calendar>,
        convention: Convention,
    ) -> Result<Schedule> {
        let start = match self.start {
            Start::InvoiceDate => issue,
            Start::EndOfMonth => last_day_of_month(issue)?,
        };
        let on = |date: Result<NaiveDate>| -> Result<NaiveDate> {
            let date = date?;
            match calendar {
                Some(calendar) => check_range(adjust(date, convention, calendar)?),
                None => Ok(date),
            }
        };
        let mut installments = Vec::new();
        let due_date = match &self.due {
            Due::Days(days) => on(add_days(start, *days))?,
            Due::DayOfNextMonth(day) => on(day_of_next_month(issue, *day))?,
            Due::Installments(parts) => {
                for part in parts {
                    installments.push(InstallmentDate {
                        due_date: on(add_days(start, part.days))?,
                        percent: part.percent,
                    });
                }
                let last = installments.last().map(|i| i.due_date);
                last.ok_or_else(|| Error::new(ErrorCode::Internal, "installments are empty"))?
            }
        };
        let discounts = self
            .discounts
            .iter()
            .map(|d| {
                Ok(DiscountDeadline {
                    until: on(add_days(start, d.days))?,
                    percent: d.percent,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Schedule {
            due_date,
            discounts,
            installments,
        })
    }

    /// The due date alone: see [`Terms::schedule`].
    ///
    /// # Errors
    /// Those of [`Terms::schedule`].
    ///
    /// ```
    /// use arrears::dates::{parse_date, Convention};
    /// let terms: arrears::terms::Terms = "Net 30".parse()?;
    /// let due = terms.due_date(parse_date("2024-01-31")?, None, Convention::Following)?;
    /// assert_eq!(due.to_string(), "2024-03-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due_date(
        &self,
        issue: NaiveDate,
        calendar: Option<&Calendar>,
        convention: Convention,
    ) -> Result<NaiveDate> {
        self.schedule(issue, calendar, convention)
            .map(|s| s.due_date)
    }

    /// The discount in percent earned by paying in full on `paid_on`: the largest discount
    /// whose deadline is on or after `paid_on`, or zero. A payment before the issue date
    /// earns the discount too.
    ///
    /// # Errors
    /// Those of [`Terms::schedule`].
    ///
    /// ```
    /// use arrears::dates::{parse_date, Convention};
    /// let terms: arrears::terms::Terms = "2/10, 1/20, Net 30".parse()?;
    /// let issue = parse_date("2024-01-01")?;
    /// let on = |day: &str| terms.discount_on(issue, parse_date(day)?, None, Convention::Following);
    /// assert_eq!(on("2024-01-11")?.to_string(), "2");
    /// assert_eq!(on("2024-01-12")?.to_string(), "1");
    /// assert_eq!(on("2024-01-22")?.to_string(), "0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discount_on(
        &self,
        issue: NaiveDate,
        paid_on: NaiveDate,
        calendar: Option<&Calendar>,
        convention: Convention,
    ) -> Result<Decimal> {
        let schedule = self.schedule(issue, calendar, convention)?;
        let earned = schedule.discounts.iter().filter(|d| paid_on <= d.until);
        Ok(earned.map(|d| d.percent).max().unwrap_or(Decimal::ZERO))
    }
}

/// Takes `percent` off `amount`: the discount is rounded to the amount's minor units by
/// `rounding`, and the amount due is the amount less it, so the two add up to the amount.
///
/// # Errors
/// [`ErrorCode::OutOfRange`] for a negative amount or a percent outside 0 to 100, and
/// [`ErrorCode::LimitExceeded`] if the product does not fit a decimal (28 digits).
///
/// ```
/// use arrears::money::{Money, Rounding};
/// use arrears::terms::apply_discount;
/// let paid = apply_discount(Money::exact("12.5".parse()?, None)?, "2".parse()?, Rounding::HalfEven)?;
/// assert_eq!((paid.amount.to_string(), paid.discount.to_string()), ("12.25".into(), "0.25".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn apply_discount(amount: Money, percent: Decimal, rounding: Rounding) -> Result<Settlement> {
    if amount.minor() < 0 {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            format!("the amount {amount} is negative"),
        ));
    }
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return Err(Error::new(
            ErrorCode::OutOfRange,
            format!("a discount of {percent}% is not between 0% and 100%"),
        ));
    }
    let discount = amount.times(fraction(percent), rounding)?;
    Ok(Settlement {
        amount: amount.with_minor(amount.minor() - discount.minor()),
        discount,
    })
}

fn out_of_range(from: NaiveDate, what: &str) -> Error {
    Error::new(
        ErrorCode::OutOfRange,
        format!("{what} from {from} falls after the last supported date, 2199-12-31"),
    )
}

fn add_days(start: NaiveDate, days: u32) -> Result<NaiveDate> {
    start
        .checked_add_days(Days::new(u64::from(days)))
        .ok_or_else(|| out_of_range(start, &format!("{days} days")))
        .and_then(|date| {
            check_range(date).map_err(|_| out_of_range(start, &format!("{days} days")))
        })
}

fn first_of_next_month(date: NaiveDate) -> Result<NaiveDate> {
    date.with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .ok_or_else(|| out_of_range(date, "the next month"))
}

/// The last day of `date`'s month: 31 January, 29 February 2024, 28 February 2023.
fn last_day_of_month(date: NaiveDate) -> Result<NaiveDate> {
    first_of_next_month(date)?
        .pred_opt()
        .ok_or_else(|| out_of_range(date, "the month's end"))
}

/// Day `day` of the month after `issue`'s, or that month's last day when it is shorter.
fn day_of_next_month(issue: NaiveDate, day: u32) -> Result<NaiveDate> {
    let first = first_of_next_month(issue)?;
    let last = last_day_of_month(first)?;
    let date = first.with_day(day.min(last.day()));
    date.ok_or_else(|| out_of_range(issue, &format!("day {day} of the next month")))
        .and_then(|d| check_range(d).map_err(|_| out_of_range(issue, "the next month")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn due(terms: &str, issue: &str) -> Result<String> {
        let terms: Terms = terms.parse()?;
        let date = terms.due_date(parse_date(issue)?, None, Convention::Following)?;
        Ok(date.to_string())
    }

    fn schedule(terms: &str, issue: &str) -> Result<Schedule> {
        let terms: Terms = terms.parse()?;
        terms.schedule(parse_date(issue)?, None, Convention::Following)
    }

    /// Month ends, computed by hand.
    #[test]
    fn month_ends() -> Result<()> {
        let cases = [
            // Net 30 from 31 January 2024: February has 29 days, so 31 Jan + 29 = 29 Feb,
            // + 1 = 1 March.
            ("Net 30", "2024-01-31", "2024-03-01"),
            // 2023: 31 Jan + 28 = 28 Feb, + 2 = 2 March.
            ("Net 30", "2023-01-31", "2023-03-02"),
            // 29 February + 30: February 2024 ends 0 days later, then 30 days into March.
            ("Net 30", "2024-02-29", "2024-03-30"),
            // 1 January + 59 days in a leap year: 30 (to 31 Jan) + 29 (to 29 Feb) = 59.
            ("Net 59", "2024-01-01", "2024-02-29"),
            // Net 30 EOM from any day of February 2024: 29 Feb + 30 = 30 March.
            ("Net 30 EOM", "2024-02-01", "2024-03-30"),
            ("Net 30 EOM", "2024-02-29", "2024-03-30"),
            // ... and of February 2023: 28 Feb + 30 = 30 March (March has 31 days: 2 + 28).
            ("Net 30 EOM", "2023-02-10", "2023-03-30"),
            // Net 30 EOM from January: 31 Jan + 30 = 1 March 2024 (29 days of February + 1).
            ("Net 30 EOM", "2024-01-05", "2024-03-01"),
            // EOM alone: the last day of the invoice's month.
            ("EOM", "2024-02-10", "2024-02-29"),
            ("EOM", "2023-02-10", "2023-02-28"),
            ("EOM", "2024-04-30", "2024-04-30"),
            ("EOM", "2024-12-01", "2024-12-31"),
            // 31st prox in a 30-day month: clamped to the month's last day.
            ("31st prox", "2024-03-15", "2024-04-30"),
            ("31st prox", "2024-04-15", "2024-05-31"),
            // 30th prox and 29 MFI from January land on February's last day.
            ("30th prox", "2024-01-31", "2024-02-29"),
            ("29 MFI", "2023-01-01", "2023-02-28"),
            ("29 MFI", "2024-01-01", "2024-02-29"),
            // Across the year's end.
            ("10th prox", "2024-12-31", "2025-01-10"),
            ("15 MFI", "2024-12-01", "2025-01-15"),
            // Due on receipt: the invoice date itself.
            ("Due on receipt", "2024-02-29", "2024-02-29"),
        ];
        for (terms, issue, expected) in cases {
            assert_eq!(due(terms, issue)?, expected, "{terms} from {issue}");
        }
        Ok(())
    }

    /// Worked examples from the sources cited in docs/terms.md.
    #[test]
    fn worked_examples() -> Result<()> {
        // AMA (Monash marketing dictionary, "End of Month Dating"): shipped June 16 on
        // "2/10, net 20, EOM": discount through July 10, net due July 30. arrears counts the
        // net days from the month's end, so the same dates are "2/10 EOM" (net 20 days after
        // the discount period) or "2/10 Net 30 EOM".
        for terms in ["2/10 EOM", "2/10 Net 30 EOM"] {
            let s = schedule(terms, "2024-06-16")?;
            assert_eq!(s.discounts[0].until.to_string(), "2024-07-10", "{terms}");
            assert_eq!(s.due_date.to_string(), "2024-07-30", "{terms}");
        }
        // Mathematics of Pricing, example 8.3.10: invoice dated March 14, 2.5% for 10 days:
        // ordinary dating, pay by March 24; EOM dating, by April 10.
        let ordinary = schedule("2.5/10 n/30", "2007-03-14")?;
        assert_eq!(ordinary.discounts[0].until.to_string(), "2007-03-24");
        let eom = schedule("2.5/10 EOM", "2007-03-14")?;
        assert_eq!(eom.discounts[0].until.to_string(), "2007-04-10");
        // Centennial College, "Payment Terms and Cash Discounts": invoice dated January 26,
        // terms 2/10 E.O.M., paid February 10: the discount still applies.
        let terms: Terms = "2/10 E.O.M.".parse()?;
        let percent = terms.discount_on(
            parse_date("2024-01-26")?,
            parse_date("2024-02-10")?,
            None,
            Convention::Following,
        )?;
        assert_eq!(percent, Decimal::new(2, 0));
        Ok(())
    }

    #[test]
    fn installments_end_on_the_last() -> Result<()> {
        let s = schedule("50% in 30, 50% in 60", "2024-01-01")?;
        let dates: Vec<_> = s
            .installments
            .iter()
            .map(|i| i.due_date.to_string())
            .collect();
        // 1 Jan + 30 = 31 Jan; + 60 = 31 Jan + 29 (leap February) + 1 = 1 March.
        assert_eq!(dates, ["2024-01-31", "2024-03-01"]);
        assert_eq!(s.due_date.to_string(), "2024-03-01");
        Ok(())
    }

    #[test]
    fn dates_past_2199_are_out_of_range() {
        for (terms, issue) in [
            ("Net 30", "2199-12-15"),
            ("10th prox", "2199-12-01"),
            ("Net 30 EOM", "2199-12-01"),
            ("2/10 EOM", "2199-12-25"),
        ] {
            let e = due(terms, issue).unwrap_err();
            assert_eq!(e.code(), ErrorCode::OutOfRange, "{terms} {issue}");
        }
        assert_eq!(due("EOM", "2199-12-01").ok().as_deref(), Some("2199-12-31"));
    }

    #[test]
    fn discounts_round_to_the_minor_unit() -> Result<()> {
        let settle =
            |amount: &str, percent: &str, currency: &str, rounding| -> Result<(String, String)> {
                let currency = Some(currency.parse()?);
                let amount = Money::exact(crate::money::parse_amount(amount)?, currency)?;
                let s = apply_discount(amount, crate::money::parse_number(percent)?, rounding)?;
                Ok((s.amount.to_string(), s.discount.to_string()))
            };
        let pair = |a: &str, d: &str| (a.to_owned(), d.to_owned());
        let even = Rounding::HalfEven;
        // 2% of 1000.00 = 20.00.
        assert_eq!(
            settle("1000.00", "2", "EUR", even)?,
            pair("980.00", "20.00")
        );
        // 2% of 10.25 = 0.205: half-even 0.20, half-up 0.21.
        assert_eq!(settle("10.25", "2", "EUR", even)?, pair("10.05", "0.20"));
        assert_eq!(
            settle("10.25", "2", "EUR", Rounding::HalfUp)?,
            pair("10.04", "0.21")
        );
        // 1.5% of 999 yen = 14.985, 15 either way; 999 - 15 = 984.
        assert_eq!(settle("999", "1.5", "JPY", even)?, pair("984", "15"));
        // No discount keeps the amount, written with the currency's decimals.
        assert_eq!(settle("1000", "0", "USD", even)?, pair("1000.00", "0.00"));
        // 3 places (BHD): 2% of 1.000 = 0.020.
        assert_eq!(settle("1", "2", "BHD", even)?, pair("0.980", "0.020"));
        let negative = apply_discount(Money::from_minor(-1, None), Decimal::ONE, even);
        assert_eq!(
            negative.err().map(|e| e.code()),
            Some(ErrorCode::OutOfRange)
        );
        Ok(())
    }
}
