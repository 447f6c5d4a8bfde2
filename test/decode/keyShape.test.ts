/**
 * A session_key, iv or Alipay AES key of the wrong shape: the message says the shape expected (24 base64
 * characters, 16 bytes) and what was given (its length in characters, and in bytes when it is base64 or
 * would be with its padding fixed, or the position of a character that is not base64), never the value.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePayload, decryptOpenData, verifyRawDataSignature, type DecodeRequest } from '../../server/src/core/decode';
import { alipayPayload, officialVector, signatureExample } from './vectors';

const sessionKeyShape = 'The session_key must be 24 base64 characters (16 bytes); ';
const ivShape = 'The iv must be 24 base64 characters (16 bytes); ';
const aesKeyShape = 'The Alipay AES key, as the open platform issues it, is 24 base64 characters (16 bytes); ';

/** The first error of a decode, checking that the value given is nowhere in the report. */
function errorFor(request: DecodeRequest, secret: string): { code: string; message: string } {
  const report = decodePayload(request);
  const error = report.errors[0];
  assert.ok(error, `expected an error, got ${JSON.stringify(report)}`);
  const json = JSON.stringify(report);
  const core = secret.replace(/[=\s]+$/, '');
  assert.ok(!json.includes(core), 'the report repeats the value given');
  assert.ok(!json.includes(core.slice(0, 8)), 'the report repeats part of the value given');
  assert.equal(
    report.verdicts.find((v) => v.check === 'decrypted')?.detail,
    `Not decrypted, the input is malformed: ${error.code}.`,
  );
  return error;
}

const cases: Array<[string, 'sessionKey' | 'iv', string, string, string]> = [
  [
    'a session_key that lost its "==" (22 characters, 16 bytes)',
    'sessionKey',
    'tiihtNczf5v6AKRyjwEUhQ',
    'invalid-base64',
    `${sessionKeyShape}this one is 22 characters (16 bytes once its "=" padding is fixed). The "=" padding at its end was lost (a URL, a form field or a trim drops it); add it back.`,
  ],
  [
    'a session_key that lost one "="',
    'sessionKey',
    'tiihtNczf5v6AKRyjwEUhQ=',
    'invalid-base64',
    `${sessionKeyShape}this one is 23 characters (16 bytes once its "=" padding is fixed). The "=" padding at its end was lost (a URL, a form field or a trim drops it); add it back.`,
  ],
  [
    'a session_key of valid base64 that is 24 bytes',
    'sessionKey',
    'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3',
    'session-key-length',
    `${sessionKeyShape}this one is 32 characters (24 bytes). Pass the session_key that code2Session returned, not the wx.login code or the openid.`,
  ],
  [
    'an unpadded session_key of the wrong size',
    'sessionKey',
    'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY',
    'invalid-base64',
    `${sessionKeyShape}this one is 31 characters (23 bytes once its "=" padding is fixed). The "=" padding at its end was lost (a URL, a form field or a trim drops it); add it back. Even so it is not 16 bytes: pass the session_key that code2Session returned, not the wx.login code or the openid.`,
  ],
  [
    'a session_key with a character outside base64',
    'sessionKey',
    'tiihtNczf5v6AKRy*wEUhQ==',
    'invalid-base64',
    `${sessionKeyShape}this one is 24 characters, and the character at position 17 ("*") is not a base64 character.`,
  ],
  [
    'a session_key whose "+" became a space',
    'sessionKey',
    'HyVFkGl5F5OQWJZZa zBBg==',
    'invalid-base64',
    `${sessionKeyShape}this one is 24 characters, and the character at position 18 (" ") is not a base64 character. It contains spaces; a "+" turns into a space when the value passes through a URL or form body unescaped. Encode it with encodeURIComponent, or send JSON.`,
  ],
  [
    'a session_key with a character too many (4n+1)',
    'sessionKey',
    'tiihtNczf5v6AKRyjwEUhQxab',
    'invalid-base64',
    `${sessionKeyShape}this one is 25 characters (25 before any "=" padding), a length no base64 text has. A character was added or lost when it was copied; copy it again in full.`,
  ],
  [
    'a session_key with "=" in the middle',
    'sessionKey',
    'tiihtNczf5v6AKRyjwEUhQ==AAAA',
    'invalid-base64',
    `${sessionKeyShape}this one is 28 characters, with a "=" at position 23, where base64 padding cannot be ("=" only ends the text, at most twice).`,
  ],
  [
    'an iv cut short (valid base64, 12 bytes)',
    'iv',
    'r7BXXKkLb8qrSNn0',
    'iv-length',
    `${ivShape}this one is 16 characters (12 bytes). Use the iv returned together with this encryptedData.`,
  ],
  [
    'an iv that lost its "=="',
    'iv',
    'r7BXXKkLb8qrSNn05n0qiA',
    'invalid-base64',
    `${ivShape}this one is 22 characters (16 bytes once its "=" padding is fixed). The "=" padding at its end was lost (a URL, a form field or a trim drops it); add it back.`,
  ],
  [
    'a URL-encoded iv',
    'iv',
    'r7BXXKkLb8qrSNn05n0qiA%3D%3D',
    'invalid-base64',
    `${ivShape}this one is 28 characters, and the character at position 23 ("%") is not a base64 character. It is URL-encoded (contains %2B, %2F or %3D); decode it with decodeURIComponent first.`,
  ],
  [
    'an iv a console shortened',
    'iv',
    'r7BXXKkLb8qrSNn05n…',
    'invalid-base64',
    `${ivShape}this one is 19 characters, and the character at position 19 ("…") is not a base64 character. It contains "…", so a console or a log shortened it; copy the full value.`,
  ],
];

