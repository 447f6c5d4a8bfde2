import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePayload, describeReserialisation, verifyRawDataSignature } from '../../server/src/core/decode';
import { signatureExample } from './vectors';

const pretty = JSON.stringify(JSON.parse(signatureExample.rawData), null, 2);

describe('rawData signature', () => {
  it('matches the official example: sha1(rawData + session_key as base64 text)', () => {
    const result = verifyRawDataSignature(signatureExample, 'en');
    assert.ok(result.ok);
    assert.equal(result.value.match, true);
    assert.equal(result.value.computed, '75e81ceda165f4ffa64f4068af58c64b8f54b88c');
    assert.deepEqual(result.value.reserialised, []);
  });

  it('reports signature ✓ through decodePayload', () => {
    const report = decodePayload(signatureExample);
    assert.equal(report.format?.kind, 'raw-data');
    assert.deepEqual(report.verdicts, [
      { check: 'signature', status: 'pass', detail: 'sha1(rawData + session_key) matches the signature.' },
    ]);
    assert.deepEqual(report.errors, []);
  });

  it('flags the pretty-printed variant and sees that its compact form would match', () => {
    const result = verifyRawDataSignature({ ...signatureExample, rawData: pretty }, 'en');
    assert.ok(result.ok);
    assert.equal(result.value.match, false);
    assert.ok(result.value.computed.startsWith('293c5ea1'));
    assert.equal(result.value.compactFormMatches, true);
    assert.deepEqual(result.value.reserialised, ['it has whitespace between tokens']);
    assert.match(result.value.hint!, /re-serialised/);

    const report = decodePayload({ ...signatureExample, rawData: pretty });
    assert.equal(report.verdicts[0]?.status, 'fail');
    assert.equal(report.errors[0]?.code, 'signature-mismatch');
    assert.match(report.errors[0]!.message, /compact form/);
    assert.ok(report.notes.some((n) => n.code === 'raw-data-reserialised' && n.level === 'warning'));
  });

  it('sees re-ordered keys (e.g. sorted by a server framework) and still finds the original order', () => {
    const parsed = JSON.parse(signatureExample.rawData) as Record<string, unknown>;
    const sorted = JSON.stringify(
      Object.fromEntries(
        Object.keys(parsed)
          .sort()
          .map((k) => [k, parsed[k]]),
      ),
    );
    const result = verifyRawDataSignature({ ...signatureExample, rawData: sorted }, 'en');
    assert.ok(result.ok);
    assert.equal(result.value.match, false);
    assert.deepEqual(result.value.reserialised, ['its keys are not in the order the platform sends']);
    assert.equal(result.value.compactFormMatches, true);
  });

  it('notices escapes that compact JSON would not write', () => {
    const escaped = signatureExample.rawData.replace(/\//g, '\\/');
    assert.deepEqual(describeReserialisation(escaped, 'en'), ['its string escapes differ from compact JSON']);
  });

  it('blames the session_key when rawData is untouched', () => {
    const result = verifyRawDataSignature({ ...signatureExample, sessionKey: 'AAAAAAAAAAAAAAAAAAAAAA==' }, 'en');
    assert.ok(result.ok);
    assert.equal(result.value.match, false);
    assert.equal(result.value.compactFormMatches, false);
    assert.match(result.value.hint!, /session_key is most likely wrong or stale/);
  });

  it('compares an upper-case signature case-insensitively and says so', () => {
    const report = decodePayload({ ...signatureExample, signature: signatureExample.signature.toUpperCase() });
    assert.equal(report.verdicts[0]?.status, 'pass');
    assert.ok(report.notes.some((n) => n.code === 'signature-uppercase'));
  });

  it('rejects a signature that is not 40 hex digits', () => {
    const report = decodePayload({ ...signatureExample, signature: 'abc123' });
    assert.equal(report.errors[0]?.code, 'signature-format');
    assert.match(report.errors[0]!.message, /40 hexadecimal characters.*got 6/);
  });

  it('skips the check and names what is missing', () => {
    const report = decodePayload({ rawData: signatureExample.rawData, signature: signatureExample.signature });
    assert.equal(report.verdicts[0]?.status, 'skipped');
    assert.match(report.verdicts[0]!.detail, /session_key/);
    assert.ok(report.notes.some((n) => n.code === 'needs-session-key'));
  });
});
