//! [`Decode`], [`Encode`] and [`Describe`] for the standard types: booleans, whole numbers,
//! strings, lists and options. The types of the field (dates, amounts, currencies) have theirs
//! in their own modules.

use super::{Blank, Decode, Describe, Encode, Reader, Schemas, Value, Writer};
use crate::error::{quoted, Error, ErrorCode, Result};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The standard types start from their `Default`: `false`, 0, empty, zero, 1970-01-01.
macro_rules! blank_by_default {
    ($($t:ty),*) => {$(
        impl Blank for $t {
            fn blank() -> Self {
                Self::default()
            }
        }
    )*};
}

blank_by_default!(
    bool,
    u8,
    u32,
    u64,
    usize,
    i32,
    i64,
    String,
    Cow<'_, str>,
    Decimal,
    NaiveDate
);

impl<T> Blank for Vec<T> {
    fn blank() -> Self {
        Vec::new()
    }
}

impl Decode<'_> for bool {
    fn decode(reader: &mut Reader<'_>) -> Result<bool> {
        reader.bool("true or false")
    }
}

impl Encode for bool {
    fn encode(&self, writer: &mut Writer) {
        writer.raw(if *self { "true" } else { "false" });
    }
}

impl Describe for bool {
    fn describe(_: &mut Schemas) -> Value {
        Value::object([("type", "boolean".into())])
    }
}

/// Whole numbers: read from digits only (`30`, not `30.0` or `"30"`), range-checked.
macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl Decode<'_> for $t {
            fn decode(reader: &mut Reader<'_>) -> Result<$t> {
                let text = reader.number("a whole number")?;
                let digits = text.strip_prefix('-').unwrap_or(text);
                if !digits.bytes().all(|b| b.is_ascii_digit()) {
                    let message = format!("expected a whole number, not {}", quoted(text));
                    return Err(Error::new(ErrorCode::InvalidType, message));
                }
                text.parse().map_err(|_| {
                    let message = format!(
                        "{} is outside {} to {}",
                        quoted(text),
                        <$t>::MIN,
                        <$t>::MAX
                    );
                    Error::new(ErrorCode::OutOfRange, message)
                })
            }
        }

        impl Encode for $t {
            #[inline(never)]
            fn encode(&self, writer: &mut Writer) {
                writer.raw(&self.to_string());
            }
        }

        impl Describe for $t {
            fn describe(_: &mut Schemas) -> Value {
                Value::object([
                    ("type", "integer".into()),
                    ("minimum", Value::number(<$t>::MIN)),
                    ("maximum", Value::number(<$t>::MAX)),
                ])
            }
        }
    )*};
}

whole_numbers!(u8, u32, u64, usize, i32, i64);

impl<'a> Decode<'a> for Cow<'a, str> {
    fn decode(reader: &mut Reader<'a>) -> Result<Self> {
        reader.string("a string")
    }
}

impl Decode<'_> for String {
    fn decode(reader: &mut Reader<'_>) -> Result<String> {
        reader.string("a string").map(Cow::into_owned)
    }
}

impl Encode for str {
    fn encode(&self, writer: &mut Writer) {
        writer.string(self);
    }
}

impl Encode for String {
    fn encode(&self, writer: &mut Writer) {
        writer.string(self);
    }
}

impl Encode for Cow<'_, str> {
    fn encode(&self, writer: &mut Writer) {
        writer.string(self);
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, writer: &mut Writer) {
        (**self).encode(writer);
    }
}

impl Describe for String {
    fn describe(_: &mut Schemas) -> Value {
        Value::object([("type", "string".into())])
    }
}

impl Describe for Cow<'_, str> {
    fn describe(schemas: &mut Schemas) -> Value {
        String::describe(schemas)
    }
}

impl<'a, T: Decode<'a>> Decode<'a> for Vec<T> {
    fn decode(reader: &mut Reader<'a>) -> Result<Vec<T>> {
        let mut values = Vec::new();
        reader.items("an array", &mut values)?;
        Ok(values)
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, writer: &mut Writer) {
        writer.list(self);
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, writer: &mut Writer) {
        writer.list(self);
    }
}

