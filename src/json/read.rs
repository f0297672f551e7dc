//! The JSON reader: one pass over the text, values handed to the types that expect them.

use super::Decode;
use crate::error::{quoted, Error, ErrorCode, Result};
use crate::limits::MAX_DEPTH;
use std::borrow::Cow;

/// What kind of JSON value comes next.
///
/// ```
/// use arrears::json::{Kind, Reader};
/// assert_eq!(Reader::new(" [1]").kind()?, Kind::Array);
/// # Ok::<(), arrears::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `{...}`
    Object,
    /// `[...]`
    Array,
    /// `"..."`
    String,
    /// `-1.5e3` and the like.
    Number,
    /// `true` or `false`.
    Bool,
    /// `null`.
    Null,
}

impl Kind {
    /// The kind as a message names it, in JS words.
    fn described(self) -> &'static str {
        match self {
            Kind::Object => "an object",
            Kind::Array => "an array",
            Kind::String => "a string",
            Kind::Number => "a number",
            Kind::Bool => "a boolean",
            Kind::Null => "null",
        }
    }
}

/// Reads JSON text one value at a time. Types read themselves through it
/// ([`crate::json::Decode`]); errors carry their code and the path to the value.
///
/// Strings are borrowed from the text unless they hold escapes. Numbers are handed over as
/// the text they are written as, so an amount such as `12.5` is never a float.
///
/// ```
/// use arrears::json::Reader;
/// let mut reader = Reader::new(r#"{"days": 30}"#);
/// let mut days = None;
/// reader.object(&["days"], &mut |reader, _| {
///     days = Some(reader.number("a number")?);
///     Ok(())
/// })?;
/// assert_eq!(days, Some("30"));
/// # Ok::<(), arrears::Error>(())
/// ```
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    ///
    /// ```
    /// assert!(arrears::json::Reader::new("1").finish().is_err());
    /// ```
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            at: 0,
            depth: 0,
        }
    }

    /// The kind of the next value.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidInput`] at the end of the text or before a byte no value starts with.
    ///
    /// ```
    /// use arrears::json::{Kind, Reader};
    /// assert_eq!(Reader::new("null").kind()?, Kind::Null);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    #[inline]
    pub fn kind(&mut self) -> Result<Kind> {
        self.skip_whitespace();
        match self.byte() {
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'n') => Ok(Kind::Null),
            Some(_) => Err(syntax("expected a value")),
            None => Err(syntax("the input ends where a value belongs")),
        }
    }

    /// Reads an object whose keys must be among `fields`, calling `each` with the index of
    /// each key's field to read its value. A `null` value is the same as an absent field:
    /// `each` is not called for it.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidType`] when the next value is not an object,
    /// [`ErrorCode::UnknownField`] at a key not in `fields`, [`ErrorCode::InvalidInput`] for
    /// a key given twice or broken JSON, and what `each` returns, inside the key's field.
    ///
    /// ```
    /// let mut reader = arrears::json::Reader::new(r#"{"b": true, "a": null}"#);
    /// let mut read = vec![];
    /// reader.object(&["a", "b"], &mut |reader, index| {
    ///     read.push((index, reader.bool("a boolean")?));
    ///     Ok(())
    /// })?;
    /// assert_eq!(read, [(1, true)]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn object(
        &mut self,
        fields: &[&str],
        each: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<()>,
    ) -> Result<()> {
        self.walk(fields, each).map(|_| ())
    }

    /// Reads an object into `slots`, one per name of `fields`: each key's value is read by
    /// its slot (a `null` value leaves the slot as it is). Then each field whose bit is set in
    /// `required` (bit `i` for `fields[i]`) must have had a value. Returns the fields that had
    /// one, a bit each (the first 64). What the derived decoders call: the loop and the check
    /// are here once, and a struct's decoder only lists its fields.
    ///
    /// # Errors
    /// Those of [`Reader::object`], with what a slot returns inside its key's field;
    /// [`ErrorCode::MissingField`] at the first required field without a value.
    ///
    /// ```
    /// let mut reader = arrears::json::Reader::new(r#"{"b": true, "a": null}"#);
    /// let (mut a, mut b) = (None::<bool>, false);
    /// let given = reader.fields(&["a", "b"], &mut [&mut a, &mut b], 0b10)?;
    /// assert_eq!((a, b, given), (None, true, 0b10));
    /// let e = arrears::json::Reader::new(r#"{"a": true}"#).fields(&["a", "b"], &mut [&mut a, &mut b], 0b10);
    /// assert_eq!(e.err().map(|e| e.path()).as_deref(), Some("b"));
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn fields(
        &mut self,
        fields: &[&str],
        slots: &mut [&mut dyn Field<'a>],
        required: u64,
    ) -> Result<u64> {
        let given = self.walk(fields, |reader, index| match slots.get_mut(index) {
            Some(slot) => slot.read(reader),
            None => Err(Error::new(ErrorCode::Internal, "a field has no slot")),
        })?;
        let absent = required & !given;
        if absent == 0 {
            return Ok(given);
        }
        let name = fields
            .get(absent.trailing_zeros() as usize)
            .map_or("", |n| n);
        let message = format!("'{name}' is required");
        Err(Error::new(ErrorCode::MissingField, message).in_field(name))
    }

    /// The loop of [`Reader::object`] and [`Reader::fields`]; the fields given a value (not
    /// `null`), a bit each (the first 64).
    fn walk(
        &mut self,
        fields: &[&str],
        mut each: impl FnMut(&mut Reader<'a>, usize) -> Result<()>,
    ) -> Result<u64> {
        self.open(Kind::Object, "an object")?;
        let mut seen = 0u64;
        let mut given = 0u64;
        // Objects of one list usually have their keys in one order: try the field after the
        // last one first.
        let mut next = 0;
        if !self.close(b'}') {
            loop {
                self.skip_whitespace();
                if self.byte() != Some(b'"') {
                    return Err(syntax("expected a field name in double quotes"));
                }
                self.at += 1;
                let key = self.string_body()?;
                let index = match fields.get(next) {
                    Some(field) if *field == key => next,
                    _ => fields
                        .iter()
                        .position(|field| *field == key)
                        .ok_or_else(|| unknown_field(&key, fields))?,
                };
                let bit = 1u64.checked_shl(index as u32).unwrap_or(0);
                if seen & bit != 0 {
                    let message = format!("{} is given twice", quoted(&key));
                    return Err(Error::new(ErrorCode::InvalidInput, message).in_field(&key));
                }
                seen |= bit;
                self.consume(b':', "expected ':' after a field name")?;
                if !self.null()? {
                    each(self, index).map_err(|e| e.in_field(&key))?;
                    given |= bit;
                }
                next = index + 1;
                if !self.separator(b'}')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(given)
    }

    /// Reads an object with any keys, calling `each` with each key to read its value (also
    /// when it is `null`).
    ///
    /// # Errors
    /// [`ErrorCode::InvalidType`] with `expected` when the next value is not an object,
    /// [`ErrorCode::InvalidInput`] for broken JSON, and what `each` returns, inside the key.
    ///
    /// ```
    /// let mut reader = arrears::json::Reader::new(r#"{"b": true}"#);
    /// let mut keys = vec![];
    /// reader.entries("an object", &mut |reader, key| {
    ///     keys.push(key.into_owned());
    ///     reader.bool("a boolean").map(drop)
    /// })?;
    /// assert_eq!(keys, ["b"]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn entries(
        &mut self,
        expected: &str,
        each: &mut dyn FnMut(&mut Reader<'a>, Cow<'a, str>) -> Result<()>,
    ) -> Result<()> {
        self.open(Kind::Object, expected)?;
        if !self.close(b'}') {
            loop {
                self.skip_whitespace();
                if self.byte() != Some(b'"') {
                    return Err(syntax("expected a field name in double quotes"));
                }
                self.at += 1;
                let key = self.string_body()?;
                self.consume(b':', "expected ':' after a field name")?;
                let name = key.clone();
                each(self, key).map_err(|e| e.in_field(&name))?;
                if !self.separator(b'}')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads an array, calling `each` with the index of each element to read it.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidType`] with `expected` when the next value is not an array,
    /// [`ErrorCode::InvalidInput`] for broken JSON, and what `each` returns, inside the
    /// element's index.
    ///
    /// ```
    /// let mut reader = arrears::json::Reader::new("[true, false]");
    /// let mut read = vec![];
    /// reader.array("an array", &mut |reader, _| {
    ///     read.push(reader.bool("a boolean")?);
    ///     Ok(())
    /// })?;
    /// assert_eq!(read, [true, false]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn array(
        &mut self,
        expected: &str,
        each: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<()>,
    ) -> Result<()> {
        self.items(expected, &mut Each(each))
    }

    /// Reads an array into `list`, which reads each element ([`Reader::array`] with a list
    /// in place of a closure: `Vec<T>` reads its elements without a closure per type).
    ///
    /// # Errors
    /// Those of [`Reader::array`].
    ///
    /// ```
    /// let mut days: Vec<u32> = Vec::new();
    /// arrears::json::Reader::new("[30, 60]").items("an array", &mut days)?;
    /// assert_eq!(days, [30, 60]);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn items(&mut self, expected: &str, list: &mut dyn Items<'a>) -> Result<()> {
        self.open(Kind::Array, expected)?;
        if !self.close(b']') {
            let mut index = 0;
            loop {
                list.item(self, index).map_err(|e| e.in_index(index))?;
                index += 1;
                if !self.separator(b']')? {
                    break;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads a string, borrowed from the text unless it holds escapes.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidType`] with `expected` when the next value is not a string,
    /// [`ErrorCode::InvalidInput`] for a broken string.
    ///
    /// ```
    /// let mut reader = arrears::json::Reader::new(r#""caf\u00e9""#);
    /// assert_eq!(reader.string("a string")?, "café");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    #[inline]
    pub fn string(&mut self, expected: &str) -> Result<Cow<'a, str>> {
        self.want(Kind::String, expected)?;
        self.at += 1;
        self.string_body()
    }

    /// Reads a number and returns its text as written.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidType`] with `expected` when the next value is not a number,
    /// [`ErrorCode::InvalidInput`] for a malformed one.
    ///
    /// ```
    /// assert_eq!(arrears::json::Reader::new("-12.50e1").number("a number")?, "-12.50e1");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn number(&mut self, expected: &str) -> Result<&'a str> {
        self.want(Kind::Number, expected)?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
        let whole_ok = match bytes.get(at) {
            Some(b'0') => {
                at += 1;
                true
            }
            _ => digits(&mut at),
        };
        let fraction_ok = match bytes.get(at) {
            Some(b'.') => {
                at += 1;
                digits(&mut at)
            }
            _ => true,
        };
        let exponent_ok = match bytes.get(at) {
            Some(b'e' | b'E') => {
                at += 1;
                if matches!(bytes.get(at), Some(b'+' | b'-')) {
                    at += 1;
                }
                digits(&mut at)
            }
            _ => true,
        };
        if !(whole_ok && fraction_ok && exponent_ok) {
            return Err(syntax("a number is malformed"));
        }
        self.at = at;
        self.slice(start, at)
    }

    /// Reads `true` or `false`.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidType`] with `expected` for anything else.
    ///
    /// ```
    /// assert!(!arrears::json::Reader::new("false").bool("a boolean")?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn bool(&mut self, expected: &str) -> Result<bool> {
        self.want(Kind::Bool, expected)?;
        if self.literal("true") {
            Ok(true)
        } else if self.literal("false") {
            Ok(false)
        } else {
            Err(syntax("expected true or false"))
        }
    }

    /// Reads a string that must be one of `names`, and returns its index.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidType`] with `expected` when the next value is not a string, and
    /// `unknown` when it is not one of `names`.
    ///
    /// ```
    /// use arrears::{json::Reader, ErrorCode};
    /// let names = ["following", "preceding"];
    /// let index = Reader::new(r#""preceding""#).choice(&names, "a string", ErrorCode::UnknownConvention)?;
    /// assert_eq!(index, 1);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn choice(&mut self, names: &[&str], expected: &str, unknown: ErrorCode) -> Result<usize> {
        let name = self.string(expected)?;
        names.iter().position(|n| *n == name).ok_or_else(|| {
            let message = format!("{} is not one of {}", quoted(&name), listed(names));
            Error::new(unknown, message)
        })
    }

    /// Reads `null` if it comes next, and says whether it did.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidInput`] for a broken literal such as `nul`.
    ///
    /// ```
    /// let mut reader = arrears::json::Reader::new("null");
    /// assert!(reader.null()?);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    #[inline]
    pub fn null(&mut self) -> Result<bool> {
        if self.kind()? != Kind::Null {
            return Ok(false);
        }
        match self.literal("null") {
            true => Ok(true),
            false => Err(syntax("expected null")),
        }
    }

    /// Checks that nothing but whitespace follows.
    ///
    /// # Errors
    /// [`ErrorCode::InvalidInput`] for anything after the value.
    ///
    /// ```
    /// let mut reader = arrears::json::Reader::new("true  ");
    /// reader.bool("a boolean")?;
    /// reader.finish()?;
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn finish(&mut self) -> Result<()> {
        self.skip_whitespace();
        match self.byte() {
            None => Ok(()),
            Some(_) => Err(syntax("there is more text after the input's end")),
        }
    }

    /// An [`ErrorCode::InvalidType`] error: `expected`, not what comes next.
    ///
    /// ```
    /// let e = arrears::json::Reader::new("5").mismatch("a string such as \"oldestFirst\"");
    /// assert_eq!(e.message(), "expected a string such as \"oldestFirst\", not a number");
    /// ```
    pub fn mismatch(&mut self, expected: &str) -> Error {
        match self.kind() {
            Ok(found) => Error::new(
                ErrorCode::InvalidType,
                format!("expected {expected}, not {}", found.described()),
            ),
            Err(e) => e,
        }
    }

    /// Checks that the next value is of `kind`.
    #[inline]
    fn want(&mut self, kind: Kind, expected: &str) -> Result<()> {
        match self.kind()? == kind {
            true => Ok(()),
            false => Err(self.mismatch(expected)),
        }
    }

    /// Steps into an object or array, within [`MAX_DEPTH`].
    fn open(&mut self, kind: Kind, expected: &str) -> Result<()> {
        self.want(kind, expected)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::new(
                ErrorCode::LimitExceeded,
                format!("the input nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        self.at += 1;
        Ok(())
    }

    /// Steps past `end` if it comes next (an empty object or array).
    fn close(&mut self, end: u8) -> bool {
        self.skip_whitespace();
        let closes = self.byte() == Some(end);
        self.at += usize::from(closes);
        closes
    }

    /// After a value inside an object or array: `true` for `,`, `false` for `end`.
    #[inline]
    fn separator(&mut self, end: u8) -> Result<bool> {
        self.skip_whitespace();
        match self.byte() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(b) if b == end => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(syntax(match end {
                b'}' => "expected ',' or '}' after a field's value",
                _ => "expected ',' or ']' after an element",
            })),
        }
    }

    /// Skips whitespace, then `byte`; anything else is a syntax error saying `message`.
    #[inline]
    fn consume(&mut self, byte: u8, message: &'static str) -> Result<()> {
        self.skip_whitespace();
        match self.byte() == Some(byte) {
            true => {
                self.at += 1;
                Ok(())
            }
            false => Err(syntax(message)),
        }
    }

    /// Steps past `word` if it comes next.
    #[inline]
    fn literal(&mut self, word: &str) -> bool {
        let matches =
            self.text.as_bytes().get(self.at..self.at + word.len()) == Some(word.as_bytes());
        if matches {
            self.at += word.len();
        }
        matches
    }

    #[inline]
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        let bytes = self.text.as_bytes();
        while matches!(bytes.get(self.at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    #[inline]
    fn slice(&self, start: usize, end: usize) -> Result<&'a str> {
        // Both ends are next to ASCII bytes, so on character boundaries.
        self.text
            .get(start..end)
            .ok_or_else(|| Error::new(ErrorCode::Internal, "a value ends inside a character"))
    }

    /// The rest of a string whose opening quote was just read.
    fn string_body(&mut self) -> Result<Cow<'a, str>> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let end = plain_run(bytes, start);
        match bytes.get(end) {
            Some(b'"') => {
                self.at = end + 1;
                self.slice(start, end).map(Cow::Borrowed)
            }
            Some(b'\\') => {
                let mut owned = self.slice(start, end)?.to_owned();
                self.at = end;
                self.escaped(&mut owned)?;
                Ok(Cow::Owned(owned))
            }
            Some(_) => Err(syntax("a string holds a control character; escape it")),
            None => Err(syntax("a string is not closed")),
        }
    }

    /// Reads the rest of a string from an escape on, appending to `out`.
    fn escaped(&mut self, out: &mut String) -> Result<()> {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    let escape = bytes.get(self.at + 1).copied();
                    self.at += 2;
                    let c = match escape {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(syntax("a string holds an unknown escape")),
                    };
                    out.push(c);
                }
                Some(b) if *b < 0x20 => {
                    return Err(syntax("a string holds a control character; escape it"))
                }
                Some(_) => {
                    let end = plain_run(bytes, self.at);
                    out.push_str(self.slice(self.at, end)?);
                    self.at = end;
                }
                None => return Err(syntax("a string is not closed")),
            }
        }
    }

    /// The character of a `\uXXXX` escape whose `\u` was just read, with its low surrogate.
    fn unicode_escape(&mut self) -> Result<char> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if !self.literal("\\u") {
                    return Err(syntax("a string holds half of a surrogate pair"));
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(syntax("a string holds half of a surrogate pair"));
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(syntax("a string holds half of a surrogate pair")),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| syntax("a string holds an invalid \\u escape"))
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.text.as_bytes().get(self.at..self.at + 4);
        let value = digits.and_then(|digits| {
            digits.iter().try_fold(0u32, |value, &b| {
                char::from(b).to_digit(16).map(|digit| value * 16 + digit)
            })
        });
        self.at += 4;
        value.ok_or_else(|| syntax("a \\u escape needs four hex digits"))
    }
}

