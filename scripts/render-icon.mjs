#!/usr/bin/env node
// Renders images/icon.svg (the source) to images/icon.png (128 × 128, what the Marketplace and the
// Extensions view show) with headless Chromium through playwright-core, transparent outside the rounded square.
// Needs the chromium that `bash scripts/e2e/setup.sh` installs. Usage: `node scripts/render-icon.mjs`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'images/icon.svg'), 'utf8');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`render-icon: no Chromium at ${executablePath}; run \`bash scripts/e2e/setup.sh\` or set CHROMIUM`);
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const out = join(root, 'images/icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`render-icon: wrote ${out}`);
} finally {
  await browser.close();
}
