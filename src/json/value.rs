//! Any JSON value as a tree: for schemas, which are documents about the types.

use super::{Decode, Encode, Kind, Reader, Writer};
use crate::error::Result;

/// A JSON value. Numbers are kept as their text.
///
/// ```
/// use arrears::json::{to_string, Value};
/// let schema = Value::object([("type", Value::from("string")), ("minLength", Value::number(1))]);
/// assert_eq!(to_string(&schema)?, r#"{"type":"string","minLength":1}"#);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its keys in order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An object of these entries, in order.
    ///
    /// ```
    /// let v = arrears::json::Value::object([("a", true.into())]);
    /// assert_eq!(v.get("a"), Some(&arrears::json::Value::Bool(true)));
    /// ```
    pub fn object<'k>(entries: impl IntoIterator<Item = (&'k str, Value)>) -> Value {
        Value::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// A number.
    ///
    /// ```
    /// assert_eq!(arrears::json::Value::number(-3), arrears::json::Value::Number("-3".into()));
    /// ```
    pub fn number(n: impl std::fmt::Display) -> Value {
        Value::Number(n.to_string())
    }

    /// The value of `key` in an object.
    ///
    /// ```
    /// assert_eq!(arrears::json::Value::Null.get("a"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets `key` in an object (replacing its value, or adding it at the end).
    ///
    /// ```
    /// let mut v = arrears::json::Value::object([]);
    /// v.set("a", true.into());
    /// assert_eq!(v.get("a"), Some(&true.into()));
    /// ```
    pub fn set(&mut self, key: &str, value: Value) {
        if let Value::Object(entries) = self {
            match entries.iter_mut().find(|(k, _)| k == key) {
                Some((_, old)) => *old = value,
                None => entries.push((key.to_owned(), value)),
            }
        }
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::String(text.to_owned())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<Vec<Value>> for Value {
    fn from(values: Vec<Value>) -> Value {
        Value::Array(values)
    }
}

/// Any JSON value, within the reader's depth limit.
impl Decode<'_> for Value {
    fn decode(reader: &mut Reader<'_>) -> Result<Value> {
        Ok(match reader.kind()? {
            Kind::Null => {
                reader.null()?;
                Value::Null
            }
            Kind::Bool => Value::Bool(reader.bool("a boolean")?),
            Kind::Number => Value::Number(reader.number("a number")?.to_owned()),
            Kind::String => Value::String(String::decode(reader)?),
            Kind::Array => Value::Array(Vec::decode(reader)?),
            Kind::Object => {
                let mut entries = Vec::new();
                reader.entries("an object", &mut |reader, key| {
                    entries.push((key.into_owned(), Value::decode(reader)?));
                    Ok(())
                })?;
                Value::Object(entries)
            }
        })
    }
}

impl Encode for Value {
    fn encode(&self, writer: &mut Writer) {
        match self {
            Value::Null => writer.raw("null"),
            Value::Bool(b) => b.encode(writer),
            Value::Number(n) => writer.raw(n),
            Value::String(s) => writer.string(s),
            Value::Array(values) => writer.list(values),
            Value::Object(entries) => {
                writer.begin_object();
                for (key, value) in entries {
                    writer.field(key, value);
                }
                writer.end_object();
            }
        }
    }
}
