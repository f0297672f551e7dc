//! Business-day conventions and counting business days, with QuantLib's semantics
//! (`Calendar::adjust`, `advance` in days and `businessDaysBetween`).

use crate::dates::{check_range, Calendar};
use crate::error::{Error, ErrorCode, Result};
use crate::limits::{MAX_BUSINESS_DAYS, MAX_DATE, MIN_DATE};
use chrono::{Datelike, NaiveDate, TimeDelta};
use std::str::FromStr;

/// A business-day convention (ISDA 2006 Definitions, section 4.12). JS names in quotes.
///
/// ```
/// use arrears::dates::Convention;
/// assert_eq!("modifiedFollowing".parse::<Convention>()?, Convention::ModifiedFollowing);
/// assert_eq!(Convention::Preceding.name(), "preceding");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Convention {
    /// "unadjusted": leave the date as it is.
    #[default]
    Unadjusted,
    /// "following": the next business day.
    Following,
    /// "modifiedFollowing": the next business day unless that is in the next month, then
    /// the previous one.
    ModifiedFollowing,
    /// "preceding": the previous business day.
    Preceding,
    /// "modifiedPreceding": the previous business day unless that is in the previous month,
    /// then the next one.
    ModifiedPreceding,
}

impl Convention {
    /// Every convention, in a fixed order.
    ///
    /// ```
    /// assert_eq!(arrears::dates::Convention::ALL.len(), 5);
    /// ```
    pub const ALL: [Convention; 5] = [
        Convention::Unadjusted,
        Convention::Following,
        Convention::ModifiedFollowing,
        Convention::Preceding,
        Convention::ModifiedPreceding,
    ];

    /// The name used in JSON and JS.
    ///
    /// ```
    /// assert_eq!(arrears::dates::Convention::ModifiedPreceding.name(), "modifiedPreceding");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Convention::Unadjusted => "unadjusted",
            Convention::Following => "following",
            Convention::ModifiedFollowing => "modifiedFollowing",
            Convention::Preceding => "preceding",
            Convention::ModifiedPreceding => "modifiedPreceding",
        }
    }
}

impl FromStr for Convention {
    type Err = Error;

    /// Reads a convention by its exact name.
    fn from_str(name: &str) -> Result<Convention> {
        Convention::ALL
            .into_iter()
            .find(|c| c.name() == name)
            .ok_or_else(|| {
                let shown: String = name.chars().take(40).collect();
                Error::new(
                    ErrorCode::UnknownConvention,
                    format!("'{shown}' is not a business-day convention; use unadjusted, following, modifiedFollowing, preceding or modifiedPreceding"),
                )
            })
    }
}

crate::dates::named_json!(
    Convention,
    "following",
    "How a date that is not a business day moves to one."
);

/// The calendar and convention that move dates onto business days, as an input gives them:
/// a `convention` needs a `calendar` (it would otherwise be silently ignored), and a calendar
/// without a convention moves dates `following`.
///
/// # Errors
/// [`ErrorCode::MissingField`] at `calendar` for a convention without a calendar.
///
/// ```
/// use arrears::dates::{moved_by, Calendar, Convention};
/// let us = Calendar::builtin("US")?;
/// assert_eq!(moved_by(Some(&us), None)?.1, Convention::Following);
/// assert_eq!(moved_by(None, Some(Convention::Preceding)).unwrap_err().path(), "calendar");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn moved_by(
    calendar: Option<&Calendar>,
    convention: Option<Convention>,
) -> Result<(Option<&Calendar>, Convention)> {
    if calendar.is_none() && convention.is_some() {
        return Err(Error::new(
            ErrorCode::MissingField,
            "'convention' moves dates to business days of a 'calendar', and none is given",
        )
        .at("calendar"));
    }
    Ok((calendar, convention.unwrap_or(Convention::Following)))
}

