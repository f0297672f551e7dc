//! `TARGET`: the closing days of the euro area's payment system, as QuantLib's `TARGET`
//! computes them.
//!
//! From 2000 the ECB's closing days are New Year's Day, Good Friday, Easter Monday, 1 May,
//! Christmas Day and 26 December (ECB press release of 14 December 2000, and "TARGET2
//! closing days" on ecb.europa.eu); before that only 1 January and 25 December, and the
//! system also closed on 31 December 1998, 1999 and 2001.

use chrono::{Datelike, NaiveDate};

/// The TARGET closing day on `date`, if it is one.
pub(super) fn holiday(date: NaiveDate) -> Option<&'static str> {
    let (year, since_2000) = (date.year(), date.year() >= 2000);
    let name = match (
        date.month(),
        date.day(),
        super::rules::days_after_easter(date),
    ) {
        (1, 1, _) => "New Year's Day",
        (_, _, Some(-2)) if since_2000 => "Good Friday",
        (_, _, Some(1)) if since_2000 => "Easter Monday",
        (5, 1, _) if since_2000 => "Labour Day",
        (12, 25, _) => "Christmas Day",
        (12, 26, _) if since_2000 => "Christmas Holiday",
        (12, 31, _) if matches!(year, 1998 | 1999 | 2001) => "New Year's Eve",
        _ => return None,
    };
    Some(name)
}
