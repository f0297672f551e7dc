//! Business-day calendars: built in (`US`, `GB`, `TARGET`, `DE`, `none`) and custom.
//!
//! Every built-in calendar is computed by rule for any year (one file per calendar, the
//! shared rules in `rules`), so a check costs a few integer operations and no table.

mod custom;
mod de;
mod gb;
mod rules;
mod target;
mod us;

use crate::dates::check_range;
use crate::error::{Error, ErrorCode, Result};
use chrono::{Datelike, NaiveDate, Weekday};

/// A business-day calendar: a built-in base (or none), the weekend days, and custom
/// holidays and working days.
///
/// In JSON a calendar is a built-in name (`"US"`) or a custom calendar
/// `{ base?, weekend?, holidays?, workdays? }`.
///
/// ```
/// use arrears::dates::Calendar;
/// let us = Calendar::builtin("US")?;
/// let july_4 = chrono::NaiveDate::from_ymd_opt(2024, 7, 4).ok_or("no date")?;
/// assert!(!us.is_business_day(july_4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    base: Option<Builtin>,
    /// One bit per weekday, bit 0 for Monday.
    weekend: u8,
    /// Sorted, without repeats.
    holidays: Vec<NaiveDate>,
    /// Sorted, without repeats.
    workdays: Vec<NaiveDate>,
}

/// A named holiday.
///
/// ```
/// let h = arrears::dates::Holiday { date: arrears::dates::parse_date("2024-12-25")?, name: "Christmas Day".into() };
/// assert_eq!(h.name, "Christmas Day");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, crate::json::Encode, crate::json::Describe)]
pub struct Holiday {
    /// The day.
    pub date: NaiveDate,
    /// Its name, in English.
    pub name: String,
}

/// The rule-based calendars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Builtin {
    Us,
    Gb,
    Target,
    De,
}

/// The built-in names, as written in JSON; `none` has weekends only.
pub(super) const BUILTIN_NAMES: [(&str, Option<Builtin>); 5] = [
    ("US", Some(Builtin::Us)),
    ("GB", Some(Builtin::Gb)),
    ("TARGET", Some(Builtin::Target)),
    ("DE", Some(Builtin::De)),
    ("none", None),
];

/// The name a custom holiday is listed under.
const CUSTOM_HOLIDAY: &str = "Holiday";

impl Builtin {
    fn holiday(self, date: NaiveDate) -> Option<&'static str> {
        match self {
            Builtin::Us => us::holiday(date),
            Builtin::Gb => gb::holiday(date),
            Builtin::Target => target::holiday(date),
            Builtin::De => de::holiday(date),
        }
    }
}

pub(super) fn weekday_bit(day: Weekday) -> u8 {
    1 << day.num_days_from_monday()
}

