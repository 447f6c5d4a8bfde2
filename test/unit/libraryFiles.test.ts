// Which files are not the user's code (libraryFiles.ts): library folders, minified files, scripts compiled from a
// .ts beside them, and the ignore globs of the settings file, the editor and the command line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMinified, libraryFolderOf, looksCompiled, SkipRules, type SkipOptions } from '../../server/src/core/libraryFiles';
import { SettingsFiles } from '../../server/src/core/settings';
import { MemoryProject } from './helpers';

describe('libraryFolderOf', () => {
  it('finds a known library folder anywhere below the root, case-insensitively', () => {
    assert.equal(libraryFolderOf('components/vant/button/index.js'), 'components/vant');
    assert.equal(libraryFolderOf('miniprogram/components/@vant/weapp/button/index.wxml'), 'miniprogram/components/@vant');
    assert.equal(libraryFolderOf('miniprogram_npm/tdesign-miniprogram/button/button.js'), 'miniprogram_npm');
    assert.equal(libraryFolderOf('libs/wxParse/wxParse.js'), 'libs/wxParse');
    assert.equal(libraryFolderOf('utils/WeUI/weui.js'), 'utils/WeUI');
    for (const name of [
      'vant-weapp',
      'iview',
      'iview-weapp',
      'wux',
      'wux-weapp',
      'lin-ui',
      'colorui',
      'towxml',
      'mp-html',
      'weui-miniprogram',
      'uni_modules',
      'uview-ui',
      'uview-plus',
      'unpackage',
    ])
      assert.equal(libraryFolderOf(`components/${name}/index.js`), `components/${name}`, name);
  });

  it('leaves the user’s own files alone: file names, look-alike folders, pages named after a kit', () => {
    assert.equal(libraryFolderOf('components/vant.js'), undefined);
    assert.equal(libraryFolderOf('utils/weui.js'), undefined);
    assert.equal(libraryFolderOf('components/vantage/index.js'), undefined);
    assert.equal(libraryFolderOf('components/my-vant-wrapper/index.js'), undefined);
    assert.equal(libraryFolderOf('pages/vant/vant.js'), undefined);
    assert.equal(libraryFolderOf('packageA/pages/weui/weui.js'), undefined);
  });

  it('counts a folder’s own name when asked about a folder', () => {
    assert.equal(libraryFolderOf('components/vant', true), 'components/vant');
    assert.equal(libraryFolderOf('components/vant'), undefined);
  });
});

describe('isMinified and looksCompiled', () => {
  it('knows minified scripts by name', () => {
    assert.equal(isMinified('/p/libs/sdk.min.js'), true);
    assert.equal(isMinified('/p/libs/SDK.MIN.JS'), true);
    assert.equal(isMinified('/p/libs/admin.js'), false);
    assert.equal(isMinified('/p/libs/sdk.min.ts'), false);
  });

  it('knows tsc output by its markers, or by a tsconfig.json', () => {
    const none = () => false;
    assert.equal(looksCompiled('"use strict";\nPage({});\n', none), true);
    assert.equal(looksCompiled('Object.defineProperty(exports, "__esModule", { value: true });\n', none), true);
    assert.equal(looksCompiled('Page({});\n//# sourceMappingURL=index.js.map\n', none), true);
    assert.equal(looksCompiled('Page({});\n', none), false);
    assert.equal(
      looksCompiled('Page({});\n', () => true),
      true,
    );
  });
});

