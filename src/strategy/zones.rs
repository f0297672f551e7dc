//! Local time in the debtor's IANA time zone. The core holds no time-zone database: it asks
//! the host. In wasm the bindings install one that reads the host's data through `Intl`
//! (`src/js/zones.rs`); natively it is jiff's reading of the IANA database.
//!
//! Asking the host is slow in wasm (a few microseconds through `Intl`), and a decision asks
//! dozens of times, so answers are kept per zone and UTC day: the offsets at the day's two
//! midnights, and when they differ the second of the change, found by bisection. That assumes
//! a zone changes its offset at most once a day, which holds for every zone of the IANA
//! database from 1900 to 2199.

use super::instant::Instant;
use crate::error::{Error, ErrorCode, Result};
use crate::ledger::records::FastMap;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::cell::RefCell;
use std::sync::OnceLock;

/// How the host answers: the offset east of UTC, in seconds, of zone `name` at an instant
/// (seconds since 1970-01-01 UTC); `unknown_time_zone` for a name it does not know.
pub type OffsetOf = fn(name: &str, at: i64) -> Result<i32>;

static HOST: OnceLock<OffsetOf> = OnceLock::new();

/// The most days kept; past it the memo starts again.
const MAX_DAYS_KEPT: usize = 100_000;

/// The offsets of one zone on one UTC day.
#[derive(Clone, Copy)]
enum Day {
    /// One offset all day.
    Fixed(i32),
    /// `before` until the second `at`, `after` from it.
    Changes { at: i64, before: i32, after: i32 },
}

thread_local! {
    /// The days asked for, per zone.
    static DAYS: RefCell<FastMap<String, FastMap<i64, Day>>> = RefCell::new(FastMap::default());
}

/// Installs the host's time zones; the first call wins. The wasm bindings call it on load.
///
/// ```
/// fn utc(_: &str, _: i64) -> arrears::Result<i32> { Ok(0) }
/// arrears::strategy::zones::install(utc);
/// ```
pub fn install(offset_of: OffsetOf) {
    let _ = HOST.set(offset_of);
}

fn host() -> Result<OffsetOf> {
    if let Some(host) = HOST.get() {
        return Ok(*host);
    }
    #[cfg(not(target_arch = "wasm32"))]
    return Ok(native);
    #[cfg(target_arch = "wasm32")]
    Err(crate::error::internal("no time-zone data was installed"))
}

/// jiff's reading of the IANA time-zone database (its copy bundled in the native build).
#[cfg(not(target_arch = "wasm32"))]
fn native(name: &str, at: i64) -> Result<i32> {
    let zone = jiff::tz::TimeZone::get(name).map_err(|_| unknown(name))?;
    let at = jiff::Timestamp::from_second(at)
        .map_err(|_| crate::error::internal("an instant out of range"))?;
    Ok(zone.to_offset(at).seconds())
}

/// `unknown_time_zone` for `name`.
///
/// ```
/// let e = arrears::strategy::zones::unknown("Mars/Olympus");
/// assert_eq!(e.code().as_str(), "unknown_time_zone");
/// ```
pub fn unknown(name: &str) -> Error {
    let message = format!(
        "{} is not an IANA time zone such as \"America/New_York\"",
        crate::error::quoted(name)
    );
    Error::new(ErrorCode::UnknownTimeZone, message)
}

/// Names refused as time zones everywhere, so that no answer depends on which host is asked
/// (`*` ends a prefix): placeholders for a zone that is not known, which jiff knows and V8's
/// Intl does not (`Factory`, the IANA database's zone of a machine whose zone is not set;
/// `Etc/Unknown`, CLDR's), and names the IANA database has removed that ICU still knows
/// (`SystemV/*` and `US/Pacific-New` in release 2020b, `Canada/East-Saskatchewan` in 2017c;
/// the database's NEWS file).
///
/// ```
/// assert!(arrears::strategy::zones::NOT_ZONES.contains(&"Factory"));
/// ```
pub const NOT_ZONES: [&str; 5] = [
    "Factory",
    "Etc/Unknown",
    "SystemV/*",
    "US/Pacific-New",
    "Canada/East-Saskatchewan",
];

/// A debtor's time zone, checked.
///
/// ```
/// let zone = arrears::strategy::zones::Zone::new("Europe/London")?;
/// let at: arrears::strategy::Instant = "2026-07-01T12:00:00Z".parse()?;
/// assert_eq!(zone.offset(at)?, 3600);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Zone {
    name: String,
    offset_of: OffsetOf,
}

