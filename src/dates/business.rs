//! Business-day conventions and counting business days.

use crate::dates::Calendar;
use crate::error::Result;
use chrono::NaiveDate;

/// A business-day convention.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Convention {
    /// Leave the date as it is.
    #[default]
    Unadjusted,
    /// The next business day.
    Following,
    /// The next business day unless that is in the next month, then the previous one.
    ModifiedFollowing,
    /// The previous business day.
    Preceding,
    /// The previous business day unless that is in the previous month, then the next one.
    ModifiedPreceding,
}

/// Moves `date` to a business day of `calendar` by `convention`.
pub fn adjust(date: NaiveDate, convention: Convention, calendar: &Calendar) -> Result<NaiveDate> {
    todo!("{date}{convention:?}{calendar:?}")
}

/// QuantLib's `advance(date, days, Days)`.
pub fn add_business_days(date: NaiveDate, days: i64, calendar: &Calendar) -> Result<NaiveDate> {
    todo!("{date}{days}{calendar:?}")
}

/// QuantLib's `businessDaysBetween(start, end, includeFirst=true, includeLast=false)`.
pub fn business_days_between(start: NaiveDate, end: NaiveDate, calendar: &Calendar) -> Result<i64> {
    todo!("{start}{end}{calendar:?}")
}
