//! Business-day calendars: built in (US, GB, TARGET, DE, none) and custom.

use crate::error::Result;
use chrono::NaiveDate;

/// A business-day calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {}

/// A named holiday.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Holiday {
    /// The day.
    #[serde(with = "crate::dates::serde_date")]
    pub date: NaiveDate,
    /// Its name, in English.
    pub name: String,
}

impl Calendar {
    /// A built-in calendar by name: "US", "GB", "TARGET", "DE", "none".
    pub fn builtin(name: &str) -> Result<Calendar> {
        todo!("{name}")
    }

    /// Whether `date` is a business day.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        todo!("{date}")
    }

    /// The holidays (weekdays that are not business days) from `from` to `to`, inclusive.
    pub fn holidays(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Holiday>> {
        todo!("{from}{to}")
    }
}
