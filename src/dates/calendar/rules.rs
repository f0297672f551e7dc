//! Rules shared by the built-in calendars: Easter, the nth weekday of a month, and fixed
//! holidays moved off a weekend.

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

/// Easter Sunday of `year` in the Gregorian calendar, by the anonymous Gregorian algorithm
/// (Meeus, *Astronomical Algorithms*, 2nd ed., chapter 8), which gives the date fixed by
/// the Gregorian reform of 1582.
pub(super) fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(
        year,
        u32::try_from(n / 31).ok()?,
        u32::try_from(n % 31 + 1).ok()?,
    )
}

/// How many days `date` lies after Easter Sunday of its year (negative before). Only
/// computed from March to June, where every Easter-based holiday falls; `None` elsewhere.
pub(super) fn days_after_easter(date: NaiveDate) -> Option<i64> {
    if !(3..=6).contains(&date.month()) {
        return None;
    }
    Some((date - easter_sunday(date.year())?).num_days())
}

/// Whether `date` is the `n`th `weekday` of its month (`n` from 1).
pub(super) fn is_nth_weekday(date: NaiveDate, n: u32, weekday: Weekday) -> bool {
    date.weekday() == weekday && (date.day() - 1) / 7 + 1 == n
}

/// Whether `date` is the last `weekday` of its month.
#[inline]
pub(super) fn is_last_weekday(date: NaiveDate, weekday: Weekday) -> bool {
    date.weekday() == weekday
        && date
            .checked_add_signed(TimeDelta::days(7))
            .is_none_or(|later| later.month() != date.month())
}

/// Whether `date` is the fixed holiday `month`/`day` of its year, or the day that holiday is
/// observed on when it falls on a weekend: `on_saturday` days later when it is a Saturday,
/// `on_sunday` days later when a Sunday (negative: earlier; 0: not moved). Every rule that
/// uses this keeps the observed day in the holiday's month.
#[inline]
pub(super) fn is_observed(
    date: NaiveDate,
    (month, day): (u32, u32),
    on_saturday: i64,
    on_sunday: i64,
) -> bool {
    if date.month() != month {
        return false;
    }
    let Some(fixed) = NaiveDate::from_ymd_opt(date.year(), month, day) else {
        return false;
    };
    let shift = match fixed.weekday() {
        Weekday::Sat => on_saturday,
        Weekday::Sun => on_sunday,
        _ => 0,
    };
    date == fixed || fixed.checked_add_signed(TimeDelta::days(shift)) == Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn easter_matches_published_dates() {
        // Easter Sundays as published (e.g. the tables in the Book of Common Prayer and
        // Meeus's own examples): 1818 and 2285 are the earliest possible date, 22 March;
        // 1943 and 2038 the latest, 25 April.
        for (y, m, d) in [
            (1818, 3, 22),
            (1943, 4, 25),
            (1954, 4, 18),
            (2000, 4, 23),
            (2024, 3, 31),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(y), Some(day(y, m, d)), "{y}");
        }
    }

    #[test]
    fn weekday_positions() {
        // 2024-05-27 is the last Monday of May 2024; 2024-01-15 the third Monday of January.
        assert!(is_last_weekday(day(2024, 5, 27), Weekday::Mon));
        assert!(!is_last_weekday(day(2024, 5, 20), Weekday::Mon));
        assert!(is_nth_weekday(day(2024, 1, 15), 3, Weekday::Mon));
        assert!(!is_nth_weekday(day(2024, 1, 22), 3, Weekday::Mon));
    }

    #[test]
    fn weekend_holidays_move() {
        // 2022-12-25 was a Sunday: observed on Tuesday the 27th under the UK rule (+2).
        assert!(is_observed(day(2022, 12, 27), (12, 25), 2, 2));
        assert!(!is_observed(day(2022, 12, 26), (12, 25), 2, 2));
        // 2021-07-04 was a Sunday: observed Monday the 5th.
        assert!(is_observed(day(2021, 7, 5), (7, 4), 0, 1));
    }
}
