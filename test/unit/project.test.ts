import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions, isInvalidated, type Invalidation } from '../../server/src/core/project';
import { MemoryProject } from './helpers';

describe('project index', () => {
  it('finds the nearest project configuration and reads appid and libVersion (with comments)', () => {
    const p = new MemoryProject({
      'project.config.json': '{\n  // devtools writes comments sometimes\n  "appid": "wx123", "libVersion": "2.30.0",\n}',
      'pages/a/a.js': '',
    });
    const project = p.index.projectOf(p.path('pages/a/a.js'));
    assert.deepEqual(
      { root: project.root, appid: project.appid, libVersion: project.libVersion, platform: project.platform },
      { root: '/project', appid: 'wx123', libVersion: '2.30.0', platform: 'wechat' },
    );
  });

  it('lets project.private.config.json override libVersion, and reads miniprogramRoot', () => {
    const p = new MemoryProject({
      'project.config.json': JSON.stringify({ appid: 'wx1', libVersion: '2.10.0', miniprogramRoot: 'miniprogram/' }),
      'project.private.config.json': JSON.stringify({ libVersion: '3.0.1' }),
    });
    const project = p.index.projectOf(p.path('miniprogram/pages/a/a.js'));
    assert.equal(project.libVersion, '3.0.1');
    assert.equal(project.appRoot, '/project/miniprogram');
  });

  it('recognises Alipay and Douyin projects and Taro', () => {
    assert.equal(new MemoryProject({ 'mini.project.json': '{}' }).index.projectOf('/project/x.js').platform, 'alipay');
    assert.equal(
      new MemoryProject({ 'project.config.json': '{"appid":"tt9"}' }).index.projectOf('/project/x.js').platform,
      'douyin',
    );
    const taro = new MemoryProject({
      'project.config.json': '{}',
      'package.json': '{"dependencies":{"@tarojs/taro":"4"}}',
    }).index.projectOf('/project/src/x.tsx');
    assert.deepEqual([taro.taro, taro.appRoot], [true, '/project/src']);
  });

  it('recognises a uni-app project only from manifest.json beside pages.json, and reads its targets and Vue version', () => {
    const uni = (files: Record<string, string>, file = 'common/a.js') =>
      new MemoryProject(files).index.projectOf(`/project/${file}`);
    assert.equal(uni({ 'manifest.json': '{}', 'common/a.js': '' }).uniApp, undefined);
    assert.deepEqual(uni({ 'manifest.json': '{}', 'pages.json': '{}' }).uniApp, {
      targets: ['wechat', 'alipay', 'douyin'],
      vueVersion: 2,
    });
    const alipay = uni({ 'manifest.json': '{ "vueVersion": "3", "mp-alipay": {}, "h5": {} }', 'pages.json': '{}' });
    assert.deepEqual(
      [alipay.uniApp, alipay.platform, alipay.libVersion],
      [{ targets: ['alipay'], vueVersion: 3 }, 'alipay', undefined],
    );
    // A manifest with comments (HBuilderX writes them); mp-weixin's libVersion is WeChat's.
    const wechat = uni({
      'manifest.json': '{\n  /* 小程序 */\n  "mp-weixin": { "libVersion": "2.21.2", "appid": "wx1" },\n}',
      'pages.json': '{}',
    });
    assert.deepEqual([wechat.platform, wechat.libVersion, wechat.appid], ['wechat', '2.21.2', 'wx1']);
    // src/ without a package.json above it is an HBuilderX project that happens to live in a folder named src.
    const plain = uni({ 'src/manifest.json': '{}', 'src/pages.json': '{}' }, 'src/common/a.js');
    assert.deepEqual([plain.root, plain.appRoot], ['/project/src', '/project/src']);
    const cli = uni(
      { 'package.json': '{"dependencies":{"vue":"^3.4.0"}}', 'src/manifest.json': '{}', 'src/pages.json': '{}' },
      'src/pages/index/index.js',
    );
    assert.deepEqual([cli.root, cli.appRoot, cli.uniApp?.vueVersion], ['/project', '/project/src', 3]);
  });

  it('drops what it knew of a uni-app project when manifest.json or pages.json changes', () => {
    const p = new MemoryProject({ 'manifest.json': '{}', 'pages.json': '{}' });
    assert.equal(p.index.projectOf('/project/common/a.js').uniApp?.vueVersion, 2);
    p.files.set('/project/manifest.json', '{ "vueVersion": "3" }');
    assert.deepEqual(p.index.invalidate('/project/manifest.json'), { kind: 'below', folder: '/project' });
    assert.equal(p.index.projectOf('/project/common/a.js').uniApp?.vueVersion, 3);
  });

  it("takes a Taro project's platforms from the targets its build scripts name, not from one platform file", () => {
    const taro = (scripts: Record<string, string>, config = 'project.tt.json') =>
      new MemoryProject({
        [config]: JSON.stringify({ appid: 'touristappid' }),
        'package.json': JSON.stringify({ dependencies: { '@tarojs/taro': '3.6.0' }, scripts }),
      }).index.projectOf('/project/src/pages/a/a.tsx').platform;
    assert.equal(
      taro({ 'build:weapp': 'taro build --type weapp', 'build:tt': 'taro build --type tt' }),
      undefined,
      'two targets: any platform',
    );
    assert.equal(taro({ 'build:weapp': 'taro build --type weapp' }), 'wechat', 'one target');
    assert.equal(taro({ dev: 'taro build --type alipay --watch' }, 'project.config.json'), 'alipay');
    assert.equal(taro({}), 'douyin', 'no target named: the configuration file says');
  });

  it('pairs a page script with its markup files and back', () => {
    const p = new MemoryProject({ 'pages/a/a.ts': '', 'pages/a/a.wxml': '<view bindtap="x"/>', 'pages/a/a.ttml': '<view/>' });
    assert.deepEqual(
      p.index.pageMarkupOf(p.path('pages/a/a.ts')).map((m) => m.fileName),
      ['/project/pages/a/a.wxml', '/project/pages/a/a.ttml'],
    );
    assert.deepEqual(p.index.scriptsOfMarkup(p.path('pages/a/a.wxml')), ['/project/pages/a/a.ts']);
    assert.deepEqual(p.index.markupHandlersOf(p.path('pages/a/a.ts'))?.tap, new Set(['x']));
  });

  it('forgets cached markup when told the file changed', () => {
    const p = new MemoryProject({ 'pages/a/a.js': '', 'pages/a/a.wxml': '<view bindtap="x"/>' });
    assert.deepEqual(p.index.markupHandlersOf(p.path('pages/a/a.js'))?.tap, new Set(['x']));
    p.set('pages/a/a.wxml', '<view bindtap="y"/>');
    assert.deepEqual(p.index.markupHandlersOf(p.path('pages/a/a.js'))?.tap, new Set(['y']));
  });

  it('gives no handler facts for pages without markup or with dynamic bindings', () => {
    const p = new MemoryProject({ 'pages/a/a.js': '', 'pages/b/b.js': '', 'pages/b/b.wxml': '<view bindtap="{{h}}"/>' });
    assert.equal(p.index.markupHandlersOf(p.path('pages/a/a.js')), undefined);
    assert.equal(p.index.markupHandlersOf(p.path('pages/b/b.js')), undefined);
  });

  it('compares versions numerically', () => {
    assert.ok(compareVersions('2.10.4', '2.9.9') > 0);
    assert.ok(compareVersions('2.27.1', '2.27.1') === 0);
    assert.ok(compareVersions('2.27', '2.27.1') < 0);
    assert.ok(compareVersions('3', '2.99.99') > 0);
  });
});