/// Moves `date` to a business day of `calendar` by `convention`.
///
/// # Errors
/// [`ErrorCode::OutOfRange`] when `date` is outside 1900-01-01..=2199-12-31 or the
/// business day it moves to would be.
///
/// ```
/// use arrears::dates::{adjust, parse_date, Calendar, Convention};
/// let us = Calendar::builtin("US")?;
/// // Saturday 30 November 2024: following is Monday 2 December, modified following
/// // stays in November and goes back to Friday the 29th.
/// let date = parse_date("2024-11-30")?;
/// assert_eq!(adjust(date, Convention::Following, &us)?.to_string(), "2024-12-02");
/// assert_eq!(adjust(date, Convention::ModifiedFollowing, &us)?.to_string(), "2024-11-29");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn adjust(date: NaiveDate, convention: Convention, calendar: &Calendar) -> Result<NaiveDate> {
    check_range(date)?;
    let same_month = |moved: &NaiveDate| moved.month() == date.month();
    match convention {
        Convention::Unadjusted => Ok(date),
        Convention::Following => roll(date, 1, calendar),
        Convention::Preceding => roll(date, -1, calendar),
        // Past the end of the range the next business day would be in another month too.
        Convention::ModifiedFollowing => match roll(date, 1, calendar) {
            Ok(moved) if same_month(&moved) => Ok(moved),
            _ => roll(date, -1, calendar),
        },
        Convention::ModifiedPreceding => match roll(date, -1, calendar) {
            Ok(moved) if same_month(&moved) => Ok(moved),
            _ => roll(date, 1, calendar),
        },
    }
}

/// Moves `date` by `days` business days of `calendar`, as QuantLib's
/// `calendar.advance(date, days, Days)`: zero days adjusts to the following business day;
/// otherwise each step goes to the next (or, for negative `days`, previous) business day.
///
/// # Errors
/// [`ErrorCode::LimitExceeded`] when `days` is beyond ±100,000
/// ([`MAX_BUSINESS_DAYS`]), [`ErrorCode::OutOfRange`] when a date is outside
/// 1900-01-01..=2199-12-31.
///
/// ```
/// use arrears::dates::{add_business_days, parse_date, Calendar};
/// let gb = Calendar::builtin("GB")?;
/// // Thursday 22 December 2022 + 2 business days: Friday 23, then Wednesday 28
/// // (26 and 27 December were bank holidays).
/// assert_eq!(add_business_days(parse_date("2022-12-22")?, 2, &gb)?.to_string(), "2022-12-28");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn add_business_days(date: NaiveDate, days: i64, calendar: &Calendar) -> Result<NaiveDate> {
    check_range(date)?;
    if days.unsigned_abs() > MAX_BUSINESS_DAYS.unsigned_abs() {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("at most {MAX_BUSINESS_DAYS} business days either way"),
        ));
    }
    if days == 0 {
        return roll(date, 1, calendar);
    }
    let step = days.signum();
    let mut moved = date;
    for _ in 0..days.unsigned_abs() {
        moved = roll(next_day(moved, step)?, step, calendar)?;
    }
    Ok(moved)
}

/// The business days from `start` to `end`, counting `start` and not `end`, as QuantLib's
/// `businessDaysBetween(start, end, true, false)`; when `end` is before `start`, minus the
/// business days after `end` up to and including `start`.
///
/// # Errors
/// [`ErrorCode::OutOfRange`] when a date is outside 1900-01-01..=2199-12-31.
///
/// ```
/// use arrears::dates::{business_days_between, parse_date, Calendar};
/// let target = Calendar::builtin("TARGET")?;
/// // Monday 23 to Monday 30 December 2024: 23, 24 and 27 (25 and 26 are TARGET holidays).
/// let (start, end) = (parse_date("2024-12-23")?, parse_date("2024-12-30")?);
/// assert_eq!(business_days_between(start, end, &target)?, 3);
/// assert_eq!(business_days_between(end, start, &target)?, -3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn business_days_between(start: NaiveDate, end: NaiveDate, calendar: &Calendar) -> Result<i64> {
    check_range(start)?;
    check_range(end)?;
    let count = |after: NaiveDate, before: NaiveDate| {
        let days = after
            .iter_days()
            .take_while(|day| *day < before)
            .filter(|day| calendar.is_business_day(*day))
            .count();
        i64::try_from(days).unwrap_or(i64::MAX)
    };
    // Every date in range has a successor (chrono's dates go far beyond 2199).
    let next = |date: NaiveDate| date.succ_opt().unwrap_or(date);
    Ok(if end < start {
        -count(next(end), next(start))
    } else {
        count(start, end)
    })
}

