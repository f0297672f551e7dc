// What every browser test needs: the demo server on a free port, Debian's Chromium through
// playwright-core, a page that records every console error, page error and failed request,
// and a wait for text to appear.
//
// Needs the built package in pkg/ (`make build`), or ARREARS_PKG=<dir> for another copy of
// it, Chromium at /usr/bin/chromium (or CHROMIUM=<path>), and playwright-core.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Starts www/serve.mjs on a free loopback port; resolves to `{ url, stop }`. */
async function startServer() {
  const args = ['www/serve.mjs', '0'];
  if (process.env.ARREARS_PKG) args.push('--pkg', process.env.ARREARS_PKG);
  const server = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stderr.on('data', (chunk) => { output += chunk; });
  const url = new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /arrears demo: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${output}`)));
  });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`serve.mjs did not start: ${output}`)), 10_000).unref());
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGTERM');
    await exited;
  };
  try {
    return { url: await Promise.race([url, timeout]), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Opens the demo page in a fresh headless Chromium. Returns `{ page, problems, close }`;
 * `problems` collects console errors and warnings (the page's and its workers'), page errors,
 * failed requests and HTTP errors.
 */
export async function openDemo() {
  const server = await startServer();
  const problems = [];
  let browser = null;
  const close = async () => {
    try {
      await browser?.close();
    } finally {
      await server.stop();
    }
  };
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const listen = (source, where) => source.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${where}console ${message.type()}: ${message.text()}`);
    });
    listen(page, '');
    page.on('worker', (worker) => listen(worker, 'worker '));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(server.url);
    await mkdir(SCREENSHOTS, { recursive: true });
    return { page, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Waits until `selector` is shown with text that passes `check`, and returns the text. Fails
 * on timeout, or at once when the element `failOn` names is shown (an error message that
 * will not go away), with what the page showed (the texts of `explain`) and the problems.
 */
export async function textOf(page, problems, selector, check, { timeout = 5_000, explain = '#error, #status', failOn = null } = {}) {
  const element = page.locator(selector).first();
  const failure = failOn && page.locator(failOn).first();
  let seen = '(absent)';
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(50)) {
    if (await element.isVisible()) {
      seen = await element.textContent();
      if (check(seen)) return seen;
    }
    if (failure && await failure.isVisible()) break;
  }
  const shown = await page.locator(explain).allTextContents();
  assert.fail(`${selector}: no text passing ${check} within ${timeout} ms; last seen ${JSON.stringify(seen)}; ` +
    `page says ${JSON.stringify(shown)}; problems: ${JSON.stringify(problems)}`);
}
