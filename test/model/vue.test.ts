// Vue single-file components (uni-app Vue 2 Options API, uni-app Vue 3 <script setup>, Taro + Vue 3), checked as the CLI
// checks them: a ProjectIndex over the fixture projects in test/fixtures/vue/, findings at exact .vue positions.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFile } from '../../server/src/core/analyze';
import { ProjectIndex, type FileSystemHost } from '../../server/src/core/project';
import type { Finding } from '../../server/src/core/types';
import { applyFix } from '../unit/helpers';

const fixtures = path.join(__dirname, '..', 'fixtures', 'vue');

function hostWith(overrides: Record<string, string> = {}): FileSystemHost {
  return {
    readFile: (fileName) => {
      if (fileName in overrides) return overrides[fileName];
      try {
        return readFileSync(fileName, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** `line:column code` of every finding (1-based), in order. */
function where(text: string, findings: Finding[]): string[] {
  return findings.map((f) => {
    const before = text.slice(0, f.start).split('\n');
    return `${before.length}:${before[before.length - 1]!.length + 1} ${f.code}`;
  });
}

function check(file: string, overrides: Record<string, string> = {}) {
  const fileName = path.join(fixtures, file);
  const text = overrides[fileName] ?? readFileSync(fileName, 'utf8');
  const findings = analyzeFile(fileName, text, new ProjectIndex(hostWith(overrides))).findings;
  return { fileName, text, findings, at: where(text, findings) };
}

describe('.vue: uni-app Vue 2, Options API', () => {
  it('reports the page hook, the lost gesture, the template button and the misspelt handler at their .vue positions', () => {
    const { at } = check('vue2-options/pages/index/index.vue');
    assert.deepEqual(at, [
      '5:26 getuserinfo-anonymous',
      '6:19 handler-not-found',
      '17:5 getuserprofile-anonymous',
      '17:5 not-in-tap-handler',
      '26:11 not-in-tap-handler',
    ]);
  });

  it('treats `@tap="name"`, `@click.stop="name($event)"` and `() => name(…)` as taps, so their handlers are not reported', () => {
    const { findings, text } = check('vue2-options/pages/index/index.vue');
    const tapLines = findings
      .filter((f) => f.code === 'not-in-tap-handler')
      .map((f) => text.slice(0, f.start).split('\n').length);
    // line 21 is onTapProfile (bound to @tap): fine; 17 is onLoad, 26 the wx.login callback.
    assert.deepEqual(tapLines, [17, 26]);
    const messages = findings.filter((f) => f.code === 'not-in-tap-handler').map((f) => f.message);
    assert.match(messages[0]!, /lifecycle hook `onLoad`/);
    assert.match(messages[1]!, /success callback of wx\.login/);
  });

  it('offers the closest method for a misspelt handler, and the fix replaces the name in the template', () => {
    const { findings, text } = check('vue2-options/pages/index/index.vue');
    const finding = findings.find((f) => f.code === 'handler-not-found')!;
    assert.match(finding.message, /No method or function `onTapProfle`.*Did you mean `onTapProfile`\?/);
    const fixed = applyFix(text, finding.fixes![0]!);
    assert.match(fixed, /<button @tap="onTapProfile">拼错<\/button>/);
  });

  it('stays quiet about template names when the app installs global members (main.js mixin)', () => {
    const main = path.join(fixtures, 'vue2-options', 'main.js');
    const { at } = check('vue2-options/pages/index/index.vue', {
      [main]: "import Vue from 'vue'\nVue.mixin({ methods: { onTapProfle() {} } })\n",
    });
    assert.ok(!at.some((a) => a.endsWith('handler-not-found')), at.join(', '));
  });

  it('drops template findings inside `<!-- #ifdef -->` regions of other platforms', () => {
    const { at } = check('vue2-options/pages/index/conditional.vue');
    assert.deepEqual(at, ['7:24 getuserinfo-anonymous']);
  });

  it("reads App.vue's onLaunch as the app launch", () => {
    const { at, findings } = check('vue2-options/App.vue');
    assert.deepEqual(at, ['8:7 auth-on-launch', '8:7 getuserinfo-anonymous', '8:7 unhandled-refusal']);
    assert.match(findings[0]!.message, /`App\.onLaunch` \(through `loadProfile`\)/);
  });
});

describe('.vue: uni-app Vue 3, <script setup>', () => {
  it('reports the event without data-eventsync, the custom component click, and the await in onLoad', () => {
    const { at, findings } = check('vue3-setup/pages/profile/profile.vue');
    assert.deepEqual(at, [
      '3:13 uni-eventsync',
      '5:14 uni-eventsync',
      '18:3 getuserprofile-anonymous',
      '18:3 not-in-tap-handler',
    ]);
    assert.match(findings[1]!.message, /component `<my-card>`/);
    // The attribute belongs inside the component: only the suppression fixes, written as template comments.
    assert.deepEqual(
      findings[1]!.fixes!.map((f) => f.title),
      ['Disable uni-eventsync for this line', 'Disable uni-eventsync for the entire file'],
    );
    assert.match(findings[1]!.fixes![0]!.edits[0]!.newText, /^ {4}<!-- mp-userinfo-disable-next-line uni-eventsync -->\n$/);
  });

  it('the data-eventsync quick fix adds the attribute to the element, after which the element is accepted', () => {
    const { findings, text, fileName } = check('vue3-setup/pages/profile/profile.vue');
    const fix = findings.find((f) => f.code === 'uni-eventsync')!.fixes![0]!;
    assert.equal(fix.title, 'Add data-eventsync="true"');
    const fixed = applyFix(text, fix);
    assert.match(fixed, /<button data-eventsync="true" @tap="onTapProfile">完善资料<\/button>\n {4}<button data-eventsync/);
    const again = check('vue3-setup/pages/profile/profile.vue', { [fileName]: fixed });
    assert.deepEqual(
      again.at.filter((a) => a.endsWith('uni-eventsync')),
      ['5:14 uni-eventsync'],
    );
  });

  it('a template comment above the element suppresses the finding', () => {
    const fileName = path.join(fixtures, 'vue3-setup', 'pages', 'profile', 'profile.vue');
    const text = readFileSync(fileName, 'utf8').replace(
      '    <button @tap="onTapProfile">',
      '    <!-- mp-userinfo-disable-next-line uni-eventsync -->\n    <button @tap="onTapProfile">',
    );
    const { at } = check('vue3-setup/pages/profile/profile.vue', { [fileName]: text });
    assert.deepEqual(
      at.filter((a) => a.endsWith('uni-eventsync')),
      ['6:14 uni-eventsync'],
    );
  });

  it('is a Vue 2 project without vueVersion "3": no uni-eventsync finding', () => {
    const manifest = path.join(fixtures, 'vue3-setup', 'manifest.json');
    const { at } = check('vue3-setup/pages/profile/profile.vue', {
      [manifest]: '{ "name": "x", "mp-weixin": { "appid": "wx0000000000000002" } }',
    });
    assert.deepEqual(
      at.filter((a) => a.endsWith('uni-eventsync')),
      [],
    );
  });
});

describe('.vue: Taro + Vue 3', () => {
  it('reads useLoad as a page hook and Taro.getUserProfile in the @tap handler as tapped', () => {
    const { at } = check('taro-vue3/src/pages/index/index.vue');
    assert.deepEqual(at, ['11:3 getuserprofile-anonymous', '11:3 not-in-tap-handler', '15:31 desc-too-long']);
  });
});
