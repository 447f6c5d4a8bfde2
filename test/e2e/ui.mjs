// The browser run: the extension in code-server's workbench as a user sees it, driven with Playwright.
// Checks the error squiggle, the Problems view, a hover, a uni-app .vue page opened as Vue with its squiggles, and
// the command palette opening the decoder panel that decodes the official WeChat vector; takes screenshots along
// the way (into shotsDir and, with --update-screenshots, the README's pictures in docs/images/, from the checks
// that passed).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { poll, repoRoot, workbenchUrl } from './codeServer.mjs';
import { getApiById } from '../../server/src/catalog/index.ts';
import { officialVector } from '../decode/vectors.ts';

const readmeShots = {
  'editor-hover.png': 'hover.png',
  'problems.png': 'problems.png',
  'vue.png': 'vue.png',
  'decoder.png': 'decoder.png',
};

/** A WeChat page with the mistakes the README talks about, sized to fit one screenshot. */
const demoFiles = {
  'shop/project.config.json': JSON.stringify(
    { appid: officialVector.appid, libVersion: '3.4.0', compileType: 'miniprogram' },
    null,
    2,
  ),
  'shop/app.js': 'App({});\n',
  'shop/pages/profile/profile.wxml': '<button bindtap="onTapLogin">Log in</button>\n<button bindtap="onTapSave">Save</button>\n',
  'shop/pages/profile/profile.js': `Page({
  onLoad() {
    wx.getUserProfile({ desc: '用于完善会员资料' });
  },

  onTapLogin() {
    wx.getUserProfile({
      lang: 'zh_CN',
      success: (res) => this.setData({ user: res.userInfo }),
    });
  },

  onTapSave() {
    wx.getUserProfile({ desc: '用于展示用户头像、昵称并完善会员信息' });
  },
});
`,
  'uni-shop/manifest.json': JSON.stringify(
    { name: 'uni-shop', vueVersion: '3', 'mp-weixin': { appid: officialVector.appid } },
    null,
    2,
  ),
  'uni-shop/pages.json': JSON.stringify({ pages: [{ path: 'pages/profile/profile' }] }, null, 2),
  'uni-shop/pages/profile/profile.vue': `<template>
  <button @tap="onTapProfile">完善资料</button>
</template>

<script setup>
import { onLoad } from '@dcloudio/uni-app'

onLoad(() => {
  uni.getUserProfile({ desc: '用于完善会员资料', fail() {} })
})

function onTapProfile() {
  uni.getUserProfile({ desc: '用于完善会员资料', fail() {} })
}
</script>
`,
};

/** The palette text of a contributed command: `Category: Title`, with package.nls.json placeholders resolved. */
function commandPaletteLabel(commandId) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
  const resolve = (text) => (typeof text === 'string' && /^%.+%$/.test(text) ? nls[text.slice(1, -1)] : text);
  const entry = manifest.contributes.commands.find((c) => c.command === commandId);
  if (!entry) throw new Error(`package.json declares no command ${commandId}`);
  const title = resolve(entry.title);
  const category = resolve(entry.category);
  return category ? `${category}: ${title}` : title;
}

/**
 * Runs the UI checks against a started code-server. Returns `{ passed, failed }`; each check is one test,
 * and a failed check leaves a `failed-<name>.png` screenshot beside the others.
 */
