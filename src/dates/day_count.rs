//! Day-count conventions (ISDA 2006 section 4.16), as QuantLib defines them.

use crate::error::Result;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A day-count convention. JS names in quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DayCount {
    /// "ACT/360"
    #[serde(rename = "ACT/360")]
    Act360,
    /// "ACT/365F"
    #[serde(rename = "ACT/365F")]
    Act365Fixed,
    /// "ACT/ACT-ISDA"
    #[serde(rename = "ACT/ACT-ISDA")]
    ActActIsda,
    /// "30/360": ISDA bond basis (QuantLib `Thirty360(BondBasis)`).
    #[serde(rename = "30/360")]
    Thirty360BondBasis,
    /// "30/360-US" (QuantLib `Thirty360(USA)`), with the February end-of-month rules.
    #[serde(rename = "30/360-US")]
    Thirty360Us,
    /// "30E/360": Eurobond basis (QuantLib `Thirty360(European)`).
    #[serde(rename = "30E/360")]
    Thirty360European,
    /// "30E/360-ISDA" (QuantLib `Thirty360(German)`), uses the maturity date.
    #[serde(rename = "30E/360-ISDA")]
    Thirty360EuropeanIsda,
}

/// The fraction of a year from `start` to `end` under `day_count`.
pub fn year_fraction(
    start: NaiveDate,
    end: NaiveDate,
    day_count: DayCount,
    maturity: Option<NaiveDate>,
) -> Result<Decimal> {
    todo!("{start}{end}{day_count:?}{maturity:?}")
}
