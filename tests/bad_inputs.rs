//! The table of bad inputs (`tests/fixtures/bad_inputs.json`) over every entry point, each
//! with the error code and path it must give; the JS tests run the same table through the
//! package. Also: deep nesting, inputs that are not objects, and that the table touches
//! every entry point.

use arrears::api::ENTRY_POINTS;
use serde_json::Value;

fn table() -> Value {
    let text =
        std::fs::read_to_string("tests/fixtures/bad_inputs.json").unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn rows(table: &Value) -> Vec<Value> {
    table["bad"].as_array().cloned().unwrap_or_default()
}

#[test]
fn every_bad_input_gives_its_code_and_path() {
    let table = table();
    let rows = rows(&table);
    assert!(rows.len() >= 100, "{} rows", rows.len());
    let mut failures = Vec::new();
    for row in rows {
        let name = row["entry"].as_str().unwrap_or_default();
        let input = match row.get("text") {
            Some(text) => text.as_str().unwrap_or_default().to_owned(),
            None => row["input"].to_string(),
        };
        let (code, path) = (
            row["code"].as_str().unwrap_or_default(),
            row["path"].as_str().unwrap_or_default(),
        );
        match arrears::api::call(name, &input) {
            Ok(out) => failures.push(format!(
                "{name} {input}: expected {code} at '{path}', got {out}"
            )),
            Err(e) if e.code().as_str() != code || e.path() != path => failures.push(format!(
                "{name} {input}: expected {code} at '{path}', got {e}"
            )),
            Err(e) => assert!(!e.message().is_empty(), "{name}: empty message"),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_good_call_of_the_table_answers() {
    let table = table();
    for entry in ENTRY_POINTS {
        let good = &table["good"][entry.name];
        assert!(good.is_object(), "no good call for {}", entry.name);
        if let Err(e) = (entry.run)(&good.to_string()) {
            panic!("{}: {e}", entry.name);
        }
    }
}

#[test]
fn deep_nesting_is_refused_where_it_starts_without_recursing() {
    // The reader descends only where a type expects a list or an object, so nesting stops at
    // the first value of the wrong shape, however deep it goes.
    let nest = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    for entry in ENTRY_POINTS {
        for (input, code, path) in [
            (
                format!(r#"{{"x": {}}}"#, nest(100_000)),
                "unknown_field",
                "x",
            ),
            (
                format!(r#"{{"asOf": {}}}"#, nest(100_000)),
                "invalid_type",
                "asOf",
            ),
        ] {
            let e = (entry.run)(&input).err();
            let found = e.map(|e| (e.code().as_str(), e.path()));
            // Not every entry point has `asOf`: then that field is unknown.
            let expected = [(code, path.to_owned()), ("unknown_field", path.to_owned())];
            assert!(
                found.as_ref().is_some_and(|f| expected.contains(f)),
                "{}: {found:?}",
                entry.name
            );
        }
    }
}

#[test]
fn every_entry_point_rejects_what_is_not_an_object() {
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    for entry in ENTRY_POINTS {
        let name = entry.name;
        for (input, code) in [
            ("[]", "invalid_input"),
            ("42", "invalid_input"),
            ("", "invalid_input"),
            (deep.as_str(), "invalid_input"),
        ] {
            let e = (entry.run)(input).expect_err(name);
            assert_eq!(
                e.code().as_str(),
                code,
                "{name} {}",
                &input[..input.len().min(20)]
            );
        }
    }
}

#[test]
fn the_table_covers_every_entry_point() {
    let rows = rows(&table());
    for entry in ENTRY_POINTS {
        assert!(
            rows.iter().any(|row| row["entry"] == entry.name),
            "no bad input for {}",
            entry.name
        );
    }
}
