// A tiny module worker: POST /due-date with a dueDate input as JSON answers with the due date,
// or 400 with the ArrearsError's code, path and message.
import { ArrearsError, dueDate } from "arrears";

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (request.method !== "POST" || pathname !== "/due-date") {
      return new Response("POST /due-date\n", { status: 404 });
    }
    try {
      return Response.json(dueDate(await request.json()));
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