describe('key and iv shapes (WeChat / Douyin)', () => {
  for (const [title, field, value, code, message] of cases) {
    it(`${code}: ${title}`, () => {
      const error = errorFor({ ...officialVector, [field]: value }, value);
      assert.equal(error.code, code);
      assert.equal(error.message, message);
    });
  }

  it('says an empty iv is empty (decryptOpenData, which takes it as it comes)', () => {
    const result = decryptOpenData(
      { encryptedData: officialVector.encryptedData, iv: '  ', sessionKey: officialVector.sessionKey },
      'en',
    );
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.error.message, `${ivShape}this one is empty.`);
  });

  it('checks the session_key of a signature the same way', () => {
    const result = verifyRawDataSignature({ ...signatureExample, sessionKey: 'HyVFkGl5F5OQWJZZaNzBBg' }, 'en');
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.error.code, 'invalid-base64');
    assert.match(
      result.ok ? '' : result.error.message,
      /^The session_key must be 24 base64 characters \(16 bytes\); this one is 22 characters/,
    );
  });

  it('answers in Chinese', () => {
    const report = decodePayload({ ...officialVector, sessionKey: 'tiihtNczf5v6AKRyjwEUhQ', language: 'zh-cn' });
    assert.equal(
      report.errors[0]?.message,
      'session_key 应为 24 个 base64 字符（16 字节）；这个值有 22 个字符（"=" 填充修正后为 16 字节）。末尾的 "=" 填充丢失了（经过 URL、表单字段或去除空白时常被丢掉）；请补回。',
    );
    const iv = decodePayload({ ...officialVector, iv: 'r7BXXKkLb8qrSNn0', language: 'zh-cn' });
    assert.equal(
      iv.errors[0]?.message,
      'iv 应为 24 个 base64 字符（16 字节）；这个值有 16 个字符（12 字节）。请使用与这份 encryptedData 一起返回的 iv。',
    );
  });
});

describe('key shapes (Alipay AES key)', () => {
  const { ciphertext } = alipayPayload('{"code":"10000"}');

  it('invalid-base64: a key that lost its "=="', () => {
    const error = errorFor({ text: ciphertext, aesKey: 'AAECAwQFBgcICQoLDA0ODw' }, 'AAECAwQFBgcICQoLDA0ODw');
    assert.equal(error.code, 'invalid-base64');
    assert.equal(
      error.message,
      `${aesKeyShape}this one is 22 characters (16 bytes once its "=" padding is fixed). The "=" padding at its end was lost (a URL, a form field or a trim drops it); add it back.`,
    );
  });

  it('aes-key-length: a key of 10 bytes, saying that 24- and 32-byte keys work too', () => {
    const aesKey = Buffer.from('0123456789').toString('base64');
    const error = errorFor({ text: ciphertext, aesKey }, aesKey);
    assert.equal(error.code, 'aes-key-length');
    assert.equal(
      error.message,
      `${aesKeyShape}this one is 16 characters (10 bytes). Copy the AES key (接口内容加密方式) from the Alipay console. (Keys of 24 or 32 bytes, for AES-192 and AES-256, are accepted too.)`,
    );
  });

  it('invalid-base64: a key with the URL-safe alphabet, by position', () => {
    const error = errorFor({ text: ciphertext, aesKey: 'AAECAwQFBgcICQoLDA0OD_==' }, 'AAECAwQFBgcICQoLDA0OD_==');
    assert.equal(error.code, 'invalid-base64');
    assert.match(
      error.message,
      /this one is 24 characters, and the character at position 22 \("_"\) is not a base64 character\. It uses the URL-safe alphabet/,
    );
  });

  it('answers in Chinese', () => {
    const aesKey = Buffer.from('0123456789').toString('base64');
    const report = decodePayload({ text: ciphertext, aesKey, language: 'zh-cn' });
    assert.match(
      report.errors[0]!.message,
      /^支付宝开放平台下发的 AES 密钥是 24 个 base64 字符（16 字节）；这个值有 16 个字符（10 字节）。/,
    );
  });
});
