//! The one error type of the crate: a stable [`ErrorCode`], a path into the input in the
//! caller's words (`invoices[3].dueDate`) and a message a person understands.

use std::fmt;

/// Every error code arrears can return. Codes are public API: never renamed, never reused.
///
/// The TypeScript union `ArrearsErrorCode` lists the same strings; a test keeps them equal.
///
/// ```
/// use arrears::ErrorCode;
/// assert_eq!(ErrorCode::InvalidDate.as_str(), "invalid_date");
/// assert_eq!(ErrorCode::from_name("invalid_date"), Some(ErrorCode::InvalidDate));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The input is not an object, is not valid JSON, or cannot be read at all.
    InvalidInput,
    /// A required field is absent.
    MissingField,
    /// A field the entry point does not know (usually a typo).
    UnknownField,
    /// A value has the wrong type (a number where a string belongs, say).
    InvalidType,
    /// A date that is not a real `YYYY-MM-DD` date.
    InvalidDate,
    /// An amount that is not a plain decimal number.
    InvalidAmount,
    /// Payment terms that could not be understood.
    InvalidTerms,
    /// A calendar name that is not built in, or a malformed custom calendar.
    UnknownCalendar,
    /// A day-count convention that is not supported.
    UnknownDayCount,
    /// A business-day convention that is not supported.
    UnknownConvention,
    /// A currency code that is not an ISO 4217 code.
    UnknownCurrency,
    /// An unknown option value (a bucket basis or allocation method, say).
    UnknownOption,
    /// A value outside the range the entry point accepts (a date after 2199, a negative amount).
    OutOfRange,
    /// An input over one of the documented limits; the message names the limit.
    LimitExceeded,
    /// Amounts in different currencies were combined.
    CurrencyMismatch,
    /// Two records share one id.
    DuplicateId,
    /// A record refers to an invoice that is not in the input.
    UnknownInvoice,
    /// A payment or credit applied to more than is open on an invoice.
    OverApplied,
    /// A bug in arrears (a trap or an impossible state). Please report it.
    Internal,
}

impl ErrorCode {
    /// Every code, in a fixed order.
    ///
    /// ```
    /// assert!(arrears::ErrorCode::ALL.contains(&arrears::ErrorCode::Internal));
    /// ```
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::InvalidInput,
        ErrorCode::MissingField,
        ErrorCode::UnknownField,
        ErrorCode::InvalidType,
        ErrorCode::InvalidDate,
        ErrorCode::InvalidAmount,
        ErrorCode::InvalidTerms,
        ErrorCode::UnknownCalendar,
        ErrorCode::UnknownDayCount,
        ErrorCode::UnknownConvention,
        ErrorCode::UnknownCurrency,
        ErrorCode::UnknownOption,
        ErrorCode::OutOfRange,
        ErrorCode::LimitExceeded,
        ErrorCode::CurrencyMismatch,
        ErrorCode::DuplicateId,
        ErrorCode::UnknownInvoice,
        ErrorCode::OverApplied,
        ErrorCode::Internal,
    ];

    /// The stable snake_case name of the code.
    ///
    /// ```
    /// assert_eq!(arrears::ErrorCode::LimitExceeded.as_str(), "limit_exceeded");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::InvalidAmount => "invalid_amount",
            ErrorCode::InvalidTerms => "invalid_terms",
            ErrorCode::UnknownCalendar => "unknown_calendar",
            ErrorCode::UnknownDayCount => "unknown_day_count",
            ErrorCode::UnknownConvention => "unknown_convention",
            ErrorCode::UnknownCurrency => "unknown_currency",
            ErrorCode::UnknownOption => "unknown_option",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::LimitExceeded => "limit_exceeded",
            ErrorCode::CurrencyMismatch => "currency_mismatch",
            ErrorCode::DuplicateId => "duplicate_id",
            ErrorCode::UnknownInvoice => "unknown_invoice",
            ErrorCode::OverApplied => "over_applied",
            ErrorCode::Internal => "internal",
        }
    }

    /// The code with this name, if there is one.
    ///
    /// ```
    /// assert_eq!(arrears::ErrorCode::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == name)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An arrears error: what went wrong ([`Error::code`]), where ([`Error::path`]) and a message.
