// The errMsg explainer on WeChat's privacy errors: errno 104 (the user has not agreed) and errno 112 (the privacy
// guide does not declare the data), with any API's name before ":fail", with or without the errno, in both
// languages, through the decoder the CLI and the panel share and through the CLI itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDecode } from '../../server/src/cli/decode';
import type { CliIo } from '../../server/src/cli/io';
import { decodePayload, reportFailed, type DecodeReport } from '../../server/src/core/decode';

function explained(text: string, language: 'en' | 'zh-cn' = 'en'): { report: DecodeReport; message: string } {
  const report = decodePayload({ text, language });
  assert.equal(report.format?.kind, 'err-msg', `not read as an errMsg: ${text}`);
  assert.equal(report.errors.length, 0);
  assert.equal(reportFailed(report), false);
  const notes = report.notes.filter((n) => n.code === 'err-msg');
  assert.equal(notes.length, 1, JSON.stringify(report.notes));
  return { report, message: notes[0]!.message };
}

describe('errno 104: privacy permission is not authorized', () => {
  const cases: Array<[string, string, string]> = [
    ['text with an API name', 'getPhoneNumber:fail privacy permission is not authorized', 'getPhoneNumber'],
    ['text with the errno after it', 'chooseAvatar:fail privacy permission is not authorized, errno: 104', 'chooseAvatar'],
    ['a fail object with errno', '{"errMsg":"getUserInfo:fail privacy permission is not authorized","errno":104}', 'getUserInfo'],
    ['a logged JS object', "{ errMsg: 'chooseMedia:fail privacy permission is not authroized', errno: 104 }", 'chooseMedia'],
  ];
  for (const [what, text, api] of cases) {
    it(`explains ${what}, naming ${api}`, () => {
      const { message } = explained(text);
      assert.ok(message.startsWith(`${api}:fail privacy permission is not authorized (errno 104) (any API:`), message);
      assert.match(message, /Cause: The user has not agreed to the privacy guide/);
      assert.match(message, /Fix: Ask for the agreement first: .*`bindagreeprivacyauthorization` handler\.$/);
    });
  }

  it('explains it without an API name', () => {
    const { message } = explained('fail privacy permission is not authorized');
    assert.ok(message.startsWith('API:fail privacy permission is not authorized (errno 104)'), message);
  });

  it('explains it in Chinese', () => {
    const { message } = explained('getPhoneNumber:fail privacy permission is not authorized', 'zh-cn');
    assert.ok(message.startsWith('getPhoneNumber:fail privacy permission is not authorized (errno 104)（任一接口：'), message);
    assert.match(message, /原因：用户尚未同意隐私保护指引/);
    assert.match(message, /解决：先征得同意/);
  });
});

describe('errno 112: api scope is not declared in the privacy agreement', () => {
  it('explains it with an API name and errno (en)', () => {
    const { message } = explained(
      '{"errMsg":"getUserProfile:fail api scope is not declared in the privacy agreement","errno":112}',
    );
    assert.ok(message.startsWith('getUserProfile:fail api scope is not declared in the privacy agreement (errno 112)'), message);
    assert.match(message, /Cause: The mini-program's privacy guide .* does not declare the kind of data/);
    assert.match(message, /Fix: Declare that data type in the privacy guide .* No code change fixes it\.$/);
  });

  it('explains it as text from the console, in Chinese', () => {
    const { message } = explained('chooseAvatar:fail api scope is not declared in the privacy agreement', 'zh-cn');
    assert.ok(
      message.startsWith('chooseAvatar:fail api scope is not declared in the privacy agreement (errno 112)（任一接口'),
      message,
    );
    assert.match(message, /原因：小程序的隐私保护指引（mp 后台“设置 - 服务内容声明 - 用户隐私保护指引”）没有声明/);
    assert.match(message, /解决：在隐私保护指引中声明该信息类型/);
  });

  it('keeps the explanation when the platform is given', () => {
    const report = decodePayload({
      text: 'getPhoneNumber:fail api scope is not declared in the privacy agreement',
      appid: 'wx1234567890abcdef',
    });
    assert.match(report.notes.find((n) => n.code === 'err-msg')?.message ?? '', /\(errno 112\)/);
  });
});

describe('mp-userinfo decode on a privacy errMsg', () => {
  async function cli(argv: string[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const io: CliIo = {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      readStdin: async () => '',
      env: {},
      cwd: process.cwd(),
      version: '0.0.0-test',
    };
    return { code: await runDecode(argv, io), stdout };
  }

  it('prints the cause and fix of errno 104 in English and of errno 112 in Chinese', async () => {
    const en = await cli(['getPhoneNumber:fail privacy permission is not authorized']);
    assert.equal(en.code, 0);
    assert.match(en.stdout, /getPhoneNumber:fail privacy permission is not authorized \(errno 104\)/);
    assert.match(en.stdout, /Cause: The user has not agreed/);
    const zh = await cli(['chooseAvatar:fail api scope is not declared in the privacy agreement', '--lang', 'zh-cn']);
    assert.equal(zh.code, 0);
    assert.match(zh.stdout, /\(errno 112\)/);
    assert.match(zh.stdout, /原因：小程序的隐私保护指引/);
  });
});
