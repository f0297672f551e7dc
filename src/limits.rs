//! The documented limits on every input. Over a limit is [`ErrorCode::LimitExceeded`],
//! with the limit in the message.
//!
//! [`ErrorCode::LimitExceeded`]: crate::ErrorCode::LimitExceeded

use chrono::NaiveDate;

/// The deepest nesting of objects and arrays an input may have, checked before parsing.
pub const MAX_DEPTH: usize = 32;
/// The largest JSON input, in bytes (1 GiB); a million invoices take about 130 MB.
pub const MAX_INPUT_BYTES: usize = 1 << 30;
/// The longest JSON answer, in bytes (256 MiB): a JS string holds at most 2^29 − 24 UTF-16
/// units in V8, and the answer must also be parsed. A report that would be longer is
/// `limit_exceeded`, before it is handed to JS.
pub const MAX_OUTPUT_BYTES: usize = 1 << 28;
/// The longest id, customer id or name, in bytes.
pub const MAX_ID_BYTES: usize = 256;
/// The longest payment-terms text, in bytes.
pub const MAX_TERMS_BYTES: usize = 200;
/// The longest amount text, in characters (digits, sign and point).
pub const MAX_AMOUNT_CHARS: usize = 32;
/// The most digits after the decimal point in an amount.
pub const MAX_AMOUNT_SCALE: u32 = 10;
/// The most dates in a custom calendar's `holidays` or `workdays`.
pub const MAX_CALENDAR_DATES: usize = 10_000;
/// The most business days one `addBusinessDays` call may move.
pub const MAX_BUSINESS_DAYS: i64 = 100_000;
/// The most records (invoices, payments or credits) in one call.
pub const MAX_RECORDS: usize = 5_000_000;
/// The most aging bucket boundaries.
pub const MAX_BUCKETS: usize = 64;
/// The most installments in payment terms.
pub const MAX_INSTALLMENTS: usize = 60;

/// The most fee rules in a policy.
pub const MAX_FEE_RULES: usize = 20;
/// The most rows in a rate table (`rates`, `referenceRates`).
pub const MAX_RATE_ROWS: usize = 1_000;
/// The highest annual rate: 10, which is 1,000% a year.
pub const MAX_ANNUAL_RATE: rust_decimal::Decimal = rust_decimal::Decimal::TEN;
/// The most fees assessed on one invoice (a daily fee over 300 years must not run away).
pub const MAX_FEE_ASSESSMENTS: usize = 1_000;
/// The most interest periods of one invoice.
pub const MAX_INTEREST_PERIODS: usize = 10_000;

/// The most installments of a payment plan.
pub const MAX_PLAN_INSTALLMENTS: u32 = 600;

/// The most actions one `timeline` answer lists.
pub const MAX_TIMELINE_ACTIONS: usize = 200;
/// The longest span of a `timeline`, in days (five years).
pub const MAX_TIMELINE_DAYS: i64 = 1_826;

/// The earliest date arrears accepts: 1900-01-01.
///
/// ```
/// assert_eq!(arrears::limits::MIN_DATE.to_string(), "1900-01-01");
/// ```
pub const MIN_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN, // not taken: 1900-01-01 is a valid date
};

/// The latest date arrears accepts: 2199-12-31.
///
/// ```
/// assert_eq!(arrears::limits::MAX_DATE.to_string(), "2199-12-31");
/// ```
pub const MAX_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2199, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX, // not taken: 2199-12-31 is a valid date
};