/// What [`Reader::items`] hands each element to, with its index: a list that reads its own
/// element type (`Vec<T>`).
///
/// ```
/// use arrears::json::{Items, Reader};
/// let mut days: Vec<u32> = Vec::new();
/// days.item(&mut Reader::new("30"), 0)?;
/// assert_eq!(days, [30]);
/// # Ok::<(), arrears::Error>(())
/// ```
pub trait Items<'a> {
    /// Reads the element at `index`.
    ///
    /// # Errors
    /// Those of the element's type.
    fn item(&mut self, reader: &mut Reader<'a>, index: usize) -> Result<()>;
}

/// The closure of [`Reader::array`] as [`Items`].
struct Each<'e, 'a>(&'e mut dyn FnMut(&mut Reader<'a>, usize) -> Result<()>);

impl<'a> Items<'a> for Each<'_, 'a> {
    fn item(&mut self, reader: &mut Reader<'a>, index: usize) -> Result<()> {
        (self.0)(reader, index)
    }
}

impl<'a, T: Decode<'a>> Items<'a> for Vec<T> {
    fn item(&mut self, reader: &mut Reader<'a>, _: usize) -> Result<()> {
        self.push(T::decode(reader)?);
        Ok(())
    }
}

/// Where [`Reader::fields`] puts one field's value: a [`Decode`] type, or an `Option` of one.
///
/// ```
/// use arrears::json::{Field, Reader};
/// let (mut days, mut note) = (0u32, None::<String>);
/// days.read(&mut Reader::new("30"))?;
/// note.read(&mut Reader::new(r#""net""#))?;
/// assert_eq!((days, note.as_deref()), (30, Some("net")));
/// # Ok::<(), arrears::Error>(())
/// ```
pub trait Field<'a> {
    /// Reads the value into the slot.
    ///
    /// # Errors
    /// Those of the value's type.
    fn read(&mut self, reader: &mut Reader<'a>) -> Result<()>;
}