///
/// One pointer wide, so `Result<T, Error>` stays small.
///
/// ```
/// use arrears::{Error, ErrorCode};
/// let e = Error::new(ErrorCode::InvalidDate, "2024-02-30 is not a date").in_field("issueDate");
/// assert_eq!(e.code(), ErrorCode::InvalidDate);
/// assert_eq!(e.path(), "issueDate");
/// assert_eq!(e.to_string(), "invalid_date at issueDate: 2024-02-30 is not a date");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    code: ErrorCode,
    path: String,
    message: String,
}

/// The crate's result type.
///
/// ```
/// fn check(days: i64) -> arrears::Result<i64> { Ok(days) }
/// assert_eq!(check(3)?, 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A new error with an empty path (the input as a whole).
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "oops");
    /// assert_eq!(e.path(), "");
    /// ```
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            code,
            path: String::new(),
            message: message.into(),
        }))
    }

    /// The same error with its path set to `path` (replacing any path it had).
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "x").at("invoicesCsv:3:amount");
    /// assert_eq!(e.path(), "invoicesCsv:3:amount");
    /// ```
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.0.path = path.into();
        self
    }

    /// The same error inside field `name`: `days` becomes `terms.days`.
    ///
    /// ```
    /// use arrears::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::OutOfRange, "x").in_field("days").in_field("terms");
    /// assert_eq!(e.path(), "terms.days");
    /// ```
    pub fn in_field(mut self, name: &str) -> Self {
        let inner = &mut self.0;
        inner.path = match inner.path.as_str() {
            "" => name.to_owned(),
            p if p.starts_with('[') => format!("{name}{p}"),
            p => format!("{name}.{p}"),
        };
        self
    }

    /// The same error inside list element `index`: `id` becomes `[3].id`.
    ///
    /// ```
    /// use arrears::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::DuplicateId, "x").in_field("id").in_index(3).in_field("invoices");
    /// assert_eq!(e.path(), "invoices[3].id");
    /// ```
    pub fn in_index(mut self, index: usize) -> Self {
        let inner = &mut self.0;
        inner.path = match inner.path.as_str() {
            "" => format!("[{index}]"),
            p if p.starts_with('[') => format!("[{index}]{p}"),
            p => format!("[{index}].{p}"),
        };
        self
    }

    /// What went wrong, as a stable code.
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "x");
    /// assert_eq!(e.code().as_str(), "internal");
    /// ```
    pub fn code(&self) -> ErrorCode {
        self.0.code
    }

    /// Where in the input: dotted fields and `[index]`, empty for the input as a whole.
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "x").in_field("a");
    /// assert_eq!(e.path(), "a");
    /// ```
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// The message, for a person.
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "x");
    /// assert_eq!(e.message(), "x");
    /// ```
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path() {
            "" => write!(f, "{}: {}", self.code(), self.message()),
            path => write!(f, "{} at {}: {}", self.code(), path, self.message()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

/// Builds the text a custom serde deserializer reports, carrying `code` to [`crate::api`].
pub(crate) fn coded_message(code: ErrorCode, message: impl fmt::Display) -> String {
    format!("{}{}{}", code.as_str(), CODE_SEPARATOR, message)
}

/// Separates the code from the message inside a serde error text.
pub(crate) const CODE_SEPARATOR: &str = ": ";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_name(code.as_str()), Some(*code));
        }
        let mut names: Vec<_> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len());
    }

    #[test]
    fn error_is_one_pointer_wide() {
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn paths_compose_fields_and_indexes() {
        let e = Error::new(ErrorCode::OverApplied, "x")
            .in_field("amount")
            .in_index(0)
            .in_field("appliesTo")
            .in_index(7)
            .in_field("payments");
        assert_eq!(e.path(), "payments[7].appliesTo[0].amount");
    }
}
