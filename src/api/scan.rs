//! A linear scan of JSON text that enforces the size and depth limits before any parser
//! recurses, so a 5,000-deep array is refused without touching the stack.

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
    if json.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorCode::LimitExceeded,
            format!("the input is larger than {MAX_INPUT_BYTES} bytes"),
        ));
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in json.as_bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
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
    fn escaped_quotes_do_not_end_strings() {
        let text = format!(r#"["\"{}"]"#, "[".repeat(100));
        assert!(check_shape(&text).is_ok());
    }
}
