//! Dates: ISO parsing, day counts, business-day calendars and conventions.

pub mod business;
pub mod calendar;
pub mod day_count;
mod iso;

pub use business::{add_business_days, adjust, business_days_between, Convention};
pub use calendar::{Calendar, Holiday};
pub use day_count::{year_fraction, DayCount};
#[allow(unused_imports)] // used by the entry points' request types
pub(crate) use iso::serde_date;
pub use iso::{check_range, parse_date};
