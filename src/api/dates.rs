//! JSON entry points for day counts and business-day calendars.

use crate::error::Result;

/// `yearFraction({ start, end, dayCount, maturity? })` → `{ fraction }`.
pub fn year_fraction(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `isBusinessDay({ date, calendar })` → `{ businessDay }`.
pub fn is_business_day(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `adjustDate({ date, convention, calendar })` → `{ date }`.
pub fn adjust_date(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `addBusinessDays({ date, days, calendar })` → `{ date }`.
pub fn add_business_days(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `businessDaysBetween({ start, end, calendar })` → `{ days }`.
pub fn business_days_between(json: &str) -> Result<String> {
    todo!("{json}")
}

/// `holidays({ calendar, from, to })` → `{ holidays: [{ date, name }] }`.
pub fn holidays(json: &str) -> Result<String> {
    todo!("{json}")
}