impl Calendar {
    /// A built-in calendar by name: `US`, `GB`, `TARGET`, `DE` or `none` (any letter case).
    ///
    /// All have Saturday and Sunday as their weekend.
    ///
    /// # Errors
    /// [`ErrorCode::UnknownCalendar`] for any other name.
    ///
    /// ```
    /// use arrears::dates::Calendar;
    /// assert!(Calendar::builtin("TARGET").is_ok());
    /// assert_eq!(Calendar::builtin("XX").unwrap_err().code().as_str(), "unknown_calendar");
    /// ```
    pub fn builtin(name: &str) -> Result<Calendar> {
        let (_, base) = BUILTIN_NAMES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                let shown: String = name.chars().take(40).collect();
                Error::new(
                    ErrorCode::UnknownCalendar,
                    format!("'{shown}' is not a calendar; the built-in ones are US, GB, TARGET, DE and none"),
                )
            })?;
        Ok(Calendar {
            base: *base,
            weekend: weekday_bit(Weekday::Sat) | weekday_bit(Weekday::Sun),
            holidays: Vec::new(),
            workdays: Vec::new(),
        })
    }

    /// A calendar of Saturday and Sunday weekends and no holidays (`none`).
    ///
    /// ```
    /// assert_eq!(arrears::dates::Calendar::weekends_only(), arrears::dates::Calendar::builtin("none")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn weekends_only() -> Calendar {
        Calendar {
            base: None,
            weekend: weekday_bit(Weekday::Sat) | weekday_bit(Weekday::Sun),
            holidays: Vec::new(),
            workdays: Vec::new(),
        }
    }

    /// The same calendar with `days` as its weekend instead (an empty list: no weekend).
    ///
    /// ```
    /// use arrears::dates::{Calendar, parse_date};
    /// let gulf = Calendar::builtin("none")?.with_weekend(&[chrono::Weekday::Fri, chrono::Weekday::Sat]);
    /// assert!(gulf.is_business_day(parse_date("2024-06-02")?)); // a Sunday
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_weekend(mut self, days: &[Weekday]) -> Calendar {
        self.weekend = days.iter().fold(0, |bits, day| bits | weekday_bit(*day));
        self
    }

    /// The same calendar with `dates` added to its holidays.
    ///
    /// ```
    /// use arrears::dates::{Calendar, parse_date};
    /// let shop = Calendar::builtin("none")?.with_holidays(&[parse_date("2024-06-03")?]);
    /// assert!(!shop.is_business_day(parse_date("2024-06-03")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_holidays(mut self, dates: &[NaiveDate]) -> Calendar {
        self.holidays = sorted_union(&self.holidays, dates);
        self
    }

    /// The same calendar with `dates` made business days, whatever else they are (a working
    /// Saturday, say).
    ///
    /// ```
    /// use arrears::dates::{Calendar, parse_date};
    /// let cal = Calendar::builtin("none")?.with_workdays(&[parse_date("2024-06-01")?]);
    /// assert!(cal.is_business_day(parse_date("2024-06-01")?)); // a Saturday
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_workdays(mut self, dates: &[NaiveDate]) -> Calendar {
        self.workdays = sorted_union(&self.workdays, dates);
        self
    }

    /// Whether `date` falls on one of the calendar's weekend days.
    ///
    /// ```
    /// use arrears::dates::{Calendar, parse_date};
    /// assert!(Calendar::builtin("GB")?.is_weekend(parse_date("2024-06-01")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_weekend(&self, date: NaiveDate) -> bool {
        self.weekend & weekday_bit(date.weekday()) != 0
    }

    /// Whether `date` is a business day: a working day, or neither a weekend day nor a holiday.
    ///
    /// ```
    /// use arrears::dates::{Calendar, parse_date};
    /// let de = Calendar::builtin("DE")?;
    /// assert!(!de.is_business_day(parse_date("2024-10-03")?)); // Day of German Unity
    /// assert!(de.is_business_day(parse_date("2024-10-04")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[inline]
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.workdays.binary_search(&date).is_ok()
            || !(self.is_weekend(date) || self.holiday_name(date).is_some())
    }

    /// The name of the holiday on `date`, if the base or the custom holidays have one
    /// (whether or not it falls on a weekend or a working day).
    ///
    /// ```
    /// use arrears::dates::{Calendar, parse_date};
    /// let gb = Calendar::builtin("GB")?;
    /// assert_eq!(gb.holiday_name(parse_date("2022-09-19")?), Some("State Funeral of Queen Elizabeth II"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        self.base.and_then(|base| base.holiday(date)).or_else(|| {
            self.holidays
                .binary_search(&date)
                .is_ok()
                .then_some(CUSTOM_HOLIDAY)
        })
    }

    /// The holidays that are not business days and do not fall on a weekend, from `from`
    /// to `to` inclusive, in date order (QuantLib's `holidayList` without weekends).
    ///
    /// Custom holidays are named "Holiday" unless the base names the day.
    ///
    /// # Errors
    /// [`ErrorCode::OutOfRange`] when a date is outside 1900-01-01..=2199-12-31 or `to` is
    /// before `from`.
    ///
    /// ```
    /// use arrears::dates::{Calendar, parse_date};
    /// let us = Calendar::builtin("US")?.holidays(parse_date("2024-11-01")?, parse_date("2024-12-31")?)?;
    /// let names: Vec<_> = us.iter().map(|h| h.name.as_str()).collect();
    /// assert_eq!(names, ["Veterans Day", "Thanksgiving Day", "Christmas Day"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holidays(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Holiday>> {
        check_range(from)?;
        check_range(to)?;
        if to < from {
            return Err(Error::new(
                ErrorCode::OutOfRange,
                format!("the end {to} is before the start {from}"),
            ));
        }
        Ok(from
            .iter_days()
            .take_while(|date| *date <= to)
            .filter(|date| !self.is_weekend(*date) && !self.is_business_day(*date))
            .filter_map(|date| {
                let name = self.holiday_name(date)?;
                Some(Holiday {
                    date,
                    name: name.to_owned(),
                })
            })
            .collect())
    }
}

