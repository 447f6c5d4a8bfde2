import assert from 'node:assert/strict';
import { createCipheriv, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { getApiById, localize } from '../../server/src/catalog';
import { decodePayload, decryptAlipayContent, reportFailed } from '../../server/src/core/decode';
import { alipayPayload, alipaySigned } from './vectors';

/** The page-side result of my.getOpenUserInfo: `response` is a JSON string. */
function openUserInfo(inner: Record<string, string>): string {
  return JSON.stringify({ response: JSON.stringify({ response: inner }) });
}

describe('Alipay my.getOpenUserInfo envelope', () => {
  it('unwraps {response: "<JSON string>"} and explains a success', () => {
    const text = openUserInfo({ code: '10000', msg: 'Success', nickName: 'Tester', avatar: 'https://example.com/a.png' });
    const report = decodePayload({ text });
    assert.deepEqual(report.errors, []);
    assert.equal(report.format?.kind, 'alipay-envelope');
    assert.equal(report.format?.platform, 'alipay');
    assert.deepEqual(report.data, {
      response: { code: '10000', msg: 'Success', nickName: 'Tester', avatar: 'https://example.com/a.png' },
    });
    assert.deepEqual(report.verdicts, [{ check: 'response-code', status: 'pass', detail: 'code 10000: Success.' }]);
    assert.ok(report.fields.some((f) => f.path === 'response.avatar' && f.description?.includes('not `avatarUrl`')));
  });

  it('names the legacy fields that are always empty since 2022-06-13', () => {
    const text = openUserInfo({
      code: '10000',
      msg: 'Success',
      gender: '',
      countryCode: '',
      province: '',
      city: '',
      nickName: 'XXX',
      avatar: 'https://tfs.alipayobjects.com/images/partner/XXXXXXXX',
    });
    const report = decodePayload({ text });
    const note = report.notes.find((n) => n.code === 'alipay-legacy-fields');
    assert.ok(note);
    assert.match(note.message, /gender, countryCode, province, city/);
    assert.match(note.message, /2022-06-13/);
    assert.ok(report.fields.find((f) => f.path === 'response.city')?.noLongerReturned);
  });

  for (const [code, subCode] of [
    ['40003', 'isv.invalid-auth-relations'],
    ['40006', 'isv.insufficient-isv-permissions'],
  ] as const) {
    it(`explains code ${code} with the catalog's cause and fix`, () => {
      const report = decodePayload({ text: openUserInfo({ code, msg: 'Insufficient', subCode, subMsg: 'x' }) });
      assert.equal(report.verdicts[0]?.status, 'fail');
      assert.equal(reportFailed(report), true);
      const entry = getApiById('my.getOpenUserInfo')!.errors.find((e) => e.code === code)!;
      const note = report.notes.find((n) => n.code === 'err-msg')!;
      assert.ok(note.message.includes(localize(entry.cause, 'en')));
      assert.ok(note.message.includes(localize(entry.fix, 'en')));
    });
  }

  it('reads the inner response object when it is pasted on its own', () => {
    const report = decodePayload({
      text: '{ code: "40006", msg: "Insufficient Permissions", subCode: "isv.insufficient-isv-permissions" }',
    });
    assert.equal(report.format?.kind, 'alipay-response');
    assert.equal(report.format?.syntax, 'js-literal');
    assert.equal(report.verdicts[0]?.status, 'fail');
  });

  it('explains a bare result code', () => {
    const report = decodePayload({ text: '40003' });
    assert.equal(report.format?.kind, 'alipay-code');
    assert.match(report.notes[0]!.message, /getAuthorize/);
  });

  it('says what a bare 10000 means', () => {
    const report = decodePayload({ text: '10000' });
    assert.deepEqual(
      report.notes.map((n) => n.message),
      ['Alipay code 10000: success.'],
    );
  });

  it('says when a code is not in the catalog', () => {
    const report = decodePayload({ text: openUserInfo({ code: '49999', msg: 'Odd' }) });
    assert.ok(report.notes.some((n) => n.code === 'alipay-code' && n.message.includes('49999')));
  });
});

describe('Alipay AES content (all-zero iv, PKCS#5)', () => {
  const phone = '{"code":"10000","msg":"Success","mobile":"00000000000"}';

  for (const bytes of [16, 24, 32]) {
    it(`round-trips with a ${bytes * 8}-bit key generated here`, () => {
      const { aesKey, ciphertext } = alipayPayload(phone, bytes);
      const result = decryptAlipayContent(ciphertext, aesKey, 'en');
      assert.ok(result.ok, result.ok ? '' : result.error.message);
      assert.equal(result.value.plaintext, phone);
    });
  }

  it('uses an all-zero iv: content encrypted with another iv does not read back', () => {
    const key = randomBytes(16);
    const cipher = createCipheriv('aes-128-cbc', key, randomBytes(16));
    const ciphertext = Buffer.concat([cipher.update(phone), cipher.final()]).toString('base64');
    const result = decryptAlipayContent(ciphertext, key.toString('base64'), 'en');
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.error.code, 'not-json');
  });

  it('decrypts the server envelope of my.getPhoneNumber and explains it', () => {
    const { aesKey, ciphertext } = alipayPayload(phone);
    const envelope = JSON.stringify({
      response: ciphertext,
      sign: 'c2lnbg==',
      sign_type: 'RSA2',
      encrypt_type: 'AES',
      charset: 'UTF-8',
    });
    const report = decodePayload({ text: envelope, aesKey });
    assert.deepEqual(report.errors, []);
    assert.equal(report.format?.kind, 'alipay-encrypted-envelope');
    assert.deepEqual(
      report.verdicts.map((v) => `${v.check}:${v.status}`),
      ['decrypted:pass', 'response-code:pass'],
    );
    assert.equal(report.plaintext, phone);
    assert.ok(report.fields.some((f) => f.path === 'mobile' && f.description));
    assert.ok(report.notes.some((n) => n.code === 'alipay-sign-not-verified'));
    assert.ok(!JSON.stringify(report).includes(aesKey));
  });

  it('explains an encrypted failure code (40001) from the getPhoneNumber entry', () => {
    const { aesKey, ciphertext } = alipayPayload(
      '{"code":"40001","msg":"Missing Required Arguments","subCode":"isv.missing-encrypt-key"}',
    );
    const report = decodePayload({ text: JSON.stringify({ response: ciphertext }), aesKey });
    const entry = getApiById('my.getPhoneNumber')!.errors.find((e) => e.code === '40001')!;
    assert.ok(report.notes.some((n) => n.message.includes(localize(entry.cause, 'en'))));
  });

  it('explains 20000 (busy) as transient', () => {
    const report = decodePayload({ text: '20000' });
    assert.match(report.notes[0]!.message, /aop\.unknow-error/);
  });

  it('decrypts a bare base64 ciphertext when only the AES key is given', () => {
    const { aesKey, ciphertext } = alipayPayload(phone);
    const report = decodePayload({ text: ciphertext, aesKey });
    assert.equal(report.format?.kind, 'alipay-ciphertext');
    assert.equal(report.plaintext, phone);
  });

  it('asks for the AES key when the envelope is encrypted and none is given', () => {
    const { ciphertext } = alipayPayload(phone);
    const report = decodePayload({ text: JSON.stringify({ response: ciphertext }) });
    assert.equal(report.verdicts[0]?.status, 'skipped');
    assert.ok(report.notes.some((n) => n.code === 'needs-aes-key'));
    assert.equal(reportFailed(report), false);
  });
});