describe('project index: miniprogramRoot', () => {
  const cloudTemplate = {
    'project.config.json': JSON.stringify({
      appid: 'wx42',
      libVersion: '2.20.1',
      miniprogramRoot: 'miniprogram/',
      cloudfunctionRoot: 'cloudfunctions/',
    }),
    'miniprogram/app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'miniprogram/app.js': 'App({})',
    'miniprogram/pages/index/index.js': 'Page({})',
  };

  it('takes root, appid and libVersion from the project configuration whose miniprogramRoot holds the app.json', () => {
    const p = new MemoryProject(cloudTemplate);
    const project = p.index.projectOf(p.path('miniprogram/pages/index/index.js'));
    assert.deepEqual(
      {
        root: project.root,
        appRoot: project.appRoot,
        appid: project.appid,
        libVersion: project.libVersion,
        platform: project.platform,
      },
      { root: '/project', appRoot: '/project/miniprogram', appid: 'wx42', libVersion: '2.20.1', platform: 'wechat' },
    );
    assert.equal(p.index.projectOf(p.path('miniprogram/app.js')).root, '/project', 'the app file too');
  });

  it('reads miniprogramRoot and libVersion from project.private.config.json over project.config.json', () => {
    const p = new MemoryProject({
      ...cloudTemplate,
      'project.config.json': JSON.stringify({ appid: 'wx42', libVersion: '2.20.1' }),
      'project.private.config.json': JSON.stringify({ libVersion: '3.3.0', miniprogramRoot: 'miniprogram' }),
    });
    const project = p.index.projectOf(p.path('miniprogram/pages/index/index.js'));
    assert.deepEqual([project.root, project.appRoot, project.libVersion], ['/project', '/project/miniprogram', '3.3.0']);
  });

  it('keeps the app.json folder when the configuration above names another miniprogramRoot, or none', () => {
    for (const config of [{ appid: 'wx1', miniprogramRoot: 'other/' }, { appid: 'wx1' }]) {
      const p = new MemoryProject({ ...cloudTemplate, 'project.config.json': JSON.stringify(config) });
      const project = p.index.projectOf(p.path('miniprogram/pages/index/index.js'));
      assert.deepEqual(
        [project.root, project.appRoot, project.appid],
        ['/project/miniprogram', '/project/miniprogram', undefined],
      );
    }
  });

  it('follows a change of the project configuration', () => {
    const p = new MemoryProject(cloudTemplate);
    assert.equal(p.index.projectOf(p.path('miniprogram/pages/index/index.js')).libVersion, '2.20.1');
    p.set('project.config.json', JSON.stringify({ appid: 'wx42', libVersion: '3.0.0', miniprogramRoot: 'miniprogram/' }));
    assert.equal(p.index.projectOf(p.path('miniprogram/pages/index/index.js')).libVersion, '3.0.0');
  });
});

