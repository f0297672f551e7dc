//! The one error type of the crate: a stable [`ErrorCode`], a path into the input in the
//! caller's words (`invoices[3].dueDate`) and a message a person understands.

use std::borrow::Cow;
use std::fmt;

/// Declares [`ErrorCode`] from one list: each code's variant, its stable name and its meaning.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal,)+) => {
        /// Every error code arrears can return. Codes are public API: never renamed, never
        /// reused.
        ///
        /// The TypeScript union `ArrearsErrorCode` is generated from this list.
        ///
        /// ```
        /// use arrears::ErrorCode;
        /// assert_eq!(ErrorCode::InvalidDate.as_str(), "invalid_date");
        /// assert_eq!(ErrorCode::from_name("invalid_date"), Some(ErrorCode::InvalidDate));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl ErrorCode {
            /// Every code, in a fixed order.
            ///
            /// ```
            /// assert!(arrears::ErrorCode::ALL.contains(&arrears::ErrorCode::Internal));
            /// ```
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The stable snake_case name of the code.
            ///
            /// ```
            /// assert_eq!(arrears::ErrorCode::LimitExceeded.as_str(), "limit_exceeded");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)+
                }
            }

            /// What the code means, for the generated docs and types.
            ///
            /// ```
            /// assert!(arrears::ErrorCode::Internal.meaning().contains("bug"));
            /// ```
            pub const fn meaning(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => concat!($($doc, "\n"),+),)+
                }
            }
        }
    };
}

error_codes! {
    /// Not one plain object, not valid JSON or CSV, or input that cannot be read at all.
    InvalidInput = "invalid_input",
    /// A required field, CSV column or typed column is absent (`null` counts as absent).
    MissingField = "missing_field",
    /// A field the entry point does not know (usually a typo).
    UnknownField = "unknown_field",
    /// A value of the wrong type: a number where a string belongs, the wrong typed array.
    InvalidType = "invalid_type",
    /// Not a real `YYYY-MM-DD` date.
    InvalidDate = "invalid_date",
    /// An amount that is not a plain decimal, or has more decimals than its currency.
    InvalidAmount = "invalid_amount",
    /// Payment terms that cannot be read.
    InvalidTerms = "invalid_terms",
    /// A calendar that is not built in, or a malformed custom calendar.
    UnknownCalendar = "unknown_calendar",
    /// A day count that is not supported.
    UnknownDayCount = "unknown_day_count",
    /// A business-day convention that is not supported.
    UnknownConvention = "unknown_convention",
    /// Not an ISO 4217 currency code in use (withdrawn codes are named as such).
    UnknownCurrency = "unknown_currency",
    /// A value that is not one of the names an option takes.
    UnknownOption = "unknown_option",
    /// A value outside what is accepted: a date outside 1900-2199, an amount of zero or
    /// less, bounds not rising.
    OutOfRange = "out_of_range",
    /// Over one of the documented limits; the message names the limit.
    LimitExceeded = "limit_exceeded",
    /// Amounts in different currencies combined.
    CurrencyMismatch = "currency_mismatch",
    /// An id seen before in the same list.
    DuplicateId = "duplicate_id",
    /// A record names an invoice that is not in the input.
    UnknownInvoice = "unknown_invoice",
    /// Applied beyond what is open on an invoice, or beyond the payment's amount.
    OverApplied = "over_applied",
    /// A rate, percent or other number that is not a plain decimal such as `"0.085"`.
    InvalidNumber = "invalid_number",
    /// Not an instant with an offset, RFC 3339: `"2026-12-03T08:00:00-05:00"`.
    InvalidInstant = "invalid_instant",
    /// Not an IANA time zone the host knows, such as `"America/New_York"`.
    UnknownTimeZone = "unknown_time_zone",
    /// The browser entry was called before `init()` (or `initSync()`) finished.
    NotInitialised = "not_initialised",
    /// A bug in arrears (a trap or an impossible state); please report the input.
    Internal = "internal",
}

impl ErrorCode {
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

/// One step of a [`Path`]: a field name, a list index, or a line of a CSV text.
///
/// ```
/// use arrears::error::Segment;
/// assert_eq!(Segment::from("dueDate"), Segment::Field("dueDate".into()));
/// assert_eq!(Segment::from(3), Segment::Index(3));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// A field of an object, or a column of a CSV text.
    Field(Box<str>),
    /// An element of a list.
    Index(usize),
    /// A line of a CSV text, the header being line 1.
    Line(usize),
}

/// A field's name as a path shows it: cut to [`MAX_ECHO_CHARS`] characters.
impl From<&str> for Segment {
    fn from(name: &str) -> Segment {
        match cut(name) {
            (name, false) => Segment::Field(name.into()),
            (name, true) => Segment::Field(format!("{name}…").into()),
        }
    }
}

impl From<usize> for Segment {
    fn from(index: usize) -> Segment {
        Segment::Index(index)
    }
}

