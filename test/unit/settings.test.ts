import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeOptions, parseSettings, SettingsFiles, toAnalysisOptions } from '../../server/src/core/settings';
import { MemoryProject } from './helpers';

describe('parseSettings', () => {
  it('accepts every documented setting', () => {
    const value = {
      rules: { 'desc-too-long': 'warning', 'unhandled-refusal': 'off' },
      libVersion: '2.27.1',
      platforms: ['wechat', 'douyin'],
      maxFileSize: 1024,
    };
    assert.deepEqual(parseSettings(value, true), { settings: value, problems: [] });
  });

  it('treats missing and empty values as unset', () => {
    assert.deepEqual(parseSettings(undefined, true), { settings: {}, problems: [] });
    assert.deepEqual(parseSettings({ libVersion: '', maxFileSize: null }, false), { settings: {}, problems: [] });
  });

  it('names each bad entry and keeps the good ones', () => {
    const result = parseSettings(
      {
        rules: { 'desc-missing': 'loud', 'no-such-rule': 'error', 'desc-too-long': 'hint' },
        libVersion: 'latest',
        platforms: ['wechat', 'qq'],
        maxFileSize: -1,
        lint: true,
      },
      true,
    );
    assert.deepEqual(result.settings, { rules: { 'desc-too-long': 'hint' } });
    assert.deepEqual(result.problems, [
      'unknown setting "lint" (known: rules, libVersion, platforms, maxFileSize, ignore, defaultIgnore)',
      '"rules.desc-missing" must be one of "off", "error", "warning", "information", "hint", not "loud"',
      'unknown rule "no-such-rule" in "rules"',
      '"libVersion" must be a version such as "2.27.1", not "latest"',
      '"platforms" must be a non-empty list of "wechat", "alipay", "douyin", not ["wechat","qq"]',
      '"maxFileSize" must be a positive number of bytes, not -1',
    ]);
  });

  it('takes ignore globs and defaultIgnore, and names a bad one', () => {
    assert.deepEqual(parseSettings({ ignore: ['components/kit/', ' **/*.gen.js '], defaultIgnore: false }, true), {
      settings: { ignore: ['components/kit/', '**/*.gen.js'], defaultIgnore: false },
      problems: [],
    });
    const result = parseSettings({ ignore: ['libs/', '', 'components\\kit', 3], defaultIgnore: 'no' }, true);
    assert.deepEqual(result.settings, { ignore: ['libs/'] });
    assert.deepEqual(result.problems, [
      '"ignore" entries must be gitignore-style globs with forward slashes, such as "components/my-kit/", not ""',
      '"ignore" entries must be gitignore-style globs with forward slashes, such as "components/my-kit/", not "components\\\\kit"',
      '"ignore" entries must be gitignore-style globs with forward slashes, such as "components/my-kit/", not 3',
      '"defaultIgnore" must be true or false, not "no"',
    ]);
    assert.deepEqual(parseSettings({ ignore: 'libs/' }, true).problems, [
      '"ignore" must be a list of gitignore-style globs such as "components/my-kit/", not "libs/"',
    ]);
  });

  it('ignores other keys of the editor section, and rejects a non-object', () => {
    assert.deepEqual(parseSettings({ docsLanguage: 'en', trace: { server: 'off' } }, false), { settings: {}, problems: [] });
    assert.deepEqual(parseSettings([1], false).problems, ['the settings must be an object']);
    assert.deepEqual(parseSettings({ rules: 'all' }, false).problems, ['"rules" must map rule codes to severities']);
    assert.deepEqual(parseSettings({ platforms: [] }, false).problems, [
      '"platforms" must be a non-empty list of "wechat", "alipay", "douyin", not []',
    ]);
  });
});

describe('toAnalysisOptions', () => {
  it('treats every platform as no filter, so the editor default checks what the CLI does', () => {
    assert.deepEqual(toAnalysisOptions({ platforms: ['wechat', 'alipay', 'douyin'] }), {});
    assert.deepEqual(toAnalysisOptions({ platforms: ['douyin', 'wechat'] }), { platforms: ['douyin', 'wechat'] });
    const project = new MemoryProject({
      'project.config.json': '{ "appid": "wx0123456789abcdef" }',
      'src/pages/a/a.tsx':
        "import Taro from '@tarojs/taro';\nexport const open = () => Taro.getOpenUserInfo().then((res) => console.log(res.response.nickName));\n",
    });
    const codes = (options: object) => project.analyze('src/pages/a/a.tsx', options).map((f) => f.code);
    assert.ok(codes({}).includes('alipay-response-string'));
    assert.deepEqual(codes(toAnalysisOptions({ platforms: ['wechat', 'alipay', 'douyin'] })), codes({}));
  });
});

