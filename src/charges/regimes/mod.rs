//! Statutory late-payment regimes as presets: which reference rate, how many points above
//! it, when the rate is read, and the fixed compensation per invoice. One file per law.

mod de_288;
mod eu_2011_7;
mod fr_l441_10;
mod uk_lpa;

use crate::policy::{Parties, Regime};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// What a regime sets.
pub(crate) struct Preset {
    /// Points above the reference rate, as a fraction (`0.08` is 8 points).
    pub points: fn(Parties) -> Decimal,
    /// The day whose reference rate applies to an invoice's day of interest, given the first
    /// day it was overdue.
    pub reference_day: fn(overdue_from: NaiveDate, day: NaiveDate) -> NaiveDate,
    /// The fixed compensation for an invoice of this amount: currency code and sum.
    pub compensation: fn(amount: Decimal, parties: Parties) -> Option<(&'static str, Decimal)>,
}

/// The preset of `regime`.
pub(crate) fn preset(regime: Regime) -> &'static Preset {
    match regime {
        Regime::UkLpa => &uk_lpa::PRESET,
        Regime::Eu2011 => &eu_2011_7::PRESET,
        Regime::De288 => &de_288::PRESET,
        Regime::FrL441 => &fr_l441_10::PRESET,
    }
}

/// The first day of `day`'s half-year: 1 January or 1 July.
pub(crate) fn half_year_start(day: NaiveDate) -> NaiveDate {
    let month = if day.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

/// €40 between businesses: the flat sum of Directive 2011/7/EU art. 6 and the laws that
/// transpose it.
fn forty_euros(_: Decimal, _: Parties) -> Option<(&'static str, Decimal)> {
    Some(("EUR", Decimal::new(40, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    #[test]
    fn half_years_start_on_the_first_of_january_and_july() -> crate::Result<()> {
        assert_eq!(
            half_year_start(parse_date("2024-06-30")?),
            parse_date("2024-01-01")?
        );
        assert_eq!(
            half_year_start(parse_date("2024-07-01")?),
            parse_date("2024-07-01")?
        );
        assert_eq!(
            half_year_start(parse_date("2024-12-31")?),
            parse_date("2024-07-01")?
        );
        Ok(())
    }
}
