//! The host's time zones through `Intl.DateTimeFormat`, for the core's [`zones`]: a zone's
//! local clock at an instant, from js/zones.js, less the instant is its offset. A name `Intl`
//! refuses is `unknown_time_zone`.
//!
//! [`zones`]: crate::strategy::zones

use crate::strategy::zones::unknown;
use crate::strategy::Instant;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/zones.js")]
extern "C" {
    /// The local clock of `zone` at `instant` (both RFC 3339, in UTC), or `None` for a zone
    /// the host does not know.
    #[wasm_bindgen(js_name = localClock)]
    fn local_clock(zone: &str, instant: &str) -> Option<String>;
}

/// The offset east of UTC, in seconds, of zone `name` at `at` (seconds since 1970 UTC).
pub(super) fn offset_of(name: &str, at: i64) -> crate::Result<i32> {
    let local = local_clock(name, &Instant(at).to_string()).ok_or_else(|| unknown(name))?;
    let local: Instant = local
        .parse()
        .map_err(|_| crate::error::internal("Intl gave a date that cannot be read"))?;
    i32::try_from(local.0 - at)
        .map_err(|_| crate::error::internal("Intl gave an offset out of range"))
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