describe('Alipay sign verification', () => {
  const phone = '{"code":"10000","msg":"Success","mobile":"13800000000"}';

  it('verifies an encrypted envelope signed with SHA256withRSA, with a PEM key and with the bare base64 key', () => {
    const { aesKey, ciphertext } = alipayPayload(phone);
    const { sign, publicKey, bareKey } = alipaySigned(ciphertext);
    const text = JSON.stringify({ response: ciphertext, sign, sign_type: 'RSA2', encrypt_type: 'AES', charset: 'UTF-8' });
    for (const key of [publicKey, bareKey, `  ${bareKey.replace(/(.{64})/g, '$1\n')}  `]) {
      const report = decodePayload({ text, aesKey, alipayPublicKey: key });
      assert.deepEqual(report.errors, []);
      assert.deepEqual(
        report.verdicts.map((v) => `${v.check}:${v.status}`),
        ['signature:pass', 'decrypted:pass', 'response-code:pass'],
      );
      assert.match(report.verdicts[0]!.detail, /SHA256withRSA/);
      assert.ok(!report.notes.some((n) => n.code === 'alipay-sign-not-verified'));
      assert.equal(report.plaintext, phone);
    }
  });

  it('reads a PEM that lost its line breaks and a PKCS#1 "RSA PUBLIC KEY"', () => {
    const { sign, publicKey } = alipaySigned(phone);
    const pkcs1 = createPublicKey(publicKey).export({ type: 'pkcs1', format: 'pem' }).toString();
    for (const key of [publicKey.replace(/\n/g, ''), pkcs1, pkcs1.replace(/\n/g, ' ')]) {
      const report = decodePayload({ text: JSON.stringify({ response: phone, sign }), alipayPublicKey: key });
      assert.equal(report.verdicts.find((v) => v.check === 'signature')?.status, 'pass', key);
    }
  });

  it('verifies the legacy RSA sign type with SHA1withRSA', () => {
    const { sign, publicKey } = alipaySigned(phone, 'sha1');
    const report = decodePayload({
      text: JSON.stringify({ response: phone, sign, sign_type: 'RSA' }),
      alipayPublicKey: publicKey,
    });
    assert.equal(report.verdicts.find((v) => v.check === 'signature')?.status, 'pass');
    assert.match(report.verdicts.find((v) => v.check === 'signature')!.detail, /SHA1withRSA/);
    const wrongType = decodePayload({
      text: JSON.stringify({ response: phone, sign, sign_type: 'RSA2' }),
      alipayPublicKey: publicKey,
    });
    assert.equal(wrongType.errors[0]?.code, 'alipay-sign-mismatch');
  });

  it('fails a tampered response and a signature from another key, and still decrypts', () => {
    const { aesKey, ciphertext } = alipayPayload(phone);
    const other = alipayPayload('{"code":"10000","mobile":"13900000000"}', 16);
    const { sign, publicKey } = alipaySigned(other.ciphertext);
    const report = decodePayload({ text: JSON.stringify({ response: ciphertext, sign }), aesKey, alipayPublicKey: publicKey });
    assert.equal(report.errors[0]?.code, 'alipay-sign-mismatch');
    assert.equal(report.verdicts.find((v) => v.check === 'signature')?.status, 'fail');
    assert.equal(reportFailed(report), true);
    assert.equal(report.plaintext, phone);
  });

  it('names an unreadable key and a key that is not RSA, without echoing it', () => {
    const envelope = JSON.stringify({ response: phone, sign: 'c2lnbg==' });
    const garbage = decodePayload({ text: envelope, alipayPublicKey: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' });
    assert.equal(garbage.errors[0]?.code, 'invalid-public-key');
    assert.equal(garbage.verdicts.find((v) => v.check === 'signature')?.status, 'fail');
    const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const notRsa = decodePayload({ text: envelope, alipayPublicKey: ec });
    assert.equal(notRsa.errors[0]?.code, 'invalid-public-key');
    assert.match(notRsa.errors[0]!.message, /ec/);
    assert.ok(!JSON.stringify(notRsa).includes(ec.split('\n')[1]!));
  });

  it('reports bad base64 in sign as such', () => {
    const { publicKey } = alipaySigned(phone);
    const report = decodePayload({ text: JSON.stringify({ response: phone, sign: 'not base64!' }), alipayPublicKey: publicKey });
    assert.equal(report.errors[0]?.code, 'invalid-base64');
    assert.match(report.errors[0]!.message, /sign/);
  });
});
