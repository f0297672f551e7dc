//! `YYYY-MM-DD` dates in the range arrears accepts (1900-01-01 to 2199-12-31).

use crate::error::{quoted, Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Reader, Schemas, Value, Writer};
use crate::limits::{MAX_DATE, MIN_DATE};
use chrono::{Datelike, NaiveDate};

/// Parses a strict ISO 8601 calendar date, `YYYY-MM-DD`, within 1900-01-01..=2199-12-31.
///
/// # Errors
/// [`ErrorCode::InvalidDate`] when the text is not such a date (`2024-02-30`, `2024-2-3`),
/// [`ErrorCode::OutOfRange`] when it is a date outside the range.
///
/// ```
/// use arrears::dates::parse_date;
/// assert_eq!(parse_date("2024-02-29")?.to_string(), "2024-02-29");
/// assert_eq!(parse_date("2023-02-29").unwrap_err().code().as_str(), "invalid_date");
/// assert_eq!(parse_date("2200-01-01").unwrap_err().code().as_str(), "out_of_range");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    let invalid = || {
        let message = format!("{} is not a date of the form YYYY-MM-DD", quoted(text));
        Error::new(ErrorCode::InvalidDate, message)
    };
    if !shaped {
        return Err(invalid());
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    let year = i32::try_from(number(0..4)).map_err(|_| invalid())?;
    let date = NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)).ok_or_else(invalid)?;
    check_range(date)
}

/// Checks that `date` lies within 1900-01-01..=2199-12-31.
///
/// # Errors
/// [`ErrorCode::OutOfRange`] outside that range.
///
/// ```
/// use arrears::dates::check_range;
/// let d = chrono::NaiveDate::from_ymd_opt(1899, 12, 31).ok_or("no such date")?;
/// assert_eq!(check_range(d).unwrap_err().code().as_str(), "out_of_range");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_range(date: NaiveDate) -> Result<NaiveDate> {
    if (MIN_DATE..=MAX_DATE).contains(&date) {
        Ok(date)
    } else {
        Err(Error::new(
            ErrorCode::OutOfRange,
            format!("{date} is outside the supported range {MIN_DATE} to {MAX_DATE}"),
        ))
    }
}

impl Decode<'_> for NaiveDate {
    fn decode(reader: &mut Reader<'_>) -> Result<NaiveDate> {
        parse_date(&reader.string("a date such as \"2024-01-31\"")?)
    }
}

/// Dates are written `YYYY-MM-DD`; every date arrears makes has a four-digit year.
impl Encode for NaiveDate {
    #[inline(never)]
    fn encode(&self, writer: &mut Writer) {
        let mut text = *b"\"0000-00-00\"";
        let mut put = |end: usize, mut n: u32, digits: usize| {
            for at in (end - digits..end).rev() {
                if let Some(byte) = text.get_mut(at) {
                    *byte = b'0' + (n % 10) as u8;
                }
                n /= 10;
            }
        };
        put(5, self.year().unsigned_abs(), 4);
        put(8, self.month(), 2);
        put(11, self.day(), 2);
        writer.raw(std::str::from_utf8(&text).unwrap_or("null"));
    }
}

impl Describe for NaiveDate {
    fn describe(schemas: &mut Schemas) -> Value {
        schemas.define("IsoDate", |_| {
            Value::object([
                ("type", "string".into()),
                ("format", "date".into()),
                ("pattern", r"^\d{4}-\d{2}-\d{2}$".into()),
                (
                    "description",
                    "A calendar date, YYYY-MM-DD (ISO 8601), from 1900-01-01 to 2199-12-31.".into(),
                ),
            ])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_range_edges_and_leap_days() {
        assert_eq!(parse_date("1900-01-01"), Ok(MIN_DATE));
        assert_eq!(parse_date("2199-12-31"), Ok(MAX_DATE));
        assert!(parse_date("2000-02-29").is_ok());
        assert_eq!(
            parse_date("1900-02-29").unwrap_err().code(),
            ErrorCode::InvalidDate
        );
    }

    #[test]
    fn dates_are_written_as_they_are_read() -> Result<()> {
        for text in ["1900-01-01", "2024-02-29", "2199-12-31", "2000-10-09"] {
            assert_eq!(
                crate::json::to_string(&parse_date(text)?)?,
                format!("\"{text}\"")
            );
        }
        Ok(())
    }

    #[test]
    fn rejects_other_shapes() {
        for text in [
            "",
            "2024-1-01",
            "2024/01/01",
            "20240101",
            "2024-01-01T00:00:00Z",
            "+024-01-01",
            "２０２４-01-01",
        ] {
            assert_eq!(
                parse_date(text).unwrap_err().code(),
                ErrorCode::InvalidDate,
                "{text}"
            );
        }
        assert_eq!(
            parse_date("1899-12-31").unwrap_err().code(),
            ErrorCode::OutOfRange
        );
    }
}
