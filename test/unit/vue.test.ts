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