/// Where in the input an error is: a list of [`Segment`]s, outermost first, written in the
/// caller's words only when shown (`invoices[3].dueDate`, `invoicesCsv:1042:dueDate`).
///
/// ```
/// use arrears::error::{Path, Segment};
/// let path = Path::from_segments(vec!["payments".into(), 2.into(), "appliesTo".into(), 0.into()]);
/// assert_eq!(path.to_string(), "payments[2].appliesTo[0]");
/// let csv = Path::from_segments(vec!["invoicesCsv".into(), Segment::Line(3), "dueDate".into()]);
/// assert_eq!(csv.to_string(), "invoicesCsv:3:dueDate");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Path(Vec<Segment>);

impl Path {
    /// A path of these segments, outermost first.
    ///
    /// ```
    /// assert_eq!(arrears::error::Path::from_segments(vec!["a".into()]).to_string(), "a");
    /// ```
    pub fn from_segments(segments: Vec<Segment>) -> Path {
        Path(segments)
    }

    /// The segments, outermost first.
    ///
    /// ```
    /// use arrears::error::{Path, Segment};
    /// assert_eq!(Path::from_segments(vec![1.into()]).segments(), [Segment::Index(1)]);
    /// ```
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl Path {
    /// Reads a path as [`Path`]'s `Display` writes it: `invoices[3].dueDate`,
    /// `invoicesCsv:3:dueDate`. Field names are taken to hold none of `.`, `[` and `:`.
    ///
    /// ```
    /// use arrears::error::{Path, Segment};
    /// let path = Path::parse("paymentsCsv:5:invoiceId");
    /// assert_eq!(path.segments(), ["paymentsCsv".into(), Segment::Line(5), "invoiceId".into()]);
    /// assert_eq!(Path::parse("a[2].b").to_string(), "a[2].b");
    /// ```
    pub fn parse(text: &str) -> Path {
        let mut segments = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let tail = rest.get(first..).unwrap_or_default();
            let end = tail
                .find(['.', '[', ':'])
                .map_or(rest.len(), |at| at + first);
            let (part, after) = rest.split_at(end);
            let segment = if let Some(index) = part.strip_prefix('[') {
                index.trim_end_matches(']').parse().map(Segment::Index).ok()
            } else if let Some(line) = part.strip_prefix(':') {
                Some(
                    line.parse()
                        .map_or_else(|_| Segment::from(line), Segment::Line),
                )
            } else {
                Some(Segment::from(part.strip_prefix('.').unwrap_or(part)))
            };
            segments.extend(segment);
            rest = after;
        }
        Path(segments)
    }
}

impl From<&str> for Path {
    fn from(text: &str) -> Path {
        Path::parse(text)
    }
}

impl From<String> for Path {
    fn from(text: String) -> Path {
        Path::parse(&text)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut previous = None;
        for segment in &self.0 {
            match (previous, segment) {
                (_, Segment::Index(i)) => write!(f, "[{i}]")?,
                (Some(Segment::Line(_)), Segment::Field(name)) => write!(f, ":{name}")?,
                (Some(_), Segment::Field(name)) => write!(f, ".{name}")?,
                (None, Segment::Field(name)) => f.write_str(name)?,
                (_, Segment::Line(line)) => write!(f, ":{line}")?,
            }
            previous = Some(segment.clone());
        }
        Ok(())
    }
}

