//! Interest: the rate of each day of an invoice, and what a period accrues.
//!
//! A period is a run of days with one base and one rate; its interest is computed once for
//! the whole run and rounded once to the minor unit (never per day, never a rounded rate).
//! gov.uk's statutory-interest example rounds the daily figure first (£1,000 at 8.5%: 23p a
//! day, £11.50 for 50 days); computing the 50 days at once gives £11.64, which is what is
//! charged here.

use super::reference_rates::{rate_on, table};
use super::regimes::{half_year_start, preset};
use crate::dates::{year_fraction, DayCount};
use crate::error::{Error, ErrorCode, Result};
use crate::money::{power, Checked, Rounding};
use crate::policy::{Compounding, InterestMethod, InterestPolicy, Parties, ReferenceRate};
use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// How one invoice accrues interest: its first day, and its rates from day to day.
pub(crate) struct Accrual {
    /// The first day of interest: the day after the due date and the grace.
    pub start: NaiveDate,
    /// `(first day, annual rate, capped)`, rising by day, the first on `start`.
    pub steps: Vec<(NaiveDate, Decimal, bool)>,
    pub day_count: DayCount,
    pub compounding: Option<Compounding>,
    pub rounding: Rounding,
    /// Notes for the invoice's `warnings`: a reference rate read past its table.
    pub warnings: Vec<String>,
}

impl Accrual {
    /// The accrual of an invoice due on `due` under `policy`, for days up to `end`.
    pub(crate) fn new(
        policy: &InterestPolicy,
        parties: Parties,
        due: NaiveDate,
        end: NaiveDate,
    ) -> Result<Accrual> {
        let start = add_days(due, u64::from(policy.grace_days) + 1)?;
        let mut warnings = Vec::new();
        let mut steps = match (&policy.regime, policy.annual_rate, &policy.rates) {
            (Some(regime), _, _) => {
                let preset = preset(*regime);
                let builtin = table(*regime);
                let (rates, as_of) = match &policy.reference_rates {
                    Some(own) => (own.clone(), NaiveDate::MAX),
                    None => (builtin.rates, builtin.as_of),
                };
                let points = (preset.points)(parties);
                let mut steps = Vec::new();
                let mut day = start;
                while day <= end.max(start) {
                    let reference = (preset.reference_day)(start, day);
                    let rate = reference_rate(&rates, reference, as_of, &mut warnings)?;
                    steps.push((day, rate.add_checked(points).ok_or_else(too_large)?, false));
                    // The next half-year, where the reference day moves (the UK's stays).
                    let next = add_months(half_year_start(day), 6)?;
                    if (preset.reference_day)(start, next) == reference {
                        break;
                    }
                    day = next;
                }
                steps
            }
            (None, Some(rate), _) => vec![(start, rate, false)],
            (None, None, Some(rates)) => {
                let before = rates.partition_point(|r| r.from <= start);
                let first = before.checked_sub(1).and_then(|i| rates.get(i));
                let mut steps =
                    vec![(start, first.map_or(Decimal::ZERO, |r| r.annual_rate), false)];
                let later = rates.iter().skip(before).take_while(|r| r.from <= end);
                steps.extend(later.map(|r| (r.from, r.annual_rate, false)));
                steps
            }
            (None, None, None) => vec![(start, Decimal::ZERO, false)],
        };
        if let Some(cap) = policy.max_annual_rate {
            for step in &mut steps {
                if step.1 > cap {
                    *step = (step.0, cap, true);
                }
            }
        }
        Ok(Accrual {
            start,
            steps,
            day_count: policy.day_count.unwrap_or(DayCount::Act365Fixed),
            compounding: match policy.method {
                InterestMethod::Simple => None,
                InterestMethod::Compound => policy.compounding,
            },
            rounding: policy.rounding,
            warnings,
        })
    }

    /// The rate on `day`, and whether a cap lowered it.
    pub(crate) fn rate_on(&self, day: NaiveDate) -> (Decimal, bool) {
        let after = self.steps.partition_point(|s| s.0 <= day);
        let step = after.checked_sub(1).and_then(|i| self.steps.get(i));
        step.map_or((Decimal::ZERO, false), |s| (s.1, s.2))
    }

    /// The first day after `day` on which the rate changes.
    pub(crate) fn next_change(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.steps.iter().map(|s| s.0).find(|from| *from > day)
    }

