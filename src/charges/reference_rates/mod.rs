//! The central banks' reference rates the statutory regimes build on, shipped as dated
//! tables (nothing is fetched at run time): the Bank of England's Bank Rate, the ECB's main
//! refinancing rate and the Deutsche Bundesbank's Basiszinssatz, from 2000 to the latest
//! published change found when the tables were made. Sources per row are in
//! `tests/fixtures/rates/README.md`.

mod tables;

use crate::json::{Describe, Encode};
use crate::policy::{ReferenceRate, Regime};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A reference rate table: dated rows with the date through which it is known to hold.
///
/// ```
/// use arrears::charges::reference_rates::{table, rate_on};
/// use arrears::policy::Regime;
/// let boe = table(Regime::UkLpa);
/// let day = arrears::dates::parse_date("2024-06-30")?;
/// assert_eq!(rate_on(&boe.rates, day).map(|r| r.to_string()).as_deref(), Some("0.0525"));
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Encode, Describe)]
pub struct RateTable {
    /// The last day the table is known to be complete: a later day uses the last rate, and
    /// says so.
    pub as_of: NaiveDate,
    /// Where the rates come from.
    pub source: String,
    /// Each rate from its first day on, rates as fractions a year.
    pub rates: Vec<ReferenceRate>,
}

/// The reference rate table of a regime's series.
///
/// ```
/// let ecb = arrears::charges::reference_rates::table(arrears::policy::Regime::Eu2011);
/// assert!(ecb.rates.len() > 50);
/// ```
pub fn table(regime: Regime) -> RateTable {
    let (rows, as_of, source): (&[(u16, u8, u8, i16)], _, _) = match regime {
        Regime::UkLpa => (
            &tables::BOE_BANK_RATE,
            (2026, 10, 6),
            "Bank of England, Official Bank Rate history (database series IUDBEDR)",
        ),
        Regime::Eu2011 | Regime::FrL441 => (
            &tables::ECB_MRO,
            (2026, 7, 1),
            "European Central Bank, key ECB interest rates: main refinancing operations \
             (fixed rate; minimum bid rate 2000-06-28 to 2008-10-14)",
        ),
        Regime::De288 => (
            &tables::BUNDESBANK_BASE,
            (2026, 12, 31),
            "Deutsche Bundesbank, Basiszinssatz gemäß §247 BGB (the DÜG rate before 2002)",
        ),
    };
    RateTable {
        as_of: date(as_of.0, as_of.1, as_of.2),
        source: source.to_owned(),
        rates: rows
            .iter()
            .map(|&(y, m, d, bp)| ReferenceRate {
                from: date(y, m, d),
                rate: Decimal::new(i64::from(bp), 4),
            })
            .collect(),
    }
}

fn date(year: u16, month: u8, day: u8) -> NaiveDate {
    // The tables hold real dates (a test reads every row); MIN only marks a broken row.
    NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
        .unwrap_or(NaiveDate::MIN)
}

/// The rate in force on `day`: the last row from on or before it; `None` before the first.
///
/// ```
/// use arrears::policy::ReferenceRate;
/// let rates = [ReferenceRate { from: arrears::dates::parse_date("2024-01-01")?, rate: "0.04".parse()? }];
/// let day = arrears::dates::parse_date("2023-12-31")?;
/// assert_eq!(arrears::charges::reference_rates::rate_on(&rates, day), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rate_on(rates: &[ReferenceRate], day: NaiveDate) -> Option<Decimal> {
    let after = rates.partition_point(|r| r.from <= day);
    after
        .checked_sub(1)
        .and_then(|i| rates.get(i))
        .map(|r| r.rate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_a_date_in_order_and_a_rate_in_range() {
        for regime in [Regime::UkLpa, Regime::Eu2011, Regime::De288] {
            let table = table(regime);
            assert!(table.rates.windows(2).all(|w| w[0].from < w[1].from));
            assert!(table.rates.iter().all(|r| r.from > NaiveDate::MIN));
            assert!(table
                .rates
                .iter()
                .all(|r| r.rate.abs() < Decimal::new(10, 2)));
            assert!(table
                .rates
                .first()
                .is_some_and(|r| r.from <= date(2000, 1, 1) || regime == Regime::De288));
            assert!(table.rates.last().is_some_and(|r| r.from <= table.as_of));
        }
    }

    /// Published figures, each from its issuer: the Bank of England cut Bank Rate to 0.1% on
    /// 19 March 2020 and raised it to 5.25% on 3 August 2023; the ECB's main refinancing
    /// rate was 0.00% from 16 March 2016 and 4.50% from 20 September 2023; the Bundesbank's
    /// Basiszinssatz was −0.88% from 1 July 2016 to 31 December 2022 and 3.62% from
    /// 1 January 2024.
    #[test]
    fn known_rates_of_the_issuers() {
        let day = |y, m, d| date(y, m, d);
        let at = |regime, d| rate_on(&table(regime).rates, d).map(|r| r.to_string());
        assert_eq!(
            at(Regime::UkLpa, day(2020, 3, 19)).as_deref(),
            Some("0.0010")
        );
        assert_eq!(
            at(Regime::UkLpa, day(2023, 8, 3)).as_deref(),
            Some("0.0525")
        );
        assert_eq!(
            at(Regime::Eu2011, day(2016, 3, 16)).as_deref(),
            Some("0.0000")
        );
        assert_eq!(
            at(Regime::Eu2011, day(2023, 9, 20)).as_deref(),
            Some("0.0450")
        );
        assert_eq!(
            at(Regime::De288, day(2022, 12, 31)).as_deref(),
            Some("-0.0088")
        );
        assert_eq!(
            at(Regime::De288, day(2024, 1, 1)).as_deref(),
            Some("0.0362")
        );
    }
}
