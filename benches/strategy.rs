//! The strategy natively: `nextAction` for one account per call (the default policy, as an
//! edge function calls it) and `nextActions` over a portfolio. The data comes from
//! `node bench/accounts.mjs N` (bench/data/accounts-N.json, as `bench/run.sh` writes it);
//! sizes missing there are skipped.
//!
//!   cargo bench --bench strategy          (ARREARS_BENCH_ACCOUNTS=10000 for another size)

use arrears::api::{next_action, next_actions};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use std::time::Duration;

fn portfolio(count: usize) -> Option<String> {
    let path = format!(
        "{}/bench/data/accounts-{count}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).ok()
}

/// The `nextAction` input of the portfolio's account `index`, with its history.
fn one_account(portfolio: &str, index: usize) -> Option<String> {
    let all: serde_json::Value = serde_json::from_str(portfolio).ok()?;
    let account = all["accounts"].get(index)?;
    let history: Vec<serde_json::Value> = all["history"]
        .as_array()?
        .iter()
        .filter(|h| h["accountId"] == account["id"])
        .map(|h| {
            let mut h = h.clone();
            h.as_object_mut().map(|o| o.remove("accountId"));
            h
        })
        .collect();
    Some(
        serde_json::json!({ "account": account, "history": history, "now": all["now"] })
            .to_string(),
    )
}

fn strategy(c: &mut Criterion) {
    let count = std::env::var("ARREARS_BENCH_ACCOUNTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let Some(text) = portfolio(count) else {
        eprintln!(
            "bench/data/accounts-{count}.json is missing: run node bench/accounts.mjs {count}"
        );
        return;
    };
    let mut group = c.benchmark_group("strategy");
    if let Some(one) = one_account(&text, 5) {
        group.bench_function("nextAction one account", |b| {
            b.iter(|| next_action(black_box(&one)))
        });
    }
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(40));
    group.bench_function(format!("nextActions {count}"), |b| {
        b.iter(|| next_actions(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, strategy);
criterion_main!(benches);
