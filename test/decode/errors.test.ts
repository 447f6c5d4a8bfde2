/** One test per decode error code: the code, and a message that says what to do. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  decodePayload,
  maxInputBytes,
  reportFailed,
  type DecodeErrorCode,
  type DecodeRequest,
} from '../../server/src/core/decode';
import { alipayPayload, alipaySigned, officialVector } from './vectors';

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
  [
    'invalid-object',
    'an object that stops half-way',
    { text: '{ errMsg: "getUserProfile:ok", userInfo: {' },
    /ends before the object does \(line 1, column 43\)/,
  ],
  ['unrecognised-input', 'plain words', { text: 'hello there' }, /not a payload the decoder knows/],
  ['unrecognised-input', 'an object of another shape', { text: '{"foo": 1}' }, /not a payload the decoder knows/],
  [
    'invalid-base64',
    'a "+" that became a space',
    { ...officialVector, encryptedData: officialVector.encryptedData.replace(/\+/g, ' ') },
    /encryptedData is not valid base64: .*"\+" turns into a space/,
  ],
  [
    'invalid-base64',
    'percent-encoded',
    { ...officialVector, iv: encodeURIComponent('r7BXXKkLb8qrSNn05n0qiA==') },
    /^The iv must be 24 base64 characters \(16 bytes\); this one is 28 characters, and the character at position 23 \("%"\) is not a base64 character\. It is URL-encoded/,
  ],
  [
    'invalid-base64',
    'URL-safe alphabet',
    { ...officialVector, sessionKey: 'tiihtNczf5v6AKRyjwEU-_==' },
    /^The session_key must be 24 base64 characters \(16 bytes\); this one is 24 characters, and the character at position 21 \("-"\) .*It uses the URL-safe alphabet/,
  ],
  [
    'invalid-base64',
    'cut short',
    { ...officialVector, encryptedData: officialVector.encryptedData.slice(0, 101) },
    /length 101 is not a multiple of 4/,
  ],
  [
    'invalid-base64',
    'a stray character',
    { ...officialVector, sessionKey: 'tiihtNczf5v6AKRy*wEUhQ==' },
    /this one is 24 characters, and the character at position 17 \("\*"\) is not a base64 character\.$/,
  ],
  [
    'invalid-base64',
    'shortened by a console',
    { ...officialVector, encryptedData: 'CiyLU1Aw2KjvrjMdj8YKliAj…' },
    /a console shortened it/,
  ],
  [
    'invalid-base64',
    'a session_key that lost its "=="',
    { ...officialVector, sessionKey: 'tiihtNczf5v6AKRyjwEUhQ' },
    /^The session_key must be 24 base64 characters \(16 bytes\); this one is 22 characters \(16 bytes once its "=" padding is fixed\)\. The "=" padding at its end was lost/,
  ],
  [
    'session-key-length',
    'a wx.login code instead',
    { ...officialVector, sessionKey: '0a3Ab2000abcdEFGHijkLMNopqRSTuvw' },
    /^The session_key must be 24 base64 characters \(16 bytes\); this one is 32 characters \(24 bytes\)\..*not the wx\.login code/,
  ],
  [
    'iv-length',
    'a short iv',
    { ...officialVector, iv: 'r7BXXKkLb8qrSNn0' },
    /^The iv must be 24 base64 characters \(16 bytes\); this one is 16 characters \(12 bytes\)\./,
  ],
  [
    'aes-key-length',
    'an Alipay key of 10 bytes',
    { text: alipayPayload('{}').ciphertext, aesKey: Buffer.alloc(10).toString('base64') },
    /^The Alipay AES key, as the open platform issues it, is 24 base64 characters \(16 bytes\); this one is 16 characters \(10 bytes\)\./,
  ],
  [
    'ciphertext-length',
    'not whole AES blocks',
    { ...officialVector, encryptedData: Buffer.alloc(20).toString('base64') },
    /20 bytes, which is not a whole number of 16-byte AES blocks/,
  ],
  [
    'missing-iv',
    'encryptedData without its iv',
    { encryptedData: officialVector.encryptedData, sessionKey: officialVector.sessionKey },
    /needs the iv that came with it/,
  ],
  [
    'bad-padding',
    'a stale session_key',
    { ...officialVector, sessionKey: 'HyVFkGl5F5OQWJZZaNzBBg==' },
    /bad padding.*stale.*later wx\.login/,
  ],
  [
    'bad-padding',
    'an Alipay key that is not this app’s',
    { text: alipayPayload('{"code":"10000"}').ciphertext, aesKey: alipayPayload('x').aesKey },
    /AES key does not match/,
  ],
  [
    'not-json',
    'a wrong iv',
    { ...officialVector, iv: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    /^The padding is valid, but the decrypted bytes are garbled, not the content\. Only the first 16 bytes are garbled, so the iv is wrong/,
  ],
  [
    'appid-mismatch',
    'data of another app',
    { ...officialVector, appid: 'wx0000000000000000' },
    /watermark\.appid is wx4f4bc4dec97d474b, not wx0000000000000000/,
  ],
  [
    'signature-format',
    'a truncated signature',
    { rawData: '{}', signature: '75e81ced', sessionKey: officialVector.sessionKey },
    /40 hexadecimal characters/,
  ],
  [
    'signature-mismatch',
    'another session_key',
    {
      rawData: '{"nickName":"Band"}',
      signature: '75e81ceda165f4ffa64f4068af58c64b8f54b88c',
      sessionKey: officialVector.sessionKey,
    },
    /does not match sha1/,
  ],
  [
    'invalid-envelope',
    'a response that is not JSON',
    { text: JSON.stringify({ response: '{code: 10000' }) },
    /response field is not valid JSON/,
  ],
  [
    'invalid-public-key',
    'an Alipay public key that is not a key',
    { text: JSON.stringify({ response: '{"code":"10000"}', sign: 'c2lnbg==' }), alipayPublicKey: 'not a key' },
    /Alipay public key/,
  ],
  [
    'alipay-sign-mismatch',
    'a response changed after signing',
    signedEnvelope('{"code":"10000","mobile":"13800000000"}', '{"code":"10000","mobile":"13900000000"}'),
    /does not verify against this Alipay public key/,
  ],
];

describe('decode errors', () => {
  for (const [code, title, request, message] of cases) {
    it(`${code}: ${title}`, () => {
      const error = firstError(request);
      assert.equal(error.code, code);
      assert.match(error.message, message);
    });
  }

  it('not-json with the right iv blames the key when a wrong key happens to give valid padding', () => {
    // About one wrong key in 256 leaves a valid PKCS#7 pad; what it decrypts to is random bytes, not text.
    let report: ReturnType<typeof decodePayload> | undefined;
    for (let i = 0; i < 10_000 && report === undefined; i++) {
      const sessionKey = createHash('sha256').update(`wrong key ${i}`).digest().subarray(0, 16).toString('base64');
      const attempt = decodePayload({ ...officialVector, sessionKey });
      if (attempt.errors[0]?.code !== 'bad-padding') report = attempt;
    }
    assert.ok(report, 'some wrong key gave a valid pad');
    assert.equal(report.errors[0]?.code, 'not-json');
    assert.match(
      report.errors[0]!.message,
      /not UTF-8 text: the key is most likely wrong and the padding only happened to look valid/,
    );
    assert.equal(report.verdicts[0]?.detail, 'Decryption gave garbled bytes: not-json.');
    assert.equal(report.plaintext, undefined);
  });

  it('says "Decryption failed" only when decryption ran and failed, "Not decrypted" when the input was malformed', () => {
    const badPadding = decodePayload({ ...officialVector, sessionKey: 'HyVFkGl5F5OQWJZZaNzBBg==' });
    assert.equal(badPadding.verdicts[0]?.detail, 'Decryption failed: bad-padding.');
    const malformed = decodePayload({ ...officialVector, sessionKey: 'tiihtNczf5v6AKRyjwEUhQ' });
    assert.equal(malformed.verdicts[0]?.detail, 'Not decrypted, the input is malformed: invalid-base64.');
    const shortIv = decodePayload({ ...officialVector, iv: 'r7BXXKkLb8qrSNn0', language: 'zh-cn' });
    assert.equal(shortIv.verdicts[0]?.detail, '未解密，输入格式有误：iv-length。');
  });

  it('every error code has a case above', () => {
    const all: DecodeErrorCode[] = [
      'empty-input',
      'input-too-large',
      'invalid-object',
      'unrecognised-input',
      'invalid-base64',
      'session-key-length',
      'iv-length',
      'aes-key-length',
      'ciphertext-length',
      'missing-iv',
      'bad-padding',
      'not-json',
      'appid-mismatch',
      'signature-format',
      'signature-mismatch',
      'invalid-envelope',
      'invalid-public-key',
      'alipay-sign-mismatch',
    ];
    assert.deepEqual([...new Set(cases.map(([code]) => code))].sort(), [...all].sort());
  });

  it('errors are values: hostile inputs never throw', () => {
    const hostile = [
      '{',
      '[[[[',
      '{"a":'.repeat(5000),
      `{a:${'['.repeat(100000)}`,
      '\u0000\uffff',
      '"\\',
      '{__proto__: {polluted: 1}}',
      'getUserProfile:fail',
    ];
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
