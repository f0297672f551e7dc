//! Small calls natively, on the inputs `node bench/calls.mjs --write` writes to
//! bench/data/calls.json (so Node and the native core run the very same inputs): `quote` for
//! one account of 20 invoices, `paymentPlan` of 360 installments, `settlementOffers` for one
//! account, and `charges` over the 100,000-invoice portfolio. Skipped when the file is missing.
//!
//!   cargo bench --bench calls

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn calls(c: &mut Criterion) {
    let path = format!("{}/bench/data/calls.json", env!("CARGO_MANIFEST_DIR"));
    let Some(all) = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
    else {
        eprintln!("bench/data/calls.json is missing: run node bench/calls.mjs --write");
        return;
    };
    let mut group = c.benchmark_group("calls");
    group.measurement_time(Duration::from_secs(10));
    for (name, call) in all.as_object().into_iter().flatten() {
        let entry = call[0].as_str().unwrap_or_default().to_owned();
        let input = call[1].to_string();
        if name.contains("100000") {
            group.sample_size(10);
        }
        group.bench_function(name.as_str(), |b| {
            b.iter(|| arrears::api::call(&entry, black_box(&input)))
        });
    }
    group.finish();
}

criterion_group!(benches, calls);
criterion_main!(benches);
