// What the markup grammars promise, one behaviour per test: the token under the `|` cursor and its scopes,
// its embedded language and its token type, as VS Code would see them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenAt, type MarkupLanguage } from './textmate';

async function scopes(fixture: string, language: MarkupLanguage): Promise<string[]> {
  return (await tokenAt(fixture, language)).scopes;
}

function assertHas(actual: string[], scope: string): void {
  assert.ok(actual.includes(scope), `expected ${scope} in ${actual.join(' ')}`);
}

function assertLacks(actual: string[], prefix: string): void {
  assert.ok(!actual.some((s) => s.startsWith(prefix)), `expected no ${prefix}* in ${actual.join(' ')}`);
}

describe('event bindings follow each platform', () => {
  const cases: Array<[MarkupLanguage, string]> = [
    ['wxml', '<button |bindtap="onTapProfile">'],
    ['wxml', '<button |bind:chooseavatar="onChooseAvatar">'],
    ['wxml', '<button |catch:longpress="x">'],
    ['wxml', '<view |mut-bind:tap="x">'],
    ['wxml', '<view |capture-bind:touchstart="x">'],
    ['wxml', '<view |capture-catch:tap="x">'],
    ['axml', '<button |onGetAuthorize="onGetAuthorize">'],
    ['axml', '<view |catchTap="x">'],
    ['ttml', '<button |bindtap="onTapLogin">'],
    ['ttml', '<button |catch:tap="x">'],
  ];
  for (const [language, fixture] of cases) {
    test(`${language}: ${fixture.replace('|', '')} is an event binding`, async () => {
      const actual = await scopes(fixture, language);
      assertHas(actual, `meta.attribute.event-binding.${language}`);
      assertHas(actual, `keyword.other.event-binding.${language}`);
    });
  }

  const plain: Array<[MarkupLanguage, string]> = [
    ['wxml', '<view |onTap="x">'],
    ['axml', '<view |bindtap="x">'],
    ['axml', '<view |one="x">'],
    ['axml', '<view |ontap="x">'],
    ['ttml', '<view |onTap="x">'],
    ['wxml', '<view |data-bind="x">'],
  ];
  for (const [language, fixture] of plain) {
    test(`${language}: ${fixture.replace('|', '')} is a plain attribute`, async () => {
      const actual = await scopes(fixture, language);
      assertHas(actual, `entity.other.attribute-name.${language}`);
      assertLacks(actual, 'meta.attribute.event-binding');
    });
  }

  test('a plain handler name is scoped as the function it calls', async () => {
    assertHas(await scopes('<button bindtap="|onTapProfile">', 'wxml'), 'entity.name.function.handler.wxml');
    assertHas(await scopes('<button onTap="|onTapMember">', 'axml'), 'entity.name.function.handler.axml');
  });

  test('a computed handler is a JavaScript expression, not a name', async () => {
    const token = await tokenAt('<button bindtap="{{ |handlerName }}">', 'wxml');
    assert.equal(token.language, 'javascript');
    assertLacks(token.scopes, 'entity.name.function.handler');
  });
});

describe('directives belong to their platform', () => {
  test('wx:if, a:if and tt:if are control directives in their own language', async () => {
    assertHas(await scopes('<view wx:|if="{{ok}}">', 'wxml'), 'keyword.control.directive.wxml');
    assertHas(await scopes('<view a:|if="{{ok}}">', 'axml'), 'keyword.control.directive.axml');
    assertHas(await scopes('<view tt:|for="{{list}}">', 'ttml'), 'keyword.control.directive.ttml');
  });

  test("another platform's directive is a plain attribute", async () => {
    assertLacks(await scopes('<view |wx:if="{{ok}}">', 'ttml'), 'meta.attribute.directive');
    assertLacks(await scopes('<view |a:if="{{ok}}">', 'wxml'), 'meta.attribute.directive');
  });

  test('loop variables and keys are named in their values', async () => {
    assertHas(await scopes('<view wx:for="{{a}}" wx:for-item="|user">', 'wxml'), 'variable.parameter.loop.wxml');
    assertHas(await scopes('<view a:for="{{a}}" a:for-index="|idx">', 'axml'), 'variable.parameter.loop.axml');
    assertHas(await scopes('<view wx:key="|*this">', 'wxml'), 'variable.language.this.wxml');
    assertHas(await scopes('<view tt:key="|id">', 'ttml'), 'variable.other.property.ttml');
  });

  test('model:value is a WXML directive', async () => {
    assertHas(await scopes('<input |model:value="{{v}}"/>', 'wxml'), 'meta.attribute.directive.wxml');
  });
});

