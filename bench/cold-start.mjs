// Cold start: `import` of the package and its first small call (`dueDate`), each time in a
// fresh process: Node (measured inside the process with performance.now(), and split into its
// parts; and the whole process against one running an empty module) and workerd (measured from outside, since a worker's clock stands still while it
// runs: from spawning workerd to the first answer of a worker that calls `dueDate`, against the
// same for a worker that does not import arrears).
//
//   node bench/cold-start.mjs [--runs 20] [--runtimes node,workerd] [DIR...]
//
// DIR is a built package (default pkg/); with several, runs are interleaved. Prints the
// median and the 90th percentile of each figure.
//
// Child modes (what each fresh Node process runs):
//   --child import DIR   `import` of DIR/browser.js (Node's entry: it instantiates the wasm
//                        on load), then dueDate: the user's view
//   --child parts DIR    the same steps one by one: the JS module (browser.js, with
//                        `process.getBuiltinModule` hidden so that it does not instantiate
//                        the wasm itself), reading the wasm file, compiling it (`new
//                        WebAssembly.Module`), instantiating it (`initSync`), the first
//                        dueDate, a second dueDate
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { optionsOf } from './options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = optionsOf(argv);
const INPUT = { issueDate: '2024-01-31', terms: 'Net 30' };

if (argv.includes('--child')) {
  await child(option('child'), resolve(argv.at(-1)));
} else {
  await parent();
}

async function child(mode, dir) {
  const url = (file) => pathToFileURL(join(dir, file)).href;
  const t = [performance.now()];
  const mark = () => t.push(performance.now());
  if (mode === 'import') {
    const { dueDate } = await import(url('browser.js'));
    mark();
    const out = dueDate(INPUT);
    mark();
    if (out.dueDate !== '2024-03-01') throw new Error(`wrong answer ${JSON.stringify(out)}`);
    console.log(JSON.stringify({ import: t[1] - t[0], call: t[2] - t[1], total: t[2] - t[0] }));
    return;
  }
  delete process.getBuiltinModule;
  const api = await import(url('browser.js'));
  mark();
  const bytes = readFileSync(new URL(url('arrears_bg.wasm')));
  mark();
  const module = new WebAssembly.Module(bytes);
  mark();
  api.initSync({ module });
  mark();
  api.dueDate(INPUT);
  mark();
  api.dueDate(INPUT);
  mark();
  const names = ['js modules', 'read wasm', 'compile', 'instantiate', 'first call', 'second call'];
  console.log(JSON.stringify(Object.fromEntries(names.map((name, i) => [name, t[i + 1] - t[i]]))));
}

async function parent() {
  const runs = Number(option('runs', 20));
  const runtimes = option('runtimes', 'node,workerd').split(',');
  const dirs = argv.length ? argv : ['pkg'];
  const samples = new Map(); // "dir|what" -> [ms]
  const add = (dir, what, ms) => {
    const key = `${dir}|${what}`;
    if (!samples.has(key)) samples.set(key, []);
    samples.get(key).push(ms);
  };
  const self = fileURLToPath(import.meta.url);
  const scripts = nodeScripts(dirs);
  const workerd = runtimes.includes('workerd') ? await workerdSetup(dirs) : undefined;
  for (let r = 0; r < runs; r++) {
    for (const dir of dirs) {
      if (runtimes.includes('node')) {
        // The whole process, against a module that imports nothing: Node's own start.
        add(dir, 'node: process running an empty module', spawnMs(process.execPath, [scripts.empty]));
        add(dir, 'node: process importing arrears and calling dueDate', spawnMs(process.execPath, [scripts.user(dir)]));
        const user = spawnSync(process.execPath, [self, '--child', 'import', dir], { encoding: 'utf8' });
        if (user.status !== 0) throw new Error(user.stderr);
        const figures = JSON.parse(user.stdout);
        add(dir, 'node: import + first dueDate', figures.total);
        add(dir, 'node: of which import', figures.import);
        add(dir, 'node: of which first dueDate', figures.call);
        const parts = spawnSync(process.execPath, [self, '--child', 'parts', dir], { encoding: 'utf8' });
        if (parts.status !== 0) throw new Error(parts.stderr);
        for (const [name, ms] of Object.entries(JSON.parse(parts.stdout))) add(dir, `node parts: ${name}`, ms);
      }
      if (workerd) {
        add(dir, 'workerd: spawn to first answer, worker without arrears', await workerd.firstAnswer('baseline'));
        const ms = await workerd.firstAnswer(dir);
        add(dir, 'workerd: spawn to first answer, worker calling dueDate', ms);
      }
    }
  }
  workerd?.cleanup();
  scripts.cleanup();

  const quantile = (xs, q) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * s.length))];
  };
  console.log(`\n${runs} fresh processes each; Node ${process.version}; median and 90th percentile, ms`);
  for (const dir of dirs) {
    const wasm = statSync(join(dir, 'arrears_bg.wasm')).size;
    console.log(`\n${dir} (wasm ${wasm.toLocaleString('en')} bytes)\n\n| what | median | p90 |\n|---|---|---|`);
    for (const [key, xs] of samples) {
      const [d, what] = key.split('|');
      if (d === dir) console.log(`| ${what} | ${quantile(xs, 0.5).toFixed(1)} | ${quantile(xs, 0.9).toFixed(1)} |`);
    }
    const difference = (runtime, without, withArrears) => {
      const a = samples.get(`${dir}|${runtime}: ${without}`);
      const b = samples.get(`${dir}|${runtime}: ${withArrears}`);
      if (a && b) {
        const ms = quantile(b, 0.5) - quantile(a, 0.5);
        console.log(`| ${runtime}: difference of the medians (arrears' share of the process) | ${ms.toFixed(1)} | |`);
      }
    };
    difference('node', 'process running an empty module', 'process importing arrears and calling dueDate');
    difference('workerd', 'spawn to first answer, worker without arrears', 'spawn to first answer, worker calling dueDate');
  }
}

