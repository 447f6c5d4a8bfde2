import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { parseMarkup } from '../../server/src/core/markup';
import { pageModelOf } from '../../server/src/core/model';
import { rendersOnlyWithoutFlag } from '../../server/src/core/renderConditions';

/** Whether the first element with `bindtap="target"` never renders while `flag` is true. */
function onlyWithout(wxml: string, flag = 'can'): boolean {
  const element = parseMarkup(wxml, 'wechat').bindings.find((b) => b.handler === 'target')?.element;
  assert.ok(element);
  return rendersOnlyWithoutFlag(wxml, element, flag);
}

describe('rendersOnlyWithoutFlag', () => {
  it('holds for the wx:elif after a wx:if that the flag and the same other condition decide', () => {
    assert.equal(
      onlyWithout(
        '<block wx:if="{{can && !done}}"><input /></block>\n<block wx:elif="{{!done}}"><button bindtap="target" /></block>',
      ),
      true,
    );
  });

  it('holds for a wx:else after wx:if="{{can}}" and inside an ancestor that needs the flag false', () => {
    assert.equal(onlyWithout('<view wx:if="{{can}}" /><view wx:else><button bindtap="target">x</button></view>'), true);
    assert.equal(onlyWithout('<view wx:if="{{!can}}"><text>a</text><button bindtap="target">x</button></view>'), true);
  });

  it('does not hold when another value may let the element render with the flag true', () => {
    assert.equal(onlyWithout('<view wx:if="{{can && ready}}" /><button wx:elif="{{!done}}" bindtap="target">x</button>'), false);
    assert.equal(onlyWithout('<button wx:if="{{!can || legacy}}" bindtap="target">x</button>'), false);
  });

  it('does not hold when the chain is broken by an element without a condition, or the flag is not read', () => {
    assert.equal(onlyWithout('<view wx:if="{{can}}" /><text>x</text><button wx:else bindtap="target">x</button>'), false);
    assert.equal(onlyWithout('<button wx:if="{{!other}}" bindtap="target">x</button>'), false);
    assert.equal(onlyWithout('<button bindtap="target">x</button>'), false);
  });

  it('takes a condition mixed with text, or a comparison, as an atom of its own', () => {
    assert.equal(onlyWithout('<button wx:if="a{{!can}}" bindtap="target">x</button>'), false);
    assert.equal(onlyWithout('<button wx:if="{{count > 1 && !can}}" bindtap="target">x</button>'), true);
  });
});

describe('PageModel.keptCanIUseFlags', () => {
  const flags = (code: string) =>
    Object.fromEntries(pageModelOf(ts.createSourceFile('a.js', code, ts.ScriptTarget.Latest, true)).keptCanIUseFlags());

  it('reads a data flag kept straight from wx.canIUse', () => {
    assert.deepEqual(flags("Page({ data: { canNick: wx.canIUse('input.type.nickname') } })"), { canNick: 'input.type.nickname' });
  });

  it('drops a flag the script names again (it may be set to something else) or negates', () => {
    assert.deepEqual(
      flags("Page({ data: { canNick: wx.canIUse('input.type.nickname') }, onLoad() { this.setData({ canNick: false }) } })"),
      {},
    );
    assert.deepEqual(flags("Page({ data: { canNick: !wx.canIUse('input.type.nickname') } })"), {});
  });

  it('takes a quoted key with regular-expression characters literally', () => {
    assert.deepEqual(flags("Page({ data: { 'can(nick': wx.canIUse('input.type.nickname') } })"), {
      'can(nick': 'input.type.nickname',
    });
  });
});
