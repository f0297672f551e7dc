// arrears for browsers and bundlers: call `await init()` once before any other function.
import * as glue from "./glue/web.js";
import { wrap, wrapBatch } from "./shared.js";

export { ArrearsError } from "./shared.js";

let instantiated = false;
const ready = () => instantiated;

/**
 * Loads and instantiates the wasm. With no argument it fetches `arrears_bg.wasm` next to this
 * file; a bundler that does not follow `new URL(..., import.meta.url)` can pass
 * `{ module_or_path: url }` (the file is the package subpath `arrears/arrears_bg.wasm`).
 */
export async function init(options) {
  await glue.default(options);
  instantiated = true;
}

/** Instantiates synchronously from `{ module }`: a `WebAssembly.Module` or the wasm bytes. */
export function initSync(options) {
  glue.initSync(options);
  instantiated = true;
}

export const yearFraction = wrap(glue, "yearFraction", ready);
export const isBusinessDay = wrap(glue, "isBusinessDay", ready);
export const adjustDate = wrap(glue, "adjustDate", ready);
export const addBusinessDays = wrap(glue, "addBusinessDays", ready);
export const businessDaysBetween = wrap(glue, "businessDaysBetween", ready);
export const holidays = wrap(glue, "holidays", ready);
export const dueDate = wrap(glue, "dueDate", ready);
export const discountedAmount = wrap(glue, "discountedAmount", ready);
export const aging = wrap(glue, "aging", ready);
export const paymentBehaviour = wrap(glue, "paymentBehaviour", ready);
export const metrics = wrap(glue, "metrics", ready);
export const agingBatch = wrapBatch(glue, ready);
