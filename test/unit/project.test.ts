import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions } from '../../server/src/core/project';
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
    assert.equal(new MemoryProject({ 'project.config.json': '{"appid":"tt9"}' }).index.projectOf('/project/x.js').platform, 'douyin');
    const taro = new MemoryProject({ 'project.config.json': '{}', 'package.json': '{"dependencies":{"@tarojs/taro":"4"}}' }).index.projectOf('/project/src/x.tsx');
    assert.deepEqual([taro.taro, taro.appRoot], [true, '/project/src']);
  });

  it('pairs a page script with its markup files and back', () => {
    const p = new MemoryProject({ 'pages/a/a.ts': '', 'pages/a/a.wxml': '<view bindtap="x"/>', 'pages/a/a.ttml': '<view/>' });
    assert.deepEqual(p.index.pageMarkupOf(p.path('pages/a/a.ts')).map((m) => m.fileName), ['/project/pages/a/a.wxml', '/project/pages/a/a.ttml']);
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
