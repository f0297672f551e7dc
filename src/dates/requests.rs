//! The entry points of day counts and calendars: what each takes and returns.

use super::{add_business_days, adjust, business_days_between, year_fraction};
use super::{Calendar, Convention, DayCount, Holiday};
use crate::error::Result;
use crate::json::{Decode, Describe, Encode};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// What `yearFraction` takes.
#[derive(Decode, Describe)]
pub struct YearFractionInput {
    /// The first date.
    pub start: NaiveDate,
    /// The second date; before `start` gives a negative fraction.
    pub end: NaiveDate,
    /// The day count.
    pub day_count: DayCount,
    /// The last date of the schedule: `30E/360-ISDA` reads it (a last day of February that
    /// is the maturity stays as it is).
    pub maturity: Option<NaiveDate>,
}

/// What `yearFraction` returns.
#[derive(Encode, Describe)]
pub struct YearFractionOutput {
    /// The fraction of a year, to 28 significant digits.
    pub fraction: Decimal,
}

/// The fraction of a year between two dates under a day count.
///
/// # Errors
/// Those of [`year_fraction`].
///
/// ```
/// use arrears::dates::{parse_date, requests::*, DayCount};
/// let input = YearFractionInput {
///     start: parse_date("2024-01-01")?,
///     end: parse_date("2024-07-01")?,
///     day_count: DayCount::Act360,
///     maturity: None,
/// };
/// assert_eq!(year_fraction_of(input)?.fraction.to_string(), "0.5055555555555555555555555556");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn year_fraction_of(input: YearFractionInput) -> Result<YearFractionOutput> {
    let fraction = year_fraction(input.start, input.end, input.day_count, input.maturity)?;
    Ok(YearFractionOutput {
        fraction: fraction.normalize(),
    })
}

/// What `isBusinessDay` takes.
#[derive(Decode, Describe)]
pub struct IsBusinessDayInput {
    /// The date.
    pub date: NaiveDate,
    /// The calendar.
    pub calendar: Calendar,
}

/// What `isBusinessDay` returns.
#[derive(Encode, Describe)]
pub struct IsBusinessDayOutput {
    /// Whether `date` is a business day of `calendar`.
    pub business_day: bool,
}

/// Whether a date is a business day.
///
/// # Errors
/// None beyond decoding; kept fallible like every entry point.
///
/// ```
/// use arrears::dates::{parse_date, requests::*, Calendar};
/// let input = IsBusinessDayInput { date: parse_date("2024-12-26")?, calendar: Calendar::builtin("GB")? };
/// assert!(!is_business_day_of(input)?.business_day);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn is_business_day_of(input: IsBusinessDayInput) -> Result<IsBusinessDayOutput> {
    Ok(IsBusinessDayOutput {
        business_day: input.calendar.is_business_day(input.date),
    })
}

/// What `adjustDate` takes.
#[derive(Decode, Describe)]
pub struct AdjustDateInput {
    /// The date to move.
    pub date: NaiveDate,
    /// How to move it.
    pub convention: Convention,
    /// Whose business days.
    pub calendar: Calendar,
}

/// A date, which `adjustDate` and `addBusinessDays` return.
#[derive(Encode, Describe)]
pub struct DateOutput {
    /// The business day.
    pub date: NaiveDate,
}

/// Moves a date to a business day by a convention.
///
/// # Errors
/// `out_of_range` at `date` when the business day would leave 1900-2199.
///
/// ```
/// use arrears::dates::{parse_date, requests::*, Calendar, Convention};
/// let input = AdjustDateInput {
///     date: parse_date("2024-03-29")?,
///     convention: Convention::Following,
///     calendar: Calendar::builtin("TARGET")?,
/// };
/// assert_eq!(adjust_date_of(input)?.date, parse_date("2024-04-02")?);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn adjust_date_of(input: AdjustDateInput) -> Result<DateOutput> {
    let date = adjust(input.date, input.convention, &input.calendar).map_err(|e| e.at("date"))?;
    Ok(DateOutput { date })
}

/// What `addBusinessDays` takes.
#[derive(Decode, Describe)]
pub struct AddBusinessDaysInput {
    /// The date to count from.
    pub date: NaiveDate,
    /// Business days to add; negative goes back (at most 100,000 either way).
    pub days: i64,
    /// Whose business days.
    pub calendar: Calendar,
}

/// Adds business days to a date.
///
/// # Errors
/// `limit_exceeded` at `days` beyond ±100,000, `out_of_range` at `days` when the result
/// leaves 1900-2199.
///
/// ```
/// use arrears::dates::{parse_date, requests::*, Calendar};
/// let input = AddBusinessDaysInput { date: parse_date("2024-07-03")?, days: 1, calendar: Calendar::builtin("US")? };
/// assert_eq!(add_business_days_of(input)?.date, parse_date("2024-07-05")?);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn add_business_days_of(input: AddBusinessDaysInput) -> Result<DateOutput> {
    let date =
        add_business_days(input.date, input.days, &input.calendar).map_err(|e| e.at("days"))?;
    Ok(DateOutput { date })
}

/// What `businessDaysBetween` takes.
#[derive(Decode, Describe)]
pub struct BusinessDaysBetweenInput {
    /// The first date, counted.
    pub start: NaiveDate,
    /// The last date, not counted.
    pub end: NaiveDate,
    /// Whose business days.
    pub calendar: Calendar,
}

/// What `businessDaysBetween` returns.
#[derive(Encode, Describe)]
pub struct BusinessDaysBetweenOutput {
    /// Business days from `start` (counted) to `end` (not); negative when `end` is first.
    pub days: i64,
}

/// Counts the business days between two dates.
///
/// # Errors
/// Those of [`business_days_between`].
///
/// ```
/// use arrears::dates::{parse_date, requests::*, Calendar};
/// let input = BusinessDaysBetweenInput {
///     start: parse_date("2024-12-23")?,
///     end: parse_date("2024-12-30")?,
///     calendar: Calendar::builtin("DE")?,
/// };
/// assert_eq!(business_days_between_of(input)?.days, 2);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn business_days_between_of(
    input: BusinessDaysBetweenInput,
) -> Result<BusinessDaysBetweenOutput> {
    let days = business_days_between(input.start, input.end, &input.calendar)?;
    Ok(BusinessDaysBetweenOutput { days })
}

/// What `holidays` takes.
#[derive(Decode, Describe)]
pub struct HolidaysInput {
    /// The calendar.
    pub calendar: Calendar,
    /// The first day to list.
    pub from: NaiveDate,
    /// The last day to list; not before `from`.
    pub to: NaiveDate,
}

/// What `holidays` returns.
#[derive(Encode, Describe)]
pub struct HolidaysOutput {
    /// The holidays that fall on weekdays, in date order.
    pub holidays: Vec<Holiday>,
}

/// Lists a calendar's holidays in a span.
///
/// # Errors
/// `out_of_range` at `to` when it is before `from`.
///
/// ```
/// use arrears::dates::{parse_date, requests::*, Calendar};
/// let input = HolidaysInput { calendar: Calendar::builtin("US")?, from: parse_date("2024-07-01")?, to: parse_date("2024-07-31")? };
/// assert_eq!(holidays_of(input)?.holidays[0].name, "Independence Day");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn holidays_of(input: HolidaysInput) -> Result<HolidaysOutput> {
    let holidays = input
        .calendar
        .holidays(input.from, input.to)
        .map_err(|e| e.at("to"))?;
    Ok(HolidaysOutput { holidays })
}
