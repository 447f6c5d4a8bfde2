import * as path from 'node:path';
import type { EventBinding } from '../markup';
import { pageScriptDefines } from '../methodScan';
import { bindable, pageModelOf, type DefinitionMember } from '../model';
import { getSourceFile } from '../parse';
import { closestMatch } from '../spelling';
import type { ProjectIndex } from '../project';
import { isVueFile, readVue } from '../vue';
import type { Rule, RuleFinding } from './rule';

/** The span of the handler name inside the attribute value (without surrounding spaces). */
function handlerSpan(binding: EventBinding) {
  const valueSpan = binding.attribute.valueSpan!;
  const start = valueSpan.start + binding.attribute.value.indexOf(binding.handler);
  return { start, end: start + binding.handler.length };
}

export const rule: Rule = {
  id: 'handler-not-found',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'An event binding in WXML/AXML/TTML (`bindtap`, `onTap`, `onGetAuthorize`, …) names a method the page or component does not define.',
    platforms: ['wechat', 'alipay', 'douyin'],
    rationale:
      "A binding to a missing method does nothing when the event fires: the tap is lost, and a consent button's result " +
      '(`bindgetuserinfo`, `onGetAuthorize`) is dropped. Pages bind members of `Page({…})`, components bind `methods` of `Component({…})`; ' +
      'a function at the top level of a Component is not a handler. The rule stays quiet where it cannot see every method: computed ' +
      'bindings (`bindtap="{{handler}}"`), markup without a script, a definition object built elsewhere, or a Behavior/mixin from another module.',
    wrong: '<!-- index.wxml -->\n<button bindtap="onTapLogn">登录</button>\n\n// index.js\nPage({\n  onTapLogin() {},\n})',
    right: '<!-- index.wxml -->\n<button bindtap="onTapLogin">登录</button>\n\n// index.js\nPage({\n  onTapLogin() {},\n})',
    uniApp: {
      wrong:
        '<!-- index.vue -->\n<template>\n  <button data-eventsync="true" @tap="onTapLogn">登录</button>\n</template>\n\n<script>\nexport default {\n  methods: {\n    onTapLogin() {\n      uni.getUserProfile({ desc: \'用于完善会员资料\', fail() {} })\n    },\n  },\n}\n</script>',
      right:
        '<!-- index.vue -->\n<template>\n  <button data-eventsync="true" @tap="onTapLogin">登录</button>\n</template>\n\n<script>\nexport default {\n  methods: {\n    onTapLogin() {\n      uni.getUserProfile({ desc: \'用于完善会员资料\', fail() {} })\n    },\n  },\n}\n</script>',
    },
  },
  checkMarkup({ fileName, facts, index }) {
    const bindings = facts.bindings.filter((b) => !b.dynamic && b.handler !== '' && b.attribute.valueSpan);
    if (bindings.length === 0) return [];
    if (isVueFile(fileName)) return checkVueTemplate(fileName, bindings, index);
    const scripts = index.scriptsOfMarkup(fileName);
    if (scripts.length === 0) return [];
    // Most pages define what they bind: confirm that from the text and leave the script unparsed.
    const only = scripts.length === 1 ? index.readFile(scripts[0]!) : undefined;
    if (only !== undefined && pageScriptDefines(only, new Set(bindings.map((b) => b.handler)))) return [];
    const members: DefinitionMember[] = [];
    for (const script of scripts) {
      const text = index.readFile(script);
      if (text === undefined) return [];
      const definitions = pageModelOf(getSourceFile(script, text)).definitions;
      // Methods may come from elsewhere, or the script defines the page in a way we do not read.
      if (!definitions.complete || !(definitions.kinds.has('Page') || definitions.kinds.has('Component'))) return [];
      members.push(...definitions.members);
    }
    const scriptNames = scripts.map((s) => path.basename(s)).join(', ');
    const methods = members.filter((m) => bindable(m) && m.callable);
    const methodNames = [...new Set(methods.map((m) => m.name))];
    const defined = new Set(methodNames);
    const findings: RuleFinding[] = [];
    for (const binding of bindings) {
      const name = binding.handler;
      if (defined.has(name)) continue;
      const span = handlerSpan(binding);
      const same = members.filter((m) => m.name === name);
      if (same.some((m) => bindable(m))) {
        findings.push({
          ...span,
          message: `\`${name}\` in ${scriptNames} is not a function, so \`${binding.attribute.name}\` has no handler to call.`,
        });
        continue;
      }
      if (same.some((m) => m.kind === 'Component' && m.group === undefined && m.callable)) {
        findings.push({
          ...span,
          message: `\`${name}\` is defined at the top level of \`Component({…})\` in ${scriptNames}, not in \`methods\`, so \`${binding.attribute.name}\` cannot call it. Move it into \`methods\`.`,
        });
        continue;
      }
      const suggestion = closestMatch(name, methodNames);
      const stopOnly =
        binding.prefix.includes('catch') && !suggestion
          ? ` To only stop the event, leave the value empty: \`${binding.attribute.name}=""\`.`
          : '';
      findings.push({
        ...span,
        message: `No method \`${name}\` in ${scriptNames}: \`${binding.attribute.name}\` has no handler to call.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}${stopOnly}`,
        ...(suggestion
          ? { fixes: [{ title: `Change to \`${suggestion}\``, preferred: true, edits: [{ ...span, newText: suggestion }] }] }
          : {}),
      });
    }
    return findings;
  },
};