describe('SkipRules', () => {
  const page = 'Page({ onLoad() { wx.getUserProfile({ desc: "用于完善会员资料" }) } })';
  function rules(files: Record<string, string>) {
    const project = new MemoryProject(files);
    const host = { readFile: (fileName: string) => project.files.get(fileName) };
    const skipRules = new SkipRules(host, new SettingsFiles(host));
    const skip = (name: string, options: Partial<SkipOptions> = {}, isFolder = false) =>
      skipRules.skipOf(project.path(name), { root: project.root, ...options }, isFolder);
    return { project, skip };
  }

  it('skips library folders and minified files by default, and checks the rest', () => {
    const { skip } = rules({ 'components/vant/button/index.js': page, 'libs/sdk.min.js': page, 'pages/index/index.js': page });
    assert.deepEqual(skip('components/vant/button/index.js'), { kind: 'library', where: 'components/vant' });
    assert.deepEqual(skip('components/vant', {}, true), { kind: 'library', where: 'components/vant' });
    assert.deepEqual(skip('libs/sdk.min.js'), { kind: 'minified', where: '' });
    assert.equal(skip('pages/index/index.js'), undefined);
  });

  it('looks for library folders below the root only', () => {
    const { project, skip } = rules({ 'vant/pages/index/index.js': page });
    assert.equal(skip('vant/pages/index/index.js', { root: project.path('vant') }), undefined);
    assert.equal(skip('vant/pages/index/index.js')?.kind, 'library');
  });

  it('checks library code with defaultIgnore false, from the options or the settings file', () => {
    const { skip } = rules({ 'components/vant/button/index.js': page, 'libs/sdk.min.js': page });
    assert.equal(skip('components/vant/button/index.js', { defaultIgnore: false }), undefined);
    assert.equal(skip('libs/sdk.min.js', { defaultIgnore: false }), undefined);
    const withFile = rules({ '.mp-userinfo.json': '{ "defaultIgnore": false }', 'components/vant/button/index.js': page });
    assert.equal(withFile.skip('components/vant/button/index.js'), undefined);
  });

  it('applies the settings file’s ignore globs relative to its folder, and the other list relative to its base', () => {
    const { project, skip } = rules({
      'miniprogram/.mp-userinfo.json': '{ "ignore": ["components/kit/", "**/*.gen.js"] }',
      'miniprogram/components/kit/a.js': page,
      'miniprogram/pages/a.gen.js': page,
      'miniprogram/pages/index/index.js': page,
      'components/kit/a.js': page,
    });
    assert.deepEqual(skip('miniprogram/components/kit/a.js'), {
      kind: 'ignored',
      where: project.path('miniprogram/.mp-userinfo.json'),
    });
    assert.deepEqual(skip('miniprogram/components/kit', {}, true), {
      kind: 'ignored',
      where: project.path('miniprogram/.mp-userinfo.json'),
    });
    assert.equal(skip('miniprogram/pages/a.gen.js')?.kind, 'ignored');
    assert.equal(skip('miniprogram/pages/index/index.js'), undefined);
    assert.equal(skip('components/kit/a.js'), undefined, 'outside the settings file’s folder');
    const list = { base: project.path('miniprogram'), globs: ['pages/index/'], source: '--ignore' };
    assert.deepEqual(skip('miniprogram/pages/index/index.js', { ignore: list }), { kind: 'ignored', where: '--ignore' });
    assert.equal(skip('components/kit/a.js', { ignore: list }), undefined, 'outside the list’s base');
  });

  it('keeps ignoring with defaultIgnore false', () => {
    const { skip } = rules({ '.mp-userinfo.json': '{ "defaultIgnore": false, "ignore": ["libs/"] }', 'libs/sdk.min.js': page });
    assert.equal(skip('libs/sdk.min.js')?.kind, 'ignored');
  });

  it('skips x.js compiled from the x.ts beside it, and keeps a hand-written x.js', () => {
    const ts = 'Page({ onLoad(): void {} })';
    const { project, skip } = rules({
      'pages/a/a.ts': ts,
      'pages/a/a.js': '"use strict";\nPage({ onLoad() { } });\n',
      'pages/b/b.ts': ts,
      'pages/b/b.js': 'Page({ onLoad() {} })',
      'pages/c/c.js': '"use strict";\nPage({});\n',
    });
    assert.deepEqual(skip('pages/a/a.js'), { kind: 'compiled', where: project.path('pages/a/a.ts') });
    assert.equal(skip('pages/a/a.ts'), undefined);
    assert.equal(skip('pages/b/b.js'), undefined, 'no marker and no tsconfig.json');
    assert.equal(skip('pages/c/c.js'), undefined, 'no .ts beside it');
    const withTsconfig = rules({ 'tsconfig.json': '{}', 'pages/b/b.ts': ts, 'pages/b/b.js': 'Page({ onLoad() {} })' });
    assert.equal(withTsconfig.skip('pages/b/b.js')?.kind, 'compiled');
  });
});