impl Zone {
    /// The zone `name`, known to the host. Names are IANA names, which begin with a letter:
    /// offsets such as `+05:00`, which some hosts take as zones, are not; nor are the
    /// [`NOT_ZONES`], which one host knows and another does not.
    ///
    /// # Errors
    /// `unknown_time_zone` for a name the host does not know.
    pub fn new(name: &str) -> Result<Zone> {
        let offset_of = host()?;
        let matches = |pattern: &&str| match pattern.strip_suffix('*') {
            Some(prefix) => name
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix)),
            None => name.eq_ignore_ascii_case(pattern),
        };
        if !name.starts_with(|c: char| c.is_ascii_alphabetic())
            || name.len() > 64
            || NOT_ZONES.iter().any(matches)
        {
            return Err(unknown(name));
        }
        let zone = Zone {
            name: name.to_owned(),
            offset_of,
        };
        zone.offset(Instant(0))?;
        Ok(zone)
    }

    /// The zone's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The offset east of UTC at `at`, in seconds.
    ///
    /// # Errors
    /// Those of the host.
    pub fn offset(&self, at: Instant) -> Result<i32> {
        let day = at.0.div_euclid(86_400);
        let known =
            DAYS.with_borrow(|days| days.get(&self.name).and_then(|d| d.get(&day)).copied());
        let found = match known {
            Some(found) => found,
            None => {
                let found = self.day(day)?;
                DAYS.with_borrow_mut(|days| {
                    if days.values().map(FastMap::len).sum::<usize>() >= MAX_DAYS_KEPT {
                        days.clear();
                    }
                    days.entry(self.name.clone())
                        .or_default()
                        .insert(day, found);
                });
                found
            }
        };
        Ok(match found {
            Day::Fixed(offset) => offset,
            Day::Changes {
                at: change,
                before,
                after,
            } => match at.0 < change {
                true => before,
                false => after,
            },
        })
    }

    /// The offsets of UTC day `day`, asked of the host.
    fn day(&self, day: i64) -> Result<Day> {
        let ask = |at: i64| (self.offset_of)(&self.name, at);
        let start = day * 86_400;
        let (before, after) = (ask(start)?, ask(start + 86_400)?);
        if before == after {
            return Ok(Day::Fixed(before));
        }
        // The first second with the new offset, in (start, start + 86,400].
        let (mut low, mut high) = (start, start + 86_400);
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            match ask(middle)? == before {
                true => low = middle,
                false => high = middle,
            }
        }
        Ok(Day::Changes {
            at: high,
            before,
            after,
        })
    }

    /// `at` with the zone's offset then, to be shown in local time.
    pub(crate) fn at(&self, at: Instant) -> Result<super::LocalInstant> {
        Ok(super::LocalInstant {
            at,
            offset: self.offset(at)?,
        })
    }

    /// The local date and time at `at`.
    pub(crate) fn local(&self, at: Instant) -> Result<NaiveDateTime> {
        Ok(at.local(self.offset(at)?))
    }

    /// The local date at `at`.
    pub(crate) fn date(&self, at: Instant) -> Result<NaiveDate> {
        Ok(self.local(at)?.date())
    }

    /// The instant at which the local clock reads `time` on `date`, disambiguated as
    /// Temporal's `compatible` does: in a fall-back overlap the earlier instant; in a
    /// spring-forward gap the wall time under the offset before the change (02:30 in a gap
    /// from 02:00 to 03:00 is 03:30).
    pub(crate) fn instant(&self, date: NaiveDate, time: NaiveTime) -> Result<Instant> {
        let naive = Instant::at_offset(date, time, 0);
        let wanted = date.and_time(time);
        // No zone changes its offset twice within a day: the offsets a day either side
        // are the two the local time can have.
        let before = self.offset(Instant(naive.0 - 86_400))?;
        let after = self.offset(Instant(naive.0 + 86_400))?;
        let mut valid = Vec::new();
        for offset in [before, after] {
            let candidate = Instant::at_offset(date, time, offset);
            if self.local(candidate)? == wanted {
                valid.push(candidate);
            }
        }
        Ok(valid
            .into_iter()
            .min()
            .unwrap_or(Instant::at_offset(date, time, before)))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn at(text: &str) -> Instant {
        text.parse().unwrap_or(Instant(0))
    }

    /// New York moves from UTC−5 to UTC−4 at 02:00 on 8 March 2026 (the second Sunday of
    /// March) and back at 02:00 on 1 November 2026 (the first Sunday of November); London
    /// from UTC to UTC+1 at 01:00 UTC on 29 March 2026. India is UTC+5:30 all year.
    #[test]
    fn offsets_follow_the_daylight_saving_rules() -> Result<()> {
        let new_york = Zone::new("America/New_York")?;
        assert_eq!(new_york.offset(at("2026-03-08T06:59:59Z"))?, -5 * 3600);
        assert_eq!(new_york.offset(at("2026-03-08T07:00:00Z"))?, -4 * 3600);
        assert_eq!(new_york.offset(at("2026-11-01T05:59:59Z"))?, -4 * 3600);
        assert_eq!(new_york.offset(at("2026-11-01T06:00:00Z"))?, -5 * 3600);
        let london = Zone::new("Europe/London")?;
        assert_eq!(london.offset(at("2026-03-29T00:59:59Z"))?, 0);
        assert_eq!(london.offset(at("2026-03-29T01:00:00Z"))?, 3600);
        assert_eq!(
            Zone::new("Asia/Kolkata")?.offset(at("2026-03-29T01:00:00Z"))?,
            19800
        );
        assert_eq!(
            Zone::new("Mars/Olympus").err().map(|e| e.code()),
            Some(ErrorCode::UnknownTimeZone)
        );
        Ok(())
    }

    #[test]
    fn local_times_become_instants_across_the_changes() -> Result<()> {
        let new_york = Zone::new("America/New_York")?;
        let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap_or(NaiveTime::MIN);
        assert_eq!(
            new_york.instant(parse_date("2026-03-08")?, eight)?,
            at("2026-03-08T12:00:00Z")
        );
        assert_eq!(
            new_york.instant(parse_date("2026-03-07")?, eight)?,
            at("2026-03-07T13:00:00Z")
        );
        // 02:30 on 8 March does not exist: the clock goes from 02:00 to 03:00 (07:00 UTC).
        let half_past_two = NaiveTime::from_hms_opt(2, 30, 0).unwrap_or(NaiveTime::MIN);
        assert_eq!(
            new_york.instant(parse_date("2026-03-08")?, half_past_two)?,
            at("2026-03-08T07:30:00Z")
        );
        // 01:30 on 1 November happens twice: the earlier, at UTC−4.
        let half_past_one = NaiveTime::from_hms_opt(1, 30, 0).unwrap_or(NaiveTime::MIN);
        assert_eq!(
            new_york.instant(parse_date("2026-11-01")?, half_past_one)?,
            at("2026-11-01T05:30:00Z")
        );
        Ok(())
    }
}
