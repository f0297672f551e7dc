//! EU: Directive 2011/7/EU on combating late payment in commercial transactions (to be
//! transposed by 16 March 2013), art. 2(6)-(7) and art. 6.
//!
//! - The reference rate is the rate the ECB applied to its most recent main refinancing
//!   operation, in force on the first calendar day of the half-year concerned (1 January for
//!   January to June, 1 July for July to December); statutory interest is it plus at least
//!   8 points, so it changes with each half-year.
//! - €40 fixed compensation for the costs of recovery (art. 6(1)).
//! - The directive names no day count: ACT/365F unless the policy gives one.

use super::{forty_euros, half_year_start, Preset};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub(super) const PRESET: Preset = Preset {
    points: |_| Decimal::new(8, 2),
    reference_day,
    compensation: forty_euros,
};

fn reference_day(_: NaiveDate, day: NaiveDate) -> NaiveDate {
    half_year_start(day)
}