export async function runUi({ browser, server, workspace, shotsDir, updateScreenshots, log }) {
  for (const [relative, text] of Object.entries(demoFiles)) {
    mkdirSync(dirname(join(workspace, relative)), { recursive: true });
    writeFileSync(join(workspace, relative), text);
  }
  mkdirSync(shotsDir, { recursive: true });
  const api = getApiById('wx.getUserProfile');
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(30_000);
  const results = { passed: 0, failed: 0 };
  /** Screenshots taken by the check that is running, and those of checks that passed. */
  let taken = [];
  const passedShots = new Set();
  const shot = async (name) => {
    await page.screenshot({ path: join(shotsDir, name) });
    taken.push(name);
  };

  /** Runs a command by its palette label (F1), waiting until the palette has found it. */
  const runCommand = async (label) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').fill(`>${label}`);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  };

  const check = async (name, body) => {
    const started = Date.now();
    taken = [];
    try {
      await body();
      results.passed += 1;
      for (const name of taken) passedShots.add(name);
      log(`✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      results.failed += 1;
      log(`✘ ${name}: ${error.message.split('\n')[0]}`);
      await page.screenshot({ path: join(shotsDir, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    }
  };

  try {
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: repoRoot }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const editor = page.locator('.part.editor .monaco-editor').first();

    await check('the page opens from Quick Open and shows error and warning squiggles', async () => {
      // Quick Open needs the explorer's file index; wait for the workspace tree to show a fixture folder.
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'shop' }).first().waitFor();
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').fill('shop/pages/profile/profile.js');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'profile.js' }).first().waitFor();
      await page.keyboard.press('Enter');
      await editor.locator('.view-lines', { hasText: 'onTapLogin' }).waitFor();
      await editor.locator('.squiggly-error').first().waitFor();
      await editor.locator('.squiggly-warning').first().waitFor();
      await shot('editor.png');
    });

    await check('hovering getUserProfile shows the diagnostic and the API reference', async () => {
      const token = editor.locator('.view-line span span', { hasText: /^getUserProfile$/ }).nth(1);
      await token.hover();
      // The summary as rendered: Markdown code spans lose their backticks.
      const hover = page
        .locator('.monaco-hover')
        .filter({ hasText: api.summary.en.replace(/`/g, '') })
        .first();
      await hover.waitFor({ state: 'visible' });
      const text = await hover.innerText();
      if (!text.includes('desc')) throw new Error(`the hover does not mention desc: ${text.slice(0, 200)}`);
      await shot('editor-hover.png');
      await page.mouse.move(640, 700);
      await page.keyboard.press('Escape');
      await hover.waitFor({ state: 'hidden' });
    });

    await check('the Problems view lists the findings with their codes', async () => {
      await page.keyboard.press('Control+Shift+M');
      const problems = page.locator('.markers-panel');
      for (const code of ['desc-missing', 'desc-too-long', 'not-in-tap-handler']) {
        await problems.locator('.monaco-list-row', { hasText: code }).first().waitFor();
      }
      await shot('problems.png');
    });

    await check('a uni-app .vue page opens as Vue and shows error and warning squiggles', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').fill('uni-shop/pages/profile/profile.vue');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'profile.vue' }).first().waitFor();
      await page.keyboard.press('Enter');
      await editor.locator('.view-lines', { hasText: 'onTapProfile' }).waitFor();
      // The language mode comes from our contribution: code-server has no Vue extension.
      await page.locator('[id="status.editor.mode"]', { hasText: /^Vue$/ }).waitFor();
      // not-in-tap-handler on the call in onLoad, uni-eventsync on the button's @tap.
      await editor.locator('.squiggly-error').first().waitFor();
      await editor.locator('.squiggly-warning').first().waitFor();
      await shot('vue.png');
    });

    await check('the command palette opens the decoder panel, which decodes the official WeChat vector', async () => {
      // Room for the panel: no bottom panel, no side bar, no other editor.
      await runCommand('View: Close All Editors');
      await runCommand('View: Hide Panel');
      await runCommand('View: Close Primary Side Bar');
      await runCommand(commandPaletteLabel('miniprogramUserInfo.decodePayload'));
      const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      // The panel asks the extension for its strings and the workspace's appid when it loads (\`ready\` → \`init\`);
      // a Decode clicked before that reply renders without the strings (seen on VS Code 1.93 under load). The appid
      // filled in from the demo's project.config.json shows that the reply arrived.
      await poll(
        'the decoder panel to fill in the appid',
        async () => (await panel.locator('#appid').inputValue()) !== '',
        30_000,
      );
      await panel
        .locator('#payload')
        .fill(JSON.stringify({ encryptedData: officialVector.encryptedData, iv: officialVector.iv }, null, 2));
      await panel.locator('#session-key').fill(officialVector.sessionKey);
      await panel.locator('#appid').fill(officialVector.appid);
      await panel.locator('#decode').click();
      await panel.locator('#raw', { hasText: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE' }).waitFor();
      const verdicts = await panel.locator('#verdicts').innerText();
      if (/fail/i.test(verdicts)) throw new Error(`a check failed: ${verdicts}`);
      const sessionKeyField = await panel.locator('#session-key').getAttribute('type');
      if (sessionKeyField !== 'password') throw new Error('the session_key field is not a password field');
      await panel.locator('#status').scrollIntoViewIfNeeded();
      await shot('decoder.png');
    });
  } finally {
    await page.close().catch(() => {});
  }

  if (updateScreenshots) {
    // Only pictures of checks that passed go into the README.
    const updated = Object.entries(readmeShots).filter(([from]) => passedShots.has(from));
    mkdirSync(join(repoRoot, 'docs/images'), { recursive: true });
    for (const [from, to] of updated) copyFileSync(join(shotsDir, from), join(repoRoot, 'docs/images', to));
    log(`updated docs/images/: ${updated.map(([, to]) => to).join(', ') || 'nothing (no check with a README picture passed)'}`);
  }
  return results;
}
