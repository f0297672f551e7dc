//! The host's time zones through `Intl.DateTimeFormat`, for the core's [`zones`]: a zone's
//! offset at an instant, from js/zones.js. A name `Intl` refuses is `unknown_time_zone`.
//!
//! [`zones`]: crate::strategy::zones

use crate::strategy::zones::unknown;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/zones.js")]
extern "C" {
    /// The offset east of UTC, in whole seconds, of `zone` at `seconds` since 1970 UTC, or
    /// `None` for a zone the host does not know.
    #[wasm_bindgen(js_name = offsetOf)]
    fn host_offset(zone: &str, seconds: i64) -> Option<i32>;
}

/// The offset east of UTC, in seconds, of zone `name` at `at` (seconds since 1970 UTC).
pub(super) fn offset_of(name: &str, at: i64) -> crate::Result<i32> {
    let offset = host_offset(name, at).ok_or_else(|| unknown(name))?;
    // No zone is a day or more from UTC.
    if offset.abs() < 86_400 {
        Ok(offset)
    } else {
        Err(crate::error::internal("Intl gave an offset out of range"))
    }
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
        // At the ends of the supported years the local clock is in 2200 or 1899: Kathmandu is
        // UTC+5:45 at 2200-01-01T00:00:00Z (7,258,118,400), Los Angeles UTC−8 at
        // 1900-01-01T00:00:00Z (−2,208,988,800).
        assert_eq!(
            offset_of("Asia/Kathmandu", 7_258_118_400).ok(),
            Some(20_700)
        );
        assert_eq!(
            offset_of("America/Los_Angeles", -2_208_988_800).ok(),
            Some(-8 * 3600)
        );
    }
}
