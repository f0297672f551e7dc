//! Instants: points in time, read and written as RFC 3339 with an offset
//! (`2026-12-03T08:00:00-05:00`), kept as whole seconds since 1970-01-01 UTC.

use crate::error::{quoted, Error, ErrorCode, Result};
use crate::json::{Decode, Describe, Encode, Reader, Schemas, Value, Writer};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::fmt;

/// A point in time, to the second.
///
/// ```
/// use arrears::strategy::Instant;
/// let at: Instant = "2026-12-03T08:00:00-05:00".parse()?;
/// assert_eq!(at.to_string(), "2026-12-03T13:00:00Z");
/// assert_eq!("2026-12-03T08:00:00".parse::<Instant>().unwrap_err().code().as_str(), "invalid_instant");
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub i64);

impl Instant {
    /// The instant at local `time` on `date` in a zone `offset` seconds east of UTC.
    pub(crate) fn at_offset(date: NaiveDate, time: NaiveTime, offset: i32) -> Instant {
        let local = date.and_time(time).and_utc().timestamp();
        Instant(local - i64::from(offset))
    }

    /// The local date and time in a zone `offset` seconds east of UTC.
    pub(crate) fn local(self, offset: i32) -> NaiveDateTime {
        let seconds = self.0 + i64::from(offset);
        chrono::DateTime::from_timestamp(seconds, 0).map_or(NaiveDateTime::MIN, |d| d.naive_utc())
    }

    /// RFC 3339 with the local offset: `2026-12-03T08:00:00-05:00`. An offset with seconds
    /// (local mean time before a zone took standard time, −11:22:48 in Pago Pago in 1900),
    /// which RFC 3339 cannot write, is shown to the nearest minute with the local time that
    /// goes with it, so the text still names this instant.
    pub(crate) fn with_offset(self, offset: i32) -> String {
        let offset = (offset + 30).div_euclid(60) * 60;
        let local = self.local(offset);
        let sign = if offset < 0 { '-' } else { '+' };
        let minutes = offset.unsigned_abs() / 60;
        let time = local.time();
        format!(
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            local.date(),
            time.hour(),
            time.minute(),
            time.second(),
            minutes / 60,
            minutes % 60
        )
    }
}

impl std::str::FromStr for Instant {
    type Err = Error;

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; the offset is required.
    fn from_str(text: &str) -> Result<Instant> {
        let invalid = || {
            let message = format!(
                "{} is not an instant with an offset such as \"2026-12-03T08:00:00-05:00\" (RFC 3339)",
                quoted(text)
            );
            Error::new(ErrorCode::InvalidInstant, message)
        };
        let (date, rest) = text.split_once(['T', 't']).ok_or_else(invalid)?;
        let date = crate::dates::parse_date(date).map_err(|e| match e.code() {
            ErrorCode::OutOfRange => e,
            _ => invalid(),
        })?;
        let (time, offset) = match rest.strip_suffix(['Z', 'z']) {
            Some(time) => (time, 0),
            None => {
                let at = rest.rfind(['+', '-']).ok_or_else(invalid)?;
                let (time, offset) = rest.split_at(at);
                let sign = if offset.starts_with('-') { -1 } else { 1 };
                let (hours, minutes) = offset
                    .get(1..)
                    .and_then(|o| o.split_once(':'))
                    .ok_or_else(invalid)?;
                let number = |s: &str| (s.len() == 2).then(|| s.parse::<i32>().ok()).flatten();
                let (hours, minutes) = number(hours).zip(number(minutes)).ok_or_else(invalid)?;
                if hours > 23 || minutes > 59 {
                    return Err(invalid());
                }
                (time, sign * (hours * 3600 + minutes * 60))
            }
        };
        let whole = time.split_once('.').map_or(time, |(whole, fraction)| {
            if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                ""
            } else {
                whole
            }
        });
        let parts: Vec<u32> = whole
            .split(':')
            .filter_map(|p| (p.len() == 2).then(|| p.parse().ok()).flatten())
            .collect();
        let time = match parts[..] {
            [h, m, s] => NaiveTime::from_hms_opt(h, m, s).ok_or_else(invalid)?,
            _ => return Err(invalid()),
        };
        Ok(Instant::at_offset(date, time, offset))
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.with_offset(0);
        f.write_str(text.strip_suffix("+00:00").unwrap_or(&text))?;
        f.write_str("Z")
    }
}

impl crate::json::Blank for Instant {
    fn blank() -> Instant {
        Instant(0)
    }
}

impl Decode<'_> for Instant {
    fn decode(reader: &mut Reader<'_>) -> Result<Instant> {
        reader
            .string("an instant such as \"2026-12-03T08:00:00-05:00\"")?
            .parse()
    }
}

impl Encode for Instant {
    fn encode(&self, writer: &mut Writer) {
        writer.string(&self.to_string());
    }
}

impl Describe for Instant {
    fn describe(schemas: &mut Schemas) -> Value {
        schemas.define("Instant", |_| {
            Value::object([
                ("type", "string".into()),
                ("format", "date-time".into()),
                (
                    "description",
                    "An instant, RFC 3339 with its offset: \"2026-12-03T08:00:00-05:00\" or \"...Z\".".into(),
                ),
            ])
        })
    }
}

/// The date of `date` shifted by `days`.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(chrono::TimeDelta::days(days))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_their_offsets() -> Result<()> {
        for (text, utc) in [
            ("2026-03-08T07:00:00Z", "2026-03-08T07:00:00Z"),
            ("2026-03-08T02:30:00-05:00", "2026-03-08T07:30:00Z"),
            ("2026-03-08T13:00:00.123+05:30", "2026-03-08T07:30:00Z"),
            ("2024-02-29t23:59:59z", "2024-02-29T23:59:59Z"),
        ] {
            assert_eq!(text.parse::<Instant>()?.to_string(), utc, "{text}");
        }
        for bad in [
            "2026-03-08 07:00:00Z",
            "2026-03-08T07:00Z",
            "2026-03-08T07:00:00+5:00",
            "2026-03-08T25:00:00Z",
            "2026-02-30T07:00:00Z",
            "x",
        ] {
            assert_eq!(
                bad.parse::<Instant>().err().map(|e| e.code()),
                Some(ErrorCode::InvalidInstant),
                "{bad}"
            );
        }
        let at: Instant = "2026-03-08T07:30:00Z".parse()?;
        assert_eq!(at.with_offset(-5 * 3600), "2026-03-08T02:30:00-05:00");
        assert_eq!(at.with_offset(5 * 3600 + 1800), "2026-03-08T13:00:00+05:30");
        // Local mean time with seconds (Pago Pago −11:22:48, Amsterdam +0:19:32 before 1937):
        // the nearest minute, and the text still names the same instant.
        let lmt: Instant = "1900-01-03T00:00:00Z".parse()?;
        assert_eq!(lmt.with_offset(-40_968), "1900-01-02T12:37:00-11:23");
        assert_eq!(lmt.with_offset(1_172), "1900-01-03T00:20:00+00:20");
        for offset in [-40_968, -40_950, 1_172, 1_150, -30, 29] {
            assert_eq!(lmt.with_offset(offset).parse::<Instant>()?, lmt, "{offset}");
        }
        Ok(())
    }
}
