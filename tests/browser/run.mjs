// Runs the browser layer: the demo server's test and the demo page in headless Chromium.
// The same as `node --test tests/browser/`; this file is what `make test-browser` calls.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const files = ['serve.test.mjs', 'demo.test.mjs', 'aging.test.mjs', 'quote.test.mjs', 'plans.test.mjs', 'strategy.test.mjs'].map((name) => fileURLToPath(new URL(name, import.meta.url)));
const { status, error } = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
if (error) throw error;
process.exit(status ?? 1);
