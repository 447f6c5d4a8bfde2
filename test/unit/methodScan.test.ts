import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageScriptDefines } from '../../server/src/core/methodScan';

describe('pageScriptDefines', () => {
  const page = `Page({
  data: { title: 'x', onData: true },
  onLoad() {},
  onTap(e) { this.helper() },
  async onAsync() {},
  onArrow: (e) => {},
  onShort: e => {},
  onExpr: function () {},
  onRef: handleTap,
})`;
  it('confirms names the page defines as members, in every written form', () => {
    assert.equal(pageScriptDefines(page, ['onTap', 'onAsync', 'onArrow', 'onShort', 'onExpr', 'onRef']), true);
  });
  it('does not confirm a missing name, a call of it, or a data value', () => {
    assert.equal(pageScriptDefines(page, ['onTapLogn']), false);
    assert.equal(pageScriptDefines(page, ['helper']), false, 'this.helper() is a call, not a definition');
    assert.equal(pageScriptDefines(page, ['onData']), false, 'a boolean is not a handler');
    assert.equal(pageScriptDefines(page, ['title']), false, 'a string is not a handler');
    assert.equal(
      pageScriptDefines(`function onOutside(e) {}\n${page}`, ['onOutside']),
      false,
      'a module function is no page member',
    );
  });
  it('leaves components and scripts without Page to the page model', () => {
    assert.equal(pageScriptDefines('Component({ methods: { onTap() {} } })', ['onTap']), false);
    assert.equal(pageScriptDefines('Page({ onTap() {} })\nComponent({})', ['onTap']), false);
    assert.equal(pageScriptDefines('const o = { onTap() {} }', ['onTap']), false);
  });
  it('refuses names that are not identifiers', () => {
    assert.equal(pageScriptDefines('Page({ "on-tap"() {} })', ['on-tap']), false);
  });
});
