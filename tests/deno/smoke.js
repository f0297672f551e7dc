// Run by deno.test.mjs inside the scratch project, with no permissions: imports the installed
// package through its `deno` condition and prints what it got as JSON.
import { ArrearsError, agingBatch, dueDate } from "arrears";

const value = dueDate({ issueDate: "2024-01-31", terms: "Net 30" }).dueDate;
let error;
try {
  dueDate({ issueDate: "2024-02-30", terms: "Net 30" });
} catch (e) {
  error = { instance: e instanceof ArrearsError && e instanceof Error, name: e.name, code: e.code, path: e.path };
}
const aging = agingBatch({
  asOf: "2024-03-01",
  invoicesCsv: "id,customerId,issueDate,dueDate,amount,currency\nA,acme,2024-01-01,2024-01-31,100.00,EUR\n",
  paymentsCsv: "id,customerId,date,amount,currency,invoiceId\nP,acme,2024-02-01,30.00,EUR,\n",
});
console.log(JSON.stringify({ value, error, total: aging.total, buckets: aging.buckets.map((b) => b.amount) }));
