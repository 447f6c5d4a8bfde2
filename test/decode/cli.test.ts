import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runDecode } from '../../server/src/cli/decode';
import type { CliIo } from '../../server/src/cli/io';
import { alipayPayload, alipaySigned, encrypt, officialVector, signatureExample } from './vectors';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    version: '0.0.0-test',
  };
  const code = await runDecode(argv, io);
  return { code, stdout, stderr };
}

const vectorArgs = ['--encrypted-data', officialVector.encryptedData, '--iv', officialVector.iv, '--appid', officialVector.appid];
const tmp = mkdtempSync(join(tmpdir(), 'mp-decode-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('mp-userinfo decode (in process)', () => {
  it('decrypts the official vector with the key from MP_SESSION_KEY, exit 0, key never printed', async () => {
    const r = await run(vectorArgs, { env: { MP_SESSION_KEY: officialVector.sessionKey } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Format: encryptedData and iv \(separate fields\)$/m);
    assert.match(r.stdout, /^✓ decrypted +Decrypted 393 bytes with AES-128-CBC\.$/m);
    assert.match(r.stdout, /^✓ watermark +watermark\.appid is wx4f4bc4dec97d474b; fetched 2016-10-24T13:03:07Z/m);
    assert.match(r.stdout, /^ {2}gender +1 \(male\)$/m);
    assert.ok(r.stdout.includes(JSON.stringify(JSON.parse(officialVector.plaintext), null, 2)));
    assert.ok(!r.stdout.includes(officialVector.sessionKey));
  });

  it('takes --session-key too, and prints JSON with --format json', async () => {
    const r = await run([...vectorArgs, '--session-key', officialVector.sessionKey, '--format', 'json']);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.stdout) as { ok: boolean; plaintext: string; verdicts: Array<{ status: string }> };
    assert.equal(json.ok, true);
    assert.equal(json.plaintext, officialVector.plaintext);
    assert.deepEqual(
      json.verdicts.map((v) => v.status),
      ['pass', 'pass'],
    );
    assert.ok(!r.stdout.includes(officialVector.sessionKey));
  });

  it('exits 1 on a decoding failure, with the message on stderr', async () => {
    const r = await run([...vectorArgs, '--session-key=HyVFkGl5F5OQWJZZaNzBBg==']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error \[bad-padding\]: Decryption failed \(bad padding\)/m);
    assert.match(r.stdout, /^✗ decrypted/m);
    assert.ok(!(r.stdout + r.stderr).includes('HyVFkGl5F5OQWJZZaNzBBg=='));
  });

  it('exits 1 with a JSON error object under --format json', async () => {
    const r = await run([...vectorArgs, '--appid=wx0000000000000000', '--format=json'], {
      env: { MP_SESSION_KEY: officialVector.sessionKey },
    });
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string } };
    assert.equal(json.ok, false);
    assert.equal(json.error.code, 'appid-mismatch');
    assert.equal(r.stderr, '');
  });

  it('verifies --raw-data/--signature and exits 1 on the pretty-printed variant', async () => {
    const env = { MP_SESSION_KEY: signatureExample.sessionKey };
    const ok = await run(['--raw-data', signatureExample.rawData, '--signature', signatureExample.signature], { env });
    assert.equal(ok.code, 0);
    assert.match(ok.stdout, /^✓ signature/m);
    const pretty = JSON.stringify(JSON.parse(signatureExample.rawData), null, 2);
    const bad = await run(['--raw-data', pretty, '--signature', signatureExample.signature], { env });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /! rawData looks re-serialised/);
    assert.match(bad.stderr, /error \[signature-mismatch\]/);
  });

  it('reads a pasted payload from a file and from standard input', async () => {
    const file = join(tmp, 'res.json');
    const payload = JSON.stringify({
      errMsg: 'getUserProfile:ok',
      encryptedData: officialVector.encryptedData,
      iv: officialVector.iv,
    });
    writeFileSync(file, payload);
    const env = { MP_SESSION_KEY: officialVector.sessionKey };
    const fromFile = await run(['--input', 'res.json'], { env, cwd: tmp });
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /Format: A wx\.getUserProfile success result \(JSON\)/);
    const fromStdin = await run(['--input', '-'], { env, stdin: payload });
    assert.equal(fromStdin.stdout, fromFile.stdout);
  });

  it('decrypts Alipay content with MP_AES_KEY', async () => {
    const { aesKey, ciphertext } = alipayPayload('{"code":"10000","msg":"Success","mobile":"00000000000"}');
    const r = await run([JSON.stringify({ response: ciphertext })], { env: { MP_AES_KEY: aesKey } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /✓ response-code +code 10000: Success\./);
    assert.ok(!r.stdout.includes(aesKey));
  });

  it('verifies an Alipay sign with --alipay-public-key-file, --alipay-public-key and MP_ALIPAY_PUBLIC_KEY', async () => {
    const { aesKey, ciphertext } = alipayPayload('{"code":"10000","msg":"Success","mobile":"00000000000"}');
    const { sign, publicKey, bareKey } = alipaySigned(ciphertext);
    const envelope = JSON.stringify({ response: ciphertext, sign, sign_type: 'RSA2' });
    const keyFile = join(tmp, 'alipay-public.pem');
    writeFileSync(keyFile, publicKey);
    const env = { MP_AES_KEY: aesKey };
    for (const [args, extra] of [
      [['--alipay-public-key-file', keyFile], {}],
      [['--alipay-public-key', bareKey], {}],
      [[], { MP_ALIPAY_PUBLIC_KEY: bareKey }],
    ] as const) {
      const r = await run([envelope, ...args], { env: { ...env, ...extra } });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /✓ signature +.*SHA256withRSA/);
      assert.ok(!r.stdout.includes(aesKey));
    }
    const tampered = JSON.stringify({ response: alipayPayload('{"code":"10000"}').ciphertext, sign });
    const bad = await run([tampered, '--alipay-public-key-file', keyFile], { env });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /alipay-sign-mismatch/);
    const missing = await run([envelope, '--alipay-public-key-file', join(tmp, 'nope.pem')], { env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.pem/);
  });

  it('shows decrypted content that is not JSON as text, with a note, exit 0, control characters escaped', async () => {
    const key = Buffer.from(officialVector.sessionKey, 'base64');
    const iv = Buffer.from(officialVector.iv, 'base64');
    const text = 'not JSON at all\n\u001b[2Jcleared?';
    const args = ['--encrypted-data', encrypt(text, key, iv), '--iv', officialVector.iv];
    const env = { MP_SESSION_KEY: officialVector.sessionKey };
    const r = await run(args, { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^✓ decrypted +Decrypted 28 bytes with AES-128-CBC\.$/m);
    assert.match(r.stdout, /^– watermark +Not checked: the decrypted content is not JSON\.$/m);
    assert.match(r.stdout, /^ {2}! Decrypted with valid padding, but the content is not JSON, so it is shown as text/m);
    assert.ok(r.stdout.endsWith('Decrypted text (not JSON):\nnot JSON at all\n\\u001b[2Jcleared?\n'), r.stdout);
    assert.ok(!r.stdout.includes('\u001b'), 'no raw escape character reaches the terminal');
    assert.doesNotMatch(r.stdout, /Decryption failed|Decrypted JSON/);

    const json = await run([...args, '--format', 'json'], { env });
    assert.equal(json.code, 0);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      error?: unknown;
      plaintext: string;
      data?: unknown;
      notes: Array<{ code: string }>;
    };
    assert.equal(report.ok, true);
    assert.equal(report.error, undefined);
    assert.equal(report.plaintext, text);
    assert.equal('data' in report, false);
    assert.ok(report.notes.some((n) => n.code === 'not-json'));
    assert.ok(!(r.stdout + json.stdout).includes(officialVector.sessionKey));
  });

  it('shows Alipay content that is not JSON as text, in Chinese on request', async () => {
    const { aesKey, ciphertext } = alipayPayload('明文，不是 JSON');
    const r = await run([JSON.stringify({ response: ciphertext }), '--lang', 'zh-cn'], { env: { MP_AES_KEY: aesKey } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^✓ decrypted +已用 AES-128-CBC 解密 \d+ 字节。$/m);
    assert.match(r.stdout, /解密后的文本（不是 JSON）:\n明文，不是 JSON\n$/);
    assert.doesNotMatch(r.stdout, /response-code/);
    assert.ok(!r.stdout.includes(aesKey));
  });

  it('says what shape a session_key must have, and what it got, without printing it', async () => {
    const sessionKey = officialVector.sessionKey.replace(/=+$/, '');
    const r = await run(vectorArgs, { env: { MP_SESSION_KEY: sessionKey } });
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      'error [invalid-base64]: The session_key must be 24 base64 characters (16 bytes); this one is 22 characters (16 bytes once its "=" padding is fixed). The "=" padding at its end was lost (a URL, a form field or a trim drops it); add it back.\n',
    );
    assert.match(r.stdout, /^✗ decrypted +Not decrypted, the input is malformed: invalid-base64\.$/m);
    const json = await run([...vectorArgs, '--format', 'json'], { env: { MP_SESSION_KEY: 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3' } });
    assert.equal(json.code, 1);
    const error = (JSON.parse(json.stdout) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'session-key-length');
    assert.match(error.message, /this one is 32 characters \(24 bytes\)/);
    for (const out of [r.stdout, r.stderr, json.stdout, json.stderr]) {
      assert.ok(!out.includes(sessionKey) && !out.includes('MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3'));
    }
  });

  it('says what shape an Alipay AES key must have', async () => {
    const { ciphertext } = alipayPayload('{"code":"10000"}');
    const aesKey = Buffer.from('0123456789').toString('base64');
    const r = await run([JSON.stringify({ response: ciphertext })], { env: { MP_AES_KEY: aesKey } });
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^error \[aes-key-length\]: The Alipay AES key, as the open platform issues it, is 24 base64 characters \(16 bytes\); this one is 16 characters \(10 bytes\)\./,
    );
    assert.ok(!(r.stdout + r.stderr).includes(aesKey));
  });

  it('explains an errMsg given as text, in Chinese on request', async () => {
    const r = await run(['getUserProfile:fail can only be invoked by user TAP gesture.', '--lang', 'zh-cn']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^格式：|^格式: /m);
    assert.match(r.stdout, /原因：调用没有在点击事件处理函数中同步执行/);
  });

  it('refuses a file over 1 MB without reading it', async () => {
    const file = join(tmp, 'big.json');
    writeFileSync(file, Buffer.alloc(1024 * 1024 + 1, 0x20));
    const r = await run(['--input', file, '--format', 'json']);
    assert.equal(r.code, 1);
    assert.equal((JSON.parse(r.stdout) as { error: { code: string } }).error.code, 'input-too-large');
  });

  it('prints help with exit 0', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: mp-userinfo decode/);
    assert.match(r.stdout, /MP_SESSION_KEY/);
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['nothing to decode', [], /nothing to decode/],
    ['an unknown option', ['--sessionkey', 'x'], /unknown option "--sessionkey"/],
    ['a missing value', ['--iv'], /--iv needs a value/],
    ['a bad format', ['x', '--format', 'xml'], /unknown format "xml"/],
    ['a bad language', ['x', '--lang', 'fr'], /unknown language "fr"/],
    ['encryptedData without iv', ['--encrypted-data', 'AAAA', '--session-key', 'k'], /--encrypted-data needs --iv/],
    ['rawData without signature', ['--raw-data', '{}', '--session-key', 'k'], /--raw-data and --signature go together/],
    ['no session_key', ['--encrypted-data', 'AAAA', '--iv', 'BBBB'], /set MP_SESSION_KEY or pass --session-key/],
    ['two payloads', ['a', 'b'], /give the payload once/],
    ['a missing file', ['--input', 'no-such-file.json'], /cannot read no-such-file\.json/],
  ];
  for (const [title, argv, message] of usageErrors) {
    it(`exits 2 on a usage error: ${title}`, async () => {
      const r = await run(argv, { cwd: tmp });
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage: mp-userinfo decode/);
    });
  }

  it('never echoes a key in a usage error', async () => {
    const r = await run(['--session-key', 'c2VjcmV0LXNlY3JldA==', '--bogus']);
    assert.equal(r.code, 2);
    assert.ok(!r.stderr.includes('c2VjcmV0LXNlY3JldA=='));
  });
});

describe('mp-userinfo decode (bundled dist/cli.js)', () => {
  const cli = join(process.cwd(), 'dist', 'cli.js');

  it('exits 0, 1 and 2 as documented', () => {
    assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first (npm test does)');
    const env = { ...process.env, MP_SESSION_KEY: officialVector.sessionKey };
    const spawn = (args: string[]) => spawnSync(process.execPath, [cli, 'decode', ...args], { env, encoding: 'utf8' });
    const ok = spawn(vectorArgs);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /✓ decrypted/);
    const failure = spawn([...vectorArgs, '--appid', 'wx0000000000000000']);
    assert.equal(failure.status, 1);
    assert.match(failure.stderr, /appid-mismatch/);
    const usage = spawn(['--no-such-flag']);
    assert.equal(usage.status, 2);
    assert.ok(!(ok.stdout + ok.stderr + failure.stdout + failure.stderr).includes(officialVector.sessionKey));
  });
});
