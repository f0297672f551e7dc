//! Reading a calendar from JSON: a built-in name, or a custom calendar
//! `{ base?, weekend?, holidays?, workdays? }`.

use super::Calendar;
use crate::error::{coded_message, Error, ErrorCode};
use crate::limits::MAX_CALENDAR_DATES;
use chrono::{NaiveDate, Weekday};
use serde::de::{self, value::MapAccessDeserializer, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// A custom calendar as written in JSON.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CustomCalendar {
    #[serde(default)]
    base: Option<BaseName>,
    #[serde(default)]
    weekend: Option<Vec<WeekdayName>>,
    #[serde(default)]
    holidays: DateList,
    #[serde(default)]
    workdays: DateList,
}

/// A built-in calendar named as the base of a custom one.
struct BaseName(Calendar);

/// A weekday written `mon` .. `sun`.
struct WeekdayName(Weekday);

/// A list of dates, at most [`MAX_CALENDAR_DATES`] long.
#[derive(Default)]
struct DateList(Vec<NaiveDate>);

const WEEKDAY_NAMES: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

fn coded<E: de::Error>(e: Error) -> E {
    E::custom(coded_message(e.code(), e.message()))
}

impl<'de> Deserialize<'de> for Calendar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CalendarVisitor;
        impl<'de> Visitor<'de> for CalendarVisitor {
            type Value = Calendar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a calendar name such as \"US\" or a custom calendar object")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Calendar, E> {
                Calendar::builtin(name).map_err(coded)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Calendar, A::Error> {
                let custom = CustomCalendar::deserialize(MapAccessDeserializer::new(map))?;
                let base = match custom.base {
                    Some(BaseName(base)) => base,
                    None => Calendar::builtin("none").map_err(coded)?,
                };
                let base = match custom.weekend {
                    Some(days) => base.with_weekend(&days.iter().map(|d| d.0).collect::<Vec<_>>()),
                    None => base,
                };
                Ok(base
                    .with_holidays(&custom.holidays.0)
                    .with_workdays(&custom.workdays.0))
            }
        }
        d.deserialize_any(CalendarVisitor)
    }
}

impl<'de> Deserialize<'de> for BaseName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Calendar::builtin(&name).map(BaseName).map_err(coded)
    }
}

impl<'de> Deserialize<'de> for WeekdayName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        WEEKDAY_NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(&name))
            .map(|(_, day)| WeekdayName(*day))
            .ok_or_else(|| {
                let shown: String = name.chars().take(20).collect();
                coded(Error::new(
                    ErrorCode::UnknownCalendar,
                    format!(
                        "'{shown}' is not a weekday; write mon, tue, wed, thu, fri, sat or sun"
                    ),
                ))
            })
    }
}

impl<'de> Deserialize<'de> for DateList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Date(#[serde(with = "crate::dates::serde_date")] NaiveDate);

        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = DateList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of YYYY-MM-DD dates")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DateList, A::Error> {
                let mut dates = Vec::new();
                while let Some(Date(date)) = seq.next_element()? {
                    if dates.len() == MAX_CALENDAR_DATES {
                        return Err(coded(Error::new(
                            ErrorCode::LimitExceeded,
                            format!("a calendar lists at most {MAX_CALENDAR_DATES} dates here"),
                        )));
                    }
                    dates.push(date);
                }
                Ok(DateList(dates))
            }
        }
        d.deserialize_seq(ListVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Input {
        #[allow(dead_code)]
        calendar: Calendar,
    }

    fn error(json: &str) -> (String, String) {
        let e = crate::api::decode::<Input>(json).unwrap_err();
        (e.code().as_str().to_owned(), e.path().to_owned())
    }

    fn pair(code: &str, path: &str) -> (String, String) {
        (code.to_owned(), path.to_owned())
    }

    #[test]
    fn reads_names_and_custom_objects() -> crate::Result<()> {
        let named: Input = crate::api::decode(r#"{"calendar":"target"}"#)?;
        assert_eq!(named.calendar, Calendar::builtin("TARGET")?);
        let json = r#"{"calendar":{"base":"GB","weekend":["fri","sat"],
            "holidays":["2024-06-03"],"workdays":["2024-12-25"]}}"#;
        let custom: Input = crate::api::decode(json)?;
        let cal = custom.calendar;
        assert!(cal.is_business_day(parse_date("2024-06-02")?)); // Sunday, not a weekend here
        assert!(!cal.is_business_day(parse_date("2024-06-01")?)); // Saturday
        assert!(!cal.is_business_day(parse_date("2024-06-03")?)); // custom holiday
        assert!(cal.is_business_day(parse_date("2024-12-25")?)); // working Christmas
        assert!(!cal.is_business_day(parse_date("2024-12-26")?)); // GB Boxing Day
        let empty: Input = crate::api::decode(r#"{"calendar":{}}"#)?;
        assert_eq!(empty.calendar, Calendar::builtin("none")?);
        Ok(())
    }

    #[test]
    fn errors_point_into_the_calendar() {
        assert_eq!(
            error(r#"{"calendar":"XX"}"#),
            pair("unknown_calendar", "calendar")
        );
        assert_eq!(
            error(r#"{"calendar":{"base":"Mars"}}"#),
            pair("unknown_calendar", "calendar.base")
        );
        assert_eq!(
            error(r#"{"calendar":{"weekend":["sat","sunday"]}}"#),
            pair("unknown_calendar", "calendar.weekend[1]")
        );
        assert_eq!(
            error(r#"{"calendar":{"holidays":["2024-01-01","2024-01-02","2024-13-01"]}}"#),
            pair("invalid_date", "calendar.holidays[2]")
        );
        assert_eq!(
            error(r#"{"calendar":{"days":[]}}"#),
            pair("unknown_field", "calendar.days")
        );
        assert_eq!(error(r#"{"calendar":7}"#), pair("invalid_type", "calendar"));
        let many = vec![r#""2024-01-01""#; MAX_CALENDAR_DATES + 1].join(",");
        assert_eq!(
            error(&format!(r#"{{"calendar":{{"workdays":[{many}]}}}}"#)),
            pair("limit_exceeded", "calendar.workdays")
        );
    }
}
