// Runs a module worker with the installed package in a real workerd (from the npm package
// `workerd`) on a loopback port: used by the edge tests and the export test. Also lists the
// modules such a worker is made of, for a capnp config (here, and checked against the one of
// examples/edge-reminders) and for miniflare (tests/edge/queue.test.mjs).
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { app, root } from "../js/helpers.mjs";

const installed = join(app, "node_modules", "arrears");

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const IMPORTS = /^(?:import|export)\s(?:[^"';()]*?\sfrom\s*)?["']([^"']+)["']/gm;

/**
 * The modules of a worker whose entry is the file `entry`, in the order workerd wants them
 * (the entry first): `{ name, type, file }` with `type` one of `esModule`, `wasm`, `json` and
 * `file` an absolute path. workerd does not read package.json, so the modules are resolved
 * here as a bundler would:
 * - the worker's own relative imports, each named by its path relative to `base` (the
 *   entry's directory unless given; a module's name is what its importers' specifiers
 *   resolve to);
 * - `arrears` through the package's `workerd` export condition, and every module the entry
 *   imports, under the name its relative import resolves to (`browser.js`, `arrears_bg.wasm`);
 * - `arrears/<subpath>` through the package's exports map (`arrears/policy.schema.json`).
 * `.json` files are JSON modules, `.wasm` files wasm modules. workerd resolves a bare
 * specifier against the importing module's name too, so the modules that import the package
 * must sit at the top of `base`.
 */
export function workerModules(entry, { base = dirname(entry), pkg = installed } = {}) {
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  const list = [];
  const seen = new Set();
  const typeOf = (file) => (file.endsWith(".wasm") ? "wasm" : file.endsWith(".json") ? "json" : "esModule");
  const add = (file, name, inPackage) => {
    if (seen.has(name)) return;
    seen.add(name);
    const type = typeOf(file);
    list.push({ name, type, file });
    if (type !== "esModule") return;
    for (const [, spec] of readFileSync(file, "utf8").matchAll(IMPORTS)) {
      if (spec.startsWith(".")) {
        const target = posix.normalize(posix.join(posix.dirname(name), spec));
        add(join(inPackage ? pkg : base, target), target, inPackage);
      } else if (name.includes("/") && !inPackage) {
        // workerd resolves every specifier against the importing module's name, so a bare
        // `arrears` imported by `src/worker.js` would be the module `src/arrears`.
        throw new Error(`${file}: a module that imports '${spec}' must be at the top of the worker, not in ${posix.dirname(name)}/`);
      } else if (spec === "arrears") {
        add(join(pkg, manifest.exports["."].workerd.default), "arrears", true);
      } else if (spec.startsWith("arrears/")) {
        const target = manifest.exports[`./${spec.slice("arrears/".length)}`];
        if (typeof target !== "string") throw new Error(`${file}: '${spec}' is not a file the package exports`);
        add(join(pkg, target), spec, true);
      } else {
        throw new Error(`${file}: cannot embed '${spec}' for workerd`);
      }
    }
  };
  add(resolve(entry), posix.normalize(relative(base, resolve(entry)).split("\\").join("/")), false);
  return list;
}

/** JSON with `//` line comments outside strings, as wrangler.jsonc is written. */
export function jsonc(text) {
  return JSON.parse(text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*/g, (match, string) => string ?? ""));
}

/** The `modules = [...]` entries of a capnp worker for `list`, paths relative to `configDir`. */
export function capnpModules(list, configDir) {
  return list.map(({ name, type, file }) => `(name = "${name}", ${type} = embed "${relative(configDir, file)}")`);
}

/**
 * Starts workerd serving `worker` (a file path) and waits until it answers. Returns
 * `{ request(path, init), stop(), pid }`; `t.after` stops it too.
 */
export async function startWorkerd(t, worker, { compatibilityDate = "2025-01-01", compatibilityFlags = [] } = {}) {
  const config = join(app, `workerd-${basename(worker)}.capnp`);
  writeFileSync(config, workerConfig(workerModules(worker), app, compatibilityDate, compatibilityFlags));
  return serveWorkerd(t, config);
}

/**
 * A workerd config serving one worker of `modules` (as `workerModules` lists them, paths
 * relative to `base`) on the socket `http`, at `compatibilityDate`, with `compatibilityFlags`.
 */
export function workerConfig(modules, base, compatibilityDate, compatibilityFlags = []) {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    ${capnpModules(modules, base).join(",\n    ")}
  ],
  compatibilityDate = "${compatibilityDate}",
  compatibilityFlags = ${JSON.stringify(compatibilityFlags)},
);
`;
}

/**
 * Runs `workerd serve CONFIG` with its socket `socket` moved to a free loopback port, and
 * waits until it answers (at most 30 s). Returns `{ request(path, init), stop(), pid, port,
 * log() }`, `log()` being what workerd wrote to stderr so far (also passed on to this
 * process's); `t.after` stops it too.
 */
export async function serveWorkerd(t, config, { socket = "http" } = {}) {
  const port = await freePort();
  const workerd = spawn(
    join(root, "node_modules", ".bin", "workerd"),
    ["serve", config, "--socket-addr", `${socket}=127.0.0.1:${port}`],
    { cwd: dirname(config), stdio: ["ignore", "inherit", "pipe"] },
  );
  let stderr = "";
  workerd.stderr.setEncoding("utf8").on("data", (text) => {
    stderr += text;
    process.stderr.write(text);
  });
  const log = () => stderr;
  let running = true;
  const exited = new Promise((resolve) => workerd.on("exit", resolve)).then(() => (running = false));
  const stop = async () => {
    if (running) workerd.kill("SIGTERM");
    await exited;
  };
  t.after(stop);
  const request = (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init);
  // Wait for the socket: every 200 ms.
  for (let i = 0; i < 150 && running; i++) {
    const ready = await request("/").then(
      () => true,
      () => new Promise((resolve) => setTimeout(() => resolve(false), 200)),
    );
    if (ready) return { request, stop, pid: workerd.pid, port, log };
  }
  await stop();
  throw new Error("workerd did not start listening");
}
