//! `GB`: the bank holidays of England and Wales, as QuantLib's `UnitedKingdom(Settlement)`
//! computes them.
//!
//! The Banking and Financial Dealings Act 1971, schedule 1, and the royal proclamations
//! that add or move a day each year, as listed on gov.uk ("UK bank holidays"): a holiday on
//! a weekend moves to the next weekday that is not already one. The one-off days (VE Day
//! anniversaries 1995 and 2020, the jubilees of 2002, 2012 and 2022, the royal wedding of
//! 2011, the Millennium, the Queen's funeral in 2022 and the coronation in 2023) follow
//! QuantLib, the reference this calendar is tested against; QuantLib applies today's
//! pattern to every year back to 1901.

use super::rules::{is_last_weekday, is_nth_weekday, is_observed};
use chrono::{Datelike, NaiveDate, Weekday::Mon};

/// The GB bank holiday on `date`, if there is one.
pub(super) fn holiday(date: NaiveDate) -> Option<&'static str> {
    let (year, day) = (date.year(), date.day());
    let early_may_moved = year == 1995 || year == 2020;
    let spring_moved = matches!(year, 2002 | 2012 | 2022);
    let name = match (date.month(), super::rules::days_after_easter(date)) {
        (1, _) if is_observed(date, (1, 1), 2, 1) => "New Year's Day",
        (_, Some(-2)) => "Good Friday",
        (_, Some(1)) => "Easter Monday",
        (4, _) if (year, day) == (2011, 29) => "Wedding of Prince William and Catherine Middleton",
        (5, _) if early_may_moved && day == 8 => "Early May bank holiday (VE Day)",
        (5, _) if !early_may_moved && is_nth_weekday(date, 1, Mon) => "Early May bank holiday",
        (5, _) if (year, day) == (2023, 8) => "Coronation of King Charles III",
        (5, _) if !spring_moved && is_last_weekday(date, Mon) => "Spring bank holiday",
        (6, _) if matches!((year, day), (2002, 3) | (2012, 4) | (2022, 2)) => "Spring bank holiday",
        (6, _) if (year, day) == (2002, 4) => "Golden Jubilee of Queen Elizabeth II",
        (6, _) if (year, day) == (2012, 5) => "Diamond Jubilee of Queen Elizabeth II",
        (6, _) if (year, day) == (2022, 3) => "Platinum Jubilee of Queen Elizabeth II",
        (8, _) if is_last_weekday(date, Mon) => "Summer bank holiday",
        (9, _) if (year, day) == (2022, 19) => "State Funeral of Queen Elizabeth II",
        (12, _) if is_observed(date, (12, 25), 2, 2) => "Christmas Day",
        (12, _) if is_observed(date, (12, 26), 2, 2) => "Boxing Day",
        (12, _) if (year, day) == (1999, 31) => "Millennium Day",
        _ => return None,
    };
    Some(name)
}