/// The first business day from `date` on (`step` 1) or back (`step` -1).
fn roll(date: NaiveDate, step: i64, calendar: &Calendar) -> Result<NaiveDate> {
    let mut day = date;
    while !calendar.is_business_day(day) {
        day = next_day(day, step)?;
    }
    Ok(day)
}

/// The day after (`step` 1) or before (`step` -1) `date`, within the supported range.
fn next_day(date: NaiveDate, step: i64) -> Result<NaiveDate> {
    date.checked_add_signed(TimeDelta::days(step))
        .filter(|next| (MIN_DATE..=MAX_DATE).contains(next))
        .ok_or_else(|| {
            let limit = if step > 0 { MAX_DATE } else { MIN_DATE };
            Error::new(
                ErrorCode::OutOfRange,
                format!("the result would pass {limit}, the end of the supported range"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;
    use proptest::prelude::*;

    const CALENDARS: [&str; 5] = ["US", "GB", "TARGET", "DE", "none"];

    fn calendar(i: usize) -> Result<Calendar> {
        Calendar::builtin(CALENDARS[i % CALENDARS.len()])
    }

    /// Dates from 1903 to 2195, more than 400 business days (560 calendar days) away from
    /// the ends of the range, so a step of up to 400 business days stays inside it.
    fn date() -> impl Strategy<Value = NaiveDate> {
        (0i64..107_000)
            .prop_map(|n| parse_date("1903-01-01").unwrap_or(MIN_DATE) + TimeDelta::days(n))
    }

    #[test]
    fn modified_following_at_a_month_end() -> Result<()> {
        // TARGET, Sunday 31 March 2024: following is Tuesday 2 April (1 April is Easter
        // Monday), so modified following goes back to Thursday 28 March (29th Good Friday).
        let target = Calendar::builtin("TARGET")?;
        let date = parse_date("2024-03-31")?;
        assert_eq!(
            adjust(date, Convention::Following, &target)?,
            parse_date("2024-04-02")?
        );
        assert_eq!(
            adjust(date, Convention::ModifiedFollowing, &target)?,
            parse_date("2024-03-28")?
        );
        // Modified preceding on Monday 1 January 2024 (a holiday) cannot go back into
        // December, so it goes forward to Tuesday 2 January.
        assert_eq!(
            adjust(
                parse_date("2024-01-01")?,
                Convention::ModifiedPreceding,
                &target
            )?,
            parse_date("2024-01-02")?
        );
        Ok(())
    }

    #[test]
    fn range_ends_and_limits() -> Result<()> {
        let none = Calendar::builtin("none")?;
        // 2199-12-31 is a Tuesday; one business day later is in 2200.
        let last = parse_date("2199-12-31")?;
        assert_eq!(
            add_business_days(last, 1, &none).unwrap_err().code(),
            ErrorCode::OutOfRange
        );
        assert_eq!(
            add_business_days(last, MAX_BUSINESS_DAYS + 1, &none)
                .unwrap_err()
                .code(),
            ErrorCode::LimitExceeded
        );
        // 1900-01-01 is a Monday, a business day of `none`.
        assert_eq!(add_business_days(MIN_DATE, 0, &none)?, MIN_DATE);
        Ok(())
    }

    proptest! {
        #[test]
        fn adjusting_gives_a_business_day(d in date(), c in 0usize..5, k in 1usize..5) {
            let cal = calendar(c)?;
            let adjusted = adjust(d, Convention::ALL[k], &cal)?;
            prop_assert!(cal.is_business_day(adjusted));
            prop_assert!((adjusted - d).num_days().abs() <= 10);
        }

        #[test]
        fn adding_then_counting_gives_the_days_back(d in date(), c in 0usize..5, n in -400i64..400) {
            let cal = calendar(c)?;
            let start = roll(d, 1, &cal)?;
            let end = add_business_days(start, n, &cal)?;
            prop_assert!(cal.is_business_day(end));
            prop_assert_eq!(business_days_between(start, end, &cal)?, n);
        }
    }
}
