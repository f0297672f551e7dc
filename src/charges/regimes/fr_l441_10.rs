//! France: Code de commerce, article L441-10 II (as amended by ordonnance n° 2019-359 of
//! 24 April 2019) and article D441-5.
//!
//! - Late-payment penalties at the rate the ECB applied to its most recent refinancing
//!   operation, plus 10 points, unless the contract sets another (not below three times the
//!   legal rate); the rate in force on 1 January applies to the first half-year, on 1 July
//!   to the second.
//! - A fixed recovery indemnity of €40 (D441-5).
//! - No day count is named: ACT/365F unless the policy gives one.

use super::{forty_euros, half_year_start, Preset};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub(super) const PRESET: Preset = Preset {
    points: |_| Decimal::new(10, 2),
    reference_day,
    compensation: forty_euros,
};

fn reference_day(_: NaiveDate, day: NaiveDate) -> NaiveDate {
    half_year_start(day)
}
