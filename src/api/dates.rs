//! JSON entry points for day counts and business-day calendars.

use crate::api::run;
use crate::dates::{self, Calendar, Convention, DayCount, Holiday};
use crate::error::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct YearFractionInput {
    #[serde(with = "crate::dates::serde_date")]
    start: NaiveDate,
    #[serde(with = "crate::dates::serde_date")]
    end: NaiveDate,
    day_count: DayCount,
    #[serde(default, with = "crate::dates::serde_date::option")]
    maturity: Option<NaiveDate>,
}

#[derive(Serialize)]
struct YearFractionOutput {
    fraction: String,
}

/// `yearFraction({ start, end, dayCount, maturity? })` → `{ fraction }`, a decimal string.
///
/// # Errors
/// `unknown_day_count` at `dayCount`, `invalid_date` or `out_of_range` at a date, and the
/// decoding errors of [`crate::api::decode`].
///
/// ```
/// let out = arrears::api::year_fraction(r#"{"start":"2024-01-01","end":"2024-04-01","dayCount":"ACT/360"}"#)?;
/// assert_eq!(out, r#"{"fraction":"0.2527777777777777777777777778"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn year_fraction(json: &str) -> Result<String> {
    run(json, |input: YearFractionInput| {
        let fraction =
            dates::year_fraction(input.start, input.end, input.day_count, input.maturity)?;
        Ok(YearFractionOutput {
            fraction: fraction.normalize().to_string(),
        })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct IsBusinessDayInput {
    #[serde(with = "crate::dates::serde_date")]
    date: NaiveDate,
    calendar: Calendar,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct IsBusinessDayOutput {
    business_day: bool,
}

/// `isBusinessDay({ date, calendar })` → `{ businessDay }`.
///
/// # Errors
/// `unknown_calendar` at `calendar` (or inside a custom calendar), `invalid_date` at `date`.
///
/// ```
/// let out = arrears::api::is_business_day(r#"{"date":"2024-12-26","calendar":"GB"}"#)?;
/// assert_eq!(out, r#"{"businessDay":false}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn is_business_day(json: &str) -> Result<String> {
    run(json, |input: IsBusinessDayInput| {
        Ok(IsBusinessDayOutput {
            business_day: input.calendar.is_business_day(input.date),
        })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AdjustDateInput {
    #[serde(with = "crate::dates::serde_date")]
    date: NaiveDate,
    convention: Convention,
    calendar: Calendar,
}

#[derive(Serialize)]
struct DateOutput {
    #[serde(with = "crate::dates::serde_date")]
    date: NaiveDate,
}

/// `adjustDate({ date, convention, calendar })` → `{ date }`.
///
/// # Errors
/// `unknown_convention` at `convention`, `unknown_calendar` at `calendar`, `out_of_range`
/// at `date` when the business day is past 2199-12-31 or before 1900-01-01.
///
/// ```
/// let out = arrears::api::adjust_date(r#"{"date":"2024-03-29","convention":"following","calendar":"TARGET"}"#)?;
/// assert_eq!(out, r#"{"date":"2024-04-02"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn adjust_date(json: &str) -> Result<String> {
    run(json, |input: AdjustDateInput| {
        let date = dates::adjust(input.date, input.convention, &input.calendar)
            .map_err(|e| e.at("date"))?;
        Ok(DateOutput { date })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AddBusinessDaysInput {
    #[serde(with = "crate::dates::serde_date")]
    date: NaiveDate,
    days: i64,
    calendar: Calendar,
}

/// `addBusinessDays({ date, days, calendar })` → `{ date }`; `days` may be negative.
///
/// # Errors
/// `limit_exceeded` at `days` beyond ±100,000, `out_of_range` at `days` when the result
/// leaves 1900-01-01..=2199-12-31, `unknown_calendar` at `calendar`.
///
/// ```
/// let out = arrears::api::add_business_days(r#"{"date":"2024-07-03","days":1,"calendar":"US"}"#)?;
/// assert_eq!(out, r#"{"date":"2024-07-05"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_business_days(json: &str) -> Result<String> {
    run(json, |input: AddBusinessDaysInput| {
        let date = dates::add_business_days(input.date, input.days, &input.calendar)
            .map_err(|e| e.at("days"))?;
        Ok(DateOutput { date })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BusinessDaysBetweenInput {
    #[serde(with = "crate::dates::serde_date")]
    start: NaiveDate,
    #[serde(with = "crate::dates::serde_date")]
    end: NaiveDate,
    calendar: Calendar,
}

#[derive(Serialize)]
struct BusinessDaysBetweenOutput {
    days: i64,
}

/// `businessDaysBetween({ start, end, calendar })` → `{ days }`: counting `start`, not
/// `end`; negative when `end` is before `start`.
///
/// # Errors
/// `unknown_calendar` at `calendar`, `invalid_date` at `start` or `end`.
///
/// ```
/// let out = arrears::api::business_days_between(r#"{"start":"2024-12-23","end":"2024-12-30","calendar":"DE"}"#)?;
/// assert_eq!(out, r#"{"days":2}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn business_days_between(json: &str) -> Result<String> {
    run(json, |input: BusinessDaysBetweenInput| {
        let days = dates::business_days_between(input.start, input.end, &input.calendar)?;
        Ok(BusinessDaysBetweenOutput { days })
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct HolidaysInput {
    calendar: Calendar,
    #[serde(with = "crate::dates::serde_date")]
    from: NaiveDate,
    #[serde(with = "crate::dates::serde_date")]
    to: NaiveDate,
}

#[derive(Serialize)]
struct HolidaysOutput {
    holidays: Vec<Holiday>,
}

/// `holidays({ calendar, from, to })` → `{ holidays: [{ date, name }] }`: the holidays on
/// weekdays from `from` to `to` inclusive, in date order.
///
/// # Errors
/// `out_of_range` at `to` when it is before `from`, `unknown_calendar` at `calendar`.
///
/// ```
/// let out = arrears::api::holidays(r#"{"calendar":"US","from":"2024-07-01","to":"2024-07-31"}"#)?;
/// assert_eq!(out, r#"{"holidays":[{"date":"2024-07-04","name":"Independence Day"}]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn holidays(json: &str) -> Result<String> {
    run(json, |input: HolidaysInput| {
        let holidays = input
            .calendar
            .holidays(input.from, input.to)
            .map_err(|e| e.at("to"))?;
        Ok(HolidaysOutput { holidays })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(entry: fn(&str) -> Result<String>, json: &str) -> (String, String) {
        let e = entry(json).unwrap_err();
        (e.code().as_str().to_owned(), e.path().to_owned())
    }

    fn pair(code: &str, path: &str) -> (String, String) {
        (code.to_owned(), path.to_owned())
    }

    #[test]
    fn errors_have_codes_and_paths() {
        assert_eq!(
            error(
                year_fraction,
                r#"{"start":"2024-01-01","end":"2024-02-01","dayCount":"ACT/365"}"#
            ),
            pair("unknown_day_count", "dayCount")
        );
        assert_eq!(
            error(
                adjust_date,
                r#"{"date":"2024-01-01","convention":"nearest","calendar":"US"}"#
            ),
            pair("unknown_convention", "convention")
        );
        assert_eq!(
            error(
                add_business_days,
                r#"{"date":"2024-01-01","days":100001,"calendar":"US"}"#
            ),
            pair("limit_exceeded", "days")
        );
        assert_eq!(
            error(
                add_business_days,
                r#"{"date":"2199-12-30","days":5,"calendar":"US"}"#
            ),
            pair("out_of_range", "days")
        );
        assert_eq!(
            error(
                adjust_date,
                r#"{"date":"2199-12-31","convention":"following","calendar":{"weekend":["tue"]}}"#
            ),
            pair("out_of_range", "date")
        );
        assert_eq!(
            error(
                holidays,
                r#"{"calendar":"US","from":"2024-02-01","to":"2024-01-01"}"#
            ),
            pair("out_of_range", "to")
        );
        assert_eq!(
            error(
                is_business_day,
                r#"{"date":"2024-01-01","calendar":{"base":"FR"}}"#
            ),
            pair("unknown_calendar", "calendar.base")
        );
        assert_eq!(
            error(
                business_days_between,
                r#"{"start":"2024-01-01","calendar":"US"}"#
            ),
            pair("missing_field", "end")
        );
    }

    #[test]
    fn fraction_text_has_28_decimal_places() -> Result<()> {
        // ISDA's example, 1 Nov 2003 to 1 May 2004: 61/365 + 121/366 = 66491/133590,
        // which is 0.4977243805674077401003069092 to 28 places (Python's decimal module,
        // precision 28).
        let out = year_fraction(
            r#"{"start":"2003-11-01","end":"2004-05-01","dayCount":"ACT/ACT-ISDA"}"#,
        )?;
        assert_eq!(out, r#"{"fraction":"0.4977243805674077401003069092"}"#);
        Ok(())
    }

    #[test]
    fn thirty_e_isda_reads_the_maturity() -> Result<()> {
        // 30E/360 ISDA, 31 Aug 2023 to 29 Feb 2024 when 29 Feb is the maturity: D1 31 -> 30,
        // D2 stays 29: 360*1 + 30*(2-8) + (29-30) = 179 days, 179/360 = 0.49722...
        let out = year_fraction(
            r#"{"start":"2023-08-31","end":"2024-02-29","dayCount":"30E/360-ISDA","maturity":"2024-02-29"}"#,
        )?;
        assert_eq!(out, r#"{"fraction":"0.4972222222222222222222222222"}"#);
        Ok(())
    }
}
