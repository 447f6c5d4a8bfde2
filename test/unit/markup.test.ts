import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markupPlatform, parseEventAttribute, parseMarkup } from '../../server/src/core/markup';

describe('markup tokenizer', () => {
  it('reads elements and attributes with exact value offsets', () => {
    const text = `<view class="a">\n<button bindtap="onTap" open-type=getUserInfo disabled>hi</button>`;
    const facts = parseMarkup(text, 'wechat');
    assert.deepEqual(
      facts.elements.map((e) => e.tag),
      ['view', 'button'],
    );
    const button = facts.elements[1]!;
    assert.equal(text.slice(button.start, button.end), '<button bindtap="onTap" open-type=getUserInfo disabled>');
    const [bind, openType, disabled] = button.attributes;
    assert.equal(text.slice(bind!.valueSpan!.start, bind!.valueSpan!.end), 'onTap');
    assert.equal(text.slice(bind!.nameSpan.start, bind!.nameSpan.end), 'bindtap');
    assert.equal(openType!.value, 'getUserInfo');
    assert.deepEqual([disabled!.name, disabled!.value, disabled!.valueSpan], ['disabled', '', undefined]);
  });

  it('parses every WeChat/Douyin binding form', () => {
    const names = [
      'bindtap',
      'bind:tap',
      'catchtap',
      'catch:tap',
      'mut-bind:tap',
      'capture-bind:tap',
      'capture-catch:tap',
      'bindlongpress',
      'bind:chooseavatar',
    ];
    assert.deepEqual(
      names.map((n) => parseEventAttribute(n, 'wechat')),
      [
        { prefix: 'bind', event: 'tap' },
        { prefix: 'bind', event: 'tap' },
        { prefix: 'catch', event: 'tap' },
        { prefix: 'catch', event: 'tap' },
        { prefix: 'mut-bind', event: 'tap' },
        { prefix: 'capture-bind', event: 'tap' },
        { prefix: 'capture-catch', event: 'tap' },
        { prefix: 'bind', event: 'longpress' },
        { prefix: 'bind', event: 'chooseavatar' },
      ],
    );
    assert.equal(parseEventAttribute('binding', 'wechat')?.event, 'ing');
    assert.equal(parseEventAttribute('class', 'wechat'), undefined);
    assert.equal(parseEventAttribute('onTap', 'wechat'), undefined);
  });

  it('parses Alipay camel-case bindings and ignores lower-case attributes', () => {
    assert.deepEqual(parseEventAttribute('onTap', 'alipay'), { prefix: 'on', event: 'tap' });
    assert.deepEqual(parseEventAttribute('catchTap', 'alipay'), { prefix: 'catch', event: 'tap' });
    assert.deepEqual(parseEventAttribute('onGetAuthorize', 'alipay'), { prefix: 'on', event: 'getauthorize' });
    assert.equal(parseEventAttribute('open-type', 'alipay'), undefined);
    assert.equal(parseEventAttribute('bindtap', 'alipay'), undefined);
  });

  it('marks computed handlers as dynamic', () => {
    const facts = parseMarkup('<view bindtap="{{ handler }}"/><view bindtap="ok"/>', 'wechat');
    assert.deepEqual(
      facts.bindings.map((b) => [b.handler, b.dynamic]),
      [
        ['{{ handler }}', true],
        ['ok', false],
      ],
    );
    assert.equal(facts.hasDynamicBindings, true);
  });

  it('is not fooled by < inside {{ }} and <wxs>/<sjs> bodies', () => {
    const text =
      '<view>{{ a < b ? 1 : 2 }}</view><wxs module="m">var x = a <b; </wxs><sjs>if (a<c) {}</sjs><button bindtap="t"/>';
    const facts = parseMarkup(text, 'wechat');
    assert.deepEqual(
      facts.elements.map((e) => e.tag),
      ['view', 'wxs', 'sjs', 'button'],
    );
    assert.equal(facts.bindings[0]!.handler, 't');
  });

  it('tolerates broken markup without throwing', () => {
    for (const text of [
      '<button bindtap="x',
      '<<<>>>',
      '<view a=">',
      '</view>',
      '<!-- unterminated',
      '{{ {{ }}',
      '<button bindtap=\'a\' bindtap="b">',
    ]) {
      const facts = parseMarkup(text, 'wechat');
      assert.ok(Array.isArray(facts.elements), text);
    }
    const half = parseMarkup('<view>\n  <button bindtap="onTap"', 'wechat');
    assert.equal(half.bindings[0]!.handler, 'onTap');
  });

  it('knows the platform of each markup extension', () => {
    assert.deepEqual(['a.wxml', 'a.AXML', 'a.ttml', 'a.html', 'wxml'].map(markupPlatform), [
      'wechat',
      'alipay',
      'douyin',
      undefined,
      undefined,
    ]);
  });
});
