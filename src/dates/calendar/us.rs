//! `US`: the holidays of the Federal Reserve System, as QuantLib's
//! `UnitedStates(FederalReserve)` computes them.
//!
//! The legal public holidays of 5 U.S.C. 6103(a). The Federal Reserve Banks close on them,
//! move a Sunday holiday to the Monday after, and stay open on the Friday before a
//! Saturday holiday (Federal Reserve Financial Services, "Holiday schedules",
//! frbservices.org). The Uniform Monday Holiday Act (Pub. L. 90-363) moved Washington's
//! Birthday, Memorial Day and Veterans Day to Mondays and added Columbus Day from 1971;
//! Veterans Day went back to 11 November in 1978 (Pub. L. 94-97). Martin Luther King Jr.'s
//! Birthday (Pub. L. 98-144) counts from 1983 as in QuantLib; Juneteenth (Pub. L. 117-17)
//! from 2022, the first year the Federal Reserve observed it in its schedule.

use super::rules::{is_last_weekday, is_nth_weekday, is_observed};
use chrono::{
    Datelike, NaiveDate,
    Weekday::{Mon, Thu},
};

/// The US holiday on `date`, if there is one.
pub(super) fn holiday(date: NaiveDate) -> Option<&'static str> {
    let year = date.year();
    let monday_act = year >= 1971;
    let name = match date.month() {
        1 if is_observed(date, (1, 1), 0, 1) => "New Year's Day",
        1 if year >= 1983 && is_nth_weekday(date, 3, Mon) => "Birthday of Martin Luther King, Jr.",
        2 if monday_act && is_nth_weekday(date, 3, Mon) => "Washington's Birthday",
        2 if !monday_act && is_observed(date, (2, 22), -1, 1) => "Washington's Birthday",
        5 if monday_act && is_last_weekday(date, Mon) => "Memorial Day",
        5 if !monday_act && is_observed(date, (5, 30), -1, 1) => "Memorial Day",
        6 if year >= 2022 && is_observed(date, (6, 19), 0, 1) => {
            "Juneteenth National Independence Day"
        }
        7 if is_observed(date, (7, 4), 0, 1) => "Independence Day",
        9 if is_nth_weekday(date, 1, Mon) => "Labor Day",
        10 if monday_act && is_nth_weekday(date, 2, Mon) => "Columbus Day",
        10 if (1971..=1977).contains(&year) && is_nth_weekday(date, 4, Mon) => "Veterans Day",
        11 if !(1971..=1977).contains(&year) && is_observed(date, (11, 11), 0, 1) => "Veterans Day",
        11 if is_nth_weekday(date, 4, Thu) => "Thanksgiving Day",
        12 if is_observed(date, (12, 25), 0, 1) => "Christmas Day",
        _ => return None,
    };
    Some(name)
}
