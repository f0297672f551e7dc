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

/// Serde for a type with a `name()` and a `FromStr` whose error is an arrears [`Error`]:
/// written as its name, read back with the error's code (`unknown_day_count`, ...).
///
/// [`Error`]: crate::Error
macro_rules! named_serde {
    ($type:ty) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                text.parse().map_err(|e: crate::Error| {
                    serde::de::Error::custom(crate::error::coded_message(e.code(), e.message()))
                })
            }
        }
    };
}
pub(crate) use named_serde;
