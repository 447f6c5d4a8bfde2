import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, check, spansOf } from './helpers';

const code = 'privacy-button-id';
const agreeButton =
  '<button id="agree-btn" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>';

function run(source: string, wxml = agreeButton) {
  return check(code, source, { files: { 'pages/index/index.wxml': wxml } });
}

const page = (resolve: string) =>
  `Page({\n  onLoad() { wx.onNeedPrivacyAuthorization((resolve) => { this.resolvePrivacy = resolve }) },\n  onAgree() { this.resolvePrivacy(${resolve}) },\n})`;

describe('privacy-button-id', () => {
  it('reports a buttonId no agree button has, with a fix that names the one agree button', () => {
    const { text, spans, findings } = run(page("{ buttonId: '«agree»', event: 'agree' }"));
    assert.deepEqual(
      spansOf(findings).map((s) => ({ start: s.start + 1, end: s.end - 1 })),
      spans,
    );
    assert.equal(findings[0]!.severity, 'warning');
    assert.match(
      findings[0]!.message,
      /No `open-type="agreePrivacyAuthorization"` button in index\.wxml has the id `agree` \(its agree buttons: `agree-btn`\)/,
    );
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), page("{ buttonId: 'agree-btn', event: 'agree' }"));
  });

  it('reports an agreement without buttonId, with a fix that adds it', () => {
    const { text, findings } = run(page("{ event: 'agree' }"));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /needs the `buttonId` of the agree button the user tapped \(`agree-btn` in index\.wxml\)/);
    assert.equal(applyFix(text, findings[0]!.fixes![0]!), page("{ buttonId: 'agree-btn', event: 'agree' }"));
  });

  it('reads a buttonId from a const', () => {
    const { findings } = run(`const AGREE = 'agree'\n${page("{ buttonId: AGREE, event: 'agree' }")}`);
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0]!.fixes?.some((f) => f.title.startsWith('Use')),
      false,
    );
  });

  const valid: Array<[string, string, string?]> = [
    ['the id of the agree button', page("{ buttonId: 'agree-btn', event: 'agree' }")],
    ['a disagreement', page("{ event: 'disagree' }")],
    ['markup without an agree button (it may be in a component)', page("{ buttonId: 'x', event: 'agree' }"), '<privacy-popup />'],
    [
      'an agree button with a computed id',
      page("{ buttonId: 'x', event: 'agree' }"),
      '<button id="{{agreeId}}" open-type="agreePrivacyAuthorization" bindagreeprivacyauthorization="onAgree">同意</button>',
    ],
    ['a buttonId the rule cannot read', page("{ buttonId: this.data.id, event: 'agree' }")],
    ['options spread from elsewhere', page("{ ...this.agreeOptions, event: 'agree' }")],
  ];
  for (const [name, source, wxml] of valid) it(`accepts ${name}`, () => assert.deepEqual(run(source, wxml).findings, []));
});
