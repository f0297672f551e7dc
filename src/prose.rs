//! Figures in words for people: amounts with thousands separators, dates as "2 Mar 2026",
//! rates as percents. English; the sentences that use them keep their words in one place
//! each, so another language can be added.

use crate::money::{Checked, Money};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// `1234567.5` in EUR as `1,234,567.50`.
///
/// ```ignore
/// assert_eq!(amount(Money::from_minor(123456750, None)), "1,234,567.50");
/// ```
pub(crate) fn amount(money: Money) -> String {
    let text = money.to_string();
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |d| ("-", d));
    let (whole, fraction) = digits
        .split_once('.')
        .map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// 2026-03-02 as `2 Mar 2026`.
pub(crate) fn date(day: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.get(day.month0() as usize).copied().unwrap_or("?");
    format!("{} {month} {}", day.day(), day.year())
}

/// A rate as a fraction, `0.1275`, as `12.75%`.
pub(crate) fn percent(fraction: Decimal) -> String {
    // The rates written are at most MAX_ANNUAL_RATE: a hundred times one fits.
    let percent = fraction
        .mul_checked(Decimal::ONE_HUNDRED)
        .unwrap_or_default();
    format!("{}%", percent.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_write_them() -> crate::Result<()> {
        assert_eq!(amount(Money::from_minor(123_456_750, None)), "1,234,567.50");
        assert_eq!(amount(Money::from_minor(-100_000, None)), "-1,000.00");
        assert_eq!(amount(Money::from_minor(999, Some("JPY".parse()?))), "999");
        assert_eq!(amount(Money::from_minor(5, None)), "0.05");
        assert_eq!(date(crate::dates::parse_date("2026-03-02")?), "2 Mar 2026");
        assert_eq!(percent("0.1275".parse().unwrap_or_default()), "12.75%");
        assert_eq!(percent("0.085".parse().unwrap_or_default()), "8.5%");
        Ok(())
    }
}
