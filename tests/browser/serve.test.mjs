// www/serve.mjs: the two roots, MIME types, and no way out of them.
//
//   node --test tests/browser/serve.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let server;
let port;
let scratch;

/** A GET with the path sent exactly as written (fetch would resolve `..` first). */
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'arrears-serve-'));
  const pkg = join(scratch, 'pkg');
  await mkdir(pkg, { recursive: true });
  await writeFile(join(pkg, 'browser.js'), 'export default 1;\n');
  await writeFile(join(pkg, 'arrears_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(join(scratch, 'secret.txt'), 'secret\n');
  await symlink(join(scratch, 'secret.txt'), join(pkg, 'escape.txt'));
  server = spawn(process.execPath, ['www/serve.mjs', '0', '--pkg', pkg], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(server.stdout, 'data');
  port = Number(/^arrears demo: http:\/\/127\.0\.0\.1:(\d+)\/$/m.exec(String(line))[1]);
});

after(async () => {
  if (server && server.exitCode === null) {
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  }
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test('serves the page at / and the package under /node_modules/arrears/, with MIME types', async () => {
  const page = await get('/');
  assert.equal(page.status, 200);
  assert.equal(page.type, 'text/html; charset=utf-8');
  assert.match(page.body, /"arrears": "\.\/node_modules\/arrears\//);
  assert.equal((await get('/app.js')).type, 'text/javascript; charset=utf-8');
  assert.equal((await get('/style.css')).type, 'text/css; charset=utf-8');
  const entry = await get('/node_modules/arrears/browser.js');
  assert.deepEqual([entry.status, entry.type, entry.body], [200, 'text/javascript; charset=utf-8', 'export default 1;\n']);
  const wasm = await get('/node_modules/arrears/arrears_bg.wasm');
  assert.deepEqual([wasm.status, wasm.type], [200, 'application/wasm']);
  const head = await get('/node_modules/arrears/browser.js', 'HEAD');
  assert.deepEqual([head.status, head.body], [200, '']);
});

test('nothing outside the two roots is reachable', async () => {
  for (const path of [
    '/../serve.test.mjs',
    '/../../Cargo.toml',
    '/%2e%2e/Cargo.toml',
    '/node_modules/arrears/../../Cargo.toml',
    '/node_modules/arrears/%2e%2e/secret.txt',
    '/node_modules/arrears/..%2fsecret.txt',
    '/node_modules/arrears/escape.txt',
    '/node_modules/arrears/%00browser.js',
    '/node_modules/arrears/%E0%A4%A',
    '/missing.html',
  ]) {
    const res = await get(path);
    assert.equal(res.status, 404, `${path} gave ${res.status}`);
    assert.match(res.body, /^not found: /, path);
  }
  assert.equal((await get('/', 'POST')).status, 405);
});
