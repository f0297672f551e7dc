//! The size and depth limits of JSON input. [`crate::api::decode`] checks the size before
//! parsing and the depth by a linear scan when the parse fails: no input type nests deeper
//! than the limit, so an input that parses is within it, and a 5,000-deep array is refused as
//! `limit_exceeded`, never by the stack (serde_json stops recursing at 128 levels).

use crate::error::{Error, ErrorCode, Result};
use crate::limits::{MAX_DEPTH, MAX_INPUT_BYTES};

/// Checks that `json` is at most [`MAX_INPUT_BYTES`] long and nests at most [`MAX_DEPTH`]
/// deep. Brackets inside strings do not count. It does not check that the JSON is valid.
///
/// # Errors
/// [`ErrorCode::LimitExceeded`], with the limit in the message.
///
/// ```
/// assert!(arrears::api::check_shape(r#"{"a": ["[[[["]}"#).is_ok());
/// let deep = "[".repeat(5000);
/// assert_eq!(arrears::api::check_shape(&deep).unwrap_err().code().as_str(), "limit_exceeded");
/// ```
pub fn check_shape(json: &str) -> Result<()> {
    check_size(json)?;
    let bytes = json.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        match byte {
            b'"' => at = past_string(bytes, at),
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Error::new(
                        ErrorCode::LimitExceeded,
                        format!("the input nests deeper than {MAX_DEPTH} levels"),
                    ));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Checks that `json` is at most [`MAX_INPUT_BYTES`] long: [`ErrorCode::LimitExceeded`] if
/// not, with the limit in the message.
pub(crate) fn check_size(json: &str) -> Result<()> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("the input is larger than {MAX_INPUT_BYTES} bytes"),
        ));
    }
    Ok(())
}

/// The position just past the quote that ends the string whose text starts at `at`
/// (the end of `bytes` if none does): a tight search for the next quote or backslash, as
/// most of a large input is inside strings.
fn past_string(bytes: &[u8], mut at: usize) -> usize {
    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        match rest.iter().position(|&b| b == b'"' || b == b'\\') {
            None => return bytes.len(),
            Some(p) if rest.get(p) == Some(&b'"') => return at + p + 1,
            // A backslash escapes the byte after it.
            Some(p) => at += p + 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_at_the_limit_passes_and_one_more_fails() {
        let at = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(check_shape(&at).is_ok());
        let over = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(
            check_shape(&over).unwrap_err().code(),
            ErrorCode::LimitExceeded
        );
    }

    #[test]
    fn an_escaped_backslash_does_not_escape_the_quote_after_it() {
        // ["\\", [[...]]]: the string is one backslash, so the brackets after it count.
        let over = format!(r#"["\\", {}]"#, "[".repeat(MAX_DEPTH));
        assert_eq!(
            check_shape(&over).unwrap_err().code(),
            ErrorCode::LimitExceeded
        );
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let text = format!(r#"["\"{}"]"#, "[".repeat(100));
        assert!(check_shape(&text).is_ok());
    }
}
