//! The JSON writer.

use super::Encode;
use crate::error::{Error, ErrorCode, Result};
use crate::limits::MAX_OUTPUT_BYTES;

/// Writes JSON text. Values write themselves through it ([`Encode`]); separators are
/// placed by what came before, so an encoder only says where objects, fields and elements
/// begin.
///
/// The text is bounded by [`MAX_OUTPUT_BYTES`]: past it the writer stops growing and
/// [`Writer::finish`] is `limit_exceeded`, so no answer is ever too long for a JS string.
///
/// ```
/// use arrears::json::Writer;
/// let mut writer = Writer::new();
/// writer.begin_object();
/// writer.field("days", &30u32);
/// writer.field("skipped", &None::<u32>);
/// writer.field("ids", &vec!["a", "b"]);
/// writer.end_object();
/// assert_eq!(writer.finish()?, r#"{"days":30,"ids":["a","b"]}"#);
/// # Ok::<(), arrears::Error>(())
/// ```
pub struct Writer {
    out: String,
    limit: usize,
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

impl Writer {
    /// An empty writer bounded by [`MAX_OUTPUT_BYTES`].
    ///
    /// ```
    /// assert_eq!(arrears::json::Writer::new().finish()?, "");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn new() -> Writer {
        Writer::with_limit(MAX_OUTPUT_BYTES)
    }

    /// An empty writer bounded by `limit` bytes.
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::with_limit(3);
    /// writer.string("long");
    /// assert_eq!(writer.finish().unwrap_err().code().as_str(), "limit_exceeded");
    /// ```
    pub fn with_limit(limit: usize) -> Writer {
        Writer {
            out: String::new(),
            limit,
        }
    }

    /// The text written, or `limit_exceeded` when it grew past the limit.
    ///
    /// # Errors
    /// [`ErrorCode::LimitExceeded`] past the limit.
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::new();
    /// writer.raw("1");
    /// assert_eq!(writer.finish()?, "1");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn finish(self) -> Result<String> {
        match self.over() {
            false => Ok(self.out),
            true => Err(Error::new(
                ErrorCode::LimitExceeded,
                format!(
                    "the result would be longer than {} bytes of JSON; ask for less (fewer \
                     parts, a shorter span) or split the input",
                    self.limit
                ),
            )),
        }
    }

    /// Whether the text has grown past the limit; lists stop writing elements then.
    ///
    /// ```
    /// assert!(!arrears::json::Writer::new().over());
    /// ```
    pub fn over(&self) -> bool {
        self.out.len() > self.limit
    }

    /// `{`
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::new();
    /// writer.begin_object();
    /// writer.end_object();
    /// assert_eq!(writer.finish()?, "{}");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn begin_object(&mut self) {
        self.out.push('{');
    }

    /// `}`
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::new();
    /// writer.begin_object();
    /// writer.field("a", &true);
    /// writer.end_object();
    /// assert_eq!(writer.finish()?, r#"{"a":true}"#);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn end_object(&mut self) {
        self.out.push('}');
    }

    /// One field of an object, `"name":value`, unless the value is absent (`None`).
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::new();
    /// writer.begin_object();
    /// writer.field("a", &1u32);
    /// writer.field("b", &2u32);
    /// writer.end_object();
    /// assert_eq!(writer.finish()?, r#"{"a":1,"b":2}"#);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn field<T: Encode + ?Sized>(&mut self, name: &str, value: &T) {
        if value.is_absent() {
            return;
        }
        self.name(name);
        value.encode(self);
    }

    /// `"name":` after a separator: the part of [`Writer::field`] that is the same for every
    /// type, here once.
    #[inline(never)]
    fn name(&mut self, name: &str) {
        self.separate(b'{');
        self.string(name);
        self.out.push(':');
    }

    /// A list of values, stopping early once the text is over the limit.
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::new();
    /// writer.list(["a", "b"].iter());
    /// assert_eq!(writer.finish()?, r#"["a","b"]"#);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn list<'v, T: Encode + 'v>(&mut self, values: impl IntoIterator<Item = &'v T>) {
        self.out.push('[');
        for value in values {
            if self.over() {
                break;
            }
            self.separate(b'[');
            value.encode(self);
        }
        self.out.push(']');
    }

    /// A string, escaped as JSON requires.
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::new();
    /// writer.string("tab\there");
    /// assert_eq!(writer.finish()?, r#""tab\there""#);
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn string(&mut self, text: &str) {
        self.out.push('"');
        let mut rest = text;
        while let Some(at) = rest
            .bytes()
            .position(|b| b == b'"' || b == b'\\' || b < 0x20)
        {
            let (plain, special) = rest.split_at(at);
            self.out.push_str(plain);
            let byte = special.as_bytes().first().copied().unwrap_or_default();
            match byte {
                b'"' => self.out.push_str("\\\""),
                b'\\' => self.out.push_str("\\\\"),
                b'\n' => self.out.push_str("\\n"),
                b'\r' => self.out.push_str("\\r"),
                b'\t' => self.out.push_str("\\t"),
                control => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.push_str("\\u00");
                    self.out.push(char::from(HEX[usize::from(control >> 4)]));
                    self.out.push(char::from(HEX[usize::from(control & 15)]));
                }
            }
            rest = special.get(1..).unwrap_or_default();
        }
        self.out.push_str(rest);
        self.out.push('"');
    }

    /// Text that is already JSON (a number's digits, `true`).
    ///
    /// ```
    /// let mut writer = arrears::json::Writer::new();
    /// writer.raw("12");
    /// assert_eq!(writer.finish()?, "12");
    /// # Ok::<(), arrears::Error>(())
    /// ```
    pub fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    /// A comma unless the value is the first after `open`.
    fn separate(&mut self, open: u8) {
        if self.out.as_bytes().last() != Some(&open) {
            self.out.push(',');
        }
    }
}
