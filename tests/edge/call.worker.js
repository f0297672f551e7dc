// A worker that runs any entry point of the package: POST /<entryPoint> with its input as
// JSON answers its output, or 400 with the error's code and path. Used by zones.test.mjs.
import * as arrears from "arrears";

export default {
  async fetch(request) {
    const entry = new URL(request.url).pathname.slice(1);
    if (request.method !== "POST" || typeof arrears[entry] !== "function") {
      return new Response("POST /<entryPoint>", { status: 404 });
    }
    try {
      return Response.json(arrears[entry](await request.json()));
    } catch (e) {
      return Response.json({ error: { code: e.code, path: e.path, message: e.message } }, { status: 400 });
    }
  },
};
