//! Day-count conventions (ISDA 2006 Definitions, section 4.16), as QuantLib defines them.
//!
//! A year fraction is computed as one exact ratio of whole numbers and divided once in
//! [`Decimal`], so it carries 28 significant digits and no float error.

use crate::error::{Error, ErrorCode, Result};
use crate::money::Checked;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A day-count convention. JS names in quotes.
///
/// ```
/// use arrears::dates::DayCount;
/// let dc: DayCount = "ACT/ACT-ISDA".parse()?;
/// assert_eq!(dc, DayCount::ActActIsda);
/// assert_eq!(dc.name(), "ACT/ACT-ISDA");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayCount {
    /// "ACT/360": actual days / 360 (ISDA 4.16(e); QuantLib `Actual360`).
    Act360,
    /// "ACT/365F": actual days / 365 (ISDA 4.16(d); QuantLib `Actual365Fixed`).
    Act365Fixed,
    /// "ACT/ACT-ISDA": days in each calendar year over that year's length (ISDA 4.16(b);
    /// QuantLib `ActualActual(ISDA)`).
    ActActIsda,
    /// "30/360": bond basis (ISDA 4.16(f); QuantLib `Thirty360(BondBasis)`): a 31st becomes
    /// the 30th, the end's 31st only when the start is the 30th or 31st.
    Thirty360BondBasis,
    /// "30/360-US" (QuantLib `Thirty360(USA)`, the SIA *Standard Securities Calculation
    /// Methods* rule): bond basis plus the February rules, where a start on the last day of
    /// February becomes the 30th, and so does an end on the last of February when the start
    /// is one too.
    Thirty360Us,
    /// "30E/360": Eurobond basis (ISDA 4.16(g); QuantLib `Thirty360(European)`): every 31st
    /// becomes the 30th.
    Thirty360European,
    /// "30E/360-ISDA" (ISDA 4.16(h); QuantLib `Thirty360(German)`): every 31st and every last
    /// day of February becomes the 30th, except an end on the last of February that is
    /// the maturity date.
    Thirty360EuropeanIsda,
}

impl DayCount {
    /// Every day count, in a fixed order.
    ///
    /// ```
    /// assert_eq!(arrears::dates::DayCount::ALL.len(), 7);
    /// ```
    pub const ALL: [DayCount; 7] = [
        DayCount::Act360,
        DayCount::Act365Fixed,
        DayCount::ActActIsda,
        DayCount::Thirty360BondBasis,
        DayCount::Thirty360Us,
        DayCount::Thirty360European,
        DayCount::Thirty360EuropeanIsda,
    ];

    /// The name used in JSON and JS.
    ///
    /// ```
    /// assert_eq!(arrears::dates::DayCount::Thirty360Us.name(), "30/360-US");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            DayCount::Act360 => "ACT/360",
            DayCount::Act365Fixed => "ACT/365F",
            DayCount::ActActIsda => "ACT/ACT-ISDA",
            DayCount::Thirty360BondBasis => "30/360",
            DayCount::Thirty360Us => "30/360-US",
            DayCount::Thirty360European => "30E/360",
            DayCount::Thirty360EuropeanIsda => "30E/360-ISDA",
        }
    }
}

impl FromStr for DayCount {
    type Err = Error;

    /// Reads a day count by its exact name.
    fn from_str(name: &str) -> Result<DayCount> {
        DayCount::ALL
            .into_iter()
            .find(|dc| dc.name() == name)
            .ok_or_else(|| {
                let shown: String = name.chars().take(40).collect();
                Error::new(
                    ErrorCode::UnknownDayCount,
                    format!("'{shown}' is not a day count; use ACT/360, ACT/365F, ACT/ACT-ISDA, 30/360, 30/360-US, 30E/360 or 30E/360-ISDA"),
                )
            })
    }
}

crate::dates::named_json!(
    DayCount,
    "ACT/365F",
    "A day-count convention (ISDA 2006 Definitions, section 4.16), named as QuantLib does."
);