describe('mergeOptions', () => {
  it('lets the override win per rule and for versions, and narrows platforms', () => {
    const base = toAnalysisOptions({
      rules: { 'desc-missing': 'warning', 'desc-too-long': 'off' },
      libVersion: '2.10.0',
      platforms: ['wechat', 'alipay'],
    });
    const override = toAnalysisOptions({
      rules: { 'desc-too-long': 'error' },
      libVersion: '3.0.0',
      platforms: ['wechat', 'douyin'],
    });
    assert.deepEqual(mergeOptions(base, override), {
      severities: { 'desc-missing': 'warning', 'desc-too-long': 'error' },
      libVersion: '3.0.0',
      platforms: ['wechat'],
    });
    assert.deepEqual(mergeOptions(base, {}), base);
    assert.deepEqual(mergeOptions({}, override), override);
  });
});

describe('SettingsFiles', () => {
  const host = (files: Record<string, string>) => ({ readFile: (f: string) => files[f] });

  it('finds the nearest .mp-userinfo.json, then a package.json with an mp-userinfo key', () => {
    const files = {
      '/repo/package.json': JSON.stringify({ name: 'x', 'mp-userinfo': { libVersion: '2.20.0' } }),
      '/repo/app/.mp-userinfo.json': '// comments are fine\n{ "rules": { "desc-missing": "off", }, }',
      '/repo/other/package.json': JSON.stringify({ name: 'no settings here' }),
    };
    const settings = new SettingsFiles(host(files));
    assert.deepEqual(settings.settingsFor('/repo/app/pages/a/a.js'), {
      file: '/repo/app/.mp-userinfo.json',
      settings: { rules: { 'desc-missing': 'off' } },
      problems: [],
    });
    assert.deepEqual(settings.settingsFor('/repo/other/pages/b.js'), {
      file: '/repo/package.json',
      settings: { libVersion: '2.20.0' },
      problems: [],
    });
    assert.equal(new SettingsFiles(host({})).settingsFor('/x/y.js'), undefined);
  });

  it('reports a broken settings file, and re-reads after invalidate', () => {
    const files: Record<string, string> = { '/p/.mp-userinfo.json': '{ "rules": ' };
    const settings = new SettingsFiles(host(files));
    assert.match(settings.settingsFor('/p/a.js')!.problems[0]!, /^it is not valid JSON \(\w+ at offset \d+\)$/);
    files['/p/.mp-userinfo.json'] = '{ "libVersion": "2.0.0" }';
    assert.equal(settings.settingsFor('/p/a.js')!.problems.length, 1, 'cached until invalidated');
    settings.invalidate('/p/.mp-userinfo.json');
    assert.deepEqual(settings.settingsFor('/p/a.js')!.settings, { libVersion: '2.0.0' });
  });
});

describe('the platforms option', () => {
  const files = {
    'pages/a/a.js':
      "wx.getUserProfile({ success() {} })\ntt.getUserProfile({})\nmy.getOpenUserInfo({})\nimport Taro from '@tarojs/taro'\nTaro.getOpenUserInfo()",
    'pages/a/a.axml': '<button open-type="getAuthorize">x</button>',
  };
  const namespacesOf = (platforms?: Array<'wechat' | 'alipay' | 'douyin'>) => {
    const project = new MemoryProject(files);
    const text = files['pages/a/a.js'];
    const findings = project.analyze('pages/a/a.js', platforms ? { platforms } : {});
    // Page-wide advice names the other calls as related locations: they count as reported too.
    const spans = findings.flatMap((f) => [f, ...(f.related ?? [])]);
    return [...new Set(spans.map((f) => text.slice(f.start, f.end).split('.')[0]))].sort();
  };

  it('checks every platform by default and only the enabled ones when set', () => {
    assert.deepEqual(namespacesOf(), ['Taro', 'my', 'tt', 'wx']);
    assert.deepEqual(namespacesOf(['wechat']), ['wx']);
    assert.deepEqual(namespacesOf(['alipay']), ['Taro', 'my']);
  });

  it('skips markup of a disabled platform', () => {
    const project = new MemoryProject(files);
    assert.ok(project.analyze('pages/a/a.axml').length > 0);
    assert.deepEqual(project.analyze('pages/a/a.axml', { platforms: ['wechat', 'douyin'] }), []);
  });
});
