//! Dates: ISO parsing, day counts, business-day calendars and conventions.

pub mod business;
pub mod calendar;
pub mod day_count;
mod iso;
pub mod requests;

pub use business::{add_business_days, adjust, business_days_between, moved_by, Convention};
pub use calendar::{Calendar, Holiday};
pub use day_count::{year_fraction, DayCount};
pub use iso::{check_range, parse_date};

/// JSON for a type with `ALL`, a `name()` and a `FromStr` whose error is an arrears
/// [`Error`]: written as its name, read back with the error's code (`unknown_day_count`, ...),
/// described as one of its names.
///
/// [`Error`]: crate::Error
macro_rules! named_json {
    ($type:ty, $example:literal, $description:literal) => {
        impl crate::json::Blank for $type {
            fn blank() -> Self {
                Self::ALL[0]
            }
        }

        impl crate::json::Decode<'_> for $type {
            fn decode(reader: &mut crate::json::Reader<'_>) -> crate::Result<Self> {
                reader
                    .string(concat!("a string such as \"", $example, "\""))?
                    .parse()
            }
        }

        impl crate::json::Encode for $type {
            fn encode(&self, writer: &mut crate::json::Writer) {
                writer.string(self.name());
            }
        }

        impl crate::json::Describe for $type {
            fn describe(schemas: &mut crate::json::Schemas) -> crate::json::Value {
                let names = Self::ALL.map(|value| (value.name(), ""));
                schemas.names(stringify!($type), $description, &names)
            }
        }
    };
}
pub(crate) use named_json;