impl<T: Describe> Describe for Vec<T> {
    fn describe(schemas: &mut Schemas) -> Value {
        Value::object([("type", "array".into()), ("items", T::describe(schemas))])
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, writer: &mut Writer) {
        match self {
            Some(value) => value.encode(writer),
            None => writer.raw("null"),
        }
    }

    fn encode_fields(&self, writer: &mut Writer) {
        if let Some(value) = self {
            value.encode_fields(writer);
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: Describe> Describe for Option<T> {
    fn describe(schemas: &mut Schemas) -> Value {
        T::describe(schemas)
    }

    fn describe_fields(schemas: &mut Schemas, object: &mut super::ObjectSchema) {
        T::describe_fields(schemas, object);
    }
}

#[cfg(test)]
mod tests {
    use crate::json::{from_str, from_str_any, to_string, Decode};
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// How many times `made` ran.
    static MADE: AtomicUsize = AtomicUsize::new(0);

    fn made() -> Vec<u32> {
        MADE.fetch_add(1, Ordering::Relaxed);
        vec![30, 60]
    }

    #[derive(Debug, PartialEq, Decode)]
    struct Sample {
        id: String,
        note: Option<String>,
        #[json(default)]
        count: u32,
        #[json(default = "made")]
        days: Vec<u32>,
    }

    #[test]
    fn a_struct_reads_each_field_into_place_and_makes_a_default_only_when_absent() {
        let given = from_str::<Sample>(r#"{"days": [7], "id": "a", "count": 2}"#).ok();
        let expected = Sample {
            id: "a".into(),
            note: None,
            count: 2,
            days: vec![7],
        };
        assert_eq!(given, Some(expected));
        assert_eq!(MADE.load(Ordering::Relaxed), 0);
        let absent = from_str::<Sample>(r#"{"id": "b", "note": "x", "days": null}"#).ok();
        let days = absent
            .as_ref()
            .map(|s| (s.days.clone(), s.note.as_deref(), s.count));
        assert_eq!(days, Some((vec![30, 60], Some("x"), 0)));
        assert_eq!(MADE.load(Ordering::Relaxed), 1);
        let error = |json: &str| {
            let e = from_str::<Sample>(json).err();
            e.map(|e| (e.code().as_str(), e.path()))
        };
        assert_eq!(
            error(r#"{"note": "x"}"#),
            Some(("missing_field", "id".into()))
        );
        assert_eq!(
            error(r#"{"id": null}"#),
            Some(("missing_field", "id".into()))
        );
        assert_eq!(
            error(r#"{"id": "a", "days": [1, "2"]}"#),
            Some(("invalid_type", "days[1]".into()))
        );
        assert_eq!(
            error(r#"{"id": "a", "id": "b"}"#),
            Some(("invalid_input", "id".into()))
        );
    }

    #[test]
    fn whole_numbers_take_digits_only_and_check_their_range() {
        assert_eq!(from_str_any::<u32>("30").ok(), Some(30));
        assert_eq!(from_str_any::<i64>("-7").ok(), Some(-7));
        let code = |text: &str| from_str_any::<u32>(text).err().map(|e| e.code().as_str());
        assert_eq!(code("30.0"), Some("invalid_type"));
        assert_eq!(code("3e1"), Some("invalid_type"));
        assert_eq!(code("\"30\""), Some("invalid_type"));
        assert_eq!(code("-1"), Some("out_of_range"));
        assert_eq!(code("4294967296"), Some("out_of_range"));
    }

    #[test]
    fn lists_and_strings_round_trip() -> crate::Result<()> {
        let names: Vec<String> = from_str_any(r#"["a", "b\"c", "é\n"]"#)?;
        assert_eq!(to_string(&names)?, r#"["a","b\"c","é\n"]"#);
        assert_eq!(to_string("\u{1}")?, r#""\u0001""#);
        Ok(())
    }
}
