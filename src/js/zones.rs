//! The host's time zones through `Intl.DateTimeFormat`, for the core's [`zones`]: the local
//! clock of a zone at an instant, read with `formatToParts`, less the instant is its offset.
//! One formatter per zone is kept; a name `Intl` refuses is `unknown_time_zone`.
//!
//! [`zones`]: crate::strategy::zones

use crate::strategy::zones::unknown;
use crate::strategy::Instant;
use chrono::NaiveDate;
use js_sys::{Array, Date, Intl::DateTimeFormat, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locale, options)`, which throws a `RangeError` for a time zone the
    /// host does not know (caught, where js-sys's constructor would let it through).
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat, catch)]
    fn date_time_format(locale: &str, options: &Object) -> Result<DateTimeFormat, JsValue>;
}

thread_local! {
    static FORMATS: RefCell<HashMap<String, DateTimeFormat>> = RefCell::new(HashMap::new());
}

/// The offset east of UTC, in seconds, of zone `name` at `at` (seconds since 1970 UTC).
pub(super) fn offset_of(name: &str, at: i64) -> crate::Result<i32> {
    let format = match FORMATS.with_borrow(|formats| formats.get(name).cloned()) {
        Some(format) => format,
        None => {
            let format = formatter(name)?;
            FORMATS.with_borrow_mut(|formats| formats.insert(name.to_owned(), format.clone()));
            format
        }
    };
    // The Date from its RFC 3339 text (`2026-03-08T07:00:00Z`), which every engine reads
    // exactly (ECMA-262's date time string format), so no number of milliseconds is made.
    let date = Date::new(&JsValue::from_str(&Instant(at).to_string()));
    let parts = format.format_to_parts(&date);
    let local = local_seconds(&parts)
        .ok_or_else(|| crate::error::internal("Intl gave a date that cannot be read"))?;
    i32::try_from(local - at)
        .map_err(|_| crate::error::internal("Intl gave an offset out of range"))
}

/// A formatter of `name` giving every field as a number, on a 24-hour clock.
fn formatter(name: &str) -> crate::Result<DateTimeFormat> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into());
    let mut ok = set("timeZone", name).is_ok() && set("hourCycle", "h23").is_ok();
    for field in ["year", "month", "day", "hour", "minute", "second"] {
        ok &= set(field, "numeric").is_ok();
    }
    if !ok {
        return Err(crate::error::internal(
            "the options of Intl.DateTimeFormat could not be set",
        ));
    }
    date_time_format("en-US", &options).map_err(|_| unknown(name))
}

/// The local clock of `formatToParts`' parts as seconds since 1970 (as if it were UTC).
fn local_seconds(parts: &Array) -> Option<i64> {
    let mut fields = [0u32; 6];
    for part in parts.iter() {
        let text = |key: &str| Reflect::get(&part, &key.into()).ok()?.as_string();
        let slot = match text("type")?.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        fields[slot] = text("value")?.parse().ok()?;
    }
    let [year, month, day, hour, minute, second] = fields;
    // Older engines write midnight as 24 even on a 24-hour clock.
    let hour = hour % 24;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(
        date.and_hms_opt(hour, minute, second)?
            .and_utc()
            .timestamp(),
    )
}

#[cfg(test)]
mod tests {
    use super::offset_of;
    use crate::ErrorCode;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// New York is UTC−5 until 07:00 UTC on 8 March 2026 and UTC−4 from then; India is
    /// UTC+5:30 all year (1,772,953,200 is 2026-03-08T07:00:00Z).
    #[wasm_bindgen_test]
    fn the_host_gives_offsets_across_a_clock_change() {
        assert_eq!(
            offset_of("America/New_York", 1_772_953_199).ok(),
            Some(-5 * 3600)
        );
        assert_eq!(
            offset_of("America/New_York", 1_772_953_200).ok(),
            Some(-4 * 3600)
        );
        assert_eq!(offset_of("Asia/Kolkata", 0).ok(), Some(19_800));
        assert_eq!(
            offset_of("Mars/Olympus", 0).err().map(|e| e.code()),
            Some(ErrorCode::UnknownTimeZone)
        );
        // Asked again after the error, a known zone still answers.
        assert_eq!(offset_of("UTC", 0).ok(), Some(0));
    }
}
