// The language service answers every feature from one resolution of a file's settings, and turns file
// changes into the files to check again. Driven in-process over a memory project.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnalysisResult, AnalysisSteps } from '../../server/src/core/analyze';
import { createLanguageService, type Editor } from '../../server/src/core/languageService';
import { isInvalidated } from '../../server/src/core/project';
import { MemoryProject } from './helpers';

/** A memory project and a language service over it; `edit` changes a file the way the server does. */
function workspace(files: Record<string, string>, onSettingsProblem?: (message: string) => void) {
  const project = new MemoryProject(files);
  const host = { readFile: (fileName: string) => project.files.get(fileName) };
  const service = createLanguageService({ host, index: project.index, ...(onSettingsProblem ? { onSettingsProblem } : {}) });
  const edit = (name: string, text: string) => {
    project.files.set(project.path(name), text);
    return service.fileChanged(project.path(name));
  };
  const validate = (name: string, editor: Editor = noSettings) =>
    run(service.doValidation(project.path(name), project.files.get(project.path(name))!, editor));
  return { project, service, edit, validate };
}

/** An editor with no settings of its own. */
const noSettings: Editor = { settings: {} };

function run(steps: AnalysisSteps): AnalysisResult {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const page =
  "Page({\n  onTapProfile() {\n    wx.getUserProfile({ desc: '用于完善会员资料', success: () => {}, fail: () => {} });\n  },\n});\n";
const onGetUserProfile = page.indexOf('getUserProfile') + 3;
const wechatPage = {
  'project.config.json': '{ "appid": "wx0000000000000000" }',
  'pages/index/index.js': page,
  'pages/index/index.wxml': '<button bindtap="onTapProfile">完善会员资料</button>\n',
};

describe('language service: one resolution of settings', () => {
  it('hover and diagnostics agree on the libVersion of .mp-userinfo.json', () => {
    const { project, service, validate } = workspace({ ...wechatPage, '.mp-userinfo.json': '{ "libVersion": "2.9.0" }' });
    const minVersion = validate('pages/index/index.js').findings.filter((f) => f.code === 'min-version');
    assert.equal(minVersion.length, 1);
    assert.match(minVersion[0]!.message, /2\.9\.0/);
    const hover = service.doHover(project.path('pages/index/index.js'), page, onGetUserProfile, noSettings);
    assert.match(hover?.markdown ?? '', /Needs base library 2\.10\.4; the project targets 2\.9\.0/);
  });

  it('takes libVersion from the editor over the settings file over the project configuration', () => {
    const { project, service } = workspace({
      ...wechatPage,
      'project.config.json': '{ "appid": "wx0000000000000000", "libVersion": "2.1.0" }',
      '.mp-userinfo.json': '{ "libVersion": "2.9.0" }',
    });
    const file = project.path('pages/index/index.js');
    assert.equal(service.resolveSettings(file, noSettings).libVersion, '2.9.0');
    assert.equal(service.resolveSettings(file, { settings: { libVersion: '3.0.0' } }).libVersion, '3.0.0');
    assert.equal(
      service.resolveSettings(file, { settings: { libVersion: '' } }).libVersion,
      '2.9.0',
      'an empty setting is unset',
    );
    assert.equal(workspace(wechatPage).service.resolveSettings(file, noSettings).libVersion, undefined);
  });

  it('resolves the platform from the page markup, else the project, and the docs language from the settings or locale', () => {
    const { project, service } = workspace({
      ...wechatPage,
      'pages/other/other.js': '',
      'pages/tt/tt.js': '',
      'pages/tt/tt.ttml': '<view/>',
    });
    const resolve = (name: string, editor: Editor = noSettings) => service.resolveSettings(project.path(name), editor);
    assert.deepEqual(
      ['pages/index/index.js', 'pages/other/other.js', 'pages/tt/tt.js', 'pages/tt/tt.ttml'].map(
        (name) => resolve(name).platform,
      ),
      ['wechat', 'wechat', 'douyin', 'douyin'],
    );
    assert.equal(resolve('pages/index/index.js', { settings: {}, locale: 'zh-cn' }).language, 'zh-cn');
    assert.equal(resolve('pages/index/index.js', { settings: { docsLanguage: 'en' }, locale: 'zh-cn' }).language, 'en');
    assert.equal(resolve('pages/index/index.js').language, 'en');
  });

  it('applies the settings file and the editor settings to the diagnostics, editor over file', () => {
    const { validate } = workspace({
      ...wechatPage,
      '.mp-userinfo.json': '{ "rules": { "unhandled-refusal": "error", "desc-too-long": "off" } }',
    });
    const codes = (editor: Editor = noSettings) =>
      validate('pages/index/index.js', editor).findings.map((f) => `${f.code}:${f.severity}`);
    assert.ok(!codes().some((c) => c.startsWith('desc-too-long')));
    assert.deepEqual(codes({ settings: { rules: { 'getuserprofile-anonymous': 'off', 'min-version': 'off' } } }), []);
  });

  it('reports each settings problem once per editor settings object', () => {
    const problems: string[] = [];
    const { project, service } = workspace(
      { ...wechatPage, '.mp-userinfo.json': '{ "rules": { "no-such-rule": "off" } }' },
      (p) => problems.push(p),
    );
    const file = project.path('pages/index/index.js');
    const editor: Editor = { settings: { maxFileSize: -1 } };
    service.resolveSettings(file, editor);
    service.doHover(file, page, onGetUserProfile, editor);
    assert.equal(problems.length, 2);
    assert.match(problems.join('\n'), /^setting "maxFileSize" must be a positive number/m);
    assert.match(problems.join('\n'), /^\/project\/\.mp-userinfo\.json: unknown rule "no-such-rule"/m);
    service.resolveSettings(file, { ...editor });
    assert.equal(problems.length, 4, 'reported again under new editor settings');
  });
});

describe('language service: features', () => {
  it('offers the fixes of the last validation of the same text only', () => {
    const { project, service, validate } = workspace({
      'pages/a/a.js': 'Page({ onTap() { wx.getUserProfile({ success() {} }) } })',
    });
    const file = project.path('pages/a/a.js');
    const text = project.files.get(file)!;
    const missing = validate('pages/a/a.js').findings.find((f) => f.code === 'desc-missing');
    assert.ok(missing?.fixes?.length);
    assert.deepEqual(service.doCodeActions(file, text, missing), missing.fixes);
    assert.deepEqual(service.doCodeActions(file, `${text} `, missing), []);
    service.fileClosed(file);
    assert.deepEqual(service.doCodeActions(file, text, missing), []);
  });

  it('answers hover, completion, definition and references in markup from the page', () => {
    const { project, service } = workspace(wechatPage);
    const markupFile = project.path('pages/index/index.wxml');
    const markup = project.files.get(markupFile)!;
    const onHandler = markup.indexOf('onTapProfile') + 2;
    assert.match(service.doHover(markupFile, markup, onHandler, noSettings)?.markdown ?? '', /Page method `onTapProfile`/);
    const completions = service.doComplete(markupFile, markup, onHandler, noSettings);
    assert.deepEqual(completions?.kind === 'markup' && completions.items.map((i) => i.label), ['onTapProfile']);
    const [definition] = service.findDefinition(markupFile, markup, onHandler);
    assert.deepEqual([definition?.fileName, definition?.start.line], [project.path('pages/index/index.js'), 1]);
    const script = project.path('pages/index/index.js');
    const fromScript = service.findReferences(script, page, page.indexOf('onTapProfile') + 1, false);
    assert.deepEqual(
      fromScript.map((r) => r.fileName),
      [markupFile],
    );
    assert.equal(service.doComplete(project.path('app.json'), '{}', 0, noSettings), undefined);
  });

  it('completes in scripts with the catalog', () => {
    const { project, service } = workspace(wechatPage);
    const text = 'wx.getUserPro';
    const completions = service.doComplete(project.path('pages/x/x.js'), text, text.length, noSettings);
    assert.ok(completions?.kind === 'script' && completions.entries.some((e) => e.label === 'getUserProfile'));
  });
});

describe('language service: file changes', () => {
  const douyin = {
    'project.config.json': '{ "appid": "tt0000000000000000" }',
    'app.json': '{ "pages": ["pages/index/index"] }',
    'app.js': 'App({ onLaunch() {} })',
    'pages/index/index.js': 'Page({ onTapInfo() { tt.getUserInfo({ success() {}, fail() {} }) } })',
    'pages/index/index.ttml': '<button bindtap="onTapInfo">获取</button>',
    'pages/index/index.json': '{}',
  };
  const loginRequired = (result: AnalysisResult) => result.findings.some((f) => f.code === 'tt-login-required');

  it('an edit of the app file returns the pages to check again, and they see it', () => {
    const { project, edit, validate } = workspace(douyin);
    assert.ok(loginRequired(validate('pages/index/index.js')));
    const invalidation = edit('app.js', 'App({ onLaunch() { tt.login({ success() {} }) } })');
    assert.ok(isInvalidated(invalidation, project.path('pages/index/index.js')));
    assert.ok(isInvalidated(invalidation, project.path('pages/index/index.ttml')));
    assert.ok(!loginRequired(validate('pages/index/index.js')));
  });

  it('an edit of a page markup returns its script; of the script, its markup', () => {
    const { project, edit } = workspace(douyin);
    assert.ok(isInvalidated(edit('pages/index/index.ttml', '<view/>'), project.path('pages/index/index.js')));
    const fromScript = edit('pages/index/index.js', 'Page({})');
    assert.ok(isInvalidated(fromScript, project.path('pages/index/index.ttml')));
    assert.ok(!isInvalidated(fromScript, project.path('app.js')));
  });

  it('a settings file change is seen by the next resolution and returns everything below it', () => {
    const { project, service, edit } = workspace({ ...wechatPage, '.mp-userinfo.json': '{ "libVersion": "2.9.0" }' });
    const file = project.path('pages/index/index.js');
    assert.equal(service.resolveSettings(file, noSettings).libVersion, '2.9.0');
    const invalidation = edit('.mp-userinfo.json', '{ "libVersion": "2.20.0" }');
    assert.deepEqual(invalidation, { kind: 'below', folder: '/project' });
    assert.equal(service.resolveSettings(file, noSettings).libVersion, '2.20.0');
  });
});

describe('language service: .vue files', () => {
  const vue = [
    '<template>',
    '  <button open-type="getUserInfo" @getuserinfo="onGot" @tap="onTap">授权</button>',
    '  <button open-type="" class="b">空</button>',
    '</template>',
    '<script setup>',
    'function onTap() {',
    "  wx.getUserProfile({ desc: '用于完善会员资料', fail() {} })",
    '}',
    'function onGot() {}',
    '</script>',
    '',
  ].join('\n');
  const files = { 'manifest.json': '{ "mp-weixin": {} }', 'pages/a/a.vue': vue };

  it('hovers the API in a script block and the catalog attribute value in the template', () => {
    const { project, service } = workspace(files);
    const file = project.path('pages/a/a.vue');
    const api = service.doHover(file, vue, vue.indexOf('getUserProfile') + 2, noSettings);
    assert.match(api?.markdown ?? '', /getUserProfile/);
    const value = service.doHover(file, vue, vue.indexOf('getUserInfo"') + 2, noSettings);
    assert.match(value?.markdown ?? '', /getUserInfo/);
    // Handler names and Vue syntax are Vue tooling's: no hover of ours on `onGot` or `@tap`.
    assert.equal(service.doHover(file, vue, vue.indexOf('onGot"') + 1, noSettings), undefined);
  });

  it('completes catalog values in the template, and no attribute names there', () => {
    const { project, service } = workspace(files);
    const file = project.path('pages/a/a.vue');
    const values = service.doComplete(file, vue, vue.indexOf('open-type=""') + 'open-type="'.length, noSettings);
    assert.equal(values?.kind, 'markup');
    const labels = values?.kind === 'markup' ? values.items.map((i) => i.label) : [];
    assert.ok(labels.includes('chooseAvatar') && labels.includes('getUserInfo'), labels.join(', '));
    const names = service.doComplete(file, vue, vue.indexOf(' class="b"') + 1, noSettings);
    assert.deepEqual(names?.kind === 'markup' ? names.items : [], []);
  });

  it('re-checks nothing but the file itself on a .vue edit, and reports its template and script', () => {
    const { validate, edit, project } = workspace(files);
    const codes = validate('pages/a/a.vue').findings.map((f) => f.code);
    assert.ok(codes.includes('getuserinfo-anonymous') && codes.includes('getuserprofile-anonymous'), codes.join(', '));
    const invalidation = edit(
      'pages/a/a.vue',
      vue.replace('open-type="getUserInfo" @getuserinfo', 'open-type="chooseAvatar" @chooseavatar'),
    );
    assert.ok(!isInvalidated(invalidation, project.path('pages/b/b.vue')));
    assert.ok(!validate('pages/a/a.vue').findings.some((f) => f.code === 'getuserinfo-anonymous'));
  });
});
