//! JSON in and out, and the JSON Schema of every input and output type.
//!
//! Each type is described once, in Rust, by deriving [`Decode`] (read from JSON), [`Encode`]
//! (written as JSON) and [`Describe`] (its JSON Schema, from which the TypeScript types are
//! generated). The derives come from the `arrears-derive` crate.
//!
//! Decoding is one pass of a [`Reader`] over the text: it walks objects and arrays and hands
//! each value to the type that expects it, so an error knows its code and where it is at once,
//! and a type's decoder is one small function rather than a generic visitor per type (the
//! choice and its measurements are in DESIGN.md). `null` is the same as an absent field,
//! everywhere.
//!
//! ```
//! use arrears::json::{self, Decode, Encode};
//! let days: Vec<u32> = json::from_str_any("[30, 60]")?;
//! assert_eq!(json::to_string(&days)?, "[30,60]");
//! # Ok::<(), arrears::Error>(())
//! ```

mod decode;
mod read;
mod schema;
mod value;
mod write;

pub use arrears_derive::{Decode, Describe, Encode};
pub use read::{Field, Items, Kind, Reader};
pub use schema::{Describe, ObjectSchema, Schemas};
pub use value::Value;
pub use write::Writer;

use crate::error::{Error, ErrorCode, Result};

/// A type read from JSON. Derive it for structs of named fields and enums of unit variants.
///
/// ```
/// use arrears::json::{Decode, Reader};
/// let mut reader = Reader::new("true");
/// assert!(bool::decode(&mut reader)?);
/// # Ok::<(), arrears::Error>(())
/// ```
pub trait Decode<'a>: Sized {
    /// Reads one value from `reader`.
    ///
    /// # Errors
    /// The value's own code with its path (`invalid_type`, `invalid_date`, ...).
    fn decode(reader: &mut Reader<'a>) -> Result<Self>;
}

/// The value a derived decoder starts a required field with, before the input gives the
/// field's value: the decoder either replaces it or fails, so no caller sees it. Derived with
/// [`Decode`] (each field blank, `None` or its default; an enum's first variant).
///
/// ```
/// use arrears::json::Blank;
/// assert_eq!((u32::blank(), String::blank()), (0, String::new()));
/// ```
pub trait Blank {
    /// The placeholder.
    fn blank() -> Self;
}

/// A type written as JSON. Derive it for structs of named fields and enums of unit variants.
///
/// ```
/// use arrears::json::{Encode, Writer};
/// let mut writer = Writer::new();
/// "a\"b".encode(&mut writer);
/// assert_eq!(writer.finish()?, r#""a\"b""#);
/// # Ok::<(), arrears::Error>(())
/// ```
pub trait Encode {
    /// Writes the value.
    fn encode(&self, writer: &mut Writer);

    /// Writes the fields of a struct without its braces, for a struct flattened into
    /// another; nothing for other types.
    fn encode_fields(&self, _writer: &mut Writer) {}

    /// Whether the value is left out of its object: only `None` is.
    fn is_absent(&self) -> bool {
        false
    }
}

/// Reads an entry point's input: one JSON object of type `T`, and nothing after it.
///
/// # Errors
/// [`ErrorCode::InvalidInput`] when the text is not one JSON object, and the errors of `T`.
///
/// ```
/// #[derive(arrears::json::Decode)]
/// struct Input { days: u32 }
/// let input: Input = arrears::json::from_str(r#"{"days": 30}"#)?;
/// assert_eq!(input.days, 30);
/// let e = arrears::json::from_str::<Input>(r#"{"days": "x"}"#).err().ok_or("no error")?;
/// assert_eq!((e.code().as_str(), e.path()), ("invalid_type", "days".to_string()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn from_str<'a, T: Decode<'a>>(json: &'a str) -> Result<T> {
    let mut reader = Reader::new(json);
    if reader.kind()? != Kind::Object {
        return Err(Error::new(
            ErrorCode::InvalidInput,
            "the input must be one plain object",
        ));
    }
    let value = T::decode(&mut reader)?;
    reader.finish()?;
    Ok(value)
}

/// Reads any JSON value of type `T` (not only an object), and nothing after it.
///
/// # Errors
/// Those of `T`, and [`ErrorCode::InvalidInput`] for text after the value.
///
/// ```
/// let date: chrono::NaiveDate = arrears::json::from_str_any(r#""2024-02-29""#)?;
/// assert_eq!(date.to_string(), "2024-02-29");
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn from_str_any<'a, T: Decode<'a>>(json: &'a str) -> Result<T> {
    let mut reader = Reader::new(json);
    let value = T::decode(&mut reader)?;
    reader.finish()?;
    Ok(value)
}

/// Writes `value` as JSON text.
///
/// # Errors
/// [`ErrorCode::LimitExceeded`] when the text would be longer than
/// [`crate::limits::MAX_OUTPUT_BYTES`].
///
/// ```
/// assert_eq!(arrears::json::to_string(&vec!["a", "b"])?, r#"["a","b"]"#);
/// # Ok::<(), arrears::Error>(())
/// ```
pub fn to_string<T: Encode + ?Sized>(value: &T) -> Result<String> {
    let mut writer = Writer::new();
    value.encode(&mut writer);
    writer.finish()
}

/// A whole number a derived decoder checks against a `range`; `None` when it is absent.
///
/// ```
/// use arrears::json::Ranged;
/// assert_eq!(Some(7u32).number(), Some(7));
/// ```
pub trait Ranged {
    /// The value as an `i64`, if there is one.
    fn number(&self) -> Option<i64>;
}

macro_rules! ranged {
    ($($t:ty),*) => {$(
        impl Ranged for $t {
            fn number(&self) -> Option<i64> {
                i64::try_from(*self).ok()
            }
        }
    )*};
}
ranged!(u8, u32, i32, i64, usize);

impl<T: Ranged> Ranged for Option<T> {
    fn number(&self) -> Option<i64> {
        self.as_ref().and_then(Ranged::number)
    }
}

/// Checks a field's `range`: `out_of_range` at `name` for a value outside `low..=high`.
///
/// # Errors
/// [`ErrorCode::OutOfRange`] with the range in the message.
///
/// ```
/// assert!(arrears::json::within(Some(4000), -365, 3650, "offset").is_err());
/// assert!(arrears::json::within(None, -365, 3650, "offset").is_ok());
/// ```
pub fn within(value: Option<i64>, low: i64, high: i64, name: &str) -> Result<()> {
    match value {
        Some(v) if v < low || v > high => {
            let message = format!("{v} is not from {low} to {high}");
            Err(Error::new(ErrorCode::OutOfRange, message).in_field(name))
        }
        _ => Ok(()),
    }
}