    /// The first monthly anniversary of the start after `day`, for monthly compounding.
    pub(crate) fn next_anniversary(&self, day: NaiveDate) -> Option<NaiveDate> {
        if self.compounding != Some(Compounding::Monthly) || day < self.start {
            return None;
        }
        let months =
            (day.year() - self.start.year()) * 12 + day.month() as i32 - self.start.month() as i32;
        (months.max(0)..months.max(0) + 3)
            .filter_map(|m| self.start.checked_add_months(Months::new(m.unsigned_abs())))
            .find(|anniversary| *anniversary > day)
    }

    /// Whether `day` is a monthly anniversary of the start (not the start itself).
    pub(crate) fn is_anniversary(&self, day: NaiveDate) -> bool {
        day > self.start && self.next_anniversary(day.pred_opt().unwrap_or(day)) == Some(day)
    }

    /// The interest a `base` of minor units accrues from `from` to `to` (both included) at
    /// `rate`, in minor units, not rounded: simple, or compound daily within the period.
    pub(crate) fn accrue(
        &self,
        base: i128,
        rate: Decimal,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Decimal> {
        let base = Decimal::try_from_i128_with_scale(base, 0).map_err(|_| too_large())?;
        let days = (to - from).num_days() + 1;
        if days <= 0 {
            return Ok(Decimal::ZERO);
        }
        let year = match self.day_count {
            DayCount::Act365Fixed | DayCount::ActActIsda => 365,
            _ => 360,
        };
        let amount = match (self.compounding, self.day_count) {
            (Some(Compounding::Daily), _) => {
                let daily = rate
                    .div_checked(Decimal::from(year))
                    .and_then(|r| r.add_checked(Decimal::ONE))
                    .ok_or_else(too_large)?;
                let factor = power(daily, days.unsigned_abs()).ok_or_else(too_large)?;
                factor
                    .sub_checked(Decimal::ONE)
                    .and_then(|growth| base.mul_checked(growth))
            }
            // An exact product of whole numbers, divided once.
            (_, DayCount::Act365Fixed | DayCount::Act360) => base
                .mul_checked(rate)
                .and_then(|x| x.mul_checked(Decimal::from(days)))
                .and_then(|x| x.div_checked(Decimal::from(year))),
            (_, day_count) => {
                let before = from.pred_opt().unwrap_or(from);
                let fraction = year_fraction(before, to, day_count, None)?;
                base.mul_checked(rate).and_then(|x| x.mul_checked(fraction))
            }
        };
        amount.ok_or_else(too_large)
    }

    /// An accrued amount rounded to whole minor units.
    pub(crate) fn round(&self, amount: Decimal) -> Result<i128> {
        let strategy = match self.rounding {
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        };
        let rounded = amount.round_dp_with_strategy(0, strategy);
        i128::try_from(rounded).map_err(|_| too_large())
    }
}

/// A reference rate, with a warning when `day` is past the table's `as_of`.
fn reference_rate(
    rates: &[ReferenceRate],
    day: NaiveDate,
    as_of: NaiveDate,
    warnings: &mut Vec<String>,
) -> Result<Decimal> {
    if day > as_of && warnings.is_empty() {
        warnings.push(format!(
            "the reference rate table is complete to {as_of}: the last published rate is used \
             from {day} on"
        ));
    }
    rate_on(rates, day).ok_or_else(|| {
        let message = format!("no reference rate is known on {day}");
        Error::new(ErrorCode::OutOfRange, message).at("policy.interest.referenceRates")
    })
}

pub(crate) fn add_days(day: NaiveDate, days: u64) -> Result<NaiveDate> {
    day.checked_add_days(Days::new(days))
        .and_then(|d| crate::dates::check_range(d).ok())
        .ok_or_else(|| {
            Error::new(
                ErrorCode::OutOfRange,
                format!("{days} days after {day} is past 2199"),
            )
        })
}

fn add_months(day: NaiveDate, months: u32) -> Result<NaiveDate> {
    day.checked_add_months(Months::new(months)).ok_or_else(|| {
        Error::new(
            ErrorCode::OutOfRange,
            format!("{months} months after {day}"),
        )
    })
}

pub(crate) fn too_large() -> Error {
    Error::new(
        ErrorCode::LimitExceeded,
        "an interest amount has more than 28 digits",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn accrual(json: &str, due: &str, end: &str) -> Result<Accrual> {
        let policy: InterestPolicy = crate::json::from_str(json)?;
        Accrual::new(&policy, Parties::B2b, parse_date(due)?, parse_date(end)?)
    }

    /// gov.uk, "Late commercial payments": £1,000 at 8.5% (base rate 0.5% + 8%) for 50 days.
    /// The page rounds the daily interest to 23p (1,000 × 0.085 / 365 = 0.2329) and shows
    /// £11.50; computed for the 50 days at once, 1,000 × 0.085 × 50 / 365 = 11.6438, £11.64.
    #[test]
    fn gov_uk_example_computed_once_for_the_period() -> Result<()> {
        let a = accrual(r#"{"annualRate": "0.085"}"#, "2024-01-01", "2024-03-31")?;
        let from = parse_date("2024-01-02")?;
        let to = parse_date("2024-02-20")?; // 50 days
        let amount = a.accrue(100_000, "0.085".parse().unwrap_or_default(), from, to)?;
        assert_eq!(a.round(amount)?, 1164);
        let one_day = a.accrue(100_000, "0.085".parse().unwrap_or_default(), from, from)?;
        assert_eq!(a.round(one_day)?, 23);
        Ok(())
    }

    /// Daily compounding at 10% for 365 days: (1 + 0.1/365)^365 − 1 = 0.1051557816...
    /// (Python: `(1 + 0.1/365)**365 - 1`), so 10,000.00 earns 1,051.56.
    #[test]
    fn daily_compounding_is_the_power_of_the_daily_rate() -> Result<()> {
        let a = accrual(
            r#"{"annualRate": "0.1", "method": "compound", "compounding": "daily"}"#,
            "2023-01-01",
            "2024-01-01",
        )?;
        let amount = a.accrue(
            1_000_000,
            "0.1".parse().unwrap_or_default(),
            parse_date("2023-01-02")?,
            parse_date("2024-01-01")?,
        )?;
        assert_eq!(a.round(amount)?, 105_156);
        Ok(())
    }

    /// The UK rate is read once, for the half-year the debt became overdue in; the EU rate
    /// changes each half-year: 1 January 2024 ECB 4.50% + 8 = 12.50%, 1 July 2024 4.25% + 8 =
    /// 12.25%, 1 January 2025 3.15% + 8 = 11.15%.
    #[test]
    fn regimes_read_their_reference_rates() -> Result<()> {
        let uk = accrual(r#"{"regime": "UK-LPA"}"#, "2024-03-01", "2025-12-31")?;
        // Overdue from 2024-03-02: Bank Rate on 31 December 2023 was 5.25%.
        assert_eq!(
            uk.steps.iter().map(|s| s.1.to_string()).collect::<Vec<_>>(),
            ["0.1325"]
        );
        let eu = accrual(r#"{"regime": "EU-2011-7"}"#, "2024-03-01", "2025-02-01")?;
        let rates: Vec<String> = eu
            .steps
            .iter()
            .map(|s| format!("{} {}", s.0, s.1.normalize()))
            .collect();
        assert_eq!(
            rates,
            ["2024-03-02 0.125", "2024-07-01 0.1225", "2025-01-01 0.1115"]
        );
        Ok(())
    }

    #[test]
    fn a_cap_lowers_the_rate_and_says_so() -> Result<()> {
        let a = accrual(
            r#"{"annualRate": "0.3", "maxAnnualRate": "0.2"}"#,
            "2024-01-01",
            "2024-02-01",
        )?;
        assert_eq!(
            a.rate_on(parse_date("2024-01-10")?),
            ("0.2".parse().unwrap_or_default(), true)
        );
        Ok(())
    }

    #[test]
    fn monthly_anniversaries_keep_the_day_and_clamp() -> Result<()> {
        let a = accrual(
            r#"{"annualRate": "0.1", "method": "compound", "compounding": "monthly"}"#,
            "2024-01-30",
            "2024-12-31",
        )?;
        // Interest starts 2024-01-31: anniversaries 2024-02-29, 2024-03-31.
        assert_eq!(
            a.next_anniversary(parse_date("2024-01-31")?),
            Some(parse_date("2024-02-29")?)
        );
        assert_eq!(
            a.next_anniversary(parse_date("2024-02-29")?),
            Some(parse_date("2024-03-31")?)
        );
        assert!(a.is_anniversary(parse_date("2024-03-31")?));
        assert!(!a.is_anniversary(parse_date("2024-03-30")?));
        Ok(())
    }
}
