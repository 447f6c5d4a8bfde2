// The catalog is the single source of truth, so these tests hold it to its own contract: both languages
// everywhere, a doc link and a working example for every entry, references that resolve, error patterns
// that recognise their own messages, and the rule-facing facts the rules depend on.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import {
  apisOf,
  catalog,
  constraintTexts,
  flowSnippets,
  labels,
  namespaceTitles,
  platformNames,
  fieldsOf,
  findErrors,
  getApiById,
  getMarkupAttribute,
  getOption,
  getType,
  type Localized,
  type Platform,
} from '../../server/src/catalog/index';

const cjk = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
const semver = /^\d+\.\d+\.\d+$/;

/** Every `{ en, zh }` object in a value, with a path for the failure message. */
function localizedTexts(value: unknown, path: string, out: Array<[string, Localized]> = []): Array<[string, Localized]> {
  if (Array.isArray(value)) value.forEach((v, i) => localizedTexts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort().join(',');
    if (keys === 'en,zh') out.push([path, value as Localized]);
    else for (const [k, v] of Object.entries(value)) localizedTexts(v, `${path}.${k}`, out);
  }
  return out;
}

/** English text with quoted material (code spans, quoted strings) removed: what must be English prose. */
function englishProse(text: string): string {
  return text
    .replace(/`[^`]*`/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/“[^”]*”/g, '');
}

function syntaxErrors(code: string): string[] {
  const out = ts.transpileModule(code, {
    fileName: 'example.tsx',
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('catalog contract', () => {
  it('covers the whole identity flow named by the issue', () => {
    const ids = [
      'wx.getUserProfile',
      'wx.getUserInfo',
      'wx.login',
      'wx.checkSession',
      'wx.getSetting',
      'my.getOpenUserInfo',
      'my.getAuthCode',
      'my.getPhoneNumber',
      'tt.getUserInfo',
      'tt.getUserProfile',
      'tt.login',
      'tt.checkSession',
      'Taro.getUserProfile',
      'Taro.getUserInfo',
      'Taro.getOpenUserInfo',
      'Taro.login',
    ];
    for (const id of ids) assert.ok(getApiById(id), `missing ${id}`);
    for (const id of ['wx.UserInfo', 'wx.AuthSetting', 'tt.UserInfo', 'my.OpenUserInfo', 'my.OpenUserInfoEnvelope']) {
      assert.ok(getType(id), `missing type ${id}`);
    }
    const openType = getMarkupAttribute('button', 'open-type');
    assert.deepEqual(openType?.values?.map((v) => v.value).sort(), [
      'agreePrivacyAuthorization',
      'chooseAvatar',
      'getAuthorize',
      'getPhoneNumber',
      'getUserInfo',
    ]);
    for (const [tag, name] of [
      ['button', 'scope'],
      ['button', 'onGetAuthorize'],
      ['button', 'onError'],
      ['button', 'bindgetuserinfo'],
      ['button', 'bind:chooseavatar'],
      ['input', 'type'],
      ['open-data', 'type'],
    ] as const) {
      assert.ok(getMarkupAttribute(tag, name), `missing <${tag} ${name}>`);
    }
  });

  it('has unique ids, and ids that spell namespace.name', () => {
    const apiIds = catalog.apis.map((a) => a.id);
    assert.equal(new Set(apiIds).size, apiIds.length);
    for (const api of catalog.apis) assert.equal(api.id, `${api.namespace}.${api.name}`);
    const typeIds = catalog.types.map((t) => t.id);
    assert.equal(new Set(typeIds).size, typeIds.length);
    const attrs = catalog.markup.flatMap((m) => [m.name, ...(m.aliases ?? [])].map((n) => `${m.tag} ${n}`));
    assert.equal(new Set(attrs).size, attrs.length);
  });

  it('has option, result-field and value names unique within their owner', () => {
    for (const api of catalog.apis) {
      const options = api.options.map((o) => o.name);
      assert.equal(new Set(options).size, options.length, `${api.id} options`);
      const fields = api.result.map((f) => f.name);
      assert.equal(new Set(fields).size, fields.length, `${api.id} result`);
      for (const o of api.options) {
        const values = (o.values ?? []).map((v) => v.value);
        assert.equal(new Set(values).size, values.length, `${api.id}.${o.name} values`);
      }
    }
    for (const type of catalog.types) {
      const fields = type.fields.map((f) => f.name);
      assert.equal(new Set(fields).size, fields.length, `${type.id} fields`);
    }
  });

  it('writes every text in English and Chinese', () => {
    const sentences = {
      tapOnly: constraintTexts.tapOnly(['x:fail']),
      desc: constraintTexts.desc(30),
      loginFirst: constraintTexts.loginFirst('tt.login', '2.54.0'),
      authorizeScope: constraintTexts.authorizeScope('userInfo'),
      belowLibVersion: constraintTexts.belowLibVersion('2.10.4', '2.9.0'),
      notOnPlatform: constraintTexts.notOnPlatform(platformNames.alipay),
      fixed: [constraintTexts.responseIsJsonString, constraintTexts.noPromise, constraintTexts.noLongerReturned],
    };
    const prose = { ...labels, colon: undefined, period: undefined, semicolon: undefined, comma: undefined, wordGap: undefined };
    const texts = localizedTexts({ catalog, flowSnippets, prose, platformNames, namespaceTitles, sentences }, 'catalog');
    assert.ok(texts.length > 200, `only ${texts.length} localized texts found`);
    for (const [path, { en, zh }] of texts) {
      assert.ok(en.trim().length > 0, `${path}.en is empty`);
      assert.ok(zh.trim().length > 0, `${path}.zh is empty`);
      assert.match(zh, cjk, `${path}.zh has no Chinese: ${zh}`);
      assert.doesNotMatch(englishProse(en), cjk, `${path}.en has Chinese outside quotes: ${en}`);
    }
  });

  it('links every entry to an official page and gives it an example', () => {
    const https = /^https:\/\/[^\s]+$/;
    for (const api of catalog.apis) {
      assert.match(api.docUrl, https, api.id);
      assert.ok(api.example.trim(), `${api.id} example`);
      for (const n of api.notes) if (n.url) assert.match(n.url, https, `${api.id} note`);
    }
    for (const type of catalog.types) assert.match(type.docUrl, https, type.id);
    for (const attr of catalog.markup) {
      assert.match(attr.docUrl, https, `${attr.tag} ${attr.name}`);
      assert.ok(attr.example?.trim(), `${attr.tag} ${attr.name} example`);
      for (const v of attr.values ?? []) {
        assert.match(v.docUrl, https, `${attr.name}=${v.value}`);
        assert.ok(v.example?.trim(), `${attr.name}=${v.value} example`);
      }
    }
  });

  it('gives examples that parse and call their own API', () => {
    for (const api of catalog.apis) {
      assert.deepEqual(syntaxErrors(api.example), [], `${api.id} example does not parse`);
      assert.ok(api.example.includes(`${api.namespace}.${api.name}(`), `${api.id} example does not call it`);
    }
  });

  it('resolves every type reference', () => {
    const refs = [
      ...catalog.apis.flatMap((a) => a.result.map((f) => [a.id, f] as const)),
      ...catalog.types.flatMap((t) => t.fields.map((f) => [t.id, f] as const)),
    ];
    for (const [owner, field] of refs) {
      if (field.typeRef) assert.ok(getType(field.typeRef), `${owner}.${field.name} -> ${field.typeRef}`);
    }
  });

  it('keeps versions, dates, defaults and values consistent', () => {
    for (const api of catalog.apis) {
      if (api.minVersion) assert.match(api.minVersion, semver, api.id);
      if (api.plugin.minVersion) assert.ok(api.plugin.supported, `${api.id} plugin version without support`);
      for (const note of api.notes) assert.match(note.date, /^\d{4}(-\d{2}-\d{2})?$/, `${api.id} note date`);
      for (const o of api.options) {
        if (o.minVersion) assert.match(o.minVersion, semver, `${api.id}.${o.name}`);
        if (o.kind === 'function') assert.equal(o.values, undefined);
        for (const v of o.values ?? []) {
          const expected = o.kind === 'boolean' ? 'boolean' : o.kind === 'number' ? 'number' : 'string';
          assert.equal(typeof v.value, expected, `${api.id}.${o.name} value ${String(v.value)}`);
        }
        if (o.default !== undefined && o.values) {
          assert.ok(
            o.values.some((v) => v.value === o.default),
            `${api.id}.${o.name} default not an allowed value`,
          );
        }
        if (o.platforms) {
          assert.ok(api.platforms, `${api.id}.${o.name} has platforms but the API has none`);
          for (const p of o.platforms) assert.ok(api.platforms.includes(p), `${api.id}.${o.name} on ${p}`);
        }
      }
    }
  });

  it('ranks exactly one recommended API first per namespace, and deprecated ones last', () => {
    for (const ns of ['wx', 'my', 'tt', 'Taro'] as const) {
      const list = apisOf(ns);
      assert.equal(list.filter((a) => a.rank === 0).length, 1, ns);
      assert.equal(list[0]?.deprecated, undefined, `${ns} recommends a deprecated API`);
      const firstDeprecated = list.findIndex((a) => a.deprecated);
      if (firstDeprecated >= 0)
        assert.ok(
          list.slice(firstDeprecated).every((a) => a.deprecated),
          `${ns} order`,
        );
    }
  });

  it('describes Taro entries through the native APIs they run', () => {
    for (const api of apisOf('Taro')) {
      assert.ok(api.platforms?.length, `${api.id} platforms`);
      assert.deepEqual(Object.keys(api.nativeApis ?? {}).sort(), [...(api.platforms ?? [])].sort(), api.id);
      for (const id of Object.values(api.nativeApis ?? {})) assert.ok(getApiById(id), `${api.id} -> ${id}`);
    }
  });

  it('gives every error a pattern that recognises its own message', () => {
    for (const api of catalog.apis) {
      for (const e of api.errors) {
        const re = new RegExp(e.pattern, 'i');
        assert.match(e.errMsg, re, `${api.id}: ${e.errMsg}`);
      }
    }
  });
});

/** The option names rule modules look up by literal: `findProperty(options, 'desc')`, `getOption(api, 'lang')`. */
function optionNamesReadByRules(): Array<{ rule: string; name: string }> {
  const dir = join(__dirname, '..', '..', 'server', 'src', 'core', 'rules');
  const out: Array<{ rule: string; name: string }> = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        (node.expression.text === 'findProperty' || node.expression.text === 'getOption') &&
        node.arguments[1] &&
        ts.isStringLiteralLike(node.arguments[1])
      ) {
        out.push({ rule: file, name: node.arguments[1].text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('catalog and rules agree', () => {
  it('has every option a rule reads', () => {
    const reads = optionNamesReadByRules();
    assert.ok(
      reads.some((r) => r.name === 'desc'),
      'expected the desc rules to read desc',
    );
    const known = new Set(catalog.apis.flatMap((a) => a.options.map((o) => o.name)));
    for (const { rule, name } of reads) assert.ok(known.has(name), `${rule} reads option '${name}', which no catalog API has`);
  });

  it('gives every constrained API the options its constraint implies', () => {
    for (const api of catalog.apis) {
      if (api.constraints?.descMaxLength !== undefined) {
        assert.equal(getOption(api, 'desc')?.required, true, `${api.id} limits desc but does not require it`);
      }
      const login = api.constraints?.loginFirst;
      if (login) {
        const loginApi = getApiById(login.api);
        for (const key of ['success', 'complete']) assert.ok(loginApi && getOption(loginApi, key), `${login.api} lacks ${key}`);
      }
    }
  });
});

describe('rule-facing facts', () => {
  const api = (id: string) => {
    const entry = getApiById(id);
    assert.ok(entry, id);
    return entry;
  };

  it('models getUserProfile per platform as documented', () => {
    assert.deepEqual(api('wx.getUserProfile').constraints, { tapOnly: true, descMaxLength: 30, privacyInterface: true });
    assert.equal(api('wx.getUserProfile').minVersion, '2.10.4');
    assert.equal(api('wx.getUserProfile').promise, true);
    assert.equal(getOption(api('wx.getUserProfile'), 'desc')?.required, true);
    assert.deepEqual(api('Taro.getUserProfile').constraints, { tapOnly: true, descMaxLength: 30 });
    assert.deepEqual(api('Taro.getUserProfile').platforms, ['wechat', 'douyin']);
    // Douyin's API takes no desc; its constraints are the tap and (below 2.54.0) the login.
    const tt = api('tt.getUserProfile');
    assert.deepEqual(tt.constraints, { tapOnly: true, loginFirst: { api: 'tt.login', until: '2.54.0' } });
    assert.equal(getOption(tt, 'desc'), undefined);
    assert.equal(getOption(tt, 'force')?.minVersion, '2.54.0');
    assert.equal(tt.minVersion, '2.30.0');
  });

  it('models the old and the Alipay APIs as documented', () => {
    const getUserInfo = api('wx.getUserInfo');
    assert.equal(getUserInfo.promise, false);
    assert.ok(getUserInfo.deprecated);
    assert.deepEqual(
      getOption(getUserInfo, 'lang')?.values?.map((v) => v.value),
      ['en', 'zh_CN', 'zh_TW'],
    );
    assert.equal(getOption(getUserInfo, 'withCredentials')?.kind, 'boolean');
    assert.deepEqual(api('tt.getUserInfo').constraints, { loginFirst: { api: 'tt.login' } });
    assert.equal(getOption(api('tt.getUserInfo'), 'withRealNameAuthenticationInfo')?.minVersion, '1.80.0');
    assert.deepEqual(api('my.getOpenUserInfo').constraints, { responseIsJsonString: true, authorizeScope: 'userInfo' });
    assert.equal(api('my.getOpenUserInfo').minVersion, '1.16.4');
    assert.deepEqual(api('Taro.getOpenUserInfo').platforms, ['alipay']);
    for (const a of catalog.apis) {
      const login = a.constraints?.loginFirst;
      if (login) assert.ok(getApiById(login.api), `${a.id} loginFirst -> ${login.api}`);
    }
  });

  it('marks the login/session/setting APIs as support, not user-info', () => {
    const support = catalog.apis
      .filter((a) => a.role === 'support')
      .map((a) => a.id)
      .sort();
    assert.deepEqual(support, [
      'Taro.getPrivacySetting',
      'Taro.login',
      'Taro.onNeedPrivacyAuthorization',
      'Taro.openPrivacyContract',
      'Taro.requirePrivacyAuthorize',
      'my.getAuthCode',
      'tt.checkSession',
      'tt.login',
      'uni.checkSession',
      'uni.login',
      'wx.checkSession',
      'wx.getPrivacySetting',
      'wx.getSetting',
      'wx.login',
      'wx.onNeedPrivacyAuthorization',
      'wx.openPrivacyContract',
      'wx.requirePrivacyAuthorize',
    ]);
  });

  it('tells WeChat numeric gender apart from Alipay legacy letters', () => {
    const wxGender = fieldsOf('wx.UserInfo').find((f) => f.name === 'gender');
    assert.deepEqual(
      wxGender?.values?.map((v) => v.value),
      [0, 1, 2],
    );
    const myGender = fieldsOf('my.OpenUserInfo').find((f) => f.name === 'gender');
    assert.deepEqual(
      myGender?.values?.map((v) => [v.value, v.legacy]),
      [
        ['m', true],
        ['f', true],
      ],
    );
    assert.ok(myGender?.noLongerReturned);
  });

  it('finds errors by message variant and by Alipay code', () => {
    const tap = findErrors('getUserProfile:fail can only be invoked by user TAP gesture.');
    assert.deepEqual(
      tap.map((m) => m.api.id),
      ['wx.getUserProfile'],
    );
    assert.deepEqual(
      findErrors('getUserProfile:fail must be invoked by user tap gesture').map((m) => m.api.id),
      ['tt.getUserProfile'],
    );
    assert.equal(findErrors('getUserInfo:fail:auth denied')[0]?.api.id, 'wx.getUserInfo');
    assert.equal(findErrors('getUserProfile:fail user deny')[0]?.error.errMsg, 'getUserProfile:fail auth deny');
    assert.equal(findErrors('40003')[0]?.error.errMsg, 'isv.invalid-auth-relations');
    assert.deepEqual(findErrors('request:fail timeout'), []);
  });

  it('resolves markup attribute aliases', () => {
    assert.equal(getMarkupAttribute('button', 'bindchooseavatar')?.name, 'bind:chooseavatar');
    assert.equal(getMarkupAttribute('button', 'bind:getuserinfo')?.name, 'bindgetuserinfo');
    assert.equal(getMarkupAttribute('view', 'open-type'), undefined);
    const platformsOf = (value: string): Platform[] | undefined =>
      getMarkupAttribute('button', 'open-type')?.values?.find((v) => v.value === value)?.platforms;
    assert.deepEqual(platformsOf('getAuthorize'), ['alipay']);
    assert.deepEqual(platformsOf('chooseAvatar'), ['wechat']);
  });
});