/** Wall time of one process, spawned and waited for. */
function spawnMs(command, args) {
  const start = performance.now();
  const out = spawnSync(command, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${out.stderr}`);
  return performance.now() - start;
}

/**
 * Two Node scripts, as a user's program would be: an empty module, and one per DIR that
 * imports the package statically and calls dueDate once.
 */
function nodeScripts(dirs) {
  const tmp = mkdtempSync(join(tmpdir(), 'arrears-node-'));
  const empty = join(tmp, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const users = dirs.map((dir, i) => {
    const file = join(tmp, `user-${i}.mjs`);
    const entry = pathToFileURL(join(resolve(dir), 'browser.js')).href;
    writeFileSync(file, `import { dueDate } from ${JSON.stringify(entry)};\ndueDate(${JSON.stringify(INPUT)});\n`);
    return file;
  });
  return {
    empty,
    user: (dir) => users[dirs.indexOf(dir)],
    cleanup: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

/**
 * workerd configurations for each DIR and for a worker without arrears, in a temporary
 * directory. `firstAnswer(dir)` spawns workerd, polls its socket until the worker answers
 * (every millisecond or so), returns the time since the spawn and stops it.
 */
async function workerdSetup(dirs) {
  const bin = join(root, 'node_modules', '.bin', 'workerd');
  const tmp = mkdtempSync(join(tmpdir(), 'arrears-cold-'));
  const configs = new Map();
  const worker = (imports) => `${imports}
export default {
  fetch() {
    return ${imports ? 'Response.json(dueDate({ issueDate: "2024-01-31", terms: "Net 30" }))' : 'Response.json({ dueDate: "2024-03-01" })'};
  },
};
`;
  const write = (name, source, modules) => {
    writeFileSync(join(tmp, `${name}-worker.js`), source);
    const config = join(tmp, `${name}.capnp`);
    configs.set(name, config);
    return { config, modules: [`(name = "worker.js", esModule = embed "${name}-worker.js")`, ...modules] };
  };
  const capnp = ({ config, modules }) =>
    writeFileSync(config, `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:PORT", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    ${modules.join(',\n    ')}
  ],
  compatibilityDate = "2025-01-01",
);
`);
  capnp(write('baseline', worker(''), []));
  dirs.forEach((dir, i) => {
    // The package's files are copied beside the config (capnp embeds paths relative to it),
    // each module under the name its relative import resolves to, as a bundler would.
    const name = `pkg${i}`;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const modules = [];
    const seen = new Set();
    const add = (file, as) => {
      if (seen.has(file)) return;
      seen.add(file);
      const copy = `${name}-${file.replaceAll('/', '_')}`;
      copyFileSync(join(dir, file), join(tmp, copy));
      if (file.endsWith('.wasm')) {
        modules.push(`(name = "${as}", wasm = embed "${copy}")`);
        return;
      }
      modules.push(`(name = "${as}", esModule = embed "${copy}")`);
      const source = readFileSync(join(dir, file), 'utf8');
      for (const [, spec] of source.matchAll(/^(?:import|export)\s(?:[^"';()]*?\sfrom\s*)?["'](\.[^"']+)["']/gm)) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec));
        add(target, target);
      }
    };
    add(posix.normalize(manifest.exports['.'].workerd.default), 'arrears');
    capnp(write(name, worker('import { dueDate } from "arrears";'), modules));
  });

  const freePort = () =>
    new Promise((resolve, reject) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      });
      server.on('error', reject);
    });

  return {
    async firstAnswer(dir) {
      const name = dir === 'baseline' ? 'baseline' : `pkg${dirs.indexOf(dir)}`;
      const port = await freePort();
      const config = join(tmp, `${name}-${port}.capnp`);
      writeFileSync(config, readFileSync(configs.get(name), 'utf8').replace('PORT', String(port)));
      const start = performance.now();
      const child = spawn(bin, ['serve', config], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
      try {
        for (;;) {
          const answer = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.json(), () => undefined);
          if (answer) {
            if (answer.dueDate !== '2024-03-01') throw new Error(`workerd answered ${JSON.stringify(answer)}`);
            return performance.now() - start;
          }
          if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode})`);
          if (performance.now() - start > 30_000) throw new Error('workerd did not answer in 30 s');
          await new Promise((r) => setTimeout(r, 1));
        }
      } finally {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
        rmSync(config);
      }
    },
    cleanup() {
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