/// The fraction of a year from `start` to `end` under `day_count`; negative when `end` is
/// before `start`, as in QuantLib. `maturity` is used by `30E/360-ISDA` only.
///
/// # Errors
/// [`ErrorCode::Internal`] if the division overflows, which no dates can make it do.
///
/// ```
/// use arrears::dates::{year_fraction, parse_date, DayCount};
/// // ISDA's worked example: 1 Nov 2003 to 1 May 2004 is 61/365 + 121/366.
/// let f = year_fraction(parse_date("2003-11-01")?, parse_date("2004-05-01")?, DayCount::ActActIsda, None)?;
/// assert_eq!(f.round_dp(11).to_string(), "0.49772438057");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn year_fraction(
    start: NaiveDate,
    end: NaiveDate,
    day_count: DayCount,
    maturity: Option<NaiveDate>,
) -> Result<Decimal> {
    let actual = (end - start).num_days();
    let (days, year) = match day_count {
        DayCount::Act360 => (actual, 360),
        DayCount::Act365Fixed => (actual, 365),
        DayCount::ActActIsda if start <= end => act_act_isda(start, end),
        DayCount::ActActIsda => {
            let (days, year) = act_act_isda(end, start);
            (-days, year)
        }
        _ => (thirty_360_days(start, end, day_count, maturity), 360),
    };
    Decimal::from(days)
        .div_checked(Decimal::from(year))
        .ok_or_else(|| Error::new(ErrorCode::Internal, "a year fraction overflowed"))
}

fn days_in_year(year: i32) -> i64 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// ACT/ACT ISDA from `start` to `end` (`start <= end`) as one ratio: the days in each
/// calendar year over that year's length, `a/y1 + (years between) + b/y2`, over the common
/// denominator `y1 * y2`.
fn act_act_isda(start: NaiveDate, end: NaiveDate) -> (i64, i64) {
    let (first, last) = (start.year(), end.year());
    let (len_first, len_last) = (days_in_year(first), days_in_year(last));
    let new_year = |year: i32| NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(start);
    let in_first = (new_year(first + 1) - start).num_days();
    let in_last = (end - new_year(last)).num_days();
    let whole_years = i64::from(last - first - 1);
    (
        in_first * len_last + in_last * len_first + whole_years * len_first * len_last,
        len_first * len_last,
    )
}

