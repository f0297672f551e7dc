// Run by deno.test.mjs inside the scratch project, with no permissions: imports the installed
// package through its `deno` condition and prints what it got as JSON.
import { ArrearsError, dueDate } from "arrears";

const value = dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate;
let error;
try {
  dueDate({ issueDate: "2024-02-30", terms: "Net 30" });
} catch (e) {
  error = { instance: e instanceof ArrearsError && e instanceof Error, name: e.name, code: e.code, path: e.path };
}
console.log(JSON.stringify({ value, error }));
