// Run by deno.test.mjs inside the scratch project, with no permissions: every call of the
// time-zone fixture (copied beside it) through the installed package; prints the inputs whose
// answers differ from the native build's, as JSON.
import * as arrears from "arrears";
import fixture from "./deno-zones.json" with { type: "json" };

/** JSON text with every object's keys sorted, so that key order does not count. */
const canonical = (value) =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
const differing = fixture.calls
  .filter(({ entry, input, output }) => canonical(arrears[entry](input)) !== canonical(output))
  .map(({ input }) => input);
console.log(JSON.stringify({ calls: fixture.calls.length, differing }));
