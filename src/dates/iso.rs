//! `YYYY-MM-DD` dates in the range arrears accepts (1900-01-01 to 2199-12-31).

use crate::error::{coded_message, Error, ErrorCode, Result};
use crate::limits::{MAX_DATE, MIN_DATE};
use chrono::NaiveDate;

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
        let shown: String = text.chars().take(40).collect();
        Error::new(
            ErrorCode::InvalidDate,
            format!("'{shown}' is not a date of the form YYYY-MM-DD"),
        )
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

/// Serde helpers for `NaiveDate` fields written as `YYYY-MM-DD`.
pub(crate) mod serde_date {
    use super::*;
    use serde::{de, Deserialize, Deserializer, Serializer};

    /// Reads a date field, reporting the arrears code inside the serde error.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<NaiveDate, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse_date(&text).map_err(|e| de::Error::custom(coded_message(e.code(), e.message())))
    }

    /// Writes a date as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(
        date: &NaiveDate,
        s: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    /// The same for optional dates.
    pub mod option {
        use super::*;

        /// Reads an optional date field (absent or null is `None`).
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> std::result::Result<Option<NaiveDate>, D::Error> {
            #[derive(Deserialize)]
            struct Wrapped(#[serde(deserialize_with = "super::deserialize")] NaiveDate);
            Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(date)| date))
        }

        /// Writes an optional date (`None` as null).
        pub fn serialize<S: Serializer>(
            date: &Option<NaiveDate>,
            s: S,
        ) -> std::result::Result<S::Ok, S::Error> {
            match date {
                Some(date) => super::serialize(date, s),
                None => s.serialize_none(),
            }
        }
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
