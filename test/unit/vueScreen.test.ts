// The text screen that spares a `.vue` file the SFC parse when no markup rule can report on its template: it must
// never hide a finding. Checked on crafted templates and, differentially, on every `.vue` file of the fixtures and
// examples with each of its handlers renamed in turn: whenever handler-not-found (run on the parsed template) reports,
// the screen says the template must be parsed, and the analysis reports the same.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rules } from '../../server/src/core/rules';
import { mayHaveUnmentionedHandlers, readVue } from '../../server/src/core/vue';
import { MemoryProject } from './helpers';

const uniApp = { 'manifest.json': '{ "vueVersion": "3", "mp-weixin": {} }', 'pages.json': '{ "pages": [] }' };

/** handler-not-found on the parsed template, bypassing the screen. */
function unscreened(project: MemoryProject, name: string) {
  const fileName = project.path(name);
  const text = project.files.get(fileName)!;
  const facts = project.index.markupFile(fileName)?.facts;
  if (!facts) return [];
  const rule = rules.find((r) => r.id === 'handler-not-found')!;
  const context = { fileName, text, facts, project: project.index.projectOf(fileName), index: project.index };
  return rule.checkMarkup!(context);
}

describe('the .vue template screen', () => {
  const page = (template: string, script: string) =>
    `<template>\n  ${template}\n</template>\n<script>\nexport default { methods: { ${script} } }\n</script>\n`;

  const cases: Array<[string, string, string, boolean]> = [
    ['every handler named in the script', '<button @tap="onTap">a</button>', 'onTap() {}', false],
    ['a call with arguments', '<button @tap="onTap($event, 1)">a</button>', 'onTap() {}', false],
    ['a missing handler', '<button @tap="onTapp">a</button>', 'onTap() {}', true],
    ['a missing handler in v-on with modifiers and single quotes', "<view v-on:click.stop='go'>a</view>", 'onTap() {}', true],
    ['a missing handler without quotes', '<view @tap=go>a</view>', 'onTap() {}', true],
    ['a name only the template mentions', '<button @tap="save">save</button>', 'onTap() {}', true],
    ['an inline statement (not checked by the rule)', '<button @tap="count++">a</button>', 'onTap() {}', false],
    ['Vue members', '<button @tap="$emit(\'x\')">a</button>', 'onTap() {}', false],
    // Found by the fuzz target `vue`: each hid a handler-not-found finding.
    [
      'a missing handler in an oddly named attribute (Vue reads the event `g"x"tap`)',
      '<button @g"x"tap="onTapp">a</button>',
      'onTap() {}',
      true,
    ],
    [
      'a handler written with a character reference (`on&#84;ap` is `onTap`)',
      '<button @tap="on&#84;app">a</button>',
      'onTap() {}',
      true,
    ],
    [
      'a handler named only by a <script> inside the template',
      '<button @tap="onTapp">a</button><script>onTapp</script>',
      'onTap() {}',
      true,
    ],
  ];
  for (const [name, template, script, expected] of cases) {
    it(`says ${expected ? 'parse' : 'skip'} for ${name}`, () => {
      assert.equal(mayHaveUnmentionedHandlers(page(template, script)), expected);
    });
  }

  it('does not count a commented-out <script> block or one inside another block (found by the fuzz target `vue`)', () => {
    const template = '<template>\n  <button @tap="onTapp">a</button>\n</template>\n';
    const script = '<script>\nexport default { methods: { onTap() {} } }\n</script>\n';
    assert.equal(mayHaveUnmentionedHandlers(`<!-- <script>onTapp()</script> -->\n${template}${script}`), true);
    assert.equal(mayHaveUnmentionedHandlers(`${template}${script}<docs>\n<script>onTapp()</script>\n</docs>\n`), true);
    assert.equal(mayHaveUnmentionedHandlers(`${template}${script}<style>\n.a {\n<script>onTapp()</script>\n`), true);
    // A comment left open in the template runs to the end of the file, over the `</template>` and the script.
    assert.equal(
      mayHaveUnmentionedHandlers(
        `${template.replace('</template>', '<!--\n</template>')}${script.replace('onTap()', 'onTapp()')}`,
      ),
      true,
    );
    // `<script/>` closes itself: what follows is no script.
    assert.equal(mayHaveUnmentionedHandlers(`${template}<script/>onTapp()\n${script}`), true);
    assert.equal(mayHaveUnmentionedHandlers(`${template}${script.replace('onTap()', 'onTapp()')}`), false);
  });

  it('reads <script setup> and several script blocks', () => {
    const setup =
      '<template>\n  <button @tap="onTap">a</button>\n</template>\n<script>\nexport default {}\n</script>\n<script setup>\nconst onTap = () => {}\n</script>\n';
    assert.equal(mayHaveUnmentionedHandlers(setup), false);
  });

  it('never hides a handler-not-found finding on the .vue files of the fixtures and examples, each handler renamed in turn', () => {
    const root = path.join(__dirname, '..', '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (entry.endsWith('.vue')) files.push(full);
      }
    };
    walk(path.join(root, 'test', 'fixtures'));
    walk(path.join(root, 'examples'));
    assert.ok(files.length >= 8, `only ${files.length} .vue files`);
    let reported = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const vue = readVue(file, text);
      const span = vue.templateSpan;
      const handlers = [...new Set((vue.template?.bindings ?? []).map((b) => b.handler).filter(Boolean))];
      // Each handler renamed in the template only: the script keeps the old name, so the new one is missing.
      const rename = (h: string) =>
        span
          ? text.slice(0, span.start) +
            text.slice(span.start, span.end).replace(new RegExp(`(["'\\s(])${h}\\b`, 'g'), `$1${h}Renamed`) +
            text.slice(span.end)
          : text;
      const variants = [text, ...handlers.map(rename)];
      for (const variant of variants) {
        const project = new MemoryProject({ ...uniApp, 'pages/a/a.vue': variant });
        const expected = unscreened(project, 'pages/a/a.vue');
        const found = project.analyze('pages/a/a.vue').filter((f) => f.code === 'handler-not-found');
        if (expected.length > 0) {
          reported++;
          assert.equal(mayHaveUnmentionedHandlers(variant), true, `${file}: the screen hides ${expected[0]!.message}`);
        }
        assert.equal(found.length, expected.length, file);
      }
    }
    assert.ok(reported > 0, 'no variant made handler-not-found report: the check proves nothing');
  });

  it('covers every markup rule: a new one must be added to the screen in analyze.ts (vueTemplateMayReport)', () => {
    assert.deepEqual(
      rules
        .filter((r) => r.checkMarkup)
        .map((r) => r.id)
        .sort(),
      ['alipay-authorize-flow', 'getuserinfo-anonymous', 'handler-not-found', 'privacy-agree-event'],
    );
  });
});
