//! Reading a calendar from JSON: a built-in name, or a custom calendar
//! `{ base?, weekend?, holidays?, workdays? }`.

use super::{Calendar, BUILTIN_NAMES};
use crate::error::{quoted, Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Kind, Reader, Schemas, Value, Writer};
use crate::limits::MAX_CALENDAR_DATES;
use chrono::{NaiveDate, Weekday};

/// A custom calendar: a built-in base with another weekend, and holidays and working days
/// of its own.
#[derive(Decode, Describe)]
struct CustomCalendar {
    /// The built-in calendar it starts from (default `none`: no holidays).
    base: Option<BaseName>,
    /// The weekend days (default: the base's, Saturday and Sunday); `[]` for none.
    weekend: Option<Vec<WeekdayName>>,
    /// Further holidays.
    #[json(default)]
    holidays: DateList,
    /// Days that are business days even when the base or the weekend says otherwise.
    #[json(default)]
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

const EXPECTED: &str = "a calendar name such as \"US\" or a custom calendar object";

impl crate::json::Blank for Calendar {
    fn blank() -> Calendar {
        Calendar {
            base: None,
            weekend: 0,
            holidays: Vec::new(),
            workdays: Vec::new(),
        }
    }
}

impl Decode<'_> for Calendar {
    fn decode(reader: &mut Reader<'_>) -> Result<Calendar> {
        if reader.kind()? != Kind::Object {
            return Calendar::builtin(&reader.string(EXPECTED)?);
        }
        let custom = CustomCalendar::decode(reader)?;
        let base = match custom.base {
            Some(BaseName(base)) => base,
            None => Calendar::builtin("none")?,
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

/// A calendar is written as it can be read back: its built-in name when it is one as it
/// stands, else the custom object.
impl Encode for Calendar {
    fn encode(&self, writer: &mut Writer) {
        let name = BUILTIN_NAMES
            .iter()
            .find(|(_, base)| *base == self.base)
            .map(|(name, _)| *name);
        let plain = Calendar::builtin(name.unwrap_or("none")).ok();
        match (name, plain) {
            (Some(name), Some(plain)) if plain == *self => writer.string(name),
            _ => {
                writer.begin_object();
                writer.field("base", &name);
                let weekend: Vec<&str> = WEEKDAY_NAMES
                    .iter()
                    .filter(|(_, day)| self.weekend & super::weekday_bit(*day) != 0)
                    .map(|(name, _)| *name)
                    .collect();
                writer.field("weekend", &weekend);
                writer.field("holidays", &self.holidays);
                writer.field("workdays", &self.workdays);
                writer.end_object();
            }
        }
    }
}

impl Describe for Calendar {
    fn describe(schemas: &mut Schemas) -> Value {
        let name = BaseName::describe(schemas);
        let custom = CustomCalendar::describe(schemas);
        schemas.define("Calendar", |_| {
            Value::object([
                ("anyOf", Value::Array(vec![name, custom])),
                (
                    "description",
                    "A business-day calendar: a built-in name, or a custom calendar.".into(),
                ),
            ])
        })
    }
}

impl Decode<'_> for BaseName {
    fn decode(reader: &mut Reader<'_>) -> Result<BaseName> {
        let name = reader.string("a calendar name such as \"US\"")?;
        Calendar::builtin(&name).map(BaseName)
    }
}

impl Describe for BaseName {
    fn describe(schemas: &mut Schemas) -> Value {
        schemas.define("CalendarName", |_| {
            let names: Vec<&str> = BUILTIN_NAMES.iter().map(|(name, _)| *name).collect();
            // Any case, as the engine reads it: `[Uu][Ss]`.
            let any_case = |name: &str| -> String {
                name.chars()
                    .map(|c| format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase()))
                    .collect()
            };
            let pattern: Vec<String> = names.iter().map(|n| any_case(n)).collect();
            let literals: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
            Value::object([
                ("type", "string".into()),
                (
                    "pattern",
                    format!("^({})$", pattern.join("|")).as_str().into(),
                ),
                (
                    "tsType",
                    format!("{} | (string & {{}})", literals.join(" | "))
                        .as_str()
                        .into(),
                ),
                (
                    "description",
                    "A built-in calendar, in any case: `US` (Federal Reserve), `GB` (England \
                     and Wales), `TARGET` (the euro area's TARGET2), `DE` (Germany, nationwide \
                     holidays), `none` (weekends only)."
                        .into(),
                ),
            ])
        })
    }
}

impl Decode<'_> for WeekdayName {
    fn decode(reader: &mut Reader<'_>) -> Result<WeekdayName> {
        let name = reader.string("a weekday such as \"sat\"")?;
        WEEKDAY_NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(&name))
            .map(|(_, day)| WeekdayName(*day))
            .ok_or_else(|| {
                let message = format!(
                    "{} is not a weekday; write mon, tue, wed, thu, fri, sat or sun",
                    quoted(&name)
                );
                Error::new(ErrorCode::UnknownCalendar, message)
            })
    }
}

