// uni-eventsync: in a uni-app Vue 3 page, a tap-only API a template event reaches needs data-eventsync="true" on the element.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, marked, MemoryProject } from './helpers';

const code = 'uni-eventsync';
const vue3 = { 'manifest.json': '{ "vueVersion": "3", "mp-weixin": { "appid": "wx1" } }', 'pages.json': '{ "pages": [] }' };

function run(source: string, files: Record<string, string> = vue3) {
  const { text, spans } = marked(source);
  const project = new MemoryProject({ ...files, 'pages/a/a.vue': text });
  return { text, spans, findings: project.analyze('pages/a/a.vue').filter((f) => f.code === code) };
}

const script = (body: string) => `<script setup>\n${body}\n</script>\n`;
const tapProfile = "function onTap() {\n  wx.getUserProfile({ desc: '用于完善会员资料', fail() {} })\n}";

describe(code, () => {
  it('reports the event attribute of an element without the attribute, and the fix adds it', () => {
    const { text, spans, findings } = run(`<template>\n  <button «@tap»="onTap">a</button>\n</template>\n${script(tapProfile)}`);
    assert.deepEqual(
      findings.map((f) => ({ start: f.start, end: f.end })),
      spans,
    );
    assert.equal(findings[0]!.severity, 'warning');
    const fixed = applyFix(text, findings[0]!.fixes![0]!);
    assert.match(fixed, /<button data-eventsync="true" @tap="onTap">a<\/button>/);
  });

  it('accepts an element with data-eventsync="true", and one whose handler does not reach a tap-only API', () => {
    const ok = run(`<template>\n  <button data-eventsync="true" @click="onTap">a</button>\n</template>\n${script(tapProfile)}`);
    assert.deepEqual(ok.findings, []);
    const plain = run(
      `<template>\n  <button @tap="onTap">a</button>\n</template>\n${script('function onTap() { wx.showToast({ title: "x" }) }')}`,
    );
    assert.deepEqual(plain.findings, []);
  });

  it('accepts a bound :data-eventsync (uni-app compares String(dataset.eventsync) with "true"), but not data-eventsync="false"', () => {
    for (const attribute of [':data-eventsync="true"', 'v-bind:data-eventsync="true"', ':data-eventsync="syncTaps"']) {
      const bound = run(`<template>\n  <button ${attribute} @tap="onTap">a</button>\n</template>\n${script(tapProfile)}`);
      assert.deepEqual(bound.findings, [], attribute);
    }
    const off = run(`<template>\n  <button data-eventsync="false" «@tap»="onTap">a</button>\n</template>\n${script(tapProfile)}`);
    assert.deepEqual(
      off.findings.map((f) => ({ start: f.start, end: f.end })),
      off.spans,
    );
  });

  it('follows the handler through the functions it calls (`@click="go"` → `go()` → `onTap()`)', () => {
    const { spans, findings } = run(
      `<template>\n  <view «@click»="go">a</view>\n</template>\n${script(`${tapProfile}\nconst go = () => onTap()`)}`,
    );
    assert.deepEqual(
      findings.map((f) => ({ start: f.start, end: f.end })),
      spans,
    );
  });

  it('explains @click on a custom component, without a fix there (the attribute belongs inside it)', () => {
    const { findings } = run(`<template>\n  <profile-card @click="onTap" />\n</template>\n${script(tapProfile)}`);
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /component `<profile-card>`/);
    assert.ok(!findings[0]!.fixes!.some((f) => /data-eventsync/.test(f.title)));
  });

  it('is quiet in a Vue 2 project (no vueVersion, or vue 2 in package.json) and outside uni-app', () => {
    const page = `<template>\n  <button @tap="onTap">a</button>\n</template>\n${script(tapProfile)}`;
    const pages = { 'pages.json': '{ "pages": [] }' };
    assert.deepEqual(run(page, { ...pages, 'manifest.json': '{ "mp-weixin": {} }' }).findings, []);
    assert.deepEqual(
      run(page, { ...pages, 'manifest.json': '{}', 'package.json': '{ "dependencies": { "vue": "^2.6.14" } }' }).findings,
      [],
    );
    assert.deepEqual(run(page, {}).findings, []);
    assert.equal(
      run(page, {
        ...pages,
        'manifest.json': '{}',
        'package.json': '{ "devDependencies": { "@dcloudio/vite-plugin-uni": "3.0.0" } }',
      }).findings.length,
      1,
    );
  });

  it('leaves calls that lose the gesture anyway to not-in-tap-handler', () => {
    const { findings } = run(
      `<template>\n  <button @tap="onTap">a</button>\n</template>\n${script("function onTap() {\n  setTimeout(() => wx.getUserProfile({ desc: '用于完善会员资料', fail() {} }))\n}")}`,
    );
    assert.deepEqual(findings, []);
  });
});
