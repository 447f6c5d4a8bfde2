/**
 * Wrong results found while fuzzing and hardening the analyser, one test each.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMarkup } from '../../server/src/core/markup';
import { MemoryProject } from '../unit/helpers';

describe('regressions', () => {
  it('reads the markup after a self-closing <wxs src> or <sjs src> (it was masked to the end of the file)', () => {
    const wxml = '<wxs module="m" src="./m.wxs" />\n<button bindtap="onTap">Log in</button>';
    assert.deepEqual(
      parseMarkup(wxml, 'wechat').bindings.map((b) => b.handler),
      ['onTap'],
    );
    const axml = '<sjs module="m" src="./m.sjs"/><button onTap="onTap">Log in</button>';
    assert.deepEqual(
      parseMarkup(axml, 'alipay').bindings.map((b) => b.handler),
      ['onTap'],
    );
    const project = new MemoryProject({
      'pages/a/a.wxml': wxml,
      'pages/a/a.js': 'Page({ onTap() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })',
    });
    assert.deepEqual(
      project.analyze('pages/a/a.js').filter((f) => f.code === 'not-in-tap-handler'),
      [],
      'onTap is bound to a tap, so calling getUserProfile there is fine',
    );
  });
});