impl<'a, T: Decode<'a>> Field<'a> for T {
    fn read(&mut self, reader: &mut Reader<'a>) -> Result<()> {
        *self = T::decode(reader)?;
        Ok(())
    }
}

impl<'a, T: Decode<'a>> Field<'a> for Option<T> {
    fn read(&mut self, reader: &mut Reader<'a>) -> Result<()> {
        *self = Some(T::decode(reader)?);
        Ok(())
    }
}

/// The end of the run of bytes from `at` that need no attention inside a string: the
/// position of the first `"`, `\` or control character, or the end. Eight bytes at a time.
#[inline]
fn plain_run(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(chunk);
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        // A byte's high bit ends up set where it is zero (`quote`, `backslash`) or below 0x20
        // (`word`); a borrow can mark bytes after the first such byte, never before it.
        let found = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | word.wrapping_sub(ONES * 0x20) & !word)
            & HIGH;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        at += 1;
    }
    at
}

fn syntax(message: &str) -> Error {
    Error::new(
        ErrorCode::InvalidInput,
        format!("the input is not valid JSON: {message}"),
    )
}

fn unknown_field(key: &str, fields: &[&str]) -> Error {
    let message = match fields {
        [] => format!(
            "{} is not a field here; this object takes none",
            quoted(key)
        ),
        _ => format!(
            "{} is not a field here; the fields are {}",
            quoted(key),
            listed(fields)
        ),
    };
    Error::new(ErrorCode::UnknownField, message).in_field(key)
}

