/** One test per decode error code: the code, and a message that says what to do. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePayload, maxInputBytes, reportFailed, type DecodeErrorCode, type DecodeRequest } from '../../server/src/core/decode';
import { alipayPayload, alipaySigned, encrypt, officialVector } from './vectors';

/** An envelope signed over `signed` whose response says `shown`, with the public key that checks it. */
function signedEnvelope(signed: string, shown: string): DecodeRequest {
  const { sign, publicKey } = alipaySigned(signed);
  return { text: JSON.stringify({ response: shown, sign, sign_type: 'RSA2' }), alipayPublicKey: publicKey };
}

function firstError(request: DecodeRequest): { code: DecodeErrorCode; message: string } {
  const report = decodePayload(request);
  assert.ok(report.errors.length > 0, `expected an error, got ${JSON.stringify(report)}`);
  assert.equal(reportFailed(report), true);
  return report.errors[0]!;
}

const cases: Array<[DecodeErrorCode, string, DecodeRequest, RegExp]> = [
  ['empty-input', 'nothing given', {}, /Nothing to decode/],
  ['empty-input', 'only whitespace and a key', { text: '  \n ', sessionKey: officialVector.sessionKey }, /Nothing to decode/],
  ['input-too-large', 'over 1 MB', { text: `{"a":"${'x'.repeat(maxInputBytes)}"}` }, /at most 1048576 bytes/],
  ['invalid-object', 'an object that stops half-way', { text: '{ errMsg: "getUserProfile:ok", userInfo: {' }, /ends before the object does \(line 1, column 43\)/],
  ['unrecognised-input', 'plain words', { text: 'hello there' }, /not a payload the decoder knows/],
  ['unrecognised-input', 'an object of another shape', { text: '{"foo": 1}' }, /not a payload the decoder knows/],
  ['invalid-base64', 'a "+" that became a space', { ...officialVector, encryptedData: officialVector.encryptedData.replace(/\+/g, ' ') }, /encryptedData is not valid base64: .*"\+" turns into a space/],
  ['invalid-base64', 'percent-encoded', { ...officialVector, iv: encodeURIComponent('r7BXXKkLb8qrSNn05n0qiA==') }, /iv is not valid base64: it is URL-encoded/],
  ['invalid-base64', 'URL-safe alphabet', { ...officialVector, sessionKey: 'tiihtNczf5v6AKRyjwEU-_==' }, /session_key is not valid base64: it uses the URL-safe alphabet/],
  ['invalid-base64', 'cut short', { ...officialVector, encryptedData: officialVector.encryptedData.slice(0, 101) }, /length 101 is not a multiple of 4/],
  ['invalid-base64', 'a stray character', { ...officialVector, sessionKey: 'tiihtNczf5v6AKRy*wEUhQ==' }, /the character "\*" at position 17/],
  ['invalid-base64', 'shortened by a console', { ...officialVector, encryptedData: 'CiyLU1Aw2KjvrjMdj8YKliAj…' }, /a console shortened it/],
  ['session-key-length', 'a wx.login code instead', { ...officialVector, sessionKey: '0a3Ab2000abcdEFGHijkLMNopqRSTuvw' }, /16 bytes .* decodes to 24 bytes.*not the wx\.login code/],
  ['iv-length', 'a short iv', { ...officialVector, iv: 'r7BXXKkLb8qrSNn0' }, /iv must decode to 16 bytes .* decodes to 12 bytes/],
  ['aes-key-length', 'an Alipay key of 10 bytes', { text: alipayPayload('{}').ciphertext, aesKey: Buffer.alloc(10).toString('base64') }, /16, 24 or 32 bytes, but it decodes to 10/],
  ['ciphertext-length', 'not whole AES blocks', { ...officialVector, encryptedData: Buffer.alloc(20).toString('base64') }, /20 bytes, which is not a whole number of 16-byte AES blocks/],
  ['missing-iv', 'encryptedData without its iv', { encryptedData: officialVector.encryptedData, sessionKey: officialVector.sessionKey }, /needs the iv that came with it/],
  ['bad-padding', 'a stale session_key', { ...officialVector, sessionKey: 'HyVFkGl5F5OQWJZZaNzBBg==' }, /bad padding.*stale.*later wx\.login/],
  ['bad-padding', 'an Alipay key that is not this app’s', { text: alipayPayload('{"code":"10000"}').ciphertext, aesKey: alipayPayload('x').aesKey }, /AES key does not match/],
  ['not-json', 'a wrong iv', { ...officialVector, iv: 'AAAAAAAAAAAAAAAAAAAAAA==' }, /not JSON\. Only the first 16 bytes are garbled, so the iv is wrong/],
  ['appid-mismatch', 'data of another app', { ...officialVector, appid: 'wx0000000000000000' }, /watermark\.appid is wx4f4bc4dec97d474b, not wx0000000000000000/],
  ['signature-format', 'a truncated signature', { rawData: '{}', signature: '75e81ced', sessionKey: officialVector.sessionKey }, /40 hexadecimal characters/],
  ['signature-mismatch', 'another session_key', { rawData: '{"nickName":"Band"}', signature: '75e81ceda165f4ffa64f4068af58c64b8f54b88c', sessionKey: officialVector.sessionKey }, /does not match sha1/],
  ['invalid-envelope', 'a response that is not JSON', { text: JSON.stringify({ response: '{code: 10000' }) }, /response field is not valid JSON/],
  ['invalid-public-key', 'an Alipay public key that is not a key', { text: JSON.stringify({ response: '{"code":"10000"}', sign: 'c2lnbg==' }), alipayPublicKey: 'not a key' }, /Alipay public key/],
  ['alipay-sign-mismatch', 'a response changed after signing', signedEnvelope('{"code":"10000","mobile":"13800000000"}', '{"code":"10000","mobile":"13900000000"}'), /does not verify against this Alipay public key/],
];

