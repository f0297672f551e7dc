// A tiny module worker:
//   POST /due-date with a dueDate input as JSON answers with the due date;
//   POST /aging-batch?asOf=YYYY-MM-DD with invoices as CSV text answers with their aging.
// Bad input answers 400 with the ArrearsError's code, path and message.
import { ArrearsError, agingBatch, dueDate } from "arrears";

const routes = {
  "/due-date": async (request) => dueDate(await request.json()),
  "/aging-batch": async (request, url) =>
    agingBatch({ asOf: url.searchParams.get("asOf"), invoicesCsv: await request.text() }),
};

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const route = routes[url.pathname];
    if (request.method !== "POST" || !route) {
      return new Response("POST /due-date or /aging-batch\n", { status: 404 });
    }
    try {
      return Response.json(await route(request, url));
    } catch (e) {
      if (e instanceof ArrearsError) {
        return Response.json({ error: { code: e.code, path: e.path, message: e.message } }, { status: 400 });
      }
      if (e instanceof SyntaxError) {
        const error = { code: "invalid_input", path: "", message: "the body is not JSON" };
        return Response.json({ error }, { status: 400 });
      }
      throw e;
    }
  },
};
