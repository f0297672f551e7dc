//! The JSON reader against serde_json on any text: both accept it or both refuse it, and
//! what both accept reads as the same value, and writes back as text serde_json reads the
//! same. Texts nested deeper than the reader's limit are left out (serde_json's is 128).
#![no_main]

use arrears::json::{from_str_any, to_string, Value};
use libfuzzer_sys::fuzz_target;

fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        // serde_json normalises numbers (`1E2` as 100.0) and, without its `float_roundtrip`
        // feature, may be one unit in the last place off; compare by value, to 1e-12.
        (Value::Number(a), serde_json::Value::Number(b)) => {
            let (x, y) = (a.parse::<f64>().unwrap_or(f64::NAN), b.as_f64().unwrap_or(f64::NAN));
            a == &b.to_string() || x == y || ((x - y) / x).abs() < 1e-12
        }
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            // serde_json keeps the last of repeated keys; so does this map.
            let last: std::collections::HashMap<&str, &Value> =
                a.iter().map(|(k, v)| (k.as_str(), v)).collect();
            last.len() == b.len() && b.iter().all(|(k, w)| last.get(k.as_str()).is_some_and(|v| same(v, w)))
        }
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match from_str_any::<Value>(text) {
        Ok(ours) => {
            let theirs = match theirs {
                Ok(theirs) => theirs,
                // serde_json refuses a number beyond f64 (`1e400`); JSON.parse reads it as
                // Infinity, and this reader keeps its text for the field that reads it to judge.
                Err(e) if e.to_string().starts_with("number out of range") => return,
                Err(e) => panic!("serde_json refuses what we read: {e}"),
            };
            assert!(same(&ours, &theirs), "{ours:?} vs {theirs:?}");
            let written = to_string(&ours).unwrap_or_default();
            let again: serde_json::Value = serde_json::from_str(&written).unwrap_or_else(|e| panic!("{e}: {written}"));
            assert!(same(&ours, &again));
        }
        Err(e) if e.code() == arrears::ErrorCode::LimitExceeded => {}
        Err(e) => assert!(theirs.is_err(), "we refuse what serde_json reads: {e}"),
    }
});
