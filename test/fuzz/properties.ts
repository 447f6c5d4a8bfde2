/**
 * What must hold for every input, whatever it is. Each check throws an AssertionError naming the
 * broken property; returning means the input passed. No exception may escape the code under test,
 * results must be well formed and identical when computed again from scratch.
 */
import assert from 'node:assert/strict';
import { analyzeFile, vueTemplateMayReport, type AnalysisResult } from '../../server/src/core/analyze';
import {
  decodePayload,
  type DecodeErrorCode,
  type DecodeReport,
  type DecodeRequest,
  type FormatKind,
  type JsonValue,
  type NoteCode,
} from '../../server/src/core/decode';
import { parseMarkup, type MarkupFacts } from '../../server/src/core/markup';
import { forgetSourceFile } from '../../server/src/core/parse';
import { rules } from '../../server/src/core/rules';
import type { Platform } from '../../server/src/core/types';
import { readVue, type VueDocument } from '../../server/src/core/vue';
import { applyFix, MemoryProject } from '../unit/helpers';

const ruleIds = new Set(rules.map((r) => r.id));
const severities = new Set(['error', 'warning', 'information', 'hint']);
const skipReasons = new Set(['too-large', 'binary', 'too-deep', 'parser-error', 'unreadable']);

function assertSpan(start: number, end: number, length: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: offsets must be integers (${start}, ${end})`);
  assert.ok(
    0 <= start && start <= end && end <= length,
    `${what}: [${start}, ${end}) must lie within the text (length ${length})`,
  );
}

/** A span on whole characters: neither end falls between the two halves of a surrogate pair. */
function assertWholeCharacters(text: string, start: number, end: number, what: string): void {
  for (const offset of [start, end]) {
    const high = text.charCodeAt(offset - 1);
    const low = text.charCodeAt(offset);
    assert.ok(
      !(high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff),
      `${what}: offset ${offset} splits a surrogate pair`,
    );
  }
}

/**
 * Findings inside the text and on whole characters, with known codes and severities, sorted, related
 * locations inside the text, and fixes whose edits lie inside the text, on whole characters, and do not overlap.
 */
export function assertWellFormedResult(result: AnalysisResult, text: string): void {
  assert.ok(Array.isArray(result.findings), 'findings must be an array');
  if (result.skipped) {
    assert.ok(skipReasons.has(result.skipped.reason), `unknown skip reason ${result.skipped.reason}`);
    assert.ok(result.skipped.message.length > 0, 'a skip notice needs a message');
    assert.equal(result.findings.length, 0, 'a skipped file has no findings');
  }
  let previous = -1;
  for (const finding of result.findings) {
    assertSpan(finding.start, finding.end, text.length, `finding ${finding.code}`);
    assertWholeCharacters(text, finding.start, finding.end, `finding ${finding.code}`);
    for (const related of finding.related ?? []) {
      assertSpan(related.start, related.end, text.length, `related location of ${finding.code}`);
    }
    assert.ok(finding.start >= previous, 'findings must be sorted by offset');
    previous = finding.start;
    assert.ok(ruleIds.has(finding.code), `unknown finding code ${finding.code}`);
    assert.ok(severities.has(finding.severity), `unknown severity ${finding.severity}`);
    assert.ok(typeof finding.message === 'string' && finding.message.trim().length > 0, 'a finding needs a message');
    for (const fix of finding.fixes ?? []) {
      assert.ok(fix.title.trim().length > 0, 'a fix needs a title');
      // Sorted as editors apply them: an insertion at the start of a replaced range does not overlap it.
      const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
      edits.forEach((edit, i) => {
        assertSpan(edit.start, edit.end, text.length, `edit of "${fix.title}"`);
        assertWholeCharacters(text, edit.start, edit.end, `edit of "${fix.title}"`);
        if (i > 0) assert.ok(edits[i - 1]!.end <= edit.start, `edits of "${fix.title}" overlap`);
      });
    }
  }
}

/**
 * Analyses `target` of a project three ways (fresh, again through the parse cache, and from scratch
 * with a new index), requires identical well-formed results, then applies up to three fixes and
 * analyses the fixed text.
 */
export function checkAnalysis(files: Record<string, string>, target: string): AnalysisResult {
  const text = files[target];
  assert.ok(text !== undefined, `no file ${target}`);
  const project = new MemoryProject(files);
  const fileName = project.path(target);
  forgetSourceFile(fileName);
  const first = analyzeFile(fileName, text, project.index);
  assertWellFormedResult(first, text);
  assert.deepEqual(analyzeFile(fileName, text, project.index), first, 'a second analysis (cached parse) differs');
  forgetSourceFile(fileName);
  assert.deepEqual(analyzeFile(fileName, text, new MemoryProject(files).index), first, 'an analysis from scratch differs');
  const fixes = first.findings.flatMap((f) => f.fixes ?? []).slice(0, 3);
  for (const fix of fixes) {
    const fixed = applyFix(text, fix);
    const after = analyzeFile(fileName, fixed, new MemoryProject({ ...files, [target]: fixed }).index);
    assertWellFormedResult(after, fixed);
  }
  return first;
}

/**
 * One analysis of `target`, well formed. For the scaling targets, whose inputs are large: the time of a
 * single analysis is what they bound, and determinism is checked on the smaller inputs of the others.
 */
export function checkAnalysisOnce(files: Record<string, string>, target: string): AnalysisResult {
  const text = files[target];
  assert.ok(text !== undefined, `no file ${target}`);
  const project = new MemoryProject(files);
  const fileName = project.path(target);
  forgetSourceFile(fileName);
  const result = analyzeFile(fileName, text, project.index);
  forgetSourceFile(fileName);
  assertWellFormedResult(result, text);
  return result;
}

/** Markup facts whose offsets point back at the text they describe, identical when tokenized again. */
export function checkMarkup(text: string, platform: Platform): MarkupFacts {
  const facts = parseMarkup(text, platform);
  assert.equal(facts.platform, platform);
  for (const element of facts.elements) {
    assertSpan(element.start, element.end, text.length, `element <${element.tag}>`);
    assertSpan(element.nameSpan.start, element.nameSpan.end, text.length, `name of <${element.tag}>`);
    assert.equal(text.slice(element.nameSpan.start, element.nameSpan.end), element.tag, 'the tag name span must hold the tag');
    assert.equal(text[element.start], '<', 'an element must start at "<"');
    for (const attribute of element.attributes) {
      assertSpan(attribute.nameSpan.start, attribute.nameSpan.end, text.length, `attribute ${attribute.name}`);
      assert.equal(
        text.slice(attribute.nameSpan.start, attribute.nameSpan.end),
        attribute.name,
        'the attribute name span must hold the name',
      );
      assert.ok(
        attribute.nameSpan.start > element.nameSpan.end && attribute.nameSpan.end <= element.end,
        `attribute ${attribute.name} must lie inside its start tag`,
      );
      if (attribute.valueSpan) {
        assertSpan(attribute.valueSpan.start, attribute.valueSpan.end, text.length, `value of ${attribute.name}`);
        assert.equal(
          text.slice(attribute.valueSpan.start, attribute.valueSpan.end),
          attribute.value,
          'the value span must hold the value',
        );
      } else {
        assert.equal(attribute.value, '', 'a bare attribute has an empty value');
      }
    }
  }
  const flat = flattenFacts(facts);
  for (const [i, binding] of facts.bindings.entries()) {
    assert.ok(flat.bindings[i]!.attribute >= 0, 'a binding must belong to its element');
    assert.equal(binding.handler, binding.attribute.value.trim());
    assert.equal(binding.dynamic, binding.handler.includes('{{'));
    assert.equal(binding.event, binding.event.toLowerCase(), 'events are lower-cased');
  }
  assert.equal(
    facts.hasDynamicBindings,
    facts.bindings.some((b) => b.dynamic),
  );
  assert.deepEqual(flattenFacts(parseMarkup(text, platform)), flat, 'tokenizing again gives other facts');
  return facts;
}

const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r';

/**
 * The `.vue` reader's invariants: the script text has the file's length, holds the script blocks' contents
 * where they are and spaces elsewhere, with every line break at its own offset; the blocks and the template lie
 * within the text; template facts point back at the text (tags, attribute names and values inside
 * their start tags, bindings on their own elements); a read that reuses the previous version's (an edit inside a
 * script block) gives the same document as a fresh read.
 */
export function checkVue(text: string): VueDocument {
  const fileName = '/fuzz/a.vue';
  const document = readVue(fileName, text);
  assert.equal(document.script.length, text.length, "the script text must have the file's length");
  let previousEnd = 0;
  for (const span of document.scriptSpans) {
    assertSpan(span.start, span.end, text.length, 'script block');
    assert.ok(span.start >= previousEnd, 'script blocks must be in order and apart');
    previousEnd = span.end;
  }
  if (document.setupSpan) {
    assert.ok(
      document.scriptSpans.some((s) => s.start === document.setupSpan!.start && s.end === document.setupSpan!.end),
      '<script setup> must be one of the script blocks',
    );
  }
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    while (block < document.scriptSpans.length && document.scriptSpans[block]!.end <= i) block++;
    const inScript = block < document.scriptSpans.length && document.scriptSpans[block]!.start <= i;
    const expected = inScript || isLineBreak(text[i]) ? text[i] : ' ';
    if (document.script[i] !== expected) {
      assert.fail(
        `script text at ${i}: ${JSON.stringify(document.script[i])}, expected ${JSON.stringify(expected)} ` +
          `(${inScript ? 'inside' : 'outside'} a script block, the file has ${JSON.stringify(text[i])})`,
      );
    }
  }
  if (document.templateSpan) assertSpan(document.templateSpan.start, document.templateSpan.end, text.length, 'template');
  const template = document.template;
  if (template) {
    assert.ok(document.templateSpan, 'a read template must have its span');
    for (const element of template.elements) {
      assertSpan(element.start, element.end, text.length, `element <${element.tag}>`);
      assert.ok(element.start >= document.templateSpan.start, `<${element.tag}> must lie inside the template`);
      assert.equal(text[element.start], '<', 'an element must start at "<"');
      assert.equal(text.slice(element.nameSpan.start, element.nameSpan.end), element.tag, 'the tag name span must hold the tag');
      for (const attribute of element.attributes) {
        const { nameSpan, valueSpan } = attribute;
        assertSpan(nameSpan.start, nameSpan.end, text.length, `attribute ${attribute.name}`);
        assert.ok(
          nameSpan.start > element.nameSpan.end && nameSpan.end <= element.end,
          `attribute ${attribute.name} must lie inside its start tag`,
        );
        const written = text.slice(nameSpan.start, nameSpan.end);
        // `:open-type`, `v-bind:open-type.prop` and `.open-type` (bound as a DOM property) read as `open-type`.
        const bound = /^(?::|v-bind:|\.)/.exec(written);
        assert.ok(
          written === attribute.name || (bound !== null && written.slice(bound[0].length).startsWith(attribute.name)),
          `the name span of ${attribute.name} holds ${JSON.stringify(written)}`,
        );
        if (valueSpan) {
          assertSpan(valueSpan.start, valueSpan.end, text.length, `value of ${attribute.name}`);
          assert.ok(
            valueSpan.start >= nameSpan.end && valueSpan.end <= element.end,
            `the value of ${attribute.name} must lie inside its start tag`,
          );
          const value = text.slice(valueSpan.start, valueSpan.end);
          // A bound value that is not a string literal reads as the computed `{{…}}`; a static value is read as Vue
          // compiles it: character references decoded (`&amp;` is `&`), a `class` trimmed and its spaces condensed.
          assert.ok(
            value === attribute.value ||
              attribute.value === `{{${value}}}` ||
              value.includes('&') ||
              (attribute.name === 'class' && value.replace(/[\t\r\n\f ]+/g, ' ').trim() === attribute.value),
            `the value span of ${attribute.name} holds ${JSON.stringify(value)}, not ${JSON.stringify(attribute.value)}`,
          );
        }
      }
    }
    const flat = flattenFacts({ platform: 'wechat', ...template });
    for (const [i, binding] of template.bindings.entries()) {
      assert.ok(flat.bindings[i]!.element >= 0 && flat.bindings[i]!.attribute >= 0, 'a binding must belong to its element');
      assert.equal(binding.event, binding.event.toLowerCase(), 'events are lower-cased');
      assert.ok(binding.handler === '' || /^[A-Za-z_$][\w$]*$/.test(binding.handler), `handler ${binding.handler} is a name`);
    }
  }
  // `/fuzz/a.vue` was read last with the previous input and reads each version from the one before it where it can
  // (an edit inside a script block): every read must equal a fresh one. Edits inside the first and last script
  // blocks, one closing the block early, then the text again.
  const edits = [...new Set([document.scriptSpans[0], document.scriptSpans[document.scriptSpans.length - 1]])].flatMap((span) => {
    if (!span) return [];
    const middle = (span.start + span.end) >> 1;
    return [
      `${text.slice(0, middle)}x${text.slice(middle)}`,
      `${text.slice(0, span.start)}${text.slice(span.start + 1)}`,
      `${text.slice(0, span.end)}\n${text.slice(span.end)}`,
      `${text.slice(0, middle)}</script>${text.slice(middle)}`,
    ];
  });
  for (const [i, version] of [text, ...edits, text].entries()) {
    assertSameDocument(readVue(fileName, version), readVue(`/fuzz/fresh-${freshReads++}.vue`, version), i);
  }
  return document;
}

/** Names never read before, for fresh reads of a `.vue` text. */
let freshReads = 0;

function assertSameDocument(read: VueDocument, fresh: VueDocument, version: number): void {
  const comparable = (d: VueDocument) => ({ ...d, template: d.template && flattenFacts({ platform: 'wechat', ...d.template }) });
  assert.deepEqual(
    comparable(read),
    comparable(fresh),
    `version ${version}: a read from the previous version differs from a fresh read`,
  );
}

/**
 * The `.vue` template screen hides nothing: when it says the SFC parse can be spared (`vueTemplateMayReport`), every
 * markup rule run on the parsed template reports nothing.
 */
export function checkVueScreen(files: Record<string, string>, target: string): void {
  const text = files[target];
  assert.ok(text !== undefined, `no file ${target}`);
  if (vueTemplateMayReport(text)) return;
  const project = new MemoryProject(files);
  const fileName = project.path(target);
  const facts = project.index.markupFile(fileName)?.facts;
  if (!facts) return;
  const projectConfig = project.index.projectOf(fileName);
  const libVersion = projectConfig.libVersion;
  const context = { fileName, text, facts, project: projectConfig, index: project.index, ...(libVersion ? { libVersion } : {}) };
  for (const rule of rules) {
    const findings = rule.checkMarkup?.(context) ?? [];
    assert.equal(findings.length, 0, `the .vue screen hides ${rule.id}: ${findings[0]?.message}`);
  }
}

/**
 * The facts with each binding's element and attribute replaced by their indexes, so that comparing
 * two results costs time linear in their size (a binding holds its whole element).
 */
function flattenFacts(facts: MarkupFacts) {
  const elementIndex = new Map(facts.elements.map((e, i) => [e, i]));
  const attributeIndex = new Map(facts.elements.flatMap((e) => e.attributes.map((a, i) => [a, i] as const)));
  return {
    elements: facts.elements,
    bindings: facts.bindings.map(({ event, prefix, handler, dynamic, element, attribute }) => ({
      event,
      prefix,
      handler,
      dynamic,
      element: elementIndex.get(element) ?? -1,
      attribute: element.attributes[attributeIndex.get(attribute) ?? -1] === attribute ? attributeIndex.get(attribute)! : -1,
    })),
  };
}

// Records over the unions make the compiler fail when a code is added without being listed here.
const errorCodes: Record<DecodeErrorCode, true> = {
  'empty-input': true,
  'input-too-large': true,
  'invalid-object': true,
  'unrecognised-input': true,
  'invalid-base64': true,
  'session-key-length': true,
  'iv-length': true,
  'aes-key-length': true,
  'ciphertext-length': true,
  'missing-iv': true,
  'bad-padding': true,
  'not-json': true,
  'appid-mismatch': true,
  'signature-format': true,
  'signature-mismatch': true,
  'invalid-envelope': true,
  'invalid-public-key': true,
  'alipay-sign-mismatch': true,
};
const noteCodes: Record<NoteCode, true> = {
  'leading-text-ignored': true,
  'needs-session-key': true,
  'needs-aes-key': true,
  'appid-not-checked': true,
  'watermark-in-future': true,
  'raw-data-reserialised': true,
  'signature-uppercase': true,
  'anonymous-data': true,
  'no-open-id': true,
  'alipay-code': true,
  'alipay-legacy-fields': true,
  'alipay-sign-not-verified': true,
  'not-json': true,
  'err-msg': true,
  'unknown-err-msg': true,
};
const formatKinds: Record<FormatKind, true> = {
  'success-object': true,
  'encrypted-fields': true,
  'raw-data': true,
  'decrypted-data': true,
  'user-info': true,
  'alipay-envelope': true,
  'alipay-encrypted-envelope': true,
  'alipay-response': true,
  'alipay-ciphertext': true,
  ciphertext: true,
  'err-msg': true,
  'alipay-code': true,
};

/** The keys of a request that no other input field contains (so finding them in the report is a leak). */
function secretsOf(request: DecodeRequest): string[] {
  const inputs = [request.text, request.encryptedData, request.iv, request.rawData, request.signature, request.appid].filter(
    (v): v is string => v !== undefined,
  );
  return [request.sessionKey, request.aesKey]
    .map((key) => key?.trim())
    .filter((key): key is string => key !== undefined && key.length >= 12 && !inputs.some((input) => input.includes(key)));
}

/**
 * A coded, JSON-serialisable report with known codes, never the keys it was given, and the same
 * report when decoded again.
 */
export function checkDecode(request: DecodeRequest): DecodeReport {
  const report = decodePayload(request);
  const json = JSON.stringify(report);
  assert.equal(typeof json, 'string', 'the report must serialise');
  for (const error of report.errors) {
    assert.ok(errorCodes[error.code], `unknown error code ${error.code}`);
    assert.ok(error.message.trim().length > 0, `error ${error.code} needs a message`);
  }
  for (const note of report.notes) {
    assert.ok(noteCodes[note.code], `unknown note code ${note.code}`);
    assert.ok(note.message.trim().length > 0, `note ${note.code} needs a message`);
  }
  for (const verdict of report.verdicts) {
    assert.ok(['decrypted', 'signature', 'watermark', 'response-code'].includes(verdict.check), `unknown check ${verdict.check}`);
    assert.ok(['pass', 'fail', 'skipped'].includes(verdict.status), `unknown status ${verdict.status}`);
    assert.ok(verdict.detail.trim().length > 0, `verdict ${verdict.check} needs a detail`);
  }
  if (report.format) assert.ok(formatKinds[report.format.kind], `unknown format ${report.format.kind}`);
  else assert.ok(report.errors.length > 0, 'a report without a format must say why in its errors');
  for (const secret of secretsOf(request)) assert.ok(!json.includes(secret), 'the report contains a key it was given');
  assert.deepEqual(decodePayload(request), report, 'decoding again gives another report');
  return report;
}

/** A real ciphertext decrypts to its data under its key, and fails with a coded error under another. */
export function checkCiphertext(input: { request: DecodeRequest; data: JsonValue; wrong: boolean }): void {
  const report = checkDecode(input.request);
  const decrypted = report.verdicts.find((v) => v.check === 'decrypted');
  assert.ok(decrypted, 'a ciphertext with its key must get a decryption verdict');
  if (input.wrong) {
    assert.equal(decrypted.status, 'fail', 'a wrong key or iv must not decrypt');
    assert.equal(report.plaintext, undefined);
    assert.ok(
      report.errors.length > 0 && report.errors.every((e) => e.code === 'bad-padding' || e.code === 'not-json'),
      `wrong key gave ${report.errors.map((e) => e.code).join()}`,
    );
  } else {
    assert.equal(decrypted.status, 'pass', `decryption failed: ${report.errors.map((e) => e.message).join(' ')}`);
    // Both sides may be objects without a prototype (fast-check records, the decoder's hostile-key-safe objects).
    const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
    assert.deepEqual(plain(report.data), plain(input.data), 'the decrypted data differs from what was encrypted');
  }
}