/**
 * A `.vue` template's handlers. The template may also name props, computed values, data, imports of
 * `<script setup>` and properties every component gets from a global mixin, so a name is only reported when the
 * script never mentions it, the component's members are all in this file, and the app installs no global mixin.
 */
function checkVueTemplate(fileName: string, bindings: EventBinding[], index: ProjectIndex): RuleFinding[] {
  const text = index.readFile(fileName);
  if (text === undefined) return [];
  const vue = readVue(fileName, text);
  if (vue.scriptSpans.length === 0) return [];
  // `$emit`, `$refs.x.open`, `_private`: Vue's own and by convention injected members.
  const candidates = bindings.filter((b) => !b.inline && !b.handler.startsWith('$') && !b.handler.startsWith('_'));
  if (candidates.length === 0) return [];
  // Every name the script blocks mention, in one pass: a handler the script names anywhere is not reported, and
  // most pages name all of theirs, so the script is parsed only when some name is missing.
  const mentioned = new Set(vue.script.match(/[A-Za-z_$][\w$]*/g));
  const missing = candidates.filter((b) => !mentioned.has(b.handler));
  if (missing.length === 0) return [];
  const definitions = pageModelOf(getSourceFile(fileName, text)).definitions;
  if (!definitions.complete || !definitions.kinds.has('Vue') || installsGlobalMembers(fileName, index)) return [];
  const methodNames = [...new Set(definitions.members.filter((m) => bindable(m) && m.callable).map((m) => m.name))];
  const findings: RuleFinding[] = [];
  for (const binding of missing) {
    const name = binding.handler;
    const span = handlerSpan(binding);
    const suggestion = closestMatch(name, methodNames);
    findings.push({
      ...span,
      message: `No method or function \`${name}\` in the script of ${path.basename(fileName)}: \`${binding.attribute.name}\` has no handler to call.${suggestion ? ` Did you mean \`${suggestion}\`?` : ''}`,
      ...(suggestion
        ? { fixes: [{ title: `Change to \`${suggestion}\``, preferred: true, edits: [{ ...span, newText: suggestion }] }] }
        : {}),
    });
  }
  return findings;
}

/** True when the app's entry (`main.js`/`main.ts`) adds members to every component: a global mixin or `globalProperties`. */
function installsGlobalMembers(fileName: string, index: ProjectIndex): boolean {
  const project = index.projectOf(fileName);
  for (const folder of new Set([project.appRoot, project.root, path.join(project.root, 'src')])) {
    for (const entry of ['main.js', 'main.ts']) {
      const text = index.readFile(path.join(folder, entry));
      if (text !== undefined && /\bmixin\s*\(|globalProperties|\.prototype\.\$?\w+\s*=/.test(text)) return true;
    }
  }
  return false;
}