/// A [`Path`] from segments: strings are fields, numbers indexes.
///
/// ```
/// let path = arrears::path!("invoices", 3, "dueDate");
/// assert_eq!(path.to_string(), "invoices[3].dueDate");
/// ```
#[macro_export]
macro_rules! path {
    ($($segment:expr),* $(,)?) => {
        $crate::error::Path::from_segments(vec![$($crate::error::Segment::from($segment)),*])
    };
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
    path: Path,
    message: Cow<'static, str>,
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
    /// A new error with an empty path (the input as a whole). The message is a `&'static
    /// str`, kept without a copy, or a `String`.
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "oops");
    /// assert_eq!(e.path(), "");
    /// ```
    pub fn new(code: ErrorCode, message: impl Into<Cow<'static, str>>) -> Self {
        Error::with_message(code, message.into())
    }

    // The work of the generic functions is in non-generic ones that are never inlined: an
    // error is built at hundreds of places, and is the rare path of each (DESIGN.md, "Size").
    #[inline(never)]
    #[cold]
    fn with_message(code: ErrorCode, message: Cow<'static, str>) -> Self {
        Error(Box::new(Inner {
            code,
            path: Path::default(),
            message,
        }))
    }

    /// The same error with its path set to `path` (replacing any path it had).
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "x").at(arrears::path!("buckets", 1));
    /// assert_eq!(e.path(), "buckets[1]");
    /// ```
    pub fn at(self, path: impl Into<Path>) -> Self {
        self.at_path(path.into())
    }

    #[inline(never)]
    #[cold]
    fn at_path(mut self, path: Path) -> Self {
        self.0.path = path;
        self
    }

    /// The same error inside field `name`: `days` becomes `terms.days`.
    ///
    /// ```
    /// use arrears::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::OutOfRange, "x").in_field("days").in_field("terms");
    /// assert_eq!(e.path(), "terms.days");
    /// ```
    #[inline(never)]
    #[cold]
    pub fn in_field(self, name: &str) -> Self {
        self.within(Segment::from(name))
    }

    /// The same error inside list element `index`: `id` becomes `[3].id`.
    ///
    /// ```
    /// use arrears::{Error, ErrorCode};
    /// let e = Error::new(ErrorCode::DuplicateId, "x").in_field("id").in_index(3).in_field("invoices");
    /// assert_eq!(e.path(), "invoices[3].id");
    /// ```
    #[inline(never)]
    #[cold]
    pub fn in_index(self, index: usize) -> Self {
        self.within(Segment::Index(index))
    }

    /// The same error inside `segment`, which goes in front of its path.
    ///
    /// ```
    /// use arrears::{error::Segment, Error, ErrorCode};
    /// let e = Error::new(ErrorCode::InvalidDate, "x").in_field("dueDate").within(Segment::Line(3));
    /// assert_eq!(e.in_field("invoicesCsv").path(), "invoicesCsv:3:dueDate");
    /// ```
    #[inline(never)]
    #[cold]
    pub fn within(mut self, segment: Segment) -> Self {
        self.0.path.0.insert(0, segment);
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

    /// Where in the input, as the caller writes it: dotted fields, `[index]` and `:line`;
    /// empty for the input as a whole.
    ///
    /// ```
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "x").in_field("a");
    /// assert_eq!(e.path(), "a");
    /// ```
    pub fn path(&self) -> String {
        self.0.path.to_string()
    }

    /// Where in the input, as segments.
    ///
    /// ```
    /// use arrears::error::Segment;
    /// let e = arrears::Error::new(arrears::ErrorCode::Internal, "x").in_index(2);
    /// assert_eq!(e.segments(), [Segment::Index(2)]);
    /// ```
    pub fn segments(&self) -> &[Segment] {
        self.0.path.segments()
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
        match self.segments() {
            [] => write!(f, "{}: {}", self.code(), self.message()),
            _ => write!(f, "{} at {}: {}", self.code(), self.0.path, self.message()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

/// An [`ErrorCode::Internal`] error: an invariant of arrears' own broke (a bug).
#[doc(hidden)] // pub for arrears-cold (crates/cold), which compiles the modules that use it
pub fn internal(what: &str) -> Error {
    Error::new(
        ErrorCode::Internal,
        format!("{what}; this is a bug in arrears"),
    )
}

/// The element at `index`, or an internal error: for indexes arrears made itself, so that a
/// broken invariant is reported rather than a total silently missing a part.
pub(crate) fn slot<T>(list: &mut [T], index: usize) -> Result<&mut T> {
    list.get_mut(index)
        .ok_or_else(|| internal("an index points past its list"))
}

/// The most characters of a caller's text an error message repeats.
pub const MAX_ECHO_CHARS: usize = 100;

/// A caller's text as a message shows it: in quotes, cut to [`MAX_ECHO_CHARS`] characters.
///
/// ```
/// assert_eq!(arrears::error::quoted("Net 30"), "'Net 30'");
/// assert_eq!(arrears::error::quoted(&"x".repeat(500)).chars().count(), 103);
/// ```
pub fn quoted(text: &str) -> String {
    match cut(text) {
        (text, true) => format!("'{text}…'"),
        (text, false) => format!("'{text}'"),
    }
}

/// The first [`MAX_ECHO_CHARS`] characters of `text`, and whether that left some out.
fn cut(text: &str) -> (&str, bool) {
    match text.char_indices().nth(MAX_ECHO_CHARS) {
        Some((end, _)) => (text.get(..end).unwrap_or(text), true),
        None => (text, false),
    }
}

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
    fn paths_read_back_as_they_are_written() {
        for text in [
            "",
            "a",
            "a.b",
            "a[0]",
            "a[0].b[12].c",
            "invoicesCsv:3:dueDate",
            "x:1",
        ] {
            assert_eq!(Path::parse(text).to_string(), text);
        }
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

    #[test]
    fn echoes_are_cut_at_a_character_boundary() {
        let long = "é".repeat(MAX_ECHO_CHARS + 1);
        let shown = quoted(&long);
        assert_eq!(shown.chars().count(), MAX_ECHO_CHARS + 3);
        assert!(shown.ends_with("…'"));
        assert_eq!(
            quoted(&long[..2 * MAX_ECHO_CHARS]).chars().count(),
            MAX_ECHO_CHARS + 2
        );
    }
}
