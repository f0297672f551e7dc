#!/usr/bin/env node
// The demo's static server, with no dependencies: serves www/ at `/` and the built npm package
// at `/node_modules/arrears/`, so the page imports `arrears` the way a user without a bundler
// does (an import map pointing at the package's browser entry).
//
//   node www/serve.mjs [PORT] [--pkg DIR]
//
// PORT comes from the argument, else $PORT, else 8080; 0 takes any free port. --pkg serves
// another copy of the package (an installed tarball, say) instead of the repository's pkg/.
// Binds 127.0.0.1 only and prints `arrears demo: http://127.0.0.1:PORT/` once listening.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = fileURLToPath(new URL('.', import.meta.url));
const PACKAGE_PREFIX = '/node_modules/arrears/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

function parseArgs(argv) {
  let port = process.env.PORT ?? '8080';
  let pkg = fileURLToPath(new URL('../pkg/', import.meta.url));
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--pkg' && i + 1 < argv.length) pkg = resolve(argv[++i]);
    else port = argv[i];
  }
  const number = Number(port);
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    throw new Error(`not a port number: ${port}`);
  }
  return { port: number, pkg };
}

/** The file a URL path names under one of the two roots, or null when it names none. */
async function fileFor(urlPath, roots) {
  let pathname;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const [root, rest] = pathname.startsWith(PACKAGE_PREFIX)
    ? [roots.pkg, pathname.slice(PACKAGE_PREFIX.length)]
    : [roots.www, pathname.slice(1)];
  const base = await realpath(root).catch(() => null);
  if (base === null) return null;
  const target = await realpath(resolve(base, `./${rest}`)).catch(() => null);
  // realpath resolves `..` and symlinks, so this also refuses a link that leads outside.
  if (target === null || (target !== base && !target.startsWith(base + sep))) return null;
  const info = await stat(target);
  if (info.isDirectory()) return fileFor(`${pathname.replace(/\/?$/, '/')}index.html`, roots);
  return info.isFile() ? { path: target, size: info.size } : null;
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

const options = (() => {
  try {
    return parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`arrears demo: ${e.message}\nusage: node www/serve.mjs [PORT] [--pkg DIR]`);
    process.exit(2);
  }
})();
const roots = { www: WWW, pkg: options.pkg };

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, 405, 'method not allowed');
  }
  const urlPath = new URL(req.url, 'http://localhost').pathname;
  const file = await fileFor(urlPath, roots).catch(() => null);
  if (file === null) return send(res, 404, `not found: ${urlPath}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': file.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
});

server.on('error', (e) => {
  const hint = e.code === 'EADDRINUSE' ? ': pass another port, or 0 for any free one' : '';
  console.error(`arrears demo: cannot listen on 127.0.0.1:${options.port} (${e.code ?? e.message})${hint}`);
  process.exit(1);
});
server.listen(options.port, '127.0.0.1', () => {
  console.log(`arrears demo: http://127.0.0.1:${server.address().port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