/// The sorted union of a sorted list without repeats and some more dates.
fn sorted_union(sorted: &[NaiveDate], more: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut all: Vec<NaiveDate> = sorted.iter().chain(more).copied().collect();
    crate::order::sort_dedup(&mut all);
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap_or(NaiveDate::MIN)
    }

    fn names(calendar: &str, from: &str, to: &str) -> Result<Vec<(String, String)>> {
        let list = Calendar::builtin(calendar)?.holidays(day(from), day(to))?;
        Ok(list
            .into_iter()
            .map(|h| (h.date.to_string(), h.name))
            .collect())
    }

    #[test]
    fn gb_2022_as_published_on_gov_uk() -> Result<()> {
        // gov.uk "UK bank holidays", England and Wales, 2022: 3 Jan (substitute day),
        // 15 Apr, 18 Apr, 2 May, 2 Jun, 3 Jun, 29 Aug, 19 Sep, 26 Dec, 27 Dec (substitute day).
        let dates: Vec<_> = names("GB", "2022-01-01", "2022-12-31")?
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        assert_eq!(
            dates,
            [
                "2022-01-03",
                "2022-04-15",
                "2022-04-18",
                "2022-05-02",
                "2022-06-02",
                "2022-06-03",
                "2022-08-29",
                "2022-09-19",
                "2022-12-26",
                "2022-12-27"
            ]
        );
        Ok(())
    }

    #[test]
    fn us_2023_as_published_by_the_federal_reserve() -> Result<()> {
        // frbservices.org holiday schedule 2023: Jan 2, Jan 16, Feb 20, May 29, Jun 19,
        // Jul 4, Sep 4, Oct 9, Nov 23, Dec 25; Veterans Day (Saturday 11 Nov) is not moved.
        let dates: Vec<_> = names("US", "2023-01-01", "2023-12-31")?
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        assert_eq!(
            dates,
            [
                "2023-01-02",
                "2023-01-16",
                "2023-02-20",
                "2023-05-29",
                "2023-06-19",
                "2023-07-04",
                "2023-09-04",
                "2023-10-09",
                "2023-11-23",
                "2023-12-25"
            ]
        );
        Ok(())
    }

    #[test]
    fn workdays_override_and_custom_holidays_are_named() -> Result<()> {
        let cal = Calendar::builtin("DE")?
            .with_holidays(&[day("2024-10-04")])
            .with_workdays(&[day("2024-10-03"), day("2024-10-05")]);
        assert!(cal.is_business_day(day("2024-10-03")));
        assert!(cal.is_business_day(day("2024-10-05")));
        assert!(!cal.is_business_day(day("2024-10-04")));
        let list = cal.holidays(day("2024-10-01"), day("2024-10-31"))?;
        assert_eq!(
            list,
            [Holiday {
                date: day("2024-10-04"),
                name: "Holiday".into()
            }]
        );
        Ok(())
    }

    #[test]
    fn holidays_refuses_a_reversed_range() -> Result<()> {
        let none = Calendar::builtin("none")?;
        let e = none
            .holidays(day("2024-02-01"), day("2024-01-01"))
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::OutOfRange);
        Ok(())
    }
}