describe('{{ }} expressions are embedded JavaScript', () => {
  test('in text', async () => {
    const token = await tokenAt('<text>{{ |user.nickName }}</text>', 'wxml');
    assert.equal(token.language, 'javascript');
    assertHas(token.scopes, 'meta.embedded.expression.wxml');
  });

  test('inside an attribute value, where the surrounding string is not string text', async () => {
    const inside = await tokenAt(`<view class="page {{ |loading ? 'on' : '' }}">`, 'axml');
    assert.equal(inside.language, 'javascript');
    assert.equal(inside.tokenType, 'other');
    const literal = await tokenAt(`<view class="page {{ loading ? '|on' : '' }}">`, 'axml');
    assert.equal(literal.tokenType, 'string', 'a JavaScript string stays a string');
    const around = await tokenAt('<view class="|page {{ x }}">', 'axml');
    assert.equal(around.language, 'axml');
    assert.equal(around.tokenType, 'other', 'attribute values take quick suggestions like HTML');
  });

  test('the braces are markup punctuation', async () => {
    const open = await tokenAt('<text>|{{ a }}</text>', 'ttml');
    assertHas(open.scopes, 'punctuation.section.embedded.begin.ttml');
    assert.equal(open.language, 'ttml');
  });

  test('an expression over several lines ends at }}', async () => {
    const after = await tokenAt('<view class="{{\n  a ? 1 : 2\n}}" |bindtap="go">', 'wxml');
    assertHas(after.scopes, 'meta.attribute.event-binding.wxml');
  });

  test('comparison operators inside an expression do not open tags', async () => {
    const after = await tokenAt('<view wx:if="{{ a < b }}">text</view><|view>', 'wxml');
    assertHas(after.scopes, 'entity.name.tag.wxml');
  });
});

describe('<wxs> and <sjs> blocks are embedded JavaScript', () => {
  test('inline module bodies', async () => {
    assert.equal((await tokenAt('<wxs module="m">\n  |var a = 1;\n</wxs>', 'wxml')).language, 'javascript');
    assert.equal((await tokenAt('<sjs module="m">\n  |var a = 1;\n</sjs>', 'ttml')).language, 'javascript');
    assert.equal((await tokenAt('<sjs module="m">\n  |export default {};\n</sjs>', 'axml')).language, 'javascript');
  });

  test('a <wxs> tag outside WXML is an ordinary element', async () => {
    assert.equal((await tokenAt('<wxs module="m">\n  |var a = 1;\n</wxs>', 'ttml')).language, 'ttml');
  });

  test('a self-closing module reference has no body', async () => {
    const after = await tokenAt('<wxs module="m" src="./m.wxs" />\n<|view>', 'wxml');
    assertHas(after.scopes, 'meta.tag.start.wxml');
    assert.equal(after.language, 'wxml');
  });

  test('import-sjs is an ordinary self-closing AXML tag', async () => {
    assertHas(await scopes('<|import-sjs name="m" from="./m.sjs"/>', 'axml'), 'entity.name.tag.axml');
    assert.equal((await tokenAt('<import-sjs name="m" from="./m.sjs"/>\n<|view>', 'axml')).language, 'axml');
  });

  test('an unterminated block comment stops at the closing tag', async () => {
    const after = await tokenAt('<wxs module="m">\n  /* never closed\n</wxs>\n<view |bindtap="go">', 'wxml');
    assertHas(after.scopes, 'meta.attribute.event-binding.wxml');
    assert.equal(after.language, 'wxml');
  });
});

describe('comments and entities', () => {
  test('a comment hides markup and expressions', async () => {
    const token = await tokenAt('<!-- <view |bindtap="x"> {{ y }} -->', 'wxml');
    assertHas(token.scopes, 'comment.block.wxml');
    assert.equal(token.tokenType, 'comment');
    assertLacks(token.scopes, 'meta.attribute');
  });

  test('named and numeric character references', async () => {
    assertHas(await scopes('<text>|&amp;</text>', 'wxml'), 'constant.character.entity.wxml');
    assertHas(await scopes('<text>|&#x4E2D;</text>', 'axml'), 'constant.character.entity.axml');
    assertHas(await scopes('<text>|&#20013;</text>', 'ttml'), 'constant.character.entity.ttml');
    assertLacks(await scopes('<text>|& bare</text>', 'wxml'), 'constant.character.entity');
  });
});
