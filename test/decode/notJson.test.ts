/**
 * Content that decrypts with valid padding but is not JSON: the `decrypted` verdict passes, the text is
 * the report's `plaintext` (there is no `data`), a `not-json` note says so, and nothing says
 * "Decryption failed". Real ciphertext made here with node:crypto under known keys.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodePayload,
  decryptAlipayContent,
  decryptOpenData,
  reportFailed,
  type DecodeReport,
} from '../../server/src/core/decode';
import { encrypt, officialVector } from './vectors';

const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
const iv = Buffer.from('f0e0d0c0b0a090807060504030201000', 'hex');
const sessionKey = key.toString('base64');
const ivText = iv.toString('base64');
const zeroIv = Buffer.alloc(16);

function assertDecryptedText(report: DecodeReport, plaintext: string): void {
  assert.deepEqual(report.errors, []);
  assert.deepEqual(report.verdicts[0], {
    check: 'decrypted',
    status: 'pass',
    detail: `Decrypted ${Buffer.byteLength(plaintext)} bytes with AES-128-CBC.`,
  });
  assert.equal(report.plaintext, plaintext);
  assert.equal(report.data, undefined);
  assert.deepEqual(
    report.fields.filter((f) => f.group === 'decrypted'),
    [],
  );
  const note = report.notes.find((n) => n.code === 'not-json');
  assert.ok(note, 'a not-json note');
  assert.equal(note.level, 'warning');
  assert.match(note.message, /^Decrypted with valid padding, but the content is not JSON, so it is shown as text/);
  assert.doesNotMatch(JSON.stringify(report), /Decryption failed|garbled bytes/);
  assert.equal(reportFailed(report), false);
}

describe('decrypted content that is not JSON (WeChat / Douyin)', () => {
  const plaintext = 'hello: this is text, not JSON — 你好';
  const encryptedData = encrypt(plaintext, key, iv);

  it('decryptOpenData returns the text without data', () => {
    const result = decryptOpenData({ encryptedData, iv: ivText, sessionKey }, 'en');
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.deepEqual(result.value, { plaintext, notJson: 'syntax', cipher: 'AES-128-CBC' });
  });

  it('from separate fields: decrypted passes, the watermark is not checked, the note says why', () => {
    const report = decodePayload({ encryptedData, iv: ivText, sessionKey, appid: 'wx4f4bc4dec97d474b' });
    assertDecryptedText(report, plaintext);
    assert.deepEqual(report.verdicts[1], {
      check: 'watermark',
      status: 'skipped',
      detail: 'Not checked: the decrypted content is not JSON.',
    });
    const note = report.notes.find((n) => n.code === 'not-json')!;
    assert.match(note.message, /\(34 characters\)/);
    assert.match(note.message, /WeChat and Douyin encrypt user data as JSON with a watermark/);
    assert.match(note.message, /a wrong iv changes just the first 16 bytes/);
  });

  it('from a pasted success result, and from a bare ciphertext with the iv given apart', () => {
    const pasted = decodePayload({
      text: JSON.stringify({ errMsg: 'getUserProfile:ok', encryptedData, iv: ivText }),
      sessionKey,
    });
    assert.equal(pasted.format?.kind, 'success-object');
    assertDecryptedText(pasted, plaintext);
    const bare = decodePayload({ text: encryptedData, iv: ivText, sessionKey });
    assert.equal(bare.format?.kind, 'ciphertext');
    assertDecryptedText(bare, plaintext);
  });

  it('keeps text that only looks like it mentions a watermark', () => {
    const text = 'A longer note about JSON: {"watermark": {}}';
    assertDecryptedText(decodePayload({ encryptedData: encrypt(text, key, iv), iv: ivText, sessionKey }), text);
  });

  it('keeps text with control characters as it is (printing escapes them, not the decoder)', () => {
    const text = 'line 1\n\u001b[31mred\u0007';
    assertDecryptedText(decodePayload({ encryptedData: encrypt(text, key, iv), iv: ivText, sessionKey }), text);
  });

  it('says when the content is JSON nested deeper than the decoder reads', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    const report = decodePayload({ encryptedData: encrypt(deep, key, iv), iv: ivText, sessionKey });
    assert.equal(report.plaintext, deep);
    assert.equal(report.verdicts[0]?.status, 'pass');
    assert.match(report.notes.find((n) => n.code === 'not-json')!.message, /JSON nested deeper than 64 levels/);
  });

  it('answers in Chinese', () => {
    const report = decodePayload({ encryptedData, iv: ivText, sessionKey, language: 'zh-cn' });
    assert.match(report.verdicts[0]!.detail, /^已用 AES-128-CBC 解密 \d+ 字节。$/);
    assert.match(
      report.notes.find((n) => n.code === 'not-json')!.message,
      /^解密成功（填充有效），但内容不是 JSON，因此按文本显示/,
    );
    assert.equal(report.verdicts[1]?.detail, '未校验：解密内容不是 JSON。');
  });

  it('still blames the iv when the first block is damaged and the rest is the platform JSON', () => {
    // One bit of the iv off turns the official plaintext's `{"openId"` into `{#openId`: valid UTF-8, not JSON.
    const wrongIv = Buffer.from(officialVector.iv, 'base64');
    wrongIv[1]! ^= 0x01;
    const report = decodePayload({ ...officialVector, iv: wrongIv.toString('base64') });
    assert.equal(report.errors[0]?.code, 'not-json');
    assert.match(report.errors[0]!.message, /Only the first 16 bytes are damaged .* so the iv is wrong/);
    assert.equal(report.verdicts[0]?.detail, 'Decryption gave garbled bytes: not-json.');
    assert.equal(report.plaintext, undefined);
    assert.equal(reportFailed(report), true);
  });
});

describe('decrypted content that is not JSON (Alipay)', () => {
  const plaintext = 'plain text, not a response 你好';

  it('decryptAlipayContent returns the text without data', () => {
    const result = decryptAlipayContent(encrypt(plaintext, key, zeroIv), sessionKey, 'en');
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.deepEqual(result.value, { plaintext, notJson: 'syntax', cipher: 'AES-128-CBC' });
  });

  it('in an envelope: decrypted passes, no response code is claimed, the note says why', () => {
    const report = decodePayload({ text: JSON.stringify({ response: encrypt(plaintext, key, zeroIv) }), aesKey: sessionKey });
    assert.equal(report.format?.kind, 'alipay-encrypted-envelope');
    assertDecryptedText(report, plaintext);
    assert.deepEqual(
      report.verdicts.map((v) => v.check),
      ['decrypted'],
    );
    assert.match(report.notes.find((n) => n.code === 'not-json')!.message, /Alipay encrypts a JSON response/);
  });

  it('as a bare ciphertext', () => {
    const report = decodePayload({ text: encrypt(plaintext, key, zeroIv), aesKey: sessionKey });
    assert.equal(report.format?.kind, 'alipay-ciphertext');
    assertDecryptedText(report, plaintext);
  });

  it('names the cipher by the key size', () => {
    const key256 = Buffer.alloc(32, 7);
    const report = decodePayload({ text: encrypt(plaintext, key256, zeroIv), aesKey: key256.toString('base64') });
    assert.equal(report.verdicts[0]?.detail, `Decrypted ${Buffer.byteLength(plaintext)} bytes with AES-256-CBC.`);
  });
});
