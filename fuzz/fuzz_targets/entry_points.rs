//! Any text to any entry point: the first byte picks the entry point, the rest is its input.
//! Every entry point must answer or fail with a code, never panic; and an input it answers
//! is within the depth limit (`api::decode` scans the depth only when parsing fails).
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
    let (name, entry_point) = entry_points[usize::from(pick) % entry_points.len()];
    match entry_point(json) {
        Ok(_) => assert!(arrears::api::check_shape(json).is_ok(), "{name} took a deep input"),
        Err(e) => assert_ne!(e.code(), arrears::ErrorCode::Internal, "{name}: {e}"),
    }
});
