//! `DE`: German bank holidays, as QuantLib's `Germany(Settlement)` computes them.
//!
//! The nationwide public holidays (the Länder's Sonn- und Feiertagsgesetze, and for
//! 3 October the Einigungsvertrag of 31 August 1990, art. 2(2)), plus Corpus Christi and
//! Christmas Eve, on which banks do not settle. As in QuantLib, every rule applies to
//! every year, and one-off days (Reformation Day 2017) are not included.

use chrono::{Datelike, NaiveDate};

/// The German holiday on `date`, if there is one.
pub(super) fn holiday(date: NaiveDate) -> Option<&'static str> {
    let name = match (
        date.month(),
        date.day(),
        super::rules::days_after_easter(date),
    ) {
        (1, 1, _) => "New Year's Day",
        (_, _, Some(-2)) => "Good Friday",
        (_, _, Some(1)) => "Easter Monday",
        (_, _, Some(39)) => "Ascension Day",
        (_, _, Some(50)) => "Whit Monday",
        (_, _, Some(60)) => "Corpus Christi",
        (5, 1, _) => "Labour Day",
        (10, 3, _) => "Day of German Unity",
        (12, 24, _) => "Christmas Eve",
        (12, 25, _) => "Christmas Day",
        (12, 26, _) => "Boxing Day",
        _ => return None,
    };
    Some(name)
}