describe('project index: what a change invalidates', () => {
  const p = new MemoryProject({
    'project.config.json': JSON.stringify({ appid: 'wx1', miniprogramRoot: 'miniprogram/' }),
    'miniprogram/app.json': '{}',
    'miniprogram/app.ts': 'App({})',
    'miniprogram/pages/a/a.ts': 'Page({})',
    'miniprogram/pages/a/a.wxml': '<view/>',
    'miniprogram/pages/app/app.js': 'Page({})',
  });
  const stale = (invalidation: Invalidation, names: string[]) =>
    names.filter((name) => isInvalidated(invalidation, p.path(name)));
  const everyFile = [
    'project.config.json',
    'miniprogram/app.ts',
    'miniprogram/pages/a/a.ts',
    'miniprogram/pages/a/a.wxml',
    'miniprogram/pages/a/a.js',
    'miniprogram/pages/app/app.js',
    'other/x.js',
  ];

  it('a page markup file: its scripts', () => {
    assert.deepEqual(stale(p.index.invalidate(p.path('miniprogram/pages/a/a.wxml')), everyFile), [
      'miniprogram/pages/a/a.ts',
      'miniprogram/pages/a/a.js',
    ]);
  });

  it('a page script: its markup and the other scripts of the stem', () => {
    assert.deepEqual(stale(p.index.invalidate(p.path('miniprogram/pages/a/a.ts')), everyFile), [
      'miniprogram/pages/a/a.wxml',
      'miniprogram/pages/a/a.js',
    ]);
  });

  it('an app file in the app root: every page below the app root', () => {
    for (const name of ['app.js', 'app.ts', 'app.jsx', 'app.tsx']) {
      const invalidation = p.index.invalidate(p.path(`miniprogram/${name}`));
      assert.deepEqual(invalidation, { kind: 'below', folder: '/project/miniprogram' }, name);
    }
    assert.deepEqual(stale(p.index.invalidate(p.path('miniprogram/app.ts')), everyFile), everyFile.slice(1, 6));
  });

  it('a page named app below the app root is a page, not the app file', () => {
    assert.deepEqual(p.index.invalidate(p.path('miniprogram/pages/app/app.js')).kind, 'files');
  });

  it('a configuration or settings file: everything below its folder', () => {
    for (const name of [
      'project.config.json',
      'project.private.config.json',
      'mini.project.json',
      'project.tt.json',
      'package.json',
      '.mp-userinfo.json',
    ]) {
      assert.deepEqual(p.index.invalidate(p.path(name)), { kind: 'below', folder: '/project' }, name);
    }
    assert.deepEqual(stale(p.index.invalidate(p.path('miniprogram/app.json')), everyFile), everyFile.slice(1, 6));
    assert.equal(
      isInvalidated({ kind: 'below', folder: '/project' }, '/project-b/x.js'),
      false,
      'a sibling folder sharing the prefix',
    );
  });

  it('another file: nothing but files of its stem', () => {
    const invalidation = p.index.invalidate(p.path('miniprogram/pages/a/a.wxss'));
    assert.deepEqual(stale(invalidation, everyFile), [
      'miniprogram/pages/a/a.ts',
      'miniprogram/pages/a/a.wxml',
      'miniprogram/pages/a/a.js',
    ]);
  });

  it('an edit of the app file is seen by the login check of every API (the cache is keyed by file, then API)', () => {
    const app = new MemoryProject({ 'project.config.json': '{"appid":"tt1"}', 'app.js': 'App({})' });
    const project = app.index.projectOf(app.path('pages/a/a.js'));
    assert.equal(app.index.appLogsInOnLaunch(project, 'tt.login'), false);
    app.set('app.js', 'App({ onLaunch() { tt.login({}) } })');
    assert.equal(app.index.appLogsInOnLaunch(project, 'tt.login'), true);
  });
});
