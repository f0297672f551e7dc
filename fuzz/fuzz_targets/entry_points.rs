//! Any text to any entry point: the first byte picks the entry point, the rest is its input.
//! Every entry point must answer or fail with a code, never panic nor report `internal`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(json) = std::str::from_utf8(rest) else {
        return;
    };
    let entry_points = arrears::api::ENTRY_POINTS;
    let entry = entry_points[usize::from(pick) % entry_points.len()];
    if let Err(e) = (entry.run)(json) {
        assert_ne!(e.code(), arrears::ErrorCode::Internal, "{}: {e}", entry.name);
    }
});
