// Reading .vue files: script blocks in the file's own offsets, the template's Vue syntax as markup facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { getSourceFile } from '../../server/src/core/parse';
import { handlersOfExpression, readVue } from '../../server/src/core/vue';

describe('readVue', () => {
  const text = [
    '<template>',
    '  <button open-type="getUserInfo" @getuserinfo="onGot" @tap.stop="onTap($event)" v-on:click="() => go(1)"></button>',
    '  <button :open-type="\'chooseAvatar\'" :class="cls"></button>',
    '</template>',
    '<script>',
    'export default { methods: { onTap() {} } }',
    '</script>',
    '<script setup lang="ts">',
    'const x: number = 1',
    '</script>',
    '<style>.a { color: red }</style>',
  ].join('\n');

  it('keeps the script blocks at their offsets and blanks the rest, line breaks included', () => {
    const vue = readVue('/p/a.vue', text);
    assert.equal(vue.script.length, text.length);
    assert.equal(vue.script.split('\n').length, text.split('\n').length);
    const at = text.indexOf('export default');
    assert.equal(vue.script.slice(at, at + 14), 'export default');
    assert.equal(vue.script.indexOf('template'), -1);
    assert.equal(vue.script.indexOf('color'), -1);
    assert.equal(vue.scriptKind, ts.ScriptKind.TS);
    const setupOpen = text.indexOf('<script setup lang="ts">') + '<script setup lang="ts">'.length;
    assert.deepEqual(vue.setupSpan, { start: setupOpen, end: text.indexOf('</script>', setupOpen) });
    const sf = getSourceFile('/p/a.vue', text);
    const decl = sf.statements.find(ts.isVariableStatement)!;
    assert.equal(decl.getStart(sf), text.indexOf('const x'));
  });

  it('reads event bindings, static and bound open-type values with spans inside the .vue text', () => {
    const template = readVue('/p/a.vue', text).template!;
    assert.deepEqual(
      template.bindings.map((b) => [b.event, b.prefix, b.handler, !!b.inline]),
      [
        ['getuserinfo', '@', 'onGot', false],
        ['tap', '@', 'onTap', false],
        ['click', 'v-on:', 'go', true],
      ],
    );
    const openTypes = template.elements.flatMap((e) => e.attributes.filter((a) => a.name === 'open-type'));
    assert.deepEqual(
      openTypes.map((a) => [a.value, text.slice(a.valueSpan!.start, a.valueSpan!.end)]),
      [
        ['getUserInfo', 'getUserInfo'],
        ['chooseAvatar', 'chooseAvatar'],
      ],
    );
    const tap = template.bindings[1]!;
    assert.equal(text.slice(tap.attribute.nameSpan.start, tap.attribute.nameSpan.end), '@tap.stop');
    assert.equal(text.slice(tap.attribute.valueSpan!.start, tap.attribute.valueSpan!.end), 'onTap($event)');
    assert.equal(template.hasDynamicBindings, false);
  });

  it('marks the template dynamic when a handler is handed on (`debounce(submit)`) or the event is computed', () => {
    const handed = readVue('/p/b.vue', '<template><view @tap="debounce(submit)()" /></template>');
    assert.equal(handed.template!.hasDynamicBindings, true);
    const computed = readVue('/p/c.vue', '<template><view @[name]="submit" /></template>');
    assert.equal(computed.template!.hasDynamicBindings, true);
  });

  it('reads no markup from a Pug template, and nothing breaks on malformed input', () => {
    assert.equal(readVue('/p/d.vue', '<template lang="pug">button(@tap="x")</template>').template, undefined);
    for (const broken of ['<template><view @tap="', '<script>const a = ', '<<<>>>', '', '<template><script></template>']) {
      const vue = readVue('/p/e.vue', broken);
      assert.equal(vue.script.length, broken.length);
      getSourceFile('/p/e.vue', broken);
    }
  });

  it('reads the methods an inline handler calls', () => {
    assert.deepEqual(handlersOfExpression('onTap'), { names: ['onTap'], simple: true, passes: false });
    assert.deepEqual(handlersOfExpression('ok && submit()'), { names: ['submit'], simple: false, passes: false });
    assert.deepEqual(handlersOfExpression("go('a(b')"), { names: ['go'], simple: false, passes: false });
    assert.deepEqual(handlersOfExpression('count++').names, []);
  });
});

describe('readVue after an edit (the previous version reused when the edit is inside a script block)', () => {
  const base = [
    '<template>',
    '  <button @tap="onTap">a</button>',
    '  <!-- #ifdef MP-WEIXIN -->',
    '  <view />',
    '  <!-- #endif -->',
    '</template>',
    '<script>',
    'export default { methods: { onTap() { uni.getUserProfile({ desc: "x" }) } } }',
    '</script>',
    '<script setup lang="ts">',
    'const x: number = 1',
    '</script>',
    '<style>.a { color: red }</style>',
  ].join('\n');
  const scriptFirst = [
    '<script setup>',
    'function onTap() {}',
    '</script>',
    '<template>',
    '  <button @tap="onTap">a</button>',
    '</template>',
  ].join('\n');
  const edits = ['x', '\n', '', 'const y = "</script>"', '</SCRIPT>', '{', '\r\n', '/* <template> */'];
  let counter = 0;

  for (const [name, text] of [
    ['template first', base],
    ['script first', scriptFirst],
  ] as const) {
    it(`gives what a fresh read gives, for edits at every offset (${name})`, () => {
      let reused = 0;
      for (let at = 0; at <= text.length; at++) {
        for (const insert of edits) {
          for (const removed of [0, 1, 3]) {
            const edited = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + removed));
            if (edited === text) continue;
            const file = `/p/pages/edit${counter++}.vue`;
            const previous = readVue(file, text);
            const incremental = readVue(file, edited);
            const fresh = readVue(`/p/pages/fresh${counter++}.vue`, edited);
            assert.deepEqual(incremental, fresh, `${JSON.stringify(insert)} at ${at}, ${removed} removed`);
            if (incremental.template === previous.template && previous.template) reused++;
          }
        }
      }
      // The template-first file reuses the previous read for the edits inside its script blocks; the script-first
      // one never does (its template would move).
      if (name === 'template first') assert.ok(reused > 500, `reused ${reused} times`);
      else assert.equal(reused, 0);
    });
  }
});
