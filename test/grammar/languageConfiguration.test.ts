// The shared WXML/AXML/TTML language configuration, exercised the way VS Code applies it: its regular
// expressions are JavaScript RegExps run against the text around the cursor.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { manifest, markupLanguages, repoRoot } from './textmate';

interface Pattern {
  pattern: string;
  flags?: string;
}
interface OnEnterRule {
  beforeText: Pattern;
  afterText?: Pattern;
  action: { indent: 'none' | 'indent' | 'indentOutdent' | 'outdent' };
}
interface LanguageConfiguration {
  comments: { blockComment: [string, string]; lineComment?: string };
  brackets: Array<[string, string]>;
  autoClosingPairs: Array<{ open: string; close: string; notIn?: string[] }>;
  surroundingPairs: Array<{ open: string; close: string }>;
  folding: { markers: { start: string; end: string } };
  wordPattern: string;
  onEnterRules: OnEnterRule[];
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
}

const paths = new Set(manifest.contributes.languages.filter((l) => (markupLanguages as readonly string[]).includes(l.id)).map((l) => l.configuration));
const configPath = [...paths][0]!;
const config = JSON.parse(readFileSync(join(repoRoot, configPath), 'utf8')) as LanguageConfiguration;

const regex = (p: Pattern) => new RegExp(p.pattern, p.flags);

/** The indent action VS Code takes on Enter with the cursor at `|` of a one-line fixture. */
function onEnter(fixture: string): string {
  const [before, after] = fixture.split('|') as [string, string];
  const rule = config.onEnterRules.find((r) => regex(r.beforeText).test(before) && (!r.afterText || regex(r.afterText).test(after)));
  return rule?.action.indent ?? 'none';
}

function words(text: string): string[] {
  return text.match(new RegExp(config.wordPattern, 'g')) ?? [];
}

test('the three markup languages share one configuration', () => {
  assert.equal(paths.size, 1);
  assert.equal(configPath, './syntaxes/markup.language-configuration.json');
});

describe('comments, brackets and pairs', () => {
  test('block comments toggle with <!-- -->; there is no line comment', () => {
    assert.deepEqual(config.comments, { blockComment: ['<!--', '-->'] });
  });

  test('{{ auto-closes with }}, and <!-- with --> outside comments and strings', () => {
    assert.deepEqual(config.autoClosingPairs.find((p) => p.open === '{{'), { open: '{{', close: '}}', notIn: ['comment'] });
    assert.deepEqual(config.autoClosingPairs.find((p) => p.open === '<!--'), { open: '<!--', close: '-->', notIn: ['comment', 'string'] });
  });

  test('quotes, brackets and tags surround a selection', () => {
    assert.deepEqual(config.surroundingPairs.map((p) => p.open + p.close).sort(), ['""', "''", '()', '<>', '[]', '{}']);
  });

  test('every bracket pair also auto-closes', () => {
    for (const [open, close] of config.brackets) {
      assert.ok(config.autoClosingPairs.some((p) => p.open === open && p.close === close), `${open}${close} does not auto-close`);
    }
  });
});

describe('Enter between and after tags', () => {
  test('between a start tag and its end tag the cursor line is indented and the end tag outdented', () => {
    assert.equal(onEnter('<view class="page">|</view>'), 'indentOutdent');
    assert.equal(onEnter('  <button open-type="chooseAvatar" bind:chooseavatar="onChoose">|</button>'), 'indentOutdent');
  });

  test('after an open start tag the next line is indented, even with > inside a quoted value', () => {
    assert.equal(onEnter('<view wx:if="{{ a > b }}">|'), 'indent');
    assert.equal(onEnter('<block a:for="{{list}}">|'), 'indent');
  });

  test('after a self-closing tag, a closed element or plain text nothing changes', () => {
    assert.equal(onEnter('<image src="{{avatarUrl}}" />|'), 'none');
    assert.equal(onEnter('<import src="./card.wxml"/>|'), 'none');
    assert.equal(onEnter('<text>{{nickName}}</text>|'), 'none');
    assert.equal(onEnter('plain text|'), 'none');
  });

  test('Enter inside {{ }} opens an indented line', () => {
    assert.equal(onEnter('<view class="{{|}}">'), 'indentOutdent');
  });
});

describe('indentation rules', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);

  test('a line that opens an element indents the next one', () => {
    assert.ok(increase.test('<view class="page">'));
    assert.ok(increase.test('<!-- a comment that continues'));
    assert.ok(!increase.test('<view>done</view>'));
    assert.ok(!increase.test('<image src="a.png" />'));
    assert.ok(!increase.test('<!-- a whole comment -->'));
  });

  test('an end tag outdents its own line', () => {
    assert.ok(decrease.test('  </view>'));
    assert.ok(decrease.test('-->'));
    assert.ok(!decrease.test('  <view>'));
  });
});

describe('words and folding', () => {
  test('attribute names with hyphens and handler names are single words; a colon separates', () => {
    assert.deepEqual(words('<button open-type="getUserProfile" bindtap="onTapProfile">'), ['button', 'open-type', 'getUserProfile', 'bindtap', 'onTapProfile']);
    assert.deepEqual(words('bind:chooseavatar'), ['bind', 'chooseavatar']);
    assert.deepEqual(words('{{ user.nickName }}'), ['user', 'nickName']);
  });

  test('#region comments fold', () => {
    assert.ok(new RegExp(config.folding.markers.start).test('  <!-- #region profile -->'));
    assert.ok(new RegExp(config.folding.markers.end).test('  <!-- #endregion -->'));
    assert.ok(!new RegExp(config.folding.markers.start).test('<!-- region -->'));
  });
});
