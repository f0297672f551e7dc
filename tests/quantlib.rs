//! arrears against QuantLib: every row of the tables in tests/fixtures/quantlib, written by
//! generate.py with the QuantLib PyPI package (version in each file's first line).

use arrears::dates::{
    add_business_days, adjust, business_days_between, parse_date, year_fraction, Calendar,
    Convention, DayCount,
};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The rows of a fixture, as fields by column name.
fn table(name: &str) -> Result<Vec<BTreeMap<String, String>>, Box<dyn std::error::Error>> {
    let path = format!(
        "{}/tests/fixtures/quantlib/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path)?;
    let mut lines = text.lines().filter(|line| !line.starts_with('#'));
    let header: Vec<&str> = lines.next().ok_or("no header")?.split(',').collect();
    Ok(lines
        .map(|line| {
            header
                .iter()
                .zip(line.split(','))
                .map(|(column, field)| ((*column).to_owned(), field.to_owned()))
                .collect()
        })
        .collect())
}

fn field<'a>(row: &'a BTreeMap<String, String>, column: &str) -> Result<&'a str, String> {
    row.get(column)
        .map(String::as_str)
        .ok_or_else(|| format!("no column {column}"))
}

fn date(
    row: &BTreeMap<String, String>,
    column: &str,
) -> Result<NaiveDate, Box<dyn std::error::Error>> {
    Ok(parse_date(field(row, column)?)?)
}

#[test]
fn every_holiday_from_1901_to_2199() -> TestResult {
    let rows = table("holidays.csv")?;
    let (first, last) = (parse_date("1901-01-01")?, parse_date("2199-12-31")?);
    for name in ["US", "GB", "TARGET", "DE", "none"] {
        let expected: Vec<&str> = rows
            .iter()
            .filter(|row| row.get("calendar").map(String::as_str) == Some(name))
            .map(|row| field(row, "date"))
            .collect::<Result<_, _>>()?;
        let calendar = Calendar::builtin(name)?;
        let ours: Vec<String> = calendar
            .holidays(first, last)?
            .iter()
            .map(|h| h.date.to_string())
            .collect();
        assert_eq!(ours, expected, "{name}");
        // Weekends are never business days; every other day is one unless listed above.
        assert!(first
            .iter_days()
            .take(4000)
            .filter(|d| d.weekday().number_from_monday() >= 6)
            .all(|d| !calendar.is_business_day(d)));
    }
    Ok(())
}

#[test]
fn year_fractions_of_every_day_count() -> TestResult {
    let rows = table("year_fractions.csv")?;
    assert!(rows.len() > 2000);
    for row in &rows {
        let (start, end) = (date(row, "start")?, date(row, "end")?);
        let mut cases: Vec<(DayCount, Option<NaiveDate>, &str)> = DayCount::ALL
            .iter()
            .map(|dc| Ok((*dc, None, field(row, dc.name())?)))
            .collect::<Result<_, String>>()?;
        cases.push((
            DayCount::Thirty360EuropeanIsda,
            Some(end),
            field(row, "30E/360-ISDA maturity=end")?,
        ));
        for (day_count, maturity, expected) in cases {
            let expected: f64 = expected.parse()?;
            let ours: f64 = year_fraction(start, end, day_count, maturity)?
                .to_string()
                .parse()?;
            // QuantLib works in doubles; arrears divides once in 28-digit decimals.
            assert!(
                (ours - expected).abs() <= 1e-14 * expected.abs().max(1.0),
                "{start} {end} {day_count:?} {maturity:?}: {ours} != {expected}"
            );
        }
    }
    Ok(())
}

#[test]
fn adjust_advance_and_count_business_days() -> TestResult {
    let rows = table("business.csv")?;
    assert!(rows.len() >= 2500);
    for row in &rows {
        let calendar = Calendar::builtin(field(row, "calendar")?)?;
        let day = date(row, "date")?;
        for convention in Convention::ALL.into_iter().skip(1) {
            let expected = date(row, convention.name())?;
            assert_eq!(
                adjust(day, convention, &calendar)?,
                expected,
                "{row:?} {convention:?}"
            );
        }
        let days: i64 = field(row, "days")?.parse()?;
        assert_eq!(
            add_business_days(day, days, &calendar)?,
            date(row, "advanced")?,
            "{row:?}"
        );
        let between: i64 = field(row, "between")?.parse()?;
        let other = date(row, "other")?;
        assert_eq!(
            business_days_between(day, other, &calendar)?,
            between,
            "{row:?}"
        );
    }
    Ok(())
}