impl Describe for WeekdayName {
    fn describe(schemas: &mut Schemas) -> Value {
        let names = WEEKDAY_NAMES.map(|(name, _)| (name, ""));
        schemas.names("Weekday", "A day of the week, in any case.", &names)
    }
}

impl Decode<'_> for DateList {
    fn decode(reader: &mut Reader<'_>) -> Result<DateList> {
        let mut dates = Vec::new();
        reader.array("an array of dates", &mut |reader, _| {
            if dates.len() == MAX_CALENDAR_DATES {
                return Err(Error::new(
                    ErrorCode::LimitExceeded,
                    format!("a calendar lists at most {MAX_CALENDAR_DATES} dates here"),
                ));
            }
            dates.push(NaiveDate::decode(reader)?);
            Ok(())
        })?;
        Ok(DateList(dates))
    }
}

impl Describe for DateList {
    fn describe(schemas: &mut Schemas) -> Value {
        let mut list = Vec::<NaiveDate>::describe(schemas);
        list.set("maxItems", Value::number(MAX_CALENDAR_DATES));
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    #[derive(Decode)]
    struct Input {
        calendar: Calendar,
    }

    fn error(json: &str) -> (String, String) {
        match crate::json::from_str::<Input>(json) {
            Ok(_) => ("no error".into(), String::new()),
            Err(e) => (e.code().as_str().to_owned(), e.path()),
        }
    }

    fn pair(code: &str, path: &str) -> (String, String) {
        (code.to_owned(), path.to_owned())
    }

    #[test]
    fn reads_names_and_custom_objects() -> crate::Result<()> {
        let named: Input = crate::json::from_str(r#"{"calendar":"target"}"#)?;
        assert_eq!(named.calendar, Calendar::builtin("TARGET")?);
        let json = r#"{"calendar":{"base":"GB","weekend":["fri","sat"],
            "holidays":["2024-06-03"],"workdays":["2024-12-25"]}}"#;
        let custom: Input = crate::json::from_str(json)?;
        let cal = custom.calendar;
        assert!(cal.is_business_day(parse_date("2024-06-02")?)); // Sunday, not a weekend here
        assert!(!cal.is_business_day(parse_date("2024-06-01")?)); // Saturday
        assert!(!cal.is_business_day(parse_date("2024-06-03")?)); // custom holiday
        assert!(cal.is_business_day(parse_date("2024-12-25")?)); // working Christmas
        assert!(!cal.is_business_day(parse_date("2024-12-26")?)); // GB Boxing Day
        let empty: Input = crate::json::from_str(r#"{"calendar":{}}"#)?;
        assert_eq!(empty.calendar, Calendar::builtin("none")?);
        Ok(())
    }

    #[test]
    fn calendars_are_written_as_they_are_read() -> crate::Result<()> {
        for json in [
            r#""US""#,
            r#""none""#,
            r#"{"base":"GB","weekend":["fri","sat"],"holidays":["2024-06-03"],"workdays":["2024-12-25"]}"#,
            r#"{"weekend":[],"holidays":[],"workdays":[]}"#,
        ] {
            let calendar: Calendar = crate::json::from_str_any(json)?;
            let written = crate::json::to_string(&calendar)?;
            assert_eq!(
                crate::json::from_str_any::<Calendar>(&written)?,
                calendar,
                "{json}"
            );
        }
        assert_eq!(
            crate::json::to_string(&Calendar::builtin("target")?)?,
            r#""TARGET""#
        );
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
            pair("limit_exceeded", "calendar.workdays[10000]")
        );
    }
}
