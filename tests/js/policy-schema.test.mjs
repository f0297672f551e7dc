// The policy's JSON Schema, as the package ships it (`arrears/policy.schema.json`), checked
// with Ajv (JSON Schema 2020-12): it accepts the default policy and the policies the docs pass,
// and rejects every bad policy of the bad-input table, but for the faults a schema cannot state,
// listed below with why; those the engine refuses with the table's code and path.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { app, installedPackage, root } from "./helpers.mjs";

const { esm } = await installedPackage();
const schema = createRequire(join(app, "package.json"))("arrears/policy.schema.json");
// `format` is an annotation in 2020-12 (dates and instants are checked by the engine).
const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
const table = JSON.parse(readFileSync(join(root, "tests", "fixtures", "bad_inputs.json"), "utf8"));

/** Faults a JSON Schema cannot state, by code and path, and why. */
const ENGINE_ONLY = [
  [/^duplicate_id /, "ids and names unique within a list (uniqueItems compares whole items)"],
  [/^invalid_input policy\.(segments|ladders)/, "segments and ladders name each other, and the last segment has no conditions"],
  [/^invalid_input policy\.segments\[\d+\]\.(all|any)\[\d+\]\.(is|atLeast)$/, "which test a fact takes depends on the fact"],
  [/^(missing_field|invalid_input) policy\.(fees|interest)/, "which fields a fee rule or interest needs depends on its kind"],
  [/^(out_of_range|invalid_amount) policy\.(fees|interest|agency|legal|settlement)/, "amounts, rates and percents are decimal text, which JSON Schema cannot compare"],
  [/^out_of_range policy\.interest\.rates\[\d+\]\.from$/, "dated rates in order"],
  [/^out_of_range policy\.compliance\.contactHours\.toHour$/, "the hours in order (each is bounded by the schema)"],
  [/^out_of_range policy\.ladders\[\d+\]\.steps\[\d+\]\.template$/, "a template id of 1 to 256 bytes (JSON Schema counts characters)"],
  [/^out_of_range policy\.version$/, "the one version this engine reads, refused with its own message"],
  [/^out_of_range policy\.waterfall$/, "each component once"],
  [/^limit_exceeded policy\.fees/, "the limits of src/limits.rs"],
];
const engineOnly = (row) => ENGINE_ONLY.some(([pattern]) => pattern.test(`${row.code} ${row.path}`));

/** The bad rows whose fault is inside `policy`. */
const policyRows = table.bad.filter((row) => row.input?.policy !== undefined && row.path.startsWith("policy"));

test("the schema accepts the default policy and the policies the docs pass", () => {
  assert.ok(validate(esm.defaultPolicy({})), JSON.stringify(validate.errors));
  const given = { version: 1, fees: [{ id: "late", kind: "flat", amount: "25", graceDays: 10 }], interest: { annualRate: "0.08" } };
  assert.ok(validate(given), JSON.stringify(validate.errors));
  assert.ok(validate({}), "every part has a default");
});

test("the schema rejects every bad policy of the table but for what only the engine can check", () => {
  const stated = policyRows.filter((row) => !engineOnly(row));
  assert.ok(stated.length >= 14, `${stated.length} rows`);
  for (const row of stated) {
    assert.equal(validate(row.input.policy), false, `${row.code} ${row.path}: ${JSON.stringify(row.input.policy)}`);
  }
});

test("what only the engine can check, the engine refuses with the table's code and path", () => {
  const rows = policyRows.filter(engineOnly);
  assert.ok(rows.length >= 10, `${rows.length} rows`);
  for (const row of rows) {
    let error;
    try {
      esm[row.entry](row.input);
    } catch (e) {
      error = e;
    }
    assert.deepEqual([error?.code, error?.path], [row.code, row.path], JSON.stringify(row.input.policy));
  }
});
