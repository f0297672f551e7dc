// arrears for Node 20+ through require(), and through import via node.mjs: one instance for
// both, instantiated synchronously from the wasm file on load. No init() needed.
"use strict";
const glue = require("./glue/node.cjs");
const { ArrearsError, wrap, wrapBatch } = require("./glue/shared.cjs");

/** Nothing to do in Node: the wasm is instantiated on load. Kept so code runs everywhere. */
async function init() {}
/** Nothing to do in Node: the wasm is instantiated on load. */
function initSync() {}

const yearFraction = wrap(glue, "yearFraction");
const isBusinessDay = wrap(glue, "isBusinessDay");
const adjustDate = wrap(glue, "adjustDate");
const addBusinessDays = wrap(glue, "addBusinessDays");
const businessDaysBetween = wrap(glue, "businessDaysBetween");
const holidays = wrap(glue, "holidays");
const dueDate = wrap(glue, "dueDate");
const discountedAmount = wrap(glue, "discountedAmount");
const aging = wrap(glue, "aging");
const paymentBehaviour = wrap(glue, "paymentBehaviour");
const metrics = wrap(glue, "metrics");
const agingBatch = wrapBatch(glue);

module.exports = {
  ArrearsError,
  init,
  initSync,
  yearFraction,
  isBusinessDay,
  adjustDate,
  addBusinessDays,
  businessDaysBetween,
  holidays,
  dueDate,
  discountedAmount,
  aging,
  paymentBehaviour,
  metrics,
  agingBatch,
};
