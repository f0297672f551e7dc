// The part of the arrears package every runtime shares: the error class and the wrapper that
// turns a wasm export (JSON text in, JSON text out) into a function of one plain object.
// Handwritten; the build also writes it as glue/shared.cjs for require().

/** How deep an input may nest: `arrears::limits::MAX_DEPTH` (a test keeps them equal). */
export const MAX_DEPTH = 32;

/** An error from arrears: a real `Error` with a stable `code` and a `path` into the input. */
export class ArrearsError extends Error {
  constructor(message, code, path = "", options) {
    super(message, options);
    this.name = "ArrearsError";
    this.code = code;
    this.path = path;
  }
}

/**
 * Wraps the wasm export `name` of `glue` (JSON text in, JSON text out, an Error named
 * ArrearsError with `code` and `path` on bad input). `ready()` says whether the wasm is
 * instantiated. A trap or any other unexpected throw is a bug: the instance is replaced by a
 * fresh one through `glue.__wbg_reset_state` and the caller gets code `internal`.
 */
export function wrap(glue, name, ready = () => true) {
  return function (input) {
    if (!ready()) {
      throw new Error(`arrears: call and await init() before ${name}()`);
    }
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      throw new ArrearsError(`${name} takes one plain object`, "invalid_input");
    }
    let json;
    try {
      json = JSON.stringify(input);
    } catch (cause) {
      // JSON.stringify runs out of stack on very deep input: that is over the depth limit.
      if (cause instanceof RangeError) {
        const message = `the input nests deeper than ${MAX_DEPTH} levels`;
        throw new ArrearsError(message, "limit_exceeded", "", { cause });
      }
      const message = `the input cannot be written as JSON: ${cause.message}`;
      throw new ArrearsError(message, "invalid_input", "", { cause });
    }
    let output;
    try {
      output = glue[name](json);
    } catch (cause) {
      if (cause instanceof Error && cause.name === "ArrearsError") {
        throw new ArrearsError(cause.message, cause.code ?? "internal", cause.path ?? "");
      }
      glue.__wbg_reset_state();
      const message =
        `internal: arrears hit a bug in ${name} (${cause}); ` +
        "the module was reset, please report the input";
      throw new ArrearsError(message, "internal", "", { cause });
    }
    return JSON.parse(output);
  };
}