/// The 30/360 day count of each variant, exactly as QuantLib's `Thirty360` (the order of
/// the `30/360-US` checks matters).
fn thirty_360_days(
    start: NaiveDate,
    end: NaiveDate,
    day_count: DayCount,
    maturity: Option<NaiveDate>,
) -> i64 {
    let last_of_february = |date: NaiveDate| {
        date.month() == 2 && date.succ_opt().is_some_and(|next| next.month() == 3)
    };
    let (mut d1, mut d2) = (start.day(), end.day());
    match day_count {
        DayCount::Thirty360Us => {
            if last_of_february(start) {
                if last_of_february(end) {
                    d2 = 30;
                }
                d1 = 30;
            }
            if d2 == 31 && d1 >= 30 {
                d2 = 30;
            }
            d1 = d1.min(30);
        }
        DayCount::Thirty360European => (d1, d2) = (d1.min(30), d2.min(30)),
        DayCount::Thirty360EuropeanIsda => {
            if d1 == 31 || last_of_february(start) {
                d1 = 30;
            }
            if d2 == 31 || (last_of_february(end) && maturity != Some(end)) {
                d2 = 30;
            }
        }
        _ => {
            d1 = d1.min(30);
            if d2 == 31 && d1 == 30 {
                d2 = 30;
            }
        }
    }
    360 * i64::from(end.year() - start.year())
        + 30 * (i64::from(end.month()) - i64::from(start.month()))
        + (i64::from(d2) - i64::from(d1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn fraction(start: &str, end: &str, dc: DayCount, maturity: Option<&str>) -> Result<Decimal> {
        let maturity = maturity.map(parse_date).transpose()?;
        year_fraction(parse_date(start)?, parse_date(end)?, dc, maturity)
    }

    fn ratio(days: i64, year: i64) -> Decimal {
        Decimal::from(days) / Decimal::from(year)
    }

    #[test]
    fn isda_actual_actual_examples() -> Result<()> {
        // ISDA, "EMU and market conventions: recent developments" (1998), section on
        // Actual/Actual, ISDA column of the worked examples:
        // 1 Nov 2003 - 1 May 2004: 61/365 + 121/366 = 0.497724380567...
        let f = fraction("2003-11-01", "2004-05-01", DayCount::ActActIsda, None)?;
        assert_eq!(f.round_dp(12), Decimal::new(497_724_380_567, 12));
        // 1 Feb 1999 - 1 Jul 1999: 150/365.
        let f = fraction("1999-02-01", "1999-07-01", DayCount::ActActIsda, None)?;
        assert_eq!(f, ratio(150, 365));
        // 15 Aug 2002 - 15 Jul 2003: 334/365.
        let f = fraction("2002-08-15", "2003-07-15", DayCount::ActActIsda, None)?;
        assert_eq!(f, ratio(334, 365));
        // 30 Jan 1999 - 30 Jun 2000: 336/365 + 181/366 = 1.415083464...
        let f = fraction("1999-01-30", "2000-06-30", DayCount::ActActIsda, None)?;
        assert_eq!(f.round_dp(9), Decimal::new(1_415_083_464, 9));
        // Reversed: the negative (QuantLib's convention).
        let back = fraction("2004-05-01", "2003-11-01", DayCount::ActActIsda, None)?;
        assert_eq!(
            back,
            -fraction("2003-11-01", "2004-05-01", DayCount::ActActIsda, None)?
        );
        Ok(())
    }

    #[test]
    fn thirty_360_variants_by_hand() -> Result<()> {
        // 31 Jan 2024 - 29 Feb 2024 (leap year):
        // 30/360: D1 31->30, D2 29 stays: 30*1 + (29-30) = 29.
        // 30/360-US: same, start is not the last of February: 29.
        // 30E/360: 29.  30E/360-ISDA: D2 last of Feb -> 30: 30*1 + 0 = 30.
        let (s, e) = ("2024-01-31", "2024-02-29");
        assert_eq!(
            fraction(s, e, DayCount::Thirty360BondBasis, None)?,
            ratio(29, 360)
        );
        assert_eq!(fraction(s, e, DayCount::Thirty360Us, None)?, ratio(29, 360));
        assert_eq!(
            fraction(s, e, DayCount::Thirty360European, None)?,
            ratio(29, 360)
        );
        assert_eq!(
            fraction(s, e, DayCount::Thirty360EuropeanIsda, None)?,
            ratio(30, 360)
        );
        // ... unless 29 Feb is the maturity: 29.
        assert_eq!(
            fraction(s, e, DayCount::Thirty360EuropeanIsda, Some(e))?,
            ratio(29, 360)
        );
        // 28 Feb 2023 - 31 Mar 2023:
        // 30/360: D1 28, D2 31 stays (D1 < 30): 30 + 3 = 33.
        // 30/360-US: D1 last of Feb -> 30, then D2 31 -> 30: 30 + 0 = 30.
        // 30E/360: D2 -> 30: 30 + 2 = 32.   30E/360-ISDA: D1 -> 30, D2 -> 30: 30.
        let (s, e) = ("2023-02-28", "2023-03-31");
        assert_eq!(
            fraction(s, e, DayCount::Thirty360BondBasis, None)?,
            ratio(33, 360)
        );
        assert_eq!(fraction(s, e, DayCount::Thirty360Us, None)?, ratio(30, 360));
        assert_eq!(
            fraction(s, e, DayCount::Thirty360European, None)?,
            ratio(32, 360)
        );
        assert_eq!(
            fraction(s, e, DayCount::Thirty360EuropeanIsda, None)?,
            ratio(30, 360)
        );
        Ok(())
    }

    #[test]
    fn actual_counts_by_hand() -> Result<()> {
        // 1 Jan 2024 - 1 Apr 2024 is 31 + 29 + 31 = 91 days.
        let (s, e) = ("2024-01-01", "2024-04-01");
        assert_eq!(fraction(s, e, DayCount::Act360, None)?, ratio(91, 360));
        assert_eq!(fraction(s, e, DayCount::Act365Fixed, None)?, ratio(91, 365));
        assert_eq!(fraction(e, s, DayCount::Act360, None)?, ratio(-91, 360));
        Ok(())
    }

    #[test]
    fn names_round_trip() {
        for dc in DayCount::ALL {
            assert_eq!(dc.name().parse::<DayCount>().ok(), Some(dc));
        }
        let e = "ACT/365".parse::<DayCount>().unwrap_err();
        assert_eq!(e.code(), ErrorCode::UnknownDayCount);
    }
}
