// Runs a module worker with the installed package in a real workerd (from the npm package
// `workerd`) on a loopback port: used by the edge test and the export test.
import { spawn } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, dirname, join, posix } from "node:path";
import { app, root } from "../js/helpers.mjs";

const installed = join(app, "node_modules", "arrears");

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * The workerd modules for the worker and the package. workerd does not read package.json, so
 * the `workerd` export condition is resolved here as a bundler would, and every module the
 * entry imports is listed under the name its relative import resolves to.
 */
function modules(worker) {
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  const entry = manifest.exports["."].workerd.default;
  // capnp embeds paths relative to the config file, which is written into the scratch app.
  const name = `workerd-${basename(worker)}`;
  copyFileSync(worker, join(app, name));
  const list = [`(name = "worker.js", esModule = embed "${name}")`];
  const seen = new Set();
  const add = (file, name) => {
    if (seen.has(file)) return;
    seen.add(file);
    const path = posix.join("node_modules", "arrears", file);
    if (file.endsWith(".wasm")) {
      list.push(`(name = "${name}", wasm = embed "${path}")`);
      return;
    }
    list.push(`(name = "${name}", esModule = embed "${path}")`);
    const source = readFileSync(join(installed, file), "utf8");
    const specifiers = /^(?:import|export)\s(?:[^"';()]*?\sfrom\s*)?["'](\.[^"']+)["']/gm;
    for (const [, spec] of source.matchAll(specifiers)) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec));
      add(target, target);
    }
  };
  add(posix.normalize(entry), "arrears");
  return list;
}

/**
 * Starts workerd serving `worker` (a file path) and waits until it answers. Returns
 * `{ request(path, init), stop() }`; `t.after` stops it too.
 */
export async function startWorkerd(t, worker) {
  const port = await freePort();
  const config = join(app, `workerd-${basename(worker)}.capnp`);
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    ${modules(worker).join(",\n    ")}
  ],
  compatibilityDate = "2025-01-01",
);
`,
  );
  const workerd = spawn(join(root, "node_modules", ".bin", "workerd"), ["serve", config], {
    cwd: dirname(config),
    stdio: ["ignore", "inherit", "inherit"],
  });
  let running = true;
  const exited = new Promise((resolve) => workerd.on("exit", resolve)).then(() => (running = false));
  const stop = async () => {
    if (running) workerd.kill("SIGTERM");
    await exited;
  };
  t.after(stop);
  const request = (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init);
  // Wait for the socket: at most 30 s, every 200 ms.
  for (let i = 0; i < 150 && running; i++) {
    const ready = await request("/").then(
      () => true,
      () => new Promise((resolve) => setTimeout(() => resolve(false), 200)),
    );
    if (ready) return { request, stop };
  }
  await stop();
  throw new Error("workerd did not start listening");
}
