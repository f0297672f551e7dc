//! A table of bad inputs over every entry point, each with the error code and path it must
//! give. Also checks that the table touches every entry point.

use arrears::api::ENTRY_POINTS;

/// (entry point, input, expected code, expected path)
const CASES: &[(&str, &str, &str, &str)] = &[
    // Inputs that are not one plain object, for every entry point.
    ("yearFraction", "[]", "invalid_input", ""),
    ("yearFraction", "not json", "invalid_input", ""),
    (
        "yearFraction",
        r#"{"start":"2024-01-01","end":"2024-07-01"}"#,
        "missing_field",
        "dayCount",
    ),
    (
        "yearFraction",
        r#"{"start":"2024-01-01","end":"2024-07-01","dayCount":"ACT/999"}"#,
        "unknown_day_count",
        "dayCount",
    ),
    (
        "yearFraction",
        r#"{"start":"2024-13-01","end":"2024-07-01","dayCount":"ACT/360"}"#,
        "invalid_date",
        "start",
    ),
    (
        "yearFraction",
        r#"{"start":"1899-12-31","end":"2024-07-01","dayCount":"ACT/360"}"#,
        "out_of_range",
        "start",
    ),
    (
        "yearFraction",
        r#"{"start":"2024-01-01","end":"2024-07-01","dayCount":"ACT/360","extra":1}"#,
        "unknown_field",
        "extra",
    ),
    (
        "isBusinessDay",
        r#"{"date":"2024-07-04","calendar":"Mars"}"#,
        "unknown_calendar",
        "calendar",
    ),
    (
        "isBusinessDay",
        r#"{"date":"2024-07-04","calendar":{"base":"XX"}}"#,
        "unknown_calendar",
        "calendar.base",
    ),
    (
        "isBusinessDay",
        r#"{"date":"2024-07-04","calendar":{"weekend":["sat","caturday"]}}"#,
        "unknown_calendar",
        "calendar.weekend[1]",
    ),
    (
        "isBusinessDay",
        r#"{"date":"2024-07-04","calendar":{"holidays":["2024-01-01","2024-02-30"]}}"#,
        "invalid_date",
        "calendar.holidays[1]",
    ),
    (
        "isBusinessDay",
        r#"{"date":20240704,"calendar":"US"}"#,
        "invalid_type",
        "date",
    ),
    (
        "adjustDate",
        r#"{"date":"2024-07-04","convention":"sideways","calendar":"US"}"#,
        "unknown_convention",
        "convention",
    ),
    (
        "adjustDate",
        r#"{"date":"2024-07-04","calendar":"US"}"#,
        "missing_field",
        "convention",
    ),
    (
        "addBusinessDays",
        r#"{"date":"2024-07-04","days":1000000,"calendar":"US"}"#,
        "limit_exceeded",
        "days",
    ),
    (
        "addBusinessDays",
        r#"{"date":"2199-12-31","days":5,"calendar":"none"}"#,
        "out_of_range",
        "days",
    ),
    (
        "addBusinessDays",
        r#"{"date":"2024-07-04","days":1.5,"calendar":"US"}"#,
        "invalid_type",
        "days",
    ),
    (
        "businessDaysBetween",
        r#"{"start":"2024-07-04","calendar":"US"}"#,
        "missing_field",
        "end",
    ),
    (
        "holidays",
        r#"{"calendar":"GB","from":"2024-01-01","to":"2024-02-31"}"#,
        "invalid_date",
        "to",
    ),
    (
        "dueDate",
        r#"{"issueDate":"2024-01-31","terms":"Nte 30"}"#,
        "invalid_terms",
        "terms",
    ),
    (
        "dueDate",
        r#"{"issueDate":"2024-01-31"}"#,
        "missing_field",
        "terms",
    ),
    (
        "dueDate",
        r#"{"issueDate":"2024-01-31","terms":"Net 30","calendar":"Atlantis"}"#,
        "unknown_calendar",
        "calendar",
    ),
    (
        "discountedAmount",
        r#"{"amount":"1,000.00","terms":"2/10 Net 30","issueDate":"2024-01-01","paidOn":"2024-01-05"}"#,
        "invalid_amount",
        "amount",
    ),
    (
        "discountedAmount",
        r#"{"amount":"1000.00","terms":"2/10 Net 30","issueDate":"2024-01-01","paidOn":"2024-01-05","currency":"usd"}"#,
        "unknown_currency",
        "currency",
    ),
    ("agingBatch", "{\"asOf\":\"2024-03-01\",\"invoicesCsv\":\"id,customerId,issueDate,dueDate,amount,currency\\nA,acme,2024-01-01,2024-02-30,100,EUR\\n\"}", "invalid_date", "invoicesCsv:2:dueDate"),
    ("agingBatch", r#"{"asOf":"2024-03-01"}"#, "missing_field", "invoicesCsv"),
    ("aging", r#"{"asOf":"2024-03-01","invoices":[{"id":"A","customerId":"c","issueDate":"2024-01-01","dueDate":"2024-01-31","amount":"100.00","currency":"EUR"},{"id":"A","customerId":"c","issueDate":"2024-01-01","dueDate":"2024-01-31","amount":"100.00","currency":"EUR"}]}"#, "duplicate_id", "invoices[1].id"),
    ("aging", r#"{"asOf":"2024-03-01","invoices":[{"id":"A","customerId":"c","issueDate":"2024-01-01","dueDate":"2024-01-31","amount":"100.00","currency":"EUR"}],"allocation":"newestFirst"}"#, "unknown_option", "allocation"),
    ("paymentBehaviour", r#"{"invoices":[{"id":"A","customerId":"c","issueDate":"2024-01-01","dueDate":"2024-01-31","amount":"100.00","currency":"EUR"}]}"#, "missing_field", "asOf"),
    ("metrics", r#"{"asOf":"2024-03-01","periodDays":0,"invoices":[{"id":"A","customerId":"c","issueDate":"2024-01-01","dueDate":"2024-01-31","amount":"100.00","currency":"EUR"}]}"#, "out_of_range", "periodDays"),
];

fn run(name: &str, input: &str) -> arrears::Result<String> {
    arrears::api::call(name, input)
}

#[test]
fn every_bad_input_gives_its_code_and_path() {
    let mut failures = Vec::new();
    for (name, input, code, path) in CASES {
        match run(name, input) {
            Ok(out) => failures.push(format!(
                "{name} {input}: expected {code} at '{path}', got Ok {out}"
            )),
            Err(e) if e.code().as_str() != *code || e.path() != **path => failures.push(format!(
                "{name} {input}: expected {code} at '{path}', got {} at '{}' ({})",
                e.code(),
                e.path(),
                e.message()
            )),
            Err(e) => assert!(!e.message().is_empty(), "{name}: empty message"),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
    for entry in ENTRY_POINTS {
        assert!(
            CASES.iter().any(|(n, ..)| *n == entry.name),
            "no bad input for {}",
            entry.name
        );
    }
}
