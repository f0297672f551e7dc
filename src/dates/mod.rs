//! Dates: ISO parsing, day counts, business-day calendars and conventions.

mod iso;

#[allow(unused_imports)] // used by the entry points' request types
pub(crate) use iso::serde_date;
pub use iso::{check_range, parse_date};
