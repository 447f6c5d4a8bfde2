import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { getType, localize } from '../../server/src/catalog';
import { decodePayload, decryptOpenData, reportFailed } from '../../server/src/core/decode';
import { encrypt, officialVector, wechatPayload } from './vectors';

const anonymousAvatar =
  'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132';

function watermarked(fields: Record<string, unknown>, appid: string, timestamp = 1_700_000_000): string {
  return JSON.stringify({ ...fields, watermark: { timestamp, appid } });
}

describe('WeChat encryptedData (official demo vector)', () => {
  it('decrypts to exactly the published 393 bytes', () => {
    const result = decryptOpenData(officialVector, 'en');
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.plaintext, officialVector.plaintext);
    assert.equal(Buffer.byteLength(result.value.plaintext), 393);
    assert.deepEqual(result.value.data, JSON.parse(officialVector.plaintext));
  });

  it('re-encrypting the plaintext gives the published ciphertext back', () => {
    const key = Buffer.from(officialVector.sessionKey, 'base64');
    const iv = Buffer.from(officialVector.iv, 'base64');
    assert.equal(encrypt(officialVector.plaintext, key, iv), officialVector.encryptedData);
  });

  it('reports decrypted ✓ and watermark ✓ with the age of the data', () => {
    const report = decodePayload({ ...officialVector, now: officialVector.timestampMs + 3 * 60 * 1000 });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(
      report.verdicts.map((v) => [v.check, v.status]),
      [
        ['decrypted', 'pass'],
        ['watermark', 'pass'],
      ],
    );
    const watermark = report.verdicts[1]!.detail;
    assert.match(watermark, /wx4f4bc4dec97d474b/);
    assert.match(watermark, /2016-10-24T13:03:07Z/);
    assert.match(watermark, /3 min ago/);
    assert.equal(report.plaintext, officialVector.plaintext);
    assert.equal(report.format?.kind, 'encrypted-fields');
    assert.equal(report.format?.platform, 'wechat');
    assert.equal(reportFailed(report), false);
  });

  it('explains the decrypted fields from the catalog, including what gender 1 means', () => {
    const report = decodePayload({ ...officialVector });
    const type = getType('wx.DecryptedUserInfo')!;
    const gender = report.fields.find((f) => f.path === 'gender')!;
    const catalogGender = type.fields.find((f) => f.name === 'gender')!;
    assert.equal(gender.group, 'decrypted');
    assert.equal(gender.value, '1');
    assert.equal(gender.description, localize(catalogGender.description, 'en'));
    assert.equal(gender.meaning, localize(catalogGender.values!.find((v) => v.value === 1)!.description, 'en'));
    assert.deepEqual(
      report.fields.map((f) => f.path),
      [
        'openId',
        'nickName',
        'gender',
        'language',
        'city',
        'province',
        'country',
        'avatarUrl',
        'unionId',
        'watermark',
        'watermark.timestamp',
        'watermark.appid',
      ],
    );
    assert.ok(report.fields.find((f) => f.path === 'watermark.appid')!.description);
  });

  it('answers in Chinese when asked', () => {
    const report = decodePayload({ ...officialVector, language: 'zh-cn', now: officialVector.timestampMs + 2 * 3600 * 1000 });
    assert.match(report.verdicts[0]!.detail, /已用 AES-128-CBC 解密 393 字节/);
    assert.match(report.verdicts[1]!.detail, /2 小时前/);
    assert.equal(report.fields.find((f) => f.path === 'gender')!.meaning, '男');
  });

  it('skips the appid comparison, and says so, when no appid is given', () => {
    const { appid: _appid, ...withoutAppid } = officialVector;
    const report = decodePayload(withoutAppid);
    assert.equal(report.verdicts.find((v) => v.check === 'watermark')?.status, 'skipped');
    assert.ok(report.notes.some((n) => n.code === 'appid-not-checked' && n.message.includes('wx4f4bc4dec97d474b')));
    assert.equal(reportFailed(report), false);
  });

  it('warns when the watermark lies in the future', () => {
    const report = decodePayload({ ...officialVector, now: officialVector.timestampMs - 2 * 24 * 3600 * 1000 });
    assert.ok(report.notes.some((n) => n.code === 'watermark-in-future' && n.message.includes('2 days')));
  });

  it('recognises Douyin data by its tt appid and explains it with the tt types', () => {
    const plaintext = watermarked(
      { openId: 'o-test', nickName: 'Tester', gender: 2, city: '', province: '', country: '', avatarUrl: '' },
      'tt0123456789abcdef',
    );
    const payload = wechatPayload(plaintext);
    const report = decodePayload({ ...payload, appid: 'tt0123456789abcdef' });
    assert.deepEqual(report.errors, []);
    assert.equal(report.format?.platform, 'douyin');
    const gender = report.fields.find((f) => f.path === 'gender')!;
    const ttGender = getType('tt.DecryptedUserInfo')!.fields.find((f) => f.name === 'gender')!;
    assert.equal(gender.meaning, localize(ttGender.values!.find((v) => v.value === 2)!.description, 'en'));
  });

  it('recognises anonymous data and names the policy behind it', () => {
    const plaintext = watermarked(
      { nickName: '微信用户', gender: 0, language: '', city: '', province: '', country: '', avatarUrl: anonymousAvatar },
      'wx0000000000000001',
    );
    const report = decodePayload({ ...wechatPayload(plaintext), appid: 'wx0000000000000001' });
    const note = report.notes.find((n) => n.code === 'anonymous-data');
    assert.ok(note, JSON.stringify(report.notes));
    assert.equal(note.level, 'warning');
    assert.match(note.message, /2021-04-28/);
    assert.match(note.message, /2022-11-08/);
    assert.match(note.message, /grey default avatar/);
    const nick = report.fields.find((f) => f.path === 'nickName')!;
    assert.ok(nick.meaning?.includes('placeholder'));
  });

  it('does not call real data anonymous', () => {
    const report = decodePayload({ ...officialVector });
    assert.equal(
      report.notes.find((n) => n.code === 'anonymous-data'),
      undefined,
    );
  });

  it('explains that getUserProfile data carries no openId or unionId', () => {
    const plaintext = watermarked(
      { nickName: 'Band', gender: 0, language: 'zh_CN', city: '', province: '', country: '', avatarUrl: '' },
      'wx0000000000000001',
    );
    const report = decodePayload({ ...wechatPayload(plaintext) });
    const note = report.notes.find((n) => n.code === 'no-open-id');
    assert.ok(note);
    assert.match(note.message, /getUserProfile/);
    assert.match(note.message, /wx\.login/);
  });

  it('explains phone-number payloads with the phone-number type', () => {
    const plaintext = watermarked(
      { phoneNumber: '00000000000', purePhoneNumber: '00000000000', countryCode: '86' },
      'wx0000000000000001',
    );
    const report = decodePayload({ ...wechatPayload(plaintext), appid: 'wx0000000000000001' });
    const pure = report.fields.find((f) => f.path === 'purePhoneNumber');
    assert.equal(
      pure?.description,
      localize(getType('wx.PhoneNumber')!.fields.find((f) => f.name === 'purePhoneNumber')!.description, 'en'),
    );
    assert.equal(
      report.notes.find((n) => n.code === 'no-open-id'),
      undefined,
    );
  });

  it('decrypts and verifies a whole success object pasted as console.log prints it', () => {
    const plaintext = watermarked(
      { openId: 'oTEST', nickName: 'Band', gender: 1, language: 'en', city: '', province: '', country: '', avatarUrl: '' },
      'wx0000000000000001',
    );
    const payload = wechatPayload(plaintext);
    const rawData = '{"nickName":"Band","gender":1,"language":"en","city":"","province":"","country":"","avatarUrl":""}';
    const signature = createHash('sha1')
      .update(rawData + payload.sessionKey)
      .digest('hex');
    const logged = `{
  errMsg: 'getUserProfile:ok',
  rawData: '${rawData}',
  userInfo: {
    nickName: 'Band',
    gender: 1,
    language: 'en',
    city: '',
    province: '',
    country: '',
    avatarUrl: ''
  },
  signature: '${signature}',
  encryptedData: '${payload.encryptedData}',
  iv: '${payload.iv}',
  cloudID: undefined
}`;
    const report = decodePayload({ text: logged, sessionKey: payload.sessionKey, appid: 'wx0000000000000001' });
    assert.deepEqual(report.errors, []);
    assert.equal(report.format?.kind, 'success-object');
    assert.equal(report.format?.syntax, 'js-literal');
    assert.equal(report.format?.apiId, 'wx.getUserProfile');
    assert.match(report.format!.description, /wx\.getUserProfile success result \(JavaScript object literal\)/);
    assert.deepEqual(
      report.verdicts.map((v) => `${v.check}:${v.status}`),
      ['decrypted:pass', 'watermark:pass', 'signature:pass'],
    );
    assert.equal(report.plaintext, plaintext);
    assert.ok(report.fields.some((f) => f.group === 'input' && f.path === 'userInfo.gender' && f.meaning === 'male'));
    assert.ok(report.fields.some((f) => f.group === 'decrypted' && f.path === 'openId'));
  });

  it('reads the button event of <button open-type="getUserInfo"> through its detail', () => {
    const payload = wechatPayload(watermarked({ openId: 'o', nickName: 'n' }, 'wx0000000000000001'));
    const event = JSON.stringify({
      type: 'getuserinfo',
      detail: { errMsg: 'getUserInfo:ok', encryptedData: payload.encryptedData, iv: payload.iv },
    });
    const report = decodePayload({ text: event, sessionKey: payload.sessionKey });
    assert.equal(report.format?.apiId, 'wx.getUserInfo');
    assert.equal(report.verdicts[0]?.status, 'pass');
  });

  it('without a session_key, explains what it can and asks for the key', () => {
    const text = JSON.stringify({
      errMsg: 'getUserProfile:ok',
      encryptedData: officialVector.encryptedData,
      iv: officialVector.iv,
      userInfo: { nickName: 'Band', gender: 1 },
    });
    const report = decodePayload({ text });
    assert.deepEqual(report.errors, []);
    assert.equal(report.verdicts.find((v) => v.check === 'decrypted')?.status, 'skipped');
    assert.ok(report.notes.some((n) => n.code === 'needs-session-key'));
    assert.ok(report.fields.some((f) => f.path === 'userInfo.nickName'));
  });

  it('explains an already-decrypted payload pasted on its own', () => {
    const report = decodePayload({ text: officialVector.plaintext, appid: 'wx4f4bc4dec97d474b' });
    assert.equal(report.format?.kind, 'decrypted-data');
    assert.equal(report.verdicts.find((v) => v.check === 'watermark')?.status, 'pass');
    assert.ok(report.fields.find((f) => f.path === 'unionId')?.description);
  });

  it('decrypts a bare ciphertext pasted with the iv and key given separately', () => {
    const report = decodePayload({
      text: officialVector.encryptedData,
      iv: officialVector.iv,
      sessionKey: officialVector.sessionKey,
    });
    assert.equal(report.format?.kind, 'ciphertext');
    assert.equal(report.plaintext, officialVector.plaintext);
  });

  it('never puts the keys it was given into the report', () => {
    const report = decodePayload({ ...officialVector });
    const json = JSON.stringify(report);
    assert.ok(!json.includes(officialVector.sessionKey));
    assert.ok(!json.includes(Buffer.from(officialVector.sessionKey, 'base64').toString('hex')));
  });
});
