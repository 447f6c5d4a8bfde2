import type { EventBinding, MarkupElement } from '../markup';
import { bindable } from '../model';
import { builtinTags, isVueFile, isVueTap } from '../vue';
import type { Rule, RuleFinding } from './rule';

/**
 * True when the element asks for its events at once: `data-eventsync="true"`, or any bound form
 * (`:data-eventsync="true"`). uni-app's event invoker compares `String(e.target.dataset.eventsync)` with `'true'`
 * (dcloudio/uni-app, packages/uni-mp-vue/src/helpers/vOn.ts), so a bound `true` counts too; another bound value may be
 * true at run time, so it is not reported either.
 */
function hasEventSync(element: MarkupElement): boolean {
  // The template reader gives a bound attribute its argument as the name and `{{expression}}` as the value (a string
  // literal is read as its text), as WXML writes a computed value.
  return element.attributes.some((a) => a.name === 'data-eventsync' && (a.value.trim() === 'true' || a.value.startsWith('{{')));
}

export const rule: Rule = {
  id: 'uni-eventsync',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'In a uni-app Vue 3 page, a template event that leads to a tap-only API (`getUserProfile`) is on an element without `data-eventsync="true"`.',
    platforms: ['uni-app'],
    rationale:
      // FACTS §9; uni-app's Vue 2 → Vue 3 migration guide (uniapp.dcloud.net.cn/tutorial/migration-to-vue3.html),
      // "Vue3 项目部分小程序端事件延迟或调用失败" and "监听原生的点击事件".
      "uni-app's Vue 3 runtime can deliver a template event to its handler late on the mini-program platforms; its migration guide says " +
      'to add `data-eventsync="true"` to the element whose event must run at once. An API that only works inside a user tap ' +
      '(`uni.getUserProfile`, `wx.getUserProfile`) then fails with the tap-gesture error although the code calls it straight from ' +
      'the handler. The same guide says that Vue 3 no longer turns `@click` on a custom component into the native tap: the ' +
      "handler runs on the component's own `click` event, so the attribute belongs on the native element inside the component.",
    wrong:
      '<!-- index.vue -->\n<template>\n  <button @tap="onTapProfile">完善资料</button>\n</template>\n\n<script setup>\nfunction onTapProfile() {\n' +
      "  wx.getUserProfile({ desc: '用于完善会员资料', fail() {} })\n}\n</script>",
    right:
      '<!-- index.vue -->\n<template>\n  <button data-eventsync="true" @tap="onTapProfile">完善资料</button>\n</template>\n\n<script setup>\n' +
      "function onTapProfile() {\n  wx.getUserProfile({ desc: '用于完善会员资料', fail() {} })\n}\n</script>",
  },
  checkScript({ fileName, calls, model, markup, index }) {
    if (!isVueFile(fileName) || !markup) return [];
    const tapCalls = calls.filter((call) => call.api.constraints?.tapOnly);
    if (tapCalls.length === 0 || index.projectOf(fileName).uniApp?.vueVersion !== 3) return [];
    const facts = index.markupFile(fileName)?.facts;
    if (!facts) return [];
    const findings: RuleFinding[] = [];
    const reported = new Set<EventBinding['attribute']>();
    for (const call of tapCalls) {
      const verdict = model.gestureVerdict(call.node, markup);
      // Calls that lose the gesture anyway are not-in-tap-handler's; this rule is about the ones a tap does reach.
      if (!verdict?.ok) continue;
      const handlers = new Set(
        model
          .membersReaching(call.node)
          .filter(bindable)
          .map((m) => m.name),
      );
      const api = `${call.ref.namespace}.${call.ref.name}`;
      for (const binding of facts.bindings) {
        if (!isVueTap(binding) || !handlers.has(binding.handler) || reported.has(binding.attribute)) continue;
        if (hasEventSync(binding.element)) continue;
        reported.add(binding.attribute);
        const element = binding.element;
        const attribute = binding.attribute.name;
        if (binding.event === 'click' && !builtinTags.has(element.tag)) {
          findings.push({
            ...binding.attribute.nameSpan,
            message:
              `\`${attribute}\` on the component \`<${element.tag}>\` leads to \`${api}\`, which needs the user's tap. In Vue 3, uni-app does not ` +
              `turn \`@click\` on a component into the native tap, and events can reach their handler late: put \`data-eventsync="true"\` ` +
              `on the native element inside \`<${element.tag}>\` that emits \`click\`, or use a native \`<button>\` here.`,
          });
          continue;
        }
        findings.push({
          ...binding.attribute.nameSpan,
          message:
            `\`${attribute}\` leads to \`${api}\`, which needs the user's tap, but in uni-app's Vue 3 runtime the event can reach its handler ` +
            `late and the call then fails with the tap-gesture error. Add \`data-eventsync="true"\` to this \`<${element.tag}>\`.`,
          fixes: [
            {
              title: 'Add data-eventsync="true"',
              preferred: true,
              edits: [{ start: element.nameSpan.end, end: element.nameSpan.end, newText: ' data-eventsync="true"' }],
            },
          ],
        });
      }
    }
    return findings;
  },
};
