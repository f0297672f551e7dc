//! Writes what the npm package is generated from: `arrears.schema.json` (every input and
//! output type, JSON Schema 2020-12), `policy.schema.json` (the policy document alone, to
//! validate policies with any JSON Schema tool) and `registry.json` (every entry point with
//! its doc and types, and every error code), into the directory given as the only argument.
//!
//! ```sh
//! cargo run -p arrears-describe -- target/describe
//! ```

use arrears::json::{to_string, Schemas, Value};
use arrears::ErrorCode;
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .ok_or("usage: arrears-describe OUT_DIR")?;
    let out = Path::new(&out);
    std::fs::create_dir_all(out)?;
    let mut schemas = Schemas::new();
    let entries = arrears::api::describe(&mut schemas);
    let definitions = schemas
        .definitions()
        .iter()
        .map(|(name, schema)| (name.clone(), schema.clone()));
    let schema = Value::object([
        (
            "$schema",
            "https://json-schema.org/draft/2020-12/schema".into(),
        ),
        ("title", "arrears".into()),
        (
            "description",
            "The inputs and outputs of every entry point of the arrears package.".into(),
        ),
        ("$defs", Value::Object(definitions.collect())),
    ]);
    std::fs::write(out.join("arrears.schema.json"), to_string(&schema)?)?;
    std::fs::write(out.join("policy.schema.json"), to_string(&policy_schema())?)?;
    let entries = entries.into_iter().map(|e| {
        Value::object([
            ("name", e.name.into()),
            ("doc", e.doc.as_str().into()),
            ("input", e.input),
            ("output", e.output),
        ])
    });
    let codes = ErrorCode::ALL.iter().map(|code| {
        Value::object([
            ("code", code.as_str().into()),
            ("meaning", one_paragraph(code.meaning()).as_str().into()),
        ])
    });
    let limits = [
        (
            "maxInputBytes",
            Value::number(arrears::limits::MAX_INPUT_BYTES),
        ),
        (
            "maxOutputBytes",
            Value::number(arrears::limits::MAX_OUTPUT_BYTES),
        ),
        ("maxDepth", Value::number(arrears::limits::MAX_DEPTH)),
    ];
    let registry = Value::object([
        ("version", env!("CARGO_PKG_VERSION").into()),
        ("limits", Value::object(limits)),
        ("entryPoints", Value::Array(entries.collect())),
        ("errorCodes", Value::Array(codes.collect())),
    ]);
    std::fs::write(out.join("registry.json"), to_string(&registry)?)?;
    Ok(())
}

/// The schema of a policy document, as the engine reads it.
fn policy_schema() -> Value {
    let mut schemas = Schemas::new();
    let root = <arrears::policy::Policy as arrears::json::Describe>::describe(&mut schemas);
    let definitions = schemas
        .definitions()
        .iter()
        .map(|(name, schema)| (name.clone(), schema.clone()));
    Value::object([
        ("$schema", "https://json-schema.org/draft/2020-12/schema".into()),
        ("title", "arrears policy".into()),
        ("description", "A collection policy document of arrears, version 1: fees, interest, compensation, settlement terms, segments, ladders, events and compliance rules (docs/strategy.md).".into()),
        ("$ref", root.get("$ref").cloned().unwrap_or(Value::Null)),
        ("$defs", Value::Object(definitions.collect())),
    ])
}

/// A doc comment's lines joined into one paragraph.
fn one_paragraph(doc: &str) -> String {
    doc.split_whitespace().collect::<Vec<_>>().join(" ")
}
