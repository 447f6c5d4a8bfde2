/**
 * Inputs that made the analysis super-linear, found by the fuzz campaign's scaling targets. Each
 * test times the step that was quadratic; the bound is many times what the fixed code needs and far
 * below what the old code took, so the tests fail on a regression but not on a busy machine.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { findProperty, resolveStaticString } from '../../server/src/core/calls';
import { pageModelOf } from '../../server/src/core/model';
import { parseMarkup } from '../../server/src/core/markup';
import { MemoryProject } from '../unit/helpers';
import { hostileMarkup, hugeLiterals } from '../fuzz/shapes';

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** The calls of a script, each with its options object and resolved `desc`, as the desc rules read them. */
function callsWithDesc(text: string) {
  const sourceFile = ts.createSourceFile('/a.js', text, ts.ScriptTarget.Latest, true);
  const model = pageModelOf(sourceFile);
  return model.calls.map((call) => {
    const desc = call.options && findProperty(call.options, 'desc');
    const value = desc && ts.isPropertyAssignment(desc) ? resolveStaticString(desc.initializer, model) : undefined;
    return { options: call.options !== undefined, desc: value };
  });
}

describe('analysis time stays near-linear', () => {
  it('resolves 4,000 desc constants without walking the file once per call (took 25 s before)', () => {
    const script = `const d = "用于完善会员资料";\nPage({ onTap() {\n${'wx.getUserProfile({ desc: d });\n'.repeat(4000)}} })`;
    const { value: calls, ms } = timed(() => callsWithDesc(script));
    assert.equal(calls.length, 4000);
    assert.ok(
      calls.every((c) => c.desc === '用于完善会员资料'),
      'every desc resolves to the constant',
    );
    assert.ok(ms < 4000, `took ${ms.toFixed(0)} ms`);
  });

  it('resolves 4,000 calls with a constant options object (took 25 s before)', () => {
    const script = `const options = { desc: "用于完善会员资料" };\nPage({ onTap() {\n${'wx.getUserProfile(options);\n'.repeat(4000)}} })`;
    const { value: calls, ms } = timed(() => callsWithDesc(script));
    assert.ok(
      calls.every((c) => c.options && c.desc === '用于完善会员资料'),
      'every call gets the options object',
    );
    assert.ok(ms < 4000, `took ${ms.toFixed(0)} ms`);
  });

  for (const [shape, make] of Object.entries({
    unclosedWxs: hostileMarkup.unclosedWxs!,
    unclosedSjsAttribute: hostileMarkup.unclosedSjsAttribute!,
  })) {
    it(`tokenizes 1 MB of ${shape} markup (128 KB took 1.5 s before, growing with the square)`, () => {
      const text = make(1_000_000 / make(1).length);
      const { value: facts, ms } = timed(() => parseMarkup(text, 'wechat'));
      assert.equal(facts.elements.length > 0, true);
      assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
    });
  }

  it('reads 20,000 bindings of one handler once each event (the event list was copied per binding: 20,000 took 38 s)', () => {
    const markup = `${'<view bindtouchstart="getProfile"></view>'.repeat(20_000)}<view bindchange="getProfile"></view>`;
    const project = new MemoryProject({
      'pages/a/a.wxml': markup,
      'pages/a/a.js': 'Page({ getProfile() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })',
    });
    const { value: findings, ms } = timed(() => project.analyze('pages/a/a.js').filter((f) => f.code === 'not-in-tap-handler'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /getProfile is bound to touchstart, change, not to a tap/);
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });

  it('analyses 1 MB of minified code whose 33,000 functions share one name (600 KB took 12 s, growing with the square)', () => {
    const script = hugeLiterals.minified!(1_000_000);
    const project = new MemoryProject({ 'pages/a/a.js': script, 'pages/a/a.wxml': '<button bindtap="onTap">Log in</button>' });
    const { value: findings, ms } = timed(() => project.analyze('pages/a/a.js'));
    assert.ok(findings.some((f) => f.code === 'not-in-tap-handler'));
    assert.ok(ms < 8000, `took ${ms.toFixed(0)} ms`);
  });

  it('still masks script blocks and interpolations after the rewrite', () => {
    const text =
      '<wxs module="m">var a = b <view bindtap="x"></wxs><button bindtap="{{ a<b }}" catchtap="onTap">{{ <view bindtap="y"> }}</button>';
    const facts = parseMarkup(text, 'wechat');
    assert.deepEqual(
      facts.elements.map((e) => e.tag),
      ['wxs', 'button'],
    );
    assert.deepEqual(
      facts.bindings.map((b) => [b.handler, b.dynamic]),
      [
        ['{{ a<b }}', true],
        ['onTap', false],
      ],
    );
  });
});