/// `'a', 'b' and 'c'`.
fn listed(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => "none".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(text: &str) -> Result<String> {
        Reader::new(text).string("a string").map(Cow::into_owned)
    }

    #[test]
    fn plain_runs_stop_at_the_first_byte_that_needs_attention() {
        for (text, end) in [
            ("", 0),
            ("abc", 3),
            ("abcdefghij\"", 10),
            ("abcdefgh\\", 8),
            ("a\u{1}bcdefghijk", 1),
            ("ééééé\"", 10),
            ("\u{7f}\u{80}\"", 3),
            ("abcdefg \u{1f}", 8),
        ] {
            assert_eq!(plain_run(text.as_bytes(), 0), end, "{text:?}");
        }
        // Every position of each special byte in a 17-byte run, against a byte loop.
        for special in [b'"', b'\\', 0u8, 0x1f] {
            for position in 0..17 {
                let mut bytes = vec![b'a'; 17];
                bytes[position] = special;
                assert_eq!(plain_run(&bytes, 0), position);
            }
        }
    }

    #[test]
    fn strings_unescape_as_json_says() -> Result<()> {
        assert_eq!(strings(r#""plain""#)?, "plain");
        assert_eq!(
            strings(r#""a\"b\\c\/d\b\f\n\r\t""#)?,
            "a\"b\\c/d\u{8}\u{c}\n\r\t"
        );
        assert_eq!(strings(r#""\u00e9\ud83d\ude00x""#)?, "é😀x");
        for bad in [
            r#""\ud83d""#,
            r#""\ude00""#,
            r#""\u12""#,
            r#""\q""#,
            "\"a\u{1}\"",
            r#""open"#,
        ] {
            assert_eq!(
                strings(bad).err().map(|e| e.code()),
                Some(ErrorCode::InvalidInput),
                "{bad}"
            );
        }
        Ok(())
    }

    #[test]
    fn numbers_follow_the_json_grammar() -> Result<()> {
        for good in [
            "0",
            "-0",
            "12.5",
            "1e3",
            "1E+3",
            "-0.25e-2",
            "123456789012345678901234",
        ] {
            assert_eq!(Reader::new(good).number("a number")?, good);
        }
        for bad in ["-", "1.", ".5", "1e", "-a"] {
            assert!(Reader::new(bad).number("a number").is_err(), "{bad}");
        }
        // "01" is the number 0 followed by text.
        let mut reader = Reader::new("01");
        assert_eq!(reader.number("a number")?, "0");
        assert!(reader.finish().is_err());
        Ok(())
    }

    #[test]
    fn wrong_types_name_what_was_expected_and_found() {
        let e = Reader::new("[1]").string("a date such as \"2024-01-31\"");
        let e = e.err().map(|e| (e.code(), e.message().to_owned()));
        assert_eq!(
            e,
            Some((
                ErrorCode::InvalidType,
                "expected a date such as \"2024-01-31\", not an array".into()
            ))
        );
    }

    #[test]
    fn objects_report_unknown_repeated_and_nested_errors_with_their_path() {
        let read = |text: &str| {
            let mut reader = Reader::new(text);
            reader
                .object(&["a", "b"], &mut |reader, _| {
                    reader.array("an array", &mut |reader, _| {
                        reader.bool("a boolean").map(drop)
                    })
                })
                .err()
                .map(|e| (e.code(), e.path()))
        };
        assert_eq!(read(r#"{"a": [true], "b": null}"#), None);
        assert_eq!(
            read(r#"{"a": [true, 1]}"#),
            Some((ErrorCode::InvalidType, "a[1]".into()))
        );
        assert_eq!(
            read(r#"{"c": 1}"#),
            Some((ErrorCode::UnknownField, "c".into()))
        );
        assert_eq!(
            read(r#"{"a": [], "a": []}"#),
            Some((ErrorCode::InvalidInput, "a".into()))
        );
        assert_eq!(
            read(r#"{"a": [true] "b": []}"#),
            Some((ErrorCode::InvalidInput, "".into()))
        );
        assert_eq!(
            read(r#"{"a": [true,]}"#),
            Some((ErrorCode::InvalidInput, "a[1]".into()))
        );
    }

    #[test]
    fn an_unknown_field_echoes_at_most_a_hundred_characters_of_its_name() {
        let key = "k".repeat(1_000_000);
        let text = format!(r#"{{"{key}": 1}}"#);
        let e = Reader::new(&text).object(&["a"], &mut |_, _| Ok(()));
        let message = e.err().map(|e| e.message().len()).unwrap_or_default();
        assert!((100..200).contains(&message), "{message}");
    }

    #[test]
    fn a_long_unknown_name_is_cut_in_the_path_too() {
        let key = "k".repeat(1_000_000);
        let text = format!(r#"{{"{key}": 1}}"#);
        let e = Reader::new(&text).object(&["a"], &mut |_, _| Ok(())).err();
        let shown = e.map(|e| e.to_string().len()).unwrap_or_default();
        assert!((200..600).contains(&shown), "{shown}");
    }

    #[test]
    fn nesting_past_the_limit_is_limit_exceeded() {
        fn nest(reader: &mut Reader<'_>) -> Result<()> {
            reader.array("an array", &mut |reader, _| nest(reader))
        }
        let at = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(nest(&mut Reader::new(&at)).is_ok());
        let over = format!("[{at}]");
        let code = nest(&mut Reader::new(&over)).err().map(|e| e.code());
        assert_eq!(code, Some(ErrorCode::LimitExceeded));
    }
}
