//! Germany: §288 BGB (Verzugszinsen, as amended from 29 July 2014) with §247 BGB
//! (Basiszinssatz, set by the Deutsche Bundesbank on 1 January and 1 July).
//!
//! - §288(2): 9 points over the base rate for payment claims where no consumer is a party;
//!   §288(1): 5 points where a consumer is one.
//! - §288(5): a €40 lump sum between businesses; none with a consumer.
//! - No day count is named: ACT/365F unless the policy gives one.

use super::{forty_euros, half_year_start, Preset};
use crate::policy::Parties;
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub(super) const PRESET: Preset = Preset {
    points: |parties| match parties {
        Parties::B2b => Decimal::new(9, 2),
        Parties::B2c => Decimal::new(5, 2),
    },
    reference_day,
    compensation: |amount, parties| match parties {
        Parties::B2b => forty_euros(amount, parties),
        Parties::B2c => None,
    },
};

fn reference_day(_: NaiveDate, day: NaiveDate) -> NaiveDate {
    half_year_start(day)
}
