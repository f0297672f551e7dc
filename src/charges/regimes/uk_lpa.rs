//! UK: the Late Payment of Commercial Debts (Interest) Act 1998, with the Late Payment of
//! Commercial Debts (Rate of Interest) (No. 3) Order 2002 (in force 7 August 2002) and the
//! Late Payment of Commercial Debts Regulations 2002 (fixed sums, section 5A of the Act).
//! gov.uk, "Late commercial payments: charging interest and debt recovery".
//!
//! - The rate is 8 points over the Bank of England base rate in force on 31 December for
//!   debts that become overdue from 1 January to 30 June, and on 30 June for those that
//!   become overdue from 1 July to 31 December; it stays fixed for the life of the debt.
//! - Simple interest, daily interest = debt × rate / 365, in leap years too (ACT/365F).
//! - Fixed compensation per invoice by its amount: £40 under £1,000, £70 from £1,000 to
//!   £9,999.99, £100 from £10,000.

use super::Preset;
use crate::policy::Parties;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

pub(super) const PRESET: Preset = Preset {
    points: |_| Decimal::new(8, 2),
    reference_day,
    compensation,
};

/// 31 December before for debts overdue from January to June, else 30 June of that year.
fn reference_day(overdue_from: NaiveDate, _: NaiveDate) -> NaiveDate {
    let year = overdue_from.year();
    let (year, month, day) = match overdue_from.month() <= 6 {
        true => (year - 1, 12, 31),
        false => (year, 6, 30),
    };
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(overdue_from)
}

fn compensation(amount: Decimal, _: Parties) -> Option<(&'static str, Decimal)> {
    let pounds = match amount {
        a if a < Decimal::new(1_000, 0) => 40,
        a if a < Decimal::new(10_000, 0) => 70,
        _ => 100,
    };
    Some(("GBP", Decimal::new(pounds, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    #[test]
    fn the_base_rate_is_read_on_31_december_or_30_june() -> crate::Result<()> {
        let day = parse_date("2025-01-01")?;
        assert_eq!(
            reference_day(parse_date("2025-03-15")?, day),
            parse_date("2024-12-31")?
        );
        assert_eq!(
            reference_day(parse_date("2025-06-30")?, day),
            parse_date("2024-12-31")?
        );
        assert_eq!(
            reference_day(parse_date("2025-07-01")?, day),
            parse_date("2025-06-30")?
        );
        Ok(())
    }

    /// gov.uk: "£40 for a debt under £1,000; £70 for a debt of £1,000 to £9,999.99; £100 for
    /// a debt of £10,000 or more".
    #[test]
    fn the_fixed_sums_follow_the_debt() {
        let sum = |a: &str| {
            compensation(a.parse().unwrap_or_default(), Parties::B2b).map(|c| c.1.to_string())
        };
        assert_eq!(sum("999.99").as_deref(), Some("40"));
        assert_eq!(sum("1000").as_deref(), Some("70"));
        assert_eq!(sum("9999.99").as_deref(), Some("70"));
        assert_eq!(sum("10000").as_deref(), Some("100"));
    }
}