describe('decode errors', () => {
  for (const [code, title, request, message] of cases) {
    it(`${code}: ${title}`, () => {
      const error = firstError(request);
      assert.equal(error.code, code);
      assert.match(error.message, message);
    });
  }

  it('not-json with the right iv but garbage content blames the key', () => {
    const key = Buffer.from(officialVector.sessionKey, 'base64');
    const iv = Buffer.from(officialVector.iv, 'base64');
    const error = firstError({ sessionKey: officialVector.sessionKey, iv: officialVector.iv, encryptedData: encrypt('\u0001\u0002 not json', key, iv) });
    assert.equal(error.code, 'not-json');
    assert.match(error.message, /key is wrong/);
  });

  it('every error code has a case above', () => {
    const all: DecodeErrorCode[] = [
      'empty-input', 'input-too-large', 'invalid-object', 'unrecognised-input', 'invalid-base64', 'session-key-length',
      'iv-length', 'aes-key-length', 'ciphertext-length', 'missing-iv', 'bad-padding', 'not-json', 'appid-mismatch',
      'signature-format', 'signature-mismatch', 'invalid-envelope', 'invalid-public-key', 'alipay-sign-mismatch',
    ];
    assert.deepEqual([...new Set(cases.map(([code]) => code))].sort(), [...all].sort());
  });

  it('errors are values: hostile inputs never throw', () => {
    const hostile = ['{', '[[[[', '{"a":'.repeat(5000), `{a:${'['.repeat(100000)}`, '\u0000\uffff', '"\\', '{__proto__: {polluted: 1}}', 'getUserProfile:fail'];
    for (const text of hostile) {
      const report = decodePayload({ text, sessionKey: 'x', iv: 'y', aesKey: 'z' });
      assert.ok(Array.isArray(report.errors));
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('messages are translated', () => {
    const report = decodePayload({ ...officialVector, sessionKey: 'HyVFkGl5F5OQWJZZaNzBBg==', language: 'zh-cn' });
    assert.match(report.errors[0]!.message, /填充错误/);
  });
});
